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

// What this thread interned or found lately, in a small direct-mapped cache of the pool's
// strings (which never move): a load interns millions of repeats, and the pool's shared lock
// cost more than the look-up. Bounded, unlike the pool: a miss only costs the lock.
struct Recent {
  static constexpr std::size_t kSlots = 4096;
  std::size_t hash[kSlots] = {};
  const std::string* string[kSlots] = {};
};

Recent& recent() {
  thread_local Recent cache;
  return cache;
}

const std::string* find_in_pool(std::string_view s) {
  auto& p = pool();
  std::shared_lock lock(p.mutex);
  const auto it = p.strings.find(s);
  return it == p.strings.end() ? nullptr : &*it;
}

}  // namespace

const std::string* find_interned(std::string_view s) {
  auto& cache = recent();
  const std::size_t h = std::hash<std::string_view>{}(s);
  const std::size_t slot = h & (Recent::kSlots - 1);
  if (cache.string[slot] != nullptr && cache.hash[slot] == h && *cache.string[slot] == s) {
    return cache.string[slot];
  }
  const std::string* found = find_in_pool(s);
  if (found != nullptr) {
    cache.hash[slot] = h;
    cache.string[slot] = found;
  }
  return found;
}

const std::string* intern(std::string_view s) {
  if (const auto* found = find_interned(s)) return found;
  const std::string* added;
  {
    auto& p = pool();
    std::unique_lock lock(p.mutex);
    added = &*p.strings.emplace(s).first;
  }
  return added;
}

}  // namespace claimgraph::graph
