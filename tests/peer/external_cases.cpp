#include "peer/external_cases.hpp"
#include "graph/json_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>
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
  const Value* found = claimgraph::graph::find_member(v, key);
  return found != nullptr && found->IsString() ? found->GetString() : "";
}

const Value* member(const Value& v, const char* key) {
  if (!v.IsObject()) return nullptr;
  const Value* found = claimgraph::graph::find_member(v, key);
  return found == nullptr || found->IsNull() ? nullptr : found;
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
  if (name.starts_with("Custom:")) return name.substr(7);  // Korean "근"
  return name;
}

// ---- The rules that leave a result out -------------------------------------------------------
// One set of rules for every suite, each returning its reason or "": ordinals and ranks;
// dates and clock times; identifiers (codes, phone numbers, IP addresses, "No."/"#"/"번호"/
// "호", a number right after a name); quantity words without a number. Besides these, only
// Duckling's latent cases and Recognizers-Text's NotSupported-for-dotnet-or-all cases are
// left out (in their loaders). Nothing is left out because the engine does not model it.

bool starts_with_digit_then(std::string_view text, std::string_view suffix) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    std::size_t j = i;
    while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == ' ')) ++j;
    if (text.substr(j).starts_with(suffix)) return true;
  }
  return false;
}

// Ordinals and ranks: "tenth", "3rd", "열 번째", "십등", "십오위", "제4차", "1호기", "2루수".
std::string ordinal(std::string_view text) {
  static const std::string kWhy = "ordinal or rank";
  for (const char* mark : {"번째", "째", "등", "위", "제"})
    if (contains(text, mark)) return kWhy;
  for (const char* suffix : {"차", "호", "세트", "회차", "루", "라운드", "층", "학년", "급", "강",
                             "심", "단", "-й", "-я", "-е", "-го", "-м", "-х"})
    if (starts_with_digit_then(text, suffix) &&
        !starts_with_digit_then(text, "차례"))  // "네 차례": four times, a count
      return kWhy;
  std::string word;
  const std::string t = ascii_lowered(text) + " ";
  for (char c : t) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
      continue;
    }
    const bool digits_suffix =
        word.size() > 2 && word[0] >= '0' && word[0] <= '9' &&
        (word.ends_with("th") || word.ends_with("st") || word.ends_with("nd") ||
         word.ends_with("rd"));
    const bool th = (word.size() > 3 && word.ends_with("th") && !digits_suffix) ||
                    (word.size() > 4 && word.ends_with("ths"));
    if (digits_suffix || th || word == "first" || word == "second" || word == "third" ||
        word == "thirds")
      return kWhy;
    word.clear();
  }
  return "";
}

