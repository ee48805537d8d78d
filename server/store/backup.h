// Backups of a store while it serves (docs/operations.md).
//
// A backup directory is RocksDB's BackupEngine: backup 1, 2, … share the
// table files that did not change, so each one after the first copies only
// what is new. A backup is made from a checkpoint of the live database (hard
// links where the file system allows), opened apart from it: so it holds
// every change up to one revision and none after, while writes go on.
//
// Thread-safe: backups are made one at a time per process. Another process
// must not write the same backup directory at once.
#ifndef RENKEI_SERVER_STORE_BACKUP_H_
#define RENKEI_SERVER_STORE_BACKUP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace renkei::store {

class Store;

struct BackupInfo {
  uint32_t id = 0;            // 1, 2, … within its directory
  int64_t revision = 0;       // the newest change it holds
  absl::Time create_time;
  uint64_t size_bytes = 0;    // its files, shared ones included
};

// Backs `store` up into `backup_dir` (made when missing). Needs room for the
// checkpoint beside the data (DATA_DIR/backup-checkpoint, removed after) and
// for the new files in `backup_dir`.
absl::StatusOr<BackupInfo> Backup(const Store& store, const std::string& backup_dir);

// The backups in `backup_dir`, oldest first; NOT_FOUND when it holds none.
absl::StatusOr<std::vector<BackupInfo>> ListBackups(const std::string& backup_dir);

// Restores backup `id` of `backup_dir` (0: the newest) into `data_dir`, which
// must be missing or empty (FAILED_PRECONDITION otherwise: nothing is
// overwritten). The result opens as any data directory.
absl::StatusOr<BackupInfo> RestoreBackup(const std::string& backup_dir,
                                         const std::string& data_dir, uint32_t id = 0);

}  // namespace renkei::store

#endif  // RENKEI_SERVER_STORE_BACKUP_H_
