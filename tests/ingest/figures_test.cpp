#include "ingest/figures/figures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "support/support.hpp"

using namespace claimgraph::ingest;
using claimgraph::graph::Bound;

namespace {

constexpr double kOpen = std::numeric_limits<double>::infinity();
constexpr double kNoPoint = -1;

// One figure expected in a sentence: its words, interval, point, approx, bound, unit.
struct Row {
  const char* sentence;
  const char* words;  // the figure's span as written
  double lo;
  double hi;
  double point;  // kNoPoint: a range or vague quantity
  bool approx;
  Bound bound;
  const char* unit;
};

const figures::FigureFinder& finder() { return claimgraph::testing::figure_finder(); }
using claimgraph::testing::words_of;

void check_row(const Row& row) {
  const std::string sentence = row.sentence;
  INFO(sentence);
  const auto found = finder().find(sentence);
  const figures::FoundFigure* hit = claimgraph::testing::figure_with_words(sentence, found, row.words);
  REQUIRE(hit != nullptr);
  CHECK(hit->lo == Approx(row.lo));
  if (std::isinf(row.hi)) {
    CHECK(std::isinf(hit->hi));
  } else {
    CHECK(hit->hi == Approx(row.hi));
  }
  if (row.point == kNoPoint) {
    CHECK_FALSE(hit->point.has_value());
  } else {
    REQUIRE(hit->point.has_value());
    CHECK(*hit->point == Approx(row.point));
  }
  CHECK(hit->approx == row.approx);
  CHECK(hit->bound == row.bound);
  CHECK(hit->unit == row.unit);
}

}  // namespace

TEST_CASE("numerals: separators, decimals, percentages, scales, currencies", "[ingest][figures]") {
  const Row rows[] = {
      {"The camp held 20,000 men.", "20,000", 15000, 25000, 20000, false, Bound::kNone, ""},
      {"They issued 35,000 permits.", "35,000", 34500, 35500, 35000, false, Bound::kNone, ""},
      {"The figure was 35\u00a0000 in all.", "35\u00a0000", 34500, 35500, 35000, false, Bound::kNone, ""},
      {"The figure was 35\u2009000 in all.", "35\u2009000", 34500, 35500, 35000, false, Bound::kNone, ""},
      {"Output grew by 298.6 billion rubles.", "298.6 billion rubles", 298.55e9, 298.65e9, 298.6e9,
       false, Bound::kNone, "RUB"},
      {"Farming is 45.4% of the total.", "45.4%", 45.35, 45.45, 45.4, false, Bound::kNone, "percent"},
      {"Inflation hit 7 percent last year.", "7 percent", 6.5, 7.5, 7, false, Bound::kNone, "percent"},
      {"A permit costs $200 today.", "$200", 150, 250, 200, false, Bound::kNone, "USD"},
      {"The fund holds 3 million dollars.", "3 million dollars", 2.5e6, 3.5e6, 3e6, false,
       Bound::kNone, "USD"},
      {"They paid 500 yuan each.", "500 yuan", 450, 550, 500, false, Bound::kNone, "CNY"},
      {"The loan was ₩5,000,000 in total.", "₩5,000,000", 4.5e6, 5.5e6, 5e6, false,
       Bound::kNone, "KRW"},
      {"The project cost $5m in the end.", "$5m", 4.5e6, 5.5e6, 5e6, false, Bound::kNone, "USD"},
      {"The contract ran 120 days in all.", "120 days", 115, 125, 120, false, Bound::kNone, "days"},
      // After a month and a year, a count is no year of a date ("March 28, 2017" is a date).
      {"In September 1986, 24,000 men came.", "24,000", 23500, 24500, 24000, false, Bound::kNone,
       ""},
  };
  for (const auto& row : rows) check_row(row);
}

