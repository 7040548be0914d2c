#include "ingest/stance/stance.hpp"

#include <algorithm>
#include <map>

#include "ingest/json_file.hpp"
#include "ingest/lexicon.hpp"

namespace claimgraph::ingest::stance {
namespace {

using graph::Polarity;
using json::JsonFile;
using json::member;

// Phrase kinds of the frame table.
constexpr std::uint16_t kFor = 0;
constexpr std::uint16_t kAgainst = 1;
constexpr std::uint16_t kNegation = 2;
constexpr std::uint16_t kDispute = 3;
constexpr std::uint16_t kHedge = 4;
constexpr std::uint16_t kBreak = 5;
constexpr std::uint16_t kNegationAfter = 6;

void add_words(FrameLexicon& lex, const JsonFile& f, const rapidjson::Value& list,
               const std::string& what, std::uint16_t kind, std::uint32_t payload) {
  for (const auto& w : json::strings(f, list, what)) {
    if (w.empty() || w == "*") {
      throw LexiconError(json::where_key(f.path, f.text, what) + ": error: " + what +
                         ": an empty phrase");
    }
    lex.phrases.add(w, kind, payload);
  }
}

struct Cue {
  std::size_t begin = 0;  // tokens [begin, end)
  std::size_t end = 0;
  std::uint32_t proposition = 0;
  Polarity polarity = Polarity::kFor;
};

}  // namespace

FrameLexicon load_frame_lexicon(const std::string& dir, const FileSystem& fs,
                                std::string* fingerprint_input) {
  FrameLexicon lex;
  JsonFile f;
  json::read(dir, "frames.json", fs, f);
  const auto& d = f.doc;
  json::check_keys(f, d,
                   {"about", "propositions", "negations", "negations_after", "disputes", "hedges",
                    "clause_breaks", "negation_window", "hedge_weight"},
                   "");
  const auto& propositions = member(f, d, "propositions", "");
  if (!propositions.IsArray()) {
    throw LexiconError(json::where_key(f.path, f.text, "propositions") +
                       ": error: \"propositions\" must be an array of {id, text, for, against}");
  }
  for (const auto& p : propositions.GetArray()) {
    const auto ctx = "propositions[" + std::to_string(lex.propositions.size()) + "]";
    if (!p.IsObject()) {
      throw LexiconError(json::where_key(f.path, f.text, "propositions") + ": error: " + ctx +
                         " must be an object");
    }
    json::check_keys(f, p, {"id", "text", "for", "against"}, ctx);
    const auto& id = member(f, p, "id", ctx);
    const auto& text = member(f, p, "text", ctx);
    if (!id.IsString() || id.GetStringLength() == 0 || !text.IsString()) {
      throw LexiconError(json::where_key(f.path, f.text, "id") + ": error: " + ctx +
                         ": \"id\" and \"text\" are strings, the id not empty");
    }
    const auto payload = static_cast<std::uint32_t>(lex.propositions.size());
    lex.propositions.push_back({id.GetString(), text.GetString()});
    add_words(lex, f, member(f, p, "for", ctx), ctx + ".for", kFor, payload);
    add_words(lex, f, member(f, p, "against", ctx), ctx + ".against", kAgainst, payload);
  }
  add_words(lex, f, member(f, d, "negations", ""), "negations", kNegation, 0);
  if (d.HasMember("negations_after")) {
    add_words(lex, f, d["negations_after"], "negations_after", kNegationAfter, 0);
  }
  add_words(lex, f, member(f, d, "disputes", ""), "disputes", kDispute, 0);
  add_words(lex, f, member(f, d, "hedges", ""), "hedges", kHedge, 0);
  add_words(lex, f, member(f, d, "clause_breaks", ""), "clause_breaks", kBreak, 0);
  const auto& window = member(f, d, "negation_window", "");
  if (!window.IsInt() || window.GetInt() < 0 || window.GetInt() > 50) {
    throw LexiconError(json::where_key(f.path, f.text, "negation_window") +
                       ": error: \"negation_window\" is a number of tokens from 0 to 50");
  }
  lex.negation_window = window.GetInt();
  const auto& weight = member(f, d, "hedge_weight", "");
  if (!weight.IsNumber() || weight.GetDouble() <= 0 || weight.GetDouble() > 1) {
    throw LexiconError(json::where_key(f.path, f.text, "hedge_weight") +
                       ": error: \"hedge_weight\" is a number in (0, 1]");
  }
  lex.hedge_weight = weight.GetDouble();
  if (fingerprint_input) *fingerprint_input += f.text + '\0';
  return lex;
}

StanceFinder::StanceFinder(std::shared_ptr<const FrameLexicon> lexicon) : lex_(std::move(lexicon)) {}

std::vector<graph::Stance> StanceFinder::find(std::string_view text, graph::Span span) const {
  std::vector<graph::Stance> out;
  if (lex_->propositions.empty()) return out;
  auto t = tokenize(text, span);
  const auto& phrases = lex_->phrases;
  phrases.index(t);
  const auto at = [&](std::size_t i, std::uint16_t kind) { return phrases.longest(t, i, kind); };

  // Clauses, and what each holds: a dispute word, a hedge. Negations by their first token.
  std::vector<std::size_t> clause(t.size());
  std::vector<bool> negation_at(t.size(), false);
  std::vector<bool> negation_after_at(t.size(), false);  // "강제노동이 아니다": after the cue
  std::vector<bool> disputed{false};
  std::vector<bool> hedged{false};
  std::vector<Cue> cues;
  for (std::size_t i = 0; i < t.size();) {
    if (const auto b = at(i, kBreak)) {
      disputed.push_back(false);
      hedged.push_back(false);
      for (std::size_t k = i; k < b->end; ++k) clause[k] = disputed.size() - 1;
      i = b->end;
      continue;
    }
    clause[i] = disputed.size() - 1;
    // A cue is read before a negation: "can't quit" is a cue, not "can't" + "quit".
    const auto pro = at(i, kFor);
    const auto con = at(i, kAgainst);
    if (pro || con) {
      const bool take_for = pro && (!con || pro->end >= con->end);
      const auto& m = take_for ? *pro : *con;
      cues.push_back({i, m.end, m.entry->payload, take_for ? Polarity::kFor : Polarity::kAgainst});
      for (std::size_t k = i; k < m.end; ++k) clause[k] = disputed.size() - 1;
      i = m.end;
      continue;
    }
    std::size_t next = i + 1;
    if (const auto n = at(i, kNegation)) {
      negation_at[i] = true;
      next = n->end;
    } else if (const auto a = at(i, kNegationAfter)) {
      negation_after_at[i] = true;
      next = a->end;
    } else if (const auto d = at(i, kDispute)) {
      disputed.back() = true;
      next = d->end;
    } else if (const auto h = at(i, kHedge)) {
      hedged.back() = true;
      next = h->end;
    }
    for (std::size_t k = i; k < next; ++k) clause[k] = disputed.size() - 1;
    i = next;
  }

  // Per proposition: the cues' weights summed, for positive, against negative.
  struct Tally {
    double score = 0;
    std::vector<std::pair<Polarity, double>> weights;
    std::vector<graph::Span> spans;
  };
  std::map<std::uint32_t, Tally> tally;
  const auto window = static_cast<std::size_t>(lex_->negation_window);
  for (const auto& c : cues) {
    const auto cl = clause[c.begin];
    bool negated = false;
    for (std::size_t k = c.begin > window ? c.begin - window : 0; k < c.begin; ++k) {
      negated = negated || (negation_at[k] && clause[k] == cl);
    }
    // A negation that follows what it denies (Korean: "강제노동이 아니다", "볼 수 없다"),
    // before the next cue.
    bool after = false;
    for (std::size_t k = c.end; k < t.size() && k < c.end + window && !after; ++k) {
      if (clause[k] != cl) break;
      if (std::any_of(cues.begin(), cues.end(), [&](const Cue& o) { return o.begin == k; })) break;
      after = negation_after_at[k];
    }
    negated = negated != after;
    const bool flip = negated != disputed[cl];
    const auto polarity =
        flip ? (c.polarity == Polarity::kFor ? Polarity::kAgainst : Polarity::kFor) : c.polarity;
    const double weight = hedged[cl] ? lex_->hedge_weight : 1.0;
    auto& x = tally[c.proposition];
    x.score += polarity == Polarity::kFor ? weight : -weight;
    x.weights.emplace_back(polarity, weight);
    x.spans.push_back(graph::Span{t[c.begin].span.begin, t[c.end - 1].span.end});
  }
  for (const auto& [proposition, x] : tally) {
    if (x.score == 0) continue;
    graph::Stance s;
    s.proposition = lex_->propositions[proposition].id;
    s.polarity = x.score > 0 ? Polarity::kFor : Polarity::kAgainst;
    s.weight = 0;
    for (std::size_t k = 0; k < x.weights.size(); ++k) {
      if (x.weights[k].first != s.polarity) continue;
      s.weight = std::max(s.weight, x.weights[k].second);
      s.cues.push_back(x.spans[k]);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace claimgraph::ingest::stance
