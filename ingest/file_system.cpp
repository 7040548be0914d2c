#include "ingest/file_system.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace claimgraph::ingest {
namespace fs = std::filesystem;

bool DiskFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  return fs::exists(path, ec);
}

bool DiskFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::vector<std::string> DiskFileSystem::files_under(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(buffer).str();
}

std::string DiskFileSystem::absolute(const std::string& path) const {
  std::error_code ec;
  const auto canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : canonical.string();
}

bool MemoryFileSystem::exists(const std::string& path) const {
  return files_.count(path) != 0 || is_directory(path);
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  const std::string prefix = path.ends_with('/') ? path : path + "/";
  const auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.starts_with(prefix);
}

std::vector<std::string> MemoryFileSystem::files_under(const std::string& dir) const {
  const std::string prefix = dir.ends_with('/') ? dir : dir + "/";
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);
       ++it) {
    out.push_back(it->first);
  }
  return out;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

}  // namespace claimgraph::ingest
