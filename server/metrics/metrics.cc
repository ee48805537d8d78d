#include "server/metrics/metrics.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace renkei::metrics {

namespace {

// Latency buckets in seconds: a Get is about a millisecond, a match call
// tens, an import batch seconds.
const prometheus::Histogram::BucketBoundaries& Buckets() {
  static const auto* buckets = new prometheus::Histogram::BucketBoundaries{
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  return *buckets;
}

}  // namespace

struct Metrics::Families {
  explicit Families(prometheus::Registry& registry)
      : calls(prometheus::BuildCounter()
                  .Name("renkei_rpc_calls_total")
                  .Help("RPCs finished, by method and gRPC status code")
                  .Register(registry)),
        durations(prometheus::BuildHistogram()
                      .Name("renkei_rpc_duration_seconds")
                      .Help("Time from a call's start to its status, by method")
                      .Register(registry)),
        import_rows(prometheus::BuildCounter()
                        .Name("renkei_import_rows_total")
                        .Help("Import rows handled, by outcome")
                        .Register(registry)),
        revision(prometheus::BuildGauge()
                     .Name("renkei_store_revision")
                     .Help("The newest committed change-log revision")
                     .Register(registry)
                     .Add({})),
        store_bytes(prometheus::BuildGauge()
                        .Name("renkei_store_bytes")
                        .Help("Bytes of the files in the data directory")
                        .Register(registry)
                        .Add({})),
        streams(prometheus::BuildGauge()
                    .Name("renkei_change_streams")
                    .Help("WatchChanges streams open")
                    .Register(registry)
                    .Add({})),
        resident(prometheus::BuildGauge()
                     .Name("process_resident_memory_bytes")
                     .Help("Resident memory size in bytes")
                     .Register(registry)
                     .Add({})) {}

  prometheus::Family<prometheus::Counter>& calls;
  prometheus::Family<prometheus::Histogram>& durations;
  prometheus::Family<prometheus::Counter>& import_rows;
  prometheus::Gauge& revision;
  prometheus::Gauge& store_bytes;
  prometheus::Gauge& streams;
  prometheus::Gauge& resident;
};

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      families_(std::make_unique<Families>(*registry_)) {}

Metrics::~Metrics() = default;

void Metrics::RecordCall(absl::string_view method, absl::string_view code,
                         absl::Duration duration) {
  families_->calls.Add({{"method", std::string(method)}, {"code", std::string(code)}})
      .Increment();
  families_->durations.Add({{"method", std::string(method)}}, Buckets())
      .Observe(absl::ToDoubleSeconds(duration));
}

void Metrics::CountImportRows(absl::string_view action, int64_t rows) {
  families_->import_rows.Add({{"outcome", std::string(action)}})
      .Increment(static_cast<double>(rows));
}

std::string Metrics::Render(const Readings& now) {
  families_->revision.Set(static_cast<double>(now.revision));
  families_->store_bytes.Set(static_cast<double>(now.store_bytes));
  families_->streams.Set(now.change_streams);
  families_->resident.Set(static_cast<double>(ResidentBytes()));
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

uint64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

uint64_t DirectoryBytes(const std::string& dir) {
  uint64_t bytes = 0;
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error)) {
      const uintmax_t size = it->file_size(size_error);
      if (!size_error) bytes += size;
    }
  }
  return bytes;
}

}  // namespace renkei::metrics
