// The JSON API's routes, built once from the google.api.http options of the
// services' methods in the generated descriptor pool (proto/renkei/v1/*.proto,
// docs/api.md). Immutable after Build, so thread-safe; the descriptors it
// points to live as long as the process.
#ifndef RENKEI_SERVER_WEB_INTERNAL_ROUTE_TABLE_H_
#define RENKEI_SERVER_WEB_INTERNAL_ROUTE_TABLE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/web/internal/path_template.h"

namespace google::protobuf {
class MethodDescriptor;
class ServiceDescriptor;
}  // namespace google::protobuf

namespace renkei::web {

struct Route {
  std::string http_method;  // "GET", "POST", "PATCH", "PUT", "DELETE"
  PathTemplate path;
  // Where the JSON body goes: "" (no body), "*" (the whole request) or a
  // field of the request message.
  std::string body;
  const google::protobuf::MethodDescriptor* method;
  std::string grpc_path;  // "/renkei.v1.OrganizationService/GetOrganization"
  bool streaming;         // server streaming: answered as Server-Sent Events
};

class RouteTable {
 public:
  // The routes of every method of `services` (their bindings and additional
  // bindings). Client-streaming methods and methods without google.api.http
  // get no route: skipped() lists them (the server logs them at start and
  // route_table_test fails on any but the documented import). Fails on a
  // malformed template, a variable or body naming no suitable field, an
  // unsupported rule (custom verb, response_body), or two routes one request
  // could match.
  static absl::StatusOr<RouteTable> Build(
      const std::vector<const google::protobuf::ServiceDescriptor*>& services);
  // The same for services given by full name ("renkei.v1.SeedService").
  static absl::StatusOr<RouteTable> Build(const std::vector<std::string>& service_names);

  struct Lookup {
    const Route* route = nullptr;  // null when nothing matched
    PathBindings bindings;
    // When `route` is null: the HTTP methods of routes whose path matched
    // (405 with Allow), empty for an unknown path (404).
    std::vector<std::string> allowed;
  };
  Lookup Find(absl::string_view http_method, absl::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }
  const std::vector<const google::protobuf::MethodDescriptor*>& skipped() const { return skipped_; }

 private:
  absl::Status Add(const google::protobuf::MethodDescriptor* method, absl::string_view verb,
                   absl::string_view path, absl::string_view body);

  std::vector<Route> routes_;
  std::vector<const google::protobuf::MethodDescriptor*> skipped_;
};

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_ROUTE_TABLE_H_
