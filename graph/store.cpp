#include "graph/store.hpp"

#include <rapidjson/document.h>

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <tuple>
#include <map>
#include <unordered_set>

#include "graph/json_writer.hpp"
#include "graph/page_checksums.hpp"
#include "graph/sha256.hpp"
#include "graph/sqlite.hpp"
#include "graph/json_reader.hpp"

namespace claimgraph::graph {
namespace {

// A document's rows by their source (schema 9): replacing a document deletes them through the
// foreign keys' cascades, and show and --source read them, each without a scan of the table.
constexpr const char* kSourceIndexes = R"sql(
CREATE INDEX claims_by_source ON claims(source_id);
CREATE INDEX figures_by_source ON figures(source_id);
CREATE INDEX refs_by_source ON refs(source_id);
CREATE INDEX diagnostics_by_source ON diagnostics(source_id);
)sql";

constexpr const char* kSchema = R"sql(
CREATE TABLE sources(
  id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, file TEXT NOT NULL,
  title TEXT, outlet TEXT, authors TEXT NOT NULL, date TEXT, url TEXT, language TEXT,
  content_hash TEXT NOT NULL, ingest_key TEXT NOT NULL, bytes BLOB NOT NULL,
  format TEXT NOT NULL DEFAULT 'text', metadata_from TEXT NOT NULL DEFAULT '{}', page BLOB,
  page_offsets BLOB);
CREATE TABLE claims(
  id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, text TEXT NOT NULL, claimant TEXT NOT NULL, confidence REAL NOT NULL,
  stances TEXT NOT NULL DEFAULT '[]');
CREATE TABLE claim_spans(
  claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL, PRIMARY KEY(claim_id, ord));
CREATE TABLE figures(
  id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, claim_id TEXT NOT NULL, span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL, text TEXT NOT NULL, lo REAL NOT NULL, hi REAL NOT NULL, point REAL,
  approx INTEGER NOT NULL, bound TEXT, unit TEXT NOT NULL, measure TEXT NOT NULL, place TEXT,
  time_from TEXT, time_to TEXT, claimant TEXT NOT NULL, hedge TEXT NOT NULL DEFAULT '',
  inferred INTEGER NOT NULL DEFAULT 0);
CREATE TABLE actors(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
  aliases TEXT NOT NULL);
CREATE TABLE refs(
  id TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, kind TEXT NOT NULL, marker TEXT, span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL, raw TEXT NOT NULL, authors TEXT NOT NULL,
  authors_original TEXT NOT NULL, title TEXT, title_translated TEXT, title_original TEXT,
  title_romanized TEXT, venue TEXT, date TEXT, language TEXT, script TEXT,
  venue_original TEXT, work_key TEXT NOT NULL DEFAULT '');
CREATE TABLE edges(
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  kind TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL);
CREATE INDEX edges_by_source ON edges(source_id);
CREATE INDEX sources_by_text ON sources(content_hash);
CREATE TABLE lexicon_facts(kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(kind, key));
CREATE TABLE diagnostics(
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
  message TEXT NOT NULL);
CREATE TABLE verdicts(
  seq INTEGER PRIMARY KEY, target TEXT NOT NULL, target_text TEXT NOT NULL,
  rank TEXT NOT NULL, reason TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL);
)sql";

std::string to_json(const std::vector<std::string>& list) {
  json::Compact out;
  json::strings(out.writer, list);
  return out.str();
}

// A JSON array of strings; nullopt when `text` is not one (a damaged row).
std::optional<std::vector<std::string>> from_json(std::string_view text) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsArray()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& v : doc.GetArray()) {
    if (!v.IsString()) return std::nullopt;
    out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

// The one error a damaged row gives: the store, the table, the row's id, what is wrong.
[[noreturn]] void damaged(const sqlite::Database& db, std::string_view table, std::string_view id,
                          const std::string& what) {
  throw StoreError(db.path() + ": damaged store: " + std::string(table) + " row \"" +
                   std::string(id) + "\": " + what + "; `claimgraph check` lists all damage");
}

std::vector<std::string> list_column(const sqlite::Database& db, const sqlite::Statement& row,
                                     int column, std::string_view table, std::string_view id,
                                     const char* name) {
  auto list = from_json(row.view(column));
  if (!list) damaged(db, table, id, std::string(name) + " is not a JSON array of strings");
  return std::move(*list);
}

// {"field": "where", ...}
std::string map_to_json(const std::map<std::string, std::string>& map) {
  json::Compact out;
  out.writer.StartObject();
  for (const auto& [k, v] : map) {
    json::key(out.writer, k);
    json::string(out.writer, v);
  }
  out.writer.EndObject();
  return out.str();
}

std::map<std::string, std::string> map_column(const sqlite::Database& db,
                                              const sqlite::Statement& row, int column,
                                              std::string_view id) {
  rapidjson::Document doc;
  const std::string_view text = row.view(column);
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) {
    damaged(db, "sources", id, "metadata_from is not a JSON object of strings");
  }
  std::map<std::string, std::string> out;
  for (const auto& m : members(doc)) {
    if (!m.value.IsString()) damaged(db, "sources", id, "metadata_from is not a JSON object of strings");
    out.emplace(std::string(m.name.GetString(), m.name.GetStringLength()),
                std::string(m.value.GetString(), m.value.GetStringLength()));
  }
  return out;
}

// Page positions as little-endian 32-bit words: offset, line, column, ...
std::string positions_blob(const std::vector<PagePosition>& positions) {
  std::string out;
  out.reserve(positions.size() * 12);
  const auto put = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  for (const auto& p : positions) {
    put(p.offset);
    put(p.line);
    put(p.column);
  }
  return out;
}

std::vector<PagePosition> positions_from_blob(std::string_view blob) {
  std::vector<PagePosition> out;
  const auto get = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(blob[at + i])) << (8 * i);
    }
    return v;
  };
  for (std::size_t at = 0; at + 12 <= blob.size(); at += 12) {
    out.push_back(PagePosition{get(at), get(at + 4), get(at + 8)});
  }
  return out;
}

