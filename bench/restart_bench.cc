// restart_bench: how long the store takes to open again after many creates,
// and how much write-ahead log it finds.
//
// Workloads (each on a fresh database of --records companies written by
// Store::Create, then closed; each of --reps opens is timed on a fresh copy
// of that closed directory, since an open that replays the log leaves none
// for the next; the copy leaves its files in the page cache, for every
// workload alike):
//   bounded    the store as configured: the log kept near 64 MiB
//              (max_wal_bytes) and every memtable flushed on close.
//   capped     the cap without the flush on close: what a start after a
//              crash (kill -9) finds, the log bounded by the cap alone.
//   unbounded  the store as it was before (issue 14): no cap on the log and
//              no flush on close, so the next open replays the log.
//
// Prints, per workload, the log and table bytes on disk after close and the
// median time to open (min, max).
//
//   bench/restart_bench [--records 100000] [--reps 3] [--smoke]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/synchronization/mutex.h"
#include "bench/synthetic.h"
#include "bench/timing.h"
#include "renkei/v1/organization.pb.h"
#include "server/records/validate.h"
#include "server/store/store.h"

ABSL_FLAG(int, records, 100000, "companies created before the restart");
ABSL_FLAG(int, reps, 3, "opens timed per workload");
ABSL_FLAG(bool, smoke, false, "tiny sizes: check that the benchmark works");

namespace {

struct DiskBytes {
  uint64_t log = 0;
  uint64_t tables = 0;
};

DiskBytes Measure(const std::string& dir) {
  DiskBytes bytes;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".log") bytes.log += entry.file_size();
    if (entry.path().extension() == ".sst") bytes.tables += entry.file_size();
  }
  return bytes;
}

// Fills a fresh database, closes it, and times opening it `reps` times.
bool Run(const char* name, const renkei::store::StoreOptions& options, int records, int reps) {
  const std::string dir = renkei::bench::FreshDir("restart-bench", name);
  {
    auto store = renkei::store::Store::Open(options, dir);
    if (!store.ok()) return false;
    for (int i = 0; i < records; ++i) {
      renkei::v1::Organization record = renkei::bench::SyntheticCompany(i);
      renkei::records::PrepareForCreate(&record);
      if (!(*store)->Create(&record, "", renkei::store::Actor::System()).ok()) return false;
    }
  }
  const DiskBytes after_close = Measure(dir);
  std::vector<double> seconds;
  bool ok = true;
  const std::string copy = dir + "-copy";
  for (int rep = 0; rep < reps; ++rep) {
    std::filesystem::remove_all(copy);
    std::filesystem::copy(dir, copy, std::filesystem::copy_options::recursive);
    const auto start = std::chrono::steady_clock::now();
    auto store = renkei::store::Store::Open(options, copy);
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    ok &= store.ok();
  }
  std::filesystem::remove_all(copy);
  std::sort(seconds.begin(), seconds.end());
  std::printf("%-10s %10.1f %10.1f %9.3f %9.3f %9.3f\n", name, after_close.log / 1048576.0,
              after_close.tables / 1048576.0, seconds[seconds.size() / 2], seconds.front(),
              seconds.back());
  std::filesystem::remove_all(dir);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const bool smoke = absl::GetFlag(FLAGS_smoke);
  const int records = smoke ? 200 : absl::GetFlag(FLAGS_records);
  const int reps = smoke ? 1 : absl::GetFlag(FLAGS_reps);
  std::printf("restart_bench: %d companies created, then %d opens\n", records, reps);
  std::printf("%-10s %10s %10s %9s %9s %9s\n", "workload", "log MiB", "tables MiB", "open s",
              "min", "max");
  renkei::store::StoreOptions bounded;
  renkei::store::StoreOptions capped;
  capped.flush_on_close = false;
  renkei::store::StoreOptions unbounded;
  unbounded.max_wal_bytes = 0;  // RocksDB's default: no cap of its own
  unbounded.flush_on_close = false;
  const bool ok = Run("bounded", bounded, records, reps) &&
                  Run("capped", capped, records, reps) &&
                  Run("unbounded", unbounded, records, reps);
  if (!ok) std::fprintf(stderr, "restart_bench: some operations failed\n");
  return ok ? 0 : 1;
}
