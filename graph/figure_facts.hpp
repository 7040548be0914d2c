#pragma once
// What conflicts and agreements compare of a figure (DESIGN.md, "Conflict"), kept compact:
// views of the figure's strings, times as yyyymmdd numbers, and an order of the figures by
// measure, unit, place, time and start of interval, so that a query walks each bucket once.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/model.hpp"

namespace claimgraph::graph {

// A plain record, so that the fast conflict finder and the brute-force one can run on
// generated sets. It refers to the figure's strings: keep the figures alive (and unmoved
// within their container) while their facts are used.
struct FigureFacts {
  std::string_view measure;               // "" never conflicts
  std::string_view unit;                  // part of what is measured: persons are not years
  std::optional<std::string_view> place;  // compared for equality; unknown is a place of its own
  double lo = 0;                          // [lo, hi); a point when lo == hi
  double hi = 0;
  std::int32_t from = 0;  // the first day of the time, yyyymmdd; 0 when unknown
  std::int32_t to = 0;    // the last day
  std::string_view source;
  bool vague = false;  // a bound or a range: a softer claim
  bool approx = false;  // hedged: "an estimated", "around"
  std::uint8_t inferred = 0;  // Figure::inferred: scope read beyond the figure's sentence
};

// The measure of a figure whose counted noun was not found (ingest writes it so): its facts
// have no measure, so it conflicts and agrees with nothing.
inline constexpr std::string_view kUnknownMeasure = "unknown";

// "2017" -> 20170101 (first) or 20171231 (last); "2017-09" -> 20170901 / 20170931.
std::int32_t day_of(std::string_view date, bool last);

// The facts of a stored figure; a time of one day stands for its year.
FigureFacts facts_of(const Figure& f);
// The same from its parts (views of strings that outlive the facts).
FigureFacts facts_of(std::string_view measure, std::string_view unit,
                     std::optional<std::string_view> place, double lo, double hi,
                     const std::string* time_from, const std::string* time_to,
                     std::string_view source, bool vague);

// The figures with a measure, sorted by bucket (one measure, unit and place), then by time
// (from, to: unknown first) and then by the start of their interval. scan[k] is the k-th figure
// of that order with what a pair scan compares of it, so that the scan reads memory in order:
// its interval, its time, its source (numbered) and its index in the facts; bucket[k] numbers
// its bucket. Within a bucket, the figures of one time are a run sorted by value.
struct ScanItem {
  double lo = 0;
  double hi = 0;
  std::int32_t from = 0;
  std::int32_t to = 0;
  std::uint32_t source = 0;
  std::uint32_t index = 0;
};
struct FigureOrder {
  std::vector<std::uint32_t> bucket;
  std::vector<ScanItem> scan;
};
// `interned`: every view is of an interned string (graph/intern.hpp), so equal strings share
// their address and buckets are told apart by address alone (the same order, sooner).
FigureOrder order_figures(const std::vector<FigureFacts>& figures, bool interned = false);

// Every figure of a graph in the order conflict queries walk: built once, when a store is
// loaded. It holds the order alone (36 bytes a figure); a figure's facts are asked of the graph
// (KnowledgeGraph::figure_facts), as they were when the order was made. Its scan items' `index`
// numbers `vertices`.
struct FigureIndex {
  std::vector<std::uint32_t> vertices;  // figure vertices, in the order of the graph's figures
  FigureOrder order;
};

}  // namespace claimgraph::graph
