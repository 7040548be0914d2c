#include "ingest/figures/figure_context.hpp"

#include <catch2/catch.hpp>

#include "support/support.hpp"

using namespace claimgraph::ingest;

namespace {

// A document of paragraphs of sentences, with the figures of each sentence found and
// resolved; the facts of the figure whose words are `words`.
struct Doc {
  std::string text;
  std::vector<figures::SentenceFigures> sentences;
  std::vector<std::vector<figures::FigureFacts>> facts;

  Doc(const std::vector<std::vector<std::string>>& paragraphs,
      const std::optional<std::string>& date, const std::string& author = "Author") {
    static const figures::FigureFinder finder(claimgraph::testing::lexicons().figures);
    for (std::uint32_t p = 0; p < paragraphs.size(); ++p) {
      if (p > 0) text += "\n\n";
      for (std::size_t s = 0; s < paragraphs[p].size(); ++s) {
        if (s > 0) text += " ";
        figures::SentenceFigures sf;
        sf.span.begin = static_cast<std::uint32_t>(text.size());
        text += paragraphs[p][s];
        sf.span.end = static_cast<std::uint32_t>(text.size());
        sf.paragraph = p;
        sf.claimant = author;
        sentences.push_back(sf);
      }
    }
    for (auto& s : sentences) s.figures = finder.find(text, s.span);
    facts = figures::resolve_figure_context(text, sentences, date, *claimgraph::testing::lexicons().figures);
  }

  const figures::FigureFacts& of(const std::string& words) const {
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      for (std::size_t f = 0; f < sentences[s].figures.size(); ++f) {
        const auto span = sentences[s].figures[f].span;
        if (text.substr(span.begin, span.size()) == words) return facts[s][f];
      }
    }
    FAIL("no figure \"" << words << "\"");
    return facts[0][0];
  }
};

std::string or_null(const std::optional<std::string>& s) { return s ? *s : "null"; }

}  // namespace

TEST_CASE("measure: the counted noun, its demonym, and nouns of earlier sentences",
          "[ingest][figures]") {
  const Doc doc({{"Limits were set on the number of North Korean laborers that countries can hire.",
                  "Russia hosts an estimated 20,000 of them."},
                 {"In 2013, the government raised the quota of work permits for North Korean "
                  "laborers to 35,000."},
                 {"North Koreans have not seen a large fluctuation on Russian soil.",
                  "They have numbered around 20,000 since the end of the Cold War."},
                 {"At present, approximately 30,000 North Koreans are employed in Russia."}},
                std::string("2017-09-28"));
  CHECK(doc.of("an estimated 20,000").measure == "north-korean-workers");
  CHECK(doc.of("an estimated 20,000").unit == "persons");
  CHECK(doc.of("35,000").measure == "north-korean-work-permits");
  CHECK(doc.of("35,000").unit == "work permits");
  CHECK(doc.of("around 20,000").measure == "north-korean-workers");
  CHECK(doc.of("approximately 30,000").measure == "north-korean-workers");
}

TEST_CASE("measure: a people after the counted noun qualifies it", "[ingest][figures]") {
  const Doc doc({{"The authorities issued 1,500 work permits to Mongolians in Russia."},
                 {"That year 6,500 work permits were granted to North Korean citizens."},
                 {"They issued 700 work permits in Russia, a record."}},
                std::string("2017"));
  CHECK(doc.of("1,500").measure == "mongolian-work-permits");
  CHECK(doc.of("6,500").measure == "north-korean-work-permits");
  CHECK(doc.of("700").measure == "work-permits");  // no people named
}

TEST_CASE("measure: shares name their whole, 'that number' repeats the one before",
          "[ingest][figures]") {
  const Doc doc({{"Chinese workers comprised 21% of Russia’s foreign work force in 2006, while "
                  "in 2015 that number had dwindled to 3%."}},
                std::string("2017"));
  CHECK(doc.of("21%").measure == "chinese-workers-share-of-work-force");
  CHECK(doc.of("3%").measure == "chinese-workers-share-of-work-force");
  CHECK(or_null(doc.of("21%").time_from) == "2006");
  CHECK(or_null(doc.of("3%").time_from) == "2015");
}

