// Size limits of record fields, in Unicode code points (text) or items
// (lists). docs/limits.md lists them for users; keep the two in step.
#ifndef RENKEI_SERVER_RECORDS_LIMITS_H_
#define RENKEI_SERVER_RECORDS_LIMITS_H_

#include <cstddef>
#include <cstdint>

namespace renkei::records {

inline constexpr size_t kMaxNameLength = 200;       // display names, titles of sites
inline constexpr size_t kMaxTitleLength = 300;      // seed, need, collaboration titles
inline constexpr size_t kMaxShortText = 100;        // person names, job titles, phones' owners
inline constexpr size_t kMaxLabelLength = 200;      // keywords, fields, departments
inline constexpr size_t kMaxSummaryLength = 2000;   // summaries, descriptions of items
inline constexpr size_t kMaxBodyLength = 20000;     // bodies, profiles, descriptions
inline constexpr size_t kMaxPhoneLength = 40;
inline constexpr size_t kMaxEmailLength = 254;
inline constexpr size_t kMaxUrlLength = 2000;
inline constexpr size_t kMaxPostalCodeLength = 10;
inline constexpr size_t kMaxAddressPartLength = 200;

inline constexpr size_t kMaxListItems = 50;         // keywords, fields, aliases …
inline constexpr size_t kMaxSites = 500;
inline constexpr size_t kMaxOfferings = 500;        // products, technologies
inline constexpr size_t kMaxCertifications = 100;
inline constexpr size_t kMaxJsicCodes = 20;
inline constexpr size_t kMaxParticipants = 100;
inline constexpr size_t kMaxOutcomes = 100;
inline constexpr size_t kMaxResearchers = 20;
inline constexpr size_t kMaxCollaborationYears = 100;  // 年度 a period may span
inline constexpr size_t kMaxExternalIds = 50;
inline constexpr size_t kMaxFieldSources = 300;
// Any list the checks by type do not limit more tightly.
inline constexpr size_t kMaxAnyList = 1000;
// Timestamps: 1800-01-01T00:00:00Z to 2200-12-31T23:59:59Z.
inline constexpr int64_t kMinTimestampSeconds = -5'364'662'400;
inline constexpr int64_t kMaxTimestampSeconds = 7'289'654'399;
inline constexpr size_t kMaxFieldSourceKey = 200;  // bytes: a field path
inline constexpr size_t kMaxSdgGoals = 17;
inline constexpr size_t kMaxExternalIdSource = 64;
inline constexpr size_t kMaxExternalIdValue = 128;
inline constexpr size_t kMaxSourceLength = 300;     // FieldSource.source, source_list
inline constexpr size_t kMaxRequestIdLength = 128;

// The encoded (protobuf) size of one stored record, whatever its fields add
// up to: the largest record, and a change or a page carrying it, fit in one
// message a default gRPC client accepts (4 MiB).
inline constexpr size_t kMaxRecordBytes = size_t{1} << 20;
// A page of List or Search results ends before it passes this many encoded
// bytes (it always holds at least one result).
inline constexpr size_t kMaxPageBytes = size_t{2} << 20;

// What a gRPC client accepts in one message unless told otherwise.
inline constexpr size_t kDefaultClientMessageBytes = size_t{4} << 20;

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_LIMITS_H_
