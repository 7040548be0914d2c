#pragma once
// `claimgraph export --format graphml|jsonld|csv [--out PATH] [--source ID] [--measure M]`:
// the graph for other tools, streamed as it is written. A file given by --out appears whole or
// not at all (written beside it, then renamed); a CSV folder likewise, and an existing folder
// is replaced only when it holds an earlier export (its schema.cypher).

#include <optional>
#include <string>

#include "query/export.hpp"

namespace claimgraph::tools {

struct ExportCommandOptions {
  std::string db;
  std::string format;              // graphml, jsonld, csv
  std::optional<std::string> out;  // a file (graphml, jsonld; none: stdout) or a folder (csv)
  query::ExportSelection selection;
};

// Returns the exit code.
int run_export(const ExportCommandOptions& options);

}  // namespace claimgraph::tools
