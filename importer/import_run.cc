#include "importer/import_run.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "cli/exit_codes.h"
#include "importer/file_rows.h"
#include "importer/fingerprint.h"
#include "importer/network_lookup.h"
#include "importer/progress.h"
#include "importer/report.h"
#include "importer/review_file.h"
#include "importer/summary.h"
#include "importer/table_layout.h"
#include "importer/upload.h"

namespace renkei::importer {
namespace {

using cli::kExitConflict;
using cli::kExitInvalid;
using cli::kExitOk;
using cli::kExitUsage;

struct KindWord {
  absl::string_view word;
  v1::ImportKind kind;
};
constexpr KindWord kKinds[] = {
    {"members", v1::IMPORT_KIND_MEMBERS},
    {"organizations", v1::IMPORT_KIND_ORGANIZATIONS},
    {"people", v1::IMPORT_KIND_PEOPLE},
    {"seeds", v1::IMPORT_KIND_SEEDS},
    {"needs", v1::IMPORT_KIND_NEEDS},
    {"collaborations", v1::IMPORT_KIND_COLLABORATIONS},
    {"registry", v1::IMPORT_KIND_CORPORATE_REGISTRY},
};

std::string Where(const std::string& file, const Problem& p, bool cells) {
  return absl::StrCat(file, ": ", p.ToString(cells));
}

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string Stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// What a row is remembered by until its outcome comes back.
struct Pending {
  int line = 0;
  std::string written;  // the name as written
  std::string hash;     // the row's (fingerprint.h)
  std::string raw;      // with skip_invalid: the row as written
  std::string notes;
  bool reported = false;  // invalid here: its problems are printed already
};

// One run of renkei-import (RunImport). Each phase returns an exit code;
// kExitOk goes on to the next.
class Run {
 public:
  Run(const ImportOptions& options, std::ostream& out, std::ostream& err)
      : options_(options), out_(out), err_(err), start_(absl::Now()) {}
  int Execute();

 private:
  int Fail(const absl::Status& status);
  int Prepare();
  int OpenReport();
  int CheckFile();
  void NoteRowsThatAreNotMembers(const std::vector<SkippedRow>& skipped);
  int RefuseInvalidFile();
  int ApplyReview();
  int CheckRecordsOnServer();
  int Stream();
  int SendRow(ReadRow& row, Upload& upload);
  void OnResponse(const v1::ImportResponse& response);
  void OnOutcome(const v1::RowOutcome& o, Pending& p);
  int FailedUpload(const absl::Status& status);
  int Finish(const v1::ImportSummary& summary);
  absl::Status RejectedRow(const std::string& raw, const std::string& why);

  ImportOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  const absl::Time start_;
  bool cells_ = true;  // problems' columns are cells (not JSON characters)
  std::string header_raw_;
  int64_t total_ = 0;
  std::vector<std::string> problems_;
  std::map<int64_t, std::string> invalid_;  // row → why
  std::map<int64_t, int> invalid_lines_;
  ListFingerprint fingerprint_;
  v1::ImportHeader header_;
  std::unique_ptr<CsvFile> report_, review_, rejected_file_;
  std::string review_path_, rejected_path_;
  std::map<int64_t, Pending> pending_;
  int64_t done_ = 0;
  std::unique_ptr<Progress> progress_;
  absl::Status file_error_;
};

int Run::Fail(const absl::Status& status) {
  err_ << "renkei-import: " << status.message() << "\n";
  if (report_ != nullptr) {
    report_->Write({options_.file, "", "", "failed", "", "", "", "", "", "",
                    std::string(status.message())});
    (void)report_->Close();
    report_.reset();
  }
  return static_cast<int>(cli::ExitCodeOf(status));
}

int Run::Execute() {
  for (int (Run::*phase)() : {&Run::Prepare, &Run::OpenReport, &Run::CheckFile,
                              &Run::RefuseInvalidFile, &Run::ApplyReview,
                              &Run::CheckRecordsOnServer, &Run::Stream}) {
    if (const int code = (this->*phase)(); code != kExitOk) return code;
  }
  return kExitOk;
}

int Run::Prepare() {
  if (options_.kind == v1::IMPORT_KIND_MEMBERS && options_.network.empty()) {
    err_ << "renkei-import: members: --network is required (networks/N, N or the network's "
            "name)\n";
    return kExitUsage;
  }
  if (options_.sync && options_.kind != v1::IMPORT_KIND_MEMBERS) {
    err_ << "renkei-import: --sync applies to member lists only\n";
    return kExitUsage;
  }
  if (options_.source.empty()) options_.source = BaseName(options_.file);
  if (options_.id_source.empty()) options_.id_source = Stem(options_.file);
  review_path_ = options_.review_out.empty() ? absl::StrCat(Stem(options_.file), ".review.csv")
                                             : options_.review_out;
  rejected_path_ = options_.rejected_out.empty()
                       ? absl::StrCat(Stem(options_.file), ".rejected.csv")
                       : options_.rejected_out;
  if (!options_.network.empty()) {
    absl::StatusOr<std::string> network = FindNetwork(options_.connection, options_.network);
    if (!network.ok()) return Fail(network.status());
    if (*network != options_.network && !absl::StrContains(options_.network, "/") &&
        !std::all_of(options_.network.begin(), options_.network.end(), ::isdigit)) {
      out_ << "network: 「" << options_.network << "」 is " << *network << "\n";
    }
    options_.network = *network;
  }
  return kExitOk;
}

int Run::OpenReport() {
  if (options_.report.empty()) return kExitOk;
  auto created = CsvFile::Create(options_.report, ReportHeader());
  if (!created.ok()) return Fail(created.status());
  report_ = *std::move(created);
  return kExitOk;
}

int Run::CheckFile() {
  absl::StatusOr<std::unique_ptr<FileRows>> rows = OpenFileRows(options_);
  if (!rows.ok()) return Fail(rows.status());
  out_ << options_.file << ": " << (*rows)->Describe();
  cells_ = (*rows)->columns_are_cells();
  header_raw_ = std::string((*rows)->header_raw());
  ReadRow row;
  while ((*rows)->Next(&row)) {
    ++total_;
    CheckRecord(options_.kind, row);
    const int64_t number = row.converted.row.row();
    if (!row.hash.empty()) {
      fingerprint_.Add(number, row.hash, row.converted.row.organization().display_name());
    }
    for (const Problem& p : row.converted.problems) {
      problems_.push_back(Where(options_.file, p, cells_));
      std::string& why = invalid_[number];
      if (!why.empty()) why += "; ";
      why += p.message;
      invalid_lines_[number] = row.line;
    }
  }
  if (!(*rows)->status().ok()) return Fail((*rows)->status());
  NoteRowsThatAreNotMembers((*rows)->skipped());
  if (options_.sync && total_ == 0) {
    return Fail(absl::InvalidArgumentError(absl::StrCat(
        options_.file, ": the list has no data rows; --sync would end every membership of ",
        options_.network, " it came from, so nothing was written")));
  }
  return kExitOk;
}

void Run::NoteRowsThatAreNotMembers(const std::vector<SkippedRow>& skipped) {
  std::map<std::string, std::vector<int>> lines;  // reason → lines
  for (const SkippedRow& row : skipped) {
    if (row.reason == SkippedRow::Reason::kTitle || row.reason == SkippedRow::Reason::kBlank) {
      continue;
    }
    const std::string reason(SkipReasonName(row.reason));
    lines[reason].push_back(row.line);
    if (report_ != nullptr) {
      report_->Write({options_.file, row.number > 0 ? absl::StrCat(row.number) : "",
                      absl::StrCat(row.line), "skipped", "", "", "", "", "", "",
                      absl::StrCat("not a member (", reason, "): ", row.raw)});
    }
  }
  if (lines.empty()) return;
  std::vector<std::string> parts;
  int total = 0;
  for (const auto& [reason, at] : lines) {
    total += static_cast<int>(at.size());
    std::vector<std::string> numbers;
    for (size_t i = 0; i < at.size() && i < 5; ++i) numbers.push_back(absl::StrCat(at[i]));
    parts.push_back(absl::StrCat(at.size(), " ", reason, " (line", at.size() > 1 ? "s " : " ",
                                 absl::StrJoin(numbers, ", "), at.size() > 5 ? " …" : "", ")"));
  }
  out_ << "skipped " << total << (total == 1 ? " row" : " rows")
       << " that are not members: " << absl::StrJoin(parts, ", ") << "\n";
}

int Run::RefuseInvalidFile() {
  if (invalid_.empty()) return kExitOk;
  for (const std::string& p : problems_) err_ << p << "\n";
  if (options_.skip_invalid) return kExitOk;
  if (report_ != nullptr) {
    for (const auto& [number, why] : invalid_) {
      v1::RowOutcome o;
      o.set_row(number);
      o.set_action(v1::IMPORT_ACTION_REJECTED);
      o.set_message(why);
      report_->Write(ReportCells(options_.file, invalid_lines_[number], o));
    }
    if (absl::Status closed = report_->Close(); !closed.ok()) return Fail(closed);
    report_.reset();
  }
  err_ << "renkei-import: " << invalid_.size() << " of " << total_
       << " rows are invalid; nothing was written. Fix them, or run with --skip-invalid to "
          "write the valid rows and set the invalid ones aside.\n";
  if (!options_.report.empty()) err_ << "report: " << options_.report << "\n";
  return kExitInvalid;
}

int Run::ApplyReview() {
  header_.set_kind(options_.kind);
  header_.set_source(options_.source);
  header_.set_network(options_.network);
  header_.set_sync(options_.sync);
  header_.set_confirm_large_sync(options_.yes);
  header_.set_source_list(options_.source_list);
  header_.set_link_threshold(options_.link_threshold);
  header_.set_create_threshold(options_.create_threshold);
  if (options_.review.empty()) return kExitOk;
  absl::StatusOr<std::vector<ReviewEntry>> entries = ReadReview(options_.review);
  if (!entries.ok()) return Fail(entries.status());
  absl::StatusOr<std::string> note = CheckReview(*entries, fingerprint_, options_.review);
  if (!note.ok()) return Fail(note.status());
  if (!note->empty()) out_ << "note: " << *note << "\n";
  for (ReviewEntry& entry : *entries) *header_.add_decisions() = std::move(entry.decision);
  out_ << options_.review << ": " << header_.decisions_size() << " decisions\n";
  return kExitOk;
}

// Records name their organizations by name: the server checks that each
// resolves before anything is written.
int Run::CheckRecordsOnServer() {
  if (IsOrganizationKind(options_.kind) || options_.dry_run || options_.skip_invalid) return kExitOk;
  v1::ImportHeader check = header_;
  check.set_dry_run(true);
  std::vector<std::string> rejected;
  auto upload = Upload::Start(options_.connection, check, options_.batch_size,
                              [&](const v1::ImportResponse& response) {
                                for (const v1::RowOutcome& o : response.outcomes()) {
                                  if (o.action() == v1::IMPORT_ACTION_REJECTED) {
                                    rejected.push_back(absl::StrCat(options_.file, ": row ",
                                                                    o.row(), ": ", o.message()));
                                  }
                                }
                              });
  if (!upload.ok()) return Fail(upload.status());
  auto again = OpenFileRows(options_);
  if (!again.ok()) return Fail(again.status());
  ReadRow row;
  while ((*again)->Next(&row)) {
    absl::Status added = (*upload)->Add(std::move(row.converted.row));
    if (!added.ok()) return Fail(added);
  }
  absl::StatusOr<v1::ImportSummary> checked = (*upload)->Finish();
  if (!checked.ok()) return Fail(checked.status());
  if (rejected.empty()) return kExitOk;
  for (const std::string& r : rejected) err_ << r << "\n";
  err_ << "renkei-import: " << rejected.size() << " of " << total_
       << " rows are invalid; nothing was written.\n";
  return kExitInvalid;
}

absl::Status Run::RejectedRow(const std::string& raw, const std::string& why) {
  if (rejected_file_ == nullptr) {
    auto created = CsvFile::Create(rejected_path_, {});
    if (!created.ok()) return created.status();
    rejected_file_ = *std::move(created);
    if (!header_raw_.empty()) rejected_file_->WriteRaw(absl::StrCat(header_raw_, ",取込エラー\r\n"));
  }
  rejected_file_->WriteRaw(absl::StrCat(raw, ",", CsvLine({why})));
  return absl::OkStatus();
}

void Run::OnOutcome(const v1::RowOutcome& o, Pending& p) {
  if (report_ != nullptr) {
    std::vector<std::string> cells = ReportCells(options_.file, p.line, o);
    if (!p.notes.empty()) {
      cells.back() = cells.back().empty() ? p.notes : absl::StrCat(cells.back(), "; ", p.notes);
    }
    report_->Write(cells);
  }
  if (o.action() == v1::IMPORT_ACTION_AMBIGUOUS) {
    if (review_ == nullptr) {
      auto created = CsvFile::Create(review_path_, ReviewHeader());
      if (!created.ok()) {
        file_error_ = created.status();
      } else {
        review_ = *std::move(created);
      }
    }
    if (review_ != nullptr) {
      review_->Write(ReviewCells(options_.file, p.written, p.hash, fingerprint_.hash(), o));
    }
  }
  if (o.action() == v1::IMPORT_ACTION_REJECTED) {
    if (!p.reported) {
      err_ << options_.file << ": row " << o.row();
      if (p.line > 0) err_ << " (line " << p.line << ")";
      err_ << ": " << o.message() << "\n";
    }
    if (options_.skip_invalid) {
      absl::Status w = RejectedRow(p.raw, o.message());
      if (!w.ok()) file_error_ = w;
    }
  }
  const bool show =
      options_.verbose || (options_.dry_run && o.action() != v1::IMPORT_ACTION_LINKED);
  if (show) {
    progress_->Done();
    out_ << absl::StrFormat("row %-5d %-9s %-16s %s%s%s\n", o.row(), ActionWord(o.action()),
                            o.name(), p.written,
                            o.site().empty() ? "" : absl::StrCat(" [", o.site(), "]"),
                            o.evidence().empty() ? "" : absl::StrCat("  ", o.evidence()));
  }
}

void Run::OnResponse(const v1::ImportResponse& response) {
  for (const v1::RowOutcome& o : response.outcomes()) {
    auto it = pending_.find(o.row());
    Pending p = it == pending_.end() ? Pending() : std::move(it->second);
    if (it != pending_.end()) pending_.erase(it);
    ++done_;
    OnOutcome(o, p);
  }
  progress_->Update(done_);
}

// The server's error ends the stream; what it acknowledged before is written.
int Run::FailedUpload(const absl::Status& status) {
  progress_->Done();
  const int code = Fail(status);
  if (done_ > 0 && !options_.dry_run) {
    err_ << "renkei-import: the rows of the batches acknowledged before this error were "
            "written; running the same file again continues where it stopped.\n";
  }
  return code;
}

int Run::SendRow(ReadRow& row, Upload& upload) {
  const int64_t number = row.converted.row.row();
  if (IsOrganizationKind(options_.kind) && !row.converted.row.has_organization()) {
    ++done_;  // a registry row left out (an older state)
    return kExitOk;
  }
  Pending& p = pending_[number];
  p.line = row.line;
  p.written = row.converted.row.organization().display_name();
  p.hash = row.hash;
  if (options_.skip_invalid) p.raw = std::string(row.raw);
  if (auto invalid = invalid_.find(number); invalid != invalid_.end()) {
    // Sent so that the server counts it and sync ends no membership it may be.
    p.reported = true;
    row.converted.row.set_rejected(invalid->second);
  }
  for (const Problem& note : row.converted.notes) {
    if (!p.notes.empty()) p.notes += "; ";
    p.notes += note.message;
    err_ << Where(options_.file, note, cells_) << " (warning)\n";
  }
  absl::Status added = upload.Add(std::move(row.converted.row));
  return added.ok() ? kExitOk : FailedUpload(added);
}

int Run::Stream() {
  header_.set_dry_run(options_.dry_run);
  progress_ = std::make_unique<Progress>(total_, options_.dry_run ? "checking" : "importing",
                                         options_.progress);
  auto upload = Upload::Start(options_.connection, header_, options_.batch_size,
                              [this](const v1::ImportResponse& r) { OnResponse(r); });
  if (!upload.ok()) return Fail(upload.status());
  auto again = OpenFileRows(options_);
  if (!again.ok()) return Fail(again.status());
  ReadRow row;
  while ((*again)->Next(&row)) {
    if (const int code = SendRow(row, **upload); code != kExitOk) return code;
  }
  absl::StatusOr<v1::ImportSummary> summary = (*upload)->Finish();
  progress_->Done();
  if (!summary.ok()) return FailedUpload(summary.status());
  return Finish(*summary);
}

int Run::Finish(const v1::ImportSummary& summary) {
  for (std::unique_ptr<CsvFile>* f : {&report_, &review_, &rejected_file_}) {
    if (*f != nullptr) {
      absl::Status closed = (*f)->Close();
      if (!closed.ok()) return Fail(closed);
    }
  }
  if (!file_error_.ok()) return Fail(file_error_);
  PrintSummary(summary, absl::Now() - start_, out_);
  if (options_.sync) PrintSync(summary, out_);
  if (!options_.report.empty()) out_ << "report: " << options_.report << "\n";
  if (summary.ambiguous() > 0) {
    out_ << summary.ambiguous() << " rows need a person's decision: fill in the decision column of "
         << review_path_ << " (organizations/N, create or skip) and run again with --review "
         << review_path_ << "\n";
  }
  if (rejected_file_ != nullptr) out_ << "rejected rows, with why, in " << rejected_path_ << "\n";
  if (summary.memberships_not_ended_size() > 0) return kExitConflict;
  return summary.rejected() > 0 && !options_.skip_invalid ? kExitInvalid : kExitOk;
}

}  // namespace

absl::StatusOr<v1::ImportKind> ParseImportKind(absl::string_view word) {
  const std::string lower = absl::AsciiStrToLower(word);
  for (const KindWord& k : kKinds) {
    if (k.word == lower) return k.kind;
  }
  if (lower == "nta" || lower == "corporate-registry") return v1::IMPORT_KIND_CORPORATE_REGISTRY;
  return absl::InvalidArgumentError(absl::StrCat(
      "「", word, "」 is not a kind of import: members, organizations, people, seeds, needs, "
      "collaborations or registry"));
}

absl::string_view ImportKindWord(v1::ImportKind kind) {
  for (const KindWord& k : kKinds) {
    if (k.kind == kind) return k.word;
  }
  return "unknown";
}

int RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  Run run(options, out, err);
  return run.Execute();
}

}  // namespace renkei::importer
