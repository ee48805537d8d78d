// What the benchmark programs share: fresh directories for their databases
// and the rate of a workload over repeated runs.
#ifndef RENKEI_BENCH_TIMING_H_
#define RENKEI_BENCH_TIMING_H_

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace renkei::bench {

// An empty path under the temporary directory, unique in this process:
// /tmp/renkei-BENCH-PID-NAME-N.
inline std::string FreshDir(absl::string_view bench, absl::string_view name) {
  static int runs = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   absl::StrCat("renkei-", bench, "-", getpid(), "-", name, "-", ++runs);
  std::filesystem::remove_all(dir);
  return dir.string();
}

// Items per second of `run` (which handles `items` items) over `reps` runs,
// sorted: the median is in the middle, min first, max last.
inline std::vector<double> Rates(int reps, int items, const std::function<void()>& run) {
  std::vector<double> rates;
  for (int rep = 0; rep < reps; ++rep) {
    const auto start = std::chrono::steady_clock::now();
    run();
    rates.push_back(items /
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(rates.begin(), rates.end());
  return rates;
}

}  // namespace renkei::bench

#endif  // RENKEI_BENCH_TIMING_H_
