#include "ingest/actors.hpp"

#include <algorithm>

#include "ingest/text_util.hpp"
#include "ingest/tokens.hpp"

namespace claimgraph::ingest {
namespace {

using graph::ActorKind;
using graph::Span;

ActorKind kind_named(const std::string& kind) {
  return graph::actor_kind_from(kind).value_or(ActorKind::kOther);
}

bool name_word(const Token& t) {
  return t.kind == TokenKind::kWord && t.capitalized &&
         (t.script == TokenScript::kLatin || t.script == TokenScript::kCyrillic);
}

}  // namespace

ActorFinder::ActorFinder(std::shared_ptr<const FigureLexicon> lexicon) : lex_(std::move(lexicon)) {}

std::vector<ActorMention> ActorFinder::find(std::string_view text, Span span) const {
  auto t = tokenize(text, span);
  const auto& phrases = lex_->phrases;
  phrases.index(t);
  const auto at = [&](std::size_t i, std::uint16_t kind) {
    return i < t.size() ? phrases.longest(t, i, kind) : std::nullopt;
  };
  std::vector<ActorMention> out;
  auto mention = [&](std::size_t from, std::size_t to) {
    ActorMention m;
    m.span = Span{t[from].span.begin, t[to - 1].span.end};
    m.surface = fold_spaces(slice(text, m.span));
    m.canonical = m.surface;
    return m;
  };
  // "the Russian Federation" is met as "Russian Federation".
  auto skip_determiner = [&](std::size_t from, std::size_t to) {
    return from + 1 < to && at(from, kDeterminer) ? from + 1 : from;
  };
  auto place_mention = [&](std::size_t i, const PhraseTable::Match& p) {
    auto m = mention(skip_determiner(i, p.end), p.end);
    const auto& place = lex_->places[p.entry->payload];
    m.canonical = place.name;
    m.kind = place.country ? ActorKind::kCountry : ActorKind::kPlace;
    m.known = true;
    return m;
  };
  // Inside quotation marks are titles ("Blocking Property of ..."), not names.
  std::vector<bool> quoted(t.size(), false);
  bool open = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto& f = t[i].folded;
    if (f == "“" || f == "«") open = true;
    quoted[i] = open;
    if (f == "”" || f == "»") open = false;
  }
  for (std::size_t i = 0; i < t.size();) {
    if (auto a = at(i, kActorAlias); a && a->rest == 0) {
      auto m = mention(skip_determiner(i, a->end), a->end);
      const auto& known = lex_->actors[a->entry->payload];
      m.canonical = known.name;
      m.kind = kind_named(known.kind);
      m.known = true;
      out.push_back(std::move(m));
      // "U.S. State Department" also names the U.S.
      for (std::size_t k = i; k < a->end; ++k) {
        if (auto p = at(k, kPlaceAlias); p && p->rest == 0 && p->end <= a->end) {
          out.push_back(place_mention(k, *p));
          k = p->end - 1;
        }
      }
      i = a->end;
      continue;
    }
    if (auto p = at(i, kPlaceAlias); p && p->rest == 0) {
      // "Sakhalin-1" names a project, not the island.
      const bool numbered = p->end + 1 < t.size() && t[p->end].folded == "-" &&
                            !t[p->end].space_before && t[p->end + 1].kind == TokenKind::kNumber;
      if (!numbered) out.push_back(place_mention(i, *p));
      i = p->end;
      continue;
    }
    // A name the lexicons don't hold: capitalized words, joined by connectors or hyphens.
    if (name_word(t[i]) && !at(i, kNotNameStart) && !at(i, kPlaceAdjective) &&
        !at(i, kDemonym) && !at(i, kEvent)) {
      std::size_t end = i + 1;
      std::size_t words = 1;
      while (end < t.size()) {
        if (name_word(t[end]) && !at(end, kPlaceAlias) && !at(end, kActorAlias)) {
          ++words;
          ++end;
        } else if (t[end].folded == "-" && !t[end].space_before && end + 1 < t.size() &&
                   !t[end + 1].space_before && t[end + 1].kind == TokenKind::kWord) {
          end += 2;  // "Jong-un"
        } else if (at(end, kNameConnector) && end + 1 < t.size() && name_word(t[end + 1])) {
          ++end;
        } else {
          break;
        }
      }
      // A capitalized name before a number is an identifier: "Executive Order 13722".
      const bool numbered = end < t.size() && t[end].kind == TokenKind::kNumber;
      if (words >= 2 && !quoted[i] && !numbered) {
        auto m = mention(i, end);
        m.kind = kind_of(m.surface);
        out.push_back(std::move(m));
        // "Primorye Province statistical service" also names Primorye.
        for (std::size_t k = i; k < end; ++k) {
          if (auto p = at(k, kPlaceAlias); p && p->rest == 0 && p->end <= end) {
            out.push_back(place_mention(k, *p));
            k = p->end - 1;
          }
        }
      }
      i = end;
      continue;
    }
    ++i;
  }
  return out;
}

