#include "graph/vfs_shim.hpp"

namespace claimgraph::graph::vfs_shim {
namespace {

int x_close(sqlite3_file* f) {
  sqlite3_file* r = real_of(f);
  return r->pMethods != nullptr ? r->pMethods->xClose(r) : SQLITE_OK;
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
int x_sync(sqlite3_file* f, int flags) { return real_of(f)->pMethods->xSync(real_of(f), flags); }
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
int x_lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
int x_unlock(sqlite3_file* f, int level) {
  return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
int x_check_reserved(sqlite3_file* f, int* out) {
  return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int x_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int x_device_characteristics(sqlite3_file* f) {
  int caps = real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
#ifdef SQLITE_IOCAP_SUBPAGE_READ
  caps &= ~SQLITE_IOCAP_SUBPAGE_READ;  // pages are read whole, through the shim
#endif
  return caps;
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int x_shm_unmap(sqlite3_file* f, int remove) {
  return real_of(f)->pMethods->xShmUnmap(real_of(f), remove);
}
int x_fetch(sqlite3_file*, sqlite3_int64, int, void** out) {
  *out = nullptr;
  return SQLITE_OK;
}
int x_unfetch(sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; }

}  // namespace

sqlite3_io_methods forwarding_methods(int (*read)(sqlite3_file*, void*, int, sqlite3_int64),
                                      int (*write)(sqlite3_file*, const void*, int,
                                                   sqlite3_int64),
                                      int (*sync)(sqlite3_file*, int)) {
  return sqlite3_io_methods{3,
                            x_close,
                            read,
                            write,
                            x_truncate,
                            sync != nullptr ? sync : x_sync,
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
}

void register_shim(sqlite3_vfs& vfs, sqlite3_vfs* real, const char* name, int file_bytes,
                   int (*open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*)) {
  vfs = *real;  // the other VFS methods (delete, access, time, ...) are the real VFS's
  vfs.zName = name;
  vfs.szOsFile = file_bytes + real->szOsFile;
  vfs.xOpen = open;
  vfs.pNext = nullptr;
  sqlite3_vfs_register(&vfs, 0);
}

}  // namespace claimgraph::graph::vfs_shim
