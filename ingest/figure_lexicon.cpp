#include "ingest/figure_lexicon.hpp"

#include <set>

#include "ingest/json_file.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/text_util.hpp"
#include "graph/json_reader.hpp"

namespace claimgraph::ingest {
namespace {

using json::JsonFile;
using json::member;

std::optional<std::string> optional_string(const JsonFile& f, const rapidjson::Value& object,
                                           const char* key) {
  if (!object.HasMember(key) || object[key].IsNull()) return std::nullopt;
  if (!object[key].IsString()) {
    throw LexiconError(json::where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" must be a string");
  }
  return std::string(object[key].GetString(), object[key].GetStringLength());
}

double number(const JsonFile& f, const rapidjson::Value& object, const char* key,
              const std::string& context) {
  const auto& v = member(f, object, key, context);
  if (!v.IsNumber()) {
    throw LexiconError(json::where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" must be a number");
  }
  return v.GetDouble();
}

const rapidjson::Value& array(const JsonFile& f, const rapidjson::Value& object, const char* key,
                              const std::string& context) {
  const auto& v = member(f, object, key, context);
  if (!v.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" must be an array");
  }
  return v;
}

void add_words(FigureLexicon& lex, const JsonFile& f, const rapidjson::Value& words,
               const std::string& what, std::uint16_t kind, std::uint32_t payload) {
  for (const auto& w : json::strings(f, words, what)) lex.phrases.add(w, kind, payload);
}

std::string entry(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

// A list of {NAME_KEY: name, "words": [...]}: each name is appended to `names` and its words
// become phrases of `kind` pointing at it.
void named_lists(FigureLexicon& lex, const JsonFile& f, const rapidjson::Value& d, const char* list,
                 const char* name_key, std::uint16_t kind, std::vector<std::string>& names) {
  std::size_t i = 0;
  for (const auto& item : array(f, d, list, "").GetArray()) {
    const auto ctx = entry(list, i++);
    json::check_keys(f, item, {name_key, "words"}, ctx);
    names.push_back(optional_string(f, item, name_key).value_or(""));
    add_words(lex, f, member(f, item, "words", ctx), ctx, kind,
              static_cast<std::uint32_t>(names.size() - 1));
  }
}

// An object under `key` of `d` (when present) whose members are word lists, each list's
// words phrases of its kind: "comparisons": {"markers": [...], "at_least": [...], ...}.
void word_lists(FigureLexicon& lex, const JsonFile& f, const rapidjson::Value& d, const char* key,
                std::initializer_list<std::pair<const char*, PhraseKind>> lists) {
  if (!d.HasMember(key)) return;
  const auto& object = member(f, d, key, "");
  std::set<std::string> known;
  for (const auto& [name, kind] : lists) known.insert(name);
  json::check_keys(f, object, known, key);
  for (const auto& [name, kind] : lists) {
    if (!object.HasMember(name)) continue;
    add_words(lex, f, member(f, object, name, key), std::string(key) + "." + name, kind, 0);
  }
}

// A list of {"value": number, "words": [...]} under `key`: each value kept in `values`, its
// words added as phrases of `kind` whose payload is the value's index.
void valued_words(FigureLexicon& lex, const JsonFile& f, const char* key, PhraseKind kind,
                  std::vector<double>& values) {
  std::size_t i = 0;
  for (const auto& item : array(f, f.doc, key, "").GetArray()) {
    const auto ctx = entry(key, i++);
    json::check_keys(f, item, {"value", "words"}, ctx);
    values.push_back(number(f, item, "value", ctx));
    add_words(lex, f, member(f, item, "words", ctx), ctx, kind,
              static_cast<std::uint32_t>(values.size() - 1));
  }
}

void load_figures(FigureLexicon& lex, const JsonFile& f) {
  const auto& d = f.doc;
  json::check_keys(f, d, {"about", "scales", "currencies", "percent", "hedges", "bounds", "ranges",
                          "vague", "units", "rates", "identifier_words", "months", "date_words",
                          "decade_suffixes", "ordinal_suffixes", "century_words", "year_range",
                          "number_words", "small_spelled_needs_unit", "change_words", "particles",
                          "clause_breaks", "not_rate_after", "number_joiners", "negative",
                          "month_suffixes", "number_forms", "numeral_lookalikes",
                          "currency_subunits", "zero_words", "scale_articles",
                          "calendar", "determiner_numerals",
                          "determiners_before_nouns", "fractions",
                          "decimal_points", "fraction_joiners", "percent_before",
                          "ratio_words", "pronoun_determiners", "comparisons",
                          "article_units", "si_prefixes", "zero_digits", "definite_before"},
                   "");
  valued_words(lex, f, "scales", kScale, lex.scales);
  std::size_t i = 0;
  for (const auto& c : array(f, d, "currencies", "").GetArray()) {
    const auto ctx = entry("currencies", i++);
    json::check_keys(f, c, {"code", "before", "after"}, ctx);
    lex.currencies.push_back(optional_string(f, c, "code").value_or(""));
    const auto id = static_cast<std::uint32_t>(lex.currencies.size() - 1);
    add_words(lex, f, member(f, c, "before", ctx), ctx, kCurrencyBefore, id);
    add_words(lex, f, member(f, c, "after", ctx), ctx, kCurrencyAfter, id);
  }
  add_words(lex, f, member(f, d, "percent", ""), "percent", kPercent, 0);
  if (d.HasMember("percent_before")) {
    add_words(lex, f, member(f, d, "percent_before", ""), "percent_before", kPercentBefore, 0);
  }
  const auto& hedges = member(f, d, "hedges", "");
  json::check_keys(f, hedges, {"before", "after"}, "hedges");
  add_words(lex, f, member(f, hedges, "before", "hedges"), "hedges.before", kHedgeBefore, 0);
  add_words(lex, f, member(f, hedges, "after", "hedges"), "hedges.after", kHedgeAfter, 0);
  const auto& bounds = member(f, d, "bounds", "");
  json::check_keys(f, bounds, {"at_most", "at_least"}, "bounds");
  for (const auto& [name, before, after] :
       {std::tuple{"at_most", kAtMostBefore, kAtMostAfter},
        std::tuple{"at_least", kAtLeastBefore, kAtLeastAfter}}) {
    const auto& b = member(f, bounds, name, "bounds");
    const std::string ctx = std::string("bounds.") + name;
    json::check_keys(f, b, {"before", "after"}, ctx);
    add_words(lex, f, member(f, b, "before", ctx), ctx, before, 0);
    add_words(lex, f, member(f, b, "after", ctx), ctx, after, 0);
  }
  const auto& ranges = member(f, d, "ranges", "");
  json::check_keys(f, ranges, {"open", "join", "glued"}, "ranges");
  i = 0;
  for (const auto& pair : array(f, ranges, "open", "ranges").GetArray()) {
    const auto words = json::strings(f, pair, entry("ranges.open", i++));
    if (words.size() != 2) {
      throw LexiconError(f.path + ": error: ranges.open holds [opening, closing] word pairs");
    }
    PhraseTable closer;
    std::vector<std::string> closing;
    const auto tokens =
        tokenize(words[1], graph::Span{0, static_cast<std::uint32_t>(words[1].size())});
    for (const auto& t : tokens) closing.push_back(t.folded);
    lex.range_closers.push_back(std::move(closing));
    lex.phrases.add(words[0], kRangeOpen, static_cast<std::uint32_t>(lex.range_closers.size() - 1));
  }
  add_words(lex, f, member(f, ranges, "join", "ranges"), "ranges.join", kRangeJoin, 0);
  if (ranges.HasMember("glued")) {
    i = 0;
    for (const auto& pair : array(f, ranges, "glued", "ranges").GetArray()) {
      const auto words = json::strings(f, pair, entry("ranges.glued", i++));
      if (words.size() != 2) {
        throw LexiconError(f.path + ": error: ranges.glued holds [particle, closer] word pairs");
      }
      lex.glued_range_closers.push_back(fold_case(words[1]));
      lex.phrases.add(words[0], kRangeGluedOpen,
                      static_cast<std::uint32_t>(lex.glued_range_closers.size() - 1));
    }
  }
  word_lists(lex, f, d, "comparisons",
             {{"markers", kComparisonMarker},
              {"at_least", kComparedAtLeast},
              {"at_most", kComparedAtMost}});
  i = 0;
  for (const auto& v : array(f, d, "vague", "").GetArray()) {
    const auto ctx = entry("vague", i++);
    json::check_keys(f, v, {"words", "lo", "hi", "alone"}, ctx);
    VagueQuantity q;
    q.lo = number(f, v, "lo", ctx);
    q.hi = number(f, v, "hi", ctx);
    q.alone = !v.HasMember("alone") || !v["alone"].IsBool() || v["alone"].GetBool();
    lex.vague.push_back(q);
    add_words(lex, f, member(f, v, "words", ctx), ctx, kVague,
              static_cast<std::uint32_t>(lex.vague.size() - 1));
  }
  {
    // Units: {"unit": name, "words": [...]} and, for a unit of measure, its base unit and the
    // factor to it ({"unit": "kg", "base": "g", "factor": 1000}).
    std::size_t i = 0;
    for (const auto& item : array(f, d, "units", "").GetArray()) {
      const auto ctx = entry("units", i++);
      json::check_keys(f, item, {"unit", "words", "base", "factor"}, ctx);
      const auto name = optional_string(f, item, "unit").value_or("");
      lex.units.push_back(name);
      if (const auto base = optional_string(f, item, "base")) {
        lex.unit_bases[name] = {*base, number(f, item, "factor", ctx)};
      }
      add_words(lex, f, member(f, item, "words", ctx), ctx, kUnit,
                static_cast<std::uint32_t>(lex.units.size() - 1));
    }
  }
  named_lists(lex, f, d, "rates", "per", kRate, lex.rates);
  add_words(lex, f, member(f, d, "identifier_words", ""), "identifier_words", kIdentifierWord, 0);
  add_words(lex, f, member(f, d, "change_words", ""), "change_words", kChangeWord, 0);
  add_words(lex, f, member(f, d, "particles", ""), "particles", kParticle, 0);
  add_words(lex, f, member(f, d, "not_rate_after", ""), "not_rate_after", kNotRateAfter, 0);
  add_words(lex, f, member(f, d, "number_joiners", ""), "number_joiners", kNumberJoiner, 0);
  add_words(lex, f, member(f, d, "negative", ""), "negative", kNegative, 0);
  const auto& breaks = member(f, d, "clause_breaks", "");
  json::check_keys(f, breaks, {"always", "after_comma"}, "clause_breaks");
  add_words(lex, f, member(f, breaks, "always", "clause_breaks"), "clause_breaks.always",
            kClauseBreak, 0);
  add_words(lex, f, member(f, breaks, "after_comma", "clause_breaks"), "clause_breaks.after_comma",
            kClauseBreakComma, 0);
  const auto& months = array(f, d, "months", "");
  if (months.Size() != 12) {
    throw LexiconError(json::where_key(f.path, f.text, "months") +
                       ": error: \"months\" lists the twelve months' names, January first");
  }
  for (rapidjson::SizeType m = 0; m < 12; ++m) {
    add_words(lex, f, months[m], "months[" + std::to_string(m) + "]", kMonth, m + 1);
  }
  add_words(lex, f, member(f, d, "month_suffixes", ""), "month_suffixes", kMonthSuffix, 0);
  add_words(lex, f, member(f, d, "date_words", ""), "date_words", kDateWord, 0);
  add_words(lex, f, member(f, d, "decade_suffixes", ""), "decade_suffixes", kDecadeSuffix, 0);
  add_words(lex, f, member(f, d, "ordinal_suffixes", ""), "ordinal_suffixes", kOrdinalSuffix, 0);
  add_words(lex, f, member(f, d, "century_words", ""), "century_words", kCenturyWord, 0);
  const auto& years = array(f, d, "year_range", "");
  if (years.Size() != 2 || !years[0].IsInt() || !years[1].IsInt()) {
    throw LexiconError(json::where_key(f.path, f.text, "year_range") +
                       ": error: \"year_range\" is [first year, last year]");
  }
  lex.year_min = years[0].GetInt();
  lex.year_max = years[1].GetInt();
  const auto& numbers = member(f, d, "number_words", "");
  if (!numbers.IsObject()) throw LexiconError(f.path + ": error: number_words maps locales to words");
  for (const auto& m : graph::members(numbers)) {
    lex.number_locales.emplace_back(m.name.GetString(), m.name.GetStringLength());
    add_words(lex, f, m.value, "number_words." + lex.number_locales.back(), kNumberWord,
              static_cast<std::uint32_t>(lex.number_locales.size() - 1));
  }
  lex.small_spelled_needs_unit = number(f, d, "small_spelled_needs_unit", "");
  if (d.HasMember("definite_before")) {
    add_words(lex, f, d["definite_before"], "definite_before", kDefiniteBefore, 0);
  }
  // Optional: the hundredths of a currency, and the words of a count of none.
  if (d.HasMember("currency_subunits")) {
    i = 0;
    for (const auto& c : array(f, d, "currency_subunits", "").GetArray()) {
      const auto ctx = entry("currency_subunits", i++);
      json::check_keys(f, c, {"code", "factor", "words"}, ctx);
      lex.currency_subunits.emplace_back(optional_string(f, c, "code").value_or(""),
                                         number(f, c, "factor", ctx));
      add_words(lex, f, member(f, c, "words", ctx), ctx, kCurrencySubunit,
                static_cast<std::uint32_t>(lex.currency_subunits.size() - 1));
    }
  }
  if (d.HasMember("ratio_words")) {
    const auto& r = member(f, d, "ratio_words", "");
    json::check_keys(f, r, {"over", "part_of", "not_of_units"}, "ratio_words");
    if (r.HasMember("not_of_units")) {
      for (auto& unit : json::strings(f, r["not_of_units"], "ratio_words.not_of_units")) {
        lex.not_ratio_units.insert(unit);
      }
    }
    add_words(lex, f, member(f, r, "over", "ratio_words"), "ratio_words.over", kRatioOver, 0);
    add_words(lex, f, member(f, r, "part_of", "ratio_words"), "ratio_words.part_of", kRatioPartOf, 0);
  }
  if (d.HasMember("pronoun_determiners")) {
    add_words(lex, f, member(f, d, "pronoun_determiners", ""), "pronoun_determiners",
              kPronounDeterminer, 0);
  }
  if (d.HasMember("si_prefixes")) {
    std::size_t k = 0;
    for (const auto& item : array(f, d, "si_prefixes", "").GetArray()) {
      const auto ctx = entry("si_prefixes", k++);
      json::check_keys(f, item, {"value", "words"}, ctx);
      const double value = number(f, item, "value", ctx);
      for (auto& word : json::strings(f, member(f, item, "words", ctx), ctx)) {
        lex.si_prefixes[word] = value;  // case kept: "G" is giga, "g" grams
      }
    }
  }
  if (d.HasMember("article_units")) {
    for (auto& unit : json::strings(f, d["article_units"], "article_units")) {
      lex.article_units.insert(unit);
    }
  }
  if (d.HasMember("decimal_points")) {
    add_words(lex, f, member(f, d, "decimal_points", ""), "decimal_points", kDecimalPoint, 0);
  }
  if (d.HasMember("fraction_joiners")) {
    add_words(lex, f, member(f, d, "fraction_joiners", ""), "fraction_joiners", kFractionJoiner, 0);
  }
  if (d.HasMember("fractions")) {
    const auto& fr = member(f, d, "fractions", "");
    json::check_keys(f, fr, {"denominators", "alone", "markers"}, "fractions");
    std::size_t i = 0;
    for (const auto& item : array(f, fr, "denominators", "fractions").GetArray()) {
      const auto ctx = entry("fractions.denominators", i++);
      json::check_keys(f, item, {"value", "words"}, ctx);
      lex.fraction_denominators.push_back(number(f, item, "value", ctx));
      add_words(lex, f, member(f, item, "words", ctx), ctx, kFraction,
                static_cast<std::uint32_t>(lex.fraction_denominators.size() - 1));
    }
    add_words(lex, f, member(f, fr, "alone", "fractions"), "fractions.alone", kFractionAlone, 0);
    add_words(lex, f, member(f, fr, "markers", "fractions"), "fractions.markers", kFractionMarker, 0);
  }
  word_lists(lex, f, d, "calendar",
             {{"day_suffixes", kDaySuffix},
              {"hour_suffixes", kHourSuffix},
              {"minute_suffixes", kMinuteSuffix},
              {"duration_markers", kDurationMarker}});
  if (d.HasMember("zero_digits")) {
    add_words(lex, f, member(f, d, "zero_digits", ""), "zero_digits", kZeroDigit, 0);
  }
  if (d.HasMember("scale_articles")) {
    add_words(lex, f, member(f, d, "scale_articles", ""), "scale_articles", kScaleArticle, 0);
  }
  if (d.HasMember("zero_words")) {
    add_words(lex, f, member(f, d, "zero_words", ""), "zero_words", kZeroWord, 0);
  }
  if (d.HasMember("determiner_numerals")) {
    for (auto& word : json::strings(f, d["determiner_numerals"], "determiner_numerals")) {
      lex.determiner_numerals.insert(fold_case(word));
    }
  }
  if (d.HasMember("determiners_before_nouns")) {
    for (auto& word : json::strings(f, d["determiners_before_nouns"], "determiners_before_nouns")) {
      lex.determiners_before_nouns.insert(fold_case(word));
    }
  }
  if (d.HasMember("numeral_lookalikes")) {
    for (auto& word : json::strings(f, d["numeral_lookalikes"], "numeral_lookalikes")) {
      lex.numeral_lookalikes.insert(fold_case(word));
    }
  }
  // Optional: number words with the value ICU's spell-out does not give them (oblique cases).
  if (d.HasMember("number_forms")) valued_words(lex, f, "number_forms", kNumberForm, lex.number_forms);
}

void load_measures(FigureLexicon& lex, const JsonFile& f) {
  json::check_keys(f, f.doc,
                   {"about", "pronouns", "same_as_before", "links", "statuses", "after_count", "measures"}, "");
  add_words(lex, f, member(f, f.doc, "pronouns", ""), "pronouns", kPronoun, 0);
  if (f.doc.HasMember("after_count")) add_words(lex, f, f.doc["after_count"], "after_count", kAfterCount, 0);
  if (f.doc.HasMember("statuses")) {
    std::size_t k = 0;
    for (const auto& st : array(f, f.doc, "statuses", "").GetArray()) {
      const auto ctx = entry("statuses", k++);
      json::check_keys(f, st, {"key", "words"}, ctx);
      const auto key = optional_string(f, st, "key").value_or("");
      if (key.empty()) throw LexiconError(f.path + ": error: " + ctx + " needs a \"key\"");
      lex.statuses.push_back(key);
      add_words(lex, f, member(f, st, "words", ctx), ctx + ".words", kMeasureStatus,
                static_cast<std::uint32_t>(lex.statuses.size() - 1));
    }
  }
  add_words(lex, f, member(f, f.doc, "same_as_before", ""), "same_as_before", kSameAsBefore, 0);
  add_words(lex, f, member(f, f.doc, "links", ""), "links", kNpLink, 0);
  std::size_t i = 0;
  for (const auto& m : array(f, f.doc, "measures", "").GetArray()) {
    const auto ctx = entry("measures", i++);
    json::check_keys(f, m, {"key", "unit", "nouns", "predicates", "people", "share_of"}, ctx);
    Measure measure;
    measure.key = optional_string(f, m, "key").value_or("");
    if (measure.key.empty()) throw LexiconError(f.path + ": error: " + ctx + " needs a \"key\"");
    measure.unit = optional_string(f, m, "unit").value_or("");
    measure.people = m.HasMember("people") && m["people"].IsBool() && m["people"].GetBool();
    measure.share_of = m.HasMember("share_of") && m["share_of"].IsBool() && m["share_of"].GetBool();
    measure.has_predicates = m.HasMember("predicates");
    lex.measures.push_back(measure);
    const auto id = static_cast<std::uint32_t>(lex.measures.size() - 1);
    add_words(lex, f, member(f, m, "nouns", ctx), ctx + ".nouns", kMeasureNoun, id);
    if (m.HasMember("predicates")) {
      add_words(lex, f, m["predicates"], ctx + ".predicates", kMeasurePredicate, id);
    }
  }
}

void load_places(FigureLexicon& lex, const JsonFile& f) {
  json::check_keys(f, f.doc, {"about", "places", "relative", "roles"}, "");
  if (f.doc.HasMember("roles")) {
    const auto& roles = f.doc["roles"];
    json::check_keys(f, roles,
                     {"origin_before", "origin_after", "locative", "kinds", "korean_place_suffixes", "outside"},
                     "roles");
    if (roles.HasMember("outside")) add_words(lex, f, roles["outside"], "roles.outside", kOutside, 0);
    if (roles.HasMember("korean_place_suffixes")) {
      for (const auto& w : json::strings(f, roles["korean_place_suffixes"], "roles.korean_place_suffixes")) {
        lex.korean_place_suffixes.push_back(fold_case(w));
      }
    }
    if (roles.HasMember("locative")) add_words(lex, f, roles["locative"], "roles.locative", kLocative, 0);
    if (roles.HasMember("kinds")) add_words(lex, f, roles["kinds"], "roles.kinds", kPlaceKind, 0);
    if (roles.HasMember("origin_before")) {
      add_words(lex, f, roles["origin_before"], "roles.origin_before", kOriginBefore, 0);
    }
    if (roles.HasMember("origin_after")) {
      for (const auto& words : json::strings(f, roles["origin_after"], "roles.origin_after")) {
        std::vector<std::string> parts;
        const auto folded = fold_case(words);
        for (std::size_t at = 0; at <= folded.size();) {
          const auto space = std::min(folded.find(' ', at), folded.size());
          if (space > at) parts.push_back(folded.substr(at, space - at));
          at = space + 1;
        }
        if (!parts.empty()) lex.origin_after.push_back(std::move(parts));
      }
    }
  }
  std::size_t i = 0;
  for (const auto& p : array(f, f.doc, "places", "").GetArray()) {
    const auto ctx = entry("places", i++);
    json::check_keys(f, p, {"name", "aliases", "adjectives", "demonyms", "parent", "predecessor",
                            "from", "to"},
                     ctx);
    Place place;
    place.name = optional_string(f, p, "name").value_or("");
    if (place.name.empty()) throw LexiconError(f.path + ": error: " + ctx + " needs a \"name\"");
    place.parent = optional_string(f, p, "parent");
    place.predecessor = optional_string(f, p, "predecessor");
    place.from = optional_string(f, p, "from");
    place.to = optional_string(f, p, "to");
    std::vector<std::string> demonyms;
    if (p.HasMember("demonyms")) demonyms = json::strings(f, p["demonyms"], ctx + ".demonyms");
    std::vector<std::string> adjectives;
    if (p.HasMember("adjectives")) adjectives = json::strings(f, p["adjectives"], ctx + ".adjectives");
    // The key that qualifies a measure: the first Latin adjective ("North Korean").
    place.demonym_key = slug(adjectives.empty() ? place.name : adjectives.front());
    place.country = !demonyms.empty();
    lex.places.push_back(place);
    const auto id = static_cast<std::uint32_t>(lex.places.size() - 1);
    add_words(lex, f, member(f, p, "aliases", ctx), ctx + ".aliases", kPlaceAlias, id);
    // A one-word Russian name in the nominative matches its other cases too ("на Сахалине").
    for (const auto& alias : json::strings(f, member(f, p, "aliases", ctx), ctx + ".aliases")) {
      if (alias.find(' ') != std::string::npos) continue;
      for (const auto& form : russian_case_forms(alias)) lex.phrases.add(form, kPlaceAlias, id);
    }
    for (const auto& a : adjectives) lex.phrases.add(a, kPlaceAdjective, id);
    for (const auto& d : demonyms) lex.phrases.add(d, kDemonym, id);
  }
  for (const auto& p : lex.places) {
    for (const auto& other : {p.parent, p.predecessor}) {
      if (other && !lex.place_index(*other)) {
        throw LexiconError(json::where_key(f.path, f.text, p.name) + ": error: place \"" + p.name +
                           "\" names unknown place \"" + *other + "\"");
      }
    }
  }
  i = 0;
  if (f.doc.HasMember("relative")) {
    for (const auto& r : f.doc["relative"].GetArray()) {
      const auto ctx = entry("relative", i++);
      json::check_keys(f, r, {"relation", "words"}, ctx);
      lex.relatives.push_back(optional_string(f, r, "relation").value_or(""));
      add_words(lex, f, member(f, r, "words", ctx), ctx, kRelativePlace,
                static_cast<std::uint32_t>(lex.relatives.size() - 1));
    }
  }
}

void load_events(FigureLexicon& lex, const JsonFile& f) {
  json::check_keys(f, f.doc,
                   {"about", "present", "since", "until", "events", "relative_years", "dateline_words"}, "");
  if (f.doc.HasMember("dateline_words")) {
    add_words(lex, f, f.doc["dateline_words"], "dateline_words", kDatelineWord, 0);
  }
  if (f.doc.HasMember("relative_years")) {
    std::size_t r = 0;
    for (const auto& item : array(f, f.doc, "relative_years", "").GetArray()) {
      const auto ctx = entry("relative_years", r++);
      json::check_keys(f, item, {"offset", "words"}, ctx);
      lex.relative_years.push_back(static_cast<int>(number(f, item, "offset", ctx)));
      add_words(lex, f, member(f, item, "words", ctx), ctx, kRelativeYear,
                static_cast<std::uint32_t>(lex.relative_years.size() - 1));
    }
  }
  add_words(lex, f, member(f, f.doc, "present", ""), "present", kPresent, 0);
  add_words(lex, f, member(f, f.doc, "since", ""), "since", kSince, 0);
  add_words(lex, f, member(f, f.doc, "until", ""), "until", kUntil, 0);
  std::size_t i = 0;
  for (const auto& e : array(f, f.doc, "events", "").GetArray()) {
    const auto ctx = entry("events", i++);
    json::check_keys(f, e, {"words", "from", "to"}, ctx);
    TimeEvent event;
    event.from = optional_string(f, e, "from").value_or("");
    event.to = optional_string(f, e, "to").value_or(event.from);
    if (event.from.empty()) throw LexiconError(f.path + ": error: " + ctx + " needs \"from\"");
    lex.events.push_back(event);
    add_words(lex, f, member(f, e, "words", ctx), ctx, kEvent,
              static_cast<std::uint32_t>(lex.events.size() - 1));
  }
}

void load_attribution(FigureLexicon& lex, const JsonFile& f) {
  json::check_keys(f, f.doc,
                   {"about", "according_to", "verbs", "by", "pronouns", "determiners", "same_source",
                    "source_ends", "using", "news_from", "korean", "same_subject"},
                   "");
  if (f.doc.HasMember("korean")) {
    const auto& k = member(f, f.doc, "korean", "");
    json::check_keys(f, k,
                     {"according_to_after", "according_to_particles", "subject_particles",
                      "quote_endings", "not_in_subject", "determiners"},
                     "korean");
    const auto folded_list = [&](const char* key, std::vector<std::string>& into) {
      if (!k.HasMember(key)) return;
      for (auto& p : json::strings(f, k[key], std::string("korean.") + key)) into.push_back(fold_case(p));
    };
    folded_list("quote_endings", lex.korean_quote_endings);
    folded_list("not_in_subject", lex.korean_not_in_subject);
    folded_list("determiners", lex.korean_determiners);
    for (auto& p : json::strings(f, member(f, k, "according_to_particles", "korean"),
                                 "korean.according_to_particles")) {
      lex.according_to_particles.push_back(fold_case(p));
    }
    add_words(lex, f, member(f, k, "according_to_after", "korean"), "korean.according_to_after",
              kAccordingToAfter, 0);
    for (auto& p : json::strings(f, member(f, k, "subject_particles", "korean"), "korean.subject_particles")) {
      lex.subject_particles.push_back(fold_case(p));
    }
  }
  add_words(lex, f, member(f, f.doc, "determiners", ""), "determiners", kDeterminer, 0);
  add_words(lex, f, member(f, f.doc, "same_source", ""), "same_source", kSameSource, 0);
  if (f.doc.HasMember("same_subject")) {
    add_words(lex, f, f.doc["same_subject"], "same_subject", kSameSubject, 0);
  }
  add_words(lex, f, member(f, f.doc, "source_ends", ""), "source_ends", kSourceEnd, 0);
  add_words(lex, f, member(f, f.doc, "using", ""), "using", kUsing, 0);
  add_words(lex, f, member(f, f.doc, "news_from", ""), "news_from", kNewsFrom, 0);
  add_words(lex, f, member(f, f.doc, "according_to", ""), "according_to", kAccordingTo, 0);
  add_words(lex, f, member(f, f.doc, "verbs", ""), "verbs", kReportVerb, 0);
  add_words(lex, f, member(f, f.doc, "by", ""), "by", kMakerBy, 0);
  add_words(lex, f, member(f, f.doc, "pronouns", ""), "pronouns", kSubjectPronoun, 0);
}

void load_actors(FigureLexicon& lex, const JsonFile& f) {
  json::check_keys(f, f.doc,
                   {"about", "actors", "organization_words", "connectors", "not_name_starts",
                    "group_words"},
                   "");
  if (f.doc.HasMember("group_words")) {
    add_words(lex, f, member(f, f.doc, "group_words", ""), "group_words", kGroupWord, 0);
  }
  std::size_t i = 0;
  for (const auto& a : array(f, f.doc, "actors", "").GetArray()) {
    const auto ctx = entry("actors", i++);
    json::check_keys(f, a, {"name", "kind", "aliases"}, ctx);
    KnownActor actor{optional_string(f, a, "name").value_or(""),
                     optional_string(f, a, "kind").value_or("other")};
    if (actor.name.empty()) throw LexiconError(f.path + ": error: " + ctx + " needs a \"name\"");
    static const std::set<std::string> kKinds = {"person", "organization", "country", "place",
                                                 "other"};
    if (!kKinds.count(actor.kind)) {
      throw LexiconError(json::where_key(f.path, f.text, actor.name) + ": error: " + ctx +
                         ": kind must be person, organization, country, place or other");
    }
    lex.actors.push_back(actor);
    lex.phrases.add(actor.name, kActorAlias, static_cast<std::uint32_t>(lex.actors.size() - 1));
    add_words(lex, f, member(f, a, "aliases", ctx), ctx + ".aliases", kActorAlias,
              static_cast<std::uint32_t>(lex.actors.size() - 1));
  }
  add_words(lex, f, member(f, f.doc, "organization_words", ""), "organization_words",
            kOrganizationWord, 0);
  add_words(lex, f, member(f, f.doc, "connectors", ""), "connectors", kNameConnector, 0);
  add_words(lex, f, member(f, f.doc, "not_name_starts", ""), "not_name_starts", kNotNameStart, 0);
}

}  // namespace

std::optional<std::size_t> FigureLexicon::place_index(std::string_view name) const {
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (places[i].name == name) return i;
  }
  return std::nullopt;
}

