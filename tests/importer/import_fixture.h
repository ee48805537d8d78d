// The fixture of whole imports through a real server: a server with one
// network (いちのせき工業懇話会), files written into a temporary directory,
// RunImport with the administrator's token, and counts read from the store.
#ifndef RENKEI_TESTS_IMPORTER_IMPORT_FIXTURE_H_
#define RENKEI_TESTS_IMPORTER_IMPORT_FIXTURE_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <vector>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "importer/import_run.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/names/resource_name.h"
#include "server/store/index.h"
#include "server/store/store.h"
#include "tests/test_server.h"
#include "tests/test_util.h"

namespace renkei::importer {

inline std::string DevFile(const std::string& name) { return absl::StrCat(RENKEI_RESOLVE_DEV_DATA, "/", name); }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct ImportResult {
  int code = -1;
  std::string out, err;
};

class ImportFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    v1::Network network;
    network.set_display_name("いちのせき工業懇話会");
    ASSERT_TRUE(store().Create(&network, "", store::Actor::System()).ok());
    network_ = network.name();
  }

  store::Store& store() { return server_.server().store(); }

  ImportOptions Options(v1::ImportKind kind, const std::string& file) {
    ImportOptions options;
    options.kind = kind;
    options.file = file;
    options.connection.server = absl::StrCat("127.0.0.1:", server_.port());
    options.connection.token_file = server_.admin_token_file();
    options.network = kind == v1::IMPORT_KIND_MEMBERS ? network_ : "";
    options.progress = false;
    options.review_out = dir_.path() + "/review.csv";
    options.rejected_out = dir_.path() + "/rejected.csv";
    return options;
  }

  ImportResult Import(const ImportOptions& options) {
    std::ostringstream out, err;
    ImportResult run;
    run.code = RunImport(options, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_.path() + "/" + name;
    std::ofstream out(path, std::ios::binary);
    out << text;
    return path;
  }

  int64_t Count(Kind kind) {
    store::ListRequest request;
    request.kind = kind;
    request.page_size = 1000;
    v1::Organization organization;
    v1::Seed seed;
    absl::StatusOr<store::ListResult> listed =
        store().List(request, kind == Kind::kSeed ? static_cast<const google::protobuf::Message&>(seed)
                                                  : organization);
    EXPECT_TRUE(listed.ok()) << listed.status();
    return listed.ok() ? static_cast<int64_t>(listed->records.size()) : -1;
  }
  int64_t Organizations() { return Count(Kind::kOrganization); }

  // The memberships of the network, current or ended.
  std::vector<v1::Membership> Memberships() {
    store::ListRequest request;
    request.kind = Kind::kMembership;
    request.page_size = 1000;
    request.terms.push_back(store::MembershipsOfNetwork(NetworkId()));
    absl::StatusOr<store::ListResult> listed = store().List(request, v1::Membership());
    EXPECT_TRUE(listed.ok()) << listed.status();
    std::vector<v1::Membership> memberships;
    if (!listed.ok()) return memberships;
    for (const auto& record : listed->records) {
      memberships.push_back(static_cast<const v1::Membership&>(*record));
    }
    return memberships;
  }

  // The display names of the organizations whose membership of the network
  // is current (no end date), sorted.
  std::vector<std::string> CurrentMembers() {
    std::vector<std::string> names;
    for (const v1::Membership& membership : Memberships()) {
      if (membership.has_until()) continue;
      v1::Organization organization;
      EXPECT_TRUE(store().Get(membership.organization(), &organization).ok());
      names.push_back(organization.display_name());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  uint64_t NetworkId() { return ParseResourceName(network_, Kind::kNetwork)->id; }

  testing::TestServer server_;
  testing::TempDir dir_;
  std::string network_;
};

}  // namespace renkei::importer

#endif  // RENKEI_TESTS_IMPORTER_IMPORT_FIXTURE_H_
