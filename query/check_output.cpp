#include "query/check_output.hpp"

#include "graph/json_writer.hpp"
#include "query/text_output.hpp"

namespace claimgraph::query {

std::string check_json(const std::string& db, const std::vector<graph::StoreProblem>& problems) {
  graph::json::Pretty out;
  auto& w = out.writer;
  const auto str = [&](const std::string& s) { graph::json::string(w, s); };
  w.StartObject();
  w.Key("store");
  str(db);
  w.Key("ok");
  w.Bool(problems.empty());
  w.Key("problems");
  w.StartArray();
  for (const auto& p : problems) {
    w.StartObject();
    w.Key("table");
    str(p.table);
    w.Key("id");
    str(p.id);
    w.Key("message");
    str(p.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out.line();
}

std::string check_text(const std::string& db, std::size_t sources,
                       const std::vector<graph::StoreProblem>& problems) {
  if (problems.empty()) {
    return terminal_safe(db) + ": ok (" + std::to_string(sources) +
           " sources; page checksums, integrity check, source bytes and rows)\n";
  }
  std::string out = terminal_safe(db) + ": damaged, " + std::to_string(problems.size()) +
                    " problem" + (problems.size() == 1 ? "" : "s") +
                    (problems.size() >= 100 ? " or more" : "") + ":\n";
  for (const auto& p : problems) {
    out += "  " + terminal_safe(p.table.empty() ? "store" : p.table) +
           (p.id.empty() ? "" : " " + terminal_safe(p.id)) + ": " + terminal_safe(p.message) + "\n";
  }
  return out;
}

}  // namespace claimgraph::query
