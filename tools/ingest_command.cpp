#include "tools/ingest_command.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <cstdio>
#include <iostream>

#include "graph/store.hpp"
#include "graph/writer_lock.hpp"
#include "ingest/document.hpp"
#include "ingest/ingester.hpp"
#include "ingest/inputs.hpp"
#include "ingest/lexicon.hpp"
#include "query/text_output.hpp"
#include "tools/exit_codes.hpp"

namespace claimgraph::tools {
namespace {

using Clock = std::chrono::steady_clock;

struct FileReport {
  std::string file;
  std::string status;  // added, replaced, unchanged, duplicate, error
  std::string id;
  std::size_t claims = 0;
  std::size_t footnotes = 0;
  std::size_t figures = 0;
  std::string message;
};

// Shown only once an ingest has run a few seconds: a line on stderr, rewritten in place on a
// terminal, repeated every few seconds otherwise.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), tty_(isatty(STDERR_FILENO) != 0) {}
  void update(std::size_t done, std::size_t bytes) {
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double interval = tty_ ? 0.5 : 5.0;
    if (elapsed < 3.0 || std::chrono::duration<double>(now - last_).count() < interval) return;
    last_ = now;
    std::fprintf(stderr, "%singest: %zu/%zu files, %.1f MB, %.1f s%s", tty_ ? "\r" : "", done,
                 total_, static_cast<double>(bytes) / 1e6, elapsed, tty_ ? "" : "\n");
    shown_ = true;
  }
  ~Progress() {
    if (shown_ && tty_) std::fputc('\n', stderr);
  }

 private:
  std::size_t total_;
  bool tty_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

void print_json(const std::vector<FileReport>& reports) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& r : reports) {
    w.StartObject();
    w.Key("file");
    w.String(r.file.c_str());
    w.Key("status");
    w.String(r.status.c_str());
    w.Key("id");
    if (r.id.empty()) {
      w.Null();
    } else {
      w.String(r.id.c_str());
    }
    w.Key("claims");
    w.Uint(static_cast<unsigned>(r.claims));
    w.Key("footnotes");
    w.Uint(static_cast<unsigned>(r.footnotes));
    w.Key("figures");
    w.Uint(static_cast<unsigned>(r.figures));
    w.Key("message");
    w.String(r.message.c_str());
    w.EndObject();
  }
  w.EndArray();
  std::cout << buffer.GetString() << "\n";
}

}  // namespace

// One document between the reader, the parsing threads and the writer.
struct Task {
  std::size_t order = 0;  // place among the documents read
  ingest::Document doc;
  std::string key;
  FileReport report;
  bool parse = false;  // false: unchanged, nothing to do
  std::optional<ingest::IngestResult> result;
  std::exception_ptr error;
};

