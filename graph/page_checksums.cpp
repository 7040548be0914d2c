#include "graph/page_checksums.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <stdexcept>
#include <type_traits>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <thread>

#include "graph/vfs_shim.hpp"

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

// A registered checksum VFS and the VFS under it (the struct starts with what SQLite sees,
// so that the VFS SQLite passes back leads to its base).
struct Instance {
  sqlite3_vfs vfs;
  sqlite3_vfs* base;
};
static_assert(std::is_standard_layout_v<Instance>, "an Instance is reached from its vfs");

std::mutex g_instances_mutex;
std::deque<Instance> g_instances;  // never moved: SQLite keeps pointers into them
std::deque<std::string> g_names;   // the instances' names, which SQLite keeps too

sqlite3_vfs* base_of(sqlite3_vfs* vfs) { return reinterpret_cast<Instance*>(vfs)->base; }

bool all_zero(const void* buffer, int amount) {
  const auto* bytes = static_cast<const unsigned char*>(buffer);
  return std::all_of(bytes, bytes + amount, [](unsigned char b) { return b == 0; });
}

// A main database file of this VFS: the shim's file, then the header it saw. Other files
// (the write-ahead log, journals) are the real VFS's own: a page is checked when it reaches
// the database file and whenever it is read from there. (The log keeps SQLite's own frame
// checksums, computed over the page as SQLite gave it: a page changed on its way into the log
// would fail them.)
struct File {
  vfs_shim::File shim;
  Header header;  // as last read or written at offset 0
};

File* self(sqlite3_file* f) { return reinterpret_cast<File*>(f); }

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

int x_read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  File* file = self(f);
  const int page = file->header.checked ? file->header.page_size : 0;
  if (page > 0 && amount > 0 && amount < page && offset / page == (offset + amount - 1) / page) {
    // Part of a page: SQLite reads overflow pages in place, a few bytes short of whole, and
    // the header alone. The whole page is read and checked, then the part asked for given.
    thread_local std::vector<unsigned char> whole;
    whole.resize(static_cast<std::size_t>(page));
    const sqlite3_int64 start = offset - offset % page;
    const int rc = file->shim.real->pMethods->xRead(file->shim.real, whole.data(), page, start);
    if (rc == SQLITE_OK) {
      if (!checksum_holds(whole.data(), whole.size())) return SQLITE_IOERR_DATA;
      std::memcpy(buffer, whole.data() + (offset - start), static_cast<std::size_t>(amount));
      if (offset == 0) {
        file->header = read_header(whole.data(), static_cast<std::size_t>(amount));
      }
      return SQLITE_OK;
    }
    // A page not whole on disk (the file's end): read as asked, unchecked, below. Any other
    // failure is the read's.
    if (rc != SQLITE_IOERR_SHORT_READ) return rc;
  }
  const int rc = file->shim.real->pMethods->xRead(file->shim.real, buffer, amount, offset);
  // A short read fills the rest with zeros, which SQLite takes for a page past the file's end.
  // A page partly read is no such page, checksums or not: SQLite would take the zeros for its
  // content, and may write them back (an index then misses rows). The OS reads short only at
  // a file's end, so the file ends inside a page: SQLite's code for a file system that lost
  // bytes, which it reports as a damaged store.
  const int page_size = file->header.page_size;
  if (rc == SQLITE_IOERR_SHORT_READ && page_size > 0 && amount == page_size &&
      offset % page_size == 0 && !all_zero(buffer, amount)) {
    return SQLITE_IOERR_CORRUPTFS;
  }
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
    return file->shim.real->pMethods->xWrite(file->shim.real, buffer, amount, offset);
  }
  // The checksum goes into a copy: SQLite's own page stays as it gave it.
  thread_local std::vector<unsigned char> copy;
  copy.assign(bytes, bytes + amount);
  store_checksum(copy.data(), copy.size());
  return file->shim.real->pMethods->xWrite(file->shim.real, copy.data(), amount, offset);
}

const sqlite3_io_methods kMethods = vfs_shim::forwarding_methods(x_read, x_write);

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  sqlite3_vfs* real = base_of(vfs);
  if ((flags & SQLITE_OPEN_MAIN_DB) == 0) return real->xOpen(real, name, f, flags, out_flags);
  auto* file = new (f) File{};
  file->shim.real = reinterpret_cast<sqlite3_file*>(file + 1);
  const int rc = real->xOpen(real, name, file->shim.real, flags, out_flags);
  file->shim.base.pMethods = rc == SQLITE_OK ? &kMethods : nullptr;
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

void install_over(const std::string& base, const std::string& name) {
  const std::lock_guard<std::mutex> lock(g_instances_mutex);
  if (sqlite3_vfs_find(name.c_str()) != nullptr) return;
  sqlite3_vfs* real = sqlite3_vfs_find(base.empty() ? nullptr : base.c_str());
  if (real == nullptr) throw std::invalid_argument("no SQLite VFS named " + base);
  Instance& instance = g_instances.emplace_back();
  instance.base = real;
  vfs_shim::register_shim(instance.vfs, real, g_names.emplace_back(name).c_str(),
                          static_cast<int>(sizeof(File)), x_open);
}

void install() {
  static std::once_flag once;
  std::call_once(once, [] { install_over("", kVfsName); });
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
