#include "server/records/validate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/util/errors.h"

namespace renkei::records {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::IsEmpty;

std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  return fields;
}

v1::Organization Company() {
  v1::Organization o;
  o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  o.set_display_name("株式会社一関精工");
  return o;
}

TEST(ValidateTest, MinimalCompanyIsValid) { EXPECT_TRUE(ValidateRecord(Company()).ok()); }

TEST(ValidateTest, ReportsEveryProblemWithItsPath) {
  v1::Organization o = Company();
  o.set_display_name("");
  o.set_corporate_number("1234567890123");
  o.add_jsic_codes("E18");
  o.mutable_founded()->set_year(2025);
  o.mutable_founded()->set_month(2);
  o.mutable_founded()->set_day(30);
  o.add_sites()->mutable_address()->set_postal_code("12345");
  absl::Status status = ValidateRecord(o);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Fields(status),
              ::testing::UnorderedElementsAre("display_name", "corporate_number",
                                              "jsic_codes[0]", "founded",
                                              "sites[0].display_name",
                                              "sites[0].address.postal_code"));
}

TEST(ValidateTest, UnknownEnumValueIsNamed) {
  v1::Organization o = Company();
  o.set_kind(static_cast<v1::OrganizationKind>(42));
  absl::Status status = ValidateRecord(o);
  EXPECT_THAT(Fields(status), ::testing::ElementsAre("kind"));
  EXPECT_NE(status.message().find("42 is not a value"), absl::string_view::npos);
}

TEST(ValidateTest, OverLongTextIsCountedInCodePoints) {
  v1::Organization o = Company();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "精";
  o.set_display_name(name);
  EXPECT_TRUE(ValidateRecord(o).ok());  // 200 code points (600 bytes) is the limit
  o.set_display_name(o.display_name() + "工");
  EXPECT_THAT(Fields(ValidateRecord(o)), ::testing::ElementsAre("display_name"));
}

TEST(ValidateTest, ControlCharactersAndLineBreaksInNames) {
  v1::Organization o = Company();
  o.set_display_name("一関\n精工");
  EXPECT_THAT(Fields(ValidateRecord(o)), ::testing::ElementsAre("display_name"));
  o.set_display_name("一関精工");
  o.set_description("一行目\n二行目");  // multi-line text may break lines
  EXPECT_TRUE(ValidateRecord(o).ok());
}

TEST(ValidateTest, ReferencesMustNameTheRightKind) {
  v1::Seed seed;
  seed.set_title("超微細気泡による洗浄");
  seed.set_institution("people/3");
  seed.add_researchers("organizations/1");
  EXPECT_THAT(Fields(ValidateRecord(seed)),
              ::testing::UnorderedElementsAre("institution", "researchers[0]"));
}

TEST(ValidateTest, CollaborationNeedsTypeParticipantsAndFullStartDate) {
  v1::Collaboration x;
  x.set_title("UFB洗浄の共同研究");
  x.mutable_start_date()->set_year(2025);
  x.mutable_start_date()->set_month(4);
  EXPECT_THAT(Fields(ValidateRecord(x)),
              ::testing::UnorderedElementsAre("type", "participants", "start_date"));
}

TEST(ValidateTest, EndBeforeStartIsRejected) {
  v1::Membership m;
  m.set_organization("organizations/1");
  m.set_role(v1::MEMBER_ROLE_MEMBER);
  m.mutable_since()->set_year(2020);
  m.mutable_until()->set_year(2019);
  EXPECT_THAT(Fields(ValidateRecord(m)), ::testing::ElementsAre("until"));
}

TEST(ValidateTest, ExternalIdsNeedAKeySourceAndNoRepeats) {
  v1::Organization o = Company();
  auto* a = o.add_external_ids();
  a->set_source("Ichinoseki CCI");
  a->set_value("12");
  auto* b = o.add_external_ids();
  b->set_source("ichinoseki-cci/member-no");
  b->set_value("12");
  *o.add_external_ids() = *b;
  EXPECT_THAT(Fields(ValidateRecord(o)),
              ::testing::UnorderedElementsAre("external_ids[0].source", "external_ids[2]"));
}

TEST(ValidateTest, FieldSourcesMustNameFields) {
  v1::Organization o = Company();
  (*o.mutable_field_sources())["address.street"].set_source("cci.csv");
  EXPECT_TRUE(ValidateRecord(o).ok());
  (*o.mutable_field_sources())["no_such_field"].set_source("cci.csv");
  EXPECT_THAT(Fields(ValidateRecord(o)),
              ::testing::ElementsAre("field_sources[\"no_such_field\"]"));
}

TEST(PrepareForCreateTest, FillsDefaultsAndClearsOutputOnly) {
  v1::Need need;
  need.set_name("needs/99");
  need.set_etag("7");
  PrepareForCreate(&need);
  EXPECT_EQ(need.name(), "");
  EXPECT_EQ(need.etag(), "");
  EXPECT_EQ(need.status(), v1::NEED_STATUS_OPEN);
  EXPECT_EQ(need.visibility(), v1::VISIBILITY_COORDINATORS);
}

