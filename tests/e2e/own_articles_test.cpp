// End to end over tests/data/articles: two short articles written for these tests, worded
// unlike the corpus, with a figure conflict, look-alikes that are not conflicts (another
// place, another year, another measure), an agreement and a stance conflict.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

const std::string& articles_store() {
  static TempDir dir;
  static const std::string db = dir / "articles.db";
  static const bool ingested = [] {
    const auto r = run_claimgraph({"ingest", source_dir() + "/tests/data/articles", "--db", db});
    REQUIRE(r.exit_code == 0);
    return true;
  }();
  (void)ingested;
  return db;
}

// The figure texts of each side of each listed item.
std::vector<std::vector<std::set<std::string>>> sides(const rapidjson::Document& list) {
  std::vector<std::vector<std::set<std::string>>> out;
  for (const auto& c : list.GetArray()) {
    out.emplace_back();
    for (const auto& side : c["sides"].GetArray()) {
      out.back().emplace_back();
      for (const auto& item : side["items"].GetArray()) out.back().back().insert(json_str(item["text"]));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("own articles: 70,000 against 40,000 in China, not Russia, not 2010, not permits",
          "[e2e]") {
  const auto r = run_claimgraph({"conflicts", "--kind", "figure", "--json", "--db", articles_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  const auto found = sides(all);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == std::vector<std::set<std::string>>{{"some 40,000"}, {"roughly 70,000"}});
  // Reported in March and in May of one year: the times overlap.
  CHECK_THAT(json_str(all[0]["explanation"]), Contains("the times overlap"));
}

TEST_CASE("own articles: 5,000 permits in both, from two sources, agree", "[e2e]") {
  const auto r = run_claimgraph({"agreements", "--kind", "figure", "--json", "--db", articles_store()});
  REQUIRE(r.exit_code == 0);
  const auto found = sides(parse_json(r.out));
  REQUIRE(found.size() == 1);
  CHECK(found[0] == std::vector<std::set<std::string>>{{"about 5,000"}, {"5,000"}});
}

TEST_CASE("own articles: forced labor against 'deny that this is slavery'", "[e2e]") {
  const auto r = run_claimgraph({"conflicts", "--kind", "stance", "--json", "--db", articles_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  REQUIRE(all.Size() == 1);
  REQUIRE(all[0]["sides"].Size() == 2);
  CHECK(json_str(all[0]["sides"][0]["items"][0]["stance"]) == "for");
  CHECK_THAT(json_str(all[0]["sides"][0]["items"][0]["text"]), Contains("forced labor"));
  CHECK(json_str(all[0]["sides"][1]["items"][0]["stance"]) == "against");
  CHECK_THAT(json_str(all[0]["sides"][1]["items"][0]["text"]), Contains("deny that this is slavery"));
}

TEST_CASE("own articles: trace 70,000 shows 40,000 in conflict, 10,000 in 2010 as a change",
          "[e2e]") {
  const auto r = run_claimgraph({"trace", "70,000", "--json", "--db", articles_store()});
  REQUIRE(r.exit_code == 0);
  const auto t = parse_json(r.out);
  CHECK(json_str(t["claimant"]) == "Officials in Dandong");
  std::map<std::string, std::string> relation;
  for (const auto& rel : t["related"].GetArray()) {
    relation[json_str(rel["figure"]["text"])] = json_str(rel["relation"]);
  }
  CHECK(relation["some 40,000"] == "conflicts");
  CHECK(relation["10,000"] == "changes_over_time");
  CHECK(relation["About 30,000"] == "other_place");  // in Russia
}
