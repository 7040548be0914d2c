#pragma once
// All file access of ingest goes through this interface, so tests can feed articles from
// memory. DiskFileSystem is the real one; MemoryFileSystem holds files in a map.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace claimgraph::ingest {

// The bytes of one file as read, or why there are none: `error` is empty when the read
// succeeded, else a phrase for a diagnostic ("cannot read the file: Permission denied", "the
// file changed while it was read (...)").
struct FileRead {
  std::string bytes;
  std::string error;
  bool ok() const { return error.empty(); }
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool exists(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // The files under `dir` at any depth, sorted by path (byte order): every entry that is not
  // a folder, so that a FIFO or device among them can be reported rather than passed over.
  virtual std::vector<std::string> files_under(const std::string& dir) const = 0;
  // What `path` is when it is not a regular file ("a FIFO", "a character device", "a
  // socket", "a folder", ...); nullopt for a regular file or a path that does not exist.
  virtual std::optional<std::string> not_regular(const std::string& path) const = 0;
  // The bytes of a regular file; nullopt when it cannot be read or is not a regular file
  // (a FIFO would block, a device never end).
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // The same, stopping after `at_most` bytes (a file larger than a limit is not read whole),
  // and saying why when it fails. A file that changes while it is read (grows, shrinks, is
  // rewritten or removed) is an error: what was read may be half of one version and half of
  // another.
  virtual FileRead read_prefix(const std::string& path, std::size_t at_most) const {
    auto bytes = read(path);
    if (!bytes) return {"", "cannot read the file"};
    if (bytes->size() > at_most) bytes->resize(at_most);
    return {std::move(*bytes), ""};
  }
  // The path that names the file whatever the working folder (identity of a source).
  virtual std::string absolute(const std::string& path) const = 0;
};

class DiskFileSystem : public FileSystem {
 public:
  // Called after each chunk read_prefix reads, with the path and the bytes read so far: the
  // seam through which tests change a file in the middle of a read.
  using ChunkObserver = std::function<void(const std::string& path, std::size_t read_so_far)>;
  DiskFileSystem() = default;
  explicit DiskFileSystem(ChunkObserver after_chunk) : after_chunk_(std::move(after_chunk)) {}

  bool exists(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> files_under(const std::string& dir) const override;
  std::optional<std::string> not_regular(const std::string& path) const override;
  std::optional<std::string> read(const std::string& path) const override;
  FileRead read_prefix(const std::string& path, std::size_t at_most) const override;
  std::string absolute(const std::string& path) const override;

 private:
  ChunkObserver after_chunk_;
};

// Paths are plain strings; a directory exists when some file's path starts with "dir/".
class MemoryFileSystem : public FileSystem {
 public:
  void add(std::string path, std::string bytes) { files_[std::move(path)] = std::move(bytes); }
  bool exists(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> files_under(const std::string& dir) const override;
  std::optional<std::string> not_regular(const std::string& path) const override;
  std::optional<std::string> read(const std::string& path) const override;
  std::string absolute(const std::string& path) const override { return path; }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace claimgraph::ingest
