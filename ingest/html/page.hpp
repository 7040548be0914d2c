#pragma once
// A saved web page read as an article: its main text (headline, then the body's blocks, one
// paragraph each, separated by blank lines), what each block is, where each piece of text
// came from in the page, and the metadata the page declares about itself.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/figure_lexicon.hpp"
#include "ingest/html/page_lexicon.hpp"

namespace claimgraph::ingest::html {

enum class PartKind : std::uint8_t {
  kHeadline,
  kParagraph,
  kHeading,
  kListItem,
  kQuote,
  kCaption,
  kPullQuote,
  kPreformatted,
  kTableCell,
  kNote,  // a footnote or endnote, after the body
};

struct PagePart {
  PartKind kind = PartKind::kParagraph;
  graph::Span span;   // in Page::text
  std::string label;  // a note: its label ("1")
};

// Where the body cited a note: the marker stood at `offset` of Page::text.
struct PageMarker {
  std::uint32_t offset = 0;
  std::string label;
};

// The metadata a page declares, each field with where it came from: "json-ld",
// "opengraph", "meta", "time", "title", "canonical", "lang", "host", "text".
struct PageMetadata {
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::vector<std::string> authors;
  std::optional<std::string> date;  // YYYY-MM-DD
  std::optional<std::string> url;
  std::optional<std::string> language;
  std::map<std::string, std::string> from;  // field -> where it came from
};

struct Page {
  std::string text;                 // the main text, UTF-8
  std::vector<PagePart> parts;      // in text order
  std::vector<PageMarker> markers;  // in text order
  PageMetadata meta;
  // Ascending pairs: text[first..] came from page[second..] (bytes of the UTF-8 page).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> offsets;

  // The body without headline and captions, blocks separated by blank lines.
  std::string body_text() const;
  // The page byte a main-text offset came from.
  std::uint32_t page_offset(std::uint32_t text_offset) const;
};

// Reads `html` (UTF-8) as an article with html.json's words and the figure lexicon's dates.
// `url` ("" when unknown) is the page's address when no canonical one is declared; its host
// is the outlet's last resort. Never fails: a page without article text gives an empty text.
// A page whose visible text holds little of the body its JSON-LD states takes the stated one.
Page read_page(std::string_view html, const PageLexicon& lexicon, const FigureLexicon& dates,
               std::string_view url);

}  // namespace claimgraph::ingest::html
