#include "ingest/html/page_metadata.hpp"

#include "graph/text_case.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>

#include "ingest/text/document_date.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::html {
namespace {

// The text under a node, folded; without the text of links when `links` is false.
std::string text_of(const GumboNode* n, bool links = true) {
  std::string out;
  walk(
      n,
      [&](const GumboNode* x) {
        if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE ||
            x->type == GUMBO_NODE_CDATA) {
          out += x->v.text.text;
          out += ' ';
          return false;
        }
        const GumboTag t = tag_of(x);
        if (!links && t == GUMBO_TAG_A) return false;
        return t != GUMBO_TAG_SCRIPT && t != GUMBO_TAG_STYLE && t != GUMBO_TAG_NOSCRIPT;
      },
      [](const GumboNode*) {});
  return fold_spaces(out);
}

// A headline's text: a section link inside it ("Local News | ") is not part of it.
std::string headline_text(const GumboNode* n) {
  std::string bare = text_of(n, false);
  if (std::count(bare.begin(), bare.end(), ' ') >= 1) return bare;
  return text_of(n);
}

bool is_address(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") ||
         s.starts_with("/");
}

// "By Jane Doe" → "Jane Doe".
// "By Jane Doe" -> "Jane Doe", "Автор: Анна Соколова" -> "Анна Соколова": a prefix word of
// the lexicon (any case) before a space or ending in ':'.
std::string without_by(const std::string& s, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes) {
    if (p.empty() || s.size() <= p.size() || fold_case(s.substr(0, p.size())) != p) continue;
    const bool apart = s[p.size()] == ' ' || p.back() == ':';
    if (apart) return fold_spaces(s.substr(p.size()));
  }
  return s;
}

struct Found {
  std::map<std::string, std::string> meta;  // lower-case name or property -> first content
  std::vector<std::string> ld_json;         // script texts
  std::vector<std::uint32_t> ld_offsets;
  std::string title, canonical, lang;
  std::vector<std::string> h1s;
  std::vector<std::string> dates;     // texts of elements named as dates, in page order
  std::vector<std::string> after_h1;  // the first texts after the first <h1>, in page order
  std::vector<std::pair<std::string, bool>> times;  // datetime, itemprop datePublished
  std::vector<std::string> bylines;
};

void add_meta(Found& f, const GumboNode* n) {
  std::string key = ascii_lower(attribute(n, "property"));
  if (key.empty()) key = ascii_lower(attribute(n, "name"));
  if (key.empty()) key = ascii_lower(attribute(n, "itemprop"));
  if (key.empty()) key = ascii_lower(attribute(n, "http-equiv"));
  const std::string content = fold_spaces(attribute(n, "content"));
  if (!key.empty() && !content.empty()) f.meta.emplace(key, content);
}

void add_ld_json(Found& f, const GumboNode* n) {
  if (ascii_lower(attribute(n, "type")) != "application/ld+json") return;
  const GumboVector& kids = n->v.element.children;
  if (kids.length == 0) return;
  const auto* t = static_cast<const GumboNode*>(kids.data[0]);
  if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_WHITESPACE) {
    f.ld_json.emplace_back(t->v.text.text);
    f.ld_offsets.push_back(static_cast<std::uint32_t>(t->v.text.start_pos.offset));
  }
}

// An element the scan reads by its tag: whether to walk inside it, or nothing when its tag
// says nothing.
std::optional<bool> add_tagged(Found& f, const GumboNode* n) {
  switch (tag_of(n)) {
    case GUMBO_TAG_HTML:
      f.lang = std::string(attribute(n, "lang"));
      return true;
    case GUMBO_TAG_META:
      add_meta(f, n);
      return false;
    case GUMBO_TAG_LINK:
      if (ascii_lower(attribute(n, "rel")) == "canonical" && f.canonical.empty()) {
        f.canonical = std::string(attribute(n, "href"));
      }
      return false;
    case GUMBO_TAG_TITLE:
      if (f.title.empty()) f.title = text_of(n);
      return false;
    case GUMBO_TAG_H1:
      if (f.h1s.size() < 8) f.h1s.push_back(headline_text(n));
      return false;
    case GUMBO_TAG_TIME: {
      const std::string_view dt = attribute(n, "datetime");
      if (!dt.empty()) {
        f.times.emplace_back(std::string(dt),
                             ascii_lower(attribute(n, "itemprop")) == "datepublished");
      }
      return true;
    }
    case GUMBO_TAG_SCRIPT:
      add_ld_json(f, n);
      return false;
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
      return false;
    default:
      return std::nullopt;
  }
}

