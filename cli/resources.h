// What `renkei` knows of each resource: its commands, service and method
// names, table columns, and the flags that set record fields or list filters.
#ifndef RENKEI_CLI_RESOURCES_H_
#define RENKEI_CLI_RESOURCES_H_

#include <string>
#include <vector>

#include "cli/output.h"

namespace google::protobuf {
class Descriptor;
}  // namespace google::protobuf

namespace renkei::cli {

// A flag that sets one field: --FLAG VALUE sets `path` (of the record for
// create/update, of the request for list filters).
struct FieldFlag {
  std::string flag;        // without dashes: "district"
  std::string path;        // "address.district"
  std::string help;
  std::string collection;  // set for references: a bare id becomes collection/id
  bool repeated = false;   // may be given several times; each adds a value
};

struct Resource {
  std::string command;   // "org"
  std::string noun;      // "organization"
  std::string collection;  // "organizations"
  std::string service;   // "renkei.v1.OrganizationService"
  std::string type;      // "Organization" (Get/Create/Update/Delete + type)
  std::string plural;    // "Organizations" (List + plural)
  std::string request_field;  // "organization": the record in Create/Update requests
  std::string list_field;     // "organizations": the records in List responses
  const google::protobuf::Descriptor* descriptor = nullptr;  // the record type
  std::vector<Column> columns;
  std::vector<FieldFlag> fields;   // create / update
  std::vector<FieldFlag> filters;  // list
  std::vector<std::string> required;  // flags create needs when there is no --from
  std::string examples;            // shown in --help
};

// org, person, seed, need, collab, network.
const std::vector<Resource>& Resources();
// The membership commands (renkei member …).
const Resource& MembershipResource();

}  // namespace renkei::cli

#endif  // RENKEI_CLI_RESOURCES_H_
