#include "query/json_output.hpp"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <limits>
#include <sstream>

#include "graph/sha256.hpp"
#include "query/listing.hpp"
#include "query/text_output.hpp"
#include "support/support.hpp"

using namespace claimgraph;

namespace {

// A document "s" (file s.txt) of the bytes given, without claims yet.
graph::DocumentGraph document_s(std::string bytes) {
  graph::DocumentGraph d;
  d.source.id = "s";
  d.source.path = "/x/s.txt";
  d.source.file = "s.txt";
  d.source.content_hash = graph::sha256_hex(bytes);
  d.source.bytes = std::move(bytes);
  return d;
}

}  // namespace

TEST_CASE("claims JSON has the contract's fields and byte spans", "[query]") {
  testing::TempDir dir;
  graph::Store store(dir / "s.db");
  auto d = document_s("Héllo wörld.\nSecond line.");
  d.claims.push_back(graph::Claim{"s:c1", "s", {{15, 27}}, "Second line.", "Ann", 1, {}});
  d.edges.push_back(graph::Edge{graph::EdgeKind::kContains, "s", "s:c1"});
  store.put(d, "k");
  const auto g = store.load();
  query::SourceTexts texts(store);
  std::ostringstream printed;
  query::claims_json(printed, g, g.of_kind(graph::NodeKind::kClaim), texts);
  const auto json = printed.str();
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsArray());
  REQUIRE(doc.Size() == 1);
  const auto& c = doc[0];
  CHECK(std::string(c["id"].GetString()) == "s:c1");
  CHECK(c["span"][0].GetUint() == 15);  // "é" and "ö" take two bytes each
  CHECK(c["span"][1].GetUint() == 27);
  CHECK(std::string(c["claimant"].GetString()) == "Ann");
  CHECK(std::string(c["source"]["file"].GetString()) == "s.txt");
  CHECK(c["source"]["date"].IsNull());
  CHECK(c["source"]["authors"].IsArray());
  CHECK(c["figures"].IsArray());
  CHECK(c["actors"].IsArray());
  CHECK(c["cites"].IsArray());
  CHECK(c["location"]["line"].GetUint() == 2);
  CHECK(c["location"]["column"].GetUint() == 1);
}

TEST_CASE("figures JSON: value, bound, time and an open bound as the largest double", "[query]") {
  testing::TempDir dir;
  graph::Store store(dir / "s.db");
  auto d = document_s("It has more than 40% of seats.");
  d.claims.push_back(graph::Claim{"s:c1", "s", {{0, 30}}, d.source.bytes, "Ann", 1, {}});
  graph::Figure f;
  f.id = "s:g1";
  f.source_id = "s";
  f.claim_id = "s:c1";
  f.span = {7, 20};
  f.text = "more than 40%";
  f.lo = 40;
  f.hi = std::numeric_limits<double>::infinity();
  f.point = 40;
  f.bound = graph::Bound::kAtLeast;
  f.hedge = "more than";
  f.unit = "percent";
  f.measure = "seats";
  f.claimant = "Ann";
  d.figures.push_back(f);
  d.edges.push_back(graph::Edge{graph::EdgeKind::kContains, "s", "s:c1"});
  d.edges.push_back(graph::Edge{graph::EdgeKind::kStates, "s:c1", "s:g1"});
  store.put(d, "k");
  const auto g = store.load();
  query::SourceTexts texts(store);
  std::ostringstream printed;
  query::figures_json(printed, g, g.of_kind(graph::NodeKind::kFigure), texts);
  const auto json = printed.str();
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.Size() == 1);
  const auto& j = doc[0];
  CHECK(j["value"]["lo"].GetDouble() == 40);
  CHECK(j["value"]["hi"].GetDouble() == std::numeric_limits<double>::max());
  CHECK(j["value"]["point"].GetDouble() == 40);
  CHECK(std::string(j["bound"].GetString()) == "at_least");
  CHECK(std::string(j["hedge"].GetString()) == "more than");
  CHECK(j["time"].IsNull());
  CHECK(j["place"].IsNull());
  CHECK(std::string(j["claim_id"].GetString()) == "s:c1");
  CHECK(j["span"][0].GetUint() == 7);
  CHECK(std::string(j["source"]["id"].GetString()) == "s");
}

