#include "server/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/demo/demo_loader.h"
#include "server/service/change_service.h"
#include "server/service/collaboration_service.h"
#include "server/match/thesaurus_source.h"
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
#include "server/store/store.h"
#include "server/text/analyzer.h"
#include "server/util/log.h"

namespace renkei {
namespace {

// The services registered, by full name (health checking, the JSON API).
constexpr const char* kServiceNames[] = {
    "renkei.v1.OrganizationService", "renkei.v1.PersonService",  "renkei.v1.SeedService",
    "renkei.v1.NeedService",         "renkei.v1.CollaborationService",
    "renkei.v1.NetworkService",      "renkei.v1.ChangeService",  "renkei.v1.IndicatorService",
    "renkei.v1.SystemService",       "renkei.v1.SearchService",  "renkei.v1.MatchService",
    "renkei.v1.ImportService"};

}  // namespace

struct RenkeiServer::Services {
  Services(store::Store* store, match::ThesaurusSource* thesaurus,
           const resolve::Reader* reader)
      : organizations(store),
        people(store),
        seeds(store),
        needs(store),
        collaborations(store),
        networks(store),
        changes(store),
        indicators(store),
        system(store),
        search(store, thesaurus),
        match(store, thesaurus),
        imports(store, reader) {}

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

std::string ServerOptions::DefaultThesaurusDir() {
  if (const char* dir = std::getenv("RENKEI_THESAURUS_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return RENKEI_DEFAULT_THESAURUS_DIR;
}

std::string ServerOptions::DefaultWebDir() {
  if (const char* dir = std::getenv("RENKEI_WEB_DIR"); dir != nullptr && *dir != '\0') return dir;
  return RENKEI_DEFAULT_WEB_DIR;
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
  absl::StatusOr<text::AnalyzerKind> analyzer = text::ParseAnalyzerKind(options.analyzer);
  if (!analyzer.ok()) return analyzer.status();
  store_options.analyzer = *analyzer;
  absl::StatusOr<std::unique_ptr<store::Store>> store =
      store::Store::Open(store_options, options.data_dir);
  if (!store.ok()) return store.status();
  server->store_ = std::move(*store);
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
  server->services_ = std::make_unique<Services>(server->store_.get(), server->thesaurus_.get(),
                                                 server->reader_.get());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // gRPC sets SO_REUSEPORT by default: a second server on the same port would
  // then share it silently instead of failing.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.AddListeningPort(options.listen_address, grpc::InsecureServerCredentials(),
                           &server->port_);
  Services& s = *server->services_;
  for (grpc::Service* service :
       std::initializer_list<grpc::Service*>{&s.organizations, &s.people, &s.seeds, &s.needs,
                                             &s.collaborations, &s.networks, &s.changes,
                                             &s.indicators, &s.system, &s.search, &s.match,
                                             &s.imports}) {
    builder.RegisterService(service);
  }
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    server->server_.reset();
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen_address,
        " (is another server using it? give another with --listen)"));
  }
  grpc::HealthCheckServiceInterface* health = server->server_->GetHealthCheckService();
  if (health != nullptr) {
    health->SetServingStatus(true);
    for (const char* name : kServiceNames) health->SetServingStatus(name, true);
  }
  if (!options.web.address.empty()) {
    web::WebOptions web = options.web;
    if (web.web_dir.empty()) web.web_dir = ServerOptions::DefaultWebDir();
    grpc::ChannelArguments channel;
    channel.SetMaxReceiveMessageSize(64 << 20);  // a page of 1,000 records, as the CLI takes
    absl::StatusOr<std::unique_ptr<web::WebServer>> started = web::WebServer::Start(
        web, server->server_->InProcessChannel(channel),
        std::vector<std::string>(std::begin(kServiceNames), std::end(kServiceNames)));
    if (!started.ok()) return started.status();
    server->web_ = std::move(*started);
  }
  if (options.load_demo) {
    absl::StatusOr<std::vector<demo::DemoFile>> files =
        options.demo_dir.empty() ? demo::EmbeddedDemoFiles() : demo::ReadDemoDir(options.demo_dir);
    if (!files.ok()) return files.status();
    absl::StatusOr<demo::DemoSummary> loaded =
        demo::LoadDemoData(server->InProcessChannel(), *files);
    if (!loaded.ok()) {
      return absl::Status(loaded.status().code(),
                          absl::StrCat("loading the demo data: ", loaded.status().message()));
    }
    LogInfo(absl::StrCat("demo data loaded: ", loaded->ToString()));
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
                       ":", (*server)->port(), " (gRPC, health and reflection enabled)"));
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

}  // namespace renkei
