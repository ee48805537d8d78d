// What the store writes beside each record: its index entries, unique keys,
// references and counters (docs/store_format.md), and how a record lets go of
// a reference when its target is deleted by cascade.
#ifndef RENKEI_SERVER_STORE_INTERNAL_SCHEMA_H_
#define RENKEI_SERVER_STORE_INTERNAL_SCHEMA_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

#include "server/names/resource_name.h"
#include "server/store/internal/keys.h"
#include "server/store/text_index.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::text {
class Analyzer;
}  // namespace renkei::text

namespace renkei::store::internal {

struct ReferenceValue {
  OnDelete on_delete = OnDelete::kUnlink;
  std::string fields;  // the source's field paths, ", "-joined

  bool operator==(const ReferenceValue&) const = default;
};

struct RecordEntries {
  std::set<std::string> index;                  // index-family keys
  std::map<std::string, std::string> uniques;   // unique key → field path
  std::map<std::string, ReferenceValue> references;  // reference key → value
  std::map<std::string, int64_t> counters;      // counter name → amount
  std::map<std::string, std::string> text;      // text-family key → value
};

// Everything the record `record`, stored under `name`, contributes; search
// terms come from `analyzer` (null: no search index entries).
RecordEntries EntriesOf(const google::protobuf::Message& record, const ResourceName& name,
                        const text::Analyzer* analyzer);

// Removes every reference `record` holds to `target_name`; returns whether it
// changed anything.
bool Unlink(google::protobuf::Message* record, absl::string_view target_name);
// Whether `record`, after Unlink, can no longer stand and is deleted with
// what it referred to: a collaboration left without participants.
bool CannotStandAlone(const google::protobuf::Message& record);

// The kind of a record message, or nullopt for other messages.
std::optional<Kind> KindOf(const google::protobuf::Message& record);
// A new empty record message of `kind`.
std::unique_ptr<google::protobuf::Message> NewRecord(Kind kind);

// The record's names (display name, kana, aliases, former names or title),
// normalized with text::NormalizeText.
std::vector<std::string> NormalizedNames(const google::protobuf::Message& record);

// The search document of a searchable record (organization, person, seed,
// need), with `analyzer`'s terms; nullopt for the other kinds.
std::optional<SearchDocument> SearchDocumentOf(const google::protobuf::Message& record,
                                               const text::Analyzer& analyzer);

std::string EncodeSearchDocument(const SearchDocument& document);
bool DecodeSearchDocument(absl::string_view bytes, SearchDocument* document);

// Encoding of a ReferenceValue in the index family.
std::string EncodeReferenceValue(const ReferenceValue& value);
ReferenceValue DecodeReferenceValue(absl::string_view bytes);

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_SCHEMA_H_
