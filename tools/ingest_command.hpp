#pragma once
// `claimgraph ingest PATH... [--jobs N]`: reads files and folders into the store, one
// transaction per document, parsing on N threads; reports each file in input order and a
// progress line on stderr for long runs.

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/limits.hpp"

namespace claimgraph::tools {

struct IngestCommandOptions {
  std::vector<std::string> paths;
  std::string db;
  std::string lexicon_dir;
  bool json = false;
  std::size_t jobs = 1;  // parsing threads; the store is written by one
  ingest::Limits limits;  // what is refused as too large
};

// Returns the exit code.
int run_ingest(const IngestCommandOptions& options);

}  // namespace claimgraph::tools
