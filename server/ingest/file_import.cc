#include "server/ingest/file_import.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "importer/file_rows.h"
#include "importer/table_layout.h"
#include "server/ingest/session.h"
#include "server/util/errors.h"
#include "server/util/status_macros.h"

namespace renkei::ingest {
namespace {

constexpr size_t kBatchRows = 500;

// A private temporary directory, removed with its contents.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "renkei-import-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The file as renkei-import would open it: its own name (the extension says
// how to read it) in a private directory.
absl::StatusOr<std::string> WriteFile(const ScratchDir& dir, const v1::ImportFileRequest& request) {
  const std::string name = std::filesystem::path(request.file_name()).filename().string();
  if (dir.path().empty() || name.empty() || name == "." || name == "..") {
    return InvalidFieldError("file_name", "is not a file name");
  }
  const std::string path = absl::StrCat(dir.path(), "/", name);
  std::ofstream out(path, std::ios::binary);
  out.write(request.content().data(), static_cast<std::streamsize>(request.content().size()));
  if (!out) return absl::InternalError("cannot keep the file for reading");
  return path;
}

v1::FileProblem ProblemOf(const importer::Problem& problem, bool cells, bool warning) {
  v1::FileProblem out;
  out.set_line(problem.line);
  if (problem.column > 0 && cells) out.set_column(importer::ColumnLetters(problem.column));
  out.set_message(problem.Described());
  out.set_warning(warning);
  return out;
}

// The reasons a row is invalid, in one line.
std::string WhyInvalid(const std::vector<importer::Problem>& problems) {
  std::vector<std::string> why;
  for (const importer::Problem& p : problems) why.push_back(p.Described());
  return absl::StrJoin(why, "; ");
}

// Reads every row: the valid ones into `rows`, problems into `response`;
// returns how many rows are invalid. An invalid row goes into `rows` too,
// marked rejected: the session writes nothing of it, reports it, and sync
// ends no membership of an organization it may be.
absl::StatusOr<int> ReadRows(const importer::ImportOptions& options,
                             std::vector<v1::ImportRow>* rows, v1::ImportFileResponse* response) {
  RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<importer::FileRows> file,
                          importer::OpenFileRows(options));
  response->set_layout(file->Describe());
  int invalid = 0;
  importer::ReadRow row;
  while (file->Next(&row)) {
    importer::CheckRecord(options.kind, row);
    for (const importer::Problem& p : row.converted.problems) {
      *response->add_problems() = ProblemOf(p, file->columns_are_cells(), false);
    }
    for (const importer::Problem& p : row.converted.notes) {
      *response->add_problems() = ProblemOf(p, file->columns_are_cells(), true);
    }
    if (!row.converted.problems.empty()) {
      ++invalid;
      row.converted.row.set_rejected(WhyInvalid(row.converted.problems));
      rows->push_back(std::move(row.converted.row));
      continue;
    }
    if (importer::IsOrganizationKind(options.kind) && !row.converted.row.has_organization()) {
      continue;  // a registry row of an older state
    }
    v1::FileRow* shown = response->add_rows();
    shown->set_line(row.line);
    *shown->mutable_row() = row.converted.row;
    rows->push_back(std::move(row.converted.row));
  }
  RENKEI_RETURN_IF_ERROR(file->status());
  return invalid;
}

absl::Status Refuse(int invalid, const v1::ImportFileResponse& response) {
  std::vector<std::string> first;
  for (const v1::FileProblem& p : response.problems()) {
    if (p.warning() || first.size() == 5) continue;
    first.push_back(absl::StrCat("line ", p.line(), p.column().empty() ? "" : " column ",
                                 p.column(), ": ", p.message()));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      invalid, " rows are invalid, so nothing was written (", absl::StrJoin(first, "; "),
      "). Fix them, or import the valid rows and leave them out (skip_invalid)."));
}

}  // namespace

absl::StatusOr<v1::ImportFileResponse> ImportFile(store::Store* store,
                                                  const resolve::Reader* reader,
                                                  ProfileCache* profiles,
                                                  const v1::ImportFileRequest& request,
                                                  const store::Actor& actor) {
  if (request.file_name().empty()) return InvalidFieldError("file_name", "is required");
  if (request.content().empty()) return InvalidFieldError("content", "is empty: no file");
  if (request.header().kind() == v1::IMPORT_KIND_UNSPECIFIED) {
    return InvalidFieldError("header.kind", "is required");
  }
  ScratchDir dir;
  importer::ImportOptions options;
  options.kind = request.header().kind();
  RENKEI_ASSIGN_OR_RETURN(options.file, WriteFile(dir, request));
  options.network = request.header().network();
  options.id_source = std::filesystem::path(request.file_name()).stem().string();
  v1::ImportFileResponse response;
  std::vector<v1::ImportRow> rows;
  RENKEI_ASSIGN_OR_RETURN(const int invalid, ReadRows(options, &rows, &response));
  if (invalid > 0 && !request.header().dry_run() && !request.skip_invalid()) {
    return Refuse(invalid, response);
  }
  v1::ImportHeader header = request.header();
  if (header.source().empty()) header.set_source(request.file_name());
  RENKEI_ASSIGN_OR_RETURN(std::unique_ptr<Session> session,
                          Session::Start(store, reader, header, profiles));
  session->set_actor(actor);
  for (size_t start = 0; start < rows.size(); start += kBatchRows) {
    v1::ImportBatch batch;
    for (size_t i = start; i < std::min(rows.size(), start + kBatchRows); ++i) {
      *batch.add_rows() = std::move(rows[i]);
    }
    v1::ImportResponse answered;
    RENKEI_RETURN_IF_ERROR(session->Apply(batch, &answered));
    for (v1::RowOutcome& outcome : *answered.mutable_outcomes()) {
      *response.add_outcomes() = std::move(outcome);
    }
  }
  v1::ImportResponse last;
  RENKEI_RETURN_IF_ERROR(session->Finish(&last));
  *response.mutable_summary() = last.summary();  // the invalid rows counted as rejected
  return response;
}

}  // namespace renkei::ingest
