#include "ingest/metadata.hpp"

#include <catch2/catch.hpp>

#include "support/support.hpp"

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
      // Bytes that are not UTF-8 in a value: the JSON error at the byte.
      {"{\"title\": \"Bad \xC3\x28 title\"}", "invalid UTF-8: byte 0xC3 cannot stand here", "m.json:1:16:"},
      // Control characters, escaped or raw: at the character, with its code point.
      {"{\"title\": \"\\u001b]0;pwned\\u0007\"}", "\"title\" holds the control character U+001B",
       "m.json:1:12"},
      {"{\"title\": \"ok\",\n \"authors\": [\"A\", \"B\\u0007\"]}",
       "\"authors\" holds the control character U+0007", "m.json:2:21"},
      {"{\"outlet\": \"two\\nlines\"}", "\"outlet\" holds the control character U+000A",
       "m.json:1:16"},
      {"{\"url\": \"x\xC2\x9By\"}", "\"url\" holds the control character U+009B", "m.json:1:11"},
      {"{\"title\": \"tab\tinside\"}", "malformed JSON", "m.json:1:"},
      // A key given twice (JSON keeps the last): refused, at the second.
      {"{\"title\": \"ok\",\n \"title\": \"\\u001b]0;x\\u0007\"}", "duplicate metadata key \"title\"",
       "m.json:2:2"},
      // A key spelled with an escape is the same key: its own value is checked, at its place.
      {"{\"about\": \"note\\n\", \"\\u0074itle\": [1, {\"a\": \"]\"}], \"url\": \"\\u0007\"}",
       "\"title\" must be a string or null", "m.json:1:21"},
      {"{\"about\": \"note\\n\", \"date\": null, \"\\u0074itle\": \"x\\u0085y\"}",
       "\"title\" holds the control character U+0085", "m.json:1:51"},
  };
  for (const auto& row : rows) {
    INFO(row.json);
    const auto parsed = parse_metadata(row.json, "m.json");
    REQUIRE(std::holds_alternative<Diagnostic>(parsed));
    const auto text = std::get<Diagnostic>(parsed).to_string();
    CHECK_THAT(text, Contains(row.message) && Contains(row.where));
  }
}

TEST_CASE("parse_metadata takes deep nesting and refuses what is too large, without a crash",
          "[ingest]") {
  // 150,000 '[' once overflowed the stack of a recursive parser; now the depth limit (32 by
  // default) names where it is crossed, and an iterative parser reads what a higher limit lets
  // through.
  const std::string deep = "{\"about\": " + std::string(150000, '[');
  const auto too_deep = parse_metadata(deep, "deep.json");
  REQUIRE(std::holds_alternative<Diagnostic>(too_deep));
  CHECK_THAT(std::get<Diagnostic>(too_deep).to_string(),
             Contains("deep.json:1:42: error: metadata nested deeper than 32 levels "
                      "(--max-metadata-depth)"));
  Limits lax;
  lax.metadata_depth = 1000000;
  const auto unterminated = parse_metadata(deep, "deep.json", lax);
  REQUIRE(std::holds_alternative<Diagnostic>(unterminated));
  CHECK_THAT(std::get<Diagnostic>(unterminated).to_string(), Contains("deep.json:1:") &&
                                                                 Contains("malformed JSON"));
  const std::string nested =
      "{\"about\": " + std::string(150000, '[') + std::string(150000, ']') + "}";
  const auto wrong_type = parse_metadata(nested, "nested.json", lax);
  REQUIRE(std::holds_alternative<Diagnostic>(wrong_type));
  CHECK_THAT(std::get<Diagnostic>(wrong_type).to_string(),
             Contains("\"about\" must be a string or null"));
  // Brackets inside strings are text, not nesting.
  const auto in_text = parse_metadata("{\"title\": \"" + std::string(100, '[') + "\"}", "t.json");
  CHECK(std::holds_alternative<Metadata>(in_text));

  const std::size_t limit = Limits{}.metadata_bytes;
  std::string big = "{\"title\": \"" + std::string(limit, 'x') + "\"}";
  const auto too_big = parse_metadata(big, "big.json");
  REQUIRE(std::holds_alternative<Diagnostic>(too_big));
  CHECK_THAT(std::get<Diagnostic>(too_big).to_string(),
             Contains("big.json:1:4194305: error: the metadata file is larger than 4194304 "
                      "bytes; not read further (--max-metadata-kb)"));
  Limits small;
  small.metadata_bytes = 10;
  CHECK(std::holds_alternative<Diagnostic>(parse_metadata(R"({"title": "Eleven+"})", "s.json", small)));

  // Escapes that are not control characters stay; "about" is never printed, so may hold any.
  const auto fine = parse_metadata(
      R"({"title": "A \"quoted\" \\u001b title \u00e9", "about": "line one\nline two"})", "f.json");
  REQUIRE(std::holds_alternative<Metadata>(fine));
  CHECK(std::get<Metadata>(fine).title == "A \"quoted\" \\u001b title \xC3\xA9");
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

