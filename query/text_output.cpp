#include "query/text_output.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iomanip>
#include <sstream>

#include "query/conflicts.hpp"
#include "query/context.hpp"
#include "query/listing.hpp"
#include "query/trace.hpp"

namespace claimgraph::query {
namespace {

using graph::EdgeKind;
using graph::NodeKind;

std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string pad(std::string s, std::size_t width) {
  const std::size_t w = columns(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string or_unknown(const std::optional<std::string>& s) { return s ? *s : "unknown"; }

std::string join(const std::vector<std::string>& list, std::string_view sep) {
  std::string out;
  for (const auto& s : list) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string where(const graph::KnowledgeGraph& g, graph::Vertex v, SourceTexts& texts) {
  const auto at = locate(g, v);
  if (!at) return "";
  const auto src = g.find(at->source_id);
  // A saved page is located in the page file, which is what its reader can open.
  const auto page = texts.page_position(at->source_id, at->span.begin);
  const auto pos = page ? *page : texts.position(at->source_id, at->span.begin);
  return (src ? g.source(*src).file : at->source_id) + ":" + std::to_string(pos.line) + ":" +
         std::to_string(pos.column);
}

std::string time_text(const graph::Figure& f) {
  if (!f.time_from && !f.time_to) return "unknown";
  const std::string from = or_unknown(f.time_from);
  const std::string to = or_unknown(f.time_to);
  return from == to ? from : from + " – " + to;
}

}  // namespace

std::string terminal_safe(std::string_view text, bool keep_style) {
  static constexpr std::string_view kBold = "\x1b[1m";
  static constexpr std::string_view kPlain = "\x1b[0m";
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    const auto at = static_cast<std::size_t>(i);
    if (keep_style && s[i] == 0x1B &&
        (text.substr(at, kBold.size()) == kBold || text.substr(at, kPlain.size()) == kPlain)) {
      out.append(text.substr(at, kBold.size()));
      i += static_cast<std::int32_t>(kBold.size());
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    char buf[16];
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
    } else if (c == '\r' && i < length && s[i] == '\n') {
      // CRLF: the line feed alone ends the line (a CR would return the cursor).
    } else if (c == '\r' || c == '\f' || c == '\v') {
      out += ' ';  // white space an article may hold, printed as white space
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (c >= 0x80 && c <= 0x9F) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(text.substr(at, static_cast<std::size_t>(i) - at));
    }
  }
  return out;
}

TerminalSafeStream::TerminalSafeStream(std::ostream& out, bool keep_style)
    : std::ostream(nullptr), buffer_(out, keep_style) {
  rdbuf(&buffer_);
}

// What is held goes out, but not while an error unwinds: the output stops where it was.
TerminalSafeStream::~TerminalSafeStream() {
  if (std::uncaught_exceptions() > 0) return;
  try {
    buffer_.pass(true);
  } catch (...) {  // out of memory or a stream that throws: the output stops there
  }
}

void TerminalSafeStream::Buffer::pass(bool all) {
  const auto end = all ? held_.size() : held_.rfind('\n') + 1;  // npos + 1 == 0: no line
  if (end == 0) return;
  out_ << terminal_safe(std::string_view(held_).substr(0, end), keep_style_);
  held_.erase(0, end);
}

// Lines go out once a buffer's worth is held, when what came in ends one (a line longer than
// the buffer is held whole, and not searched again at every character).
TerminalSafeStream::Buffer::int_type TerminalSafeStream::Buffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  held_.push_back(traits_type::to_char_type(c));
  if (held_.size() >= kHeld && c == '\n') pass(false);
  return c;
}

std::streamsize TerminalSafeStream::Buffer::xsputn(const char* s, std::streamsize n) {
  const auto size = static_cast<std::size_t>(n);
  held_.append(s, size);
  if (held_.size() >= kHeld && std::memchr(s, '\n', size) != nullptr) pass(false);
  return n;
}

int TerminalSafeStream::Buffer::sync() {
  pass(true);
  out_.flush();
  return 0;
}

// 20000 -> "20,000"; 298.55 -> "298.55"; 2.9855e11 -> "298,550,000,000".
std::string grouped(double x) {
  if (std::isinf(x) || std::fabs(x) >= 1e300) return x > 0 ? "∞" : "-∞";  // an open bound
  std::ostringstream raw;
  raw << std::fixed << std::setprecision(x == std::floor(x) ? 0 : 6) << x;
  std::string s = raw.str();
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  const std::size_t sign = s[0] == '-' ? 1 : 0;
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) dot = s.size();
  for (std::size_t i = dot; i > sign + 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

std::string value_text(const graph::Figure& f) {
  std::string out;
  if (f.bound == graph::Bound::kAtMost) {
    out = "at most " + grouped(f.hi);
  } else if (f.bound == graph::Bound::kAtLeast) {
    out = "at least " + grouped(f.lo);
  } else {
    out = "[" + grouped(f.lo) + ", " + grouped(f.hi) + (f.point ? ")" : "]");
    if (f.point) out += " point " + grouped(*f.point);
  }
  if (f.approx) out += " approx.";
  return out;
}

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out;
  std::size_t column = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      const std::size_t w = columns(word);
      if (column > indent && column + 1 + w > width) {
        out += "\n" + std::string(indent, ' ');
        column = indent;
      } else if (column > 0) {
        out += ' ';
        ++column;
      }
      if (column == 0) column = indent;
      out += word;
      column += w;
    }
    start = end + 1;
  }
  return out;
}

