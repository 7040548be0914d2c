#pragma once
// A gold annotation file shaped like ../shared/gold/seeds.json: the answer key `claimgraph
// eval` scores against. Only what scoring needs is kept.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimgraph::query {

// A malformed gold file: the message names the file, line and column.
class GoldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GoldDocument {
  std::string id;    // "sinonk-2017"
  std::string file;  // the article's file name as ingested
};

struct GoldFigure {
  std::string id;
  std::string doc;
  std::string quote;
  double lo = 0;  // the annotated value(s): lo == hi for a single value
  double hi = 0;
  bool approx = false;
  std::optional<std::string> bound;  // "at most" / "at least"
  std::string unit;
  std::string measure;
  bool optional = false;
};

struct GoldNotFigure {
  std::string doc;
  std::string text;
  std::optional<std::string> focus;  // the part of `text` meant (a footnote marker)
};

// A footnote's cited work as annotated: only the fields present are scored.
struct GoldWork {
  std::vector<std::string> authors;  // persons, or the author organization
  std::vector<std::string> authors_original;
  std::optional<std::string> title, title_original, title_romanized, venue, venue_original, date,
      language, script;
};

struct GoldReference {
  std::string id;
  std::string doc;
  std::string marker;
  std::optional<std::string> same_work_as;  // another gold reference's id
  GoldWork work;
  std::optional<GoldWork> cited_in;
};

// One side's claim of a stance conflict: a quote of a document and who holds it.
struct GoldStanceItem {
  std::string doc;
  std::string quote;
  std::string claimant;
  std::vector<std::string> claimant_also_accepted;
};

struct GoldConflict {
  std::string id;
  std::string kind;  // "figure" or "stance"
  bool required = false;
  std::vector<std::vector<std::string>> sides;  // figure: gold figure ids per side
  std::string proposition;                      // stance
  std::vector<GoldStanceItem> for_items, against_items;
};

struct Gold {
  std::string path;
  std::vector<GoldDocument> documents;
  std::vector<GoldFigure> figures;
  std::vector<GoldNotFigure> not_figures;
  std::vector<GoldReference> references;
  std::vector<std::vector<std::string>> actor_groups;    // spellings of one actor
  std::vector<std::pair<std::string, std::string>> distinct_actors;
  std::size_t required_conflicts = 0;
  std::vector<GoldConflict> conflicts;
  std::vector<std::pair<std::string, std::string>> non_conflicts;  // gold figure ids
  std::vector<std::pair<std::string, std::string>> possible_tensions;  // gold figure ids
};

// Parses `bytes` (the file at `path`). Throws GoldError.
Gold parse_gold(const std::string& path, std::string_view bytes);

// Every run of Unicode white space folded to one U+0020, as the gold's quotes are written.
// `offsets[i]` is the byte of the original text that byte i of the result came from.
std::string fold_white_space(std::string_view text, std::vector<std::size_t>* offsets);

}  // namespace claimgraph::query
