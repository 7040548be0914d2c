#pragma once
// What every libFuzzer harness of tests/fuzz shares: the lexicons (loaded once), a finding
// reported as one line and an abort (libFuzzer keeps the input), and a UTF-8 check.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ingest/file_system.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/text_check.hpp"

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

inline bool valid_utf8(std::string_view s) { return ingest::is_utf8(s); }

}  // namespace claimgraph::fuzz
