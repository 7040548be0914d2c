#pragma once
// The one exception of graph/: the store cannot be opened or written. Its message is one
// line that names the store's file and says what is wrong.

#include <stdexcept>
#include <string>

namespace claimgraph::graph {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace claimgraph::graph
