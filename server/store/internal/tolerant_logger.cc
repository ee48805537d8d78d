#include "server/store/internal/tolerant_logger.h"

#include <rocksdb/env.h>

#include <cstdarg>
#include <cstdio>
#include <filesystem>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace renkei::store::internal {
namespace {

class TolerantLogger final : public rocksdb::Logger {
 public:
  TolerantLogger(std::string path, uint64_t max_bytes)
      : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL),
        path_(std::move(path)),
        max_bytes_(max_bytes) {
    absl::MutexLock lock(&mu_);
    Reopen();
  }
  ~TolerantLogger() override {
    absl::MutexLock lock(&mu_);
    if (file_ != nullptr) std::fclose(file_);
  }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char line[4096];
    const int length = std::vsnprintf(line, sizeof(line), format, ap);
    if (length < 0) return;
    absl::MutexLock lock(&mu_);
    if (file_ == nullptr) return;
    if (written_ > max_bytes_) Reopen();
    if (file_ == nullptr) return;
    const std::string stamp = absl::FormatTime("%Y/%m/%d-%H:%M:%E6S ", absl::Now(),
                                               absl::LocalTimeZone());
    // Failed writes (a full disk) are dropped: the log must not stop the store.
    written_ += std::fwrite(stamp.data(), 1, stamp.size(), file_);
    written_ += std::fwrite(line, 1, std::min<size_t>(length, sizeof(line) - 1), file_);
    written_ += std::fwrite("\n", 1, 1, file_);
    std::fflush(file_);
    if (std::ferror(file_)) std::clearerr(file_);
  }

 private:
  // Starts LOG again when it is too large, keeping the old one.
  void Reopen() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (file_ != nullptr) std::fclose(file_);
    std::error_code error;
    const uint64_t size = std::filesystem::file_size(path_, error);
    if (!error && size > max_bytes_) {
      std::filesystem::rename(path_, path_ + ".old", error);
    }
    file_ = std::fopen(path_.c_str(), "a");
    std::error_code unknown;
    const uint64_t now = std::filesystem::file_size(path_, unknown);
    written_ = unknown ? 0 : now;
  }

  const std::string path_;
  const uint64_t max_bytes_;
  absl::Mutex mu_;
  std::FILE* file_ ABSL_GUARDED_BY(mu_) = nullptr;
  uint64_t written_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> NewTolerantLogger(const std::string& directory,
                                                   uint64_t max_bytes) {
  return std::make_shared<TolerantLogger>(directory + "/LOG", max_bytes);
}

}  // namespace renkei::store::internal
