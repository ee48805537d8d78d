#include "server/server.h"

#include <grpcpp/ext/channelz_service_plugin.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/access/accounts.h"
#include "server/access/audit.h"
#include "server/access/authenticator.h"
#include "server/access/policy.h"
#include "server/demo/demo_loader.h"
#include "server/install_dirs.h"
#include "server/service/access_service.h"
#include "server/service/change_service.h"
#include "server/service/gate.h"
#include "server/service/collaboration_service.h"
#include "server/match/thesaurus_source.h"
#include "server/metrics/metrics.h"
#include "server/metrics/rpc_interceptor.h"
#include "server/resolve/reading.h"
#include "server/service/import_service.h"
#include "server/service/indicator_service.h"
#include "server/service/match_service.h"
#include "server/service/need_service.h"
#include "server/service/network_service.h"
#include "server/service/organization_service.h"
#include "server/service/person_service.h"
#include "server/service/search_service.h"
#include "server/service/seed_service.h"
#include "server/service/system_service.h"
#include "server/store/backup.h"
#include "server/store/store.h"
#include "server/text/analyzer.h"
#include "server/util/call_metadata.h"
#include "server/util/log.h"
#include "server/util/status_macros.h"

namespace renkei {

// Who may call (access), and the services that answer, each passing the gate.
struct RenkeiServer::Services {
  Services(store::Store* store, match::ThesaurusSource* thesaurus,
           const resolve::Reader* reader, bool public_catalogue,
           service::StreamLimits stream_limits, size_t match_cache_bytes,
           metrics::Metrics* metrics)
      : authenticator(store),
        audit(store),
        accounts(store, &audit),
        gate(&authenticator, &audit, public_catalogue),
        access(&accounts, &gate),
        admin(&accounts, &gate),
        organizations(store, &gate),
        people(store, &gate),
        seeds(store, &gate),
        needs(store, &gate),
        collaborations(store, &gate),
        networks(store, &gate),
        changes(store, &gate, stream_limits),
        indicators(store, &gate),
        system(store, &gate, metrics,
               [this, store] {
                 metrics::Readings now;
                 now.revision = store->revision();
                 now.store_bytes = metrics::DirectoryBytes(store->path());
                 now.change_streams = changes.open_streams();
                 return now;
               }),
        search(store, thesaurus, &gate),
        match(store, thesaurus, &gate, match_cache_bytes),
        imports(store, reader, &gate, metrics) {}

  std::vector<grpc::Service*> All() {
    return {&access,   &admin,          &organizations, &people,  &seeds,
            &needs,    &collaborations, &networks,      &changes, &indicators,
            &system,   &search,         &match,         &imports};
  }

