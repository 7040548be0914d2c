// End to end over tests/data/scope/{en,ru,ko} and tests/data/scope-heldout/{en,ru,ko}: short
// articles written for issue 15 (the held-out set by another hand, without the engine at
// hand), each language with the pairs `conflicts` must report, the candidates it reports
// only with --include-undated, and the look-alikes it must never report (another people, a
// flow against a stock, a sample, permits, countries, another place, another year). Pairs
// are scored as a fact-checker reads them: every pair of figures of two sources on two sides
// of a reported conflict. A listed figure "file: words" is a reported one of that file whose
// words hold the listed ones or are held by them (the held-out set lists a Korean counter
// with its particle, "약 9천 명이", as it is written).

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "support/support.hpp"

using namespace claimgraph::testing;
using Catch::Matchers::Contains;

namespace {

using Pair = std::pair<std::string, std::string>;  // "file: words", in order

Pair ordered(std::string a, std::string b) { return a < b ? Pair{a, b} : Pair{b, a}; }

// Every pair across the sides of every reported figure conflict.
std::set<Pair> reported(const std::string& db, bool undated) {
  std::vector<std::string> args{"conflicts", "--kind", "figure", "--json", "--db", db};
  if (undated) args.push_back("--include-undated");
  const auto r = run_claimgraph(args);
  REQUIRE(r.exit_code == 0);
  const auto list = parse_json(r.out);
  std::set<Pair> out;
  for (const auto& c : list.GetArray()) {
    std::vector<std::vector<std::string>> sides;
    for (const auto& side : c["sides"].GetArray()) {
      sides.emplace_back();
      for (const auto& item : side["items"].GetArray()) {
        sides.back().push_back(json_str(item["source"]["file"]) + ": " + json_str(item["text"]));
      }
    }
    for (std::size_t a = 0; a < sides.size(); ++a) {
      for (std::size_t b = a + 1; b < sides.size(); ++b) {
        for (const auto& x : sides[a]) {
          for (const auto& y : sides[b]) {
            if (x.substr(0, x.find(": ")) != y.substr(0, y.find(": "))) out.insert(ordered(x, y));
          }
        }
      }
    }
  }
  return out;
}

std::vector<Pair> pairs_of(const rapidjson::Value& list) {
  std::vector<Pair> out;
  for (const auto& item : list.GetArray()) {
    out.push_back(ordered(json_str(item["pair"][0]), json_str(item["pair"][1])));
  }
  return out;
}

// A listed figure and a reported one: one file, words within each other.
bool same_figure(const std::string& listed, const std::string& found) {
  const auto a = listed.find(": "), b = found.find(": ");
  if (listed.substr(0, a) != found.substr(0, b)) return false;
  const auto lw = listed.substr(a + 2), fw = found.substr(b + 2);
  return lw.find(fw) != std::string::npos || fw.find(lw) != std::string::npos;
}

bool same_pair(const Pair& listed, const Pair& found) {
  return (same_figure(listed.first, found.first) && same_figure(listed.second, found.second)) ||
         (same_figure(listed.first, found.second) && same_figure(listed.second, found.first));
}

std::size_t count_in(const std::set<Pair>& reported, const Pair& listed) {
  std::size_t n = 0;
  for (const auto& p : reported) n += same_pair(listed, p);
  return n;
}

bool listed_in(const std::vector<Pair>& list, const Pair& found) {
  return std::any_of(list.begin(), list.end(), [&](const Pair& p) { return same_pair(p, found); });
}

struct Score {
  std::size_t expected = 0, found = 0, reported = 0, right = 0;
  double precision() const { return reported ? double(right) / double(reported) : 0; }
  double recall() const { return expected ? double(found) / double(expected) : 0; }
};

// `strict`: every listed conflict must be reported, nothing else, no look-alike, and every
// listed candidate shown with --include-undated (our own set); otherwise the pairs are only
// scored (the held-out sets, whose scores the caller holds to the 0.85).
// `untouched`: a set nothing was learned from; what it misses is printed, not failed.
Score check_language(const std::string& set, const std::string& language, bool strict = true,
                     bool untouched = false) {
  INFO("set: " << set << ", language: " << language);
  TempDir dir;
  const std::string folder = source_dir() + "/tests/data/" + set + "/" + language;
  const std::string db = dir / "scope.db";
  const auto ingest = run_claimgraph({"ingest", folder, "--db", db});
  REQUIRE(ingest.exit_code == 0);
  // The article without a date in its metadata takes its dateline's, and says so.
  const bool dated = ingest.err.find("no date in the metadata: the article's date 20") !=
                     std::string::npos;
  if (untouched) {
    if (!dated) std::printf("%s/%s: no article date read from the text\n", set.c_str(), language.c_str());
  } else {
    CHECK_THAT(ingest.err, Contains("no date in the metadata: the article's date 20") &&
                               Contains("is read from its text"));
  }
  const auto expected = parse_json(read_file(folder + "/expected.json"));
  const auto must = pairs_of(expected["conflicts"]);
  const auto candidates = pairs_of(expected["candidates"]);
  const auto never = pairs_of(expected["not_conflicts"]);
  const auto plain = reported(db, false);
  const auto all = reported(db, true);
  Score score;
  score.expected = must.size();
  score.reported = plain.size();
  for (const auto& p : must) {
    INFO("must conflict: " << p.first << " | " << p.second);
    if (strict) CHECK(count_in(plain, p) == 1);
    score.found += count_in(plain, p) > 0;
  }
  for (const auto& p : plain) score.right += listed_in(must, p);
  for (const auto& p : candidates) {
    INFO("candidate: " << p.first << " | " << p.second);
    CHECK(count_in(plain, p) == 0);  // a candidate is never shown by default
    if (strict) CHECK(count_in(all, p) == 1);
  }
  if (!strict) return score;
  for (const auto& p : never) {
    INFO("look-alike: " << p.first << " | " << p.second);
    CHECK(count_in(all, p) == 0);
  }
  // Nothing reported by default that is not a listed conflict.
  for (const auto& p : plain) {
    INFO("reported: " << p.first << " | " << p.second);
    CHECK(listed_in(must, p));
  }
  return score;
}

// The sets' pairs in the three languages, summed; each set's line printed, then the whole.
Score score_sets(const std::vector<std::string>& sets, bool strict, const char* name,
                 bool untouched = false) {
  Score total;
  for (const auto& set : sets) {
    Score one;
    for (const char* language : {"en", "ru", "ko"}) {
      const auto s = check_language(set, language, strict, untouched);
      one.expected += s.expected;
      one.found += s.found;
      one.reported += s.reported;
      one.right += s.right;
    }
    std::printf("%s pairs: %zu of %zu reported right, %zu of %zu found\n", set.c_str(), one.right,
                one.reported, one.found, one.expected);
    total.expected += one.expected;
    total.found += one.found;
    total.reported += one.reported;
    total.right += one.right;
  }
  std::printf("%s pairs: precision %.3f (%zu of %zu), recall %.3f (%zu of %zu)\n", name,
              total.precision(), total.right, total.reported, total.recall(), total.found,
              total.expected);
  return total;
}

}  // namespace

