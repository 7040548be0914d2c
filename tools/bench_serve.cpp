// The HTTP server's benchmark that tools/bench runs: N clients, each with its own keep-alive
// connection, ask one path of a running `claimgraph serve` as fast as it answers for a few
// seconds; prints JSON: requests, requests/s, p50 and p99 latency in ms, failures.
//
// Usage: claimgraph-bench-serve --port P --path /api/conflicts --clients 1,2,8 --seconds 5

#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Run {
  std::size_t clients = 0;
  std::size_t requests = 0;
  std::size_t failures = 0;
  double seconds = 0;
  double p50_ms = 0;
  double p99_ms = 0;
};

Run load(int port, const std::string& path, std::size_t clients, double seconds) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::vector<double>> latencies(clients);
  std::vector<std::size_t> failures(clients, 0);
  const auto start = Clock::now();
  const auto until = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (std::size_t c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      while (Clock::now() < until) {
        const auto t0 = Clock::now();
        const auto res = client.Get(path);
        const auto t1 = Clock::now();
        if (!res || res->status != 200) {
          ++failures[c];
          continue;
        }
        latencies[c].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      }
    });
  }
  for (auto& t : threads) t.join();
  Run run;
  run.clients = clients;
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (std::size_t c = 0; c < clients; ++c) {
    all.insert(all.end(), latencies[c].begin(), latencies[c].end());
    run.failures += failures[c];
  }
  std::sort(all.begin(), all.end());
  run.requests = all.size();
  if (!all.empty()) {
    run.p50_ms = all[all.size() / 2];
    run.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  }
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimgraph-bench-serve: requests/s and latency of a running claimgraph serve"};
  int port = 0;
  std::string path = "/api/conflicts";
  std::string clients_text = "1,2,8";
  double seconds = 5;
  app.add_option("--port", port, "the server's port")->required();
  app.add_option("--path", path, "the path asked for");
  app.add_option("--clients", clients_text, "concurrent clients, comma-separated");
  app.add_option("--seconds", seconds, "seconds per client count");
  CLI11_PARSE(app, argc, argv);
  std::ostringstream out;
  out << "{\"path\": \"" << path << "\", \"runs\": [";
  std::stringstream list(clients_text);
  std::string item;
  bool first = true;
  while (std::getline(list, item, ',')) {
    const auto run = load(port, path, static_cast<std::size_t>(std::stoul(item)), seconds);
    out << (first ? "" : ", ") << "{\"clients\": " << run.clients << ", \"requests\": "
        << run.requests << ", \"failures\": " << run.failures << ", \"seconds\": " << run.seconds
        << ", \"requests_per_s\": " << static_cast<double>(run.requests) / run.seconds
        << ", \"p50_ms\": " << run.p50_ms << ", \"p99_ms\": " << run.p99_ms << "}";
    first = false;
  }
  out << "]}";
  std::puts(out.str().c_str());
  return 0;
}
