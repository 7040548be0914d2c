#pragma once
// Stance (DESIGN.md, "Stance"): what a claim says of each proposition of
// corpus/lexicons/frames.json. Cue phrases are for or against a proposition; inside their
// clause a negation before a cue ("hardly sounds like slavery") or a dispute word
// ("… as slavery is disingenuous") flips it, a hedge weakens it. Whose stance it is follows
// the claim's claimant, which reported speech already moved to the reported source.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/file_system.hpp"
#include "ingest/tokens.hpp"

namespace claimgraph::ingest::stance {

struct Proposition {
  std::string id;
  std::string text;
};

struct FrameLexicon {
  std::vector<Proposition> propositions;
  PhraseTable phrases;  // cues (payload: proposition), negations, disputes, hedges, breaks
  int negation_window = 6;
  double hedge_weight = 0.6;
};

// Reads frames.json from `dir`; appends its bytes to *fingerprint_input (when not null).
// Throws LexiconError naming the file, line and column.
FrameLexicon load_frame_lexicon(const std::string& dir, const FileSystem& fs,
                                std::string* fingerprint_input);

// Thread-safe: holds only the shared lexicon.
class StanceFinder {
 public:
  explicit StanceFinder(std::shared_ptr<const FrameLexicon> lexicon);
  // The stances of the sentence at `span` of `text`, one per proposition it takes a side on.
  std::vector<graph::Stance> find(std::string_view text, graph::Span span) const;

 private:
  std::shared_ptr<const FrameLexicon> lex_;
};

}  // namespace claimgraph::ingest::stance
