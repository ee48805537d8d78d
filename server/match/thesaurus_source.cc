#include "server/match/thesaurus_source.h"

namespace renkei::match {

ThesaurusSource::ThesaurusSource(std::string directory)
    : directory_(std::move(directory)), current_(text::Thesaurus::Empty()) {}

absl::Status ThesaurusSource::Reload() {
  if (directory_.empty()) return absl::OkStatus();
  absl::StatusOr<std::unique_ptr<text::Thesaurus>> loaded =
      text::Thesaurus::LoadDirectory(directory_);
  if (!loaded.ok()) return loaded.status();
  std::shared_ptr<const text::Thesaurus> next = std::move(*loaded);
  absl::MutexLock lock(&mu_);
  current_ = std::move(next);
  return absl::OkStatus();
}

std::shared_ptr<const text::Thesaurus> ThesaurusSource::Get() const {
  absl::MutexLock lock(&mu_);
  return current_;
}

}  // namespace renkei::match
