// End to end: an editor's verdicts on the corpus's figures and stance claims: recorded as
// history, shown by conflicts (resolved, --unresolved, --as-of), figures, show and trace,
// carried through a re-ingest of the same source, and refused with a clear error when wrong.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

// A store of the corpus's two articles, copied so that one can be edited and re-ingested.
struct Desk {
  TempDir dir;
  std::string db = dir / "desk.db";
  std::string articles = dir / "articles";

  Desk() {
    std::filesystem::create_directories(articles);
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir())) {
      if (entry.is_regular_file()) {
        std::filesystem::copy_file(entry.path(), articles + "/" + entry.path().filename().string());
      }
    }
    const auto r = run_claimgraph({"ingest", articles, "--db", db});
    REQUIRE(r.exit_code == 0);
  }

  RunResult run(std::vector<std::string> args) const {
    args.insert(args.end(), {"--db", db});
    return run_claimgraph(args);
  }

  // The figure conflict of the workers' count, as JSON (undated sides shown).
  rapidjson::Document workers_conflict(std::vector<std::string> more = {}) const {
    std::vector<std::string> args = {"conflicts", "--kind", "figure", "--measure", "workers",
                                     "--include-undated", "--json"};
    args.insert(args.end(), more.begin(), more.end());
    const auto r = run(args);
    REQUIRE(r.exit_code == 0);
    return parse_json(r.out);
  }

  // The id of the figure with these words.
  std::string figure(const std::string& words) const {
    const auto r = run({"figures", "--measure", "workers", "--json"});
    const auto figures = parse_json(r.out);
    for (const auto& f : figures.GetArray()) {
      if (json_str(f["text"]) == words) return json_str(f["id"]);
    }
    FAIL("no figure \"" << words << "\"");
    return {};
  }
};

// The verdict of the item with this figure id in a conflicts document; "" when none.
std::string rank_of(const rapidjson::Document& conflicts, const std::string& figure_id) {
  for (const auto& c : conflicts.GetArray()) {
    for (const auto& side : c["sides"].GetArray()) {
      for (const auto& item : side["items"].GetArray()) {
        if (!item["figure_id"].IsString() || json_str(item["figure_id"]) != figure_id) continue;
        return item.HasMember("verdict") ? json_str(item["verdict"]["rank"]) : "";
      }
    }
  }
  return "none found";
}

}  // namespace

