#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <numeric>
#include <tuple>

#include "graph/intern.hpp"

namespace claimgraph::graph {
namespace {

std::optional<std::string> optional_of(const std::string* s) {
  if (s == nullptr) return std::nullopt;
  return *s;
}

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  return x ^ (x >> 33);
}

}  // namespace

KnowledgeGraph::KnowledgeGraph() = default;
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : nodes_(other.nodes_),
      keys_(other.keys_),
      id_slots_(other.id_slots_),
      aliases_(other.aliases_),
      owner_(other.owner_),
      sources_(other.sources_),
      last_row_(other.last_row_),
      source_rows_(other.source_rows_),
      source_ids_(other.source_ids_),
      source_outlets_(other.source_outlets_),
      source_vertex_(other.source_vertex_),
      claims_(other.claims_),
      more_spans_(other.more_spans_),
      stances_(other.stances_),
      claim_texts_(other.claim_texts_),
      figures_(other.figures_),
      actors_(other.actors_),
      references_(other.references_),
      merged_ids_(other.merged_ids_),
      by_kind_(other.by_kind_),
      by_source_(other.by_source_),
      by_work_key_(other.by_work_key_),
      by_actor_key_(other.by_actor_key_),
      dropped_edges_(other.dropped_edges_),
      text_reader_(other.text_reader_),
      pending_(other.pending_),
      graph_(other.graph_ ? std::make_unique<Graph>(*other.graph_) : nullptr),
      figure_index_(other.figure_index_) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

// --- ids -------------------------------------------------------------------------------

std::uint32_t KnowledgeGraph::source_row(std::string_view source_id) const {
  const auto it = source_rows_.find(source_id);
  return it == source_rows_.end() ? kNone : it->second;
}

std::uint32_t KnowledgeGraph::source_row_or_add(const std::string& source_id) {
  // A document's nodes come together: most often the row is the last one asked for.
  if (last_row_ < sources_.size() && sources_[last_row_].id == source_id) return last_row_;
  const auto [it, added] =
      source_rows_.emplace(source_id, static_cast<std::uint32_t>(sources_.size()));
  if (added) {
    Source placeholder;
    placeholder.id = source_id;
    sources_.push_back(std::move(placeholder));
    source_vertex_.push_back(kNone);
    source_ids_.push_back(intern(source_id));
    source_outlets_.push_back(nullptr);
    by_source_.emplace_back();
  }
  last_row_ = it->second;
  return it->second;
}

KnowledgeGraph::Key KnowledgeGraph::key_for(std::string_view id, std::uint32_t source) const {
  if (source != kNone) {
    const std::string& prefix = sources_[source].id;
    if (id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0 &&
        id[prefix.size()] == ':') {
      return Key{source, intern(id.substr(prefix.size() + 1))};
    }
  }
  return Key{kNone, intern(id)};
}

namespace {
std::uint64_t hash_key(std::uint32_t source, const std::string* local) {
  // Pointers differ by multiples of 16 and sources count up: combined linearly, distinct
  // pairs would often sum alike; the source is mixed on its own first.
  return mix(reinterpret_cast<std::uintptr_t>(local) + mix(source + 0x9E3779B97F4A7C15ull));
}
}  // namespace

void KnowledgeGraph::grow_ids() {
  std::vector<std::uint32_t> slots(std::max<std::size_t>(64, id_slots_.size() * 2), 0);
  if (id_slots_.empty()) {
    id_slots_ = std::move(slots);
    return;
  }
  const std::size_t mask = slots.size() - 1;
  for (const auto s : id_slots_) {
    if (s == 0) continue;
    const auto& k = keys_[s - 1];
    std::size_t at = hash_key(k.source, k.local) & mask;
    while (slots[at] != 0) at = (at + 1) & mask;
    slots[at] = s;
  }
  id_slots_ = std::move(slots);
}

void KnowledgeGraph::index_id(Vertex v) {
  while ((nodes_.size() + 1) * 2 > id_slots_.size()) grow_ids();
  const auto& k = keys_[v];
  const std::size_t mask = id_slots_.size() - 1;
  std::size_t at = hash_key(k.source, k.local) & mask;
  while (id_slots_[at] != 0) at = (at + 1) & mask;
  id_slots_[at] = v + 1;
}

