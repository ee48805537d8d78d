#!/usr/bin/python3
"""Build the delivered member lists and truth.csv of the resolve_unseen evaluation set.

Inputs (hand-written, in this directory):
  entities.tsv        the universe of legal entities
  sites.tsv           plants / branches / offices of those entities (not entities)
  memberships.tsv     which entity (or which site of it) is a member of which list
  places.tsv          postal codes of the towns used
  lists/NN_CODE.spec  per-list file name, encoding and row overrides (failure cases)
  confusable_pairs.tsv  pairs of different entities that look alike (read for the report)

Outputs:
  delivered/<file>    the ten lists as an association would send them
  truth.csv           file,row,entity_id,site for every member row
  failure_cases.tsv   every documented hard row (classes a-f and Excel damage)
  README.md           the block between the FAILURE-TABLE markers is regenerated

Every variation is drawn from random.Random(SEED|list|entity|site|purpose): the same input
gives byte-identical output.  Run with /usr/bin/python3 (needs python3-xlsxwriter).
"""
import csv
import datetime
import io
import os
import random
import re
import sys
import unicodedata

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'delivered')
SEED = 'renkei/resolve_unseen/2026-04'

# ----------------------------------------------------------------------------------------
# Loading
# ----------------------------------------------------------------------------------------


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t'))


ENT = {r['entity_id']: r for r in read_tsv('entities.tsv')}
SITES = {}
for r in read_tsv('sites.tsv'):
    SITES[(r['entity_id'], r['site'])] = r
PLACES = read_tsv('places.tsv')
MEMBERS = {}
for r in read_tsv('memberships.tsv'):
    MEMBERS.setdefault(r['list'], []).append((r['entity_id'], r['site']))
CITIES = sorted({e['city'] for e in ENT.values()}, key=len, reverse=True)


