// renkei: the command-line client of renkei-server, for coordinators and
// for scripts. main() builds the command tree with CLI11, then runs the one
// command chosen (cli/commands.h). docs/cli.md describes every command.
#include <CLI/CLI.hpp>

#include <deque>
#include <functional>
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "cli/access_commands.h"
#include "cli/client.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/fields.h"
#include "cli/match_commands.h"
#include "cli/output.h"
#include "cli/resources.h"
#include "importer/import_flags.h"
#include "importer/import_run.h"

namespace renkei::cli {
namespace {

constexpr char kFooter[] = R"(
Records are named by resource name (organizations/7), by bare id (7), or by
an external id (--ext SOURCE=VALUE; organizations also --corporate-number).

Environment: RENKEI_SERVER (the server, default 127.0.0.1:50051), RENKEI_TOKEN
(a bearer token; else --token-file, else the one `renkei login` saved).

Exit codes: 0 ok, 1 other failure, 2 usage error, 3 not found,
4 invalid input, 5 conflict (stale etag, already exists, still referred to),
6 permission denied, 7 server unavailable or timed out.

Examples:
  renkei org list --district 千厩
  renkei org get --corporate-number 7000012050002 -o json > org.json
  renkei org update 7 --from org.json
  renkei stats --year 2025
  renkei watch --since 0 --to-head -o jsonl
  renkei search seed 'めっき 密着'
  renkei match need 12
  renkei match text '叩いて音で確かめる検査を自動にしたい'
  renkei import members 会員名簿.csv --network 3 --dry-run)";

// Everything the options of one subcommand fill in.
struct Args {
  FlagValues values;
  RecordRef ref;
  std::string network, organization;  // member commands
  std::string from, request_id, etag, page_token;
  std::vector<std::string> clear, collections;
  int page_size = 0;
  bool all = false, cascade = false, current = false, to_head = false;
  int year = 0;
  int64_t since = 0;
  // search and feedback
  std::string query, label, need, text, note, coordinator, collaboration, suggestion;
  bool without_thesaurus = false;
};

void AddFieldOptions(CLI::App* command, const std::vector<FieldFlag>& flags, Args* args) {
  for (const FieldFlag& flag : flags) {
    auto* option =
        command->add_option("--" + flag.flag, args->values[flag.flag], flag.help)->allow_extra_args(false);
    option->multi_option_policy(flag.repeated ? CLI::MultiOptionPolicy::TakeAll
                                              : CLI::MultiOptionPolicy::TakeLast);
  }
}

// The ways to name the record: an id, or a key the server looks up. Where
// --ext and --corporate-number set fields (update), the look-ups are spelled
// --by-ext and --by-corporate-number; elsewhere both spellings work.
void AddRefOptions(CLI::App* command, const Resource& resource, Args* args, bool sets_fields) {
  command->add_option("id", args->ref.ref,
                      absl::StrCat("the ", resource.noun, ": ", resource.collection, "/ID or ID"));
  command->add_option(sets_fields ? "--by-ext" : "--ext,--by-ext", args->ref.external_id,
                      absl::StrCat("find the ", resource.noun, " by external id SOURCE=VALUE"));
  if (resource.command == "org") {
    command->add_option(sets_fields ? "--by-corporate-number"
                                    : "--corporate-number,--by-corporate-number",
                        args->ref.corporate_number, "find the organization by 法人番号");
  }
}

// "a seed", "an organization".
std::string A(const std::string& noun) {
  return (noun[0] == 'o' || noun[0] == 'a' || noun[0] == 'e' ? "an " : "a ") + noun;
}

using OnRun =
    std::function<void(CLI::App*, std::string, std::function<int(const Session&)>)>;

// Options of the access commands; kept alive while the command line parses.
struct AccessArgs {
  std::string username, user, role, organization, description, expires, token, record, since;
  UserFields fields;
  bool password_stdin = false, all = false;
  int limit = 1000;
};

void AddUserFieldOptions(CLI::App* command, UserFields* fields) {
  command->add_option("--display-name", fields->display_name, "氏名 or the service's name");
  command->add_option("--role", fields->role, "admin, coordinator, importer, company, reader");
  command->add_option("--org", fields->organizations,
                      "an organization a company user acts for (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--person", fields->person, "the user's person record");
  command->add_option("--email", fields->email, "e-mail address");
}

// renkei login | logout | whoami | admin user … | admin token … | audit.
void AddAccessCommands(CLI::App* app, std::deque<AccessArgs>* storage, const OnRun& on_run) {
  AccessArgs& login = storage->emplace_back();
  CLI::App* login_cmd = app->add_subcommand("login", "sign in; the token is kept for later commands");
  login_cmd->add_option("--username", login.username, "the user name (else asked)");
  login_cmd->add_flag("--password-stdin", login.password_stdin, "read the password from stdin");
  on_run(login_cmd, "login", [&login](const Session& s) {
    return LoginCommand(s, login.username, login.password_stdin);
  });
  on_run(app->add_subcommand("logout", "sign out: revoke the saved token and remove it"),
         "logout", [](const Session& s) { return LogoutCommand(s); });
  on_run(app->add_subcommand("whoami", "who the server takes you for"), "whoami",
         [](const Session& s) { return WhoAmICommand(s); });

  CLI::App* admin = app->add_subcommand("admin", "users and tokens (administrators)");
  admin->require_subcommand(1);
  CLI::App* user = admin->add_subcommand("user", "users and service accounts");
  user->require_subcommand(1);
  user->footer("\nExamples:\n  renkei admin user create sato --role coordinator --display-name '佐藤 一郎'\n"
               "  renkei admin user create iwai --role company --org 12\n"
               "  renkei admin user create dashboard --role reader --service\n"
               "  renkei admin user disable sato\n");
  AccessArgs& create = storage->emplace_back();
  CLI::App* create_cmd = user->add_subcommand("create", "a new user (a random password is shown once)");
  create_cmd->add_option("username", create.username, "the user name")->required();
  AddUserFieldOptions(create_cmd, &create.fields);
  create_cmd->add_flag("--service", create.fields.service, "a service account (tokens only)");
  create_cmd->add_flag("--password-stdin", create.password_stdin, "read the password from stdin");
  on_run(create_cmd, "admin user create", [&create](const Session& s) {
    return UserCreateCommand(s, create.username, create.fields, create.password_stdin);
  });
  AccessArgs& list = storage->emplace_back();
  CLI::App* list_cmd = user->add_subcommand("list", "list users");
  list_cmd->add_option("--role", list.role, "only this role");
  list_cmd->add_option("--org", list.organization, "only users acting for this organization");
  on_run(list_cmd, "admin user list",
         [&list](const Session& s) { return UserListCommand(s, list.role, list.organization); });
  for (const char* verb : {"get", "update", "disable", "enable", "reset-password"}) {
    AccessArgs& a = storage->emplace_back();
    CLI::App* cmd = user->add_subcommand(verb, absl::StrCat(verb, " a user"));
    cmd->add_option("user", a.user, "user name or users/N")->required();
    const std::string v = verb;
    if (v == "update") AddUserFieldOptions(cmd, &a.fields);
    if (v == "reset-password") {
      cmd->add_flag("--password-stdin", a.password_stdin, "read the password from stdin");
    }
    on_run(cmd, absl::StrCat("admin user ", v), [&a, v](const Session& s) {
      if (v == "get") return UserGetCommand(s, a.user);
      if (v == "update") return UserUpdateCommand(s, a.user, a.fields);
      if (v == "reset-password") return UserResetPasswordCommand(s, a.user, a.password_stdin);
      return UserEnableCommand(s, a.user, v == "enable");
    });
  }

  CLI::App* token = admin->add_subcommand("token", "API tokens of users and service accounts");
  token->require_subcommand(1);
  AccessArgs& made = storage->emplace_back();
  CLI::App* made_cmd = token->add_subcommand("create", "a new token (shown once)");
  made_cmd->add_option("user", made.user, "user name or users/N")->required();
  made_cmd->add_option("--description", made.description, "what it is for");
  made_cmd->add_option("--expires", made.expires, "90d, 12h or a time (default: never)");
  on_run(made_cmd, "admin token create", [&made](const Session& s) {
    return TokenCreateCommand(s, made.user, made.description, made.expires);
  });
  AccessArgs& tokens = storage->emplace_back();
  CLI::App* tokens_cmd = token->add_subcommand("list", "list tokens");
  tokens_cmd->add_option("--user", tokens.user, "only this user's");
  tokens_cmd->add_flag("--all", tokens.all, "revoked and expired ones too");
  on_run(tokens_cmd, "admin token list",
         [&tokens](const Session& s) { return TokenListCommand(s, tokens.user, tokens.all); });
  AccessArgs& revoke = storage->emplace_back();
  CLI::App* revoke_cmd = token->add_subcommand("revoke", "revoke a token (or a login session)");
  revoke_cmd->add_option("token", revoke.token, "tokens/N or N")->required();
  on_run(revoke_cmd, "admin token revoke",
         [&revoke](const Session& s) { return TokenRevokeCommand(s, revoke.token); });

  AccessArgs& backup = storage->emplace_back();
  CLI::App* backup_cmd = admin->add_subcommand(
      "backup", "back the database up while it serves, into a directory on the server's machine");
  backup_cmd->add_option("directory", backup.record, "absolute path, e.g. /var/backups/renkei")
      ->required();
  backup_cmd->footer("\nBackups into one directory are incremental. Restore with\n"
                     "  renkei-server --restore_from DIR --data_dir NEW_DIR\n"
                     "(docs/operations.md). A large store may need --timeout 1h.\n");
  on_run(backup_cmd, "admin backup",
         [&backup](const Session& s) { return BackupCommand(s, backup.record); });

  AccessArgs& audit = storage->emplace_back();
  CLI::App* audit_cmd = app->add_subcommand("audit", "the audit trail: changes and security events");
  audit_cmd->add_option("--user", audit.user, "only what this user did (name or users/N)");
  audit_cmd->add_option("--record", audit.record, "only about this record (needs/5)");
  audit_cmd->add_option("--since", audit.since, "from this time: 24h, 7d, 2026-12-01 …");
  audit_cmd->add_option("--limit", audit.limit, "at most this many events (default 1000)");
  audit_cmd->footer("\nExamples:\n  renkei audit --since 24h\n  renkei audit --user sato --since 7d\n"
                    "  renkei audit --record needs/5\n");
  on_run(audit_cmd, "audit", [&audit](const Session& s) {
    return AuditCommand(s, audit.user, audit.record, audit.since, audit.limit);
  });
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app("renkei: the command-line client of renkei-server, the database of a region's "
               "産学官金 network.",
               "renkei");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(kFooter);
  app.set_version_flag("--version", RENKEI_VERSION);

  ConnectionOptions connection;
  if (const char* env = std::getenv("RENKEI_SERVER"); env != nullptr && *env != '\0') {
    connection.server = env;
  }
  double timeout_seconds = 30;
  std::string output, columns;
  app.add_option("--server", connection.server, "renkei-server address HOST:PORT")
      ->capture_default_str();
  app.add_option("--timeout", timeout_seconds, "seconds to wait for each call")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--tls", connection.tls, "connect with TLS");
  app.add_option("--ca-file", connection.ca_file, "PEM root certificates for TLS");
  app.add_option("--token-file", connection.token_file,
                 "file with a bearer token to send (else RENKEI_TOKEN, else `renkei login`'s)");
  app.add_option("-o,--output", output,
                 "table, json, jsonl, csv or yaml (default: table on a terminal, jsonl when piped)");
  app.add_option("--columns", columns, "columns of table and csv output: field paths, e.g. "
                                       "name,display_name,address.district");

  std::deque<Args> storage;  // stable addresses for the options
  std::function<int(const Session&)> action;
  std::string label;
  auto on_run = [&](CLI::App* command, std::string name, std::function<int(const Session&)> run) {
    command->callback([&action, &label, name, run] {
      label = name;
      action = run;
    });
  };

  for (const Resource& resource : Resources()) {
    CLI::App* group = app.add_subcommand(resource.command, absl::StrCat(resource.noun, " records"));
    group->require_subcommand(1);
    group->footer(absl::StrCat("\nExamples:\n", resource.examples));
    const std::string cmd = resource.command;

    Args& get = storage.emplace_back();
    CLI::App* get_cmd = group->add_subcommand("get", absl::StrCat("show one ", resource.noun));
    AddRefOptions(get_cmd, resource, &get, false);
    on_run(get_cmd, cmd + " get",
           [&resource, &get](const Session& s) { return GetCommand(s, resource, get.ref); });

    Args& list = storage.emplace_back();
    CLI::App* list_cmd = group->add_subcommand("list", absl::StrCat("list ", resource.collection));
    AddFieldOptions(list_cmd, resource.filters, &list);
    list_cmd->add_option("--page-size", list.page_size, "records per page (default 50, max 1000)");
    list_cmd->add_option("--page-token", list.page_token, "continue where a page ended");
    list_cmd->add_flag("--all", list.all, "follow every page (streams, any number of records)");
    on_run(list_cmd, cmd + " list", [&resource, &list](const Session& s) {
      return ListCommand(s, resource, list.values, list.page_size, list.page_token, list.all);
    });

    Args& create = storage.emplace_back();
    CLI::App* create_cmd = group->add_subcommand(
        "create", absl::StrCat("create ", A(resource.noun), " from flags and/or --from FILE"));
    AddFieldOptions(create_cmd, resource.fields, &create);
    create_cmd->add_option("--from", create.from,
                           "the record in protobuf JSON (as `get -o json` prints it); - for stdin");
    create_cmd->add_option("--request-id", create.request_id,
                           "repeat-safe id: the same id never creates twice");
    on_run(create_cmd, cmd + " create", [&resource, &create](const Session& s) {
      return CreateCommand(s, resource, create.values, create.from, create.request_id, "");
    });

    Args& update = storage.emplace_back();
    CLI::App* update_cmd = group->add_subcommand(
        "update", absl::StrCat("change fields of ", A(resource.noun), "; only those are sent"));
    AddRefOptions(update_cmd, resource, &update, true);
    AddFieldOptions(update_cmd, resource.fields, &update);
    update_cmd->add_option("--from", update.from,
                           "protobuf JSON: the fields it holds that differ are changed");
    update_cmd->add_option("--clear", update.clear, "clear a field, e.g. --clear address.building")
        ->allow_extra_args(false);
    update_cmd->add_option("--etag", update.etag,
                           "the etag read earlier (default: read the record now)");
    on_run(update_cmd, cmd + " update", [&resource, &update](const Session& s) {
      return UpdateCommand(s, resource, update.ref, update.values, update.clear, update.from,
                           update.etag);
    });

    Args& remove = storage.emplace_back();
    CLI::App* delete_cmd = group->add_subcommand("delete", absl::StrCat("delete ", A(resource.noun)));
    AddRefOptions(delete_cmd, resource, &remove, false);
    delete_cmd->add_flag("--cascade", remove.cascade,
                         "also delete what it owns and drop references to it");
    delete_cmd->add_option("--etag", remove.etag, "delete only if still at this etag");
    on_run(delete_cmd, cmd + " delete", [&resource, &remove](const Session& s) {
      return DeleteCommand(s, resource, remove.ref, remove.cascade, remove.etag);
    });
  }

  // Memberships: renkei member add|remove|get|update|list.
  const Resource& membership = MembershipResource();
  CLI::App* member = app.add_subcommand("member", "memberships of organizations in networks");
  member->require_subcommand(1);
  member->footer(absl::StrCat("\nExamples:\n", membership.examples));
  auto pair_options = [](CLI::App* command, Args* args) {
    command->add_option("network", args->network, "the network: networks/ID or ID")->required();
    command->add_option("organization", args->organization,
                        "the member: organizations/ID or ID")->required();
  };
  auto membership_ref = [](Args& args) {
    RecordRef ref = args.ref;
    if (!args.network.empty()) ref.ref = absl::StrCat(args.network, "/", args.organization);
    return ref;
  };
  {
    Args& add = storage.emplace_back();
    CLI::App* cmd = member->add_subcommand("add", "add an organization to a network");
    pair_options(cmd, &add);
    AddFieldOptions(cmd, membership.fields, &add);
    cmd->add_option("--from", add.from, "the membership in protobuf JSON; - for stdin");
    cmd->add_option("--request-id", add.request_id, "repeat-safe id");
    on_run(cmd, "member add", [&membership, &add](const Session& s) {
      absl::StatusOr<std::string> parent = NormalizeReference(add.network, "networks");
      if (!parent.ok()) return Report(s, parent.status());
      FlagValues values = add.values;
      values["organization-ref"] = {add.organization};
      // The organization goes in the record; the network is the parent.
      Resource with_org = membership;
      with_org.fields.push_back({"organization-ref", "organization", "", "organizations", false});
      return CreateCommand(s, with_org, values, add.from, add.request_id, *parent);
    });
  }
  {
    Args& remove = storage.emplace_back();
    CLI::App* cmd = member->add_subcommand("remove", "take an organization out of a network");
    pair_options(cmd, &remove);
    cmd->add_option("--etag", remove.etag, "remove only if still at this etag");
    on_run(cmd, "member remove", [&membership, &remove, membership_ref](const Session& s) {
      return DeleteCommand(s, membership, membership_ref(remove), false, remove.etag);
    });
  }
  {
    Args& get = storage.emplace_back();
    CLI::App* cmd = member->add_subcommand("get", "show one membership");
    cmd->add_option("network", get.network, "the network");
    cmd->add_option("organization", get.organization, "the member");
    cmd->add_option("--ext", get.ref.external_id, "find it by 会員番号: SOURCE=VALUE");
    on_run(cmd, "member get", [&membership, &get, membership_ref](const Session& s) {
      return GetCommand(s, membership, membership_ref(get));
    });
  }
  {
    Args& update = storage.emplace_back();
    CLI::App* cmd = member->add_subcommand("update", "change a membership (role, until …)");
    pair_options(cmd, &update);
    AddFieldOptions(cmd, membership.fields, &update);
    cmd->add_option("--from", update.from, "protobuf JSON of the fields to change");
    cmd->add_option("--clear", update.clear, "clear a field")->allow_extra_args(false);
    cmd->add_option("--etag", update.etag, "the etag read earlier");
    on_run(cmd, "member update", [&membership, &update, membership_ref](const Session& s) {
      return UpdateCommand(s, membership, membership_ref(update), update.values, update.clear,
                           update.from, update.etag);
    });
  }
  {
    Args& list = storage.emplace_back();
    CLI::App* cmd = member->add_subcommand("list", "members of a network, or networks of an organization");
    cmd->add_option("--network", list.network, "members of this network");
    cmd->add_option("--org", list.organization, "memberships of this organization");
    cmd->add_flag("--current", list.current, "only memberships without an end date");
    cmd->add_option("--page-size", list.page_size, "records per page");
    cmd->add_option("--page-token", list.page_token, "continue where a page ended");
    cmd->add_flag("--all", list.all, "follow every page");
    on_run(cmd, "member list", [&list](const Session& s) {
      return ListMembersCommand(s, list.network, list.organization, list.current, list.page_size,
                                list.page_token, list.all);
    });
  }

  // Search: renkei search org|person|seed|need QUERY [filters].
  CLI::App* search = app.add_subcommand("search", "ranked full-text search, with the thesaurus");
  search->require_subcommand(1);
  search->footer("\nExamples:\n  renkei search seed '外観検査 自動化'\n"
                 "  renkei search org 'めっき' --district 一関\n");
  for (const Resource& resource : Resources()) {
    if (resource.command != "org" && resource.command != "person" && resource.command != "seed" &&
        resource.command != "need") {
      continue;
    }
    Args& args = storage.emplace_back();
    CLI::App* cmd = search->add_subcommand(resource.command,
                                           absl::StrCat("search ", resource.collection));
    cmd->add_option("query", args.query, "words to search for")->required();
    std::vector<FieldFlag> filters;
    for (const FieldFlag& f : resource.filters) {
      if (f.flag != "name-prefix" && f.flag != "name-contains") filters.push_back(f);
    }
    AddFieldOptions(cmd, filters, &args);
    cmd->add_option("--page-size", args.page_size, "results per page (default 20)");
    cmd->add_option("--page-token", args.page_token, "the next page");
    cmd->add_flag("--no-thesaurus", args.without_thesaurus, "search only the words given");
    const std::string what = resource.command;
    on_run(cmd, "search " + what, [what, &args](const Session& s) {
      return SearchCommand(s, what, args.query, args.values, args.page_size, args.page_token,
                           args.without_thesaurus);
    });
  }

  // Matching: renkei match need|text|seed|partners …, feedback.
  CLI::App* match = app.add_subcommand("match", "explained suggestions: who could help whom");
  match->require_subcommand(1);
  match->footer(
      "\nExamples:\n  renkei match need 12\n"
      "  renkei match text '洗浄に水をたくさん使っているので減らしたい' --company 35\n"
      "  renkei match seed 4            renkei match partners 12 --district 千厩\n"
      "  renkei match feedback seeds/4 --need 12 --label useful --note '来週面談'\n");
  struct MatchArgs {
    std::string subject;
    MatchOptions options;
  };
  std::deque<MatchArgs> match_storage;
  const std::vector<std::tuple<std::string, std::string, std::string>> kinds = {
      {"need", "seeds that could solve a need", "the need: needs/ID or ID"},
      {"text", "seeds for a problem in words (nothing stored)", "the problem, in words"},
      {"seed", "companies that could use a seed", "the seed: seeds/ID or ID"},
      {"partners", "partners for an organization (企業間連携)", "the organization"}};
  for (const auto& [what, help, subject_help] : kinds) {
    MatchArgs& args = match_storage.emplace_back();
    CLI::App* cmd = match->add_subcommand(what, help);
    cmd->add_option(what == "text" ? "text" : "id", args.subject, subject_help)->required();
    if (what == "text") {
      cmd->add_option("--company", args.options.company, "the company asking (for networks, past work, distance)");
    }
    cmd->add_option("--institution", args.options.institution, "only this institution's seeds");
    cmd->add_option("--kind", args.options.kind, "only organizations of this kind");
    cmd->add_option("--district", args.options.district, "only in this district");
    cmd->add_flag("--exclude-collaborating", args.options.exclude_collaborating,
                  "leave out those already working together");
    cmd->add_flag("--no-thesaurus", args.options.without_thesaurus, "match only the words given");
    cmd->add_option("--limit", args.options.limit, "how many (default 10)");
    const std::string name = what;
    on_run(cmd, "match " + name, [name, &args](const Session& s) {
      return MatchCommand(s, name, args.subject, args.options);
    });
  }
  {
    Args& f = storage.emplace_back();
    CLI::App* cmd = match->add_subcommand("feedback", "record what became of a suggestion");
    cmd->add_option("suggestion", f.suggestion, "the suggested seed or organization")->required();
    cmd->add_option("--label", f.label,
                    "useful, not-useful, contacted, became-collaboration")->required();
    cmd->add_option("--need", f.need, "the need it answered");
    cmd->add_option("--text", f.text, "or the question in words");
    cmd->add_option("--note", f.note, "a note");
    cmd->add_option("--coordinator", f.coordinator, "who says so");
    cmd->add_option("--collaboration", f.collaboration, "the collaboration it became");
    on_run(cmd, "match feedback", [&f](const Session& s) {
      return FeedbackCommand(s, f.suggestion, f.label, f.need, f.text, f.note, f.coordinator,
                             f.collaboration);
    });
    Args& l = storage.emplace_back();
    CLI::App* list_cmd = match->add_subcommand("feedback-list", "list recorded feedback");
    list_cmd->add_option("--need", l.need, "for a need");
    list_cmd->add_option("--suggestion", l.suggestion, "on a seed or organization");
    on_run(list_cmd, "match feedback-list", [&l](const Session& s) {
      return FeedbackListCommand(s, l.need, l.suggestion);
    });
  }
  CLI::App* thesaurus = app.add_subcommand("thesaurus", "the domain thesaurus");
  thesaurus->require_subcommand(1);
  CLI::App* reload = thesaurus->add_subcommand("reload", "have the server read it again");
  on_run(reload, "thesaurus reload", [](const Session& s) { return ReloadThesaurusCommand(s); });

  Args& stats = storage.emplace_back();
  CLI::App* stats_cmd = app.add_subcommand("stats", "the city plan's indicators for a 年度");
  stats_cmd->add_option("--year", stats.year, "the 年度 (default: the current one)");
  stats_cmd->footer("\nExample:\n  renkei stats --year 2025\n");
  on_run(stats_cmd, "stats", [&stats](const Session& s) {
    return StatsCommand(s, stats.year != 0 ? stats.year : CurrentFiscalYear());
  });

  Args& watch = storage.emplace_back();
  CLI::App* watch_cmd = app.add_subcommand("watch", "follow the change feed");
  watch_cmd->add_option("--since", watch.since, "start after this revision (default 0: everything)");
  watch_cmd->add_option("--collection", watch.collections,
                        "only this collection: organizations, seeds … (repeatable)")
      ->allow_extra_args(false);
  watch_cmd->add_flag("--to-head", watch.to_head, "stop once caught up instead of following");
  watch_cmd->footer("\nExamples:\n  renkei watch --since 1200 -o jsonl\n"
                    "  renkei watch --collection needs --to-head\n");
  on_run(watch_cmd, "watch", [&watch](const Session& s) {
    return WatchCommand(s, watch.since, watch.collections, watch.to_head);
  });

  importer::ImportFlags import_flags;
  CLI::App* import_cmd = app.add_subcommand(
      "import", "load a member list, organizations, seeds … from a file (as renkei-import)");
  importer::AddImportFlags(import_cmd, &import_flags, /*with_server=*/false);
  import_cmd->footer(importer::kImportHelpFooter);
  on_run(import_cmd, "import", [&import_flags](const Session& s) {
    if (const int code = importer::FinishImportFlags(&import_flags, std::cerr); code != 0) {
      return code;
    }
    import_flags.options.connection = s.client->options();
    return importer::RunImport(import_flags.options, std::cout, std::cerr);
  });

  std::deque<AccessArgs> access_storage;
  AddAccessCommands(&app, &access_storage, on_run);

  CLI::App* health_cmd = app.add_subcommand("health", "is the server up? (gRPC health check)");
  on_run(health_cmd, "health", [](const Session& s) { return HealthCommand(s); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "renkei: " << e.what() << " (see renkei --help)\n";
    return kExitUsage;
  }
  if (!action) {
    std::cerr << "renkei: no command (see renkei --help)\n";
    return kExitUsage;
  }

  Session session;
  session.label = label;
  session.columns = columns;
  session.format = DefaultFormat();
  if (!output.empty()) {
    absl::StatusOr<Format> format = ParseFormat(output);
    if (!format.ok()) {
      std::cerr << "renkei: " << format.status().message() << "\n";
      return kExitUsage;
    }
    session.format = *format;
  }
  session.width = TerminalWidth();
  connection.timeout = absl::Seconds(timeout_seconds);
  absl::StatusOr<std::unique_ptr<Client>> client = Client::Create(connection);
  if (!client.ok()) return Report(session, client.status());
  session.client = client->get();
  return action(session);
}

}  // namespace renkei::cli

int main(int argc, char** argv) { return renkei::cli::Main(argc, argv); }
