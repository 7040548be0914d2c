// The promises README makes under a full disk, two writers at once and hostile input: no
// line says "added" unless its document is stored, no ingest replaces another's documents,
// nothing that is not a regular file is read, bad metadata is refused with its position, a
// damaged store is named, and a store on read-only media can be read.

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>

#include "graph/store.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

// The files a text report lists as added or replaced ("added PATH as ID: ...").
std::set<std::string> reported_stored(const std::string& out) {
  std::set<std::string> files;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    for (const std::string verb : {"added ", "replaced "}) {
      if (line.rfind(verb, 0) == 0) {
        const auto as = line.find(" as ");
        files.insert(line.substr(verb.size(), as - verb.size()));
      }
    }
  }
  return files;
}

std::set<std::string> stored_paths(const std::string& db) {
  claimgraph::graph::StoreOptions reading;
  reading.read_only = true;
  std::set<std::string> files;
  for (const auto& s : claimgraph::graph::Store(db, reading).sources()) files.insert(s.source.path);
  return files;
}

// `n` copies of a corpus article with its metadata under dir/sub, named PREFIX1000.txt...,
// each different from the others (copies `first`, `first` + 1, ...).
void copies(const TempDir& dir, const std::string& sub, int n, int first = 0) {
  const std::string article = read_file(corpus_dir() + "/000_cda357074bdec828.txt");
  const std::string meta = read_file(corpus_dir() + "/000_cda357074bdec828.meta.json");
  for (int i = 0; i < n; ++i) {
    const std::string name = dir / (sub + "/doc" + std::to_string(1000 + i));
    write_file(name + ".txt", distinct_copy(article, first + i));
    write_file(name + ".meta.json", meta);
  }
}

}  // namespace

TEST_CASE("robustness: a full disk stops the ingest, and every file printed as added is stored",
          "[e2e]") {
  TempDir dir;
  copies(dir, "in", 120);
  const std::string db = dir / "s.db";
  RunOptions small_disk;
  small_disk.file_size_limit = 3 << 20;  // no file may grow past 3 MB: the store's files fill up
  const auto r = run_claimgraph({"ingest", dir / "in", "--db", db, "--jobs", "1"}, small_disk);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Contains(db) && Contains("a write failed") &&
                        Contains("of the batch that failed were not stored (it was rolled back)"));
  const auto printed = reported_stored(r.out);
  CHECK(printed.size() < 120);
  // The store opens afterwards and holds exactly what was printed.
  std::set<std::string> printed_absolute;
  for (const auto& f : printed) printed_absolute.insert(f);
  const auto stored = stored_paths(db);
  CHECK(stored.size() == printed.size());
  for (const auto& f : printed) {
    INFO(f);
    CHECK(stored.count(f) == 1);
  }
  // With --json, the report says the same: stored documents as added, the rest as errors.
  const std::string db2 = dir / "s2.db";
  const auto j =
      run_claimgraph({"ingest", dir / "in", "--db", db2, "--jobs", "1", "--json"}, small_disk);
  CHECK(j.exit_code == 4);
  const auto doc = parse_json(j.out);
  std::size_t added = 0;
  std::size_t not_stored = 0;
  for (const auto& r : doc.GetArray()) {
    if (json_str(r["status"]) == "added") ++added;
    if (json_str(r["message"]).find("not stored") != std::string::npos) ++not_stored;
  }
  CHECK(added == stored_paths(db2).size());
  CHECK(not_stored > 0);
}