// An element whose class, rel or itemprop names a date or an author: its text is kept. False
// when it was a byline (nothing inside is read again).
bool add_named(Found& f, const GumboNode* n, const PageLexicon& lex) {
  std::string parts;
  for (const std::string_view v :
       {attribute(n, "class"), attribute(n, "rel"), attribute(n, "itemprop")}) {
    if (!v.empty()) parts += '-' + ascii_lower(v);
  }
  if (parts.empty() || f.bylines.size() >= 8) return true;
  parts += '-';
  for (char& c : parts) {
    if (c == ' ' || c == '_') c = '-';
  }
  if (f.dates.size() < 4 && names_any(parts, lex.date_names)) {
    std::string t = text_of(n);
    if (!t.empty() && t.size() < 80) f.dates.push_back(std::move(t));
  }
  if (names_any(parts, lex.author_names)) {
    std::string t = without_by(text_of(n), lex.byline_prefixes);
    if (!t.empty() && t.size() < 100) {
      f.bylines.push_back(std::move(t));
      return false;
    }
  }
  return true;
}

Found scan(const Dom& dom, const PageLexicon& lex) {
  Found f;
  walk(
      dom.document(),
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_DOCUMENT) return true;
        if (n->type == GUMBO_NODE_TEXT && !f.h1s.empty() && f.after_h1.size() < 40) {
          std::string t = fold_spaces(n->v.text.text);
          if (!t.empty() && t.size() < 200) f.after_h1.push_back(std::move(t));
          return false;
        }
        if (!is_element(n)) return false;
        if (const auto walk_inside = add_tagged(f, n)) return *walk_inside;
        return add_named(f, n, lex);
      },
      [](const GumboNode*) {});
  return f;
}

// What an article object of JSON-LD states.
struct LdArticle {
  std::string headline, date, publisher, language, body;
  std::vector<std::string> authors;
  std::uint32_t offset = 0;
};

std::string string_of(const rapidjson::Value& v) {
  if (v.IsString()) return fold_spaces(std::string_view(v.GetString(), v.GetStringLength()));
  return {};
}

std::string name_of(const rapidjson::Value& v) {
  if (v.IsString()) return string_of(v);
  if (v.IsObject() && v.HasMember("name")) {
    const auto& n = v["name"];
    if (n.IsArray() && !n.Empty()) return string_of(n[0]);
    return string_of(n);
  }
  return {};
}

bool is_article_type(const rapidjson::Value& obj) {
  if (!obj.IsObject() || !obj.HasMember("@type")) return false;
  const auto& t = obj["@type"];
  auto article = [](const rapidjson::Value& v) {
    if (!v.IsString()) return false;
    const std::string_view s(v.GetString(), v.GetStringLength());
    return s.find("Article") != std::string_view::npos || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting";
  };
  if (t.IsArray()) return std::any_of(t.Begin(), t.End(), article);
  return article(t);
}

void read_article(const rapidjson::Value& obj, LdArticle& a) {
  if (obj.HasMember("headline")) a.headline = string_of(obj["headline"]);
  if (a.headline.empty() && obj.HasMember("name")) a.headline = string_of(obj["name"]);
  if (obj.HasMember("datePublished")) a.date = string_of(obj["datePublished"]);
  if (a.date.empty() && obj.HasMember("dateCreated")) a.date = string_of(obj["dateCreated"]);
  if (obj.HasMember("publisher")) a.publisher = name_of(obj["publisher"]);
  if (obj.HasMember("inLanguage")) a.language = string_of(obj["inLanguage"]);
  if (obj.HasMember("articleBody") && obj["articleBody"].IsString()) {
    a.body = std::string(obj["articleBody"].GetString(), obj["articleBody"].GetStringLength());
  }
  if (obj.HasMember("author")) {
    const auto& au = obj["author"];
    if (au.IsArray()) {
      for (const auto& x : au.GetArray()) {
        if (auto n = name_of(x); !n.empty() && !is_address(n)) a.authors.push_back(n);
      }
    } else if (auto n = name_of(au); !n.empty() && !is_address(n)) {
      a.authors.push_back(n);
    }
  }
}

