#include "ingest/ingester.hpp"

#include "graph/text_case.hpp"

#include <unicode/uchar.h>

#include "graph/sha256.hpp"
#include "graph/text_position.hpp"
#include <algorithm>
#include <map>

#include "ingest/actors/actors.hpp"
#include "ingest/actors/attribution.hpp"
#include "ingest/claims.hpp"
#include "ingest/diagnostic.hpp"
#include "ingest/figures/figure_context.hpp"
#include "ingest/html/charset.hpp"
#include "ingest/html/dom.hpp"
#include "ingest/html/page.hpp"
#include "ingest/text/document_date.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest {
namespace {

using graph::ActorKind;
using graph::Edge;
using graph::EdgeKind;

// An in-text attribution as a reference of its own: the attributing words, the source as its
// author, the sentence citing it. A second sentence from the same source cites the same work;
// the data the source drew on ("using statistics from Y") is a work cited in it.
void add_in_text(graph::DocumentGraph& g, std::string_view text, const std::string& source_id,
                 const std::string& claim_id, const actors::Attribution& a, std::size_t n,
                 actors::ActorRegistry& actors) {
  graph::Reference ref;
  ref.id = source_id + ":it" + std::to_string(n);
  ref.source_id = source_id;
  ref.kind = graph::ReferenceKind::kInText;
  ref.span = a.phrase;
  ref.raw = fold_spaces(slice(text, a.phrase));
  ref.authors = {*a.claimant};
  ref.work_key = "said:" + source_id + ":" + slug(*a.claimant);
  g.edges.push_back(Edge{EdgeKind::kCites, claim_id, ref.id});
  g.edges.push_back(Edge{EdgeKind::kAuthoredBy, ref.id, actors.add(*a.claimant)});
  if (a.underlying) {
    graph::Reference data;
    data.id = ref.id + "d";
    data.source_id = source_id;
    data.kind = graph::ReferenceKind::kSecondary;
    data.span = a.underlying_span;
    data.raw = fold_spaces(slice(text, a.underlying_span));
    data.authors = {*a.underlying};
    data.work_key = "data:" + source_id + ":" + slug(*a.underlying);
    g.edges.push_back(Edge{EdgeKind::kCitedIn, data.id, ref.id});
    g.edges.push_back(Edge{EdgeKind::kAuthoredBy, data.id, actors.add(*a.underlying)});
    g.references.push_back(std::move(data));
  }
  g.references.push_back(std::move(ref));
}

// Where the first of `phrases` starts in `text`, ASCII letters compared without case; 0 when
// none occurs.
std::size_t first_of(std::string_view text, const std::vector<std::string>& phrases) {
  const auto lower = [](char c) { return graph::ascii_lower(c); };
  std::size_t best = std::string_view::npos;
  for (const auto& p : phrases) {
    if (p.empty()) continue;
    const auto it = std::search(text.begin(), text.end(), p.begin(), p.end(),
                                [&](char a, char b) { return lower(a) == lower(b); });
    if (it != text.end()) best = std::min(best, static_cast<std::size_t>(it - text.begin()));
  }
  return best == std::string_view::npos ? 0 : best;
}

// The fields of a parsed work on a reference.
void fill(graph::Reference& ref, const references::CitedWork& w) {
  ref.authors = w.authors;
  ref.authors_original = w.authors_original;
  ref.title = w.title;
  // An English title beside an original-script one is a translation.
  if (w.title && (w.title_original || w.title_romanized)) ref.title_translated = w.title;
  ref.title_original = w.title_original;
  ref.title_romanized = w.title_romanized;
  ref.venue = w.venue;
  ref.venue_original = w.venue_original;
  ref.date = w.date;
  ref.language = w.language;
  ref.script = w.script;
}

// The authors of a work as actors: organizations as such, the rest persons; an author's
// original-script spelling joins its Latin one when both lists pair up.
void add_authors(graph::DocumentGraph& g, const std::string& ref_id, const references::CitedWork& w,
                 actors::ActorRegistry& actors) {
  auto kind_of = [&](const std::string& name) {
    const bool org = std::find(w.organizations.begin(), w.organizations.end(), name) !=
                     w.organizations.end();
    return org ? ActorKind::kOrganization : ActorKind::kPerson;
  };
  std::vector<std::string> ids;
  for (const auto& a : w.authors) {
    ids.push_back(actors.add(a, kind_of(a)));
    g.edges.push_back(Edge{EdgeKind::kAuthoredBy, ref_id, ids.back()});
  }
  const bool paired = ids.size() == w.authors_original.size();
  for (std::size_t i = 0; i < w.authors_original.size(); ++i) {
    const auto& a = w.authors_original[i];
    if (paired) {
      actors.add_alias(ids[i], a);
      continue;
    }
    g.edges.push_back(Edge{EdgeKind::kAuthoredBy, ref_id, actors.add(a, kind_of(a))});
  }
}

}  // namespace

