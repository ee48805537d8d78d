#!/usr/bin/python3
"""Authoring aid for the hand-written universe of resolve_unseen2.

The entity and site lines below, the renames, relocations, group pairs and confusable pairs are written by
hand. This script only fills in what is tedious to write by hand and easy to get wrong: the 法人番号 check
digits, unique phone numbers and house numbers, representatives' given names, founding dates, and the
membership draw (which entity or site sits in which association's list) from hand-written rules plus hand-
written forced members. It writes entities.tsv, sites.tsv, memberships.tsv, notes.tsv, confusable_pairs.tsv.
Run once; its output is committed and is the universe generate.py reads. Deterministic (seeded, no hash order).
"""
import hashlib
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def rng(tag):
    return random.Random(int.from_bytes(hashlib.sha256(tag.encode()).digest()[:8], "big"))


# ---------------------------------------------------------------------------------------------------------
# Areas: prefecture, city, streets (street, postal), phone prefixes, registry office code (会社法人等番号の頭4桁)
AREAS = {
    "ICH": ("岩手県", "一関市", [("山目字前田", "021-0041"), ("山目字町", "021-0042"), ("中里字沢田", "021-0051"),
            ("狐禅寺字大平", "021-0053"), ("真柴字下川原", "021-0055"), ("萩荘字釣山", "021-0902"),
            ("滝沢字鶴ケ沢", "021-0045"), ("赤荻字笹谷", "021-0101"), ("舞川字大平", "021-0201"),
            ("弥栄字西風", "021-0221"), ("厳美町字沖野々", "021-0101"), ("田村町", "021-0881"),
            ("大町", "021-0884"), ("地主町", "021-0883"), ("上大槻街", "021-0882"), ("字柄貝", "021-0031"),
            ("南新町", "021-0866"), ("三関字仲田", "021-0012"), ("石畑", "021-0874")],
            ["0191-21", "0191-23", "0191-25", "0191-26", "0191-31", "0191-32", "0191-33", "0191-34"], "4003"),
    "EST": ("岩手県", "一関市", [("東台", "021-0822")], ["0191-24", "0191-35", "0191-36"], "4003"),
    "HAN": ("岩手県", "一関市", [("花泉町涌津字町裏", "029-3101"), ("花泉町油島字蝦島", "029-3102"),
            ("花泉町金沢字大柳", "029-3105"), ("花泉町老松字下宮沢", "029-3103"), ("花泉町永井字大平", "029-3104"),
            ("花泉町日形字上北田", "029-3106")], ["0191-82", "0191-83", "0191-84"], "4003"),
    "DAI": ("岩手県", "一関市", [("大東町摺沢字新町", "029-0521"), ("大東町大原字川内", "029-0711"),
            ("大東町渋民字小林", "029-0522"), ("大東町猿沢字中道", "029-0523"), ("大東町沖田字鶴巻", "029-0524")],
            ["0191-72", "0191-75", "0191-74"], "4003"),
    "SEN": ("岩手県", "一関市", [("千厩町千厩字北ノ沢", "029-0803"), ("千厩町千厩字町", "029-0803"),
            ("千厩町奥玉字寺田", "029-0811"), ("千厩町磐清水字石ノ瀬", "029-0812"), ("千厩町小梨字上中", "029-0805"),
            ("千厩町清田字駒木", "029-0804")], ["0191-52", "0191-53", "0191-56"], "4003"),
    "HIG": ("岩手県", "一関市", [("東山町長坂字町", "029-0302"), ("東山町松川字滝ノ沢", "029-0301"),
            ("東山町田河津字日向", "029-0303")], ["0191-47", "0191-48"], "4003"),
    "KAW": ("岩手県", "一関市", [("川崎町薄衣字諏訪前", "029-0202"), ("川崎町門崎字川崎", "029-0201")],
            ["0191-43", "0191-36"], "4003"),
    "MUR": ("岩手県", "一関市", [("室根町折壁字八幡沖", "029-1201"), ("室根町矢越字大洞", "029-1202"),
            ("室根町津谷川字小田", "029-1203")], ["0191-64", "0191-65"], "4003"),
    "FUJ": ("岩手県", "一関市", [("藤沢町藤沢字町裏", "029-3405"), ("藤沢町黄海字山谷", "029-3406"),
            ("藤沢町西口字沖", "029-3403"), ("藤沢町徳田字砂子田", "029-3404")], ["0191-63", "0191-62"], "4003"),
    "HIR": ("岩手県", "西磐井郡平泉町", [("平泉字衣関", "029-4102"), ("平泉字佐野原", "029-4102"),
            ("長島字小金沢", "029-4101")], ["0191-46"], "4003"),
    "OSH": ("岩手県", "奥州市", [("水沢字大手町", "023-0053"), ("水沢佐倉河字東沖ノ目", "023-0003"),
            ("江刺愛宕字八日市", "023-1104"), ("前沢字七日町裏", "029-4208"), ("胆沢南都田字加賀谷地", "023-0402"),
            ("水沢字桜屋敷", "023-0864")], ["0197-22", "0197-24", "0197-25", "0197-35", "0197-56"], "4004"),
    "KIT": ("岩手県", "北上市", [("相去町山田", "024-0051"), ("村崎野第17地割", "024-0004"),
            ("北工業団地", "024-0002"), ("流通センター", "024-0014"), ("和賀町後藤第2地割", "024-0333"),
            ("飯豊第24地割", "024-0055"), ("成田第20地割", "024-0004")],
            ["0197-61", "0197-63", "0197-66", "0197-67", "0197-68", "0197-71"], "4005"),
    "KAN": ("岩手県", "胆沢郡金ケ崎町", [("西根森山", "029-4503"), ("六原頭無", "029-4501"),
            ("三ケ尻高谷野", "029-4504"), ("西根駒子", "029-4503")], ["0197-42", "0197-43", "0197-44"], "4004"),
    "HNM": ("岩手県", "花巻市", [("二枚橋第5地割", "025-0312"), ("北湯口第2地割", "025-0241")],
            ["0198-26", "0198-27"], "4005"),
    "MRI": ("岩手県", "盛岡市", [("飯岡新田3地割", "020-0857"), ("本宮五丁目", "020-0866"), ("大通二丁目", "020-0022")],
            ["019-601", "019-623", "019-654"], "4000"),
    "KUR": ("宮城県", "栗原市", [("築館字伊豆野", "989-5612"), ("若柳字川北", "989-5501"), ("栗駒岩ケ崎", "989-5301")],
            ["0228-22", "0228-32", "0228-45"], "3703"),
    "TOM": ("宮城県", "登米市", [("迫町佐沼字中江", "987-0511"), ("中田町石森字加賀野", "987-0602"),
            ("石越町南郷字愛宕", "989-4701")], ["0220-22", "0220-34", "0220-45"], "3704"),
    "KES": ("宮城県", "気仙沼市", [("赤岩港", "988-0024"), ("松崎柳沢", "988-0053")], ["0226-22", "0226-24"], "3705"),
    "SND": ("宮城県", "仙台市宮城野区", [("扇町四丁目", "983-0034"), ("苦竹二丁目", "983-0036")], ["022-231", "022-259"], "3700"),
    "TKY": ("東京都", None, [("千代田区|神田須田町一丁目", "101-0041"), ("港区|芝浦三丁目", "108-0023"),
            ("品川区|大崎二丁目", "141-0032"), ("大田区|下丸子四丁目", "146-0092"), ("中央区|日本橋本町二丁目", "103-0023")],
            ["03-3251", "03-5441", "03-3779", "03-3759", "03-3663"], "0100"),
    "KNG": ("神奈川県", None, [("横浜市港北区|新横浜三丁目", "222-0033"), ("厚木市|岡田三丁目", "243-0021"),
            ("相模原市中央区|田名", "252-0244"), ("藤沢市|桐原町", "252-0811")],
            ["045-471", "046-228", "042-762", "0466-45"], "0200"),
    "AIC": ("愛知県", None, [("刈谷市|昭和町二丁目", "448-0029"), ("豊田市|堤町", "473-0932")], ["0566-21", "0565-52"], "1800"),
    "NGN": ("長野県", None, [("諏訪市|大字中洲", "392-0015"), ("岡谷市|長地", "394-0081")], ["0266-52", "0266-27"], "1000"),
    "OSK": ("大阪府", None, [("大阪市淀川区|西中島五丁目", "532-0011"), ("東大阪市|高井田", "577-0066")],
            ["06-6305", "06-6781"], "1200"),
    "SAI": ("埼玉県", None, [("川越市|南台一丁目", "350-1165"), ("さいたま市北区|吉野町二丁目", "331-0811")],
            ["049-244", "048-652"], "0300"),
    "FKS": ("福島県", None, [("郡山市|待池台一丁目", "963-0215")], ["024-959"], "3800"),
    "YMG": ("山形県", None, [("米沢市|八幡原四丁目", "992-1128")], ["0238-28"], "3900"),
}
IWATE_ICHI = {"ICH", "EST", "HAN", "DAI", "SEN", "HIG", "KAW", "MUR", "FUJ"}
IWATE = IWATE_ICHI | {"HIR", "OSH", "KIT", "KAN", "HNM", "MRI"}

