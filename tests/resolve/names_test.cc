#include "server/resolve/names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace renkei::resolve {
namespace {

TEST(NameKeyTest, LegalFormSpellingsShareOneKey) {
  for (const char* written : {"株式会社一関精工", "(株)一関精工", "㈱一関精工", "（株）一関精工",
                              "一関精工(株)", "一関精工株式会社", "株式会社 一関精工",
                              "一関精工　株式会社", "ｶ)一関精工"}) {
    EXPECT_EQ(NameKey(written), "一関精工") << written;
  }
}

TEST(NameKeyTest, KanaNameLosesKanaLegalForm) {
  EXPECT_EQ(NameKey("ｲﾁﾉｾｷｾｲｺｳ ｶﾌﾞｼｷｶﾞｲｼｬ"), "イチノセキセイコウ");
  EXPECT_EQ(NameKey("カブシキガイシャイチノセキセイコウ"), "イチノセキセイコウ");
  EXPECT_EQ(NameKey("ｲﾁﾉｾｷｾｲｺｳ"), "イチノセキセイコウ");
}

TEST(NameKeyTest, VariantKanjiFold) {
  EXPECT_EQ(NameKey("株式会社髙田鉄工"), NameKey("高田鉄工株式会社"));
  EXPECT_EQ(NameKey("有限会社齋藤塗装工業"), NameKey("斎藤塗装工業"));
}

TEST(NameKeyTest, WidthAndCaseFold) {
  EXPECT_EQ(NameKey("ＡＢＣ電機株式会社"), "abc電機");
  EXPECT_EQ(NameKey("abc電機"), "abc電機");
  EXPECT_EQ(NameKey("ＡＢＣ電機"), NameKey("ABC電機"));
}

TEST(NameKeyTest, PlaceSpellingsAndSeparatorsFold) {
  EXPECT_EQ(NameKey("一ノ関精工"), "一関精工");
  EXPECT_EQ(NameKey("一の関精工"), "一関精工");
  EXPECT_EQ(NameKey("金ヶ崎電子"), "金ケ崎電子");
  EXPECT_EQ(NameKey("株式会社ケイ・エム・ティー"), NameKey("ケイエムティー"));
}

TEST(NameKeyTest, LookalikeNamesKeepApart) {
  EXPECT_NE(NameKey("一関精工"), NameKey("一関精機"));
  EXPECT_NE(NameKey("ミヤビ電機"), NameKey("ミヤビ電機サービス"));
}

TEST(NameKeyTest, KanaBetweenOtherCharactersIsKept) {
  // ノ only goes between two kanji: a katakana word keeps it.
  EXPECT_EQ(NameKey("テクノロジー"), "テクノロジー");
}

TEST(NameKeyTest, ShortFormsOfNameWordsAreWrittenOut) {
  EXPECT_EQ(NameKey("一関鉄工協組"), NameKey("一関鉄工協同組合"));
  EXPECT_EQ(NameKey("（協）一関鉄工団地"), NameKey("協同組合一関鉄工団地"));
  EXPECT_EQ(NameKey("磐井信金"), NameKey("磐井信用金庫"));
  EXPECT_EQ(NameKey("信金"), "信金");  // a short form alone is left as it is
}

TEST(SplitSiteTest, LabelAfterSpace) {
  const NameParts parts = SplitSite("株式会社一関精工 花泉工場", "");
  EXPECT_EQ(parts.company, "株式会社一関精工");
  EXPECT_EQ(parts.site_label, "花泉工場");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kPlant);
}

TEST(SplitSiteTest, LabelAfterTrailingLegalForm) {
  const NameParts parts = SplitSite("北上ダイカスト株式会社一関工場", "");
  EXPECT_EQ(parts.company, "北上ダイカスト株式会社");
  EXPECT_EQ(parts.site_label, "一関工場");
}

TEST(SplitSiteTest, LabelAfterAbbreviatedLegalForm) {
  const NameParts parts = SplitSite("一関精工㈱花泉工場", "");
  EXPECT_EQ(parts.company, "一関精工(株)");
  EXPECT_EQ(parts.site_label, "花泉工場");
}

TEST(SplitSiteTest, LabelIsTheKnownPlaceBeforeTheEnding) {
  const NameParts parts = SplitSite("株式会社北上ダイカスト一関工場", "");
  EXPECT_EQ(parts.company, "株式会社北上ダイカスト");
  EXPECT_EQ(parts.site_label, "一関工場");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kPlant);
}

// The space after a leading legal form does not begin the label.
TEST(SplitSiteTest, SpaceAfterALeadingLegalFormIsNotTheCut) {
  const NameParts parts = SplitSite("㈱　菅原電機千厩営業所", "");
  EXPECT_EQ(parts.company, "(株) 菅原電機");
  EXPECT_EQ(parts.site_label, "千厩営業所");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kOffice);
}

