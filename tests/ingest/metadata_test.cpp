#include "ingest/metadata.hpp"

#include <catch2/catch.hpp>

using namespace claimgraph::ingest;
using Catch::Matchers::Contains;

TEST_CASE("parse_metadata reads every field and leaves unknown ones empty", "[ingest]") {
  const auto parsed = parse_metadata(
      R"({"title": "T", "outlet": "Sino-NK", "authors": ["Anthony Rinna"], "date": "2017-09-28",
          "url": null, "language": "en"})",
      "a.meta.json");
  REQUIRE(std::holds_alternative<Metadata>(parsed));
  const auto& m = std::get<Metadata>(parsed);
  CHECK(m.title == "T");
  CHECK(m.outlet == "Sino-NK");
  CHECK(m.authors == std::vector<std::string>{"Anthony Rinna"});
  CHECK(m.date == "2017-09-28");
  CHECK_FALSE(m.url);

  const auto partial = parse_metadata(R"({"title": "Only a title"})", "b.meta.json");
  REQUIRE(std::holds_alternative<Metadata>(partial));
  CHECK(std::get<Metadata>(partial).authors.empty());
  CHECK_FALSE(std::get<Metadata>(partial).date);
}

TEST_CASE("parse_metadata points at what is wrong", "[ingest]") {
  struct Row {
    const char* json;
    const char* message;
    const char* where;
  };
  const Row rows[] = {
      {"{\"title\": \"T\",\n \"outlet\" \"X\"}", "malformed JSON: Missing a colon", "m.json:2:11"},
      {"{\"title\": \"T\"", "malformed JSON", "m.json:1:14"},
      {"[1, 2]", "must be a JSON object", "m.json:1:1"},
      {"{\"title\": \"T\",\n \"autors\": []}", "unknown metadata key \"autors\"", "m.json:2:2"},
      {"{\"authors\": \"Anthony Rinna\"}", "\"authors\" must be an array", "m.json:1:2"},
      {"{\"authors\": [\"A\", 3]}", "non-empty strings", "m.json:1:2"},
      {"{\"title\": 7}", "\"title\" must be a string or null", "m.json:1:2"},
      {"{\"date\": \"28 September 2017\"}", "\"date\" must be YYYY", "m.json:1:2"},
      {"{\"date\": \"2017-02-30\"}", "\"date\" must be YYYY", "m.json:1:2"},
  };
  for (const auto& row : rows) {
    INFO(row.json);
    const auto parsed = parse_metadata(row.json, "m.json");
    REQUIRE(std::holds_alternative<Diagnostic>(parsed));
    const auto text = std::get<Diagnostic>(parsed).to_string();
    CHECK_THAT(text, Contains(row.message) && Contains(row.where));
  }
}

TEST_CASE("is_valid_date knows months and leap years", "[ingest]") {
  CHECK(is_valid_date("2017"));
  CHECK(is_valid_date("2017-09"));
  CHECK(is_valid_date("2016-02-29"));
  CHECK_FALSE(is_valid_date("2017-02-29"));
  CHECK_FALSE(is_valid_date("2017-13"));
  CHECK_FALSE(is_valid_date("2017-9-1"));
  CHECK_FALSE(is_valid_date("17"));
}
