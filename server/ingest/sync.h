// What `--sync` of a member list ends, and why it ends nothing when it does
// not (docs/import.md, "Members and --sync").
//
// A membership of the network is ended when it came from the same source
// list, is current (no `until`), and its organization is neither one a row
// of the new list resolved to nor one a row rejected, skipped or left
// ambiguous may be. Nothing is ended when:
//   - the list has no data rows (a list that lost every member is more
//     likely a broken file than a dissolved association);
//   - a rejected row names no organization that can be told (no name, and
//     nothing else finds one): it may be a member still on the list;
//   - the memberships to end are more than a third of the network's
//     current members and the user did not confirm (--yes).
// The decision says in words what was done or why not.
//
// Pure functions over plain data; thread-safe.
#ifndef RENKEI_SERVER_INGEST_SYNC_H_
#define RENKEI_SERVER_INGEST_SYNC_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "renkei/v1/network.pb.h"

namespace renkei::ingest {

struct SyncFacts {
  std::string network;     // networks/N, for messages
  std::string list;        // the source list the import writes
  int64_t rows = 0;        // data rows the import received (rejected ones too)
  // Rejected rows that name no organization the server can tell.
  std::vector<int64_t> unknown_rejected_rows;
  bool confirmed = false;  // --yes
  // Current memberships from `list` held before this import began.
  int64_t held_before = 0;
  // The memberships of the network as loaded (by organization id), the
  // organizations the list has, and those it may have.
  const absl::flat_hash_map<uint64_t, v1::Membership>* memberships = nullptr;
  const std::set<uint64_t>* listed = nullptr;
  const std::set<uint64_t>* maybe_listed = nullptr;
};

struct SyncDecision {
  std::vector<const v1::Membership*> to_end;  // in resource-name order
  std::vector<std::string> held_back;          // would end, not confirmed
  bool skipped = false;  // nothing ended because the list cannot be trusted
  std::string message;   // for people, always set
};

SyncDecision DecideSync(const SyncFacts& facts);

// `name` with its years and dates folded ("会員名簿2026.csv", "会員名簿_R8.csv"
// and "会員名簿 2026-04-01.csv" all give "会員名簿#.csv"), for telling a
// list renamed for another year. A name without a year is returned as is.
std::string YearlessName(absl::string_view name);

// The source lists of the network's current memberships, other than `list`,
// whose names differ from `list` only by a year or date; empty when `list`
// itself has current memberships. With their member counts.
struct RenamedList {
  std::string name;
  int members = 0;
};
std::vector<RenamedList> ListsRenamedFrom(
    absl::string_view list, const absl::flat_hash_map<uint64_t, v1::Membership>& memberships);

}  // namespace renkei::ingest

#endif  // RENKEI_SERVER_INGEST_SYNC_H_
