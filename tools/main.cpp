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
#include "tools/exit_codes.hpp"
#include "tools/huge_pages.hpp"
#include "tools/ingest_command.hpp"

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

// Each proposition's words by its id, from frames.json; none when the lexicon cannot be read
// (the conflicts then name propositions by their ids).
std::map<std::string, std::string> proposition_texts(const std::string& lexicon_dir) {
  std::map<std::string, std::string> out;
  try {
    const auto frames = ingest::load_frame_lexicon(lexicon_dir, ingest::DiskFileSystem{}, nullptr);
    for (const auto& p : frames.propositions) out[p.id] = p.text;
  } catch (const ingest::LexiconError&) {
  }
  return out;
}

// Each place's predecessor state, from places.json (none when the lexicons cannot be read).
std::map<std::string, std::string> place_predecessors(const std::string& lexicon_dir) {
  std::map<std::string, std::string> out;
  try {
    const auto lex = ingest::load_lexicons(lexicon_dir, ingest::DiskFileSystem{});
    for (const auto& p : lex.figures->places) {
      if (p.predecessor) out[p.name] = *p.predecessor;
    }
  } catch (const ingest::LexiconError&) {
  }
  return out;
}

// `claimgraph check`: every problem on a line (or in JSON), exit 4 when there is one.
int run_check(graph::Store& store, const std::string& db, bool json) {
  const auto problems = store.check();
  if (json) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    const auto str = [&](const std::string& s) {
      w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    };
    w.StartObject();
    w.Key("store");
    str(db);
    w.Key("ok");
    w.Bool(problems.empty());
    w.Key("problems");
    w.StartArray();
    for (const auto& p : problems) {
      w.StartObject();
      w.Key("table");
      str(p.table);
      w.Key("id");
      str(p.id);
      w.Key("message");
      str(p.message);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::cout << buffer.GetString() << "\n";
  } else if (problems.empty()) {
    std::cout << query::terminal_safe(db) << ": ok (" << store.sources().size()
              << " sources; page checksums, integrity check, source bytes and rows)\n";
  } else {
    std::cout << query::terminal_safe(db) << ": damaged, " << problems.size() << " problem"
              << (problems.size() == 1 ? "" : "s") << (problems.size() >= 100 ? " or more" : "")
              << ":\n";
    for (const auto& p : problems) {
      std::cout << "  " << query::terminal_safe(p.table.empty() ? "store" : p.table)
                << (p.id.empty() ? "" : " " + query::terminal_safe(p.id)) << ": "
                << query::terminal_safe(p.message) << "\n";
    }
  }
  return problems.empty() ? tools::kExitOk : tools::kExitStore;
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
      return run_check(store, db, json);
    }
    auto store = open_for_reading(db);
    if (app.got_subcommand("sources")) {
      const auto sources = store.sources();
      emit(json ? query::sources_json(sources) : query::sources_text(sources));
      return tools::kExitOk;
    }
    const auto graph = store.load();
    query::SourceTexts texts(store);
    if (claims->parsed()) {
      if (claims_source && !graph.find(*claims_source)) {
        std::cerr << "claimgraph: no source with id \"" << *claims_source << "\" in " << db
                  << "\n";
        return tools::kExitNotFound;
      }
      const auto selected = query::select_claims(graph, claims_source);
      emit(json ? query::claims_json(graph, selected, texts)
                         : query::claims_text(graph, selected, texts, text_style(no_color)));
      return tools::kExitOk;
    }
    if (figures->parsed()) {
      if (figures_source && !graph.find(*figures_source)) {
        std::cerr << "claimgraph: no source with id \"" << *figures_source << "\" in " << db
                  << "\n";
        return tools::kExitNotFound;
      }
      const auto selected = query::select_figures(graph, figures_measure, figures_source);
      emit(json ? query::figures_json(graph, selected, texts)
                         : query::figures_text(graph, selected, texts, text_style(no_color)));
      return tools::kExitOk;
    }
    if (references->parsed()) {
      if (references_source && !graph.find(*references_source)) {
        std::cerr << "claimgraph: no source with id \"" << *references_source << "\" in " << db
                  << "\n";
        return tools::kExitNotFound;
      }
      const auto selected = query::select_references(graph, references_source);
      emit(json ? query::references_json(graph, selected)
                         : query::references_text(graph, selected, texts, text_style(no_color)));
      return tools::kExitOk;
    }
    if (actors->parsed()) {
      std::optional<graph::ActorKind> kind;
      if (actors_kind) {
        kind = graph::actor_kind_from(*actors_kind);
        if (!kind) {
          std::cerr << "claimgraph: unknown actor kind \"" << *actors_kind
                    << "\" (person, organization, group, country, place, other)\n";
          return tools::kExitUsage;
        }
      }
      const auto selected = query::select_actors(graph, kind);
      emit(json ? query::actors_json(graph, selected)
                         : query::actors_text(graph, selected));
      return tools::kExitOk;
    }
    // conflicts and agreements: one shape, both kinds unless --kind names one.
    const auto list_sides = [&](const std::string& noun, const std::string& kind,
                                const query::ConflictQuery& q, auto figure_finder,
                                auto stance_finder) {
      if (!kind.empty() && kind != "figure" && kind != "stance") {
        std::cerr << "claimgraph: unknown " << noun << " kind \"" << kind << "\" (figure, stance)\n";
        return tools::kExitUsage;
      }
      if (q.source && !graph.find(*q.source)) {
        std::cerr << "claimgraph: no source with id \"" << *q.source << "\" in " << db << "\n";
        return tools::kExitNotFound;
      }
      std::vector<query::Conflict> found;
      query::Hidden hidden;
      if (kind != "stance") found = figure_finder(graph, q, &hidden);
      if (kind != "figure") {
        auto stance = stance_finder(graph, q, proposition_texts(lexicons), &hidden);
        found.insert(found.end(), stance.begin(), stance.end());
      }
      emit(json ? query::conflicts_json(graph, found)
                         : query::conflicts_text(graph, found, texts, text_style(no_color), noun));
      // What was left out, under the results (on stderr with --json: stdout holds the JSON).
      (json ? std::cerr : std::cout) << query::hidden_text(hidden, q, noun);
      return tools::kExitOk;
    };
    if (conflicts->parsed()) {
      return list_sides("conflict", conflict_kind, conflict_query, query::figure_conflicts,
                        query::stance_conflicts);
    }
    if (agreements->parsed()) {
      return list_sides("agreement", agreement_kind, agreement_query, query::figure_agreements,
                        query::stance_agreements);
    }
    if (trace->parsed()) {
      const auto figures = query::find_figures(graph, trace_query);
      if (figures.empty()) {
        std::cerr << "claimgraph: no figure matches \"" << trace_query << "\" in " << db << "\n";
        return tools::kExitNotFound;
      }
      const auto lineage = place_predecessors(lexicons);
      if (json) {
        // One object: the first match; the others are named on stderr.
        std::cout << query::trace_json(graph, query::trace_figure(graph, figures.front(), lineage),
                                       texts);
        for (std::size_t i = 1; i < figures.size(); ++i) {
          std::cerr << "claimgraph: \"" << trace_query << "\" also matches "
                    << graph.id_of(figures[i]) << "\n";
        }
      } else {
        for (const auto f : figures) {
          emit(query::trace_text(graph, query::trace_figure(graph, f, lineage), texts,
                                 text_style(no_color)));
        }
      }
      return tools::kExitOk;
    }
    if (eval->parsed()) {
      const auto report = query::evaluate(*gold, graph, texts);
      emit(json ? query::eval_json(report) : query::eval_text(report));
      return tools::kExitOk;
    }
    if (show->parsed()) {
      const auto v = graph.find(show_id);
      if (!v) {
        std::cerr << "claimgraph: no node with id \"" << show_id << "\" in " << db << "\n";
        return tools::kExitNotFound;
      }
      emit(json ? query::show_json(graph, *v, texts)
                         : query::show_text(graph, *v, texts, text_style(no_color)));
      return tools::kExitOk;
    }
  } catch (const graph::StoreError& e) {
    std::cerr << "claimgraph: " << query::terminal_safe(e.what()) << "\n";
    return tools::kExitStore;
  } catch (const std::exception& e) {
    std::cerr << "claimgraph: internal error: " << e.what() << "\n";
    return tools::kExitInternal;
  }
  return tools::kExitUsage;
}
