#pragma once
// Paragraphs are runs of non-blank lines; a line holding only white space separates them.

#include <string_view>
#include <vector>

#include "graph/model.hpp"

namespace claimgraph::ingest::text {

// Trimmed byte spans of the paragraphs of `text`, in order.
std::vector<graph::Span> split_paragraphs(std::string_view text);

}  // namespace claimgraph::ingest::text
