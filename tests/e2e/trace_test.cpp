// End to end over corpus/: `claimgraph trace` from a figure's words to its sentence, source,
// claimant, cited works and related figures.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

TEST_CASE("trace: 35,000 comes from footnote 1's work", "[e2e]") {
  const auto r = run_claimgraph({"trace", "35,000", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto t = parse_json(r.out);
  CHECK(json_str(t["figure"]["text"]) == "35,000");
  CHECK(json_str(t["claimant"]) == "Anthony Rinna");
  CHECK(json_str(t["source"]["outlet"]) == "Sino-NK");
  CHECK_THAT(json_str(t["claim"]["text"]), Contains("quota of work permits"));
  REQUIRE(t["references"].Size() == 1);
  CHECK(json_str(t["references"][0]["id"]) == "000_cda357074bdec828:fn1");
  CHECK(json_str(t["references"][0]["title"]) == "The Conditions of the North Korean Overseas Labor");
  bool cites = false;
  for (const auto& step : t["chain"].GetArray()) {
    cites = cites || (json_str(step["edge"]) == "cites" &&
                      json_str(step["to"]) == "000_cda357074bdec828:fn1");
  }
  CHECK(cites);
  // Written "35 000" the query finds the same figure.
  const auto spaced = run_claimgraph({"trace", "35 000", "--json", "--db", corpus_store()});
  CHECK(json_str(parse_json(spaced.out)["figure"]["id"]) == json_str(t["figure"]["id"]));
}

TEST_CASE("trace: 30,000 against the Sino-NK figures, the Soviet era a change over time",
          "[e2e]") {
  const auto r = run_claimgraph({"trace", "30,000", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto t = parse_json(r.out);
  CHECK(json_str(t["figure"]["text"]) == "approximately 30,000");
  std::map<std::string, std::string> relation;  // figure text -> relation
  for (const auto& rel : t["related"].GetArray()) {
    relation[json_str(rel["figure"]["text"])] = json_str(rel["relation"]);
  }
  CHECK(relation["an estimated 20,000"] == "conflicts");
  CHECK(relation["around 20,000"] == "conflicts");
  CHECK(relation["between 15,000 and 20,000"] == "changes_over_time");

  const auto text = run_claimgraph({"trace", "30,000", "--no-color", "--db", corpus_store()});
  CHECK_THAT(text.out, Contains("»approximately 30,000«") && Contains("The Moscow Times") &&
                           Contains("changes over time:"));
}

TEST_CASE("trace: original-script titles, in-text sources and the data they drew on", "[e2e]") {
  // "around 10%" cites footnote 6, a Russian work (and, "according to the same data set",
  // Irina Ivakhnyuk's).
  const auto ten = parse_json(
      run_claimgraph({"trace", "around 10%", "--json", "--db", corpus_store()}).out);
  bool footnote = false;
  for (const auto& ref : ten["references"].GetArray()) {
    if (json_str(ref["kind"]) != "footnote") continue;
    footnote = true;
    CHECK(json_str(ref["title_original"]) == "Миграционная политика России – новый этап?");
    CHECK(json_str(ref["authors_original"][0]) == "Ивахнюк И.В.");
  }
  CHECK(footnote);

  // "21%" is Irina Ivakhnyuk's, who used the Federal Migratory Service's statistics: the
  // in-text work, then the data cited in it.
  const auto r = run_claimgraph({"trace", "21%", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto t = parse_json(r.out);
  CHECK(json_str(t["claimant"]) == "Irina Ivakhnyuk");
  REQUIRE(t["references"].Size() == 2);
  CHECK(json_str(t["references"][0]["kind"]) == "in_text");
  CHECK(json_str(t["references"][1]["kind"]) == "secondary");
  CHECK(json_str(t["references"][1]["authors"][0]) == "Federal Migration Service");
  bool cited_in = false;
  for (const auto& step : t["chain"].GetArray()) {
    cited_in = cited_in || (json_str(step["edge"]) == "cited_in" &&
                            json_str(step["to"]) == json_str(t["references"][0]["id"]));
  }
  CHECK(cited_in);
  // "3%" of the same sentence, in 2015, is a change from 21% in 2006, not a conflict.
  for (const auto& rel : t["related"].GetArray()) {
    if (json_str(rel["figure"]["text"]) == "3%") CHECK(json_str(rel["relation"]) != "conflicts");
  }
}

TEST_CASE("trace: nothing matching is a clear error", "[e2e]") {
  const auto r = run_claimgraph({"trace", "987,654", "--db", corpus_store()});
  CHECK(r.exit_code == 5);
  CHECK_THAT(r.err, Contains("987,654"));
}
