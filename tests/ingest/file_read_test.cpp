// A file that changes while ingest reads it is refused, never stored half one version and
// half another; one removed while read is read whole through its open descriptor. The files
// are real ones on disk, changed between two chunks of the read through DiskFileSystem's seam.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ingest/document.hpp"
#include "ingest/file_system.hpp"
#include "ingest/inputs.hpp"
#include "support/support.hpp"

using namespace claimgraph::ingest;
using claimgraph::testing::read_file;
using claimgraph::testing::TempDir;
using claimgraph::testing::write_file;
using Catch::Matchers::Contains;

namespace {

// About 200 KB of sentences: several chunks of the reader's 64 KB.
std::string long_article() {
  std::string text;
  for (int i = 0; text.size() < 200'000; ++i) {
    text += "Paragraph " + std::to_string(i) + ": officials said 1,200 workers arrived.\n";
  }
  return text;
}

// The file's modification time set a minute back, so that a change now is seen as one even
// within the clock tick the test wrote it in.
void age(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  const struct timespec times[2] = {{st.st_atim.tv_sec - 60, 0}, {st.st_mtim.tv_sec - 60, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// Runs `change` on `path` once, after the first chunk of a read of `changed_path`.
DiskFileSystem changing_after_first_chunk(std::string changed_path,
                                          std::function<void(const std::string&)> change) {
  auto done = std::make_shared<bool>(false);
  return DiskFileSystem([=](const std::string& path, std::size_t) {
    if (*done || path != changed_path) return;
    *done = true;
    change(path);
  });
}

std::variant<Document, Diagnostic> load(const std::string& text_path, const FileSystem& fs) {
  const auto inputs = collect_inputs({text_path}, fs);
  REQUIRE(inputs.files.size() == 1);
  return load_document(inputs.files[0], fs, Limits{});
}

std::string error_of(const std::variant<Document, Diagnostic>& result) {
  const auto* diagnostic = std::get_if<Diagnostic>(&result);
  return diagnostic ? diagnostic->to_string() : std::string();
}

}  // namespace

TEST_CASE("a text that grows, shrinks or is rewritten while read is refused", "[ingest]") {
  TempDir dir;
  const std::string path = dir / "a.txt";
  const std::string text = long_article();
  write_file(path, text);
  age(path);

  std::function<void(const std::string&)> change;
  SECTION("grows") {
    change = [](const std::string& p) { std::ofstream(p, std::ios::app) << "One more line.\n"; };
  }
  SECTION("shrinks") {
    change = [](const std::string& p) { std::filesystem::resize_file(p, 1000); };
  }
  SECTION("rewritten in place with the same length") {
    change = [&](const std::string& p) { write_file(p, std::string(text.size(), 'x')); };
  }
  const auto fs = changing_after_first_chunk(path, change);
  const auto result = load(path, fs);
  const std::string error = error_of(result);
  CHECK_THAT(error, Contains("a.txt") && Contains("changed while it was read") &&
                        Contains("not stored"));
  CHECK(error.find('\n') == std::string::npos);
}

TEST_CASE("a text removed or replaced while read is read whole as it was opened",
          "[ingest]") {
  TempDir dir;
  const std::string path = dir / "a.txt";
  const std::string text = long_article();
  write_file(path, text);
  std::function<void(const std::string&)> change;
  SECTION("removed") {
    change = [](const std::string& p) { REQUIRE(std::remove(p.c_str()) == 0); };
  }
  SECTION("replaced by a rename") {
    change = [&](const std::string& p) {
      write_file(dir / "new.tmp", "Another text.\n");
      std::filesystem::rename(dir / "new.tmp", p);
    };
  }
  const auto fs = changing_after_first_chunk(path, change);
  const auto result = load(path, fs);
  INFO(error_of(result));
  REQUIRE(std::holds_alternative<Document>(result));
  CHECK(std::get<Document>(result).bytes == text);
}

TEST_CASE("metadata that changes while read is refused, naming the metadata file", "[ingest]") {
  TempDir dir;
  write_file(dir / "a.txt", "Officials said 1,200 workers arrived.\n");
  // Large enough to be read in more than one chunk.
  const std::string meta = R"({"title": "A title", "outlet": ")" + std::string(100'000, 'o') +
                           R"("})";
  write_file(dir / "a.meta.json", meta);
  age(dir / "a.meta.json");
  const auto fs = changing_after_first_chunk(dir / "a.meta.json", [](const std::string& p) {
    std::filesystem::resize_file(p, 10);
  });
  const std::string error = error_of(load(dir / "a.txt", fs));
  CHECK_THAT(error, Contains("a.meta.json") && Contains("changed while it was read"));
}

TEST_CASE("a file that cannot be opened says why", "[ingest]") {
  TempDir dir;
  write_file(dir / "a.txt", "Officials said 1,200 workers arrived.\n");
  DiskFileSystem fs;
  const auto inputs = collect_inputs({dir / "a.txt"}, fs);
  REQUIRE(inputs.files.size() == 1);
  std::filesystem::remove(dir / "a.txt");
  const std::string error = error_of(load_document(inputs.files[0], fs, Limits{}));
  CHECK_THAT(error, Contains("a.txt") && Contains("cannot read the file") &&
                        Contains("No such file or directory"));
}
