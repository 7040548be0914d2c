#include "query/source_texts.hpp"

#include <algorithm>

namespace claimgraph::query {

SourceTexts::Text& SourceTexts::text(const std::string& source_id) {
  auto it = cache_.find(source_id);
  if (it == cache_.end()) {
    it = cache_.emplace(source_id, Text{store_.source_bytes(source_id).value_or(""), nullptr, std::nullopt}).first;
  }
  return it->second;
}

std::string_view SourceTexts::bytes(const std::string& source_id) {
  return text(source_id).bytes;
}

std::string SourceTexts::fetch(const std::string& source_id) const {
  return store_.source_bytes(source_id).value_or("");
}

graph::TextPosition SourceTexts::position(const std::string& source_id, std::size_t offset) {
  auto& t = text(source_id);
  if (!t.lines) t.lines = std::make_unique<graph::LineIndex>(t.bytes);
  return t.lines->position(offset);
}

std::optional<graph::TextPosition> SourceTexts::page_position(const std::string& source_id,
                                                              std::size_t offset) {
  auto& t = text(source_id);
  if (!t.page) t.page = store_.page_positions(source_id);
  const auto& page = *t.page;
  if (page.empty()) return std::nullopt;
  auto it = std::upper_bound(page.begin(), page.end(), offset,
                             [](std::size_t v, const graph::PagePosition& p) { return v < p.offset; });
  if (it == page.begin()) return graph::TextPosition{page.front().line, page.front().column};
  --it;
  // Within a piece the text runs on one line of the page: count its code points.
  std::uint32_t column = it->column;
  const std::size_t end = std::min(offset, t.bytes.size());
  for (std::size_t i = it->offset; i < end; ++i) {
    if ((static_cast<unsigned char>(t.bytes[i]) & 0xC0) != 0x80) ++column;
  }
  return graph::TextPosition{it->line, column};
}

}  // namespace claimgraph::query
