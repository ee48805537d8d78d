// Accepts connections on one address and starts a session for each, on its
// own strand. Its methods run on the listener's strand or before Start;
// owned by WebServer, which destroys it before the io_context.
#ifndef RENKEI_SERVER_WEB_INTERNAL_LISTENER_H_
#define RENKEI_SERVER_WEB_INTERNAL_LISTENER_H_

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/web/internal/http_session.h"

namespace renkei::web {

// "127.0.0.1:8080", "[::1]:0", "localhost:8080" as an endpoint.
absl::StatusOr<boost::asio::ip::tcp::endpoint> ParseEndpoint(absl::string_view address);

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens; UNAVAILABLE when the address is taken.
  static absl::StatusOr<std::shared_ptr<Listener>> Open(boost::asio::io_context& io,
                                                        const boost::asio::ip::tcp::endpoint& at,
                                                        const SessionContext& context);

  int port() const { return port_; }
  void Start();  // accepts until Stop
  void Stop();   // closes the acceptor (asynchronously)

 private:
  Listener(boost::asio::io_context& io, const SessionContext& context);
  void Accept();

  boost::asio::io_context& io_;
  const SessionContext context_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;  // after an accept error (out of files …)
  int port_ = 0;
};

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_LISTENER_H_
