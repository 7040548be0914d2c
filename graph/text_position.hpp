#pragma once
// Where a byte offset lies for a human reader: 1-based line and column, the column
// counted in Unicode code points (so "Ващук" is five columns, not ten bytes).

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::graph {

struct TextPosition {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Requires offset <= text.size(). Bytes of a broken UTF-8 sequence count one column each.
TextPosition position_of(std::string_view text, std::size_t offset);

// The positions of many offsets in one text, each found in time independent of the text's
// size (position_of counts from byte 0 every time: a listing of a long document took the
// square of its size). One pass marks every line's start and, inside long lines, every
// kStride bytes; a position is the mark before it and a count of at most kStride bytes.
// Keeps a view of `text`, which must outlive it.
class LineIndex {
 public:
  static constexpr std::size_t kStride = 4096;
  explicit LineIndex(std::string_view text);
  // The same as position_of(text, offset).
  TextPosition position(std::size_t offset) const;

 private:
  struct Mark {
    std::size_t offset;
    TextPosition at;
  };
  std::string_view text_;
  std::vector<Mark> marks_;
};

// [begin, end) of the line holding `offset`, without its line break.
std::pair<std::size_t, std::size_t> line_around(std::string_view text, std::size_t offset);

}  // namespace claimgraph::graph
