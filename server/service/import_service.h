// renkei.v1.ImportService: streams rows into an ingest::Session, one batch
// at a time (docs/import.md). One import runs at a time; another waits.
// Thread-safe; the store and the reader must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_IMPORT_SERVICE_H_
#define RENKEI_SERVER_SERVICE_IMPORT_SERVICE_H_

#include "absl/synchronization/mutex.h"
#include "renkei/v1/import.grpc.pb.h"
#include "server/ingest/profile_cache.h"

namespace renkei::metrics {
class Metrics;
}  // namespace renkei::metrics

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::resolve {
class Reader;
}  // namespace renkei::resolve

namespace renkei::service {

class Gate;

class ImportService final : public v1::ImportService::Service {
 public:
  // `reader` may be null: names are then not compared by reading. Rows are
  // counted by outcome into `metrics`.
  ImportService(store::Store* store, const resolve::Reader* reader, const Gate* gate,
                metrics::Metrics* metrics)
      : store_(*store), reader_(reader), gate_(*gate), metrics_(*metrics),
        profiles_(store, reader) {}

  grpc::Status Import(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::ImportResponse, v1::ImportRequest>* stream) override;
  grpc::Status ImportFile(grpc::ServerContext* context, const v1::ImportFileRequest* request,
                          v1::ImportFileResponse* response) override;

 private:
  store::Store& store_;
  const resolve::Reader* const reader_;
  const Gate& gate_;
  metrics::Metrics& metrics_;
  absl::Mutex import_mu_;  // held for a whole import
  // The organizations' profiles, kept between imports.
  ingest::ProfileCache profiles_ ABSL_GUARDED_BY(import_mu_);
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_IMPORT_SERVICE_H_
