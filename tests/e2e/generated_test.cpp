// End to end over generated corpora: claimgraph-gen-corpus writes the same articles for the
// same seed, and the engine finds every planted conflict and none else.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

std::string all_files(const std::string& dir) {
  std::vector<std::string> paths;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    if (f.is_regular_file()) paths.push_back(f.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::string out;
  for (const auto& p : paths) out += p.substr(dir.size()) + "\n" + read_file(p);
  return out;
}

}  // namespace

TEST_CASE("gen-corpus: one seed, one corpus, another seed, another", "[e2e]") {
  TempDir dir;
  for (const char* out : {"a", "b"}) {
    const auto r = run_program(gen_corpus_binary(),
                               {"--out", dir / out, "--articles", "25", "--seed", "42"});
    REQUIRE(r.exit_code == 0);
  }
  REQUIRE(run_program(gen_corpus_binary(), {"--out", dir / "c", "--articles", "25", "--seed", "43"})
              .exit_code == 0);
  CHECK(all_files(dir / "a") == all_files(dir / "b"));
  CHECK(all_files(dir / "a") != all_files(dir / "c"));
  // Sized by bytes.
  const auto sized = run_program(gen_corpus_binary(), {"--out", dir / "d", "--bytes", "20K"});
  REQUIRE(sized.exit_code == 0);
  CHECK_THAT(sized.err, Contains("bytes of text"));
  CHECK(run_program(gen_corpus_binary(), {"--out", dir / "e"}).exit_code == 2);
  CHECK(run_program(gen_corpus_binary(), {"--out", dir / "e", "--bytes", "lots"}).exit_code == 2);
}

TEST_CASE("gen-corpus: every planted conflict found, no look-alike reported", "[e2e]") {
  TempDir dir;
  REQUIRE(run_program(gen_corpus_binary(), {"--out", dir / "gen", "--articles", "300", "--seed", "5"})
              .exit_code == 0);
  REQUIRE(run_claimgraph({"ingest", dir / "gen", "--db", dir / "g.db"}).exit_code == 0);
  const auto r = run_claimgraph({"eval", dir / "gen/gold.json", "--json", "--db", dir / "g.db"});
  REQUIRE(r.exit_code == 0);
  const auto e = parse_json(r.out);
  const auto& c = e["conflicts"];
  CHECK(c["required_total"].GetInt() > 10);
  CHECK(c["required_found"].GetInt() == c["required_total"].GetInt());
  CHECK(c["precision"].GetDouble() == 1.0);
  CHECK(c["false_conflicts"].GetInt() == 0);
  CHECK(c["stance_items_right"].GetInt() == c["stance_items_total"].GetInt());
}
