// The CLI prints its listings as they are made (streamed, the text through the terminal
// filter a line at a time): byte for byte what the engine's buffered answer (the server's)
// holds.

#include <catch2/catch.hpp>

#include "graph/store.hpp"
#include "query/engine.hpp"
#include "query/text_output.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
namespace query = claimgraph::query;

TEST_CASE("streamed listings are the engine's buffered ones, byte for byte", "[e2e]") {
  const std::string db = corpus_store();
  claimgraph::graph::StoreOptions read_only;
  read_only.read_only = true;
  claimgraph::graph::Store store(db, read_only);
  query::Engine engine(store);
  const auto first = store.sources().at(0).source.id;
  const std::vector<std::vector<std::string>> commands = {
      {"sources"},   {"claims"},     {"figures"},         {"references"},          {"actors"},
      {"conflicts"}, {"agreements"}, {"trace", "30,000"}, {"show", first + ":c1"}, {"show", first}};
  for (const auto& command : commands) {
    for (const bool json : {false, true}) {
      INFO(command.front() << (command.size() > 1 ? " " + command[1] : "") << " json " << json);
      query::Request request;
      request.command = command.front();
      if (command.size() > 1)
        request.options[command.front() == "trace" ? "query" : "id"] = command[1];
      request.json = json;
      request.style.color = false;
      const auto buffered = engine.run(request);
      REQUIRE(buffered.status == query::Status::kOk);
      std::vector<std::string> args = command;
      args.insert(args.end(), {"--db", db, "--no-color"});
      if (json) args.push_back("--json");
      const auto printed = run_claimgraph(args);
      REQUIRE(printed.exit_code == 0);
      const std::string expected =
          json ? buffered.out
               : query::terminal_safe(buffered.out, false) + query::terminal_safe(buffered.note);
      CHECK(printed.out == expected);
      CHECK(printed.out.size() > 10);
    }
  }
}

TEST_CASE("show and --source listings read one document and print what the whole graph shows",
          "[e2e]") {
  for (const std::string& db : {corpus_store(), std::string()}) {
    std::string path = db;
    TempDir dir;
    if (path.empty()) {  // saved pages, with an editor's verdict on a figure
      path = dir / "pages.db";
      REQUIRE(
          run_claimgraph({"ingest", source_dir() + "/tests/data/pages", "--db", path}).exit_code <=
          3);
    }
    claimgraph::graph::Store store(path);
    const auto whole = store.load();
    const auto figures = whole.of_kind(claimgraph::graph::NodeKind::kFigure);
    REQUIRE_FALSE(figures.empty());
    if (db.empty()) {
      REQUIRE(run_claimgraph({"verdict", whole.id_of(figures.front()), "--prefer", "--reason",
                              "counted twice", "--by", "Jane Roe", "--db", path})
                  .exit_code == 0);
    }
    query::Engine opened(store);  // the whole graph, once a listing has opened it
    query::Request listing;
    listing.command = "sources";
    REQUIRE(opened.run(listing).status == query::Status::kOk);
    listing.command = "claims";
    REQUIRE(opened.run(listing).status == query::Status::kOk);
    std::size_t shown = 0;
    for (const auto kind :
         {claimgraph::graph::NodeKind::kSource, claimgraph::graph::NodeKind::kClaim,
          claimgraph::graph::NodeKind::kFigure, claimgraph::graph::NodeKind::kReference}) {
      for (const auto v : whole.of_kind(kind)) {
        for (const bool json : {false, true}) {
          query::Request show;
          show.command = "show";
          show.options["id"] = whole.id_of(v);
          show.json = json;
          show.style.color = false;
          INFO(whole.id_of(v) << " json " << json);
          query::Engine fresh(store);  // nothing open: the document alone
          const auto alone = fresh.run(show);
          const auto from_whole = opened.run(show);
          REQUIRE(alone.status == query::Status::kOk);
          CHECK(alone.out == from_whole.out);
          ++shown;
        }
      }
    }
    // The listings of one source, read from its document alone.
    for (const auto v : whole.of_kind(claimgraph::graph::NodeKind::kSource)) {
      for (const std::string command : {"claims", "figures", "references"}) {
        for (const bool json : {false, true}) {
          query::Request request;
          request.command = command;
          request.options["source"] = whole.id_of(v);
          request.json = json;
          request.style.color = false;
          INFO(command << " --source " << whole.id_of(v) << " json " << json);
          query::Engine fresh(store);
          const auto alone = fresh.run(request);
          REQUIRE(alone.status == query::Status::kOk);
          CHECK(alone.out == opened.run(request).out);
          ++shown;
        }
      }
    }
    CHECK(shown > 20);
  }
}
