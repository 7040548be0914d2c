#include "ingest/actors/person_names.hpp"

#include <catch2/catch.hpp>

#include "ingest/lexicon.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using Catch::Matchers::Contains;

namespace {

std::shared_ptr<const actors::NameLexicon> project_lexicon() {
  static const auto lex = std::make_shared<const actors::NameLexicon>(actors::load_name_lexicon(
      claimgraph::testing::corpus_dir() + "/lexicons", DiskFileSystem{}, nullptr));
  return lex;
}

const actors::NameMatcher& matcher() {
  static const actors::NameMatcher m(project_lexicon());
  return m;
}

std::string show(const actors::PersonName& p) {
  return "surname=" + p.surname + " given=" + p.given + " initials=" + p.initials +
         " korean=" + (p.korean ? "yes" : "no") + " key=" + actors::NameMatcher::key(p);
}

}  // namespace

TEST_CASE("a name parses to folded surname, given names and initials", "[ingest][names]") {
  struct Row {
    const char* name;
    const char* surname;
    const char* given;
    const char* initials;
    bool korean;
  };
  const Row rows[] = {
      // Cyrillic and its BGN romanization, initials before and after the surname.
      {"A. S. Vashchuk", "vashchuk", "", "as", false},
      {"А. С. Ващук", "vashchuk", "", "as", false},
      {"Ivakhnyuk I.V.", "ivakhnyuk", "", "iv", false},
      {"Ивахнюк И.В.", "ivakhnyuk", "", "iv", false},
      {"Irina Ivakhnyuk", "ivakhnyuk", "irina", "i", false},
      {"Ivakhnyuk, Irina", "ivakhnyuk", "irina", "i", false},
      {"Lankin AS", "lankin", "", "as", false},
      {"Ланкин А.С.", "lankin", "", "as", false},
      {"Ланкин АС", "lankin", "", "as", false},
      {"Andrei Lankov", "lankov", "andrei", "a", false},
      {"Андрей Ланьков", "lankov", "andrey", "a", false},
      // Russian order told by the patronymic.
      {"Ивахнюк Ирина Викторовна", "ivakhnyuk", "irina viktorovna", "iv", false},
      {"Irina Viktorovna Ivakhnyuk", "ivakhnyuk", "irina viktorovna", "iv", false},
      // "Yu." is one initial; "Ye." and "Yevgeny" both give "e" (latin_loose).
      {"Yu. A. Shcherbakov", "shcherbakov", "", "ia", false},
      {"Юрий Щербаков", "shcherbakov", "yuriy", "i", false},
      {"Е. П. Сидоренко", "sidorenko", "", "ep", false},
      // Titles dropped, particles kept with the surname.
      {"Dr. Anthony Rinna", "rinna", "anthony", "a", false},
      {"Ludwig van Beethoven", "van beethoven", "ludwig", "l", false},
      {"de Gaulle", "de gaulle", "", "", false},
      // What stands in brackets is another spelling or a gloss.
      {"Lee Yŏng-hyŏng (이영형)", "lee", "yeonghyeong", "yh", true},
      {"Ivakhnyuk [Ивахнюк] I.V.", "ivakhnyuk", "", "iv", false},
      // Korean: MR, RR and Hangul meet; 이's spellings fold to "lee".
      {"Lee Yŏng Hyŏng", "lee", "yeonghyeong", "yh", true},
      {"Lee Yeong-hyeong", "lee", "yeonghyeong", "yh", true},
      {"이 영 형", "lee", "yeonghyeong", "yh", true},
      {"이영형", "lee", "yeonghyeong", "yh", true},
      {"Yi Yŏng-hyŏng", "lee", "yeonghyeong", "yh", true},
      {"Lee, Y.H.", "lee", "", "yh", true},
      {"Kim Jong-un", "kim", "jongun", "ju", true},
      {"Kim Jong Un", "kim", "jongun", "ju", true},
      {"KIM Jong-un", "kim", "jongun", "ju", true},
      {"김정은", "kim", "jeongeun", "ju", true},
      {"Kim Chŏng-ŭn", "kim", "cheongeun", "ju", true},
      // Hangul-Latin's jamo spelling becomes RR: 박 "bag" -> the lexicon's "park", 석 "seog" -> "seok".
      {"박근혜", "park", "geunhye", "gh", true},
      {"황민석", "hwang", "minseok", "ms", true},
      {"최룡해", "choi", "ryonghae", "lh", true},
      {"남궁민", "namgung", "min", "m", true},
      // Order: the Korean surname leads or ends.
      {"Rhee Syngman", "lee", "syngman", "s", true},
      {"Syngman Rhee", "lee", "syngman", "s", true},
      // A Korean surname spelling with a name that is not Korean.
      {"Lee Smith", "smith", "lee", "l", false},
      {"Robert Lee", "lee", "robert", "r", false},
  };
  for (const auto& row : rows) {
    const auto p = matcher().parse(row.name);
    INFO(row.name << " -> " << show(p));
    CHECK(p.surname == row.surname);
    CHECK(p.given == row.given);
    CHECK(p.initials == row.initials);
    CHECK(p.korean == row.korean);
  }
}

