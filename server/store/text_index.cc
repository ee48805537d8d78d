#include "server/store/text_index.h"

#include <algorithm>

namespace renkei::store {

const SearchDocument::Counts* SearchDocument::Find(absl::string_view term) const {
  auto it = std::lower_bound(counts.begin(), counts.end(), term,
                             [](const auto& entry, absl::string_view t) {
                               return absl::string_view(entry.first) < t;
                             });
  if (it == counts.end() || it->first != term) return nullptr;
  return &it->second;
}

bool IsSearchable(Kind kind) {
  return kind == Kind::kOrganization || kind == Kind::kPerson || kind == Kind::kSeed ||
         kind == Kind::kNeed;
}

}  // namespace renkei::store
