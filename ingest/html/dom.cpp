#include "ingest/html/dom.hpp"

namespace claimgraph::ingest::html {

Dom::Dom(std::string_view html)
    : out_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {}

void Dom::Free::operator()(GumboOutput* out) const {
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

std::string_view attribute(const GumboNode* n, const char* name) {
  if (!is_element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view{};
}

std::string_view tag_name(const GumboNode* n) {
  if (!is_element(n)) return {};
  const GumboTag t = n->v.element.tag;
  if (t != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(t);
  GumboStringPiece piece = n->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
}

}  // namespace claimgraph::ingest::html
