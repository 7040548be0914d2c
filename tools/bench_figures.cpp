// claimgraph-bench-figures: how fast FigureFinder reads text, for tools/bench.
//
//   claimgraph-bench-figures FILE          one JSON object: {tool, bytes, lines, seconds,
//                                          figures, mb_per_s, startup_seconds, total_seconds}
//   claimgraph-bench-figures --spans FILE  one JSON line per figure: {begin, end, lo, hi,
//                                          point, unit}
//
// The unit of text is a line: FILE is split on "\n" and empty lines are skipped, exactly as
// tools/bench_node/recognizers.mjs does for the tool it is compared with. `seconds` covers
// the extraction only (every line through FigureFinder::find, monotonic clock);
// `startup_seconds` is loading the lexicons and building the finder; MB = 10^6 bytes.
// Spans are UTF-8 byte offsets into FILE, end exclusive; null stands for an unbounded end
// and for a range's missing point. Errors: one line on stderr, exit status 1 (2 for usage).

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/json_writer.hpp"
#include "ingest/figures/figures.hpp"
#include "ingest/file_system.hpp"
#include "ingest/lexicon.hpp"

namespace {

using namespace claimgraph;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Non-empty lines of `text`, as absolute byte spans.
std::vector<graph::Span> split_lines(std::string_view text) {
  std::vector<graph::Span> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) {
      lines.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    }
    begin = end + 1;
  }
  return lines;
}

void write_number(graph::json::CompactWriter& out, double value) {
  if (std::isfinite(value)) {
    out.Double(value);
  } else {
    out.Null();
  }
}

void print_spans(const ingest::figures::FigureFinder& finder, std::string_view text,
                 const std::vector<graph::Span>& lines) {
  for (const graph::Span& line : lines) {
    for (const ingest::figures::FoundFigure& figure : finder.find(text, line)) {
      // A minor numeral ("one of them") is no figure of a claim: the ingester leaves it out,
      // and so does the precision scored here.
      if (figure.minor) continue;
      graph::json::Compact json;
      auto& out = json.writer;
      out.StartObject();
      out.Key("begin");
      out.Uint(figure.span.begin);
      out.Key("end");
      out.Uint(figure.span.end);
      out.Key("lo");
      write_number(out, figure.lo);
      out.Key("hi");
      write_number(out, figure.hi);
      out.Key("point");
      write_number(out, figure.point.value_or(std::numeric_limits<double>::quiet_NaN()));
      out.Key("unit");
      graph::json::string(out, figure.unit);
      out.EndObject();
      std::cout << json.line();
    }
  }
}

void print_speed(const ingest::figures::FigureFinder& finder, std::string_view text,
                 const std::vector<graph::Span>& lines, double startup,
                 Clock::time_point process_start) {
  std::size_t figures = 0;
  const Clock::time_point start = Clock::now();
  for (const graph::Span& line : lines) figures += finder.find(text, line).size();
  const double extraction = seconds_since(start);

  graph::json::Compact json;
  auto& out = json.writer;
  out.StartObject();
  out.Key("tool");
  out.String("claimgraph FigureFinder");
  out.Key("bytes");
  out.Uint64(text.size());
  out.Key("lines");
  out.Uint64(lines.size());
  out.Key("seconds");
  out.Double(extraction);
  out.Key("figures");
  out.Uint64(figures);
  out.Key("mb_per_s");
  write_number(out, static_cast<double>(text.size()) / 1e6 / extraction);
  out.Key("startup_seconds");
  out.Double(startup);
  out.Key("total_seconds");
  out.Double(seconds_since(process_start));
  out.EndObject();
  std::cout << json.line();
}

int run(bool spans, const std::string& path, Clock::time_point process_start) {
  const ingest::DiskFileSystem fs;
  const std::optional<std::string> text = fs.read(path);
  if (!text) {
    std::cerr << "claimgraph-bench-figures: cannot read " << path << '\n';
    return 1;
  }
  if (text->size() > std::numeric_limits<std::uint32_t>::max()) {
    std::cerr << "claimgraph-bench-figures: " << path << " is over 4 GiB, the span limit\n";
    return 1;
  }
  const std::vector<graph::Span> lines = split_lines(*text);

  const Clock::time_point startup_begin = Clock::now();
  const ingest::Lexicons lexicons = ingest::load_lexicons(ingest::default_lexicon_dir(), fs);
  const ingest::figures::FigureFinder finder(lexicons.figures);
  const double startup = seconds_since(startup_begin);

  if (spans) {
    print_spans(finder, *text, lines);
  } else {
    print_speed(finder, *text, lines, startup, process_start);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Clock::time_point process_start = Clock::now();
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  const bool spans = !args.empty() && args.front() == "--spans";
  if (args.size() != (spans ? 2U : 1U)) {
    std::cerr << "usage: claimgraph-bench-figures [--spans] FILE\n";
    return 2;
  }
  try {
    return run(spans, std::string(args.back()), process_start);
  } catch (const std::exception& e) {
    std::cerr << "claimgraph-bench-figures: " << e.what() << '\n';
    return 1;
  }
}
