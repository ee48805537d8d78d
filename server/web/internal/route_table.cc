#include "server/web/internal/route_table.h"

#include <google/protobuf/descriptor.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/api/annotations.pb.h"
#include "google/api/http.pb.h"

namespace renkei::web {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;

struct Binding {
  std::string verb;  // "GET" …
  std::string path;
  std::string body;
};

absl::Status RuleError(const MethodDescriptor* method, absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("google.api.http of ", method->full_name(), ": ", why));
}

// The field a dotted path of proto field names leads to, or null.
const FieldDescriptor* FindFieldPath(const Descriptor* message, absl::string_view path) {
  const FieldDescriptor* field = nullptr;
  for (absl::string_view name : absl::StrSplit(path, '.')) {
    if (message == nullptr) return nullptr;
    field = message->FindFieldByName(std::string(name));
    if (field == nullptr || field->is_repeated()) return nullptr;
    message = field->message_type();
  }
  return field;
}

absl::StatusOr<Binding> BindingOf(const MethodDescriptor* method,
                                  const google::api::HttpRule& rule) {
  using Rule = google::api::HttpRule;
  if (!rule.response_body().empty()) return RuleError(method, "response_body is not supported");
  switch (rule.pattern_case()) {
    case Rule::kGet:
      return Binding{"GET", rule.get(), rule.body()};
    case Rule::kPut:
      return Binding{"PUT", rule.put(), rule.body()};
    case Rule::kPost:
      return Binding{"POST", rule.post(), rule.body()};
    case Rule::kDelete:
      return Binding{"DELETE", rule.delete_(), rule.body()};
    case Rule::kPatch:
      return Binding{"PATCH", rule.patch(), rule.body()};
    default:
      return RuleError(method, "no get, put, post, delete or patch (custom is not supported)");
  }
}

// The rule and its additional bindings (which may not nest further).
// REQUIRES: the method has the option.
absl::StatusOr<std::vector<Binding>> BindingsOf(const MethodDescriptor* method) {
  const google::api::HttpRule& rule = method->options().GetExtension(google::api::http);
  std::vector<Binding> bindings;
  absl::StatusOr<Binding> main = BindingOf(method, rule);
  if (!main.ok()) return main.status();
  bindings.push_back(std::move(*main));
  for (const google::api::HttpRule& additional : rule.additional_bindings()) {
    if (additional.additional_bindings_size() > 0) {
      return RuleError(method, "additional_bindings may not nest");
    }
    absl::StatusOr<Binding> binding = BindingOf(method, additional);
    if (!binding.ok()) return binding.status();
    bindings.push_back(std::move(*binding));
  }
  return bindings;
}

}  // namespace

absl::StatusOr<RouteTable> RouteTable::Build(
    const std::vector<const ServiceDescriptor*>& services) {
  RouteTable table;
  for (const ServiceDescriptor* service : services) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      if (method->client_streaming() || !method->options().HasExtension(google::api::http)) {
        table.skipped_.push_back(method);
        continue;
      }
      absl::StatusOr<std::vector<Binding>> bindings = BindingsOf(method);
      if (!bindings.ok()) return bindings.status();
      for (const Binding& binding : *bindings) {
        absl::Status added = table.Add(method, binding.verb, binding.path, binding.body);
        if (!added.ok()) return added;
      }
    }
  }
  return table;
}

absl::StatusOr<RouteTable> RouteTable::Build(const std::vector<std::string>& service_names) {
  std::vector<const ServiceDescriptor*> services;
  for (const std::string& name : service_names) {
    const ServiceDescriptor* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(name);
    if (service == nullptr) return absl::NotFoundError(absl::StrCat("no service ", name));
    services.push_back(service);
  }
  return Build(services);
}

absl::Status RouteTable::Add(const MethodDescriptor* method, absl::string_view verb,
                             absl::string_view path, absl::string_view body) {
  absl::StatusOr<PathTemplate> parsed = PathTemplate::Parse(path);
  if (!parsed.ok()) return RuleError(method, parsed.status().message());
  const Descriptor* input = method->input_type();
  for (const std::string& field_path : parsed->FieldPaths()) {
    const FieldDescriptor* field = FindFieldPath(input, field_path);
    if (field == nullptr || field->message_type() != nullptr) {
      return RuleError(method, absl::StrCat("\"", field_path, "\" in ", path,
                                            " is not a singular scalar field"));
    }
  }
  if (!body.empty() && body != "*") {
    const FieldDescriptor* field = input->FindFieldByName(std::string(body));
    if (field == nullptr || field->is_repeated() || field->message_type() == nullptr) {
      return RuleError(method, absl::StrCat("body \"", body, "\" is not a message field"));
    }
  }
  for (const Route& other : routes_) {
    if (other.http_method == verb && other.path.Overlaps(*parsed)) {
      return RuleError(method,
                       absl::StrCat(verb, " ", path, " clashes with ", other.http_method, " ",
                                    other.path.text(), " of ", other.method->full_name()));
    }
  }
  routes_.push_back(Route{std::string(verb), std::move(*parsed), std::string(body), method,
                          absl::StrCat("/", method->service()->full_name(), "/", method->name()),
                          method->server_streaming()});
  return absl::OkStatus();
}

RouteTable::Lookup RouteTable::Find(absl::string_view http_method, absl::string_view path) const {
  Lookup lookup;
  for (const Route& route : routes_) {
    std::optional<PathBindings> bindings = route.path.Match(path);
    if (!bindings.has_value()) continue;
    if (route.http_method == http_method) {
      lookup.route = &route;
      lookup.bindings = std::move(*bindings);
      lookup.allowed.clear();
      return lookup;
    }
    lookup.allowed.push_back(route.http_method);
  }
  return lookup;
}

}  // namespace renkei::web
