// Figure conflicts: the semantics pair by pair, the grouping into sides, and the fast finder
// against the brute-force one on generated figure sets.

#include "query/conflicts.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>

#include "graph/knowledge_graph.hpp"

using namespace claimgraph::query;

namespace {

FigureFacts fig(double lo, double hi, const char* source, const char* from = "2017-01-01",
                const char* to = "2017-12-31") {
  FigureFacts f;
  f.measure = "north-korean-workers";
  f.unit = "persons";
  f.place = "Russia";
  f.lo = lo;
  f.hi = hi;
  f.from = day_of(from, false);
  f.to = day_of(to, true);
  f.source = source;
  return f;
}

}  // namespace

TEST_CASE("conflicts: only one measure, unit, place and time with values apart", "[query]") {
  const auto twenty = fig(15000, 25000, "a");
  const auto thirty = fig(25000, 35000, "b");
  CHECK(conflicting(twenty, thirty));
  CHECK(conflicting(thirty, twenty));

  auto permits = thirty;
  permits.measure = "north-korean-work-permits";
  CHECK_FALSE(conflicting(twenty, permits));  // workers are not work permits

  auto years = thirty;
  years.unit = "years";
  CHECK_FALSE(conflicting(twenty, years));  // nor years

  auto abroad = thirty;
  abroad.place = "abroad";
  CHECK_FALSE(conflicting(twenty, abroad));  // Russia is not "abroad"

  const auto in_2006 = fig(25000, 35000, "b", "2006-01-01", "2006-12-31");
  CHECK_FALSE(conflicting(twenty, in_2006));  // a change over time

  const auto unknown_time = fig(25000, 35000, "b", "", "");
  CHECK(conflicting(twenty, unknown_time));  // an unknown time overlaps every time

  const auto overlapping = fig(20000, 30000, "b");
  CHECK_FALSE(conflicting(twenty, overlapping));  // agreement, not conflict

  const auto same_source = fig(25000, 35000, "a");
  CHECK_FALSE(conflicting(twenty, same_source));  // one source repeating itself

  // Half-open intervals: [15,000, 25,000) and [25,000, 35,000) do not overlap; a point at the
  // upper end lies outside, a point at the lower end inside.
  CHECK(conflicting(twenty, fig(25000, 25000, "b")));
  CHECK_FALSE(conflicting(twenty, fig(15000, 15000, "b")));
  CHECK_FALSE(conflicting(fig(7, 7, "a"), fig(7, 7, "b")));
  CHECK(conflicting(fig(7, 7, "a"), fig(8, 8, "b")));

  // A range and a point inside it agree; a lower bound and a larger figure agree; an upper
  // bound and a larger one do not (issue 15).
  CHECK_FALSE(conflicting(fig(15000, 20000, "a"), fig(17000, 17000, "b")));
  const double infinity = std::numeric_limits<double>::infinity();
  CHECK_FALSE(conflicting(fig(20000, infinity, "a"), fig(30000, 30000, "b")));
  CHECK(conflicting(fig(0, 20000, "a"), fig(30000, 30000, "b")));

  // Confidence falls with hedges, scope read beyond the sentence and unknown times.
  auto plain = fig(15000, 25000, "a");
  auto hedged = plain;
  hedged.approx = true;
  auto inferred = plain;
  inferred.inferred = claimgraph::graph::kInferredPlace | claimgraph::graph::kInferredMeasure;
  const double base = conflict_confidence({plain, thirty});
  CHECK(conflict_confidence({hedged, thirty}) < base);
  CHECK(conflict_confidence({inferred, thirty}) < conflict_confidence({hedged, thirty}));
  CHECK(conflict_confidence({plain, unknown_time}) < base);
  CHECK(conflict_confidence({plain, unknown_time}) >= kDefaultMinConfidence);
  // A figure without a place, or whose sentence names neither its place nor its time, is
  // too weakly scoped: below the default threshold.
  auto unplaced = plain;
  unplaced.place.reset();
  CHECK(conflict_confidence({unplaced, thirty}) < kDefaultMinConfidence);
  auto unscoped = plain;
  unscoped.inferred = claimgraph::graph::kInferredPlace | claimgraph::graph::kInferredTime;
  CHECK(conflict_confidence({unscoped, thirty}) < kDefaultMinConfidence);

  // "unknown" (nothing counted was found) is no measure: such figures conflict with nothing.
  claimgraph::graph::Figure a, b;
  a.measure = b.measure = "unknown";
  a.unit = b.unit = "count";
  a.lo = a.hi = 20;
  b.lo = b.hi = 843;
  a.point = 20;
  b.point = 843;
  a.source_id = "x";
  b.source_id = "y";
  CHECK_FALSE(conflicting(facts_of(a), facts_of(b)));

  auto no_measure = twenty;
  no_measure.measure = {};
  auto no_measure_too = thirty;
  no_measure_too.measure = {};
  CHECK_FALSE(conflicting(no_measure, no_measure_too));
}

