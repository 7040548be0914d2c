#include "ingest/claims.hpp"

#include <catch2/catch.hpp>

#include "ingest/text/segmenter.hpp"
#include "ingest/text_util.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;

namespace {

std::vector<ClaimDraft> claims_of(const std::string& text) {
  text::Segmenter segmenter(claimgraph::testing::lexicons());
  return assemble_claims(text, segmenter.segment(text, std::nullopt), "The Author");
}

}  // namespace

TEST_CASE("a repeated sentence (pull quote) is one claim with two spans", "[ingest]") {
  const std::string text =
      "This hardly sounds like slavery. If workers pay to get there, it can’t be slave labor.\n\n"
      "Other things happen.\n\n"
      "\"If workers pay to get there, it can’t be slave labor.\"\n";
  const auto claims = claims_of(text);
  REQUIRE(claims.size() == 3);
  REQUIRE(claims[1].spans.size() == 2);
  CHECK(slice(text, claims[1].spans[0]) == slice(text, claims[1].spans[1]));
  CHECK(slice(text, claims[1].spans[1]) ==
        "If workers pay to get there, it can’t be slave labor.");
}

TEST_CASE("an editor's note is claimed by its signer, the rest by the author", "[ingest]") {
  const std::string text =
      "Today’s news is about labor exports.\n\n"
      "It is a description of modern slavery.– Christopher Green, Senior Editor.\n\n"
      "The UN sanctions took on guest laborers abroad.\n";
  const auto claims = claims_of(text);
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].claimant == "Christopher Green");
  CHECK(claims[1].claimant == "Christopher Green");
  CHECK(slice(text, claims[1].spans[0]) == "It is a description of modern slavery.");
  CHECK(claims[2].claimant == "The Author");
}

TEST_CASE("a sentence before a footnote marker cites it", "[ingest]") {
  const std::string text =
      "In 2013 the quota rose to 35,000.1)“A Report” Some Network. December, 2012 It stands to "
      "reason that the country would keep it.\n";
  text::Segmenter segmenter(claimgraph::testing::lexicons());
  const auto seg = segmenter.segment(text, std::nullopt);
  const auto claims = assemble_claims(text, seg, "A");
  REQUIRE(claims.size() == 2);
  REQUIRE(claims[0].footnotes.size() == 1);
  const auto& note = seg.segments[claims[0].footnotes[0]];
  CHECK(note.kind == text::SegmentKind::kFootnote);
  CHECK(note.label == "1");
  CHECK(slice(text, note.span) == "“A Report” Some Network. December, 2012");
  CHECK(claims[1].footnotes.empty());
}
