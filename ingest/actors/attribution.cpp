#include "ingest/actors/attribution.hpp"

#include <algorithm>

#include "ingest/text_util.hpp"

namespace claimgraph::ingest::actors {
namespace {

using graph::Span;

class Attributor {
 public:
  Attributor(std::string_view text, const std::vector<Token>& t, const FigureLexicon& lex)
      : text_(text), t_(t), lex_(lex) {}

  std::optional<PhraseTable::Match> at(std::size_t i, std::uint16_t kind) const {
    if (i >= t_.size()) return std::nullopt;
    return lex_.phrases.longest(t_, i, kind);
  }

  Span span(std::size_t from, std::size_t to) const {
    if (from >= to) return Span{};
    return Span{t_[from].span.begin, t_[to - 1].span.end};
  }

  // The name within tokens [from, to): after a maker ("published by X"), without a leading
  // determiner or trailing punctuation. Sets *name_from/*name_to.
  std::string name(std::size_t from, std::size_t to, std::size_t* name_from,
                   std::size_t* name_to) const {
    for (std::size_t k = from; k < to; ++k) {
      if (auto b = at(k, kMakerBy); b && b->end < to) from = b->end;
    }
    while (from < to && at(from, kDeterminer)) ++from;
    while (to > from && t_[to - 1].kind == TokenKind::kPunct && t_[to - 1].folded != ")") --to;
    *name_from = from;
    *name_to = to;
    if (from >= to) return {};
    return fold_spaces(slice(text_, span(from, to)));
  }

  bool ends_source(std::size_t i) const {
    const auto& f = t_[i].folded;
    return f == "," || f == "." || f == ";" || t_[i].kind == TokenKind::kNumber ||
           at(i, kSourceEnd).has_value();
  }

  std::size_t clause_start(std::size_t i) const {
    std::size_t from = i;
    while (from > 0 && t_[from - 1].folded != "," && t_[from - 1].folded != ";" &&
           t_[from - 1].folded != ":") {
      --from;
    }
    return from;
  }

  // A proper name: most of its words capitalized ("U.S. State Department’s latest
  // Trafficking in Persons (TIP) Report"), or a maker named ("statistics published by X").
  bool named(std::size_t from, std::size_t to) const {
    std::size_t words = 0;
    std::size_t capitalized = 0;
    for (std::size_t k = from; k < to; ++k) {
      if (at(k, kMakerBy)) return true;
      if (t_[k].kind != TokenKind::kWord || at(k, kNameConnector) || at(k, kDeterminer)) continue;
      if (t_[k].folded == "s" && k > 0 && t_[k - 1].folded == "’") continue;
      ++words;
      if (t_[k].capitalized && !at(k, kNotNameStart)) ++capitalized;
    }
    return capitalized > 0 && 2 * capitalized >= words;
  }

  // A date is never a source: "June 3 said", "according to June 5", "2019년 3월".
  bool is_date(std::size_t from, std::size_t to) const {
    if (from >= to) return false;
    if (at(from, kMonth)) return true;
    bool all_numbers = true;
    for (std::size_t k = from; k < to; ++k) {
      all_numbers = all_numbers && (t_[k].kind == TokenKind::kNumber || t_[k].kind == TokenKind::kPunct);
    }
    if (all_numbers) return true;
    // "3월 5일": a number with a month suffix.
    return t_[from].kind == TokenKind::kNumber && from + 1 < to &&
           lex_.phrases.prefix_of(t_[from + 1].folded, kMonthSuffix).has_value();
  }

  // The known actor a source's words hold ("interviews featured in a New York Times piece").
  std::optional<std::string> known_within(std::size_t from, std::size_t to) const {
    for (std::size_t k = from; k < to; ++k) {
      if (auto a = at(k, kActorAlias); a && a->end <= to && a->rest == 0) {
        return lex_.actors[a->entry->payload].name;
      }
    }
    return std::nullopt;
  }

  // The sentence's last word that is not punctuation, plus one.
  std::size_t sentence_end() const {
    std::size_t last = t_.size();
    while (last > 0 && t_[last - 1].kind == TokenKind::kPunct) --last;
    return last;
  }

  // A short description that ends the sentence after a comma names who said it, though it
  // is no proper name: "…, a city official said.", "…, заявил чиновник мэрии.".
  bool tail_description(std::size_t nf, std::size_t nt) const {
    if (nf >= nt || nt - nf > 4 || nf == 0) return false;
    for (std::size_t k = nf; k < nt; ++k) {
      if (t_[k].kind != TokenKind::kWord && t_[k].folded != "-") return false;
    }
    return true;
  }

