#pragma once
// A thin RAII layer over the SQLite C API, internal to graph/. Failures throw StoreError
// carrying the store's file name and SQLite's message.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "graph/store_error.hpp"

namespace claimgraph::graph::sqlite {

class Statement;

class Database {
 public:
  // Opens `path` with sqlite3_open_v2 flags through the VFS named `vfs` (empty: the default
  // one). Throws StoreError.
  // `uri`, when given, is what is opened (a "file:" URI for `path`, with SQLITE_OPEN_URI);
  // messages name `path` either way.
  Database(const std::string& path, int flags, const std::string& vfs = {},
           const std::string& uri = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  void exec(const char* sql);
  // First column of the first row of `sql` as an integer (0 when there is no row).
  std::int64_t scalar(const char* sql);
  Statement prepare(std::string_view sql);
  // The statement for `sql`, prepared once and kept for this connection (see Reused).
  Statement& reused(std::string_view sql);
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void fail(int code, std::string_view what);
  // The message of the last failure thrown by fail() ("" when none): what a transaction
  // SQLite rolled back on its own died of.
  const std::string& last_error() const { return last_error_; }
  void clear_last_error() { last_error_.clear(); }

 private:
  std::string last_error_;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> reused_;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  // Binds are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::optional<double>& value);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // Steps once: true when a row is ready, false when done. Throws on errors.
  bool step();
  // Steps to completion, then resets for reuse with new bindings.
  void run();
  void reset();

  std::string text(int column) const;
  // The column's bytes, valid until the next step or reset.
  std::string_view view(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::optional<double> optional_real(int column) const;
  bool is_null(int column) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A statement prepared once per connection and reset, its bindings cleared, when this lease
// ends: statements run for every document are not compiled for every document.
class Reused {
 public:
  Reused(Database& db, std::string_view sql) : s_(db.reused(sql)) {}
  ~Reused() { s_.reset(); }
  Reused(const Reused&) = delete;
  Reused& operator=(const Reused&) = delete;
  Statement* operator->() { return &s_; }
  Statement& operator*() { return s_; }

 private:
  Statement& s_;
};

}  // namespace claimgraph::graph::sqlite
