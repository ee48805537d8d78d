#include "server/store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "renkei/v1/change.pb.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/records/validate.h"
#include "server/store/index.h"
#include "server/store/internal/schema.h"
#include "server/util/errors.h"
#include "tests/test_util.h"

namespace renkei::store {
namespace {

using ::renkei::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    store_.reset();
    auto store = Store::Open(StoreOptions(), dir_.path());
    ASSERT_OK(store);
    store_ = std::move(*store);
  }

  template <typename T>
  T Create(T record, absl::string_view request_id = "") {
    const std::string name = record.name();  // memberships are named by the caller
    records::PrepareForCreate(&record);
    if constexpr (std::is_same_v<T, v1::Membership>) record.set_name(name);
    absl::Status status = store_->Create(&record, request_id, store::Actor::System());
    EXPECT_OK(status);
    return record;
  }

  v1::Organization Company(const std::string& name, const std::string& district = "千厩") {
    v1::Organization o;
    o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
    o.set_display_name(name);
    o.mutable_address()->set_city("一関市");
    o.mutable_address()->set_district(district);
    return Create(o);
  }

  v1::Person Researcher(const std::string& organization, const std::string& name) {
    v1::Person p;
    p.set_role(v1::PERSON_ROLE_RESEARCHER);
    p.set_display_name(name);
    p.set_organization(organization);
    return Create(p);
  }

  // The names a list request returns, following every page.
  std::vector<std::string> ListNames(ListRequest request, int page_size = 2) {
    std::vector<std::string> names;
    request.page_size = page_size;
    std::unique_ptr<google::protobuf::Message> prototype = internal::NewRecord(request.kind);
    for (int pages = 0; pages < 1000; ++pages) {
      absl::StatusOr<ListResult> page = store_->List(request, *prototype);
      EXPECT_OK(page);
      if (!page.ok()) break;
      for (const auto& record : page->records) {
        names.push_back(record->GetReflection()->GetString(
            *record, record->GetDescriptor()->FindFieldByName("name")));
      }
      if (page->next_page_token.empty()) break;
      request.page_token = page->next_page_token;
    }
    return names;
  }

  ListRequest Query(Kind kind, std::vector<IndexTerm> terms = {}) {
    ListRequest request;
    request.kind = kind;
    request.terms = std::move(terms);
    return request;
  }


  std::vector<v1::Change> Changes(int64_t after = 0) {
    std::vector<std::string> raw;
    EXPECT_OK(store_->ReadChanges(after, 10000, &raw));
    std::vector<v1::Change> changes;
    for (const std::string& bytes : raw) {
      changes.emplace_back();
      changes.back().ParseFromString(bytes);
    }
    return changes;
  }

  renkei::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, CreateAssignsNameEtagAndTimes) {
  v1::Organization a = Company("株式会社一関精工");
  v1::Organization b = Company("株式会社千厩プラスチック");
  EXPECT_EQ(a.name(), "organizations/1");
  EXPECT_EQ(b.name(), "organizations/2");
  EXPECT_FALSE(a.etag().empty());
  EXPECT_NE(a.etag(), b.etag());
  EXPECT_GT(a.create_time().seconds(), 0);
  v1::Organization read;
  ASSERT_OK(store_->Get("organizations/1", &read));
  EXPECT_EQ(read.display_name(), "株式会社一関精工");
  EXPECT_EQ(read.etag(), a.etag());
}

