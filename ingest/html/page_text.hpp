#pragma once
// The main text of a parsed page: the article's body blocks, without navigation, menus,
// share bars, comments, related links, ads, scripts, styles or forms. A general method, not a
// list of sites: text and link density per block, scores gathered by the containers of the
// blocks, the class and id words of page furniture and of article containers (html.json).

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/html/dom.hpp"
#include "ingest/html/page.hpp"
#include "ingest/html/page_lexicon.hpp"

namespace claimgraph::ingest::html {


// A note marker in the body ("<sup><a href=\"#fn1\">1</a></sup>"): its text is left out of
// the block, and the note it names is recorded at the place it stood.
struct NoteMarker {
  std::uint32_t offset = 0;  // in the block's text: where the marker stood
  std::string label;         // "1"
};

// Where a run of a block's text starts in the page: text[offset..] came from page[page_offset..].
struct OffsetPiece {
  std::uint32_t offset = 0;
  std::uint32_t page_offset = 0;
};

struct TextBlock {
  std::string text;  // whitespace folded, trimmed, never empty
  PartKind kind = PartKind::kParagraph;  // never kHeadline: the page adds it
  std::vector<OffsetPiece> pieces;   // offsets into `text`, ascending
  const GumboNode* owner = nullptr;  // the block element holding it
  std::string note_label;            // a note: its label
  std::vector<NoteMarker> markers;   // markers of notes in this block
};

// The body blocks of the page, in document order, then its notes (kNote, in page order)
// wherever they stand in the page. Empty when the page has no article text.
std::vector<TextBlock> main_text(const Dom& dom, const PageLexicon& lexicon);

}  // namespace claimgraph::ingest::html
