#pragma once
// The ingest pipeline for one document: segmentation, claim assembly, figures with their
// measure, place, time and claimant, and the graph fragment the Store writes. One Ingester
// per thread.

#include <functional>
#include <optional>
#include <string>

#include "graph/model.hpp"
#include "ingest/actors/actors.hpp"
#include "ingest/actors/person_names.hpp"
#include "ingest/document.hpp"
#include "ingest/figures/figures.hpp"
#include "ingest/html/page.hpp"
#include "ingest/html/page_lexicon.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/limits.hpp"
#include "ingest/references/references.hpp"
#include "ingest/stance/stance.hpp"
#include "ingest/text/segmenter.hpp"

namespace claimgraph::ingest {

// Bumped whenever the pipeline's output changes, so stored documents are redone.
inline constexpr const char* kPipelineVersion = "claimgraph-ingest-8";

struct IngestResult {
  graph::DocumentGraph graph;
  text::Segmentation segmentation;
  // What the reader should be told at ingest (also kept among the graph's diagnostics): a
  // date read from the text for want of one in the metadata; a page's charset trouble.
  std::vector<std::string> notices;
  // Set when the document is refused (a page with no article text): nothing is stored.
  std::optional<Diagnostic> rejected;
};

class Ingester {
 public:
  // Throws LexiconError for a bad lexicon pattern.
  explicit Ingester(const Lexicons& lexicons, const Limits& limits = {});

  // What identifies this ingest of `doc`: its text, its metadata, the lexicons, the pipeline.
  // A store holding this key for the document's path has nothing to redo.
  std::string ingest_key(const Document& doc) const;

  // The graph fragment of `doc`, its nodes named after `source_id`. A page (doc.format
  // "html") is decoded from its charset and its main text and metadata are read first; its
  // .meta.json fields win over the page's own.
  IngestResult ingest(const Document& doc, const std::string& source_id);

 private:
  // What a page's markup says of its main text's spans.
  struct PageMarks {
    std::vector<std::pair<graph::Span, std::string>> furniture;  // captions, pull quotes
    std::vector<std::pair<graph::Span, std::string>> notes;      // each note and its label
    std::vector<std::pair<std::uint32_t, std::string>> markers;  // where the body cites one
  };
  // The pipeline over `text` (a file's bytes or a page's main text), with what the page's
  // markup says of it; `at` makes a warning at a text offset.
  IngestResult ingest_text(const Document& doc, std::string_view text, const Metadata& meta,
                           const std::string& source_id, IngestResult result,
                           const PageMarks& marks,
                           const std::function<Diagnostic(std::size_t, std::string)>& at);
  // Turns the sentences of each note into one footnote segment, cited by the sentence its
  // marker closes.
  IngestResult ingest_page(const Document& doc, const std::string& source_id);
  static PageMarks marks_of(const html::Page& page);
  static void apply_notes(text::Segmentation& seg, const PageMarks& marks);
  Limits limits_;
  text::Segmenter segmenter_;
  figures::FigureFinder figures_;
  actors::ActorFinder actor_finder_;
  references::ReferenceParser references_;
  std::shared_ptr<const references::ReferenceLexicon> reference_lexicon_;
  actors::NameMatcher names_;
  stance::StanceFinder stances_;
  std::shared_ptr<const FigureLexicon> figure_lexicon_;
  html::PageLexicon page_lexicon_;
  std::string fingerprint_;
};

}  // namespace claimgraph::ingest
