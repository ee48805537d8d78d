// page_bench: the server time of each web page (web/js/pages/*.js): the JSON
// calls a page makes when it opens, replayed in the page's order over one
// keep-alive HTTP/1.1 connection with the administrator's bearer token,
// against a server in this process.
//
// Data sets, one after the other in the same server:
//   demo     the demo data (61 organizations, 41 seeds, 22 needs …)
//   large    the same plus --organizations synthetic companies (100,000)
//
// Pages (what one visit replays; names of records are fetched once per visit,
// as records.js does):
//   home           WhoAmI
//   consult        WhoAmI; the institutions (2 lists); SuggestForText (10)
//                  with a company; ListFeedback for each suggestion
//   search_seeds   WhoAmI; institutions; SearchSeeds (20); each result's
//                  institution and researchers
//   search_orgs    WhoAmI; networks; SearchOrganizations (20) and
//                  ListOrganizations name_contains (20)
//   list_district  WhoAmI; networks; ListOrganizations district (50)
//   organization   WhoAmI; GetOrganization; its memberships and each
//                  network; its needs, each with SuggestForNeed (3) and
//                  ListFeedback; its collaborations and their participants;
//                  SuggestPartners (5); its people
//   seed           WhoAmI; GetSeed; institution; researchers;
//                  SuggestForSeed (10); ListCollaborations seed
//   needs          WhoAmI; ListNeeds open (50); each need's company and
//                  SuggestForNeed (1)
//   need           WhoAmI; GetNeed; company; SuggestForNeed (10);
//                  ListFeedback need; ListCollaborations need
//   collaborations WhoAmI; institutions; ListCollaborations 年度 (all);
//                  participants
//   network        WhoAmI; GetNetwork; secretariat; ListMemberships (all);
//                  the first 100 members
//   indicators     WhoAmI; GetIndicators for each 年度 2020..2026
// A visit's time is the sum of its calls' times (the browser makes some at
// once, so this is an upper bound of what the user waits for the server).
// Prints per page and data set: calls per visit, p50 and p99 over --visits
// visits of someone coming back to the page (the server keeps the answers of
// the Suggest… calls while nothing they read changes), then p50 and p99 over
// --visits visits each right after a write (a network's description changed,
// untimed), when every kept answer is computed again; the targets are
// p99 <= 50 ms (demo) and <= 150 ms (large).
//
//   bench/page_bench [--visits 200] [--organizations 100000] [--smoke]
#include <grpcpp/grpcpp.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "bench/synthetic.h"
#include "google/protobuf/util/json_util.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.grpc.pb.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "server/server.h"

ABSL_FLAG(int, visits, 200, "visits of each page per data set");
ABSL_FLAG(int, organizations, 100000, "synthetic companies added for the large data set");
ABSL_FLAG(bool, smoke, false, "tiny sizes: check that the benchmark works");

namespace {

using Clock = std::chrono::steady_clock;

// One keep-alive HTTP/1.1 connection.
class JsonClient {
 public:
  JsonClient(int port, std::string authorization)
      : authorization_(std::move(authorization)), port_(port), socket_(io_) {
    Connect();
  }

  // The body of a 200 answer; counts anything else as an error. A connection
  // the server closed while idle (its keep-alive time-out, say while the large
  // data set loads) is opened again once, as a browser does.
  std::string Call(boost::beast::http::verb verb, const std::string& target,
                   const std::string& body = "") {
    boost::beast::http::response<boost::beast::http::string_body> response;
    boost::system::error_code ec = Exchange(verb, target, body, &response);
    if (ec) {
      Connect();
      response = {};
      ec = Exchange(verb, target, body, &response);
    }
    ++calls_;
    if (ec || response.result_int() != 200) {
      if (errors_++ < 5) {
        std::fprintf(stderr, "page_bench: %s %s: %s %s\n", std::string(boost::beast::http::to_string(verb)).c_str(),
                     target.c_str(), ec ? ec.message().c_str() : "",
                     std::string(response.body().substr(0, 200)).c_str());
      }
      return "{}";
    }
    return std::move(response.body());
  }
  std::string Get(const std::string& target) { return Call(boost::beast::http::verb::get, target); }
  std::string Post(const std::string& target, const std::string& body) {
    return Call(boost::beast::http::verb::post, target, body);
  }

