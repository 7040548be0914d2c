#pragma once
// Where a byte offset lies for a human reader: 1-based line and column, the column
// counted in Unicode code points (so "Ващук" is five columns, not ten bytes).

#include <cstdint>
#include <string_view>
#include <utility>

namespace claimgraph::graph {

struct TextPosition {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Requires offset <= text.size(). Bytes of a broken UTF-8 sequence count one column each.
TextPosition position_of(std::string_view text, std::size_t offset);

// [begin, end) of the line holding `offset`, without its line break.
std::pair<std::size_t, std::size_t> line_around(std::string_view text, std::size_t offset);

}  // namespace claimgraph::graph