int run_ingest(const IngestCommandOptions& options) {
  ingest::DiskFileSystem fs;
  const auto start = Clock::now();
  ingest::Lexicons lexicons;
  // One Ingester per parsing thread; they share the lexicons.
  std::vector<std::unique_ptr<ingest::Ingester>> ingesters;
  const std::size_t jobs = std::max<std::size_t>(1, options.jobs);
  try {
    lexicons = ingest::load_lexicons(options.lexicon_dir, fs);
    for (std::size_t j = 0; j < jobs; ++j) {
      ingesters.push_back(std::make_unique<ingest::Ingester>(lexicons));
    }
  } catch (const ingest::LexiconError& e) {
    std::cerr << e.what() << "\n";
    return kExitLexicon;
  }
  // One ingest writes a store at a time, for its whole run: source ids are given when a
  // document is read, and another writer between two batches could give one to another file.
  const graph::WriterLock writer_lock(options.db, [&](std::chrono::seconds waited) {
    std::cerr << "claimgraph: " << options.db
              << ": another ingest is writing to this store; waiting for it to finish";
    if (waited.count() > 0) std::cerr << " (" << waited.count() << " s)";
    std::cerr << "\n";
  });
  graph::Store store(options.db);  // StoreError is reported by main

  const auto inputs = ingest::collect_inputs(options.paths, fs);
  std::vector<FileReport> reports;
  for (const auto& error : inputs.errors) {
    std::cerr << query::terminal_safe(error.to_string()) << "\n";
    reports.push_back(FileReport{error.file, "error", "", 0, 0, 0, error.to_string()});
  }

  // This thread reads the documents in order, names them and writes the results in the same
  // order through the one store connection; `jobs` threads parse in between. A window of
  // documents bounds the memory. It holds a batch's worth per parser, so that the parsers
  // keep working while this thread writes and commits a batch (with a window of a few
  // documents they waited for every commit). The store sees exactly what --jobs 1 would give it.
  std::mutex mutex;
  std::condition_variable work_ready, result_ready;
  std::deque<Task*> work;
  bool reading_done = false;
  std::vector<std::thread> threads;
  for (std::size_t j = 0; j < jobs; ++j) {
    threads.emplace_back([&, j] {
      for (;;) {
        Task* task = nullptr;
        {
          std::unique_lock lock(mutex);
          work_ready.wait(lock, [&] { return !work.empty() || reading_done; });
          if (work.empty()) return;
          task = work.front();
          work.pop_front();
        }
        try {
          task->result = ingesters[j]->ingest(task->doc, task->report.id);
        } catch (...) {
          task->error = std::current_exception();
        }
        {
          std::lock_guard lock(mutex);
          task->parse = false;
        }
        result_ready.notify_all();
      }
    });
  }
  const auto stop_threads = [&] {
    {
      std::lock_guard lock(mutex);
      reading_done = true;
    }
    work_ready.notify_all();
    for (auto& t : threads) t.join();
    threads.clear();
  };

  Progress progress(inputs.files.size());
  std::size_t bytes = 0;
  std::size_t stored = 0;
  const std::size_t window = 64 * jobs + 2;
  std::ostringstream pending_lines;  // report lines of the batch not yet committed
  std::deque<std::unique_ptr<Task>> in_flight;  // in order
  std::set<std::string> reserved;               // ids of documents read, not yet stored
  std::size_t next_input = 0;
  std::size_t order = 0;
  const auto write = [&](Task& task) {
    if (task.error) std::rethrow_exception(task.error);
    auto& report = task.report;
    if (task.result) {
      const auto& g = task.result->graph;
      // The same article saved twice (the same main text at another path) is one source.
      if (const auto first = store.source_with_text(g.source.content_hash, g.source.path)) {
        report.status = "duplicate";
        report.message = "duplicate of " + first->second + " (" + first->first +
                         "): the same main text; not stored again";
        reserved.erase(report.id);
        report.id = first->first;
        if (!options.json) {
          pending_lines << "duplicate " << report.file << " of " << first->second << " as "
                        << first->first << ": the same main text, not stored again\n";
        }
        reports.push_back(std::move(report));
        return;
      }
      const auto put = store.put(g, task.key);
      report.status = put == graph::PutResult::kAdded      ? "added"
                      : put == graph::PutResult::kReplaced ? "replaced"
                                                           : "unchanged";
      report.claims = g.claims.size();
      report.footnotes = static_cast<std::size_t>(
          std::count_if(g.references.begin(), g.references.end(), [](const graph::Reference& r) {
            return r.kind == graph::ReferenceKind::kFootnote;
          }));
      report.figures = g.figures.size();
      ++stored;
    }
    reserved.erase(report.id);
    if (!options.json) {
      pending_lines << report.status << " " << report.file << " as " << report.id;
      if (report.status != "unchanged") {
        pending_lines << ": " << report.claims << " claims, " << report.footnotes
                      << " footnotes, " << report.figures << " figures";
      }
      pending_lines << "\n";
    }
    reports.push_back(std::move(report));
  };
  // Documents are written in batches of one transaction (each document a savepoint): a
  // commit per document would write the shared pages again for every one. A batch closes
  // after 64 documents or half a second; its lines are printed once it is committed.
  std::size_t in_batch = 0;
  auto batch_start = Clock::now();
  std::size_t lost = 0;  // documents of a batch that could not be committed
  std::size_t batch_first = 0;  // the report of the open batch's first document
  const auto commit = [&] {
    if (in_batch == 0) return;
    try {
      store.commit_batch();
    } catch (...) {
      // The batch is gone: its lines are never printed, not even by a later commit.
      lost = in_batch;
      in_batch = 0;
      pending_lines.str("");
      throw;
    }
    in_batch = 0;
    std::cout << query::terminal_safe(pending_lines.str()) << std::flush;
    pending_lines.str("");
  };
  try {
    while (next_input < inputs.files.size() || !in_flight.empty()) {
      // Read ahead while the window has room.
      while (next_input < inputs.files.size() && in_flight.size() < window) {
        const auto& input = inputs.files[next_input++];
        progress.update(next_input - 1, bytes);
        auto loaded = ingest::load_document(input, fs);
        if (auto* error = std::get_if<ingest::Diagnostic>(&loaded)) {
          // Reported in order: after the documents before it are written.
          auto task = std::make_unique<Task>();
          task->order = order++;
          task->report = FileReport{input.text_path, "error", "", 0, 0, 0, error->to_string()};
          in_flight.push_back(std::move(task));
          continue;
        }
        auto task = std::make_unique<Task>();
        task->order = order++;
        task->doc = std::move(std::get<ingest::Document>(loaded));
        bytes += task->doc.bytes.size();
        task->key = ingesters.front()->ingest_key(task->doc);
        task->report = FileReport{input.text_path, "unchanged", "", 0, 0, 0, ""};
        task->report.id = store.assign_source_id(task->doc.path, task->doc.stem, reserved);
        reserved.insert(task->report.id);
        task->parse = !store.is_current(task->doc.path, task->key);
        if (task->parse) {
          {
            std::lock_guard lock(mutex);
            work.push_back(task.get());
          }
          work_ready.notify_one();
        }
        in_flight.push_back(std::move(task));
      }
      // Write the oldest document once it is parsed.
      auto& front = *in_flight.front();
      {
        std::unique_lock lock(mutex);
        result_ready.wait(lock, [&] { return !front.parse; });
      }
      if (front.result && front.result->rejected) {
        front.report.status = "error";
        front.report.message = front.result->rejected->to_string();
        for (const auto& n : front.result->notices) std::cerr << query::terminal_safe(n) << "\n";
        front.result.reset();
        reserved.erase(front.report.id);
      }
      if (front.report.status == "error") {
        for (const auto& w : front.doc.warnings) {
          std::cerr << query::terminal_safe(w.to_string()) << "\n";
        }
        std::cerr << query::terminal_safe(front.report.message) << "\n";
        reports.push_back(std::move(front.report));
      } else {
        for (const auto& w : front.doc.warnings) {
          std::cerr << query::terminal_safe(w.to_string()) << "\n";
        }
        if (front.result) {
          for (const auto& n : front.result->notices) std::cerr << query::terminal_safe(n) << "\n";
        }
        if (front.result) {
          if (in_batch == 0) {
            store.begin_batch();
            batch_start = Clock::now();
            batch_first = reports.size();
          }
          ++in_batch;
        }
        write(front);
      }
      in_flight.pop_front();
      if (in_batch >= 64 || in_flight.empty() ||
          std::chrono::duration<double>(Clock::now() - batch_start).count() > 0.5) {
        commit();
      }
      if (in_batch == 0 && !options.json) {
        std::cout << query::terminal_safe(pending_lines.str()) << std::flush;
        pending_lines.str("");
      }
    }
    commit();
    // Actors whose last document was replaced: one pass over the edges for the whole run.
    store.drop_unused_actors();
  } catch (...) {
    stop_threads();
    // The documents of the batch written before the failure are whole: keep them (the
    // failing one's savepoint is rolled back). If the store cannot commit either, the batch
    // is rolled back whole and its lines are not printed.
    try {
      commit();
      store.drop_unused_actors();
    } catch (...) {
      store.rollback_batch();
    }
    // Nothing of a failed batch is stored: its lines are not printed, and the user is told.
    if (lost > 0) {
      std::cerr << "claimgraph: the " << lost << " document" << (lost == 1 ? "" : "s")
                << " of the batch that failed were not stored (it was rolled back), nor any "
                   "after them; every document listed as added or replaced above is stored\n";
    }
    if (options.json) {
      // Scripts get the report too: what is stored, and the failed batch's documents as errors.
      for (std::size_t i = batch_first; lost > 0 && i < reports.size(); ++i) {
        if (reports[i].status == "added" || reports[i].status == "replaced") {
          reports[i].status = "error";
          reports[i].message = "not stored: its batch was rolled back";
        }
      }
      print_json(reports);
    }
    throw;
  }
  stop_threads();

  const auto rejected = static_cast<std::size_t>(std::count_if(
      reports.begin(), reports.end(), [](const FileReport& r) { return r.status == "error"; }));
  const std::size_t read_ok = inputs.files.size() - (rejected - inputs.errors.size());
  const auto duplicates = static_cast<std::size_t>(std::count_if(
      reports.begin(), reports.end(), [](const FileReport& r) { return r.status == "duplicate"; }));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (options.json) {
    print_json(reports);
  } else {
    std::cout << "ingested " << read_ok << " documents (" << stored << " stored, "
              << read_ok - stored - duplicates << " unchanged";
    if (duplicates > 0) {
      std::cout << ", " << duplicates << " duplicate" << (duplicates == 1 ? "" : "s");
    }
    std::cout << ") into " << query::terminal_safe(options.db)
              << " in " << seconds
              << " s";
    if (rejected > 0) std::cout << "; " << rejected << " rejected";
    std::cout << "\n";
  }
  return rejected > 0 ? kExitBadInput : kExitOk;
}

}  // namespace claimgraph::tools
