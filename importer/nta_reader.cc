#include "importer/nta_reader.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "importer/internal/digits.h"
#include "importer/internal/files.h"
#include "server/records/corporate_number.h"
#include "server/records/dates.h"

namespace renkei::importer {
namespace {

using Process = CorporateRecord::Process;

// The columns of a row, 0-based, in file order (リソース定義書 項番 7–36).
enum Column : int {
  kSequence,               // 一連番号
  kNumber,                 // 法人番号
  kProcess,                // 処理区分
  kCorrection,             // 訂正区分
  kUpdated,                // 更新年月日
  kChanged,                // 変更年月日
  kName,                   // 商号又は名称
  kNameImage,              // 商号又は名称イメージID
  kKind,                   // 法人種別
  kPrefecture,             // 国内所在地（都道府県）
  kCity,                   // 国内所在地（市区町村）
  kStreet,                 // 国内所在地（丁目番地等）
  kAddressImage,           // 国内所在地イメージID
  kPrefectureCode,         // 都道府県コード
  kCityCode,               // 市区町村コード
  kPostalCode,             // 郵便番号
  kForeignAddress,         // 国外所在地
  kForeignAddressImage,    // 国外所在地イメージID
  kClosedOn,               // 登記記録の閉鎖等年月日
  kCloseReason,            // 登記記録の閉鎖等の事由
  kSuccessor,              // 承継先法人番号
  kChangeDetail,           // 変更事由の詳細
  kAssignedOn,             // 法人番号指定年月日
  kLatest,                 // 最新履歴
  kEnglishName,            // 商号又は名称（英語表記）
  kEnglishPrefecture,      // 国内所在地（都道府県）（英語表記）
  kEnglishAddress,         // 国内所在地（市区町村丁目番地等）（英語表記）
  kEnglishForeignAddress,  // 国外所在地（英語表記）
  kKana,                   // フリガナ
  kHidden,                 // 検索対象除外
  kColumnCount,
};
static_assert(kColumnCount == kNtaColumnCount);

// The item names, for messages.
constexpr absl::string_view kColumnNames[kColumnCount] = {
    "一連番号",
    "法人番号",
    "処理区分",
    "訂正区分",
    "更新年月日",
    "変更年月日",
    "商号又は名称",
    "商号又は名称イメージID",
    "法人種別",
    "国内所在地（都道府県）",
    "国内所在地（市区町村）",
    "国内所在地（丁目番地等）",
    "国内所在地イメージID",
    "都道府県コード",
    "市区町村コード",
    "郵便番号",
    "国外所在地",
    "国外所在地イメージID",
    "登記記録の閉鎖等年月日",
    "登記記録の閉鎖等の事由",
    "承継先法人番号",
    "変更事由の詳細",
    "法人番号指定年月日",
    "最新履歴",
    "商号又は名称（英語表記）",
    "国内所在地（都道府県）（英語表記）",
    "国内所在地（市区町村丁目番地等）（英語表記）",
    "国外所在地（英語表記）",
    "フリガナ",
    "検索対象除外",
};

// The text columns and where they go. Every column but the four flags,
// the sequence number and the process is one.
struct TextColumn {
  Column column;
  std::string CorporateRecord::*member;
};

constexpr TextColumn kTextColumns[] = {
    {kNumber, &CorporateRecord::corporate_number},
    {kUpdated, &CorporateRecord::updated_on},
    {kChanged, &CorporateRecord::changed_on},
    {kName, &CorporateRecord::name},
    {kNameImage, &CorporateRecord::name_image_id},
    {kKind, &CorporateRecord::kind},
    {kPrefecture, &CorporateRecord::prefecture},
    {kCity, &CorporateRecord::city},
    {kStreet, &CorporateRecord::street},
    {kAddressImage, &CorporateRecord::address_image_id},
    {kPrefectureCode, &CorporateRecord::prefecture_code},
    {kCityCode, &CorporateRecord::city_code},
    {kPostalCode, &CorporateRecord::postal_code},
    {kForeignAddress, &CorporateRecord::foreign_address},
    {kForeignAddressImage, &CorporateRecord::foreign_address_image_id},
    {kClosedOn, &CorporateRecord::closed_on},
    {kCloseReason, &CorporateRecord::close_reason},
    {kSuccessor, &CorporateRecord::successor},
    {kChangeDetail, &CorporateRecord::change_detail},
    {kAssignedOn, &CorporateRecord::assigned_on},
    {kEnglishName, &CorporateRecord::english_name},
    {kEnglishPrefecture, &CorporateRecord::english_prefecture},
    {kEnglishAddress, &CorporateRecord::english_address},
    {kEnglishForeignAddress, &CorporateRecord::english_foreign_address},
    {kKana, &CorporateRecord::kana},
};

struct ProcessInfo {
  Process process;
  absl::string_view code;
  absl::string_view name;
};

// 処理区分. 13 and 22 read 国外所在地の変更 and 登記記録の復活等 in every
// transcription of the リソース定義書 found; see docs/nta_format.md.
constexpr ProcessInfo kProcesses[] = {
    {Process::kNew, "01", "新規"},
    {Process::kNameChange, "11", "商号又は名称の変更"},
    {Process::kAddressChange, "12", "国内所在地の変更"},
    {Process::kForeignAddressChange, "13", "国外所在地の変更"},
    {Process::kClosed, "21", "登記記録の閉鎖等"},
    {Process::kReopened, "22", "登記記録の復活等"},
    {Process::kMerger, "71", "吸収合併"},
    {Process::kMergerVoided, "72", "吸収合併無効"},
    {Process::kNameErased, "81", "商号の登記の抹消"},
    {Process::kDeleted, "99", "削除"},
};

struct CodeName {
  absl::string_view code;
  absl::string_view name;
};

// 法人種別. The legal form of 301–305 is their name.
constexpr CodeName kKinds[] = {
    {"101", "国の機関"},   {"201", "地方公共団体"},
    {"301", "株式会社"},   {"302", "有限会社"},
    {"303", "合名会社"},   {"304", "合資会社"},
    {"305", "合同会社"},   {"399", "その他の設立登記法人"},
    {"401", "外国会社等"}, {"499", "その他"},
};

// 登記記録の閉鎖等の事由.
constexpr CodeName kCloseReasons[] = {
    {"01", "清算の結了等"},
    {"11", "合併による解散等"},
    {"21", "登記官による閉鎖"},
    {"31", "その他の清算の結了等"},
};

absl::string_view NameOf(absl::Span<const CodeName> table, absl::string_view code) {
  for (const CodeName& entry : table) {
    if (entry.code == code) return entry.name;
  }
  return "";
}

bool IsFlag(absl::string_view text) { return text == "0" || text == "1"; }

// "YYYY-MM-DD" naming a real day (RFC 3339 full-date, as the リソース定義書's
// 凡例 says).
bool IsDate(absl::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int year = 0, month = 0, day = 0;
  if (!internal::AllDigits(text.substr(0, 4)) || !internal::AllDigits(text.substr(5, 2)) ||
      !internal::AllDigits(text.substr(8, 2)) || !absl::SimpleAtoi(text.substr(0, 4), &year) ||
      !absl::SimpleAtoi(text.substr(5, 2), &month) || !absl::SimpleAtoi(text.substr(8, 2), &day)) {
    return false;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= records::DaysInMonth(year, month);
}

// "YYYYMMDD" → "YYYY-MM-DD", or "" when it is not a real day.
std::string CompactDate(absl::string_view digits) {
  if (digits.size() != 8 || !internal::AllDigits(digits)) return "";
  std::string date =
      absl::StrCat(digits.substr(0, 4), "-", digits.substr(4, 2), "-", digits.substr(6, 2));
  return IsDate(date) ? date : "";
}

// A sequence number as the file writes it (digits, 1 or more).
bool ParseSequence(absl::string_view text, int64_t* sequence) {
  return internal::AllDigits(text) && absl::SimpleAtoi(text, sequence) && *sequence >= 1;
}

// The field quoted for a message: "…".
std::string Quote(absl::string_view value) { return absl::StrCat("\"", value, "\""); }

// Checks one row's cells (exactly kColumnCount) and adds a Problem for each
// bad one.
class RowChecker {
 public:
  RowChecker(const CsvRecord& row, std::vector<Problem>* problems)
      : row_(row), problems_(problems) {}

  absl::string_view Cell(Column column) const { return row_.fields[column]; }

  void Add(Column column, absl::string_view reason) {
    problems_->push_back(
        Problem{row_.line, column + 1, absl::StrCat(kColumnNames[column], " ", reason)});
  }

  // Adds "… is missing" and returns false when the required `column` is empty.
  bool Required(Column column) {
    if (!Cell(column).empty()) return true;
    Add(column, "is missing");
    return false;
  }

  void Date(Column column, bool required) {
    if (required ? !Required(column) : Cell(column).empty()) return;
    if (!IsDate(Cell(column))) {
      Add(column, absl::StrCat(Quote(Cell(column)), " is not a date YYYY-MM-DD"));
    }
  }

  void CorporateNumber(Column column, bool required) {
    if (required ? !Required(column) : Cell(column).empty()) return;
    const std::string problem = records::CorporateNumberProblem(Cell(column));
    if (!problem.empty()) Add(column, absl::StrCat(Quote(Cell(column)), ": ", problem));
  }

  bool Flag(Column column) {
    if (!Required(column)) return false;
    if (IsFlag(Cell(column))) return Cell(column) == "1";
    Add(column, absl::StrCat(Quote(Cell(column)), " is neither 0 nor 1"));
    return false;
  }

  void Digits(Column column, size_t count) {
    const absl::string_view cell = Cell(column);
    if (cell.empty() || (cell.size() == count && internal::AllDigits(cell))) return;
    Add(column, absl::StrCat(Quote(cell), " is not ", count, " digits"));
  }

  void Code(Column column, absl::Span<const CodeName> table, bool required) {
    if (required ? !Required(column) : Cell(column).empty()) return;
    if (NameOf(table, Cell(column)).empty()) {
      Add(column, absl::StrCat(Quote(Cell(column)), " is not a known code"));
    }
  }

 private:
  const CsvRecord& row_;
  std::vector<Problem>* problems_;
};

// Fills `*out` from `row` (whose fields it takes, swapping buffers so that
// neither side allocates in steady state).
void Fill(CsvRecord* row, CorporateRecord* out, std::vector<Problem>* problems) {
  out->line = row->line;
  out->raw = row->raw;
  out->sequence = 0;
  out->process = Process::kNew;
  out->correction = out->latest = out->hidden = false;
  for (const TextColumn& text : kTextColumns) (out->*text.member).clear();

  const int columns = static_cast<int>(row->fields.size());
  if (columns != kColumnCount) {
    problems->push_back(
        Problem{row->line, 0,
                absl::StrCat(columns, columns == 1 ? " column" : " columns", "; a row of an NTA ",
                             "法人番号 file has ", kColumnCount)});
    return;
  }

  RowChecker check(*row, problems);
  if (check.Required(kSequence) && !ParseSequence(check.Cell(kSequence), &out->sequence)) {
    check.Add(kSequence, absl::StrCat(Quote(check.Cell(kSequence)), " is not a number from 1"));
  }
  check.CorporateNumber(kNumber, /*required=*/true);
  if (check.Required(kProcess)) {
    if (auto process = ParseProcessCode(check.Cell(kProcess)); process.has_value()) {
      out->process = *process;
    } else {
      check.Add(kProcess, absl::StrCat(Quote(check.Cell(kProcess)), " is not a known code"));
    }
  }
  out->correction = check.Flag(kCorrection);
  check.Date(kUpdated, /*required=*/true);
  check.Date(kChanged, /*required=*/false);
  check.Code(kKind, kKinds, /*required=*/true);
  check.Digits(kPrefectureCode, 2);
  check.Digits(kCityCode, 3);
  check.Digits(kPostalCode, 7);
  check.Date(kClosedOn, /*required=*/false);
  check.Code(kCloseReason, kCloseReasons, /*required=*/false);
  check.CorporateNumber(kSuccessor, /*required=*/false);
  check.Date(kAssignedOn, /*required=*/false);
  out->latest = check.Flag(kLatest);
  out->hidden = check.Flag(kHidden);

  for (const TextColumn& text : kTextColumns) {
    (out->*text.member).swap(row->fields[text.column]);
  }
}

bool IsBlank(const CsvRecord& row) { return row.fields.size() == 1 && row.fields[0].empty(); }

}  // namespace

absl::string_view ProcessCode(Process process) {
  for (const ProcessInfo& info : kProcesses) {
    if (info.process == process) return info.code;
  }
  return "";
}

absl::string_view ProcessName(Process process) {
  for (const ProcessInfo& info : kProcesses) {
    if (info.process == process) return info.name;
  }
  return "";
}

std::optional<Process> ParseProcessCode(absl::string_view code) {
  for (const ProcessInfo& info : kProcesses) {
    if (info.code == code) return info.process;
  }
  return std::nullopt;
}

absl::string_view KindName(absl::string_view kind_code) { return NameOf(kKinds, kind_code); }

std::string LegalFormOfKind(absl::string_view kind_code) {
  if (kind_code.size() == 3 && kind_code >= "301" && kind_code <= "305") {
    return std::string(KindName(kind_code));
  }
  return "";
}

absl::string_view CloseReasonName(absl::string_view code) { return NameOf(kCloseReasons, code); }

bool LooksLikeNtaFile(absl::string_view utf8_first_line) {
  absl::ConsumePrefix(&utf8_first_line, "\xEF\xBB\xBF");
  CsvReader reader(utf8_first_line);
  CsvRecord row;
  if (!reader.Next(&row) || row.fields.size() != kColumnCount) return false;
  int64_t sequence = 0;
  return ParseSequence(row.fields[kSequence], &sequence) && row.fields[kNumber].size() == 13 &&
         internal::AllDigits(row.fields[kNumber]) &&
         ParseProcessCode(row.fields[kProcess]).has_value() && IsFlag(row.fields[kCorrection]) &&
         IsDate(row.fields[kUpdated]);
}

std::optional<NtaFileName> ParseNtaFileName(absl::string_view path) {
  if (const size_t slash = path.find_last_of("/\\"); slash != absl::string_view::npos) {
    path.remove_prefix(slash + 1);
  }
  for (absl::string_view extension : {".csv", ".zip"}) {
    if (absl::EndsWithIgnoreCase(path, extension)) {
      path.remove_suffix(extension.size());
      break;
    }
  }
  const std::vector<absl::string_view> parts = absl::StrSplit(path, '_');
  NtaFileName name;
  size_t date_at = 0;  // the part holding YYYYMMDD
  if (parts.size() >= 2 && parts[0] == "diff") {
    name.kind = NtaFileName::Kind::kDiff;
    date_at = 1;
  } else if (parts.size() >= 4 && parts[0].size() == 2 && internal::AllDigits(parts[0]) &&
             !parts[1].empty() && parts[2] == "all") {
    for (char c : parts[1]) {
      if (!absl::ascii_islower(static_cast<unsigned char>(c))) return std::nullopt;
    }
    name.kind = NtaFileName::Kind::kAll;
    name.prefecture_code = std::string(parts[0]);
    date_at = 3;
  } else {
    return std::nullopt;
  }
  name.created_on = CompactDate(parts[date_at]);
  if (name.created_on.empty()) return std::nullopt;
  if (parts.size() == date_at + 2) {
    if (!internal::AllDigits(parts[date_at + 1]) ||
        !absl::SimpleAtoi(parts[date_at + 1], &name.part) || name.part < 1) {
      return std::nullopt;
    }
  } else if (parts.size() != date_at + 1) {
    return std::nullopt;
  }
  return name;
}

NtaReader::NtaReader(std::string name, Decoded decoded)
    : name_(std::move(name)),
      encoding_(decoded.encoding),
      text_(std::move(decoded.utf8)),
      csv_(text_) {}

absl::StatusOr<std::unique_ptr<NtaReader>> NtaReader::OpenFile(absl::string_view path,
                                                               std::optional<Encoding> encoding) {
  absl::StatusOr<std::string> bytes = internal::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return OpenBytes(*std::move(bytes), path, encoding);
}

absl::StatusOr<std::unique_ptr<NtaReader>> NtaReader::OpenBytes(std::string bytes,
                                                                absl::string_view name,
                                                                std::optional<Encoding> encoding) {
  auto decoded = Decode(std::move(bytes), encoding);  // UTF-8 is not copied
  if (!decoded.ok()) return internal::WithName(name, decoded.status());
  // The constructor is private, hence no make_unique.
  std::unique_ptr<NtaReader> reader(new NtaReader(std::string(name), *std::move(decoded)));

  // The first row says whether this is an NTA file at all: a member list or
  // a header row would otherwise come back as one Problem per row.
  CsvReader probe(reader->text_);
  CsvRecord first;
  while (probe.Next(&first) && IsBlank(first)) {
  }
  if (!probe.status().ok()) return internal::WithName(name, probe.status());
  if (!first.fields.empty() && !IsBlank(first) && !LooksLikeNtaFile(first.raw)) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ": line ", first.line,
        " is not a row of an NTA 法人番号 download file (no header; 30 columns starting "
        "一連番号, 13-digit 法人番号, 処理区分, 訂正区分, 更新年月日 YYYY-MM-DD)"));
  }
  return reader;
}

bool NtaReader::Next(CorporateRecord* record, std::vector<Problem>* problems) {
  problems->clear();
  do {
    if (!csv_.Next(&csv_record_)) return false;
  } while (IsBlank(csv_record_));
  Fill(&csv_record_, record, problems);
  return true;
}

absl::Status NtaReader::status() const { return internal::WithName(name_, csv_.status()); }

}  // namespace renkei::importer
