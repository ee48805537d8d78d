// match_bench: search and matching latency through gRPC on loopback, and the
// size of the search index, as the data grows.
//
// For each size N in --sizes (default 10000,100000): a fresh server (word
// analyzer, the project thesaurus) holding N generated seeds, N generated
// companies and 200 needs (bench/synthetic.cc), loaded through the store's
// write path in batches. Then, from one client thread (latency, not load):
//   suggest_need  MatchService.SuggestForNeed of a random need
//   suggest_text  MatchService.SuggestForText of a problem in plain words
//   search        SearchService.SearchSeeds of two or three words
// Prints p50 / p99 / mean over --calls calls each (after 20 warm-up calls),
// the load rate, and bytes on disk per column family (the text family is the
// search index).
//
//   bench/match_bench [--sizes 10000,100000,1000000] [--calls 300] [--analyzer words|bigram]
//                     [--smoke]
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "bench/synthetic.h"
#include "renkei/v1/match.grpc.pb.h"
#include "renkei/v1/need.pb.h"
#include "server/records/validate.h"
#include "server/server.h"
#include "server/util/call_metadata.h"
#include "server/store/store.h"

ABSL_FLAG(std::string, sizes, "10000,100000", "numbers of seeds (and of companies)");
ABSL_FLAG(int, calls, 300, "timed calls per workload");
ABSL_FLAG(std::string, analyzer, "words", "words or bigram");
ABSL_FLAG(bool, smoke, false, "tiny sizes: check that the benchmark works");

