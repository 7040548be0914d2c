#pragma once
// Small Unicode helpers over UTF-8 byte spans, built on ICU (internal to ingest/).

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "graph/text_case.hpp"

namespace claimgraph::ingest {

using graph::Span;

// The code point starting at byte i (U+FFFD for a broken sequence); *next gets the byte after.
UChar32 code_point_at(std::string_view text, std::size_t i, std::size_t* next);
// The code point ending just before byte i; *start gets its first byte.
UChar32 code_point_before(std::string_view text, std::size_t i, std::size_t* start);

bool is_space(UChar32 c);  // Unicode white space, U+00A0 and U+FEFF included
// The span without white space at either end.
Span trim(std::string_view text, Span span);
std::string_view slice(std::string_view text, Span span);
// Case folding and slugs are the base helpers of graph/text_case.hpp.
using graph::ascii_lower;
using graph::fold_case;
using graph::slug;
// Runs of white space folded to one U+0020, ends trimmed.
std::string fold_spaces(std::string_view text);
bool is_ascii(std::string_view text);
bool is_hangul_syllable(UChar32 c);  // a precomposed syllable, U+AC00..U+D7A3
// The text without `drop` and without spaces: without("Yeong-hyeong", '-') = "Yeonghyeong".
std::string without(std::string_view text, char drop);
// The case forms of a Russian proper noun in the nominative, by its ending ("Сахалин" ->
// "Сахалина", "Сахалину", "Сахалином", "Сахалине"; "Москва" -> "Москвы", "Москве", ...;
// "Россия" -> "России", ...): what a gazetteer of nominatives needs to match running text.
// None for a word that is not Cyrillic, is written in capitals (an abbreviation: "КНДР") or
// ends in a letter that does not decline ("Косово").
std::vector<std::string> russian_case_forms(std::string_view word);
// A Russian word without its case ending, for comparing names met in different cases
// ("Новосибирской", "Новосибирская", "Новосибирске" -> "Новосибирск"); other words as they are.
std::string russian_stem(std::string_view word);

// A UTF-8 UText over a string_view; native indexes are byte offsets into it.
class UTextView {
 public:
  explicit UTextView(std::string_view text);
  ~UTextView();
  UTextView(const UTextView&) = delete;
  UTextView& operator=(const UTextView&) = delete;
  UText* get() const { return ut_; }

 private:
  UText* ut_ = nullptr;
};

// An ICU regular expression searched over UTF-8 spans; match offsets are bytes.
class Regex {
 public:
  // Throws std::runtime_error with `origin` and ICU's error position on a bad pattern.
  Regex(std::string_view pattern, bool case_sensitive, const std::string& origin);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  struct Match {
    Span whole;
    std::vector<std::optional<Span>> groups;  // groups[0] is group 1
  };
  // First match within `span` of `text` (offsets absolute); nullopt when none.
  std::optional<Match> find(std::string_view text, Span span) const;

 private:
  std::unique_ptr<icu::RegexPattern> pattern_;
};

}  // namespace claimgraph::ingest
