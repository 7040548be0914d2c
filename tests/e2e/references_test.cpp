// End to end over corpus/: `claimgraph references`, `actors`, `show` and the reference and
// actor scores of `eval`, against what the references-and-actors issue promises.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

constexpr const char* kSinoNk = "000_cda357074bdec828";

std::string id(const std::string& local) { return std::string(kSinoNk) + ":" + local; }

const rapidjson::Value* by_id(const rapidjson::Document& all, const std::string& wanted) {
  for (const auto& x : all.GetArray()) {
    if (json_str(x["id"]) == wanted) return &x;
  }
  return nullptr;
}

std::vector<std::string> strings(const rapidjson::Value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.GetArray()) out.push_back(json_str(s));
  return out;
}

}  // namespace

TEST_CASE("references: seven footnotes give six works and the work footnote 7 read them in",
          "[e2e]") {
  const auto r = run_claimgraph({"references", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  std::set<std::string> footnotes;
  for (const auto& x : all.GetArray()) {
    if (json_str(x["kind"]) == "footnote") footnotes.insert(json_str(x["id"]));
  }
  CHECK(footnotes == std::set<std::string>{id("fn1"), id("fn2"), id("fn3"), id("fn4"), id("fn6"),
                                           id("fn7")});

  // Footnotes 2 and 5: one work in Cyrillic and Latin, cited by two sentences.
  const auto* vashchuk = by_id(all, id("fn2"));
  REQUIRE(vashchuk);
  CHECK(strings((*vashchuk)["authors"]) == std::vector<std::string>{"A. S. Vashchuk"});
  CHECK(strings((*vashchuk)["authors_original"]) == std::vector<std::string>{"А. С. Ващук"});
  CHECK(json_str((*vashchuk)["script"]) == "Cyrl");
  CHECK(json_str((*vashchuk)["language"]) == "ru");
  CHECK_THAT(json_str((*vashchuk)["title_original"]), Contains("Трудовые мигранты из КНДР"));
  CHECK(strings((*vashchuk)["also_cited_as"]) == std::vector<std::string>{id("fn5")});
  CHECK((*vashchuk)["cited_by"].Size() == 2);
  CHECK(strings((*vashchuk)["author_actors"]) == std::vector<std::string>{"actor:a-s-vashchuk"});

  // Footnote 3: the romanized title, the Hangul title and the English one apart.
  const auto* lee = by_id(all, id("fn3"));
  REQUIRE(lee);
  CHECK(json_str((*lee)["title_romanized"]) == "Rŏsiaŭi Kŭktonggaebalgwa Pukhan Nodongja");
  CHECK(json_str((*lee)["title_original"]) == "러시아의 극동개발과 북한 노동자");
  CHECK(json_str((*lee)["script"]) == "Hang");

  // Footnote 6: the date ICU read from "March 28, 2016".
  const auto* ivakhnyuk = by_id(all, id("fn6"));
  REQUIRE(ivakhnyuk);
  CHECK(json_str((*ivakhnyuk)["date"]) == "2016-03-28");

  // Footnote 7: cited in a second work, a reference of its own whose bytes start at "cited in".
  const auto* primorye = by_id(all, id("fn7"));
  REQUIRE(primorye);
  CHECK(json_str((*primorye)["cited_in"]) == id("fn7c"));
  const auto* lankin = by_id(all, id("fn7c"));
  REQUIRE(lankin);
  CHECK(json_str((*lankin)["kind"]) == "secondary");
  CHECK(strings((*lankin)["authors"]) == std::vector<std::string>{"Lankin AS"});
  const auto bytes = read_file(corpus_dir() + "/000_cda357074bdec828.txt");
  const auto& span = (*lankin)["span"];
  CHECK(bytes.substr(span[0].GetUint(), 8) == "cited in");
}

TEST_CASE("references: in-text attributions are works of their claimant", "[e2e]") {
  const auto r = run_claimgraph({"references", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  std::map<std::string, std::string> raw_by_author;
  for (const auto& x : all.GetArray()) {
    if (json_str(x["kind"]) != "in_text" && json_str(x["kind"]) != "secondary") continue;
    REQUIRE(x["authors"].Size() == 1);
    raw_by_author[json_str(x["authors"][0])] = json_str(x["raw"]);
  }
  CHECK_THAT(raw_by_author["North Korea in the World"], Contains("According to a fact sheet"));
  CHECK_THAT(raw_by_author["Irina Ivakhnyuk"], Contains("Irina Ivakhnyuk demonstrates"));
  CHECK(raw_by_author.count("U.S. State Department"));
  // The data Irina Ivakhnyuk used: "Federal Migratory Service" is the known actor's spelling.
  CHECK_THAT(raw_by_author["Federal Migration Service"], Contains("Federal Migratory Service"));

  // The sentence's claimant is the attributed source, not the article's author.
  const auto claims = parse_json(run_claimgraph({"claims", "--json", "--db", corpus_store()}).out);
  bool seen = false;
  for (const auto& c : claims.GetArray()) {
    if (json_str(c["text"]).rfind("Indeed, using statistics from Russia", 0) != 0) continue;
    seen = true;
    CHECK(json_str(c["claimant"]) == "Irina Ivakhnyuk");
  }
  CHECK(seen);
}

TEST_CASE("actors: one actor per person and country in every spelling, sorted by name", "[e2e]") {
  const auto r = run_claimgraph({"actors", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  std::map<std::string, std::string> actor_of;  // spelling -> actor id
  std::vector<std::string> names;
  for (const auto& a : all.GetArray()) {
    names.push_back(json_str(a["name"]));
    for (const auto& s : a["aliases"].GetArray()) actor_of[json_str(s)] = json_str(a["id"]);
  }
  const std::vector<std::vector<std::string>> groups = {
      {"Lee Yŏng Hyŏng", "이 영 형", "Lee Yeong-hyeong", "이영형"},
      {"A. S. Vashchuk", "А. С. Ващук"},
      {"Ivakhnyuk I.V.", "Ивахнюк И.В.", "Irina Ivakhnyuk"},
      {"Lankin AS", "Ланкин А.С."},
      {"Soviet Union", "USSR", "U.S.S.R."},
      {"Primorye", "Primorsky Krai", "Приморском крае"},
  };
  for (const auto& group : groups) {
    for (const auto& spelling : group) {
      INFO(spelling);
      REQUIRE(actor_of.count(spelling));
      CHECK(actor_of[spelling] == actor_of[group.front()]);
    }
  }
  CHECK(actor_of["Ivakhnyuk I.V."] == "actor:irina-ivakhnyuk");  // the fullest Latin spelling
  CHECK(actor_of["Lankin AS"] != actor_of["Andrei Lankov"]);
  CHECK(actor_of["Anthony Rinna"] != actor_of["Anthony Ruggiero"]);
  // "Andrei Lankov" before "Anthony Rinna" before "Irina Ivakhnyuk": the root collator's order.
  const auto at = [&](const char* n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  CHECK(at("Andrei Lankov") < at("Anthony Rinna"));
  CHECK(at("Anthony Rinna") < at("Irina Ivakhnyuk"));

  const auto persons = parse_json(
      run_claimgraph({"actors", "--kind", "person", "--json", "--db", corpus_store()}).out);
  for (const auto& a : persons.GetArray()) CHECK(json_str(a["kind"]) == "person");
  CHECK(persons.Size() < all.Size());

  const auto bad = run_claimgraph({"actors", "--kind", "planet", "--db", corpus_store()});
  CHECK(bad.exit_code != 0);
  CHECK_THAT(bad.err, Contains("planet"));
}

TEST_CASE("show: a reference and an actor with every field", "[e2e]") {
  const auto ref = run_claimgraph({"show", id("fn5"), "--db", corpus_store()});
  REQUIRE(ref.exit_code == 0);
  CHECK_THAT(ref.out, Contains("А. С. Ващук") && Contains("also as:") && Contains(id("fn5")));
  const auto actor = run_claimgraph({"show", "actor:irina-ivakhnyuk", "--db", corpus_store()});
  REQUIRE(actor.exit_code == 0);
  CHECK_THAT(actor.out, Contains("Ивахнюк И.В.") && Contains("Ivakhnyuk I.V."));
}

TEST_CASE("eval: references and actors scored against the gold", "[e2e]") {
  const auto r = run_claimgraph({"eval", source_dir() + "/tests/data/seeds.json", "--json", "--db",
                                 corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto e = parse_json(r.out);
  CHECK(e["references"]["found"].GetInt() == e["references"]["total"].GetInt());
  CHECK(e["references"]["field_accuracy"].GetDouble() >= 0.95);
  CHECK(e["references"]["same_work_joined"].GetInt() == 1);
  CHECK(e["actors"]["groups_resolved"].GetInt() == e["actors"]["groups_total"].GetInt());
  CHECK(e["actors"]["distinct_merged"].GetInt() == 0);
}
