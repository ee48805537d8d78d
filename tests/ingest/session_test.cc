#include "server/ingest/session.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "renkei/v1/change.pb.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/records/validate.h"
#include "server/resolve/reading.h"
#include "server/store/index.h"
#include "server/store/store.h"
#include "tests/ingest/ingest_fixture.h"
#include "tests/test_util.h"

namespace renkei::ingest {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Property;
using ::testing::SizeIs;
using ::testing::StartsWith;

constexpr char kNumberA[] = "8402501002617";  // valid 法人番号
constexpr char kNumberB[] = "9402501003184";
constexpr char kMemberNo[] = "networks/1/member-no";

v1::Date Date(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// An organization as a list row describes it.
v1::Organization Described(const std::string& name, const std::string& street = "",
                           const std::string& phone = "", const std::string& representative = "") {
  v1::Organization o;
  o.set_display_name(name);
  if (!street.empty()) {
    o.mutable_address()->set_prefecture("岩手県");
    o.mutable_address()->set_city("一関市");
    o.mutable_address()->set_street(street);
  }
  o.mutable_contact()->set_phone(phone);
  o.set_representative(representative);
  return o;
}

v1::ImportRow Row(int64_t number, const v1::Organization& organization) {
  v1::ImportRow row;
  row.set_row(number);
  *row.mutable_organization() = organization;
  return row;
}

// A member list row: the organization, its role, since and 会員番号.
v1::ImportRow Member(int64_t number, const v1::Organization& organization,
                     const std::string& member_no = "",
                     v1::MemberRole role = v1::MEMBER_ROLE_UNSPECIFIED) {
  v1::ImportRow row = Row(number, organization);
  row.mutable_membership()->set_role(role);
  if (!member_no.empty()) {
    v1::ExternalId* id = row.mutable_membership()->add_external_ids();
    id->set_source(kMemberNo);
    id->set_value(member_no);
  }
  return row;
}

v1::ImportBatch Batch(std::vector<v1::ImportRow> rows) {
  v1::ImportBatch batch;
  for (auto& row : rows) *batch.add_rows() = std::move(row);
  return batch;
}

class SessionTest : public IngestTest {
 protected:
  void SetUp() override {
    IngestTest::SetUp();
    network_ = CreateNetwork("一関ものづくり懇話会");
    ASSERT_EQ(network_, "networks/1");
  }

  std::string CreateNetwork(const std::string& display_name) {
    v1::Network network;
    network.set_display_name(display_name);
    records::PrepareForCreate(&network);
    EXPECT_OK(store_->Create(&network, "", store::Actor::System()));
    return network.name();
  }

  std::string CreateOrganization(v1::Organization organization) {
    organization.set_kind(v1::ORGANIZATION_KIND_COMPANY);
    records::PrepareForCreate(&organization);
    EXPECT_OK(store_->Create(&organization, "", store::Actor::System()));
    return organization.name();
  }

  v1::ImportHeader Header(v1::ImportKind kind, const std::string& source) {
    v1::ImportHeader header;
    header.set_kind(kind);
    header.set_source(source);
    if (kind == v1::IMPORT_KIND_MEMBERS) header.set_network(network_);
    return header;
  }
  v1::ImportHeader Members(const std::string& source) {
    return Header(v1::IMPORT_KIND_MEMBERS, source);
  }

  struct Result {
    std::vector<v1::RowOutcome> outcomes;  // of every batch, in order
    std::vector<int64_t> revisions;        // the store's revision after each batch
    v1::ImportSummary summary;
  };

  // Runs a whole import: Start, Apply for each batch, Finish.
  Result Import(const v1::ImportHeader& header, const std::vector<v1::ImportBatch>& batches) {
    Result result;
    absl::StatusOr<std::unique_ptr<Session>> session = Session::Start(store_.get(), reader_, header);
    EXPECT_OK(session);
    if (!session.ok()) return result;
    for (const v1::ImportBatch& batch : batches) {
      v1::ImportResponse response;
      EXPECT_OK((*session)->Apply(batch, &response));
      EXPECT_EQ(response.outcomes_size(), batch.rows_size());
      for (const v1::RowOutcome& outcome : response.outcomes()) result.outcomes.push_back(outcome);
      result.revisions.push_back(store_->revision());
    }
    v1::ImportResponse last;
    EXPECT_OK((*session)->Finish(&last));
    EXPECT_TRUE(last.outcomes().empty());
    result.summary = last.summary();
    return result;
  }
  Result Import(const v1::ImportHeader& header, const v1::ImportBatch& batch) {
    return Import(header, std::vector<v1::ImportBatch>{batch});
  }

  template <typename T = v1::Organization>
  T Get(const std::string& name) {
    T record;
    EXPECT_OK(store_->Get(name, &record));
    return record;
  }
  v1::Membership Membership(const std::string& organization) {
    const uint64_t id = std::stoull(organization.substr(organization.find('/') + 1));
    return Get<v1::Membership>(MembershipName(1, id));
  }

  template <typename T>
  std::vector<T> List(Kind kind) {
    store::ListRequest request;
    request.kind = kind;
    request.page_size = 1000;
    T prototype;
    absl::StatusOr<store::ListResult> page = store_->List(request, prototype);
    EXPECT_OK(page);
    std::vector<T> out;
    if (!page.ok()) return out;
    for (const auto& record : page->records) out.push_back(static_cast<const T&>(*record));
    return out;
  }

  std::vector<v1::Change> ChangesAfter(int64_t revision) {
    std::vector<std::string> serialized;
    EXPECT_OK(store_->ReadChanges(revision, 10000, &serialized));
    std::vector<v1::Change> changes;
    for (const std::string& s : serialized) {
      v1::Change change;
      EXPECT_TRUE(change.ParseFromString(s));
      changes.push_back(change);
    }
    return changes;
  }

  // The first list of the association: three members.
  v1::ImportBatch FirstList() {
    v1::ImportRow seiko = Member(1, Described("株式会社一関精工", "萩荘字高梨南方3番地5",
                                              "0191-24-1111", "佐藤 俊介"),
                                 "101", v1::MEMBER_ROLE_PRESIDENT);
    seiko.mutable_membership()->set_role_label("会長");
    *seiko.mutable_membership()->mutable_since() = Date(2015, 4, 1);
    return Batch({seiko,
                  Member(2, Described("(株)ミヤビ電機", "赤荻字雲南48-1", "0191-25-4410"), "102"),
                  Member(3, Described("有限会社千田製作所", "花泉町金沢字下宿40", "0191-82-2375"),
                         "103")});
  }

  std::string network_;
};


TEST_F(SessionTest, MembersImportCreatesOrganizationsAndMemberships) {
  const Result result = Import(Members("konwakai/会員名簿 2025-04.csv"), FirstList());
  ASSERT_THAT(result.outcomes, SizeIs(3));
  for (const v1::RowOutcome& outcome : result.outcomes) {
    EXPECT_EQ(outcome.action(), v1::IMPORT_ACTION_CREATED) << outcome.ShortDebugString();
    EXPECT_THAT(outcome.name(), StartsWith("organizations/"));
    EXPECT_THAT(outcome.membership(), StartsWith("networks/1/memberships/"));
  }
  EXPECT_EQ(result.outcomes[0].row(), 1);
  const v1::Organization seiko = Get(result.outcomes[0].name());
  EXPECT_EQ(seiko.display_name(), "株式会社一関精工");
  EXPECT_EQ(seiko.kind(), v1::ORGANIZATION_KIND_COMPANY);
  EXPECT_EQ(seiko.contact().phone(), "0191-24-1111");
  EXPECT_EQ(seiko.address().street(), "萩荘字高梨南方3番地5");
  ASSERT_TRUE(seiko.field_sources().contains("contact.phone"));
  EXPECT_EQ(seiko.field_sources().at("contact.phone").source(), "konwakai/会員名簿 2025-04.csv");
  EXPECT_EQ(seiko.field_sources().at("contact.phone").row(), 1);
  EXPECT_EQ(Get(result.outcomes[1].name()).display_name(), "株式会社ミヤビ電機");

  const v1::Membership membership = Membership(result.outcomes[0].name());
  EXPECT_EQ(membership.name(), result.outcomes[0].membership());
  EXPECT_EQ(membership.organization(), result.outcomes[0].name());
  EXPECT_EQ(membership.role(), v1::MEMBER_ROLE_PRESIDENT);
  EXPECT_EQ(membership.role_label(), "会長");
  EXPECT_EQ(membership.since().year(), 2015);
  EXPECT_EQ(membership.source_list(), "konwakai/会員名簿 2025-04.csv");
  ASSERT_THAT(membership.external_ids(), SizeIs(1));
  EXPECT_EQ(membership.external_ids(0).source(), kMemberNo);
  EXPECT_EQ(membership.external_ids(0).value(), "101");
  EXPECT_EQ(Membership(result.outcomes[1].name()).role(), v1::MEMBER_ROLE_MEMBER);
  // The 会員番号 finds the membership.
  absl::StatusOr<std::string> holder =
      store_->Lookup(store::ExternalIdKey(Kind::kMembership, kMemberNo, "102"));
  ASSERT_OK(holder);
  EXPECT_EQ(*holder, result.outcomes[1].membership());

  EXPECT_EQ(result.summary.rows(), 3);
  EXPECT_EQ(result.summary.created(), 3);
  EXPECT_EQ(result.summary.memberships_created(), 3);
  EXPECT_FALSE(result.summary.dry_run());
}

TEST_F(SessionTest, SecondIdenticalRunLinksEveryRowAndWritesNothing) {
  const Result first = Import(Members("konwakai/会員名簿 2025-04.csv"), FirstList());
  const int64_t revision = store_->revision();
  const Result second = Import(Members("konwakai/会員名簿 2025-04.csv"), FirstList());
  ASSERT_THAT(second.outcomes, SizeIs(3));
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(second.outcomes[i].action(), v1::IMPORT_ACTION_LINKED)
        << second.outcomes[i].ShortDebugString();
    EXPECT_THAT(second.outcomes[i].changed_fields(), IsEmpty());
    EXPECT_EQ(second.outcomes[i].name(), first.outcomes[i].name());
    EXPECT_EQ(second.outcomes[i].membership(), first.outcomes[i].membership());
    EXPECT_THAT(second.outcomes[i].evidence(), HasSubstr("名称一致"));
  }
  EXPECT_EQ(store_->revision(), revision);
  EXPECT_EQ(second.summary.linked(), 3);
  EXPECT_EQ(second.summary.memberships_created(), 0);
  EXPECT_EQ(second.summary.memberships_updated(), 0);
  EXPECT_THAT(List<v1::Organization>(Kind::kOrganization), SizeIs(3));
}

TEST_F(SessionTest, RowRepeatedInOneImportKeepsTheFirstRowsValues) {
  // The same company twice in one list, the second time with another phone:
  // the first row wins, so that running the list again changes nothing.
  auto list = [] {
    return Batch({Member(1, Described("株式会社一関精工", "萩荘字高梨南方3番地5", "0191-24-1111")),
                  Member(2, Described("株式会社一関精工", "萩荘字高梨南方3番地5", "0191-24-1112"))});
  };
  const Result first = Import(Members("konwakai/2025.csv"), list());
  ASSERT_THAT(first.outcomes, SizeIs(2));
  EXPECT_EQ(first.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(first.outcomes[1].name(), first.outcomes[0].name());
  EXPECT_EQ(Get(first.outcomes[0].name()).contact().phone(), "0191-24-1111");
  const int64_t revision = store_->revision();
  const Result second = Import(Members("konwakai/2025.csv"), list());
  EXPECT_EQ(second.outcomes[0].action(), v1::IMPORT_ACTION_LINKED);
  EXPECT_EQ(second.outcomes[1].action(), v1::IMPORT_ACTION_LINKED);
  EXPECT_EQ(Get(first.outcomes[0].name()).contact().phone(), "0191-24-1111");
  EXPECT_EQ(store_->revision(), revision);
}

TEST_F(SessionTest, LaterListOfAnotherSourceAddsWithoutErasing) {
  const Result first = Import(Members("konwakai/会員名簿 2025-04.csv"), FirstList());
  const std::string seiko = first.outcomes[0].name();
  // Another association writes the name otherwise, another phone, and a fax.
  v1::Organization described = Described("一関精工(株)", "萩荘高梨南方3-5", "0191-24-1111");
  described.mutable_contact()->set_phone("0191-24-9999");
  described.mutable_contact()->set_fax("0191-24-1112");
  described.set_kana("ｲﾁﾉｾｷｾｲｺｳ");
  const Result later = Import(Header(v1::IMPORT_KIND_ORGANIZATIONS, "製造業DB 2025.csv"),
                              Batch({Row(7, described)}));
  ASSERT_THAT(later.outcomes, SizeIs(1));
  const v1::RowOutcome& outcome = later.outcomes[0];
  EXPECT_EQ(outcome.action(), v1::IMPORT_ACTION_UPDATED) << outcome.ShortDebugString();
  EXPECT_EQ(outcome.name(), seiko);
  EXPECT_THAT(outcome.changed_fields(), Contains("contact.fax"));
  EXPECT_THAT(outcome.changed_fields(), Contains("kana"));
  EXPECT_THAT(outcome.changed_fields(), Not(Contains("contact.phone")));
  const v1::Organization stored = Get(seiko);
  EXPECT_EQ(stored.contact().phone(), "0191-24-1111");  // the first source's
  EXPECT_EQ(stored.contact().fax(), "0191-24-1112");
  EXPECT_EQ(stored.field_sources().at("contact.phone").source(), "konwakai/会員名簿 2025-04.csv");
  EXPECT_EQ(stored.field_sources().at("contact.phone").row(), 1);
  EXPECT_EQ(stored.field_sources().at("contact.fax").source(), "製造業DB 2025.csv");
  EXPECT_EQ(stored.field_sources().at("contact.fax").row(), 7);
  EXPECT_EQ(stored.display_name(), "株式会社一関精工");
}

TEST_F(SessionTest, NewerListOfTheSameSourceReplacesItsOwnValue) {
  const Result first = Import(Members("konwakai/会員名簿"), FirstList());
  v1::ImportBatch newer = FirstList();
  newer.mutable_rows(0)->mutable_organization()->mutable_contact()->set_phone("0191-24-2222");
  const Result second = Import(Members("konwakai/会員名簿"), newer);
  EXPECT_EQ(second.outcomes[0].action(), v1::IMPORT_ACTION_UPDATED);
  EXPECT_THAT(second.outcomes[0].changed_fields(), ElementsAre("contact.phone"));
  EXPECT_EQ(Get(first.outcomes[0].name()).contact().phone(), "0191-24-2222");
}

TEST_F(SessionTest, PlantRowAddsASiteToTheCompany) {
  const Result first = Import(Members("konwakai/会員名簿"), FirstList());
  const std::string seiko = first.outcomes[0].name();
  v1::ImportRow plant = Member(
      4, Described("株式会社一関精工 花泉工場", "花泉町涌津字一ノ町25", "0191-82-4106"));
  plant.set_site_manager("千葉 一郎");
  const Result result = Import(Header(v1::IMPORT_KIND_ORGANIZATIONS, "製造業DB 2025.csv"),
                               Batch({Row(4, plant.organization())}));
  ASSERT_THAT(result.outcomes, SizeIs(1));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_UPDATED)
      << result.outcomes[0].ShortDebugString();
  EXPECT_EQ(result.outcomes[0].name(), seiko);
  EXPECT_EQ(result.outcomes[0].site(), "花泉工場");
  EXPECT_THAT(result.outcomes[0].changed_fields(), Contains("sites[花泉工場]"));
  const v1::Organization stored = Get(seiko);
  ASSERT_THAT(stored.sites(), SizeIs(1));
  EXPECT_EQ(stored.sites(0).display_name(), "花泉工場");
  EXPECT_EQ(stored.sites(0).kind(), v1::SITE_KIND_PLANT);
  EXPECT_EQ(stored.sites(0).address().street(), "花泉町涌津字一ノ町25");
  EXPECT_EQ(stored.sites(0).phone(), "0191-82-4106");
  // The company's own address and phone stay.
  EXPECT_EQ(stored.address().street(), "萩荘字高梨南方3番地5");
  EXPECT_EQ(stored.contact().phone(), "0191-24-1111");
  EXPECT_EQ(stored.display_name(), "株式会社一関精工");
  EXPECT_THAT(stored.aliases(), IsEmpty());
}

TEST_F(SessionTest, SiteSourcesKeepTheRecordValid) {
  // Regression: the site's field_sources key "sites[花泉工場]" is no field of
  // Organization for the validator, so every plant row was rejected.
  const Result first = Import(Members("konwakai/会員名簿"), FirstList());
  const Result result = Import(
      Header(v1::IMPORT_KIND_ORGANIZATIONS, "製造業DB 2025.csv"),
      Batch({Row(4, Described("株式会社一関精工 花泉工場", "花泉町涌津字一ノ町25", "0191-82-4106"))}));
  ASSERT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_UPDATED)
      << result.outcomes[0].ShortDebugString();
  const v1::Organization stored = Get(first.outcomes[0].name());
  EXPECT_OK(records::ValidateRecord(stored));
  ASSERT_TRUE(stored.field_sources().contains("sites.花泉工場"));
  EXPECT_EQ(stored.field_sources().at("sites.花泉工場").row(), 4);
}

