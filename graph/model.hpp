#pragma once
// The graph model of DESIGN.md: node kinds, edge kinds and their plain-data properties.
// Every node is tied to the bytes it came from by byte spans [begin, end) into the
// source's original UTF-8 text.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::graph {

// A byte range [begin, end) into a source's original UTF-8 bytes.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// True when `text` is exactly `bytes` at `span`: such a text need not be kept twice (a claim's
// sentence, a footnote's raw text).
inline bool is_bytes_at(std::string_view bytes, Span span, std::string_view text) {
  return span.begin <= span.end && span.end <= bytes.size() &&
         bytes.substr(span.begin, span.size()) == text;
}

enum class NodeKind : std::uint8_t { kSource, kClaim, kFigure, kActor, kReference };
enum class EdgeKind : std::uint8_t {
  kContains,     // Source -> Claim
  kStates,       // Claim -> Figure
  kMentions,     // Claim or Reference -> Actor
  kClaimedBy,    // Claim -> Actor
  kCites,        // Claim -> Reference
  kAuthoredBy,   // Source or Reference -> Actor
  kPublishedBy,  // Source -> Actor
  kCitedIn,      // Reference -> Reference
};
enum class ActorKind : std::uint8_t { kPerson, kOrganization, kCountry, kPlace, kOther, kGroup };
enum class ReferenceKind : std::uint8_t { kFootnote, kInText, kSecondary };
enum class Bound : std::uint8_t { kNone, kAtMost, kAtLeast };

// Names as printed in JSON and stored in the database ("source", "claimed_by", ...).
std::string_view to_string(NodeKind kind);
std::string_view to_string(EdgeKind kind);
std::string_view to_string(ActorKind kind);
std::string_view to_string(ReferenceKind kind);
std::string_view to_string(Bound bound);
// Inverses of to_string; nullopt for a name that is not a kind.
std::optional<NodeKind> node_kind_from(std::string_view name);
std::optional<EdgeKind> edge_kind_from(std::string_view name);
std::optional<ActorKind> actor_kind_from(std::string_view name);
std::optional<ReferenceKind> reference_kind_from(std::string_view name);
std::optional<Bound> bound_from(std::string_view name);

// One ingested document. `bytes` holds the original text so any span can be shown;
// it may be left empty in a graph loaded for querying (the Store keeps it).
// `Source::bytes[offset..]` came from the saved page at line:column (1-based, the column in
// code points of the page read as UTF-8).
struct PagePosition {
  std::uint32_t offset = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  bool operator==(const PagePosition&) const = default;
};

struct Source {
  std::string id;
  std::string path;  // as ingested (absolute)
  std::string file;  // basename
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::vector<std::string> authors;
  std::optional<std::string> date;  // "YYYY[-MM[-DD]]"; nullopt = unknown
  std::optional<std::string> url;
  std::optional<std::string> language;
  std::string content_hash;  // SHA-256 of the text bytes, hex
  std::string bytes;         // the text every span points into (a page's: its main text)
  std::string format = "text";  // "text" or "html"
  // Where each metadata field came from: "meta.json", "json-ld", "opengraph", "meta",
  // "time", "text", "host", "url".
  std::map<std::string, std::string> metadata_from;
  // A page: its bytes as saved (kept so its text can be extracted again), and where its
  // main text came from in it, ascending by offset.
  std::string page;
  std::vector<PagePosition> page_positions;
};

// One asserting sentence. `spans[0]` is where it first occurs; a sentence repeated in
// the same source (a pull quote) has further spans holding the same text.
// What a claim says of a proposition of frames.json ("the labor is slavery"): for or against,
// how firmly (a hedge weakens a cue), and the cue words that decided it.
enum class Polarity { kFor, kAgainst };

struct Stance {
  std::string proposition;  // the proposition's id
  Polarity polarity = Polarity::kFor;
  double weight = 1.0;      // (0, 1]: 1 for a plain cue, less when hedged
  std::vector<Span> cues;   // bytes of the source
  bool operator==(const Stance&) const = default;
};

std::string_view to_string(Polarity p);  // "for" / "against"