TEST_F(StoreTest, GetOfMissingRecordIsNotFound) {
  v1::Organization read;
  EXPECT_EQ(store_->Get("organizations/99", &read).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->Get("people/1", &read).code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, CorporateNumberIsUniqueAndNamesTheHolder) {
  v1::Organization a;
  a.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  a.set_display_name("株式会社一関精工");
  a.set_corporate_number("7000012050002");
  a = Create(a);
  v1::Organization b = a;
  b.set_display_name("一関精工（重複）");
  records::PrepareForCreate(&b);
  absl::Status status = store_->Create(&b, "", store::Actor::System());
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(status.message().find("organizations/1"), absl::string_view::npos);
  EXPECT_EQ(FieldViolationsOf(status)[0].field, "corporate_number");
  EXPECT_EQ(store_->Counter(RecordCounter(Kind::kOrganization)), 1);
  auto found = store_->Lookup(CorporateNumberKey("7000012050002"));
  ASSERT_OK(found);
  EXPECT_EQ(*found, "organizations/1");
  // Once the number moves off the first record, another may take it.
  v1::Organization updated;
  ASSERT_OK(store_->Update(
      a.name(), "",
      [](google::protobuf::Message* m) {
        static_cast<v1::Organization*>(m)->clear_corporate_number();
        return absl::OkStatus();
      },
      &updated, store::Actor::System()));
  EXPECT_OK(store_->Create(&b, "", store::Actor::System()));
  found = store_->Lookup(CorporateNumberKey("7000012050002"));
  ASSERT_OK(found);
  EXPECT_EQ(*found, b.name());
}

TEST_F(StoreTest, ExternalIdsAreUniquePerKindAndLookedUp) {
  v1::Organization a;
  a.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  a.set_display_name("有限会社藤沢木工");
  auto* id = a.add_external_ids();
  id->set_source("fujisawa-club/member-no");
  id->set_value("23");
  a = Create(a);
  auto found = store_->Lookup(ExternalIdKey(Kind::kOrganization, "fujisawa-club/member-no", "23"));
  ASSERT_OK(found);
  EXPECT_EQ(*found, a.name());
  EXPECT_FALSE(store_->Lookup(ExternalIdKey(Kind::kPerson, "fujisawa-club/member-no", "23")).ok());
  v1::Organization b = a;
  records::PrepareForCreate(&b);
  absl::Status status = store_->Create(&b, "", store::Actor::System());
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(FieldViolationsOf(status)[0].field, "external_ids[0]");
}

TEST_F(StoreTest, ReferenceToMissingRecordIsInvalidAndNothingIsWritten) {
  const int64_t before = store_->revision();
  v1::Person p;
  p.set_role(v1::PERSON_ROLE_RESEARCHER);
  p.set_display_name("佐藤 花子");
  p.set_organization("organizations/42");
  records::PrepareForCreate(&p);
  absl::Status status = store_->Create(&p, "", store::Actor::System());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(status)[0].field, "organization");
  EXPECT_NE(status.message().find("organizations/42 does not exist"), absl::string_view::npos);
  EXPECT_EQ(store_->revision(), before);
  EXPECT_THAT(ListNames(Query(Kind::kPerson)), IsEmpty());
}

TEST_F(StoreTest, IndexesFollowUpdatesAndDeletes) {
  v1::Organization a = Company("株式会社一関精工", "千厩");
  Company("株式会社大東電子", "大東");
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {OrganizationsInDistrict("千厩")})),
              ElementsAre("organizations/1"));
  v1::Organization updated;
  ASSERT_OK(store_->Update(
      a.name(), a.etag(),
      [](google::protobuf::Message* m) {
        static_cast<v1::Organization*>(m)->mutable_address()->set_district("大東");
        return absl::OkStatus();
      },
      &updated, store::Actor::System()));
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {OrganizationsInDistrict("千厩")})), IsEmpty());
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {OrganizationsInDistrict("大東")})),
              ElementsAre("organizations/1", "organizations/2"));
  ASSERT_OK(store_->Delete(a.name(), "", false, store::Actor::System()));
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {OrganizationsInDistrict("大東")})),
              ElementsAre("organizations/2"));
  ListRequest by_name = Query(Kind::kOrganization);
  by_name.name_contains = "精工";
  EXPECT_THAT(ListNames(by_name), IsEmpty());
}

TEST_F(StoreTest, FiltersIntersect) {
  for (int i = 0; i < 30; ++i) {
    v1::Organization o;
    o.set_kind(i % 3 == 0 ? v1::ORGANIZATION_KIND_COMPANY : v1::ORGANIZATION_KIND_SUPPORT_BODY);
    o.set_display_name("株式会社テスト" + std::to_string(i));
    o.mutable_address()->set_district(i % 2 == 0 ? "花泉" : "室根");
    o.add_jsic_codes(i % 5 == 0 ? "1821" : "2899");
    Create(o);
  }
  // Companies (i % 3 == 0) in 花泉 (i even): i = 0, 6, 12, 18, 24 → ids 1, 7, 13, 19, 25.
  EXPECT_THAT(ListNames(Query(Kind::kOrganization,
                              {OrganizationsOfKind(v1::ORGANIZATION_KIND_COMPANY),
                               OrganizationsInDistrict("花泉")})),
              ElementsAre("organizations/1", "organizations/7", "organizations/13",
                          "organizations/19", "organizations/25"));
  // JSIC 18 (plastics) matches 1821 at every level: i % 5 == 0.
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {OrganizationsWithJsic("18")})),
              ElementsAre("organizations/1", "organizations/6", "organizations/11",
                          "organizations/16", "organizations/21", "organizations/26"));
  EXPECT_EQ(ListNames(Query(Kind::kOrganization, {OrganizationsWithJsic("182")})).size(), 6u);
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {OrganizationsWithJsic("1822")})), IsEmpty());
}

