#pragma once
// Actors named in a text (DESIGN.md, "The graph": Actor): the known ones of actors.json and
// places.json in any of their spellings, and names the lexicon does not hold: capitalized
// spans of two words or more ("Anthony Ruggiero", "Primorye Province statistical service"),
// whose kind follows from their words (an organization word makes an organization; two to
// four plain capitalized words a person).

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/model.hpp"
#include "ingest/actors/person_names.hpp"
#include "ingest/figure_lexicon.hpp"

namespace claimgraph::ingest::actors {

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
// actors are one node whatever the spelling. Persons are one node when their names match
// across scripts and romanizations ("A. S. Vashchuk" = "А. С. Ващук", "Ivakhnyuk I.V." =
// "Irina Ivakhnyuk"; person_names.hpp); other actors are keyed by their name.
class ActorRegistry {
 public:
  // `names` may be null: persons are then keyed by their name like any actor.
  ActorRegistry(const ActorFinder& finder, const NameMatcher* names)
      : finder_(finder), names_(names) {}
  // The id of the actor `surface` names, added (or given the spelling as an alias) as needed.
  // `kind` overrides the kind guessed from the words. Ids of persons are provisional until
  // finish().
  std::string add(const std::string& surface, std::optional<graph::ActorKind> kind = std::nullopt);
  std::string add(const ActorMention& mention);
  // Another spelling of the actor `id` ("Приморского краевого комитета …" for the committee).
  void add_alias(const std::string& id, const std::string& surface);
  // Names each person after its fullest Latin spelling ("Irina Ivakhnyuk" over "Ivakhnyuk
  // I.V.") and rewrites the ids in `edges` to match.
  void finish(std::vector<graph::Edge>& edges);
  const std::vector<graph::Actor>& actors() const { return actors_; }

 private:
  std::string put(const std::string& name, const std::string& surface, graph::ActorKind kind);
  std::string alias(std::size_t i, const std::string& surface);
  std::optional<std::size_t> same_person(const PersonName& name) const;
  void index_spelling(std::size_t i, PersonName spelling);
  void index_alias(std::size_t i, const std::string& surface);
  const ActorFinder& finder_;
  const NameMatcher* names_;
  std::vector<graph::Actor> actors_;
  std::vector<std::vector<PersonName>> parsed_;  // per actor: its spellings parsed (persons)
  // Look-ups by hash, so that a document naming tens of thousands of actors (a metadata file
  // of 64 k authors) is registered in time linear in their number.
  std::unordered_map<std::string, std::size_t> by_id_;       // actor id -> index
  std::unordered_map<std::string, std::size_t> by_alias_;    // a spelling -> first actor with it
  std::vector<std::unordered_set<std::string>> alias_sets_;  // per actor: its aliases
  std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;  // persons
};

// A stable actor id for a display name ("actor:andrei-lankov").
std::string actor_id_for(std::string_view name);

}  // namespace claimgraph::ingest::actors
