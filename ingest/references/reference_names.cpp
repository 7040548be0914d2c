// Telling names of persons from other text in a footnote, by their shape: initials before or
// after a surname, a surname and Vancouver initials, "Surname, Given", Hangul names.

#include <unicode/uchar.h>

#include <algorithm>

#include "ingest/references/reference_text.hpp"

namespace claimgraph::ingest::references {
namespace {

bool hangul(UChar32 c) { return is_hangul(c); }

int code_points(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size();) {
    code_point_at(s, i, &i);
    ++n;
  }
  return n;
}

bool all_hangul(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    if (!hangul(code_point_at(s, i, &i))) return false;
  }
  return true;
}

// "Vashchuk", "D'Hondt", "Karmiloff-Smith", "Ващук": upper case first, a lower-case letter
// somewhere, letters and ’'- only.
bool is_surname_word(std::string_view w) {
  if (w.empty() || !u_isupper(code_point_at(w, 0, nullptr))) return false;
  bool lower = false;
  for (std::size_t i = 0; i < w.size();) {
    const UChar32 c = code_point_at(w, i, &i);
    if (u_islower(c)) lower = true;
    if (!u_isalpha(c) && c != '-' && c != '\'' && c != 0x2019) return false;
  }
  return lower;
}

// Vancouver initials: one to three capitals without dots ("AS", "WS", "G").
bool is_bare_initials(std::string_view w) {
  const int n = code_points(w);
  if (n < 1 || n > 3) return false;
  for (std::size_t i = 0; i < w.size();) {
    if (!u_isupper(code_point_at(w, i, &i))) return false;
  }
  return true;
}

bool is_particle(std::string_view w, const ReferenceWords& words) {
  const auto f = fold_case(w);
  return std::find(words.particles.begin(), words.particles.end(), f) != words.particles.end();
}

std::string strip_list_punct(std::string_view s) {
  std::string out = trim_punctuation(s);
  return out;
}

// The authors of a list, split at ';' if any, else at ',' and joiner words; a bare surname
// followed by a part of initials (or of given names, when the list starts "Surname, Given")
// is joined back to it.
std::vector<std::string> split_authors(std::string_view text, const ReferenceWords& words) {
  std::vector<std::string> parts;
  const bool semicolons = text.find(';') != std::string_view::npos;
  std::string current;
  for (const auto& w : split_words(text)) {
    const bool joiner = std::find(words.joiners.begin(), words.joiners.end(), fold_case(w)) !=
                        words.joiners.end();
    if (joiner && !semicolons) {
      parts.push_back(current);
      current.clear();
      continue;
    }
    if (joiner) continue;
    if (!current.empty()) current += ' ';
    current += w;
    const char last = w.back();
    if (last == ';' || (!semicolons && last == ',')) {
      parts.push_back(current);
      current.clear();
    }
  }
  parts.push_back(current);
  std::vector<std::string> chunks;
  for (const auto& p : parts) {
    auto t = strip_list_punct(p);
    if (!t.empty()) chunks.push_back(std::move(t));
  }
  if (semicolons) return chunks;
  auto only_initials = [](const std::string& c) {
    const auto ws = split_words(c);
    return std::all_of(ws.begin(), ws.end(), [](const std::string& w) {
      return is_initials(w) || is_bare_initials(w);
    });
  };
  auto single_surname = [&](const std::string& c) {
    const auto ws = split_words(c);
    return ws.size() == 1 && is_surname_word(ws[0]);
  };
  const bool inverted = !chunks.empty() && single_surname(chunks[0]);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (i + 1 < chunks.size() && single_surname(chunks[i])) {
      const auto& next = chunks[i + 1];
      const auto next_words = split_words(next);
      const bool given = inverted && next_words.size() <= 3 &&
                         std::all_of(next_words.begin(), next_words.end(), [](const auto& w) {
                           return is_surname_word(w) || is_initials(w);
                         });
      if (only_initials(next) || given) {
        out.push_back(chunks[i] + ", " + next);
        ++i;
        continue;
      }
    }
    out.push_back(chunks[i]);
  }
  return out;
}

// One person written with initials: "A. S. Vashchuk", "Ivakhnyuk I.V.", "Lankin AS",
// "Vashchuk, A. S.", "Robert D. Hershey".
bool is_initialed_name(std::string_view name, const ReferenceWords& words) {
  std::string plain(name);
  std::replace(plain.begin(), plain.end(), ',', ' ');
  const auto ws = split_words(plain);
  if (ws.size() < 2 || ws.size() > 6) return false;
  std::vector<char> kind;  // 'i' initials, 'b' bare initials, 's' surname word, 'p' particle
  for (const auto& w : ws) {
    if (is_initials(w)) {
      kind.push_back('i');
    } else if (is_surname_word(w)) {
      kind.push_back('s');
    } else if (is_particle(w, words)) {
      kind.push_back('p');
    } else if (is_bare_initials(w)) {
      kind.push_back('b');
    } else {
      return false;
    }
  }
  const std::string k(kind.begin(), kind.end());
  auto matches = [&](std::string_view re_like) {
    // Tiny shapes: I+ S[SP]*  |  S[SP]* (I+|B)  |  S I+ S
    if (re_like == "initials-first") {
      std::size_t i = 0;
      while (i < k.size() && k[i] == 'i') ++i;
      if (i == 0 || i == k.size() || k[i] == 'b') return false;
      for (; i < k.size(); ++i) {
        if (k[i] != 's' && k[i] != 'p') return false;
      }
      return k.back() == 's';
    }
    if (re_like == "surname-first") {
      std::size_t i = 0;
      while (i < k.size() && (k[i] == 's' || k[i] == 'p')) ++i;
      if (i == 0 || i > 3 || i == k.size()) return false;
      if (k[i] == 'b') return i + 1 == k.size();
      for (; i < k.size(); ++i) {
        if (k[i] != 'i') return false;
      }
      return true;
    }
    // Given name, initials, surname.
    return k.size() >= 3 && k[0] == 's' && k[1] == 'i' && k.back() == 's' &&
           k.find('b') == std::string::npos;
  };
  return matches("initials-first") || matches("surname-first") || matches("given-first");
}

}  // namespace

