#include "query/listing.hpp"

namespace claimgraph::query {

using graph::NodeKind;

std::vector<graph::Vertex> select_claims(const graph::KnowledgeGraph& g,
                                         const std::optional<std::string>& source_id) {
  if (!source_id) return g.of_kind(NodeKind::kClaim);
  std::vector<graph::Vertex> out;
  for (const auto v : g.of_source(*source_id)) {
    if (g.kind_of(v) == NodeKind::kClaim) out.push_back(v);
  }
  return out;
}

std::optional<graph::Vertex> source_of(const graph::KnowledgeGraph& g, graph::Vertex v) {
  switch (g.kind_of(v)) {
    case NodeKind::kSource: return v;
    case NodeKind::kClaim: return g.find(g.claim(v).source_id);
    case NodeKind::kFigure: return g.find(g.figure(v).source_id);
    case NodeKind::kReference: return g.find(g.reference(v).source_id);
    case NodeKind::kActor: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Located> locate(const graph::KnowledgeGraph& g, graph::Vertex v) {
  switch (g.kind_of(v)) {
    case NodeKind::kClaim: return Located{g.claim(v).source_id, g.claim(v).span()};
    case NodeKind::kFigure: return Located{g.figure(v).source_id, g.figure(v).span};
    case NodeKind::kReference: return Located{g.reference(v).source_id, g.reference(v).span};
    case NodeKind::kSource:
    case NodeKind::kActor: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace claimgraph::query