TEST_F(StoreTest, NameFiltersAreNormalized) {
  Company("株式会社ＡＢＣ電機");
  Company("一関精工(株)");
  Company("有限会社千厩精機");
  ListRequest contains = Query(Kind::kOrganization);
  contains.name_contains = "abc";
  EXPECT_THAT(ListNames(contains), ElementsAre("organizations/1"));
  contains.name_contains = "精";
  EXPECT_THAT(ListNames(contains), ElementsAre("organizations/2", "organizations/3"));
  ListRequest prefix = Query(Kind::kOrganization);
  prefix.name_prefix = "一関";  // the legal form in front or behind does not matter
  EXPECT_THAT(ListNames(prefix), ElementsAre("organizations/2"));
  prefix.name_prefix = "千厩";
  EXPECT_THAT(ListNames(prefix), ElementsAre("organizations/3"));
  prefix.name_prefix = "精工";
  EXPECT_THAT(ListNames(prefix), IsEmpty());
}

TEST_F(StoreTest, PageTokenIsBoundToItsFilters) {
  for (int i = 0; i < 5; ++i) Company("株式会社テスト" + std::to_string(i), "千厩");
  ListRequest request = Query(Kind::kOrganization, {OrganizationsInDistrict("千厩")});
  request.page_size = 2;
  auto page = store_->List(request, v1::Organization());
  ASSERT_OK(page);
  ASSERT_FALSE(page->next_page_token.empty());
  ListRequest other = Query(Kind::kOrganization, {OrganizationsInDistrict("大東")});
  other.page_token = page->next_page_token;
  absl::StatusOr<ListResult> refused = store_->List(other, v1::Organization());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(refused.status())[0].field, "page_token");
  other.page_token = "not-a-token";
  EXPECT_EQ(store_->List(other, v1::Organization()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, SparseMatchesReturnShortPagesWithinTheBudget) {
  for (int i = 0; i < 40; ++i) Company("株式会社テスト" + std::to_string(i));
  ListRequest request = Query(Kind::kOrganization,
                              {OrganizationsOfKind(v1::ORGANIZATION_KIND_COMPANY)});
  request.name_contains = "テスト3";  // テスト3 and テスト30 … テスト39
  request.max_examined = 10;
  std::vector<std::string> names;
  int pages = 0;
  for (; pages < 100; ++pages) {
    auto page = store_->List(request, v1::Organization());
    ASSERT_OK(page);
    EXPECT_LE(page->records.size(), 10u);
    for (const auto& r : page->records) {
      names.push_back(static_cast<const v1::Organization&>(*r).name());
    }
    if (page->next_page_token.empty()) break;
    request.page_token = page->next_page_token;
  }
  EXPECT_GT(pages, 1);
  std::vector<std::string> expected = {"organizations/4"};
  for (int id = 31; id <= 40; ++id) expected.push_back("organizations/" + std::to_string(id));
  EXPECT_EQ(names, expected);
}

TEST_F(StoreTest, DeleteRefusedWhileReferredToNamesTheReferrers) {
  v1::Organization kosen = Company("一関工業高等専門学校");
  v1::Person p = Researcher(kosen.name(), "佐藤 一郎");
  const int64_t before = store_->revision();
  absl::StatusOr<DeleteResult> refused = store_->Delete(kosen.name(), "", false, store::Actor::System());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find(p.name()), absl::string_view::npos);
  EXPECT_EQ(store_->revision(), before);
  v1::Organization still;
  EXPECT_OK(store_->Get(kosen.name(), &still));
}

