#include "query/verdicts.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "query/conflicts.hpp"

namespace claimgraph::query {
namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int number(std::string_view text, std::size_t at, std::size_t count) {
  int n = 0;
  for (std::size_t i = at; i < at + count; ++i) n = n * 10 + (text[i] - '0');
  return n;
}

bool is_date(std::string_view t) {
  if (t.size() < 10 || !digits(t, 0, 4) || t[4] != '-' || !digits(t, 5, 2) || t[7] != '-' ||
      !digits(t, 8, 2)) {
    return false;
  }
  const int year = number(t, 0, 4);
  const int month = number(t, 5, 2);
  const int day = number(t, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
}

// Whether a verdict recorded at `at` had been recorded by `as_of` (a date: the whole day).
bool by_then(const std::string& at, const std::optional<std::string>& as_of) {
  return !as_of || at.compare(0, as_of->size(), *as_of) <= 0;
}

}  // namespace

bool is_moment(std::string_view t) {
  if (!is_date(t)) return false;
  if (t.size() == 10) return true;
  return t.size() == 20 && t[10] == 'T' && digits(t, 11, 2) && t[13] == ':' &&
         digits(t, 14, 2) && t[16] == ':' && digits(t, 17, 2) && t[19] == 'Z' &&
         number(t, 11, 2) < 24 && number(t, 14, 2) < 60 && number(t, 17, 2) < 60;
}

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::optional<std::string> verdict_words(const graph::KnowledgeGraph& g, std::string_view id) {
  const auto v = g.find(id);
  if (!v) return std::nullopt;
  if (g.kind_of(*v) == graph::NodeKind::kFigure) return g.figure(*v).text;
  if (g.kind_of(*v) == graph::NodeKind::kClaim) return g.claim(*v).text;
  return std::nullopt;
}

Verdicts::Verdicts(std::vector<graph::Verdict> history, const graph::KnowledgeGraph& g,
                   const std::optional<std::string>& as_of)
    : all_(std::move(history)) {
  // In the order they take effect: by the moment given, then as recorded.
  std::vector<std::size_t> order(all_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return all_[a].at < all_[b].at; });
  for (const std::size_t i : order) {
    if (by_then(all_[i].at, as_of)) by_target_[all_[i].target].push_back(i);
  }
  for (const auto& [target, list] : by_target_) {
    const auto& last = all_[list.back()];
    if (last.rank == graph::Rank::kCleared) continue;
    if (verdict_words(g, target) != last.target_text) continue;
    current_.emplace(target, list.back());
  }
}

const graph::Verdict* Verdicts::current(std::string_view id) const {
  const auto it = current_.find(id);
  return it == current_.end() ? nullptr : &all_[it->second];
}

std::vector<const graph::Verdict*> Verdicts::history(std::string_view id) const {
  std::vector<const graph::Verdict*> out;
  const auto it = by_target_.find(id);
  if (it == by_target_.end()) return out;
  for (const std::size_t i : it->second) out.push_back(&all_[i]);
  return out;
}

bool Verdicts::resolved(const graph::KnowledgeGraph& g, const Conflict& conflict) const {
  if (current_.empty()) return false;
  std::size_t open_sides = 0;
  for (const auto& side : conflict.sides) {
    bool all_deprecated = true;
    const auto look = [&](graph::Vertex v) {
      const auto* verdict = current(g.id_of(v));
      if (verdict && verdict->rank == graph::Rank::kPreferred) return true;
      if (!verdict || verdict->rank != graph::Rank::kDeprecated) all_deprecated = false;
      return false;
    };
    for (const auto v : side.figures) {
      if (look(v)) return true;
    }
    for (const auto v : side.claims) {
      if (look(v)) return true;
    }
    if (!all_deprecated) ++open_sides;
  }
  return open_sides <= 1;
}

const Verdicts& Verdicts::none() {
  static const Verdicts empty;
  return empty;
}

}  // namespace claimgraph::query