TEST_F(SessionTest, NewerListOfTheSameSourceUpdatesItsSite) {
  const Result first = Import(Members("konwakai/会員名簿"), FirstList());
  auto plant = [](const std::string& phone) {
    v1::ImportRow row = Row(4, Described("株式会社一関精工", "花泉町涌津字一ノ町25", phone));
    row.set_site_label("花泉工場");
    return Batch({row});
  };
  Import(Header(v1::IMPORT_KIND_ORGANIZATIONS, "製造業DB.csv"), plant("0191-82-4106"));
  const Result newer = Import(Header(v1::IMPORT_KIND_ORGANIZATIONS, "製造業DB.csv"),
                              plant("0191-82-4107"));
  EXPECT_THAT(newer.outcomes[0].changed_fields(), ElementsAre("sites[花泉工場].phone"));
  EXPECT_EQ(Get(first.outcomes[0].name()).sites(0).phone(), "0191-82-4107");
  // Another source does not replace it.
  const Result other = Import(Header(v1::IMPORT_KIND_ORGANIZATIONS, "商工会議所.csv"),
                              plant("0191-82-4108"));
  EXPECT_EQ(other.outcomes[0].action(), v1::IMPORT_ACTION_LINKED);
  EXPECT_EQ(Get(first.outcomes[0].name()).sites(0).phone(), "0191-82-4107");
}

