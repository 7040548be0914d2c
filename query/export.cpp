#include "query/export.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <variant>

#include "graph/json_writer.hpp"
#include "query/listing.hpp"

namespace claimgraph::query {
namespace {

using graph::EdgeKind;
using graph::KnowledgeGraph;
using graph::NodeKind;
using graph::Vertex;

constexpr NodeKind kNodeKinds[] = {NodeKind::kSource, NodeKind::kClaim, NodeKind::kFigure,
                                   NodeKind::kActor, NodeKind::kReference};

// ---- Attributes: one table of columns per node kind, shared by GraphML and CSV ----

enum class Type { kString, kDouble, kLong, kBoolean };
using Value = std::variant<std::monostate, std::string, double, std::int64_t, bool>;

struct Column {
  const char* name;
  Type type;
};

const std::vector<Column>& columns(NodeKind kind) {
  static const std::vector<Column> verdict = {{"verdict_rank", Type::kString},
                                              {"verdict_reason", Type::kString},
                                              {"verdict_by", Type::kString},
                                              {"verdict_at", Type::kString}};
  static const auto with_verdict = [](std::vector<Column> c) {
    c.insert(c.end(), verdict.begin(), verdict.end());
    return c;
  };
  static const std::map<NodeKind, std::vector<Column>> all = {
      {NodeKind::kSource,
       {{"id", Type::kString}, {"label", Type::kString}, {"file", Type::kString},
        {"title", Type::kString}, {"outlet", Type::kString}, {"authors", Type::kString},
        {"date", Type::kString}, {"url", Type::kString}, {"language", Type::kString},
        {"format", Type::kString}, {"content_hash", Type::kString}}},
      {NodeKind::kClaim, with_verdict({{"id", Type::kString}, {"label", Type::kString},
                                       {"source_id", Type::kString}, {"text", Type::kString},
                                       {"claimant", Type::kString}, {"span_begin", Type::kLong},
                                       {"span_end", Type::kLong}})},
      {NodeKind::kFigure,
       with_verdict({{"id", Type::kString},       {"label", Type::kString},
                     {"source_id", Type::kString}, {"claim_id", Type::kString},
                     {"text", Type::kString},      {"lo", Type::kDouble},
                     {"hi", Type::kDouble},        {"point", Type::kDouble},
                     {"approx", Type::kBoolean},   {"bound", Type::kString},
                     {"hedge", Type::kString},     {"unit", Type::kString},
                     {"measure", Type::kString},   {"place", Type::kString},
                     {"time_from", Type::kString}, {"time_to", Type::kString},
                     {"claimant", Type::kString},  {"span_begin", Type::kLong},
                     {"span_end", Type::kLong}})},
      {NodeKind::kActor,
       {{"id", Type::kString}, {"label", Type::kString}, {"name", Type::kString},
        {"actor_kind", Type::kString}, {"aliases", Type::kString}}},
      {NodeKind::kReference,
       {{"id", Type::kString},           {"label", Type::kString},
        {"source_id", Type::kString},    {"reference_kind", Type::kString},
        {"marker", Type::kString},       {"raw", Type::kString},
        {"authors", Type::kString},      {"authors_original", Type::kString},
        {"title", Type::kString},        {"title_translated", Type::kString},
        {"title_original", Type::kString}, {"title_romanized", Type::kString},
        {"venue", Type::kString},        {"venue_original", Type::kString},
        {"date", Type::kString},         {"language", Type::kString},
        {"script", Type::kString}}},
  };
  return all.at(kind);
}

// The length of the valid UTF-8 sequence at s[i] (1 to 4), or 0 when the bytes there are not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return 0;
  }
  return n;
}

// At most about `bytes` bytes of `s`, cut between characters (a label).
std::string prefix(const std::string& s, std::size_t bytes) {
  std::size_t end = 0;
  while (end < s.size()) {
    const std::size_t n = std::max<std::size_t>(1, utf8_length(s, end));
    if (end + n > bytes) break;
    end += n;
  }
  return s.substr(0, end);
}