TEST_CASE("conflicts: figures that agree form one side", "[query]") {
  const std::vector<FigureFacts> figures = {
      fig(15000, 25000, "sino-nk"),                  // an estimated 20,000
      fig(15000, 25000, "sino-nk", "1991-01-01", "2017-09-28"),  // around 20,000
      fig(25000, 35000, "moscow-times", "", ""),     // approximately 30,000, date unknown
      fig(34500, 35500, "other", "2013-01-01", "2013-12-31"),   // 35,000 in 2013
      fig(1, 2, "x", "1950-01-01", "1950-12-31"),    // 1950: apart from all but the unknown time
  };
  const auto pairs = conflicting_pairs(figures);
  CHECK(pairs == conflicting_pairs_brute_force(figures));
  const auto groups = group_conflicts(figures, pairs);
  REQUIRE(groups.size() == 1);
  // 35,000 in 2013 lies within the time of "around 20,000" (1991-2017) and apart from it in
  // value: it conflicts with it, and sides with "approximately 30,000", whose values it
  // overlaps. The 1950 figure conflicts with "approximately 30,000", whose time is unknown.
  CHECK(groups[0] == Sides{{4}, {0, 1}, {2, 3}});
}

TEST_CASE("conflicts: the fast finder agrees with the brute force on 10,000 generated sets",
          "[query]") {
  std::mt19937 random(20261123);
  const char* measures[] = {"workers", "permits", ""};
  const char* units[] = {"persons", "years"};
  const char* places[] = {"Russia", "China", ""};
  const char* sources[] = {"a", "b", "c", "d"};
  // Years, months, open ends and unknown times: the finder compares runs of one time.
  const char* years[] = {"", "2006", "2013", "2013-05", "2013-11", "2017", ""};
  std::size_t conflicts = 0;
  for (int set = 0; set < 10000; ++set) {
    std::vector<FigureFacts> figures(std::uniform_int_distribution<int>(0, 24)(random));
    for (auto& f : figures) {
      auto pick = [&](auto& array) {
        return array[std::uniform_int_distribution<std::size_t>(0, std::size(array) - 1)(random)];
      };
      f.measure = pick(measures);
      f.unit = pick(units);
      if (const char* p = pick(places); *p != '\0') f.place = p;
      f.source = pick(sources);
      // Small integer bounds make ties, touching ends and points common.
      const int lo = std::uniform_int_distribution<int>(0, 12)(random);
      const int width = std::uniform_int_distribution<int>(0, 4)(random);
      f.lo = lo;
      f.hi = lo + width;
      const std::string from = pick(years);
      const std::string to = pick(years);
      if (!from.empty() && !to.empty()) {
        f.from = day_of(std::min(from, to), false);
        f.to = day_of(std::max(from, to), true);
      } else if (!from.empty()) {
        f.from = day_of(from, false);  // since then
        f.to = 99999999;
      } else if (!to.empty() && set % 2 == 0) {
        f.from = 1;  // until then
        f.to = day_of(to, true);
      }
    }
    const auto fast = conflicting_pairs(figures);
    const auto brute = conflicting_pairs_brute_force(figures);
    INFO("set " << set);
    REQUIRE(fast == brute);
    conflicts += fast.size();
    // Within a side every figure agrees with every other; a conflicting pair is never on
    // one side; every figure of a pair is on exactly one side of one group.
    std::map<std::size_t, std::pair<std::size_t, std::size_t>> where;  // figure -> group, side
    const auto groups = group_conflicts(figures, fast);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      REQUIRE(groups[g].size() >= 2);
      // The sides are those of the rule as written: in order of value, a figure joins the
      // current side when it agrees with every figure of it, else opens the next one.
      std::vector<std::size_t> members;
      for (const auto& side : groups[g]) members.insert(members.end(), side.begin(), side.end());
      std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(figures[a].lo, figures[a].hi, a) < std::tie(figures[b].lo, figures[b].hi, b);
      });
      std::set<std::set<std::size_t>> by_rule;
      std::vector<std::size_t> current;
      for (const auto i : members) {
        const bool agrees = !current.empty() && std::all_of(current.begin(), current.end(), [&](std::size_t m) {
          return values_overlap(figures[i], figures[m]);
        });
        if (!agrees && !current.empty()) by_rule.insert({current.begin(), current.end()}), current.clear();
        current.push_back(i);
      }
      by_rule.insert({current.begin(), current.end()});
      std::set<std::set<std::size_t>> made;
      for (const auto& side : groups[g]) made.insert({side.begin(), side.end()});
      REQUIRE(made == by_rule);
      for (std::size_t s = 0; s < groups[g].size(); ++s) {
        for (const auto a : groups[g][s]) {
          REQUIRE(where.emplace(a, std::make_pair(g, s)).second);
          for (const auto b : groups[g][s]) REQUIRE(values_overlap(figures[a], figures[b]));
        }
      }
    }
    for (const auto& [a, b] : fast) {
      REQUIRE(where.count(a));
      REQUIRE(where.count(b));
      CHECK(where[a].first == where[b].first);
      CHECK(where[a].second != where[b].second);
    }
  }
  CHECK(conflicts > 10000);  // the sets are not trivially free of conflicts
}

