#include "query/context.hpp"

#include <catch2/catch.hpp>

#include "query/text_output.hpp"

using namespace claimgraph::query;

TEST_CASE("context_around shows the span inside its line, cut at words", "[query]") {
  const std::string text = "Title\n\nFirst sentence here. Второе предложение тут. Third one.\n";
  const auto b = static_cast<std::uint32_t>(text.find("Второе"));
  const auto e = static_cast<std::uint32_t>(text.find(" Third"));
  const auto whole = context_around(text, {b, e});
  CHECK(whole.before == "First sentence here. ");
  CHECK(whole.span == "Второе предложение тут.");
  CHECK(whole.after == " Third one.");
  const auto cut = context_around(text, {b, e}, 8);
  CHECK(cut.before == "…here. ");
  CHECK(cut.after == " Third…");
}

TEST_CASE("wrap breaks at spaces within the width", "[query]") {
  // The first line is taken to start at the indent too (callers print it).
  CHECK(wrap("aaa bbb ccc", 9, 2) == "aaa bbb\n  ccc");
  CHECK(wrap("ддд ббб", 3, 0) == "ддд\nббб");
}
