// The claimgraph command line on bad input: each error is one line naming the file and
// position, the exit code says what went wrong, and nothing bad is stored.

#include <rapidjson/document.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "graph/store.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

const std::string kGood = "A first sentence is here. A second one follows it.\n";

std::size_t stored_sources(const std::string& db) {
  const auto r = run_claimgraph({"sources", "--json", "--db", db});
  REQUIRE(r.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE(doc.IsArray());
  return doc.Size();
}

}  // namespace

TEST_CASE("cli: each bad input file is refused with its position, the good ones stored",
          "[e2e]") {
  TempDir dir;
  write_file(dir / "in/a_good.txt", kGood);
  write_file(dir / "in/b_utf8.txt", "Fine first line.\nBad \xC3\x28 here.\n");
  write_file(dir / "in/c_empty.txt", "");
  write_file(dir / "in/d_binary.txt", std::string("PK\x03\x04\0\0binary", 12));
  write_file(dir / "in/e_meta.txt", kGood);
  write_file(dir / "in/e_meta.meta.json", "{\"title\": \"T\",\n \"authors\": [\"X\" }");
  write_file(dir / "in/f_good.txt", "Another good sentence stands here.\n");
  const std::string db = dir / "s.db";

  const auto r = run_claimgraph({"ingest", dir / "in", dir / "missing.txt", "--db", db});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("b_utf8.txt:2:5: error: invalid UTF-8: byte 0xC3") &&
                        Contains("(byte 21)"));
  CHECK_THAT(r.err, Contains("c_empty.txt: error: empty file"));
  CHECK_THAT(r.err, Contains("d_binary.txt:1:3: error: binary file"));
  CHECK_THAT(r.err, Contains("e_meta.meta.json:2:18: error: malformed JSON"));
  CHECK_THAT(r.err, Contains("missing.txt: error: no such file or folder"));
  CHECK_THAT(r.out, Contains("added " + (dir / "in/a_good.txt")) &&
                        Contains("added " + (dir / "in/f_good.txt")) && Contains("5 rejected"));
  CHECK(stored_sources(db) == 2);

  const auto json = run_claimgraph({"--json", "ingest", dir / "in", "--db", db});
  CHECK(json.exit_code == 3);
  rapidjson::Document doc;
  doc.Parse(json.out.c_str());
  REQUIRE(doc.IsArray());
  CHECK(doc.Size() == 6);
}

TEST_CASE("cli: a text without metadata is stored with unknown fields and a warning", "[e2e]") {
  TempDir dir;
  write_file(dir / "bare.txt", kGood);
  const auto r = run_claimgraph({"ingest", dir / "bare.txt", "--db", dir / "s.db"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Contains("bare.txt: warning: no metadata (bare.meta.json)"));
  const auto s = run_claimgraph({"sources", "--db", dir / "s.db", "--json"});
  CHECK_THAT(s.out, Contains("\"title\": null") && Contains("\"authors\": []"));
  const auto c = run_claimgraph({"claims", "--db", dir / "s.db", "--json"});
  CHECK_THAT(c.out, Contains("\"claimant\": \"unknown\""));
}

TEST_CASE("cli: a changed file replaces its nodes", "[e2e]") {
  TempDir dir;
  write_file(dir / "a.txt", "One sentence. Two sentences. Three sentences.\n");
  const std::string db = dir / "s.db";
  REQUIRE(run_claimgraph({"ingest", dir / "a.txt", "--db", db}).exit_code == 0);
  write_file(dir / "a.txt", "Only one sentence now.\n");
  const auto r = run_claimgraph({"ingest", dir / "a.txt", "--db", db});
  CHECK_THAT(r.out, Contains("replaced"));
  const auto c = run_claimgraph({"claims", "--db", db});
  CHECK_THAT(c.out, Contains("Only one sentence now.") && Contains("1 claim\n") &&
                        !Contains("Three sentences"));
}

TEST_CASE("cli: stores that cannot be used are refused and left as they were", "[e2e]") {
  TempDir dir;
  write_file(dir / "a.txt", kGood);
  SECTION("not a claimgraph store") {
    write_file(dir / "notes.db", "plain notes\n");
    const auto r = run_claimgraph({"ingest", dir / "a.txt", "--db", dir / "notes.db"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Contains("notes.db: not a claimgraph store"));
    CHECK(read_file(dir / "notes.db") == "plain notes\n");
  }
  SECTION("a newer schema") {
    REQUIRE(run_claimgraph({"ingest", dir / "a.txt", "--db", dir / "s.db"}).exit_code == 0);
    sqlite3* h = nullptr;
    h = claimgraph::testing::open_store_file((dir / "s.db"));
    const std::string newer = std::to_string(claimgraph::graph::Store::kSchemaVersion + 1);
    sqlite3_exec(h, ("PRAGMA user_version = " + newer).c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(h);
    const auto r = run_claimgraph({"claims", "--db", dir / "s.db"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Contains("s.db: store schema version " + newer + " is newer"));
  }
  SECTION("a store locked by another writer") {
    REQUIRE(run_claimgraph({"ingest", dir / "a.txt", "--db", dir / "s.db"}).exit_code == 0);
    write_file(dir / "b.txt", "A different text altogether.\n");
    sqlite3* h = nullptr;
    h = claimgraph::testing::open_store_file((dir / "s.db"));
    REQUIRE(sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    const auto r = run_claimgraph({"ingest", dir / "b.txt", "--db", dir / "s.db"});
    sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Contains("s.db: store is locked by another writer"));
    CHECK(stored_sources(dir / "s.db") == 1);
  }
  SECTION("no store yet") {
    const auto r = run_claimgraph({"sources", "--db", dir / "none.db"});
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Contains("none.db: no store here yet"));
  }
}

TEST_CASE("cli: usage, help and unknown ids", "[e2e]") {
  TempDir dir;
  write_file(dir / "a.txt", kGood);
  const std::string db = dir / "s.db";
  REQUIRE(run_claimgraph({"--db", db, "ingest", dir / "a.txt"}).exit_code == 0);
  for (const char* cmd : {"ingest", "sources", "claims", "show"}) {
    const auto r = run_claimgraph({cmd, "--help"});
    INFO(cmd);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("--db") && Contains("--json"));
  }
  CHECK(run_claimgraph({"frobnicate"}).exit_code == 2);
  CHECK(run_claimgraph({"ingest"}).exit_code == 2);
  const auto missing = run_claimgraph({"show", "a:c99", "--db", db});
  CHECK(missing.exit_code == 5);
  CHECK_THAT(missing.err, Contains("no node with id \"a:c99\""));
  const auto shown = run_claimgraph({"show", "a:c2", "--db", db, "--no-color"});
  CHECK(shown.exit_code == 0);
  CHECK_THAT(shown.out, Contains("a.txt:1:27") && Contains("»A second one follows it.«"));
  CHECK(run_claimgraph({"claims", "--source", "nope", "--db", db}).exit_code == 5);
}
