#include "tools/ingest_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "ingest/lexicon.hpp"
#include "ingest/run.hpp"
#include "query/text_output.hpp"
#include "tools/exit_codes.hpp"

namespace claimgraph::tools {
namespace {

using Clock = std::chrono::steady_clock;

// Shown only once an ingest has run a few seconds: a line on stderr, rewritten in place on a
// terminal, repeated every few seconds otherwise.
class Progress {
 public:
  Progress() : tty_(isatty(STDERR_FILENO) != 0) {}
  void update(std::size_t done, std::size_t total, std::size_t bytes) {
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double interval = tty_ ? 0.5 : 5.0;
    if (elapsed < 3.0 || std::chrono::duration<double>(now - last_).count() < interval) return;
    last_ = now;
    std::fprintf(stderr, "%singest: %zu/%zu files, %.1f MB, %.1f s%s", tty_ ? "\r" : "", done,
                 total, static_cast<double>(bytes) / 1e6, elapsed, tty_ ? "" : "\n");
    shown_ = true;
  }
  ~Progress() {
    if (shown_ && tty_) std::fputc('\n', stderr);
  }

 private:
  bool tty_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

void print_json(const std::vector<ingest::FileReport>& reports) {
  std::cout << ingest::reports_json(reports);
}

// A file's line: "added a.txt as a: 3 claims, 0 footnotes, 2 figures".
std::string line_of(const ingest::FileReport& r) {
  if (r.status == "duplicate") {
    return "duplicate " + r.file + " of " + r.duplicate_of + " as " + r.id +
           ": the same main text, not stored again\n";
  }
  std::string line = r.status + " " + r.file + " as " + r.id;
  if (r.status != "unchanged") {
    line += ": " + std::to_string(r.claims) + " claims, " + std::to_string(r.footnotes) +
            " footnotes, " + std::to_string(r.figures) + " figures";
  }
  return line + "\n";
}

}  // namespace

int run_ingest(const IngestCommandOptions& options) {
  const auto start = Clock::now();
  Progress progress;
  ingest::RunEvents events;
  events.diagnostic = [](const std::string& line) {
    std::cerr << query::terminal_safe(line) << "\n";
  };
  events.reported = [&](const std::vector<ingest::FileReport>& reports) {
    if (options.json) return;
    std::string lines;
    for (const auto& r : reports) lines += line_of(r);
    std::cout << query::terminal_safe(lines) << std::flush;
  };
  events.progress = [&](std::size_t done, std::size_t total, std::size_t bytes) {
    progress.update(done, total, bytes);
  };
  events.waiting = [&](double waited) {
    std::cerr << "claimgraph: " << options.db
              << ": another ingest is writing to this store; waiting for it to finish";
    if (waited >= 1) std::cerr << " (" << static_cast<long>(waited) << " s)";
    std::cerr << "\n";
  };
  ingest::RunResult run;
  try {
    run = ingest::run_ingest(
        ingest::RunOptions{options.paths, options.db, options.lexicon_dir, options.jobs,
                           options.limits, ""}, events);
  } catch (const ingest::LexiconError& e) {
    std::cerr << e.what() << "\n";
    return kExitLexicon;
  }
  if (run.failure) {
    // Nothing of a failed batch is stored: its lines are not printed, and the user is told.
    if (run.lost > 0) {
      std::cerr << "claimgraph: the " << run.lost << " document" << (run.lost == 1 ? "" : "s")
                << " of the batch that failed were not stored (it was rolled back), nor any "
                   "after them; every document listed as added or replaced above is stored\n";
    }
    // Scripts get the report too: what is stored, and the failed batch's documents as errors.
    if (options.json) print_json(run.reports);
    std::rethrow_exception(run.failure);
  }

  const auto count = [&](const char* status) {
    return static_cast<std::size_t>(std::count_if(
        run.reports.begin(), run.reports.end(),
        [&](const ingest::FileReport& r) { return r.status == status; }));
  };
  const std::size_t rejected = count("error");
  const std::size_t duplicates = count("duplicate");
  const std::size_t input_errors = run.reports.size() - run.files;
  const std::size_t read_ok = run.files - (rejected - input_errors);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (options.json) {
    print_json(run.reports);
  } else {
    std::cout << "ingested " << read_ok << " documents (" << run.stored << " stored, "
              << read_ok - run.stored - duplicates << " unchanged";
    if (duplicates > 0) {
      std::cout << ", " << duplicates << " duplicate" << (duplicates == 1 ? "" : "s");
    }
    std::cout << ") into " << query::terminal_safe(options.db) << " in " << seconds << " s";
    if (rejected > 0) std::cout << "; " << rejected << " rejected";
    std::cout << "\n";
  }
  return rejected > 0 ? kExitBadInput : kExitOk;
}

}  // namespace claimgraph::tools
