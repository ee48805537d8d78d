// The durable store of renkei: every record, its secondary indexes, unique
// keys, references and counters, and the change log, in one RocksDB.
//
// One writer path: every mutation goes through Create, Update or Delete, each
// ONE WriteBatch covering the records it touches, their index entries and
// their change-log entries (docs/store_format.md). Nothing else writes the
// database. Writes are serialized by a mutex; reads run concurrently and see
// whole batches only.
//
// Records are the renkei.v1 resource messages (Organization, Person, Seed,
// Need, Collaboration, Network, Membership), passed as Messages; the store
// reads and sets their common fields (name, etag, create_time, update_time,
// external_ids) by reflection.
//
// Durability: a write is acknowledged after RocksDB has put it in its
// write-ahead log. With sync_writes = false (the default) it survives the
// process being killed at any instant (the log is in the OS page cache); with
// sync_writes = true it is fsync'ed and also survives power loss.
//
// Thread-safe. The Store owns its database; close it by destroying it.
#ifndef RENKEI_SERVER_STORE_STORE_H_
#define RENKEI_SERVER_STORE_STORE_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/names/resource_name.h"
#include "server/store/actor.h"
#include "server/store/index.h"
#include "server/store/text_index.h"
#include "server/text/analyzer.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class WriteBatch;
}  // namespace rocksdb

namespace renkei::store {

namespace internal {
class CounterCache;
class DiskGuard;
class WriteTxn;
}  // namespace internal

struct StoreOptions {
  // fsync the write-ahead log on every write (survives power loss).
  bool sync_writes = false;
  bool create_if_missing = true;
  size_t block_cache_bytes = size_t{128} << 20;
  // Writes are refused (RESOURCE_EXHAUSTED) while the data directory's file
  // system has less free space than this, so flushes and compactions keep
  // room; 0 turns the check off (RocksDB's own errors are still handled).
  uint64_t min_free_bytes = uint64_t{256} << 20;
  // The write-ahead log is kept below about this size: past it, the column
  // families holding the oldest log are flushed so that it can be deleted.
  // A clean close flushes everything, so a restart replays no log.
  uint64_t max_wal_bytes = uint64_t{64} << 20;
  bool flush_on_close = true;  // false only to measure what it saves (bench/)
  // How the search index makes terms (text/analyzer.h). A database indexed
  // with another analyzer has its search index rebuilt when opened.
  text::AnalyzerKind analyzer = text::AnalyzerKind::kWords;
};

struct ListRequest {
  Kind kind = Kind::kOrganization;
  // ANDed; none lists every record of the kind.
  std::vector<IndexTerm> terms;
  // Compared after text::NormalizeText with the record's names (display name,
  // aliases, kana, title …); a prefix also matches the name without its legal
  // form (株式会社 …).
  std::string name_prefix;
  std::string name_contains;
  int page_size = 50;
  // A page ends before its records pass this many encoded bytes (it always
  // holds at least one record), so that it fits in one response.
  size_t max_bytes = size_t{2} << 20;
  // From a previous ListResult of the same request; INVALID_ARGUMENT if it
  // was made for other filters or is not a token.
  std::string page_token;
  // At most this many index positions are examined per call; a page may come
  // back short with a next_page_token when the filters match sparsely.
  int max_examined = 20000;
};

struct ListResult {
  std::vector<std::unique_ptr<google::protobuf::Message>> records;
  std::string next_page_token;  // empty when nothing follows
};

// One write of a batch given to Store::Apply.
struct Write {
  // Creates `record`, as Store::Create does.
  static Write Create(google::protobuf::Message* record, std::string request_id = "") {
    Write write;
    write.record = record;
    write.request_id = std::move(request_id);
    return write;
  }
  // Changes the record `name` with `mutate`, as Store::Update does (without
  // an etag); `updated` (not null) receives the stored record.
  static Write Update(std::string name,
                      std::function<absl::Status(google::protobuf::Message*)> mutate,
                      google::protobuf::Message* updated) {
    Write write;
    write.name = std::move(name);
    write.mutate = std::move(mutate);
    write.record = updated;
    return write;
  }

  bool is_create() const { return mutate == nullptr; }

  google::protobuf::Message* record = nullptr;
  std::string request_id;  // creates
  std::string name;        // updates
  std::function<absl::Status(google::protobuf::Message*)> mutate;
  // Creates: runs on the record just before it is staged, when the writes
  // before it in the batch have their names (a membership naming an
  // organization created earlier in the same batch).
  std::function<absl::Status(google::protobuf::Message*)> before;
};

struct DeleteResult {
  std::vector<std::string> deleted;   // the requested record first
  std::vector<std::string> unlinked;  // records whose references were removed
  int64_t revision = 0;
};

// A new empty record message of `kind` (Organization for kOrganization …).
std::unique_ptr<google::protobuf::Message> NewRecordOf(Kind kind);

class Store {
 public:
  // Opens (or creates) the database in directory `path`.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const StoreOptions& options,
                                                     absl::string_view path);

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Reads the record `name` into `record` (of the matching message type).
  // NOT_FOUND when there is none; INVALID_ARGUMENT for a malformed name.
  absl::Status Get(absl::string_view name, google::protobuf::Message* record) const;

