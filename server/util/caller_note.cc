#include "server/util/caller_note.h"

#include <utility>

namespace renkei {
namespace {

thread_local CallerNote current;

}  // namespace

void NoteCaller(CallerNote note) { current = std::move(note); }

CallerNote TakeCallerNote() { return std::exchange(current, CallerNote()); }

}  // namespace renkei
