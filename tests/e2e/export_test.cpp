// End to end: `claimgraph export` read back by readers that are not ours, their counts against
// what claimgraph itself lists: GraphML by Python's xml.etree, the CSV files loaded into Kùzu
// (npm kuzu) by the export's own schema.cypher, the JSON-LD expanded into RDF by npm jsonld.
// The readers are installed by tools/test (Debian's nodejs and python3; npm packages into
// tests/readers/node_modules, which git ignores). Rule: without them the reader checks are
// skipped with a warning, unless CLAIMGRAPH_REQUIRE_READERS is set (tools/test sets it), when
// they fail.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/support.hpp"
#include "graph/json_reader.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

namespace fs = std::filesystem;

std::string program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const auto end = std::min(dirs.find(':', start), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
    if (!dirs.substr(start, end - start).empty() && fs::exists(candidate)) return candidate;
    start = end + 1;
  }
  return {};
}

std::string readers_dir() { return source_dir() + "/tests/readers"; }

// Whether the readers are there; when not, says so (and fails if they are required).
bool have_readers() {
  const bool there = !program("node").empty() && !program("python3").empty() &&
                     fs::exists(readers_dir() + "/node_modules/kuzu") &&
                     fs::exists(readers_dir() + "/node_modules/jsonld");
  if (there) return true;
  if (std::getenv("CLAIMGRAPH_REQUIRE_READERS")) {
    FAIL("the export readers are missing: node, python3 or tests/readers/node_modules");
  }
  WARN("skipped: node, python3 or tests/readers/node_modules missing (tools/test installs them)");
  return false;
}

rapidjson::Document run_reader(const std::string& interpreter, std::vector<std::string> args) {
  const auto r = run_program(program(interpreter), args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

std::size_t member(const rapidjson::Value& object, const char* name) {
  return object.HasMember(name) ? object[name].GetUint64() : 0;
}

// The corpus with one verdict, and what claimgraph lists of it.
struct Exported {
  TempDir dir;
  std::string db = dir / "x.db";
  std::map<std::string, std::size_t> listed;  // node kind -> count by claimgraph's listings
  std::map<std::string, std::size_t> actor_kinds;

  Exported() {
    REQUIRE(run_claimgraph({"ingest", corpus_dir(), "--db", db}).exit_code == 0);
    for (const auto& [command, kind] : std::vector<std::pair<std::string, std::string>>{
             {"sources", "source"}, {"claims", "claim"}, {"figures", "figure"},
             {"actors", "actor"}, {"references", "reference"}}) {
      const auto r = run_claimgraph({command, "--json", "--db", db});
      REQUIRE(r.exit_code == 0);
      listed[kind] = parse_json(r.out).Size();
      if (kind != "actor") continue;
      const auto actors = parse_json(r.out);
      for (const auto& a : actors.GetArray()) ++actor_kinds[json_str(a["kind"])];
    }
    const auto figures = parse_json(run_claimgraph({"figures", "--json", "--db", db}).out);
    REQUIRE(run_claimgraph({"verdict", json_str(figures[0]["id"]), "--prefer", "--reason",
                            "checked against the ministry's table", "--by", "Jane Roe", "--db",
                            db})
                .exit_code == 0);
  }

  RunResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), "export");
    args.insert(args.end(), {"--db", db});
    return run_claimgraph(args);
  }
};

}  // namespace

