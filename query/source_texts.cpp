#include "query/source_texts.hpp"

namespace claimgraph::query {

SourceTexts::Text& SourceTexts::text(const std::string& source_id) {
  auto it = cache_.find(source_id);
  if (it == cache_.end()) {
    it = cache_.emplace(source_id, Text{store_.source_bytes(source_id).value_or(""), nullptr}).first;
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

}  // namespace claimgraph::query
