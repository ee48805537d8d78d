#include "server/resolve/resolver.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "renkei/v1/organization.pb.h"
#include "server/resolve/names.h"
#include "server/resolve/profile.h"
#include "server/resolve/reading.h"
#include "tests/test_util.h"

namespace renkei::resolve {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Not;

// Valid 法人番号 (check digit in front).
constexpr char kNumberA[] = "8402501002617";
constexpr char kNumberB[] = "9402501003184";

v1::Organization Org(const std::string& name, const std::string& city, const std::string& street,
                     const std::string& phone, const std::string& representative = "") {
  v1::Organization o;
  o.set_display_name(name);
  if (!city.empty()) {
    o.mutable_address()->set_prefecture("岩手県");
    o.mutable_address()->set_city(city);
  }
  o.mutable_address()->set_street(street);
  o.mutable_contact()->set_phone(phone);
  o.set_representative(representative);
  return o;
}

class ResolverTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<Reader>> reader = Reader::Create();
    ASSERT_OK(reader);
    reader_ = reader->release();
  }
  static void TearDownTestSuite() {
    delete reader_;
    reader_ = nullptr;
  }

  void Hold(uint64_t id, const v1::Organization& organization) {
    resolver_->Add(id, ProfileOf(organization, reader_));
  }

  // Resolves a row as the import does: the site label read out of the name.
  Decision Resolve(const v1::Organization& row, const std::string& site_hint = "",
                   const std::string& site_manager = "") {
    const NameParts parts = SplitSite(row.display_name(), site_hint);
    v1::Organization company = row;
    company.set_display_name(parts.company);
    site_label_ = parts.site_label;
    return resolver_->Resolve(ProfileOf(company, reader_, parts.site_label, site_manager));
  }

  static Reader* reader_;
  std::unique_ptr<Resolver> resolver_ = std::make_unique<Resolver>(Resolver::Options{});
  std::string site_label_;
};

Reader* ResolverTest::reader_ = nullptr;