ActorKind ActorFinder::kind_of(std::string_view name) const {
  if (auto k = known(name)) return k->kind;
  const std::string owned(name);
  auto t = tokenize(owned, Span{0, static_cast<std::uint32_t>(owned.size())});
  lex_->phrases.index(t);
  std::size_t words = 0;
  bool plain = true;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (lex_->phrases.longest(t, i, kOrganizationWord)) return ActorKind::kOrganization;
    if (t[i].kind == TokenKind::kWord) {
      ++words;
      plain = plain && (t[i].capitalized || t[i].script == TokenScript::kHangul);
    }
  }
  return plain && words >= 1 && words <= 4 ? ActorKind::kPerson : ActorKind::kOther;
}

std::optional<ActorMention> ActorFinder::known(std::string_view name) const {
  const std::string owned = fold_spaces(name);
  auto t = tokenize(owned, Span{0, static_cast<std::uint32_t>(owned.size())});
  lex_->phrases.index(t);
  ActorMention m;
  m.surface = owned;
  m.known = true;
  if (auto a = lex_->phrases.longest(t, 0, kActorAlias); a && a->end == t.size() && a->rest == 0) {
    m.canonical = lex_->actors[a->entry->payload].name;
    m.kind = kind_named(lex_->actors[a->entry->payload].kind);
    return m;
  }
  if (auto p = lex_->phrases.longest(t, 0, kPlaceAlias); p && p->end == t.size() && p->rest == 0) {
    const auto& place = lex_->places[p->entry->payload];
    m.canonical = place.name;
    m.kind = place.country ? ActorKind::kCountry : ActorKind::kPlace;
    return m;
  }
  return std::nullopt;
}

std::string actor_id_for(std::string_view name) { return "actor:" + slug(name); }

std::string ActorRegistry::put(const std::string& name, const std::string& surface,
                               ActorKind kind) {
  const std::string id = actor_id_for(name);
  for (auto& a : actors_) {
    if (a.id != id) continue;
    if (std::find(a.aliases.begin(), a.aliases.end(), surface) == a.aliases.end()) {
      a.aliases.push_back(surface);
    }
    return id;
  }
  graph::Actor a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  a.aliases = {surface};
  if (surface != name) a.aliases.insert(a.aliases.begin(), name);
  a.key = slug(name);
  actors_.push_back(std::move(a));
  return id;
}

std::string ActorRegistry::add(const std::string& surface, std::optional<ActorKind> kind) {
  const std::string folded = fold_spaces(surface);
  if (auto k = finder_.known(folded)) return put(k->canonical, folded, kind.value_or(k->kind));
  return put(folded, folded, kind.value_or(finder_.kind_of(folded)));
}

std::string ActorRegistry::add(const ActorMention& m) {
  return put(m.canonical, m.surface, m.kind);
}

}  // namespace claimgraph::ingest
