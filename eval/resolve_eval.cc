#include "eval/resolve_eval.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "importer/org_rows.h"
#include "importer/row_source.h"
#include "renkei/v1/import.pb.h"
#include "server/ingest/session.h"
#include "server/resolve/reading.h"
#include "server/store/store.h"
#include "server/text/normalize.h"

namespace renkei::eval {
namespace {

using RowKey = std::pair<std::string, int>;  // file, row

struct Truth {
  std::vector<std::string> files;  // in order of first appearance
  std::map<RowKey, std::string> entity;
};

absl::StatusOr<Truth> ReadTruth(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  Truth truth;
  std::string line;
  std::getline(in, line);  // header
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells = absl::StrSplit(line, ',');
    int row = 0;
    if (cells.size() < 3 || !absl::SimpleAtoi(cells[1], &row)) {
      return absl::InvalidArgumentError(absl::StrCat(path, ": line ", number, ": not file,row,entity"));
    }
    if (std::find(truth.files.begin(), truth.files.end(), cells[0]) == truth.files.end()) {
      truth.files.push_back(cells[0]);
    }
    truth.entity[{cells[0], row}] = cells[2];
  }
  return truth;
}

// A list of the set: beside truth.csv, or in its delivered/ folder (where a
// set that also keeps the lists' sources puts the files as sent).
std::string ListPath(const std::string& dir, const std::string& file) {
  const std::string delivered = absl::StrCat(dir, "/delivered/", file);
  return std::filesystem::exists(delivered) ? delivered : absl::StrCat(dir, "/", file);
}

LinkMetrics Pairwise(const Truth& truth, const std::map<RowKey, std::string>& predicted) {
  // Pairs within predicted clusters, within true clusters, and within both.
  std::map<std::string, std::vector<RowKey>> clusters;
  for (const auto& [key, label] : predicted) clusters[label].push_back(key);
  std::map<std::string, int64_t> true_sizes;
  for (const auto& [key, entity] : truth.entity) ++true_sizes[entity];
  int64_t predicted_pairs = 0, true_pairs = 0, both = 0;
  std::set<std::pair<std::string, std::string>> merged;
  for (const auto& [label, rows] : clusters) {
    const int64_t n = static_cast<int64_t>(rows.size());
    predicted_pairs += n * (n - 1) / 2;
    std::map<std::string, int64_t> by_entity;
    for (const RowKey& row : rows) ++by_entity[truth.entity.at(row)];
    for (const auto& [entity, k] : by_entity) both += k * (k - 1) / 2;
    for (auto a = by_entity.begin(); a != by_entity.end(); ++a) {
      for (auto b = std::next(a); b != by_entity.end(); ++b) merged.emplace(a->first, b->first);
    }
  }
  for (const auto& [entity, n] : true_sizes) true_pairs += n * (n - 1) / 2;
  LinkMetrics m;
  m.precision = predicted_pairs > 0 ? static_cast<double>(both) / predicted_pairs : 1.0;
  m.recall = true_pairs > 0 ? static_cast<double>(both) / true_pairs : 1.0;
  m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
  m.organizations = static_cast<int>(clusters.size());
  m.organization_count_error =
      (static_cast<double>(m.organizations) - true_sizes.size()) / true_sizes.size();
  m.entities_merged = static_cast<int>(merged.size());
  return m;
}

}  // namespace

