#include "ingest/file_system.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

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
    // Not a folder, and there: a link to nothing is passed over, as before.
    const auto status = it->status(ec);
    if (!ec && fs::exists(status) && !fs::is_directory(status)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// What a stat mode names when it is not a regular file.
std::optional<std::string> kind_of_mode(mode_t mode) {
  if (S_ISREG(mode)) return std::nullopt;
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::optional<std::string> DiskFileSystem::not_regular(const std::string& path) const {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;  // missing: said elsewhere
  return kind_of_mode(st.st_mode);
}

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
  auto result = read_prefix(path, std::string::npos);
  if (!result.ok()) return std::nullopt;
  return std::move(result.bytes);
}

namespace {

bool same_content_stamp(const struct stat& a, const struct stat& b) {
  return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
         a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

FileRead read_failure(int fd, const std::string& what) {
  ::close(fd);
  return {"", what};
}

// "cannot read the file: " and the system's reason for the errno given (read at once, before
// any allocation could change it).
std::string cannot_read(int error) {
  return std::string("cannot read the file: ") + std::strerror(error);
}

}  // namespace

FileRead DiskFileSystem::read_prefix(const std::string& path, std::size_t at_most) const {
  // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting; the type
  // is then checked on the open file, so a file swapped for a FIFO after a stat is refused too.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    return {"", cannot_read(error)};
  }
  struct stat before {};
  if (::fstat(fd, &before) != 0) {
    const int error = errno;
    return read_failure(fd, cannot_read(error));
  }
  if (const auto kind = kind_of_mode(before.st_mode)) {
    return read_failure(fd, "cannot read the file: it is " + *kind);
  }
  std::string bytes;
  bytes.reserve(std::min(static_cast<std::size_t>(before.st_size), at_most));
  char buffer[1 << 16];
  while (bytes.size() < at_most) {
    const ssize_t n = ::read(fd, buffer, std::min(sizeof buffer, at_most - bytes.size()));
    if (n == 0) break;
    if (n < 0) {
      const int error = errno;
      if (error == EINTR) continue;
      return read_failure(fd, cannot_read(error));
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (after_chunk_) after_chunk_(path, bytes.size());
  }
  // The bytes are one version of the file when its size and modification time are those it
  // had when opened and the read ended where that size did. A removed file is still read whole
  // through its open descriptor. (A rewrite of the same size within the clock tick of the
  // modification time cannot be told from no change.)
  struct stat after {};
  const bool cut = bytes.size() == at_most;
  const auto expected = static_cast<std::size_t>(before.st_size);
  if (::fstat(fd, &after) != 0) {
    const int error = errno;
    return read_failure(fd, cannot_read(error));
  }
  if (!same_content_stamp(before, after) ||
      (cut ? bytes.size() > expected : bytes.size() != expected)) {
    const auto now = static_cast<std::size_t>(after.st_size);
    return read_failure(fd, "the file changed while it was read (" + std::to_string(expected) +
                                " bytes when opened, " + std::to_string(now) +
                                " after); not stored: ingest it again once it is complete");
  }
  ::close(fd);
  return {std::move(bytes), ""};
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

std::optional<std::string> MemoryFileSystem::not_regular(const std::string& path) const {
  if (files_.count(path) == 0 && is_directory(path)) return "a folder";
  return std::nullopt;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  const auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

}  // namespace claimgraph::ingest
