#include "query/json_output.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <limits>

#include "query/conflicts.hpp"
#include "query/context.hpp"
#include "query/listing.hpp"
#include "query/trace.hpp"

namespace claimgraph::query {
namespace {

using graph::EdgeKind;
using graph::NodeKind;
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void str(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void opt_str(Writer& w, const std::optional<std::string>& s) {
  if (s) {
    str(w, *s);
  } else {
    w.Null();
  }
}

void str_list(Writer& w, const std::vector<std::string>& list) {
  w.StartArray();
  for (const auto& s : list) str(w, s);
  w.EndArray();
}

void span(Writer& w, graph::Span s) {
  w.StartArray();
  w.Uint(s.begin);
  w.Uint(s.end);
  w.EndArray();
}

void ids(Writer& w, const graph::KnowledgeGraph& g, const std::vector<graph::Vertex>& vs) {
  w.StartArray();
  for (const auto v : vs) str(w, g.id_of(v));
  w.EndArray();
}

// Members of the source object (JSON-OUTPUT.md "source"), without the braces.
void source_members(Writer& w, const graph::Source& s) {
  w.Key("id");
  str(w, s.id);
  w.Key("file");
  str(w, s.file);
  w.Key("title");
  opt_str(w, s.title);
  w.Key("outlet");
  opt_str(w, s.outlet);
  w.Key("authors");
  str_list(w, s.authors);
  w.Key("date");
  opt_str(w, s.date);
  w.Key("language");
  opt_str(w, s.language);
  w.Key("url");
  opt_str(w, s.url);
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
  str(w, s.file);
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

void claim_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v,
                  SourceTexts& texts) {
  const auto& c = g.claim(v);
  const auto src = g.find(c.source_id);
  w.StartObject();
  w.Key("id");
  str(w, c.id);
  w.Key("source");
  source_or_null(w, g, src);
  w.Key("span");
  span(w, c.span());
  w.Key("text");
  str(w, c.text);
  w.Key("claimant");
  str(w, c.claimant);
  w.Key("figures");
  ids(w, g, g.out(v, EdgeKind::kStates));
  w.Key("actors");
  ids(w, g, g.out(v, EdgeKind::kMentions));
  w.Key("cites");
  ids(w, g, g.out(v, EdgeKind::kCites));
  w.Key("spans");
  w.StartArray();
  for (const auto s : c.spans) span(w, s);
  w.EndArray();
  if (src) location(w, g.source(*src), texts, c.span().begin);
  w.EndObject();
}

void number(Writer& w, double x) {
  if (std::isinf(x)) x = x > 0 ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max();
  // Integral values print without a fraction: 20000, not 20000.0.
  if (std::abs(x) < 9e15 && x == std::floor(x)) {
    w.Int64(static_cast<std::int64_t>(x));
  } else {
    w.Double(x);
  }
}

void figure_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v,
                   SourceTexts& texts) {
  const auto& f = g.figure(v);
  const auto src = g.find(f.source_id);
  w.StartObject();
  w.Key("id");
  str(w, f.id);
  w.Key("claim_id");
  str(w, f.claim_id);
  w.Key("source");
  source_or_null(w, g, src);
  w.Key("span");
  span(w, f.span);
  w.Key("text");
  str(w, f.text);
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
    str(w, to_string(f.bound));
  }
  w.Key("hedge");
  if (f.hedge.empty()) {
    w.Null();
  } else {
    str(w, f.hedge);
  }
  w.Key("unit");
  str(w, f.unit);
  w.Key("measure");
  str(w, f.measure);
  w.Key("place");
  opt_str(w, f.place);
  w.Key("time");
  if (!f.time_from && !f.time_to) {
    w.Null();
  } else {
    w.StartObject();
    w.Key("from");
    opt_str(w, f.time_from);
    w.Key("to");
    opt_str(w, f.time_to);
    w.EndObject();
  }
  w.Key("claimant");
  str(w, f.claimant);
  // What of its scope was read beyond its sentence (the paragraph, the document's date).
  w.Key("inferred");
  w.StartArray();
  for (const auto name : graph::inferred_names(f.inferred)) str(w, name);
  w.EndArray();
  if (src) location(w, g.source(*src), texts, f.span.begin);
  w.EndObject();
}

void reference_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v) {
  const auto& r = g.reference(v);
  const auto src = g.find(r.source_id);
  w.StartObject();
  w.Key("id");
  str(w, r.id);
  w.Key("kind");
  str(w, to_string(r.kind));
  w.Key("marker");
  opt_str(w, r.marker);
  w.Key("source");
  source_or_null(w, g, src);
  w.Key("span");
  span(w, r.span);
  w.Key("raw");
  str(w, r.raw);
  w.Key("authors");
  str_list(w, r.authors);
  w.Key("authors_original");
  str_list(w, r.authors_original);
  w.Key("title");
  opt_str(w, r.title);
  w.Key("title_original");
  opt_str(w, r.title_original);
  w.Key("title_romanized");
  opt_str(w, r.title_romanized);
  w.Key("venue");
  opt_str(w, r.venue);
  w.Key("venue_original");
  opt_str(w, r.venue_original);
  w.Key("date");
  opt_str(w, r.date);
  w.Key("language");
  opt_str(w, r.language);
  w.Key("script");
  opt_str(w, r.script);
  const auto cited_in = g.out(v, EdgeKind::kCitedIn);
  w.Key("cited_in");
  if (cited_in.empty()) {
    w.Null();
  } else {
    str(w, g.id_of(cited_in.front()));
  }
  w.Key("cited_by");
  ids(w, g, g.in(v, EdgeKind::kCites));
  // The citations merged into this node (one work cited twice), and its authors as actors.
  w.Key("also_cited_as");
  str_list(w, r.merged_ids);
  w.Key("author_actors");
  ids(w, g, g.out(v, EdgeKind::kAuthoredBy));
  w.EndObject();
}

