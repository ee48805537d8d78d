// RocksDB's information log (the LOG file in the data directory), written so
// that a full disk cannot stop the process.
//
// RocksDB's own log file goes through its WritableFileWriter, which Debian's
// librocksdb 7.8 builds with assertions: after one failed append (ENOSPC) the
// next message — RocksDB logging that very error — aborts the process. This
// logger writes with stdio and drops what does not fit. It starts a new file
// when LOG passes `max_bytes`, keeping one previous file as LOG.old.
//
// Thread-safe.
#ifndef RENKEI_SERVER_STORE_INTERNAL_TOLERANT_LOGGER_H_
#define RENKEI_SERVER_STORE_INTERNAL_TOLERANT_LOGGER_H_

#include <cstdint>
#include <memory>
#include <string>

namespace rocksdb {
class Logger;
}  // namespace rocksdb

namespace renkei::store::internal {

// A logger appending to `directory`/LOG; never fails (a file that cannot be
// opened or written loses the messages).
std::shared_ptr<rocksdb::Logger> NewTolerantLogger(const std::string& directory,
                                                   uint64_t max_bytes = uint64_t{16} << 20);

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_TOLERANT_LOGGER_H_
