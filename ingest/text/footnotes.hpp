#pragma once
// Inline footnotes of text copied from web pages: a marker "N)" glued to a sentence
// ("construction.1)“The…", "East. 5)A. S. …", "construction 7)Statistical…") opens the
// footnote's text, which runs until the body resumes, with no separator. Markers count up
// from 1 through a document, which keeps "(a)" and "$700)" from passing for markers. The
// body is taken to resume at the first piece that reads as running prose.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <unicode/uscript.h>

#include "graph/model.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/text/sentences.hpp"

namespace claimgraph::ingest::text {

struct FootnoteCut {
  std::string marker;       // "1"
  graph::Span marker_span;  // the bytes "1)"
  graph::Span text;         // the footnote's own text, trimmed
};

class FootnoteFinder {
 public:
  explicit FootnoteFinder(const Lexicons& lexicons);

  // Footnotes inside text[body], in order. `next_marker` is the number the next footnote
  // of the document must carry; it is advanced past each one found. `script` is the
  // document's main script: a piece in another script is never taken for the body.
  std::vector<FootnoteCut> find(std::string_view text, graph::Span body, int& next_marker,
                                SentenceSplitter& splitter, UScriptCode script) const;

  // True when text[piece] reads as running prose of `script`: five words or more, at least
  // half of them starting lower-case, a clause word among them, no letters of another script
  // and no brackets.
  bool looks_like_prose(std::string_view text, graph::Span piece, UScriptCode script) const;

 private:
  std::unordered_set<std::string> clause_words_;
};

// The script most letters of `text` are written in (USCRIPT_LATIN when there are none).
UScriptCode main_script(std::string_view text);

}  // namespace claimgraph::ingest::text
