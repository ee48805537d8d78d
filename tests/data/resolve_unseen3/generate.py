#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Generator of the held-out set resolve_unseen3 (evaluation only: never tune against it).

Reads the hand-written universe (universe.py), draws the invented details (addresses, phones,
法人番号, representatives, memberships) with seeded generators, and writes
    entities.tsv sites.tsv memberships.tsv notes.tsv confusable_pairs.tsv lists.tsv
    delivered/*  truth.csv  failure_cases.tsv  nonmember_rows.tsv
Deterministic: every random draw comes from random.Random(<fixed string>) (seeded through
SHA-512, so PYTHONHASHSEED does not matter); no set or dict order of unhashed input is used.
Run with /usr/bin/python3 (needs xlsxwriter).
"""
import csv
import datetime
import io
import os
import random
import sys
import unicodedata

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import universe  # noqa: E402

SEED = "resolve_unseen3/2026-12"


def rng(tag):
    return random.Random(SEED + ":" + tag)


# ---------------------------------------------------------------------------------------------
# Geography (real place names; postal codes and exchanges approximate, house numbers invented)
# city key -> list of (prefecture, city, town pattern, postal, phone template)
# ---------------------------------------------------------------------------------------------
I, M = "岩手県", "宮城県"
GEO = {
    "奥州": [(I, "奥州市", "水沢佐倉河字{K}{A}", "023-0003", "0197-23-XXXX"),
            (I, "奥州市", "水沢羽田町字{K}{A}", "023-0132", "0197-24-XXXX"),
            (I, "奥州市", "水沢東中通り{a}丁目{b}-{c}", "023-0827", "0197-25-XXXX"),
            (I, "奥州市", "江刺愛宕字{K}{A}", "023-1101", "0197-35-XXXX"),
            (I, "奥州市", "江刺岩谷堂字{K}{A}", "023-1111", "0197-31-XXXX"),
            (I, "奥州市", "前沢字{K}{A}", "029-4201", "0197-56-XXXX"),
            (I, "奥州市", "胆沢南都田字{K}{A}", "023-0402", "0197-46-XXXX"),
            (I, "奥州市", "衣川字{K}{A}", "029-4332", "0197-52-XXXX")],
    "北上": [(I, "北上市", "北工業団地{a}-{b}", "024-0002", "0197-66-XXXX"),
            (I, "北上市", "相去町{K}{A}", "024-0051", "0197-67-XXXX"),
            (I, "北上市", "村崎野{c}地割{d}", "024-0004", "0197-68-XXXX"),
            (I, "北上市", "和賀町後藤{c}地割{d}-{e}", "024-0323", "0197-73-XXXX"),
            (I, "北上市", "鬼柳町{K}{A}", "024-0056", "0197-64-XXXX"),
            (I, "北上市", "常盤台{a}丁目{b}-{c}", "024-0012", "0197-63-XXXX"),
            (I, "北上市", "流通センター{a}-{b}", "024-0014", "0197-65-XXXX"),
            (I, "北上市", "二子町{K}{A}", "024-0001", "0197-61-XXXX")],
    "花巻": [(I, "花巻市", "二枚橋第{c}地割{d}-{e}", "025-0312", "0198-26-XXXX"),
            (I, "花巻市", "東十二丁目{a}-{b}", "025-0082", "0198-23-XXXX"),
            (I, "花巻市", "石鳥谷町{K}第{c}地割{d}", "028-3101", "0198-45-XXXX"),
            (I, "花巻市", "東和町土沢{c}区{d}", "028-0114", "0198-42-XXXX"),
            (I, "花巻市", "大迫町大迫第{c}地割{d}", "028-3203", "0198-48-XXXX"),
            (I, "花巻市", "小舟渡{d}", "025-0076", "0198-24-XXXX"),
            (I, "花巻市", "実相寺{d}-{e}", "025-0034", "0198-22-XXXX")],
    "金ケ崎": [(I, "胆沢郡金ケ崎町", "西根森山{a}-{b}", "029-4503", "0197-42-XXXX"),
             (I, "胆沢郡金ケ崎町", "西根{K}{A}", "029-4503", "0197-43-XXXX"),
             (I, "胆沢郡金ケ崎町", "三ケ尻{K}{A}", "029-4504", "0197-44-XXXX"),
             (I, "胆沢郡金ケ崎町", "六原{K}{A}", "029-4206", "0197-41-XXXX")],
    "平泉": [(I, "西磐井郡平泉町", "平泉字{K}{A}", "029-4102", "0191-46-XXXX"),
            (I, "西磐井郡平泉町", "長島字{K}{A}", "029-4103", "0191-48-XXXX")],
    "一関": [(I, "一関市", "山目字{K}{A}", "021-0101", "0191-25-XXXX"),
            (I, "一関市", "狐禅寺字{K}{A}", "021-0041", "0191-21-XXXX"),
            (I, "一関市", "萩荘字{K}{A}", "021-0902", "0191-24-XXXX"),
            (I, "一関市", "真柴字{K}{A}", "021-0024", "0191-26-XXXX"),
            (I, "一関市", "南新町{a}-{b}", "021-0854", "0191-23-XXXX"),
            (I, "一関市", "千厩町千厩字{K}{A}", "029-0803", "0191-53-XXXX"),
            (I, "一関市", "花泉町涌津字{K}{A}", "029-3101", "0191-82-XXXX"),
            (I, "一関市", "大東町摺沢字{K}{A}", "029-0523", "0191-75-XXXX"),
            (I, "一関市", "東山町長坂字{K}{A}", "029-0302", "0191-47-XXXX"),
            (I, "一関市", "川崎町薄衣字{K}{A}", "029-0202", "0191-43-XXXX"),
            (I, "一関市", "室根町折壁字{K}{A}", "029-1201", "0191-64-XXXX"),
            (I, "一関市", "藤沢町藤沢字{K}{A}", "029-3405", "0191-63-XXXX")],
    "栗原": [(M, "栗原市", "築館{K}{A}", "987-2252", "0228-22-XXXX"),
            (M, "栗原市", "若柳字{K}{A}", "989-5501", "0228-32-XXXX"),
            (M, "栗原市", "金成{K}{A}", "989-5171", "0228-42-XXXX"),
            (M, "栗原市", "志波姫{K}{A}", "989-5611", "0228-25-XXXX"),
            (M, "栗原市", "一迫{K}{A}", "987-2308", "0228-52-XXXX"),
            (M, "栗原市", "瀬峰{K}{A}", "989-4521", "0228-38-XXXX"),
            (M, "栗原市", "鶯沢{K}{A}", "989-5402", "0228-55-XXXX"),
            (M, "栗原市", "栗駒{K}{A}", "989-5301", "0228-45-XXXX")],
    "登米": [(M, "登米市", "迫町佐沼字{K}{A}", "987-0511", "0220-22-XXXX"),
            (M, "登米市", "中田町石森字{K}{A}", "987-0602", "0220-34-XXXX"),
            (M, "登米市", "登米町寺池{K}{A}", "987-0702", "0220-52-XXXX"),
            (M, "登米市", "南方町{K}{A}", "987-0401", "0220-58-XXXX"),
            (M, "登米市", "豊里町{K}{A}", "987-0361", "0225-76-XXXX"),
            (M, "登米市", "東和町米谷字{K}{A}", "987-0902", "0220-42-XXXX"),
            (M, "登米市", "石越町南郷字{K}{A}", "989-4701", "0228-34-XXXX"),
            (M, "登米市", "迫町北方字{K}{A}", "987-0512", "0220-21-XXXX")],
    "大崎": [(M, "大崎市", "古川穂波{a}-{b}-{c}", "989-6136", "0229-22-XXXX"),
            (M, "大崎市", "古川北町{a}-{b}-{c}", "989-6171", "0229-23-XXXX"),
            (M, "大崎市", "三本木{K}{A}", "989-6313", "0229-52-XXXX"),
            (M, "大崎市", "岩出山{K}{A}", "989-6436", "0229-72-XXXX"),
            (M, "大崎市", "鳴子温泉{K}{A}", "989-6823", "0229-83-XXXX"),
            (M, "大崎市", "田尻{K}{A}", "989-4308", "0229-39-XXXX"),
            (M, "大崎市", "鹿島台{K}{A}", "989-4102", "0229-56-XXXX")],
    "仙台": [(M, "仙台市泉区", "明通{a}-{b}-{c}", "981-3206", "022-377-XXXX"),
            (M, "仙台市宮城野区", "扇町{a}-{b}-{c}", "983-0034", "022-231-XXXX"),
            (M, "仙台市青葉区", "中央{a}-{b}-{c}", "980-0021", "022-26X-XXXX")],
    "東京": [("東京都", "千代田区", "神田須田町{a}-{b}-{c}", "101-0041", "03-52XX-XXXX"),
            ("東京都", "品川区", "大崎{a}-{b}-{c}", "141-0032", "03-54XX-XXXX"),
            ("東京都", "港区", "芝浦{a}-{b}-{c}", "108-0023", "03-64XX-XXXX"),
            ("東京都", "大田区", "蒲田{a}-{b}-{c}", "144-0052", "03-37XX-XXXX")],
    "川崎": [("神奈川県", "川崎市中原区", "小杉町{a}-{b}-{c}", "211-0063", "044-7XX-XXXX"),
            ("神奈川県", "川崎市高津区", "坂戸{a}-{b}-{c}", "213-0012", "044-8XX-XXXX")],
    "横浜": [("神奈川県", "横浜市港北区", "新横浜{a}-{b}-{c}", "222-0033", "045-47X-XXXX")],
    "大阪": [("大阪府", "大阪市淀川区", "西中島{a}-{b}-{c}", "532-0011", "06-63XX-XXXX")],
    "名古屋": [("愛知県", "名古屋市中川区", "八熊{a}-{b}-{c}", "454-0911", "052-36X-XXXX")],
    "宇都宮": [("栃木県", "宇都宮市", "平出工業団地{a}-{b}", "321-0905", "028-66X-XXXX")],
    "盛岡": [(I, "盛岡市", "中央通{a}-{b}-{c}", "020-0021", "019-62X-XXXX"),
            (I, "盛岡市", "北飯岡{a}-{b}-{c}", "020-0857", "019-63X-XXXX")],
    "さいたま": [("埼玉県", "さいたま市北区", "吉野町{a}-{b}-{c}", "331-0811", "048-66X-XXXX")],
    "大和": [(M, "黒川郡大和町", "松坂平{a}-{b}", "981-3408", "022-345-XXXX")],
}
KOAZA = ["東田", "西田", "中島", "石橋", "谷地", "下川原", "上野", "八幡", "新田", "北谷地", "大畑",
         "高谷野", "久保", "川端", "沖", "柳田", "南", "館下", "荒町", "堰下", "前田", "桜木", "竹ノ内",
         "鍛冶町", "二渡", "松原", "長根", "袖山", "宮田", "根岸"]
# 会社法人等番号 registry office codes by city key (approximate)
OFFICE = {"奥州": "4003", "金ケ崎": "4003", "北上": "4002", "花巻": "4002", "一関": "4005",
          "平泉": "4005", "盛岡": "4000", "栗原": "3705", "登米": "3706", "大崎": "3702",
          "仙台": "3700", "大和": "3700", "東京": "0104", "川崎": "0202", "横浜": "0200",
          "大阪": "1200", "名古屋": "1800", "宇都宮": "0600", "さいたま": "0300"}

SURNAMES = (["佐藤"] * 8 + ["高橋"] * 6 + ["千葉"] * 6 + ["菅原"] * 5 + ["佐々木"] * 5 + ["阿部"] * 4 +
            ["小野寺"] * 4 + ["及川"] * 4 + ["鈴木"] * 3 + ["伊藤"] * 3 + ["菊池"] * 3 + ["熊谷"] * 3 +
            ["遠藤", "三浦", "村上", "昆野", "岩渕", "畠山", "藤原", "小原", "渡辺", "後藤", "吉田",
             "千田", "金野", "今野", "浅沼", "高野", "山崎", "柴田", "照井", "八重樫", "斎藤", "齋藤",
             "渡邉", "菅野", "加藤", "石川", "大森", "鎌田", "岩崎", "須藤", "狩野", "平野", "髙橋",
             "山﨑", "𠮷田", "瀬川", "中村", "小山", "新田", "木村"])
GIVEN = ["一郎", "健一", "誠", "浩", "隆", "博之", "正樹", "和也", "直樹", "幸子", "恵子", "真由美",
         "大輔", "聡", "修", "勝", "秀樹", "洋平", "拓也", "美穂", "智子", "信也", "剛", "徹", "亮",
         "久美子", "康弘", "敏夫", "昭", "貴之", "光男", "健太", "裕子", "雅人", "恭子", "賢治",
         "孝", "満", "由紀", "俊介", "達也", "伸一", "淳", "弘樹", "典子"]

LEGAL_FORMS = ["株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人",
               "一般財団法人", "税理士法人", "協同組合"]
ABBR = {"株式会社": ("㈱", "(株)", "（株）"), "有限会社": ("㈲", "(有)", "（有）"),
        "合同会社": (None, "(同)", "（同）"), "合資会社": (None, "(資)", "（資）"),
        "合名会社": (None, "(名)", "（名）"), "協同組合": (None, "(協)", "（協）"),
        "一般社団法人": (None, "(一社)", "（一社）"), "一般財団法人": (None, "(一財)", "（一財）"),
        "税理士法人": (None, "(税)", "（税）")}
BANK_KANA_FORM = {"株式会社": "カ", "有限会社": "ユ", "合同会社": "ド", "合資会社": "シ",
                  "合名会社": "メ", "協同組合": "キヨウクミ", "一般社団法人": "シヤ",
                  "一般財団法人": "ザイ", "税理士法人": "ゼイ"}
KIND = {"株式会社": "01", "有限会社": "02", "合同会社": "03", "合資会社": "03", "合名会社": "03"}


def check_digit(base12):
    s = 0
    for n, ch in enumerate(reversed(base12), start=1):
        s += int(ch) * (1 if n % 2 else 2)
    return str(9 - s % 9)


def split_form(name):
    """registered name -> (form, position 'pre'|'post'|'', core)."""
    for f in LEGAL_FORMS:
        if name.startswith(f):
            return f, "pre", name[len(f):]
        if name.endswith(f):
            return f, "post", name[:-len(f)]
    return "", "", name


# ----------------------------------------------------------------------------------------------
# kana helpers
# ----------------------------------------------------------------------------------------------
_HALF = {}
for _cp in range(0xFF61, 0xFFA0):
    _h = chr(_cp)
    _f = unicodedata.normalize("NFKC", _h)
    if len(_f) == 1 and _f not in _HALF:
        _HALF[_f] = _h


def to_halfwidth_kana(s, zengin=False):
    out = []
    small = {"ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ャ": "ヤ", "ュ": "ユ",
             "ョ": "ヨ", "ッ": "ツ", "ヮ": "ワ"}
    for ch in s:
        if zengin and ch in small:
            ch = small[ch]
        if ch in _HALF:
            out.append(_HALF[ch])
            continue
        d = unicodedata.normalize("NFD", ch)
        if len(d) == 2 and d[0] in _HALF:
            out.append(_HALF[d[0]] + ("ﾞ" if d[1] == "\u3099" else "ﾟ"))
        elif ch == " ":
            out.append(" ")
        elif ch == "・":
            out.append("･" if not zengin else ".")
        else:
            out.append(unicodedata.normalize("NFKC", ch) if zengin else ch)
    return "".join(out)


def to_fullwidth_ascii(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("　" if c == " " else c) for c in s)


def hira(s):
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)


ROMA = {}
for _row in ("ア a,イ i,ウ u,エ e,オ o,カ ka,キ ki,ク ku,ケ ke,コ ko,サ sa,シ shi,ス su,セ se,ソ so,"
             "タ ta,チ chi,ツ tsu,テ te,ト to,ナ na,ニ ni,ヌ nu,ネ ne,ノ no,ハ ha,ヒ hi,フ fu,ヘ he,ホ ho,"
             "マ ma,ミ mi,ム mu,メ me,モ mo,ヤ ya,ユ yu,ヨ yo,ラ ra,リ ri,ル ru,レ re,ロ ro,ワ wa,ヲ o,ン n,"
             "ガ ga,ギ gi,グ gu,ゲ ge,ゴ go,ザ za,ジ ji,ズ zu,ゼ ze,ゾ zo,ダ da,ヂ ji,ヅ zu,デ de,ド do,"
             "バ ba,ビ bi,ブ bu,ベ be,ボ bo,パ pa,ピ pi,プ pu,ペ pe,ポ po,ヴ vu").split(","):
    _k, _v = _row.split()
    ROMA[_k] = _v
YOON = {"ャ": "ya", "ュ": "yu", "ョ": "yo"}
SMALLV = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
LOAN = {"テック": "Tech", "テクノ": "Techno", "エンジニアリング": "Engineering",
        "ロジスティクス": "Logistics", "プラスチック": "Plastics", "エレクトロニクス": "Electronics",
        "セラミックス": "Ceramics", "セラミック": "Ceramic", "フーズ": "Foods", "ファクトリー": "Factory",
        "システムズ": "Systems", "システム": "System", "ソフトウェア": "Software", "メディカル": "Medical",
        "パッケージ": "Package", "ハーネス": "Harness", "オート": "Auto", "パーツ": "Parts",
        "ダイカスト": "Die Casting", "ダイキャスト": "Die Cast", "モールド": "Mold",
        "マシナリー": "Machinery", "ケミカル": "Chemical", "ファイン": "Fine", "プレス": "Press",
        "デバイス": "Device", "パワー": "Power", "マイクロ": "Micro", "オプト": "Opto",
        "オプティクス": "Optics", "ワイヤー": "Wire", "シート": "Seat", "レーザー": "Laser",
        "バルブ": "Valve", "ケーブル": "Cable", "エアロ": "Aero", "サービス": "Service",
        "クリーン": "Clean", "センター": "Center", "リサイクル": "Recycle", "メタル": "Metal",
        "ワークス": "Works", "マテリアル": "Material", "アドバンスト": "Advanced",
        "プレシジョン": "Precision", "ハイテック": "Hi-Tech", "ソーラー": "Solar",
        "ラミネート": "Laminate", "ソーイング": "Sewing", "グリーン": "Green", "エナジー": "Energy",
        "ファーム": "Farm", "ウッド": "Wood", "ワーク": "Work", "ラボ": "Lab", "ボディ": "Body",
        "アルミ": "Aluminum", "クレーン": "Crane", "ゴム": "Rubber", "リサーチ": "Research",
        "エレクトロン": "Electron", "キャピタル": "Capital", "ワイナリー": "Winery",
        "オートモーティブ": "Automotive", "フォトマスク": "Photomask", "ウエハー": "Wafer",
        "ロジテック": "Logitec", "プラテック": "Platec", "ファインテック": "Finetec",
        "トーホク": "Tohoku", "ノース": "North", "リバー": "River", "テクノロジー": "Technology",
        "ジャスト": "Just", "アルファ": "Alpha", "ダイテック": "Daitec", "ダイヤ": "Dia",
        "ニット": "Knit", "レイクサイド": "Lakeside", "ファクトリー": "Factory", "プロ": "Pro",
        "エムテック": "M-Tec", "イーハトーブ": "Ihatov", "ギンガ": "Ginga", "ニッポン": "Nippon",
        "サンライズ": "Sunrise", "ジンザイ": "Jinzai", "バンク": "Bank", "キャスト": "Cast"}


def romaji_word(w):
    if w in LOAN:
        return LOAN[w]
    out = ""
    i = 0
    while i < len(w):
        c = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if c == "ッ":
            r = ROMA.get(nxt, "")
            out += r[:1] if r else ""
            i += 1
            continue
        if c == "ー":
            i += 1
            continue
        r = ROMA.get(c, c)
        if nxt in YOON:
            r = (r[:-1] if r in ("shi", "chi", "ji") else r[:-1] + "y") + YOON[nxt][1:]
            if r.startswith(("sh", "ch", "j")) is False and not r.endswith(YOON[nxt][1:]):
                r += YOON[nxt][1:]
            i += 1
        elif nxt in SMALLV:
            r = r[:-1] + SMALLV[nxt] if c != "ウ" else "w" + SMALLV[nxt]
            i += 1
        out += r
        i += 1
    # long vowels of Japanese words written the usual way (Hepburn without macrons)
    for a, b in (("ou", "o"), ("uu", "u"), ("oo", "o")):
        out = out.replace(a, b)
    return out[:1].upper() + out[1:]


def romaji_name(kana_words, form):
    words = " ".join(romaji_word(w) for w in kana_words.split())
    if form in ("株式会社", "有限会社"):
        return words + " Co., Ltd."
    if form == "協同組合":
        return words + " Cooperative"
    if form in ("一般社団法人", "一般財団法人"):
        return words + " Foundation" if form == "一般財団法人" else words + " Association"
    return words + " LLC" if form == "合同会社" else words


# ----------------------------------------------------------------------------------------------
# Universe
# ----------------------------------------------------------------------------------------------
class Ent:
    pass


def fill_pattern(pat, r):
    A = r.choice(["{n}-{m}", "{n}-{m}", "{n}番地{m}", "{n}番地", "{n}"]).format(
        n=r.randint(1, 280), m=r.randint(1, 19))
    return pat.format(K=r.choice(KOAZA), A=A, a=r.randint(1, 9), b=r.randint(1, 30),
                      c=r.randint(1, 30), d=r.randint(1, 250), e=r.randint(1, 12))


class Universe:
    def __init__(self):
        self.used_phones = set()
        self.used_numbers = set()
        self.ents = []
        self.by_id = {}
        self.sites = []           # (site_id, eid, label, city_key, pref, city, addr, postal, phone, manager)
        self.site_by = {}
        r = rng("universe")
        for line in universe.CATALOGUE.strip().split("\n"):
            parts = line.split("|")
            e = Ent()
            e.id, e.name, kana_w, e.ck, e.industry = parts[:5]
            extras = parts[5].split(";") if len(parts) > 5 and parts[5] else []
            e.kana_words = kana_w
            e.kana = kana_w.replace(" ", "")
            e.form, e.pos, e.core = split_form(e.name)
            e.sole = "X" in extras
            e.former = [x[2:].split("@") for x in extras if x.startswith("F=")]
            e.short = [x[2:] for x in extras if x.startswith("A=")]
            en = [x[3:] for x in extras if x.startswith("EN=")]
            e.parent = ([x[2:] for x in extras if x.startswith("P=")] or [""])[0]
            e.moved_from = ([x[6:] for x in extras if x.startswith("MOVED=")] or [""])[0]
            e.site_specs = [x[2:].split("@") for x in extras if x.startswith("S=")]
            e.en = en[0] if en else romaji_name(kana_w, e.form)
            self.ents.append(e)
            self.by_id[e.id] = e
        for e in self.ents:
            (e.pref, e.city, e.addr, e.postal, e.phone) = self.place(e.ck, r)
            e.fax = self.fax(e.phone)
            e.rep_title = self.title(e, r)
            e.rep = self.person(r)
            e.number = "" if e.sole else self.number(e, r)
            e.old_rep = ""
            e.old = None
            e.founded = (r.randint(1948, 2019), r.randint(1, 12))
            e.employees = r.choice([5, 8, 12, 18, 25, 30, 42, 55, 68, 85, 120, 150, 230, 310, 480])
            e.joined = {}
        # hand-written changes
        for e in self.ents:
            if e.moved_from:
                e.old = self.place(e.moved_from, r)
            if e.id in ("E001", "E051", "E106", "E171", "E209"):
                e.old_rep = self.person(r)
        e145 = self.by_id["E145"]   # moved within the town: same phone, new house number
        e145.old = (e145.pref, e145.city, fill_pattern(GEO["金ケ崎"][2][2], r), GEO["金ケ崎"][2][3], e145.phone)
        # shared address / person (notes)
        a, b = self.by_id["E020"], self.by_id["E002"]
        a.pref, a.city, a.addr, a.postal = b.pref, b.city, b.addr, b.postal
        a.rep = b.rep
        self.used_phones.discard(a.phone)
        self.used_phones.discard(a.fax)
        a.phone = self.fresh_phone(GEO[b.ck], b, r)
        a.fax = self.fax(a.phone)
        a, b = self.by_id["E009"], self.by_id["E010"]
        b.pref, b.city, b.postal = a.pref, a.city, a.postal
        b.addr = a.addr[:-1] + str((int(a.addr[-1]) + 1) % 10) if a.addr[-1].isdigit() else a.addr + "-2"
        a, b = self.by_id["E086"], self.by_id["E286"]
        a.rep = b.rep.split(" ")[0] + " " + b.rep.split(" ")[1]
        for e in self.ents:
            for k, (label, ck) in enumerate(e.site_specs, start=1):
                sid = "%s-S%d" % (e.id, k)
                hint = label.replace("第二", "")
                for suf in ("工場", "支店", "事業所", "営業所", "テクニカルセンター", "物流センター", "事務所"):
                    hint = hint.replace(suf, "")
                pref, city, addr, postal, phone = self.place(ck, r, hint)
                kind = "支店" if label.endswith("支店") else ("工場" if "工場" in label else "事業所")
                mtitle = {"支店": "支店長", "工場": "工場長"}.get(kind, "所長")
                mgr = self.person(r)
                s = (sid, e.id, label, ck, pref, city, addr, postal, phone, mtitle + " " + mgr)
                self.sites.append(s)
                self.site_by[(e.id, label)] = s
        # E284 sits on the premises of セイワ化学 北上工場
        s = self.site_by[("E279", "北上工場")]
        e284 = self.by_id["E284"]
        e284.pref, e284.city, e284.addr, e284.postal = s[4], s[5], s[6], s[7]
        # the representative of 岩手ミナト電子 is also the manager of ミナト電子 江刺工場
        s = self.site_by[("E271", "江刺工場")]
        self.site_by[("E271", "江刺工場")] = s[:9] + ("工場長 " + self.by_id["E141"].rep,)
        self.sites = [self.site_by[(x[1], x[2])] for x in self.sites]

    def place(self, ck, r, hint=""):
        towns = GEO[ck]
        if hint:
            near = [t for t in towns if t[2].startswith(hint) or (t[1] + t[2]).find(hint) >= 0]
            towns = near or towns
        pref, city, pat, postal, tpl = r.choice(towns)
        self.last_tpl = tpl
        addr = fill_pattern(pat, r)
        while True:
            ph = "".join(str(r.randint(0, 9)) if c == "X" else c for c in tpl)
            if ph not in self.used_phones and self.fax(ph) not in self.used_phones:
                break
        self.used_phones.add(ph)
        self.used_phones.add(self.fax(ph))
        return pref, city, addr, postal, ph

    def fresh_phone(self, towns, b, r):
        tpl = [t[4] for t in towns if b.addr.startswith(t[2].split("{")[0])][0]
        while True:
            ph = "".join(str(r.randint(0, 9)) if c == "X" else c for c in tpl)
            if ph not in self.used_phones and self.fax(ph) not in self.used_phones:
                self.used_phones.add(ph)
                self.used_phones.add(self.fax(ph))
                return ph

    @staticmethod
    def fax(ph):
        return ph[:-1] + str((int(ph[-1]) + 1) % 10)

    def person(self, r):
        return r.choice(SURNAMES) + " " + r.choice(GIVEN)

    def title(self, e, r):
        if e.sole:
            return "代表"
        if e.form in ("合同会社", "合資会社", "合名会社", "税理士法人"):
            return "代表社員"
        if e.form in ("協同組合", "一般社団法人", "一般財団法人"):
            return r.choice(["代表理事", "理事長"])
        if e.name.endswith(("信用金庫", "信用組合")):
            return "理事長"
        if e.name.endswith("銀行"):
            return "取締役頭取"
        if e.form == "有限会社":
            return r.choice(["取締役", "代表取締役"])
        return r.choice(["代表取締役", "代表取締役", "代表取締役社長", "取締役社長"])

    def number(self, e, r):
        kind = KIND.get(e.form, "05")
        while True:
            base = OFFICE[e.ck] + kind + "%06d" % r.randint(120, 29999)
            num = check_digit(base) + base
            if num not in self.used_numbers:
                self.used_numbers.add(num)
                return num


# ----------------------------------------------------------------------------------------------
# Lists: what each association sends. Sizes, scope (weight by city of the member unit), year.
# ----------------------------------------------------------------------------------------------
NON_MANUF = {"建設", "運輸", "人材派遣", "会計", "調査", "観光", "金融", "投資", "産業支援", "卸売",
             "鋼材卸売", "金属卸売", "技術者派遣", "電気工事", "環境", "リサイクル", "エネルギー",
             "設備保守", "印刷"}
FINANCE = {"E050", "E269", "E270", "E288"}
SUPPORT = {"E049", "E289", "E290"}
LISTS = [
    dict(id="L1", since=2006, layout="CP932 CSV from Excel; 3 title/blank rows; 会員番号 in join order with gaps; plant inside the name after a full-width space; 代表者 with title; 〒 postal; totals and notes at the bottom",
         file="oshu_monozukuri_kaiin_R6.csv", assoc="奥州市ものづくり産業振興会",
         year=2024, n=72, scope={"奥州": 10, "金ケ崎": 1.2, "平泉": 0.5, "北上": 0.3, "一関": 0.15},
         fin=0.6, noise=0.16, stale=0.5, enc="cp932", nl="\r\n"),
    dict(id="L2", since=1985, layout="xlsx; title rows; 部会 section headings with blank rows between; company and 工場・事業所名 in separate columns (本社/本社工場 for the head office); phones partly typed as numbers (leading zero lost); 入会 in 和暦; second sheet is a summary",
         file="kitakami_kogyo_club_meibo_2024.xlsx", assoc="北上工業クラブ",
         year=2024, n=82, scope={"北上": 10, "花巻": 0.5, "金ケ崎": 0.8, "奥州": 0.3},
         fin=0, noise=0.15, stale=0.2, enc="xlsx"),
    dict(id="L3", since=2007, layout="UTF-8 with BOM CSV; one title row; 五十音 order with 行 headings; (株) style; plant inside the name; フリガナ in katakana, half-width or hiragana; address with postal code, sometimes on two lines inside one quoted cell",
         file="hanamaki_sangyo_network_kaiin.csv", assoc="はなまき産業ネットワーク",
         year=2023, n=50, scope={"花巻": 10, "北上": 0.6, "盛岡": 0.5, "さいたま": 2, "横浜": 2},
         fin=0, noise=0.16, stale=0.3, enc="utf-8-sig", nl="\r\n"),
    dict(id="L4", since=1990, layout="UTF-8 CSV without BOM, LF; header on the first line; 法人番号 column (blank, exponent notation, mistyped, one of the parent); company and 事業所名 separate; address split in three columns",
         file="kanegasaki_kigyo_renrakukai.csv", assoc="金ケ崎町企業連絡協議会",
         year=2025, n=30, scope={"金ケ崎": 10, "奥州": 0.25, "北上": 0.2},
         fin=0, noise=0.14, stale=0.2, enc="utf-8", nl="\n"),
    dict(id="L5", since=1992, layout="xlsx; title rows; 区分 sections (正会員/特別会員/賛助会員) with subtotals and a grand total; header repeated at page breaks; city only as address; 入会年度 in 和暦, short 和暦 or a number",
         file="ichinoseki_kosen_technosupport_R6.xlsx", assoc="一関工業高等専門学校テクノサポート会",
         year=2024, n=125, scope={"一関": 10, "平泉": 6, "奥州": 1.3, "栗原": 0.9, "登米": 0.8,
                                  "北上": 0.3, "仙台": 0.6, "東京": 0.4, "川崎": 0.5},
         fin=3, noise=0.12, stale=0.3, enc="xlsx"),
    dict(id="L6", since=2010, layout="UTF-16LE tab-separated text (Excel Unicode text) with BOM, CRLF; rows grouped by the bank branch with subtotals; registered names with 〓 for characters outside JIS X 0208; bank-style half-width kana names (small kana written large); a few rows with the kana name only",
         file="mirai_bank_kennan_business_club.txt", assoc="北日本みらい銀行 県南ビジネスクラブ",
         year=2025, n=165, scope={"奥州": 3, "北上": 3, "花巻": 2.5, "一関": 3, "金ケ崎": 3, "平泉": 3},
         fin=0, noise=0.08, stale=0.3, enc="utf-16", nl="\r\n"),
    dict(id="L7", since=2008, layout="CSV written by a JIS X 0208-only exporter and saved as CP932: ㈱, 髙, 﨑, 𠮷 become ?; title rows; company and 事業所 separate; address in prefecture/city/street columns; postal code with or without hyphen; phones as (0228)22-xxxx",
         file="miyagi_kenpoku_monozukuri_meibo.csv", assoc="みやぎ県北ものづくり産業振興協議会",
         year=2023, n=95, scope={"栗原": 10, "登米": 10, "大崎": 10, "一関": 0.4, "仙台": 1.5, "大和": 2},
         fin=0.3, noise=0.15, stale=0.3, enc="jis0208", nl="\r\n"),
    dict(id="L8", since=1995, layout="small CP932 CSV of 2021 (old names, old representatives); legal forms mostly left out; representative without title; phones without area code or with the leading zero dropped; 部会役職",
         file="hiraizumi_shokokai_kogyobukai.csv", assoc="平泉町商工会 工業部会",
         year=2021, n=34, scope={"平泉": 30, "一関": 1.2, "奥州": 0.6},
         fin=0, noise=0.18, stale=0.6, enc="cp932", nl="\r\n"),
    dict(id="L9", since=2006, layout="xlsx; one title row; 会員番号; Japanese and English (romaji) names side by side, a few rows English only; 事業所 column; 設立 as an Excel date; header repeated every 50 rows; notes at the bottom",
         file="kitakamigawa_supplier_council_2025.xlsx", assoc="北上川流域自動車・半導体サプライヤー協議会",
         year=2025, n=185, scope={"奥州": 3, "北上": 3, "花巻": 3, "金ケ崎": 3, "平泉": 2, "一関": 3,
                                  "栗原": 2, "登米": 2, "大崎": 2, "盛岡": 2, "仙台": 2, "東京": 3,
                                  "川崎": 3, "横浜": 3, "大阪": 3, "名古屋": 3, "宇都宮": 3, "さいたま": 3,
                                  "大和": 3},
         fin=0, manuf=True, noise=0.12, stale=0.2, enc="xlsx"),
    dict(id="L10", since=2012, layout="UTF-8 with BOM CSV of 2022; prefecture sections; 法人番号 for about half the rows (a few with two digits swapped); plant in brackets inside the name; ふりがな in hiragana; full address with prefecture; 設立 in 西暦",
         file="kensai_monozukuri_renkei_kaiin.csv", assoc="いわて・みやぎ県際ものづくり連携協議会",
         year=2022, n=115, scope={"一関": 4, "平泉": 3, "栗原": 4, "登米": 4, "奥州": 0.5, "大崎": 0.6},
         fin=0.4, noise=0.15, stale=0.4, enc="utf-8-sig", nl="\r\n"),
]
LBY = {L["id"]: L for L in LISTS}
HOME = {"奥州": "L1", "北上": "L2", "花巻": "L3", "金ケ崎": "L4", "平泉": "L8", "一関": "L5",
        "栗原": "L7", "登米": "L7", "大崎": "L7"}

# Deliberate memberships and renderings, each with its reason.
# (list, entity, site) -> reason ; an entity may be in a list twice (head office and a site)
FORCE = [
    ("L1", "E001", "", "本社と江刺工場が別々に入会している（同じ名簿に2行）"),
    ("L1", "E001", "江刺工場", "本社と江刺工場が別々に入会している"),
    ("L1", "E005", "", "本社と胆沢工場が別々の行"),
    ("L1", "E005", "胆沢工場", "本社と胆沢工場が別々の行"),
    ("L1", "E009", "", "胆沢電機と胆沢電気工業が同じ名簿に並ぶ（紛らわしい組）"),
    ("L1", "E010", "", "同上"),
    ("L1", "E024", "", "奥州金属工業と奥州金属が同じ名簿に並ぶ"),
    ("L1", "E025", "", "同上"),
    ("L1", "E021", "", "ミズサワ・テクノとミズサワ精機が同じ名簿"),
    ("L1", "E301", "", "同上"),
    ("L1", "E015", "", "改称前の旧商号で残っている"),
    ("L1", "E271", "江刺工場", "市外本社の工場が会員（子会社 E141 とは別法人）"),
    ("L1", "E020", "", "組合と組合員（奥州鋳造）が同じ住所で並ぶ"),
    ("L1", "E002", "", "同上"),
    ("L2", "E273", "北上工場", "同じ会社の二つの工場が別々の行"),
    ("L2", "E273", "北上第二工場", "同上"),
    ("L2", "E077", "", "北上電子と北上電子工業が同じ名簿"),
    ("L2", "E078", "", "同上"),
    ("L2", "E088", "", "北上川工業と北上工業が同じ名簿"),
    ("L2", "E089", "", "同上"),
    ("L2", "E051", "", "北上精密工業と北上精機が同じ名簿"),
    ("L2", "E052", "", "同上"),
    ("L2", "E053", "", "改称後の名前に旧商号が括弧書きで付く"),
    ("L2", "E279", "北上工場", "同じ住所に子会社でない別会社（E284）がある"),
    ("L2", "E284", "", "同上"),
    ("L2", "E090", "", "﨑を崎で入力"),
    ("L3", "E106", "", "花巻精工株式会社と株式会社はなまき精工が同じ名簿"),
    ("L3", "E302", "", "同上"),
    ("L3", "E140", "", "特例有限会社時代の名前のまま"),
    ("L3", "E079", "", "北上へ移転後も旧住所（花巻）で掲載"),
    ("L3", "E058", "花巻工場", "市外本社の工場"),
    ("L3", "E133", "", "𠮷（UTF-8 では残る）"),
    ("L4", "E141", "", "親会社の法人番号が書かれている"),
    ("L4", "E145", "", "同町内移転前の番地"),
    ("L4", "E051", "金ケ崎工場", "北上本社の金ケ崎工場"),
    ("L4", "E272", "金ケ崎工場", "県外本社の工場"),
    ("L4", "E280", "金ケ崎工場", "県外本社の工場"),
    ("L4", "E053", "", "英字を全角で入力"),
    ("L1", "E049", "", "略称で記入"),
    ("L5", "E289", "", "略称で記入"),
    ("L10", "E187", "", "略称で記入"),
    ("L5", "E183", "", "本社と千厩工場が別々の行"),
    ("L5", "E183", "千厩工場", "同上"),
    ("L5", "E169", "", "菊池製作所（一関）"),
    ("L5", "E004", "", "菊地製作所（奥州）が同じ名簿に"),
    ("L5", "E159", "", "平泉精工と花泉精工が同じ名簿"),
    ("L5", "E203", "", "同上"),
    ("L5", "E050", "一関支店", "信用金庫の支店が特別会員"),
    ("L5", "E269", "一関支店", "銀行の支店が特別会員"),
    ("L5", "E209", "一関工場", "宮城の会社の岩手側工場"),
    ("L5", "E189", "", "一関市川崎町の会社（川崎市ではない）"),
    ("L6", "E119", "", "有限会社丸中商店（花巻）。同名の株式会社が登米に"),
    ("L6", "E018", "", "高橋製作所（奥州）"),
    ("L6", "E133", "", "𠮷 が 〓 になる"),
    ("L6", "E019", "", "髙 が 〓 になる"),
    ("L7", "E209", "", "本社と一関工場"),
    ("L7", "E209", "一関工場", "同上"),
    ("L7", "E210", "", "栗原精工と栗駒精工が同じ名簿"),
    ("L7", "E223", "", "有限会社高橋製作所（栗原）"),
    ("L7", "E234", "", "株式会社丸中商店（登米）"),
    ("L7", "E214", "", "斎藤製作所"),
    ("L7", "E293", "栗原工場", "仙台本社の工場"),
    ("L7", "E276", "栗原工場", "大阪本社の工場"),
    ("L7", "E239", "", "登米精工（トヨマ）と登米電子（トメ）"),
    ("L7", "E233", "", "同上"),
    ("L8", "E015", "", "改称前（2021年の名簿）"),
    ("L8", "E159", "", "平泉精工"),
    ("L8", "E165", "", "北上川ファインパーツ"),
    ("L8", "E166", "", "個人事業主（法人番号なし）"),
    ("L8", "E001", "", "代表者交代前の名簿"),
    ("L9", "E141", "", "子会社が親会社の名前＋工場名で書かれている"),
    ("L9", "E271", "", "親会社本社と江刺工場が別々の行"),
    ("L9", "E271", "江刺工場", "同上"),
    ("L9", "E032", "", "ケー・エム・テックとケイエムテクノロジー北上工場が同じ名簿"),
    ("L9", "E281", "北上工場", "同上"),
    ("L9", "E284", "", "子会社と親会社が同じ名簿"),
    ("L9", "E285", "", "同上"),
    ("L9", "E086", "", "子会社（エヌ・ティ・ケイ北上）"),
    ("L9", "E286", "", "親会社（エヌ・ティ・ケイ）"),
    ("L9", "E053", "", "英語名が日本語名と無関係（KD Cast）"),
    ("L9", "E062", "", "英語名のみの行"),
    ("L10", "E004", "", "菊地製作所（奥州）"),
    ("L10", "E169", "", "菊池製作所（一関）"),
    ("L10", "E040", "", "昆野製作所（奥州）と今野製作所（登米）が同じ名簿"),
    ("L10", "E231", "", "同上"),
    ("L10", "E111", "", "東和鉄工（花巻市東和町）と東和ラミネート（登米市東和町）"),
    ("L10", "E240", "", "同上"),
    ("L10", "E053", "", "改称前（2022年の名簿）"),
]
# deliberate renderings: (list, entity, site) -> (field, value, class, reason)
OVERRIDE = {
    ("L1", "E020", ""): ("name", "水沢鋳物組合", "short_name", "組合が自分で使う略称"),
    ("L1", "E049", ""): ("name", "胆江産業支援センター", "short_name", "法人格も正式名も使わない略称"),
    ("L5", "E289", ""): ("name", "北上川技術財団", "short_name", "財団の略称"),
    ("L10", "E187", ""): ("name", "県南リサーチ(株)", "short_name", "社名の一部だけ（岩手 を落とす）"),
    ("L9", "E032", ""): ("name", "ＫＭテック（株）", "short_name", "アルファベットの略称を全角で"),
    ("L1", "E271", "江刺工場"): ("name", "ミナト電子株式会社　江刺工場", "legal_form_position",
                               "法人格の位置を取り違えて記入（登記は前株）"),
    ("L2", "E053", ""): ("name", "株式会社ＫＤキャスト（旧 北上ダイカスト工業㈱）", "former_name_in_brackets",
                         "改称後の名前に旧商号を括弧書き"),
    ("L2", "E090", ""): ("name", "㈱岩崎製作所", "variant_kanji", "﨑 を 崎 で入力"),
    ("L3", "E140", ""): ("name", "(有)石鳥谷精工", "former_legal_form", "株式会社へ移行前の名前のまま"),
    ("L4", "E141", ""): ("number", "E271", "corp_number_of_parent", "親会社の法人番号を記入"),
    ("L5", "E050", "一関支店"): ("name", "奥州信金　一関支店", "abbreviated_name", "信用金庫を信金と略記"),
    ("L5", "E269", "一関支店"): ("name", "北日本みらい銀行　一関支店", "legal_form_omitted", "銀行名の株式会社を省略"),
    ("L7", "E223", ""): ("name", "?高橋製作所", "damaged_char", "㈲ を JIS X 0208 外の文字として ? に（同名の株式会社が奥州）"),
    ("L8", "E166", ""): ("name", "千葉印刷", "short_name", "個人事業主の屋号を略記"),
    ("L9", "E141", ""): ("name", "株式会社ミナト電子|金ケ崎工場", "subsidiary_as_parent",
                         "子会社（岩手ミナト電子）を親会社名＋工場で記入"),
    ("L9", "E062", ""): ("name", "", "romaji_only", "日本語名の欄が空で英語名だけ"),
    ("L9", "E086", ""): ("name", "株式会社エヌ・ティ・ケイ 北上", "subsidiary_as_parent",
                         "子会社名の「北上」を事業所名のように離して記入"),
    ("L10", "E053", ""): ("name", "北上ダイカスト工業(株)", "former_name", "改称前の名簿"),
}
TYPO = [("製作所", "制作所"), ("精工", "精巧"), ("鉄工", "鉄鋼"), ("電機", "電気"), ("電気", "電機"),
        ("工業", "興業"), ("金型", "金形"), ("精機", "精器"), ("鋳造", "鋳物")]
VARIANT = [("高", "髙"), ("髙", "高"), ("沢", "澤"), ("崎", "﨑"), ("﨑", "崎"), ("斎", "齋"),
           ("齋", "斉"), ("辺", "邉"), ("𠮷", "吉"), ("金ケ崎", "金ヶ崎")]
SPLITS = ["精工", "製作所", "精密", "精機", "電子", "電機", "電気", "工業", "鉄工", "化成", "金属",
          "建設", "金型", "鋳造", "食品", "印刷", "プラスチック", "セラミック", "ケミカル", "テクノ",
          "エレクトロ", "ファーム", "フーズ", "オート", "テック", "システム"]
PLACE_EN = {"江刺": "Esashi", "胆沢": "Isawa", "北上": "Kitakami", "金ケ崎": "Kanegasaki",
            "花巻": "Hanamaki", "一関": "Ichinoseki", "千厩": "Senmaya", "栗原": "Kurihara",
            "奥州": "Oshu", "水沢": "Mizusawa", "登米": "Tome", "大崎": "Osaki", "佐沼": "Sanuma",
            "古川": "Furukawa", "北上第二": "Kitakami No.2"}


CLUSTER = ("電子", "半導体", "自動車", "精密", "金属", "プレス", "熱処理", "金型", "ダイカスト", "産業機械",
           "鋳物", "アルミ", "化学", "プラスチック", "ゴム", "材料", "光学", "ハーネス", "電線", "計測",
           "電気機械", "塗装", "試作", "航空機", "工具", "バルブ", "板金", "窯業", "技術者派遣", "計装")


def cluster(e):
    return any(k in e.industry for k in CLUSTER)


def manuf(e):
    return e.industry not in NON_MANUF and e.id not in FINANCE and e.id not in SUPPORT


def draw_memberships(U):
    pop_r = rng("popularity")
    pop = {e.id: pop_r.choice([0.3, 0.6, 1, 1, 1.5, 2, 3, 4]) for e in U.ents}
    units = [(e.id, "", e.ck) for e in U.ents] + [(s[1], s[2], s[3]) for s in U.sites]
    members = {}
    for L in LISTS:
        r = rng("members:" + L["id"])
        keyed = []
        for eid, site, ck in units:
            e = U.by_id[eid]
            w = L["scope"].get(ck, 0) * pop[eid]
            if eid in FINANCE or eid in SUPPORT:
                w *= L["fin"]
            if L.get("manuf") and not cluster(e):
                w = 0
            if L["id"] == "L6" and (site or eid in FINANCE):
                w = 0
            if site and (eid in FINANCE) and L["id"] not in ("L1", "L5", "L10", "L7"):
                w = 0
            u = r.random()
            if w > 0:
                keyed.append((u ** (1.0 / w), eid, site))
        keyed.sort(reverse=True)
        chosen, seen = [], set()
        forced = [(f[1], f[2]) for f in FORCE if f[0] == L["id"]]
        for eid, site in forced:
            if (eid, site) not in chosen:
                chosen.append((eid, site))
                seen.add(eid)
        for _, eid, site in keyed:
            if len(chosen) >= L["n"]:
                break
            if eid in seen:
                continue
            chosen.append((eid, site))
            seen.add(eid)
        members[L["id"]] = chosen
    # coverage: every entity is a member somewhere
    covered = {eid for ms in members.values() for eid, _ in ms}
    for e in U.ents:
        if e.id not in covered:
            lid = HOME.get(e.ck, "L9")
            if lid == "L9" and not cluster(e):
                lid = "L5"
            members[lid].append((e.id, ""))
    return members


# ----------------------------------------------------------------------------------------------
# Rendering of one member row
# ----------------------------------------------------------------------------------------------
MOVE_YEAR = {"E079": 2021, "E145": 2020, "E016": 2022, "E122": 2023}
REP_YEAR = {"E001": 2023, "E051": 2024, "E106": 2022, "E171": 2023, "E209": 2024}
FORCE_FORMER = {("L1", "E015"), ("L8", "E015")}
FORCE_OLDADDR = {("L3", "E079"), ("L4", "E145")}
NO_NOISE = {(f[0], f[1]) for f in FORCE} | {(k[0], k[1]) for k in OVERRIDE}


def split_pos(core):
    best = None
    for w in SPLITS:
        i = core.find(w)
        if i > 0 and (best is None or i < best):
            best = i
    return best


def kata_variant(core):
    if "・" in core:
        return core.replace("・", "")
    if "ックス" in core:
        return core.replace("ックス", "ック")
    if core.endswith("ー"):
        return core[:-1]
    for a, b in (("ボディ", "ボデー"), ("エナジー", "エナジ"), ("エンジニアリング", "エンジニヤリング"),
                 ("ウエハー", "ウェハー"), ("ファクトリー", "ファクトリ"), ("センター", "センタ"),
                 ("テクノロジー", "テクノロジ"), ("ソフトウェア", "ソフトウエア"), ("ダイキャスト", "ダイカスト"),
                 ("ダイカスト", "ダイキャスト"), ("システムズ", "システム"), ("パーツ", "パーツ")):
        if a in core and a != b:
            return core.replace(a, b)
    return None


def perturb(e, core, form, pos, r):
    opts = []
    for a, b in TYPO:
        if a in core:
            opts.append(("typo_homophone", core.replace(a, b, 1), form, pos))
            break
    for a, b in VARIANT:
        if a in core:
            opts.append(("variant_kanji", core.replace(a, b), form, pos))
            break
    sp = split_pos(core)
    if sp:
        opts.append(("space_in_name", core[:sp] + r.choice([" ", "　"]) + core[sp:], form, pos))
    kv = kata_variant(core)
    if kv:
        opts.append(("katakana_variant", kv, form, pos))
    if form in ("株式会社", "有限会社"):
        opts.append(("legal_form_position", core, form, "post" if pos == "pre" else "pre"))
    if form:
        opts.append(("legal_form_omitted", core, "", ""))
    if e.short:
        opts.append(("short_name", e.short[0], "", ""))
    if any("ァ" <= c <= "ヶ" for c in core) and r.random() < 0.6:
        opts.append(("halfwidth_katakana", to_halfwidth_kana(core), form, pos))
    if any("A" <= c <= "Z" for c in core):
        opts.append(("fullwidth_ascii", to_fullwidth_ascii(core), form, pos))
    if len(core) >= 4 and r.random() < 0.4:
        i = r.randrange(1, len(core) - 1)
        opts.append(("char_dropped", core[:i] + core[i + 1:], form, pos))
    if not opts:
        return core, form, pos, None
    wts = {"typo_homophone": 4, "variant_kanji": 3, "space_in_name": 2, "katakana_variant": 3,
           "legal_form_position": 1, "legal_form_omitted": 1, "short_name": 4, "fullwidth_ascii": 1,
           "char_dropped": 2, "halfwidth_katakana": 2}
    c, core2, form2, pos2 = pick(r, [(o, wts[o[0]]) for o in opts])
    return core2, form2, pos2, c


def form_text(form, mode):
    if mode == "full":
        return form
    a = ABBR[form]
    if mode == "maru":
        return a[0] or a[1]
    if mode == "half":
        return a[1]
    return a[2]


def compose(core, form, pos, mode, sep=""):
    if not form or mode == "omit":
        return core
    ft = form_text(form, mode)
    if mode != "full":
        sep = ""
    return ft + sep + core if pos == "pre" else core + sep + ft


class Row:
    pass


def render(U, L, eid, site, r):
    e = U.by_id[eid]
    x = Row()
    x.e, x.site, x.cls = e, site, []
    x.L = L
    lid = L["id"]
    name = e.name
    if e.former:
        fname, fy = e.former[0]
        if L["year"] < int(fy) or (lid, eid) in FORCE_FORMER or (
                (lid, eid) not in NO_NOISE and r.random() < L["stale"] * 0.5):
            name = fname
            x.cls.append("former_name")
    x.form, x.pos, x.core = split_form(name)
    if (lid, eid) not in NO_NOISE and r.random() < L["noise"]:
        x.core, x.form, x.pos, c = perturb(e, x.core, x.form, x.pos, r)
        if c:
            x.cls.append(c)
    if site:
        s = U.site_by[(eid, site)]
        x.pref, x.city, x.addr, x.postal, x.phone = s[4:9]
        x.mgr_title, x.mgr = s[9].split(" ", 1)
        x.cls.append("site_row")
    else:
        x.pref, x.city, x.addr, x.postal, x.phone = e.pref, e.city, e.addr, e.postal, e.phone
        x.mgr_title, x.mgr = "", ""
        if e.old and (L["year"] < MOVE_YEAR[eid] or (lid, eid) in FORCE_OLDADDR or
                      ((lid, eid) not in NO_NOISE and r.random() < L["stale"] * 0.6)):
            x.pref, x.city, x.addr, x.postal, x.phone = e.old
            x.cls.append("former_address")
    x.fax = U.fax(x.phone)
    x.rep_title, x.rep = e.rep_title, e.rep
    x.rep_is_old = False
    if e.old_rep and (L["year"] < REP_YEAR[eid] or r.random() < L["stale"] * 0.5):
        x.rep = e.old_rep
        x.rep_is_old = True
    x.number = e.number
    x.kana = e.kana
    lo = max(e.founded[0], L["since"])
    x.joined = (r.randint(min(lo, L["year"] - 1), L["year"] - 1), r.randint(1, 12))
    x.override = OVERRIDE.get((lid, eid, site))
    if x.override:
        x.cls.append(x.override[2])
    return x


def name_with_form(x, mode, sep=""):
    if x.override and x.override[0] == "name":
        return x.override[1]
    if mode != "full" and x.form and mode != "omit":
        x.cls.append("legal_form_abbreviated")
    if mode == "omit" and x.form:
        x.cls.append("legal_form_omitted")
    return compose(x.core, x.form, x.pos, mode, sep)


def pick(r, weighted):
    tot = sum(w for _, w in weighted)
    u = r.random() * tot
    for v, w in weighted:
        u -= w
        if u < 0:
            return v
    return weighted[-1][0]


def phone_fmt(ph, mode):
    if mode == "dash":
        return ph
    area, rest = ph.split("-", 1)
    if mode == "paren":
        return "(%s)%s" % (area, rest)
    if mode == "nodash":
        return ph.replace("-", "")
    if mode == "dropped":
        return str(int(ph.replace("-", "")))
    if mode == "local":
        return rest
    if mode == "fw":
        return to_fullwidth_ascii(ph).replace("-", "－")
    raise ValueError(mode)


def company_rep(x, mode):
    if x.rep_is_old:
        x.cls.append("former_representative")
    return rep_fmt(x.rep_title, x.rep, mode)


def rep_fmt(title, name, mode):
    sur, giv = name.split(" ")
    if mode == "title_fw":
        return "%s　%s　%s" % (title, sur, giv)
    if mode == "title_sp":
        return "%s %s%s" % (title, sur, giv)
    if mode == "name":
        return sur + giv
    if mode == "name_sp":
        return sur + " " + giv
    if mode == "name_fw":
        return sur + "　" + giv
    raise ValueError(mode)


def wareki(y, m, mode):
    if y >= 2019:
        era, n, full = "R", y - 2018, "令和"
    elif y >= 1989:
        era, n, full = "H", y - 1988, "平成"
    else:
        era, n, full = "S", y - 1925, "昭和"
    if mode == "short":
        return "%s%d.%d" % (era, n, m)
    if mode == "long":
        return "%s%s年%d月" % (full, "元" if n == 1 else str(n), m)
    if mode == "fy":
        fy = y if m >= 4 else y - 1
        return wareki(fy, 4, "fyname")
    if mode == "fyname":
        return "%s%s年度" % (full, "元" if n == 1 else str(n))
    raise ValueError(mode)


def addr_short(x):
    """city + address without prefecture (prefecture kept outside 岩手/宮城 lists' own prefecture)."""
    return x.city + x.addr


def addr_full(x):
    return x.pref + x.city + x.addr


def site_en(label):
    for k in sorted(PLACE_EN, key=len, reverse=True):
        if label.startswith(k):
            rest = label[len(k):]
            kind = {"工場": "Plant", "支店": "Branch", "事業所": "Office", "営業所": "Sales Office",
                    "テクニカルセンター": "Technical Center", "物流センター": "Logistics Center",
                    "事務所": "Office"}.get(rest, rest)
            return PLACE_EN[k] + " " + kind
    return label


# ----------------------------------------------------------------------------------------------
# The ten lists. Each writer returns records: (cells, annotation)
#   ("above",) title/blank rows above the header, ("header",), ("member", Row), ("non", kind)
# ----------------------------------------------------------------------------------------------
def join_site(nm, site, style, x):
    x.cls.append("site_in_name")
    if style == "fw":
        return nm + "　" + site
    if style == "sp":
        return nm + " " + site
    if style == "paren":
        return nm + "（" + site + "）"
    if style == "hparen":
        return nm + "(" + site + ")"
    return nm + site


def rows_for(U, L, ms, r):
    return [render(U, L, eid, site, r) for eid, site in ms]


def by_join(rows):
    return sorted(rows, key=lambda x: (x.joined, x.e.id, x.site))


def w_L1(U, L, ms, r):
    recs = [(["奥州市ものづくり産業振興会　会員名簿"], ("above",)), (["令和6年4月1日現在"], ("above",)),
            ([], ("above",)),
            (["会員番号", "事業所名", "代表者", "〒", "所在地", "電話番号", "業種"], ("header",))]
    rows = by_join(rows_for(U, L, ms, r))
    nums = sorted(r.sample(range(1, 260), len(rows)))
    for no, x in zip(nums, rows):
        nm = name_with_form(x, pick(r, [("full", 8), ("maru", 2)]))
        if x.site and not x.override:
            nm = join_site(nm, x.site, pick(r, [("fw", 6), ("", 2), ("paren", 2)]), x)
        if x.site:
            rep = rep_fmt(x.mgr_title, x.mgr, "title_fw")
        else:
            rep = company_rep(x, "title_fw")
        city = x.city if x.pref == "岩手県" else x.pref + x.city
        recs.append(([str(no), nm, rep, "〒" + x.postal, city + x.addr, x.phone, x.e.industry],
                     ("member", x)))
    recs.append(([], ("non", "blank")))
    recs.append((["", "合計", "%d事業所" % len(rows)], ("non", "total")))
    recs.append((["※掲載内容は会員からの届出によります。無断転載を禁じます。"], ("non", "note")))
    recs.append((["※会員番号は入会順（退会者の番号は欠番）"], ("non", "note")))
    return recs


SEC2 = [("【電子・半導体部会】", ("電子", "半導体", "光学", "医療", "電線", "ハーネス", "電気機械", "計装", "計測")),
        ("【機械・金属部会】", ("精密", "金属", "プレス", "熱処理", "金型", "ダイカスト", "産業機械", "建設機械",
                          "鋳物", "アルミ", "工具", "自動車", "試作", "航空機", "板金", "バルブ")),
        ("【化学・素材部会】", ("化学", "プラスチック", "ゴム", "窯業", "材料", "塗装", "包装")),
        ("【食品・サービス部会】", ("",))]


def sec_of(e, secs):
    for i, (_, keys) in enumerate(secs):
        if any(k in e.industry for k in keys):
            return i
    return len(secs) - 1


def w_L2(U, L, ms, r):
    recs = [(["北上工業クラブ　会員企業一覧"], ("above",)),
            (["2024年（令和6年）5月31日現在　事務局：北上工業クラブ事務局（北上市産業支援課内）"], ("above",)),
            ([], ("above",)),
            (["No.", "企業名", "工場・事業所名", "所在地", "TEL", "FAX", "代表者役職", "代表者氏名", "入会"],
             ("header",))]
    rows = by_join(rows_for(U, L, ms, r))
    no = 0
    for si, (title, _) in enumerate(SEC2):
        part = [x for x in rows if sec_of(x.e, SEC2) == si]
        if si:
            recs.append(([], ("non", "blank")))
        recs.append(([title], ("non", "section_heading")))
        for x in part:
            no += 1
            nm = name_with_form(x, pick(r, [("full", 7), ("maru", 3)]))
            if x.site:
                place = x.site
            else:
                place = pick(r, [("", 5), ("本社工場", 3 if manuf(x.e) else 0), ("本社", 2)])
                if place == "本社工場":
                    x.cls.append("honsha_kojo_label")
            ph = x.phone if r.random() < 0.7 else int(x.phone.replace("-", ""))
            if isinstance(ph, int):
                x.cls.append("phone_dropped_zero")
            fax = x.fax if not isinstance(ph, int) else int(x.fax.replace("-", ""))
            if x.site and r.random() < 0.5:
                t, rn = x.mgr_title, rep_fmt("", x.mgr, "name_fw")
            else:
                t, rn = x.rep_title, company_rep(x, "name_fw")
            city = x.city if x.pref == "岩手県" else x.pref + x.city
            recs.append(([no, nm, place, city + x.addr, ph, fax, t, rn,
                          wareki(x.joined[0], x.joined[1], pick(r, [("short", 3), ("long", 1)]))],
                         ("member", x)))
    recs.append(([], ("non", "blank")))
    recs.append((["", "会員数　計%d社（%d事業所）" % (len({x.e.id for x in rows}), len(rows))], ("non", "total")))
    recs.append((["", "※部会は主たる業種により事務局で分類"], ("non", "note")))
    return recs


GYO = [("あ行", "アイウエオ"), ("か行", "カキクケコガギグゲゴ"), ("さ行", "サシスセソザジズゼゾ"),
       ("た行", "タチツテトダヂヅデド"), ("な行", "ナニヌネノ"), ("は行", "ハヒフヘホバビブベボパピプペポ"),
       ("ま行", "マミムメモ"), ("や行", "ヤユヨ"), ("ら行", "ラリルレロ"), ("わ行", "ワヲン")]


def gyo_of(kana):
    for g, chars in GYO:
        if kana[:1] in chars:
            return g
    return "わ行"


def w_L3(U, L, ms, r):
    recs = [(["はなまき産業ネットワーク　会員一覧（五十音順）"], ("above",)),
            (["会員名", "フリガナ", "所在地", "電話", "代表者", "備考"], ("header",))]
    rows = sorted(rows_for(U, L, ms, r), key=lambda x: (x.kana, x.site, x.e.id))
    cur = None
    for x in rows:
        g = gyo_of(x.kana)
        if g != cur:
            recs.append((["【%s】" % g], ("non", "kana_heading")))
            cur = g
        nm = name_with_form(x, pick(r, [("half", 6), ("full", 4)]))
        if x.site and not x.override:
            nm = join_site(nm, x.site, pick(r, [("hparen", 1), ("", 1), ("sp", 1)]), x)
        k = x.kana
        km = pick(r, [("kata", 7), ("half", 2), ("hira", 1)])
        if km == "half":
            k = to_halfwidth_kana(k)
        elif km == "hira":
            k = hira(k)
        city = x.city if x.pref == "岩手県" else x.pref + x.city
        if r.random() < 0.15:
            addr = x.postal + "\n" + city + x.addr
            x.cls.append("line_break_in_field")
        else:
            addr = "〒" + x.postal + " " + city + x.addr
        ph = phone_fmt(x.phone, pick(r, [("dash", 7), ("paren", 3)]))
        rep = rep_fmt(x.mgr_title, x.mgr, "title_sp") if x.site else company_rep(x, "title_sp")
        note = "準会員" if x.e.ck != "花巻" and not (x.site and "花巻" in x.site) else ""
        if not note and r.random() < 0.1:
            note = "R%d入会" % (x.joined[0] - 2018) if x.joined[0] >= 2019 else ""
        recs.append(([nm, k, addr, ph, rep, note], ("member", x)))
    recs.append(([], ("non", "blank")))
    recs.append((["計", "%d会員" % len(rows)], ("non", "total")))
    recs.append((["※準会員（市外の事業所）を含む。フリガナは届出のとおり。"], ("non", "note")))
    return recs


def w_L4(U, L, ms, r):
    recs = [(["No", "法人番号", "企業名", "事業所名", "都道府県", "市町村", "町名・番地", "TEL", "業種"],
             ("header",))]
    rows = sorted(rows_for(U, L, ms, r), key=lambda x: (x.e.ck != "金ケ崎", x.joined, x.e.id, x.site))
    for i, x in enumerate(rows, start=1):
        nm = name_with_form(x, "full")
        if any("A" <= c <= "Z" for c in nm):
            nm = to_fullwidth_ascii(nm)
            x.cls.append("fullwidth_ascii")
        num = x.number
        if x.override and x.override[0] == "number":
            num = U.by_id[x.override[1]].number
        else:
            m = pick(r, [("ok", 68), ("exp", 10), ("typo", 6), ("blank", 16)])
            if num and m == "exp":
                num = "%.5E" % int(num)
                mant, ex = num.split("E")
                num = mant.rstrip("0").rstrip(".") + "E+" + str(int(ex))
                x.cls.append("corp_number_exponent")
            elif num and m == "typo":
                j = r.randrange(1, 13)
                d = str((int(num[j]) + r.randint(1, 9)) % 10)
                num = num[:j] + d + num[j + 1:]
                x.cls.append("corp_number_mistyped")
            elif m == "blank":
                num = ""
        place = x.site if x.site else pick(r, [("本社", 3), ("", 2)])
        recs.append(([str(i), num, nm, place, x.pref, x.city, x.addr, x.phone, x.e.industry], ("member", x)))
    recs.append((["以上"], ("non", "note")))
    return recs


def w_L5(U, L, ms, r):
    hdr = ["区分", "番号", "会員名", "代表者", "所在地", "担当部署", "入会年度"]
    recs = [(["一関工業高等専門学校テクノサポート会　会員名簿"], ("above",)), (["令和6年6月1日現在"], ("above",)),
            ([], ("above",)), (hdr, ("header",))]
    rows = by_join(rows_for(U, L, ms, r))

    def kubun(x):
        if x.e.id in FINANCE or x.e.id in SUPPORT:
            return 1
        ck = U.site_by[(x.e.id, x.site)][3] if x.site else x.e.ck
        return 0 if ck in ("一関", "平泉") else 2
    secs = [("■正会員（市内・町内企業）", "正会員"), ("■特別会員（金融機関・支援機関）", "特別会員"),
            ("■賛助会員（市外企業）", "賛助会員")]
    no, total, since_hdr = 0, 0, 0
    for si, (title, kb) in enumerate(secs):
        part = [x for x in rows if kubun(x) == si]
        recs.append(([title], ("non", "section_heading")))
        for x in part:
            if since_hdr == 48:
                recs.append((hdr, ("non", "repeated_header")))
                since_hdr = 0
            no += 1
            since_hdr += 1
            nm = name_with_form(x, pick(r, [("full", 7), ("fullparen", 3)]))
            if x.site and not x.override:
                nm = join_site(nm, x.site, "fw", x)
            rep = rep_fmt(x.mgr_title, x.mgr, "title_fw") if x.site else company_rep(x, "title_fw")
            dept = r.choice(["総務部", "技術部", "製造部", "品質保証課", "経営企画室", "総務課", ""])
            y, m = x.joined
            jm = pick(r, [("fyname", 4), ("short", 2), ("int", 2)])
            joined = (y if m >= 4 else y - 1) if jm == "int" else wareki(y, m, "fy" if jm == "fyname" else "short")
            recs.append(([kb, no, nm, rep, x.city, dept, joined], ("member", x)))
            x.cls.append("city_only_address")
        recs.append((["", "", "小計　%d" % len(part)], ("non", "subtotal")))
        total += len(part)
        if si < len(secs) - 1:
            recs.append(([], ("non", "blank")))
    recs.append((["", "", "合計　%d" % total], ("non", "total")))
    return recs


def jis_damage(s, geta="?"):
    out = []
    for ch in s:
        if ch < "\x80" or "\uff61" <= ch <= "\uff9f":
            out.append(ch)
            continue
        try:
            ch.encode("iso2022_jp")
            ch.encode("cp932")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(geta)
    return "".join(out)


def zengin_name(x):
    kana = to_halfwidth_kana(x.kana, zengin=True)
    if not x.form:
        return kana
    f = to_halfwidth_kana(BANK_KANA_FORM[x.form], zengin=True)
    return f + ")" + kana if x.pos == "pre" else kana + "(" + f


def w_L6(U, L, ms, r):
    recs = [(["北日本みらい銀行　県南ビジネスクラブ　会員名簿（2025年3月末）"], ("above",)),
            (["取扱店", "会員No", "会員名", "会員名カナ", "代表者", "所在地", "電話番号"], ("header",))]
    rows = rows_for(U, L, ms, r)
    brs = ["水沢支店", "江刺支店", "金ケ崎支店", "北上支店", "花巻支店", "一関支店"]

    def br(x):
        ck = x.e.ck
        if ck == "奥州":
            return "江刺支店" if x.addr.startswith("江刺") else "水沢支店"
        return {"金ケ崎": "金ケ崎支店", "北上": "北上支店", "花巻": "花巻支店"}.get(ck, "一関支店")
    nos = r.sample(range(10001, 19999), len(rows))
    for x, n in zip(rows, nos):
        x.no = n
    total = 0
    for b in brs:
        part = sorted([x for x in rows if br(x) == b], key=lambda x: x.no)
        for x in part:
            nm = name_with_form(x, "full")
            if r.random() < 0.05:
                nm = zengin_name(x)
                x.cls.append("kana_only")
            dn = jis_damage(nm, "〓")
            if dn != nm:
                x.cls.append("damaged_char")
            kana = zengin_name(x)
            recs.append(([b, str(x.no), dn, kana, jis_damage(company_rep(x, "title_fw"), "〓"),
                          jis_damage(addr_full(x), "〓"), x.phone], ("member", x)))
        recs.append(([b + "　計", "", "%d先" % len(part)], ("non", "subtotal")))
        total += len(part)
    recs.append((["合計", "", "%d先" % total], ("non", "total")))
    return recs


def w_L7(U, L, ms, r):
    recs = [(["みやぎ県北ものづくり産業振興協議会　会員名簿"], ("above",)), (["（令和5年度末現在）"], ("above",)),
            ([], ("above",)),
            (["No.", "会社名", "事業所", "都道府県", "市区町村", "住所", "郵便番号", "電話番号", "FAX番号",
              "代表者役職", "代表者氏名"], ("header",))]
    rows = by_join(rows_for(U, L, ms, r))
    for i, x in enumerate(rows, start=1):
        nm = name_with_form(x, pick(r, [("maru", 5), ("full", 5)]))
        dn = jis_damage(nm)
        if dn != nm:
            x.cls.append("damaged_char")
        pc = x.postal if r.random() < 0.5 else x.postal.replace("-", "")
        if x.site and r.random() < 0.5:
            t, rn = x.mgr_title, rep_fmt("", x.mgr, "name_fw")
        else:
            t, rn = x.rep_title, company_rep(x, "name_fw")
        pm = pick(r, [("paren", 6), ("dash", 4)])
        cells = [str(i), dn, x.site, x.pref, x.city, x.addr, pc, phone_fmt(x.phone, pm),
                 phone_fmt(x.fax, pm), t, rn]
        recs.append(([jis_damage(c) for c in cells], ("member", x)))
    recs.append(([], ("non", "blank")))
    recs.append((["※1 会員名・代表者は令和6年3月31日現在の届出による。"], ("non", "note")))
    recs.append((["※2 一部の文字はシステムの都合により表示できない場合があります。"], ("non", "note")))
    return recs


def w_L8(U, L, ms, r):
    recs = [(["平泉町商工会　工業部会　部会員名簿"], ("above",)), (["令和3年4月"], ("above",)), ([], ("above",)),
            (["番号", "事業所名", "代表者名", "住所", "電話", "業種", "部会役職"], ("header",))]
    rows = sorted(rows_for(U, L, ms, r), key=lambda x: (x.e.ck != "平泉", x.kana, x.e.id))
    roles = ["部会長", "副部会長", "副部会長", "幹事", "幹事", "幹事"]
    for i, x in enumerate(rows, start=1):
        nm = name_with_form(x, pick(r, [("omit", 5), ("half", 3), ("full", 2)]))
        if x.site and not x.override:
            nm = join_site(nm, x.site, "sp", x)
        city = x.city.replace("西磐井郡", "").replace("胆沢郡", "")
        pm = "dash"
        if x.phone.startswith("0191-46") and r.random() < 0.6:
            pm = "local"
        elif r.random() < 0.25:
            pm = "dropped"
        if pm == "local":
            x.cls.append("phone_local_only")
        elif pm == "dropped":
            x.cls.append("phone_dropped_zero")
        rn = rep_fmt("", x.mgr, "name") if x.site else company_rep(x, "name")
        recs.append(([str(i), nm, rn, city + x.addr, phone_fmt(x.phone, pm), x.e.industry,
                      roles[i - 1] if i <= len(roles) else ""], ("member", x)))
    recs.append(([], ("non", "blank")))
    recs.append((["", "※令和3年度通常総会資料より（部会員%d名）" % len(rows)], ("non", "note")))
    return recs


def w_L9(U, L, ms, r):
    hdr = ["会員番号", "企業名", "Company Name", "事業所", "所在地", "業種", "設立", "従業員数", "備考"]
    recs = [(["北上川流域自動車・半導体サプライヤー協議会　会員一覧 / Member List (as of April 2025)"], ("above",)),
            (hdr, ("header",))]
    rows = by_join(rows_for(U, L, ms, r))
    nums = sorted(r.sample(range(1001, 1400), len(rows)))
    for k, (no, x) in enumerate(zip(nums, rows)):
        if k and k % 50 == 0:
            recs.append((hdr, ("non", "repeated_header")))
        nm = name_with_form(x, pick(r, [("full", 9), ("maru", 1)]))
        site = x.site
        en = x.e.en
        if x.override and x.override[0] == "name" and "|" in x.override[1]:
            nm, site = x.override[1].split("|")
            en = U.by_id[x.e.parent].en
        if site:
            en = en + " " + site_en(site)
        if x.override and x.override[1] == "":
            nm = ""
        elif r.random() < 0.02:
            nm = ""
            x.cls.append("romaji_only")
        city = x.city if x.pref in ("岩手県", "宮城県") else x.pref + x.city
        y, m = x.e.founded
        recs.append(([no, nm, en, site, city, x.e.industry, ("date", datetime.date(y, m, 1)),
                      x.e.employees, ""], ("member", x)))
    recs.append(([], ("non", "blank")))
    recs.append((["※設立年月は本社（法人）の設立年月。従業員数は2025年4月1日現在、事業所単位。"], ("non", "note")))
    recs.append((["※英文社名は各社の届出による。"], ("non", "note")))
    return recs


def w_L10(U, L, ms, r):
    recs = [(["いわて・みやぎ県際ものづくり連携協議会　会員名簿（2022年度）"], ("above",)),
            (["No", "法人番号", "会員名", "ふりがな", "住所", "電話番号", "代表者", "設立"], ("header",))]
    rows = rows_for(U, L, ms, r)
    no = 0
    for pref in ("岩手県", "宮城県"):
        part = sorted([x for x in rows if x.pref == pref], key=lambda x: (x.kana, x.site, x.e.id))
        recs.append((["＜%s＞" % pref], ("non", "section_heading")))
        for x in part:
            no += 1
            nm = name_with_form(x, pick(r, [("full", 6), ("fullparen", 4)]), sep=pick(r, [("", 3), ("　", 1)]))
            if x.site and not x.override:
                nm = join_site(nm, x.site, "paren", x)
            ph = phone_fmt(x.phone, pick(r, [("dash", 7), ("nodash", 3)]))
            if ph.isdigit():
                x.cls.append("phone_no_hyphen")
            rep = rep_fmt(x.mgr_title, x.mgr, "title_sp") if x.site else company_rep(x, "title_sp")
            y, m = x.e.founded
            num = x.number if r.random() < 0.55 else ""
            if num and r.random() < 0.08:
                j = r.randrange(1, 12)
                if num[j] != num[j + 1]:
                    num = num[:j] + num[j + 1] + num[j] + num[j + 2:]
                    x.cls.append("corp_number_transposed")
            recs.append(([str(no), num, nm, hira(x.kana), addr_full(x), ph, rep, "%d年%d月" % (y, m)],
                         ("member", x)))
        if pref == "岩手県":
            recs.append(([], ("non", "blank")))
    recs.append(([], ("non", "blank")))
    recs.append((["", "以上　%d会員" % no], ("non", "total")))
    return recs


WRITERS = {"L1": w_L1, "L2": w_L2, "L3": w_L3, "L4": w_L4, "L5": w_L5, "L6": w_L6, "L7": w_L7,
           "L8": w_L8, "L9": w_L9, "L10": w_L10}


# ----------------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------------
NAME_COL = {"L1": 1, "L2": 1, "L3": 0, "L4": 2, "L5": 2, "L6": 2, "L7": 1, "L8": 1, "L9": 1, "L10": 2}
CLASS_DESC = {
    "site_row": "a plant/branch/office row: the entity must be found and the site told apart from the head office",
    "site_in_name": "the site label is written inside the name cell",
    "head_and_site_same_list": "the same company appears more than once in this list (head office and a site, or two sites)",
    "honsha_kojo_label": "the site column says 本社工場 or 本社: this is the head office, not a separate site",
    "former_name": "the name before a rename (商号変更)",
    "former_name_in_brackets": "current name followed by the former name in brackets",
    "former_legal_form": "the legal form before the company changed it (有限会社 -> 株式会社)",
    "former_address": "the address (and maybe phone) before the head office moved",
    "former_representative": "the representative before a change",
    "typo_homophone": "an IME homophone typo in the name (制作所, 精巧, 鉄鋼, 興業, 電気/電機 ...)",
    "variant_kanji": "a variant character (髙/高, 﨑/崎, 澤/沢, 齋/斎, 𠮷/吉, ヶ/ケ ...)",
    "space_in_name": "a space inside the name",
    "katakana_variant": "a katakana spelling variant (・ dropped, long vowel dropped, ックス/ック ...)",
    "legal_form_position": "the legal form on the wrong side of the name",
    "legal_form_omitted": "the legal form left out",
    "legal_form_abbreviated": "the legal form abbreviated (㈱, (株), （有） ...)",
    "short_name": "a short name or abbreviation instead of the registered name",
    "abbreviated_name": "a short form inside the name (信金 for 信用金庫 ...)",
    "fullwidth_ascii": "Latin letters in full width",
    "halfwidth_katakana": "katakana in half width (ｱｲﾃｯｸｽ)",
    "char_dropped": "one character of the name missing",
    "damaged_char": "a character the exporter could not write became ? or 〓",
    "kana_only": "only the bank-style half-width kana name (ｶ)... with small kana written large)",
    "romaji_only": "only the English/romaji name, the Japanese name cell is empty",
    "subsidiary_as_parent": "a subsidiary written under its parent's name (with a site-like suffix)",
    "corp_number_of_parent": "the 法人番号 column holds the parent company's number",
    "corp_number_exponent": "the 法人番号 turned into Excel exponent notation (digits lost)",
    "corp_number_transposed": "two neighbouring digits of the 法人番号 swapped (check digit fails)",
    "corp_number_mistyped": "one digit of the 法人番号 mistyped (check digit fails)",
    "phone_dropped_zero": "phone number with its leading zero dropped by Excel",
    "phone_local_only": "phone number without the area code",
    "phone_no_hyphen": "phone number without hyphens",
    "line_break_in_field": "the address cell holds a line break (one record over two lines)",
    "city_only_address": "only the city is given, no street address",
    "confusable_in_same_list": "a deliberately confusable different entity is in the same list",
    "sole_proprietor": "a sole proprietor: no legal form and no 法人番号",
}


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in row) + "\n")


def cell_text(c):
    if isinstance(c, tuple):
        return c[1].strftime("%Y/%m")
    return "" if c is None else str(c)


def write_csv(path, recs, enc, nl, delim=","):
    width = max(len(c) for c, _ in recs)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=nl, quoting=csv.QUOTE_MINIMAL)
    for cells, _ in recs:
        w.writerow([cell_text(c) for c in cells] + [""] * (width - len(cells)))
    text = buf.getvalue()
    if enc in ("cp932", "jis0208"):
        data = text.encode("cp932", errors="replace")
    elif enc == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = text.encode(enc)
    with open(path, "wb") as f:
        f.write(data)


def write_xlsx(path, recs, L, extra_sheet=None):
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False,
                                    "strings_to_urls": False})
    wb.set_properties({"title": L["assoc"], "author": "事務局", "created": datetime.datetime(2025, 4, 1, 9, 0, 0)})
    ws = wb.add_worksheet("会員名簿")
    bold = wb.add_format({"bold": True})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    datef = wb.add_format({"num_format": 'yyyy"年"m"月"'})
    for i, (cells, ann) in enumerate(recs):
        for j, c in enumerate(cells):
            if c is None or c == "":
                continue
            fmt = head if ann[0] == "header" or ann == ("non", "repeated_header") else (
                bold if ann[0] in ("above",) or ann[1:] in (("section_heading",), ("total",), ("subtotal",)) else None)
            if isinstance(c, tuple):
                ws.write_datetime(i, j, datetime.datetime(c[1].year, c[1].month, c[1].day), datef)
            elif isinstance(c, (int, float)):
                ws.write_number(i, j, c, fmt)
            else:
                ws.write_string(i, j, c, fmt)
    ws.set_column(0, 0, 8)
    ws.set_column(1, 2, 34)
    ws.set_column(3, 10, 16)
    if extra_sheet:
        ws2 = wb.add_worksheet(extra_sheet[0])
        for i, row in enumerate(extra_sheet[1]):
            for j, c in enumerate(row):
                if isinstance(c, int):
                    ws2.write_number(i, j, c)
                else:
                    ws2.write_string(i, j, c)
    wb.close()


def main():
    U = Universe()
    members = draw_memberships(U)
    out = HERE
    deliv = os.path.join(out, "delivered")
    os.makedirs(deliv, exist_ok=True)
    for fn in sorted(os.listdir(deliv)):
        os.remove(os.path.join(deliv, fn))
    # universe files
    write_tsv(os.path.join(out, "entities.tsv"),
              ["entity_id", "name", "kana", "corporate_number", "prefecture", "city", "address", "phone",
               "representative", "industry", "postal_code", "english_name"],
              [[e.id, e.name, e.kana, e.number, e.pref, e.city, e.addr, e.phone, e.rep_title + " " + e.rep,
                e.industry, e.postal, e.en] for e in U.ents])
    write_tsv(os.path.join(out, "sites.tsv"),
              ["site_id", "entity_id", "site", "prefecture", "city", "address", "postal_code", "phone", "manager"],
              [[s[0], s[1], s[2], s[4], s[5], s[6], s[7], s[8], s[9]] for s in U.sites])
    notes = []
    for line in universe.NOTES.strip().split("\n"):
        kind, eid, val, note = line.split("|")
        e = U.by_id[eid]
        if kind == "rename":
            notes.append([kind, eid, e.name, "former name: " + val, note])
        elif kind == "relocation":
            o = e.old
            notes.append([kind, eid, e.name, "former address: %s%s%s 〒%s TEL %s; now %s%s%s TEL %s" % (
                o[0], o[1], o[2], o[3], o[4], e.pref, e.city, e.addr, e.phone), note])
        elif kind == "representative":
            notes.append([kind, eid, e.name, "former: %s; now: %s %s" % (e.old_rep, e.rep_title, e.rep), note])
        else:
            o = U.by_id[val]
            notes.append([kind, eid, e.name, "with %s %s" % (val, o.name), note])
    for e in U.ents:
        if e.sole:
            notes.append(["sole_proprietor", e.id, e.name, "no 法人番号", "個人事業主"])
        for s in e.short:
            notes.append(["short_name", e.id, e.name, s, "略称（会社自身が使う）"])
    write_tsv(os.path.join(out, "notes.tsv"), ["kind", "entity_id", "name", "detail", "note"], notes)
    conf = []
    partner = {}
    for line in universe.CONFUSABLE.strip().split("\n"):
        a, b, why = line.split("|")
        conf.append([a, U.by_id[a].name, b, U.by_id[b].name, why])
        partner.setdefault(a, []).append(b)
        partner.setdefault(b, []).append(a)
    write_tsv(os.path.join(out, "confusable_pairs.tsv"), ["entity_a", "name_a", "entity_b", "name_b", "reason"], conf)
    reasons = {(f[0], f[1], f[2]): f[3] for f in FORCE}
    mrows = []
    for L in LISTS:
        for eid, site in members[L["id"]]:
            mrows.append([L["id"], L["file"], eid, site, reasons.get((L["id"], eid, site), "")])
    write_tsv(os.path.join(out, "memberships.tsv"), ["list", "file", "entity_id", "site", "deliberate"], mrows)

    truth, fails, nons, manifest = [], [], [], []
    for L in LISTS:
        r = rng("render:" + L["id"])
        recs = WRITERS[L["id"]](U, L, members[L["id"]], r)
        h = [i for i, (_, a) in enumerate(recs) if a[0] == "header"][0]
        assert all(a[0] == "above" for _, a in recs[:h])
        path = os.path.join(deliv, L["file"])
        enc = L["enc"]
        if enc == "xlsx":
            extra = None
            if L["id"] == "L2":
                cnt = {}
                for _, a in recs:
                    if a[0] == "member":
                        t = SEC2[sec_of(a[1].e, SEC2)][0]
                        cnt[t] = cnt.get(t, 0) + 1
                extra = ("部会別集計", [["部会", "事業所数"]] + [[t, cnt.get(t, 0)] for t, _ in SEC2])
            write_xlsx(path, recs, L, extra)
        else:
            write_csv(path, recs, enc, L["nl"], "\t" if L["file"].endswith(".txt") else ",")
        in_list = {}
        for _, a in recs:
            if a[0] == "member":
                in_list.setdefault(a[1].e.id, []).append(a[1].site)
        nm_col = NAME_COL[L["id"]]
        nmem = nnon = 0
        for i, (cells, a) in enumerate(recs):
            if i <= h:
                continue
            row = i - h
            if a[0] == "member":
                x = a[1]
                nmem += 1
                truth.append([L["file"], row, x.e.id, x.site])
                cls = list(x.cls)
                if enc in ("cp932", "jis0208") and "damaged_char" not in cls:
                    t = "".join(cell_text(c) for c in cells)
                    if t.encode("cp932", errors="replace").decode("cp932") != t:
                        cls.append("damaged_char")
                if len(in_list[x.e.id]) > 1:
                    cls.append("head_and_site_same_list")
                if any(p in in_list for p in partner.get(x.e.id, [])):
                    cls.append("confusable_in_same_list")
                if x.e.sole:
                    cls.append("sole_proprietor")
                shown = cell_text(cells[nm_col]) if nm_col < len(cells) else ""
                if L["id"] == "L9" and not shown:
                    shown = cell_text(cells[2])
                if enc in ("cp932", "jis0208"):
                    shown = shown.encode("cp932", errors="replace").decode("cp932")
                seen = []
                for c in cls:
                    if c in seen:
                        continue
                    seen.append(c)
                    what = CLASS_DESC[c]
                    if x.override and x.override[2] == c:
                        what += " -- " + x.override[3]
                    if c == "confusable_in_same_list":
                        what += " -- " + ", ".join(p for p in partner[x.e.id] if p in in_list)
                    fails.append([c, L["file"], row, x.e.id, x.site, what + " 「%s」" % shown])
            else:
                nnon += 1
                text = " ".join(cell_text(c) for c in cells if cell_text(c))
                nons.append([L["file"], row, a[1], text])
        manifest.append([L["id"], L["file"], L["assoc"], {"jis0208": "cp932"}.get(enc, enc),
                         "xlsx" if enc == "xlsx" else {"\r\n": "CRLF", "\n": "LF"}[L["nl"]],
                         "tab" if L["file"].endswith(".txt") else ("" if enc == "xlsx" else "comma"),
                         h + 1, nmem, nnon, L["year"], L["layout"]])
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "row", "entity_id", "site"])
        w.writerows(truth)
    write_tsv(os.path.join(out, "failure_cases.tsv"), ["class", "file", "row", "entity_id", "site", "what"], fails)
    write_tsv(os.path.join(out, "nonmember_rows.tsv"), ["file", "row", "kind", "text"], nons)
    write_tsv(os.path.join(out, "lists.tsv"), ["list", "file", "association", "encoding", "line_ends",
                                               "delimiter", "header_record", "member_rows", "other_records",
                                               "list_year", "layout"], manifest)
    print("entities %d, sites %d, lists %d, member rows %d, non-member rows %d, failure cases %d" % (
        len(U.ents), len(U.sites), len(LISTS), len(truth), len(nons), len(fails)))


if __name__ == "__main__":
    main()
