#pragma once
// Word, number and punctuation tokens of a UTF-8 span, and a table of multi-word phrases
// matched over them. Lexicon phrases are tokenized the same way as the text, so "U.S.S.R."
// in a lexicon meets "U.S.S.R." in a sentence.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/model.hpp"

namespace claimgraph::ingest {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPunct };
enum class TokenScript : std::uint8_t { kOther, kLatin, kCyrillic, kHangul };

// A set of phrase kinds, a bit each (the lexicons use fewer than 128 kinds).
using PhraseKinds = unsigned __int128;
inline PhraseKinds kind_bit(std::uint16_t kind) { return PhraseKinds{1} << (kind & 127); }

struct Token {
  graph::Span span;
  TokenKind kind = TokenKind::kPunct;
  TokenScript script = TokenScript::kOther;
  bool space_before = false;  // white space between this token and the one before
  bool capitalized = false;   // a word whose first letter is upper case
  std::string folded;         // case-folded text; a number's digits without separators
  // Numbers only.
  double value = 0;
  int decimals = 0;        // digits after the decimal mark
  int trailing_zeros = 0;  // zeros ending the integer part (when there are no decimals)
  int digits = 0;          // integer digits
  bool grouped = false;    // written with thousands separators ("20,000", "35 000")
  // Set by PhraseTable::index: the phrases starting with this token's word, looked up once,
  // and a bit per phrase kind among them.
  const void* phrases_exact = nullptr;
  const void* phrases_initial = nullptr;
  PhraseKinds phrase_kinds = 0;
  bool indexed = false;
};

struct TokenizeOptions {
  // Cyrillic text: "35 000" (a plain space between groups) and "298,6" (a decimal comma).
  bool cyrillic_numbers = false;
};

std::vector<Token> tokenize(std::string_view text, graph::Span span, TokenizeOptions options = {});

// True when the text holds a Cyrillic letter.
bool has_cyrillic(std::string_view text);

// Phrases of several tokens, each with a kind and a payload, looked up by their first token.
// A phrase ending in '*' matches a last word that starts with its last word ("рубл*").
// A phrase whose last word is Hangul also matches a word that starts with it; `rest` then
// tells the bytes of that word left over.
class PhraseTable {
 public:
  struct Entry {
    std::vector<std::string> words;  // folded tokens
    std::vector<bool> prefix;        // words[i] was written with a trailing '*'
    std::uint16_t kind = 0;
    std::uint32_t payload = 0;
  };
  struct Match {
    const Entry* entry = nullptr;
    std::size_t end = 0;        // token index past the match
    std::uint32_t rest = 0;     // bytes of the last token not covered (Hangul prefixes)
  };

  void add(std::string_view phrase, std::uint16_t kind, std::uint32_t payload);
  // The longest phrase of `kind` starting at token `i`, ending before token `limit`.
  std::optional<Match> longest(const std::vector<Token>& tokens, std::size_t i, std::uint16_t kind,
                               std::size_t limit = SIZE_MAX) const;
  // Every phrase of `kind` that starts at token `i`, longest first.
  std::vector<Match> all(const std::vector<Token>& tokens, std::size_t i, std::uint16_t kind,
                         std::size_t limit = SIZE_MAX) const;
  // The longest phrase of `kind` that is a prefix of the string `word` (folded), for Hangul
  // suffix chains: returns the entry and the bytes it covers.
  std::optional<std::pair<const Entry*, std::size_t>> prefix_of(std::string_view word,
                                                                std::uint16_t kind) const;
  bool empty() const { return by_first_.empty(); }
  // Looks up each token's candidate phrases once, so that later matches hash nothing. The
  // tokens must then be used with this table only.
  void index(std::vector<Token>& tokens) const;

 private:
  struct Bucket {
    std::vector<Entry> entries;
    PhraseKinds kinds = 0;  // bit k: an entry of kind k (kinds are below 128)
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, Bucket, Hash, std::equal_to<>>;
  bool matches(const Entry& e, const std::vector<Token>& tokens, std::size_t i, std::size_t limit,
               Match* out) const;
  // Calls f(bucket) for the buckets of phrases that may start at token i.
  template <typename F>
  void buckets(const Token& token, F&& f) const;
  Map by_first_;
  // Entries whose first word is a prefix ('*') or Hangul, keyed by its first code point.
  Map by_initial_;
};

}  // namespace claimgraph::ingest
