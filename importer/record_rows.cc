#include "importer/record_rows.h"

#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"
#include "importer/internal/files.h"
#include "importer/table_layout.h"
#include "importer/values.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/text/normalize.h"

namespace renkei::importer {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Columns that are not a plain field of the record.
constexpr char kExternalId[] = "external_id";
constexpr char kOwner[] = "(owner)";
constexpr char kParticipants[] = "participants";

struct Alias {
  absl::string_view header;
  absl::string_view field;
};

// The usual Japanese headers of each kind's lists. Owner columns map to
// kOwner: the organization the record belongs to.
constexpr Alias kPersonAliases[] = {
    {"氏名", "display_name"},  {"名前", "display_name"}, {"研究者名", "display_name"},
    {"研究者", "display_name"}, {"フリガナ", "kana"},     {"ふりがな", "kana"},
    {"所属", kOwner},          {"所属機関", kOwner},     {"機関", kOwner},
    {"会社名", kOwner},        {"企業名", kOwner},       {"学科", "department"},
    {"所属学科", "department"}, {"部署", "department"},   {"部門", "department"},
    {"職名", "title"},         {"役職", "title"},        {"研究分野", "fields"},
    {"専門分野", "fields"},    {"分野", "fields"},       {"キーワード", "keywords"},
    {"プロフィール", "profile"}, {"紹介", "profile"},     {"区分", "role"},
    {"番号", kExternalId},     {"id", kExternalId},
};
constexpr Alias kSeedAliases[] = {
    {"タイトル", "title"},       {"シーズ名", "title"},      {"テーマ", "title"},
    {"研究テーマ", "title"},     {"概要", "summary"},        {"詳細", "body"},
    {"内容", "body"},            {"説明", "body"},           {"キーワード", "keywords"},
    {"分野", "fields"},          {"研究分野", "fields"},     {"応用", "applications"},
    {"応用分野", "applications"}, {"想定用途", "applications"}, {"用途", "applications"},
    {"保有設備", "equipment"},   {"設備", "equipment"},      {"知財", "ip_status"},
    {"知的財産", "ip_status"},   {"知財備考", "ip_note"},    {"公開日", "published_on"},
    {"研究者", "researchers"},   {"所属", kOwner},           {"機関", kOwner},
    {"所属機関", kOwner},        {"提供機関", kOwner},       {"番号", kExternalId},
    {"シーズ番号", kExternalId}, {"id", kExternalId},
};
constexpr Alias kNeedAliases[] = {
    {"タイトル", "title"},     {"件名", "title"},        {"課題", "title"},
    {"内容", "body"},          {"詳細", "body"},         {"課題内容", "body"},
    {"本文", "body"},          {"キーワード", "keywords"}, {"分野", "fields"},
    {"状況", "status"},        {"ステータス", "status"},  {"担当者", "contact_person"},
    {"登録日", "posted_on"},   {"受付日", "posted_on"},   {"企業名", kOwner},
    {"会社名", kOwner},        {"事業所名", kOwner},     {"番号", kExternalId},
    {"ニーズ番号", kExternalId}, {"id", kExternalId},
};
constexpr Alias kCollaborationAliases[] = {
    {"種別", "type"},             {"区分", "type"},          {"種類", "type"},
    {"テーマ", "title"},          {"件名", "title"},         {"研究課題", "title"},
    {"課題名", "title"},          {"タイトル", "title"},     {"概要", "summary"},
    {"開始日", "start_date"},     {"開始", "start_date"},    {"受付日", "start_date"},
    {"実施日", "start_date"},     {"終了日", "end_date"},    {"終了", "end_date"},
    {"補助事業", "funding_program"}, {"制度", "funding_program"}, {"金額", "budget_yen"},
    {"予算", "budget_yen"},       {"件数", "case_count"},    {"参加機関", kParticipants},
    {"相手先", kParticipants},    {"企業名", kParticipants}, {"機関", kParticipants},
    {"番号", kExternalId},        {"id", kExternalId},
};

// Japanese words of enum values.
constexpr Alias kEnumWords[] = {
    {"共同研究", "COLLABORATION_TYPE_JOINT_RESEARCH"},
    {"受託研究", "COLLABORATION_TYPE_COMMISSIONED_RESEARCH"},
    {"技術相談", "COLLABORATION_TYPE_TECHNICAL_CONSULTATION"},
    {"試験分析", "COLLABORATION_TYPE_TESTING_ANALYSIS"},
    {"試験・分析", "COLLABORATION_TYPE_TESTING_ANALYSIS"},
    {"依頼試験", "COLLABORATION_TYPE_TESTING_ANALYSIS"},
    {"共同開発", "COLLABORATION_TYPE_JOINT_DEVELOPMENT"},
    {"その他", "COLLABORATION_TYPE_OTHER"},
    {"受付中", "NEED_STATUS_OPEN"},
    {"募集中", "NEED_STATUS_OPEN"},
    {"未対応", "NEED_STATUS_OPEN"},
    {"マッチング済", "NEED_STATUS_MATCHED"},
    {"成立", "NEED_STATUS_MATCHED"},
    {"終了", "NEED_STATUS_CLOSED"},
    {"完了", "NEED_STATUS_CLOSED"},
    {"研究者", "PERSON_ROLE_RESEARCHER"},
    {"担当者", "PERSON_ROLE_CONTACT"},
    {"コーディネーター", "PERSON_ROLE_COORDINATOR"},
};

absl::Span<const Alias> AliasesOf(v1::ImportKind kind) {
  switch (kind) {
    case v1::IMPORT_KIND_PEOPLE:
      return kPersonAliases;
    case v1::IMPORT_KIND_SEEDS:
      return kSeedAliases;
    case v1::IMPORT_KIND_NEEDS:
      return kNeedAliases;
    default:
      return kCollaborationAliases;
  }
}

// The record field that names its organization.
absl::string_view OwnerField(v1::ImportKind kind) {
  switch (kind) {
    case v1::IMPORT_KIND_PEOPLE:
      return "organization";
    case v1::IMPORT_KIND_SEEDS:
      return "institution";
    case v1::IMPORT_KIND_NEEDS:
      return "company";
    default:
      return "";
  }
}

Message* RecordOf(v1::ImportKind kind, v1::ImportRow* row) {
  switch (kind) {
    case v1::IMPORT_KIND_PEOPLE:
      return row->mutable_person();
    case v1::IMPORT_KIND_SEEDS:
      return row->mutable_seed();
    case v1::IMPORT_KIND_NEEDS:
      return row->mutable_need();
    default:
      return row->mutable_collaboration();
  }
}

// A reference written as a name or 法人番号 becomes an organization to resolve.
bool IsResourceName(absl::string_view value) { return absl::StartsWith(value, "organizations/"); }

v1::Organization Described(absl::string_view written) {
  v1::Organization org;
  absl::StatusOr<std::string> number = ParseCorporateNumber(written);
  if (number.ok()) {
    org.set_corporate_number(*number);
  } else {
    org.set_display_name(std::string(written));
  }
  return org;
}

// Moves owners and participants written by name into the row's
// organizations to resolve.
void MoveNamedOrganizations(v1::ImportKind kind, v1::ImportRow* row) {
  Message* record = RecordOf(kind, row);
  const absl::string_view owner = OwnerField(kind);
  if (!owner.empty()) {
    const FieldDescriptor* field = record->GetDescriptor()->FindFieldByName(std::string(owner));
    const std::string value = record->GetReflection()->GetString(*record, field);
    if (!value.empty() && !IsResourceName(value)) {
      *row->mutable_organization() = Described(value);
      record->GetReflection()->SetString(record, field, "");
    }
    return;
  }
  v1::Collaboration* c = row->mutable_collaboration();
  row->clear_participant_organizations();
  for (v1::Participant& p : *c->mutable_participants()) {
    v1::Organization* o = row->add_participant_organizations();
    if (!p.organization().empty() && !IsResourceName(p.organization())) {
      *o = Described(p.organization());
      p.clear_organization();
    }
  }
  bool any = false;
  for (const v1::Organization& o : row->participant_organizations()) {
    any = any || !o.display_name().empty() || !o.corporate_number().empty();
  }
  if (!any) row->clear_participant_organizations();
}

// Sets one cell into the record; "" or a reason it cannot.
std::string SetCell(Message* record, const FieldDescriptor* field, const std::string& value) {
  const Reflection* r = record->GetReflection();
  auto one_enum = [&](absl::string_view text) -> const google::protobuf::EnumValueDescriptor* {
    const auto* type = field->enum_type();
    std::string upper = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
    if (const auto* v = type->FindValueByName(upper)) return v;
    for (int i = 0; i < type->value_count(); ++i) {
      if (absl::EndsWith(type->value(i)->name(), absl::StrCat("_", upper))) return type->value(i);
    }
    const std::string normalized = text::NormalizeText(text);
    for (const Alias& w : kEnumWords) {
      if (text::NormalizeText(w.header) == normalized) {
        if (const auto* v = type->FindValueByName(std::string(w.field))) return v;
      }
    }
    return nullptr;
  };
  if (field->is_repeated()) {
    for (const std::string& item : SplitList(value, /*slash=*/false)) {
      switch (field->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING:
          r->AddString(record, field, item);
          break;
        case FieldDescriptor::CPPTYPE_ENUM: {
          const auto* v = one_enum(item);
          if (v == nullptr) return absl::StrCat("「", item, "」 is not one of ", field->enum_type()->name());
          r->AddEnum(record, field, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT32: {
          int32_t n = 0;
          if (!absl::SimpleAtoi(item, &n)) return absl::StrCat("「", item, "」 is not a number");
          r->AddInt32(record, field, n);
          break;
        }
        default:
          return "cannot be given in a column; use JSON Lines";
      }
    }
    return "";
  }
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      r->SetString(record, field, value);
      return "";
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto* v = one_enum(value);
      if (v == nullptr) {
        std::vector<std::string> names;
        for (int i = 1; i < field->enum_type()->value_count(); ++i) {
          names.push_back(field->enum_type()->value(i)->name());
        }
        return absl::StrCat("is not one of ", absl::StrJoin(names, ", "));
      }
      r->SetEnum(record, field, v);
      return "";
    }
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64: {
      std::string digits = text::NormalizeText(value);
      digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
      int64_t n = 0;
      if (!absl::SimpleAtoi(digits, &n)) return "is not a number";
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_INT32) {
        r->SetInt32(record, field, static_cast<int32_t>(n));
      } else {
        r->SetInt64(record, field, n);
      }
      return "";
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      if (field->message_type() == v1::Date::descriptor()) {
        absl::StatusOr<YearValue> year = ParseYear(value);
        if (!year.ok()) return std::string(year.status().message());
        v1::Date date;
        date.set_year(year->year);
        date.set_month(year->month != 0 ? year->month : (year->fiscal ? 4 : 0));
        date.set_day(year->day != 0 ? year->day : (year->fiscal ? 1 : 0));
        r->MutableMessage(record, field)->CopyFrom(date);
        return "";
      }
      return "cannot be given in a column; use JSON Lines";
    default:
      return "cannot be given in a column; use JSON Lines";
  }
}

class CsvRecords final : public RecordSource {
 public:
  static absl::StatusOr<std::unique_ptr<RecordSource>> Open(std::string name, Decoded decoded,
                                                            Format format, v1::ImportKind kind,
                                                            const ReadOptions& options,
                                                            std::string id_source) {
    std::unique_ptr<CsvRecords> rows(new CsvRecords(std::move(name), std::move(decoded.utf8), kind,
                                                    std::move(id_source)));
    // Header detection looks for cells it knows: the field names and aliases.
    ColumnRules rules;
    const Descriptor* type = RecordOf(kind, &rows->scratch_)->GetDescriptor();
    for (const Alias& a : AliasesOf(kind)) (void)rules.AddOverride(absl::StrCat(a.header, "=ignore"));
    for (int i = 0; i < type->field_count(); ++i) {
      (void)rules.AddOverride(absl::StrCat(type->field(i)->name(), "=ignore"));
      (void)rules.AddOverride(absl::StrCat(type->field(i)->json_name(), "=ignore"));
    }
    TableReader::Options table = options.table;
    table.csv.delimiter = format == Format::kTsv ? '\t' : ',';
    auto reader = TableReader::Open(rows->text_, rules, table);
    if (!reader.ok()) return internal::WithName(rows->name_, reader.status());
    rows->table_ = *std::move(reader);
    absl::Status mapped = rows->MapHeader(type);
    if (!mapped.ok()) return internal::WithName(rows->name_, mapped);
    return rows;
  }

