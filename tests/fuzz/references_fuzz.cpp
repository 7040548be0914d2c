// libFuzzer harness for the reference parser: any UTF-8 text as one footnote (authors in
// Latin, Cyrillic or Hangul, titles in quotes or guillemets, venues, dates, URLs). Built with
// clang by `tools/fuzz references`, seeded from the corpus's footnotes and the AnyStyle and
// GROBID reference suites of ../shared/external.
//
// Checked on every input: no crash, no sanitizer report, no hang; every field UTF-8; a date
// looks like YYYY[-MM[-DD]]; parsing twice gives the same work and the same key.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz_support.hpp"
#include "ingest/references/references.hpp"

namespace {

using claimgraph::fuzz::broken;
namespace references = claimgraph::ingest::references;
constexpr const char* kTarget = "references_fuzz";

const references::ReferenceParser& parser() {
  static const references::ReferenceParser p(claimgraph::fuzz::lexicons().references);
  return p;
}

bool date_like(const std::string& d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (!claimgraph::fuzz::valid_utf8(input)) return 0;
  const auto parsed = parser().parse(input);
  const auto& w = parsed.work;
  for (const auto* field : {&w.title, &w.title_original, &w.title_romanized,
                            &w.venue, &w.venue_original, &w.language, &w.script}) {
    if (*field && !claimgraph::fuzz::valid_utf8(**field)) broken(kTarget, "a field not UTF-8", size);
  }
  for (const auto& a : w.authors) {
    if (!claimgraph::fuzz::valid_utf8(a)) broken(kTarget, "an author not UTF-8", size);
  }
  if (w.date && !date_like(*w.date)) broken(kTarget, "a date not YYYY[-MM[-DD]]", size);
  const auto key = parser().work_key(w);
  if (!claimgraph::fuzz::valid_utf8(key)) broken(kTarget, "a key not UTF-8", size);
  const auto again = parser().parse(input);
  if (again.work.title != w.title || again.work.authors != w.authors || again.work.date != w.date ||
      parser().work_key(again.work) != key) {
    broken(kTarget, "a second parse differs", size);
  }
  return 0;
}