  access::Authenticator authenticator;
  access::AuditTrail audit;
  access::Accounts accounts;
  service::Gate gate;
  service::AccessService access;
  service::AdminService admin;
  service::OrganizationService organizations;
  service::PersonService people;
  service::SeedService seeds;
  service::NeedService needs;
  service::CollaborationService collaborations;
  service::NetworkService networks;
  service::ChangeService changes;
  service::IndicatorService indicators;
  service::SystemService system;
  service::SearchService search;
  service::MatchService match;
  service::ImportService imports;
};

namespace {

// The full names of the services the server registers, in the order of
// Services::All().
const std::vector<std::string>& ServiceNames() {
  static const std::vector<std::string> names = {
      "renkei.v1.AccessService",        "renkei.v1.AdminService",
      "renkei.v1.OrganizationService",  "renkei.v1.PersonService",
      "renkei.v1.SeedService",          "renkei.v1.NeedService",
      "renkei.v1.CollaborationService", "renkei.v1.NetworkService",
      "renkei.v1.ChangeService",        "renkei.v1.IndicatorService",
      "renkei.v1.SystemService",        "renkei.v1.SearchService",
      "renkei.v1.MatchService",         "renkei.v1.ImportService"};
  return names;
}

absl::StatusOr<std::string> ReadPem(const std::string& path, const char* flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("cannot read ", flag, " ", path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

bool IsLoopback(const std::string& address) {
  const std::string host = address.substr(0, address.rfind(':'));
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]" ||
         absl::StartsWith(host, "127.");
}

// The credentials to listen with: TLS when given certificate files; else
// plaintext, which only a loopback address (or --insecure) may have.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ListenCredentials(
    const ServerOptions& options) {
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return absl::InvalidArgumentError("give both --tls_cert and --tls_key, or neither");
  }
  if (options.tls_cert.empty()) {
    if (!options.tls_client_ca.empty()) {
      return absl::InvalidArgumentError("--tls_client_ca needs --tls_cert and --tls_key");
    }
    if (!IsLoopback(options.listen_address) && !options.insecure) {
      return absl::FailedPreconditionError(absl::StrCat(
          "refusing to listen on ", options.listen_address,
          " without TLS: tokens and passwords would cross the network in clear. Give "
          "--tls_cert and --tls_key (docs/access.md), or --insecure behind a TLS proxy"));
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions ssl(options.tls_client_ca.empty()
                                            ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                                            : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  RENKEI_ASSIGN_OR_RETURN(pair.cert_chain, ReadPem(options.tls_cert, "--tls_cert"));
  RENKEI_ASSIGN_OR_RETURN(pair.private_key, ReadPem(options.tls_key, "--tls_key"));
  ssl.pem_key_cert_pairs.push_back(std::move(pair));
  if (!options.tls_client_ca.empty()) {
    RENKEI_ASSIGN_OR_RETURN(ssl.pem_root_certs, ReadPem(options.tls_client_ca, "--tls_client_ca"));
  }
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

std::string ServerOptions::DefaultThesaurusDir() {
  if (const char* dir = std::getenv("RENKEI_THESAURUS_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  std::string installed = InstalledDataDir("thesaurus");
  return installed.empty() ? RENKEI_DEFAULT_THESAURUS_DIR : installed;
}

std::string ServerOptions::DefaultWebDir() {
  if (const char* dir = std::getenv("RENKEI_WEB_DIR"); dir != nullptr && *dir != '\0') return dir;
  std::string installed = InstalledDataDir("web");
  return installed.empty() ? RENKEI_DEFAULT_WEB_DIR : installed;
}

std::string DefaultDataDir() {
  if (const char* dir = std::getenv("RENKEI_DATA_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    return absl::StrCat(xdg, "/renkei");
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return absl::StrCat(home, "/.local/share/renkei");
  }
  return "renkei-data";
}

RenkeiServer::RenkeiServer() = default;

RenkeiServer::~RenkeiServer() { Shutdown(absl::Seconds(1)); }

absl::StatusOr<std::unique_ptr<RenkeiServer>> RenkeiServer::Start(
    const ServerOptions& options) {
  if (options.data_dir.empty()) return absl::InvalidArgumentError("no data directory given");
  std::error_code error;
  std::filesystem::create_directories(options.data_dir, error);
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", options.data_dir, ": ", error.message()));
  }
  std::unique_ptr<RenkeiServer> server(new RenkeiServer());
  store::StoreOptions store_options;
  store_options.sync_writes = options.sync_writes;
  store_options.min_free_bytes = options.min_free_disk_bytes;
  absl::StatusOr<text::AnalyzerKind> analyzer = text::ParseAnalyzerKind(options.analyzer);
  if (!analyzer.ok()) return analyzer.status();
  store_options.analyzer = *analyzer;
  absl::StatusOr<std::unique_ptr<store::Store>> store =
      store::Store::Open(store_options, options.data_dir);
  if (!store.ok()) return store.status();
  server->store_ = std::move(*store);
  if (absl::Status writable = server->store_->Writable(); !writable.ok()) {
    LogInfo(absl::StrCat("read-only: ", writable.message()));
  }
  const bool no_thesaurus = options.thesaurus_dir.empty() || options.thesaurus_dir == "none";
  server->thesaurus_ =
      std::make_unique<match::ThesaurusSource>(no_thesaurus ? "" : options.thesaurus_dir);
  absl::Status loaded = server->ReloadThesaurus();
  if (!loaded.ok()) {
    LogInfo(absl::StrCat("thesaurus not loaded (matching works without it): ", loaded.message()));
  }
  absl::StatusOr<std::unique_ptr<resolve::Reader>> reader = resolve::Reader::Create();
  if (reader.ok()) {
    server->reader_ = std::move(*reader);
  } else {
    LogInfo(absl::StrCat("imports compare names without readings: ", reader.status().message()));
  }
  server->metrics_ = std::make_unique<metrics::Metrics>();
  service::StreamLimits stream_limits;
  stream_limits.max_streams = options.max_change_streams;
  stream_limits.stall_timeout = options.change_stream_stall_timeout;
  server->services_ = std::make_unique<Services>(server->store_.get(), server->thesaurus_.get(),
                                                 server->reader_.get(), options.public_catalogue,
                                                 stream_limits, options.match_cache_bytes,
                                                 server->metrics_.get());
  const std::vector<std::string> unruled = access::MethodsWithoutRule(ServiceNames());
  if (!unruled.empty()) {
    return absl::InternalError(absl::StrCat("methods without an access rule: ",
                                            absl::StrJoin(unruled, ", ")));
  }
  RENKEI_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                          ListenCredentials(options));
  RENKEI_ASSIGN_OR_RETURN(
      std::optional<access::Accounts::FirstAdministrator> first,
      server->services_->accounts.EnsureAdministrator(options.data_dir));
  if (first.has_value()) {
    server->admin_token_file_ = first->token_file;
    LogInfo(absl::StrCat("no users yet: created the administrator \"admin\"; its token is in ",
                         first->token_file, " and its password in ", first->password_file,
                         " (mode 0600). Keep them elsewhere and delete the files"));
  }

  grpc::EnableDefaultHealthCheckService(true);
  if (options.channelz) grpc::channelz::experimental::InitChannelzService();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // gRPC sets SO_REUSEPORT by default: a second server on the same port would
  // then share it silently instead of failing.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.AddListeningPort(options.listen_address, credentials, &server->port_);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> counted;
  counted.push_back(metrics::NewRpcInterceptorFactory(server->metrics_.get(), options.slow_call));
  builder.experimental().SetInterceptorCreators(std::move(counted));
  for (grpc::Service* service : server->services_->All()) builder.RegisterService(service);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    server->server_.reset();
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen_address,
        " (is another server using it? give another with --listen)"));
  }
  // With --demo, NOT_SERVING until the demo data is loaded.
  grpc::HealthCheckServiceInterface* health = server->server_->GetHealthCheckService();
  auto set_serving = [&](bool serving) {
    if (health == nullptr) return;
    health->SetServingStatus(serving);
    for (const std::string& name : ServiceNames()) health->SetServingStatus(name, serving);
  };
  set_serving(!options.load_demo);
  if (!options.web.address.empty()) {
    web::WebOptions web = options.web;
    if (web.web_dir.empty()) web.web_dir = ServerOptions::DefaultWebDir();
    web.allow_public = options.insecure;
    grpc::ChannelArguments channel;
    channel.SetMaxReceiveMessageSize(64 << 20);  // a page of 1,000 records, as the CLI takes
    // Its calls may say through which interface and from where their user came.
    std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> proxy;
    proxy.push_back(AddMetadata(server->services_->gate.ProxyMetadata()));
    absl::StatusOr<std::unique_ptr<web::WebServer>> started = web::WebServer::Start(
        web,
        server->server_->experimental().InProcessChannelWithInterceptors(channel,
                                                                         std::move(proxy)),
        ServiceNames());
    if (!started.ok()) return started.status();
    server->web_ = std::move(*started);
  }
  if (options.load_demo) {
    absl::StatusOr<std::vector<demo::DemoFile>> files =
        options.demo_dir.empty() ? demo::EmbeddedDemoFiles() : demo::ReadDemoDir(options.demo_dir);
    if (!files.ok()) return files.status();
    absl::StatusOr<demo::DemoSummary> loaded =
        demo::LoadDemoData(server->SystemChannel(), *files);
    if (!loaded.ok()) {
      return absl::Status(loaded.status().code(),
                          absl::StrCat("loading the demo data: ", loaded.status().message()));
    }
    LogInfo(absl::StrCat("demo data loaded: ", loaded->ToString()));
    set_serving(true);
  }
  return server;
}

absl::Status RenkeiServer::ReloadThesaurus() {
  absl::Status status = thesaurus_->Reload();
  if (status.ok() && !thesaurus_->directory().empty()) {
    auto current = thesaurus_->Get();
    LogInfo(absl::StrCat("thesaurus ", thesaurus_->directory(), ": ", current->group_count(),
                         " groups, ", current->term_count(), " terms"));
  }
  return status;
}

std::shared_ptr<grpc::Channel> RenkeiServer::InProcessChannel() {
  return server_->InProcessChannel(grpc::ChannelArguments());
}

std::shared_ptr<grpc::Channel> RenkeiServer::SystemChannel() {
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> adders;
  adders.push_back(AddMetadata(BearerMetadata(services_->authenticator.system_secret())));
  return server_->experimental().InProcessChannelWithInterceptors(grpc::ChannelArguments(),
                                                                  std::move(adders));
}

void RenkeiServer::Shutdown(absl::Duration grace) {
  if (stopped_) return;
  stopped_ = true;
  if (web_ != nullptr) {
    web_->Shutdown(grace);  // event streams end at once
    web_.reset();
  }
  if (server_ != nullptr) {
    services_->changes.Stop();
    server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoSeconds(grace));
    server_->Wait();
    server_.reset();
  }
  services_.reset();
  store_.reset();
  metrics_.reset();
}

absl::StatusOr<std::string> ReadAdminToken(const std::string& data_dir) {
  RENKEI_ASSIGN_OR_RETURN(std::string token,
                          ReadPem(absl::StrCat(data_dir, "/admin.token"), "the token file"));
  return std::string(absl::StripAsciiWhitespace(token));
}

int RunServer(const ServerOptions& options) {
  // Signals are taken by sigwait below, in this thread only: block them
  // before gRPC starts its threads, which inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  LogInfo(absl::StrCat("opening data directory ", options.data_dir,
                       options.sync_writes ? " (every write fsync'ed)" : ""));
  absl::StatusOr<std::unique_ptr<RenkeiServer>> server = RenkeiServer::Start(options);
  if (!server.ok()) {
    LogInfo(absl::StrCat("cannot start: ", server.status().message()));
    return 1;
  }
  const std::string address = options.listen_address.substr(0, options.listen_address.rfind(':'));
  LogInfo(absl::StrCat("revision ", (*server)->store().revision(), "; listening on ", address,
                       ":", (*server)->port(), " (gRPC",
                       options.tls_cert.empty() ? ", no TLS" : " over TLS",
                       options.channelz ? "; health, reflection and channelz enabled)"
                                        : "; health and reflection enabled)"));
  if (options.tls_cert.empty() && !IsLoopback(options.listen_address)) {
    LogInfo(absl::StrCat("WARNING: --insecure: ", options.listen_address,
                         " takes tokens and passwords in clear; put a TLS proxy in front"));
  }
  if (options.public_catalogue) {
    LogInfo("--public_catalogue: callers without a credential may read public seeds, "
            "researchers' public profiles and organizations");
  }
  if ((*server)->http_port() != 0) {
    const std::string& http = options.web.address;
    LogInfo(absl::StrCat("HTTP on http://", http.substr(0, http.rfind(':')), ":",
                         (*server)->http_port(), "/ (JSON API under /v1/, pages; docs/web.md)"));
  }
  int received = 0;
  while (sigwait(&signals, &received) == 0 && received == SIGHUP) {
    LogInfo("SIGHUP: reloading the thesaurus");
    absl::Status reloaded = (*server)->ReloadThesaurus();
    if (!reloaded.ok()) LogInfo(absl::StrCat("thesaurus kept: ", reloaded.message()));
  }
  LogInfo(absl::StrCat(received == SIGINT ? "SIGINT" : "SIGTERM", ": shutting down"));
  (*server)->Shutdown(absl::Seconds(5));
  LogInfo("stopped; data directory closed cleanly");
  return 0;
}

int RunRestore(const std::string& backup_dir, const std::string& data_dir, uint32_t backup_id) {
  absl::StatusOr<store::BackupInfo> restored =
      store::RestoreBackup(backup_dir, data_dir, backup_id);
  if (!restored.ok()) {
    LogInfo(absl::StrCat("cannot restore: ", restored.status().message()));
    return 1;
  }
  LogInfo(absl::StrCat("restored backup ", restored->id, " of ", backup_dir, " (revision ",
                       restored->revision, ", made ", absl::FormatTime(restored->create_time),
                       ") into ", data_dir, "; start renkei-server with --data_dir ", data_dir));
  return 0;
}

}  // namespace renkei
