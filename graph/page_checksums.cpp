#include "graph/page_checksums.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <thread>

namespace claimgraph::graph::page_checksums {
namespace {

constexpr std::uint64_t kFactor = 0x9E3779B97F4A7C15ULL | 1;

// The page size a database header gives (bytes 16-17, big-endian; 1 means 65536), 0 when it
// is not one, and whether the header keeps our reserved bytes (byte 20).
struct Header {
  int page_size = 0;
  bool checked = false;
};

Header read_header(const unsigned char* h, std::size_t size) {
  Header out;
  if (size < 100 || std::memcmp(h, "SQLite format 3", 16) != 0) return out;
  const int raw = (h[16] << 8) | h[17];
  const int page = raw == 1 ? 65536 : raw;
  if (page < 512 || page > 65536 || (page & (page - 1)) != 0) return out;
  out.page_size = page;
  out.checked = h[20] == kReservedBytes;
  return out;
}

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;

// A main database file of this VFS: what SQLite sees, then the real file it forwards to.
// Other files (the write-ahead log, journals) are the real VFS's own: a page is checked when
// it reaches the database file and whenever it is read from there. (The log keeps SQLite's
// own frame checksums, computed over the page as SQLite gave it: a page changed on its way
// into the log would fail them.)
struct File {
  sqlite3_file base;
  sqlite3_file* real;
  Header header;  // as last read or written at offset 0
};

File* self(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
sqlite3_file* real(sqlite3_file* f) { return self(f)->real; }

// Whether a read or write of `amount` bytes at `offset` is one whole page of a checked store.
bool is_page(const File* f, int amount, sqlite3_int64 offset) {
  return f->header.checked && amount == f->header.page_size && offset % amount == 0;
}

void store_checksum(unsigned char* page, std::size_t size) {
  const std::uint64_t sum = of_page(page, size);
  std::memcpy(page + size - kReservedBytes, &sum, kReservedBytes);
}

bool checksum_holds(const unsigned char* page, std::size_t size) {
  std::uint64_t stored = 0;
  std::memcpy(&stored, page + size - kReservedBytes, kReservedBytes);
  return stored == of_page(page, size);
}

int x_close(sqlite3_file* f) {
  sqlite3_file* r = real(f);
  return r->pMethods != nullptr ? r->pMethods->xClose(r) : SQLITE_OK;
}

int x_read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  File* file = self(f);
  const int page = file->header.checked ? file->header.page_size : 0;
  if (page > 0 && amount > 0 && amount < page && offset / page == (offset + amount - 1) / page) {
    // Part of a page: SQLite reads overflow pages in place, a few bytes short of whole, and
    // the header alone. The whole page is read and checked, then the part asked for given.
    thread_local std::vector<unsigned char> whole;
    whole.resize(static_cast<std::size_t>(page));
    const sqlite3_int64 start = offset - offset % page;
    const int rc = file->real->pMethods->xRead(file->real, whole.data(), page, start);
    if (rc == SQLITE_OK) {
      if (!checksum_holds(whole.data(), whole.size())) return SQLITE_IOERR_DATA;
      std::memcpy(buffer, whole.data() + (offset - start), static_cast<std::size_t>(amount));
      if (offset == 0) {
        file->header = read_header(whole.data(), static_cast<std::size_t>(amount));
      }
      return SQLITE_OK;
    }
    // A page not whole on disk (the file's end): read as asked, unchecked, below.
  }
  const int rc = file->real->pMethods->xRead(file->real, buffer, amount, offset);
  if (rc != SQLITE_OK) return rc;
  auto* bytes = static_cast<unsigned char*>(buffer);
  if (offset == 0) file->header = read_header(bytes, static_cast<std::size_t>(amount));
  if (is_page(file, amount, offset) && !checksum_holds(bytes, static_cast<std::size_t>(amount))) {
    return SQLITE_IOERR_DATA;
  }
  return SQLITE_OK;
}

int x_write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  File* file = self(f);
  const auto* bytes = static_cast<const unsigned char*>(buffer);
  // Page 1 says whether the store keeps checksums (a new store's first write is page 1).
  if (offset == 0) file->header = read_header(bytes, static_cast<std::size_t>(amount));
  if (!is_page(file, amount, offset)) {
    return file->real->pMethods->xWrite(file->real, buffer, amount, offset);
  }
  // The checksum goes into a copy: SQLite's own page stays as it gave it.
  thread_local std::vector<unsigned char> copy;
  copy.assign(bytes, bytes + amount);
  store_checksum(copy.data(), copy.size());
  return file->real->pMethods->xWrite(file->real, copy.data(), amount, offset);
}

int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  return real(f)->pMethods->xTruncate(real(f), size);
}
int x_sync(sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); }
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  return real(f)->pMethods->xFileSize(real(f), size);
}
int x_lock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
int x_unlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
int x_check_reserved(sqlite3_file* f, int* out) {
  return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int x_sector_size(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int x_device_characteristics(sqlite3_file* f) {
  int caps = real(f)->pMethods->xDeviceCharacteristics(real(f));
#ifdef SQLITE_IOCAP_SUBPAGE_READ
  caps &= ~SQLITE_IOCAP_SUBPAGE_READ;  // pages are read whole, to be checked
#endif
  return caps;
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int x_shm_unmap(sqlite3_file* f, int remove) {
  return real(f)->pMethods->xShmUnmap(real(f), remove);
}
// No memory-mapped pages: every page is read through x_read, and checked.
int x_fetch(sqlite3_file*, sqlite3_int64, int, void** out) {
  *out = nullptr;
  return SQLITE_OK;
}
int x_unfetch(sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; }

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

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  if ((flags & SQLITE_OPEN_MAIN_DB) == 0) return g_real->xOpen(g_real, name, f, flags, out_flags);
  auto* file = new (f) File{};
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  const int rc = g_real->xOpen(g_real, name, file->real, flags, out_flags);
  file->base.pMethods = rc == SQLITE_OK ? &kMethods : nullptr;
  return rc;
}

}  // namespace

std::uint64_t of_page(const unsigned char* page, std::size_t size) {
  std::uint64_t h = 0;
  const std::size_t body = size - kReservedBytes;  // a page is a multiple of 8 bytes
  for (std::size_t i = 0; i + 8 <= body; i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, page + i, 8);
    h = (h ^ word) * kFactor;
  }
  return h;
}

