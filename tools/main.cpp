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
#include "ingest/stance/stance.hpp"
#include "query/agreements.hpp"
#include "query/check_output.hpp"
#include "query/conflicts.hpp"
#include "query/engine.hpp"
#include "query/eval.hpp"
#include "query/gold.hpp"
#include "query/json_output.hpp"
#include "query/listing.hpp"
#include "query/source_texts.hpp"
#include "query/text_output.hpp"
#include "query/trace.hpp"
#include "tools/exit_codes.hpp"
#include "tools/export_command.hpp"
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

// Every option of every command, and the commands, as CLI11 fills them.
struct Cli {
  std::string db = default_db();
  bool json = false;
  bool no_color = false;
  std::string lexicons = ingest::default_lexicon_dir();

  tools::IngestCommandOptions ingest_options;
  tools::ServeOptions serve_options;
  std::size_t max_body_mb = 0;
  std::size_t cache_mb = 64;
  std::optional<std::string> claims_source, figures_measure, figures_source, references_source,
      actors_kind;
  query::ConflictQuery conflict_query, agreement_query;
  std::string conflict_kind, agreement_kind, trace_query, gold_path, show_id;
  std::optional<std::string> conflicts_as_of;
  bool conflicts_unresolved = false;
  query::VerdictInput verdict_input;
  bool prefer = false, deprecate = false, clear = false;
  std::string export_format;
  std::optional<std::string> export_out;
  query::ExportSelection export_selection;

  CLI::App* ingest = nullptr;
  CLI::App* serve = nullptr;
  CLI::App* claims = nullptr;
  CLI::App* figures = nullptr;
  CLI::App* references = nullptr;
  CLI::App* actors = nullptr;
  CLI::App* conflicts = nullptr;
  CLI::App* agreements = nullptr;
  CLI::App* trace = nullptr;
  CLI::App* eval = nullptr;
  CLI::App* check = nullptr;
  CLI::App* show = nullptr;
  CLI::App* verdict = nullptr;
  CLI::App* export_command = nullptr;

  // --db and --json are accepted after a command too, and listed in its --help.
  CLI::App* common(CLI::App* command) {
    command->add_option("--db", db, "store file (default: $CLAIMGRAPH_DB or ./claimgraph.db)");
    command->add_flag("--json", json, "print JSON (one document on stdout) instead of text");
    command->add_flag("--no-color", no_color, "never highlight with colour");
    command->add_option("--lexicons", lexicons, "folder of lexicon files");
    return command;
  }

  void define(CLI::App& app) {
    app.add_option("--db", db, "store file (default: $CLAIMGRAPH_DB or ./claimgraph.db)");
    app.add_flag("--json", json, "print JSON (one document on stdout) instead of text");
    app.add_flag("--no-color", no_color, "never highlight with colour");
    app.add_option("--lexicons", lexicons,
                   "folder of lexicon files (default: $CLAIMGRAPH_LEXICONS or the source tree's "
                   "corpus/lexicons)");
    define_ingest(app);
    define_listings(app);
    define_sides(app);
    define_others(app);
    define_serve(app);
    define_verdict(app);
    define_export(app);
    show = common(app.add_subcommand(
        "show", "show one node: its fields, its sentence in context and file:line:column"));
    show->add_option("id", show_id, "node id (as listed by sources, claims, ...)")->required();
  }

