#include "ingest/lexicon.hpp"

#include <catch2/catch.hpp>

#include "ingest/text/furniture.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using Catch::Matchers::Contains;

namespace {

constexpr const char* kFigureFiles[] = {"figures.json",     "measures.json", "places.json",
                                        "events.json",      "attribution.json", "actors.json",
                                        "references.json",  "names.json",   "frames.json",
                                        "html.json"};

// The given segmentation and furniture lexicons beside the project's figure lexicons.
MemoryFileSystem lexicon_files(const std::string& segmentation, const std::string& furniture) {
  MemoryFileSystem fs;
  fs.add("lex/segmentation.json", segmentation);
  fs.add("lex/furniture.json", furniture);
  for (const char* name : kFigureFiles) {
    fs.add(std::string("lex/") + name,
           claimgraph::testing::read_file(claimgraph::testing::corpus_dir() + "/lexicons/" + name));
  }
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
  CHECK_NOTHROW(text::FurnitureClassifier(lex));
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
    CHECK_THROWS_WITH(text::FurnitureClassifier(lex),
                      Contains("rules[0]") && Contains("bad regular expression"));
  }
  SECTION("unknown key in a measure, with its position") {
    auto fs = lexicon_files(kSegmentation, kFurniture);
    fs.add("lex/measures.json",
           "{\"pronouns\": [], \"same_as_before\": [], \"links\": [],\n"
           " \"measures\": [{\"key\": \"workers\", \"nouns\": [\"workers\"], \"unts\": \"x\"}]}");
    CHECK_THROWS_WITH(load_lexicons("lex", fs), Contains("lex/measures.json:2:56") &&
                                                    Contains("\"unts\"") &&
                                                    Contains("measures[0]"));
  }
  SECTION("a status without its key, an unknown role (issue 15)") {
    auto fs = lexicon_files(kSegmentation, kFurniture);
    fs.add("lex/measures.json",
           "{\"pronouns\": [], \"same_as_before\": [], \"links\": [], \"measures\": [],\n"
           " \"statuses\": [{\"words\": [\"sent\"]}]}");
    CHECK_THROWS_WITH(load_lexicons("lex", fs), Contains("lex/measures.json") &&
                                                    Contains("statuses[0]") && Contains("\"key\""));
    auto roles = lexicon_files(kSegmentation, kFurniture);
    roles.add("lex/places.json",
              "{\"places\": [],\n \"roles\": {\"origin_befor\": [\"from\"]}}");
    CHECK_THROWS_WITH(load_lexicons("lex", roles), Contains("lex/places.json:2:") &&
                                                       Contains("\"origin_befor\""));
  }
  SECTION("a place inside a place the gazetteer does not hold") {
    auto fs = lexicon_files(kSegmentation, kFurniture);
    fs.add("lex/places.json",
           R"({"places": [{"name": "Primorye", "aliases": ["Primorye"], "parent": "Far East"}]})");
    CHECK_THROWS_WITH(load_lexicons("lex", fs), Contains("lex/places.json") &&
                                                    Contains("unknown place \"Far East\""));
  }
  SECTION("a missing figure lexicon") {
    MemoryFileSystem fs;
    fs.add("lex/segmentation.json", kSegmentation);
    fs.add("lex/furniture.json", kFurniture);
    CHECK_THROWS_WITH(load_lexicons("lex", fs),
                      Contains("lex/figures.json") && Contains("cannot read"));
  }
  SECTION("a missing file") {
    MemoryFileSystem fs;
    fs.add("lex/segmentation.json", kSegmentation);
    CHECK_THROWS_WITH(load_lexicons("lex", fs), Contains("lex/furniture.json"));
  }
}