TEST_F(StoreTest, ParticipantPersonMustBelongToTheParticipantOrganization) {
  v1::Organization kosen = Company("一関工業高等専門学校");
  v1::Organization company = Company("株式会社所属");
  v1::Person researcher = Researcher(kosen.name(), "佐藤 一郎");
  v1::Collaboration x;
  x.set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  x.set_title("所属違いの共同研究");
  auto* p = x.add_participants();
  p->set_organization(company.name());
  p->set_person(researcher.name());
  x.mutable_start_date()->set_year(2025);
  x.mutable_start_date()->set_month(6);
  x.mutable_start_date()->set_day(1);
  records::PrepareForCreate(&x);
  const int64_t before = store_->revision();
  const absl::Status status = store_->Create(&x, "", store::Actor::System());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("participants[0].person: " + researcher.name() +
                                   " belongs to " + kosen.name() + ", not " + company.name()));
  EXPECT_EQ(store_->revision(), before);
  x.mutable_participants(0)->set_organization(kosen.name());
  EXPECT_OK(store_->Create(&x, "", store::Actor::System()));
}

TEST_F(StoreTest, CascadeDeletesACollaborationLeftWithoutParticipants) {
  v1::Organization company = Company("株式会社単独");
  v1::Collaboration x;
  x.set_type(v1::COLLABORATION_TYPE_TECHNICAL_CONSULTATION);
  x.set_title("単独の技術相談");
  x.add_participants()->set_organization(company.name());
  x.mutable_start_date()->set_year(2025);
  x.mutable_start_date()->set_month(6);
  x.mutable_start_date()->set_day(1);
  x = Create(x);

  absl::StatusOr<DeleteResult> result =
      store_->Delete(company.name(), "", true, store::Actor::System());
  ASSERT_OK(result);
  EXPECT_THAT(result->deleted, UnorderedElementsAre(company.name(), x.name()));
  EXPECT_THAT(result->unlinked, IsEmpty());
  v1::Collaboration after;
  EXPECT_EQ(store_->Get(x.name(), &after).code(), absl::StatusCode::kNotFound);
}

