// ImportService: the bidirectional stream through a real server.
#include <gmock/gmock.h>

#include <memory>
#include <vector>

#include "renkei/v1/import.grpc.pb.h"
#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;

v1::ImportRow MemberRow(int64_t number, const std::string& name, const std::string& street,
                        const std::string& phone) {
  v1::ImportRow row;
  row.set_row(number);
  row.mutable_organization()->set_display_name(name);
  row.mutable_organization()->mutable_address()->set_city("一関市");
  row.mutable_organization()->mutable_address()->set_street(street);
  row.mutable_organization()->mutable_contact()->set_phone(phone);
  return row;
}

class ImportServiceTest : public ApiTest {
 protected:
  ImportServiceTest() : imports_(v1::ImportService::NewStub(server_.channel())) {}

  struct Stream {
    std::vector<v1::ImportResponse> responses;
    grpc::Status status;
  };

  // Sends the requests, closes the sending side, reads every response.
  Stream Import(const std::vector<v1::ImportRequest>& requests) {
    std::unique_ptr<grpc::ClientContext> context = Context();
    auto stream = imports_->Import(context.get());
    for (const v1::ImportRequest& request : requests) {
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
    Stream result;
    v1::ImportResponse response;
    while (stream->Read(&response)) result.responses.push_back(response);
    result.status = stream->Finish();
    return result;
  }

  static v1::ImportRequest Header(const v1::ImportHeader& header) {
    v1::ImportRequest request;
    *request.mutable_header() = header;
    return request;
  }
  static v1::ImportRequest Batch(std::vector<v1::ImportRow> rows) {
    v1::ImportRequest request;
    for (auto& row : rows) *request.mutable_batch()->add_rows() = std::move(row);
    return request;
  }

  std::unique_ptr<v1::ImportService::Stub> imports_;
};

TEST_F(ImportServiceTest, OneResponsePerBatchThenTheSummary) {
  const v1::Network network = CreateNetwork("一関ものづくり懇話会");
  v1::ImportHeader header;
  header.set_kind(v1::IMPORT_KIND_MEMBERS);
  header.set_source("konwakai/会員名簿.csv");
  header.set_network(network.name());
  const Stream stream = Import(
      {Header(header),
       Batch({MemberRow(1, "株式会社一関精工", "萩荘字高梨南方3番地5", "0191-24-1111"),
              MemberRow(2, "(株)ミヤビ電機", "赤荻字雲南48-1", "0191-25-4410")}),
       Batch({MemberRow(3, "一関精工(株)", "萩荘高梨南方3-5", "0191-24-1111")})});
  ASSERT_OK(stream.status);
  ASSERT_THAT(stream.responses, SizeIs(3));
  ASSERT_THAT(stream.responses[0].outcomes(), SizeIs(2));
  EXPECT_EQ(stream.responses[0].outcomes(0).action(), v1::IMPORT_ACTION_CREATED);
  EXPECT_EQ(stream.responses[0].outcomes(1).row(), 2);
  EXPECT_FALSE(stream.responses[0].has_summary());
  ASSERT_THAT(stream.responses[1].outcomes(), SizeIs(1));
  const v1::RowOutcome& linked = stream.responses[1].outcomes(0);
  EXPECT_EQ(linked.action(), v1::IMPORT_ACTION_LINKED);
  EXPECT_EQ(linked.name(), stream.responses[0].outcomes(0).name());
  EXPECT_THAT(linked.evidence(), HasSubstr("名称一致(一関精工)"));
  const v1::ImportResponse& last = stream.responses[2];
  EXPECT_THAT(last.outcomes(), IsEmpty());
  EXPECT_EQ(last.summary().rows(), 3);
  EXPECT_EQ(last.summary().created(), 2);
  EXPECT_EQ(last.summary().linked(), 1);
  EXPECT_EQ(last.summary().memberships_created(), 2);
  EXPECT_EQ(GetOrganization(linked.name()).display_name(), "株式会社一関精工");
}

TEST_F(ImportServiceTest, BadHeaderIsInvalidArgumentNamingTheField) {
  v1::ImportHeader header;
  header.set_kind(v1::IMPORT_KIND_MEMBERS);
  header.set_source("konwakai/会員名簿.csv");
  const int64_t revision = Revision();
  const Stream stream =
      Import({Header(header), Batch({MemberRow(1, "株式会社一関精工", "萩荘字高梨南方3", "")})});
  EXPECT_EQ(stream.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(stream.status.error_message(), StartsWith("header.network"));
  EXPECT_THAT(FieldViolations(stream.status),
              ElementsAre(::testing::Pair("header.network", ::testing::_)));
  EXPECT_THAT(stream.responses, IsEmpty());
  EXPECT_EQ(Revision(), revision);
}

TEST_F(ImportServiceTest, BatchBeforeTheHeaderIsRefused) {
  const Stream stream = Import({Batch({MemberRow(1, "株式会社一関精工", "", "")})});
  EXPECT_EQ(stream.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(stream.status.error_message(), StartsWith("header"));
}

}  // namespace
}  // namespace renkei::testing
