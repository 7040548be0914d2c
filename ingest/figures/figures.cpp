#include "ingest/figures/figures.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include <unicode/uchar.h>

#include "ingest/figures/number_words.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::figures {
namespace {

using graph::Bound;
using graph::Span;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// One quantity: a numeral (digits, spelled out, or vague) with its scale, currency, percent
// sign and unit; the pieces a figure is built from.
struct Quantity {
  std::size_t first = 0;  // first token (currency sign or numeral)
  std::size_t end = 0;    // token past the last one consumed
  std::size_t numeral_first = 0;
  std::size_t numeral_end = 0;
  double value = 0;
  int decimals = 0;
  int trailing_zeros = 0;
  double scale = 1;
  bool vague = false;
  double vague_lo = 0;
  double vague_hi = 0;
  bool spelled = false;
  bool year_like = false;  // four plain digits in the year range
  std::string currency;
  bool percent = false;
  std::string unit;
  std::string per;
  bool approx_after = false;  // "3만여", "or so"
  Bound bound_after = Bound::kNone;
  std::string hedge_after;
  bool supported = false;  // followed by a unit, currency, percent, measure noun, ...
  bool join_after = false;  // a range word glued on: "500달러에서"
  int glued_closer = -1;    // "20과": the range needs this closer after its second end
  bool closer_optional = false;  // "에서": a range word alone too ("500달러에서 900달러")
  bool compared = false;    // "1000보다": a comparison marker waits for its word
  bool zero = false;        // "ни одного", "not a single": exactly none
  double spelled_scale = 1;  // a spelled number's last word when a scale ("five billion")

  double low() const { return vague ? vague_lo * scale : value * scale; }
  double high() const { return vague ? vague_hi * scale : value * scale; }
};

int trailing_zeros_of(double value) {
  if (value < 1 || value != std::floor(value) || value > 1e15) return 0;
  auto v = static_cast<long long>(value);
  int zeros = 0;
  while (v % 10 == 0) {
    v /= 10;
    ++zeros;
  }
  return zeros;
}

bool is_punct(const Token& t, std::string_view s) {
  return t.kind == TokenKind::kPunct && t.folded == s;
}

// A clause boundary for the look-ahead of units and rates.
bool stops_window(const Token& t) {
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind != TokenKind::kPunct) return false;
  return t.folded == "," || t.folded == ";" || t.folded == "." || t.folded == ":" ||
         t.folded == "(" || t.folded == ")" || t.folded == "!" || t.folded == "?";
}

}  // namespace

Interval rounding_interval(double value, int decimals, int trailing_zeros, double scale) {
  const double half = decimals > 0 ? 0.5 * std::pow(10.0, -decimals)
                                   : 0.5 * std::pow(10.0, trailing_zeros);
  return Interval{(value - half) * scale, (value + half) * scale};
}

struct FigureFinder::Impl {
  std::shared_ptr<const FigureLexicon> lex;
  mutable NumberWords words;

  const PhraseTable& phrases() const { return lex->phrases; }

  // A phrase of `kind` that ends exactly at token `at` (starting up to 5 tokens before).
  std::optional<PhraseTable::Match> ending_at(const std::vector<Token>& t, std::size_t at,
                                              std::uint16_t kind, std::size_t* start) const {
    for (std::size_t back = std::min<std::size_t>(at, 5); back >= 1; --back) {
      const std::size_t s = at - back;
      for (const auto& m : phrases().all(t, s, kind, at)) {
        if (m.end == at && m.rest == 0) {
          *start = s;
          return m;
        }
      }
    }
    return std::nullopt;
  }

  bool at(const std::vector<Token>& t, std::size_t i, std::uint16_t kind) const {
    return i < t.size() && phrases().longest(t, i, kind).has_value();
  }

  // A Hangul remainder that may end a numeral's word: nothing, or a particle ("명이").
  bool particle_or_empty(std::string_view rest) const {
    while (!rest.empty()) {
      const auto p = phrases().prefix_of(rest, kParticle);
      if (!p) return false;
      rest.remove_prefix(p->second);
    }
    return true;
  }

  // The suffixes glued to a Korean numeral: scale, hedge, unit, currency, percent, bound, in
  // any order, then at most a particle or a range word ("에서"). False when the rest is
  // anything else (a verb: "일한다"), or a date or ordinal ("3월", "2번째"); `q` is then
  // left as it was.
  bool hangul_chain(std::string_view rest, Quantity& q) const {
    Quantity c = q;
    static constexpr std::uint16_t kKinds[] = {kScale,     kHedgeAfter,  kUnit,       kCurrencyAfter,
                                               kPercent,   kAtLeastAfter, kAtMostAfter, kMonthSuffix,
                                               kDecadeSuffix, kOrdinalSuffix, kDateWord,
                                               kCurrencySubunit};
    bool any = false;
    while (!rest.empty()) {
      std::uint16_t kind = 0;
      const PhraseTable::Entry* entry = nullptr;
      std::size_t used = 0;
      for (const auto k : kKinds) {
        if (auto m = phrases().prefix_of(rest, k); m && m->second > used) {
          kind = k;
          entry = m->first;
          used = m->second;
        }
      }
      if (entry == nullptr) break;
      const std::string word(rest.substr(0, used));
      switch (kind) {
        case kMonthSuffix: case kDecadeSuffix: case kOrdinalSuffix: case kDateWord: return false;
        case kScale: c.scale *= lex->scales[entry->payload]; break;
        case kHedgeAfter: c.approx_after = true; c.hedge_after = word; break;
        case kUnit: c.unit = lex->units[entry->payload]; c.supported = true; break;
        case kCurrencyAfter: c.currency = lex->currencies[entry->payload]; c.supported = true; break;
        case kCurrencySubunit:  // "십센트": ten cents
          c.currency = lex->currency_subunits[entry->payload].first;
          c.scale *= lex->currency_subunits[entry->payload].second;
          c.supported = true;
          break;
        case kPercent: c.percent = true; c.supported = true; break;
        case kAtLeastAfter: c.bound_after = Bound::kAtLeast; c.hedge_after = word; break;
        case kAtMostAfter: c.bound_after = Bound::kAtMost; c.hedge_after = word; break;
        default: break;
      }
      any = true;
      rest.remove_prefix(used);
    }
    const auto glued = phrases().prefix_of(rest, kRangeGluedOpen);
    if (auto j = phrases().prefix_of(rest, kRangeJoin);
        j && particle_or_empty(rest.substr(j->second))) {
      c.join_after = true;  // "500달러에서": a range word of its own; a closer may follow
      if (glued && glued->second == rest.size()) {
        c.glued_closer = static_cast<int>(glued->first->payload);
        c.closer_optional = true;
      }
    } else if (glued && glued->second == rest.size()) {
      c.join_after = true;  // "20과" of "20과 30 사이": a range if the closer comes
      c.glued_closer = static_cast<int>(glued->first->payload);
    } else if (auto m = phrases().prefix_of(rest, kComparisonMarker);
               m && particle_or_empty(rest.substr(m->second))) {
      c.compared = true;  // "1000보다"
    } else if (!particle_or_empty(rest)) {
      return false;
    }
    (void)any;
    q = c;
    return true;
  }

  // Korean days of the month and clock times: "15일" (the 15th; "지난 15일", "15일 밝혔다"),
  // "오후 6시", "9시 30분". A day count says so with a marker after the day word ("3일간",
  // "5일 동안", "나흘 만에": figures.json's duration_markers), an hour count with "시간".
  // A number joined by a range word to such a day is one too ("27∼28일").
  bool korean_calendar(const std::vector<Token>& t, std::size_t i) const {
    if (i + 1 >= t.size()) return false;
    const Token& x = t[i + 1];
    const auto glued_suffix = [&](std::size_t k, std::uint16_t kind) -> std::optional<std::string_view> {
      if (k >= t.size() || t[k].space_before || t[k].script != TokenScript::kHangul) return std::nullopt;
      const auto m = phrases().prefix_of(t[k].folded, kind);
      if (!m) return std::nullopt;
      return std::string_view(t[k].folded).substr(m->second);
    };
    const auto marked_duration = [&](std::size_t word, std::string_view rest) {
      if (phrases().prefix_of(rest, kDurationMarker)) return true;
      return rest.empty() && word + 1 < t.size() && t[word + 1].script == TokenScript::kHangul &&
             phrases().prefix_of(t[word + 1].folded, kDurationMarker).has_value();
    };
    const Token& n = t[i];
    const bool day_value = n.decimals == 0 && !n.grouped && n.value >= 1 && n.value <= 31;
    if (auto rest = glued_suffix(i + 1, kDaySuffix); rest && day_value) {
      if (!marked_duration(i + 1, *rest)) return true;
    }
    // "오후 6시", "9시께": a clock hour ("6시간" is a duration: the longer unit word wins).
    if (auto rest = glued_suffix(i + 1, kHourSuffix); rest && n.decimals == 0 && n.value <= 24) {
      const auto unit = phrases().prefix_of(x.folded, kUnit);
      const auto hour = phrases().prefix_of(x.folded, kHourSuffix);
      if (!unit || unit->second <= hour->second) return true;
    }
    // "9시 30분", "4시40분": the minutes of a clock time.
    if (glued_suffix(i + 1, kMinuteSuffix) && i >= 2 && t[i - 2].kind == TokenKind::kNumber &&
        t[i - 1].script == TokenScript::kHangul && phrases().prefix_of(t[i - 1].folded, kHourSuffix) &&
        !phrases().prefix_of(t[i - 1].folded, kUnit)) {
      return true;
    }
    // "27∼28일", "6~7시": the first end of a range of days or hours.
    if (x.kind == TokenKind::kPunct && at(t, i + 1, kRangeJoin) && i + 3 < t.size() + 1 &&
        i + 2 < t.size() && t[i + 2].kind == TokenKind::kNumber && korean_calendar(t, i + 2)) {
      return true;
    }
    return false;
  }

  // Digits, a glued "/" and more digits after token i ("5/17").
  static bool slash_group(const std::vector<Token>& t, std::size_t i) {
    return i + 2 < t.size() && is_punct(t[i + 1], "/") && !t[i + 1].space_before &&
           t[i + 2].kind == TokenKind::kNumber && !t[i + 2].space_before;
  }

