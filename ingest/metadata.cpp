#include "ingest/metadata.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <array>
#include <set>
#include <vector>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include "ingest/text_check.hpp"
#include "graph/json_reader.hpp"

namespace claimgraph::ingest {
namespace {

using Severity = Diagnostic::Severity;

constexpr std::array<std::string_view, 7> kKeys{"about", "title",    "outlet",  "authors",
                                                "date",  "language", "url"};

// Where each member of the top-level object of valid JSON starts: its key's opening quote and
// its value's first character, in the order of the text (RapidJSON's DOM keeps no offsets, and
// lists members in the same order). A key spelled with escapes ("\u0074itle") is found too.
struct MemberAt {
  std::size_t key = 0;
  std::size_t value = 0;
};

std::vector<MemberAt> member_offsets(std::string_view json) {
  std::vector<MemberAt> out;
  std::size_t i = json.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a UTF-8 byte order mark
  const auto skip_space = [&] {
    while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' ||
                               json[i] == '\r')) {
      ++i;
    }
  };
  const auto skip_string = [&] {  // at the opening quote
    for (++i; i < json.size() && json[i] != '"'; ++i) {
      if (json[i] == '\\') ++i;
    }
    ++i;
  };
  const auto skip_value = [&] {
    if (json[i] == '"') {
      skip_string();
      return;
    }
    if (json[i] == '[' || json[i] == '{') {
      for (int depth = 0; i < json.size();) {
        const char c = json[i];
        if (c == '"') {
          skip_string();
          continue;
        }
        ++i;
        if (c == '[' || c == '{') ++depth;
        if ((c == ']' || c == '}') && --depth == 0) return;
      }
      return;
    }
    // A number, true, false or null: up to what ends it.
    while (i < json.size() && json[i] != ',' && json[i] != '}' && json[i] != ' ' &&
           json[i] != '\t' && json[i] != '\n' && json[i] != '\r') {
      ++i;
    }
  };
  skip_space();
  if (i >= json.size() || json[i] != '{') return out;
  ++i;
  for (;;) {
    skip_space();
    if (i >= json.size() || json[i] != '"') return out;  // '}': the end
    MemberAt m;
    m.key = i;
    skip_string();
    skip_space();
    ++i;  // ':'
    skip_space();
    m.value = i;
    out.push_back(m);
    skip_value();
    skip_space();
    if (i >= json.size() || json[i] != ',') return out;
    ++i;
  }
}

// Where the first control character of the value starting at `from` lies in the JSON text,
// if any, and which: U+0000-001F, U+007F written raw or as an escape ("\n", "\u001b"), and
// U+0080-009F (C1) written raw or as "\u0085". Such characters move the cursor, ring the bell
// or retitle a terminal when a listing prints the value.
std::optional<std::pair<std::size_t, unsigned>> control_in_value(std::string_view json,
                                                                 std::size_t from) {
  bool in_string = false;
  int depth = 0;
  for (std::size_t i = from; i < json.size(); ++i) {
    const auto c = static_cast<unsigned char>(json[i]);
    if (!in_string) {
      if (c == '"') in_string = true;
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && --depth <= 0) return std::nullopt;  // the value ended
      if (depth == 0 && c == ',') return std::nullopt;
      continue;
    }
    if (c == '"') {
      in_string = false;
      if (depth == 0) return std::nullopt;
      continue;
    }
    if (c < 0x20 || c == 0x7F) return std::pair{i, static_cast<unsigned>(c)};
    if (c == 0xC2 && i + 1 < json.size()) {
      const auto next = static_cast<unsigned char>(json[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return std::pair{i, static_cast<unsigned>(next)};
    }
    if (c != '\\' || i + 1 >= json.size()) continue;
    const char e = json[i + 1];
    static constexpr std::string_view kEscapes = "btnfr";
    static constexpr std::array<unsigned, 5> kCodes{0x08, 0x09, 0x0A, 0x0C, 0x0D};
    if (const auto k = kEscapes.find(e); k != std::string_view::npos) {
      return std::pair{i, kCodes[k]};
    }
    if (e == 'u' && i + 5 < json.size()) {
      const unsigned code = static_cast<unsigned>(
          std::strtoul(std::string(json.substr(i + 2, 4)).c_str(), nullptr, 16));
      if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) return std::pair{i, code};
    }
    ++i;  // the escaped character
  }
  return std::nullopt;
}

std::string code_point_name(unsigned code) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "U+%04X", code);
  return buf;
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

