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

FigureFacts facts_of(const Figure& f) {
  FigureFacts x;
  x.measure = f.measure;
  x.unit = f.unit;
  if (f.place) x.place = std::string_view(*f.place);
  x.lo = f.lo;
  x.hi = f.hi;
  if (f.time_from || f.time_to) {
    x.from = f.time_from ? day_of(*f.time_from, false) : 1;
    x.to = f.time_to ? day_of(*f.time_to, true) : 99999999;
    // A state on one day (most often "at present" = the article's date) stands for its year:
    // counts reported in March and in May of one year are about the same time.
    if (f.time_from && f.time_from == f.time_to && f.time_from->size() == 10) {
      x.from = day_of(std::string_view(*f.time_from).substr(0, 4), false);
      x.to = day_of(std::string_view(*f.time_from).substr(0, 4), true);
    }
  }
  x.source = f.source_id;
  x.vague = f.bound != Bound::kNone || !f.point;
  return x;
}

FigureOrder order_figures(const std::vector<FigureFacts>& figures) {
  // Buckets named by interned numbers, then one sort by bucket and start.
  std::unordered_map<std::string_view, std::uint32_t> names;
  const auto name = [&](std::string_view s) {
    return names.emplace(s, static_cast<std::uint32_t>(names.size() + 1)).first->second;
  };
  std::map<std::array<std::uint32_t, 3>, std::uint32_t> buckets;
  std::vector<std::pair<std::uint32_t, std::size_t>> keyed;
  keyed.reserve(figures.size());
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    if (f.measure.empty()) continue;
    const std::array<std::uint32_t, 3> k{name(f.measure), name(f.unit),
                                         f.place ? name(*f.place) : 0};
    const auto b = buckets.emplace(k, static_cast<std::uint32_t>(buckets.size())).first->second;
    keyed.emplace_back(b, i);
  }
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    return std::tie(a.first, figures[a.second].lo, a.second) <
           std::tie(b.first, figures[b.second].lo, b.second);
  });
  FigureOrder out;
  out.order.reserve(keyed.size());
  out.bucket.reserve(keyed.size());
  for (const auto& [b, i] : keyed) {
    out.bucket.push_back(b);
    out.order.push_back(i);
  }
  return out;
}

}  // namespace claimgraph::graph
