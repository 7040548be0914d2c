#include "ingest/references/reference_text.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace claimgraph::ingest::references {
namespace {

std::vector<std::string> folded(const std::vector<std::string>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const auto& s : list) out.push_back(fold_case(fold_spaces(s)));
  return out;
}

// ICU-escaped alternation of phrases, longest first, between word boundaries.
std::string alternation(std::vector<std::string> phrases) {
  std::sort(phrases.begin(), phrases.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string pattern = "(?<![\\p{L}\\p{N}])(?:";
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) pattern += "|";
    pattern += "\\Q" + fold_spaces(phrases[i]) + "\\E";
  }
  // A phrase matching nothing when the list is empty.
  if (phrases.empty()) pattern += "(?!)";
  return pattern + ")(?![\\p{L}\\p{N}])";
}


bool starts_with_hangul(std::string_view s) {
  return !s.empty() && is_hangul(code_point_at(s, 0, nullptr));
}

bool is_letter_or_digit(UChar32 c) { return u_isalnum(c) != 0; }

// Opening marks at i: a quote opens at the start, after white space or after an opening mark.
bool may_open(std::string_view text, std::size_t i) {
  if (i == 0) return true;
  const UChar32 before = code_point_before(text, i, nullptr);
  return is_space(before) || before == '(' || before == '[' || u_charType(before) == U_INITIAL_PUNCTUATION ||
         u_charType(before) == U_START_PUNCTUATION;
}

// A closing mark closes unless a letter or digit follows ("Russia’s").
bool may_close(std::string_view text, std::size_t end) {
  return end >= text.size() || !is_letter_or_digit(code_point_at(text, end, nullptr));
}

bool at(std::string_view text, std::size_t i, std::string_view mark) {
  return text.substr(i, mark.size()) == mark;
}

// The end of a run between `open` and `close` starting at `i` (at `open`), nesting counted;
// npos when it does not close. `stop_at_bracket`: an open '[' ends the search (a title
// quote left open before a bracketed original).
std::size_t closing(std::string_view text, std::size_t i, std::string_view open,
                    std::string_view close, bool stop_at_bracket, std::size_t* bracket) {
  int depth = 0;
  for (std::size_t j = i + open.size(); j < text.size();) {
    if (stop_at_bracket && text[j] == '[') {
      if (bracket) *bracket = j;
      return std::string_view::npos;
    }
    if (at(text, j, close) && may_close(text, j + close.size())) {
      if (depth == 0) return j;
      --depth;
      j += close.size();
      continue;
    }
    if (open != close && at(text, j, open) && may_open(text, j)) {
      ++depth;
      j += open.size();
      continue;
    }
    std::size_t next;
    code_point_at(text, j, &next);
    j = next;
  }
  return std::string_view::npos;
}

std::size_t bracket_end(std::string_view text, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < text.size(); ++j) {
    if (text[j] == '[') ++depth;
    if (text[j] == ']' && --depth == 0) return j;
  }
  return std::string_view::npos;
}

void add_text(std::vector<Piece>& out, std::string_view run, const ReferenceWords& words) {
  // "cited in" markers first: they may stand inside a sentence ("…”, 2006, cited in Trade…").
  std::size_t from = 0;
  while (from < run.size()) {
    const Span rest{static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(run.size())};
    const auto m = words.cited_in.find(run, rest);
    const std::size_t end = m ? m->whole.begin : run.size();
    for (auto& s : split_sentences(run.substr(from, end - from), words)) {
      out.push_back({Piece::Kind::kText, std::move(s), false});
    }
    if (!m) break;
    out.push_back({Piece::Kind::kCitedIn, std::string(slice(run, m->whole)), false});
    from = m->whole.end;
  }
}

}  // namespace

ReferenceWords::ReferenceWords(const ReferenceLexicon& lexicon)
    : lex(lexicon),
      cited_in(alternation(lexicon.cited_in), false, "references.json: cited_in"),
      abbreviations(folded(lexicon.abbreviations)),
      numbering(folded(lexicon.numbering_words)),
      particles(folded(lexicon.name_particles)),
      joiners(folded(lexicon.name_joiners)),
      et_al(folded(lexicon.et_al)),
      bracket_notes(folded(lexicon.bracket_notes)),
      organization_words(folded(lexicon.organization_words)),
      venue_words(folded(lexicon.venue_words)),
      organization_prefixes(folded(lexicon.organization_prefixes)),
      venue_markers(folded(lexicon.venue_markers)) {}

bool ReferenceWords::is_abbreviation(std::string_view word) const {
  const auto w = fold_case(word);
  return std::find(abbreviations.begin(), abbreviations.end(), w) != abbreviations.end();
}

