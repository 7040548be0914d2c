#include "ingest/text/segmenter.hpp"

#include "ingest/text/paragraphs.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::text {

Segmenter::Segmenter(const Lexicons& lexicons)
    : sentences_(lexicons), furniture_(lexicons), footnotes_(lexicons) {}

Segmentation Segmenter::segment(std::string_view text, const std::optional<std::string>& title) {
  Segmentation seg;
  seg.paragraphs = split_paragraphs(text);
  const UScriptCode script = main_script(text);
  int next_marker = 1;
  bool rest_is_furniture = false;
  std::string rest_kind;
  std::uint32_t block_start = 0;  // first paragraph of the current signed block

  for (std::uint32_t p = 0; p < seg.paragraphs.size(); ++p) {
    const graph::Span para = seg.paragraphs[p];
    auto furniture = [&](graph::Span span, std::string kind) {
      Segment s;
      s.kind = SegmentKind::kFurniture;
      s.span = span;
      s.paragraph = p;
      s.label = std::move(kind);
      seg.segments.push_back(std::move(s));
    };
    if (rest_is_furniture) {
      furniture(para, rest_kind);
      continue;
    }
    const ParagraphLayout layout = furniture_.classify(text, para, title);
    if (layout.furniture) {
      furniture(para, *layout.furniture);
      if (layout.to_end) {
        rest_is_furniture = true;
        rest_kind = *layout.furniture;
      }
      continue;
    }
    if (layout.heading) furniture(*layout.heading, "heading");

    // Body: sentences around the footnotes cut out of it.
    const auto cuts = footnotes_.find(text, layout.body, next_marker, sentences_, script);
    std::uint32_t cursor = layout.body.begin;
    auto add_sentences = [&](graph::Span region) {
      for (const graph::Span s : sentences_.split(text, region)) {
        Segment sentence;
        sentence.kind = SegmentKind::kSentence;
        sentence.span = s;
        sentence.paragraph = p;
        seg.segments.push_back(std::move(sentence));
      }
    };
    for (const auto& cut : cuts) {
      add_sentences(graph::Span{cursor, cut.marker_span.begin});
      // The marker cites from the last sentence before it (in this paragraph).
      std::optional<std::size_t> citing;
      for (std::size_t i = seg.segments.size(); i-- > 0;) {
        if (seg.segments[i].paragraph != p) break;
        if (seg.segments[i].kind == SegmentKind::kSentence) {
          citing = i;
          break;
        }
      }
      Segment note;
      note.kind = SegmentKind::kFootnote;
      note.span = cut.text;
      note.paragraph = p;
      note.label = cut.marker;
      note.marker = cut.marker_span;
      seg.segments.push_back(std::move(note));
      if (citing) seg.segments[*citing].footnotes.push_back(seg.segments.size() - 1);
      cursor = cut.text.end;
    }
    add_sentences(graph::Span{cursor, layout.body.end});

    if (layout.signature) {
      furniture(*layout.signature, "signature");
      seg.signatures.push_back(Signature{block_start, p, *layout.signer});
      block_start = p + 1;
    }
  }
  return seg;
}

}  // namespace claimgraph::ingest::text