std::optional<Vertex> KnowledgeGraph::find_key(Key key) const {
  if (id_slots_.empty() || key.local == nullptr) return std::nullopt;
  const std::size_t mask = id_slots_.size() - 1;
  for (std::size_t at = hash_key(key.source, key.local) & mask; id_slots_[at] != 0;
       at = (at + 1) & mask) {
    if (keys_[id_slots_[at] - 1] == key) return id_slots_[at] - 1;
  }
  return std::nullopt;
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view id) const {
  if (!aliases_.empty()) {
    if (const auto it = aliases_.find(id); it != aliases_.end()) return it->second;
  }
  if (const auto colon = id.rfind(':'); colon != std::string_view::npos) {
    const auto row = source_row(id.substr(0, colon));
    if (row != kNone) {
      if (const auto* local = find_interned(id.substr(colon + 1))) {
        if (auto v = find_key(Key{row, local})) return v;
      }
    }
  }
  if (const auto* whole = find_interned(id)) return find_key(Key{kNone, whole});
  return std::nullopt;
}

std::string KnowledgeGraph::id_of(Vertex v) const {
  const auto& k = keys_[v];
  if (k.source == kNone) return *k.local;
  std::string id;
  id.reserve(sources_[k.source].id.size() + 1 + k.local->size());
  id.append(sources_[k.source].id).append(1, ':').append(*k.local);
  return id;
}

Vertex KnowledgeGraph::add_vertex(NodeKind kind, std::uint32_t index, Key key) {
  const auto v = static_cast<Vertex>(nodes_.size());
  nodes_.push_back(Node{kind, index});
  keys_.push_back(key);
  owner_.push_back(kNone);
  index_id(v);
  by_kind_[static_cast<std::size_t>(kind)].push_back(v);
  return v;
}

Vertex KnowledgeGraph::add_owned_vertex(NodeKind kind, std::size_t index, Key key,
                                        std::uint32_t row) {
  const Vertex v = add_vertex(kind, static_cast<std::uint32_t>(index), key);
  owner_[v] = row;
  by_source_[row].push_back(v);
  return v;
}

// --- nodes -----------------------------------------------------------------------------

Vertex KnowledgeGraph::add_source(Source source) {
  if (auto v = find(source.id)) return *v;
  const auto row = source_row_or_add(source.id);
  const auto key = Key{kNone, intern(source.id)};
  source_outlets_[row] = source.outlet ? intern(*source.outlet) : nullptr;
  sources_[row] = std::move(source);
  const Vertex v = add_vertex(NodeKind::kSource, row, key);
  source_vertex_[row] = v;
  return v;
}

std::optional<Vertex> KnowledgeGraph::existing(Key key, std::string_view id) const {
  if (!aliases_.empty()) {
    if (const auto it = aliases_.find(id); it != aliases_.end()) return it->second;
  }
  return find_key(key);
}

void KnowledgeGraph::reserve(std::size_t claims, std::size_t figures, std::size_t references,
                             std::size_t edges) {
  const std::size_t nodes = nodes_.size() + claims + figures + references;
  nodes_.reserve(nodes);
  keys_.reserve(nodes);
  owner_.reserve(nodes);
  claims_.reserve(claims_.size() + claims);
  figures_.reserve(figures_.size() + figures);
  references_.reserve(references_.size() + references);
  by_kind_[static_cast<std::size_t>(NodeKind::kClaim)].reserve(claims);
  by_kind_[static_cast<std::size_t>(NodeKind::kFigure)].reserve(figures);
  pending_.reserve(pending_.size() + edges);
  while (nodes * 2 > id_slots_.size()) grow_ids();
}

Vertex KnowledgeGraph::add_claim(Claim claim, bool known_new) {
  const auto row = source_row_or_add(claim.source_id);
  const auto key = key_for(claim.id, row);
  if (!known_new) {
    if (auto v = existing(key, claim.id)) return *v;
  }
  ClaimRecord r;
  r.span = claim.span();
  r.confidence = static_cast<float>(claim.confidence);
  r.claimant = !claims_.empty() && *claims_.back().claimant == claim.claimant
                   ? claims_.back().claimant
                   : intern(claim.claimant);
  if (claim.spans.size() > 1) {
    r.more_spans = static_cast<std::uint32_t>(more_spans_.size());
    more_spans_.emplace_back(claim.spans.begin() + 1, claim.spans.end());
  }
  if (!claim.stances.empty()) {
    r.stances = static_cast<std::uint32_t>(stances_.size());
    stances_.push_back(std::move(claim.stances));
  }
  // The text is the source's bytes at the claim's span; kept only when it is something else.
  if (!claim.text.empty() && !is_bytes_at(sources_[row].bytes, r.span, claim.text)) {
    r.text = static_cast<std::uint32_t>(claim_texts_.size());
    claim_texts_.push_back(std::move(claim.text));
  }
  claims_.push_back(r);
  return add_owned_vertex(NodeKind::kClaim, claims_.size() - 1, key, row);
}

