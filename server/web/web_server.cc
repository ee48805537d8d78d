#include "server/web/web_server.h"

#include <google/protobuf/descriptor.h>
#include <grpcpp/channel.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <optional>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/util/log.h"
#include "server/web/internal/active_calls.h"
#include "server/web/internal/http_session.h"
#include "server/web/internal/json_api.h"
#include "server/web/internal/listener.h"
#include "server/web/internal/static_files.h"
#include "server/web/internal/web_login.h"

namespace renkei::web {

namespace net = boost::asio;

// Members in the order they may be destroyed in reverse: the sessions die
// with the io_context and still use the registry, the options and the
// handler; the listener must go before the io_context.
struct WebServer::Impl {
  Impl(const WebOptions& options, std::shared_ptr<grpc::Channel> channel, RouteTable routes)
      : options(options),
        api(channel, std::move(routes), &calls, options.call_deadline),
        login(std::move(channel), &calls, options.call_deadline),
        files({{"/", options.web_dir, "no-cache"},
               {"/assets/bootstrap/", absl::StrCat(options.javascript_dir, "/bootstrap5"),
                "public, max-age=86400"},
               {"/assets/chart.js/", absl::StrCat(options.javascript_dir, "/chart.js"),
                "public, max-age=86400"}}),
        handler([this](HttpRequest request, std::shared_ptr<Exchange> exchange) {
          Route(std::move(request), std::move(exchange));
        }),
        work(net::make_work_guard(io)) {}

  // /v1/… is the JSON API, and /metrics its one method outside /v1/;
  // /web/login, /web/session, /web/logout the browser's session; everything
  // else a file.
  void Route(HttpRequest request, std::shared_ptr<Exchange> exchange) {
    const absl::string_view path = request.Path();
    if (path == "/v1" || absl::StartsWith(path, "/v1/") || path == "/metrics") {
      return api.Handle(std::move(request), std::move(exchange));
    }
    if (absl::StartsWith(path, "/web/") && login.Handle(request, exchange)) return;
    exchange->Respond(files.Serve(request));
  }

  const WebOptions options;
  SessionRegistry sessions;
  ActiveCalls calls;
  JsonApi api;
  WebLogin login;
  const StaticFiles files;
  const RequestHandler handler;
  net::io_context io;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::shared_ptr<Listener> listener;
  std::vector<std::thread> threads;
  bool stopped = false;
};

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WebServer::~WebServer() { Shutdown(absl::Seconds(1)); }

absl::StatusOr<std::unique_ptr<WebServer>> WebServer::Start(
    const WebOptions& options, std::shared_ptr<grpc::Channel> channel,
    const std::vector<std::string>& services) {
  absl::StatusOr<net::ip::tcp::endpoint> at = ParseEndpoint(options.address);
  if (!at.ok()) return at.status();
  if (!at->address().is_loopback() && !options.allow_public) {
    return absl::FailedPreconditionError(absl::StrCat(
        "refusing to serve HTTP on ", options.address,
        ": plain HTTP would carry tokens and passwords in clear, so it listens on loopback "
        "only; put nginx with TLS in front for other hosts (docs/web.md), or give --insecure "
        "when a TLS proxy on another host forwards to it"));
  }
  absl::StatusOr<RouteTable> routes = RouteTable::Build(services);
  if (!routes.ok()) return routes.status();
  for (const auto* method : routes->skipped()) {
    // A client stream has no JSON route by design (docs/api.md); say only
    // what is missing by mistake.
    if (method->client_streaming()) continue;
    LogInfo(absl::StrCat("HTTP: no JSON route for ", method->full_name(),
                         " (no google.api.http option)"));
  }
  auto impl = std::make_unique<Impl>(options, std::move(channel), std::move(*routes));
  Impl& s = *impl;
  absl::StatusOr<std::shared_ptr<Listener>> listener =
      Listener::Open(s.io, *at, SessionContext{&s.options, &s.handler, &s.sessions});
  if (!listener.ok()) return listener.status();
  s.listener = std::move(*listener);
  s.listener->Start();
  for (int i = 0; i < std::max(1, options.threads); ++i) {
    s.threads.emplace_back([&s] { s.io.run(); });
  }
  return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

int WebServer::port() const { return impl_->listener->port(); }

void WebServer::Shutdown(absl::Duration grace) {
  Impl& s = *impl_;
  if (s.stopped) return;
  s.stopped = true;
  s.listener->Stop();
  s.calls.Shutdown(grace);  // streams end now; unary calls get `grace`
  s.sessions.CloseAll();
  s.sessions.AwaitEmpty(absl::Seconds(1));
  s.work.reset();
  s.io.stop();
  for (std::thread& thread : s.threads) thread.join();
  s.threads.clear();
  s.listener.reset();
}

}  // namespace renkei::web