  // Is the digit numeral at token i part of a date, a name, a code or a marker?
  bool excluded_digits(const std::vector<Token>& t, std::size_t i) const {
    const Token& n = t[i];
    // "5/17/2018": three groups joined by slashes are a date.
    if (slash_group(t, i) && slash_group(t, i + 2)) return true;
    // "222-2222-2222", "+1-222-2222": three groups joined by dashes are a code or a phone
    // number (a range has two ends), and so is each group after the first.
    const auto dash_group = [&](std::size_t k) {
      return k + 2 < t.size() && (is_punct(t[k + 1], "-") || is_punct(t[k + 1], "/")) &&
             !t[k + 1].space_before && t[k + 2].kind == TokenKind::kNumber &&
             !t[k + 2].space_before && t[k].kind == TokenKind::kNumber;
    };
    if (dash_group(i) && dash_group(i + 2)) return true;
    if (i >= 2 && dash_group(i - 2) && (dash_group(i) || (i >= 4 && dash_group(i - 4)))) return true;
    if (korean_calendar(t, i)) return true;
    // Glued to a word before it: "G20", "Sakhalin-1", "MH17".
    if (i > 0 && !n.space_before) {
      const Token& p = t[i - 1];
      std::size_t cs;
      if (p.kind == TokenKind::kWord && p.script != TokenScript::kHangul &&
          !ending_at(t, i, kCurrencyBefore, &cs)) {  // "EUR29.99" is money
        return true;
      }
      // A Hangul name glued to digits is a name too ("코로나19", "갤럭시S23"), unless the word
      // is one a figure may start with: a hedge, a bound, a currency, a rate, a minus ("약50",
      // "월500", "마이너스3"), or the scale word of a group before it ("3만2천").
      if (p.kind == TokenKind::kWord && p.script == TokenScript::kHangul) {
        std::size_t start;
        bool leads = false;
        for (const auto kind : {kHedgeBefore, kAtMostBefore, kAtLeastBefore, kCurrencyBefore,
                                kRate, kRangeOpen, kRangeJoin, kScale, kNegative}) {
          leads = leads || ending_at(t, i, kind, &start).has_value();
        }
        if (!leads) return true;
      }
      if ((is_punct(p, "-") || is_punct(p, "‐")) && i > 1 && !p.space_before &&
          t[i - 2].kind == TokenKind::kWord &&
          !(at(t, i - 2, kScale) && i > 2 && t[i - 3].kind == TokenKind::kNumber)) {  // "5k-20k"
        return true;
      }
      // Phone numbers and codes: "+1-222-2222", three digit groups joined by dashes.
      if (is_punct(p, "+") && i + 2 < t.size() && is_punct(t[i + 1], "-") &&
          t[i + 2].kind == TokenKind::kNumber) {
        return true;
      }
      if (is_punct(p, "#") || is_punct(p, "№")) return true;
      // "5/17/2018": the later groups of a date written with slashes.
      if (is_punct(p, "/") && !p.space_before && i > 1 && t[i - 2].kind == TokenKind::kNumber &&
          (slash_group(t, i) || (i > 3 && is_punct(t[i - 3], "/") && !t[i - 2].space_before))) {
        return true;
      }
      if (is_punct(p, "·") && !p.space_before && i > 1 && t[i - 2].kind == TokenKind::kNumber) {
        return true;
      }
    }
    if (i + 1 < t.size()) {
      const Token& x = t[i + 1];
      // Decades and ordinals: "1970s", "1990’s", "21st", "1990-е", "3월", "2번째".
      if (!x.space_before || is_punct(x, "’") || is_punct(x, "-")) {
        for (const auto& m : phrases().all(t, i + 1, kDecadeSuffix)) {
          if (m.rest == 0 && (m.end >= t.size() || t[m.end].kind != TokenKind::kWord ||
                              t[m.end].space_before)) {
            if (!x.space_before) return true;
          }
        }
        if (!x.space_before && at(t, i + 1, kOrdinalSuffix)) {
          const auto m = phrases().longest(t, i + 1, kOrdinalSuffix);
          if (m->rest == 0) return true;
        }
      }
      // A footnote or list marker: "construction.1)" with no "(" open before it.
      if (is_punct(x, ")") && !x.space_before) {
        int depth = 0;
        for (std::size_t k = 0; k < i; ++k) {
          if (is_punct(t[k], "(")) ++depth;
          if (is_punct(t[k], ")") && depth > 0) --depth;
        }
        if (depth == 0) return true;
      }
      // Glued to letters that are no unit: "5G", "3D".
      // ("1.3x10^6" is a power of ten.)
      const bool times_ten = (x.folded == "x" || x.folded == "×") && i + 3 < t.size() &&
                             t[i + 2].kind == TokenKind::kNumber && t[i + 2].value == 10 &&
                             is_punct(t[i + 3], "^");
      const bool si_prefix = n.decimals > 0 && x.capitalized && [&] {
        for (const auto& [letter, value] : lex->si_prefixes)
          if (fold_case(letter) == x.folded) return true;
        return false;
      }();
      if (!x.space_before && x.kind == TokenKind::kWord && x.script != TokenScript::kHangul &&
          !at(t, i + 1, kScale) && !at(t, i + 1, kCurrencyAfter) && !at(t, i + 1, kPercent) &&
          !unit_at(t, i + 1) && !times_ten && !si_prefix) {
        return true;
      }
      if (x.script == TokenScript::kHangul && !x.space_before) {
        // A unit word longer than the suffix wins: "2차례" (twice) is no "2차" (the 2nd).
        const auto unit = phrases().prefix_of(x.folded, kUnit);
        for (const auto kind : {kMonthSuffix, kDecadeSuffix, kOrdinalSuffix}) {
          const auto m = phrases().prefix_of(x.folded, kind);
          if (m && (!unit || unit->second <= m->second)) return true;
        }
      }
      // A Hangul date: "28일" after "3월" (not "5월 4천983마리").
      if (i >= 2 && t[i - 1].script == TokenScript::kHangul && t[i - 2].kind == TokenKind::kNumber &&
          phrases().prefix_of(t[i - 1].folded, kMonthSuffix) && x.script == TokenScript::kHangul &&
          !x.space_before && phrases().prefix_of(x.folded, kDaySuffix)) {
        return true;
      }
      // A Korean date written "4.24" or "8.15" before the name of what happened that day
      // ("8.15 광복절", "4.24 재보궐선거"): month and day, not a decimal.
      if (n.decimals == 2 && n.value >= 1 && n.value < 13 && x.space_before &&
          x.script == TokenScript::kHangul) {
        const int day = static_cast<int>(std::lround((n.value - std::floor(n.value)) * 100));
        const bool counted = at(t, i + 1, kUnit) || at(t, i + 1, kCurrencyAfter) ||
                             at(t, i + 1, kPercent) || at(t, i + 1, kScale) ||
                             at(t, i + 1, kHedgeAfter) || at(t, i + 1, kAtLeastAfter) ||
                             at(t, i + 1, kAtMostAfter);
        if (day >= 1 && day <= 31 && !counted) return true;
      }
      // Korean event dates: "6·25", "3·11" (month and day joined by a middle dot).
      if (!x.space_before && is_punct(x, "·") && i + 2 < t.size() &&
          t[i + 2].kind == TokenKind::kNumber && !t[i + 2].space_before) {
        return true;
      }
      if (at(t, i + 1, kCenturyWord)) return true;
      if (x.script != TokenScript::kHangul && at(t, i + 1, kMonth)) return true;
      // "2013 году", "2016 г.", "2016년": a year.
      const bool year_like = !n.grouped && n.decimals == 0 && n.digits == 4;
      if (year_like && at(t, i + 1, kDateWord)) return true;
      if (year_like && x.script == TokenScript::kHangul && !x.space_before &&
          phrases().prefix_of(x.folded, kDateWord)) {
        return true;
      }
      // "28, 2017" after a month: the year of a date.
    }
    if (i > 0) {
      std::size_t s;
      if (t[i - 1].script != TokenScript::kHangul && ending_at(t, i, kMonth, &s)) return true;
      if (ending_at(t, i, kIdentifierWord, &s)) return true;
      // "March 28, 2017": a year after a month's day; not "September 1986, 24,000".
      const Token& day = i >= 2 ? t[i - 2] : t[i];
      const bool day_like = day.kind == TokenKind::kNumber && !day.grouped && day.decimals == 0 &&
                            day.digits <= 2 && day.value >= 1 && day.value <= 31;
      const bool year_after = !t[i].grouped && t[i].decimals == 0 && t[i].digits == 4;
      if (i >= 2 && is_punct(t[i - 1], ",") && day_like && year_after) {
        std::size_t s2;
        if (ending_at(t, i - 2, kMonth, &s2)) return true;
      }
      // A capitalized word right before, not the sentence's first: "Resolution 2371".
      const Token& p = t[i - 1];
      if (p.kind == TokenKind::kWord && p.capitalized && i - 1 > 0 && !is_lexicon_word(t, i - 1)) {
        return true;
      }
    }
    return false;
  }

  // A word any figure rule knows ("About", "Some", "Nearly", "USD"): no identifier.
  bool is_lexicon_word(const std::vector<Token>& t, std::size_t i) const {
    for (const std::uint16_t kind :
         {kHedgeBefore, kAtMostBefore, kAtLeastBefore, kCurrencyBefore, kRangeOpen, kRangeJoin,
          kMonth, kSince, kUntil, kPresent, kVague, kRangeJoin, kCurrencyAfter}) {
      std::size_t s;
      if (ending_at(t, i + 1, kind, &s)) return true;
    }
    return false;
  }

  // Could a one-word spelled number at token i be a figure at all? Only with something it
  // counts or measures after it; asking ICU is what costs, so ask only then.
  bool worth_parsing(const std::vector<Token>& t, std::size_t i, std::size_t end) const {
    if (end - i > 1 || (t[i].script != TokenScript::kHangul && at(t, i, kScale))) return true;
    const std::size_t k = end;
    if (t[i].script == TokenScript::kHangul) {
      // A numeral of several syllables ("삼만", "스물") or one that is a power of ten.
      std::size_t next;
      code_point_at(t[i].folded, 0, &next);
      if (next < t[i].folded.size() || at(t, i, kScale)) return true;
      // "두 딸": a determiner numeral before a noun.
      if (lex->determiners_before_nouns.count(t[i].folded) > 0 && k < t.size() &&
          t[k].kind == TokenKind::kWord && t[k].script == TokenScript::kHangul) {
        return true;
      }
      return k < t.size() && (at(t, k, kUnit) || at(t, k, kCurrencyAfter) ||
                              at(t, k, kPercent) || at(t, k, kScale));
    }
    // Every other spelled number is read: one that counts nothing is still a numeral, marked
    // minor ("one of them").
    return true;
  }

  // A Hangul word that starts with a numeral: worth parsing when the numeral is more than one
  // syllable ("삼만") or what follows it is a suffix a numeral takes ("삼년", not "이하로").
  bool hangul_numeral(std::string_view word) const {
    std::size_t used = 0;
    int syllables = 0;
    while (used < word.size()) {
      const auto m = phrases().prefix_of(word.substr(used), kNumberWord);
      if (!m) break;
      used += m->second;
      ++syllables;
    }
    if (syllables == 0) return false;
    if (syllables > 1 || used == word.size()) return true;
    const auto rest = word.substr(used);
    // A numeral word with a particle: "하나를", "다섯이", "일입니다" (the place decides: after a
    // minus, before a fraction), "일과" (and).
    if (particle_or_empty(rest) || phrases().prefix_of(rest, kFractionJoiner) ||
        phrases().prefix_of(rest, kComparisonMarker) || phrases().prefix_of(rest, kRangeGluedOpen) ||
        phrases().prefix_of(rest, kRangeJoin)) {
      return true;
    }
    for (const std::uint16_t kind :
         {kScale, kUnit, kCurrencyAfter, kPercent, kHedgeAfter, kCurrencySubunit}) {
      if (phrases().prefix_of(rest, kind)) return true;
    }
    return false;
  }

