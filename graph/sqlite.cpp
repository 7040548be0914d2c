#include "graph/sqlite.hpp"

#include <cstring>

namespace claimgraph::graph::sqlite {

Database::Database(const std::string& path, int flags, const std::string& vfs,
                   const std::string& uri)
    : path_(path) {
  const std::string& name = uri.empty() ? path : uri;
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, vfs.empty() ? nullptr : vfs.c_str());
  if (rc != SQLITE_OK) {
    std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path + ": cannot open store: " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
  reused_.clear();  // statements are finalized before the connection closes
  sqlite3_close(db_);
}

void Database::fail(int code, std::string_view what) {
  const int primary = code & 0xFF;
  std::string message;
  if (primary == SQLITE_NOTADB) {
    message = path_ + ": not a claimgraph store (the file is not an SQLite database)";
  } else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    message = path_ + ": store is locked by another writer; try again when it finishes";
  } else if (primary == SQLITE_FULL) {
    message = path_ + ": disk full: the store could not be written (" + sqlite3_errmsg(db_) + ")";
  } else if (code == SQLITE_IOERR_DATA) {
    message = path_ + ": damaged store: a page of the file fails its checksum (its bytes "
                      "changed on disk); `claimgraph check` lists all damage";
  } else if (primary == SQLITE_CORRUPT) {
    message = path_ + ": the store is damaged (" + sqlite3_errmsg(db_) +
              "); `claimgraph check` tells what";
  } else if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) {
    // Which operation failed, and the operating system's reason ("File too large",
    // "Input/output error"): they say more than SQLite's "disk I/O error". A short read sets
    // no errno (what errno holds then is an earlier call's), nor does SQLite always keep it.
    std::string operation;
    if (code == SQLITE_IOERR_WRITE) {
      operation = "a write failed";
    } else if (code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_DIR_FSYNC) {
      operation = "the disk did not confirm a write (fsync failed)";
    } else if (code == SQLITE_IOERR_READ) {
      operation = "a read failed";
    } else if (code == SQLITE_IOERR_SHORT_READ) {
      operation = "a read came back short";
    }
    const int os = code == SQLITE_IOERR_SHORT_READ ? 0 : sqlite3_system_errno(db_);
    std::string detail = operation;
    if (os != 0) {
      detail += (detail.empty() ? "" : ": ") + std::string(std::strerror(os));
    } else if (code == SQLITE_IOERR_WRITE) {
      detail += ": the disk may be full or failing";
    }
    const std::string reason = detail.empty() ? "" : " (" + detail + ")";
    message = path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_) + reason;
  } else {
    message = path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_);
  }
  last_error_ = message;
  throw StoreError(message);
}

void Database::exec(const char* sql) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, "store error");
}

std::int64_t Database::scalar(const char* sql) {
  Statement stmt(*this, sql);
  return stmt.step() ? stmt.integer(0) : 0;
}

Statement Database::prepare(std::string_view sql) { return Statement(*this, sql); }

Statement& Database::reused(std::string_view sql) {
  auto it = reused_.find(std::string(sql));
  if (it == reused_.end()) {
    it = reused_.emplace(std::string(sql), std::make_unique<Statement>(*this, sql)).first;
  }
  it->second->reset();
  return *it->second;
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
  const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_,
                                    nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "store error");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail(rc, "store error");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_blob(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n);
}

std::string_view Statement::view(int column) const {
  const auto* p = sqlite3_column_blob(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  return p == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(p), n);
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::optional<double> Statement::optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

}  // namespace claimgraph::graph::sqlite
