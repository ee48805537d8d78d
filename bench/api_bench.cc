// api_bench: renkei-server's API through gRPC on loopback, beside the gRPC
// floor measured in the same run.
//
// Workloads (each run --reps times, --seconds each, by --threads clients
// sharing one TCP channel to a server in this process on 127.0.0.1; every
// call carries the administrator's bearer token but get-anon's):
//   ping      SystemService.Ping: an empty unary call, the floor.
//   get-anon  GetOrganization without a credential (the server opens the
//             public catalogue): the cost of a call without access checks.
//   get       GetOrganization of a random existing record, with a token.
//   list      ListOrganizations with a district filter, 50 per page.
//   create    CreateOrganization of a realistic company record.
//   json_ping  GET /v1/system:ping over HTTP/1.1: the JSON API's floor.
//   json_get   GET /v1/organizations/{id} over HTTP/1.1 with the same token:
//              GetOrganization as JSON through the same server
//              (docs/web.md); each client thread keeps one connection.
// Before the timed runs, --records companies are created (spread over the
// eight districts of 一関市).
//
// Prints, per workload: median ops/s over the reps (min and max beside it),
// p50 and p99 latency over every call, and ops/s as a share of ping's.
//
//   bench/api_bench [--threads 4] [--seconds 2] [--reps 5] [--records 20000]
//                   [--sync_writes] [--smoke]
#include <grpcpp/create_channel.h>
#include <grpcpp/grpcpp.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "renkei/v1/system.grpc.pb.h"
#include "bench/synthetic.h"
#include "server/server.h"
#include "server/util/call_metadata.h"

ABSL_FLAG(int, threads, 4, "client threads");
ABSL_FLAG(double, seconds, 2.0, "seconds per timed run");
ABSL_FLAG(int, reps, 5, "timed runs per workload");
ABSL_FLAG(int, records, 20000, "companies created before the timed runs");
ABSL_FLAG(bool, sync_writes, false, "fsync every write");
ABSL_FLAG(bool, smoke, false, "tiny sizes: check that the benchmark works");

namespace {

using Clock = std::chrono::steady_clock;
using renkei::bench::kDistricts;


struct Result {
  std::vector<double> ops_per_second;  // one per rep
  std::vector<double> latencies_us;    // every call
  int64_t errors = 0;
};

// Runs `call` from `threads` threads for `seconds`, `reps` times.
Result Measure(int threads, double seconds, int reps,
               const std::function<bool(int thread, std::mt19937&)>& call) {
  Result result;
  for (int rep = 0; rep < reps; ++rep) {
    std::atomic<int64_t> done{0}, errors{0};
    std::vector<std::vector<double>> latencies(threads);
    const auto stop_at = Clock::now() + std::chrono::duration<double>(seconds);
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        std::mt19937 random(rep * 1000 + t);
        while (Clock::now() < stop_at) {
          const auto before = Clock::now();
          if (!call(t, random)) ++errors;
          latencies[t].push_back(
              std::chrono::duration<double, std::micro>(Clock::now() - before).count());
          ++done;
        }
      });
    }
    for (auto& w : workers) w.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    result.ops_per_second.push_back(done / elapsed);
    result.errors += errors;
    for (auto& l : latencies) result.latencies_us.insert(result.latencies_us.end(), l.begin(), l.end());
  }
  return result;
}

