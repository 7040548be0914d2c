#include "ingest/json_file.hpp"

#include <rapidjson/error/en.h>

#include "graph/text_position.hpp"
#include "ingest/lexicon.hpp"
#include "graph/json_reader.hpp"

namespace claimgraph::ingest::json {

std::string where(const std::string& file, std::string_view text, std::size_t offset) {
  const auto pos = graph::position_of(text, offset);
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

std::string where_key(const std::string& file, std::string_view text, std::string_view key) {
  const auto at = text.find("\"" + std::string(key) + "\"");
  return where(file, text, at == std::string_view::npos ? 0 : at);
}

void read(const std::string& dir, const std::string& name, const FileSystem& fs, JsonFile& out) {
  out.path = dir + "/" + name;
  auto bytes = fs.read(out.path);
  if (!bytes) throw LexiconError(out.path + ": error: cannot read lexicon file");
  out.text = std::move(*bytes);
  out.doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
      out.text.data(), out.text.size());
  if (out.doc.HasParseError()) {
    throw LexiconError(where(out.path, out.text, out.doc.GetErrorOffset()) +
                       ": error: malformed JSON: " + GetParseError_En(out.doc.GetParseError()));
  }
  if (!out.doc.IsObject()) throw LexiconError(out.path + ": error: a lexicon is a JSON object");
}

const rapidjson::Value& member(const JsonFile& f, const rapidjson::Value& object, const char* key,
                               const std::string& context) {
  if (!object.IsObject() || !object.HasMember(key)) {
    throw LexiconError(f.path + ": error: missing key \"" + key + "\"" +
                       (context.empty() ? "" : " in " + context));
  }
  return object[key];
}

void check_keys(const JsonFile& f, const rapidjson::Value& object, const std::set<std::string>& known,
                const std::string& context) {
  if (!object.IsObject()) {
    throw LexiconError(f.path + ": error: " + context + " must be a JSON object");
  }
  for (const auto& m : graph::members(object)) {
    const std::string key(m.name.GetString(), m.name.GetStringLength());
    if (!known.count(key)) {
      throw LexiconError(where_key(f.path, f.text, key) + ": error: unknown lexicon key \"" + key +
                         "\"" + (context.empty() ? "" : " in " + context));
    }
  }
}

std::vector<std::string> strings(const JsonFile& f, const rapidjson::Value& value,
                                 const std::string& what) {
  std::vector<std::string> out;
  if (!value.IsArray()) {
    throw LexiconError(f.path + ": error: " + what + " must be an array of strings");
  }
  for (const auto& s : value.GetArray()) {
    if (!s.IsString()) throw LexiconError(f.path + ": error: " + what + " must hold strings only");
    out.emplace_back(s.GetString(), s.GetStringLength());
  }
  return out;
}

}  // namespace claimgraph::ingest::json
