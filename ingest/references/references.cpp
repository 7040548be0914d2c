// A footnote is read in three steps. It is cut into pieces (reference_text.cpp). The pieces
// are parted into a Latin account and an original-script account (a bracketed part, or the
// second half of a footnote that gives everything twice, "Title? Author. Venue. Date.
// Название? Автор. …"), and each account at its "cited in" marker. Each account is read by
// position: authors first unless a title opens it, then the title, then what follows (a
// second title after a romanized one, then the venue). Then the accounts are merged into one
// CitedWork.

#include "ingest/references/references.hpp"

#include "graph/text_case.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <stdexcept>

#include "ingest/references/reference_account.hpp"
#include "ingest/references/reference_dates.hpp"
#include "ingest/references/reference_text.hpp"

namespace claimgraph::ingest::references {
namespace {

using references::Account;
using references::Piece;

// Transliterated to plain Latin, the consonants of a title by rough class (vowels dropped,
// voiced and voiceless alike, repeats merged): a romanization and its original meet
// whatever the system (McCune-Reischauer "Kŭktong" vs ICU's "geugdong").
std::string skeleton(const std::string& latin) {
  std::string s;
  for (const char c : latin) {
    const char l = graph::ascii_lower(c);
    if (l >= 'a' && l <= 'z') s.push_back(l);
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    const char n = i + 1 < s.size() ? s[i + 1] : '\0';
    if (n == 'h' && (c == 'c' || c == 's' || c == 'z' || c == 'k')) {
      c = c == 'k' ? 'h' : 's';
      ++i;
    } else if (c == 't' && n == 's') {
      c = 's';
      ++i;
    }
    switch (c) {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w':
        continue;
      case 'g': case 'k': case 'q': case 'x': c = 'k'; break;
      case 'd': case 't': c = 't'; break;
      case 'b': case 'p': case 'f': case 'v': c = 'p'; break;
      case 'l': case 'r': c = 'r'; break;
      case 'c': case 'j': case 'z': case 's': c = 's'; break;
      case 'm': case 'n': c = 'n'; break;
      default: break;
    }
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

double likeness(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (const char x : a) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      cur[j + 1] = x == b[j] ? prev[j] + 1 : std::max(prev[j + 1], cur[j]);
    }
    std::swap(prev, cur);
  }
  return 2.0 * static_cast<double>(prev[b.size()]) / static_cast<double>(a.size() + b.size());
}

// Unrelated titles score about 0.5-0.7 on consonant classes; romanizations above 0.9.
constexpr double kRomanizationLikeness = 0.8;

bool script_piece(const Piece& p) {
  return p.kind == Piece::Kind::kText || p.kind == Piece::Kind::kQuoted ||
         p.kind == Piece::Kind::kVenueQuoted;
}

// Where the original-script half of a footnote starts: the first piece mostly in another
// script from which on at least 70% of the letters are in another script (pieces.size()
// when there is none).
std::size_t original_half(const std::vector<Piece>& pieces) {
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    if (!script_piece(pieces[k]) || !references::mostly_non_latin(pieces[k].text)) continue;
    int latin = 0;
    int other = 0;
    for (std::size_t i = k; i < pieces.size(); ++i) {
      if (!script_piece(pieces[i])) continue;
      const auto c = references::count_scripts(pieces[i].text);
      latin += c.latin;
      other += c.other;
    }
    if (other * 10 >= (latin + other) * 7) return k;
  }
  return pieces.size();
}

std::pair<std::vector<Piece>, std::vector<Piece>> at_cited_in(std::vector<Piece> pieces) {
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].kind == Piece::Kind::kCitedIn) {
      std::vector<Piece> cited(pieces.begin() + static_cast<std::ptrdiff_t>(i) + 1, pieces.end());
      pieces.resize(i);
      return {std::move(pieces), std::move(cited)};
    }
  }
  return {std::move(pieces), {}};
}

