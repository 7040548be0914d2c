#pragma once
// Spelled-out numbers ("twenty thousand", "тридцать тысяч", "삼만") read by ICU's
// rule-based spell-out parser, one parser per locale, created on first use. Not
// thread-safe: one per FigureFinder.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RuleBasedNumberFormat;
U_NAMESPACE_END

namespace claimgraph::ingest {

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
  std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>, std::less<>> formats_;
};

}  // namespace claimgraph::ingest