  // The name of the record holding `key`, or NOT_FOUND.
  absl::StatusOr<std::string> Lookup(const UniqueKey& key) const;

  // One page of records of `request.kind`, in key (id) order. `prototype`
  // gives the message type to return.
  absl::StatusOr<ListResult> List(const ListRequest& request,
                                  const google::protobuf::Message& prototype) const;

  // Creates `record`. For memberships the caller sets `name`
  // (networks/{n}/memberships/{organization id}); for every other kind the
  // store assigns the next id. Sets name, etag, create_time and update_time;
  // on success `record` holds what was stored. With a non-empty `request_id`
  // already used for this kind, returns the record as first created instead
  // (even after a restart) and writes nothing.
  // Errors: ALREADY_EXISTS (duplicate 法人番号, external id or membership,
  // naming the record that holds it), INVALID_ARGUMENT (a reference to a
  // record that does not exist), with field paths relative to the record.
  absl::Status Create(google::protobuf::Message* record, absl::string_view request_id,
                      const Actor& actor);

  // Creates several records in ONE WriteBatch, as Create does each: all or
  // none. `request_ids` is empty or one per record (empty strings allowed);
  // records whose request id was used get their first result and are not
  // written again. Errors refuse the whole batch.
  absl::Status CreateMany(const std::vector<google::protobuf::Message*>& records,
                          const std::vector<std::string>& request_ids, const Actor& actor);

  // Creates and updates several records in ONE WriteBatch, in order: all or
  // none. A create's record has its name as soon as it is staged, so a later
  // write's `before` may refer to it; every record holds what was stored
  // when Apply returns OK. An update whose record did not change writes
  // nothing. Errors (as Create's and Update's; NOT_FOUND for an update of a
  // missing record) refuse the whole batch, naming the write's record.
  absl::Status Apply(std::vector<Write>& writes, const Actor& actor);

  // Applies `mutate` to the stored record `name` and writes the result.
  // A non-empty `etag` must equal the stored one, or ABORTED and nothing is
  // written. `mutate` runs under the write lock and may refuse by returning
  // an error. Output-only fields are kept. When nothing changed, nothing is
  // written and the etag stays. `updated` receives the stored record.
  absl::Status Update(absl::string_view name, absl::string_view etag,
                      absl::FunctionRef<absl::Status(google::protobuf::Message*)> mutate,
                      google::protobuf::Message* updated, const Actor& actor);

  // Deletes the record `name`. Without `cascade`, FAILED_PRECONDITION naming
  // the records that still refer to it (and nothing written); with it, deletes
  // the records it owns and removes references to it from the others, all in
  // one batch (docs/store_format.md lists which is which).
  absl::StatusOr<DeleteResult> Delete(absl::string_view name, absl::string_view etag,
                                      bool cascade, const Actor& actor);

  // Appends to `changes` the serialized renkei.v1.Change entries with
  // revision > `after`, oldest first, at most `max`, and no more once they
  // reach `max_bytes` (at least one).
  absl::Status ReadChanges(int64_t after, size_t max, std::vector<std::string>* changes,
                           size_t max_bytes = SIZE_MAX) const;

  // The newest committed revision (0 for an empty database).
  int64_t revision() const;
  // The revision of the newest change to a record of `kind` committed since
  // the store was opened; 0 when none was. (Caches of users and tokens
  // compare it with what they read.)
  int64_t LastChangeOf(Kind kind) const;

  // The security events of the audit trail (logins, denials …), apart from
  // the change log: they change no record and take no revision. Appends the
  // serialized renkei.v1.AuditEvent `event` and returns its sequence number
  // (1, 2, …).
  absl::StatusOr<uint64_t> AppendAuditEvent(absl::string_view event);
  // Appends to `events` the security events with sequence > `after`, oldest
  // first, at most `max`, as (sequence, serialized AuditEvent).
  absl::Status ReadAuditEvents(uint64_t after, size_t max,
                               std::vector<std::pair<uint64_t, std::string>>* events) const;
  // Blocks until revision() > `after` or `timeout` passes; returns revision().
  int64_t WaitForChange(int64_t after, absl::Duration timeout) const;

  // Whether the record `name` is among those `term` lists (a point lookup).
  absl::StatusOr<bool> Holds(const IndexTerm& term, const ResourceName& name) const;

  // The value of a counter (index.h), 0 when never written.
  int64_t Counter(absl::string_view name) const;
  // Every counter whose name starts with `prefix`, in name order, with its
  // value.
  absl::StatusOr<std::vector<std::pair<std::string, int64_t>>> Counters(
      absl::string_view prefix) const;

