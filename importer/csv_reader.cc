#include "importer/csv_reader.h"

#include <unicode/utf8.h>

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace renkei::importer {

CsvReader::CsvReader(absl::string_view utf8, const Options& options)
    : text_(utf8), delimiter_(options.delimiter) {}

int CsvReader::ColumnOf(size_t line_start, size_t offset) const {
  int column = 1;
  const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
  for (size_t i = line_start; i < offset; ++i) {
    if (!U8_IS_TRAIL(s[i])) ++column;  // count lead and ASCII bytes
  }
  return column;
}

absl::Status CsvReader::Error(int line, size_t line_start, size_t offset,
                              absl::string_view what) const {
  return absl::InvalidArgumentError(
      absl::StrCat("line ", line, ", column ", ColumnOf(line_start, offset), ": ", what));
}

bool CsvReader::Next(CsvRecord* record) {
  if (!status_.ok() || pos_ >= text_.size()) return false;
  const size_t size = text_.size();
  const size_t record_start = pos_;
  record->line = line_;
  size_t count = 0;  // fields filled so far
  auto next_field = [&]() -> std::string& {
    if (count == record->fields.size()) record->fields.emplace_back();
    std::string& field = record->fields[count++];
    field.clear();
    return field;
  };
  const char specials[] = {'"', '\r', '\n', '\0'};
  const char unquoted_stops[] = {delimiter_, '\r', '\n', '\0'};
  for (;;) {
    std::string& field = next_field();
    if (pos_ < size && text_[pos_] == '"') {
      const int open_line = line_;
      const size_t open_line_start = line_start_;
      const size_t open_pos = pos_;
      ++pos_;
      for (;;) {
        const size_t stop = text_.find_first_of(specials, pos_);
        if (stop == absl::string_view::npos) {
          status_ = Error(open_line, open_line_start, open_pos,
                          "quoted field is not closed before the end of the "
                          "file (a missing '\"'?)");
          return false;
        }
        field.append(text_.data() + pos_, stop - pos_);
        pos_ = stop;
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < size && text_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        // A line break inside the quotes: part of the field.
        field.push_back(c);
        ++pos_;
        if (c == '\r' && pos_ < size && text_[pos_] == '\n') {
          field.push_back('\n');
          ++pos_;
        }
        ++line_;
        line_start_ = pos_;
      }
      if (pos_ < size && text_[pos_] != delimiter_ && text_[pos_] != '\r' && text_[pos_] != '\n') {
        status_ = Error(line_, line_start_, pos_,
                        "characters after the closing '\"' of a quoted field "
                        "(a '\"' inside a quoted field must be doubled)");
        return false;
      }
    } else {
      size_t stop = text_.find_first_of(absl::string_view(unquoted_stops, 3), pos_);
      if (stop == absl::string_view::npos) stop = size;
      field.append(text_.data() + pos_, stop - pos_);
      pos_ = stop;
    }
    if (pos_ < size && text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    break;  // end of record: a line break or the end of the text
  }
  record->fields.resize(count);
  record->raw = text_.substr(record_start, pos_ - record_start);
  record->end_line = line_;
  if (pos_ < size) {
    const char c = text_[pos_++];
    if (c == '\r' && pos_ < size && text_[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = pos_;
  }
  return true;
}

}  // namespace renkei::importer
