#include "query/json_output.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "graph/json_writer.hpp"
#include "query/conflicts.hpp"
#include "query/context.hpp"
#include "query/listing.hpp"
#include "query/trace.hpp"

namespace claimgraph::query {
namespace {

using graph::EdgeKind;
using graph::NodeKind;
namespace json = graph::json;
using Writer = json::StreamWriter;

void span(Writer& w, graph::Span s) {
  w.StartArray();
  w.Uint(s.begin);
  w.Uint(s.end);
  w.EndArray();
}

void ids(Writer& w, const graph::KnowledgeGraph& g, const std::vector<graph::Vertex>& vs) {
  w.StartArray();
  for (const auto v : vs) json::string(w, g.id_of(v));
  w.EndArray();
}

// Members of the source object (JSON-OUTPUT.md "source"), without the braces.
void source_members(Writer& w, const graph::Source& s) {
  w.Key("id");
  json::string(w, s.id);
  w.Key("file");
  json::string(w, s.file);
  w.Key("title");
  json::optional_string(w, s.title);
  w.Key("outlet");
  json::optional_string(w, s.outlet);
  w.Key("authors");
  json::strings(w, s.authors);
  w.Key("date");
  json::optional_string(w, s.date);
  w.Key("language");
  json::optional_string(w, s.language);
  w.Key("url");
  json::optional_string(w, s.url);
}

void source_object(Writer& w, const graph::Source& s) {
  w.StartObject();
  source_members(w, s);
  w.EndObject();
}

void source_or_null(Writer& w, const graph::KnowledgeGraph& g, std::optional<graph::Vertex> src) {
  if (src) {
    source_object(w, g.source(*src));
  } else {
    w.Null();
  }
}

void location(Writer& w, const graph::Source& s, SourceTexts& texts, std::size_t offset) {
  const auto pos = texts.position(s.id, offset);
  w.Key("location");
  w.StartObject();
  w.Key("file");
  json::string(w, s.file);
  w.Key("line");
  w.Uint(pos.line);
  w.Key("column");
  w.Uint(pos.column);
  // A saved page: where in the page file the text came from (line and column above are of
  // its main text, which spans point into).
  if (const auto page = texts.page_position(s.id, offset)) {
    w.Key("page");
    w.StartObject();
    w.Key("line");
    w.Uint(page->line);
    w.Key("column");
    w.Uint(page->column);
    w.EndObject();
  }
  w.EndObject();
}

void claim_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v, SourceTexts& texts) {
  const auto& c = g.claim(v);
  const auto src = g.find(c.source_id);
  w.StartObject();
  w.Key("id");
  json::string(w, c.id);
  w.Key("source");
  source_or_null(w, g, src);
  w.Key("span");
  span(w, c.span());
  w.Key("text");
  json::string(w, c.text);
  w.Key("claimant");
  json::string(w, c.claimant);
  w.Key("figures");
  ids(w, g, g.out(v, EdgeKind::kStates));
  w.Key("actors");
  ids(w, g, g.out(v, EdgeKind::kMentions));
  w.Key("cites");
  ids(w, g, g.out(v, EdgeKind::kCites));
  // Every time the sentence is said: the first few, and how many in all (a sentence said half
  // a million times is listed in the memory of a few).
  w.Key("spans");
  w.StartArray();
  for (std::size_t i = 0; i < std::min(c.spans.size(), kSpansListed); ++i) span(w, c.spans[i]);
  w.EndArray();
  w.Key("span_count");
  w.Uint64(c.spans.size());
  if (src) location(w, g.source(*src), texts, c.span().begin);
  w.EndObject();
}

void number(Writer& w, double x) {
  if (std::isinf(x))
    x = x > 0 ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max();
  // Integral values print without a fraction: 20000, not 20000.0.
  if (std::abs(x) < 9e15 && x == std::floor(x)) {
    w.Int64(static_cast<std::int64_t>(x));
  } else {
    w.Double(x);
  }
}

// JSON-OUTPUT.md "verdict".
void verdict_object(Writer& w, const graph::Verdict& v) {
  w.StartObject();
  w.Key("rank");
  json::string(w, to_string(v.rank));
  w.Key("reason");
  json::string(w, v.reason);
  w.Key("by");
  json::string(w, v.by);
  w.Key("at");
  json::string(w, v.at);
  w.EndObject();
}

// "verdict": the one in force on the id, when there is one (no member otherwise).
void verdict_member(Writer& w, const Verdicts& verdicts, std::string_view id) {
  if (const auto* v = verdicts.current(id)) {
    w.Key("verdict");
    verdict_object(w, *v);
  }
}

void figure_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v, SourceTexts& texts,
                   const Verdicts& verdicts) {
  const auto& f = g.figure(v);
  const auto src = g.find(f.source_id);
  w.StartObject();
  w.Key("id");
  json::string(w, f.id);
  w.Key("claim_id");
  json::string(w, f.claim_id);
  w.Key("source");
  source_or_null(w, g, src);
  w.Key("span");
  span(w, f.span);
  w.Key("text");
  json::string(w, f.text);
  w.Key("value");
  w.StartObject();
  w.Key("lo");
  number(w, f.lo);
  w.Key("hi");
  number(w, f.hi);
  w.Key("point");
  if (f.point) {
    number(w, *f.point);
  } else {
    w.Null();
  }
  w.EndObject();
  w.Key("approx");
  w.Bool(f.approx);
  w.Key("bound");
  if (f.bound == graph::Bound::kNone) {
    w.Null();
  } else {
    json::string(w, to_string(f.bound));
  }
  w.Key("hedge");
  if (f.hedge.empty()) {
    w.Null();
  } else {
    json::string(w, f.hedge);
  }
  w.Key("unit");
  json::string(w, f.unit);
  w.Key("measure");
  json::string(w, f.measure);
  w.Key("place");
  json::optional_string(w, f.place);
  w.Key("time");
  if (!f.time_from && !f.time_to) {
    w.Null();
  } else {
    w.StartObject();
    w.Key("from");
    json::optional_string(w, f.time_from);
    w.Key("to");
    json::optional_string(w, f.time_to);
    w.EndObject();
  }
  w.Key("claimant");
  json::string(w, f.claimant);
  // What of its scope was read beyond its sentence (the paragraph, the document's date).
  w.Key("inferred");
  w.StartArray();
  for (const auto name : graph::inferred_names(f.inferred)) json::string(w, name);
  w.EndArray();
  verdict_member(w, verdicts, f.id);
  if (src) location(w, g.source(*src), texts, f.span.begin);
  w.EndObject();
}

