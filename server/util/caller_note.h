// Who made the call running on this thread (user, interface, peer), as the
// access gate identified it, for the one log line written when the call ends
// (server/metrics/rpc_interceptor.h). gRPC's synchronous server runs a
// call's handler and its status hook on the same thread; the note is
// per-thread and taken (cleared) by the reader.
#ifndef RENKEI_SERVER_UTIL_CALLER_NOTE_H_
#define RENKEI_SERVER_UTIL_CALLER_NOTE_H_

#include <string>

namespace renkei {

struct CallerNote {
  std::string user;       // username, "system", or empty when anonymous
  std::string interface;  // grpc, web, json, import, system
  std::string peer;       // where the call came from
};

void NoteCaller(CallerNote note);
// The note of this thread's call, and forgets it; empty when none was made.
CallerNote TakeCallerNote();

}  // namespace renkei

#endif  // RENKEI_SERVER_UTIL_CALLER_NOTE_H_
