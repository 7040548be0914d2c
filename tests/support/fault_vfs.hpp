#pragma once
// An SQLite VFS whose I/O fails on demand, as a full disk or a failing device makes it fail:
// the way SQLite's own tests inject I/O faults. The faults sit under the store's page
// checksums (graph/page_checksums), where the operating system's errors arise. Register it
// once, open a store with StoreOptions::vfs = FaultVfs::kName (or RunOptions::vfs), then arm
// it.

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

  // The operations counted and failed one at a time, on every file of a store (the database,
  // its write-ahead log and journals).
  enum class Op { kWrite, kSync, kRead };
  // The n-th `op` from now (1-based) fails, once: a write with SQLITE_IOERR_WRITE, a sync
  // with SQLITE_IOERR_FSYNC, a read gives half the bytes asked for and zeros for the rest
  // (SQLITE_IOERR_SHORT_READ, as the OS's read does at a file's end). Counts start again.
  static void fail_nth(Op op, std::int64_t n);
  // How many of `op` since the last fail_nth or heal.
  static std::int64_t count(Op op);
  // Nothing fails any more; counts start again.
  static void heal();
  // Operations that failed since install.
  static std::int64_t failures();
};

}  // namespace claimgraph::testing
