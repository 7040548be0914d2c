#pragma once
// Selections of the graph that listings print.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace claimgraph::query {

// How many of a claim's spans (each time its sentence is said) `show` and the claim objects
// of the JSON outputs list; the count says how many in all.
inline constexpr std::size_t kSpansListed = 10;

// Claims in document order, of one source when `source_id` is given.
std::vector<graph::Vertex> select_claims(const graph::KnowledgeGraph& g,
                                         const std::optional<std::string>& source_id);

// Figures in document order; of one source when `source_id` is given; whose measure key
// contains `measure` (compared as a slug: "work permits" finds "north-korean-work-permits").
std::vector<graph::Vertex> select_figures(const graph::KnowledgeGraph& g,
                                          const std::optional<std::string>& measure,
                                          const std::optional<std::string>& source_id);

// References in document order (each work once), of one source when `source_id` is given.
std::vector<graph::Vertex> select_references(const graph::KnowledgeGraph& g,
                                             const std::optional<std::string>& source_id);

// Actors of one kind (all when `kind` is null), sorted by name with an ICU Collator (root
// locale): "Andrei Lankov" before "Ланкин А.С." before "이영형".
std::vector<graph::Vertex> select_actors(const graph::KnowledgeGraph& g,
                                         std::optional<graph::ActorKind> kind);

// The source vertex a claim, figure or reference belongs to (itself for a source).
std::optional<graph::Vertex> source_of(const graph::KnowledgeGraph& g, graph::Vertex v);

// Where a node's words are: its primary span and source id (nullopt for actors).
struct Located {
  std::string source_id;
  graph::Span span;
};
std::optional<Located> locate(const graph::KnowledgeGraph& g, graph::Vertex v);

}  // namespace claimgraph::query