std::vector<std::string> FigureLexicon::place_ancestry(std::string_view name) const {
  std::vector<std::string> out;
  std::optional<std::size_t> at = place_index(name);
  while (at && out.size() < places.size()) {
    out.push_back(places[*at].name);
    at = places[*at].parent ? place_index(*places[*at].parent) : std::nullopt;
  }
  if (out.empty()) out.emplace_back(name);
  return out;
}

FigureLexicon load_figure_lexicon(const std::string& dir, const FileSystem& fs,
                                  std::string* fingerprint_input) {
  FigureLexicon lex;
  const std::pair<const char*, void (*)(FigureLexicon&, const JsonFile&)> files[] = {
      {"figures.json", load_figures},
      {"measures.json", load_measures},
      {"places.json", load_places},
      {"events.json", load_events},
      {"attribution.json", load_attribution},
      {"actors.json", load_actors}};
  for (const auto& [name, load] : files) {
    JsonFile f;
    json::read(dir, name, fs, f);
    load(lex, f);
    if (fingerprint_input) *fingerprint_input += f.text + '\0';
  }
  return lex;
}

bool particle_rest(const PhraseTable& phrases, const std::vector<Token>& tokens,
                   const PhraseTable::Match& match) {
  const std::string& w = tokens[match.end - 1].folded;
  auto rest = std::string_view(w).substr(w.size() - match.rest);
  while (!rest.empty()) {
    const auto p = phrases.prefix_of(rest, kParticle);
    if (!p) return false;
    rest.remove_prefix(p->second);
  }
  return true;
}

}  // namespace claimgraph::ingest