  // "X says", "It says": the sentence is X's.
  Attribution reported(Attribution out, std::size_t from, std::size_t verb, std::size_t verb_end,
                       const Attribution* previous) const {
    const std::size_t phrase_from = from;
    if (auto p = at(from, kSubjectPronoun); p && p->end == verb) {
      if (previous && previous->subject) {
        out.claimant = previous->subject;
        out.phrase = span(from, verb_end);
      }
      return out;
    }
    // "The same officials said": the previous sentence's source.
    if (auto same = at(from, kSameSubject); same && previous && previous->subject) {
      out.claimant = previous->subject;
      out.subject = previous->subject;
      out.phrase = span(from, verb_end);
      out.source = previous->source;
      return out;
    }
    // Words before the name ("as Anthony Rinna explains") are not part of it; a description
    // keeps them ("a labor union estimated").
    const bool tail_verb = verb_end == sentence_end() && phrase_from > 0 &&
                           t_[phrase_from - 1].folded == ",";
    while (from < verb && !t_[from].capitalized && at(from, kNotNameStart) &&
           (!tail_verb || at(from, kDeterminer) || (from + 1 < verb && t_[from + 1].capitalized))) {
      ++from;
    }
    std::size_t nf, nt;
    const auto n = name(from, verb, &nf, &nt);
    bool maker = false;
    for (std::size_t k = from; k < verb; ++k) maker = maker || at(k, kMakerBy).has_value();
    // A proper name starts with a capital; a maker names one ("statistics published by X");
    // a group is named by its noun ("local officials said", "местные власти сообщили").
    const bool group = nt > nf && at(nt - 1, kGroupWord).has_value() && nt - nf <= 4;
    // "…, a city official said.": a description after a comma, the verb ending the sentence.
    const bool tail = tail_verb && tail_description(nf, nt);
    if (n.empty() || (!group && !tail && (!named(from, verb) || (!maker && !t_[nf].capitalized))) ||
        is_date(nf, nt)) {
      return out;
    }
    // "The U.S. State Department’s latest ... Report describes": the known actor behind it.
    out.claimant = known_within(nf, nt).value_or(n);
    out.subject = out.claimant;
    out.phrase = span(phrase_from, verb_end);
    out.source = span(nf, nt);
    return out;
  }

  // The words of tokens [from, to) with `particle` cut from the last one: "미국 국무부에" ->
  // "미국 국무부".
  std::string without_particle(std::size_t from, std::size_t to, std::string_view particle) const {
    if (from >= to) return {};
    const Span all = span(from, to);
    std::string words = fold_spaces(slice(text_, all));
    if (words.size() > particle.size() && words.ends_with(particle)) {
      words.resize(words.size() - particle.size());
    }
    return words;
  }

  // Korean: "X에 따르면" (according to X) and "X는 … 밝혔다" (X said, the verb ending the
  // sentence).
  std::optional<Attribution> korean(const Attribution* previous) const {
    Attribution out;
    for (std::size_t i = 1; i < t_.size(); ++i) {
      if (t_[i].script != TokenScript::kHangul || !at(i, kAccordingToAfter)) continue;
      const std::string& before = t_[i - 1].folded;
      std::string_view particle;
      for (const auto& p : lex_.according_to_particles) {
        if (before.size() > p.size() && before.ends_with(p)) particle = p;
      }
      if (particle.empty()) continue;
      const std::size_t from = clause_start(i - 1);
      const std::string source = without_particle(from, i, particle);
      if (source.empty()) continue;
      out.whole_sentence = true;
      out.claimant = known_within(from, i).value_or(source);
      out.phrase = span(from, at(i, kAccordingToAfter)->end);
      out.source = span(from, i);
      return out;
    }
    // The reporting verb ends the sentence (a full stop or a quote aside).
    std::size_t last = t_.size();
    while (last > 0 && t_[last - 1].kind == TokenKind::kPunct) --last;
    if (last == 0 || t_[last - 1].script != TokenScript::kHangul) return std::nullopt;
    const auto verb = at(last - 1, kReportVerb);
    if (!verb || verb->end != last) return std::nullopt;
    // "…라고 시 관계자가 말했다": the words between the quote's end and the verb.
    for (std::size_t q = last - 1; q-- > 0;) {
      if (t_[q].script != TokenScript::kHangul) continue;
      const std::string& w = t_[q].folded;
      const bool quote = std::any_of(lex_.korean_quote_endings.begin(), lex_.korean_quote_endings.end(),
                                     [&](const std::string& e) { return w.size() > e.size() && w.ends_with(e); });
      if (!quote) continue;
      std::size_t from = q + 1;
      while (from < last - 1 && std::find(lex_.korean_determiners.begin(), lex_.korean_determiners.end(),
                                          t_[from].folded) != lex_.korean_determiners.end()) {
        ++from;
      }
      if (from >= last - 1 || last - 1 - from > 4) break;
      std::string_view particle;
      for (const auto& p : lex_.subject_particles) {
        const std::string& end = t_[last - 2].folded;
        if (end.size() > p.size() && end.ends_with(p)) particle = p;
      }
      const std::string source = without_particle(from, last - 1, particle);
      if (source.empty()) break;
      out.whole_sentence = true;
      out.claimant = known_within(from, last - 1).value_or(source);
      out.subject = out.claimant;
      out.phrase = span(last - 1, last);
      out.source = span(from, last - 1);
      return out;
    }
    // The subject: the first words up to one that ends in a subject particle, within four, none
    // of them ending in a particle no subject holds ("연해주에서").
    for (std::size_t k = 0; k < std::min<std::size_t>(last - 1, 4); ++k) {
      const std::string& word = t_[k].folded;
      if (std::any_of(lex_.korean_not_in_subject.begin(), lex_.korean_not_in_subject.end(),
                      [&](const std::string& p) { return word.size() > p.size() && word.ends_with(p); })) {
        break;
      }
      if (t_[k].script != TokenScript::kHangul && t_[k].script != TokenScript::kLatin) break;
      // "그는 … 말했다": the previous sentence's source.
      if (auto p = at(k, kSubjectPronoun); p && p->end == k + 1) {
        if (!previous || !previous->subject) return Attribution{};
        out.whole_sentence = true;
        out.claimant = previous->subject;
        out.subject = previous->subject;
        out.phrase = span(last - 1, last);
        return out;
      }
      for (const auto& particle : lex_.subject_particles) {
        const std::string& w = t_[k].folded;
        if (w.size() > particle.size() && w.ends_with(particle)) {
          const std::string source = without_particle(0, k + 1, particle);
          if (source.empty()) continue;
          out.whole_sentence = true;
          out.claimant = known_within(0, k + 1).value_or(source);
          out.subject = out.claimant;
          out.phrase = span(last - 1, last);
          out.source = span(0, k + 1);
          return out;
        }
      }
    }
    return std::nullopt;
  }