TEST_CASE("conflicts over a graph large enough to be scanned on every core agree with brute force",
          "[query]") {
  // 8,000 figures in 200 buckets (measure, place) from 20 sources: above the sizes from which
  // the pair scan and the making of each group's conflict run in slices on threads.
  claimgraph::graph::KnowledgeGraph g;
  std::mt19937 random(20261123);
  for (int s = 0; s < 20; ++s) {
    claimgraph::graph::DocumentGraph doc;
    doc.source.id = "s" + std::to_string(s);
    doc.source.outlet = "Outlet " + std::to_string(s % 7);
    for (int k = 0; k < 400; ++k) {
      claimgraph::graph::Claim c;
      c.id = doc.source.id + ":c" + std::to_string(k);
      c.source_id = doc.source.id;
      c.text = "claim";
      c.claimant = "Author " + std::to_string(s);
      claimgraph::graph::Figure f;
      f.id = doc.source.id + ":g" + std::to_string(k);
      f.source_id = doc.source.id;
      f.claim_id = c.id;
      f.text = "figure";
      const int bucket = std::uniform_int_distribution<int>(0, 199)(random);
      f.measure = "measure-" + std::to_string(bucket % 40);
      f.unit = "persons";
      f.place = "Place " + std::to_string(bucket / 40);
      const int lo = std::uniform_int_distribution<int>(0, 30)(random);
      f.lo = lo;
      f.hi = lo + std::uniform_int_distribution<int>(0, 3)(random);
      if (f.lo == f.hi) f.point = f.lo;
      // Years, months of them, spans of years and unknown times.
      const int year = 2000 + std::uniform_int_distribution<int>(0, 3)(random);
      switch (std::uniform_int_distribution<int>(0, 5)(random)) {
        case 0: break;
        case 1: f.time_from = f.time_to = std::to_string(year) + "-0" + std::to_string(year % 3 + 1); break;
        case 2: f.time_from = std::to_string(year), f.time_to = std::to_string(year + 2); break;
        default: f.time_from = f.time_to = std::to_string(year);
      }
      doc.claims.push_back(c);
      doc.figures.push_back(f);
    }
    g.add(doc);
  }
  const auto& index = g.figure_index();
  std::vector<claimgraph::graph::FigureFacts> facts;
  for (const auto v : index.vertices) facts.push_back(g.figure_facts(v));
  // Against the brute force, as properties of what a reader sees: every conflicting pair is
  // on two sides of some reported conflict; every pair across the sides of a reported
  // conflict conflicts, but for a pair of one source; every figure of a conflict conflicts
  // with one across.
  const auto brute = conflicting_pairs_brute_force(facts);
  std::map<claimgraph::graph::Vertex, std::size_t> number;
  for (std::size_t i = 0; i < index.vertices.size(); ++i) number[index.vertices[i]] = i;
  ConflictQuery everything;
  everything.include_undated = true;
  everything.min_confidence = 0;
  const auto found = figure_conflicts(g, everything);
  std::set<std::pair<std::size_t, std::size_t>> across;
  std::set<std::string> ids;
  std::size_t wrong_pairs = 0, lonely = 0;
  for (const auto& c : found) {
    for (std::size_t a = 0; a < c.sides.size(); ++a) {
      for (const auto v : c.sides[a].figures) {
        bool partner = false;
        for (std::size_t b = 0; b < c.sides.size(); ++b) {
          if (a == b) continue;
          for (const auto w : c.sides[b].figures) {
            const auto x = number.at(v), y = number.at(w);
            if (facts[x].source == facts[y].source) continue;
            partner = true;
            if (!conflicting(facts[x], facts[y])) ++wrong_pairs;
            across.emplace(std::min(x, y), std::max(x, y));
          }
        }
        if (!partner) ++lonely;
      }
    }
    CHECK(ids.insert(c.id).second);  // ids stay unique when groups are made on threads
    CHECK_FALSE(c.explanation.empty());
  }
  std::size_t missing = 0;
  for (const auto& p : brute) missing += across.count(p) == 0;
  CHECK(found.size() > 64);
  CHECK(brute.size() > 64);
  CHECK(missing == 0);
  CHECK(wrong_pairs == 0);
  CHECK(lonely == 0);
}

