#include "support/support.hpp"

#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/page_checksums.hpp"
#include "ingest/file_system.hpp"

namespace claimgraph::testing {

std::string source_dir() { return CLAIMGRAPH_SOURCE_DIR; }
std::string corpus_dir() { return source_dir() + "/corpus"; }
std::string binary() { return CLAIMGRAPH_BIN; }

std::string with_replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}
std::string gen_corpus_binary() { return CLAIMGRAPH_GEN_CORPUS_BIN; }

const ingest::Lexicons& lexicons() {
  static const ingest::Lexicons lex =
      ingest::load_lexicons(corpus_dir() + "/lexicons", ingest::DiskFileSystem());
  return lex;
}

const ingest::figures::FigureFinder& figure_finder() {
  static const ingest::figures::FigureFinder finder(lexicons().figures);
  return finder;
}

std::string words_of(const std::string& sentence, const ingest::figures::FoundFigure& f) {
  return sentence.substr(f.span.begin, f.span.size());
}

const ingest::figures::FoundFigure* figure_with_words(const std::string& sentence,
                                             const std::vector<ingest::figures::FoundFigure>& found,
                                             const std::string& words) {
  const ingest::figures::FoundFigure* hit = nullptr;
  for (const auto& f : found) {
    if (words_of(sentence, f) == words) hit = &f;
  }
  if (hit == nullptr) {
    for (const auto& f : found) UNSCOPED_INFO("found: " << words_of(sentence, f));
  }
  return hit;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& corpus_store() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "corpus.db";
    const auto r = run_claimgraph({"ingest", corpus_dir(), "--db", path});
    REQUIRE(r.exit_code == 0);
    return path;
  }();
  return db;
}

rapidjson::Document parse_json(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}

std::string json_str(const rapidjson::Value& v) {
  return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : std::string("null");
}

void write_file(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "claimgraph-test-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {

pid_t start(std::string bin, const std::vector<std::string>& args, int out_fd, int err_fd,
            const RunOptions& options = {}) {
  std::vector<char*> argv;
  argv.push_back(bin.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (out_fd >= 0) dup2(out_fd, STDOUT_FILENO);
    if (err_fd >= 0) dup2(err_fd, STDERR_FILENO);
    const int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, STDIN_FILENO);
    unsetenv("CLAIMGRAPH_DB");
    if (options.file_size_limit > 0) {
      signal(SIGXFSZ, SIG_IGN);  // kept across exec: a write past the limit fails with EFBIG
      const rlimit limit{static_cast<rlim_t>(options.file_size_limit),
                         static_cast<rlim_t>(options.file_size_limit)};
      if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    }
    if (options.uid >= 0 && geteuid() == 0) {
      if (setgroups(0, nullptr) != 0 || setgid(static_cast<gid_t>(options.uid)) != 0 ||
          setuid(static_cast<uid_t>(options.uid)) != 0) {
        _exit(126);
      }
    }
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

RunResult run_claimgraph(const std::vector<std::string>& args) {
  return run_program(binary(), args);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args) {
  return run_program(program, args, RunOptions{});
}

RunResult run_claimgraph(const std::vector<std::string>& args, const RunOptions& options) {
  return run_program(binary(), args, options);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options) {
  TempDir dir;
  const std::string out_path = dir / "out";
  const std::string err_path = dir / "err";
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const pid_t pid = start(program, args, out, err, options);
  close(out);
  close(err);
  REQUIRE(pid > 0);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

int spawn_claimgraph(const std::vector<std::string>& args, const std::string& out_path,
                     const std::string& err_path) {
  const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const pid_t pid = start(binary(), args, out, err);
  close(out);
  close(err);
  return pid;
}

int wait_exit(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

sqlite3* open_store_file(const std::string& path) {
  graph::page_checksums::install();
  sqlite3* h = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                 graph::page_checksums::kVfsName);
  if (rc != SQLITE_OK) {
    sqlite3_close(h);
    FAIL("cannot open " << path << ": " << sqlite3_errstr(rc));
  }
  return h;
}

int spawn_claimgraph(const std::vector<std::string>& args) {
  const int devnull = open("/dev/null", O_WRONLY);
  const pid_t pid = start(binary(), args, devnull, devnull);
  close(devnull);
  return pid;
}

std::string distinct_copy(const std::string& article, int i) {
  std::string tag;
  for (int n = i; tag.size() < 4; n /= 26) tag += static_cast<char>('a' + n % 26);
  return article + "\n\nFiled as copy " + tag + ".\n";
}

}  // namespace claimgraph::testing
