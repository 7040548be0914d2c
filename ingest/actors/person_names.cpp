#include "ingest/actors/person_names.hpp"

#include "graph/text_case.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

#include "ingest/json_file.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::actors {

struct NameMatcher::Icu {
  // BGN/PCGN for Russian (the spelling of the English-language press: "Vashchuk", "Ivakhnyuk"),
  // Any-Latin for other scripts, then diacritics off ("Yë" -> "Ye").
  std::unique_ptr<icu::Transliterator> latin;
  std::unique_ptr<icu::Transliterator> hangul;  // jamo by jamo: 박 -> "bag", 이 -> "i"
};

struct NameMatcher::Token {
  std::string text;  // NFKC, as written
  bool comma_before = false;
  bool hangul = false;
  bool dotted = false;
  bool all_upper = true;
  bool has_lower = false;
  std::size_t letter_count = 0;
  std::vector<std::string> groups;  // runs of letters, as written
  bool initials = false;            // "I.V.", "AS", "Yu."
  std::string folded;               // ASCII letters, '-' between parts ("yeong-hyeong")
  std::vector<std::string> letters; // initials: each one folded ("i", "v", "yu")
};

namespace {

constexpr const char* kLatinId = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";
constexpr const char* kHangulId = "Hangul-Latin";

UChar32 next_code_point(std::string_view s, std::size_t i, std::size_t* next) {
  if (static_cast<unsigned char>(s[i]) < 0x80) {
    *next = i + 1;
    return static_cast<UChar32>(s[i]);
  }
  return code_point_at(s, i, next);
}
bool is_letter(UChar32 c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u_isalpha(c); }
bool is_upper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c); }
bool is_lower(UChar32 c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c); }
bool is_separator(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c >= 0x80 && is_space(c));
}