  bool Next(Converted* out, absl::string_view* raw) override {
    TableRow row;
    if (!table_->Next(&row)) return false;
    *out = Converted();
    out->row.set_row(row.number);
    out->problems = row.problems;
    *raw = row.raw;
    Message* record = RecordOf(kind_, &out->row);
    std::vector<std::string> participants;
    for (size_t i = 0; i < columns_.size() && i < row.cells.size(); ++i) {
      const std::string& value = row.cells[i];
      const Column& column = columns_[i];
      if (value.empty() || column.ignored) continue;
      const int col = static_cast<int>(i) + 1;
      if (column.special == kExternalId) {
        const FieldDescriptor* ids = record->GetDescriptor()->FindFieldByName("external_ids");
        auto* id = static_cast<v1::ExternalId*>(record->GetReflection()->AddMessage(record, ids));
        id->set_source(id_source_);
        id->set_value(value);
      } else if (column.special == kOwner) {
        const FieldDescriptor* f =
            record->GetDescriptor()->FindFieldByName(std::string(OwnerField(kind_)));
        record->GetReflection()->SetString(record, f, value);
      } else if (column.special == kParticipants) {
        participants = SplitList(value, /*slash=*/false);
      } else {
        std::string why = SetCell(record, column.field, value);
        if (!why.empty()) {
          out->problems.push_back(
              {row.line, col, absl::StrCat(header_[i], " 「", value, "」: ", why)});
        }
      }
    }
    if (kind_ == v1::IMPORT_KIND_COLLABORATIONS) {
      for (const std::string& p : participants) {
        out->row.mutable_collaboration()->add_participants()->set_organization(p);
      }
    }
    MoveNamedOrganizations(kind_, &out->row);
    return true;
  }

