#include "server/web/internal/http_session.h"

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <deque>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "server/web/internal/json_response.h"

namespace renkei::web {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string ToString(beast::string_view text) { return std::string(text.data(), text.size()); }

std::chrono::nanoseconds ToChrono(absl::Duration d) { return absl::ToChronoNanoseconds(d); }

std::string PeerOf(const tcp::socket& socket) {
  beast::error_code ec;
  const tcp::endpoint peer = socket.remote_endpoint(ec);
  if (ec) return "unknown";
  const std::string address = peer.address().to_string();
  return peer.address().is_v6() ? absl::StrCat("[", address, "]:", peer.port())
                                : absl::StrCat(address, ":", peer.port());
}

// Errors that mean the client closed or reset the connection.
bool IsDisconnect(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == net::error::operation_aborted ||
         ec == net::error::broken_pipe || ec == beast::error::timeout;
}

}  // namespace

class HttpSession final : public Exchange, public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, const SessionContext& context)
      : context_(context),
        options_(*context.options),
        peer_(PeerOf(socket)),
        stream_(std::move(socket)),
        heartbeat_(stream_.get_executor()) {}
  ~HttpSession() override { context_.registry->Remove(this); }

  void Run(bool over_limit) {
    over_limit_ = over_limit;
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  void Close() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->Abort(); });
  }

  void Respond(HttpResponse response) override {
    net::post(stream_.get_executor(),
              [self = shared_from_this(), response = std::move(response)]() mutable {
                if (self->state_ == State::kHandling) self->Write(std::move(response), false);
              });
  }

  void StartEvents(HttpHeaders headers, std::function<void()> on_gone) override {
    net::post(stream_.get_executor(), [self = shared_from_this(), headers = std::move(headers),
                                       on_gone = std::move(on_gone)]() mutable {
      self->OpenEvents(std::move(headers), std::move(on_gone));
    });
  }

  void SendEvent(std::string bytes, std::function<void(bool)> on_sent) override {
    net::post(stream_.get_executor(), [self = shared_from_this(), bytes = std::move(bytes),
                                       on_sent = std::move(on_sent)]() mutable {
      if (self->state_ != State::kEvents || self->ending_) {
        if (on_sent) on_sent(false);
        return;
      }
      self->Enqueue(Chunk(bytes), std::move(on_sent), /*last=*/false);
    });
  }

  void EndEvents() override {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->state_ != State::kEvents || self->ending_) return;
      self->ending_ = true;
      self->on_gone_ = nullptr;
      self->Enqueue("0\r\n\r\n", nullptr, /*last=*/true);
    });
  }

 private:
  enum class State { kReading, kHandling, kWriting, kEvents, kClosed };
  struct Event {
    std::string bytes;  // as written: chunk framing included
    std::function<void(bool)> on_sent;
    bool last;  // the closing chunk: close after it
  };

  static std::string Chunk(absl::string_view data) {
    return absl::StrCat(absl::Hex(data.size()), "\r\n", data, "\r\n");
  }

  // ---- reading a request
  void ReadHeader() {
    state_ = State::kReading;
    keep_alive_ = head_ = false;  // until this request says otherwise
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(options_.max_header_bytes));
    parser_->body_limit(options_.max_body_bytes);
    stream_.expires_after(ToChrono(options_.header_timeout));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return FailRead(ec);
    if (over_limit_) {
      HttpResponse busy = HttpError(503, grpc::StatusCode::UNAVAILABLE,
                                    absl::StrCat("more than ", options_.max_connections,
                                                 " connections are open; try again shortly"));
      busy.headers.emplace_back("Retry-After", "5");
      return Write(std::move(busy), /*close=*/true);
    }
    if (beast::iequals(parser_->get()[http::field::expect], "100-continue") &&
        !parser_->is_done()) {
      static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(ToChrono(options_.write_timeout));
      return net::async_write(stream_, net::buffer(kContinue, sizeof(kContinue) - 1),
                              [self = shared_from_this()](beast::error_code ec, size_t) {
                                if (ec) return self->Abort();
                                self->ReadBody();
                              });
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Dispatch();
    stream_.expires_after(ToChrono(options_.body_timeout));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return self->FailRead(ec);
                       self->Dispatch();
                     });
  }

  // A read that failed: answer what can be answered, then close. (After a
  // time-out Beast has closed the socket already.)
  void FailRead(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return Write(HttpError(431, grpc::StatusCode::INVALID_ARGUMENT,
                             absl::StrCat("the request line and headers exceed ",
                                          options_.max_header_bytes, " bytes")),
                   /*close=*/true);
    }
    if (ec == http::error::body_limit) {
      return Write(
          HttpError(413, grpc::StatusCode::INVALID_ARGUMENT,
                    absl::StrCat("the request body exceeds ", options_.max_body_bytes, " bytes")),
          /*close=*/true);
    }
    if (IsDisconnect(ec) ||
        ec.category() != http::make_error_code(http::error::bad_method).category()) {
      return Abort();
    }
    Write(HttpError(400, grpc::StatusCode::INVALID_ARGUMENT,
                    absl::StrCat("malformed HTTP request: ", ec.message())),
          /*close=*/true);
  }

  void Dispatch() {
    stream_.expires_never();  // the call has its own deadline
    http::request<http::string_body> message = parser_->release();
    HttpRequest request;
    request.method = ToString(message.method_string());
    request.target = ToString(message.target());
    for (const auto& field : message) {
      request.headers.emplace_back(absl::AsciiStrToLower(ToString(field.name_string())),
                                   ToString(field.value()));
    }
    request.body = std::move(message.body());
    request.peer = peer_;
    keep_alive_ = message.keep_alive();
    head_ = message.method() == http::verb::head;
    state_ = State::kHandling;
    (*context_.handler)(std::move(request), shared_from_this());
  }

  // ---- writing a response
  // With `close` (an error of the request itself), the rest of the request
  // is read and dropped for a moment before closing, so the client sees the
  // answer instead of a reset.
  void Write(HttpResponse response, bool close) {
    state_ = State::kWriting;
    response_.emplace();
    response_->result(response.status);
    response_->version(11);
    for (auto& [name, value] : response.headers) response_->set(name, value);
    response_->set(http::field::server, "renkei");
    response_->body() = std::move(response.body);
    response_->keep_alive(keep_alive_ && !close);
    response_->prepare_payload();
    if (head_) response_->body().clear();  // Content-Length stays
    stream_.expires_after(ToChrono(options_.write_timeout));
    http::async_write(stream_, *response_,
                      [self = shared_from_this(), close](beast::error_code ec, size_t) {
                        if (ec) return self->Abort();
                        if (close) return self->Linger();
                        if (!self->response_->keep_alive()) return self->Abort();
                        self->response_.reset();
                        self->ReadHeader();
                      });
  }

  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    Drain();
  }

  void Drain() {
    stream_.async_read_some(net::buffer(scratch_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec) return self->Abort();
                              self->Drain();
                            });
  }

  // ---- event streams
  void OpenEvents(HttpHeaders headers, std::function<void()> on_gone) {
    if (state_ != State::kHandling) {
      if (on_gone) on_gone();
      return;
    }
    state_ = State::kEvents;
    on_gone_ = std::move(on_gone);
    std::string head = "HTTP/1.1 200 OK\r\nServer: renkei\r\n";
    for (const auto& [name, value] : headers) absl::StrAppend(&head, name, ": ", value, "\r\n");
    absl::StrAppend(&head, "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    Enqueue(std::move(head), nullptr, /*last=*/false);
    WatchClient();
    ScheduleHeartbeat();
  }

  void Enqueue(std::string bytes, std::function<void(bool)> on_sent, bool last) {
    events_.push_back(Event{std::move(bytes), std::move(on_sent), last});
    if (!writing_) WriteNextEvent();
  }

  void WriteNextEvent() {
    writing_ = true;
    write_started_ = absl::Now();
    net::async_write(
        stream_, net::buffer(events_.front().bytes),
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnEventWritten(ec); });
  }

  void OnEventWritten(beast::error_code ec) {
    writing_ = false;
    Event done = std::move(events_.front());
    events_.pop_front();
    const bool ok = !ec && state_ == State::kEvents;
    if (done.on_sent) done.on_sent(ok);
    if (!ok || done.last) return Abort();
    if (!events_.empty()) WriteNextEvent();
  }

  // The client sends nothing during a stream: any read completing means it
  // closed the connection (or broke the protocol).
  void WatchClient() {
    stream_.async_read_some(net::buffer(scratch_),
                            [self = shared_from_this()](beast::error_code, size_t) {
                              if (self->state_ == State::kEvents) self->Abort();
                            });
  }

  // Every `heartbeat`: a comment line when idle; a write stuck for longer
  // than write_timeout closes the connection.
  void ScheduleHeartbeat() {
    heartbeat_.expires_after(ToChrono(options_.heartbeat));
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || self->state_ != State::kEvents) return;
      if (!self->writing_) {
        self->Enqueue(Chunk(": keep-alive\n\n"), nullptr, /*last=*/false);
      } else if (absl::Now() - self->write_started_ > self->options_.write_timeout) {
        return self->Abort();
      }
      self->ScheduleHeartbeat();
    });
  }

  // Closes the connection at once; a running event stream is told.
  void Abort() {
    if (state_ == State::kClosed) return;
    state_ = State::kClosed;
    if (on_gone_) std::exchange(on_gone_, nullptr)();
    heartbeat_.cancel();
    // The event being written is failed when its write completes.
    std::deque<Event> queued;
    queued.swap(events_);
    if (writing_) {
      events_.push_back(std::move(queued.front()));
      queued.pop_front();
    }
    for (Event& event : queued) {
      if (event.on_sent) event.on_sent(false);
    }
    stream_.close();
  }

  const SessionContext context_;
  const WebOptions& options_;
  const std::string peer_;
  // Touched on the strand only.
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::string_body>> response_;
  std::array<char, 4096> scratch_;
  net::steady_timer heartbeat_;
  State state_ = State::kReading;
  bool over_limit_ = false;
  bool keep_alive_ = false;
  bool head_ = false;
  std::deque<Event> events_;
  bool writing_ = false;
  bool ending_ = false;
  absl::Time write_started_;
  std::function<void()> on_gone_;
};

