# Writes OUTPUT: a C++ file defining renkei::demo::EmbeddedDemoFiles() from
# the data/demo/*.jsonl files in DEMO_DIR, so the server carries its demo data.
file(GLOB files RELATIVE ${DEMO_DIR} ${DEMO_DIR}/*.jsonl)
list(SORT files)
set(body "")
foreach(name IN LISTS files)
  file(READ ${DEMO_DIR}/${name} content)
  string(APPEND body "      {\"${name}\", R\"renkei_demo(${content})renkei_demo\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from data/demo by server/demo/embed_demo.cmake. Do not edit.
#include \"server/demo/demo_loader.h\"

namespace renkei::demo {

std::vector<DemoFile> EmbeddedDemoFiles() {
  return {
${body}  };
}

}  // namespace renkei::demo
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
