// renkei-server's HTTP side (docs/web.md): the JSON API under /v1/ (every
// RPC with a google.api.http option, through the same service code as gRPC),
// the change feed as Server-Sent Events, Bootstrap and Chart.js from
// Debian's packages under /assets/, and the pages from a directory.
//
// Boost.Beast over one io_context run by a few threads; nothing a request
// does blocks them (gRPC calls complete on gRPC's own threads). Thread-safe.
#ifndef RENKEI_SERVER_WEB_WEB_SERVER_H_
#define RENKEI_SERVER_WEB_WEB_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace renkei::web {

// What the HTTP side serves and its limits (docs/web.md).
struct WebOptions {
  // "host:port"; port 0 picks a free one. Empty: no HTTP. Only a loopback
  // address unless `allow_public`: plain HTTP carries passwords and session
  // cookies in clear (TLS is nginx's, docs/web.md).
  std::string address;
  bool allow_public = false;  // --insecure: behind a TLS proxy on another host
  // The pages (web/ in the source tree).
  std::string web_dir;
  // Where Debian installs libjs-bootstrap5 and libjs-chart.js.
  std::string javascript_dir = "/usr/share/javascript";
  int threads = 2;                          // running the io_context
  int max_connections = 256;                // more are answered 503 and closed
  size_t max_header_bytes = 16 * 1024;      // request line and headers: else 431
  size_t max_body_bytes = 8 * 1024 * 1024;  // else 413
  // From the end of the previous response (or the connection) to the end
  // of the next request's headers: idle keep-alive connections close then.
  absl::Duration header_timeout = absl::Seconds(30);
  absl::Duration body_timeout = absl::Seconds(60);   // reading one body
  absl::Duration write_timeout = absl::Seconds(30);  // writing one response or event
  absl::Duration call_deadline = absl::Seconds(30);  // each unary gRPC call
  // A comment line on an idle event stream, so proxies keep it open.
  absl::Duration heartbeat = absl::Seconds(15);
};

class WebServer {
 public:
  // Listens and serves. `channel` reaches the services (the server's
  // in-process channel); `services` are the full names of those the JSON API
  // routes. Fails on an address it cannot listen on, a non-loopback address,
  // or a route table that does not build (route_table.h).
  static absl::StatusOr<std::unique_ptr<WebServer>> Start(const WebOptions& options,
                                                          std::shared_ptr<grpc::Channel> channel,
                                                          const std::vector<std::string>& services);

  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;
  ~WebServer();  // shuts down if still running

  // The port it listens on (the chosen one when asked for port 0).
  int port() const;

  // Stops accepting, ends event streams at once, gives running calls up to
  // `grace`, closes every connection and joins the threads. Idempotent.
  void Shutdown(absl::Duration grace = absl::Seconds(5));

 private:
  struct Impl;
  explicit WebServer(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_WEB_SERVER_H_
