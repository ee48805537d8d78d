#include "cli/fields.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/json_util.h"

namespace renkei::cli {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

absl::Status Invalid(absl::string_view text, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("\"", text, "\": ", why));
}

// The prefix enum value names share: "ORGANIZATION_KIND_" for OrganizationKind.
std::string EnumPrefix(const EnumDescriptor* type) {
  std::string prefix;
  for (char c : type->name()) {
    if (absl::ascii_isupper(c) && !prefix.empty()) prefix.push_back('_');
    prefix.push_back(absl::ascii_toupper(c));
  }
  return prefix + "_";
}

std::string ShortEnumName(const google::protobuf::EnumValueDescriptor* value) {
  std::string name = value->name();
  absl::string_view short_name = name;
  absl::ConsumePrefix(&short_name, EnumPrefix(value->type()));
  return absl::AsciiStrToLower(short_name);
}

// Walks `path` down to the message holding the last field. Fills `field`.
absl::StatusOr<Message*> Descend(Message* message, absl::string_view path,
                                 const FieldDescriptor** field) {
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  Message* current = message;
  for (size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* fd = current->GetDescriptor()->FindFieldByName(parts[i]);
    if (fd == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(current->GetDescriptor()->name(), " has no field \"", parts[i], "\""));
    }
    if (i + 1 == parts.size()) {
      *field = fd;
      return current;
    }
    if (fd->is_repeated() || fd->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
      return absl::InvalidArgumentError(absl::StrCat("cannot go into \"", parts[i], "\""));
    }
    current = current->GetReflection()->MutableMessage(current, fd);
  }
  return absl::InvalidArgumentError("empty field path");
}

absl::Status SetDate(Message* date, absl::string_view text) {
  std::vector<std::string> parts = absl::StrSplit(absl::StripAsciiWhitespace(text), '-');
  int numbers[3] = {0, 0, 0};
  if (parts.empty() || parts.size() > 3) return Invalid(text, "expected 2025-04-01, 2025-04 or 2025");
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!absl::SimpleAtoi(parts[i], &numbers[i])) {
      return Invalid(text, "expected 2025-04-01, 2025-04 or 2025");
    }
  }
  const Descriptor* type = date->GetDescriptor();
  const Reflection* reflection = date->GetReflection();
  reflection->SetInt32(date, type->FindFieldByName("year"), numbers[0]);
  reflection->SetInt32(date, type->FindFieldByName("month"), numbers[1]);
  reflection->SetInt32(date, type->FindFieldByName("day"), numbers[2]);
  return absl::OkStatus();
}

// Fills a message-typed value from text: dates, external ids, participants,
// or any message as JSON.
absl::Status SetMessage(Message* value, absl::string_view text) {
  const std::string& type = value->GetDescriptor()->full_name();
  const Reflection* reflection = value->GetReflection();
  auto set_string = [&](const char* field, absl::string_view s) {
    reflection->SetString(value, value->GetDescriptor()->FindFieldByName(field), std::string(s));
  };
  if (type == "renkei.v1.Date") return SetDate(value, text);
  if (type == "renkei.v1.ExternalId") {
    const size_t eq = text.find('=');
    if (eq == absl::string_view::npos || eq == 0 || eq + 1 == text.size()) {
      return Invalid(text, "expected SOURCE=VALUE, e.g. ichinoseki-cci/member-no=1024");
    }
    set_string("source", text.substr(0, eq));
    set_string("value", text.substr(eq + 1));
    return absl::OkStatus();
  }
  if (type == "renkei.v1.Participant") {
    std::vector<absl::string_view> parts = absl::StrSplit(text, ':');
    if (parts.size() > 2) return Invalid(text, "expected ORGANIZATION[:ROLE]");
    absl::StatusOr<std::string> organization = NormalizeReference(parts[0], "organizations");
    if (!organization.ok()) return organization.status();
    set_string("organization", *organization);
    if (parts.size() == 2) {
      const FieldDescriptor* role = value->GetDescriptor()->FindFieldByName("role");
      absl::StatusOr<int> number = ParseEnumValue(role->enum_type(), parts[1]);
      if (!number.ok()) return number.status();
      reflection->SetEnumValue(value, role, *number);
    }
    return absl::OkStatus();
  }
  auto parsed = google::protobuf::util::JsonStringToMessage(std::string(text), value);
  if (!parsed.ok()) return Invalid(text, absl::StrCat("not a ", type, " in JSON"));
  return absl::OkStatus();
}