TEST_CASE("place: the clause, then the sentence, the paragraph, the document",
          "[ingest][figures]") {
  const Doc doc({{"Now, payments total around $500 to $700 in Russia.",
                  "It costs less elsewhere: $200 to work in China, $400 to $500 for work in the "
                  "Middle East."},
                 {"The average worker gets to keep $150 to $300 per month, which is more than the "
                  "$50 to $70 per month that the average North Korean man makes back home.",
                  "After two or three years in Russia, he returns."},
                 {"It says tens of thousands of North Korean workers abroad work up to 20 hours a "
                  "day."},
                 {"In Amur Province, according to government statistics, 45.4% of the gross "
                  "product is industry, while trade only covers 12.3%."}},
                std::nullopt);
  CHECK(or_null(doc.of("$200").place) == "China");
  CHECK(or_null(doc.of("$400 to $500").place) == "Middle East");
  CHECK(or_null(doc.of("$150 to $300 per month").place) == "Russia");
  CHECK(or_null(doc.of("$50 to $70 per month").place) == "North Korea");
  CHECK(or_null(doc.of("tens of thousands of").place) == "abroad");
  CHECK(or_null(doc.of("12.3%").place) == "Amur");
  CHECK(doc.of("12.3%").measure != doc.of("45.4%").measure);
  CHECK(doc.of("12.3%").claimant == "government statistics");
}

TEST_CASE("time: years, ranges, decades, 'since' an event, the present, a state's years",
          "[ingest][figures]") {
  const Doc doc({{"From the 1970s to the 1990s, between 15,000 and 20,000 workers were employed in "
                  "the Soviet Union."},
                 {"They have numbered around 20,000 since the end of the Cold War."},
                 {"From 2010-2016, the gross product grew by 298.6 billion rubles."},
                 {"At present, approximately 30,000 are employed."},
                 {"Russia hosts 5,000 more."}},
                std::string("2017-09-28"));
  CHECK(or_null(doc.of("between 15,000 and 20,000").time_from) == "1970");
  CHECK(or_null(doc.of("between 15,000 and 20,000").time_to) == "1991");  // the U.S.S.R. ended
  CHECK(or_null(doc.of("around 20,000").time_from) == "1991");
  CHECK(or_null(doc.of("around 20,000").time_to) == "2017-09-28");
  CHECK(or_null(doc.of("298.6 billion rubles").time_from) == "2010");
  CHECK(or_null(doc.of("298.6 billion rubles").time_to) == "2016");
  CHECK(or_null(doc.of("approximately 30,000").time_from) == "2017-09-28");
  CHECK(or_null(doc.of("5,000").time_to) == "2017-09-28");

  const Doc dated({{"The sanctions followed two ICBM tests in July 2017."},
                   {"On March 28, 2016, 300 workers left."},
                   {"28 марта 2016 г. уехали 400 рабочих."},
                   {"2016년 3월 28일에 300명이 떠났다."}},
                  std::string("2017-09-28"));
  CHECK(or_null(dated.of("two").time_from) == "2017-07");
  CHECK(or_null(dated.of("300").time_from) == "2016-03-28");
  CHECK(or_null(dated.of("400").time_from) == "2016-03-28");
  CHECK(or_null(dated.of("300명이").time_from) == "2016-03-28");

  const Doc undated({{"At present, approximately 30,000 are employed."}}, std::nullopt);
  CHECK_FALSE(undated.of("approximately 30,000").time_from.has_value());
}

TEST_CASE("time: a year counted from the document's date, in three languages (issue 15)",
          "[ingest][figures]") {
  const Doc doc({{"Last year 30,000 workers were employed in Russia."},
                 {"В прошлом году в России работали 25 тысяч рабочих."},
                 {"지난해 러시아에 있는 북한 노동자는 3만 명이었다."},
                 {"올해 북한 노동자 2만 명이 러시아에 있다."}},
                std::string("2019-05-01"));
  CHECK(or_null(doc.of("30,000").time_from) == "2018");
  CHECK(or_null(doc.of("25 тысяч").time_from) == "2018");
  CHECK(or_null(doc.of("3만 명이었다").time_from) == "2018");
  CHECK(or_null(doc.of("2만 명이").time_from) == "2019");
  // Without a document date the year stays unknown, not guessed.
  const Doc undated({{"Last year 30,000 workers were employed in Russia."}}, std::nullopt);
  CHECK_FALSE(undated.of("30,000").time_from.has_value());
}

