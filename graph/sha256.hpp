#pragma once
// SHA-256 of a byte string, as 64 lowercase hex digits. Used as the content hash that
// tells an unchanged document from a changed one.

#include <string>
#include <string_view>

namespace claimgraph::graph {

std::string sha256_hex(std::string_view bytes);

}  // namespace claimgraph::graph
