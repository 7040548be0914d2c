#include "ingest/diagnostic.hpp"

#include "graph/text_position.hpp"

namespace claimgraph::ingest {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (has_position) {
    out += ":" + std::to_string(line) + ":" + std::to_string(column);
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  if (has_position) out += " (byte " + std::to_string(offset) + ")";
  return out;
}

Diagnostic diagnostic_at(Diagnostic::Severity severity, std::string file, std::string_view text,
                         std::size_t offset, std::string message) {
  const auto pos = graph::position_of(text, offset);
  Diagnostic d;
  d.severity = severity;
  d.file = std::move(file);
  d.has_position = true;
  d.offset = offset;
  d.line = pos.line;
  d.column = pos.column;
  d.message = std::move(message);
  return d;
}

Diagnostic file_diagnostic(Diagnostic::Severity severity, std::string file, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.file = std::move(file);
  d.message = std::move(message);
  return d;
}

}  // namespace claimgraph::ingest
