#include "graph/intern.hpp"

#include <functional>
#include <mutex>
#include <shared_mutex>
#include <unordered_set>

namespace claimgraph::graph {
namespace {

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Pool {
  std::shared_mutex mutex;
  std::unordered_set<std::string, Hash, std::equal_to<>> strings;  // nodes never move
};

Pool& pool() {
  static Pool* p = new Pool;  // never destroyed: graphs may outlive static destruction order
  return *p;
}

}  // namespace

const std::string* find_interned(std::string_view s) {
  auto& p = pool();
  std::shared_lock lock(p.mutex);
  const auto it = p.strings.find(s);
  return it == p.strings.end() ? nullptr : &*it;
}

const std::string* intern(std::string_view s) {
  if (const auto* found = find_interned(s)) return found;
  auto& p = pool();
  std::unique_lock lock(p.mutex);
  return &*p.strings.emplace(s).first;
}

}  // namespace claimgraph::graph