void sources_text(std::ostream& out, const std::vector<graph::SourceSummary>& sources) {
  out << pad("ID", 24) << pad("CLAIMS", 8) << pad("FIGURES", 9) << pad("REFERENCES", 12)
      << pad("DATE", 12) << pad("OUTLET", 20) << "TITLE\n";
  for (const auto& s : sources) {
    out << pad(s.source.id, 24) << pad(std::to_string(s.claims), 8)
        << pad(std::to_string(s.figures), 9) << pad(std::to_string(s.references), 12)
        << pad(or_unknown(s.source.date), 12) << pad(or_unknown(s.source.outlet), 20)
        << or_unknown(s.source.title) << "\n";
  }
  out << sources.size() << (sources.size() == 1 ? " source\n" : " sources\n");
}

void claims_text(std::ostream& out, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& claims, SourceTexts& texts,
                 const TextStyle& style) {
  for (const auto v : claims) {
    const auto& c = g.claim(v);
    out << c.id << "  " << where(g, v, texts) << "  claimant: " << c.claimant;
    const auto cites = g.out(v, EdgeKind::kCites);
    for (const auto r : cites) out << "  cites: " << g.id_of(r);
    if (c.spans.size() > 1) out << "  (repeated " << c.spans.size() << " times)";
    out << "\n    " << wrap(c.text, style.width, 4) << "\n";
  }
  out << claims.size() << (claims.size() == 1 ? " claim\n" : " claims\n");
}

// "preferred by Jane Roe, 2026-12-07T10:00:00Z: the ministry's own count"
std::string verdict_text(const graph::Verdict& v) {
  return std::string(to_string(v.rank)) + " by " + v.by + ", " + v.at +
         (v.reason.empty() ? "" : ": " + v.reason);
}