INDUSTRIES = {  # code: (label, tags)
    "plastic": ("プラスチック製品製造業", "auto"),
    "ceramic": ("窯業・土石製品製造業", "semi"),
    "elec_dev": ("電子部品・デバイス・電子回路製造業", "semi auto"),
    "elec_mach": ("電気機械器具製造業", "auto semi"),
    "metal": ("金属製品製造業", "auto"),
    "mach": ("生産用機械器具製造業", "semi"),
    "precision": ("はん用・精密機械器具製造業", "auto semi"),
    "auto_parts": ("輸送用機械器具製造業", "auto"),
    "steel": ("鉄鋼業", "auto"),
    "chem": ("化学工業", "semi"),
    "food": ("食料品製造業", ""),
    "wood": ("木材・木製品製造業", ""),
    "print": ("印刷・同関連業", ""),
    "textile": ("繊維工業", ""),
    "medical": ("医療用機械器具製造業", "med"),
    "info": ("情報サービス業", "semi"),
    "constr": ("総合工事業", ""),
    "equip": ("設備工事業", "semi"),
    "trade": ("機械器具卸売業", "auto semi"),
    "transport": ("道路貨物運送業", "auto"),
    "finance": ("銀行業・協同組織金融業", "fin"),
    "service": ("技術サービス業", ""),
    "waste": ("廃棄物処理業", ""),
    "org": ("経済団体・協同組合", "org"),
    "edu": ("学校教育", "org"),
}
MANUF = {"plastic", "ceramic", "elec_dev", "elec_mach", "metal", "mach", "precision", "auto_parts", "steel", "chem",
         "food", "wood", "print", "textile", "medical"}

FORMS = {  # code: (form text, position, type digits for 会社法人等番号, representative title)
    "K<": ("株式会社", "pre", "01", "代表取締役"), "K>": ("株式会社", "post", "01", "代表取締役"),
    "Y<": ("有限会社", "pre", "02", "取締役"), "Y>": ("有限会社", "post", "02", "取締役"),
    "G<": ("合同会社", "pre", "03", "代表社員"), "S>": ("合資会社", "post", "03", "無限責任社員"),
    "SK": ("", "none", "05", "理事長"), "KB": ("", "none", "05", "代表理事"),
    "IS<": ("一般社団法人", "pre", "05", "代表理事"), "IZ<": ("一般財団法人", "pre", "05", "理事長"),
    "GH<": ("学校法人", "pre", "05", "理事長"), "NPO<": ("特定非営利活動法人", "pre", "05", "理事長"),
    "P": ("", "none", None, "代表"),
}

