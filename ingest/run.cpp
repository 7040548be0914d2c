#include "ingest/run.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "graph/json_writer.hpp"
#include "graph/store.hpp"
#include "graph/writer_lock.hpp"
#include "ingest/document.hpp"
#include "ingest/figure_lexicon.hpp"
#include "ingest/ingester.hpp"
#include "ingest/inputs.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/stance/stance.hpp"

namespace claimgraph::ingest {
namespace {

using Clock = std::chrono::steady_clock;

// One document between the reader, the parsing threads and the writer.
struct Task {
  std::size_t order = 0;  // place among the documents read
  Document doc;
  std::string key;
  FileReport report;
  bool parse = false;  // false: unchanged, nothing to do
  std::optional<IngestResult> result;
  std::exception_ptr error;
};

// The parsing threads: each takes the next task, parses it with its own Ingester and marks it
// done.
class Parsers {
 public:
  Parsers(std::vector<std::unique_ptr<Ingester>>& ingesters) {
    for (std::size_t j = 0; j < ingesters.size(); ++j) {
      threads_.emplace_back([this, &ingesters, j] {
        for (;;) {
          Task* task = nullptr;
          {
            std::unique_lock lock(mutex_);
            work_ready_.wait(lock, [&] { return !work_.empty() || done_; });
            if (work_.empty()) return;
            task = work_.front();
            work_.pop_front();
          }
          try {
            task->result = ingesters[j]->ingest(task->doc, task->report.id);
          } catch (...) {
            task->error = std::current_exception();
          }
          {
            std::lock_guard lock(mutex_);
            task->parse = false;
          }
          result_ready_.notify_all();
        }
      });
    }
  }
  ~Parsers() { stop(); }

  void add(Task* task) {
    {
      std::lock_guard lock(mutex_);
      work_.push_back(task);
    }
    work_ready_.notify_one();
  }
  void wait(const Task& task) {
    std::unique_lock lock(mutex_);
    result_ready_.wait(lock, [&] { return !task.parse; });
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    work_ready_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
  }

 private:
  std::mutex mutex_;
  std::condition_variable work_ready_, result_ready_;
  std::deque<Task*> work_;
  bool done_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

std::string reports_json(const std::vector<FileReport>& reports) {
  graph::json::Pretty out;
  auto& w = out.writer;
  w.StartArray();
  for (const auto& r : reports) {
    w.StartObject();
    w.Key("file");
    graph::json::string(w, r.file);
    w.Key("status");
    graph::json::string(w, r.status);
    w.Key("id");
    if (r.id.empty()) {
      w.Null();
    } else {
      graph::json::string(w, r.id);
    }
    w.Key("claims");
    w.Uint(static_cast<unsigned>(r.claims));
    w.Key("footnotes");
    w.Uint(static_cast<unsigned>(r.footnotes));
    w.Key("figures");
    w.Uint(static_cast<unsigned>(r.figures));
    w.Key("message");
    graph::json::string(w, r.message);
    w.EndObject();
  }
  w.EndArray();
  return out.line();
}

namespace {

// What queries need from the lexicons, kept in the store so that no query reads a lexicon.
graph::LexiconFacts facts_of(const Lexicons& lexicons) {
  graph::LexiconFacts facts;
  for (const auto& p : lexicons.frames->propositions) facts.propositions[p.id] = p.text;
  for (const auto& p : lexicons.figures->places) {
    if (p.predecessor) facts.predecessors[p.name] = *p.predecessor;
  }
  return facts;
}

// One run over the files of `inputs`. This thread reads the documents in order, names them and
// writes the results in the same order through the one store connection; the parsers parse in
// between. A window of documents bounds the memory. It holds a batch's worth per parser, so
// that the parsers keep working while this thread writes and commits a batch. The store sees
// exactly what one parser would give it.
class Run {
 public:
  Run(const Inputs& inputs, std::vector<std::unique_ptr<Ingester>>& ingesters,
      graph::Store& store, const RunEvents& events, RunResult& result, const Limits& limits)
      : inputs_(inputs),
        limits_(limits),
        ingesters_(ingesters),
        store_(store),
        events_(events),
        run_(result),
        window_(64 * ingesters.size() + 2),
        parsers_(ingesters) {}

