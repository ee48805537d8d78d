#include "cli/resources.h"

#include "renkei/v1/change.pb.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/indicator.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "renkei/v1/system.pb.h"

namespace renkei::cli {
namespace {

FieldFlag Text(std::string flag, std::string path, std::string help) {
  return {std::move(flag), std::move(path), std::move(help), "", false};
}
FieldFlag List(std::string flag, std::string path, std::string help) {
  return {std::move(flag), std::move(path), std::move(help), "", true};
}
FieldFlag Ref(std::string flag, std::string path, std::string collection, std::string help,
              bool repeated = false) {
  return {std::move(flag), std::move(path), std::move(help), std::move(collection), repeated};
}
FieldFlag ExternalIds() {
  return List("ext", "external_ids",
              "external id SOURCE=VALUE, e.g. ichinoseki-cci/member-no=1024 (repeatable)");
}

std::vector<Resource> Build() {
  // Descriptors are touched here, which also links every generated file in.
  (void)v1::Change::descriptor();
  (void)v1::Indicators::descriptor();
  (void)v1::ServerInfo::descriptor();
  std::vector<Resource> all;

  Resource org;
  org.command = "org";
  org.noun = "organization";
  org.collection = "organizations";
  org.service = "renkei.v1.OrganizationService";
  org.type = "Organization";
  org.plural = "Organizations";
  org.request_field = "organization";
  org.list_field = "organizations";
  org.descriptor = v1::Organization::descriptor();
  org.columns = {{"NAME", "name"},           {"名称", "display_name"},
                 {"KIND", "kind"},           {"地区", "address.district"},
                 {"JSIC", "jsic_codes"},     {"従業員", "employees"},
                 {"法人番号", "corporate_number"}};
  org.fields = {
      Text("kind", "kind", "company, academic, public-research, support-body, financial, government"),
      Text("name", "display_name", "official name with legal form: 株式会社一関精工"),
      Text("kana", "kana", "reading in katakana"),
      Text("corporate-number", "corporate_number", "法人番号, 13 digits"),
      List("alias", "aliases", "another spelling or short name (repeatable)"),
      Text("postal-code", "address.postal_code", "021-0902"),
      Text("prefecture", "address.prefecture", "岩手県"),
      Text("city", "address.city", "一関市"),
      Text("district", "address.district", "一関, 花泉, 大東, 千厩, 東山, 川崎, 室根, 藤沢"),
      Text("street", "address.street", "street address"),
      List("jsic", "jsic_codes", "JSIC industry code, 2-4 digits (repeatable)"),
      List("industry", "industries", "業種 as lists write it (repeatable)"),
      Text("employees", "employees", "number of employees"),
      Text("capital", "capital_yen", "capital in yen"),
      Text("founded", "founded", "founding date: 1972, 1972-04 or 1972-04-01"),
      Text("phone", "contact.phone", "phone number"),
      Text("email", "contact.email", "e-mail address"),
      Text("url", "contact.url", "web site, https://…"),
      Text("representative", "representative", "代表者名"),
      Text("description", "description", "what the organization does"),
      ExternalIds(),
  };
  org.filters = {
      Text("kind", "kind", "organization kind"),
      Text("prefecture", "prefecture", "prefecture"),
      Text("city", "city", "city"),
      Text("district", "district", "district (head office or any site)"),
      Text("jsic", "jsic_code", "JSIC code; 18 also finds 1811"),
      Text("certification", "certification", "certification, e.g. ISO9001"),
      Ref("network", "network", "networks", "current members of a network"),
      Text("name-prefix", "name_prefix", "names starting with (legal form ignored)"),
      Text("name-contains", "name_contains", "names containing"),
  };
  org.required = {"kind", "name"};
  org.examples =
      "  renkei org list --district 千厩 --kind company\n"
      "  renkei org get 7            renkei org get --corporate-number 7000012050002\n"
      "  renkei org create --kind company --name 株式会社一関精工 --district 一関\n"
      "  renkei org update 7 --employees 52      renkei org delete 7 --cascade\n";
  all.push_back(org);

  Resource person;
  person.command = "person";
  person.noun = "person";
  person.collection = "people";
  person.service = "renkei.v1.PersonService";
  person.type = "Person";
  person.plural = "People";
  person.request_field = "person";
  person.list_field = "people";
  person.descriptor = v1::Person::descriptor();
  person.columns = {{"NAME", "name"},           {"氏名", "display_name"},
                    {"ROLE", "role"},           {"所属", "organization"},
                    {"部署", "department"},     {"職名", "title"}};
  person.fields = {
      Text("role", "role", "researcher, contact, coordinator"),
      Text("name", "display_name", "氏名"),
      Text("kana", "kana", "reading"),
      Ref("org", "organization", "organizations", "the organization the person belongs to"),
      Text("department", "department", "系 or 部"),
      Text("title", "title", "職名: 教授, 主任研究員 …"),
      List("field", "fields", "research field (repeatable)"),
      List("keyword", "keywords", "keyword (repeatable)"),
      Text("email", "contact.email", "e-mail address"),
      Text("phone", "contact.phone", "phone number"),
      ExternalIds(),
  };
  person.filters = {
      Ref("org", "organization", "organizations", "people of an organization"),
      Text("role", "role", "researcher, contact, coordinator"),
      Text("department", "department", "department"),
      Text("name-prefix", "name_prefix", "names starting with"),
      Text("name-contains", "name_contains", "names containing"),
  };
  person.required = {"role", "name", "org"};
  person.examples =
      "  renkei person list --org 1 --role researcher\n"
      "  renkei person create --role researcher --name '佐藤 花子' --org 1 --department 化学・バイオ系\n";
  all.push_back(person);

  Resource seed;
  seed.command = "seed";
  seed.noun = "seed";
  seed.collection = "seeds";
  seed.service = "renkei.v1.SeedService";
  seed.type = "Seed";
  seed.plural = "Seeds";
  seed.request_field = "seed";
  seed.list_field = "seeds";
  seed.descriptor = v1::Seed::descriptor();
  seed.columns = {{"NAME", "name"},
                  {"タイトル", "title"},
                  {"機関", "institution"},
                  {"研究者", "researchers"},
                  {"キーワード", "keywords"}};
  seed.fields = {
      Ref("institution", "institution", "organizations", "owning institution"),
      Ref("researcher", "researchers", "people", "researcher (repeatable, lead first)", true),
      Text("title", "title", "title"),
      Text("summary", "summary", "summary"),
      Text("body", "body", "full text"),
      List("keyword", "keywords", "keyword (repeatable)"),
      List("field", "fields", "research field (repeatable)"),
      List("application", "applications", "想定用途 (repeatable)"),
      List("equipment", "equipment", "保有設備 (repeatable)"),
      Text("ip-status", "ip_status", "none, patent-pending, patented, know-how"),
      Text("published", "published_on", "publication date"),
      ExternalIds(),
  };
  seed.filters = {
      Ref("institution", "institution", "organizations", "seeds of an institution"),
      Ref("researcher", "researcher", "people", "seeds of a researcher"),
      Text("field", "field", "research field"),
      Text("keyword", "keyword", "keyword"),
      Text("name-prefix", "name_prefix", "titles starting with"),
      Text("name-contains", "name_contains", "titles containing"),
  };
  seed.required = {"institution", "title"};
  seed.examples =
      "  renkei seed list --institution 1 --keyword UFB\n"
      "  renkei seed create --institution 1 --researcher 3 --title 'ウルトラファインバブル洗浄'\n";
  all.push_back(seed);

  Resource need;
  need.command = "need";
  need.noun = "need";
  need.collection = "needs";
  need.service = "renkei.v1.NeedService";
  need.type = "Need";
  need.plural = "Needs";
  need.request_field = "need";
  need.list_field = "needs";
  need.descriptor = v1::Need::descriptor();
  need.columns = {{"NAME", "name"},
                  {"タイトル", "title"},
                  {"企業", "company"},
                  {"STATUS", "status"},
                  {"公開", "visibility"}};
  need.fields = {
      Ref("company", "company", "organizations", "the company with the need"),
      Ref("contact", "contact_person", "people", "who to talk to"),
      Text("title", "title", "the problem in a line"),
      Text("body", "body", "the problem in full"),
      List("keyword", "keywords", "keyword (repeatable)"),
      List("field", "fields", "field (repeatable)"),
      Text("status", "status", "open, matched, closed"),
      Text("visibility", "visibility", "public, coordinators"),
      Text("posted", "posted_on", "date posted"),
      ExternalIds(),
  };
  need.filters = {
      Ref("company", "company", "organizations", "needs of a company"),
      Text("status", "status", "open, matched, closed"),
      Text("visibility", "visibility", "public, coordinators"),
      Text("name-prefix", "name_prefix", "titles starting with"),
      Text("name-contains", "name_contains", "titles containing"),
  };
  need.required = {"company", "title"};
  need.examples =
      "  renkei need list --status open\n"
      "  renkei need create --company 12 --title '製品に黒い粒が混じる原因を知りたい'\n";
  all.push_back(need);

  Resource collab;
  collab.command = "collab";
  collab.noun = "collaboration";
  collab.collection = "collaborations";
  collab.service = "renkei.v1.CollaborationService";
  collab.type = "Collaboration";
  collab.plural = "Collaborations";
  collab.request_field = "collaboration";
  collab.list_field = "collaborations";
  collab.descriptor = v1::Collaboration::descriptor();
  collab.columns = {{"NAME", "name"},       {"TYPE", "type"},
                    {"年度", "fiscal_year"}, {"タイトル", "title"},
                    {"参加機関", "participants.organization"},
                    {"件数", "case_count"}};
  collab.fields = {
      Text("type", "type",
           "joint-research, commissioned-research, technical-consultation, testing-analysis, "
           "joint-development, other"),
      Text("title", "title", "title"),
      Text("summary", "summary", "summary"),
      List("participant", "participants",
           "ORGANIZATION[:ROLE], role lead, partner, client, funder, coordinator (repeatable)"),
      Ref("seed", "seed", "seeds", "the seed it came from"),
      Ref("need", "need", "needs", "the need it came from"),
      Text("start", "start_date", "start date, 2025-04-01 (the 年度 follows from it)"),
      Text("end", "end_date", "end date"),
      Text("funding", "funding_program", "funding program"),
      Text("budget", "budget_yen", "budget in yen"),
      Text("cases", "case_count", "how many cases the record stands for (default 1)"),
      ExternalIds(),
  };
  collab.filters = {
      Text("type", "type", "collaboration type"),
      Text("year", "fiscal_year", "active in this 年度"),
      Ref("org", "organization", "organizations", "with this participant"),
      Ref("person", "person", "people", "with this person"),
      Ref("seed", "seed", "seeds", "from this seed"),
      Ref("need", "need", "needs", "from this need"),
      Text("name-contains", "name_contains", "titles containing"),
  };
  collab.required = {"type", "title", "participant", "start"};
  collab.examples =
      "  renkei collab list --year 2025 --type joint-research\n"
      "  renkei collab create --type testing-analysis --title '成分分析' --participant 2:lead \\\n"
      "      --participant 14:client --start 2025-05-01 --cases 12\n";
  all.push_back(collab);

  Resource network;
  network.command = "network";
  network.noun = "network";
  network.collection = "networks";
  network.service = "renkei.v1.NetworkService";
  network.type = "Network";
  network.plural = "Networks";
  network.request_field = "network";
  network.list_field = "networks";
  network.descriptor = v1::Network::descriptor();
  network.columns = {{"NAME", "name"},
                     {"名称", "display_name"},
                     {"設立", "founded"},
                     {"会員数", "member_count"},
                     {"事務局", "secretariat"}};
  network.fields = {
      Text("name", "display_name", "name"),
      Text("kana", "kana", "reading"),
      Text("founded", "founded", "founding year or date"),
      Ref("secretariat", "secretariat", "organizations", "事務局"),
      Text("scope", "scope", "地域・分野"),
      Text("description", "description", "description"),
      Text("url", "url", "web site"),
      ExternalIds(),
  };
  network.filters = {
      Ref("secretariat", "secretariat", "organizations", "networks run by"),
      Text("name-prefix", "name_prefix", "names starting with"),
      Text("name-contains", "name_contains", "names containing"),
  };
  network.required = {"name"};
  network.examples =
      "  renkei network list\n"
      "  renkei network create --name 千厩町工業クラブ --founded 1993\n";
  all.push_back(network);
  return all;
}

Resource BuildMembership() {
  Resource m;
  m.command = "member";
  m.noun = "membership";
  m.collection = "memberships";
  m.service = "renkei.v1.NetworkService";
  m.type = "Membership";
  m.plural = "Memberships";
  m.request_field = "membership";
  m.list_field = "memberships";
  m.descriptor = v1::Membership::descriptor();
  m.columns = {{"NAME", "name"},     {"会員", "organization"}, {"ROLE", "role"},
               {"役職", "role_label"}, {"入会", "since"},        {"退会", "until"}};
  m.fields = {
      Text("role", "role",
           "president, vice-president, director, secretary, auditor, member, "
           "supporting-member, advisor, secretariat"),
      Text("role-label", "role_label", "the role as the list writes it"),
      Text("since", "since", "joined"),
      Text("until", "until", "left"),
      Text("source-list", "source_list", "the member list it came from"),
      ExternalIds(),
  };
  m.examples =
      "  renkei member add 5 12 --role member --since 2020-04-01\n"
      "  renkei member list --network 5          renkei member list --org 12\n"
      "  renkei member remove 5 12\n";
  return m;
}

}  // namespace

const std::vector<Resource>& Resources() {
  static const std::vector<Resource>* resources = new std::vector<Resource>(Build());
  return *resources;
}

const Resource& MembershipResource() {
  static const Resource* membership = new Resource(BuildMembership());
  return *membership;
}

}  // namespace renkei::cli
