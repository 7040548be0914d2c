#pragma once
// A message about the input that points at the source: file, byte offset, line:column.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace claimgraph::ingest {

struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string file;
  // Position in the file; has_position false for whole-file messages (missing, empty).
  bool has_position = false;
  std::size_t offset = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;

  // "file:line:column: error: message (byte N)" or "file: warning: message".
  std::string to_string() const;
};

// A diagnostic at `offset` of `text` (line and column computed from the bytes).
Diagnostic diagnostic_at(Diagnostic::Severity severity, std::string file, std::string_view text,
                         std::size_t offset, std::string message);
Diagnostic file_diagnostic(Diagnostic::Severity severity, std::string file, std::string message);

}  // namespace claimgraph::ingest
