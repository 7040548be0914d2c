// End to end: what ingest refuses as too large (issue 19). Each limit gives one line naming
// the file and the position where it is crossed, exit 3, and the other files stored; each is
// an option. The defaults are tested by their own values elsewhere (a 150,000-deep .meta.json).

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

// Ingests `dir` with the options given; the run's result and how many sources were stored.
std::pair<RunResult, std::size_t> ingest(const TempDir& dir, std::vector<std::string> options) {
  std::vector<std::string> args = {"ingest", dir / "in", "--db", dir / "s.db"};
  args.insert(args.end(), options.begin(), options.end());
  auto r = run_claimgraph(args);
  const auto sources = run_claimgraph({"sources", "--json", "--db", dir / "s.db"});
  return {r, sources.exit_code == 0 ? parse_json(sources.out).Size() : 0};
}

const std::string kGood = "A short article. It has two sentences.\n";

}  // namespace

TEST_CASE("limits: a document larger than --max-document-mb is refused where it crosses it",
          "[e2e]") {
  TempDir dir;
  write_file(dir / "in/good.txt", kGood);
  std::string big;
  while (big.size() <= (1u << 20)) big += "Line of an overly long article, repeated.\n";
  write_file(dir / "in/big.txt", big);
  auto [r, stored] = ingest(dir, {"--max-document-mb", "1"});
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("big.txt:24967:5: error: the file is larger than 1 MB; not read "
                             "further (--max-document-mb)"));
  CHECK(stored == 1);
  // Under the default limit it is stored.
  std::tie(r, stored) = ingest(dir, {});
  CHECK(r.exit_code == 0);
  CHECK(stored == 2);
}

TEST_CASE("limits: a line longer than --max-line-mb is refused at the byte past it", "[e2e]") {
  TempDir dir;
  write_file(dir / "in/good.txt", kGood);
  std::string line;
  while (line.size() <= (1u << 20) + 100) line += "words without an end ";
  write_file(dir / "in/long.txt", "Title\n\n" + line + "\n");
  const auto [r, stored] = ingest(dir, {"--max-line-mb", "1"});
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("long.txt:3:1048577: error: a line longer than 1 MB (--max-line-mb)"));
  CHECK(stored == 1);
}

TEST_CASE("limits: metadata too deep or too large, by --max-metadata-depth and -kb", "[e2e]") {
  TempDir dir;
  write_file(dir / "in/good.txt", kGood);
  write_file(dir / "in/deep.txt", kGood + "Another line.\n");
  write_file(dir / "in/deep.meta.json", "{\"title\": \"T\",\n \"about\": [[[[\"x\"]]]]}");
  write_file(dir / "in/wide.txt", kGood + "A third line.\n");
  write_file(dir / "in/wide.meta.json", "{\"about\": \"" + std::string(3000, 'x') + "\"}");
  const auto [r, stored] = ingest(dir, {"--max-metadata-depth", "3", "--max-metadata-kb", "2"});
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("deep.meta.json:2:13: error: metadata nested deeper than 3 levels "
                             "(--max-metadata-depth)"));
  CHECK_THAT(r.err, Contains("wide.meta.json:1:2049: error: the metadata file is larger than "
                             "2048 bytes; not read further (--max-metadata-kb)"));
  CHECK(stored == 1);
}

TEST_CASE("limits: more footnotes than --max-footnotes refuse the document at the first past it",
          "[e2e]") {
  TempDir dir;
  const std::string article = "000_cda357074bdec828";
  std::filesystem::create_directories(dir / "in");
  for (const char* ext : {".txt", ".meta.json"}) {
    std::filesystem::copy_file(corpus_dir() + "/" + article + ext, dir / ("in/" + article + ext));
  }
  auto [r, stored] = ingest(dir, {"--max-footnotes", "3"});
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains(article + ".txt:") &&
                        Contains(": error: more than 3 footnotes (--max-footnotes)"));
  CHECK(stored == 0);
  std::tie(r, stored) = ingest(dir, {"--max-footnotes", "7"});
  CHECK(r.exit_code == 0);
  CHECK(stored == 1);
}

TEST_CASE("limits: a limit option out of range is a usage error", "[e2e]") {
  TempDir dir;
  write_file(dir / "in/good.txt", kGood);
  for (const auto& bad : std::vector<std::vector<std::string>>{
           {"--max-document-mb", "0"}, {"--max-footnotes", "-1"}, {"--max-line-mb", "x"}}) {
    const auto [r, stored] = ingest(dir, bad);
    CHECK(r.exit_code == 2);
    CHECK(stored == 0);
  }
}
