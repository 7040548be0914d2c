#pragma once
// Spelled-out numbers ("twenty thousand", "тридцать тысяч", "삼만") read by ICU's
// rule-based spell-out parser, one parser per locale, created on first use. ICU's parser
// tries every rule set and costs tens of microseconds a call, while the spelled numbers of
// real text are few and repeat ("two", "five hundred"): answers are remembered (up to
// kCacheSize distinct strings). Not thread-safe: one per FigureFinder.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RuleBasedNumberFormat;
U_NAMESPACE_END

namespace claimgraph::ingest::figures {

class NumberWords {
 public:
  NumberWords();
  ~NumberWords();
  NumberWords(const NumberWords&) = delete;
  NumberWords& operator=(const NumberWords&) = delete;

  struct Parsed {
    double value = 0;
    std::size_t bytes = 0;  // how many bytes of the text the number covers
  };
  // The number spelled out at the start of `text` in `locale` ("en", "ru", "ko").
  std::optional<Parsed> parse(std::string_view locale, std::string_view text);

 private:
  std::optional<Parsed> parse_uncached(std::string_view locale, std::string_view text);
  static constexpr std::size_t kCacheSize = 4096;
  std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>, std::less<>> formats_;
  std::unordered_map<std::string, std::optional<Parsed>> cache_;  // key: locale + '\0' + text
};

}  // namespace claimgraph::ingest::figures
