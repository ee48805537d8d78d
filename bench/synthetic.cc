#include "bench/synthetic.h"

#include "absl/strings/str_cat.h"

namespace renkei::bench {

v1::Organization SyntheticCompany(int i) {
  v1::Organization o;
  o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  o.set_display_name(absl::StrCat("株式会社ベンチ精工", i));
  o.set_kana(absl::StrCat("ベンチセイコウ", i));
  o.mutable_address()->set_prefecture("岩手県");
  o.mutable_address()->set_city("一関市");
  o.mutable_address()->set_district(kDistricts[i % 8]);
  o.mutable_address()->set_street(absl::StrCat("萩荘字高梨", i % 300, "-", i % 7 + 1));
  o.add_jsic_codes(i % 2 == 0 ? "1821" : "2899");
  o.set_employees(4 + i % 96);
  o.mutable_contact()->set_phone(absl::StrCat("0191-2", i % 10, "-", 1000 + i % 9000));
  o.set_representative("千葉 一郎");
  auto* product = o.add_products();
  product->set_display_name("精密プレス部品");
  product->set_description("自動車向けの精密プレス部品。板厚0.2mmから対応。");
  return o;
}

namespace {

// Technical words of the region's industries (written for the benchmark,
// not taken from any evaluation set).
constexpr const char* kWords[] = {
    "射出成形", "金型", "樹脂", "ウェルド", "ひけ", "バリ", "そり", "寸法精度", "外観検査", "画像処理",
    "深層学習", "振動解析", "軸受", "予知保全", "異音", "温度監視", "IoT", "無線センサ", "省エネ",
    "電力監視", "めっき", "無電解ニッケル", "陽極酸化", "塗装", "防錆", "腐食", "皮膜", "密着性",
    "表面粗さ", "研削", "切削", "工具摩耗", "プレス", "板金", "溶接", "溶接ひずみ", "接合",
    "接着", "はんだ", "基板", "実装", "半導体", "ウエハ", "洗浄", "超微細気泡", "排水処理", "重金属",
    "吸着材", "成分分析", "異物分析", "破断面", "電子顕微鏡", "赤外分光", "蛍光X線", "熱分析",
    "セラミックス", "焼結", "釉薬", "窯業", "木材", "乾燥", "集成材", "食品", "殺菌", "日持ち",
    "包装", "発酵", "微生物", "米粉", "もち", "農業", "土壌", "水分", "ハウス栽培", "ロボット",
    "自動化", "搬送", "ピッキング", "組立", "治具", "三次元測定", "非破壊検査", "打音", "超音波",
    "X線", "熱処理", "焼入れ", "硬さ", "疲労", "強度", "軽量化", "アルミ", "ステンレス", "銅",
    "チタン", "磁性", "モーター", "インバータ", "制御", "PLC", "シミュレーション", "CAE", "流体",
    "伝熱", "放熱", "断熱", "騒音", "電磁波", "ノイズ", "品質管理", "歩留まり", "不良率", "トレーサビリティ",
    "生産管理", "在庫", "人手不足", "技能伝承", "安全", "環境", "リサイクル", "廃プラスチック", "バイオマス",
};
constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

const char* Word(uint64_t i) { return kWords[i % kWordCount]; }

// A simple mixing of i into several indexes.
uint64_t Mix(uint64_t i, uint64_t salt) {
  uint64_t x = i * 0x9E3779B97F4A7C15ULL + salt * 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 31;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 29);
}

}  // namespace

v1::Seed SyntheticSeed(int i) {
  const uint64_t n = static_cast<uint64_t>(i);
  v1::Seed s;
  s.set_title(absl::StrCat(Word(Mix(n, 1)), "による", Word(Mix(n, 2)), "の", Word(Mix(n, 3)),
                           "技術 ", i));
  s.set_summary(absl::StrCat(Word(Mix(n, 2)), "で困っている現場に向けて、", Word(Mix(n, 1)),
                             "と", Word(Mix(n, 4)), "を組み合わせた方法を開発した。", Word(Mix(n, 5)),
                             "の評価にも対応し、", Word(Mix(n, 6)), "の改善が期待できる。"));
  for (uint64_t k = 1; k <= 5; ++k) s.add_keywords(Word(Mix(n, k)));
  s.add_fields(Word(Mix(n, 7)));
  s.add_applications(absl::StrCat(Word(Mix(n, 8)), "の改善"));
  return s;
}

v1::Organization SyntheticCompanyWithProfile(int i) {
  v1::Organization o = SyntheticCompany(i);
  const uint64_t n = static_cast<uint64_t>(i) + 1000003;
  auto* product = o.add_products();
  product->set_display_name(absl::StrCat(Word(Mix(n, 1)), "部品"));
  product->set_description(absl::StrCat(Word(Mix(n, 2)), "と", Word(Mix(n, 3)), "に強みがある。"));
  o.add_technologies()->set_display_name(Word(Mix(n, 4)));
  o.set_description(absl::StrCat(Word(Mix(n, 5)), "と", Word(Mix(n, 6)), "を手がける。"));
  return o;
}

std::string SyntheticProblem(int i) {
  const uint64_t n = static_cast<uint64_t>(i) + 7777;
  return absl::StrCat(Word(Mix(n, 1)), "の工程で", Word(Mix(n, 2)), "が出て困っている。",
                      Word(Mix(n, 3)), "を見直したが改善しない。", Word(Mix(n, 4)),
                      "に詳しい相手を探している。");
}

std::string SyntheticQuery(int i) {
  const uint64_t n = static_cast<uint64_t>(i) + 31337;
  return i % 2 == 0 ? absl::StrCat(Word(Mix(n, 1)), " ", Word(Mix(n, 2)))
                    : absl::StrCat(Word(Mix(n, 1)), " ", Word(Mix(n, 2)), " ", Word(Mix(n, 3)));
}

}  // namespace renkei::bench