void reference_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v) {
  const auto& r = g.reference(v);
  const auto src = g.find(r.source_id);
  w.StartObject();
  w.Key("id");
  json::string(w, r.id);
  w.Key("kind");
  json::string(w, to_string(r.kind));
  w.Key("marker");
  json::optional_string(w, r.marker);
  w.Key("source");
  source_or_null(w, g, src);
  w.Key("span");
  span(w, r.span);
  w.Key("raw");
  json::string(w, r.raw);
  w.Key("authors");
  json::strings(w, r.authors);
  w.Key("authors_original");
  json::strings(w, r.authors_original);
  w.Key("title");
  json::optional_string(w, r.title);
  w.Key("title_original");
  json::optional_string(w, r.title_original);
  w.Key("title_romanized");
  json::optional_string(w, r.title_romanized);
  w.Key("venue");
  json::optional_string(w, r.venue);
  w.Key("venue_original");
  json::optional_string(w, r.venue_original);
  w.Key("date");
  json::optional_string(w, r.date);
  w.Key("language");
  json::optional_string(w, r.language);
  w.Key("script");
  json::optional_string(w, r.script);
  const auto cited_in = g.out(v, EdgeKind::kCitedIn);
  w.Key("cited_in");
  if (cited_in.empty()) {
    w.Null();
  } else {
    json::string(w, g.id_of(cited_in.front()));
  }
  w.Key("cited_by");
  ids(w, g, g.in(v, EdgeKind::kCites));
  // The citations merged into this node (one work cited twice), and its authors as actors.
  w.Key("also_cited_as");
  json::strings(w, r.merged_ids);
  w.Key("author_actors");
  ids(w, g, g.out(v, EdgeKind::kAuthoredBy));
  w.EndObject();
}

