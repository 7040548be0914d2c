// `claimgraph serve` against the CLI (issue 17): every endpoint answers exactly what the
// command prints with --json; bad options, unknown ids and commands, oversized bodies, writes
// and path traversal get their status and a JSON error, nothing else; SIGTERM stops it cleanly.
// The client is cpp-httplib's, not ours.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <atomic>
#include <map>
#include <filesystem>
#include <thread>

#include "e2e/server.hpp"
#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

TEST_CASE("serve: each endpoint equals the CLI's JSON, errors have their status", "[e2e]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  REQUIRE(run_claimgraph({"ingest", corpus_dir(), "--db", db}).exit_code == 0);
  Server server(dir, db);
  REQUIRE(server.ready());
  httplib::Client client("127.0.0.1", server.port());

  struct Row {
    const char* path;                   // the request
    std::vector<std::string> cli;       // the same command for the CLI
  };
  const std::string a = "000_cda357074bdec828";
  const Row rows[] = {
      {"/api/sources", {"sources"}},
      {"/api/claims", {"claims"}},
      {"/api/claims?source=000_cda357074bdec828", {"claims", "--source", a}},
      {"/api/figures?measure=workers", {"figures", "--measure", "workers"}},
      {"/api/references", {"references"}},
      {"/api/actors?kind=person", {"actors", "--kind", "person"}},
      {"/api/conflicts", {"conflicts"}},
      {"/api/conflicts?include-undated=true&kind=figure", {"conflicts", "--include-undated", "--kind", "figure"}},
      {"/api/agreements", {"agreements"}},
      {"/api/trace?query=35%2C000", {"trace", "35,000"}},
      {"/api/show?id=000_cda357074bdec828%3Afn1", {"show", a + ":fn1"}},
  };
  for (const auto& row : rows) {
    INFO(row.path);
    auto args = row.cli;
    args.insert(args.end(), {"--json", "--db", db});
    const auto cli = run_claimgraph(args);
    REQUIRE(cli.exit_code == 0);
    const auto res = client.Get(row.path);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(res->body == cli.out);
  }
  // What the CLI prints beside the JSON (the hidden count) rides in a header.
  CHECK_THAT(client.Get("/api/conflicts")->get_header_value("X-Claimgraph-Note"),
             Contains("1 candidate without a time hidden"));

  struct Bad {
    std::string path;
    int status;
    const char* says;
  };
  const Bad bad[] = {
      {"/api/show?id=nosuch", 404, "no node with id \\\"nosuch\\\""},
      {"/api/trace?query=99%2C999%2C999", 404, "no figure matches"},
      {"/api/claims?source=nosuch", 404, "no source with id"},
      {"/api/nosuch", 400, "unknown command \\\"nosuch\\\""},
      {"/api/conflicts?bogus=1", 400, "unknown option \\\"bogus\\\""},
      {"/api/conflicts?min-confidence=2", 400, "is not a number from 0 to 1"},
      {"/api/conflicts?kind=graph", 400, "unknown conflict kind"},
      {"/api/actors?kind=alien", 400, "unknown actor kind"},
      {"/api/claims?source=a&source=b", 400, "given twice"},
      {"/api/ingest", 400, "unknown command"},
      {"/../../etc/passwd", 404, "no such page"},
      {"/%2e%2e/%2e%2e/etc/passwd", 404, "no such page"},
      {"/api/%2e%2e/sources", 404, "no such page"},
      {"/index.html/../../etc/passwd", 404, "no such page"},
      {"/nosuch.js", 404, "no such page"},
  };
  for (const auto& b : bad) {
    INFO(b.path);
    const auto res = client.Get(b.path);
    REQUIRE(res);
    CHECK(res->status == b.status);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    CHECK_THAT(res->body, Contains("{\"error\":\"") && Contains(b.says));
    CHECK_THAT(res->body, !Contains("root:"));
  }
  // A body over the limit, and any write.
  const auto big = client.Post("/api/sources", std::string(2u << 20, 'a'), "text/plain");
  REQUIRE(big);
  CHECK(big->status == 413);
  const auto write = client.Post("/api/ingest", "Some text.", "text/plain");
  REQUIRE(write);
  CHECK(write->status == 405);
  CHECK_THAT(write->body, Contains("read-only"));

  std::string said;
  CHECK(server.stop(&said) == 0);
  CHECK_THAT(said, Contains("claimgraph: stopped"));
}

