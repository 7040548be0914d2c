#pragma once
// The one parallel-for of the engine: f(begin, end) over [0, n) cut into one contiguous slice
// per core (at most 8), each on a thread of its own; fewer than `least` items run on the
// calling thread. The first exception thrown is passed on once every slice is done.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace claimgraph::graph {

template <typename F>
void parallel_for(std::size_t n, std::size_t least, F&& f) {
  const std::size_t threads =
      std::min<std::size_t>(8, std::max(1u, std::thread::hardware_concurrency()));
  if (threads < 2 || n < least) {
    f(std::size_t{0}, n);
    return;
  }
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        f(n * t / threads, n * (t + 1) / threads);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& th : pool) th.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace claimgraph::graph
