#include "ingest/text/sentences.hpp"

#include <unicode/uchar.h>

#include <stdexcept>

#include "ingest/text_util.hpp"

namespace claimgraph::ingest::text {
namespace {

bool is_opening_punct(UChar32 c) {
  const auto type = u_charType(c);
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || c == '"' || c == '\'';
}

// The whitespace-delimited word ending at `end`, without opening punctuation.
std::string_view last_token(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t start = end;
  while (start > begin) {
    std::size_t prev;
    if (is_space(code_point_before(text, start, &prev))) break;
    start = prev;
  }
  while (start < end) {
    std::size_t next;
    if (!is_opening_punct(code_point_at(text, start, &next))) break;
    start = next;
  }
  return text.substr(start, end - start);
}

}  // namespace

bool is_initials(std::string_view token) {
  std::size_t i = 0;
  bool any = false;
  while (i < token.size()) {
    std::size_t next;
    const UChar32 c = code_point_at(token, i, &next);
    if (!u_isupper(c) || next >= token.size() || token[next] != '.') return false;
    i = next + 1;
    any = true;
  }
  return any;
}

SentenceSplitter::SentenceSplitter(const Lexicons& lexicons, const char* locale)
    : abbreviations_(lexicons.abbreviations.begin(), lexicons.abbreviations.end()) {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(locale), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no sentence rules for " +
                                                  std::string(locale));
}

SentenceSplitter::~SentenceSplitter() = default;

bool SentenceSplitter::is_abbreviation(std::string_view token) const {
  return is_initials(token) || abbreviations_.count(std::string(token)) != 0;
}

std::vector<Span> SentenceSplitter::split(std::string_view text, Span region) {
  std::vector<Span> out;
  if (region.empty()) return out;
  UTextView ut(slice(text, region));
  UErrorCode status = U_ZERO_ERROR;
  iterator_->setText(ut.get(), status);
  if (U_FAILURE(status)) return {trim(text, region)};

  std::uint32_t start = region.begin;
  for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE; b = iterator_->next()) {
    const auto boundary = static_cast<std::uint32_t>(region.begin + b);
    if (boundary < region.end) {
      const Span before = trim(text, Span{start, boundary});
      if (before.empty()) continue;
      if (is_abbreviation(last_token(text, before.begin, before.end))) continue;
    }
    const Span sentence = trim(text, Span{start, boundary});
    if (!sentence.empty()) out.push_back(sentence);
    start = boundary;
  }
  // setText borrowed the UText; detach before it closes.
  iterator_->setText(icu::UnicodeString());
  return out;
}

}  // namespace claimgraph::ingest::text