TEST_F(SessionTest, PlantRowWithManagerAndLabelColumn) {
  const Result first = Import(Members("konwakai/会員名簿"), FirstList());
  v1::ImportRow plant = Row(9, Described("株式会社一関精工", "花泉町涌津字一ノ町25", "0191-82-4106"));
  plant.set_site_label("花泉工場");
  plant.set_site_manager("工場長 千葉 一郎");
  const Result result =
      Import(Header(v1::IMPORT_KIND_ORGANIZATIONS, "製造業DB 2025.csv"), Batch({plant}));
  EXPECT_EQ(result.outcomes[0].name(), first.outcomes[0].name());
  const v1::Organization stored = Get(first.outcomes[0].name());
  ASSERT_THAT(stored.sites(), SizeIs(1));
  EXPECT_EQ(stored.sites(0).manager(), "工場長 千葉 一郎");
  // Again: the site is found, nothing changes.
  const int64_t revision = store_->revision();
  const Result again =
      Import(Header(v1::IMPORT_KIND_ORGANIZATIONS, "製造業DB 2025.csv"), Batch({plant}));
  EXPECT_EQ(again.outcomes[0].action(), v1::IMPORT_ACTION_LINKED)
      << again.outcomes[0].ShortDebugString();
  EXPECT_THAT(again.outcomes[0].evidence(), HasSubstr("事業所の電話一致"));
  EXPECT_EQ(store_->revision(), revision);
}

