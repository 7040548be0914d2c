#pragma once
// Page checksums for the store: an SQLite VFS over the default one that keeps a checksum in
// the last 8 bytes of every page of the database file (the page's "reserved bytes", which
// SQLite leaves to the VFS) and checks it whenever any part of a page is read from that file.
// A bit flipped on disk then fails the read with SQLITE_IOERR_DATA instead of showing altered
// figures or text. The write-ahead log is left to SQLite, whose frame checksums it keeps (a
// frame is checked by SQLite only when the log is recovered after a crash; it is checksummed
// here when a checkpoint copies it into the file). Stores made before (no reserved bytes)
// are read and written as they are, unchecked.
//
// The checksum of a page is a chain over its 8-byte words, h = (h ^ word) * K (K odd), up to
// its last 8 bytes: each step is a bijection, so any change to one word changes it, and a
// page of zeros (never written) has checksum zero.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace claimgraph::graph::page_checksums {

inline constexpr const char* kVfsName = "claimgraph-checksums";
inline constexpr int kReservedBytes = 8;

// Registers the VFS (not as the default); safe to call more than once, from any thread.
void install();

// Registers a checksum VFS named `name` over the registered VFS `base` rather than the
// default one (tests put a VFS that injects I/O faults underneath); once per name.
void install_over(const std::string& base, const std::string& name);

// The checksum of a page of `size` bytes (over all but its last 8).
std::uint64_t of_page(const unsigned char* page, std::size_t size);

// The pages of the database file at `path` whose checksum does not match (1-based page
// numbers), read straight from the file; empty when the store keeps no checksums.
std::vector<std::uint32_t> damaged_pages(const std::string& path);

}  // namespace claimgraph::graph::page_checksums
