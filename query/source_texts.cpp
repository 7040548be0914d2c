#include "query/source_texts.hpp"

namespace claimgraph::query {

std::string_view SourceTexts::bytes(const std::string& source_id) {
  auto it = cache_.find(source_id);
  if (it == cache_.end()) {
    it = cache_.emplace(source_id, store_.source_bytes(source_id).value_or("")).first;
  }
  return it->second;
}

std::string SourceTexts::fetch(const std::string& source_id) const {
  return store_.source_bytes(source_id).value_or("");
}

graph::TextPosition SourceTexts::position(const std::string& source_id, std::size_t offset) {
  return graph::position_of(bytes(source_id), offset);
}

}  // namespace claimgraph::query
