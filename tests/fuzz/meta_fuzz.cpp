// libFuzzer harness for the .meta.json reader: any bytes as a sidecar. Built with clang by
// `tools/fuzz meta`, seeded from the corpus's and tests/data's .meta.json files.
//
// Checked on every input: no crash, no sanitizer report, no hang (the reader is iterative:
// deep nesting costs heap, not stack); an accepted file gives UTF-8 values without control
// characters; a refused one a message naming the file.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "ingest/metadata.hpp"

namespace {

using claimgraph::fuzz::broken;
constexpr const char* kTarget = "meta_fuzz";

bool printable(std::string_view s) {
  for (const unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) return false;
  }
  return claimgraph::fuzz::valid_utf8(s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto parsed = claimgraph::ingest::parse_metadata(input, "fuzz.meta.json");
  if (const auto* error = std::get_if<claimgraph::ingest::Diagnostic>(&parsed)) {
    if (error->to_string().find("fuzz.meta.json") == std::string::npos) {
      broken(kTarget, "an error that does not name the file", size);
    }
    return 0;
  }
  const auto& m = std::get<claimgraph::ingest::Metadata>(parsed);
  for (const auto* field : {&m.title, &m.outlet, &m.date, &m.url, &m.language}) {
    if (*field && !printable(**field)) broken(kTarget, "a value not printable UTF-8", size);
  }
  for (const auto& a : m.authors) {
    if (!printable(a)) broken(kTarget, "an author not printable UTF-8", size);
  }
  return 0;
}
