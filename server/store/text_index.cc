#include "server/store/text_index.h"

namespace renkei::store {

bool IsSearchable(Kind kind) {
  return kind == Kind::kOrganization || kind == Kind::kPerson || kind == Kind::kSeed ||
         kind == Kind::kNeed;
}

}  // namespace renkei::store
