#include "server/store/backup.h"

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/utilities/backup_engine.h>
#include <rocksdb/utilities/checkpoint.h>

#include <filesystem>
#include <memory>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "server/store/internal/families.h"
#include "server/store/store.h"
#include "server/util/status_macros.h"

namespace renkei::store {

// What a backup needs of a Store: its database and how it was opened.
class BackupAccess {
 public:
  static rocksdb::DB* Db(const Store& store) { return store.db_.get(); }
  static const StoreOptions& Options(const Store& store) { return store.options_; }
};

namespace {

using internal::FromRocks;

constexpr char kRevisionPrefix[] = "revision ";

// Backups, one at a time: the checkpoint directory is shared.
absl::Mutex backup_mu;

BackupInfo InfoOf(const rocksdb::BackupInfo& info) {
  BackupInfo out;
  out.id = info.backup_id;
  out.create_time = absl::FromUnixSeconds(info.timestamp);
  out.size_bytes = info.size;
  if (absl::StartsWith(info.app_metadata, kRevisionPrefix)) {
    (void)absl::SimpleAtoi(info.app_metadata.substr(sizeof(kRevisionPrefix) - 1), &out.revision);
  }
  return out;
}


// Takes a consistent checkpoint of `store` into `dir` (which must not exist).
absl::Status Checkpoint(const Store& store, const std::string& dir) {
  rocksdb::Checkpoint* raw = nullptr;
  RENKEI_RETURN_IF_ERROR(
      FromRocks(rocksdb::Checkpoint::Create(BackupAccess::Db(store), &raw), "a checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  return FromRocks(checkpoint->CreateCheckpoint(dir), absl::StrCat("a checkpoint in ", dir));
}

// Backs the checkpoint opened as `copy` (no writer but us) up into `engine`.
absl::StatusOr<BackupInfo> BackUpCopy(const Store& copy, rocksdb::BackupEngine* engine,
                                      const std::string& backup_dir) {
  rocksdb::CreateBackupOptions options;
  options.flush_before_backup = true;  // tables only: shared with later backups
  rocksdb::BackupID id = 0;
  RENKEI_RETURN_IF_ERROR(FromRocks(
      engine->CreateNewBackupWithMetadata(options, BackupAccess::Db(copy),
                                          absl::StrCat(kRevisionPrefix, copy.revision()), &id),
      absl::StrCat("backing up into ", backup_dir)));
  rocksdb::BackupInfo info;
  RENKEI_RETURN_IF_ERROR(FromRocks(engine->GetBackupInfo(id, &info),
                                   absl::StrCat("reading backup ", id, " in ", backup_dir)));
  return InfoOf(info);
}

absl::Status RemoveAll(const std::string& dir) {
  std::error_code error;
  std::filesystem::remove_all(dir, error);
  if (error) {
    return absl::InternalError(absl::StrCat("cannot remove ", dir, ": ", error.message()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<BackupInfo> Backup(const Store& store, const std::string& backup_dir) {
  if (backup_dir.empty() || backup_dir[0] != '/') {
    return absl::InvalidArgumentError(
        absl::StrCat("the backup directory must be an absolute path, not \"", backup_dir, "\""));
  }
  absl::MutexLock lock(&backup_mu);
  const std::string checkpoint = absl::StrCat(store.path(), "/backup-checkpoint");
  RENKEI_RETURN_IF_ERROR(RemoveAll(checkpoint));  // left by a crash
  RENKEI_RETURN_IF_ERROR(Checkpoint(store, checkpoint));
  absl::StatusOr<BackupInfo> made;
  {
    StoreOptions options = BackupAccess::Options(store);
    options.create_if_missing = false;
    options.block_cache_bytes = size_t{8} << 20;
    options.min_free_bytes = 0;  // the live store's guard covers the disk
    absl::StatusOr<std::unique_ptr<Store>> copy = Store::Open(options, checkpoint);
    if (!copy.ok()) {
      made = copy.status();
    } else {
      rocksdb::BackupEngine* raw = nullptr;
      const absl::Status opened =
          FromRocks(rocksdb::BackupEngine::Open(rocksdb::BackupEngineOptions(backup_dir),
                                                rocksdb::Env::Default(), &raw),
                    absl::StrCat("opening the backup directory ", backup_dir));
      std::unique_ptr<rocksdb::BackupEngine> engine(raw);
      made = opened.ok() ? BackUpCopy(**copy, engine.get(), backup_dir)
                         : absl::StatusOr<BackupInfo>(opened);
    }
  }
  absl::Status removed = RemoveAll(checkpoint);
  if (made.ok() && !removed.ok()) return removed;
  return made;
}

namespace {

// The backups in `backup_dir`, to read or restore.
absl::StatusOr<std::unique_ptr<rocksdb::BackupEngineReadOnly>> OpenReadOnly(
    const std::string& backup_dir) {
  rocksdb::BackupEngineReadOnly* raw = nullptr;
  RENKEI_RETURN_IF_ERROR(
      FromRocks(rocksdb::BackupEngineReadOnly::Open(rocksdb::BackupEngineOptions(backup_dir),
                                                 rocksdb::Env::Default(), &raw),
             absl::StrCat("opening the backup directory ", backup_dir)));
  return std::unique_ptr<rocksdb::BackupEngineReadOnly>(raw);
}

}  // namespace

absl::StatusOr<std::vector<BackupInfo>> ListBackups(const std::string& backup_dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(backup_dir, error)) {
    return absl::NotFoundError(absl::StrCat("no backup directory ", backup_dir));
  }
  RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngineReadOnly> engine,
                          OpenReadOnly(backup_dir));
  std::vector<rocksdb::BackupInfo> infos;
  engine->GetBackupInfo(&infos);
  if (infos.empty()) return absl::NotFoundError(absl::StrCat(backup_dir, " holds no backup"));
  std::vector<BackupInfo> out;
  for (const rocksdb::BackupInfo& info : infos) out.push_back(InfoOf(info));
  return out;
}

absl::StatusOr<BackupInfo> RestoreBackup(const std::string& backup_dir,
                                         const std::string& data_dir, uint32_t id) {
  std::error_code error;
  if (std::filesystem::exists(data_dir, error) &&
      !std::filesystem::is_empty(data_dir, error)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "will not restore into ", data_dir, ": it is not empty (give a new directory)"));
  }
  RENKEI_ASSIGN_OR_RETURN(std::vector<BackupInfo> backups, ListBackups(backup_dir));
  const BackupInfo* chosen = &backups.back();
  if (id != 0) {
    chosen = nullptr;
    for (const BackupInfo& backup : backups) {
      if (backup.id == id) chosen = &backup;
    }
    if (chosen == nullptr) {
      return absl::NotFoundError(absl::StrCat(backup_dir, " holds no backup ", id));
    }
  }
  RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngineReadOnly> engine,
                          OpenReadOnly(backup_dir));
  const rocksdb::IOStatus restored =
      engine->RestoreDBFromBackup(rocksdb::RestoreOptions(), chosen->id, data_dir, data_dir);
  RENKEI_RETURN_IF_ERROR(FromRocks(
      restored,
      absl::StrCat("restoring backup ", chosen->id, " of ", backup_dir, " into ", data_dir)));
  return *chosen;
}

}  // namespace renkei::store
