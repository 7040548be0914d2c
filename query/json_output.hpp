#pragma once
// The JSON shapes of ../shared/JSON-OUTPUT.md (a contract for scripts): source, claim,
// reference and actor objects, and the documents `sources`, `claims` and `show` print.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/store.hpp"
#include "query/source_texts.hpp"
#include "query/verdicts.hpp"

namespace claimgraph::query {

struct Conflict;
struct Trace;

// `claimgraph sources --json`: an array of source objects with their counts added.
void sources_json(std::ostream& out, const std::vector<graph::SourceSummary>& sources);

// `claimgraph claims --json`: an array of claim objects, in document order.
void claims_json(std::ostream& out, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& claims, SourceTexts& texts);

// `claimgraph figures --json`: an array of figure objects. An open upper bound ("more than
// 30,000") prints its hi as the largest double, 1.7976931348623157e308 (JSON has no infinity).
void figures_json(std::ostream& out, const graph::KnowledgeGraph& g,
                  const std::vector<graph::Vertex>& figures, SourceTexts& texts,
                  const Verdicts& verdicts = Verdicts::none());

// `claimgraph references --json` and `claimgraph actors --json`: arrays of the contract's
// reference and actor objects.
void references_json(std::ostream& out, const graph::KnowledgeGraph& g,
                     const std::vector<graph::Vertex>& references);
void actors_json(std::ostream& out, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& actors);

// `claimgraph show ID --json`: one object {"id", "kind", "node", "location", "context"}.
// A figure or claim: "verdict" (in force) and "verdicts" (its history) when an editor decided.
void show_json(std::ostream& out, const graph::KnowledgeGraph& g, graph::Vertex v,
               SourceTexts& texts, const Verdicts& verdicts = Verdicts::none());

// `claimgraph conflicts --json`: an array of conflicts, each with its sides and their items;
// with verdicts, each conflict says whether it is resolved and each item its verdict (in force).
// Agreements are printed without (nullptr).
void conflicts_json(std::ostream& out, const graph::KnowledgeGraph& g,
                    const std::vector<Conflict>& conflicts, const Verdicts* verdicts = nullptr);

// `claimgraph trace QUERY --json`: one trace object.
void trace_json(std::ostream& out, const graph::KnowledgeGraph& g, const Trace& trace,
                SourceTexts& texts, const Verdicts& verdicts = Verdicts::none());

}  // namespace claimgraph::query
