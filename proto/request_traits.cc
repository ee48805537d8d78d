// See renkei/v1/request_traits.h.
#include "renkei/v1/request_traits.h"

#include <map>
#include <string>
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

#include "google/protobuf/any.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/message.h"
#include "google/protobuf/wire_format_lite.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace renkei::proto {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::io::CodedInputStream;
using google::protobuf::internal::WireFormatLite;

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

// Reads the key (field 1) and value (field 2) of a map entry whose key and
// value are length-delimited; either stays empty when absent.
void ReadMapEntry(const std::string& entry, std::string* key,
                  std::string* value) {
  CodedInputStream in(reinterpret_cast<const uint8_t*>(entry.data()),
                      static_cast<int>(entry.size()));
  while (uint32_t tag = in.ReadTag()) {
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    if ((number == 1 || number == 2) &&
        WireFormatLite::GetTagWireType(tag) ==
            WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length;
      if (!in.ReadVarint32(&length) ||
          !in.ReadString(number == 1 ? key : value,
                         static_cast<int>(length))) {
        return;
      }
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return;
    }
  }
}

// Walks the wire format of a message of type `type` and sets `*path` to the
// first string field holding invalid UTF-8. Returns false if there is none
// or the bytes end early.
bool FindInvalidUtf8(const Descriptor* type, absl::string_view bytes,
                     const std::string& prefix, std::string* path,
                     int depth = 0) {
  if (depth > 64) return false;
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  std::map<int, int> seen;  // field number -> occurrences so far
  while (uint32_t tag = in.ReadTag()) {
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const FieldDescriptor* field = type->FindFieldByNumber(number);
    if (WireFormatLite::GetTagWireType(tag) !=
            WireFormatLite::WIRETYPE_LENGTH_DELIMITED ||
        field == nullptr) {
      if (!WireFormatLite::SkipField(&in, tag)) return false;
      continue;
    }
    uint32_t length;
    std::string payload;
    if (!in.ReadVarint32(&length) ||
        !in.ReadString(&payload, static_cast<int>(length))) {
      return false;
    }
    std::string name = prefix.empty() ? field->name()
                                      : prefix + "." + field->name();
    const int index = seen[number]++;
    if (field->is_map()) {
      // A map entry: key = 1, value = 2. Name it field["key"].
      std::string key, value;
      ReadMapEntry(payload, &key, &value);
      if (!IsValidUtf8(key)) {
        *path = name;
        return true;
      }
      absl::StrAppend(&name, "[\"", key, "\"]");
      const FieldDescriptor* value_field =
          field->message_type()->FindFieldByNumber(2);
      if (value_field->type() == FieldDescriptor::TYPE_STRING &&
          !IsValidUtf8(value)) {
        *path = name;
        return true;
      }
      if (value_field->type() == FieldDescriptor::TYPE_MESSAGE &&
          FindInvalidUtf8(value_field->message_type(), value, name, path,
                          depth + 1)) {
        return true;
      }
      continue;
    }
    // StrAppend, not operator+: GCC 12 at -O3 sees a false overlap (-Wrestrict).
    if (field->is_repeated()) absl::StrAppend(&name, "[", index, "]");
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      if (!IsValidUtf8(payload)) {
        *path = name;
        return true;
      }
    } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
      if (FindInvalidUtf8(field->message_type(), payload, name, path,
                          depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

grpc::Status InvalidArgument(const std::string& field,
                             const std::string& reason) {
  google::rpc::BadRequest bad_request;
  auto* violation = bad_request.add_field_violations();
  violation->set_field(field);
  violation->set_description(reason);
  google::rpc::Status status;
  const std::string message =
      field.empty() ? reason : field + ": " + reason;
  status.set_code(grpc::StatusCode::INVALID_ARGUMENT);
  status.set_message(message);
  status.add_details()->PackFrom(bad_request);
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message,
                      status.SerializeAsString());
}

}  // namespace

grpc::Status ParseRequest(grpc::ByteBuffer* buffer,
                          grpc::protobuf::MessageLite* message) {
  if (buffer == nullptr) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "no request payload");
  }
  grpc::Status status;
  {
    grpc::ProtoBufferReader reader(buffer);
    if (!reader.status().ok()) return reader.status();
    if (message->ParseFromZeroCopyStream(&reader)) {
      buffer->Clear();
      return grpc::Status::OK;
    }
  }
  std::string bytes;
  std::vector<grpc::Slice> slices;
  if (buffer->Dump(&slices).ok()) {
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
  }
  buffer->Clear();
  const auto* full = dynamic_cast<google::protobuf::Message*>(message);
  std::string path;
  if (full != nullptr &&
      FindInvalidUtf8(full->GetDescriptor(), bytes, "", &path)) {
    return InvalidArgument(path, "text is not valid UTF-8");
  }
  return InvalidArgument("", "the message is not a valid " +
                                 message->GetTypeName() + " message");
}

}  // namespace renkei::proto
