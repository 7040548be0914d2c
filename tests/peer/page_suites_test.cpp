// The HTML reader over other projects' saved web pages (../shared/external): the
// article-extraction-benchmark (120 real news pages with their article bodies) scored as
// upstream scores it (4-gram shingles of \w+ tokens, per-page normalized, F1 of the mean
// precision and mean recall), and trafilatura's evaluation pages (41 pages with snippets that
// must and must not be in the body, and their title, author and date). Prints the scores
// beside the published ones (external/*/README.md) and holds each to a floor just under what
// the reader reaches. Set CLAIMGRAPH_PEER_DETAILS=1 to print every page.

#include <gumbo.h>
#include <rapidjson/document.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/html/charset.hpp"
#include "ingest/html/page.hpp"
#include "support/support.hpp"

namespace {

namespace html = claimgraph::ingest::html;

std::string external_dir() { return std::string(CLAIMGRAPH_SHARED_DIR) + "/external"; }

bool details() {
  const char* v = std::getenv("CLAIMGRAPH_PEER_DETAILS");
  return v != nullptr && *v != '\0' && *v != '0';
}

std::string gunzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  REQUIRE(f != nullptr);
  std::string out;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<rapidjson::Document> read_cases(const std::string& path) {
  std::vector<rapidjson::Document> cases;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document d;
    d.Parse(line.c_str());
    REQUIRE_FALSE(d.HasParseError());
    cases.push_back(std::move(d));
  }
  return cases;
}

// Upstream's tokens: runs of \w (Unicode letters, digits and numbers, underscore).
std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, n, c);
    const bool word = c == '_' || u_isalpha(c) || u_isdigit(c) ||
                      u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
    if (word && c >= 0) {
      current.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::map<std::string, int> shingles(const std::vector<std::string>& t) {
  std::map<std::string, int> out;
  if (t.empty()) return out;
  const std::size_t n = t.size() < 4 ? t.size() : 4;
  for (std::size_t i = 0; i + n <= t.size(); ++i) {
    std::string key;
    for (std::size_t k = 0; k < n; ++k) key += t[i + k] + '\x1f';
    ++out[key];
  }
  return out;
}

struct Shingled {
  double precision = 0, recall = 0;
  bool has_precision = false, has_recall = false;
  bool exact = false;
};

Shingled score_body(const std::string& expected, const std::string& got) {
  const auto te = tokens(expected);
  const auto tg = tokens(got);
  const auto se = shingles(te);
  const auto sg = shingles(tg);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [k, c] : sg) {
    const auto it = se.find(k);
    const int e = it == se.end() ? 0 : it->second;
    tp += std::min(c, e);
    fp += std::max(0, c - e);
  }
  for (const auto& [k, c] : se) {
    const auto it = sg.find(k);
    const int g = it == sg.end() ? 0 : it->second;
    fn += std::max(0, c - g);
  }
  Shingled s;
  s.exact = te == tg;
  const double all = tp + fp + fn;
  if (all == 0) return s;
  tp /= all, fp /= all, fn /= all;
  if (fp == 0 && fn == 0) {
    s.precision = s.recall = 1;
    s.has_precision = s.has_recall = true;
    return s;
  }
  if (tp + fp > 0) s.precision = tp / (tp + fp), s.has_precision = true;
  if (tp + fn > 0) s.recall = tp / (tp + fn), s.has_recall = true;
  return s;
}

