#include "server/store/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/listener.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/options_util.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/message_differencer.h"
#include "server/store/internal/counter_cache.h"
#include "server/store/internal/counter_merge.h"
#include "server/store/internal/disk_guard.h"
#include "server/store/internal/families.h"
#include "server/store/internal/intersection.h"
#include "server/store/internal/keys.h"
#include "server/store/internal/page_token.h"
#include "server/store/internal/schema.h"
#include "server/store/internal/tolerant_logger.h"
#include "server/records/secrets.h"
#include "server/store/internal/write_txn.h"
#include "server/text/normalize.h"
#include "server/util/errors.h"
#include "server/util/stable_hash.h"
#include "server/util/status_macros.h"
#include "server/util/quote.h"

namespace renkei::store {

using google::protobuf::Message;
using internal::FromRocks;
using internal::View;

// Gives the store's internals the open database.
class WriteTxnAccess {
 public:
  static internal::Families FamiliesOf(const Store& store) {
    return internal::Families{store.db_.get(), store.records_, store.index_, store.log_,
                              store.meta_,     store.requests_, store.text_,
                              store.analyzer_.get()};
  }
};

namespace {

// A RocksDB snapshot released when it goes out of scope.
class ScopedSnapshot {
 public:
  explicit ScopedSnapshot(rocksdb::DB* db) : db_(db), snapshot_(db->GetSnapshot()) {}
  ~ScopedSnapshot() { db_->ReleaseSnapshot(snapshot_); }
  ScopedSnapshot(const ScopedSnapshot&) = delete;
  ScopedSnapshot& operator=(const ScopedSnapshot&) = delete;
  const rocksdb::Snapshot* get() const { return snapshot_; }

 private:
  rocksdb::DB* const db_;
  const rocksdb::Snapshot* const snapshot_;
};

rocksdb::ColumnFamilyOptions FamilyOptions(const std::shared_ptr<rocksdb::Cache>& cache,
                                           bool point_lookups) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  // Index and filter blocks stay in memory with their table: a million
  // postings make index blocks of megabytes, and evicting them from the
  // cache meant reading and checksumming them again on every search.
  table.cache_index_and_filter_blocks = false;
  if (point_lookups) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.compression = rocksdb::kLZ4Compression;
  options.bottommost_compression = rocksdb::kZSTD;
  return options;
}

std::string ExistsMessage(const ResourceName& name) {
  return absl::StrCat(name.ToString(), " already exists");
}

absl::Status NotFound(absl::string_view name) {
  return absl::NotFoundError(absl::StrCat(name, " does not exist"));
}

absl::Status CheckEtag(const Message& current, absl::string_view etag) {
  if (etag.empty()) return absl::OkStatus();
  const auto* fd = current.GetDescriptor()->FindFieldByName("etag");
  const std::string stored = current.GetReflection()->GetString(current, fd);
  if (stored != etag) {
    return absl::AbortedError(absl::StrCat(
        "etag ", Quote(etag), " is stale: the record changed since it was read "
        "(its etag is now \"", stored, "\"); read it again and retry"));
  }
  return absl::OkStatus();
}

// Restores the fields only the store sets, in case `mutate` touched them.
void KeepOutputOnly(const Message& from, Message* to) {
  const auto* descriptor = to->GetDescriptor();
  const auto* reflection = to->GetReflection();
  for (const char* field : {"name", "etag", "create_time", "update_time"}) {
    const auto* fd = descriptor->FindFieldByName(field);
    if (fd == nullptr) continue;
    if (fd->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_STRING) {
      reflection->SetString(to, fd, reflection->GetString(from, fd));
    } else if (reflection->HasField(from, fd)) {
      reflection->MutableMessage(to, fd)->CopyFrom(reflection->GetMessage(from, fd));
    } else {
      reflection->ClearField(to, fd);
    }
  }
}

// A create repeated with a request id must ask for what the first one did:
// `first` (what it stored) without the fields the store set equals `record`.
absl::Status CheckSameRequest(const Message& first, const Message& record,
                              absl::string_view request_id) {
  std::unique_ptr<Message> asked(first.New());
  asked->CopyFrom(first);
  const bool named_by_caller = internal::KindOf(first) == Kind::kMembership;
  for (const char* field : {"name", "etag", "create_time", "update_time"}) {
    if (named_by_caller && std::string_view(field) == "name") continue;
    const auto* fd = asked->GetDescriptor()->FindFieldByName(field);
    if (fd != nullptr) asked->GetReflection()->ClearField(asked.get(), fd);
  }
  // A password's hash is salted anew on every request.
  std::unique_ptr<Message> again(record.New());
  again->CopyFrom(record);
  records::ClearSecrets(asked.get());
  records::ClearSecrets(again.get());
  if (google::protobuf::util::MessageDifferencer::Equals(*asked, *again)) {
    return absl::OkStatus();
  }
  const auto* name = first.GetDescriptor()->FindFieldByName("name");
  return absl::AlreadyExistsError(absl::StrCat(
      "request_id ", Quote(request_id), " was used before, to create ",
      first.GetReflection()->GetString(first, name),
      " with other content; a new record needs a new request_id"));
}

// The n-grams a name filter is looked up by: bigrams (or the single
// character), at most 8 of them spread over the query.
std::vector<std::string> QueryGrams(const std::string& normalized) {
  std::vector<std::string> grams =
      text::CodePointGrams(normalized, text::CodePointCount(normalized) == 1 ? 1 : 2);
  constexpr size_t kMaxGrams = 8;
  if (grams.size() <= kMaxGrams) return grams;
  std::vector<std::string> spread;
  for (size_t i = 0; i < kMaxGrams; ++i) {
    spread.push_back(grams[i * (grams.size() - 1) / (kMaxGrams - 1)]);
  }
  return spread;
}

bool MatchesNames(const Message& record, const std::string& prefix,
                  const std::string& contains) {
  const std::vector<std::string> names = internal::NormalizedNames(record);
  auto any = [&](auto predicate) {
    return std::any_of(names.begin(), names.end(), predicate);
  };
  if (!prefix.empty() && !any([&](const std::string& name) {
        return name.starts_with(prefix) || text::StripLegalForm(name).starts_with(prefix);
      })) {
    return false;
  }
  if (!contains.empty() && !any([&](const std::string& name) {
        return name.find(contains) != std::string::npos;
      })) {
    return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<Message> NewRecordOf(Kind kind) { return internal::NewRecord(kind); }

// Counters held in memory (term document frequencies above all): about
// 100 bytes each.
constexpr size_t kHeldCounters = 500000;

Store::Store(const StoreOptions& options, std::string path)
    : options_(options),
      path_(std::move(path)),
      guard_(std::make_unique<internal::DiskGuard>(path_, options.min_free_bytes)),
      counters_(std::make_unique<internal::CounterCache>(kHeldCounters)) {}

Store::~Store() {
  if (db_ == nullptr) return;
  if (options_.flush_on_close && !read_only_ && guard_->CheckWritable().ok()) {
    // Everything into tables, so that the next start replays no log. A
    // failure here loses nothing: the log is still there.
    rocksdb::FlushOptions flush;
    flush.allow_write_stall = true;
    db_->Flush(flush, handles_).PermitUncheckedError();
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle);
  }
  db_->Close();
}

namespace {

// Why a data directory of another schema version is refused: a newer one
// (written by a later release), or one too old or unknown to migrate.
absl::Status SchemaVersionError(const std::string& path, const std::string& version) {
  int64_t number = 0;
  if (absl::SimpleAtoi(version, &number) && number > internal::kSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, " holds schema version ", version, ", written by a newer renkei; this server reads ",
        "schema version ", internal::kSchemaVersion, " (and migrates 1 and 2). Run the newer ",
        "renkei-server, or restore a backup made by this one"));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      path, " holds schema version \"", version, "\", which this server (schema version ",
      internal::kSchemaVersion, ") cannot migrate: it migrates 1 and 2"));
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const StoreOptions& options,
                                                   absl::string_view path) {
  std::unique_ptr<Store> store(new Store(options, std::string(path)));
  RENKEI_RETURN_IF_ERROR(store->OpenDatabase());
  return store;
}

