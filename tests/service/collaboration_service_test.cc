// CollaborationService through a real server: 年度 derived by the server.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;

class CollaborationServiceTest : public ApiTest {
 protected:
  std::vector<std::string> List(v1::ListCollaborationsRequest request) {
    v1::ListCollaborationsResponse response;
    EXPECT_OK(collaborations_->ListCollaborations(Context().get(), request, &response));
    std::vector<std::string> names;
    for (const auto& x : response.collaborations()) names.push_back(x.name());
    return names;
  }

  v1::Collaboration Create(v1::CollaborationType type, v1::Date start, v1::Date end,
                           const std::vector<std::string>& organizations) {
    v1::CreateCollaborationRequest request;
    v1::Collaboration* x = request.mutable_collaboration();
    x->set_type(type);
    x->set_title("共同研究テーマ");
    for (const std::string& o : organizations) x->add_participants()->set_organization(o);
    *x->mutable_start_date() = start;
    if (end.year() != 0) *x->mutable_end_date() = end;
    v1::Collaboration created;
    EXPECT_OK(collaborations_->CreateCollaboration(Context().get(), request, &created));
    return created;
  }
};

TEST_F(CollaborationServiceTest, ServerDerivesTheFiscalYears) {
  const v1::Organization kosen = CreateCompany("一関工業高等専門学校");
  const v1::Organization company = CreateCompany("株式会社一関精工");
  // 2025-01-10 is in 年度 2024; the project runs into 年度 2025.
  const v1::Collaboration x = Create(v1::COLLABORATION_TYPE_JOINT_RESEARCH, MakeDate(2025, 1, 10),
                                     MakeDate(2025, 9, 30), {kosen.name(), company.name()});
  EXPECT_EQ(x.fiscal_year(), 2024);
  EXPECT_THAT(x.fiscal_years(), ElementsAre(2024, 2025));
  EXPECT_EQ(x.case_count(), 1);
  const v1::Collaboration y = Create(v1::COLLABORATION_TYPE_TESTING_ANALYSIS, MakeDate(2025, 4, 1),
                                     v1::Date(), {company.name()});
  EXPECT_THAT(y.fiscal_years(), ElementsAre(2025));

  v1::ListCollaborationsRequest request;
  request.set_fiscal_year(2025);
  EXPECT_THAT(List(request), ElementsAre(x.name(), y.name()));
  request.set_fiscal_year(2024);
  EXPECT_THAT(List(request), ElementsAre(x.name()));
  request.set_type(v1::COLLABORATION_TYPE_TESTING_ANALYSIS);
  EXPECT_TRUE(List(request).empty());
  request.Clear();
  request.set_organization(kosen.name());
  EXPECT_THAT(List(request), ElementsAre(x.name()));

  // Moving the dates moves the 年度; a typed-in fiscal_year is ignored.
  v1::UpdateCollaborationRequest update;
  update.mutable_collaboration()->set_name(x.name());
  *update.mutable_collaboration()->mutable_start_date() = MakeDate(2023, 5, 1);
  *update.mutable_collaboration()->mutable_end_date() = MakeDate(2024, 3, 31);
  update.mutable_update_mask()->add_paths("start_date");
  update.mutable_update_mask()->add_paths("end_date");
  v1::Collaboration updated;
  ASSERT_OK(collaborations_->UpdateCollaboration(Context().get(), update, &updated));
  EXPECT_EQ(updated.fiscal_year(), 2023);
  EXPECT_THAT(updated.fiscal_years(), ElementsAre(2023));
  request.Clear();
  request.set_fiscal_year(2024);
  EXPECT_TRUE(List(request).empty());

  update.mutable_update_mask()->Clear();
  update.mutable_update_mask()->add_paths("fiscal_year");
  grpc::Status refused = collaborations_->UpdateCollaboration(Context().get(), update, &updated);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  v1::GetCollaborationRequest get;
  get.set_name(x.name());
  v1::Collaboration read;
  ASSERT_OK(collaborations_->GetCollaboration(Context().get(), get, &read));
  EXPECT_EQ(read.fiscal_year(), 2023);
  v1::DeleteCollaborationRequest remove;
  remove.set_name(x.name());
  v1::DeleteResponse deleted;
  ASSERT_OK(collaborations_->DeleteCollaboration(Context().get(), remove, &deleted));
  request.Clear();
  request.set_organization(kosen.name());
  EXPECT_TRUE(List(request).empty());
}

TEST_F(CollaborationServiceTest, LinksToSeedsNeedsAndPeople) {
  const v1::Organization kosen = CreateCompany("一関工業高等専門学校");
  const v1::Organization company = CreateCompany("株式会社一関精工");
  const v1::Person sato = CreateResearcher(kosen.name(), "佐藤 一郎");
  const v1::Seed seed = CreateSeed(kosen.name(), "打音検査の自動化");
  const v1::Need need = CreateNeed(company.name(), "叩いて音で確かめる検査を楽にしたい");
  v1::CreateCollaborationRequest request;
  v1::Collaboration* x = request.mutable_collaboration();
  x->set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  x->set_title("打音検査装置の共同開発");
  auto* lead = x->add_participants();
  lead->set_organization(kosen.name());
  lead->set_person(sato.name());
  lead->set_role(v1::PARTICIPANT_ROLE_LEAD);
  x->add_participants()->set_organization(company.name());
  x->set_seed(seed.name());
  x->set_need(need.name());
  *x->mutable_start_date() = MakeDate(2025, 6, 1);
  auto* outcome = x->add_outcomes();
  outcome->set_kind(v1::OUTCOME_KIND_NEW_PRODUCT);
  outcome->set_title("打音検査機");
  *outcome->mutable_achieved_on() = MakeDate(2026, 2, 1);
  v1::Collaboration created;
  ASSERT_OK(collaborations_->CreateCollaboration(Context().get(), request, &created));
  for (auto fill : std::vector<std::function<void(v1::ListCollaborationsRequest&)>>{
           [&](auto& r) { r.set_person(sato.name()); },
           [&](auto& r) { r.set_seed(seed.name()); },
           [&](auto& r) { r.set_need(need.name()); },
           [&](auto& r) { r.set_name_contains("打音"); }}) {
    v1::ListCollaborationsRequest list;
    fill(list);
    EXPECT_THAT(List(list), ElementsAre(created.name()));
  }
  x->set_seed("seeds/99");
  grpc::Status status = collaborations_->CreateCollaboration(Context().get(), request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "collaboration.seed");
}

}  // namespace
}  // namespace renkei::testing
