#!/usr/bin/python3
"""Writes the delivered member lists of resolve_unseen2 and their answer files from the hand-written universe.

Reads entities.tsv, sites.tsv, memberships.tsv, notes.tsv, confusable_pairs.tsv. Writes delivered/*, truth.csv,
failure_cases.tsv, nonmember_rows.tsv, layout.tsv. Python 3 standard library + xlsxwriter; run with
/usr/bin/python3. Every random draw comes from a generator seeded with sha256 of a fixed tag, and no set or
dict is iterated in hash order, so two runs give byte-identical files whatever PYTHONHASHSEED is.

Each list below has a small spec: its layout (title rows, header, columns, sections, footer), its house style
(how it writes legal forms, sites, addresses, phones) and its deliberate overrides, each with a one-line reason.
"""
import csv
import datetime
import hashlib
import io
import os
import random
import unicodedata

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "delivered")


def rng(tag):
    return random.Random(int.from_bytes(hashlib.sha256(tag.encode()).digest()[:8], "big"))


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"))) for ln in lines[1:] if ln]


ENT = {e["entity_id"]: e for e in read_tsv("entities.tsv")}
SITE = {(s["entity_id"], s["site"]): s for s in read_tsv("sites.tsv")}
MEM = {}
for m in read_tsv("memberships.tsv"):
    MEM.setdefault(m["list_id"], []).append(m)
NOTES = read_tsv("notes.tsv")
CONF = read_tsv("confusable_pairs.tsv")
FORMER_ADDR, FORMER_PHONE, FORMER_REP, GROUP_NOTE = {}, {}, {}, {}
for n in NOTES:
    if n["kind"] == "relocation":
        postal, city, addr = n["old"].split(" ", 2)
        FORMER_ADDR[n["entity_id"]] = (city, addr, postal[1:])
    elif n["kind"] == "phone_change":
        FORMER_PHONE[n["entity_id"]] = n["old"]
    elif n["kind"] == "representative_change":
        FORMER_REP[n["entity_id"]] = n["old"]
    elif n["kind"] == "group":
        GROUP_NOTE[n["other_entity_id"]] = (n["entity_id"], n["note"])

# ------------------------------------------------------------------------------------------------------------
# text helpers
FORMS = ["特定非営利活動法人", "一般社団法人", "一般財団法人", "学校法人", "株式会社", "有限会社", "合同会社", "合資会社"]
ABBR = {  # style -> written form
    "株式会社": {"full": "株式会社", "paren": "(株)", "circ": "㈱", "fwparen": "（株）", "kk": "株式会社"},
    "有限会社": {"full": "有限会社", "paren": "(有)", "circ": "㈲", "fwparen": "（有）", "kk": "有限会社"},
    "合同会社": {"full": "合同会社", "paren": "(同)", "circ": "(同)", "fwparen": "（同）", "kk": "合同会社"},
    "合資会社": {"full": "合資会社", "paren": "(資)", "circ": "(資)", "fwparen": "（資）", "kk": "合資会社"},
    "一般社団法人": {"full": "一般社団法人", "paren": "(一社)", "circ": "(一社)", "fwparen": "（一社）", "kk": "一般社団法人"},
    "一般財団法人": {"full": "一般財団法人", "paren": "(一財)", "circ": "(一財)", "fwparen": "（一財）", "kk": "一般財団法人"},
    "学校法人": {"full": "学校法人", "paren": "(学)", "circ": "(学)", "fwparen": "（学）", "kk": "学校法人"},
    "特定非営利活動法人": {"full": "特定非営利活動法人", "paren": "NPO法人", "circ": "NPO法人", "fwparen": "NPO法人",
                   "kk": "NPO法人"},
}


def split_form(name):
    for f in FORMS:
        if name.startswith(f):
            return f, "pre", name[len(f):]
        if name.endswith(f):
            return f, "post", name[:-len(f)]
    return "", "none", name


def to_fullwidth(s):
    out = []
    for c in s:
        if c == " ":
            out.append("\u3000")
        elif "!" <= c <= "~":
            out.append(chr(ord(c) + 0xFEE0))
        else:
            out.append(c)
    return "".join(out)


_HALF = {}
for cp in range(0xFF66, 0xFF9E):
    _HALF[unicodedata.normalize("NFKC", chr(cp))] = chr(cp)
_HALF["ー"] = "ｰ"
_HALF["・"] = "･"


def to_halfkana(s):
    out = []
    for c in s:
        if c in _HALF:
            out.append(_HALF[c])
            continue
        d = unicodedata.normalize("NFD", c)
        if len(d) == 2 and d[0] in _HALF and d[1] in ("\u3099", "\u309a"):
            out.append(_HALF[d[0]] + ("ﾞ" if d[1] == "\u3099" else "ﾟ"))
        else:
            out.append(c)
    return "".join(out)


def has_kata(s):
    return any("ァ" <= c <= "ヺ" or c == "ー" for c in s)


DAMAGE_JIS_GLYPH = {"髙": "高", "﨑": "崎", "①": "(1)", "②": "(2)", "㈱": "(株)", "㈲": "(有)"}
DAMAGE_JIS_QMARK = {"髙": "?", "﨑": "?", "①": "?", "②": "?", "㈱": "(株)", "㈲": "(有)"}


def damage(s, table):
    return "".join(table.get(c, c) for c in s)


def era_of(y, m):
    if (y, m) >= (2019, 5):
        return "令和", y - 2018
    if y >= 1989:
        return "平成", y - 1988
    return "昭和", y - 1925


def wareki(y, m, style):
    era, n = era_of(y, m)
    short = {"令和": "R", "平成": "H", "昭和": "S"}[era]
    nn = "元" if n == 1 else str(n)
    if style == "ym":
        return "%s%s年%d月" % (era, nn, m)
    if style == "short":
        return "%s%d.%d" % (short, n, m)
    if style == "y":
        return "%s%s年" % (era, nn)
    if style == "fy":  # fiscal year (April-March); 2019年度 is 令和元年度
        fy = y if m >= 4 else y - 1
        era, n = era_of(fy, 12)
        return "%s%s年度" % (era, "元" if n == 1 else str(n))
    raise ValueError(style)