  // Spelled-out numeral at token i: the run of number words, read by ICU.
  bool spelled_at(const std::vector<Token>& t, std::size_t i, std::string_view text,
                  Quantity& q) const {
    const auto first = phrases().longest(t, i, kNumberWord);
    if (!first) return false;
    if (t[i].script == TokenScript::kHangul && !hangul_numeral(t[i].folded)) return false;
    // A Hangul ordinal ("둘째", "셋째", "두번째"): an ordinal suffix ends the word, a particle
    // aside.
    if (t[i].script == TokenScript::kHangul) {
      const std::string_view w(t[i].folded);
      for (std::size_t p = 3; p < w.size(); p += 3) {
        const auto m = phrases().prefix_of(w.substr(p), kOrdinalSuffix);
        if (m && particle_or_empty(w.substr(p + m->second))) return false;
      }
    }
    // Glued right after digits, a Hangul word is their suffix ("14일"), never a numeral.
    if (t[i].script == TokenScript::kHangul && i > 0 && !t[i].space_before &&
        t[i - 1].kind == TokenKind::kNumber) {
      return false;
    }
    // "million" alone is no number ("a million" is not one ICU reads either).
    if (t[i].script != TokenScript::kHangul && at(t, i, kScale)) return false;
    const auto locale_id = first->entry->payload;
    std::size_t end = i;
    while (end < t.size()) {
      auto m = phrases().longest(t, end, kNumberWord);
      if (m && m->entry->payload != locale_id) break;
      if (!m && end > i && at(t, end, kNumberJoiner)) {
        // "one hundred and twenty", "twenty-five": a joiner between two number words.
        const auto j = phrases().longest(t, end, kNumberJoiner);
        const auto after = phrases().longest(t, j->end, kNumberWord);
        if (!after || after->entry->payload != locale_id) break;
        if (t[end].kind == TokenKind::kPunct && (t[end].space_before || t[j->end].space_before)) {
          // A dash apart joins only tens and units ("fifty - two"); else it is a range.
          const auto tens = word_value(t, end - 1, lex->number_locales[locale_id]);
          const auto unit = word_value(t, j->end, lex->number_locales[locale_id]);
          if (!tens || !unit || *tens < 20 || *tens > 90 || std::fmod(*tens, 10) != 0 ||
              *unit < 1 || *unit > 9 || after->end != j->end + 1) {
            break;
          }
        }
        end = j->end;
        continue;
      }
      if (!m) break;
      end = m->end;
      if (m->rest > 0) break;  // a Hangul numeral with suffixes glued on
    }
    // "two million and one half", "one hundred and three quarters": the last word before a
    // fraction word is the fraction's numerator, not part of the whole number.
    if (end - i >= 3 && fraction_word_at(t, end) && t[end - 2].kind == TokenKind::kWord &&
        at(t, end - 2, kFractionJoiner)) {
      end -= 2;
    }
    if (end == i || !worth_parsing(t, i, end)) return false;
    const auto& locale = lex->number_locales[locale_id];
    const Span run{t[i].span.begin, t[end - 1].span.end};
    // Words apart ("thirty three", "пятьсот двадцать пять") are read word by word and
    // composed; ICU reads the run as one only when they cannot be (ICU takes "thirty three"
    // for 3003).
    std::optional<NumberWords::Parsed> parsed;
    if (t[i].script != TokenScript::kHangul && end - i > 1) {
      if (const auto composed = compose_spelled(t, i, end, locale)) {
        parsed = NumberWords::Parsed{composed->first, t[composed->second].span.end - run.begin};
      }
    }
    // One word that ICU's spell-out does not read ("двое", "полтора", "одну"): number_forms.
    if (!parsed && t[i].script != TokenScript::kHangul) {
      if (auto m = phrases().longest(t, i, kNumberForm); m && m->rest == 0 && m->end == i + 1) {
        parsed = NumberWords::Parsed{lex->number_forms[m->entry->payload], t[i].span.size()};
      }
    }
    if (!parsed) {
      // ICU's spell-out rules are lower case: "One", "Двадцать" at a sentence's start are
      // read folded (when folding keeps the byte offsets).
      const auto written = slice(text, run);
      const std::string folded = fold_case(written);
      parsed = words.parse(locale, folded.size() == written.size() ? std::string_view(folded)
                                                                    : written);
    }
    // Korean: the syllable grammar where it reads further than ICU ("만이천삼백사십오"); ICU
    // where it reads further (decimals: "이십구점구구").
    if (t[i].script == TokenScript::kHangul) {
      const auto sino = sino_korean(slice(text, t[i].span), locale);
      if (sino && (!parsed || sino->bytes > parsed->bytes)) parsed = sino;
      const auto native = native_korean(t[i].folded);
      if (native && (!parsed || native->bytes > parsed->bytes)) parsed = native;
    }
    if (!parsed || parsed->bytes == 0) return false;
    const std::uint32_t stop = run.begin + static_cast<std::uint32_t>(parsed->bytes);
    std::size_t last = i;
    while (last + 1 < end && t[last + 1].span.begin < stop) ++last;
    // ICU stops inside a word only for Hangul ("삼만여": 삼만 + 여).
    std::string_view rest;
    if (stop < t[last].span.end) {
      if (t[last].script != TokenScript::kHangul) {
        if (last == i) return false;
        --last;
      } else {
        rest = text.substr(stop, t[last].span.end - stop);
      }
    }
    // A trailing joiner is not part of the number.
    while (last > i && at(t, last, kNumberJoiner)) --last;
    q.value = parsed->value;
    // "구천오백이다" is 9,500 and the copula "이다", not 9,502 and "다": a last digit syllable
    // "이" that makes a particle with what follows is the particle.
    if (t[i].script == TokenScript::kHangul && !rest.empty() && stop - run.begin > 3) {
      const std::string_view numeral = text.substr(run.begin, stop - run.begin);
      const std::string last_syllable(numeral.substr(numeral.size() - 3));
      const auto last_value = sino_word(last_syllable);
      if (last_value && particle_or_empty(last_syllable + std::string(rest))) {
        if (const auto shorter = sino_word(numeral.substr(0, numeral.size() - 3));
            shorter && *shorter + *last_value == q.value) {
          q.value = *shorter;
          rest = text.substr(stop - 3, t[last].span.end - (stop - 3));
        }
      }
    }
    if (!rest.empty() || stop >= t[last].span.end) {
      // keep parsed value; ICU's value covers up to `stop`
    }
    q.spelled = true;
    // A spelled fraction is as precise as its digits would be: "полтора" is 1.5.
    q.decimals = 0;
    while (q.decimals < 3 && std::abs(q.value * std::pow(10, q.decimals) -
                                      std::round(q.value * std::pow(10, q.decimals))) > 1e-9) {
      ++q.decimals;
    }
    q.trailing_zeros = trailing_zeros_of(q.value);
    q.numeral_first = i;
    q.numeral_end = last + 1;
    q.end = last + 1;
    if (t[last].script != TokenScript::kHangul) {
      if (auto m = phrases().longest(t, last, kScale); m && m->end == last + 1) {
        q.spelled_scale = lex->scales[m->entry->payload];
      }
    }
    // Korean: one numeral syllable is too ambiguous to read alone ("이" is also "this", "백"
    // a surname, "만" of "만 19세" full age; glued on: "이유로" a reason, "사이" between, "세인"
    // a name). It counts before a counter ("만 명"), and a determiner numeral ("한", "두",
    // "세", "네") before the noun it counts ("두 가지", "세 모녀", "한 번", "한차례").
    const bool one_syllable = t[i].script == TokenScript::kHangul && stop - run.begin <= 3;
    const std::string syllable = one_syllable ? fold_case(text.substr(run.begin, stop - run.begin)) : "";
    const bool determiner = one_syllable && lex->determiner_numerals.count(syllable) > 0;
    const bool before_nouns = one_syllable && lex->determiners_before_nouns.count(syllable) > 0;
    // A word that starts like a numeral but reads on as a common word ("이유로" a reason, not
    // 2 euros; "만회골" a consolation goal): figures.json's numeral_lookalikes, matched past the
    // numeral's end.
    if (t[i].script == TokenScript::kHangul) {
      const std::string word = fold_case(slice(text, t[i].span));
      const std::size_t numeral_bytes = stop - run.begin;
      for (std::size_t len = numeral_bytes + 3; len <= word.size() && len <= numeral_bytes + 6; len += 3) {
        if (lex->numeral_lookalikes.count(word.substr(0, len)) > 0) return false;
      }
    }
    const bool scale_syllable = one_syllable && q.value >= 10;
    bool native_alone = false;  // "셋에": a one-syllable native numeral that is no determiner
    if (t[i].script == TokenScript::kHangul) {
      if (!rest.empty() && korean_fraction(t, last, fold_case(rest), text, q)) {
        return true;  // "삼분의 이": two thirds
      }
      // A whole number and a fraction: "일과 이분의 일" (1½), "이십삼과 오분의 삼".
      if (!rest.empty() && korean_mixed(t, last, fold_case(rest), text, q)) return true;
      // A native numeral takes no scale word: "하나만" is "only one". (One syllable with a
      // particle is no numeral: "네가" is "you"; "둘째" is an ordinal.)
      // ("둘", "셋", "넷" are numerals only, one syllable or not: "셋에"; not "열", which is
      // also heat, a row, "열도" an archipelago.)
      const bool full_native = native_korean(t[i].folded) && !determiner && q.value < 10;
      if (!rest.empty() && (!one_syllable || full_native) && native_korean(t[i].folded) &&
          particle_or_empty(fold_case(rest)) &&
          !phrases().prefix_of(fold_case(rest), kOrdinalSuffix)) {
        rest = {};
        if (one_syllable) native_alone = true;
      }
      if (rest.empty() && last + 1 < t.size() && t[last + 1].script == TokenScript::kHangul &&
          korean_fraction(t, last + 1, t[last + 1].folded, text, q)) {
        return true;  // "이십일 분의 삼"
      }
      // Groups apart, each below the last place of the one before: "오십 이" (52), "이십만
      // 이천" (202,000), "삼백 삼십 일" (331).
      if (rest.empty()) {
        while (last + 1 < t.size() && t[last + 1].script == TokenScript::kHangul &&
               t[last + 1].space_before && phrases().longest(t, last + 1, kNumberWord)) {
          const std::string& next = t[last + 1].folded;
          double place = 1;
          while (place * 10 <= q.value && std::fmod(q.value, place * 10) == 0) place *= 10;
          const auto v = sino_word(next);
          if (!v || *v <= 0 || *v >= place || place < 10 || native_korean(next) ||
              at(t, last + 1, kUnit)) {
            break;  // "삼십 일" is thirty days
          }
          // The group's own particle ends the number: keep it for the suffixes.
          const auto parsed_bytes = [&] {
            auto p = words.parse(lex->number_locales[phrases().longest(t, last + 1, kNumberWord)->entry->payload], next);
            return p ? p->bytes : next.size();
          }();
          q.value += *v;
          ++last;
          q.numeral_end = q.end = last + 1;
          if (parsed_bytes < next.size()) {
            rest = std::string_view(t[last].folded).substr(parsed_bytes);
            break;
          }
        }
        q.trailing_zeros = trailing_zeros_of(q.value);
      }
    }
    // "이백점 영삼" (200.03), "오점 오" (5.5): a decimal point word, then digit syllables.
    if (t[i].script == TokenScript::kHangul && !rest.empty() && last + 1 < t.size() &&
        korean_decimals(t, last, fold_case(rest), q)) {
      return true;
    }
    if (!rest.empty()) {
      if (!hangul_chain(fold_case(rest), q)) return false;
      // Glued on, a digit syllable counts only money or a percent ("이달러", not "이주를" or
      // "사이"), a scale syllable also a unit ("십달러", "천명"), a determiner a counter
      // ("한번", "두개").
      const bool money = !q.currency.empty() || q.percent;
      std::size_t sign;
      const bool after_minus = ending_at(t, i, kNegative, &sign) && t[sign].kind == TokenKind::kWord;
      const bool compared_or_joined = q.compared || q.join_after;
      if (one_syllable && !(money || after_minus || (scale_syllable && !q.unit.empty()) ||
                            (scale_syllable && compared_or_joined) ||
                            (determiner && !q.unit.empty()))) {
        return false;
      }
    } else if (one_syllable) {
      const std::size_t k = last + 1;
      const bool counter = k < t.size() && (at(t, k, kUnit) || at(t, k, kCurrencyAfter) ||
                                            at(t, k, kPercent) ||
                                            (determiner && [&] {  // "한 다스", not "한 조항"
                                              const auto m = phrases().longest(t, k, kScale);
                                              return m && rest_ok(t, *m);
                                            }()) ||
                                            (scale_syllable && (at(t, k, kAtLeastAfter) ||
                                                                at(t, k, kAtMostAfter))));
      // A sino digit syllable apart ("오 퍼센트") counts only before a percent or currency
      // word of two syllables or more standing whole (a particle aside): "이 사람" is "this
      // person", "이 불로" "this fire", "이 프로그램" "this program".
      const auto whole_word = [&](std::uint16_t kind) {
        const auto m = phrases().longest(t, k, kind);
        if (!m || m->end != k + 1 || t[k].span.size() <= 3) return false;
        const std::string_view w(t[k].folded);
        return particle_or_empty(w.substr(w.size() - m->rest));
      };
      const bool long_counter =
          k < t.size() && (whole_word(kPercent) || whole_word(kCurrencyAfter));
      const bool noun_after =
          k < t.size() && t[k].kind == TokenKind::kWord && t[k].script == TokenScript::kHangul;
      // A scale syllable with nothing after it ("백." "천"): the numeral, not a name before
      // a noun ("백 대표") or "만 19세".
      const bool alone = scale_syllable && (k >= t.size() || t[k].kind == TokenKind::kPunct);
      std::size_t sign;
      const bool after_minus = ending_at(t, i, kNegative, &sign) && t[sign].kind == TokenKind::kWord;
      // A numeral that is the whole text (a table cell, a heading) is the numeral: "삼".
      const bool whole_text = i == 0 && last + 1 == t.size();
      if (!(long_counter || (counter && (scale_syllable || determiner)) || alone || after_minus ||
            native_alone || whole_text || (before_nouns && noun_after))) {
        return false;
      }
    }
    // A numeral spelled as a common word ("구조" rescue, "이천" the city, "오만" arrogance;
    // figures.json's numeral_lookalikes) counts only with a counter, currency or percent.
    const auto numeral = slice(text, Span{run.begin, stop});
    if (t[i].script == TokenScript::kHangul && lex->numeral_lookalikes.count(fold_case(numeral)) > 0) {
      // (Or another numeral with it: "이천 이백" 2,200, "이백과 이천".)
      const bool in_numbers =
          q.numeral_end > i + 1 ||
          (i + 1 < t.size() && t[i + 1].script == TokenScript::kHangul && sino_word(t[i + 1].folded)) ||
          (i > 0 && t[i - 1].script == TokenScript::kHangul &&
           phrases().prefix_of(t[i - 1].folded, kNumberWord) && t[i - 1].folded.size() > 3 &&
           [&] {  // a numeral ending in a joiner: "이백과"
             const std::string_view w(t[i - 1].folded);
             const auto j = phrases().prefix_of(w.substr(w.size() - 3), kFractionJoiner);
             return j && j->second == 3;
           }());
      const bool whole_text = i == 0 && q.end == t.size();
      const bool counted = !q.unit.empty() || !q.currency.empty() || q.percent || in_numbers ||
                           whole_text ||
                           (q.end < t.size() && (at(t, q.end, kUnit) ||
                                                 at(t, q.end, kCurrencyAfter) ||
                                                 at(t, q.end, kPercent)));
      if (!counted) return false;
    }
    return true;
  }

  // A native Korean numeral ("하나", "두", "열두", "스물다섯"): number_forms words, tens before
  // units, read from the start of `word` (folded). ICU's spell-out reads only sino-Korean.
  std::optional<NumberWords::Parsed> native_korean(std::string_view word) const {
    double total = 0;
    double last = std::numeric_limits<double>::infinity();
    std::size_t used = 0;
    while (used < word.size()) {
      const auto m = phrases().prefix_of(word.substr(used), kNumberForm);
      if (!m) break;
      const double v = lex->number_forms[m->first->payload];
      // Tens then one unit: "열" + "두"; not "두" + "열", not two units.
      if (v >= last || (last < 10 && used > 0) || (used > 0 && std::fmod(last, 10) != 0)) break;
      total += v;
      last = v;
      used += m->second;
    }
    if (used == 0) return std::nullopt;
    return NumberWords::Parsed{total, used};
  }

