#include "server/records/update_mask.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/field_mask_util.h"
#include "server/records/validate.h"
#include "server/util/errors.h"
#include "server/util/quote.h"

namespace renkei::records {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::util::FieldMaskUtil;

// Empty when `path` is a valid path for an update of `record`.
std::string PathProblem(const google::protobuf::Message& record,
                        const std::string& path) {
  if (path.empty()) return "is empty";
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  if (IsOutputOnly(record, parts[0])) {
    return absl::StrCat(Quote(parts[0]), " is output only or cannot change");
  }
  const Descriptor* type = record.GetDescriptor();
  for (size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* field = type->FindFieldByName(parts[i]);
    if (field == nullptr) {
      return absl::StrCat(Quote(path), ": ", type->name(), " has no field ",
                          Quote(parts[i]));
    }
    if (i + 1 < parts.size()) {
      if (field->is_repeated() ||
          field->type() != FieldDescriptor::TYPE_MESSAGE) {
        return absl::StrCat(Quote(path),
                            ": a path can go into a message field but not "
                            "into a list, a map or a plain value");
      }
      type = field->message_type();
    }
  }
  return "";
}

}  // namespace

absl::Status ApplyUpdateMask(const google::protobuf::Message& patch,
                             const google::protobuf::FieldMask& mask,
                             google::protobuf::Message* record) {
  google::protobuf::FieldMask effective;
  if (mask.paths_size() == 1 && mask.paths(0) == "*") {
    const Descriptor* type = record->GetDescriptor();
    for (int i = 0; i < type->field_count(); ++i) {
      const std::string& field = type->field(i)->name();
      if (!IsOutputOnly(*record, field)) effective.add_paths(field);
    }
  } else if (mask.paths().empty()) {
    std::vector<const FieldDescriptor*> set_fields;
    patch.GetReflection()->ListFields(patch, &set_fields);
    for (const FieldDescriptor* field : set_fields) {
      if (!IsOutputOnly(*record, field->name())) effective.add_paths(field->name());
    }
  } else {
    Violations violations;
    for (int i = 0; i < mask.paths_size(); ++i) {
      std::string problem = PathProblem(*record, mask.paths(i));
      if (!problem.empty()) {
        violations.Add(absl::StrCat("update_mask.paths[", i, "]"),
                       std::move(problem));
      }
    }
    if (!violations.empty()) return violations.ToStatus();
    effective = mask;
  }
  FieldMaskUtil::MergeOptions options;
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  FieldMaskUtil::MergeMessageTo(patch, effective, options, record);
  return absl::OkStatus();
}

}  // namespace renkei::records