  absl::Status status() const override { return internal::WithName(name_, table_->status()); }
  std::string DescribeMapping() const override { return description_; }
  absl::string_view header_raw() const override { return table_->header_raw(); }

 private:
  struct Column {
    bool ignored = false;
    absl::string_view special;  // kExternalId, kOwner, kParticipants or ""
    const FieldDescriptor* field = nullptr;
  };

  CsvRecords(std::string name, std::string text, v1::ImportKind kind, std::string id_source)
      : name_(std::move(name)), text_(std::move(text)), kind_(kind),
        id_source_(std::move(id_source)) {}

  absl::Status MapHeader(const Descriptor* type) {
    header_ = table_->header();
    std::vector<std::string> unknown;
    for (const std::string& cell : header_) {
      Column column;
      const std::string key = ColumnRules::NormalizeHeader(cell);
      absl::string_view target;
      for (const Alias& a : AliasesOf(kind_)) {
        if (ColumnRules::NormalizeHeader(a.header) == key) target = a.field;
      }
      for (int i = 0; target.empty() && i < type->field_count(); ++i) {
        const FieldDescriptor* f = type->field(i);
        if (ColumnRules::NormalizeHeader(f->name()) == key ||
            ColumnRules::NormalizeHeader(f->json_name()) == key) {
          target = f->name();
        }
      }
      if (cell.empty() || key == "-" || key == "備考") {
        column.ignored = true;
        absl::StrAppend(&description_, cell, " → (ignored)\n");
      } else if (target == kExternalId || target == kOwner || target == kParticipants) {
        column.special = target;
        absl::StrAppend(&description_, cell, " → ",
                        target == kOwner ? OwnerField(kind_) : target, "\n");
      } else if (!target.empty()) {
        column.field = type->FindFieldByName(std::string(target));
        if (column.field == nullptr || column.field->name() == "name" ||
            column.field->name() == "etag" || column.field->name() == "field_sources" ||
            absl::EndsWith(column.field->name(), "_time")) {
          unknown.push_back(cell);
        } else {
          absl::StrAppend(&description_, cell, " → ", column.field->name(), "\n");
        }
      } else {
        unknown.push_back(cell);
      }
      columns_.push_back(column);
    }
    if (!unknown.empty()) {
      std::vector<std::string> fields;
      for (int i = 0; i < type->field_count(); ++i) {
        const std::string& n = type->field(i)->name();
        if (n != "name" && n != "etag" && n != "field_sources" && !absl::EndsWith(n, "_time")) {
          fields.push_back(n);
        }
      }
      return absl::InvalidArgumentError(absl::StrCat(
          "header at line ", table_->header_line(), ": column(s) ", absl::StrJoin(unknown, ", "),
          " name no field of ", type->name(), " (fields: ", absl::StrJoin(fields, ", "),
          ", external_id; a column named 備考 or - is ignored)"));
    }
    return absl::OkStatus();
  }

