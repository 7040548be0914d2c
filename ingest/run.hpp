#pragma once
// The ingest run: the files of some paths read in order, parsed on N threads, written by one
// writer into the store in input order, in batches of one transaction (each document a
// savepoint). The fronts (the CLI, the server) call it and print what it reports; it prints
// nothing itself.
//
// Ids are given while the store's writer lock is held: one run writes a store at a time.

#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "ingest/limits.hpp"

namespace claimgraph::ingest {

struct RunOptions {
  std::vector<std::string> paths;  // files and folders
  std::string db;                  // the store
  std::string lexicon_dir;         // lexicons to read
  std::size_t jobs = 1;            // parsing threads (the store is written by one)
  Limits limits;                   // what is refused as too large (limits.hpp)
  std::string vfs;                 // the SQLite VFS to write through ("": the store's own;
                                   // tests pass one that injects I/O faults)
};

// What became of one file.
struct FileReport {
  std::string file;    // as given
  std::string status;  // added, replaced, unchanged, duplicate, error
  std::string id;      // the source id ("" for an error before one was given)
  std::size_t claims = 0;
  std::size_t footnotes = 0;
  std::size_t figures = 0;
  std::string message;       // an error's, or a duplicate's
  std::string duplicate_of;  // a duplicate: the file stored with the same text
};

// Called on the thread that calls run_ingest, in this order for each file.
struct RunEvents {
  // A diagnostic line for the reader (a warning, an error, a date read from the text).
  std::function<void(const std::string& line)> diagnostic = [](const std::string&) {};
  // Reports that are final: their documents are committed (or had nothing to store).
  std::function<void(const std::vector<FileReport>& reports)> reported =
      [](const std::vector<FileReport>&) {};
  // Files read so far, of all, and their bytes.
  std::function<void(std::size_t done, std::size_t total, std::size_t bytes)> progress =
      [](std::size_t, std::size_t, std::size_t) {};
  // A writer holds the store: called each time the run has waited a while for it.
  std::function<void(double waited_seconds)> waiting = [](double) {};
};

struct RunResult {
  std::vector<FileReport> reports;  // every file, in input order (errors included)
  std::size_t files = 0;            // files the paths named
  std::size_t stored = 0;           // documents written
  std::size_t lost = 0;             // documents of a batch that could not be committed
  // Set when the run stopped (the store could not be written): nothing of the failed batch
  // is stored, and reports of its documents say so; what was committed before stays.
  std::exception_ptr failure;
};

// The reports as `claimgraph ingest --json` prints them (and POST /api/ingest answers): an
// array of {"file", "status", "id", "claims", "footnotes", "figures", "message"}, a newline.
std::string reports_json(const std::vector<FileReport>& reports);

// Throws LexiconError (a lexicon cannot be read) and StoreError (the store cannot be opened);
// a store that fails while written is reported in RunResult::failure.
RunResult run_ingest(const RunOptions& options, const RunEvents& events);

}  // namespace claimgraph::ingest