  // A sino-Korean numeral read syllable by syllable: a digit (일..구, its value from ICU) is
  // followed by a unit (십, 백, 천) that multiplies it, units decreasing; a myriad word (만,
  // 억, 조) closes the units before it, myriads decreasing; a unit or myriad alone counts
  // one ("만이천삼백사십오" = 12,345, "칠천십이억…"). ICU reads few of these. The value and the
  // bytes of the longest prefix of `word` that is such a numeral, when it has two syllables
  // or more (one syllable is left to the checks for single syllables).
  std::optional<NumberWords::Parsed> sino_korean(std::string_view word,
                                                 const std::string& locale) const {
    double total = 0;
    double segment = 0;
    int digit = -1;  // a digit waiting for its unit
    double last_unit = 1e4;
    double last_myriad = std::numeric_limits<double>::infinity();
    std::optional<NumberWords::Parsed> best;
    int syllables = 0;
    // Where the numeral stood at its last myriad word, and how many syllables it had.
    std::optional<NumberWords::Parsed> at_myriad;
    int syllables_at_myriad = 0;
    for (std::size_t pos = 0, next = 0; pos < word.size(); pos = next) {
      code_point_at(word, pos, &next);
      const auto syllable = word.substr(pos, next - pos);
      double scale = 0;
      if (const auto m = phrases().prefix_of(syllable, kScale); m && m->second == syllable.size()) {
        scale = lex->scales[m->first->payload];
      }
      if (scale >= 1e4) {
        if (scale >= last_myriad) break;
        double group = segment + std::max(digit, 0);
        if (group == 0) group = 1;
        total += group * scale;
        segment = 0;
        digit = -1;
        last_unit = 1e4;
        last_myriad = scale;
      } else if (scale >= 10) {
        if (scale >= last_unit) break;
        segment += (digit < 0 ? 1 : digit) * scale;
        digit = -1;
        last_unit = scale;
      } else {
        const auto d = phrases().prefix_of(syllable, kNumberWord);
        if (digit >= 0 || !d || d->second != syllable.size()) break;
        const auto v = words.parse(locale, syllable);
        if (!v || v->bytes != syllable.size() || v->value < 1 || v->value > 9 ||
            v->value != std::floor(v->value)) {
          break;
        }
        digit = static_cast<int>(v->value);
      }
      ++syllables;
      best = NumberWords::Parsed{total + segment + std::max(digit, 0), next};
      if (scale >= 1e4) {
        at_myriad = best;
        syllables_at_myriad = syllables;
      }
    }
    // A lone digit right after a myriad word is a word's syllable or a particle, not a last
    // digit: "조사" (a survey) is no 1조 4, "삼만이" is 삼만 and the particle 이.
    if (digit >= 0 && segment == 0 && at_myriad) {
      best = at_myriad;
      syllables = syllables_at_myriad;
    }
    if (syllables < 2) return std::nullopt;
    return best;
  }

  // The value of one spelled number word: a scale word of the lexicon ("hundred", "тысяча"),
  // a form the lexicon gives a value ("сорока" = 40, an oblique case ICU does not read), or
  // what ICU reads in it alone ("forty", "пятьсот").
  std::optional<double> word_value(const std::vector<Token>& t, std::size_t k,
                                   const std::string& locale) const {
    if (auto m = phrases().longest(t, k, kNumberForm); m && m->rest == 0 && m->end == k + 1) {
      return lex->number_forms[m->entry->payload];
    }
    if (auto m = phrases().longest(t, k, kScale); m && m->rest == 0 && m->end == k + 1) {
      return lex->scales[m->entry->payload];
    }
    // Folded: ICU's spell-out reads lower case only ("Eleven", "TwentY").
    const std::string_view word = t[k].folded;
    const auto parsed = words.parse(locale, word);
    if (!parsed || parsed->bytes != word.size()) return std::nullopt;
    return parsed->value;
  }

  // Spelled number words [i, end) composed as a numeral grammar does: a word below a hundred
  // or a hundreds word adds to the group when it fits the group's free lower places ("thirty"
  // + "three", not "five" + "five"); "hundred" multiplies the group; a larger scale word
  // closes it into the total, each scale smaller than the one before ("two million five
  // hundred thousand"). Joiners ("and", "-") are passed over. The value and the last token of
  // the longest run that composes, when it holds two number words or more.
  std::optional<std::pair<double, std::size_t>> compose_spelled(const std::vector<Token>& t,
                                                                std::size_t i, std::size_t end,
                                                                const std::string& locale) const {
    double total = 0;
    double group = 0;
    double last_scale = std::numeric_limits<double>::infinity();
    std::optional<std::pair<double, std::size_t>> best;
    int words_read = 0;
    for (std::size_t k = i; k < end; ++k) {
      if (k > i && at(t, k, kNumberJoiner) && !at(t, k, kNumberWord)) continue;
      const auto v = word_value(t, k, locale);
      if (!v || *v <= 0 || *v != std::floor(*v)) break;
      const bool scale = at(t, k, kScale);
      if (scale && *v == 100) {
        if (group >= 100) break;
        group = (group == 0 ? 1 : group) * 100;
      } else if (scale) {
        if (*v >= last_scale) break;
        total += (group == 0 ? 1 : group) * *v;
        group = 0;
        last_scale = *v;
      } else {
        double place = 10;
        while (place <= *v) place *= 10;
        if (std::fmod(group, place) != 0) break;
        group += *v;
      }
      ++words_read;
      best = std::pair{total + group, k};
    }
    if (words_read < 2) return std::nullopt;
    return best;
  }

  // Scales, currency, percent and unit words after a numeral.
  void suffixes(const std::vector<Token>& t, Quantity& q) const {
    spelled_repetition(t, q);
    // ".0012G": a capital SI prefix glued after a number with decimals.
    if (q.decimals > 0 && !q.spelled && q.end < t.size() && !t[q.end].space_before &&
        t[q.end].kind == TokenKind::kWord && t[q.end].capitalized) {
      const std::string_view written(t[q.end].folded);
      for (const auto& [letter, value] : lex->si_prefixes) {
        if (fold_case(letter) == written) {
          q.scale *= value;
          ++q.end;
          break;
        }
      }
    }
    // Korean suffixes glued to the digits: "3만여", "500달러".
    if (q.end < t.size() && !t[q.end].space_before && t[q.end].script == TokenScript::kHangul &&
        !q.spelled) {
      if (hangul_chain(t[q.end].folded, q)) {
        ++q.end;
      } else {
        // Scale words with the counted noun glued after them: "2천세대" (2,000 households).
        std::string_view rest = t[q.end].folded;
        double scale = 1;
        while (const auto m = phrases().prefix_of(rest, kScale)) {
          scale *= lex->scales[m->first->payload];
          rest.remove_prefix(m->second);
        }
        // Only a counter the lexicon knows: "1조각" is a piece, not a trillion.
        Quantity counted = q;
        if (scale > 1 && !rest.empty() && hangul_chain(rest, counted) && !counted.unit.empty()) {
          q = counted;
          q.scale *= scale;
          ++q.end;
        }
      }
    }
    for (;;) {
      if (q.end >= t.size()) break;
      const Token& x = t[q.end];
      if (auto m = phrases().longest(t, q.end, kScale); m && m->rest == 0) {
        // Single letters ("m", "k", "к") count only glued to the digits: "$5m", "100к".
        std::size_t after_first = 0;
        code_point_at(x.folded, 0, &after_first);
        if (after_first == x.folded.size() && x.space_before && x.script != TokenScript::kHangul) {
          break;
        }
        q.scale *= lex->scales[m->entry->payload];
        q.end = m->end;
        continue;
      }
      break;
    }
    if (q.end < t.size()) {
      const auto longer_unit = [&](std::size_t end) {
        const auto u = phrases().longest(t, q.end, kUnit);
        return u && rest_ok(t, *u) && u->end > end;
      };
      if (auto m = phrases().longest(t, q.end, kCurrencyAfter);
          m && rest_ok(t, *m) && !longer_unit(m->end)) {  // "pounds of meat" is a weight
        q.currency = lex->currencies[m->entry->payload];
        q.end = m->end;
        q.supported = true;
        // "75 USD million": a scale word after the currency code.
        if (q.end < t.size() && t[q.end].kind == TokenKind::kWord && t[q.end].folded.size() > 1) {
          if (auto sc = phrases().longest(t, q.end, kScale); sc && sc->rest == 0) {
            q.scale *= lex->scales[sc->entry->payload];
            q.end = sc->end;
          }
        }
      } else if (auto c = phrases().longest(t, q.end, kCurrencySubunit);
                 c && rest_ok(t, *c) && !(c->end == q.end + 1 && t[q.end].capitalized &&
                                          t[q.end].folded.size() == 1)) {  // "20 C" is no cents
        // "50 cents", "30 копеек": an amount of the currency, in its hundredths.
        const auto& subunit = lex->currency_subunits[c->entry->payload];
        q.currency = subunit.first;
        q.scale *= subunit.second;
        q.end = c->end;
        q.supported = true;
      } else if (auto p = phrases().longest(t, q.end, kPercent);
                 p && rest_ok(t, *p) && !longer_unit(p->end)) {
        // ("3 percentage points", "3 процентных пункта" are a unit of their own, below.)
        q.percent = true;
        q.end = p->end;
        q.supported = true;
      }
    }
    // "five-year", "8-hour": a unit joined by a hyphen; "12-cent", "one-yen": money.
    if (q.end + 1 < t.size() && is_punct(t[q.end], "-") && !t[q.end].space_before &&
        !t[q.end + 1].space_before && q.currency.empty() && !q.percent) {
      if (auto u = phrases().longest(t, q.end + 1, kUnit); u && u->end == q.end + 2) {
        q.unit = lex->units[u->entry->payload];
        q.end = u->end;
        q.supported = true;
      } else if (auto c = phrases().longest(t, q.end + 1, kCurrencyAfter);
                 c && c->end == q.end + 2 && t[q.end + 1].kind == TokenKind::kWord) {
        q.currency = lex->currencies[c->entry->payload];
        q.end = c->end;
        q.supported = true;
      } else if (auto c2 = phrases().longest(t, q.end + 1, kCurrencySubunit);
                 c2 && c2->end == q.end + 2 && t[q.end + 1].kind == TokenKind::kWord) {
        q.currency = lex->currency_subunits[c2->entry->payload].first;
        q.scale *= lex->currency_subunits[c2->entry->payload].second;
        q.end = c2->end;
        q.supported = true;
      }
    }
    // A whole word after the number that is a hedge or a bound is read as one ("초과"
    // exceeding), not as a shorter unit with a particle ("초" seconds + "과").
    const auto whole_word_of = [&](std::uint16_t kind) {
      const auto m = phrases().longest(t, q.end, kind);
      return m && m->rest == 0;
    };
    const bool bound_word = q.end < t.size() &&
                            (whole_word_of(kAtLeastAfter) || whole_word_of(kAtMostAfter) ||
                             whole_word_of(kHedgeAfter));
    if (q.unit.empty() && q.currency.empty() && !q.percent && !bound_word && q.end < t.size()) {
      if (auto u = unit_at(t, q.end); u && rest_ok(t, *u)) {
        q.unit = lex->units[u->entry->payload];
        q.end = u->end;
        q.supported = true;
      } else if (u && u->rest > 0) {
        // A Hangul counter with a hedge or bound glued on: "명가량이", "명이상".
        const std::string& word = t[u->end - 1].folded;
        Quantity c = q;
        c.unit = lex->units[u->entry->payload];
        if (hangul_chain(std::string_view(word).substr(word.size() - u->rest), c)) {
          q = c;
          q.end = u->end;
          q.supported = true;
        }
      }
    }
    if (q.end < t.size()) {
      if (auto h = phrases().longest(t, q.end, kHedgeAfter); h && rest_ok(t, *h)) {
        q.approx_after = true;
        q.end = h->end;
      }
    }
    // A Korean comparison: the marker glued on ("1000보다") or apart ("170 보다"), then the
    // word that says which way ("크다", "작거나 같다").
    if (q.end < t.size() && q.bound_after == Bound::kNone) {
      std::size_t k = q.end;
      bool marked = q.compared;
      if (!marked) {
        if (auto m = phrases().longest(t, k, kComparisonMarker); m && rest_ok(t, *m)) {
          marked = true;
          k = m->end;
        }
      }
      if (marked && k < t.size()) {
        for (const auto& [kind, bound] : {std::pair{kComparedAtLeast, Bound::kAtLeast},
                                          std::pair{kComparedAtMost, Bound::kAtMost}}) {
          if (auto w = phrases().longest(t, k, kind); w && rest_ok(t, *w)) {
            q.bound_after = bound;
            q.hedge_after = fold_spaces(slice_tokens(t, q.end, w->end));
            q.end = w->end;
            q.compared = false;
            break;
          }
        }
      }
    }
    if (q.end < t.size() && q.bound_after == Bound::kNone) {
      for (const auto& [kind, bound] : {std::pair{kAtLeastAfter, Bound::kAtLeast},
                                        std::pair{kAtMostAfter, Bound::kAtMost}}) {
        if (auto b = phrases().longest(t, q.end, kind); b && rest_ok(t, *b) &&
                                                        !bounds_next_number(t, q.end, b->end)) {
          q.bound_after = bound;
          q.hedge_after = std::string(t[q.end].folded);
          q.end = b->end;
          break;
        }
      }
    }
  }

  // A unit phrase at token k. A unit word of one Latin letter counts only in lower case:
  // "500g" is grams, "5G" a network.
  std::optional<PhraseTable::Match> unit_at(const std::vector<Token>& t, std::size_t k) const {
    auto u = phrases().longest(t, k, kUnit);
    if (!u) return u;
    std::size_t next = 0;
    code_point_at(t[k].folded, 0, &next);
    if (u->end == k + 1 && next == t[k].folded.size() && t[k].capitalized &&
        t[k].script == TokenScript::kLatin) {
      return std::nullopt;
    }
    return u;
  }

  // Whether words [from, end) read after a number are rather the start of the next number's
  // bound: "200 or greater than 190" ("greater than" is 190's), "5000 or more than 4500".
  bool bounds_next_number(const std::vector<Token>& t, std::size_t from, std::size_t end) const {
    for (std::size_t k = end; k < t.size() && k <= end + 4; ++k) {
      if (t[k].kind != TokenKind::kNumber && !at(t, k, kNumberWord) && !at(t, k, kScaleArticle) &&
          !at(t, k, kFraction)) {
        continue;
      }
      std::size_t s;
      for (const auto kind : {kAtLeastBefore, kAtMostBefore}) {
        if (ending_at(t, k, kind, &s) && s >= from && s < end) return true;
      }
      return false;
    }
    return false;
  }

