#pragma once
// A saved page's bytes as UTF-8. The charset comes from, in order: a byte-order mark; a
// declaration among the first 4096 bytes (<meta charset>, <meta http-equiv="Content-Type"
// content="...; charset=...">); bytes that are valid UTF-8; else ICU's detector (ucsdet).
// ICU's converters (ucnv) do the rest: windows-1251, KOI8-R, EUC-KR, UTF-16 and whatever
// else ICU knows.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::ingest::html {

struct CharsetNote {
  std::size_t offset = 0;  // byte of the page file
  std::string message;
};

struct DecodedPage {
  std::string utf8;
  std::string charset;  // as ICU names it: "UTF-8", "windows-1251", "EUC-KR"
  std::string from;     // "bom", "meta", "utf-8", "detected", "default"
  // Invalid bytes (each replaced by U+FFFD; the first few are named, then a count), a
  // declaration the bytes contradict, an unknown declared charset.
  std::vector<CharsetNote> warnings;
};

DecodedPage decode_page(std::string_view bytes);

}  // namespace claimgraph::ingest::html
