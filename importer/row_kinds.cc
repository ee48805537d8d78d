#include "importer/row_kinds.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

namespace renkei::importer {
namespace {

// Normalized text without brackets: "（計）" → "計".
std::string Unbracketed(absl::string_view cell) {
  const std::string text = text::NormalizeText(cell);
  std::string out;
  for (char c : text) {
    if (c == '(' || c == ')' || c == '[' || c == ']') continue;
    out.push_back(c);
  }
  return out;
}

bool IsTotalWord(absl::string_view text) {
  if (text == "合計" || text == "計" || text == "総計" || text == "小計" || text == "以上") {
    return true;
  }
  for (absl::string_view start : {"合計", "総計", "小計", "計:", "会員数", "総数", "会員総数"}) {
    if (absl::StartsWith(text, start)) return true;
  }
  return false;
}

// 「58社」, 「計58件」, 「会員数58名」: a number with a unit or a total word.
bool IsCount(absl::string_view text) {
  bool prefixed = false;
  for (absl::string_view prefix : {"合計", "総計", "会員数", "計", "総数", "件数"}) {
    if (absl::ConsumePrefix(&text, prefix)) {
      prefixed = true;
      break;
    }
  }
  absl::ConsumePrefix(&text, ":");
  size_t digits = 0;
  while (digits < text.size() &&
         (absl::ascii_isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == ',')) {
    ++digits;
  }
  if (digits == 0) return false;
  text.remove_prefix(digits);
  if (text.empty()) return prefixed;
  for (absl::string_view unit : {"社", "件", "名", "者", "団体", "事業所", "人", "会員"}) {
    if (text == unit) return true;
  }
  return false;
}

// Brackets and marks a heading is written in.
// (Not ◎ ○ ●: lists put them before the names of officers.)
constexpr absl::string_view kHeadingOpens[] = {"【", "[", "<", "〈", "《", "〔",
                                               "■", "□", "◆", "◇", "▼", "▽"};
constexpr absl::string_view kHeadingCloses[] = {"】", "]", ">", "〉", "》", "〕"};

// The words of a heading without its brackets and marks; "" when `cell` is
// not written as a heading.
std::string HeadingWords(absl::string_view cell) {
  std::string text = text::NormalizeText(cell);
  absl::string_view t = text;
  bool marked = false;
  for (absl::string_view open : kHeadingOpens) marked = absl::ConsumePrefix(&t, open) || marked;
  for (absl::string_view close : kHeadingCloses) absl::ConsumeSuffix(&t, close);
  const bool member_class = absl::EndsWith(t, "会員") && text::CodePointCount(t) <= 6;
  if (!marked && !member_class) return "";
  return std::string(t);
}

bool IsLegend(absl::string_view cell) {
  if (absl::StrContains(cell, "凡例")) return true;
  int marks = 0;
  for (absl::string_view mark : {"◎", "○", "△", "☆", "★"}) marks += absl::StrContains(cell, mark);
  return marks >= 2 || (marks == 1 && (absl::StrContains(cell, "会長") || absl::StrContains(cell, "役員")) &&
                        (absl::StrContains(cell, "：") || absl::StrContains(cell, ":") ||
                         absl::StrContains(cell, "…") || absl::StrContains(cell, "=")));
}

bool IsRepeatedHeader(const std::vector<std::string>& cells, const std::vector<std::string>& header,
                      const ColumnRules& rules) {
  int same = 0, words = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    if (i < header.size() && !header[i].empty() &&
        ColumnRules::NormalizeHeader(cells[i]) == ColumnRules::NormalizeHeader(header[i])) {
      ++same;
    }
    if (rules.Recognize(cells[i]).kind == ColumnRules::Meaning::kField) ++words;
  }
  return same >= 2 || words >= 2;
}

}  // namespace

bool IsTotalCell(absl::string_view cell) {
  const std::string text = Unbracketed(cell);
  return IsTotalWord(text) || IsCount(text);
}

bool IsNoteCell(absl::string_view cell) {
  const std::string text = text::NormalizeText(cell);
  for (absl::string_view start : {"※", "*", "注)", "注:", "(注", "注意", "注1", "注記"}) {
    if (absl::StartsWith(text, start)) return true;
  }
  return false;
}

RowClass ClassifyRow(const std::vector<std::string>& cells, const std::vector<std::string>& header,
                     int name_column, const ColumnRules& rules) {
  RowClass result;
  const std::string empty;
  const std::string& name =
      name_column >= 0 && name_column < static_cast<int>(cells.size()) ? cells[name_column] : empty;
  const std::string* first = nullptr;
  int non_empty = 0;
  bool any_total = false, any_legend = false;
  for (const std::string& cell : cells) {
    if (cell.empty()) continue;
    ++non_empty;
    if (first == nullptr) first = &cell;
    any_total = any_total || IsTotalCell(cell);
    any_legend = any_legend || IsLegend(cell);
  }
  if (first == nullptr) return result;  // blank rows are the table's
  const std::string& lead = name.empty() ? *first : name;
  if (IsRepeatedHeader(cells, header, rules)) {
    result.kind = RowKind::kRepeatedHeader;
  } else if (IsTotalCell(lead) || (name.empty() && any_total)) {
    result.kind = RowKind::kTotal;
  } else if (IsNoteCell(lead)) {
    result.kind = RowKind::kNote;
  } else if (any_legend && (name.empty() || IsLegend(name))) {
    result.kind = RowKind::kLegend;
  } else if (non_empty == 1) {
    std::string words = HeadingWords(lead);
    if (!words.empty()) {
      result.kind = RowKind::kHeading;
      result.heading = std::move(words);
    }
  }
  return result;
}

}  // namespace renkei::importer