def house_banchi(addr):
    """東台172-15 -> 東台172番地15; 東台172 -> 東台172番地 (not for 丁目 addresses)."""
    i = len(addr)
    while i > 0 and (addr[i - 1].isdigit() or addr[i - 1] == "-"):
        i -= 1
    street, no = addr[:i], addr[i:]
    if street.endswith("丁目") or street.endswith("地割") or not no:
        return addr
    a, _, b = no.partition("-")
    return street + a + "番地" + b


def split_house(addr):
    i = len(addr)
    while i > 0 and (addr[i - 1].isdigit() or addr[i - 1] == "-"):
        i -= 1
    return addr[:i], addr[i:]


def fmt_phone(p, style):
    parts = p.split("-")
    if style == "std":
        return p
    if style == "paren":
        return "%s(%s)%s" % tuple(parts)
    if style == "paren_area":
        return "(%s)%s-%s" % tuple(parts)
    if style == "nodash":
        return "".join(parts)
    if style == "fw":
        return to_fullwidth(p).replace("－", "－")
    if style == "noarea":
        return "%s-%s" % (parts[1], parts[2])
    if style == "num":
        return int("".join(parts))
    raise ValueError(style)


# ------------------------------------------------------------------------------------------------------------
# units
def unit(eid, site):
    e = ENT[eid]
    u = dict(eid=eid, site=site, name=e["name"], kana=e["kana"], corp=e["corporate_number"], ind=e["industry"],
             area=e["area"], rep_title=e["representative_title"], rep=e["representative"], founded=e["founded"],
             former_name=e["former_name"], pref=e["prefecture"], city=e["city"], addr=e["address"],
             postal=e["postal_code"], phone=e["phone"])
    if site:
        s = SITE[(eid, site)]
        u.update(pref=s["prefecture"], city=s["city"], addr=s["address"], postal=s["postal_code"], phone=s["phone"],
                 rep_title=s["manager_title"], rep=s["manager"], area=s["area"])
    return u


def key(eid, site):
    return eid + ("/" + site if site else "")


CONF_PARTNERS = {}
for c in CONF:
    CONF_PARTNERS.setdefault(c["entity_a"], []).append((c["entity_b"], c["reason"]))
    CONF_PARTNERS.setdefault(c["entity_b"], []).append((c["entity_a"], c["reason"]))


