#pragma once
// The exit codes of `claimgraph` (README.md lists them for users).

namespace claimgraph::tools {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;    // a bug: an unexpected exception
inline constexpr int kExitUsage = 2;       // bad command line
inline constexpr int kExitBadInput = 3;    // some input files were rejected (others stored)
inline constexpr int kExitStore = 4;       // the store cannot be opened, read or written
inline constexpr int kExitNotFound = 5;    // `show ID`: no node has that id
inline constexpr int kExitLexicon = 6;     // a lexicon file is missing or malformed

}  // namespace claimgraph::tools
