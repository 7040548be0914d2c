// Loading references.json: every key known, every list of the right type, every date pattern
// accepted by ICU, or a LexiconError pointing at the offending text.

#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>

#include <string_view>

#include "ingest/json_file.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/references/references.hpp"
#include "graph/json_reader.hpp"

namespace claimgraph::ingest::references {
namespace {

using json::JsonFile;
using json::member;

std::vector<std::string> strings(const JsonFile& f, const rapidjson::Value& object,
                                 const char* key, const std::string& context = "") {
  const auto& v = member(f, object, key, context);
  if (!v.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" must be an array of strings");
  }
  return json::strings(f, v, context.empty() ? key : context + "." + key);
}

std::string string(const JsonFile& f, const rapidjson::Value& object, const char* key,
                   const std::string& context) {
  const auto& v = member(f, object, key, context);
  if (!v.IsString() || v.GetStringLength() == 0) {
    throw LexiconError(json::where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" in " + context + " must be a non-empty string");
  }
  return std::string(v.GetString(), v.GetStringLength());
}

std::string entry(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

std::vector<ReferenceLexicon::QuotePair> quote_pairs(const JsonFile& f, const char* key) {
  const auto& v = member(f, f.doc, key, "");
  if (!v.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" must be an array of [opening, closing] pairs");
  }
  std::vector<ReferenceLexicon::QuotePair> out;
  std::size_t i = 0;
  for (const auto& pair : v.GetArray()) {
    const auto marks = json::strings(f, pair, entry(key, i++));
    if (marks.size() != 2 || marks[0].empty() || marks[1].empty()) {
      throw LexiconError(json::where_key(f.path, f.text, key) + ": error: " + entry(key, i - 1) +
                         " must be [opening, closing]");
    }
    out.push_back({marks[0], marks[1]});
  }
  return out;
}

// A pattern ICU refuses is an error at load, not a silent miss at parse time.
void check_date_pattern(const JsonFile& f, const std::string& locale, const std::string& pattern) {
  // ICU takes any pattern and ignores what it cannot read, so the pattern's syntax is checked
  // here: quotes close, and every unquoted ASCII letter is one of SimpleDateFormat's fields.
  static constexpr std::string_view kFields = "GyYuUrQqMLlwWdDFgEecabBhHkKjJmsSAzZOvVXx";
  bool quoted = false;
  for (const char c : pattern) {
    if (c == '\'') {
      quoted = !quoted;
    } else if (!quoted && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) &&
               kFields.find(c) == std::string_view::npos) {
      throw LexiconError(json::where_key(f.path, f.text, pattern) + ": error: date pattern \"" +
                         pattern + "\": '" + c + "' is no SimpleDateFormat field; quote text ('г')");
    }
  }
  if (quoted) {
    throw LexiconError(json::where_key(f.path, f.text, pattern) + ": error: date pattern \"" +
                       pattern + "\" leaves a quote open");
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(locale.c_str()),
                               status);
  if (U_FAILURE(status)) {
    throw LexiconError(json::where_key(f.path, f.text, pattern) + ": error: ICU cannot use date " +
                       "pattern \"" + pattern + "\" for locale \"" + locale + "\": " +
                       u_errorName(status));
  }
}

void load_dates(ReferenceLexicon& lex, const JsonFile& f) {
  const auto& formats = member(f, f.doc, "date_formats", "");
  if (!formats.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, "date_formats") +
                       ": error: \"date_formats\" must be an array of {locale, patterns}");
  }
  std::size_t i = 0;
  for (const auto& item : formats.GetArray()) {
    const auto ctx = entry("date_formats", i++);
    json::check_keys(f, item, {"locale", "patterns"}, ctx);
    const auto locale = string(f, item, "locale", ctx);
    for (const auto& pattern : strings(f, item, "patterns", ctx)) {
      check_date_pattern(f, locale, pattern);
      lex.date_formats.push_back({locale, pattern});
    }
  }
  const auto& years = member(f, f.doc, "year_range", "");
  if (!years.IsArray() || years.Size() != 2 || !years[0].IsInt() || !years[1].IsInt() ||
      years[0].GetInt() > years[1].GetInt()) {
    throw LexiconError(json::where_key(f.path, f.text, "year_range") +
                       ": error: \"year_range\" is [first year, last year]");
  }
  lex.year_min = years[0].GetInt();
  lex.year_max = years[1].GetInt();
  lex.year_suffixes = strings(f, f.doc, "year_suffixes");
}

