// The network a member list is imported into, as the user names it on the
// command line: `networks/3`, `3`, or its name (一関東工業団地企業連絡協議会),
// compared after normalization (width, case, spaces: server/text).
#ifndef RENKEI_IMPORTER_NETWORK_LOOKUP_H_
#define RENKEI_IMPORTER_NETWORK_LOOKUP_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cli/client.h"

namespace renkei::importer {

// `networks/N` for `given`. A resource name or a number is taken as it is
// (the server checks it exists); a name is looked up among the networks
// (ListNetworks): NOT_FOUND naming the networks whose names contain it, or
// INVALID_ARGUMENT when two networks have that name; the server's errors
// (UNAVAILABLE, UNAUTHENTICATED …) as they come.
absl::StatusOr<std::string> FindNetwork(const cli::ConnectionOptions& connection,
                                        absl::string_view given);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_NETWORK_LOOKUP_H_
