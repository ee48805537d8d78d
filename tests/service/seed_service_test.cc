// SeedService through a real server.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;

class SeedServiceTest : public ApiTest {
 protected:
  std::vector<std::string> List(v1::ListSeedsRequest request) {
    v1::ListSeedsResponse response;
    EXPECT_OK(seeds_->ListSeeds(Context().get(), request, &response));
    std::vector<std::string> names;
    for (const auto& s : response.seeds()) names.push_back(s.name());
    return names;
  }
};

TEST_F(SeedServiceTest, RoundTripOfEveryMethod) {
  const v1::Organization kosen = CreateCompany("一関工業高等専門学校");
  const v1::Organization kennan = CreateCompany("公益財団法人岩手県南技術研究センター");
  const v1::Person sato = CreateResearcher(kosen.name(), "佐藤 一郎");
  const v1::Person abe = CreateResearcher(kosen.name(), "阿部 次郎");
  v1::CreateSeedRequest create;
  v1::Seed* seed = create.mutable_seed();
  seed->set_institution(kosen.name());
  seed->add_researchers(sato.name());
  seed->add_researchers(abe.name());
  seed->set_title("ウルトラファインバブルを用いた部品洗浄");
  seed->set_summary("超微細気泡で油分を除去する。");
  seed->add_keywords("UFB");
  seed->add_keywords("洗浄");
  seed->add_fields("化学・バイオ系");
  seed->add_applications("切削油の除去");
  seed->set_ip_status(v1::IP_STATUS_PATENT_PENDING);
  *seed->mutable_published_on() = MakeDate(2024, 7, 1);
  auto* id = seed->add_external_ids();
  id->set_source("kosen/seeds-catalog-2024");
  id->set_value("K-12");
  v1::Seed created;
  ASSERT_OK(seeds_->CreateSeed(Context().get(), create, &created));
  CreateSeed(kennan.name(), "蛍光X線による成分分析");

  v1::GetSeedRequest get;
  get.set_name(created.name());
  v1::Seed read;
  ASSERT_OK(seeds_->GetSeed(Context().get(), get, &read));
  EXPECT_EQ(read.SerializeAsString(), created.SerializeAsString());

  v1::ListSeedsRequest request;
  request.set_institution(kosen.name());
  EXPECT_THAT(List(request), ElementsAre(created.name()));
  request.Clear();
  request.set_researcher(abe.name());
  EXPECT_THAT(List(request), ElementsAre(created.name()));
  request.Clear();
  request.set_keyword("ｕｆｂ");
  EXPECT_THAT(List(request), ElementsAre(created.name()));
  request.Clear();
  request.set_field("化学・バイオ系");
  EXPECT_THAT(List(request), ElementsAre(created.name()));
  request.Clear();
  request.set_name_contains("成分分析");
  EXPECT_THAT(List(request), ElementsAre("seeds/2"));

  v1::UpdateSeedRequest update;
  update.mutable_seed()->set_name(created.name());
  update.mutable_seed()->add_researchers(sato.name());
  update.mutable_update_mask()->add_paths("researchers");
  v1::Seed updated;
  ASSERT_OK(seeds_->UpdateSeed(Context().get(), update, &updated));
  EXPECT_THAT(updated.researchers(), ElementsAre(sato.name()));
  request.Clear();
  request.set_researcher(abe.name());
  EXPECT_TRUE(List(request).empty());

  v1::DeleteSeedRequest remove;
  remove.set_name(created.name());
  v1::DeleteResponse deleted;
  ASSERT_OK(seeds_->DeleteSeed(Context().get(), remove, &deleted));
  EXPECT_EQ(seeds_->GetSeed(Context().get(), get, &read).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(SeedServiceTest, DeletingAResearcherUnlinksTheSeedOnCascade) {
  const v1::Organization kosen = CreateCompany("一関工業高等専門学校");
  const v1::Person sato = CreateResearcher(kosen.name(), "佐藤 一郎");
  v1::CreateSeedRequest create;
  create.mutable_seed()->set_institution(kosen.name());
  create.mutable_seed()->add_researchers(sato.name());
  create.mutable_seed()->set_title("振動解析による予知保全");
  v1::Seed seed;
  ASSERT_OK(seeds_->CreateSeed(Context().get(), create, &seed));
  v1::DeletePersonRequest remove;
  remove.set_name(sato.name());
  v1::DeleteResponse response;
  EXPECT_EQ(people_->DeletePerson(Context().get(), remove, &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  remove.set_cascade(true);
  ASSERT_OK(people_->DeletePerson(Context().get(), remove, &response));
  EXPECT_THAT(response.unlinked(), ElementsAre(seed.name()));
  v1::GetSeedRequest get;
  get.set_name(seed.name());
  v1::Seed read;
  ASSERT_OK(seeds_->GetSeed(Context().get(), get, &read));
  EXPECT_TRUE(read.researchers().empty());
}

}  // namespace
}  // namespace renkei::testing
