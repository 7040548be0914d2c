#pragma once
// Trace (DESIGN.md, "Users and their jobs": an editor tracing a figure): from a figure, by
// Boost.Graph edges, its sentence, source, claimant, the works the sentence cites with the
// works they were cited in, and every other figure of the same measure with how it relates
// (agrees, conflicts, changes over time, other measure).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace claimgraph::query {

struct TraceStep {
  std::string from;
  std::string edge;  // an edge kind's name: "contains", "states", "cites", ...
  std::string to;
};

struct TraceRelated {
  graph::Vertex figure;
  std::string relation;  // "agrees", "conflicts", "changes_over_time", "other_measure"
};

struct Trace {
  graph::Vertex figure;
  graph::Vertex claim;
  std::optional<graph::Vertex> source;
  std::string claimant;
  std::vector<graph::Vertex> references;  // cited works, then the works they were cited in
  std::vector<TraceStep> chain;
  std::vector<TraceRelated> related;
};

// The figures a query names: a figure id; a claim id (its figures); else the figures whose
// words hold the query ("30,000", "35 000": digits and letters compared, spaces and
// separators ignored); else the figures of the claims whose text holds it (a quote). In
// document order.
std::vector<graph::Vertex> find_figures(const graph::KnowledgeGraph& g, std::string_view query);

// `predecessors`: a place's name -> the state it succeeded ("Russia" -> "Soviet Union"), so
// that a Soviet-era figure is a change over time of a Russian one, not another place's.
Trace trace_figure(const graph::KnowledgeGraph& g, graph::Vertex figure,
                   const std::map<std::string, std::string>& predecessors);

}  // namespace claimgraph::query
