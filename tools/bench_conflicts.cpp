// claimgraph-bench-conflicts: the conflict query over stores of many figures (tools/bench
// runs it; never a test). For each size it writes a store of synthetic documents (100
// figures each, one claim per figure, topics with planted conflicts), then measures: writing
// the store, opening it (Store::load into the KnowledgeGraph), the `conflicts` query after
// load (best of 5), the resident memory the loaded graph takes per node, and precision and
// recall of the planted conflicts. Prints one JSON document on stdout.
//
// Usage: claimgraph-bench-conflicts --dir DIR --sizes 10000,100000,1000000
//        claimgraph-bench-conflicts --store FILE   (an ingested store: open it, measure the same)
//
// Like `claimgraph`, it runs with malloc on transparent huge pages (tools/huge_pages.hpp).
//
// Memory: the resident set grown by opening the store, after malloc_trim (what the graph
// holds, not the reading's freed buffers), divided by the graph's nodes.

#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "graph/sha256.hpp"
#include "graph/store.hpp"
#include "query/conflicts.hpp"
#include "tools/huge_pages.hpp"

namespace {

using namespace claimgraph;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Resident set size now, in bytes (/proc/self/statm).
std::size_t rss_bytes() {
  std::ifstream in("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  in >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// The world: topics (measure, place, year); a topic's figures tell its count, and in planted
// topics one source tells twice it.
struct Planted {
  std::set<std::string> conflicting_topics;
};

std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// A claim of the document and the figure it states, with the edges that join them to it.
void add_stated(graph::DocumentGraph& g, graph::Claim c, graph::Figure f) {
  g.edges.push_back({graph::EdgeKind::kContains, g.source.id, c.id});
  g.edges.push_back({graph::EdgeKind::kStates, c.id, f.id});
  g.claims.push_back(std::move(c));
  g.figures.push_back(std::move(f));
}

void set_text(graph::DocumentGraph& g, std::string text) {
  g.source.content_hash = graph::sha256_hex(text);
  g.source.bytes = std::move(text);
}

graph::DocumentGraph document(std::size_t d, std::size_t figures_per_doc, std::size_t topics,
                              Planted& planted) {
  graph::DocumentGraph g;
  const std::string sid = "doc" + std::to_string(d);
  g.source.id = sid;
  g.source.path = "/bench/" + sid + ".txt";
  g.source.file = sid + ".txt";
  g.source.outlet = "Outlet " + std::to_string(d % 50);
  g.source.authors = {"Author " + std::to_string(d % 200)};
  g.source.date = "2019-01-01";
  std::string text;
  for (std::size_t k = 0; k < figures_per_doc; ++k) {
    const std::uint64_t r = mix(d * 1000003 + k);
    const std::size_t topic = r % topics;
    const bool planted_topic = topic % 10 == 0;
    // In a planted topic, documents whose number is divisible by 7 tell twice the count.
    const bool doubled = planted_topic && d % 7 == 0;
    const double count = static_cast<double>(12 + topic % 37) * 1000 * (doubled ? 2 : 1);
    const std::string sentence = "In " + std::to_string(1970 + topic % 50) + ", " +
                                 std::to_string(static_cast<long>(count)) + " workers came.";
    const auto begin = static_cast<std::uint32_t>(text.size());
    text += sentence + " ";
    graph::Claim c;
    c.id = sid + ":c" + std::to_string(k + 1);
    c.source_id = sid;
    c.spans = {graph::Span{begin, static_cast<std::uint32_t>(begin + sentence.size())}};
    c.text = sentence;
    c.claimant = g.source.authors.front();
    graph::Figure f;
    f.id = sid + ":g" + std::to_string(k + 1);
    f.source_id = sid;
    f.claim_id = c.id;
    f.span = c.spans.front();
    f.text = std::to_string(static_cast<long>(count));
    f.lo = count - 500;
    f.hi = count + 500;
    f.point = count;
    f.unit = "persons";
    f.measure = "people-" + std::to_string(topic % 97) + "-workers";
    f.place = "Place " + std::to_string(topic / 97);
    f.time_from = f.time_to = std::to_string(1970 + topic % 50);
    f.claimant = c.claimant;
    if (doubled) planted.conflicting_topics.insert(f.measure + "|" + *f.place + "|" + *f.time_from);
    add_stated(g, std::move(c), std::move(f));
  }
  set_text(g, std::move(text));
  return g;
}

// One document of `claims` claims, each a sentence with one figure, its first claim a sentence
// the text repeats `repeats` times (a claim of that many spans, as ingest makes of a sentence
// said again and again): what the listings benchmark reads.
graph::DocumentGraph one_document(std::size_t claims, std::size_t repeats) {
  graph::DocumentGraph g;
  const std::string sid = "big";
  g.source.id = sid;
  g.source.path = "/bench/big.txt";
  g.source.file = "big.txt";
  g.source.outlet = "Outlet";
  g.source.authors = {"Author"};
  g.source.date = "2019-01-01";
  std::string text;
  g.claims.reserve(claims);
  g.figures.reserve(claims);
  for (std::size_t k = 0; k < claims; ++k) {
    const auto count = static_cast<long>(1000 + mix(k) % 90000);
    const std::string sentence =
        "Report " + std::to_string(k) + " said " + std::to_string(count) + " workers came.";
    graph::Claim c;
    c.id = sid + ":c" + std::to_string(k + 1);
    c.source_id = sid;
    for (std::size_t r = 0; r < (k == 0 ? repeats : 1); ++r) {
      const auto begin = static_cast<std::uint32_t>(text.size());
      text += sentence + "\n";
      c.spans.push_back(graph::Span{begin, static_cast<std::uint32_t>(begin + sentence.size())});
    }
    c.text = sentence;
    c.claimant = "Author";
    graph::Figure f;
    f.id = sid + ":g" + std::to_string(k + 1);
    f.source_id = sid;
    f.claim_id = c.id;
    const auto at = static_cast<std::uint32_t>(sentence.find(" said ") + 6);
    f.span = graph::Span{
        c.spans.front().begin + at,
        c.spans.front().begin + at + static_cast<std::uint32_t>(std::to_string(count).size())};
    f.text = std::to_string(count);
    f.lo = f.hi = static_cast<double>(count);
    f.point = static_cast<double>(count);
    f.unit = "persons";
    f.measure = "workers";
    f.claimant = c.claimant;
    add_stated(g, std::move(c), std::move(f));
  }
  set_text(g, std::move(text));
  return g;
}

}  // namespace

// Opens an ingested store and measures it as the generated ones: one JSON object.
int measure_store(const std::string& path) {
  const std::size_t rss_before = rss_bytes();
  auto t = Clock::now();
  graph::Store store(path, graph::StoreOptions{true, 2000, {}, true});
  const auto g = store.load();
  const double load_s = seconds_since(t);
  malloc_trim(0);
  const std::size_t rss_after = rss_bytes();
  double best = 1e9;
  std::size_t conflicts = 0;
  for (int rep = 0; rep < 5; ++rep) {
    t = Clock::now();
    conflicts = query::figure_conflicts(g, query::ConflictQuery{}).size();
    best = std::min(best, seconds_since(t));
  }
  std::printf(
      "{\"store\": \"%s\", \"nodes\": %zu, \"edges\": %zu, \"figures\": %zu, \"load_s\": %.3f, "
      "\"conflicts_ms\": %.3f, \"conflicts\": %zu, \"rss_bytes_per_node\": %.1f, "
      "\"rss_after_load_mb\": %.1f}\n",
      path.c_str(), g.node_count(), g.edge_count(), g.of_kind(graph::NodeKind::kFigure).size(),
      load_s, best * 1000, conflicts,
      static_cast<double>(rss_after - std::min(rss_before, rss_after)) / g.node_count(),
      static_cast<double>(rss_after) / 1e6);
  return 0;
}

int main(int argc, char** argv) {
  // As `claimgraph` runs: what is measured is what a user gets.
  claimgraph::tools::use_huge_pages(argv);
  CLI::App app{"claimgraph-bench-conflicts: the conflict query over stores of many figures"};
  std::string dir;
  std::string store_path;
  std::string sizes_text = "10000,100000,1000000";
  bool csv = false;
  auto* dir_option = app.add_option("--dir", dir, "folder for the generated stores");
  app.add_option("--store", store_path, "measure this ingested store instead")
      ->excludes(dir_option);
  app.add_flag("--csv", csv,
               "also write each size's figures as CSV (figures, buckets, in) for other engines");
  app.add_option("--sizes", sizes_text, "figure counts, comma-separated");
  std::size_t one_document_claims = 0;
  std::size_t repeats = 1;
  app.add_option("--one-document", one_document_claims,
                 "write DIR/one-document-N.db instead: one document of N claims, each with a "
                 "figure, the first repeated --repeats times");
  app.add_option("--repeats", repeats, "spans of the first claim of --one-document");
  CLI11_PARSE(app, argc, argv);
  if (one_document_claims > 0 && !dir.empty()) {
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/one-document-" + std::to_string(one_document_claims) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    graph::Store store(path);
    store.put(one_document(one_document_claims, std::max<std::size_t>(1, repeats)), "k");
    std::cout << path << "\n";
    return 0;
  }
  if (!store_path.empty()) {
    try {
      return measure_store(store_path);
    } catch (const graph::StoreError& e) {
      std::cerr << "claimgraph-bench-conflicts: " << e.what() << "\n";  // names the file
      return 1;
    }
  }
  if (dir.empty()) {
    std::cerr << "claimgraph-bench-conflicts: --dir or --store is required\n";
    return 2;
  }
  std::vector<std::size_t> sizes;
  std::stringstream list(sizes_text);
  for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::stoul(item));
  std::filesystem::create_directories(dir);

  std::ostringstream json;
  json << "{\"runs\": [";
  bool first = true;
  for (const auto n : sizes) {
    const std::size_t per_doc = 100;
    const std::size_t docs = std::max<std::size_t>(1, n / per_doc);
    // About 25 figures a topic, whatever the size: conflicts stay local, as in news.
    const std::size_t topics = std::max<std::size_t>(10, n / 25);
    const std::string path = dir + "/figures-" + std::to_string(n) + ".db";
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    Planted planted;
    auto t = Clock::now();
    {
      graph::Store store(path);
      for (std::size_t d = 0; d < docs; ++d) store.put(document(d, per_doc, topics, planted), "k");
    }
    const double write_s = seconds_since(t);

    const std::size_t rss_before = rss_bytes();
    t = Clock::now();
    graph::Store store(path, graph::StoreOptions{true, 2000, {}, true});
    const auto g = store.load();
    const double load_s = seconds_since(t);
    malloc_trim(0);
    const std::size_t rss_after = rss_bytes();
    const std::size_t nodes = g.of_kind(graph::NodeKind::kSource).size() +
                              g.of_kind(graph::NodeKind::kClaim).size() +
                              g.of_kind(graph::NodeKind::kFigure).size();

    double best = 1e9;
    std::vector<query::Conflict> found;
    for (int rep = 0; rep < 5; ++rep) {
      t = Clock::now();
      found = query::figure_conflicts(g, query::ConflictQuery{});
      best = std::min(best, seconds_since(t));
    }
    // The conflicting pairs behind the groups, for engines that count pairs.
    const auto& index = g.figure_index();
    const auto pairs = query::conflicting_pairs(index.order).size();
    if (csv) {
      // Figures with a bucket number (one measure, unit and place) and an IN relation to it.
      std::ofstream figures(dir + "/figures-" + std::to_string(n) + ".csv");
      std::ofstream in(dir + "/in-" + std::to_string(n) + ".csv");
      std::ofstream buckets(dir + "/buckets-" + std::to_string(n) + ".csv");
      std::uint32_t last_bucket = UINT32_MAX;
      std::set<std::string> sources;
      for (std::size_t k = 0; k < index.order.scan.size(); ++k) {
        const auto i = index.order.scan[k].index;
        const auto f = g.figure_facts(index.vertices[i]);
        const auto b = index.order.bucket[k];
        if (b != last_bucket) buckets << b << "\n";
        last_bucket = b;
        const std::string source(f.source);
        figures << i << "," << f.lo << "," << f.hi << "," << f.from << "," << f.to << ","
                << source.substr(3) << "\n";
        in << i << "," << b << "\n";
      }
    }
    // A conflict is right when its topic is planted; every planted topic should have one.
    std::set<std::string> found_topics;
    std::size_t right = 0;
    for (const auto& c : found) {
      const auto& f = g.figure(c.sides.front().figures.front());
      const auto key = f.measure + "|" + *f.place + "|" + *f.time_from;
      found_topics.insert(key);
      right += planted.conflicting_topics.count(key);
    }
    std::size_t recalled = 0;
    for (const auto& k : planted.conflicting_topics) recalled += found_topics.count(k);
    const double precision = found.empty() ? 1.0 : static_cast<double>(right) / found.size();
    const double recall = planted.conflicting_topics.empty()
                              ? 1.0
                              : static_cast<double>(recalled) / planted.conflicting_topics.size();
    char row[640];
    std::snprintf(row, sizeof row,
                  "%s{\"figures\": %zu, \"nodes\": %zu, \"documents\": %zu, \"write_s\": %.3f, "
                  "\"load_s\": %.3f, \"conflicts_ms\": %.3f, \"conflicts\": %zu, "
                  "\"pairs\": %zu, \"planted\": %zu, \"precision\": %.4f, \"recall\": %.4f, "
                  "\"rss_bytes_per_node\": %.1f, \"rss_after_load_mb\": %.1f}",
                  first ? "" : ", ", g.of_kind(graph::NodeKind::kFigure).size(), nodes, docs,
                  write_s, load_s, best * 1000, found.size(), pairs,
                  planted.conflicting_topics.size(), precision, recall,
                  static_cast<double>(rss_after - std::min(rss_before, rss_after)) / nodes,
                  static_cast<double>(rss_after) / 1e6);
    json << row;
    first = false;
    std::cerr << "conflicts bench: " << n << " figures done\n";
  }
  json << "]}\n";
  std::cout << json.str();
  return 0;
}
