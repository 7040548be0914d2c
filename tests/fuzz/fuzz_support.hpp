#pragma once
// What every libFuzzer harness of tests/fuzz shares: the lexicons (loaded once), a finding
// reported as one line and an abort (libFuzzer keeps the input), and a UTF-8 check.

#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ingest/file_system.hpp"
#include "ingest/lexicon.hpp"

namespace claimgraph::fuzz {

inline const ingest::Lexicons& lexicons() {
  static const auto lex = [] {
    const ingest::DiskFileSystem fs;
    return ingest::load_lexicons(ingest::default_lexicon_dir(), fs);
  }();
  return lex;
}

[[noreturn]] inline void broken(const char* target, const char* what, std::size_t size) {
  std::fprintf(stderr, "%s: %s on input of %zu bytes\n", target, what, size);
  std::abort();
}

inline bool valid_utf8(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace claimgraph::fuzz
