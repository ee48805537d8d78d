#include "tests/web/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace renkei::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string ToString(beast::string_view text) { return std::string(text.data(), text.size()); }

// Runs one asynchronous operation on `socket` to its end, or cancels it
// after `timeout` (the socket stays open): net::error::timed_out then.
template <typename Start>
beast::error_code RunFor(net::io_context& io, tcp::socket& socket, absl::Duration timeout,
                         Start start) {
  beast::error_code result = net::error::timed_out;
  bool done = false, expired = false;
  net::steady_timer timer(io, absl::ToChronoNanoseconds(timeout));
  timer.async_wait([&](beast::error_code ec) {
    if (ec || done) return;
    expired = true;
    socket.cancel();
  });
  start([&](beast::error_code ec, size_t) {
    done = true;
    result = ec;
    timer.cancel();
  });
  io.restart();
  io.run();
  return expired ? beast::error_code(net::error::timed_out) : result;
}

template <typename Message>
HttpReply ReplyOf(const Message& message) {
  HttpReply reply;
  reply.status = message.result_int();
  for (const auto& field : message) {
    reply.headers.emplace_back(ToString(field.name_string()), ToString(field.value()));
  }
  return reply;
}

}  // namespace

std::string HttpReply::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (absl::EqualsIgnoreCase(key, name)) return value;
  }
  return "";
}

struct HttpClient::Connection {
  Connection(int port, absl::Duration timeout) : socket(io), timeout(timeout) {
    beast::error_code ec;
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
    ok = !ec;
  }
  template <typename Start>
  beast::error_code Run(Start start) {
    return RunFor(io, socket, timeout, start);
  }
  net::io_context io;
  tcp::socket socket;
  beast::flat_buffer buffer;
  absl::Duration timeout;
  bool ok = false;
  bool head = false;  // the last request was HEAD
};

HttpClient::HttpClient(int port, absl::Duration timeout)
    : connection_(std::make_unique<Connection>(port, timeout)) {}

HttpClient::~HttpClient() = default;

bool HttpClient::connected() const { return connection_->ok; }

HttpReply HttpClient::Get(const std::string& target, const Headers& headers) {
  return Send("GET", target, "", headers);
}

HttpReply HttpClient::Send(const std::string& method, const std::string& target,
                           const std::string& body, const Headers& headers) {
  http::request<http::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(http::field::host, "127.0.0.1");
  bool typed = false;
  for (const auto& [name, value] : headers) {
    request.set(name, value);
    typed = typed || absl::EqualsIgnoreCase(name, "content-type");
  }
  if (!body.empty() && !typed) request.set(http::field::content_type, "application/json");
  request.body() = body;
  request.prepare_payload();
  Connection& c = *connection_;
  c.head = method == "HEAD";
  if (c.Run([&](auto handler) { http::async_write(c.socket, request, handler); })) {
    return HttpReply{};
  }
  return Read();
}

HttpReply HttpClient::Raw(const std::string& bytes) {
  Connection& c = *connection_;
  c.head = false;
  if (c.Run([&](auto handler) { net::async_write(c.socket, net::buffer(bytes), handler); })) {
    return HttpReply{};
  }
  return Read();
}

HttpReply HttpClient::Read() {
  Connection& c = *connection_;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 << 20);
  parser.skip(c.head);
  if (c.Run([&](auto handler) { http::async_read(c.socket, c.buffer, parser, handler); })) {
    return HttpReply{};
  }
  HttpReply reply = ReplyOf(parser.get());
  reply.body = parser.get().body();
  return reply;
}

bool HttpClient::ServerClosed() {
  Connection& c = *connection_;
  char byte;
  const beast::error_code ec = RunFor(c.io, c.socket, absl::Seconds(5), [&](auto handler) {
    c.socket.async_read_some(net::buffer(&byte, 1), handler);
  });
  return ec == net::error::eof || ec == net::error::connection_reset;
}

struct EventStreamReader::Stream {
  template <typename Start>
  beast::error_code Run(absl::Duration timeout, Start start) {
    return RunFor(io, socket, timeout, start);
  }
  net::io_context io;
  tcp::socket socket{io};
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  // The parser holds a reference to it.
  std::function<size_t(std::uint64_t, beast::string_view, beast::error_code&)> on_chunk;
};

EventStreamReader::EventStreamReader(int port, const std::string& target, const Headers& headers)
    : stream_(std::make_unique<Stream>()) {
  Stream& s = *stream_;
  s.parser.body_limit(std::uint64_t{1} << 40);  // a stream may be long
  beast::error_code ec;
  s.socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  http::request<http::empty_body> request{http::verb::get, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::accept, "text/event-stream");
  for (const auto& [name, value] : headers) request.set(name, value);
  const absl::Duration timeout = absl::Seconds(30);
  if (ec || s.Run(timeout, [&](auto handler) { http::async_write(s.socket, request, handler); }) ||
      s.Run(timeout, [&](auto handler) {
        http::async_read_header(s.socket, s.buffer, s.parser, handler);
      })) {
    ended_ = true;
    return;
  }
  head_ = ReplyOf(s.parser.get());
  if (!absl::StartsWith(head_.Header("Content-Type"), "text/event-stream")) {
    s.Run(timeout, [&](auto handler) { http::async_read(s.socket, s.buffer, s.parser, handler); });
    head_.body = s.parser.get().body();
    ended_ = true;
    return;
  }
  s.on_chunk = [this](std::uint64_t, beast::string_view data, beast::error_code&) {
    pending_.append(data.data(), data.size());
    return data.size();
  };
  s.parser.on_chunk_body(s.on_chunk);
}

EventStreamReader::~EventStreamReader() = default;

std::optional<ServerSentEvent> EventStreamReader::Next(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    const size_t end = pending_.find("\n\n");
    if (end != std::string::npos) {
      const std::string block = pending_.substr(0, end);
      pending_.erase(0, end + 2);
      ServerSentEvent event;
      bool any = false;
      for (absl::string_view line : absl::StrSplit(block, '\n')) {
        if (absl::ConsumePrefix(&line, "id: ")) event.id = std::string(line), any = true;
        if (absl::ConsumePrefix(&line, "event: ")) event.event = std::string(line), any = true;
        if (absl::ConsumePrefix(&line, "data: ")) event.data += std::string(line), any = true;
      }
      if (any) return event;
      ++comments_;  // a comment (heartbeat)
      continue;
    }
    if (ended_ || stream_->parser.is_done()) {
      ended_ = true;
      return std::nullopt;
    }
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return std::nullopt;
    Stream& s = *stream_;
    const beast::error_code ec = s.Run(
        left, [&](auto handler) { http::async_read_some(s.socket, s.buffer, s.parser, handler); });
    if (ec == net::error::timed_out) return std::nullopt;
    if (ec) ended_ = true;
  }
}

void EventStreamReader::Close() {
  beast::error_code ignored;
  stream_->socket.shutdown(tcp::socket::shutdown_both, ignored);
  stream_->socket.close(ignored);
  ended_ = true;
}

}  // namespace renkei::testing
