#pragma once
// What ingest refuses to read. Each refusal is one line naming the file and the position where
// the limit is crossed, and the file is not stored (the others are). The defaults hold every
// article and saved page met so far with room to spare; each is an option of
// `claimgraph ingest` (README, "Limits and failures").

#include <cstddef>

namespace claimgraph::ingest {

struct Limits {
  std::size_t document_bytes = std::size_t{256} << 20;  // --max-document-mb: a text or page
  std::size_t line_bytes = std::size_t{64} << 20;       // --max-line-mb: one line of a text
  std::size_t metadata_bytes = std::size_t{4} << 20;    // --max-metadata-kb: a .meta.json
  std::size_t metadata_depth = 32;                      // --max-metadata-depth: [ and { nested
  std::size_t footnotes = 10000;                        // --max-footnotes: of one document
};

}  // namespace claimgraph::ingest
