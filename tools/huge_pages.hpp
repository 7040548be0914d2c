#pragma once
// Transparent huge pages for malloc, shared by `claimgraph` and the benchmarks that measure
// what it does.

#include <cstdlib>

#include <unistd.h>

namespace claimgraph::tools {

// A loaded store is hundreds of megabytes of tables written once: with 4 KiB pages, faulting
// them in took a quarter of opening a store of 1 M figures. glibc's malloc backs its large
// chunks with transparent huge pages when told so by a tunable, which glibc reads only at
// start: the process starts itself again once with it set. A GLIBC_TUNABLES the user set is
// left as it is (and with it, this).
inline void use_huge_pages(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  if (std::getenv("GLIBC_TUNABLES") != nullptr) return;
  if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0) return;
  execv("/proc/self/exe", argv);  // returns only on failure: then go on as we are
  unsetenv("GLIBC_TUNABLES");
#else
  (void)argv;
#endif
}

}  // namespace claimgraph::tools
