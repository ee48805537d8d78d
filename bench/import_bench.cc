// import_bench: renkei-import end to end on a generated member list, beside
// raw RocksDB WriteBatch throughput of the same records, in the same run.
//
// The list (--rows rows, UTF-8 CSV: 会員番号, 事業所名, フリガナ, 法人番号,
// 所在地, 電話番号, 代表者名, 業種, 入会年度) names distinct companies, a
// third of them with a 法人番号, written with the usual legal-form variants.
// Workloads, each --reps times on a fresh server and database:
//   raw       the organizations the import creates (converted from the same
//             rows), serialized and written with one rocksdb::WriteBatch per
//             1,000 records by one thread: the floor of any write path.
//   import    renkei-import's path: the file read, decoded and converted, the
//             rows streamed over gRPC on loopback to renkei-server, resolved
//             (entity resolution against everything imported so far) and
//             written (organization, indexes, search index, change log, and
//             the membership) batch by batch.
//   store     the same organizations and their memberships written through
//             the server's store path (Store::Apply, batches of --batch_size:
//             record, indexes, search index, change log), with no file, no
//             gRPC and no resolution: the floor of an import that writes
//             through that path, as every write must.
//   re-import the same file again into the database the import filled:
//             every row resolves to its organization; nothing changes.
// Prints rows/s (median, min, max) and the ratio to raw.
//
//   bench/import_bench [--rows 1000000] [--reps 3] [--smoke]
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "bench/timing.h"
#include "importer/import_run.h"
#include "importer/org_rows.h"
#include "importer/row_source.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "server/names/resource_name.h"
#include "server/records/validate.h"
#include "server/server.h"
#include "server/store/store.h"

ABSL_FLAG(int, rows, 1000000, "rows of the generated member list");
ABSL_FLAG(int, reps, 3, "runs per workload");
ABSL_FLAG(int, batch_size, 1000, "rows a batch");
ABSL_FLAG(bool, smoke, false, "tiny sizes: check that the benchmark works");

