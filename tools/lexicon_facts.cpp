#include "tools/lexicon_facts.hpp"

#include "ingest/figure_lexicon.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/stance.hpp"

namespace claimgraph::tools {

query::LexiconFacts lexicon_facts(const std::string& lexicon_dir) {
  query::LexiconFacts facts;
  try {
    const auto lex = ingest::load_lexicons(lexicon_dir, ingest::DiskFileSystem{});
    for (const auto& p : lex.frames->propositions) facts.propositions[p.id] = p.text;
    for (const auto& p : lex.figures->places) {
      if (p.predecessor) facts.predecessors[p.name] = *p.predecessor;
    }
  } catch (const ingest::LexiconError&) {
  }
  return facts;
}

}  // namespace claimgraph::tools
