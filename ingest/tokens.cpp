#include "ingest/tokens.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cctype>
#include <cmath>

#include <algorithm>
#include <cstdlib>

#include "ingest/text_util.hpp"

namespace claimgraph::ingest {
namespace {

using graph::Span;

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

// Group separators that never end a number: no-break, narrow no-break and thin spaces.
bool is_group_space(UChar32 c) { return c == 0x00A0 || c == 0x202F || c == 0x2009; }

TokenScript script_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_LATIN: return TokenScript::kLatin;
    case USCRIPT_CYRILLIC: return TokenScript::kCyrillic;
    case USCRIPT_HANGUL: return TokenScript::kHangul;
    default: return TokenScript::kOther;
  }
}

bool is_word_char(UChar32 c) {
  if (is_digit(c)) return false;
  const auto cat = u_charType(c);
  return u_isalpha(c) || cat == U_NON_SPACING_MARK || cat == U_COMBINING_SPACING_MARK ||
         cat == U_ENCLOSING_MARK || (u_isdigit(c) && !is_digit(c));
}

// Counts ASCII digits from i; returns the end.
std::size_t digits_from(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && is_digit(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

// Scans a number at i: digits, thousands groups, a decimal part. Fills the token.
std::size_t scan_number(std::string_view text, std::size_t i, std::size_t end,
                        const TokenizeOptions& options, Token& t) {
  std::size_t j = digits_from(text, i, end);
  std::string digits(text.substr(i, j - i));
  std::string fraction;
  bool grouped = false;
  bool grouped_by_space = false;  // plain spaces part the groups so far
  for (;;) {
    if (j >= end) break;
    std::size_t next;
    const UChar32 c = code_point_at(text, j, &next);
    // A dot groups thousands in Cyrillic text, where the decimal mark is a comma: "20.000 руб."
    const bool comma = c == ',' || (c == '.' && options.cyrillic_numbers && next < end &&
                                    digits_from(text, next, end) - next == 3 && digits[0] != '0');
    // A plain space groups digits in Cyrillic text, or before a group starting with 0
    // ("35 000"); elsewhere "in 2013 200 workers" must stay two numbers.
    // Elsewhere a plain space groups too where two groups of three or more follow a lead of
    // at most three digits ("1 234 567", "1 414 021 100"), or continues such a number.
    const auto two_groups_follow = [&] {
      const std::size_t g1 = digits_from(text, next, end);
      if (g1 - next != 3 || g1 + 1 >= end || text[g1] != ' ') return false;
      const std::size_t g2 = digits_from(text, g1 + 1, end);
      return g2 - (g1 + 1) == 3;
    };
    const bool space = is_group_space(c) ||
                       (c == ' ' && (options.cyrillic_numbers ||
                                     (next < end && text[next] == '0') ||
                                     (grouped_by_space && next < end) ||
                                     (!grouped && digits.size() <= 3 && two_groups_follow())));
    if (!comma && !space) break;
    // A group is exactly three digits; the first part of a spaced number has at most three.
    const std::size_t g = digits_from(text, next, end);
    if (g - next == 3 && (comma || grouped || digits.size() <= 3)) {
      digits.append(text.substr(next, 3));
      if (c == ' ' && !grouped) grouped_by_space = true;
      grouped = true;
      j = g;
      continue;
    }
    break;
  }
  if (j + 1 < end) {
    const char mark = text[j];
    const bool decimal_point = mark == '.' && !(grouped && options.cyrillic_numbers);
    const bool decimal_comma = mark == ',' && options.cyrillic_numbers;
    if ((decimal_point || decimal_comma) && is_digit(static_cast<unsigned char>(text[j + 1]))) {
      const std::size_t f = digits_from(text, j + 1, end);
      fraction.assign(text.substr(j + 1, f - j - 1));
      j = f;
    }
  }
  // Exponent notation glued on: "1e10", "1.3e6", "12.32e+14", "-12e-1" (not "3e" alone).
  int exponent = 0;
  if (!grouped && j + 1 < end && (text[j] == 'e' || text[j] == 'E')) {
    std::size_t k = j + 1;
    const bool minus = text[k] == '-';
    if (text[k] == '+' || text[k] == '-') ++k;
    const std::size_t x = digits_from(text, k, end);
    const bool letter_after = x < end && std::isalpha(static_cast<unsigned char>(text[x]));
    if (x > k && x - k <= 3 && !letter_after) {
      const int e = std::atoi(std::string(text.substr(k, x - k)).c_str()) * (minus ? -1 : 1);
      if (e >= -300 && e <= 300) {
        exponent = e;
        j = x;
      }
    }
  }
  t.kind = TokenKind::kNumber;
  t.grouped = grouped;
  t.digits = static_cast<int>(digits.size());
  t.decimals = static_cast<int>(fraction.size());
  t.trailing_zeros = 0;
  if (fraction.empty()) {
    for (auto it = digits.rbegin(); it != digits.rend() && *it == '0'; ++it) ++t.trailing_zeros;
    if (t.trailing_zeros == t.digits) t.trailing_zeros = 0;  // "0"
  }
  t.folded = fraction.empty() ? digits : digits + "." + fraction;
  t.value = std::strtod(t.folded.c_str(), nullptr);
  if (exponent != 0) {
    // As precise as the digits written: "1e10" is one significant digit, "1.3e6" two.
    const int places = static_cast<int>(fraction.size());
    t.value *= std::pow(10.0, exponent);
    t.decimals = std::max(0, places - exponent);
    int zeros = 0;
    for (auto it = digits.rbegin(); it != digits.rend() && *it == '0' && places == 0; ++it) ++zeros;
    t.trailing_zeros = std::max(0, exponent - places) + (places == 0 ? zeros : 0);
    t.digits = std::max(1, t.digits + exponent);
    t.folded += "e" + std::to_string(exponent);
  }
  return j;
}

}  // namespace

bool has_cyrillic(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    std::size_t next;
    const UChar32 c = code_point_at(text, i, &next);
    if (script_of(c) == TokenScript::kCyrillic) return true;
    i = next;
  }
  return false;
}