absl::Status Store::OpenDatabase() {
  RENKEI_ASSIGN_OR_RETURN(analyzer_, text::Analyzer::Create(options_.analyzer));
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options_.create_if_missing;
  db_options.create_missing_column_families = true;
  db_options.IncreaseParallelism(2);
  db_options.max_background_jobs = 2;
  db_options.keep_log_file_num = 5;
  db_options.max_total_wal_size = options_.max_wal_bytes;
  // RocksDB's own LOG writer aborts the process once the disk is full
  // (tolerant_logger.h); the guard learns of failed writes and flushes.
  db_options.info_log = internal::NewTolerantLogger(path_);
  db_options.listeners.push_back(guard_->NewListener());

  auto cache = rocksdb::NewLRUCache(options_.block_cache_bytes);
  auto meta_options = FamilyOptions(cache, true);
  meta_options.merge_operator = internal::NewCounterMergeOperator();
  // Collapse a counter's merge operands as they come, so reading a busy
  // counter (a common term's document frequency) stays one lookup.
  meta_options.max_successive_merges = 16;
  const std::vector<std::pair<std::string, rocksdb::ColumnFamilyOptions>> ours = {
      {rocksdb::kDefaultColumnFamilyName, FamilyOptions(cache, true)},
      {internal::kRecordsFamily, FamilyOptions(cache, true)},
      {internal::kIndexFamily, FamilyOptions(cache, true)},
      {internal::kLogFamily, FamilyOptions(cache, false)},
      {internal::kMetaFamily, meta_options},
      {internal::kRequestsFamily, FamilyOptions(cache, true)},
      {internal::kTextFamily, FamilyOptions(cache, true)},
  };
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& [name, cf_options] : ours) descriptors.emplace_back(name, cf_options);
  // Families a newer version may have added are opened too, untouched.
  std::vector<std::string> existing;
  if (rocksdb::DB::ListColumnFamilies(db_options, path_, &existing).ok()) {
    for (const std::string& name : existing) {
      if (std::none_of(ours.begin(), ours.end(),
                       [&](const auto& our) { return our.first == name; })) {
        descriptors.emplace_back(name, FamilyOptions(cache, true));
      }
    }
  }
  rocksdb::DB* db = nullptr;
  rocksdb::Status status =
      rocksdb::DB::Open(db_options, path_, descriptors, &handles_, &db);
  if (status.IsNoSpace()) {
    // Opening for writing replays the log into a new table; with no room
    // for it, the records can still be read.
    const rocksdb::Status full = status;
    handles_.clear();
    status = rocksdb::DB::OpenForReadOnly(db_options, path_, descriptors, &handles_, &db);
    if (status.ok()) {
      guard_->SetReadOnly(full);
      read_only_ = true;
    }
  }
  if (!status.ok()) return FromRocks(status, absl::StrCat("opening ", path_));
  db_.reset(db);
  records_ = handles_[1];
  index_ = handles_[2];
  log_ = handles_[3];
  meta_ = handles_[4];
  requests_ = handles_[5];
  text_ = handles_[6];

  // Schema version: written once, checked on every open; version 1
  // databases get their search index built once.
  std::string version;
  status = db_->Get(rocksdb::ReadOptions(), meta_, internal::kSchemaVersionKey, &version);
  if (status.ok() && (version == "1" || version == "2")) {
    RENKEI_RETURN_IF_ERROR(BuildTextIndex(version == "2"));
    status = rocksdb::Status::NotFound();
  }
  if (status.IsNotFound()) {
    RENKEI_RETURN_IF_ERROR(PutMeta(internal::kSchemaVersionKey,
                                   absl::StrCat(internal::kSchemaVersion),
                                   "writing the schema version"));
  } else if (!status.ok()) {
    return FromRocks(status, "reading the schema version");
  } else if (version != absl::StrCat(internal::kSchemaVersion)) {
    return SchemaVersionError(path_, version);
  }

  // The search index is only as good as the analyzer it was made with, and holds the fields that
  // were searchable when it was built: either changing means building it again.
  const std::string wanted =
      absl::StrCat(text::AnalyzerName(options_.analyzer), " ", internal::kTextIndexVersion);
  std::string indexed;
  status = db_->Get(rocksdb::ReadOptions(), meta_, internal::kAnalyzerKey, &indexed);
  if (!status.ok() && !status.IsNotFound()) return FromRocks(status, "reading the analyzer");
  if (status.IsNotFound()) indexed = "bigram";  // what databases before it was chosen used
  if (indexed != wanted) {
    RENKEI_RETURN_IF_ERROR(BuildTextIndex(true));
  }
  if (status.IsNotFound() || indexed != wanted) {
    RENKEI_RETURN_IF_ERROR(PutMeta(internal::kAnalyzerKey, wanted, "writing the analyzer"));
  }

  std::string revision;
  status = db_->Get(rocksdb::ReadOptions(), meta_, internal::kRevisionKey, &revision);
  int64_t parsed_revision = 0;
  if (status.ok() && !absl::SimpleAtoi(revision, &parsed_revision)) {
    return absl::DataLossError("the stored revision is not a number");
  }
  absl::MutexLock lock(&write_mu_);
  for (Kind kind : kAllKinds) {
    std::string next;
    uint64_t next_id = 1;
    status = db_->Get(rocksdb::ReadOptions(), meta_, internal::NextIdKey(kind), &next);
    if (status.ok() && !absl::SimpleAtoi(next, &next_id)) {
      return absl::DataLossError("a stored id counter is not a number");
    }
    next_id_[static_cast<size_t>(kind)] = next_id;
  }
  RENKEI_RETURN_IF_ERROR(ReadAuditSequence());
  absl::MutexLock revision_lock(&revision_mu_);
  revision_ = parsed_revision;
  return absl::OkStatus();
}

