#include "graph/store.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <set>

#include "graph/sha256.hpp"
#include "support/fault_vfs.hpp"
#include "support/support.hpp"

using namespace claimgraph::graph;
using Catch::Matchers::Contains;
using claimgraph::testing::TempDir;

namespace {

DocumentGraph document(const std::string& sid, const std::string& bytes, int claims) {
  DocumentGraph d;
  d.source.id = sid;
  d.source.path = "/articles/" + sid + ".txt";
  d.source.file = sid + ".txt";
  d.source.title = "Title of " + sid;
  d.source.authors = {"Ann Author", "Бо Автор"};
  d.source.date = "2017-09-28";
  d.source.content_hash = sha256_hex(bytes);
  d.source.bytes = bytes;
  d.actors.push_back(Actor{"actor:ann", "Ann Author", ActorKind::kPerson, {"Ann Author"}, "ann"});
  Reference r;
  r.id = sid + ":fn1";
  r.source_id = sid;
  r.marker = "1";
  r.span = Span{0, 3};
  r.raw = bytes.substr(0, 3);
  d.references.push_back(r);
  for (int i = 1; i <= claims; ++i) {
    const std::string id = sid + ":c" + std::to_string(i);
    d.claims.push_back(
        Claim{id, sid, {Span{0, 3}, Span{4, 7}}, bytes.substr(0, 3), "Ann Author", 1, {}});
    d.edges.push_back(Edge{EdgeKind::kContains, sid, id});
    d.edges.push_back(Edge{EdgeKind::kClaimedBy, id, "actor:ann"});
  }
  d.edges.push_back(Edge{EdgeKind::kCites, sid + ":c1", sid + ":fn1"});
  d.diagnostics.push_back(sid + ".txt: warning: something to know");
  return d;
}

void raw_exec(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  h = claimgraph::testing::open_store_file(db);
  REQUIRE(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
}

// Each row of the first column `sql` answers, joined by newlines.
std::string raw_rows(const std::string& db, const std::string& sql, int column = 0) {
  sqlite3* h = claimgraph::testing::open_store_file(db);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::string out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    out += reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    out += '\n';
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

// The store's indexes whose names end in "_by_source" other than the edges' one, sorted.
std::vector<std::string> source_indexes(const std::string& db) {
  std::vector<std::string> names;
  std::string rows = raw_rows(db,
                              "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE "
                              "'%\\_by\\_source' ESCAPE '\\' AND name != 'edges_by_source' "
                              "ORDER BY name");
  for (std::size_t at = 0, end; (end = rows.find('\n', at)) != std::string::npos; at = end + 1) {
    names.push_back(rows.substr(at, end - at));
  }
  return names;
}

// How SQLite would answer `sql` (EXPLAIN QUERY PLAN's details).
std::string query_plan(const std::string& db, const std::string& sql) {
  return raw_rows(db, "EXPLAIN QUERY PLAN " + sql, 3);
}

}  // namespace

TEST_CASE("Store keeps a document and loads it back as a KnowledgeGraph", "[graph]") {
  TempDir dir;
  const std::string bytes = "Одна фраза. Two.";
  {
    Store store(dir / "s.db");
    auto doc = document("doc", bytes, 2);
    doc.claims[1].stances = {
        Stance{"labor-is-slavery", Polarity::kAgainst, 0.5, {Span{0, 3}, Span{4, 7}}},
        Stance{"other", Polarity::kFor, 1.0, {}}};
    CHECK(store.put(doc, "key1") == PutResult::kAdded);
  }
  Store store(dir / "s.db", StoreOptions{true, 2000, {}, true});
  const auto g = store.load();
  REQUIRE(g.find("doc"));
  const auto& src = g.source(*g.find("doc"));
  CHECK(src.title == "Title of doc");
  CHECK(src.authors == std::vector<std::string>{"Ann Author", "Бо Автор"});
  CHECK(src.date == "2017-09-28");
  CHECK_FALSE(src.url.has_value());
  CHECK(g.of_kind(NodeKind::kClaim).size() == 2);
  const auto& claim = g.claim(*g.find("doc:c1"));
  CHECK(claim.spans == std::vector<Span>{Span{0, 3}, Span{4, 7}});
  CHECK(claim.stances.empty());
  CHECK(g.claim(*g.find("doc:c2")).stances ==
        std::vector<Stance>{
            Stance{"labor-is-slavery", Polarity::kAgainst, 0.5, {Span{0, 3}, Span{4, 7}}},
            Stance{"other", Polarity::kFor, 1.0, {}}});
  CHECK(g.out(*g.find("doc:c1"), EdgeKind::kCites).size() == 1);
  CHECK(g.reference(*g.find("doc:fn1")).marker == "1");
  CHECK(store.source_bytes("doc") == bytes);
  CHECK(store.diagnostics("doc") ==
        std::vector<std::string>{"doc.txt: warning: something to know"});
  const auto sources = store.sources();
  REQUIRE(sources.size() == 1);
  CHECK(sources[0].claims == 2);
  CHECK(sources[0].references == 1);
}

TEST_CASE("Store leaves an unchanged document alone and replaces a changed one", "[graph]") {
  TempDir dir;
  Store store(dir / "s.db");
  REQUIRE(store.put(document("doc", "abc def", 3), "key1") == PutResult::kAdded);
  CHECK(store.is_current("/articles/doc.txt", "key1"));
  CHECK(store.put(document("doc", "abc def", 3), "key1") == PutResult::kUnchanged);
  CHECK(store.put(document("doc", "xyz def", 1), "key2") == PutResult::kReplaced);
  const auto g = store.load();
  CHECK(g.of_kind(NodeKind::kClaim).size() == 1);
  CHECK_FALSE(g.find("doc:c2"));
  CHECK(g.claim(*g.find("doc:c1")).text == "xyz");
  CHECK(store.assign_source_id("/articles/doc.txt", "doc") == "doc");
  CHECK(store.assign_source_id("/elsewhere/doc.txt", "doc") == "doc-2");
}

TEST_CASE("Store drops actors no document refers to any more", "[graph]") {
  TempDir dir;
  Store store(dir / "s.db");
  store.put(document("doc", "abc def", 1), "key1");
  auto bare = document("doc", "abc def", 0);
  bare.actors.clear();
  bare.edges.clear();
  store.put(bare, "key2");
  CHECK(store.load().of_kind(NodeKind::kActor).empty());
}

TEST_CASE("Store drops the actors a batch left without edges when asked, once", "[graph]") {
  TempDir dir;
  Store store(dir / "s.db");
  store.put(document("doc", "abc def", 1), "key1");
  store.put(document("other", "ghi jkl", 1), "key1");  // also refers to actor:ann
  auto bare = [](const std::string& id) {
    auto d = document(id, "abc def", 0);
    d.actors.clear();
    d.edges.clear();
    return d;
  };
  store.begin_batch();
  store.put(bare("doc"), "key2");
  store.commit_batch();
  store.drop_unused_actors();
  CHECK(store.load().of_kind(NodeKind::kActor).size() == 1);  // "other" still refers to it
  store.begin_batch();
  store.put(bare("other"), "key2");
  store.commit_batch();
  store.drop_unused_actors();
  CHECK(store.load().of_kind(NodeKind::kActor).empty());
}

TEST_CASE("Store writes a document whole or not at all", "[graph]") {
  TempDir dir;
  Store store(dir / "s.db");
  store.put(document("good", "abc def", 1), "k");
  auto broken = document("bad", "abc def", 2);
  broken.claims[1].id = broken.claims[0].id;  // violates the claims primary key mid-way
  CHECK_THROWS_AS(store.put(broken, "k"), StoreError);
  const auto g = store.load();
  CHECK(g.find("good"));
  CHECK_FALSE(g.find("bad"));
  CHECK_FALSE(g.find("bad:c1"));
  CHECK(store.sources().size() == 1);
}

namespace {

std::set<std::string> stored_ids(const std::string& db) {
  std::set<std::string> ids;
  for (const auto& s : Store(db).sources()) ids.insert(s.source.id);
  return ids;
}

}  // namespace

TEST_CASE("Store: a batch the disk cannot hold fails to commit, and earlier batches stay",
          "[graph]") {
  using claimgraph::testing::FaultVfs;
  FaultVfs::install();
  TempDir dir;
  const std::string db = dir / "s.db";
  StoreOptions faulty;
  faulty.vfs = FaultVfs::kName;
  // A first batch committed, a second begun with one document in it.
  const auto first_batch_then_second = [](Store& store) {
    store.begin_batch();
    store.put(document("first", "abc def", 1), "k");
    store.commit_batch();
    store.begin_batch();
    store.put(document("second", "abc def", 2), "k");
  };

  SECTION("the disk fills at COMMIT") {
    {
      Store store(db, faulty);
      first_batch_then_second(store);
      FaultVfs::fail_after(0);
      CHECK_THROWS_WITH(store.commit_batch(), Contains("s.db") && Contains("disk full"));
      FaultVfs::heal();
    }
    CHECK(stored_ids(db) == std::set<std::string>{"first"});
  }
  SECTION("the disk fills inside a put, after SQLite spilled pages: nothing of the batch stays") {
    const auto failures = FaultVfs::failures();
    std::set<std::string> put_ok;
    bool committed = true;
    {
      Store store(db, faulty);
      first_batch_then_second(store);
      put_ok.insert("second");
      // Bigger than SQLite's page cache: pages are written before COMMIT.
      FaultVfs::fail_after(1 << 20);
      const std::string big(24 << 20, 'x');
      try {
        store.put(document("big", big, 1), "k");
        put_ok.insert("big");
      } catch (const StoreError& e) {
        CHECK_THAT(e.what(), Contains("disk full"));
      }
      // A document after the failure is never stored on its own, outside the lost batch.
      try {
        store.put(document("third", "abc def", 1), "k");
        put_ok.insert("third");
      } catch (const StoreError&) {
      }
      try {
        store.commit_batch();
      } catch (const StoreError& e) {
        committed = false;
        CHECK_THAT(e.what(), Contains("disk full"));
      }
      FaultVfs::heal();
    }
    CHECK(FaultVfs::failures() > failures);
    CHECK_FALSE(put_ok.count("big"));
    // commit_batch returned: every put that returned is stored; it threw: none of the batch is.
    std::set<std::string> expected{"first"};
    if (committed) expected.insert(put_ok.begin(), put_ok.end());
    CHECK(stored_ids(db) == expected);
    CHECK_FALSE(committed);
  }
}

TEST_CASE("Store never lets a document replace another file's document that has its id",
          "[graph]") {
  TempDir dir;
  Store store(dir / "s.db");
  auto first = document("a", "abc def", 1);
  first.source.path = "/d1/a.txt";
  auto second = document("a", "ghi jkl", 2);
  second.source.path = "/d2/a.txt";
  CHECK(store.put(first, "k1") == PutResult::kAdded);
  CHECK_THROWS_WITH(store.put(second, "k2"), Contains("source id \"a\" already names /d1/a.txt") &&
                                                 Contains("/d2/a.txt was not stored"));
  const auto sources = store.sources();
  REQUIRE(sources.size() == 1);
  CHECK(sources[0].source.path == "/d1/a.txt");
  CHECK(sources[0].claims == 1);
  // The same path again replaces its own document, as before.
  auto changed = document("a", "mno pqr", 3);
  changed.source.path = "/d1/a.txt";
  CHECK(store.put(changed, "k3") == PutResult::kReplaced);
  CHECK(store.sources().at(0).claims == 3);
}

TEST_CASE("Store keeps figures with their interval, hedge, bound and context", "[graph]") {
  TempDir dir;
  auto d = document("doc", "Around 20,000 and more than 40% of them.", 1);
  Figure f;
  f.id = "doc:g1";
  f.source_id = "doc";
  f.claim_id = "doc:c1";
  f.span = Span{0, 13};
  f.text = "Around 20,000";
  f.lo = 15000;
  f.hi = 25000;
  f.point = 20000;
  f.approx = true;
  f.hedge = "Around";
  f.unit = "persons";
  f.measure = "north-korean-workers";
  f.place = "Russia";
  f.time_from = "2017";
  f.time_to = "2017-09-28";
  f.claimant = "Ann Author";
  Figure open = f;
  open.id = "doc:g2";
  open.text = "more than 40%";
  open.lo = 40;
  open.hi = std::numeric_limits<double>::infinity();
  open.point = 40;
  open.approx = false;
  open.bound = Bound::kAtLeast;
  open.hedge = "more than";
  open.unit = "percent";
  open.place.reset();
  open.time_from.reset();
  open.time_to.reset();
  d.figures = {f, open};
  d.edges.push_back(Edge{EdgeKind::kStates, "doc:c1", "doc:g1"});
  d.edges.push_back(Edge{EdgeKind::kStates, "doc:c1", "doc:g2"});
  {
    Store store(dir / "s.db");
    store.put(d, "key");
  }
  Store store(dir / "s.db", StoreOptions{true, 2000, {}, true});
  const auto g = store.load();
  const auto& a = g.figure(*g.find("doc:g1"));
  CHECK(a.lo == 15000);
  CHECK(a.hi == 25000);
  CHECK(a.point == 20000);
  CHECK(a.approx);
  CHECK(a.hedge == "Around");
  CHECK(a.measure == "north-korean-workers");
  CHECK(a.place == "Russia");
  CHECK(a.time_to == "2017-09-28");
  const auto& b = g.figure(*g.find("doc:g2"));
  CHECK(std::isinf(b.hi));
  CHECK(b.bound == Bound::kAtLeast);
  CHECK_FALSE(b.place.has_value());
  CHECK_FALSE(b.time_from.has_value());
  CHECK(g.out(*g.find("doc:c1"), EdgeKind::kStates).size() == 2);
  CHECK(store.sources()[0].figures == 2);
}

TEST_CASE("Store upgrades an older store when writing, and says so when reading", "[graph]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  { Store store(db); }
  // Version 1: no hedge column, no venue_original or work_key, no stances.
  raw_exec(db,
           "ALTER TABLE figures DROP COLUMN hedge; ALTER TABLE refs DROP COLUMN venue_original; "
           "ALTER TABLE refs DROP COLUMN work_key; ALTER TABLE claims DROP COLUMN stances; "
           "ALTER TABLE figures DROP COLUMN inferred; DROP INDEX sources_by_text; "
           "ALTER TABLE sources DROP COLUMN format; ALTER TABLE sources DROP COLUMN metadata_from; "
           "ALTER TABLE sources DROP COLUMN page; ALTER TABLE sources DROP COLUMN page_offsets; "
           "DROP TABLE lexicon_facts; DROP TABLE verdicts; DROP INDEX claims_by_source; "
           "DROP INDEX figures_by_source; DROP INDEX refs_by_source; "
           "DROP INDEX diagnostics_by_source; PRAGMA user_version = 1;");
  CHECK_THROWS_WITH(Store(db, StoreOptions{true, 2000, {}, true}),
                    Contains("s.db") && Contains("run `claimgraph ingest` once to upgrade it"));
  {
    Store store(db);
    store.put(document("doc", "One. Two.", 1), "key");
  }
  Store store(db, StoreOptions{true, 2000, {}, true});
  CHECK(store.load().of_kind(NodeKind::kClaim).size() == 1);
  CHECK(store.verdicts().empty());
  CHECK(source_indexes(db) == std::vector<std::string>{"claims_by_source", "diagnostics_by_source",
                                                       "figures_by_source", "refs_by_source"});
}

TEST_CASE("Store finds a document's rows by their source, not by a scan of the table", "[graph]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  { Store store(db); }
  CHECK(source_indexes(db) == std::vector<std::string>{"claims_by_source", "diagnostics_by_source",
                                                       "figures_by_source", "refs_by_source"});
  // What a document-only read and the deletion of a replaced document ask of each table.
  for (const std::string table : {"claims", "figures", "refs", "diagnostics"}) {
    INFO(table);
    CHECK_THAT(query_plan(db, "SELECT * FROM " + table + " WHERE source_id = 'x' ORDER BY rowid"),
               Contains("USING INDEX " + table + "_by_source") && !Contains("SCAN"));
  }
}

TEST_CASE("Store keeps verdicts as history, through a replaced source", "[graph]") {
  TempDir dir;
  Store store(dir / "s.db");
  store.put(document("doc", "One. Two.", 1), "key");
  claimgraph::graph::Verdict v;
  v.target = "doc:g1";
  v.target_text = "1";
  v.rank = claimgraph::graph::Rank::kPreferred;
  v.reason = "checked";
  v.by = "Jane Roe";
  v.at = "2026-12-01T10:00:00Z";
  CHECK(store.add_verdict(v) == 1);
  v.rank = claimgraph::graph::Rank::kCleared;
  v.reason.clear();
  CHECK(store.add_verdict(v) == 2);
  // The source replaced by a new ingest: verdicts belong to no source and stay.
  CHECK(store.put(document("doc", "One. Three.", 1), "key2") == PutResult::kReplaced);
  const auto all = store.verdicts();
  REQUIRE(all.size() == 2);
  CHECK(all[0].rank == claimgraph::graph::Rank::kPreferred);
  CHECK(all[0].reason == "checked");
  CHECK(all[1].rank == claimgraph::graph::Rank::kCleared);
  CHECK(all[1].seq == 2);
  // A rank the engine does not know is damage, named with its row.
  raw_exec(dir / "s.db", "UPDATE verdicts SET rank = 'maybe' WHERE seq = 2");
  CHECK_THROWS_WITH(store.verdicts(), Contains("verdicts row \"2\"") && Contains("maybe"));
}

TEST_CASE("Store uses WAL and records its schema version", "[graph]") {
  TempDir dir;
  { Store store(dir / "s.db"); }
  sqlite3* h = nullptr;
  h = claimgraph::testing::open_store_file((dir / "s.db"));
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == Store::kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(h);
}

TEST_CASE("Store refuses what it cannot safely use", "[graph]") {
  TempDir dir;
  SECTION("a newer schema") {
    { Store store(dir / "s.db"); }
    raw_exec(dir / "s.db", "PRAGMA user_version = 99");
    CHECK_THROWS_WITH(Store(dir / "s.db"),
                      Contains("s.db") && Contains("schema version 99 is newer"));
  }
  SECTION("a file that is not a database") {
    claimgraph::testing::write_file(dir / "notes.db", "These are my notes, not a database.\n");
    CHECK_THROWS_WITH(Store(dir / "notes.db"),
                      Contains("notes.db") && Contains("not a claimgraph store"));
    CHECK(claimgraph::testing::read_file(dir / "notes.db") ==
          "These are my notes, not a database.\n");
  }
  SECTION("another program's SQLite database") {
    raw_exec(dir / "other.db", "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    CHECK_THROWS_WITH(Store(dir / "other.db"), Contains("another program"));
  }
  SECTION("a missing store when reading") {
    CHECK_THROWS_WITH(Store(dir / "none.db", StoreOptions{true, 2000, {}, true}),
                      Contains("none.db") && Contains("no store"));
  }
}

TEST_CASE("Store reports a store locked by another writer and stores nothing", "[graph]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  { Store(db).put(document("first", "abc def", 1), "k"); }
  sqlite3* other = nullptr;
  other = claimgraph::testing::open_store_file(db);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  {
    Store store(db, StoreOptions{false, 100, {}, true});
    CHECK_THROWS_WITH(store.put(document("second", "abc def", 1), "k"),
                      Contains("s.db") && Contains("locked by another writer"));
  }
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  Store store(db);
  CHECK(store.sources().size() == 1);
  CHECK_FALSE(store.load().find("second"));
}

TEST_CASE("Store keeps no text its source's bytes hold, no edge its rows imply, and loads both",
          "[graph]") {
  TempDir dir;
  const std::string bytes = "One fact. Two facts here.";
  {
    Store store(dir / "s.db");
    auto doc = document("doc", bytes, 2);
    doc.claims[1].spans = {Span{10, 25}};
    doc.claims[1].text = "Two facts here.";    // the bytes at its span: not stored
    doc.claims[0].text = "written otherwise";  // not the bytes: stored
    Figure f;
    f.id = "doc:g1";
    f.source_id = "doc";
    f.claim_id = "doc:c2";
    f.span = Span{10, 13};
    f.text = "Two";
    f.lo = f.hi = 2;
    f.point = 2;
    f.measure = "facts";
    f.unit = "facts";
    doc.figures.push_back(f);
    doc.edges.push_back(Edge{EdgeKind::kStates, "doc:c2", "doc:g1"});
    store.put(doc, "key");
  }
  // What the file holds.
  sqlite3* h = nullptr;
  h = claimgraph::testing::open_store_file((dir / "s.db"));
  const auto scalar = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(h, sql, -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
  };
  CHECK(scalar("SELECT text FROM claims WHERE id = 'doc:c2'").empty());
  CHECK(scalar("SELECT text FROM claims WHERE id = 'doc:c1'") == "written otherwise");
  CHECK(scalar("SELECT raw FROM refs WHERE id = 'doc:fn1'").empty());  // "One": its bytes
  CHECK(scalar("SELECT count(*) FROM edges WHERE kind IN ('contains', 'states')") == "0");
  CHECK(scalar("SELECT count(*) FROM edges") == "3");  // claimed_by twice, cites once
  sqlite3_close(h);
  // What the graph gets back.
  Store store(dir / "s.db", StoreOptions{true, 2000, {}, true});
  const auto g = store.load();
  CHECK(g.claim(*g.find("doc:c2")).text == "Two facts here.");
  CHECK(g.claim(*g.find("doc:c1")).text == "written otherwise");
  CHECK(g.reference(*g.find("doc:fn1")).raw == "One");
  const auto source = *g.find("doc");
  CHECK(g.out(source, EdgeKind::kContains) ==
        std::vector<Vertex>{*g.find("doc:c1"), *g.find("doc:c2")});
  CHECK(g.out(*g.find("doc:c2"), EdgeKind::kStates) == std::vector<Vertex>{*g.find("doc:g1")});
  CHECK(g.in(*g.find("doc:g1"), EdgeKind::kStates) == std::vector<Vertex>{*g.find("doc:c2")});
  CHECK(g.dropped_edges() == 0);
}