void figures_text(std::ostream& out, const graph::KnowledgeGraph& g,
                  const std::vector<graph::Vertex>& figures, SourceTexts& texts,
                  const TextStyle& style, const Verdicts& verdicts) {
  const std::string open = style.color ? "\x1b[1m" : "“";
  const std::string close = style.color ? "\x1b[0m" : "”";
  for (const auto v : figures) {
    const auto& f = g.figure(v);
    out << f.id << "  " << where(g, v, texts) << "  " << open << f.text << close << "\n"
        << "    value:    " << value_text(f) << "  unit: " << f.unit << "\n"
        << "    measure:  " << f.measure << "\n"
        << "    place:    " << or_unknown(f.place) << "  time: " << time_text(f) << "\n"
        << "    claimant: " << f.claimant << "  claim: " << f.claim_id << "\n";
    const auto inferred = graph::inferred_names(f.inferred);
    if (!inferred.empty()) {
      out << "    inferred:";
      for (std::size_t k = 0; k < inferred.size(); ++k) out << (k ? ", " : " ") << inferred[k];
      out << " (read beyond the figure's sentence)\n";
    }
    if (const auto* verdict = verdicts.current(f.id)) {
      out << "    verdict:  " << wrap(verdict_text(*verdict), style.width, 14) << "\n";
    }
  }
  out << figures.size() << (figures.size() == 1 ? " figure\n" : " figures\n");
}

namespace {

void reference_fields(std::ostream& out, const graph::KnowledgeGraph& g, graph::Vertex v,
                      const TextStyle& style) {
  const auto& r = g.reference(v);
  // Labels padded to one column; original-script fields follow their Latin ones.
  const auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) out << "  " << pad(label, 13) << value << "\n";
  };
  const auto opt = [&](const char* label, const std::optional<std::string>& value) {
    if (value) line(label, *value);
  };
  line("kind:", std::string(to_string(r.kind)) + (r.marker ? "  marker: " + *r.marker : ""));
  line("authors:", join(r.authors, "; "));
  line("  original:", join(r.authors_original, "; "));
  opt("title:", r.title);
  opt("  original:", r.title_original);
  opt("  romanized:", r.title_romanized);
  opt("venue:", r.venue);
  opt("  original:", r.venue_original);
  opt("date:", r.date);
  if (r.language || r.script) {
    line("language:", or_unknown(r.language) + (r.script ? "  script: " + *r.script : ""));
  }
  for (const auto c : g.out(v, EdgeKind::kCitedIn)) line("cited in:", g.id_of(c));
  for (const auto c : g.in(v, EdgeKind::kCitedIn)) line("cites:", g.id_of(c));
  if (!r.merged_ids.empty()) line("also as:", join(r.merged_ids, ", "));
  out << "  " << pad("raw:", 13) << wrap(r.raw, style.width, 15) << "\n";
  for (const auto c : g.in(v, EdgeKind::kCites)) {
    out << "  " << pad("cited by:", 13) << g.id_of(c) << "\n";
  }
}

}  // namespace

void references_text(std::ostream& out, const graph::KnowledgeGraph& g,
                     const std::vector<graph::Vertex>& references, SourceTexts& texts,
                     const TextStyle& style) {
  for (const auto v : references) {
    out << g.id_of(v) << "  " << where(g, v, texts) << "\n";
    reference_fields(out, g, v, style);
  }
  out << references.size() << (references.size() == 1 ? " reference\n" : " references\n");
}

void actors_text(std::ostream& out, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& actors) {
  for (const auto v : actors) {
    const auto& a = g.actor(v);
    // The name first, then the other spellings in the order they were met.
    std::vector<std::string> spellings{a.name};
    for (const auto& alias : a.aliases) {
      if (alias != a.name) spellings.push_back(alias);
    }
    out << pad(a.id, 40) << (a.id.size() >= 40 ? "  " : "")
        << pad(std::string(to_string(a.kind)), 14) << join(spellings, " · ") << "\n";
  }
  out << actors.size() << (actors.size() == 1 ? " actor\n" : " actors\n");
}