TEST_CASE("hedges keep the rounding interval, or widen a precise number to ±5%",
          "[ingest][figures]") {
  const Row rows[] = {
      {"The country hosts an estimated 20,000 of them.", "an estimated 20,000", 15000, 25000,
       20000, true, Bound::kNone, ""},
      {"At present, approximately 30,000 are employed.", "approximately 30,000", 25000, 35000,
       30000, true, Bound::kNone, ""},
      {"It stayed at around 10% of the total.", "around 10%", 5, 15, 10, true, Bound::kNone, "percent"},
      {"Officials counted about 29,350 people.", "about 29,350 people", 27882.5, 30817.5, 29350,
       true, Bound::kNone, "persons"},
      {"Some 300 miners went on strike.", "Some 300", 250, 350, 300, true, Bound::kNone, ""},
      {"Roughly 1.5 million visited.", "Roughly 1.5 million", 1.425e6, 1.575e6, 1.5e6, true,
       Bound::kNone, ""},
  };
  for (const auto& row : rows) check_row(row);
}

TEST_CASE("ranges: between/and, from/to, X to Y, dashes, 'or'", "[ingest][figures]") {
  const Row rows[] = {
      // Cut by the text's end: the lower end as a bound.
      {"The plan costs between $1.2 billion and", "between $1.2 billion", 1.2e9, kOpen, 1.2e9,
       false, Bound::kAtLeast, "USD"},
      {"From the 1970s to the 1990s, between 15,000 and 20,000 workers came.",
       "between 15,000 and 20,000", 15000, 20000, kNoPoint, false, Bound::kNone, ""},
      {"Payments total around $500 to $700.", "around $500 to $700", 500, 700, kNoPoint, true,
       Bound::kNone, "USD"},
      {"They keep $150 to $300 per month.", "$150 to $300 per month", 150, 300, kNoPoint, false,
       Bound::kNone, "USD per month"},
      {"Prices rose from 40 to 60 percent.", "from 40 to 60 percent", 40, 60, kNoPoint, false,
       Bound::kNone, "percent"},
      {"Wages grew 15–20% in a year.", "15–20%", 15, 20, kNoPoint, false, Bound::kNone, "percent"},
      {"After two or three years they return.", "two or three years", 2, 3, kNoPoint, false,
       Bound::kNone, "years"},
      {"Each earned 2 to 3 million rubles.", "2 to 3 million rubles", 2e6, 3e6, kNoPoint, false,
       Bound::kNone, "RUB"},
  };
  for (const auto& row : rows) check_row(row);
}

TEST_CASE("bounds: up to, at most, more than, over, at least, nearly", "[ingest][figures]") {
  const Row rows[] = {
      {"They work up to 20 hours a day.", "up to 20 hours a day", 0, 20, 20, false, Bound::kAtMost,
       "hours per day"},
      {"Shifts last no more than 12 hours.", "no more than 12 hours", 0, 12, 12, false,
       Bound::kAtMost, "hours"},
      {"The group has more than 40% of seats.", "more than 40%", 40, kOpen, 40, false,
       Bound::kAtLeast, "percent"},
      {"It has stood for over 30 years.", "over 30 years", 30, kOpen, 30, false, Bound::kAtLeast,
       "years"},
      {"At least 300 workers left.", "At least 300", 300, kOpen, 300, false, Bound::kAtLeast, ""},
      // "Nearly": at most, and close below (issue 15: not anywhere under 300).
      {"Nearly 300 workers left.", "Nearly 300", 270, 300, 300, true, Bound::kAtMost, ""},
  };
  for (const auto& row : rows) check_row(row);
}

TEST_CASE("vague quantities span their decade", "[ingest][figures]") {
  const Row rows[] = {
      {"It says tens of thousands of workers are abroad.", "tens of thousands of", 10000, 100000,
       kNoPoint, true, Bound::kNone, ""},
      {"Hundreds of families moved.", "Hundreds of", 100, 1000, kNoPoint, true, Bound::kNone, ""},
      {"It totals a few hundred million dollars per year.",
       "a few hundred million dollars per year", 2e8, 1e9, kNoPoint, true, Bound::kNone,
       "USD per year"},
      {"He could save a few thousand Soviet rubles.", "a few thousand Soviet rubles", 2000, 10000,
       kNoPoint, true, Bound::kNone, "SUR"},
      {"Several thousand protesters gathered.", "Several thousand", 2000, 10000, kNoPoint, true,
       Bound::kNone, ""},
      {"Dozens of firms were fined.", "Dozens of", 24, 144, kNoPoint, true, Bound::kNone, ""},
  };
  for (const auto& row : rows) check_row(row);
}

