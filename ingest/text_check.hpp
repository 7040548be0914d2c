#pragma once
// Refuses what is not an article's text: an empty file, a binary file (NUL or other control
// bytes), bytes that are not UTF-8. The diagnostic names the offending byte's position.

#include <optional>
#include <string>
#include <string_view>

#include "ingest/diagnostic.hpp"

namespace claimgraph::ingest {

std::optional<Diagnostic> check_text(const std::string& file, std::string_view bytes);

// Whether the bytes are UTF-8 (no surrogate, nothing past U+10FFFF, no overlong form).
bool is_utf8(std::string_view bytes);

// Refuses bytes that are not UTF-8, naming the first offending byte's line:column.
std::optional<Diagnostic> check_utf8(const std::string& file, std::string_view bytes);

// Refuses an empty or binary file only (a saved page may be in any charset).
std::optional<Diagnostic> check_not_binary(const std::string& file, std::string_view bytes);

}  // namespace claimgraph::ingest
