#pragma once
// Segmentation of one document into byte spans: paragraphs; then per paragraph its page
// furniture, inline footnotes and body sentences. Plain data out; no claims yet.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/text/footnotes.hpp"
#include "ingest/text/furniture.hpp"
#include "ingest/text/sentences.hpp"

namespace claimgraph::ingest::text {

enum class SegmentKind { kSentence, kFootnote, kFurniture };

struct Segment {
  SegmentKind kind = SegmentKind::kSentence;
  graph::Span span;
  std::uint32_t paragraph = 0;  // index into Segmentation::paragraphs
  // Furniture: its kind ("caption", "heading", "signature", ...). Footnote: its marker ("1").
  std::string label;
  graph::Span marker;  // footnote: the marker's bytes "1)"
  // Sentence: the footnote segments (indexes into segments) whose markers follow it.
  std::vector<std::size_t> footnotes;
};

// A paragraph closed by "– NAME, TITLE.": the paragraphs from `first_paragraph` through
// `paragraph` are the signer's (an editor's note).
struct Signature {
  std::uint32_t first_paragraph = 0;
  std::uint32_t paragraph = 0;
  graph::Span name;
};

struct Segmentation {
  std::vector<graph::Span> paragraphs;
  std::vector<Segment> segments;  // in document order
  std::vector<Signature> signatures;
};

// One segmenter per thread; it holds ICU iterators and compiled patterns.
class Segmenter {
 public:
  // Throws LexiconError for a bad furniture pattern.
  explicit Segmenter(const Lexicons& lexicons);
  Segmentation segment(std::string_view text, const std::optional<std::string>& title);

 private:
  SentenceSplitter sentences_;
  FurnitureClassifier furniture_;
  FootnoteFinder footnotes_;
};

}  // namespace claimgraph::ingest::text
