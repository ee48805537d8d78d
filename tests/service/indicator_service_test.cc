// GetIndicators: the city plan's figures for a 年度, from the records.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

class IndicatorServiceTest : public ApiTest {
 protected:
  v1::Indicators Get(int year) {
    v1::GetIndicatorsRequest request;
    request.set_fiscal_year(year);
    v1::Indicators indicators;
    EXPECT_OK(indicators_->GetIndicators(Context().get(), request, &indicators));
    return indicators;
  }

  void Collaborate(v1::CollaborationType type, const std::string& institution,
                   const std::string& company, v1::Date start, int cases = 0,
                   v1::OutcomeKind outcome = v1::OUTCOME_KIND_UNSPECIFIED,
                   v1::Date achieved = v1::Date()) {
    v1::CreateCollaborationRequest request;
    v1::Collaboration* x = request.mutable_collaboration();
    x->set_type(type);
    x->set_title("テーマ");
    x->add_participants()->set_organization(institution);
    x->add_participants()->set_organization(company);
    *x->mutable_start_date() = start;
    x->set_case_count(cases);
    if (outcome != v1::OUTCOME_KIND_UNSPECIFIED) {
      auto* o = x->add_outcomes();
      o->set_kind(outcome);
      *o->mutable_achieved_on() = achieved;
    }
    v1::Collaboration created;
    EXPECT_OK(collaborations_->CreateCollaboration(Context().get(), request, &created));
  }
};

TEST_F(IndicatorServiceTest, ComputesTheCityPlanFigures) {
  v1::Organization kosen;
  kosen.set_kind(v1::ORGANIZATION_KIND_ACADEMIC);
  kosen.set_display_name("一関工業高等専門学校");
  kosen = CreateOrganization(kosen);
  v1::Organization kennan;
  kennan.set_kind(v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
  kennan.set_display_name("岩手県南技術研究センター");
  kennan = CreateOrganization(kennan);
  v1::Organization a;
  a.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  a.set_display_name("株式会社一関精工");
  a.mutable_sdgs()->set_declared(true);
  *a.mutable_sdgs()->mutable_declared_on() = MakeDate(2024, 5, 1);
  a.mutable_bcp()->set_status(v1::BCP_STATUS_ESTABLISHED);
  *a.mutable_bcp()->mutable_established_on() = MakeDate(2026, 1, 20);  // 年度 2025
  auto* product = a.add_products();
  product->set_display_name("精密治具");
  *product->mutable_developed_on() = MakeDate(2025, 8, 1);
  a = CreateOrganization(a);
  v1::Organization b;
  b.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  b.set_display_name("株式会社大東電子");
  b.mutable_sdgs()->set_declared(true);  // no date: counts in every 年度
  b = CreateOrganization(b);
  CreateCompany("株式会社藤沢木工");

  Collaborate(v1::COLLABORATION_TYPE_JOINT_RESEARCH, kosen.name(), a.name(), MakeDate(2025, 6, 1),
              0, v1::OUTCOME_KIND_NEW_TECHNOLOGY, MakeDate(2026, 3, 1));
  Collaborate(v1::COLLABORATION_TYPE_JOINT_RESEARCH, kennan.name(), b.name(),
              MakeDate(2025, 4, 1));
  Collaborate(v1::COLLABORATION_TYPE_TESTING_ANALYSIS, kennan.name(), a.name(),
              MakeDate(2025, 5, 1), 12);
  Collaborate(v1::COLLABORATION_TYPE_JOINT_RESEARCH, kosen.name(), b.name(),
              MakeDate(2024, 6, 1));  // another 年度

  v1::Network club = CreateNetwork("千厩町工業クラブ");
  AddMember(club.name(), a.name());
  v1::CreateMembershipRequest ended;
  ended.set_parent(club.name());
  ended.mutable_membership()->set_organization(b.name());
  *ended.mutable_membership()->mutable_until() = MakeDate(2024, 12, 31);  // left in 年度 2024
  v1::Membership m;
  ASSERT_OK(networks_->CreateMembership(Context().get(), ended, &m));

  const v1::Indicators fy2025 = Get(2025);
  EXPECT_EQ(fy2025.period_start().month(), 4);
  EXPECT_EQ(fy2025.period_end().year(), 2026);
  std::map<int, std::pair<int64_t, int64_t>> by_type;
  for (const auto& c : fy2025.collaborations_by_type()) {
    by_type[c.type()] = {c.records(), c.cases()};
  }
  EXPECT_EQ(by_type[v1::COLLABORATION_TYPE_JOINT_RESEARCH], std::make_pair(int64_t{2}, int64_t{2}));
  EXPECT_EQ(by_type[v1::COLLABORATION_TYPE_TESTING_ANALYSIS],
            std::make_pair(int64_t{1}, int64_t{12}));
  EXPECT_EQ(fy2025.testing_analysis_cases(), 12);
  ASSERT_EQ(fy2025.collaborations_by_institution_size(), 2);
  EXPECT_EQ(fy2025.collaborations_by_institution(0).display_name(), "一関工業高等専門学校");
  EXPECT_EQ(fy2025.collaborations_by_institution(1).by_type_size(), 2);
  EXPECT_EQ(fy2025.new_products(), 1);
  EXPECT_EQ(fy2025.new_technologies(), 1);
  EXPECT_EQ(fy2025.companies(), 3);
  EXPECT_EQ(fy2025.sdgs_companies(), 2);
  EXPECT_EQ(fy2025.bcp_companies(), 1);
  EXPECT_NEAR(fy2025.bcp_share(), 1.0 / 3, 1e-9);
  ASSERT_EQ(fy2025.members_by_network_size(), 1);
  EXPECT_EQ(fy2025.members_by_network(0).members(), 1);

  const v1::Indicators fy2023 = Get(2023);
  EXPECT_EQ(fy2023.sdgs_companies(), 1);  // only the undated declaration
  EXPECT_EQ(fy2023.bcp_companies(), 0);
  EXPECT_EQ(fy2023.collaborations_by_type_size(), 0);
  EXPECT_EQ(Get(2024).members_by_network(0).members(), 2);

  v1::GetIndicatorsRequest bad;
  bad.set_fiscal_year(25);
  v1::Indicators out;
  grpc::Status status = indicators_->GetIndicators(Context().get(), bad, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "fiscal_year");
}

}  // namespace
}  // namespace renkei::testing