TEST(SplitSiteTest, LabelInBracketsAtTheEnd) {
  NameParts parts = SplitSite("株式会社岩手ダイカスト（金ケ崎工場）", "");
  EXPECT_EQ(parts.company, "株式会社岩手ダイカスト");
  EXPECT_EQ(parts.site_label, "金ケ崎工場");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kPlant);
  // Brackets that hold no site label stay in the name.
  parts = SplitSite("磐井電子株式会社(旧 磐井電機)", "");
  EXPECT_EQ(parts.company, "磐井電子株式会社(旧 磐井電機)");
  EXPECT_EQ(parts.site_label, "");
}

TEST(SplitSiteTest, BranchesAndLaboratories) {
  NameParts parts = SplitSite("岩手銀行 千厩支店", "");
  EXPECT_EQ(parts.company, "岩手銀行");
  EXPECT_EQ(parts.site_label, "千厩支店");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kOffice);
  parts = SplitSite("株式会社一関精工 技術研究所", "");
  EXPECT_EQ(parts.site_label, "技術研究所");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kLaboratory);
  parts = SplitSite("株式会社一関精工 本社", "");
  EXPECT_EQ(parts.site_label, "本社");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kHeadOffice);
}

TEST(SplitSiteTest, ListColumnGivesTheLabel) {
  NameParts parts = SplitSite("株式会社一関精工 花泉工場", "花泉工場");
  EXPECT_EQ(parts.company, "株式会社一関精工");
  EXPECT_EQ(parts.site_label, "花泉工場");
  EXPECT_EQ(parts.site_kind, SiteLabelKind::kPlant);
  parts = SplitSite("株式会社一関精工", "花泉工場");
  EXPECT_EQ(parts.company, "株式会社一関精工");
  EXPECT_EQ(parts.site_label, "花泉工場");
}

TEST(SplitSiteTest, NameOnlyOfAnEndingIsACompany) {
  for (const char* written : {"株式会社一関精工", "一関工場", "株式会社 一関工場", "株式会社磐井製造所",
                              "一関精工株式会社"}) {
    const NameParts parts = SplitSite(written, "");
    EXPECT_EQ(parts.site_label, "") << written;
    EXPECT_EQ(parts.site_kind, SiteLabelKind::kNone) << written;
  }
  EXPECT_EQ(SplitSite(" 株式会社一関精工　", "").company, "株式会社一関精工");
}

TEST(DisplayNameTest, AbbreviatedLegalFormsWrittenOut) {
  EXPECT_EQ(DisplayName("(株)一関精工"), "株式会社一関精工");
  EXPECT_EQ(DisplayName("㈱一関精工"), "株式会社一関精工");
  EXPECT_EQ(DisplayName("（株） 一関精工"), "株式会社一関精工");
  EXPECT_EQ(DisplayName("一関精工(株)"), "一関精工株式会社");
  EXPECT_EQ(DisplayName("一関精工㈲"), "一関精工有限会社");
  EXPECT_EQ(DisplayName("(同)ネクスト平泉"), "合同会社ネクスト平泉");
}

TEST(DisplayNameTest, WidthFoldedAndSpaceAfterFormDropped) {
  EXPECT_EQ(DisplayName("ＡＢＣ電機株式会社"), "ABC電機株式会社");
  EXPECT_EQ(DisplayName("ｲﾁﾉｾｷｾｲｺｳ"), "イチノセキセイコウ");
  EXPECT_EQ(DisplayName("株式会社　磐井鉄工所"), "株式会社磐井鉄工所");
  EXPECT_EQ(DisplayName(" 一関 精工 "), "一関 精工");
}

TEST(PersonTest, TitleAndNameApart) {
  EXPECT_EQ(PersonTitle("代表取締役　佐藤 俊介"), "代表取締役");
  EXPECT_EQ(PersonName("代表取締役　佐藤 俊介"), "佐藤 俊介");
  EXPECT_EQ(PersonTitle("代表取締役社長 佐藤俊介"), "代表取締役社長");
  EXPECT_EQ(PersonName("佐藤俊介 工場長"), "佐藤俊介");
  EXPECT_EQ(PersonTitle("佐藤俊介 工場長"), "工場長");
  EXPECT_EQ(PersonTitle("佐藤 俊介"), "");
  EXPECT_EQ(PersonName("佐藤 俊介"), "佐藤 俊介");
}

TEST(PersonTest, KeyWithoutTitleSpacesAndVariants) {
  EXPECT_EQ(PersonKey("代表取締役　佐藤 俊介"), "佐藤俊介");
  EXPECT_EQ(PersonKey("佐藤俊介"), "佐藤俊介");
  EXPECT_EQ(PersonKey("社長 髙橋 一郎"), PersonKey("高橋一郎"));
  EXPECT_EQ(PersonKey("齋藤 文雄"), PersonKey("斎藤文雄"));
}

TEST(PersonTest, TitleAloneIsNotStripped) {
  EXPECT_EQ(PersonTitle("社長"), "");
  EXPECT_EQ(PersonName("社長"), "社長");
}

}  // namespace
}  // namespace renkei::resolve
