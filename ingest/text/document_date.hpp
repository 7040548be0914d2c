#pragma once
// A document's date from its own text, for a document whose metadata gives none (DESIGN.md,
// "Measure, place, time": "at present" and "last year" count from it). Only a date that
// stands where an article states its own: on a line of its own ("March 3, 2021",
// "Updated 3 марта 2021 года 10:15", "입력 2021.03.03"), in a byline ("By Jane Doe | March 3,
// 2021") or in a dateline before a dash ("VLADIVOSTOK, March 3, 2021 — ..."), among the
// first lines. A date inside a sentence ("In March 2013, ...") is what the sentence is about,
// never the article's.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/figure_lexicon.hpp"

namespace claimgraph::ingest::text {

struct TextDate {
  std::string date;        // "YYYY-MM" or "YYYY-MM-DD"
  std::size_t offset = 0;  // where it is written
  // A dateline's bytes, from its line's start to its dash ("VLADIVOSTOK, March 3, 2021 —");
  // empty when the date stands on a line of its own.
  graph::Span dateline;
};

std::optional<TextDate> date_from_text(std::string_view text, const FigureLexicon& lexicon);

}  // namespace claimgraph::ingest::text