Vertex KnowledgeGraph::add_figure(Figure figure, bool known_new) {
  const auto row = source_row_or_add(figure.source_id);
  const auto key = key_for(figure.id, row);
  if (!known_new) {
    if (auto v = existing(key, figure.id)) return *v;
  }
  figure_index_.reset();
  FigureRecord r;
  r.claim = key_for(figure.claim_id, row);
  // Neighbouring figures most often share their unit, hedge, measure, place, time and
  // claimant: the previous figure's string is taken when equal, before any hashing.
  const FigureRecord* prev = figures_.empty() ? nullptr : &figures_.back();
  const auto like = [](const std::string& s, const std::string* before) {
    return before != nullptr && *before == s ? before : intern(s);
  };
  const auto like_optional = [&](const std::optional<std::string>& s, const std::string* before) {
    return s ? like(*s, before) : nullptr;
  };
  r.text = like(figure.text, prev ? prev->text : nullptr);
  r.hedge = like(figure.hedge, prev ? prev->hedge : nullptr);
  r.unit = like(figure.unit, prev ? prev->unit : nullptr);
  r.measure = like(figure.measure, prev ? prev->measure : nullptr);
  r.place = like_optional(figure.place, prev ? prev->place : nullptr);
  r.time_from = like_optional(figure.time_from, prev ? prev->time_from : nullptr);
  r.time_to = like_optional(figure.time_to, prev ? prev->time_to : nullptr);
  r.claimant = like(figure.claimant, prev ? prev->claimant : nullptr);
  r.lo = figure.lo;
  r.hi = figure.hi;
  r.has_point = figure.point.has_value();
  r.point = figure.point.value_or(0);
  r.span = figure.span;
  r.approx = figure.approx;
  r.bound = figure.bound;
  r.inferred = figure.inferred;
  figures_.push_back(r);
  return add_owned_vertex(NodeKind::kFigure, figures_.size() - 1, key, row);
}

Vertex KnowledgeGraph::add_actor(Actor actor) {
  auto v = find(actor.id);
  // One person, one node across documents: another document's actor with the same match key
  // ("ivahniuk|irina" for "Irina Ivakhnyuk" and "Ivakhnyuk, Irina") answers to this one.
  if (!v && !actor.key.empty()) {
    if (const auto it = by_actor_key_.find(actor.key); it != by_actor_key_.end()) {
      v = it->second;
      aliases_.emplace(actor.id, *v);
    }
  }
  if (v) {
    auto& existing = actors_[nodes_[*v].index];
    for (auto& alias : actor.aliases) {
      if (std::find(existing.aliases.begin(), existing.aliases.end(), alias) ==
          existing.aliases.end()) {
        existing.aliases.push_back(std::move(alias));
      }
    }
    return *v;
  }
  const auto key = Key{kNone, intern(actor.id)};
  actors_.push_back(std::move(actor));
  const auto& a = actors_.back();
  const auto added =
      add_vertex(NodeKind::kActor, static_cast<std::uint32_t>(actors_.size() - 1), key);
  if (!a.key.empty()) by_actor_key_.emplace(a.key, added);
  return added;
}

namespace {

const std::string* joined(const std::vector<std::string>& list) {
  std::string s;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) s += '\x1f';
    s += list[i];
  }
  return intern(s);
}

std::vector<std::string> split(const std::string* s) {
  std::vector<std::string> out;
  if (s == nullptr || s->empty()) return out;
  std::size_t from = 0;
  for (std::size_t at; (at = s->find('\x1f', from)) != std::string::npos; from = at + 1) {
    out.push_back(s->substr(from, at - from));
  }
  out.push_back(s->substr(from));
  return out;
}

