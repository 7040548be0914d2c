#pragma once
// The words the html stage reads class and id names with (corpus/lexicons/html.json).

#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::ingest::html {

// Class and id names are read as parts: they break at spaces, punctuation, digits and a
// lower-to-upper case change ("PageBuilder-pageRow": page, builder, page, row). A word of five
// letters or more matches the start of a part ("sharebar" has "share"); a shorter one only a
// whole part ("ad" in "top-ad", not in "header" or "adventure"); "most-read" two parts in a row.
struct PageLexicon {
  std::vector<std::string> furniture_names;  // page furniture: menus, share bars, comments
  std::vector<std::string> content_names;    // article containers: "article", "story"
  std::vector<std::string> caption_names;    // captions and photo credits
  std::vector<std::string> pullquote_names;  // pull quotes (an excerpt set large)
  std::vector<std::string> author_names;     // bylines (not body text; they name the author)
  std::vector<std::string> date_names;       // datelines and time stamps (they give the date)
  std::vector<std::string> byline_prefixes;  // "by" before a byline's name, any case
};

// True when `parts` (the lower-case parts of names, each led by '-', ending in '-': "-top-ad-")
// holds one of `words` as described above.
bool names_any(std::string_view parts, const std::vector<std::string>& words);

}  // namespace claimgraph::ingest::html