  void define_ingest(CLI::App& app) {
    ingest = common(app.add_subcommand(
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
    define_limits();
  }

  // What ingest refuses as too large (README, "Limits and failures"), in the units given.
  std::size_t max_document_mb = ingest::Limits{}.document_bytes >> 20;
  std::size_t max_line_mb = ingest::Limits{}.line_bytes >> 20;
  std::size_t max_metadata_kb = ingest::Limits{}.metadata_bytes >> 10;

  void define_limits() {
    auto& l = ingest_options.limits;
    ingest->add_option("--max-document-mb", max_document_mb,
                       "refuse a text or page larger than this (default: 256)")
        ->check(CLI::Range(1, 1 << 20));
    ingest->add_option("--max-line-mb", max_line_mb,
                       "refuse a text with a line longer than this (default: 64)")
        ->check(CLI::Range(1, 1 << 20));
    ingest->add_option("--max-metadata-kb", max_metadata_kb,
                       "refuse a .meta.json larger than this (default: 4096)")
        ->check(CLI::Range(1, 1 << 20));
    ingest->add_option("--max-metadata-depth", l.metadata_depth,
                       "refuse a .meta.json nested deeper than this (default: 32)")
        ->check(CLI::Range(1, 100000));
    ingest->add_option("--max-footnotes", l.footnotes,
                       "refuse a document with more footnotes than this (default: 10000)")
        ->check(CLI::Range(1, 10000000));
  }

  void define_listings(CLI::App& app) {
    common(app.add_subcommand("sources", "list the ingested sources with their claim counts"));
    claims = common(app.add_subcommand("claims", "list the claims, in document order"));
    claims->add_option("--source", claims_source, "only the claims of this source id");
    figures = common(app.add_subcommand(
        "figures", "list the figures: interval, unit, measure, place, time, claimant, file:line"));
    figures->add_option("--measure", figures_measure,
                        "only figures whose measure key contains this (\"workers\", \"work permits\")");
    figures->add_option("--source", figures_source, "only the figures of this source id");
    references = common(app.add_subcommand(
        "references", "list the cited works: footnotes, in-text attributions, works cited in them"));
    references->add_option("--source", references_source, "only the references of this source id");
    actors = common(app.add_subcommand(
        "actors", "list the actors, sorted by name, each with every spelling met"));
    actors->add_option("--kind", actors_kind,
                       "person, organization, group, country, place or other");
  }

  // conflicts and agreements: one set of options each.
  CLI::App* define_side(CLI::App& app, const char* name, const char* what, const char* noun,
                        std::string& kind, query::ConflictQuery& q) {
    auto* command = common(app.add_subcommand(name, what));
    const std::string n = noun;
    command->add_option("--kind", kind, "figure or stance (default: both)");
    command->add_option("--measure", q.measure,
                        n == "conflicts" ? "only conflicts whose measure key contains this"
                                         : "only agreements whose measure key or proposition contains this");
    command->add_option("--actor", q.actor,
                        n == "conflicts" ? "only conflicts with a figure claimed by or published by this actor"
                                         : "only agreements with a figure or claim of this actor");
    command->add_option("--source", q.source,
                        n == "conflicts" ? "only conflicts with a figure of this source id"
                                         : "only agreements with a figure or claim of this source id");
    command->add_option("--min-confidence", q.min_confidence,
                        "only " + n + " at least this confident (0 to 1; default 0.4)")
        ->check(CLI::Range(0.0, 1.0));
    command->add_flag("--include-undated", q.include_undated,
                      "also candidates with a figure whose time is unknown");
    return command;
  }

  void define_sides(CLI::App& app) {
    conflicts = define_side(app, "conflicts",
                            "where sources disagree: figures of one measure, place and time apart",
                            "conflicts", conflict_kind, conflict_query);
    conflicts->add_flag("--unresolved", conflicts_unresolved,
                        "hide the conflicts an editor's verdict has resolved");
    conflicts->add_option("--as-of", conflicts_as_of,
                          "verdicts as they stood on this date (YYYY-MM-DD or "
                          "YYYY-MM-DDThh:mm:ssZ, UTC)");
    agreements = define_side(app, "agreements",
                             "where independent sources agree: the same figure or the same stance",
                             "agreements", agreement_kind, agreement_query);
  }

  void define_others(CLI::App& app) {
    trace = common(app.add_subcommand(
        "trace", "where a figure comes from: sentence, source, claimant, cited works, related figures"));
    trace->add_option("query", trace_query, "a figure id, its words (\"30,000\") or a quote")
        ->required();
    eval = common(app.add_subcommand(
        "eval", "score the store against a gold annotation (shaped like shared/gold/seeds.json)"));
    eval->add_option("gold", gold_path, "gold JSON file")->required();
    check = common(app.add_subcommand(
        "check", "look through the store for damage: SQLite's integrity check, every source's "
                 "bytes against their SHA-256, every row as the queries read it"));
  }

  void define_serve(CLI::App& app) {
    serve = common(app.add_subcommand(
        "serve", "answer queries over HTTP (GET /api/<command>?<options>) and serve the web page"));
    serve->add_option("--host", serve_options.host, "address to listen on (default: 127.0.0.1)");
    serve->add_option("--port", serve_options.port, "port (default: 8080; 0: any free port)")
        ->check(CLI::Range(0, 65535));
    serve->add_option("--threads", serve_options.threads, "workers answering requests (default: 4)")
        ->check(CLI::Range(1, 64));
    serve->add_flag("--allow-ingest", serve_options.allow_ingest,
                    "accept POST /api/ingest?name=FILE[&meta=JSON] (the body: a .txt or .html article)");
    serve->add_option("--max-body-mb", max_body_mb,
                      "largest request body in MB (default: 1; 16 with --allow-ingest)")
        ->check(CLI::Range(1, 1024));
    serve->add_option("--cache-mb", cache_mb,
                      "answers kept for asking again, in MB (default: 64; 0: none)")
        ->check(CLI::Range(0, 65536));
  }

  void define_verdict(CLI::App& app) {
    verdict = common(app.add_subcommand(
        "verdict", "record an editor's verdict on a figure or a stance claim (kept as history)"));
    verdict->add_option("id", verdict_input.target, "a figure id or a stance claim's id")
        ->required();
    auto* p = verdict->add_flag("--prefer", prefer, "the figure (or claim) to trust");
    auto* d = verdict->add_flag("--deprecate", deprecate, "a figure (or claim) not to trust");
    auto* c = verdict->add_flag("--clear", clear, "withdraw the verdict in force");
    p->excludes(d)->excludes(c);
    d->excludes(c);
    verdict->add_option("--reason", verdict_input.reason, "why (required but with --clear)");
    verdict->add_option("--by", verdict_input.by, "who decides")->required();
    verdict->add_option("--at", verdict_input.at,
                        "when it was decided (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, UTC; default: now)");
  }

  void define_export(CLI::App& app) {
    export_command = common(app.add_subcommand(
        "export", "write the graph for other tools: GraphML (Gephi, yEd, networkx, igraph), "
                  "JSON-LD (schema.org and PROV-O), CSV (Kùzu COPY FROM, neo4j-admin import)"));
    export_command->add_option("--format", export_format, "graphml, jsonld or csv")
        ->required()
        ->check(CLI::IsMember({"graphml", "jsonld", "csv"}));
    export_command->add_option(
        "--out", export_out,
        "file to write (graphml, jsonld; default: standard output), folder for csv (required)");
    export_command->add_option("--source", export_selection.source,
                               "only what this source holds and names");
    export_command->add_option("--measure", export_selection.measure,
                               "only the figures whose measure key contains this, with their "
                               "claims, sources, cited works and actors");
  }

  // The engine's request for the command given.
  query::Request request(const CLI::App& app) const {
    query::Request r;
    for (const auto* sub : app.get_subcommands()) r.command = sub->get_name();
    r.json = json;
    r.style = text_style(no_color);
    const auto put = [&](const char* name, const std::optional<std::string>& value) {
      if (value) r.options[name] = *value;
    };
    put("source", claims_source       ? claims_source
                  : figures_source    ? figures_source
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
        r.options["min-confidence"] = std::to_string(q.min_confidence);
      }
      if (q.include_undated) r.options["include-undated"] = "true";
    };
    if (conflicts->parsed()) {
      sides(conflict_kind, conflict_query, conflicts);
      put("as-of", conflicts_as_of);
      if (conflicts_unresolved) r.options["unresolved"] = "true";
    }
    if (agreements->parsed()) sides(agreement_kind, agreement_query, agreements);
    if (trace->parsed()) r.options["query"] = trace_query;
    if (show->parsed()) r.options["id"] = show_id;
    return r;
  }
};

// `claimgraph check`: pages are read as they are, the damage being what it looks for.
int run_check(const Cli& cli) {
  graph::StoreOptions as_is;
  as_is.read_only = true;
  as_is.check_pages = false;
  graph::Store store(cli.db, as_is);
  const auto problems = store.check();
  // The sources are counted only in a sound store (a damaged row would stop the count).
  std::cout << (cli.json ? query::check_json(cli.db, problems)
                         : query::check_text(cli.db, problems.empty() ? store.sources().size() : 0,
                                             problems));
  return problems.empty() ? tools::kExitOk : tools::kExitStore;
}

// The gold file of `claimgraph eval`, read before the store: a bad gold file is bad input
// whatever the store holds. nullopt after the error is printed.
std::optional<query::Gold> read_gold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "claimgraph: " << path << ": error: cannot read gold file\n";
    return std::nullopt;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return query::parse_gold(path, bytes);
  } catch (const query::GoldError& e) {
    std::cerr << "claimgraph: " << e.what() << "\n";
    return std::nullopt;
  }
}