# id | form | core name | kana of core | area | industry   (hand-written)
ENTITIES = """
E001|K<|一関精工|イチノセキセイコウ|EST|precision
E002|K>|一関精機|イチノセキセイキ|ICH|mach
E003|K<|磐井電子|イワイデンシ|EST|elec_dev
E004|K>|磐井電子サービス|イワイデンシサービス|EST|service
E005|Y<|佐藤鉄工所|サトウテッコウショ|ICH|metal
E006|K<|佐藤鉄工|サトウテッコウ|HAN|metal
E007|K>|両磐プラスチック|リョウバンプラスチック|EST|plastic
E008|K<|リョーバン化成|リョーバンカセイ|ICH|plastic
E009|K>|一関ケミカル|イチノセキケミカル|EST|chem
E010|K<|東北ファインセラミックス|トウホクファインセラミックス|EST|ceramic
E011|K>|岩手セラテック|イワテセラテック|ICH|ceramic
E012|K<|千葉製作所|チバセイサクショ|ICH|metal
E013|Y>|千葉工業|チバコウギョウ|ICH|constr
E014|K<|小野寺建設|オノデラケンセツ|ICH|constr
E015|K>|小野寺電気工事|オノデラデンキコウジ|ICH|equip
E016|K<|菅原製作所|スガワラセイサクショ|ICH|precision
E017|K<|熊谷鉄工|クマガイテッコウ|ICH|metal
E018|K<|髙橋精機|タカハシセイキ|ICH|precision
E019|K>|高橋電機|タカハシデンキ|ICH|elec_mach
E020|Y<|山﨑製作所|ヤマザキセイサクショ|ICH|metal
E021|K<|及川精密|オイカワセイミツ|EST|precision
E022|K>|アイテック・イワテ|アイテックイワテ|ICH|info
E023|K<|エヌ・アイ・システム|エヌアイシステム|ICH|info
E024|K>|一関印刷|イチノセキインサツ|ICH|print
E025|K<|川嶋印刷|カワシマインサツ|ICH|print
E026|K<|東台電子|ヒガシダイデンシ|EST|elec_dev
E027|K>|東台精工|ヒガシダイセイコウ|EST|precision
E028|K<|真柴工業|マシバコウギョウ|ICH|metal
E029|K<|北上川電機|キタカミガワデンキ|EST|elec_mach
E030|K<|イチデン|イチデン|ICH|elec_dev
E031|K<|一関鋳物|イチノセキイモノ|ICH|steel
E032|K<|岩渕木工所|イワブチモッコウショ|ICH|wood
E033|K>|三関食品|サンゼキショクヒン|ICH|food
E034|K<|一関ミート|イチノセキミート|ICH|food
E035|K<|岩手ダイカスト|イワテダイカスト|EST|auto_parts
E036|K>|南部金型|ナンブカナガタ|EST|precision
E037|K<|磐南モールド|バンナンモールド|ICH|precision
E038|K<|一関メタルワークス|イチノセキメタルワークス|ICH|metal
E039|G<|一関ラボ|イチノセキラボ|ICH|service
E040|K<|アサヒ樹脂工業|アサヒジュシコウギョウ|EST|plastic
E041|K>|旭樹脂|アサヒジュシ|OSH|plastic
E042|K<|狐禅寺工業|コゼンジコウギョウ|ICH|metal
E043|K<|厳美電装|ゲンビデンソウ|EST|auto_parts
E044|K>|萩荘製作所|ハギショウセイサクショ|ICH|metal
E045|Y>|赤荻電子|アコウギデンシ|ICH|elec_dev
E046|K<|舞川精工|マイカワセイコウ|ICH|precision
E047|K<|中里化学|ナカザトカガク|EST|chem
E048|K<|弥栄フーズ|ヤサカフーズ|ICH|food
E049|K<|一関環境サービス|イチノセキカンキョウサービス|ICH|waste
E050|K>|一関運送|イチノセキウンソウ|ICH|transport
E051|K<|磐井運輸|イワイウンユ|ICH|transport
E052|K<|いわて県南銀行|イワテケンナンギンコウ|ICH|finance
E053|SK|磐井信用金庫|イワイシンヨウキンコ|ICH|finance
E054|K<|一関商事|イチノセキショウジ|ICH|trade
E055|K>|東北機工|トウホクキコウ|ICH|trade
E056|K<|東北機興|トウホクキコウ|KIT|mach
E057|KB|一関鉄工協同組合|イチノセキテッコウキョウドウクミアイ|ICH|org
E058|IS<|一関ものづくり振興会|イチノセキモノヅクリシンコウカイ|ICH|org
E059|K<|三友電機|サンユウデンキ|ICH|elec_mach
E060|K>|三友電機製作所|サンユウデンキセイサクショ|KIT|elec_mach
E061|K<|エム・ケー・テクノ|エムケーテクノ|EST|precision
E062|K<|一関プレシジョン|イチノセキプレシジョン|ICH|precision
E063|K>|岩手ワイヤー|イワテワイヤー|EST|auto_parts
E064|K<|一関コンクリート|イチノセキコンクリート|ICH|ceramic
E065|Y<|菊池製麺|キクチセイメン|ICH|food
E066|K>|阿部建設|アベケンセツ|ICH|constr
E067|K<|阿部鉄工|アベテッコウ|FUJ|metal
E068|K<|三浦電設|ミウラデンセツ|ICH|equip
E069|K<|吉田塗装|ヨシダトソウ|ICH|metal
E070|K<|一関テクノ|イチノセキテクノ|EST|elec_dev
E071|K>|一関テクノサービス|イチノセキテクノサービス|ICH|service
E072|K<|ハイテック一関|ハイテックイチノセキ|EST|elec_dev
E073|K<|佐々木精密|ササキセイミツ|ICH|precision
E074|Y<|佐々木製作所|ササキセイサクショ|SEN|metal
E075|K<|一関オートパーツ|イチノセキオートパーツ|EST|auto_parts
E076|K<|北日本樹脂|キタニホンジュシ|EST|plastic
E077|K>|村上製菓|ムラカミセイカ|ICH|food
E078|K<|一関醸造|イチノセキジョウゾウ|ICH|food
E079|S>|磐井川酒造|イワイガワシュゾウ|ICH|food
E080|K<|一関木材|イチノセキモクザイ|ICH|wood
E081|K<|岩井ゴム工業|イワイゴムコウギョウ|ICH|plastic
E082|K<|一関電気|イチノセキデンキ|ICH|equip
E083|K<|一関電機|イチノセキデンキ|ICH|elec_mach
E084|K<|平和電子|ヘイワデンシ|EST|elec_dev
E085|K>|ヘイワ技研|ヘイワギケン|ICH|service
E086|K<|イワイ・ソリューションズ|イワイソリューションズ|ICH|info
E087|Y<|伊藤製作所|イトウセイサクショ|ICH|metal
E088|K<|伊東製作所|イトウセイサクショ|OSH|metal
E089|K<|一関パッケージ|イチノセキパッケージ|ICH|print
E090|K<|田村精機|タムラセイキ|ICH|mach
E091|GH<|磐井学園|イワイガクエン|ICH|edu
E092|K<|県南測量設計|ケンナンソクリョウセッケイ|ICH|service
E093|NPO<|いちのせき産学連携ネット|イチノセキサンガクレンケイネット|ICH|org
E094|K>|一関ガス|イチノセキガス|ICH|equip
E095|K<|岩手ロジテック|イワテロジテック|ICH|transport
E096|P|鈴木鍛造所|スズキタンゾウショ|ICH|metal
E097|P|千田技研|チダギケン|ICH|precision
E098|K<|昆野製作所|コンノセイサクショ|ICH|metal
E099|K<|金野製作所|コンノセイサクショ|SEN|metal
E100|K<|一関ファインテック|イチノセキファインテック|EST|elec_dev
E101|K<|花泉工業|ハナイズミコウギョウ|HAN|metal
E102|K>|花泉電子|ハナイズミデンシ|HAN|elec_dev
E103|Y<|花泉精機|ハナイズミセイキ|HAN|precision
E104|K<|涌津製作所|ワクツセイサクショ|HAN|metal
E105|K<|油島食品|ユシマショクヒン|HAN|food
E106|K<|カナザワ産業|カナザワサンギョウ|HAN|plastic
E107|K>|老松電機|オイマツデンキ|HAN|elec_mach
E108|Y>|日形木工|ヒガタモッコウ|HAN|wood
E109|K<|花泉ケミカル|ハナイズミケミカル|HAN|chem
E110|K<|永井鉄工|ナガイテッコウ|HAN|metal
E111|K<|ハナイズミ縫製|ハナイズミホウセイ|HAN|textile
E112|Y<|花泉運輸|ハナイズミウンユ|HAN|transport
E113|K<|南いわて精工|ミナミイワテセイコウ|HAN|precision
E114|K<|花泉建設|ハナイズミケンセツ|HAN|constr
E115|K>|宮城樹脂|ミヤギジュシ|HAN|plastic
E116|K<|大東精工|ダイトウセイコウ|DAI|precision
E117|K<|大東精機|ダイトウセイキ|DAI|mach
E118|K>|摺沢電子|スリサワデンシ|DAI|elec_dev
E119|Y<|大原木材|オオハラモクザイ|DAI|wood
E120|K<|渋民食品|シブタミショクヒン|DAI|food
E121|K<|猿沢工業|サルサワコウギョウ|DAI|metal
E122|K<|ダイトウ・エレクトロニクス|ダイトウエレクトロニクス|DAI|elec_dev
E123|K>|東磐セラミックス|トウバンセラミックス|DAI|ceramic
E124|Y>|大東縫製|ダイトウホウセイ|DAI|textile
E125|K<|沖田製作所|オキタセイサクショ|DAI|metal
E126|K<|大東建設|ダイトウケンセツ|DAI|constr
E127|K<|大東コンクリート工業|ダイトウコンクリートコウギョウ|DAI|ceramic
E128|K<|千厩窯業|センマヤヨウギョウ|SEN|ceramic
E129|Y<|千厩窯業所|センマヤヨウギョウショ|SEN|ceramic
E130|K>|千厩精密|センマヤセイミツ|SEN|precision
E131|K<|千厩電子|センマヤデンシ|SEN|elec_dev
E132|K<|千厩化成|センマヤカセイ|SEN|plastic
E133|K<|奥玉工業|オクタマコウギョウ|SEN|metal
E134|K>|磐清水電機|イワシミズデンキ|SEN|elec_mach
E135|Y<|小梨木工|コナシモッコウ|SEN|wood
E136|K<|清田食品|キヨタショクヒン|SEN|food
E137|K<|千厩ハーネス|センマヤハーネス|SEN|auto_parts
E138|K<|東北電装|トウホクデンソウ|SEN|auto_parts
E139|K>|東北電装工業|トウホクデンソウコウギョウ|KIT|auto_parts
E140|K<|千厩建設|センマヤケンセツ|SEN|constr
E141|Y<|熊谷製作所|クマガイセイサクショ|SEN|metal
E142|K<|千厩ソーイング|センマヤソーイング|SEN|textile
E143|K<|千厩テクノ|センマヤテクノ|SEN|elec_dev
E144|K<|岩手ピーシービー|イワテピーシービー|SEN|elec_dev
E145|K<|千厩木材工業|センマヤモクザイコウギョウ|SEN|wood
E146|K>|千厩印刷|センマヤインサツ|SEN|print
E147|K<|小野寺精工|オノデラセイコウ|SEN|precision
E148|Y<|千厩乳業|センマヤニュウギョウ|SEN|food
E149|K<|東山セラミックス|ヒガシヤマセラミックス|HIG|ceramic
E150|K>|東山窯業|ヒガシヤマヨウギョウ|HIG|ceramic
E151|K<|長坂石灰工業|ナガサカセッカイコウギョウ|HIG|ceramic
E152|K<|松川電子|マツカワデンシ|HIG|elec_dev
E153|Y<|田河津工業|タガワヅコウギョウ|HIG|metal
E154|K<|東山紙工|ヒガシヤマシコウ|HIG|print
E155|K<|東山精工|ヒガシヤマセイコウ|HIG|precision
E156|K<|東山化成|ヒガシヤマカセイ|HIG|plastic
E157|K<|川崎精工|カワサキセイコウ|KAW|precision
E158|K<|薄衣電機|ウスギヌデンキ|KAW|elec_mach
E159|K>|門崎工業|カンザキコウギョウ|KAW|metal
E160|Y<|川崎木工所|カワサキモッコウショ|KAW|wood
E161|K<|北上川開発|キタカミガワカイハツ|KAW|constr
E162|K<|かわさき食品|カワサキショクヒン|KAW|food
E163|K<|室根精工|ムロネセイコウ|MUR|precision
E164|K>|室根木工|ムロネモッコウ|MUR|wood
E165|Y<|折壁製作所|オリカベセイサクショ|MUR|metal
E166|K<|矢越電子|ヤゴシデンシ|MUR|elec_dev
E167|K<|むろね乳業|ムロネニュウギョウ|MUR|food
E168|K<|津谷川工業|ツヤガワコウギョウ|MUR|metal
E169|K<|室根プラスチック|ムロネプラスチック|MUR|plastic
E170|K<|藤沢精機|フジサワセイキ|FUJ|precision
E171|K>|藤沢工業|フジサワコウギョウ|FUJ|metal
E172|Y<|黄海木材|キノミモクザイ|FUJ|wood
E173|K<|藤沢電子|フジサワデンシ|FUJ|elec_dev
E174|K<|西口製作所|ニシグチセイサクショ|FUJ|metal
E175|K<|徳田食品|トクダショクヒン|FUJ|food
E176|K<|ふじさわ縫製|フジサワホウセイ|FUJ|textile
E177|K<|藤沢ケミカル|フジサワケミカル|FUJ|chem
E178|K>|藤澤精機|フジサワセイキ|KNG|precision
E179|Y<|藤沢自動車工業|フジサワジドウシャコウギョウ|FUJ|auto_parts
E180|K<|藤沢窯業|フジサワヨウギョウ|FUJ|ceramic
E181|K<|平泉精工|ヒライズミセイコウ|HIR|precision
E182|K>|平泉電子|ヒライズミデンシ|HIR|elec_dev
E183|K<|平泉食品|ヒライズミショクヒン|HIR|food
E184|K<|中尊電機|チュウソンデンキ|HIR|elec_mach
E185|K<|平泉建設|ヒライズミケンセツ|HIR|constr
E186|K<|水沢精機|ミズサワセイキ|OSH|precision
E187|K>|水沢鋳工|ミズサワチュウコウ|OSH|steel
E188|K<|奥州鋳造|オウシュウチュウゾウ|OSH|steel
E189|K<|江刺電子|エサシデンシ|OSH|elec_dev
E190|K>|奥州プラスチック|オウシュウプラスチック|OSH|plastic
E191|K<|前沢精工|マエサワセイコウ|OSH|precision
E192|K<|胆沢工業|イサワコウギョウ|OSH|metal
E193|K<|奥州オートテック|オウシュウオートテック|OSH|auto_parts
E194|K<|岩手オートテック|イワテオートテック|KAN|auto_parts
E195|K>|佐倉河製作所|サクラカワセイサクショ|OSH|metal
E196|Y<|及川製作所|オイカワセイサクショ|OSH|metal
E197|K<|奥州電機|オウシュウデンキ|OSH|elec_mach
E198|K<|みちのく精密|ミチノクセイミツ|OSH|precision
E199|K<|奥州ケミカル|オウシュウケミカル|OSH|chem
E200|K<|水沢金型|ミズサワカナガタ|OSH|precision
E201|K<|東北ワイヤーハーネス|トウホクワイヤーハーネス|OSH|auto_parts
E202|K>|江刺木工|エサシモッコウ|OSH|wood
E203|K<|奥州テクノサービス|オウシュウテクノサービス|OSH|service
E204|K<|胆江エンジニアリング|タンコウエンジニアリング|OSH|mach
E205|K<|水沢電設|ミズサワデンセツ|OSH|equip
E206|K<|奥州食品工業|オウシュウショクヒンコウギョウ|OSH|food
E207|K<|アイ・オー・テック|アイオーテック|OSH|elec_dev
E208|K<|前沢化成|マエサワカセイ|OSH|plastic
E209|K<|北上精密|キタカミセイミツ|KIT|precision
E210|K>|北上精工|キタカミセイコウ|KIT|precision
E211|K<|北上電子工業|キタカミデンシコウギョウ|KIT|elec_dev
E212|K<|北上オートパーツ|キタカミオートパーツ|KIT|auto_parts
E213|K>|村崎野工業|ムラサキノコウギョウ|KIT|metal
E214|K<|相去製作所|アイサリセイサクショ|KIT|metal
E215|K<|北上セミコンダクター|キタカミセミコンダクター|KIT|elec_dev
E216|K<|岩手シリコンテクノ|イワテシリコンテクノ|KIT|elec_dev
E217|K<|北上樹脂工業|キタカミジュシコウギョウ|KIT|plastic
E218|K<|和賀精機|ワガセイキ|KIT|precision
E219|K>|飯豊電機|イイトヨデンキ|KIT|elec_mach
E220|K<|北上ダイキャスト|キタカミダイキャスト|KIT|auto_parts
E221|K<|北上クリーンテック|キタカミクリーンテック|KIT|equip
E222|K<|北上物流|キタカミブツリュウ|KIT|transport
E223|K<|北上精機製作所|キタカミセイキセイサクショ|KIT|mach
E224|K<|みちのくプレス|ミチノクプレス|KIT|auto_parts
E225|K>|北上ゴム工業|キタカミゴムコウギョウ|KIT|plastic
E226|K<|北上システム開発|キタカミシステムカイハツ|KIT|info
E227|K<|東北ガスケット|トウホクガスケット|KIT|auto_parts
E228|K<|北上化学|キタカミカガク|KIT|chem
E229|K<|ケイエス電子|ケイエスデンシ|KIT|elec_dev
E230|K<|和賀川精工|ワガガワセイコウ|KIT|precision
E231|K<|北上ファインケミカル|キタカミファインケミカル|KIT|chem
E232|K<|北上計測|キタカミケイソク|KIT|mach
E233|K<|北上メッキ工業|キタカミメッキコウギョウ|KIT|metal
E234|K>|北上鋼材|キタカミコウザイ|KIT|trade
E235|K<|金ケ崎工業|カネガサキコウギョウ|KAN|metal
E236|K>|金ケ崎オートパーツ|カネガサキオートパーツ|KAN|auto_parts
E237|K<|六原精工|ロクハラセイコウ|KAN|precision
E238|K<|西根樹脂|ニシネジュシ|KAN|plastic
E239|K<|金ヶ崎プレス|カネガサキプレス|KAN|auto_parts
E240|K<|三ケ尻電装|サンガシリデンソウ|KAN|auto_parts
E241|K<|岩手シート工業|イワテシートコウギョウ|KAN|auto_parts
E242|K<|東北車体部品|トウホクシャタイブヒン|KAN|auto_parts
E243|K<|金ケ崎物流|カネガサキブツリュウ|KAN|transport
E244|K<|いわて塗装|イワテトソウ|KAN|auto_parts
E245|K<|花巻精工|ハナマキセイコウ|HNM|precision
E246|K>|花巻電子|ハナマキデンシ|HNM|elec_dev
E247|K<|岩手ソフトウェアサービス|イワテソフトウェアサービス|MRI|info
E248|K<|盛岡計器|モリオカケイキ|MRI|mach
E249|IZ<|両磐産業技術振興財団|リョウバンサンギョウギジュツシンコウザイダン|ICH|org
E250|K<|盛岡精機|モリオカセイキ|MRI|precision
E251|K<|北日本テクノリサーチ|キタニホンテクノリサーチ|MRI|service
E252|K<|栗原精工|クリハラセイコウ|KUR|precision
E253|K>|宮城精工|ミヤギセイコウ|KUR|precision
E254|K<|若柳電子|ワカヤナギデンシ|KUR|elec_dev
E255|K<|築館プラスチック|ツキダテプラスチック|KUR|plastic
E256|K<|栗駒木材|クリコマモクザイ|KUR|wood
E257|K<|栗原オートパーツ|クリハラオートパーツ|KUR|auto_parts
E258|K<|登米精密|トメセイミツ|TOM|precision
E259|K>|佐沼電機|サヌマデンキ|TOM|elec_mach
E260|K<|登米樹脂|トメジュシ|TOM|plastic
E261|K<|迫工業|ハサマコウギョウ|TOM|metal
E262|K<|みやぎ北部ハーネス|ミヤギホクブハーネス|TOM|auto_parts
E263|K<|気仙沼鉄工|ケセンヌマテッコウ|KES|metal
E264|K>|気仙沼食品|ケセンヌマショクヒン|KES|food
E265|K<|三陸精機|サンリクセイキ|KES|mach
E266|K<|石越電子|イシコシデンシ|TOM|elec_dev
E267|K<|仙台テクノサービス|センダイテクノサービス|SND|service
E268|K>|東北精密機器|トウホクセイミツキキ|SND|mach
E269|K<|みやぎ半導体装置|ミヤギハンドウタイソウチ|SND|mach
E270|K<|仙台オートモーティブ|センダイオートモーティブ|SND|auto_parts
E271|K<|東都精電|トウトセイデン|TKY|elec_dev
E272|K>|大和樹脂工業|ダイワジュシコウギョウ|TKY|plastic
E273|K<|ミナトテクトロン|ミナトテクトロン|TKY|elec_dev
E274|K<|品川電装|シナガワデンソウ|TKY|auto_parts
E275|K>|日本マイクロデバイス|ニホンマイクロデバイス|TKY|elec_dev
E276|K<|日本マイクロデバイス東北|ニホンマイクロデバイストウホク|EST|elec_dev
E277|K<|横浜ファインセラミック|ヨコハマファインセラミック|KNG|ceramic
E278|K>|相模精工|サガミセイコウ|KNG|precision
E279|K<|厚木電子工業|アツギデンシコウギョウ|KNG|elec_dev
E280|K<|中部オートパーツ|チュウブオートパーツ|AIC|auto_parts
E281|K>|刈谷精機|カリヤセイキ|AIC|auto_parts
E282|K<|三河化成|ミカワカセイ|AIC|plastic
E283|K<|諏訪精密|スワセイミツ|NGN|precision
E284|K<|信州電工|シンシュウデンコウ|NGN|elec_mach
E285|K>|大阪セラテック|オオサカセラテック|OSK|ceramic
E286|K<|浪速電線|ナニワデンセン|OSK|auto_parts
E287|K<|埼玉プレシジョン|サイタマプレシジョン|SAI|precision
E288|K>|川越化学工業|カワゴエカガクコウギョウ|SAI|chem
E289|K<|郡山精機|コオリヤマセイキ|FKS|precision
E290|K<|米沢電子|ヨネザワデンシ|YMG|elec_dev
E291|K<|東洋ハーネス|トウヨウハーネス|TKY|auto_parts
E292|K<|トーヨーセミテック|トーヨーセミテック|TKY|mach
E293|K<|日本フィルター工業|ニホンフィルターコウギョウ|TKY|mach
E294|K<|東邦計装|トウホウケイソウ|TKY|mach
E295|K<|みちのく中央銀行|ミチノクチュウオウギンコウ|MRI|finance
E296|K<|両磐リース|リョウバンリース|ICH|finance
E297|K<|いわて県南キャピタル|イワテケンナンキャピタル|ICH|finance
E298|K<|一関精工舎|イチノセキセイコウシャ|ICH|precision
E299|Y<|千厩精工|センマヤセイコウ|SEN|precision
E300|K<|室根電子|ムロネデンシ|MUR|elec_dev
E301|K<|一関医科器械|イチノセキイカキカイ|ICH|medical
E302|K<|岩手メディカルデバイス|イワテメディカルデバイス|OSH|medical
E303|K<|東北メディカルテック|トウホクメディカルテック|KIT|medical
E304|P|佐藤製作所|サトウセイサクショ|DAI|metal
E305|P|小岩工業所|コイワコウギョウショ|HIG|metal
E306|Y<|千葉精工|チバセイコウ|KAW|precision
E307|K<|厳美渓食品|ゲンビケイショクヒン|ICH|food
E308|K<|岩手ビジネスシステム|イワテビジネスシステム|ICH|info
E309|K>|東北電子計算センター|トウホクデンシケイサンセンター|SND|info
E310|K<|齋藤精機|サイトウセイキ|ICH|precision
E311|K<|藤沢ファーム|フジサワファーム|FUJ|food
E312|Y<|黄海鉄工|キノミテッコウ|FUJ|metal
E313|K>|藤沢建設|フジサワケンセツ|FUJ|constr
E314|K<|徳田精密|トクダセイミツ|FUJ|precision
E315|K<|宮﨑精密|ミヤザキセイミツ|SEN|precision
E316|K<|髙田電子|タカダデンシ|KIT|elec_dev
"""

