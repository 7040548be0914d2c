#include "tools/ingest_command.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "graph/store.hpp"
#include "ingest/document.hpp"
#include "ingest/ingester.hpp"
#include "ingest/inputs.hpp"
#include "ingest/lexicon.hpp"
#include "tools/exit_codes.hpp"

namespace claimgraph::tools {
namespace {

using Clock = std::chrono::steady_clock;

struct FileReport {
  std::string file;
  std::string status;  // added, replaced, unchanged, error
  std::string id;
  std::size_t claims = 0;
  std::size_t footnotes = 0;
  std::size_t figures = 0;
  std::string message;
};

// Shown only once an ingest has run a few seconds: a line on stderr, rewritten in place on a
// terminal, repeated every few seconds otherwise.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), tty_(isatty(STDERR_FILENO) != 0) {}
  void update(std::size_t done, std::size_t bytes) {
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double interval = tty_ ? 0.5 : 5.0;
    if (elapsed < 3.0 || std::chrono::duration<double>(now - last_).count() < interval) return;
    last_ = now;
    std::fprintf(stderr, "%singest: %zu/%zu files, %.1f MB, %.1f s%s", tty_ ? "\r" : "", done,
                 total_, static_cast<double>(bytes) / 1e6, elapsed, tty_ ? "" : "\n");
    shown_ = true;
  }
  ~Progress() {
    if (shown_ && tty_) std::fputc('\n', stderr);
  }

 private:
  std::size_t total_;
  bool tty_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

void print_json(const std::vector<FileReport>& reports) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& r : reports) {
    w.StartObject();
    w.Key("file");
    w.String(r.file.c_str());
    w.Key("status");
    w.String(r.status.c_str());
    w.Key("id");
    if (r.id.empty()) {
      w.Null();
    } else {
      w.String(r.id.c_str());
    }
    w.Key("claims");
    w.Uint(static_cast<unsigned>(r.claims));
    w.Key("footnotes");
    w.Uint(static_cast<unsigned>(r.footnotes));
    w.Key("figures");
    w.Uint(static_cast<unsigned>(r.figures));
    w.Key("message");
    w.String(r.message.c_str());
    w.EndObject();
  }
  w.EndArray();
  std::cout << buffer.GetString() << "\n";
}

}  // namespace

int run_ingest(const IngestCommandOptions& options) {
  ingest::DiskFileSystem fs;
  const auto start = Clock::now();
  ingest::Lexicons lexicons;
  std::unique_ptr<ingest::Ingester> ingester;
  try {
    lexicons = ingest::load_lexicons(options.lexicon_dir, fs);
    ingester = std::make_unique<ingest::Ingester>(lexicons);
  } catch (const ingest::LexiconError& e) {
    std::cerr << e.what() << "\n";
    return kExitLexicon;
  }
  graph::Store store(options.db);  // StoreError is reported by main

  const auto inputs = ingest::collect_inputs(options.paths, fs);
  std::vector<FileReport> reports;
  for (const auto& error : inputs.errors) {
    std::cerr << error.to_string() << "\n";
    reports.push_back(FileReport{error.file, "error", "", 0, 0, 0, error.to_string()});
  }

  Progress progress(inputs.files.size());
  std::size_t bytes = 0;
  std::size_t stored = 0;
  for (std::size_t i = 0; i < inputs.files.size(); ++i) {
    const auto& input = inputs.files[i];
    progress.update(i, bytes);
    auto loaded = ingest::load_document(input, fs);
    if (auto* error = std::get_if<ingest::Diagnostic>(&loaded)) {
      std::cerr << error->to_string() << "\n";
      reports.push_back(FileReport{input.text_path, "error", "", 0, 0, 0, error->to_string()});
      continue;
    }
    const auto& doc = std::get<ingest::Document>(loaded);
    bytes += doc.bytes.size();
    for (const auto& w : doc.warnings) std::cerr << w.to_string() << "\n";
    const std::string key = ingester->ingest_key(doc);
    FileReport report{input.text_path, "unchanged", "", 0, 0, 0, ""};
    report.id = store.assign_source_id(doc.path, doc.stem);
    if (!store.is_current(doc.path, key)) {
      const auto result = ingester->ingest(doc, report.id);
      const auto put = store.put(result.graph, key);
      report.status = put == graph::PutResult::kAdded      ? "added"
                      : put == graph::PutResult::kReplaced ? "replaced"
                                                           : "unchanged";
      report.claims = result.graph.claims.size();
      report.footnotes = static_cast<std::size_t>(
          std::count_if(result.graph.references.begin(), result.graph.references.end(),
                        [](const graph::Reference& r) {
                          return r.kind == graph::ReferenceKind::kFootnote;
                        }));
      report.figures = result.graph.figures.size();
      ++stored;
    }
    if (!options.json) {
      std::cout << report.status << " " << input.text_path << " as " << report.id;
      if (report.status != "unchanged") {
        std::cout << ": " << report.claims << " claims, " << report.footnotes << " footnotes, "
                  << report.figures << " figures";
      }
      std::cout << "\n";
    }
    reports.push_back(std::move(report));
  }

  const auto rejected = static_cast<std::size_t>(std::count_if(
      reports.begin(), reports.end(), [](const FileReport& r) { return r.status == "error"; }));
  const std::size_t read_ok = inputs.files.size() - (rejected - inputs.errors.size());
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (options.json) {
    print_json(reports);
  } else {
    std::cout << "ingested " << read_ok << " documents (" << stored << " stored, "
              << read_ok - stored << " unchanged) into " << options.db << " in " << seconds
              << " s";
    if (rejected > 0) std::cout << "; " << rejected << " rejected";
    std::cout << "\n";
  }
  return rejected > 0 ? kExitBadInput : kExitOk;
}

}  // namespace claimgraph::tools