// A query through the engine, printed.
int run_query(const Cli& cli, const CLI::App& app) {
  std::optional<query::Gold> gold;
  if (cli.eval->parsed()) {
    gold = read_gold(cli.gold_path);
    if (!gold) return tools::kExitBadInput;
  }
  auto store = open_for_reading(cli.db);
  query::Engine engine(store);
  // Printed as it is made (a listing of any length costs the memory of a buffer). Text goes
  // to a terminal: nothing stored may print a control character raw.
  query::Response response;
  if (gold) {
    response = engine.eval(*gold, cli.json);
  } else if (cli.json) {
    response = engine.run(cli.request(app), std::cout);
  } else {
    query::TerminalSafeStream safe(std::cout, text_style(cli.no_color).color);
    response = engine.run(cli.request(app), safe);
  }
  if (response.status != query::Status::kOk) {
    std::cerr << "claimgraph: " << query::terminal_safe(response.error) << "\n";
    return response.status == query::Status::kNotFound ? tools::kExitNotFound : tools::kExitUsage;
  }
  std::cout << (cli.json ? response.out
                         : query::terminal_safe(response.out, text_style(cli.no_color).color));
  // What was left out, under the results (on stderr with --json: stdout holds the JSON).
  (cli.json ? std::cerr : std::cout) << query::terminal_safe(response.note);
  return tools::kExitOk;
}

