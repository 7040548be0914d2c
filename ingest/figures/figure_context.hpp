#pragma once
// What a figure counts, where, when and on whose word (DESIGN.md, "Measure, place, time"
// and "Claimant"), resolved over a whole document because the answers are often in an
// earlier sentence: "an estimated 20,000 of them" counts the laborers of the sentence
// before; "They have numbered around 20,000" the North Koreans of the one before that.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/actors/attribution.hpp"
#include "ingest/figure_lexicon.hpp"
#include "ingest/figures/figures.hpp"

namespace claimgraph::ingest::figures {

// One claim's sentence with the figures found in it.
struct SentenceFigures {
  graph::Span span;
  std::uint32_t paragraph = 0;
  std::string claimant;  // the claim's claimant: the figure's unless the sentence names another
  std::vector<FoundFigure> figures;
};

struct FigureFacts {
  // What is counted, as a key: the measure of measures.json qualified by the demonym of its
  // noun phrase ("north-korean-workers"); a share names its whole ("chinese-workers-share-of-
  // work-force"). "unknown" when nothing counted was found.
  std::string measure;
  std::string unit;                  // the figure's unit, else its measure's ("persons")
  std::optional<std::string> place;  // a places.json name, "abroad", or null
  std::optional<std::string> time_from;  // "YYYY[-MM[-DD]]"; both null = unknown
  std::optional<std::string> time_to;
  std::string claimant;
  std::uint8_t inferred = 0;  // graph::kInferred* bits: scope read beyond the sentence
};

// Facts for every figure of every sentence, in the same order. `document_date` is the
// source's date ("YYYY[-MM[-DD]]") or null when unknown. `dateline`: the bytes of a dateline
// ("VLADIVOSTOK, March 3, 2021 —"), whose place is the reporter's, not the figures'.
// With `attributions`, also returns who each sentence's statement belongs to (found on the way).
std::vector<std::vector<FigureFacts>> resolve_figure_context(
    std::string_view text, const std::vector<SentenceFigures>& sentences,
    const std::optional<std::string>& document_date, const FigureLexicon& lexicon,
    std::vector<actors::Attribution>* attributions = nullptr, graph::Span dateline = {});

}  // namespace claimgraph::ingest::figures