// A clock time ("6am", "10:30", "오전 4시 40분", "3시"): a time, not a quantity.
std::string clock_time(std::string_view text) {
  const std::string t = ascii_lowered(text);
  if (contains(t, "오전") || contains(t, "오후") || starts_with_digit_then(t, "시") ||
      starts_with_digit_then(t, "am") || starts_with_digit_then(t, "pm") ||
      starts_with_digit_then(t, "a.m") || starts_with_digit_then(t, "p.m"))
    return "date or clock time";
  for (std::size_t i = 1; i + 1 < t.size(); ++i)
    if (t[i] == ':' && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9')
      return "date or clock time";
  return "";
}

// A digit group that is part of a date, an IP address, a phone number or a code
// ("5/17/2018", "192.168.1.2", "+1-222-2222", "SCP-173").
std::string part_of_code(std::string_view input, graph::Span where) {
  auto glue = [](char c) { return c == '.' || c == '-' || c == '/'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool before =
      where.begin >= 2 && glue(input[where.begin - 1]) && is_ascii_alnum(input[where.begin - 2]);
  const bool after =
      where.end + 1 < input.size() && glue(input[where.end]) && digit(input[where.end + 1]);
  return before || after ? "identifier or date (digits glued to other digits or letters)" : "";
}

// Identifiers by their neighbours: "No. 5", "#3", "번호 3", "1718호", and a number right
// after a capitalized name inside a sentence ("Boeing 737", "Explorer 6", "Article 5").
std::string identifier(std::string_view input, graph::Span where) {
  static const std::string kWhy = "identifier (No., #, 번호, 호, or a number after a name)";
  auto before = input.substr(0, where.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const std::string lowered_before = ascii_lowered(before);
  if (lowered_before.ends_with("no.") || lowered_before.ends_with("#") ||
      lowered_before.ends_with("number") || lowered_before.ends_with("номер") ||
      lowered_before.ends_with("번호") || lowered_before.ends_with("№"))
    return kWhy;
  if (input.substr(where.end).starts_with("호")) return kWhy;
  // The word before: capitalized Latin letters, with more text before it in the sentence.
  std::size_t w = before.size();
  while (w > 0 && std::isalpha(static_cast<unsigned char>(before[w - 1]))) --w;
  if (w == before.size() || w == 0) return "";
  const char first = before[w];
  const bool capital = first >= 'A' && first <= 'Z';
  std::size_t k = w;
  while (k > 0 && before[k - 1] == ' ') --k;
  const bool sentence_start = k == 0 || contains(".!?:;\"(", before.substr(k - 1, 1));
  return capital && !sentence_start ? kWhy : "";
}

// A bare four-digit number in the year range ("2018") is a date.
std::string year(std::string_view input, graph::Span where, double value, const Scope& scope) {
  const auto text = input.substr(where.begin, where.size());
  const bool four = text.size() == 4 && std::all_of(text.begin(), text.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
  const bool money =
      where.begin > 0 && contains("$€£₩¥₽", input.substr(where.begin - 1, 1));
  return four && !money && value >= scope.year_min && value <= scope.year_max
             ? "date (a four-digit number in the year range)"
             : "";
}

// Quantity words without a number ("много", "несколько", "몇", "여러", "several").
std::string quantity_word(std::string_view text) {
  if (has_ascii_digit(text)) return "";
  const std::string t = ascii_lowered(text);
  for (const char* word : {"несколько", "нескольк", "много", "больше", "меньше", "немного",
                           "мало", "столько", "сколько", "обоих", "оба", "обе", "몇", "여러",
                           "several", "many", "few", "some"})
    if (t.starts_with(word)) return "quantity word without a number";
  return "";
}

// Adds a case to its file, or counts it skipped when every result in it is optional (and
// counts each optional result's reason).
void add_case(PeerFile& file, PeerCase&& pc) {
  const bool all_optional =
      !pc.expected.empty() &&
      std::all_of(pc.expected.begin(), pc.expected.end(),
                  [](const ExpectedFigure& e) { return !e.optional_because.empty(); });
  if (all_optional) {
    ++file.skipped["only optional results: " + pc.expected.front().optional_because];
    return;
  }
  for (const auto& e : pc.expected)
    if (!e.optional_because.empty()) ++file.optional[e.optional_because];
  file.cases.push_back(std::move(pc));
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
        e.optional_because = "quantity word without a number";
        return true;
      }
      e.point = std::strtod(value.c_str(), nullptr);  // "100%" -> 100
      e.unit = "percent";
      return true;
    case Family::kCurrency: {
      if (value.empty()) {
        e.optional_because = "quantity word without a number";
        return true;
      }
      e.point = std::strtod(value.c_str(), nullptr);
      const auto name = string_member(*res, "unit");
      e.unit = recognizers_currency(*res);
      // Hundredths are stated in their currency: "50 cents" is 0.50 dollars.
      if (e.unit.empty() && (name == "Cent" || name == "Penny" || name == "Pence")) {
        e.point = *e.point / 100;
        e.unit = name == "Cent" ? "USD" : "GBP";
      }
      if (e.unit.empty()) e.unit = kAnyCurrency;  // a currency upstream names without a code
      return true;
    }
    default:
      if (value.empty()) return false;
      e.point = std::strtod(value.c_str(), nullptr);
  }
  // Numbers and ranges carry no unit; the rules above decide which results are left out.
  (void)subtype;
  for (auto reason : {ordinal(e.text), clock_time(e.text), part_of_code(input, *e.where),
                      identifier(input, *e.where),
                      e.point ? year(input, *e.where, *e.point, scope) : ""}) {
    if (!reason.empty()) {
      e.optional_because = reason;
      break;
    }
  }
  return true;
}

// Recognizers' "NotSupported": a comma list of platforms ("javascript, python", "dotnet").
bool not_supported_by_reference(const std::string& list) {
  std::string word;
  for (char c : ascii_lowered(list) + ",") {
    if (c == ',' || c == ' ') {
      if (word == "dotnet" || word == "all") return true;
      word.clear();
    } else {
      word += c;
    }
  }
  return false;
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
    if (not_supported_by_reference(string_member(c, "NotSupported"))) {
      ++file.skipped["NotSupported for dotnet or all"];
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
    add_case(file, std::move(pc));
  }
}

// ---- Duckling ------------------------------------------------------------------------------

// The unit of a Duckling value (`{"value": 10, "unit": "Dollar"}`) in our names; sets
// `why_not` when we do not model it.
std::string duckling_unit(Family family, const Value& v) {
  if (family == Family::kNumerals) return "";
  const auto name = string_member(v, "unit");
  if (family == Family::kMoney) {
    const auto code = duckling_currency(name);
    return code.empty() ? kAnyCurrency : code;
  }
  return duckling_quantity_unit(name);
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
    if (string_member(*expected, "type") == "interval") {
      const Value* from = member(*expected, "from");
      const Value* to = member(*expected, "to");
      if (from) e.lo = (*from)["value"].GetDouble();
      if (to) e.hi = (*to)["value"].GetDouble();
      e.unit = duckling_unit(file.family, from ? *from : *to);
    } else {
      e.point = (*expected)["value"].GetDouble();
      e.unit = duckling_unit(file.family, *expected);
      // Hundredths are stated in their currency: "10 cents" is 0.10 dollars.
      if (file.family == Family::kMoney && string_member(*expected, "unit") == "Cent") {
        e.point = *e.point / 100;
        e.unit = "USD";
      }
    }
    std::string why_not = ordinal(pc.input);
    const graph::Span all{0, static_cast<std::uint32_t>(pc.input.size())};
    if (why_not.empty() && e.point && pc.scoring == Scoring::kWholeInput)
      why_not = year(pc.input, all, *e.point, scope);
    if (!why_not.empty()) {
      ++file.skipped[why_not];
      continue;
    }
    pc.expected.push_back(std::move(e));
    file.cases.push_back(std::move(pc));
  }
}

// ---- Natasha -------------------------------------------------------------------------------

void load_natasha(const rapidjson::Document& doc, PeerFile& file) {
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
    pc.expected.push_back(std::move(e));
    file.cases.push_back(std::move(pc));
  }
}

