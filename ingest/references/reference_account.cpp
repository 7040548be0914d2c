#include "ingest/references/reference_account.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace claimgraph::ingest::references {
namespace {

bool has_letter(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (u_isalpha(code_point_at(s, i, &i))) return true;
  }
  return false;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Every Latin word of four letters or more starts in upper case: "International Network for
// the Human Rights of …", not "Trade and economic cooperation between …".
bool title_case(std::string_view text) {
  for (const auto& w : split_words(text)) {
    if (w.size() >= 4 && u_islower(code_point_at(w, 0, nullptr))) return false;
  }
  return true;
}

// Byte offset of `phrase` in `text`, case ignored; npos when absent.
std::size_t find_folded(std::string_view text, std::string_view phrase) {
  const auto f = fold_case(phrase);
  for (std::size_t i = 0; i + phrase.size() <= text.size(); ++i) {
    if (fold_case(text.substr(i, phrase.size())) == f) return i;
  }
  return std::string_view::npos;
}

std::string unbracketed(std::string_view note) {
  std::string s = fold_case(note);
  while (!s.empty() && (s.front() == '(' || s.front() == '[')) s.erase(s.begin());
  while (!s.empty() && (s.back() == ')' || s.back() == ']')) s.pop_back();
  return s;
}

// "Title (Moscow: Nauka, 2016)": publication data in brackets at a title's end, once the date
// is taken out ("Moscow: Nauka"); nullopt when the title ends otherwise.
std::optional<std::string> trailing_publication(std::string& title) {
  if (title.empty() || title.back() != ')') return std::nullopt;
  const auto open = title.rfind('(');
  if (open == std::string::npos || open == 0) return std::nullopt;
  const auto inner = trim_punctuation(std::string_view(title).substr(open + 1, title.size() - open - 2));
  if (inner.find(": ") == std::string::npos) return std::nullopt;
  title = trim_punctuation(std::string_view(title).substr(0, open));
  return inner;
}

}  // namespace

struct AccountReader::Item {
  enum class Kind { kText, kQuoted, kVenue, kOriginal, kLatinBracket };
  Kind kind;
  std::string text;
};

std::string AccountReader::without_notes(std::string text,
                                         std::optional<std::string>* language) const {
  for (const auto& note : words_.lex.language_notes) {
    for (const auto& phrase : note.words) {
      const auto at = find_folded(text, phrase);
      if (at == std::string::npos) continue;
      text.erase(at, phrase.size());
      *language = note.language;
    }
  }
  return text;
}

bool AccountReader::is_note(const std::string& bracket, std::optional<std::string>* language) const {
  const auto content = fold_case(bracket);
  for (const auto& note : words_.lex.language_notes) {
    for (const auto& phrase : note.words) {
      if (unbracketed(phrase) == content) {
        *language = note.language;
        return true;
      }
    }
  }
  return std::any_of(words_.bracket_notes.begin(), words_.bracket_notes.end(),
                     [&](const std::string& n) { return content.find(n) != std::string::npos; });
}

std::string AccountReader::without_dates(std::string text, std::optional<std::string>* date) const {
  const auto found = dates_.find_all(text);
  // From the last, so that earlier offsets hold; the first date found is the work's.
  for (auto d = found.rbegin(); d != found.rend(); ++d) {
    std::size_t b = d->begin;
    std::size_t e = d->end;
    while (b > 0 && text[b - 1] == ' ') --b;
    while (e < text.size() && text[e] == ' ') ++e;
    const char before = b > 0 ? text[b - 1] : '\0';
    const char after = e < text.size() ? text[e] : '\0';
    const bool opens = before == '\0' || before == ',' || before == '(' || before == ':' ||
                       before == '.' || before == ';';
    const bool closes = after == '\0' || after == ',' || after == ')' || after == '.' ||
                        after == ';' || after == ':';
    if (!opens || !closes) continue;
    if (before == '(' && after == ')') {
      --b;
      ++e;
    }
    text.replace(b, e - b, b > 0 && e < text.size() ? " " : "");
    *date = d->iso;
  }
  return trim_punctuation(text);
}

bool AccountReader::is_numbering(const std::string& chunk) const {
  bool numbering_word = false;
  std::string left;
  for (auto w : split_words(chunk)) {
    const auto f = fold_case(w);
    if (std::find(words_.numbering.begin(), words_.numbering.end(), f) != words_.numbering.end()) {
      numbering_word = true;
      continue;
    }
    // Hangul affixes: "제15권" is "제" + 15 + "권".
    for (bool changed = true; changed;) {
      changed = false;
      for (const auto& n : words_.numbering) {
        if (n.empty() || !u_isalpha(code_point_at(n, 0, nullptr)) ||
            !is_hangul(code_point_at(n, 0, nullptr))) {
          continue;
        }
        if (w.size() > n.size() && w.compare(0, n.size(), n) == 0) {
          w.erase(0, n.size());
          changed = numbering_word = true;
        } else if (w.size() > n.size() && w.compare(w.size() - n.size(), n.size(), n) == 0) {
          w.erase(w.size() - n.size());
          changed = numbering_word = true;
        }
      }
    }
    left += w + " ";
  }
  // Roman numerals after a volume word ("Vol. XIX") count as numbers.
  std::string letters;
  for (std::size_t i = 0; i < left.size();) {
    std::size_t next;
    const UChar32 c = code_point_at(left, i, &next);
    if (u_isalpha(c)) letters += left.substr(i, next - i);
    i = next;
  }
  const bool roman = !letters.empty() && numbering_word &&
                     letters.find_first_not_of("IVXLCDM") == std::string::npos;
  return (letters.empty() || roman) && (has_digit(left) || numbering_word);
}

