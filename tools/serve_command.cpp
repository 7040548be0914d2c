#include "tools/serve_command.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <list>
#include <optional>
#include <unordered_map>
#include <mutex>
#include <thread>

#include "graph/json_writer.hpp"
#include "graph/store.hpp"
#include "ingest/document.hpp"
#include "ingest/inputs.hpp"
#include "ingest/run.hpp"
#include "query/engine.hpp"
#include "tools/exit_codes.hpp"
#include "tools/web_assets.hpp"

namespace claimgraph::tools {
namespace {

std::string error_json(const std::string& message) {
  graph::json::Compact out;
  out.writer.StartObject();
  out.writer.Key("error");
  graph::json::string(out.writer, message);
  out.writer.EndObject();
  return out.line();
}

// A header value: printable ASCII only, lines joined.
std::string header_safe(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      if (!out.empty()) out += " | ";
    } else if (c >= 0x20 && c < 0x7F) {
      out += c;
    }
  }
  while (out.size() >= 3 && out.ends_with(" | ")) out.resize(out.size() - 3);
  return out;
}

int status_of(query::Status s) {
  switch (s) {
    case query::Status::kOk: return 200;
    case query::Status::kBadRequest: return 400;
    case query::Status::kNotFound: return 404;
  }
  return 500;
}

// Answers by request, least recently used dropped first once over `capacity` bytes.
class AnswerCache {
 public:
  explicit AnswerCache(std::size_t capacity) : capacity_(capacity) {}
  std::optional<query::Response> get(const std::string& key) {
    if (capacity_ == 0) return std::nullopt;
    const std::lock_guard lock(mutex_);
    const auto it = map_.find(key);
    if (it == map_.end()) return std::nullopt;
    order_.splice(order_.begin(), order_, it->second.second);
    return it->second.first;
  }
  void clear() {
    const std::lock_guard lock(mutex_);
    map_.clear();
    order_.clear();
    used_ = 0;
  }
  void put(const std::string& key, const query::Response& r) {
    const std::size_t size = key.size() + r.out.size() + r.note.size();
    if (capacity_ == 0 || size > capacity_) return;
    const std::lock_guard lock(mutex_);
    if (map_.count(key)) return;
    order_.push_front(key);
    map_.emplace(key, std::make_pair(r, order_.begin()));
    used_ += size;
    while (used_ > capacity_ && !order_.empty()) {
      const auto& last = order_.back();
      const auto& old = map_.at(last).first;
      used_ -= last.size() + old.out.size() + old.note.size();
      map_.erase(last);
      order_.pop_back();
    }
  }

 private:
  std::size_t capacity_;
  std::size_t used_ = 0;
  std::mutex mutex_;
  std::list<std::string> order_;
  std::unordered_map<std::string, std::pair<query::Response, std::list<std::string>::iterator>> map_;
};

// A name an upload may have: a plain file name (no folder, no leading dot) of an article.
bool upload_name(const std::string& name) {
  if (name.empty() || name.size() > 200 || name[0] == '.') return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return ingest::is_page_file(name) || name.ends_with(".txt");
}

// POST /api/ingest: the body stored as DB-uploads/NAME (and NAME's .meta.json from `meta`),
// ingested while no query runs, so no reader sees half a document; the answers kept so far
// are forgotten.
void ingest_upload(const ServeOptions& options, const httplib::Request& req,
                   httplib::Response& res, query::Engine& engine, std::mutex& engine_mutex,
                   AnswerCache& cache) {
  const std::string name = req.get_param_value("name");
  if (!upload_name(name)) {
    res.status = 400;
    res.set_content(error_json("name must be a file name ending in .txt, .html or .htm "
                               "(letters, digits, '-', '_', '.')"),
                    "application/json");
    return;
  }
  const std::filesystem::path folder = options.db + "-uploads";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  const auto path = folder / name;
  const auto meta = std::filesystem::path(ingest::metadata_path_for(path.string()));
  const auto write = [](const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out);
  };
  const std::lock_guard lock(engine_mutex);
  if (!write(path, req.body) ||
      (req.has_param("meta") ? !write(meta, req.get_param_value("meta"))
                             : (std::filesystem::remove(meta, ec), false))) {
    res.status = 500;
    res.set_content(error_json("cannot write the upload beside the store"), "application/json");
    return;
  }
  ingest::RunResult run;
  try {
    run = ingest::run_ingest(ingest::RunOptions{{path.string()}, options.db, options.lexicon_dir, 1, {}, ""},
                             ingest::RunEvents{});
  } catch (const std::exception& e) {
    res.status = 500;
    res.set_content(error_json(e.what()), "application/json");
    return;
  }
  engine.reload();
  cache.clear();
  if (run.failure) {
    res.status = 500;
    res.set_content(error_json("the store could not be written; nothing of the upload is stored"),
                    "application/json");
    return;
  }
  const bool refused = std::any_of(run.reports.begin(), run.reports.end(),
                                   [](const ingest::FileReport& r) { return r.status == "error"; });
  res.status = refused ? 400 : 200;
  res.set_content(ingest::reports_json(run.reports), "application/json; charset=utf-8");
}