TEST_CASE("spelled-out numbers and unit compounds", "[ingest][figures]") {
  const Row rows[] = {
      {"They come on fixed-term, five-year contracts.", "five-year", 4.5, 5.5, 5, false,
       Bound::kNone, "years"},
      {"After a two-year stint they went home.", "two-year", 1.5, 2.5, 2, false, Bound::kNone,
       "years"},
      {"Some twenty thousand people marched.", "Some twenty thousand people", 15000, 25000, 20000,
       true, Bound::kNone, "persons"},
      {"They hired nine workers.", "nine", 8.5, 9.5, 9, false, Bound::kNone, ""},
      {"Nobody wants 8-hour work days again.", "8-hour work days", 7.5, 8.5, 8, false,
       Bound::kNone, "hours per day"},
      // Capitals do not matter.
      {"Twenty-one thousand Eleven people came.", "Twenty-one thousand Eleven people", 21010.5,
       21011.5, 21011, false, Bound::kNone, "persons"},
      // Words apart compose as a numeral grammar does (ICU read "thirty three" as 3003).
      {"They hired thirty three workers.", "thirty three", 32.5, 33.5, 33, false, Bound::kNone,
       ""},
      {"It employs three hundred and thirty one people.", "three hundred and thirty one people",
       330.5, 331.5, 331, false, Bound::kNone, "persons"},
      {"The fund holds two million five hundred thousand dollars.",
       "two million five hundred thousand dollars", 2450000, 2550000, 2500000, false,
       Bound::kNone, "USD"},
      {"Всего пятьсот двадцать пять рабочих уехали.", "пятьсот двадцать пять", 524.5, 525.5, 525,
       false, Bound::kNone, ""},
      // A currency sign after the digits, a ratio, a Cyrillic "к" glued on.
      {"It cost 20€ in total.", "20€", 15, 25, 20, false, Bound::kNone, "EUR"},
      {"Зарплата выросла в 8 раз.", "8 раз", 7.5, 8.5, 8, false, Bound::kNone, "times"},
      {"Output grew three times over.", "three times", 2.5, 3.5, 3, false, Bound::kNone, "times"},
      {"Подписчиков стало 100к.", "100к", 50000, 150000, 100000, false, Bound::kNone, ""},
      // Percentage points are a unit of their own; cents are hundredths of a dollar.
      {"Unemployment rose 3 percentage points.", "3 percentage points", 2.5, 3.5, 3, false,
       Bound::kNone, "percentage points"},
      {"Безработица выросла на 2 процентных пункта.", "2 процентных пункта", 1.5, 2.5, 2, false,
       Bound::kNone, "percentage points"},
      {"A stamp costs 50 cents.", "50 cents", 0.45, 0.55, 0.5, false, Bound::kNone, "USD"},
      // None at all, exactly.
      {"Ни одного рабочего не осталось.", "Ни одного", 0, 0, 0, false, Bound::kNone, ""},
      {"Not a single worker stayed.", "Not a single", 0, 0, 0, false, Bound::kNone, ""},
      // Oblique cases compose too, with the values the lexicon gives them.
      {"Речь идёт о четырёхстах сорока четырёх рабочих.", "четырёхстах сорока четырёх", 443.5,
       444.5, 444, false, Bound::kNone, ""},
      {"Около двадцати пяти тысяч рабочих приехали.", "Около двадцати пяти тысяч", 23750, 26250,
       25000, true, Bound::kNone, ""},
  };
  for (const auto& row : rows) check_row(row);
}

