#include "ingest/metadata.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <array>

namespace claimgraph::ingest {
namespace {

using Severity = Diagnostic::Severity;

constexpr std::array<std::string_view, 7> kKeys{"about", "title",    "outlet",  "authors",
                                                "date",  "language", "url"};

// Position of a key in the JSON text, for pointing at it (RapidJSON's DOM keeps none).
std::size_t key_offset(std::string_view json, std::string_view key) {
  const auto at = json.find("\"" + std::string(key) + "\"");
  return at == std::string_view::npos ? 0 : at;
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

std::variant<Metadata, Diagnostic> parse_metadata(std::string_view json, const std::string& file) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return diagnostic_at(Severity::kError, file, json, doc.GetErrorOffset(),
                         std::string("malformed JSON: ") + GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject()) {
    return diagnostic_at(Severity::kError, file, json, 0, "metadata must be a JSON object");
  }
  auto error = [&](std::string_view key, std::string message) -> Diagnostic {
    return diagnostic_at(Severity::kError, file, json, key_offset(json, key), std::move(message));
  };

  Metadata meta;
  for (const auto& member : doc.GetObject()) {
    const std::string_view key(member.name.GetString(), member.name.GetStringLength());
    const auto& value = member.value;
    bool known = false;
    for (auto k : kKeys) known = known || k == key;
    if (!known) {
      return error(key, "unknown metadata key \"" + std::string(key) +
                            "\" (known: title, outlet, authors, date, url, language, about)");
    }
    if (key == "authors") {
      if (!value.IsArray()) return error(key, "\"authors\" must be an array of strings");
      for (const auto& a : value.GetArray()) {
        if (!a.IsString() || a.GetStringLength() == 0) {
          return error(key, "\"authors\" must hold non-empty strings only");
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