  void go() {
    try {
      while (next_input_ < inputs_.files.size() || !in_flight_.empty()) {
        read_ahead();
        write_oldest();
        if (in_batch_ >= 64 || in_flight_.empty() ||
            std::chrono::duration<double>(Clock::now() - batch_start_).count() > 0.5) {
          commit();
        }
        if (in_batch_ == 0) publish();
      }
      commit();
      // Actors whose last document was replaced: one pass over the edges for the whole run.
      store_.drop_unused_actors();
    } catch (...) {
      fail(std::current_exception());
    }
  }

 private:
  // Reads ahead while the window has room.
  void read_ahead() {
    while (next_input_ < inputs_.files.size() && in_flight_.size() < window_) {
      const auto& input = inputs_.files[next_input_++];
      events_.progress(next_input_ - 1, inputs_.files.size(), bytes_);
      auto loaded = load_document(input, fs_, limits_);
      auto task = std::make_unique<Task>();
      task->order = order_++;
      if (auto* error = std::get_if<Diagnostic>(&loaded)) {
        // Reported in order: after the documents before it are written.
        task->report = FileReport{input.text_path, "error", "", 0, 0, 0, error->to_string(), ""};
        in_flight_.push_back(std::move(task));
        continue;
      }
      task->doc = std::move(std::get<Document>(loaded));
      bytes_ += task->doc.bytes.size();
      task->key = ingesters_.front()->ingest_key(task->doc);
      task->report = FileReport{input.text_path, "unchanged", "", 0, 0, 0, "", ""};
      task->report.id = store_.assign_source_id(task->doc.path, task->doc.stem, reserved_);
      reserved_.insert(task->report.id);
      task->parse = !store_.is_current(task->doc.path, task->key);
      if (task->parse) parsers_.add(task.get());
      in_flight_.push_back(std::move(task));
    }
  }

  // Writes the oldest document once it is parsed (or reports why it is not written).
  void write_oldest() {
    auto& front = *in_flight_.front();
    parsers_.wait(front);
    if (front.result && front.result->rejected) {
      front.report.status = "error";
      front.report.message = front.result->rejected->to_string();
      for (const auto& n : front.result->notices) events_.diagnostic(n);
      front.result.reset();
      reserved_.erase(front.report.id);
    }
    for (const auto& w : front.doc.warnings) events_.diagnostic(w.to_string());
    if (front.report.status == "error") {
      events_.diagnostic(front.report.message);
      run_.reports.push_back(std::move(front.report));
    } else {
      if (front.result) {
        for (const auto& n : front.result->notices) events_.diagnostic(n);
        if (in_batch_ == 0) {
          store_.begin_batch();
          batch_start_ = Clock::now();
          batch_first_ = run_.reports.size();
        }
        ++in_batch_;
      }
      write(front);
    }
    in_flight_.pop_front();
  }

  void write(Task& task) {
    if (task.error) std::rethrow_exception(task.error);
    auto& report = task.report;
    if (task.result) {
      const auto& g = task.result->graph;
      // The same article saved twice (the same main text at another path) is one source.
      if (const auto first = store_.source_with_text(g.source.content_hash, g.source.path)) {
        report.status = "duplicate";
        report.message = "duplicate of " + first->second + " (" + first->first +
                         "): the same main text; not stored again";
        report.duplicate_of = first->second;
        reserved_.erase(report.id);
        report.id = first->first;
        pending_.push_back(report);
        run_.reports.push_back(std::move(report));
        return;
      }
      const auto put = store_.put(g, task.key);
      report.status = put == graph::PutResult::kAdded      ? "added"
                      : put == graph::PutResult::kReplaced ? "replaced"
                                                           : "unchanged";
      report.claims = g.claims.size();
      report.footnotes = static_cast<std::size_t>(
          std::count_if(g.references.begin(), g.references.end(), [](const graph::Reference& r) {
            return r.kind == graph::ReferenceKind::kFootnote;
          }));
      report.figures = g.figures.size();
      ++run_.stored;
    }
    reserved_.erase(report.id);
    pending_.push_back(report);
    run_.reports.push_back(std::move(report));
  }