  const std::string name_;
  const std::string text_;
  const v1::ImportKind kind_;
  const std::string id_source_;
  v1::ImportRow scratch_;
  std::unique_ptr<TableReader> table_;
  std::vector<std::string> header_;
  std::vector<Column> columns_;
  std::string description_;
};

class JsonlRecords final : public RecordSource {
 public:
  JsonlRecords(std::string name, std::string text, v1::ImportKind kind)
      : name_(std::move(name)), text_(std::move(text)), kind_(kind), rest_(text_) {}

  bool Next(Converted* out, absl::string_view* raw) override {
    while (!rest_.empty()) {
      const size_t end = rest_.find('\n');
      absl::string_view line = rest_.substr(0, end);
      rest_ = end == absl::string_view::npos ? absl::string_view() : rest_.substr(end + 1);
      ++line_;
      if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      *out = Converted();
      out->row.set_row(line_);
      *raw = line;
      Message* record = RecordOf(kind_, &out->row);
      google::protobuf::util::JsonParseOptions options;
      options.ignore_unknown_fields = false;
      auto status = google::protobuf::util::JsonStringToMessage(std::string(line), record, options);
      if (!status.ok()) {
        out->problems.push_back(
            {line_, 0, absl::StrCat("not a ", record->GetDescriptor()->name(), " in JSON: ",
                                    std::string(status.message()))});
        record->Clear();
      }
      MoveNamedOrganizations(kind_, &out->row);
      return true;
    }
    return false;
  }
  absl::Status status() const override { return absl::OkStatus(); }
  std::string DescribeMapping() const override {
    return "one record a line, in the protobuf JSON mapping\n";
  }
  absl::string_view header_raw() const override { return ""; }

 private:
  const std::string name_;
  const std::string text_;
  const v1::ImportKind kind_;
  absl::string_view rest_;
  int line_ = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<RecordSource>> OpenRecordBytes(std::string bytes,
                                                              absl::string_view name,
                                                              v1::ImportKind kind,
                                                              const ReadOptions& options,
                                                              std::string id_source) {
  auto decoded = Decode(std::move(bytes), options.encoding);  // UTF-8 is not copied
  if (!decoded.ok()) return internal::WithName(name, decoded.status());
  const Format format = options.format.value_or(FormatOfPath(name));
  if (format == Format::kJsonl) {
    return std::unique_ptr<RecordSource>(
        new JsonlRecords(std::string(name), std::move(decoded->utf8), kind));
  }
  return CsvRecords::Open(std::string(name), *std::move(decoded), format, kind, options,
                          std::move(id_source));
}

absl::StatusOr<std::unique_ptr<RecordSource>> OpenRecordFile(absl::string_view path,
                                                             v1::ImportKind kind,
                                                             const ReadOptions& options,
                                                             std::string id_source) {
  absl::StatusOr<std::string> bytes = internal::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return OpenRecordBytes(*std::move(bytes), path, kind, options, std::move(id_source));
}

}  // namespace renkei::importer