absl::Status Store::Writable() const { return guard_->CheckWritable(); }

absl::Status Store::Commit(rocksdb::WriteBatch* batch, const std::string& context, bool sync) {
  RENKEI_RETURN_IF_ERROR(guard_->CheckWritable());
  rocksdb::WriteOptions write;
  write.sync = sync;
  const rocksdb::Status status = db_->Write(write, batch);
  if (status.ok()) return absl::OkStatus();
  if (status.IsIOError()) return guard_->Fault(status);
  return FromRocks(status, context);
}

absl::Status Store::PutMeta(const std::string& key, const std::string& value,
                            const std::string& context) {
  rocksdb::WriteBatch batch;
  RENKEI_RETURN_IF_ERROR(FromRocks(batch.Put(meta_, key, value), context));
  return Commit(&batch, context, /*sync=*/true);
}

absl::Status Store::ReadAuditSequence() {
  // The last security event is the last key under the prefix.
  const std::string prefix = internal::AuditEventPrefix();
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), meta_));
  it->SeekForPrev(internal::AuditEventKey(~uint64_t{0}));
  absl::MutexLock lock(&audit_mu_);
  next_audit_ = 1;
  if (it->Valid() && it->key().starts_with(prefix)) {
    next_audit_ = internal::ReadBigEndian64(View(it->key()).substr(prefix.size())) + 1;
  }
  return FromRocks(it->status(), "reading the audit trail");
}

