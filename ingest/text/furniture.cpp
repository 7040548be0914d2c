#include "ingest/text/furniture.hpp"

#include <unicode/uchar.h>

namespace claimgraph::ingest::text {
namespace {

// "– Christopher Green, Senior Editor." closing a paragraph: a dash, two to four
// capitalized name words, a comma, a short title. Group 1 is the name.
constexpr std::string_view kSignature =
    R"((?:[–—]|\s-)[ \u00A0]*(\p{Lu}[\p{L}'’-]+(?:[ \u00A0]+\p{Lu}[\p{L}'’.-]*){1,3}),)"
    R"([ \u00A0]*\p{L}[^,.!?|–—]{1,60}\.?$)";

constexpr std::size_t kMaxHeadingWords = 12;

bool has_letter_or_digit(std::string_view text, Span span) {
  for (std::size_t i = span.begin; i < span.end;) {
    std::size_t next;
    if (u_isalnum(code_point_at(text, i, &next))) return true;
    i = next;
  }
  return false;
}

// A run-in heading: short, starts upper-case, mostly capitalized words, no sentence end.
bool is_run_in_heading(std::string_view text, Span left) {
  if (left.empty()) return false;
  const std::string_view s = slice(text, left);
  if (s.find_first_of(".!?") != std::string_view::npos) return false;
  if (!u_isupper(code_point_at(s, 0, nullptr))) return false;
  std::size_t words = 0;
  std::size_t capitalized = 0;
  bool at_word_start = true;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t next;
    const UChar32 c = code_point_at(s, i, &next);
    if (is_space(c)) {
      at_word_start = true;
    } else if (at_word_start) {
      at_word_start = false;
      ++words;
      if (u_isupper(c) || u_isdigit(c)) ++capitalized;
    }
    i = next;
  }
  return words <= kMaxHeadingWords && capitalized * 2 >= words;
}

}  // namespace

FurnitureClassifier::FurnitureClassifier(const Lexicons& lexicons)
    : signature_(kSignature, true, "furniture.cpp: signature") {
  for (const auto& rule : lexicons.furniture) {
    try {
      rules_.push_back(CompiledRule{rule, Regex(rule.pattern, rule.case_sensitive, rule.origin)});
    } catch (const std::runtime_error& e) {
      throw LexiconError(e.what());
    }
  }
}

ParagraphLayout FurnitureClassifier::classify(std::string_view text, Span paragraph,
                                              const std::optional<std::string>& title) const {
  ParagraphLayout layout;
  if (!has_letter_or_digit(text, paragraph)) {
    layout.furniture = "ornament";
    return layout;
  }
  if (title && fold_case(fold_spaces(slice(text, paragraph))) == fold_case(fold_spaces(*title))) {
    layout.furniture = "title";
    return layout;
  }
  for (const auto& compiled : rules_) {
    if (compiled.regex.find(text, paragraph)) {
      layout.furniture = compiled.rule.kind;
      layout.to_end = compiled.rule.scope == FurnitureRule::Scope::kToEnd;
      return layout;
    }
  }

  layout.body = paragraph;
  // A run-in heading ends at the first "|" with white space on both sides.
  const std::string_view para = slice(text, paragraph);
  for (auto bar = para.find('|'); bar != std::string_view::npos; bar = para.find('|', bar + 1)) {
    const std::size_t at = paragraph.begin + bar;
    if (at == paragraph.begin || !is_space(code_point_before(text, at, nullptr)) ||
        at + 1 >= paragraph.end || !is_space(code_point_at(text, at + 1, nullptr))) {
      continue;
    }
    const Span left = trim(text, Span{paragraph.begin, static_cast<std::uint32_t>(at)});
    if (is_run_in_heading(text, left)) {
      const Span right = trim(text, Span{static_cast<std::uint32_t>(at + 1), paragraph.end});
      layout.heading = Span{paragraph.begin, right.begin};
      layout.body = right;
    }
    break;
  }
  if (auto m = signature_.find(text, layout.body); m && m->groups[0]) {
    layout.signature = trim(text, m->whole);
    layout.signer = m->groups[0];
    layout.body = trim(text, Span{layout.body.begin, m->whole.begin});
  }
  return layout;
}

}  // namespace claimgraph::ingest::text
