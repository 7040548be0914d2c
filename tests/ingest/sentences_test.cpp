#include "ingest/text/sentences.hpp"

#include <catch2/catch.hpp>

#include "ingest/text_util.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;

namespace {

std::vector<std::string> sentences(const std::string& text) {
  text::SentenceSplitter splitter(claimgraph::testing::lexicons());
  std::vector<std::string> out;
  const auto spans = splitter.split(
      text, claimgraph::graph::Span{0, static_cast<std::uint32_t>(text.size())});
  for (const auto s : spans) out.emplace_back(slice(text, s));
  return out;
}

}  // namespace

TEST_CASE("abbreviations and initials do not end sentences", "[ingest]") {
  struct Row {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Row> rows = {
      {"The U.S. State Department reports. It says more.",
       {"The U.S. State Department reports.", "It says more."}},
      {"A contract in the U.S.S.R. Typically lasted two years. Then more.",
       {"A contract in the U.S.S.R. Typically lasted two years.", "Then more."}},
      {"A. S. Vashchuk. Labor migrants from the DPRK.",
       {"A. S. Vashchuk.", "Labor migrants from the DPRK."}},
      {"Ivakhnyuk I.V. Demographic section. Next one.",
       {"Ivakhnyuk I.V. Demographic section.", "Next one."}},
      {"Dr. Lankov wrote it. Mr. Green edited it.", {"Dr. Lankov wrote it.", "Mr. Green edited it."}},
      {"А. С. Ващук. Трудовые мигранты.", {"А. С. Ващук.", "Трудовые мигранты."}},
      {"It rose. It fell! Did it? Yes.", {"It rose.", "It fell!", "Did it?", "Yes."}},
      {"“Quoted sentence.” Next sentence.", {"“Quoted sentence.”", "Next sentence."}},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(sentences(row.text) == row.expected);
  }
}

TEST_CASE("sentence spans are byte offsets into UTF-8 and trimmed", "[ingest]") {
  const std::string text = "  Лу́ч ведёт.\u00A0Второе предложение.  ";
  text::SentenceSplitter splitter(claimgraph::testing::lexicons());
  const auto spans =
      splitter.split(text, claimgraph::graph::Span{0, static_cast<std::uint32_t>(text.size())});
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 2);
  CHECK(slice(text, spans[1]) == "Второе предложение.");
  CHECK(text::is_initials("I.V."));
  CHECK(text::is_initials("А."));
  CHECK_FALSE(text::is_initials("It."));
  CHECK_FALSE(text::is_initials("U.S"));
}
