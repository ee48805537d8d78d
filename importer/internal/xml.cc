#include "importer/internal/xml.h"

#include <expat.h>

#include <limits>

#include "absl/strings/str_cat.h"

namespace renkei::importer::internal {
namespace {

absl::string_view LocalName(const char* name) {
  absl::string_view n(name);
  const size_t colon = n.rfind(':');
  return colon == absl::string_view::npos ? n : n.substr(colon + 1);
}

struct Context {
  XML_Parser parser;
  XmlHandler* handler;
};

void OnStart(void* data, const char* name, const char** attributes) {
  auto* context = static_cast<Context*>(data);
  context->handler->Start(LocalName(name), attributes);
  if (!context->handler->stop.ok()) XML_StopParser(context->parser, XML_FALSE);
}

void OnEnd(void* data, const char* name) {
  auto* context = static_cast<Context*>(data);
  context->handler->End(LocalName(name));
  if (!context->handler->stop.ok()) XML_StopParser(context->parser, XML_FALSE);
}

void OnText(void* data, const char* text, int length) {
  static_cast<Context*>(data)->handler->Text(
      absl::string_view(text, static_cast<size_t>(length)));
}

}  // namespace

absl::Status ParseXml(absl::string_view xml, absl::string_view part, XmlHandler* handler) {
  if (xml.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return absl::InvalidArgumentError(absl::StrCat("the part ", part, " is too large"));
  }
  XML_Parser parser = XML_ParserCreate("UTF-8");
  if (parser == nullptr) return absl::ResourceExhaustedError("cannot make an XML parser");
  Context context{parser, handler};
  XML_SetUserData(parser, &context);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  const XML_Status status = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  absl::Status result;
  if (!handler->stop.ok()) {
    result = handler->stop;
  } else if (status != XML_STATUS_OK) {
    result = absl::InvalidArgumentError(
        absl::StrCat("the part ", part, " is damaged XML (line ", XML_GetCurrentLineNumber(parser),
                     ": ", XML_ErrorString(XML_GetErrorCode(parser)), ")"));
  }
  XML_ParserFree(parser);
  return result;
}

const char* Attribute(const char** attributes, absl::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (LocalName(attributes[i]) == name) return attributes[i + 1];
  }
  return nullptr;
}

}  // namespace renkei::importer::internal
