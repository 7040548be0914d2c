#pragma once
// Dates in a footnote, read by ICU's SimpleDateFormat with the patterns of references.json
// ("December, 2012", "March 28, 2016", "28 марта 2016 г.", "2016년 3월 28일") or a year alone
// (internal to ingest/).

#include <unicode/utypes.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/references/references.hpp"

U_NAMESPACE_BEGIN
class SimpleDateFormat;
class Calendar;
U_NAMESPACE_END

namespace claimgraph::ingest::references {

struct FoundDate {
  std::size_t begin = 0;  // bytes of the text
  std::size_t end = 0;
  std::string iso;  // "2016", "2012-12", "2016-03-28"
};

// Not thread-safe (ICU formats parse into their own calendars): one per parser.
class DateFinder {
 public:
  explicit DateFinder(const ReferenceLexicon& lexicon);
  ~DateFinder();
  DateFinder(const DateFinder&) = delete;
  DateFinder& operator=(const DateFinder&) = delete;

  // Every date of `text` made of whole words, left to right, the longest reading at each place;
  // a year must have four digits and lie within the lexicon's year_range.
  std::vector<FoundDate> find_all(std::string_view text) const;

 private:
  struct Format {
    std::unique_ptr<icu::SimpleDateFormat> format;
    std::unique_ptr<icu::Calendar> calendar;
    int precision = 1;  // 1 year, 2 month, 3 day
  };
  std::vector<Format> formats_;
  std::vector<std::string> year_suffixes_;
  int year_min_;
  int year_max_;
};

}  // namespace claimgraph::ingest::references