absl::Status Store::Get(absl::string_view name, Message* record) const {
  RENKEI_ASSIGN_OR_RETURN(ResourceName parsed, ParseResourceName(name));
  if (internal::KindOf(*record) != parsed.kind) {
    return absl::InvalidArgumentError(
        absl::StrCat(Quote(name), " does not name a ", record->GetDescriptor()->name()));
  }
  std::string bytes;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), records_,
                                    internal::RecordKey(parsed), &bytes);
  if (status.IsNotFound()) return NotFound(name);
  if (!status.ok()) return FromRocks(status, absl::StrCat("reading ", name));
  if (!record->ParseFromString(bytes)) {
    return absl::DataLossError(absl::StrCat(name, " does not parse"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> Store::Lookup(const UniqueKey& key) const {
  std::string owner;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), index_, key.key, &owner);
  if (status.IsNotFound()) return absl::NotFoundError("no record holds that key");
  if (!status.ok()) return FromRocks(status, "looking up a key");
  std::optional<ResourceName> name = internal::ParseRecordKey(owner);
  if (!name.has_value()) return absl::DataLossError("a unique key holds a bad record key");
  return name->ToString();
}

absl::StatusOr<ListResult> Store::List(const ListRequest& request,
                                       const Message& prototype) const {
  const std::string prefix = text::NormalizeText(request.name_prefix);
  const std::string contains = text::NormalizeText(request.name_contains);
  std::vector<IndexTerm> terms = request.terms;
  for (const std::string* filter : {&prefix, &contains}) {
    for (const std::string& gram : QueryGrams(*filter)) {
      terms.push_back(IndexTerm{internal::IndexPrefix(request.kind,
                                                      internal::IndexId::kNameGram, gram),
                                false});
    }
  }
  if (terms.empty()) {
    terms.push_back(IndexTerm{internal::RecordKindPrefix(request.kind), true});
  }
  // The page token is bound to everything that selects records.
  std::string fingerprint(1, static_cast<char>(request.kind));
  for (const IndexTerm& term : terms) {
    absl::StrAppend(&fingerprint, term.in_records ? "R" : "I", term.prefix.size(), ":",
                    term.prefix);
  }
  absl::StrAppend(&fingerprint, "|", prefix, "|", contains);
  const uint64_t filter_hash = StableHash(fingerprint);
  std::string position;
  if (!request.page_token.empty()) {
    RENKEI_ASSIGN_OR_RETURN(position,
                            internal::DecodePageToken(request.page_token, filter_hash));
  }

  ScopedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read;
  read.snapshot = snapshot.get();
  internal::Intersection intersection(db_.get(), records_, index_, read, terms);
  ListResult result;
  int budget = std::max(request.max_examined, 1);
  const size_t page_size = static_cast<size_t>(std::max(request.page_size, 1));
  size_t page_bytes = 0;
  while (true) {
    const internal::Intersection::Step step = intersection.Next(&position, &budget);
    if (step == internal::Intersection::Step::kExhausted) break;
    if (step == internal::Intersection::Step::kBudgetSpent) {
      result.next_page_token = internal::EncodePageToken(filter_hash, position);
      break;
    }
    absl::string_view bytes = intersection.RecordValue();
    std::string fetched;
    if (bytes.empty()) {
      rocksdb::Status status = db_->Get(read, records_, position, &fetched);
      if (!status.ok()) return FromRocks(status, "reading a listed record");
      bytes = fetched;
    }
    std::unique_ptr<Message> record(prototype.New());
    if (!record->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
      return absl::DataLossError("a listed record does not parse");
    }
    const bool matches = MatchesNames(*record, prefix, contains);
    const bool full = result.records.size() == page_size ||
                      (!result.records.empty() && page_bytes + bytes.size() > request.max_bytes);
    if (matches && full) {
      // One more match exists: the page ends before it.
      result.next_page_token = internal::EncodePageToken(filter_hash, position);
      break;
    }
    if (matches) {
      page_bytes += bytes.size();
      result.records.push_back(std::move(record));
    }
    position.push_back('\0');  // the smallest key after this one
  }
  RENKEI_RETURN_IF_ERROR(intersection.status());
  return result;
}

absl::Status Store::Create(Message* record, absl::string_view request_id, const Actor& actor) {
  return CreateMany({record}, {std::string(request_id)}, actor);
}

absl::Status Store::CreateMany(const std::vector<Message*>& records,
                               const std::vector<std::string>& request_ids, const Actor& actor) {
  if (!request_ids.empty() && request_ids.size() != records.size()) {
    return absl::InternalError("CreateMany: one request id per record, or none");
  }
  std::vector<Write> writes;
  writes.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    writes.push_back(Write::Create(records[i], request_ids.empty() ? "" : request_ids[i]));
  }
  return Apply(writes, actor);
}

