#include "server/web/internal/request_fields.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/stubs/common.h>
#include <google/protobuf/util/json_util.h>

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "server/util/errors.h"
#include "server/web/internal/json_response.h"

namespace renkei::web {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using FieldPath = std::vector<const FieldDescriptor*>;

absl::Status NotA(absl::string_view name, absl::string_view what, absl::string_view text) {
  return InvalidFieldError(std::string(name), absl::StrCat("\"", text, "\" is not ", what));
}

// The fields `path` names, each part in proto or JSON (lowerCamelCase)
// spelling; every part but the last is a singular message.
absl::StatusOr<FieldPath> ResolvePath(const Descriptor* message, absl::string_view path) {
  FieldPath fields;
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    const FieldDescriptor* field = nullptr;
    if (message != nullptr) {
      field = message->FindFieldByName(std::string(part));
      if (field == nullptr) field = message->FindFieldByCamelcaseName(std::string(part));
    }
    if (field == nullptr) {
      return InvalidFieldError(std::string(path), "no such field in the request");
    }
    if (!fields.empty() && fields.back()->is_repeated()) {
      return InvalidFieldError(std::string(path), "a repeated message cannot be set by parts");
    }
    fields.push_back(field);
    message = field->message_type();
  }
  return fields;
}

std::string ProtoPath(const FieldPath& fields) {
  return absl::StrJoin(fields, ".", [](std::string* out, const FieldDescriptor* field) {
    out->append(field->name());
  });
}

// "displayName" → "display_name"; a path already in snake case is kept.
std::string SnakeCase(absl::string_view path) {
  std::string out;
  for (char c : path) {
    if (absl::ascii_isupper(c)) {
      out.push_back('_');
      out.push_back(absl::ascii_tolower(c));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

absl::Status SetNumber(absl::string_view name, absl::string_view text, Message* message,
                       const FieldDescriptor* field) {
  const Reflection* r = message->GetReflection();
  const bool add = field->is_repeated();
  int64_t i64 = 0;
  uint64_t u64 = 0;
  double d = 0;
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      if (!absl::SimpleAtoi(text, &i64) || i64 != static_cast<int32_t>(i64)) {
        return NotA(name, "a 32-bit integer", text);
      }
      add ? r->AddInt32(message, field, i64) : r->SetInt32(message, field, i64);
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_INT64:
      if (!absl::SimpleAtoi(text, &i64)) return NotA(name, "an integer", text);
      add ? r->AddInt64(message, field, i64) : r->SetInt64(message, field, i64);
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_UINT32:
      if (!absl::SimpleAtoi(text, &u64) || u64 != static_cast<uint32_t>(u64)) {
        return NotA(name, "a 32-bit unsigned integer", text);
      }
      add ? r->AddUInt32(message, field, u64) : r->SetUInt32(message, field, u64);
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_UINT64:
      if (!absl::SimpleAtoi(text, &u64)) return NotA(name, "an unsigned integer", text);
      add ? r->AddUInt64(message, field, u64) : r->SetUInt64(message, field, u64);
      return absl::OkStatus();
    default:  // DOUBLE, FLOAT
      if (!absl::SimpleAtod(text, &d)) return NotA(name, "a number", text);
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT) {
        add ? r->AddFloat(message, field, d) : r->SetFloat(message, field, d);
      } else {
        add ? r->AddDouble(message, field, d) : r->SetDouble(message, field, d);
      }
      return absl::OkStatus();
  }
}

absl::Status SetEnum(absl::string_view name, absl::string_view text, Message* message,
                     const FieldDescriptor* field) {
  int number = 0;
  const auto* value = field->enum_type()->FindValueByName(std::string(text));
  if (value != nullptr) {
    number = value->number();
  } else if (!absl::SimpleAtoi(text, &number)) {
    return NotA(name, absl::StrCat("a value of ", field->enum_type()->name()), text);
  }
  const Reflection* r = message->GetReflection();
  field->is_repeated() ? r->AddEnumValue(message, field, number)
                       : r->SetEnumValue(message, field, number);
  return absl::OkStatus();
}

absl::Status SetText(absl::string_view name, absl::string_view text, Message* message,
                     const FieldDescriptor* field) {
  std::string value;
  if (field->type() == FieldDescriptor::TYPE_BYTES) {
    if (!absl::WebSafeBase64Unescape(text, &value) && !absl::Base64Unescape(text, &value)) {
      return NotA(name, "base64", text);
    }
  } else if (!google::protobuf::internal::IsStructurallyValidUTF8(text.data(), text.size())) {
    return InvalidFieldError(std::string(name), "not valid UTF-8");
  } else {
    value = std::string(text);
  }
  const Reflection* r = message->GetReflection();
  field->is_repeated() ? r->AddString(message, field, std::move(value))
                       : r->SetString(message, field, std::move(value));
  return absl::OkStatus();
}

// A message-typed leaf: google.protobuf.FieldMask as comma-separated paths,
// another well-known type (Timestamp, Duration …) from its JSON string.
absl::Status SetWellKnown(absl::string_view name, absl::string_view text, Message* message,
                          const FieldDescriptor* field) {
  const std::string& type = field->message_type()->full_name();
  if (field->is_repeated() || !absl::StartsWith(type, "google.protobuf.")) {
    return InvalidFieldError(std::string(name),
                             "is a message: give its fields (name.field) or use the JSON body");
  }
  Message* value = message->GetReflection()->MutableMessage(message, field);
  if (type == "google.protobuf.FieldMask") {
    const FieldDescriptor* paths = value->GetDescriptor()->FindFieldByName("paths");
    for (absl::string_view path : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
      value->GetReflection()->AddString(value, paths, SnakeCase(absl::StripAsciiWhitespace(path)));
    }
    return absl::OkStatus();
  }
  std::string json;
  AppendJsonString(text, &json);
  if (!google::protobuf::util::JsonStringToMessage(json, value).ok()) {
    return NotA(name, absl::StrCat("a ", type), text);
  }
  return absl::OkStatus();
}

// Sets the last field of `fields` (resolved from `name`) under `message`.
absl::Status SetLeaf(absl::string_view name, const FieldPath& fields, absl::string_view text,
                     Message* message) {
  for (size_t i = 0; i + 1 < fields.size(); ++i) {
    message = message->GetReflection()->MutableMessage(message, fields[i]);
  }
  const FieldDescriptor* field = fields.back();
  if (field->is_map()) return InvalidFieldError(std::string(name), "a map cannot be set here");
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_BOOL: {
      const bool yes = text == "true" || text == "1", no = text == "false" || text == "0";
      if (!yes && !no) return NotA(name, "true or false", text);
      const Reflection* r = message->GetReflection();
      field->is_repeated() ? r->AddBool(message, field, yes) : r->SetBool(message, field, yes);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_ENUM:
      return SetEnum(name, text, message, field);
    case FieldDescriptor::CPPTYPE_STRING:
      return SetText(name, text, message, field);
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return SetWellKnown(name, text, message, field);
    default:
      return SetNumber(name, text, message, field);
  }
}

// protobuf's JSON parse error as a field violation: "(display_name): invalid
// value 5 …" and "bogus: Cannot find field." name the field (under `prefix`,
// the body's field); a syntax error names none and is cut to its first line.
absl::Status JsonBodyError(absl::string_view prefix, absl::string_view message) {
  message = message.substr(0, message.find('\n'));
  std::string field;
  const size_t colon = message.find(": ");
  if (colon != absl::string_view::npos) {
    // "name", "(path)" or "(parent path) name".
    absl::string_view location = message.substr(0, colon);
    std::string path(location);
    if (absl::ConsumePrefix(&location, "(")) {
      const size_t close = location.find(')');
      const absl::string_view name = absl::StripAsciiWhitespace(location.substr(close + 1));
      path = std::string(location.substr(0, close));
      if (!name.empty()) path = absl::StrCat(path, ".", name);
    }
    if (!path.empty() && path.find_first_of(" ()") == std::string::npos) {
      field = std::move(path);
      message = message.substr(colon + 2);
    }
  }
  if (!prefix.empty())
    field = field.empty() ? std::string(prefix) : absl::StrCat(prefix, ".", field);
  return InvalidFieldError(field, absl::StrCat("in the JSON body: ", message));
}

absl::Status ParseBody(const Route& route, absl::string_view body, Message* request) {
  const bool blank = absl::StripAsciiWhitespace(body).empty();
  if (route.body.empty()) {
    if (blank) return absl::OkStatus();
    return InvalidFieldError("", absl::StrCat(route.http_method, " ", route.path.text(),
                                              " takes no body; give fields as query parameters"));
  }
  Message* target = request;
  if (route.body != "*") {
    target = request->GetReflection()->MutableMessage(
        request, request->GetDescriptor()->FindFieldByName(route.body));
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const absl::string_view json = blank ? absl::string_view("{}") : body;
  auto parsed = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), target, options);
  if (!parsed.ok()) {
    return JsonBodyError(route.body == "*" ? "" : route.body, parsed.message().ToString());
  }
  return absl::OkStatus();
}

