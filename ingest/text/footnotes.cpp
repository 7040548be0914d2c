#include "ingest/text/footnotes.hpp"

#include <unicode/uchar.h>

#include <map>

#include "ingest/text_util.hpp"

namespace claimgraph::ingest::text {
namespace {

constexpr std::size_t kMinProseWords = 5;
constexpr std::size_t kMaxMarkerDigits = 3;

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool is_closing_quote_or_bracket(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || c == '"' || c == '\'';
}

// What may stand right before a marker: the end of a word or sentence, or such an end and
// one space ("construction 7)", "East. 5)").
bool marker_may_follow(std::string_view text, std::size_t digits_begin, std::size_t limit) {
  if (digits_begin <= limit) return false;
  std::size_t prev_start;
  UChar32 prev = code_point_before(text, digits_begin, &prev_start);
  if (prev == ' ' || prev == 0xA0) {
    if (prev_start <= limit) return false;
    prev = code_point_before(text, prev_start, nullptr);
    return u_isalpha(prev) || prev == '.' || is_closing_quote_or_bracket(prev);
  }
  return u_isalpha(prev) || prev == '.' || prev == ',' || prev == ';' || prev == ':' ||
         is_closing_quote_or_bracket(prev);
}

struct Marker {
  std::size_t begin = 0;  // first digit
  std::size_t end = 0;    // after ")"
};

std::optional<Marker> find_marker(std::string_view text, std::size_t from, Span body, int number) {
  const std::string digits = std::to_string(number);
  if (digits.size() > kMaxMarkerDigits) return std::nullopt;
  const std::string needle = digits + ")";
  for (std::size_t at = text.find(needle, from); at != std::string_view::npos && at < body.end;
       at = text.find(needle, at + 1)) {
    const std::size_t after = at + needle.size();
    if (after >= body.end) break;
    if (at > 0 && is_ascii_digit(text[at - 1])) continue;
    if (is_space(code_point_at(text, after, nullptr))) continue;  // glued to its text
    if (!marker_may_follow(text, at, body.begin)) continue;
    return Marker{at, after};
  }
  return std::nullopt;
}

// Pieces of a footnote candidate: sentences, cut again after a year or a closing quote or
// bracket that an upper-case word follows (citations run fields together without periods:
// "… December, 2012 It stands …", "… 중심으로] The Status …").
std::vector<Span> pieces_of(std::string_view text, Span region, SentenceSplitter& splitter) {
  std::vector<Span> pieces;
  for (const Span sentence : splitter.split(text, region)) {
    std::uint32_t start = sentence.begin;
    for (std::size_t i = sentence.begin; i < sentence.end;) {
      std::size_t next;
      const UChar32 c = code_point_at(text, i, &next);
      if (is_space(c) && i > start) {
        std::size_t prev_start;
        const UChar32 prev = code_point_before(text, i, &prev_start);
        const bool after_year = prev_start >= sentence.begin + 3 && prev_start >= 4 &&
                                is_ascii_digit(text[prev_start]) &&
                                is_ascii_digit(text[prev_start - 1]) &&
                                is_ascii_digit(text[prev_start - 2]) &&
                                is_ascii_digit(text[prev_start - 3]) &&
                                (prev_start - 3 == sentence.begin ||
                                 !is_ascii_digit(text[prev_start - 4]));
        const bool after_close = is_closing_quote_or_bracket(prev);
        std::size_t word = next;
        while (word < sentence.end && is_space(code_point_at(text, word, nullptr))) {
          code_point_at(text, word, &word);
        }
        if ((after_year || after_close) && word < sentence.end &&
            u_isupper(code_point_at(text, word, nullptr))) {
          pieces.push_back(trim(text, Span{start, static_cast<std::uint32_t>(i)}));
          start = static_cast<std::uint32_t>(word);
        }
      }
      i = next;
    }
    const Span last = trim(text, Span{start, sentence.end});
    if (!last.empty()) pieces.push_back(last);
  }
  return pieces;
}

}  // namespace

UScriptCode main_script(std::string_view text) {
  std::map<UScriptCode, std::size_t> counts;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next;
    const UChar32 c = code_point_at(text, i, &next);
    if (u_isalpha(c)) {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &status);
      if (U_SUCCESS(status) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
        ++counts[script];
      }
    }
    i = next;
  }
  UScriptCode best = USCRIPT_LATIN;
  std::size_t best_count = 0;
  for (const auto& [script, count] : counts) {
    if (count > best_count) {
      best = script;
      best_count = count;
    }
  }
  return best;
}

FootnoteFinder::FootnoteFinder(const Lexicons& lexicons)
    : clause_words_(lexicons.clause_words.begin(), lexicons.clause_words.end()) {}

bool FootnoteFinder::looks_like_prose(std::string_view text, Span piece,
                                      UScriptCode script) const {
  std::size_t words = 0;
  std::size_t lower = 0;
  bool clause = false;
  std::string word;
  bool word_lower = false;
  auto end_word = [&] {
    if (word.empty()) return;
    ++words;
    if (word_lower) ++lower;
    if (clause_words_.count(fold_case(word))) clause = true;
    word.clear();
  };
  for (std::size_t i = piece.begin; i < piece.end;) {
    std::size_t next;
    const UChar32 c = code_point_at(text, i, &next);
    if (c == '[' || c == ']') return false;
    if (u_isalpha(c)) {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode s = uscript_getScript(c, &status);
      if (s != script && s != USCRIPT_COMMON && s != USCRIPT_INHERITED) return false;
      if (word.empty()) word_lower = u_islower(c);
      word.append(text.substr(i, next - i));
    } else if (c == '\'' || c == 0x2019 || c == '-') {
      if (!word.empty()) word.append(text.substr(i, next - i));
    } else {
      end_word();
    }
    i = next;
  }
  end_word();
  return words >= kMinProseWords && lower * 2 >= words && clause;
}

std::vector<FootnoteCut> FootnoteFinder::find(std::string_view text, Span body, int& next_marker,
                                              SentenceSplitter& splitter,
                                              UScriptCode script) const {
  std::vector<FootnoteCut> out;
  std::size_t from = body.begin;
  while (auto marker = find_marker(text, from, body, next_marker)) {
    const Span rest{static_cast<std::uint32_t>(marker->end), body.end};
    const auto pieces = pieces_of(text, rest, splitter);
    std::uint32_t end = rest.end;
    for (std::size_t i = 1; i < pieces.size(); ++i) {  // the first piece is the footnote's own
      if (looks_like_prose(text, pieces[i], script)) {
        end = pieces[i].begin;
        break;
      }
    }
    FootnoteCut cut;
    cut.marker = std::to_string(next_marker);
    cut.marker_span = Span{static_cast<std::uint32_t>(marker->begin),
                           static_cast<std::uint32_t>(marker->end)};
    cut.text = trim(text, Span{rest.begin, end});
    out.push_back(std::move(cut));
    ++next_marker;
    from = end;
  }
  return out;
}

}  // namespace claimgraph::ingest::text