TEST_CASE("metadata: a stray byte or a byte order mark before the object hides no control "
          "character (found by tools/fuzz meta)",
          "[ingest]") {
  // The fuzzer's input: a lone 0xEF before '{' (RapidJSON passed over it) and a raw DEL in
  // the title, which was then stored.
  const std::string found = claimgraph::testing::read_file(
      claimgraph::testing::source_dir() + "/tests/data/fuzz/meta_stray_byte_before_object.meta.json");
  auto parsed = parse_metadata(found, "m.meta.json");
  REQUIRE(std::holds_alternative<Diagnostic>(parsed));
  CHECK_THAT(std::get<Diagnostic>(parsed).to_string(),
             Contains("m.meta.json:1:1: error: invalid UTF-8: byte 0xEF"));
  // A real byte order mark is fine, and the values after it are checked all the same.
  parsed = parse_metadata("\xEF\xBB\xBF{\"title\": \"A \x7F title\"}", "m.meta.json");
  REQUIRE(std::holds_alternative<Diagnostic>(parsed));
  CHECK_THAT(std::get<Diagnostic>(parsed).to_string(), Contains("U+007F"));
  parsed = parse_metadata("\xEF\xBB\xBF{\"title\": \"A plain title\"}", "m.meta.json");
  REQUIRE(std::holds_alternative<Metadata>(parsed));
  CHECK(std::get<Metadata>(parsed).title == "A plain title");
}

TEST_CASE("metadata: an escape of a lone UTF-16 surrogate is refused (found by tools/fuzz meta)",
          "[ingest]") {
  // The fuzzer's input: an author holding "\uDCDe" with no high surrogate before it, which
  // RapidJSON decodes into bytes that are not UTF-8 (they were stored and printed).
  const std::string found = claimgraph::testing::read_file(
      claimgraph::testing::source_dir() + "/tests/data/fuzz/meta_lone_surrogate_escape.meta.json");
  auto parsed = parse_metadata(found, "m.meta.json");
  REQUIRE(std::holds_alternative<Diagnostic>(parsed));
  CHECK_THAT(std::get<Diagnostic>(parsed).to_string(),
             Contains("m.meta.json:3:") && Contains("\"authors\" holds an escape that is no character"));
  parsed = parse_metadata(R"({"title": "a \udc00 b"})", "m.meta.json");
  REQUIRE(std::holds_alternative<Diagnostic>(parsed));
  CHECK_THAT(std::get<Diagnostic>(parsed).to_string(), Contains("\"title\" holds an escape"));
  // A pair is one character and fine: U+1F600.
  parsed = parse_metadata(R"({"title": "a \ud83d\ude00 b"})", "m.meta.json");
  REQUIRE(std::holds_alternative<Metadata>(parsed));
  CHECK(std::get<Metadata>(parsed).title == "a \xF0\x9F\x98\x80 b");
}