  // The folded words of tokens [b, e), one space apart.
  static std::string slice_tokens(const std::vector<Token>& t, std::size_t b, std::size_t e) {
    std::string out;
    for (std::size_t k = b; k < e && k < t.size(); ++k) {
      if (!out.empty()) out += ' ';
      out += t[k].folded;
    }
    return out;
  }

  // "881 913 (восемьсот восемьдесят одна тысяча девятьсот тринадцать) руб.": the amount
  // spelled out again in brackets after its digits, as contracts write it, is passed over.
  void spelled_repetition(const std::vector<Token>& t, Quantity& q) const {
    if (q.spelled || q.end + 2 >= t.size() || !is_punct(t[q.end], "(") ||
        !at(t, q.end + 1, kNumberWord)) {
      return;
    }
    std::size_t close = q.end + 1;
    while (close < t.size() && close < q.end + 24 && !is_punct(t[close], ")")) ++close;
    if (close >= t.size() || !is_punct(t[close], ")")) return;
    const auto w = phrases().longest(t, q.end + 1, kNumberWord);
    const auto& locale = lex->number_locales[w->entry->payload];
    const auto composed = compose_spelled(t, q.end + 1, close, locale);
    const double spelled = composed && composed->second + 1 == close
                               ? composed->first
                               : word_value(t, q.end + 1, locale).value_or(-1);
    if (spelled == q.value) q.end = close + 1;
  }

  // A phrase that ends inside a Hangul word leaves a particle at most: "명이", not "일한다".
  bool rest_ok(const std::vector<Token>& t, const PhraseTable::Match& m) const {
    if (m.rest == 0) return true;
    const std::string& last = t[m.end - 1].folded;
    return particle_or_empty(std::string_view(last).substr(last.size() - m.rest));
  }

  // A numeral (with its currency sign) starting at token i.
  // `compose`: Korean groups after it join it (compose_myriads); false reads one group.
  // "a dollar", "a euro": a currency word (in Latin or Cyrillic letters, as its article) that
  // no number follows ("a us $150 million" is 150 million).
  // "a kilogram", "a lb": a unit of measure the lexicon lets an article count.
  bool article_unit(const std::vector<Token>& t, std::size_t k) const {
    const auto u = unit_at(t, k);
    return u && u->rest == 0 && t[k].kind == TokenKind::kWord &&
           lex->article_units.count(lex->units[u->entry->payload]) > 0;
  }

  bool article_currency(const std::vector<Token>& t, std::size_t k) const {
    const auto c = phrases().longest(t, k, kCurrencyAfter);
    if (!c || c->rest != 0 || t[k].kind != TokenKind::kWord || t[k].script == TokenScript::kHangul) {
      return false;
    }
    return c->end >= t.size() || (t[c->end].kind != TokenKind::kNumber && !at(t, c->end, kCurrencyBefore));
  }

  // The denominator a fraction word at token k names ("third(s)" 3, "quarter(s)" 4, "трети"
  // 3), from figures.json's fraction_denominators.
  std::optional<double> fraction_word_at(const std::vector<Token>& t, std::size_t k) const {
    if (k >= t.size()) return std::nullopt;
    const auto m = phrases().longest(t, k, kFraction);
    if (!m || m->rest != 0 || m->end != k + 1) return std::nullopt;
    return lex->fraction_denominators[m->entry->payload];
  }

  // A fraction word that means one of it alone ("half", "половина"), unless a word that is
  // none of a figure's makes it a noun: "the first half", "the second half" (of a match).
  bool alone_fraction(const std::vector<Token>& t, std::size_t k) const {
    const auto m = phrases().longest(t, k, kFractionAlone);
    if (!m || m->rest != 0 || m->end != k + 1) return false;
    return k == 0 || t[k - 1].kind != TokenKind::kWord || t[k].script == TokenScript::kHangul ||
           is_lexicon_word(t, k - 1);
  }

  // "3/4", "-4/5", "2 1/4": digits over digits with a small denominator, glued, and no third
  // group ("5/17/2018" is a date). Sets q to the fraction's value.
  void digit_fraction(const std::vector<Token>& t, std::size_t j, Quantity& q) const {
    const auto over = [&](std::size_t k) -> std::optional<double> {
      if (k + 2 >= t.size()) return std::nullopt;
      const Token& a = t[k];
      const Token& slash = t[k + 1];
      const Token& b = t[k + 2];
      if (a.kind != TokenKind::kNumber || !is_punct(slash, "/") || slash.space_before ||
          b.kind != TokenKind::kNumber || b.space_before || a.decimals != 0 || b.decimals != 0 ||
          a.grouped || b.grouped || b.value < 2 ||
          (b.value > 16 && b.value != 100 && b.value != 1000)) {
        return std::nullopt;
      }
      if (k + 3 < t.size() && is_punct(t[k + 3], "/") && !t[k + 3].space_before) {
        return std::nullopt;
      }
      if (k > 0 && is_punct(t[k - 1], "/") && !a.space_before) return std::nullopt;
      return a.value / b.value;
    };
    if (const auto f = over(j)) {
      q.value = q.value < 0 ? -*f : *f;
      q.decimals = 3;
      q.trailing_zeros = 0;
      q.year_like = false;
      q.numeral_end = j + 3;
      q.end = j + 3;
      return;
    }
    // A whole number and a fraction: "2 1/4", "2½".
    if (t[j].decimals != 0 || j + 1 >= t.size()) return;
    double part = 0;
    std::size_t end = 0;
    if (const auto f = t[j + 1].space_before ? over(j + 1) : std::nullopt) {
      part = *f;
      end = j + 4;
    } else if (const auto v = vulgar_fraction(t[j + 1]); v && !t[j + 1].space_before) {
      part = *v;
      end = j + 2;
    }
    if (end == 0) return;
    q.value = q.value < 0 ? q.value - part : q.value + part;
    q.decimals = 3;
    q.trailing_zeros = 0;
    q.year_like = false;
    q.numeral_end = end;
    q.end = end;
  }

  // The decimals a fraction's value is read to: three significant digits at least
  // ("1/3" 0.333, "일조분의 일" 1e-12 to its own first digits).
  static int fraction_decimals(double value) {
    if (value == 0) return 3;
    const int lead = static_cast<int>(std::floor(std::log10(std::abs(value))));
    return std::clamp(2 - lead, 3, 15);
  }

  // A Korean numeral of sino syllables at the start of `word` (folded) followed by nothing but
  // a particle: its value and bytes. Used where the place says it is a numeral (the numerator
  // of a fraction, a group after another): "이", "일은", "삼십".
  std::optional<double> sino_word(std::string_view word) const {
    if (word.empty()) return std::nullopt;
    const auto w = phrases().prefix_of(word, kNumberWord);
    if (!w) return std::nullopt;
    const auto& locale = lex->number_locales[w->first->payload];
    auto parsed = words.parse(locale, word);
    if (const auto sino = sino_korean(word, locale); sino && (!parsed || sino->bytes > parsed->bytes)) {
      parsed = sino;
    }
    if (!parsed || parsed->bytes == 0 || !particle_or_empty(word.substr(parsed->bytes))) {
      return std::nullopt;
    }
    return parsed->value;
  }

  // "일과 이분의 일": the whole in q, its word (token k) ending in a joiner ("과", "와"), a
  // Korean fraction after it.
  bool korean_mixed(const std::vector<Token>& t, std::size_t k, std::string_view rest,
                    std::string_view text, Quantity& q) const {
    const auto j = phrases().prefix_of(rest, kFractionJoiner);
    if (!j || j->second != rest.size() || k + 1 >= t.size() || !t[k + 1].space_before) {
      return false;
    }
    const auto part = quantity_at(t, k + 1, text, /*compose=*/false);
    if (!part || part->first != k + 1 || part->value <= 0 || part->value >= 1 || part->vague ||
        part->scale != 1 || !part->currency.empty() || part->percent) {
      return false;
    }
    const std::size_t first = q.first;
    const std::size_t numeral_first = q.numeral_first;
    const double whole = q.value * q.scale;
    q = *part;
    q.first = first;
    q.numeral_first = numeral_first;
    q.value = whole + part->value;
    q.decimals = fraction_decimals(part->value);
    return true;
  }

  // Korean "N분의 M" (M over N): `word` (token k, folded) starts with a fraction marker
  // ("분의") after the denominator already in q; the numerator follows in the same word
  // ("사분의일") or is the next token ("5분의 2", "삼분의 이", "이십일 분의 삼"). Takes the
  // numerator's suffixes too ("5분의 2 또는 그 이상").
  bool korean_fraction(const std::vector<Token>& t, std::size_t k, std::string_view word,
                       std::string_view text, Quantity& q) const {
    const auto m = phrases().prefix_of(word, kFractionMarker);
    if (!m || q.value <= 0) return false;
    std::optional<Quantity> numerator;
    if (m->second < word.size()) {
      const auto v = sino_word(word.substr(m->second));
      if (!v) return false;
      Quantity x = q;
      x.value = *v;
      x.scale = 1;
      x.end = x.numeral_end = k + 1;
      numerator = x;
    } else {
      if (k + 1 >= t.size()) return false;
      std::size_t sign_end = k + 1;
      bool negative = false;
      if (auto n = phrases().longest(t, k + 1, kNegative); n && n->rest == 0 && n->end < t.size()) {
        negative = true;  // "오분의 마이너스 구천오백"
        sign_end = n->end;
      }
      numerator = quantity_at(t, sign_end, text, /*compose=*/false);
      if (numerator && negative && numerator->first == k + 1) {
        negative = false;  // the numerator read its own minus
        numerator->first = sign_end;
      }
      if (!numerator && t[sign_end].script == TokenScript::kHangul) {
        // One sino syllable is a numerator here ("삼분의 이"), though alone too ambiguous;
        // so is a numeral before a noun spelled like one ("일조각" is one piece, "조각").
        std::optional<double> v = sino_word(t[sign_end].folded);
        const std::string_view w(t[sign_end].folded);
        for (std::size_t p = 3; !v && p < w.size(); p += 3) {
          for (std::size_t len = 6; len <= 9 && p + len <= w.size(); len += 3) {
            if (lex->numeral_lookalikes.count(w.substr(p, len)) > 0) {
              v = sino_word(w.substr(0, p));
              break;
            }
          }
        }
        if (v) {
          Quantity x;
          x.first = x.numeral_first = sign_end;
          x.numeral_end = x.end = sign_end + 1;
          x.value = *v;
          numerator = x;
        }
      }
      if (!numerator || numerator->first != sign_end || numerator->vague) return false;
      if (negative) numerator->value = -numerator->value;
      // "오분의 일만을" is one fifth "only", not 10,000 fifths: a numerator ending in a scale
      // word that is also a particle ("만") reads it as the particle.
      if (t[sign_end].script == TokenScript::kHangul && numerator->value != 0) {
        const std::string_view w(t[sign_end].folded);
        for (std::size_t p = 3; p < w.size(); p += 3) {
          const auto scale = phrases().prefix_of(w.substr(p), kScale);
          if (!scale || !particle_or_empty(w.substr(p))) continue;
          if (const auto v = sino_word(w.substr(0, p)); v && *v < std::abs(numerator->value)) {
            numerator->value = negative ? -*v : *v;
            numerator->scale = 1;
          }
          break;
        }
      }
    }
    if (numerator->scale != 1) return false;
    const double denominator = q.value * q.scale;
    const std::size_t first = q.first;
    const std::size_t numeral_first = q.numeral_first;
    const bool minus = q.value < 0;
    q = *numerator;
    q.first = first;
    q.numeral_first = numeral_first;
    q.value = numerator->value / denominator;
    if (minus) q.value = -q.value;
    q.scale = 1;
    q.decimals = fraction_decimals(q.value);
    q.trailing_zeros = 0;
    q.year_like = false;
    q.spelled = false;
    return true;
  }

  // A power written after the digits: "1.1^23", "2.5^-1", "-1.1^--23" (signs multiply),
  // "1.3x10^6", "6.23×10^-4".
  void power_of(const std::vector<Token>& t, Quantity& q) const {
    std::size_t k = q.numeral_end;
    if (k != q.end || k >= t.size() || t[k].space_before) return;
    double base = q.value;
    bool times_ten = false;
    // "x10^6": the digits times ten to a power.
    if (t[k].kind == TokenKind::kWord && (t[k].folded == "x" || t[k].folded == "×") &&
        k + 2 < t.size() && t[k + 1].kind == TokenKind::kNumber && t[k + 1].value == 10 &&
        !t[k + 1].space_before && is_punct(t[k + 2], "^")) {
      times_ten = true;
      k += 2;
    } else if (is_punct(t[k], "×") && k + 2 < t.size() && t[k + 1].value == 10 &&
               is_punct(t[k + 2], "^")) {
      times_ten = true;
      k += 2;
    } else if (!is_punct(t[k], "^")) {
      return;
    }
    ++k;
    int sign = 1;
    while (k < t.size() && !t[k].space_before && (is_punct(t[k], "-") || is_punct(t[k], "+"))) {
      if (is_punct(t[k], "-")) sign = -sign;
      ++k;
    }
    if (k >= t.size() || t[k].kind != TokenKind::kNumber || t[k].space_before ||
        t[k].decimals != 0 || t[k].value > 308) {
      return;
    }
    const double exponent = sign * t[k].value;
    // A minus before the base is the result's: "-1.1^23" is -(1.1^23).
    q.value = times_ten ? base * std::pow(10.0, exponent)
                        : std::copysign(std::pow(std::abs(base), exponent), base);
    if (!std::isfinite(q.value)) {
      q.value = base;
      return;
    }
    q.decimals = fraction_decimals(q.value);
    q.trailing_zeros = 0;
    if (std::abs(q.value) >= 1000) {
      // Three significant digits: "1.3x10^6" is read to the ten thousand.
      q.decimals = 0;
      q.trailing_zeros =
          std::max(0, static_cast<int>(std::floor(std::log10(std::abs(q.value)))) - 2);
    }
    q.year_like = false;
    q.numeral_end = k + 1;
    q.end = k + 1;
  }

