#include "server/web/internal/listener.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/util/log.h"

namespace renkei::web {

namespace net = boost::asio;
using tcp = net::ip::tcp;

absl::StatusOr<tcp::endpoint> ParseEndpoint(absl::string_view address) {
  const size_t colon = address.rfind(':');
  int port = -1;
  if (colon == absl::string_view::npos || !absl::SimpleAtoi(address.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("HTTP address \"", address, "\" is not host:port"));
  }
  std::string host(address.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code ec;
  const net::ip::address ip = net::ip::make_address(host, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("HTTP address \"", address, "\": \"", host, "\" is not an IP address"));
  }
  return tcp::endpoint(ip, static_cast<unsigned short>(port));
}

Listener::Listener(net::io_context& io, const SessionContext& context)
    : io_(io),
      context_(context),
      acceptor_(net::make_strand(io)),
      retry_(acceptor_.get_executor()) {}

absl::StatusOr<std::shared_ptr<Listener>> Listener::Open(net::io_context& io,
                                                         const tcp::endpoint& at,
                                                         const SessionContext& context) {
  std::shared_ptr<Listener> listener(new Listener(io, context));
  boost::system::error_code ec;
  tcp::acceptor& acceptor = listener->acceptor_;
  acceptor.open(at.protocol(), ec);
  // SO_REUSEADDR (not SO_REUSEPORT): a restart does not wait for TIME_WAIT,
  // and a second server on the same port still fails.
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(at, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot serve HTTP on ", at.address().to_string(), ":", at.port(), ": ",
                     ec.message(), " (is another server using it? give another with --http)"));
  }
  listener->port_ = acceptor.local_endpoint().port();
  return listener;
}

void Listener::Start() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] { self->Accept(); });
}

void Listener::Stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
    self->retry_.cancel();
  });
}

void Listener::Accept() {
  acceptor_.async_accept(
      net::make_strand(io_),
      [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !self->acceptor_.is_open()) return;
        if (!ec) {
          StartSession(std::move(socket), self->context_);
          return self->Accept();
        }
        LogInfo(absl::StrCat("HTTP: accept failed (", ec.message(), "); retrying"));
        self->retry_.expires_after(std::chrono::milliseconds(100));
        self->retry_.async_wait([self](boost::system::error_code wait_ec) {
          if (!wait_ec) self->Accept();
        });
      });
}

}  // namespace renkei::web
