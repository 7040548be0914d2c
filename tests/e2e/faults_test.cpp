// Faults on purpose: I/O errors injected at every write, sync and read of an ingest's batch
// in turn. Every run ends with a clear error (or, where SQLite needs not the operation, a
// success) and a store that opens whole with every committed document.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "graph/store.hpp"
#include "graph/store_error.hpp"
#include "ingest/run.hpp"
#include "support/fault_vfs.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;
using claimgraph::graph::Store;
using claimgraph::graph::StoreError;
namespace fs = std::filesystem;

namespace {

// A store holding one committed document, a batch of two more to ingest into a copy of it,
// and what each document holds when ingested undisturbed.
class FaultBench {
 public:
  FaultBench() {
    const std::string articles = source_dir() + "/tests/data/articles";
    fs::copy_file(articles + "/border-plants.txt", dir_ / "first.txt");
    fs::create_directories(dir_ / "batch");
    fs::copy_file(articles + "/labour-bureaus.txt", dir_ / "batch/labour-bureaus.txt");
    fs::copy_file(corpus_dir() + "/000_cda357074bdec828.txt", dir_ / "batch/article.txt");
    fs::copy_file(corpus_dir() + "/000_cda357074bdec828.meta.json",
                  dir_ / "batch/article.meta.json");
    const auto first = ingest(dir_ / "first.txt", template_db(), "");
    REQUIRE_FALSE(first.failure);
    // Undisturbed, through the fault VFS unarmed: what each file holds, and how many
    // operations of each kind the batch takes.
    FaultVfs::install();
    fs::copy_file(template_db(), work_db(), fs::copy_options::overwrite_existing);
    FaultVfs::heal();
    const auto clean = ingest(dir_ / "batch", work_db(), FaultVfs::kName);
    for (auto op : {FaultVfs::Op::kWrite, FaultVfs::Op::kSync, FaultVfs::Op::kRead}) {
      counts_[op] = FaultVfs::count(op);
    }
    REQUIRE_FALSE(clean.failure);
    for (const auto& s : Store(work_db()).sources()) claims_[s.source.file] = s.claims;
    REQUIRE(claims_.size() == 3);
  }

  std::int64_t count(FaultVfs::Op op) const { return counts_.at(op); }

  // Ingests the batch into a fresh copy of the one-document store with the n-th `op`
  // failing, and checks what the run said and what the store then holds.
  void run_failing(FaultVfs::Op op, std::int64_t n) {
    INFO("operation " << static_cast<int>(op) << ", number " << n);
    fs::remove(work_db() + "-wal");
    fs::remove(work_db() + "-shm");
    fs::copy_file(template_db(), work_db(), fs::copy_options::overwrite_existing);
    std::string error;
    std::set<std::string> reported_stored;
    FaultVfs::fail_nth(op, n);
    try {
      const auto result = ingest(dir_ / "batch", work_db(), FaultVfs::kName);
      if (result.failure) {
        try {
          std::rethrow_exception(result.failure);
        } catch (const std::exception& e) {
          error = e.what();
        }
      }
      for (const auto& r : result.reports) {
        if (r.status == "added") reported_stored.insert(r.file.substr(r.file.rfind('/') + 1));
      }
    } catch (const StoreError& e) {
      error = e.what();
    }
    FaultVfs::heal();
    if (!error.empty()) {
      ++failed_runs_;
      INFO(error);
      CHECK_THAT(error, Contains(work_db()));
      CHECK(error.find('\n') == std::string::npos);
    }

    // The store opens, SQLite finds it whole, and each document in it is whole.
    Store store(work_db());
    const auto problems = store.check();
    std::string found;
    for (const auto& p : problems) found += p.table + " " + p.id + ": " + p.message + "\n";
    INFO(found);
    CHECK(problems.empty());
    std::set<std::string> stored;
    for (const auto& s : store.sources()) {
      stored.insert(s.source.file);
      INFO(s.source.file);
      CHECK(s.claims == claims_.at(s.source.file));
    }
    CHECK(stored.count("first.txt") == 1);
    for (const auto& file : reported_stored) CHECK(stored.count(file) == 1);
    if (error.empty()) CHECK(stored.size() == 3);
  }

  int failed_runs() const { return failed_runs_; }

 private:
  static claimgraph::ingest::RunResult ingest(const std::string& path, const std::string& db,
                                              const std::string& vfs) {
    claimgraph::ingest::RunOptions options;
    options.paths = {path};
    options.db = db;
    options.lexicon_dir = corpus_dir() + "/lexicons";
    options.vfs = vfs;
    return claimgraph::ingest::run_ingest(options, {});
  }
  std::string template_db() const { return dir_ / "template.db"; }
  std::string work_db() const { return dir_ / "work.db"; }

  TempDir dir_;
  std::map<FaultVfs::Op, std::int64_t> counts_;
  std::map<std::string, std::size_t> claims_;
  int failed_runs_ = 0;
};

// Fails each `op` of the batch in turn. At least `seen` of them (a fraction) must end the run
// with an error: the others fall where SQLite can do without the operation (the checkpoint
// after a commit, which the next open redoes from the log; a read it makes again).
void fail_each(FaultVfs::Op op, double seen) {
  FaultBench bench;
  const auto n = bench.count(op);
  INFO(n << " operations, " << bench.failed_runs() << " runs ended with an error");
  REQUIRE(n > 0);
  for (std::int64_t i = 1; i <= n; ++i) bench.run_failing(op, i);
  CHECK(bench.failed_runs() >= std::max<std::int64_t>(1, static_cast<std::int64_t>(seen * n)));
}

}  // namespace

TEST_CASE("faults: an I/O error at each write of a batch in turn", "[e2e][faults]") {
  fail_each(FaultVfs::Op::kWrite, 0.5);  // 121 of 161 when written
}

TEST_CASE("faults: a failed fsync at each sync of a batch in turn", "[e2e][faults]") {
  fail_each(FaultVfs::Op::kSync, 0.0);  // 1 of 3 (the commit's)
}

TEST_CASE("faults: a short read at each read of a batch in turn", "[e2e][faults]") {
  fail_each(FaultVfs::Op::kRead, 0.2);  // 21 of 62
}