std::string MessageText(const Message& value) {
  const std::string& type = value.GetDescriptor()->full_name();
  const Reflection* reflection = value.GetReflection();
  auto int_field = [&](const char* name) {
    return reflection->GetInt32(value, value.GetDescriptor()->FindFieldByName(name));
  };
  auto string_field = [&](const char* name) {
    return reflection->GetString(value, value.GetDescriptor()->FindFieldByName(name));
  };
  if (type == "renkei.v1.Date") {
    const int year = int_field("year"), month = int_field("month"), day = int_field("day");
    if (year == 0) return "";
    if (month == 0) return absl::StrCat(year);
    if (day == 0) return absl::StrFormat("%04d-%02d", year, month);
    return absl::StrFormat("%04d-%02d-%02d", year, month, day);
  }
  if (type == "google.protobuf.Timestamp") {
    const int64_t seconds =
        reflection->GetInt64(value, value.GetDescriptor()->FindFieldByName("seconds"));
    if (seconds == 0) return "";
    return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(seconds),
                            absl::UTCTimeZone());
  }
  if (type == "renkei.v1.ExternalId") {
    return absl::StrCat(string_field("source"), "=", string_field("value"));
  }
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = false;
  (void)google::protobuf::util::MessageToJsonString(value, &json, options);
  return json == "{}" ? "" : json;
}