bool is_initials(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  std::size_t i = 0;
  while (i < w.size()) {
    const UChar32 c = code_point_at(w, i, &i);
    if (!u_isupper(c)) return false;
    if (i < w.size() && u_islower(code_point_at(w, i, nullptr))) {  // "Yu.", "Zh."
      code_point_at(w, i, &i);
    }
    if (i >= w.size() || w[i] != '.') return false;
    ++i;
    if (i < w.size() && w[i] == '-') ++i;  // "Ж.-П."
  }
  return true;
}

bool is_hangul_name(std::string_view text) {
  const auto ws = split_words(text);
  if (ws.empty() || ws.size() > 3) return false;
  // One word of two to four syllables ("이영형"), or a one-syllable surname and given names
  // of one or two syllables ("이 영 형", "이 영형").
  int total = 0;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (!all_hangul(ws[i])) return false;
    const int n = code_points(ws[i]);
    if (ws.size() > 1 && (n > 2 || (i == 0 && n != 1))) return false;
    total += n;
  }
  return ws.size() == 1 ? total >= 2 && total <= 4 : total <= 4;
}

std::string strip_et_al(std::string_view text, const ReferenceWords& words) {
  std::string t = trim_punctuation(text);
  const std::string f = fold_case(t);
  for (const auto& e : words.et_al) {
    if (f.size() > e.size() && f.compare(f.size() - e.size(), e.size(), e) == 0 &&
        f[f.size() - e.size() - 1] == ' ') {
      return trim_punctuation(std::string_view(t).substr(0, t.size() - e.size()));
    }
  }
  return t;
}

// Korean names are also joined by a dot or a middle dot with no space: "최경원.임연옥.윤현숙",
// "정진영․ 박호정". Those joins become commas.
std::string hangul_joins(std::string_view text) {
  std::string out;
  UChar32 before = 0;
  for (std::size_t i = 0, next = 0; i < text.size(); i = next) {
    const UChar32 c = code_point_at(text, i, &next);
    const bool join = c == '.' || c == 0x00B7 || c == 0x2024 || c == 0x30FB || c == 0x2027;
    if (join && hangul(before)) {
      std::size_t after = next;
      while (after < text.size() && text[after] == ' ') ++after;
      if (after < text.size() && hangul(code_point_at(text, after, nullptr))) {
        out += ", ";
        next = after;
        before = 0;
        continue;
      }
    }
    out.append(text.substr(i, next - i));
    before = c;
  }
  return out;
}

std::optional<std::vector<std::string>> strong_names(std::string_view text,
                                                     const ReferenceWords& words) {
  const auto list = strip_et_al(hangul_joins(text), words);
  if (list.empty()) return std::nullopt;
  auto names = split_authors(list, words);
  if (names.empty()) return std::nullopt;
  for (const auto& n : names) {
    if (!is_initialed_name(n, words) && !is_hangul_name(n)) return std::nullopt;
  }
  return names;
}

std::optional<std::vector<std::string>> weak_names(std::string_view text,
                                                   const ReferenceWords& words) {
  if (auto strong = strong_names(text, words)) return strong;
  const auto list = strip_et_al(text, words);
  if (list.empty()) return std::nullopt;
  auto names = split_authors(list, words);
  if (names.empty()) return std::nullopt;
  for (const auto& n : names) {
    if (is_hangul_name(n)) continue;
    std::string plain(n);
    std::replace(plain.begin(), plain.end(), ',', ' ');
    const auto ws = split_words(plain);
    if (ws.empty() || ws.size() > 4) return std::nullopt;
    bool surname = false;
    for (const auto& w : ws) {
      if (is_surname_word(w)) {
        surname = true;
      } else if (!is_initials(w) && !is_particle(w, words) && !is_bare_initials(w)) {
        return std::nullopt;
      }
    }
    if (!surname) return std::nullopt;
  }
  return names;
}

std::string surname(std::string_view name, bool surname_first) {
  const auto comma = name.find(',');
  if (comma != std::string_view::npos) name = name.substr(0, comma);
  const auto ws = split_words(name);
  if (ws.empty()) return "";
  if (ws.size() == 1) {
    // A Hangul name in one word: its first syllable is the surname.
    if (all_hangul(ws[0]) && code_points(ws[0]) >= 2 && surname_first) {
      std::size_t next;
      code_point_at(ws[0], 0, &next);
      return ws[0].substr(0, next);
    }
    return trim_punctuation(ws[0]);
  }
  const bool first_initial = is_initials(ws.front());
  const bool last_initial = is_initials(ws.back()) || is_bare_initials(ws.back());
  if (first_initial && !last_initial) return trim_punctuation(ws.back());
  if (last_initial && !first_initial) return trim_punctuation(ws.front());
  return trim_punctuation(surname_first ? ws.front() : ws.back());
}

}  // namespace claimgraph::ingest::references
