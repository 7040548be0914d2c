#pragma once
// `claimgraph ingest PATH...`: reads files and folders into the store, one transaction per
// document; reports each file and a progress line on stderr for long runs.

#include <string>
#include <vector>

namespace claimgraph::tools {

struct IngestCommandOptions {
  std::vector<std::string> paths;
  std::string db;
  std::string lexicon_dir;
  bool json = false;
};

// Returns the exit code.
int run_ingest(const IngestCommandOptions& options);

}  // namespace claimgraph::tools
