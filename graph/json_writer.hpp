#pragma once
// The base JSON writer every module shares: a RapidJSON writer over a string buffer, and the
// few calls every output repeats. Strings go in with their length (a NUL inside is kept, never
// cut), an absent optional is null. Pretty text is what the CLI prints and the server answers
// (one newline after it); compact text is what the store keeps in a column.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::graph::json {

// A writer and the buffer it writes into.
template <class Writer>
struct Text {
  rapidjson::StringBuffer buffer;
  Writer writer{buffer};

  std::string str() const { return std::string(buffer.GetString(), buffer.GetSize()); }
  // The text and a newline: one printed JSON document.
  std::string line() const { return str() + "\n"; }
};

using PrettyWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
using CompactWriter = rapidjson::Writer<rapidjson::StringBuffer>;
using Pretty = Text<PrettyWriter>;
using Compact = Text<CompactWriter>;

template <class Writer>
void string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <class Writer>
void key(Writer& w, std::string_view k) {
  w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
}

template <class Writer>
void optional_string(Writer& w, const std::optional<std::string>& s) {
  if (s) {
    string(w, *s);
  } else {
    w.Null();
  }
}

template <class Writer>
void strings(Writer& w, const std::vector<std::string>& list) {
  w.StartArray();
  for (const auto& s : list) string(w, s);
  w.EndArray();
}

}  // namespace claimgraph::graph::json