TEST_F(SessionTest, AmbiguousRowIsNotWrittenAndListsCandidates) {
  const std::string hanaizumi = CreateOrganization(
      Described("有限会社千田製作所", "花泉町金沢字下宿40", "0191-82-2375"));
  v1::Organization tome = Described("有限会社千田製作所", "迫町佐沼字西佐沼150", "0220-22-2375");
  tome.mutable_address()->set_prefecture("宮城県");
  tome.mutable_address()->set_city("登米市");
  const std::string other = CreateOrganization(tome);
  const int64_t revision = store_->revision();
  const Result result = Import(Members("konwakai/会員名簿"), Batch({Member(1, Described("千田製作所"))}));
  ASSERT_THAT(result.outcomes, SizeIs(1));
  const v1::RowOutcome& outcome = result.outcomes[0];
  EXPECT_EQ(outcome.action(), v1::IMPORT_ACTION_AMBIGUOUS);
  EXPECT_EQ(outcome.name(), "");
  EXPECT_EQ(outcome.membership(), "");
  ASSERT_THAT(outcome.candidates(), SizeIs(2));
  EXPECT_THAT(outcome.candidates(),
              Contains(AllOf(Property(&v1::ResolutionCandidate::organization, hanaizumi),
                             Property(&v1::ResolutionCandidate::display_name, "有限会社千田製作所"),
                             Property(&v1::ResolutionCandidate::evidence, HasSubstr("名称一致")))));
  EXPECT_THAT(outcome.candidates(),
              Contains(Property(&v1::ResolutionCandidate::organization, other)));
  EXPECT_EQ(store_->revision(), revision);
  EXPECT_EQ(result.summary.ambiguous(), 1);
}

TEST_F(SessionTest, ReviewDecisionsApply) {
  const std::string hanaizumi = CreateOrganization(
      Described("有限会社千田製作所", "花泉町金沢字下宿40", "0191-82-2375"));
  v1::Organization tome = Described("有限会社千田製作所", "迫町佐沼字西佐沼150", "0220-22-2375");
  tome.mutable_address()->set_city("登米市");
  CreateOrganization(tome);
  v1::ImportHeader header = Members("konwakai/会員名簿");
  v1::ReviewDecision* link = header.add_decisions();
  link->set_row(1);
  link->set_link(hanaizumi);
  header.add_decisions()->set_row(2);
  header.mutable_decisions(1)->set_create(true);
  header.add_decisions()->set_row(3);
  header.mutable_decisions(2)->set_skip(true);
  const Result result = Import(header, Batch({Member(1, Described("千田製作所")),
                                              Member(2, Described("千田製作所")),
                                              Member(3, Described("千田製作所"))}));
  ASSERT_THAT(result.outcomes, SizeIs(3));
  EXPECT_THAT(result.outcomes[0].action(),
              ::testing::AnyOf(v1::IMPORT_ACTION_LINKED, v1::IMPORT_ACTION_UPDATED));
  EXPECT_EQ(result.outcomes[0].name(), hanaizumi);
  EXPECT_THAT(result.outcomes[0].evidence(), HasSubstr("確認結果"));
  EXPECT_EQ(result.outcomes[0].membership(), "networks/1/memberships/1");
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(result.outcomes[1].name(), "organizations/3");
  EXPECT_EQ(result.outcomes[2].action(), v1::IMPORT_ACTION_SKIPPED);
  EXPECT_EQ(result.outcomes[2].name(), "");
  EXPECT_THAT(List<v1::Organization>(Kind::kOrganization), SizeIs(3));
  EXPECT_THAT(List<v1::Membership>(Kind::kMembership), SizeIs(2));
  EXPECT_EQ(result.summary.skipped(), 1);
}

TEST_F(SessionTest, ReviewDecisionLinkingAMissingOrganizationRejectsTheRow) {
  v1::ImportHeader header = Members("konwakai/会員名簿");
  header.add_decisions()->set_row(1);
  header.mutable_decisions(0)->set_link("organizations/77");
  const Result result = Import(header, Batch({Member(1, Described("千田製作所"))}));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_THAT(result.outcomes[0].message(), HasSubstr("organizations/77"));
}

TEST_F(SessionTest, ReviewDecisionMadeForAnotherNameRejectsTheRow) {
  const std::string seiko = CreateOrganization(Described("株式会社一関精工"));
  v1::ImportHeader header = Members("konwakai/会員名簿");
  v1::ReviewDecision* link = header.add_decisions();
  link->set_row(1);
  link->set_link(seiko);
  link->set_written_name("一関精工(株)");
  // The list changed: row 1 is another company now.
  const Result result = Import(header, Batch({Member(1, Described("株式会社北上精密"))}));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_THAT(result.outcomes[0].message(),
              HasSubstr("was made for 「一関精工(株)」 and this row is 「株式会社北上精密」"));
  EXPECT_THAT(Get(seiko).aliases(), IsEmpty());
}

TEST_F(SessionTest, SyncKeepsTheMembershipOfARowTheClientRejected) {
  v1::ImportHeader header = Members("konwakai/会員名簿");
  const Result first = Import(header, FirstList());
  header.set_sync(true);
  v1::ImportBatch list = FirstList();
  // ミヤビ電機's row lost its name; the client sends it as rejected.
  list.mutable_rows(1)->mutable_organization()->set_display_name("");
  list.mutable_rows(1)->set_rejected("name: is empty");
  const Result result = Import(header, list);
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_EQ(result.outcomes[1].message(), "name: is empty");
  EXPECT_FALSE(result.summary.sync_skipped());
  EXPECT_THAT(result.summary.memberships_ended(), IsEmpty());
  EXPECT_FALSE(Get<v1::Membership>(first.outcomes[1].membership()).has_until());
}

