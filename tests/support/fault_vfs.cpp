#include "support/fault_vfs.hpp"

#include "graph/page_checksums.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace claimgraph::testing {
namespace {

std::atomic<std::int64_t> g_budget{-1};  // bytes still allowed; negative: no limit
std::atomic<std::int64_t> g_failures{0};
sqlite3_vfs* g_real = nullptr;

// A file of this VFS: the base SQLite sees, then the real file it forwards to.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

int x_close(sqlite3_file* f) {
  sqlite3_file* r = real_of(f);
  const int rc = r->pMethods != nullptr ? r->pMethods->xClose(r) : SQLITE_OK;
  return rc;
}
int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xRead(r, buf, n, off);
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
  sqlite3_file* r = real_of(f);
  return r->pMethods->xWrite(r, buf, n, off);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xTruncate(r, size);
}
int x_sync(sqlite3_file* f, int flags) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xSync(r, flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xFileSize(r, size);
}
int x_lock(sqlite3_file* f, int level) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xLock(r, level);
}
int x_unlock(sqlite3_file* f, int level) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xUnlock(r, level);
}
int x_check_reserved(sqlite3_file* f, int* out) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xCheckReservedLock(r, out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xFileControl(r, op, arg);
}
int x_sector_size(sqlite3_file* f) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xSectorSize(r);
}
int x_device_characteristics(sqlite3_file* f) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xDeviceCharacteristics(r);
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xShmMap(r, page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xShmLock(r, offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) {
  sqlite3_file* r = real_of(f);
  r->pMethods->xShmBarrier(r);
}
int x_shm_unmap(sqlite3_file* f, int remove) {
  sqlite3_file* r = real_of(f);
  return r->pMethods->xShmUnmap(r, remove);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
  // No memory-mapped reads: every page goes through x_read and x_write.
  (void)f;
  (void)off;
  (void)n;
  *out = nullptr;
  return SQLITE_OK;
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
  (void)f;
  (void)off;
  (void)p;
  return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {3,
                                     x_close,
                                     x_read,
                                     x_write,
                                     x_truncate,
                                     x_sync,
                                     x_file_size,
                                     x_lock,
                                     x_unlock,
                                     x_check_reserved,
                                     x_file_control,
                                     x_sector_size,
                                     x_device_characteristics,
                                     x_shm_map,
                                     x_shm_lock,
                                     x_shm_barrier,
                                     x_shm_unmap,
                                     x_fetch,
                                     x_unfetch};

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  (void)vfs;
  auto* file = reinterpret_cast<FaultFile*>(f);
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
    g_vfs = *g_real;
    g_vfs.zName = kName;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
    g_vfs.xOpen = x_open;
    g_vfs.pNext = nullptr;
    sqlite3_vfs_register(&g_vfs, 0);
  });
}

void FaultVfs::fail_after(std::int64_t bytes) { g_budget = bytes; }

std::int64_t FaultVfs::failures() { return g_failures.load(); }

}  // namespace claimgraph::testing
