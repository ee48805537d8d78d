#include "server/web/internal/static_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "server/web/internal/path_template.h"

namespace renkei::web {
namespace {

constexpr struct {
  const char* extension;
  const char* type;
} kTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".txt", "text/plain; charset=utf-8"},
    {".csv", "text/csv; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".pdf", "application/pdf"},
};

HttpResponse Plain(int status, absl::string_view text) {
  HttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "text/plain; charset=utf-8"},
                      {"Cache-Control", "no-store"},
                      {"X-Content-Type-Options", "nosniff"}};
  response.body = absl::StrCat(text, "\n");
  return response;
}

// The path below the mount, decoded and checked; nullopt when not allowed.
std::optional<std::string> SafeRelativePath(absl::string_view encoded) {
  std::optional<std::string> decoded = PercentDecode(encoded, /*plus_is_space=*/false);
  if (!decoded.has_value() || decoded->find('\0') != std::string::npos ||
      decoded->find('\\') != std::string::npos) {
    return std::nullopt;
  }
  std::string path = *decoded;
  if (path.empty() || path.back() == '/') path += "index.html";
  for (absl::string_view segment : absl::StrSplit(path, '/')) {
    if (segment.empty() || segment.front() == '.') return std::nullopt;
  }
  return path;
}

std::string ETagOf(const struct stat& info) {
  return absl::StrCat("\"", absl::Hex(info.st_size), "-", absl::Hex(info.st_mtim.tv_sec), ".",
                      absl::Hex(info.st_mtim.tv_nsec), "\"");
}

std::string HttpDate(time_t seconds) {
  return absl::FormatTime("%a, %d %b %Y %H:%M:%S GMT", absl::FromTimeT(seconds),
                          absl::UTCTimeZone());
}

}  // namespace

std::string ContentTypeOf(absl::string_view file_name) {
  for (const auto& entry : kTypes) {
    if (absl::EndsWithIgnoreCase(file_name, entry.extension)) return entry.type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::vector<StaticMount> mounts) : mounts_(std::move(mounts)) {
  std::sort(mounts_.begin(), mounts_.end(), [](const StaticMount& a, const StaticMount& b) {
    return a.url_prefix.size() > b.url_prefix.size();
  });
}

HttpResponse StaticFiles::Serve(const HttpRequest& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse response = Plain(405, "only GET and HEAD are allowed here");
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  const absl::string_view path = request.Path();
  const auto mount = std::find_if(mounts_.begin(), mounts_.end(), [&](const StaticMount& m) {
    return absl::StartsWith(path, m.url_prefix);
  });
  if (mount == mounts_.end()) return Plain(404, "見つかりません (not found)");
  std::optional<std::string> relative = SafeRelativePath(path.substr(mount->url_prefix.size()));
  if (!relative.has_value()) return Plain(400, "この場所は開けません (path not allowed)");
  const std::string file = absl::StrCat(mount->directory, "/", *relative);
  struct stat info;
  if (stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return Plain(404, "見つかりません (not found)");
  }
  HttpResponse response;
  const std::string etag = ETagOf(info);
  response.headers = {{"Content-Type", ContentTypeOf(*relative)},
                      {"Cache-Control", mount->cache_control},
                      {"ETag", etag},
                      {"Last-Modified", HttpDate(info.st_mtim.tv_sec)},
                      {"X-Content-Type-Options", "nosniff"}};
  if (request.Header("if-none-match") == etag) {
    response.status = 304;
    return response;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in) return Plain(500, "読めません (cannot read the file)");
  response.body = std::move(contents).str();
  return response;
}

}  // namespace renkei::web
