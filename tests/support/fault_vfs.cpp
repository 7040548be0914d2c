#include "support/fault_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>

#include "graph/page_checksums.hpp"
#include "graph/vfs_shim.hpp"

namespace claimgraph::testing {
namespace {

constexpr const char* kOsName = "claimgraph-fault-os";  // the faults, under the checksums

std::atomic<std::int64_t> g_budget{-1};  // bytes still allowed; negative: no limit
std::atomic<std::int64_t> g_failures{0};
std::atomic<int> g_armed_op{-1};         // FaultVfs::Op to fail, -1 none
std::atomic<std::int64_t> g_armed_nth{0};
std::atomic<std::int64_t> g_counts[3];
sqlite3_vfs* g_real = nullptr;

using graph::vfs_shim::real_of;
using Op = FaultVfs::Op;

// Counts one `op`; true when it is the one to fail.
bool fails_now(Op op) {
  const auto index = static_cast<int>(op);
  const std::int64_t n = ++g_counts[index];
  if (g_armed_op.load() != index || n != g_armed_nth.load()) return false;
  ++g_failures;
  return true;
}

int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  if (fails_now(Op::kRead)) {
    const int half = n / 2;
    const int rc = real_of(f)->pMethods->xRead(real_of(f), buf, half, off);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
    std::memset(static_cast<char*>(buf) + half, 0, static_cast<std::size_t>(n - half));
    return SQLITE_IOERR_SHORT_READ;
  }
  return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}

int x_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  if (fails_now(Op::kWrite)) {
    errno = EIO;  // as a failing device sets it; SQLite reports it
    return SQLITE_IOERR_WRITE;
  }
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

int x_sync(sqlite3_file* f, int flags) {
  if (fails_now(Op::kSync)) {
    errno = EIO;
    return SQLITE_IOERR_FSYNC;
  }
  return real_of(f)->pMethods->xSync(real_of(f), flags);
}

const sqlite3_io_methods kMethods = graph::vfs_shim::forwarding_methods(x_read, x_write, x_sync);

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<graph::vfs_shim::File*>(f);
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  file->base.pMethods = nullptr;
  const int rc = g_real->xOpen(g_real, name, file->real, flags, out_flags);
  if (rc == SQLITE_OK) file->base.pMethods = &kMethods;
  return rc;
}

sqlite3_vfs g_vfs;

void restart_counts() {
  for (auto& count : g_counts) count = 0;
}

}  // namespace

void FaultVfs::install() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_real = sqlite3_vfs_find(nullptr);
    graph::vfs_shim::register_shim(g_vfs, g_real, kOsName,
                                   static_cast<int>(sizeof(graph::vfs_shim::File)), x_open);
    // The store's own checksums over the faults, so that pages keep them and a page read
    // short is seen for what it is.
    graph::page_checksums::install_over(kOsName, kName);
  });
}

void FaultVfs::fail_after(std::int64_t bytes) { g_budget = bytes; }

void FaultVfs::fail_nth(Op op, std::int64_t n) {
  g_armed_op = -1;
  restart_counts();
  g_armed_nth = n;
  g_armed_op = static_cast<int>(op);
}

std::int64_t FaultVfs::count(Op op) { return g_counts[static_cast<int>(op)].load(); }

void FaultVfs::heal() {
  g_budget = -1;
  g_armed_op = -1;
  restart_counts();
}

std::int64_t FaultVfs::failures() { return g_failures.load(); }

}  // namespace claimgraph::testing
