#include "cli/output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/display_width.h"
#include "cli/fields.h"
#include "google/protobuf/message.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace renkei::cli {
namespace {

constexpr int kMinColumnWidth = 6;

std::string Json(const google::protobuf::Message& record, bool pretty, bool proto_names) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.preserve_proto_field_names = proto_names;
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(record, &json, options);
  while (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

// A JSON string literal, which YAML reads as a double-quoted scalar.
std::string Quoted(absl::string_view text) {
  google::protobuf::Value value;
  value.set_string_value(std::string(text));
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(value, &json);
  return json;
}

std::string Number(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value))) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  return absl::StrCat(value);
}

void WriteYaml(const google::protobuf::Value& value, int indent, std::string* out);

void WriteYamlEntries(const google::protobuf::Struct& object, int indent, std::string* out) {
  std::vector<std::string> keys;
  for (const auto& [key, unused] : object.fields()) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  for (const std::string& key : keys) {
    const google::protobuf::Value& v = object.fields().at(key);
    absl::StrAppend(out, std::string(indent, ' '), key, ":");
    const bool nested = (v.has_struct_value() && !v.struct_value().fields().empty()) ||
                        (v.has_list_value() && v.list_value().values_size() > 0);
    if (nested) {
      out->push_back('\n');
      WriteYaml(v, indent + 2, out);
    } else {
      out->push_back(' ');
      WriteYaml(v, indent + 2, out);
    }
  }
}

void WriteYaml(const google::protobuf::Value& value, int indent, std::string* out) {
  switch (value.kind_case()) {
    case google::protobuf::Value::kStructValue:
      if (value.struct_value().fields().empty()) {
        absl::StrAppend(out, "{}\n");
      } else {
        WriteYamlEntries(value.struct_value(), indent, out);
      }
      return;
    case google::protobuf::Value::kListValue:
      if (value.list_value().values().empty()) {
        absl::StrAppend(out, "[]\n");
        return;
      }
      for (const auto& item : value.list_value().values()) {
        absl::StrAppend(out, std::string(indent, ' '), "-");
        if (item.has_struct_value() && !item.struct_value().fields().empty()) {
          out->push_back('\n');
          WriteYamlEntries(item.struct_value(), indent + 2, out);
        } else {
          out->push_back(' ');
          WriteYaml(item, indent + 2, out);
        }
      }
      return;
    case google::protobuf::Value::kStringValue:
      absl::StrAppend(out, Quoted(value.string_value()), "\n");
      return;
    case google::protobuf::Value::kNumberValue:
      absl::StrAppend(out, Number(value.number_value()), "\n");
      return;
    case google::protobuf::Value::kBoolValue:
      absl::StrAppend(out, value.bool_value() ? "true" : "false", "\n");
      return;
    default:
      absl::StrAppend(out, "null\n");
  }
}

std::string Yaml(const google::protobuf::Message& record) {
  google::protobuf::Value value;
  (void)google::protobuf::util::JsonStringToMessage(Json(record, false, false), &value);
  std::string out;
  WriteYaml(value, 0, &out);
  return out;
}

// Every set field of `record` as (path, text) lines, in field order, for the
// one-record table. Dates, timestamps and external ids are one value each.
void Flatten(const google::protobuf::Message& record, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>* lines) {
  using google::protobuf::FieldDescriptor;
  auto leaf_message = [](const FieldDescriptor* field) {
    const std::string& type = field->message_type()->full_name();
    return type == "renkei.v1.Date" || type == "google.protobuf.Timestamp" ||
           type == "renkei.v1.ExternalId";
  };
  const auto* reflection = record.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(record, &fields);
  for (const FieldDescriptor* field : fields) {
    const std::string path = prefix.empty() ? field->name() : prefix + "." + field->name();
    if (field->is_map()) {
      for (int i = 0; i < reflection->FieldSize(record, field); ++i) {
        const auto& entry = reflection->GetRepeatedMessage(record, field, i);
        const auto* key = entry.GetDescriptor()->FindFieldByNumber(1);
        const auto* value = entry.GetDescriptor()->FindFieldByNumber(2);
        const std::string entry_path =
            absl::StrCat(path, "[", entry.GetReflection()->GetString(entry, key), "]");
        if (value->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
          Flatten(entry.GetReflection()->GetMessage(entry, value), entry_path, lines);
        } else {
          lines->emplace_back(entry_path, FieldText(entry, "value"));
        }
      }
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !leaf_message(field)) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(record, field); ++i) {
          Flatten(reflection->GetRepeatedMessage(record, field, i),
                  absl::StrCat(path, "[", i, "]"), lines);
        }
      } else {
        Flatten(reflection->GetMessage(record, field), path, lines);
      }
    } else {
      lines->emplace_back(path, FieldText(record, field->name()));
    }
  }
}

}  // namespace

absl::StatusOr<Format> ParseFormat(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(name);
  if (lower == "table") return Format::kTable;
  if (lower == "json") return Format::kJson;
  if (lower == "jsonl") return Format::kJsonl;
  if (lower == "csv") return Format::kCsv;
  if (lower == "yaml") return Format::kYaml;
  return absl::InvalidArgumentError(
      absl::StrCat("--output \"", name, "\": not one of table, json, jsonl, csv, yaml"));
}

