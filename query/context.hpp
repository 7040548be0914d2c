#pragma once
// A span in its context, as a reader sees it: the text before it on its line (paragraph),
// the span, and the text after it, each side cut at a word boundary within a budget.

#include <string>
#include <string_view>

#include "graph/model.hpp"

namespace claimgraph::query {

struct Context {
  std::string before;
  std::string span;
  std::string after;
};

// `budget` bytes at most on each side (default 240).
Context context_around(std::string_view text, graph::Span span, std::size_t budget = 240);

}  // namespace claimgraph::query
