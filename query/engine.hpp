#pragma once
// query::Engine: the one entry point the fronts (the CLI, the HTTP server) ask every query
// through, in the spirit of DuckDB's ClientContext or Kùzu's Connection. A request names a
// command and its options as words ("conflicts", {"measure": "workers"}); the response holds
// exactly what the CLI prints: the output, a note beside it (what was hidden; stderr for the
// CLI) and, when the request cannot be answered, a status and a one-line error. Fronts only
// parse, call and print.
//
// Not thread-safe: one request at a time per Engine (the server serializes them).

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/knowledge_graph.hpp"
#include "graph/store.hpp"
#include "query/eval.hpp"
#include "query/export.hpp"
#include "query/gold.hpp"
#include "query/source_texts.hpp"
#include "query/text_output.hpp"
#include "query/verdicts.hpp"

namespace claimgraph::query {

enum class Status { kOk, kBadRequest, kNotFound };

struct Request {
  // sources, claims, figures, references, actors, conflicts, agreements, trace, show
  std::string command;
  // Options by their CLI name without dashes: "source", "measure", "actor", "kind",
  // "min-confidence", "include-undated" ("true"/"false"), and the positional "id" (show) and
  // "query" (trace).
  std::map<std::string, std::string, std::less<>> options;
  bool json = true;
  TextStyle style;  // text output only
};

// `claimgraph verdict`: an editor's decision on a figure or a stance claim.
struct VerdictInput {
  std::string target;  // a figure id or a stance claim's id
  graph::Rank rank = graph::Rank::kPreferred;
  std::string reason;
  std::string by;
  std::optional<std::string> at;  // "YYYY-MM-DD[Thh:mm:ssZ]"; default now
};

struct Response {
  Status status = Status::kOk;
  std::string out;    // the document or listing
  std::string note;   // printed beside it: the hidden count, other matches ("" when none)
  std::string error;  // status != kOk: one line, without a "claimgraph: " prefix
};

// The commands a Request may name, in the order --help lists them.
const std::vector<std::string>& engine_commands();

class Engine {
 public:
  // `store` must outlive the engine; the graph, and the lexicon facts the last ingest wrote
  // into the store, are loaded on the first request that needs them.
  explicit Engine(graph::Store& store);
  ~Engine();

  // The response with its output in Response::out.
  Response run(const Request& request);
  // The same, the output written into `out` as it is made (Response::out stays empty): a
  // listing of any length streams out in the memory of a buffer. Nothing is written when the
  // status is not kOk.
  Response run(const Request& request, std::ostream& out);
  // Records a verdict (the store must be open for writing): kBadRequest for an empty name or
  // reason, a bad moment, or a claim without a stance; kNotFound for an unknown id.
  Response record_verdict(const VerdictInput& input, bool json);
  // Writes the graph, or what `selection` reaches, for other tools: GraphML or JSON-LD into
  // `out`, CSV files into the folder `dir`. The note says how many nodes and edges went out;
  // kNotFound for an unknown --source.
  Response export_graph(ExportFormat format, const ExportSelection& selection, std::ostream& out,
                        const std::string& dir);
  // Scores the store against a parsed gold annotation (`claimgraph eval`).
  Response eval(const Gold& gold, bool json);
  // Forgets the loaded graph: the next request loads the store as it is now (after an ingest).
  void reload();

 private:
  const graph::KnowledgeGraph& graph();
  Response sides(const Request& request, bool agreements, std::ostream& out);
  Response trace(const Request& request, std::ostream& out);
  Response show(const Request& request, std::ostream& out);
  // The graph of the document holding node `id` alone, when the whole graph is not open yet
  // and the node belongs to one document (Store::load_document_of); else nullopt.
  std::optional<graph::KnowledgeGraph> document_of(const std::string& id);
  // The verdicts in force now over `g` (the whole graph's, cached, or a document's).
  Verdicts verdicts_over(const graph::KnowledgeGraph& g);
  // The verdicts in force at `as_of` (now: nullopt), over the graph.
  Verdicts verdicts(const std::optional<std::string>& as_of = std::nullopt);

  graph::Store& store_;
  graph::LexiconFacts facts_;
  std::unique_ptr<graph::KnowledgeGraph> graph_;
  std::unique_ptr<SourceTexts> texts_;
  std::optional<std::vector<graph::Verdict>> verdict_history_;
};

}  // namespace claimgraph::query
