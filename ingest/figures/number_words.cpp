#include "ingest/figures/number_words.hpp"

#include <unicode/rbnf.h>
#include <unicode/unistr.h>

namespace claimgraph::ingest::figures {

NumberWords::NumberWords() = default;
NumberWords::~NumberWords() = default;

std::optional<NumberWords::Parsed> NumberWords::parse(std::string_view locale,
                                                      std::string_view text) {
  std::string key;
  key.reserve(locale.size() + 1 + text.size());
  key.append(locale).push_back('\0');
  key.append(text);
  if (const auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
  if (cache_.size() >= kCacheSize) cache_.clear();
  auto parsed = parse_uncached(locale, text);
  cache_.emplace(std::move(key), parsed);
  return parsed;
}

std::optional<NumberWords::Parsed> NumberWords::parse_uncached(std::string_view locale,
                                                               std::string_view text) {
  auto it = formats_.find(locale);
  if (it == formats_.end()) {
    UErrorCode status = U_ZERO_ERROR;
    auto format = std::make_unique<icu::RuleBasedNumberFormat>(
        icu::URBNF_SPELLOUT, icu::Locale(std::string(locale).c_str()), status);
    if (U_FAILURE(status)) format.reset();
    it = formats_.emplace(std::string(locale), std::move(format)).first;
  }
  if (!it->second) return std::nullopt;
  const auto u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::Formattable result;
  icu::ParsePosition position(0);
  it->second->parse(u, result, position);
  if (position.getIndex() <= 0 || position.getErrorIndex() >= 0) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const double value = result.getDouble(status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string covered;
  u.tempSubString(0, position.getIndex()).toUTF8String(covered);
  return Parsed{value, covered.size()};
}

}  // namespace claimgraph::ingest::figures