std::optional<LdArticle> ld_article(const Found& f) {
  for (std::size_t i = 0; i < f.ld_json.size(); ++i) {
    rapidjson::Document d;
    d.Parse<rapidjson::kParseIterativeFlag>(f.ld_json[i].c_str());
    if (d.HasParseError()) continue;
    std::vector<const rapidjson::Value*> objects;
    auto add = [&](const rapidjson::Value& v) {
      if (v.IsObject()) {
        objects.push_back(&v);
        if (v.HasMember("@graph") && v["@graph"].IsArray()) {
          for (const auto& g : v["@graph"].GetArray()) objects.push_back(&g);
        }
      }
    };
    if (d.IsArray()) {
      for (const auto& v : d.GetArray()) add(v);
    } else {
      add(d);
    }
    for (const auto* o : objects) {
      if (!is_article_type(*o)) continue;
      LdArticle a;
      read_article(*o, a);
      a.offset = f.ld_offsets[i];
      return a;
    }
  }
  return std::nullopt;
}

std::string host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  std::string host = ascii_lower(url);
  if (host.starts_with("www.")) host = host.substr(4);
  return host;
}

// A date in a page address: "/2019/11/19/" or "2019-11-19".
std::optional<std::string> date_in_address(std::string_view url) {
  for (std::size_t i = 0; i + 10 <= url.size(); ++i) {
    const auto digit = [&](std::size_t k) { return url[i + k] >= '0' && url[i + k] <= '9'; };
    if (!(digit(0) && digit(1) && digit(2) && digit(3))) continue;
    if (i > 0 && url[i - 1] >= '0' && url[i - 1] <= '9') continue;
    const char sep = url[i + 4];
    if ((sep != '/' && sep != '-') || !digit(5) || !digit(6) || url[i + 7] != sep || !digit(8) ||
        !digit(9)) {
      continue;
    }
    if (i + 10 < url.size() && url[i + 10] >= '0' && url[i + 10] <= '9') continue;
    std::string d(url.substr(i, 10));
    d[4] = d[7] = '-';
    const int y = std::stoi(d.substr(0, 4));
    const int m = std::stoi(d.substr(5, 2));
    const int day = std::stoi(d.substr(8, 2));
    if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && day >= 1 && day <= 31) return d;
  }
  return std::nullopt;
}

