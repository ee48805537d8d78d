// Rows of a member list that are not members: totals (「会員数　合計 58社」),
// notes (※…), section headings (【正会員】, ■賛助会員), a header repeated
// on every printed page, and legends (◎会長 ○副会長, 凡例). The reader
// skips them wherever they stand and counts them (row_source.h); they are
// never rejected. A heading's words become the role of the rows under it
// when the list has no role column.
//
// A row is a member when none of these holds:
//   repeated header  two or more cells equal their column's header, or are
//                    header words of two columns;
//   total            the name cell (or, with no name, the first cell) is a
//                    total (合計, 計, 総計, 小計, 以上, 会員数…, 合計 58社) or a
//                    count (58社, 計 58件), or the name is empty and a cell is;
//   note             that cell starts with ※, ＊, 注), 注:, (注) or 注意;
//   legend           a cell says 凡例, or pairs marks with roles (◎会長 ○副会長);
//   heading          it is the only non-empty cell and is bracketed or marked
//                    (【正会員】, ＜賛助会員＞, ■正会員) or names a class of
//                    members (正会員, 賛助会員, 特別会員).
// Thread-safe (pure functions).
#ifndef RENKEI_IMPORTER_ROW_KINDS_H_
#define RENKEI_IMPORTER_ROW_KINDS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "importer/column_mapping.h"

namespace renkei::importer {

enum class RowKind { kMember, kTotal, kNote, kHeading, kRepeatedHeader, kLegend };

struct RowClass {
  RowKind kind = RowKind::kMember;
  std::string heading;  // kHeading: its words without brackets or marks
};

// What the row `cells` is, under `header` (`rules` recognizes header
// words); `name_column` is the 0-based name column, or -1.
RowClass ClassifyRow(const std::vector<std::string>& cells, const std::vector<std::string>& header,
                     int name_column, const ColumnRules& rules);

// A cell that is a total or a count: 「合計」, 「（計）」, 「合計58社」, 「58社」,
// 「会員数 58名」 (a bare number is not: it may be a member number).
bool IsTotalCell(absl::string_view cell);

// A cell that is a note: ※…, ＊…, 注)…, (注)….
bool IsNoteCell(absl::string_view cell);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_ROW_KINDS_H_