TEST_CASE("Russian figures", "[ingest][figures]") {
  const Row rows[] = {
      {"В России работают около 30 тысяч северокорейских рабочих.", "около 30 тысяч", 25000, 35000,
       30000, true, Bound::kNone, ""},
      {"В 2013 году квоту увеличили до 35 000 разрешений.", "35 000", 34500, 35500, 35000, false,
       Bound::kNone, ""},
      {"Продукт вырос на 298,6 млрд руб. за шесть лет.", "298,6 млрд руб.", 298.55e9, 298.65e9,
       298.6e9, false, Bound::kNone, "RUB"},
      {"Они работают не более 20 часов в день.", "не более 20 часов в день", 0, 20, 20, false,
       Bound::kAtMost, "hours per day"},
      {"Платят от 500 до 900 долларов в месяц.", "от 500 до 900 долларов в месяц", 500, 900,
       kNoPoint, false, Bound::kNone, "USD per month"},
      {"На стройках заняты десятки тысяч мигрантов.", "десятки тысяч", 10000, 100000, kNoPoint, true,
       Bound::kNone, ""},
      {"Там трудятся тридцать тысяч человек.", "тридцать тысяч человек", 25000, 35000, 30000, false,
       Bound::kNone, "persons"},
      {"Доля выросла примерно на 15%.", "примерно на 15%", 14.25, 15.75, 15, true, Bound::kNone,
       "percent"},
  };
  for (const auto& row : rows) {
    // "примерно на 15%": the hedge is separated by a preposition; only the number is the figure.
    if (std::string(row.words) == "примерно на 15%") {
      const std::string s = row.sentence;
      const auto found = finder().find(s);
      REQUIRE(found.size() == 1);
      CHECK(words_of(s, found[0]) == "15%");
      continue;
    }
    check_row(row);
  }
}

TEST_CASE("Korean figures", "[ingest][figures]") {
  const Row rows[] = {
      {"러시아에는 약 3만 명의 북한 노동자가 있다.", "약 3만 명의", 25000, 35000, 30000, true,
       Bound::kNone, "persons"},
      {"북한 노동자 3만여 명이 일하고 있다.", "3만여 명이", 25000, 35000, 30000, true, Bound::kNone,
       "persons"},
      {"수만 명의 노동자가 해외에 있다.", "수만 명의", 10000, 100000, kNoPoint, true, Bound::kNone,
       "persons"},
      {"삼만 명이 일한다.", "삼만 명이", 25000, 35000, 30000, false, Bound::kNone, "persons"},
      {"하루 20시간 이하로 일한다.", "하루 20시간 이하로", 0, 20, 20, false, Bound::kAtMost,
       "hours per day"},
      {"월 500달러에서 900달러를 낸다.", "월 500달러에서 900달러를", 500, 900, kNoPoint, false,
       Bound::kNone, "USD per month"},
      {"1990년대에 2만~3만 명이 있었다.", "2만~3만 명이", 20000, 30000, kNoPoint, false, Bound::kNone,
       "persons"},
      {"5천 명 이상이 떠났다.", "5천 명 이상이", 5000, kOpen, 5000, false, Bound::kAtLeast, "persons"},
      // Myriads: the groups of one number add up, read to the last group's precision.
      {"러시아에는 북한 노동자 2만 5천 명이 있다.", "2만 5천 명이", 24500, 25500, 25000, false,
       Bound::kNone, "persons"},
      {"노동자 3만2천 명이 일한다.", "3만2천 명이", 31500, 32500, 32000, false, Bound::kNone,
       "persons"},
      {"예산은 2억 3천만 원이다.", "2억 3천만 원이다", 225e6, 235e6, 230e6, false, Bound::kNone,
       "KRW"},
      {"수출액은 1조 2천억 원에 달했다.", "1조 2천억 원에", 1.15e12, 1.25e12, 1.2e12, false,
       Bound::kNone, "KRW"},
      {"약 1만 2천 명이 파견됐다.", "약 1만 2천 명이", 11400, 12600, 12000, true, Bound::kNone,
       "persons"},
      {"1만 5천 명 이상이 일한다.", "1만 5천 명 이상이", 15000, kOpen, 15000, false,
       Bound::kAtLeast, "persons"},
      // Spelled sino-Korean numerals, syllable by syllable.
      {"만이천삼백사십오 명이 있다.", "만이천삼백사십오 명이", 12344.5, 12345.5, 12345, false,
       Bound::kNone, "persons"},
      {"오십팔만천구백 원을 냈다.", "오십팔만천구백 원을", 581850, 581950, 581900, false,
       Bound::kNone, "KRW"},
      // A hedge or bound glued to the counter.
      {"노동자 3만 명가량이 있다.", "3만 명가량이", 25000, 35000, 30000, true, Bound::kNone,
       "persons"},
      // Plain digits end a number after a myriad word, as news writes it.
      {"인구는 42만 1585명이다.", "42만 1585명이다", 421584.5, 421585.5, 421585, false,
       Bound::kNone, "persons"},
      {"요금은 5만 8200원이다.", "5만 8200원이다", 58150, 58250, 58200, false, Bound::kNone,
       "KRW"},
      {"25만2천세대가 입주한다.", "25만2천세대가", 251500, 252500, 252000, false, Bound::kNone,
       "households"},
      {"단가는 6만2천548원이다.", "6만2천548원이다", 62547.5, 62548.5, 62548, false, Bound::kNone,
       "KRW"},
      {"총 2억4천만∼3억6천만원이 든다.", "2억4천만∼3억6천만원이", 2.4e8, 3.6e8, kNoPoint, false,
       Bound::kNone, "KRW"},
      // Groups below a myriad word count in it: (7천 + 5백) × 만.
      {"계약금은 7천 5백만 원이다.", "7천 5백만 원이다", 74.5e6, 75.5e6, 75e6, false, Bound::kNone,
       "KRW"},
      {"노동자 7천 5백 명이 있다.", "7천 5백 명이", 7450, 7550, 7500, false, Bound::kNone,
       "persons"},
      {"총 3억 2천5백만 달러", "3억 2천5백만 달러", 324.5e6, 325.5e6, 325e6, false, Bound::kNone,
       "USD"},
  };
  for (const auto& row : rows) check_row(row);
}