std::string ScalarText(const Message& message, const FieldDescriptor* field, int index) {
  const Reflection* r = message.GetReflection();
  const bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return repeated ? r->GetRepeatedString(message, field, index) : r->GetString(message, field);
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(repeated ? r->GetRepeatedInt32(message, field, index)
                                   : r->GetInt32(message, field));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(repeated ? r->GetRepeatedInt64(message, field, index)
                                   : r->GetInt64(message, field));
    case FieldDescriptor::CPPTYPE_UINT32:
    case FieldDescriptor::CPPTYPE_UINT64:
      return absl::StrCat(repeated ? r->GetRepeatedUInt64(message, field, index)
                                   : r->GetUInt64(message, field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return absl::StrCat(repeated ? r->GetRepeatedDouble(message, field, index)
                                   : r->GetDouble(message, field));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return absl::StrCat(repeated ? r->GetRepeatedFloat(message, field, index)
                                   : r->GetFloat(message, field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return (repeated ? r->GetRepeatedBool(message, field, index) : r->GetBool(message, field))
                 ? "true"
                 : "false";
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto* value =
          repeated ? r->GetRepeatedEnum(message, field, index) : r->GetEnum(message, field);
      return value->number() == 0 ? "" : ShortEnumName(value);
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return MessageText(repeated ? r->GetRepeatedMessage(message, field, index)
                                  : r->GetMessage(message, field));
  }
  return "";
}

// Appends to `out` the texts of `path` below `message`, through repeated
// messages too.
void CollectTexts(const Message& message, const std::vector<std::string>& parts, size_t at,
                  std::vector<std::string>* out) {
  const FieldDescriptor* field = message.GetDescriptor()->FindFieldByName(parts[at]);
  if (field == nullptr) return;
  const Reflection* r = message.GetReflection();
  const bool last = at + 1 == parts.size();
  if (field->is_map()) {
    if (last) out->push_back(absl::StrCat(r->FieldSize(message, field), " entries"));
    return;
  }
  const int count = field->is_repeated() ? r->FieldSize(message, field) : 1;
  for (int i = 0; i < count; ++i) {
    if (last) {
      std::string text = field->is_repeated() ? ScalarText(message, field, i)
                                              : ScalarText(message, field, -1);
      // A zero number is proto3's "not set", as the JSON mapping leaves it out.
      const bool number = field->cpp_type() != FieldDescriptor::CPPTYPE_STRING &&
                          field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE &&
                          field->cpp_type() != FieldDescriptor::CPPTYPE_ENUM &&
                          field->cpp_type() != FieldDescriptor::CPPTYPE_BOOL;
      if (number && !field->is_repeated() && text == "0") text.clear();
      if (!text.empty()) out->push_back(std::move(text));
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      CollectTexts(field->is_repeated() ? r->GetRepeatedMessage(message, field, i)
                                        : r->GetMessage(message, field),
                   parts, at + 1, out);
    }
  }
}

}  // namespace

absl::StatusOr<int> ParseEnumValue(const EnumDescriptor* enum_type, absl::string_view text) {
  std::string wanted = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  for (char& c : wanted) {
    if (c == '-') c = '_';
  }
  int number;
  if (absl::SimpleAtoi(wanted, &number) && enum_type->FindValueByNumber(number) != nullptr) {
    return number;
  }
  const std::string prefix = EnumPrefix(enum_type);
  std::vector<std::string> names;
  for (int i = 0; i < enum_type->value_count(); ++i) {
    const auto* value = enum_type->value(i);
    if (value->number() == 0) continue;
    if (value->name() == wanted || value->name() == prefix + wanted) return value->number();
    names.push_back(ShortEnumName(value));
  }
  return Invalid(text, absl::StrCat("not one of ", absl::StrJoin(names, ", ")));
}

absl::StatusOr<std::string> NormalizeReference(absl::string_view text,
                                               absl::string_view collection) {
  text = absl::StripAsciiWhitespace(text);
  uint64_t id;
  if (absl::SimpleAtoi(text, &id) && id > 0 && text[0] != '0' && text[0] != '+') {
    return absl::StrCat(collection, "/", text);
  }
  if (absl::StartsWith(text, absl::StrCat(collection, "/"))) return std::string(text);
  return Invalid(text, absl::StrCat("expected ", collection, "/ID or an id"));
}

absl::Status SetField(Message* message, absl::string_view path, absl::string_view text) {
  const FieldDescriptor* field = nullptr;
  absl::StatusOr<Message*> holder = Descend(message, path, &field);
  if (!holder.ok()) return holder.status();
  Message* target = *holder;
  const Reflection* r = target->GetReflection();
  const bool repeated = field->is_repeated();
  const std::string value(absl::StripAsciiWhitespace(text));
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      repeated ? r->AddString(target, field, std::string(text))
               : r->SetString(target, field, std::string(text));
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_INT32: {
      int32_t n;
      if (!absl::SimpleAtoi(value, &n)) return Invalid(text, "not a whole number");
      repeated ? r->AddInt32(target, field, n) : r->SetInt32(target, field, n);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      int64_t n;
      if (!absl::SimpleAtoi(value, &n)) return Invalid(text, "not a whole number");
      repeated ? r->AddInt64(target, field, n) : r->SetInt64(target, field, n);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      bool b;
      if (!absl::SimpleAtob(value, &b)) return Invalid(text, "expected true or false");
      repeated ? r->AddBool(target, field, b) : r->SetBool(target, field, b);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      absl::StatusOr<int> number = ParseEnumValue(field->enum_type(), value);
      if (!number.ok()) return number.status();
      repeated ? r->AddEnumValue(target, field, *number)
               : r->SetEnumValue(target, field, *number);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      Message* child = repeated ? r->AddMessage(target, field) : r->MutableMessage(target, field);
      absl::Status status = SetMessage(child, text);
      if (!status.ok() && repeated) r->RemoveLast(target, field);
      return status;
    }
    default:
      return absl::InvalidArgumentError(absl::StrCat("cannot set \"", path, "\" from text"));
  }
}

absl::Status ClearField(Message* message, absl::string_view path) {
  const FieldDescriptor* field = nullptr;
  absl::StatusOr<Message*> holder = Descend(message, path, &field);
  if (!holder.ok()) return holder.status();
  (*holder)->GetReflection()->ClearField(*holder, field);
  return absl::OkStatus();
}

std::string FieldText(const Message& message, absl::string_view path) {
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  std::vector<std::string> texts;
  CollectTexts(message, parts, 0, &texts);
  return absl::StrJoin(texts, ", ");
}

}  // namespace renkei::cli
