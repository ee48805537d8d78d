// match_eval: ranking quality of the matcher on a labelled set, beside a
// plain BM25 baseline computed in the same run.
//
//   build/eval/match_eval tests/data/match/seeds.jsonl tests/data/match/needs.jsonl
//       tests/data/match/qrels.tsv [--thesaurus_dir data/thesaurus]
//       [--distractors 0,100000,1000000] [--rankings FILE] [--misses] [--feedback]
//
// Starts a renkei server on a temporary data directory, loads the seeds (with
// their institutions and researchers) and the needs (with their companies)
// through the API, asks SuggestForNeed for each graded need, and prints
// nDCG@10 (graded), recall@10 and MRR (relevant = grade ≥ 1, as trec_eval
// counts; the same for grade ≥ 2 beside them) for: the matcher, the matcher
// without the thesaurus, and the baseline (character bigrams of NFKC text,
// BM25, no thesaurus, no graph).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "eval/feedback_eval.h"
#include "eval/match_eval.h"
#include "eval/scale_eval.h"
#include "server/server.h"

ABSL_FLAG(std::string, thesaurus_dir, "", "thesaurus directory (default: the server's default)");
ABSL_FLAG(std::string, analyzer, "words", "the server's analyzer: words or bigram");
ABSL_FLAG(std::string, distractors, "",
          "numbers of generated seeds to load beside the set, e.g. 0,100000,1000000: the "
          "matcher's figures for each, side by side (instead of the usual report)");
ABSL_FLAG(std::string, rankings, "",
          "also write every need's suggestions (rank, seed, score, reason; with and without "
          "the thesaurus) to this file, to compare two builds");
ABSL_FLAG(bool, feedback, false,
          "simulate coordinators: marks from the grades on half of the needs, the other half "
          "measured before and after (and after marks a tenth of which are wrong; "
          "eval/feedback_eval.h), instead of the usual report");
ABSL_FLAG(bool, misses, false,
          "also list, need by need, the relevant seeds the matcher leaves out of its top 10 "
          "(with their grade and rank in both rankers): for development sets only");