TEST_F(SessionTest, DryRunWritesNothingButReportsWhatItWouldDo) {
  Import(Members("konwakai/会員名簿"), FirstList());
  const int64_t revision = store_->revision();
  v1::ImportHeader header = Members("kennan/名簿");
  header.set_dry_run(true);
  // Batch 1 links one and creates one; batch 2 links to the one batch 1 "created".
  const Result result = Import(
      header, {Batch({Member(1, Described("(株)一関精工", "萩荘字高梨南方3-5", "0191-24-1111")),
                      Member(2, Described("株式会社室根ファスナー", "室根町折壁字愛宕下30",
                                          "0191-64-2520"))}),
               Batch({Member(3, Described("室根ファスナー(株)", "室根町折壁字愛宕下30",
                                          "0191-64-2520"))})});
  ASSERT_THAT(result.outcomes, SizeIs(3));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_LINKED);
  EXPECT_EQ(result.outcomes[0].name(), "organizations/1");
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_THAT(result.outcomes[1].name(), StartsWith("new:"));
  EXPECT_EQ(result.outcomes[2].action(), v1::IMPORT_ACTION_LINKED)
      << result.outcomes[2].ShortDebugString();
  EXPECT_EQ(result.outcomes[2].name(), result.outcomes[1].name());
  EXPECT_EQ(store_->revision(), revision);
  EXPECT_THAT(List<v1::Organization>(Kind::kOrganization), SizeIs(3));
  EXPECT_TRUE(result.summary.dry_run());
  EXPECT_EQ(result.summary.created(), 1);
  EXPECT_EQ(result.summary.linked(), 2);
  // 一関精工's membership exists; only 室根ファスナー's would be made, once.
  EXPECT_EQ(result.summary.memberships_created(), 1);
}

TEST_F(SessionTest, SyncEndsMembershipsTheListNoLongerHas) {
  v1::ImportHeader header = Members("konwakai/会員名簿 2025-04.csv");
  header.set_source_list("konwakai/会員名簿");
  const Result first = Import(header, FirstList());
  // Another list of the same network: not touched by this list's sync.
  v1::ImportHeader other = Members("konwakai/賛助会員.csv");
  const Result supporting = Import(
      other, Batch({Member(1, Described("株式会社磐井鉄工所", "山目字前田1", "0191-23-0001"))}));
  v1::ImportHeader next = Members("konwakai/会員名簿 2026-04.csv");
  next.set_source_list("konwakai/会員名簿");
  next.set_sync(true);
  v1::ImportBatch list = FirstList();
  list.mutable_rows()->DeleteSubrange(1, 1);  // ミヤビ電機 left
  const Result result = Import(next, list);
  const std::string miyabi = first.outcomes[1].membership();
  EXPECT_THAT(result.summary.memberships_ended(), ElementsAre(miyabi));
  const v1::Membership ended = Get<v1::Membership>(miyabi);
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::LocalTimeZone());
  EXPECT_EQ(ended.until().year(), today.year());
  EXPECT_EQ(ended.until().month(), today.month());
  EXPECT_EQ(ended.until().day(), today.day());
  EXPECT_FALSE(Get<v1::Membership>(first.outcomes[0].membership()).has_until());
  EXPECT_FALSE(Get<v1::Membership>(supporting.outcomes[0].membership()).has_until());
  EXPECT_THAT(List<v1::Membership>(Kind::kMembership), SizeIs(4));  // ended, not deleted
}

TEST_F(SessionTest, SyncKeepsMembershipsOfAmbiguousRows) {
  v1::ImportHeader header = Members("konwakai/会員名簿");
  const Result first = Import(header, FirstList());
  // Another 千田製作所 makes the row naming it by name alone ambiguous.
  v1::Organization tome = Described("有限会社千田製作所", "迫町佐沼字西佐沼150", "0220-22-2375");
  tome.mutable_address()->set_city("登米市");
  CreateOrganization(tome);
  header.set_sync(true);
  v1::ImportBatch list = FirstList();
  *list.mutable_rows(2)->mutable_organization() = Described("千田製作所");
  const Result result = Import(header, list);
  EXPECT_EQ(result.outcomes[2].action(), v1::IMPORT_ACTION_AMBIGUOUS);
  EXPECT_THAT(result.summary.memberships_ended(), IsEmpty());
  EXPECT_FALSE(Get<v1::Membership>(first.outcomes[2].membership()).has_until());
}

TEST_F(SessionTest, SyncEndsNothingWhenARowWasRejected) {
  v1::ImportHeader header = Members("konwakai/会員名簿");
  const Result first = Import(header, FirstList());
  header.set_sync(true);
  v1::ImportBatch list = FirstList();
  list.mutable_rows()->DeleteSubrange(1, 1);  // ミヤビ電機 left, or is it the bad row?
  *list.add_rows() = Member(9, Described(""));
  const Result result = Import(header, list);
  EXPECT_EQ(result.summary.rejected(), 1);
  EXPECT_TRUE(result.summary.sync_skipped());
  EXPECT_THAT(result.summary.memberships_ended(), IsEmpty());
  EXPECT_FALSE(Get<v1::Membership>(first.outcomes[1].membership()).has_until());
}

TEST_F(SessionTest, SyncKeepsTheMembershipOfARowAPersonSkipped) {
  v1::ImportHeader header = Members("konwakai/会員名簿");
  const Result first = Import(header, FirstList());
  header.set_sync(true);
  v1::ReviewDecision* skip = header.add_decisions();
  skip->set_row(FirstList().rows(1).row());
  skip->set_skip(true);
  const Result result = Import(header, FirstList());
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_SKIPPED);
  EXPECT_THAT(result.summary.memberships_ended(), IsEmpty());
  EXPECT_FALSE(Get<v1::Membership>(first.outcomes[1].membership()).has_until());
}