bool ReferenceWords::has_word(std::string_view text, const std::vector<std::string>& list) const {
  const std::string f = fold_case(text);
  std::vector<std::string_view> ws;
  std::size_t start = std::string::npos;
  for (std::size_t i = 0; i <= f.size();) {
    std::size_t next = i + 1;
    const bool letter = i < f.size() && is_letter_or_digit(code_point_at(f, i, &next));
    if (letter && start == std::string::npos) start = i;
    if (!letter && start != std::string::npos) {
      ws.push_back(std::string_view(f).substr(start, i - start));
      start = std::string::npos;
    }
    if (i == f.size()) break;
    i = next;
  }
  for (const auto& item : list) {
    const bool prefix = !item.empty() && item.back() == '*';
    const std::string_view stem = prefix ? std::string_view(item).substr(0, item.size() - 1)
                                         : std::string_view(item);
    if (stem.empty()) continue;
    const bool hangul = starts_with_hangul(stem);
    for (const auto w : ws) {
      if (w == stem || (prefix && w.substr(0, stem.size()) == stem)) return true;
      if (hangul && w.size() > stem.size() &&
          (w.substr(0, stem.size()) == stem || w.substr(w.size() - stem.size()) == stem)) {
        return true;
      }
    }
  }
  return false;
}

std::size_t ReferenceWords::phrase_at_start(std::string_view text,
                                            const std::vector<std::string>& phrases) const {
  std::size_t best = 0;
  for (const auto& p : phrases) {
    if (p.size() <= best || p.size() > text.size()) continue;
    if (fold_case(text.substr(0, p.size())) != p) continue;
    const bool word_end = p.size() == text.size() || text[p.size()] == ' ' ||
                          !is_letter_or_digit(code_point_before(p, p.size(), nullptr)) ||
                          !is_letter_or_digit(code_point_at(text, p.size(), nullptr));
    if (word_end) best = p.size();
  }
  return best;
}

std::vector<Piece> scan(std::string_view text, const ReferenceWords& words) {
  std::vector<Piece> out;
  std::vector<std::string> split_markers;  // markers without letters ("//") split anywhere
  for (const auto& m : words.lex.venue_markers) {
    bool letters = false;
    for (std::size_t i = 0; i < m.size();) {
      std::size_t next = i + 1;
      const bool letter = u_isalpha(code_point_at(m, i, &next));
      letters = letters || letter;
      i = next;
    }
    if (!letters) split_markers.push_back(m);
  }
  std::size_t run = 0;
  auto flush = [&](std::size_t end) {
    if (end > run) add_text(out, text.substr(run, end - run), words);
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '[') {
      const auto end = bracket_end(text, i);
      if (end != std::string_view::npos) {
        flush(i);
        out.push_back({Piece::Kind::kBracket,
                       fold_spaces(text.substr(i + 1, end - i - 1)), false});
        i = run = end + 1;
        continue;
      }
    }
    bool taken = false;
    for (const auto& m : split_markers) {
      if (at(text, i, m)) {
        flush(i);
        out.push_back({Piece::Kind::kVenueMarker, m, false});
        i = run = i + m.size();
        taken = true;
        break;
      }
    }
    for (const auto* quotes : {&words.lex.venue_quotes, &words.lex.title_quotes}) {
      if (taken) break;
      const auto kind = quotes == &words.lex.venue_quotes ? Piece::Kind::kVenueQuoted
                                                          : Piece::Kind::kQuoted;
      for (const auto& q : *quotes) {
        if (!at(text, i, q.open) || !may_open(text, i)) continue;
        std::size_t bracket = std::string_view::npos;
        const auto end = closing(text, i, q.open, q.close, kind == Piece::Kind::kQuoted, &bracket);
        const auto stop = end != std::string_view::npos ? end : bracket;
        if (stop == std::string_view::npos) continue;
        flush(i);
        const auto inner = text.substr(i + q.open.size(), stop - i - q.open.size());
        out.push_back({kind, fold_spaces(inner), end == std::string_view::npos});
        i = run = end != std::string_view::npos ? end + q.close.size() : bracket;
        taken = true;
        break;
      }
    }
    if (taken) continue;
    std::size_t next;
    code_point_at(text, i, &next);
    i = next;
  }
  flush(text.size());
  return out;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ') {
      if (i > start) out.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string> split_sentences(std::string_view text, const ReferenceWords& words) {
  std::vector<std::string> out;
  const auto ws = split_words(text);
  std::string current;
  std::size_t first = 0;  // index in ws of the current sentence's first word
  auto close = [&](std::size_t next_first) {
    const auto t = trim_punctuation(current);
    if (!t.empty()) out.push_back(t);
    current.clear();
    first = next_first;
  };
  for (std::size_t k = 0; k < ws.size(); ++k) {
    const std::string& w = ws[k];
    if (!current.empty()) current += ' ';
    current += w;
    if (k + 1 == ws.size()) break;
    const char last = w.back();
    if (last == '?' || last == '!') {
      close(k + 1);
      continue;
    }
    if (last != '.') continue;
    const std::string& next = ws[k + 1];
    const UChar32 n = code_point_at(next, 0, nullptr);
    if (u_islower(n)) continue;
    if (words.is_abbreviation(w) || (k > first && words.is_abbreviation(ws[k - 1] + " " + w))) {
      continue;
    }
    if (is_initials(w)) {
      // Initials end a sentence only when they close "Surname I.V." and what follows does
      // not read as the surname ending an initials-first name ("Hecht, Y. Wang, B. ...").
      std::size_t g = k;
      while (g > first && is_initials(ws[g - 1])) --g;
      if (g == first) continue;
      std::string before = ws[g - 1];
      if (!before.empty() && before.back() == ',') before.pop_back();
      const UChar32 b = code_point_at(before, 0, nullptr);
      if (!u_isupper(b) || is_initials(before)) continue;
      if (is_initials(next)) continue;
      const char end = next.back();
      if (end == ',' || end == ';' || end == '.' || end == '&') continue;
      if (k + 2 < ws.size() && std::find(words.joiners.begin(), words.joiners.end(),
                                         fold_case(ws[k + 2])) != words.joiners.end()) {
        continue;
      }
    }
    close(k + 1);
  }
  close(ws.size());
  return out;
}