TEST_CASE("scope: conflicts and look-alikes in English, Russian and Korean articles", "[e2e]") {
  const auto total = score_sets({"scope"}, true, "scope");
  CHECK(total.precision() == 1.0);
  CHECK(total.recall() == 1.0);
}

TEST_CASE("scope: the held-out articles, written without the engine at hand", "[e2e]") {
  // Six sets by other hands, each scored on its own and together. Each was first scored
  // before anything was learned from it (README.md keeps those scores); a listed candidate
  // need not show, as a figure without a place is one too weak to report.
  const auto total = score_sets({"scope-heldout", "scope-heldout2", "scope-heldout3",
                                 "scope-heldout4", "scope-heldout5", "scope-heldout6"},
                                false, "held-out");
  CHECK(total.precision() >= 0.85);
  CHECK(total.recall() >= 0.85);
}

TEST_CASE("scope: trace labels each related figure by what differs", "[e2e]") {
  TempDir dir;
  const std::string db = dir / "scope.db";
  REQUIRE(run_claimgraph({"ingest", source_dir() + "/tests/data/scope/en", "--db", db}).exit_code == 0);
  const auto r = run_claimgraph({"trace", "About 12,000", "--json", "--db", db});
  REQUIRE(r.exit_code == 0);
  const auto t = parse_json(r.out);
  std::map<std::string, std::string> relation;
  for (const auto& rel : t["related"].GetArray()) {
    relation[json_str(rel["figure"]["source"]["file"]) + ": " + json_str(rel["figure"]["text"])] =
        json_str(rel["relation"]);
  }
  CHECK(relation["courier.txt: Roughly 25,000"] == "conflicts");
  CHECK(relation["dispatch.txt: Some 16,000"] == "conflicts");
  CHECK(relation["courier.txt: 20,000"] == "changes_over_time");  // 2018
  CHECK(relation["herald.txt: 6,000"] == "changes_over_time");    // 2016
  CHECK(relation["courier.txt: 9,000"] == "other_measure");       // sent, a flow
  CHECK(relation["herald.txt: some 300,000"] == "other_place");   // in North Korea
  CHECK(relation.count("herald.txt: some 90,000") == 0);           // Uzbek workers: unrelated
}


TEST_CASE("scope: a seventh held-out set, on trades the lexicons were not written for", "[e2e]") {
  // Fishing crews and defectors (en, ru, ko), scored at first contact and left untouched since,
  // so it keeps measuring what the engine does on text it has not learned from. What it
  // reports must be right; what it finds is held to its first score so a loss shows.
  const auto total = score_sets({"scope-heldout7"}, false, "untouched", true);
  CHECK(total.precision() >= 0.85);
  CHECK(total.recall() >= 1.0 / 6.0);
}
