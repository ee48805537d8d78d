#include "server/store/internal/keys.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace renkei::store::internal {

void AppendBigEndian64(std::string* out, uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

uint64_t ReadBigEndian64(absl::string_view bytes) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return value;
}

std::string RecordKey(const ResourceName& name) {
  std::string key(1, static_cast<char>(name.kind));
  AppendBigEndian64(&key, name.id);
  if (name.kind == Kind::kMembership) AppendBigEndian64(&key, name.member_id);
  return key;
}

std::string RecordKindPrefix(Kind kind) {
  return std::string(1, static_cast<char>(kind));
}

std::string MembershipNetworkPrefix(uint64_t network_id) {
  std::string key = RecordKindPrefix(Kind::kMembership);
  AppendBigEndian64(&key, network_id);
  return key;
}

size_t RecordKeyLength(Kind kind) { return kind == Kind::kMembership ? 17 : 9; }

std::optional<ResourceName> ParseRecordKey(absl::string_view key) {
  if (key.empty()) return std::nullopt;
  const auto kind = static_cast<Kind>(key[0]);
  bool known = false;
  for (Kind k : kAllKinds) known = known || k == kind;
  if (!known || key.size() != RecordKeyLength(kind)) return std::nullopt;
  ResourceName name{kind, ReadBigEndian64(key.substr(1, 8)), 0};
  if (kind == Kind::kMembership) name.member_id = ReadBigEndian64(key.substr(9, 8));
  return name;
}

std::string IndexPrefix(Kind kind, IndexId index, absl::string_view value) {
  std::string key;
  key.reserve(4 + value.size() + 2);
  key.push_back(kIndexTag);
  key.push_back(static_cast<char>(kind));
  key.push_back(static_cast<char>(index));
  // Varint length, so that no value is a prefix of another's entries.
  uint64_t length = value.size();
  while (length >= 0x80) {
    key.push_back(static_cast<char>((length & 0x7F) | 0x80));
    length >>= 7;
  }
  key.push_back(static_cast<char>(length));
  key.append(value.data(), value.size());
  return key;
}

std::string IdValue(uint64_t id) {
  std::string value;
  AppendBigEndian64(&value, id);
  return value;
}

std::string UniqueKey(Kind kind, UniqueId unique, absl::string_view value) {
  std::string key;
  key.push_back(kUniqueTag);
  key.push_back(static_cast<char>(kind));
  key.push_back(static_cast<char>(unique));
  key.append(value.data(), value.size());
  return key;
}

std::string ExternalIdValue(absl::string_view source, absl::string_view value) {
  // Sources cannot hold '\0' (validated), so the pair is unambiguous.
  return absl::StrCat(source, absl::string_view("\0", 1), value);
}

std::string ReferencePrefix(absl::string_view target_key) {
  return absl::StrCat(absl::string_view(&kReferenceTag, 1), target_key);
}

std::string ReferenceKey(absl::string_view target_key, absl::string_view source_key) {
  return absl::StrCat(ReferencePrefix(target_key), source_key);
}

std::string LogKey(int64_t revision) {
  std::string key;
  AppendBigEndian64(&key, static_cast<uint64_t>(revision));
  return key;
}

std::string NextIdKey(Kind kind) {
  return absl::StrCat("next_id/", CollectionOf(kind));
}

std::string AuditEventPrefix() { return "a/"; }

std::string AuditEventKey(uint64_t sequence) {
  std::string key = AuditEventPrefix();
  AppendBigEndian64(&key, sequence);
  return key;
}

std::string CounterKey(absl::string_view name) { return absl::StrCat("c/", name); }

std::string RequestKey(Kind kind, absl::string_view request_id) {
  return absl::StrCat(RecordKindPrefix(kind), request_id);
}

std::string PostingPrefix(Kind kind, absl::string_view term) {
  std::string key(1, 'p');
  key.push_back(static_cast<char>(kind));
  uint64_t length = term.size();
  while (length >= 0x80) {
    key.push_back(static_cast<char>((length & 0x7F) | 0x80));
    length >>= 7;
  }
  key.push_back(static_cast<char>(length));
  key.append(term.data(), term.size());
  return key;
}

uint8_t PostingImpact(const std::array<uint8_t, 4>& counts) {
  static constexpr int kWeights[] = {30, 20, 15, 10};  // 10 × field weight
  int impact = 0;
  for (int f = 0; f < 4; ++f) impact += kWeights[f] * std::min<int>(counts[f], 3);
  return static_cast<uint8_t>(std::min(impact, 225));
}

std::string DocumentKey(absl::string_view record_key) {
  return absl::StrCat("d", record_key);
}

std::string TermCounter(Kind kind, absl::string_view term) {
  return absl::StrCat("t/", CollectionOf(kind), "/", term);
}

std::string FieldLengthCounter(Kind kind, int field) {
  return absl::StrCat("tl/", CollectionOf(kind), "/", field);
}

std::string SearchDocumentCounter(Kind kind) {
  return absl::StrCat("td/", CollectionOf(kind));
}

}  // namespace renkei::store::internal
