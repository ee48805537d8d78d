// The role matrix, cell by cell: for every RPC, what each kind of caller
// gets. Written out here independently of the server's own tables
// (server/access/roles.cc, policy.cc), so that a change there that moves a
// cell fails a test. Columns: admin, coordinator, importer, company A,
// company B, reader, anonymous, anonymous of a server that opens the public
// catalogue (--public_catalogue). The requests are in access_matrix_test.cc.
//
// Cells: A = answered (OK); P = past the gate (any answer but
// UNAUTHENTICATED or PERMISSION_DENIED: e.g. a wrong current password);
// D = PERMISSION_DENIED; U = UNAUTHENTICATED.
#ifndef RENKEI_TESTS_ACCESS_ACCESS_MATRIX_TABLE_H_
#define RENKEI_TESTS_ACCESS_ACCESS_MATRIX_TABLE_H_

namespace renkei::testing {

struct MatrixRow {
  const char* method;  // "NeedService.GetNeed" (package renkei.v1)
  const char* cells;   // one letter per column
};

inline constexpr int kMatrixColumns = 8;

inline constexpr MatrixRow kMatrix[] = {
    {"OrganizationService.GetOrganization", "AAAAAAUA"},
    {"OrganizationService.ListOrganizations", "AAAAAAUA"},
    {"OrganizationService.CreateOrganization", "AADDDDUU"},
    {"OrganizationService.UpdateOrganization", "AADADDUU"},
    {"OrganizationService.DeleteOrganization", "AADDDDUU"},
    {"PersonService.GetPerson", "AADADAUD"},
    {"PersonService.ListPeople", "AADAAAUA"},
    {"PersonService.CreatePerson", "AADADDUU"},
    {"PersonService.UpdatePerson", "AADADDUU"},
    {"PersonService.DeletePerson", "AADADDUU"},
    {"SeedService.GetSeed", "AADAAAUA"},
    {"SeedService.ListSeeds", "AADAAAUA"},
    {"SeedService.CreateSeed", "AADDDDUU"},
    {"SeedService.UpdateSeed", "AADDDDUU"},
    {"SeedService.DeleteSeed", "AADDDDUU"},
    {"NeedService.GetNeed", "AADADDUU"},
    {"NeedService.ListNeeds", "AADAAAUU"},
    {"NeedService.CreateNeed", "AADADDUU"},
    {"NeedService.UpdateNeed", "AADADDUU"},
    {"NeedService.DeleteNeed", "AADADDUU"},
    {"CollaborationService.GetCollaboration", "AADADAUU"},
    {"CollaborationService.ListCollaborations", "AADAAAUU"},
    {"CollaborationService.CreateCollaboration", "AADDDDUU"},
    {"CollaborationService.UpdateCollaboration", "AADDDDUU"},
    {"CollaborationService.DeleteCollaboration", "AADDDDUU"},
    {"NetworkService.GetNetwork", "AAAAAAUU"},
    {"NetworkService.ListNetworks", "AAAAAAUU"},
    {"NetworkService.CreateNetwork", "AADDDDUU"},
    {"NetworkService.UpdateNetwork", "AADDDDUU"},
    {"NetworkService.DeleteNetwork", "AADDDDUU"},
    {"NetworkService.CreateMembership", "AADDDDUU"},
    {"NetworkService.GetMembership", "AAAAAAUU"},
    {"NetworkService.ListMemberships", "AAAAAAUU"},
    {"NetworkService.ListOrganizationMemberships", "AAAAAAUU"},
    {"NetworkService.UpdateMembership", "AADDDDUU"},
    {"NetworkService.DeleteMembership", "AADDDDUU"},
    {"ChangeService.WatchChanges", "AADAAAUU"},
    {"IndicatorService.GetIndicators", "AADDDAUU"},
    {"SystemService.Ping", "AAAAAAUU"},
    {"SystemService.GetServerInfo", "AAAAAAUU"},
    {"SystemService.Backup", "ADDDDDUU"},
    {"SystemService.GetMetrics", "ADDDDAUU"},
    {"SearchService.SearchOrganizations", "AAAAAAUA"},
    {"SearchService.SearchPeople", "AADAAAUA"},
    {"SearchService.SearchSeeds", "AADAAAUA"},
    {"SearchService.SearchNeeds", "AADAAAUU"},
    {"MatchService.SuggestForNeed", "AADADDUU"},
    {"MatchService.SuggestForText", "AADAAAUU"},
    {"MatchService.SuggestForSeed", "AADDDAUU"},
    {"MatchService.SuggestPartners", "AADADAUU"},
    {"MatchService.RecordFeedback", "AADDDDUU"},
    {"MatchService.ListFeedback", "AADDDDUU"},
    {"MatchService.UpdateFeedback", "AADDDDUU"},
    {"MatchService.DeleteFeedback", "AADDDDUU"},
    {"MatchService.ReloadThesaurus", "AADDDDUU"},
    {"ImportService.Import", "AAADDDUU"},
    {"ImportService.ImportFile", "AAADDDUU"},
    {"AccessService.Login", "AAAAAAAA"},
    {"AccessService.Logout", "AAAAAAUU"},
    {"AccessService.WhoAmI", "AAAAAAUU"},
    {"AccessService.ChangePassword", "PPPPPPUU"},
    {"AdminService.CreateUser", "ADDDDDUU"},
    {"AdminService.GetUser", "ADDDDDUU"},
    {"AdminService.ListUsers", "ADDDDDUU"},
    {"AdminService.UpdateUser", "ADDDDDUU"},
    {"AdminService.SetPassword", "ADDDDDUU"},
    {"AdminService.CreateToken", "ADDDDDUU"},
    {"AdminService.ListTokens", "ADDDDDUU"},
    {"AdminService.RevokeToken", "ADDDDDUU"},
    {"AdminService.ListAuditEvents", "ADDDDDUU"},
};

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_ACCESS_ACCESS_MATRIX_TABLE_H_
