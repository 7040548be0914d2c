// claimgraph-bench-icu: the segmentation limit ingest is measured against (tools/bench runs
// it; never a test). Reads every .txt file under a folder into memory, then runs ICU's
// sentence BreakIterator over each on one thread and prints one JSON object: bytes,
// sentences, seconds, MB/s. Reading the files is not timed.
//
// Usage: claimgraph-bench-icu DIR

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: claimgraph-bench-icu DIR\n";
    return 2;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!f.is_regular_file() || f.path().extension() != ".txt") continue;
    std::ifstream in(f.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += texts.back().size();
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) {
    std::cerr << "claimgraph-bench-icu: no sentence iterator: " << u_errorName(status) << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  std::size_t sentences = 0;
  for (const auto& text : texts) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(ut, status);
    for (auto b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) ++sentences;
    utext_close(ut);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"bytes\": %zu, \"files\": %zu, \"sentences\": %zu, \"seconds\": %.4f, "
              "\"mb_per_s\": %.2f}\n",
              bytes, texts.size(), sentences, s, static_cast<double>(bytes) / 1e6 / s);
  return 0;
}
