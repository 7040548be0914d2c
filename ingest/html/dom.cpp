#include "ingest/html/dom.hpp"

#include "graph/text_case.hpp"

#include <algorithm>
#include <iterator>
#include <string>

namespace claimgraph::ingest::html {

namespace {

// Parse errors are not kept: gumbo copies the stack of open elements into each, which on a page
// nested thousands deep and never closed costs the square of its depth (gigabytes).
GumboOptions options() {
  GumboOptions o = kGumboDefaultOptions;
  o.max_errors = 0;
  return o;
}

}  // namespace

Dom::Dom(std::string_view html) {
  const GumboOptions o = options();
  out_.reset(gumbo_parse_with_options(&o, html.data(), html.size()));
}

void Dom::Free::operator()(GumboOutput* out) const {
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

std::size_t nesting_over(std::string_view html, std::size_t limit) {
  static constexpr std::string_view kNotCounted[] = {
      "br",    "img",   "input", "meta",   "link",     "hr",      "area",     "base",
      "col",   "embed", "param", "source", "track",    "wbr",     "p",        "li",
      "td",    "th",    "tr",    "option", "dt",       "dd",      "colgroup", "tbody",
      "thead", "tfoot", "rt",    "rp",     "optgroup", "!doctype"};
  const auto lower = [](char c) {
    return graph::ascii_lower(c);
  };
  std::size_t depth = 0;
  std::size_t at = 0;
  std::string name;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.substr(at, 4) == "<!--") {
      const auto end = html.find("-->", at + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    const bool closing = at + 1 < html.size() && html[at + 1] == '/';
    std::size_t i = at + (closing ? 2 : 1);
    name.clear();
    while (i < html.size() && name.size() < 16) {
      const char c = lower(html[i]);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' || c == '-')) break;
      name += c;
      ++i;
    }
    const auto end = html.find('>', i);
    if (name.empty() || end == std::string_view::npos) {
      at = i;
      continue;
    }
    if (!closing && (name == "script" || name == "style")) {
      const std::string close = "</" + name;
      std::size_t k = end;
      while (k != std::string_view::npos) {
        k = html.find("</", k);
        if (k == std::string_view::npos) break;
        std::size_t m = 0;
        while (m < close.size() && k + m < html.size() && lower(html[k + m]) == close[m]) ++m;
        if (m == close.size()) break;
        k += 2;
      }
      if (k == std::string_view::npos) break;
      at = k;
      continue;
    }
    at = end + 1;
    const bool counted =
        std::find(std::begin(kNotCounted), std::end(kNotCounted), name) == std::end(kNotCounted);
    if (!counted || (!closing && html[end - 1] == '/')) continue;
    if (closing) {
      if (depth > 0) --depth;
    } else if (++depth > limit) {
      return end;
    }
  }
  return std::string_view::npos;
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
