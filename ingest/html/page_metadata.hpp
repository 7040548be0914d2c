#pragma once
// What a page declares about itself, each field from the best source it has:
//   title    JSON-LD headline, og:title / twitter:title, the first <h1>, <title>
//   authors  JSON-LD author, <meta name="author">, article:author (a name, not a link),
//            a byline element's text
//   date     JSON-LD datePublished, article:published_time and the usual date metas,
//            <time datetime> (itemprop datePublished first), a date in the page's address,
//            the date line under the headline, an element named as a date
//   outlet   JSON-LD publisher, og:site_name, application-name, the host name
//   url      <link rel="canonical">, og:url, the address given
//   language <html lang>, og:locale, content-language
// A site name trailing a title (" | Site", " - Site") is cut when it names the outlet.

#include <optional>
#include <string>
#include <string_view>

#include "ingest/figure_lexicon.hpp"
#include "ingest/html/dom.hpp"
#include "ingest/html/page.hpp"

namespace claimgraph::ingest::html {

// The article body a page's JSON-LD states (schema.org articleBody), with where its script's
// text starts in the page.
struct StatedBody {
  std::string text;
  std::uint32_t page_offset = 0;
};

PageMetadata read_metadata(const Dom& dom, std::string_view url, const PageLexicon& lexicon,
                           const FigureLexicon& dates, std::optional<StatedBody>* body);

// "YYYY-MM-DD" from an ISO date or date-time ("2019-11-19T08:00:00-05:00"), or a date
// written in words the figure lexicon knows ("November 19, 2019", "19 ноября 2019").
std::optional<std::string> normalize_date(std::string_view value, const FigureLexicon& dates);

// The first numeric date in `text`: "2023.11.08", "2024-02-15", "15.02.2024"; "11/08/2023" is
// month first in English (`language` "en"), day first elsewhere.
std::optional<std::string> numeric_date(std::string_view text, std::string_view language);

}  // namespace claimgraph::ingest::html