TEST_CASE("serve --allow-ingest: an upload is stored whole while readers keep reading", "[e2e]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  // A server that may ingest, on a store that does not exist yet.
  const int pid = spawn_claimgraph({"serve", "--db", db, "--port", "0", "--allow-ingest"},
                                   dir / "serve.out", dir / "serve.err");
  // Stopped however the test ends (a failed REQUIRE leaves no server behind).
  struct Stop {
    int pid;
    bool done = false;
    ~Stop() {
      if (!done) {
        kill(pid, SIGTERM);
        wait_exit(pid);
      }
    }
  } stop{pid};
  std::string url;
  for (int i = 0; i < 1500 && url.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::string out = std::filesystem::exists(dir / "serve.out") ? read_file(dir / "serve.out") : "";
    if (const auto at = out.find("http://"); at != std::string::npos && out.find("/ (", at) != std::string::npos) {
      url = out.substr(at, out.find("/ (", at) + 1 - at);
    }
  }
  REQUIRE_FALSE(url.empty());
  const int port = std::stoi(url.substr(url.rfind(':') + 1));
  httplib::Client client("127.0.0.1", port);

  // Readers all along: every answer is JSON of whole documents (a source's claims all there).
  std::atomic<bool> done{false};
  std::atomic<int> answers{0}, bad{0};
  std::vector<std::pair<std::string, unsigned>> seen;  // (source, its claims) in every answer
  std::thread reader([&] {
    httplib::Client c("127.0.0.1", port);
    while (!done) {
      const auto res = c.Get("/api/sources");
      if (!res || res->status != 200) {
        ++bad;
        continue;
      }
      const auto sources = parse_json(res->body);
      for (const auto& s : sources.GetArray()) seen.emplace_back(s["id"].GetString(), s["claims"].GetUint());
      ++answers;
    }
  });
  const auto upload = [&](const std::string& name, const std::string& file, const std::string& meta) {
    return client.Post(("/api/ingest?name=" + name + "&meta=" + httplib::detail::encode_query_param(meta)).c_str(),
                       read_file(file), "text/plain");
  };
  const auto a = upload("sino.txt", corpus_dir() + "/000_cda357074bdec828.txt",
                        read_file(corpus_dir() + "/000_cda357074bdec828.meta.json"));
  REQUIRE(a);
  CHECK(a->status == 200);
  // What `claimgraph ingest --json` prints for it.
  const auto parsed = parse_json(a->body);
  REQUIRE(parsed.Size() == 1);
  CHECK(std::string(parsed[0]["status"].GetString()) == "added");
  CHECK(parsed[0]["footnotes"].GetUint() == 7);
  CHECK(a->body.starts_with("[\n    {\n        \"file\": "));
  const auto b = upload("moscow.txt", corpus_dir() + "/002_2efc273f6a500918.txt",
                        read_file(corpus_dir() + "/002_2efc273f6a500918.meta.json"));
  REQUIRE(b);
  CHECK(b->status == 200);
  // The conflicts now span both uploads, with the outlets their metadata gave.
  const auto conflicts = client.Get("/api/conflicts?include-undated=true");
  REQUIRE(conflicts);
  CHECK_THAT(conflicts->body, Contains("The Moscow Times") && Contains("Sino-NK"));
  // Refused: a name with a folder, a page without an article, bad metadata.
  const auto traversal = client.Post("/api/ingest?name=..%2Fevil.txt", "Text.", "text/plain");
  REQUIRE(traversal);
  CHECK(traversal->status == 400);
  CHECK_FALSE(std::filesystem::exists(dir / "evil.txt"));
  const auto nav = client.Post("/api/ingest?name=nav.html", "<html><body><nav>x</nav></body></html>", "text/html");
  REQUIRE(nav);
  CHECK(nav->status == 400);
  CHECK_THAT(nav->body, Contains("no article text found in the page"));
  const auto meta = upload("m.txt", corpus_dir() + "/000_cda357074bdec828.txt", "{\"title\": 3}");
  REQUIRE(meta);
  CHECK(meta->status == 400);
  done = true;
  reader.join();
  CHECK(answers > 0);
  CHECK(bad == 0);
  // Each source was seen with all its claims or not at all.
  std::map<std::string, unsigned> whole;
  const auto final_sources = parse_json(client.Get("/api/sources")->body);
  for (const auto& s : final_sources.GetArray()) {
    whole[s["id"].GetString()] = s["claims"].GetUint();
  }
  CHECK(whole.size() == 2);
  for (const auto& [id, claims] : seen) {
    INFO(id);
    CHECK(claims == whole[id]);
  }
  stop.done = true;
  kill(pid, SIGTERM);
  CHECK(wait_exit(pid) == 0);
}

TEST_CASE("serve: a verdict recorded while it serves is in the next answer", "[e2e]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  REQUIRE(run_claimgraph({"ingest", corpus_dir(), "--db", db}).exit_code == 0);
  Server server(dir, db);
  REQUIRE(server.ready());
  httplib::Client client("127.0.0.1", server.port());
  const std::string path = "/api/conflicts?kind=figure&include-undated=true";
  const auto before = parse_json(client.Get(path)->body);  // answered, and kept in the cache
  REQUIRE(before.Size() == 1);
  CHECK_FALSE(before[0]["resolved"].GetBool());
  const std::string figure = json_str(before[0]["sides"][1]["items"][0]["figure_id"]);
  REQUIRE(run_claimgraph({"verdict", figure, "--prefer", "--reason", "checked", "--by", "Jane Roe",
                          "--db", db})
              .exit_code == 0);
  const auto after = client.Get(path);
  REQUIRE(after);
  CHECK(after->body == run_claimgraph({"conflicts", "--kind", "figure", "--include-undated",
                                       "--json", "--db", db})
                           .out);
  CHECK(parse_json(after->body)[0]["resolved"].GetBool());
}