class ListBuilder:
    def __init__(self, spec):
        self.spec = spec
        self.lid = spec["id"]
        self.file = spec["file"]
        self.r = rng("list-" + self.lid)
        self.body = []  # dicts: kind, cells, eid, site, cases
        self.ovr = spec.get("overrides", {})
        self.used_ovr = set()
        self.members = MEM[self.lid]
        self.member_keys = [key(m["entity_id"], m["site"]) for m in self.members]
        self.entities_here = {m["entity_id"] for m in self.members}
        self.sites_of = {}
        for m in self.members:
            self.sites_of.setdefault(m["entity_id"], []).append(m["site"])

    # overrides -----------------------------------------------------------------------------------------------
    def o(self, k, field):
        for f, v, cls, why in self.ovr.get(k, []):
            if f == field:
                self.used_ovr.add((k, f))
                return v, (cls, why)
        return None, None

    # renderers -----------------------------------------------------------------------------------------------
    def name(self, u, cases, with_site=None, base=None):
        """Company name in the list's house style; with_site: None | 'space' | 'fwspace' | 'paren' | 'concat' | 'nl'."""
        st = self.spec["style"]
        r = self.r
        k = key(u["eid"], u["site"])
        ov, case = self.o(k, "name")
        if ov is not None:
            cases.append(case)
            return ov
        src = base or u["name"]
        ovf, case = self.o(k, "former_name")
        if ovf is not None:
            cases.append(case)
            src = u["former_name"]
        form, pos, core = split_form(src)
        if form:
            cat = r.choices(list(st["abbr"].keys()), weights=list(st["abbr"].values()))[0]
            written = ABBR[form][cat]
            if form in ("株式会社", "有限会社") and r.random() < st.get("flip", 0):
                pos = "post" if pos == "pre" else "pre"
                cases.append(("legal_form_position", "legal form written on the other side of the name (registered: %s)"
                              % src))
            if r.random() < st.get("drop", 0):
                written = ""
                if st.get("drop", 0) < 0.5:
                    cases.append(("no_legal_form", "legal form left out"))
            sp = " " if r.random() < st.get("space", 0) else ""
            if st.get("space_char") and sp:
                sp = st["space_char"]
            if written:
                core_w = core
                name = written + sp + core_w if pos == "pre" else core_w + sp + written
            else:
                name = core
        else:
            name = core
        if st.get("halfkana", 0) and has_kata(core) and r.random() < st["halfkana"]:
            name = to_halfkana(name)
            cases.append(("width_variant", "katakana written in half-width (ｶﾅ)"))
        if st.get("fwspace_inside", 0) and r.random() < st["fwspace_inside"]:
            for suffix in ("製作所", "精工", "精機", "精密", "電子", "工業", "電機", "化成", "食品", "木工", "鉄工"):
                if core.endswith(suffix) and len(core) > len(suffix) + 1:
                    new = core[:-len(suffix)] + "\u3000" + suffix
                    name = name.replace(core, new)
                    cases.append(("spacing_inside_name", "a space inside the name (%s)" % new))
                    break
        if st.get("nodot", 0) and "・" in name and r.random() < st["nodot"]:
            name = name.replace("・", "")
            cases.append(("punctuation_variant", "middle dots dropped from the name"))
        if u["site"] and with_site:
            lab = u["site"]
            ovs, case = self.o(k, "site_label")
            if ovs is not None:
                lab = ovs
                cases.append(case)
            sep = {"space": " ", "fwspace": "\u3000", "paren": None, "concat": "", "nl": "\n"}[with_site]
            name = name + ("（%s）" % lab if sep is None else sep + lab)
            cases.append(("site_in_name", "plant/branch written inside the name cell (%s)" % lab.replace("\n", " ")))
            if with_site == "nl":
                cases.append(("multiline_record", "line break inside the quoted name cell: one record, two lines"))
        return name

    def address(self, u, cases, mode="city", banchi=0.0, fw=0.0):
        k = key(u["eid"], u["site"])
        pref, city, addr, postal = u["pref"], u["city"], u["addr"], u["postal"]
        ov, case = self.o(k, "address")
        if ov == "old":
            city, addr, postal = FORMER_ADDR[u["eid"]]
            cases.append(case)
        elif ov is not None:
            addr = ov
            cases.append(case)
        if self.r.random() < banchi:
            addr = house_banchi(addr)
        bld = self.spec.get("building", {}).get(k)
        if bld:
            addr = addr + " " + bld
        if self.r.random() < fw:
            addr = to_fullwidth(addr)
            cases.append(("width_variant", "full-width digits in the address"))
        u["_postal"] = postal
        if mode == "full":
            return pref + city + addr
        if mode == "city":
            return city + addr
        if mode == "nocity":
            return addr
        if mode == "split":
            st, no = split_house(addr)
            if st.startswith(tuple("花大千東川室藤")) and "町" in st and city == "一関市":
                town = st[:st.index("町") + 1]
                return (city + town, st[len(town):] + no)
            return (city, st + no)
        if mode == "cityonly":
            return city
        raise ValueError(mode)

    def phone(self, u, cases, weights):
        k = key(u["eid"], u["site"])
        p = u["phone"]
        ov, case = self.o(k, "phone")
        if ov == "old":
            p = FORMER_PHONE[u["eid"]]
            cases.append(case)
        elif ov == "parent":
            parent = GROUP_NOTE[u["eid"]][0]
            p = ENT[parent]["phone"]
            cases.append(case)
        elif ov is not None:
            p = ov
            cases.append(case)
        style = self.r.choices(list(weights.keys()), weights=list(weights.values()))[0]
        v = fmt_phone(p, style)
        if style == "num":
            cases.append(("dropped_leading_zero", "phone stored as a number in the sheet: leading 0 and hyphens lost (%s)"
                          % v))
        if style == "noarea":
            cases.append(("phone_no_area_code", "phone written without the area code (%s)" % v))
        return v

    def rep(self, u, cases, stale=False):
        k = key(u["eid"], u["site"])
        name = u["rep"]
        ov, case = self.o(k, "rep")
        if ov == "old" or (stale and not u["site"] and u["eid"] in FORMER_REP):
            name = FORMER_REP[u["eid"]]
            cases.append(case or ("old_representative", "the list still names the former representative"))
        return u["rep_title"], name

    def corp(self, u, cases):
        k = key(u["eid"], u["site"])
        ov, case = self.o(k, "corp")
        c = u["corp"]
        if ov is None:
            return c
        cases.append(case)
        if ov == "transpose":
            return c[:6] + c[7] + c[6] + c[8:]
        if ov == "digit":
            return c[:-1] + str((int(c[-1]) + 1) % 10)
        if ov == "drop":
            return ""
        if ov.startswith("E"):
            return ENT[ov]["corporate_number"]
        return ov

    # rows ------------------------------------------------------------------------------------------------------
    def add_member(self, u, cells, cases):
        k = key(u["eid"], u["site"])
        if u["eid"] in GROUP_NOTE and not u["site"]:
            cases.append(("parent_subsidiary", GROUP_NOTE[u["eid"]][1]))
        for p, why in CONF_PARTNERS.get(u["eid"], []):
            if p in self.entities_here:
                cases.append(("confusable_same_list", "%s is also in this list: %s" % (p, why)))
        if len(self.sites_of.get(u["eid"], [])) > 1:
            cases.append(("head_and_site_same_list" if "" in self.sites_of[u["eid"]] else "two_sites_same_list",
                          "the same company appears on %d rows of this list (%s)"
                          % (len(self.sites_of[u["eid"]]), ", ".join(s or "本社" for s in self.sites_of[u["eid"]]))))
        if not u["corp"]:
            cases.append(("sole_proprietor", "個人事業: no 法人番号, no legal form"))
        dm = self.spec.get("damage")
        if dm:
            new = []
            for c in cells:
                if isinstance(c, str):
                    d = damage(c, dm)
                    if d != c:
                        cases.append(("charset_damage", "JIS X 0208-only export: %s -> %s" % (c.replace("\n", " "),
                                                                                      d.replace("\n", " "))))
                    c = d
                new.append(c)
            cells = new
        self.body.append(dict(kind="member", cells=cells, eid=u["eid"], site=u["site"], cases=cases))

    def add_other(self, kind, cells):
        self.body.append(dict(kind=kind, cells=cells, eid=None, site=None, cases=[]))

    def ordered(self, how):
        ms = list(self.members)
        if how == "joined":
            ms.sort(key=lambda m: (m["joined"], m["entity_id"], m["site"]))
        elif how == "kana":
            ms.sort(key=lambda m: (ENT[m["entity_id"]]["kana"], m["entity_id"], m["site"]))
        elif how == "shuffle":
            ms.sort(key=lambda m: (m["entity_id"], m["site"]))
            self.r.shuffle(ms)
        return [unit(m["entity_id"], m["site"]) | {"joined": m["joined"]} for m in ms]

    def check_overrides(self):
        for k, lst in self.ovr.items():
            assert k in self.member_keys, (self.lid, k, "override for a non-member")
            for f, v, cls, why in lst:
                assert (k, f) in self.used_ovr, (self.lid, k, f, "override not used")


IND_GROUP = {
    "金属製品製造業": 0, "鉄鋼業": 0, "生産用機械器具製造業": 0, "はん用・精密機械器具製造業": 0, "輸送用機械器具製造業": 0,
    "電子部品・デバイス・電子回路製造業": 1, "電気機械器具製造業": 1, "医療用機械器具製造業": 1, "情報サービス業": 1,
    "化学工業": 2, "窯業・土石製品製造業": 2, "プラスチック製品製造業": 2,
    "食料品製造業": 3, "木材・木製品製造業": 3, "印刷・同関連業": 3, "繊維工業": 3,
}
SHORT_IND = {"金属製品製造業": "金属加工", "鉄鋼業": "鋳造", "生産用機械器具製造業": "機械", "はん用・精密機械器具製造業": "精密機械",
             "輸送用機械器具製造業": "自動車部品", "電子部品・デバイス・電子回路製造業": "電子部品", "電気機械器具製造業": "電気機械",
             "医療用機械器具製造業": "医療機器", "情報サービス業": "情報", "化学工業": "化学", "窯業・土石製品製造業": "窯業",
             "プラスチック製品製造業": "樹脂成形", "食料品製造業": "食品", "木材・木製品製造業": "木材・木工", "印刷・同関連業": "印刷",
             "繊維工業": "縫製", "総合工事業": "建設", "設備工事業": "設備工事", "機械器具卸売業": "商社", "道路貨物運送業": "運輸",
             "銀行業・協同組織金融業": "金融", "技術サービス業": "サービス", "廃棄物処理業": "環境", "経済団体・協同組合": "団体",
             "学校教育": "教育"}
