// renkei-server: the shared database of a region's 産学官金 network.
//
//   renkei-server [--data_dir DIR] [--listen HOST:PORT] [--http HOST:PORT] [--sync_writes]
//                 [--min_free_disk_mb N] [--max_change_streams N] [--demo] [--tls_cert PEM --tls_key PEM [--tls_client_ca PEM]] [--insecure]
//                 [--public_catalogue] [--match_cache_mb N]
//   renkei-server --restore_from BACKUP_DIR [--backup_id N] --data_dir NEW_DIR
//
// Flags win over the environment (RENKEI_DATA_DIR, RENKEI_LISTEN, RENKEI_HTTP).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/synchronization/mutex.h"
#include "server/server.h"

ABSL_FLAG(std::string, data_dir, "",
          "Data directory (default: $RENKEI_DATA_DIR, else $XDG_DATA_HOME/renkei, else "
          "~/.local/share/renkei)");
ABSL_FLAG(std::string, listen, "",
          "Address to listen on (default: $RENKEI_LISTEN, else 127.0.0.1:50051)");
ABSL_FLAG(bool, sync_writes, false,
          "fsync every write: survives power loss, not only a crash of the process");
ABSL_FLAG(uint64_t, min_free_disk_mb, 256,
          "Refuse writes (RESOURCE_EXHAUSTED; reads go on) while the data directory's disk has "
          "less free space than this many MiB; 0 turns the check off");
ABSL_FLAG(int, max_change_streams, 128,
          "WatchChanges streams served at once, at most (16 per caller); more are refused with "
          "RESOURCE_EXHAUSTED");
ABSL_FLAG(uint64_t, match_cache_mb, 64,
          "Keep the answers of the Suggest… calls, up to this many MiB, while nothing they "
          "read has changed (any write of a record they read empties it); 0 keeps none");
ABSL_FLAG(std::string, analyzer, "words",
          "How search text becomes terms: words (MeCab) or bigram; changing it rebuilds the "
          "search index once");
ABSL_FLAG(bool, demo, false, "Load the demo data (idempotent) after starting");
ABSL_FLAG(std::string, thesaurus_dir, "",
          "Thesaurus directory (default: $RENKEI_THESAURUS_DIR, else "
          "PREFIX/share/renkei/thesaurus beside the installed binary, else the source tree's "
          "data/thesaurus); \"none\" for no thesaurus. SIGHUP reloads it");
// The default says where the value comes from when the flag is not given (an
// empty value is a real one: HTTP off).
constexpr char kHttpNotGiven[] = "$RENKEI_HTTP, else 127.0.0.1:8080";
ABSL_FLAG(std::string, http, kHttpNotGiven,
          "HTTP address for the JSON API and the pages; empty turns HTTP off. Loopback only "
          "(put nginx with TLS in front, docs/web.md)");
ABSL_FLAG(std::string, web_dir, "",
          "Directory of the pages (default: $RENKEI_WEB_DIR, else PREFIX/share/renkei/web beside "
          "the installed binary, else the source tree's web/)");
ABSL_FLAG(std::string, demo_dir, "",
          "Load the demo data from this directory instead of the copy built in");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain for TLS on the gRPC port (default: $RENKEI_TLS_CERT)");
ABSL_FLAG(std::string, tls_key, "", "PEM private key for TLS (default: $RENKEI_TLS_KEY)");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CAs whose client certificates are required (default: $RENKEI_TLS_CLIENT_CA)");
ABSL_FLAG(bool, insecure, false,
          "Listen on a non-loopback address without TLS (behind a TLS proxy only)");
ABSL_FLAG(bool, channelz, false,
          "Serve gRPC's channelz (connections, calls, sockets) on the gRPC port; it needs no "
          "credential and names clients' addresses: for a trusted network only");
ABSL_FLAG(std::string, restore_from, "",
          "Restore the newest backup (or --backup_id) of this backup directory into --data_dir, "
          "which must be new or empty, then exit (docs/operations.md)");
ABSL_FLAG(uint32_t, backup_id, 0, "With --restore_from: the backup to restore (0: the newest)");
ABSL_FLAG(bool, public_catalogue, false,
          "Callers without a credential may read the public seed catalogue (public seeds, "
          "researchers' public profiles, organizations)");