TEST_F(SessionTest, InvalidRowsAreRejectedAndTheOthersWritten) {
  v1::ImportRow no_name = Member(2, Described("", "萩荘字高梨南方3番地5"));
  v1::ImportRow bad_number = Member(3, Described("株式会社磐井鉄工所"));
  bad_number.mutable_organization()->set_corporate_number("1234567890123");
  v1::ImportRow bad_row = Member(0, Described("株式会社厳美電子"));
  const Result result = Import(
      Members("konwakai/会員名簿"),
      Batch({Member(1, Described("株式会社一関精工")), no_name, bad_number, bad_row}));
  ASSERT_THAT(result.outcomes, SizeIs(4));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_EQ(result.outcomes[1].message(), "organization.display_name: is required");
  EXPECT_EQ(result.outcomes[2].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_THAT(result.outcomes[2].message(), StartsWith("organization.corporate_number: "));
  EXPECT_EQ(result.outcomes[3].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_THAT(result.outcomes[3].message(), StartsWith("row: "));
  EXPECT_THAT(List<v1::Organization>(Kind::kOrganization), SizeIs(1));
  EXPECT_EQ(result.summary.rejected(), 3);
  EXPECT_EQ(result.summary.created(), 1);
}

TEST_F(SessionTest, OneBatchIsOneWrite) {
  const int64_t before = store_->revision();
  const Result result = Import(Members("konwakai/会員名簿"),
                               {FirstList(), Batch({Member(4, Described("株式会社厳美電子",
                                                                        "厳美町字下り松60-1"))})});
  ASSERT_THAT(result.revisions, SizeIs(2));
  const std::vector<v1::Change> changes = ChangesAfter(before);
  // Batch 1: three organizations and three memberships; batch 2: one of each.
  ASSERT_THAT(changes, SizeIs(8));
  for (size_t i = 0; i < changes.size(); ++i) {
    EXPECT_EQ(changes[i].revision(), before + 1 + static_cast<int64_t>(i));
  }
  EXPECT_EQ(result.revisions[0], before + 6);
  EXPECT_EQ(result.revisions[1], before + 8);
  // One commit time per batch.
  for (size_t i = 1; i < 6; ++i) {
    EXPECT_EQ(changes[i].commit_time().SerializeAsString(),
              changes[0].commit_time().SerializeAsString());
  }
  EXPECT_EQ(changes[7].commit_time().SerializeAsString(),
            changes[6].commit_time().SerializeAsString());
}

TEST_F(SessionTest, BatchThatCannotBeWrittenWritesNothingOfIt) {
  const std::string owner = CreateOrganization(Described("株式会社一関精工"));
  const int64_t revision = store_->revision();
  absl::StatusOr<std::unique_ptr<Session>> session =
      Session::Start(store_.get(), reader_, Header(v1::IMPORT_KIND_SEEDS, "seeds.csv"));
  ASSERT_OK(session);
  v1::ImportRow good;
  good.set_row(1);
  good.mutable_seed()->set_institution(owner);
  good.mutable_seed()->set_title("高精度切削技術");
  v1::ImportRow dangling = good;
  dangling.set_row(2);
  dangling.mutable_seed()->set_institution("organizations/999");  // does not exist
  dangling.mutable_seed()->set_title("別の技術");
  v1::ImportResponse response;
  const absl::Status status = (*session)->Apply(Batch({good, dangling}), &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
  EXPECT_THAT(std::string(status.message()), HasSubstr("row 1"));
  EXPECT_EQ(store_->revision(), revision);
  EXPECT_THAT(List<v1::Seed>(Kind::kSeed), IsEmpty());
}

TEST_F(SessionTest, ApplyAppendsToTheResponseAndCountsEachRowOnce) {
  absl::StatusOr<std::unique_ptr<Session>> session =
      Session::Start(store_.get(), reader_, Members("konwakai/会員名簿"));
  ASSERT_OK(session);
  v1::ImportResponse response;
  ASSERT_OK((*session)->Apply(Batch({Member(1, Described("株式会社一関精工"))}), &response));
  ASSERT_OK((*session)->Apply(Batch({Member(2, Described("株式会社ミヤビ電機"))}), &response));
  EXPECT_THAT(response.outcomes(), SizeIs(2));
  EXPECT_EQ((*session)->summary().rows(), 2);
  EXPECT_EQ((*session)->summary().created(), 2);
}

TEST_F(SessionTest, MembershipOfAnOrganizationHeldBefore) {
  const std::string seiko = CreateOrganization(
      Described("株式会社一関精工", "萩荘字高梨南方3番地5", "0191-24-1111"));
  const Result result = Import(
      Members("konwakai/会員名簿"),
      Batch({Member(1, Described("㈱一関精工", "萩荘字高梨南方3-5", "0191-24-1111"), "7")}));
  ASSERT_THAT(result.outcomes, SizeIs(1));
  EXPECT_EQ(result.outcomes[0].name(), seiko);
  EXPECT_EQ(result.outcomes[0].membership(), "networks/1/memberships/1");
  EXPECT_EQ(Membership(seiko).external_ids(0).value(), "7");
  EXPECT_EQ(result.summary.memberships_created(), 1);
}

TEST_F(SessionTest, RecordsNameTheirOwnerByName) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  const std::string seiko = orgs.outcomes[0].name();
  v1::ImportRow seed;
  seed.set_row(1);
  *seed.mutable_organization() = Described("(株)一関精工", "萩荘字高梨南方3-5", "0191-24-1111");
  seed.mutable_seed()->set_title("高精度切削技術");
  seed.mutable_seed()->set_summary("微細加工");
  v1::ExternalId* id = seed.mutable_seed()->add_external_ids();
  id->set_source("kennan/seed-no");
  id->set_value("S-1");
  v1::ImportRow unknown = seed;
  unknown.set_row(2);
  *unknown.mutable_organization() = Described("株式会社どこにもない商事");
  unknown.mutable_seed()->set_title("別の技術");
  unknown.mutable_seed()->mutable_external_ids(0)->set_value("S-2");
  const Result result =
      Import(Header(v1::IMPORT_KIND_SEEDS, "kennan/seeds.csv"), Batch({seed, unknown}));
  ASSERT_THAT(result.outcomes, SizeIs(2));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_THAT(result.outcomes[0].name(), StartsWith("seeds/"));
  const v1::Seed stored = Get<v1::Seed>(result.outcomes[0].name());
  EXPECT_EQ(stored.institution(), seiko);
  EXPECT_EQ(stored.field_sources().at("title").source(), "kennan/seeds.csv");
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_THAT(result.outcomes[1].message(), StartsWith("seed.institution: "));
  EXPECT_THAT(result.outcomes[1].message(), HasSubstr("どこにもない商事"));
  EXPECT_THAT(result.outcomes[1].message(), HasSubstr("not in the database"));

  // Again, with a new summary: the external id finds the seed.
  seed.mutable_seed()->set_summary("微細加工と鏡面仕上げ");
  const Result again = Import(Header(v1::IMPORT_KIND_SEEDS, "kennan/seeds.csv"), Batch({seed}));
  EXPECT_EQ(again.outcomes[0].action(), v1::IMPORT_ACTION_UPDATED);
  EXPECT_EQ(again.outcomes[0].name(), result.outcomes[0].name());
  EXPECT_THAT(again.outcomes[0].changed_fields(), ElementsAre("summary"));
  EXPECT_THAT(List<v1::Seed>(Kind::kSeed), SizeIs(1));
  EXPECT_EQ(Get<v1::Seed>(result.outcomes[0].name()).summary(), "微細加工と鏡面仕上げ");
}

TEST_F(SessionTest, RecordsWithoutExternalIdMatchByOwnerAndTitle) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  v1::ImportRow need;
  need.set_row(1);
  *need.mutable_organization() = Described("株式会社ミヤビ電機", "赤荻字雲南48-1", "0191-25-4410");
  need.mutable_need()->set_title("制御盤の省配線化");
  need.mutable_need()->set_body("配線工数を半分に");
  const Result first = Import(Header(v1::IMPORT_KIND_NEEDS, "needs.csv"), Batch({need}));
  ASSERT_EQ(first.outcomes[0].action(), v1::IMPORT_ACTION_CREATED)
      << first.outcomes[0].ShortDebugString();
  EXPECT_EQ(Get<v1::Need>(first.outcomes[0].name()).company(), orgs.outcomes[1].name());
  const int64_t revision = store_->revision();
  const Result again = Import(Header(v1::IMPORT_KIND_NEEDS, "needs.csv"), Batch({need}));
  EXPECT_EQ(again.outcomes[0].action(), v1::IMPORT_ACTION_LINKED)
      << again.outcomes[0].ShortDebugString();
  EXPECT_EQ(again.outcomes[0].name(), first.outcomes[0].name());
  EXPECT_THAT(List<v1::Need>(Kind::kNeed), SizeIs(1));
  EXPECT_EQ(store_->revision(), revision);
}

TEST_F(SessionTest, RecordRepeatedInOneBatchKeepsTheFirstRow) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  v1::ImportRow person;
  person.set_row(1);
  *person.mutable_organization() = Described("株式会社一関精工", "萩荘字高梨南方3番地5");
  person.mutable_person()->set_role(v1::PERSON_ROLE_CONTACT);
  person.mutable_person()->set_display_name("佐藤 俊介");
  person.mutable_person()->set_title("代表取締役");
  v1::ImportRow repeated = person;
  repeated.set_row(2);
  repeated.mutable_person()->set_title("社長");
  repeated.mutable_person()->set_department("総務部");
  const Result result =
      Import(Header(v1::IMPORT_KIND_PEOPLE, "people.csv"), Batch({person, repeated}));
  ASSERT_THAT(result.outcomes, SizeIs(2));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(result.outcomes[1].name(), result.outcomes[0].name());
  const v1::Person stored = Get<v1::Person>(result.outcomes[0].name());
  EXPECT_EQ(stored.organization(), orgs.outcomes[0].name());
  EXPECT_EQ(stored.title(), "代表取締役");
  EXPECT_EQ(stored.department(), "総務部");  // what the first row lacked
  EXPECT_THAT(List<v1::Person>(Kind::kPerson), SizeIs(1));
}

