#include "query/trace.hpp"

#include "graph/text_case.hpp"

#include <algorithm>

#include "query/conflicts.hpp"

namespace claimgraph::query {
namespace {

using graph::EdgeKind;
using graph::NodeKind;
using graph::Vertex;

// Letters and digits of ASCII text, lower case: "35 000" and "35,000" are both "35000".
std::string key(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const char l = graph::ascii_lower(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || static_cast<unsigned char>(l) >= 0x80) {
      out.push_back(l);
    }
  }
  return out;
}

// One place is the other, or one succeeded the other (Russia and the Soviet Union).
bool same_lineage(const std::optional<std::string>& a, const std::optional<std::string>& b,
                  const std::map<std::string, std::string>& predecessors) {
  if (a == b) return true;
  if (!a || !b) return false;
  const auto succeeded = [&](const std::string& x, const std::string& y) {
    for (auto it = predecessors.find(x); it != predecessors.end(); it = predecessors.find(it->second)) {
      if (it->second == y) return true;
      if (it->second == x) break;
    }
    return false;
  };
  return succeeded(*a, *b) || succeeded(*b, *a);
}

// Whether the measure key `a` is whole words of `b` ("north-korean-workers" of
// "north-korean-workers-sent"; not "workers" of "workforce").
bool key_within(const std::string& a, const std::string& b) {
  return ("-" + b + "-").find("-" + a + "-") != std::string::npos;
}

}  // namespace

std::vector<Vertex> find_figures(const graph::KnowledgeGraph& g, std::string_view query) {
  if (const auto v = g.find(query)) {
    if (g.kind_of(*v) == NodeKind::kFigure) return {*v};
    if (g.kind_of(*v) == NodeKind::kClaim) return g.out(*v, EdgeKind::kStates);
  }
  std::vector<Vertex> out;
  const auto wanted = key(query);
  if (wanted.empty()) return out;
  for (const auto v : g.of_kind(NodeKind::kFigure)) {
    if (key(g.figure(v).text).find(wanted) != std::string::npos) out.push_back(v);
  }
  if (!out.empty()) return out;
  for (const auto c : g.of_kind(NodeKind::kClaim)) {
    if (g.claim(c).text.find(query) == std::string::npos) continue;
    for (const auto f : g.out(c, EdgeKind::kStates)) out.push_back(f);
  }
  return out;
}

Trace trace_figure(const graph::KnowledgeGraph& g, Vertex figure,
                   const std::map<std::string, std::string>& predecessors) {
  Trace t;
  t.figure = figure;
  const auto& f = g.figure(figure);
  const auto claims = g.in(figure, EdgeKind::kStates);
  t.claim = claims.empty() ? figure : claims.front();
  t.claimant = f.claimant;
  const auto step = [&](Vertex from, EdgeKind kind, Vertex to) {
    t.chain.push_back({g.id_of(from), std::string(graph::to_string(kind)), g.id_of(to)});
  };
  if (!claims.empty()) {
    for (const auto s : g.in(t.claim, EdgeKind::kContains)) {
      t.source = s;
      step(s, EdgeKind::kContains, t.claim);
    }
    step(t.claim, EdgeKind::kStates, figure);
    for (const auto a : g.out(t.claim, EdgeKind::kClaimedBy)) step(t.claim, EdgeKind::kClaimedBy, a);
    if (t.source) {
      for (const auto a : g.out(*t.source, EdgeKind::kAuthoredBy)) step(*t.source, EdgeKind::kAuthoredBy, a);
      for (const auto a : g.out(*t.source, EdgeKind::kPublishedBy)) step(*t.source, EdgeKind::kPublishedBy, a);
    }
    // The cited works, then, breadth first, the works they were cited in and the data cited
    // in them.
    std::vector<Vertex> queue = g.out(t.claim, EdgeKind::kCites);
    for (const auto r : queue) step(t.claim, EdgeKind::kCites, r);
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const auto r = queue[i];
      if (std::find(t.references.begin(), t.references.end(), r) != t.references.end()) continue;
      t.references.push_back(r);
      for (const auto a : g.out(r, EdgeKind::kAuthoredBy)) step(r, EdgeKind::kAuthoredBy, a);
      for (const auto up : g.out(r, EdgeKind::kCitedIn)) {
        step(r, EdgeKind::kCitedIn, up);
        queue.push_back(up);
      }
      for (const auto down : g.in(r, EdgeKind::kCitedIn)) {
        step(down, EdgeKind::kCitedIn, r);
        queue.push_back(down);
      }
    }
  }
  // Every other figure of the measure, and of measures that qualify the same count
  // ("north-korean-workers-sent" beside "north-korean-workers"), each with its relation.
  const auto mine = facts_of(f);
  const auto& index = g.figure_index();
  const auto related_measure = [&](const std::string& other) {
    if (f.measure.empty() || other.empty() || f.measure == "unknown" || other == "unknown") return false;
    return other == f.measure || key_within(f.measure, other) || key_within(other, f.measure);
  };
  for (std::size_t i = 0; i < index.vertices.size(); ++i) {
    const auto v = index.vertices[i];
    if (v == figure || !related_measure(*g.figure_strings(v).measure)) continue;
    const auto theirs = g.figure_facts(v);
    const auto other = g.figure(v);
    std::string relation;
    if (other.measure != f.measure || other.unit != f.unit) {
      relation = "other_measure";
    } else if (!same_lineage(f.place, other.place, predecessors)) {
      relation = "other_place";
    } else if (other.place != f.place || !times_overlap(mine, theirs)) {
      // Another time (or the state this place succeeded, another era): a change when the
      // values are apart, the same count again when not.
      relation = values_overlap(mine, theirs) ? "other_time" : "changes_over_time";
    } else if (conflicting(mine, theirs)) {
      relation = "conflicts";
    } else if (values_overlap(mine, theirs)) {
      relation = "agrees";
    } else {
      // Values apart from one source: at times it tells apart, a change; at one time, two
      // counts of its own of different things.
      const bool same_time = mine.from == theirs.from && mine.to == theirs.to;
      relation = same_time ? "other_measure" : "changes_over_time";
    }
    t.related.push_back({v, relation});
  }
  // What matters most first: conflicts, agreements, changes, then the rest.
  const auto rank = [](const std::string& r) {
    return r == "conflicts" ? 0 : r == "agrees" ? 1 : r == "changes_over_time" ? 2 : 3;
  };
  std::stable_sort(t.related.begin(), t.related.end(), [&](const auto& a, const auto& b) {
    return rank(a.relation) < rank(b.relation);
  });
  return t;
}

}  // namespace claimgraph::query
