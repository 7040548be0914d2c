// The reference parser on footnotes in the styles the corpus uses (a Latin account with a
// bracketed original, a footnote given twice in two scripts, "cited in") and in styles it
// does not (GOST with "//", Korean with 『』, Chicago with the publisher in brackets).

#include "ingest/references/references.hpp"

#include <catch2/catch.hpp>

#include "ingest/lexicon.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using Catch::Matchers::Contains;

namespace {

const references::ReferenceParser& parser() {
  static const references::ReferenceParser p(claimgraph::testing::lexicons().references);
  return p;
}

using Opt = std::optional<std::string>;
using List = std::vector<std::string>;

struct Want {
  List authors;
  List authors_original;
  Opt title, title_original, title_romanized, venue, venue_original, place, date, language,
      script;
};

void check_work(const references::CitedWork& got, const Want& want) {
  CHECK(got.authors == want.authors);
  CHECK(got.authors_original == want.authors_original);
  CHECK(got.title == want.title);
  CHECK(got.title_original == want.title_original);
  CHECK(got.title_romanized == want.title_romanized);
  CHECK(got.venue == want.venue);
  CHECK(got.venue_original == want.venue_original);
  CHECK(got.place == want.place);
  CHECK(got.date == want.date);
  CHECK(got.language == want.language);
  CHECK(got.script == want.script);
}

}  // namespace