TEST(DeriveFieldsTest, FiscalYearsSpanTheCollaboration) {
  v1::Collaboration x;
  x.mutable_start_date()->set_year(2024);
  x.mutable_start_date()->set_month(10);
  x.mutable_start_date()->set_day(1);
  x.mutable_end_date()->set_year(2026);
  x.mutable_end_date()->set_month(3);
  x.mutable_end_date()->set_day(31);
  x.set_fiscal_year(1999);  // typed in by a client: ignored
  DeriveFields(&x);
  EXPECT_EQ(x.fiscal_year(), 2024);
  EXPECT_THAT(x.fiscal_years(), ::testing::ElementsAre(2024, 2025));
}

TEST(RequestIdTest, PrintableAsciiUpTo128) {
  EXPECT_TRUE(ValidateRequestId("").ok());
  EXPECT_TRUE(ValidateRequestId("6f1c2a9e-0d4b-4c55-9a57-3b8b2f1c7d10").ok());
  EXPECT_FALSE(ValidateRequestId(std::string(129, 'a')).ok());
  EXPECT_FALSE(ValidateRequestId("has space").ok());
  EXPECT_FALSE(ValidateRequestId("全角").ok());
}


// Regressions of the hostile-input run (issue 14): accepted before.

TEST(ValidateTest, UnicodeLineBreaksAreRefusedInSingleLineText) {
  for (const char* line_break : {"\u0085", "\u2028", "\u2029", "\u0080"}) {
    v1::Organization o = Company();
    o.set_display_name(std::string("株式会社") + line_break + "一関");
    EXPECT_THAT(Fields(ValidateRecord(o)), ::testing::ElementsAre("display_name"))
        << line_break;
  }
  v1::Organization o = Company();
  o.set_description("一行目\u2028二行目\u0085三行目\n四行目");  // multi-line text
  EXPECT_TRUE(ValidateRecord(o).ok());
  o.set_description("制御\u0090文字");
  EXPECT_THAT(Fields(ValidateRecord(o)), ::testing::ElementsAre("description"));
}

TEST(ValidateTest, FieldSourceKeysAreLimitedAndQuotedShort) {
  v1::Organization o = Company();
  (*o.mutable_field_sources())[std::string(1 << 20, 'x')].set_source("list.csv");
  absl::Status status = ValidateRecord(o);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_LT(status.message().size(), 400u) << status.message().substr(0, 400);
  EXPECT_NE(status.message().find("(1048576 characters)"), absl::string_view::npos);

  v1::Organization nul = Company();
  (*nul.mutable_field_sources())[std::string("employees\0x", 11)].set_source("list.csv");
  EXPECT_EQ(ValidateRecord(nul).code(), absl::StatusCode::kInvalidArgument);
}

TEST(ValidateTest, TimestampsOutOfRangeAreRefused) {
  v1::Organization o = Company();
  v1::FieldSource& source = (*o.mutable_field_sources())["employees"];
  source.set_source("list.csv");
  source.mutable_update_time()->set_seconds(-(int64_t{1} << 62));
  EXPECT_THAT(Fields(ValidateRecord(o)),
              ::testing::ElementsAre(::testing::HasSubstr("update_time")));
  // Each change through the map (a reference kept across a reflective read
  // would not be seen by the next one).
  auto time = [&o]() { return (*o.mutable_field_sources())["employees"].mutable_update_time(); };
  time()->set_seconds(1'700'000'000);
  time()->set_nanos(-1);
  EXPECT_EQ(ValidateRecord(o).code(), absl::StatusCode::kInvalidArgument);
  time()->set_nanos(0);
  const absl::Status valid = ValidateRecord(o);
  EXPECT_TRUE(valid.ok()) << valid;
}

TEST(ValidateTest, SdgGoalsAreAtMostSeventeenDistinct) {
  v1::Organization o = Company();
  for (int i = 0; i < 100000; ++i) o.mutable_sdgs()->add_goals(1 + i % 17);
  absl::Status status = ValidateRecord(o);
  EXPECT_THAT(Fields(status), Contains("sdgs.goals"));
  EXPECT_LT(status.message().size(), 2000u);
  v1::Organization twice = Company();
  twice.mutable_sdgs()->add_goals(7);
  twice.mutable_sdgs()->add_goals(7);
  EXPECT_THAT(Fields(ValidateRecord(twice)), ::testing::ElementsAre("sdgs.goals[1]"));
}

TEST(ValidateTest, ManyBadValuesMakeAShortMessage) {
  v1::Organization o = Company();
  for (int i = 0; i < 100000; ++i) o.add_jsic_codes(std::string(60, 'E'));
  absl::Status status = ValidateRecord(o);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_LT(status.message().size(), 4000u);
  EXPECT_NE(status.message().find("more"), absl::string_view::npos);
  EXPECT_LE(FieldViolationsOf(status).size(), 100u);
}

}  // namespace
}  // namespace renkei::records
