#pragma once
// The in-memory graph the query engine walks: a Boost.Graph compressed_sparse_row_graph
// (bidirectional, 32-bit vertices and edge numbers) whose edges carry their kind, beside
// typed node tables. Kept lean for stores of millions of nodes (issue 6: at most ~200 bytes a
// node): claims and figures are packed records whose repeated strings (claimant, measure,
// unit, place, times, local ids) are interned pointers; a claim's text is not held but read
// from its source's bytes when asked for; an id is (source, interned local part), found
// through an open-addressing table of vertex numbers. Edges added are kept in a list and the
// CSR is built from it on the first walk after a change.
//
// Typed access to claims and figures returns a value assembled from the packed record.
// Not thread-safe for writes, nor on the first walk after one; concurrent reads of a graph
// that has been walked once and that no one modifies are safe, except for the texts read back
// from a store (claim(), reference()): its reader keeps one source's bytes and one connection.

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/figure_facts.hpp"
#include "graph/model.hpp"

namespace claimgraph::graph {

struct EdgeProps {
  EdgeKind kind = EdgeKind::kContains;
};

using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                 EdgeProps, boost::no_property, std::uint32_t,
                                                 std::uint32_t>;
using Vertex = std::uint32_t;

class KnowledgeGraph {
 public:
  // Reads `span` of the source `source_id`'s original bytes: how a graph loaded without the
  // bytes gets a claim's text (Store::load sets one that reads the store).
  using TextReader = std::function<std::string(const std::string& source_id, Span span)>;

  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
  KnowledgeGraph(const KnowledgeGraph&);
  KnowledgeGraph& operator=(const KnowledgeGraph&);

  // Adds a document's nodes and edges. Actors already present (same id) are merged:
  // their aliases are united. A reference whose work key is already present is the same
  // work: its id answers to the existing vertex (listed in its merged_ids). Edges whose ends
  // are unknown are dropped and counted.
  void add(const DocumentGraph& doc);

  // Adds one node; returns its vertex. An id already present returns the existing vertex.
  // A claim with an empty text takes its text from its source's bytes at its first span, and a
  // reference with an empty raw text its own from its span.
  Vertex add_source(Source source);
  // `known_new`: the caller knows no node has this id (a store's primary key): not looked up.
  Vertex add_claim(Claim claim, bool known_new = false);
  Vertex add_figure(Figure figure, bool known_new = false);
  Vertex add_actor(Actor actor);
  Vertex add_reference(Reference reference);
  // Returns false (and adds nothing) when either end is not in the graph. An edge already
  // present (same ends, same kind) is kept once.
  bool add_edge(const Edge& edge);
  void add_edge(Vertex from, Vertex to, EdgeKind kind) { pending_.push_back({from, to, kind}); }

  void set_text_reader(TextReader reader) { text_reader_ = std::move(reader); }

  std::optional<Vertex> find(std::string_view id) const;
  NodeKind kind_of(Vertex v) const { return nodes_[v].kind; }
  std::string id_of(Vertex v) const;

  // Typed access; requires kind_of(v) to match.
  const Source& source(Vertex v) const { return sources_[nodes_[v].index]; }
  Claim claim(Vertex v) const;
  Figure figure(Vertex v) const;
  const Actor& actor(Vertex v) const { return actors_[nodes_[v].index]; }
  Reference reference(Vertex v) const;
  // Parts of a claim or figure without assembling it (for queries over millions of them).
  const std::string& claimant_of_claim(Vertex v) const;
  Span span_of_claim(Vertex v) const;  // its first span
  const std::vector<Stance>& stances_of_claim(Vertex v) const;
  struct FigureStrings {
    const std::string* text;
    const std::string* claimant;
    const std::string* source_id;
    const std::string* unit;
    const std::string* place;  // nullptr: unknown
    const std::string* time_from;
    const std::string* time_to;
    const std::string* measure;
    const std::string* outlet;  // its source's outlet; nullptr: none known
  };
  FigureStrings figure_strings(Vertex v) const;
  // The claim a figure names as its own (Figure::claim_id), if it is in the graph: found by
  // the figure's record, with no id to parse (opening a store asks it of every figure).
  std::optional<Vertex> claim_of_figure(Vertex v) const;
  // What conflict queries compare of a figure (its views are of interned strings, valid as
  // long as any graph is), and its interval alone.
  FigureFacts figure_facts(Vertex v) const;
  std::pair<double, double> figure_interval(Vertex v) const {
    const auto& r = figures_[nodes_[v].index];
    return {r.lo, r.hi};
  }
  // The source a claim, figure or reference belongs to (its vertex); nullopt for others.
  std::optional<Vertex> source_of(Vertex v) const;

