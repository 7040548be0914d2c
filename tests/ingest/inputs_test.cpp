#include "ingest/inputs.hpp"

#include <catch2/catch.hpp>

using namespace claimgraph::ingest;
using Catch::Matchers::Contains;

TEST_CASE("collect_inputs walks folders recursively in a fixed order", "[ingest]") {
  MemoryFileSystem fs;
  fs.add("c/b/2.txt", "two");
  fs.add("c/a.txt", "a");
  fs.add("c/a.meta.json", "{}");
  fs.add("c/b/1.txt", "one");
  fs.add("c/notes.md", "not an article");
  fs.add("single.md", "given by name");
  const auto inputs = collect_inputs({"c", "single.md", "c/a.txt"}, fs);
  REQUIRE(inputs.errors.empty());
  std::vector<std::string> paths;
  for (const auto& f : inputs.files) paths.push_back(f.text_path);
  CHECK(paths == std::vector<std::string>{"c/a.txt", "c/b/1.txt", "c/b/2.txt", "single.md"});
  CHECK(inputs.files[0].meta_path == "c/a.meta.json");
  CHECK_FALSE(inputs.files[1].meta_path);
  CHECK(inputs.files[1].stem == "1");
  CHECK(metadata_path_for("x/y/NAME.txt") == "x/y/NAME.meta.json");
}

TEST_CASE("collect_inputs keeps a folder in the metadata file's place, to be refused", "[ingest]") {
  MemoryFileSystem fs;
  fs.add("c/a.txt", "a");
  fs.add("c/a.meta.json/inside.txt", "a folder where the metadata file should be");
  const auto inputs = collect_inputs({"c/a.txt"}, fs);
  REQUIRE(inputs.files.size() == 1);
  REQUIRE(inputs.files[0].meta_path == "c/a.meta.json");
  CHECK(fs.not_regular(*inputs.files[0].meta_path) == "a folder");
}

TEST_CASE("collect_inputs names paths it cannot use", "[ingest]") {
  MemoryFileSystem fs;
  fs.add("empty/readme.md", "no texts here");
  fs.add("a.meta.json", "{}");
  const auto inputs = collect_inputs({"missing.txt", "empty", "a.meta.json"}, fs);
  REQUIRE(inputs.errors.size() == 3);
  CHECK_THAT(inputs.errors[0].to_string(), Contains("missing.txt") && Contains("no such file"));
  CHECK_THAT(inputs.errors[1].to_string(), Contains("empty") && Contains("no .txt"));
  CHECK_THAT(inputs.errors[2].to_string(), Contains("is a metadata file"));
  CHECK(inputs.files.empty());
}
