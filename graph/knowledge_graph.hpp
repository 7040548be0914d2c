#pragma once
// The in-memory graph the query engine walks: a Boost.Graph bidirectional adjacency_list
// whose vertices carry (kind, index into the typed node table) and whose edges carry their
// kind. Typed look-ups by id, by kind and by source. Not thread-safe for writes; concurrent
// reads of a graph no one modifies are safe.

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/figure_facts.hpp"
#include "graph/model.hpp"

namespace claimgraph::graph {

// Bundled vertex property: which node table, and the row in it.
struct VertexProps {
  NodeKind kind = NodeKind::kSource;
  std::uint32_t index = 0;
};
struct EdgeProps {
  EdgeKind kind = EdgeKind::kContains;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps,
                                    EdgeProps>;
using Vertex = Graph::vertex_descriptor;

class KnowledgeGraph {
 public:
  // Adds a document's nodes and edges. Actors already present (same id) are merged:
  // their aliases are united. A reference whose work key is already present is the same
  // work: its id answers to the existing vertex (listed in its merged_ids). Edges whose ends
  // are unknown are dropped and counted.
  void add(const DocumentGraph& doc);

  // Adds one node; returns its vertex. An id already present returns the existing vertex.
  Vertex add_source(Source source);
  Vertex add_claim(Claim claim);
  Vertex add_figure(Figure figure);
  Vertex add_actor(Actor actor);
  Vertex add_reference(Reference reference);
  // Returns false (and adds nothing) when either end is not in the graph.
  bool add_edge(const Edge& edge);

  std::optional<Vertex> find(std::string_view id) const;
  NodeKind kind_of(Vertex v) const { return graph_[v].kind; }
  const std::string& id_of(Vertex v) const;

  // Typed access; requires kind_of(v) to match.
  const Source& source(Vertex v) const { return sources_[graph_[v].index]; }
  const Claim& claim(Vertex v) const { return claims_[graph_[v].index]; }
  const Figure& figure(Vertex v) const { return figures_[graph_[v].index]; }
  const Actor& actor(Vertex v) const { return actors_[graph_[v].index]; }
  const Reference& reference(Vertex v) const { return references_[graph_[v].index]; }

  // All vertices of a kind, in insertion order.
  const std::vector<Vertex>& of_kind(NodeKind kind) const;
  // The figures' facts in the order conflict queries walk them; built on first use (Store::load
  // builds it) and again after a figure is added. Not thread-safe on first use.
  const FigureIndex& figure_index() const;
  // All vertices a source contributed (its claims, figures, references), in insertion order.
  std::vector<Vertex> of_source(std::string_view source_id) const;
  // Targets of v's out-edges of `kind`, and sources of v's in-edges of `kind`.
  std::vector<Vertex> out(Vertex v, EdgeKind kind) const;
  std::vector<Vertex> in(Vertex v, EdgeKind kind) const;

  std::size_t node_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return boost::num_edges(graph_); }
  std::size_t dropped_edges() const { return dropped_edges_; }
  const Graph& boost_graph() const { return graph_; }

 private:
  Vertex add_vertex(NodeKind kind, std::uint32_t index, const std::string& id,
                    const std::string* source_id);

  Graph graph_;
  std::vector<Source> sources_;
  std::vector<Claim> claims_;
  std::vector<Figure> figures_;
  mutable std::shared_ptr<const FigureIndex> figure_index_;  // views into figures_
  std::vector<Actor> actors_;
  std::vector<Reference> references_;
  std::unordered_map<std::string, Vertex> by_id_;
  std::vector<std::vector<Vertex>> by_kind_ = std::vector<std::vector<Vertex>>(5);
  std::unordered_map<std::string, std::vector<Vertex>> by_source_;
  std::unordered_map<std::string, Vertex> by_work_key_;
  std::unordered_map<std::string, Vertex> by_actor_key_;  // Actor::key -> its node
  std::size_t dropped_edges_ = 0;
};

}  // namespace claimgraph::graph