// [{"proposition": id, "polarity": "for", "weight": w, "cues": [[b, e], ...]}, ...]
std::string stances_json(const std::vector<Stance>& stances) {
  json::Compact out;
  auto& w = out.writer;
  w.StartArray();
  for (const auto& s : stances) {
    w.StartObject();
    w.Key("proposition");
    json::string(w, s.proposition);
    w.Key("polarity");
    json::string(w, to_string(s.polarity));
    w.Key("weight");
    w.Double(s.weight);
    w.Key("cues");
    w.StartArray();
    for (const auto& c : s.cues) {
      w.StartArray();
      w.Uint(c.begin);
      w.Uint(c.end);
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  return out.str();
}

std::optional<std::vector<Stance>> stances_from_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  std::vector<Stance> out;
  if (doc.HasParseError() || !doc.IsArray()) return std::nullopt;
  for (const auto& v : doc.GetArray()) {
    if (!v.IsObject() || !v.HasMember("proposition") || !v["proposition"].IsString()) continue;
    Stance s;
    s.proposition = v["proposition"].GetString();
    s.polarity = v.HasMember("polarity") && v["polarity"].IsString() &&
                         std::string_view(v["polarity"].GetString()) == "against"
                     ? Polarity::kAgainst
                     : Polarity::kFor;
    if (v.HasMember("weight") && v["weight"].IsNumber()) s.weight = v["weight"].GetDouble();
    if (v.HasMember("cues") && v["cues"].IsArray()) {
      for (const auto& c : v["cues"].GetArray()) {
        if (c.IsArray() && c.Size() == 2 && c[0].IsUint() && c[1].IsUint()) {
          s.cues.push_back(Span{c[0].GetUint(), c[1].GetUint()});
        }
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Rolls back unless committed: a document is stored whole or not at all. Inside a batch
// (Store::begin_batch) it is a savepoint of the batch's transaction.
class Transaction {
 public:
  explicit Transaction(sqlite::Database& db)
      : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    db_.exec(nested_ ? "SAVEPOINT document" : "BEGIN IMMEDIATE");
  }
  ~Transaction() {
    if (done_) return;
    sqlite3_exec(db_.handle(), nested_ ? "ROLLBACK TO document; RELEASE document" : "ROLLBACK",
                 nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    db_.exec(nested_ ? "RELEASE document" : "COMMIT");
    done_ = true;
  }

 private:
  sqlite::Database& db_;
  bool nested_;
  bool done_ = false;
};

// One read snapshot for several statements, so that a writer committing between them is not
// seen half (a source listed without the claims counted before it was committed). Inside a
// transaction already open (a writer reading its own batch) it adds nothing.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(sqlite::Database& db)
      : db_(db), own_(sqlite3_get_autocommit(db.handle()) != 0) {
    if (own_) db_.exec("BEGIN");
  }
  ~ReadSnapshot() {
    // Should COMMIT fail, ROLLBACK ends the read all the same: a read left open would show
    // every later read this snapshot.
    if (own_ && sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sqlite::Database& db_;
  bool own_;
};

// True when the folder of `path` cannot be written by this process (read-only media, or no
// permission) and no write-ahead log is beside the store: its file is all there is to read.
bool on_read_only_media(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path + "-wal", ec)) return false;
  const auto folder = fs::path(path).parent_path();
  return ::access(folder.empty() ? "." : folder.c_str(), W_OK) != 0;
}

// "file:PATH?immutable=1", the path percent-encoded where a URI needs it.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Store::Store(const std::string& path, StoreOptions options) : path_(path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (options.read_only && !fs::exists(path, ec)) {
    throw StoreError(path + ": no store here yet (run `claimgraph ingest` first)");
  }
  if (fs::is_directory(path, ec)) throw StoreError(path + ": is a directory, not a store");
  // One thread at a time uses a store (and the graphs it loads): SQLite's per-call connection
  // mutex is left out.
  const int flags = SQLITE_OPEN_NOMUTEX | (options.read_only
                                               ? SQLITE_OPEN_READONLY
                                               : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  // Every page carries a checksum, checked as it is read (page_checksums.hpp).
  page_checksums::install();
  const std::string vfs = !options.vfs.empty()   ? options.vfs
                          : options.check_pages ? std::string(page_checksums::kVfsName)
                                                : std::string(sqlite3_vfs_find(nullptr)->zName);
  db_ = std::make_shared<sqlite::Database>(path, flags, vfs);
  sqlite3_busy_timeout(db_->handle(), options.busy_timeout_ms);
  // SQLite opens a file it may not write for reading, silently: a writer says so at once.
  if (!options.read_only && sqlite3_db_readonly(db_->handle(), "main") == 1) {
    throw StoreError(path + ": the store cannot be written here (the file or its folder is "
                            "read-only to this user); readers can still open it");
  }
  try {
    open_schema(options.read_only);
  } catch (const StoreError&) {
    // A WAL store is read through its -shm index, which a reader must be able to create. When
    // it cannot (read-only media, or a folder this user cannot write) and no -wal file is
    // left, the file is all there is: SQLite reads it as immutable, without locks or index.
    if (!options.read_only || !on_read_only_media(path)) throw;
    db_ = std::make_shared<sqlite::Database>(path, flags | SQLITE_OPEN_URI, vfs,
                                             immutable_uri(path));
    open_schema(true);
  }
}

Store::~Store() = default;

void Store::open_schema(bool read_only) {
  const std::int64_t app_id = db_->scalar("PRAGMA application_id");
  const std::int64_t version = db_->scalar("PRAGMA user_version");
  const std::int64_t tables = db_->scalar("SELECT count(*) FROM sqlite_master");
  if (app_id == 0 && tables == 0) {
    if (read_only) throw StoreError(path_ + ": empty store (run `claimgraph ingest` first)");
    // Room for the page checksums, set before the first page is written.
    int reserved = page_checksums::kReservedBytes;
    sqlite3_file_control(db_->handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserved);
    Transaction tx(*db_);
    db_->exec(kSchema);
    db_->exec(kSourceIndexes);
    db_->exec(("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
    db_->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
    tx.commit();
  } else if (app_id != kApplicationId) {
    throw StoreError(path_ + ": not a claimgraph store (an SQLite database of another program)");
  } else if (version > kSchemaVersion) {
    throw StoreError(path_ + ": store schema version " + std::to_string(version) +
                     " is newer than this claimgraph reads (" + std::to_string(kSchemaVersion) +
                     "); use a newer claimgraph");
  } else if (version < 1) {
    throw StoreError(path_ + ": store schema version " + std::to_string(version) +
                     " is older than " + std::to_string(kSchemaVersion) +
                     " and cannot be upgraded; ingest into a new store");
  } else if (version < kSchemaVersion) {
    // Older versions lack columns; their documents are redone by the next ingest anyway (the
    // pipeline version is part of every ingest key).
    if (read_only) {
      throw StoreError(path_ + ": store schema version " + std::to_string(version) +
                       " is older than " + std::to_string(kSchemaVersion) +
                       "; run `claimgraph ingest` once to upgrade it");
    }
    Transaction tx(*db_);
    if (version < 2) db_->exec("ALTER TABLE figures ADD COLUMN hedge TEXT NOT NULL DEFAULT ''");
    if (version < 3) {
      db_->exec("ALTER TABLE refs ADD COLUMN venue_original TEXT");
      db_->exec("ALTER TABLE refs ADD COLUMN work_key TEXT NOT NULL DEFAULT ''");
    }
    if (version < 4) db_->exec("ALTER TABLE claims ADD COLUMN stances TEXT NOT NULL DEFAULT '[]'");
    if (version < 5) db_->exec("ALTER TABLE figures ADD COLUMN inferred INTEGER NOT NULL DEFAULT 0");
    if (version < 6) {
      db_->exec("ALTER TABLE sources ADD COLUMN format TEXT NOT NULL DEFAULT 'text'");
      db_->exec("ALTER TABLE sources ADD COLUMN metadata_from TEXT NOT NULL DEFAULT '{}'");
      db_->exec("ALTER TABLE sources ADD COLUMN page BLOB");
      db_->exec("ALTER TABLE sources ADD COLUMN page_offsets BLOB");
      db_->exec("CREATE INDEX IF NOT EXISTS sources_by_text ON sources(content_hash)");
    }
    if (version < 7) {
      db_->exec("CREATE TABLE lexicon_facts(kind TEXT NOT NULL, key TEXT NOT NULL, "
                "value TEXT NOT NULL, PRIMARY KEY(kind, key))");
    }
    if (version < 8) {
      db_->exec("CREATE TABLE verdicts(seq INTEGER PRIMARY KEY, target TEXT NOT NULL, "
                "target_text TEXT NOT NULL, rank TEXT NOT NULL, reason TEXT NOT NULL, "
                "by TEXT NOT NULL, at TEXT NOT NULL)");
    }
    if (version < 9) db_->exec(kSourceIndexes);
    db_->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
    tx.commit();
  }
  // WAL with synchronous=NORMAL: a committed document survives a crash of the process (and
  // the store stays whole after a power loss, which may only forget the last documents);
  // one fsync per checkpoint rather than per document.
  if (!read_only) {
    db_->exec("PRAGMA journal_mode=WAL");
    db_->exec("PRAGMA synchronous=NORMAL");
    // Stores written before schema 4 was final indexed edges by destination: only the removal
    // of unused actors read it, and keeping it up cost half of the writing of edges.
    db_->exec("DROP INDEX IF EXISTS edges_by_dst");
  }
  db_->exec("PRAGMA foreign_keys=ON");
}

std::string Store::assign_source_id(std::string_view path, std::string_view stem,
                                    const std::set<std::string>& reserved) {
  sqlite::Reused by_path(*db_, "SELECT id FROM sources WHERE path = ?1");
  by_path->bind(1, path);
  if (by_path->step()) return by_path->text(0);
  sqlite::Reused taken(*db_, "SELECT 1 FROM sources WHERE id = ?1");
  std::string id(stem);
  for (int n = 2;; ++n) {
    taken->bind(1, std::string_view(id));
    const bool used = taken->step() || reserved.count(id) > 0;
    taken->reset();
    if (!used) return id;
    id = std::string(stem) + "-" + std::to_string(n);
  }
}

bool Store::is_current(std::string_view path, std::string_view ingest_key) {
  sqlite::Reused stmt(*db_, "SELECT ingest_key FROM sources WHERE path = ?1");
  stmt->bind(1, path);
  return stmt->step() && stmt->text(0) == ingest_key;
}

void Store::delete_source(std::string_view source_id) {
  sqlite::Reused del(*db_, "DELETE FROM sources WHERE id = ?1");
  del->bind(1, source_id).run();
  unused_actors_ = true;
}

void Store::drop_unused_actors() {
  if (!unused_actors_) return;
  // Actors are shared between documents: drop those no remaining edge reaches. SQLite reads
  // each subquery once into a temporary index.
  db_->exec(
      "DELETE FROM actors WHERE id NOT IN (SELECT dst FROM edges) "
      "AND id NOT IN (SELECT src FROM edges)");
  unused_actors_ = false;
}

void Store::begin_batch() {
  if (sqlite3_get_autocommit(db_->handle()) != 0) {
    db_->clear_last_error();  // what the batch may die of is its own
    db_->exec("BEGIN IMMEDIATE");
    batch_open_ = true;
  }
}

void Store::commit_batch() {
  if (!batch_open_) return;
  batch_open_ = false;
  // After SQLITE_FULL, an I/O error or out of memory inside a put, SQLite may have rolled the
  // whole transaction back by itself: nothing of the batch is left to commit.
  if (sqlite3_get_autocommit(db_->handle()) != 0) {
    const std::string& cause = db_->last_error();
    throw StoreError(cause.empty() ? path_ + ": the batch was rolled back; its documents were not stored"
                                   : cause);
  }
  try {
    db_->exec("COMMIT");
  } catch (const StoreError&) {
    // A COMMIT that failed may leave the transaction open: end it, so that the connection
    // holds no write lock and nothing half-written.
    if (sqlite3_get_autocommit(db_->handle()) == 0) {
      sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    throw;
  }
}

void Store::rollback_batch() {
  if (!batch_open_) return;
  batch_open_ = false;
  if (sqlite3_get_autocommit(db_->handle()) == 0) {
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

namespace {

// The rows of one document, a table at a time; put() runs them in one transaction.

void put_source_row(sqlite::Database& db, const Source& s, std::string_view ingest_key) {
  sqlite::Reused insert_source(
      db,
      "INSERT INTO sources(id, path, file, title, outlet, authors, date, url, language, "
      "content_hash, ingest_key, bytes, format, metadata_from, page, page_offsets) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)");
  insert_source->bind(1, std::string_view(s.id))
      .bind(2, std::string_view(s.path))
      .bind(3, std::string_view(s.file))
      .bind(4, s.title)
      .bind(5, s.outlet)
      .bind(6, std::string_view(to_json(s.authors)))
      .bind(7, s.date)
      .bind(8, s.url)
      .bind(9, s.language)
      .bind(10, std::string_view(s.content_hash))
      .bind(11, ingest_key)
      .bind_blob(12, s.bytes)
      .bind(13, std::string_view(s.format))
      .bind(14, std::string_view(map_to_json(s.metadata_from)));
  if (s.format == "text") {
    insert_source->bind_null(15).bind_null(16);
  } else {
    insert_source->bind_blob(15, s.page).bind_blob(16, positions_blob(s.page_positions));
  }
  insert_source->run();
}

void put_claims(sqlite::Database& db, const DocumentGraph& doc) {
  const Source& s = doc.source;
  sqlite::Reused claim(db,
      "INSERT INTO claims(id, source_id, ord, text, claimant, confidence, stances) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7)");
  sqlite::Reused span(db,
      "INSERT INTO claim_spans(claim_id, ord, span_begin, span_end) VALUES(?1,?2,?3,?4)");
  std::int64_t ord = 0;
  for (const auto& c : doc.claims) {
    // A claim's text is most often its source's bytes at its first span: then it is not
    // stored twice ('' here, the bytes on load).
    const bool in_bytes = is_bytes_at(s.bytes, c.span(), c.text);
    claim->bind(1, std::string_view(c.id))
        .bind(2, std::string_view(s.id))
        .bind(3, ord++)
        .bind(4, in_bytes ? std::string_view("", 0) : std::string_view(c.text))
        .bind(5, std::string_view(c.claimant))
        .bind(6, c.confidence)
        .bind(7, std::string_view(stances_json(c.stances)))
        .run();
    for (std::size_t i = 0; i < c.spans.size(); ++i) {
      span->bind(1, std::string_view(c.id))
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, std::int64_t{c.spans[i].begin})
          .bind(4, std::int64_t{c.spans[i].end})
          .run();
    }
  }
}

void put_figures(sqlite::Database& db, const DocumentGraph& doc) {
  const Source& s = doc.source;
  sqlite::Reused figure(db,
      "INSERT INTO figures(id, source_id, ord, claim_id, span_begin, span_end, text, lo, hi, "
      "point, approx, bound, unit, measure, place, time_from, time_to, claimant, hedge, inferred) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)");
  std::int64_t ord = 0;
  for (const auto& f : doc.figures) {
    figure->bind(1, std::string_view(f.id))
        .bind(2, std::string_view(s.id))
        .bind(3, ord++)
        .bind(4, std::string_view(f.claim_id))
        .bind(5, std::int64_t{f.span.begin})
        .bind(6, std::int64_t{f.span.end})
        .bind(7, std::string_view(f.text))
        .bind(8, f.lo)
        .bind(9, f.hi)
        .bind(10, f.point)
        .bind(11, std::int64_t{f.approx ? 1 : 0})
        .bind(12, to_string(f.bound))
        .bind(13, std::string_view(f.unit))
        .bind(14, std::string_view(f.measure))
        .bind(15, f.place)
        .bind(16, f.time_from)
        .bind(17, f.time_to)
        .bind(18, std::string_view(f.claimant))
        .bind(19, std::string_view(f.hedge))
        .bind(20, std::int64_t{f.inferred})
        .run();
  }
}

void put_references(sqlite::Database& db, const DocumentGraph& doc) {
  const Source& s = doc.source;
  // A reference's raw text, as a claim's, is not stored twice when it is the bytes at its span.
  const auto raw_in_bytes = [&](const Reference& r) {
    return !r.raw.empty() && is_bytes_at(s.bytes, r.span, r.raw);
  };
  sqlite::Reused ref(db,
      "INSERT INTO refs(id, source_id, ord, kind, marker, span_begin, span_end, raw, authors, "
      "authors_original, title, title_translated, title_original, title_romanized, venue, date, "
      "language, script, venue_original, work_key) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)");
  std::int64_t ord = 0;
  for (const auto& r : doc.references) {
    ref->bind(1, std::string_view(r.id))
        .bind(2, std::string_view(s.id))
        .bind(3, ord++)
        .bind(4, to_string(r.kind))
        .bind(5, r.marker)
        .bind(6, std::int64_t{r.span.begin})
        .bind(7, std::int64_t{r.span.end})
        .bind(8, raw_in_bytes(r) ? std::string_view("", 0) : std::string_view(r.raw))
        .bind(9, std::string_view(to_json(r.authors)))
        .bind(10, std::string_view(to_json(r.authors_original)))
        .bind(11, r.title)
        .bind(12, r.title_translated)
        .bind(13, r.title_original)
        .bind(14, r.title_romanized)
        .bind(15, r.venue)
        .bind(16, r.date)
        .bind(17, r.language)
        .bind(18, r.script)
        .bind(19, r.venue_original)
        .bind(20, std::string_view(r.work_key))
        .run();
  }
}

void put_actors(sqlite::Database& db, const DocumentGraph& doc) {
  // Actors are shared: an actor met before keeps its row and gains the new aliases.
  sqlite::Reused get_actor(db, "SELECT aliases FROM actors WHERE id = ?1");
  sqlite::Reused put_actor(db,
      "INSERT OR REPLACE INTO actors(id, name, kind, key, aliases) VALUES(?1,?2,?3,?4,?5)");
  for (const auto& a : doc.actors) {
    get_actor->bind(1, std::string_view(a.id));
    std::vector<std::string> aliases;
    if (get_actor->step()) aliases = from_json(get_actor->view(0)).value_or(aliases);
    get_actor->reset();
    // A set of what is there: an actor may have tens of thousands of spellings.
    std::unordered_set<std::string> known(aliases.begin(), aliases.end());
    for (const auto& alias : a.aliases) {
      if (known.insert(alias).second) aliases.push_back(alias);
    }
    put_actor->bind(1, std::string_view(a.id))
        .bind(2, std::string_view(a.name))
        .bind(3, to_string(a.kind))
        .bind(4, std::string_view(a.key))
        .bind(5, std::string_view(to_json(aliases)))
        .run();
  }
}

void put_edges(sqlite::Database& db, const DocumentGraph& doc) {
  const Source& s = doc.source;
  // Edges the rows already say are not stored: the source contains its claims (claims.source_id)
  // and a claim states its figures (figures.claim_id); load makes them again, in row order.
  std::unordered_set<std::string_view> claim_ids;
  for (const auto& c : doc.claims) claim_ids.insert(c.id);
  std::unordered_map<std::string_view, std::string_view> claim_of_figure;
  for (const auto& f : doc.figures) claim_of_figure.emplace(f.id, f.claim_id);
  const auto implied = [&](const Edge& e) {
    if (e.kind == EdgeKind::kContains) return e.from == s.id && claim_ids.count(e.to) > 0;
    if (e.kind == EdgeKind::kStates) {
      const auto it = claim_of_figure.find(e.to);
      return it != claim_of_figure.end() && it->second == e.from;
    }
    return false;
  };
  sqlite::Reused edge(
      db, "INSERT INTO edges(source_id, ord, kind, src, dst) VALUES(?1,?2,?3,?4,?5)");
  std::int64_t ord = 0;
  for (const auto& e : doc.edges) {
    if (implied(e)) continue;
    edge->bind(1, std::string_view(s.id))
        .bind(2, ord++)
        .bind(3, to_string(e.kind))
        .bind(4, std::string_view(e.from))
        .bind(5, std::string_view(e.to))
        .run();
  }
}

void put_diagnostics(sqlite::Database& db, const DocumentGraph& doc) {
  const Source& s = doc.source;
  sqlite::Reused diag(db, "INSERT INTO diagnostics(source_id, ord, message) VALUES(?1,?2,?3)");
  std::int64_t ord = 0;
  for (const auto& d : doc.diagnostics) {
    diag->bind(1, std::string_view(s.id)).bind(2, ord++).bind(3, std::string_view(d)).run();
  }
}

}  // namespace

PutResult Store::put(const DocumentGraph& doc, std::string_view ingest_key) {
  const bool in_batch = sqlite3_get_autocommit(db_->handle()) == 0;
  if (batch_open_ && !in_batch) {
    // SQLite rolled the batch back after an error: this document is not stored alone as if
    // the batch were still there.
    throw StoreError(db_->last_error().empty() ? path_ + ": the batch was rolled back"
                                               : db_->last_error());
  }
  Transaction tx(*db_);
  const Source& s = doc.source;
  PutResult result = PutResult::kAdded;
  {
    // Only what this path held is replaced. A row that merely has this id belongs to another
    // file: the id was given to two files (two writers at once), and nothing is overwritten.
    sqlite::Reused old(*db_, "SELECT id, ingest_key, path FROM sources WHERE path = ?1 OR id = ?2");
    old->bind(1, std::string_view(s.path)).bind(2, std::string_view(s.id));
    std::vector<std::string> stale;
    while (old->step()) {
      if (old->view(2) != s.path) {
        throw StoreError(path_ + ": source id \"" + s.id + "\" already names " + old->text(2) +
                         "; " + s.path + " was not stored");
      }
      if (old->text(1) == ingest_key && old->text(0) == s.id) return PutResult::kUnchanged;
      stale.push_back(old->text(0));
    }
    for (const auto& id : stale) delete_source(id);
    if (!stale.empty()) result = PutResult::kReplaced;
    if (!stale.empty() && !in_batch) drop_unused_actors();
  }

  put_source_row(*db_, s, ingest_key);
  put_claims(*db_, doc);
  put_figures(*db_, doc);
  put_references(*db_, doc);
  put_actors(*db_, doc);
  put_edges(*db_, doc);
  put_diagnostics(*db_, doc);
  tx.commit();
  return result;
}

namespace {

Source read_source(const sqlite::Database& db, const sqlite::Statement& row) {
  Source s;
  s.id = row.text(0);
  s.path = row.text(1);
  s.file = row.text(2);
  s.title = row.optional_text(3);
  s.outlet = row.optional_text(4);
  s.authors = list_column(db, row, 5, "sources", s.id, "authors");
  s.date = row.optional_text(6);
  s.url = row.optional_text(7);
  s.language = row.optional_text(8);
  s.content_hash = row.text(9);
  s.format = row.text(12);
  s.metadata_from = map_column(db, row, 13, s.id);
  return s;
}

constexpr const char* kSourceColumns =
    "id, path, file, title, outlet, authors, date, url, language, content_hash, ingest_key, "
    "length(bytes), format, metadata_from";

// A source's bytes, checked against the SHA-256 its row keeps: a bit flipped on disk is named,
// never shown as what the source said. nullopt for an unknown id.
std::optional<std::string> checked_bytes(sqlite::Database& db, std::string_view source_id) {
  sqlite::Reused stmt(db, "SELECT bytes, content_hash FROM sources WHERE id = ?1");
  stmt->bind(1, source_id);
  if (!stmt->step()) return std::nullopt;
  std::string bytes = stmt->text(0);
  if (sha256_hex(bytes) != stmt->view(1)) {
    damaged(db, "sources", source_id, "its bytes do not match the SHA-256 stored with them");
  }
  return bytes;
}

// The span in columns `column` and `column + 1` of a row, which must lie in its source's bytes
// (their length, from the sources table).
Span read_span(const sqlite::Database& db, const sqlite::Statement& row, int column,
               std::string_view table, std::string_view id, std::int64_t source_length) {
  const std::int64_t begin = row.integer(column);
  const std::int64_t end = row.integer(column + 1);
  if (begin < 0 || end < begin || end > source_length || end > UINT32_MAX) {
    damaged(db, table, id,
            "span [" + std::to_string(begin) + ", " + std::to_string(end) +
                ") does not lie in its source's " + std::to_string(source_length) + " bytes");
  }
  return Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

}  // namespace

namespace {

// Rows read from the store, handed from the reading thread to the one building the graph.
struct Batch {
  std::vector<Source> sources;
  std::vector<Actor> actors;
  std::vector<Claim> claims;
  std::vector<Figure> figures;
  std::vector<Reference> references;
  std::vector<Edge> edges;
  bool last = false;
  std::size_t size() const {
    return sources.size() + actors.size() + claims.size() + figures.size() + references.size() +
           edges.size();
  }
};

// A queue of at most `limit` batches between one producer and one consumer.
class BatchQueue {
 public:
  void push(Batch batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return queue_.size() < kLimit; });
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }
  Batch pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty(); });
    Batch b = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return b;
  }

 private:
  static constexpr std::size_t kLimit = 8;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> queue_;
};

Actor read_actor(const sqlite::Database& db, const sqlite::Statement& row) {
  Actor a;
  a.id = row.text(0);
  a.name = row.text(1);
  const auto kind = actor_kind_from(row.view(2));
  if (!kind) damaged(db, "actors", a.id, "unknown kind \"" + row.text(2) + "\"");
  a.kind = *kind;
  a.key = row.text(3);
  a.aliases = list_column(db, row, 4, "actors", a.id, "aliases");
  return a;
}

// A claim without its spans (read from claim_spans beside it).
Claim read_claim(const sqlite::Database& db, const sqlite::Statement& row) {
  Claim c;
  c.id = row.text(0);
  c.source_id = row.text(1);
  c.claimant = row.text(2);
  c.confidence = row.real(3);
  if (row.view(4) != "[]") {
    auto stances = stances_from_json(row.text(4));
    if (!stances) damaged(db, "claims", c.id, "stances is not a JSON array");
    c.stances = std::move(*stances);
  }
  c.text = row.text(5);
  return c;
}

// `source_length`: the length of the figure's source, which its span must lie in.
Figure read_figure(const sqlite::Database& db, const sqlite::Statement& row,
                   std::int64_t source_length) {
  Figure f;
  f.id = row.text(0);
  f.source_id = row.text(1);
  f.claim_id = row.text(2);
  f.span = read_span(db, row, 3, "figures", f.id, source_length);
  f.text = row.text(5);
  f.lo = row.real(6);
  f.hi = row.real(7);
  f.point = row.optional_real(8);
  f.approx = row.integer(9) != 0;
  const auto bound = bound_from(row.view(10));
  if (!bound) damaged(db, "figures", f.id, "unknown bound \"" + row.text(10) + "\"");
  f.bound = *bound;
  if (!(f.lo <= f.hi)) damaged(db, "figures", f.id, "its interval's low end is above its high end");
  f.unit = row.text(11);
  f.measure = row.text(12);
  f.place = row.optional_text(13);
  f.time_from = row.optional_text(14);
  f.time_to = row.optional_text(15);
  f.claimant = row.text(16);
  f.hedge = row.text(17);
  f.inferred = static_cast<std::uint8_t>(row.integer(18) & 7);
  return f;
}

// `source_length` as for read_figure.
Reference read_reference(const sqlite::Database& db, const sqlite::Statement& row,
                         std::int64_t source_length) {
  Reference r;
  r.id = row.text(0);
  r.source_id = row.text(1);
  const auto kind = reference_kind_from(row.view(2));
  if (!kind) damaged(db, "refs", r.id, "unknown kind \"" + row.text(2) + "\"");
  r.kind = *kind;
  r.marker = row.optional_text(3);
  r.span = read_span(db, row, 4, "refs", r.id, source_length);
  r.raw = row.text(6);
  r.authors = list_column(db, row, 7, "refs", r.id, "authors");
  r.authors_original = list_column(db, row, 8, "refs", r.id, "authors_original");
  r.title = row.optional_text(9);
  r.title_translated = row.optional_text(10);
  r.title_original = row.optional_text(11);
  r.title_romanized = row.optional_text(12);
  r.venue = row.optional_text(13);
  r.date = row.optional_text(14);
  r.language = row.optional_text(15);
  r.script = row.optional_text(16);
  r.venue_original = row.optional_text(17);
  r.work_key = row.text(18);
  return r;
}

// Collects rows into batches of about kRows and hands them on.
class Batcher {
 public:
  explicit Batcher(BatchQueue& out) : out_(out) {}
  Batch& rows() { return batch_; }
  // Hands the batch on once it is full, or (with `force`) when it has anything.
  void flush(bool force) {
    if (batch_.size() >= kRows || (force && batch_.size() > 0)) {
      out_.push(std::move(batch_));
      batch_ = Batch{};
    }
  }
  // Hands on the last batch, marked last, whatever its size.
  void finish() {
    batch_.last = true;
    out_.push(std::move(batch_));
  }

 private:
  static constexpr std::size_t kRows = 8192;
  BatchQueue& out_;
  Batch batch_;
};

// Each source's length in bytes: every span read must lie in it (-1 for a source not read).
// Rows come in source order: the source asked for last answers most look-ups unhashed.
class SourceLengths {
 public:
  void add(std::string id, std::int64_t length) { lengths_.emplace(std::move(id), length); }
  std::int64_t of(const std::string& source_id) {
    if (source_id == last_source_ && last_length_ >= 0) return last_length_;
    const auto it = lengths_.find(source_id);
    last_source_ = source_id;
    last_length_ = it == lengths_.end() ? -1 : it->second;
    return last_length_;
  }

 private:
  std::unordered_map<std::string, std::int64_t> lengths_;
  std::string last_source_;
  std::int64_t last_length_ = -1;
};

// Reads every row the graph is made of, in one read transaction (one snapshot of the store),
// in batches of about `kRows`, in table and rowid order: a document's rows are written together,
// after its source's row, in their order (put), so rowid order is document order, then ord.
// Rows of every table, or (with `only`) of one document: its source, its claims, figures,
// references and edges, and the actors its edges name.
void read_rows(sqlite::Database& db, BatchQueue& out, const std::string* only = nullptr) {
  // "... FROM table" and the clause that keeps one document's rows, its id bound as ?1.
  const auto rows_of = [&](std::string select, const char* where) {
    if (only) select += std::string(" WHERE ") + where;
    auto stmt = db.prepare(select + " ORDER BY rowid");
    if (only) stmt.bind(1, std::string_view(*only));
    return stmt;
  };
  Batcher batch(out);
  SourceLengths lengths;
  auto sources = rows_of(std::string("SELECT ") + kSourceColumns + " FROM sources", "id = ?1");
  while (sources.step()) {
    lengths.add(sources.text(0), sources.integer(11));
    batch.rows().sources.push_back(read_source(db, sources));
    batch.flush(false);
  }
  batch.flush(true);
  auto actors = rows_of("SELECT id, name, kind, key, aliases FROM actors",
                        "id IN (SELECT dst FROM edges WHERE source_id = ?1 UNION "
                        "SELECT src FROM edges WHERE source_id = ?1)");
  while (actors.step()) {
    batch.rows().actors.push_back(read_actor(db, actors));
    batch.flush(false);
  }
  batch.flush(true);
  // A claim's text is most often its source's bytes at its first span ('' here): not read.
  auto claims = rows_of("SELECT id, source_id, claimant, confidence, stances, text FROM claims",
                        "source_id = ?1");
  auto spans = rows_of("SELECT claim_id, span_begin, span_end FROM claim_spans",
                       "claim_id IN (SELECT id FROM claims WHERE source_id = ?1)");
  bool span_ready = spans.step();
  while (claims.step()) {
    Claim c = read_claim(db, claims);
    const auto length = lengths.of(c.source_id);
    if (length < 0) damaged(db, "claims", c.id, "its source \"" + c.source_id + "\" is missing");
    while (span_ready && spans.view(0) == c.id) {
      c.spans.push_back(read_span(db, spans, 1, "claims", c.id, length));
      span_ready = spans.step();
    }
    if (c.spans.empty()) damaged(db, "claims", c.id, "it has no span in its source");
    batch.rows().claims.push_back(std::move(c));
    batch.flush(false);
  }
  batch.flush(true);
  auto figures = rows_of(
      "SELECT id, source_id, claim_id, span_begin, span_end, text, lo, hi, point, approx, "
      "bound, unit, measure, place, time_from, time_to, claimant, hedge, inferred FROM figures",
      "source_id = ?1");
  while (figures.step()) {
    batch.rows().figures.push_back(read_figure(db, figures, lengths.of(figures.text(1))));
    batch.flush(false);
  }
  batch.flush(true);
  auto refs = rows_of(
      "SELECT id, source_id, kind, marker, span_begin, span_end, raw, authors, "
      "authors_original, title, title_translated, title_original, title_romanized, "
      "venue, date, language, script, venue_original, work_key FROM refs",
      "source_id = ?1");
  while (refs.step()) {
    batch.rows().references.push_back(read_reference(db, refs, lengths.of(refs.text(1))));
    batch.flush(false);
  }
  batch.flush(true);
  auto edges = rows_of("SELECT kind, src, dst, source_id, ord FROM edges", "source_id = ?1");
  while (edges.step()) {
    const auto kind = edge_kind_from(edges.view(0));
    if (!kind) {
      damaged(db, "edges", edges.text(3) + " #" + std::to_string(edges.integer(4)),
              "unknown kind \"" + edges.text(0) + "\"");
    }
    batch.rows().edges.push_back(Edge{*kind, edges.text(1), edges.text(2)});
    batch.flush(false);
  }
  batch.finish();
}

}  // namespace

KnowledgeGraph Store::load() { return load_rows(nullptr); }

std::optional<KnowledgeGraph> Store::load_document_of(std::string_view id) {
  std::optional<std::string> source;
  {
    const ReadSnapshot snapshot(*db_);
    for (const char* table : {"sources", "claims", "figures", "refs"}) {
      auto stmt = db_->prepare(std::string("SELECT ") +
                               (std::string_view(table) == "sources" ? "id" : "source_id") +
                               " FROM " + table + " WHERE id = ?1");
      stmt.bind(1, id);
      if (stmt.step()) {
        source = stmt.text(0);
        break;
      }
    }
  }
  if (!source) return std::nullopt;
  // A store of one document is that document: read as a whole, without the filters (whose
  // look-ups cost a third more than the plain reads then).
  if (db_->scalar("SELECT count(*) FROM sources") == 1) return load_rows(nullptr);
  return load_rows(&*source);
}

KnowledgeGraph Store::load_rows(const std::string* only) {
  KnowledgeGraph g;
  // One snapshot: a writer committing meanwhile is not seen half.
  const ReadSnapshot snapshot(*db_);
  if (!only) {  // the whole store: its tables' sizes are known
    const auto count = [&](const char* table) {
      return static_cast<std::size_t>(
          db_->scalar((std::string("SELECT max(rowid) FROM ") + table).c_str()));
    };
    const auto claims = count("claims");
    const auto figures = count("figures");
    g.reserve(claims, figures, count("refs"), claims + figures + count("edges"));
  }
  // One thread reads the rows (SQLite, strings), this one builds the graph from them: on two
  // cores, opening a store of 1 M figures takes about the longer of the two, not their sum.
  // The connection is the reading thread's alone until it is done.
  BatchQueue queue;
  std::exception_ptr failed;
  std::thread reader([&] {
    try {
      read_rows(*db_, queue, only);
    } catch (...) {
      failed = std::current_exception();
      Batch end;
      end.last = true;
      queue.push(std::move(end));
    }
  });
  {
    // Should building fail (out of memory), the reader is let finish before the error goes on.
    struct JoinReader {
      std::thread& reader;
      BatchQueue& queue;
      bool drained = false;
      ~JoinReader() {
        while (!drained) drained = queue.pop().last;
        reader.join();
      }
    } join_reader{reader, queue};
    std::string last_source_id;
    std::optional<Vertex> last_source;
    for (bool done = false; !done;) {
      Batch batch = queue.pop();
      done = join_reader.drained = batch.last;
      for (auto& s : batch.sources) g.add_source(std::move(s));
      for (auto& a : batch.actors) g.add_actor(std::move(a));
      for (auto& c : batch.claims) {
        // Every claim is contained in its source; the store keeps no such edge.
        if (c.source_id != last_source_id) {
          last_source = g.find(c.source_id);
          last_source_id = c.source_id;
        }
        const auto v = g.add_claim(std::move(c), /*known_new=*/true);  // claims.id is its key
        if (last_source) g.add_edge(*last_source, v, EdgeKind::kContains);
      }
      for (auto& f : batch.figures) {
        const auto v = g.add_figure(std::move(f), /*known_new=*/true);  // figures.id is its key
        // Every figure is stated by its claim.
        if (const auto claim = g.claim_of_figure(v)) g.add_edge(*claim, v, EdgeKind::kStates);
      }
      for (auto& r : batch.references) g.add_reference(std::move(r));
      for (const auto& e : batch.edges) g.add_edge(e);
    }
  }  // the reader has finished
  if (failed) std::rethrow_exception(failed);

  // Claim texts come from the bytes, one source's bytes read at a time (claims are most
  // often asked for in document order).
  struct Cache {
    std::shared_ptr<sqlite::Database> db;
    std::string source_id;
    std::string bytes;
  };
  auto cache = std::make_shared<Cache>();
  cache->db = db_;
  g.set_text_reader([cache](const std::string& source_id, Span span) -> std::string {
    if (cache->source_id != source_id) {
      cache->source_id.clear();  // should the bytes be damaged, nothing half-read is kept
      cache->bytes = checked_bytes(*cache->db, source_id).value_or(std::string());
      cache->source_id = source_id;
    }
    if (span.end > cache->bytes.size()) return {};
    return cache->bytes.substr(span.begin, span.size());
  });
  g.shrink_to_fit();
  // Part of opening a store, queries start from them: the CSR and the figure index, built side
  // by side (they read the node tables and each writes its own).
  std::exception_ptr csr_failed;
  std::thread csr([&] {
    try {
      g.boost_graph();
    } catch (...) {
      csr_failed = std::current_exception();
    }
  });
  try {
    g.figure_index();
  } catch (...) {
    csr.join();
    throw;
  }
  csr.join();
  if (csr_failed) std::rethrow_exception(csr_failed);
  return g;
}

std::vector<SourceSummary> Store::sources() {
  // Counts by one pass over each table (grouped), not a scan per source: no index leads from a
  // source to its rows but the edges'.
  const ReadSnapshot snapshot(*db_);
  const auto counts = [&](const char* table) {
    std::unordered_map<std::string, std::size_t> out;
    auto stmt = db_->prepare(std::string("SELECT source_id, count(*) FROM ") + table +
                             " GROUP BY source_id");
    while (stmt.step()) out.emplace(stmt.text(0), static_cast<std::size_t>(stmt.integer(1)));
    return out;
  };
  const auto claims = counts("claims");
  const auto figures = counts("figures");
  const auto refs = counts("refs");
  const auto count_of = [](const std::unordered_map<std::string, std::size_t>& m,
                           const std::string& id) -> std::size_t {
    const auto it = m.find(id);
    return it == m.end() ? 0 : it->second;
  };
  std::vector<SourceSummary> out;
  auto stmt = db_->prepare(std::string("SELECT ") + kSourceColumns + " FROM sources ORDER BY rowid");
  while (stmt.step()) {
    SourceSummary s;
    s.source = read_source(*db_, stmt);
    s.ingest_key = stmt.text(10);
    s.claims = count_of(claims, s.source.id);
    s.figures = count_of(figures, s.source.id);
    s.references = count_of(refs, s.source.id);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<StoreProblem> Store::check(std::size_t limit) {
  std::vector<StoreProblem> problems;
  const auto full = [&] { return problems.size() >= limit; };
  // The same problem met by several passes is listed once.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  const auto add = [&](StoreProblem p) {
    if (!full() && seen.emplace(p.table, p.id, p.message).second) problems.push_back(std::move(p));
  };
  // Pages whose checksum fails, read straight from the file, each named by the table or index
  // it belongs to (SQLite's dbstat, through a connection that does not check checksums).
  const auto pages = page_checksums::damaged_pages(path_);
  if (!pages.empty()) {
    std::unordered_map<std::uint32_t, std::string> owner;
    sqlite3* plain = nullptr;
    if (sqlite3_open_v2(path_.c_str(), &plain, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(plain, "SELECT pageno, name FROM dbstat", -1, &stmt, nullptr) ==
          SQLITE_OK) {
        const std::unordered_set<std::uint32_t> wanted(pages.begin(), pages.end());
        while (sqlite3_step(stmt) == SQLITE_ROW) {
          const auto page = static_cast<std::uint32_t>(sqlite3_column_int64(stmt, 0));
          if (wanted.count(page) > 0) {
            owner[page] = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
          }
        }
      }
      sqlite3_finalize(stmt);
    }
    sqlite3_close(plain);
    std::error_code ec;
    const auto log_size = std::filesystem::file_size(path_ + "-wal", ec);
    const bool log = !ec && log_size > 0;
    for (const auto page : pages) {
      const auto it = owner.find(page);
      add(StoreProblem{it == owner.end() ? "" : it->second, "",
                       "page " + std::to_string(page) +
                           " fails its checksum (its bytes changed on disk)" +
                           (log ? "; the -wal beside the store may hold a newer copy of it" : "")});
    }
  }
  // Each query yields rows of (table, id, message); a query that cannot finish (it met a
  // damaged page) is a problem of its own, and the others still run.
  const auto gather = [&](const std::string& sql) {
    try {
      auto stmt = db_->prepare(sql);
      while (!full() && stmt.step()) {
        add(StoreProblem{stmt.text(0), stmt.text(1), stmt.text(2)});
      }
    } catch (const StoreError& e) {
      add(StoreProblem{"", "", e.what()});
    }
  };
  try {
    auto stmt = db_->prepare("PRAGMA integrity_check(" + std::to_string(limit) + ")");
    while (!full() && stmt.step()) {
      if (stmt.view(0) == "ok") continue;
      // A row may hold several lines ("*** in database main ***" and what follows).
      std::string_view text = stmt.view(0);
      while (!text.empty() && !full()) {
        const auto end = std::min(text.find('\n'), text.size());
        const auto line = text.substr(0, end);
        if (!line.empty() && line != "*** in database main ***") {
          add(StoreProblem{"", "", std::string(line)});
        }
        text.remove_prefix(std::min(end + 1, text.size()));
      }
    }
  } catch (const StoreError& e) {
    add(StoreProblem{"", "", e.what()});
  }
  gather(
      "SELECT \"table\", 'rowid ' || rowid, 'refers to a missing row of ' || parent "
      "FROM pragma_foreign_key_check");
  try {
    auto stmt = db_->prepare("SELECT id, bytes, content_hash FROM sources ORDER BY rowid");
    while (!full() && stmt.step()) {
      if (sha256_hex(stmt.view(1)) != stmt.view(2)) {
        add(StoreProblem{"sources", stmt.text(0),
                                        "its bytes do not match the SHA-256 stored with them"});
      }
    }
  } catch (const StoreError& e) {
    add(StoreProblem{"", "", e.what()});
  }
  // What load refuses, row by row (kept in step with read_rows).
  const auto names = [](auto... kinds) {
    std::string list;
    ((list += (list.empty() ? "'" : ", '") + std::string(to_string(kinds)) + "'"), ...);
    return list;
  };
  const std::string actor_kinds =
      names(ActorKind::kPerson, ActorKind::kOrganization, ActorKind::kGroup, ActorKind::kCountry,
            ActorKind::kPlace, ActorKind::kOther);
  const std::string bounds = names(Bound::kNone, Bound::kAtMost, Bound::kAtLeast);
  const std::string ref_kinds =
      names(ReferenceKind::kFootnote, ReferenceKind::kInText, ReferenceKind::kSecondary);
  const std::string edge_kinds =
      names(EdgeKind::kContains, EdgeKind::kStates, EdgeKind::kMentions, EdgeKind::kClaimedBy,
            EdgeKind::kCites, EdgeKind::kAuthoredBy, EdgeKind::kPublishedBy, EdgeKind::kCitedIn);
  const std::string span_check =
      "span_begin < 0 OR span_end < span_begin OR span_end > 4294967295 OR span_end > "
      "(SELECT length(bytes) FROM sources WHERE sources.id = %s.source_id)";
  const auto spans_of = [&](const char* alias) {
    std::string sql = span_check;
    sql.replace(sql.find("%s"), 2, alias);
    return sql;
  };
  // A list column as load reads it: a JSON array of strings.
  const auto not_list = [](const std::string& column) {
    return "(NOT json_valid(" + column + ") OR json_type(" + column + ") != 'array' OR EXISTS "
           "(SELECT 1 FROM json_each(" + column + ") WHERE type != 'text'))";
  };
  gather("SELECT 'sources', id, 'authors is not a JSON array of strings' FROM sources WHERE " +
         not_list("authors"));
  gather("SELECT 'claims', id, 'its source is missing' FROM claims "
         "WHERE source_id NOT IN (SELECT id FROM sources)");
  gather("SELECT 'claims', id, 'stances is not a JSON array' FROM claims "
         "WHERE NOT json_valid(stances) OR json_type(stances) != 'array'");
  gather("SELECT 'claims', id, 'it has no span in its source' FROM claims "
         "WHERE id NOT IN (SELECT claim_id FROM claim_spans)");
  gather("SELECT 'claims', c.id, 'span [' || s.span_begin || ', ' || s.span_end || ') does not "
         "lie in its source' FROM claim_spans s JOIN claims c ON c.id = s.claim_id WHERE " +
         spans_of("c"));
  gather("SELECT 'figures', id, 'span [' || span_begin || ', ' || span_end || ') does not lie "
         "in its source' FROM figures WHERE " + spans_of("figures"));
  gather("SELECT 'figures', id, 'unknown bound \"' || bound || '\"' FROM figures WHERE bound "
         "NOT IN (" + bounds + ")");
  gather("SELECT 'figures', id, 'its interval''s low end is above its high end' FROM figures "
         "WHERE NOT (lo <= hi)");
  gather("SELECT 'figures', id, 'its claim ' || claim_id || ' is missing' FROM figures "
         "WHERE claim_id NOT IN (SELECT id FROM claims)");
  gather("SELECT 'refs', id, 'span [' || span_begin || ', ' || span_end || ') does not lie in "
         "its source' FROM refs WHERE " + spans_of("refs"));
  gather("SELECT 'refs', id, 'unknown kind \"' || kind || '\"' FROM refs WHERE kind NOT IN (" +
         ref_kinds + ")");
  gather("SELECT 'refs', id, 'authors is not a JSON array of strings' FROM refs WHERE " +
         not_list("authors"));
  gather("SELECT 'refs', id, 'authors_original is not a JSON array of strings' FROM refs WHERE " +
         not_list("authors_original"));
  gather("SELECT 'actors', id, 'unknown kind \"' || kind || '\"' FROM actors WHERE kind NOT IN (" +
         actor_kinds + ")");
  gather("SELECT 'actors', id, 'aliases is not a JSON array of strings' FROM actors WHERE " +
         not_list("aliases"));
  gather("SELECT 'edges', source_id || ' #' || ord, 'unknown kind \"' || kind || '\"' FROM edges "
         "WHERE kind NOT IN (" + edge_kinds + ")");
  const std::string node = "(SELECT id FROM sources UNION ALL SELECT id FROM claims UNION ALL "
                           "SELECT id FROM figures UNION ALL SELECT id FROM refs UNION ALL "
                           "SELECT id FROM actors)";
  gather("SELECT 'edges', source_id || ' #' || ord, 'its end ' || src || ' -> ' || dst || "
         "' names no node' FROM edges WHERE src NOT IN " + node + " OR dst NOT IN " + node);
  return problems;
}

std::optional<std::string> Store::source_bytes(std::string_view source_id) {
  return checked_bytes(*db_, source_id);
}

std::optional<std::pair<std::string, std::string>> Store::source_with_text(
    std::string_view content_hash, std::string_view path) {
  sqlite::Reused stmt(*db_,
                      "SELECT id, file FROM sources WHERE content_hash = ?1 AND path <> ?2 "
                      "ORDER BY rowid LIMIT 1");
  stmt->bind(1, content_hash).bind(2, path);
  if (!stmt->step()) return std::nullopt;
  return std::make_pair(stmt->text(0), stmt->text(1));
}

void Store::put_lexicon_facts(const LexiconFacts& facts) {
  Transaction tx(*db_);
  db_->exec("DELETE FROM lexicon_facts");
  sqlite::Reused insert(*db_, "INSERT INTO lexicon_facts(kind, key, value) VALUES(?1, ?2, ?3)");
  for (const auto& [kind, map] : {std::pair<const char*, const std::map<std::string, std::string>*>{
                                      "proposition", &facts.propositions},
                                  {"predecessor", &facts.predecessors}}) {
    for (const auto& [key, value] : *map) {
      insert->bind(1, std::string_view(kind)).bind(2, std::string_view(key)).bind(3, std::string_view(value)).run();
    }
  }
  tx.commit();
}

std::int64_t Store::data_version() { return db_->scalar("PRAGMA data_version"); }

std::int64_t Store::add_verdict(const Verdict& v) {
  Transaction tx(*db_);
  sqlite::Reused insert(*db_,
                        "INSERT INTO verdicts(target, target_text, rank, reason, by, at) "
                        "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  insert->bind(1, std::string_view(v.target))
      .bind(2, std::string_view(v.target_text))
      .bind(3, to_string(v.rank))
      .bind(4, std::string_view(v.reason))
      .bind(5, std::string_view(v.by))
      .bind(6, std::string_view(v.at))
      .run();
  const std::int64_t seq = sqlite3_last_insert_rowid(db_->handle());
  tx.commit();
  return seq;
}

std::vector<Verdict> Store::verdicts() {
  std::vector<Verdict> out;
  auto stmt = db_->prepare(
      "SELECT seq, target, target_text, rank, reason, by, at FROM verdicts ORDER BY seq");
  while (stmt.step()) {
    Verdict v;
    v.seq = stmt.integer(0);
    v.target = stmt.text(1);
    v.target_text = stmt.text(2);
    const auto rank = rank_from(stmt.view(3));
    if (!rank) damaged(*db_, "verdicts", std::to_string(v.seq), "unknown rank \"" + stmt.text(3) + "\"");
    v.rank = *rank;
    v.reason = stmt.text(4);
    v.by = stmt.text(5);
    v.at = stmt.text(6);
    out.push_back(std::move(v));
  }
  return out;
}

LexiconFacts Store::lexicon_facts() {
  LexiconFacts facts;
  auto stmt = db_->prepare("SELECT kind, key, value FROM lexicon_facts ORDER BY kind, key");
  while (stmt.step()) {
    auto& map = stmt.text(0) == "proposition" ? facts.propositions : facts.predecessors;
    map.emplace(stmt.text(1), stmt.text(2));
  }
  return facts;
}

std::vector<PagePosition> Store::page_positions(std::string_view source_id) {
  sqlite::Reused stmt(*db_, "SELECT page_offsets FROM sources WHERE id = ?1");
  stmt->bind(1, source_id);
  if (!stmt->step()) return {};
  return positions_from_blob(stmt->view(0));
}

std::string Store::page_bytes(std::string_view source_id) {
  sqlite::Reused stmt(*db_, "SELECT page FROM sources WHERE id = ?1");
  stmt->bind(1, source_id);
  if (!stmt->step()) return {};
  return stmt->text(0);
}

std::vector<std::string> Store::diagnostics(std::string_view source_id) {
  auto stmt = db_->prepare("SELECT message FROM diagnostics WHERE source_id = ?1 ORDER BY ord");
  stmt.bind(1, source_id);
  std::vector<std::string> out;
  while (stmt.step()) out.push_back(stmt.text(0));
  return out;
}

}  // namespace claimgraph::graph
