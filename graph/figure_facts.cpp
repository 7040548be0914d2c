#include "graph/figure_facts.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>

namespace claimgraph::graph {

std::int32_t day_of(std::string_view date, bool last) {
  const auto number = [&](std::size_t at, std::size_t n) {
    std::int32_t v = 0;
    for (std::size_t i = at; i < at + n && i < date.size(); ++i) {
      if (date[i] < '0' || date[i] > '9') return -1;
      v = v * 10 + (date[i] - '0');
    }
    return v;
  };
  const std::int32_t year = date.size() >= 4 ? number(0, 4) : -1;
  if (year < 0) return 0;
  const std::int32_t month = date.size() >= 7 ? number(5, 2) : (last ? 12 : 1);
  const std::int32_t day = date.size() >= 10 ? number(8, 2) : (last ? 31 : 1);
  if (month < 0 || day < 0) return 0;
  return year * 10000 + month * 100 + day;
}

FigureFacts facts_of(std::string_view measure, std::string_view unit,
                     std::optional<std::string_view> place, double lo, double hi,
                     const std::string* time_from, const std::string* time_to,
                     std::string_view source, bool vague) {
  FigureFacts x;
  // "unknown": nothing counted was found, and such a figure conflicts with nothing (DESIGN.md).
  x.measure = measure == kUnknownMeasure ? std::string_view() : measure;
  x.unit = unit;
  x.place = place;
  x.lo = lo;
  x.hi = hi;
  if (time_from || time_to) {
    x.from = time_from ? day_of(*time_from, false) : 1;
    x.to = time_to ? day_of(*time_to, true) : 99999999;
    // A state on one day (most often "at present" = the article's date) stands for its year:
    // counts reported in March and in May of one year are about the same time.
    if (time_from && time_to && *time_from == *time_to && time_from->size() == 10) {
      x.from = day_of(std::string_view(*time_from).substr(0, 4), false);
      x.to = day_of(std::string_view(*time_from).substr(0, 4), true);
    }
  }
  x.source = source;
  x.vague = vague;
  return x;
}

FigureFacts facts_of(const Figure& f) {
  auto facts = facts_of(f.measure, f.unit,
                        f.place ? std::optional<std::string_view>(*f.place) : std::nullopt, f.lo,
                        f.hi, f.time_from ? &*f.time_from : nullptr,
                        f.time_to ? &*f.time_to : nullptr, f.source_id,
                        f.bound != Bound::kNone || !f.point);
  facts.approx = f.approx;
  facts.inferred = f.inferred;
  return facts;
}

namespace {

// The bucket of every figure with a measure, numbered by first appearance, as (bucket, index).
template <typename Name>
std::vector<std::pair<std::uint32_t, std::size_t>> bucketed(const std::vector<FigureFacts>& figures,
                                                            Name name) {
  struct KeyHash {
    std::size_t operator()(const std::array<std::uint64_t, 3>& k) const {
      std::uint64_t h = 0x9E3779B97F4A7C15ull;
      for (const auto x : k) h = (h ^ x) * 0xff51afd7ed558ccdull, h ^= h >> 29;
      return h;
    }
  };
  std::unordered_map<std::array<std::uint64_t, 3>, std::uint32_t, KeyHash> buckets;
  std::vector<std::pair<std::uint32_t, std::size_t>> keyed;
  keyed.reserve(figures.size());
  std::array<std::uint64_t, 3> last{};
  std::uint32_t last_bucket = UINT32_MAX;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    if (f.measure.empty()) continue;
    const std::array<std::uint64_t, 3> k{name(f.measure), name(f.unit),
                                         f.place ? name(*f.place) : 0};
    if (k != last || last_bucket == UINT32_MAX) {
      last_bucket =
          buckets.emplace(k, static_cast<std::uint32_t>(buckets.size())).first->second;
      last = k;
    }
    keyed.emplace_back(last_bucket, i);
  }
  return keyed;
}

}  // namespace

FigureOrder order_figures(const std::vector<FigureFacts>& figures, bool interned) {
  // Buckets named by numbers (interned strings by their address), then one sort by bucket and
  // start.
  std::vector<std::pair<std::uint32_t, std::size_t>> keyed;
  if (interned) {
    keyed = bucketed(figures, [](std::string_view s) {
      return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(s.data()));
    });
  } else {
    std::unordered_map<std::string_view, std::uint64_t> names;
    keyed = bucketed(figures, [&](std::string_view s) {
      return names.emplace(s, names.size() + 1).first->second;
    });
  }
  // Sorted with the key beside each figure: no look-up into the facts while sorting.
  struct Item {
    std::uint32_t bucket;
    std::int32_t from;
    std::int32_t to;
    double lo;
    std::size_t i;
  };
  std::vector<Item> items;
  items.reserve(keyed.size());
  for (const auto& [b, i] : keyed) {
    const auto& f = figures[i];
    items.push_back(Item{b, f.from, f.to, f.lo, i});
  }
  keyed = {};
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.bucket, a.from, a.to, a.lo, a.i) < std::tie(b.bucket, b.from, b.to, b.lo, b.i);
  });
  // Sources numbered (interned ones by address, as above).
  std::unordered_map<std::string_view, std::uint32_t> by_content;
  std::unordered_map<const char*, std::uint32_t> by_address;
  const auto source_number = [&](std::string_view s) {
    if (interned) {
      return by_address.emplace(s.data(), static_cast<std::uint32_t>(by_address.size())).first->second;
    }
    return by_content.emplace(s, static_cast<std::uint32_t>(by_content.size())).first->second;
  };
  FigureOrder out;
  out.bucket.reserve(items.size());
  out.scan.reserve(items.size());
  for (const auto& item : items) {
    const auto& f = figures[item.i];
    out.bucket.push_back(item.bucket);
    out.scan.push_back(ScanItem{f.lo, f.hi, f.from, f.to, source_number(f.source),
                                static_cast<std::uint32_t>(item.i)});
  }
  return out;
}

}  // namespace claimgraph::graph