absl::StatusOr<ResolveEvaluation> EvaluateResolution(const std::string& dir) {
  absl::StatusOr<Truth> truth = ReadTruth(dir + "/truth.csv");
  if (!truth.ok()) return truth.status();

  char pattern[] = "/tmp/renkei-resolve-eval-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return absl::InternalError("cannot make a temporary directory");
  const std::string db_dir = pattern;
  struct Cleanup {
    std::string path;
    ~Cleanup() { std::filesystem::remove_all(path); }
  } cleanup{db_dir};
  store::StoreOptions store_options;
  store_options.analyzer = text::AnalyzerKind::kBigram;  // search is not measured here
  absl::StatusOr<std::unique_ptr<store::Store>> store = store::Store::Open(store_options, db_dir + "/db");
  if (!store.ok()) return store.status();
  absl::StatusOr<std::unique_ptr<resolve::Reader>> reader = resolve::Reader::Create();
  if (!reader.ok()) return reader.status();

  std::map<RowKey, std::string> resolved, baseline, explained;
  ResolveEvaluation result;
  for (const std::string& file : truth->files) {
    v1::ImportHeader header;
    header.set_kind(v1::IMPORT_KIND_ORGANIZATIONS);
    header.set_source(file);
    absl::StatusOr<std::unique_ptr<ingest::Session>> session =
        ingest::Session::Start(store->get(), reader->get(), header);
    if (!session.ok()) return session.status();
    auto source = importer::OpenFile(ListPath(dir, file), importer::ColumnRules(),
                                     importer::ReadOptions());
    if (!source.ok()) return source.status();
    importer::MappedRow row;
    v1::ImportBatch batch;
    std::vector<v1::RowOutcome> outcomes;
    auto apply = [&]() -> absl::Status {
      if (batch.rows().empty()) return absl::OkStatus();
      v1::ImportResponse response;
      absl::Status applied = (*session)->Apply(batch, &response);
      if (!applied.ok()) return applied;
      for (const v1::RowOutcome& o : response.outcomes()) outcomes.push_back(o);
      batch.clear_rows();
      return absl::OkStatus();
    };
    while ((*source)->Next(&row)) {
      importer::Converted converted = importer::ConvertOrganizationRow(row, {});
      const RowKey key{file, row.number};
      if (!truth->entity.contains(key)) {
        ++result.non_members_read;
        continue;
      }
      explained[key] = row.value(importer::Field::kName);
      baseline[key] = text::StripLegalForm(text::NormalizeText(row.value(importer::Field::kName)));
      if (!converted.problems.empty()) {
        resolved[key] = absl::StrCat("rejected:", file, ":", row.number);
        ++result.resolver.rejected;
        continue;
      }
      *batch.add_rows() = std::move(converted.row);
      if (batch.rows_size() >= 1000) {
        absl::Status applied = apply();
        if (!applied.ok()) return applied;
      }
    }
    if (!(*source)->status().ok()) return (*source)->status();
    absl::Status applied = apply();
    if (!applied.ok()) return applied;
    v1::ImportResponse last;
    absl::Status finished = (*session)->Finish(&last);
    if (!finished.ok()) return finished;
    for (const v1::RowOutcome& o : outcomes) {
      const RowKey key{file, static_cast<int>(o.row())};
      explained[key] = absl::StrCat(o.name(), " ", o.action(), " ", explained[key], "  ",
                                    o.evidence(), " ", o.score());
      switch (o.action()) {
        case v1::IMPORT_ACTION_CREATED:
        case v1::IMPORT_ACTION_LINKED:
        case v1::IMPORT_ACTION_UPDATED:
          resolved[key] = o.name();
          break;
        case v1::IMPORT_ACTION_AMBIGUOUS:
          ++result.resolver.ambiguous;
          resolved[key] = absl::StrCat("ambiguous:", file, ":", o.row());
          break;
        default:
          ++result.resolver.rejected;
          resolved[key] = absl::StrCat("rejected:", file, ":", o.row());
      }
    }
    ++result.lists;
  }
  for (const auto& [key, entity] : truth->entity) {
    if (resolved.contains(key)) continue;
    ++result.members_missed;
    resolved[key] = absl::StrCat("missed:", key.first, ":", key.second);
    baseline[key] = resolved[key];
    explained[key] = "(not read as a member)";
  }
  const int ambiguous = result.resolver.ambiguous, rejected = result.resolver.rejected;
  result.resolver = Pairwise(*truth, resolved);
  result.resolver.ambiguous = ambiguous;
  result.resolver.rejected = rejected;
  result.baseline = Pairwise(*truth, baseline);
  result.rows = static_cast<int>(truth->entity.size());
  for (const auto& [key, entity] : truth->entity) {
    result.rows_explained.push_back(
        absl::StrCat(entity, " ", key.first, ":", key.second, " → ", explained[key]));
  }
  std::sort(result.rows_explained.begin(), result.rows_explained.end());
  std::set<std::string> entities;
  for (const auto& [key, entity] : truth->entity) entities.insert(entity);
  result.entities = static_cast<int>(entities.size());
  return result;
}

}  // namespace renkei::eval