  Attribution run(const Attribution* previous) const {
    Attribution out;
    if (auto k = korean(previous)) return *k;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      const auto news = at(i, kNewsFrom);
      if (auto a = news ? news : at(i, kAccordingTo)) {
        out.whole_sentence = !news;
        std::size_t end = a->end;
        while (end < t_.size() && !ends_source(end)) ++end;
        std::size_t nf, nt;
        const auto n = name(a->end, end, &nf, &nt);
        if (auto same = at(a->end, kSameSource); same && previous && previous->claimant) {
          out.claimant = previous->claimant;
        } else if (auto k = known_within(a->end, end)) {
          out.claimant = *k;
        } else if (!n.empty() && !is_date(nf, nt)) {
          out.claimant = n;
        }
        out.phrase = span(i, end);
        out.source = span(nf, nt);
        return out;
      }
      if (auto u = at(i, kUsing)) {
        // "using statistics from Y, X demonstrates": Y up to the comma.
        std::size_t end = u->end;
        while (end < t_.size() && !ends_source(end)) ++end;
        std::size_t nf, nt;
        const auto n = name(u->end, end, &nf, &nt);
        if (!n.empty()) {
          out.underlying = known_within(u->end, end).value_or(n);
          out.underlying_span = span(nf, nt);
        }
        i = end;
        continue;
      }
      // A reporting verb is a lower-case word ("says"; "the United States" is no verb).
      // ("a report from X stated": "report" opens the maker's name here, no verb.)
      if (auto v = at(i, kReportVerb); v && i > 0 && !t_[i].capitalized && !at(i, kMakerBy)) {
        // The source is the phrase before the verb, back to the clause's start; over an
        // apposition ("Anthony Ruggiero, a former official, recommends") to the name.
        std::size_t from = clause_start(i);
        // Inverted, after a comma: "…, заявил чиновник мэрии.", "…, as officials said", "…,
        // как сообщили местные власти.": the words after the verb to the sentence's end.
        std::size_t opener = from;
        while (opener < i && at(opener, kNotNameStart)) ++opener;
        if (opener == i && from > 0 && t_[from - 1].folded == "," && v->end < t_.size()) {
          const std::size_t last = sentence_end();
          std::size_t nf, nt;
          const auto n = name(v->end, last, &nf, &nt);
          const bool group = nt > nf && at(nt - 1, kGroupWord).has_value();
          if (!n.empty() && !is_date(nf, nt) && tail_description(nf, nt) &&
              (group || named(nf, nt) || t_[i].script == TokenScript::kCyrillic)) {
            out.claimant = known_within(nf, nt).value_or(n);
            out.subject = out.claimant;
            out.phrase = span(from, last);
            out.source = span(nf, nt);
            return out;
          }
        }
        if (from == i && from > 0 && t_[from - 1].folded == ",") {
          const std::size_t apposition = clause_start(from - 1);
          if (at(apposition, kDeterminer) && apposition > 0 && t_[apposition - 1].folded == ",") {
            return reported(out, clause_start(apposition - 1), apposition - 1, v->end, previous);
          }
        }
        return reported(out, from, i, v->end, previous);
      }
    }
    return out;
  }

 private:
  std::string_view text_;
  const std::vector<Token>& t_;
  const FigureLexicon& lex_;
};

}  // namespace

Attribution attribute(std::string_view text, const std::vector<Token>& tokens,
                      const FigureLexicon& lex, const Attribution* previous) {
  return Attributor(text, tokens, lex).run(previous);
}

}  // namespace claimgraph::ingest::actors
