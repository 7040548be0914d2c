#include "ingest/document.hpp"

#include "graph/text_case.hpp"

#include "ingest/text_check.hpp"

namespace claimgraph::ingest {

std::variant<Document, Diagnostic> load_document(const InputFile& input, const FileSystem& fs) {
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
  auto bytes = fs.read(input.text_path);
  if (!bytes) return file_diagnostic(Severity::kError, input.text_path, "cannot read the file");
  doc.bytes = std::move(*bytes);
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
  auto meta_bytes = fs.read(*input.meta_path);
  if (!meta_bytes) return file_diagnostic(Severity::kError, *input.meta_path, "cannot read");
  doc.meta_bytes = std::move(*meta_bytes);
  auto parsed = parse_metadata(doc.meta_bytes, *input.meta_path);
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