// One keep-alive HTTP/1.1 connection, used by one thread at a time.
class JsonClient {
 public:
  JsonClient(int port, std::string authorization)
      : authorization_(std::move(authorization)), socket_(io_) {
    boost::system::error_code ec;
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), static_cast<uint16_t>(port)}, ec);
  }
  // GETs `target`; true for a 200 whose body has `expect`.
  bool Get(const std::string& target, const std::string& expect) {
    namespace http = boost::beast::http;
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::authorization, authorization_);
    boost::system::error_code ec;
    http::write(socket_, request, ec);
    if (ec) return false;
    http::response<http::string_body> response;
    http::read(socket_, buffer_, response, ec);
    return !ec && response.result_int() == 200 &&
           response.body().find(expect) != std::string::npos;
  }

 private:
  const std::string authorization_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(p * values.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);  // as renkei-server
  const bool smoke = absl::GetFlag(FLAGS_smoke);
  const int threads = smoke ? 2 : absl::GetFlag(FLAGS_threads);
  const double seconds = smoke ? 0.2 : absl::GetFlag(FLAGS_seconds);
  const int reps = smoke ? 1 : absl::GetFlag(FLAGS_reps);
  const int records = smoke ? 200 : absl::GetFlag(FLAGS_records);

  const std::string dir =
      (std::filesystem::temp_directory_path() / absl::StrCat("renkei-api-bench-", getpid())).string();
  renkei::ServerOptions options;
  options.data_dir = dir;
  options.listen_address = "127.0.0.1:0";
  options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  options.public_catalogue = true;  // for get-anon
  options.web.address = "127.0.0.1:0";
  auto server = renkei::RenkeiServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "api_bench: %s\n", std::string(server.status().message()).c_str());
    return 1;
  }
  absl::StatusOr<std::string> token = renkei::ReadAdminToken(dir);
  if (!token.ok()) {
    std::fprintf(stderr, "api_bench: %s\n", std::string(token.status().message()).c_str());
    return 1;
  }
  const std::string address = absl::StrCat("127.0.0.1:", (*server)->port());
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> bearer;
  bearer.push_back(renkei::AddMetadata(renkei::BearerMetadata(*token)));
  auto channel = grpc::experimental::CreateCustomChannelWithInterceptors(
      address, grpc::InsecureChannelCredentials(), grpc::ChannelArguments(), std::move(bearer));
  auto organizations = renkei::v1::OrganizationService::NewStub(channel);
  auto anonymous = renkei::v1::OrganizationService::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  auto system = renkei::v1::SystemService::NewStub(channel);

  // Load.
  const auto load_start = Clock::now();
  std::atomic<int> next{0};
  std::vector<std::thread> loaders;
  for (int t = 0; t < threads; ++t) {
    loaders.emplace_back([&] {
      for (int i = next++; i < records; i = next++) {
        renkei::v1::CreateOrganizationRequest request;
        *request.mutable_organization() = renkei::bench::SyntheticCompany(i);
        renkei::v1::Organization created;
        grpc::ClientContext context;
        organizations->CreateOrganization(&context, request, &created);
      }
    });
  }
  for (auto& t : loaders) t.join();
  const double load_seconds = std::chrono::duration<double>(Clock::now() - load_start).count();
  std::atomic<int> created_count{records};

  std::printf("api_bench: %d threads, %d x %.1f s per workload, %d companies loaded in %.1f s%s\n",
              threads, reps, seconds, records, load_seconds,
              options.sync_writes ? ", sync_writes" : "");
  std::printf("%-10s %12s %12s %12s %10s %10s %8s\n", "workload", "ops/s med", "ops/s min",
              "ops/s max", "p50 us", "p99 us", "vs ping");

  double ping_ops = 0;
  std::map<std::string, double> medians;
  auto report = [&](const char* name, const Result& r) {
    std::vector<double> ops = r.ops_per_second;
    std::sort(ops.begin(), ops.end());
    const double median = ops[ops.size() / 2];
    medians[name] = median;
    if (std::string(name) == "ping") ping_ops = median;
    std::printf("%-10s %12.0f %12.0f %12.0f %10.0f %10.0f %7.0f%%%s\n", name, median, ops.front(),
                ops.back(), Percentile(r.latencies_us, 0.50), Percentile(r.latencies_us, 0.99),
                ping_ops > 0 ? 100.0 * median / ping_ops : 0.0,
                r.errors > 0 ? absl::StrCat("  (", r.errors, " errors)").c_str() : "");
    return r.errors == 0;
  };

  bool ok = true;
  ok &= report("ping", Measure(threads, seconds, reps, [&](int, std::mt19937&) {
    grpc::ClientContext context;
    renkei::v1::PingResponse response;
    return system->Ping(&context, renkei::v1::PingRequest(), &response).ok();
  }));
  ok &= report("get-anon", Measure(threads, seconds, reps, [&](int, std::mt19937& random) {
    renkei::v1::GetOrganizationRequest request;
    request.set_name(absl::StrCat("organizations/", 1 + random() % records));
    renkei::v1::Organization response;
    grpc::ClientContext context;
    return anonymous->GetOrganization(&context, request, &response).ok();
  }));
  ok &= report("get", Measure(threads, seconds, reps, [&](int, std::mt19937& random) {
    renkei::v1::GetOrganizationRequest request;
    request.set_name(absl::StrCat("organizations/", 1 + random() % records));
    renkei::v1::Organization response;
    grpc::ClientContext context;
    return organizations->GetOrganization(&context, request, &response).ok();
  }));
  std::vector<std::unique_ptr<JsonClient>> json;
  for (int t = 0; t < threads; ++t) {
    json.push_back(std::make_unique<JsonClient>((*server)->http_port(), "Bearer " + *token));
  }
  ok &= report("json_ping", Measure(threads, seconds, reps, [&](int t, std::mt19937&) {
    return json[t]->Get("/v1/system:ping", "{}");
  }));
  ok &= report("json_get", Measure(threads, seconds, reps, [&](int t, std::mt19937& random) {
    const std::string name = absl::StrCat("organizations/", 1 + random() % records);
    return json[t]->Get(absl::StrCat("/v1/", name), name);
  }));
  ok &= report("list", Measure(threads, seconds, reps, [&](int, std::mt19937& random) {
    renkei::v1::ListOrganizationsRequest request;
    request.set_district(kDistricts[random() % 8]);
    request.set_page_size(50);
    renkei::v1::ListOrganizationsResponse response;
    grpc::ClientContext context;
    return organizations->ListOrganizations(&context, request, &response).ok() &&
           response.organizations_size() == std::min(50, records / 8);
  }));
  ok &= report("create", Measure(threads, seconds, reps, [&](int, std::mt19937&) {
    renkei::v1::CreateOrganizationRequest request;
    *request.mutable_organization() = renkei::bench::SyntheticCompany(created_count++);
    renkei::v1::Organization response;
    grpc::ClientContext context;
    return organizations->CreateOrganization(&context, request, &response).ok();
  }));

  std::printf("get with a bearer token: %.0f%% of get without one (median ops/s)\n",
              100.0 * medians["get"] / std::max(medians["get-anon"], 1.0));
  std::printf("json_get: %.0f%% of get (median ops/s, both with the token)\n",
              100.0 * medians["json_get"] / std::max(medians["get"], 1.0));
  json.clear();
  (*server)->Shutdown();
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return ok ? 0 : 1;
}
