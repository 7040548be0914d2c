#include "query/eval.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <optional>
#include <sstream>

#include "graph/json_writer.hpp"
#include "graph/text_case.hpp"
#include "query/conflicts.hpp"

namespace claimgraph::query {
namespace {

using graph::NodeKind;

// The gold's documents found in the store, by gold id. A document's text is fetched and folded
// when a quote is looked for in it, and only the last one is held: the gold of a generated
// gigabyte would otherwise hold every text three times over, with a byte offset per byte.
class GoldDocuments {
 public:
  explicit GoldDocuments(SourceTexts& texts) : texts_(texts) {}
  void add(const std::string& doc, const std::string& source_id) { source_of_.emplace(doc, source_id); }
  // The stored source of a gold document; nullptr when it is not in the store.
  const std::string* source_id(const std::string& doc) const {
    const auto it = source_of_.find(doc);
    return it == source_of_.end() ? nullptr : &it->second;
  }
  const std::map<std::string, std::string>& all() const { return source_of_; }
  // Where `quote` is in the document (white space folded on both sides): its original byte
  // span, or nullopt (also for a document not in the store).
  std::optional<graph::Span> find_quote(const std::string& doc, std::string_view quote) {
    if (!hold(doc)) return std::nullopt;
    const std::string q = fold_white_space(quote, nullptr);
    const auto at = folded_.find(q);
    if (at == std::string::npos) return std::nullopt;
    return graph::Span{static_cast<std::uint32_t>(offsets_[at]),
                       static_cast<std::uint32_t>(offsets_[at + q.size() - 1] + 1)};
  }
  // The document's bytes ("" when it is not in the store); valid until the next call.
  std::string_view bytes(const std::string& doc) { return hold(doc) ? std::string_view(bytes_) : ""; }

 private:
  bool hold(const std::string& doc) {
    if (held_ && *held_ == doc) return true;
    const auto* source = source_id(doc);
    if (!source) return false;
    bytes_ = texts_.fetch(*source);
    offsets_.clear();
    folded_ = fold_white_space(bytes_, &offsets_);
    held_ = doc;
    return true;
  }