// Row 1 of a seed catalogue: seed S-1 of `institution`.
v1::ImportRow SeedRow(const std::string& institution) {
  v1::ImportRow row;
  row.set_row(1);
  row.mutable_seed()->set_institution(institution);
  row.mutable_seed()->set_title("高精度切削技術");
  v1::ExternalId* id = row.mutable_seed()->add_external_ids();
  id->set_source("kennan/seed-no");
  id->set_value("S-1");
  return row;
}

TEST_F(SessionTest, RowsOfOneExternalIdInOneBatchMakeOneRecord) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  const v1::ImportRow seed = SeedRow(orgs.outcomes[0].name());
  v1::ImportRow retitled = seed;
  retitled.set_row(2);
  retitled.mutable_seed()->set_title("高精度切削技術(改)");
  const Result result =
      Import(Header(v1::IMPORT_KIND_SEEDS, "kennan/seeds.csv"), Batch({seed, retitled}));
  ASSERT_THAT(result.outcomes, SizeIs(2));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(result.outcomes[1].name(), result.outcomes[0].name());
  EXPECT_THAT(List<v1::Seed>(Kind::kSeed), SizeIs(1));
  EXPECT_EQ(Get<v1::Seed>(result.outcomes[0].name()).title(), "高精度切削技術");
}

TEST_F(SessionTest, DryRunOfRecordsFindsARecordOfAnEarlierBatch) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  const v1::ImportRow seed = SeedRow(orgs.outcomes[0].name());
  v1::ImportRow again = seed;
  again.set_row(2);
  again.mutable_seed()->set_summary("難削材の高能率加工");
  v1::ImportHeader header = Header(v1::IMPORT_KIND_SEEDS, "kennan/seeds.csv");
  header.set_dry_run(true);
  const int64_t revision = store_->revision();
  const Result result = Import(header, {Batch({seed}), Batch({again})});
  ASSERT_THAT(result.outcomes, SizeIs(2));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(result.outcomes[0].name(), "new:1");
  // As a real run: the second batch's row updates the record the first made.
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_UPDATED)
      << result.outcomes[1].ShortDebugString();
  EXPECT_EQ(result.outcomes[1].name(), "new:1");
  EXPECT_THAT(result.outcomes[1].changed_fields(), ElementsAre("summary"));
  EXPECT_EQ(result.summary.created(), 1);
  EXPECT_EQ(result.summary.updated(), 1);
  EXPECT_EQ(store_->revision(), revision);
  EXPECT_THAT(List<v1::Seed>(Kind::kSeed), IsEmpty());
}

TEST_F(SessionTest, DryRunNumbersTheRecordsItWouldCreate) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  const Result held = Import(Header(v1::IMPORT_KIND_SEEDS, "kennan/seeds.csv"),
                             Batch({SeedRow(orgs.outcomes[0].name())}));
  ASSERT_EQ(held.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  // A batch that changes the held seed, then batches of two new ones.
  v1::ImportRow changed = SeedRow(orgs.outcomes[0].name());
  changed.mutable_seed()->set_summary("難削材の高能率加工");
  v1::ImportRow first = SeedRow(orgs.outcomes[0].name());
  first.set_row(2);
  first.mutable_seed()->mutable_external_ids(0)->set_value("S-2");
  first.mutable_seed()->set_title("難削材の穴あけ");
  v1::ImportRow second = first;
  second.set_row(3);
  second.mutable_seed()->mutable_external_ids(0)->set_value("S-3");
  second.mutable_seed()->set_title("微細穴の放電加工");
  v1::ImportHeader header = Header(v1::IMPORT_KIND_SEEDS, "kennan/seeds.csv");
  header.set_dry_run(true);
  const Result result = Import(header, {Batch({changed}), Batch({first}), Batch({second})});
  ASSERT_THAT(result.outcomes, SizeIs(3));
  EXPECT_EQ(result.outcomes[0].name(), held.outcomes[0].name());
  EXPECT_EQ(result.outcomes[1].name(), "new:1");
  EXPECT_EQ(result.outcomes[2].name(), "new:2");
}