void install() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs = *g_real;
    g_vfs.zName = kVfsName;
    g_vfs.szOsFile = static_cast<int>(sizeof(File)) + g_real->szOsFile;
    g_vfs.xOpen = x_open;
    g_vfs.pNext = nullptr;
    sqlite3_vfs_register(&g_vfs, 0);
  });
}

std::vector<std::uint32_t> damaged_pages(const std::string& path) {
  std::vector<std::uint32_t> suspects;
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> first(100);
  if (!in.read(reinterpret_cast<char*>(first.data()), 100)) return suspects;
  const Header header = read_header(first.data(), first.size());
  if (!header.checked) return suspects;
  in.seekg(0);
  std::vector<unsigned char> page(static_cast<std::size_t>(header.page_size));
  const auto read_page = [&](std::ifstream& file) {
    return static_cast<bool>(
        file.read(reinterpret_cast<char*>(page.data()), static_cast<std::streamsize>(page.size())));
  };
  for (std::uint32_t number = 1; read_page(in); ++number) {
    if (!checksum_holds(page.data(), page.size())) suspects.push_back(number);
  }
  // A checkpoint of another process may have been writing a page as it was read: a page is
  // damaged when a second read, a moment later, fails too.
  if (suspects.empty()) return suspects;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::vector<std::uint32_t> out;
  std::ifstream again(path, std::ios::binary);
  for (const auto number : suspects) {
    again.clear();
    again.seekg(static_cast<std::streamoff>(number - 1) * header.page_size);
    if (read_page(again) && !checksum_holds(page.data(), page.size())) out.push_back(number);
  }
  return out;
}

}  // namespace claimgraph::graph::page_checksums
