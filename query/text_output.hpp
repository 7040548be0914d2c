#pragma once
// Human-readable listings: made for reading in a terminal, not for parsing (use --json).

#include <ostream>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/store.hpp"
#include "query/source_texts.hpp"
#include "query/verdicts.hpp"

namespace claimgraph::query {

struct Conflict;
struct ConflictQuery;
struct Hidden;
struct Trace;

struct TextStyle {
  // Default 100: the column at which sentences are wrapped.
  std::size_t width = 100;
  // Default false: mark spans with ANSI bold (only on a terminal) instead of » «.
  bool color = false;
};

// `text` made safe to print on a terminal: control characters (C0 but tab and line feed, DEL,
// C1) are shown as escapes ("\x1b", "\u009b") and bytes that are not UTF-8 as U+FFFD, so
// that no stored title, file name or text can move the cursor, retitle the window or ring the
// bell. With `keep_style`, the two styles these listings write themselves (bold "ESC[1m",
// plain "ESC[0m") stay. The white space an article may hold stays white space: CRLF becomes
// LF, a lone CR, a form feed or a vertical tab a space. Every text listing goes through it.
std::string terminal_safe(std::string_view text, bool keep_style = false);

// An output stream that passes what is written to `out` through terminal_safe a line at a
// time (a line never ends inside a character or an escape), so that a text listing streams
// out filtered as it is made, in the memory of a buffer. What is left is written at
// destruction.
class TerminalSafeStream : public std::ostream {
 public:
  TerminalSafeStream(std::ostream& out, bool keep_style);
  ~TerminalSafeStream() override;

 private:
  class Buffer : public std::streambuf {
   public:
    Buffer(std::ostream& out, bool keep_style) : out_(out), keep_style_(keep_style) {}
    // Writes out every whole line held (everything, when `all`).
    void pass(bool all);

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

   private:
    static constexpr std::size_t kHeld = 1 << 16;
    std::ostream& out_;
    bool keep_style_;
    std::string held_;
  };
  Buffer buffer_;
};

void sources_text(std::ostream& out, const std::vector<graph::SourceSummary>& sources);
void claims_text(std::ostream& out, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& claims, SourceTexts& texts,
                 const TextStyle& style);
// Each figure: its words as written, interval, unit, measure, place, time, claimant, file:line.
// With a verdict in force, a "verdict:" line.
void figures_text(std::ostream& out, const graph::KnowledgeGraph& g,
                  const std::vector<graph::Vertex>& figures, SourceTexts& texts,
                  const TextStyle& style, const Verdicts& verdicts = Verdicts::none());
// "[15,000, 25,000) point 20,000", "at most 20", "[10,000, 100,000)".
std::string value_text(const graph::Figure& f);
// 20000 -> "20,000"; 298.55 -> "298.55"; an open bound -> "∞".
std::string grouped(double x);
// Each reference: kind, marker, authors in both scripts, titles, venue, date, language,
// the sentences citing it; and each actor with its kind and every spelling.
void references_text(std::ostream& out, const graph::KnowledgeGraph& g,
                     const std::vector<graph::Vertex>& references, SourceTexts& texts,
                     const TextStyle& style);
void actors_text(std::ostream& out, const graph::KnowledgeGraph& g,
                 const std::vector<graph::Vertex>& actors);
void show_text(std::ostream& out, const graph::KnowledgeGraph& g, graph::Vertex v,
               SourceTexts& texts, const TextStyle& style,
               const Verdicts& verdicts = Verdicts::none());

// `text` wrapped at `width` columns (code points), each line after the first indented.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent);

// Each conflict: its reason, then each side with its figures' sentences, the figure marked,
// claimant, cited works and file:line:column.
// `noun` names what is listed: "conflict" or "agreement".
// With verdicts: a resolved conflict says so, an item its verdict in force.
void conflicts_text(std::ostream& out, const graph::KnowledgeGraph& g,
                    const std::vector<Conflict>& conflicts, SourceTexts& texts,
                    const TextStyle& style, const std::string& noun = "conflict",
                    const Verdicts* verdicts = nullptr);

// The lines under a listing that say what the query left out: "2 candidates without a time
// hidden (--include-undated shows them)"; empty when nothing was.
std::string hidden_text(const Hidden& hidden, const ConflictQuery& q,
                        const std::string& noun = "conflict");

// A figure's trace: value, sentence with the figure marked, source, claimant, cited works
// (original-script titles and romanizations, "cited in" chain), related figures.
void trace_text(std::ostream& out, const graph::KnowledgeGraph& g, const Trace& trace,
                SourceTexts& texts, const TextStyle& style,
                const Verdicts& verdicts = Verdicts::none());

}  // namespace claimgraph::query
