// The numeral grammar, class by class, in English, Russian and Korean (sentences written for
// these tests): fractions, powers, ratios, decimal words, compounds, comparisons, Korean
// native numerals, fractions and ranges, Korean dates and clock times, money in units and
// hundredths, units of measure, and the words that are not numerals. Each row names the
// figure's words and what it must state; each "not" list must give no figure at all.

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ingest/figures/figures.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using claimgraph::graph::Bound;

namespace {

constexpr double kAny = std::numeric_limits<double>::quiet_NaN();  // not checked

struct Row {
  const char* sentence;
  const char* words;  // the figure's span as written
  double point;       // kAny for a range
  double lo;          // the range's ends (kAny: not checked)
  double hi;
  Bound bound;
  const char* unit;
};

const figures::FigureFinder& finder() { return claimgraph::testing::figure_finder(); }
using claimgraph::testing::words_of;

void check(const Row& row) {
  const std::string sentence = row.sentence;
  INFO(sentence);
  const auto found = finder().find(sentence);
  const figures::FoundFigure* hit = claimgraph::testing::figure_with_words(sentence, found, row.words);
  REQUIRE(hit != nullptr);
  if (std::isnan(row.point)) {
    CHECK(hit->form == figures::FigureForm::kRange);
    CHECK(hit->lo == Approx(row.lo));
    CHECK(hit->hi == Approx(row.hi));
  } else {
    REQUIRE(hit->point.has_value());
    CHECK(*hit->point == Approx(row.point));
  }
  CHECK(hit->bound == row.bound);
  CHECK(hit->unit == row.unit);
}

void check_none(const std::vector<const char*>& sentences) {
  for (const char* s : sentences) {
    INFO(s);
    const auto found = finder().find(s);
    for (const auto& f : found) UNSCOPED_INFO("found: " << words_of(s, f));
    CHECK(found.empty());
  }
}

}  // namespace

TEST_CASE("fractions in three languages", "[ingest][figures][grammar]") {
  const Row rows[] = {
      {"About 3/4 of the budget went to wages.", "About 3/4", 0.75, kAny, kAny, Bound::kNone, ""},
      {"Two thirds of the plants closed.", "Two thirds", 2.0 / 3, kAny, kAny, Bound::kNone, ""},
      {"More than half of the crew left.", "More than half", 0.5, kAny, kAny, Bound::kAtLeast, ""},
      {"The fund lost a quarter million dollars.", "a quarter million dollars", 250000, kAny, kAny,
       Bound::kNone, "USD"},
      {"It took one and a half days.", "one and a half days", 1.5, kAny, kAny, Bound::kNone, "days"},
      {"The city has 3 million and a half people.", "3 million and a half people", 3.5e6, kAny,
       kAny, Bound::kNone, "persons"},
      {"Около двух третей работников уехали.", "Около двух третей", 2.0 / 3, kAny, kAny, Bound::kNone, ""},
      {"Он работал там три с половиной года.", "три с половиной года", 3.5, kAny, kAny,
       Bound::kNone, "years"},
      {"응답자의 3분의 1이 반대했다.", "3분의 1이", 1.0 / 3, kAny, kAny, Bound::kNone, ""},
      {"예산의 사분의 삼을 썼다.", "사분의 삼을", 0.75, kAny, kAny, Bound::kNone, ""},
      {"모두 일과 이분의 일 시간이 걸렸다.", "일과 이분의 일 시간이", 1.5, kAny, kAny, Bound::kNone,
       "hours"},
      // A scale word that is also a particle ends the numerator as the particle ("만" only);
      // a last "이" that makes the copula is the copula.
      {"투자 금액의 오분의 일만을 돌려받았다.", "오분의 일만을", 0.2, kAny, kAny, Bound::kNone, ""},
      {"답은 오분의 구천오백이다.", "오분의 구천오백이다", 1900, kAny, kAny, Bound::kNone, ""},
  };
  for (const auto& row : rows) check(row);
  // The first half of a match is no fraction; a date with slashes is no fraction either.
  check_none({"The first half ended goalless.", "The match was on 5/17/2018 in Oslo."});
}

