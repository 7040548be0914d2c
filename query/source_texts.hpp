#pragma once
// The original bytes of sources, fetched from the Store once each and kept for the
// lifetime of this object, so spans can be cut and located (file:line:column).

#include <map>
#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "graph/store.hpp"
#include "graph/text_position.hpp"

namespace claimgraph::query {

class SourceTexts {
 public:
  explicit SourceTexts(graph::Store& store) : store_(store) {}
  // The source's bytes ("" for an unknown id).
  std::string_view bytes(const std::string& source_id);
  // The same, read from the store and not kept ("" for an unknown id): for a pass over many
  // sources that needs each once.
  std::string fetch(const std::string& source_id) const;
  // Line and column of a byte offset, from a line index made once per source.
  graph::TextPosition position(const std::string& source_id, std::size_t offset);
  // For a saved page: the line and column in the page that the main text's byte `offset`
  // came from; nullopt for a text file.
  std::optional<graph::TextPosition> page_position(const std::string& source_id,
                                                   std::size_t offset);

 private:
  struct Text {
    std::string bytes;
    std::unique_ptr<graph::LineIndex> lines;  // made when a position is first asked for
    std::optional<std::vector<graph::PagePosition>> page;  // fetched when first asked for
  };
  Text& text(const std::string& source_id);
  graph::Store& store_;
  std::map<std::string, Text> cache_;
};

}  // namespace claimgraph::query