Ingester::Ingester(const Lexicons& lexicons, const Limits& limits)
    : limits_(limits),
      segmenter_(lexicons),
      figures_(lexicons.figures),
      actor_finder_(lexicons.figures),
      references_(lexicons.references),
      reference_lexicon_(lexicons.references),
      names_(lexicons.names),
      stances_(lexicons.frames),
      figure_lexicon_(lexicons.figures),
      page_lexicon_(lexicons.page),
      fingerprint_(lexicons.fingerprint) {}

std::string Ingester::ingest_key(const Document& doc) const {
  return graph::sha256_hex(graph::sha256_hex(doc.bytes) + graph::sha256_hex(doc.meta_bytes) +
                           fingerprint_ + kPipelineVersion);
}

IngestResult Ingester::ingest(const Document& doc, const std::string& source_id) {
  if (doc.format == "html") return ingest_page(doc, source_id);
  IngestResult result;
  auto& source = result.graph.source;
  source.format = doc.format;
  for (const auto& [field, set] : std::initializer_list<std::pair<const char*, bool>>{
           {"title", doc.meta.title.has_value()},
           {"outlet", doc.meta.outlet.has_value()},
           {"authors", !doc.meta.authors.empty()},
           {"date", doc.meta.date.has_value()},
           {"url", doc.meta.url.has_value()},
           {"language", doc.meta.language.has_value()}}) {
    if (set) source.metadata_from[field] = "meta.json";
  }
  const auto at = [&](std::size_t offset, std::string message) {
    return diagnostic_at(Diagnostic::Severity::kWarning, doc.shown, doc.bytes, offset,
                         std::move(message));
  };
  return ingest_text(doc, doc.bytes, doc.meta, source_id, std::move(result), PageMarks{}, at);
}

namespace {

// A page's metadata under the .meta.json's: a field the sidecar sets wins; each field records
// where it came from.
Metadata merge_page_metadata(const Metadata& given, const html::PageMetadata& pm,
                             graph::Source& source) {
  Metadata meta = given;
  const auto take = [&](std::optional<std::string>& field, const std::optional<std::string>& from,
                        const char* name) {
    if (field) {
      source.metadata_from[name] = "meta.json";
    } else if (from) {
      field = from;
      source.metadata_from[name] = pm.from.at(name);
    }
  };
  take(meta.title, pm.title, "title");
  take(meta.outlet, pm.outlet, "outlet");
  take(meta.date, pm.date, "date");
  take(meta.url, pm.url, "url");
  take(meta.language, pm.language, "language");
  if (!meta.authors.empty()) {
    source.metadata_from["authors"] = "meta.json";
  } else if (!pm.authors.empty()) {
    meta.authors = pm.authors;
    source.metadata_from["authors"] = pm.from.at("authors");
  }
  return meta;
}

}  // namespace

Ingester::PageMarks Ingester::marks_of(const html::Page& page) {
  PageMarks marks;
  for (const auto& part : page.parts) {
    if (part.kind == html::PartKind::kCaption) marks.furniture.emplace_back(part.span, "caption");
    if (part.kind == html::PartKind::kPullQuote) {
      marks.furniture.emplace_back(part.span, "pull quote");
    }
    if (part.kind == html::PartKind::kNote) marks.notes.emplace_back(part.span, part.label);
  }
  for (const auto& m : page.markers) marks.markers.emplace_back(m.offset, m.label);
  return marks;
}

