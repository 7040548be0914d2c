// What happens while an ingest runs: readers (the CLI's queries, the server) never fail and
// never see half a document; a file rewritten while it is ingested is stored as one of its
// versions or refused.

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "graph/store.hpp"
#include "server.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

// Whether the child still runs; once it has ended, its exit code goes into `*exit_code`
// (waitpid collects it once: a later wait would find no child).
bool running(int pid, int* exit_code) {
  int status = 0;
  if (waitpid(pid, &status, WNOHANG) == 0) return true;
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return false;
}

// Every source of a `sources --json` answer has all its claims: `claims` each, no fewer.
void check_whole(const std::string& json, std::size_t claims, std::size_t* seen) {
  const auto doc = parse_json(json);
  REQUIRE(doc.IsArray());
  for (const auto& s : doc.GetArray()) {
    INFO(json_str(s["file"]));
    CHECK(s["claims"].GetUint64() == claims);
  }
  *seen = doc.Size();
}

}  // namespace

TEST_CASE("readers during an ingest never fail and never see half a document", "[e2e][faults]") {
  TempDir dir;
  const std::string article = read_file(corpus_dir() + "/000_cda357074bdec828.txt");
  const std::string db = dir / "s.db";
  write_file(dir / "first/doc0.txt", distinct_copy(article, 0));
  REQUIRE(run_claimgraph({"ingest", dir / "first", "--db", db}).exit_code == 0);
  const auto claims = claimgraph::graph::Store(db).sources().at(0).claims;
  REQUIRE(claims > 0);
  constexpr int kDocs = 80;
  for (int i = 1; i <= kDocs; ++i) {
    write_file(dir / ("in/doc" + std::to_string(1000 + i) + ".txt"), distinct_copy(article, i));
  }
  Server server(dir, db);
  REQUIRE(server.ready());
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(60, 0);

  const int pid = spawn_claimgraph({"ingest", dir / "in", "--db", db}, dir / "out", dir / "err");
  REQUIRE(pid > 0);
  std::size_t cli_reads = 0, server_reads = 0, seen = 0, most = 0, while_running = 0;
  int exit_code = -1;
  for (bool last = false; !last;) {
    last = !running(pid, &exit_code);  // one more round of reads after the ingest ended
    if (!last) ++while_running;
    const auto sources = run_claimgraph({"sources", "--db", db, "--json"});
    REQUIRE(sources.exit_code == 0);
    check_whole(sources.out, claims, &seen);
    most = std::max(most, seen);
    const auto conflicts = run_claimgraph({"conflicts", "--db", db, "--json"});
    INFO(conflicts.err);
    REQUIRE(conflicts.exit_code == 0);
    CHECK(parse_json(conflicts.out).IsArray());
    cli_reads += 2;

    const auto listed = client.Get("/api/sources");
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    check_whole(listed->body, claims, &seen);
    const auto found = client.Get("/api/conflicts");
    REQUIRE(found);
    INFO(found->body.substr(0, 300));
    REQUIRE(found->status == 200);
    CHECK(parse_json(found->body).IsArray());
    server_reads += 2;
  }
  INFO(cli_reads << " CLI reads, " << server_reads << " server reads");
  CHECK(exit_code == 0);
  // The reads overlapped the ingest, and the last saw every document.
  CHECK(while_running >= 1);
  CHECK(most == kDocs + 1);
}

TEST_CASE("a file rewritten again and again while ingested is stored as one version or refused",
          "[e2e][faults]") {
  TempDir dir;
  const std::string article = read_file(corpus_dir() + "/000_cda357074bdec828.txt");
  // Two versions of different lengths, different from their first byte and longer than one
  // chunk of the reader (64 KB), so that a mix of the two is told from either.
  const std::string a = "Version A.\n" + article + article + article + article;
  const std::string b = "The other version.\n" + distinct_copy(article, 7) +
                        distinct_copy(article, 8) + article + article;
  REQUIRE(a.size() > (1 << 16));
  const std::string path = dir / "in/changing.txt";
  std::filesystem::create_directories(dir / "in");
  std::atomic<bool> stop{false};
  std::atomic<long> rewrites{0};
  std::thread writer([&] {
    for (bool flip = false; !stop; flip = !flip) {
      std::ofstream(path, std::ios::binary | std::ios::trunc) << (flip ? b : a);
      ++rewrites;
    }
  });
  // A version is written by truncation then writes the kernel may pause between, so the file
  // is, from moment to moment, a prefix of one version or the other: what is stored must be
  // the bytes of one such moment (and whole: its claims are those of its bytes), never a mix.
  const auto is_prefix_of = [](const std::string& part, const std::string& whole) {
    return !part.empty() && whole.compare(0, part.size(), part) == 0;
  };
  int stored = 0, whole_versions = 0, refused = 0;
  for (int run = 0; run < 12; ++run) {
    INFO("run " << run);
    const std::string db = dir / ("s" + std::to_string(run) + ".db");
    const auto result = run_claimgraph({"ingest", path, "--db", db});
    INFO(result.err);
    if (result.exit_code == 0) {
      ++stored;
      claimgraph::graph::Store store(db);
      const auto sources = store.sources();
      REQUIRE(sources.size() == 1);
      const auto bytes = store.source_bytes(sources[0].source.id);
      REQUIRE(bytes);
      CHECK((is_prefix_of(*bytes, a) || is_prefix_of(*bytes, b)));
      if (*bytes == a || *bytes == b) ++whole_versions;
    } else {
      // Refused (changed while read, or read in an instant it was empty or cut inside a
      // character): one line naming the file, and nothing stored.
      ++refused;
      CHECK_THAT(result.err, Contains("changing.txt"));
      CHECK(claimgraph::graph::Store(db).sources().empty());
    }
  }
  stop = true;
  writer.join();
  INFO(stored << " stored (" << whole_versions << " whole versions), " << refused << " refused, "
              << rewrites << " rewrites");
  CHECK(rewrites > 12);
  CHECK(stored + refused == 12);
}