  SourceTexts& texts_;
  std::map<std::string, std::string> source_of_;
  std::optional<std::string> held_;
  std::string bytes_;
  std::string folded_;
  std::vector<std::size_t> offsets_;  // folded byte -> original byte
};

bool overlaps(graph::Span a, graph::Span b) { return a.begin < b.end && b.begin < a.end; }

std::string lower(const std::string& s) { return graph::ascii_lower(s); }

// Units agree when equal without regard to case, or one names the other's head
// ("ICBM tests" and "tests").
bool units_agree(const std::string& ours, const std::string& gold) {
  const std::string a = lower(ours);
  const std::string b = lower(gold);
  if (a == b) return true;
  const auto ends_with = [](const std::string& s, const std::string& tail) {
    return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0 &&
           s[s.size() - tail.size() - 1] == ' ';
  };
  return ends_with(a, b) || ends_with(b, a);
}

// The README's rule: the interval holds the annotated value(s) and is no wider than twice
// the annotated range plus the value; a single value must be the point; a bound compares
// only the bound.
bool values_match(const graph::Figure& f, const GoldFigure& g) {
  constexpr double kEps = 1e-9;
  const auto close = [](double a, double b) {
    return std::abs(a - b) <= kEps * std::max({1.0, std::abs(a), std::abs(b)});
  };
  if (g.bound) {
    if (*g.bound == "at most") return f.bound == graph::Bound::kAtMost && close(f.hi, g.hi);
    if (*g.bound == "at least") return f.bound == graph::Bound::kAtLeast && close(f.lo, g.lo);
    return false;
  }
  if (f.bound != graph::Bound::kNone) return false;
  const bool contains = f.lo <= g.lo + kEps * std::abs(g.lo) && f.hi >= g.hi - kEps * std::abs(g.hi);
  const double width = f.hi - f.lo;
  const double allowed = 2 * (g.hi - g.lo) + std::max(std::abs(g.lo), std::abs(g.hi));
  if (!contains || width > allowed * (1 + kEps)) return false;
  if (g.lo == g.hi) return f.point && close(*f.point, g.lo);
  return true;
}

double ratio(std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

// Field values compare with white space folded and enclosing quotes and end punctuation
// dropped: "“Russia’s Far East Development and North Korean Workers.”" is the title.
std::string plain(std::string_view s) {
  std::string f = fold_white_space(s, nullptr);
  const auto strip = [&](std::string_view mark) {
    bool changed = false;
    if (f.size() >= mark.size() && f.compare(0, mark.size(), mark) == 0) {
      f.erase(0, mark.size());
      changed = true;
    }
    if (f.size() >= mark.size() && f.compare(f.size() - mark.size(), mark.size(), mark) == 0) {
      f.erase(f.size() - mark.size());
      changed = true;
    }
    return changed;
  };
  for (bool again = true; again;) {
    again = false;
    for (const char* mark : {" ", ".", ",", "\"", "“", "”", "«", "»", "[", "]"}) {
      again = strip(mark) || again;
    }
  }
  return f;
}

void score_work(const std::string& label, const GoldWork& gold, const graph::Reference& ours,
                ReferenceScore& score) {
  const auto field = [&](const char* name, const std::optional<std::string>& want,
                         const std::optional<std::string>& got) {
    if (!want) return;
    ++score.fields_total;
    if (got && plain(*got) == plain(*want)) {
      ++score.fields_correct;
    } else {
      score.wrong.push_back(label + "." + name + ": \"" + got.value_or("null") + "\" for \"" +
                            *want + "\"");
    }
  };
  const auto list = [&](const char* name, const std::vector<std::string>& want,
                        const std::vector<std::string>& got) {
    if (want.empty()) return;
    ++score.fields_total;
    std::vector<std::string> a, b;
    for (const auto& x : want) a.push_back(plain(x));
    for (const auto& x : got) b.push_back(plain(x));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) {
      ++score.fields_correct;
    } else {
      std::string shown;
      for (const auto& x : got) shown += (shown.empty() ? "" : "; ") + x;
      score.wrong.push_back(label + "." + name + ": \"" + shown + "\"");
    }
  };
  list("authors", gold.authors, ours.authors);
  list("authors_original", gold.authors_original, ours.authors_original);
  field("title", gold.title, ours.title);
  field("title_original", gold.title_original, ours.title_original);
  field("title_romanized", gold.title_romanized, ours.title_romanized);
  field("venue", gold.venue, ours.venue);
  field("venue_original", gold.venue_original, ours.venue_original);
  field("date", gold.date, ours.date);
  field("language", gold.language, ours.language);
  field("script", gold.script, ours.script);
}

void score_references(const Gold& gold, const graph::KnowledgeGraph& g,
                      GoldDocuments& docs, ReferenceScore& score) {
  score.total = gold.references.size();
  std::map<std::string, graph::Vertex> node_of;  // gold id -> our node
  for (const auto& r : gold.references) {
    const auto* source = docs.source_id(r.doc);
    if (!source) continue;
    const auto v = g.find(*source + ":fn" + r.marker);
    if (!v) {
      score.wrong.push_back(r.id + ": no reference with marker " + r.marker);
      continue;
    }
    ++score.found;
    node_of[r.id] = *v;
    if (r.same_work_as) continue;  // scored as the work it repeats
    score_work(r.id, r.work, g.reference(*v), score);
    if (r.cited_in) {
      const auto cited = g.out(*v, graph::EdgeKind::kCitedIn);
      if (cited.empty()) {
        ++score.fields_total;
        score.wrong.push_back(r.id + ".cited_in: none");
      } else {
        score_work(r.id + ".cited_in", *r.cited_in, g.reference(cited.front()), score);
      }
    }
  }
  for (const auto& r : gold.references) {
    if (!r.same_work_as) continue;
    ++score.same_work_total;
    const auto a = node_of.find(r.id);
    const auto b = node_of.find(*r.same_work_as);
    if (a != node_of.end() && b != node_of.end() && a->second == b->second) {
      ++score.same_work_joined;
    } else {
      score.wrong.push_back(r.id + ": not one node with " + *r.same_work_as);
    }
  }
  score.field_accuracy = ratio(score.fields_correct, score.fields_total);
}

// The actor nodes a spelling is an alias of.
std::vector<graph::Vertex> actors_named(const graph::KnowledgeGraph& g, const std::string& name) {
  std::vector<graph::Vertex> out;
  const std::string want = fold_white_space(name, nullptr);
  for (const auto v : g.of_kind(NodeKind::kActor)) {
    for (const auto& alias : g.actor(v).aliases) {
      if (fold_white_space(alias, nullptr) == want) {
        out.push_back(v);
        break;
      }
    }
  }
  return out;
}

void score_actors(const Gold& gold, const graph::KnowledgeGraph& g, ActorScore& score) {
  score.groups_total = gold.actor_groups.size();
  for (const auto& group : gold.actor_groups) {
    std::optional<graph::Vertex> node;
    bool one = true;
    std::string missing;
    for (const auto& name : group) {
      const auto found = actors_named(g, name);
      if (found.size() != 1) {
        one = false;
        missing += (missing.empty() ? "" : ", ") + name + (found.empty() ? " (no actor)" : " (several)");
        continue;
      }
      if (node && *node != found.front()) {
        one = false;
        missing += (missing.empty() ? "" : ", ") + name + " (another actor)";
      }
      node = found.front();
    }
    if (one) {
      ++score.groups_resolved;
    } else {
      score.unresolved.push_back(group.front() + ": " + missing);
    }
  }
  for (const auto& [a, b] : gold.distinct_actors) {
    for (const auto va : actors_named(g, a)) {
      const auto vb = actors_named(g, b);
      if (std::find(vb.begin(), vb.end(), va) != vb.end()) {
        ++score.distinct_merged;
        score.merged.push_back(a + " = " + b);
        break;
      }
    }
  }
}

}  // namespace

// Which side of a conflict holds a figure; sides.size() when none does.
std::size_t side_of(const Conflict& c, graph::Vertex v) {
  for (std::size_t k = 0; k < c.sides.size(); ++k) {
    const auto& f = c.sides[k].figures;
    if (std::find(f.begin(), f.end(), v) != f.end()) return k;
  }
  return c.sides.size();
}

// The gold figures `a` and `b` on two different sides of `c`.
bool apart_in(const Conflict& c, const std::map<std::string, graph::Vertex>& figure_of,
              const std::string& a, const std::string& b) {
  const auto x = figure_of.find(a);
  const auto y = figure_of.find(b);
  if (x == figure_of.end() || y == figure_of.end()) return false;
  const auto sa = side_of(c, x->second);
  const auto sb = side_of(c, y->second);
  return sa < c.sides.size() && sb < c.sides.size() && sa != sb;
}

// Our claimant names the gold's: equal, or one holds the other ("U.S. State Department" in
// "U.S. State Department (Trafficking in Persons Report)"), or an accepted alternative.
bool same_claimant(const std::string& ours, const GoldStanceItem& item) {
  const auto holds = [](const std::string& a, const std::string& b) {
    return !a.empty() && !b.empty() && (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
  };
  if (holds(ours, item.claimant)) return true;
  return std::any_of(item.claimant_also_accepted.begin(), item.claimant_also_accepted.end(),
                     [&](const std::string& a) { return holds(ours, a); });
}

// How many quotes of a gold stance conflict our stance conflicts put on the right side with
// the right claimant; what is wrong goes to `wrong`.
std::size_t stance_items_right(const GoldConflict& k, const std::vector<Conflict>& ours,
                               const graph::KnowledgeGraph& g,
                               GoldDocuments& docs,
                               std::vector<std::string>& wrong) {
  // Our stance claims by source: (claim, the side's stance).
  std::unordered_map<const std::string*, std::vector<std::pair<graph::Vertex, graph::Polarity>>>
      by_source;
  std::unordered_map<std::string, const std::string*> source_key;  // source id -> its key
  for (const auto& c : ours) {
    for (const auto& side : c.sides) {
      if (!side.stance) continue;
      for (const auto v : side.claims) {
        const auto s = g.source_of(v);
        if (!s) continue;
        const auto& id = g.source(*s).id;
        by_source[&id].emplace_back(v, *side.stance);
        source_key.emplace(id, &id);
      }
    }
  }
  std::size_t right = 0;
  for (const auto polarity : {graph::Polarity::kFor, graph::Polarity::kAgainst}) {
    const auto& items = polarity == graph::Polarity::kFor ? k.for_items : k.against_items;
    for (const auto& item : items) {
      const auto label = k.id + " " + std::string(to_string(polarity)) + " \u201C" + item.quote + "\u201D";
      const auto where = docs.find_quote(item.doc, item.quote);
      if (!where) {
        wrong.push_back(label + ": quote not found");
        continue;
      }
      std::string why = "no stance conflict holds its claim";
      bool ok = false;
      const auto key = source_key.find(*docs.source_id(item.doc));
      if (key != source_key.end()) {
        for (const auto& [v, stance] : by_source[key->second]) {
          if (!overlaps(g.span_of_claim(v), *where)) continue;
          const auto& claimant = g.claimant_of_claim(v);
          if (stance != polarity) {
            why = "on the other side";
          } else if (!same_claimant(claimant, item)) {
            why = "claimant \"" + claimant + "\"";
          } else {
            ok = true;
          }
        }
      }
      if (ok) {
        ++right;
      } else {
        wrong.push_back(label + ": " + why);
      }
    }
  }
  return right;
}

void score_conflicts(const Gold& gold, const graph::KnowledgeGraph& g,
                     GoldDocuments& docs,
                     const std::map<std::string, graph::Vertex>& figure_of, ConflictScore& score) {
  // What `conflicts --include-undated` reports: the gold marks conflicts whose time is
  // unknown (an article without a date) as conflicts all the same; the default threshold holds.
  ConflictQuery q;
  q.include_undated = true;
  auto ours = figure_conflicts(g, q);
  const auto stance = stance_conflicts(g, q, {});
  ours.insert(ours.end(), stance.begin(), stance.end());
  score.required_total = gold.required_conflicts;
  score.reported = ours.size();
  // Where each of our figures sits: (conflict, side). Groups are disjoint, so a figure is in
  // one figure conflict at most.
  std::unordered_map<graph::Vertex, std::pair<std::size_t, std::size_t>> placed;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    for (std::size_t side = 0; side < ours[i].sides.size(); ++side) {
      for (const auto v : ours[i].sides[side].figures) placed.emplace(v, std::make_pair(i, side));
    }
  }
  const auto where_is = [&](const std::string& gold_figure)
      -> std::optional<std::pair<std::size_t, std::size_t>> {
    const auto f = figure_of.find(gold_figure);
    if (f == figure_of.end()) return std::nullopt;
    const auto p = placed.find(f->second);
    if (p == placed.end()) return std::nullopt;
    return p->second;
  };
  // The gold figures `a` and `b` on two different sides of one of ours: its index.
  const auto apart = [&](const std::string& a, const std::string& b) -> std::optional<std::size_t> {
    const auto x = where_is(a);
    const auto y = where_is(b);
    if (!x || !y || x->first != y->first || x->second == y->second) return std::nullopt;
    return x->first;
  };
  // Ours that realize a gold figure conflict: a figure of one gold side and a figure of another
  // on different sides of it.
  const auto realized_by = [&](const GoldConflict& k) {
    std::set<std::size_t> out;
    for (std::size_t s = 0; s < k.sides.size(); ++s) {
      for (std::size_t t = s + 1; t < k.sides.size(); ++t) {
        for (const auto& a : k.sides[s]) {
          for (const auto& b : k.sides[t]) {
            if (const auto i = apart(a, b)) out.insert(*i);
          }
        }
      }
    }
    return out;
  };
  // A gold stance conflict is found when every one of its quotes is on the right side of one
  // of ours with the right claimant; ours that hold any of its quotes realize it.
  std::map<std::string, std::size_t> stance_right;  // gold id -> quotes right
  for (const auto& k : gold.conflicts) {
    if (k.kind != "stance") continue;
    std::vector<std::string> wrong;
    stance_right[k.id] = stance_items_right(k, stance, g, docs, wrong);
    score.stance_items_total += k.for_items.size() + k.against_items.size();
    score.stance_items_right += stance_right[k.id];
    for (auto& w : wrong) score.wrong.push_back(std::move(w));
  }
  std::vector<bool> listed(ours.size(), false);
  for (const auto& k : gold.conflicts) {
    bool found = false;
    if (k.kind == "figure") {
      const auto by = realized_by(k);
      found = !by.empty();
      for (const auto i : by) listed[i] = true;
    } else {
      found = stance_right[k.id] == k.for_items.size() + k.against_items.size() &&
              stance_right[k.id] > 0;
      for (std::size_t i = 0; i < ours.size(); ++i) {
        std::vector<std::string> ignored;
        if (ours[i].kind == "stance" && stance_items_right(k, {ours[i]}, g, docs, ignored) > 0) {
          listed[i] = true;
        }
      }
    }
    if (found && k.required) ++score.required_found;
    if (!found && k.required) {
      score.missed.push_back(k.id + (k.kind == "figure"
                                         ? ": its figures are not on two sides of one conflict"
                                         : ": not every quote on its side with its claimant"));
    }
  }
  std::vector<bool> tension(ours.size(), false);
  for (const auto& p : gold.possible_tensions) {
    if (const auto i = apart(p.first, p.second)) tension[*i] = true;
  }
  for (std::size_t i = 0; i < ours.size(); ++i) {
    if (listed[i]) {
      ++score.correct;
    } else if (tension[i]) {
      ++score.tensions;
    } else {
      score.wrong.push_back(ours[i].id + ": not a conflict of the gold (" + ours[i].explanation + ")");
    }
  }
  for (const auto& [a, b] : gold.non_conflicts) {
    if (const auto i = apart(a, b)) {
      ++score.false_conflicts;
      score.wrong.push_back(a + " / " + b + ": a non-conflict reported in " + ours[*i].id);
    }
  }
  score.precision = ratio(score.correct, score.reported - score.tensions);
  score.recall = ratio(score.required_found, score.required_total);
}

EvalReport evaluate(const Gold& gold, const graph::KnowledgeGraph& g, SourceTexts& texts) {
  EvalReport report;
  report.gold_path = gold.path;
  // The gold's documents, found by file name among the stored sources.
  GoldDocuments docs(texts);
  std::unordered_map<std::string, graph::Vertex> source_by_file;  // the first of each file name
  for (const auto v : g.of_kind(NodeKind::kSource)) source_by_file.emplace(g.source(v).file, v);
  for (const auto& d : gold.documents) {
    if (const auto it = source_by_file.find(d.file); it != source_by_file.end()) {
      docs.add(d.id, g.source(it->second).id);
    }
    if (!docs.source_id(d.id)) {
      report.warnings.push_back("gold document " + d.id + " (" + d.file + ") is not in the store");
    }
  }

  // Our figures per gold document.
  std::map<std::string, std::vector<graph::Vertex>> ours;
  std::unordered_map<std::string, std::vector<std::string>> docs_of_source;
  for (const auto& [id, source] : docs.all()) docs_of_source[source].push_back(id);
  for (const auto v : g.of_kind(NodeKind::kFigure)) {
    const auto it = docs_of_source.find(*g.figure_strings(v).source_id);
    if (it == docs_of_source.end()) continue;
    for (const auto& id : it->second) ours[id].push_back(v);
  }
  auto& fs = report.figures;
  std::map<graph::Vertex, bool> used;
  std::map<std::string, graph::Vertex> figure_of;  // gold figure id -> our figure
  for (const auto& gf : gold.figures) {
    if (!gf.optional) ++fs.required;
    if (!docs.source_id(gf.doc)) {
      if (!gf.optional) fs.missed.push_back(gf.id + ": document not in the store");
      continue;
    }
    const auto where = docs.find_quote(gf.doc, gf.quote);
    if (!where) {
      report.warnings.push_back("gold figure " + gf.id + ": quote not found in " + gf.doc);
      if (!gf.optional) fs.missed.push_back(gf.id + ": quote not found");
      continue;
    }
    std::optional<graph::Vertex> match;
    std::string why = "no figure in the quote";
    for (const auto v : ours[gf.doc]) {
      const auto& f = g.figure(v);
      if (used[v] || !overlaps(f.span, *where)) continue;
      if (!values_match(f, gf)) {
        why = "\"" + f.text + "\" has another value";
        continue;
      }
      match = v;
      break;
    }
    if (!match) {
      if (!gf.optional) fs.missed.push_back(gf.id + ": " + why);
      continue;
    }
    used[*match] = true;
    figure_of[gf.id] = *match;
    if (!gf.optional) ++fs.found;
    const auto& f = g.figure(*match);
    if (units_agree(f.unit, gf.unit)) {
      ++fs.unit_agrees;
    } else {
      fs.unit_mismatches.push_back(gf.id + ": \"" + f.unit + "\" for \"" + gf.unit + "\"");
    }
  }
  for (const auto& [doc, list] : ours) {
    for (const auto v : list) {
      ++fs.reported;
      if (used[v]) {
        ++fs.correct;
      } else {
        fs.false_positives.push_back(g.figure(v).id + " \"" + g.figure(v).text + "\"");
      }
    }
  }
  for (const auto& nf : gold.not_figures) {
    if (!docs.source_id(nf.doc)) continue;
    auto where = docs.find_quote(nf.doc, nf.text);
    if (!where) {
      report.warnings.push_back("not-figure \"" + nf.text + "\" not found in " + nf.doc);
      continue;
    }
    if (nf.focus) {
      // Only the focused part: its last occurrence inside the text (a trailing marker).
      const std::string_view whole = docs.bytes(nf.doc).substr(where->begin, where->size());
      const auto at = whole.rfind(*nf.focus);
      if (at != std::string_view::npos) {
        where = graph::Span{static_cast<std::uint32_t>(where->begin + at),
                            static_cast<std::uint32_t>(where->begin + at + nf.focus->size())};
      }
    }
    for (const auto v : ours[nf.doc]) {
      if (overlaps(g.figure(v).span, *where)) {
        ++fs.not_figure_hits;
        fs.not_figures_hit.push_back(nf.text + " (as " + g.figure(v).id + ")");
        break;
      }
    }
  }
  fs.precision = ratio(fs.correct, fs.reported);
  fs.recall = ratio(fs.found, fs.required);

  score_references(gold, g, docs, report.references);
  score_actors(gold, g, report.actors);
  score_conflicts(gold, g, docs, figure_of, report.conflicts);
  return report;
}

std::string eval_json(const EvalReport& r) {
  graph::json::Pretty out;
  auto& w = out.writer;
  const auto list = [&](const std::vector<std::string>& items) { graph::json::strings(w, items); };
  const auto& f = r.figures;
  w.StartObject();
  w.Key("gold");
  graph::json::string(w, r.gold_path);
  w.Key("figures");
  w.StartObject();
  w.Key("precision");
  w.Double(f.precision);
  w.Key("recall");
  w.Double(f.recall);
  w.Key("not_figure_hits");
  w.Uint(static_cast<unsigned>(f.not_figure_hits));
  w.Key("reported");
  w.Uint(static_cast<unsigned>(f.reported));
  w.Key("correct");
  w.Uint(static_cast<unsigned>(f.correct));
  w.Key("required");
  w.Uint(static_cast<unsigned>(f.required));
  w.Key("found");
  w.Uint(static_cast<unsigned>(f.found));
  w.Key("unit_agrees");
  w.Uint(static_cast<unsigned>(f.unit_agrees));
  w.Key("missed");
  list(f.missed);
  w.Key("false_positives");
  list(f.false_positives);
  w.Key("not_figures_hit");
  list(f.not_figures_hit);
  w.Key("unit_mismatches");
  list(f.unit_mismatches);
  w.EndObject();
  const auto count = [&](const char* key, std::size_t n) {
    w.Key(key);
    w.Uint(static_cast<unsigned>(n));
  };
  const auto ratio_of = [&](const char* key, double x) {
    w.Key(key);
    w.Double(x);
  };
  const auto& rs = r.references;
  w.Key("references");
  w.StartObject();
  count("found", rs.found);
  count("total", rs.total);
  ratio_of("field_accuracy", rs.field_accuracy);
  count("fields_correct", rs.fields_correct);
  count("fields_total", rs.fields_total);
  count("same_work_joined", rs.same_work_joined);
  count("same_work_total", rs.same_work_total);
  w.Key("wrong");
  list(rs.wrong);
  w.EndObject();
  const auto& as = r.actors;
  w.Key("actors");
  w.StartObject();
  count("groups_resolved", as.groups_resolved);
  count("groups_total", as.groups_total);
  count("distinct_merged", as.distinct_merged);
  w.Key("unresolved");
  list(as.unresolved);
  w.Key("merged");
  list(as.merged);
  w.EndObject();
  const auto& cs = r.conflicts;
  w.Key("conflicts");
  w.StartObject();
  count("required_found", cs.required_found);
  count("required_total", cs.required_total);
  count("false_conflicts", cs.false_conflicts);
  ratio_of("precision", cs.precision);
  ratio_of("recall", cs.recall);
  count("reported", cs.reported);
  count("correct", cs.correct);
  count("possible_tensions", cs.tensions);
  count("stance_items_right", cs.stance_items_right);
  count("stance_items_total", cs.stance_items_total);
  w.Key("missed");
  list(cs.missed);
  w.Key("wrong");
  list(cs.wrong);
  w.EndObject();
  w.Key("warnings");
  list(r.warnings);
  w.EndObject();
  return out.line();
}

std::string eval_text(const EvalReport& r) {
  std::ostringstream out;
  const auto& f = r.figures;
  out.setf(std::ios::fixed);
  out.precision(3);
  out << "gold: " << r.gold_path << "\n\nfigures\n"
      << "  precision        " << f.precision << "  (" << f.correct << " of " << f.reported
      << " reported match the gold)\n"
      << "  recall           " << f.recall << "  (" << f.found << " of " << f.required
      << " required gold figures found)\n"
      << "  not-figure hits  " << f.not_figure_hits << "\n"
      << "  units agree      " << f.unit_agrees << " of the matched\n";
  for (const auto& m : f.missed) out << "  missed: " << m << "\n";
  for (const auto& m : f.false_positives) out << "  false positive: " << m << "\n";
  for (const auto& m : f.not_figures_hit) out << "  not a figure, reported: " << m << "\n";
  for (const auto& m : f.unit_mismatches) out << "  unit: " << m << "\n";
  const auto& rs = r.references;
  out << "\nreferences\n"
      << "  found            " << rs.found << " of " << rs.total << " footnotes\n"
      << "  field accuracy   " << rs.field_accuracy << "  (" << rs.fields_correct << " of "
      << rs.fields_total << " annotated fields)\n"
      << "  one work, one node " << rs.same_work_joined << " of " << rs.same_work_total << "\n";
  for (const auto& m : rs.wrong) out << "  wrong: " << m << "\n";
  const auto& as = r.actors;
  out << "\nactors\n"
      << "  groups resolved  " << as.groups_resolved << " of " << as.groups_total << "\n"
      << "  distinct merged  " << as.distinct_merged << "\n";
  for (const auto& m : as.unresolved) out << "  not joined: " << m << "\n";
  for (const auto& m : as.merged) out << "  merged: " << m << "\n";
  const auto& cs = r.conflicts;
  out << "\nconflicts\n"
      << "  required found   " << cs.required_found << " of " << cs.required_total << "\n"
      << "  precision        " << cs.precision << "  (" << cs.correct << " of " << cs.reported
      << " reported are the gold's; " << cs.tensions << " possible tensions not counted)\n"
      << "  recall           " << cs.recall << "\n"
      << "  false conflicts  " << cs.false_conflicts << "\n"
      << "  stance quotes    " << cs.stance_items_right << " of " << cs.stance_items_total
      << " on the right side with the right claimant\n";
  for (const auto& m : cs.missed) out << "  missed: " << m << "\n";
  for (const auto& m : cs.wrong) out << "  wrong: " << m << "\n";
  for (const auto& w : r.warnings) out << "warning: " << w << "\n";
  return out.str();
}

}  // namespace claimgraph::query