TEST_F(StoreTest, CascadeDeletesOwnedRecordsAndUnlinksOthers) {
  v1::Organization kosen = Company("一関工業高等専門学校");
  v1::Organization company = Company("株式会社一関精工");
  v1::Person researcher = Researcher(kosen.name(), "佐藤 一郎");
  v1::Seed seed;
  seed.set_institution(kosen.name());
  seed.add_researchers(researcher.name());
  seed.set_title("ウルトラファインバブルによる部品洗浄");
  seed = Create(seed);
  v1::Collaboration x;
  x.set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  x.set_title("UFB洗浄の共同研究");
  auto* a = x.add_participants();
  a->set_organization(kosen.name());
  a->set_person(researcher.name());
  x.add_participants()->set_organization(company.name());
  x.set_seed(seed.name());
  x.mutable_start_date()->set_year(2025);
  x.mutable_start_date()->set_month(6);
  x.mutable_start_date()->set_day(1);
  x = Create(x);
  v1::Network network;
  network.set_display_name("一関工業高等専門学校教育研究振興会");
  network.set_secretariat(kosen.name());
  network = Create(network);
  v1::Membership m;
  m.set_name(network.name() + "/memberships/2");
  m.set_organization(company.name());
  m = Create(m);

  absl::StatusOr<DeleteResult> result = store_->Delete(kosen.name(), "", true, store::Actor::System());
  ASSERT_OK(result);
  EXPECT_THAT(result->deleted,
              UnorderedElementsAre(kosen.name(), researcher.name(), seed.name()));
  EXPECT_THAT(result->unlinked, UnorderedElementsAre(x.name(), network.name()));
  v1::Collaboration after;
  ASSERT_OK(store_->Get(x.name(), &after));
  ASSERT_EQ(after.participants_size(), 1);
  EXPECT_EQ(after.participants(0).organization(), company.name());
  EXPECT_EQ(after.seed(), "");
  v1::Network network_after;
  ASSERT_OK(store_->Get(network.name(), &network_after));
  EXPECT_EQ(network_after.secretariat(), "");
  // Nothing still lists the deleted records.
  EXPECT_THAT(ListNames(Query(Kind::kPerson, {PeopleOf(1)})), IsEmpty());
  EXPECT_THAT(ListNames(Query(Kind::kSeed, {SeedsOf(1)})), IsEmpty());
  EXPECT_THAT(ListNames(Query(Kind::kCollaboration, {CollaborationsOfOrganization(1)})),
              IsEmpty());
  EXPECT_THAT(ListNames(Query(Kind::kCollaboration, {CollaborationsFromSeed(1)})), IsEmpty());
  EXPECT_THAT(ListNames(Query(Kind::kNetwork, {NetworksWithSecretariat(1)})), IsEmpty());
  // The company can now be deleted only with its membership, and the
  // collaboration it is the last participant of.
  EXPECT_EQ(store_->Delete(company.name(), "", false, store::Actor::System()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  result = store_->Delete(company.name(), "", true, store::Actor::System());
  ASSERT_OK(result);
  EXPECT_THAT(result->deleted, UnorderedElementsAre(company.name(), m.name(), x.name()));
  EXPECT_EQ(store_->Counter(CurrentMembersCounter(1)), 0);
}

TEST_F(StoreTest, StaleEtagIsAbortedAndChangesNothing) {
  v1::Organization a = Company("株式会社一関精工");
  v1::Organization updated;
  ASSERT_OK(store_->Update(
      a.name(), a.etag(),
      [](google::protobuf::Message* m) {
        static_cast<v1::Organization*>(m)->set_employees(10);
        return absl::OkStatus();
      },
      &updated, store::Actor::System()));
  EXPECT_NE(updated.etag(), a.etag());
  const int64_t revision = store_->revision();
  absl::Status stale = store_->Update(
      a.name(), a.etag(),
      [](google::protobuf::Message* m) {
        static_cast<v1::Organization*>(m)->set_employees(99);
        return absl::OkStatus();
      },
      &updated, store::Actor::System());
  EXPECT_EQ(stale.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(store_->revision(), revision);
  v1::Organization read;
  ASSERT_OK(store_->Get(a.name(), &read));
  EXPECT_EQ(read.employees(), 10);
  EXPECT_EQ(store_->Delete(a.name(), a.etag(), false, store::Actor::System()).status().code(),
            absl::StatusCode::kAborted);
}

TEST_F(StoreTest, UpdateThatChangesNothingWritesNothing) {
  v1::Organization a = Company("株式会社一関精工");
  const int64_t revision = store_->revision();
  v1::Organization updated;
  ASSERT_OK(store_->Update(
      a.name(), "",
      [](google::protobuf::Message* m) {
        static_cast<v1::Organization*>(m)->set_display_name("株式会社一関精工");
        return absl::OkStatus();
      },
      &updated, store::Actor::System()));
  EXPECT_EQ(store_->revision(), revision);
  EXPECT_EQ(updated.etag(), a.etag());
}

TEST_F(StoreTest, RequestIdReturnsTheFirstResultAcrossRestarts) {
  v1::Organization first;
  first.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  first.set_display_name("株式会社一関精工");
  first = Create(first, "req-1");
  v1::Organization again;
  again.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  again.set_display_name("株式会社一関精工");
  ASSERT_OK(store_->Create(&again, "req-1", store::Actor::System()));
  EXPECT_EQ(again.name(), first.name());
  Reopen();
  v1::Organization third;
  third.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  third.set_display_name("株式会社一関精工");
  ASSERT_OK(store_->Create(&third, "req-1", store::Actor::System()));
  EXPECT_EQ(third.name(), first.name());
  EXPECT_EQ(store_->Counter(RecordCounter(Kind::kOrganization)), 1);
}

TEST_F(StoreTest, RequestIdReusedWithOtherContentIsRefusedNamingTheFirstUse) {
  v1::Organization first;
  first.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  first.set_display_name("株式会社一関精工");
  first = Create(first, "req-2");
  const int64_t before = store_->revision();
  v1::Organization other;
  other.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  other.set_display_name("株式会社大東電子");
  const absl::Status status = store_->Create(&other, "req-2", store::Actor::System());
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("request_id \"req-2\" was used before, to create " +
                                   first.name() + " with other content"));
  EXPECT_EQ(store_->revision(), before);
}

TEST_F(StoreTest, RestartKeepsRecordsIdsAndTheChangeLog) {
  Company("株式会社一関精工");
  v1::Organization b = Company("株式会社大東電子");
  ASSERT_OK(store_->Delete(b.name(), "", false, store::Actor::System()));
  const int64_t revision = store_->revision();
  Reopen();
  EXPECT_EQ(store_->revision(), revision);
  v1::Organization c = Company("株式会社室根木材");
  EXPECT_EQ(c.name(), "organizations/3");  // ids are never reused
  std::vector<v1::Change> changes = Changes();
  ASSERT_EQ(changes.size(), 4u);
  for (size_t i = 0; i < changes.size(); ++i) EXPECT_EQ(changes[i].revision(), int64_t(i + 1));
  EXPECT_EQ(changes[2].kind(), v1::CHANGE_KIND_DELETED);
  EXPECT_EQ(changes[2].organization().display_name(), "株式会社大東電子");
  EXPECT_EQ(changes[3].kind(), v1::CHANGE_KIND_CREATED);
  EXPECT_EQ(Changes(3).size(), 1u);
}

TEST_F(StoreTest, CountersFollowMemberships) {
  v1::Organization a = Company("株式会社一関精工");
  v1::Organization b = Company("株式会社大東電子");
  v1::Network network;
  network.set_display_name("千厩町工業クラブ");
  network = Create(network);
  for (const auto& o : {a, b}) {
    v1::Membership m;
    m.set_name(network.name() + "/memberships/" + o.name().substr(14));
    m.set_organization(o.name());
    Create(m);
  }
  EXPECT_EQ(store_->Counter(CurrentMembersCounter(1)), 2);
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {CurrentMembersOf(1)})),
              ElementsAre("organizations/1", "organizations/2"));
  v1::Membership ended;
  ASSERT_OK(store_->Update(
      "networks/1/memberships/2", "",
      [](google::protobuf::Message* m) {
        static_cast<v1::Membership*>(m)->mutable_until()->set_year(2025);
        return absl::OkStatus();
      },
      &ended, store::Actor::System()));
  EXPECT_EQ(store_->Counter(CurrentMembersCounter(1)), 1);
  EXPECT_THAT(ListNames(Query(Kind::kOrganization, {CurrentMembersOf(1)})),
              ElementsAre("organizations/1"));
  EXPECT_THAT(ListNames(Query(Kind::kMembership, {MembershipsOfNetwork(1)})),
              ElementsAre("networks/1/memberships/1", "networks/1/memberships/2"));
  EXPECT_THAT(ListNames(Query(Kind::kMembership, {MembershipsOfOrganization(2)})),
              ElementsAre("networks/1/memberships/2"));
  EXPECT_THAT(ListNames(Query(Kind::kMembership, {CurrentMembershipsOfOrganization(2)})),
              IsEmpty());
  v1::Membership twice;
  twice.set_name("networks/1/memberships/1");
  twice.set_organization(a.name());
  records::PrepareForCreate(&twice);
  twice.set_name("networks/1/memberships/1");
  EXPECT_EQ(store_->Create(&twice, "", store::Actor::System()).code(), absl::StatusCode::kAlreadyExists);
}

