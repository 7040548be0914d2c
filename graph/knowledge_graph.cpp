#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <boost/range/iterator_range.hpp>

namespace claimgraph::graph {

Vertex KnowledgeGraph::add_vertex(NodeKind kind, std::uint32_t index, const std::string& id,
                                  const std::string* source_id) {
  const Vertex v = boost::add_vertex(VertexProps{kind, index}, graph_);
  by_id_.emplace(id, v);
  by_kind_[static_cast<std::size_t>(kind)].push_back(v);
  if (source_id != nullptr) by_source_[*source_id].push_back(v);
  return v;
}

Vertex KnowledgeGraph::add_source(Source source) {
  if (auto v = find(source.id)) return *v;
  sources_.push_back(std::move(source));
  const auto& s = sources_.back();
  return add_vertex(NodeKind::kSource, static_cast<std::uint32_t>(sources_.size() - 1), s.id,
                    nullptr);
}

Vertex KnowledgeGraph::add_claim(Claim claim) {
  if (auto v = find(claim.id)) return *v;
  claims_.push_back(std::move(claim));
  const auto& c = claims_.back();
  return add_vertex(NodeKind::kClaim, static_cast<std::uint32_t>(claims_.size() - 1), c.id,
                    &c.source_id);
}

Vertex KnowledgeGraph::add_figure(Figure figure) {
  if (auto v = find(figure.id)) return *v;
  figure_index_.reset();  // its views may move with the vector
  figures_.push_back(std::move(figure));
  const auto& f = figures_.back();
  return add_vertex(NodeKind::kFigure, static_cast<std::uint32_t>(figures_.size() - 1), f.id,
                    &f.source_id);
}

Vertex KnowledgeGraph::add_actor(Actor actor) {
  auto v = find(actor.id);
  // One person, one node across documents: another document's actor with the same match key
  // ("ivahniuk|irina" for "Irina Ivakhnyuk" and "Ivakhnyuk, Irina") answers to this one.
  if (!v && !actor.key.empty()) {
    if (const auto it = by_actor_key_.find(actor.key); it != by_actor_key_.end()) {
      v = it->second;
      by_id_.emplace(actor.id, *v);
    }
  }
  if (v) {
    auto& existing = actors_[graph_[*v].index];
    for (auto& alias : actor.aliases) {
      if (std::find(existing.aliases.begin(), existing.aliases.end(), alias) ==
          existing.aliases.end()) {
        existing.aliases.push_back(std::move(alias));
      }
    }
    return *v;
  }
  actors_.push_back(std::move(actor));
  const auto& a = actors_.back();
  const auto added = add_vertex(NodeKind::kActor, static_cast<std::uint32_t>(actors_.size() - 1),
                                a.id, nullptr);
  if (!a.key.empty()) by_actor_key_.emplace(a.key, added);
  return added;
}

Vertex KnowledgeGraph::add_reference(Reference reference) {
  if (auto v = find(reference.id)) return *v;
  if (!reference.work_key.empty()) {
    // One work, one node: a second citation of it answers to the first one's vertex.
    if (const auto it = by_work_key_.find(reference.work_key); it != by_work_key_.end()) {
      references_[graph_[it->second].index].merged_ids.push_back(reference.id);
      by_id_.emplace(reference.id, it->second);
      auto& listed = by_source_[reference.source_id];
      if (std::find(listed.begin(), listed.end(), it->second) == listed.end()) {
        listed.push_back(it->second);
      }
      return it->second;
    }
  }
  references_.push_back(std::move(reference));
  const auto& r = references_.back();
  const Vertex v = add_vertex(NodeKind::kReference,
                              static_cast<std::uint32_t>(references_.size() - 1), r.id,
                              &r.source_id);
  if (!r.work_key.empty()) by_work_key_.emplace(r.work_key, v);
  return v;
}

bool KnowledgeGraph::add_edge(const Edge& edge) {
  const auto from = find(edge.from);
  const auto to = find(edge.to);
  if (!from || !to) {
    ++dropped_edges_;
    return false;
  }
  // References merged into one work bring the same edge twice (footnotes 2 and 5 both name
  // their author): one is kept.
  for (const auto e : boost::make_iterator_range(boost::out_edges(*from, graph_))) {
    if (boost::target(e, graph_) == *to && graph_[e].kind == edge.kind) return true;
  }
  boost::add_edge(*from, *to, EdgeProps{edge.kind}, graph_);
  return true;
}

void KnowledgeGraph::add(const DocumentGraph& doc) {
  add_source(doc.source);
  for (const auto& a : doc.actors) add_actor(a);
  for (const auto& c : doc.claims) add_claim(c);
  for (const auto& f : doc.figures) add_figure(f);
  for (const auto& r : doc.references) add_reference(r);
  for (const auto& e : doc.edges) add_edge(e);
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

const std::string& KnowledgeGraph::id_of(Vertex v) const {
  const auto& p = graph_[v];
  switch (p.kind) {
    case NodeKind::kSource: return sources_[p.index].id;
    case NodeKind::kClaim: return claims_[p.index].id;
    case NodeKind::kFigure: return figures_[p.index].id;
    case NodeKind::kActor: return actors_[p.index].id;
    case NodeKind::kReference: return references_[p.index].id;
  }
  return sources_.at(p.index).id;  // unreachable for a valid kind
}

const std::vector<Vertex>& KnowledgeGraph::of_kind(NodeKind kind) const {
  return by_kind_[static_cast<std::size_t>(kind)];
}

std::vector<Vertex> KnowledgeGraph::of_source(std::string_view source_id) const {
  const auto it = by_source_.find(std::string(source_id));
  if (it == by_source_.end()) return {};
  return it->second;
}

std::vector<Vertex> KnowledgeGraph::out(Vertex v, EdgeKind kind) const {
  std::vector<Vertex> result;
  for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) {
    if (graph_[*it].kind == kind) result.push_back(boost::target(*it, graph_));
  }
  return result;
}

std::vector<Vertex> KnowledgeGraph::in(Vertex v, EdgeKind kind) const {
  std::vector<Vertex> result;
  for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it) {
    if (graph_[*it].kind == kind) result.push_back(boost::source(*it, graph_));
  }
  return result;
}

const FigureIndex& KnowledgeGraph::figure_index() const {
  // Rebuilt when figures were added or this graph is a copy (its views would be another's).
  if (!figure_index_ || figure_index_->base != static_cast<const void*>(figures_.data())) {
    auto index = std::make_shared<FigureIndex>();
    index->base = figures_.data();
    const auto& vertices = of_kind(NodeKind::kFigure);
    index->vertices.reserve(vertices.size());
    index->facts.reserve(vertices.size());
    for (const auto v : vertices) {
      index->vertices.push_back(static_cast<std::uint32_t>(v));
      index->facts.push_back(facts_of(figure(v)));
    }
    index->order = order_figures(index->facts);
    figure_index_ = std::move(index);
  }
  return *figure_index_;
}

}  // namespace claimgraph::graph
