// The HTML reader on pages written here: what the main text keeps and leaves out, where each
// metadata field comes from, charsets, note markers, and bad pages that must not crash or turn
// markup into text. The real pages of other projects are in tests/peer/page_suites_test.cpp.

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <string>

#include "ingest/html/charset.hpp"
#include "ingest/html/dom.hpp"
#include "ingest/html/page.hpp"
#include "ingest/html/page_lexicon.hpp"
#include "support/support.hpp"

namespace html = claimgraph::ingest::html;
using Catch::Matchers::Contains;

namespace {

html::Page read(const std::string& page, const std::string& url = "") {
  const auto& lex = claimgraph::testing::lexicons();
  return html::read_page(page, lex.page, *lex.figures, url);
}

std::string part_text(const html::Page& p, html::PartKind kind) {
  std::string out;
  for (const auto& part : p.parts) {
    if (part.kind == kind)
      out += p.text.substr(part.span.begin, part.span.end - part.span.begin) + "|";
  }
  return out;
}

// `utf8` in the charset `name`, through ICU.
std::string encoded(const std::string& utf8, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name, &status);
  REQUIRE(U_SUCCESS(status));
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(u.length()) * 4 + 16, '\0');
  const int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()),
                                    u.getBuffer(), u.length(), &status);
  ucnv_close(cnv);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

const char* kCourier = "/tests/data/pages/courier_workers.html";

}  // namespace

TEST_CASE("html: the main text keeps the article and leaves the page's furniture out", "[ingest]") {
  const auto page =
      read(claimgraph::testing::read_file(claimgraph::testing::source_dir() + kCourier));
  const std::string body = page.body_text();
  CHECK_THAT(body, Contains("An estimated 20,000 North Korean workers were in Russia in 2023"));
  CHECK_THAT(body, Contains("Another study put the number at approximately 30,000"));
  for (const char* furniture :
       {"Home", "Share on Facebook", "Related:", "Reader: this is my comment",
        "All rights reserved", "99,999", "color:red", "By Jane Roe", "↩"}) {
    INFO(furniture);
    CHECK_THAT(page.text, !Contains(furniture));
  }
  CHECK(part_text(page, html::PartKind::kHeadline) == "Workers abroad|");
  CHECK(page.text.starts_with("Workers abroad\n\n"));
  CHECK(part_text(page, html::PartKind::kCaption) ==
        "Workers at a site in Vladivostok, in a photo from 2019.|");
  // Notes after the body, each with its label; the markers' text is not in the body.
  CHECK(
      part_text(page, html::PartKind::kNote) ==
      "Ministry of Labour, Annual report on foreign workers, 2024.|Kim Min-su, \"북한 노동자 해외 "
      "파견 실태\", Seoul: Institute, 2023.|");
  REQUIRE(page.markers.size() == 2);
  CHECK(page.markers[0].label == "1");
  CHECK(page.text.substr(page.markers[0].offset - 9, 9) == "ministry.");
  CHECK(page.markers[1].label == "2");
  // Every piece of text points at where it stands in the page.
  const std::string raw =
      claimgraph::testing::read_file(claimgraph::testing::source_dir() + kCourier);
  const auto at = page.text.find("An estimated");
  CHECK(raw.substr(page.page_offset(static_cast<std::uint32_t>(at)), 12) == "An estimated");
}

