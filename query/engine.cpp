#include "query/engine.hpp"

#include <cstdlib>
#include <set>

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
      {"conflicts", {"kind", "measure", "actor", "source", "min-confidence", "include-undated"}},
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
  static const std::vector<std::string> commands = {
      "sources", "claims", "figures", "references", "actors",
      "conflicts", "agreements", "trace", "show"};
  return commands;
}

Engine::Engine(graph::Store& store) : store_(store) {}

Engine::~Engine() = default;

void Engine::reload() {
  texts_.reset();
  graph_.reset();
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
  const auto known = allowed().find(request.command);
  if (known == allowed().end()) {
    return failed(Status::kBadRequest, "unknown command \"" + request.command + "\"");
  }
  for (const auto& [name, value] : request.options) {
    if (!known->second.count(name)) {
      return failed(Status::kBadRequest,
                    "unknown option \"" + name + "\" for " + request.command);
    }
  }
  const bool json = request.json;
  Response r;
  if (request.command == "sources") {
    const auto sources = store_.sources();
    r.out = json ? sources_json(sources) : sources_text(sources);
    return r;
  }
  if (request.command == "conflicts" || request.command == "agreements") {
    return sides(request, request.command == "agreements");
  }
  if (request.command == "trace") return trace(request);
  const auto& g = graph();
  // A --source that names no source is an error, not an empty listing.
  if (const auto source = option(request, "source"); source && !g.find(*source)) {
    return failed(Status::kNotFound, "no source with id \"" + *source + "\" in " + store_.path());
  }
  if (request.command == "claims") {
    const auto selected = select_claims(g, option(request, "source"));
    r.out = json ? claims_json(g, selected, *texts_)
                 : claims_text(g, selected, *texts_, request.style);
  } else if (request.command == "figures") {
    const auto selected = select_figures(g, option(request, "measure"), option(request, "source"));
    r.out = json ? figures_json(g, selected, *texts_)
                 : figures_text(g, selected, *texts_, request.style);
  } else if (request.command == "references") {
    const auto selected = select_references(g, option(request, "source"));
    r.out = json ? references_json(g, selected)
                 : references_text(g, selected, *texts_, request.style);
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
    r.out = json ? actors_json(g, selected) : actors_text(g, selected);
  } else if (request.command == "show") {
    const auto id = option(request, "id");
    if (!id) return failed(Status::kBadRequest, "show needs a node id");
    const auto v = g.find(*id);
    if (!v) return failed(Status::kNotFound, "no node with id \"" + *id + "\" in " + store_.path());
    r.out = json ? show_json(g, *v, *texts_) : show_text(g, *v, *texts_, request.style);
  }
  return r;
}

Response Engine::sides(const Request& request, bool agreements) {
  const std::string noun = agreements ? "agreement" : "conflict";
  const std::string kind = option(request, "kind").value_or("");
  if (!kind.empty() && kind != "figure" && kind != "stance") {
    return failed(Status::kBadRequest, "unknown " + noun + " kind \"" + kind + "\" (figure, stance)");
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
    if (!on) return failed(Status::kBadRequest, "--include-undated: \"" + *value + "\" is not true or false");
    q.include_undated = *on;
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
  Response r;
  r.out = request.json ? conflicts_json(g, found)
                       : conflicts_text(g, found, *texts_, request.style, noun);
  r.note = hidden_text(hidden, q, noun);
  return r;
}

Response Engine::trace(const Request& request) {
  const auto words = option(request, "query");
  if (!words) return failed(Status::kBadRequest, "trace needs a figure id, its words or a quote");
  const auto& g = graph();
  const auto figures = find_figures(g, *words);
  if (figures.empty()) {
    return failed(Status::kNotFound, "no figure matches \"" + *words + "\" in " + store_.path());
  }
  Response r;
  if (request.json) {
    // One object: the first match; the others are named beside it.
    r.out = trace_json(g, trace_figure(g, figures.front(), facts_.predecessors), *texts_);
    for (std::size_t i = 1; i < figures.size(); ++i) {
      r.note += "claimgraph: \"" + *words + "\" also matches " + g.id_of(figures[i]) + "\n";
    }
  } else {
    for (const auto f : figures) {
      r.out += trace_text(g, trace_figure(g, f, facts_.predecessors), *texts_, request.style);
    }
  }
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
