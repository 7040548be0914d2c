// An ingest killed between (or inside) documents leaves a store that opens and holds every
// document it finished, whole.

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "graph/store.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;

namespace {

std::int64_t count_sources(const std::string& db) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    return 0;
  }
  sqlite3_busy_timeout(h, 1000);
  sqlite3_stmt* st = nullptr;
  std::int64_t n = 0;
  if (sqlite3_prepare_v2(h, "SELECT count(*) FROM sources", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    n = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return n;
}

}  // namespace

TEST_CASE("an ingest killed mid-way leaves every finished document whole", "[e2e]") {
  TempDir dir;
  const std::string article = read_file(corpus_dir() + "/000_cda357074bdec828.txt");
  const std::string meta = read_file(corpus_dir() + "/000_cda357074bdec828.meta.json");
  constexpr int kFiles = 400;
  for (int i = 0; i < kFiles; ++i) {
    const std::string name = dir / ("in/doc" + std::to_string(1000 + i));
    write_file(name + ".txt", distinct_copy(article, i));
    write_file(name + ".meta.json", meta);
  }
  const std::string db = dir / "s.db";
  const int pid = spawn_claimgraph({"ingest", dir / "in", "--db", db});
  REQUIRE(pid > 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (count_sources(db) < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));

  // What a finished document holds: the same article ingested alone, undisturbed.
  const std::string reference_db = dir / "reference.db";
  REQUIRE(run_claimgraph({"ingest", dir / "in/doc1000.txt", "--db", reference_db}).exit_code == 0);
  const auto whole = claimgraph::graph::Store(reference_db).sources().at(0);
  REQUIRE(whole.claims > 0);

  claimgraph::graph::Store store(db);
  const auto sources = store.sources();
  CHECK(sources.size() >= 3);
  CHECK(sources.size() < static_cast<std::size_t>(kFiles));
  for (const auto& s : sources) {
    INFO(s.source.file);
    CHECK(s.claims == whole.claims);
    CHECK(s.references == whole.references);
  }
  const auto g = store.load();
  CHECK(g.dropped_edges() == 0);
}
