#pragma once
// One writer per store for a whole run: an ingest holds an exclusive lock on the file
// STORE-lock beside the store from before it reads its first document until it has
// committed its last. SQLite's own write lock is held only per batch; between batches a
// second ingest could otherwise assign the same source id to another file and replace it.
// The lock is the kernel's (flock): it ends with the process, however the process ends, and
// the file it is taken on holds nothing.

#include <chrono>
#include <functional>
#include <string>

namespace claimgraph::graph {

class WriterLock {
 public:
  // Called while another process holds the lock: first at once, then every few seconds, with
  // the time waited so far.
  using OnWait = std::function<void(std::chrono::seconds waited)>;

  // Takes the lock of the store at `store_path`, waiting for it as long as another process
  // holds it. Throws StoreError when the lock file cannot be created or locked.
  WriterLock(const std::string& store_path, const OnWait& on_wait);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

  static std::string lock_path(const std::string& store_path) { return store_path + "-lock"; }

 private:
  int fd_ = -1;
};

}  // namespace claimgraph::graph
