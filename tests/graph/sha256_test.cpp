#include "graph/sha256.hpp"

#include <catch2/catch.hpp>
#include <string>

using claimgraph::graph::sha256_hex;

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[graph]") {
  struct Row {
    std::string input;
    const char* digest;
  };
  const Row rows[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const auto& row : rows) {
    INFO("input of " << row.input.size() << " bytes");
    CHECK(sha256_hex(row.input) == row.digest);
  }
}

TEST_CASE("sha256 differs for inputs around the block padding boundary", "[graph]") {
  // 55, 56 and 64 bytes take the one- and two-block padding paths.
  CHECK(sha256_hex(std::string(55, 'x')) != sha256_hex(std::string(56, 'x')));
  CHECK(sha256_hex(std::string(64, 'x')).size() == 64);
}
