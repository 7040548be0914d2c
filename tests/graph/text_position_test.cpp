#include "graph/text_position.hpp"

#include <catch2/catch.hpp>
#include <string>

using claimgraph::graph::line_around;
using claimgraph::graph::position_of;

TEST_CASE("positions count lines and code points, not bytes", "[graph]") {
  const std::string text = "ab\nА. С. Ващук\n이영형 x";
  struct Row {
    std::size_t offset;
    std::uint32_t line, column;
  };
  const Row rows[] = {
      {0, 1, 1},
      {2, 1, 3},
      {3, 2, 1},
      {text.find("Ващук"), 2, 7},
      {text.find("x"), 3, 5},
  };
  for (const auto& row : rows) {
    INFO("offset " << row.offset);
    const auto pos = position_of(text, row.offset);
    CHECK(pos.line == row.line);
    CHECK(pos.column == row.column);
  }
}

TEST_CASE("line_around gives the line holding an offset", "[graph]") {
  const std::string text = "one\ntwo three\nfour";
  const auto [b, e] = line_around(text, text.find("three"));
  CHECK(text.substr(b, e - b) == "two three");
  const auto [b0, e0] = line_around(text, 0);
  CHECK(text.substr(b0, e0 - b0) == "one");
}
