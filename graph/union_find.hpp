#pragma once
// Union-find over indexes 0..n-1 with path halving; a set's root is its smallest index, so
// groups come out in the order of their first member whatever the order of the joins.

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace claimgraph::graph {

template <typename Index = std::size_t>
class UnionFind {
 public:
  explicit UnionFind(std::size_t n = 0) { grow(n); }
  // Makes room for indexes below n (new ones are sets of their own).
  void grow(std::size_t n) {
    const std::size_t old = parent_.size();
    if (n <= old) return;
    parent_.resize(n);
    std::iota(parent_.begin() + static_cast<std::ptrdiff_t>(old), parent_.end(),
              static_cast<Index>(old));
  }
  std::size_t size() const { return parent_.size(); }
  Index find(Index x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(Index a, Index b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<Index> parent_;
};

}  // namespace claimgraph::graph
