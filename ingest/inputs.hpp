#pragma once
// Which files an ingest reads: each path given is a file (taken whatever its extension) or a
// folder (its `.txt`, `.html` and `.htm` files at any depth). Order is deterministic: the paths in the order
// given, each folder's files sorted by path. A text's metadata is `NAME.meta.json` beside it.

#include <optional>
#include <string>
#include <vector>

#include "ingest/diagnostic.hpp"
#include "ingest/file_system.hpp"

namespace claimgraph::ingest {

struct InputFile {
  std::string text_path;
  std::optional<std::string> meta_path;  // set when the metadata file exists
  std::string stem;                      // file name without its extension
};

struct Inputs {
  std::vector<InputFile> files;
  std::vector<Diagnostic> errors;  // paths that do not exist, folders without texts
};

Inputs collect_inputs(const std::vector<std::string>& paths, const FileSystem& fs);

// "NAME.meta.json" for "NAME.txt" (for other extensions, the last one is replaced).
std::string metadata_path_for(const std::string& text_path);

}  // namespace claimgraph::ingest
