#include "ingest/document.hpp"

#include "graph/text_case.hpp"

#include "ingest/text_check.hpp"

namespace claimgraph::ingest {

namespace {

std::string megabytes(std::size_t bytes) {
  return bytes % (1 << 20) == 0 ? std::to_string(bytes >> 20) + " MB"
                                : std::to_string(bytes) + " bytes";
}

// Where the first line longer than `limit` bytes crosses it; npos when none is.
std::size_t long_line(std::string_view bytes, std::size_t limit) {
  std::size_t start = 0;
  while (start < bytes.size()) {
    const auto end = bytes.find('\n', start);
    const auto stop = end == std::string_view::npos ? bytes.size() : end;
    if (stop - start > limit) return start + limit;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::variant<Document, Diagnostic> load_document(const InputFile& input, const FileSystem& fs,
                                                 const Limits& limits) {
  using Severity = Diagnostic::Severity;
  Document doc;
  doc.shown = input.text_path;
  doc.path = fs.absolute(input.text_path);
  const auto slash = input.text_path.find_last_of('/');
  doc.file = slash == std::string::npos ? input.text_path : input.text_path.substr(slash + 1);
  doc.stem = input.stem;

  // Only regular files: a FIFO blocks a reader forever, /dev/zero never ends.
  if (const auto kind = fs.not_regular(input.text_path)) {
    return file_diagnostic(Severity::kError, input.text_path,
                           "not a regular file (" + *kind + "); only regular files are read");
  }
  auto read = fs.read_prefix(input.text_path, limits.document_bytes + 1);
  if (!read.ok()) return file_diagnostic(Severity::kError, input.text_path, read.error);
  doc.bytes = std::move(read.bytes);
  if (doc.bytes.size() > limits.document_bytes) {
    return diagnostic_at(Severity::kError, input.text_path, doc.bytes, limits.document_bytes,
                         "the file is larger than " + megabytes(limits.document_bytes) +
                             "; not read further (--max-document-mb)");
  }
  if (is_page_file(input.text_path)) {
    doc.format = "html";
    // UTF-16 pages hold NUL bytes; every other charset a page comes in has none.
    const bool utf16 = doc.bytes.starts_with("\xFF\xFE") || doc.bytes.starts_with("\xFE\xFF");
    if (doc.bytes.empty()) return file_diagnostic(Severity::kError, input.text_path, "empty file");
    if (!utf16) {
      if (auto error = check_not_binary(input.text_path, doc.bytes)) return *error;
    }
  } else if (auto error = check_text(input.text_path, doc.bytes)) {
    return *error;
  } else if (const auto at = long_line(doc.bytes, limits.line_bytes);
             at != std::string_view::npos) {
    return diagnostic_at(Severity::kError, input.text_path, doc.bytes, at,
                         "a line longer than " + megabytes(limits.line_bytes) +
                             " (--max-line-mb)");
  }

  if (!input.meta_path && doc.format == "html") return doc;
  if (!input.meta_path) {
    doc.warnings.push_back(file_diagnostic(
        Severity::kWarning, input.text_path,
        "no metadata (" + metadata_path_for(doc.file) +
            "): title, outlet, authors, date and url are unknown"));
    return doc;
  }
  if (const auto kind = fs.not_regular(*input.meta_path)) {
    return file_diagnostic(Severity::kError, *input.meta_path,
                           "not a regular file (" + *kind + "); only regular files are read");
  }
  auto meta_read = fs.read_prefix(*input.meta_path, limits.metadata_bytes + 1);
  if (!meta_read.ok()) return file_diagnostic(Severity::kError, *input.meta_path, meta_read.error);
  doc.meta_bytes = std::move(meta_read.bytes);
  auto parsed = parse_metadata(doc.meta_bytes, *input.meta_path, limits);
  if (auto* error = std::get_if<Diagnostic>(&parsed)) return *error;
  doc.meta = std::get<Metadata>(std::move(parsed));
  return doc;
}

bool is_page_file(std::string_view path) {
  const auto dot = path.find_last_of('.');
  if (dot == std::string_view::npos) return false;
  const std::string ext = graph::ascii_lower(path.substr(dot + 1));
  return ext == "html" || ext == "htm";
}

}  // namespace claimgraph::ingest
