// One mutation being assembled: the records it creates, changes and deletes,
// staged in memory, then checked and turned into ONE rocksdb::WriteBatch with
// every index, unique-key, reference, counter and change-log entry.
//
// REQUIRES: the caller holds the store's write lock from the first Read to
// the Write of the batch, so what it read is still what is stored.
// Not thread-safe.
#ifndef RENKEI_SERVER_STORE_INTERNAL_WRITE_TXN_H_
#define RENKEI_SERVER_STORE_INTERNAL_WRITE_TXN_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/names/resource_name.h"
#include "server/store/actor.h"
#include "server/store/internal/families.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace rocksdb {
class WriteBatch;
}  // namespace rocksdb

namespace renkei::store::internal {

class WriteTxn {
 public:
  // Revisions of this mutation start at `first_revision`; `now` is its
  // commit time; `actor` (which must outlive the mutation) made it.
  WriteTxn(const Families& families, int64_t first_revision, absl::Time now,
           const Actor& actor);

  WriteTxn(const WriteTxn&) = delete;
  WriteTxn& operator=(const WriteTxn&) = delete;
  ~WriteTxn();

  // The record as this mutation would leave it: a copy, or nullptr when it
  // does not exist (or is staged for deletion).
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> Read(
      const ResourceName& name);

  // Stages `record` as the new state of `name` (a create or an update).
  absl::Status Put(const ResourceName& name,
                   std::unique_ptr<google::protobuf::Message> record);
  // Stages `record` as a new record `name`, reading the store once: false
  // (nothing staged) when `name` exists.
  absl::StatusOr<bool> Create(const ResourceName& name,
                              std::unique_ptr<google::protobuf::Message> record);
  // Stages the deletion of `name`. REQUIRES: it exists.
  absl::Status Delete(const ResourceName& name);
  bool IsDeleted(const ResourceName& name) const;

  // Checks unique keys, that referenced records exist, that no deleted
  // record is still referred to and that a collaboration's participant
  // person belongs to the participant organization; then sets etag, update_time (and
  // create_time for new records) and fills `batch`. On error `batch` must be
  // discarded.
  absl::Status Commit(rocksdb::WriteBatch* batch);

  // After Commit: the last revision used, and the stored state of `name`.
  int64_t last_revision() const { return next_revision_ - 1; }
  // After Commit: the kinds of record it changed.
  std::vector<Kind> ChangedKinds() const;
  // After Commit: the counters (keys.h names) the batch changes, by how much.
  const std::vector<std::pair<std::string, int64_t>>& counter_deltas() const {
    return counter_deltas_;
  }
  const google::protobuf::Message* Final(const ResourceName& name) const;
  // After Commit: the stored state of `name`, moved out of the mutation.
  std::unique_ptr<google::protobuf::Message> TakeFinal(const ResourceName& name);

 private:
  struct Staged;

  absl::StatusOr<Staged*> Stage(const ResourceName& name);
  // Each participant of a staged collaboration whose person is new or
  // changed: the person belongs to the participant's organization.
  absl::Status CheckParticipants();

  // Constant after construction.
  const Families families_;
  const absl::Time now_;
  const Actor& actor_;

  int64_t next_revision_;
  std::vector<std::pair<std::string, int64_t>> counter_deltas_;  // after Commit
  std::vector<std::unique_ptr<Staged>> staged_;   // in staging order
  std::map<std::string, Staged*> by_key_;         // record key → staged
};

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_WRITE_TXN_H_
