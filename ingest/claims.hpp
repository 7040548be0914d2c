#pragma once
// Claim assembly: every body sentence is a claim. Its claimant is the document's author,
// or the signer of the editor's note its paragraph belongs to. A sentence repeated in the
// same document (a pull quote) is one claim with a span for each occurrence.

#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/text/segmenter.hpp"

namespace claimgraph::ingest {

struct ClaimDraft {
  std::vector<graph::Span> spans;     // spans[0]: first occurrence, the claim's text
  std::string claimant;               // display name
  std::vector<std::size_t> footnotes;  // footnote segments (indexes) the claim cites
  std::uint32_t paragraph = 0;        // the paragraph of its first occurrence
};

std::vector<ClaimDraft> assemble_claims(std::string_view text, const text::Segmentation& segmentation,
                                        const std::string& default_claimant);

// The text two occurrences of one sentence share: enclosing quotes dropped, white space
// folded. Also returns (through *inner) the span without the enclosing quotes.
std::string repeat_key(std::string_view text, graph::Span span, graph::Span* inner);

}  // namespace claimgraph::ingest