  // The Korean decimals after a point word: `rest` (the end of token k, folded) is the point
  // ("점"), the next token starts with digit syllables, each one digit ("영삼" 03, "칠일" 71);
  // what follows them is read as the number's suffixes.
  bool korean_decimals(const std::vector<Token>& t, std::size_t k, std::string_view rest,
                       Quantity& q) const {
    const auto p = phrases().prefix_of(rest, kDecimalPoint);
    if (!p || p->second != rest.size() || k + 1 >= t.size() || !t[k + 1].space_before ||
        t[k + 1].script != TokenScript::kHangul || q.value != std::floor(q.value)) {
      return false;
    }
    const std::string_view w(t[k + 1].folded);
    std::string digits;
    std::size_t used = 0;
    while (used + 3 <= w.size()) {
      const auto m = phrases().prefix_of(w.substr(used), kNumberWord);
      if (!m || m->second != 3) break;
      const auto v = words.parse(lex->number_locales[m->first->payload], w.substr(used, 3));
      const auto z = phrases().prefix_of(w.substr(used, 3), kZeroDigit);
      const bool zero = z && z->second == 3;
      if (!zero && (!v || v->bytes != 3 || v->value >= 10 || v->value < 1)) break;
      digits += static_cast<char>('0' + (zero ? 0 : static_cast<int>(v->value)));
      used += 3;
    }
    // A last "이" that makes the copula with what follows is the copula: "오점 오이다" is 5.5.
    if (digits.size() > 1 && digits.back() == '2' && used < w.size() &&
        particle_or_empty(w.substr(used - 3))) {
      digits.pop_back();
      used -= 3;
    }
    if (digits.empty()) return false;
    Quantity c = q;
    if (used < w.size() && !hangul_chain(w.substr(used), c)) return false;
    q = c;
    const double fraction = std::strtod(("0." + digits).c_str(), nullptr);
    q.value = q.value < 0 ? q.value - fraction : q.value + fraction;
    q.decimals = static_cast<int>(digits.size());
    q.trailing_zeros = 0;
    q.numeral_end = k + 2;
    q.end = k + 2;
    return true;
  }

  // "½", "⅔": a character whose numeric value is a fraction (ICU's numeric value).
  static std::optional<double> vulgar_fraction(const Token& x) {
    if (x.kind != TokenKind::kPunct && x.kind != TokenKind::kWord) return std::nullopt;
    std::size_t next = 0;
    const UChar32 c = code_point_at(x.folded, 0, &next);
    if (next != x.folded.size() || c < 0x80) return std::nullopt;
    const double v = u_getNumericValue(c);
    if (v == U_NO_NUMERIC_VALUE || v <= 0 || v >= 1) return std::nullopt;
    return v;
  }

  // "two point five", "1 point 1", "nine point nought four", "two hundred point seventy-one":
  // a decimal point word between an integer and its decimals written the same way (digits
  // after digits, words after words: "at one point 200 people" is no 1.2).
  void decimal_words(const std::vector<Token>& t, Quantity& q) const {
    const std::size_t k = q.end;
    if (q.end != q.numeral_end || k + 1 >= t.size() || !at(t, k, kDecimalPoint) ||
        q.decimals != 0 || q.value != std::floor(q.value)) {
      return;
    }
    const auto point = phrases().longest(t, k, kDecimalPoint);
    if (point->rest != 0) return;
    std::size_t f = point->end;
    std::string digits;
    if (!q.spelled) {
      if (t[f].kind != TokenKind::kNumber || t[f].decimals != 0 || t[f].grouped) return;
      digits = t[f].folded;
      ++f;
    } else {
      // Words of one digit each ("zero three"), or one word below a hundred ("seventy-one").
      while (f < t.size()) {
        const auto w = phrases().longest(t, f, kNumberWord);
        if (!w || w->end != f + 1 || w->rest != 0) break;
        const auto v = word_value(t, f, lex->number_locales[w->entry->payload]);
        if (!v || *v >= 10 || *v != std::floor(*v)) break;
        digits += static_cast<char>('0' + static_cast<int>(*v));
        ++f;
      }
      if (digits.empty()) {
        const auto w = phrases().longest(t, f, kNumberWord);
        if (!w) return;
        std::size_t end = f;
        while (end < t.size() && (at(t, end, kNumberWord) || (end > f && at(t, end, kNumberJoiner)))) ++end;
        const auto composed = compose_spelled(t, f, end, lex->number_locales[w->entry->payload]);
        std::optional<double> v;
        std::size_t last = f;
        if (composed) {
          v = composed->first;
          last = composed->second;
        } else {
          v = word_value(t, f, lex->number_locales[w->entry->payload]);
        }
        if (!v || *v >= 100 || *v < 10 || *v != std::floor(*v)) return;
        digits = std::to_string(static_cast<int>(*v));
        f = last + 1;
      }
    }
    if (digits.empty()) return;
    const double fraction = std::strtod(("0." + digits).c_str(), nullptr);
    q.value = q.value < 0 ? q.value - fraction : q.value + fraction;
    q.decimals = static_cast<int>(digits.size());
    q.trailing_zeros = 0;
    q.year_like = false;
    q.numeral_end = f;
    q.end = f;
  }

  // "one and a half", "3 million and a half", "five and a quarter", "one billion and a half
  // million": a fraction after "and" adds to the number (in its scale, or in its own).
  void and_a_fraction(const std::vector<Token>& t, Quantity& q) const {
    std::size_t k = q.end;
    // The whole number's own scale first: "3 million and a half".
    double scale = 1;
    std::size_t after_scale = k;
    while (after_scale < t.size()) {
      const auto m = phrases().longest(t, after_scale, kScale);
      if (!m || m->rest != 0) break;
      scale *= lex->scales[m->entry->payload];
      after_scale = m->end;
    }
    k = after_scale;
    if (k + 1 >= t.size() || !at(t, k, kFractionJoiner)) return;
    const auto joiner = phrases().longest(t, k, kFractionJoiner);
    std::size_t f = joiner->end;
    double numerator = 1;
    if (auto a = phrases().longest(t, f, kScaleArticle); a && a->rest == 0) {
      f = a->end;
    } else if (fraction_word_at(t, f)) {
      // "три с половиной": the fraction word alone.
    } else if (f < t.size() && t[f].kind == TokenKind::kWord) {
      const auto w = phrases().longest(t, f, kNumberWord);
      if (!w || w->end != f + 1) return;
      const auto v = word_value(t, f, lex->number_locales[w->entry->payload]);
      if (!v || *v >= 10) return;
      numerator = *v;
      ++f;
    } else {
      return;
    }
    const auto d = fraction_word_at(t, f);
    if (!d) return;
    double part = numerator / *d;
    std::size_t end = f + 1;
    // "and a half million": the fraction has a scale of its own.
    double own = 1;
    while (end < t.size()) {
      const auto m = phrases().longest(t, end, kScale);
      if (!m || m->rest != 0) break;
      own *= lex->scales[m->entry->payload];
      end = m->end;
    }
    if (own > 1 && q.value * scale >= own) {
      // "one billion and a half million": the half million adds to the billion.
      q.value += part * own / scale;
    } else if (own == 1 && scale == 1 && q.spelled_scale >= 1e6) {
      // "five billion and three quarters", "one million and a half": of the last scale.
      q.value += part * q.spelled_scale;
    } else {
      // "one and a half", "3 million and a half", "two and a half million".
      q.value += part;
      scale *= own;
    }
    q.scale *= scale;
    q.decimals = std::max(q.decimals, 3);
    q.trailing_zeros = 0;
    q.numeral_end = end;
    q.end = end;
  }

  std::optional<Quantity> quantity_at(const std::vector<Token>& t, std::size_t i,
                                      std::string_view text, bool compose = true) const {
    Quantity q;
    q.first = i;
    std::size_t j = i;
    if (auto c = phrases().longest(t, i, kCurrencyBefore); c && c->rest == 0 && c->end < t.size() &&
                                                            t[c->end].kind == TokenKind::kNumber) {
      q.currency = lex->currencies[c->entry->payload];
      q.supported = true;
      j = c->end;
    } else if (auto p = phrases().longest(t, i, kPercentBefore); p && p->rest == 0 && p->end < t.size()) {
      // "percent of 10", "per cent of twenty-two".
      auto x = quantity_at(t, p->end, text, compose);
      if (!x || x->first != p->end || x->percent || !x->currency.empty() || !x->unit.empty()) {
        return std::nullopt;
      }
      x->percent = true;
      x->supported = true;
      x->first = i;
      return x;
    }
    if (j >= t.size()) return std::nullopt;
    const Token& n = t[j];
    if (n.kind == TokenKind::kNumber) {
      if (excluded_digits(t, j)) return std::nullopt;
      q.value = n.value;
      // A minus: "-3" (the sign glued to the digits, not "2010-2016"), "minus 5", "마이너스3".
      std::size_t sign;
      if (j == i && ending_at(t, j, kNegative, &sign)) {
        const Token& m = t[sign];
        // (Or right after another sign: "<-30".)
        const bool glued_dash = m.kind == TokenKind::kPunct && !n.space_before &&
                                (sign == 0 || m.space_before ||
                                 is_punct(t[sign - 1], "<") || is_punct(t[sign - 1], ">") ||
                                 is_punct(t[sign - 1], "=") || is_punct(t[sign - 1], "≤") ||
                                 is_punct(t[sign - 1], "≥"));
        if (m.kind == TokenKind::kWord || glued_dash) {
          q.value = -q.value;
          q.first = sign;
        }
      }
      q.decimals = n.decimals;
      q.trailing_zeros = n.trailing_zeros;
      q.numeral_first = j;
      q.numeral_end = j + 1;
      q.end = j + 1;
      q.year_like = !n.grouped && n.decimals == 0 && n.digits == 4 && n.value >= lex->year_min &&
                    n.value <= lex->year_max;
      digit_fraction(t, j, q);
      power_of(t, q);
      if (j + 1 < t.size() && !t[j + 1].space_before && t[j + 1].folded.size() > 0 &&
          korean_fraction(t, j + 1, t[j + 1].folded, text, q)) {
        return q;
      }
    } else if (auto p = phrases().longest(t, j, kDecimalPoint);
               p && p->rest == 0 && p->end < t.size() && t[p->end].kind == TokenKind::kNumber &&
               t[p->end].decimals == 0 && !t[p->end].grouped &&
               (j == 0 || t[j - 1].kind != TokenKind::kWord)) {
      // "point 77": decimals with no integer, where no word before makes "point" a noun.
      const std::string digits = t[p->end].folded;
      q.value = std::strtod(("0." + digits).c_str(), nullptr);
      q.decimals = static_cast<int>(digits.size());
      q.numeral_first = j;
      q.numeral_end = p->end + 1;
      q.end = p->end + 1;
    } else if (const auto vf = vulgar_fraction(t[j]); vf) {
      // "½", "¾": a fraction written as one character.
      q.value = *vf;
      q.decimals = 3;
      q.numeral_first = j;
      q.numeral_end = j + 1;
      q.end = j + 1;
    } else if (auto z = phrases().longest(t, j, kZeroWord); z && z->rest == 0) {
      // "ни одного", "not a single": none of what follows, exactly.
      q.value = 0;
      q.zero = true;
      q.spelled = true;
      q.numeral_first = j;
      q.numeral_end = z->end;
      q.end = z->end;
      suffixes(t, q);
      return q;
    } else if (auto v = phrases().longest(t, j, kVague); v) {
      const auto& vague = lex->vague[v->entry->payload];
      q.vague = true;
      q.vague_lo = vague.lo;
      q.vague_hi = vague.hi;
      q.numeral_first = j;
      q.numeral_end = v->end;
      q.end = v->end;
      if (v->rest > 0) {
        const Token& last = t[v->end - 1];
        const std::string_view rest(last.folded);
        if (!hangul_chain(rest.substr(rest.size() - v->rest), q)) return std::nullopt;
      }
      const double before = q.scale;
      suffixes(t, q);
      if (!vague.alone && q.scale == before && q.scale == 1) return std::nullopt;
      return q;
    } else if (auto a = phrases().longest(t, j, kScaleArticle);
               a && a->rest == 0 && a->end < t.size() &&
               (at(t, a->end, kScale) || article_currency(t, a->end) || article_unit(t, a->end))) {
      // "a hundred", "a thousand", "a dollar": one of the scale or currency that follows.
      q.value = 1;
      q.spelled = true;
      q.numeral_first = j;
      q.numeral_end = a->end;
      q.end = a->end;
    } else if (auto d = fraction_word_at(t, a ? a->end : j);
               d && (a || alone_fraction(t, j) || (j + 1 < t.size() && at(t, j + 1, kScale)))) {
      // "a third", "a quarter", and "half" alone: one of the fraction.
      q.value = 1 / *d;
      q.decimals = 3;
      q.spelled = true;
      q.numeral_first = j;
      q.numeral_end = (a ? a->end : j) + 1;
      q.end = q.numeral_end;
    } else if (!spelled_at(t, j, text, q)) {
      return std::nullopt;
    } else if (std::size_t d; q.value == 1 && q.numeral_end == j + 1 && t[j].script != TokenScript::kHangul &&
                              ending_at(t, j, kPronounDeterminer, &d) &&
                              !(q.end < t.size() && (at(t, q.end, kScale) || unit_at(t, q.end) ||
                                                     at(t, q.end, kCurrencyAfter)))) {
      return std::nullopt;  // "the one you mentioned", "which one": a pronoun
    } else if (std::size_t sign; j == i && ending_at(t, j, kNegative, &sign) &&
                                   t[sign].kind == TokenKind::kWord) {
      // "minus one", "negative five point five", "마이너스 오", "음수 일천구백".
      q.value = -q.value;
      q.first = sign;
      q.numeral_first = sign;
    }
    if (auto d2 = !q.vague && q.spelled && q.end == q.numeral_end ? fraction_word_at(t, q.end)
                                                                 : std::nullopt) {
      // "two thirds", "three quarters", "две трети": the numeral counts the fraction.
      q.value /= *d2;
      q.decimals = 3;
      q.numeral_end = q.end + 1;
      q.end = q.numeral_end;
    }
    if (!q.vague) decimal_words(t, q);
    if (!q.vague) {
      // "half a million", "a quarter million": a fraction of the scale after it.
      if (q.value < 1 && q.value > 0 && q.end + 1 < t.size() && at(t, q.end, kScaleArticle) &&
          at(t, q.end + 1, kScale)) {
        ++q.end;
      }
      and_a_fraction(t, q);
    }
    suffixes(t, q);
    if (compose) compose_myriads(t, q, text);
    if (compose) currency_and_cents(t, q, text);
    if (compose) scaled_groups(t, q, text);
    if (compose) ratio(t, q, text);
    return q;
  }

