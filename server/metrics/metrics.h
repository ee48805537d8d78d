// The server's metrics, rendered in Prometheus's text format for GET /metrics
// and SystemService.GetMetrics (docs/operations.md lists them). Built on
// prometheus-cpp's core library (Debian's prometheus-cpp-dev); nothing here
// listens on a port. Thread-safe.
#ifndef RENKEI_SERVER_METRICS_METRICS_H_
#define RENKEI_SERVER_METRICS_METRICS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace prometheus {
class Registry;
}  // namespace prometheus

namespace renkei::metrics {

// Values read when the metrics are rendered.
struct Readings {
  int64_t revision = 0;      // the store's newest revision
  uint64_t store_bytes = 0;  // the data directory's files
  int change_streams = 0;    // WatchChanges streams open
};

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // One finished RPC: `method` is its full path (/renkei.v1.X/Y), `code` its
  // gRPC status code name (OK, NOT_FOUND …).
  void RecordCall(absl::string_view method, absl::string_view code, absl::Duration duration);
  // Rows an import wrote or looked at, by outcome (created, updated …).
  void CountImportRows(absl::string_view action, int64_t rows);

  // Every metric, with `now` and the process's resident memory as gauges.
  std::string Render(const Readings& now);

 private:
  struct Families;
  const std::shared_ptr<prometheus::Registry> registry_;
  const std::unique_ptr<Families> families_;
};

// The resident set size of this process in bytes (/proc/self/statm); 0 when
// it cannot be read.
uint64_t ResidentBytes();

// The bytes of the regular files under `dir`, recursively.
uint64_t DirectoryBytes(const std::string& dir);

}  // namespace renkei::metrics

#endif  // RENKEI_SERVER_METRICS_METRICS_H_
