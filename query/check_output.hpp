#pragma once
// `claimgraph check`'s report: every problem the store's check found, as JSON or text.

#include <string>
#include <vector>

#include "graph/store.hpp"

namespace claimgraph::query {

// {"store": db, "ok": bool, "problems": [{"table", "id", "message"}]}
std::string check_json(const std::string& db, const std::vector<graph::StoreProblem>& problems);
// "DB: ok (N sources; ...)" or "DB: damaged, N problems:" and a line each.
std::string check_text(const std::string& db, std::size_t sources,
                       const std::vector<graph::StoreProblem>& problems);

}  // namespace claimgraph::query
