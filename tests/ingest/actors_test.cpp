#include "ingest/actors/actors.hpp"

#include <catch2/catch.hpp>

#include "support/support.hpp"

using namespace claimgraph::ingest;
using claimgraph::graph::ActorKind;

namespace {

const actors::ActorFinder& finder() {
  static const actors::ActorFinder f(claimgraph::testing::lexicons().figures);
  return f;
}

std::vector<actors::ActorMention> mentions(const std::string& s) {
  return finder().find(s, claimgraph::graph::Span{0, static_cast<std::uint32_t>(s.size())});
}

// "surface -> canonical (kind)" for each mention.
std::vector<std::string> shown(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& m : mentions(s)) {
    out.push_back(m.surface + " -> " + m.canonical + " (" + std::string(to_string(m.kind)) + ")");
  }
  return out;
}

}  // namespace

TEST_CASE("actors: known actors in every script and spelling", "[ingest]") {
  using V = std::vector<std::string>;
  CHECK(shown("The DPRK and North Korea are one.") ==
        V{"DPRK -> North Korea (country)", "North Korea -> North Korea (country)"});
  CHECK(shown("Рабочие из КНДР приехали в Приморском крае.") ==
        V{"КНДР -> North Korea (country)", "Приморском крае -> Primorye (place)"});
  CHECK(shown("북한 노동자들이 러시아에 있다.") ==
        V{"북한 -> North Korea (country)", "러시아 -> Russia (country)"});
  CHECK(shown("It left the U.S.S.R. for the Russian Federation.") ==
        V{"U.S.S.R. -> Soviet Union (country)", "Russian Federation -> Russia (country)"});
  CHECK(shown("The U.S. State Department’s report came out.") ==
        V{"U.S. State Department -> U.S. State Department (organization)",
          "U.S. -> United States (country)"});
  CHECK(shown("Kim Jong Un met Putin.") ==
        V{"Kim Jong Un -> Kim Jong-un (person)", "Putin -> Vladimir Putin (person)"});
}

TEST_CASE("actors: names the lexicons do not hold, with their kind", "[ingest]") {
  using V = std::vector<std::string>;
  CHECK(shown("Anthony Ruggiero recommends action.") == V{"Anthony Ruggiero -> Anthony Ruggiero (person)"});
  CHECK(shown("The Primorye Province statistical service counted.") ==
        V{"Primorye Province -> Primorye (place)"});
  CHECK(shown("The Amur Regional Migration Office counted them.") ==
        V{"Amur -> Amur (place)", "Regional Migration Office -> Regional Migration Office (organization)"});
  // Titles in quotes, identifiers before a number, sentence openers are no names.
  CHECK(shown("Obama signed Executive Order 13722, titled “Blocking Property of the Government”.") ==
        V{"Obama -> Barack Obama (person)"});
  // "Today" opens the sentence, not the name right after it.
  CHECK(shown("Today Irina Volkova disagrees.") ==
        V{"Irina Volkova -> Irina Volkova (person)"});
  CHECK(shown("Even Chinese workers came.").empty());
}

const actors::NameMatcher& names() {
  static const actors::NameMatcher m(claimgraph::testing::lexicons().names);
  return m;
}

TEST_CASE("actors: a registry keeps every spelling of one actor", "[ingest]") {
  actors::ActorRegistry registry(finder(), &names());
  const auto a = registry.add("DPRK");
  const auto b = registry.add("North Korea");
  const auto c = registry.add("КНДР");
  CHECK(a == b);
  CHECK(b == c);
  const auto d = registry.add("Anthony Rinna", ActorKind::kPerson);
  CHECK(d != a);
  REQUIRE(registry.actors().size() == 2);
  const auto& nk = registry.actors().front();
  CHECK(nk.name == "North Korea");
  CHECK(nk.kind == ActorKind::kCountry);
  CHECK(nk.aliases == std::vector<std::string>{"North Korea", "DPRK", "КНДР"});
}

TEST_CASE("actors: a group of people is of kind group", "[ingest]") {
  // Named by the noun that ends the name (actors.json group_words), in every language.
  for (const char* name : {"local officials", "Russian authorities", "местные власти", "정부 당국"}) {
    INFO(name);
    CHECK(finder().kind_of(name) == ActorKind::kGroup);
  }
  CHECK(finder().kind_of("Ministry of Labor") == ActorKind::kOrganization);
  CHECK(std::string(to_string(ActorKind::kGroup)) == "group");
  CHECK(claimgraph::graph::actor_kind_from("group") == ActorKind::kGroup);
}

TEST_CASE("actors: one person in every script, named after the fullest Latin spelling", "[ingest]") {
  actors::ActorRegistry registry(finder(), &names());
  std::vector<claimgraph::graph::Edge> edges;
  auto add = [&](const char* name) {
    edges.push_back({claimgraph::graph::EdgeKind::kAuthoredBy, "ref", registry.add(name, ActorKind::kPerson)});
  };
  add("Ivakhnyuk I.V.");
  add("Ивахнюк И.В.");
  add("Irina Ivakhnyuk");
  add("이 영 형");
  add("Lee Yŏng Hyŏng");
  add("Lee Yeong-hyeong");
  add("Lankin AS");
  add("Andrei Lankov");
  registry.finish(edges);
  REQUIRE(registry.actors().size() == 4);
  const auto& ivakhnyuk = registry.actors()[0];
  CHECK(ivakhnyuk.name == "Irina Ivakhnyuk");
  CHECK(ivakhnyuk.id == "actor:irina-ivakhnyuk");
  CHECK(ivakhnyuk.aliases ==
        std::vector<std::string>{"Ivakhnyuk I.V.", "Ивахнюк И.В.", "Irina Ivakhnyuk"});
  CHECK(ivakhnyuk.key == "ivahniuk|irina");
  // The edges follow the rename.
  CHECK(edges[0].to == "actor:irina-ivakhnyuk");
  CHECK(edges[2].to == "actor:irina-ivakhnyuk");
  const auto& lee = registry.actors()[1];
  CHECK(lee.name == "Lee Yŏng Hyŏng");
  CHECK(lee.aliases.size() == 3);
  CHECK(registry.actors()[2].name == "Lankin AS");
  CHECK(registry.actors()[3].name == "Andrei Lankov");
}