  // All vertices of a kind, in insertion order.
  const std::vector<Vertex>& of_kind(NodeKind kind) const;
  // The figures' facts in the order conflict queries walk them; built on first use (Store::load
  // builds it) and again after a figure is added. Not thread-safe on first use.
  const FigureIndex& figure_index() const;
  // All vertices a source contributed (its claims, figures, references), in insertion order.
  std::vector<Vertex> of_source(std::string_view source_id) const;
  // Targets of v's out-edges of `kind`, and sources of v's in-edges of `kind`.
  std::vector<Vertex> out(Vertex v, EdgeKind kind) const;
  std::vector<Vertex> in(Vertex v, EdgeKind kind) const;

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t edge_count() const { return boost::num_edges(boost_graph()); }
  std::size_t dropped_edges() const { return dropped_edges_; }
  const Graph& boost_graph() const;
  // Room for this many more nodes and edges (a store knows its counts before loading).
  void reserve(std::size_t claims, std::size_t figures, std::size_t references,
               std::size_t edges);
  // Releases spare capacity of the tables (after a load); the CSR is built on the next walk.
  void shrink_to_fit();

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Node {
    NodeKind kind = NodeKind::kSource;
    std::uint32_t index = 0;  // row in the kind's table
  };
  // An id as (source table row, interned rest after "SOURCE:"); kNone and the whole id for
  // sources, actors and ids of no source.
  struct Key {
    std::uint32_t source = kNone;
    const std::string* local = nullptr;
    bool operator==(const Key&) const = default;
  };
  struct ClaimRecord {
    Span span;
    std::uint32_t more_spans = kNone;  // row in more_spans_, for a repeated sentence
    std::uint32_t stances = kNone;     // row in stances_
    std::uint32_t text = kNone;        // row in claim_texts_ when not its source's bytes
    float confidence = 1;
    const std::string* claimant = nullptr;
  };
  struct FigureRecord {
    Key claim;
    const std::string* text = nullptr;
    const std::string* hedge = nullptr;
    const std::string* unit = nullptr;
    const std::string* measure = nullptr;
    const std::string* place = nullptr;  // nullptr: unknown
    const std::string* time_from = nullptr;
    const std::string* time_to = nullptr;
    const std::string* claimant = nullptr;
    double lo = 0;
    double hi = 0;
    double point = 0;
    Span span;
    bool has_point = false;
    bool approx = false;
    Bound bound = Bound::kNone;
    std::uint8_t inferred = 0;
  };
  // A cited work: its strings interned (lists joined by '\x1f'), its raw text its source's
  // bytes at its span unless kept apart.
  struct ReferenceRecord {
    Span span;
    std::uint32_t raw = kNone;     // row in other_texts_ when not its source's bytes
    std::uint32_t merged = kNone;  // row in merged_ids_
    ReferenceKind kind = ReferenceKind::kFootnote;
    const std::string* marker = nullptr;
    const std::string* authors = nullptr;
    const std::string* authors_original = nullptr;
    const std::string* title = nullptr;
    const std::string* title_translated = nullptr;
    const std::string* title_original = nullptr;
    const std::string* title_romanized = nullptr;
    const std::string* venue = nullptr;
    const std::string* venue_original = nullptr;
    const std::string* date = nullptr;
    const std::string* language = nullptr;
    const std::string* script = nullptr;
    const std::string* work_key = nullptr;
  };
  struct PendingEdge {
    Vertex from;
    Vertex to;
    EdgeKind kind;
  };

  Vertex add_vertex(NodeKind kind, std::uint32_t index, Key key);
  // A claim, figure or reference: a vertex of source row `row`.
  Vertex add_owned_vertex(NodeKind kind, std::size_t index, Key key, std::uint32_t row);
  Key key_for(std::string_view id, std::uint32_t source) const;
  std::optional<Vertex> find_key(Key key) const;
  std::optional<Vertex> existing(Key key, std::string_view id) const;
  std::uint32_t source_row(std::string_view source_id) const;
  std::uint32_t source_row_or_add(const std::string& source_id);
  std::string text_of(std::uint32_t source, Span span) const;
  void index_id(Vertex v);
  void grow_ids();

  std::vector<Node> nodes_;
  std::vector<Key> keys_;               // per vertex
  std::vector<std::uint32_t> id_slots_;  // open addressing over keys_: vertex + 1, 0 empty
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename T>
  using ByName = std::unordered_map<std::string, T, Hash, std::equal_to<>>;
  ByName<Vertex> aliases_;  // ids of merged references, of actors merged by key
  std::vector<std::uint32_t> owner_;    // per vertex: its source row, or kNone

  std::vector<Source> sources_;
  std::uint32_t last_row_ = kNone;  // the source row last asked for by id
  ByName<std::uint32_t> source_rows_;
  std::vector<const std::string*> source_ids_;  // per source row, interned
  // Per source row, its outlet interned (nullptr: none): a query over many figures asks each
  // figure's outlet, and these few bytes a source stay in cache where the sources do not.
  std::vector<const std::string*> source_outlets_;
  std::vector<std::uint32_t> source_vertex_;  // per source row; kNone while only referred to
  std::vector<ClaimRecord> claims_;
  std::vector<std::vector<Span>> more_spans_;
  std::vector<std::vector<Stance>> stances_;
  std::vector<std::string> claim_texts_;  // and references' raw texts that are not their bytes
  std::vector<FigureRecord> figures_;
  std::vector<Actor> actors_;
  std::vector<ReferenceRecord> references_;
  std::vector<std::vector<std::string>> merged_ids_;
  std::vector<std::vector<Vertex>> by_kind_ = std::vector<std::vector<Vertex>>(5);
  std::vector<std::vector<Vertex>> by_source_;  // per source row
  std::unordered_map<std::string, Vertex> by_work_key_;
  std::unordered_map<std::string, Vertex> by_actor_key_;  // Actor::key -> its node
  std::size_t dropped_edges_ = 0;
  TextReader text_reader_;

  // Edges added since the CSR was last built; the build appends them to its edges in order
  // and keeps the first of each (from, to, kind).
  mutable std::vector<PendingEdge> pending_;
  mutable std::unique_ptr<Graph> graph_;
  mutable std::shared_ptr<const FigureIndex> figure_index_;
};

}  // namespace claimgraph::graph