TEST_CASE("every spelling of one person meets on one key and matches", "[ingest][names]") {
  const std::vector<std::vector<const char*>> groups = {
      // The gold's groups.
      {"Lee Yŏng Hyŏng", "이 영 형", "Lee Yeong-hyeong", "이영형"},
      {"A. S. Vashchuk", "А. С. Ващук"},
      {"Ivakhnyuk I.V.", "Ивахнюк И.В.", "Irina Ivakhnyuk"},
      {"Lankin AS", "Ланкин А.С."},
      // More spellings of those people.
      {"Lee Yŏng Hyŏng", "Yi Yŏng-hyŏng", "Rhee Yeong-hyeong", "Lee Young-hyung", "Lee Y.H.",
       "Lee, Yeong-hyeong", "Yeong-hyeong Lee", "Lee Yeonghyeong", "이영형 교수"},
      {"A. S. Vashchuk", "Vashchuk A.S.", "Ващук А. С.", "Vashchuk, A. S."},
      {"Ivakhnyuk I.V.", "Ивахнюк Ирина Викторовна", "Irina V. Ivakhnyuk", "I. Ivakhnyuk",
       "Ivakhniuk, Irina"},
      {"Andrei Lankov", "Андрей Ланьков", "Andrey Lankov", "A. Lankov", "Lankov A."},
      // Korean leaders: MR, RR, popular spellings, Hangul.
      {"Kim Jong Un", "Kim Jong-un", "김정은", "Kim Chŏng-ŭn", "Kim Jongun", "Jong-un Kim"},
      {"Kim Il-sung", "Kim Il Sung", "김일성", "Kim Il-sŏng"},
      {"Syngman Rhee", "Rhee Syngman", "이승만"},
      {"Park Geun-hye", "박근혜", "Pak Kŭn-hye", "Bak Geun-hye"},
      {"Kim Dae-jung", "Kim Tae-jung", "김대중", "Kim Dae Jung"},
      {"Choe Ryong-hae", "최룡해", "Ch'oe Ryong-hae", "Choi Ryong Hae"},
      {"Ban Ki-moon", "반기문", "Ban Gi-mun", "Pan Ki-mun"},
      // Made-up people.
      {"Hwang Min-seok", "황민석", "Hwang Min-sŏk", "Hwang Min Suk", "M.S. Hwang"},
      {"Евгений Сидоренко", "Yevgeniy Sidorenko", "Evgeny Sidorenko", "E. Sidorenko",
       "Е. П. Сидоренко", "Sidorenko Yevgeny Petrovich"},
      {"Фёдор Артёмов", "Fyodor Artyomov", "Fedor Artemov", "F. Artemov"},
      {"Юрий Щербаков", "Yuri Shcherbakov", "Yury Shcherbakov", "Yu. Shcherbakov"},
      {"Наталья Ким", "Natalya Kim"},
      {"Ri Sol-ju", "리설주", "Ri Sŏl-chu", "Lee Seol-ju"},
  };
  for (const auto& group : groups) {
    for (const char* a : group) {
      for (const char* b : group) {
        const auto pa = matcher().parse(a);
        const auto pb = matcher().parse(b);
        INFO(a << " -> " << show(pa));
        INFO(b << " -> " << show(pb));
        CHECK(actors::NameMatcher::same_person(pa, pb));
        CHECK(matcher().key(a) == matcher().key(b));
      }
    }
  }
}