std::optional<std::string> take_front(std::vector<std::string>& v) {
  if (v.empty()) return std::nullopt;
  auto s = std::move(v.front());
  v.erase(v.begin());
  return s;
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& s : from) {
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
  }
}

}  // namespace

struct ReferenceParser::Impl {
  std::shared_ptr<const ReferenceLexicon> lexicon;
  references::ReferenceWords words;
  references::DateFinder dates;
  std::unique_ptr<icu::Transliterator> to_latin;
  const icu::Normalizer2* nfkc = nullptr;

  explicit Impl(std::shared_ptr<const ReferenceLexicon> lex)
      : lexicon(std::move(lex)), words(*lexicon), dates(*lexicon) {
    UErrorCode status = U_ZERO_ERROR;
    to_latin.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD,
                                                       status));
    nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || !to_latin || !nfkc) {
      throw std::runtime_error(std::string("ICU transliteration is unavailable: ") +
                               u_errorName(status));
    }
  }

  std::string latin(std::string_view s) const {
    // ASCII needs no normalization and no transliteration, only lower case.
    if (is_ascii(s)) {
      return graph::ascii_lower(s);
    }
    UErrorCode status = U_ZERO_ERROR;
    auto u = nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())),
                             status);
    u.foldCase();
    to_latin->transliterate(u);
    u.foldCase();
    std::string out;
    return u.toUTF8String(out);
  }

  // Latin letters and digits of `s` in words joined by single spaces.
  std::string key_text(std::string_view s) const {
    const auto l = latin(s);
    std::string out;
    bool gap = false;
    for (const char c : l) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && !out.empty()) out.push_back(' ');
        gap = false;
        out.push_back(c);
      } else {
        gap = true;
      }
    }
    return out;
  }

  bool romanizes(const std::string& romanized, const std::string& original) const {
    const auto a = skeleton(latin(romanized));
    const auto b = skeleton(latin(original));
    return a.size() >= 4 && b.size() >= 4 && likeness(a, b) >= kRomanizationLikeness;
  }

  std::optional<std::string> language_of(const std::string& letters, const std::string& script) const {
    for (const auto& l : lexicon->language_letters) {
      if (l.script != script) continue;
      for (std::size_t i = 0; i < l.letters.size();) {
        std::size_t next;
        code_point_at(l.letters, i, &next);
        if (fold_case(letters).find(l.letters.substr(i, next - i)) != std::string::npos) {
          return l.language;
        }
        i = next;
      }
    }
    const auto it = lexicon->script_languages.find(script);
    if (it == lexicon->script_languages.end()) return std::nullopt;
    return it->second;
  }

  // One work from its Latin account and its original-script account (either may be empty).
  CitedWork merge(Account latin_account, Account original_account,
                  std::vector<std::string>& warnings) const {
    CitedWork w;
    Account* original = &original_account;
    if (original->empty() && !latin_account.originals.empty()) {
      original = &latin_account.originals.front();
    }
    Account& l = latin_account;
    std::optional<std::string> title = l.title;
    if (title && original->title && romanizes(*title, *original->title)) {
      w.title_romanized = title;
      title = take_front(l.rest);
    }
    if (l.translation) {
      if (!w.title_romanized) w.title_romanized = title;
      title = l.translation;
    }
    if (!title && original->translation) title = original->translation;
    w.title = title;
    w.authors = l.authors;
    w.authors_original = original->authors;
    add_unique(w.organizations, l.organizations);
    add_unique(w.organizations, original->organizations);
    w.title_original = original->title;
    auto venue = l.venue ? l.venue : take_front(l.rest);
    if (venue) references::split_venue(*venue, w.venue, w.place);
    auto venue_original = original->venue ? original->venue : take_front(original->rest);
    std::optional<std::string> place_original;
    if (venue_original) references::split_venue(*venue_original, w.venue_original, place_original);
    if (!w.place) w.place = place_original;
    w.date = l.date ? l.date : original->date;
    for (const auto* a : {&l, original}) {
      for (const auto& r : a->rest) warnings.push_back("not understood: \u201C" + r + "\u201D");
    }
    const auto script = references::count_scripts(original->letters);
    if (script.other > 0) {
      w.script = references::script_code(script.main_other);
      w.language = language_of(original->letters, *w.script);
    } else if (references::count_scripts(l.letters).latin > 0) {
      w.script = "Latn";
      // A romanized title says the work is not in English, but not which language it is.
      if (!w.title_romanized) w.language = language_of(l.letters, "Latn");
    }
    if (l.language) w.language = l.language;
    if (original->language) w.language = original->language;
    return w;
  }
};