absl::Status Store::Apply(std::vector<Write>& writes, const Actor& actor) {
  const internal::Families families = WriteTxnAccess::FamiliesOf(*this);
  absl::MutexLock lock(&write_mu_);
  internal::WriteTxn txn(families, revision() + 1, absl::Now(), actor);
  std::array<uint64_t, kKindSlots> next_id = next_id_;
  struct Pending {
    Message* record;
    ResourceName name;
    std::string request_key;
  };
  std::vector<Pending> pending;
  for (Write& write : writes) {
    Message* record = write.record;
    if (record == nullptr) return absl::InternalError("Apply: a write without a record");
    std::optional<Kind> kind = internal::KindOf(*record);
    if (!kind.has_value()) {
      return absl::InternalError(absl::StrCat("not a record: ", record->GetTypeName()));
    }
    const auto* name_field = record->GetDescriptor()->FindFieldByName("name");
    if (!write.is_create()) {
      RENKEI_ASSIGN_OR_RETURN(ResourceName name, ParseResourceName(write.name));
      if (name.kind != *kind) {
        return absl::InvalidArgumentError(absl::StrCat(
            Quote(write.name), " does not name a ", record->GetDescriptor()->name()));
      }
      RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<Message> current, txn.Read(name));
      if (current == nullptr) return NotFound(write.name);
      std::unique_ptr<Message> next(current->New());
      next->CopyFrom(*current);
      RENKEI_RETURN_IF_ERROR(write.mutate(next.get()));
      KeepOutputOnly(*current, next.get());
      if (google::protobuf::util::MessageDifferencer::Equals(*current, *next)) {
        record->CopyFrom(*current);
        continue;
      }
      RENKEI_RETURN_IF_ERROR(txn.Put(name, std::move(next)));
      pending.push_back({record, name, ""});
      continue;
    }
    if (write.before) RENKEI_RETURN_IF_ERROR(write.before(record));
    const std::string request_key =
        write.request_id.empty() ? "" : internal::RequestKey(*kind, write.request_id);
    if (!request_key.empty()) {
      std::string first;
      rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), requests_, request_key, &first);
      if (status.ok()) {
        // Asked before: the first result, nothing written, if asked the same.
        std::unique_ptr<Message> result(record->New());
        if (!result->ParseFromString(first)) {
          return absl::DataLossError("a stored request result does not parse");
        }
        RENKEI_RETURN_IF_ERROR(CheckSameRequest(*result, *record, write.request_id));
        record->GetReflection()->Swap(record, result.get());
        continue;
      }
      if (!status.IsNotFound()) return FromRocks(status, "reading a request id");
    }
    ResourceName name{*kind, 0, 0};
    if (*kind == Kind::kMembership) {
      RENKEI_ASSIGN_OR_RETURN(
          name, ParseResourceName(record->GetReflection()->GetString(*record, name_field),
                                  Kind::kMembership));
    } else {
      name.id = next_id[static_cast<size_t>(*kind)]++;
    }
    std::unique_ptr<Message> staged(record->New());
    staged->CopyFrom(*record);
    RENKEI_ASSIGN_OR_RETURN(const bool fresh, txn.Create(name, std::move(staged)));
    if (!fresh) return absl::AlreadyExistsError(ExistsMessage(name));
    record->GetReflection()->SetString(record, name_field, name.ToString());
    pending.push_back({record, name, request_key});
  }
  if (pending.empty()) return absl::OkStatus();
  rocksdb::WriteBatch batch;
  RENKEI_RETURN_IF_ERROR(txn.Commit(&batch));
  for (Kind kind : kAllKinds) {
    const size_t k = static_cast<size_t>(kind);
    if (next_id[k] != next_id_[k]) {
      RENKEI_RETURN_IF_ERROR(FromRocks(
          batch.Put(meta_, internal::NextIdKey(kind), absl::StrCat(next_id[k])), "writing ids"));
    }
  }
  for (const Pending& p : pending) {
    if (!p.request_key.empty()) {
      RENKEI_RETURN_IF_ERROR(FromRocks(
          batch.Put(requests_, p.request_key, txn.Final(p.name)->SerializeAsString()),
          "writing request ids"));
    }
  }
  RENKEI_RETURN_IF_ERROR(
      WriteMutation(txn, &batch, absl::StrCat("writing ", pending.front().name.ToString())));
  next_id_ = next_id;
  // Each caller's record becomes what was stored (moved out of the
  // mutation for the last write of a record, copied for earlier ones).
  std::map<std::string, size_t> last_write;
  for (size_t i = 0; i < pending.size(); ++i) last_write[pending[i].name.ToString()] = i;
  for (size_t i = 0; i < pending.size(); ++i) {
    const Pending& p = pending[i];
    if (last_write[p.name.ToString()] != i) {
      p.record->CopyFrom(*txn.Final(p.name));
      continue;
    }
    std::unique_ptr<Message> stored = txn.TakeFinal(p.name);
    p.record->GetReflection()->Swap(p.record, stored.get());
  }
  return absl::OkStatus();
}

