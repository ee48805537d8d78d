#include "importer/import_run.h"

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
#include "absl/time/clock.h"
#include "cli/exit_codes.h"
#include "importer/file_rows.h"
#include "importer/progress.h"
#include "importer/report.h"
#include "importer/table_layout.h"
#include "importer/upload.h"

namespace renkei::importer {
namespace {

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
  if (p.column > 0 && cells) {
    return absl::StrCat(file, ": line ", p.line, ", column ", p.column, " (", ColumnLetters(p.column),
                        "): ", p.message);
  }
  return absl::StrCat(file, ": ", p.ToString());
}

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string Stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// What a row is remembered by until its outcome comes back.
struct Pending {
  int line = 0;
  std::string written;  // the name as written
  std::string raw;      // with skip_invalid: the row as written
  std::string notes;
};

void PrintSummary(const v1::ImportSummary& s, int64_t invalid, absl::Duration took, bool dry_run,
                  std::ostream& out) {
  const double seconds = absl::ToDoubleSeconds(took);
  out << (dry_run ? "dry run (nothing written): " : "done: ") << Progress::Grouped(s.rows())
      << " rows read; " << (dry_run ? "would create " : "created ") << s.created() << ", linked "
      << s.linked() << ", updated " << s.updated() << ", ambiguous " << s.ambiguous()
      << ", rejected " << s.rejected() + invalid;
  if (s.unmatched() > 0) out << ", unmatched " << s.unmatched();
  if (s.skipped() > 0) out << ", skipped " << s.skipped();
  out << "\n";
  if (s.memberships_created() + s.memberships_updated() > 0 || s.memberships_ended_size() > 0) {
    out << "memberships: " << s.memberships_created() << " added, " << s.memberships_updated()
        << " updated, " << s.memberships_ended_size() << " ended\n";
  }
  out << absl::StrFormat(seconds < 10 ? "time %.2f s (%s rows/s)\n" : "time %.1f s (%s rows/s)\n",
                         seconds,
                         Progress::Grouped(seconds > 0 ? static_cast<int64_t>(s.rows() / seconds) : 0));
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

int RunImport(const ImportOptions& given, std::ostream& out, std::ostream& err) {
  ImportOptions options = given;
  const absl::Time start = absl::Now();
  auto fail = [&](const absl::Status& status) {
    err << "renkei-import: " << status.message() << "\n";
    return static_cast<int>(cli::ExitCodeOf(status));
  };
  if (options.kind == v1::IMPORT_KIND_MEMBERS && options.network.empty()) {
    err << "renkei-import: members: --network is required (networks/N)\n";
    return kExitUsage;
  }
  if (!options.network.empty() && !absl::StartsWith(options.network, "networks/")) {
    options.network = absl::StrCat("networks/", options.network);
  }
  if (options.source.empty()) options.source = BaseName(options.file);
  if (options.id_source.empty()) options.id_source = Stem(options.file);

  // 1. The file, and every row checked here.
  absl::StatusOr<std::unique_ptr<FileRows>> rows = OpenFileRows(options);
  if (!rows.ok()) return fail(rows.status());
  out << options.file << ": " << (*rows)->Describe();
  int64_t total = 0;
  std::vector<std::string> problems;
  std::map<int64_t, std::string> invalid;  // row → why
  {
    ReadRow row;
    while ((*rows)->Next(&row)) {
      ++total;
      CheckRecord(options.kind, row);
      for (const Problem& p : row.converted.problems) {
        problems.push_back(Where(options.file, p, (*rows)->columns_are_cells()));
        std::string& why = invalid[row.converted.row.row()];
        if (!why.empty()) why += "; ";
        why += p.message;
      }
    }
    if (!(*rows)->status().ok()) return fail((*rows)->status());
  }
  if (!invalid.empty()) {
    for (const std::string& p : problems) err << p << "\n";
    if (!options.skip_invalid) {
      err << "renkei-import: " << invalid.size() << " of " << total
          << " rows are invalid; nothing was written. Fix them, or run with --skip-invalid to "
             "write the valid rows and set the invalid ones aside.\n";
      return kExitInvalid;
    }
  }

  v1::ImportHeader header;
  header.set_kind(options.kind);
  header.set_source(options.source);
  header.set_network(options.network);
  header.set_sync(options.sync);
  header.set_source_list(options.source_list);
  header.set_link_threshold(options.link_threshold);
  header.set_create_threshold(options.create_threshold);
  if (!options.review.empty()) {
    absl::StatusOr<std::vector<v1::ReviewDecision>> decisions = ReadReview(options.review);
    if (!decisions.ok()) return fail(decisions.status());
    for (v1::ReviewDecision& d : *decisions) *header.add_decisions() = std::move(d);
    out << options.review << ": " << header.decisions_size() << " decisions\n";
  }

  // 2. Records name their organizations by name: the server checks that
  // each resolves before anything is written.
  if (!IsOrganizationKind(options.kind) && !options.dry_run && !options.skip_invalid) {
    v1::ImportHeader check = header;
    check.set_dry_run(true);
    std::vector<std::string> rejected;
    auto upload = Upload::Start(options.connection, check, options.batch_size,
                                [&](const v1::ImportResponse& response) {
                                  for (const v1::RowOutcome& o : response.outcomes()) {
                                    if (o.action() == v1::IMPORT_ACTION_REJECTED) {
                                      rejected.push_back(absl::StrCat(options.file, ": row ",
                                                                      o.row(), ": ", o.message()));
                                    }
                                  }
                                });
    if (!upload.ok()) return fail(upload.status());
    auto again = OpenFileRows(options);
    if (!again.ok()) return fail(again.status());
    ReadRow row;
    while ((*again)->Next(&row)) {
      absl::Status added = (*upload)->Add(std::move(row.converted.row));
      if (!added.ok()) return fail(added);
    }
    absl::StatusOr<v1::ImportSummary> checked = (*upload)->Finish();
    if (!checked.ok()) return fail(checked.status());
    if (!rejected.empty()) {
      for (const std::string& r : rejected) err << r << "\n";
      err << "renkei-import: " << rejected.size() << " of " << total
          << " rows are invalid; nothing was written.\n";
      return kExitInvalid;
    }
  }

  // 3. The rows, batch by batch.
  header.set_dry_run(options.dry_run);
  std::unique_ptr<CsvFile> report, review, rejected_file;
  if (!options.report.empty()) {
    auto created = CsvFile::Create(options.report, ReportHeader());
    if (!created.ok()) return fail(created.status());
    report = *std::move(created);
  }
  const std::string review_path =
      options.review_out.empty() ? absl::StrCat(Stem(options.file), ".review.csv") : options.review_out;
  const std::string rejected_path = options.rejected_out.empty()
                                        ? absl::StrCat(Stem(options.file), ".rejected.csv")
                                        : options.rejected_out;
  auto rejected_row = [&](const std::string& raw, const std::string& why) -> absl::Status {
    if (rejected_file == nullptr) {
      auto created = CsvFile::Create(rejected_path, {});
      if (!created.ok()) return created.status();
      rejected_file = *std::move(created);
      if (!(*rows)->header_raw().empty()) {
        rejected_file->WriteRaw(absl::StrCat((*rows)->header_raw(), ",取込エラー\r\n"));
      }
    }
    rejected_file->WriteRaw(absl::StrCat(raw, ",", CsvLine({why})));
    return absl::OkStatus();
  };

  std::map<int64_t, Pending> pending;
  int64_t done = 0;
  int64_t set_aside = 0;  // rows invalid here, not sent
  Progress progress(total, options.dry_run ? "checking" : "importing", options.progress);
  absl::Status file_error;
  auto on_response = [&](const v1::ImportResponse& response) {
    for (const v1::RowOutcome& o : response.outcomes()) {
      auto it = pending.find(o.row());
      Pending p = it == pending.end() ? Pending() : std::move(it->second);
      if (it != pending.end()) pending.erase(it);
      ++done;
      if (report != nullptr) {
        std::vector<std::string> cells = ReportCells(options.file, p.line, o);
        if (!p.notes.empty()) {
          cells.back() = cells.back().empty() ? p.notes : absl::StrCat(cells.back(), "; ", p.notes);
        }
        report->Write(cells);
      }
      if (o.action() == v1::IMPORT_ACTION_AMBIGUOUS) {
        if (review == nullptr) {
          auto created = CsvFile::Create(review_path, ReviewHeader());
          if (!created.ok()) {
            file_error = created.status();
          } else {
            review = *std::move(created);
          }
        }
        if (review != nullptr) review->Write(ReviewCells(options.file, p.written, o));
      }
      if (o.action() == v1::IMPORT_ACTION_REJECTED) {
        err << options.file << ": row " << o.row();
        if (p.line > 0) err << " (line " << p.line << ")";
        err << ": " << o.message() << "\n";
        if (options.skip_invalid) {
          absl::Status w = rejected_row(p.raw, o.message());
          if (!w.ok()) file_error = w;
        }
      }
      const bool show = options.verbose ||
                        (options.dry_run && o.action() != v1::IMPORT_ACTION_LINKED);
      if (show) {
        progress.Done();
        out << absl::StrFormat("row %-5d %-9s %-16s %s%s%s\n", o.row(), ActionWord(o.action()),
                               o.name(), p.written,
                               o.site().empty() ? "" : absl::StrCat(" [", o.site(), "]"),
                               o.evidence().empty() ? "" : absl::StrCat("  ", o.evidence()));
      }
    }
    progress.Update(done);
  };
  // The server's error ends the stream; what it acknowledged before is written.
  auto failed_upload = [&](const absl::Status& status) {
    const int code = fail(status);
    if (done > set_aside && !options.dry_run) {
      err << "renkei-import: the " << done - set_aside
          << " rows of the batches acknowledged before this error were written; running the "
             "same file again continues where it stopped.\n";
    }
    return code;
  };
  auto upload = Upload::Start(options.connection, header, options.batch_size, on_response);
  if (!upload.ok()) return fail(upload.status());
  auto again = OpenFileRows(options);
  if (!again.ok()) return fail(again.status());
  ReadRow row;
  while ((*again)->Next(&row)) {
    const int64_t number = row.converted.row.row();
    if (invalid.contains(number)) {  // found by the check above
      ++set_aside;
      ++done;
      if (report != nullptr) {
        v1::RowOutcome o;
        o.set_row(number);
        o.set_action(v1::IMPORT_ACTION_REJECTED);
        o.set_message(invalid[number]);
        report->Write(ReportCells(options.file, row.line, o));
      }
      absl::Status w = rejected_row(std::string(row.raw), invalid[number]);
      if (!w.ok()) return fail(w);
      continue;
    }
    if (IsOrganizationKind(options.kind) && !row.converted.row.has_organization()) {
      ++done;  // a registry row left out (an older state)
      continue;
    }
    Pending& p = pending[number];
    p.line = row.line;
    p.written = row.converted.row.organization().display_name();
    if (options.skip_invalid) p.raw = std::string(row.raw);
    for (const Problem& note : row.converted.notes) {
      if (!p.notes.empty()) p.notes += "; ";
      p.notes += note.message;
      err << Where(options.file, note, (*again)->columns_are_cells()) << " (warning)\n";
    }
    absl::Status added = (*upload)->Add(std::move(row.converted.row));
    if (!added.ok()) {
      progress.Done();
      return failed_upload(added);
    }
  }
  absl::StatusOr<v1::ImportSummary> summary = (*upload)->Finish();
  progress.Done();
  if (!summary.ok()) return failed_upload(summary.status());
  for (std::unique_ptr<CsvFile>* f : {&report, &review, &rejected_file}) {
    if (*f != nullptr) {
      absl::Status closed = (*f)->Close();
      if (!closed.ok()) return fail(closed);
    }
  }
  if (!file_error.ok()) return fail(file_error);

  PrintSummary(*summary, set_aside, absl::Now() - start, options.dry_run, out);
  for (const std::string& ended : summary->memberships_ended()) out << "  ended " << ended << "\n";
  if (summary->sync_skipped()) {
    out << "--sync: no membership was ended, because some rows were rejected; fix them and run "
           "again\n";
  }
  if (!options.report.empty()) out << "report: " << options.report << "\n";
  if (summary->ambiguous() > 0) {
    out << summary->ambiguous() << " rows need a person's decision: fill in the decision column of "
        << review_path << " (organizations/N, create or skip) and run again with --review "
        << review_path << "\n";
  }
  if (rejected_file != nullptr) {
    out << "rejected rows, with why, in " << rejected_path << "\n";
  }
  return summary->rejected() > 0 && !options.skip_invalid ? kExitInvalid : kExitOk;
}

}  // namespace renkei::importer