bool is_valid_date(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  if (!all_digits(date.substr(0, 4))) return false;
  if (date.size() == 4) return true;
  if (date[4] != '-' || !all_digits(date.substr(5, 2))) return false;
  const int year = std::stoi(std::string(date.substr(0, 4)));
  const int month = std::stoi(std::string(date.substr(5, 2)));
  if (month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  if (date[7] != '-' || !all_digits(date.substr(8, 2))) return false;
  const int day = std::stoi(std::string(date.substr(8, 2)));
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max_day = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= max_day;
}

// RapidJSON turns a lone UTF-16 surrogate written as an escape ("\udcde") into bytes that are
// not UTF-8; such a value is refused.
static std::string not_character(std::string_view key) {
  return "\"" + std::string(key) +
         "\" holds an escape that is no character (a lone UTF-16 surrogate, \\udc00 and the like)";
}

// Where [ and { first nest deeper than `limit` outside strings; npos when they never do.
static std::size_t deeper_than(std::string_view json, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if ((c == '[' || c == '{') && ++depth > limit) return i;
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return std::string_view::npos;
}

std::variant<Metadata, Diagnostic> parse_metadata(std::string_view json, const std::string& file,
                                                  const Limits& limits) {
  if (json.size() > limits.metadata_bytes) {
    return diagnostic_at(Severity::kError, file, json, limits.metadata_bytes,
                         "the metadata file is larger than " +
                             std::to_string(limits.metadata_bytes) +
                             " bytes; not read further (--max-metadata-kb)");
  }
  if (const auto at = deeper_than(json, limits.metadata_depth); at != std::string_view::npos) {
    return diagnostic_at(Severity::kError, file, json, at,
                         "metadata nested deeper than " + std::to_string(limits.metadata_depth) +
                             " levels (--max-metadata-depth)");
  }
  // Every byte, not only those inside strings: RapidJSON passes over a stray byte before the
  // object that would throw the member positions below off.
  if (auto error = check_utf8(file, json)) return *error;
  rapidjson::Document doc;
  // Iterative: a file of 150,000 '[' costs heap, never the stack; the encoding is checked.
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                     json.size());
  if (doc.HasParseError()) {
    return diagnostic_at(Severity::kError, file, json, doc.GetErrorOffset(),
                         std::string("malformed JSON: ") + GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject()) {
    return diagnostic_at(Severity::kError, file, json, 0, "metadata must be a JSON object");
  }
  const auto members = member_offsets(json);
  // The positions every check below relies on must be those of the members parsed: when they
  // are not, the file is refused rather than read unchecked.
  if (members.size() != doc.MemberCount()) {
    return diagnostic_at(Severity::kError, file, json, 0,
                         "metadata members could not be located one by one; write the file "
                         "as one plain JSON object");
  }
  std::size_t index = 0;  // of the member at hand, in doc and in `members` alike
  auto error = [&](std::string_view, std::string message) -> Diagnostic {
    const std::size_t at = index < members.size() ? members[index].key : 0;
    return diagnostic_at(Severity::kError, file, json, at, std::move(message));
  };

  Metadata meta;
  std::set<std::string, std::less<>> seen;
  const auto all = graph::members(doc);
  for (; index < all.size(); ++index) {
    const auto* member = &all[index];
    const std::string_view key(member->name.GetString(), member->name.GetStringLength());
    const auto& value = member->value;
    // JSON allows a key twice and keeps the last; metadata says each thing once.
    if (!seen.emplace(key).second) {
      return error(key, "duplicate metadata key \"" + std::string(key) + "\"");
    }
    bool known = false;
    for (auto k : kKeys) known = known || k == key;
    if (!known) {
      return error(key, "unknown metadata key \"" + std::string(key) +
                            "\" (known: title, outlet, authors, date, url, language, about)");
    }
    // Values are printed on one line of a terminal: no control characters ("about" is a
    // note for people reading the file and is neither stored nor printed).
    if (key != "about") {
      const std::size_t value_at = index < members.size() ? members[index].value : json.size();
      if (const auto bad = control_in_value(json, value_at)) {
        return diagnostic_at(Severity::kError, file, json, bad->first,
                             "\"" + std::string(key) + "\" holds the control character " +
                                 code_point_name(bad->second) +
                                 "; metadata values are printable text");
      }
    }
    if (key == "authors") {
      if (!value.IsArray()) return error(key, "\"authors\" must be an array of strings");
      for (const auto& a : value.GetArray()) {
        if (!a.IsString() || a.GetStringLength() == 0) {
          return error(key, "\"authors\" must hold non-empty strings only");
        }
        if (!is_utf8(std::string_view(a.GetString(), a.GetStringLength()))) {
          return error(key, not_character(key));
        }
        meta.authors.emplace_back(a.GetString(), a.GetStringLength());
      }
      continue;
    }
    if (value.IsNull()) continue;
    if (!value.IsString()) {
      return error(key, "\"" + std::string(key) + "\" must be a string or null");
    }
    std::string text(value.GetString(), value.GetStringLength());
    if (!is_utf8(text)) return error(key, not_character(key));
    if (key == "title") meta.title = std::move(text);
    if (key == "outlet") meta.outlet = std::move(text);
    if (key == "url") meta.url = std::move(text);
    if (key == "language") meta.language = std::move(text);
    if (key == "date") {
      if (!is_valid_date(text)) {
        return error(key, "\"date\" must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" + text + "\"");
      }
      meta.date = std::move(text);
    }
  }
  return meta;
}

}  // namespace claimgraph::ingest
