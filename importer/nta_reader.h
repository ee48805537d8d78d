// A reader of the National Tax Agency's 法人番号 bulk download files
// (国税庁法人番号公表サイト, 基本3情報ダウンロード): the monthly 全件データ of a
// prefecture or the whole country and the daily 差分データ, in CSV, in either
// edition: "CSV形式・Shift-JIS" (read as CP932) or "CSV形式・Unicode" (UTF-8).
// docs/nta_format.md describes the format and where it was confirmed.
//
//   - No header row: every record is one corporation's row of 30 columns, in
//     the order of the NTA's リソース定義書 (項番 7–36), from 一連番号 to
//     検索対象除外. Text fields are double-quoted (RFC 4180; "" for a quote),
//     codes and dates are not.
//   - Each row is checked: 30 columns; 一連番号 a positive number; 法人番号 13
//     ASCII digits with a valid check digit; a known 処理区分, 法人種別 and
//     登記記録の閉鎖等の事由; 訂正区分, 最新履歴 and 検索対象除外 "0" or "1";
//     dates YYYY-MM-DD (a real day); 承継先法人番号 a valid 法人番号;
//     都道府県コード 2, 市区町村コード 3 and 郵便番号 7 ASCII digits. 一連番号,
//     法人番号, 処理区分, 訂正区分, 更新年月日, 法人種別, 最新履歴 and
//     検索対象除外 must be present; the other fields may be empty.
//   - A bad row comes back with its Problems (one per bad cell, column = the
//     1-based CSV column; a wrong column count is a Problem of the row) and
//     reading goes on, so every bad row can be listed before anything is
//     written. Blank lines are skipped. A quoted field left open stops the
//     reader (status()).
//   - Values are kept as written: nothing is trimmed or normalized, codes
//     stay strings ("301", "03"), dates stay "2015-10-05".
//
// Reading the format only: applying 差分 rows to a store is the caller's job.
//
//   auto reader = NtaReader::OpenFile("03_iwate_all_20240329.csv");
//   if (!reader.ok()) …                     // cannot read, undecodable, not NTA
//   CorporateRecord record;
//   std::vector<Problem> problems;
//   while ((*reader)->Next(&record, &problems)) {
//     if (!problems.empty()) { … report, skip … continue; }
//     … record.corporate_number, record.process, record.name …
//   }
//   if (!(*reader)->status().ok()) …        // a quoted field left open
//
// The whole file is held in memory (its UTF-8 text); a prefecture's file is
// tens of MB, the national one over a gigabyte. Not thread-safe.
#ifndef RENKEI_IMPORTER_NTA_READER_H_
#define RENKEI_IMPORTER_NTA_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importer/csv_reader.h"
#include "importer/encoding.h"
#include "importer/problem.h"

namespace renkei::importer {

// The number of columns of a row (リソース定義書 第4.1版, 項番 7–36).
inline constexpr int kNtaColumnCount = 30;

// One row of an NTA file: one corporation as of one change. Dates are
// "YYYY-MM-DD" or "" when the row has none; codes are the digits as written.
struct CorporateRecord {
  // 処理区分: what the row records.
  enum class Process {
    kNew,                   // 01 新規
    kNameChange,            // 11 商号又は名称の変更
    kAddressChange,         // 12 国内所在地の変更
    kForeignAddressChange,  // 13 国外所在地の変更
    kClosed,                // 21 登記記録の閉鎖等
    kReopened,              // 22 登記記録の復活等
    kMerger,                // 71 吸収合併
    kMergerVoided,          // 72 吸収合併無効
    kNameErased,            // 81 商号の登記の抹消
    kDeleted,               // 99 削除
  };

  int line = 0;           // 1-based physical line where the row starts
  absl::string_view raw;  // the row as written; valid while the reader lives

