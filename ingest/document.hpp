#pragma once
// A document as read from disk: its bytes, checked to be UTF-8 text, and its metadata.

#include <string>
#include <variant>
#include <vector>

#include "ingest/diagnostic.hpp"
#include "ingest/file_system.hpp"
#include "ingest/inputs.hpp"
#include "ingest/metadata.hpp"

namespace claimgraph::ingest {

struct Document {
  std::string path;      // absolute: the source's identity
  std::string shown;     // the path as given, for messages
  std::string file;      // basename
  std::string stem;      // basename without extension
  // The file's bytes: a text (checked to be UTF-8) or, for a page, the page as saved (its
  // main text is extracted at ingest).
  std::string bytes;
  std::string format = "text";  // "html" for a .html or .htm file
  Metadata meta;
  std::string meta_bytes;  // the metadata file as read ("" when there is none)
  std::vector<Diagnostic> warnings;
};

// Reads the text and its metadata. Returns the first error found: unreadable, empty, binary
// or invalid UTF-8 text (a page: empty or binary; its charset is read at ingest); malformed or
// invalid metadata. A missing metadata file is a warning (for a page, whose own metadata
// usually says enough, nothing).
// Also refused, with the position where the limit is crossed: a file over
// limits.document_bytes (read no further), a text line over limits.line_bytes, and the
// metadata's own limits.
std::variant<Document, Diagnostic> load_document(const InputFile& input, const FileSystem& fs,
                                                 const Limits& limits = {});

// True for a file name ending in ".html" or ".htm", in any case.
bool is_page_file(std::string_view path);

}  // namespace claimgraph::ingest
