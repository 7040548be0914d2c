#include "query/conflicts.hpp"

#include "graph/text_case.hpp"
#include "graph/parallel_for.hpp"
#include "graph/union_find.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <exception>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "query/text_output.hpp"

namespace claimgraph::query {
namespace {

using graph::NodeKind;
using graph::Vertex;

bool is_point(const FigureFacts& f) { return f.lo == f.hi; }

using graph::UnionFind;

std::string interval(double lo, double hi) {
  if (lo == hi) return grouped(lo);
  return "[" + grouped(lo) + "\u2013" + grouped(hi) + ")";
}

std::string time_words(const std::string* time_from, const std::string* time_to) {
  if (time_from == nullptr && time_to == nullptr) return "date unknown";
  const std::string from = time_from ? *time_from : "?";
  const std::string to = time_to ? *time_to : "?";
  return from == to ? from : from + "\u2013" + to;
}

}  // namespace

bool contains_folded(const std::string& haystack, const std::string& needle) {
  return graph::contains_folded(haystack, needle);
}

std::string outlet_of(const graph::KnowledgeGraph& g, const std::string& source_id) {
  if (const auto s = g.find(source_id); s && g.source(*s).outlet) return *g.source(*s).outlet;
  return source_id;
}

bool values_overlap(const FigureFacts& a, const FigureFacts& b) {
  if (is_point(a) && is_point(b)) return a.lo == b.lo;
  if (is_point(a)) return a.lo >= b.lo && a.lo < b.hi;
  if (is_point(b)) return b.lo >= a.lo && b.lo < a.hi;
  return std::max(a.lo, b.lo) < std::min(a.hi, b.hi);
}

bool times_overlap(const FigureFacts& a, const FigureFacts& b) {
  if (a.from == 0 || b.from == 0) return true;
  return a.from <= b.to && b.from <= a.to;
}

bool conflicting(const FigureFacts& a, const FigureFacts& b) {
  return !a.measure.empty() && a.measure == b.measure && a.unit == b.unit && a.place == b.place &&
         a.source != b.source && times_overlap(a, b) && !values_overlap(a, b);
}

std::vector<std::pair<std::size_t, std::size_t>> conflicting_pairs(
    const std::vector<FigureFacts>& figures) {
  return conflicting_pairs(graph::order_figures(figures));
}

namespace {

// Calls hit(a, c) for every conflicting pair of scan items in the slice [from, to) of the
// order, cut at bucket starts (so that slices are scanned apart), once from the item whose
// interval ends first.
//
// Within a bucket measure, unit and place are equal: only times, values and sources are left.
// A bucket is a sequence of runs of one time (from, to), each sorted by value, unknown time
// first. Two runs are compared only when their times overlap, and within such a pair an item
// meets only the items of the other run whose value starts at or after its own end: those are
// its conflicts but for its own source's. So the work follows the conflicts found, not the
// square of the bucket: a measure counted every year for fifty years is fifty runs.
template <typename Hit>
void scan_slice(const graph::FigureOrder& index, std::size_t from, std::size_t to, Hit&& hit) {
  const auto& scan = index.scan;
  const auto& bucket = index.bucket;
  const std::size_t n = scan.size();
  const auto at_bucket_start = [&](std::size_t k) {
    while (k > 0 && k < n && bucket[k] == bucket[k - 1]) ++k;
    return k;
  };
  const auto point = [](const graph::ScanItem& x) { return x.lo == x.hi; };
  const auto overlap = [&](const graph::ScanItem& x, const graph::ScanItem& y) {
    if (point(x) && point(y)) return x.lo == y.lo;
    if (point(x)) return x.lo >= y.lo && x.lo < y.hi;
    if (point(y)) return y.lo >= x.lo && y.lo < x.hi;
    return std::max(x.lo, y.lo) < std::min(x.hi, y.hi);
  };
  struct Run {
    const graph::ScanItem* begin;
    const graph::ScanItem* end;
    std::int32_t from;
    std::int32_t to;
  };
  const auto same_time = [](const Run& x, const Run& y) {
    return x.from == 0 || y.from == 0 || (x.from <= y.to && y.from <= x.to);
  };
  std::vector<Run> runs;
  const std::size_t last = at_bucket_start(to);
  for (std::size_t begin = at_bucket_start(from); begin < last;) {
    std::size_t end = begin + 1;
    while (end < n && bucket[end] == bucket[begin]) ++end;
    runs.clear();
    for (std::size_t k = begin; k < end; ++k) {
      if (runs.empty() || scan[k].from != runs.back().from || scan[k].to != runs.back().to) {
        runs.push_back(Run{&scan[k], &scan[k], scan[k].from, scan[k].to});
      }
      runs.back().end = &scan[k] + 1;
    }
    // Runs are in order of their first day (unknown first): those after one that starts past
    // this run's last day cannot overlap it.
    for (const auto& p : runs) {
      for (const auto& q : runs) {
        if (p.from != 0 && q.from > p.to) break;
        if (!same_time(p, q)) continue;
        for (const auto* a = p.begin; a != p.end; ++a) {
          // The first item of q whose value lies wholly above a: a point's value is at or
          // above a's end, an interval's start is.
          const auto* c = point(*a) ? std::upper_bound(q.begin, q.end, a->lo,
                                                        [](double lo, const graph::ScanItem& m) {
                                                          return lo < m.lo;
                                                        })
                                    : std::lower_bound(q.begin, q.end, a->hi,
                                                        [](const graph::ScanItem& m, double hi) {
                                                          return m.lo < hi;
                                                        });
          for (; c != q.end; ++c) {
            if (c->source != a->source && !overlap(*a, *c)) hit(*a, *c);
          }
        }
      }
    }
    begin = end;
  }
}

// Conflicting pairs (i < j), in no particular order: slices of the buckets on threads.
std::vector<std::pair<std::size_t, std::size_t>> unsorted_pairs(const graph::FigureOrder& index) {
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> found(64);
  std::atomic<std::size_t> next_slot{0};
  graph::parallel_for(index.scan.size(), 4096, [&](std::size_t from, std::size_t to) {
    auto& out = found[next_slot++];
    scan_slice(index, from, to, [&](const graph::ScanItem& a, const graph::ScanItem& c) {
      out.emplace_back(std::min<std::size_t>(a.index, c.index), std::max<std::size_t>(a.index, c.index));
    });
  });
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (auto& f : found) out.insert(out.end(), f.begin(), f.end());
  return out;
}

// Enough of the conflicting pairs to connect what they connect: a spanning forest, found on
// threads by a union-find of each slice's own. A bucket reported hundreds of times over has
// pairs by the ten thousand; its groups need a pair per figure.
std::vector<std::pair<std::size_t, std::size_t>> connecting_pairs(const graph::FigureOrder& index) {
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> found(64);
  std::atomic<std::size_t> next_slot{0};
  const graph::ScanItem* base = index.scan.data();
  graph::parallel_for(index.scan.size(), 4096, [&](std::size_t from, std::size_t to) {
    auto& out = found[next_slot++];
    // By position in the order, from `from`: the slice, grown to its last bucket's end as met.
    UnionFind<std::uint32_t> parent(to - from + 1024);
    const auto find = [&](std::uint32_t x) { return parent.find(x); };
    scan_slice(index, from, to, [&](const graph::ScanItem& a, const graph::ScanItem& c) {
      const auto at = [&](const graph::ScanItem& x) {
        const auto k = static_cast<std::size_t>(&x - base) - from;
        if (k >= parent.size()) parent.grow(std::max(k + 1, parent.size() * 2));
        return static_cast<std::uint32_t>(k);
      };
      const auto ra = find(at(a));
      const auto rc = find(at(c));
      if (ra == rc) return;
      parent.join(ra, rc);
      out.emplace_back(a.index, c.index);
    });
  });
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (auto& f : found) out.insert(out.end(), f.begin(), f.end());
  return out;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> conflicting_pairs(const graph::FigureOrder& index) {
  auto out = unsorted_pairs(index);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> conflicting_pairs_brute_force(
    const std::vector<FigureFacts>& figures) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    for (std::size_t j = i + 1; j < figures.size(); ++j) {
      if (conflicting(figures[i], figures[j])) out.emplace_back(i, j);
    }
  }
  return out;
}

namespace {

// group_conflicts over n figures whose intervals interval(i) gives as (lo, hi): a graph's
// figures are asked of the graph, not copied.
template <typename Interval>
std::vector<Sides> group_by_value(std::size_t n, Interval interval,
                                  const std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  // The figures in a pair, in order, numbered 0..m: the union-find and the passes below go
  // over them, not over all n figures (most of which conflict with nothing).
  std::vector<std::size_t> involved;
  involved.reserve(2 * pairs.size());
  for (const auto& [a, b] : pairs) {
    if (a < n && b < n) involved.push_back(a), involved.push_back(b);
  }
  std::sort(involved.begin(), involved.end());
  involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
  const auto number = [&](std::size_t i) {
    return static_cast<std::size_t>(std::lower_bound(involved.begin(), involved.end(), i) -
                                    involved.begin());
  };
  UnionFind groups(involved.size());
  for (const auto& [a, b] : pairs) {
    if (a < n && b < n) groups.join(number(a), number(b));
  }
  // (root, figure) sorted: the groups in order of their roots (a group's lowest figure, as
  // the numbering keeps the figures' order), each by figure index.
  std::vector<std::pair<std::size_t, std::size_t>> rooted;
  rooted.reserve(involved.size());
  for (std::size_t k = 0; k < involved.size(); ++k) rooted.emplace_back(groups.find(k), k);
  std::sort(rooted.begin(), rooted.end());
  std::vector<std::pair<std::size_t, std::vector<std::size_t>>> members;
  for (const auto& [root, k] : rooted) {
    if (members.empty() || members.back().first != root) members.emplace_back(root, std::vector<std::size_t>{});
    members.back().second.push_back(involved[k]);
  }
  // Each group's sides are made apart, slices of the groups on threads of their own.
  std::vector<Sides> out(members.size());
  graph::parallel_for(members.size(), 64, [&](std::size_t from, std::size_t to) {
    for (std::size_t group = from; group < to; ++group) {
      const auto& list = members[group].second;
      // Sides: in order of value, a figure joins the current side when it agrees with every
      // figure of it, else opens the next one. A conflicting pair never shares a side.
      std::vector<std::pair<std::pair<double, double>, std::size_t>> by_value;
      by_value.reserve(list.size());
      for (const auto i : list) by_value.emplace_back(interval(i), i);
      std::sort(by_value.begin(), by_value.end());
      // Taken in order of value, a figure agrees with every member of the side (each starts at
      // or below it) when it lies below the lowest end of the side's intervals and equals the
      // side's point, if it has one (two points agree only when equal): two numbers per side
      // instead of a look at every member, which a group of thousands of figures made slow.
      Sides s;
      double lowest_end = 0;               // of the current side's intervals
      bool has_interval = false;
      std::optional<double> side_point;    // the current side's point value, if any
      std::vector<double> lowest;  // per side: its first member's value, the lowest
      for (const auto& [value, i] : by_value) {
        const auto [lo, hi] = value;
        const bool agrees = !s.empty() && (!has_interval || lo < lowest_end) &&
                            (!side_point || *side_point == lo);
        if (!agrees) {
          s.push_back({});
          lowest.push_back(lo);
          has_interval = false;
          side_point.reset();
        }
        s.back().push_back(i);
        if (lo == hi) {
          side_point = lo;
        } else {
          lowest_end = has_interval ? std::min(lowest_end, hi) : hi;
          has_interval = true;
        }
      }
      // Sides in order of (lowest value, lowest figure).
      std::vector<std::pair<double, std::size_t>> keys;
      for (std::size_t k = 0; k < s.size(); ++k) {
        std::sort(s[k].begin(), s[k].end());
        keys.emplace_back(lowest[k], s[k].front());
      }
      std::vector<std::size_t> rank(s.size());
      std::iota(rank.begin(), rank.end(), 0);
      std::sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
      Sides sorted;
      sorted.reserve(s.size());
      for (const auto k : rank) sorted.push_back(std::move(s[k]));
      out[group] = std::move(sorted);
    }
  });
  return out;
}

}  // namespace

std::vector<Sides> group_conflicts(const std::vector<FigureFacts>& figures,
                                   const std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  return group_by_value(
      figures.size(), [&](std::size_t i) { return std::make_pair(figures[i].lo, figures[i].hi); },
      pairs);
}

namespace {

// What weakens a conflict, gathered over its figures.
struct Doubts {
  bool hedged = false, place = false, measure = false, dated = false, unknown = false;
  bool unplaced = false;
  bool unscoped = false;  // one figure whose place and time both come from beyond its sentence
  void add(const FigureFacts& f) {
    unplaced = unplaced || !f.place;
    unscoped = unscoped || ((f.inferred & graph::kInferredPlace) && (f.inferred & graph::kInferredTime));
    hedged = hedged || f.vague || f.approx;
    place = place || (f.inferred & graph::kInferredPlace) != 0;
    measure = measure || (f.inferred & graph::kInferredMeasure) != 0;
    dated = dated || (f.inferred & graph::kInferredTime) != 0;
    unknown = unknown || f.from == 0;
  }
  double confidence() const {
    double c = 0.9;
    // No place at all, not even the document's: the figure is unscoped, a weak candidate.
    if (unplaced) c *= 0.4;
    // Neither its place nor its time in a figure's own sentence: it says little of its scope.
    if (unscoped) c *= 0.5;
    if (hedged) c *= 0.9;
    if (place) c *= 0.85;
    if (measure) c *= 0.85;
    if (unknown) {
      c *= 0.75;
    } else if (dated) {
      c *= 0.9;
    }
    return c;
  }
};

}  // namespace

double conflict_confidence(const std::vector<FigureFacts>& figures) {
  Doubts d;
  for (const auto& f : figures) d.add(f);
  return d.confidence();
}

namespace {

// Whether a reader can check the sides: every pair of figures on different sides conflicts,
// but for a pair of one source (a source weighing two estimates is no conflict of its own),
// and every figure conflicts with one on another side (none is there only for being near
// another). Sides of one time whose values lie apart side after side hold it at once;
// otherwise each pair is asked, up to a bound past which the group is taken as it is (a group
// of tens of thousands of figures).
bool every_pair_conflicts(const std::vector<std::vector<FigureFacts>>& sides) {
  // One pass: whether all share one known time, and each side's source if it has one alone.
  const auto& first = sides.front().front();
  bool one_time = first.from != 0;
  std::size_t total = 0;
  std::vector<std::optional<std::string_view>> only_source(sides.size());
  std::vector<bool> several(sides.size(), false);
  for (std::size_t k = 0; k < sides.size(); ++k) {
    for (const auto& f : sides[k]) {
      one_time = one_time && f.from == first.from && f.to == first.to;
      if (!only_source[k]) {
        only_source[k] = f.source;
      } else if (*only_source[k] != f.source) {
        several[k] = true;
      }
    }
    total += sides[k].size();
  }
  // Each figure has a figure of another source on another side.
  for (std::size_t k = 0; k < sides.size(); ++k) {
    for (const auto& f : sides[k]) {
      bool partner = false;
      for (std::size_t j = 0; j < sides.size() && !partner; ++j) {
        partner = j != k && (several[j] || *only_source[j] != f.source);
      }
      if (!partner) return false;
    }
  }
  if (one_time) {
    bool apart = true;
    for (std::size_t k = 0; k + 1 < sides.size() && apart; ++k) {
      double top = 0, bottom = sides[k + 1].front().lo;
      bool points_only = true;
      for (const auto& f : sides[k]) top = std::max(top, f.hi), points_only = points_only && f.lo == f.hi;
      for (const auto& f : sides[k + 1]) bottom = std::min(bottom, f.lo);
      apart = points_only ? top < bottom : top <= bottom;
    }
    if (apart) return true;
  }
  if (total * total > 16'000'000) return true;
  for (std::size_t a = 0; a < sides.size(); ++a) {
    for (std::size_t b = a + 1; b < sides.size(); ++b) {
      for (const auto& x : sides[a]) {
        for (const auto& y : sides[b]) {
          if (x.source != y.source && !conflicting(x, y)) return false;
        }
      }
    }
  }
  return true;
}

struct MadeConflict {
  Conflict conflict;
  bool undated = false;
};

// The conflict of `sides` (figure numbers in the index's vertices), without its id.
MadeConflict make_figure_conflict(const graph::KnowledgeGraph& g,
                                  const std::vector<std::uint32_t>& vertices, const Sides& sides,
                                  const std::vector<std::vector<FigureFacts>>& side_facts,
                                  const std::vector<std::vector<graph::KnowledgeGraph::FigureStrings>>*
                                      side_strings,
                                  const ConflictQuery& q, bool* wanted) {
  // A figure's outlet, else its source's id (as outlet_of, without the look-up of the
  // source by its id): a conflict reported by hundreds of sources asks it per figure.
  const auto outlet = [](const graph::KnowledgeGraph::FigureStrings& f) -> const std::string& {
    return f.outlet ? *f.outlet : *f.source_id;
  };
  std::vector<graph::KnowledgeGraph::FigureStrings> strings;
  MadeConflict made;
  Conflict& c = made.conflict;
  const auto first = g.figure_strings(vertices[sides.front().front()]);
  c.topic = *first.measure;
  bool wanted_source = !q.source;
  bool wanted_actor = !q.actor;
  std::vector<std::string> labels, ranges;
  std::vector<std::pair<double, double>> hulls;
  Doubts doubts;
  for (const auto& side : sides) {
    ConflictSide s;
    // Figure strings are interned: equal texts share their address. Where a figure comes from
    // (outlet, time) is spelled out once for each (source, time) met.
    std::vector<const std::string*> texts;
    std::set<std::tuple<const std::string*, const std::string*, const std::string*>> met;
    std::vector<std::string> whence;
    std::unordered_set<std::string> whence_seen;
    // The side's records gathered first, in loops of their own: they lie far apart in
    // memory, and loads that do not wait on each other overlap.
    s.figures.reserve(side.size());
    for (const auto i : side) s.figures.push_back(vertices[i]);
    const std::size_t side_index = static_cast<std::size_t>(&side - sides.data());
    if (!side_strings) {
      strings.clear();
      for (const auto v : s.figures) strings.push_back(g.figure_strings(v));
    }
    const auto& side_strings_here = side_strings ? (*side_strings)[side_index] : strings;
    auto [lo, hi] = g.figure_interval(s.figures.front());
    for (std::size_t k = 0; k < side.size(); ++k) {
      const auto& f = side_strings_here[k];
      const auto& facts = side_facts[side_index][k];
      made.undated = made.undated || facts.from == 0;
      doubts.add(facts);
      lo = std::min(lo, facts.lo);
      hi = std::max(hi, facts.hi);
      if (q.source && *f.source_id == *q.source) wanted_source = true;
      if (q.actor && (contains_folded(*f.claimant, *q.actor) || contains_folded(outlet(f), *q.actor))) {
        wanted_actor = true;
      }
      if (std::find(texts.begin(), texts.end(), f.text) == texts.end()) texts.push_back(f.text);
      const auto where = std::make_tuple(f.source_id, f.time_from, f.time_to);
      if (!met.insert(where).second) continue;  // a set: a side of thousands of sources
      auto w = outlet(f) + ", " + time_words(f.time_from, f.time_to);
      if (whence_seen.insert(w).second) whence.push_back(std::move(w));
    }
    std::string label;
    for (const auto* t : texts) label += (label.empty() ? "" : "; ") + *t;
    std::string from;
    for (const auto& w : whence) from += (from.empty() ? "" : "; ") + w;
    s.label = label + " (" + from + ")";
    labels.push_back(s.label);
    ranges.push_back(interval(lo, hi));
    hulls.emplace_back(lo, hi);
    c.sides.push_back(std::move(s));
  }
  c.confidence = doubts.confidence();
  std::string against, apart;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    against += (k == 0 ? "" : " against ") + labels[k];
    apart += (k == 0 ? "" : k + 1 == labels.size() ? " and " : ", ") + ranges[k];
  }
  bool hulls_apart = true;
  for (std::size_t k = 0; k + 1 < hulls.size(); ++k) {
    hulls_apart = hulls_apart && hulls[k].second <= hulls[k + 1].first;
  }
  // What weakens it, in words.
  std::string doubt;
  if (doubts.unplaced) doubt += "; no place is known";
  if (doubts.unscoped) doubt += "; a figure's sentence names neither its place nor its time";
  if (doubts.hedged) doubt += "; a figure is hedged, a range or a bound";
  if (doubts.place) doubt += "; a place is read from beyond its sentence";
  if (doubts.measure) doubt += "; what is counted is read from another sentence";
  if (doubts.dated && !made.undated) doubt += "; a time is its article's date";
  c.explanation = against + ": " + apart +
                  (hulls_apart ? " do not overlap; "
                               : ": each side agrees within itself, and the conflicting "
                                 "figures across sides do not overlap; ") +
                  (made.undated ? "a time is unknown, so it overlaps every time"
                                : "the times overlap") +
                  "; same measure (" + *first.unit + "), same place (" +
                  (first.place ? *first.place : std::string("unknown")) + ")" + doubt;
  *wanted = wanted_source && wanted_actor && (!q.measure || contains_folded(c.topic, *q.measure));
  return made;
}

// A group whose sides a reader cannot check, in parts that can be: the figures of each one
// time grouped again among themselves (a count of 2020 against another of 2020, though a
// figure of unknown time conflicted with both and with a count of 2016), and each
// conflicting pair of figures of different times on its own.
void split_group(const graph::KnowledgeGraph& g, const std::vector<std::uint32_t>& vertices,
                 const Sides& sides, std::vector<Sides>& parts) {
  std::vector<std::vector<FigureFacts>> facts;
  for (const auto& side : sides) {
    facts.emplace_back();
    for (const auto i : side) facts.back().push_back(g.figure_facts(vertices[i]));
  }
  struct Member {
    std::size_t index;  // in vertices
    const FigureFacts* facts;
  };
  std::vector<Member> members;
  for (std::size_t k = 0; k < sides.size(); ++k) {
    for (std::size_t m = 0; m < sides[k].size(); ++m) members.push_back({sides[k][m], &facts[k][m]});
  }
  std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.index < b.index; });
  const auto pair_part = [&](const Member& x, const Member& y) {
    const bool x_low = std::make_pair(x.facts->lo, x.facts->hi) <= std::make_pair(y.facts->lo, y.facts->hi);
    parts.push_back(x_low ? Sides{{x.index}, {y.index}} : Sides{{y.index}, {x.index}});
  };
  std::map<std::pair<std::int32_t, std::int32_t>, std::vector<Member>> by_time;
  for (const auto& m : members) by_time[{m.facts->from, m.facts->to}].push_back(m);
  for (const auto& [time, list] : by_time) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::map<std::size_t, const FigureFacts*> of;
    for (const auto& m : list) of[m.index] = m.facts;
    for (std::size_t x = 0; x < list.size(); ++x) {
      for (std::size_t y = x + 1; y < list.size(); ++y) {
        if (conflicting(*list[x].facts, *list[y].facts)) pairs.emplace_back(list[x].index, list[y].index);
      }
    }
    if (pairs.empty()) continue;
    const auto regrouped = group_by_value(
        vertices.size(), [&](std::size_t i) { return g.figure_interval(vertices[i]); }, pairs);
    for (const auto& part : regrouped) {
      std::vector<std::vector<FigureFacts>> part_facts;
      for (const auto& side : part) {
        part_facts.emplace_back();
        for (const auto i : side) part_facts.back().push_back(*of.at(i));
      }
      if (every_pair_conflicts(part_facts)) {
        parts.push_back(part);
        continue;
      }
      for (const auto& [a, b] : pairs) {
        bool here = false;
        for (const auto& side : part) here = here || std::find(side.begin(), side.end(), a) != side.end();
        if (here) pair_part(Member{a, of.at(a)}, Member{b, of.at(b)});
      }
    }
  }
  for (std::size_t x = 0; x < members.size(); ++x) {
    for (std::size_t y = x + 1; y < members.size(); ++y) {
      const auto& a = *members[x].facts;
      const auto& b = *members[y].facts;
      if ((a.from != b.from || a.to != b.to) && conflicting(a, b)) pair_part(members[x], members[y]);
    }
  }
}

}  // namespace

