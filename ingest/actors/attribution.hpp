#pragma once
// Who a sentence's statement belongs to (DESIGN.md, "Claimant"): "according to X",
// "X demonstrates that", "It says" (the source of the sentence before), with the words of
// attribution.json. "using statistics from Y, X demonstrates" also names Y, the data X used.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/figure_lexicon.hpp"
#include "ingest/tokens.hpp"

namespace claimgraph::ingest::actors {

struct Attribution {
  std::optional<std::string> claimant;  // the source the sentence reports
  // False for news reported inside the author's own statement ("news from X that ... has
  // shone a light"): X claims what the news says (its figures), not the sentence.
  bool whole_sentence = true;
  graph::Span phrase;                   // the attributing words ("according to ...", "X says")
  graph::Span source;                   // the source's own words within them
  // A source named as the subject of a reporting verb: what a later "It says" points to.
  std::optional<std::string> subject;
  std::optional<std::string> underlying;  // "using statistics from Y": Y
  graph::Span underlying_span;
};

// The attribution of one sentence, given its tokens (indexed against lex.phrases) and the
// attribution of the sentence before it in the same paragraph, if any.
Attribution attribute(std::string_view text, const std::vector<Token>& tokens,
                      const FigureLexicon& lex, const Attribution* previous);

}  // namespace claimgraph::ingest::actors
