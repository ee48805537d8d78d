#include "server/access/audit.h"

#include <deque>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "renkei/v1/access.pb.h"
#include "renkei/v1/change.pb.h"
#include "server/store/store.h"
#include "server/util/errors.h"
#include "server/util/log.h"
#include "server/util/status_macros.h"

namespace renkei::access {
namespace {

constexpr int kDefaultPage = 100;
constexpr int kMaxPage = 1000;
constexpr int kMaxExamined = 100000;
constexpr size_t kChunk = 256;

int64_t NanosOf(const google::protobuf::Timestamp& t) {
  return t.seconds() * 1'000'000'000 + t.nanos();
}

void SetNow(google::protobuf::Timestamp* t) {
  const int64_t nanos = absl::ToUnixNanos(absl::Now());
  t->set_seconds(nanos / 1'000'000'000);
  t->set_nanos(static_cast<int32_t>(nanos % 1'000'000'000));
}

const char* ChangeDetail(v1::ChangeKind kind) {
  switch (kind) {
    case v1::CHANGE_KIND_CREATED: return "created";
    case v1::CHANGE_KIND_UPDATED: return "updated";
    case v1::CHANGE_KIND_DELETED: return "deleted";
    default: return "changed";
  }
}

// Where a page continues: the last change-log revision and security-event
// sequence already returned.
struct Position {
  int64_t revision = 0;
  uint64_t sequence = 0;
};

std::string EncodePosition(const Position& p) {
  return absl::WebSafeBase64Escape(absl::StrCat("a", p.revision, ".", p.sequence));
}

absl::StatusOr<Position> DecodePosition(const std::string& token) {
  Position p;
  if (token.empty()) return p;
  std::string raw;
  std::vector<std::string> parts;
  if (absl::WebSafeBase64Unescape(token, &raw) && raw.size() > 1 && raw[0] == 'a') {
    parts = absl::StrSplit(raw.substr(1), '.');
  }
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &p.revision) ||
      !absl::SimpleAtoi(parts[1], &p.sequence) || p.revision < 0) {
    return InvalidFieldError("page_token", "is not a page token of the audit trail");
  }
  return p;
}

// The two sources in time order, read a chunk at a time.
class Merger {
 public:
  Merger(const store::Store& store, Position start)
      : store_(store), position_(start), read_(start) {}

  // The next event of either source, oldest first; false at the end.
  absl::StatusOr<bool> Next(v1::AuditEvent* event) {
    RENKEI_RETURN_IF_ERROR(Fill());
    if (changes_.empty() && events_.empty()) return false;
    const bool take_change = events_.empty() ||
                             (!changes_.empty() && NanosOf(changes_.front().time()) <=
                                                       NanosOf(events_.front().second.time()));
    if (take_change) {
      *event = std::move(changes_.front());
      changes_.pop_front();
      position_.revision = event->revision();
    } else {
      *event = std::move(events_.front().second);
      position_.sequence = events_.front().first;
      events_.pop_front();
    }
    return true;
  }

  // After the events returned so far.
  const Position& position() const { return position_; }

 private:
  absl::Status Fill() {
    if (changes_.empty() && !changes_done_) {
      std::vector<std::string> entries;
      RENKEI_RETURN_IF_ERROR(store_.ReadChanges(read_.revision, kChunk, &entries));
      changes_done_ = entries.size() < kChunk;
      for (const std::string& bytes : entries) {
        v1::Change change;
        if (!change.ParseFromString(bytes)) {
          return absl::DataLossError("a change-log entry does not parse");
        }
        v1::AuditEvent& event = changes_.emplace_back();
        *event.mutable_time() = change.commit_time();
        event.set_event("change");
        *event.mutable_actor() = change.actor();
        event.set_record(change.name());
        event.set_detail(ChangeDetail(change.kind()));
        event.set_revision(change.revision());
        read_.revision = change.revision();
      }
    }
    if (events_.empty() && !events_done_) {
      std::vector<std::pair<uint64_t, std::string>> entries;
      RENKEI_RETURN_IF_ERROR(store_.ReadAuditEvents(read_.sequence, kChunk, &entries));
      events_done_ = entries.size() < kChunk;
      for (auto& [sequence, bytes] : entries) {
        v1::AuditEvent event;
        if (!event.ParseFromString(bytes)) {
          return absl::DataLossError("an audit event does not parse");
        }
        events_.emplace_back(sequence, std::move(event));
        read_.sequence = sequence;
      }
    }
    return absl::OkStatus();
  }

  const store::Store& store_;
  Position position_;  // returned up to here
  Position read_;      // buffered up to here
  std::deque<v1::AuditEvent> changes_;
  std::deque<std::pair<uint64_t, v1::AuditEvent>> events_;
  bool changes_done_ = false;
  bool events_done_ = false;
};

bool Matches(const v1::AuditEvent& event, const v1::ListAuditEventsRequest& request) {
  if (!request.user().empty() && event.actor().principal() != request.user()) return false;
  if (!request.record().empty() && event.record() != request.record()) return false;
  return !request.has_since() || NanosOf(event.time()) >= NanosOf(request.since());
}

}  // namespace

AuditTrail::AuditTrail(store::Store* store) : store_(*store) {}

void AuditTrail::Record(absl::string_view event, const Caller& caller, absl::string_view method,
                        absl::string_view record, absl::string_view detail) {
  v1::AuditEvent entry;
  SetNow(entry.mutable_time());
  entry.set_event(std::string(event));
  v1::Actor* actor = entry.mutable_actor();
  actor->set_principal(caller.user);
  actor->set_username(caller.username);
  actor->set_interface(caller.interface);
  actor->set_peer(caller.peer);
  entry.set_method(std::string(method));
  entry.set_record(std::string(record));
  entry.set_detail(std::string(detail.substr(0, 500)));
  absl::StatusOr<uint64_t> written = store_.AppendAuditEvent(entry.SerializeAsString());
  if (!written.ok()) {
    LogInfo(absl::StrCat("audit: cannot record a ", event, " event: ", written.status().message()));
  }
}

absl::StatusOr<v1::ListAuditEventsResponse> AuditTrail::List(
    const v1::ListAuditEventsRequest& request) const {
  if (request.page_size() < 0) return InvalidFieldError("page_size", "must not be negative");
  const int page_size =
      request.page_size() == 0 ? kDefaultPage : std::min(request.page_size(), kMaxPage);
  RENKEI_ASSIGN_OR_RETURN(Position start, DecodePosition(request.page_token()));
  Merger merger(store_, start);
  v1::ListAuditEventsResponse response;
  v1::AuditEvent event;
  for (int examined = 0;; ++examined) {
    if (examined == kMaxExamined) {
      response.set_next_page_token(EncodePosition(merger.position()));
      break;
    }
    const Position before = merger.position();
    RENKEI_ASSIGN_OR_RETURN(bool more, merger.Next(&event));
    if (!more) break;
    if (!Matches(event, request)) continue;
    if (response.events_size() == page_size) {
      response.set_next_page_token(EncodePosition(before));
      break;
    }
    *response.add_events() = event;
  }
  return response;
}

}  // namespace renkei::access