std::vector<Conflict> figure_conflicts(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                       Hidden* hidden) {
  const auto& index = g.figure_index();
  const auto& vertices = index.vertices;
  const auto groups = group_by_value(
      vertices.size(), [&](std::size_t i) { return g.figure_interval(vertices[i]); },
      connecting_pairs(index.order));

  // Each group's conflicts are made apart, slices of the groups on threads of their own; the
  // filter and the numbering of ids then go in group order.
  std::vector<std::vector<Conflict>> made(groups.size());
  std::atomic<std::size_t> undated{0}, low{0};
  graph::parallel_for(groups.size(), 64, [&](std::size_t from, std::size_t to) {
    // Each side's facts and strings, kept from group to group so that their buffers are
    // reused, read in one pass over the figures' records (they lie far apart in memory).
    std::vector<std::vector<FigureFacts>> facts;
    std::vector<std::vector<graph::KnowledgeGraph::FigureStrings>> strings;
    using Strings = std::vector<std::vector<graph::KnowledgeGraph::FigureStrings>>;
    const auto emit = [&](std::size_t group, const Sides& part,
                          const std::vector<std::vector<FigureFacts>>& part_facts,
                          const Strings* part_strings) {
      bool wanted = false;
      auto m = make_figure_conflict(g, vertices, part, part_facts, part_strings, q, &wanted);
      if (!wanted) return;
      if (m.undated && !q.include_undated) {
        ++undated;
        return;
      }
      if (m.conflict.confidence < q.min_confidence) {
        ++low;
        return;
      }
      made[group].push_back(std::move(m.conflict));
    };
    for (std::size_t group = from; group < to; ++group) {
      const auto& sides = groups[group];
      facts.resize(sides.size());
      strings.resize(sides.size());
      for (std::size_t k = 0; k < sides.size(); ++k) {
        facts[k].clear();
        strings[k].clear();
        for (const auto i : sides[k]) {
          strings[k].push_back(g.figure_strings(vertices[i]));
          facts[k].push_back(g.figure_facts(vertices[i]));
        }
      }
      if (every_pair_conflicts(facts)) {
        emit(group, sides, facts, &strings);
        continue;
      }
      std::vector<Sides> parts;
      split_group(g, vertices, sides, parts);
      std::vector<std::vector<FigureFacts>> part_facts;
      for (const auto& part : parts) {
        part_facts.clear();
        for (const auto& side : part) {
          part_facts.emplace_back();
          for (const auto i : side) part_facts.back().push_back(g.figure_facts(vertices[i]));
        }
        emit(group, part, part_facts, nullptr);
      }
    }
  });
  if (hidden) {
    hidden->undated += undated;
    hidden->low_confidence += low;
  }
  std::vector<Conflict> out;
  std::map<std::string, int> per_measure;
  for (auto& list : made) {
    for (auto& c : list) {
      const int n = ++per_measure[c.topic];
      c.id = "conflict:" + c.topic + (n > 1 ? "-" + std::to_string(n) : "");
      out.push_back(std::move(c));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) {
    return std::tie(a.topic, b.confidence) < std::tie(b.topic, a.confidence);
  });
  return out;
}

