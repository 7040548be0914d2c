#pragma once
// A document's metadata, read from NAME.meta.json with RapidJSON and validated:
//   {"title": str|null, "outlet": str|null, "authors": [str], "date": "YYYY[-MM[-DD]]"|null,
//    "url": str|null, "language": str|null, "about": str (optional)}
// A key left out means unknown; an unknown key or a wrong type is an error.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ingest/diagnostic.hpp"
#include "ingest/limits.hpp"

namespace claimgraph::ingest {

struct Metadata {
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::vector<std::string> authors;
  std::optional<std::string> date;
  std::optional<std::string> url;
  std::optional<std::string> language;
};

// `file` names the metadata file in diagnostics. Returns the metadata or the first error,
// with its line:column: a file over limits.metadata_bytes (default 4 MiB: some hundred
// thousand authors) or nested deeper than limits.metadata_depth, malformed JSON (read
// iteratively, so nesting depth costs heap, not stack), invalid UTF-8, a control character in a value (C0,
// DEL, C1; written raw or as an escape such as \u001b), an unknown key, a wrong type.
std::variant<Metadata, Diagnostic> parse_metadata(std::string_view json, const std::string& file,
                                                  const Limits& limits = {});

// True for "YYYY", "YYYY-MM", "YYYY-MM-DD" naming a real month and day.
bool is_valid_date(std::string_view date);

}  // namespace claimgraph::ingest
