#pragma once
// The word lists of corpus/lexicons/, loaded at start so users extend the engine without
// recompiling. Each file is validated: a malformed file or an unknown key is an error that
// names the file, line and column.

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/file_system.hpp"
#include "ingest/html/page_lexicon.hpp"

namespace claimgraph::ingest {

class LexiconError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FurnitureRule {
  enum class Scope { kParagraph, kToEnd };
  std::string kind;
  Scope scope = Scope::kParagraph;
  std::string pattern;  // ICU regular expression
  bool case_sensitive = false;
  std::string origin;  // "furniture.json: rules[3]", for error messages
};

struct FigureLexicon;
namespace references { struct ReferenceLexicon; }
namespace actors { struct NameLexicon; }
namespace stance { struct FrameLexicon; }

struct Lexicons {
  std::vector<std::string> abbreviations;
  std::vector<std::string> clause_words;
  std::vector<FurnitureRule> furniture;
  // figures.json, measures.json, places.json, events.json; shared by every thread's finder.
  std::shared_ptr<const FigureLexicon> figures;
  // references.json (cited works) and names.json (person names across scripts).
  std::shared_ptr<const ingest::references::ReferenceLexicon> references;
  std::shared_ptr<const ingest::actors::NameLexicon> names;
  // frames.json: propositions and their stance cues.
  std::shared_ptr<const ingest::stance::FrameLexicon> frames;
  // html.json: class and id words of web pages (the HTML reader).
  html::PageLexicon page;
  // SHA-256 over the lexicon files read: part of every document's ingest key, so a changed
  // lexicon makes the next ingest redo the documents.
  std::string fingerprint;
};

// Reads segmentation.json, furniture.json, html.json, the figure, reference and name lexicons
// from `dir`. Throws LexiconError.
Lexicons load_lexicons(const std::string& dir, const FileSystem& fs);

// The folder to read lexicons from when none is given: $CLAIMGRAPH_LEXICONS, else the
// source tree's corpus/lexicons (compiled in).
std::string default_lexicon_dir();

}  // namespace claimgraph::ingest