ReferenceParser::ReferenceParser(std::shared_ptr<const ReferenceLexicon> lexicon)
    : impl_(std::make_unique<Impl>(std::move(lexicon))) {}

ReferenceParser::~ReferenceParser() = default;

namespace {

// A list number before a reference ("33 ", "54. ", "[23] ", "(8) ", "1) "): one to three
// digits, so that a year is never taken for one. The bytes it covers, 0 when there is none.
std::size_t list_number(std::string_view text) {
  std::size_t i = 0;
  const char open = !text.empty() && (text[0] == '[' || text[0] == '(') ? text[0] : '\0';
  if (open != '\0') ++i;
  const std::size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits || i - digits > 3) return 0;
  if (open != '\0') {
    if (i >= text.size() || text[i] != (open == '[' ? ']' : ')')) return 0;
    ++i;
  } else if (i < text.size() && (text[i] == '.' || text[i] == ')')) {
    ++i;
  }
  return i < text.size() && text[i] == ' ' ? i + 1 : 0;
}

}  // namespace

ParsedReference ReferenceParser::parse(std::string_view raw) const {
  ParsedReference out;
  std::string text = fold_spaces(raw);
  text.erase(0, list_number(text));
  auto pieces = references::scan(text, impl_->words);
  const auto k = original_half(pieces);
  std::vector<Piece> original(pieces.begin() + static_cast<std::ptrdiff_t>(k), pieces.end());
  pieces.resize(k);
  auto [latin_main, latin_cited] = at_cited_in(std::move(pieces));
  auto [original_main, original_cited] = at_cited_in(std::move(original));
  const references::AccountReader reader(impl_->words, impl_->dates);
  out.work = impl_->merge(reader.read(latin_main), reader.read(original_main), out.warnings);
  const bool cited_in = !latin_cited.empty() || !original_cited.empty();
  if (!out.work.date && !cited_in) {
    // No date where a date stands ("…, 2012." or "(2012)"): the first year of the footnote,
    // as in "Journal 2005, 61, 327" or "Navarro, Federico 2008. Title".
    if (const auto found = impl_->dates.find_all(text); !found.empty()) {
      out.work.date = found.front().iso;
    }
  }
  if (cited_in) {
    auto cited =
        impl_->merge(reader.read(latin_cited), reader.read(original_cited), out.warnings);
    if (cited.empty()) {
      out.warnings.push_back("nothing found after \u201Ccited in\u201D");
    } else {
      out.cited_in = std::move(cited);
    }
  }
  if (!out.work.title && !out.work.title_original && !out.work.title_romanized) {
    out.warnings.insert(out.warnings.begin(), "no title found");
  }
  return out;
}

std::string ReferenceParser::work_key(const CitedWork& work) const {
  const auto& title = work.title_original ? work.title_original
                      : work.title        ? work.title
                                          : work.title_romanized;
  if (!title) return "";
  std::string author;
  const auto& names = work.authors_original.empty() ? work.authors : work.authors_original;
  if (!names.empty()) {
    const auto& first = names.front();
    const bool organization = std::find(work.organizations.begin(), work.organizations.end(),
                                        first) != work.organizations.end();
    const auto& scripts = impl_->lexicon->surname_first_scripts;
    const bool surname_first =
        work.script && std::find(scripts.begin(), scripts.end(), *work.script) != scripts.end();
    author = impl_->key_text(organization ? first : references::surname(first, surname_first));
  }
  return author + "|" + impl_->key_text(*title);
}

}  // namespace claimgraph::ingest::references