TEST_CASE("references: each part of a footnote goes to its field", "[ingest][references]") {
  struct Row {
    const char* raw;
    Want want;
  };
  const Row rows[] = {
      // A quoted title, then an organization, then a month and year.
      {"“The Conditions of the North Korean Overseas Labor” International Network for the Human "
       "Rights of North Korean Overseas Labor. December, 2012",
       {{"International Network for the Human Rights of North Korean Overseas Labor"},
        {},
        "The Conditions of the North Korean Overseas Labor",
        {}, {}, {}, {}, {},
        "2012-12", "en", "Latn"}},
      // Initials before the surname; the original in brackets and quotes.
      {"A. S. Vashchuk. Labor migrants from the DPRK in the Russian Far East [“А. С. Ващук. "
       "Трудовые мигранты из КНДР на российском Дальнем Востоке”].",
       {{"A. S. Vashchuk"},
        {"А. С. Ващук"},
        "Labor migrants from the DPRK in the Russian Far East",
        "Трудовые мигранты из КНДР на российском Дальнем Востоке",
        {}, {}, {}, {}, {}, "ru", "Cyrl"}},
      // McCune-Reischauer romanization, the Hangul original, then the English title.
      {"Lee Yŏng Hyŏng “Rŏsiaŭi Kŭktonggaebalgwa Pukhan Nodongja [이 영 형 “러시아의 극동개발과 북한 "
       "노동자”] “Russia’s Far East Development and North Korean Workers.”",
       {{"Lee Yŏng Hyŏng"},
        {"이 영 형"},
        "Russia’s Far East Development and North Korean Workers",
        "러시아의 극동개발과 북한 노동자",
        "Rŏsiaŭi Kŭktonggaebalgwa Pukhan Nodongja",
        {}, {}, {}, {}, "ko", "Hang"}},
      // A Hangul name and a comma open the bracket, no quotes.
      {"Lee Yeong-hyeong, “Rŏsia Kŭktongjiyŏk Nae Pukhannodongwaldong Hyŏnhwang [이영형, 러시아 "
       "극동지역 내 북한노동활동 현황] The Status of North Korean Labor Activities in the Russian Far "
       "East.",
       {{"Lee Yeong-hyeong"},
        {"이영형"},
        "The Status of North Korean Labor Activities in the Russian Far East",
        "러시아 극동지역 내 북한노동활동 현황",
        "Rŏsia Kŭktongjiyŏk Nae Pukhannodongwaldong Hyŏnhwang",
        {}, {}, {}, {}, "ko", "Hang"}},
      // Everything twice: English then Russian, with a venue and a date in each language.
      {"Is Russia’s migration policy a new stage? Ivakhnyuk I.V. Demographic section of the "
       "Central House of Scientists. March 28, 2016. Миграционная политика России – новый этап? "
       "Ивахнюк И.В. Демографическая секция Центрального Дома ученых. 28 марта 2016 г.",
       {{"Ivakhnyuk I.V."},
        {"Ивахнюк И.В."},
        "Is Russia’s migration policy a new stage?",
        "Миграционная политика России – новый этап?",
        {},
        "Demographic section of the Central House of Scientists",
        "Демографическая секция Центрального Дома ученых",
        {},
        "2016-03-28", "ru", "Cyrl"}},
      // Chicago style: a Korean author in Latin script, journal, volume and issue dropped.
      {"Kim Dae-jung, “Regional Cooperation in Northeast Asia,” Journal of East Asian Affairs 12, "
       "no. 2 (1998): 45–67.",
       {{"Kim Dae-jung"}, {}, "Regional Cooperation in Northeast Asia", {}, {},
        "Journal of East Asian Affairs", {}, {}, "1998", "en", "Latn"}},
      // GOST: "//" opens the journal; year, issue and pages after it.
      {"Иванов П. А. Миграция в Сибири // Вестник Томского университета. 2015. № 3. С. 12–20.",
       {{}, {"Иванов П. А."}, {}, "Миграция в Сибири", {}, {}, "Вестник Томского университета",
        {}, "2015", "ru", "Cyrl"}},
      // Korean: 「」 around the article, 『』 around the journal, a full Korean date.
      {"김정은 「북한 경제의 현황」 『통일연구』 제15권, 2019년 3월 28일.",
       {{}, {"김정은"}, {}, "북한 경제의 현황", {}, {}, "통일연구", {}, "2019-03-28", "ko",
        "Hang"}},
      // Korean journal style: names joined by dots, a title in straight quotes, the journal
      // with volume and issue after commas.
      {"박민수.정하나, '북한 노동자의 해외 파견 연구,' 통일정책연구, 제20권, 제1호, 2011.",
       {{}, {"박민수", "정하나"}, {}, "북한 노동자의 해외 파견 연구", {}, {}, "통일정책연구", {},
        "2011", "ko", "Hang"}},
      // A list number, authors before a comma, an unquoted title, then the journal and pages.
      {"[12] Gibson, R. L., Reimold, W. U., Impact structures of southern Africa, Journal of "
       "African Earth Sciences 35(5), 2002, 557-574.",
       {{"Gibson, R. L.", "Reimold, W. U."}, {}, "Impact structures of southern Africa", {}, {},
        "Journal of African Earth Sciences", {}, {}, "2002", "en", "Latn"}},
      // A year with a letter where no date stands between commas.
      {"Gent, I. P. 1994a. Easy problems are sometimes hard.",
       {{"Gent, I. P."}, {}, "Easy problems are sometimes hard", {}, {}, {}, {}, {}, "1994", "en",
        "Latn"}},
      // Two authors, a book with place and publisher.
      {"Smith, John and Jane Doe. The Labor Question. New York: Columbia University Press, 2010.",
       {{"Smith, John", "Jane Doe"}, {}, "The Labor Question", {}, {},
        "Columbia University Press", {}, "New York", "2010", "en", "Latn"}},
  };
  for (const auto& row : rows) {
    INFO(row.raw);
    const auto parsed = parser().parse(row.raw);
    check_work(parsed.work, row.want);
    CHECK_FALSE(parsed.cited_in);
  }
}

TEST_CASE("references: 'cited in' gives the work a second one it was read in", "[ingest][references]") {
  SECTION("both scripts, the original after the English") {
    const auto parsed = parser().parse(
        "Statistical compilation of Primorsky Krai State Statistics Committee “Labor and "
        "Employment of the Population in Primorsky Krai”, 2006, cited in Trade and economic "
        "cooperation between the Russian Federation and the DPRK in recent years. Lankin AS. "
        "Статистический сборник Приморского краевого комитета государственной статистики «Труд и "
        "занятость населения в Приморском крае», 2006 г., cited in Торгово-экономическое "
        "сотрудничество между РФ и КНДР в последние годы. Ланкин А.С..");
    CHECK(parsed.work.authors == List{"Primorsky Krai State Statistics Committee"});
    CHECK(parsed.work.organizations.size() == 2);  // in both scripts
    CHECK(parsed.work.title == "Labor and Employment of the Population in Primorsky Krai");
    CHECK(parsed.work.title_original == "Труд и занятость населения в Приморском крае");
    CHECK(parsed.work.date == "2006");
    REQUIRE(parsed.cited_in);
    CHECK(parsed.cited_in->authors == List{"Lankin AS"});
    CHECK(parsed.cited_in->authors_original == List{"Ланкин А.С."});
    CHECK(parsed.cited_in->title ==
          "Trade and economic cooperation between the Russian Federation and the DPRK in recent "
          "years");
    CHECK(parsed.cited_in->title_original ==
          "Торгово-экономическое сотрудничество между РФ и КНДР в последние годы");
  }
  SECTION("the publisher in brackets after the title") {
    const auto parsed = parser().parse(
        "Federal Migration Service, “Annual report on foreign workers,” 15 March 2014, cited in "
        "Ivanova E. S., Migration and the State (Moscow: Nauka, 2016).");
    CHECK(parsed.work.authors == List{"Federal Migration Service"});
    CHECK(parsed.work.title == "Annual report on foreign workers");
    CHECK(parsed.work.date == "2014-03-15");
    REQUIRE(parsed.cited_in);
    CHECK(parsed.cited_in->authors == List{"Ivanova E. S."});
    CHECK(parsed.cited_in->title == "Migration and the State");
    CHECK(parsed.cited_in->place == "Moscow");
    CHECK(parsed.cited_in->venue == "Nauka");
    CHECK(parsed.cited_in->date == "2016");
  }
}

