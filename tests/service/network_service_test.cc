// NetworkService (networks and memberships) through a real server.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class NetworkServiceTest : public ApiTest {
 protected:
  std::vector<std::string> Members(const std::string& network, bool current_only = false) {
    v1::ListMembershipsRequest request;
    request.set_parent(network);
    request.set_current_only(current_only);
    v1::ListMembershipsResponse response;
    EXPECT_OK(networks_->ListMemberships(Context().get(), request, &response));
    std::vector<std::string> names;
    for (const auto& m : response.memberships()) names.push_back(m.organization());
    return names;
  }
  std::vector<std::string> NetworksOf(const std::string& organization) {
    v1::ListOrganizationMembershipsRequest request;
    request.set_organization(organization);
    v1::ListMembershipsResponse response;
    EXPECT_OK(networks_->ListOrganizationMemberships(Context().get(), request, &response));
    std::vector<std::string> names;
    for (const auto& m : response.memberships()) names.push_back(m.name());
    return names;
  }
};

TEST_F(NetworkServiceTest, NetworkRoundTrip) {
  const v1::Organization cci = CreateCompany("一関商工会議所");
  v1::CreateNetworkRequest create;
  create.mutable_network()->set_display_name("一関商工会議所");
  *create.mutable_network()->mutable_founded() = MakeDate(1947);
  create.mutable_network()->set_secretariat(cci.name());
  v1::Network created;
  ASSERT_OK(networks_->CreateNetwork(Context().get(), create, &created));
  EXPECT_EQ(created.member_count(), 0);
  v1::ListNetworksRequest list;
  list.set_secretariat(cci.name());
  v1::ListNetworksResponse listed;
  ASSERT_OK(networks_->ListNetworks(Context().get(), list, &listed));
  ASSERT_EQ(listed.networks_size(), 1);
  v1::UpdateNetworkRequest update;
  update.mutable_network()->set_name(created.name());
  update.mutable_network()->set_scope("一関市全域");
  update.mutable_update_mask()->add_paths("scope");
  v1::Network updated;
  ASSERT_OK(networks_->UpdateNetwork(Context().get(), update, &updated));
  EXPECT_EQ(updated.scope(), "一関市全域");
  EXPECT_EQ(updated.display_name(), "一関商工会議所");
  v1::DeleteNetworkRequest remove;
  remove.set_name(created.name());
  v1::DeleteResponse deleted;
  ASSERT_OK(networks_->DeleteNetwork(Context().get(), remove, &deleted));
  v1::GetNetworkRequest get;
  get.set_name(created.name());
  EXPECT_EQ(networks_->GetNetwork(Context().get(), get, &updated).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(NetworkServiceTest, MembershipsBothDirections) {
  const v1::Organization a = CreateCompany("株式会社一関精工");
  const v1::Organization b = CreateCompany("株式会社大東電子");
  const v1::Network club = CreateNetwork("千厩町工業クラブ");
  const v1::Network semicon = CreateNetwork("いわて半導体関連産業集積促進協議会");
  v1::CreateMembershipRequest create;
  create.set_parent(club.name());
  v1::Membership* m = create.mutable_membership();
  m->set_organization(a.name());
  m->set_role(v1::MEMBER_ROLE_PRESIDENT);
  m->set_role_label("会長");
  *m->mutable_since() = MakeDate(1993, 4, 1);
  m->set_source_list("千厩町工業クラブ 名簿 2025");
  auto* id = m->add_external_ids();
  id->set_source("senmaya-club/member-no");
  id->set_value("1");
  v1::Membership created;
  ASSERT_OK(networks_->CreateMembership(Context().get(), create, &created));
  EXPECT_EQ(created.name(), club.name() + "/memberships/1");
  AddMember(club.name(), b.name());
  const v1::Membership b_semicon = AddMember(semicon.name(), b.name());
  EXPECT_EQ(b_semicon.role(), v1::MEMBER_ROLE_MEMBER);  // the default

  // Adding the same organization twice is refused.
  create.mutable_membership()->clear_external_ids();
  v1::Membership twice;
  EXPECT_EQ(networks_->CreateMembership(Context().get(), create, &twice).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);

  EXPECT_THAT(Members(club.name()), ElementsAre(a.name(), b.name()));
  EXPECT_THAT(NetworksOf(b.name()),
              ElementsAre(club.name() + "/memberships/2", semicon.name() + "/memberships/2"));
  v1::GetNetworkRequest get_network;
  get_network.set_name(club.name());
  v1::Network network;
  ASSERT_OK(networks_->GetNetwork(Context().get(), get_network, &network));
  EXPECT_EQ(network.member_count(), 2);

  v1::GetMembershipRequest get;
  get.mutable_external_id()->set_source("senmaya-club/member-no");
  get.mutable_external_id()->set_value("1");
  v1::Membership read;
  ASSERT_OK(networks_->GetMembership(Context().get(), get, &read));
  EXPECT_EQ(read.role_label(), "会長");

  // Ending a membership keeps it, out of the current lists.
  v1::UpdateMembershipRequest update;
  update.mutable_membership()->set_name(club.name() + "/memberships/2");
  *update.mutable_membership()->mutable_until() = MakeDate(2025, 3, 31);
  update.mutable_update_mask()->add_paths("until");
  v1::Membership ended;
  ASSERT_OK(networks_->UpdateMembership(Context().get(), update, &ended));
  EXPECT_THAT(Members(club.name(), /*current_only=*/true), ElementsAre(a.name()));
  EXPECT_THAT(Members(club.name()), ElementsAre(a.name(), b.name()));
  v1::ListOrganizationsRequest current;
  current.set_network(club.name());
  EXPECT_THAT(ListOrganizationNames(current), ElementsAre(a.name()));
  ASSERT_OK(networks_->GetNetwork(Context().get(), get_network, &network));
  EXPECT_EQ(network.member_count(), 1);

  // The organization of a membership cannot change.
  update.mutable_membership()->set_organization(a.name());
  update.mutable_update_mask()->set_paths(0, "organization");
  EXPECT_EQ(networks_->UpdateMembership(Context().get(), update, &ended).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  v1::DeleteMembershipRequest remove;
  remove.set_name(club.name() + "/memberships/2");
  v1::DeleteResponse deleted;
  ASSERT_OK(networks_->DeleteMembership(Context().get(), remove, &deleted));
  EXPECT_THAT(NetworksOf(b.name()), ElementsAre(semicon.name() + "/memberships/2"));
}

TEST_F(NetworkServiceTest, DeletingANetworkNeedsCascadeWhenItHasMembers) {
  const v1::Organization a = CreateCompany("株式会社一関精工");
  const v1::Network club = CreateNetwork("藤沢町工業倶楽部");
  AddMember(club.name(), a.name());
  v1::DeleteNetworkRequest remove;
  remove.set_name(club.name());
  v1::DeleteResponse deleted;
  grpc::Status status = networks_->DeleteNetwork(Context().get(), remove, &deleted);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(PreconditionSubjects(status), ElementsAre(club.name() + "/memberships/1"));
  remove.set_cascade(true);
  ASSERT_OK(networks_->DeleteNetwork(Context().get(), remove, &deleted));
  EXPECT_THAT(deleted.deleted(), ElementsAre(club.name(), club.name() + "/memberships/1"));
  EXPECT_THAT(NetworksOf(a.name()), IsEmpty());
  EXPECT_OK(GetOrganizationStatus(a.name()));
}

TEST_F(NetworkServiceTest, MembershipNeedsAnExistingNetworkAndOrganization) {
  const v1::Organization a = CreateCompany("株式会社一関精工");
  v1::CreateMembershipRequest create;
  create.set_parent("networks/9");
  create.mutable_membership()->set_organization(a.name());
  v1::Membership created;
  EXPECT_EQ(networks_->CreateMembership(Context().get(), create, &created).error_code(),
            grpc::StatusCode::NOT_FOUND);
  const v1::Network club = CreateNetwork("花泉企業連絡協議会");
  create.set_parent(club.name());
  create.mutable_membership()->set_organization("organizations/99");
  grpc::Status status = networks_->CreateMembership(Context().get(), create, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "membership.organization");
  create.set_parent("organizations/1");
  status = networks_->CreateMembership(Context().get(), create, &created);
  EXPECT_EQ(FieldViolations(status)[0].first, "parent");
}

}  // namespace
}  // namespace renkei::testing
