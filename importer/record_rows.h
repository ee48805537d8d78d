// Files of people, seeds, needs and collaborations (a seed catalogue, a
// 年度's list of 共同研究 …) read into ImportRows.
//
// Two forms:
//   - JSON Lines: one record a line in the protobuf JSON mapping of its
//     message (what `renkei seed get -o json` prints), e.g.
//       {"title":"超微細気泡による洗浄","institution":"一関工業高等専門学校",
//        "keywords":["UFB"],"externalIds":[{"source":"kosen-seeds","value":"S-12"}]}
//   - CSV/TSV with a header row naming the fields, by their proto name or
//     JSON name (title, summary, keywords …) or by the usual Japanese headers
//     (タイトル, 概要, キーワード, 分野, 研究者, 所属 …: see record_rows.cc).
//     Repeated text fields are split as values.h SplitList says; enums take
//     their value name (COLLABORATION_TYPE_JOINT_RESEARCH), its tail
//     (JOINT_RESEARCH) or the Japanese word (共同研究, 受託研究, 技術相談,
//     試験分析 …); dates take 和暦 or 西暦 (values.h). A column 番号 / id
//     gives an external id with the source `id_source`.
// The organization a record belongs to (Person.organization,
// Seed.institution, Need.company, a collaboration's participants) may be
// written as its resource name, its 法人番号 or its name; a name or number
// goes to ImportRow.organization (or participant_organizations) for the
// server to resolve.
#ifndef RENKEI_IMPORTER_RECORD_ROWS_H_
#define RENKEI_IMPORTER_RECORD_ROWS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importer/org_rows.h"
#include "importer/row_source.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // The next row (with its problems), or false at the end or on an error.
  virtual bool Next(Converted* out, absl::string_view* raw) = 0;
  virtual absl::Status status() const = 0;
  virtual std::string DescribeMapping() const = 0;
  virtual absl::string_view header_raw() const = 0;
};

// Opens `path` for records of `kind` (PEOPLE, SEEDS, NEEDS, COLLABORATIONS).
// Errors start with the path. INVALID_ARGUMENT for undecodable bytes, no
// header, or a header cell that names no field of the record (listing the
// fields it could be).
absl::StatusOr<std::unique_ptr<RecordSource>> OpenRecordFile(absl::string_view path,
                                                             v1::ImportKind kind,
                                                             const ReadOptions& options,
                                                             std::string id_source);

// The same over bytes in memory (`name` for messages and the format).
absl::StatusOr<std::unique_ptr<RecordSource>> OpenRecordBytes(std::string bytes,
                                                              absl::string_view name,
                                                              v1::ImportKind kind,
                                                              const ReadOptions& options,
                                                              std::string id_source);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_RECORD_ROWS_H_