TEST_CASE("powers, decimal words, ratios and compounds", "[ingest][figures][grammar]") {
  const Row rows[] = {
      {"The sample held 1.5e6 cells.", "1.5e6", 1.5e6, kAny, kAny, Bound::kNone, ""},
      {"Its mass is 6.2x10^3 tons.", "6.2x10^3 tons", 6200, kAny, kAny, Bound::kNone, "tons"},
      {"The index stood at two point five.", "two point five", 2.5, kAny, kAny, Bound::kNone, ""},
      {"그녀는 이백점 영삼점을 받았다.", "이백점 영삼점을", 200.03, kAny, kAny, Bound::kNone, "points"},
      {"One in five workers is a migrant.", "One in five", 0.2, kAny, kAny, Bound::kNone, ""},
      {"Трое из десяти опрошенных согласны.", "Трое из десяти", 0.3, kAny, kAny, Bound::kNone, ""},
      {"They counted 4 thousand 2 hundred and 12 votes.", "4 thousand 2 hundred and 12", 4212, kAny,
       kAny, Bound::kNone, ""},
      {"The payment was 20 dollars 43 cents.", "20 dollars 43 cents", 20.43, kAny, kAny,
       Bound::kNone, "USD"},
      {"Она заплатила 20 долларов 43 цента.", "20 долларов 43 цента", 20.43, kAny, kAny,
       Bound::kNone, "USD"},
  };
  for (const auto& row : rows) check(row);
  // "at one point 200 people" is no 1.2; "5 in 10 years" no ratio; "the one" no numeral.
  const std::string s = "At one point 200 people came; it rose 5 in 10 years. The one I saw.";
  const auto pronoun = s.find("The one") + 4;
  for (const auto& f : finder().find(s)) {
    INFO(words_of(s, f));
    CHECK(words_of(s, f) != "one point 200");
    CHECK(words_of(s, f) != "5 in 10 years");
    CHECK(f.number.begin != pronoun);
  }
}

TEST_CASE("comparisons and bounds", "[ingest][figures][grammar]") {
  const Row rows[] = {
      {"Wages were greater than 500 dollars.", "greater than 500 dollars", 500, kAny, kAny,
       Bound::kAtLeast, "USD"},
      {"Sales of 3000 or more units were logged.", "3000 or more", 3000, kAny, kAny,
       Bound::kAtLeast, ""},
      {"Цена была меньше чем 7 евро.", "меньше чем 7 евро", 7, kAny, kAny, Bound::kAtMost, "EUR"},
      {"임금은 200만원보다 많다.", "200만원보다 많다", 2e6, kAny, kAny, Bound::kAtLeast, "KRW"},
      {"기온은 10도 이하였다, 인원은 300명 보다 적었다.", "300명 보다 적었다", 300, kAny, kAny,
       Bound::kAtMost, "persons"},
      {"참가자는 20명 초과였다.", "20명 초과였다", 20, kAny, kAny, Bound::kAtLeast, "persons"},
  };
  for (const auto& row : rows) check(row);
  // "200 or greater than 190": each number keeps its own words, and no two figures overlap
  // (found by the fuzzer).
  const std::string s = "His score is 200 or greater than 190.";
  const auto found = finder().find(s);
  REQUIRE(found.size() == 2);
  CHECK(words_of(s, found[0]) == "200");
  CHECK(words_of(s, found[1]) == "greater than 190");
  CHECK(found[1].bound == Bound::kAtLeast);
  CHECK(found[0].span.end <= found[1].span.begin);
  // A rate word between two numbers belongs to one of them only (found by the fuzzer).
  for (const std::string k : {"1 주당 197 펜스로 낮아졌다.", "이래로 1년에 약 1 1년에 약 15 % 성장했다."}) {
    INFO(k);
    const auto two = finder().find(k);
    for (std::size_t i = 1; i < two.size(); ++i) CHECK(two[i - 1].span.end <= two[i].span.begin);
  }
}

