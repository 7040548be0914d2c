// libFuzzer harness for the HTML reader: any bytes in as a saved page (charset, nesting
// check, gumbo, main text, metadata), and what comes out must hold together. Built with
// clang by `tools/fuzz SECONDS html`, seeded from tests/data/pages and the saved pages of
// ../shared/external.
//
// What is checked on every input:
// - no crash, no sanitizer report, no hang (libFuzzer's timeout), no memory blow-up
//   (libFuzzer's -rss_limit_mb);
// - the decoded page and the main text are valid UTF-8;
// - parts lie inside the text, in order, without overlapping; offset pairs ascend and point
//   inside the decoded page; note markers lie inside the text;
// - reading twice gives the same text (the reader keeps no state between calls).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_support.hpp"
#include "ingest/html/charset.hpp"
#include "ingest/html/dom.hpp"
#include "ingest/html/page.hpp"

namespace {

namespace html = claimgraph::ingest::html;
using claimgraph::fuzz::lexicons;
using claimgraph::fuzz::valid_utf8;

[[noreturn]] void broken(const char* what, std::size_t size) {
  claimgraph::fuzz::broken("html_fuzz", what, size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto decoded = html::decode_page(input);
  if (!valid_utf8(decoded.utf8)) broken("decoded page is not UTF-8", size);
  for (const auto& w : decoded.warnings) {
    if (w.offset > size) broken("warning offset outside the input", size);
  }
  if (html::nesting_over(decoded.utf8, html::kMaxNesting) != std::string_view::npos) return 0;
  const auto& lex = lexicons();
  const auto page = html::read_page(decoded.utf8, lex.page, *lex.figures, "https://example.test/a");
  if (!valid_utf8(page.text)) broken("main text is not UTF-8", size);
  std::uint32_t previous = 0;
  for (const auto& p : page.parts) {
    if (p.span.begin < previous || p.span.end < p.span.begin || p.span.end > page.text.size())
      broken("part outside the text or out of order", size);
    previous = p.span.end;
  }
  std::uint32_t last_text = 0;
  for (const auto& [t, g] : page.offsets) {
    if (t < last_text || t > page.text.size() || g > decoded.utf8.size())
      broken("offset pair out of order or outside", size);
    last_text = t;
  }
  for (const auto& m : page.markers) {
    if (m.offset > page.text.size() || m.label.empty()) broken("marker outside the text", size);
  }
  const auto again =
      html::read_page(decoded.utf8, lex.page, *lex.figures, "https://example.test/a");
  if (again.text != page.text) broken("second read differs", size);
  return 0;
}
