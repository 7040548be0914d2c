#pragma once
// The words of person-name matching, from corpus/lexicons/names.json: Korean surnames, the folds
// between romanizations, particles, titles (ingest/actors/person_names.hpp holds the mechanism).

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/file_system.hpp"

namespace claimgraph::ingest::actors {

// Replacements applied in one pass from left to right, the longest match first; text with no
// match is kept. Keys and values are case-folded and NFKC-normalized at load.
struct FoldTable {
  std::map<std::string, std::string, std::less<>> pairs;
  std::size_t longest = 0;  // bytes of the longest key
  std::string apply(std::string_view text) const;
};

struct KoreanSurname {
  std::vector<std::string> hangul;     // "이", "리"
  std::vector<std::string> spellings;  // any script: "Lee", "Yi", "Rhee", "I", "Ли"; the first names the surname
};

struct NameLexicon {
  std::vector<KoreanSurname> korean_surnames;
  FoldTable romanization_folds;  // case-folded text before transliteration: "ŏ" -> "eo"
  FoldTable hangul_onsets;       // a Hangul-Latin syllable's leading consonants to RR: "l" -> "r"
  FoldTable hangul_codas;        // its trailing consonants to RR: "g" -> "k"
  // What a romanized Korean syllable may be built of ("" allowed): a given name whose parts all
  // split into such syllables may be Korean ("Jong-un", "Yeonghyeong"; not "Smith").
  std::vector<std::string> korean_onsets, korean_vowels, korean_codas;
  FoldTable korean_loose;  // spellings of one Korean sound to one: "eo" -> "o", "ch" -> "j"
  FoldTable latin_loose;   // transliteration variants: "ye" -> "e", "y" -> "i", "x" -> "ks"
  std::set<std::string> initial_digraphs;      // "yu": "Yu." is one initial
  std::set<std::string> particles;             // "van": starts a surname
  std::set<std::string> titles;                // "dr", "교수": dropped (dots removed)
  std::vector<std::string> patronymic_endings;  // "ovich", "ovna": tells Russian name order
};

// Reads names.json from `dir`; appends its bytes to *fingerprint_input (when not null).
// Throws LexiconError naming the file, line and column.
NameLexicon load_name_lexicon(const std::string& dir, const FileSystem& fs,
                              std::string* fingerprint_input);

// NFKC of UTF-8 text; ASCII text comes back as it is, without calling ICU.
std::string normalize_nfkc(std::string_view text);

}  // namespace claimgraph::ingest::actors
