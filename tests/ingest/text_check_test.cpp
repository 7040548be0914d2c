#include "ingest/text_check.hpp"

#include <catch2/catch.hpp>
#include <string>

using claimgraph::ingest::check_text;
using Catch::Matchers::Contains;

TEST_CASE("check_text refuses what is not UTF-8 text and says where", "[ingest]") {
  struct Row {
    std::string name;
    std::string bytes;
    const char* message;  // nullptr: accepted
    std::uint32_t line, column;
    std::size_t offset;
  };
  const Row rows[] = {
      {"empty", "", "empty file", 0, 0, 0},
      {"white space only", " \n\t\xC2\xA0\n", "only white space", 0, 0, 0},
      {"NUL byte", std::string("abc\ndef\0ghi", 11), "binary file", 2, 4, 7},
      {"bell byte", "abc\x07", "control byte 0x07", 1, 4, 3},
      {"bad lead byte", "ok\nВащук \xFF tail", "invalid UTF-8: byte 0xFF", 2, 7, 14},
      {"truncated sequence at end", "abc \xE2\x80", "invalid UTF-8", 1, 5, 4},
      {"overlong encoding", "a\xC0\xAF", "invalid UTF-8", 1, 2, 1},
      {"Cyrillic and Hangul", "А. С. Ващук\n이영형\r\n", nullptr, 0, 0, 0},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    const auto d = check_text("a.txt", row.bytes);
    if (row.message == nullptr) {
      CHECK_FALSE(d);
      continue;
    }
    REQUIRE(d);
    CHECK_THAT(d->to_string(), Contains("a.txt") && Contains(row.message));
    if (row.line != 0) {
      CHECK(d->line == row.line);
      CHECK(d->column == row.column);
      CHECK(d->offset == row.offset);
      CHECK_THAT(d->to_string(), Contains("a.txt:" + std::to_string(row.line) + ":" +
                                          std::to_string(row.column)));
    }
  }
}