PRODUCTS = {"輸送用機械器具製造業": ["ワイヤーハーネス", "プレス部品", "樹脂内装部品", "アルミダイカスト部品", "シート部品"],
            "プラスチック製品製造業": ["樹脂成形品", "射出成形部品", "フィルム製品"],
            "電子部品・デバイス・電子回路製造業": ["電子部品", "プリント基板実装", "センサー", "半導体デバイス"],
            "電気機械器具製造業": ["制御盤", "小型モーター", "電装部品"],
            "金属製品製造業": ["板金加工", "溶接構造物", "表面処理", "切削加工"],
            "はん用・精密機械器具製造業": ["精密部品加工", "金型", "治工具"],
            "鉄鋼業": ["鋳物", "鋳鉄部品"], "生産用機械器具製造業": ["省力化機械", "製造装置"],
            "化学工業": ["化学品", "表面処理剤"], "窯業・土石製品製造業": ["セラミック部品"],
            "道路貨物運送業": ["部品輸送", "倉庫"], "機械器具卸売業": ["機械工具販売"]}


# ------------------------------------------------------------------------------------------------------------
# The lists. Each spec: file, format, layout, style, overrides {unit: [(field, value, class, reason)]}.
SPECS = []

# L01 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L01", file="01_一関商工会議所_工業部会名簿_R6.csv", fmt="csv", encoding="cp932", bom=False, newline="\r\n",
    style=dict(abbr={"paren": 0.55, "full": 0.35, "circ": 0.10}, flip=0.03, drop=0.02, space=0.15),
    overrides={
        "E032": [("name", "(有)岩渕木工所", "old_name",
                  "the chamber's roster predates the 2019 change from 有限会社 to 株式会社")],
        "E072": [("name", "(株)一関ハイテック", "old_name", "the 2022 rename (word order swapped) was never reported")],
        "E044": [("name", "萩庄製作所(株)", "typo", "荘 typed as 庄 (same reading)")],
        "E009": [("address", "old", "old_address", "moved to 東台 in 2023 after the roster's data cut"),
                 ("phone", "old", "old_phone", "the pre-2023 number, changed with the move")],
        "E003": [("rep", "old", "old_representative", "the roster still names the former president")],
        "E310": [("name", "(株)斉藤精機", "variant_kanji", "齋 written as the common 斉 (different character)")],
        "E013": [("name", "千葉工業(有)", "legal_form_variant", "有限会社 written after the name as (有)")],
    }))

# L02 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L02", file="02_一関東工業団地企業連絡協議会_会員一覧.xlsx", fmt="xlsx",
    style=dict(abbr={"full": 0.8, "paren": 0.2}),
    overrides={
        "E138/一関工場": [("former_name", True, "old_name",
                       "the council kept the company name it joined under (千厩電装, renamed 東北電装 in 2019)")],
        "E276": [("name", "日本マイクロデバイス東北(株)", "legal_form_variant",
                  "subsidiary written in the same style as its parent's plant two rows away")],
        "E035": [("rep", "old", "old_representative", "事業所代表者 not updated after the 2020s change")],
    }))

# L03 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L03", file="03_花泉企業連絡協議会_会員名簿.csv", fmt="csv", encoding="utf-8", bom=True, newline="\r\n",
    style=dict(abbr={"circ": 0.75, "paren": 0.15, "full": 0.10}, flip=0.05),
    overrides={
        "E113": [("name", "㈲花泉精工", "old_name",
                  "renamed 株式会社南いわて精工 in 2017; the council still uses the old 有限会社 name")],
        "E111": [("name", "ﾊﾅｲｽﾞﾐ縫製㈱", "width_variant", "half-width katakana typed by the member itself")],
        "E030/花泉事業所": [("name", "イチデン花泉事業所", "no_legal_form", "site written as one word, no legal form")],
        "E291/花泉工場": [("name", "東洋ハーネス㈱花泉工場", "site_in_name", "plant name glued to the company name")],
        "E102": [("address", "old", "old_address", "moved within 花泉 in 2018; roster kept the old 字")],
    }))

# L04 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L04", file="04_千厩町工業クラブ会員名簿.csv", fmt="csv", encoding="cp932", bom=False, newline="\r\n",
    style=dict(abbr={"full": 0.6, "paren": 0.4}, flip=0.02),
    damage=DAMAGE_JIS_GLYPH,
    building={"E143": "テクノ①棟"},
    overrides={
        "E099": [("name", "(株)今野製作所", "typo_homophone",
                  "金野 typed as 今野 (both コンノ); a third spelling beside 昆野製作所 of 一関")],
        "E131": [("address", "old", "old_address", "moved to 奥玉 in 2021; the club's roster has the old address"),
                 ("phone", "old", "old_phone", "and the old phone number")],
        "E074": [("name", "佐々木製作所", "no_legal_form", "有限会社 left out by the club")],
    }))

# L05 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L05", file="05_藤沢町工業倶楽部_会員.tsv", fmt="tsv", encoding="utf-8", bom=False, newline="\n",
    style=dict(abbr={"full": 0.5, "paren": 0.5}, drop=0.75),
    overrides={
        "E016/藤沢工場": [("name", "菅原製作所 藤沢工場", "site_in_name", "plant under the company's short name")],
        "E170": [("address", "old", "old_address", "moved within 藤沢 in 2020; old address kept")],
    }))

# L06 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L06", file="06_一関高専教育研究振興会_会員名簿.xlsx", fmt="xlsx",
    style=dict(abbr={"full": 0.75, "paren": 0.25}, fwspace_inside=0.08, nodot=0.5),
    overrides={
        "E306": [("name", "有限会社千葉精巧", "typo_homophone", "精工 typed as 精巧 (both セイコウ)")],
        "E003": [("corp", "transpose", "wrong_corporate_number", "two digits of the 法人番号 swapped when typed")],
        "E021": [("corp", "digit", "wrong_corporate_number", "last digit mistyped (check digit fails)")],
        "E004": [("name", "磐井電子株式会社（磐井電子サービス株式会社）", "group_under_parent_name",
                  "the subsidiary is entered under its parent's name with its own in brackets"),
                 ("corp", "E003", "wrong_corporate_number", "the parent's 法人番号 given for the subsidiary")],
        "E072": [("former_name", True, "old_name", "roster keeps the name at 入会 (renamed 2022)")],
        "E053": [("name", "磐井信金", "abbreviation", "信用金庫 abbreviated to 信金")],
        "E091": [("name", "(学)磐井学園", "legal_form_variant", "学校法人 abbreviated")],
        "E018": [("corp", "drop", "missing_corporate_number", "法人番号 cell left empty")],
    }))