TEST_CASE("export: GraphML read by xml.etree has every node and edge claimgraph lists",
          "[e2e]") {
  const Exported x;
  const auto r = x.run({"--format", "graphml", "--out", x.dir / "g.graphml"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Contains("exported"));
  // Ids and order are stable: a second export is the same bytes.
  REQUIRE(x.run({"--format", "graphml", "--out", x.dir / "again.graphml"}).exit_code == 0);
  CHECK(read_file(x.dir / "g.graphml") == read_file(x.dir / "again.graphml"));
  // To standard output without --out: the same document.
  CHECK(x.run({"--format", "graphml"}).out == read_file(x.dir / "g.graphml"));
  if (program("python3").empty()) {
    WARN("skipped: python3 is missing");
    return;
  }
  const auto g = run_reader("python3", {readers_dir() + "/graphml_count.py", x.dir / "g.graphml"});
  for (const auto& [kind, n] : x.listed) {
    INFO(kind);
    CHECK(member(g["nodes"], kind.c_str()) == n);
  }
  CHECK(member(g["edges"], "contains") == x.listed.at("claim"));
  CHECK(member(g["edges"], "states") == x.listed.at("figure"));
  CHECK(member(g["edges"], "cites") > 0);
  CHECK(g["dangling_edges"].GetUint64() == 0);
  CHECK(g["undeclared_data"].GetUint64() == 0);
}

TEST_CASE("export: the CSV files load into Kùzu by schema.cypher, counts and a trace agree",
          "[e2e]") {
  const Exported x;
  REQUIRE(x.run({"--format", "csv", "--out", x.dir / "csv"}).exit_code == 0);
  REQUIRE(x.run({"--format", "graphml", "--out", x.dir / "g.graphml"}).exit_code == 0);
  CHECK(fs::exists(x.dir / "csv/schema.cypher"));
  CHECK_THAT(read_file(x.dir / "csv/figures.csv"), Contains("id:ID(Figure)"));
  if (!have_readers()) return;
  const auto k = run_reader("node", {readers_dir() + "/kuzu_load.mjs", x.dir / "csv",
                                     x.dir / "kuzu.db", "000_cda357074bdec828:g4"});
  for (const auto& [kind, table] : std::map<std::string, std::string>{
           {"source", "Source"}, {"claim", "Claim"}, {"figure", "Figure"}, {"actor", "Actor"},
           {"reference", "Reference"}}) {
    INFO(kind);
    CHECK(member(k["nodes"], table.c_str()) == x.listed.at(kind));
  }
  // Every edge kind as many times as in the GraphML export.
  const auto g = run_reader("python3", {readers_dir() + "/graphml_count.py", x.dir / "g.graphml"});
  std::size_t kinds = 0;
  for (const auto& e : claimgraph::graph::members(g["edges"])) {
    std::string table = e.name.GetString();
    for (char& c : table) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    INFO(table);
    CHECK(member(k["edges"], table.c_str()) == e.value.GetUint64());
    ++kinds;
  }
  CHECK(kinds == k["edges"].MemberCount());
  // Figure -> claim -> source -> cited work: 35,000 to footnote 1's work, as `trace` says.
  REQUIRE(k["path"].Size() == 1);
  const auto& path = k["path"][0];
  CHECK(json_str(path["figure"]) == "35,000");
  CHECK(json_str(path["source"]) == "000_cda357074bdec828");
  CHECK(json_str(path["work"]) == "000_cda357074bdec828:fn1");
  const auto trace = parse_json(
      run_claimgraph({"trace", "000_cda357074bdec828:g4", "--json", "--db", x.db}).out);
  CHECK(json_str(path["claim"]) == json_str(trace["claim"]["id"]));
  CHECK(json_str(path["title"]) == json_str(trace["references"][0]["title"]));
}

TEST_CASE("export: JSON-LD expanded by jsonld: a node of its schema.org type for each",
          "[e2e]") {
  const Exported x;
  REQUIRE(x.run({"--format", "jsonld", "--out", x.dir / "x.jsonld"}).exit_code == 0);
  if (!have_readers()) return;
  const auto j = run_reader("node", {readers_dir() + "/jsonld_count.mjs", x.dir / "x.jsonld"});
  const auto& types = j["types"];
  const auto type = [&](const char* name) {
    return member(types, ("https://schema.org/" + std::string(name)).c_str());
  };
  const auto actors = [&](const char* kind) {
    const auto it = x.actor_kinds.find(kind);
    return it == x.actor_kinds.end() ? std::size_t{0} : it->second;
  };
  CHECK(type("NewsArticle") == x.listed.at("source"));
  CHECK(type("Claim") == x.listed.at("claim"));
  CHECK(type("QuantitativeValue") == x.listed.at("figure"));
  CHECK(type("CreativeWork") + type("ScholarlyArticle") == x.listed.at("reference"));
  // The one verdict: a ClaimReview with its rating, and its author a Person of its own.
  CHECK(type("ClaimReview") == 1);
  CHECK(type("Rating") == 1);
  CHECK(type("Person") == actors("person") + 1);
  CHECK(type("Organization") == actors("organization") + actors("group"));
  CHECK(type("Country") == actors("country"));
  CHECK(type("Place") == actors("place"));
  // PROV: each claim derived from its source, each figure from its claim.
  const auto& p = j["predicates"];
  CHECK(member(p, "http://www.w3.org/ns/prov#wasDerivedFrom") ==
        x.listed.at("claim") + x.listed.at("figure"));
  CHECK(member(p, "https://schema.org/appearance") == x.listed.at("claim"));
  CHECK(member(p, "http://www.w3.org/ns/prov#wasQuotedFrom") > 0);
}

TEST_CASE("export: --measure and --source keep what they reach", "[e2e]") {
  const Exported x;
  if (program("python3").empty()) {
    WARN("skipped: python3 is missing");
    return;
  }
  REQUIRE(x.run({"--format", "graphml", "--measure", "workers", "--out", x.dir / "w.graphml"})
              .exit_code == 0);
  const auto w = run_reader("python3", {readers_dir() + "/graphml_count.py", x.dir / "w.graphml"});
  const auto workers = parse_json(
      run_claimgraph({"figures", "--measure", "workers", "--json", "--db", x.db}).out);
  CHECK(member(w["nodes"], "figure") == workers.Size());
  CHECK(member(w["edges"], "states") == workers.Size());
  CHECK(member(w["nodes"], "source") == 2);
  CHECK(member(w["nodes"], "claim") < x.listed.at("claim"));
  CHECK(w["dangling_edges"].GetUint64() == 0);

  REQUIRE(x.run({"--format", "graphml", "--source", "002_2efc273f6a500918", "--out",
                 x.dir / "s.graphml"})
              .exit_code == 0);
  const auto s = run_reader("python3", {readers_dir() + "/graphml_count.py", x.dir / "s.graphml"});
  CHECK(member(s["nodes"], "source") == 1);
  const auto claims = parse_json(
      run_claimgraph({"claims", "--source", "002_2efc273f6a500918", "--json", "--db", x.db}).out);
  CHECK(member(s["nodes"], "claim") == claims.Size());
  CHECK(member(s["edges"], "contains") == claims.Size());
}

TEST_CASE("export: bad requests fail with one line and leave nothing half-written", "[e2e]") {
  const Exported x;
  auto r = x.run({"--format", "csv"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("--out FOLDER"));
  r = x.run({"--format", "graphml", "--source", "nosuch"});
  CHECK(r.exit_code == 5);
  CHECK_THAT(r.err, Contains("no source with id \"nosuch\""));
  r = x.run({"--format", "gexf"});
  CHECK(r.exit_code == 2);
  // A folder that is not an earlier export is not overwritten.
  fs::create_directories(x.dir / "mine");
  write_file(x.dir / "mine/notes.txt", "keep me");
  r = x.run({"--format", "csv", "--out", x.dir / "mine"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("is not a claimgraph export"));
  CHECK(read_file(x.dir / "mine/notes.txt") == "keep me");
  // An earlier export is replaced whole.
  REQUIRE(x.run({"--format", "csv", "--out", x.dir / "csv"}).exit_code == 0);
  write_file(x.dir / "csv/stale.csv", "old");
  REQUIRE(x.run({"--format", "csv", "--out", x.dir / "csv"}).exit_code == 0);
  CHECK_FALSE(fs::exists(x.dir / "csv/stale.csv"));
  // A file that cannot be written: an error naming it, and no partial file beside it.
  r = x.run({"--format", "jsonld", "--out", x.dir / "missing/x.jsonld"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("missing/x.jsonld: cannot write"));
  CHECK(r.err.find('\n') == r.err.size() - 1);
  for (const auto& e : fs::directory_iterator(x.dir.path())) {
    CHECK(e.path().filename().string().find(".partial-") == std::string::npos);
  }
}

TEST_CASE("export: markup in an article stays text", "[e2e]") {
  TempDir dir;
  write_file(dir / "a.txt",
             "Officials said <script>alert(1)</script> & \"30,000\" workers arrived in 2017.\n");
  REQUIRE(run_claimgraph({"ingest", dir / "a.txt", "--db", dir / "x.db"}).exit_code == 0);
  const auto r = run_claimgraph({"export", "--format", "graphml", "--db", dir / "x.db"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;30,000&quot;"));
  if (program("python3").empty()) return;
  write_file(dir / "x.graphml", r.out);
  const auto g = run_reader("python3", {readers_dir() + "/graphml_count.py", dir / "x.graphml"});
  CHECK(member(g["nodes"], "source") == 1);
}