TEST_CASE("Korean groups that are not one number stay apart", "[ingest][figures]") {
  struct Apart {
    const char* sentence;
    std::vector<std::string> figures;
  };
  const Apart cases[] = {
      // A unit after the larger group closes it; a range joins two numbers, not one.
      {"노동자 2만 명, 5천 명이 귀국했다.", {"2만 명", "5천 명이"}},
      {"2만~3만 명이 있었다.", {"2만~3만 명이"}},
      // A myriad after an equal or larger one is another number.
      {"2만 3만 명", {"2만", "3만 명"}},
      {"2만 3억 원", {"2만", "3억 원"}},
      // "제" before digits makes a name of them: an article, not 47 trillion.
      {"법 제47조에 따라 처벌한다.", {}},
      // A lone digit after a myriad word is a syllable of a word or a particle.
      {"삼만이 넘는 인원이 참석했다.", {"삼만이 넘는"}},
  };
  for (const auto& c : cases) {
    const std::string sentence = c.sentence;
    INFO(sentence);
    std::vector<std::string> found;
    for (const auto& f : finder().find(sentence)) found.push_back(words_of(sentence, f));
    CHECK(found == c.figures);
  }
}

TEST_CASE("what is not a figure", "[ingest][figures]") {
  const char* sentences[] = {
      // Two syllables that read as a numeral are a word without a counter after them.
      "구조를 위해 인력을 보냈다.",
      "이사가 새로 왔다.",
      "그는 일조했다.",
      "이만 가겠습니다.",
      "여론 조사를 실시했다.",
      "조사 결과가 나왔다.",
      // A number glued to the end of a Hangul name is part of the name.
      "코로나19 이후 노동자가 줄었다.",
      "갤럭시S23 판매가 늘었다.",
      "Section 11 of Resolution 2371 limits the number.",
      "It exceeds UNSCR 2371 in scope.",
      "Obama signed Executive Order 13722 in March 2016.",
      "Section 2 (a) (iv) of the order blocks property.",
      "Article 13 of the agreement stipulates it.",
      "Projects such as Sakhalin-1 and Sakhalin-2 helped.",
      "The 1860 treaty led to a loss of territory.",
      "Around the same time, in 1997, they signed an accord.",
      "By | September 28, 2017 | No Comments",
      "It was signed on March 28, 2016, in Moscow.",
      "Toward the end of the 1990’s, China acted.",
      "Throughout the first decade of the 21st century, laborers came.",
      "From the 1970s to the 1990s, they came.",
      "In 2013, the government acted; from 2010-2016 it grew.",
      "The G20 summit and COVID-19 and 5G were discussed.",
      "It was concentrated in construction 7)",
      "Соглашение подписано 28 марта 2016 г. в Москве.",
      "Это произошло в 2013 году.",
      "2016년 3월 28일에 발표했다.",
      "1990년대에 시작되었다.",
  };
  for (const char* s : sentences) {
    INFO(s);
    const auto found = finder().find(s);
    for (const auto& f : found) UNSCOPED_INFO("found: " << words_of(s, f));
    CHECK(found.empty());
  }
}

