#pragma once
// Sentence segmentation with ICU's sentence BreakIterator over UTF-8 (UText), so boundaries
// are byte offsets. Abbreviations from the lexicon ("Dr.", "U.S.") and initials ("A.",
// "I.V.", "U.S.S.R.") never end a sentence. One splitter per thread.

#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/model.hpp"
#include "ingest/lexicon.hpp"

namespace claimgraph::ingest::text {

class SentenceSplitter {
 public:
  // Throws std::runtime_error when ICU has no sentence rules for `locale`.
  explicit SentenceSplitter(const Lexicons& lexicons, const char* locale = "en");
  ~SentenceSplitter();

  // Trimmed sentence spans of text[region], in order (absolute offsets).
  std::vector<graph::Span> split(std::string_view text, graph::Span region);

  // True when `token` (a word ending in ".") cannot end a sentence.
  bool is_abbreviation(std::string_view token) const;

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  std::unordered_set<std::string> abbreviations_;
};

// "A.", "I.V.", "U.S.S.R.", "А.С.": one or more upper-case letters each followed by ".".
bool is_initials(std::string_view token);

}  // namespace claimgraph::ingest::text