TEST_CASE("claimant: 'according to', a reporting verb, 'It says'", "[ingest][figures]") {
  const Doc doc({{"Irina Ivakhnyuk demonstrates that in 2006, Chinese workers comprised 21% of the "
                  "work force."},
                 {"The State Department’s report describes camps in Russia.",
                  "It says tens of thousands of workers are abroad."},
                 {"According to a fact sheet published by North Korea in the World, laborers in "
                  "Russia come on five-year contracts."},
                 {"The plant employs 300 workers."},
                 {"Today’s news from the Chinese Ministry of Commerce that firms have been given "
                  "120 days to close has shone a light on exports."},
                 {"The U.S. State Department’s latest Trafficking in Persons (TIP) Report "
                  "describes camps.",
                  "It says 5,000 workers are abroad."}},
                std::string("2017"), "Anthony Rinna");
  CHECK(doc.of("21%").claimant == "Irina Ivakhnyuk");
  CHECK(doc.of("tens of thousands of").claimant == "U.S. State Department");  // a known actor
  CHECK(doc.of("five-year").claimant == "North Korea in the World");
  CHECK(or_null(doc.of("five-year").place) == "Russia");  // the source's name places nothing
  CHECK(doc.of("300").claimant == "Anthony Rinna");
  CHECK(doc.of("120 days").claimant == "Chinese Ministry of Commerce");
  CHECK(doc.of("5,000").claimant == "U.S. State Department");
}

TEST_CASE("context in Russian and Korean", "[ingest][figures]") {
  const Doc ru({{"В 2013 году в России работали около 30 тысяч северокорейских рабочих."}},
               std::string("2017"));
  CHECK(ru.of("около 30 тысяч").measure == "north-korean-workers");
  CHECK(or_null(ru.of("около 30 тысяч").place) == "Russia");
  CHECK(or_null(ru.of("около 30 тысяч").time_from) == "2013");

  const Doc ko({{"현재 러시아에는 약 3만 명의 북한 노동자가 있다."}}, std::string("2017-09-28"));
  CHECK(ko.of("약 3만 명의").measure == "north-korean-workers");
  CHECK(or_null(ko.of("약 3만 명의").place) == "Russia");
  CHECK(or_null(ko.of("약 3만 명의").time_from) == "2017-09-28");
}

// One sentence each, in three languages: the figure's words, its measure and its place
// ("null" for none). Issue 15: the counted noun with its qualifiers (origin, status, the
// noun itself), and the place by role.
struct ScopeRow {
  const char* sentence;
  const char* figure;
  const char* measure;
  const char* place;
};