void actor_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v) {
  const auto& a = g.actor(v);
  w.StartObject();
  w.Key("id");
  json::string(w, a.id);
  w.Key("name");
  json::string(w, a.name);
  w.Key("kind");
  json::string(w, to_string(a.kind));
  w.Key("aliases");
  json::strings(w, a.aliases);
  w.Key("key");
  json::string(w, a.key);
  w.Key("mentions");
  w.Uint(static_cast<unsigned>(g.in(v, EdgeKind::kMentions).size() +
                               g.in(v, EdgeKind::kClaimedBy).size()));
  w.EndObject();
}

}  // namespace

void sources_json(std::ostream& os, const std::vector<graph::SourceSummary>& sources) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartArray();
  for (const auto& s : sources) {
    w.StartObject();
    source_members(w, s.source);
    w.Key("content_hash");
    json::string(w, s.source.content_hash);
    w.Key("claims");
    w.Uint(static_cast<unsigned>(s.claims));
    w.Key("figures");
    w.Uint(static_cast<unsigned>(s.figures));
    w.Key("references");
    w.Uint(static_cast<unsigned>(s.references));
    w.EndObject();
  }
  w.EndArray();
  out.end_line();
}

void claims_json(std::ostream& os, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& claims, SourceTexts& texts) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartArray();
  for (const auto v : claims) claim_object(w, g, v, texts);
  w.EndArray();
  out.end_line();
}

void figures_json(std::ostream& os, const graph::KnowledgeGraph& g,
                  const std::vector<graph::Vertex>& figures, SourceTexts& texts,
                  const Verdicts& verdicts) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartArray();
  for (const auto v : figures) figure_object(w, g, v, texts, verdicts);
  w.EndArray();
  out.end_line();
}

void references_json(std::ostream& os, const graph::KnowledgeGraph& g,
                     const std::vector<graph::Vertex>& references) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartArray();
  for (const auto v : references) reference_object(w, g, v);
  w.EndArray();
  out.end_line();
}

void actors_json(std::ostream& os, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& actors) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartArray();
  for (const auto v : actors) actor_object(w, g, v);
  w.EndArray();
  out.end_line();
}

void show_json(std::ostream& os, const graph::KnowledgeGraph& g, graph::Vertex v,
               SourceTexts& texts, const Verdicts& verdicts) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartObject();
  w.Key("id");
  json::string(w, g.id_of(v));
  w.Key("kind");
  json::string(w, to_string(g.kind_of(v)));
  w.Key("node");
  switch (g.kind_of(v)) {
    case NodeKind::kSource: {
      const auto& s = g.source(v);
      w.StartObject();
      source_members(w, s);
      w.Key("format");
      json::string(w, s.format);
      w.Key("text");
      json::string(w, texts.bytes(s.id));
      w.Key("metadata_from");
      w.StartObject();
      for (const auto& [field, from] : s.metadata_from) {
        json::key(w, field);
        json::string(w, from);
      }
      w.EndObject();
      w.EndObject();
      break;
    }
    case NodeKind::kClaim:
      claim_object(w, g, v, texts);
      break;
    case NodeKind::kReference:
      reference_object(w, g, v);
      break;
    case NodeKind::kActor:
      actor_object(w, g, v);
      break;
    case NodeKind::kFigure:
      figure_object(w, g, v, texts, verdicts);
      break;
  }
  if (const auto where = locate(g, v)) {
    if (const auto src = g.find(where->source_id)) {
      location(w, g.source(*src), texts, where->span.begin);
      const auto ctx = context_around(texts.bytes(where->source_id), where->span);
      w.Key("context");
      w.StartObject();
      w.Key("before");
      json::string(w, ctx.before);
      w.Key("text");
      json::string(w, ctx.span);
      w.Key("after");
      json::string(w, ctx.after);
      w.EndObject();
    }
  }
  const std::string id = g.id_of(v);
  verdict_member(w, verdicts, id);
  if (const auto history = verdicts.history(id); !history.empty()) {
    w.Key("verdicts");
    w.StartArray();
    for (const auto* h : history) verdict_object(w, *h);
    w.EndArray();
  }
  w.EndObject();
  out.end_line();
}