std::vector<Token> tokenize(std::string_view text, Span span, TokenizeOptions options) {
  std::vector<Token> tokens;
  const std::size_t end = std::min<std::size_t>(span.end, text.size());
  tokens.reserve(span.size() / 5 + 4);
  bool space = false;
  for (std::size_t i = span.begin; i < end;) {
    std::size_t next;
    const UChar32 c = code_point_at(text, i, &next);
    if (is_space(c)) {
      space = true;
      i = next;
      continue;
    }
    Token t;
    t.space_before = space || tokens.empty();
    space = false;
    std::size_t j = next;
    if (is_digit(c)) {
      j = scan_number(text, i, end, options, t);
    } else if (c == '.' && t.space_before && next < end && is_digit(static_cast<unsigned char>(text[next]))) {
      // ".25", ".08": a decimal with no integer digits, after a space or at the start.
      j = digits_from(text, next, end);
      const std::string fraction(text.substr(next, j - next));
      t.kind = TokenKind::kNumber;
      t.digits = 1;
      t.decimals = static_cast<int>(fraction.size());
      t.folded = "0." + fraction;
      t.value = std::strtod(t.folded.c_str(), nullptr);
    } else if (is_word_char(c)) {
      t.kind = TokenKind::kWord;
      t.script = script_of(c);
      t.capitalized = u_isupper(c) || u_istitle(c);
      // A word ends where Hangul meets another script: "cm의" is a unit and a particle,
      // "DCC수수료" a Latin name and a Korean noun.
      const bool hangul = t.script == TokenScript::kHangul;
      while (j < end) {
        std::size_t after;
        const UChar32 d = code_point_at(text, j, &after);
        if (!is_word_char(d)) break;
        const bool d_hangul = (d >= 0xAC00 && d <= 0xD7A3) || (d >= 0x1100 && d <= 0x11FF) ||
                              (d >= 0x3130 && d <= 0x318F);
        const bool d_alphabet = d < 0x250 || (d >= 0x400 && d <= 0x52F);  // Latin, Cyrillic
        if (hangul ? d_alphabet : d_hangul) break;
        j = after;
      }
      t.folded = fold_case(text.substr(i, j - i));
    } else {
      t.kind = TokenKind::kPunct;
      t.folded.assign(text.substr(i, next - i));
      // Quotes and dashes of several forms are one token kind each for phrase matching.
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC) t.folded = "’";
      if (c == '\'') t.folded = "’";
    }
    t.span = Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
    tokens.push_back(std::move(t));
    i = j;
  }
  return tokens;
}

namespace {

std::string_view initial_of(std::string_view word) {
  std::size_t next;
  code_point_at(word, 0, &next);
  return word.substr(0, next);
}

bool is_hangul_word(std::string_view word) {
  if (word.empty()) return false;
  std::size_t next;
  return script_of(code_point_at(word, 0, &next)) == TokenScript::kHangul;
}

}  // namespace

void PhraseTable::add(std::string_view phrase, std::uint16_t kind, std::uint32_t payload) {
  Entry e;
  e.kind = kind;
  e.payload = payload;
  // Tokenize the phrase like text; a '*' right after a word marks that word a prefix.
  const std::string owned(phrase);
  for (const auto& t : tokenize(owned, Span{0, static_cast<std::uint32_t>(owned.size())})) {
    if (t.kind == TokenKind::kPunct && t.folded == "*" && !e.words.empty() && !t.space_before) {
      e.prefix.back() = true;
      continue;
    }
    e.words.push_back(t.folded);
    e.prefix.push_back(false);
  }
  if (e.words.empty()) return;
  auto& bucket = e.prefix.front() || is_hangul_word(e.words.front())
                     ? by_initial_[std::string(initial_of(e.words.front()))]
                     : by_first_[e.words.front()];
  bucket.kinds |= kind_bit(kind);
  bucket.entries.push_back(std::move(e));
}

