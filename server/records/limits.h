// Size limits of record fields, in Unicode code points (text) or items
// (lists). docs/limits.md lists them for users; keep the two in step.
#ifndef RENKEI_SERVER_RECORDS_LIMITS_H_
#define RENKEI_SERVER_RECORDS_LIMITS_H_

#include <cstddef>

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
inline constexpr size_t kMaxExternalIds = 50;
inline constexpr size_t kMaxFieldSources = 300;
inline constexpr size_t kMaxExternalIdSource = 64;
inline constexpr size_t kMaxExternalIdValue = 128;
inline constexpr size_t kMaxSourceLength = 300;     // FieldSource.source, source_list
inline constexpr size_t kMaxRequestIdLength = 128;

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_LIMITS_H_
