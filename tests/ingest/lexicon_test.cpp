#include "ingest/lexicon.hpp"

#include <catch2/catch.hpp>

#include "ingest/furniture.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using Catch::Matchers::Contains;

namespace {

MemoryFileSystem lexicon_files(const std::string& segmentation, const std::string& furniture) {
  MemoryFileSystem fs;
  fs.add("lex/segmentation.json", segmentation);
  fs.add("lex/furniture.json", furniture);
  return fs;
}

constexpr const char* kSegmentation = R"({"abbreviations": ["Dr."], "clause_words": ["is"]})";
constexpr const char* kFurniture =
    R"({"rules": [{"kind": "comments", "scope": "paragraph", "pattern": "^no comments$"}]})";

}  // namespace

TEST_CASE("the project's lexicons load", "[ingest]") {
  const auto& lex = claimgraph::testing::lexicons();
  CHECK(lex.abbreviations.size() > 10);
  CHECK(lex.furniture.size() > 5);
  CHECK(lex.fingerprint.size() == 64);
  CHECK_NOTHROW(FurnitureClassifier(lex));
}

TEST_CASE("a lexicon with an unknown key, bad JSON or a bad pattern is refused", "[ingest]") {
  SECTION("unknown key, with its position") {
    auto fs = lexicon_files("{\"abbreviations\": [],\n \"clause_words\": [], \"abbrevs\": []}",
                            kFurniture);
    CHECK_THROWS_WITH(load_lexicons("lex", fs),
                      Contains("lex/segmentation.json:2:22") && Contains("unknown lexicon key"));
  }
  SECTION("malformed JSON") {
    auto fs = lexicon_files(kSegmentation, "{\"rules\": [}");
    CHECK_THROWS_WITH(load_lexicons("lex", fs),
                      Contains("lex/furniture.json:1:12") && Contains("malformed JSON"));
  }
  SECTION("unknown key in a rule") {
    auto fs = lexicon_files(kSegmentation, R"({"rules": [{"kind": "x", "patern": "y"}]})");
    CHECK_THROWS_WITH(load_lexicons("lex", fs), Contains("rules[0]") && Contains("\"patern\""));
  }
  SECTION("a pattern ICU cannot compile") {
    auto fs = lexicon_files(kSegmentation, R"({"rules": [{"kind": "x", "pattern": "(unclosed"}]})");
    const auto lex = load_lexicons("lex", fs);
    CHECK_THROWS_WITH(FurnitureClassifier(lex),
                      Contains("rules[0]") && Contains("bad regular expression"));
  }
  SECTION("a missing file") {
    MemoryFileSystem fs;
    fs.add("lex/segmentation.json", kSegmentation);
    CHECK_THROWS_WITH(load_lexicons("lex", fs), Contains("lex/furniture.json"));
  }
}