TEST_CASE("references: one work has one key in every citation of it", "[ingest][references]") {
  const auto key = [](const char* raw) { return parser().work_key(parser().parse(raw).work); };
  const auto a = key("A. S. Vashchuk. Labor migrants from the DPRK [“А. С. Ващук. Трудовые "
                     "мигранты из КНДР”].");
  // The same work with the original title in another case, and with other spacing.
  CHECK(a == key("A. S. Vashchuk. Labor migrants from the DPRK [“А. С. Ващук. Трудовые мигранты "
                 "из кндр”]."));
  CHECK(a == key("A.  S. Vashchuk.  Labor migrants from the DPRK [“А. С. Ващук.  Трудовые "
                 "мигранты из КНДР”]."));
  CHECK_FALSE(a.empty());
  // Another work of the same author, and the same title by another author, are other works.
  CHECK(a != key("A. S. Vashchuk. Chinese traders [“А. С. Ващук. Китайские торговцы”]."));
  CHECK(a != key("P. A. Ivanov. Labor migrants from the DPRK [“П. А. Иванов. Трудовые мигранты "
                 "из КНДР”]."));
  // A work without a title has no key: it is never merged.
  CHECK(parser().work_key(references::CitedWork{}).empty());
}

TEST_CASE("references: what is not a reference parses without throwing", "[ingest][references]") {
  for (const char* raw : {"", " ", "“", "[", "]]][[[", "cited in", "cited in cited in",
                          "1.", "//", "『』", "((((", "A. B. C. D. E. F.", "2016"}) {
    INFO(raw);
    CHECK_NOTHROW(parser().parse(raw));
  }
  CHECK(parser().parse("").work.empty());
}

TEST_CASE("references.json is validated with the file, line and column", "[ingest][references]") {
  const auto project = claimgraph::testing::read_file(claimgraph::testing::corpus_dir() +
                                                      "/lexicons/references.json");
  const auto load = [](const std::string& text) {
    MemoryFileSystem fs;
    fs.add("lex/references.json", text);
    return references::load_reference_lexicon("lex", fs, nullptr);
  };
  const auto replaced = [&](const std::string& from, const std::string& to) {
    return claimgraph::testing::with_replaced(project, from, to);
  };
  CHECK_NOTHROW(load(project));
  CHECK_THROWS_WITH(load(replaced("\"cited_in\"", "\"cited\"")),
                    Contains("lex/references.json:") && Contains("\"cited\""));
  CHECK_THROWS_WITH(load(replaced("\"MMMM d, y\"", "\"MMMM d, y'\"")),
                    Contains("lex/references.json:") && Contains("leaves a quote open"));
  CHECK_THROWS_WITH(load(replaced("\"MMMM d, y\"", "\"MMMM d, y t\"")),
                    Contains("lex/references.json:") && Contains("'t' is no SimpleDateFormat field"));
  CHECK_THROWS_WITH(load(replaced("[1500, 2100]", "[2100]")),
                    Contains("lex/references.json:") && Contains("year_range"));
  CHECK_THROWS_WITH(load("{\"cited_in\": [}"),
                    Contains("lex/references.json:1:") && Contains("malformed JSON"));
}
