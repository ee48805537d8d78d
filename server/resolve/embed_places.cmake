# Writes OUTPUT: a C++ file defining renkei::resolve::internal::PlaceReadingsTsv()
# from data/resolve/place_readings.tsv (INPUT), so the server carries it.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT}.tmp
"// Generated from data/resolve/place_readings.tsv by server/resolve/embed_places.cmake.
#include \"absl/strings/string_view.h\"

namespace renkei::resolve::internal {

absl::string_view PlaceReadingsTsv() {
  return R\"renkei_places(${content})renkei_places\";
}

}  // namespace renkei::resolve::internal
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