  int64_t calls() const { return calls_; }
  int64_t errors() const { return errors_; }

 private:
  void Connect() {
    boost::system::error_code ec;
    socket_.close(ec);
    buffer_.clear();
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), static_cast<uint16_t>(port_)}, ec);
  }

  boost::system::error_code Exchange(boost::beast::http::verb verb, const std::string& target,
                                     const std::string& body,
                                     boost::beast::http::response<boost::beast::http::string_body>* response) {
    namespace http = boost::beast::http;
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::authorization, authorization_);
    if (verb != http::verb::get) {
      request.set(http::field::content_type, "application/json");
      request.body() = body;
      request.prepare_payload();
    }
    boost::system::error_code ec;
    http::write(socket_, request, ec);
    if (!ec) http::read(socket_, buffer_, *response, ec);
    return ec;
  }

  const std::string authorization_;
  const int port_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
  int64_t calls_ = 0;
  int64_t errors_ = 0;
};

template <typename Message>
Message Parse(const std::string& json) {
  Message message;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  (void)google::protobuf::util::JsonStringToMessage(json, &message, options);
  return message;
}

std::string Escape(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      absl::StrAppend(&out, "%", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

// One visit: the calls of one page, with the names it shows fetched once.
class Visit {
 public:
  explicit Visit(JsonClient& client) : client_(client) {}
  JsonClient& client() { return client_; }
  // GET /v1/{name} unless already fetched in this visit.
  void Name(const std::string& name) {
    if (!name.empty() && seen_.insert(name).second) client_.Get("/v1/" + name);
  }
  void Institutions() {
    client_.Get("/v1/organizations?kind=ORGANIZATION_KIND_ACADEMIC&pageSize=1000");
    client_.Get("/v1/organizations?kind=ORGANIZATION_KIND_PUBLIC_RESEARCH&pageSize=1000");
  }

 private:
  JsonClient& client_;
  std::set<std::string> seen_;
};

// What the pages pick from: records of the demo data.
struct Ids {
  std::vector<std::string> companies, seeds, needs, networks;
  int synthetic = 0;  // organizations beyond the demo's
};

using Page = std::function<void(Visit&, std::mt19937&, const Ids&)>;

template <typename T>
const T& Pick(const std::vector<T>& list, std::mt19937& random) {
  return list[random() % list.size()];
}

std::map<std::string, Page> Pages() {
  std::map<std::string, Page> pages;
  pages["home"] = [](Visit&, std::mt19937&, const Ids&) {};
  pages["consult"] = [](Visit& v, std::mt19937& random, const Ids& ids) {
    v.Institutions();
    const std::string company = Pick(ids.companies, random);
    const std::string text = renkei::bench::SyntheticProblem(static_cast<int>(random() % 1000));
    auto answer = Parse<renkei::v1::SeedSuggestions>(v.client().Post(
        "/v1/seeds:suggest",
        absl::StrCat(R"({"text": ")", text, R"(", "company": ")", company, R"(", "pageSize": 10})")));
    for (const auto& s : answer.suggestions()) {
      v.client().Get("/v1/feedback?pageSize=1000&suggestion=" + Escape(s.seed().name()));
    }
  };
  pages["search_seeds"] = [](Visit& v, std::mt19937& random, const Ids&) {
    v.Institutions();
    auto answer = Parse<renkei::v1::SearchSeedsResponse>(v.client().Get(
        "/v1/seeds:search?pageSize=20&query=" +
        Escape(renkei::bench::SyntheticQuery(static_cast<int>(random() % 1000)))));
    for (const auto& r : answer.results()) {
      v.Name(r.seed().institution());
      for (const auto& p : r.seed().researchers()) v.Name(p);
    }
  };
  pages["search_orgs"] = [](Visit& v, std::mt19937& random, const Ids&) {
    v.client().Get("/v1/networks?pageSize=1000");
    const std::string q = Escape(renkei::bench::SyntheticQuery(static_cast<int>(random() % 1000)));
    v.client().Get("/v1/organizations:search?pageSize=20&query=" + q);
    v.client().Get("/v1/organizations?pageSize=20&nameContains=" + q);
  };
  pages["list_district"] = [](Visit& v, std::mt19937& random, const Ids&) {
    v.client().Get("/v1/networks?pageSize=1000");
    v.client().Get(absl::StrCat("/v1/organizations?pageSize=50&district=",
                                Escape(renkei::bench::kDistricts[random() % 8])));
  };
  pages["organization"] = [](Visit& v, std::mt19937& random, const Ids& ids) {
    const std::string org = Pick(ids.companies, random);
    v.Name(org);
    auto memberships = Parse<renkei::v1::ListMembershipsResponse>(
        v.client().Get("/v1/" + org + "/memberships?pageSize=1000"));
    for (const auto& m : memberships.memberships()) {
      v.Name(m.name().substr(0, m.name().find("/memberships/")));
    }
    auto needs = Parse<renkei::v1::ListNeedsResponse>(
        v.client().Get("/v1/needs?pageSize=1000&company=" + Escape(org)));
    for (const auto& n : needs.needs()) {
      v.client().Post("/v1/" + n.name() + ":suggest", R"({"pageSize": 3})");
      v.client().Get("/v1/feedback?pageSize=1000&need=" + Escape(n.name()));
    }
    auto collaborations = Parse<renkei::v1::ListCollaborationsResponse>(
        v.client().Get("/v1/collaborations?pageSize=1000&organization=" + Escape(org)));
    for (const auto& c : collaborations.collaborations()) {
      for (const auto& p : c.participants()) v.Name(p.organization());
    }
    v.client().Post("/v1/" + org + ":suggestPartners", R"({"pageSize": 5})");
    v.client().Get("/v1/people?pageSize=1000&organization=" + Escape(org));
  };
  pages["seed"] = [](Visit& v, std::mt19937& random, const Ids& ids) {
    const std::string name = Pick(ids.seeds, random);
    auto seed = Parse<renkei::v1::Seed>(v.client().Get("/v1/" + name));
    v.Name(seed.institution());
    for (const auto& p : seed.researchers()) v.Name(p);
    v.client().Post("/v1/" + name + ":suggest", R"({"pageSize": 10})");
    v.client().Get("/v1/collaborations?pageSize=1000&seed=" + Escape(name));
  };
  pages["needs"] = [](Visit& v, std::mt19937&, const Ids&) {
    auto needs = Parse<renkei::v1::ListNeedsResponse>(
        v.client().Get("/v1/needs?pageSize=50&status=NEED_STATUS_OPEN"));
    for (const auto& n : needs.needs()) {
      v.Name(n.company());
      v.client().Post("/v1/" + n.name() + ":suggest", R"({"pageSize": 1})");
    }
  };
  pages["need"] = [](Visit& v, std::mt19937& random, const Ids& ids) {
    const std::string name = Pick(ids.needs, random);
    auto need = Parse<renkei::v1::Need>(v.client().Get("/v1/" + name));
    v.Name(need.company());
    v.client().Post("/v1/" + name + ":suggest", R"({"pageSize": 10})");
    v.client().Get("/v1/feedback?pageSize=1000&need=" + Escape(name));
    v.client().Get("/v1/collaborations?pageSize=1000&need=" + Escape(name));
  };
  pages["collaborations"] = [](Visit& v, std::mt19937& random, const Ids&) {
    v.Institutions();
    auto list = Parse<renkei::v1::ListCollaborationsResponse>(v.client().Get(
        absl::StrCat("/v1/collaborations?pageSize=1000&fiscalYear=", 2020 + random() % 6)));
    for (const auto& c : list.collaborations()) {
      for (const auto& p : c.participants()) v.Name(p.organization());
    }
  };
  pages["network"] = [](Visit& v, std::mt19937& random, const Ids& ids) {
    const std::string name = Pick(ids.networks, random);
    auto network = Parse<renkei::v1::Network>(v.client().Get("/v1/" + name));
    v.Name(network.secretariat());
    std::vector<std::string> members;
    std::string token;
    do {
      auto page = Parse<renkei::v1::ListMembershipsResponse>(v.client().Get(
          absl::StrCat("/v1/", name, "/memberships?pageSize=1000&pageToken=", Escape(token))));
      for (const auto& m : page.memberships()) members.push_back(m.organization());
      token = page.next_page_token();
    } while (!token.empty());
    for (size_t i = 0; i < members.size() && i < 100; ++i) v.Name(members[i]);
  };
  pages["indicators"] = [](Visit& v, std::mt19937&, const Ids&) {
    for (int year = 2020; year <= 2026; ++year) {
      v.client().Get(absl::StrCat("/v1/indicators?fiscalYear=", year));
    }
  };
  return pages;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(p * values.size()))];
}