Value opt(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }
Value text(const std::string& s) { return s.empty() ? Value() : Value(s); }
// An open end (infinite) is no value: GraphML and CSV have no infinity every reader takes.
Value number(double x) { return std::isfinite(x) ? Value(x) : Value(); }

std::string json_list(const std::vector<std::string>& list) {
  if (list.empty()) return {};
  graph::json::Compact out;
  graph::json::strings(out.writer, list);
  return out.str();
}

void add_verdict(std::vector<Value>& row, const Verdicts& verdicts, const std::string& id) {
  const auto* v = verdicts.current(id);
  if (!v) {
    row.insert(row.end(), 4, Value());
    return;
  }
  row.insert(row.end(), {std::string(to_string(v->rank)), text(v->reason), v->by, v->at});
}

std::vector<Value> source_row(const graph::Source& s) {
  return {s.id, opt(s.title ? s.title : s.outlet ? s.outlet : std::optional(s.file)), s.file,
          opt(s.title), opt(s.outlet), text(json_list(s.authors)), opt(s.date), opt(s.url),
          opt(s.language), s.format, s.content_hash};
}

std::vector<Value> claim_row(const graph::Claim& c, const Verdicts& verdicts) {
  std::vector<Value> row = {c.id, prefix(c.text, 80), c.source_id, c.text, text(c.claimant),
                            std::int64_t{c.span().begin}, std::int64_t{c.span().end}};
  add_verdict(row, verdicts, c.id);
  return row;
}

std::vector<Value> figure_row(const graph::Figure& f, const Verdicts& verdicts) {
  std::vector<Value> row = {
      f.id, f.text, f.source_id, f.claim_id, f.text, number(f.lo), number(f.hi),
      f.point ? number(*f.point) : Value(), f.approx,
      f.bound == graph::Bound::kNone ? Value() : Value(std::string(to_string(f.bound))),
      text(f.hedge), text(f.unit), text(f.measure), opt(f.place), opt(f.time_from),
      opt(f.time_to), text(f.claimant), std::int64_t{f.span.begin}, std::int64_t{f.span.end}};
  add_verdict(row, verdicts, f.id);
  return row;
}

std::vector<Value> actor_row(const graph::Actor& a) {
  return {a.id, a.name, a.name, std::string(to_string(a.kind)), text(json_list(a.aliases))};
}

std::vector<Value> reference_row(const graph::Reference& r) {
  return {r.id,
          opt(r.title ? r.title : std::optional(prefix(r.raw, 80))),
          r.source_id,
          std::string(to_string(r.kind)),
          opt(r.marker),
          text(r.raw),
          text(json_list(r.authors)),
          text(json_list(r.authors_original)),
          opt(r.title),
          opt(r.title_translated),
          opt(r.title_original),
          opt(r.title_romanized),
          opt(r.venue),
          opt(r.venue_original),
          opt(r.date),
          opt(r.language),
          opt(r.script)};
}

std::vector<Value> row_of(const KnowledgeGraph& g, Vertex v, const Verdicts& verdicts) {
  switch (g.kind_of(v)) {
    case NodeKind::kSource:
      return source_row(g.source(v));
    case NodeKind::kClaim:
      return claim_row(g.claim(v), verdicts);
    case NodeKind::kFigure:
      return figure_row(g.figure(v), verdicts);
    case NodeKind::kActor:
      return actor_row(g.actor(v));
    case NodeKind::kReference:
      return reference_row(g.reference(v));
  }
  return {};
}

// Every edge both of whose ends are kept, in the graph's order.
template <class Visit>
void each_edge(const KnowledgeGraph& g, const std::vector<bool>& keep, Visit visit) {
  const auto& bg = g.boost_graph();
  for (const auto e : boost::make_iterator_range(boost::edges(bg))) {
    const Vertex from = boost::source(e, bg);
    const Vertex to = boost::target(e, bg);
    if (keep[from] && keep[to]) visit(from, to, bg[e].kind);
  }
}