// ---- Real news sentences (KLUE-NER, GUM Wikinews, UD Russian-PUD) ---------------------------

graph::Span span_of(const Value& item) {
  const Value* span = member(item, "span");
  if (!span || !span->IsArray() || span->Size() != 2 || !(*span)[0].IsUint() ||
      !(*span)[1].IsUint())
    return graph::Span{0, 0};
  return graph::Span{(*span)[0].GetUint(), (*span)[1].GetUint()};
}

// The value a digit numeral states ("20,000" in English, "103,7" and "600 000" in Russian),
// or nullopt when it is not digits alone.
std::optional<double> digit_value(std::string text, bool decimal_comma) {
  std::string plain;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      plain += c;
    else if (c == ',' && decimal_comma)
      plain += '.';
    else if (c == '.' && !decimal_comma)
      plain += '.';
    else if (c == ',' || c == ' ')
      continue;
    else
      return std::nullopt;
  }
  if (plain.empty() || std::count(plain.begin(), plain.end(), '.') > 1) return std::nullopt;
  return std::strtod(plain.c_str(), nullptr);
}

// A news numeral leaves its scale word outside ("103,7" of "103,7 миллиона"; "3" of "от 3
// до 5 тысяч" with lemma 3000): the figure may state the value times a power of a thousand.
std::vector<double> scaled(double v) {
  std::vector<double> out;
  for (double scale : {1.0, 1e3, 1e6, 1e9, 1e12}) out.push_back(v * scale);
  return out;
}

