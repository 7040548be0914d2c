// The peer suite: our figure extractor over every case of other projects' test data
// (../shared/external: Recognizers-Text, Duckling, Natasha, and the real news sentences of
// KLUE-NER, GUM Wikinews and UD Russian-PUD), but for the uniform rules of external_cases.hpp.
// Prints the pass rate per file and
// holds each file to a floor a little under what the extractor reaches, so a regression
// shows. Set CLAIMGRAPH_PEER_DETAILS=1 to print every failing case and the skip counts.
//
// A pass means our output agrees with upstream's expectation:
// - Recognizers specs (sentences): each required result is matched by a figure whose number
//   overlaps the expected text and whose value agrees (point within 1e-9 relative; a range
//   by its ends, by a kRange figure or by an at-least and an at-most figure; a one-sided
//   range by a bound figure), with the expected unit for percent and currency; and no figure
//   of the file's kind lies outside every expected result.
// - Duckling and Natasha (whole inputs): we report at least one figure and every figure we
//   report states the expected value and unit ("45 (forty five)" may give two); for
//   Duckling's "surround" cases the first figure must state the value.
// - News sentences: every marked quantity is overlapped by a figure (stating its number where
//   the suite gives one), no figure falls on a marked date or time, and none lies outside every
//   quantity (score_news).

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/figures/figures.hpp"
#include "peer/external_cases.hpp"
#include "support/support.hpp"

