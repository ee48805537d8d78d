#include "importer/summary.h"

#include <ostream>

#include "absl/strings/str_format.h"
#include "importer/progress.h"

namespace renkei::importer {

void PrintSummary(const v1::ImportSummary& s, absl::Duration took, std::ostream& out) {
  const double seconds = absl::ToDoubleSeconds(took);
  const bool dry_run = s.dry_run();
  out << (dry_run ? "dry run (nothing written): " : "done: ") << Progress::Grouped(s.rows())
      << " rows read; " << (dry_run ? "would create " : "created ") << s.created() << ", linked "
      << s.linked() << ", updated " << s.updated() << ", ambiguous " << s.ambiguous()
      << ", rejected " << s.rejected();
  if (s.unmatched() > 0) out << ", unmatched " << s.unmatched();
  if (s.skipped() > 0) out << ", skipped " << s.skipped();
  out << "\n";
  if (s.memberships_created() + s.memberships_updated() > 0 || s.memberships_ended_size() > 0) {
    out << "memberships: " << s.memberships_created() << " added, " << s.memberships_updated()
        << " updated, " << s.memberships_ended_size() << (dry_run ? " would end" : " ended")
        << "\n";
  }
  out << absl::StrFormat(seconds < 10 ? "time %.2f s (%s rows/s)\n" : "time %.1f s (%s rows/s)\n",
                         seconds,
                         Progress::Grouped(seconds > 0 ? static_cast<int64_t>(s.rows() / seconds) : 0));
}

void PrintSync(const v1::ImportSummary& s, std::ostream& out) {
  out << "--sync: " << s.sync_message() << "\n";
  for (const std::string& ended : s.memberships_ended()) {
    out << (s.dry_run() ? "  would end " : "  ended ") << ended << "\n";
  }
  for (const std::string& held : s.memberships_not_ended()) out << "  not ended " << held << "\n";
}

}  // namespace renkei::importer
