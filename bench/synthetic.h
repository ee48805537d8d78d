// Generated, realistic-looking records for the benchmarks: company i of a
// synthetic 一関市 manufacturing database (deterministic in i).
#ifndef RENKEI_BENCH_SYNTHETIC_H_
#define RENKEI_BENCH_SYNTHETIC_H_

#include <string>

#include "renkei/v1/organization.pb.h"
#include "renkei/v1/seed.pb.h"

namespace renkei::bench {

inline constexpr const char* kDistricts[] = {"一関", "花泉", "大東", "千厩",
                                             "東山", "川崎", "室根", "藤沢"};

// A company in district kDistricts[i % 8], with JSIC, phone, a product.
v1::Organization SyntheticCompany(int i);

// Text made of the region's technical vocabulary, deterministic in `i`, for
// search benchmarks: a seed's title / summary / keywords, a company's
// products and description, a need's words, a query of a few words.
// REQUIRES for the seed: set institution yourself.
v1::Seed SyntheticSeed(int i);
v1::Organization SyntheticCompanyWithProfile(int i);
std::string SyntheticProblem(int i);  // a need in plain words
std::string SyntheticQuery(int i);    // two or three technical words

}  // namespace renkei::bench

#endif  // RENKEI_BENCH_SYNTHETIC_H_
