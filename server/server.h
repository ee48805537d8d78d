// The renkei server: the store, the gRPC services over it, health checking
// and reflection, on one listening port; and, when asked, the HTTP side
// (JSON API, change feed as events, pages: server/web/web_server.h).
#ifndef RENKEI_SERVER_SERVER_H_
#define RENKEI_SERVER_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/web/web_server.h"

namespace grpc {
class Channel;
class Server;
}  // namespace grpc

namespace renkei {

namespace store {
class Store;
}  // namespace store

namespace resolve {
class Reader;
}  // namespace resolve

namespace match {
class ThesaurusSource;
}  // namespace match

namespace metrics {
class Metrics;
}  // namespace metrics

struct ServerOptions {
  std::string data_dir;                            // required
  std::string listen_address = "127.0.0.1:50051";  // port 0 picks a free one
  bool sync_writes = false;
  // Writes are refused while the data directory's disk has less free space
  // (store.h, StoreOptions::min_free_bytes).
  uint64_t min_free_disk_bytes = uint64_t{256} << 20;
  // WatchChanges streams open at once, at most (16 per caller), and how long
  // a write to a client that reads nothing may wait before its stream is
  // cancelled (server/service/change_streams.h).
  int max_change_streams = 128;
  absl::Duration change_stream_stall_timeout = absl::Seconds(30);
  // A call that takes longer is logged even when it succeeds (failed calls
  // always are): one line with its method, caller, status and duration.
  absl::Duration slow_call = absl::Seconds(1);
  // How search text becomes terms: "words" (MeCab) or "bigram".
  std::string analyzer = "words";
  // Load the demo data (data/demo) after starting; idempotent.
  bool load_demo = false;
  // Where the demo files are; empty means the copy built into the binary.
  std::string demo_dir;
  // Answers of the Suggest… calls kept while the data they read is
  // unchanged (server/service/suggestion_cache.h); 0 keeps none.
  size_t match_cache_bytes = size_t{64} << 20;
  // The thesaurus directory (data/thesaurus); "none" for no thesaurus.
  std::string thesaurus_dir = DefaultThesaurusDir();
  // The HTTP side: off while web.address is empty (renkei-server's --http
  // defaults to 127.0.0.1:8080). An empty web.web_dir means DefaultWebDir().
  web::WebOptions web;

  // TLS for gRPC: PEM files of the server's certificate chain and key, and
  // optionally of the CAs whose client certificates are required.
  std::string tls_cert;
  std::string tls_key;
  std::string tls_client_ca;
  // Listen on a non-loopback address without TLS (warned at every start).
  bool insecure = false;
  // gRPC's channelz service on the gRPC port: connections, calls, sockets.
  // It answers without a credential (as health does) and names peers' addresses.
  bool channelz = false;
  // Callers without a credential may read the public catalogue (public
  // seeds, researchers' public profiles, organizations).
  bool public_catalogue = false;

  // $RENKEI_THESAURUS_DIR, else PREFIX/share/renkei/thesaurus of an
  // installed binary (install_dirs.h), else the source tree's data/thesaurus.
  static std::string DefaultThesaurusDir();
  // $RENKEI_WEB_DIR, else PREFIX/share/renkei/web of an installed binary,
  // else the source tree's web/.
  static std::string DefaultWebDir();
};

// The data directory used when none is given: $RENKEI_DATA_DIR, else
// $XDG_DATA_HOME/renkei, else $HOME/.local/share/renkei, else ./renkei-data.
std::string DefaultDataDir();

class RenkeiServer {
 public:
  // Opens the store, starts the services and, if asked, loads the demo data.
  static absl::StatusOr<std::unique_ptr<RenkeiServer>> Start(const ServerOptions& options);

  RenkeiServer(const RenkeiServer&) = delete;
  RenkeiServer& operator=(const RenkeiServer&) = delete;
  ~RenkeiServer();  // shuts down if still running

  // The port it listens on (the chosen one when asked for port 0).
  int port() const { return port_; }
  // The HTTP port (the chosen one for port 0); 0 when HTTP is off.
  int http_port() const { return web_ != nullptr ? web_->port() : 0; }
  // A channel to the server that does not go through the network. Its calls
  // carry no credential: give one per call, or use SystemChannel.
  std::shared_ptr<grpc::Channel> InProcessChannel();
  // An in-process channel whose calls are made as the server itself (role
  // admin, user "system"): demo data and in-process tools only.
  std::shared_ptr<grpc::Channel> SystemChannel();
  // The first administrator's files, when this start created them
  // (Accounts::EnsureAdministrator); empty otherwise.
  const std::string& admin_token_file() const { return admin_token_file_; }
  store::Store& store() { return *store_; }
  // Reads the thesaurus directory again (as SIGHUP does); the old one stays
  // in use when the new one has an error.
  absl::Status ReloadThesaurus();

  // Stops taking calls, ends open streams, waits up to `grace` for running
  // calls, then closes the store. Idempotent.
  void Shutdown(absl::Duration grace = absl::Seconds(5));

 private:
  struct Services;
  RenkeiServer();

  std::unique_ptr<metrics::Metrics> metrics_;  // outlives the server's calls
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<match::ThesaurusSource> thesaurus_;
  std::unique_ptr<resolve::Reader> reader_;  // may be null (no MeCab dictionary)
  std::unique_ptr<Services> services_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<web::WebServer> web_;  // null when HTTP is off
  int port_ = 0;
  std::string admin_token_file_;
  bool stopped_ = false;
};

// The first administrator's token, from `data_dir`/admin.token (written when
// the server first started on that directory): for tests, benchmarks and the
// demo script.
absl::StatusOr<std::string> ReadAdminToken(const std::string& data_dir);

// Runs the server until SIGINT or SIGTERM, then shuts down cleanly.
// Returns the process exit code.
int RunServer(const ServerOptions& options);

// Restores backup `backup_id` (0: the newest) of `backup_dir` into the new
// data directory `data_dir` (store/backup.h), says which revision it holds,
// and returns the process exit code.
int RunRestore(const std::string& backup_dir, const std::string& data_dir, uint32_t backup_id);

}  // namespace renkei

#endif  // RENKEI_SERVER_SERVER_H_
