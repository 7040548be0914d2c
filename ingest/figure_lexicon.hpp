#pragma once
// The lexicons of figures and their context, loaded from corpus/lexicons/: figures.json
// (hedges, bounds, scales, currencies, units, what is not a figure), measures.json (what is
// counted), places.json (a gazetteer with a hierarchy), events.json (time words and named
// events), attribution.json (who a statement belongs to) and actors.json (known actors and
// the words that tell a name's kind). Words only: the mechanisms live in figures.cpp and figure_context.cpp.

#include <optional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ingest/file_system.hpp"
#include "ingest/tokens.hpp"

namespace claimgraph::ingest {

// Phrase kinds in FigureLexicon::phrases.
enum PhraseKind : std::uint16_t {
  kScale = 1,         // payload: index into scales
  kCurrencyBefore,    // payload: index into currencies
  kCurrencyAfter,
  kPercent,
  kHedgeBefore,
  kHedgeAfter,
  kAtMostBefore,
  kAtMostAfter,
  kAtLeastBefore,
  kAtLeastAfter,
  kRangeOpen,         // payload: index into range_closers
  kRangeJoin,
  kVague,             // payload: index into vague
  kUnit,              // payload: index into units
  kRate,              // payload: index into rates
  kIdentifierWord,
  kMonth,             // payload: the month's number, 1 to 12
  kMonthSuffix,       // "월" after a month's number
  kDateWord,
  kDecadeSuffix,
  kOrdinalSuffix,
  kCenturyWord,
  kNumberWord,        // payload: index into number_locales
  kMeasureNoun,       // payload: index into measures
  kMeasurePredicate,  // payload: index into measures
  kPlaceAlias,        // payload: index into places
  kPlaceAdjective,
  kDemonym,
  kRelativePlace,     // payload: index into relatives
  kPresent,
  kSince,
  kUntil,
  kEvent,             // payload: index into events
  kChangeWord,        // "increased" (to): the next "to"/"до" is no bound
  kParticle,          // Korean particles that may follow a numeral's suffixes
  kClauseBreak,       // ";", ":" — a clause ends before it
  kClauseBreakComma,  // "which", "while" — a clause ends before it after a comma
  kPronoun,           // "them": the counted noun is in an earlier sentence
  kSameAsBefore,      // "that number": the measure of the figure before
  kNpLink,            // "of", "for", "the": words inside a counted noun phrase
  kAccordingTo,       // attribution.json
  kReportVerb,
  kMakerBy,
  kSubjectPronoun,
  kDeterminer,
  kSameSource,
  kNotRateAfter,      // "in a year" is a duration, not "per year"
  kNumberJoiner,      // "and", "-" inside a spelled-out number
  kNegative,          // "minus", "-" right before a numeral
  kSourceEnd,         // "that": where a source's name ends
  kUsing,             // "using statistics from": the data a source used
  kNewsFrom,          // "news from X that": X's news inside the author's sentence
  kActorAlias,        // payload: index into actors (actors.json)
  kOrganizationWord,  // "Ministry": a name holding it is an organization's
  kNameConnector,     // "of" inside "Ministry of Commerce"
  kNotNameStart,      // "The", "However": never the first word of a name
  kNumberForm,        // payload: index into number_forms ("сорока" = 40)
  kCurrencySubunit,   // payload: index into currency_subunits ("cents")
  kZeroWord,          // "ни одного", "not a single": a count of none
  kScaleArticle,      // "a" of "a hundred", "a thousand": one of the scale after it
  kDaySuffix,         // "일" of "15일": a day of the month
  kHourSuffix,        // "시" of "6시": a clock hour
  kMinuteSuffix,      // "분" of "9시 30분": a clock minute after an hour
  kDurationMarker,    // "간", "동안", "만에" after a day word: a count of days, not a date
  kFraction,          // payload: index into fraction_denominators ("thirds" = 3)
  kFractionAlone,     // "half", "половина": one of the fraction without a numeral
  kFractionMarker,    // "분의" of Korean "3분의 1" (one third)
  kDecimalPoint,      // "point" of "two point five", "точка"
  kFractionJoiner,    // "and" of "one and a half", "с" of "три с половиной"
  kPercentBefore,     // "percent of" before its number
  kRatioOver,         // "over" of "1 over 3"
  kRatioPartOf,       // "out of", "in", "из" of "one out of three", "1 in 5"
  kPronounDeterminer, // "the", "that", "which" before a pronoun "one"
  kRangeGluedOpen,    // payload: index into glued_range_closers ("과" of "20과 30 사이")
  kComparisonMarker,  // "보다" of "1000보다 크다"
  kComparedAtLeast,   // "크다", "많거나 같다" after a comparison marker
  kComparedAtMost,    // "작다", "적거나 같다" after a comparison marker
  kAccordingToAfter,  // "따르면" of "X에 따르면" (attribution.json korean)
  kGroupWord,         // "officials", "власти", "당국": a group of people (actors.json)
  kRelativeYear,      // payload: index into relative_years ("last year" = -1)
  kZeroDigit,         // "영", "공": zero as a digit of Korean decimals
  kMeasureStatus,     // payload: index into statuses ("sent": a flow, not a stock)
  kAfterCount,        // "are", "уже": a word after a number that is not what it counts
  kOriginBefore,      // "from", "из": the place after it is where the counted come from
  kDatelineWord,      // "Published", "Updated", "입력": words beside an article's own date
  kSameSubject,       // "the same" of "the same officials said": the previous source
  kLocative,          // "in", "в": a place name the gazetteer lacks may follow
  kPlaceKind,         // "region", "области": a kind of place after its name
  kDefiniteBefore,    // "the" of "the two countries": things already named, not a count
  kOutside,           // "outside", "за пределами": the place after it is none of the figure's
  kPhraseKindEnd,     // not a kind: one past the last
};
static_assert(kPhraseKindEnd <= 128, "PhraseKinds holds 128 kinds (tokens.hpp)");

struct KnownActor {
  std::string name;
  std::string kind;  // "person", "organization", "country", "place", "other"
};

struct VagueQuantity {
  double lo = 0;
  double hi = 0;
  bool alone = true;  // a figure by itself; otherwise only before a scale ("a few hundred")
};

struct Measure {
  std::string key;
  std::string unit;
  bool people = false;
  bool share_of = false;
  bool has_predicates = false;
};

struct Place {
  std::string name;
  std::optional<std::string> parent;
  std::optional<std::string> predecessor;
  std::optional<std::string> from;  // years the state existed
  std::optional<std::string> to;
  std::string demonym_key;  // "north-korean": qualifies measure keys
  bool country = false;     // a state: it has a people (demonyms)
};

struct TimeEvent {
  std::string from;
  std::string to;
};

struct FigureLexicon {
  PhraseTable phrases;
  std::vector<double> scales;
  std::vector<std::string> currencies;   // ISO-like codes
  std::vector<std::string> units;
  // A unit of measure's base unit and the factor to it: "kg" -> ("g", 1000). A unit without
  // an entry is its own base.
  std::map<std::string, std::pair<std::string, double>, std::less<>> unit_bases;
  std::vector<std::string> rates;        // "day", "month", ...
  std::vector<VagueQuantity> vague;
  std::vector<std::vector<std::string>> range_closers;  // folded words closing an open range
  std::vector<std::string> number_locales;              // ICU locales of number_words
  std::vector<double> fraction_denominators;  // "third" = 3, "quarter" = 4
  std::vector<double> number_forms;  // values of number words ICU does not read (case forms)
  std::vector<std::pair<std::string, double>> currency_subunits;  // (code, factor): cents
  // Spelled numerals that are as often common words ("구조"): they need a counter after them.
  std::set<std::string, std::less<>> numeral_lookalikes;
  // Numerals in the form they take before the noun they count ("한", "두", "세", "네"): one
  // syllable alone, they count only there.
  std::vector<std::string> glued_range_closers;  // "사이", "까지" (folded)
  std::vector<std::string> subject_particles;    // "은", "는", "이", "가" (attribution.json)
  std::vector<std::string> according_to_particles;  // "에" of "X에 따르면" (attribution.json)
  std::vector<std::string> korean_quote_endings;    // "라고", "다고": a quote ends in them
  std::vector<std::string> korean_not_in_subject;   // "에서", "를": no subject holds them
  std::vector<std::string> korean_determiners;      // "한" (a), "그" (that) before a subject
  std::vector<int> relative_years;               // "last year" -1, "this year" 0 (events.json)
  std::set<std::string, std::less<>> not_ratio_units;
  std::set<std::string, std::less<>> article_units;  // "a kilogram": one of these units
  std::map<std::string, double, std::less<>> si_prefixes;  // "G" -> 1e9, as written  // "5 in 10 years" is no ratio
  std::set<std::string, std::less<>> determiner_numerals;
  // Of those, the ones that count any noun after them ("두 아들"); "한" before a noun that is
  // no counter is "a" ("한 학교").
  std::set<std::string, std::less<>> determiners_before_nouns;
  std::vector<Measure> measures;
  // What is said of counted persons that makes them another measure: "sent", "interviewed"
  // (measures.json statuses): the key suffix of each.
  std::vector<std::string> statuses;
  // Words after a place that make it the origin of the counted (places.json roles
  // origin_after), folded, each split at its spaces: {"에서", "온"}, {"출신"}.
  std::vector<std::vector<std::string>> origin_after;
  // Endings of Korean place names ("도", "군"): a long Hangul name with one and a particle is a
  // place the gazetteer lacks (places.json roles).
  std::vector<std::string> korean_place_suffixes;
  std::vector<Place> places;
  std::vector<std::string> relatives;    // "abroad", "home"
  std::vector<TimeEvent> events;
  std::vector<KnownActor> actors;
  int year_min = 1000;
  int year_max = 2100;
  double small_spelled_needs_unit = 100;

  std::optional<std::size_t> place_index(std::string_view name) const;
  // The place and every place it lies in, nearest first ("Primorye", "Russian Far East", ...).
  std::vector<std::string> place_ancestry(std::string_view name) const;
};

// Reads figures.json, measures.json, places.json, events.json, attribution.json and
// actors.json from `dir`; appends their
// bytes to *fingerprint_input. Throws LexiconError naming the file, line and column.
FigureLexicon load_figure_lexicon(const std::string& dir, const FileSystem& fs,
                                  std::string* fingerprint_input);

// True when what a match leaves of its last (Hangul) word is Korean particles only, or nothing:
// "러시아에는" is "러시아" + 에 + 는.
bool particle_rest(const PhraseTable& phrases, const std::vector<Token>& tokens,
                   const PhraseTable::Match& match);

}  // namespace claimgraph::ingest