void load_languages(ReferenceLexicon& lex, const JsonFile& f) {
  const auto& notes = member(f, f.doc, "language_notes", "");
  if (!notes.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, "language_notes") +
                       ": error: \"language_notes\" must be an array of {language, words}");
  }
  std::size_t i = 0;
  for (const auto& item : notes.GetArray()) {
    const auto ctx = entry("language_notes", i++);
    json::check_keys(f, item, {"language", "words"}, ctx);
    lex.language_notes.push_back({string(f, item, "language", ctx), strings(f, item, "words", ctx)});
  }
  const auto& languages = member(f, f.doc, "languages", "");
  json::check_keys(f, languages, {"scripts", "letters"}, "languages");
  const auto& scripts = member(f, languages, "scripts", "languages");
  if (!scripts.IsObject()) {
    throw LexiconError(json::where_key(f.path, f.text, "scripts") +
                       ": error: \"languages.scripts\" maps ISO 15924 codes to languages");
  }
  for (const auto& m : graph::members(scripts)) {
    if (!m.value.IsString()) {
      throw LexiconError(json::where_key(f.path, f.text, m.name.GetString()) +
                         ": error: languages.scripts values must be strings");
    }
    lex.script_languages[m.name.GetString()] = m.value.GetString();
  }
  const auto& letters = member(f, languages, "letters", "languages");
  if (!letters.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, "letters") +
                       ": error: \"languages.letters\" must be an array");
  }
  i = 0;
  for (const auto& item : letters.GetArray()) {
    const auto ctx = entry("languages.letters", i++);
    json::check_keys(f, item, {"language", "script", "letters"}, ctx);
    lex.language_letters.push_back({string(f, item, "language", ctx),
                                    string(f, item, "script", ctx),
                                    string(f, item, "letters", ctx)});
  }
  lex.surname_first_scripts = strings(f, f.doc, "surname_first_scripts");
}

}  // namespace

ReferenceLexicon load_reference_lexicon(const std::string& dir, const FileSystem& fs,
                                        std::string* fingerprint_input) {
  JsonFile f;
  json::read(dir, "references.json", fs, f);
  json::check_keys(f, f.doc,
                   {"about", "cited_in", "organization_prefixes", "organization_words",
                    "venue_words", "title_quotes", "venue_quotes", "venue_markers",
                    "date_formats", "year_suffixes", "year_range", "abbreviations",
                    "numbering_words", "name_joiners", "name_particles", "et_al",
                    "bracket_notes", "language_notes", "languages", "surname_first_scripts"},
                   "");
  ReferenceLexicon lex;
  lex.cited_in = strings(f, f.doc, "cited_in");
  lex.organization_prefixes = strings(f, f.doc, "organization_prefixes");
  lex.organization_words = strings(f, f.doc, "organization_words");
  lex.venue_words = strings(f, f.doc, "venue_words");
  lex.title_quotes = quote_pairs(f, "title_quotes");
  lex.venue_quotes = quote_pairs(f, "venue_quotes");
  lex.venue_markers = strings(f, f.doc, "venue_markers");
  lex.abbreviations = strings(f, f.doc, "abbreviations");
  lex.numbering_words = strings(f, f.doc, "numbering_words");
  lex.name_joiners = strings(f, f.doc, "name_joiners");
  lex.name_particles = strings(f, f.doc, "name_particles");
  lex.et_al = strings(f, f.doc, "et_al");
  lex.bracket_notes = strings(f, f.doc, "bracket_notes");
  load_dates(lex, f);
  load_languages(lex, f);
  for (const auto* list : {&lex.cited_in, &lex.venue_markers}) {
    for (const auto& s : *list) {
      if (s.empty()) throw LexiconError(f.path + ": error: an empty phrase in a marker list");
    }
  }
  if (fingerprint_input) *fingerprint_input += f.text + '\0';
  return lex;
}

}  // namespace claimgraph::ingest::references
