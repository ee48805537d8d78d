#include "server/ingest/record_merge.h"

#include <map>
#include <memory>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "renkei/v1/common.pb.h"

namespace renkei::ingest {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

bool Skipped(const FieldDescriptor* field) {
  const std::string& name = field->name();
  return name == "name" || name == "etag" || name == "create_time" || name == "update_time" ||
         name == "field_sources" || name == "external_ids";
}

bool Has(const Message& message, const FieldDescriptor* field) {
  const Reflection* reflection = message.GetReflection();
  return field->is_repeated() ? reflection->FieldSize(message, field) > 0
                              : reflection->HasField(message, field);
}

// A copy of `message` holding only `field`.
std::unique_ptr<Message> Only(const Message& message, const FieldDescriptor* field) {
  std::unique_ptr<Message> copy(message.New());
  copy->CopyFrom(message);
  std::vector<const FieldDescriptor*> all;
  copy->GetReflection()->ListFields(*copy, &all);
  for (const FieldDescriptor* other : all) {
    if (other != field) copy->GetReflection()->ClearField(copy.get(), other);
  }
  return copy;
}

void CopyField(const Message& from, const FieldDescriptor* field, Message* to) {
  to->GetReflection()->ClearField(to, field);
  to->MergeFrom(*Only(from, field));
}

using Sources = std::map<std::string, v1::FieldSource>;

Sources ReadSources(const Message& record) {
  Sources sources;
  const FieldDescriptor* field = record.GetDescriptor()->FindFieldByName("field_sources");
  if (field == nullptr) return sources;
  const Reflection* reflection = record.GetReflection();
  for (int i = 0; i < reflection->FieldSize(record, field); ++i) {
    const Message& entry = reflection->GetRepeatedMessage(record, field, i);
    const FieldDescriptor* key = entry.GetDescriptor()->FindFieldByName("key");
    const FieldDescriptor* value = entry.GetDescriptor()->FindFieldByName("value");
    v1::FieldSource source;
    source.CopyFrom(entry.GetReflection()->GetMessage(entry, value));
    sources[entry.GetReflection()->GetString(entry, key)] = std::move(source);
  }
  return sources;
}

void WriteSources(const Sources& sources, Message* record) {
  const FieldDescriptor* field = record->GetDescriptor()->FindFieldByName("field_sources");
  if (field == nullptr) return;
  const Reflection* reflection = record->GetReflection();
  reflection->ClearField(record, field);
  for (const auto& [path, source] : sources) {
    Message* entry = reflection->AddMessage(record, field);
    const FieldDescriptor* key = entry->GetDescriptor()->FindFieldByName("key");
    const FieldDescriptor* value = entry->GetDescriptor()->FindFieldByName("value");
    entry->GetReflection()->SetString(entry, key, path);
    entry->GetReflection()->MutableMessage(entry, value)->CopyFrom(source);
  }
}

}  // namespace

std::vector<std::string> MergeRecord(const Message& row, const Origin& origin,
                                     std::set<std::string>* claimed, Message* target) {
  std::vector<std::string> changed;
  Sources sources = ReadSources(*target);
  const google::protobuf::Descriptor* descriptor = row.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (Skipped(field) || !Has(row, field)) continue;
    const std::string& path = field->name();
    const bool first_in_import = claimed->insert(path).second;
    const bool empty = !Has(*target, field);
    const bool equal =
        Only(row, field)->SerializeAsString() == Only(*target, field)->SerializeAsString();
    if (equal) continue;
    auto known = sources.find(path);
    const bool ours = known != sources.end() && known->second.source() == origin.source;
    if (!empty && !(ours && first_in_import)) continue;
    CopyField(row, field, target);
    sources[path] = SourceOf(origin);
    changed.push_back(path);
  }
  // External ids the record lacks.
  const FieldDescriptor* ids = descriptor->FindFieldByName("external_ids");
  if (ids != nullptr) {
    const Reflection* reflection = row.GetReflection();
    for (int i = 0; i < reflection->FieldSize(row, ids); ++i) {
      const Message& id = reflection->GetRepeatedMessage(row, ids, i);
      bool known = false;
      for (int j = 0; j < target->GetReflection()->FieldSize(*target, ids); ++j) {
        known = known || target->GetReflection()->GetRepeatedMessage(*target, ids, j)
                                 .SerializeAsString() == id.SerializeAsString();
      }
      if (!known) {
        target->GetReflection()->AddMessage(target, ids)->CopyFrom(id);
        if (changed.empty() || changed.back() != "external_ids") changed.push_back("external_ids");
      }
    }
  }
  if (!changed.empty()) WriteSources(sources, target);
  return changed;
}

void SetSources(const Origin& origin, Message* record, std::set<std::string>* claimed) {
  Sources sources = ReadSources(*record);
  const google::protobuf::Descriptor* descriptor = record->GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (Skipped(field) || !Has(*record, field)) continue;
    sources[field->name()] = SourceOf(origin);
    if (claimed != nullptr) claimed->insert(field->name());
  }
  WriteSources(sources, record);
}

}  // namespace renkei::ingest
