#include "query/agreements.hpp"

#include <algorithm>
#include <numeric>

#include "graph/union_find.hpp"

namespace claimgraph::query {
namespace {

using graph::NodeKind;
using graph::Vertex;

bool agreeing(const FigureFacts& a, const FigureFacts& b) {
  return !a.measure.empty() && a.measure == b.measure && a.unit == b.unit && a.place == b.place &&
         a.source != b.source && times_overlap(a, b) && values_overlap(a, b);
}


}  // namespace

std::vector<Conflict> figure_agreements(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                        Hidden* hidden) {
  const auto& vertices = g.of_kind(NodeKind::kFigure);
  std::vector<graph::FigureFacts> facts;  // in the order of `vertices`
  facts.reserve(vertices.size());
  for (const auto v : vertices) facts.push_back(g.figure_facts(v));
  // Agreeing pairs, within buckets of one measure, unit and place.
  std::map<std::tuple<std::string_view, std::string_view, std::optional<std::string_view>>,
           std::vector<std::size_t>>
      buckets;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].measure.empty()) buckets[{facts[i].measure, facts[i].unit, facts[i].place}].push_back(i);
  }
  graph::UnionFind<> parent(facts.size());
  std::vector<bool> involved(facts.size(), false);
  for (auto& [key, members] : buckets) {
    // A sweep by the low end: once a figure's low end passes x's high end, none after it
    // overlaps x (values_overlap decides the rest), so a bucket costs its size and its pairs.
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return facts[a].lo < facts[b].lo || (facts[a].lo == facts[b].lo && a < b);
    });
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size() && facts[members[y]].lo <= facts[members[x]].hi;
           ++y) {
        const auto a = members[x];
        const auto b = members[y];
        if (!agreeing(facts[a], facts[b])) continue;
        involved[a] = involved[b] = true;
        parent.join(a, b);
      }
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (involved[i]) groups[parent.find(i)].push_back(i);
  }
  std::vector<Conflict> out;
  std::map<std::string, int> per_measure;
  for (const auto& [r, members] : groups) {
    Conflict c;
    c.kind = "figure";
    const auto& first = g.figure(vertices[members.front()]);
    c.topic = first.measure;
    std::map<std::string, ConflictSide> by_source;
    bool unknown_time = false;
    bool wanted_source = !q.source;
    bool wanted_actor = !q.actor;
    for (const auto i : members) {
      const auto& f = g.figure(vertices[i]);
      auto& side = by_source[f.source_id];
      side.figures.push_back(vertices[i]);
      side.label += (side.label.empty() ? "" : "; ") + f.text;
      unknown_time = unknown_time || facts[i].from == 0;
      if (q.source && f.source_id == *q.source) wanted_source = true;
      if (q.actor && (contains_folded(f.claimant, *q.actor) ||
                      contains_folded(outlet_of(g, f.source_id), *q.actor))) {
        wanted_actor = true;
      }
    }
    std::string who;
    for (auto& [source, side] : by_source) {
      side.label += " (" + outlet_of(g, source) + ")";
      who += (who.empty() ? "" : " and ") + side.label;
      c.sides.push_back(std::move(side));
    }
    {
      std::vector<FigureFacts> mine;
      for (const auto i : members) mine.push_back(facts[i]);
      c.confidence = conflict_confidence(mine);
    }
    c.explanation = who + " agree: their intervals overlap, " +
                    std::string(unknown_time ? "a time is unknown" : "their times overlap") +
                    ", same measure (" + first.unit + ") and place (" +
                    first.place.value_or("unknown") + "), from " + std::to_string(c.sides.size()) +
                    " sources";
    if (!wanted_source || !wanted_actor) continue;
    if (q.measure && !contains_folded(c.topic, *q.measure)) continue;
    if (unknown_time && !q.include_undated) {
      if (hidden) ++hidden->undated;
      continue;
    }
    if (c.confidence < q.min_confidence) {
      if (hidden) ++hidden->low_confidence;
      continue;
    }
    const int n = ++per_measure[c.topic];
    c.id = "agreement:" + c.topic + (n > 1 ? "-" + std::to_string(n) : "");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Conflict> stance_agreements(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                        const std::map<std::string, std::string>& propositions,
                                        Hidden* hidden) {
  // proposition -> polarity -> source -> claims
  std::map<std::pair<std::string, graph::Polarity>, std::map<std::string, std::vector<Vertex>>> sides;
  std::map<std::pair<std::string, graph::Polarity>, double> weight;
  for (const auto v : g.of_kind(NodeKind::kClaim)) {
    const auto& c = g.claim(v);
    for (const auto& s : c.stances) {
      sides[{s.proposition, s.polarity}][c.source_id].push_back(v);
      auto& w = weight[{s.proposition, s.polarity}];
      w = std::max(w, s.weight);
    }
  }
  std::vector<Conflict> out;
  for (const auto& [key, by_source] : sides) {
    if (by_source.size() < 2) continue;
    const auto& [proposition, polarity] = key;
    Conflict c;
    c.kind = "stance";
    c.topic = proposition;
    c.id = "agreement:stance:" + proposition + ":" + std::string(to_string(polarity));
    c.confidence = 0.9 * weight[key];
    bool wanted_source = !q.source;
    bool wanted_actor = !q.actor;
    std::string who;
    for (const auto& [source, claims] : by_source) {
      ConflictSide side;
      side.stance = polarity;
      side.claims = claims;
      std::vector<std::string> claimants;
      for (const auto v : claims) {
        const auto& claim = g.claim(v);
        if (std::find(claimants.begin(), claimants.end(), claim.claimant) == claimants.end()) {
          claimants.push_back(claim.claimant);
        }
        if (q.actor && contains_folded(claim.claimant, *q.actor)) wanted_actor = true;
      }
      if (q.source && source == *q.source) wanted_source = true;
      std::string names;
      for (const auto& n : claimants) names += (names.empty() ? "" : ", ") + n;
      side.label = std::string(to_string(polarity)) + ": " + names + " (" + outlet_of(g, source) + ")";
      who += (who.empty() ? "" : "; ") + names + " (" + outlet_of(g, source) + ")";
      c.sides.push_back(std::move(side));
    }
    const auto words = propositions.find(proposition);
    c.explanation = "\u201C" + (words == propositions.end() ? proposition : words->second) +
                    "\u201D: " + std::string(to_string(polarity)) + " \u2014 " + who + ": " +
                    std::to_string(by_source.size()) + " sources take the same side";
    if (!wanted_source || !wanted_actor) continue;
    if (c.confidence < q.min_confidence) {
      if (hidden) ++hidden->low_confidence;
      continue;
    }
    if (q.measure && !contains_folded(c.topic, *q.measure)) continue;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace claimgraph::query
