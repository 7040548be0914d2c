#pragma once
// The test data of ../shared/external/ (Microsoft Recognizers-Text specs, Duckling corpora,
// Natasha money cases, and real news sentences annotated by KLUE-NER, GUM and UD Russian-PUD)
// read into one uniform list of cases, so the peer suite can run our figure extractor over
// every case. The files are read at run time from the shared folder; nothing of them is copied
// into the repository.
//
// One set of rules, applied to every file alike, leaves a case or a result out (each counted
// with its reason, external_cases.cpp): ordinals and ranks; dates and clock times;
// identifiers; quantity words without a number; Duckling's latent cases; Recognizers-Text's
// NotSupported-for-dotnet-or-all cases. What the engine does not model is not a reason.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/model.hpp"

namespace claimgraph::peer {

// What a file checks, which decides which of our figures are "of its kind" (an extra figure
// of another kind is not a mistake: a currency spec says nothing about the years around).
enum class Family : std::uint8_t {
  kNumbers,     // Recognizers NumberModel: every number
  kRanges,      // Recognizers NumberRangeModel: ranges and bounds
  kPercents,    // Recognizers PercentModel
  kCurrency,    // Recognizers CurrencyModel
  kNumerals,    // Duckling Numeral
  kMoney,       // Duckling AmountOfMoney, Natasha
  kQuantities,  // Duckling Quantity
  kNews,        // real news sentences (KLUE-NER, GUM Wikinews, UD Russian-PUD): spans only
};

// How a case is scored.
enum class Scoring : std::uint8_t {
  kSpans,        // every expected figure found where it is written, and nothing extra
  kWholeInput,   // the input is one figure: we report at least one, and all we report state it
  kFirstFigure,  // the first figure we report states the expected value (Duckling "surround")
  kNewsSpans,    // every expected span is overlapped by a figure (of a value it allows), no
                 // figure touches a date, and no figure lies outside every expected span
};

// Marks an expected unit that is any currency the lexicon knows (Duckling "Unnamed": "42 bucks").
inline constexpr const char* kAnyCurrency = "*currency";

struct ExpectedFigure {
  std::string text;                  // the span as upstream wrote it; "" for whole inputs
  std::optional<graph::Span> where;  // its byte offsets in the input, when known
  std::optional<double> point;       // a single value
  std::optional<double> lo;          // a range: lower bound, nullopt when open
  std::optional<double> hi;          // a range: upper bound, nullopt when open
  // "" any unit, "percent", an ISO currency code, kAnyCurrency, or one of our unit names.
  std::string unit;
  bool check_value = true;   // false where upstream checks only the span (IgnoreResolution)
  bool to_the_cent = false;  // compare values rounded to cents (Natasha); else 1e-9 relative
  // News suites: values one of the figure's ends (or its point) must equal, when the suite
  // gives the number (the numeral's lemma times the scale words it leaves outside).
  std::vector<double> any_of;
  // Non-empty: why this result is not required of us. A figure we report over it is
  // neither a match nor an extra.
  std::string optional_because;

  bool is_range() const { return !point.has_value(); }
};

struct PeerCase {
  std::size_t index = 0;  // position in its file, from 0
  std::string input;
  Scoring scoring = Scoring::kSpans;
  std::vector<ExpectedFigure> expected;  // empty: nothing of the file's kind may be found
  std::vector<graph::Span> dates;        // news suites: labelled dates and times
  // News suites: words with digits that are neither quantities nor dates (ordinals, names
  // with digits): a figure over them is wrong, but they are not required.
  std::vector<graph::Span> not_figures;
};

// What the engine models, for deciding which cases apply.
struct Scope {
  std::set<std::string> currencies;       // ISO codes of the figure lexicon
  std::set<std::string> units;            // unit names of the figure lexicon
  // A unit's base unit and factor ("kg" -> "g", 1000), from the lexicon.
  std::map<std::string, std::pair<std::string, double>, std::less<>> unit_bases;
  int year_min = 1000;                    // four-digit numbers in range are years
  int year_max = 2100;
};

struct PeerFile {
  std::string path;      // relative to external/: "duckling/Numeral/EN/Corpus.json"
  std::string language;  // "en", "ru", "ko"
  Family family = Family::kNumbers;
  std::size_t total = 0;                        // cases in the file
  std::vector<PeerCase> cases;                  // the applicable ones
  std::map<std::string, std::size_t> skipped;   // reason -> cases skipped
  std::map<std::string, std::size_t> optional;  // reason -> results made optional
  std::string error;                            // non-empty: the file could not be read
};

// The files of the suite, relative to external/, with their family and language.
struct PeerFileSpec {
  std::string path;
  std::string language;
  Family family;
};
const std::vector<PeerFileSpec>& peer_files();

// Reads one file of external_dir (normally <shared>/external) and sorts its cases.
PeerFile load_peer_file(const std::string& external_dir, const PeerFileSpec& spec,
                        const Scope& scope);

}  // namespace claimgraph::peer
