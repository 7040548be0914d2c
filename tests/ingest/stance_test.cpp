// Stance on sentences written for these tests (not the corpus's): cues for and against, in
// English, Russian and Korean, flipped by negations and dispute words, weakened by hedges,
// kept to their clause.

#include "ingest/stance/stance.hpp"

#include <catch2/catch.hpp>

#include "ingest/lexicon.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using Catch::Matchers::Contains;

namespace {

const stance::StanceFinder& finder() {
  static const stance::StanceFinder f(claimgraph::testing::lexicons().frames);
  return f;
}

// "for", "against" or "" for the labor-is-slavery proposition, with the weight.
std::pair<std::string, double> stance_of(const std::string& s) {
  const auto found = finder().find(s, claimgraph::graph::Span{0, static_cast<std::uint32_t>(s.size())});
  for (const auto& x : found) {
    if (x.proposition == "labor-is-slavery") return {std::string(to_string(x.polarity)), x.weight};
  }
  return {"", 0};
}

}  // namespace

TEST_CASE("stance: cues, negations, disputes and hedges", "[ingest][stance]") {
  struct Row {
    const char* sentence;
    const char* polarity;
    double weight;
  };
  const Row rows[] = {
      // Plain cues.
      {"Rights groups call the logging camps a form of modern slavery.", "for", 1.0},
      {"Recruits are forced to work seven days a week.", "for", 1.0},
      {"Most of the men signed up voluntarily and renew their contracts.", "against", 1.0},
      {"They went of their own volition, their families say.", "against", 1.0},
      // A negation before the cue, within the window and the clause, flips it.
      {"What the brigades do is not slavery.", "against", 1.0},
      {"Their situation is hardly comparable to slavery.", "against", 1.0},
      {"None of this can honestly be called forced labor.", "against", 1.0},
      {"They did not go voluntarily.", "for", 1.0},
      // ...but not across a clause break.
      {"It is not pleasant, but it is slavery.", "for", 1.0},
      // A dispute word in the clause flips the cue: the framing is the speaker's target.
      {"Calling these contracts slavery is misleading.", "against", 1.0},
      {"The campaign portrays the brigades as forced labor.", "against", 1.0},
      // A hedge weakens.
      {"The arrangement is perhaps akin to servitude.", "for", 0.6},
      // Cues for and against in one sentence: the larger sum decides.
      {"Some say it is slavery, yet the men return voluntarily, renew voluntarily and pay "
       "large sums to go.",
       "against", 1.0},
      // Russian and Korean cues.
      {"Правозащитники называют это рабством.", "for", 1.0},  // the stem "рабств*"
      // Russian: a negation before the cue, any case of the noun; Korean: after it.
      {"Их труд не является рабским трудом.", "against", 1.0},
      {"Рабочие трудятся в рабских условиях, утверждают правозащитники.", "for", 1.0},
      {"Они приехали добровольно и уедут по собственной воле.", "against", 1.0},
      {"Северокорейцы не едут туда добровольно.", "for", 1.0},
      {"이것은 강제노동이 아니다.", "against", 1.0},
      {"그들의 노동을 노예노동으로 볼 수 없다.", "against", 1.0},
      {"그들은 자발적으로 일하지 않는다.", "for", 1.0},
      {"강제노동이 아니라 자발적 노동이다.", "against", 1.0},
      {"활동가는 그것이 강제노동이라고 주장했다.", "for", 1.0},  // "주장" reports, not disputes
      {"Это настоящее рабство.", "for", 1.0},
      {"Это не рабство.", "against", 1.0},
      {"Рабочие едут туда добровольно.", "against", 1.0},
      {"북한 노동자들은 강제노동에 시달린다.", "for", 1.0},
      {"그들은 자발적으로 일한다.", "against", 1.0},
      // No cue: no stance.
      {"The brigades work on construction sites in the Far East.", "", 0},
  };
  for (const auto& row : rows) {
    INFO(row.sentence);
    const auto [polarity, weight] = stance_of(row.sentence);
    CHECK(polarity == row.polarity);
    CHECK(weight == Approx(row.weight));
  }
}

TEST_CASE("stance: the cue spans are the bytes of the deciding words", "[ingest][stance]") {
  const std::string s = "Critics say the men are, in effect, slaves.";
  const auto found = finder().find(s, claimgraph::graph::Span{0, static_cast<std::uint32_t>(s.size())});
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].cues.size() == 1);
  const auto c = found[0].cues[0];
  CHECK(s.substr(c.begin, c.end - c.begin) == "slaves");
}

TEST_CASE("frames.json is validated with the file, line and column", "[ingest][stance]") {
  const auto project = claimgraph::testing::read_file(claimgraph::testing::corpus_dir() +
                                                      "/lexicons/frames.json");
  const auto load = [](const std::string& text) {
    MemoryFileSystem fs;
    fs.add("lex/frames.json", text);
    return stance::load_frame_lexicon("lex", fs, nullptr);
  };
  const auto replaced = [&](const std::string& from, const std::string& to) {
    return claimgraph::testing::with_replaced(project, from, to);
  };
  CHECK_NOTHROW(load(project));
  CHECK_THROWS_WITH(load(replaced("\"negations\"", "\"negation\"")),
                    Contains("lex/frames.json:") && Contains("\"negation\""));
  CHECK_THROWS_WITH(load(replaced("\"hedge_weight\": 0.6", "\"hedge_weight\": 2")),
                    Contains("lex/frames.json:") && Contains("hedge_weight"));
  CHECK_THROWS_WITH(load(replaced("\"negation_window\": 8", "\"negation_window\": -1")),
                    Contains("lex/frames.json:") && Contains("negation_window"));
  CHECK_THROWS_WITH(load(replaced("\"id\": \"labor-is-slavery\"", "\"id\": \"\"")),
                    Contains("lex/frames.json:") && Contains("\"id\""));
  CHECK_THROWS_WITH(load("{\"propositions\": [}"),
                    Contains("lex/frames.json:1:") && Contains("malformed JSON"));
}
