#include "ingest/text_check.hpp"

#include <unicode/utf8.h>

#include <cstdio>

namespace claimgraph::ingest {
namespace {

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

bool is_text_control(unsigned char c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::optional<Diagnostic> check_not_binary(const std::string& file, std::string_view bytes) {
  using Severity = Diagnostic::Severity;
  if (bytes.empty()) return file_diagnostic(Severity::kError, file, "empty file");
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if ((c < 0x20 && !is_text_control(c)) || c == 0x7F) {
      return diagnostic_at(Severity::kError, file, bytes, i,
                           "binary file: control byte " + hex_byte(c) + " is not text");
    }
  }
  return std::nullopt;
}

bool is_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::optional<Diagnostic> check_utf8(const std::string& file, std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      return diagnostic_at(Diagnostic::Severity::kError, file, bytes,
                           static_cast<std::size_t>(start),
                           "invalid UTF-8: byte " + hex_byte(s[start]) + " cannot stand here");
    }
  }
  return std::nullopt;
}

std::optional<Diagnostic> check_text(const std::string& file, std::string_view bytes) {
  using Severity = Diagnostic::Severity;
  // Binary first: a NUL is valid UTF-8 but never text.
  if (auto error = check_not_binary(file, bytes)) return error;
  if (auto error = check_utf8(file, bytes)) return error;
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  bool has_text = false;
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c > 0x20 && c != 0xA0 && c != 0xFEFF) has_text = true;
  }
  if (!has_text) return file_diagnostic(Severity::kError, file, "empty file (only white space)");
  return std::nullopt;
}

}  // namespace claimgraph::ingest