void show_text(std::ostream& out, const graph::KnowledgeGraph& g, graph::Vertex v,
               SourceTexts& texts, const TextStyle& style, const Verdicts& verdicts) {
  out << to_string(g.kind_of(v)) << " " << g.id_of(v);
  if (const auto loc = where(g, v, texts); !loc.empty()) out << "  " << loc;
  out << "\n";
  switch (g.kind_of(v)) {
    case NodeKind::kSource: {
      const auto& s = g.source(v);
      out << "  file:     " << s.path << "\n  title:    " << or_unknown(s.title)
          << "\n  outlet:   " << or_unknown(s.outlet)
          << "\n  authors:  " << (s.authors.empty() ? "unknown" : join(s.authors, ", "))
          << "\n  date:     " << or_unknown(s.date) << "\n  url:      " << or_unknown(s.url)
          << "\n  language: " << or_unknown(s.language) << "\n  sha256:   " << s.content_hash
          << "\n  format:   " << s.format << "\n";
      if (!s.metadata_from.empty()) {
        std::string from;
        for (const auto& [field, where_from] : s.metadata_from) {
          from += (from.empty() ? "" : ", ") + field + " from " + where_from;
        }
        out << "  metadata: " << wrap(from, style.width, 12) << "\n";
      }
      break;
    }
    case NodeKind::kClaim: {
      const auto& c = g.claim(v);
      out << "  claimant: " << c.claimant << "\n";
      for (const auto r : g.out(v, EdgeKind::kCites)) {
        out << "  cites:    " << g.id_of(r) << "  " << wrap(g.reference(r).raw, style.width, 12)
            << "\n";
      }
      const std::size_t listed = std::min(c.spans.size(), kSpansListed);
      for (std::size_t i = 1; i < listed; ++i) {
        const auto pos = texts.position(c.source_id, c.spans[i].begin);
        out << "  repeated: line " << pos.line << ":" << pos.column << "\n";
      }
      if (c.spans.size() > listed) {
        out << "  repeated: " << grouped(static_cast<double>(c.spans.size() - listed))
            << " more times (" << grouped(static_cast<double>(c.spans.size())) << " in all)\n";
      }
      break;
    }
    case NodeKind::kReference:
      reference_fields(out, g, v, style);
      break;
    case NodeKind::kActor: {
      const auto& a = g.actor(v);
      out << "  name:     " << a.name << "\n  kind:     " << to_string(a.kind)
          << "\n  aliases:  " << join(a.aliases, "; ") << "\n  key:      " << a.key
          << "\n  claims:   " << g.in(v, EdgeKind::kClaimedBy).size()
          << "\n  mentions: " << g.in(v, EdgeKind::kMentions).size() << "\n";
      break;
    }
    case NodeKind::kFigure: {
      const auto& f = g.figure(v);
      out << "  text:     " << f.text << "\n  value:    " << value_text(f)
          << "\n  unit:     " << f.unit << "\n  measure:  " << f.measure
          << "\n  place:    " << or_unknown(f.place) << "\n  time:     " << time_text(f)
          << "\n  claimant: " << f.claimant << "\n  claim:    " << f.claim_id << "\n";
      break;
    }
  }
  // An editor's decisions, the one in force first, then the history.
  const std::string id = g.id_of(v);
  if (const auto* verdict = verdicts.current(id)) {
    out << "  verdict:  " << wrap(verdict_text(*verdict), style.width, 12) << "\n";
  }
  for (const auto* h : verdicts.history(id)) {
    out << "  history:  " << wrap(verdict_text(*h), style.width, 12) << "\n";
  }
  if (const auto at = locate(g, v)) {
    const auto ctx = context_around(texts.bytes(at->source_id), at->span);
    const std::string open = style.color ? "\x1b[1m" : "»";
    const std::string close = style.color ? "\x1b[0m" : "«";
    out << "\n    " << wrap(ctx.before + open + ctx.span + close + ctx.after, style.width, 4)
        << "\n";
  }
}

