#pragma once
// `claimgraph serve` as the tests run it: on a free port, its URL read from its first line,
// stopped with SIGTERM at the end.

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <string>
#include <thread>

#include "support/support.hpp"

namespace claimgraph::testing {

class Server {
 public:
  Server(const TempDir& dir, const std::string& db) : out_(dir / "serve.out") {
    pid_ = spawn_claimgraph({"serve", "--db", db, "--port", "0"}, out_, dir / "serve.err");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string out = read_file_if_any(out_);
      const auto at = out.find("http://");
      const auto end = out.find("/ ", at);
      if (at != std::string::npos && end != std::string::npos) {
        url_ = out.substr(at, end + 1 - at);
        port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~Server() {
    if (pid_ > 0) stop();
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  bool ready() const { return !url_.empty(); }
  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT/"
  int port() const { return port_; }
  // SIGTERM, then its exit code; its stdout in `output`.
  int stop(std::string* output = nullptr) {
    kill(pid_, SIGTERM);
    const int code = wait_exit(pid_);
    pid_ = -1;
    if (output) *output = read_file_if_any(out_);
    return code;
  }

 private:
  static std::string read_file_if_any(const std::string& path);
  std::string out_;
  int pid_ = -1;
  std::string url_;
  int port_ = 0;
};

inline std::string Server::read_file_if_any(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  std::string s;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  std::fclose(f);
  return s;
}

}  // namespace claimgraph::testing
