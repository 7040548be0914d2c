#pragma once
// `claimgraph eval GOLD.json`: the store's graph scored against a gold annotation, by the
// matching rules of ../shared/gold/README.md: figures, references, actors and conflicts.

#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "query/gold.hpp"
#include "query/source_texts.hpp"

namespace claimgraph::query {

struct FigureScore {
  std::size_t reported = 0;        // figures of the gold's documents the store holds
  std::size_t correct = 0;         // of those, matching a gold figure (optional ones too)
  std::size_t required = 0;        // non-optional gold figures
  std::size_t found = 0;           // of those, matched
  std::size_t unit_agrees = 0;     // matched gold figures whose unit agrees
  std::size_t not_figure_hits = 0;
  double precision = 0;
  double recall = 0;
  std::vector<std::string> missed;           // gold ids not found, with why
  std::vector<std::string> false_positives;  // our ids that match nothing, with their text
  std::vector<std::string> not_figures_hit;  // not_figures texts reported
  std::vector<std::string> unit_mismatches;
};

struct ReferenceScore {
  std::size_t found = 0;  // gold footnotes with a reference node of that marker
  std::size_t total = 0;
  std::size_t fields_correct = 0;  // over the fields each gold reference annotates
  std::size_t fields_total = 0;
  double field_accuracy = 0;
  std::size_t same_work_joined = 0;  // "same_work_as" pairs that are one node
  std::size_t same_work_total = 0;
  std::vector<std::string> wrong;  // "R3.title: \"ours\" for \"gold\""
};

struct ActorScore {
  std::size_t groups_resolved = 0;  // every spelling an alias of one actor node
  std::size_t groups_total = 0;
  std::size_t distinct_merged = 0;
  std::vector<std::string> unresolved;  // the spellings of each group not joined
  std::vector<std::string> merged;      // distinct pairs found on one node
};

struct ConflictScore {
  std::size_t required_found = 0;
  std::size_t required_total = 0;
  std::size_t reported = 0;         // conflicts the engine reports
  std::size_t correct = 0;          // of those, ones the gold lists
  std::size_t tensions = 0;         // ones the gold calls possible tensions: not counted
  std::size_t false_conflicts = 0;  // gold non-conflicts reported as conflicts
  std::size_t stance_items_right = 0;  // quotes of gold stance conflicts on the right side
  std::size_t stance_items_total = 0;  // with the right claimant, of all
  double precision = 0;             // correct / (reported - tensions)
  double recall = 0;                // required_found / required_total
  std::vector<std::string> missed;  // required conflicts not found, with why
  std::vector<std::string> wrong;   // non-conflicts reported, conflicts the gold lacks
};

struct EvalReport {
  std::string gold_path;
  FigureScore figures;
  ReferenceScore references;
  ActorScore actors;
  ConflictScore conflicts;
  std::vector<std::string> warnings;  // gold documents not in the store, quotes not found
};

EvalReport evaluate(const Gold& gold, const graph::KnowledgeGraph& g, SourceTexts& texts);

// The object of JSON-OUTPUT.md ("claimgraph eval GOLD.json --json"), with details added.
std::string eval_json(const EvalReport& report);
std::string eval_text(const EvalReport& report);

}  // namespace claimgraph::query
