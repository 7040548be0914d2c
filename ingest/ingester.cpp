#include "ingest/ingester.hpp"

#include <unicode/uchar.h>

#include "graph/sha256.hpp"
#include "ingest/claims.hpp"
#include "ingest/figure_context.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest {
namespace {

using graph::Actor;
using graph::ActorKind;
using graph::Edge;
using graph::EdgeKind;

}  // namespace

std::string actor_id_for(std::string_view name) { return "actor:" + slug(name); }

Ingester::Ingester(const Lexicons& lexicons)
    : segmenter_(lexicons),
      figures_(lexicons.figures),
      figure_lexicon_(lexicons.figures),
      fingerprint_(lexicons.fingerprint) {}

std::string Ingester::ingest_key(const Document& doc) const {
  return graph::sha256_hex(graph::sha256_hex(doc.bytes) + graph::sha256_hex(doc.meta_bytes) +
                           fingerprint_ + kPipelineVersion);
}

IngestResult Ingester::ingest(const Document& doc, const std::string& source_id) {
  IngestResult result;
  auto& g = result.graph;
  auto& source = g.source;
  source.id = source_id;
  source.path = doc.path;
  source.file = doc.file;
  source.title = doc.meta.title;
  source.outlet = doc.meta.outlet;
  source.authors = doc.meta.authors;
  source.date = doc.meta.date;
  source.url = doc.meta.url;
  source.language = doc.meta.language;
  source.content_hash = graph::sha256_hex(doc.bytes);
  source.bytes = doc.bytes;
  for (const auto& w : doc.warnings) g.diagnostics.push_back(w.to_string());

  auto add_actor = [&](const std::string& name, ActorKind kind) {
    const std::string id = actor_id_for(name);
    for (const auto& a : g.actors) {
      if (a.id == id) return id;
    }
    g.actors.push_back(Actor{id, name, kind, {name}, slug(name)});
    return id;
  };
  for (const auto& author : doc.meta.authors) {
    g.edges.push_back(Edge{EdgeKind::kAuthoredBy, source_id, add_actor(author, ActorKind::kPerson)});
  }
  if (doc.meta.outlet) {
    g.edges.push_back(Edge{EdgeKind::kPublishedBy, source_id,
                           add_actor(*doc.meta.outlet, ActorKind::kOrganization)});
  }

  std::string default_claimant = "unknown";
  if (!doc.meta.authors.empty()) {
    default_claimant = doc.meta.authors.front();
  } else if (doc.meta.outlet) {
    default_claimant = *doc.meta.outlet;
  }
  if (doc.meta.authors.empty()) {
    g.diagnostics.push_back(doc.shown + ": warning: no author known; claims are attributed to " +
                            default_claimant);
  }

  result.segmentation = segmenter_.segment(doc.bytes, doc.meta.title);
  const auto& seg = result.segmentation;

  // Footnotes become references; their ids follow their markers.
  std::vector<std::string> reference_of(seg.segments.size());
  for (std::size_t i = 0; i < seg.segments.size(); ++i) {
    const auto& s = seg.segments[i];
    if (s.kind != SegmentKind::kFootnote) continue;
    graph::Reference ref;
    ref.id = source_id + ":fn" + s.label;
    ref.source_id = source_id;
    ref.kind = graph::ReferenceKind::kFootnote;
    ref.marker = s.label;
    ref.span = s.span;
    ref.raw = std::string(slice(doc.bytes, s.span));
    reference_of[i] = ref.id;
    g.references.push_back(std::move(ref));
  }

  const auto drafts = assemble_claims(doc.bytes, seg, default_claimant);
  std::size_t n = 0;
  for (const auto& draft : drafts) {
    graph::Claim claim;
    claim.id = source_id + ":c" + std::to_string(++n);
    claim.source_id = source_id;
    claim.spans = draft.spans;
    claim.text = std::string(slice(doc.bytes, draft.spans.front()));
    claim.claimant = draft.claimant;
    const std::string claimant_id = add_actor(draft.claimant, ActorKind::kPerson);
    g.edges.push_back(Edge{EdgeKind::kContains, source_id, claim.id});
    g.edges.push_back(Edge{EdgeKind::kClaimedBy, claim.id, claimant_id});
    for (const std::size_t f : draft.footnotes) {
      g.edges.push_back(Edge{EdgeKind::kCites, claim.id, reference_of[f]});
    }
    g.claims.push_back(std::move(claim));
  }

  // Figures: found per sentence, then placed in their document's context.
  std::vector<SentenceFigures> sentences;
  sentences.reserve(drafts.size());
  for (std::size_t c = 0; c < drafts.size(); ++c) {
    SentenceFigures s;
    s.span = drafts[c].spans.front();
    s.paragraph = drafts[c].paragraph;
    s.claimant = drafts[c].claimant;
    s.figures = figures_.find(doc.bytes, s.span);
    sentences.push_back(std::move(s));
  }
  const auto facts = resolve_figure_context(doc.bytes, sentences, doc.meta.date, *figure_lexicon_);
  std::size_t figure_count = 0;
  for (std::size_t c = 0; c < sentences.size(); ++c) {
    for (std::size_t k = 0; k < sentences[c].figures.size(); ++k) {
      const auto& found = sentences[c].figures[k];
      const auto& fact = facts[c][k];
      graph::Figure f;
      f.id = source_id + ":g" + std::to_string(++figure_count);
      f.source_id = source_id;
      f.claim_id = g.claims[c].id;
      f.span = found.span;
      f.text = std::string(slice(doc.bytes, found.span));
      f.lo = found.lo;
      f.hi = found.hi;
      f.point = found.point;
      f.approx = found.approx;
      f.bound = found.bound;
      f.hedge = found.hedge;
      f.unit = fact.unit;
      f.measure = fact.measure;
      f.place = fact.place;
      f.time_from = fact.time_from;
      f.time_to = fact.time_to;
      f.claimant = fact.claimant;
      g.edges.push_back(Edge{EdgeKind::kStates, f.claim_id, f.id});
      g.figures.push_back(std::move(f));
    }
  }
  return result;
}

}  // namespace claimgraph::ingest