// Lower-case ASCII letters of romanized text, one '-' between parts; apostrophes, primes and
// dots go (MR "Ch'oe" -> "choe", BGN "Lanʹkov" -> "lankov").
std::string letters_only(std::string_view s) {
  std::string out;
  for (char c : s) {
    c = graph::ascii_lower(c);
    if (c >= 'a' && c <= 'z') {
      out.push_back(c);
    } else if (c == '-' && !out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  if (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::vector<std::string> split_on(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= s.size()) {
    const auto e = std::min(s.find(sep, b), s.size());
    if (e > b) out.emplace_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// RR spells a syllable's consonants by position; ICU's Hangul-Latin spells jamo ("bag" for 박).
std::string rr_syllable(const NameLexicon& lex, const std::string& s) {
  const auto first = s.find_first_of("aeiouwy");
  if (first == std::string::npos) return s;
  const auto last = s.find_last_of("aeiouwy") + 1;
  auto pick = [](const FoldTable& t, const std::string& part) {
    const auto it = t.pairs.find(part);
    return it == t.pairs.end() ? part : it->second;
  };
  return pick(lex.hangul_onsets, s.substr(0, first)) + s.substr(first, last - first) +
         pick(lex.hangul_codas, s.substr(last));
}

bool matches_at(std::string_view s, std::size_t at, const std::string& part) {
  return s.compare(at, part.size(), part) == 0;
}

}  // namespace

NameMatcher::NameMatcher(std::shared_ptr<const NameLexicon> lexicon)
    : lex_(std::move(lexicon)), icu_(std::make_unique<Icu>()) {
  for (auto [slot, id] : {std::pair{&icu_->latin, kLatinId}, std::pair{&icu_->hangul, kHangulId}}) {
    UErrorCode status = U_ZERO_ERROR;
    slot->reset(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !*slot) {
      throw std::runtime_error(std::string("ICU has no transliterator \"") + id + "\": " +
                               u_errorName(status));
    }
  }
  for (const auto& s : lex_->korean_surnames) {
    const auto name = without(fold_word(s.spellings.front()), '-');
    for (const auto& sp : s.spellings) {
      auto folded = without(fold_word(sp), '-');
      if (!folded.empty()) surname_by_spelling_.emplace(std::move(folded), name);
    }
    for (const auto& h : s.hangul) surname_by_hangul_.emplace(h, name);
  }
}

NameMatcher::~NameMatcher() = default;

std::string NameMatcher::transliterate(bool hangul, std::string_view text) const {
  ++transliterations_;
  auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  (hangul ? icu_->hangul : icu_->latin)->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string NameMatcher::fold_word(std::string_view word) const {
  // MR's breves must become RR's vowels before anything strips diacritics.
  std::string s = lex_->romanization_folds.apply(fold_case(word));
  if (!is_ascii(s)) s = transliterate(false, s);
  return letters_only(s);
}

std::string NameMatcher::loose(const FoldTable& table, std::string_view text) const {
  std::string out;
  for (char c : table.apply(without(text, '-'))) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

std::vector<NameMatcher::Token> NameMatcher::tokenize(std::string_view text) {
  std::vector<Token> out;
  Token cur;
  bool comma = false;
  auto close = [&] {
    if (!cur.text.empty()) {
      cur.comma_before = comma;
      comma = false;
      out.push_back(std::move(cur));
    }
    cur = Token{};
  };
  bool in_group = false;
  int depth = 0;  // what stands in brackets is a gloss or another spelling: "Lee Yŏng-hyŏng (이영형)"
  for (std::size_t i = 0, next = 0; i < text.size(); i = next) {
    const UChar32 c = next_code_point(text, i, &next);
    const bool opens = c == '(' || c == '[';
    const bool closes = c == ')' || c == ']';
    if (opens || closes || depth > 0) {
      if (opens && depth == 0) close();
      depth = std::max(0, depth + int{opens} - int{closes});
      in_group = false;
      continue;
    }
    if (c == ',' || is_separator(c)) {
      close();
      comma = comma || c == ',';
      in_group = false;
      continue;
    }
    cur.text.append(text.substr(i, next - i));
    if (!is_letter(c)) {
      cur.dotted = cur.dotted || c == '.';
      in_group = false;
      continue;
    }
    if (!in_group) cur.groups.emplace_back();
    in_group = true;
    cur.groups.back().append(text.substr(i, next - i));
    ++cur.letter_count;
    cur.hangul = cur.hangul || is_hangul_syllable(c);
    cur.all_upper = cur.all_upper && is_upper(c);
    cur.has_lower = cur.has_lower || is_lower(c);
  }
  close();
  return out;
}

void NameMatcher::classify(Token& t, bool name_has_lower) const {
  std::vector<std::string> parts;
  if (t.dotted) {
    // "I.V.", "Yu.A.": every letter run an initial ("Yu" for Ю when the lexicon says so).
    t.initials = std::all_of(t.groups.begin(), t.groups.end(), [&](const std::string& g) {
      if (code_points(g) == 1) return true;
      if (!is_ascii(g) || !(g[0] >= 'A' && g[0] <= 'Z')) return false;
      const auto lower = fold_case(g);
      return lower.substr(1) == g.substr(1) && lex_->initial_digraphs.count(lower) > 0;
    });
    parts = t.groups;
  } else if (t.groups.size() == 1 && t.letter_count <= 3 && t.all_upper &&
             (t.letter_count == 1 || name_has_lower)) {
    t.initials = true;  // "AS", "F": capitals written together in a name that has lower case
    for (std::size_t i = 0, next = 0; i < t.groups[0].size(); i = next) {
      code_point_at(t.groups[0], i, &next);
      parts.push_back(t.groups[0].substr(i, next - i));
    }
  }
  if (t.initials) t.letters = split_on(fold_word(join(parts, "-")), '-');
  if (!t.initials || !t.dotted) t.folded = fold_word(t.text);
}

bool NameMatcher::syllabic(std::string_view folded) const {
  const auto parts = split_on(folded, '-');
  for (const auto& s : parts) {
    std::vector<bool> reach(s.size() + 1, false);
    reach[0] = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!reach[i]) continue;
      for (const auto& onset : lex_->korean_onsets) {
        if (!matches_at(s, i, onset)) continue;
        const auto j = i + onset.size();
        for (const auto& vowel : lex_->korean_vowels) {
          if (!matches_at(s, j, vowel)) continue;
          const auto k = j + vowel.size();
          for (const auto& coda : lex_->korean_codas) {
            if (matches_at(s, k, coda)) reach[k + coda.size()] = true;
          }
        }
      }
    }
    if (!reach[s.size()]) return false;
  }
  return !parts.empty();
}

PersonName NameMatcher::parse(std::string_view name) const {
  // ASCII names skip ICU altogether: no normalization, no transliteration.
  auto tokens = tokenize(normalize_nfkc(name));
  std::vector<Token> kept;
  bool comma = false;
  for (auto& t : tokens) {
    comma = comma || t.comma_before;
    // "M.S." is initials, not the title "Ms.".
    const bool letters_dotted =
        t.groups.size() > 1 && std::all_of(t.groups.begin(), t.groups.end(),
                                           [](const std::string& g) { return code_points(g) == 1; });
    if (t.letter_count == 0 ||
        (!letters_dotted && lex_->titles.count(without(fold_case(t.text), '.')))) {
      continue;
    }
    t.comma_before = comma && !kept.empty();
    comma = false;
    kept.push_back(std::move(t));
  }
  if (kept.empty()) return {};
  if (kept.front().hangul) return parse_hangul(kept);
  const bool has_lower =
      std::any_of(kept.begin(), kept.end(), [](const Token& t) { return t.has_lower; });
  for (auto& t : kept) classify(t, has_lower);
  PersonName out;
  if (parse_korean(kept, out)) return out;
  return parse_generic(kept);
}

void NameMatcher::korean_given(PersonName& p, const std::vector<GivenPart>& parts) const {
  for (const auto& part : parts) {
    if (!part.initial) p.given += part.text;
    // An initial folds as the start of a syllable: "Y." is not the lone "y" of "Syngman".
    const auto l = loose(lex_->korean_loose, part.initial ? part.text + "a" : part.text);
    if (!l.empty()) p.initials += l[0];
  }
  p.given_key = loose(lex_->korean_loose, p.given);
}

PersonName NameMatcher::parse_hangul(const std::vector<Token>& tokens) const {
  // Spaces between syllables carry nothing: "이 영 형" is "이영형".
  std::vector<std::string> syllables;
  for (const auto& t : tokens) {
    for (std::size_t i = 0, next = 0; t.hangul && i < t.text.size(); i = next) {
      if (is_hangul_syllable(code_point_at(t.text, i, &next))) syllables.push_back(t.text.substr(i, next - i));
    }
  }
  PersonName p;
  p.korean = true;
  if (syllables.empty()) return p;
  const std::size_t n =
      syllables.size() >= 3 && surname_by_hangul_.count(syllables[0] + syllables[1]) ? 2 : 1;
  auto roman = split_on(transliterate(true, join(syllables, " ")), ' ');
  if (roman.size() != syllables.size()) {
    roman.clear();
    for (const auto& s : syllables) roman.push_back(transliterate(true, s));
  }
  for (auto& r : roman) r = rr_syllable(*lex_, without(letters_only(r), '-'));
  const auto surname_hangul = syllables[0] + (n == 2 ? syllables[1] : "");
  const auto surname_rr = roman[0] + (n == 2 ? roman[1] : "");
  const auto it = surname_by_hangul_.find(surname_hangul);
  p.surname = it != surname_by_hangul_.end() ? it->second : surname_rr;
  p.surname_key =
      it != surname_by_hangul_.end() ? it->second : loose(lex_->korean_loose, surname_rr);
  std::vector<GivenPart> given;
  for (std::size_t i = n; i < roman.size(); ++i) given.push_back({roman[i], false});
  korean_given(p, given);
  return p;
}

bool NameMatcher::parse_korean(const std::vector<Token>& t, PersonName& p) const {
  const std::size_t n = t.size();
  if (n < 2) return false;
  std::size_t comma = n;
  for (std::size_t i = 1; i < n && comma == n; ++i) comma = t[i].comma_before ? i : n;
  auto surname_at = [&](std::size_t i) -> const std::string* {
    if (t[i].dotted) return nullptr;
    // Capitals written together are initials ("AN Lankin") unless a given name in Korean parts
    // follows ("KIM Jong-un", "LEE Yeong Hyeong").
    const bool parts_follow = i == 0 && (n > 2 || t[1].folded.find('-') != std::string::npos);
    if (t[i].initials && t[i].letter_count > 1 && !parts_follow) return nullptr;
    const auto it = surname_by_spelling_.find(without(t[i].folded, '-'));
    return it == surname_by_spelling_.end() ? nullptr : &it->second;
  };
  auto given_ok = [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      if (!t[i].initials && !syllabic(t[i].folded)) return false;
    }
    return true;
  };
  // Surname first (Korean order, "Lee Yeong-hyeong", "Lee, Y.H."), else last ("Jong-un Kim"),
  // when every given part splits into romanized Korean syllables.
  std::size_t at = n;
  const std::string* surname = nullptr;
  if ((comma == 1 || comma == n) && (surname = surname_at(0)) != nullptr && given_ok(1, n)) {
    at = 0;
  } else if (comma == n && !t[n - 1].initials && (surname = surname_at(n - 1)) != nullptr &&
             given_ok(0, n - 1)) {
    at = n - 1;
  } else {
    return false;
  }
  p.korean = true;
  p.surname = p.surname_key = *surname;
  std::vector<GivenPart> given;
  for (std::size_t i = 0; i < n; ++i) {
    if (i == at) continue;
    if (t[i].initials) {
      for (const auto& l : t[i].letters) given.push_back({l, true});
    } else {
      for (const auto& part : split_on(t[i].folded, '-')) given.push_back({part, false});
    }
  }
  korean_given(p, given);
  return true;
}

PersonName NameMatcher::parse_generic(const std::vector<Token>& t) const {
  const std::size_t n = t.size();
  std::size_t comma = n;
  for (std::size_t i = 1; i < n && comma == n; ++i) comma = t[i].comma_before ? i : n;
  auto word = [&](std::size_t i) { return !t[i].initials; };
  auto patronymic = [&](std::size_t i) {
    const auto& w = t[i].folded;
    return word(i) && std::any_of(lex_->patronymic_endings.begin(), lex_->patronymic_endings.end(),
                                  [&](const std::string& e) {
                                    return w.size() > e.size() + 1 &&
                                           w.compare(w.size() - e.size(), e.size(), e) == 0;
                                  });
  };
  const bool three_words = n == 3 && word(0) && word(1) && word(2);
  std::size_t sb = 0;  // the surname's tokens: [sb, se)
  std::size_t se = 1;
  if (comma < n) {
    se = comma;  // "Ivakhnyuk, Irina"
  } else if (n > 1 && word(0) && !word(n - 1)) {
    // "Ivakhnyuk I.V.", "Lankin AS": the surname leads
  } else if (three_words && patronymic(1)) {
    sb = 2, se = 3;  // "Irina Viktorovna Ivakhnyuk"
  } else if (three_words && patronymic(2)) {
    // "Ivakhnyuk Irina Viktorovna"
  } else {
    se = n;
    while (se > 1 && !word(se - 1)) --se;
    if (!word(se - 1)) se = n;
    sb = se - 1;
    while (sb > 0 && word(sb - 1) && lex_->particles.count(t[sb - 1].folded)) --sb;  // "van Gogh"
  }
  PersonName p;
  std::vector<std::string> surname, given;
  for (std::size_t i = 0; i < n; ++i) {
    const bool in_surname = i >= sb && i < se;
    if (in_surname) {
      surname.push_back(word(i) ? t[i].folded : join(t[i].letters, ""));
    } else if (word(i)) {
      given.push_back(t[i].folded);
      for (const auto& part : split_on(t[i].folded, '-')) {
        p.initials += loose(lex_->latin_loose, part).substr(0, 1);
      }
    } else {
      for (const auto& l : t[i].letters) p.initials += loose(lex_->latin_loose, l).substr(0, 1);
    }
  }
  p.surname = join(surname, " ");
  p.given = join(given, " ");
  const auto korean = surname.size() == 1 ? surname_by_spelling_.find(without(p.surname, '-'))
                                          : surname_by_spelling_.end();
  p.surname_key = korean != surname_by_spelling_.end() ? korean->second
                                                       : loose(lex_->latin_loose, p.surname);
  if (!given.empty()) p.given_key = loose(lex_->latin_loose, given.front());
  return p;
}

std::string NameMatcher::key(std::string_view name) const { return key(parse(name)); }

std::string NameMatcher::key(const PersonName& name) {
  if (name.surname_key.empty()) return "";
  return name.surname_key + "|" + name.initials.substr(0, 1);
}

bool NameMatcher::same_person(const PersonName& a, const PersonName& b) {
  if (a.surname_key.empty() || a.surname_key != b.surname_key) return false;
  if (!a.given_key.empty() && !b.given_key.empty()) {
    // Parsed alike, the loose keys compare; parsed as Korean on one side only, the plain spelling.
    const bool same = a.korean == b.korean
                          ? a.given_key == b.given_key
                          : split_on(a.given, ' ').front() == split_on(b.given, ' ').front();
    if (!same) return false;
  }
  const auto& shorter = a.initials.size() <= b.initials.size() ? a.initials : b.initials;
  const auto& longer = a.initials.size() <= b.initials.size() ? b.initials : a.initials;
  return longer.compare(0, shorter.size(), shorter) == 0;
}

}  // namespace claimgraph::ingest::actors
