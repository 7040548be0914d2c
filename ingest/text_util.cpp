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


namespace {

bool cyrillic_letter(UChar32 c) { return c >= 0x0400 && c <= 0x04FF; }

}  // namespace

std::vector<std::string> russian_case_forms(std::string_view word) {
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  if (u.length() < 3) return {};
  bool upper = true;
  for (int32_t i = 0; i < u.length(); ++i) {
    if (!cyrillic_letter(u.char32At(i)) && u.char32At(i) != u'-') return {};
    upper = upper && !u_islower(u.char32At(i));
  }
  if (upper) return {};
  const UChar32 last = u.char32At(u.length() - 1);
  const auto base = [&](int32_t cut) { return icu::UnicodeString(u, 0, u.length() - cut); };
  std::vector<icu::UnicodeString> forms;
  const auto add = [&](const icu::UnicodeString& stem, std::initializer_list<const char16_t*> ends) {
    for (const auto* e : ends) forms.push_back(stem + icu::UnicodeString(e));
  };
  const bool ia = u.length() > 2 && u.char32At(u.length() - 2) == u'и' && last == u'я';
  if (ia) {
    add(base(1), {u"и", u"ю", u"ей"});  // Россия: России, Россию, Россией
  } else if (last == u'а') {
    add(base(1), {u"ы", u"и", u"е", u"у", u"ой"});  // Москва
  } else if (last == u'я') {
    add(base(1), {u"и", u"е", u"ю", u"ей"});
  } else if (last == u'ь') {
    add(base(1), {u"и", u"ью", u"я", u"ю", u"ем", u"е"});  // Сибирь; Ярославль
  } else if (last == u'й') {
    add(base(1), {u"я", u"ю", u"ем", u"е"});  // Китай
  } else if (last == u'е' && u.length() > 2 && u.char32At(u.length() - 2) == u'ь') {
    add(base(1), {u"я", u"ю", u"ем"});  // Приморье
  } else if (u_isalpha(last) && std::u16string_view(u"аеёиоуыэюя").find(static_cast<char16_t>(last)) ==
                                    std::u16string_view::npos) {
    add(u, {u"а", u"у", u"ом", u"е"});  // Сахалин, Хабаровск
  }
  std::vector<std::string> out;
  for (const auto& f : forms) {
    std::string s;
    f.toUTF8String(s);
    out.push_back(std::move(s));
  }
  return out;
}

std::string russian_stem(std::string_view word) {
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  for (int32_t i = 0; i < u.length(); ++i) {
    if (!cyrillic_letter(u.char32At(i))) return std::string(word);
  }
  static const char16_t* const kEndings[] = {u"ого", u"его", u"ому", u"ему", u"ой", u"ей", u"ая",
                                             u"яя", u"ую", u"юю", u"ом", u"ем", u"ам", u"ям",
                                             u"ах", u"ях", u"ые", u"ие", u"ий", u"ый", u"ы", u"и", u"а", u"я",
                                             u"у", u"ю", u"е", u"о", u"й", u"ь"};
  for (const auto* e : kEndings) {
    const icu::UnicodeString ending(e);
    if (u.length() > ending.length() + 2 && u.endsWith(ending)) {
      std::string s;
      icu::UnicodeString(u, 0, u.length() - ending.length()).toUTF8String(s);
      return s;
    }
  }
  return std::string(word);
}

}  // namespace claimgraph::ingest
