// libFuzzer harness for the whole document path of a text article: the text check, then the
// Ingester (segmenter with footnotes and furniture, sentences, figures in every language and
// their scope, references, actors, attribution, stance, claims). Built with clang by
// `tools/fuzz document`, seeded from corpus/, tests/data/ and the real sentences of
// ../shared/external.
//
// What is checked on every input the text check accepts:
// - no crash, no sanitizer report, no hang, no memory blow-up;
// - every span of a claim, figure and reference lies inside the text, figures inside their
//   claims' sentences; every id is unique; every edge joins ids the document has (or actors);
// - a figure's interval is not NaN, lo <= hi, its point finite; a count of persons >= 0;
// - ingesting the same text twice gives the same graph.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_support.hpp"
#include "ingest/document.hpp"
#include "ingest/ingester.hpp"
#include "ingest/text_check.hpp"

namespace {

using claimgraph::fuzz::broken;
constexpr const char* kTarget = "document_fuzz";

claimgraph::ingest::Ingester& ingester() {
  static claimgraph::ingest::Ingester i(claimgraph::fuzz::lexicons());
  return i;
}

void check(const claimgraph::graph::DocumentGraph& g, std::size_t size) {
  std::set<std::string> ids = {g.source.id};
  const auto inside = [&](claimgraph::graph::Span s) {
    return s.begin <= s.end && s.end <= size;
  };
  for (const auto& c : g.claims) {
    if (!ids.insert(c.id).second) broken(kTarget, "a claim id twice", size);
    if (c.spans.empty()) broken(kTarget, "a claim without a span", size);
    for (const auto s : c.spans) {
      if (!inside(s)) broken(kTarget, "a claim span outside the text", size);
    }
  }
  for (const auto& f : g.figures) {
    if (!ids.insert(f.id).second) broken(kTarget, "a figure id twice", size);
    if (!inside(f.span)) broken(kTarget, "a figure span outside the text", size);
    if (std::isnan(f.lo) || std::isnan(f.hi) || f.lo > f.hi) broken(kTarget, "a bad interval", size);
    if (f.point && !std::isfinite(*f.point)) broken(kTarget, "an infinite point", size);
    if (f.unit == "persons" && f.lo < 0) broken(kTarget, "a negative count of persons", size);
    if (!ids.count(f.claim_id)) broken(kTarget, "a figure of no claim", size);
  }
  for (const auto& r : g.references) {
    if (!ids.insert(r.id).second) broken(kTarget, "a reference id twice", size);
    if (!inside(r.span)) broken(kTarget, "a reference span outside the text", size);
  }
  std::set<std::string> actors;
  for (const auto& a : g.actors) actors.insert(a.id);
  for (const auto& e : g.edges) {
    const auto known = [&](const std::string& id) { return ids.count(id) || actors.count(id); };
    if (!known(e.from) || !known(e.to)) broken(kTarget, "an edge to an unknown id", size);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  claimgraph::ingest::Document doc;
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  if (claimgraph::ingest::check_text("fuzz.txt", doc.bytes)) return 0;  // refused: fine
  doc.path = "/fuzz/fuzz.txt";
  doc.shown = "fuzz.txt";
  doc.file = "fuzz.txt";
  doc.stem = "fuzz";
  const auto result = ingester().ingest(doc, "fuzz");
  if (result.rejected) return 0;
  check(result.graph, size);
  const auto again = ingester().ingest(doc, "fuzz");
  if (again.graph.claims.size() != result.graph.claims.size() ||
      again.graph.figures.size() != result.graph.figures.size() ||
      again.graph.edges != result.graph.edges) {
    broken(kTarget, "a second ingest differs", size);
  }
  return 0;
}
