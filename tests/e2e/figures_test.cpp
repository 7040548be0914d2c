// End to end over corpus/: `claimgraph figures` and `claimgraph eval` on the two articles,
// against what the figures issue promises and the gold in tests/data/seeds.json.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

// The figure whose text is `text`, from `figures --json`.
const rapidjson::Value& figure(const rapidjson::Document& all, const std::string& text) {
  for (const auto& f : all.GetArray()) {
    if (json_str(f["text"]) == text) return f;
  }
  FAIL("no figure \"" << text << "\"");
  return all[0];
}

}  // namespace

TEST_CASE("figures: 20,000 and 30,000 share a measure, the 35,000 permits have another",
          "[e2e]") {
  const auto r = run_claimgraph({"figures", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto all = parse_json(r.out);
  const auto& estimated = figure(all, "an estimated 20,000");
  const auto& approximately = figure(all, "approximately 30,000");
  const auto& permits = figure(all, "35,000");

  CHECK(estimated["value"]["lo"].GetDouble() == 15000);
  CHECK(estimated["value"]["hi"].GetDouble() == 25000);
  CHECK(estimated["value"]["point"].GetDouble() == 20000);
  CHECK(estimated["approx"].GetBool());
  CHECK(json_str(estimated["hedge"]) == "an estimated");
  CHECK(json_str(estimated["place"]) == "Russia");
  CHECK(json_str(estimated["time"]["from"]).substr(0, 4) == "2017");
  CHECK(json_str(estimated["unit"]) == "persons");

  CHECK(json_str(approximately["place"]) == "Russia");
  CHECK(approximately["time"].IsNull());  // "at present" in an article of unknown date
  CHECK(json_str(approximately["measure"]) == json_str(estimated["measure"]));

  CHECK(json_str(permits["unit"]) == "work permits");
  CHECK(json_str(permits["measure"]) != json_str(estimated["measure"]));
  CHECK(json_str(permits["time"]["from"]) == "2013");

  // Spans cut from the file give the figure's words.
  const auto bytes = read_file(corpus_dir() + "/000_cda357074bdec828.txt");
  const auto& span = estimated["span"];
  CHECK(bytes.substr(span[0].GetUint(), span[1].GetUint() - span[0].GetUint()) ==
        "an estimated 20,000");
}

TEST_CASE("figures: --measure and --source select, the text listing shows file:line",
          "[e2e]") {
  const auto r = run_claimgraph(
      {"figures", "--measure", "work permits", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto permits = parse_json(r.out);
  REQUIRE(permits.Size() == 1);
  CHECK(json_str(permits[0]["text"]) == "35,000");

  const auto t = run_claimgraph({"figures", "--source", "002_2efc273f6a500918", "--db",
                                 corpus_store(), "--no-color"});
  REQUIRE(t.exit_code == 0);
  CHECK_THAT(t.out, Contains("“approximately 30,000”") &&
                        Contains("002_2efc273f6a500918.txt:37:") &&
                        Contains("[25,000, 35,000) point 30,000 approx.") &&
                        Contains("place:    Russia  time: unknown") &&
                        Contains("at most 20  unit: hours per day"));
  CHECK_THAT(t.out, !Contains("000_cda357074bdec828"));

  const auto none = run_claimgraph({"figures", "--source", "nope", "--db", corpus_store()});
  CHECK(none.exit_code == 5);
  CHECK_THAT(none.err, Contains("no source with id \"nope\""));
}

TEST_CASE("figures: show prints a figure with its sentence", "[e2e]") {
  const auto r = run_claimgraph({"show", "002_2efc273f6a500918:g2", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("up to 20 hours a day") && Contains("value:    at most 20") &&
                        Contains("place:    abroad"));
}

TEST_CASE("eval: every required gold figure found, no not-figure reported", "[e2e]") {
  const auto r = run_claimgraph(
      {"eval", source_dir() + "/tests/data/seeds.json", "--json", "--db", corpus_store()});
  REQUIRE(r.exit_code == 0);
  const auto e = parse_json(r.out);
  const auto& f = e["figures"];
  INFO(r.out);
  CHECK(f["recall"].GetDouble() == 1.0);
  CHECK(f["precision"].GetDouble() >= 0.95);
  CHECK(f["not_figure_hits"].GetInt() == 0);
  CHECK(f["unit_agrees"].GetUint() == f["found"].GetUint() + 5);  // optional ones match too
  CHECK(e["references"]["total"].GetUint() == 7);
  CHECK(e["conflicts"]["required_total"].GetUint() == 2);

  const auto text = run_claimgraph(
      {"eval", source_dir() + "/tests/data/seeds.json", "--db", corpus_store()});
  CHECK_THAT(text.out, Contains("recall           1.000"));
}

TEST_CASE("eval: a bad gold file is refused with its position", "[e2e]") {
  TempDir dir;
  write_file(dir / "bad.json", "{\"documents\": [\n  {\"id\": \"x\", \"file\": }\n]}");
  const auto r = run_claimgraph({"eval", dir / "bad.json", "--db", corpus_store()});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("bad.json:2:23") && Contains("malformed JSON"));

  write_file(dir / "nofigure.json",
             R"({"documents": [{"id": "d", "file": "a.txt"}], "figures": [{"id": "F1", "doc": "d"}]})");
  const auto m = run_claimgraph({"eval", dir / "nofigure.json", "--db", corpus_store()});
  CHECK(m.exit_code == 3);
  CHECK_THAT(m.err, Contains("nofigure.json:1:") && Contains("figure \"F1\" needs"));

  write_file(dir / "badconflict.json",
             "{\"documents\": [{\"id\": \"d\", \"file\": \"a.txt\"}],\n"
             " \"conflicts\": [{\"id\": \"K1\", \"kind\": \"figure\", \"sides\": [[\"F1\"]]}]}");
  const auto k = run_claimgraph({"eval", dir / "badconflict.json", "--db", corpus_store()});
  CHECK(k.exit_code == 3);
  CHECK_THAT(k.err, Contains("badconflict.json:2:") && Contains("figure conflict \"K1\" needs"));
  write_file(dir / "nokind.json",
             R"({"documents": [], "conflicts": [{"id": "K9", "kind": "mood"}]})");
  const auto kind = run_claimgraph({"eval", dir / "nokind.json", "--db", corpus_store()});
  CHECK(kind.exit_code == 3);
  CHECK_THAT(kind.err, Contains("nokind.json:1:") && Contains("\"figure\" or \"stance\""));

  const auto missing = run_claimgraph({"eval", dir / "absent.json", "--db", corpus_store()});
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Contains("absent.json") && Contains("cannot read gold file"));
}

TEST_CASE("figures: a count of people is never negative", "[e2e]") {
  TempDir dir;
  write_file(dir / "n.txt",
             "Migration\n\nOfficials said −5,000 workers left the region in 2017, and -3 people "
             "were counted twice. Another 4,000 workers arrived in 2018. "
             "Temperatures fell to −20 degrees.\n");
  REQUIRE(run_claimgraph({"ingest", dir / "n.txt", "--db", dir / "n.db"}).exit_code == 0);
  const auto figures =
      parse_json(run_claimgraph({"figures", "--json", "--db", dir / "n.db"}).out);
  bool four_thousand = false;
  for (const auto& f : figures.GetArray()) {
    INFO(json_str(f["text"]));
    if (json_str(f["unit"]) == "persons") CHECK(f["value"]["lo"].GetDouble() >= 0);
    four_thousand = four_thousand || json_str(f["text"]) == "4,000";
  }
  CHECK(four_thousand);
}