Format DefaultFormat() { return isatty(STDOUT_FILENO) ? Format::kTable : Format::kJsonl; }

int TerminalWidth() {
  int columns;
  if (const char* env = std::getenv("COLUMNS"); env != nullptr && absl::SimpleAtoi(env, &columns) &&
                                                 columns > 0) {
    return columns;
  }
  struct winsize size;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 0;
}

std::string ToJson(const google::protobuf::Message& record, bool pretty) {
  return Json(record, pretty, false);
}

std::string CsvField(absl::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != absl::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

ListWriter::ListWriter(Format format, std::vector<Column> columns, std::ostream* out, int width)
    : format_(format), columns_(std::move(columns)), out_(*out), width_(width) {}

void ListWriter::Add(const google::protobuf::Message& record) {
  switch (format_) {
    case Format::kTable: {
      std::vector<std::string> row;
      for (const Column& column : columns_) {
        std::string text = FieldText(record, column.path);
        std::replace(text.begin(), text.end(), '\n', ' ');
        row.push_back(std::move(text));
      }
      pending_.push_back(std::move(row));
      break;
    }
    case Format::kJson:
      out_ << (written_ == 0 ? "[\n" : ",\n") << Json(record, true, false);
      break;
    case Format::kJsonl:
      out_ << Json(record, false, false) << "\n";
      break;
    case Format::kCsv: {
      if (!header_written_) {
        std::vector<std::string> headers;
        for (const Column& column : columns_) headers.push_back(CsvField(column.path));
        out_ << absl::StrJoin(headers, ",") << "\r\n";
        header_written_ = true;
      }
      std::vector<std::string> fields;
      for (const Column& column : columns_) {
        fields.push_back(CsvField(FieldText(record, column.path)));
      }
      out_ << absl::StrJoin(fields, ",") << "\r\n";
      break;
    }
    case Format::kYaml:
      out_ << "---\n" << Yaml(record);
      break;
  }
  ++written_;
}

void ListWriter::WriteTableRows() {
  if (widths_.empty()) {
    for (size_t c = 0; c < columns_.size(); ++c) {
      int width = DisplayWidth(columns_[c].header);
      for (const auto& row : pending_) width = std::max(width, DisplayWidth(row[c]));
      widths_.push_back(width);
    }
    // Narrow the widest columns until the row fits the terminal.
    const int gaps = 2 * static_cast<int>(columns_.size() - 1);
    auto total = [&] { return std::accumulate(widths_.begin(), widths_.end(), 0) + gaps; };
    while (width_ > 0 && total() > width_) {
      auto widest = std::max_element(widths_.begin(), widths_.end());
      if (*widest <= kMinColumnWidth) break;
      --*widest;
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t c = 0; c < cells.size(); ++c) {
      const std::string cell = FitToWidth(cells[c], widths_[c]);
      absl::StrAppend(&text, c + 1 == cells.size() ? cell : PadToWidth(cell, widths_[c]),
                      c + 1 == cells.size() ? "" : "  ");
    }
    out_ << text << "\n";
  };
  if (!header_written_) {
    std::vector<std::string> headers;
    for (const Column& column : columns_) headers.push_back(column.header);
    line(headers);
    header_written_ = true;
  }
  for (const auto& row : pending_) line(row);
  pending_.clear();
}

void ListWriter::Flush() {
  if (format_ == Format::kTable && !pending_.empty()) WriteTableRows();
  out_.flush();
}

void ListWriter::Finish() {
  if (format_ == Format::kTable && (!pending_.empty() || !header_written_)) WriteTableRows();
  if (format_ == Format::kJson) out_ << (written_ == 0 ? "[]\n" : "\n]\n");
  if (format_ == Format::kCsv && !header_written_) {
    std::vector<std::string> headers;
    for (const Column& column : columns_) headers.push_back(CsvField(column.path));
    out_ << absl::StrJoin(headers, ",") << "\r\n";
  }
  out_.flush();
}

void WriteRecord(Format format, const google::protobuf::Message& record, std::ostream* out,
                 int width) {
  switch (format) {
    case Format::kJson:
      *out << Json(record, true, false) << "\n";
      return;
    case Format::kJsonl:
      *out << Json(record, false, false) << "\n";
      return;
    case Format::kYaml:
      *out << Yaml(record);
      return;
    case Format::kCsv:
    case Format::kTable: {
      std::vector<std::pair<std::string, std::string>> lines;
      Flatten(record, "", &lines);
      if (format == Format::kCsv) {
        *out << "field,value\r\n";
        for (const auto& [path, text] : lines) {
          *out << CsvField(path) << "," << CsvField(text) << "\r\n";
        }
        return;
      }
      int key_width = 0;
      for (const auto& [path, text] : lines) key_width = std::max(key_width, DisplayWidth(path));
      for (const auto& [path, text] : lines) {
        std::string shown = text;
        std::replace(shown.begin(), shown.end(), '\n', ' ');
        *out << PadToWidth(path, key_width) << "  "
             << (width > 0 ? FitToWidth(shown, std::max(10, width - key_width - 2)) : shown)
             << "\n";
      }
      return;
    }
  }
}

}  // namespace renkei::cli