std::string fold_space(const std::string& s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Every text of the page a reader sees or its metadata states: text nodes outside scripts
// and styles, <title>, meta contents. A gold title not in it is not on the page (a title the
// site's CSS upper-cases, an older headline), and is not held against the reader.
std::string page_words(const std::string& html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string all;
  std::vector<const GumboNode*> stack{out->document};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      all += n->v.text.text;
      all += '\n';
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (n->type == GUMBO_NODE_ELEMENT &&
        (n->v.element.tag == GUMBO_TAG_SCRIPT || n->v.element.tag == GUMBO_TAG_STYLE)) {
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_META) {
      if (const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, "content")) {
        all += a->value;
        all += '\n';
      }
    }
    const GumboVector& kids =
        n->type == GUMBO_NODE_ELEMENT ? n->v.element.children : n->v.document.children;
    for (unsigned i = kids.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return all;
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Upstream's set score: F1 of the mean precision and the mean recall over pages; printed.
double report(const std::string& name, const std::vector<Shingled>& v) {
  double p = 0, r = 0;
  std::size_t np = 0, nr = 0, exact = 0;
  for (const auto& s : v) {
    if (s.has_precision) p += s.precision, ++np;
    if (s.has_recall) r += s.recall, ++nr;
    exact += s.exact;
  }
  p = np ? p / static_cast<double>(np) : 0;
  r = nr ? r / static_cast<double>(nr) : 0;
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("pages %-4s %3zu pages  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f\n",
              name.c_str(), v.size(), f1, p, r,
              v.empty() ? 0.0 : static_cast<double>(exact) / static_cast<double>(v.size()));
  return f1;
}

}  // namespace

TEST_CASE("the HTML reader on the article-extraction benchmark's 120 news pages", "[peer][html]") {
  const std::string dir = external_dir() + "/article-extraction-benchmark";
  if (!std::filesystem::exists(dir + "/cases.jsonl")) {
    WARN("skipped: " << dir << " is not there (../shared is not beside the project)");
    return;
  }
  const auto& lex = claimgraph::testing::lexicons();
  std::map<std::string, std::vector<Shingled>> by_lang;
  std::vector<Shingled> all;
  for (const auto& c : read_cases(dir + "/cases.jsonl")) {
    const std::string html_bytes = gunzip(dir + "/" + c["file"].GetString());
    const auto page = html::read_page(html_bytes, lex.page, *lex.figures, c["url"].GetString());
    const auto s = score_body(c["expected"]["body"].GetString(), page.body_text());
    all.push_back(s);
    by_lang[c["lang"].GetString()].push_back(s);
    if (details()) {
      std::printf("page %s %-3s P %.3f R %.3f %s\n", c["id"].GetString(), c["lang"].GetString(),
                  s.precision, s.recall, c["url"].GetString());
    }
  }
  const double f1 = report("all", all);
  for (const auto& [lang, v] : by_lang) report(lang, v);
  std::printf(
      "pages published on these 120 pages: trafilatura 2.0.0 F1 0.953, Readability.js 0.944, "
      "newspaper4k 0.956, goose3 0.889\n");
  CHECK(f1 >= 0.96);  // issue 16's bar, above trafilatura's 0.953
}

TEST_CASE("the HTML reader on trafilatura's evaluation pages", "[peer][html]") {
  const std::string dir = external_dir() + "/trafilatura-eval";
  if (!std::filesystem::exists(dir + "/cases.jsonl")) {
    WARN("skipped: " << dir << " is not there (../shared is not beside the project)");
    return;
  }
  const auto& lex = claimgraph::testing::lexicons();
  std::size_t tp = 0, fn = 0, fp = 0, tn = 0;
  std::size_t titles = 0, titles_right = 0, titles_on_page = 0, titles_on_page_right = 0,
              titles_folded = 0, dates = 0, dates_right = 0, authors = 0, authors_right = 0,
              pages = 0;
  for (const auto& c : read_cases(dir + "/cases.jsonl")) {
    ++pages;
    const std::string bytes = slurp(dir + "/" + c["file"].GetString());
    const auto page = html::read_page(bytes, lex.page, *lex.figures, c["url"].GetString());
    const std::string body = fold_space(page.body_text());
    const auto& e = c["expected"];
    std::vector<std::string> misses;
    if (e.HasMember("with")) {
      for (const auto& s : e["with"].GetArray()) {
        const bool found = body.find(fold_space(s.GetString())) != std::string::npos;
        found ? ++tp : ++fn;
        if (!found) misses.push_back(std::string("missing: ") + s.GetString());
      }
    }
    for (const char* key : {"without", "comments"}) {
      if (!e.HasMember(key)) continue;
      for (const auto& s : e[key].GetArray()) {
        const bool found = body.find(fold_space(s.GetString())) != std::string::npos;
        found ? ++fp : ++tn;
        if (found) misses.push_back(std::string("extra: ") + s.GetString());
      }
    }
    const auto& m = page.meta;
    if (e.HasMember("title")) {
      ++titles;
      const std::string gold = fold_space(e["title"].GetString());
      const bool right = m.title && fold_space(*m.title) == gold;
      titles_right += right;
      titles_folded += m.title && lower(fold_space(*m.title)) == lower(gold);
      if (fold_space(page_words(bytes)).find(gold) != std::string::npos) {
        ++titles_on_page;
        titles_on_page_right += right;
        if (!right) misses.push_back("title on the page: " + gold);
      }
    }
    if (e.HasMember("date")) {
      ++dates;
      dates_right += m.date && *m.date == e["date"].GetString();
    }
    if (e.HasMember("author")) {
      ++authors;
      std::string joined;
      for (const auto& a : m.authors) joined += (joined.empty() ? "" : "; ") + a;
      authors_right += lower(fold_space(joined)) == lower(fold_space(e["author"].GetString()));
    }
    if (details()) {
      std::printf("page %s title %s | date %s\n", c["id"].GetString(),
                  m.title ? m.title->c_str() : "-", m.date ? m.date->c_str() : "-");
      for (const auto& x : misses) std::printf("    %s\n", x.c_str());
    }
  }
  const double p = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  const double r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  const double f1 = 2.0 * static_cast<double>(tp) / static_cast<double>(2 * tp + fp + fn);
  std::printf("snippets %zu pages  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f\n", pages,
              f1, p, r, static_cast<double>(tp + tn) / static_cast<double>(tp + tn + fp + fn));
  std::printf(
      "metadata title %zu/%zu exact (%zu/%zu of the titles on their page; %zu/%zu "
      "ignoring case)  date %zu/%zu  author %zu/%zu (ignoring case)\n",
      titles_right, titles, titles_on_page_right, titles_on_page, titles_folded, titles,
      dates_right, dates, authors_right, authors);
  CHECK(f1 >= 0.90);
  CHECK(static_cast<double>(titles_on_page_right) >= 0.90 * static_cast<double>(titles_on_page));
  CHECK(static_cast<double>(dates_right) >= 0.90 * static_cast<double>(dates));
}

TEST_CASE("the HTML reader on saved pages written without it (tests/data/pages-heldout)",
          "[peer][html]") {
  // Twelve pages in en, ru and ko, in the markup of real sites' templates and in their
  // charsets (windows-1251, EUC-KR), with the body an annotator would mark; written by another
  // hand without the reader at hand and scored the same way as the benchmark.
  const std::string dir = claimgraph::testing::source_dir() + "/tests/data/pages-heldout";
  const auto& lex = claimgraph::testing::lexicons();
  std::map<std::string, std::vector<Shingled>> by_lang;
  std::vector<Shingled> all;
  std::size_t titles = 0, titles_right = 0, dates = 0, dates_right = 0;
  for (const auto& c : read_cases(dir + "/cases.jsonl")) {
    const auto decoded = html::decode_page(slurp(dir + "/" + c["file"].GetString()));
    const auto page = html::read_page(decoded.utf8, lex.page, *lex.figures, c["url"].GetString());
    const auto& e = c["expected"];
    const auto s = score_body(e["body"].GetString(), page.body_text());
    all.push_back(s);
    by_lang[c["lang"].GetString()].push_back(s);
    if (e.HasMember("title")) {
      ++titles;
      titles_right +=
          page.meta.title && fold_space(*page.meta.title) == fold_space(e["title"].GetString());
    }
    if (e.HasMember("date")) {
      ++dates;
      dates_right += page.meta.date && *page.meta.date == e["date"].GetString();
    }
    if (details()) {
      std::printf("page %s %-3s P %.3f R %.3f charset %s title %s date %s\n", c["file"].GetString(),
                  c["lang"].GetString(), s.precision, s.recall, decoded.charset.c_str(),
                  page.meta.title.value_or("-").c_str(), page.meta.date.value_or("-").c_str());
    }
  }
  REQUIRE(all.size() == 12);
  // At first contact: F1 0.984 (en 0.990, ru 0.989, ko 0.973), title 12/12, date 10/12 (the
  // date line under a headline was then not read).
  const double f1 = report("held", all);
  for (const auto& [lang, v] : by_lang) CHECK(report(lang, v) >= 0.96);
  std::printf("held-out metadata: title %zu/%zu, date %zu/%zu\n", titles_right, titles, dates_right,
              dates);
  CHECK(f1 >= 0.96);
  CHECK(titles_right == titles);
  CHECK(static_cast<double>(dates_right) >= 0.9 * static_cast<double>(dates));
}
