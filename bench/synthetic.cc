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

}  // namespace renkei::bench
