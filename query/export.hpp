#pragma once
// The graph in the formats other tools read, written as it is walked (a node or an edge at a
// time into a stream; nothing of the output is held whole):
//   GraphML   every node and edge kind with typed attributes (<key> declarations): Gephi,
//             yEd, networkx, igraph;
//   JSON-LD   schema.org (NewsArticle, Claim, Person/Organization/Place, CreativeWork or
//             ScholarlyArticle, QuantitativeValue, ClaimReview for a verdict) and PROV-O
//             (wasDerivedFrom, wasAttributedTo, wasQuotedFrom) under one inline @context, so a
//             JSON-LD processor needs no network;
//   CSV       a file per node kind and per edge kind in the layout of Kùzu's COPY FROM and
//             neo4j-admin import (headers "name:type"), and schema.cypher that creates the
//             Kùzu tables and loads the files.
// Ids are the graph's own (stable across runs); an edge is numbered in the order the graph
// lists edges, which a store always gives alike.

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "query/verdicts.hpp"

namespace claimgraph::query {

enum class ExportFormat { kGraphml, kJsonld, kCsv };
std::optional<ExportFormat> export_format_from(std::string_view name);

// What to export: everything, or what one source or the figures of one measure reach (their
// claims, sources, cited works and the actors these name).
struct ExportSelection {
  std::optional<std::string> source;   // a source id
  std::optional<std::string> measure;  // the measure key contains it (as `figures --measure`)
};

// How many nodes and edges of each kind were written ("figure": 30, "states": 30).
struct ExportCounts {
  std::map<std::string, std::size_t> nodes;
  std::map<std::string, std::size_t> edges;
};

// The vertices a selection keeps (indexed by vertex).
std::vector<bool> select_for_export(const graph::KnowledgeGraph& g, const ExportSelection& s);

ExportCounts write_graphml(std::ostream& out, const graph::KnowledgeGraph& g,
                           const std::vector<bool>& keep, const Verdicts& verdicts);
ExportCounts write_jsonld(std::ostream& out, const graph::KnowledgeGraph& g,
                          const std::vector<bool>& keep, const Verdicts& verdicts);
// Into the folder `dir` (made when missing); throws std::runtime_error naming a file that
// cannot be written.
ExportCounts write_csv(const std::string& dir, const graph::KnowledgeGraph& g,
                       const std::vector<bool>& keep, const Verdicts& verdicts);

}  // namespace claimgraph::query