# entity | site label | area   (hand-written)
SITES = """
E003|千厩工場|SEN
E003|花泉工場|HAN
E007|大東工場|DAI
E010|東山工場|HIG
E012|第二工場|ICH
E016|藤沢工場|FUJ
E021|千厩工場|SEN
E029|川崎工場|KAW
E030|花泉事業所|HAN
E035|金ケ崎工場|KAN
E043|室根工場|MUR
E052|千厩支店|SEN
E052|北上支店|KIT
E052|大東支店|DAI
E053|千厩支店|SEN
E053|花泉支店|HAN
E063|藤沢工場|FUJ
E063|登米工場|TOM
E070|北上事業所|KIT
E075|金ケ崎工場|KAN
E100|第二工場|EST
E128|室根工場|MUR
E138|一関工場|EST
E186|一関工場|EST
E193|一関工場|EST
E209|花泉工場|HAN
E211|一関工場|EST
E215|一関工場|EST
E229|千厩工場|SEN
E252|一関工場|EST
E262|花泉工場|HAN
E271|一関工場|EST
E272|千厩工場|SEN
E273|一関事業所|EST
E273|北上工場|KIT
E274|岩手工場|KAN
E275|一関工場|EST
E275|北上工場|KIT
E277|東山工場|HIG
E278|花泉工場|HAN
E279|岩手事業所|KIT
E280|東北工場|KAN
E280|一関工場|EST
E281|岩手工場|KIT
E282|金ケ崎工場|KAN
E283|大東工場|DAI
E284|藤沢工場|FUJ
E285|一関工場|EST
E286|室根工場|MUR
E287|一関工場|EST
E288|北上工場|KIT
E289|一関工場|EST
E290|川崎工場|KAW
E291|千厩工場|SEN
E291|花泉工場|HAN
E292|北上事業所|KIT
E293|一関工場|EST
E294|東北支店|SND
E295|一関支店|ICH
E295|千厩支店|SEN
E302|一関工場|EST
"""

