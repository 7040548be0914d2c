#include "peer/external_cases.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace claimgraph::peer {
namespace {

using rapidjson::Value;

// ---- Text helpers --------------------------------------------------------------------------

bool has_ascii_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = ascii_lower(c);
  return out;
}

bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Byte offset of code point `index` in UTF-8 `s`; npos when past the end.
std::size_t byte_of_code_point(std::string_view s, std::size_t index) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (seen++ == index) return i;
  }
  return seen == index ? s.size() : std::string_view::npos;
}

// First occurrence of `needle` in `hay` at or after `from`, ignoring ASCII case (the English
// specs sometimes lower-case the expected text).
std::size_t find_folded(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty()) return std::string_view::npos;
  const std::string h = ascii_lowered(hay), n = ascii_lowered(needle);
  return h.find(n, from);
}

// ---- Reading JSON --------------------------------------------------------------------------

bool read_json(const std::string& path, rapidjson::Document& doc, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read";
    return false;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    error = path + ": byte " + std::to_string(doc.GetErrorOffset()) + ": " +
            rapidjson::GetParseError_En(doc.GetParseError());
    return false;
  }
  return true;
}

std::string string_member(const Value& v, const char* key) {
  if (!v.IsObject()) return "";
  const auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

const Value* member(const Value& v, const char* key) {
  if (!v.IsObject()) return nullptr;
  const auto it = v.FindMember(key);
  return it == v.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

// ---- Units ---------------------------------------------------------------------------------

// Recognizers names a currency by its English name and, when unambiguous, an ISO code. The
// ambiguous "$"/"dollars" and "£"/"pounds" are read the way our lexicon reads them.
std::string recognizers_currency(const Value& resolution) {
  if (auto iso = string_member(resolution, "isoCurrency"); !iso.empty()) return iso;
  const auto name = string_member(resolution, "unit");
  if (name == "Dollar") return "USD";
  if (name == "Pound") return "GBP";
  return "";  // Cent, Pence, Franc, Rupee, Bitcoin...: no code we could compare with
}

// Duckling's currency names; "" for the ones with no single code (Cent, Dinar, Riyal, Rial).
std::string duckling_currency(const std::string& name) {
  if (name == "Dollar") return "USD";
  if (name == "Pound") return "GBP";
  if (name == "Unnamed") return kAnyCurrency;
  if (name.size() == 3 &&
      std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return name;
  return "";
}

// Duckling's quantity units, as our lexicon would name them.
std::string duckling_quantity_unit(const std::string& name) {
  if (name == "Gram") return "g";
  if (name == "Pound") return "lb";
  if (name == "Ounce") return "oz";
  if (name == "Cup") return "cups";
  return "";  // Custom:<word> (Korean 근)
}

// ---- Applicability rules -------------------------------------------------------------------
// Each returns the reason a result is not required of us, or "".

// Fractions ("two thirds", "3/4", "삼분의 이") and exponent notation ("1.1^23", "1e10") are
// not figure forms the extractor models.
std::string fraction_or_power(const std::string& subtype, std::string_view text) {
  if (subtype == "fraction" || subtype == "power") return "fraction or exponent notation";
  const std::string t = ascii_lowered(text);
  for (const char* mark : {"/", "분의", "half", "quarter", "반", " in ", " out of "})
    if (contains(t, mark)) return "fraction or exponent notation";
  return "";
}

// Ordinals ("between the tenth and the fifteenth", "열 번째", "십등", "십오위") are not figures.
std::string ordinal(std::string_view text) {
  for (const char* mark : {"번째", "등", "위"})
    if (contains(text, mark)) return "ordinal";
  std::string word;
  const std::string t = ascii_lowered(text) + " ";
  for (char c : t) {
    if (c >= 'a' && c <= 'z') {
      word += c;
      continue;
    }
    const bool th =
        (word.size() > 3 && word.ends_with("th")) || (word.size() > 4 && word.ends_with("ths"));
    if (th || word == "first" || word == "second" || word == "third" || word == "thirds")
      return "ordinal";
    word.clear();
  }
  return "";
}

// A digit group that is part of a date, an IP address, a phone number or a code
// ("5/17/2018", "192.168.1.2", "+1-222-2222", "SCP-173"): Recognizers' number model reads
// every digit group; our design does not count these as figures.
std::string part_of_code(std::string_view input, graph::Span where) {
  auto glue = [](char c) { return c == '.' || c == '-' || c == '/'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool before =
      where.begin >= 2 && glue(input[where.begin - 1]) && is_ascii_alnum(input[where.begin - 2]);
  const bool after =
      where.end + 1 < input.size() && glue(input[where.end]) && digit(input[where.end + 1]);
  return before || after ? "part of a date, address, phone number or code" : "";
}

// A number glued to a word of measure ("29km", "180ml", "1m", "1미터") in a case that expects
// nothing: upstream's number model leaves measures to its unit models, while a measure is a
// figure to us. Date parts and ordinal suffixes ("4일", "5월", "4th") are not measures.
std::string glued_to_unit(std::string_view input) {
  for (std::size_t i = 0; i + 1 < input.size(); ++i) {
    if (input[i] < '0' || input[i] > '9') continue;
    const char next = input[i + 1];
    const bool ascii_letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
    const auto rest = input.substr(i + 1);
    const bool hangul = rest.size() >= 3 && static_cast<unsigned char>(next) >= 0xEA &&
                        static_cast<unsigned char>(next) <= 0xED;
    const bool date_part = rest.starts_with("월") || rest.starts_with("일") ||
                           rest.starts_with("년") || rest.starts_with("th") ||
                           rest.starts_with("st") || rest.starts_with("nd") ||
                           rest.starts_with("rd");
    if (ascii_letter || (hangul && !date_part))
      return "number glued to a unit word (upstream's number model leaves measures out)";
  }
  return "";
}

// A bare four-digit number in the year range ("2018"): years are not figures by design.
std::string year(std::string_view input, graph::Span where, double value, const Scope& scope) {
  const auto text = input.substr(where.begin, where.size());
  const bool four = text.size() == 4 && std::all_of(text.begin(), text.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
  const bool money =
      where.begin > 0 && contains("$€£₩¥₽", input.substr(where.begin - 1, 1));
  return four && !money && value >= scope.year_min && value <= scope.year_max
             ? "four-digit number in the year range (a year by design)"
             : "";
}

// A spelled-out number below the lexicon's threshold with no unit ("three", "십", "twelve"):
// by design not a figure (it would catch "one of them", "two sides").
std::string small_spelled(std::string_view text, const ExpectedFigure& e, const Scope& scope) {
  if (has_ascii_digit(text)) return "";
  for (const auto& v : {e.point, e.lo, e.hi})
    if (v && std::abs(*v) >= scope.small_spelled_needs_unit) return "";
  return "spelled-out number under " +
         std::to_string(static_cast<long>(scope.small_spelled_needs_unit)) + " without a unit";
}

// ---- Recognizers-Text ----------------------------------------------------------------------

// "[20,30)", "(,5000)", "[500,)", "[170,170]". Whether an end is included is not kept: our
// bounds do not record it ("more than 30" and "at least 30" are both at-least 30).
bool parse_interval(const std::string& s, ExpectedFigure& e) {
  if (s.size() < 3 || (s.front() != '[' && s.front() != '(') ||
      (s.back() != ']' && s.back() != ')'))
    return false;
  const auto comma = s.find(',');
  if (comma == std::string::npos) return false;
  const auto lo = s.substr(1, comma - 1), hi = s.substr(comma + 1, s.size() - comma - 2);
  if (!lo.empty()) e.lo = std::strtod(lo.c_str(), nullptr);
  if (!hi.empty()) e.hi = std::strtod(hi.c_str(), nullptr);
  if (e.lo && e.hi && *e.lo == *e.hi) {
    e.point = e.lo;
    e.lo.reset();
    e.hi.reset();
  }
  return e.lo || e.hi || e.point;
}

// Where the expected text is: at Start..End (inclusive code points) when that holds the
// text, else its first occurrence after the previous result (the offsets are missing from
// half of the Korean results and wrong in 18 Korean currency ones).
std::optional<graph::Span> locate(const std::string& input, const Value& result,
                                  const std::string& text, std::size_t from) {
  const Value* start = member(result, "Start");
  const Value* end = member(result, "End");
  if (start && end && start->IsInt() && end->IsInt()) {
    const auto b = byte_of_code_point(input, start->GetInt());
    const auto e = byte_of_code_point(input, end->GetInt() + 1);
    if (b != std::string::npos && e != std::string::npos && e > b &&
        ascii_lowered(std::string_view(input).substr(b, e - b)) == ascii_lowered(text))
      return graph::Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
  }
  auto at = find_folded(input, text, from);
  if (at == std::string::npos) at = find_folded(input, text, 0);
  if (at == std::string::npos) return std::nullopt;
  return graph::Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + text.size())};
}

// One expected result; returns false when it cannot be read (the case is then skipped).
bool read_result(const PeerFile& file, const std::string& input, const Value& r,
                 bool ignore_resolution, std::size_t from, const Scope& scope, ExpectedFigure& e) {
  e.text = string_member(r, "Text");
  e.where = locate(input, r, e.text, from);
  if (!e.where) return false;
  e.check_value = !ignore_resolution;
  const Value* res = member(r, "Resolution");
  const std::string value = res ? string_member(*res, "value") : "";
  const std::string subtype = res ? string_member(*res, "subtype") : "";
  switch (file.family) {
    case Family::kRanges:
      if (!parse_interval(value, e)) return false;
      break;
    case Family::kPercents:
      if (value.empty() || value == "null") {
        e.optional_because = "percent word without a number";
        return true;
      }
      e.point = std::strtod(value.c_str(), nullptr);  // "100%" -> 100
      e.unit = "percent";
      return true;
    case Family::kCurrency:
      if (value.empty()) {
        e.optional_because = "currency word without an amount";
        return true;
      }
      e.point = std::strtod(value.c_str(), nullptr);
      e.unit = recognizers_currency(*res);
      if (e.unit.empty() || !scope.currencies.contains(e.unit))
        e.optional_because = "currency not in the lexicon: " +
                             (e.unit.empty() ? string_member(*res, "unit") : e.unit);
      return true;
    default:
      if (value.empty()) return false;
      e.point = std::strtod(value.c_str(), nullptr);
  }
  // Numbers and ranges carry no unit; the rules below decide whether they are figures.
  for (auto reason :
       {fraction_or_power(subtype, e.text), ordinal(e.text),
        file.family == Family::kNumbers ? part_of_code(input, *e.where) : "",
        file.family == Family::kNumbers && e.point ? year(input, *e.where, *e.point, scope) : "",
        small_spelled(e.text, e, scope)}) {
    if (!reason.empty()) {
      e.optional_because = reason;
      break;
    }
  }
  return true;
}

void load_recognizers(const rapidjson::Document& doc, const Scope& scope, PeerFile& file) {
  if (!doc.IsArray()) {
    file.error = file.path + ": not a JSON array";
    return;
  }
  for (const auto& c : doc.GetArray()) {
    ++file.total;
    PeerCase pc;
    pc.index = file.total - 1;
    pc.input = string_member(c, "Input");
    pc.scoring = Scoring::kSpans;
    // Cases the reference (.NET) implementation itself fails: upstream does not hold them.
    if (contains(ascii_lowered(string_member(c, "NotSupported")), "dotnet")) {
      ++file.skipped["NotSupported by the reference implementation (dotnet)"];
      continue;
    }
    const Value* ign = member(c, "IgnoreResolution");
    const bool ignore = ign && ign->IsBool() && ign->GetBool();
    const Value* results = member(c, "Results");
    bool readable = true;
    std::size_t from = 0;
    if (results && results->IsArray()) {
      for (const auto& r : results->GetArray()) {
        ExpectedFigure e;
        if (!read_result(file, pc.input, r, ignore, from, scope, e)) {
          readable = false;
          break;
        }
        from = e.where->end;
        pc.expected.push_back(std::move(e));
      }
    }
    if (!readable) {
      ++file.skipped["expected text or value unreadable"];
      continue;
    }
    if (file.family == Family::kNumbers && pc.expected.empty()) {
      if (auto why = glued_to_unit(pc.input); !why.empty()) {
        ++file.skipped[why];
        continue;
      }
    }
    const bool all_optional =
        !pc.expected.empty() &&
        std::all_of(pc.expected.begin(), pc.expected.end(),
                    [](const ExpectedFigure& e) { return !e.optional_because.empty(); });
    if (all_optional) {
      ++file.skipped["only optional results: " + pc.expected.front().optional_because];
      continue;
    }
    for (const auto& e : pc.expected)
      if (!e.optional_because.empty()) ++file.optional[e.optional_because];
    file.cases.push_back(std::move(pc));
  }
}

// ---- Duckling ------------------------------------------------------------------------------

// The unit of a Duckling value (`{"value": 10, "unit": "Dollar"}`) in our names; sets
// `why_not` when we do not model it.
std::string duckling_unit(Family family, const Value& v, const Scope& scope, std::string& why_not) {
  if (family == Family::kNumerals) return "";
  const auto name = string_member(v, "unit");
  if (family == Family::kMoney) {
    const auto code = duckling_currency(name);
    if (code.empty() || (code != kAnyCurrency && !scope.currencies.contains(code)))
      why_not = "currency not in the lexicon: " + name;
    return code;
  }
  const auto unit = duckling_quantity_unit(name);
  if (unit.empty() || !scope.units.contains(unit)) why_not = "unit not in the lexicon: " + name;
  return unit;
}

void load_duckling(const rapidjson::Document& doc, const Scope& scope, PeerFile& file) {
  const Value* cases = member(doc, "cases");
  if (!cases || !cases->IsArray()) {
    file.error = file.path + ": no \"cases\" array";
    return;
  }
  for (const auto& c : cases->GetArray()) {
    ++file.total;
    PeerCase pc;
    pc.index = file.total - 1;
    pc.input = string_member(c, "input");
    const auto section = string_member(c, "section");
    // Upstream passes these only with its "latent" option: a bare number read as an amount
    // of money or a quantity ("five", "about 5"). A bare number is not money to us either.
    if (section == "latent") {
      ++file.skipped["latent (bare number as money or quantity)"];
      continue;
    }
    pc.scoring = section == "surround" ? Scoring::kFirstFigure : Scoring::kWholeInput;
    const Value* expected = member(c, "expected");
    if (!expected) {  // "negative": nothing may be found
      file.cases.push_back(std::move(pc));
      continue;
    }
    ExpectedFigure e;
    std::string why_not;
    if (string_member(*expected, "type") == "interval") {
      const Value* from = member(*expected, "from");
      const Value* to = member(*expected, "to");
      if (from) e.lo = (*from)["value"].GetDouble();
      if (to) e.hi = (*to)["value"].GetDouble();
      e.unit = duckling_unit(file.family, from ? *from : *to, scope, why_not);
    } else {
      e.point = (*expected)["value"].GetDouble();
      e.unit = duckling_unit(file.family, *expected, scope, why_not);
    }
    if (why_not.empty() && file.family == Family::kNumerals) {
      why_not = fraction_or_power("", pc.input);
      const graph::Span all{0, static_cast<std::uint32_t>(pc.input.size())};
      if (why_not.empty() && pc.scoring == Scoring::kWholeInput)
        why_not = year(pc.input, all, *e.point, scope);
      if (why_not.empty() && pc.scoring == Scoring::kWholeInput)
        why_not = small_spelled(pc.input, e, scope);
      if (!why_not.empty() && why_not != "fraction or exponent notation") why_not += " (alone)";
    }
    if (!why_not.empty()) {
      ++file.skipped[why_not];
      continue;
    }
    pc.expected.push_back(std::move(e));
    file.cases.push_back(std::move(pc));
  }
}

// ---- Natasha -------------------------------------------------------------------------------

void load_natasha(const rapidjson::Document& doc, const Scope& scope, PeerFile& file) {
  const Value* cases = member(doc, "cases");
  if (!cases || !cases->IsArray()) {
    file.error = file.path + ": no \"cases\" array";
    return;
  }
  for (const auto& c : cases->GetArray()) {
    ++file.total;
    PeerCase pc;
    pc.index = file.total - 1;
    pc.input = string_member(c, "input");
    pc.scoring = Scoring::kWholeInput;
    const Value* expected = member(c, "expected");
    ExpectedFigure e;
    e.point = std::strtod(string_member(*expected, "amount").c_str(), nullptr);
    e.unit = string_member(*expected, "currency");
    e.to_the_cent = true;  // upstream compares the amount formatted with two decimals
    if (!scope.currencies.contains(e.unit)) {
      ++file.skipped["currency not in the lexicon: " + e.unit];
      continue;
    }
    pc.expected.push_back(std::move(e));
    file.cases.push_back(std::move(pc));
  }
}

}  // namespace

const std::vector<PeerFileSpec>& peer_files() {
  static const std::vector<PeerFileSpec> files = {
      {"recognizers-text/Specs/Number/English/NumberModel.json", "en", Family::kNumbers},
      {"recognizers-text/Specs/Number/Korean/NumberModel.json", "ko", Family::kNumbers},
      {"recognizers-text/Specs/Number/English/NumberRangeModel.json", "en", Family::kRanges},
      {"recognizers-text/Specs/Number/Korean/NumberRangeModel.json", "ko", Family::kRanges},
      {"recognizers-text/Specs/Number/English/PercentModel.json", "en", Family::kPercents},
      {"recognizers-text/Specs/Number/Korean/PercentModel.json", "ko", Family::kPercents},
      {"recognizers-text/Specs/NumberWithUnit/English/CurrencyModel.json", "en", Family::kCurrency},
      {"recognizers-text/Specs/NumberWithUnit/Korean/CurrencyModel.json", "ko", Family::kCurrency},
      {"duckling/Numeral/EN/Corpus.json", "en", Family::kNumerals},
      {"duckling/Numeral/RU/Corpus.json", "ru", Family::kNumerals},
      {"duckling/Numeral/KO/Corpus.json", "ko", Family::kNumerals},
      {"duckling/AmountOfMoney/EN/Corpus.json", "en", Family::kMoney},
      {"duckling/AmountOfMoney/RU/Corpus.json", "ru", Family::kMoney},
      {"duckling/AmountOfMoney/KO/Corpus.json", "ko", Family::kMoney},
      {"duckling/Quantity/EN/Corpus.json", "en", Family::kQuantities},
      {"duckling/Quantity/RU/Corpus.json", "ru", Family::kQuantities},
      {"duckling/Quantity/KO/Corpus.json", "ko", Family::kQuantities},
      {"natasha/test_money.json", "ru", Family::kMoney},
  };
  return files;
}

PeerFile load_peer_file(const std::string& external_dir, const PeerFileSpec& spec,
                        const Scope& scope) {
  PeerFile file;
  file.path = spec.path;
  file.language = spec.language;
  file.family = spec.family;
  rapidjson::Document doc;
  if (!read_json(external_dir + "/" + spec.path, doc, file.error)) return file;
  if (spec.path.starts_with("recognizers-text/"))
    load_recognizers(doc, scope, file);
  else if (spec.path.starts_with("duckling/"))
    load_duckling(doc, scope, file);
  else
    load_natasha(doc, scope, file);
  return file;
}

}  // namespace claimgraph::peer
