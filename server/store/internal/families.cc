#include "server/store/internal/families.h"

#include <rocksdb/status.h>

#include "absl/strings/str_cat.h"

namespace renkei::store::internal {

absl::Status FromRocks(const rocksdb::Status& status, const std::string& context) {
  if (status.ok()) return absl::OkStatus();
  const std::string message = absl::StrCat(context, ": ", status.ToString());
  if (status.IsNotFound()) return absl::NotFoundError(message);
  if (status.IsCorruption()) return absl::DataLossError(message);
  if (status.IsIOError() || status.IsBusy() || status.IsTimedOut() ||
      status.IsTryAgain()) {
    return absl::UnavailableError(message);
  }
  if (status.IsInvalidArgument()) return absl::FailedPreconditionError(message);
  return absl::InternalError(message);
}

}  // namespace renkei::store::internal
