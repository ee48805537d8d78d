// XML parts read with expat, for the workbook reader: a handler gets the
// start and end of each element (by its local name, the prefix dropped:
// "x:row" is "row") and its text. Not thread-safe per parse.
#ifndef RENKEI_IMPORTER_INTERNAL_XML_H_
#define RENKEI_IMPORTER_INTERNAL_XML_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace renkei::importer::internal {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attributes` is expat's: name, value, name, value …, nullptr.
  virtual void Start(absl::string_view name, const char** attributes) = 0;
  virtual void End(absl::string_view name) = 0;
  virtual void Text(absl::string_view text) = 0;
  // Set by a handler that met something it refuses (too many cells): the
  // parse stops and returns it.
  absl::Status stop;
};

// Parses `xml` (the part `part`, for messages). INVALID_ARGUMENT when it is
// not well-formed, with the line; the handler's `stop` when it set one.
absl::Status ParseXml(absl::string_view xml, absl::string_view part, XmlHandler* handler);

// The value of the attribute whose local name is `name`, or nullptr.
const char* Attribute(const char** attributes, absl::string_view name);

}  // namespace renkei::importer::internal

#endif  // RENKEI_IMPORTER_INTERNAL_XML_H_
