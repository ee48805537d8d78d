// Files served as they are: the pages from the web directory and the
// JavaScript libraries Debian installs (libjs-bootstrap5, libjs-chart.js).
// A request path is checked before it touches the file system: no "..",
// no "." or hidden segment, no backslash or NUL, after percent-decoding;
// symbolic links inside a mount are followed (Debian's bootstrap5 files are
// links into /usr/share/bootstrap-html). Content-Type by extension (text in
// UTF-8), ETag and Last-Modified with 304 for If-None-Match, Cache-Control
// per mount. Files are read whole (they are small). Immutable after
// construction, so thread-safe.
#ifndef RENKEI_SERVER_WEB_INTERNAL_STATIC_FILES_H_
#define RENKEI_SERVER_WEB_INTERNAL_STATIC_FILES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/web/internal/http_message.h"

namespace renkei::web {

struct StaticMount {
  std::string url_prefix;     // "/assets/bootstrap/" or "/"
  std::string directory;      // "/usr/share/javascript/bootstrap5"
  std::string cache_control;  // "public, max-age=86400" or "no-cache"
};

class StaticFiles {
 public:
  // Mounts are tried longest prefix first.
  explicit StaticFiles(std::vector<StaticMount> mounts);

  // The file for a GET or HEAD request ("/" and ".../" mean index.html);
  // 404 when there is none, 400 for a path that is not allowed, 405 for
  // other methods.
  HttpResponse Serve(const HttpRequest& request) const;

 private:
  std::vector<StaticMount> mounts_;
};

// The Content-Type for a file name ("text/html; charset=utf-8" …).
std::string ContentTypeOf(absl::string_view file_name);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_STATIC_FILES_H_
