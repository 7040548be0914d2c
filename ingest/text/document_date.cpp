#include "ingest/text/document_date.hpp"

#include <vector>

#include "ingest/text_util.hpp"
#include "ingest/tokens.hpp"

namespace claimgraph::ingest::text {
namespace {

// Lines looked at, and bytes: a dateline is near the top.
constexpr std::size_t kLines = 12;
constexpr std::size_t kBytes = 3000;
// Words a dateline or byline may hold besides the date: names are capitalized, Hangul has no
// case (a place, a reporter's name), so few of those.
constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxHangulWords = 3;

struct Found {
  int year = 0;
  int month = 0;
  int day = 0;
  std::size_t begin = 0;  // tokens [begin, end)
  std::size_t end = 0;
};

bool is_digits(const Token& t, int n) {
  return t.kind == TokenKind::kNumber && !t.grouped && t.decimals == 0 &&
         (n == 0 || t.digits == n);
}

bool day_number(const Token& t) { return is_digits(t, 0) && t.value >= 1 && t.value <= 31; }

class Reader {
 public:
  Reader(const std::vector<Token>& t, const FigureLexicon& lex) : t_(t), lex_(lex) {}

  bool year(std::size_t i) const {
    return i < t_.size() && is_digits(t_[i], 4) && t_[i].value >= lex_.year_min &&
           t_[i].value <= lex_.year_max;
  }
  std::optional<PhraseTable::Match> month(std::size_t i) const {
    if (i >= t_.size()) return std::nullopt;
    auto m = lex_.phrases.longest(t_, i, kMonth);
    if (m && m->rest > 0) return std::nullopt;
    return m;
  }
  bool punct(std::size_t i, std::string_view p) const {
    return i < t_.size() && t_[i].kind == TokenKind::kPunct && t_[i].folded == p;
  }

  // The first date at or after token `from`.
  std::optional<Found> first(std::size_t from) const {
    for (std::size_t i = from; i < t_.size(); ++i) {
      if (auto f = at(i)) return f;
    }
    return std::nullopt;
  }

 private:
  std::optional<Found> at(std::size_t i) const {
    Found f;
    f.begin = i;
    // "March 3, 2021", "March 2021".
    if (auto m = month(i)) {
      std::size_t k = m->end;
      if (k < t_.size() && day_number(t_[k]) && !year(k)) {
        f.day = static_cast<int>(t_[k].value);
        ++k;
        if (punct(k, ",")) ++k;
      }
      if (year(k)) {
        f.month = static_cast<int>(m->entry->payload);
        f.year = static_cast<int>(t_[k].value);
        f.end = k + 1;
        return f;
      }
      return std::nullopt;
    }
    // "3 March 2021", "3 марта 2021 года".
    if (day_number(t_[i]) && !year(i)) {
      if (auto m = month(i + 1); m && year(m->end)) {
        f.day = static_cast<int>(t_[i].value);
        f.month = static_cast<int>(m->entry->payload);
        f.year = static_cast<int>(t_[m->end].value);
        f.end = m->end + 1;
        if (auto w = lex_.phrases.longest(t_, f.end, kDateWord)) f.end = w->end;
        return f;
      }
    }
    // "2021-03-03", "2021.03.03", "2021년 3월 3일".
    if (year(i)) {
      const auto sep = [&](std::size_t k) {
        return k < t_.size() && !t_[k].space_before &&
               (t_[k].folded == "-" || t_[k].folded == "." || t_[k].folded == "/");
      };
      if (sep(i + 1) && i + 2 < t_.size() && !t_[i + 2].space_before && is_digits(t_[i + 2], 2) &&
          t_[i + 2].value >= 1 && t_[i + 2].value <= 12) {
        f.year = static_cast<int>(t_[i].value);
        f.month = static_cast<int>(t_[i + 2].value);
        f.end = i + 3;
        if (sep(i + 3) && i + 4 < t_.size() && !t_[i + 4].space_before && day_number(t_[i + 4])) {
          f.day = static_cast<int>(t_[i + 4].value);
          f.end = i + 5;
        }
        return f;
      }
      // The tokenizer reads "2021.03" as one number: its decimals are the month.
      const auto suffix = [&](std::size_t k, std::uint16_t kind) {
        return k < t_.size() && !t_[k].space_before && t_[k].script == TokenScript::kHangul &&
               lex_.phrases.prefix_of(t_[k].folded, kind);
      };
      if (suffix(i + 1, kDateWord) && i + 3 < t_.size() && is_digits(t_[i + 2], 0) &&
          t_[i + 2].value >= 1 && t_[i + 2].value <= 12 && suffix(i + 3, kMonthSuffix)) {
        f.year = static_cast<int>(t_[i].value);
        f.month = static_cast<int>(t_[i + 2].value);
        f.end = i + 4;
        if (i + 5 < t_.size() && day_number(t_[i + 4]) && t_[i + 5].script == TokenScript::kHangul &&
            !t_[i + 5].space_before && lex_.phrases.prefix_of(t_[i + 5].folded, kDaySuffix)) {
          f.day = static_cast<int>(t_[i + 4].value);
          f.end = i + 6;
        }
        return f;
      }
    }
    // "2021.03.03" read as the number 2021.03, then ".", "03".
    if (t_[i].kind == TokenKind::kNumber && t_[i].decimals == 2 && t_[i].digits == 4) {
      const int y = static_cast<int>(t_[i].value);
      const int m = static_cast<int>(t_[i].value * 100 + 0.5) % 100;
      if (y >= lex_.year_min && y <= lex_.year_max && m >= 1 && m <= 12) {
        f.year = y;
        f.month = m;
        f.end = i + 1;
        if (punct(i + 1, ".") && !t_[i + 1].space_before && i + 2 < t_.size() &&
            !t_[i + 2].space_before && day_number(t_[i + 2])) {
          f.day = static_cast<int>(t_[i + 2].value);
          f.end = i + 3;
        }
        return f;
      }
    }
    return std::nullopt;
  }

