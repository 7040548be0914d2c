#include "ingest/actors/name_lexicon.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "ingest/json_file.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/text_util.hpp"
#include "graph/json_reader.hpp"

namespace claimgraph::ingest::actors {
namespace {

using json::JsonFile;
using json::member;

std::string normalized(std::string_view s) { return fold_case(normalize_nfkc(s)); }

FoldTable fold_table(const JsonFile& f, const rapidjson::Value& parent, const char* key,
                     const std::string& context) {
  const auto& v = member(f, parent, key, context);
  if (!v.IsObject()) {
    throw LexiconError(json::where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" maps spellings to spellings");
  }
  FoldTable t;
  for (const auto& m : graph::members(v)) {
    const std::string from(m.name.GetString(), m.name.GetStringLength());
    if (from.empty() || !m.value.IsString()) {
      throw LexiconError(json::where_key(f.path, f.text, from) + ": error: " + key +
                         ": a fold maps a spelling to a string");
    }
    auto folded = normalized(from);
    t.longest = std::max(t.longest, folded.size());
    t.pairs[std::move(folded)] = normalized({m.value.GetString(), m.value.GetStringLength()});
  }
  return t;
}

std::vector<std::string> folded_strings(const JsonFile& f, const rapidjson::Value& parent,
                                        const char* key, const std::string& context) {
  auto out = json::strings(f, member(f, parent, key, context), key);
  for (auto& s : out) s = normalized(s);
  return out;
}

void load_names(NameLexicon& lex, const JsonFile& f) {
  const auto& d = f.doc;
  json::check_keys(f, d, {"about", "korean_surnames", "romanization_folds", "hangul_latin",
                          "korean_syllables", "korean_loose", "latin_loose", "initial_digraphs",
                          "particles", "titles", "patronymic_endings"},
                   "");
  const auto& surnames = member(f, d, "korean_surnames", "");
  if (!surnames.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, "korean_surnames") +
                       ": error: \"korean_surnames\" must be an array");
  }
  std::size_t i = 0;
  for (const auto& e : surnames.GetArray()) {
    const auto ctx = "korean_surnames[" + std::to_string(i++) + "]";
    json::check_keys(f, e, {"hangul", "spellings"}, ctx);
    KoreanSurname s;
    s.hangul = json::strings(f, member(f, e, "hangul", ctx), ctx + ".hangul");
    s.spellings = json::strings(f, member(f, e, "spellings", ctx), ctx + ".spellings");
    if (s.spellings.empty()) throw LexiconError(f.path + ": error: " + ctx + " needs a spelling");
    for (auto& sp : s.spellings) sp = normalize_nfkc(sp);
    for (auto& h : s.hangul) {
      h = normalize_nfkc(h);
      bool ok = !h.empty();
      for (std::size_t at = 0, next = 0; ok && at < h.size(); at = next) {
        ok = is_hangul_syllable(code_point_at(h, at, &next));
      }
      if (!ok) {
        throw LexiconError(json::where_key(f.path, f.text, h) + ": error: " + ctx + ": \"" + h +
                           "\" is not written in Hangul syllables");
      }
    }
    lex.korean_surnames.push_back(std::move(s));
  }
  lex.romanization_folds = fold_table(f, d, "romanization_folds", "");
  const auto& hangul = member(f, d, "hangul_latin", "");
  json::check_keys(f, hangul, {"onsets", "codas"}, "hangul_latin");
  lex.hangul_onsets = fold_table(f, hangul, "onsets", "hangul_latin");
  lex.hangul_codas = fold_table(f, hangul, "codas", "hangul_latin");
  const auto& syllables = member(f, d, "korean_syllables", "");
  json::check_keys(f, syllables, {"onsets", "vowels", "codas"}, "korean_syllables");
  lex.korean_onsets = folded_strings(f, syllables, "onsets", "korean_syllables");
  lex.korean_vowels = folded_strings(f, syllables, "vowels", "korean_syllables");
  lex.korean_codas = folded_strings(f, syllables, "codas", "korean_syllables");
  if (std::count(lex.korean_vowels.begin(), lex.korean_vowels.end(), "")) {
    throw LexiconError(json::where_key(f.path, f.text, "vowels") +
                       ": error: a Korean syllable's vowel cannot be empty");
  }
  lex.korean_loose = fold_table(f, d, "korean_loose", "");
  lex.latin_loose = fold_table(f, d, "latin_loose", "");
  for (const auto& s : folded_strings(f, d, "initial_digraphs", "")) lex.initial_digraphs.insert(s);
  for (const auto& s : folded_strings(f, d, "particles", "")) lex.particles.insert(s);
  for (const auto& s : folded_strings(f, d, "titles", "")) lex.titles.insert(without(s, '.'));
  lex.patronymic_endings = folded_strings(f, d, "patronymic_endings", "");
}

}  // namespace

std::string normalize_nfkc(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const auto* norm = icu::Normalizer2::getNFKCInstance(status);
  const auto in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  const auto out = U_SUCCESS(status) ? norm->normalize(in, status) : in;
  std::string s;
  (U_SUCCESS(status) ? out : in).toUTF8String(s);
  return s;
}

std::string FoldTable::apply(std::string_view text) const {
  if (pairs.empty()) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool hit = false;
    for (std::size_t len = std::min(longest, text.size() - i); len > 0 && !hit; --len) {
      const auto it = pairs.find(text.substr(i, len));
      if (it != pairs.end()) {
        out += it->second;
        i += len;
        hit = true;
      }
    }
    if (!hit) out.push_back(text[i++]);
  }
  return out;
}

NameLexicon load_name_lexicon(const std::string& dir, const FileSystem& fs,
                              std::string* fingerprint_input) {
  NameLexicon lex;
  JsonFile f;
  json::read(dir, "names.json", fs, f);
  load_names(lex, f);
  if (fingerprint_input) *fingerprint_input += f.text + '\0';
  return lex;
}


}  // namespace claimgraph::ingest::actors