namespace {

using claimgraph::graph::Bound;
using claimgraph::graph::Span;
using claimgraph::ingest::figures::FigureFinder;
using claimgraph::ingest::figures::FigureForm;
using claimgraph::ingest::FigureLexicon;
using claimgraph::ingest::figures::FoundFigure;
using namespace claimgraph::peer;
namespace figures = claimgraph::ingest::figures;

std::string external_dir() { return std::string(CLAIMGRAPH_SHARED_DIR) + "/external"; }

bool details() {
  const char* v = std::getenv("CLAIMGRAPH_PEER_DETAILS");
  return v != nullptr && *v != '\0' && std::string(v) != "0";
}

Scope scope_of(const FigureLexicon& lex) {
  Scope scope;
  scope.currencies.insert(lex.currencies.begin(), lex.currencies.end());
  scope.units.insert(lex.units.begin(), lex.units.end());
  scope.unit_bases = lex.unit_bases;
  scope.year_min = lex.year_min;
  scope.year_max = lex.year_max;
  return scope;
}

// ---- Comparing one figure with one expected result ------------------------------------------

bool close(double ours, double theirs, const ExpectedFigure& e) {
  if (e.to_the_cent) {
    char a[64], b[64];
    std::snprintf(a, sizeof a, "%.2f", ours);
    std::snprintf(b, sizeof b, "%.2f", theirs);
    return std::string(a) == b;
  }
  return ours == theirs ||
         std::abs(ours - theirs) <= 1e-9 * std::max(std::abs(ours), std::abs(theirs));
}

// "USD per day" states an amount in USD: the rate is more than upstream asks about.
std::string base_unit(const std::string& unit) { return unit.substr(0, unit.find(" per ")); }

bool unit_agrees(const figures::FoundFigure& f, const ExpectedFigure& e, const Scope& scope) {
  if (e.unit.empty()) return true;
  const auto ours = base_unit(f.unit);
  return e.unit == kAnyCurrency ? scope.currencies.contains(ours) : ours == e.unit;
}

// The ends a range figure states.
bool range_ends_agree(const figures::FoundFigure& f, double lo, double hi, const ExpectedFigure& e) {
  return close(f.lo, lo, e) && close(f.hi, hi, e);
}

bool value_agrees(const figures::FoundFigure& f, const ExpectedFigure& e, Family family) {
  if (!e.check_value) return true;
  if (e.point) {
    // A range spec's "[170,170]" ("equals 170") is a plain number, not a bound.
    if (family == Family::kRanges && f.bound != Bound::kNone) return false;
    return f.form == figures::FigureForm::kNumber && f.point && close(*f.point, *e.point, e);
  }
  if (e.lo && e.hi) return f.form == figures::FigureForm::kRange && range_ends_agree(f, *e.lo, *e.hi, e);
  const double end = e.lo ? *e.lo : *e.hi;
  const Bound want = e.lo ? Bound::kAtLeast : Bound::kAtMost;
  return f.bound == want && f.point && close(*f.point, end, e);
}

bool covers(Span outer, Span inner) { return outer.begin <= inner.begin && inner.end <= outer.end; }

// Our figure in the expected unit when ours is a multiple of it ("0.5 kg" as 500 g): the
// lexicon's base units and factors.
figures::FoundFigure in_unit_of(const figures::FoundFigure& f, const ExpectedFigure& e, const Scope& scope) {
  const auto base = scope.unit_bases.find(base_unit(f.unit));
  if (e.unit.empty() || base == scope.unit_bases.end() || base->second.first != e.unit) return f;
  figures::FoundFigure g = f;
  const double k = base->second.second;
  g.unit = e.unit;
  g.lo *= k;
  g.hi *= k;
  if (g.point) g.point = *g.point * k;
  return g;
}

bool agrees(const figures::FoundFigure& found, const ExpectedFigure& e, Family family, const Scope& scope) {
  // Where upstream checks only the span (IgnoreResolution), so do we: one figure of ours
  // takes in the whole expected text (ours may add a hedge or a particle).
  if (!e.check_value) return e.where && covers(found.span, *e.where);
  const figures::FoundFigure f = in_unit_of(found, e, scope);
  return unit_agrees(f, e, scope) && value_agrees(f, e, family);
}

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Whether a figure is of the kind a sentence spec checks (others may be found around it).
bool of_kind(const figures::FoundFigure& f, Family family, const Scope& scope) {
  switch (family) {
    case Family::kRanges:
      return f.form == figures::FigureForm::kRange || f.bound != Bound::kNone;
    case Family::kPercents:
      return base_unit(f.unit) == "percent";
    case Family::kCurrency:
      return scope.currencies.contains(base_unit(f.unit));
    default:
      return true;
  }
}

std::string describe(const figures::FoundFigure& f, std::string_view input) {
  std::ostringstream s;
  s.precision(12);
  s << '"' << input.substr(f.span.begin, f.span.size()) << "\" ";
  if (f.form == figures::FigureForm::kRange) s << "range ";
  if (f.form == figures::FigureForm::kVague) s << "vague ";
  if (f.bound == Bound::kAtLeast) s << ">=";
  if (f.bound == Bound::kAtMost) s << "<=";
  if (f.point)
    s << *f.point;
  else
    s << '[' << f.lo << ',' << f.hi << ')';
  if (!f.unit.empty()) s << ' ' << f.unit;
  return s.str();
}

std::string describe(const ExpectedFigure& e) {
  std::ostringstream s;
  s.precision(12);
  if (!e.text.empty()) s << '"' << e.text << "\" ";
  if (e.point)
    s << *e.point;
  else
    s << '[' << (e.lo ? *e.lo : -INFINITY) << ',' << (e.hi ? *e.hi : INFINITY) << ']';
  if (!e.unit.empty()) s << ' ' << e.unit;
  if (!e.check_value) s << " (span only)";
  return s.str();
}

// ---- Scoring a case ---------------------------------------------------------------------------

struct Outcome {
  bool pass = true;
  std::string why;  // for a failure: what went wrong
};

Outcome fail(std::string why) { return Outcome{false, std::move(why)}; }

Outcome score_spans(const PeerCase& c, Family family, const std::vector<figures::FoundFigure>& found,
                    const Scope& scope) {
  for (const auto& e : c.expected) {
    if (!e.optional_because.empty()) continue;
    std::vector<const figures::FoundFigure*> near;
    for (const auto& f : found)
      if (overlaps(f.number, *e.where)) near.push_back(&f);
    bool matched = false;
    for (const auto* f : near) matched = matched || agrees(*f, e, family, scope);
    // "at most 100 and at least 20": two bounds state the range as well as one range does.
    if (!matched && e.lo && e.hi && e.check_value) {
      bool low = false, high = false;
      for (const auto* f : near) {
        if (!unit_agrees(*f, e, scope) || !f->point) continue;
        low = low || (f->bound == Bound::kAtLeast && close(*f->point, *e.lo, e));
        high = high || (f->bound == Bound::kAtMost && close(*f->point, *e.hi, e));
      }
      matched = low && high;
    }
    if (matched) continue;
    if (near.empty()) return fail("missed " + describe(e));
    std::string ours;
    for (const auto* f : near) ours += (ours.empty() ? "" : "; ") + describe(*f, c.input);
    return fail("wrong " + describe(e) + ": ours " + ours);
  }
  for (const auto& f : found) {
    if (!of_kind(f, family, scope)) continue;
    bool expected = false;
    for (const auto& e : c.expected) expected = expected || overlaps(f.number, *e.where);
    if (!expected) return fail("extra " + describe(f, c.input));
  }
  return {};
}

Outcome score_whole(const PeerCase& c, Family family, const std::vector<figures::FoundFigure>& found,
                    const Scope& scope) {
  if (c.expected.empty()) {
    if (found.empty()) return {};
    return fail("extra " + describe(found.front(), c.input));
  }
  const auto& e = c.expected.front();
  if (found.empty()) return fail("missed " + describe(e));
  if (c.scoring == Scoring::kFirstFigure) {
    if (agrees(found.front(), e, family, scope)) return {};
    return fail("wrong " + describe(e) + ": ours " + describe(found.front(), c.input));
  }
  for (const auto& f : found)
    if (!agrees(f, e, family, scope)) {
      std::string ours;
      for (const auto& g : found) ours += (ours.empty() ? "" : "; ") + describe(g, c.input);
      return fail("wrong " + describe(e) + ": ours " + ours);
    }
  return {};
}

// A news sentence: every quantity the annotators marked is overlapped by one of our figures
// (stating its number, where the suite gives it), no figure falls on a labelled date or time
// or on a word the suite says is no numeral (an ordinal, a name with digits), and no figure lies
// outside every quantity, except a quantity word without a number ("hundreds"), which the
// suites leave unlabelled.
const std::set<std::string> kTimeUnits = {"seconds", "minutes", "hours", "days", "weeks", "months",
                                          "years", "decades", "centuries", "nights",
                                          "years of age"};

Outcome score_news(const PeerCase& c, const std::vector<figures::FoundFigure>& found) {
  auto touches = [](const figures::FoundFigure& f, Span s) {
    return overlaps(f.number, s) || overlaps(f.span, s);
  };
  for (const auto& e : c.expected) {
    if (!e.optional_because.empty()) continue;
    std::vector<const figures::FoundFigure*> near;
    for (const auto& f : found)
      if (touches(f, *e.where)) near.push_back(&f);
    if (near.empty()) return fail("missed \"" + e.text + "\"");
    if (e.any_of.empty()) continue;
    bool right = false;
    for (const auto* f : near)
      for (double v : e.any_of) {
        const ExpectedFigure plain;
        right = right || (f->point && close(*f->point, v, plain)) ||
                (f->form == figures::FigureForm::kRange && (close(f->lo, v, plain) || close(f->hi, v, plain)));
      }
    if (!right) return fail("wrong value for \"" + e.text + "\": ours " + describe(*near.front(), c.input));
  }
  for (const auto& f : found) {
    // The suites label durations as time expressions ("twelve years", "10분", "1년간"); a
    // figure in a unit of time is marked as such (the READMEs' "marked as a date"), so only
    // an amount on a date or time is wrong ("15일" read as 15 days is).
    const bool duration = kTimeUnits.contains(base_unit(f.unit));
    bool on_date = false;
    for (const auto& d : c.dates) on_date = on_date || overlaps(f.number, d);
    if (on_date && !duration) return fail("date called a figure: " + describe(f, c.input));
    bool expected = false;
    for (const auto& e : c.expected) expected = expected || touches(f, *e.where);
    if (expected || on_date) continue;
    for (const auto& n : c.not_figures)
      if (overlaps(f.number, n)) return fail("not a figure: " + describe(f, c.input));
    const auto digits = c.input.substr(f.number.begin, f.number.size());
    const bool wordy = std::none_of(digits.begin(), digits.end(),
                                    [](char ch) { return ch >= '0' && ch <= '9'; });
    if (f.form == figures::FigureForm::kVague && wordy) continue;
    return fail("extra " + describe(f, c.input));
  }
  return {};
}

// ---- Running a file ----------------------------------------------------------------------------

struct Rate {
  std::size_t passed = 0;
  std::size_t applicable = 0;
  double percent() const { return applicable == 0 ? 100.0 : 100.0 * passed / applicable; }
};

Rate run_file(const PeerFileSpec& spec, const figures::FigureFinder& finder, const Scope& scope) {
  const auto file = load_peer_file(external_dir(), spec, scope);
  INFO(file.error);
  REQUIRE(file.error.empty());
  Rate rate;
  std::ostringstream failures;
  for (const auto& c : file.cases) {
    const auto found = finder.find(c.input);
    const auto outcome = c.scoring == Scoring::kSpans      ? score_spans(c, file.family, found, scope)
                         : c.scoring == Scoring::kNewsSpans ? score_news(c, found)
                                                            : score_whole(c, file.family, found, scope);
    ++rate.applicable;
    if (outcome.pass)
      ++rate.passed;
    else
      failures << "    FAIL [" << c.index << "] " << c.input << "  -- " << outcome.why << '\n';
  }
  char line[512];
  std::snprintf(line, sizeof line, "peer %-62s %4zu/%-4zu (%5.1f%%)  skipped %zu of %zu",
                file.path.c_str(), rate.passed, rate.applicable, rate.percent(),
                file.total - file.cases.size(), file.total);
  std::cout << line << '\n';
  if (details()) {
    for (const auto& [why, n] : file.skipped)
      std::cout << "    skipped " << n << ": " << why << '\n';
    for (const auto& [why, n] : file.optional)
      std::cout << "    optional " << n << ": " << why << '\n';
    std::cout << failures.str();
  }
  return rate;
}

// Runs every file of `family` and holds each to its floor (percent of applicable cases).
void run_family(Family family, const std::map<std::string, double>& floors) {
  if (!std::filesystem::is_directory(external_dir())) {
    WARN("no peer data at " << external_dir() << " (../shared is missing): skipped");
    return;
  }
  const auto& lex = claimgraph::testing::lexicons();
  const figures::FigureFinder finder(lex.figures);
  const Scope scope = scope_of(*lex.figures);
  for (const auto& spec : peer_files()) {
    if (spec.family != family) continue;
    const Rate rate = run_file(spec, finder, scope);
    const auto floor = floors.find(spec.path);
    REQUIRE(floor != floors.end());
    INFO(spec.path << ": " << rate.passed << "/" << rate.applicable);
    CHECK(rate.percent() >= floor->second);
  }
}

}  // namespace