namespace {

using Clock = std::chrono::steady_clock;


constexpr const char* kPlaces[] = {"一関", "平泉", "花泉", "大東", "千厩", "東山", "川崎",
                                   "室根", "藤沢", "萩荘", "山目", "真柴", "赤荻", "狐禅寺",
                                   "舞川", "弥栄", "厳美", "中里", "滝沢", "摺沢", "猿沢",
                                   "薄衣", "折壁", "長坂", "涌津", "奥州", "北上", "磐井",
                                   "両磐", "栗駒", "東北", "みちのく", "北日本", "岩手", "胆沢"};
constexpr const char* kSyllables[] = {"ア", "カ", "サ", "タ", "ナ", "ハ", "マ", "ヤ", "ラ", "ワ",
                                      "キ", "シ", "チ", "ミ", "リ", "ク", "ス", "ツ", "ム", "ル",
                                      "ケ", "セ", "テ", "メ", "レ", "コ", "ソ", "ト", "モ", "ロ"};
constexpr const char* kTrades[] = {"精工", "精機", "電機", "電子", "工業", "製作所", "化成",
                                   "鉄工", "技研", "産業", "テック", "金型", "機工", "電設",
                                   "光学", "樹脂", "プレス", "塗装", "メッキ", "食品"};
constexpr const char* kIndustries[] = {"精密部品加工", "電子部品製造", "金型製造", "プラスチック成形",
                                       "食品製造", "表面処理", "産業機械製造", "電気工事"};
constexpr const char* kSurnames[] = {"佐藤", "千葉", "小野寺", "菅原", "佐々木", "阿部",
                                     "鈴木", "高橋", "岩渕", "熊谷", "及川", "畠山"};
constexpr const char* kGiven[] = {"茂樹", "和也", "昭夫", "拓也", "陽子", "健一", "直人", "美紀"};
constexpr const char* kDistricts[] = {"萩荘字竹際", "山目字前田", "真柴字中田", "赤荻字雲南",
                                      "花泉町涌津字町", "大東町摺沢字但馬崎", "千厩町千厩字北方",
                                      "東山町長坂字町", "川崎町薄衣字諏訪前", "藤沢町藤沢字町裏"};

std::string CheckDigitted(uint64_t base12) {
  std::string digits = absl::StrFormat("%012d", base12);
  int sum = 0;
  for (int i = 0; i < 12; ++i) {
    const int from_right = 12 - i;  // 1-based position counted from the right
    sum += (digits[i] - '0') * (from_right % 2 == 1 ? 1 : 2);
  }
  return absl::StrCat(9 - sum % 9, digits);
}

// Row i: a company no other row names.
std::string Row(int i) {
  const int n_syll = static_cast<int>(std::size(kSyllables));
  const int n_trade = static_cast<int>(std::size(kTrades));
  const int n_place = static_cast<int>(std::size(kPlaces));
  int k = i;
  const std::string core = absl::StrCat(kSyllables[k % n_syll], kSyllables[(k / n_syll) % n_syll],
                                        kSyllables[(k / (n_syll * n_syll)) % n_syll]);
  k /= n_syll * n_syll * n_syll;
  const std::string place = kPlaces[k % n_place];
  k /= n_place;
  const std::string trade = kTrades[k % n_trade];
  const std::string name = absl::StrCat(place, core, trade);
  std::string written;
  switch (i % 5) {
    case 0: written = absl::StrCat("株式会社", name); break;
    case 1: written = absl::StrCat("(株)", name); break;
    case 2: written = absl::StrCat("㈱", name); break;
    case 3: written = absl::StrCat(name, "(株)"); break;
    default: written = absl::StrCat("有限会社", name); break;
  }
  const std::string number = i % 3 == 0 ? CheckDigitted(402501000000ULL + i) : "";
  const char* area = i % 2 == 0 ? "0191" : "0197";
  const std::string phone =
      absl::StrFormat("%s-%02d-%04d", area, 20 + (i / 10000) % 80, i % 10000);
  const std::string address = absl::StrCat(i % 2 == 0 ? "一関市" : "岩手県一関市",
                                           kDistricts[i % std::size(kDistricts)], 1 + i % 300,
                                           "-", 1 + (i / 300) % 20);
  return absl::StrCat(i + 1, ",", written, ",,", number, ",", address, ",", phone, ",", kSurnames[i % std::size(kSurnames)], " ",
                      kGiven[(i / 12) % std::size(kGiven)], ",", kIndustries[i % std::size(kIndustries)], ",H", 1 + i % 30,
                      "\n");
}


}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);  // as renkei-server
  const bool smoke = absl::GetFlag(FLAGS_smoke);
  const int rows = smoke ? 2000 : absl::GetFlag(FLAGS_rows);
  const int reps = smoke ? 1 : absl::GetFlag(FLAGS_reps);
  const int batch_size = absl::GetFlag(FLAGS_batch_size);

  const std::string work = renkei::bench::FreshDir("import-bench", "work");
  std::filesystem::create_directories(work);
  const std::string list = work + "/members.csv";
  {
    std::ofstream out(list, std::ios::binary);
    out << "会員番号,事業所名,フリガナ,法人番号,所在地,電話番号,代表者名,業種,入会年度\n";
    for (int i = 0; i < rows; ++i) out << Row(i);
  }
  std::printf("import_bench: a member list of %d rows (%.1f MB), %d runs, batches of %d\n", rows,
              std::filesystem::file_size(list) / 1e6, reps, batch_size);

  // The records the import creates, for the raw and store floors.
  std::vector<renkei::v1::Organization> organizations;
  std::vector<std::string> serialized;
  {
    auto source = renkei::importer::OpenFile(list, renkei::importer::ColumnRules(), {});
    if (!source.ok()) {
      std::fprintf(stderr, "import_bench: %s\n", std::string(source.status().message()).c_str());
      return 1;
    }
    renkei::importer::MappedRow row;
    while ((*source)->Next(&row)) {
      renkei::importer::Converted c = renkei::importer::ConvertOrganizationRow(row, {});
      renkei::v1::Organization org = c.row.organization();
      org.set_kind(renkei::v1::ORGANIZATION_KIND_COMPANY);
      renkei::records::PrepareForCreate(&org);
      serialized.push_back(org.SerializeAsString());
      organizations.push_back(std::move(org));
    }
  }

  std::printf("%-10s %12s %12s %12s %8s\n", "workload", "rows/s med", "rows/s min", "rows/s max",
              "vs raw");
  double raw = 0;
  bool ok = true;
  auto report = [&](const char* name, const std::vector<double>& rates) {
    const double median = rates[rates.size() / 2];
    if (raw == 0) raw = median;
    std::printf("%-10s %12.0f %12.0f %12.0f %7.2fx\n", name, median, rates.front(), rates.back(),
                raw / median);
    std::fflush(stdout);
  };

  report("raw", renkei::bench::Rates(reps, rows, [&] {
    const std::string dir = renkei::bench::FreshDir("import-bench", "raw");
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    if (!rocksdb::DB::Open(options, dir, &db).ok()) {
      ok = false;
      return;
    }
    std::string key(9, 'o');
    rocksdb::WriteBatch batch;
    for (int i = 0; i < rows; ++i) {
      for (int b = 0; b < 8; ++b) key[1 + b] = static_cast<char>((uint64_t(i + 1) >> (56 - 8 * b)) & 0xFF);
      batch.Put(key, serialized[i]);
      if (static_cast<int>(batch.Count()) >= batch_size || i + 1 == rows) {
        ok &= db->Write(rocksdb::WriteOptions(), &batch).ok();
        batch.Clear();
      }
    }
    delete db;
    std::filesystem::remove_all(dir);
  }));

  report("store", renkei::bench::Rates(reps, rows, [&] {
    renkei::ServerOptions server_options;
    server_options.data_dir = renkei::bench::FreshDir("import-bench", "store");
    server_options.listen_address = "127.0.0.1:0";
    auto server = renkei::RenkeiServer::Start(server_options);
    if (!server.ok()) {
      ok = false;
      return;
    }
    renkei::store::Store& store = (*server)->store();
    renkei::v1::Network network;
    network.set_display_name("ベンチマーク工業会");
    ok &= store.Create(&network, "", renkei::store::Actor::System()).ok();
    const uint64_t network_id = renkei::ParseResourceName(network.name())->id;
    for (int from = 0; from < rows && ok; from += batch_size) {
      const int to = std::min(rows, from + batch_size);
      std::vector<renkei::v1::Organization> batch(organizations.begin() + from,
                                                  organizations.begin() + to);
      std::vector<renkei::store::Write> writes;
      for (auto& org : batch) writes.push_back(renkei::store::Write::Create(&org));
      ok &= store.Apply(writes, renkei::store::Actor::System()).ok();
      std::vector<renkei::v1::Membership> members(batch.size());
      writes.clear();
      for (size_t i = 0; i < batch.size(); ++i) {
        members[i].set_organization(batch[i].name());
        renkei::records::PrepareForCreate(&members[i]);
        members[i].set_name(renkei::MembershipName(
            network_id, renkei::ParseResourceName(batch[i].name())->id));
        writes.push_back(renkei::store::Write::Create(&members[i]));
      }
      ok &= store.Apply(writes, renkei::store::Actor::System()).ok();
    }
    (*server)->Shutdown();
    std::filesystem::remove_all(server_options.data_dir);
  }));

  std::vector<double> import_rates, again_rates;
  for (int rep = 0; rep < reps; ++rep) {
    renkei::ServerOptions server_options;
    server_options.data_dir = renkei::bench::FreshDir("import-bench", "server");
    server_options.listen_address = "127.0.0.1:0";
    auto server = renkei::RenkeiServer::Start(server_options);
    if (!server.ok()) {
      std::fprintf(stderr, "import_bench: %s\n", std::string(server.status().message()).c_str());
      return 1;
    }
    renkei::v1::Network network;
    network.set_display_name("ベンチマーク工業会");
    if (!(*server)->store().Create(&network, "", renkei::store::Actor::System()).ok()) return 1;

    renkei::importer::ImportOptions options;
    options.kind = renkei::v1::IMPORT_KIND_MEMBERS;
    options.file = list;
    options.connection.server = absl::StrCat("127.0.0.1:", (*server)->port());
    options.connection.token_file = server_options.data_dir + "/admin.token";
    options.network = network.name();
    options.batch_size = batch_size;
    options.progress = false;
    options.review_out = work + "/members.review.csv";
    for (std::vector<double>* rates : {&import_rates, &again_rates}) {
      std::ostringstream out, err;
      const auto start = Clock::now();
      const int code = renkei::importer::RunImport(options, out, err);
      rates->push_back(rows / std::chrono::duration<double>(Clock::now() - start).count());
      if (code != 0) {
        std::fprintf(stderr, "import_bench: renkei-import exited %d\n%s%s", code, out.str().c_str(),
                     err.str().c_str());
        return 1;
      }
      const size_t done = out.str().find("done:");
      if (rep == 0 && done != std::string::npos) {
        std::printf("  %s", out.str().substr(done).c_str());
      }
    }
    (*server)->Shutdown();
    std::filesystem::remove_all(server_options.data_dir);
  }
  std::sort(import_rates.begin(), import_rates.end());
  std::sort(again_rates.begin(), again_rates.end());
  report("import", import_rates);
  report("re-import", again_rates);
  std::filesystem::remove_all(work);
  return ok ? 0 : 1;
}