const std::string* intern_optional(const std::optional<std::string>& s) {
  return s ? intern(*s) : nullptr;
}

}  // namespace

Vertex KnowledgeGraph::add_reference(Reference reference) {
  if (auto v = find(reference.id)) return *v;
  const auto row = source_row_or_add(reference.source_id);
  if (!reference.work_key.empty()) {
    // One work, one node: a second citation of it answers to the first one's vertex.
    if (const auto it = by_work_key_.find(reference.work_key); it != by_work_key_.end()) {
      auto& first = references_[nodes_[it->second].index];
      if (first.merged == kNone) {
        first.merged = static_cast<std::uint32_t>(merged_ids_.size());
        merged_ids_.emplace_back();
      }
      merged_ids_[first.merged].push_back(reference.id);
      aliases_.emplace(reference.id, it->second);
      auto& listed = by_source_[row];
      if (std::find(listed.begin(), listed.end(), it->second) == listed.end()) {
        listed.push_back(it->second);
      }
      return it->second;
    }
  }
  const auto key = key_for(reference.id, row);
  ReferenceRecord r;
  r.span = reference.span;
  // As a claim's text: an empty raw text is the source's bytes at the span.
  if (!reference.raw.empty() && !is_bytes_at(sources_[row].bytes, r.span, reference.raw)) {
    r.raw = static_cast<std::uint32_t>(claim_texts_.size());
    claim_texts_.push_back(std::move(reference.raw));
  }
  r.kind = reference.kind;
  r.marker = intern_optional(reference.marker);
  r.authors = joined(reference.authors);
  r.authors_original = joined(reference.authors_original);
  r.title = intern_optional(reference.title);
  r.title_translated = intern_optional(reference.title_translated);
  r.title_original = intern_optional(reference.title_original);
  r.title_romanized = intern_optional(reference.title_romanized);
  r.venue = intern_optional(reference.venue);
  r.venue_original = intern_optional(reference.venue_original);
  r.date = intern_optional(reference.date);
  r.language = intern_optional(reference.language);
  r.script = intern_optional(reference.script);
  r.work_key = intern(reference.work_key);
  if (!reference.merged_ids.empty()) {
    r.merged = static_cast<std::uint32_t>(merged_ids_.size());
    merged_ids_.push_back(std::move(reference.merged_ids));
  }
  references_.push_back(r);
  const Vertex v = add_owned_vertex(NodeKind::kReference, references_.size() - 1, key, row);
  if (!reference.work_key.empty()) by_work_key_.emplace(reference.work_key, v);
  return v;
}

Reference KnowledgeGraph::reference(Vertex v) const {
  const auto& r = references_[nodes_[v].index];
  const auto row = owner_[v];
  Reference ref;
  ref.id = id_of(v);
  ref.source_id = sources_[row].id;
  ref.kind = r.kind;
  ref.marker = optional_of(r.marker);
  ref.span = r.span;
  ref.raw = r.raw != kNone ? claim_texts_[r.raw] : text_of(row, r.span);
  ref.authors = split(r.authors);
  ref.authors_original = split(r.authors_original);
  ref.title = optional_of(r.title);
  ref.title_translated = optional_of(r.title_translated);
  ref.title_original = optional_of(r.title_original);
  ref.title_romanized = optional_of(r.title_romanized);
  ref.venue = optional_of(r.venue);
  ref.venue_original = optional_of(r.venue_original);
  ref.date = optional_of(r.date);
  ref.language = optional_of(r.language);
  ref.script = optional_of(r.script);
  ref.work_key = *r.work_key;
  if (r.merged != kNone) ref.merged_ids = merged_ids_[r.merged];
  return ref;
}

bool KnowledgeGraph::add_edge(const Edge& edge) {
  const auto from = find(edge.from);
  const auto to = find(edge.to);
  if (!from || !to) {
    ++dropped_edges_;
    return false;
  }
  pending_.push_back(PendingEdge{*from, *to, edge.kind});
  return true;
}

void KnowledgeGraph::add(const DocumentGraph& doc) {
  add_source(doc.source);
  for (const auto& a : doc.actors) add_actor(a);
  for (const auto& c : doc.claims) add_claim(c);
  for (const auto& f : doc.figures) add_figure(f);
  for (const auto& r : doc.references) add_reference(r);
  for (const auto& e : doc.edges) add_edge(e);
}

