// One import: the rows of one file, resolved against what the store holds
// and written batch by batch (docs/import.md). The gRPC ImportService is a
// thin shell over it; tests and the benchmark drive it directly.
//
// Organization rows (members, organizations, corporate registry) go through
// entity resolution (server/resolve): linked to an organization held, or to
// one an earlier row of this import created, or created, or left ambiguous.
// Record rows (people, seeds, needs, collaborations) are matched by external
// id, else by their owner and title (or name); organizations they name by
// name are resolved, never created.
//
// Not thread-safe: one session serves one stream. The store and the reader
// must outlive it.
#ifndef RENKEI_SERVER_INGEST_SESSION_H_
#define RENKEI_SERVER_INGEST_SESSION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renkei/v1/import.pb.h"
#include "server/resolve/resolver.h"
#include "server/store/actor.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::resolve {
class Reader;
}  // namespace renkei::resolve

namespace renkei::ingest {

class ProfileCache;

class Session {
 public:
  // Checks the header and loads what resolution compares against.
  // INVALID_ARGUMENT naming the header field ("header.network: …");
  // NOT_FOUND when the network does not exist.
  // `profiles` (may be null) gives the profiles of the organizations held
  // without profiling each again (the import service keeps one between
  // imports); it must outlive the session.
  static absl::StatusOr<std::unique_ptr<Session>> Start(store::Store* store,
                                                        const resolve::Reader* reader,
                                                        const v1::ImportHeader& header,
                                                        ProfileCache* profiles = nullptr);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Resolves the rows of `batch` and writes them in ONE WriteBatch (none in
  // a dry run), appending one outcome per row to `response`. Rows that are
  // invalid are rejected (their outcome says why) and the others written.
  // An error means nothing of this batch was written, and the session
  // cannot go on.
  absl::Status Apply(const v1::ImportBatch& batch, v1::ImportResponse* response);

  // Ends the import (members with sync: ends the memberships the list no
  // longer has) and fills the summary.
  absl::Status Finish(v1::ImportResponse* response);

  const v1::ImportSummary& summary() const { return summary_; }

  // Who the writes are made as (the change log's actor); by default the
  // server itself.
  void set_actor(store::Actor actor) { actor_ = std::move(actor); }

 private:
  struct Plan;
  struct PreparedRow;
  Session(store::Store* store, const resolve::Reader* reader, const v1::ImportHeader& header);
  absl::Status Load(ProfileCache* profiles);
  absl::Status LoadProfiles();
  absl::Status LoadRecordsAndMembers();
  // What an organization row says by itself. Thread-safe (reads constants).
  PreparedRow PrepareOrganizationRow(const v1::ImportRow& row) const;
  void PlanOrganizationRow(const v1::ImportRow& row, PreparedRow& prepared,
                           v1::RowOutcome* outcome, Plan& plan);
  void PlanMembership(uint64_t slot, const v1::ImportRow& row, v1::RowOutcome* outcome,
                      Plan& plan);
  void PlanRecordRow(const v1::ImportRow& row, v1::RowOutcome* outcome, Plan& plan);
  // Writes `plan` (one WriteBatch) and names what it created in the
  // outcomes. An error means nothing was written.
  absl::Status Commit(Plan& plan);
  std::string SlotName(uint64_t slot) const;
  // Members: the list the memberships come from (header source_list, else source).
  std::string SourceList() const;
  // Sync ends no membership of the organizations `decision` says a row may be.
  void KeepPossibleMembers(const resolve::Decision& decision);
  // The same for a rejected row: the organizations it may be, or, when it
  // names none, the row itself (then sync ends nothing).
  void KeepRejected(const v1::ImportRow& row);
  // Members with sync: FAILED_PRECONDITION when the list looks renamed for
  // another year and the header does not say which list it is.
  absl::Status CheckListName() const;
  // Members with sync: ends the memberships the list no longer has (sync.h).
  absl::Status Sync();
  void Count(const v1::RowOutcome& outcome);

  // Constant after construction.
  store::Store& store_;
  const resolve::Reader* const reader_;
  const v1::ImportHeader header_;

  store::Actor actor_ = store::Actor::System();
  resolve::Resolver resolver_;
  uint64_t network_id_ = 0;
  uint64_t next_pending_;
  std::map<int64_t, v1::ReviewDecision> decisions_;
  // Members: the network's memberships, by organization id (or slot).
  absl::flat_hash_map<uint64_t, v1::Membership> memberships_;
  std::set<uint64_t> listed_;  // organizations (or slots) this list has
  // Candidates of rows left ambiguous: the list may have them.
  std::set<uint64_t> maybe_listed_;
  // Rejected rows that name no organization (sync then ends nothing).
  std::vector<int64_t> unknown_rejected_rows_;
  // Current memberships from this source list when the import began.
  int64_t held_before_ = 0;
  // Field paths earlier rows of this import set or confirmed, by record.
  std::map<std::string, std::set<std::string>> claimed_;
  // Dry run: the organizations it would create, by slot.
  std::map<uint64_t, v1::Organization> dry_created_;
  // Record kinds: natural key → record name (or "new:N"), so a row repeated
  // in one file links to the first.
  std::map<std::string, std::string> natural_keys_;
  // Record kinds: owners named by their description (serialized), as
  // resolved; a record import creates no organization, so they stay.
  std::map<std::string, resolve::Decision> owners_;
  // Dry run of a record kind: the records it would create ("new:N") or
  // change, as it would leave them, and the external ids they would hold, so
  // a later batch finds them as a real run would.
  std::map<std::string, std::unique_ptr<google::protobuf::Message>> dry_records_;
  std::map<std::string, std::string> dry_external_ids_;
  int64_t dry_records_created_ = 0;  // numbers them new:1, new:2 …
  v1::ImportSummary summary_;
};

}  // namespace renkei::ingest

#endif  // RENKEI_SERVER_INGEST_SESSION_H_
