#include "ingest/text_util.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

namespace claimgraph::ingest {

UChar32 code_point_at(std::string_view text, std::size_t i, std::size_t* next) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  auto offset = static_cast<std::int32_t>(i);
  UChar32 c;
  U8_NEXT_OR_FFFD(s, offset, static_cast<std::int32_t>(text.size()), c);
  if (next != nullptr) *next = static_cast<std::size_t>(offset);
  return c;
}

UChar32 code_point_before(std::string_view text, std::size_t i, std::size_t* start) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  auto offset = static_cast<std::int32_t>(i);
  UChar32 c;
  U8_PREV_OR_FFFD(s, 0, offset, c);
  if (start != nullptr) *start = static_cast<std::size_t>(offset);
  return c;
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xFEFF; }

Span trim(std::string_view text, Span span) {
  std::size_t b = span.begin;
  std::size_t e = span.end;
  while (b < e) {
    std::size_t next;
    if (!is_space(code_point_at(text, b, &next))) break;
    b = next;
  }
  while (e > b) {
    std::size_t start;
    if (!is_space(code_point_before(text, e, &start))) break;
    e = start;
  }
  return Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
}

std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

std::string fold_case(std::string_view text) {
  // ASCII folds by table; ICU only for the rest.
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(text);
    for (auto& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string fold_spaces(std::string_view text) {
  std::string out;
  bool pending = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next;
    const UChar32 c = code_point_at(text, i, &next);
    if (is_space(c)) {
      pending = !out.empty();
    } else {
      if (pending) out.push_back(' ');
      pending = false;
      out.append(text.substr(i, next - i));
    }
    i = next;
  }
  return out;
}

UTextView::UTextView(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  ut_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU cannot open UTF-8 text");
}

UTextView::~UTextView() { utext_close(ut_); }

Regex::Regex(std::string_view pattern, bool case_sensitive, const std::string& origin) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse{};
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), pattern.size()));
  pattern_.reset(
      icu::RegexPattern::compile(u, case_sensitive ? 0 : UREGEX_CASE_INSENSITIVE, parse, status));
  if (U_FAILURE(status)) {
    throw std::runtime_error(origin + ": error: bad regular expression at character " +
                             std::to_string(parse.offset + 1) + ": " + u_errorName(status));
  }
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

std::optional<Regex::Match> Regex::find(std::string_view text, Span span) const {
  UTextView ut(slice(text, span));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(pattern_->matcher(status));
  if (U_FAILURE(status)) return std::nullopt;
  matcher->reset(ut.get());
  if (!matcher->find(status) || U_FAILURE(status)) return std::nullopt;
  auto absolute = [&](int64_t b, int64_t e) {
    return Span{static_cast<std::uint32_t>(span.begin + b),
                static_cast<std::uint32_t>(span.begin + e)};
  };
  Match m;
  m.whole = absolute(matcher->start64(status), matcher->end64(status));
  for (int32_t g = 1; g <= matcher->groupCount(); ++g) {
    const int64_t b = matcher->start64(g, status);
    if (b < 0) {
      m.groups.push_back(std::nullopt);
    } else {
      m.groups.push_back(absolute(b, matcher->end64(g, status)));
    }
  }
  return m;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_hangul_syllable(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

std::string without(std::string_view text, char drop) {
  std::string out;
  for (const char c : text) {
    if (c != drop && c != ' ') out.push_back(c);
  }
  return out;
}

std::string slug(std::string_view text) {
  const std::string folded = fold_case(fold_spaces(text));
  std::string key;
  bool dash = false;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t next;
    const UChar32 c = code_point_at(folded, i, &next);
    if (u_isalnum(c)) {
      if (dash && !key.empty()) key.push_back('-');
      dash = false;
      key.append(folded, i, next - i);
    } else {
      dash = true;
    }
    i = next;
  }
  return key;
}

}  // namespace claimgraph::ingest