IngestResult Ingester::ingest_page(const Document& doc, const std::string& source_id) {
  IngestResult result;
  auto& source = result.graph.source;
  source.format = doc.format;
  // A page: its charset, then its main text and metadata; .meta.json fields win.
  const auto decoded = html::decode_page(doc.bytes);
  for (const auto& w : decoded.warnings) {
    result.notices.push_back(
        diagnostic_at(Diagnostic::Severity::kWarning, doc.shown, doc.bytes, w.offset, w.message)
            .to_string());
    result.graph.diagnostics.push_back(result.notices.back());
  }
  if (const auto deep = html::nesting_over(decoded.utf8, html::kMaxNesting);
      deep != std::string_view::npos) {
    result.rejected = diagnostic_at(Diagnostic::Severity::kError, doc.shown, decoded.utf8, deep,
                                    "the page's elements nest deeper than " +
                                        std::to_string(html::kMaxNesting) + "; not read");
    return result;
  }
  auto page = html::read_page(decoded.utf8, page_lexicon_, *figure_lexicon_,
                              doc.meta.url ? std::string_view(*doc.meta.url) : std::string_view{});
  if (page.text.empty()) {
    result.rejected = file_diagnostic(Diagnostic::Severity::kError, doc.shown,
                                      "no article text found in the page (" +
                                          std::to_string(doc.bytes.size()) + " bytes, charset " +
                                          decoded.charset + ")");
    return result;
  }
  const Metadata meta = merge_page_metadata(doc.meta, page.meta, source);
  const PageMarks marks = marks_of(page);
  source.page = doc.bytes;
  const graph::LineIndex lines(decoded.utf8);
  for (const auto& [offset, page_offset] : page.offsets) {
    const auto pos = lines.position(std::min<std::size_t>(page_offset, decoded.utf8.size()));
    source.page_positions.push_back(graph::PagePosition{offset, pos.line, pos.column});
  }
  // A position in the main text is told as the page's line:column.
  const auto at = [&](std::size_t offset, std::string message) {
    return diagnostic_at(Diagnostic::Severity::kWarning, doc.shown, decoded.utf8,
                         page.page_offset(static_cast<std::uint32_t>(offset)), std::move(message));
  };
  const std::string text = std::move(page.text);
  return ingest_text(doc, text, meta, source_id, std::move(result), marks, at);
}

void Ingester::apply_notes(text::Segmentation& seg, const PageMarks& marks) {
  if (marks.notes.empty()) return;
  const auto note_of = [&](graph::Span span) -> const std::pair<graph::Span, std::string>* {
    for (const auto& n : marks.notes) {
      if (span.begin >= n.first.begin && span.end <= n.first.end) return &n;
    }
    return nullptr;
  };
  std::vector<text::Segment> out;
  std::vector<std::size_t> index_of(seg.segments.size());
  std::map<std::string, std::size_t> note_index;  // label -> its footnote segment
  for (std::size_t i = 0; i < seg.segments.size(); ++i) {
    const auto& s = seg.segments[i];
    const auto* note = note_of(s.span);
    if (note == nullptr) {
      index_of[i] = out.size();
      out.push_back(s);
      continue;
    }
    const auto it = note_index.find(note->second);
    if (it != note_index.end()) {
      index_of[i] = it->second;
      continue;
    }
    text::Segment f;
    f.kind = text::SegmentKind::kFootnote;
    f.span = note->first;
    f.paragraph = s.paragraph;
    f.label = note->second;
    f.marker = graph::Span{note->first.begin, note->first.begin};
    note_index.emplace(note->second, out.size());
    index_of[i] = out.size();
    out.push_back(std::move(f));
  }
  for (auto& s : out) {
    for (auto& f : s.footnotes) f = index_of[f];
  }
  // A marker cites from the sentence it closes: the last one starting before it.
  std::vector<std::size_t> sentences;  // in text order
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i].kind == text::SegmentKind::kSentence) sentences.push_back(i);
  }
  for (const auto& marker : marks.markers) {
    const auto it = note_index.find(marker.second);
    if (it == note_index.end()) continue;
    const std::uint32_t offset = marker.first;
    const auto after = std::partition_point(sentences.begin(), sentences.end(), [&](std::size_t i) {
      return out[i].span.begin < offset;
    });
    if (after != sentences.begin()) {
      auto& fns = out[*(after - 1)].footnotes;
      if (std::find(fns.begin(), fns.end(), it->second) == fns.end()) fns.push_back(it->second);
    }
  }
  seg.segments = std::move(out);
}

