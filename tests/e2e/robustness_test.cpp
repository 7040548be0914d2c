// The promises README makes under a full disk, two writers at once and hostile input: no
// line says "added" unless its document is stored, no ingest replaces another's documents,
// nothing that is not a regular file is read, bad metadata is refused with its position, a
// damaged store is named, and a store on read-only media can be read.

#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "graph/store.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

// The files a text report lists as added or replaced ("added PATH as ID: ...").
std::set<std::string> reported_stored(const std::string& out) {
  std::set<std::string> files;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    for (const std::string verb : {"added ", "replaced "}) {
      if (line.rfind(verb, 0) == 0) {
        const auto as = line.find(" as ");
        files.insert(line.substr(verb.size(), as - verb.size()));
      }
    }
  }
  return files;
}

std::set<std::string> stored_paths(const std::string& db) {
  claimgraph::graph::StoreOptions reading;
  reading.read_only = true;
  std::set<std::string> files;
  for (const auto& s : claimgraph::graph::Store(db, reading).sources()) files.insert(s.source.path);
  return files;
}

// `n` copies of a corpus article with its metadata under dir/sub, named PREFIX1000.txt...
void copies(const TempDir& dir, const std::string& sub, int n) {
  const std::string article = read_file(corpus_dir() + "/000_cda357074bdec828.txt");
  const std::string meta = read_file(corpus_dir() + "/000_cda357074bdec828.meta.json");
  for (int i = 0; i < n; ++i) {
    const std::string name = dir / (sub + "/doc" + std::to_string(1000 + i));
    write_file(name + ".txt", article);
    write_file(name + ".meta.json", meta);
  }
}

}  // namespace

TEST_CASE("robustness: a full disk stops the ingest, and every file printed as added is stored",
          "[e2e]") {
  TempDir dir;
  copies(dir, "in", 120);
  const std::string db = dir / "s.db";
  RunOptions small_disk;
  small_disk.file_size_limit = 3 << 20;  // no file may grow past 3 MB: the store's files fill up
  const auto r = run_claimgraph({"ingest", dir / "in", "--db", db, "--jobs", "1"}, small_disk);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Contains(db) && Contains("a write failed") &&
                        Contains("were not stored (their batch was rolled back)"));
  const auto printed = reported_stored(r.out);
  CHECK(printed.size() < 120);
  // The store opens afterwards and holds exactly what was printed.
  std::set<std::string> printed_absolute;
  for (const auto& f : printed) printed_absolute.insert(f);
  const auto stored = stored_paths(db);
  CHECK(stored.size() == printed.size());
  for (const auto& f : printed) {
    INFO(f);
    CHECK(stored.count(f) == 1);
  }
}

TEST_CASE("robustness: two ingests into one store at once both store all, neither replaces",
          "[e2e]") {
  TempDir dir;
  copies(dir, "d1", 40);
  copies(dir, "d2", 40);  // the same file names, other folders: ids d1 and d2 would share
  const std::string db = dir / "s.db";
  const int a = spawn_claimgraph({"ingest", dir / "d1", "--db", db}, dir / "a.out", dir / "a.err");
  const int b = spawn_claimgraph({"ingest", dir / "d2", "--db", db}, dir / "b.out", dir / "b.err");
  REQUIRE(a > 0);
  REQUIRE(b > 0);
  const int a_exit = wait_exit(a);
  const int b_exit = wait_exit(b);
  const std::string a_out = read_file(dir / "a.out");
  const std::string b_out = read_file(dir / "b.out");
  INFO(a_out << read_file(dir / "a.err") << b_out << read_file(dir / "b.err"));
  CHECK(a_exit == 0);
  CHECK(b_exit == 0);
  CHECK(reported_stored(a_out).size() == 40);
  CHECK(reported_stored(b_out).size() == 40);
  CHECK_THAT(a_out + b_out, !Contains("replaced"));
  CHECK(stored_paths(db).size() == 80);
}
