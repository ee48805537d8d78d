#include "server/web/internal/http_message.h"

namespace renkei::web {

absl::string_view HttpRequest::Header(absl::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

absl::string_view HttpRequest::Path() const {
  absl::string_view target = this->target;
  return target.substr(0, target.find('?'));
}

absl::string_view HttpRequest::Query() const {
  absl::string_view target = this->target;
  const size_t mark = target.find('?');
  return mark == absl::string_view::npos ? absl::string_view() : target.substr(mark + 1);
}

}  // namespace renkei::web
