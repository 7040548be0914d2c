// libFuzzer harness for the store's loader on a damaged database file: any bytes as a
// claimgraph.db (seeded with small stores ingested from corpus/ and tests/data/, so mutations
// are mostly damaged stores rather than non-databases). Built with clang by `tools/fuzz store`.
//
// Checked on every input: opening, `check` and loading either succeed or throw StoreError
// (one message naming the file), never crash, trip a sanitizer or hang; what loads is a graph
// whose figures belong to loaded claims.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "fuzz_support.hpp"
#include "graph/store.hpp"

namespace {

using claimgraph::fuzz::broken;
constexpr const char* kTarget = "store_fuzz";

std::string scratch() {
  static const std::string path = "/tmp/claimgraph-store-fuzz-" + std::to_string(getpid()) + ".db";
  return path;
}

void remove_scratch() {
  for (const char* suffix : {"", "-wal", "-shm", "-journal", "-lock"}) {
    std::remove((scratch() + suffix).c_str());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  remove_scratch();
  {
    std::ofstream out(scratch(), std::ios::binary);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  namespace graph = claimgraph::graph;
  try {
    graph::StoreOptions read_only;
    read_only.read_only = true;
    graph::Store store(scratch(), read_only);
    const auto g = store.load();
    for (const auto v : g.of_kind(graph::NodeKind::kFigure)) {
      if (!g.claim_of_figure(v)) broken(kTarget, "a figure of no claim loaded", size);
    }
    store.verdicts();
  } catch (const graph::StoreError& e) {
    if (std::string(e.what()).find(scratch()) == std::string::npos) {
      broken(kTarget, "a store error that does not name the file", size);
    }
  }
  try {
    graph::StoreOptions as_is;
    as_is.read_only = true;
    as_is.check_pages = false;
    graph::Store store(scratch(), as_is);
    store.check(20);
  } catch (const graph::StoreError&) {
  }
  remove_scratch();
  return 0;
}