TEST_CASE("verdict: two in a row, the history kept, conflicts resolved as of each date",
          "[e2e]") {
  const Desk desk;
  const std::string thirty = desk.figure("approximately 30,000");
  const std::string twenty = desk.figure("an estimated 20,000");

  // Before any verdict: the conflict is open, no item carries one.
  auto before = desk.workers_conflict();
  REQUIRE(before.Size() == 1);
  CHECK_FALSE(before[0]["resolved"].GetBool());
  CHECK(rank_of(before, thirty).empty());

  auto r = desk.run({"verdict", thirty, "--prefer", "--reason", "the ministry's own count",
                     "--by", "Jane Roe", "--at", "2026-12-01T10:00:00Z", "--json"});
  REQUIRE(r.exit_code == 0);
  const auto first = parse_json(r.out);
  CHECK(json_str(first["rank"]) == "preferred");
  CHECK(json_str(first["at"]) == "2026-12-01T10:00:00Z");
  r = desk.run({"verdict", thirty, "--deprecate", "--reason", "an op-ed, not a count", "--by",
                "Rick Poe", "--at", "2026-12-03"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("deprecated by Rick Poe, 2026-12-03T00:00:00Z"));

  // Now: the later verdict is in force. The 30,000's side is wholly deprecated, one side is
  // left: the editor has decided, the conflict is resolved.
  auto now = desk.workers_conflict();
  CHECK(rank_of(now, thirty) == "deprecated");
  CHECK(now[0]["resolved"].GetBool());
  // As of the 2nd: the preference stood, and resolved it as well.
  auto second = desk.workers_conflict({"--as-of", "2026-12-02"});
  CHECK(rank_of(second, thirty) == "preferred");
  CHECK(second[0]["resolved"].GetBool());
  CHECK(desk.workers_conflict({"--as-of", "2026-12-02", "--unresolved"}).Size() == 0);
  // As of the 1st, before ten o'clock: nothing yet, the conflict open.
  auto early = desk.workers_conflict({"--as-of", "2026-12-01T09:59:59Z"});
  CHECK(rank_of(early, thirty).empty());
  CHECK_FALSE(early[0]["resolved"].GetBool());
  CHECK(desk.workers_conflict({"--as-of", "2026-12-01T09:59:59Z", "--unresolved"}).Size() == 1);
  // A date counts the whole day.
  CHECK(rank_of(desk.workers_conflict({"--as-of", "2026-12-01"}), thirty) == "preferred");
  // A deprecated figure on the side of two does not decide: that side still stands.
  REQUIRE(desk.run({"verdict", twenty, "--deprecate", "--reason", "dated", "--by", "Jane Roe",
                    "--at", "2026-12-02"})
              .exit_code == 0);
  auto one_of_two = desk.workers_conflict({"--as-of", "2026-12-02T23:00:00Z"});
  CHECK(rank_of(one_of_two, twenty) == "deprecated");
  CHECK_FALSE(desk.workers_conflict({"--as-of", "2026-12-01T09:59:59Z"})[0]["resolved"].GetBool());

  // The history, both verdicts, in show; the one in force in figures and trace.
  const auto shown = parse_json(desk.run({"show", thirty, "--json"}).out);
  REQUIRE(shown["verdicts"].Size() == 2);
  CHECK(json_str(shown["verdicts"][0]["by"]) == "Jane Roe");
  CHECK(json_str(shown["verdicts"][1]["by"]) == "Rick Poe");
  CHECK(json_str(shown["verdict"]["rank"]) == "deprecated");
  CHECK(json_str(shown["node"]["verdict"]["reason"]) == "an op-ed, not a count");
  const auto traced = parse_json(desk.run({"trace", thirty, "--json"}).out);
  CHECK(json_str(traced["figure"]["verdict"]["rank"]) == "deprecated");
  CHECK_THAT(desk.run({"show", thirty, "--no-color"}).out,
             Contains("history:  preferred by Jane Roe, 2026-12-01T10:00:00Z"));

  const auto hidden = desk.run({"conflicts", "--kind", "figure", "--measure", "workers",
                                "--include-undated", "--unresolved", "--no-color"});
  CHECK_THAT(hidden.out, Contains("0 conflicts"));
  CHECK_THAT(hidden.out, Contains("1 resolved conflict hidden (--unresolved)"));
  // A --clear withdraws the one in force; the earlier ones stay in the history.
  REQUIRE(desk.run({"verdict", thirty, "--clear", "--by", "Jane Roe", "--at", "2026-12-05"})
              .exit_code == 0);
  const auto cleared = desk.workers_conflict();
  CHECK(rank_of(cleared, thirty).empty());
  CHECK(rank_of(cleared, twenty) == "deprecated");
  CHECK_FALSE(cleared[0]["resolved"].GetBool());
  CHECK(parse_json(desk.run({"show", thirty, "--json"}).out)["verdicts"].Size() == 3);
}

TEST_CASE("verdict: carried through a re-ingest of the source, not onto other words", "[e2e]") {
  const Desk desk;
  const std::string thirty = desk.figure("approximately 30,000");
  REQUIRE(desk.run({"verdict", thirty, "--prefer", "--reason", "checked", "--by", "Jane Roe",
                    "--at", "2026-12-01"})
              .exit_code == 0);
  const std::string file =
      desk.articles + "/" + thirty.substr(0, thirty.find(':')) + ".txt";
  const std::string text = read_file(file);

  // The same source edited after the figure (a line added at the end), ingested again.
  write_file(file, text + "\nAn editor's note added later.\n");
  auto r = desk.run({"ingest", desk.articles});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("replaced"));
  CHECK(rank_of(desk.workers_conflict(), thirty) == "preferred");
  CHECK(desk.workers_conflict()[0]["resolved"].GetBool());

  // The figure's words changed: the decision was about other words and is not carried.
  write_file(file, with_replaced(text, "approximately 30,000", "approximately 31,000"));
  REQUIRE(desk.run({"ingest", desk.articles}).exit_code == 0);
  const auto after = desk.workers_conflict();
  REQUIRE(after.Size() == 1);
  CHECK_FALSE(after[0]["resolved"].GetBool());
  CHECK(rank_of(after, thirty).empty());
  // The history still holds it.
  CHECK(parse_json(desk.run({"show", thirty, "--json"}).out)["verdicts"].Size() == 1);
}