TEST_F(StoreTest, DocumentFrequenciesHeldInMemoryFollowEveryWrite) {
  v1::Organization college;
  college.set_kind(v1::ORGANIZATION_KIND_ACADEMIC);
  college.set_display_name("一関工業高等専門学校");
  college = Create(college);
  v1::Seed seed;
  seed.set_institution(college.name());
  seed.set_title("外観検査の自動化");
  const v1::Seed first = Create(seed);
  absl::StatusOr<ResourceName> first_name = ParseResourceName(first.name());
  ASSERT_OK(first_name);
  absl::StatusOr<SearchDocument> document = store_->GetSearchDocument(*first_name);
  ASSERT_OK(document);
  std::vector<std::string> terms;
  for (const auto& [term, counts] : document->counts) terms.push_back(term);
  ASSERT_FALSE(terms.empty());
  // Each term's document frequency, then the number of seed documents: read
  // once, then held in memory.
  auto frequencies = [&] {
    std::vector<int64_t> out;
    for (const std::string& term : terms) out.push_back(store_->DocumentFrequency(Kind::kSeed, term));
    out.push_back(store_->GetSearchStats(Kind::kSeed).documents);
    return out;
  };
  EXPECT_THAT(frequencies(), ::testing::Each(1));
  const v1::Seed second = Create(seed);
  EXPECT_THAT(frequencies(), ::testing::Each(2));
  v1::Seed updated;
  ASSERT_OK(store_->Update(
      first.name(), "",
      [](google::protobuf::Message* m) {
        static_cast<v1::Seed*>(m)->set_title("溶接ひずみ");
        return absl::OkStatus();
      },
      &updated, store::Actor::System()));
  std::vector<int64_t> expected(terms.size(), 1);
  expected.push_back(2);
  EXPECT_EQ(frequencies(), expected);
  ASSERT_OK(store_->Delete(second.name(), "", false, store::Actor::System()));
  expected.assign(terms.size(), 0);
  expected.push_back(1);
  EXPECT_EQ(frequencies(), expected);
  // What the database holds, read afresh.
  Reopen();
  EXPECT_EQ(frequencies(), expected);
}

}  // namespace
}  // namespace renkei::store
