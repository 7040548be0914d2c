// End to end over saved web pages (issue 16): tests/data/pages holds two pages written here,
// one in UTF-8 with notes and furniture, one in windows-1251; the CLI stores their main text,
// their own metadata, their page line:column, and finds the conflict between them. Bad pages
// each give a clear message or warning and never a claim made of markup.

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

std::string pages_dir() { return source_dir() + "/tests/data/pages"; }

// The 1-based line `line` of `text`.
std::string line_of(const std::string& text, std::size_t line) {
  std::size_t at = 0;
  for (std::size_t i = 1; i < line && at != std::string::npos; ++i) {
    at = text.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  if (at == std::string::npos) return {};
  return text.substr(at, text.find('\n', at) - at);
}

}  // namespace

TEST_CASE("html: two saved pages, their metadata, their page positions and their conflict",
          "[e2e]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  const auto ingest = run_claimgraph({"ingest", pages_dir(), "--db", db});
  INFO(ingest.out << ingest.err);
  REQUIRE(ingest.exit_code == 0);
  CHECK_THAT(ingest.out,
             Contains("added " + pages_dir() + "/courier_workers.html as courier_workers"));

  const auto show = run_claimgraph({"show", "courier_workers", "--json", "--db", db});
  REQUIRE(show.exit_code == 0);
  const auto doc = parse_json(show.out);
  const auto& node = doc["node"];
  CHECK(std::string(node["format"].GetString()) == "html");
  const std::string text = node["text"].GetString();
  CHECK(text.starts_with("Workers abroad\n\nAn estimated 20,000 North Korean workers"));
  CHECK_THAT(text, !Contains("<") && !Contains("Share on Facebook"));
  CHECK(std::string(node["outlet"].GetString()) == "The Test Courier");
  CHECK(std::string(node["date"].GetString()) == "2024-03-02");
  CHECK(std::string(node["metadata_from"]["date"].GetString()) == "json-ld");
  CHECK(std::string(node["metadata_from"]["title"].GetString()) == "text");

  // The Russian page, read from windows-1251.
  const auto ru = parse_json(run_claimgraph({"show", "vostok_rabochie", "--json", "--db", db}).out);
  CHECK_THAT(std::string(ru["node"]["text"].GetString()),
             Contains("в России работали около 30 тысяч граждан КНДР"));
  CHECK(std::string(ru["node"]["metadata_from"]["authors"].GetString()) == "meta");

  // A claim is found at its line and column of the page file.
  const auto claim =
      parse_json(run_claimgraph({"show", "courier_workers:c1", "--json", "--db", db}).out);
  const auto& page = claim["location"]["page"];
  const std::string raw = read_file(pages_dir() + "/courier_workers.html");
  const std::string line = line_of(raw, page["line"].GetUint());
  CHECK(line.substr(page["column"].GetUint() - 1).starts_with("An estimated 20,000"));

  // The footnote and its marker.
  const auto refs = run_claimgraph({"references", "--json", "--db", db});
  CHECK_THAT(refs.out, Contains("Ministry of Labour, Annual report on foreign workers, 2024."));
  const auto claims = parse_json(run_claimgraph({"claims", "--json", "--db", db}).out);
  bool cited = false;
  for (const auto& c : claims.GetArray()) {
    if (std::string(c["id"].GetString()) != "courier_workers:c1") continue;
    for (const auto& r : c["cites"].GetArray())
      cited |= std::string(r.GetString()) == "courier_workers:fn1";
  }
  CHECK(cited);
  CHECK_THAT(run_claimgraph({"claims", "--db", db}).out,
             !Contains("Workers at a site in Vladivostok"));

  // An outlet typed in capitals finds the Cyrillic one: a user's words and the store's are
  // case-folded alike (they were folded in ASCII only).
  const auto outlet = run_claimgraph({"conflicts", "--actor", "ВОСТОЧНЫЙ ВЕСТНИК", "--db", db});
  CHECK_THAT(outlet.out, Contains("1 conflict"));

  // 20,000 on one page against 30,000 on the other.
  const auto conflicts = run_claimgraph({"conflicts", "--json", "--db", db});
  CHECK_THAT(conflicts.out, Contains("courier_workers:g1") && Contains("vostok_rabochie:g1"));
}