namespace {

using Clock = std::chrono::steady_clock;

struct Latency {
  std::vector<double> ms;
  int errors = 0;
};

Latency Time(int calls, const std::function<bool(int)>& call) {
  for (int i = 0; i < 20; ++i) call(100000 + i);
  Latency latency;
  for (int i = 0; i < calls; ++i) {
    const auto start = Clock::now();
    if (!call(i)) ++latency.errors;
    latency.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return latency;
}

void Print(const char* name, Latency l) {
  std::sort(l.ms.begin(), l.ms.end());
  double sum = 0;
  for (double v : l.ms) sum += v;
  std::printf("  %-13s p50 %7.2f ms   p99 %7.2f ms   mean %7.2f ms%s\n", name,
              l.ms[l.ms.size() / 2], l.ms[std::min(l.ms.size() - 1, l.ms.size() * 99 / 100)],
              sum / static_cast<double>(l.ms.size()),
              l.errors > 0 ? absl::StrCat("   (", l.errors, " errors)").c_str() : "");
}

// Creates `count` records made by `make`, in batches, through the store.
template <typename Make>
bool Load(renkei::store::Store& store, int count, Make make) {
  constexpr int kBatch = 500;
  for (int start = 0; start < count; start += kBatch) {
    std::vector<std::unique_ptr<google::protobuf::Message>> owned;
    std::vector<google::protobuf::Message*> batch;
    for (int i = start; i < std::min(count, start + kBatch); ++i) {
      owned.push_back(make(i));
      renkei::records::PrepareForCreate(owned.back().get());
      batch.push_back(owned.back().get());
    }
    absl::Status status = store.CreateMany(batch, {}, renkei::store::Actor::System());
    if (!status.ok()) {
      std::fprintf(stderr, "match_bench: %s\n", std::string(status.message()).c_str());
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);  // as renkei-server
  const bool smoke = absl::GetFlag(FLAGS_smoke);
  std::vector<int> sizes;
  for (absl::string_view size : absl::StrSplit(smoke ? "300" : absl::GetFlag(FLAGS_sizes), ',')) {
    int n;
    if (absl::SimpleAtoi(size, &n) && n > 0) sizes.push_back(n);
  }
  const int calls = smoke ? 20 : absl::GetFlag(FLAGS_calls);
  bool ok = true;
  std::printf("match_bench: analyzer %s, %d calls per workload\n",
              absl::GetFlag(FLAGS_analyzer).c_str(), calls);
  for (int n : sizes) {
    const std::string dir = (std::filesystem::temp_directory_path() /
                             absl::StrCat("renkei-match-bench-", getpid(), "-", n)).string();
    renkei::ServerOptions options;
    options.data_dir = dir;
    options.listen_address = "127.0.0.1:0";
    options.analyzer = absl::GetFlag(FLAGS_analyzer);
    auto server = renkei::RenkeiServer::Start(options);
    if (!server.ok()) {
      std::fprintf(stderr, "match_bench: %s\n", std::string(server.status().message()).c_str());
      return 1;
    }
    renkei::store::Store& store = (*server)->store();
    const auto load_start = Clock::now();
    std::vector<std::string> institutions;
    ok &= Load(store, 2, [&](int i) {
      auto o = std::make_unique<renkei::v1::Organization>();
      o->set_kind(i == 0 ? renkei::v1::ORGANIZATION_KIND_ACADEMIC
                         : renkei::v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
      o->set_display_name(i == 0 ? "一関工業高等専門学校" : "岩手県南技術研究センター");
      return o;
    });
    ok &= Load(store, n, [&](int i) {
      auto s = std::make_unique<renkei::v1::Seed>(renkei::bench::SyntheticSeed(i));
      s->set_institution(i % 2 == 0 ? "organizations/1" : "organizations/2");
      return s;
    });
    ok &= Load(store, n, [&](int i) {
      return std::make_unique<renkei::v1::Organization>(
          renkei::bench::SyntheticCompanyWithProfile(i));
    });
    ok &= Load(store, 200, [&](int i) {
      auto need = std::make_unique<renkei::v1::Need>();
      need->set_company(absl::StrCat("organizations/", 3 + i));
      need->set_title(renkei::bench::SyntheticQuery(i));
      need->set_body(renkei::bench::SyntheticProblem(i));
      return need;
    });
    const double load_seconds = std::chrono::duration<double>(Clock::now() - load_start).count();
    std::printf("%d seeds + %d companies + 200 needs loaded in %.1f s (%.0f records/s)\n", n, n,
                load_seconds, (2.0 * n + 202) / load_seconds);

    absl::StatusOr<std::string> token = renkei::ReadAdminToken(options.data_dir);
    if (!token.ok()) return 1;
    std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> bearer;
    bearer.push_back(renkei::AddMetadata(renkei::BearerMetadata(*token)));
    auto channel = grpc::experimental::CreateCustomChannelWithInterceptors(
        absl::StrCat("127.0.0.1:", (*server)->port()), grpc::InsecureChannelCredentials(),
        grpc::ChannelArguments(), std::move(bearer));
    auto match = renkei::v1::MatchService::NewStub(channel);
    auto search = renkei::v1::SearchService::NewStub(channel);
    std::mt19937 random(n);
    Print("suggest_need", Time(calls, [&](int) {
      renkei::v1::SuggestForNeedRequest request;
      request.set_need(absl::StrCat("needs/", 1 + random() % 200));
      renkei::v1::SeedSuggestions response;
      grpc::ClientContext context;
      return match->SuggestForNeed(&context, request, &response).ok() &&
             response.suggestions_size() > 0;
    }));
    Print("suggest_text", Time(calls, [&](int i) {
      renkei::v1::SuggestForTextRequest request;
      request.set_text(renkei::bench::SyntheticProblem(500000 + i));
      renkei::v1::SeedSuggestions response;
      grpc::ClientContext context;
      return match->SuggestForText(&context, request, &response).ok();
    }));
    Print("search", Time(calls, [&](int i) {
      renkei::v1::SearchSeedsRequest request;
      request.set_query(renkei::bench::SyntheticQuery(900000 + i));
      renkei::v1::SearchSeedsResponse response;
      grpc::ClientContext context;
      return search->SearchSeeds(&context, request, &response).ok();
    }));
    auto sizes_on_disk = store.DiskSizes();
    if (sizes_on_disk.ok()) {
      uint64_t total = 0;
      std::string line;
      for (const auto& [family, bytes] : *sizes_on_disk) {
        total += bytes;
        if (bytes > 0) absl::StrAppend(&line, " ", family, " ", bytes / (1 << 20), " MiB;");
      }
      std::printf("  on disk:%s total %llu MiB\n", line.c_str(),
                  static_cast<unsigned long long>(total / (1 << 20)));
    }
    (*server)->Shutdown();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  return ok ? 0 : 1;
}
