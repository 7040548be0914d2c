#pragma once
// Shared helpers of the tests: paths of the project, temporary folders, running the
// claimgraph binary as a child process, and the real lexicons.

#include <rapidjson/document.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "ingest/figures/figures.hpp"
#include "ingest/lexicon.hpp"

namespace claimgraph::testing {

std::string source_dir();  // the project's root
std::string corpus_dir();  // <root>/corpus
std::string binary();      // the built claimgraph
std::string gen_corpus_binary();  // the built claimgraph-gen-corpus

// The lexicons of corpus/lexicons, loaded once.
const ingest::Lexicons& lexicons();

// One figure finder over the lexicons, for the figure tests.
const ingest::figures::FigureFinder& figure_finder();
// A figure's words as written.
std::string words_of(const std::string& sentence, const ingest::figures::FoundFigure& f);
// The figure of `sentence` whose words are `words`, or null (then every figure found is
// printed with the failure).
const ingest::figures::FoundFigure* figure_with_words(const std::string& sentence,
                                             const std::vector<ingest::figures::FoundFigure>& found,
                                             const std::string& words);

// `article` with a closing line of its own for copy `i` (letters only, so no figure): copies
// of one article are different documents, not one article saved twice (a duplicate).
std::string distinct_copy(const std::string& article, int i);

// The bytes of a file (fails the test when it cannot be read).
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);
// `text` with the first `from` replaced by `to` (fails the test when `from` is not there):
// a lexicon or gold with one mistake put in.
std::string with_replaced(std::string text, const std::string& from, const std::string& to);

// A fresh folder under /tmp, removed with its contents at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the claimgraph binary with `args` (no shell), waits, captures stdout and stderr.
RunResult run_claimgraph(const std::vector<std::string>& args);

// How a child runs, beyond its arguments.
struct RunOptions {
  // > 0: no file the child writes may grow past this many bytes (RLIMIT_FSIZE, SIGXFSZ
  // ignored): its writes beyond fail as on a full disk, with EFBIG.
  long long file_size_limit = 0;
  // >= 0 and the tests run as root: the child runs as this user and group (so that file
  // permissions bind it).
  int uid = -1;
};
RunResult run_claimgraph(const std::vector<std::string>& args, const RunOptions& options);
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options);
// Starts the claimgraph binary without waiting, its stdout and stderr into the files named;
// returns its pid. wait_exit waits for it and gives its exit code (128 + signal if killed).
int spawn_claimgraph(const std::vector<std::string>& args, const std::string& out_path,
                     const std::string& err_path);
int wait_exit(int pid);
// The same for another program.
RunResult run_program(const std::string& program, const std::vector<std::string>& args);

// The corpus ingested once per test executable into a temporary store; its path.
const std::string& corpus_store();

// Parses JSON output (fails the test when it is not JSON).
rapidjson::Document parse_json(const std::string& json);
// A JSON string's text; "null" for anything else.
std::string json_str(const rapidjson::Value& v);

// A plain SQLite connection to a store, through the store's page-checksum VFS: what a test
// writes with it keeps every page's checksum right (a write through SQLite's default VFS
// leaves pages whose checksums no longer match, which readers report as damage). Close it
// with sqlite3_close.
sqlite3* open_store_file(const std::string& path);

// Starts the claimgraph binary without waiting; returns its pid.
int spawn_claimgraph(const std::vector<std::string>& args);

}  // namespace claimgraph::testing