struct Claim {
  std::string id;
  std::string source_id;
  std::vector<Span> spans;
  std::string text;
  std::string claimant;  // display name of the claimant actor
  double confidence = 1.0;
  std::vector<Stance> stances;
  Span span() const { return spans.empty() ? Span{} : spans.front(); }
};

// A number a claim states, as the interval [lo, hi) its written form asserts; hi is
// +infinity for an open "at least".
struct Figure {
  std::string id;
  std::string source_id;
  std::string claim_id;
  Span span;
  std::string text;
  double lo = 0;
  double hi = 0;
  std::optional<double> point;  // the number as written; null for ranges and vague quantities
  bool approx = false;
  Bound bound = Bound::kNone;
  std::string hedge;  // the hedge or bound words as written ("an estimated", "up to")
  std::string unit;
  std::string measure;
  std::optional<std::string> place;
  std::optional<std::string> time_from;
  std::optional<std::string> time_to;
  std::string claimant;
  // What of the figure's scope was not read in its own sentence: a sum of kInferred* bits.
  std::uint8_t inferred = 0;
};
inline constexpr std::uint8_t kInferredPlace = 1;    // from the paragraph or the document
inline constexpr std::uint8_t kInferredTime = 2;     // the document's date
inline constexpr std::uint8_t kInferredMeasure = 4;  // a noun of another sentence
// The names of the bits set: "place", "time", "measure".
std::vector<std::string_view> inferred_names(std::uint8_t inferred);

// A person, organization, country or place, with every spelling met.
struct Actor {
  std::string id;
  std::string name;
  ActorKind kind = ActorKind::kOther;
  std::vector<std::string> aliases;
  std::string key;  // script-independent match key
};

// A cited work: a footnote, an in-text attribution, or a work "cited in" another.
struct Reference {
  std::string id;
  std::string source_id;
  ReferenceKind kind = ReferenceKind::kFootnote;
  std::optional<std::string> marker;  // footnote marker ("1"), if any
  Span span;                          // the raw text's bytes in the source
  std::string raw;
  std::vector<std::string> authors;
  std::vector<std::string> authors_original;
  std::optional<std::string> title;
  std::optional<std::string> title_translated;
  std::optional<std::string> title_original;
  std::optional<std::string> title_romanized;
  std::optional<std::string> venue;
  std::optional<std::string> venue_original;
  std::optional<std::string> date;
  std::optional<std::string> language;  // of the cited work ("ru")
  std::optional<std::string> script;    // ISO 15924 ("Cyrl")
  // Script-independent key of the cited work: references with one key are one work, one
  // node in the KnowledgeGraph ("" = never merged).
  std::string work_key;
  // Filled by KnowledgeGraph, not stored: ids of references merged into this one.
  std::vector<std::string> merged_ids;
};

struct Edge {
  EdgeKind kind = EdgeKind::kContains;
  std::string from;  // node id
  std::string to;    // node id
  bool operator==(const Edge&) const = default;
};

// An editor's decision on a figure or a stance claim (Wikidata's ranks): this one is the
// figure to trust (preferred) or not (deprecated), or an earlier decision withdrawn (cleared).
// Verdicts are history: a new one is added, none is ever changed or removed.
enum class Rank { kPreferred, kDeprecated, kCleared };

struct Verdict {
  std::int64_t seq = 0;      // the order verdicts were recorded in (the store assigns it)
  std::string target;        // a figure id or a claim id
  std::string target_text;   // the figure's words or the claim's sentence when it was decided
  Rank rank = Rank::kPreferred;
  std::string reason;
  std::string by;
  std::string at;            // UTC, "YYYY-MM-DDThh:mm:ssZ"
};

std::string_view to_string(Rank r);  // "preferred", "deprecated", "cleared"
std::optional<Rank> rank_from(std::string_view name);

// Everything one document contributes to the graph: what ingest produces and what the
// Store writes in one transaction. Actors may be shared with other documents (same id).
struct DocumentGraph {
  Source source;
  std::vector<Claim> claims;
  std::vector<Figure> figures;
  std::vector<Reference> references;
  std::vector<Actor> actors;
  std::vector<Edge> edges;
  // Warnings met while reading the document ("file:line:col: warning: ..."), kept with it.
  std::vector<std::string> diagnostics;
};

}  // namespace claimgraph::graph
