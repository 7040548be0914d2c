// libFuzzer harness for the figure recognizer (FigureFinder::find): any bytes in, and the
// figures that come out must hold together. Built with clang by tools/fuzz, which seeds it
// from corpus/ and the suites of ../shared/external.
//
// What is checked on every input:
// - no crash, no sanitizer report, no hang (libFuzzer's timeout);
// - every figure's span and number lie inside the input, the number inside the span, and
//   figures come in text order without overlapping one another;
// - values are numbers, not NaN; lo <= hi; a point lies in [lo, hi] unless the figure is a
//   bound (whose other end is open);
// - finding twice gives the same figures (the finder keeps no state between calls).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <string_view>

#include "fuzz_support.hpp"
#include "ingest/figures/figures.hpp"

namespace {

using claimgraph::ingest::figures::FigureFinder;
using claimgraph::ingest::figures::FoundFigure;

const FigureFinder& finder() {
  static const FigureFinder f(claimgraph::fuzz::lexicons().figures);
  return f;
}

[[noreturn]] void broken(const char* what, std::string_view input) {
  claimgraph::fuzz::broken("figures_fuzz", what, input.size());
}

bool same(const FoundFigure& a, const FoundFigure& b) {
  const auto eq = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  return a.span.begin == b.span.begin && a.span.end == b.span.end &&
         a.number.begin == b.number.begin && a.number.end == b.number.end && a.form == b.form &&
         eq(a.lo, b.lo) && eq(a.hi, b.hi) && a.point.has_value() == b.point.has_value() &&
         (!a.point || eq(*a.point, *b.point)) && a.unit == b.unit && a.minor == b.minor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto found = finder().find(input);
  std::uint32_t previous_end = 0;
  for (const auto& f : found) {
    if (f.span.end > input.size() || f.span.begin > f.span.end) broken("span outside input", input);
    if (f.number.begin < f.span.begin || f.number.end > f.span.end || f.number.begin > f.number.end)
      broken("number outside its figure", input);
    if (f.span.begin < previous_end) broken("figures overlap or are out of order", input);
    previous_end = f.span.end;
    if (std::isnan(f.lo) || std::isnan(f.hi)) broken("NaN bound", input);
    if (f.lo > f.hi) broken("lo above hi", input);
    if (f.point) {
      if (std::isnan(*f.point)) broken("NaN point", input);
      if (f.bound == claimgraph::graph::Bound::kNone && !std::isinf(*f.point) &&
          (*f.point < f.lo - std::abs(f.lo) * 1e-9 || *f.point > f.hi + std::abs(f.hi) * 1e-9))
        broken("point outside its interval", input);
    }
  }
  const auto again = finder().find(input);
  if (again.size() != found.size()) broken("second call differs", input);
  for (std::size_t i = 0; i < found.size(); ++i)
    if (!same(found[i], again[i])) broken("second call differs", input);
  return 0;
}
