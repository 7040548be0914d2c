#include "query/json_output.hpp"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "support/support.hpp"

using namespace claimgraph;

TEST_CASE("claims JSON has the contract's fields and byte spans", "[query]") {
  testing::TempDir dir;
  graph::Store store(dir / "s.db");
  graph::DocumentGraph d;
  d.source.id = "s";
  d.source.path = "/x/s.txt";
  d.source.file = "s.txt";
  d.source.bytes = "Héllo wörld.\nSecond line.";
  d.source.content_hash = "h";
  d.claims.push_back(graph::Claim{"s:c1", "s", {{15, 27}}, "Second line.", "Ann", 1});
  d.edges.push_back(graph::Edge{graph::EdgeKind::kContains, "s", "s:c1"});
  store.put(d, "k");
  const auto g = store.load();
  query::SourceTexts texts(store);
  const auto json = query::claims_json(g, g.of_kind(graph::NodeKind::kClaim), texts);
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsArray());
  REQUIRE(doc.Size() == 1);
  const auto& c = doc[0];
  CHECK(std::string(c["id"].GetString()) == "s:c1");
  CHECK(c["span"][0].GetUint() == 15);  // "é" and "ö" take two bytes each
  CHECK(c["span"][1].GetUint() == 27);
  CHECK(std::string(c["claimant"].GetString()) == "Ann");
  CHECK(std::string(c["source"]["file"].GetString()) == "s.txt");
  CHECK(c["source"]["date"].IsNull());
  CHECK(c["source"]["authors"].IsArray());
  CHECK(c["figures"].IsArray());
  CHECK(c["actors"].IsArray());
  CHECK(c["cites"].IsArray());
  CHECK(c["location"]["line"].GetUint() == 2);
  CHECK(c["location"]["column"].GetUint() == 1);
}
