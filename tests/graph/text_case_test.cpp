// The base text helpers (graph/text_case.hpp): the keys ingest makes and the words a user
// types are folded alike, in every script.

#include "graph/text_case.hpp"

#include <catch2/catch.hpp>

using namespace claimgraph::graph;

TEST_CASE("slugs and folded containment in three scripts", "[graph]") {
  struct Row {
    const char* text;
    const char* slug;
  };
  const Row rows[] = {
      {"North Korean workers", "north-korean-workers"},
      {"  Work permits! ", "work-permits"},
      {"ПАТЕНТОВ", "патентов"},
      {"граждан КНДР", "граждан-кндр"},
      {"외국인 선원", "외국인-선원"},
      {"a\xC2\xA0" "b", "a-b"},  // a no-break space separates
      {"\xFF" "bad", "bad"},     // a byte that is not UTF-8 separates
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(slug(r.text) == r.slug);
  }
  CHECK(contains_folded("patentov-permitted", "PATENTOV"));
  CHECK(contains_folded("Восточный вестник", "ВОСТОЧНЫЙ"));
  CHECK_FALSE(contains_folded("workers", "permits"));
  CHECK(ascii_lower("ÀBC-Déf") == "Àbc-déf");  // ASCII only
}
