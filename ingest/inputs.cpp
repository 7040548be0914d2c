#include "ingest/inputs.hpp"

#include <set>

#include "ingest/document.hpp"

namespace claimgraph::ingest {
namespace {

constexpr std::string_view kMetaSuffix = ".meta.json";

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string strip_extension(const std::string& name) {
  const auto dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

}  // namespace

std::string metadata_path_for(const std::string& text_path) {
  const auto slash = text_path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : text_path.substr(0, slash + 1);
  return dir + strip_extension(base_name(text_path)) + std::string(kMetaSuffix);
}

Inputs collect_inputs(const std::vector<std::string>& paths, const FileSystem& fs) {
  Inputs inputs;
  std::set<std::string> seen;
  auto add = [&](const std::string& path) {
    if (!seen.insert(path).second) return;
    InputFile file;
    file.text_path = path;
    file.stem = strip_extension(base_name(path));
    const std::string meta = metadata_path_for(path);
    // Anything at that path is the text's metadata: what is no regular file there (a folder,
    // a FIFO) is refused when the document is read, not taken for missing metadata.
    if (fs.exists(meta)) file.meta_path = meta;
    inputs.files.push_back(std::move(file));
  };
  for (const auto& path : paths) {
    if (!fs.exists(path)) {
      inputs.errors.push_back(
          file_diagnostic(Diagnostic::Severity::kError, path, "no such file or folder"));
    } else if (fs.is_directory(path)) {
      std::size_t found = 0;
      for (const auto& file : fs.files_under(path)) {
        if (file.ends_with(".txt") || is_page_file(file)) {
          add(file);
          ++found;
        }
      }
      if (found == 0) {
        inputs.errors.push_back(
            file_diagnostic(Diagnostic::Severity::kError, path, "folder holds no .txt, .html or .htm file"));
      }
    } else if (path.ends_with(kMetaSuffix)) {
      inputs.errors.push_back(file_diagnostic(
          Diagnostic::Severity::kError, path,
          "is a metadata file; give the text it describes (it is read from beside the text)"));
    } else {
      add(path);
    }
  }
  return inputs;
}

}  // namespace claimgraph::ingest
