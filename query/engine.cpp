#include "query/engine.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include "graph/json_writer.hpp"
#include "query/agreements.hpp"
#include "query/conflicts.hpp"
#include "query/json_output.hpp"
#include "query/listing.hpp"
#include "query/trace.hpp"

namespace claimgraph::query {
namespace {

Response failed(Status status, std::string error) {
  Response r;
  r.status = status;
  r.error = std::move(error);
  return r;
}

// The options each command takes (besides none at all).
const std::map<std::string, std::set<std::string>, std::less<>>& allowed() {
  static const std::map<std::string, std::set<std::string>, std::less<>> options = {
      {"sources", {}},
      {"claims", {"source"}},
      {"figures", {"measure", "source"}},
      {"references", {"source"}},
      {"actors", {"kind"}},
      {"conflicts",
       {"kind", "measure", "actor", "source", "min-confidence", "include-undated", "unresolved",
        "as-of"}},
      {"agreements", {"kind", "measure", "actor", "source", "min-confidence", "include-undated"}},
      {"trace", {"query"}},
      {"show", {"id"}},
  };
  return options;
}

std::optional<std::string> option(const Request& r, std::string_view name) {
  const auto it = r.options.find(name);
  if (it == r.options.end()) return std::nullopt;
  return it->second;
}

std::optional<bool> flag(const std::string& value) {
  if (value.empty() || value == "true" || value == "1" || value == "yes") return true;
  if (value == "false" || value == "0" || value == "no") return false;
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& engine_commands() {
  static const std::vector<std::string> commands = {"sources",    "claims", "figures",
                                                    "references", "actors", "conflicts",
                                                    "agreements", "trace",  "show"};
  return commands;
}

Engine::Engine(graph::Store& store) : store_(store) {}

Engine::~Engine() = default;

void Engine::reload() {
  texts_.reset();
  graph_.reset();
  verdict_history_.reset();
}

Verdicts Engine::verdicts(const std::optional<std::string>& as_of) {
  const auto& g = graph();
  if (!verdict_history_) verdict_history_ = store_.verdicts();
  if (verdict_history_->empty()) return Verdicts{};
  return Verdicts(*verdict_history_, g, as_of);
}

const graph::KnowledgeGraph& Engine::graph() {
  if (!graph_) {
    graph_ = std::make_unique<graph::KnowledgeGraph>(store_.load());
    texts_ = std::make_unique<SourceTexts>(store_);
    facts_ = store_.lexicon_facts();
  }
  return *graph_;
}

Response Engine::run(const Request& request) {
  std::ostringstream out;
  Response r = run(request, out);
  r.out = out.str();
  return r;
}

Response Engine::run(const Request& request, std::ostream& out) {
  const auto known = allowed().find(request.command);
  if (known == allowed().end()) {
    return failed(Status::kBadRequest, "unknown command \"" + request.command + "\"");
  }
  for (const auto& [name, value] : request.options) {
    if (!known->second.count(name)) {
      return failed(Status::kBadRequest, "unknown option \"" + name + "\" for " + request.command);
    }
  }
  const bool json = request.json;
  Response r;
  if (request.command == "sources") {
    const auto sources = store_.sources();
    json ? sources_json(out, sources) : sources_text(out, sources);
    return r;
  }
  if (request.command == "conflicts" || request.command == "agreements") {
    return sides(request, request.command == "agreements", out);
  }
  if (request.command == "trace") return trace(request, out);
  if (request.command == "show") return show(request, out);
  // With --source and nothing open yet, a listing reads that source's document alone.
  std::optional<graph::KnowledgeGraph> document;
  if (const auto source = option(request, "source"); source && request.command != "actors") {
    document = document_of(*source);
  }
  const auto& g = document ? *document : graph();
  // A --source that names no source is an error, not an empty listing.
  if (const auto source = option(request, "source"); source && !g.find(*source)) {
    return failed(Status::kNotFound, "no source with id \"" + *source + "\" in " + store_.path());
  }
  if (request.command == "claims") {
    const auto selected = select_claims(g, option(request, "source"));
    json ? claims_json(out, g, selected, *texts_)
         : claims_text(out, g, selected, *texts_, request.style);
  } else if (request.command == "figures") {
    const auto selected = select_figures(g, option(request, "measure"), option(request, "source"));
    const auto in_force = verdicts_over(g);
    json ? figures_json(out, g, selected, *texts_, in_force)
         : figures_text(out, g, selected, *texts_, request.style, in_force);
  } else if (request.command == "references") {
    const auto selected = select_references(g, option(request, "source"));
    json ? references_json(out, g, selected)
         : references_text(out, g, selected, *texts_, request.style);
  } else if (request.command == "actors") {
    std::optional<graph::ActorKind> kind;
    if (const auto name = option(request, "kind")) {
      kind = graph::actor_kind_from(*name);
      if (!kind) {
        return failed(Status::kBadRequest,
                      "unknown actor kind \"" + *name +
                          "\" (person, organization, group, country, place, other)");
      }
    }
    const auto selected = select_actors(g, kind);
    json ? actors_json(out, g, selected) : actors_text(out, g, selected);
  }
  return r;
}

Response Engine::show(const Request& request, std::ostream& out) {
  const auto id = option(request, "id");
  if (!id) return failed(Status::kBadRequest, "show needs a node id");
  // A node of one document is shown from that document alone (what it costs is that
  // document, not the store). An actor belongs to every document naming it: the whole graph.
  const auto document = document_of(*id);
  const auto& g = document ? *document : graph();
  const auto v = g.find(*id);
  if (!v) return failed(Status::kNotFound, "no node with id \"" + *id + "\" in " + store_.path());
  const auto in_force = verdicts_over(g);
  request.json ? show_json(out, g, *v, *texts_, in_force)
               : show_text(out, g, *v, *texts_, request.style, in_force);
  return Response{};
}

std::optional<graph::KnowledgeGraph> Engine::document_of(const std::string& id) {
  if (graph_) return std::nullopt;  // the whole graph is open (the server's): it answers
  auto document = store_.load_document_of(id);
  if (!document || !document->find(id)) return std::nullopt;  // not there, or replaced meanwhile
  if (!texts_) texts_ = std::make_unique<SourceTexts>(store_);
  return document;
}

Verdicts Engine::verdicts_over(const graph::KnowledgeGraph& g) {
  if (&g == graph_.get()) return verdicts();
  auto history = store_.verdicts();
  if (history.empty()) return Verdicts{};
  return Verdicts(std::move(history), g, std::nullopt);
}

Response Engine::sides(const Request& request, bool agreements, std::ostream& out) {
  const std::string noun = agreements ? "agreement" : "conflict";
  const std::string kind = option(request, "kind").value_or("");
  if (!kind.empty() && kind != "figure" && kind != "stance") {
    return failed(Status::kBadRequest,
                  "unknown " + noun + " kind \"" + kind + "\" (figure, stance)");
  }
  ConflictQuery q;
  q.measure = option(request, "measure");
  q.actor = option(request, "actor");
  q.source = option(request, "source");
  if (const auto value = option(request, "min-confidence")) {
    char* end = nullptr;
    const double v = std::strtod(value->c_str(), &end);
    if (value->empty() || end != value->c_str() + value->size() || !(v >= 0.0 && v <= 1.0)) {
      return failed(Status::kBadRequest,
                    "--min-confidence: \"" + *value + "\" is not a number from 0 to 1");
    }
    q.min_confidence = v;
  }
  if (const auto value = option(request, "include-undated")) {
    const auto on = flag(*value);
    if (!on)
      return failed(Status::kBadRequest,
                    "--include-undated: \"" + *value + "\" is not true or false");
    q.include_undated = *on;
  }
  const auto as_of = option(request, "as-of");
  if (as_of && !is_moment(*as_of)) {
    return failed(Status::kBadRequest,
                  "--as-of: \"" + *as_of + "\" is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  }
  bool unresolved = false;
  if (const auto value = option(request, "unresolved")) {
    const auto on = flag(*value);
    if (!on)
      return failed(Status::kBadRequest, "--unresolved: \"" + *value + "\" is not true or false");
    unresolved = *on;
  }
  const auto& g = graph();
  if (q.source && !g.find(*q.source)) {
    return failed(Status::kNotFound, "no source with id \"" + *q.source + "\" in " + store_.path());
  }
  std::vector<Conflict> found;
  Hidden hidden;
  if (kind != "stance") {
    found = agreements ? figure_agreements(g, q, &hidden) : figure_conflicts(g, q, &hidden);
  }
  if (kind != "figure") {
    auto stance = agreements ? stance_agreements(g, q, facts_.propositions, &hidden)
                             : stance_conflicts(g, q, facts_.propositions, &hidden);
    found.insert(found.end(), stance.begin(), stance.end());
  }
  // Conflicts carry the editors' verdicts (as they stood at --as-of); agreements do not.
  std::optional<Verdicts> in_force;
  std::size_t resolved_hidden = 0;
  if (!agreements) {
    in_force = verdicts(as_of);
    if (unresolved) {
      const auto before = found.size();
      found.erase(std::remove_if(found.begin(), found.end(),
                                 [&](const Conflict& c) { return in_force->resolved(g, c); }),
                  found.end());
      resolved_hidden = before - found.size();
    }
  }
  const Verdicts* decided = in_force ? &*in_force : nullptr;
  Response r;
  request.json ? conflicts_json(out, g, found, decided)
               : conflicts_text(out, g, found, *texts_, request.style, noun, decided);
  r.note = hidden_text(hidden, q, noun);
  if (resolved_hidden > 0) {
    r.note += std::to_string(resolved_hidden) + " resolved " + noun +
              (resolved_hidden == 1 ? "" : "s") + " hidden (--unresolved)\n";
  }
  return r;
}

Response Engine::trace(const Request& request, std::ostream& out) {
  const auto words = option(request, "query");
  if (!words) return failed(Status::kBadRequest, "trace needs a figure id, its words or a quote");
  const auto& g = graph();
  const auto figures = find_figures(g, *words);
  if (figures.empty()) {
    return failed(Status::kNotFound, "no figure matches \"" + *words + "\" in " + store_.path());
  }
  const auto in_force = verdicts();
  Response r;
  if (request.json) {
    // One object: the first match; the others are named beside it.
    trace_json(out, g, trace_figure(g, figures.front(), facts_.predecessors), *texts_, in_force);
    for (std::size_t i = 1; i < figures.size(); ++i) {
      r.note += "claimgraph: \"" + *words + "\" also matches " + g.id_of(figures[i]) + "\n";
    }
  } else {
    for (const auto f : figures) {
      trace_text(out, g, trace_figure(g, f, facts_.predecessors), *texts_, request.style, in_force);
    }
  }
  return r;
}

Response Engine::record_verdict(const VerdictInput& input, bool json) {
  const auto blank = [](const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
  };
  if (blank(input.by)) return failed(Status::kBadRequest, "a verdict needs --by NAME");
  if (input.rank != graph::Rank::kCleared && blank(input.reason)) {
    return failed(Status::kBadRequest, "a verdict needs --reason TEXT");
  }
  graph::Verdict v;
  v.at = input.at.value_or(now_utc());
  if (!is_moment(v.at)) {
    return failed(Status::kBadRequest,
                  "--at: \"" + v.at + "\" is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  }
  if (v.at.size() == 10) v.at += "T00:00:00Z";
  const auto& g = graph();
  const auto node = g.find(input.target);
  const auto kind = node ? std::optional<graph::NodeKind>(g.kind_of(*node)) : std::nullopt;
  if (kind != graph::NodeKind::kFigure && kind != graph::NodeKind::kClaim) {
    return failed(Status::kNotFound,
                  "no figure or claim with id \"" + input.target + "\" in " + store_.path());
  }
  if (kind == graph::NodeKind::kClaim && g.stances_of_claim(*node).empty()) {
    return failed(Status::kBadRequest,
                  "claim \"" + input.target +
                      "\" takes no stance; verdicts are on figures and stance claims");
  }
  v.target = input.target;
  v.target_text = *verdict_words(g, input.target);
  v.rank = input.rank;
  v.reason = input.reason;
  v.by = input.by;
  v.seq = store_.add_verdict(v);
  verdict_history_.reset();
  Response r;
  if (json) {
    graph::json::Pretty out;
    auto& w = out.writer;
    w.StartObject();
    w.Key("target");
    graph::json::string(w, v.target);
    w.Key("seq");
    w.Int64(v.seq);
    w.Key("rank");
    graph::json::string(w, to_string(v.rank));
    w.Key("reason");
    graph::json::string(w, v.reason);
    w.Key("by");
    graph::json::string(w, v.by);
    w.Key("at");
    graph::json::string(w, v.at);
    w.EndObject();
    r.out = out.line();
  } else {
    r.out = "recorded verdict " + std::to_string(v.seq) + ": " + v.target + " \u201C" +
            v.target_text + "\u201D " + std::string(to_string(v.rank)) + " by " + v.by + ", " +
            v.at + (v.reason.empty() ? "" : ": " + v.reason) + "\n";
  }
  return r;
}

Response Engine::export_graph(ExportFormat format, const ExportSelection& selection,
                              std::ostream& out, const std::string& dir) {
  const auto& g = graph();
  if (selection.source && !g.find(*selection.source)) {
    return failed(Status::kNotFound,
                  "no source with id \"" + *selection.source + "\" in " + store_.path());
  }
  const auto keep = select_for_export(g, selection);
  const auto in_force = verdicts();
  ExportCounts counts;
  switch (format) {
    case ExportFormat::kGraphml:
      counts = write_graphml(out, g, keep, in_force);
      break;
    case ExportFormat::kJsonld:
      counts = write_jsonld(out, g, keep, in_force);
      break;
    case ExportFormat::kCsv:
      counts = write_csv(dir, g, keep, in_force);
      break;
  }
  std::size_t nodes = 0, edges = 0;
  std::string kinds;
  for (const auto& [kind, n] : counts.nodes) {
    nodes += n;
    kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  }
  for (const auto& [kind, n] : counts.edges) edges += n;
  Response r;
  r.note = "exported " + std::to_string(nodes) + " nodes (" + kinds + ") and " +
           std::to_string(edges) + " edges\n";
  return r;
}

Response Engine::eval(const Gold& gold, bool json) {
  const auto& g = graph();
  const auto report = evaluate(gold, g, *texts_);
  Response r;
  r.out = json ? eval_json(report) : eval_text(report);
  return r;
}

}  // namespace claimgraph::query
