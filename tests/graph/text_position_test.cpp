#include "graph/text_position.hpp"

#include <catch2/catch.hpp>
#include <string>

using claimgraph::graph::LineIndex;
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

TEST_CASE("LineIndex gives what position_of gives, at every offset", "[graph]") {
  // Short and long lines (past the index's stride), several scripts, a broken sequence, a
  // text ending with and without a line break.
  std::string text = "ab\nА. С. Ващук\n이영형 x\n\n";
  for (int i = 0; i < 3000; ++i) text += i % 3 == 0 ? "ж" : i % 3 == 1 ? "한" : "q";
  text += "\nend \xC3 bad\n";
  for (int i = 0; i < 9000; ++i) text += "w";
  for (const std::string& t : {text, text + "\n", std::string(), std::string("x")}) {
    const LineIndex index(t);
    for (std::size_t offset = 0; offset <= t.size() + 2; ++offset) {
      const auto want = position_of(t, offset);
      const auto got = index.position(offset);
      if (got.line != want.line || got.column != want.column) {
        FAIL("offset " << offset << ": " << got.line << ":" << got.column << " instead of "
                       << want.line << ":" << want.column);
      }
    }
  }
}
