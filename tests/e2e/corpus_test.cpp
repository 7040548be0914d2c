// End to end over corpus/: the claimgraph binary ingests both articles and its JSON is
// checked against what the issue promises (no furniture, seven footnotes, spans that cut
// to their text, the pull quote, the editor's note).

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

TEST_CASE("corpus: both articles become sources with their metadata", "[e2e]") {
  const auto r = run_claimgraph({"sources", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto doc = parse_json(r.out);
  REQUIRE(doc.Size() == 2);
  CHECK(json_str(doc[0]["outlet"]) == "Sino-NK");
  CHECK(json_str(doc[0]["date"]) == "2017-09-28");
  CHECK(json_str(doc[0]["authors"][0]) == "Anthony Rinna");
  CHECK(doc[1]["date"].IsNull());
  CHECK(json_str(doc[1]["file"]) == "002_2efc273f6a500918.txt");
  CHECK(doc[0]["claims"].GetUint() > 60);
  CHECK(doc[1]["claims"].GetUint() > 30);
}

TEST_CASE("corpus: claims hold no page furniture and cut to their own text", "[e2e]") {
  const auto r = run_claimgraph({"claims", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto claims = parse_json(r.out);
  std::map<std::string, std::string> bytes;
  for (const auto* f : {"000_cda357074bdec828.txt", "002_2efc273f6a500918.txt"}) {
    bytes[f] = read_file(corpus_dir() + "/" + f);
  }
  const char* furniture[] = {"Support The Moscow Times", "No Comments", "[ + ]", "| Image:",
                             "Oleg Savin / TASS", "Akismet", "small favor to ask",
                             "views expressed in opinion pieces", "Read more", "foreign agent",
                             "please support us", "Roots in the Soviet Era", "By |",
                             "– Christopher Green, Senior Editor"};
  for (const auto& c : claims.GetArray()) {
    const std::string text = json_str(c["text"]);
    INFO(text);
    for (const char* f : furniture) CHECK_THAT(text, !Contains(f));
    CHECK(text != "Continue");
    const auto& file = bytes[json_str(c["source"]["file"])];
    for (const auto& span : c["spans"].GetArray()) {
      const auto b = span[0].GetUint();
      const auto e = span[1].GetUint();
      CHECK(file.substr(b, e - b) == text);
    }
  }
}

TEST_CASE("corpus: seven footnotes with markers 1 to 7, each cited by its sentence", "[e2e]") {
  const auto r = run_claimgraph({"claims", "--json", "--db", corpus_store()});
  const auto claims = parse_json(r.out);
  std::multimap<std::string, std::string> cited_by;  // footnote id -> claim text
  for (const auto& c : claims.GetArray()) {
    for (const auto& ref : c["cites"].GetArray()) {
      const auto id = json_str(ref);
      if (id.find(":fn") != std::string::npos) cited_by.emplace(id, json_str(c["text"]));
    }
  }
  // Footnotes 2 and 5 cite one work: one node, cited by both sentences.
  REQUIRE(cited_by.size() == 7);
  const std::pair<const char*, const char*> expected[] = {
      {"1", "In 2013, the Russian government increased the quota"},
      {"2", "Around the same time, in 1997"},
      {"3", "For Russia, the most important regions"},
      {"4", "Even though North Koreans have worked in Russia for decades"},
      {"5", "Throughout the first decade of the 21st century"},
      {"6", "According to the same data set"},
      {"7", "According to figures provided by the Primorye Province statistical service"},
  };
  for (const auto& [marker, start] : expected) {
    const std::string id = std::string("000_cda357074bdec828:fn") + marker;
    INFO(id);
    const auto shown = run_claimgraph({"show", id, "--json", "--db", corpus_store()});
    REQUIRE(shown.exit_code == 0);
    const auto ref = parse_json(shown.out);
    const auto node = json_str(ref["node"]["id"]);
    CHECK(json_str(ref["node"]["kind"]) == "footnote");
    if (std::string(marker) == "5") {
      CHECK(node == "000_cda357074bdec828:fn2");
    } else {
      CHECK(node == id);
      CHECK(json_str(ref["node"]["marker"]) == marker);
    }
    const auto [b, e] = cited_by.equal_range(node);
    // (A copy of the binding: clang 14 cannot capture a structured binding.)
    CHECK(std::any_of(b, e, [prefix = start](const auto& kv) {
      return kv.second.rfind(prefix, 0) == 0;
    }));
  }
  // Where footnotes end: the body sentence after each is a claim of its own.
  std::set<std::string> texts;
  for (const auto& c : claims.GetArray()) texts.insert(json_str(c["text"]));
  CHECK(texts.count("It stands to reason that the Russian Federation, with a cash-strapped "
                    "economy and dwindling domestic labor force, would be unwilling to sacrifice "
                    "such a cheap supply of labor, one that is beneficial for the economic "
                    "development of the Russian Far East."));
  CHECK(texts.count("Primorye is by far the economic hub of the Russian Far East, incorporating "
                    "as it does the city of Vladivostok."));
  CHECK(texts.count("This has led to some calls for action, as well as actual policy responses, "
                    "particularly in the United States."));
}

TEST_CASE("corpus: the pull quote is one claim and the editor's note is Green's", "[e2e]") {
  const auto r = run_claimgraph({"claims", "--json", "--db", corpus_store()});
  const auto claims = parse_json(r.out);
  int pull_quotes = 0;
  for (const auto& c : claims.GetArray()) {
    const std::string text = json_str(c["text"]);
    if (text.find("their work there can’t rightly be considered slave labor") !=
        std::string::npos) {
      ++pull_quotes;
      CHECK(c["spans"].Size() == 2);
    }
    if (text.find("also a description of modern slavery") != std::string::npos ||
        text.find("Today’s news from the Chinese Ministry of Commerce") == 0) {
      CHECK(json_str(c["claimant"]) == "Christopher Green");
    }
    if (text.find("The UN sanctions that followed") == 0) {
      CHECK(json_str(c["claimant"]) == "Anthony Rinna");
    }
    if (text.find("This hardly sounds like slavery.") == 0) {
      CHECK(json_str(c["claimant"]) == "Andrei Lankov");
    }
  }
  CHECK(pull_quotes == 1);
}

TEST_CASE("corpus: ingesting unchanged files again changes nothing", "[e2e]") {
  const auto before = run_claimgraph({"claims", "--json", "--db", corpus_store()});
  const auto again = run_claimgraph({"ingest", corpus_dir(), "--db", corpus_store()});
  REQUIRE(again.exit_code == 0);
  CHECK_THAT(again.out, Contains("unchanged") && Contains("0 stored, 2 unchanged"));
  const auto after = run_claimgraph({"claims", "--json", "--db", corpus_store()});
  CHECK(before.out == after.out);
}
