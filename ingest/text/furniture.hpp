#pragma once
// Page furniture: what a web page puts around an article (captions, credits, bylines,
// comment counters, appeals, disclaimers, headings). General rules live here; the words
// come from the lexicon's furniture rules. Decides per paragraph what is furniture and
// what body text remains.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::text {

struct ParagraphLayout {
  // Set when the whole paragraph is furniture: its kind ("caption", "title", ...).
  std::optional<std::string> furniture;
  // The rule says this paragraph and every later one are furniture (an appeal block).
  bool to_end = false;
  // A run-in heading "Roots in the Soviet Era | " before the body, bar included.
  std::optional<graph::Span> heading;
  // A closing signature "– NAME, TITLE." and the name inside it.
  std::optional<graph::Span> signature;
  std::optional<graph::Span> signer;
  // The paragraph's body text once furniture parts are cut away (empty when furniture).
  graph::Span body;
};

class FurnitureClassifier {
 public:
  // Compiles the lexicon's rules. Throws LexiconError naming the rule of a bad pattern.
  explicit FurnitureClassifier(const Lexicons& lexicons);

  // `title` is the document's title when known: a paragraph repeating it is furniture.
  ParagraphLayout classify(std::string_view text, graph::Span paragraph,
                           const std::optional<std::string>& title) const;

 private:
  struct CompiledRule {
    FurnitureRule rule;
    Regex regex;
  };
  std::vector<CompiledRule> rules_;
  Regex signature_;
};

}  // namespace claimgraph::ingest::text
