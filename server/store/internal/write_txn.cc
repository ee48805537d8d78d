#include "server/store/internal/write_txn.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <array>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"
#include "renkei/v1/change.pb.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/person.pb.h"
#include "server/store/internal/counter_merge.h"
#include "server/store/internal/keys.h"
#include "server/records/limits.h"
#include "server/records/secrets.h"
#include "server/records/validate.h"
#include "server/store/internal/schema.h"
#include "server/util/errors.h"
#include "server/util/status_macros.h"

namespace renkei::store::internal {

using google::protobuf::Message;

struct WriteTxn::Staged {
  ResourceName name;
  std::string key;
  std::unique_ptr<Message> before;  // as stored; null when new
  std::unique_ptr<Message> after;   // null when deleted
};

namespace {

void SetTimestamp(Message* record, const char* field, absl::Time time) {
  const auto* fd = record->GetDescriptor()->FindFieldByName(field);
  if (fd == nullptr) return;
  auto* ts = dynamic_cast<google::protobuf::Timestamp*>(
      record->GetReflection()->MutableMessage(record, fd));
  if (ts == nullptr) return;
  const int64_t nanos = absl::ToUnixNanos(time);
  ts->set_seconds(nanos / 1'000'000'000);
  ts->set_nanos(static_cast<int32_t>(nanos % 1'000'000'000));
}

void CopyField(const Message& from, Message* to, const char* field) {
  const auto* fd = to->GetDescriptor()->FindFieldByName(field);
  if (fd == nullptr) return;
  const auto* reflection = to->GetReflection();
  if (fd->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
    if (reflection->HasField(from, fd)) {
      reflection->MutableMessage(to, fd)->CopyFrom(reflection->GetMessage(from, fd));
    } else {
      reflection->ClearField(to, fd);
    }
  }
}

void SetString(Message* record, const char* field, const std::string& value) {
  const auto* fd = record->GetDescriptor()->FindFieldByName(field);
  if (fd != nullptr) record->GetReflection()->SetString(record, fd, value);
}

void AppendVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// Appends field `number` holding `bytes` (wire type 2) in protobuf encoding.
void AppendLengthDelimited(int number, const std::string& bytes, std::string* out) {
  AppendVarint((static_cast<uint64_t>(number) << 3) | 2, out);
  AppendVarint(bytes.size(), out);
  out->append(bytes);
}

// The final operation on each key of one column family: a value to put, or
// nullopt to delete; the last one given for a key wins. Written in key order
// (the memtable inserts sorted keys fastest).
class KeyOps {
 public:
  void Put(const std::string& key, std::string value) { ops_.emplace_back(key, std::move(value)); }
  void Delete(const std::string& key) { ops_.emplace_back(key, std::nullopt); }
  absl::Status WriteTo(rocksdb::ColumnFamilyHandle* family, rocksdb::WriteBatch* batch) {
    std::stable_sort(ops_.begin(), ops_.end(),
                     [](const Op& a, const Op& b) { return a.first < b.first; });
    for (size_t i = 0; i < ops_.size(); ++i) {
      if (i + 1 < ops_.size() && ops_[i + 1].first == ops_[i].first) continue;  // overridden
      const rocksdb::Status status = ops_[i].second.has_value()
                                         ? batch->Put(family, ops_[i].first, *ops_[i].second)
                                         : batch->Delete(family, ops_[i].first);
      if (!status.ok()) return FromRocks(status, "building a write batch");
    }
    return absl::OkStatus();
  }

 private:
  using Op = std::pair<std::string, std::optional<std::string>>;
  std::vector<Op> ops_;
};

// Whether records of `kind` hold secret fields (records/secrets.h).
bool HoldsSecrets(Kind kind) {
  static const std::array<bool, kKindSlots> holds = [] {
    std::array<bool, kKindSlots> table = {};
    for (Kind k : kAllKinds) {
      table[static_cast<size_t>(k)] = records::HasSecrets(NewRecord(k)->GetDescriptor());
    }
    return table;
  }();
  return holds[static_cast<size_t>(kind)];
}

std::string FirstField(const std::string& fields) {
  return std::string(fields.substr(0, fields.find(", ")));
}

std::string NameOfKey(absl::string_view key) {
  std::optional<ResourceName> name = ParseRecordKey(key);
  return name.has_value() ? name->ToString() : "(unknown record)";
}

}  // namespace

WriteTxn::WriteTxn(const Families& families, int64_t first_revision, absl::Time now,
                   const Actor& actor)
    : families_(families), now_(now), actor_(actor), next_revision_(first_revision) {}

std::vector<Kind> WriteTxn::ChangedKinds() const {
  std::vector<Kind> kinds;
  for (const auto& staged : staged_) {
    if (staged->before == nullptr && staged->after == nullptr) continue;
    if (std::find(kinds.begin(), kinds.end(), staged->name.kind) == kinds.end()) {
      kinds.push_back(staged->name.kind);
    }
  }
  return kinds;
}

WriteTxn::~WriteTxn() = default;

absl::StatusOr<WriteTxn::Staged*> WriteTxn::Stage(const ResourceName& name) {
  const std::string key = RecordKey(name);
  auto it = by_key_.find(key);
  if (it != by_key_.end()) return it->second;
  auto staged = std::make_unique<Staged>();
  staged->name = name;
  staged->key = key;
  std::string bytes;
  rocksdb::Status status =
      families_.db->Get(rocksdb::ReadOptions(), families_.records, key, &bytes);
  if (status.ok()) {
    staged->before = NewRecord(name.kind);
    if (!staged->before->ParseFromString(bytes)) {
      return absl::DataLossError(absl::StrCat(name.ToString(), " does not parse"));
    }
    staged->after.reset(staged->before->New());
    staged->after->CopyFrom(*staged->before);
  } else if (!status.IsNotFound()) {
    return FromRocks(status, absl::StrCat("reading ", name.ToString()));
  }
  Staged* raw = staged.get();
  staged_.push_back(std::move(staged));
  by_key_.emplace(key, raw);
  return raw;
}

absl::StatusOr<std::unique_ptr<Message>> WriteTxn::Read(const ResourceName& name) {
  auto it = by_key_.find(RecordKey(name));
  const Message* current = nullptr;
  if (it != by_key_.end()) {
    current = it->second->after.get();
  } else {
    std::string bytes;
    rocksdb::Status status = families_.db->Get(
        rocksdb::ReadOptions(), families_.records, RecordKey(name), &bytes);
    if (status.IsNotFound()) return std::unique_ptr<Message>();
    if (!status.ok()) return FromRocks(status, absl::StrCat("reading ", name.ToString()));
    std::unique_ptr<Message> record = NewRecord(name.kind);
    if (!record->ParseFromString(bytes)) {
      return absl::DataLossError(absl::StrCat(name.ToString(), " does not parse"));
    }
    return record;
  }
  if (current == nullptr) return std::unique_ptr<Message>();
  std::unique_ptr<Message> copy(current->New());
  copy->CopyFrom(*current);
  return copy;
}

absl::Status WriteTxn::Put(const ResourceName& name, std::unique_ptr<Message> record) {
  RENKEI_ASSIGN_OR_RETURN(Staged * staged, Stage(name));
  staged->after = std::move(record);
  return absl::OkStatus();
}

absl::StatusOr<bool> WriteTxn::Create(const ResourceName& name, std::unique_ptr<Message> record) {
  const std::string key = RecordKey(name);
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    if (it->second->after != nullptr) return false;
    it->second->after = std::move(record);  // deleted earlier in this mutation
    return true;
  }
  std::string ignored;
  rocksdb::Status status = families_.db->Get(rocksdb::ReadOptions(), families_.records, key, &ignored);
  if (status.ok()) return false;
  if (!status.IsNotFound()) return FromRocks(status, absl::StrCat("reading ", name.ToString()));
  auto staged = std::make_unique<Staged>();
  staged->name = name;
  staged->key = key;
  staged->after = std::move(record);
  by_key_.emplace(key, staged.get());
  staged_.push_back(std::move(staged));
  return true;
}

absl::Status WriteTxn::Delete(const ResourceName& name) {
  RENKEI_ASSIGN_OR_RETURN(Staged * staged, Stage(name));
  staged->after.reset();
  return absl::OkStatus();
}

bool WriteTxn::IsDeleted(const ResourceName& name) const {
  auto it = by_key_.find(RecordKey(name));
  return it != by_key_.end() && it->second->before != nullptr &&
         it->second->after == nullptr;
}

const Message* WriteTxn::Final(const ResourceName& name) const {
  auto it = by_key_.find(RecordKey(name));
  return it == by_key_.end() ? nullptr : it->second->after.get();
}

std::unique_ptr<Message> WriteTxn::TakeFinal(const ResourceName& name) {
  auto it = by_key_.find(RecordKey(name));
  return it == by_key_.end() ? nullptr : std::move(it->second->after);
}

absl::Status WriteTxn::CheckParticipants() {
  for (auto& staged : staged_) {
    const auto* x = dynamic_cast<const v1::Collaboration*>(staged->after.get());
    if (x == nullptr) continue;
    const auto* before = dynamic_cast<const v1::Collaboration*>(staged->before.get());
    for (int i = 0; i < x->participants_size(); ++i) {
      const v1::Participant& participant = x->participants(i);
      if (participant.person().empty()) continue;
      const bool known = before != nullptr &&
          std::any_of(before->participants().begin(), before->participants().end(),
                      [&](const v1::Participant& old) {
                        return old.person() == participant.person() &&
                               old.organization() == participant.organization();
                      });
      if (known) continue;  // checked when it was written
      absl::StatusOr<ResourceName> name = ParseResourceName(participant.person(), Kind::kPerson);
      if (!name.ok()) continue;  // the reference check names it
      RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<Message> person, Read(*name));
      if (person == nullptr) continue;  // the reference check names it
      const std::string& organization = static_cast<const v1::Person&>(*person).organization();
      if (organization != participant.organization()) {
        return InvalidFieldError(
            absl::StrCat("participants[", i, "].person"),
            absl::StrCat(participant.person(), " belongs to ",
                         organization.empty() ? "no organization" : organization, ", not ",
                         participant.organization()));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status WriteTxn::Commit(rocksdb::WriteBatch* batch) {
  RENKEI_RETURN_IF_ERROR(CheckParticipants());
  const rocksdb::ReadOptions read;
  // Final operation per index-family key: a value, or nullopt to delete.
  KeyOps index_ops;
  KeyOps text_ops;
  absl::flat_hash_map<std::string, int64_t> counter_deltas;
  struct AddedUnique {
    std::string owner_key;
    std::string field;
  };
  std::map<std::string, AddedUnique> added_uniques;
  std::set<std::string> removed_uniques;
  struct AddedReference {
    std::string target_key;
    std::string field;
  };
  std::vector<AddedReference> added_references;
  std::set<std::string> removed_reference_keys;
  std::set<std::string> kept_reference_keys;  // held by staged records after

  // Stamp the records and work out what changes.
  for (auto& staged : staged_) {
    if (staged->before == nullptr && staged->after == nullptr) continue;
    const int64_t revision = next_revision_++;
    if (staged->after != nullptr) {
      SetString(staged->after.get(), "name", staged->name.ToString());
      SetString(staged->after.get(), "etag", absl::StrCat(revision));
      SetTimestamp(staged->after.get(), "update_time", now_);
      if (staged->before != nullptr) {
        CopyField(*staged->before, staged->after.get(), "create_time");
      } else {
        SetTimestamp(staged->after.get(), "create_time", now_);
      }
    }
    if (staged->after != nullptr) {
      // Fields this version does not know are never stored (a client could
      // hide anything in them, past every limit).
      staged->after->DiscardUnknownFields();
    }
    if (staged->after != nullptr && staged->after->ByteSizeLong() > records::kMaxRecordBytes) {
      // Before any indexing work: such a record is never stored.
      return WithFieldPrefix(records::CheckRecordSize(*staged->after), staged->name.ToString());
    }
    const RecordEntries before = staged->before != nullptr
                                     ? EntriesOf(*staged->before, staged->name, families_.analyzer)
                                     : RecordEntries();
    const RecordEntries after = staged->after != nullptr
                                    ? EntriesOf(*staged->after, staged->name, families_.analyzer)
                                    : RecordEntries();
    // Index keys end with the key of the record they list, so no two staged
    // records touch the same index key.
    for (const std::string& key : before.index) {
      if (!after.index.contains(key)) index_ops.Delete(key);
    }
    for (const std::string& key : after.index) {
      if (!before.index.contains(key)) index_ops.Put(key, std::string());
    }
    for (const auto& [unique, field] : before.uniques) {
      if (!after.uniques.contains(unique)) removed_uniques.insert(unique);
    }
    for (const auto& [unique, field] : after.uniques) {
      if (before.uniques.contains(unique)) continue;
      auto [it, inserted] = added_uniques.emplace(unique, AddedUnique{staged->key, field});
      if (!inserted) {
        return FieldError(absl::StatusCode::kAlreadyExists, field,
                          absl::StrCat("is also given to ", NameOfKey(it->second.owner_key),
                                       " in the same request"));
      }
    }
    for (const auto& [ref, value] : before.references) {
      if (!after.references.contains(ref)) removed_reference_keys.insert(ref);
    }
    for (const auto& [ref, value] : after.references) {
      kept_reference_keys.insert(ref);
      auto old = before.references.find(ref);
      if (old == before.references.end()) {
        const std::string target_key = ref.substr(1, ref.size() - 1 - staged->key.size());
        added_references.push_back({target_key, FirstField(value.fields)});
      }
      if (old == before.references.end() || !(old->second == value)) {
        index_ops.Put(ref, EncodeReferenceValue(value));
      }
    }
    for (const auto& [key, value] : before.text) {
      if (!after.text.contains(key)) text_ops.Delete(key);
    }
    for (const auto& [key, value] : after.text) {
      auto old = before.text.find(key);
      if (old == before.text.end() || old->second != value) text_ops.Put(key, value);
    }
    for (const auto& [name, amount] : before.counters) counter_deltas[name] -= amount;
    for (const auto& [name, amount] : after.counters) counter_deltas[name] += amount;

    // The record and its change-log entry.
    v1::Change change;
    change.set_revision(revision);
    const int64_t nanos = absl::ToUnixNanos(now_);
    change.mutable_commit_time()->set_seconds(nanos / 1'000'000'000);
    change.mutable_commit_time()->set_nanos(static_cast<int32_t>(nanos % 1'000'000'000));
    change.set_name(staged->name.ToString());
    v1::Actor* actor = change.mutable_actor();
    actor->set_principal(actor_.principal);
    actor->set_username(actor_.username);
    actor->set_interface(actor_.interface);
    actor->set_peer(actor_.peer);
    // The record's bytes serve its key and the log entry: a Change is its
    // other fields followed by the record as its field of the record's kind
    // (protobuf reads concatenated encodings as one message).
    std::string record_bytes;
    if (staged->after == nullptr) {
      change.set_kind(v1::CHANGE_KIND_DELETED);
      RENKEI_RETURN_IF_ERROR(
          FromRocks(batch->Delete(families_.records, staged->key), "building a write batch"));
      record_bytes = staged->before->SerializeAsString();
    } else {
      change.set_kind(staged->before == nullptr ? v1::CHANGE_KIND_CREATED
                                                : v1::CHANGE_KIND_UPDATED);
      record_bytes = staged->after->SerializeAsString();
      RENKEI_RETURN_IF_ERROR(FromRocks(batch->Put(families_.records, staged->key, record_bytes),
                                       "building a write batch"));
    }
    const auto* field = v1::Change::descriptor()->FindFieldByName(
        std::string(NounOf(staged->name.kind)));
    std::string entry = change.SerializeAsString();
    if (HoldsSecrets(staged->name.kind)) {
      // Secrets (password and token hashes) stay in the record only.
      std::unique_ptr<Message> copy = NewRecord(staged->name.kind);
      copy->ParseFromString(record_bytes);
      records::ClearSecrets(copy.get());
      record_bytes = copy->SerializeAsString();
    }
    AppendLengthDelimited(field->number(), record_bytes, &entry);
    RENKEI_RETURN_IF_ERROR(
        FromRocks(batch->Put(families_.log, LogKey(revision), entry), "building a write batch"));
  }
  // Unique keys: a key added here must be free, or freed by this mutation.
  for (const auto& [unique, added] : added_uniques) {
    std::string owner;
    rocksdb::Status status = families_.db->Get(read, families_.index, unique, &owner);
    if (status.ok() && owner != added.owner_key && !removed_uniques.contains(unique)) {
      return FieldError(absl::StatusCode::kAlreadyExists, added.field,
                        absl::StrCat("is already held by ", NameOfKey(owner)));
    }
    if (!status.ok() && !status.IsNotFound()) {
      return FromRocks(status, "reading a unique key");
    }
  }
  for (const std::string& unique : removed_uniques) {
    if (!added_uniques.contains(unique)) index_ops.Delete(unique);
  }
  for (const auto& [unique, added] : added_uniques) index_ops.Put(unique, added.owner_key);

  // References: an added reference must point at a record that exists after
  // this mutation.
  for (const AddedReference& ref : added_references) {
    auto staged = by_key_.find(ref.target_key);
    bool exists;
    if (staged != by_key_.end()) {
      exists = staged->second->after != nullptr;
    } else {
      std::string ignored;
      rocksdb::Status status =
          families_.db->Get(read, families_.records, ref.target_key, &ignored);
      if (!status.ok() && !status.IsNotFound()) {
        return FromRocks(status, "checking a reference");
      }
      exists = status.ok();
    }
    if (!exists) {
      return InvalidFieldError(ref.field, absl::StrCat(NameOfKey(ref.target_key),
                                                       " does not exist"));
    }
  }
  // A deleted record must not be referred to by anything that stays.
  std::vector<PreconditionViolation> dangling;
  for (auto& staged : staged_) {
    if (staged->before == nullptr || staged->after != nullptr) continue;
    const std::string prefix = ReferencePrefix(staged->key);
    std::unique_ptr<rocksdb::Iterator> it(families_.db->NewIterator(read, families_.index));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      const std::string ref = it->key().ToString();
      if (removed_reference_keys.contains(ref) && !kept_reference_keys.contains(ref)) {
        continue;
      }
      const std::string source = ref.substr(prefix.size());
      dangling.push_back({"REFERENCED", NameOfKey(source),
                          absl::StrCat("refers to ", staged->name.ToString(), " (",
                                       DecodeReferenceValue(View(it->value())).fields,
                                       ")")});
    }
    if (!it->status().ok()) return FromRocks(it->status(), "reading references");
  }
  if (!dangling.empty()) {
    return PreconditionError("the record is still referred to", dangling);
  }
  for (const std::string& ref : removed_reference_keys) {
    if (!kept_reference_keys.contains(ref)) index_ops.Delete(ref);
  }

  RENKEI_RETURN_IF_ERROR(index_ops.WriteTo(families_.index, batch));
  RENKEI_RETURN_IF_ERROR(text_ops.WriteTo(families_.text, batch));
  counter_deltas_.clear();
  for (const auto& [name, delta] : counter_deltas) {
    if (delta == 0) continue;
    RENKEI_RETURN_IF_ERROR(FromRocks(
        batch->Merge(families_.meta, CounterKey(name), EncodeCounter(delta)),
        "building a write batch"));
    counter_deltas_.emplace_back(name, delta);
  }
  return absl::OkStatus();
}

}  // namespace renkei::store::internal
