// The web page in a real browser (issue 17): headless Chromium (Debian's `chromium`) loads
// the page from `claimgraph serve` on the corpus and an article of our own, runs its script,
// and the DOM it ends with is checked; screenshots go to <build>/screenshots/. Skipped, with a
// message, where Chromium is not installed (tools/test installs it).

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "e2e/server.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

std::vector<std::string> browser_args(std::vector<std::string> more) {
  std::vector<std::string> args = {"--headless=new", "--no-sandbox", "--disable-gpu",
                                   "--disable-dev-shm-usage", "--no-first-run",
                                   "--virtual-time-budget=15000", "--window-size=1366,1000"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The page's DOM once its script is done (the view marks itself data-ready).
std::string dom(const std::string& url) {
  const auto r = run_program(kChromium, browser_args({"--dump-dom", url}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("data-ready=\"true\""));
  return r.out;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("web page: conflicts side by side, a trace as a graph, a source highlighted, text kept text",
          "[e2e]") {
  if (!std::filesystem::exists(kChromium)) {
    WARN("skipped: " << kChromium << " is not installed (tools/test installs Debian's chromium)");
    return;
  }
  TempDir dir;
  const std::string db = dir / "s.db";
  // An article whose text holds markup: it must show as text.
  write_file(dir / "in/markup.txt",
             "Markup in an article\n\nThe report said <script>document.title='pwned'</script> "
             "about 4,000 workers came <img src=x onerror=alert(1)> in 2020.\n");
  write_file(dir / "in/markup.meta.json", R"({"title": "<b>Bold</b> title", "date": "2021-01-01"})");
  REQUIRE(run_claimgraph({"ingest", corpus_dir(), dir / "in", "--db", db}).exit_code == 0);
  // An editor prefers the 30,000 (a reason holding markup, which must stay text too).
  const auto workers =
      parse_json(run_claimgraph({"figures", "--measure", "workers", "--json", "--db", db}).out);
  std::string thirty;
  for (const auto& f : workers.GetArray()) {
    if (std::string(f["text"].GetString()) == "approximately 30,000") thirty = f["id"].GetString();
  }
  REQUIRE(run_claimgraph({"verdict", thirty, "--prefer", "--reason", "<i>the ministry's</i> count",
                          "--by", "Jane Roe", "--at", "2026-12-01", "--db", db})
              .exit_code == 0);
  Server server(dir, db);
  REQUIRE(server.ready());
  const std::string shots = std::string(CLAIMGRAPH_BUILD_DIR) + "/screenshots";
  std::filesystem::create_directories(shots);

  SECTION("the 20,000 against 30,000 conflict, both sides with their claimants") {
    const std::string url = server.url() + "#/conflicts?include-undated=true";
    const auto page = dom(url);
    CHECK_THAT(page, Contains(">an estimated 20,000</a></mark>"));
    CHECK_THAT(page, Contains(">approximately 30,000</a></mark>"));
    CHECK_THAT(page, Contains("<strong>Anthony Rinna</strong>"));
    CHECK_THAT(page, Contains("<strong>Andrei Lankov</strong>"));
    CHECK(count(page, "class=\"side\"") >= 2);
    run_program(kChromium, browser_args({"--screenshot=" + shots + "/conflicts.png", url}));
    CHECK(std::filesystem::file_size(shots + "/conflicts.png") > 20000);
  }
  SECTION("the trace of 35,000 reaches footnote 1's work") {
    const auto trace = parse_json(run_claimgraph({"trace", "35,000", "--json", "--db", db}).out);
    const std::string id = trace["figure"]["id"].GetString();
    const std::string url = server.url() + "#/figure/" + id;
    const auto page = dom(url);
    CHECK_THAT(page, Contains("<svg") && Contains("trace of 35,000"));
    CHECK_THAT(page, Contains("The Conditions of the North"));
    CHECK_THAT(page, Contains("footnote, 2012-12"));
    run_program(kChromium, browser_args({"--screenshot=" + shots + "/trace.png", url}));
    CHECK(std::filesystem::file_size(shots + "/trace.png") > 10000);
  }
  SECTION("the source view marks every figure of the source") {
    const std::string id = "000_cda357074bdec828";
    const auto figures = parse_json(run_claimgraph({"figures", "--source", id, "--json", "--db", db}).out);
    const std::string url = server.url() + "#/source/" + id;
    const auto page = dom(url);
    CHECK(count(page, "<mark>") == figures.Size());
    CHECK_THAT(page, Contains("href=\"#/figure/" + id + "%3Ag4\""));
    run_program(kChromium, browser_args({"--screenshot=" + shots + "/source.png", url}));
    CHECK(std::filesystem::file_size(shots + "/source.png") > 20000);
  }
  SECTION("an editor's verdict: the conflict resolved, the figure preferred, the filters") {
    const auto page = dom(server.url() + "#/conflicts?include-undated=true");
    CHECK_THAT(page, Contains("resolved by an editor"));
    CHECK_THAT(page, Contains("<span class=\"badge preferred\">preferred</span>by <strong>Jane Roe</strong>"));
    CHECK_THAT(page, Contains("&lt;i&gt;the ministry's&lt;/i&gt; count"));
    // Decided conflicts hidden; as of a day before the verdict, the conflict is open again.
    const auto hidden = dom(server.url() + "#/conflicts?include-undated=true&unresolved=true");
    CHECK_THAT(hidden, !Contains(">approximately 30,000</a></mark>"));
    const auto before = dom(server.url() + "#/conflicts?include-undated=true&as-of=2026-11-30");
    CHECK_THAT(before, Contains(">approximately 30,000</a></mark>"));
    CHECK_THAT(before, !Contains("resolved by an editor"));
    const auto figure = dom(server.url() + "#/figure/" + thirty);
    CHECK_THAT(figure, Contains("badge preferred"));
  }
  SECTION("markup in an article stays text") {
    const auto page = dom(server.url() + "#/source/markup");
    CHECK_THAT(page, Contains("&lt;script&gt;document.title='pwned'&lt;/script"));
    CHECK_THAT(page, Contains("&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(page, Contains("&lt;b&gt;Bold&lt;/b&gt; title"));
    CHECK_THAT(page, !Contains("<script>document.title") && !Contains("<img src=\"x\""));
    CHECK_THAT(page, !Contains("<title>pwned"));
  }
}