# L07 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L07", file="07_県南技研_賛助会員名簿.csv", fmt="csv", encoding="utf-8", bom=False, newline="\n",
    style=dict(abbr={"full": 0.8, "paren": 0.2}),
    overrides={
        "E010": [("name", "株式会社東北ファインセラミクス", "typo", "ッ dropped (セラミクス)")],
        "E001": [("address", "old", "old_address", "address on file from before the 2020 move to 東台")],
        "E308": [("name", "株式会社岩手ビジネスシステムズ", "typo", "a plural ズ added")],
        "E041": [("name", "アサヒ樹脂株式会社", "variant_script",
                  "旭 written in katakana; only the 奥州 address tells it from アサヒ樹脂工業 (一関), also in this list")],
        "E030": [("former_name", True, "old_name", "member since before the 2021 rename; never updated"),
                 ("kana", "イチノセキデンシコウギョウ", "old_name", "and the フリガナ of the old name")],
        "E059": [("name", "サンユウデンキ", "kana_name", "name field holds the katakana reading only")],
        "E047": [("name", "ナカザトカガク（株）", "kana_name", "katakana reading with the legal form")],
        "E131": [("name", "センマヤデンシ", "kana_name", "katakana reading only; address is the new one")],
        "E310": [("name", "株式会社齊藤精機", "variant_kanji", "齋 written as the variant 齊")],
        "E009": [("phone", "old", "old_phone", "phone on file from before the 2023 move")],
    }))

# L08 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L08", file="08_北上川流域ものづくりネットワーク_会員リスト.xlsx", fmt="xlsx",
    style=dict(abbr={"fwparen": 0.6, "full": 0.4}, space=0.2, space_char="\u3000"),
    damage=DAMAGE_JIS_GLYPH,  # the network's database keeps JIS X 0208 only: 髙 and 﨑 are stored as 高 and 崎
    overrides={
        "E007": [("name", "両盤プラスチック（株）", "typo", "磐 typed as the look-alike 盤")],
        "E017": [("name", "（株）熊谷鐵工", "variant_kanji", "鉄 written in the old form 鐵")],
        "E057": [("name", "一関鉄工協組", "abbreviation", "協同組合 abbreviated to 協組")],
        "E215": [("former_name", True, "old_name", "renamed 2023 (北上半導体 → 北上セミコンダクター); list from 2022")],
        "E239": [("name", "（株）金ケ崎プレス", "variant_kana", "registered with small ヶ; the list writes ケ")],
        "E001": [("corp", "digit", "wrong_corporate_number", "last digit mistyped")],
        "E088": [("corp", "E087", "wrong_corporate_number",
                  "法人番号 of 伊藤製作所 (一関) given for 伊東製作所 (奥州): wrong search hit")],
        "E113": [("corp", "drop", "missing_corporate_number", "no 法人番号")],
    }))

# L09 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L09", file="09_いわて自動車関連産業集積促進協議会_会員名簿.csv", fmt="csv", encoding="cp932", bom=False,
    newline="\r\n", style=dict(abbr={"full": 0.7, "paren": 0.3}, flip=0.02),
    damage=DAMAGE_JIS_QMARK,
    building={"E100": "研究開発棟②"},
    overrides={
        "E035": [("name", "株式会社岩手ダイキャスト", "variant_spelling",
                  "ダイカスト written ダイキャスト, as the name of 北上ダイキャスト in the same list")],
        "E052": [("name", "県南銀行", "abbreviation", "bank written by its short name, no いわて, no legal form")],
        "E186": [("address", "old", "old_address", "the head office moved to 胆沢 in 2019; list has 水沢")],
        "E073": [("name", "株式会社佐々木精蜜", "typo", "密 typed as the look-alike 蜜")],
        "E081": [("name", "株式会社岩井護謨工業", "variant_script", "ゴム written in the old kanji 護謨")],
        "E030": [("former_name", True, "old_name", "listed under the pre-2021 name 一関電子工業")],
        "E201": [("former_name", True, "old_name", "listed under the pre-2020 name 奥州ハーネス")],
        "E236": [("former_name", True, "old_name", "listed under the pre-2016 name 金ケ崎部品工業")],
        "E275/一関工場": [("former_name", True, "old_name", "plant listed under the parent's pre-2020 name")],
        "E137": [("phone", "parent", "shared_phone_parent",
                  "subsidiary given with the parent's head-office number (group switchboard)")],
        "E229": [("name", "ＫＳ電子株式会社", "romaji_abbreviation", "ケイエス written as the full-width letters ＫＳ")],
    }))

# L10 ---------------------------------------------------------------------------------------------------------
SPECS.append(dict(
    id="L10", file="10_いわて半導体関連産業集積促進協議会_会員一覧.csv", fmt="csv", encoding="utf-8", bom=True,
    newline="\r\n", style=dict(abbr={"full": 0.5, "paren": 0.25, "circ": 0.15, "fwparen": 0.10}, flip=0.04,
                               halfkana=0.08, nodot=0.3),
    overrides={
        "E221": [("name", "(株)北上クリンテック", "typo", "長音 ー dropped")],
        "E249": [("name", "両磐産技財団", "abbreviation", "一般財団法人両磐産業技術振興財団 by its short name")],
        "E123": [("name", "東盤セラミックス株式会社", "typo", "磐 typed as the look-alike 盤")],
        "E022": [("former_name", True, "old_name", "member since 2010 under 岩手情報技術; the 2015 rename never sent")],
        "E062": [("address", "old", "old_address", "moved to 萩荘 in 2022; list has the 中里 address")],
        "E003": [("name", "Iwai Denshi Co., Ltd.", "romaji_name", "head office entered under its English name")],
        "E215": [("name", "Kitakami Semiconductor Co., Ltd.", "romaji_name", "English name only")],
        "E273/北上工場": [("name", "Minato Techtron Corp. Kitakami Plant", "romaji_name",
                       "English name and plant; the 一関事業所 row of the same company is in Japanese")],
        "E276": [("name", "日本マイクロデバイス株式会社 東北", "group_under_parent_name",
                  "the subsidiary written as its parent plus 東北; only address and phone are its own")],
        "E004": [("phone", "parent", "shared_phone_parent", "the group's switchboard instead of its own number")],
        "E310": [("name", "(株)斉藤精機", "variant_kanji", "齋 written as 斉")],
        "E061": [("name", "MKテクノ株式会社", "romaji_abbreviation", "エム・ケー written as the letters MK")],
    }))


