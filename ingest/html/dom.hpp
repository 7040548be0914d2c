#pragma once
// The parsed page (gumbo's HTML5 tree) and the few questions the html stage asks of a node.
// Internal to ingest/html: the rest of the engine sees Page (page.hpp), never gumbo.

#include <gumbo.h>

#include <memory>
#include <string_view>

namespace claimgraph::ingest::html {

// Owns gumbo's output for `html`, which must outlive it (nodes point into its bytes).
class Dom {
 public:
  explicit Dom(std::string_view html);
  const GumboNode* root() const { return out_->root; }
  const GumboNode* document() const { return out_->document; }

 private:
  struct Free {
    void operator()(GumboOutput* out) const;
  };
  std::unique_ptr<GumboOutput, Free> out_;
};

// The deepest nesting of elements a page may have (real pages stay under a hundred): gumbo's
// time grows with the square of the depth, so a page nested a hundred thousand deep would take
// minutes.
inline constexpr std::size_t kMaxNesting = 20000;

// The byte where the page's elements first nest deeper than `limit`, or npos: a quick scan of
// start and end tags that skips comments, scripts and styles, and leaves out the void elements
// and those an HTML parser closes by itself (p, li, td, ...), so it never counts deeper than
// the parser nests.
std::size_t nesting_over(std::string_view html, std::size_t limit);

inline bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}
inline GumboTag tag_of(const GumboNode* n) {
  return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}
inline const GumboVector& children_of(const GumboNode* n) {
  return is_element(n) ? n->v.element.children : n->v.document.children;
}
// The value of attribute `name` ("" when absent).
std::string_view attribute(const GumboNode* n, const char* name);
// The element's tag name as written, lower-cased by gumbo for known tags ("" for others).
std::string_view tag_name(const GumboNode* n);

// Calls enter(node) on `from` and every node under it in document order, and leave(node)
// once a node's children are done, without recursion (a page nested a million deep costs
// heap, not stack). enter returns false to skip the node: neither its children nor its
// leave are visited.
template <typename Enter, typename Leave>
void walk(const GumboNode* from, Enter&& enter, Leave&& leave);

}  // namespace claimgraph::ingest::html

#include "ingest/html/dom_walk.hpp"