std::string AccountReader::without_numbering(const std::string& text) const {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const auto comma = text.find(", ", start);
    const auto chunk = text.substr(start, comma == std::string::npos ? std::string::npos
                                                                    : comma - start);
    if (!is_numbering(chunk)) {
      if (!out.empty()) out += ", ";
      out += chunk;
    }
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  // Trailing numbers of a journal's name: "Journal of Finance 12" -> "Journal of Finance".
  auto ws = split_words(out);
  while (ws.size() > 1 && !has_letter(ws.back())) ws.pop_back();
  std::string joined;
  for (const auto& w : ws) joined += (joined.empty() ? "" : " ") + w;
  return trim_punctuation(joined);
}

std::optional<std::string> AccountReader::trailing_venue(std::string& title) const {
  // "Title, Journal 제32집", "Title, Journal of X, 12(3)": commas part an unquoted title from
  // where it appeared. The first part after the first that names a venue, holds a number or
  // is followed by volume and page numbers starts the venue.
  std::vector<std::string> chunks;
  for (std::size_t start = 0;;) {
    const auto comma = title.find(", ", start);
    chunks.push_back(title.substr(start, comma == std::string::npos ? comma : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  for (std::size_t k = 1; k < chunks.size(); ++k) {
    const bool venue = words_.is_venue(chunks[k]) || has_digit(chunks[k]) ||
                       (k + 1 < chunks.size() && is_numbering(chunks[k + 1]));
    if (!venue || is_numbering(chunks[k])) continue;
    std::string head;
    std::string tail;
    for (std::size_t j = 0; j < chunks.size(); ++j) {
      auto& part = j < k ? head : tail;
      if (!part.empty()) part += ", ";
      part += chunks[j];
    }
    title = trim_punctuation(head);
    const auto v = without_numbering(tail);
    if (v.empty()) return std::nullopt;
    return v;
  }
  return std::nullopt;
}

std::optional<std::string> AccountReader::leading_organization(const std::string& text) const {
  const auto n = words_.phrase_at_start(text, words_.organization_prefixes);
  if (n > 0) {
    auto rest = trim_punctuation(std::string_view(text).substr(n));
    if (words_.is_organization(rest)) return rest;
  }
  return std::nullopt;
}

std::vector<AccountReader::Item> AccountReader::items(const std::vector<Piece>& pieces,
                                                      Account& a) const {
  std::vector<Item> out;
  bool venue_next = false;
  for (const auto& p : pieces) {
    std::string text = p.text;
    switch (p.kind) {
      case Piece::Kind::kCitedIn:
        continue;
      case Piece::Kind::kVenueMarker:
        venue_next = true;
        continue;
      case Piece::Kind::kBracket: {
        if (is_note(text, &a.language)) continue;
        if (mostly_non_latin(text)) {
          auto inner = scan(text, words_);
          // ["А. С. Ващук. Трудовые мигранты…"]: the whole part quoted.
          if (inner.size() == 1 && inner[0].kind == Piece::Kind::kQuoted) {
            inner = scan(inner[0].text, words_);
          }
          a.originals.push_back(read(inner));
          out.push_back({Item::Kind::kOriginal, ""});
        } else if (has_letter(text)) {
          out.push_back({Item::Kind::kLatinBracket, trim_punctuation(text)});
        }
        continue;
      }
      case Piece::Kind::kVenueQuoted:
        text = trim_punctuation(text);
        if (!text.empty()) out.push_back({Item::Kind::kVenue, text});
        a.letters += text + " ";
        venue_next = false;
        continue;
      case Piece::Kind::kQuoted:
        text = trim_punctuation(without_notes(text, &a.language));
        break;
      case Piece::Kind::kText: {
        text = without_notes(text, &a.language);
        std::optional<std::string> date;
        text = without_dates(text, &date);
        if (date && !a.date) a.date = date;
        const auto marker = words_.phrase_at_start(text, words_.venue_markers);
        if (marker > 0 && marker < text.size()) {
          text = trim_punctuation(std::string_view(text).substr(marker));
          venue_next = true;
        }
        break;
      }
    }
    if (text.empty()) continue;
    a.letters += text + " ";
    const auto kind = venue_next                       ? Item::Kind::kVenue
                      : p.kind == Piece::Kind::kQuoted ? Item::Kind::kQuoted
                                                       : Item::Kind::kText;
    out.push_back({kind, text});
    venue_next = false;
  }
  return out;
}

Account AccountReader::read(const std::vector<Piece>& pieces) const {
  Account a;
  auto v = items(pieces, a);
  std::size_t i = 0;
  auto kind_at = [&](std::size_t k) {
    return k < v.size() ? v[k].kind : Item::Kind::kOriginal;
  };
  auto later_titles = [&](std::size_t from) {
    std::size_t n = 0;
    for (std::size_t k = from; k < v.size(); ++k) {
      n += v[k].kind == Item::Kind::kText || v[k].kind == Item::Kind::kQuoted;
    }
    return n;
  };
  auto set_organization = [&](const std::string& name) {
    a.authors = {name};
    a.organizations = {name};
  };
  // Authors, when they open the account.
  if (kind_at(0) == Item::Kind::kText) {
    const std::string& t = v[0].text;
    const bool latin = !mostly_non_latin(t);
    if (auto org = leading_organization(t)) {
      set_organization(*org);
      i = 1;
    } else if (auto names = strong_names(t, words_)) {
      a.authors = *names;
      i = 1;
    } else if (kind_at(1) == Item::Kind::kQuoted) {  // Author “Title”
      if (words_.is_organization(t)) {
        set_organization(t);
      } else {
        a.authors = weak_names(t, words_).value_or(std::vector<std::string>{t});
      }
      i = 1;
    } else if (auto weak = weak_names(t, words_); weak && later_titles(1) > 0) {
      a.authors = *weak;
      i = 1;
    } else if (words_.is_organization(t) && !words_.is_venue(t) && (!latin || title_case(t)) &&
               later_titles(1) > 0) {
      set_organization(t);
      i = 1;
    } else {
      // "Surname, I., Surname, I., Title" or "이영형, Title": the longest run of names with
      // initials or Hangul names before a comma or colon, with a title of two words or more
      // after it.
      std::vector<std::size_t> cuts;
      for (std::size_t at = t.find_first_of(",:"); at != std::string::npos && cuts.size() < 24;
           at = t.find_first_of(",:", at + 1)) {
        if (at + 1 < t.size() && t[at + 1] == ' ') cuts.push_back(at);
      }
      for (auto cut = cuts.rbegin(); cut != cuts.rend(); ++cut) {
        const auto head = t.substr(0, *cut);
        const auto tail = trim_punctuation(std::string_view(t).substr(*cut + 2));
        if (split_words(tail).size() < 2) continue;
        if (const auto names = strong_names(head, words_)) {
          a.authors = *names;
          v[0].text = tail;
          break;
        }
      }
    }
  }
  // The title: the first quoted or plain piece left.
  for (; i < v.size() && !a.title; ++i) {
    if (v[i].kind == Item::Kind::kText) {
      a.title = v[i].text;
      if (auto venue = trailing_venue(*a.title); venue && !a.venue) a.venue = venue;
    } else if (v[i].kind == Item::Kind::kQuoted) {
      a.title = v[i].text;
    } else if (v[i].kind == Item::Kind::kVenue && !a.venue) {
      a.venue = v[i].text;
    }
  }
  if (a.title) {
    if (auto publication = trailing_publication(*a.title); publication && !a.venue) {
      a.venue = publication;
    }
  }
  if (a.title && kind_at(i) == Item::Kind::kLatinBracket) a.translation = v[i++].text;
  // What follows: authors not found yet, the venue, a second title.
  for (; i < v.size(); ++i) {
    const auto& t = v[i].text;
    switch (v[i].kind) {
      case Item::Kind::kOriginal:
        continue;
      case Item::Kind::kVenue:
        if (!a.venue) {
          a.venue = without_numbering(t);
          continue;
        }
        break;
      case Item::Kind::kText:
        if (a.authors.empty()) {
          if (auto org = leading_organization(t)) {
            set_organization(*org);
            continue;
          }
          if (auto names = strong_names(t, words_)) {
            a.authors = *names;
            continue;
          }
          if (words_.is_organization(t) && !words_.is_venue(t) &&
              (mostly_non_latin(t) || title_case(t))) {
            set_organization(t);
            continue;
          }
        }
        break;
      case Item::Kind::kQuoted:
      case Item::Kind::kLatinBracket:
        break;
    }
    const auto cleaned = v[i].kind == Item::Kind::kQuoted ? t : without_numbering(t);
    if (!cleaned.empty()) a.rest.push_back(cleaned);
  }
  return a;
}

void split_venue(const std::string& text, std::optional<std::string>& venue,
                 std::optional<std::string>& place) {
  const auto colon = text.find(": ");
  if (colon != std::string::npos && colon > 0) {
    const auto head = text.substr(0, colon);
    std::string plain = head;
    std::replace(plain.begin(), plain.end(), ',', ' ');
    const auto ws = split_words(plain);
    const bool place_like =
        ws.size() <= 3 && std::all_of(ws.begin(), ws.end(), [](const std::string& w) {
          return u_isupper(code_point_at(w, 0, nullptr));
        });
    const auto tail = trim_punctuation(std::string_view(text).substr(colon + 2));
    if (place_like && !tail.empty()) {
      place = trim_punctuation(head);
      venue = tail;
      return;
    }
  }
  if (!text.empty()) venue = text;
}

}  // namespace claimgraph::ingest::references