def load_spec(path):
    meta, rows = {}, {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            if line.startswith('row '):
                parts = [p.strip() for p in line[4:].split(' | ')]
                key = parts[0]
                eid, _, site = key.partition('@')
                ov = {}
                for p in parts[1:]:
                    k, _, v = p.partition('=')
                    ov[k.strip()] = v.strip()
                rows[(eid, site)] = ov
            else:
                k, _, v = line.partition(':')
                meta[k.strip()] = v.strip()
    return meta, rows


SPECS = {}
for fn in sorted(os.listdir(os.path.join(HERE, 'lists'))):
    if fn.endswith('.spec'):
        meta, rows = load_spec(os.path.join(HERE, 'lists', fn))
        SPECS[meta['code']] = (meta, rows)
LIST_ORDER = [c for c in ['CCI', 'HGS', 'HNZ', 'SEN', 'FJS', 'KSN', 'KEN', 'KTK', 'HDT', 'JDS']]


def rng_for(*parts):
    return random.Random('|'.join([SEED] + [str(p) for p in parts]))


def pick(rng, weights):
    """weights: dict value -> weight (insertion order is significant and fixed)."""
    items = list(weights.items())
    total = sum(w for _, w in items)
    x = rng.random() * total
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


# ----------------------------------------------------------------------------------------
# Corporate numbers
# ----------------------------------------------------------------------------------------


def check_digit(base12):
    s = 0
    for n, ch in enumerate(reversed(base12), start=1):
        s += int(ch) * (1 if n % 2 else 2)
    return str(9 - s % 9)


def corp_valid(num):
    return len(num) == 13 and num.isdigit() and check_digit(num[1:]) == num[0]


def excel_general(num):
    """How Excel's General format shows a 13-digit number in a default-width column."""
    x = int(num)
    exp = len(num) - 1
    mant = round(x / 10 ** exp, 5)
    s = ('%.5f' % mant).rstrip('0').rstrip('.')
    return '%sE+%02d' % (s, exp)


# ----------------------------------------------------------------------------------------
# Character-level helpers
# ----------------------------------------------------------------------------------------

KYUJI_TO_SHINJI = {'髙': '高', '﨑': '崎', '德': '徳', '𠮷': '吉'}

_HALF = {}
for cp in range(0xFF61, 0xFFA0):
    full = unicodedata.normalize('NFKC', chr(cp))
    if len(full) == 1 and full not in _HALF:
        _HALF[full] = chr(cp)


def to_halfkana(s):
    out = []
    for ch in s:
        if ch in _HALF:
            out.append(_HALF[ch])
            continue
        d = unicodedata.normalize('NFD', ch)
        if len(d) == 2 and d[0] in _HALF and d[1] in ('\u3099', '\u309a'):
            out.append(_HALF[d[0]] + ('ﾞ' if d[1] == '\u3099' else 'ﾟ'))
        elif ch == 'ヴ':
            out.append('ｳﾞ')
        else:
            out.append(ch)
    return ''.join(out)


SMALL_TO_LARGE = str.maketrans('ァィゥェォッャュョヮ', 'アイウエオツヤユヨワ')


def bank_kana(kana):
    """Zengin (bank transfer) style: large kana only, half-width, long vowel as '-'."""
    return to_halfkana(kana.translate(SMALL_TO_LARGE).replace('ー', '-').replace('・', '.'))


def to_zen(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0x21 <= o <= 0x7E:
            out.append(chr(o + 0xFEE0))
        elif ch == ' ':
            out.append('　')
        else:
            out.append(ch)
    return ''.join(out)


def to_han_ascii(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            out.append(chr(o - 0xFEE0))
        else:
            out.append(ch)
    return ''.join(out)


def shinji(s):
    return ''.join(KYUJI_TO_SHINJI.get(c, c) for c in s)


KANJI_DIGITS = '〇一二三四五六七八九'


def kanji_num(n):
    n = int(n)
    if n == 0:
        return '〇'
    out = ''
    for unit, ch in ((1000, '千'), (100, '百'), (10, '十')):
        q, n = divmod(n, unit)
        if q:
            out += ('' if q == 1 else KANJI_DIGITS[q]) + ch
    if n:
        out += KANJI_DIGITS[n]
    return out


ROMAJI = {
    'キャ': 'kya', 'キュ': 'kyu', 'キョ': 'kyo', 'シャ': 'sha', 'シュ': 'shu', 'ショ': 'sho', 'チャ': 'cha',
    'チュ': 'chu', 'チョ': 'cho', 'ニャ': 'nya', 'ニュ': 'nyu', 'ニョ': 'nyo', 'ヒャ': 'hya', 'ヒュ': 'hyu',
    'ヒョ': 'hyo', 'ミャ': 'mya', 'ミュ': 'myu', 'ミョ': 'myo', 'リャ': 'rya', 'リュ': 'ryu', 'リョ': 'ryo',
    'ギャ': 'gya', 'ギュ': 'gyu', 'ギョ': 'gyo', 'ジャ': 'ja', 'ジュ': 'ju', 'ジョ': 'jo', 'ビャ': 'bya',
    'ビュ': 'byu', 'ビョ': 'byo', 'ピャ': 'pya', 'ピュ': 'pyu', 'ピョ': 'pyo', 'ティ': 'ti', 'ディ': 'di',
    'ファ': 'fa', 'フィ': 'fi', 'フェ': 'fe', 'フォ': 'fo', 'ウェ': 'we', 'ウィ': 'wi', 'デュ': 'dyu',
    'ア': 'a', 'イ': 'i', 'ウ': 'u', 'エ': 'e', 'オ': 'o', 'カ': 'ka', 'キ': 'ki', 'ク': 'ku', 'ケ': 'ke',
    'コ': 'ko', 'サ': 'sa', 'シ': 'shi', 'ス': 'su', 'セ': 'se', 'ソ': 'so', 'タ': 'ta', 'チ': 'chi',
    'ツ': 'tsu', 'テ': 'te', 'ト': 'to', 'ナ': 'na', 'ニ': 'ni', 'ヌ': 'nu', 'ネ': 'ne', 'ノ': 'no',
    'ハ': 'ha', 'ヒ': 'hi', 'フ': 'fu', 'ヘ': 'he', 'ホ': 'ho', 'マ': 'ma', 'ミ': 'mi', 'ム': 'mu',
    'メ': 'me', 'モ': 'mo', 'ヤ': 'ya', 'ユ': 'yu', 'ヨ': 'yo', 'ラ': 'ra', 'リ': 'ri', 'ル': 'ru',
    'レ': 're', 'ロ': 'ro', 'ワ': 'wa', 'ヲ': 'o', 'ン': 'n', 'ガ': 'ga', 'ギ': 'gi', 'グ': 'gu',
    'ゲ': 'ge', 'ゴ': 'go', 'ザ': 'za', 'ジ': 'ji', 'ズ': 'zu', 'ゼ': 'ze', 'ゾ': 'zo', 'ダ': 'da',
    'ヂ': 'ji', 'ヅ': 'zu', 'デ': 'de', 'ド': 'do', 'バ': 'ba', 'ビ': 'bi', 'ブ': 'bu', 'ベ': 'be',
    'ボ': 'bo', 'パ': 'pa', 'ピ': 'pi', 'プ': 'pu', 'ペ': 'pe', 'ポ': 'po', 'ヴ': 'vu',
}


def romaji(kana):
    out, i, double = [], 0, False
    while i < len(kana):
        two, one = kana[i:i + 2], kana[i]
        if one == 'ッ':
            double = True
            i += 1
            continue
        if one in 'ー・ 　':
            i += 1
            continue
        r = ROMAJI.get(two)
        if r:
            i += 2
        else:
            r = ROMAJI.get(one, '')
            i += 1
        if double and r:
            r = r[0] + r
            double = False
        out.append(r)
    return ''.join(out)


# ----------------------------------------------------------------------------------------
# Names
# ----------------------------------------------------------------------------------------

LEGAL_FORMS = ['一般社団法人', '公益財団法人', '株式会社', '有限会社', '合同会社', '合資会社', '協同組合']
ABBR = {
    '株式会社': {'paren': '(株)', 'zparen': '（株）', 'circ': '㈱', 'hkana': ('ｶ)', '(ｶ'), 'kana': ('カ)', '(カ')},
    '有限会社': {'paren': '(有)', 'zparen': '（有）', 'circ': '㈲', 'hkana': ('ﾕ)', '(ﾕ')},
    '合同会社': {'paren': '(同)', 'zparen': '（同）', 'circ': '(同)', 'hkana': ('ﾄﾞ)', '(ﾄﾞ')},
    '合資会社': {'paren': '(資)', 'zparen': '（資）', 'circ': '㈾', 'hkana': ('ｼ)', '(ｼ')},
    '協同組合': {'paren': '(協)', 'zparen': '（協）', 'circ': '(協)', 'hkana': ('ｷﾖｳｸﾐ)', '(ｷﾖｳｸﾐ')},
    '一般社団法人': {'paren': '(一社)', 'zparen': '（一社）', 'circ': '(一社)', 'hkana': ('ｼﾔ)', '(ｼﾔ')},
    '公益財団法人': {'paren': '(公財)', 'zparen': '（公財）', 'circ': '(公財)', 'hkana': ('ｻﾞｲ)', '(ｻﾞｲ')},
}
FORM_KANA = {'株式会社': 'カブシキガイシャ', '有限会社': 'ユウゲンガイシャ', '合同会社': 'ゴウドウガイシャ',
             '協同組合': 'キョウドウクミアイ', '一般社団法人': 'イッパンシャダンホウジン'}
CORE_SUFFIXES = ['製作所', '鉄工所', '精工', '精機', '精密', '工業', '電子', '電機', '化成', '建設', '木材',
                 '製材所', '産業', '食品', '縫製', '鋳造所', '板金']


def split_legal(name):
    for f in LEGAL_FORMS:
        if name.startswith(f):
            return f, name[len(f):], 'pre'
        if name.endswith(f):
            return f, name[:-len(f)], 'post'
    return None, name, None


def style_name(name, rng, st, ov=None):
    """Render an official name the way a list writes it.

    st keys: forms (weights over official/paren/zparen/circ/hkana/drop), misplace (prob),
    sep (weights over '', ' ', '　'), width ('zen'/'han'), shinji (prob), halfkana (prob),
    corespace (prob of a space before the trade word)."""
    ov = ov or {}
    form, core, pos = split_legal(name)
    fstyle = ov.get('form') or pick(rng, st.get('forms', {'official': 1}))
    misplace = rng.random() < st.get('misplace', 0)
    sep = pick(rng, st.get('sep', {'': 1}))
    if rng.random() < st.get('shinji', 0) or ov.get('shinji') == '1':
        core = shinji(core)
    if (rng.random() < st.get('halfkana', 0) or ov.get('halfkana') == '1'):
        core = to_halfkana(core)
    if rng.random() < st.get('corespace', 0):
        for suf in CORE_SUFFIXES:
            if core.endswith(suf) and len(core) > len(suf):
                core = core[:-len(suf)] + ' ' + suf
                break
    width = ov.get('width') or st.get('width')
    if width == 'zen':
        core = to_zen(core)
    elif width == 'han':
        core = to_han_ascii(core)
    if form is None:
        return core
    if ov.get('pos'):
        newpos = ov['pos']
    else:
        newpos = ({'pre': 'post', 'post': 'pre'}[pos]) if misplace else pos
    if fstyle == 'drop':
        return core
    if fstyle == 'official':
        f = form
    elif fstyle in ('hkana', 'kana'):
        pre, post = ABBR[form][fstyle]
        return pre + core if newpos == 'pre' else core + post
    else:
        f = ABBR[form][fstyle]
    return f + sep + core if newpos == 'pre' else core + sep + f


def entity_kana(eid, ov=None):
    return (ov or {}).get('kana') or ENT[eid]['kana']


# ----------------------------------------------------------------------------------------
# Addresses
# ----------------------------------------------------------------------------------------

URBAN = {('一関市', t) for t in ['大町', '地主町', '上大槻街', '大手町', '田村町', '南新町', '五代町', '桜木町',
                                  '駅前', '旭町', '青葉', '山目町']}
URBAN |= {('奥州市', '水沢東大通り'), ('盛岡市', '中央通'), ('盛岡市', '盛岡駅西通'), ('北上市', '九年橋'),
          ('北上市', '青柳町'), ('北上市', '常盤台'), ('仙台市泉区', '明通'), ('仙台市宮城野区', '扇町'),
          ('仙台市若林区', '卸町東'), ('気仙沼市', '田中前'), ('大田区', '大森南'), ('中央区', '日本橋本町'),
          ('千代田区', '神田須田町'), ('品川区', '南大井'), ('相模原市中央区', '田名'), ('大阪市淀川区', '西中島'),
          ('諏訪市', '中洲'), ('川崎市川崎区', '殿町'), ('川口市', '領家'), ('厚木市', '森の里若宮')}

# Pre-merger forms: (city, prefix of the town part) -> (old municipality, rest-rule)
OLD_FORMS = [
    ('一関市', '花泉町', '西磐井郡花泉町'), ('一関市', '大東町', '東磐井郡大東町'),
    ('一関市', '千厩町', '東磐井郡千厩町'), ('一関市', '東山町', '東磐井郡東山町'),
    ('一関市', '川崎町', '東磐井郡川崎村'), ('一関市', '室根町', '東磐井郡室根村'),
    ('一関市', '藤沢町', '東磐井郡藤沢町'), ('奥州市', '水沢', '水沢市'), ('奥州市', '江刺', '江刺市'),
    ('奥州市', '前沢', '胆沢郡前沢町'), ('奥州市', '胆沢', '胆沢郡胆沢町'), ('奥州市', '衣川', '胆沢郡衣川村'),
]


class Addr:
    def __init__(self, pref, city, rest):
        self.pref, self.city = pref, city
        rest = rest.strip()
        self.building = ''
        if ' ' in rest:
            rest, self.building = rest.split(' ', 1)
        m = re.match(r'^(.*?)((?:第?\d+地割)?\d+(?:-\d+)*)$', rest)
        self.town, self.nums = (m.group(1), m.group(2)) if m else (rest, '')

    def district_prefix(self):
        for c, p, old in OLD_FORMS:
            if self.city == c and self.town.startswith(p):
                return p, old
        return None, None

    def postal(self):
        best = None
        for p in PLACES:
            if p['city'] == self.city and self.town.startswith(p['town_prefix']):
                if best is None or len(p['town_prefix']) > len(best['town_prefix']):
                    best = p
        if best is None:
            raise SystemExit('no postal code for %s %s' % (self.city, self.town))
        return best['postal_code']

    def is_urban(self):
        return '字' not in self.town and '地割' not in self.nums and (self.city, self.town) in URBAN


def parse_full_address(full):
    m = re.match(r'^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)(.*)$', full)
    pref, rest = m.group(1), m.group(2)
    for c in CITIES:
        if rest.startswith(c):
            return Addr(pref, c, rest[len(c):])
    raise SystemExit('unknown city in ' + full)


def render_nums(a, style):
    nums = a.nums
    if not nums:
        return ''
    if style == 'hyphen':
        return nums
    if style == 'zen':
        return to_zen(nums).replace('-', '－')
    m = re.match(r'^(第?\d+地割)?(.*)$', nums)
    chiwari, rest = m.group(1) or '', m.group(2)
    parts = rest.split('-')
    k = (lambda x: kanji_num(x)) if style == 'kanji' else (lambda x: x)
    if chiwari:
        cw = re.sub(r'\d+', lambda mm: k(mm.group(0)), chiwari)
        return cw + k(parts[0]) + ('番地' if style in ('banchi', 'kanji', 'banchi_no') else '') + \
            ('-'.join(k(p) for p in parts[1:]) if len(parts) > 1 else '')
    if a.is_urban():
        if len(parts) == 3:
            return '%s丁目%s番%s号' % (kanji_num(parts[0]), k(parts[1]), k(parts[2]))
        if len(parts) == 2:
            return '%s番%s号' % (k(parts[0]), k(parts[1]))
        return '%s番地' % k(parts[0])
    s = k(parts[0]) + '番地'
    if len(parts) >= 2:
        s += ('の' if style == 'banchi_no' else '') + k(parts[1])
    if len(parts) == 3:
        s += '-' + k(parts[2])
    return s


def render_address(a, rng, st, ov=None):
    """st keys: pref ('always'/'never'/'outside'), city ('always'/'drop_district'), drop_gun (prob),
    old (prob of pre-merger municipality), nums (weights over hyphen/banchi/banchi_no/kanji/zen),
    drop_aza (prob), building ('keep'/'drop')."""
    ov = ov or {}
    town = a.town
    if rng.random() < st.get('drop_aza', 0):
        town = town.replace('字', '')
    p, old = a.district_prefix()
    use_old = old and (rng.random() < st.get('old', 0) or ov.get('old') == '1')
    city = a.city
    if use_old:
        city = old
        town = town[len(p):]
    elif st.get('city') == 'drop_district' and p and a.city == '一関市':
        city = ''
    if city.endswith(('町', '村')) and '郡' in city and rng.random() < st.get('drop_gun', 0):
        city = city.split('郡', 1)[1]
    if city.endswith('金ケ崎町') and rng.random() < st.get('small_ke', 0):
        city = city.replace('金ケ崎町', '金ヶ崎町')
    pref = a.pref
    pm = st.get('pref', 'always')
    if pm == 'never' or (pm == 'outside' and a.pref == '岩手県') or \
            (pm == 'sometimes' and rng.random() >= st.get('pref_p', 0.5)):
        pref = ''
    nums = render_nums(a, pick(rng, st.get('nums', {'hyphen': 1})))
    bld = a.building if st.get('building', 'keep') == 'keep' else ''
    if bld and st.get('width') == 'zen':
        bld = to_zen(bld)
    s = pref + city + town + nums
    if bld:
        s += (st.get('bsep', '　') if st.get('width') == 'zen' else ' ') + bld
    return s, (pref, city, town, nums, a.building)


# ----------------------------------------------------------------------------------------
# Phones, people, titles
# ----------------------------------------------------------------------------------------


def render_phone(phone, rng, st, home='0191'):
    area, ex, num = phone.split('-')
    style = pick(rng, st)
    if style == 'local' and area != home:
        style = 'hyphen'
    if style == 'hyphen':
        return phone
    if style == 'paren':
        return '%s(%s)%s' % (area, ex, num)
    if style == 'local':
        return '%s-%s' % (ex, num)
    if style == 'zen':
        return to_zen(phone).replace('-', '－')
    if style == 'nodash':
        return area + ex + num
    if style == 'damaged':
        return (area + ex + num).lstrip('0')
    if style == 'daihyo':
        return phone + '(代)'
    raise ValueError(style)


def fax_of(phone):
    area, ex, num = phone.split('-')
    return '%s-%s-%04d' % (area, ex, (int(num) + 1) % 10000)


def render_person(name, rng, sep_weights, shinji_p=0.0):
    fam, giv = name.split(' ')
    if rng.random() < shinji_p:
        fam, giv = shinji(fam), shinji(giv)
    return fam + pick(rng, sep_weights) + giv


def title_of(eid):
    e = ENT[eid]
    form, core, _ = split_legal(e['name'])
    r = rng_for('title', eid)
    if '銀行' in e['name']:
        return '取締役頭取'
    if '信用金庫' in e['name']:
        return '理事長'
    if '森林組合' in e['name']:
        return '代表理事組合長'
    if form == '株式会社':
        return '代表取締役社長' if r.random() < 0.45 else '代表取締役'
    if form == '有限会社':
        return '取締役' if r.random() < 0.5 else '代表取締役'
    if form == '合同会社':
        return '代表社員'
    if form == '協同組合':
        return '理事長'
    if form == '一般社団法人':
        return '代表理事'
    return '代表'


def site_title(label):
    for k, t in (('工場', '工場長'), ('支店', '支店長'), ('営業所', '所長'), ('事業所', '事業所長'),
                 ('センター', 'センター長')):
        if k in label:
            return t
    return '所長'


SUPPORT_WORDS = ['金融', '建設', '土木', '運送', '物流', 'ソフトウェア', 'IT', '分析', '設備', '電気工事',
                 '印刷', '広告', '産業支援', '技術者派遣', 'ガス', '林業', '事業協同組合', '試験', 'Web', 'デザイン',
                 'さく井', '建築', '廃棄物', '卸']


def is_support(eid, site):
    ind = ENT[eid]['industry']
    if site and ('支店' in site):
        return True
    return any(w in ind for w in SUPPORT_WORDS)


def size_of(eid):
    """(employees, capital in 万円 or '') drawn once per entity from its form and region."""
    e = ENT[eid]
    r = rng_for('size', eid)
    form, _, _ = split_legal(e['name'])
    if '銀行' in e['name']:
        return 1450, 1200000
    if '信用金庫' in e['name']:
        return 380, ''
    if form is None:
        return (r.randint(2, 6), '') if not e['corporate_number'] else (r.randint(8, 40), '')
    if form in ('協同組合', '一般社団法人'):
        return r.randint(2, 12), ''
    if e['prefecture'] not in ('岩手県', '宮城県'):
        return r.randint(300, 2400), r.choice([10000, 30000, 45000, 98000, 120000])
    if form == '有限会社':
        return r.randint(3, 25), r.choice([300, 300, 500])
    if form == '合同会社':
        return r.randint(2, 10), r.choice([100, 300])
    x = r.random()
    if x < 0.45:
        return r.randint(5, 30), r.choice([300, 500, 1000, 1000])
    if x < 0.85:
        return r.randint(30, 120), r.choice([1000, 2000, 2000, 3000])
    return r.randint(120, 400), r.choice([3000, 4800, 5000, 9800])


def employees(eid):
    return size_of(eid)[0]


def capital(eid):
    return size_of(eid)[1]


CITY_ROMA = {'一関市': 'ichinoseki', '奥州市': 'oshu', '北上市': 'kitakami', '盛岡市': 'morioka',
             '西磐井郡平泉町': 'hiraizumi', '胆沢郡金ケ崎町': 'kanegasaki', '花巻市': 'hanamaki'}
_URLS = {}
_SEEN_HOSTS = set()
for _eid in sorted(ENT):
    _r = rng_for('url', _eid)
    if _r.random() < 0.35:
        _URLS[_eid] = ''
        continue
    _e = ENT[_eid]
    _form = split_legal(_e['name'])[0]
    _tld = 'co.jp' if _form in ('株式会社', '有限会社', '合同会社') else ('or.jp' if _form else 'jp')
    _host = romaji(_e['kana'])
    if _host + _tld in _SEEN_HOSTS:
        _host += '-' + CITY_ROMA.get(_e['city'], 'jp')
    _SEEN_HOSTS.add(_host + _tld)
    _URLS[_eid] = '%s%s%s.%s/' % ('https://' if _r.random() < 0.7 else 'http://',
                                  'www.' if _r.random() < 0.8 else '', _host, _tld)


def url_of(eid):
    """Home page: about two thirds of the entities have one; hosts are unique."""
    return _URLS[eid]


def join_date(code, eid, site, first_year, last_year=2025):
    ov = SPECS[code][1].get((eid, site), {})
    if 'joined' in ov:
        y, m = ov['joined'].split('-')
        return int(y), int(m)
    r = rng_for('joined', code, eid, site)
    y = r.randint(first_year, last_year)
    m = 4 if r.random() < 0.6 else r.randint(1, 12)
    return y, m


def wareki(y, m, style):
    if y >= 2019 and not (y == 2019 and m < 5):
        era, n, short = '令和', y - 2018, 'R'
    elif y >= 1989:
        era, n, short = '平成', y - 1988, 'H'
    else:
        era, n, short = '昭和', y - 1925, 'S'
    if style == 'short':
        return '%s%d.%d' % (short, n, m)
    return '%s%s年%d月' % (era, '元' if n == 1 else n, m)


# ----------------------------------------------------------------------------------------
# Member records
# ----------------------------------------------------------------------------------------


class Member:
    """One member row of one list, before layout."""

    def __init__(self, code, eid, site):
        self.code, self.eid, self.site = code, eid, site
        self.ent = ENT[eid]
        self.ov = SPECS[code][1].get((eid, site), {})
        self.rng = rng_for(code, eid, site)
        self.notes = []          # (class, why)
        if self.ov.get('class'):
            self.notes.append((self.ov['class'], self.ov.get('why', '')))
        e = self.ent
        self.name_official = self.ov.get('name') or e['name']
        self.company_official = self.ov.get('company') or self.name_official
        self.kana = self.ov.get('kana') or e['kana']
        if site:
            s = SITES[(eid, site)]
            self.addr = parse_full_address(s['address'])
            self.phone = s['phone']
            self.person = s['head']
            self.title = site_title(site)
        else:
            self.addr = Addr(e['prefecture'], e['city'], e['address'])
            self.phone = e['phone']
            self.person = e['representative']
            self.title = title_of(eid)
        if 'address' in self.ov:
            p, c, rest = self.ov['address'].split('|')
            self.addr = Addr(p, c, rest)
        if 'phone' in self.ov:
            self.phone = self.ov['phone']
        if 'rep' in self.ov:
            self.person = self.ov['rep']
        self.corp = e['corporate_number']
        if 'corp_of' in self.ov:
            self.corp = ENT[self.ov['corp_of']]['corporate_number']
        if 'corp_typo' in self.ov:
            i, d = self.ov['corp_typo'].split(':')
            i = int(i)
            typo = self.corp[:i] + d + self.corp[i + 1:]
            assert typo != self.corp and not corp_valid(typo), (eid, typo)
            self.corp = typo
        self.sitelabel = '' if self.ov.get('nosite') == '1' else site
        if 'sitecell' in self.ov:
            self.sitelabel = self.ov['sitecell']

    def r(self, purpose):
        return rng_for(self.code, self.eid, self.site, purpose)

    def name(self, st, with_site=True, site_sep='　', company=False):
        n = style_name(self.company_official if company else self.name_official, self.r('name'), st, self.ov)
        if with_site and self.sitelabel:
            lbl = to_zen(self.sitelabel) if st.get('width') == 'zen' else self.sitelabel
            n = n + site_sep + lbl
        return n

    def sortkana(self):
        return (kana_key(self.kana), self.site)


def members_of(code):
    return [Member(code, eid, site) for eid, site in MEMBERS[code]]


def join_order(ms, code, first_year, last_year=2025):
    def key(m):
        y, mo = join_date(code, m.eid, m.site, first_year, last_year)
        return (y, mo, rng_for('tiebreak', code, m.eid, m.site).random())
    return sorted(ms, key=key)


VOWEL_KANA = {'a': 'ア', 'i': 'イ', 'u': 'ウ', 'e': 'エ', 'o': 'オ'}


def kana_key(kana):
    """五十音順 key: voiced and small kana sort with their plain forms, ー as the preceding vowel."""
    out, prev = [], ''
    for ch in kana:
        if ch == 'ー':
            r = romaji(prev)
            out.append(VOWEL_KANA.get(r[-1:], 'ウ') if r else 'ウ')
            continue
        base = unicodedata.normalize('NFD', ch.translate(SMALL_TO_LARGE))[0]
        out.append(base)
        prev = ch
    return (''.join(out), kana)


GYO = [('あ行', 'アイウエオヴ'), ('か行', 'カキクケコガギグゲゴ'), ('さ行', 'サシスセソザジズゼゾ'),
       ('た行', 'タチツテトダヂヅデド'), ('な行', 'ナニヌネノ'), ('は行', 'ハヒフヘホバビブベボパピプペポ'),
       ('ま行', 'マミムメモ'), ('や行', 'ヤユヨ'), ('ら行', 'ラリルレロ'), ('わ行', 'ワヲン')]


def gyo_of(kana):
    for g, chars in GYO:
        if kana[0] in chars:
            return g
    return 'わ行'


# ----------------------------------------------------------------------------------------
# List builders.  Each returns dict(pre=[rows above header], header=[...], body=[records]),
# where a record is ('m', Member, cells) or ('x', cells, what).
# ----------------------------------------------------------------------------------------


def pad(cells, n):
    cells = list(cells)
    return cells + [''] * (n - len(cells))


def build_CCI():
    code = 'CCI'
    header = ['No', '事業所名', '代表者役職', '代表者氏名', '〒', '所在地1', '所在地2', 'TEL', 'FAX', '業種']
    W = len(header)
    st_name = {'forms': {'official': 0.8, 'circ': 0.1, 'zparen': 0.1}, 'sep': {'': 0.9, '　': 0.1},
               'width': 'zen', 'shinji': 0.3}
    st_addr = {'pref': 'never', 'nums': {'hyphen': 0.85, 'banchi': 0.15}, 'building': 'drop'}
    ms = sorted(members_of(code), key=Member.sortkana)
    body, no, gyo = [], 0, None
    for m in ms:
        g = gyo_of(m.kana)
        if g != gyo:
            body.append(('x', pad(['', '【%s】' % g], W), 'section heading'))
            gyo = g
        no += 1
        addr, parts = render_address(m.addr, m.r('addr'), st_addr, m.ov)
        cells = [str(no), m.name(st_name, site_sep='　'), m.title,
                 render_person(m.person, m.r('rep'), {'　': 0.85, ' ': 0.15}, 0.2),
                 '〒' + m.addr.postal(), addr, m.addr.building,
                 render_phone(m.phone, m.r('tel'), {'hyphen': 0.95, 'paren': 0.05}),
                 fax_of(m.phone) if m.r('fax').random() < 0.9 else '', m.ent['industry']]
        body.append(('m', m, cells))
        if no == 62:
            body.append(('x', pad([], W), 'blank row (page break)'))
            body.append(('x', list(header), 'repeated header row (page 2 pasted below page 1)'))
    body.append(('x', pad([], W), 'blank row'))
    body.append(('x', pad(['※掲載は五十音順、敬称略。'], W), 'note'))
    body.append(('x', pad(['※所在地・電話番号は令和8年3月末日現在の届出による。'], W), 'note'))
    pre = [pad(['一関商工会議所　工業部会　部会員名簿'], W), pad([''] * 8 + ['令和8年4月1日現在'], W), pad([], W)]
    return dict(pre=pre, header=header, body=body)


def build_HGS():
    code = 'HGS'
    header = ['No.', '企業名', '事業所名', '郵便番号', '所在地', 'TEL', 'FAX', '事業所長', '従業員数', '主要製品']
    W = len(header)
    st_name = {'forms': {'circ': 0.7, 'official': 0.2, 'paren': 0.1}, 'misplace': 0.03, 'width': 'han',
               'shinji': 0.5}
    st_addr = {'pref': 'never', 'nums': {'hyphen': 1.0}, 'building': 'keep'}
    ms = join_order(members_of(code), code, 1983)
    body = []
    for i, m in enumerate(ms, 1):
        addr, _ = render_address(m.addr, m.r('addr'), st_addr, m.ov)
        if m.site or m.sitelabel:
            sitecell = m.sitelabel
        else:
            sitecell = '本社工場' if m.r('hq').random() < 0.55 else '本社'
        prod = m.ent['industry'].replace('・', '、')
        if m.r('prod').random() < 0.4:
            prod = prod.replace('、', ',').replace('（', ',').replace('）', '')
        cells = [str(i), m.name(st_name, with_site=False, company=True), sitecell, m.addr.postal(), addr,
                 m.phone, fax_of(m.phone), render_person(m.person, m.r('rep'), {' ': 0.5, '　': 0.3, '': 0.2}),
                 str(employees(m.eid) if not m.site else int(employees(m.eid) * 0.3)), prod]
        body.append(('m', m, cells))
    body.append(('x', pad(['', '会員数　合計', '', '', '', '', '', '', '', '%d社' % len(ms)], W), 'totals row'))
    body.append(('x', pad(['※従業員数は令和8年3月末現在（パート・派遣社員を含む）'], W), 'note'))
    pre = [pad(['一関東工業団地企業連絡協議会　会員企業一覧'], W), pad(['令和8年4月1日現在'], W)]
    return dict(pre=pre, header=header, body=body)


def build_HNZ():
    code = 'HNZ'
    header = ['No', '会員名', '法人番号', '代表者', '〒', '住所', '電話', 'FAX', '業種']
    st_name = {'forms': {'paren': 0.4, 'official': 0.3, 'circ': 0.3}, 'misplace': 0.05,
               'sep': {'': 0.7, ' ': 0.3}, 'width': 'han', 'shinji': 0.5}
    st_addr = {'pref': 'never', 'city': 'drop_district', 'nums': {'banchi': 0.6, 'hyphen': 0.4}}
    ms = members_of(code)
    regular = sorted([m for m in ms if not is_support(m.eid, m.site)], key=Member.sortkana)
    support = sorted([m for m in ms if is_support(m.eid, m.site)], key=Member.sortkana)
    body, no = [], 0

    def row(m):
        nonlocal no
        no += 1
        a_rng = m.r('addr')
        st = dict(st_addr)
        if a_rng.random() < 0.4:
            st['city'] = 'always'
        addr, _ = render_address(m.addr, a_rng, st, m.ov)
        rep = render_person(m.person, m.r('rep'), {' ': 0.6, '　': 0.2, '': 0.2})
        if m.r('title').random() < 0.6:
            rep = m.title + ' ' + rep
        corp = int(m.corp) if m.corp else None
        cells = [no, m.name(st_name, site_sep=' '), corp, rep, m.addr.postal(), addr,
                 render_phone(m.phone, m.r('tel'), {'hyphen': 0.7, 'local': 0.3}), fax_of(m.phone),
                 m.ent['industry']]
        body.append(('m', m, cells))

    for m in regular:
        row(m)
    body.append(('x', [''] * 9, 'blank row'))
    body.append(('x', ['', '＜賛助会員＞'] + [''] * 7, 'section heading'))
    for m in support:
        row(m)
    body.append(('x', ['', '会員数　合計　%d社（うち賛助会員%d）' % (len(ms), len(support))] + [''] * 7, 'totals row'))
    body.append(('x', ['', '※法人番号は国税庁法人番号公表サイトにより確認（令和8年3月）'] + [''] * 7, 'note'))
    return dict(pre=None, header=header, body=body)


def build_SEN():
    code = 'SEN'
    header = ['No.', '会員名', '代表者職氏名', '所在地', '電話番号', '入会年月', '備考']
    W = len(header)
    st_name = {'forms': {'circ': 0.6, 'official': 0.2, 'zparen': 0.2}, 'misplace': 0.08,
               'sep': {'': 0.8, '　': 0.2}, 'width': 'zen', 'shinji': 0.2}
    ms = members_of(code)
    regular = join_order([m for m in ms if not is_support(m.eid, m.site)], code, 1993)
    support = join_order([m for m in ms if is_support(m.eid, m.site)], code, 1993)
    body, no = [], 0
    yakushoku = {}
    for m, y in zip(regular[:5], ['会長', '副会長', '副会長', '幹事', '監事']):
        yakushoku[(m.eid, m.site)] = y

    def row(m):
        nonlocal no
        no += 1
        a_rng = m.r('addr')
        x = a_rng.random()
        st = {'pref': 'never', 'nums': {'hyphen': 0.5, 'banchi': 0.3, 'kanji': 0.2}}
        y, mo = join_date(code, m.eid, m.site, 1993)
        if x < 0.45 and (y, mo) < (2005, 9):      # registered before the 2005-09-20 merger
            st['old'] = 1.0
        elif x < 0.8:
            st['city'] = 'drop_district'
        addr, _ = render_address(m.addr, a_rng, st, m.ov)
        rep = m.title + '　' + render_person(m.person, m.r('rep'), {'　': 1.0})
        joined = '' if m.r('joined?').random() < 0.1 else wareki(y, mo, 'short')
        cells = [str(no), m.name(st_name, site_sep=''), rep, addr,
                 render_phone(m.phone, m.r('tel'), {'local': 0.6, 'hyphen': 0.25, 'paren': 0.15}),
                 joined, yakushoku.get((m.eid, m.site), '')]
        body.append(('m', m, cells))

    body.append(('x', pad(['', '【正会員】'], W), 'section heading'))
    for m in regular:
        row(m)
    body.append(('x', pad([], W), 'blank row'))
    body.append(('x', pad(['', '【賛助会員】'], W), 'section heading'))
    for m in support:
        row(m)
    body.append(('x', pad([], W), 'blank row'))
    body.append(('x', pad(['', '会員数　合計　%d社（正会員%d社・賛助会員%d社）' % (len(ms), len(regular), len(support))], W),
                 'totals row'))
    body.append(('x', pad(['', '※入会年月の不明な会員は空欄としています。'], W), 'note'))
    pre = [pad(['千厩町工業クラブ　会員名簿'], W), pad(['', '', '', '', '', '令和8年4月1日現在'], W)]
    return dict(pre=pre, header=header, body=body)


def build_FJS():
    code = 'FJS'
    header = ['会員番号', '事業者名', 'フリガナ', '代表者', '〒', '住所', '電話番号', '業種', '入会年月']
    W = len(header)
    st_name = {'forms': {'official': 0.6, 'zparen': 0.3, 'circ': 0.1}, 'misplace': 0.05,
               'sep': {'': 0.6, '　': 0.4}, 'width': 'zen'}
    ms = members_of(code)
    last = int(SPECS[code][0].get('last_year', 2025))
    regular = join_order([m for m in ms if not is_support(m.eid, m.site)], code, 1994, last)
    support = join_order([m for m in ms if is_support(m.eid, m.site)], code, 1994, last)
    body, no = [], 0

    def row(m):
        nonlocal no
        no += 1
        a_rng = m.r('addr')
        x = a_rng.random()
        st = {'pref': 'sometimes', 'pref_p': 0.3, 'width': 'zen',
              'nums': {'kanji': 0.3, 'zen': 0.3, 'banchi': 0.2, 'hyphen': 0.2}}
        y, mo = join_date(code, m.eid, m.site, 1994, last)
        if x < 0.5 and (y, mo) < (2011, 9):       # 藤沢町 joined 一関市 on 2011-09-26
            st['old'] = 1.0
        elif x < 0.5:
            st['city'] = 'drop_district'
        addr, _ = render_address(m.addr, a_rng, st, m.ov)
        kana = m.kana
        form, _, pos = split_legal(m.name_official)
        if form in FORM_KANA and m.r('kana').random() < 0.2:
            kana = FORM_KANA[form] + '　' + kana if pos == 'pre' else kana + '　' + FORM_KANA[form]
        cells = ['%03d' % no, m.name(st_name, site_sep='　'), kana,
                 render_person(m.person, m.r('rep'), {'　': 0.7, ' ': 0.3}),
                 '〒' + m.addr.postal(), addr,
                 render_phone(m.phone, m.r('tel'), {'hyphen': 0.5, 'local': 0.3, 'zen': 0.2}),
                 m.ent['industry'], wareki(y, mo, 'long')]
        body.append(('m', m, cells))

    for m in regular:
        row(m)
    body.append(('x', pad([], W), 'blank row'))
    body.append(('x', pad(['＜賛助会員＞'], W), 'section heading'))
    for m in support:
        row(m)
    body.append(('x', pad([], W), 'blank row'))
    body.append(('x', pad(['', '合計　%d社' % len(ms)], W), 'totals row'))
    pre = [pad(['藤沢町工業倶楽部　会員名簿'], W), pad(['', '', '', '', '', '平成31年4月1日現在'], W), pad([], W)]
    return dict(pre=pre, header=header, body=body)


def build_KSN():
    code = 'KSN'
    header = ['会員区分', '企業・団体名', '代表者役職', '代表者氏名', '所在地', '電話番号', '法人番号', 'ホームページ', '役員']
    st_name = {'forms': {'official': 0.75, 'zparen': 0.2, 'circ': 0.05}, 'misplace': 0.02,
               'sep': {'': 0.85, '　': 0.15}, 'width': 'han'}
    ms = members_of(code)

    def special(m):
        return any(w in m.ent['industry'] for w in ['金融', '産業支援'])
    regular = sorted([m for m in ms if not special(m)], key=Member.sortkana)
    spec = sorted([m for m in ms if special(m)], key=Member.sortkana)
    body = [('x', ['', '（凡例）役員欄　◎：会長・副会長　○：理事　△：監事'] + [''] * 7, 'legend row')]
    yak = {}
    for m, y in zip(sorted(regular, key=lambda m: rng_for('yak', m.eid, m.site).random())[:9],
                    ['◎', '◎', '○', '○', '○', '○', '○', '△', '△']):
        yak[(m.eid, m.site)] = y
    for kubun, group in (('正会員', regular), ('特別会員', spec)):
        for m in group:
            addr, _ = render_address(m.addr, m.r('addr'), {'pref': 'always', 'nums': {'hyphen': 0.7, 'banchi': 0.3}})
            corp = m.corp if (m.r('corp').random() < 0.8 or 'corp_of' in m.ov or 'corp_typo' in m.ov) else ''
            cells = [kubun, m.name(st_name, site_sep='　'), m.title,
                     render_person(m.person, m.r('rep'), {' ': 0.7, '　': 0.3}), addr,
                     render_phone(m.phone, m.r('tel'), {'hyphen': 1.0}), corp,
                     '' if m.site else url_of(m.eid), yak.get((m.eid, m.site), '')]
            body.append(('m', m, cells))
    return dict(pre=[['一関工業高等専門学校教育研究振興会　会員名簿（令和8年4月1日現在）']], header=header, body=body)


def build_KEN():
    code = 'KEN'
    header = ['整理番号', '法人番号', '賛助会員名', 'ﾌﾘｶﾞﾅ', '郵便番号', '住所', 'TEL', '代表者', '口数']
    W = len(header)
    st_name = {'forms': {'official': 0.7, 'circ': 0.3}, 'misplace': 0.03, 'width': 'zen', 'shinji': 0.3}
    ms = members_of(code)

    def dantai(m):
        form, _, _ = split_legal(m.ent['name'])
        return form in ('協同組合', '一般社団法人') or '信用金庫' in m.ent['name'] or '銀行' in m.ent['name']
    hojin = join_order([m for m in ms if not dantai(m)], code, 1995)
    dan = join_order([m for m in ms if dantai(m)], code, 1995)
    ordered = hojin + dan
    # corp_shift: a row carries the number of the member printed next to it
    for i, m in enumerate(ordered):
        if m.ov.get('corp_shift') == 'next':
            nxt = ordered[i + 1]
            m.corp = nxt.corp
            m.notes = [(c, w + '（%s の番号）' % nxt.eid) for c, w in m.notes]
            nxt.ov = dict(nxt.ov, corp_fmt='text')
    body, no, kuchi = [], 0, 0

    def row(m):
        nonlocal no, kuchi
        no += 1
        if not m.corp:
            corp = ''
        elif m.ov.get('corp_fmt') == 'text' or m.r('corpfmt').random() < 0.35:
            corp = m.corp
        else:
            corp = excel_general(m.corp)
        form, _, pos = split_legal(m.name_official)
        k = bank_kana(m.kana)
        if form in ABBR:
            pre, post = ABBR[form]['hkana']
            k = pre + k if pos == 'pre' else k + post
        addr, _ = render_address(m.addr, m.r('addr'), {'pref': 'outside', 'nums': {'hyphen': 0.8, 'banchi': 0.2}})
        postal = m.addr.postal().replace('-', '').lstrip('0')
        tel = render_phone(m.phone, m.r('tel'), {'hyphen': 0.75, 'damaged': 0.25})
        rep = render_person(m.person, m.r('rep'), {'': 0.5, ' ': 0.5})
        if m.r('title').random() < 0.5:
            rep = m.title + ' ' + rep
        n = 1 + int(m.r('kuchi').random() * 3)
        kuchi += n
        cells = [str(no), corp, m.name(st_name, site_sep='　'), k, postal, addr, tel, rep, str(n)]
        body.append(('m', m, cells))

    body.append(('x', pad(['', '', '＜法人会員＞'], W), 'section heading'))
    for m in hojin:
        row(m)
    body.append(('x', pad(['', '', '＜団体会員＞'], W), 'section heading'))
    for m in dan:
        row(m)
    body.append(('x', pad(['', '', '合計　%d会員' % len(ms), '', '', '', '', '', '%d口' % kuchi], W), 'totals row'))
    body.append(('x', pad(['', '', '※賛助会費は1口30,000円'], W), 'note'))
    pre = [pad(['公益財団法人岩手県南技術研究センター　賛助会員名簿'], W), pad(['令和8年4月1日現在'], W)]
    return dict(pre=pre, header=header, body=body)


INDUSTRIAL_PARKS = [('一関市', '滝沢字下原', '（一関東第一工業団地内）'), ('一関市', '滝沢字鶴ヶ沢', '（一関東第二工業団地内）'),
                    ('一関市', '花泉町油島字上油田', '（上油田工業団地内）'), ('北上市', '北工業団地', '（北上工業団地）'),
                    ('胆沢郡金ケ崎町', '西根字森山', '（岩手中部工業団地内）')]


def build_KTK():
    code = 'KTK'
    header = ['会員ID', '企業名称', '企業名称カナ', '本社所在地', '本社電話', '代表者', '資本金(万円)', '従業員数', '業種', 'URL']
    st_name = {'forms': {'official': 0.6, 'paren': 0.3, 'drop': 0.1}, 'misplace': 0.04,
               'sep': {'': 0.8, ' ': 0.2}, 'width': 'han', 'shinji': 0.5}
    ms = join_order(members_of(code), code, 2006)
    body, mid = [], 1000
    for m in ms:
        mid += 1 + (1 if m.r('gap').random() < 0.15 else 0)
        addr, _ = render_address(m.addr, m.r('addr'), {'pref': 'always', 'nums': {'hyphen': 0.9, 'banchi': 0.1}})
        for city, town, note in INDUSTRIAL_PARKS:
            if m.addr.city == city and m.addr.town.startswith(town) and m.r('park').random() < 0.5:
                addr += '\n' + note
        cap = capital(m.eid)
        ind = m.ent['industry']
        if m.r('ind').random() < 0.5:
            ind = ind.replace('・', ',').replace('（', ',').replace('）', '')
        cells = ['K%04d' % mid, m.name(st_name, site_sep=' '), m.kana, addr, m.phone,
                 render_person(m.person, m.r('rep'), {' ': 0.6, '': 0.4}),
                 '{:,}'.format(cap) if cap != '' else '', str(employees(m.eid)), ind,
                 '' if m.site else url_of(m.eid)]
        body.append(('m', m, cells))
    body.append(('x', ['※令和8年4月1日現在　会員数%d' % len(ms)] + [''] * 9, 'note'))
    return dict(pre=None, header=header, body=body)


def build_HDT():
    code = 'HDT'
    header = ['番号', '会員企業名', '事業所名', '所在地', 'TEL', '代表者職名', '代表者名', '会員種別']
    W = len(header)
    st_name = {'forms': {'paren': 0.7, 'official': 0.3}, 'misplace': 0.03, 'width': 'han'}
    ms = members_of(code)
    regular = sorted([m for m in ms if not is_support(m.eid, m.site)], key=Member.sortkana)
    support = sorted([m for m in ms if is_support(m.eid, m.site)], key=Member.sortkana)
    body, no = [], 0

    def row(m, kind):
        nonlocal no
        no += 1
        addr, _ = render_address(m.addr, m.r('addr'), {'pref': 'always', 'nums': {'hyphen': 0.8, 'banchi': 0.2}})
        sitecell = m.sitelabel if m.sitelabel else ('本社' if m.r('hq').random() < 0.3 else '')
        cells = [str(no), m.name(st_name, with_site=False), sitecell, addr,
                 render_phone(m.phone, m.r('tel'), {'paren': 0.6, 'hyphen': 0.4}), m.title,
                 render_person(m.person, m.r('rep'), {'　': 0.8, ' ': 0.2}), kind]
        body.append(('m', m, cells))
        if no == 70:
            body.append(('x', list(header), 'repeated header row (second page pasted)'))

    body.append(('x', pad(['■正会員'], W), 'section heading'))
    for m in regular:
        row(m, '正会員')
    body.append(('x', pad(['■賛助会員'], W), 'section heading'))
    for m in support:
        row(m, '賛助会員')
    body.append(('x', pad(['', '会員数', '', '', '', '', '', '%d' % len(ms)], W), 'totals row'))
    pre = [pad(['いわて半導体関連産業集積促進協議会　会員名簿（県南地区・県外抜粋）'], W), pad(['令和8年4月1日現在'], W),
           pad([], W)]
    return dict(pre=pre, header=header, body=body)


def build_JDS():
    code = 'JDS'
    header = ['会員ID', '法人番号', '事業者名', '事業者名（カナ）', '郵便番号', '都道府県', '市区町村', '町域・番地', '建物名',
              '電話番号', '代表者役職', '代表者氏名', '会員区分', '入会年月日']
    ms = join_order(members_of(code), code, 2006)
    body, mid = [], 10000
    for m in ms:
        mid += 1 + (2 if m.r('gap').random() < 0.2 else 0)
        wr = m.r('width').random()
        st_name = {'forms': {'official': 0.85, 'zparen': 0.05, 'paren': 0.05, 'drop': 0.05}, 'misplace': 0.05,
                   'sep': {'': 0.7, ' ': 0.2, '　': 0.1}, 'width': 'zen' if wr < 0.2 else 'han',
                   'shinji': 0.5, 'corespace': 0.05}
        corp = m.corp if (m.r('corp').random() < 0.85 or 'corp_of' in m.ov or 'corp_typo' in m.ov) else ''
        kana = m.kana
        form, _, pos = split_legal(m.name_official)
        kr = m.r('kana').random()
        if form in FORM_KANA and kr < 0.25:
            kana = FORM_KANA[form] + kana if pos == 'pre' else kana + FORM_KANA[form]
        if m.r('kanaw').random() < 0.1:
            kana = to_halfkana(kana)
        st_addr = {'pref': 'always', 'old': 0.04, 'drop_gun': 0.5, 'small_ke': 0.5,
                   'nums': {'hyphen': 0.5, 'banchi': 0.35, 'zen': 0.15}}
        _, (pref, city, town, nums, bld) = render_address(m.addr, m.r('addr'), st_addr, m.ov)
        pc = m.addr.postal()
        if m.r('pc').random() < 0.5:
            pc = pc.replace('-', '')
        y, mo = join_date(code, m.eid, m.site, 2006)
        d = 1 if m.r('day').random() < 0.7 else m.r('day2').randint(2, 28)
        cells = [str(mid), corp, m.name(st_name, site_sep=' '), kana, pc, pref or m.addr.pref, city, town + nums,
                 bld, render_phone(m.phone, m.r('tel'), {'hyphen': 0.7, 'nodash': 0.2, 'zen': 0.1}), m.title,
                 render_person(m.person, m.r('rep'), {' ': 0.6, '': 0.3, '　': 0.1}, 0.3),
                 '賛助会員' if is_support(m.eid, m.site) else '正会員', '%04d-%02d-%02d' % (y, mo, d)]
        body.append(('m', m, cells))
    return dict(pre=None, header=header, body=body)


BUILDERS = {'CCI': build_CCI, 'HGS': build_HGS, 'HNZ': build_HNZ, 'SEN': build_SEN, 'FJS': build_FJS,
            'KSN': build_KSN, 'KEN': build_KEN, 'KTK': build_KTK, 'HDT': build_HDT, 'JDS': build_JDS}

# ----------------------------------------------------------------------------------------
# Encoders / writers
# ----------------------------------------------------------------------------------------

# cp932 lead-byte ranges of the NEC row 13 and the IBM / NEC-selected IBM extensions:
# an exporter that only knows JIS X 0208 writes '?' for these.
def is_cp932_extension(ch):
    try:
        b = ch.encode('cp932')
    except UnicodeEncodeError:
        return True
    if len(b) != 2:
        return False
    v = b[0] << 8 | b[1]
    return 0x8740 <= v <= 0x879C or 0xED40 <= v <= 0xEEFC or 0xFA40 <= v <= 0xFC4B


def degrade(text, encoding, sjis_strict):
    """Characters the file's encoding (or its exporter) cannot hold become '?'."""
    if encoding != 'cp932':
        return text
    out = []
    for ch in text:
        if sjis_strict and is_cp932_extension(ch):
            out.append('?')
            continue
        try:
            ch.encode('cp932')
            out.append(ch)
        except UnicodeEncodeError:
            out.append('?')
    return ''.join(out)


def csv_bytes(rows, encoding, newline, delimiter=','):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator=newline)
    for r in rows:
        w.writerow(['' if c is None else str(c) for c in r])
    s = buf.getvalue()
    if encoding == 'utf-16':
        return b'\xff\xfe' + s.encode('utf-16-le')
    return s.encode(encoding)


def write_xlsx_HNZ(path, built):
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({'title': '花泉企業連絡協議会 会員名簿', 'author': '花泉企業連絡協議会事務局',
                       'created': datetime.datetime(2026, 4, 1, 9, 0, 0)})
    ws = wb.add_worksheet('R8会員名簿')
    title = wb.add_format({'bold': True, 'font_size': 14, 'align': 'center'})
    right = wb.add_format({'align': 'right'})
    head = wb.add_format({'bold': True, 'border': 1, 'bg_color': '#DDEBF7', 'align': 'center'})
    cellf = wb.add_format({'border': 1})
    numf = wb.add_format({'border': 1, 'num_format': '0'})
    ws.set_column(0, 0, 4)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 2, 15)
    ws.set_column(3, 3, 22)
    ws.set_column(4, 4, 9)
    ws.set_column(5, 5, 34)
    ws.set_column(6, 7, 13)
    ws.set_column(8, 8, 16)
    ws.merge_range(0, 0, 0, 8, '花泉企業連絡協議会　会員名簿', title)
    ws.write_string(1, 8, '令和8年4月1日現在', right)
    for c, h in enumerate(built['header']):
        ws.write_string(3, c, h, head)
    r = 4
    for rec in built['body']:
        cells = rec[2] if rec[0] == 'm' else rec[1]
        bordered = rec[0] == 'm' or rec[2] == 'blank row'   # the blank row inside the ruled table keeps its borders
        for c, v in enumerate(cells):
            if v is None or v == '':
                if bordered:
                    ws.write_blank(r, c, None, cellf)
                continue
            if isinstance(v, int):
                ws.write_number(r, c, v, numf if c == 2 else cellf)
            else:
                ws.write_string(r, c, v, cellf if rec[0] == 'm' else None)
        r += 1
    ws.set_landscape()
    ws.repeat_rows(3)
    wb.close()


def write_xlsx_KSN(path, built):
    wb = xlsxwriter.Workbook(path, {'constant_memory': True})
    wb.set_properties({'title': '振興会 会員名簿', 'author': '一関工業高等専門学校教育研究振興会事務局',
                       'created': datetime.datetime(2026, 4, 1, 10, 30, 0)})
    ws = wb.add_worksheet('会員名簿')
    notes = wb.add_worksheet('備考')
    bold = wb.add_format({'bold': True})
    ws.set_column(0, 0, 9)
    ws.set_column(1, 1, 36)
    ws.set_column(2, 3, 14)
    ws.set_column(4, 4, 40)
    ws.set_column(5, 6, 15)
    ws.set_column(7, 7, 34)
    ws.write_string(0, 0, built['pre'][0][0], bold)
    for c, h in enumerate(built['header']):
        ws.write_string(1, c, h, bold)
    r = 2
    for rec in built['body']:
        cells = rec[2] if rec[0] == 'm' else rec[1]
        for c, v in enumerate(cells):
            if v != '':
                ws.write_string(r, c, v)
        r += 1
    for i, line in enumerate(['備考',
                              '※会員区分：正会員（企業）、特別会員（金融機関・支援機関）',
                              '※法人番号・ホームページは会員からの届出による（未届は空欄）',
                              '※役員欄の記号は「会員名簿」シート3行目の凡例のとおり',
                              '※令和8年度定時総会資料より事務局作成']):
        notes.write_string(i, 0, line, bold if i == 0 else None)
    notes.set_column(0, 0, 70)
    wb.close()


# ----------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------

HOME_CITIES = ('一関市', '西磐井郡平泉町')


def main():
    os.makedirs(OUT, exist_ok=True)
    truth = []
    cases = []
    rows_of = {}       # code -> list of (rowno, Member, text of the row as delivered)
    extra_rows = {}
    for code in LIST_ORDER:
        meta, _ = SPECS[code]
        built = BUILDERS[code]()
        fmt = meta['format']
        enc = meta.get('encoding', '')
        strict = meta.get('sjis_strict') == '1'
        path = os.path.join(OUT, meta['file'])
        rows_of[code] = []
        extra_rows[code] = []
        # degrade strings for the file's encoding, then number the records after the header
        for i, rec in enumerate(built['body'], 1):
            if rec[0] == 'm':
                cells = [degrade(c, enc, strict) if isinstance(c, str) else c for c in rec[2]]
                built['body'][i - 1] = ('m', rec[1], cells)
                m = rec[1]
                truth.append((meta['file'], i, m.eid, m.site))
                rows_of[code].append((i, m, cells))
                orig = ''.join(c for c in rec[2] if isinstance(c, str))
                now = ''.join(c for c in cells if isinstance(c, str))
                if orig != now:
                    lost = ''.join(sorted({a for a, b in zip(orig, now) if a != b}))
                    m.notes.append(('e', '出力時に「%s」が「?」に化けた: %s' % (lost, [c for c in cells if isinstance(c, str) and '?' in c][:2])))
            else:
                extra_rows[code].append((i, rec[2]))
        if fmt == 'csv' or fmt == 'utf16tsv':
            rows = []
            for p in (built['pre'] or []):
                rows.append([degrade(c, enc, strict) for c in p])
            rows.append(built['header'])
            for rec in built['body']:
                rows.append(rec[2] if rec[0] == 'm' else rec[1])
            if fmt == 'csv':
                nl = '\r\n' if meta['newline'] == 'CRLF' else '\n'
                data = csv_bytes(rows, enc, nl)
            else:
                data = csv_bytes(rows, 'utf-16', '\r\n', delimiter='\t')
            with open(path, 'wb') as f:
                f.write(data)
        elif code == 'HNZ':
            write_xlsx_HNZ(path, built)
        elif code == 'KSN':
            write_xlsx_KSN(path, built)
        else:
            raise SystemExit('no writer for ' + code)

    with open(os.path.join(HERE, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['file', 'row', 'entity_id', 'site'])
        for t in truth:
            w.writerow(t)

    # ---------------- failure cases ----------------
    file_of = {c: SPECS[c][0]['file'] for c in LIST_ORDER}
    # class a: same entity twice or more in one list
    for code in LIST_ORDER:
        by_ent = {}
        for i, m, cells in rows_of[code]:
            by_ent.setdefault(m.eid, []).append((i, m))
        for eid in sorted(by_ent):
            lst = by_ent[eid]
            if len(lst) > 1:
                desc = '、'.join('%d行目%s' % (i, '（' + m.site + '）' if m.site else '（本社）') for i, m in lst)
                for i, m in lst:
                    m.notes.append(('a', '同じ名簿に同一法人が%d行: %s' % (len(lst), desc)))
    # class b: plant/branch of an entity headquartered outside 一関市・平泉町, with the head office in another list
    hq_rows = {}
    for code in LIST_ORDER:
        for i, m, cells in rows_of[code]:
            if not m.site:
                hq_rows.setdefault(m.eid, []).append((code, i))
    for code in LIST_ORDER:
        for i, m, cells in rows_of[code]:
            e = m.ent
            if m.site and e['city'] not in HOME_CITIES:
                others = ['%s %d行目' % (file_of[c], r) for c, r in hq_rows.get(m.eid, []) if c != code]
                where = '本社 %s%s%s' % (e['prefecture'], e['city'], e['address'])
                m.notes.append(('b', '域外本社の%sの行（住所・電話・責任者は%s）。%s。本社行: %s' % (
                    m.site, m.site, where, '、'.join(others) if others else 'なし')))
    for code in LIST_ORDER:
        for i, m, cells in rows_of[code]:
            e = m.ent
            if not m.site and e['city'] not in HOME_CITIES and any(s[0] == m.eid for s in SITES):
                plants = []
                for c in LIST_ORDER:
                    for r, mm, _ in rows_of[c]:
                        if mm.eid == m.eid and mm.site:
                            plants.append('%s %d行目(%s)' % (file_of[c], r, mm.site))
                if plants:
                    m.notes.append(('b', '本社の行（%s%s、代表 %s）。同じ法人の域内事業所の行: %s' % (
                        e['city'], e['address'], e['representative'], '、'.join(plants))))
    # class f: confusable pairs
    pairs = read_tsv('confusable_pairs.tsv')
    where = {}
    for code in LIST_ORDER:
        for i, m, cells in rows_of[code]:
            where.setdefault(m.eid, []).append((code, i, m))
    for p in pairs:
        a, b = p['entity_a'], p['entity_b']
        la = where.get(a, [])
        lb = where.get(b, [])
        same = sorted({c for c, _, _ in la} & {c for c, _, _ in lb}, key=LIST_ORDER.index)
        for code in same:
            ra = [i for c, i, _ in la if c == code]
            rb = [i for c, i, _ in lb if c == code]
            for c, i, m in la + lb:
                if c == code:
                    other = b if m.eid == a else a
                    m.notes.append(('f', '同じ名簿に紛らわしい別法人 %s %s（%s行目）: %s' % (
                        other, ENT[other]['name'], ','.join(map(str, rb if m.eid == a else ra)), p['reason'])))
        if not same and la and lb:
            ca, ia, ma = la[0]
            cb, ib, mb = lb[0]
            ma.notes.append(('f', '別の名簿(%s %d行目)に紛らわしい別法人 %s %s: %s' % (
                file_of[cb], ib, b, ENT[b]['name'], p['reason'])))
    # corporate-number damage (not a failure class of the brief's list but documented row by row)
    for code in LIST_ORDER:
        for i, m, cells in rows_of[code]:
            for c in cells:
                s = str(c) if isinstance(c, int) else c
                if isinstance(s, str) and len(s) == 13 and s.isdigit() and not corp_valid(s) \
                        and not any(k == 'damage' for k, _ in m.notes):
                    m.notes.append(('damage', '法人番号のチェックデジット不一致: %s' % s))

    for code in LIST_ORDER:
        for i, m, cells in rows_of[code]:
            seen = set()
            spec_cls = m.ov.get('class')
            for k, (cls, why) in enumerate(m.notes):
                if (cls, why) in seen:
                    continue
                if cls == spec_cls and k > 0:      # the spec's own description of this row wins
                    continue
                seen.add((cls, why))
                cases.append((cls, file_of[code], i, m.eid, m.site, why))
    order = {'a': 0, 'b': 1, 'c': 2, 'd': 3, 'e': 4, 'f': 5, 'damage': 6}
    cases.sort(key=lambda c: (order[c[0]], LIST_ORDER.index([k for k in LIST_ORDER if file_of[k] == c[1]][0]),
                              c[2], c[5]))
    with open(os.path.join(HERE, 'failure_cases.tsv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, delimiter='\t', lineterminator='\n')
        w.writerow(['class', 'file', 'row', 'entity_id', 'site', 'what_makes_it_hard'])
        for c in cases:
            w.writerow(c)
    with open(os.path.join(HERE, 'nonmember_rows.tsv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, delimiter='\t', lineterminator='\n')
        w.writerow(['file', 'row', 'kind'])
        for code in LIST_ORDER:
            for i, what in extra_rows[code]:
                w.writerow([file_of[code], i, what])

    update_readme(cases, rows_of, extra_rows, file_of)
    total = sum(len(rows_of[c]) for c in LIST_ORDER)
    print('lists: %d, member rows: %d, failure-case lines: %d' % (len(LIST_ORDER), total, len(cases)))


def md_escape(s):
    return s.replace('|', '\\|').replace('\n', ' ')


def update_readme(cases, rows_of, extra_rows, file_of):
    path = os.path.join(HERE, 'README.md')
    if not os.path.exists(path):
        return
    text = open(path, encoding='utf-8').read()
    names = {'a': 'a 同一名簿内の本社行＋工場行', 'b': 'b 域外本社の工場（工場名義／本社名義）', 'c': 'c 法人番号の矛盾',
             'd': 'd 商号変更・移転・代表者交代（旧情報）', 'e': 'e CP932で表せない文字が「?」', 'f': 'f 紛らわしい別法人',
             'damage': 'Excel破損: 法人番号の誤り（チェックデジット不一致）'}
    out = []
    for cls in ['a', 'b', 'c', 'd', 'e', 'f', 'damage']:
        sel = [c for c in cases if c[0] == cls]
        out.append('\n#### %s (%d rows)\n' % (names[cls], len(sel)))
        out.append('| file | row | entity | site | what makes it hard |')
        out.append('|---|---:|---|---|---|')
        for c in sel:
            out.append('| %s | %d | %s %s | %s | %s |' % (c[1], c[2], c[3], md_escape(ENT[c[3]]['name']),
                                                         c[4], md_escape(c[5])))
    block = '\n'.join(out) + '\n'
    start, end = '<!-- BEGIN FAILURE TABLE (generated by generate.py) -->', '<!-- END FAILURE TABLE -->'
    if start in text and end in text:
        pre = text.split(start)[0]
        post = text.split(end)[1]
        text = pre + start + '\n' + block + end + post
    start2, end2 = '<!-- BEGIN COUNTS (generated by generate.py) -->', '<!-- END COUNTS -->'
    if start2 in text and end2 in text:
        lines = ['| list | file | member rows | non-member records after header |', '|---|---|---:|---:|']
        for code in LIST_ORDER:
            lines.append('| %s | %s | %d | %d |' % (code, file_of[code], len(rows_of[code]), len(extra_rows[code])))
        ents = {m.eid for c in LIST_ORDER for _, m, _ in rows_of[c]}
        lists_per = {}
        for c in LIST_ORDER:
            for _, m, _ in rows_of[c]:
                lists_per.setdefault(m.eid, set()).add(c)
        multi = sum(1 for e in lists_per if len(lists_per[e]) >= 2)
        site_rows = sum(1 for c in LIST_ORDER for _, m, _ in rows_of[c] if m.site)
        total = sum(len(rows_of[c]) for c in LIST_ORDER)
        hist = {}
        for e in lists_per:
            hist[len(lists_per[e])] = hist.get(len(lists_per[e]), 0) + 1
        lines.append('| **total** | | **%d** | %d |' % (total, sum(len(extra_rows[c]) for c in LIST_ORDER)))
        lines.append('')
        lines.append('- entities in the universe: %d (in at least one list: %d; with a 法人番号: %d; sole proprietors: %d)' % (
            len(ENT), len(ents), sum(1 for e in ENT.values() if e['corporate_number']),
            sum(1 for e in ENT.values() if not e['corporate_number'])))
        lines.append('- entities appearing in ≥2 lists: %d; lists per entity: %s' % (
            multi, ', '.join('%d list%s: %d' % (k, '' if k == 1 else 's', hist[k]) for k in sorted(hist))))
        lines.append('- sites (plants/branches) in sites.tsv: %d; member rows that are a site: %d' % (len(SITES), site_rows))
        lines.append('- confusable pairs: %d' % len(read_tsv('confusable_pairs.tsv')))
        block2 = '\n'.join(lines) + '\n'
        pre = text.split(start2)[0]
        post = text.split(end2)[1]
        text = pre + start2 + '\n' + block2 + end2 + post
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()
