#include "ingest/html/charset.hpp"

#include "graph/text_case.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace claimgraph::ingest::html {
namespace {

constexpr std::size_t kDeclarationWindow = 4096;
constexpr std::size_t kNamedInvalid = 3;  // invalid bytes named one by one, then counted

char lower(char c) { return graph::ascii_lower(c); }

bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(s[at + i]) != word[i]) return false;
  }
  return true;
}

// The charset named after "charset" at `at` ("charset=utf-8", "charset = 'koi8-r'").
std::string charset_value(std::string_view s, std::size_t at) {
  at += 7;
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
  if (at >= s.size() || s[at] != '=') return {};
  ++at;
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t' || s[at] == '"' || s[at] == '\'')) ++at;
  std::string name;
  while (at < s.size() && name.size() < 40) {
    const char c = s[at++];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) break;
    name += c;
  }
  return name;
}

// The charset a <meta> among the first bytes declares, with the offset of its name.
std::pair<std::string, std::size_t> declared_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kDeclarationWindow);
  for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
    if (!starts_with_nocase(head, at + 1, "meta")) continue;
    const std::size_t end = std::min(head.find('>', at), head.size());
    for (std::size_t k = at; k + 7 < end; ++k) {
      if (starts_with_nocase(head, k, "charset")) {
        std::string name = charset_value(head, k);
        if (!name.empty()) return {name, k};
      }
    }
  }
  return {{}, 0};
}

// The first invalid UTF-8 byte, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return static_cast<std::size_t>(at);
  }
  return std::string_view::npos;
}

bool has_multibyte(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

struct Invalid {
  const char* base = nullptr;
  std::vector<std::size_t> offsets;
};

void on_invalid(const void* context, UConverterToUnicodeArgs* args, const char* code_units,
                int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
    auto* inv = static_cast<Invalid*>(const_cast<void*>(context));
    inv->offsets.push_back(static_cast<std::size_t>(args->source - inv->base - length));
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, err);
}

// `bytes` from `charset` to UTF-8, invalid sequences as U+FFFD. False when ICU has no such
// converter.
bool convert(std::string_view bytes, const std::string& charset, DecodedPage& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(charset.c_str(), &status),
                                                         &ucnv_close);
  if (U_FAILURE(status) || !cnv) return false;
  Invalid invalid;
  invalid.base = bytes.data();
  ucnv_setToUCallBack(cnv.get(), on_invalid, &invalid, nullptr, nullptr, &status);
  std::u16string u16(bytes.size() + 16, u'\0');
  UChar* target = reinterpret_cast<UChar*>(u16.data());
  const char* source = bytes.data();
  ucnv_toUnicode(cnv.get(), &target, target + u16.size(), &source, bytes.data() + bytes.size(),
                 nullptr, true, &status);
  if (U_FAILURE(status)) return false;
  u16.resize(static_cast<std::size_t>(target - reinterpret_cast<UChar*>(u16.data())));
  // The name people know ("windows-1251", "EUC-KR"), not ICU's table name.
  const char* name = ucnv_getName(cnv.get(), &status);
  const char* known = nullptr;
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode s = U_ZERO_ERROR;
    if (!known && name) known = ucnv_getStandardName(name, standard, &s);
  }
  out.charset = known ? known : name ? name : charset;
  int32_t size = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &size, reinterpret_cast<const UChar*>(u16.data()),
                     static_cast<int32_t>(u16.size()), 0xFFFD, nullptr, &status);
  out.utf8.assign(static_cast<std::size_t>(size), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.utf8.data(), size, &size, reinterpret_cast<const UChar*>(u16.data()),
                     static_cast<int32_t>(u16.size()), 0xFFFD, nullptr, &status);
  for (std::size_t i = 0; i < invalid.offsets.size() && i < kNamedInvalid; ++i) {
    out.warnings.push_back(CharsetNote{
        invalid.offsets[i], "a byte invalid in " + out.charset + " is replaced by U+FFFD"});
  }
  if (invalid.offsets.size() > kNamedInvalid) {
    out.warnings.push_back(CharsetNote{
        invalid.offsets[kNamedInvalid],
        std::to_string(invalid.offsets.size() - kNamedInvalid) + " more invalid bytes replaced"});
  }
  return true;
}

std::string detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                 &ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_enableInputFilter(det.get(), true);
  const auto n = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(det.get(), bytes.data(), n, &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name ? name : "";
}

bool is_utf8_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), lower);
  return name == "utf-8" || name == "utf8";
}

bool is_utf16_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), lower);
  return name.starts_with("utf-16") || name.starts_with("utf16");
}

}  // namespace

DecodedPage decode_page(std::string_view bytes) {
  DecodedPage out;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    out.from = "bom";
    convert(bytes.substr(3), "UTF-8", out);
    for (auto& w : out.warnings) w.offset += 3;
    return out;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    out.from = "bom";
    convert(bytes, bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", out);
    return out;
  }
  const bool valid_utf8 = invalid_utf8_at(bytes) == std::string_view::npos;
  const auto [declared, where] = declared_charset(bytes);
  if (!declared.empty()) {
    // A page saved as UTF-8 keeps the legacy declaration it was served with more often than
    // the other way round: bytes that read as UTF-8 with letters beyond ASCII are UTF-8. A
    // UTF-16 declaration read from ASCII-compatible bytes is wrong by construction.
    if (!is_utf8_name(declared) && valid_utf8 &&
        (has_multibyte(bytes) || is_utf16_name(declared))) {
      out.from = "utf-8";
      convert(bytes, "UTF-8", out);
      out.warnings.push_back(CharsetNote{where, "the page declares charset " + declared +
                                                    " but its bytes are UTF-8; read as UTF-8"});
      return out;
    }
    out.from = "meta";
    if (convert(bytes, declared, out)) return out;
    out.warnings.push_back(CharsetNote{where, "unknown charset \"" + declared + "\" declared"});
  }
  if (valid_utf8) {
    out.from = "utf-8";
    convert(bytes, "UTF-8", out);
    return out;
  }
  const std::string detected = detect(bytes);
  if (!detected.empty() && !is_utf8_name(detected) && convert(bytes, detected, out)) {
    out.from = "detected";
    return out;
  }
  out.from = "default";
  out.warnings.clear();
  convert(bytes, "UTF-8", out);
  return out;
}

}  // namespace claimgraph::ingest::html
