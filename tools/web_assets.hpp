#pragma once
// The web page's files (tools/web/), compiled into the binary: no build step, no network.

#include <string_view>
#include <vector>

namespace claimgraph::tools {

struct WebAsset {
  std::string_view name;   // "index.html", "app.js", "style.css"
  std::string_view type;   // its media type, without charset ("text/css")
  std::string_view bytes;
};

const std::vector<WebAsset>& web_assets();

}  // namespace claimgraph::tools