IngestResult Ingester::ingest_text(
    const Document& doc, std::string_view text, const Metadata& meta, const std::string& source_id,
    IngestResult result, const PageMarks& marks,
    const std::function<Diagnostic(std::size_t, std::string)>& at) {
  auto& g = result.graph;
  auto& source = g.source;
  source.id = source_id;
  source.path = doc.path;
  source.file = doc.file;
  source.title = meta.title;
  source.outlet = meta.outlet;
  source.authors = meta.authors;
  source.date = meta.date;
  source.url = meta.url;
  source.language = meta.language;
  source.content_hash = graph::sha256_hex(text);
  source.bytes = std::string(text);
  for (const auto& w : doc.warnings) g.diagnostics.push_back(w.to_string());
  // Without a date in its metadata, the article's own dateline or byline gives one; a
  // dateline's place is the reporter's, whatever the metadata says.
  const auto text_date = text::date_from_text(text, *figure_lexicon_);
  if (!source.date) {
    if (const auto& found = text_date) {
      source.date = found->date;
      source.metadata_from["date"] = "text";
      result.notices.push_back(at(found->offset, "no date in the metadata: the article's date " +
                                                     found->date + " is read from its text")
                                   .to_string());
      g.diagnostics.push_back(result.notices.back());
    }
  }

  actors::ActorRegistry actors(actor_finder_, &names_);
  for (const auto& author : meta.authors) {
    g.edges.push_back(Edge{EdgeKind::kAuthoredBy, source_id, actors.add(author, ActorKind::kPerson)});
  }
  if (meta.outlet) {
    g.edges.push_back(Edge{EdgeKind::kPublishedBy, source_id,
                           actors.add(*meta.outlet, ActorKind::kOrganization)});
  }

  std::string default_claimant = "unknown";
  if (!meta.authors.empty()) {
    default_claimant = meta.authors.front();
  } else if (meta.outlet) {
    default_claimant = *meta.outlet;
  }
  if (meta.authors.empty()) {
    g.diagnostics.push_back(doc.shown + ": warning: no author known; claims are attributed to " +
                            default_claimant);
  }

  result.segmentation = segmenter_.segment(text, meta.title);
  apply_notes(result.segmentation, marks);
  // A page's captions and pull quotes, as its markup says, are furniture, not statements.
  for (auto& seg : result.segmentation.segments) {
    if (seg.kind != text::SegmentKind::kSentence) continue;
    for (const auto& [span, label] : marks.furniture) {
      if (seg.span.begin >= span.begin && seg.span.end <= span.end) {
        seg.kind = text::SegmentKind::kFurniture;
        seg.label = label;
        break;
      }
    }
  }
  const auto& seg = result.segmentation;
  // Too many footnotes: refused at the first one past the limit.
  std::size_t footnotes = 0;
  for (const auto& s : seg.segments) {
    if (s.kind == text::SegmentKind::kFootnote && ++footnotes > limits_.footnotes) {
      result.rejected = at(s.span.begin, "more than " + std::to_string(limits_.footnotes) +
                                             " footnotes (--max-footnotes)");
      result.rejected->severity = Diagnostic::Severity::kError;
      return result;
    }
  }

  // Footnotes become references; their ids follow their markers.
  std::vector<std::string> reference_of(seg.segments.size());
  for (std::size_t i = 0; i < seg.segments.size(); ++i) {
    const auto& s = seg.segments[i];
    if (s.kind != text::SegmentKind::kFootnote) continue;
    graph::Reference ref;
    ref.id = source_id + ":fn" + s.label;
    ref.source_id = source_id;
    ref.kind = graph::ReferenceKind::kFootnote;
    ref.marker = s.label;
    ref.span = s.span;
    ref.raw = std::string(slice(text, s.span));
    reference_of[i] = ref.id;
    // What the footnote cites; "X, cited in Y" makes Y a work of its own.
    const auto parsed = references_.parse(ref.raw);
    for (const auto& w : parsed.warnings) {
      g.diagnostics.push_back(doc.shown + ": note: footnote " + s.label + ": " + w);
    }
    fill(ref, parsed.work);
    ref.work_key = references_.work_key(parsed.work);
    add_authors(g, ref.id, parsed.work, actors);
    std::optional<graph::Reference> secondary;
    if (parsed.cited_in) {
      graph::Reference via;
      via.id = ref.id + "c";
      via.source_id = source_id;
      via.kind = graph::ReferenceKind::kSecondary;
      // Its bytes: from the "cited in" marker to the footnote's end.
      const auto from = first_of(ref.raw, reference_lexicon_->cited_in);
      via.span = graph::Span{s.span.begin + static_cast<std::uint32_t>(from), s.span.end};
      via.raw = ref.raw.substr(from);
      fill(via, *parsed.cited_in);
      via.work_key = references_.work_key(*parsed.cited_in);
      add_authors(g, via.id, *parsed.cited_in, actors);
      g.edges.push_back(Edge{EdgeKind::kCitedIn, ref.id, via.id});
      secondary = std::move(via);
    }
    // The known actors a footnote names ("Primorsky Krai", "Приморском крае") are its
    // mentions; its other names are the parsed authors'.
    std::vector<std::string> mentioned;
    for (const auto& m : actor_finder_.find(text, s.span)) {
      if (!m.known) continue;
      const std::string id = actors.add(m);
      if (std::find(mentioned.begin(), mentioned.end(), id) != mentioned.end()) continue;
      mentioned.push_back(id);
      g.edges.push_back(Edge{EdgeKind::kMentions, ref.id, id});
    }
    g.references.push_back(std::move(ref));
    if (secondary) g.references.push_back(std::move(*secondary));
  }

  // Figures, found per sentence, and who each sentence's statement belongs to, resolved over
  // the whole document.
  const auto drafts = assemble_claims(text, seg, default_claimant);
  std::vector<figures::SentenceFigures> sentences;
  sentences.reserve(drafts.size());
  for (const auto& draft : drafts) {
    figures::SentenceFigures s;
    s.span = draft.spans.front();
    s.paragraph = draft.paragraph;
    s.claimant = draft.claimant;
    s.figures = figures_.find(text, s.span);
    std::erase_if(s.figures, [](const figures::FoundFigure& f) { return f.minor; });
    sentences.push_back(std::move(s));
  }
  std::vector<actors::Attribution> attributions;
  const auto facts = figures::resolve_figure_context(text, sentences, source.date, *figure_lexicon_,
                                            &attributions,
                                            text_date ? text_date->dateline : graph::Span{});

  std::size_t in_text = 0;
  for (std::size_t c = 0; c < drafts.size(); ++c) {
    const auto& draft = drafts[c];
    const auto& attribution = attributions[c];
    graph::Claim claim;
    claim.id = source_id + ":c" + std::to_string(c + 1);
    claim.source_id = source_id;
    claim.spans = draft.spans;
    claim.text = std::string(slice(text, draft.spans.front()));
    claim.stances = stances_.find(text, draft.spans.front());
    // Reported speech and "according to X" belong to X.
    claim.claimant = attribution.whole_sentence && attribution.claimant ? *attribution.claimant
                                                                        : draft.claimant;
    g.edges.push_back(Edge{EdgeKind::kContains, source_id, claim.id});
    g.edges.push_back(Edge{EdgeKind::kClaimedBy, claim.id, actors.add(claim.claimant)});
    for (const std::size_t f : draft.footnotes) {
      g.edges.push_back(Edge{EdgeKind::kCites, claim.id, reference_of[f]});
    }
    if (attribution.claimant && !attribution.phrase.empty()) {
      add_in_text(g, text, source_id, claim.id, attribution, ++in_text, actors);
    }
    std::vector<std::string> mentioned;
    for (const auto& m : actor_finder_.find(text, draft.spans.front())) {
      const std::string id = actors.add(m);
      if (std::find(mentioned.begin(), mentioned.end(), id) != mentioned.end()) continue;
      mentioned.push_back(id);
      g.edges.push_back(Edge{EdgeKind::kMentions, claim.id, id});
    }
    g.claims.push_back(std::move(claim));
  }

  std::size_t figure_count = 0;
  for (std::size_t c = 0; c < sentences.size(); ++c) {
    for (std::size_t k = 0; k < sentences[c].figures.size(); ++k) {
      const auto& found = sentences[c].figures[k];
      const auto& fact = facts[c][k];
      // A count of people is never negative: a minus before one is a dash or a change
      // ("−5,000 workers" left), not a number of workers.
      if (fact.unit == "persons" && found.lo < 0) continue;
      graph::Figure f;
      f.id = source_id + ":g" + std::to_string(++figure_count);
      f.source_id = source_id;
      f.claim_id = g.claims[c].id;
      f.span = found.span;
      f.text = std::string(slice(text, found.span));
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
      f.inferred = fact.inferred;
      g.edges.push_back(Edge{EdgeKind::kStates, f.claim_id, f.id});
      g.figures.push_back(std::move(f));
    }
  }
  actors.finish(g.edges);
  g.actors = actors.actors();
  return result;
}

}  // namespace claimgraph::ingest