std::string hidden_text(const Hidden& hidden, const ConflictQuery& q, const std::string& noun) {
  std::ostringstream out;
  if (hidden.undated > 0) {
    out << hidden.undated << " candidate" << (hidden.undated == 1 ? "" : "s")
        << " without a time hidden (--include-undated shows "
        << (hidden.undated == 1 ? "it" : "them") << ")\n";
  }
  if (hidden.low_confidence > 0) {
    char threshold[16];
    std::snprintf(threshold, sizeof threshold, "%.2f", q.min_confidence);
    out << hidden.low_confidence << " " << noun << (hidden.low_confidence == 1 ? "" : "s")
        << " below confidence " << threshold << " hidden (--min-confidence 0 shows "
        << (hidden.low_confidence == 1 ? "it" : "them") << ")\n";
  }
  return out.str();
}

void conflicts_text(std::ostream& out, const graph::KnowledgeGraph& g,
                    const std::vector<Conflict>& conflicts, SourceTexts& texts,
                    const TextStyle& style, const std::string& noun, const Verdicts* verdicts) {
  const std::string open = style.color ? "\x1b[1m" : "»";
  const std::string close = style.color ? "\x1b[0m" : "«";
  char confidence[16];
  for (const auto& c : conflicts) {
    std::snprintf(confidence, sizeof confidence, "%.2f", c.confidence);
    out << c.id << "  " << c.kind << " " << noun << "  confidence " << confidence << "\n"
        << "  why: " << wrap(c.explanation, style.width, 7) << "\n";
    if (verdicts && verdicts->resolved(g, c)) out << "  resolved by an editor's verdict\n";
    const auto verdict_line = [&](const std::string& id) {
      const auto* verdict = verdicts ? verdicts->current(id) : nullptr;
      if (verdict)
        out << "      verdict: " << wrap(verdict_text(*verdict), style.width, 15) << "\n";
    };
    for (std::size_t k = 0; k < c.sides.size(); ++k) {
      const auto& side = c.sides[k];
      out << "  side " << k + 1 << ": " << wrap(side.label, style.width, 10) << "\n";
      for (const auto v : side.claims) {
        const auto& claim = g.claim(v);
        out << "    " << claim.id << "  " << where(g, v, texts) << "  claimant: " << claim.claimant;
        for (const auto r : g.out(v, EdgeKind::kCites)) out << "  cites: " << g.id_of(r);
        out << "\n";
        // The sentence, its cue words marked.
        std::string text = claim.text;
        const auto s = claim.span();
        std::vector<graph::Span> cues;
        for (const auto& st : claim.stances) {
          if (st.proposition != c.topic) continue;
          for (const auto cue : st.cues) {
            if (cue.begin >= s.begin && cue.end <= s.end) cues.push_back(cue);
          }
        }
        std::sort(cues.begin(), cues.end(), [](auto a, auto b) { return a.begin > b.begin; });
        for (const auto cue : cues) {
          text.insert(cue.end - s.begin, close);
          text.insert(cue.begin - s.begin, open);
        }
        out << "      " << wrap(text, style.width, 6) << "\n";
        verdict_line(claim.id);
      }
      for (const auto v : side.figures) {
        const auto& f = g.figure(v);
        out << "    " << f.id << "  " << where(g, v, texts) << "  claimant: " << f.claimant;
        const auto claim = g.find(f.claim_id);
        if (claim) {
          for (const auto r : g.out(*claim, EdgeKind::kCites)) out << "  cites: " << g.id_of(r);
        }
        out << "\n";
        verdict_line(f.id);
        if (!claim) continue;
        // The sentence, the figure marked in it.
        const auto& sentence = g.claim(*claim);
        const auto s = sentence.spans.front();
        std::string text = sentence.text;
        if (f.span.begin >= s.begin && f.span.end <= s.end) {
          text = text.substr(0, f.span.begin - s.begin) + open +
                 text.substr(f.span.begin - s.begin, f.span.size()) + close +
                 text.substr(f.span.end - s.begin);
        }
        out << "      " << wrap(text, style.width, 6) << "\n";
      }
    }
  }
  out << conflicts.size() << " " << noun << (conflicts.size() == 1 ? "\n" : "s\n");
}