  int64_t sequence = 0;          // 一連番号 (1, 2, … within the file)
  std::string corporate_number;  // 法人番号, 13 digits
  Process process = Process::kNew;
  bool correction = false;       // 訂正区分 1: the row corrects an earlier one
  std::string updated_on;        // 更新年月日: when the NTA recorded the row
  std::string changed_on;        // 変更年月日: when the change took effect
  std::string name;              // 商号又は名称
  std::string name_image_id;     // 商号又は名称イメージID (what text cannot hold)
  std::string kind;              // 法人種別: "101" … "499" (see KindName)
  std::string prefecture;        // 国内所在地（都道府県）: 岩手県
  std::string city;              // 国内所在地（市区町村）: 一関市
  std::string street;            // 国内所在地（丁目番地等）: 竹山町７番２号
  std::string address_image_id;  // 国内所在地イメージID
  std::string prefecture_code;   // 都道府県コード (JIS X 0401): "03"
  std::string city_code;         // 市区町村コード (JIS X 0402): "209"
  std::string postal_code;       // 郵便番号, 7 digits: "0218501"
  std::string foreign_address;   // 国外所在地
  std::string foreign_address_image_id;  // 国外所在地イメージID
  std::string closed_on;                 // 登記記録の閉鎖等年月日
  std::string close_reason;        // 登記記録の閉鎖等の事由: "01" … (CloseReasonName)
  std::string successor;           // 承継先法人番号 (after a merger)
  std::string change_detail;       // 変更事由の詳細
  std::string assigned_on;         // 法人番号指定年月日
  bool latest = false;             // 最新履歴 1: the corporation's current state
  std::string english_name;        // 商号又は名称（英語表記）
  std::string english_prefecture;  // 国内所在地（都道府県）（英語表記）
  std::string english_address;  // 国内所在地（市区町村丁目番地等）（英語表記）
  std::string english_foreign_address;  // 国外所在地（英語表記）
  std::string kana;                     // フリガナ, published without the legal form
  bool hidden = false;                  // 検索対象除外 1: left out of the site's search
};

// "01" … "99", and the label (新規, 商号又は名称の変更, …).
absl::string_view ProcessCode(CorporateRecord::Process process);
absl::string_view ProcessName(CorporateRecord::Process process);
// The process of a code, or nullopt for an unknown one.
std::optional<CorporateRecord::Process> ParseProcessCode(absl::string_view code);

// The label of a 法人種別 code: 101 国の機関, 201 地方公共団体, 301 株式会社,
// 302 有限会社, 303 合名会社, 304 合資会社, 305 合同会社, 399 その他の設立登記法人,
// 401 外国会社等, 499 その他; "" for an unknown code.
absl::string_view KindName(absl::string_view kind_code);

// The legal form a name of that 法人種別 carries: 株式会社, 有限会社 (a 特例
// 有限会社), 合名会社, 合資会社 or 合同会社 for 301–305; "" for the other kinds,
// whose form is not fixed by the code (399 covers 一般社団法人, 医療法人, NPO…).
std::string LegalFormOfKind(absl::string_view kind_code);

// The label of a 登記記録の閉鎖等の事由 code: 01 清算の結了等, 11 合併による解散等,
// 21 登記官による閉鎖, 31 その他の清算の結了等; "" for an unknown code.
absl::string_view CloseReasonName(absl::string_view code);

// Whether `utf8_first_line` (a file's first line, decoded) reads as a row of
// an NTA file: 30 CSV columns, a sequence number, 13 digits (the check digit
// is not checked: recognising, not validating), a known 処理区分, 訂正区分 0/1
// and a YYYY-MM-DD 更新年月日. A byte-order mark and a trailing line break
// are allowed. A header row, a member list or a Web-API response (whose first
// line is a summary: 最終更新年月日,総件数,分割番号,分割数) is not.
bool LooksLikeNtaFile(absl::string_view utf8_first_line);

// What an NTA file name says (download naming rule, k-namingrule-dl):
//   全件: {都道府県コード}_{name}_all_{YYYYMMDD}[_{n}].csv
//         (00_zenkoku for the whole country, 99_kokugai for abroad);
//   差分: diff_{YYYYMMDD}[_{n}].csv.
struct NtaFileName {
  enum class Kind { kAll, kDiff };
  Kind kind = Kind::kAll;
  std::string prefecture_code;  // 全件: "00" … "47", "99"; 差分: ""
  std::string created_on;       // "YYYY-MM-DD"
  int part = 0;                 // the 一連番号 of a split file; 0 when not split
};

// The parts of `path`'s base name (a directory and .csv/.zip are allowed),
// or nullopt when it does not follow the naming rule.
std::optional<NtaFileName> ParseNtaFileName(absl::string_view path);

class NtaReader {
 public:
  // Reads and decodes `path`. Without `encoding`, detects it (encoding.h):
  // the Unicode edition is UTF-8, the Shift-JIS edition CP932. Errors start
  // with the path: NOT_FOUND when the file does not exist; INVALID_ARGUMENT
  // for undecodable bytes, or a first line that is not an NTA row
  // (LooksLikeNtaFile).
  static absl::StatusOr<std::unique_ptr<NtaReader>> OpenFile(
      absl::string_view path, std::optional<Encoding> encoding = std::nullopt);

  // The same over bytes in memory; `name` prefixes messages.
  static absl::StatusOr<std::unique_ptr<NtaReader>> OpenBytes(
      std::string bytes, absl::string_view name, std::optional<Encoding> encoding = std::nullopt);

  NtaReader(const NtaReader&) = delete;
  NtaReader& operator=(const NtaReader&) = delete;

  // Reads the next row into `*record` and its problems into `*problems`
  // (cleared first). A row with problems should not be applied: `*record`
  // then holds its text cells as written and defaults for what did not parse
  // (only line and raw when the row lacks 30 columns). False at the end of
  // the file or on an error (status()).
  bool Next(CorporateRecord* record, std::vector<Problem>* problems);

  // OK unless a quoted field is left open (INVALID_ARGUMENT with the name).
  absl::Status status() const;

  const std::string& name() const { return name_; }
  Encoding encoding() const { return encoding_; }

 private:
  NtaReader(std::string name, Decoded decoded);

  const std::string name_;
  const Encoding encoding_;
  const std::string text_;  // UTF-8; csv_ views it
  CsvReader csv_;
  CsvRecord csv_record_;
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_NTA_READER_H_
