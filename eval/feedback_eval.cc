#include "eval/feedback_eval.h"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace renkei::eval {
namespace {

// The graded needs in two halves: those that give feedback, those measured.
struct Halves {
  std::vector<std::string> marking;
  EvalSet measured;  // the set with the grades of the measured half only
};

Halves Split(const EvalSet& set) {
  Halves halves;
  halves.measured.seeds = set.seeds;
  halves.measured.needs = set.needs;
  int position = 0;
  for (const EvalNeed& need : set.needs) {
    auto graded = set.grades.find(need.id);
    if (graded == set.grades.end()) continue;
    if (position++ % 2 == 0) {
      halves.marking.push_back(need.id);
    } else {
      halves.measured.grades.insert(*graded);
    }
  }
  return halves;
}

struct Mark {
  std::string need, seed;
  bool useful = false;
};

// What a coordinator would mark in each marking need's top 10.
absl::StatusOr<std::vector<Mark>> Marks(const EvalSet& set, const ServerRanker& ranker,
                                        const std::vector<std::string>& marking) {
  std::vector<Mark> marks;
  for (const std::string& need : marking) {
    absl::StatusOr<std::vector<std::string>> ranking = ranker.Rank(need, false);
    if (!ranking.ok()) return ranking.status();
    const auto& grades = set.grades.at(need);
    for (size_t i = 0; i < ranking->size() && i < 10; ++i) {
      auto grade = grades.find((*ranking)[i]);
      if (grade == grades.end() || grade->second == 1) continue;
      marks.push_back({need, (*ranking)[i], grade->second >= 2});
    }
  }
  return marks;
}

// One run on a fresh server: the measured half before (when `before` is not
// null) and after the marks, every `flip_every`-th flipped (0: none).
absl::Status Run(const EvalSet& set, const Halves& halves, const ServerOptions& base,
                 const std::string& dir, int flip_every, Metrics* before, Metrics* after,
                 int* marks_made, int* flipped) {
  ServerOptions options = base;
  options.data_dir = dir;
  options.listen_address = "127.0.0.1:0";
  options.web.address = "";
  auto server = RenkeiServer::Start(options);
  if (!server.ok()) return server.status();
  absl::Status status = [&]() -> absl::Status {
    auto ranker = ServerRanker::Load((*server)->SystemChannel(), set);
    if (!ranker.ok()) return ranker.status();
    auto rank = [&](const std::string& id) { return (*ranker)->Rank(id, false); };
    if (before != nullptr) {
      absl::StatusOr<Metrics> m = Evaluate(halves.measured, rank);
      if (!m.ok()) return m.status();
      *before = *m;
    }
    absl::StatusOr<std::vector<Mark>> marks = Marks(set, **ranker, halves.marking);
    if (!marks.ok()) return marks.status();
    *marks_made = static_cast<int>(marks->size());
    *flipped = 0;
    for (size_t i = 0; i < marks->size(); ++i) {
      Mark mark = (*marks)[i];
      if (flip_every > 0 && (i + 1) % flip_every == 0) {
        mark.useful = !mark.useful;
        ++*flipped;
      }
      absl::Status recorded = (*ranker)->RecordFeedback(mark.need, mark.seed, mark.useful);
      if (!recorded.ok()) return recorded;
    }
    absl::StatusOr<Metrics> m = Evaluate(halves.measured, rank);
    if (!m.ok()) return m.status();
    *after = *m;
    return absl::OkStatus();
  }();
  (*server)->Shutdown();
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return status;
}

}  // namespace

absl::StatusOr<FeedbackEvaluation> EvaluateFeedback(const EvalSet& set,
                                                    const ServerOptions& options) {
  const Halves halves = Split(set);
  FeedbackEvaluation result;
  result.needs_marking = static_cast<int>(halves.marking.size());
  result.needs_measured = static_cast<int>(halves.measured.grades.size());
  int ignored_flips = 0, wrong_marks = 0;
  absl::Status status = Run(set, halves, options, options.data_dir + "-feedback-right", 0,
                            &result.before, &result.after, &result.marks, &ignored_flips);
  if (!status.ok()) return status;
  status = Run(set, halves, options, options.data_dir + "-feedback-wrong", 10, nullptr,
               &result.after_wrong, &wrong_marks, &result.marks_flipped);
  if (!status.ok()) return status;
  return result;
}

}  // namespace renkei::eval
