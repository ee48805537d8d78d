// Backups made while writers run: a restored backup holds exactly the store
// as it was at the backup's revision (every record, index and search entry,
// the change log), and backups in one directory are incremental.
#include "server/store/backup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "renkei/v1/change.pb.h"
#include "renkei/v1/organization.pb.h"
#include "server/records/validate.h"
#include "server/store/internal/keys.h"
#include "server/store/internal/schema.h"
#include "server/store/store.h"
#include "tests/test_util.h"

namespace renkei::store {
namespace {

using ::renkei::testing::TempDir;
using ::testing::HasSubstr;
using Entries = std::map<std::string, std::string>;

std::unique_ptr<Store> OpenStore(const std::string& dir) {
  auto store = Store::Open(StoreOptions(), dir);
  EXPECT_OK(store);
  return store.ok() ? std::move(*store) : nullptr;
}

// Creates, updates (moving companies between districts, so index entries
// change) and deletes organizations until told to stop; counts its writes.
class Writer {
 public:
  explicit Writer(Store* store) : store_(store), thread_([this] { Run(); }) {}
  ~Writer() { Stop(); }

  void WaitForWrites(int more) {
    const int target = writes_ + more;
    while (writes_ < target) std::this_thread::yield();
  }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Run() {
    std::vector<std::string> names;
    for (int i = 0; !stop_; ++i) {
      if (i % 3 != 2 || names.empty()) {
        v1::Organization o;
        o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
        o.set_display_name(absl::StrCat("株式会社書込", i));
        o.set_description("精密部品の切削加工と外観検査");
        o.mutable_address()->set_district("千厩");
        records::PrepareForCreate(&o);
        ASSERT_OK(store_->Create(&o, "", Actor::System()));
        names.push_back(o.name());
      } else if (i % 9 == 2) {
        ASSERT_OK(store_->Delete(names.back(), "", false, Actor::System()));
        names.pop_back();
      } else {
        v1::Organization updated;
        ASSERT_OK(store_->Update(
            names[i % names.size()], "",
            [i](google::protobuf::Message* m) {
              auto* o = static_cast<v1::Organization*>(m);
              o->mutable_address()->set_district(i % 2 ? "大東" : "花泉");
              o->set_description(absl::StrCat("めっき排水の処理 ", i));
              return absl::OkStatus();
            },
            &updated, Actor::System()));
      }
      ++writes_;
    }
  }