// Floors: the rate measured when the suite was written, less about three points (or one case
// in a small file). Raise them as the extractor improves.
TEST_CASE("peer: Recognizers-Text numbers", "[peer]") {
  run_family(Family::kNumbers, {{"recognizers-text/Specs/Number/English/NumberModel.json", 87},
                                {"recognizers-text/Specs/Number/Korean/NumberModel.json", 87}});
}

TEST_CASE("peer: Recognizers-Text number ranges", "[peer]") {
  run_family(Family::kRanges, {{"recognizers-text/Specs/Number/English/NumberRangeModel.json", 91},
                               {"recognizers-text/Specs/Number/Korean/NumberRangeModel.json", 90}});
}

TEST_CASE("peer: Recognizers-Text percentages", "[peer]") {
  run_family(Family::kPercents, {{"recognizers-text/Specs/Number/English/PercentModel.json", 94},
                                 {"recognizers-text/Specs/Number/Korean/PercentModel.json", 96}});
}

TEST_CASE("peer: Recognizers-Text currency", "[peer]") {
  run_family(Family::kCurrency,
             {{"recognizers-text/Specs/NumberWithUnit/English/CurrencyModel.json", 90},
              {"recognizers-text/Specs/NumberWithUnit/Korean/CurrencyModel.json", 92}});
}

