// One HTTP/1.1 connection (Boost.Beast): reads a request within the limits
// of WebOptions, hands it to the handler, writes its answer, and keeps the
// connection for the next request (keep-alive). Over a limit it answers with
// a JSON error and closes: 431 (headers), 413 (body), 408 (too slow), 400
// (malformed), 503 (too many connections). Event streams are written as
// chunks with a heartbeat comment when idle. Every step runs on the
// connection's strand; the Exchange methods may be called from any thread.
#ifndef RENKEI_SERVER_WEB_INTERNAL_HTTP_SESSION_H_
#define RENKEI_SERVER_WEB_INTERNAL_HTTP_SESSION_H_

#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "server/web/internal/http_message.h"
#include "server/web/web_server.h"

namespace renkei::web {

class HttpSession;

// Answers a request; must not block (it runs on an io thread).
using RequestHandler = std::function<void(HttpRequest, std::shared_ptr<Exchange>)>;

// The live connections: their number (for max_connections) and a way to
// close them all at shutdown. Thread-safe.
class SessionRegistry {
 public:
  // Adds a session; returns how many are live, it included.
  size_t Add(const HttpSession* session, std::weak_ptr<HttpSession> handle);
  void Remove(const HttpSession* session);
  size_t size() const;
  // Closes every live session (on its strand), ending its event stream.
  void CloseAll();
  // Waits up to `timeout` for every session to be gone; false if some stay.
  bool AwaitEmpty(absl::Duration timeout);

 private:
  bool Empty() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return sessions_.empty(); }

  mutable absl::Mutex mu_;
  absl::flat_hash_map<const HttpSession*, std::weak_ptr<HttpSession>> sessions_
      ABSL_GUARDED_BY(mu_);
};

// What every session shares; must outlive the sessions (until the
// io_context they run on is destroyed).
struct SessionContext {
  const WebOptions* options;
  const RequestHandler* handler;
  SessionRegistry* registry;
};

// Serves `socket`, whose executor must be a strand of the io_context.
void StartSession(boost::asio::ip::tcp::socket socket, const SessionContext& context);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_HTTP_SESSION_H_
