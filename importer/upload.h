// The client side of ImportService.Import: the header, then batches of rows,
// with one batch in flight while the next is being read, so that the file is
// read and converted while the server resolves and writes.
//
//   auto upload = Upload::Start(server, header, on_response);
//   for (…) upload->Add(row);          // sends every `batch_size` rows
//   absl::StatusOr<v1::ImportSummary> summary = upload->Finish();
//
// `on_response` gets each batch's response (the outcomes of its rows, in
// order). Not thread-safe.
#ifndef RENKEI_IMPORTER_UPLOAD_H_
#define RENKEI_IMPORTER_UPLOAD_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cli/client.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

class Upload {
 public:
  using OnResponse = std::function<void(const v1::ImportResponse&)>;

  // Connects to the server (with TLS and the token `connection` gives) and
  // sends the header. Does not wait for the server: a refused header shows
  // at the first Add or at Finish.
  static absl::StatusOr<std::unique_ptr<Upload>> Start(const cli::ConnectionOptions& connection,
                                                       const v1::ImportHeader& header,
                                                       int batch_size, OnResponse on_response);
  ~Upload();
  Upload(const Upload&) = delete;
  Upload& operator=(const Upload&) = delete;

  // Queues a row; sends the batch when it is full. An error (the server's,
  // with its message) ends the upload: batches acknowledged before it were
  // written, none after.
  absl::Status Add(v1::ImportRow row);

  // Sends the last batch, closes the stream and returns the summary.
  absl::StatusOr<v1::ImportSummary> Finish();

 private:
  struct Stream;
  Upload(std::unique_ptr<Stream> stream, int batch_size, OnResponse on_response);
  absl::Status SendBatch();
  absl::Status ReadOne();
  absl::Status Failed();

  std::unique_ptr<Stream> stream_;
  const int batch_size_;
  const OnResponse on_response_;
  v1::ImportRequest pending_;
  int in_flight_ = 0;
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_UPLOAD_H_
