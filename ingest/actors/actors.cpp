#include "ingest/actors/actors.hpp"

#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "ingest/text_util.hpp"
#include "ingest/tokens.hpp"

namespace claimgraph::ingest::actors {
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
  // A match may leave Korean particles of its last word: "러시아에" names 러시아.
  const auto at = [&](std::size_t i, std::uint16_t kind) -> std::optional<PhraseTable::Match> {
    if (i >= t.size()) return std::nullopt;
    auto m = phrases.longest(t, i, kind);
    if (m && m->rest > 0 && !particle_rest(phrases, t, *m)) return std::nullopt;
    return m;
  };
  std::vector<ActorMention> out;
  auto mention = [&](std::size_t from, std::size_t to, std::uint32_t rest = 0) {
    ActorMention m;
    m.span = Span{t[from].span.begin, t[to - 1].span.end - rest};
    m.surface = fold_spaces(slice(text, m.span));
    m.canonical = m.surface;
    return m;
  };
  // "the Russian Federation" is met as "Russian Federation".
  auto skip_determiner = [&](std::size_t from, std::size_t to) {
    return from + 1 < to && at(from, kDeterminer) ? from + 1 : from;
  };
  auto place_mention = [&](std::size_t i, const PhraseTable::Match& p) {
    auto m = mention(skip_determiner(i, p.end), p.end, p.rest);
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
    if (auto a = at(i, kActorAlias)) {
      auto m = mention(skip_determiner(i, a->end), a->end, a->rest);
      const auto& known = lex_->actors[a->entry->payload];
      m.canonical = known.name;
      m.kind = kind_named(known.kind);
      m.known = true;
      out.push_back(std::move(m));
      // "U.S. State Department" also names the U.S.
      for (std::size_t k = i; k < a->end; ++k) {
        if (auto p = at(k, kPlaceAlias); p && p->end <= a->end) {
          out.push_back(place_mention(k, *p));
          k = p->end - 1;
        }
      }
      i = a->end;
      continue;
    }
    if (auto p = at(i, kPlaceAlias)) {
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
          if (auto p = at(k, kPlaceAlias); p && p->end <= end) {
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
  // A group of people by its last word: "local officials", "Russian authorities", "당국".
  std::size_t head = t.size();
  while (head > 0 && t[head - 1].kind != TokenKind::kWord) --head;
  if (head > 0) {
    if (auto g = lex_->phrases.longest(t, head - 1, kGroupWord); g && g->end == head) {
      return ActorKind::kGroup;
    }
  }
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

std::optional<std::size_t> ActorRegistry::same_person(const PersonName& name) const {
  // Only persons of the same surname key can match (NameMatcher::same_person); the first
  // actor in order that does is the one.
  const auto it = by_surname_.find(name.surname_key);
  if (it == by_surname_.end()) return std::nullopt;
  for (const std::size_t i : it->second) {
    for (const auto& spelling : parsed_[i]) {
      if (NameMatcher::same_person(spelling, name)) return i;
    }
  }
  return std::nullopt;
}

void ActorRegistry::index_spelling(std::size_t i, PersonName spelling) {
  if (!spelling.surname_key.empty()) {
    auto& list = by_surname_[spelling.surname_key];
    const auto at = std::lower_bound(list.begin(), list.end(), i);
    if (at == list.end() || *at != i) list.insert(at, i);
  }
  parsed_[i].push_back(std::move(spelling));
}

void ActorRegistry::index_alias(std::size_t i, const std::string& surface) {
  alias_sets_[i].insert(surface);
  // A spelling names the first actor (in order) that has it.
  const auto [it, added] = by_alias_.emplace(surface, i);
  if (!added && i < it->second) it->second = i;
}

std::string ActorRegistry::alias(std::size_t i, const std::string& surface) {
  auto& a = actors_[i];
  if (alias_sets_[i].count(surface) == 0) {
    a.aliases.push_back(surface);
    index_alias(i, surface);
    // parsed_[i] keeps step with the aliases of a person.
    if (!parsed_[i].empty() && names_ != nullptr) index_spelling(i, names_->parse(surface));
  }
  return a.id;
}

std::string ActorRegistry::put(const std::string& name, const std::string& surface,
                               ActorKind kind) {
  const std::string id = actor_id_for(name);
  if (const auto it = by_id_.find(id); it != by_id_.end()) return alias(it->second, surface);
  // A spelling met before names the actor it was met for, whatever kind is guessed now.
  if (const auto it = by_alias_.find(surface); it != by_alias_.end()) {
    return actors_[it->second].id;
  }
  PersonName person;
  if (kind == ActorKind::kPerson && names_ != nullptr) {
    person = names_->parse(surface);
    if (!person.surname_key.empty()) {
      if (const auto i = same_person(person)) return alias(*i, surface);
    }
  }
  graph::Actor a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  a.aliases = {surface};
  if (surface != name) a.aliases.insert(a.aliases.begin(), name);
  a.key = slug(name);
  const std::size_t i = actors_.size();
  actors_.push_back(std::move(a));
  parsed_.emplace_back();
  alias_sets_.emplace_back();
  by_id_.emplace(id, i);
  for (const auto& alias : actors_[i].aliases) index_alias(i, alias);
  if (!person.surname_key.empty()) {
    if (surface != name) index_spelling(i, names_->parse(name));
    index_spelling(i, std::move(person));
  }
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

void ActorRegistry::add_alias(const std::string& id, const std::string& surface) {
  if (const auto it = by_id_.find(id); it != by_id_.end()) alias(it->second, fold_spaces(surface));
}

namespace {

bool latin_only(std::string_view s) {
  for (std::size_t i = 0, next = 0; i < s.size(); i = next) {
    const UChar32 c = code_point_at(s, i, &next);
    if (c < 0x80) continue;
    UErrorCode status = U_ZERO_ERROR;
    const auto script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON &&
        script != USCRIPT_INHERITED) {
      return false;
    }
  }
  return true;
}

}  // namespace

void ActorRegistry::finish(std::vector<graph::Edge>& edges) {
  std::map<std::string, std::string> renamed;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    auto& a = actors_[i];
    const auto& spellings = parsed_[i];
    if (spellings.empty()) continue;
    // The name to show: Latin over other scripts, given names spelled out over initials, more
    // initials over fewer, the first met over later ones. parsed_ lists the aliases' parses in
    // the aliases' order, the canonical name first when it differs from the first spelling.
    std::size_t best = 0;
    auto score = [&](std::size_t k) {
      const auto& p = spellings[k];
      return std::tuple(latin_only(a.aliases[k]), !p.given.empty(), p.initials.size());
    };
    for (std::size_t k = 1; k < spellings.size() && k < a.aliases.size(); ++k) {
      if (score(k) > score(best)) best = k;
    }
    const auto& p = spellings[best];
    a.key = p.surname_key + "|" + (p.given_key.empty() ? p.initials : p.given_key);
    const std::string name = a.aliases[best];
    const std::string id = actor_id_for(name);
    const bool taken = by_id_.count(id) > 0;
    a.name = name;
    if (id == a.id || taken) continue;
    renamed[a.id] = id;
    by_id_.erase(a.id);
    by_id_.emplace(id, i);
    a.id = id;
  }
  if (renamed.empty()) return;
  for (auto& e : edges) {
    if (const auto it = renamed.find(e.from); it != renamed.end()) e.from = it->second;
    if (const auto it = renamed.find(e.to); it != renamed.end()) e.to = it->second;
  }
}

}  // namespace claimgraph::ingest::actors
