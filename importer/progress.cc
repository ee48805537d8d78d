#include "importer/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace renkei::importer {

Progress::Progress(int64_t total, std::string label, bool enabled)
    : total_(total), label_(std::move(label)), enabled_(enabled && isatty(STDERR_FILENO) != 0),
      start_(absl::Now()) {}

std::string Progress::Grouped(int64_t n) {
  std::string digits = absl::StrCat(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

void Progress::Update(int64_t done) {
  if (!enabled_) return;
  const absl::Time now = absl::Now();
  if (now - last_draw_ < absl::Milliseconds(100) && done < total_) return;
  last_draw_ = now;
  const double seconds = absl::ToDoubleSeconds(now - start_);
  const double rate = seconds > 0 ? done / seconds : 0;
  std::string line = label_;
  if (total_ > 0) {
    constexpr int kWidth = 24;
    const double share = std::min(1.0, static_cast<double>(done) / total_);
    const int filled = static_cast<int>(share * kWidth);
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    absl::StrAppend(&line, " [", bar, "] ", absl::StrFormat("%3d%%", static_cast<int>(share * 100)),
                    " ", Grouped(done), "/", Grouped(total_), " rows");
    if (rate > 0) {
      const int64_t left = static_cast<int64_t>((total_ - done) / rate);
      absl::StrAppend(&line, " ", Grouped(static_cast<int64_t>(rate)), " rows/s ETA ",
                      absl::StrFormat("%d:%02d", left / 60, left % 60));
    }
  } else {
    absl::StrAppend(&line, " ", Grouped(done), " rows");
  }
  std::fprintf(stderr, "\r%s\033[K", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Done() {
  if (drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace renkei::importer