# Renames: entity | former registered name | date | what happened   (hand-written)
RENAMES = [
    ("E030", "一関電子工業株式会社", "2021-04-01", "商号変更 (一関電子工業株式会社 → 株式会社イチデン)"),
    ("E032", "有限会社岩渕木工所", "2019-10-01", "特例有限会社から株式会社へ移行 (商号変更)"),
    ("E059", "三友電機工業株式会社", "2018-07-01", "商号変更 (工業を外し、株式会社を前へ)"),
    ("E072", "株式会社一関ハイテック", "2022-04-01", "商号変更 (語順の入れ替え)"),
    ("E113", "有限会社花泉精工", "2017-04-01", "株式会社へ移行と同時に商号変更"),
    ("E138", "千厩電装株式会社", "2019-04-01", "商号変更"),
    ("E201", "奥州ハーネス株式会社", "2020-10-01", "商号変更"),
    ("E215", "北上半導体株式会社", "2023-04-01", "商号変更"),
    ("E236", "株式会社金ケ崎部品工業", "2016-04-01", "商号変更"),
    ("E275", "日本マイクロ電子株式会社", "2020-01-01", "商号変更"),
    ("E022", "株式会社岩手情報技術", "2015-10-01", "商号変更"),
]
# Relocations: entity or entity/site | old street | date   (hand-written; old house number and phone drawn)
RELOCATIONS = [
    ("E001", "山目字前田", "2020-09-01", "本社工場を一関東工業団地へ移転"),
    ("E009", "中里字沢田", "2023-05-01", "本社を一関東工業団地へ移転、電話番号も変更"),
    ("E062", "中里字沢田", "2022-03-01", "本社移転 (中里 → 萩荘)"),
    ("E102", "花泉町涌津字町裏", "2018-06-01", "花泉町内で移転"),
    ("E131", "千厩町千厩字北ノ沢", "2021-08-01", "千厩町奥玉へ移転、電話番号も変更"),
    ("E186", "水沢字大手町", "2019-11-01", "本社移転 (水沢 → 胆沢)"),
    ("E209", "相去町山田", "2019-04-01", "本社移転 (相去町 → 北工業団地)"),
    ("E170", "藤沢町藤沢字町裏", "2020-06-01", "藤沢町内で移転"),
    ("E271", "千代田区|神田須田町一丁目", "2021-03-01", "本社移転 (千代田区 → 品川区)"),
]
# Entities whose current street is fixed by hand (the new address after a relocation)
FIXED_STREET = {"E062": "萩荘字釣山", "E102": "花泉町老松字下宮沢", "E131": "千厩町奥玉字寺田",
                "E186": "胆沢南都田字加賀谷地", "E209": "北工業団地", "E170": "藤沢町西口字沖",
                "E271": "品川区|大崎二丁目"}
