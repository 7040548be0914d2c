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

// The actors of one document: every spelling met is kept as an alias of its actor. Known
// actors are one node whatever the spelling; others are keyed by their name.
class ActorRegistry {
 public:
  explicit ActorRegistry(const ActorFinder& finder) : finder_(finder) {}
  // The id of the actor `surface` names, added (or given the spelling as an alias) as needed.
  // `kind` overrides the kind guessed from the words.
  std::string add(const std::string& surface, std::optional<graph::ActorKind> kind = std::nullopt);
  std::string add(const ActorMention& mention);
  const std::vector<graph::Actor>& actors() const { return actors_; }

 private:
  std::string put(const std::string& name, const std::string& surface, graph::ActorKind kind);
  const ActorFinder& finder_;
  std::vector<graph::Actor> actors_;
};

// A stable actor id for a display name ("actor:andrei-lankov").
std::string actor_id_for(std::string_view name);

}  // namespace claimgraph::ingest
