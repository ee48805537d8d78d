#include "server/web/internal/web_login.h"

#include <functional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "server/web/internal/call_metadata.h"
#include "server/web/internal/json_response.h"

namespace renkei::web {
namespace {

constexpr int kSessionSeconds = 12 * 60 * 60;  // a web session's life (access.md)

// One call to AccessService: its context, messages, and what to do with the
// answer (on a gRPC thread).
template <typename Request, typename Response>
struct Pending {
  std::shared_ptr<grpc::ClientContext> context = std::make_shared<grpc::ClientContext>();
  Request request;
  Response response;
  std::function<void(const grpc::Status&, const Response&)> done;
};

// Starts `method` of the async stub with `pending`; answers 503 when the
// server is shutting down.
template <typename Request, typename Response, typename Method>
void Start(ActiveCalls* calls, absl::Duration deadline, const CallMetadata& metadata,
           std::unique_ptr<Pending<Request, Response>> pending, Method method,
           const std::shared_ptr<Exchange>& exchange) {
  pending->context->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  for (const auto& [key, value] : metadata) pending->context->AddMetadata(key, value);
  if (!calls->Add(pending->context, /*stream=*/false)) {
    return exchange->Respond(
        HttpError(503, grpc::StatusCode::UNAVAILABLE, "the server is shutting down"));
  }
  auto* raw = pending.release();
  method(raw->context.get(), &raw->request, &raw->response, [calls, raw](grpc::Status status) {
    std::unique_ptr<Pending<Request, Response>> finished(raw);
    finished->done(status, finished->response);
    const grpc::ClientContext* key = finished->context.get();
    finished.reset();
    calls->Remove(key);  // the context goes last (active_calls.h)
  });
}

std::string CookieFor(const HttpRequest& request, absl::string_view token, int max_age) {
  return absl::StrCat(kSessionCookie, "=", token, "; Path=/; HttpOnly; SameSite=Strict; Max-Age=",
                      max_age, ViaHttps(request) ? "; Secure" : "");
}

// {"identity": …, "csrfToken": "…"}
HttpResponse SessionResponse(const v1::Identity& identity, absl::string_view token) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  (void)google::protobuf::util::MessageToJsonString(identity, &json, options);
  std::string body = absl::StrCat("{\"identity\":", json, ",\"csrfToken\":");
  AppendJsonString(CsrfTokenOf(token), &body);
  body.push_back('}');
  return JsonResponse(200, std::move(body));
}

}  // namespace

WebLogin::WebLogin(std::shared_ptr<grpc::ChannelInterface> channel, ActiveCalls* calls,
                   absl::Duration deadline)
    : stub_(v1::AccessService::NewStub(std::move(channel))), calls_(calls), deadline_(deadline) {}

bool WebLogin::Handle(const HttpRequest& request, const std::shared_ptr<Exchange>& exchange) {
  const absl::string_view path = request.Path();
  const bool post = request.method == "POST";
  if (path == "/web/login" && post) {
    Login(request, exchange);
  } else if (path == "/web/session" && (request.method == "GET" || request.method == "HEAD")) {
    Session(request, exchange);
  } else if (path == "/web/logout" && post) {
    Logout(request, exchange);
  } else if (path == "/web/login" || path == "/web/session" || path == "/web/logout") {
    HttpResponse refused = HttpError(405, grpc::StatusCode::UNIMPLEMENTED,
                                     absl::StrCat(request.method, " is not allowed on ", path));
    refused.headers.emplace_back("Allow", path == "/web/session" ? "GET, HEAD" : "POST");
    exchange->Respond(std::move(refused));
  } else {
    return false;
  }
  return true;
}

void WebLogin::Login(const HttpRequest& request, std::shared_ptr<Exchange> exchange) {
  absl::StatusOr<CallMetadata> metadata = ClientMetadataOf(request, "web");
  if (!metadata.ok()) return exchange->Respond(ErrorResponse(metadata.status()));
  auto pending = std::make_unique<Pending<v1::LoginRequest, v1::LoginResponse>>();
  google::protobuf::util::JsonParseOptions strict;
  const auto parsed =
      google::protobuf::util::JsonStringToMessage(request.body, &pending->request, strict);
  if (!parsed.ok()) {
    return exchange->Respond(HttpError(
        400, grpc::StatusCode::INVALID_ARGUMENT,
        absl::StrCat("the body must be {\"username\": …, \"password\": …}: ",
                     parsed.message().ToString())));
  }
  pending->request.set_kind(v1::TOKEN_KIND_WEB_SESSION);
  pending->done = [exchange, request](const grpc::Status& status,
                                      const v1::LoginResponse& response) {
    if (!status.ok()) return exchange->Respond(ErrorResponse(status));
    HttpResponse answer = SessionResponse(response.identity(), response.token());
    answer.headers.emplace_back("Set-Cookie",
                                CookieFor(request, response.token(), kSessionSeconds));
    exchange->Respond(std::move(answer));
  };
  Start(calls_, deadline_, *metadata, std::move(pending),
        [this](auto* context, auto* in, auto* out, auto done) {
          stub_->async()->Login(context, in, out, std::move(done));
        },
        exchange);
}

void WebLogin::Session(const HttpRequest& request, std::shared_ptr<Exchange> exchange) {
  const std::string token = SessionCookieOf(request);
  if (token.empty()) {
    return exchange->Respond(
        HttpError(401, grpc::StatusCode::UNAUTHENTICATED, "not signed in: POST /web/login"));
  }
  absl::StatusOr<CallMetadata> metadata = CallMetadataOf(request);
  if (!metadata.ok()) return exchange->Respond(ErrorResponse(metadata.status()));
  auto pending = std::make_unique<Pending<v1::WhoAmIRequest, v1::Identity>>();
  pending->done = [exchange, token](const grpc::Status& status, const v1::Identity& identity) {
    if (!status.ok()) return exchange->Respond(ErrorResponse(status));
    exchange->Respond(SessionResponse(identity, token));
  };
  Start(calls_, deadline_, *metadata, std::move(pending),
        [this](auto* context, auto* in, auto* out, auto done) {
          stub_->async()->WhoAmI(context, in, out, std::move(done));
        },
        exchange);
}

void WebLogin::Logout(const HttpRequest& request, std::shared_ptr<Exchange> exchange) {
  const std::string cleared = CookieFor(request, "", 0);
  if (SessionCookieOf(request).empty()) {
    HttpResponse answer = JsonResponse(200, "{}");
    answer.headers.emplace_back("Set-Cookie", cleared);
    return exchange->Respond(std::move(answer));
  }
  absl::StatusOr<CallMetadata> metadata = CallMetadataOf(request);  // checks the CSRF token
  if (!metadata.ok()) return exchange->Respond(ErrorResponse(metadata.status()));
  auto pending = std::make_unique<Pending<v1::LogoutRequest, v1::LogoutResponse>>();
  pending->done = [exchange, cleared](const grpc::Status& status, const v1::LogoutResponse&) {
    // A session that is gone already (expired, revoked) is signed out too.
    if (!status.ok() && status.error_code() != grpc::StatusCode::UNAUTHENTICATED) {
      return exchange->Respond(ErrorResponse(status));
    }
    HttpResponse answer = JsonResponse(200, "{}");
    answer.headers.emplace_back("Set-Cookie", cleared);
    exchange->Respond(std::move(answer));
  };
  Start(calls_, deadline_, *metadata, std::move(pending),
        [this](auto* context, auto* in, auto* out, auto done) {
          stub_->async()->Logout(context, in, out, std::move(done));
        },
        exchange);
}

}  // namespace renkei::web
