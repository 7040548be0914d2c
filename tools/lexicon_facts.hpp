#pragma once
// What queries need from the lexicons (proposition texts, place predecessors), for the fronts.

#include <string>

#include "query/engine.hpp"

namespace claimgraph::tools {

// From the lexicons in `lexicon_dir`; empty when they cannot be read (conflicts then name
// propositions by their ids).
query::LexiconFacts lexicon_facts(const std::string& lexicon_dir);

}  // namespace claimgraph::tools