void actor_object(Writer& w, const graph::KnowledgeGraph& g, graph::Vertex v) {
  const auto& a = g.actor(v);
  w.StartObject();
  w.Key("id");
  str(w, a.id);
  w.Key("name");
  str(w, a.name);
  w.Key("kind");
  str(w, to_string(a.kind));
  w.Key("aliases");
  str_list(w, a.aliases);
  w.Key("key");
  str(w, a.key);
  w.Key("mentions");
  w.Uint(static_cast<unsigned>(g.in(v, EdgeKind::kMentions).size() +
                               g.in(v, EdgeKind::kClaimedBy).size()));
  w.EndObject();
}

std::string finish(rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

std::string sources_json(const std::vector<graph::SourceSummary>& sources) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const auto& s : sources) {
    w.StartObject();
    source_members(w, s.source);
    w.Key("content_hash");
    str(w, s.source.content_hash);
    w.Key("claims");
    w.Uint(static_cast<unsigned>(s.claims));
    w.Key("figures");
    w.Uint(static_cast<unsigned>(s.figures));
    w.Key("references");
    w.Uint(static_cast<unsigned>(s.references));
    w.EndObject();
  }
  w.EndArray();
  return finish(buffer);
}

std::string claims_json(const graph::KnowledgeGraph& g, const std::vector<graph::Vertex>& claims,
                        SourceTexts& texts) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const auto v : claims) claim_object(w, g, v, texts);
  w.EndArray();
  return finish(buffer);
}

std::string figures_json(const graph::KnowledgeGraph& g, const std::vector<graph::Vertex>& figures,
                         SourceTexts& texts) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const auto v : figures) figure_object(w, g, v, texts);
  w.EndArray();
  return finish(buffer);
}

std::string references_json(const graph::KnowledgeGraph& g,
                            const std::vector<graph::Vertex>& references) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const auto v : references) reference_object(w, g, v);
  w.EndArray();
  return finish(buffer);
}

std::string actors_json(const graph::KnowledgeGraph& g, const std::vector<graph::Vertex>& actors) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const auto v : actors) actor_object(w, g, v);
  w.EndArray();
  return finish(buffer);
}