TEST_CASE("html: each metadata field from the best source the page has", "[ingest]") {
  struct Row {
    const char* head;  // inside <head>
    const char* body;  // inside <body>, before the article
    const char* url;
    const char* field;
    const char* value;
    const char* from;
  };
  const Row rows[] = {
      {R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"A headline","datePublished":"2021-03-04T09:00:00+03:00","author":{"@type":"Person","name":"Ivan Petrov"},"publisher":{"name":"Daily Test"}}</script>)",
       "", "", "date", "2021-03-04", "json-ld"},
      {R"(<script type="application/ld+json">[{"@graph":[{"@type":"WebPage"},{"@type":"ReportageNewsArticle","author":[{"name":"A One"},{"name":"B Two"}]}]}]</script>)",
       "", "", "authors", "A One; B Two", "json-ld"},
      {R"(<meta property="og:title" content="Port strike ends | Harbour Daily"><meta property="og:site_name" content="Harbour Daily">)",
       "", "", "title", "Port strike ends", "opengraph"},
      {R"(<title>Port strike ends - Harbour Daily</title>)",
       "<h1>Port strike ends after nine days</h1>", "", "title", "Port strike ends after nine days",
       "text"},
      {R"(<title>Port strike ends</title>)", "<h1><a href='/logo'>Harbour Daily</a></h1>", "",
       "title", "Port strike ends", "meta"},
      {R"(<meta name="author" content="By Anna Kim">)", "", "", "authors", "Anna Kim", "meta"},
      {R"(<meta name="author" content="Автор: Анна Соколова">)", "", "", "authors", "Анна Соколова",
       "meta"},
      {"", R"(<div class="article-byline">BY JANE ROE</div>)", "", "authors", "JANE ROE", "text"},
      {R"(<meta property="article:published_time" content="2019-11-19T22:30:00Z">)", "", "", "date",
       "2019-11-19", "opengraph"},
      {"", R"(<time datetime="2020-06-01T08:00">June 1</time>)", "", "date", "2020-06-01", "time"},
      {"", "", "https://www.example-news.com/2018/07/09/story.html", "date", "2018-07-09", "url"},
      {"", R"(<p class="date">15 августа 2016, 13:43</p>)", "", "date", "2016-08-15", "text"},
      {"", "<h1>Port strike ends after nine days</h1><div>15.02.2024 14:30 | Транспорт</div>", "",
       "date", "2024-02-15", "text"},
      {"", "<h1>Port strike ends after nine days</h1><div>기자 | 입력 2023.11.08 09:41</div>", "",
       "date", "2023-11-08", "text"},
      {"",
       "<div class='today'>2020.01.01</div><h1>Port strike ends after nine days</h1>"
       "<div>Posted 11/08/2023</div>",
       "", "date", "2023-11-08", "text"},
      {"", "", "https://www.example-news.com/a/b", "outlet", "example-news.com", "host"},
      {R"(<link rel="canonical" href="https://news.test/x">)", "", "https://mirror.test/y", "url",
       "https://news.test/x", "meta"},
  };
  for (const auto& row : rows) {
    const std::string page = std::string("<html lang=\"en\"><head>") + row.head + "</head><body>" +
                             row.body +
                             "<article><p>The ministry said some 16,000 workers arrived last year, "
                             "most of them in the Far East, and more are expected.</p></article>"
                             "</body></html>";
    INFO(page);
    const auto m = read(page, row.url).meta;
    std::string got;
    const std::string field = row.field;
    if (field == "authors") {
      for (const auto& a : m.authors) got += (got.empty() ? "" : "; ") + a;
    } else {
      const auto& v = field == "title"    ? m.title
                      : field == "date"   ? m.date
                      : field == "outlet" ? m.outlet
                                          : m.url;
      got = v.value_or("(none)");
    }
    CHECK(got == row.value);
    CHECK(m.from.count(field) == 1);
    if (m.from.count(field)) CHECK(m.from.at(field) == row.from);
    CHECK(m.language == std::optional<std::string>("en"));
  }
}

TEST_CASE("html: legacy charsets are read by their declaration, their bytes or ICU's detector",
          "[ingest]") {
  const std::string ru =
      "Около 12 тысяч граждан Киргизии работали в Подмосковье в прошлом году, "
      "сообщило министерство; еще 5 тысяч приехали весной.";
  const std::string ko =
      "법무부에 따르면 지난해 국내에 들어온 외국인 선원은 약 9천200명으로 "
      "집계됐다. 이는 전년보다 크게 늘어난 수치라고 관계자는 설명했다.";
  struct Row {
    std::string bytes;
    std::string want;
    const char* from;
  };
  const auto page = [](const std::string& head, const std::string& text) {
    return "<html><head>" + head + "</head><body><article><p>" + text + "</p><p>" + text +
           "</p></article></body></html>";
  };
  const Row rows[] = {
      {encoded(page("<meta charset=\"windows-1251\">", ru), "windows-1251"), ru, "meta"},
      {encoded(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", ru),
               "KOI8-R"),
       ru, "meta"},
      {encoded(page("", ko), "EUC-KR"), ko, "detected"},
      {"\xEF\xBB\xBF" + page("", ko), ko, "bom"},
      {"\xFF\xFE" + encoded(page("", ru), "UTF-16LE"), ru, "bom"},
      {page("", ru), ru, "utf-8"},
  };
  for (const auto& row : rows) {
    const auto decoded = html::decode_page(row.bytes);
    INFO(row.from << " " << decoded.charset);
    CHECK(decoded.from == row.from);
    CHECK(decoded.warnings.empty());
    CHECK_THAT(read(decoded.utf8).text, Contains(row.want));
  }
}