# ------------------------------------------------------------------------------------------------------------
def build_L01(b):
    b.pre = [["一関商工会議所　工業部会　会員名簿", "", "", "", "", ""], ["令和6年4月1日現在", "", "", "", "", "（敬称略）"],
             ["", "", "", "", "", ""]]
    b.header = ["No.", "事業所名", "代表者", "郵便番号", "所在地", "電話番号"]
    heads = ["【金属・機械】", "【電気・電子・情報】", "【化学・窯業・プラスチック】", "【食品・木材・印刷・繊維】",
             "【建設・設備・運輸・サービス】"]
    us = b.ordered("kana")
    no = 0
    for g in range(5):
        grp = [u for u in us if IND_GROUP.get(u["ind"], 4) == g]
        if g:
            b.add_other("blank", [""] * 6)
        b.add_other("heading", ["", heads[g], "", "", "", ""])
        for u in grp:
            no += 1
            cases = []
            nm = b.name(u, cases, with_site="fwspace")
            t, rep = b.rep(u, cases)
            rep = t + " " + rep.replace(" ", "")
            addr = b.address(u, cases, "city", banchi=0.5)
            ph = b.phone(u, cases, {"std": 0.85, "paren": 0.15})
            b.add_member(u, [str(no), nm, rep, "〒" + u["_postal"], addr, ph], cases)
    b.add_other("blank", [""] * 6)
    b.add_other("total", ["", "会員数　合計　%d事業所" % no, "", "", "", ""])
    b.add_other("note", ["※掲載は会員の同意を得たものに限ります。", "", "", "", "", ""])
    b.add_other("note", ["※所在地・電話番号は令和6年3月末日現在の届出によります。", "", "", "", "", ""])


def build_L02(b):
    b.pre = [["一関東工業団地企業連絡協議会　会員企業一覧"], ["令和6年5月現在"], []]
    b.header = ["会員番号", "企業名", "事業所名", "所在地", "電話番号", "事業所代表者"]
    us = b.ordered("joined")
    for i, u in enumerate(us, 1):
        cases = []
        nm = b.name(u, cases)
        if u["site"]:
            site = u["site"]
        elif ENT[u["eid"]]["industry"] in IND_GROUP and b.r.random() < 0.45:
            site = b.r.choice(["本社工場", "本社"])
            cases.append(("hq_labelled_as_site", "head office row has 事業所名 %s (truth: site empty)" % site))
        else:
            site = ""
        addr = b.address(u, cases, "city", banchi=0.3)
        ph = b.phone(u, cases, {"std": 0.6, "num": 0.4})
        t, rep = b.rep(u, cases)
        b.add_member(u, [i, nm, site, addr, ph, t + "　" + rep.replace(" ", "")], cases)
    b.add_other("blank", [])
    b.add_other("total", ["", "会員数　%d社" % len(us)])
    b.add_other("note", ["※事業所名が空欄の会員は、本社が団地内にあります。"])
    b.sheets2 = [("役員", [["役職", "氏名", "所属"], ["会長", ENT["E026"]["representative"], ENT["E026"]["name"]],
                          ["副会長", ENT["E035"]["representative"], ENT["E035"]["name"]],
                          ["監事", ENT["E076"]["representative"], ENT["E076"]["name"]]])]


def build_L03(b):
    b.pre = []
    b.header = ["会員名", "代表者", "住所", "TEL", "FAX", "備考"]
    us = b.ordered("kana")
    fr = rng("fax-L03")
    for u in us:
        cases = []
        nm = b.name(u, cases, with_site="space")
        t, rep = b.rep(u, cases)
        addr = b.address(u, cases, "nocity", banchi=0.4)
        ph = b.phone(u, cases, {"std": 1.0})
        fax = ph[:-4] + "%04d" % fr.randrange(1000, 10000) if fr.random() < 0.8 else ""
        note = ""
        if u["joined"] >= "2023-04":
            note = "新入会"
        b.add_member(u, [nm, (t + " " if fr.random() < 0.5 else "") + rep, addr, ph, fax, note], cases)
    b.add_other("blank", [""] * 6)
    b.add_other("total", ["以上　%d会員" % len(us), "", "", "", "", ""])
    b.add_other("note", ["事務局：花泉地域企業連絡協議会事務局（一関市花泉支所内）", "", "", "", "", ""])


def build_L04(b):
    b.pre = [["千厩町工業クラブ　会員名簿", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "令和6年度"]]
    b.header = ["No", "会社名", "工場・事業所", "〒", "住所1", "住所2", "電話", "業種"]
    us = b.ordered("joined")
    for i, u in enumerate(us, 1):
        if i == 21:
            b.add_other("repeated_header", list(b.header))
        cases = []
        nm = b.name(u, cases)
        site = u["site"]
        if not site and u["ind"] in IND_GROUP and b.r.random() < 0.25:
            site = "本社"
            cases.append(("hq_labelled_as_site", "head office row has 工場・事業所 本社 (truth: site empty)"))
        a1, a2 = b.address(u, cases, "split", banchi=0.2)
        ph = b.phone(u, cases, {"std": 0.6, "noarea": 0.4})
        b.add_member(u, [str(i), nm, site, u["_postal"], a1, a2, ph, SHORT_IND[u["ind"]]], cases)
    b.add_other("blank", [""] * 8)
    b.add_other("total", ["", "会員数計", str(len(us)), "", "", "", "", ""])
    b.add_other("note", ["", "※住所1・住所2は宛名印刷用です。", "", "", "", "", "", ""])


def build_L05(b):
    b.pre = []
    b.header = ["会員名", "代表者", "所在地", "電話", "入会"]
    us = b.ordered("shuffle")
    for i, u in enumerate(us, 1):
        if i == 9:
            b.add_other("blank", [""] * 5)
        cases = []
        nm = b.name(u, cases, with_site="space")
        t, rep = b.rep(u, cases)
        addr = b.address(u, cases, "city")
        ph = b.phone(u, cases, {"std": 0.7, "paren_area": 0.3})
        y, m = int(u["joined"][:4]), int(u["joined"][5:])
        b.add_member(u, [nm, rep, addr, ph, wareki(y, m, "y")], cases)
    b.add_other("total", ["計", "%d" % len(us), "", "", ""])


