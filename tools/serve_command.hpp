#pragma once
// `claimgraph serve`: the query engine over HTTP (cpp-httplib) and the web page for
// fact-checkers. GET /api/<command>?<options> answers exactly what `claimgraph <command>
// <options> --json` prints; errors are JSON with their status (400 bad option, 404 no such
// command or id, 405 a write to a read-only server, 413 too large). Read-only unless
// --allow-ingest: then POST /api/ingest?name=FILE[&meta=JSON] stores the body as FILE (a .txt
// or .html article) beside the store and ingests it, and answers what `claimgraph ingest
// --json` prints. Localhost unless --host says otherwise; a bounded pool of workers and
// request size; SIGINT or SIGTERM stop it cleanly.

#include <cstddef>
#include <string>

namespace claimgraph::tools {

struct ServeOptions {
  std::string db;
  std::string lexicon_dir;
  std::string host = "127.0.0.1";  // localhost unless asked otherwise
  int port = 8080;                 // 0: any free port (printed)
  std::size_t threads = 4;         // workers answering requests
  std::size_t max_body = std::size_t{1} << 20;  // bytes a request may carry (413 beyond)
  bool allow_ingest = false;  // POST /api/ingest (the uploads go to DB-uploads/)
  // Answers kept for asking again (the store does not change under a read-only server);
  // 0 keeps none. Default 64 MB.
  std::size_t cache_bytes = std::size_t{64} << 20;
};

// Serves until SIGINT or SIGTERM; returns the exit code. Prints the URL on stdout once ready.
int run_serve(const ServeOptions& options);

}  // namespace claimgraph::tools