// --- typed access ----------------------------------------------------------------------

std::string KnowledgeGraph::text_of(std::uint32_t source, Span span) const {
  const auto& s = sources_[source];
  if (!s.bytes.empty()) {
    if (span.end > s.bytes.size()) return {};
    return s.bytes.substr(span.begin, span.size());
  }
  if (text_reader_) return text_reader_(s.id, span);
  return {};
}

Claim KnowledgeGraph::claim(Vertex v) const {
  const auto& r = claims_[nodes_[v].index];
  const auto row = owner_[v];
  Claim c;
  c.id = id_of(v);
  c.source_id = sources_[row].id;
  c.spans.push_back(r.span);
  if (r.more_spans != kNone) {
    const auto& more = more_spans_[r.more_spans];
    c.spans.insert(c.spans.end(), more.begin(), more.end());
  }
  c.text = r.text != kNone ? claim_texts_[r.text] : text_of(row, r.span);
  c.claimant = *r.claimant;
  c.confidence = r.confidence;
  if (r.stances != kNone) c.stances = stances_[r.stances];
  return c;
}

const std::string& KnowledgeGraph::claimant_of_claim(Vertex v) const {
  return *claims_[nodes_[v].index].claimant;
}

Span KnowledgeGraph::span_of_claim(Vertex v) const { return claims_[nodes_[v].index].span; }

const std::vector<Stance>& KnowledgeGraph::stances_of_claim(Vertex v) const {
  static const std::vector<Stance> kNoStances;
  const auto& r = claims_[nodes_[v].index];
  return r.stances == kNone ? kNoStances : stances_[r.stances];
}

std::optional<Vertex> KnowledgeGraph::claim_of_figure(Vertex v) const {
  return find_key(figures_[nodes_[v].index].claim);
}

KnowledgeGraph::FigureStrings KnowledgeGraph::figure_strings(Vertex v) const {
  const auto& r = figures_[nodes_[v].index];
  const auto row = owner_[v];
  return FigureStrings{r.text, r.claimant, source_ids_[row], r.unit, r.place,
                       r.time_from, r.time_to, r.measure, source_outlets_[row]};
}

FigureFacts KnowledgeGraph::figure_facts(Vertex v) const {
  const auto& r = figures_[nodes_[v].index];
  auto facts = facts_of(*r.measure, *r.unit,
                        r.place ? std::optional<std::string_view>(*r.place) : std::nullopt, r.lo,
                        r.hi, r.time_from, r.time_to, *source_ids_[owner_[v]],
                        r.bound != Bound::kNone || !r.has_point);
  facts.approx = r.approx;
  facts.inferred = r.inferred;
  return facts;
}

std::optional<Vertex> KnowledgeGraph::source_of(Vertex v) const {
  const auto row = owner_[v];
  if (row == kNone || source_vertex_[row] == kNone) return std::nullopt;
  return source_vertex_[row];
}

Figure KnowledgeGraph::figure(Vertex v) const {
  const auto& r = figures_[nodes_[v].index];
  const auto row = owner_[v];
  Figure f;
  f.id = id_of(v);
  f.source_id = sources_[row].id;
  f.claim_id = r.claim.source == kNone ? *r.claim.local : f.source_id + ":" + *r.claim.local;
  f.span = r.span;
  f.text = *r.text;
  f.lo = r.lo;
  f.hi = r.hi;
  if (r.has_point) f.point = r.point;
  f.approx = r.approx;
  f.bound = r.bound;
  f.inferred = r.inferred;
  f.hedge = *r.hedge;
  f.unit = *r.unit;
  f.measure = *r.measure;
  f.place = optional_of(r.place);
  f.time_from = optional_of(r.time_from);
  f.time_to = optional_of(r.time_to);
  f.claimant = *r.claimant;
  return f;
}

const std::vector<Vertex>& KnowledgeGraph::of_kind(NodeKind kind) const {
  return by_kind_[static_cast<std::size_t>(kind)];
}

std::vector<Vertex> KnowledgeGraph::of_source(std::string_view source_id) const {
  const auto row = source_row(source_id);
  if (row == kNone) return {};
  return by_source_[row];
}

// --- edges -----------------------------------------------------------------------------

