#include "tools/export_command.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "graph/store.hpp"
#include "query/engine.hpp"
#include "query/text_output.hpp"
#include "tools/exit_codes.hpp"

namespace claimgraph::tools {
namespace {

namespace fs = std::filesystem;

int fail(const std::string& message, int code) {
  std::cerr << "claimgraph: " << query::terminal_safe(message) << "\n";
  return code;
}

// Where the output is written before it takes its name: beside it, unique to this process.
fs::path partial(const fs::path& out) {
  return out.parent_path() / (out.filename().string() + ".partial-" + std::to_string(getpid()));
}

// The CSV folder `out` may be replaced: it is missing, or an earlier export.
bool replaceable(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  return fs::is_directory(out, ec) && fs::exists(out / "schema.cypher", ec);
}

}  // namespace

int run_export(const ExportCommandOptions& o) {
  const auto format = query::export_format_from(o.format);
  if (!format) return fail("unknown export format \"" + o.format + "\" (graphml, jsonld, csv)", kExitUsage);
  if (*format == query::ExportFormat::kCsv && !o.out) {
    return fail("--format csv writes a folder of files: give it with --out FOLDER", kExitUsage);
  }
  if (*format == query::ExportFormat::kCsv && !replaceable(*o.out)) {
    return fail(*o.out + ": exists and is not a claimgraph export; not overwritten", kExitUsage);
  }
  graph::StoreOptions read_only;
  read_only.read_only = true;
  graph::Store store(o.db, read_only);
  query::Engine engine(store);
  std::ios::sync_with_stdio(false);
  const fs::path target = o.out ? fs::path(*o.out) : fs::path();
  const fs::path temporary = o.out ? partial(target) : fs::path();
  std::ofstream file;
  if (o.out && *format != query::ExportFormat::kCsv) {
    file.open(temporary, std::ios::binary);
    if (!file) return fail(*o.out + ": cannot write", kExitBadInput);
  }
  std::ostream& out = file.is_open() ? static_cast<std::ostream&>(file) : std::cout;
  query::Response response;
  try {
    response = engine.export_graph(*format, o.selection, out, temporary.string());
    if (file.is_open() && !file.flush()) throw std::runtime_error(*o.out + ": cannot write");
  } catch (const std::runtime_error& e) {
    std::error_code ec;
    fs::remove_all(temporary, ec);
    return fail(e.what(), kExitBadInput);
  }
  if (response.status != query::Status::kOk) {
    std::error_code ec;
    fs::remove_all(temporary, ec);
    return fail(response.error, response.status == query::Status::kNotFound ? kExitNotFound : kExitUsage);
  }
  if (o.out) {
    file.close();
    std::error_code ec;
    if (*format == query::ExportFormat::kCsv) fs::remove_all(target, ec);
    fs::rename(temporary, target, ec);
    if (ec) {
      fs::remove_all(temporary, ec);
      return fail(*o.out + ": cannot write (" + ec.message() + ")", kExitBadInput);
    }
  }
  std::cout.flush();
  std::cerr << response.note;
  return kExitOk;
}

}  // namespace claimgraph::tools
