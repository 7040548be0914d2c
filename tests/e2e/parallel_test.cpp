// `claimgraph ingest --jobs N`: documents parsed on N threads, written by one, give the same
// store and the same report as --jobs 1, duplicate names and bad files included.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

// The report lines without the closing line (which names the store and the time).
std::string report_lines(const std::string& out) {
  return out.substr(0, out.rfind("ingested "));
}

}  // namespace

TEST_CASE("ingest --jobs: the same store and report as one thread", "[e2e]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "in/one");
  std::filesystem::create_directories(dir / "in/two");
  // Two documents named alike (ids a and a-2, in input order), a bad file between them, the
  // corpus and our articles.
  write_file(dir / "in/one/a.txt", "First folder. It says 20,000 workers came in 2015.\n");
  write_file(dir / "in/two/a.txt", "Second folder. About 30,000 workers came in 2015.\n");
  write_file(dir / "in/one/bad.txt", std::string("Broken \xC3 byte.\n"));
  for (const auto& f : std::filesystem::directory_iterator(corpus_dir())) {
    if (f.is_regular_file()) std::filesystem::copy(f.path(), dir / ("in/" + f.path().filename().string()));
  }
  for (const auto& f : std::filesystem::directory_iterator(source_dir() + "/tests/data/articles")) {
    std::filesystem::copy(f.path(), dir / ("in/two/" + f.path().filename().string()));
  }
  const auto one = run_claimgraph({"ingest", dir / "in", "--jobs", "1", "--db", dir / "one.db"});
  const auto four = run_claimgraph({"ingest", dir / "in", "--jobs", "4", "--db", dir / "four.db"});
  CHECK(one.exit_code == 3);  // the bad file
  CHECK(four.exit_code == one.exit_code);
  CHECK(report_lines(four.out) == report_lines(one.out));
  CHECK(four.err == one.err);
  CHECK_THAT(one.out, Contains(" as a:") && Contains(" as a-2:"));
  for (const char* command : {"sources", "claims", "figures", "references", "actors", "conflicts"}) {
    INFO(command);
    const auto a = run_claimgraph({command, "--json", "--db", dir / "one.db"});
    const auto b = run_claimgraph({command, "--json", "--db", dir / "four.db"});
    REQUIRE(a.exit_code == 0);
    CHECK(a.out == b.out);
  }
  // Again with four threads: nothing to redo, reported in order.
  const auto again = run_claimgraph({"ingest", dir / "in", "--jobs", "4", "--db", dir / "four.db"});
  CHECK_THAT(again.out, Contains("unchanged") && !Contains("added"));
}

TEST_CASE("ingest --jobs: a bad count is refused", "[e2e]") {
  TempDir dir;
  const auto r = run_claimgraph({"ingest", corpus_dir(), "--jobs", "0", "--db", dir / "s.db"});
  CHECK(r.exit_code == 2);
}
