#include "ingest/text/paragraphs.hpp"

#include "ingest/text_util.hpp"

namespace claimgraph::ingest::text {

std::vector<Span> split_paragraphs(std::string_view text) {
  std::vector<Span> out;
  std::size_t para_begin = std::string_view::npos;
  std::size_t para_end = 0;
  auto flush = [&] {
    if (para_begin == std::string_view::npos) return;
    const Span span = trim(text, Span{static_cast<std::uint32_t>(para_begin),
                                      static_cast<std::uint32_t>(para_end)});
    if (!span.empty()) out.push_back(span);
    para_begin = std::string_view::npos;
  };
  std::size_t line = 0;
  while (line <= text.size()) {
    std::size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const Span line_span{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(end)};
    if (trim(text, line_span).empty()) {
      flush();
    } else {
      if (para_begin == std::string_view::npos) para_begin = line;
      para_end = end;
    }
    line = end + 1;
  }
  flush();
  return out;
}

}  // namespace claimgraph::ingest::text
