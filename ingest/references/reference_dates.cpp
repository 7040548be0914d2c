#include "ingest/references/reference_dates.hpp"

#include <unicode/calendar.h>
#include <unicode/smpdtfmt.h>
#include <unicode/uchar.h>

#include <cstdio>

#include "ingest/text_util.hpp"

namespace claimgraph::ingest::references {
namespace {

// How fine a pattern reads: a day field ('d') gives the day, a month ('M', 'L') the month.
int precision_of(const std::string& pattern) {
  bool quoted = false;
  int precision = 1;
  for (const char c : pattern) {
    if (c == '\'') quoted = !quoted;
    if (quoted) continue;
    if (c == 'd') return 3;
    if (c == 'M' || c == 'L') precision = 2;
  }
  return precision;
}

std::string iso(int year, int month, int day, int precision) {
  char buf[48];
  if (precision >= 3) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (precision == 2) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

bool alnum_at(const icu::UnicodeString& u, int32_t i) {
  return i >= 0 && i < u.length() && u_isalnum(u.char32At(i));
}

// A run of exactly four digits inside u[b, e): ICU would read "16" as 2016.
bool has_four_digit_year(const icu::UnicodeString& u, int32_t b, int32_t e) {
  int run = 0;
  for (int32_t i = b; i <= e; ++i) {
    if (i < e && u_isdigit(u.charAt(i))) {
      ++run;
    } else {
      if (run == 4) return true;
      run = 0;
    }
  }
  return false;
}

}  // namespace

DateFinder::DateFinder(const ReferenceLexicon& lexicon)
    : year_suffixes_(lexicon.year_suffixes),
      year_min_(lexicon.year_min),
      year_max_(lexicon.year_max) {
  for (const auto& spec : lexicon.date_formats) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(spec.locale.c_str());
    Format f;
    f.format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(spec.pattern),
                                                       locale, status);
    f.calendar.reset(icu::Calendar::createInstance(locale, status));
    // load_reference_lexicon checked the pattern; a failure here is ICU's own.
    if (U_FAILURE(status)) continue;
    f.format->setLenient(false);
    f.precision = precision_of(spec.pattern);
    formats_.push_back(std::move(f));
  }
}

DateFinder::~DateFinder() = default;

std::vector<FoundDate> DateFinder::find_all(std::string_view text) const {
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  // byte[i]: the UTF-8 offset of UTF-16 index i.
  std::vector<std::size_t> byte(static_cast<std::size_t>(u.length()) + 1, text.size());
  {
    std::size_t b = 0;
    int32_t i = 0;
    while (b < text.size() && i < u.length()) {
      byte[i] = b;
      std::size_t next;
      const UChar32 c = code_point_at(text, b, &next);
      if (U16_LENGTH(c) == 2 && i + 1 < u.length()) byte[i + 1] = b;
      i += U16_LENGTH(c);
      b = next;
    }
  }
  // Every date has a year of four digits: next_year[i] is where the first run of four digits at
  // or after i starts. A word start with none within the longest date's reach is not tried
  // against the formats (ICU parsing at every word is most of a footnote's cost).
  constexpr int32_t kLongestDate = 64;  // UTF-16 units, beyond any pattern of references.json
  std::vector<int32_t> next_year(static_cast<std::size_t>(u.length()) + 1, INT32_MAX);
  {
    int32_t run = 0;
    for (int32_t i = u.length() - 1; i >= 0; --i) {
      run = u_isdigit(u.charAt(i)) ? run + 1 : 0;
      next_year[i] = run >= 4 ? i : next_year[i + 1];
    }
  }
  std::vector<FoundDate> out;
  for (int32_t start = 0; start < u.length();) {
    const bool word_start = alnum_at(u, start) && !alnum_at(u, start - 1);
    if (!word_start || next_year[start] > start + kLongestDate) {
      ++start;
      continue;
    }
    int32_t best_end = -1;
    std::string best;
    for (const auto& f : formats_) {
      icu::ParsePosition pos(start);
      f.calendar->clear();
      f.format->parse(u, *f.calendar, pos);
      const int32_t end = pos.getIndex();
      if (pos.getErrorIndex() >= 0 || end <= start || end <= best_end) continue;
      if (alnum_at(u, end) && u_isalnum(u.char32At(end - 1))) continue;
      if (!has_four_digit_year(u, start, end)) continue;
      UErrorCode status = U_ZERO_ERROR;
      const int year = f.calendar->get(UCAL_YEAR, status);
      const int month = f.calendar->get(UCAL_MONTH, status) + 1;
      const int day = f.calendar->get(UCAL_DATE, status);
      if (U_FAILURE(status) || year < year_min_ || year > year_max_) continue;
      best_end = end;
      best = iso(year, month, day, f.precision);
    }
    // A year alone: four digits, then maybe a year word ("2006 г.").
    int32_t e = start;
    while (e < u.length() && u_isdigit(u.charAt(e))) ++e;
    // "1994a": a letter that tells apart two works of one author and year.
    const bool lettered = e < u.length() && u.charAt(e) >= 'a' && u.charAt(e) <= 'z' &&
                          !alnum_at(u, e + 1);
    if (lettered) ++e;
    if (e - start - (lettered ? 1 : 0) == 4 && !alnum_at(u, e) && e > best_end) {
      int year = 0;
      for (int32_t i = start; i < e - (lettered ? 1 : 0); ++i) {
        year = year * 10 + u_charDigitValue(u.charAt(i));
      }
      if (year >= year_min_ && year <= year_max_) {
        best_end = e;
        best = iso(year, 1, 1, 1);
        for (const auto& suffix : year_suffixes_) {
          const auto s = icu::UnicodeString::fromUTF8(suffix);
          for (const int32_t gap : {0, 1}) {
            if (gap == 1 && (e >= u.length() || u.charAt(e) != ' ')) continue;
            if (u.compare(e + gap, s.length(), s) == 0 && !alnum_at(u, e + gap + s.length()) &&
                e + gap + s.length() > best_end) {
              best_end = e + gap + s.length();
            }
          }
        }
      }
    }
    if (best_end < 0) {
      ++start;
      continue;
    }
    out.push_back({byte[start], byte[best_end], best});
    start = best_end;
  }
  return out;
}

}  // namespace claimgraph::ingest::references