  // "1 over 3", "2000 over 3", "one out of three", "1 in twenty-one", "two out of five
  // hundred", "3 из 10": one number of two. A part ("in", "out of") is smaller than its
  // whole; neither end carries a unit, and the whole is no year ("5 in 2008").
  void ratio(const std::vector<Token>& t, Quantity& q, std::string_view text) const {
    if (q.end != q.numeral_end || q.end >= t.size() || q.vague || q.percent ||
        !q.currency.empty() || !q.unit.empty() || q.scale != 1) {
      return;
    }
    bool part = false;
    auto w = phrases().longest(t, q.end, kRatioOver);
    if (!w || w->rest != 0) {
      w = phrases().longest(t, q.end, kRatioPartOf);
      part = true;
    }
    if (!w || w->rest != 0 || w->end >= t.size()) return;
    const auto whole = quantity_at(t, w->end, text, /*compose=*/false);
    if (!whole || whole->first != w->end || whole->vague || whole->percent ||
        !whole->currency.empty() || whole->year_like || whole->value == 0) {
      return;
    }
    const double denominator = whole->value * whole->scale;
    if (part && !(std::abs(q.value) < denominator)) return;
    if (lex->not_ratio_units.count(whole->unit) > 0) return;
    const Quantity counted = *whole;
    q.value = q.value / denominator;
    q.decimals = fraction_decimals(q.value);
    q.trailing_zeros = 0;
    q.year_like = false;
    q.numeral_end = counted.numeral_end;
    q.end = counted.end;
    // A share of what is counted, not a count of it: "1 in 5 people" is 0.2, of persons.
    q.unit.clear();
    q.supported = true;
    q.approx_after = counted.approx_after;
    q.bound_after = counted.bound_after;
    q.hedge_after = counted.hedge_after;
  }

  // "3 hundred and 21", "4 thousand 3 hundred and 21", "6 crore and two hundred": a number
  // with its scale word and, after it, smaller groups that add to it.
  void scaled_groups(const std::vector<Token>& t, Quantity& q, std::string_view text) const {
    while (q.scale >= 100 && q.unit.empty() && q.currency.empty() &&
           !q.percent && q.end < t.size() && q.value == std::floor(q.value) &&
           t[q.end].script != TokenScript::kHangul && !q.vague) {
      std::size_t k = q.end;
      if (auto j = phrases().longest(t, k, kFractionJoiner); j && j->rest == 0 && t[k].kind == TokenKind::kWord) {
        k = j->end;
      }
      if (k >= t.size() || (t[k].kind != TokenKind::kNumber && t[k].kind != TokenKind::kWord)) return;
      const auto next = quantity_at(t, k, text, /*compose=*/false);
      if (!next || next->first != k || next->vague || next->percent || next->value <= 0 ||
          next->value != std::floor(next->value) || next->year_like ||
          next->value * next->scale >= q.scale || next->bound_after != Bound::kNone) {
        return;
      }
      const double total = q.value * q.scale + next->value * next->scale;
      q.value = total;
      q.scale = 1;
      q.decimals = 0;
      q.trailing_zeros = trailing_zeros_of(total);
      q.numeral_end = next->numeral_end;
      q.end = next->end;
      q.unit = next->unit;
      q.currency = next->currency;
      q.supported = q.supported || next->supported;
      if (next->scale < 100) return;
      q.scale = next->scale;
      q.value = total / next->scale;
    }
  }

  // "20 dollars 43 cents", "$20 and 43c", "3 GBP 1 pence", "twenty dollars and 43" (at the
  // text's end), "20 долларов 43 цента": whole units of a currency and then its hundredths.
  void currency_and_cents(const std::vector<Token>& t, Quantity& q, std::string_view text) const {
    if (q.currency.empty() || q.scale != 1 || q.value != std::floor(q.value) || q.percent ||
        q.end >= t.size() || q.bound_after != Bound::kNone || q.approx_after || q.join_after) {
      return;
    }
    std::size_t k = q.end;
    if (auto j = phrases().longest(t, k, kFractionJoiner); j && j->rest == 0) k = j->end;
    if (k >= t.size() || t[k].kind == TokenKind::kPunct) return;
    const auto cents = quantity_at(t, k, text, /*compose=*/false);
    if (!cents || cents->first != k || cents->value < 0 || cents->value >= 100 ||
        cents->value != std::floor(cents->value) || cents->percent || !cents->unit.empty()) {
      return;
    }
    const bool subunit = !cents->currency.empty() && cents->scale == 0.01;
    const bool bare_at_end = cents->currency.empty() && cents->scale == 1 &&
                             (cents->end >= t.size() || t[cents->end].kind == TokenKind::kPunct);
    if (!subunit && !bare_at_end) return;
    q.value += cents->value / 100;
    q.decimals = 2;
    q.trailing_zeros = 0;
    q.numeral_end = cents->numeral_end;
    q.end = cents->end;
    q.approx_after = cents->approx_after;
    q.bound_after = cents->bound_after;
    q.hedge_after = cents->hedge_after;
  }

  // Korean numbers count in myriads (만 10^4, 억 10^8, 조 10^12): groups of digits with their
  // scale words follow one another with or without a space, smaller after larger, and a
  // myriad word closes the groups before it: "2만 5천 명" is 25,000, "3만2천" 32,000, "2억
  // 3천만 원" 230,000,000, "7천 5백만" (7천 + 5백) × 만 = 75,000,000. The precision is the
  // last group's: "2만 5천" is read to the thousand. Only digits with a Hangul scale word
  // join, and nothing (unit, currency, hedge, bound, range word) may stand between groups.
  void compose_myriads(const std::vector<Token>& t, Quantity& q, std::string_view text) const {
    const auto hangul_scaled = [&](const Quantity& x) {
      return !x.spelled && !x.vague && x.decimals == 0 && x.value > 0 && x.scale >= 10 &&
             x.numeral_end < t.size() && t[x.numeral_end].script == TokenScript::kHangul;
    };
    const auto open_after = [](const Quantity& x) {
      return x.unit.empty() && x.currency.empty() && !x.percent && !x.approx_after &&
             x.bound_after == Bound::kNone && !x.join_after;
    };
    // A scale as (below a myriad) × (a myriad or 1): 3천만 = 10^3 × 10^4.
    const auto split = [](double scale) {
      double myriad = 1;
      for (const double m : {1e12, 1e8, 1e4}) {
        if (scale >= m) {
          myriad = m;
          break;
        }
      }
      return std::pair{scale / myriad, myriad};
    };
    if (!hangul_scaled(q) || !open_after(q)) return;
    double total = 0;     // closed myriad groups
    double pending = 0;   // groups since the last myriad word
    double last_sub = 1e4;
    double last_myriad = 1e16;
    double precision = q.scale;
    const auto add = [&](const Quantity& x) {
      const auto [sub, myriad] = split(x.scale);
      if (sub >= last_sub || (myriad > 1 && myriad >= last_myriad)) return false;
      pending += x.value * sub;
      last_sub = sub;
      if (myriad > 1) {
        total += pending * myriad;
        pending = 0;
        last_sub = 1e4;
        last_myriad = myriad;
      }
      precision = x.scale;
      return true;
    };
    add(q);
    bool joined = false;
    while (open_after(q) && q.end < t.size() && t[q.end].kind == TokenKind::kNumber) {
      const auto next = quantity_at(t, q.end, text, /*compose=*/false);
      if (!next || next->first != q.end) break;
      // Plain digits end a number below the place of the group before: "42만 1585명", "5만
      // 8200원", "6만2천548원". Not when a Hangul word glued to them was not read as a suffix:
      // "25만2천세대" (households), "47조 3항" (a paragraph).
      const bool unread_glued = next->end == next->numeral_end && next->end < t.size() &&
                                !t[next->end].space_before &&
                                t[next->end].script == TokenScript::kHangul;
      const bool last_units = next->scale == 1 && next->decimals == 0 && !next->spelled &&
                              !next->vague && !unread_glued && next->value > 0 &&
                              next->value < last_sub;
      if (!(hangul_scaled(*next) || last_units) || !add(*next)) break;
      joined = true;
      q.numeral_end = next->numeral_end;
      q.end = next->end;
      q.unit = next->unit;
      q.currency = next->currency;
      q.percent = next->percent;
      q.per = next->per;
      q.approx_after = next->approx_after;
      q.bound_after = next->bound_after;
      q.hedge_after = next->hedge_after;
      q.join_after = next->join_after;
      q.supported = q.supported || next->supported;
    }
    // Groups left open by the last myriad word count in units: "2만 5천".
    if (!joined) return;
    q.value = (total + pending) / precision;
    q.scale = precision;
    q.trailing_zeros = trailing_zeros_of(q.value);
    q.year_like = false;
  }

  // A counted noun right after a small spelled-out number: "two ICBM tests", "five workers".
  bool noun_follows(const std::vector<Token>& t, std::size_t i) const {
    for (std::size_t k = i; k < t.size() && k < i + 3; ++k) {
      if (t[k].kind != TokenKind::kWord) return false;
      if (at(t, k, kMeasureNoun) || at(t, k, kDemonym)) return true;
    }
    return false;
  }

  std::vector<FoundFigure> find(std::string_view text, Span span) const;
  FoundFigure build(const std::vector<Token>& t, const Quantity& a, const Quantity* b,
                    std::size_t first, std::string hedge, bool approx, Bound bound) const;
};

// Whether a figure's numbers are ones a double holds: a number past its range (a 400-digit
// numeral) is no figure, never an infinite point. One past its exact integers (above 2^53,
// "99999999999999999999999") keeps its interval as the doubles around it, never an empty one.
static bool within_double(FoundFigure& f) {
  if (f.point && !std::isfinite(*f.point)) return false;
  if (!std::isfinite(f.lo) || std::isnan(f.hi)) return false;
  if (std::isinf(f.hi) && f.bound != Bound::kAtLeast) return false;
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (f.point && std::abs(*f.point) >= kExact && f.lo >= f.hi) {
    f.lo = std::nextafter(f.lo, -kInfinity);
    f.hi = std::nextafter(f.hi, kInfinity);
  }
  return true;
}

