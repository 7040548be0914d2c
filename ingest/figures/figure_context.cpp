#include "ingest/figures/figure_context.hpp"

#include <algorithm>
#include <map>

#include "ingest/actors/attribution.hpp"
#include "ingest/text_util.hpp"

namespace claimgraph::ingest::figures {
namespace {

using graph::Span;

// A counted noun phrase: its head measure and the demonym that qualifies it.
struct NounPhrase {
  std::size_t token = 0;  // where its head starts
  std::optional<std::size_t> measure;
  std::optional<std::size_t> demonym;  // place index of a demonym ("North Korean")
  bool people = false;                 // persons in general, or a demonym plural
  bool pronoun = false;
  // A counted noun no lexicon knows ("Filipino nurses", "용접공은"): its word, the measure's
  // key ("nurses", "용접공"), without case endings and particles.
  std::string word;
};

struct Evidence {
  std::size_t token = 0;
  std::string place;
  int strength = 0;  // 3 alias or relative word, 1 adjective
};

struct TimeSpan {
  std::size_t token = 0;
  std::optional<std::string> from;
  std::optional<std::string> to;
};

struct Sentence {
  std::vector<Token> tokens;
  std::vector<std::pair<std::size_t, std::size_t>> clauses;  // token ranges
  std::vector<Evidence> places;
  std::vector<TimeSpan> times;
  std::vector<NounPhrase> nouns;
  // Where the counted come from: (token, place index) of "from North Korea", "из КНДР".
  std::vector<std::pair<std::size_t, std::size_t>> origins;
  actors::Attribution attribution;  // who the sentence's statement belongs to
};

class Resolver {
 public:
  Resolver(std::string_view text, const FigureLexicon& lex, const std::optional<std::string>& date,
           Span dateline)
      : text_(text), lex_(lex), date_(date), dateline_(dateline) {}

  std::vector<std::vector<FigureFacts>> run(const std::vector<SentenceFigures>& input,
                                            std::vector<actors::Attribution>* attributions);

 private:
  const PhraseTable& phrases() const { return lex_.phrases; }
  std::optional<PhraseTable::Match> at(const std::vector<Token>& t, std::size_t i,
                                       std::uint16_t kind) const {
    if (i >= t.size()) return std::nullopt;
    auto m = phrases().longest(t, i, kind);
    if (m && m->rest > 0 && !particle_rest(phrases(), t, *m)) return std::nullopt;
    if (!m && kind == kMeasureNoun && t[i].script == TokenScript::kHangul) return compound_head(t, i);
    return m;
  }
  std::optional<std::size_t> ending_at(const std::vector<Token>& t, std::size_t end,
                                       std::uint16_t kind) const {
    for (std::size_t back = std::min<std::size_t>(end, 5); back >= 1; --back) {
      for (const auto& m : phrases().all(t, end - back, kind, end)) {
        if (m.end == end && m.rest == 0) return end - back;
      }
    }
    return std::nullopt;
  }

  // A Korean compound whose last noun, of two syllables or more, is a measure's: "계절근로자"
  // (seasonal + worker), "외국인유학생"; particles may follow it.
  std::optional<PhraseTable::Match> compound_head(const std::vector<Token>& t, std::size_t i) const {
    constexpr std::size_t kSyllable = 3;  // a Hangul syllable's UTF-8 bytes
    const std::string& w = t[i].folded;
    for (std::size_t from = kSyllable; from + 2 * kSyllable <= w.size(); from += kSyllable) {
      const auto p = phrases().prefix_of(std::string_view(w).substr(from), kMeasureNoun);
      if (!p || p->first->words.size() != 1 || p->second < 2 * kSyllable) continue;
      PhraseTable::Match m{p->first, i + 1, static_cast<std::uint32_t>(w.size() - from - p->second)};
      if (m.rest == 0 || particle_rest(phrases(), t, m)) return m;
    }
    return std::nullopt;
  }
  void find_clauses(Sentence& s) const;
  void find_places(Sentence& s, const std::vector<FoundFigure>& figures) const;
  void find_times(Sentence& s, const std::vector<FoundFigure>& figures) const;
  // A year with the month and day written around it: "2017-07" for "July 2017".
  std::string date_of(const std::vector<Token>& t, std::size_t i, int year, std::size_t* end) const;
  void find_nouns(Sentence& s) const;
  // A place the gazetteer lacks, named after a locative word: "in the Almaty region", "в
  // Новосибирской области" -> ("~almaty", token past it). Capitalized words known as nothing
  // else, at most three, and a kind of place after them if any.
  std::optional<std::pair<std::string, std::size_t>> unknown_place(const std::vector<Token>& t,
                                                                   std::size_t i) const;
  // A Korean place name the gazetteer lacks: three syllables or more ending in a place suffix,
  // then a particle ("홍천군에서" -> "~홍천군").
  std::optional<std::string> korean_unknown_place(const std::vector<Token>& t, std::size_t i) const {
    constexpr std::size_t kSyllable = 3;
    if (t[i].script != TokenScript::kHangul || t[i].kind != TokenKind::kWord) return std::nullopt;
    const std::string& w = t[i].folded;
    // "거제 지역": a name with a kind of place after it.
    if (w.size() >= 2 * kSyllable && i + 1 < t.size() && at(t, i + 1, kPlaceKind) &&
        !at(t, i, kMeasureNoun) && !at(t, i, kPlaceAlias)) {
      return "~" + w;
    }
    for (const auto& suffix : lex_.korean_place_suffixes) {
      for (std::size_t end = 3 * kSyllable; end < w.size(); end += kSyllable) {
        if (w.compare(end - suffix.size(), suffix.size(), suffix) != 0) continue;
        PhraseTable::Match m{nullptr, i + 1, static_cast<std::uint32_t>(w.size() - end)};
        if (particle_rest(phrases(), t, m)) return "~" + w.substr(0, end);
      }
    }
    return std::nullopt;
  }
  // The place alias `a` at token i names where the counted come from: an origin word before
  // it ("from", "из") or after it ("출신", "에서 온").
  bool origin_at(const std::vector<Token>& t, std::size_t i, const PhraseTable::Match& a) const;
  // A noun of persons ends right before token i ("граждан КНДР").
  bool persons_before(const std::vector<Token>& t, std::size_t i) const;
  // The place an origin or genitive after a noun ending at `end` names: "workers from North
  // Korea", "рабочих из КНДР", "граждан КНДР".
  std::optional<std::size_t> origin_after_noun(const std::vector<Token>& t, std::size_t end) const;
  // The status of what the figure counts (measures.json statuses) in the tokens [b, e), the
  // nearest to token `near`; Hangul words match at a word's start.
  std::optional<std::size_t> status_in(const Sentence& s, std::size_t b, std::size_t e,
                                       std::size_t near) const;
  // Whether the noun's measure may be what the figure counts, by unit: money counts money (a
  // measure without a unit of its own); a counted unit ("persons", "countries") counts that
  // unit's measures only; other units (years, percent, tons) any.
  bool fits_unit(const FoundFigure& fig, const NounPhrase& np) const;
  // The one measure counted in `unit` ("countries"), if one alone is.
  std::optional<std::size_t> measure_of_unit(const std::string& unit) const;
  // What the figure counts when no lexicon knows the noun: the noun after it ("2,900 Nigerian
  // nurses", "18 тысяч вахтовиков"), or before it with a subject particle in Korean
  // ("우즈베키스탄 용접공은 600명으로").
  std::optional<NounPhrase> unknown_counted_after(const std::vector<Token>& t,
                                                  const FoundFigure& fig) const;
  std::optional<NounPhrase> unknown_counted_before(const std::vector<Token>& t,
                                                   const FoundFigure& fig) const;
  // A Korean country name with no particle before a noun is a nationality ("몽골 국적",
  // "캄보디아 청년들"), unless the noun is a kind of place ("북한 안에서", "충북 지역").
  bool nationality_before_noun(const std::vector<Token>& t, const PhraseTable::Match& a) const {
    return lex_.places[a.entry->payload].country && t[a.end - 1].script == TokenScript::kHangul &&
           a.rest == 0 && a.end < t.size() && t[a.end].script == TokenScript::kHangul &&
           t[a.end].kind == TokenKind::kWord && !at(t, a.end, kPlaceKind);
  }
  // The status of what the figure counts (sent, planned, interviewed…) said within a few words
  // of it in its clause, as a key suffix ("-sent"), or "". Later in the clause, "многие из них
  // въехали по визам" says how some of them came, not what the figure counts.
  std::string status_suffix(const Sentence& s, std::size_t clause, const FoundFigure& fig) const {
    constexpr std::size_t kStatusReach = 6;
    const auto [cb, ce] = s.clauses[clause];
    const std::size_t b = std::max(cb, fig.before_token > kStatusReach ? fig.before_token - kStatusReach : 0);
    const std::size_t e = std::min(ce, fig.after_token + kStatusReach);
    const auto st = status_in(s, b, e, fig.before_token);
    return st ? "-" + lex_.statuses[*st] : std::string();
  }
  // The figure is followed by a word that may be what it counts, which no lexicon knows.
  bool unknown_noun_after(const std::vector<Token>& t, const FoundFigure& fig) const;

