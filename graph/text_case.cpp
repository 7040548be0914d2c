#include "graph/text_case.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace claimgraph::graph {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string fold_case(std::string_view text) {
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return ascii_lower(text);
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string slug(std::string_view text) {
  const std::string folded = fold_case(text);
  std::string key;
  bool dash = false;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(folded.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(folded.data(), i, n, c);
    if (c >= 0 && u_isalnum(c)) {
      if (dash && !key.empty()) key.push_back('-');
      dash = false;
      key.append(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else {
      dash = true;
    }
  }
  return key;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
  return fold_case(haystack).find(fold_case(needle)) != std::string::npos;
}

}  // namespace claimgraph::graph