void trace_text(std::ostream& out, const graph::KnowledgeGraph& g, const Trace& trace,
                SourceTexts& texts, const TextStyle& style, const Verdicts& verdicts) {
  const std::string open = style.color ? "\x1b[1m" : "»";
  const std::string close = style.color ? "\x1b[0m" : "«";
  const auto& f = g.figure(trace.figure);
  out << "trace of " << f.id << "  \u201C" << f.text << "\u201D  " << where(g, trace.figure, texts)
      << "\n"
      << "  value:     " << value_text(f) << "  unit: " << f.unit << "\n"
      << "  measure:   " << f.measure << "\n"
      << "  place:     " << or_unknown(f.place) << "  time: " << time_text(f) << "\n";
  if (const auto* verdict = verdicts.current(f.id)) {
    out << "  verdict:   " << wrap(verdict_text(*verdict), style.width, 13) << "\n";
  }
  if (g.kind_of(trace.claim) == NodeKind::kClaim) {
    const auto& claim = g.claim(trace.claim);
    const auto s = claim.span();
    std::string text = claim.text;
    if (f.span.begin >= s.begin && f.span.end <= s.end) {
      text = text.substr(0, f.span.begin - s.begin) + open +
             text.substr(f.span.begin - s.begin, f.span.size()) + close +
             text.substr(f.span.end - s.begin);
    }
    out << "  sentence:  " << claim.id << "  " << where(g, trace.claim, texts) << "\n"
        << "             " << wrap(text, style.width, 13) << "\n";
  }
  if (trace.source) {
    const auto& src = g.source(*trace.source);
    out << "  source:    " << src.id << "  " << or_unknown(src.outlet) << ", \u201C"
        << or_unknown(src.title) << "\u201D, by "
        << (src.authors.empty() ? "unknown" : join(src.authors, ", ")) << ", "
        << (src.date ? *src.date : "date unknown") << (src.url ? ", " + *src.url : "") << "\n";
  }
  out << "  claimant:  " << trace.claimant << "\n";
  if (trace.references.empty()) out << "  cites:     nothing\n";
  for (const auto r : trace.references) {
    const auto& ref = g.reference(r);
    out << "  cites:     " << ref.id << "  (" << to_string(ref.kind) << ")\n";
    const auto line = [&](const char* label, const std::string& value) {
      if (!value.empty()) out << "    " << pad(label, 11) << wrap(value, style.width, 15) << "\n";
    };
    line("authors:", join(ref.authors, "; "));
    line("  original:", join(ref.authors_original, "; "));
    line("title:", ref.title.value_or(""));
    line("  original:", ref.title_original.value_or(""));
    line("  romanized:", ref.title_romanized.value_or(""));
    line("venue:", ref.venue.value_or(""));
    line("date:", ref.date.value_or(""));
    for (const auto up : g.out(r, EdgeKind::kCitedIn)) line("cited in:", g.id_of(up));
    if (!ref.title && !ref.title_original) line("raw:", ref.raw);
  }
  if (trace.related.empty()) out << "  related:   no other figure of this measure\n";
  for (const auto& rel : trace.related) {
    const auto& o = g.figure(rel.figure);
    std::string relation = rel.relation;
    std::replace(relation.begin(), relation.end(), '_', ' ');
    const auto src = g.find(o.source_id);
    const auto outlet = src && g.source(*src).outlet ? *g.source(*src).outlet : o.source_id;
    out << "  " << pad(relation + ":", 20) << o.id << "  \u201C" << o.text << "\u201D  "
        << value_text(o) << "  " << or_unknown(o.place) << ", " << time_text(o) << "  (" << outlet
        << ", " << o.claimant << ")\n";
  }
}

}  // namespace claimgraph::query