std::vector<Conflict> stance_conflicts(const graph::KnowledgeGraph& g, const ConflictQuery& q,
                                       const std::map<std::string, std::string>& propositions,
                                       Hidden* hidden) {
  struct Side {
    std::vector<Vertex> claims;
    std::map<std::string, int> claimants;  // claimant -> claims
    double weight = 0;                      // the firmest claim's
  };
  std::map<std::string, std::pair<Side, Side>> by_proposition;  // id -> (for, against)
  for (const auto v : g.of_kind(NodeKind::kClaim)) {
    for (const auto& s : g.stances_of_claim(v)) {
      auto& sides = by_proposition[s.proposition];
      auto& side = s.polarity == graph::Polarity::kFor ? sides.first : sides.second;
      side.claims.push_back(v);
      ++side.claimants[g.claimant_of_claim(v)];
      side.weight = std::max(side.weight, s.weight);
    }
  }
  std::vector<Conflict> out;
  for (const auto& [proposition, sides] : by_proposition) {
    const auto& [pro, con] = sides;
    if (pro.claims.empty() || con.claims.empty()) continue;
    // One claimant alone on both sides is a source weighing both views, not a conflict.
    const bool one_claimant = pro.claimants.size() == 1 && con.claimants.size() == 1 &&
                              pro.claimants.begin()->first == con.claimants.begin()->first;
    if (one_claimant) continue;
    Conflict c;
    c.kind = "stance";
    c.topic = proposition;
    c.id = "conflict:stance:" + proposition;
    c.confidence = 0.9 * std::min(pro.weight, con.weight);
    const auto who = [](const Side& side) {
      std::string s;
      for (const auto& [name, n] : side.claimants) {
        s += (s.empty() ? "" : ", ") + name + " (" + std::to_string(n) + (n == 1 ? " claim)" : " claims)");
      }
      return s;
    };
    const auto words = propositions.find(proposition);
    c.explanation = "\u201C" + (words == propositions.end() ? proposition : words->second) +
                    "\u201D: for \u2014 " + who(pro) + "; against \u2014 " + who(con) +
                    "; different claimants take opposite sides";
    bool wanted_source = !q.source;
    bool wanted_actor = !q.actor;
    for (const auto* side : {&pro, &con}) {
      ConflictSide s;
      s.stance = side == &pro ? graph::Polarity::kFor : graph::Polarity::kAgainst;
      s.label = std::string(to_string(*s.stance)) + ": " + who(*side);
      s.claims = side->claims;
      for (const auto v : side->claims) {
        const auto source = g.source_of(v);
        if (q.source && source && g.source(*source).id == *q.source) wanted_source = true;
        if (q.actor && contains_folded(g.claimant_of_claim(v), *q.actor)) wanted_actor = true;
      }
      c.sides.push_back(std::move(s));
    }
    if (!wanted_source || !wanted_actor) continue;
    if (q.measure && !contains_folded(c.topic, *q.measure)) continue;
    if (c.confidence < q.min_confidence) {
      if (hidden) ++hidden->low_confidence;
      continue;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace claimgraph::query