TEST_CASE("conflicts: a side names each figure's outlet, else its source's id", "[query]") {
  // Two articles on one measure, values apart: one from an outlet, one whose outlet is unknown.
  claimgraph::graph::KnowledgeGraph g;
  const auto article = [&](const std::string& id, std::optional<std::string> outlet,
                           const std::string& words, double lo, double hi) {
    claimgraph::graph::DocumentGraph doc;
    doc.source.id = id;
    doc.source.outlet = std::move(outlet);
    claimgraph::graph::Claim c;
    c.id = id + ":c1";
    c.source_id = id;
    c.text = "There are " + words + " of them.";
    c.claimant = "Someone";
    claimgraph::graph::Figure f;
    f.id = id + ":g1";
    f.source_id = id;
    f.claim_id = c.id;
    f.text = words;
    f.measure = "north-korean-workers";
    f.unit = "persons";
    f.place = "Russia";
    f.lo = lo;
    f.hi = hi;
    f.time_from = f.time_to = "2017";
    doc.claims.push_back(c);
    doc.figures.push_back(f);
    g.add(doc);
  };
  article("sino", "Sino-NK", "an estimated 20,000", 15000, 25000);
  article("blog", std::nullopt, "approximately 30,000", 25000, 35000);
  const auto found = figure_conflicts(g, ConflictQuery{});
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].sides.size() == 2);
  CHECK(found[0].sides[0].label == "an estimated 20,000 (Sino-NK, 2017)");
  CHECK(found[0].sides[1].label == "approximately 30,000 (blog, 2017)");
  // --actor matches an outlet as well as a claimant.
  ConflictQuery by_outlet;
  by_outlet.actor = "sino-nk";
  CHECK(figure_conflicts(g, by_outlet).size() == 1);
  ConflictQuery by_nobody;
  by_nobody.actor = "Moscow Times";
  CHECK(figure_conflicts(g, by_nobody).empty());
}