TEST_CASE("robustness: two ingests into one store at once both store all, neither replaces",
          "[e2e]") {
  TempDir dir;
  copies(dir, "d1", 40);
  copies(dir, "d2", 40, 40);  // the same file names, other folders: ids d1 and d2 would share
  const std::string db = dir / "s.db";
  const int a = spawn_claimgraph({"ingest", dir / "d1", "--db", db}, dir / "a.out", dir / "a.err");
  const int b = spawn_claimgraph({"ingest", dir / "d2", "--db", db}, dir / "b.out", dir / "b.err");
  REQUIRE(a > 0);
  REQUIRE(b > 0);
  const int a_exit = wait_exit(a);
  const int b_exit = wait_exit(b);
  const std::string a_out = read_file(dir / "a.out");
  const std::string b_out = read_file(dir / "b.out");
  INFO(a_out << read_file(dir / "a.err") << b_out << read_file(dir / "b.err"));
  CHECK(a_exit == 0);
  CHECK(b_exit == 0);
  CHECK(reported_stored(a_out).size() == 40);
  CHECK(reported_stored(b_out).size() == 40);
  CHECK_THAT(a_out + b_out, !Contains("replaced"));
  CHECK(stored_paths(db).size() == 80);
}

TEST_CASE("robustness: only regular files are read, a FIFO, a device or a folder is refused, not waited on",
          "[e2e]") {
  TempDir dir;
  write_file(dir / "in/a_good.txt", "A first sentence is here. A second one follows it.\n");
  REQUIRE(mkfifo((dir / "in/b_fifo.txt").c_str(), 0644) == 0);
  write_file(dir / "in/c_good.txt", "Another good sentence stands here.\n");
  REQUIRE(mkfifo((dir / "in/c_good.meta.json").c_str(), 0644) == 0);
  write_file(dir / "in/d_good.txt", "A third good sentence stands here.\n");
  write_file(dir / "in/e_good.txt", "A fourth good sentence stands here.\n");
  std::filesystem::create_directories(dir / "in/e_good.meta.json");
  const std::string db = dir / "s.db";
  const auto r = run_claimgraph({"ingest", dir / "in", "/dev/zero", "--db", db});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("b_fifo.txt: error: not a regular file (a FIFO)") &&
                        Contains("c_good.meta.json: error: not a regular file (a FIFO)") &&
                        Contains("e_good.meta.json: error: not a regular file (a folder)") &&
                        Contains("/dev/zero: error: not a regular file (a character device)"));
  CHECK(stored_paths(db).size() == 2);
  CHECK_THAT(r.out, Contains("4 rejected"));
}

TEST_CASE("robustness: bad metadata is refused with its position, the other files are stored",
          "[e2e]") {
  TempDir dir;
  const std::string text = "A first sentence is here. A second one follows it.\n";
  write_file(dir / "in/a_good.txt", text);
  write_file(dir / "in/b_deep.txt", text);
  write_file(dir / "in/b_deep.meta.json", std::string(150000, '['));
  write_file(dir / "in/c_escape.txt", text);
  write_file(dir / "in/c_escape.meta.json",
             "{\"title\": \"ok\",\n \"authors\": [\"\\u001b]0;pwned\\u0007\"]}");
  write_file(dir / "in/d_utf8.txt", text);
  write_file(dir / "in/d_utf8.meta.json", "{\"title\": \"Bad \xC3\x28 title\"}");
  // Another text: the same text twice would be one source (a duplicate, not stored again).
  write_file(dir / "in/e_good.txt", "Another first sentence. And another second one.\n");
  const std::string db = dir / "s.db";
  const auto r = run_claimgraph({"ingest", dir / "in", "--db", db});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("b_deep.meta.json:1:33: error: metadata nested deeper than 32 levels"));
  CHECK_THAT(r.err, Contains("c_escape.meta.json:2:15: error: \"authors\" holds the control "
                             "character U+001B"));
  CHECK_THAT(r.err, Contains("d_utf8.meta.json:1:16: error: invalid UTF-8: byte 0xC3"));
  CHECK(stored_paths(db).size() == 2);
  // Nothing stored can hold what was refused: the listing is plain UTF-8 without ESC.
  const auto sources = run_claimgraph({"sources", "--json", "--db", db});
  CHECK(sources.out.find('\x1b') == std::string::npos);
}

