#pragma once
// A cross-script match key for person names (DESIGN.md, "References"): the spellings of one
// person in Cyrillic, Hangul, McCune-Reischauer, Revised Romanization or with initials parse
// to the same folded parts, and different people stay apart. The words (Korean surnames,
// romanization folds, particles, titles) come from corpus/lexicons/names.json (name_lexicon.hpp).

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/actors/name_lexicon.hpp"

namespace claimgraph::ingest::actors {

struct PersonName {
  std::string surname;   // folded ASCII: "vashchuk", "lee" (every Korean 이 spelling folds to one)
  std::string given;     // folded given names, space-separated; Korean syllables joined:
                         // "irina", "yeonghyeong"; "" when only initials are written
  std::string initials;  // one letter per given name (Korean: per syllable), of the loose folds
                         // below: "as", "iv", "yh"; derived from given names when spelled out
  bool korean = false;
  // What same_person and key compare: the surname and first given name with spelling variants
  // folded (names.json korean_loose or latin_loose; doubled letters as one):
  // "ivahniuk", "irina"; Korean "lee", "yonghyong".
  std::string surname_key;
  std::string given_key;
};

// Parses names in any script and order. Not thread-safe (it holds ICU transliterators): one
// per thread, sharing the lexicon.
class NameMatcher {
 public:
  // Throws std::runtime_error when ICU lacks a transliterator it needs.
  explicit NameMatcher(std::shared_ptr<const NameLexicon> lexicon);
  ~NameMatcher();
  NameMatcher(const NameMatcher&) = delete;
  NameMatcher& operator=(const NameMatcher&) = delete;

  // "Surname I.V.", "I. V. Surname", "Given Surname", "Surname, Given", Russian "Surname Given
  // Patronymic", Korean "Surname Given" in Hangul or Latin. ASCII names never reach ICU.
  PersonName parse(std::string_view name) const;
  // "surname_key|first initial": a blocking key equal for every spelling of one person
  // ("vashchuk|a"); "" for a name without letters.
  std::string key(std::string_view name) const;
  static std::string key(const PersonName& name);
  // Surname keys equal; given keys equal when both are spelled out; and the initials of one a
  // prefix of the other's ("iv" and "i"). A surname alone matches any given name.
  static bool same_person(const PersonName& a, const PersonName& b);

  // ICU transliterations run so far, lexicon spellings included (for tests and benchmarks).
  std::size_t transliterations() const { return transliterations_; }

 private:
  struct Token;
  struct Icu;
  struct GivenPart {
    std::string text;  // a folded syllable or given name, or one initial
    bool initial = false;
  };
  static std::vector<Token> tokenize(std::string_view text);
  std::string transliterate(bool hangul, std::string_view text) const;
  std::string fold_word(std::string_view word) const;
  void classify(Token& token, bool name_has_lower) const;
  bool syllabic(std::string_view folded) const;
  std::string loose(const FoldTable& table, std::string_view text) const;
  void korean_given(PersonName& p, const std::vector<GivenPart>& parts) const;
  PersonName parse_hangul(const std::vector<Token>& tokens) const;
  bool parse_korean(const std::vector<Token>& tokens, PersonName& out) const;
  PersonName parse_generic(const std::vector<Token>& tokens) const;

  std::shared_ptr<const NameLexicon> lex_;
  std::unique_ptr<Icu> icu_;
  std::map<std::string, std::string, std::less<>> surname_by_spelling_;  // folded -> surname
  std::map<std::string, std::string, std::less<>> surname_by_hangul_;
  mutable std::size_t transliterations_ = 0;
};

}  // namespace claimgraph::ingest::actors