RELOC_NEW_PHONE = {"E009", "E131", "E186", "E271"}
# Parent / subsidiary or group pairs (hand-written)
GROUPS = [
    ("E003", "E004", "親会社・子会社: 磐井電子の保守サービス子会社。本社と同じ住所 (同じ敷地内の別棟)、代表者は兼任", True, True),
    ("E275", "E276", "親会社・子会社: 日本マイクロデバイス一関工場の構内にある製造子会社。工場と同じ住所", False, False),
    ("E052", "E297", "銀行とそのベンチャーキャピタル子会社。本店ビルに同居", True, False),
    ("E014", "E015", "同族グループ: 小野寺建設の電気工事部門が分社。同じ住所、代表者は親族 (同姓)", True, False),
    ("E291", "E137", "親会社・子会社: 東洋ハーネスの千厩工場を運営する地元子会社。工場と同じ住所", False, False),
]
CHANGED_REPS = ["E003", "E007", "E010", "E012", "E021", "E029", "E035", "E052", "E053", "E063", "E070", "E100",
                "E128", "E138", "E149", "E186", "E209", "E215", "E273", "E295", "E018", "E170"]

# Deliberately confusable pairs of DIFFERENT entities (hand-written): a, b, reason
CONFUSABLE = [
    ("E001", "E002", "一関精工 と 一関精機: 一字違い、同じ一関、どちらも機械系"),
    ("E001", "E298", "一関精工 と 一関精工舎: 前方一致、同じ一関、同業"),
    ("E005", "E006", "佐藤鉄工所 と 佐藤鉄工: 所の有無だけ、同業、一関と花泉"),
    ("E005", "E304", "佐藤鉄工所 と 個人の佐藤製作所: 同姓、同業"),
    ("E007", "E008", "両磐プラスチック と リョーバン化成: 同じ読み (リョウバン/リョーバン)、同業"),
    ("E011", "E285", "岩手セラテック と 大阪セラテック(一関工場): 後半一致、同業、工場は同じ一関"),
    ("E012", "E306", "千葉製作所 と 千葉精工: 同姓、機械系"),
    ("E012", "E013", "千葉製作所 と 千葉工業: 同姓、同じ一関"),
    ("E014", "E147", "小野寺建設 と 小野寺精工: 同姓 (グループではない)"),
    ("E017", "E141", "熊谷鉄工 と 熊谷製作所: 同姓、同業"),
    ("E018", "E019", "髙橋精機 と 高橋電機: 髙/高、同じ一関。髙が高に化けると前半一致"),
    ("E040", "E041", "アサヒ樹脂工業 と 旭樹脂: 同じ読み、同業"),
    ("E055", "E056", "東北機工 と 東北機興: 同じ読み (トウホクキコウ)、機械系"),
    ("E059", "E060", "三友電機 と 三友電機製作所: 前方一致、同業"),
    ("E062", "E287", "一関プレシジョン と 埼玉プレシジョン一関工場: 同じ一関、同業、後半一致"),
    ("E070", "E071", "一関テクノ と 一関テクノサービス: 前方一致、同じ一関 (資本関係なし)"),
    ("E082", "E083", "一関電気 と 一関電機: 同じ読み、同じ一関"),
    ("E087", "E088", "伊藤製作所 と 伊東製作所: 同じ読み、同業、一関と奥州"),
    ("E098", "E099", "昆野製作所 と 金野製作所: 同じ読み (コンノ)、同業、一関と千厩"),
    ("E103", "E113", "花泉精機 と 南いわて精工 (旧 花泉精工): 旧商号が一字違い、同じ花泉"),
    ("E116", "E117", "大東精工 と 大東精機: 一字違い、同じ大東"),
    ("E116", "E122", "大東精工 と ダイトウ・エレクトロニクス: 同じ読みで始まる、同じ大東"),
    ("E128", "E129", "千厩窯業 と 千厩窯業所: 所の有無だけ、同業、同じ千厩"),
    ("E130", "E299", "千厩精密 と 千厩精工: 同じ千厩、同業"),
    ("E138", "E139", "東北電装 と 東北電装工業: 前方一致、同業"),
    ("E170", "E178", "藤沢精機 と 藤澤精機: 同じ読み、沢/澤。藤沢町と神奈川県藤沢市"),
    ("E193", "E194", "奥州オートテック と 岩手オートテック: 後半一致、同業、隣町"),
    ("E209", "E210", "北上精密 と 北上精工: 北上の同業"),
    ("E218", "E230", "和賀精機 と 和賀川精工: 北上の同業"),
    ("E035", "E220", "岩手ダイカスト と 北上ダイキャスト: ダイカスト/ダイキャスト、同業"),
    ("E275", "E276", "日本マイクロデバイス一関工場 と 子会社の日本マイクロデバイス東北: 同じ住所、前方一致"),
    ("E291", "E137", "東洋ハーネス千厩工場 と 子会社の千厩ハーネス: 同じ住所、同業"),
    ("E003", "E004", "磐井電子 と 子会社の磐井電子サービス: 同じ住所、代表者兼任"),
    ("E003", "E081", "磐井電子 と 岩井ゴム工業: 読みがイワイで始まる、同じ一関"),
    ("E052", "E297", "いわて県南銀行 と 子会社のいわて県南キャピタル: 同じ住所、前方一致"),
    ("E024", "E089", "一関印刷 と 一関パッケージ: 同じ一関、同業 (印刷・同関連業)"),
    ("E310", "E090", "齋藤精機 と 田村精機: 別物だが、齋藤が崩れると (?藤精機) 短い名で一致しやすい"),
]

SURNAMES = ["佐藤", "千葉", "小野寺", "菅原", "阿部", "熊谷", "及川", "高橋", "佐々木", "鈴木", "伊藤", "畠山", "岩渕",
            "金野", "三浦", "吉田", "村上", "菊池", "後藤", "狩野", "昆野", "千田", "小岩", "那須", "細川", "岩井",
            "髙橋", "山﨑", "齋藤", "斎藤", "藤野", "皆川", "芦名", "及川", "小山", "照井", "菅野", "鈴木", "佐藤"]
GIVEN = ["一郎", "健一", "浩", "誠", "隆", "修", "博之", "和彦", "直樹", "正樹", "聡", "淳", "智子", "裕子", "美穂",
         "恵子", "真由美", "大輔", "拓也", "翔太", "勝", "清", "茂", "徹", "亮", "学", "康弘", "英明", "秀樹", "洋子",
         "幸男", "孝", "晴美", "昭", "悟", "直人", "由紀", "剛", "雅之", "純一"]
NAME_SURNAMES = ["宮﨑", "髙田", "佐々木", "小野寺", "髙橋", "高橋", "山﨑", "佐藤", "千葉", "菅原", "熊谷", "及川", "阿部", "三浦",
                 "吉田", "村上", "菊池", "伊藤", "伊東", "昆野", "金野", "岩渕", "千田", "鈴木", "小岩", "齋藤"]


def check_digit(base12):
    s = 0
    for n in range(1, 13):
        p = int(base12[12 - n])
        s += p * (1 if n % 2 == 1 else 2)
    return str(9 - s % 9)