template <typename Response>
std::vector<std::string> NamesOf(JsonClient& client, const std::string& target,
                                 const std::function<void(const Response&, std::vector<std::string>&)>& take) {
  std::vector<std::string> names;
  take(Parse<Response>(client.Get(target)), names);
  return names;
}

// The times of `visits` visits of `page`, ms; `before` runs ahead of each
// visit, untimed.
std::vector<double> VisitTimes(JsonClient& client, const Page& page, const Ids& ids, int visits,
                               const std::function<void()>& before) {
  std::vector<double> ms;
  std::mt19937 random(7);
  for (int i = 0; i < visits; ++i) {
    if (before) before();
    Visit visit(client);
    const auto start = Clock::now();
    client.Get("/v1/access:whoAmI");  // every page asks who is signed in first
    page(visit, random, ids);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return ms;
}

// Visits every page `visits` times as someone coming back to it (the
// answers of the Suggest… calls kept since the last visit), then `visits`
// times right after a write (`write`: every kept answer dropped); prints one
// line per page; false on errors.
bool Run(const char* data_set, JsonClient& client, const Ids& ids, int visits, double target_ms,
         const std::function<void()>& write) {
  bool ok = true;
  for (const auto& [name, page] : Pages()) {
    const int64_t calls_before = client.calls(), errors_before = client.errors();
    const std::vector<double> kept = VisitTimes(client, page, ids, visits, nullptr);
    const double calls = static_cast<double>(client.calls() - calls_before) / visits;
    const std::vector<double> fresh = VisitTimes(client, page, ids, visits, write);
    const double p99 = Percentile(kept, 0.99), fresh_p99 = Percentile(fresh, 0.99);
    const int64_t errors = client.errors() - errors_before;
    const char* verdict = errors > 0                                 ? "ERRORS"
                          : p99 <= target_ms && fresh_p99 <= target_ms ? "ok"
                          : p99 <= target_ms                           ? "OVER after a write"
                                                                       : "OVER";
    std::printf("%-6s %-15s %6.1f %8.2f %8.2f %10.2f %10.2f  %s%s\n", data_set, name.c_str(), calls,
                Percentile(kept, 0.5), p99, Percentile(fresh, 0.5), fresh_p99, verdict,
                errors > 0 ? absl::StrCat("  (", errors, " errors)").c_str() : "");
    ok &= errors == 0;
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);  // as renkei-server
  const bool smoke = absl::GetFlag(FLAGS_smoke);
  const int visits = smoke ? 3 : absl::GetFlag(FLAGS_visits);
  const int organizations = smoke ? 100 : absl::GetFlag(FLAGS_organizations);

  const std::string dir =
      (std::filesystem::temp_directory_path() / absl::StrCat("renkei-page-bench-", getpid())).string();
  renkei::ServerOptions options;
  options.data_dir = dir;
  options.listen_address = "127.0.0.1:0";
  options.load_demo = true;
  options.web.address = "127.0.0.1:0";
  auto server = renkei::RenkeiServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "page_bench: %s\n", std::string(server.status().message()).c_str());
    return 1;
  }
  absl::StatusOr<std::string> token = renkei::ReadAdminToken(dir);
  if (!token.ok()) {
    std::fprintf(stderr, "page_bench: %s\n", std::string(token.status().message()).c_str());
    return 1;
  }
  JsonClient client((*server)->http_port(), "Bearer " + *token);

  Ids ids;
  ids.companies = NamesOf<renkei::v1::ListOrganizationsResponse>(
      client, "/v1/organizations?pageSize=1000&kind=ORGANIZATION_KIND_COMPANY",
      [](const auto& r, auto& out) { for (const auto& o : r.organizations()) out.push_back(o.name()); });
  ids.seeds = NamesOf<renkei::v1::ListSeedsResponse>(
      client, "/v1/seeds?pageSize=1000",
      [](const auto& r, auto& out) { for (const auto& s : r.seeds()) out.push_back(s.name()); });
  ids.needs = NamesOf<renkei::v1::ListNeedsResponse>(
      client, "/v1/needs?pageSize=1000",
      [](const auto& r, auto& out) { for (const auto& n : r.needs()) out.push_back(n.name()); });
  ids.networks = NamesOf<renkei::v1::ListNetworksResponse>(
      client, "/v1/networks?pageSize=1000",
      [](const auto& r, auto& out) { for (const auto& n : r.networks()) out.push_back(n.name()); });
  if (ids.companies.empty() || ids.seeds.empty() || ids.needs.empty() || ids.networks.empty()) {
    std::fprintf(stderr, "page_bench: the demo data did not load\n");
    return 1;
  }

  std::printf("page_bench: %d visits of each page; ms per visit (the sum of its calls)\n", visits);
  std::printf("%-6s %-15s %6s %8s %8s %10s %10s  %s\n", "data", "page", "calls", "p50 ms",
              "p99 ms", "write p50", "write p99", "target");
  // A write before a visit: the description of one network of its own
  // changed (matching reads networks, so every kept answer is dropped; no
  // ranking changes, and the data set does not grow).
  auto networks = renkei::v1::NetworkService::NewStub((*server)->SystemChannel());
  renkei::v1::Network bench_network;
  {
    renkei::v1::CreateNetworkRequest request;
    request.mutable_network()->set_display_name("page_bench");
    grpc::ClientContext context;
    if (!networks->CreateNetwork(&context, request, &bench_network).ok()) {
      std::fprintf(stderr, "page_bench: cannot create its network\n");
      return 1;
    }
  }
  int written = 0;
  auto write = [&] {
    renkei::v1::UpdateNetworkRequest request;
    request.mutable_network()->set_name(bench_network.name());
    request.mutable_network()->set_description(absl::StrCat("write ", ++written));
    request.mutable_update_mask()->add_paths("description");
    renkei::v1::Network updated;
    grpc::ClientContext context;
    (void)networks->UpdateNetwork(&context, request, &updated);
  };
  bool ok = Run("demo", client, ids, visits, 50, write);

  // The large data set: synthetic companies through the in-process channel.
  const auto load_start = Clock::now();
  auto stub = renkei::v1::OrganizationService::NewStub((*server)->SystemChannel());
  std::atomic<int> next{0};
  std::vector<std::thread> loaders;
  for (int t = 0; t < 4; ++t) {
    loaders.emplace_back([&] {
      for (int i = next++; i < organizations; i = next++) {
        renkei::v1::CreateOrganizationRequest request;
        *request.mutable_organization() = renkei::bench::SyntheticCompanyWithProfile(i);
        renkei::v1::Organization created;
        grpc::ClientContext context;
        (void)stub->CreateOrganization(&context, request, &created);
      }
    });
  }
  for (auto& t : loaders) t.join();
  std::printf("(%d synthetic companies loaded in %.0f s)\n", organizations,
              std::chrono::duration<double>(Clock::now() - load_start).count());
  ok &= Run("large", client, ids, visits, 150, write);

  (*server)->Shutdown();
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return ok ? 0 : 1;
}