TEST_CASE("html: invalid bytes and a wrong declaration are warned of, with the byte offset",
          "[ingest]") {
  SECTION("a byte invalid in the declared UTF-8") {
    std::string bytes =
        "<html><head><meta charset=\"utf-8\"></head><body><p>Some 16,000 workers \xFF "
        "arrived.</p></body></html>";
    const auto bad = bytes.find('\xFF');
    const auto decoded = html::decode_page(bytes);
    REQUIRE(decoded.warnings.size() == 1);
    CHECK(decoded.warnings[0].offset == bad);
    CHECK_THAT(decoded.warnings[0].message, Contains("invalid in UTF-8"));
    CHECK_THAT(decoded.utf8, Contains("workers \xEF\xBF\xBD arrived"));
  }
  SECTION("windows-1251 declared, UTF-8 written") {
    const std::string bytes =
        "<html><head><meta charset=\"windows-1251\"></head><body><p>Около 12 тысяч "
        "граждан.</p></body></html>";
    const auto decoded = html::decode_page(bytes);
    REQUIRE(decoded.warnings.size() == 1);
    CHECK(decoded.warnings[0].offset == bytes.find("charset"));
    CHECK_THAT(decoded.warnings[0].message,
               Contains("declares charset windows-1251 but its bytes are UTF-8"));
    CHECK_THAT(decoded.utf8, Contains("Около 12 тысяч граждан."));
  }
  SECTION("a charset ICU does not know") {
    const auto decoded = html::decode_page("<meta charset=\"x-no-such\"><p>Text \xE9 here.</p>");
    REQUIRE_FALSE(decoded.warnings.empty());
    CHECK_THAT(decoded.warnings[0].message, Contains("unknown charset \"x-no-such\""));
  }
}

TEST_CASE("html: bad pages give no crash and no text made of markup", "[ingest]") {
  const std::string article =
      "<article><p>The ministry said some 16,000 workers arrived last year, most of them in the "
      "Far East, and that more are expected next spring.</p>";
  SECTION("cut in the middle of a tag") {
    const auto page =
        read("<html><body>" + article + "<p>Second paragraph of the article th</p><di");
    CHECK_THAT(page.text, Contains("some 16,000 workers arrived"));
    CHECK_THAT(page.text, !Contains("<di"));
  }
  SECTION("nested 15,000 deep, under the limit") {
    std::string deep;
    for (int i = 0; i < 15000; ++i) deep += "<div>";
    const std::string page = "<html><body>" + deep + article + "</body></html>";
    CHECK(html::nesting_over(page, html::kMaxNesting) == std::string::npos);
    CHECK_THAT(read(page).text, Contains("some 16,000 workers arrived"));
  }
  SECTION("the nesting limit's scan") {
    struct Row {
      std::string page;
      std::size_t limit;
      std::size_t over;  // npos: not over
    };
    const std::size_t no = std::string::npos;
    const Row rows[] = {
        {"<div><div><div>x", 2, 14},
        {"<div><div></div><div>x", 2, no},
        {"<p><p><p><li><li><br><img src=x><div/>", 1,
         no},  // closed by the parser, void, self-closed
        {"<div><!-- <div><div> --><script>if (a<b) {'<div><div>'}</script><div>", 2, no},
        {"<DIV><Div><div>", 2, 14},
    };
    for (const auto& r : rows) {
      INFO(r.page);
      CHECK(html::nesting_over(r.page, r.limit) == r.over);
    }
  }
  SECTION("script and style text") {
    const auto page =
        read("<html><head><style>p{x:1}</style></head><body>" + article +
             "<script>document.write('<p>30,000 hidden workers</p>')</script>"
             "<noscript><p>Enable JavaScript to read 40,000 more.</p></noscript></body></html>");
    CHECK_THAT(page.text, !Contains("30,000") && !Contains("40,000") && !Contains("x:1"));
  }
  SECTION("no article: menus and links only") {
    const auto page = read(
        "<html><body><nav><a href='/'>Home</a><a href='/b'>World</a></nav>"
        "<ul><li><a href='/c'>A story about something else entirely</a></li>"
        "<li><a href='/d'>Another story about something else here</a></li></ul></body></html>");
    CHECK(page.text.empty());
  }
  SECTION("text the parser decodes longer than its source (html_fuzz's find)") {
    // An unclosed <title> in a detected charset: the text's pieces once pointed past the page.
    const auto decoded = html::decode_page(claimgraph::testing::read_file(
        claimgraph::testing::source_dir() + "/tests/data/fuzz/html_offset_past_page.html"));
    const auto read_back = read(decoded.utf8);
    REQUIRE_FALSE(read_back.offsets.empty());
    for (const auto& [t, g] : read_back.offsets) {
      CHECK(t <= read_back.text.size());
      CHECK(g <= decoded.utf8.size());
    }
  }
  SECTION("no markup at all") {
    CHECK(read("").text.empty());
    CHECK(read("<<<>>>&&&;;").text.empty());
  }
}

TEST_CASE("html: class and id names are read in parts", "[ingest]") {
  struct Row {
    const char* parts;
    const char* word;
    bool match;
  };
  const Row rows[] = {
      {"-top-ad-", "ad", true},           {"-header-", "ad", false},
      {"-sharebar-", "share", true},      {"-page-builder-page-row-", "pager", false},
      {"-most-read-", "most-read", true}, {"-adventure-", "ad", false},
  };
  for (const auto& r : rows) {
    INFO(r.parts << " " << r.word);
    CHECK(html::names_any(r.parts, {r.word}) == r.match);
  }
}