// `claimgraph verdict`: into an existing store only (one that ingest made).
int run_verdict(Cli& cli) {
  if (!(cli.prefer || cli.deprecate || cli.clear)) {
    std::cerr << "claimgraph: verdict needs one of --prefer, --deprecate, --clear\n";
    return tools::kExitUsage;
  }
  cli.verdict_input.rank = cli.prefer      ? graph::Rank::kPreferred
                           : cli.deprecate ? graph::Rank::kDeprecated
                                           : graph::Rank::kCleared;
  open_for_reading(cli.db);  // names a missing, empty or foreign store as every query does
  graph::Store store(cli.db);
  query::Engine engine(store);
  const auto response = engine.record_verdict(cli.verdict_input, cli.json);
  if (response.status != query::Status::kOk) {
    std::cerr << "claimgraph: " << query::terminal_safe(response.error) << "\n";
    return response.status == query::Status::kNotFound ? tools::kExitNotFound : tools::kExitUsage;
  }
  std::cout << (cli.json ? response.out : query::terminal_safe(response.out));
  return tools::kExitOk;
}

int run(Cli& cli, const CLI::App& app) {
  if (cli.ingest->parsed()) {
    cli.ingest_options.db = cli.db;
    cli.ingest_options.lexicon_dir = cli.lexicons;
    cli.ingest_options.json = cli.json;
    cli.ingest_options.limits.document_bytes = cli.max_document_mb << 20;
    cli.ingest_options.limits.line_bytes = cli.max_line_mb << 20;
    cli.ingest_options.limits.metadata_bytes = cli.max_metadata_kb << 10;
    return tools::run_ingest(cli.ingest_options);
  }
  if (cli.serve->parsed()) {
    auto& o = cli.serve_options;
    o.db = cli.db;
    o.lexicon_dir = cli.lexicons;
    o.cache_bytes = cli.cache_mb << 20;
    o.max_body = (cli.max_body_mb > 0 ? cli.max_body_mb : o.allow_ingest ? 16 : 1) << 20;
    return tools::run_serve(o);
  }
  if (cli.check->parsed()) return run_check(cli);
  if (cli.verdict->parsed()) return run_verdict(cli);
  if (cli.export_command->parsed()) {
    return tools::run_export({cli.db, cli.export_format, cli.export_out, cli.export_selection});
  }
  return run_query(cli, app);
}

}  // namespace

int main(int argc, char** argv) {
  claimgraph::tools::use_huge_pages(argv);
  CLI::App app{
      "claimgraph: turns articles into a citation-tracked graph of claims, actors, figures and "
      "references, and shows where sources disagree and where a figure comes from."};
  app.fallthrough();
  app.require_subcommand(1);
  Cli cli;
  cli.define(app);
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
    return run(cli, app);
  } catch (const graph::StoreError& e) {
    std::cerr << "claimgraph: " << query::terminal_safe(e.what()) << "\n";
    return tools::kExitStore;
  } catch (const std::exception& e) {
    std::cerr << "claimgraph: internal error: " << e.what() << "\n";
    return tools::kExitInternal;
  }
}