TEST_CASE("robustness: text output never prints a control character raw", "[e2e]") {
  TempDir dir;
  // A file name may hold an escape sequence; a store written by an older claimgraph (or by
  // hand) may hold one in a title.
  const std::string evil = "\x1b]0;pwned\x07";
  write_file(dir / ("in/a" + evil + ".txt"), "A first sentence is here. A second one.\n");
  const std::string db = dir / "s.db";
  const auto ingest = run_claimgraph({"ingest", dir / "in", "--db", db});
  INFO(ingest.out << ingest.err);
  CHECK(ingest.exit_code == 0);
  CHECK(ingest.out.find('\x1b') == std::string::npos);
  CHECK(ingest.err.find('\x1b') == std::string::npos);
  CHECK_THAT(ingest.out, Contains("a\\x1b]0;pwned\\x07.txt"));
  {
    sqlite3* h = nullptr;
    h = claimgraph::testing::open_store_file(db);
    REQUIRE(sqlite3_exec(h,
                         "UPDATE sources SET title = 'T' || char(27) || '[2J' || char(7) || "
                         "char(155) || 'x', authors = '[\"A\\b\"]'",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
  }
  for (const std::string command : {"sources", "claims", "show"}) {
    std::vector<std::string> args{command, "--db", db};
    if (command == "show") args.insert(args.begin() + 1, "a" + evil);
    const auto r = run_claimgraph(args);
    INFO(command << ": " << r.out << r.err);
    CHECK(r.exit_code == 0);
    for (const char c : r.out) {
      const auto u = static_cast<unsigned char>(c);
      CHECK_FALSE(((u < 0x20 && u != '\n' && u != '\t') || u == 0x7F));
    }
    CHECK(r.out.find("\xC2\x9B") == std::string::npos);  // C1 CSI
  }
  const auto show = run_claimgraph({"show", "a" + evil, "--db", db});
  CHECK_THAT(show.out, Contains("T\\x1b[2J\\x07\\u009bx"));
}

namespace {

void sql(const std::string& db, const std::string& statement) {
  sqlite3* h = nullptr;
  h = claimgraph::testing::open_store_file(db);
  INFO(statement);
  CHECK(sqlite3_exec(h, statement.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
}

// The corpus ingested into a fresh store of its own.
std::string corpus_copy(const TempDir& dir) {
  const std::string db = dir / "s.db";
  REQUIRE(run_claimgraph({"ingest", corpus_dir(), "--db", db}).exit_code == 0);
  return db;
}

const std::vector<std::vector<std::string>> kReaders = {{"sources"},
                                                        {"claims"},
                                                        {"figures"},
                                                        {"references"},
                                                        {"actors"},
                                                        {"conflicts"},
                                                        {"agreements"},
                                                        {"trace", "30,000"},
                                                        {"show", "000_cda357074bdec828:c12"},
                                                        {"claims", "--json"},
                                                        {"conflicts", "--json"}};

}  // namespace

TEST_CASE("robustness: check finds nothing wrong in a sound store", "[e2e]") {
  TempDir dir;
  const std::string db = corpus_copy(dir);
  const auto r = run_claimgraph({"check", "--db", db});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains(": ok (2 sources"));
  const auto json = run_claimgraph({"check", "--json", "--db", db});
  const auto doc = parse_json(json.out);
  CHECK(doc["ok"].GetBool());
  CHECK(doc["problems"].Size() == 0);
}

TEST_CASE("robustness: a damaged row is named with its table and id, never an internal error",
          "[e2e]") {
  TempDir dir;
  const std::string db = corpus_copy(dir);
  struct Damage {
    const char* what;
    const char* statement;
    const char* named;  // what every reader that stops must name
    const char* line;   // what check must list
  };
  const Damage damages[] = {
      // A source's bytes cut short: the spans of its rows point past them.
      {"bytes cut",
       "UPDATE sources SET bytes = substr(bytes, 1, 100) WHERE id = '000_cda357074bdec828'",
       "000_cda357074bdec828", "sources 000_cda357074bdec828: its bytes do not match"},
      // The same length, other bytes: only the hash tells.
      {"bytes changed",
       "UPDATE sources SET bytes = CAST(replace(CAST(bytes AS TEXT), 'Russia', 'Prussi') AS BLOB) "
       "WHERE id = '000_cda357074bdec828'",
       "sources row \"000_cda357074bdec828\"",
       "sources 000_cda357074bdec828: its bytes do not match"},
      {"unknown bound",
       "UPDATE figures SET bound = 'sideways' WHERE id = '000_cda357074bdec828:g3'",
       "figures row \"000_cda357074bdec828:g3\"",
       "figures 000_cda357074bdec828:g3: unknown bound \"sideways\""},
      {"authors not JSON",
       "UPDATE sources SET authors = '[\"A\", ' WHERE id = '002_2efc273f6a500918'",
       "sources row \"002_2efc273f6a500918\"",
       "sources 002_2efc273f6a500918: authors is not a JSON array"},
      {"span past the end",
       "UPDATE refs SET span_end = 99999999 WHERE id = '000_cda357074bdec828:fn1'",
       "refs row \"000_cda357074bdec828:fn1\"",
       "refs 000_cda357074bdec828:fn1: span [2828, 99999999) does not lie in its source"},
  };
  for (const auto& damage : damages) {
    SECTION(damage.what) {
      sql(db, damage.statement);
      const auto check = run_claimgraph({"check", "--db", db});
      INFO("check: " << check.out << check.err);
      CHECK(check.exit_code == 4);
      CHECK_THAT(check.out, Contains("damaged") && Contains(damage.line));
      std::size_t named = 0;
      for (auto args : kReaders) {
        args.push_back("--db");
        args.push_back(db);
        const auto r = run_claimgraph(args);
        INFO(args.front() << ": exit " << r.exit_code << "\n" << r.err);
        // Every reader either answers (the damage is not in what it reads) or names it.
        CHECK((r.exit_code == 0 || r.exit_code == 4));
        CHECK_THAT(r.err, !Contains("internal error"));
        if (r.exit_code == 4) {
          CHECK_THAT(r.err, Contains("damaged store") && Contains(damage.named) &&
                                Contains("claimgraph check"));
          ++named;
        }
      }
      CHECK(named > 0);
    }
  }
}

TEST_CASE("robustness: a bit flipped in the store's pages is named, never shown as data", "[e2e]") {
  TempDir dir;
  const std::string sound = corpus_copy(dir);
  const std::string bytes = read_file(sound);
  REQUIRE(bytes.size() > 8192);
  // What each reader says of the sound store.
  std::vector<std::string> expected;
  for (auto args : kReaders) {
    args.insert(args.end(), {"--db", sound});
    expected.push_back(run_claimgraph(args).out);
  }
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  const auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int named = 0;
  for (int round = 0; round < 12; ++round) {
    std::string flipped = bytes;
    // One bit, past the first page (a flip in the header is "not a database", tested apart).
    const std::size_t at = 4096 + next() % (flipped.size() - 4096);
    flipped[at] = static_cast<char>(flipped[at] ^ (1u << (next() % 8)));
    const std::string db = dir / ("flipped" + std::to_string(round) + ".db");
    write_file(db, flipped);
    const auto check = run_claimgraph({"check", "--db", db});
    INFO("round " << round << ": byte " << at << " (page " << at / 4096 + 1 << ")\n" << check.out);
    // Every page carries a checksum: check finds the flip and names its page.
    CHECK(check.exit_code == 4);
    CHECK_THAT(check.out,
               Contains("page " + std::to_string(at / 4096 + 1) + " fails its checksum"));
    for (std::size_t i = 0; i < kReaders.size(); ++i) {
      auto args = kReaders[i];
      args.insert(args.end(), {"--db", db});
      const auto r = run_claimgraph(args);
      INFO(args.front() << ": exit " << r.exit_code << "\n" << r.err);
      // A reader either never read the page (the same answer) or names the damage.
      CHECK((r.exit_code == 0 || r.exit_code == 4));
      CHECK_THAT(r.err, !Contains("internal error"));
      if (r.exit_code == 4) {
        CHECK_THAT(r.err, Contains(db) && Contains("damaged store"));
        ++named;
      } else {
        CHECK(r.out == expected[i]);
      }
    }
  }
  CHECK(named > 0);
}

TEST_CASE("robustness: a store on read-only media is read, writing it says why not", "[e2e]") {
  TempDir dir;
  const std::string folder = dir / "ro";
  std::filesystem::create_directories(folder);
  REQUIRE(run_claimgraph({"ingest", corpus_dir(), "--db", folder + "/s.db"}).exit_code == 0);
  const std::string db = folder + "/s.db";
  // What a reader sees in a writable folder, to compare.
  std::vector<RunResult> expected;
  const std::vector<std::vector<std::string>> readers = {
      {"sources"}, {"claims", "--json"}, {"conflicts"}, {"trace", "30,000"}, {"check"}};
  for (auto args : readers) {
    args.insert(args.end(), {"--db", db});
    expected.push_back(run_claimgraph(args));
  }
  // The folder and the file read-only; the tests' root folder open to the reader, who is
  // another user when the tests run as root (root is never refused a write).
  REQUIRE(chmod(dir.path().c_str(), 0755) == 0);
  REQUIRE(chmod(db.c_str(), 0444) == 0);
  REQUIRE(chmod(folder.c_str(), 0555) == 0);
  RunOptions reader;
  reader.uid = 65534;  // nobody
  for (std::size_t i = 0; i < readers.size(); ++i) {
    auto args = readers[i];
    args.insert(args.end(), {"--db", db});
    const auto r = run_claimgraph(args, reader);
    INFO(args.front() << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == expected[i].out);
  }
  const auto write = run_claimgraph({"ingest", corpus_dir(), "--db", db}, reader);
  CHECK(write.exit_code == 4);
  CHECK_THAT(write.err, Contains(db) && Contains("cannot be written here"));
  chmod(folder.c_str(), 0755);  // so that the folder can be removed
}

TEST_CASE("robustness: a bit flipped in a long row's overflow page is named too", "[e2e]") {
  TempDir dir;
  // 3,000 authors: the source's row spills over overflow pages, read in place by SQLite.
  std::string meta = "{\"title\": \"Many\", \"authors\": [";
  for (int i = 0; i < 3000; ++i) {
    meta += (i ? ", \"" : "\"") + std::string("Author Number") + std::to_string(i) + " Zz\"";
  }
  meta += "]}";
  write_file(dir / "in/a.txt", "A first sentence is here. A second one follows it.\n");
  write_file(dir / "in/a.meta.json", meta);
  const std::string db = dir / "s.db";
  REQUIRE(run_claimgraph({"ingest", dir / "in", "--db", db}).exit_code == 0);
  std::string bytes = read_file(db);
  const auto at = bytes.find("Author Number2500 Zz");
  REQUIRE(at != std::string::npos);
  bytes[at + 7] = static_cast<char>(bytes[at + 7] ^ 0x20);  // "Number" -> "number"
  write_file(db, bytes);
  const auto r = run_claimgraph({"sources", "--json", "--db", db});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Contains("damaged store"));
  CHECK_THAT(r.out, !Contains("Author number2500"));
  const auto check = run_claimgraph({"check", "--db", db});
  CHECK(check.exit_code == 4);
  CHECK_THAT(check.out, Contains("page " + std::to_string(at / 4096 + 1) + " fails its checksum"));
}

TEST_CASE(
    "robustness: a store written by another SQLite program is named as changed, and check "
    "still looks through it",
    "[e2e]") {
  TempDir dir;
  const std::string db = corpus_copy(dir);
  {
    // What the sqlite3 shell would do: SQLite's own VFS knows nothing of the page checksums.
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    CHECK(sqlite3_exec(h,
                       "UPDATE sources SET bytes = substr(bytes, 1, 100) "
                       "WHERE id = '000_cda357074bdec828'",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
  }
  const auto reader = run_claimgraph({"conflicts", "--db", db});
  CHECK(reader.exit_code == 4);
  CHECK_THAT(reader.err, Contains("damaged store: a page of the file fails its checksum"));
  const auto check = run_claimgraph({"check", "--db", db});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 4);
  CHECK_THAT(check.out, Contains("fails its checksum") &&
                            Contains("sources 000_cda357074bdec828: its bytes do not match"));
}
