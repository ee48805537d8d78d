// The thesaurus the server matches with: loaded from a directory at start,
// replaced whole on Reload (an RPC or SIGHUP), so coordinators extend it
// without a rebuild. Thread-safe: readers keep the instance they got.
#ifndef RENKEI_SERVER_MATCH_THESAURUS_SOURCE_H_
#define RENKEI_SERVER_MATCH_THESAURUS_SOURCE_H_

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "server/text/thesaurus.h"

namespace renkei::match {

class ThesaurusSource {
 public:
  // An empty `directory` means no thesaurus.
  explicit ThesaurusSource(std::string directory);

  // Loads the directory; on error the thesaurus in use stays.
  absl::Status Reload();

  std::shared_ptr<const text::Thesaurus> Get() const;
  const std::string& directory() const { return directory_; }

 private:
  const std::string directory_;
  mutable absl::Mutex mu_;
  std::shared_ptr<const text::Thesaurus> current_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renkei::match

#endif  // RENKEI_SERVER_MATCH_THESAURUS_SOURCE_H_