// The title without a trailing site name: "Headline | Site", "Headline - Site".
std::string without_site(std::string title, const std::optional<std::string>& outlet,
                         const std::string& host) {
  for (std::string_view sep : {" | ", " - ", " — ", " – ", " :: ", " · "}) {
    const auto at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string tail = ascii_lower(title.substr(at + sep.size()));
    std::string squeezed;
    for (const char c : tail) {
      if (c != ' ' && c != '.' && c != '-') squeezed += c;
    }
    std::string host_name = host.substr(0, host.find('.'));
    const bool names_outlet =
        (outlet && ascii_lower(*outlet) == tail) ||
        (!host_name.empty() && squeezed.find(host_name) != std::string::npos) ||
        (!squeezed.empty() && host.find(squeezed) != std::string::npos);
    if (names_outlet) return title.substr(0, at);
  }
  return title;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (const char c : s) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      (static_cast<unsigned char>(c) >= 0x80);
    if (word) {
      w += graph::ascii_lower(c);
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// The h1 that shares most of its words with the title the page states ("" when none shares
// three in ten of the longer one's words: a logo in an h1 shares none); the first h1 of two
// words or more when the page states none.
std::string headline_among(const std::vector<std::string>& h1s, const std::string& stated) {
  const auto ref = words_of(stated);
  std::string best;
  double best_share = 0.3;
  for (const auto& h : h1s) {
    const auto w = words_of(h);
    if (w.size() < 2) continue;
    if (ref.empty()) return h;
    std::size_t shared = 0;
    for (const auto& x : w) shared += std::find(ref.begin(), ref.end(), x) != ref.end();
    const double share =
        static_cast<double>(shared) / static_cast<double>(std::max(w.size(), ref.size()));
    if (share >= best_share) {
      best = h;
      best_share = share;
    }
  }
  return best;
}

void set(std::optional<std::string>& field, PageMetadata& m, const char* name,
         const std::string& value, const char* from) {
  if (field || value.empty()) return;
  field = value;
  m.from[name] = from;
}

}  // namespace

std::optional<std::string> numeric_date(std::string_view text, std::string_view language) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > text.size()) return false;
    for (std::size_t k = 0; k < n; ++k) {
      if (text[at + k] < '0' || text[at + k] > '9') return false;
    }
    return true;
  };
  const auto number = [&](std::size_t at, std::size_t n) {
    return std::stoi(std::string(text.substr(at, n)));
  };
  const auto valid = [](int y, int m, int d) {
    return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
  };
  const auto iso = [](int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') continue;
    // YYYY.MM.DD, YYYY-MM-DD, YYYY/MM/DD
    if (digits(i, 4) && i + 4 < text.size()) {
      const char sep = text[i + 4];
      if (sep == '.' || sep == '-' || sep == '/') {
        std::size_t j = i + 5;
        const std::size_t mlen = digits(j, 2) ? 2 : digits(j, 1) ? 1 : 0;
        if (mlen > 0 && j + mlen < text.size() && text[j + mlen] == sep) {
          const std::size_t k = j + mlen + 1;
          const std::size_t dlen = digits(k, 2) ? 2 : digits(k, 1) ? 1 : 0;
          if (dlen > 0 && !digits(k + dlen, 1)) {
            const int y = number(i, 4), m = number(j, mlen), d = number(k, dlen);
            if (valid(y, m, d)) return iso(y, m, d);
          }
        }
      }
    }
    // DD.MM.YYYY; with slashes M/D/YYYY in English, D/M/YYYY elsewhere
    const std::size_t alen = digits(i, 2) ? 2 : digits(i, 1) ? 1 : 0;
    if (alen == 0 || i + alen >= text.size()) continue;
    const char sep = text[i + alen];
    if (sep != '.' && sep != '/') continue;
    const std::size_t j = i + alen + 1;
    const std::size_t blen = digits(j, 2) ? 2 : digits(j, 1) ? 1 : 0;
    if (blen == 0 || j + blen >= text.size() || text[j + blen] != sep) continue;
    const std::size_t k = j + blen + 1;
    if (!digits(k, 4) || digits(k + 4, 1)) continue;
    int d = number(i, alen), m = number(j, blen);
    if (sep == '/' && language == "en") std::swap(d, m);
    const int y = number(k, 4);
    if (valid(y, m, d)) return iso(y, m, d);
  }
  return std::nullopt;
}

std::optional<std::string> normalize_date(std::string_view value, const FigureLexicon& dates) {
  const std::string v = fold_spaces(value);
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-') {
    const auto d = date_in_address("/" + v.substr(0, 10) + "/");
    if (d) return d;
  }
  if (v.size() >= 10 && v[4] == '/' && v[7] == '/') {
    if (const auto d = date_in_address("/" + v.substr(0, 10) + "/")) return d;
  }
  if (const auto d = text::date_from_text(v, dates); d && d->date.size() == 10) return d->date;
  return std::nullopt;
}

