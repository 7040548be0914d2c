#pragma once
// Conflicts (DESIGN.md, "Conflict", "Stance"). Figure conflicts: figures of one measure and place, from different
// sources, whose times overlap and whose value intervals do not. They are grouped per measure
// into sides (figures that agree with each other form one side), never listed pair by pair,
// and each conflict carries its confidence and its reason in words. Derived at query time,
// never stored.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/figure_facts.hpp"
#include "graph/knowledge_graph.hpp"

namespace claimgraph::query {

using graph::day_of;
using graph::facts_of;
using graph::FigureFacts;

bool values_overlap(const FigureFacts& a, const FigureFacts& b);
// An unknown time overlaps every time.
bool times_overlap(const FigureFacts& a, const FigureFacts& b);
// Same measure, unit and place, other sources, overlapping times, values apart.
bool conflicting(const FigureFacts& a, const FigureFacts& b);

// Every conflicting pair (i < j), sorted. The fast finder buckets by measure and place and
// compares a figure only with those whose interval starts at or after its end; the brute
// force compares every pair. They must agree.
std::vector<std::pair<std::size_t, std::size_t>> conflicting_pairs(
    const std::vector<FigureFacts>& figures);
std::vector<std::pair<std::size_t, std::size_t>> conflicting_pairs_brute_force(
    const std::vector<FigureFacts>& figures);
// The same, over figures already ordered (graph::order_figures, or a graph's figure index):
// the order's scan items hold all that is compared, and the pairs number the ordered facts.
std::vector<std::pair<std::size_t, std::size_t>> conflicting_pairs(const graph::FigureOrder& order);

// Conflicts as groups: each a connected set of conflicting figures, parted into sides of
// figures that all agree with each other (taken in order of value); sides ordered by their
// lowest value, figures by index.
using Sides = std::vector<std::vector<std::size_t>>;
std::vector<Sides> group_conflicts(const std::vector<FigureFacts>& figures,
                                   const std::vector<std::pair<std::size_t, std::size_t>>& pairs);

struct ConflictSide {
  std::string label;                   // "about 20,000 (Sino-NK, 2017)", "against"
  std::vector<graph::Vertex> figures;  // a figure conflict's: figure vertices
  std::vector<graph::Vertex> claims;   // a stance conflict's: claim vertices
  std::optional<graph::Polarity> stance;  // a stance conflict's side
};

struct Conflict {
  std::string id;  // "conflict:north-korean-workers" (+ "-2", … for more of one measure)
  std::string kind = "figure";
  std::string topic;  // the measure, or the proposition's id
  double confidence = 0;
  std::string explanation;
  std::vector<ConflictSide> sides;
};

// Conflicts below this confidence are hidden unless asked for (--min-confidence).
inline constexpr double kDefaultMinConfidence = 0.4;

struct ConflictQuery {
  std::optional<std::string> measure;  // the measure key contains it
  std::optional<std::string> actor;    // a claimant or source outlet/author contains it
  std::optional<std::string> source;   // one side holds a figure of this source
  double min_confidence = kDefaultMinConfidence;
  // A figure whose time is unknown overlaps every time: its conflicts are candidates, shown
  // only when asked for.
  bool include_undated = false;
};

// What a query left out, for the line under its results.
struct Hidden {
  std::size_t undated = 0;          // candidates with a figure of unknown time
  std::size_t low_confidence = 0;   // below the query's min_confidence
};

// A conflict's confidence from its figures: 0.9, times 0.4 when a figure has no place at all;
// 0.5 when a figure's sentence names neither its place nor its time;
// 0.9 when one is hedged, a range or a bound; 0.85 when a place, and 0.85 when a measure, was
// read beyond the figure's sentence; 0.9 when a time is the document's date; 0.75 when a time
// is unknown.
double conflict_confidence(const std::vector<FigureFacts>& figures);

// Shared with agreements: `needle` in `haystack`, ASCII case ignored; a source's outlet, else
// its id.
bool contains_folded(const std::string& haystack, const std::string& needle);
std::string outlet_of(const graph::KnowledgeGraph& g, const std::string& source_id);

// The figure conflicts of the graph, by measure, then by confidence. Every pair of figures on
// different sides of one conflict conflicts (DESIGN.md): a group whose sides do not hold that
// (times that overlap only through a figure between them, one source on two sides) is
// reported as its conflicting pairs. `hidden`, when given, counts what the query left out.
std::vector<Conflict> figure_conflicts(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                       Hidden* hidden = nullptr);

// Stance conflicts: per proposition, the claims for it against the claims against it, when
// a claimant on one side is not on the other. `propositions` gives each proposition's words
// by its id (for the explanation); an id it lacks is shown as it is.
std::vector<Conflict> stance_conflicts(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                       const std::map<std::string, std::string>& propositions,
                                       Hidden* hidden = nullptr);

}  // namespace claimgraph::query