namespace {

// One item of a conflict's side: a claim (figure_id null) or a figure, with what it cites.
void conflict_item(Writer& w, const graph::KnowledgeGraph& g, const std::string& claim_id,
                   const std::string* figure_id, const std::string& source_id, graph::Span where,
                   const std::string& text, const std::string& claimant,
                   std::optional<graph::Polarity> stance, std::optional<graph::Vertex> claim,
                   const Verdicts* verdicts) {
  w.StartObject();
  w.Key("claim_id");
  json::string(w, claim_id);
  w.Key("figure_id");
  if (figure_id) {
    json::string(w, *figure_id);
  } else {
    w.Null();
  }
  w.Key("source");
  source_or_null(w, g, g.find(source_id));
  w.Key("span");
  span(w, where);
  w.Key("text");
  json::string(w, text);
  w.Key("claimant");
  json::string(w, claimant);
  w.Key("stance");
  if (stance) {
    json::string(w, to_string(*stance));
  } else {
    w.Null();
  }
  w.Key("cites");
  ids(w, g, claim ? g.out(*claim, EdgeKind::kCites) : std::vector<graph::Vertex>{});
  if (verdicts) verdict_member(w, *verdicts, figure_id ? *figure_id : claim_id);
  w.EndObject();
}

}  // namespace

void conflicts_json(std::ostream& os, const graph::KnowledgeGraph& g,
                    const std::vector<Conflict>& conflicts, const Verdicts* verdicts) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartArray();
  for (const auto& c : conflicts) {
    w.StartObject();
    w.Key("id");
    json::string(w, c.id);
    w.Key("kind");
    json::string(w, c.kind);
    w.Key("topic");
    json::string(w, c.topic);
    w.Key("confidence");
    w.Double(c.confidence);
    w.Key("explanation");
    json::string(w, c.explanation);
    if (verdicts) {
      w.Key("resolved");
      w.Bool(verdicts->resolved(g, c));
    }
    w.Key("sides");
    w.StartArray();
    for (const auto& side : c.sides) {
      w.StartObject();
      w.Key("label");
      json::string(w, side.label);
      w.Key("items");
      w.StartArray();
      for (const auto v : side.claims) {
        const auto& claim = g.claim(v);
        conflict_item(w, g, claim.id, nullptr, claim.source_id, claim.span(), claim.text,
                      claim.claimant, side.stance, v, verdicts);
      }
      for (const auto v : side.figures) {
        const auto& f = g.figure(v);
        conflict_item(w, g, f.claim_id, &f.id, f.source_id, f.span, f.text, f.claimant,
                      std::nullopt, g.find(f.claim_id), verdicts);
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  out.end_line();
}

void trace_json(std::ostream& os, const graph::KnowledgeGraph& g, const Trace& trace,
                SourceTexts& texts, const Verdicts& verdicts) {
  json::PrettyStream out(os);
  auto& w = out.writer;
  w.StartObject();
  w.Key("figure");
  figure_object(w, g, trace.figure, texts, verdicts);
  w.Key("claim");
  if (g.kind_of(trace.claim) == NodeKind::kClaim) {
    claim_object(w, g, trace.claim, texts);
  } else {
    w.Null();
  }
  w.Key("source");
  source_or_null(w, g, trace.source);
  w.Key("claimant");
  json::string(w, trace.claimant);
  w.Key("references");
  w.StartArray();
  for (const auto r : trace.references) reference_object(w, g, r);
  w.EndArray();
  w.Key("chain");
  w.StartArray();
  for (const auto& step : trace.chain) {
    w.StartObject();
    w.Key("from");
    json::string(w, step.from);
    w.Key("edge");
    json::string(w, step.edge);
    w.Key("to");
    json::string(w, step.to);
    w.EndObject();
  }
  w.EndArray();
  w.Key("related");
  w.StartArray();
  for (const auto& r : trace.related) {
    w.StartObject();
    w.Key("figure");
    figure_object(w, g, r.figure, texts, verdicts);
    w.Key("relation");
    json::string(w, r.relation);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.end_line();
}

}  // namespace claimgraph::query
