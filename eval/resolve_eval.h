// Measuring entity resolution on a labelled set of member lists
// (tests/data/resolve and tests/data/resolve_dev: the lists, truth.csv
// naming each row's legal entity; see their README.md).
//
// Every list is imported, in the order truth.csv first names them, into a
// fresh store through the same path renkei-import takes (importer/
// org_rows.h → ingest::Session), and each row ends in the organization it
// was created as or linked to. A row left ambiguous or rejected stands
// alone. Beside it, the baseline: rows are the same entity when their names,
// NFKC-normalized with the legal-form words removed, are equal.
//
// Pairwise precision and recall count the pairs of rows put together (same
// organization) against the pairs that are the same entity. The
// organization count error is (organizations made − entities) / entities.
// Records read that truth.csv does not list, and member rows not read, are
// counted (a set nobody here wrote may have rows the reader gets wrong).
// The set measures; nothing here is tuned against it.
#ifndef RENKEI_EVAL_RESOLVE_EVAL_H_
#define RENKEI_EVAL_RESOLVE_EVAL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace renkei::eval {

struct LinkMetrics {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  int organizations = 0;  // clusters made
  double organization_count_error = 0;
  int ambiguous = 0;  // rows left for a person (resolver only)
  int rejected = 0;
  // Pairs of different entities put into one organization (each pair once).
  int entities_merged = 0;
};

struct ResolveEvaluation {
  // For looking at the mistakes (on a development set): one line per row,
  // "entity file:row → organization (action) name as written".
  std::vector<std::string> rows_explained;
  int rows = 0;
  int entities = 0;
  int lists = 0;
  // Records the reader took for members that truth.csv does not list
  // (totals, notes, headings read as rows): left out of the metrics.
  int non_members_read = 0;
  // Member rows of truth.csv the reader did not give (skipped as
  // non-members): each counted as an organization of its own.
  int members_missed = 0;
  LinkMetrics resolver;
  LinkMetrics baseline;
};

// `dir` holds truth.csv and the lists it names (beside it, or in dir/delivered/).
absl::StatusOr<ResolveEvaluation> EvaluateResolution(const std::string& dir);

}  // namespace renkei::eval

#endif  // RENKEI_EVAL_RESOLVE_EVAL_H_