TEST_CASE("ranges with their units on either end", "[ingest][figures][grammar]") {
  const Row rows[] = {
      {"Rent ran from $130-$170 a month.", "from $130-$170 a month", kAny, 130, 170, Bound::kNone,
       "USD per month"},
      {"Costs grew to €3–4 million.", "€3–4 million", kAny, 3e6, 4e6, Bound::kNone, "EUR"},
      {"Выручка составит от 1,2 до 1,5 млн рублей.", "от 1,2 до 1,5 млн рублей", kAny, 1.2e6,
       1.5e6, Bound::kNone, "RUB"},
      {"이 수는 20과 30 사이에 있다.", "20과 30 사이에", kAny, 20, 30, Bound::kNone, ""},
      {"지원금은 100만원부터 200만원까지 준다.", "100만원부터 200만원까지", kAny, 1e6, 2e6,
       Bound::kNone, "KRW"},
      {"관중은 3만~4만 명이었다.", "3만~4만 명이었다", kAny, 3e4, 4e4, Bound::kNone, "persons"},
  };
  for (const auto& row : rows) check(row);
  // Ends in different units make no range: a change from a share to an amount.
  const std::string s = "Sales rose 6% to $1.45 billion.";
  for (const auto& f : finder().find(s)) CHECK(f.form != figures::FigureForm::kRange);
}

TEST_CASE("Korean native numerals and counters", "[ingest][figures][grammar]") {
  const Row rows[] = {
      {"그는 두 아들을 두었다.", "두", 2, kAny, kAny, Bound::kNone, ""},
      {"회의는 세 차례 열렸다.", "세 차례", 3, kAny, kAny, Bound::kNone, "occurrences"},
      {"가장 큰 문제 중 하나다.", "하나다", 1, kAny, kAny, Bound::kNone, ""},
      {"사과 열두 개를 샀다.", "열두 개를", 12, kAny, kAny, Bound::kNone, "items"},
      {"전국 1020곳에 설치했다.", "1020곳에", 1020, kAny, kAny, Bound::kNone, "places"},
      {"인구는 이십만 이천 명이다.", "이십만 이천 명이다", 202000, kAny, kAny, Bound::kNone, "persons"},
  };
  for (const auto& row : rows) check(row);
  // One syllable that reads as a numeral is a word: "this company", "the reason", "a school".
  check_none({"이 회사는 문을 닫았다.", "그런 이유로 떠났다.", "서울의 한 학교에서 일어났다.",
              "둘째 아들이 합격했다.", "네가 설득해라."});
}

TEST_CASE("Korean dates, clock times and durations", "[ingest][figures][grammar]") {
  // Days of the month, clock hours and minutes are no figures.
  check_none({"정부는 15일 발표했다.", "지난 3일 오후 6시 30분에 도착했다.", "27∼28일 황사가 온다.",
              "8.15 광복절 행사가 열렸다.", "6·25 전쟁 때의 일이다.", "올해 1분기 실적이 나왔다."});
  // A count of days says so.
  const Row rows[] = {
      {"그는 5일간 입원했다.", "5일간", 5, kAny, kAny, Bound::kNone, "days"},
      {"공사는 3일 동안 이어졌다.", "3일", 3, kAny, kAny, Bound::kNone, "days"},
  };
  for (const auto& row : rows) check(row);
}

TEST_CASE("units of measure and currencies", "[ingest][figures][grammar]") {
  const Row rows[] = {
      {"The parcel weighs 500g.", "500g", 500, kAny, kAny, Bound::kNone, "g"},
      {"He lost 5 pounds of weight.", "5 pounds of", 5, kAny, kAny, Bound::kNone, "lb"},
      {"Profit rose to 361 million pounds.", "361 million pounds", 361e6, kAny, kAny, Bound::kNone,
       "GBP"},
      {"Посылка весит 2 кг.", "2 кг", 2, kAny, kAny, Bound::kNone, "kg"},
      {"The fine was Rs 500.", "Rs 500", 500, kAny, kAny, Bound::kNone, "INR"},
      {"Он получил 300 гривен.", "300 гривен", 300, kAny, kAny, Bound::kNone, "UAH"},
      {"벌금은 1만 스위스 프랑이었다.", "1만 스위스 프랑이었다", 1e4, kAny, kAny, Bound::kNone, "CHF"},
  };
  for (const auto& row : rows) check(row);
  // "5G" is a network, "a $48 million" no Australian money.
  const std::string s = "The 5G network cost a $48 million grant.";
  const auto found = finder().find(s);
  REQUIRE(found.size() == 1);
  CHECK(found.front().unit == "USD");
}

TEST_CASE("numbers inside web addresses are no figures", "[ingest][figures][grammar]") {
  check_none({"See https://example.org/2017/09/report?q=30%25 for details.",
              "Read www.example.com/page/42 today."});
}