absl::Status Store::Update(absl::string_view name, absl::string_view etag,
                           absl::FunctionRef<absl::Status(Message*)> mutate,
                           Message* updated, const Actor& actor) {
  RENKEI_ASSIGN_OR_RETURN(ResourceName parsed, ParseResourceName(name));
  if (internal::KindOf(*updated) != parsed.kind) {
    return absl::InvalidArgumentError(
        absl::StrCat(Quote(name), " does not name a ", updated->GetDescriptor()->name()));
  }
  const internal::Families families = WriteTxnAccess::FamiliesOf(*this);
  absl::MutexLock lock(&write_mu_);
  internal::WriteTxn txn(families, revision() + 1, absl::Now(), actor);
  RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<Message> current, txn.Read(parsed));
  if (current == nullptr) return NotFound(name);
  RENKEI_RETURN_IF_ERROR(CheckEtag(*current, etag));
  std::unique_ptr<Message> next(current->New());
  next->CopyFrom(*current);
  RENKEI_RETURN_IF_ERROR(mutate(next.get()));
  KeepOutputOnly(*current, next.get());
  if (google::protobuf::util::MessageDifferencer::Equals(*current, *next)) {
    updated->CopyFrom(*current);
    return absl::OkStatus();
  }
  RENKEI_RETURN_IF_ERROR(txn.Put(parsed, std::move(next)));
  rocksdb::WriteBatch batch;
  RENKEI_RETURN_IF_ERROR(txn.Commit(&batch));
  RENKEI_RETURN_IF_ERROR(WriteMutation(txn, &batch, absl::StrCat("writing ", name)));
  updated->CopyFrom(*txn.Final(parsed));
  return absl::OkStatus();
}

absl::StatusOr<DeleteResult> Store::Delete(absl::string_view name, absl::string_view etag,
                                           bool cascade, const Actor& actor) {
  RENKEI_ASSIGN_OR_RETURN(ResourceName parsed, ParseResourceName(name));
  const internal::Families families = WriteTxnAccess::FamiliesOf(*this);
  absl::MutexLock lock(&write_mu_);
  internal::WriteTxn txn(families, revision() + 1, absl::Now(), actor);
  RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<Message> current, txn.Read(parsed));
  if (current == nullptr) return NotFound(name);
  RENKEI_RETURN_IF_ERROR(CheckEtag(*current, etag));
  RENKEI_RETURN_IF_ERROR(txn.Delete(parsed));

  DeleteResult result;
  result.deleted.push_back(parsed.ToString());
  std::vector<std::string> unlinked;
  std::vector<PreconditionViolation> blockers;
  std::vector<ResourceName> work = {parsed};
  while (!work.empty()) {
    const ResourceName target = work.back();
    work.pop_back();
    const std::string prefix = internal::ReferencePrefix(internal::RecordKey(target));
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), index_));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      std::optional<ResourceName> source =
          internal::ParseRecordKey(View(it->key()).substr(prefix.size()));
      if (!source.has_value() || txn.IsDeleted(*source)) continue;
      const internal::ReferenceValue reference =
          internal::DecodeReferenceValue(internal::View(it->value()));
      if (!cascade) {
        blockers.push_back({"REFERENCED", source->ToString(),
                            absl::StrCat(source->ToString(), " refers to ",
                                         target.ToString(), " (", reference.fields, ")")});
        continue;
      }
      if (reference.on_delete == internal::OnDelete::kCascade) {
        RENKEI_RETURN_IF_ERROR(txn.Delete(*source));
        result.deleted.push_back(source->ToString());
        work.push_back(*source);
      } else {
        RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<Message> referrer, txn.Read(*source));
        if (referrer == nullptr) continue;
        internal::Unlink(referrer.get(), target.ToString());
        if (internal::CannotStandAlone(*referrer)) {
          RENKEI_RETURN_IF_ERROR(txn.Delete(*source));
          result.deleted.push_back(source->ToString());
          work.push_back(*source);
          continue;
        }
        RENKEI_RETURN_IF_ERROR(txn.Put(*source, std::move(referrer)));
        unlinked.push_back(source->ToString());
      }
    }
    if (!it->status().ok()) return FromRocks(it->status(), "reading references");
  }
  if (!blockers.empty()) {
    std::vector<std::string> names;
    for (const PreconditionViolation& blocker : blockers) {
      if (names.size() < 10) names.push_back(blocker.description);
    }
    std::string message = absl::StrCat(
        name, " is still referred to: ", absl::StrJoin(names, "; "),
        blockers.size() > names.size()
            ? absl::StrCat(" and ", blockers.size() - names.size(), " more")
            : "",
        ". Delete or change those first, or delete with cascade.");
    return PreconditionError(std::move(message), blockers);
  }
  std::set<std::string> seen;
  for (const std::string& name_unlinked : unlinked) {
    absl::StatusOr<ResourceName> source = ParseResourceName(name_unlinked);
    if (source.ok() && !txn.IsDeleted(*source) && seen.insert(name_unlinked).second) {
      result.unlinked.push_back(name_unlinked);
    }
  }
  rocksdb::WriteBatch batch;
  RENKEI_RETURN_IF_ERROR(txn.Commit(&batch));
  RENKEI_RETURN_IF_ERROR(WriteMutation(txn, &batch, absl::StrCat("deleting ", name)));
  result.revision = txn.last_revision();
  return result;
}

absl::Status Store::ReadChanges(int64_t after, size_t max, std::vector<std::string>* changes,
                                size_t max_bytes) const {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), log_));
  size_t count = 0;
  size_t bytes = 0;
  for (it->Seek(internal::LogKey(after + 1)); it->Valid() && count < max && bytes < max_bytes;
       it->Next()) {
    changes->push_back(it->value().ToString());
    bytes += it->value().size();
    ++count;
  }
  return FromRocks(it->status(), "reading the change log");
}