def build_L06(b):
    b.pre = [["一関工業高等専門学校教育研究振興会　会員名簿"], ["（令和6年6月1日現在）"]]
    b.header = ["No.", "企業・団体名", "代表者役職", "代表者氏名", "所在地", "法人番号", "入会年度"]
    us = b.ordered("joined")
    special = [u for u in us if u["ind"] in ("銀行業・協同組織金融業", "経済団体・協同組合", "学校教育")]
    regular = [u for u in us if u not in special]
    no = 0
    for title, grp in (("【正会員】", regular), ("【特別会員】（金融機関・団体）", special)):
        b.add_other("heading", ["", title])
        for u in grp:
            no += 1
            cases = []
            nm = b.name(u, cases, with_site="space")
            t, rep = b.rep(u, cases, stale=True)
            addr = b.address(u, cases, "full", banchi=0.5)
            c = b.corp(u, cases)
            y, m = int(u["joined"][:4]), int(u["joined"][5:])
            cval = int(c) if c and b.r.random() < 0.7 else c
            if isinstance(cval, int):
                pass
            b.add_member(u, [no, nm, t, rep, addr, cval, wareki(y, m, "fy")], cases)
        b.add_other("total", ["", "%s　計" % title.strip("【】").split("】")[0], len(grp)])
    b.add_other("total", ["", "合　計", no])
    b.add_other("blank", [])
    b.add_other("note", ["※法人番号は国税庁法人番号公表サイトで確認したものです。"])


def build_L07(b):
    b.pre = []
    b.header = ["会員No", "会員名", "フリガナ", "郵便番号", "住所", "電話番号", "入会年月"]
    us = b.ordered("joined")
    for i, u in enumerate(us, 1):
        cases = []
        nm = b.name(u, cases, with_site="nl")
        kana = ENT[u["eid"]]["kana"]
        kov, kcase = b.o(key(u["eid"], u["site"]), "kana")
        if kov is not None:
            kana = kov
        if b.r.random() < 0.3:
            kana = to_halfkana(kana)
        addr = b.address(u, cases, "full", banchi=0.3)
        ph = b.phone(u, cases, {"std": 0.8, "nodash": 0.2})
        b.add_member(u, ["S-%03d" % i, nm, kana, u["_postal"], addr, ph, u["joined"].replace("-", "/")], cases)
    b.add_other("blank", [""] * 7)
    b.add_other("note", ["※入会年月は賛助会費の初回納入月です。", "", "", "", "", "", ""])


CITY_ORDER = ["一関市", "西磐井郡平泉町", "奥州市", "胆沢郡金ケ崎町", "北上市", "花巻市", "盛岡市"]


def build_L08(b):
    b.pre = [["北上川流域ものづくりネットワーク　会員リスト（製造業等）"]]
    b.header = ["No", "会員名", "所在市町村", "業種", "法人番号", "電話番号"]
    us = b.ordered("kana")
    no = 0
    for city in CITY_ORDER:
        grp = [u for u in us if u["city"] == city]
        if not grp:
            continue
        b.add_other("heading", ["", "■" + city.replace("西磐井郡", "").replace("胆沢郡", "")])
        for u in grp:
            no += 1
            cases = []
            nm = b.name(u, cases, with_site="space")
            cty = b.address(u, cases, "cityonly")
            c = b.corp(u, cases)
            if c and b.r.random() < 0.1:
                c = ""
                cases.append(("missing_corporate_number", "no 法人番号"))
            ph = b.phone(u, cases, {"std": 0.9, "nodash": 0.1})
            b.add_member(u, [no, nm, cty, SHORT_IND[u["ind"]], c, ph], cases)
    b.add_other("total", ["", "計　%d会員" % no])
    b.add_other("note", ["※会員の同意を得て掲載しています。"])


def build_L09(b):
    b.pre = [["いわて自動車関連産業集積促進協議会　会員名簿", "", "", "", ""], ["", "", "", "", "令和6年3月31日現在"]]
    b.header = ["区分", "企業・団体名", "所在地", "電話", "主要製品・業務"]
    us = b.ordered("kana")
    region = {"ICH": 0, "EST": 0, "HAN": 0, "DAI": 0, "SEN": 0, "HIG": 0, "KAW": 0, "MUR": 0, "FUJ": 0, "HIR": 0,
              "OSH": 1, "KAN": 1, "KIT": 2, "HNM": 2, "MRI": 2, "KUR": 4, "TOM": 4}
    heads = ["■県内企業（一関・平泉地区）", "■県内企業（奥州・金ケ崎地区）", "■県内企業（北上・花巻・盛岡地区）",
             "■県外本社企業（県内事業所）", "■宮城県北企業", "■支援機関・金融機関"]

    def sect(u):
        e = ENT[u["eid"]]
        if u["ind"] in ("銀行業・協同組織金融業", "経済団体・協同組合", "学校教育"):
            return 5
        if e["area"] in region:
            return region[e["area"]] if region[e["area"]] != 4 else 4
        return 3
    tot = 0
    for g in range(6):
        grp = [u for u in us if sect(u) == g]
        if not grp:
            continue
        b.add_other("heading", ["", heads[g], "", "", ""])
        for u in grp:
            tot += 1
            cases = []
            nm = b.name(u, cases, with_site="paren")
            addr = b.address(u, cases, "full")
            ph = b.phone(u, cases, {"std": 0.9, "paren": 0.1})
            prods = PRODUCTS.get(u["ind"], [SHORT_IND[u["ind"]]])
            pr = b.r.sample(prods, min(len(prods), b.r.choice([1, 1, 2])))
            if len(pr) > 1:
                cases.append(("multiline_record", "line break inside the quoted 主要製品 cell: one record, two lines"))
            kubun = "賛助会員" if g == 5 else "正会員"
            b.add_member(u, [kubun, nm, addr, ph, "\n".join(pr)], cases)
    b.add_other("blank", [""] * 5)
    b.add_other("total", ["", "会員数　%d" % tot, "", "", ""])
    b.add_other("note", ["", "※（　）内は岩手県内の事業所名", "", "", ""])


