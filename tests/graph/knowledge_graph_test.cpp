#include "graph/knowledge_graph.hpp"

#include <catch2/catch.hpp>

using namespace claimgraph::graph;

namespace {

DocumentGraph two_claims(const std::string& sid, const std::string& author) {
  DocumentGraph d;
  d.source.id = sid;
  d.source.path = "/corpus/" + sid + ".txt";
  d.source.file = sid + ".txt";
  d.actors.push_back(Actor{"actor:a", author, ActorKind::kPerson, {author}, "a"});
  d.claims.push_back(Claim{sid + ":c1", sid, {Span{0, 5}}, "Hello", author, 1.0, {}});
  d.claims.push_back(Claim{sid + ":c2", sid, {Span{6, 11}}, "World", author, 1.0, {}});
  Reference r;
  r.id = sid + ":fn1";
  r.source_id = sid;
  r.marker = "1";
  r.raw = "A work.";
  d.references.push_back(r);
  d.edges = {{EdgeKind::kContains, sid, sid + ":c1"},
             {EdgeKind::kContains, sid, sid + ":c2"},
             {EdgeKind::kClaimedBy, sid + ":c1", "actor:a"},
             {EdgeKind::kClaimedBy, sid + ":c2", "actor:a"},
             {EdgeKind::kCites, sid + ":c2", sid + ":fn1"}};
  return d;
}

}  // namespace

TEST_CASE("KnowledgeGraph finds nodes by id, kind and source", "[graph]") {
  KnowledgeGraph g;
  g.add(two_claims("s1", "Ann Author"));
  g.add(two_claims("s2", "Ann Author"));

  CHECK(g.node_count() == 2 + 4 + 2 + 1);  // sources, claims, references, one shared actor
  REQUIRE(g.find("s2:c1"));
  CHECK(g.kind_of(*g.find("s2:c1")) == NodeKind::kClaim);
  CHECK(g.claim(*g.find("s2:c1")).text == "Hello");
  CHECK_FALSE(g.find("s3:c1"));
  CHECK(g.of_kind(NodeKind::kClaim).size() == 4);
  CHECK(g.of_kind(NodeKind::kActor).size() == 1);
  CHECK(g.of_source("s1").size() == 3);  // two claims and a reference
  CHECK(g.of_source("nope").empty());
}

TEST_CASE("KnowledgeGraph walks edges both ways", "[graph]") {
  KnowledgeGraph g;
  g.add(two_claims("s1", "Ann Author"));
  const auto source = *g.find("s1");
  const auto actor = *g.find("actor:a");
  const auto note = *g.find("s1:fn1");
  CHECK(g.out(source, EdgeKind::kContains).size() == 2);
  CHECK(g.in(actor, EdgeKind::kClaimedBy).size() == 2);
  const auto citing = g.in(note, EdgeKind::kCites);
  REQUIRE(citing.size() == 1);
  CHECK(g.id_of(citing.front()) == "s1:c2");
  CHECK(g.out(source, EdgeKind::kCites).empty());
}

TEST_CASE("KnowledgeGraph merges a shared actor's aliases and drops dangling edges", "[graph]") {
  KnowledgeGraph g;
  g.add_actor(Actor{"actor:x", "DPRK", ActorKind::kCountry, {"DPRK"}, "x"});
  g.add_actor(Actor{"actor:x", "North Korea", ActorKind::kCountry, {"North Korea", "DPRK"}, "x"});
  CHECK(g.actor(*g.find("actor:x")).aliases == std::vector<std::string>{"DPRK", "North Korea"});
  CHECK_FALSE(g.add_edge(Edge{EdgeKind::kMentions, "nope", "actor:x"}));
  CHECK(g.dropped_edges() == 1);
  CHECK(g.edge_count() == 0);
}

TEST_CASE("KnowledgeGraph keeps one node per work: references with one work key merge",
          "[graph]") {
  KnowledgeGraph g;
  auto a = two_claims("s1", "Ann Author");
  Reference again = a.references.front();
  again.id = "s1:fn2";
  again.marker = "2";
  a.references.front().work_key = "vashchuk|labor migrants";
  again.work_key = "vashchuk|labor migrants";
  a.references.push_back(again);
  a.edges.push_back({EdgeKind::kCites, "s1:c1", "s1:fn2"});
  g.add(a);
  auto b = two_claims("s2", "Ann Author");
  b.references.front().work_key = "vashchuk|labor migrants";
  g.add(b);

  REQUIRE(g.of_kind(NodeKind::kReference).size() == 1);
  const auto work = *g.find("s1:fn1");
  CHECK(*g.find("s1:fn2") == work);
  CHECK(*g.find("s2:fn1") == work);
  CHECK(g.reference(work).merged_ids == std::vector<std::string>{"s1:fn2", "s2:fn1"});
  CHECK(g.in(work, EdgeKind::kCites).size() == 3);  // s1:c1, s1:c2 and s2:c2
  CHECK(g.of_source("s1").size() == 2 + 1);  // two claims, the work once
  CHECK(g.of_source("s2").size() == 2 + 1);
}

TEST_CASE("KnowledgeGraph keeps one node per person: actors with one match key merge", "[graph]") {
  KnowledgeGraph g;
  g.add_actor(Actor{"actor:irina-ivakhnyuk", "Irina Ivakhnyuk", ActorKind::kPerson,
                    {"Irina Ivakhnyuk", "Ивахнюк И.В."}, "ivahniuk|irina"});
  // Another document's spelling, named otherwise, with the same key.
  g.add_actor(Actor{"actor:ivakhnyuk-irina", "Ivakhnyuk, Irina", ActorKind::kPerson,
                    {"Ivakhnyuk, Irina"}, "ivahniuk|irina"});
  // Same surname, other given name: another person.
  g.add_actor(Actor{"actor:ivan-ivakhnyuk", "Ivan Ivakhnyuk", ActorKind::kPerson,
                    {"Ivan Ivakhnyuk"}, "ivahniuk|ivan"});
  REQUIRE(g.of_kind(NodeKind::kActor).size() == 2);
  const auto irina = *g.find("actor:irina-ivakhnyuk");
  CHECK(*g.find("actor:ivakhnyuk-irina") == irina);
  CHECK(g.actor(irina).aliases ==
        std::vector<std::string>{"Irina Ivakhnyuk", "Ивахнюк И.В.", "Ivakhnyuk, Irina"});
  CHECK(*g.find("actor:ivan-ivakhnyuk") != irina);
}