  const std::vector<Token>& t_;
  const FigureLexicon& lex_;
};

// Whether the words of a line outside its date [begin, end) are those of a dateline or a
// byline: names, dateline words, a clock time, separators; before a dash only.
bool dateline(const std::vector<Token>& t, const Found& d, const FigureLexicon& lex,
              std::size_t* dash) {
  std::size_t last = t.size();
  for (std::size_t k = d.end; k < t.size(); ++k) {
    if (t[k].kind == TokenKind::kPunct && (t[k].folded == "—" || t[k].folded == "–" ||
                                           (t[k].folded == "-" && t[k].space_before))) {
      last = k;
      break;
    }
  }
  std::size_t words = 0, hangul = 0;
  for (std::size_t k = 0; k < last; ++k) {
    if (k >= d.begin && k < d.end) continue;
    const Token& w = t[k];
    if (w.kind != TokenKind::kWord) continue;
    if (const auto m = lex.phrases.longest(t, k, kDatelineWord); m && m->rest == 0) {
      k = m->end - 1;
      continue;
    }
    ++words;
    if (w.script == TokenScript::kHangul) {
      ++hangul;
    } else if (!w.capitalized) {
      return false;  // a sentence: the date is what it is about
    }
  }
  *dash = last;
  return words <= kMaxWords && hangul <= kMaxHangulWords;
}

}  // namespace

std::optional<TextDate> date_from_text(std::string_view text, const FigureLexicon& lexicon) {
  std::size_t start = 0;
  for (std::size_t lines = 0; lines < kLines && start < text.size() && start < kBytes;) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto span = trim(text, graph::Span{static_cast<std::uint32_t>(start),
                                             static_cast<std::uint32_t>(end)});
    if (!span.empty()) {
      ++lines;
      TokenizeOptions options;
      options.cyrillic_numbers = has_cyrillic(slice(text, span));
      auto tokens = tokenize(text, span, options);
      lexicon.phrases.index(tokens);
      Reader reader(tokens, lexicon);
      for (std::size_t from = 0; from < tokens.size();) {
        const auto found = reader.first(from);
        if (!found) break;
        std::size_t dash = tokens.size();
        if (dateline(tokens, *found, lexicon, &dash)) {
          const auto two = [](int n) { return (n < 10 ? "-0" : "-") + std::to_string(n); };
          TextDate out;
          out.date = std::to_string(found->year) + two(found->month) +
                     (found->day > 0 ? two(found->day) : std::string());
          out.offset = tokens[found->begin].span.begin;
          if (dash < tokens.size()) out.dateline = graph::Span{span.begin, tokens[dash].span.end};
          return out;
        }
        from = found->end;
      }
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace claimgraph::ingest::text