// A small spelled number that counts nothing is a numeral, marked minor: the ingester keeps it
// out of the graph, the numeral suites still see it.
TEST_CASE("a number alone in parentheses glued to a name is an age: minor, no claim's figure",
          "[ingest][figures]") {
  for (const char* sentence : {"포카라 출신 수닐 구룽(24) 씨는 합격했다.", "Ramesh Thapa(28) said so."}) {
    INFO(sentence);
    const auto found = finder().find(sentence);
    REQUIRE(found.size() == 1);
    CHECK(found.front().minor);
  }
  // Not glued, or with a unit: a figure.
  const auto spaced = finder().find("The count (24) was low.");
  REQUIRE(spaced.size() == 1);
  CHECK_FALSE(spaced.front().minor);
  const auto unit = finder().find("He paid (24 dollars) for it.");
  REQUIRE(unit.size() == 1);
  CHECK_FALSE(unit.front().minor);
}

TEST_CASE("a small spelled number that counts nothing is minor", "[ingest][figures]") {
  const struct {
    const char* sentence;
    const char* numeral;
    double value;
    bool minor;
  } cases[] = {
      {"One of the few remaining factors matters.", "One", 1, true},
      {"The group whose three robots won took the match.", "three", 3, true},
      {"Один из экспертов отметил это.", "Один", 1, true},
      {"They signed two contracts worth $5 million.", "$5 million", 5e6, false},
      {"It lasted two years.", "two years", 2, false},
      // After a definite determiner it counts things named before (issue 15).
      {"Trade between the two countries grew.", "two", 2, true},
      {"Эти три компании наняли рабочих.", "три", 3, true},
      {"Three companies hired workers.", "Three", 3, false},
  };
  for (const auto& c : cases) {
    INFO(c.sentence);
    const auto found = finder().find(c.sentence);
    REQUIRE_FALSE(found.empty());
    const auto* f = &found.front();
    for (const auto& g : found)
      if (words_of(c.sentence, g) == c.numeral) f = &g;
    CHECK(words_of(c.sentence, *f) == c.numeral);
    REQUIRE(f->point);
    CHECK(*f->point == Approx(c.value));
    CHECK(f->minor == c.minor);
  }
}

TEST_CASE("the rounding interval follows the written precision", "[ingest][figures]") {
  CHECK(figures::rounding_interval(20000, 0, 4, 1).lo == Approx(15000));
  CHECK(figures::rounding_interval(20000, 0, 4, 1).hi == Approx(25000));
  CHECK(figures::rounding_interval(35000, 0, 3, 1).lo == Approx(34500));
  CHECK(figures::rounding_interval(298.6, 1, 0, 1).hi == Approx(298.65));
  CHECK(figures::rounding_interval(3, 0, 0, 1e4).lo == Approx(25000));
}

TEST_CASE("numbers past what a double holds: no infinite point, no empty interval",
          "[ingest][figures]") {
  // Past 2^53 the digits are more than a double keeps: the interval is the doubles around it.
  for (const std::string sentence : {"Some 99999999999999999999999 workers came.",
                                     "They counted 12345678901234567890 people.",
                                     "Их было 99999999999999999999999 человек."}) {
    INFO(sentence);
    const auto found = finder().find(sentence);
    REQUIRE(found.size() == 1);
    CHECK(std::isfinite(found[0].lo));
    CHECK(std::isfinite(found[0].hi));
    CHECK(found[0].lo < found[0].hi);
    REQUIRE(found[0].point.has_value());
    CHECK(*found[0].point >= found[0].lo);
    CHECK(*found[0].point < found[0].hi);
  }
  // Past its range: no figure at all, rather than a point of infinity.
  const std::string huge = "They counted " + std::string(400, '9') + " workers.";
  for (const auto& f : finder().find(huge)) {
    CHECK(std::isfinite(f.lo));
    REQUIRE(f.point.has_value());
    CHECK(std::isfinite(*f.point));
  }
  // Ordinary numbers keep their rounding interval.
  const auto plain = finder().find("About 9,000 workers came.");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].lo < 9000);
  CHECK(plain[0].hi > 9000);
}