PageMetadata read_metadata(const Dom& dom, std::string_view url, const PageLexicon& lexicon,
                           const FigureLexicon& dates, std::optional<StatedBody>* body) {
  const Found f = scan(dom, lexicon);
  const auto ld = ld_article(f);
  PageMetadata m;
  auto meta = [&](const char* key) -> std::string {
    const auto it = f.meta.find(key);
    return it == f.meta.end() ? std::string{} : it->second;
  };
  // Outlet first: cutting the site name off a title needs it.
  if (ld) set(m.outlet, m, "outlet", ld->publisher, "json-ld");
  set(m.outlet, m, "outlet", meta("og:site_name"), "opengraph");
  set(m.outlet, m, "outlet", meta("application-name"), "meta");
  const std::string canonical =
      is_address(f.canonical) && f.canonical.find("://") != std::string::npos ? f.canonical
                                                                              : std::string{};
  set(m.url, m, "url", canonical, "meta");
  set(m.url, m, "url", meta("og:url").find("://") != std::string::npos ? meta("og:url") : "",
      "opengraph");
  set(m.url, m, "url", std::string(url), "meta.json");
  const std::string host = host_of(m.url ? *m.url : std::string(url));
  set(m.outlet, m, "outlet", host, "host");

  const auto title = [&](const std::string& t) { return without_site(t, m.outlet, host); };
  // The visible headline when it is the one the page's metadata names (not a logo in an h1).
  std::string stated = ld ? ld->headline : std::string{};
  for (const char* key : {"og:title", "twitter:title"}) {
    if (stated.empty()) stated = meta(key);
  }
  if (stated.empty()) stated = f.title;
  set(m.title, m, "title", headline_among(f.h1s, title(stated)), "text");
  if (ld) set(m.title, m, "title", title(ld->headline), "json-ld");
  set(m.title, m, "title", title(meta("og:title")), "opengraph");
  set(m.title, m, "title", title(meta("twitter:title")), "meta");
  set(m.title, m, "title", title(f.title), "meta");

  if (ld && !ld->authors.empty()) {
    m.authors = ld->authors;
    m.from["authors"] = "json-ld";
  }
  for (const char* key :
       {"author", "article:author", "dc.creator", "parsely-author", "sailthru.author"}) {
    if (!m.authors.empty()) break;
    const std::string a = without_by(meta(key), lexicon.byline_prefixes);
    if (!a.empty() && !is_address(a)) {
      m.authors.push_back(a);
      m.from["authors"] = "meta";
    }
  }
  if (m.authors.empty() && !f.bylines.empty()) {
    m.authors.push_back(f.bylines.front());
    m.from["authors"] = "text";
  }

  for (const auto& [value, from] :
       std::array<std::pair<std::string, const char*>, 4>{{{f.lang, "meta"},
                                                           {ld ? ld->language : "", "json-ld"},
                                                           {meta("og:locale"), "opengraph"},
                                                           {meta("content-language"), "meta"}}}) {
    std::string lang = ascii_lower(value);
    lang = lang.substr(0, lang.find_first_of("-_"));
    if (lang.size() < 2 || lang.size() > 3) continue;
    m.language = lang;
    m.from["language"] = from;
    break;
  }
  auto date = [&](const std::string& v) -> std::string {
    const auto d = v.empty() ? std::nullopt : normalize_date(v, dates);
    return d ? *d : std::string{};
  };
  if (ld) set(m.date, m, "date", date(ld->date), "json-ld");
  for (const char* key : {"article:published_time", "og:published_time", "datepublished",
                          "publishdate", "publish-date", "pubdate", "parsely-pub-date",
                          "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date",
                          "article.published", "og:updated_time", "article:modified_time"}) {
    const bool og = std::string_view(key).find(':') != std::string_view::npos;
    set(m.date, m, "date", date(meta(key)), og ? "opengraph" : "meta");
  }
  for (const auto& [dt, published] : f.times) {
    if (published) set(m.date, m, "date", date(dt), "time");
  }
  if (!f.times.empty()) set(m.date, m, "date", date(f.times.front().first), "time");
  if (const auto d = date_in_address(m.url ? *m.url : std::string(url))) {
    set(m.date, m, "date", *d, "url");
  }
  // The date line under the headline ("15.02.2024 14:30 | Транспорт", "입력 2023.11.08
  // 09:41"), then an element named as a date.
  for (const auto& t : f.after_h1) {
    if (m.date) break;
    auto d = numeric_date(t, m.language.value_or(""));
    if (!d) d = normalize_date(t, dates);
    if (d) set(m.date, m, "date", *d, "text");
  }
  for (const auto& t : f.dates) set(m.date, m, "date", date(t), "text");

  if (body && ld && !ld->body.empty()) *body = StatedBody{ld->body, ld->offset};
  return m;
}

}  // namespace claimgraph::ingest::html
