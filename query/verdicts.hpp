#pragma once
// The verdicts in force. Editors record verdicts on figures and stance claims (preferred,
// deprecated, cleared); the store keeps every one. In force on a node, at a moment (now when
// none is given), is the last verdict recorded for it by then, unless that one cleared the
// earlier ones or the node's words are no longer those decided on (its source was re-ingested
// with other text: the decision was about other words, and is not carried to these).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/model.hpp"

namespace claimgraph::query {

struct Conflict;

class Verdicts {
 public:
  Verdicts() = default;  // none in force
  // `history` as the store lists it; `as_of`: a date ("2026-12-07", the end of that day) or a
  // moment ("2026-12-07T10:00:00Z"); nullopt: every verdict recorded.
  Verdicts(std::vector<graph::Verdict> history, const graph::KnowledgeGraph& g,
           const std::optional<std::string>& as_of = std::nullopt);

  // The verdict in force on a figure or claim id; nullptr when none is.
  const graph::Verdict* current(std::string_view id) const;
  // Every verdict recorded on the id up to the moment, in the order they took effect.
  std::vector<const graph::Verdict*> history(std::string_view id) const;
  // A conflict an editor has decided: a figure (or claim) of it is preferred, or every side
  // but one is wholly deprecated.
  bool resolved(const graph::KnowledgeGraph& g, const Conflict& conflict) const;
  bool empty() const { return by_target_.empty(); }

  static const Verdicts& none();

 private:
  std::vector<graph::Verdict> all_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_target_;  // into all_
  std::map<std::string, std::size_t, std::less<>> current_;                 // into all_
};

// True for "YYYY-MM-DD" and "YYYY-MM-DDThh:mm:ssZ" with a real calendar date and time.
bool is_moment(std::string_view text);
// Now, UTC, as "YYYY-MM-DDThh:mm:ssZ".
std::string now_utc();
// The words a verdict is decided on: a figure's words, a claim's sentence; nullopt when the
// id names neither a figure nor a claim.
std::optional<std::string> verdict_words(const graph::KnowledgeGraph& g, std::string_view id);

}  // namespace claimgraph::query
