#include "ingest/actors/attribution.hpp"

#include <catch2/catch.hpp>

#include "ingest/text_util.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;

namespace {

// The attributions of consecutive sentences of one paragraph.
std::vector<actors::Attribution> attributions(const std::vector<std::string>& sentences) {
  const auto& lex = *claimgraph::testing::lexicons().figures;
  std::vector<actors::Attribution> out;
  for (const auto& s : sentences) {
    auto tokens = tokenize(s, claimgraph::graph::Span{0, static_cast<std::uint32_t>(s.size())});
    lex.phrases.index(tokens);
    out.push_back(actors::attribute(s, tokens, lex, out.empty() ? nullptr : &out.back()));
  }
  return out;
}

struct Row {
  const char* sentence;
  const char* claimant;  // "" for none
  const char* phrase;    // the attributing words
};

}  // namespace

TEST_CASE("attribution: 'according to', reporting verbs, appositions, makers", "[ingest]") {
  const Row rows[] = {
      {"In Amur Province, according to government statistics, 45.4% is industry.",
       "government statistics", "according to government statistics"},
      {"Anthony Ruggiero, a former US Treasury Department official and US Senate staffer, "
       "recommends that the US act.",
       "Anthony Ruggiero",
       "Anthony Ruggiero, a former US Treasury Department official and US Senate staffer, "
       "recommends"},
      {"Statistics published by the provincial government indicate that output grew.",
       "provincial government", "Statistics published by the provincial government indicate"},
      {"According to interviews featured in a New York Times piece, workers are sought after.",
       "The New York Times", "According to interviews featured in a New York Times piece"},
      {"In any event, as Anthony Rinna explains here, it is not clear.", "Anthony Rinna",
       "as Anthony Rinna explains"},
      {"По данным ФМС, в России работают 30 тысяч человек.", "Federal Migration Service",
       "По данным ФМС"},
      // A source's maker after "from", its kind of outlet dropped (issue 15).
      {"A report from the daily Kommersant stated that 40,000 workers were there.", "Kommersant",
       "A report from the daily Kommersant stated"},
      // A date is never a claimant (issue 15).
      {"June 3 said that 20,000 workers were in Russia.", "", ""},
      {"According to June 5, 30,000 workers were employed.", "", "According to June"},
      // A group of people is a claimant, named by its noun (issue 15).
      {"At the border, officials said 25,000 workers lived there.", "officials", "officials said"},
      {"Местные власти сообщили, что в регионе 5 тысяч рабочих.", "Местные власти",
       "Местные власти сообщили"},
      // Korean: the source before its particle (issue 15).
      {"통일부는 북한 노동자 2만 명이 러시아에 있다고 밝혔다.", "통일부", "밝혔다"},
      {"통일부에 따르면 북한 노동자 2만 명이 러시아에 있다.", "통일부", "통일부에 따르면"},
      {"지난해 미국 국무부 보고서에 따르면 3만 명이다.", "U.S. State Department",
       "지난해 미국 국무부 보고서에 따르면"},
      {"북한 노동자 2만 명이 러시아에 있다.", "", ""},
      // Korean: who said it after the quote's end; a locative is no subject.
      {"연해주에서 일하는 노동자는 약 2만 명이라고 시 관계자가 말했다.", "시 관계자", "말했다"},
      {"현재 노동자는 약 4만 명이라고 한 활동가가 주장했다.", "활동가", "주장했다"},
      // A description ending the sentence after a comma; inverted in Russian.
      {"About 16,000 workers were employed there, a city official said.", "city official",
       "a city official said"},
      {"Roughly 25,000 workers were employed there, a labor union estimated.", "labor union",
       "a labor union estimated"},
      {"В Приморье работали 12 тысяч рабочих, сообщили местные власти.", "местные власти",
       "сообщили местные власти"},
      {"В Приморье работали 16 тысяч рабочих, как заявил чиновник мэрии.", "чиновник мэрии",
       "как заявил чиновник мэрии"},
      {"По оценке профсоюза, там работали 25 тысяч рабочих.", "профсоюза", "По оценке профсоюза"},
      // Not a description: a sentence going on after the verb, a long clause.
      {"Workers, the report said, were paid late.", "", ""},
      // No source named: a verb of the wrong case, a common noun, a pronoun with nothing before.
      {"The United States wants to put pressure on North Korea.", "", ""},
      {"Crucially, this migration from North Korea indicates a degree of volition.", "", ""},
      {"Now, this essay asserts that it is unlikely.", "", ""},
      {"This hardly sounds like slavery.", "", ""},
  };
  for (const auto& row : rows) {
    INFO(row.sentence);
    const auto a = attributions({row.sentence}).front();
    CHECK(a.claimant.value_or("") == row.claimant);
    CHECK(std::string(slice(row.sentence, a.phrase)) == row.phrase);
  }
}

TEST_CASE("attribution: 'It says' and 'the same data set' point back, the data used is named",
          "[ingest]") {
  const auto a = attributions(
      {"The U.S. State Department’s latest Trafficking in Persons (TIP) Report describes camps.",
       "It says tens of thousands of workers are abroad."});
  CHECK(a[0].claimant == "U.S. State Department");
  CHECK(a[1].claimant == "U.S. State Department");

  const auto b = attributions(
      {"Indeed, using statistics from Russia’s Federal Migratory Service, Irina Ivakhnyuk "
       "demonstrates that in 2006 it was 21%.",
       "According to the same data set, the number remained consistent."});
  CHECK(b[0].claimant == "Irina Ivakhnyuk");
  CHECK(b[0].underlying == "Federal Migration Service");
  CHECK(b[1].claimant == "Irina Ivakhnyuk");

  const auto c = attributions({"It says nothing new."});
  CHECK_FALSE(c[0].claimant.has_value());  // no sentence before to point back to

  // Korean "그는 … 말했다" points back too (issue 15).
  const auto k = attributions({"국정원은 3만 명이라고 추산했다.", "그는 2만 명이라고 말했다."});
  CHECK(k[0].claimant == "국정원");
  CHECK(k[1].claimant == "국정원");
  CHECK_FALSE(attributions({"그는 2만 명이라고 말했다."})[0].claimant.has_value());
}

TEST_CASE("attribution: news reported inside the author's sentence is not the whole sentence",
          "[ingest]") {
  const auto a = attributions({"Today’s news from the Chinese Ministry of Commerce that firms "
                               "must close has shone a light on exports."});
  CHECK(a[0].claimant == "Chinese Ministry of Commerce");
  CHECK_FALSE(a[0].whole_sentence);
  const auto b = attributions({"According to government statistics, trade covers 12.3%."});
  CHECK(b[0].whole_sentence);
}