FoundFigure FigureFinder::Impl::build(const std::vector<Token>& t, const Quantity& a,
                                      const Quantity* b, std::size_t first, std::string hedge,
                                      bool approx, Bound bound) const {
  FoundFigure f;
  const Quantity& last = b ? *b : a;
  f.span = Span{t[first].span.begin, t[last.end - 1].span.end};
  f.number = Span{t[a.numeral_first].span.begin, t[last.numeral_end - 1].span.end};
  f.before_token = first;
  f.after_token = last.end;
  approx = approx || a.approx_after || last.approx_after;
  if (bound == Bound::kNone) bound = last.bound_after;
  if (hedge.empty()) hedge = last.hedge_after;
  if (b) {
    f.form = FigureForm::kRange;
    f.lo = a.low();
    f.hi = b->high();
  } else if (a.vague) {
    f.form = FigureForm::kVague;
    f.lo = a.low();
    f.hi = a.high();
    approx = true;
  } else {
    const double point = a.value * a.scale;
    f.point = point;
    Interval iv = a.zero ? Interval{0, 0}
                         : rounding_interval(a.value, a.decimals, a.trailing_zeros, a.scale);
    if (approx) {
      // A hedge on a precise-looking number widens it to ±5%.
      const double five = std::abs(point) * 0.05;
      iv.lo = std::min(iv.lo, point - five);
      iv.hi = std::max(iv.hi, point + five);
    }
    f.lo = iv.lo;
    f.hi = iv.hi;
  }
  if (bound == Bound::kAtMost) {
    f.hi = f.point.value_or(f.hi);
    f.lo = std::min(0.0, f.hi);
    // "nearly 8,600", "почти 300": a bound word that is also a hedge keeps the figure close
    // below its number (within a tenth), not anywhere under it.
    if (approx && f.hi > 0) f.lo = f.hi * 0.9;
  } else if (bound == Bound::kAtLeast) {
    f.lo = f.point.value_or(f.lo);
    f.hi = kInfinity;
  }
  f.approx = approx;
  f.bound = bound;
  f.hedge = std::move(hedge);
  const std::string& currency = !last.currency.empty() ? last.currency : a.currency;
  if (!currency.empty()) {
    f.unit = currency;
  } else if (a.percent || last.percent) {
    f.unit = "percent";
  } else {
    f.unit = !last.unit.empty() ? last.unit : a.unit;
  }
  // A rate: "per month", "a day", within a few words of the figure in the same clause.
  std::size_t k = last.end;
  for (std::size_t steps = 0; k < t.size() && steps < 6; ++steps) {
    std::size_t blocker;
    // A rate followed by a number is that number's: "8명은 하루 16시간" (8 people, 16 hours a day).
    if (auto r = phrases().longest(t, k, kRate);
        r && r->rest == 0 && !(k > 0 && ending_at(t, k, kNotRateAfter, &blocker)) &&
        !(r->end < t.size() && t[r->end].kind == TokenKind::kNumber)) {
      f.per = lex->rates[r->entry->payload];
      if (steps == 0) {
        f.span.end = t[r->end - 1].span.end;
        f.after_token = r->end;
      }
      break;
    }
    if (stops_window(t[k])) break;
    ++k;
  }
  if (!f.per.empty()) f.unit = (f.unit.empty() ? std::string("units") : f.unit) + " per " + f.per;
  return f;
}

std::vector<FoundFigure> FigureFinder::Impl::find(std::string_view text, Span span) const {
  TokenizeOptions options;
  options.cyrillic_numbers = has_cyrillic(slice(text, span));
  auto t = tokenize(text, span, options);
  phrases().index(t);
  std::vector<FoundFigure> out;
  // Web addresses hold digits that count nothing ("?q=30%25", "/2017/09/28/"): no token
  // inside one starts a figure.
  std::vector<Span> addresses;
  {
    const auto part = slice(text, span);
    for (const std::string_view mark : {"://", "www."}) {
      for (auto at_mark = part.find(mark); at_mark != std::string_view::npos;
           at_mark = part.find(mark, at_mark + 1)) {
        std::size_t b = at_mark;
        while (b > 0 && !std::isspace(static_cast<unsigned char>(part[b - 1]))) --b;
        std::size_t e = at_mark;
        while (e < part.size() && !std::isspace(static_cast<unsigned char>(part[e]))) ++e;
        addresses.push_back(Span{static_cast<std::uint32_t>(span.begin + b),
                                 static_cast<std::uint32_t>(span.begin + e)});
      }
    }
  }
  const auto in_address = [&](std::size_t k) {
    for (const auto& a : addresses)
      if (t[k].span.begin >= a.begin && t[k].span.end <= a.end) return true;
    return false;
  };
  // The phrase kinds a figure can start with; a word token with none of them (and no
  // number, and no fraction character) starts nothing, and is passed over at once.
  static const PhraseKinds start_kinds =
      kind_bit(kCurrencyBefore) | kind_bit(kPercentBefore) | kind_bit(kZeroWord) |
      kind_bit(kVague) | kind_bit(kDecimalPoint) | kind_bit(kScaleArticle) | kind_bit(kFraction) |
      kind_bit(kFractionAlone) | kind_bit(kNumberWord) | kind_bit(kNumberForm);
  std::size_t i = 0;
  std::size_t consumed = 0;  // the token past the last figure found
  while (i < t.size()) {
    if (!addresses.empty() && in_address(i)) {
      ++i;
      continue;
    }
    if (t[i].kind != TokenKind::kNumber && t[i].indexed && !(t[i].phrase_kinds & start_kinds) &&
        !(t[i].kind == TokenKind::kPunct && t[i].folded.size() > 1)) {
      ++i;
      continue;
    }
    auto a = quantity_at(t, i, text);
    if (!a) {
      ++i;
      continue;
    }
    // What stands before: a hedge, a bound, the opening of a range.
    std::size_t first = a->first;
    std::string hedge;
    bool approx = false;
    Bound bound = Bound::kNone;
    std::optional<std::size_t> closer;
    std::size_t s;
    if (auto r = ending_at(t, first, kRangeOpen, &s)) {
      closer = r->entry->payload;
      first = s;
    }
    // Where the hedge and bound words end: before the range's opening word, if any.
    const std::size_t numeral_start = first;
    for (int round = 0; round < 2; ++round) {
      // "increased to 35,000", "увеличена до 35 000": a change's target, not a bound.
      // (Only a one-word bound: "cut up to 700 workers" is at most 700.)
      const auto after_change = [&](std::size_t start) {
        std::size_t c;
        return start > 0 && first - start == 1 &&
               ending_at(t, start, kChangeWord, &c).has_value();
      };
      // The longer phrase decides: "no less than" is at least, though "less than" ends it too.
      std::size_t most_start = first;
      std::size_t least_start = first;
      const bool most = ending_at(t, first, kAtMostBefore, &most_start) && !after_change(most_start);
      const bool least =
          ending_at(t, first, kAtLeastBefore, &least_start) && !after_change(least_start);
      if (most && (!least || most_start < least_start)) {
        bound = Bound::kAtMost;
        first = most_start;
      } else if (least) {
        bound = Bound::kAtLeast;
        first = least_start;
      }
      std::size_t hs;
      if (ending_at(t, first, kHedgeBefore, &hs)) {
        approx = true;
        first = hs;
      } else if (first != numeral_start || round == 1) {
        // "nearly" is both a hedge and a bound: it was taken as the bound; mark approximate.
        std::size_t h2;
        if (bound != Bound::kNone && ending_at(t, numeral_start, kHedgeBefore, &h2)) approx = true;
        break;
      }
    }
    // Words the figure before took are not this one's: no two figures overlap.
    if (first < consumed) {
      first = std::min(consumed, numeral_start);
      approx = false;
      bound = Bound::kNone;
    }
    if (first < numeral_start) {
      hedge = fold_spaces(slice(text, Span{t[first].span.begin, t[numeral_start].span.begin}));
    }
    // A range: "A to B", "A–B", "between A and B", "two or three".
    std::optional<Quantity> b;
    std::size_t k = a->end;
    bool joined = false;
    bool cut = false;  // the text ends inside the range: "between $1.2 billion and"
    bool closed = false;
    if (closer) {
      const auto& words = lex->range_closers[*closer];
      bool present = k + words.size() <= t.size();
      for (std::size_t w = 0; present && w < words.size(); ++w) {
        present = t[k + w].folded == words[w];
      }
      joined = present && k + words.size() < t.size();
      cut = k == t.size() || (present && k + words.size() == t.size());
      closed = joined || cut;
      if (joined) k += words.size();
    }
    // "from $130-$170": an opening word with another joiner than its own closer.
    if (closed) {
    } else if (a->join_after) {
      joined = true;
    } else if (auto j = phrases().longest(t, k, kRangeJoin); j && j->rest == 0) {
      joined = true;
      k = j->end;
    }
    if (joined && k < t.size()) {
      // "between 2.0 g and about 7.0 g": a hedge on the second end makes the range approximate.
      if (auto h = phrases().longest(t, k, kHedgeBefore); h && h->rest == 0 && h->end < t.size()) {
        approx = true;
        k = h->end;
      }
      b = quantity_at(t, k, text);
      if (b && a->glued_closer >= 0) {
        // "20과 30 사이", "20부터 100까지": the closer stands after the second end (glued, or
        // as the next word) and makes it no bound of its own.
        const auto& closer = lex->glued_range_closers[static_cast<std::size_t>(a->glued_closer)];
        const std::string_view end_word =
            b->end > 0 ? std::string_view(t[b->end - 1].folded) : std::string_view();
        const bool glued = b->hedge_after == closer || end_word.ends_with(closer) ||
                           (end_word.find(closer) != std::string_view::npos &&
                            b->bound_after != Bound::kNone);
        const bool apart = b->end < t.size() && t[b->end].folded.starts_with(closer);
        if (glued || apart) {
          if (apart) b->end += 1;
          b->bound_after = Bound::kNone;
          b->hedge_after.clear();
        } else if (!a->closer_optional) {
          b.reset();
        }
      }
      if (b && !b->vague && !a->vague) {
        // Ends in different units are no range: "rose 6% to $1.45 billion" is a change, and
        // neither end takes the other's scale or currency.
        const auto kind_of = [](const Quantity& x) {
          return x.percent ? std::string("%") : !x.currency.empty() ? x.currency : x.unit;
        };
        const bool other_units =
            !kind_of(*a).empty() && !kind_of(*b).empty() && kind_of(*a) != kind_of(*b);
        if (other_units) {
          b.reset();
        } else {
          // "2 to 3 million", "$500 to 700": the first shares the second's scale and currency.
          const Quantity a_before = *a;
          if (a->scale == 1 && b->scale != 1 && a->value * b->scale <= b->value * b->scale) {
            a->scale = b->scale;
          }
          if (a->currency.empty()) a->currency = b->currency;
          if (b->currency.empty()) b->currency = a->currency;
          if (!(a->low() < b->high()) || (a->year_like && b->year_like)) {
            b.reset();
            *a = a_before;  // no range: the first end keeps what it said
          }
        }
      } else {
        b.reset();
      }
    }
    const Quantity& last = b ? *b : *a;
    // Years are dates unless something makes them a count: "2000 workers", "$2000".
    // (A bound makes it a count too: "1000보다 높고", "over 1000"; not "over 2000 - 2050".)
    const bool year_range_after = [&] {
      if (!a->year_like || a->end >= t.size()) return false;
      const auto j = phrases().longest(t, a->end, kRangeJoin);
      return j && j->end < t.size() && t[j->end].kind == TokenKind::kNumber &&
             t[j->end].digits == 4 && t[j->end].decimals == 0;
    }();
    if (a->year_like && !b && a->currency.empty() && !a->percent && a->scale == 1 &&
        a->unit.empty() && !noun_follows(t, a->end) &&
        ((a->bound_after == Bound::kNone && bound == Bound::kNone) || year_range_after)) {
      i = a->end;
      continue;
    }
    // A number alone in parentheses glued to a name is its bearer's age ("수닐 구룽(24) 씨",
    // "Smith(28)"): a numeral, as the suites count it, but no figure of a claim (minor).
    const bool bare = !b && a->currency.empty() && !a->percent && a->unit.empty() && a->scale == 1;
    const bool age = bare && first >= 2 && t[first - 1].folded == "(" && !t[first - 1].space_before &&
                     t[first - 2].kind == TokenKind::kWord && a->end < t.size() && t[a->end].folded == ")";
    if (b && a->year_like && b->year_like) {
      i = b->end;
      continue;
    }
    // A small spelled-out number that counts nothing the lexicon knows ("one of them", "two
    // sides") is a numeral, not a figure of a claim: reported, marked minor.
    // So is one after a definite determiner ("the two countries", "these three men"): the
    // things were named before, and the number counts them again.
    const bool small = a->spelled && !b && !a->supported &&
                       std::max(std::abs(a->low()), std::abs(a->high())) <
                           lex->small_spelled_needs_unit;
    const bool definite = first > 0 && ending_at(t, first, kDefiniteBefore, &s).has_value();
    const bool minor = small && (!noun_follows(t, last.end) || definite);
    // A range cut by the text's end keeps what it says: at least its lower end.
    if (cut && !b && bound == Bound::kNone) bound = Bound::kAtLeast;
    auto figure = build(t, *a, b ? &*b : nullptr, first, hedge, approx, bound);
    figure.minor = minor || age;
    // A rate may stand before the figure: "월 500달러" (500 dollars a month).
    if (figure.per.empty() && first > 0) {
      if (auto r = ending_at(t, first, kRate, &s); r && s >= consumed) {
        figure.per = lex->rates[r->entry->payload];
        figure.unit = (figure.unit.empty() ? std::string("units") : figure.unit) + " per " + figure.per;
        figure.span.begin = t[s].span.begin;
        figure.before_token = s;
      }
    }
    consumed = std::max(last.end, figure.after_token);
    if (within_double(figure)) out.push_back(std::move(figure));
    i = consumed;
  }
  return out;
}

FigureFinder::FigureFinder(std::shared_ptr<const FigureLexicon> lexicon)
    : impl_(std::make_unique<Impl>()) {
  impl_->lex = std::move(lexicon);
}

FigureFinder::~FigureFinder() = default;

std::vector<FoundFigure> FigureFinder::find(std::string_view text, Span span) const {
  return impl_->find(text, span);
}

}  // namespace claimgraph::ingest::figures
