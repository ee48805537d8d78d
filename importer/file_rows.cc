#include "importer/file_rows.h"

#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importer/nta_reader.h"
#include "importer/record_rows.h"
#include "importer/row_source.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/records/validate.h"

namespace renkei::importer {
namespace {

class OrganizationRows final : public FileRows {
 public:
  OrganizationRows(std::unique_ptr<RowSource> source, OrgRowOptions options)
      : source_(std::move(source)), options_(std::move(options)) {}
  bool Next(ReadRow* row) override {
    MappedRow mapped;
    if (!source_->Next(&mapped)) return false;
    row->converted = ConvertOrganizationRow(mapped, options_);
    row->line = mapped.line;
    row->raw = mapped.raw;
    row->hash = std::move(mapped.hash);
    return true;
  }
  absl::Status status() const override { return source_->status(); }
  std::string Describe() const override {
    return absl::StrCat(source_->DescribeFile(), "\n", source_->DescribeMapping());
  }
  absl::string_view header_raw() const override { return source_->header_raw(); }
  bool columns_are_cells() const override { return source_->format() != Format::kJsonl; }
  std::vector<SkippedRow> skipped() const override { return source_->skipped(); }

 private:
  std::unique_ptr<RowSource> source_;
  const OrgRowOptions options_;
};

class RegistryRows final : public FileRows {
 public:
  explicit RegistryRows(std::unique_ptr<NtaReader> reader) : reader_(std::move(reader)) {}
  bool Next(ReadRow* row) override {
    CorporateRecord record;
    std::vector<Problem> problems;
    if (!reader_->Next(&record, &problems)) return false;
    ++number_;
    row->converted = ConvertCorporateRecord(record, number_);
    row->line = record.line;
    row->raw = record.raw;
    for (Problem& p : problems) row->converted.problems.push_back(std::move(p));
    if (problems.empty() && !record.latest) {
      // An older state of a corporation a later row of the file updates.
      row->converted.row.clear_organization();
      row->converted.notes.push_back({record.line, 0, "not the latest state (最新履歴 0); left out"});
    }
    return true;
  }
  absl::Status status() const override { return reader_->status(); }
  std::string Describe() const override {
    return absl::StrCat(EncodingName(reader_->encoding()),
                        "\nthe NTA 法人番号 format (30 columns, no header)\n");
  }
  absl::string_view header_raw() const override { return ""; }

 private:
  std::unique_ptr<NtaReader> reader_;
  int number_ = 0;
};

class RecordRows final : public FileRows {
 public:
  RecordRows(std::unique_ptr<RecordSource> source, bool jsonl)
      : source_(std::move(source)), jsonl_(jsonl) {}
  bool Next(ReadRow* row) override {
    absl::string_view raw;
    if (!source_->Next(&row->converted, &raw)) return false;
    row->raw = raw;
    row->line = row->converted.problems.empty() ? 0 : row->converted.problems[0].line;
    if (jsonl_) row->line = static_cast<int>(row->converted.row.row());
    return true;
  }
  absl::Status status() const override { return source_->status(); }
  std::string Describe() const override { return source_->DescribeMapping(); }
  absl::string_view header_raw() const override { return source_->header_raw(); }
  bool columns_are_cells() const override { return !jsonl_; }

 private:
  std::unique_ptr<RecordSource> source_;
  const bool jsonl_;
};

}  // namespace

bool IsOrganizationKind(v1::ImportKind kind) {
  return kind == v1::IMPORT_KIND_MEMBERS || kind == v1::IMPORT_KIND_ORGANIZATIONS ||
         kind == v1::IMPORT_KIND_CORPORATE_REGISTRY;
}

absl::StatusOr<std::unique_ptr<FileRows>> OpenFileRows(const ImportOptions& options) {
  ReadOptions read;
  read.encoding = options.encoding;
  read.table.header_line = options.header_line;
  read.sheet = options.sheet;
  if (options.kind == v1::IMPORT_KIND_CORPORATE_REGISTRY) {
    auto reader = NtaReader::OpenFile(options.file, options.encoding);
    if (!reader.ok()) return reader.status();
    return std::unique_ptr<FileRows>(new RegistryRows(*std::move(reader)));
  }
  if (IsOrganizationKind(options.kind)) {
    ColumnRules rules;
    for (const std::string& map : options.maps) {
      absl::Status added = rules.AddOverride(map);
      if (!added.ok()) return absl::InvalidArgumentError(absl::StrCat("--map ", map, ": ", added.message()));
    }
    if (!options.mapping_file.empty()) {
      std::ifstream in(options.mapping_file, std::ios::binary);
      if (!in) return absl::NotFoundError(absl::StrCat(options.mapping_file, ": cannot open the mapping file"));
      std::ostringstream text;
      text << in.rdbuf();
      absl::Status added = rules.AddOverrides(text.str(), options.mapping_file);
      if (!added.ok()) return added;
    }
    auto source = OpenFile(options.file, rules, read);
    if (!source.ok()) return source.status();
    OrgRowOptions org;
    org.network = options.network;
    return std::unique_ptr<FileRows>(new OrganizationRows(*std::move(source), org));
  }
  auto source = OpenRecordFile(options.file, options.kind, read, options.id_source);
  if (!source.ok()) return source.status();
  const bool jsonl = FormatOfPath(options.file) == Format::kJsonl;
  return std::unique_ptr<FileRows>(new RecordRows(*std::move(source), jsonl));
}

void CheckRecord(v1::ImportKind kind, ReadRow& row) {
  const v1::ImportRow& r = row.converted.row;
  std::unique_ptr<google::protobuf::Message> record;
  std::string noun;
  switch (kind) {
    case v1::IMPORT_KIND_PEOPLE:
      record = std::make_unique<v1::Person>(r.person());
      noun = "person";
      break;
    case v1::IMPORT_KIND_SEEDS:
      record = std::make_unique<v1::Seed>(r.seed());
      noun = "seed";
      break;
    case v1::IMPORT_KIND_NEEDS:
      record = std::make_unique<v1::Need>(r.need());
      noun = "need";
      break;
    case v1::IMPORT_KIND_COLLABORATIONS: {
      auto c = std::make_unique<v1::Collaboration>(r.collaboration());
      // Participants named by name get their resource name on the server.
      for (v1::Participant& p : *c->mutable_participants()) {
        if (p.organization().empty()) p.set_organization("organizations/1");
      }
      record = std::move(c);
      noun = "collaboration";
      break;
    }
    default: {
      if (!r.has_organization()) return;
      auto org = std::make_unique<v1::Organization>(r.organization());
      if (org->display_name().empty()) return;  // reported already
      // What the server gives an organization a list does not say the kind of.
      if (org->kind() == v1::ORGANIZATION_KIND_UNSPECIFIED) org->set_kind(v1::ORGANIZATION_KIND_COMPANY);
      record = std::move(org);
      noun = "organization";
    }
  }
  // An owner named by name is resolved by the server.
  const bool named_owner = r.has_organization();
  records::PrepareForCreate(record.get());
  const absl::Status valid = records::ValidateRecord(*record);
  if (valid.ok()) return;
  const std::string message(valid.message());
  if (named_owner && (absl::StartsWith(message, "organization:") ||
                      absl::StartsWith(message, "institution:") ||
                      absl::StartsWith(message, "company:"))) {
    return;
  }
  row.converted.problems.push_back({row.line, 0, absl::StrCat(noun, ".", message)});
}

}  // namespace renkei::importer