TEST_CASE("terminal_safe shows control characters as escapes and keeps text and white space",
          "[query]") {
  using claimgraph::query::terminal_safe;
  CHECK(terminal_safe("plain Ващук 이영형\ttab\n") == "plain Ващук 이영형\ttab\n");
  CHECK(terminal_safe("a\x1b]0;pwned\x07"
                      "b") == "a\\x1b]0;pwned\\x07b");
  CHECK(terminal_safe("del\x7f c1\xC2\x9B") == "del\\x7f c1\\u009b");
  CHECK(terminal_safe("bad \xC3\x28") == "bad \xEF\xBF\xBD(");
  // CRLF documents and form feeds print as their lines and spaces.
  CHECK(terminal_safe("one\r\ntwo\rthree\ffour\vfive") == "one\ntwo three four five");
  // Our own bold and plain stay only when asked for.
  CHECK(terminal_safe("\x1b[1mx\x1b[0m", true) == "\x1b[1mx\x1b[0m");
  CHECK(terminal_safe("\x1b[1mx\x1b[0m") == "\\x1b[1mx\\x1b[0m");
  CHECK(terminal_safe("\x1b[2J", true) == "\\x1b[2J");
}

TEST_CASE("a claim said many times lists its first spans and the count, in JSON and text",
          "[query]") {
  testing::TempDir dir;
  graph::Store store(dir / "s.db");
  const std::string sentence = "Officials said 1,200 workers arrived.";
  graph::Claim claim{"s:c1", "s", {}, sentence, "Ann", 1, {}};
  std::string bytes;
  for (int i = 0; i < 25; ++i) {
    const auto begin = static_cast<std::uint32_t>(bytes.size());
    bytes += sentence + "\n";
    claim.spans.push_back({begin, static_cast<std::uint32_t>(begin + sentence.size())});
  }
  auto d = document_s(bytes);
  d.claims.push_back(claim);
  d.edges.push_back(graph::Edge{graph::EdgeKind::kContains, "s", "s:c1"});
  store.put(d, "k");
  const auto g = store.load();
  query::SourceTexts texts(store);
  const auto v = *g.find("s:c1");

  std::ostringstream json;
  query::show_json(json, g, v, texts);
  rapidjson::Document doc;
  doc.Parse(json.str().c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["node"]["spans"].Size() == query::kSpansListed);
  CHECK(doc["node"]["span_count"].GetUint() == 25);
  CHECK(doc["node"]["spans"][9][0].GetUint() == 9 * (sentence.size() + 1));

  std::ostringstream text;
  query::show_text(text, g, v, texts, query::TextStyle{});
  const std::string shown = text.str();
  CHECK_THAT(shown, Catch::Matchers::Contains("repeated: line 10:1\n") &&
                        Catch::Matchers::Contains("repeated: 15 more times (25 in all)\n"));
  CHECK(shown.find("repeated: line 11:1") == std::string::npos);
}

TEST_CASE("the terminal filter gives the same bytes however the text is cut into writes",
          "[query]") {
  // Characters of two, three and four bytes, an escape kept as style and one shown, a CRLF,
  // a C1 control and a byte that is not UTF-8, over lines of a buffer's size and more.
  std::string text;
  for (int i = 0; text.size() < 300'000; ++i) {
    text += "line " + std::to_string(i) +
            ": é 한국 𝔸 \x1b[1mbold\x1b[0m \x1b]0;t\x07 \r\n"
            "\xC2\x9B \xFF tab\there\n";
    if (i % 97 == 0) text += std::string(70'000, 'x') + "\n";  // a line longer than the buffer
  }
  for (const bool keep_style : {false, true}) {
    const std::string whole = query::terminal_safe(text, keep_style);
    for (const std::size_t piece : {1u, 7u, 4096u, 65537u}) {
      std::ostringstream out;
      {
        query::TerminalSafeStream safe(out, keep_style);
        for (std::size_t at = 0; at < text.size(); at += piece) {
          safe << std::string_view(text).substr(at, piece);
        }
      }
      INFO("pieces of " << piece << ", keep_style " << keep_style);
      CHECK(out.str() == whole);
    }
  }
}