bool PhraseTable::matches(const Entry& e, const std::vector<Token>& tokens, std::size_t i,
                          std::size_t limit, Match* out) const {
  const std::size_t n = e.words.size();
  if (i + n > std::min(limit, tokens.size())) return false;
  std::uint32_t rest = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::string& word = e.words[k];
    const std::string& token = tokens[i + k].folded;
    if (e.prefix[k]) {
      if (token.compare(0, word.size(), word) != 0) return false;
    } else if (token != word) {
      const bool last = k + 1 == n;
      if (!(last && is_hangul_word(word) && token.size() > word.size() &&
            token.compare(0, word.size(), word) == 0)) {
        return false;
      }
      rest = static_cast<std::uint32_t>(token.size() - word.size());
    }
  }
  out->entry = &e;
  out->end = i + n;
  out->rest = rest;
  return true;
}

template <typename F>
void PhraseTable::buckets(const Token& token, F&& f) const {
  if (token.indexed) {
    if (token.phrases_exact) f(*static_cast<const Bucket*>(token.phrases_exact));
    if (token.phrases_initial) f(*static_cast<const Bucket*>(token.phrases_initial));
    return;
  }
  const std::string& first = token.folded;
  if (auto it = by_first_.find(first); it != by_first_.end()) f(it->second);
  if (!first.empty()) {
    if (auto it = by_initial_.find(initial_of(first)); it != by_initial_.end()) f(it->second);
  }
}

namespace {

// Longest first: more tokens, then fewer leftover bytes.
bool longer(const PhraseTable::Match& a, const PhraseTable::Match& b) {
  if (a.end != b.end) return a.end > b.end;
  return a.rest < b.rest;
}

}  // namespace

std::vector<PhraseTable::Match> PhraseTable::all(const std::vector<Token>& tokens, std::size_t i,
                                                 std::uint16_t kind, std::size_t limit) const {
  std::vector<Match> found;
  if (i >= tokens.size()) return found;
  const PhraseKinds bit = kind_bit(kind);
  if (tokens[i].indexed && !(tokens[i].phrase_kinds & bit)) return found;
  buckets(tokens[i], [&](const Bucket& b) {
    if (!(b.kinds & bit)) return;
    for (const auto& e : b.entries) {
      Match m;
      if (e.kind == kind && matches(e, tokens, i, limit, &m)) found.push_back(m);
    }
  });
  std::sort(found.begin(), found.end(), longer);
  return found;
}

void PhraseTable::index(std::vector<Token>& tokens) const {
  for (auto& t : tokens) {
    t.indexed = true;
    t.phrases_exact = nullptr;
    t.phrases_initial = nullptr;
    t.phrase_kinds = 0;
    if (auto it = by_first_.find(t.folded); it != by_first_.end()) {
      t.phrases_exact = &it->second;
      t.phrase_kinds |= it->second.kinds;
    }
    if (!t.folded.empty()) {
      if (auto it = by_initial_.find(initial_of(t.folded)); it != by_initial_.end()) {
        t.phrases_initial = &it->second;
        t.phrase_kinds |= it->second.kinds;
      }
    }
  }
}

std::optional<PhraseTable::Match> PhraseTable::longest(const std::vector<Token>& tokens,
                                                       std::size_t i, std::uint16_t kind,
                                                       std::size_t limit) const {
  if (i >= tokens.size()) return std::nullopt;
  const PhraseKinds bit = kind_bit(kind);
  if (tokens[i].indexed && !(tokens[i].phrase_kinds & bit)) return std::nullopt;
  std::optional<Match> best;
  buckets(tokens[i], [&](const Bucket& b) {
    if (!(b.kinds & bit)) return;
    for (const auto& e : b.entries) {
      Match m;
      if (e.kind == kind && matches(e, tokens, i, limit, &m) && (!best || longer(m, *best))) {
        best = m;
      }
    }
  });
  return best;
}

std::optional<std::pair<const PhraseTable::Entry*, std::size_t>> PhraseTable::prefix_of(
    std::string_view word, std::uint16_t kind) const {
  if (word.empty()) return std::nullopt;
  const auto it = by_initial_.find(initial_of(word));
  if (it == by_initial_.end() || !(it->second.kinds & kind_bit(kind))) {
    return std::nullopt;
  }
  std::optional<std::pair<const Entry*, std::size_t>> best;
  for (const auto& e : it->second.entries) {
    if (e.kind != kind || e.words.size() != 1) continue;
    const std::string& w = e.words.front();
    if (word.compare(0, w.size(), w) == 0 && (!best || w.size() > best->second)) {
      best = std::make_pair(&e, w.size());
    }
  }
  return best;
}

}  // namespace claimgraph::ingest
