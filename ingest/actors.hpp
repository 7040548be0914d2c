#pragma once
// Actors named in a text (DESIGN.md, "The graph": Actor): the known ones of actors.json and
// places.json in any of their spellings, and names the lexicon does not hold: capitalized
// spans of two words or more ("Anthony Ruggiero", "Primorye Province statistical service"),
// whose kind follows from their words (an organization word makes an organization; two to
// four plain capitalized words a person).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/figure_lexicon.hpp"

namespace claimgraph::ingest {

struct ActorMention {
  graph::Span span;
  std::string surface;    // as written, white space folded
  std::string canonical;  // the known actor's name, else the surface
  graph::ActorKind kind = graph::ActorKind::kOther;
  bool known = false;     // from the lexicons
};

// Thread-safe: holds only the shared lexicon.
class ActorFinder {
 public:
  explicit ActorFinder(std::shared_ptr<const FigureLexicon> lexicon);
  std::vector<ActorMention> find(std::string_view text, graph::Span span) const;
  // The kind a name has by its words, for names met outside running text (a source).
  graph::ActorKind kind_of(std::string_view name) const;
  // The known actor a spelling belongs to, if any.
  std::optional<ActorMention> known(std::string_view name) const;

 private:
  std::shared_ptr<const FigureLexicon> lex_;
};

}  // namespace claimgraph::ingest