// The 株式会社一関精工 every habit below must find.
class IchinosekiSeikoTest : public ResolverTest {
 protected:
  void SetUp() override {
    Hold(1, Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111", "佐藤 俊介"));
    Hold(2, Org("株式会社一関精機", "一関市", "山目字前田33-1", "0191-23-9014", "千葉 和也"));
    Hold(3, Org("株式会社ミヤビ電機", "一関市", "赤荻字雲南48-1", "0191-25-4410", "岩渕 昭夫"));
    Hold(4, Org("株式会社ミヤビ電機サービス", "一関市", "赤荻字雲南48-1", "0191-25-4411",
                "岩渕 拓也"));
    Hold(5, Org("ＡＢＣ電機株式会社", "一関市", "真柴字中田62", "0191-26-1180"));
    Hold(6, Org("株式会社髙田鉄工", "一関市", "狐禅寺字石の瀬88-4", "0191-21-3590", "髙田 健二"));
    Hold(7, Org("有限会社齋藤塗装工業", "一関市", "滝沢字下沖14-2", "0191-25-7731"));
    v1::Organization opt = Org("株式会社千厩オプト", "一関市", "千厩町千厩字石堂18-2", "0191-52-3360");
    opt.mutable_address()->set_district("千厩");
    Hold(8, opt);
    Hold(9, Org("有限会社千田製作所", "一関市", "花泉町金沢字下宿40", "0191-82-2375", "千田 幸一"));
  }

  void ExpectLinks(const Decision& decision, uint64_t id, const std::string& what) {
    EXPECT_EQ(decision.action, Decision::Action::kLink) << what << ": " << decision.evidence;
    EXPECT_EQ(decision.id, id) << what;
    EXPECT_GE(decision.score, 0.85) << what;
  }
};

TEST_F(IchinosekiSeikoTest, LegalFormSpellingsLinkToOneOrganization) {
  for (const char* name : {"株式会社一関精工", "(株)一関精工", "㈱一関精工", "一関精工(株)",
                           "一関精工株式会社", "株式会社 一関精工"}) {
    const Decision d = Resolve(Org(name, "一関市", "萩荘高梨南方3-5", "0191-24-1111"));
    ExpectLinks(d, 1, name);
    EXPECT_THAT(d.evidence, HasSubstr("名称一致(一関精工)")) << name;
    EXPECT_THAT(d.evidence, HasSubstr("住所一致")) << name;
    EXPECT_THAT(d.evidence, HasSubstr("電話一致")) << name;
  }
}

TEST_F(IchinosekiSeikoTest, HalfWidthKanaLinksByReading) {
  const Decision d = Resolve(Org("ｲﾁﾉｾｷｾｲｺｳ", "一関市", "萩荘字高梨南方3-5", "0191-24-1111"));
  ExpectLinks(d, 1, "kana");
  EXPECT_THAT(d.evidence, HasSubstr("読み一致"));
}

TEST_F(IchinosekiSeikoTest, KanaLegalFormLinksByReading) {
  const Decision d =
      Resolve(Org("ｲﾁﾉｾｷｾｲｺｳ ｶﾌﾞｼｷｶﾞｲｼｬ", "一関市", "萩荘字高梨南方3-5", "24-1111"));
  ExpectLinks(d, 1, "kana with legal form");
  EXPECT_THAT(d.evidence, HasSubstr("読み一致"));
  EXPECT_THAT(d.evidence, HasSubstr("電話一致(市外局番なし)"));
}

TEST_F(IchinosekiSeikoTest, VariantKanjiLink) {
  Decision d = Resolve(Org("高田鉄工株式会社", "一関市", "狐禅寺字石の瀬88-4", "0191-21-3590"));
  ExpectLinks(d, 6, "髙/高");
  EXPECT_THAT(d.evidence, HasSubstr("名称一致(高田鉄工)"));
  d = Resolve(Org("斎藤塗装工業", "一関市", "滝沢字下沖14-2", ""));
  ExpectLinks(d, 7, "齋/斎");
}

TEST_F(IchinosekiSeikoTest, LatinLettersAndTheirKanaLink) {
  Decision d = Resolve(Org("ABC電機(株)", "一関市", "真柴字中田62", "0191-26-1180"));
  ExpectLinks(d, 5, "half width");
  EXPECT_THAT(d.evidence, HasSubstr("名称一致(abc電機)"));
  d = Resolve(Org("エービーシー電機株式会社", "一関市", "真柴字中田62", "0191-26-1180"));
  ExpectLinks(d, 5, "kana");
  EXPECT_THAT(d.evidence, HasSubstr("読み一致"));
}

// An exporter that cannot write 髙 or 𠮷 writes `?`; ㈱ may go the same way.
TEST_F(IchinosekiSeikoTest, NamesWithCharactersAnExportLostLink) {
  Decision d = Resolve(Org("株式会社?田鉄工", "一関市", "狐禅寺字石の瀬88-4", "0191-21-3590"));
  ExpectLinks(d, 6, "?田鉄工");
  EXPECT_THAT(d.evidence, HasSubstr("文字化けを除く"));
  d = Resolve(Org("?齋藤塗装工業", "一関市", "滝沢字下沖14-2", "0191-25-7731"));
  ExpectLinks(d, 7, "㈱ lost");
  // Two characters known for each one lost, at least.
  d = Resolve(Org("株式会社??鉄工", "一関市", "狐禅寺字石の瀬88-4", "0191-21-3590"));
  EXPECT_THAT(d.evidence, Not(HasSubstr("文字化けを除く")));
}

TEST_F(IchinosekiSeikoTest, AddressWithAndWithoutPrefectureAgree) {
  v1::Organization row = Org("一関精工", "一関市", "萩荘字高梨南方3番地5", "");
  row.mutable_address()->clear_prefecture();
  const Decision d = Resolve(row);
  ExpectLinks(d, 1, "no prefecture");
  EXPECT_THAT(d.evidence, HasSubstr("住所一致"));
}

TEST_F(IchinosekiSeikoTest, PreMergerAddressAgreesWithTodays) {
  // Written before 2005, when 千厩町 was a town of 東磐井郡.
  v1::Organization row = Org("千厩オプト", "", "千厩字石堂18-2", "");
  row.mutable_address()->set_city("東磐井郡千厩町");
  Decision d = Resolve(row);
  ExpectLinks(d, 8, "東磐井郡千厩町");
  EXPECT_THAT(d.evidence, HasSubstr("住所一致"));
  EXPECT_THAT(d.evidence, Not(HasSubstr("市町村が異なる")));
  row.mutable_address()->set_city("千厩町");
  d = Resolve(row);
  ExpectLinks(d, 8, "千厩町");
  EXPECT_THAT(d.evidence, HasSubstr("住所一致"));
}

TEST_F(IchinosekiSeikoTest, LookalikeNameDoesNotLink) {
  const Decision d = Resolve(Org("株式会社一関精機", "一関市", "萩荘字竹際55-2", "0191-24-6161"));
  EXPECT_NE(d.action, Decision::Action::kLink) << d.evidence;
  EXPECT_THAT(d.candidates,
              Contains(AllOf(Field(&Scored::id, 1u),
                             Field(&Scored::evidence, HasSubstr("名称が似て非なる")))));
  // And the 一関精機 held links to itself only.
  const Decision own = Resolve(Org("一関精機(株)", "一関市", "山目字前田33-1", "0191-23-9014"));
  ExpectLinks(own, 2, "一関精機");
}

TEST_F(IchinosekiSeikoTest, SameNameInAnotherTownDoesNotLink) {
  const Decision d = Resolve(
      Org("有限会社千田製作所", "登米市", "迫町佐沼字西佐沼150", "0220-22-2375", "千田 憲治"));
  EXPECT_NE(d.action, Decision::Action::kLink) << d.evidence;
  EXPECT_THAT(d.evidence, HasSubstr("名称一致(千田製作所)"));
  EXPECT_THAT(d.evidence, HasSubstr("市町村が異なる"));
  EXPECT_THAT(d.evidence, HasSubstr("電話が異なる"));
}

TEST_F(IchinosekiSeikoTest, SubsidiaryAtTheParentsAddressDoesNotLink) {
  Decision d = Resolve(
      Org("株式会社ミヤビ電機サービス", "一関市", "赤荻字雲南48-1", "0191-25-4411"));
  ExpectLinks(d, 4, "subsidiary");
  d = Resolve(Org("ミヤビ電機(株)", "一関市", "赤荻字雲南48-1", "0191-25-4410"));
  ExpectLinks(d, 3, "parent");
  EXPECT_THAT(d.candidates, Contains(AllOf(Field(&Scored::id, 4u),
                                           Field(&Scored::evidence, HasSubstr("名称が別会社の形")))));
}

TEST_F(IchinosekiSeikoTest, NewSubsidiaryIsCreatedNotLinkedToItsParent) {
  const Decision d = Resolve(
      Org("株式会社一関精工販売", "一関市", "萩荘字高梨南方3番地5", "0191-24-1112"));
  EXPECT_EQ(d.action, Decision::Action::kCreate) << d.evidence;
  EXPECT_THAT(d.evidence, HasSubstr("名称が別会社の形"));
}

TEST_F(IchinosekiSeikoTest, PlantRowLinksToTheCompanyWithItsLabel) {
  const Decision d = Resolve(
      Org("株式会社一関精工 花泉工場", "一関市", "花泉町涌津字一ノ町25", "0191-82-4106"));
  ExpectLinks(d, 1, "plant");
  EXPECT_EQ(site_label_, "花泉工場");
  EXPECT_THAT(d.evidence, HasSubstr("名称一致(一関精工)"));
}

TEST_F(IchinosekiSeikoTest, PlantRowComparedWithTheSiteHeld) {
  v1::Organization held = Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111");
  v1::Site* site = held.add_sites();
  site->set_display_name("花泉工場");
  site->mutable_address()->set_city("一関市");
  site->mutable_address()->set_street("花泉町涌津字一ノ町25");
  site->set_phone("0191-82-4106");
  site->set_manager("千葉 一郎");
  Hold(1, held);
  const Decision d =
      Resolve(Org("一関精工(株)花泉工場", "一関市", "花泉町涌津字一ノ町25", "0191-82-4106"), "",
              "工場長 千葉 一郎");
  ExpectLinks(d, 1, "plant held");
  EXPECT_THAT(d.evidence, HasSubstr("事業所の住所一致"));
  EXPECT_THAT(d.evidence, HasSubstr("事業所の電話一致"));
  EXPECT_THAT(d.evidence, HasSubstr("事業所長一致"));
}

// 一関計器 renamed アイテックス一関: an older list still has the old name at
// the same address with the same phone. Not created silently; a person
// decides (it may be another company at that address).
TEST_F(ResolverTest, AnotherNameAtTheSameAddressAndPhoneGoesToAPerson) {
  Hold(1, Org("株式会社アイテックス一関", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111", "佐藤 俊介"));
  const Decision d =
      Resolve(Org("一関計器株式会社", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111", "佐藤 一郎"));
  EXPECT_EQ(d.action, Decision::Action::kAmbiguous) << d.evidence;
  EXPECT_THAT(d.evidence, HasSubstr("名称不一致"));
  EXPECT_THAT(d.evidence, HasSubstr("社名変更か同じ所在地の別会社"));
}

TEST_F(ResolverTest, AnotherNameAtTheSameAddressWithAnotherPhoneIsCreated) {
  Hold(1, Org("株式会社アイテックス一関", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111"));
  const Decision d = Resolve(Org("一関計器株式会社", "一関市", "萩荘字高梨南方3番地5", "0191-24-2222"));
  EXPECT_EQ(d.action, Decision::Action::kCreate) << d.evidence;
}

// 一関精工 renamed イチセキ, at the same address: the number links it, whatever
// the name. (With nothing else in common it would not:
// EqualCorporateNumberWithNothingElseInCommonGoesToAPerson.)
TEST_F(ResolverTest, EqualCorporateNumberLinksARenamedCompanyWhereItsAddressAgrees) {
  v1::Organization held = Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111");
  held.set_corporate_number(kNumberA);
  Hold(1, held);
  Hold(2, Org("株式会社イチセキ", "奥州市", "水沢東大通り2-4-9", "0197-24-3516"));
  v1::Organization row = Org("株式会社イチセキ", "一関市", "萩荘字高梨南方3番地5", "0191-24-2000");
  row.set_corporate_number(kNumberA);
  const Decision d = Resolve(row);
  EXPECT_EQ(d.action, Decision::Action::kLink) << d.evidence;
  EXPECT_EQ(d.id, 1u);
  EXPECT_EQ(d.score, 1.0);
  EXPECT_EQ(d.evidence, "法人番号一致");
}

TEST_F(ResolverTest, DifferentCorporateNumbersWithLittleElseInCommonCreate) {
  v1::Organization held = Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111",
                              "佐藤 俊介");
  held.set_corporate_number(kNumberA);
  Hold(1, held);
  // The same name in another town, another phone.
  v1::Organization row = Org("株式会社一関精工", "奥州市", "水沢東大通り2-4-9", "0197-24-3516");
  row.set_corporate_number(kNumberB);
  const Decision d = Resolve(row);
  EXPECT_EQ(d.action, Decision::Action::kCreate) << d.evidence;
  EXPECT_EQ(d.evidence, "法人番号が異なる");
}

// The row names ミヤビ電機サービス, held without a number, but carries the
// number ミヤビ電機 holds: linking to the subsidiary would give it its
// parent's number. A person decides.
TEST_F(ResolverTest, ANumberHeldByAnotherCompanyKeepsTheRowFromLinkingElsewhere) {
  v1::Organization parent = Org("株式会社ミヤビ電機", "一関市", "赤荻字雲南48-1", "0191-25-4410");
  parent.set_corporate_number(kNumberA);
  Hold(1, parent);
  Hold(2, Org("株式会社ミヤビ電機サービス", "一関市", "赤荻字雲南48-1", "0191-25-4411"));
  v1::Organization row = Org("株式会社ミヤビ電機サービス", "一関市", "赤荻字雲南48-1", "0191-25-4411");
  row.set_corporate_number(kNumberA);
  const Decision d = Resolve(row);
  EXPECT_EQ(d.action, Decision::Action::kAmbiguous) << d.evidence;
  EXPECT_EQ(d.candidates.front().id, 2u);
  EXPECT_THAT(d.candidates, Contains(AllOf(Field(&Scored::id, 1u),
                                           Field(&Scored::evidence, HasSubstr("法人番号一致")))));
}

// A number copied onto the wrong row: another name, another town, another
// phone. Not linked by the number alone.
TEST_F(ResolverTest, EqualCorporateNumberWithNothingElseInCommonGoesToAPerson) {
  v1::Organization held = Org("株式会社老松工業", "一関市", "花泉町老松字上宿12", "0191-82-1234");
  held.set_corporate_number(kNumberA);
  Hold(1, held);
  v1::Organization row = Org("株式会社花泉精機", "一関市", "花泉町涌津字舘下28", "0191-82-9876");
  row.set_corporate_number(kNumberA);
  const Decision d = Resolve(row);
  EXPECT_EQ(d.action, Decision::Action::kAmbiguous) << d.evidence;
  EXPECT_THAT(d.evidence, HasSubstr("名称は別会社を示す"));
}

// A mistyped number, or a parent's number on its subsidiary's row, against
// a name, an address, a phone and a representative that all agree: the
// number does not decide alone; a person does, told both.
TEST_F(ResolverTest, DifferentCorporateNumbersAgainstEverythingElseGoToAPerson) {
  v1::Organization held = Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111",
                              "佐藤 俊介");
  held.set_corporate_number(kNumberA);
  Hold(1, held);
  v1::Organization row = held;
  row.set_corporate_number(kNumberB);
  const Decision d = Resolve(row);
  EXPECT_EQ(d.action, Decision::Action::kAmbiguous) << d.evidence;
  ASSERT_FALSE(d.candidates.empty());
  EXPECT_EQ(d.candidates.front().id, 1u);
  EXPECT_THAT(d.evidence, HasSubstr("法人番号が異なる"));
  EXPECT_THAT(d.evidence, HasSubstr("名称一致"));
  EXPECT_THAT(d.evidence, HasSubstr("電話一致"));
}

// One number on ABC電機 and on a row of ABC電機サービス: the list gave the
// parent's number to its subsidiary, or the subsidiary is the one held
// under its parent's number. Not linked alone.
TEST_F(ResolverTest, EqualCorporateNumberOnAnotherCompanysNameGoesToAPerson) {
  v1::Organization held = Org("株式会社ミヤビ電機", "一関市", "赤荻字雲南48-1", "0191-25-4410");
  held.set_corporate_number(kNumberA);
  Hold(1, held);
  v1::Organization row = Org("株式会社ミヤビ電機サービス", "一関市", "赤荻字雲南48-1", "0191-25-4411");
  row.set_corporate_number(kNumberA);
  const Decision d = Resolve(row);
  EXPECT_EQ(d.action, Decision::Action::kAmbiguous) << d.evidence;
  EXPECT_THAT(d.evidence, HasSubstr("法人番号一致"));
  EXPECT_THAT(d.evidence, HasSubstr("名称が別会社の形"));
}

TEST_F(ResolverTest, CorporateNumberOnOneSideOnlyIsNoEvidence) {
  Hold(1, Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111"));
  v1::Organization row = Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111");
  row.set_corporate_number(kNumberA);
  const Decision d = Resolve(row);
  EXPECT_EQ(d.action, Decision::Action::kLink);
  EXPECT_THAT(d.evidence, HasSubstr("名称一致"));
}

TEST_F(ResolverTest, SameNameTwiceWithoutOtherEvidenceIsAmbiguous) {
  Hold(10, Org("有限会社千田製作所", "一関市", "花泉町金沢字下宿40", "0191-82-2375"));
  Hold(11, Org("有限会社千田製作所", "登米市", "迫町佐沼字西佐沼150", "0220-22-2375"));
  const Decision d = Resolve(Org("千田製作所", "", "", ""));
  EXPECT_EQ(d.action, Decision::Action::kAmbiguous) << d.evidence;
  ASSERT_EQ(d.candidates.size(), 2u);
  EXPECT_THAT(d.candidates, Contains(Field(&Scored::id, 10u)));
  EXPECT_THAT(d.candidates, Contains(Field(&Scored::id, 11u)));
  // The phone tells them apart.
  const Decision phone = Resolve(Org("千田製作所", "", "", "0220-22-2375"));
  EXPECT_EQ(phone.action, Decision::Action::kLink) << phone.evidence;
  EXPECT_EQ(phone.id, 11u);
}

TEST_F(ResolverTest, UnknownNameIsCreated) {
  Hold(1, Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111"));
  const Decision d = Resolve(Org("株式会社室根ファスナー", "一関市", "室根町折壁字愛宕下30",
                                 "0191-64-2520"));
  EXPECT_EQ(d.action, Decision::Action::kCreate);
  EXPECT_EQ(d.id, 0u);
  const Decision empty_store = Resolver(Resolver::Options{}).Resolve(ProfileOf(
      Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", ""), reader_));
  EXPECT_EQ(empty_store.action, Decision::Action::kCreate);
  EXPECT_TRUE(empty_store.candidates.empty());
  EXPECT_EQ(empty_store.score, 0);
}

TEST_F(ResolverTest, ThresholdsDecideBetweenLinkAmbiguousAndCreate) {
  const v1::Organization held = Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "");
  const v1::Organization row = Org("一関精工", "", "", "");  // the name alone
  Resolver strict(Resolver::Options{.link_threshold = 0.999, .create_threshold = 0.5});
  strict.Add(1, ProfileOf(held, reader_));
  const Decision ambiguous = strict.Resolve(ProfileOf(row, reader_));
  EXPECT_EQ(ambiguous.action, Decision::Action::kAmbiguous);
  EXPECT_LT(ambiguous.score, 0.999);
  EXPECT_GE(ambiguous.score, 0.5);
  Resolver picky(Resolver::Options{.link_threshold = 1.0, .create_threshold = 0.9999});
  picky.Add(1, ProfileOf(held, reader_));
  EXPECT_EQ(picky.Resolve(ProfileOf(row, reader_)).action, Decision::Action::kCreate);
  Resolver lenient(Resolver::Options{.link_threshold = 0.6, .create_threshold = 0.5});
  lenient.Add(1, ProfileOf(held, reader_));
  EXPECT_EQ(lenient.Resolve(ProfileOf(row, reader_)).action, Decision::Action::kLink);
}

TEST_F(ResolverTest, AddReplacesTheProfileAndItsKeys) {
  Hold(1, Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111"));
  Hold(1, Org("株式会社磐井鉄工所", "一関市", "山目字前田1", "0191-23-0000"));
  EXPECT_EQ(resolver_->size(), 1u);
  const Decision d = Resolve(Org("一関精工", "", "", ""));
  EXPECT_EQ(d.action, Decision::Action::kCreate) << d.evidence;
  EXPECT_EQ(Resolve(Org("磐井鉄工所", "", "", "")).id, 1u);
}

TEST_F(ResolverTest, RenameMovesAPendingOrganizationToItsId) {
  const uint64_t pending = uint64_t{1} << 62;
  Hold(pending, Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111"));
  resolver_->Rename(pending, 42);
  EXPECT_EQ(resolver_->Find(pending), nullptr);
  ASSERT_NE(resolver_->Find(42), nullptr);
  const Decision d = Resolve(Org("(株)一関精工", "一関市", "萩荘字高梨南方3-5", "0191-24-1111"));
  EXPECT_EQ(d.action, Decision::Action::kLink);
  EXPECT_EQ(d.id, 42u);
}

TEST_F(ResolverTest, CompareScoresOneCandidate) {
  Hold(1, Org("株式会社一関精工", "一関市", "萩荘字高梨南方3番地5", "0191-24-1111"));
  const Scored s = resolver_->Compare(
      ProfileOf(Org("株式会社一関精機", "一関市", "山目字前田33-1", "0191-23-9014"), reader_), 1);
  EXPECT_EQ(s.id, 1u);
  EXPECT_LT(s.score, 0.5);
  EXPECT_THAT(s.evidence, HasSubstr("名称が似て非なる"));
  EXPECT_EQ(resolver_->Compare(ProfileOf(Org("x", "", "", ""), reader_), 99).score, 0);
}

}  // namespace
}  // namespace renkei::resolve
