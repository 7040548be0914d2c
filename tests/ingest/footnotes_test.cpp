#include "ingest/text/footnotes.hpp"

#include <catch2/catch.hpp>

#include "ingest/text_util.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using claimgraph::graph::Span;

namespace {

struct Found {
  std::vector<std::string> markers;
  std::vector<std::string> texts;
};

Found find(const std::string& text, int first = 1) {
  text::SentenceSplitter splitter(claimgraph::testing::lexicons());
  text::FootnoteFinder finder(claimgraph::testing::lexicons());
  int next = first;
  Found found;
  for (const auto& cut :
       finder.find(text, Span{0, static_cast<std::uint32_t>(text.size())}, next, splitter,
                   USCRIPT_LATIN)) {
    found.markers.push_back(cut.marker);
    found.texts.emplace_back(slice(text, cut.text));
  }
  return found;
}

}  // namespace

TEST_CASE("inline footnotes of the corpus forms end where the body resumes", "[ingest]") {
  struct Row {
    std::string text;
    int first;
    std::string footnote;
  };
  const std::vector<Row> rows = {
      {"including logging and construction.1)“The Conditions of the North Korean Overseas "
       "Labor” International Network for the Human Rights of North Korean Overseas Labor. "
       "December, 2012 It stands to reason that the Russian Federation would be unwilling to "
       "sacrifice such a cheap supply of labor.",
       1,
       "“The Conditions of the North Korean Overseas Labor” International Network for the Human "
       "Rights of North Korean Overseas Labor. December, 2012"},
      {"to work in Russia under the regulations of a visa regime.2)A. S. Vashchuk. Labor migrants "
       "from the DPRK in the Russian Far East [“А. С. Ващук. Трудовые мигранты из КНДР”].",
       2, "A. S. Vashchuk. Labor migrants from the DPRK in the Russian Far East [“А. С. Ващук. "
          "Трудовые мигранты из КНДР”]."},
      {"were most heavily concentrated in construction 7)Statistical compilation of Primorsky "
       "Krai State Statistics Committee, 2006. Ланкин А.С..",
       7, "Statistical compilation of Primorsky Krai State Statistics Committee, 2006. Ланкин А.С.."},
      {"the Russian Far East. 5)A. S. Vashchuk. Labor migrants [“А. С. Ващук”]. It is possible, "
       "therefore, that the need to import more workers will decline.",
       5, "A. S. Vashchuk. Labor migrants [“А. С. Ващук”]."},
      {"since its first nuclear test in 2006.4)Lee Yeong-hyeong, “Rŏsia Kŭktongjiyŏk [이영형, "
       "러시아 극동지역] The Status of North Korean Labor Activities: Centered on Amur. This has "
       "led to some calls for action in the United States.",
       4, "Lee Yeong-hyeong, “Rŏsia Kŭktongjiyŏk [이영형, 러시아 극동지역] The Status of North Korean "
          "Labor Activities: Centered on Amur."},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    const auto found = find(row.text, row.first);
    REQUIRE(found.markers.size() == 1);
    CHECK(found.markers[0] == std::to_string(row.first));
    CHECK(found.texts[0] == row.footnote);
  }
}

TEST_CASE("look-alikes of footnote markers are left alone", "[ingest]") {
  const char* rows[] = {
      "Section 2 (a) (iv) of the executive order blocks the property.",
      "Payments (around $500 to $700) are made in dollars.",
      "1) first we list, 2) then we count.",       // list items: not glued to a sentence end
      "Reasons: 1) money 2) freedom.",             // followed by a space, not glued to text
      "It ended in construction.2)A second note.",  // 2) when 1) is due
  };
  for (const char* text : rows) {
    INFO(text);
    CHECK(find(text).markers.empty());
  }
}

TEST_CASE("markers count up through a paragraph", "[ingest]") {
  const auto found = find(
      "First claim here.1)Some Work. Second claim is made here and it is long enough.2)Another "
      "Work. Third claim is the end of the matter and it is long.");
  CHECK(found.markers == std::vector<std::string>{"1", "2"});
  CHECK(found.texts == std::vector<std::string>{"Some Work.", "Another Work."});
}

TEST_CASE("prose is told from citation pieces", "[ingest]") {
  text::FootnoteFinder finder(claimgraph::testing::lexicons());
  auto prose = [&](const std::string& s) {
    return finder.looks_like_prose(s, Span{0, static_cast<std::uint32_t>(s.size())},
                                   USCRIPT_LATIN);
  };
  CHECK(prose("It stands to reason that the country would be unwilling to sacrifice it."));
  CHECK(prose("Primorye is by far the economic hub of the Russian Far East."));
  CHECK_FALSE(prose("International Network for the Human Rights of North Korean Overseas Labor."));
  CHECK_FALSE(prose("Ivakhnyuk I.V. Demographic section of the Central House of Scientists."));
  CHECK_FALSE(prose("Миграционная политика России – это новый этап?"));
  CHECK_FALSE(prose("March 28, 2016."));
}
