#include "ingest/lexicon.hpp"


#include <cstdlib>
#include <set>

#include "graph/sha256.hpp"
#include "ingest/actors/name_lexicon.hpp"
#include "ingest/figure_lexicon.hpp"
#include "ingest/json_file.hpp"
#include "ingest/references/references.hpp"
#include "ingest/stance/stance.hpp"
#include "graph/json_reader.hpp"

#ifndef CLAIMGRAPH_LEXICON_DIR
#define CLAIMGRAPH_LEXICON_DIR "corpus/lexicons"
#endif

namespace claimgraph::ingest {
namespace {

using json::JsonFile;
using json::where_key;

void read_json(const std::string& dir, const std::string& name, const FileSystem& fs,
               JsonFile& out) {
  json::read(dir, name, fs, out);
}

void check_keys(const JsonFile& f, const std::set<std::string>& known) {
  json::check_keys(f, f.doc, known, "");
}

std::vector<std::string> string_list(const JsonFile& f, const char* key) {
  if (!f.doc.HasMember(key)) {
    throw LexiconError(f.path + ": error: missing key \"" + key + "\"");
  }
  const auto& v = f.doc[key];
  std::vector<std::string> out;
  if (!v.IsArray()) {
    throw LexiconError(where_key(f.path, f.text, key) + ": error: \"" + key +
                       "\" must be an array of strings");
  }
  for (const auto& s : v.GetArray()) {
    if (!s.IsString()) {
      throw LexiconError(where_key(f.path, f.text, key) + ": error: \"" + key +
                         "\" must hold strings only");
    }
    out.emplace_back(s.GetString(), s.GetStringLength());
  }
  return out;
}

std::vector<FurnitureRule> furniture_rules(const JsonFile& f) {
  if (!f.doc.HasMember("rules") || !f.doc["rules"].IsArray()) {
    throw LexiconError(f.path + ": error: \"rules\" must be an array of rule objects");
  }
  std::vector<FurnitureRule> rules;
  int index = 0;
  for (const auto& r : f.doc["rules"].GetArray()) {
    FurnitureRule rule;
    rule.origin = f.path + ": rules[" + std::to_string(index++) + "]";
    if (!r.IsObject()) throw LexiconError(rule.origin + ": error: a rule is a JSON object");
    for (const auto& m : graph::members(r)) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      const bool is_string = m.value.IsString();
      if (key == "kind" && is_string) {
        rule.kind = m.value.GetString();
      } else if (key == "pattern" && is_string) {
        rule.pattern = m.value.GetString();
      } else if (key == "scope" && is_string) {
        const std::string scope = m.value.GetString();
        if (scope == "paragraph") {
          rule.scope = FurnitureRule::Scope::kParagraph;
        } else if (scope == "to_end") {
          rule.scope = FurnitureRule::Scope::kToEnd;
        } else {
          throw LexiconError(rule.origin + ": error: scope must be \"paragraph\" or \"to_end\"");
        }
      } else if (key == "case_sensitive" && m.value.IsBool()) {
        rule.case_sensitive = m.value.GetBool();
      } else {
        throw LexiconError(rule.origin + ": error: unknown or mistyped key \"" + key + "\"");
      }
    }
    if (rule.kind.empty() || rule.pattern.empty()) {
      throw LexiconError(rule.origin + ": error: a rule needs \"kind\" and \"pattern\"");
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace

Lexicons load_lexicons(const std::string& dir, const FileSystem& fs) {
  Lexicons lex;
  JsonFile segmentation;
  read_json(dir, "segmentation.json", fs, segmentation);
  check_keys(segmentation, {"about", "abbreviations", "clause_words"});
  lex.abbreviations = string_list(segmentation, "abbreviations");
  lex.clause_words = string_list(segmentation, "clause_words");

  JsonFile furniture;
  read_json(dir, "furniture.json", fs, furniture);
  check_keys(furniture, {"about", "rules"});
  lex.furniture = furniture_rules(furniture);

  std::string fingerprint_input = segmentation.text + '\0' + furniture.text + '\0';
  lex.figures = std::make_shared<const FigureLexicon>(
      load_figure_lexicon(dir, fs, &fingerprint_input));
  lex.references = std::make_shared<const references::ReferenceLexicon>(
      references::load_reference_lexicon(dir, fs, &fingerprint_input));
  lex.names = std::make_shared<const actors::NameLexicon>(actors::load_name_lexicon(dir, fs, &fingerprint_input));
  lex.frames = std::make_shared<const stance::FrameLexicon>(stance::load_frame_lexicon(dir, fs, &fingerprint_input));
  JsonFile page;
  read_json(dir, "html.json", fs, page);
  check_keys(page, {"about", "furniture_names", "content_names", "caption_names",
                    "pullquote_names", "author_names", "date_names", "byline_prefixes"});
  lex.page.furniture_names = string_list(page, "furniture_names");
  lex.page.content_names = string_list(page, "content_names");
  lex.page.caption_names = string_list(page, "caption_names");
  lex.page.pullquote_names = string_list(page, "pullquote_names");
  lex.page.author_names = string_list(page, "author_names");
  lex.page.date_names = string_list(page, "date_names");
  lex.page.byline_prefixes = string_list(page, "byline_prefixes");

  fingerprint_input += page.text + '\0';
  lex.fingerprint = graph::sha256_hex(fingerprint_input);
  return lex;
}

std::string default_lexicon_dir() {
  if (const char* env = std::getenv("CLAIMGRAPH_LEXICONS"); env != nullptr && *env != '\0') {
    return env;
  }
  return CLAIMGRAPH_LEXICON_DIR;
}

}  // namespace claimgraph::ingest
