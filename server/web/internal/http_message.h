// The HTTP request and response as the web handlers see them, without the
// HTTP library's types (Boost.Beast stays in http_session.cc and
// listener.cc), and the Exchange a handler answers through.
#ifndef RENKEI_SERVER_WEB_INTERNAL_HTTP_MESSAGE_H_
#define RENKEI_SERVER_WEB_INTERNAL_HTTP_MESSAGE_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::web {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;   // "GET", as sent
  std::string target;   // "/v1/organizations?district=…", still percent-encoded
  HttpHeaders headers;  // names in lower case
  std::string body;
  std::string peer;  // the TCP peer, "127.0.0.1:53124" or "[::1]:53124"

  // The first value of the header `name` (lower case), "" when absent.
  absl::string_view Header(absl::string_view name) const;
  // The target up to '?' and after it.
  absl::string_view Path() const;
  absl::string_view Query() const;
};

struct HttpResponse {
  int status = 200;
  HttpHeaders headers;  // Content-Length and Connection are set by the session
  std::string body;
};

// One request's answer. A handler calls exactly one of Respond or
// StartEvents (then SendEvent any number of times, then EndEvents), from any
// thread; the session serializes them onto its connection. Thread-safe.
class Exchange {
 public:
  virtual ~Exchange() = default;

  // A whole response; the connection then serves the next request.
  virtual void Respond(HttpResponse response) = 0;

  // The head of an endless response (text/event-stream, chunked). `on_gone`
  // runs once (on a session thread) when the client goes away or the server
  // shuts down before EndEvents; the handler must then stop (EndEvents is
  // still allowed).
  virtual void StartEvents(HttpHeaders headers, std::function<void()> on_gone) = 0;
  // Writes `bytes` as they are; `on_sent(ok)` runs when written (or failed).
  virtual void SendEvent(std::string bytes, std::function<void(bool ok)> on_sent) = 0;
  // Ends the stream; the connection closes after it.
  virtual void EndEvents() = 0;
};

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_HTTP_MESSAGE_H_
