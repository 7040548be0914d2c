#include "query/json_output.hpp"
#include "query/text_output.hpp"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "graph/sha256.hpp"
#include <limits>

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
  d.source.content_hash = graph::sha256_hex(d.source.bytes);
  d.claims.push_back(graph::Claim{"s:c1", "s", {{15, 27}}, "Second line.", "Ann", 1, {}});
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

TEST_CASE("figures JSON: value, bound, time and an open bound as the largest double", "[query]") {
  testing::TempDir dir;
  graph::Store store(dir / "s.db");
  graph::DocumentGraph d;
  d.source.id = "s";
  d.source.path = "/x/s.txt";
  d.source.file = "s.txt";
  d.source.bytes = "It has more than 40% of seats.";
  d.source.content_hash = graph::sha256_hex(d.source.bytes);
  d.claims.push_back(graph::Claim{"s:c1", "s", {{0, 30}}, d.source.bytes, "Ann", 1, {}});
  graph::Figure f;
  f.id = "s:g1";
  f.source_id = "s";
  f.claim_id = "s:c1";
  f.span = {7, 20};
  f.text = "more than 40%";
  f.lo = 40;
  f.hi = std::numeric_limits<double>::infinity();
  f.point = 40;
  f.bound = graph::Bound::kAtLeast;
  f.hedge = "more than";
  f.unit = "percent";
  f.measure = "seats";
  f.claimant = "Ann";
  d.figures.push_back(f);
  d.edges.push_back(graph::Edge{graph::EdgeKind::kContains, "s", "s:c1"});
  d.edges.push_back(graph::Edge{graph::EdgeKind::kStates, "s:c1", "s:g1"});
  store.put(d, "k");
  const auto g = store.load();
  query::SourceTexts texts(store);
  const auto json = query::figures_json(g, g.of_kind(graph::NodeKind::kFigure), texts);
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.Size() == 1);
  const auto& j = doc[0];
  CHECK(j["value"]["lo"].GetDouble() == 40);
  CHECK(j["value"]["hi"].GetDouble() == std::numeric_limits<double>::max());
  CHECK(j["value"]["point"].GetDouble() == 40);
  CHECK(std::string(j["bound"].GetString()) == "at_least");
  CHECK(std::string(j["hedge"].GetString()) == "more than");
  CHECK(j["time"].IsNull());
  CHECK(j["place"].IsNull());
  CHECK(std::string(j["claim_id"].GetString()) == "s:c1");
  CHECK(j["span"][0].GetUint() == 7);
  CHECK(std::string(j["source"]["id"].GetString()) == "s");
}

TEST_CASE("terminal_safe shows control characters as escapes and keeps text and white space",
          "[query]") {
  using claimgraph::query::terminal_safe;
  CHECK(terminal_safe("plain Ващук 이영형\ttab\n") == "plain Ващук 이영형\ttab\n");
  CHECK(terminal_safe("a\x1b]0;pwned\x07" "b") == "a\\x1b]0;pwned\\x07b");
  CHECK(terminal_safe("del\x7f c1\xC2\x9B") == "del\\x7f c1\\u009b");
  CHECK(terminal_safe("bad \xC3\x28") == "bad \xEF\xBF\xBD(");
  // CRLF documents and form feeds print as their lines and spaces.
  CHECK(terminal_safe("one\r\ntwo\rthree\ffour\vfive") == "one\ntwo three four five");
  // Our own bold and plain stay only when asked for.
  CHECK(terminal_safe("\x1b[1mx\x1b[0m", true) == "\x1b[1mx\x1b[0m");
  CHECK(terminal_safe("\x1b[1mx\x1b[0m") == "\\x1b[1mx\\x1b[0m");
  CHECK(terminal_safe("\x1b[2J", true) == "\\x1b[2J");
}