int64_t Store::revision() const {
  absl::MutexLock lock(&revision_mu_);
  return revision_;
}

absl::Status Store::WriteMutation(const internal::WriteTxn& txn, rocksdb::WriteBatch* batch,
                                  const std::string& what) {
  RENKEI_RETURN_IF_ERROR(
      FromRocks(batch->Put(meta_, internal::kRevisionKey, absl::StrCat(txn.last_revision())), what));
  counters_->BeginWrite();
  absl::Status status = Commit(batch, what, options_.sync_writes);
  counters_->EndWrite(txn.counter_deltas(), status.ok());
  RENKEI_RETURN_IF_ERROR(status);
  Published(txn);
  return absl::OkStatus();
}

void Store::Published(const internal::WriteTxn& txn) {
  for (Kind kind : txn.ChangedKinds()) {
    last_change_[static_cast<size_t>(kind)].store(txn.last_revision());
  }
  absl::MutexLock revision_lock(&revision_mu_);
  revision_ = txn.last_revision();
}

int64_t Store::LastChangeOf(Kind kind) const {
  return last_change_[static_cast<size_t>(kind)].load();
}

absl::StatusOr<uint64_t> Store::AppendAuditEvent(absl::string_view event) {
  absl::MutexLock lock(&audit_mu_);
  const uint64_t sequence = next_audit_;
  rocksdb::WriteBatch batch;
  RENKEI_RETURN_IF_ERROR(FromRocks(
      batch.Put(meta_, internal::AuditEventKey(sequence),
                rocksdb::Slice(event.data(), event.size())),
      "writing an audit event"));
  RENKEI_RETURN_IF_ERROR(Commit(&batch, "writing an audit event", options_.sync_writes));
  ++next_audit_;
  return sequence;
}

absl::Status Store::ReadAuditEvents(
    uint64_t after, size_t max, std::vector<std::pair<uint64_t, std::string>>* events) const {
  const std::string prefix = internal::AuditEventPrefix();
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), meta_));
  size_t count = 0;
  for (it->Seek(internal::AuditEventKey(after + 1));
       it->Valid() && it->key().starts_with(prefix) && count < max; it->Next(), ++count) {
    events->emplace_back(internal::ReadBigEndian64(View(it->key()).substr(prefix.size())),
                         it->value().ToString());
  }
  return FromRocks(it->status(), "reading the audit trail");
}

int64_t Store::WaitForChange(int64_t after, absl::Duration timeout) const {
  absl::MutexLock lock(&revision_mu_);
  auto newer = [this, after]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(revision_mu_) {
    return revision_ > after;
  };
  revision_mu_.AwaitWithTimeout(absl::Condition(&newer), timeout);
  return revision_;
}

absl::StatusOr<bool> Store::Holds(const IndexTerm& term, const ResourceName& name) const {
  const std::string key = internal::RecordKey(name);
  if (term.in_records) {
    if (!absl::StartsWith(key, term.prefix)) return false;
    std::string ignored;
    rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), records_, key, &ignored);
    if (status.IsNotFound()) return false;
    RENKEI_RETURN_IF_ERROR(FromRocks(status, "reading a record"));
    return true;
  }
  std::string ignored;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), index_, term.prefix + key, &ignored);
  if (status.IsNotFound()) return false;
  RENKEI_RETURN_IF_ERROR(FromRocks(status, "reading an index entry"));
  return true;
}

int64_t Store::Counter(absl::string_view name) const {
  return counters_->Get(name, [&] {
    std::string value;
    rocksdb::Status status =
        db_->Get(rocksdb::ReadOptions(), meta_, internal::CounterKey(name), &value);
    return status.ok() ? internal::DecodeCounter(value) : 0;
  });
}

absl::StatusOr<std::vector<std::pair<std::string, int64_t>>> Store::Counters(
    absl::string_view prefix) const {
  const std::string key_prefix = internal::CounterKey(prefix);
  std::vector<std::pair<std::string, int64_t>> counters;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), meta_));
  for (it->Seek(key_prefix); it->Valid() && it->key().starts_with(key_prefix); it->Next()) {
    const absl::string_view key = View(it->key());
    counters.emplace_back(std::string(key.substr(2)), internal::DecodeCounter(View(it->value())));
  }
  RENKEI_RETURN_IF_ERROR(FromRocks(it->status(), "reading counters"));
  return counters;
}

