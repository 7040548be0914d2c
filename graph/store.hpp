#pragma once
// The persistent graph: one SQLite file, a table per node kind plus edges, sources (with
// their original bytes) and diagnostics. Schema version in PRAGMA user_version, WAL
// journal, one transaction per document. One Store object per thread.

#include <memory>
#include <optional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/model.hpp"
#include "graph/store_error.hpp"

namespace claimgraph::graph {

namespace sqlite {
class Database;
}

struct StoreOptions {
  // Default false: create the file and its schema when missing. True: open an existing store
  // for reading only, failing when there is none.
  bool read_only = false;
  // Default 2000: how long (ms) to wait for another writer before giving up.
  int busy_timeout_ms = 2000;
  // The SQLite VFS to open the file through (empty: the default one); tests pass one that
  // fails writes on demand.
  std::string vfs;
  // Default true: every page read is checked against its checksum (page_checksums.hpp). False
  // reads pages as they are: `check` does, to look through a store whose pages fail.
  bool check_pages = true;
};

enum class PutResult { kAdded, kReplaced, kUnchanged };

// One thing `Store::check` found damaged: where (table and row id; "" for the file as a
// whole) and what.
struct StoreProblem {
  std::string table;
  std::string id;
  std::string message;
};

// What queries need from the lexicons, written at ingest so that no query reads a lexicon:
// each proposition's words by its id (stance conflicts name them), each place's predecessor
// state (trace follows it).
struct LexiconFacts {
  std::map<std::string, std::string> propositions;
  std::map<std::string, std::string> predecessors;
};

// One source as listed: its metadata and how many nodes it contributed.
struct SourceSummary {
  Source source;  // without bytes
  std::string ingest_key;
  std::size_t claims = 0;
  std::size_t figures = 0;
  std::size_t references = 0;
};

class Store {
 public:
  static constexpr int kSchemaVersion = 9;
  static constexpr int kApplicationId = 0x43475248;  // "CGRH"

  // Opens (or creates) the store at `path`. Throws StoreError when the file is not a
  // claimgraph store, has a newer schema, is missing in read-only mode, or cannot be opened.
  explicit Store(const std::string& path, StoreOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }

  // The id the source at `path` has, or a new unique one made from `stem`, also unlike the
  // ids in `reserved` (given to documents not yet stored).
  std::string assign_source_id(std::string_view path, std::string_view stem,
                               const std::set<std::string>& reserved = {});
  // The id and file of a source at another path than `path` whose text has this SHA-256
  // (the same article saved twice), if any.
  std::optional<std::pair<std::string, std::string>> source_with_text(
      std::string_view content_hash, std::string_view path);
  // True when the source at `path` was stored with this ingest key (nothing to do).
  bool is_current(std::string_view path, std::string_view ingest_key);

  // Stores one document in one transaction, replacing what its path held before. A
  // document whose path already holds `ingest_key` is left as it is (kUnchanged).
  // Throws StoreError (nothing of the document is then stored).
  PutResult put(const DocumentGraph& doc, std::string_view ingest_key);
  // Several puts in one transaction: each document stays whole (a savepoint), the batch is
  // written at once. Until commit_batch, a crash forgets the batch's documents, never part
  // of one. Closing the store without commit_batch rolls the batch back.
  void begin_batch();
  // Commits the batch begun last. Throws StoreError when it cannot: the COMMIT failed (disk
  // full), or SQLite already rolled the batch back after a failed put; the batch's documents
  // are then not stored, and the documents of earlier batches are. Returning normally means
  // every document put since begin_batch is stored. Does nothing when no batch is open.
  void commit_batch();
  // Rolls back the batch begun last, if any (its documents are not stored).
  void rollback_batch();
  // Deletes the actors no edge refers to any more: one pass over the edges. A put that
  // replaces a document outside a batch calls it; within a batch it is left to the caller
  // (ingest calls it once, after its last batch), so that replacing many documents does not
  // pass over every edge once for each of them. Until then an actor whose last document was
  // replaced stays, with no edge to it.
  void drop_unused_actors();

  // The whole graph, source bytes left out: a claim's text is read from the store when asked
  // for (the graph keeps this store's connection open for it).
  KnowledgeGraph load();
  // The graph of the one document that holds the node `id` (a source, or one of its claims,
  // figures or references): that source, its claims, figures, references and edges, and the
  // actors they name (with the edges of this document only). What `show` reads: it costs the
  // document, not the store. nullopt when no source, claim, figure or reference has that id.
  std::optional<KnowledgeGraph> load_document_of(std::string_view id);
  std::vector<SourceSummary> sources();
  // Looks through the whole store for damage and lists it (empty: nothing found): SQLite's
  // integrity_check and foreign_key_check, each source's bytes against their SHA-256, and
  // every row as load reads it (spans inside their source, known kinds and bounds, JSON
  // columns, ids of their source, a figure's claim, an edge's ends). Up to `limit` problems.
  std::vector<StoreProblem> check(std::size_t limit = 100);
  std::optional<std::string> source_bytes(std::string_view source_id);
  // Replaces the lexicon facts kept in the store (one transaction).
  void put_lexicon_facts(const LexiconFacts& facts);
  // SQLite's data_version: it changes when another connection commits to the file.
  std::int64_t data_version();
  // Adds an editor's verdict (one transaction) and returns its number in the history. Verdicts
  // belong to no source: replacing or re-ingesting a source keeps them.
  std::int64_t add_verdict(const Verdict& verdict);
  // Every verdict ever recorded, in the order recorded.
  std::vector<Verdict> verdicts();
  // The lexicon facts the last ingest wrote (empty before any).
  LexiconFacts lexicon_facts();
  // Where a page's main text came from in it (Source::page_positions); empty for a text
  // file or an unknown id.
  std::vector<PagePosition> page_positions(std::string_view source_id);
  // A page's bytes as saved; empty for a text file or an unknown id.
  std::string page_bytes(std::string_view source_id);
  std::vector<std::string> diagnostics(std::string_view source_id);

 private:
  void open_schema(bool read_only);
  KnowledgeGraph load_rows(const std::string* only);
  void delete_source(std::string_view source_id);

  std::string path_;
  bool batch_open_ = false;     // begin_batch began a transaction not yet committed
  bool unused_actors_ = false;  // a source was deleted since drop_unused_actors
  std::shared_ptr<sqlite::Database> db_;  // shared with the text reader of loaded graphs
};

}  // namespace claimgraph::graph
