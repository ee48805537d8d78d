#include "importer/network_lookup.h"

#include <memory>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "renkei/v1/network.pb.h"
#include "server/text/normalize.h"

namespace renkei::importer {
namespace {

constexpr size_t kNamedInMessage = 5;

std::string Described(const v1::Network& network) {
  return absl::StrCat(network.name(), " 「", network.display_name(), "」");
}

}  // namespace

absl::StatusOr<std::string> FindNetwork(const cli::ConnectionOptions& connection,
                                        absl::string_view given) {
  absl::string_view id = given;
  absl::ConsumePrefix(&id, "networks/");
  uint64_t number = 0;
  if (absl::SimpleAtoi(id, &number) && number > 0) return absl::StrCat("networks/", number);

  absl::StatusOr<std::unique_ptr<cli::Client>> client = cli::Client::Create(connection);
  if (!client.ok()) return client.status();
  const std::string wanted = text::NormalizeText(given);
  std::vector<v1::Network> equal, containing;
  v1::ListNetworksRequest request;
  request.set_page_size(1000);
  do {
    v1::ListNetworksResponse page;
    absl::Status listed = (*client)->Call(
        cli::FindMethod("renkei.v1.NetworkService.ListNetworks"), request, &page);
    if (!listed.ok()) return listed;
    for (const v1::Network& network : page.networks()) {
      const std::string name = text::NormalizeText(network.display_name());
      if (name == wanted) equal.push_back(network);
      else if (absl::StrContains(name, wanted)) containing.push_back(network);
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());

  if (equal.size() == 1) return equal[0].name();
  std::vector<std::string> named;
  for (const std::vector<v1::Network>* list : {&equal, &containing}) {
    for (const v1::Network& network : *list) {
      if (named.size() < kNamedInMessage) named.push_back(Described(network));
    }
  }
  if (equal.size() > 1) {
    return absl::InvalidArgumentError(absl::StrCat("--network 「", given, "」: ", equal.size(),
                                                   " networks have that name (",
                                                   absl::StrJoin(named, ", "),
                                                   "); name one by its id (networks/N)"));
  }
  return absl::NotFoundError(absl::StrCat(
      "--network 「", given, "」: no network has that name",
      named.empty() ? "" : absl::StrCat("; names containing it: ", absl::StrJoin(named, ", ")),
      " (renkei network list shows them all)"));
}

}  // namespace renkei::importer