void load_news(const std::string& text, PeerFile& file) {
  std::istringstream lines(text);
  std::string line;
  std::size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty()) continue;
    rapidjson::Document doc;
    doc.Parse(line.data(), line.size());
    if (doc.HasParseError() || !doc.IsObject()) {
      file.error = file.path + ":" + std::to_string(number) + ": not a JSON object";
      return;
    }
    ++file.total;
    PeerCase pc;
    pc.index = file.total - 1;
    pc.input = string_member(doc, "text");
    pc.scoring = Scoring::kNewsSpans;
    if (const Value* dates = member(doc, "dates"); dates && dates->IsArray())
      for (const auto& d : dates->GetArray()) pc.dates.push_back(span_of(d));
    if (const Value* other = member(doc, "other_numeric"); other && other->IsArray())
      for (const auto& o : other->GetArray()) pc.not_figures.push_back(span_of(o));
    if (const Value* qs = member(doc, "quantities"); qs && qs->IsArray()) {
      for (const auto& q : qs->GetArray()) {
        ExpectedFigure e;
        e.text = string_member(q, "text");
        e.where = span_of(q);
        e.check_value = false;
        const std::string lemma = string_member(q, "lemma");
        // Only UD gives the number (its lemma); GUM's digits are read from the text.
        std::optional<double> v;
        if (!lemma.empty())
          v = digit_value(lemma, true);
        else if (file.language == "en")
          v = digit_value(e.text, false);
        if (v) e.any_of = scaled(*v);
        for (auto reason : {ordinal(e.text), clock_time(e.text), part_of_code(pc.input, *e.where),
                            identifier(pc.input, *e.where),
                            quantity_word(lemma.empty() ? e.text : lemma)}) {
          if (!reason.empty()) {
            e.optional_because = reason;
            break;
          }
        }
        pc.expected.push_back(std::move(e));
      }
    }
    add_case(file, std::move(pc));
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
      {"klue-ner/cases.jsonl", "ko", Family::kNews},
      {"gum-wikinews/cases.jsonl", "en", Family::kNews},
      {"ud-russian-pud/cases.jsonl", "ru", Family::kNews},
  };
  return files;
}

PeerFile load_peer_file(const std::string& external_dir, const PeerFileSpec& spec,
                        const Scope& scope) {
  PeerFile file;
  file.path = spec.path;
  file.language = spec.language;
  file.family = spec.family;
  if (spec.family == Family::kNews) {
    std::ifstream in(external_dir + "/" + spec.path, std::ios::binary);
    if (!in) {
      file.error = spec.path + ": cannot read";
      return file;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    load_news(bytes.str(), file);
    return file;
  }
  rapidjson::Document doc;
  if (!read_json(external_dir + "/" + spec.path, doc, file.error)) return file;
  if (spec.path.starts_with("recognizers-text/"))
    load_recognizers(doc, scope, file);
  else if (spec.path.starts_with("duckling/"))
    load_duckling(doc, scope, file);
  else
    load_natasha(doc, file);
  return file;
}

}  // namespace claimgraph::peer