size_t SessionRegistry::Add(const HttpSession* session, std::weak_ptr<HttpSession> handle) {
  absl::MutexLock lock(&mu_);
  sessions_.emplace(session, std::move(handle));
  return sessions_.size();
}

void SessionRegistry::Remove(const HttpSession* session) {
  absl::MutexLock lock(&mu_);
  sessions_.erase(session);
}

size_t SessionRegistry::size() const {
  absl::MutexLock lock(&mu_);
  return sessions_.size();
}

void SessionRegistry::CloseAll() {
  std::vector<std::shared_ptr<HttpSession>> live;
  {
    absl::MutexLock lock(&mu_);
    for (const auto& [key, handle] : sessions_) {
      if (auto session = handle.lock()) live.push_back(std::move(session));
    }
  }
  for (const auto& session : live) session->Close();
}

bool SessionRegistry::AwaitEmpty(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  return mu_.AwaitWithTimeout(absl::Condition(this, &SessionRegistry::Empty), timeout);
}

void StartSession(tcp::socket socket, const SessionContext& context) {
  auto session = std::make_shared<HttpSession>(std::move(socket), context);
  const size_t live = context.registry->Add(session.get(), session);
  session->Run(live > static_cast<size_t>(context.options->max_connections));
}

}  // namespace renkei::web
