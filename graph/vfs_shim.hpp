#pragma once
// The common part of an SQLite VFS shim: a VFS like an existing one whose files sit in front
// of that VFS's files and forward every call to them, but the ones the shim gives itself.
// page_checksums uses it for the store's files; the tests' fault injection over it.

#include <sqlite3.h>

namespace claimgraph::graph::vfs_shim {

// The start of every file of a shim: what SQLite sees, then the real file it forwards to,
// which lives in the same allocation after the shim's own struct.
struct File {
  sqlite3_file base;
  sqlite3_file* real;
};

inline sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

// I/O methods (version 3) that forward to the real file, with `read` and `write` given (and
// `sync`, when not null); no memory-mapped pages, so that every page goes through them.
sqlite3_io_methods forwarding_methods(int (*read)(sqlite3_file*, void*, int, sqlite3_int64),
                                      int (*write)(sqlite3_file*, const void*, int, sqlite3_int64),
                                      int (*sync)(sqlite3_file*, int) = nullptr);

// Fills `vfs` as a copy of `real` named `name`, whose files take `file_bytes` bytes before the
// real one and are opened by `open`, and registers it (not as the default).
void register_shim(sqlite3_vfs& vfs, sqlite3_vfs* real, const char* name, int file_bytes,
                   int (*open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*));

}  // namespace claimgraph::graph::vfs_shim