const Graph& KnowledgeGraph::boost_graph() const {
  if (graph_ && pending_.empty() && boost::num_vertices(*graph_) == nodes_.size()) {
    return *graph_;
  }
  // Every edge in order: the built graph's (in its order), then the ones added since.
  std::vector<PendingEdge> all;
  if (graph_) {
    all.reserve(boost::num_edges(*graph_) + pending_.size());
    for (const auto e : boost::make_iterator_range(boost::edges(*graph_))) {
      all.push_back(PendingEdge{boost::source(e, *graph_), boost::target(e, *graph_),
                                (*graph_)[e].kind});
    }
  }
  all.insert(all.end(), pending_.begin(), pending_.end());
  pending_.clear();
  pending_.shrink_to_fit();
  const auto build = [&] {
    std::vector<std::pair<Vertex, Vertex>> ends;
    std::vector<EdgeProps> props;
    ends.reserve(all.size());
    props.reserve(all.size());
    for (const auto& e : all) {
      ends.emplace_back(e.from, e.to);
      props.push_back(EdgeProps{e.kind});
    }
    graph_ = std::make_unique<Graph>(boost::edges_are_unsorted_multi_pass, ends.begin(),
                                     ends.end(), props.begin(),
                                     static_cast<Vertex>(nodes_.size()));
  };
  build();
  // The first of each (from, to, kind): references merged into one work bring the same edge
  // twice (footnotes 2 and 5 both name their author). Out-edges are grouped by vertex in
  // their order, so duplicates are found vertex by vertex; the graph is built again only when
  // there are some.
  const auto& g = *graph_;
  std::vector<bool> duplicate;
  std::vector<std::tuple<Vertex, EdgeKind, std::uint32_t>> seen;
  std::uint32_t at = 0;  // edge number, in the built (out-edge) order
  for (Vertex v = 0; v < nodes_.size(); ++v) {
    seen.clear();
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      seen.emplace_back(boost::target(e, g), g[e].kind, at++);
    }
    if (seen.size() < 2) continue;
    std::sort(seen.begin(), seen.end());
    for (std::size_t k = 1; k < seen.size(); ++k) {
      if (std::get<0>(seen[k]) == std::get<0>(seen[k - 1]) &&
          std::get<1>(seen[k]) == std::get<1>(seen[k - 1])) {
        if (duplicate.empty()) duplicate.assign(all.size(), false);
        duplicate[std::get<2>(seen[k])] = true;
      }
    }
  }
  if (!duplicate.empty()) {
    all.clear();
    std::uint32_t n = 0;
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
      if (!duplicate[n++]) {
        all.push_back(PendingEdge{boost::source(e, g), boost::target(e, g), g[e].kind});
      }
    }
    build();
  }

  return *graph_;
}

std::vector<Vertex> KnowledgeGraph::out(Vertex v, EdgeKind kind) const {
  const auto& g = boost_graph();
  std::vector<Vertex> result;
  for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
    if (g[*it].kind == kind) result.push_back(boost::target(*it, g));
  }
  return result;
}

std::vector<Vertex> KnowledgeGraph::in(Vertex v, EdgeKind kind) const {
  const auto& g = boost_graph();
  std::vector<Vertex> result;
  for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
    if (g[*it].kind == kind) result.push_back(boost::source(*it, g));
  }
  return result;
}

void KnowledgeGraph::shrink_to_fit() {
  nodes_.shrink_to_fit();
  keys_.shrink_to_fit();
  owner_.shrink_to_fit();
  claims_.shrink_to_fit();
  figures_.shrink_to_fit();
  references_.shrink_to_fit();
  for (auto& k : by_kind_) k.shrink_to_fit();
  for (auto& s : by_source_) s.shrink_to_fit();
}

// --- figure facts ----------------------------------------------------------------------

const FigureIndex& KnowledgeGraph::figure_index() const {
  if (!figure_index_) {
    auto index = std::make_shared<FigureIndex>();
    const auto& vertices = of_kind(NodeKind::kFigure);
    index->vertices = vertices;
    // The facts are needed only to make the order: the order keeps what its scan compares.
    std::vector<FigureFacts> facts;
    facts.reserve(vertices.size());
    for (const auto v : vertices) facts.push_back(figure_facts(v));
    index->order = order_figures(facts, /*interned=*/true);
    figure_index_ = std::move(index);
  }
  return *figure_index_;
}

}  // namespace claimgraph::graph
