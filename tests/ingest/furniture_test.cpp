#include "ingest/text/furniture.hpp"

#include <catch2/catch.hpp>

#include "support/support.hpp"

using namespace claimgraph::ingest;
using claimgraph::graph::Span;

namespace {

text::ParagraphLayout classify(const std::string& text, const std::optional<std::string>& title = {}) {
  text::FurnitureClassifier classifier(claimgraph::testing::lexicons());
  return classifier.classify(text, Span{0, static_cast<std::uint32_t>(text.size())}, title);
}

}  // namespace

TEST_CASE("page furniture is recognized by rule and by lexicon pattern", "[ingest]") {
  struct Row {
    std::string text;
    const char* kind;  // nullptr: body text
  };
  const Row rows[] = {
      {"Khabarovsk is one of the most important areas of Russia. | Image: Wikicommons", "caption"},
      {"A harbour at dawn | Photo: Reuters", "caption"},
      {"Workers at a fish-processing plant during coastal fishing. Oleg Savin / TASS",
       "photo_credit"},
      {"By | September 28, 2017 | No Comments", "byline"},
      {"No Comments", "comments"},
      {"12 Comments", "comments"},
      {"This site uses Akismet to reduce spam. Learn how your comment data is processed.",
       "comments"},
      {"Read more", "navigation"},
      {"Continue", "navigation"},
      {"[ + ]", "ornament"},
      {"* * *", "ornament"},
      {"Support The Moscow Times!", "appeal"},
      {"The views expressed in opinion pieces do not necessarily reflect the position of The "
       "Moscow Times.",
       "disclaimer"},
      {"The Real Story of North Korean Labor Camps in Russia (Op-ed)", "title"},
      // Body text that only looks like furniture.
      {"Workers pay bribes and/or fees to officials.", nullptr},
      {"No comment was given by the ministry.", nullptr},
      {"Read more about the sanctions in the resolution itself.", nullptr},
      {"Support for the sanctions grew in 2017.", nullptr},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    const auto layout =
        classify(row.text, std::string("The Real Story of North Korean Labor Camps in Russia (Op-ed)"));
    if (row.kind == nullptr) {
      CHECK_FALSE(layout.furniture);
    } else {
      REQUIRE(layout.furniture);
      CHECK(*layout.furniture == row.kind);
    }
  }
}

TEST_CASE("an appeal block runs to the end of the page", "[ingest]") {
  const std::string text = "… we have a small favor to ask.";
  CHECK(classify(text).to_end);
  CHECK_FALSE(classify("No Comments").to_end);
}

TEST_CASE("a run-in heading is cut from its paragraph", "[ingest]") {
  const std::string text = "Roots in the Soviet Era |\u00A0The history of labor is long.";
  const auto layout = classify(text);
  REQUIRE(layout.heading);
  CHECK(text.substr(layout.body.begin, layout.body.end - layout.body.begin) ==
        "The history of labor is long.");
  // A bar inside a sentence is no heading.
  const auto plain = classify("Prices rose sharply in the north | and fell in the south.");
  CHECK_FALSE(plain.heading);
}

TEST_CASE("a closing signature names who wrote the paragraphs", "[ingest]") {
  const std::string text =
      "It is not easy to imagine the government weaning itself off them.– Christopher Green, "
      "Senior Editor.";
  const auto layout = classify(text);
  REQUIRE(layout.signer);
  CHECK(text.substr(layout.signer->begin, layout.signer->size()) == "Christopher Green");
  CHECK(text.substr(layout.body.begin, layout.body.size()) ==
        "It is not easy to imagine the government weaning itself off them.");
  CHECK_FALSE(classify("The war – long and costly – ended in 1953.").signer);
}
