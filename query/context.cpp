#include "query/context.hpp"

#include "graph/text_position.hpp"

namespace claimgraph::query {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

Context context_around(std::string_view text, graph::Span span, std::size_t budget) {
  const std::size_t end = std::min<std::size_t>(span.end, text.size());
  const std::size_t begin = std::min<std::size_t>(span.begin, end);
  const auto [line_begin, ignored] = graph::line_around(text, begin);
  const auto [ignored2, line_end] = graph::line_around(text, end);

  std::size_t from = begin - std::min(budget, begin - line_begin);
  if (from > line_begin) {
    const auto space = text.find(' ', from);
    from = space == std::string_view::npos || space >= begin ? from : space + 1;
  }
  while (from < begin && is_continuation(text[from])) ++from;
  std::size_t to = end + std::min(budget, line_end - end);
  if (to < line_end) {
    const auto space = text.rfind(' ', to);
    to = space == std::string_view::npos || space <= end ? to : space;
  }
  while (to > end && to < text.size() && is_continuation(text[to])) --to;

  Context c;
  c.before = std::string(text.substr(from, begin - from));
  c.span = std::string(text.substr(begin, end - begin));
  c.after = std::string(text.substr(end, to - end));
  if (from > line_begin) c.before = "…" + c.before;
  if (to < line_end) c.after += "…";
  return c;
}

}  // namespace claimgraph::query