TEST_F(SessionTest, RowsMergedIntoOneRecordAreDerivedAndCheckedTogether) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  v1::ImportRow row;
  row.set_row(1);
  v1::Collaboration* c = row.mutable_collaboration();
  c->set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  c->set_title("難削材の切削条件最適化");
  *c->mutable_start_date() = Date(2025, 6, 1);
  c->add_participants()->set_organization(orgs.outcomes[0].name());
  v1::ExternalId* id = c->add_external_ids();
  id->set_source("kennan/contract-no");
  id->set_value("R7-012");
  // Valid alone, but its end is before the start the first row gave (the
  // first row's values win).
  v1::ImportRow backwards = row;
  backwards.set_row(2);
  backwards.mutable_collaboration()->set_summary("三年目");
  *backwards.mutable_collaboration()->mutable_start_date() = Date(2023, 4, 1);
  *backwards.mutable_collaboration()->mutable_end_date() = Date(2024, 3, 31);
  v1::ImportRow ends = row;  // the same contract, now with its end
  ends.set_row(3);
  *ends.mutable_collaboration()->mutable_end_date() = Date(2027, 3, 31);
  const Result result = Import(Header(v1::IMPORT_KIND_COLLABORATIONS, "collab.csv"),
                               Batch({row, backwards, ends}));
  ASSERT_THAT(result.outcomes, SizeIs(3));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_REJECTED);
  EXPECT_THAT(result.outcomes[1].message(),
              AllOf(HasSubstr("collaboration.end_date"), HasSubstr("earlier row")));
  EXPECT_EQ(result.outcomes[2].action(), v1::IMPORT_ACTION_UPDATED);
  EXPECT_EQ(result.outcomes[2].name(), result.outcomes[0].name());
  const v1::Collaboration stored = Get<v1::Collaboration>(result.outcomes[0].name());
  EXPECT_EQ(stored.end_date().year(), 2027);
  EXPECT_THAT(stored.fiscal_years(), ElementsAre(2025, 2026));  // derived from both rows
  EXPECT_EQ(stored.summary(), "");  // the rejected row changed nothing
}

TEST_F(SessionTest, CollaborationParticipantsNamedByName) {
  const Result orgs = Import(Members("konwakai/会員名簿"), FirstList());
  v1::ImportRow row;
  row.set_row(1);
  v1::Collaboration* c = row.mutable_collaboration();
  c->set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  c->set_title("制御盤の共同開発");
  *c->mutable_start_date() = Date(2025, 4, 1);
  c->add_participants()->set_role(v1::PARTICIPANT_ROLE_LEAD);
  c->add_participants()->set_role(v1::PARTICIPANT_ROLE_PARTNER);
  *row.add_participant_organizations() = Described("ミヤビ電機", "赤荻字雲南48-1", "0191-25-4410");
  *row.add_participant_organizations() =
      Described("一関精工(株)", "萩荘字高梨南方3-5", "0191-24-1111");
  const Result result = Import(Header(v1::IMPORT_KIND_COLLABORATIONS, "collab.csv"), Batch({row}));
  ASSERT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_CREATED)
      << result.outcomes[0].ShortDebugString();
  const v1::Collaboration stored = Get<v1::Collaboration>(result.outcomes[0].name());
  ASSERT_THAT(stored.participants(), SizeIs(2));
  EXPECT_EQ(stored.participants(0).organization(), orgs.outcomes[1].name());
  EXPECT_EQ(stored.participants(1).organization(), orgs.outcomes[0].name());
}

TEST_F(SessionTest, CorporateRegistryUpdatesHeldOrganizationByNumber) {
  v1::Organization held = Described("株式会社一関精工", "萩荘字高梨南方3番地5", "0191-24-1111");
  held.set_corporate_number(kNumberA);
  const std::string seiko = CreateOrganization(held);
  v1::Organization official = Described("株式会社イチセキ精密", "萩荘字高梨南方3-5");
  official.set_corporate_number(kNumberA);
  official.set_kana("イチセキセイミツ");
  v1::Organization unknown = Described("株式会社磐井鉄工所", "山目字前田1");
  unknown.set_corporate_number(kNumberB);
  const Result result = Import(Header(v1::IMPORT_KIND_CORPORATE_REGISTRY, "nta/03_iwate.csv"),
                               Batch({Row(1, official), Row(2, unknown)}));
  ASSERT_THAT(result.outcomes, SizeIs(2));
  EXPECT_EQ(result.outcomes[0].action(), v1::IMPORT_ACTION_UPDATED);
  EXPECT_EQ(result.outcomes[0].name(), seiko);
  EXPECT_EQ(result.outcomes[0].evidence(), "法人番号一致");
  EXPECT_EQ(result.outcomes[1].action(), v1::IMPORT_ACTION_UNMATCHED);
  EXPECT_EQ(result.outcomes[1].name(), "");
  const v1::Organization stored = Get(seiko);
  EXPECT_EQ(stored.display_name(), "株式会社イチセキ精密");
  EXPECT_THAT(stored.former_names(), ElementsAre("株式会社一関精工"));
  EXPECT_EQ(stored.kana(), "イチセキセイミツ");
  EXPECT_EQ(stored.address().street(), "萩荘字高梨南方3-5");
  EXPECT_EQ(stored.field_sources().at("display_name").source(), "nta/03_iwate.csv");
  EXPECT_EQ(stored.contact().phone(), "0191-24-1111");
  EXPECT_THAT(List<v1::Organization>(Kind::kOrganization), SizeIs(1));
  EXPECT_EQ(result.summary.unmatched(), 1);
}

TEST_F(SessionTest, BadHeadersNameTheirField) {
  auto start = [&](const v1::ImportHeader& header) {
    return Session::Start(store_.get(), reader_, header).status();
  };
  v1::ImportHeader header = Members("list.csv");
  header.set_kind(v1::IMPORT_KIND_UNSPECIFIED);
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.kind"));
  header = Members("");
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.source"));
  header = Members("list.csv");
  header.clear_network();
  EXPECT_EQ(start(header).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.network"));
  header.set_network("networks/9");
  EXPECT_EQ(start(header).code(), absl::StatusCode::kNotFound);
  header = Header(v1::IMPORT_KIND_SEEDS, "seeds.csv");
  header.set_sync(true);
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.sync"));
  header = Members("list.csv");
  header.set_source_list(std::string(301, 'x'));
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.source_list"));
  header = Members("list.csv");
  header.set_link_threshold(1.5);
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.link_threshold"));
  header = Members("list.csv");
  header.set_create_threshold(0.9);  // above the default link threshold
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.create_threshold"));
  header = Members("list.csv");
  header.add_decisions()->set_row(3);
  EXPECT_THAT(std::string(start(header).message()), StartsWith("header.decisions[0]"));
}

}  // namespace
}  // namespace renkei::ingest
