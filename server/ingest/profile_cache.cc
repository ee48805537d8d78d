#include "server/ingest/profile_cache.h"

#include <string>
#include <vector>

#include "renkei/v1/change.pb.h"
#include "renkei/v1/organization.pb.h"
#include "server/names/resource_name.h"
#include "server/resolve/resolver.h"
#include "server/store/store.h"
#include "server/util/status_macros.h"

namespace renkei::ingest {
namespace {

// Changes read from the log a call; past this many behind, a rebuild is
// cheaper than replaying.
constexpr size_t kChangesPerRead = 4096;

}  // namespace

absl::Status ProfileCache::Rebuild() {
  profiles_.clear();
  // Writes may land while the list runs: the revision taken first is where
  // the catch-up starts, and replaying a change already seen is harmless.
  revision_ = store_.revision();
  store::ListRequest list;
  list.kind = Kind::kOrganization;
  list.page_size = 1000;
  list.max_examined = 1 << 20;
  return store::ForEachRecord(
      store_, std::move(list), v1::Organization::default_instance(),
      [this](const google::protobuf::Message& record) -> absl::Status {
        const auto& organization = static_cast<const v1::Organization&>(record);
        RENKEI_ASSIGN_OR_RETURN(ResourceName name,
                                ParseResourceName(organization.name(), Kind::kOrganization));
        profiles_[name.id] = resolve::ProfileOf(organization, reader_);
        return absl::OkStatus();
      });
}

absl::Status ProfileCache::CatchUp() {
  if (store_.revision() - revision_ > static_cast<int64_t>(profiles_.size() / 2 + kChangesPerRead)) {
    RENKEI_RETURN_IF_ERROR(Rebuild());
  }
  const int64_t head = store_.revision();
  std::vector<std::string> changes;
  while (revision_ < head) {
    changes.clear();
    RENKEI_RETURN_IF_ERROR(store_.ReadChanges(revision_, kChangesPerRead, &changes));
    if (changes.empty()) break;
    for (const std::string& bytes : changes) {
      v1::Change change;
      if (!change.ParseFromString(bytes)) {
        return absl::DataLossError("a change-log entry does not parse");
      }
      revision_ = change.revision();
      if (!change.has_organization()) continue;
      absl::StatusOr<ResourceName> name = ParseResourceName(change.name(), Kind::kOrganization);
      if (!name.ok()) continue;
      if (change.kind() == v1::CHANGE_KIND_DELETED) {
        profiles_.erase(name->id);
      } else {
        profiles_[name->id] = resolve::ProfileOf(change.organization(), reader_);
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ProfileCache::Fill(resolve::Resolver* resolver) {
  RENKEI_RETURN_IF_ERROR(revision_ < 0 ? Rebuild() : absl::OkStatus());
  RENKEI_RETURN_IF_ERROR(CatchUp());
  for (const auto& [id, profile] : profiles_) resolver->Add(id, profile);
  return absl::OkStatus();
}

}  // namespace renkei::ingest
