#include "query/listing.hpp"

#include "graph/text_case.hpp"

#include <unicode/coll.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

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

namespace {


}  // namespace

std::vector<graph::Vertex> select_figures(const graph::KnowledgeGraph& g,
                                          const std::optional<std::string>& measure,
                                          const std::optional<std::string>& source_id) {
  const std::string wanted = measure ? graph::slug(*measure) : std::string();
  std::vector<graph::Vertex> out;
  const auto candidates = source_id ? g.of_source(*source_id) : g.of_kind(NodeKind::kFigure);
  for (const auto v : candidates) {
    if (g.kind_of(v) != NodeKind::kFigure) continue;
    if (!wanted.empty() && g.figure(v).measure.find(wanted) == std::string::npos) continue;
    out.push_back(v);
  }
  return out;
}

std::vector<graph::Vertex> select_references(const graph::KnowledgeGraph& g,
                                             const std::optional<std::string>& source_id) {
  const auto candidates = source_id ? g.of_source(*source_id) : g.of_kind(NodeKind::kReference);
  std::vector<graph::Vertex> out;
  for (const auto v : candidates) {
    if (g.kind_of(v) == NodeKind::kReference) out.push_back(v);
  }
  return out;
}

std::vector<graph::Vertex> select_actors(const graph::KnowledgeGraph& g,
                                         std::optional<graph::ActorKind> kind) {
  std::vector<graph::Vertex> out;
  for (const auto v : g.of_kind(NodeKind::kActor)) {
    if (!kind || g.actor(v).kind == *kind) out.push_back(v);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return out;
  // Sort keys once; comparing them is a byte comparison.
  std::vector<std::pair<std::string, graph::Vertex>> keyed;  // bytes compare as unsigned
  for (const auto v : out) {
    const auto& name = g.actor(v).name;
    const auto u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    std::string key(static_cast<std::size_t>(collator->getSortKey(u, nullptr, 0)), '\0');
    collator->getSortKey(u, reinterpret_cast<std::uint8_t*>(key.data()),
                         static_cast<int32_t>(key.size()));
    keyed.emplace_back(std::move(key), v);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t i = 0; i < keyed.size(); ++i) out[i] = keyed[i].second;
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
