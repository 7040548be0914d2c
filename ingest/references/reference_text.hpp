#pragma once
// The pieces a footnote is made of, before any field is decided (internal to ingest/):
// quoted titles, bracketed parts, "cited in" markers and the sentences between them; and the
// tests a piece is put to (does it name persons? an organization? a venue?). Words come from
// references.json; nothing here knows a particular footnote.

#include <unicode/uscript.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/references/references.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::references {

// The lexicon's lists folded once, and its markers compiled into ICU patterns.
struct ReferenceWords {
  explicit ReferenceWords(const ReferenceLexicon& lexicon);

  const ReferenceLexicon& lex;
  Regex cited_in;  // any "cited in" marker, between word boundaries
  std::vector<std::string> abbreviations, numbering, particles, joiners, et_al, bracket_notes,
      organization_words, venue_words, organization_prefixes, venue_markers;

  bool is_abbreviation(std::string_view word) const;
  // True when a word of `text` is one of `words` (folded; '*' = prefix; Hangul at either end).
  bool has_word(std::string_view text, const std::vector<std::string>& words) const;
  bool is_organization(std::string_view text) const { return has_word(text, organization_words); }
  bool is_venue(std::string_view text) const { return has_word(text, venue_words); }
  // The bytes of `text` a phrase of `phrases` covers at its start (then a space or the end),
  // 0 when none does. Longest phrase first; case ignored.
  std::size_t phrase_at_start(std::string_view text, const std::vector<std::string>& phrases) const;
};

struct Piece {
  enum class Kind {
    kText,         // prose between marks: split into sentences
    kQuoted,       // inside title quotes (possibly cut short by a bracket: `unclosed`)
    kVenueQuoted,  // inside 『』 / 《》
    kBracket,      // inside [ ]
    kCitedIn,      // a "cited in" marker
    kVenueMarker,  // "//", "In:": the next piece is where the work appeared
  };
  Kind kind = Kind::kText;
  std::string text;  // without the marks; white space folded
  bool unclosed = false;
};

// Cuts folded text into pieces, in order. Text pieces are already split into sentences.
std::vector<Piece> scan(std::string_view text, const ReferenceWords& words);

// Sentences of a run of text: at ". ", "? ", "! " unless the '.' ends an abbreviation or an
// initial inside a name ("A. S. Vashchuk"), or the next word starts in lower case. A '?' or
// '!' stays with its sentence; a final '.' is dropped (but not an initial's: "А.С.").
std::vector<std::string> split_sentences(std::string_view text, const ReferenceWords& words);

// Text without white space and ",;:.–—-/" at either end; a '.' closing an initial stays.
std::string trim_punctuation(std::string_view text);
std::vector<std::string> split_words(std::string_view text);  // at U+0020

// Scripts. Letters only; Common and Inherited code points are not counted.
struct ScriptCount {
  int latin = 0;
  int other = 0;
  UScriptCode main_other = USCRIPT_INVALID_CODE;  // the most frequent non-Latin script
};
ScriptCount count_scripts(std::string_view text);
bool mostly_non_latin(std::string_view text);
std::string script_code(UScriptCode script);  // ISO 15924 short name: "Cyrl"
UScriptCode script_of(UChar32 c);  // USCRIPT_INVALID_CODE when ICU cannot tell
bool is_hangul(UChar32 c);

// ---- Names (reference_names.cpp) --------------------------------------------------------

bool is_initials(std::string_view word);  // "A.", "I.V.", "Ж.-П."
// Persons written with initials ("A. S. Vashchuk", "Ivakhnyuk I.V.", "Lankin AS",
// "Vashchuk, A. S.") or Hangul names ("이영형", "이 영 형"), joined by commas, "and", "и"...:
// the names as written, or nullopt when a part is not such a name.
std::optional<std::vector<std::string>> strong_names(std::string_view text,
                                                     const ReferenceWords& words);
// Looser: every part is one to four capitalized words ("Lee Yeong-hyeong", "Dowty, David");
// only to be trusted where the position says authors stand.
std::optional<std::vector<std::string>> weak_names(std::string_view text,
                                                   const ReferenceWords& words);
bool is_hangul_name(std::string_view text);
// A person's surname: the words that are not initials, or for names written surname first
// (`surname_first`, or "Surname, Given") the first word.
std::string surname(std::string_view name, bool surname_first);
// Removes "et al." and the like from the end of an author list.
std::string strip_et_al(std::string_view text, const ReferenceWords& words);

}  // namespace claimgraph::ingest::references