// The server's state and its routes: one engine behind a mutex, the answers kept, the page.
class Api {
 public:
  explicit Api(const ServeOptions& options)
      : options_(options),
        store_(open(options)),
        engine_(store_),
        cache_(options.cache_bytes) {}

  void route(httplib::Server& server) {
    server.Get(R"(/api/([a-z]+))", [this](const httplib::Request& req, httplib::Response& res) {
      answer(req, res);
    });
    if (options_.allow_ingest) {
      server.Post("/api/ingest", [this](const httplib::Request& req, httplib::Response& res) {
        ingest_upload(options_, req, res, engine_, engine_mutex_, cache_);
      });
    }
    // Read-only: nothing else is written through this server.
    server.Post(R"(/.*)", [](const httplib::Request&, httplib::Response& res) {
      res.status = 405;
      res.set_content(error_json("read-only: this server answers GET requests only (POST "
                                 "/api/ingest needs claimgraph serve --allow-ingest)"),
                      "application/json");
    });
    // The web page: its files, served by exact name, nothing else.
    for (const auto& asset : web_assets()) {
      const std::string path = asset.name == "index.html" ? "/" : "/" + std::string(asset.name);
      server.Get(path, [asset](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::string(asset.bytes), std::string(asset.type) + "; charset=utf-8");
      });
    }
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const char* what = res.status == 404   ? "no such page or command"
                         : res.status == 413 ? "request too large"
                         : res.status == 405 ? "method not allowed"
                                             : "bad request";
      res.set_content(error_json(what), "application/json");
    });
  }

 private:
  static graph::Store open(const ServeOptions& options) {
    // A server that may ingest makes its store when there is none yet.
    if (options.allow_ingest) graph::Store create(options.db);
    graph::StoreOptions reading;
    reading.read_only = true;
    return graph::Store(options.db, reading);  // StoreError is reported by main
  }

  // GET /api/<command>?<options>: the engine's answer, or the one kept from before.
  void answer(const httplib::Request& req, httplib::Response& res) {
    query::Request request;
    request.command = req.matches[1];
    request.json = true;
    for (const auto& [name, value] : req.params) {
      if (request.options.count(name)) {
        res.status = 400;
        res.set_content(error_json("option \"" + name + "\" given twice"), "application/json");
        return;
      }
      request.options[name] = value;
    }
    // The request as one key: the command and its options in order.
    std::string key = request.command;
    for (const auto& [name, value] : request.options) key += '\0' + name + '=' + value;
    forget_if_changed();
    auto response = cache_.get(key);
    if (!response) {
      const std::lock_guard lock(engine_mutex_);
      try {
        response = engine_.run(request);
      } catch (const graph::StoreError& e) {
        res.status = 500;
        res.set_content(error_json(e.what()), "application/json");
        return;
      }
      if (response->status == query::Status::kOk) cache_.put(key, *response);
    }
    if (response->status != query::Status::kOk) {
      res.status = status_of(response->status);
      res.set_content(error_json(response->error), "application/json");
      return;
    }
    if (!response->note.empty()) res.set_header("X-Claimgraph-Note", header_safe(response->note));
    res.set_content(response->out, "application/json; charset=utf-8");
  }

  // Another process wrote the store since the last request (an ingest, an editor's verdict):
  // the graph is loaded again and no answer from before is given.
  void forget_if_changed() {
    const std::lock_guard lock(engine_mutex_);
    const auto version = store_.data_version();
    if (version == data_version_) return;
    data_version_ = version;
    engine_.reload();
    cache_.clear();
  }

  const ServeOptions& options_;
  graph::Store store_;
  std::int64_t data_version_ = -1;
  query::Engine engine_;
  std::mutex engine_mutex_;  // one query at a time through the engine
  AnswerCache cache_;
};

// Binds the address; the port bound, or -1.
int bind(httplib::Server& server, const ServeOptions& options) {
  if (options.port == 0) return server.bind_to_any_port(options.host);
  return server.bind_to_port(options.host, options.port) ? options.port : -1;
}

}  // namespace

int run_serve(const ServeOptions& options) {
  Api api(options);
  httplib::Server server;
  const std::size_t threads = std::max<std::size_t>(1, options.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options.max_body);
  api.route(server);

  // SIGINT and SIGTERM reach a watcher thread only, which stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  const int port = bind(server, options);
  if (port < 0) {
    std::cerr << "claimgraph: cannot listen on " << options.host << ":" << options.port << "\n";
    return kExitUsage;
  }
  std::thread watcher([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  std::cout << "claimgraph: serving " << options.db << " at http://" << options.host << ":" << port
            << "/ (" << (options.allow_ingest ? "POST /api/ingest allowed" : "read-only")
            << "; Ctrl-C stops)" << std::endl;
  const bool ok = server.listen_after_bind();
  // Wake the watcher if the server stopped on its own.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  std::cout << "claimgraph: stopped" << std::endl;
  return ok ? kExitOk : kExitInternal;
}

}  // namespace claimgraph::tools
