#include "support/fault_vfs.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>

#include "graph/page_checksums.hpp"
#include "graph/vfs_shim.hpp"

namespace claimgraph::testing {
namespace {

std::atomic<std::int64_t> g_budget{-1};  // bytes still allowed; negative: no limit
std::atomic<std::int64_t> g_failures{0};
sqlite3_vfs* g_real = nullptr;

using graph::vfs_shim::real_of;

int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}

int x_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  for (;;) {
    std::int64_t budget = g_budget.load();
    if (budget < 0) break;
    if (budget < n) {
      ++g_failures;
      return SQLITE_FULL;
    }
    if (g_budget.compare_exchange_weak(budget, budget - n)) break;
  }
  return real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}

const sqlite3_io_methods kMethods = graph::vfs_shim::forwarding_methods(x_read, x_write);

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<graph::vfs_shim::File*>(f);
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  file->base.pMethods = nullptr;
  const int rc = g_real->xOpen(g_real, name, file->real, flags, out_flags);
  if (rc == SQLITE_OK) file->base.pMethods = &kMethods;
  return rc;
}

sqlite3_vfs g_vfs;

}  // namespace

void FaultVfs::install() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Over the store's own VFS, so that the pages it writes keep their checksums.
    claimgraph::graph::page_checksums::install();
    g_real = sqlite3_vfs_find(claimgraph::graph::page_checksums::kVfsName);
    graph::vfs_shim::register_shim(g_vfs, g_real, kName,
                                   static_cast<int>(sizeof(graph::vfs_shim::File)), x_open);
  });
}

void FaultVfs::fail_after(std::int64_t bytes) { g_budget = bytes; }

std::int64_t FaultVfs::failures() { return g_failures.load(); }

}  // namespace claimgraph::testing