absl::Status Store::BuildTextIndex(bool remove_old) {
  rocksdb::WriteBatch batch;
  auto flush = [&]() -> absl::Status {
    if (batch.Count() == 0) return absl::OkStatus();
    counters_->BeginWrite();
    absl::Status status = Commit(&batch, "building the search index", /*sync=*/true);
    counters_->EndWrite({}, false);  // counters held before are forgotten
    batch.Clear();
    return status;
  };
  if (remove_old) {
    // Every key of the text family, and the counters of the search index.
    std::unique_ptr<rocksdb::Iterator> text(db_->NewIterator(rocksdb::ReadOptions(), text_));
    for (text->SeekToFirst(); text->Valid(); text->Next()) {
      RENKEI_RETURN_IF_ERROR(FromRocks(batch.Delete(text_, text->key()), "clearing the index"));
      if (batch.Count() > 10000) RENKEI_RETURN_IF_ERROR(flush());
    }
    RENKEI_RETURN_IF_ERROR(FromRocks(text->status(), "reading the search index"));
    std::unique_ptr<rocksdb::Iterator> meta(db_->NewIterator(rocksdb::ReadOptions(), meta_));
    for (const char* prefix : {"c/t/", "c/tl/", "c/td/"}) {
      for (meta->Seek(prefix); meta->Valid() && meta->key().starts_with(prefix); meta->Next()) {
        RENKEI_RETURN_IF_ERROR(FromRocks(batch.Delete(meta_, meta->key()), "clearing counters"));
        if (batch.Count() > 10000) RENKEI_RETURN_IF_ERROR(flush());
      }
    }
    RENKEI_RETURN_IF_ERROR(FromRocks(meta->status(), "reading counters"));
    RENKEI_RETURN_IF_ERROR(flush());
  }
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), records_));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::optional<ResourceName> name = internal::ParseRecordKey(View(it->key()));
    if (!name.has_value() || !IsSearchable(name->kind)) continue;
    std::unique_ptr<Message> record = internal::NewRecord(name->kind);
    if (!record->ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError(absl::StrCat(name->ToString(), " does not parse"));
    }
    const internal::RecordEntries entries = internal::EntriesOf(*record, *name, analyzer_.get());
    for (const auto& [key, value] : entries.text) {
      RENKEI_RETURN_IF_ERROR(FromRocks(batch.Put(text_, key, value), "building the index"));
    }
    for (const auto& [counter, amount] : entries.counters) {
      if (absl::StartsWith(counter, "t/") || absl::StartsWith(counter, "tl/") ||
          absl::StartsWith(counter, "td/")) {
        RENKEI_RETURN_IF_ERROR(FromRocks(
            batch.Merge(meta_, internal::CounterKey(counter), internal::EncodeCounter(amount)),
            "building the index"));
      }
    }
    if (batch.Count() > 10000) RENKEI_RETURN_IF_ERROR(flush());
  }
  RENKEI_RETURN_IF_ERROR(FromRocks(it->status(), "reading records"));
  return flush();
}

absl::Status Store::ScanPostings(Kind kind, absl::string_view term, size_t limit,
                                 absl::FunctionRef<bool(const Posting&)> visit) const {
  const std::string prefix = internal::PostingPrefix(kind, term);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), text_));
  size_t visited = 0;
  Posting posting;
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix) && visited < limit;
       it->Next(), ++visited) {
    std::optional<ResourceName> name =
        internal::ParseRecordKey(View(it->key()).substr(prefix.size() + 1));  // after the impact
    if (!name.has_value() || it->value().size() != kSearchFieldCount) continue;
    posting.name = *name;
    std::copy_n(reinterpret_cast<const uint8_t*>(it->value().data()), kSearchFieldCount,
                posting.counts.begin());
    if (!visit(posting)) break;
  }
  return FromRocks(it->status(), "reading postings");
}

absl::StatusOr<SearchDocument> Store::GetSearchDocument(const ResourceName& name) const {
  std::string bytes;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), text_,
                                    internal::DocumentKey(internal::RecordKey(name)), &bytes);
  if (status.IsNotFound()) return NotFound(name.ToString());
  if (!status.ok()) return FromRocks(status, "reading a search document");
  SearchDocument document;
  if (!internal::DecodeSearchDocument(bytes, &document)) {
    return absl::DataLossError(absl::StrCat("the search document of ", name.ToString(),
                                            " does not parse"));
  }
  return document;
}

int64_t Store::DocumentFrequency(Kind kind, absl::string_view term) const {
  return Counter(internal::TermCounter(kind, term));
}

SearchStats Store::GetSearchStats(Kind kind) const {
  SearchStats stats;
  stats.documents = Counter(internal::SearchDocumentCounter(kind));
  for (int field = 0; field < kSearchFieldCount; ++field) {
    stats.total_lengths[field] = Counter(internal::FieldLengthCounter(kind, field));
  }
  return stats;
}

absl::StatusOr<std::vector<std::pair<std::string, uint64_t>>> Store::DiskSizes() const {
  std::vector<std::pair<std::string, uint64_t>> sizes;
  RENKEI_RETURN_IF_ERROR(FromRocks(db_->Flush(rocksdb::FlushOptions(), handles_), "flushing"));
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    uint64_t bytes = 0;
    db_->GetIntProperty(handle, "rocksdb.total-sst-files-size", &bytes);
    sizes.emplace_back(handle->GetName(), bytes);
  }
  return sizes;
}

absl::Status ForEachRecord(
    const Store& store, ListRequest request, const google::protobuf::Message& prototype,
    absl::FunctionRef<absl::Status(const google::protobuf::Message&)> visit) {
  if (request.page_size == 0) request.page_size = 1000;
  do {
    RENKEI_ASSIGN_OR_RETURN(ListResult page, store.List(request, prototype));
    for (const auto& record : page.records) RENKEI_RETURN_IF_ERROR(visit(*record));
    request.page_token = std::move(page.next_page_token);
  } while (!request.page_token.empty());
  return absl::OkStatus();
}

}  // namespace renkei::store