  Store* const store_;
  std::atomic<bool> stop_{false};
  std::atomic<int> writes_{0};
  std::thread thread_;
};

// Every serialized Change of `store` up to `revision`.
std::vector<std::string> ChangeLog(const Store& store, int64_t revision) {
  std::vector<std::string> log;
  EXPECT_OK(store.ReadChanges(0, SIZE_MAX, &log));
  while (!log.empty()) {
    v1::Change change;
    change.ParseFromString(log.back());
    if (change.revision() <= revision) break;
    log.pop_back();
  }
  return log;
}

// The organizations as the change log leaves them: name → record.
std::map<std::string, v1::Organization> RecordsOf(const std::vector<std::string>& log) {
  std::map<std::string, v1::Organization> records;
  for (const std::string& bytes : log) {
    v1::Change change;
    change.ParseFromString(bytes);
    if (change.kind() == v1::CHANGE_KIND_DELETED) {
      records.erase(change.name());
    } else {
      records[change.name()] = change.organization();
    }
  }
  return records;
}

// Every key and value of the column families of the data directory `dir`.
std::map<std::string, Entries> Families(const std::string& dir) {
  std::vector<std::string> names;
  EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  EXPECT_TRUE(
      rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), dir, descriptors, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::map<std::string, Entries> families;
  for (size_t i = 0; i < handles.size(); ++i) {
    if (names[i] == internal::kMetaFamily) continue;  // merge operands: read through Store
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      families[names[i]][it->key().ToString()] = it->value().ToString();
    }
    EXPECT_TRUE(it->status().ok());
  }
  for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
  return families;
}

uint64_t DirectoryBytes(const std::string& dir) {
  uint64_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

TEST(BackupTest, RestoredBackupIsTheStoreAtItsRevisionWhileWritersRun) {
  TempDir data, backups, restored;
  std::unique_ptr<Store> store = OpenStore(data.path());
  BackupInfo backup;
  {
    Writer writer(store.get());
    writer.WaitForWrites(300);
    absl::StatusOr<BackupInfo> made = Backup(*store, backups.path() + "/b");
    ASSERT_OK(made);
    backup = *made;
    writer.WaitForWrites(100);
  }
  EXPECT_EQ(backup.id, 1u);
  EXPECT_GE(backup.revision, 300);
  ASSERT_GT(store->revision(), backup.revision) << "no write came after the backup";

  ASSERT_OK(RestoreBackup(backups.path() + "/b", restored.path() + "/data"));
  const std::string copy_dir = restored.path() + "/data";
  std::unique_ptr<Store> copy = OpenStore(copy_dir);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->revision(), backup.revision);
  const std::vector<std::string> log = ChangeLog(*store, backup.revision);
  EXPECT_EQ(ChangeLog(*copy, INT64_MAX), log);
  const auto records = RecordsOf(log);
  EXPECT_EQ(copy->Counter(RecordCounter(Kind::kOrganization)),
            static_cast<int64_t>(records.size()));

  // What the records at that revision make: each record, its index entries,
  // unique keys, references and search entries.
  Entries want_records, want_index, want_text;
  for (const auto& [name, record] : records) {
    absl::StatusOr<ResourceName> parsed = ParseResourceName(name);
    ASSERT_OK(parsed);
    want_records[internal::RecordKey(*parsed)] = record.SerializeAsString();
    const internal::RecordEntries entries =
        internal::EntriesOf(record, *parsed, &copy->analyzer());
    for (const std::string& key : entries.index) want_index[key];
    for (const auto& [key, field] : entries.uniques) want_index[key];
    for (const auto& [key, value] : entries.references) want_index[key];
    want_text.insert(entries.text.begin(), entries.text.end());
  }
  copy.reset();
  std::map<std::string, Entries> families = Families(copy_dir);
  Entries got_records = families[internal::kRecordsFamily];
  for (auto& [key, bytes] : got_records) {
    v1::Organization parsed;
    ASSERT_TRUE(parsed.ParseFromString(bytes));
    bytes = parsed.SerializeAsString();
  }
  EXPECT_EQ(got_records, want_records);
  Entries got_index = families[internal::kIndexFamily];
  for (auto& [key, value] : got_index) value.clear();
  EXPECT_EQ(got_index, want_index);
  EXPECT_EQ(families[internal::kTextFamily], want_text);
  EXPECT_EQ(families[internal::kLogFamily].size(), log.size());
}

TEST(BackupTest, SecondBackupCopiesOnlyWhatChanged) {
  TempDir data, backups;
  std::unique_ptr<Store> store = OpenStore(data.path());
  {
    Writer writer(store.get());
    writer.WaitForWrites(2000);
  }
  const std::string dir = backups.path() + "/b";
  ASSERT_OK(Backup(*store, dir));
  const uint64_t after_first = DirectoryBytes(dir);
  absl::StatusOr<BackupInfo> second = Backup(*store, dir);
  ASSERT_OK(second);
  EXPECT_EQ(second->id, 2u);
  EXPECT_EQ(second->revision, store->revision());
  // Backup 2 is as big as backup 1, but shares its tables.
  EXPECT_LT(DirectoryBytes(dir) - after_first, second->size_bytes / 4);
  absl::StatusOr<std::vector<BackupInfo>> listed = ListBackups(dir);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].revision, store->revision());
}

TEST(BackupTest, RestoreRefusesADirectoryThatHoldsData) {
  TempDir data, backups;
  std::unique_ptr<Store> store = OpenStore(data.path());
  ASSERT_OK(Backup(*store, backups.path() + "/b"));
  absl::StatusOr<BackupInfo> restored = RestoreBackup(backups.path() + "/b", data.path());
  EXPECT_EQ(restored.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(restored.status().message(), HasSubstr("not empty"));
}

TEST(BackupTest, RelativeOrMissingDirectoriesAreClearErrors) {
  TempDir data, backups;
  std::unique_ptr<Store> store = OpenStore(data.path());
  EXPECT_EQ(Backup(*store, "relative/dir").status().code(),
            absl::StatusCode::kInvalidArgument);
  absl::StatusOr<BackupInfo> restored =
      RestoreBackup(backups.path() + "/none", backups.path() + "/data");
  EXPECT_EQ(restored.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(restored.status().message(), HasSubstr("no backup directory"));
}

}  // namespace
}  // namespace renkei::store