TEST_CASE("different people stay apart", "[ingest][names]") {
  const std::pair<const char*, const char*> pairs[] = {
      // The gold's distinct pairs.
      {"Lankin AS", "Andrei Lankov"},
      {"Kim Jong-un", "Kim Jong-il"},
      {"Anthony Rinna", "Anthony Ruggiero"},
      // Same surname, other given names or initials.
      {"Ланкин А.С.", "Андрей Ланьков"},
      {"Kim Jong-un", "김정일"},
      {"김정은", "Kim Jong Il"},
      {"Kim Jong-un", "Kim Il-sung"},
      {"Ivakhnyuk I.V.", "Ivakhnyuk A.V."},
      {"Irina Ivakhnyuk", "Ivan Ivakhnyuk"},
      {"Irina V. Ivakhnyuk", "Irina A. Ivakhnyuk"},
      {"A. S. Vashchuk", "A. P. Vashchuk"},
      {"Lee Yeong-hyeong", "Lee Yeong-su"},
      {"Lee Y.H.", "Lee Y.S."},
      {"Park Geun-hye", "Park Chung-hee"},
      {"Andrei Lankov", "Andrei Lankin"},
      // Other surnames.
      {"이영형", "임영형"},
      {"Lee Yeong-hyeong", "Kim Yeong-hyeong"},
      {"Lee Smith", "Lee Yeong-hyeong"},
      {"", "Anthony Rinna"},
  };
  for (const auto& [a, b] : pairs) {
    const auto pa = matcher().parse(a);
    const auto pb = matcher().parse(b);
    INFO(a << " -> " << show(pa));
    INFO(b << " -> " << show(pb));
    CHECK_FALSE(actors::NameMatcher::same_person(pa, pb));
    CHECK_FALSE(actors::NameMatcher::same_person(pb, pa));
  }
  CHECK(matcher().key("Lankin AS") != matcher().key("Andrei Lankov"));
  CHECK(matcher().key("Anthony Rinna") != matcher().key("Anthony Ruggiero"));
  CHECK(matcher().key("") == "");
}

TEST_CASE("a surname alone matches any person of that surname", "[ingest][names]") {
  const auto bare = matcher().parse("Ivakhnyuk");
  CHECK(actors::NameMatcher::same_person(bare, matcher().parse("Irina Ivakhnyuk")));
  CHECK(actors::NameMatcher::same_person(matcher().parse("Ивахнюк И.В."), bare));
  CHECK(actors::NameMatcher::same_person(matcher().parse("de Gaulle"), matcher().parse("Charles de Gaulle")));
  CHECK_FALSE(actors::NameMatcher::same_person(bare, matcher().parse("Andrei Lankov")));
  // Its key has no initial: callers block bare surnames by surname_key.
  CHECK(matcher().key("Ivakhnyuk") == "ivahniuk|");
}

TEST_CASE("the blocking key is the surname key and the first initial", "[ingest][names]") {
  const std::pair<const char*, const char*> rows[] = {
      {"A. S. Vashchuk", "vashchuk|a"},
      {"Lankin AS", "lankin|a"},
      {"Irina Ivakhnyuk", "ivahniuk|i"},
      {"이영형", "lee|y"},
      {"Kim Chŏng-ŭn", "kim|j"},
      {"Putin", "putin|"},
  };
  for (const auto& [name, key] : rows) CHECK(matcher().key(name) == key);
}

TEST_CASE("ASCII names never reach an ICU transliterator", "[ingest][names]") {
  const actors::NameMatcher m(project_lexicon());
  const auto before = m.transliterations();
  for (const char* name : {"Anthony Rinna", "Lankin AS", "Ivakhnyuk I.V.", "Kim Jong-un",
                           "Lee Yeong-hyeong", "Ch'oe Ryong-hae", "Andrei Lankov"}) {
    const auto p = m.parse(name);
    CHECK(!p.surname.empty());
  }
  CHECK(m.transliterations() == before);
  // MR's breves fold to RR by the lexicon, without transliteration either.
  CHECK(m.parse("Lee Yŏng Hyŏng").given == "yeonghyeong");
  CHECK(m.transliterations() == before);
  // Cyrillic and Hangul do need it.
  CHECK(m.parse("Ващук").surname == "vashchuk");
  CHECK(m.transliterations() > before);
  const auto cyrillic = m.transliterations();
  CHECK(m.parse("이영형").given == "yeonghyeong");
  CHECK(m.transliterations() == cyrillic + 1);  // one call for all the syllables
}