  void publish() {
    if (pending_.empty()) return;
    events_.reported(pending_);
    pending_.clear();
  }

  void commit() {
    if (in_batch_ == 0) return;
    try {
      store_.commit_batch();
    } catch (...) {
      // The batch is gone: its reports are never published, not even by a later commit.
      run_.lost = in_batch_;
      in_batch_ = 0;
      pending_.clear();
      throw;
    }
    in_batch_ = 0;
    publish();
  }

  // The store failed: the documents of the batch written before the failure are whole and
  // kept (the failing one's savepoint is rolled back); if the store cannot commit either, the
  // batch is rolled back whole and its reports say so.
  void fail(std::exception_ptr failure) {
    run_.failure = std::move(failure);
    parsers_.stop();
    try {
      commit();
      store_.drop_unused_actors();
    } catch (...) {
      store_.rollback_batch();
    }
    for (std::size_t i = batch_first_; run_.lost > 0 && i < run_.reports.size(); ++i) {
      if (run_.reports[i].status == "added" || run_.reports[i].status == "replaced") {
        run_.reports[i].status = "error";
        run_.reports[i].message = "not stored: its batch was rolled back";
      }
    }
  }

  const Inputs& inputs_;
  const Limits limits_;
  std::vector<std::unique_ptr<Ingester>>& ingesters_;
  graph::Store& store_;
  const RunEvents& events_;
  RunResult& run_;
  DiskFileSystem fs_;
  const std::size_t window_;
  std::vector<FileReport> pending_;              // reports of the batch not yet committed
  std::deque<std::unique_ptr<Task>> in_flight_;  // in order
  std::set<std::string> reserved_;               // ids of documents read, not yet stored
  std::size_t next_input_ = 0;
  std::size_t order_ = 0;
  std::size_t bytes_ = 0;
  std::size_t in_batch_ = 0;
  std::size_t batch_first_ = 0;  // the report of the open batch's first document
  Clock::time_point batch_start_ = Clock::now();
  // Last: stopped and joined first, before the tasks they may be parsing go.
  Parsers parsers_;
};

}  // namespace

RunResult run_ingest(const RunOptions& options, const RunEvents& events) {
  DiskFileSystem fs;
  // One Ingester per parsing thread; they share the lexicons (LexiconError goes to the caller).
  const Lexicons lexicons = load_lexicons(options.lexicon_dir, fs);
  std::vector<std::unique_ptr<Ingester>> ingesters;
  for (std::size_t j = 0; j < std::max<std::size_t>(1, options.jobs); ++j) {
    ingesters.push_back(std::make_unique<Ingester>(lexicons, options.limits));
  }
  // One ingest writes a store at a time, for its whole run: source ids are given when a
  // document is read, and another writer between two batches could give one to another file.
  const graph::WriterLock writer_lock(options.db, [&](std::chrono::seconds waited) {
    events.waiting(static_cast<double>(waited.count()));
  });
  graph::StoreOptions store_options;
  store_options.vfs = options.vfs;
  graph::Store store(options.db, store_options);
  store.put_lexicon_facts(facts_of(lexicons));

  RunResult result;
  const auto inputs = collect_inputs(options.paths, fs);
  result.files = inputs.files.size();
  for (const auto& error : inputs.errors) {
    events.diagnostic(error.to_string());
    result.reports.push_back(FileReport{error.file, "error", "", 0, 0, 0, error.to_string(), ""});
  }
  Run(inputs, ingesters, store, events, result, options.limits).go();
  return result;
}

}  // namespace claimgraph::ingest
