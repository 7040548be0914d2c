#pragma once
// The figures of a sentence: every number it states, as the interval its written form
// asserts (DESIGN.md, "Figures are intervals"). Digits are scanned by hand; spelled-out
// numbers ("twenty thousand", "тридцать тысяч", "삼만") are parsed by ICU's spell-out rules.
// The words (hedges, bounds, scales, currencies, units, identifier words, month names)
// come from corpus/lexicons/figures.json.
//
// What is not a figure: years and dates, decades and centuries, ordinals, identifiers
// ("Resolution 2371", "Section 11"), numbered names ("Sakhalin-1"), list and footnote
// markers ("1)"), alphanumeric codes ("G20").

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/figure_lexicon.hpp"

namespace claimgraph::ingest::figures {

enum class FigureForm : std::uint8_t {
  kNumber,  // one number: "20,000", "twenty thousand", "3만 명"
  kRange,   // "between 15,000 and 20,000", "$500 to $700", "two or three"
  kVague,   // "tens of thousands", "a few hundred million", "수만"
};

struct FoundFigure {
  graph::Span span;        // the figure's own words (hedge, bound, number, scale, unit)
  graph::Span number;      // the numeral(s) alone: first numeral's begin to last one's end
  FigureForm form = FigureForm::kNumber;
  double lo = 0;           // the interval [lo, hi) the figure asserts
  double hi = 0;           // +infinity for an open "at least" bound
  std::optional<double> point;  // the number as written (null for ranges and vague ones)
  bool approx = false;
  graph::Bound bound = graph::Bound::kNone;
  std::string hedge;       // the hedge or bound words as written ("an estimated", "up to")
  // "USD", "RUB", "percent", "days", "years", "hours", ...; "" for a bare count whose unit
  // comes from what it counts. A rate adds " per day" / " per month" / " per year".
  std::string unit;
  std::string per;         // the rate's period alone ("month"), "" if none
  // A small spelled-out number with nothing it counts ("one of them", "the two sides"): a
  // numeral the grammar reads, but no figure of a claim (the ingester leaves it out).
  bool minor = false;
  // Token index just past the figure's last word, and just before its first: where the
  // counted noun phrase is looked for.
  std::size_t after_token = 0;
  std::size_t before_token = 0;
};

// One finder per thread: it holds ICU spell-out parsers.
class FigureFinder {
 public:
  explicit FigureFinder(std::shared_ptr<const FigureLexicon> lexicon);
  ~FigureFinder();
  FigureFinder(const FigureFinder&) = delete;
  FigureFinder& operator=(const FigureFinder&) = delete;

  // The figures of `text[span]` (offsets absolute into `text`), in text order.
  std::vector<FoundFigure> find(std::string_view text, graph::Span span) const;
  // Convenience: the figures of a whole string.
  std::vector<FoundFigure> find(std::string_view text) const {
    return find(text, graph::Span{0, static_cast<std::uint32_t>(text.size())});
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The interval a number written with `decimals` digits after the point (or, when 0,
// `trailing_zeros` zeros at the end of its integer part) asserts, scaled by `scale`:
// "20,000" -> [15,000, 25,000); "35,000" -> [34,500, 35,500); "298.6" -> [298.55, 298.65).
struct Interval {
  double lo = 0;
  double hi = 0;
};
Interval rounding_interval(double value, int decimals, int trailing_zeros, double scale);

}  // namespace claimgraph::ingest::figures
