#pragma once
// walk() of dom.hpp.

#include <utility>
#include <vector>

namespace claimgraph::ingest::html {

template <typename Enter, typename Leave>
void walk(const GumboNode* from, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  if (!enter(from)) return;
  std::vector<Frame> stack{{from, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboNode* n = top.node;
    const bool has_children = n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE ||
                              n->type == GUMBO_NODE_DOCUMENT;
    if (!has_children || top.next >= children_of(n).length) {
      stack.pop_back();
      leave(n);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children_of(n).data[top.next++]);
    if (enter(child)) stack.push_back(Frame{child, 0});
  }
}

}  // namespace claimgraph::ingest::html