  // The search index (text_index.h).
  // Calls `visit` for the postings of `term` among records of `kind`, the
  // most telling first (title and keywords before body), until it returns
  // false or `limit` postings were visited.
  absl::Status ScanPostings(Kind kind, absl::string_view term, size_t limit,
                            absl::FunctionRef<bool(const Posting&)> visit) const;
  // The search document of `name`; NOT_FOUND when there is no such record.
  absl::StatusOr<SearchDocument> GetSearchDocument(const ResourceName& name) const;
  // How many documents of `kind` hold `term`.
  int64_t DocumentFrequency(Kind kind, absl::string_view term) const;
  SearchStats GetSearchStats(Kind kind) const;
  // The analyzer the search index was built with; queries must use it.
  const text::Analyzer& analyzer() const { return *analyzer_; }

  // Bytes on disk by column family ("records", "index", "text" …) after
  // flushing the memtables: what the data and each index cost.
  absl::StatusOr<std::vector<std::pair<std::string, uint64_t>>> DiskSizes() const;

  // OK when writes are taken now; otherwise why not: RESOURCE_EXHAUSTED
  // while the disk is full (writes resume once space is freed, or, after
  // RocksDB itself failed a write, once it recovers or the server restarts),
  // UNAVAILABLE after another I/O error. Every write returns this error
  // first; reads go on.
  absl::Status Writable() const;
  // The database was opened read-only: the disk was full when it was opened.
  bool opened_read_only() const { return read_only_; }

  bool sync_writes() const { return options_.sync_writes; }
  const std::string& path() const { return path_; }

 private:
  friend class WriteTxnAccess;
  friend class BackupAccess;  // backup.cc

  Store(const StoreOptions& options, std::string path);
  absl::Status OpenDatabase();
  // Writes `batch` if the disk guard allows it; a failure makes the guard
  // refuse further writes (disk_guard.h). `context` names what was written.
  absl::Status Commit(rocksdb::WriteBatch* batch, const std::string& context, bool sync);
  // Puts one key of the meta family, synced.
  absl::Status PutMeta(const std::string& key, const std::string& value,
                       const std::string& context);
  // Finds where the security events of the audit trail continue.
  absl::Status ReadAuditSequence();
  // Writes a committed mutation's `batch` with the revision it reaches,
  // keeps the counters held in memory exact, and publishes the revision;
  // `what` names the mutation in errors.
  absl::Status WriteMutation(const internal::WriteTxn& txn, rocksdb::WriteBatch* batch,
                             const std::string& what);
  // After a mutation's batch is written: its revision becomes visible.
  void Published(const internal::WriteTxn& txn);
  // Builds the text family from the records (a version 1 database, or one
  // indexed with another analyzer: then the old index is removed first).
  absl::Status BuildTextIndex(bool remove_old);

  // Constant after construction.
  const StoreOptions options_;
  const std::string path_;
  // Declared before db_ so that it outlives the database it listens to.
  std::unique_ptr<internal::DiskGuard> guard_;
  bool read_only_ = false;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::ColumnFamilyHandle* records_ = nullptr;
  rocksdb::ColumnFamilyHandle* index_ = nullptr;
  rocksdb::ColumnFamilyHandle* log_ = nullptr;
  rocksdb::ColumnFamilyHandle* meta_ = nullptr;
  rocksdb::ColumnFamilyHandle* requests_ = nullptr;
  rocksdb::ColumnFamilyHandle* text_ = nullptr;
  std::unique_ptr<text::Analyzer> analyzer_;
  // Counters read before, kept exact by WriteMutation (thread-safe).
  const std::unique_ptr<internal::CounterCache> counters_;

  // Serializes writers: read-check-write of one mutation is atomic.
  absl::Mutex write_mu_;
  // Next id to hand out, by Kind value. Protected by write_mu_.
  std::array<uint64_t, kKindSlots> next_id_ ABSL_GUARDED_BY(write_mu_) = {};
  // Last revision that changed a record of each kind (LastChangeOf).
  std::array<std::atomic<int64_t>, kKindSlots> last_change_ = {};

  // The next security event's sequence number.
  absl::Mutex audit_mu_;
  uint64_t next_audit_ ABSL_GUARDED_BY(audit_mu_) = 1;

  // The newest committed revision, and a condition for waiters.
  mutable absl::Mutex revision_mu_;
  int64_t revision_ ABSL_GUARDED_BY(revision_mu_) = 0;
};

// Calls `visit` with every record `request` selects, page after page from
// request.page_token (pages of 1000 when page_size is 0), in key order;
// `prototype` gives the message type. Stops at the first error of List or
// of `visit` and returns it.
absl::Status ForEachRecord(
    const Store& store, ListRequest request, const google::protobuf::Message& prototype,
    absl::FunctionRef<absl::Status(const google::protobuf::Message&)> visit);

}  // namespace renkei::store

#endif  // RENKEI_SERVER_STORE_STORE_H_
