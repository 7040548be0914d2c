// A document's date from its own dateline or byline, when its metadata gives none (issue 15);
// never from a date a sentence is about.

#include "ingest/text/document_date.hpp"

#include <catch2/catch.hpp>

#include "support/support.hpp"

using namespace claimgraph::ingest;

namespace {

std::string date_of(const std::string& text) {
  const auto found = text::date_from_text(text, *claimgraph::testing::lexicons().figures);
  return found ? found->date + "@" + std::to_string(found->offset) : "none";
}

}  // namespace

TEST_CASE("document date: datelines and bylines in three languages", "[ingest]") {
  struct Row {
    const char* text;
    const char* want;
  };
  const Row rows[] = {
      {"Workers in the Far East\n\nVLADIVOSTOK, March 3, 2021 — Some 16,000 workers came.",
       "2021-03-03@38"},
      {"The count\nBy Jane Doe | 14 June 2019\n\nText of the article.", "2019-06-14@24"},
      {"Title\nUpdated March 2020\nBody.", "2020-03@14"},
      {"Title\n2021-05-07\nBody.", "2021-05-07@6"},
      {"Рабочие из КНДР\n\nВЛАДИВОСТОК, 3 марта 2021 года — В прошлом году в Приморье работали.",
       "2021-03-03@54"},
      {"Заголовок\nОпубликовано 12.05.2020\n", "none"},  // day-first numbers are not read
      {"북한 노동자\n입력 2021.03.03 10:15\n본문.", "2021-03-03@24"},
      {"블라디보스토크, 2021년 3월 3일 — 지난해 연해주에서 일한 노동자.", "2021-03-03@23"},
      // What a sentence is about is not the article's date.
      {"Title\n\nIn March 2013, about 20,000 workers were employed in Russia.", "none"},
      {"Title\n\nThe report of 3 March 2021 said that 20,000 workers came.", "none"},
      {"Заголовок\n\nВ марте 2013 года в России работали 20 тысяч человек.", "none"},
      {"제목\n\n2021년 3월 3일 당국은 노동자 2만 명이 일한다고 밝혔다.", "none"},
      {"No date at all.\nJust text.", "none"},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(date_of(row.text) == row.want);
  }
}

TEST_CASE("document date: only the first lines are read", "[ingest]") {
  std::string text = "Title\n";
  for (int i = 0; i < 20; ++i) text += "A line of the article's text.\n";
  text += "March 3, 2021\n";
  CHECK(date_of(text) == "none");
}