TEST_CASE("verdict: a stance claim takes one, a claim without a stance does not", "[e2e]") {
  const Desk desk;
  const auto conflicts = parse_json(desk.run({"conflicts", "--kind", "stance", "--json"}).out);
  REQUIRE(conflicts.Size() >= 1);
  const std::string claim = json_str(conflicts[0]["sides"][0]["items"][0]["claim_id"]);
  REQUIRE(desk.run({"verdict", claim, "--deprecate", "--reason", "quoted out of context", "--by",
                    "Jane Roe"})
              .exit_code == 0);
  const auto after = parse_json(desk.run({"conflicts", "--kind", "stance", "--json"}).out);
  CHECK(json_str(after[0]["sides"][0]["items"][0]["verdict"]["rank"]) == "deprecated");

  // The sentence of a figure, which takes no stance.
  const auto workers = desk.workers_conflict();
  const std::string plain = json_str(workers[0]["sides"][1]["items"][0]["claim_id"]);
  const auto r = desk.run({"verdict", plain, "--prefer", "--reason", "x", "--by", "y"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("takes no stance"));
}

TEST_CASE("verdict: bad input is refused with one line and nothing recorded", "[e2e]") {
  const Desk desk;
  const std::string thirty = desk.figure("approximately 30,000");
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"verdict", "nosuch:g1", "--prefer", "--reason", "r", "--by", "b"}, 5,
       "no figure or claim with id \"nosuch:g1\""},
      {{"verdict", thirty, "--reason", "r", "--by", "b"}, 2,
       "needs one of --prefer, --deprecate, --clear"},
      {{"verdict", thirty, "--prefer", "--deprecate", "--reason", "r", "--by", "b"}, 2,
       "excludes"},
      {{"verdict", thirty, "--prefer", "--by", "b"}, 2, "needs --reason"},
      {{"verdict", thirty, "--prefer", "--reason", "r", "--by", "  "}, 2, "needs --by"},
      {{"verdict", thirty, "--prefer", "--reason", "r", "--by", "b", "--at", "2026-02-30"}, 2,
       "--at: \"2026-02-30\" is not a date"},
      {{"verdict", thirty, "--prefer", "--reason", "r", "--by", "b", "--at", "yesterday"}, 2,
       "is not a date"},
      {{"conflicts", "--as-of", "2026-13-01"}, 2, "--as-of: \"2026-13-01\" is not a date"},
  };
  for (const auto& c : cases) {
    INFO(c.args[0] << " " << c.args[1] << " " << c.args[2]);
    const auto r = desk.run(c.args);
    CHECK(r.exit_code == c.exit_code);
    CHECK_THAT(r.err, Contains(c.message));
    // One line (CLI11's own usage errors add a pointer to --help).
    if (c.message != "excludes") CHECK(r.err.find('\n') == r.err.size() - 1);
  }
  // Nothing was recorded.
  CHECK_FALSE(parse_json(desk.run({"show", thirty, "--json"}).out).HasMember("verdicts"));
  // A store that is not there is not made by a verdict.
  const TempDir empty;
  const auto r = run_claimgraph({"verdict", thirty, "--prefer", "--reason", "r", "--by", "b",
                                 "--db", empty / "none.db"});
  CHECK(r.exit_code == 4);
  CHECK_FALSE(std::filesystem::exists(empty / "none.db"));
}
