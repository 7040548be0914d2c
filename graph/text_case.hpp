#pragma once
// The base text helpers every module shares: ASCII case, Unicode case folding, slugs (measure
// keys, actor ids) and folded containment. One definition each, so ingest, which makes the
// keys, and query, which matches a user's words against them, fold alike ("Патентов" finds the
// measure "патентов").

#include <string>
#include <string_view>

namespace claimgraph::graph {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
// A copy with ASCII letters lower-cased, other bytes as they are.
std::string ascii_lower(std::string_view text);
// ICU full case folding of UTF-8 text (ASCII by table).
std::string fold_case(std::string_view text);
// Case-folded letters and digits joined by single dashes: "North Korean" -> "north-korean".
std::string slug(std::string_view text);
// True when `needle` occurs in `haystack`, both case-folded.
bool contains_folded(std::string_view haystack, std::string_view needle);

}  // namespace claimgraph::graph
