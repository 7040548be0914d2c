#include "ingest/claims.hpp"

#include <unicode/uchar.h>

#include <unordered_map>

#include "ingest/text_util.hpp"

namespace claimgraph::ingest {
namespace {

bool is_quote(UChar32 c) {
  const auto type = u_charType(c);
  return c == '"' || c == '\'' || type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION;
}

}  // namespace

std::string repeat_key(std::string_view text, graph::Span span, graph::Span* inner) {
  graph::Span s = trim(text, span);
  std::size_t next;
  std::size_t prev;
  if (!s.empty() && is_quote(code_point_at(text, s.begin, &next)) &&
      is_quote(code_point_before(text, s.end, &prev)) && next < prev) {
    s = trim(text, graph::Span{static_cast<std::uint32_t>(next), static_cast<std::uint32_t>(prev)});
  }
  if (inner != nullptr) *inner = s;
  return fold_spaces(slice(text, s));
}

std::vector<ClaimDraft> assemble_claims(std::string_view text, const text::Segmentation& segmentation,
                                        const std::string& default_claimant) {
  // Who claims each paragraph: a signer for the paragraphs of a signed note.
  std::vector<std::string> claimant(segmentation.paragraphs.size(), default_claimant);
  for (const auto& sig : segmentation.signatures) {
    const std::string name = fold_spaces(slice(text, sig.name));
    for (std::uint32_t p = sig.first_paragraph; p <= sig.paragraph && p < claimant.size(); ++p) {
      claimant[p] = name;
    }
  }

  std::vector<ClaimDraft> claims;
  std::unordered_map<std::string, std::size_t> seen;  // repeat key -> claim index
  for (const auto& segment : segmentation.segments) {
    if (segment.kind != text::SegmentKind::kSentence) continue;
    graph::Span inner;
    const std::string key = repeat_key(text, segment.span, &inner);
    if (const auto it = seen.find(key); it != seen.end()) {
      auto& claim = claims[it->second];
      claim.spans.push_back(inner);
      claim.footnotes.insert(claim.footnotes.end(), segment.footnotes.begin(),
                             segment.footnotes.end());
      continue;
    }
    seen.emplace(key, claims.size());
    ClaimDraft draft;
    draft.spans.push_back(segment.span);
    draft.claimant = claimant[segment.paragraph];
    draft.footnotes = segment.footnotes;
    draft.paragraph = segment.paragraph;
    claims.push_back(std::move(draft));
  }
  return claims;
}

}  // namespace claimgraph::ingest
