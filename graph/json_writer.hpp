#pragma once
// The base JSON writer every module shares: a RapidJSON writer over a string buffer, and the
// few calls every output repeats. Strings go in with their length (a NUL inside is kept, never
// cut), an absent optional is null. Pretty text is what the CLI prints and the server answers
// (one newline after it); compact text is what the store keeps in a column.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <exception>
#include <optional>
#include <ostream>
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

// A RapidJSON output stream into a std::ostream through a buffer of its own (RapidJSON puts
// one character at a time): what streams a long listing out as it is written, in memory of
// the buffer's size rather than the document's.
class OStream {
 public:
  using Ch = char;
  explicit OStream(std::ostream& out) : out_(out) { buffer_.reserve(kSize); }
  // What is held goes out, but not while an error unwinds: the output stops where it was.
  ~OStream() {
    if (std::uncaught_exceptions() > 0) return;
    try {
      Flush();
    } catch (...) {  // a stream that throws: the output stops there
    }
  }
  OStream(const OStream&) = delete;
  OStream& operator=(const OStream&) = delete;
  void Put(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= kSize) Flush();
  }
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kSize = 1 << 16;
  std::ostream& out_;
  std::string buffer_;
};

using StreamWriter = rapidjson::PrettyWriter<OStream>;

// A pretty writer into a std::ostream: one printed JSON document once end_line is called.
struct PrettyStream {
  explicit PrettyStream(std::ostream& out) : stream(out) {}
  OStream stream;
  StreamWriter writer{stream};
  void end_line() {
    stream.Put('\n');
    stream.Flush();
  }
};

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
