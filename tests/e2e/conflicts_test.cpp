// End to end over corpus/: `claimgraph conflicts` and the conflict scores of `eval`.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

TEST_CASE("conflicts: about 20,000 against approximately 30,000, in sides", "[e2e]") {
  // The op-ed has no date: its figure's time is unknown, so the conflict is a candidate, hidden
  // by default and counted under the results.
  const auto plain = run_claimgraph({"conflicts", "--kind", "figure", "--json", "--db", corpus_store()});
  REQUIRE(plain.exit_code == 0);
  CHECK(parse_json(plain.out).Size() == 0);
  CHECK_THAT(plain.err, Contains("1 candidate without a time hidden (--include-undated shows it)"));
  const auto r = run_claimgraph(
      {"conflicts", "--kind", "figure", "--include-undated", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  REQUIRE(all.Size() == 1);
  const auto& c = all[0];
  CHECK(json_str(c["kind"]) == "figure");
  CHECK(json_str(c["topic"]) == "north-korean-workers");
  // The op-ed's date is unknown, two figures are hedged, and one reads its people and place
  // from the sentences before it.
  CHECK(c["confidence"].GetDouble() < 0.5);
  CHECK_THAT(json_str(c["explanation"]), Contains("a place is read from beyond its sentence"));
  CHECK_THAT(json_str(c["explanation"]), Contains("do not overlap") && Contains("unknown"));
  REQUIRE(c["sides"].Size() == 2);
  std::set<std::string> low, high;
  for (const auto& item : c["sides"][0]["items"].GetArray()) low.insert(json_str(item["text"]));
  for (const auto& item : c["sides"][1]["items"].GetArray()) high.insert(json_str(item["text"]));
  CHECK(low == std::set<std::string>{"an estimated 20,000", "around 20,000"});
  CHECK(high == std::set<std::string>{"approximately 30,000"});
  CHECK(json_str(c["sides"][1]["items"][0]["claimant"]) == "Andrei Lankov");
  CHECK(json_str(c["sides"][1]["items"][0]["source"]["outlet"]) == "The Moscow Times");

  // The text listing marks the figure in its sentence and gives file:line:column.
  const auto text = run_claimgraph(
      {"conflicts", "--kind", "figure", "--include-undated", "--no-color", "--db", corpus_store()});
  CHECK_THAT(text.out, Contains("»approximately 30,000«") &&
                           Contains("002_2efc273f6a500918.txt:37:13") && Contains("1 conflict"));
}

TEST_CASE("conflicts: slavery for and against, each quote with its claimant", "[e2e]") {
  const auto r = run_claimgraph({"conflicts", "--kind", "stance", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  REQUIRE(all.Size() == 1);
  const auto& c = all[0];
  CHECK(json_str(c["kind"]) == "stance");
  CHECK(json_str(c["topic"]) == "labor-is-slavery");
  CHECK_THAT(json_str(c["explanation"]), Contains("is slavery"));
  REQUIRE(c["sides"].Size() == 2);
  // claimant of each quoted sentence, per side
  const auto side_of = [&](const std::string& start) {
    for (const auto& side : c["sides"].GetArray()) {
      for (const auto& item : side["items"].GetArray()) {
        if (json_str(item["text"]).rfind(start, 0) == 0) {
          return json_str(item["stance"]) + " " + json_str(item["claimant"]);
        }
      }
    }
    return std::string("none");
  };
  CHECK(side_of("The U.S. State Department’s latest") == "for U.S. State Department");
  CHECK(side_of("It says tens of thousands") == "for U.S. State Department");
  CHECK(side_of("Not only that: they come on contracts") == "for Christopher Green");
  CHECK(side_of("This hardly sounds like slavery.") == "against Andrei Lankov");
  CHECK(side_of("If North Koreans are willing to pay") == "against Andrei Lankov");
  CHECK(side_of("And so they work in Russia voluntarily.") == "against Andrei Lankov");
  CHECK(side_of("The United States’ effort to portray") == "against Andrei Lankov");
  // The proposition's words come from the store (written at ingest), not from a lexicon the
  // query reads: a missing lexicon folder changes nothing.
  const auto no_lexicons = run_claimgraph({"conflicts", "--kind", "stance", "--json", "--lexicons",
                                           "/nonexistent", "--db", corpus_store()});
  CHECK(no_lexicons.out == r.out);
}

TEST_CASE("conflicts: the filters select, bad ones are refused", "[e2e]") {
  const auto count = [](std::vector<std::string> args) {
    args.insert(args.begin(), {"conflicts", "--json"});
    args.insert(args.end(), {"--db", corpus_store()});
    const auto r = run_claimgraph(args);
    REQUIRE(r.exit_code == 0);
    return parse_json(r.out).Size();
  };
  CHECK(count({}) == 1);  // the stance conflict; the figure conflict's time is unknown
  CHECK(count({"--include-undated"}) == 2);
  CHECK(count({"--include-undated", "--measure", "workers"}) == 1);
  CHECK(count({"--include-undated", "--measure", "permits"}) == 0);  // 35,000 permits: nothing
  CHECK(count({"--include-undated", "--actor", "Lankov"}) == 2);
  CHECK(count({"--include-undated", "--actor", "Ruggiero"}) == 0);
  CHECK(count({"--include-undated", "--source", "002_2efc273f6a500918"}) == 2);
  CHECK(count({"--include-undated", "--kind", "figure", "--min-confidence", "0.9"}) == 0);
  // Below the default threshold of 0.4 once its confidence is asked above the conflict's.
  const auto high = run_claimgraph({"conflicts", "--include-undated", "--kind", "figure",
                                    "--min-confidence", "0.9", "--db", corpus_store()});
  CHECK_THAT(high.out, Contains("1 conflict below confidence 0.90 hidden"));

  const auto no_source = run_claimgraph({"conflicts", "--source", "nope", "--db", corpus_store()});
  CHECK(no_source.exit_code == 5);
  CHECK_THAT(no_source.err, Contains("nope"));
  const auto bad_kind = run_claimgraph({"conflicts", "--kind", "mood", "--db", corpus_store()});
  CHECK(bad_kind.exit_code == 2);
  const auto bad_confidence =
      run_claimgraph({"conflicts", "--min-confidence", "2", "--db", corpus_store()});
  CHECK(bad_confidence.exit_code == 2);
}

TEST_CASE("eval: both conflicts of the gold found, no non-conflict reported", "[e2e]") {
  const auto r = run_claimgraph({"eval", source_dir() + "/tests/data/seeds.json", "--json", "--db",
                                 corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto e = parse_json(r.out);
  CHECK(e["conflicts"]["required_found"].GetInt() == e["conflicts"]["required_total"].GetInt());
  CHECK(e["conflicts"]["stance_items_right"].GetInt() == e["conflicts"]["stance_items_total"].GetInt());
  CHECK(e["conflicts"]["false_conflicts"].GetInt() == 0);
  CHECK(e["conflicts"]["precision"].GetDouble() >= 0.9);
}