BUILDINGS = ["テクノプラザ一関 2F", "北上オフィスプラザ 3F", "奥州ビジネスセンター 1F", "第2工場棟①", "研究開発棟②"]


def build_L10(b):
    b.pre = []
    b.header = ["番号", "会員名", "郵便番号", "住所", "TEL", "代表者", "設立"]
    us = b.ordered("kana")
    for i, u in enumerate(us, 1):
        cases = []
        nm = b.name(u, cases, with_site="space")
        addr = b.address(u, cases, "full", fw=0.25)
        if b.r.random() < 0.07:
            addr = addr + "\n" + b.r.choice(BUILDINGS)
            cases.append(("multiline_record", "address cell holds a second line (building): one record, two lines"))
        ph = b.phone(u, cases, {"std": 0.75, "paren": 0.15, "fw": 0.10})
        t, rep = b.rep(u, cases)
        f = ENT[u["eid"]]["founded"]
        y, m = int(f[:4]), int(f[5:])
        stl = b.r.choice(["ym", "short", "west", "westym"])
        fd = {"ym": lambda: wareki(y, m, "ym"), "short": lambda: wareki(y, m, "short"),
              "west": lambda: "%d年" % y, "westym": lambda: "%d年%d月" % (y, m)}[stl]()
        if u["site"]:
            t, fd = u["rep_title"], ""
        b.add_member(u, [str(i), nm, "〒" + u["_postal"] if b.r.random() < 0.3 else u["_postal"], addr, ph,
                         t + " " + rep, fd], cases)
    b.add_other("blank", [""] * 7)
    b.add_other("total", ["", "会員数　%d" % len(us), "", "", "", "", ""])
    b.add_other("note", ["", "※番号は五十音順", "", "", "", "", ""])


BUILD = {"L01": build_L01, "L02": build_L02, "L03": build_L03, "L04": build_L04, "L05": build_L05,
         "L06": build_L06, "L07": build_L07, "L08": build_L08, "L09": build_L09, "L10": build_L10}


# ------------------------------------------------------------------------------------------------------------
# writers
def write_csv(b, spec, path):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter="\t" if spec["fmt"] == "tsv" else ",", lineterminator=spec["newline"],
                   quoting=csv.QUOTE_MINIMAL)
    for row in b.pre:
        w.writerow(row)
    w.writerow(b.header)
    for rec in b.body:
        w.writerow(["" if c is None else str(c) for c in rec["cells"]])
    text = buf.getvalue()
    data = text.encode(spec["encoding"], errors="strict")
    if spec.get("bom"):
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)
    return len(b.pre) + 1  # record number of the header


def write_xlsx(b, spec, path):
    wb = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False,
                                    "strings_to_urls": False})
    wb.set_properties({"created": datetime.datetime(2024, 5, 1, 9, 0, 0), "author": "事務局", "title": spec["id"]})
    ws = wb.add_worksheet("会員一覧" if spec["id"] != "L06" else "名簿")
    bold = wb.add_format({"bold": True})
    r = 0
    for row in b.pre:
        for c, v in enumerate(row):
            ws.write_string(r, c, v, bold)
        r += 1
    hdr = r
    for c, v in enumerate(b.header):
        ws.write_string(r, c, v, bold)
    r += 1
    for rec in b.body:
        for c, v in enumerate(rec["cells"]):
            if v is None or v == "":
                continue
            if isinstance(v, int):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, v)
        r += 1
    ws.set_column(1, 1, 34)
    ws.set_column(2, 6, 18)
    for name, rows in getattr(b, "sheets2", []):
        ws2 = wb.add_worksheet(name)
        for i, row in enumerate(rows):
            for c, v in enumerate(row):
                ws2.write_string(i, c, v)
    wb.close()
    return hdr + 1  # spreadsheet row (1-based) of the header


def main():
    os.makedirs(OUT, exist_ok=True)
    for fn in sorted(os.listdir(OUT)):
        os.remove(os.path.join(OUT, fn))
    truth = ["file,row,entity_id,site"]
    fails = ["class\tfile\trow\tentity_id\tsite\twhat_makes_it_hard"]
    nonm = ["file\trow\tkind\ttext"]
    layout = ["file\tformat\tencoding\tbom\tnewline\theader_at\tmember_rows\tother_rows\tsheet"]
    totals = {}
    for spec in SPECS:
        b = ListBuilder(spec)
        BUILD[spec["id"]](b)
        b.check_overrides()
        path = os.path.join(OUT, spec["file"])
        if spec["fmt"] == "xlsx":
            hdr = write_xlsx(b, spec, path)
        else:
            hdr = write_csv(b, spec, path)
        nmem = nother = 0
        seen = set()
        for i, rec in enumerate(b.body, 1):
            if rec["kind"] == "member":
                nmem += 1
                k = (rec["eid"], rec["site"])
                assert k not in seen, (spec["id"], k)
                seen.add(k)
                truth.append("%s,%d,%s,%s" % (spec["file"], i, rec["eid"], rec["site"]))
                done = set()
                for cls, why in rec["cases"]:
                    if (cls, why) in done:
                        continue
                    done.add((cls, why))
                    fails.append("\t".join([cls, spec["file"], str(i), rec["eid"], rec["site"], why]))
            else:
                nother += 1
                text = next((str(c) for c in rec["cells"] if str(c).strip()), "")
                nonm.append("\t".join([spec["file"], str(i), rec["kind"], text.replace("\n", " ")]))
        assert nmem == len(b.members), (spec["id"], nmem, len(b.members))
        nl = {"\r\n": "CRLF", "\n": "LF"}.get(spec.get("newline"), "")
        layout.append("\t".join([spec["file"], spec["fmt"], spec.get("encoding", "xlsx"),
                                 "yes" if spec.get("bom") else "no", nl, str(hdr), str(nmem), str(nother),
                                 "1" if spec["fmt"] == "xlsx" else ""]))
        totals[spec["file"]] = (nmem, nother)
    for name, lines in (("truth.csv", truth), ("failure_cases.tsv", fails), ("nonmember_rows.tsv", nonm),
                        ("layout.tsv", layout)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
    for fn, (m, o) in totals.items():
        print("%-60s members %4d  other %3d" % (fn, m, o))
    print("member rows", len(truth) - 1, "non-member rows", len(nonm) - 1, "failure cases", len(fails) - 1)


if __name__ == "__main__":
    main()