TEST_CASE("peer: Duckling numerals", "[peer]") {
  run_family(Family::kNumerals, {{"duckling/Numeral/EN/Corpus.json", 87},
                                 {"duckling/Numeral/RU/Corpus.json", 89},
                                 {"duckling/Numeral/KO/Corpus.json", 88}});
}

TEST_CASE("peer: Duckling and Natasha money", "[peer]") {
  run_family(Family::kMoney, {{"duckling/AmountOfMoney/EN/Corpus.json", 87},
                              {"duckling/AmountOfMoney/RU/Corpus.json", 90},
                              {"duckling/AmountOfMoney/KO/Corpus.json", 88},
                              {"natasha/test_money.json", 87}});
}

TEST_CASE("peer: real news sentences", "[peer]") {
  run_family(Family::kNews, {{"klue-ner/cases.jsonl", 89},
                             {"gum-wikinews/cases.jsonl", 94},
                             {"ud-russian-pud/cases.jsonl", 94}});
}

TEST_CASE("peer: Duckling quantities", "[peer]") {
  run_family(Family::kQuantities, {{"duckling/Quantity/EN/Corpus.json", 87},
                                   {"duckling/Quantity/RU/Corpus.json", 66},
                                   {"duckling/Quantity/KO/Corpus.json", 75}});
}
