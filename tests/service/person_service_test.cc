// PersonService through a real server.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;

class PersonServiceTest : public ApiTest {
 protected:
  std::vector<std::string> List(v1::ListPeopleRequest request) {
    v1::ListPeopleResponse response;
    EXPECT_OK(people_->ListPeople(Context().get(), request, &response));
    std::vector<std::string> names;
    for (const auto& p : response.people()) names.push_back(p.name());
    return names;
  }
};

TEST_F(PersonServiceTest, RoundTripOfEveryMethod) {
  const v1::Organization kosen = CreateCompany("一関工業高等専門学校");
  const v1::Organization company = CreateCompany("株式会社一関精工");
  v1::CreatePersonRequest create;
  v1::Person* p = create.mutable_person();
  p->set_role(v1::PERSON_ROLE_RESEARCHER);
  p->set_display_name("佐藤 花子");
  p->set_kana("サトウ ハナコ");
  p->set_organization(kosen.name());
  p->set_department("未来創造工学科 化学・バイオ系");
  p->set_title("准教授");
  p->add_fields("分析化学");
  p->mutable_contact()->set_email("sato@example.jp");
  auto* id = p->add_external_ids();
  id->set_source("kosen/staff-no");
  id->set_value("S-104");
  v1::Person created;
  ASSERT_OK(people_->CreatePerson(Context().get(), create, &created));
  EXPECT_EQ(created.name(), "people/1");
  CreateResearcher(company.name(), "千葉 太郎");

  v1::GetPersonRequest get;
  get.mutable_external_id()->set_source("kosen/staff-no");
  get.mutable_external_id()->set_value("S-104");
  v1::Person read;
  ASSERT_OK(people_->GetPerson(Context().get(), get, &read));
  EXPECT_EQ(read.SerializeAsString(), created.SerializeAsString());

  v1::ListPeopleRequest by_org;
  by_org.set_organization(kosen.name());
  EXPECT_THAT(List(by_org), ElementsAre("people/1"));
  v1::ListPeopleRequest by_department;
  by_department.set_department("未来創造工学科　化学・バイオ系");  // full-width space
  EXPECT_THAT(List(by_department), ElementsAre("people/1"));
  v1::ListPeopleRequest by_name;
  by_name.set_name_prefix("千葉");
  EXPECT_THAT(List(by_name), ElementsAre("people/2"));
  v1::ListPeopleRequest by_role;
  by_role.set_role(v1::PERSON_ROLE_CONTACT);
  EXPECT_TRUE(List(by_role).empty());

  v1::UpdatePersonRequest update;
  update.mutable_person()->set_name(created.name());
  update.mutable_person()->set_etag(created.etag());
  update.mutable_person()->set_title("教授");
  update.mutable_update_mask()->add_paths("title");
  v1::Person updated;
  ASSERT_OK(people_->UpdatePerson(Context().get(), update, &updated));
  EXPECT_EQ(updated.title(), "教授");
  EXPECT_EQ(updated.department(), "未来創造工学科 化学・バイオ系");

  v1::DeletePersonRequest remove;
  remove.set_name(created.name());
  v1::DeleteResponse deleted;
  ASSERT_OK(people_->DeletePerson(Context().get(), remove, &deleted));
  get.Clear();
  get.set_name(created.name());
  EXPECT_EQ(people_->GetPerson(Context().get(), get, &read).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(List(by_org).empty());
}

TEST_F(PersonServiceTest, OrganizationMustExist) {
  v1::CreatePersonRequest create;
  create.mutable_person()->set_role(v1::PERSON_ROLE_CONTACT);
  create.mutable_person()->set_display_name("佐藤 花子");
  create.mutable_person()->set_organization("organizations/5");
  v1::Person created;
  grpc::Status status = people_->CreatePerson(Context().get(), create, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "person.organization");
  EXPECT_EQ(Revision(), base_revision_);
}

}  // namespace
}  // namespace renkei::testing
