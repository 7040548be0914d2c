#include "ingest/html/page.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "ingest/html/dom.hpp"
#include "ingest/html/page_metadata.hpp"
#include "ingest/html/page_text.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::html {

std::string Page::body_text() const {
  std::string out;
  for (const auto& p : parts) {
    if (p.kind == PartKind::kHeadline || p.kind == PartKind::kCaption ||
        p.kind == PartKind::kPullQuote || p.kind == PartKind::kNote) {
      continue;
    }
    if (!out.empty()) out += "\n\n";
    out.append(text, p.span.begin, p.span.end - p.span.begin);
  }
  return out;
}

std::uint32_t Page::page_offset(std::uint32_t text_offset) const {
  auto it = std::upper_bound(offsets.begin(), offsets.end(), text_offset,
                             [](std::uint32_t v, const auto& p) { return v < p.first; });
  if (it == offsets.begin()) return 0;
  --it;
  return it->second + (text_offset - it->first);
}

namespace {

std::size_t letters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ' && c != '\n';
  }));
}

bool has_letter(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c > 0 && u_isalpha(c)) return true;
  }
  return false;
}

void add_part(Page& page, PartKind kind, std::string_view text,
              const std::vector<OffsetPiece>& pieces) {
  if (!page.text.empty()) page.text += "\n\n";
  const auto begin = static_cast<std::uint32_t>(page.text.size());
  for (const auto& piece : pieces)
    page.offsets.emplace_back(begin + piece.offset, piece.page_offset);
  page.text += text;
  page.parts.push_back(
      PagePart{kind, graph::Span{begin, static_cast<std::uint32_t>(page.text.size())}, {}});
}

// The stated body's paragraphs (its lines), white space folded.
std::vector<std::string> stated_paragraphs(std::string_view body) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= body.size()) {
    const auto end = std::min(body.find('\n', at), body.size());
    std::string line;
    bool space = false;
    for (const char c : body.substr(at, end - at)) {
      if (c == ' ' || c == '\t' || c == '\r') {
        space = !line.empty();
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += c;
    }
    if (!line.empty()) out.push_back(std::move(line));
    at = end + 1;
  }
  return out;
}

}  // namespace

Page read_page(std::string_view html, const PageLexicon& lexicon, const FigureLexicon& dates,
               std::string_view url) {
  Page page;
  const Dom dom(html);
  std::optional<StatedBody> stated;
  page.meta = read_metadata(dom, url, lexicon, dates, &stated);
  auto blocks = main_text(dom, lexicon);
  std::size_t found = 0;
  for (const auto& b : blocks) {
    found += b.kind == PartKind::kCaption || b.kind == PartKind::kPullQuote ? 0 : letters(b.text);
  }
  // Text without a single letter ("<<<>>>") is no article.
  if (std::none_of(blocks.begin(), blocks.end(),
                   [](const TextBlock& b) { return has_letter(b.text); })) {
    blocks.clear();
    found = 0;
  }
  if (page.meta.title) add_part(page, PartKind::kHeadline, *page.meta.title, {});
  if (stated && letters(stated->text) >= 400 && 2 * found < letters(stated->text)) {
    for (const auto& line : stated_paragraphs(stated->text)) {
      add_part(page, PartKind::kParagraph, line, {OffsetPiece{0, stated->page_offset}});
    }
    page.meta.from["text"] = "json-ld";
    return page;
  }
  for (const auto& b : blocks) {
    // The headline again at the top of the body.
    if (b.kind == PartKind::kHeading && page.meta.title &&
        fold_spaces(b.text) == *page.meta.title) {
      continue;
    }
    add_part(page, b.kind, b.text, b.pieces);
    page.parts.back().label = b.note_label;
    for (const auto& m : b.markers) {
      page.markers.push_back(PageMarker{page.parts.back().span.begin + m.offset, m.label});
    }
  }
  return page;
}

}  // namespace claimgraph::ingest::html
