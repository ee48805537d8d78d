#include "server/resolve/profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "renkei/v1/organization.pb.h"

namespace renkei::resolve {
namespace {

using ::testing::ElementsAre;

v1::Address Address(const std::string& city, const std::string& street) {
  v1::Address address;
  address.set_city(city);
  address.set_street(street);
  return address;
}

TEST(PlaceKeyTest, LotWordsAndHyphensAgree) {
  const PlaceKey a = PlaceKeyOf(Address("一関市", "萩荘字高梨南方3番地5"));
  EXPECT_EQ(a.city, "一関市");
  EXPECT_EQ(a.area, "萩荘高梨南方");
  EXPECT_EQ(a.number, "3-5");
  const PlaceKey b = PlaceKeyOf(Address("一関市", "萩荘高梨南方3-5"));
  EXPECT_EQ(b.area, a.area);
  EXPECT_EQ(b.number, a.number);
  EXPECT_EQ(PlaceKeyOf(Address("一関市", "萩荘字高梨南方３の５")).number, "3-5");
  EXPECT_EQ(PlaceKeyOf(Address("一関市", "大町6丁目12番")).number, "6-12");
}

TEST(PlaceKeyTest, PrefectureAndCountyLeftOut) {
  EXPECT_EQ(PlaceKeyOf(Address("岩手県一関市", "山目字前田1")).city, "一関市");
  EXPECT_EQ(PlaceKeyOf(Address("西磐井郡平泉町", "平泉字志羅山45-2")).city,
            PlaceKeyOf(Address("平泉町", "平泉字志羅山45-2")).city);
  EXPECT_EQ(PlaceKeyOf(Address("京都市", "")).city, "京都市");
  EXPECT_EQ(PlaceKeyOf(Address("東京都千代田区", "")).city, "千代田区");
}

TEST(PlaceKeyTest, TownMergedIntoIchinosekiReadsAsToday) {
  const PlaceKey today = PlaceKeyOf(Address("一関市", "千厩町千厩字石堂18-2"));
  for (const char* city : {"東磐井郡千厩町", "千厩町", "岩手県東磐井郡千厩町"}) {
    const PlaceKey before = PlaceKeyOf(Address(city, "千厩字石堂18番地2"));
    EXPECT_EQ(before.city, today.city) << city;
    EXPECT_EQ(before.area, today.area) << city;
    EXPECT_EQ(before.number, today.number) << city;
  }
  // A village became a town: 川崎村薄衣 → 川崎町薄衣.
  EXPECT_EQ(PlaceKeyOf(Address("東磐井郡川崎村", "薄衣字諏訪前20-1")).area,
            PlaceKeyOf(Address("一関市", "川崎町薄衣字諏訪前20-1")).area);
  // Another county's town of the same name is not 一関市.
  EXPECT_EQ(PlaceKeyOf(Address("柴田郡川崎町", "前川1")).city, "川崎町");
}

TEST(ProfileTest, KeysOfAnOrganization) {
  v1::Organization o;
  o.set_display_name("株式会社一関精工");
  o.add_aliases("(株)イチセキ");
  o.add_former_names("一関精工所");
  o.set_kana("ｲﾁﾉｾｷｾｲｺｳ");
  o.mutable_contact()->set_phone("0191-24-1111");
  o.set_representative("代表取締役 佐藤 俊介");
  v1::Site* site = o.add_sites();
  site->set_display_name("花泉工場");
  site->set_phone("0191-82-4106");
  site->set_manager("工場長 千葉一郎");
  const Profile p = ProfileOf(o, nullptr);
  EXPECT_THAT(p.name_keys, ElementsAre("一関精工", "イチセキ", "一関精工所"));
  EXPECT_EQ(p.reading, "");  // no reader
  EXPECT_EQ(p.kana, "イチノセキセコ");
  EXPECT_EQ(p.phone, "0191241111");
  EXPECT_EQ(p.phone_local, "241111");
  EXPECT_EQ(p.representative, "佐藤俊介");
  ASSERT_EQ(p.sites.size(), 1u);
  EXPECT_EQ(p.sites[0].label_key, "花泉工場");
  EXPECT_EQ(p.sites[0].phone, "824106");
  EXPECT_EQ(p.sites[0].manager, "千葉一郎");
  EXPECT_EQ(p.site_label_key, "");
}

TEST(ProfileTest, SiteRowTakesTheSitesHead) {
  v1::Organization o;
  o.set_display_name("株式会社一関精工");
  o.set_representative("佐藤 俊介");
  o.mutable_contact()->set_phone("24-1111");
  const Profile p = ProfileOf(o, nullptr, "花泉工場", "工場長 千葉 一郎");
  EXPECT_EQ(p.site_label_key, "花泉工場");
  EXPECT_EQ(p.representative, "千葉一郎");
  EXPECT_EQ(p.phone, "");  // without its area code
  EXPECT_EQ(p.phone_local, "241111");
}

}  // namespace
}  // namespace renkei::resolve
