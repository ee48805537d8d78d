// resolve_eval DIR: entity resolution on a labelled set of member lists
// (tests/data/resolve), beside the exact-name baseline, in one run. "merged"
// is the number of pairs of different entities put into one organization;
// rows left ambiguous count as unresolved (an organization of their own).
#include <cstdio>
#include <string>

#include "absl/strings/str_format.h"
#include "eval/resolve_eval.h"

int main(int argc, char** argv) {
  const bool explain = argc == 3 && std::string(argv[2]) == "--explain";
  if (argc != 2 && !explain) {
    std::fprintf(stderr,
                 "usage: resolve_eval DIR [--explain]  (a directory with truth.csv and its lists;\n"
                 "--explain prints every row's outcome by entity: for a development set)\n");
    return 2;
  }
  absl::StatusOr<renkei::eval::ResolveEvaluation> r = renkei::eval::EvaluateResolution(argv[1]);
  if (!r.ok()) {
    std::fprintf(stderr, "resolve_eval: %s\n", std::string(r.status().message()).c_str());
    return 1;
  }
  if (explain) {
    for (const std::string& line : r->rows_explained) std::printf("%s\n", line.c_str());
  }
  std::printf("%d lists, %d rows, %d entities; %d records read as members that are not, "
              "%d member rows not read\n",
              r->lists, r->rows, r->entities, r->non_members_read, r->members_missed);
  std::printf("%-10s %9s %9s %9s %8s %10s %9s %8s %8s\n", "", "precision", "recall", "F1", "orgs",
              "org error", "ambiguous", "rejected", "merged");
  auto line = [&](const char* label, const renkei::eval::LinkMetrics& m, bool resolver) {
    const std::string ambiguous =
        resolver ? absl::StrFormat("%d (%.1f%%)", m.ambiguous, 100.0 * m.ambiguous / r->rows) : "-";
    std::printf("%-10s %9.3f %9.3f %9.3f %8d %+9.1f%% %9s %8s %8d\n", label, m.precision, m.recall,
                m.f1, m.organizations, 100 * m.organization_count_error, ambiguous.c_str(),
                resolver ? std::to_string(m.rejected).c_str() : "-", m.entities_merged);
  };
  line("resolver", r->resolver, true);
  line("baseline", r->baseline, false);
  return 0;
}
