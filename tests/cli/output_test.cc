#include "cli/output.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "absl/strings/str_split.h"
#include "cli/display_width.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "renkei/v1/organization.pb.h"

namespace renkei::cli {
namespace {

v1::Organization Org(const std::string& name, const std::string& display, const std::string& district) {
  v1::Organization o;
  o.set_name(name);
  o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  o.set_display_name(display);
  o.mutable_address()->set_district(district);
  return o;
}

const std::vector<Column> kColumns = {
    {"NAME", "name"}, {"名称", "display_name"}, {"地区", "address.district"}, {"KIND", "kind"}};

std::string Write(Format format, const std::vector<v1::Organization>& records, int width = 0) {
  std::ostringstream out;
  ListWriter writer(format, kColumns, &out, width);
  for (const auto& r : records) writer.Add(r);
  writer.Finish();
  return out.str();
}

TEST(CsvFieldTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("一関精工"), "一関精工");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
}

TEST(ListWriterTest, TableColumnsLineUpWithJapaneseText) {
  const std::string table = Write(Format::kTable, {Org("organizations/1", "株式会社一関精工", "千厩"),
                                                   Org("organizations/22", "ABC電機", "一関"),
                                                   Org("organizations/333", "ｲﾁﾉｾｷ", "大東")});
  std::vector<std::string> lines = absl::StrSplit(table, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 4u);
  // The third column starts at the same display column on every line.
  auto column_of = [](const std::string& line, const std::string& cell) {
    return DisplayWidth(line.substr(0, line.find(cell)));
  };
  const int district = column_of(lines[0], "地区");
  EXPECT_EQ(column_of(lines[1], "千厩"), district);
  EXPECT_EQ(column_of(lines[2], "一関"), district);
  EXPECT_EQ(column_of(lines[3], "大東"), district);
}

TEST(ListWriterTest, TableCutsCellsToTheTerminalWidth) {
  const std::string table =
      Write(Format::kTable,
            {Org("organizations/1", "株式会社とても長い名前の一関精密工業所本社工場", "千厩")}, 40);
  for (absl::string_view line : absl::StrSplit(table, '\n', absl::SkipEmpty())) {
    EXPECT_LE(DisplayWidth(line), 40) << line;
  }
  EXPECT_THAT(table, ::testing::HasSubstr("…"));
}

TEST(ListWriterTest, CsvHasTheHeaderAndQuoting) {
  const std::string csv = Write(Format::kCsv, {Org("organizations/1", "一関精工, \"本社\"", "千厩")});
  EXPECT_EQ(csv,
            "name,display_name,address.district,kind\r\n"
            "organizations/1,\"一関精工, \"\"本社\"\"\",千厩,company\r\n");
}

TEST(ListWriterTest, JsonIsAnArrayOfCanonicalRecords) {
  const std::string json = Write(Format::kJson, {Org("organizations/1", "一関精工", "千厩"),
                                                 Org("organizations/2", "大東電子", "大東")});
  google::protobuf::ListValue parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok()) << json;
  ASSERT_EQ(parsed.values_size(), 2);
  v1::Organization back;
  std::string element;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(parsed.values(1), &element).ok());
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(element, &back).ok());
  EXPECT_EQ(back.display_name(), "大東電子");
  EXPECT_EQ(Write(Format::kJson, {}), "[]\n");
}

TEST(ListWriterTest, JsonLinesAreOneRecordEach) {
  const std::string jsonl = Write(Format::kJsonl, {Org("organizations/1", "一関精工", "千厩"),
                                                   Org("organizations/2", "大東電子", "大東")});
  std::vector<std::string> lines = absl::StrSplit(jsonl, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u);
  v1::Organization back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(lines[0], &back).ok());
  EXPECT_EQ(back.address().district(), "千厩");
}

TEST(ListWriterTest, YamlDocuments) {
  const std::string yaml = Write(Format::kYaml, {Org("organizations/1", "一関精工", "千厩")});
  EXPECT_THAT(yaml, ::testing::HasSubstr("---\n"));
  EXPECT_THAT(yaml, ::testing::HasSubstr("displayName: \"一関精工\"\n"));
  EXPECT_THAT(yaml, ::testing::HasSubstr("address:\n  district: \"千厩\"\n"));
}

TEST(WriteRecordTest, TableShowsEverySetFieldInOrder) {
  v1::Organization o = Org("organizations/1", "一関精工", "千厩");
  o.add_jsic_codes("1821");
  std::ostringstream out;
  WriteRecord(Format::kTable, o, &out, 0);
  EXPECT_EQ(out.str(),
            "name              organizations/1\n"
            "kind              company\n"
            "display_name      一関精工\n"
            "address.district  千厩\n"
            "jsic_codes        1821\n");
}

}  // namespace
}  // namespace renkei::cli
