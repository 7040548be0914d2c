#pragma once
// An SQLite VFS over the store's own (graph/page_checksums) whose writes fail on demand, as
// a full disk makes them fail: the way SQLite's own tests inject I/O faults. Register it
// once, open a store with StoreOptions::vfs = FaultVfs::kName, then arm it.

#include <cstdint>

namespace claimgraph::testing {

class FaultVfs {
 public:
  static constexpr const char* kName = "claimgraph-fault";
  // Registers the VFS (not as the default); safe to call more than once.
  static void install();
  // From now on, every write after `bytes` more bytes have been written fails with
  // SQLITE_FULL ("database or disk is full"). A negative value never fails.
  static void fail_after(std::int64_t bytes);
  static void heal() { fail_after(-1); }
  // Writes that failed since install.
  static std::int64_t failures();
};

}  // namespace claimgraph::testing
