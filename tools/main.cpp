// claimgraph: the command line. Every command accepts --db and --json before or after its
// own arguments; errors are one line on stderr and a non-zero exit (see exit_codes.hpp).

#include <unistd.h>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <iostream>
#include <map>
#include <thread>

#include "graph/store.hpp"
#include "ingest/figure_lexicon.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/stance.hpp"
#include "query/agreements.hpp"
#include "query/conflicts.hpp"
#include "query/eval.hpp"
#include "query/gold.hpp"
#include "query/json_output.hpp"
#include "query/listing.hpp"
#include "query/source_texts.hpp"
#include "query/text_output.hpp"
#include "query/trace.hpp"
#include "query/engine.hpp"
#include "query/check_output.hpp"
#include "tools/exit_codes.hpp"
#include "tools/huge_pages.hpp"
#include "tools/ingest_command.hpp"
#include "tools/serve_command.hpp"

namespace {

using namespace claimgraph;

std::string default_db() {
  const char* env = std::getenv("CLAIMGRAPH_DB");
  return env != nullptr && *env != '\0' ? env : "claimgraph.db";
}

query::TextStyle text_style(bool no_color) {
  query::TextStyle style;
  style.color = !no_color && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  if (const char* cols = std::getenv("COLUMNS")) {
    const long n = std::strtol(cols, nullptr, 10);
    if (n >= 40 && n <= 400) style.width = static_cast<std::size_t>(n);
  }
  return style;
}

graph::Store open_for_reading(const std::string& db) {
  graph::StoreOptions options;
  options.read_only = true;
  return graph::Store(db, options);
}

}  // namespace