// Whether `path` is the field the body fills or lies under it.
bool UnderBody(const Route& route, absl::string_view path) {
  if (route.body == "*") return true;
  return !route.body.empty() &&
         (path == route.body || absl::StartsWith(path, absl::StrCat(route.body, ".")));
}

absl::Status SetQuery(const Route& route, const PathBindings& bindings, absl::string_view query,
                      Message* request) {
  for (absl::string_view pair : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(pair, absl::MaxSplits('=', 1));
    std::optional<std::string> name = PercentDecode(kv.first, /*plus_is_space=*/true);
    std::optional<std::string> value = PercentDecode(kv.second, /*plus_is_space=*/true);
    if (!name.has_value() || !value.has_value()) {
      return InvalidFieldError(std::string(kv.first), "malformed %-escape in the query");
    }
    absl::StatusOr<FieldPath> fields = ResolvePath(request->GetDescriptor(), *name);
    if (!fields.ok()) {
      return InvalidFieldError(*name, "unknown query parameter: no such field in the request");
    }
    const std::string path = ProtoPath(*fields);
    if (UnderBody(route, path)) {
      return InvalidFieldError(*name, "is given in the JSON body, not as a query parameter");
    }
    for (const auto& [bound, unused] : bindings) {
      if (bound == path) return InvalidFieldError(*name, "is given by the path");
    }
    absl::Status set = SetLeaf(*name, *fields, *value, request);
    if (!set.ok()) return set;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status SetFieldFromText(absl::string_view path, absl::string_view text, Message* message) {
  absl::StatusOr<FieldPath> fields = ResolvePath(message->GetDescriptor(), path);
  if (!fields.ok()) return fields.status();
  return SetLeaf(path, *fields, text, message);
}

absl::Status BuildRequest(const Route& route, const PathBindings& bindings, absl::string_view query,
                          absl::string_view body, Message* request) {
  absl::Status status = ParseBody(route, body, request);
  for (const auto& [path, value] : bindings) {
    if (!status.ok()) break;
    status = SetFieldFromText(path, value, request);
  }
  if (!status.ok()) return status;
  return SetQuery(route, bindings, query, request);
}

}  // namespace renkei::web
