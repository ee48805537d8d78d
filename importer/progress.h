// A progress bar on a terminal: "[#######·····]  58% 58,000/100,000 rows
// 12,345 rows/s ETA 0:03", redrawn at most ten times a second on stderr.
// Does nothing when stderr is not a terminal (a script, a log file).
#ifndef RENKEI_IMPORTER_PROGRESS_H_
#define RENKEI_IMPORTER_PROGRESS_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace renkei::importer {

class Progress {
 public:
  // `total`: the rows to do (0 when unknown); `label`: what is being done.
  Progress(int64_t total, std::string label, bool enabled);
  ~Progress() { Done(); }

  void Update(int64_t done);
  // Clears the line.
  void Done();

  // "12,345"
  static std::string Grouped(int64_t n);

 private:
  const int64_t total_;
  const std::string label_;
  const bool enabled_;
  const absl::Time start_;
  absl::Time last_draw_ = absl::InfinitePast();
  bool drawn_ = false;
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_PROGRESS_H_
