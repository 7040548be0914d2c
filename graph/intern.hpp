#pragma once
// Interned strings: one copy of each distinct string for the life of the process, shared by
// every graph and thread. The measures, units, places, claimants and local ids a graph holds
// repeat across millions of nodes; a node keeps an 8-byte pointer to the one copy, and two
// interned strings are equal exactly when their pointers are.

#include <string>
#include <string_view>

namespace claimgraph::graph {

// The one copy of `s`, made on first use. Thread-safe; the pointer stays valid for the life of
// the process.
const std::string* intern(std::string_view s);
// The copy of `s` if it was interned, else nullptr (nothing is added).
const std::string* find_interned(std::string_view s);

}  // namespace claimgraph::graph