TEST_CASE("odd input parses without throwing", "[ingest][names]") {
  for (const char* name : {"", " ", ",", "...", "-", "A.", "Ю.", "이", "Kim", ", Lee", "Lee ,",
                           "ＫＩＭ　Ｊｏｎｇ－ｕｎ", "Kim\xff Jong", "김 Jong-un", "Ivakhnyuk И.В."}) {
    INFO(name);
    CHECK_NOTHROW(matcher().parse(name));
  }
  CHECK(matcher().parse("").surname.empty());
  CHECK(matcher().parse("...").surname.empty());
  // NFKC: full-width letters are letters.
  CHECK(matcher().parse("ＫＩＭ Ｊｏｎｇ－ｕｎ").given == "jongun");
}

namespace {

// The smallest names.json the loader accepts: the keys that follow are the variations.
constexpr const char* kMinimal =
    R"({"korean_surnames": [{"hangul": ["이"], "spellings": ["Lee", "Yi"]}],
 "romanization_folds": {"ŏ": "eo"},
 "hangul_latin": {"onsets": {}, "codas": {}},
 "korean_syllables": {"onsets": [""], "vowels": ["a", "eo"], "codas": ["", "ng"]},
 "korean_loose": {}, "latin_loose": {}, "initial_digraphs": [], "particles": [], "titles": [],
 "patronymic_endings": []})";

actors::NameLexicon load(const std::string& json) {
  MemoryFileSystem fs;
  fs.add("lex/names.json", json);
  return actors::load_name_lexicon("lex", fs, nullptr);
}

}  // namespace

TEST_CASE("names.json is validated with the file, line and column", "[ingest][names]") {
  SECTION("the minimal lexicon loads, and its bytes join the fingerprint") {
    MemoryFileSystem fs;
    fs.add("lex/names.json", kMinimal);
    std::string fingerprint;
    const auto lex = std::make_shared<const actors::NameLexicon>(actors::load_name_lexicon("lex", fs, &fingerprint));
    CHECK(fingerprint.find("korean_surnames") != std::string::npos);
    const actors::NameMatcher m(lex);
    const auto p = m.parse("Yi Ŏng");
    CHECK(p.surname == "lee");
    CHECK(p.given == "eong");
  }
  SECTION("an unknown key") {
    CHECK_THROWS_WITH(load(claimgraph::testing::with_replaced(kMinimal, "\n \"romanization_folds\"", "\n \"surnames\": [],\n \"romanization_folds\"")),
                      Contains("lex/names.json:2:2: error: unknown lexicon key \"surnames\""));
  }
  SECTION("an unknown key in a surname") {
    CHECK_THROWS_WITH(load(claimgraph::testing::with_replaced(kMinimal, "\"spellings\"", "\"spelling\"")),
                      Contains("lex/names.json:1:40") && Contains("\"spelling\"") &&
                          Contains("korean_surnames[0]"));
  }
  SECTION("a Hangul form that is not Hangul") {
    CHECK_THROWS_WITH(load(claimgraph::testing::with_replaced(kMinimal, "[\"이\"]", "[\"Lee\"]")),
                      Contains("lex/names.json:1:") && Contains("\"Lee\" is not written in Hangul"));
  }
  SECTION("a fold to something other than a string") {
    CHECK_THROWS_WITH(load(claimgraph::testing::with_replaced(kMinimal, "{\"ŏ\": \"eo\"}", "{\"ŏ\": 1}")),
                      Contains("lex/names.json:2:25") && Contains("a fold maps"));
  }
  SECTION("an empty vowel") {
    CHECK_THROWS_WITH(load(claimgraph::testing::with_replaced(kMinimal, "[\"a\", \"eo\"]", "[\"a\", \"\"]")),
                      Contains("lex/names.json:4:") && Contains("vowel cannot be empty"));
  }
  SECTION("a missing key") {
    CHECK_THROWS_WITH(load(claimgraph::testing::with_replaced(kMinimal, ", \"titles\": []", "")),
                      Contains("lex/names.json: error: missing key \"titles\""));
  }
  SECTION("malformed JSON") {
    CHECK_THROWS_WITH(load("{\"korean_surnames\": [}"),
                      Contains("lex/names.json:1:22") && Contains("malformed JSON"));
  }
  SECTION("a missing file") {
    MemoryFileSystem fs;
    CHECK_THROWS_AS(actors::load_name_lexicon("lex", fs, nullptr), LexiconError);
  }
}