// ---- GraphML ----

// XML text: the five specials as entities; characters XML 1.0 does not allow, and bytes that
// are not UTF-8, as U+FFFD.
void xml(std::ostream& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const std::size_t n = utf8_length(s, i);
      if (n == 0) {
        out << "\xEF\xBF\xBD";
      } else {
        out << s.substr(i, n);
        i += n - 1;
      }
      continue;
    }
    switch (c) {
      case '&': out << "&amp;"; break;
      case '<': out << "&lt;"; break;
      case '>': out << "&gt;"; break;
      case '"': out << "&quot;"; break;
      case '\'': out << "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out << "\xEF\xBF\xBD";
        } else {
          out << c;
        }
    }
  }
}

// A column's type as GraphML's attr.type and neo4j-admin's header both name it.
const char* type_name(Type t) {
  switch (t) {
    case Type::kString: return "string";
    case Type::kDouble: return "double";
    case Type::kLong: return "long";
    case Type::kBoolean: return "boolean";
  }
  return "string";
}

std::string shortest(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

void value_text(std::ostream& out, const Value& v, void (*escape)(std::ostream&, std::string_view)) {
  if (const auto* s = std::get_if<std::string>(&v)) escape(out, *s);
  if (const auto* d = std::get_if<double>(&v)) out << shortest(*d);
  if (const auto* i = std::get_if<std::int64_t>(&v)) out << *i;
  if (const auto* b = std::get_if<bool>(&v)) out << (*b ? "true" : "false");
}

void graphml_keys(std::ostream& out) {
  out << "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n";
  std::map<std::string, Type> seen;
  for (const auto kind : kNodeKinds) {
    for (const auto& c : columns(kind)) {
      if (std::string(c.name) == "id" || !seen.emplace(c.name, c.type).second) continue;
      out << "  <key id=\"" << c.name << "\" for=\"node\" attr.name=\"" << c.name
          << "\" attr.type=\"" << type_name(c.type) << "\"/>\n";
    }
  }
  out << "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n";
}

// ---- CSV ----

void csv_string(std::ostream& out, std::string_view s) {
  out << '"';
  for (const char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

const char* kuzu_type(Type t) {
  switch (t) {
    case Type::kString: return "STRING";
    case Type::kDouble: return "DOUBLE";
    case Type::kLong: return "INT64";
    case Type::kBoolean: return "BOOLEAN";
  }
  return "STRING";
}

// "Figure" for figure, as a table and a label.
std::string table_of(NodeKind kind) {
  std::string name(to_string(kind));
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::ofstream open_out(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
  return out;
}

// ---- JSON-LD ----

using JsonWriter = graph::json::CompactWriter;

// A node id as an IRI under the cg: prefix (urn:claimgraph:): characters an IRI may not hold
// are percent-encoded.
std::string iri(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "cg:";
  for (const char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || std::string_view("\"<>\\^`{|}%#?[]").find(c) != std::string_view::npos) {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

void context(JsonWriter& w) {
  static const std::pair<const char*, const char*> kTerms[] = {
      {"schema", "https://schema.org/"}, {"prov", "http://www.w3.org/ns/prov#"},
      {"cg", "urn:claimgraph:"}, {"cgv", "urn:claimgraph:vocab#"},
      {"NewsArticle", "schema:NewsArticle"}, {"Claim", "schema:Claim"},
      {"Person", "schema:Person"}, {"Organization", "schema:Organization"},
      {"Place", "schema:Place"}, {"Country", "schema:Country"}, {"Thing", "schema:Thing"},
      {"CreativeWork", "schema:CreativeWork"}, {"ScholarlyArticle", "schema:ScholarlyArticle"},
      {"QuantitativeValue", "schema:QuantitativeValue"}, {"ClaimReview", "schema:ClaimReview"},
      {"Rating", "schema:Rating"}, {"name", "schema:name"},
      {"alternateName", "schema:alternateName"}, {"headline", "schema:headline"},
      {"text", "schema:text"}, {"datePublished", "schema:datePublished"},
      {"url", "schema:url"}, {"inLanguage", "schema:inLanguage"},
      {"minValue", "schema:minValue"}, {"maxValue", "schema:maxValue"},
      {"value", "schema:value"}, {"unitText", "schema:unitText"},
      {"reviewRating", "schema:reviewRating"}, {"ratingValue", "schema:ratingValue"},
      {"bestRating", "schema:bestRating"}, {"worstRating", "schema:worstRating"},
      {"reviewBody", "schema:reviewBody"}, {"measure", "cgv:measure"}, {"place", "cgv:place"},
      {"timeFrom", "cgv:timeFrom"}, {"timeTo", "cgv:timeTo"}, {"approx", "cgv:approx"},
      {"claimant", "cgv:claimant"}, {"outlet", "cgv:outlet"}, {"venue", "cgv:venue"},
      {"script", "cgv:script"}, {"marker", "cgv:marker"}, {"rank", "cgv:rank"}};
  static const std::pair<const char*, const char*> kLinks[] = {
      {"author", "schema:author"}, {"publisher", "schema:publisher"},
      {"appearance", "schema:appearance"}, {"citation", "schema:citation"},
      {"mentions", "schema:mentions"}, {"itemReviewed", "schema:itemReviewed"},
      {"wasDerivedFrom", "prov:wasDerivedFrom"}, {"wasAttributedTo", "prov:wasAttributedTo"},
      {"wasQuotedFrom", "prov:wasQuotedFrom"}, {"figure", "cgv:figure"},
      {"citedIn", "cgv:citedIn"}};
  w.StartObject();
  for (const auto& [term, id] : kTerms) {
    w.Key(term);
    w.String(id);
  }
  for (const auto& [term, id] : kLinks) {
    w.Key(term);
    w.StartObject();
    w.Key("@id");
    w.String(id);
    w.Key("@type");
    w.String("@id");
    w.EndObject();
  }
  w.EndObject();
}

void member(JsonWriter& w, const char* key, const std::optional<std::string>& value) {
  if (!value || value->empty()) return;
  w.Key(key);
  graph::json::string(w, *value);
}

// Links to the kept vertices at the ends of v's out-edges of `kind`.
void links(JsonWriter& w, const char* key, const KnowledgeGraph& g, const std::vector<bool>& keep,
           Vertex v, EdgeKind kind) {
  std::vector<std::string> ids;
  for (const auto to : g.out(v, kind)) {
    if (keep[to]) ids.push_back(iri(g.id_of(to)));
  }
  if (ids.empty()) return;
  w.Key(key);
  graph::json::strings(w, ids);
}

void node_head(JsonWriter& w, const std::string& id, const char* type) {
  w.StartObject();
  w.Key("@id");
  graph::json::string(w, iri(id));
  w.Key("@type");
  w.String(type);
}

void jsonld_source(JsonWriter& w, const KnowledgeGraph& g, const std::vector<bool>& keep,
                   Vertex v) {
  const auto& s = g.source(v);
  node_head(w, s.id, "NewsArticle");
  member(w, "headline", s.title);
  member(w, "name", s.file);
  member(w, "outlet", s.outlet);
  links(w, "author", g, keep, v, EdgeKind::kAuthoredBy);
  links(w, "publisher", g, keep, v, EdgeKind::kPublishedBy);
  member(w, "datePublished", s.date);
  member(w, "url", s.url);
  member(w, "inLanguage", s.language);
  w.EndObject();
}

void jsonld_claim(JsonWriter& w, const KnowledgeGraph& g, const std::vector<bool>& keep,
                  Vertex v) {
  const auto c = g.claim(v);
  node_head(w, c.id, "Claim");
  member(w, "text", c.text);
  member(w, "claimant", c.claimant);
  for (const char* key : {"appearance", "wasDerivedFrom"}) {
    w.Key(key);
    graph::json::string(w, iri(c.source_id));
  }
  links(w, "author", g, keep, v, EdgeKind::kClaimedBy);
  links(w, "wasAttributedTo", g, keep, v, EdgeKind::kClaimedBy);
  links(w, "citation", g, keep, v, EdgeKind::kCites);
  links(w, "wasQuotedFrom", g, keep, v, EdgeKind::kCites);
  links(w, "mentions", g, keep, v, EdgeKind::kMentions);
  w.EndObject();
}

void jsonld_figure(JsonWriter& w, const KnowledgeGraph& g, const std::vector<bool>& keep,
                   Vertex v) {
  const auto f = g.figure(v);
  node_head(w, f.id, "QuantitativeValue");
  member(w, "name", f.text);
  for (const auto& [key, x] : {std::pair<const char*, double>{"minValue", f.lo}, {"maxValue", f.hi}}) {
    if (!std::isfinite(x)) continue;
    w.Key(key);
    w.Double(x);
  }
  if (f.point && std::isfinite(*f.point)) {
    w.Key("value");
    w.Double(*f.point);
  }
  member(w, "unitText", f.unit);
  member(w, "measure", f.measure);
  member(w, "place", f.place);
  member(w, "timeFrom", f.time_from);
  member(w, "timeTo", f.time_to);
  w.Key("approx");
  w.Bool(f.approx);
  member(w, "claimant", f.claimant);
  if (const auto claim = g.claim_of_figure(v); claim && keep[*claim]) {
    w.Key("wasDerivedFrom");
    graph::json::string(w, iri(f.claim_id));
    links(w, "wasAttributedTo", g, keep, *claim, EdgeKind::kClaimedBy);
  }
  w.EndObject();
}

const char* actor_type(graph::ActorKind kind) {
  switch (kind) {
    case graph::ActorKind::kPerson: return "Person";
    case graph::ActorKind::kOrganization:
    case graph::ActorKind::kGroup: return "Organization";
    case graph::ActorKind::kCountry: return "Country";
    case graph::ActorKind::kPlace: return "Place";
    case graph::ActorKind::kOther: return "Thing";
  }
  return "Thing";
}

void jsonld_actor(JsonWriter& w, const KnowledgeGraph& g, Vertex v) {
  const auto& a = g.actor(v);
  node_head(w, a.id, actor_type(a.kind));
  member(w, "name", a.name);
  std::vector<std::string> others;
  for (const auto& alias : a.aliases) {
    if (alias != a.name) others.push_back(alias);
  }
  if (!others.empty()) {
    w.Key("alternateName");
    graph::json::strings(w, others);
  }
  w.EndObject();
}

// A title with its language: {"@value": ..., "@language": ...}.
void tagged(JsonWriter& w, const std::string& value, const std::optional<std::string>& language) {
  if (!language || language->empty()) {
    graph::json::string(w, value);
    return;
  }
  w.StartObject();
  w.Key("@value");
  graph::json::string(w, value);
  w.Key("@language");
  graph::json::string(w, *language);
  w.EndObject();
}

void jsonld_reference(JsonWriter& w, const KnowledgeGraph& g, const std::vector<bool>& keep,
                      Vertex v) {
  const auto r = g.reference(v);
  const bool scholarly = r.venue && !r.authors.empty();
  node_head(w, r.id, scholarly ? "ScholarlyArticle" : "CreativeWork");
  // The name as printed and in its own script (tagged with the work's language).
  if (r.title || r.title_original) {
    w.Key("name");
    w.StartArray();
    if (r.title) graph::json::string(w, *r.title);
    if (r.title_original) tagged(w, *r.title_original, r.language);
    w.EndArray();
  }
  std::vector<std::string> other;
  if (r.title_romanized) other.push_back(*r.title_romanized);
  if (r.title_translated) other.push_back(*r.title_translated);
  if (!other.empty()) {
    w.Key("alternateName");
    graph::json::strings(w, other);
  }
  member(w, "text", r.raw);
  member(w, "marker", r.marker);
  links(w, "author", g, keep, v, EdgeKind::kAuthoredBy);
  links(w, "mentions", g, keep, v, EdgeKind::kMentions);
  links(w, "citedIn", g, keep, v, EdgeKind::kCitedIn);
  member(w, "venue", r.venue_original ? r.venue_original : r.venue);
  member(w, "datePublished", r.date);
  member(w, "inLanguage", r.language);
  member(w, "script", r.script);
  w.EndObject();
}

// A verdict as schema.org's ClaimReview of the claim (for a figure: the claim stating it).
void claim_review(JsonWriter& w, const KnowledgeGraph& g, Vertex v, const graph::Verdict& verdict) {
  const bool figure = g.kind_of(v) == NodeKind::kFigure;
  node_head(w, "verdict:" + std::to_string(verdict.seq), "ClaimReview");
  w.Key("itemReviewed");
  graph::json::string(w, iri(figure ? g.figure(v).claim_id : g.id_of(v)));
  if (figure) {
    w.Key("figure");
    graph::json::string(w, iri(g.id_of(v)));
  }
  w.Key("author");
  w.StartObject();
  w.Key("@type");
  w.String("Person");
  w.Key("name");
  graph::json::string(w, verdict.by);
  w.EndObject();
  member(w, "datePublished", verdict.at);
  member(w, "reviewBody", verdict.reason);
  w.Key("reviewRating");
  w.StartObject();
  w.Key("@type");
  w.String("Rating");
  w.Key("ratingValue");
  w.Int(verdict.rank == graph::Rank::kPreferred ? 5 : 1);
  w.Key("bestRating");
  w.Int(5);
  w.Key("worstRating");
  w.Int(1);
  w.Key("alternateName");
  graph::json::string(w, to_string(verdict.rank));
  w.EndObject();
  w.EndObject();
}

}  // namespace

ExportCounts write_jsonld(std::ostream& out, const KnowledgeGraph& g,
                          const std::vector<bool>& keep, const Verdicts& verdicts) {
  ExportCounts counts;
  graph::json::Compact head;
  context(head.writer);
  out << "{\"@context\": " << head.str() << ",\n\"@graph\": [";
  bool first = true;
  // One node at a time: written, then forgotten.
  const auto emit = [&](auto&& write) {
    graph::json::Compact node;
    write(node.writer);
    out << (first ? "\n" : ",\n") << node.str();
    first = false;
  };
  for (const auto kind : kNodeKinds) {
    for (const auto v : g.of_kind(kind)) {
      if (!keep[v]) continue;
      emit([&](JsonWriter& w) {
        switch (kind) {
          case NodeKind::kSource: jsonld_source(w, g, keep, v); break;
          case NodeKind::kClaim: jsonld_claim(w, g, keep, v); break;
          case NodeKind::kFigure: jsonld_figure(w, g, keep, v); break;
          case NodeKind::kActor: jsonld_actor(w, g, v); break;
          case NodeKind::kReference: jsonld_reference(w, g, keep, v); break;
        }
      });
      ++counts.nodes[std::string(to_string(kind))];
      if (kind != NodeKind::kFigure && kind != NodeKind::kClaim) continue;
      if (const auto* verdict = verdicts.current(g.id_of(v))) {
        emit([&](JsonWriter& w) { claim_review(w, g, v, *verdict); });
        ++counts.nodes["claim_review"];
      }
    }
  }
  each_edge(g, keep, [&](Vertex, Vertex, EdgeKind kind) { ++counts.edges[std::string(to_string(kind))]; });
  out << "\n]}\n";
  return counts;
}

std::optional<ExportFormat> export_format_from(std::string_view name) {
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "jsonld" || name == "json-ld") return ExportFormat::kJsonld;
  if (name == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

std::vector<bool> select_for_export(const KnowledgeGraph& g, const ExportSelection& s) {
  std::vector<bool> keep(g.node_count(), !s.source && !s.measure);
  if (!s.source && !s.measure) return keep;
  std::vector<Vertex> claims, sources, works;
  if (s.measure) {
    for (const auto f : select_figures(g, s.measure, s.source)) {
      keep[f] = true;
      if (const auto c = g.claim_of_figure(f)) claims.push_back(*c);
    }
  } else {
    for (const auto v : g.of_source(*s.source)) {
      keep[v] = true;
      if (g.kind_of(v) == NodeKind::kClaim) claims.push_back(v);
      if (g.kind_of(v) == NodeKind::kReference) works.push_back(v);
    }
  }
  for (const auto c : claims) {
    keep[c] = true;
    if (const auto src = g.source_of(c)) sources.push_back(*src);
    for (const auto r : g.out(c, EdgeKind::kCites)) works.push_back(r);
  }
  for (const auto v : sources) keep[v] = true;
  // Cited works and the works they were cited in, then the actors all of these name.
  std::vector<bool> seen(g.node_count(), false);
  for (std::size_t i = 0; i < works.size(); ++i) {
    const Vertex w = works[i];
    if (seen[w]) continue;
    seen[w] = true;
    keep[w] = true;
    for (const auto r : g.out(w, EdgeKind::kCitedIn)) works.push_back(r);
  }
  std::vector<Vertex> named;
  for (Vertex v = 0; v < keep.size(); ++v) {
    if (!keep[v]) continue;
    for (const auto kind : {EdgeKind::kClaimedBy, EdgeKind::kMentions, EdgeKind::kAuthoredBy,
                            EdgeKind::kPublishedBy}) {
      for (const auto a : g.out(v, kind)) named.push_back(a);
    }
  }
  for (const auto a : named) keep[a] = true;
  return keep;
}

ExportCounts write_graphml(std::ostream& out, const KnowledgeGraph& g,
                           const std::vector<bool>& keep, const Verdicts& verdicts) {
  ExportCounts counts;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  graphml_keys(out);
  out << "  <graph id=\"claimgraph\" edgedefault=\"directed\">\n";
  for (const auto kind : kNodeKinds) {
    const auto& cols = columns(kind);
    for (const auto v : g.of_kind(kind)) {
      if (!keep[v]) continue;
      const auto row = row_of(g, v, verdicts);
      out << "    <node id=\"";
      xml(out, std::get<std::string>(row[0]));
      out << "\"><data key=\"kind\">" << to_string(kind) << "</data>";
      for (std::size_t i = 1; i < cols.size(); ++i) {
        if (std::holds_alternative<std::monostate>(row[i])) continue;
        out << "<data key=\"" << cols[i].name << "\">";
        value_text(out, row[i], xml);
        out << "</data>";
      }
      out << "</node>\n";
      ++counts.nodes[std::string(to_string(kind))];
    }
  }
  std::size_t n = 0;
  each_edge(g, keep, [&](Vertex from, Vertex to, EdgeKind kind) {
    out << "    <edge id=\"e" << n++ << "\" source=\"";
    xml(out, g.id_of(from));
    out << "\" target=\"";
    xml(out, g.id_of(to));
    out << "\"><data key=\"edge_kind\">" << to_string(kind) << "</data></edge>\n";
    ++counts.edges[std::string(to_string(kind))];
  });
  out << "  </graph>\n</graphml>\n";
  return counts;
}

ExportCounts write_csv(const std::string& dir, const KnowledgeGraph& g,
                       const std::vector<bool>& keep, const Verdicts& verdicts) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir + ": cannot make the folder (" + ec.message() + ")");
  ExportCounts counts;
  std::ostringstream schema;
  for (const auto kind : kNodeKinds) {
    const auto& cols = columns(kind);
    const std::string table = table_of(kind);
    const std::string file = std::string(to_string(kind)) + "s.csv";
    auto out = open_out(fs::path(dir) / file);
    schema << "CREATE NODE TABLE " << table << "(";
    for (std::size_t i = 0; i < cols.size(); ++i) {
      out << (i ? "," : "") << cols[i].name << ":"
          << (i == 0 ? "ID(" + table + ")" : std::string(type_name(cols[i].type)));
      schema << (i ? ", " : "") << cols[i].name << " " << kuzu_type(cols[i].type);
    }
    out << "\n";
    schema << ", PRIMARY KEY(id));\n";
    std::size_t rows = 0;
    for (const auto v : g.of_kind(kind)) {
      if (!keep[v]) continue;
      const auto row = row_of(g, v, verdicts);
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) out << ',';
        value_text(out, row[i], csv_string);
      }
      out << "\n";
      ++rows;
    }
    counts.nodes[std::string(to_string(kind))] = rows;
    if (!out.flush()) throw std::runtime_error((fs::path(dir) / file).string() + ": cannot write");
    schema << "COPY " << table << " FROM '" << file << "' (HEADER=true, PARALLEL=false);\n";
  }
  // An edge kind's file per pair of node kinds it joins (mentions: claim or reference to actor).
  std::map<std::tuple<EdgeKind, NodeKind, NodeKind>, std::ofstream> files;
  std::map<EdgeKind, std::set<std::pair<NodeKind, NodeKind>>> pairs;
  each_edge(g, keep, [&](Vertex from, Vertex to, EdgeKind kind) {
    const auto key = std::make_tuple(kind, g.kind_of(from), g.kind_of(to));
    auto it = files.find(key);
    if (it == files.end()) {
      const std::string file = std::string(to_string(kind)) + "_" +
                               std::string(to_string(g.kind_of(from))) + "_" +
                               std::string(to_string(g.kind_of(to))) + ".csv";
      it = files.emplace(key, open_out(fs::path(dir) / file)).first;
      it->second << ":START_ID(" << table_of(g.kind_of(from)) << "),:END_ID("
                 << table_of(g.kind_of(to)) << ")\n";
      pairs[kind].emplace(g.kind_of(from), g.kind_of(to));
    }
    csv_string(it->second, g.id_of(from));
    it->second << ',';
    csv_string(it->second, g.id_of(to));
    it->second << '\n';
    ++counts.edges[std::string(to_string(kind))];
  });
  for (auto& [key, out] : files) {
    if (!out.flush()) throw std::runtime_error(dir + ": cannot write an edge file");
  }
  for (const auto& [kind, kinds] : pairs) {
    schema << "CREATE REL TABLE " << upper(to_string(kind)) << "(";
    bool first = true;
    for (const auto& [from, to] : kinds) {
      schema << (first ? "" : ", ") << "FROM " << table_of(from) << " TO " << table_of(to);
      first = false;
    }
    schema << ");\n";
    for (const auto& [from, to] : kinds) {
      schema << "COPY " << upper(to_string(kind)) << " FROM '" << to_string(kind) << "_"
             << to_string(from) << "_" << to_string(to) << ".csv' (from='" << table_of(from)
             << "', to='" << table_of(to) << "', HEADER=true);\n";
    }
  }
  auto out = open_out(fs::path(dir) / "schema.cypher");
  out << schema.str();
  if (!out.flush()) throw std::runtime_error(dir + "/schema.cypher: cannot write");
  return counts;
}

}  // namespace claimgraph::query