TEST_CASE("html: the same page saved twice is one source", "[e2e]") {
  TempDir dir;
  const std::string page = read_file(pages_dir() + "/courier_workers.html");
  write_file(dir / "in/a_first.html", page);
  // Saved again later: other furniture, the same article.
  std::string again = page;
  const auto nav = again.find("<a href=\"/politics\">Politics</a>");
  REQUIRE(nav != std::string::npos);
  again.insert(nav, "<a href=\"/sport\">Sport</a> ");
  write_file(dir / "in/b_again.htm", again);
  const std::string db = dir / "s.db";
  const auto r = run_claimgraph({"ingest", dir / "in", "--db", db});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out,
             Contains("duplicate " + (dir / "in/b_again.htm") + " of a_first.html as a_first"));
  CHECK_THAT(r.out, Contains("1 stored") && Contains("1 duplicate"));
  CHECK_THAT(run_claimgraph({"sources", "--db", db}).out,
             Contains("1 source") && !Contains("b_again"));
}

TEST_CASE("html: bad pages are refused or warned of, never stored as markup", "[e2e]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  const std::string article =
      "<article><p>The ministry said some 16,000 workers arrived in 2023, most of them in the Far "
      "East, and that more are expected next spring.</p></article>";
  SECTION("a page with no article") {
    write_file(dir / "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
    const auto r = run_claimgraph({"ingest", dir / "nav.html", "--db", db});
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains(dir / "nav.html") && Contains("no article text found in the page"));
    CHECK_THAT(run_claimgraph({"sources", "--db", db}).out, Contains("0 sources"));
  }
  SECTION("an empty page and a binary file named .html") {
    write_file(dir / "empty.html", "");
    write_file(dir / "image.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const auto r = run_claimgraph({"ingest", dir / "empty.html", dir / "image.html", "--db", db});
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains("empty.html: error: empty file"));
    CHECK_THAT(r.err, Contains("image.html:2:1: error: binary file"));
  }
  SECTION("an invalid byte in the declared charset") {
    const std::string bytes =
        "<html><head><meta charset=\"utf-8\"></head><body>" + article +
        "<p>A second paragraph \xFF with a bad byte in it, long enough.</p></body></html>";
    write_file(dir / "bad.html", bytes);
    const auto r = run_claimgraph({"ingest", dir / "bad.html", "--db", db});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("bad.html:1:") && Contains("warning: a byte invalid in UTF-8") &&
                          Contains("(byte " + std::to_string(bytes.find('\xFF')) + ")"));
  }
  SECTION("nested 100,000 deep") {
    std::string deep = "<html><body>";
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    write_file(dir / "deep.html", deep + article);
    const auto r = run_claimgraph({"ingest", dir / "deep.html", "--db", db});
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Contains("deep.html:1:") &&
                          Contains("error: the page's elements nest deeper than 20000; not read"));
  }
  SECTION("truncated, scripts, a 50 MB page") {
    write_file(dir / "in/truncated.html",
               "<html><body>" + article + "<p>Cut here in the mid</p><sp");
    write_file(dir / "in/script.html",
               "<html><body>" + article +
                   "<script>var s = '<p>99,999 workers in a script</p>';</script></body></html>");
    // A page of 50 MB: one article and an inline image.
    std::string big = "<html><body>" + article + "<img src=\"data:image/png;base64,";
    big.append(50u << 20, 'A');
    big += "\"></body></html>";
    write_file(dir / "in/big.html", big);
    const auto r = run_claimgraph({"ingest", dir / "in", "--db", db});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const auto claims = run_claimgraph({"claims", "--db", db}).out;
    CHECK_THAT(claims,
               !Contains("99,999") && !Contains("<sp") && !Contains("base64") && !Contains("AAAA"));
    // The truncated page keeps what it holds of its cut paragraph; the other two hold one
    // article, stored once.
    CHECK_THAT(claims, Contains("Cut here in the mid"));
    CHECK_THAT(r.out, Contains("2 stored") && Contains("1 duplicate"));
  }
}
