#pragma once
// Cited works: one footnote's raw text parsed into authors, titles (translated, original-script,
// romanized), venue, date, language and script, with "X, cited in Y" giving a second work.
// Mechanisms live here and in reference_text.cpp / reference_dates.cpp; the words (markers,
// prefixes, quote marks, date patterns) live in corpus/lexicons/references.json.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/file_system.hpp"

namespace claimgraph::ingest::references {

// references.json. Phrases are kept as written; matching ignores case.
struct ReferenceLexicon {
  struct QuotePair {
    std::string open;
    std::string close;
  };
  struct DateFormatSpec {
    std::string locale;   // ICU locale ("en", "ru", "ko")
    std::string pattern;  // ICU SimpleDateFormat pattern ("d MMMM y 'г'.")
  };
  struct LanguageNote {
    std::string language;
    std::vector<std::string> words;  // "(in Russian)"
  };
  struct LanguageLetters {
    std::string language;  // "uk"
    std::string script;    // "Cyrl"
    std::string letters;   // any of these letters in the text: "іїєґ"
  };

  std::vector<std::string> cited_in;               // "cited in", "цит. по"
  std::vector<std::string> organization_prefixes;  // "Statistical compilation of"
  std::vector<std::string> organization_words;     // "committee", "комитет*", "위원회"
  std::vector<std::string> venue_words;            // "journal", "вестник*"
  std::vector<QuotePair> title_quotes;             // “ ”, « », " "
  std::vector<QuotePair> venue_quotes;             // 『 』, 《 》
  std::vector<std::string> venue_markers;          // "//", "In:"
  std::vector<DateFormatSpec> date_formats;        // tried in order
  std::vector<std::string> year_suffixes;          // "г.", "년"
  int year_min = 1500;
  int year_max = 2100;
  std::vector<std::string> abbreviations;    // "vol.", "т.": a '.' that ends no sentence
  std::vector<std::string> numbering_words;  // "vol.", "pp.", "№", "권"
  std::vector<std::string> name_joiners;     // "and", "&", "и"
  std::vector<std::string> name_particles;   // "de", "van", "jr."
  std::vector<std::string> et_al;            // "et al.", "и др."
  std::vector<std::string> bracket_notes;    // "electronic resource"
  std::vector<LanguageNote> language_notes;
  std::map<std::string, std::string> script_languages;  // "Cyrl" -> "ru"
  std::vector<LanguageLetters> language_letters;
  std::vector<std::string> surname_first_scripts;  // "Hang"
};

// Reads references.json from `dir` and checks its date patterns with ICU; appends its bytes
// to *fingerprint_input (when not null). Throws LexiconError "file:line:col: error: ...".
ReferenceLexicon load_reference_lexicon(const std::string& dir, const FileSystem& fs,
                                        std::string* fingerprint_input);

struct CitedWork {
  // Persons and organizations, as written in Latin script ("A. S. Vashchuk", "International
  // Network for ..."); empty when the footnote names them only in their own script.
  std::vector<std::string> authors;
  std::vector<std::string> authors_original;  // in their own script ("А. С. Ващук", "이 영 형")
  // The authors above (of either list) that are organizations.
  std::vector<std::string> organizations;
  std::optional<std::string> title;            // in Latin script: English or translated
  std::optional<std::string> title_original;   // in the original script
  std::optional<std::string> title_romanized;  // a romanized title as written ("Rŏsiaŭi ...")
  std::optional<std::string> venue, venue_original;  // journal, publisher, meeting
  std::optional<std::string> place;            // of publication ("М.", "New York")
  std::optional<std::string> date;             // "YYYY[-MM[-DD]]"
  std::optional<std::string> language;         // "en", "ru", "ko": of the original work
  std::optional<std::string> script;           // ISO 15924 "Latn", "Cyrl", "Hang"

  // No author and no title: nothing was recognized.
  bool empty() const {
    return authors.empty() && authors_original.empty() && !title && !title_original &&
           !title_romanized;
  }
};

struct ParsedReference {
  CitedWork work;
  std::optional<CitedWork> cited_in;  // "X, cited in Y": Y
  std::vector<std::string> warnings;  // what could not be parsed ("no title found")
};

// Parses footnote texts. Holds ICU date formats and a transliterator: not thread-safe, use one
// per thread; the lexicon is shared between threads and kept alive by each parser.
class ReferenceParser {
 public:
  explicit ReferenceParser(std::shared_ptr<const ReferenceLexicon> lexicon);
  ~ReferenceParser();
  ReferenceParser(const ReferenceParser&) = delete;
  ReferenceParser& operator=(const ReferenceParser&) = delete;

  // One footnote's raw text (UTF-8, any white space) into the work it cites.
  ParsedReference parse(std::string_view raw) const;

  // Script-independent key of a work: NFKC, case folding and transliteration to Latin of the
  // first author's surname and the original title (else the title, else the romanized
  // title), punctuation dropped: "vasuk|trudovye migranty iz kndr ...". "" when the work has
  // no title. Two citations of one work in one style get one key.
  std::string work_key(const CitedWork& work) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimgraph::ingest::references
