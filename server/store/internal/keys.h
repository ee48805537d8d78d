// Byte layouts of the keys the store writes. docs/store_format.md describes
// them for people; this file is the definition. Every number here is part of
// the on-disk format: never renumber, only add.
#ifndef RENKEI_SERVER_STORE_INTERNAL_KEYS_H_
#define RENKEI_SERVER_STORE_INTERNAL_KEYS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "server/names/resource_name.h"

namespace renkei::store::internal {

// Column families.
inline constexpr char kRecordsFamily[] = "records";
inline constexpr char kIndexFamily[] = "index";
inline constexpr char kLogFamily[] = "log";
inline constexpr char kMetaFamily[] = "meta";
inline constexpr char kRequestsFamily[] = "requests";
inline constexpr char kTextFamily[] = "text";

// 1: records and indexes. 2: adds the text family. 3: postings ordered by
// impact. Older databases get their search index (re)built when opened.
inline constexpr int64_t kSchemaVersion = 3;

// Secondary indexes: which records hold which value. Values are normalized
// text (server/text), decimal enum numbers or big-endian ids.
enum class IndexId : uint8_t {
  kOrgKind = 1,
  kOrgPrefecture = 2,
  kOrgCity = 3,
  kOrgDistrict = 4,
  kOrgJsic = 5,
  kOrgCertification = 6,
  kOrgCurrentNetwork = 7,  // written by memberships without an end date
  kNameGram = 10,          // any kind: 1- and 2-code-point grams of names
  kPersonOrganization = 20,
  kPersonRole = 21,
  kPersonDepartment = 22,
  kSeedInstitution = 30,
  kSeedResearcher = 31,
  kSeedField = 32,
  kSeedKeyword = 33,
  kNeedCompany = 40,
  kNeedStatus = 41,
  kNeedVisibility = 42,
  kCollabType = 50,
  kCollabFiscalYear = 51,
  kCollabOrganization = 52,
  kCollabPerson = 53,
  kCollabSeed = 54,
  kCollabNeed = 55,
  kNetworkSecretariat = 60,
  kMembershipByOrganization = 70,
  kMembershipCurrentByNetwork = 71,
  kMembershipCurrentByOrganization = 72,
  kFeedbackSuggestion = 80,  // value: the suggested record's key
  kFeedbackNeed = 81,
  kUserRole = 90,
  kUserOrganization = 91,
  kTokenUser = 100,
};

// Unique keys: one record per value.
enum class UniqueId : uint8_t {
  kCorporateNumber = 1,
  kExternalId = 2,
  kUsername = 3,
  kTokenSecret = 4,  // value: the SHA-256 of the token, hex
};

// What a cascade delete does to a record that refers to the deleted one.
enum class OnDelete : uint8_t {
  kUnlink = 1,   // remove the reference, keep the record
  kCascade = 2,  // delete the record too
};

// Key prefixes inside the index family.
inline constexpr char kIndexTag = 'i';
inline constexpr char kUniqueTag = 'u';
inline constexpr char kReferenceTag = 'r';

void AppendBigEndian64(std::string* out, uint64_t value);
uint64_t ReadBigEndian64(absl::string_view bytes);  // REQUIRES: 8 bytes

// Record keys (records family): [kind][be64 id], and for memberships
// [kind][be64 network][be64 organization].
std::string RecordKey(const ResourceName& name);
std::string RecordKindPrefix(Kind kind);
std::string MembershipNetworkPrefix(uint64_t network_id);
size_t RecordKeyLength(Kind kind);
// Parses a record key; nullopt when malformed.
std::optional<ResourceName> ParseRecordKey(absl::string_view key);

// Index entries: 'i' [kind][index][varint length][value] + record key.
std::string IndexPrefix(Kind kind, IndexId index, absl::string_view value);
// The value of an id-valued index.
std::string IdValue(uint64_t id);

// Unique keys: 'u' [kind][unique][value] → record key.
std::string UniqueKey(Kind kind, UniqueId unique, absl::string_view value);
std::string ExternalIdValue(absl::string_view source, absl::string_view value);

// Reference entries: 'r' + target record key + source record key →
// [on_delete] + the source's field paths joined by ", ".
std::string ReferencePrefix(absl::string_view target_key);
std::string ReferenceKey(absl::string_view target_key, absl::string_view source_key);

// Change log (log family): be64 revision → renkei.v1.Change.
std::string LogKey(int64_t revision);

// Meta family.
inline constexpr char kSchemaVersionKey[] = "schema_version";
inline constexpr char kRevisionKey[] = "revision";
inline constexpr char kAnalyzerKey[] = "analyzer";  // the search index's analyzer and version
// Raised whenever the searchable fields change (2: Organization.industries), so that a database
// indexed before is indexed again when it opens.
inline constexpr int kTextIndexVersion = 2;
std::string NextIdKey(Kind kind);
// Security events of the audit trail: "a/" + be64 sequence →
// renkei.v1.AuditEvent.
std::string AuditEventPrefix();
std::string AuditEventKey(uint64_t sequence);
// Counters: "c/" + name, an int64 kept by the "add" merge operator.
std::string CounterKey(absl::string_view name);

// Requests family: [kind] + request_id → the record as first created.
std::string RequestKey(Kind kind, absl::string_view request_id);

// Text family: postings 'p'[kind][varint length][term][255 - impact] +
// record key → the term's count in each search field (4 bytes), so a term's
// postings come most telling first; documents 'd' + record key → the
// SearchDocument (each field: varint length + bytes).
std::string PostingPrefix(Kind kind, absl::string_view term);
// How telling a term is for a record, 0..225, from its field counts:
// 10 × Σ field weight × min(count, 3), weights 3, 2, 1.5, 1.
uint8_t PostingImpact(const std::array<uint8_t, 4>& counts);
std::string DocumentKey(absl::string_view record_key);
// Counter names of the text index (meta family).
std::string TermCounter(Kind kind, absl::string_view term);   // documents holding it
std::string FieldLengthCounter(Kind kind, int field);          // summed lengths
std::string SearchDocumentCounter(Kind kind);                  // documents

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_KEYS_H_