  std::optional<std::size_t> people_after(const std::vector<Token>& t, std::size_t end) const;
  std::optional<NounPhrase> chain_after(const Sentence& s, std::size_t k) const;
  std::optional<NounPhrase> chain_before(const Sentence& s, std::size_t k) const;
  // The measure key of a noun phrase, and the measure it resolved to.
  // `from_topic` is set when the measure is the document's for the noun's people, not the
  // sentence's.
  std::string key_of(const NounPhrase& np, const Sentence& s, std::size_t clause,
                     std::optional<std::size_t>* resolved, bool* from_topic = nullptr) const;
  std::size_t clause_of(const Sentence& s, std::size_t token) const;

  std::string_view text_;
  const FigureLexicon& lex_;
  std::optional<std::string> date_;
  Span dateline_;  // where the reporter wrote from places nothing
  // How often each (demonym, measure) pair occurs in the document: what "North Koreans"
  // means when the sentence doesn't say.
  std::map<std::pair<std::size_t, std::size_t>, int> topic_;
};

bool inside_figure(const std::vector<FoundFigure>& figures, std::size_t token) {
  for (const auto& f : figures) {
    if (token >= f.before_token && token < f.after_token) return true;
  }
  return false;
}

std::string year_of(const std::optional<std::string>& date) {
  return date ? date->substr(0, 4) : std::string();
}

void Resolver::find_clauses(Sentence& s) const {
  const auto& t = s.tokens;
  std::size_t start = 0;
  bool inserted = false;  // inside ", which ...,": the clause closes at the next comma
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool hard = at(t, i, kClauseBreak).has_value() && t[i].kind == TokenKind::kPunct;
    const bool soft = i > 0 && t[i - 1].folded == "," && at(t, i, kClauseBreakComma).has_value();
    const bool closes = inserted && t[i].folded == ",";
    if ((hard || soft || closes) && i > start) {
      s.clauses.emplace_back(start, i);
      start = i;
    }
    if (soft) inserted = true;
    if (closes || hard) inserted = false;
  }
  s.clauses.emplace_back(start, t.size());
}

std::size_t Resolver::clause_of(const Sentence& s, std::size_t token) const {
  for (std::size_t c = 0; c < s.clauses.size(); ++c) {
    if (token >= s.clauses[c].first && token < s.clauses[c].second) return c;
  }
  return s.clauses.empty() ? 0 : s.clauses.size() - 1;
}

void Resolver::find_places(Sentence& s, const std::vector<FoundFigure>& figures) const {
  const auto& t = s.tokens;
  // "…, according to a report by an institute based in Poznań": a source named after every
  // figure of its sentence, with all that follows, describes the source and places nothing.
  std::uint32_t source_tail = UINT32_MAX;
  if (!s.attribution.phrase.empty() && !figures.empty() &&
      figures.back().span.end <= s.attribution.phrase.begin && s.attribution.whole_sentence) {
    source_tail = s.attribution.phrase.begin;
  }
  for (std::size_t i = 0; i < t.size();) {
    if (t[i].span.begin >= source_tail) break;
    // A source's name ("North Korea in the World") places nothing.
    const auto within = [&](Span outer) {
      return !outer.empty() && t[i].span.begin >= outer.begin && t[i].span.end <= outer.end;
    };
    if (inside_figure(figures, i) || within(s.attribution.source) || within(dateline_) ||
        within(s.attribution.underlying_span)) {
      ++i;
      continue;
    }
    if (auto r = at(t, i, kRelativePlace)) {
      s.places.push_back({i, lex_.relatives[r->entry->payload], 3});
      i = r->end;
      continue;
    }
    if (auto named = unknown_place(t, i)) {
      s.places.push_back({i, named->first, 2});
      i = named->second;
      continue;
    }
    // "за пределами Москвы", "outside Moscow": not where the counted are.
    if (auto o = at(t, i, kOutside)) {
      std::size_t k = o->end;
      if (k < t.size() && t[k].folded == "the") ++k;
      if (auto a = at(t, k, kPlaceAlias)) {
        i = a->end;
        continue;
      }
    }
    if (auto a = at(t, i, kPlaceAlias)) {
      // "Sakhalin-1" names a project, not the island.
      const bool numbered = a->end + 1 < t.size() && t[a->end].folded == "-" &&
                            !t[a->end].space_before && t[a->end + 1].kind == TokenKind::kNumber;
      // A country's name before what is counted qualifies it: "DPRK workers", "북한 노동자";
      // so does where the counted come from ("from North Korea", "북한 출신"), and a country
      // named right after persons ("граждан КНДР").
      const bool origin = origin_at(t, i, *a);
      if (origin && lex_.places[a->entry->payload].country) {
        s.origins.emplace_back(i, a->entry->payload);
      }
      // A Korean name with no particle before a noun is a nationality ("캄보디아 청년들"); a
      // place takes a particle ("러시아에", "연해주의").
      const bool bare_hangul = nationality_before_noun(t, *a);
      // ("충북 지역": a kind of place after the name keeps it a place.)
      const bool kind_after = at(t, a->end, kPlaceKind).has_value();
      const bool qualifier = (at(t, a->end, kMeasureNoun).has_value() && !kind_after) || origin ||
                             persons_before(t, i) || bare_hangul;
      if (!numbered && !qualifier) s.places.push_back({i, lex_.places[a->entry->payload].name, 3});
      i = a->end;
      continue;
    }
    if (auto d = at(t, i, kPlaceAdjective)) {
      // An adjective before what a figure counts is a demonym ("North Korean workers").
      const bool counted = at(t, d->end, kMeasureNoun).has_value() ||
                           (d->end + 1 < t.size() && at(t, d->end + 1, kMeasureNoun).has_value() &&
                            t[d->end].kind == TokenKind::kWord);
      if (!counted && !at(t, i, kDemonym)) s.places.push_back({i, lex_.places[d->entry->payload].name, 1});
      i = d->end;
      continue;
    }
    if (auto named = korean_unknown_place(t, i)) {
      s.places.push_back({i, *named, 2});
      ++i;
      continue;
    }
    ++i;
  }
  // "back home" is the home of whoever is counted: the sentence's demonym.
  for (auto& e : s.places) {
    if (e.place != "home") continue;
    e.place.clear();
    for (const auto& np : s.nouns) {
      if (np.demonym) e.place = lex_.places[*np.demonym].name;
    }
  }
  std::erase_if(s.places, [](const Evidence& e) { return e.place.empty(); });
}

std::string Resolver::date_of(const std::vector<Token>& t, std::size_t i, int year,
                              std::size_t* end) const {
  auto two = [](int n) { return (n < 10 ? "-0" : "-") + std::to_string(n); };
  auto day_at = [&](std::size_t k) {
    return k < t.size() && t[k].kind == TokenKind::kNumber && !t[k].grouped &&
           t[k].decimals == 0 && t[k].value >= 1 && t[k].value <= 31;
  };
  std::string out = std::to_string(year);
  // "March 2016", "28 марта 2016", "March 28, 2016".
  for (std::size_t back = std::min<std::size_t>(i, 3); back >= 1; --back) {
    const std::size_t st = i - back;
    for (const auto& m : phrases().all(t, st, kMonth, i)) {
      if (m.end == i) {
        out += two(static_cast<int>(m.entry->payload));
        if (st > 0 && day_at(st - 1)) out += two(static_cast<int>(t[st - 1].value));
        return out;
      }
    }
  }
  if (i >= 2 && t[i - 1].folded == "," && day_at(i - 2)) {
    for (std::size_t back = std::min<std::size_t>(i - 2, 3); back >= 1; --back) {
      for (const auto& m : phrases().all(t, i - 2 - back, kMonth, i - 2)) {
        if (m.end == i - 2) {
          return out + two(static_cast<int>(m.entry->payload)) +
                 two(static_cast<int>(t[i - 2].value));
        }
      }
    }
  }
  // "2016년 3월 28일": the month's number with its suffix after the year.
  std::size_t k = *end;
  if (k + 1 < t.size() && t[k].kind == TokenKind::kNumber && t[k].value >= 1 &&
      t[k].value <= 12 && t[k + 1].script == TokenScript::kHangul && !t[k + 1].space_before &&
      phrases().prefix_of(t[k + 1].folded, kMonthSuffix)) {
    out += two(static_cast<int>(t[k].value));
    *end = k + 2;
    if (day_at(*end) && *end + 1 < t.size() && !t[*end + 1].space_before &&
        t[*end + 1].script == TokenScript::kHangul) {
      out += two(static_cast<int>(t[*end].value));
      *end += 2;
    }
  }
  return out;
}

void Resolver::find_times(Sentence& s, const std::vector<FoundFigure>& figures) const {
  const auto& t = s.tokens;
  // A year or decade at token i: its first and last year.
  auto year_at = [&](std::size_t i, int* first, int* last, std::size_t* end) {
    if (i >= t.size() || t[i].kind != TokenKind::kNumber || inside_figure(figures, i)) return false;
    const Token& n = t[i];
    if (n.grouped || n.decimals != 0 || n.digits != 4 || n.value < lex_.year_min ||
        n.value > lex_.year_max) {
      return false;
    }
    *first = *last = static_cast<int>(n.value);
    *end = i + 1;
    if (auto d = at(t, i + 1, kDecadeSuffix); d && (!t[i + 1].space_before || t[i + 1].folded == "’")) {
      *last = *first + 9;
      *end = d->end;
    }
    if (auto w = at(t, *end, kDateWord)) *end = w->end;
    return true;
  };
  for (std::size_t i = 0; i < t.size();) {
    // A dateline's date is the article's, not what its sentence is about.
    if (!dateline_.empty() && t[i].span.begin >= dateline_.begin && t[i].span.end <= dateline_.end) {
      ++i;
      continue;
    }
    int a0, a1;
    std::size_t end;
    const auto since = ending_at(t, i, kSince);
    if (year_at(i, &a0, &a1, &end)) {
      // A range: "2010-2016", "from the 1970s to the 1990s", "between 2006 and 2015".
      std::size_t k = end;
      if (k < t.size() && t[k].folded == "the") ++k;
      if (k < t.size() && (t[k].folded == "-" || t[k].folded == "–" || t[k].folded == "to" ||
                           t[k].folded == "and" || t[k].folded == "до" || t[k].folded == "по" ||
                           t[k].folded == "~")) {
        std::size_t j = k + 1;
        if (j < t.size() && t[j].folded == "the") ++j;
        int b0, b1;
        std::size_t end2;
        if (year_at(j, &b0, &b1, &end2) && b1 >= a0) {
          s.times.push_back({i, std::to_string(a0), std::to_string(b1)});
          i = end2;
          continue;
        }
      }
      const std::string when = a0 == a1 ? date_of(t, i, a0, &end) : std::to_string(a0);
      if (since) {
        s.times.push_back({i, when, date_ ? std::optional(*date_) : std::nullopt});
      } else {
        s.times.push_back({i, when, a0 == a1 ? when : std::to_string(a1)});
      }
      i = end;
      continue;
    }
    if (auto e = at(t, i, kEvent)) {
      const auto& ev = lex_.events[e->entry->payload];
      if (since) {
        s.times.push_back({i, ev.from, date_ ? std::optional(*date_) : std::nullopt});
      } else {
        s.times.push_back({i, ev.from, ev.to});
      }
      i = e->end;
      continue;
    }
    if (auto p = at(t, i, kPresent)) {
      // "2023년 말 현재" (as of the end of 2023): the present word dates nothing of its own
      // right after a time.
      bool after_year = false;
      for (std::size_t k = i > 3 ? i - 3 : 0; k < i; ++k) {
        after_year = after_year || (t[k].kind == TokenKind::kNumber && t[k].digits == 4 && !t[k].grouped &&
                                    t[k].value >= lex_.year_min && t[k].value <= lex_.year_max);
      }
      if (!after_year) s.times.push_back({i, date_, date_});
      i = p->end;
      continue;
    }
    // "last year", "в прошлом году", "지난해": a year counted from the document's date (none
    // when the document has no date).
    if (auto r = at(t, i, kRelativeYear); r && r->rest == 0) {
      if (date_ && date_->size() >= 4) {
        const int year = std::stoi(date_->substr(0, 4)) + lex_.relative_years[r->entry->payload];
        s.times.push_back({i, std::to_string(year), std::to_string(year)});
      }
      i = r->end;
      continue;
    }
    ++i;
  }
}

bool Resolver::origin_at(const std::vector<Token>& t, std::size_t i,
                         const PhraseTable::Match& a) const {
  if (i > 0 && ending_at(t, i, kOriginBefore)) return true;
  // The rest of the alias's last word, then the words after it: "북한|에서 온".
  const std::string& last = t[a.end - 1].folded;
  const std::string rest = last.substr(last.size() - a.rest);
  for (const auto& words : lex_.origin_after) {
    std::size_t k = a.end;
    std::size_t w = 0;
    if (!rest.empty()) {
      if (words[0] != rest) continue;
      w = 1;
    }
    bool ok = true;
    for (; w < words.size() && ok; ++w, ++k) {
      ok = k < t.size() && t[k].folded.compare(0, words[w].size(), words[w]) == 0;
    }
    if (ok) return true;
  }
  return false;
}

std::optional<std::pair<std::string, std::size_t>> Resolver::unknown_place(
    const std::vector<Token>& t, std::size_t i) const {
  const auto loc = at(t, i, kLocative);
  if (!loc || loc->rest > 0) return std::nullopt;
  std::size_t k = loc->end;
  if (k < t.size() && t[k].folded == "the") ++k;
  // "в вузы Свердловской области": a common noun, then the name with its kind of place.
  bool needs_kind = false;
  for (std::size_t skip = 1; skip <= 2 && !needs_kind; ++skip) {
    bool lower = k + skip < t.size() && t[k + skip].capitalized;
    for (std::size_t q = k; q < k + skip && lower; ++q) {
      lower = t[q].kind == TokenKind::kWord && !t[q].capitalized && t[q].script == TokenScript::kCyrillic;
    }
    if (lower) {
      k += skip;
      needs_kind = true;
    }
  }
  std::string key;
  std::size_t m = k;
  for (; m < t.size() && m < k + 3; ++m) {
    const Token& w = t[m];
    if (w.kind != TokenKind::kWord || !w.capitalized ||
        (w.script != TokenScript::kLatin && w.script != TokenScript::kCyrillic)) {
      break;
    }
    bool known = false;
    for (const std::uint16_t kind : {kPlaceAlias, kPlaceAdjective, kDemonym, kMonth, kActorAlias,
                                     kOrganizationWord, kNotNameStart, kPlaceKind, kRelativePlace,
                                     kMeasureNoun, kGroupWord, kEvent}) {
      known = known || at(t, m, kind).has_value();
    }
    if (known) break;
    key += (key.empty() ? "~" : " ") + russian_stem(w.folded);
  }
  if (key.empty() || (m < t.size() && at(t, m, kPlaceAlias))) return std::nullopt;
  if (auto kind = at(t, m, kPlaceKind)) return std::make_pair(key, kind->end);
  if (needs_kind) return std::nullopt;
  // "in Almaty's building boom", "in the Almaty construction workers": no place.
  if (m < t.size() && (t[m].folded == "’" || t[m].folded == "'" || at(t, m, kMeasureNoun))) {
    return std::nullopt;
  }
  return std::make_pair(key, m);
}

bool Resolver::persons_before(const std::vector<Token>& t, std::size_t i) const {
  for (std::size_t back = std::min<std::size_t>(i, 4); back >= 1; --back) {
    for (const auto& m : phrases().all(t, i - back, kMeasureNoun, i)) {
      if (m.end == i && m.rest == 0 && lex_.measures[m.entry->payload].unit == "persons") return true;
    }
  }
  return false;
}

std::optional<std::size_t> Resolver::origin_after_noun(const std::vector<Token>& t,
                                                       std::size_t end) const {
  // Right after the noun ("граждан КНДР"), or an origin word within a few words of it, in
  // its clause ("workers were sent from North Korea").
  if (auto a = at(t, end, kPlaceAlias); a && lex_.places[a->entry->payload].country) {
    return a->entry->payload;
  }
  for (std::size_t k = end; k < t.size() && k < end + 4; ++k) {
    if (t[k].kind == TokenKind::kPunct || at(t, k, kClauseBreakComma)) break;
    if (auto o = at(t, k, kOriginBefore)) {
      if (auto a = at(t, o->end, kPlaceAlias); a && lex_.places[a->entry->payload].country) {
        return a->entry->payload;
      }
      break;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> Resolver::status_in(const Sentence& s, std::size_t b, std::size_t e,
                                               std::size_t near) const {
  const auto& t = s.tokens;
  std::optional<std::size_t> best;
  std::size_t best_distance = SIZE_MAX;
  const auto within = [&](std::size_t i, Span outer) {
    return !outer.empty() && t[i].span.begin >= outer.begin && t[i].span.end <= outer.end;
  };
  for (std::size_t i = b; i < e && i < t.size(); ++i) {
    // Who said it is not what is counted: "workers interviewed by Reuters said".
    if (within(i, s.attribution.source) || within(i, s.attribution.underlying_span)) continue;
    const auto m = phrases().longest(t, i, kMeasureStatus);
    if (!m || (m->rest > 0 && t[m->end - 1].script != TokenScript::kHangul)) continue;
    const std::size_t d = i < near ? near - i : i - near;
    if (d < best_distance) {
      best_distance = d;
      best = m->entry->payload;
    }
  }
  return best;
}

bool Resolver::fits_unit(const FoundFigure& fig, const NounPhrase& np) const {
  if (fig.unit.empty() || !np.measure) return true;
  const std::string& unit = lex_.measures[*np.measure].unit;
  if (std::find(lex_.currencies.begin(), lex_.currencies.end(), fig.unit) != lex_.currencies.end()) {
    return unit.empty();
  }
  // Time units (figures.json ratio_words.not_of_units) measure spans, not things counted:
  // "five-year contracts" are contracts.
  const bool counted = lex_.not_ratio_units.count(fig.unit) == 0 &&
                       std::any_of(lex_.measures.begin(), lex_.measures.end(),
                                   [&](const Measure& m) { return m.unit == fig.unit; });
  return !counted || unit == fig.unit || (np.people && fig.unit == "persons");
}

std::optional<std::size_t> Resolver::measure_of_unit(const std::string& unit) const {
  std::optional<std::size_t> found;
  for (std::size_t m = 0; m < lex_.measures.size(); ++m) {
    if (unit.empty() || lex_.not_ratio_units.count(unit) > 0 || lex_.measures[m].unit != unit) continue;
    if (found) return std::nullopt;
    found = m;
  }
  return found;
}

std::optional<NounPhrase> Resolver::unknown_counted_after(const std::vector<Token>& t,
                                                          const FoundFigure& fig) const {
  if (!fig.unit.empty()) return std::nullopt;
  std::optional<std::size_t> demonym;
  std::size_t k = fig.after_token;
  for (; k < t.size(); ) {
    if (auto d = at(t, k, kPlaceAdjective)) {
      demonym = d->entry->payload;
      k = d->end;
    } else if (auto d2 = at(t, k, kDemonym)) {
      demonym = d2->entry->payload;
      k = d2->end;
    } else {
      break;
    }
  }
  static constexpr std::string_view kAdjectiveEndings[] = {"ых", "их", "ого", "его", "ой", "ая", "ые", "ие", "ую"};
  for (std::size_t n = 0; k < t.size() && n < 3; ++k, ++n) {
    const Token& w = t[k];
    if (w.kind != TokenKind::kWord || (w.script != TokenScript::kLatin && w.script != TokenScript::kCyrillic)) break;
    if (at(t, k, kAfterCount) || at(t, k, kNpLink) || at(t, k, kReportVerb) || at(t, k, kMeasurePredicate) ||
        at(t, k, kMeasureStatus) || at(t, k, kPlaceAlias) || at(t, k, kMonth)) {
      break;
    }
    const std::string& f = w.folded;
    bool noun = false;
    if (w.script == TokenScript::kLatin) {
      // An English count's noun is plural: "nurses", not "skilled" or "joined".
      noun = f.size() > 3 && f.back() == 's' && f[f.size() - 2] != 's';
    } else {
      noun = std::none_of(std::begin(kAdjectiveEndings), std::end(kAdjectiveEndings),
                          [&](std::string_view e) { return f.size() > e.size() + 2 && f.ends_with(e); });
    }
    if (!noun) continue;
    NounPhrase np;
    np.token = k;
    np.demonym = demonym;
    np.word = w.script == TokenScript::kCyrillic ? russian_stem(f) : f;
    return np;
  }
  return std::nullopt;
}

std::optional<NounPhrase> Resolver::unknown_counted_before(const std::vector<Token>& t,
                                                           const FoundFigure& fig) const {
  const std::size_t k = fig.before_token;
  if (k == 0 || t[k - 1].script != TokenScript::kHangul || t[k - 1].kind != TokenKind::kWord) {
    return std::nullopt;
  }
  const std::string& w = t[k - 1].folded;
  std::string_view particle;
  for (const auto& p : lex_.subject_particles) {
    if (w.size() > p.size() + 3 && w.ends_with(p)) particle = p;
  }
  if (particle.empty()) return std::nullopt;
  NounPhrase np;
  np.token = k - 1;
  np.word = w.substr(0, w.size() - particle.size());
  // "우즈베키스탄 용접공은", "베트남 출신 결혼이민자는": the nationality before the noun, over an
  // origin word.
  std::size_t name_end = k - 1;
  if (name_end >= 1) {
    for (const auto& words : lex_.origin_after) {
      if (words.size() == 1 && t[name_end - 1].folded.rfind(words[0], 0) == 0) --name_end;
    }
  }
  if (name_end >= 1) {
    for (std::size_t back = std::min<std::size_t>(name_end, 3); back >= 1 && !np.demonym; --back) {
      for (const std::uint16_t kind : {kPlaceAdjective, kDemonym, kPlaceAlias}) {
        for (const auto& m : phrases().all(t, name_end - back, kind, name_end)) {
          if (m.end == name_end && m.rest == 0) np.demonym = m.entry->payload;
        }
      }
    }
  }
  return np;
}

bool Resolver::unknown_noun_after(const std::vector<Token>& t, const FoundFigure& fig) const {
  const std::size_t k = fig.after_token;
  if (!fig.unit.empty() || k >= t.size() || t[k].kind != TokenKind::kWord) return false;
  if (t[k].script != TokenScript::kLatin && t[k].script != TokenScript::kCyrillic) return false;
  for (const std::uint16_t kind : {kAfterCount, kNpLink, kPronoun, kMeasurePredicate, kMeasureNoun,
                                   kDemonym, kPlaceAdjective, kPlaceAlias, kRelativePlace,
                                   kPresent, kSince, kUntil, kMonth, kReportVerb, kRelativeYear,
                                   kOriginBefore}) {
    if (at(t, k, kind)) return false;
  }
  return true;
}

void Resolver::find_nouns(Sentence& s) const {
  const auto& t = s.tokens;
  std::optional<std::size_t> pending_demonym;
  std::size_t demonym_end = 0;
  for (std::size_t i = 0; i < t.size();) {
    if (auto m = at(t, i, kMeasureNoun)) {
      NounPhrase np;
      np.token = i;
      np.measure = m->entry->payload;
      np.people = lex_.measures[*np.measure].people;
      if (pending_demonym && i - demonym_end <= 2) np.demonym = pending_demonym;
      if (!np.demonym) np.demonym = people_after(t, m->end);
      if (!np.demonym && lex_.measures[*np.measure].unit == "persons") {
        np.demonym = origin_after_noun(t, m->end);
      }
      s.nouns.push_back(np);
      pending_demonym.reset();
      i = m->end;
      continue;
    }
    if (auto d = at(t, i, kDemonym)) {
      // An adjective form before a noun qualifies it; a plural alone is people.
      const bool adjective = at(t, i, kPlaceAdjective) && at(t, i, kPlaceAdjective)->end == d->end;
      if (adjective && d->end < t.size() && t[d->end].kind == TokenKind::kWord &&
          !at(t, d->end, kNpLink)) {
        pending_demonym = d->entry->payload;
        demonym_end = d->end;
      } else {
        NounPhrase np;
        np.token = i;
        np.demonym = d->entry->payload;
        np.people = true;
        s.nouns.push_back(np);
      }
      i = d->end;
      continue;
    }
    if (auto a = at(t, i, kPlaceAdjective)) {
      pending_demonym = a->entry->payload;
      demonym_end = a->end;
      i = a->end;
      continue;
    }
    // "몽골 국적 계절근로자": a Korean country name with no particle before a noun is a
    // nationality, as an adjective is.
    if (auto a = at(t, i, kPlaceAlias); a && nationality_before_noun(t, *a)) {
      pending_demonym = a->entry->payload;
      demonym_end = a->end;
      i = a->end;
      continue;
    }
    // "북한 출신 노동자", "북한에서 온 노동자": an origin before the noun qualifies it.
    if (auto a = at(t, i, kPlaceAlias); a && lex_.places[a->entry->payload].country &&
                                        !lex_.origin_after.empty() && origin_at(t, i, *a) &&
                                        !ending_at(t, i, kOriginBefore)) {
      pending_demonym = a->entry->payload;
      std::size_t k = a->end;
      while (k < t.size() && k < a->end + 3 && !at(t, k, kMeasureNoun)) ++k;
      demonym_end = k;
      i = a->end;
      continue;
    }
    ++i;
  }
}

std::optional<std::size_t> Resolver::people_after(const std::vector<Token>& t,
                                                   std::size_t end) const {
  // A people after the noun qualifies it: "work permits to South Koreans", "a quota of
  // permits for North Korean laborers", "permits were granted to North Korean citizens" (a
  // link word and a demonym within a few words, in the same clause).
  for (std::size_t i = end; i < t.size() && i < end + 4; ++i) {
    if (t[i].kind == TokenKind::kPunct || t[i].kind == TokenKind::kNumber) break;
    // "разрешений на работу гражданам КНДР": persons with their country's name right after the
    // noun (or a link word).
    const bool adjacent = i == end || (i == end + 1 && at(t, end, kNpLink));
    if (const auto p = at(t, i, kMeasureNoun); adjacent && p && lex_.measures[p->entry->payload].people) {
      if (const auto a = at(t, p->end, kPlaceAlias); a && lex_.places[a->entry->payload].country) {
        return a->entry->payload;
      }
    }
    const auto link = at(t, i, kNpLink);
    if (!link) continue;
    if (const auto d = at(t, link->end, kDemonym)) return d->entry->payload;
  }
  return std::nullopt;
}

std::optional<NounPhrase> Resolver::chain_after(const Sentence& s, std::size_t k) const {
  const auto& t = s.tokens;
  std::optional<std::size_t> demonym;
  int unknown = 0;
  for (std::size_t i = k; i < t.size() && i < k + 9;) {
    if (auto p = at(t, i, kPronoun)) {
      NounPhrase np;
      np.token = i;
      np.pronoun = true;
      return np;
    }
    if (auto m = at(t, i, kMeasureNoun)) {
      NounPhrase np;
      np.token = i;
      np.measure = m->entry->payload;
      np.people = lex_.measures[*np.measure].people;
      np.demonym = demonym ? demonym : people_after(t, m->end);
      if (!np.demonym && lex_.measures[*np.measure].unit == "persons") {
        np.demonym = origin_after_noun(t, m->end);
      }
      return np;
    }
    if (auto d = at(t, i, kDemonym)) {
      const bool adjective = at(t, i, kPlaceAdjective) && at(t, i, kPlaceAdjective)->end == d->end;
      if (!adjective || d->end >= t.size() || t[d->end].kind != TokenKind::kWord ||
          at(t, d->end, kNpLink)) {
        NounPhrase np;
        np.token = i;
        np.demonym = d->entry->payload;
        np.people = true;
        return np;
      }
      demonym = d->entry->payload;
      i = d->end;
      continue;
    }
    if (auto a = at(t, i, kPlaceAdjective)) {
      demonym = a->entry->payload;
      i = a->end;
      continue;
    }
    if (auto l = at(t, i, kNpLink)) {
      i = l->end;
      continue;
    }
    // "of Russia’s foreign work force": a place and its possessive inside the phrase.
    if (auto p = at(t, i, kPlaceAlias)) {
      i = p->end;
      continue;
    }
    if (t[i].folded == "’" || (t[i].folded == "s" && i > k && t[i - 1].folded == "’")) {
      ++i;
      continue;
    }
    // Up to two words no lexicon knows: "Mexican seasonal agricultural workers".
    if (t[i].kind != TokenKind::kWord || ++unknown > 2) break;
    ++i;
  }
  return std::nullopt;
}

std::optional<NounPhrase> Resolver::chain_before(const Sentence& s, std::size_t k) const {
  const auto& t = s.tokens;
  std::optional<NounPhrase> head;
  std::optional<std::size_t> demonym;
  int unknown = 0;
  for (std::size_t i = k; i > 0 && k - i < 12;) {
    const std::size_t j = i - 1;
    if (t[j].kind == TokenKind::kPunct && t[j].folded != "’" && t[j].folded != "-") break;
    bool matched = false;
    // "계절근로자는": a Korean compound whose last noun is a measure's.
    if (!head) {
      if (auto ch = compound_head(t, j); ch && !phrases().longest(t, j, kMeasureNoun)) {
        NounPhrase np;
        np.token = j;
        np.measure = ch->entry->payload;
        np.people = lex_.measures[*np.measure].people;
        head = np;
        i = j;
        unknown = 2;
        continue;
      }
    }
    // Phrases are matched forwards: try every start that ends at i.
    for (std::size_t back = std::min<std::size_t>(i, 5); back >= 1 && !matched; --back) {
      const std::size_t st = i - back;
      for (const auto& m : phrases().all(t, st, kMeasureNoun, i)) {
        if (m.end != i) continue;
        // A noun with a case particle ("광산에서") ends the phrase before the head it found.
        if (head && m.rest > 0) break;
        NounPhrase np;
        np.token = st;
        np.measure = m.entry->payload;
        np.people = lex_.measures[*np.measure].people;
        head = np;  // keep walking: the leftmost noun of the chain is its head
        i = st;
        matched = true;
        break;
      }
      if (matched) break;
      for (const std::uint16_t kind : {kDemonym, kPlaceAdjective, kPlaceAlias}) {
        for (const auto& m : phrases().all(t, st, kind, i)) {
          // A name with a particle glued to it ("러시아에는") qualifies no noun after it; the
          // people nearest the noun does ("베트남 노동자").
          if (m.end != i || m.rest > 0) continue;
          if (kind != kPlaceAlias && !demonym) demonym = m.entry->payload;
          i = st;
          matched = true;
          break;
        }
        if (matched) break;
      }
    }
    if (matched) {
      unknown = head ? 2 : unknown;  // once a noun is found, only the chain continues it
      continue;
    }
    if (at(t, j, kNpLink) || t[j].folded == "’" || t[j].folded == "s") {
      i = j;
      continue;
    }
    if (head || ++unknown > 2) break;
    i = j;
  }
  if (head && !head->demonym) head->demonym = demonym;
  // The sentence's reading of that noun knows the origin before it ("북한 출신 노동자").
  for (const auto& np : s.nouns) {
    if (head && !head->demonym && np.token == head->token) head->demonym = np.demonym;
  }
  return head;
}

std::string Resolver::key_of(const NounPhrase& np, const Sentence& s, std::size_t clause,
                             std::optional<std::size_t>* resolved, bool* from_topic) const {
  std::optional<std::size_t> measure = np.measure;
  if (np.people || !measure) {
    // People: what the clause says they do ("employed") or what the document counts them as.
    const auto [b, e] = s.clauses[clause];
    for (std::size_t i = b; i < e; ++i) {
      if (auto p = at(s.tokens, i, kMeasurePredicate)) {
        measure = p->entry->payload;
        break;
      }
    }
    if ((!measure || lex_.measures[*measure].people) && np.demonym) {
      int best = 0;
      for (const auto& [pair, count] : topic_) {
        if (pair.first == *np.demonym && count > best && !lex_.measures[pair.second].people) {
          best = count;
          measure = pair.second;
          if (from_topic) *from_topic = true;
        }
      }
    }
  }
  // A people counted with nothing said of them: persons ("270 тысяч таджикистанцев").
  if (!measure && np.people) {
    for (std::size_t m = 0; m < lex_.measures.size() && !measure; ++m) {
      if (lex_.measures[m].people) measure = m;
    }
  }
  *resolved = measure;
  if (!measure) return "unknown";
  std::string key = lex_.measures[*measure].key;
  if (np.demonym) key = lex_.places[*np.demonym].demonym_key + "-" + key;
  return key;
}

std::vector<std::vector<FigureFacts>> Resolver::run(const std::vector<SentenceFigures>& input,
                                                      std::vector<actors::Attribution>* attributions) {
  std::vector<Sentence> sentences(input.size());
  for (std::size_t n = 0; n < input.size(); ++n) {
    auto& s = sentences[n];
    TokenizeOptions options;
    options.cyrillic_numbers = has_cyrillic(slice(text_, input[n].span));
    s.tokens = tokenize(text_, input[n].span, options);
    phrases().index(s.tokens);
    find_clauses(s);
    find_nouns(s);
    const bool same_paragraph = n > 0 && input[n - 1].paragraph == input[n].paragraph;
    s.attribution = actors::attribute(text_, s.tokens, lex_,
                              same_paragraph ? &sentences[n - 1].attribution : nullptr);
    find_places(s, input[n].figures);
    find_times(s, input[n].figures);
    for (const auto& np : s.nouns) {
      if (np.demonym && np.measure) ++topic_[{*np.demonym, *np.measure}];
    }
  }
  if (attributions) {
    attributions->clear();
    for (const auto& s : sentences) attributions->push_back(s.attribution);
  }
  // The document's main place: the one its sentences name most.
  std::map<std::string, int> place_count;
  for (const auto& s : sentences) {
    for (const auto& e : s.places) {
      if (e.strength >= 3 && e.place != "abroad") ++place_count[e.place];
    }
  }
  std::optional<std::string> main_place;
  int best = 0;
  for (const auto& [place, count] : place_count) {
    if (count > best) {
      best = count;
      main_place = place;
    }
  }

  std::vector<std::vector<FigureFacts>> out(input.size());
  for (std::size_t n = 0; n < input.size(); ++n) {
    const auto& s = sentences[n];
    const auto& figures = input[n].figures;
    auto& facts = out[n];
    facts.resize(figures.size());
    // Clauses holding a figure own their evidence; the others give theirs to the nearest.
    std::vector<int> owner(s.clauses.size(), -1);
    for (std::size_t c = 0; c < s.clauses.size(); ++c) {
      std::size_t best_distance = SIZE_MAX;
      for (std::size_t f = 0; f < figures.size(); ++f) {
        const std::size_t fc = clause_of(s, figures[f].before_token);
        if (fc == c) {
          owner[c] = static_cast<int>(f);
          best_distance = 0;
          break;
        }
        const auto [b, e] = s.clauses[c];
        const std::size_t d = figures[f].after_token <= b ? b - figures[f].after_token
                                                         : figures[f].before_token - std::min(e, figures[f].before_token);
        if (d < best_distance) {
          best_distance = d;
          owner[c] = static_cast<int>(f);
        }
      }
    }
    for (std::size_t f = 0; f < figures.size(); ++f) {
      const auto& fig = figures[f];
      auto& fact = facts[f];
      const std::size_t clause = clause_of(s, fig.before_token);
      auto owned_by = [&](std::size_t token) {
        const std::size_t c = clause_of(s, token);
        return c == clause || owner[c] == static_cast<int>(f);
      };

      // Place: the figure's clause, clauses it owns, the sentence before it, the paragraph,
      // the document.
      // The strongest evidence; in the figure's own sentence, of equal strength, the nearest.
      const auto distance = [&](const Evidence& e) {
        return e.token < fig.before_token ? fig.before_token - e.token : e.token - fig.after_token;
      };
      auto pick_place = [&](const Sentence& from, auto&& accept) -> std::optional<std::string> {
        const Evidence* found = nullptr;
        for (const auto& e : from.places) {
          if (!accept(e)) continue;
          if (!found || e.strength > found->strength ||
              (&from == &s && e.strength == found->strength && distance(e) < distance(*found))) {
            found = &e;
          }
        }
        return found ? std::optional(found->place) : std::nullopt;
      };
      // In its own clause a figure takes the place between it and the next figure, else the
      // one between the figure before and it: "$200 to work in China, $400 to $500 for work
      // in the Middle East".
      const std::size_t next_start = f + 1 < figures.size() ? figures[f + 1].before_token : SIZE_MAX;
      const std::size_t prev_end = f > 0 ? figures[f - 1].after_token : 0;
      // Its own clause first: "в вузы Свердловской области поступили 1800 …, большинство — в
      // Уральский федеральный университет" is in the oblast, the clause after names a part.
      const auto own = [&](std::size_t token) { return clause_of(s, token) == clause; };
      fact.place = pick_place(s, [&](const Evidence& e) {
        return own(e.token) && e.token >= fig.after_token && e.token < next_start;
      });
      if (!fact.place) {
        fact.place = pick_place(s, [&](const Evidence& e) {
          return own(e.token) && e.token < fig.before_token && e.token >= prev_end;
        });
      }
      if (!fact.place) {
        fact.place = pick_place(s, [&](const Evidence& e) {
          return owned_by(e.token) && e.token >= fig.after_token && e.token < next_start;
        });
      }
      if (!fact.place) {
        fact.place = pick_place(s, [&](const Evidence& e) {
          return owned_by(e.token) && e.token < fig.before_token && e.token >= prev_end;
        });
      }
      if (!fact.place) {
        fact.place = pick_place(s, [&](const Evidence& e) { return owned_by(e.token); });
      }
      if (!fact.place) {
        fact.place = pick_place(s, [&](const Evidence& e) {
          return e.token < fig.before_token && owner[clause_of(s, e.token)] < 0;
        });
      }
      if (!fact.place) {
        fact.place = pick_place(s, [&](const Evidence& e) { return e.token < fig.before_token; });
      }
      if (!fact.place) fact.inferred |= graph::kInferredPlace;
      for (std::size_t d = 1; !fact.place && d <= 3; ++d) {
        for (const std::size_t m : {n - d, n + d}) {
          if (m >= input.size() || input[m].paragraph != input[n].paragraph || fact.place) continue;
          // Only evidence no figure of that sentence claims for itself.
          const auto& o = sentences[m];
          fact.place = pick_place(o, [&](const Evidence& e) {
            for (const auto& of : input[m].figures) {
              if (clause_of(o, of.before_token) == clause_of(o, e.token)) return false;
            }
            return true;
          });
        }
      }
      if (!fact.place) fact.place = main_place;
      if (!fact.place) fact.inferred &= static_cast<std::uint8_t>(~graph::kInferredPlace);

      // Time: the figure's clause, clauses it owns, the sentence; else the document's date.
      // The nearest time the figure's clauses hold ("By the end of 2023, roughly 19,000 …, up
      // from 11,200 in 2019": 2023 for the first, 2019 for the second).
      std::optional<TimeSpan> time;
      std::size_t time_distance = SIZE_MAX;
      for (const auto& ts : s.times) {
        if (!owned_by(ts.token)) continue;
        const std::size_t d = ts.token < fig.before_token ? fig.before_token - ts.token
                                                          : ts.token - std::min(ts.token, fig.after_token);
        if (d <= time_distance) {
          time = ts;
          time_distance = d;
        }
      }
      if (!time) {
        for (const auto& ts : s.times) {
          if (ts.token < fig.before_token && owner[clause_of(s, ts.token)] < 0) time = ts;
        }
      }
      if (time) {
        fact.time_from = time->from;
        fact.time_to = time->to;
      } else {
        fact.time_from = date_;
        if (date_) fact.inferred |= graph::kInferredTime;
        fact.time_to = date_;
      }
      // A state bounds the time: a figure in the U.S.S.R. lies within its years.
      if (fact.place) {
        if (auto p = lex_.place_index(*fact.place); p && lex_.places[*p].to) {
          const auto& place = lex_.places[*p];
          if (!fact.time_to || year_of(fact.time_to) > *place.to) {
            fact.time_to = place.to;
            if (!fact.time_from || year_of(fact.time_from) > *place.to) fact.time_from = place.from;
          }
        }
      }

      // Measure: "that number" repeats the figure before; else the noun after the figure,
      // the noun phrase before it, a pronoun's antecedent, the clause's nouns.
      std::optional<NounPhrase> np;
      bool same_as_before = false;
      for (std::size_t i = s.clauses[clause].first; i < fig.before_token; ++i) {
        // "that number" points back; "the number of workers" names its own noun.
        const auto m = at(s.tokens, i, kSameAsBefore);
        same_as_before = same_as_before || (m && !at(s.tokens, m->end, kNpLink));
      }
      if (same_as_before && f > 0) {
        fact.measure = facts[f - 1].measure;
      } else {
        np = chain_after(s, fig.after_token);
        const bool percent = fig.unit == "percent";
        std::optional<NounPhrase> whole;
        if (percent && np && np->measure && lex_.measures[*np->measure].share_of) {
          whole = np;
          np.reset();
        }
        // "200 houses": the figure counts a noun no lexicon knows, so it has no measure (no
        // noun before it, of the clause, or of the figure before lends it one).
        bool unknown_noun = !np && unknown_noun_after(s.tokens, fig);
        // A counted noun no lexicon knows, after the figure: a measure of its own word
        // ("2,900 Nigerian nurses").
        if (!np && !percent) {
          np = unknown_counted_after(s.tokens, fig);
          if (np) unknown_noun = true;
        }
        if ((!np || (percent && !np->pronoun)) && !unknown_noun) {
          auto before = chain_before(s, fig.before_token);
          if (before) np = before;
        }
        // Korean: a counted noun no lexicon knows before the figure ("용접공은 600명으로").
        if (!np && !percent && !unknown_noun && (fig.unit.empty() || fig.unit == "persons")) {
          np = unknown_counted_before(s.tokens, fig);
        }
        if (!np && !unknown_noun) {
          // A subject pronoun ("They have numbered ...") before the figure in its clause.
          for (std::size_t i = s.clauses[clause].first; i < fig.before_token; ++i) {
            if (at(s.tokens, i, kPronoun)) {
              NounPhrase p;
              p.token = i;
              p.pronoun = true;
              np = p;
              break;
            }
          }
        }
        std::size_t from_sentence = n;
        if (np && np->pronoun) {
          // The antecedent: the last counted noun before it in the sentence, else the first
          // of the sentence before.
          std::optional<NounPhrase> antecedent;
          for (const auto& cand : s.nouns) {
            if (cand.token < np->token) antecedent = cand;
          }
          for (std::size_t m = n; !antecedent && m > 0 && n - m < 2; --m) {
            if (!sentences[m - 1].nouns.empty()) {
              antecedent = sentences[m - 1].nouns.front();
              from_sentence = m - 1;
            }
          }
          np = antecedent;
        }
        if (!np && !percent && !unknown_noun) {
          // Any counted noun of the clause, nearest first; then of the sentence.
          const auto fits = [&](const NounPhrase& cand) { return fits_unit(fig, cand); };
          const NounPhrase* nearest = nullptr;
          for (const auto& cand : s.nouns) {
            if (clause_of(s, cand.token) != clause || !fits(cand)) continue;
            if (!nearest || (cand.token < fig.before_token && cand.token > nearest->token)) {
              nearest = &cand;
            }
          }
          if (!nearest) {
            for (const auto& cand : s.nouns) {
              if (cand.token < fig.before_token && fits(cand)) nearest = &cand;
            }
          }
          if (nearest) np = *nearest;
        }
        // A counter names what is counted: "약 30개국" counts countries, whatever noun is near;
        // a noun whose measure counts in another unit is not what the figure counts.
        if (np && !fits_unit(fig, *np)) np.reset();
        if (!np) {
          if (const auto own = measure_of_unit(fig.unit)) {
            NounPhrase counted;
            counted.token = fig.before_token;
            counted.measure = own;
            np = counted;
            from_sentence = n;
          }
        }
        const auto& ns = sentences[from_sentence];
        // "из КНДР в Приморье были направлены 3 тысячи рабочих": an origin in the figure's
        // clause qualifies the persons it counts.
        if (np && !np->demonym && from_sentence == n &&
            (np->people || (np->measure && lex_.measures[*np->measure].unit == "persons"))) {
          for (const auto& [token, place] : s.origins) {
            if (clause_of(s, token) == clause) np->demonym = place;
          }
        }
        if (np && !np->word.empty()) {
          fact.measure = (np->demonym ? lex_.places[*np->demonym].demonym_key + "-" : std::string()) + np->word;
          fact.measure += status_suffix(s, clause, fig);
        } else if (np) {
          std::optional<std::size_t> measure;
          bool from_topic = false;
          fact.measure = key_of(*np, ns, from_sentence == n ? clause : clause_of(ns, np->token),
                                &measure, &from_topic);
          if (from_topic || from_sentence != n) fact.inferred |= graph::kInferredMeasure;
          if (fig.unit.empty() && measure) fact.unit = lex_.measures[*measure].unit;
          // Persons sent, planned or interviewed are another measure than persons present.
          if (measure && (fig.unit.empty() || fig.unit == "persons") &&
              lex_.measures[*measure].unit == "persons") {
            fact.measure += status_suffix(s, clause, fig);
          }
        } else if (!unknown_noun) {
          // The figure before of the same unit in the paragraph ("$200 to work in China").
          for (std::size_t m = n + 1; m-- > 0 && fact.measure.empty();) {
            if (input[m].paragraph != input[n].paragraph) break;
            const auto& prev = out[m];
            const std::size_t upto = m == n ? f : prev.size();
            for (std::size_t g = upto; g-- > 0;) {
              if (input[m].figures[g].unit == fig.unit && !prev[g].measure.empty()) {
                fact.measure = prev[g].measure;
                if (m != n) fact.inferred |= graph::kInferredMeasure;
                break;
              }
            }
          }
        }
        if (fact.measure.empty()) fact.measure = "unknown";
        if (percent) {
          std::string whole_key;
          if (whole) {
            whole_key = lex_.measures[*whole->measure].key;
          } else if (f > 0 && facts[f - 1].measure.find("share-of-") != std::string::npos) {
            const auto& prev = facts[f - 1].measure;
            whole_key = prev.substr(prev.find("share-of-") + 9);
          }
          if (!whole_key.empty()) {
            fact.measure = (fact.measure == "unknown" ? std::string() : fact.measure + "-") +
                           "share-of-" + whole_key;
          }
        }
      }
      if (fact.unit.empty()) fact.unit = fig.unit.empty() ? "count" : fig.unit;
      // A rate on a count without its own unit: "20 a day" stays "units per day".
      fact.claimant = s.attribution.claimant.value_or(input[n].claimant);
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<FigureFacts>> resolve_figure_context(
    std::string_view text, const std::vector<SentenceFigures>& sentences,
    const std::optional<std::string>& document_date, const FigureLexicon& lexicon,
    std::vector<actors::Attribution>* attributions, graph::Span dateline) {
  Resolver resolver(text, lexicon, document_date, dateline);
  return resolver.run(sentences, attributions);
}

}  // namespace claimgraph::ingest::figures
