#include "graph/model.hpp"

#include <array>
#include <utility>

namespace claimgraph::graph {
namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<NodeKind, 5> kNodeKinds{{{NodeKind::kSource, "source"},
                                             {NodeKind::kClaim, "claim"},
                                             {NodeKind::kFigure, "figure"},
                                             {NodeKind::kActor, "actor"},
                                             {NodeKind::kReference, "reference"}}};
constexpr NameTable<EdgeKind, 8> kEdgeKinds{{{EdgeKind::kContains, "contains"},
                                             {EdgeKind::kStates, "states"},
                                             {EdgeKind::kMentions, "mentions"},
                                             {EdgeKind::kClaimedBy, "claimed_by"},
                                             {EdgeKind::kCites, "cites"},
                                             {EdgeKind::kAuthoredBy, "authored_by"},
                                             {EdgeKind::kPublishedBy, "published_by"},
                                             {EdgeKind::kCitedIn, "cited_in"}}};
constexpr NameTable<ActorKind, 6> kActorKinds{{{ActorKind::kPerson, "person"},
                                               {ActorKind::kOrganization, "organization"},
                                               {ActorKind::kGroup, "group"},
                                               {ActorKind::kCountry, "country"},
                                               {ActorKind::kPlace, "place"},
                                               {ActorKind::kOther, "other"}}};
constexpr NameTable<ReferenceKind, 3> kReferenceKinds{{{ReferenceKind::kFootnote, "footnote"},
                                                       {ReferenceKind::kInText, "in_text"},
                                                       {ReferenceKind::kSecondary, "secondary"}}};
constexpr NameTable<Bound, 3> kBounds{
    {{Bound::kNone, ""}, {Bound::kAtMost, "at_most"}, {Bound::kAtLeast, "at_least"}}};

template <typename Enum, std::size_t N>
std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(NodeKind kind) { return name_of(kNodeKinds, kind); }
std::string_view to_string(EdgeKind kind) { return name_of(kEdgeKinds, kind); }
std::string_view to_string(ActorKind kind) { return name_of(kActorKinds, kind); }
std::string_view to_string(ReferenceKind kind) { return name_of(kReferenceKinds, kind); }
std::string_view to_string(Bound bound) { return name_of(kBounds, bound); }
std::optional<NodeKind> node_kind_from(std::string_view n) { return value_of(kNodeKinds, n); }
std::optional<EdgeKind> edge_kind_from(std::string_view n) { return value_of(kEdgeKinds, n); }
std::optional<ActorKind> actor_kind_from(std::string_view n) { return value_of(kActorKinds, n); }
std::optional<ReferenceKind> reference_kind_from(std::string_view n) {
  return value_of(kReferenceKinds, n);
}
std::optional<Bound> bound_from(std::string_view n) { return value_of(kBounds, n); }

std::string_view to_string(Polarity p) { return p == Polarity::kFor ? "for" : "against"; }

std::string_view to_string(Rank r) {
  switch (r) {
    case Rank::kPreferred:
      return "preferred";
    case Rank::kDeprecated:
      return "deprecated";
    case Rank::kCleared:
      return "cleared";
  }
  return "cleared";
}

std::optional<Rank> rank_from(std::string_view name) {
  for (const Rank r : {Rank::kPreferred, Rank::kDeprecated, Rank::kCleared}) {
    if (to_string(r) == name) return r;
  }
  return std::nullopt;
}

std::vector<std::string_view> inferred_names(std::uint8_t inferred) {
  std::vector<std::string_view> out;
  if (inferred & kInferredPlace) out.emplace_back("place");
  if (inferred & kInferredTime) out.emplace_back("time");
  if (inferred & kInferredMeasure) out.emplace_back("measure");
  return out;
}

}  // namespace claimgraph::graph
