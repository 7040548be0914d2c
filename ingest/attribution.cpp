#include "ingest/attribution.hpp"

#include "ingest/text_util.hpp"

namespace claimgraph::ingest {
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

  Attribution run(const Attribution* previous) const {
    Attribution out;
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (auto a = at(i, kAccordingTo)) {
        std::size_t end = a->end;
        while (end < t_.size() && !ends_source(end)) ++end;
        std::size_t nf, nt;
        const auto n = name(a->end, end, &nf, &nt);
        if (auto same = at(a->end, kSameSource); same && previous && previous->claimant) {
          out.claimant = previous->claimant;
        } else if (!n.empty()) {
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
          out.underlying = n;
          out.underlying_span = span(nf, nt);
        }
        i = end;
        continue;
      }
      if (auto v = at(i, kReportVerb); v && i > 0) {
        // The source is the phrase before the verb, back to the clause's start.
        std::size_t from = i;
        while (from > 0 && t_[from - 1].folded != "," && t_[from - 1].folded != ";" &&
               t_[from - 1].folded != ":") {
          --from;
        }
        if (auto p = at(from, kSubjectPronoun); p && p->end == i) {
          if (previous && previous->subject) {
            out.claimant = previous->subject;
            out.phrase = span(from, v->end);
          }
          return out;
        }
        // Only a named source: a capitalized word, or a maker ("statistics published by").
        bool named = false;
        for (std::size_t k = from; k < i; ++k) {
          named = named || (t_[k].capitalized && t_[k].kind == TokenKind::kWord && (k > 0 || k + 1 < i));
          named = named || at(k, kMakerBy).has_value();
        }
        std::size_t nf, nt;
        const auto n = name(from, i, &nf, &nt);
        if (named && !n.empty() && i - from <= 24) {
          out.claimant = n;
          out.subject = n;
          out.phrase = span(from, v->end);
          out.source = span(nf, nt);
        }
        return out;
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

}  // namespace claimgraph::ingest
