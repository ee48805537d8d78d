#include "eval/scale_eval.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "eval/distractors.h"
#include "server/server.h"

namespace renkei::eval {
namespace {

using Clock = std::chrono::steady_clock;

double Percentile(std::vector<double> values, size_t percent) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, values.size() * percent / 100)];
}

absl::StatusOr<ScalePoint> EvaluateOnce(const EvalSet& set, int count, ServerOptions options) {
  options.data_dir = absl::StrCat(options.data_dir, "-", count);
  auto server = RenkeiServer::Start(options);
  if (!server.ok()) return server.status();
  ScalePoint point;
  point.distractors = count;
  absl::Status status;
  {
    const auto start = Clock::now();
    status = LoadDistractors(&(*server)->store(), count);
    point.load_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (status.ok()) {
      auto ranker = ServerRanker::Load((*server)->SystemChannel(), set);
      if (!ranker.ok()) {
        status = ranker.status();
      } else {
        std::vector<double> ms;
        absl::StatusOr<Metrics> metrics = Evaluate(set, [&](const std::string& id) {
          const auto call = Clock::now();
          auto ranked = (*ranker)->Rank(id, false);
          ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - call).count());
          return ranked;
        });
        if (metrics.ok()) {
          point.matcher = *metrics;
          point.p50_ms = Percentile(ms, 50);
          point.p99_ms = Percentile(ms, 99);
        }
        status = metrics.status();
      }
    }
  }
  (*server)->Shutdown();
  std::error_code ignored;
  std::filesystem::remove_all(options.data_dir, ignored);
  if (!status.ok()) return status;
  return point;
}

}  // namespace

absl::StatusOr<std::vector<ScalePoint>> EvaluateAtScale(const EvalSet& set,
                                                        const std::vector<int>& counts,
                                                        const ServerOptions& options) {
  std::vector<ScalePoint> points;
  for (int count : counts) {
    absl::StatusOr<ScalePoint> point = EvaluateOnce(set, count, options);
    if (!point.ok()) return point.status();
    std::fprintf(stderr, "match_eval: %d distractors loaded in %.0f s\n", count,
                 point->load_seconds);
    points.push_back(*point);
  }
  return points;
}

void PrintScale(const std::vector<ScalePoint>& points) {
  if (points.empty()) return;
  std::printf("%-26s", "distractors");
  for (const ScalePoint& p : points) std::printf(" %12d", p.distractors);
  std::printf("\n");
  const ScalePoint& first = points.front();
  auto row = [&](const char* name, double Metrics::*field) {
    std::printf("%-26s", name);
    for (const ScalePoint& p : points) std::printf(" %12.3f", p.matcher.*field);
    std::printf("   (last/first %.1f%%)\n",
                first.matcher.*field > 0 ? 100.0 * points.back().matcher.*field /
                                               (first.matcher.*field)
                                         : 0.0);
  };
  row("nDCG@10", &Metrics::ndcg_at_10);
  row("recall@10", &Metrics::recall_at_10);
  row("MRR", &Metrics::mrr);
  row("recall@10 (>=2)", &Metrics::recall_at_10_strong);
  row("MRR (>=2)", &Metrics::mrr_strong);
  std::printf("%-26s", "SuggestForNeed p50 ms");
  for (const ScalePoint& p : points) std::printf(" %12.2f", p.p50_ms);
  std::printf("\n%-26s", "SuggestForNeed p99 ms");
  for (const ScalePoint& p : points) std::printf(" %12.2f", p.p99_ms);
  std::printf("\n(times over the in-process channel, page_size 10, one call per graded need)\n");
}

}  // namespace renkei::eval