std::string trim_punctuation(std::string_view text) {
  auto strip_at_start = [](UChar32 c) {
    return is_space(c) || c == ',' || c == ';' || c == ':' || c == '.' || c == 0x2013 ||
           c == 0x2014 || c == '-' || c == '/' || c == ')' || c == ']' ||
           u_charType(c) == U_FINAL_PUNCTUATION || c == 0x00BB;
  };
  auto strip_at_end = [](UChar32 c) {
    return is_space(c) || c == ',' || c == ';' || c == ':' || c == 0x2013 || c == 0x2014 ||
           c == '-' || c == '/' || c == '(' || c == '[' ||
           u_charType(c) == U_INITIAL_PUNCTUATION || c == 0x00AB || c == 0x201E;
  };
  std::size_t b = 0;
  std::size_t e = text.size();
  while (b < e) {
    std::size_t next;
    if (!strip_at_start(code_point_at(text, b, &next))) break;
    b = next;
  }
  for (;;) {
    while (e > b) {
      std::size_t start;
      if (!strip_at_end(code_point_before(text, e, &start))) break;
      e = start;
    }
    if (e == b || text[e - 1] != '.') break;
    // A '.' closing an initial ("А.С.") stays, unless another '.' follows it ("А.С..").
    std::size_t word = text.rfind(' ', e - 1);
    word = word == std::string_view::npos || word < b ? b : word + 1;
    const auto last = text.substr(word, e - word);
    const bool doubled = last.size() >= 2 && last[last.size() - 2] == '.';
    if (is_initials(last) && !doubled) break;
    --e;
  }
  return std::string(text.substr(b, e - b));
}

ScriptCount count_scripts(std::string_view text) {
  ScriptCount c;
  int counts[USCRIPT_CODE_LIMIT] = {};
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next;
    const UChar32 cp = code_point_at(text, i, &next);
    i = next;
    if (!u_isalpha(cp)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(cp, &status);
    if (U_FAILURE(status) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED) continue;
    if (s == USCRIPT_LATIN) {
      ++c.latin;
    } else {
      ++c.other;
      if (s >= 0 && s < USCRIPT_CODE_LIMIT) ++counts[s];
    }
  }
  int best = 0;
  for (int s = 0; s < USCRIPT_CODE_LIMIT; ++s) {
    if (counts[s] > best) {
      best = counts[s];
      c.main_other = static_cast<UScriptCode>(s);
    }
  }
  return c;
}

bool mostly_non_latin(std::string_view text) {
  const auto c = count_scripts(text);
  return c.other > c.latin;
}

std::string script_code(UScriptCode script) {
  const char* name = uscript_getShortName(script);
  return name ? name : "";
}

UScriptCode script_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;  // ICU answers nothing to a null error code
  const UScriptCode s = uscript_getScript(c, &status);
  return U_SUCCESS(status) ? s : USCRIPT_INVALID_CODE;
}

bool is_hangul(UChar32 c) { return script_of(c) == USCRIPT_HANGUL; }

}  // namespace claimgraph::ingest::references
