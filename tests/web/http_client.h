// A small HTTP/1.1 client for the web tests (Boost.Beast, blocking): one
// keep-alive connection to 127.0.0.1, requests as the tests need them, and a
// reader of Server-Sent Events. Not thread-safe; each test thread makes its
// own.
#ifndef RENKEI_TESTS_WEB_HTTP_CLIENT_H_
#define RENKEI_TESTS_WEB_HTTP_CLIENT_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"

namespace renkei::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;  // 0: no answer (connection closed, time-out)
  Headers headers;
  std::string body;
  // The first value of header `name` (any case), "" when absent.
  std::string Header(const std::string& name) const;
};

class HttpClient {
 public:
  // Connects to 127.0.0.1:`port`; every read waits at most `timeout`.
  explicit HttpClient(int port, absl::Duration timeout = absl::Seconds(30));
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpReply Get(const std::string& target, const Headers& headers = {});
  // With a body, Content-Type is application/json unless `headers` say.
  HttpReply Send(const std::string& method, const std::string& target, const std::string& body = "",
                 const Headers& headers = {});
  // Writes `bytes` as they are, then reads one response.
  HttpReply Raw(const std::string& bytes);
  // Whether the server has closed the connection (reads EOF at once).
  bool ServerClosed();
  bool connected() const;

 private:
  struct Connection;
  HttpReply Read();

  std::unique_ptr<Connection> connection_;
};

struct ServerSentEvent {
  std::string id;
  std::string event;  // "" for the default ("message")
  std::string data;
};

// A GET of an event stream, read event by event.
class EventStreamReader {
 public:
  EventStreamReader(int port, const std::string& target, const Headers& headers = {});
  ~EventStreamReader();
  EventStreamReader(const EventStreamReader&) = delete;
  EventStreamReader& operator=(const EventStreamReader&) = delete;

  // The response's status and headers (the body, for a non-stream answer).
  const HttpReply& head() const { return head_; }
  // The next event, nullopt when the stream ended or nothing came within
  // `timeout` (ended() tells which). Comment lines are skipped.
  std::optional<ServerSentEvent> Next(absl::Duration timeout = absl::Seconds(10));
  bool ended() const { return ended_; }
  int comments() const { return comments_; }  // comment lines skipped so far
  void Close();                               // goes away

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
  HttpReply head_;
  std::string pending_;  // data received, not yet split into events
  bool ended_ = false;
  int comments_ = 0;
};

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_WEB_HTTP_CLIENT_H_