TEST_CASE("measure and place by role: qualifiers, statuses, other nouns (issue 15)",
          "[ingest][figures]") {
  const ScopeRow rows[] = {
      // Other nationalities are other measures.
      {"Russia also employs some 90,000 Uzbek workers.", "some 90,000", "uzbek-workers", "Russia"},
      {"В Москве трудятся около 40 тысяч таджикских рабочих.", "около 40 тысяч", "tajik-workers", "Moscow"},
      {"러시아에는 베트남 노동자 약 2만 명이 있다.", "약 2만 명이", "vietnamese-workers", "Russia"},
      // The noun itself: countries, firms and interviewees are not workers.
      {"North Korean workers are found in about 30 countries.", "about 30", "countries", "null"},
      // A noun no lexicon knows counts itself: houses are no workers.
      {"North Korean laborers built 200 houses in Vladivostok last summer.", "200", "houses", "Vladivostok"},
      {"Рабочие из КНДР трудятся более чем в 40 странах мира.", "40", "countries", "null"},
      // A flow is not a stock; a sample is not a population; a quota is not a count.
      {"In 2019, about 10,000 North Korean workers were sent to Russia.", "about 10,000",
       "north-korean-workers-sent", "Russia"},
      {"Eight workers we interviewed in Khabarovsk described 16-hour shifts.", "Eight",
       "workers-interviewed", "Khabarovsk"},
      {"В 2018 году в Россию прибыли 12 тысяч рабочих из КНДР.", "12 тысяч",
       "north-korean-workers-sent", "Russia"},
      {"2018년 러시아에 파견된 북한 노동자는 1만 명이다.", "1만 명이다", "north-korean-workers-sent", "Russia"},
      {"Moscow set a quota of 5,000 North Korean workers for 2020.", "5,000",
       "north-korean-workers-permitted", "Moscow"},
      // Origin is a qualifier, never the place: sent from North Korea to Russia is in Russia.
      {"Some 20,000 workers from North Korea are employed in Russia.", "Some 20,000",
       "north-korean-workers", "Russia"},
      {"В России работают около 20 тысяч граждан КНДР.", "около 20 тысяч", "north-korean-workers", "Russia"},
      {"러시아에서 일하는 북한 출신 노동자는 약 2만 명이다.", "약 2만 명이다", "north-korean-workers", "Russia"},
      // A place the gazetteer lacks is a place of its own, by its name without case endings;
      // a Russian name in another case; a Korean name without a particle is a nationality.
      {"About 12,000 Uzbek workers were employed in the Almaty region in 2021.", "About 12,000",
       "uzbek-workers", "~almaty"},
      {"В 2022 году в Омской области работали около 18 тысяч мигрантов из Таджикистана.",
       "около 18 тысяч", "tajik-workers", "~омск"},
      {"Ещё около 1200 северокорейцев в 2021 году трудились на Сахалине.", "около 1200",
       "north-korean-workers", "Sakhalin"},
      {"캄보디아 노동자 약 3천 명이 한국에 입국했다.", "약 3천 명이", "cambodian-workers-sent",
       "South Korea"},
      {"북한 안에서는 북한 노동자 약 30만 명이 일했다.", "약 30만 명이", "north-korean-workers",
       "North Korea"},
      // A Korean compound counts its last noun; a kind of place keeps a name a place; a long
      // name with a place suffix and a particle is a place of its own.
      {"2023년 충북 지역 농가에 입국한 외국인 계절근로자는 약 2천 명이다.", "약 2천 명이다",
       "workers-sent", "North Chungcheong"},
      {"몽골 국적 계절근로자는 2023년 강원도에 420명이 입국했다.", "420명이", "mongolian-workers-sent",
       "Gangwon"},
      {"2023년 홍천군에서 일한 계절근로자는 640명이다.", "640명이다", "workers", "~홍천군"},
      // A source named after the figure places nothing ("based in Poznań").
      {"Polish universities had 62,000 foreign students in 2023, according to a report by an "
       "institute based in Poznań.",
       "62,000", "students", "Poland"},
      // A people with nothing said of it counts persons; employment makes them workers.
      {"В 2023 году в Москве проживали 270 тысяч таджикистанцев.", "270 тысяч", "tajik-people", "Moscow"},
      {"В 2023 году в столице были трудоустроены 270 тысяч таджикистанцев.", "270 тысяч",
       "tajik-workers", "null"},
      // A counted noun no lexicon knows is a measure of its own word (third held-out set).
      {"Only about 2,900 Nigerian nurses joined the UK register in 2023.", "about 2,900",
       "nigerian-nurses", "United Kingdom"},
      {"2023년 거제 지역 조선소에 새로 배치된 우즈베키스탄 용접공은 600명으로 파악됐다.", "600명으로",
       "uzbek-용접공", "~거제"},
      {"В 2022 году в вузы Томской области поступили 1800 граждан Туркменистана.", "1800",
       "turkmen-people", "~томск"},
      // "2023년 말 현재": the present word after a date dates nothing of its own.
      {"2023년 말 현재 울산 지역 조선소에서 일하는 베트남 근로자는 8천500명에 달했다.", "8천500명에",
       "vietnamese-workers", "Ulsan"},
  };
  for (const auto& row : rows) {
    INFO(row.sentence);
    const Doc doc({{row.sentence}}, std::string("2020-05-01"));
    const auto& f = doc.of(row.figure);
    CHECK(f.measure == row.measure);
    CHECK(or_null(f.place) == row.place);
  }
  // The present after a date: the date's year, not the article's.
  const Doc asof({{"2023년 말 현재 울산 지역 조선소에서 일하는 베트남 근로자는 8천500명에 달했다."}},
                 std::string("2024-04-02"));
  CHECK(or_null(asof.of("8천500명에").time_from) == "2023");
}