def corp_number(base12):
    return check_digit(base12) + base12


def full_name(form_code, core):
    form, pos = FORMS[form_code][0], FORMS[form_code][1]
    if pos == "pre":
        return form + core
    if pos == "post":
        return core + form
    return core


def main():
    assert corp_number("000012050002") == "7000012050002"  # 国税庁's own number, a known-good example
    ents = []
    for line in ENTITIES.strip().splitlines():
        eid, form, core, kana, area, ind = line.split("|")
        ents.append(dict(id=eid, form=form, core=core, kana=kana, area=area, ind=ind))
    ids = [e["id"] for e in ents]
    assert len(ids) == len(set(ids)) and all(ids[i] == "E%03d" % (i + 1) for i in range(len(ids)))
    byid = {e["id"]: e for e in ents}
    sites = []
    for line in SITES.strip().splitlines():
        eid, label, area = line.split("|")
        sites.append(dict(entity=eid, label=label, area=area))

    r = rng("universe")
    used_phone, used_serial, used_house = set(), set(), set()

    def draw_phone(area):
        while True:
            p = r.choice(AREAS[area][3])
            ph = "%s-%04d" % (p, r.randrange(1000, 10000))
            if ph not in used_phone:
                used_phone.add(ph)
                return ph

    def draw_address(area, street=None):
        pref, city, streets = AREAS[area][0], AREAS[area][1], AREAS[area][2]
        if street is None:
            st, postal = r.choice(streets)
        else:
            st, postal = [s for s in streets if s[0] == street][0]
        if "|" in st:
            city, st = st.split("|")
        while True:
            if st.endswith("丁目"):
                no = "%d-%d" % (r.randrange(1, 30), r.randrange(1, 25))
            elif st.endswith("地割"):
                no = "%d-%d" % (r.randrange(1, 200), r.randrange(1, 30))
            elif r.random() < 0.55:
                no = str(r.randrange(1, 400))
            else:
                no = "%d-%d" % (r.randrange(1, 400), r.randrange(1, 20))
            key = (city, st, no)
            if key not in used_house:
                used_house.add(key)
                return pref, city, st + no, postal

    def draw_rep(core, title):
        sur = None
        for s in NAME_SURNAMES:
            if core.startswith(s) or (s in core and len(s) >= 2 and core.index(s) == 0):
                sur = s
                break
        if sur is None:
            sur = r.choice(SURNAMES)
        return title, sur + " " + r.choice(GIVEN)

    def draw_serial(area, tdig):
        while True:
            serial = "%06d" % r.randrange(1, 999999)
            base = AREAS[area][4] + tdig + serial
            if base not in used_serial:
                used_serial.add(base)
                return corp_number(base)

    reloc = {x[0]: x for x in RELOCATIONS}
    for e in ents:
        form = FORMS[e["form"]]
        e["name"] = full_name(e["form"], e["core"])
        area = e["area"]
        street = FIXED_STREET.get(e["id"])
        if street is not None:
            st = street
        else:
            st = None
        e["pref"], e["city"], e["address"], e["postal"] = draw_address(area, st)
        e["phone"] = draw_phone(area)
        e["corporate_number"] = "" if form[2] is None else draw_serial(area, form[2])
        title = form[3]
        if e["core"].endswith("銀行"):
            title = "取締役頭取"
        elif r.random() < 0.4 and title == "代表取締役":
            title = "代表取締役社長"
        e["rep_title"], e["representative"] = draw_rep(e["core"], title)
        y = r.randrange(1948, 2016)
        e["founded"] = "%04d-%02d" % (y, r.randrange(1, 13))
        e["industry"] = INDUSTRIES[e["ind"]][0]
        e["tags"] = INDUSTRIES[e["ind"]][1]
    # group subsidiaries share the parent's address where the note says so
    for parent, child, note, same_addr_as_hq, same_rep in GROUPS:
        p, c = byid[parent], byid[child]
        if same_addr_as_hq:
            c["pref"], c["city"], c["address"], c["postal"] = p["pref"], p["city"], p["address"], p["postal"]
        if same_rep:
            c["rep_title"], c["representative"] = "代表取締役", p["representative"]
    for s in sites:
        e = byid[s["entity"]]
        s["pref"], s["city"], s["address"], s["postal"] = draw_address(s["area"])
        s["phone"] = draw_phone(s["area"])
        bank = e["ind"] == "finance"
        s["manager_title"] = "支店長" if bank else ("所長" if s["label"].endswith("所") else "工場長")
        s["manager"] = r.choice(SURNAMES) + " " + r.choice(GIVEN)
        s["id"] = "%s/%s" % (s["entity"], s["label"])
    sitemap = {s["id"]: s for s in sites}
    for parent, child, note, same_addr_as_hq, same_rep in GROUPS:
        if not same_addr_as_hq:
            site = [s for s in sites if s["entity"] == parent and s["area"] == byid[child]["area"]][0]
            c = byid[child]
            c["pref"], c["city"], c["address"], c["postal"] = site["pref"], site["city"], site["address"], site["postal"]
    # former addresses / phones / representatives
    notes = []
    for eid, old, date, what in RENAMES:
        e = byid[eid]
        e["former_name"] = old
        notes.append(("rename", eid, "", "name", old, e["name"], date, what))
    for eid, oldstreet, date, what in RELOCATIONS:
        e = byid[eid]
        area = e["area"] if e["area"] != "EST" else "ICH"
        _, ocity, oaddr, opostal = draw_address(area, oldstreet)
        e["former_address"] = (ocity, oaddr, opostal)
        notes.append(("relocation", eid, "", "address", "〒%s %s %s" % (opostal, ocity, oaddr),
                      "〒%s %s %s" % (e["postal"], e["city"], e["address"]), date, what))
        if eid in RELOC_NEW_PHONE:
            oph = draw_phone(area)
            e["former_phone"] = oph
            notes.append(("phone_change", eid, "", "phone", oph, e["phone"], date, "移転に伴い電話番号変更"))
    rr = rng("reps")
    for eid in CHANGED_REPS:
        e = byid[eid]
        sur = e["representative"].split(" ")[0]
        if rr.random() < 0.5:
            old = sur + " " + rr.choice(GIVEN)  # family succession
            what = "代表者交代 (親族承継)"
        else:
            old = rr.choice(SURNAMES) + " " + rr.choice(GIVEN)
            what = "代表者交代"
        if old == e["representative"]:
            old = sur + " " + GIVEN[(GIVEN.index(e["representative"].split(" ")[1]) + 7) % len(GIVEN)]
        e["former_representative"] = old
        notes.append(("representative_change", eid, "", "representative", old, e["representative"],
                      "%04d-%02d-01" % (rr.randrange(2018, 2025), rr.choice([4, 6, 10])), what))
    for parent, child, note, a, b in GROUPS:
        notes.append(("group", parent, child, "relation", "", "", "", note))
    # shared people: a few plant managers are also on the board of the entity; the subsidiary reps above
    notes.append(("shared_address", "E275", "E276", "address", "", "", "",
                  "日本マイクロデバイス一関工場 と 日本マイクロデバイス東北 は同じ所在地"))
    notes.append(("shared_address", "E291", "E137", "address", "", "", "",
                  "東洋ハーネス千厩工場 と 千厩ハーネス は同じ所在地"))

    # -------------------------------------------------------------------------------------------------
    # membership draw. A unit is an entity's head office (site "") or one of its sites.
    units = []
    for e in ents:
        units.append(dict(entity=e["id"], site="", area=e["area"], ind=e["ind"], tags=e["tags"]))
    for s in sites:
        e = byid[s["entity"]]
        units.append(dict(entity=s["entity"], site=s["label"], area=s["area"], ind=e["ind"], tags=e["tags"]))

    def ichi(a):
        return a in IWATE_ICHI

    LISTS = ["L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10"]
    rules = {
        # list: function(unit, entity) -> probability
        "L01": lambda u, e: (0.88 if u["ind"] in MANUF else 0.7 if u["ind"] in ("constr", "equip", "info", "print",
                             "transport", "service", "waste", "trade") else 0.0) if u["area"] in ("ICH", "EST") else 0,
        "L02": lambda u, e: 0.96 if u["area"] == "EST" and u["ind"] not in ("finance",) else 0,
        "L03": lambda u, e: 0.92 if u["area"] == "HAN" else 0,
        "L04": lambda u, e: 0.93 if u["area"] == "SEN" else 0,
        "L05": lambda u, e: 0.95 if u["area"] == "FUJ" else 0,
        "L06": lambda u, e: (0.26 if u["ind"] in MANUF or u["ind"] in ("info", "constr", "equip") else
                             0.9 if u["ind"] == "finance" else 0.5 if u["ind"] in ("org", "service") else 0)
        if (ichi(u["area"]) or u["area"] == "HIR") else (0.08 if u["area"] in ("OSH", "KIT") and u["ind"] in MANUF else 0),
        "L07": lambda u, e: ((0.62 if u["ind"] in ("chem", "ceramic", "plastic", "food", "elec_dev", "medical") else
                              0.30 if u["ind"] in MANUF else 0.2 if u["ind"] in ("service", "info", "finance") else 0)
                             if (ichi(u["area"]) or u["area"] in ("HIR", "OSH", "TOM", "KUR")) else 0),
        "L08": lambda u, e: ((0.78 if u["ind"] in MANUF else 0.35 if u["ind"] in ("info", "mach", "service", "org", "equip")
                              else 0) if u["area"] in IWATE else 0),
        "L09": lambda u, e: ((0.78 if "auto" in u["tags"] else 0.12 if u["ind"] in MANUF else
                              0.6 if u["ind"] in ("finance", "org") else 0.1)
                             if u["area"] in IWATE or u["area"] in ("KUR", "TOM") else 0),
        "L10": lambda u, e: ((0.88 if "semi" in u["tags"] else 0.2 if u["ind"] in MANUF else
                              0.55 if u["ind"] in ("finance", "org") else 0.05)
                             if u["area"] in IWATE or u["area"] in ("SND",) else 0),
    }
    # A member is normally the entity itself when its head office is in the list's area; a plant or branch only
    # when the head office is not. These hand-picked entities send head office AND a site in one list.
    BOTH = {"L01": ["E012", "E100"], "L02": [], "L03": [], "L04": [], "L05": [],
            "L06": ["E052"], "L07": ["E003"], "L08": ["E070", "E063"], "L09": ["E063", "E075", "E035"],
            "L10": ["E003", "E070"]}
    FORCE = {  # hand-picked members the list specs in generate.py rely on
        "L01": ["E032", "E072", "E018", "E019", "E020", "E001", "E298", "E002", "E082", "E083", "E044", "E097",
                "E096", "E009", "E024", "E089", "E310", "E090", "E005", "E013", "E004", "E003", "E062", "E287/一関工場"],
        "L02": ["E276", "E275/一関工場", "E138/一関工場", "E287/一関工場", "E009", "E001", "E271/一関工場"],
        "L03": ["E113", "E103", "E111", "E030/花泉事業所", "E209/花泉工場", "E006", "E102", "E291/花泉工場"],
        "L04": ["E128", "E129", "E130", "E299", "E074", "E141", "E099", "E137", "E291/千厩工場", "E131", "E138",
                "E052/千厩支店", "E295/千厩支店", "E053/千厩支店"],
        "L05": ["E170", "E016/藤沢工場", "E067", "E171"],
        "L06": ["E003", "E021", "E004", "E097", "E052", "E053", "E018", "E012", "E030", "E072", "E001", "E002",
                "E083", "E091", "E249", "E058", "E295/一関支店"],
        "L07": ["E030", "E059", "E070", "E009", "E131", "E020", "E018", "E310", "E047", "E040", "E041", "E001"],
        "L08": ["E215", "E186/一関工場", "E239", "E209", "E210", "E001", "E021", "E088", "E087", "E030", "E113"],
        "L09": ["E030", "E201", "E236", "E275/一関工場", "E138", "E139", "E193", "E194", "E220", "E018", "E020",
                "E178", "E137", "E291/千厩工場", "E052", "E295", "E063/藤沢工場", "E063/登米工場"],
        "L10": ["E003", "E003/千厩工場", "E215", "E273/一関事業所", "E273/北上工場", "E275/一関工場",
                "E275/北上工場", "E276", "E082", "E083", "E055", "E056", "E310", "E004", "E070/北上事業所",
                "E061"],
    }
    DROP = {"L02": ["E061"], "L01": ["E071"], "L09": ["E291/花泉工場"]}
    # L09 takes out-of-region head offices in through their Iwate sites; L10 likewise. The sites are units.
    # the year each association was founded (from the plan's table, invented for L07's neighbours): nobody joined earlier
    LIST_START = {"L01": 1947, "L02": 1983, "L03": 1990, "L04": 1993, "L05": 1994, "L06": 1992, "L07": 1995,
                  "L08": 2006, "L09": 2006, "L10": 2008}
    memberships = []
    for L in LISTS:
        rl = rng("member-" + L)
        chosen = []
        forced = set(FORCE[L])
        for u in units:
            key = u["entity"] + ("/" + u["site"] if u["site"] else "")
            p = rules[L](u, byid[u["entity"]])
            hit = rl.random() < p
            if key in forced:
                hit = True
            if key in DROP.get(L, []):
                hit = False
            if hit:
                chosen.append(key)
        # collapse: keep the head office only, unless BOTH or forced
        chosen_set = set(chosen)
        final = []
        for key in chosen:
            eid, _, site = key.partition("/")
            if site and eid in chosen_set and eid not in BOTH[L] and key not in forced:
                continue  # the head office already stands for the company in this list
            final.append(key)
        for eid in BOTH[L]:
            if eid not in final:
                final.append(eid)
            if not any(k.startswith(eid + "/") for k in final):
                cand = [s for s in sites if s["entity"] == eid]
                final.append(eid + "/" + cand[0]["label"])
        for key in final:
            eid, _, site = key.partition("/")
            e = byid[eid]
            jy = max(int(e["founded"][:4]) + 1, rl.randrange(LIST_START[L], 2024))
            jy = min(jy, 2024)
            memberships.append((L, eid, site, "%04d-%02d" % (jy, rl.choice([4, 4, 4, 5, 6, 7, 10, 12, 1]))))
    # write files
    def w(name, header, rows):
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\t".join(header) + "\n")
            for row in rows:
                f.write("\t".join(row) + "\n")

    w("entities.tsv", ["entity_id", "name", "kana", "corporate_number", "prefecture", "city", "address", "phone",
                       "representative", "industry", "postal_code", "representative_title", "founded", "former_name",
                       "area"],
      [(e["id"], e["name"], e["kana"], e["corporate_number"], e["pref"], e["city"], e["address"], e["phone"],
        e["representative"], e["industry"], e["postal"], e["rep_title"], e["founded"], e.get("former_name", ""),
        e["area"]) for e in ents])
    w("sites.tsv", ["entity_id", "site", "prefecture", "city", "address", "postal_code", "phone", "manager_title",
                    "manager", "area"],
      [(s["entity"], s["label"], s["pref"], s["city"], s["address"], s["postal"], s["phone"], s["manager_title"],
        s["manager"], s["area"]) for s in sites])
    w("memberships.tsv", ["list_id", "entity_id", "site", "joined"], memberships)
    w("notes.tsv", ["kind", "entity_id", "other_entity_id", "field", "old", "new", "date", "note"], notes)
    w("confusable_pairs.tsv", ["entity_a", "entity_b", "name_a", "name_b", "reason"],
      [(a, b, byid[a]["name"], byid[b]["name"], why) for a, b, why in CONFUSABLE])
    # counts
    from collections import Counter
    c = Counter(m[0] for m in memberships)
    per_ent = Counter(m[1] for m in memberships)
    print("entities", len(ents), "sites", len(sites), "memberships", len(memberships), dict(sorted(c.items())))
    print("entities in 0 lists", sum(1 for e in ents if per_ent[e["id"]] == 0),
          "in 3+ distinct lists", sum(1 for e in ents if len({m[0] for m in memberships if m[1] == e["id"]}) >= 3))


if __name__ == "__main__":
    main()