namespace {

// The relevant seeds of each need that the matcher's top 10 lacks.
void PrintMisses(const renkei::eval::EvalSet& set, const renkei::eval::Ranker& matcher,
                 const renkei::eval::Ranker& baseline) {
  std::map<std::string, std::string> titles;
  for (const auto& seed : set.seeds) titles[seed.id] = seed.title;
  for (const auto& need : set.needs) {
    auto graded = set.grades.find(need.id);
    if (graded == set.grades.end()) continue;
    auto ours = matcher(need.id);
    auto theirs = baseline(need.id);
    if (!ours.ok() || !theirs.ok()) continue;
    auto rank_in = [](const std::vector<std::string>& ranking, const std::string& id) {
      auto it = std::find(ranking.begin(), ranking.end(), id);
      return it == ranking.end() ? std::string("-")
                                 : absl::StrCat(it - ranking.begin() + 1);
    };
    std::vector<std::string> lines;
    for (const auto& [seed, grade] : graded->second) {
      if (grade == 0) continue;
      const std::string rank = rank_in(*ours, seed);
      if (rank != "-" && std::stoi(rank) <= 10) continue;
      lines.push_back(absl::StrCat("  missed ", seed, " (grade ", grade, ", matcher rank ", rank,
                                   ", baseline rank ", rank_in(*theirs, seed), ") ",
                                   titles[seed]));
    }
    if (lines.empty()) continue;
    std::printf("%s %s\n", need.id.c_str(), need.title.c_str());
    for (size_t i = 0; i < ours->size() && i < 10; ++i) {
      const std::string& id = (*ours)[i];
      auto g = graded->second.find(id);
      std::printf("  %2zu %s g%s %s\n", i + 1, id.c_str(),
                  g == graded->second.end() ? "-" : absl::StrCat(g->second).c_str(),
                  titles[id].c_str());
    }
    for (const std::string& line : lines) std::printf("%s\n", line.c_str());
  }
}

// Writes every need's suggestions to `path`; false (and says why) on error.
bool WriteRankings(const renkei::eval::EvalSet& set, const renkei::eval::ServerRanker& ranker,
                   const std::string& path) {
  std::string out;
  for (const bool without_thesaurus : {false, true}) {
    absl::StrAppend(&out, without_thesaurus ? "# without thesaurus\n" : "# with thesaurus\n");
    for (const auto& need : set.needs) {
      absl::StatusOr<std::string> lines = ranker.Describe(need.id, without_thesaurus);
      if (!lines.ok()) {
        std::fprintf(stderr, "match_eval: %s\n", std::string(lines.status().message()).c_str());
        return false;
      }
      absl::StrAppend(&out, *lines);
    }
  }
  std::ofstream file(path, std::ios::binary);
  file << out;
  if (!file.good()) {
    std::fprintf(stderr, "match_eval: cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

// match_eval --feedback: the measured half before and after feedback.
int RunFeedback(const renkei::eval::EvalSet& set, const renkei::ServerOptions& options) {
  auto r = renkei::eval::EvaluateFeedback(set, options);
  if (!r.ok()) {
    std::fprintf(stderr, "match_eval: %s\n", std::string(r.status().message()).c_str());
    return 1;
  }
  std::printf("match_eval --feedback: %d needs give feedback (%d marks), %d needs measured\n",
              r->needs_marking, r->marks, r->needs_measured);
  std::printf("%-34s %8s %10s %8s %16s\n", "measured half", "nDCG@10", "recall@10", "MRR",
              "recall@10 (>=2)");
  auto print = [](const std::string& name, const renkei::eval::Metrics& m) {
    std::printf("%-34s %8.3f %10.3f %8.3f %16.3f\n", name.c_str(), m.ndcg_at_10, m.recall_at_10,
                m.mrr, m.recall_at_10_strong);
  };
  print("no feedback", r->before);
  print("after the feedback", r->after);
  print(absl::StrCat("after it, ", r->marks_flipped, " marks wrong"), r->after_wrong);
  std::printf("gain: nDCG@10 %+.3f, recall@10 %+.3f, MRR %+.3f; with wrong marks: %+.3f, "
              "%+.3f, %+.3f\n",
              r->after.ndcg_at_10 - r->before.ndcg_at_10,
              r->after.recall_at_10 - r->before.recall_at_10, r->after.mrr - r->before.mrr,
              r->after_wrong.ndcg_at_10 - r->before.ndcg_at_10,
              r->after_wrong.recall_at_10 - r->before.recall_at_10,
              r->after_wrong.mrr - r->before.mrr);
  return 0;
}

// match_eval --distractors: the figures at each number of distractors.
int RunAtScale(const renkei::eval::EvalSet& set, const std::string& list,
               const renkei::ServerOptions& options) {
  std::vector<int> counts;
  for (absl::string_view item : absl::StrSplit(list, ',', absl::SkipWhitespace())) {
    int count;
    if (!absl::SimpleAtoi(item, &count) || count < 0) {
      std::fprintf(stderr, "match_eval: --distractors wants numbers, not \"%s\"\n",
                   std::string(item).c_str());
      return 2;
    }
    counts.push_back(count);
  }
  auto points = renkei::eval::EvaluateAtScale(set, counts, options);
  if (!points.ok()) {
    std::fprintf(stderr, "match_eval: %s\n", std::string(points.status().message()).c_str());
    return 1;
  }
  std::printf("match_eval: %zu seeds, %zu needs; the matcher among generated seeds\n",
              set.seeds.size(), set.needs.size());
  renkei::eval::PrintScale(*points);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 4) {
    std::fprintf(stderr, "usage: match_eval SEEDS.jsonl NEEDS.jsonl QRELS.tsv\n");
    return 2;
  }
  absl::StatusOr<renkei::eval::EvalSet> set = renkei::eval::LoadEvalSet(args[1], args[2], args[3]);
  if (!set.ok()) {
    std::fprintf(stderr, "match_eval: %s\n", std::string(set.status().message()).c_str());
    return 1;
  }
  const std::string dir = (std::filesystem::temp_directory_path() /
                           absl::StrCat("renkei-match-eval-", getpid())).string();
  renkei::ServerOptions options;
  options.data_dir = dir;
  options.listen_address = "127.0.0.1:0";
  options.analyzer = absl::GetFlag(FLAGS_analyzer);
  if (!absl::GetFlag(FLAGS_thesaurus_dir).empty()) {
    options.thesaurus_dir = absl::GetFlag(FLAGS_thesaurus_dir);
  }
  if (!absl::GetFlag(FLAGS_distractors).empty()) {
    return RunAtScale(*set, absl::GetFlag(FLAGS_distractors), options);
  }
  if (absl::GetFlag(FLAGS_feedback)) return RunFeedback(*set, options);
  auto server = renkei::RenkeiServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "match_eval: %s\n", std::string(server.status().message()).c_str());
    return 1;
  }
  int exit_code = 0;
  {
    auto ranker = renkei::eval::ServerRanker::Load((*server)->SystemChannel(), *set);
    if (!ranker.ok()) {
      std::fprintf(stderr, "match_eval: %s\n", std::string(ranker.status().message()).c_str());
      exit_code = 1;
    } else {
      renkei::eval::Bm25Baseline baseline(*set);
      std::printf("match_eval: %zu seeds, %zu needs\n", set->seeds.size(), set->needs.size());
      std::printf("%-28s %8s %10s %8s %16s %10s\n", "ranker", "nDCG@10", "recall@10", "MRR",
                  "recall@10 (>=2)", "MRR (>=2)");
      auto print = [](const char* name, const renkei::eval::Metrics& m) {
        std::printf("%-28s %8.3f %10.3f %8.3f %16.3f %10.3f\n", name, m.ndcg_at_10,
                    m.recall_at_10, m.mrr, m.recall_at_10_strong, m.mrr_strong);
      };
      auto matcher = renkei::eval::Evaluate(
          *set, [&](const std::string& id) { return (*ranker)->Rank(id, false); });
      auto plain = renkei::eval::Evaluate(
          *set, [&](const std::string& id) { return (*ranker)->Rank(id, true); });
      auto bm25 = renkei::eval::Evaluate(
          *set, [&](const std::string& id) -> absl::StatusOr<std::vector<std::string>> {
            return baseline.Rank(id);
          });
      if (!matcher.ok() || !plain.ok() || !bm25.ok()) {
        std::fprintf(stderr, "match_eval: evaluation failed\n");
        exit_code = 1;
      } else {
        print("matcher", *matcher);
        print("matcher without thesaurus", *plain);
        print("baseline BM25 (bigrams)", *bm25);
        std::printf("difference (matcher - baseline): nDCG@10 %+.3f, recall@10 %+.3f, MRR %+.3f\n",
                    matcher->ndcg_at_10 - bm25->ndcg_at_10,
                    matcher->recall_at_10 - bm25->recall_at_10, matcher->mrr - bm25->mrr);
        std::printf("needs graded: %d; with a grade >= 2 seed: %d\n", matcher->needs_graded,
                    matcher->needs_with_strong);
        if (!absl::GetFlag(FLAGS_rankings).empty() &&
            !WriteRankings(*set, **ranker, absl::GetFlag(FLAGS_rankings))) {
          exit_code = 1;
        }
        if (absl::GetFlag(FLAGS_misses)) {
          PrintMisses(
              *set, [&](const std::string& id) { return (*ranker)->Rank(id, false); },
              [&](const std::string& id) -> absl::StatusOr<std::vector<std::string>> {
                return baseline.Rank(id);
              });
        }
      }
    }
  }
  (*server)->Shutdown();
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return exit_code;
}
