#include "graph/writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "graph/store_error.hpp"

namespace claimgraph::graph {

WriterLock::WriterLock(const std::string& store_path, const OnWait& on_wait) {
  const std::string path = lock_path(store_path);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  // A lock file made by another user may be readable only: flock needs no more.
  if (fd_ < 0 && errno == EACCES) fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    throw StoreError(path + ": cannot create the store's writer lock: " + std::strerror(errno));
  }
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto next_note = start;
  for (;;) {
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int error = errno;
      ::close(fd_);
      fd_ = -1;
      throw StoreError(path + ": cannot lock the store for writing: " + std::strerror(error));
    }
    const auto now = Clock::now();
    if (now >= next_note) {
      if (on_wait) on_wait(std::chrono::duration_cast<std::chrono::seconds>(now - start));
      next_note = now + std::chrono::seconds(5);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace claimgraph::graph