int main(int argc, char** argv) {
  claimgraph::tools::use_huge_pages(argv);
  CLI::App app{
      "claimgraph: turns articles into a citation-tracked graph of claims, actors, figures and "
      "references, and shows where sources disagree and where a figure comes from."};
  app.fallthrough();
  app.require_subcommand(1);
  std::string db = default_db();
  bool json = false;
  bool no_color = false;
  std::string lexicons = ingest::default_lexicon_dir();
  app.add_option("--db", db, "store file (default: $CLAIMGRAPH_DB or ./claimgraph.db)");
  app.add_flag("--json", json, "print JSON (one document on stdout) instead of text");
  app.add_flag("--no-color", no_color, "never highlight with colour");
  app.add_option("--lexicons", lexicons,
                 "folder of lexicon files (default: $CLAIMGRAPH_LEXICONS or the source tree's "
                 "corpus/lexicons)");

  // --db and --json are accepted after a command too, and listed in its --help.
  auto add_common = [&](CLI::App* command) {
    command->add_option("--db", db, "store file (default: $CLAIMGRAPH_DB or ./claimgraph.db)");
    command->add_flag("--json", json, "print JSON (one document on stdout) instead of text");
    command->add_flag("--no-color", no_color, "never highlight with colour");
    command->add_option("--lexicons", lexicons, "folder of lexicon files");
    return command;
  };

  tools::IngestCommandOptions ingest_options;
  auto* ingest = add_common(app.add_subcommand(
      "ingest",
      "read articles (.txt) and saved web pages (.html, .htm), files and folders, into the store"));
  ingest
      ->add_option("paths", ingest_options.paths,
                   "files and folders (folders: every .txt, .html and .htm)")
      ->required();
  ingest_options.jobs = std::max(1u, std::thread::hardware_concurrency());
  ingest->add_option("--jobs,-j", ingest_options.jobs,
                     "documents parsed at once (default: the cores); the output is the same")
      ->check(CLI::Range(1, 256));

  add_common(app.add_subcommand("sources", "list the ingested sources with their claim counts"));

  std::optional<std::string> claims_source;
  auto* claims = add_common(app.add_subcommand("claims", "list the claims, in document order"));
  claims->add_option("--source", claims_source, "only the claims of this source id");

  std::optional<std::string> figures_measure;
  std::optional<std::string> figures_source;
  auto* figures = add_common(app.add_subcommand(
      "figures", "list the figures: interval, unit, measure, place, time, claimant, file:line"));
  figures->add_option("--measure", figures_measure,
                      "only figures whose measure key contains this (\"workers\", \"work permits\")");
  figures->add_option("--source", figures_source, "only the figures of this source id");

  std::optional<std::string> references_source;
  auto* references = add_common(app.add_subcommand(
      "references", "list the cited works: footnotes, in-text attributions, works cited in them"));
  references->add_option("--source", references_source, "only the references of this source id");

  std::optional<std::string> actors_kind;
  auto* actors = add_common(app.add_subcommand(
      "actors", "list the actors, sorted by name, each with every spelling met"));
  actors->add_option("--kind", actors_kind,
                     "person, organization, group, country, place or other");

  query::ConflictQuery conflict_query;
  std::string conflict_kind;
  auto* conflicts = add_common(app.add_subcommand(
      "conflicts", "where sources disagree: figures of one measure, place and time apart"));
  conflicts->add_option("--kind", conflict_kind, "figure or stance (default: both)");
  conflicts->add_option("--measure", conflict_query.measure,
                        "only conflicts whose measure key contains this");
  conflicts->add_option("--actor", conflict_query.actor,
                        "only conflicts with a figure claimed by or published by this actor");
  conflicts->add_option("--source", conflict_query.source,
                        "only conflicts with a figure of this source id");
  conflicts->add_option("--min-confidence", conflict_query.min_confidence,
                        "only conflicts at least this confident (0 to 1; default 0.4)")
      ->check(CLI::Range(0.0, 1.0));
  conflicts->add_flag("--include-undated", conflict_query.include_undated,
                      "also candidates with a figure whose time is unknown");

  query::ConflictQuery agreement_query;
  std::string agreement_kind;
  auto* agreements = add_common(app.add_subcommand(
      "agreements", "where independent sources agree: the same figure or the same stance"));
  agreements->add_option("--kind", agreement_kind, "figure or stance (default: both)");
  agreements->add_option("--measure", agreement_query.measure,
                         "only agreements whose measure key or proposition contains this");
  agreements->add_option("--actor", agreement_query.actor,
                         "only agreements with a figure or claim of this actor");
  agreements->add_option("--source", agreement_query.source,
                         "only agreements with a figure or claim of this source id");
  agreements->add_option("--min-confidence", agreement_query.min_confidence,
                         "only agreements at least this confident (0 to 1; default 0.4)")
      ->check(CLI::Range(0.0, 1.0));
  agreements->add_flag("--include-undated", agreement_query.include_undated,
                       "also candidates with a figure whose time is unknown");

  std::string trace_query;
  auto* trace = add_common(app.add_subcommand(
      "trace", "where a figure comes from: sentence, source, claimant, cited works, related figures"));
  trace->add_option("query", trace_query, "a figure id, its words (\"30,000\") or a quote")
      ->required();

  std::string gold_path;
  auto* eval = add_common(app.add_subcommand(
      "eval", "score the store against a gold annotation (shaped like shared/gold/seeds.json)"));
  eval->add_option("gold", gold_path, "gold JSON file")->required();

  auto* check = add_common(app.add_subcommand(
      "check", "look through the store for damage: SQLite's integrity check, every source's "
               "bytes against their SHA-256, every row as the queries read it"));

  tools::ServeOptions serve_options;
  auto* serve = add_common(app.add_subcommand(
      "serve", "answer queries over HTTP (GET /api/<command>?<options>) and serve the web page"));
  serve->add_option("--host", serve_options.host, "address to listen on (default: 127.0.0.1)");
  serve->add_option("--port", serve_options.port, "port (default: 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--threads", serve_options.threads, "workers answering requests (default: 4)")
      ->check(CLI::Range(1, 64));
  serve->add_flag("--allow-ingest", serve_options.allow_ingest,
                  "accept POST /api/ingest?name=FILE[&meta=JSON] (the body: a .txt or .html article)");
  std::size_t max_body_mb = 0;
  serve->add_option("--max-body-mb", max_body_mb,
                    "largest request body in MB (default: 1; 16 with --allow-ingest)")
      ->check(CLI::Range(1, 1024));
  std::size_t cache_mb = 64;
  serve->add_option("--cache-mb", cache_mb, "answers kept for asking again, in MB (default: 64; 0: none)")
      ->check(CLI::Range(0, 65536));

  std::string show_id;
  auto* show = add_common(app.add_subcommand(
      "show", "show one node: its fields, its sentence in context and file:line:column"));
  show->add_option("id", show_id, "node id (as listed by sources, claims, ...)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return tools::kExitUsage;
  }

  try {
    if (ingest->parsed()) {
      ingest_options.db = db;
      ingest_options.lexicon_dir = lexicons;
      ingest_options.json = json;
      return tools::run_ingest(ingest_options);
    }
    if (serve->parsed()) {
      serve_options.db = db;
      serve_options.lexicon_dir = lexicons;
      serve_options.cache_bytes = cache_mb << 20;
      serve_options.max_body = (max_body_mb > 0 ? max_body_mb : serve_options.allow_ingest ? 16 : 1)
                               << 20;
      return tools::run_serve(serve_options);
    }
    std::optional<query::Gold> gold;
    if (eval->parsed()) {
      // Read the gold first: a bad gold file is bad input whatever the store holds.
      std::ifstream in(gold_path, std::ios::binary);
      if (!in) {
        std::cerr << "claimgraph: " << gold_path << ": error: cannot read gold file\n";
        return tools::kExitBadInput;
      }
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      try {
        gold = query::parse_gold(gold_path, bytes);
      } catch (const query::GoldError& e) {
        std::cerr << "claimgraph: " << e.what() << "\n";
        return tools::kExitBadInput;
      }
    }
    // Text goes to a terminal: nothing stored may print a control character raw.
    const auto emit = [&](const std::string& out) {
      std::cout << (json ? out : query::terminal_safe(out, text_style(no_color).color));
    };
    if (check->parsed()) {
      // Pages are read as they are: the damage is what check looks for, page by page.
      graph::StoreOptions as_is;
      as_is.read_only = true;
      as_is.check_pages = false;
      graph::Store store(db, as_is);
      const auto problems = store.check();
      // The sources are counted only in a sound store (a damaged row would stop the count).
      std::cout << (json ? query::check_json(db, problems)
                         : query::check_text(db, problems.empty() ? store.sources().size() : 0,
                                             problems));
      return problems.empty() ? tools::kExitOk : tools::kExitStore;
    }
    auto store = open_for_reading(db);
    query::Engine engine(store);
    query::Response response;
    if (eval->parsed()) {
      response = engine.eval(*gold, json);
    } else {
      query::Request request;
      for (const auto* sub : app.get_subcommands()) request.command = sub->get_name();
      request.json = json;
      request.style = text_style(no_color);
      const auto put = [&](const char* name, const std::optional<std::string>& value) {
        if (value) request.options[name] = *value;
      };
      put("source", claims_source ? claims_source
                    : figures_source ? figures_source
                    : references_source ? references_source
                    : std::nullopt);
      put("measure", figures_measure);
      put("kind", actors_kind);
      const auto sides = [&](const std::string& kind, const query::ConflictQuery& q,
                             const CLI::App* command) {
        put("kind", kind.empty() ? std::nullopt : std::optional<std::string>(kind));
        put("measure", q.measure);
        put("actor", q.actor);
        put("source", q.source);
        if (command->count("--min-confidence") > 0) {
          request.options["min-confidence"] = std::to_string(q.min_confidence);
        }
        if (q.include_undated) request.options["include-undated"] = "true";
      };
      if (conflicts->parsed()) sides(conflict_kind, conflict_query, conflicts);
      if (agreements->parsed()) sides(agreement_kind, agreement_query, agreements);
      if (trace->parsed()) request.options["query"] = trace_query;
      if (show->parsed()) request.options["id"] = show_id;
      response = engine.run(request);
    }
    if (response.status != query::Status::kOk) {
      std::cerr << "claimgraph: " << query::terminal_safe(response.error) << "\n";
      return response.status == query::Status::kNotFound ? tools::kExitNotFound
                                                         : tools::kExitUsage;
    }
    emit(response.out);
    // What was left out, under the results (on stderr with --json: stdout holds the JSON).
    (json ? std::cerr : std::cout) << query::terminal_safe(response.note);
    return tools::kExitOk;
  } catch (const graph::StoreError& e) {
    std::cerr << "claimgraph: " << query::terminal_safe(e.what()) << "\n";
    return tools::kExitStore;
  } catch (const std::exception& e) {
    std::cerr << "claimgraph: internal error: " << e.what() << "\n";
    return tools::kExitInternal;
  }
  return tools::kExitUsage;
}
