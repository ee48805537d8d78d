// `renkei search …`, `renkei match …` and `renkei thesaurus reload`: ranked
// search and explained suggestions, shown with rank, score and reason.
#ifndef RENKEI_CLI_MATCH_COMMANDS_H_
#define RENKEI_CLI_MATCH_COMMANDS_H_

#include <string>

#include "cli/commands.h"

namespace renkei::cli {

struct MatchOptions {
  std::string institution, district, kind, company;
  bool exclude_collaborating = false;
  bool without_thesaurus = false;
  int limit = 0;
};

// `what`: org, person, seed, need. Filters are the List filters of `what`.
int SearchCommand(const Session& session, const std::string& what, const std::string& query,
                  const FlagValues& filters, int page_size, const std::string& page_token,
                  bool without_thesaurus);
// `what`: need, text, seed, partners; `subject` the need / text / seed /
// organization.
int MatchCommand(const Session& session, const std::string& what, const std::string& subject,
                 const MatchOptions& options);
int FeedbackCommand(const Session& session, const std::string& suggestion,
                    const std::string& label, const std::string& need, const std::string& text,
                    const std::string& note, const std::string& coordinator,
                    const std::string& collaboration);
int FeedbackListCommand(const Session& session, const std::string& need,
                        const std::string& suggestion);
int ReloadThesaurusCommand(const Session& session);

}  // namespace renkei::cli

#endif  // RENKEI_CLI_MATCH_COMMANDS_H_