namespace {

// The flag's value, else the environment variable's, else empty.
std::string FlagOrEnv(const absl::Flag<std::string>& flag, const char* variable) {
  std::string value = absl::GetFlag(flag);
  if (value.empty()) {
    const char* env = std::getenv(variable);
    if (env != nullptr) value = env;
  }
  return value;
}

// --help and --helpshort list the flags defined in this file (Abseil's
// default looks for a file named after the program, renkei-server.cc).
void ShowOurFlagsInHelp() {
  absl::FlagsUsageConfig config;
  auto ours = [](absl::string_view file) { return absl::EndsWith(file, "server/main.cc"); };
  config.contains_help_flags = ours;
  config.contains_helpshort_flags = ours;
  config.version_string = [] { return std::string("renkei-server " RENKEI_VERSION "\n"); };
  absl::SetFlagsUsageConfig(config);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "renkei-server: the database and matching service of a region's 産学官金 network.\n"
      "Usage: renkei-server [--data_dir DIR] [--listen HOST:PORT] [--http HOST:PORT]\n"
      "                     [--sync_writes] [--demo]\n"
      "                     [--tls_cert PEM --tls_key PEM [--tls_client_ca PEM]] [--insecure]\n"
      "                     [--public_catalogue]\n"
      "       renkei-server --restore_from BACKUP_DIR [--backup_id N] --data_dir NEW_DIR");
  ShowOurFlagsInHelp();
  absl::ParseCommandLine(argc, argv);
  // Abseil's lock-order checking costs on every lock; the tests keep it on.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  renkei::ServerOptions options;
  options.data_dir = absl::GetFlag(FLAGS_data_dir);
  if (!absl::GetFlag(FLAGS_restore_from).empty()) {
    if (options.data_dir.empty()) {
      std::fprintf(stderr, "renkei-server: --restore_from needs --data_dir NEW_DIR\n");
      return 2;
    }
    return renkei::RunRestore(absl::GetFlag(FLAGS_restore_from), options.data_dir,
                              absl::GetFlag(FLAGS_backup_id));
  }
  if (options.data_dir.empty()) options.data_dir = renkei::DefaultDataDir();
  options.listen_address = absl::GetFlag(FLAGS_listen);
  if (options.listen_address.empty()) {
    const char* env = std::getenv("RENKEI_LISTEN");
    options.listen_address = env != nullptr && *env != '\0' ? env : "127.0.0.1:50051";
  }
  options.web.address = absl::GetFlag(FLAGS_http);
  if (options.web.address == kHttpNotGiven) {
    const char* env = std::getenv("RENKEI_HTTP");  // set but empty: HTTP off
    options.web.address = env != nullptr ? env : "127.0.0.1:8080";
  }
  options.web.web_dir = absl::GetFlag(FLAGS_web_dir);
  options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  options.analyzer = absl::GetFlag(FLAGS_analyzer);
  options.max_change_streams = absl::GetFlag(FLAGS_max_change_streams);
  options.min_free_disk_bytes = absl::GetFlag(FLAGS_min_free_disk_mb) << 20;
  options.match_cache_bytes = absl::GetFlag(FLAGS_match_cache_mb) << 20;
  options.demo_dir = absl::GetFlag(FLAGS_demo_dir);
  if (!absl::GetFlag(FLAGS_thesaurus_dir).empty()) {
    options.thesaurus_dir = absl::GetFlag(FLAGS_thesaurus_dir);
  }
  options.load_demo = absl::GetFlag(FLAGS_demo) || !options.demo_dir.empty();
  options.tls_cert = FlagOrEnv(FLAGS_tls_cert, "RENKEI_TLS_CERT");
  options.tls_key = FlagOrEnv(FLAGS_tls_key, "RENKEI_TLS_KEY");
  options.tls_client_ca = FlagOrEnv(FLAGS_tls_client_ca, "RENKEI_TLS_CLIENT_CA");
  options.insecure = absl::GetFlag(FLAGS_insecure);
  options.channelz = absl::GetFlag(FLAGS_channelz);
  options.public_catalogue = absl::GetFlag(FLAGS_public_catalogue);
  return renkei::RunServer(options);
}