std::string show_json(const graph::KnowledgeGraph& g, graph::Vertex v, SourceTexts& texts) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("id");
  str(w, g.id_of(v));
  w.Key("kind");
  str(w, to_string(g.kind_of(v)));
  w.Key("node");
  switch (g.kind_of(v)) {
    case NodeKind::kSource: {
      const auto& s = g.source(v);
      w.StartObject();
      source_members(w, s);
      w.Key("format");
      str(w, s.format);
      w.Key("text");
      str(w, texts.bytes(s.id));
      w.Key("metadata_from");
      w.StartObject();
      for (const auto& [field, from] : s.metadata_from) {
        w.Key(field.c_str(), static_cast<rapidjson::SizeType>(field.size()));
        str(w, from);
      }
      w.EndObject();
      w.EndObject();
      break;
    }
    case NodeKind::kClaim: claim_object(w, g, v, texts); break;
    case NodeKind::kReference: reference_object(w, g, v); break;
    case NodeKind::kActor: actor_object(w, g, v); break;
    case NodeKind::kFigure: figure_object(w, g, v, texts); break;
  }
  if (const auto where = locate(g, v)) {
    if (const auto src = g.find(where->source_id)) {
      location(w, g.source(*src), texts, where->span.begin);
      const auto ctx = context_around(texts.bytes(where->source_id), where->span);
      w.Key("context");
      w.StartObject();
      w.Key("before");
      str(w, ctx.before);
      w.Key("text");
      str(w, ctx.span);
      w.Key("after");
      str(w, ctx.after);
      w.EndObject();
    }
  }
  w.EndObject();
  return finish(buffer);
}

namespace {

// One item of a conflict's side: a claim (figure_id null) or a figure, with what it cites.
void conflict_item(Writer& w, const graph::KnowledgeGraph& g, const std::string& claim_id,
                   const std::string* figure_id, const std::string& source_id, graph::Span where,
                   const std::string& text, const std::string& claimant,
                   std::optional<graph::Polarity> stance, std::optional<graph::Vertex> claim) {
  w.StartObject();
  w.Key("claim_id");
  str(w, claim_id);
  w.Key("figure_id");
  if (figure_id) {
    str(w, *figure_id);
  } else {
    w.Null();
  }
  w.Key("source");
  source_or_null(w, g, g.find(source_id));
  w.Key("span");
  span(w, where);
  w.Key("text");
  str(w, text);
  w.Key("claimant");
  str(w, claimant);
  w.Key("stance");
  if (stance) {
    str(w, to_string(*stance));
  } else {
    w.Null();
  }
  w.Key("cites");
  ids(w, g, claim ? g.out(*claim, EdgeKind::kCites) : std::vector<graph::Vertex>{});
  w.EndObject();
}

}  // namespace

std::string conflicts_json(const graph::KnowledgeGraph& g, const std::vector<Conflict>& conflicts) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const auto& c : conflicts) {
    w.StartObject();
    w.Key("id");
    str(w, c.id);
    w.Key("kind");
    str(w, c.kind);
    w.Key("topic");
    str(w, c.topic);
    w.Key("confidence");
    w.Double(c.confidence);
    w.Key("explanation");
    str(w, c.explanation);
    w.Key("sides");
    w.StartArray();
    for (const auto& side : c.sides) {
      w.StartObject();
      w.Key("label");
      str(w, side.label);
      w.Key("items");
      w.StartArray();
      for (const auto v : side.claims) {
        const auto& claim = g.claim(v);
        conflict_item(w, g, claim.id, nullptr, claim.source_id, claim.span(), claim.text,
                      claim.claimant, side.stance, v);
      }
      for (const auto v : side.figures) {
        const auto& f = g.figure(v);
        conflict_item(w, g, f.claim_id, &f.id, f.source_id, f.span, f.text, f.claimant,
                      std::nullopt, g.find(f.claim_id));
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  return finish(buffer);
}

std::string trace_json(const graph::KnowledgeGraph& g, const Trace& trace, SourceTexts& texts) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("figure");
  figure_object(w, g, trace.figure, texts);
  w.Key("claim");
  if (g.kind_of(trace.claim) == NodeKind::kClaim) {
    claim_object(w, g, trace.claim, texts);
  } else {
    w.Null();
  }
  w.Key("source");
  source_or_null(w, g, trace.source);
  w.Key("claimant");
  str(w, trace.claimant);
  w.Key("references");
  w.StartArray();
  for (const auto r : trace.references) reference_object(w, g, r);
  w.EndArray();
  w.Key("chain");
  w.StartArray();
  for (const auto& step : trace.chain) {
    w.StartObject();
    w.Key("from");
    str(w, step.from);
    w.Key("edge");
    str(w, step.edge);
    w.Key("to");
    str(w, step.to);
    w.EndObject();
  }
  w.EndArray();
  w.Key("related");
  w.StartArray();
  for (const auto& r : trace.related) {
    w.StartObject();
    w.Key("figure");
    figure_object(w, g, r.figure, texts);
    w.Key("relation");
    str(w, r.relation);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return finish(buffer);
}

}  // namespace claimgraph::query
