#pragma once
// Agreements (DESIGN.md, "Conflict"): the same figure or the same stance from independent
// sources. Figures agree when they share measure, unit and place, their times overlap and
// their intervals overlap; claims agree when they take one side of a proposition. Each source
// is a side, so a source repeating itself is never an agreement. Same shape as conflicts.

#include <map>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "query/conflicts.hpp"

namespace claimgraph::query {

// Figures in agreement, by measure: connected sets of agreeing figures from two sources or more.
std::vector<Conflict> figure_agreements(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                        Hidden* hidden = nullptr);

// Claims on one side of a proposition from two sources or more.
std::vector<Conflict> stance_agreements(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                        const std::map<std::string, std::string>& propositions,
                                        Hidden* hidden = nullptr);

}  // namespace claimgraph::query
