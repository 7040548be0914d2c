#include "graph/text_position.hpp"

#include <algorithm>

namespace claimgraph::graph {

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition pos;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++pos.column;
    }
  }
  return pos;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  TextPosition pos;
  marks_.push_back(Mark{0, pos});
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // A mark inside a long line, at the start of a character.
    if (i - marks_.back().offset >= kStride && (c & 0xC0) != 0x80) marks_.push_back(Mark{i, pos});
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
      marks_.push_back(Mark{i + 1, pos});
    } else if ((c & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
}

TextPosition LineIndex::position(std::size_t offset) const {
  if (offset > text_.size()) offset = text_.size();
  // The last mark at or before `offset`.
  const auto it = std::upper_bound(marks_.begin(), marks_.end(), offset,
                                   [](std::size_t o, const Mark& m) { return o < m.offset; });
  const Mark& mark = *(it - 1);
  TextPosition pos = mark.at;
  for (std::size_t i = mark.offset; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

std::pair<std::size_t, std::size_t> line_around(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t begin = offset;
  while (begin > 0 && text[begin - 1] != '\n') --begin;
  std::size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  return {begin, end};
}

}  // namespace claimgraph::graph
