// Generated, realistic-looking records for the benchmarks: company i of a
// synthetic 一関市 manufacturing database (deterministic in i).
#ifndef RENKEI_BENCH_SYNTHETIC_H_
#define RENKEI_BENCH_SYNTHETIC_H_

#include "renkei/v1/organization.pb.h"

namespace renkei::bench {

inline constexpr const char* kDistricts[] = {"一関", "花泉", "大東", "千厩",
                                             "東山", "川崎", "室根", "藤沢"};

// A company in district kDistricts[i % 8], with JSIC, phone, a product.
v1::Organization SyntheticCompany(int i);

}  // namespace renkei::bench

#endif  // RENKEI_BENCH_SYNTHETIC_H_
