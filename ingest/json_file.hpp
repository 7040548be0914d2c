#pragma once
// Reading a lexicon's JSON with errors that name the file, line and column (internal to
// ingest/).

#include <rapidjson/document.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/file_system.hpp"

namespace claimgraph::ingest::json {

struct JsonFile {
  std::string path;
  std::string text;
  rapidjson::Document doc;
};

// "file:line:col" of a byte offset.
std::string where(const std::string& file, std::string_view text, std::size_t offset);
// Points at a key's first occurrence; the DOM keeps no offsets.
std::string where_key(const std::string& file, std::string_view text, std::string_view key);
// Reads and parses dir/name; throws LexiconError when it cannot, or when it is not an object.
void read(const std::string& dir, const std::string& name, const FileSystem& fs, JsonFile& out);
// Throws LexiconError for a member of `object` whose name is not in `known`.
void check_keys(const JsonFile& f, const rapidjson::Value& object, const std::set<std::string>& known,
                const std::string& context);
// object[key]; throws LexiconError "file: error: missing key \"key\" in context" when absent.
const rapidjson::Value& member(const JsonFile& f, const rapidjson::Value& object, const char* key,
                               const std::string& context);
// An array of strings; throws LexiconError naming `what` otherwise.
std::vector<std::string> strings(const JsonFile& f, const rapidjson::Value& value,
                                 const std::string& what);

}  // namespace claimgraph::ingest::json
