// NeedService through a real server.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;

class NeedServiceTest : public ApiTest {
 protected:
  std::vector<std::string> List(v1::ListNeedsRequest request) {
    v1::ListNeedsResponse response;
    EXPECT_OK(needs_->ListNeeds(Context().get(), request, &response));
    std::vector<std::string> names;
    for (const auto& n : response.needs()) names.push_back(n.name());
    return names;
  }
};

TEST_F(NeedServiceTest, RoundTripOfEveryMethod) {
  const v1::Organization company = CreateCompany("株式会社千厩プラスチック工業");
  const v1::Organization other = CreateCompany("株式会社大東電子", "大東");
  v1::CreateNeedRequest create;
  v1::Need* need = create.mutable_need();
  need->set_company(company.name());
  need->set_title("製品に黒い粒が混じるクレームの原因を知りたい");
  need->set_body("射出成形品に黒点が出る。材料か金型か分からない。");
  need->add_keywords("異物");
  need->add_desired_partner_kinds(v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
  need->set_visibility(v1::VISIBILITY_PUBLIC);
  v1::Need created;
  ASSERT_OK(needs_->CreateNeed(Context().get(), create, &created));
  EXPECT_EQ(created.status(), v1::NEED_STATUS_OPEN);  // the default
  const v1::Need second = CreateNeed(other.name(), "手作業の検査を自動化したい");
  EXPECT_EQ(second.visibility(), v1::VISIBILITY_COORDINATORS);  // the default

  v1::ListNeedsRequest request;
  request.set_company(company.name());
  EXPECT_THAT(List(request), ElementsAre(created.name()));
  request.Clear();
  request.set_visibility(v1::VISIBILITY_PUBLIC);
  EXPECT_THAT(List(request), ElementsAre(created.name()));
  request.Clear();
  request.set_status(v1::NEED_STATUS_OPEN);
  EXPECT_THAT(List(request), ElementsAre(created.name(), second.name()));

  v1::UpdateNeedRequest update;
  update.mutable_need()->set_name(created.name());
  update.mutable_need()->set_status(v1::NEED_STATUS_MATCHED);
  update.mutable_update_mask()->add_paths("status");
  v1::Need updated;
  ASSERT_OK(needs_->UpdateNeed(Context().get(), update, &updated));
  request.Clear();
  request.set_status(v1::NEED_STATUS_OPEN);
  EXPECT_THAT(List(request), ElementsAre(second.name()));
  request.set_status(v1::NEED_STATUS_MATCHED);
  EXPECT_THAT(List(request), ElementsAre(created.name()));

  v1::GetNeedRequest get;
  get.set_name(created.name());
  v1::Need read;
  ASSERT_OK(needs_->GetNeed(Context().get(), get, &read));
  EXPECT_EQ(read.status(), v1::NEED_STATUS_MATCHED);
  v1::DeleteNeedRequest remove;
  remove.set_name(created.name());
  v1::DeleteResponse deleted;
  ASSERT_OK(needs_->DeleteNeed(Context().get(), remove, &deleted));
  EXPECT_EQ(needs_->GetNeed(Context().get(), get, &read).error_code(), grpc::StatusCode::NOT_FOUND);
}

}  // namespace
}  // namespace renkei::testing
