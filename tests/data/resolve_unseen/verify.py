#!/usr/bin/python3
"""Check the resolve_unseen set: check digits, parsing, truth coverage, CP932 round trip, counts.

Standard library only.  Usage:  /usr/bin/python3 verify.py [--dump FILE]
  --dump FILE   print the records of one delivered list as this script parses them (for eyeballing).
Exit status 0 when every check passes.
"""
import csv
import io
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DELIVERED = os.path.join(HERE, 'delivered')
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
RNS = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'

# How each delivered file is read: encoding, delimiter, header row (1-based physical record of
# the header: title rows above it are skipped), expected BOM and line ending.
FILES = {
    '一関商工会議所工業部会_部会員名簿_R8.csv': dict(enc='utf-8', bom=b'\xef\xbb\xbf', delim=',', header=4, nl='CRLF'),
    '東工業団地企業連絡協議会_会員企業一覧.csv': dict(enc='cp932', bom=b'', delim=',', header=3, nl='CRLF'),
    '花泉企業連絡協議会_会員名簿_R8.xlsx': dict(xlsx=True, sheet=0, header=4),
    '千厩町工業クラブ会員名簿.csv': dict(enc='cp932', bom=b'', delim=',', header=3, nl='CRLF'),
    '藤沢町工業倶楽部_会員名簿.txt': dict(enc='utf-16', bom=b'\xff\xfe', delim='\t', header=4, nl='CRLF'),
    '一関高専教育研究振興会_会員名簿_R8.xlsx': dict(xlsx=True, sheet=0, header=2),
    '県南技研_賛助会員名簿_R8.csv': dict(enc='cp932', bom=b'', delim=',', header=3, nl='CRLF'),
    '北上川流域ものづくりネットワーク_会員一覧.csv': dict(enc='utf-8', bom=b'\xef\xbb\xbf', delim=',', header=1, nl='CRLF'),
    '半導体協議会_会員名簿_県南抜粋.csv': dict(enc='cp932', bom=b'', delim=',', header=4, nl='CRLF'),
    'jidosha_kyogikai_members_20260401.csv': dict(enc='utf-8', bom=b'', delim=',', header=1, nl='LF'),
}

errors = []


def fail(msg):
    errors.append(msg)
    print('FAIL:', msg)


def check_digit(base12):
    s = 0
    for n, ch in enumerate(reversed(base12), start=1):
        s += int(ch) * (1 if n % 2 else 2)
    return str(9 - s % 9)


def corp_valid(num):
    return len(num) == 13 and num.isdigit() and check_digit(num[1:]) == num[0]


def col_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_xlsx(path, sheet_index):
    """Rows of one worksheet as lists of strings (numbers as their XML text)."""
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    target = {r.get('Id'): r.get('Target') for r in rels}
    sheets = wb.find('m:sheets', NS)
    sheet = list(sheets)[sheet_index]
    sheet_path = 'xl/' + target[sheet.get(RNS)].lstrip('/').replace('xl/', '')
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    root = ET.fromstring(z.read(sheet_path))
    rows = {}
    for row in root.find('m:sheetData', NS).findall('m:row', NS):
        rnum = int(row.get('r'))
        cells = {}
        for c in row.findall('m:c', NS):
            t = c.get('t')
            if t == 's':
                v = shared[int(c.find('m:v', NS).text)]
            elif t == 'inlineStr':
                v = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
            else:
                ve = c.find('m:v', NS)
                v = ve.text if ve is not None else ''
            cells[col_index(c.get('r'))] = v
        width = max(cells) + 1 if cells else 0
        rows[rnum] = [cells.get(i, '') for i in range(width)]
    last = max(rows) if rows else 0
    merges = [m.get('ref') for m in root.iter('{%s}mergeCell' % NS['m'])]
    names = [s.get('name') for s in sheets]
    return [rows.get(i, []) for i in range(1, last + 1)], merges, names


def parse_file(name):
    """Returns (header, records after the header) as this file would be parsed."""
    spec = FILES[name]
    path = os.path.join(DELIVERED, name)
    if spec.get('xlsx'):
        rows, merges, names = read_xlsx(path, spec['sheet'])
        return rows[spec['header'] - 1], rows[spec['header']:], dict(merges=merges, sheets=names)
    raw = open(path, 'rb').read()
    if spec['bom'] and not raw.startswith(spec['bom']):
        fail('%s: missing BOM' % name)
    if not spec['bom'] and (raw.startswith(b'\xef\xbb\xbf') or raw.startswith(b'\xff\xfe')):
        fail('%s: unexpected BOM' % name)
    text = raw.decode('utf-16' if spec['enc'] == 'utf-16' else ('utf-8-sig' if spec['bom'] else spec['enc']))
    if spec['enc'] == 'cp932':
        if text.encode('cp932') != raw:
            fail('%s: cp932 round trip differs' % name)
    recs = list(csv.reader(io.StringIO(text, newline=''), delimiter=spec['delim'], strict=True))
    # line ends outside quoted fields
    if spec['nl'] == 'CRLF':
        if '\n' in text.replace('\r\n', '') and not any('\n' in c for r in recs for c in r):
            fail('%s: bare LF outside fields' % name)
        if not text.endswith('\r\n'):
            fail('%s: does not end with CRLF' % name)
    else:
        if '\r' in text:
            fail('%s: CR found in an LF file' % name)
    h = spec['header']
    return recs[h - 1], recs[h:], dict(records=len(recs))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--dump':
        header, recs, info = parse_file(sys.argv[2])
        print('HEADER', header, info)
        for i, r in enumerate(recs, 1):
            print(i, r)
        return 0

    # ---- entities
    ents = {}
    with open(os.path.join(HERE, 'entities.tsv'), encoding='utf-8', newline='') as f:
        rd = csv.DictReader(f, delimiter='\t')
        want = ['entity_id', 'name', 'kana', 'corporate_number', 'prefecture', 'city', 'address', 'phone',
                'representative', 'industry']
        if rd.fieldnames != want:
            fail('entities.tsv header %s' % rd.fieldnames)
        for r in rd:
            if r['entity_id'] in ents:
                fail('duplicate entity %s' % r['entity_id'])
            ents[r['entity_id']] = r
            cn = r['corporate_number']
            if cn and not corp_valid(cn):
                fail('bad check digit %s %s' % (r['entity_id'], cn))
            if not re.fullmatch(r'[ァ-ヶー・]+', r['kana']):
                fail('kana not katakana: %s %s' % (r['entity_id'], r['kana']))
            if not re.fullmatch(r'\d{2,4}-\d{2,4}-\d{4}', r['phone']):
                fail('phone format %s %s' % (r['entity_id'], r['phone']))
            if len(r['representative'].split(' ')) != 2:
                fail('representative %s %s' % (r['entity_id'], r['representative']))
    nums = [e['corporate_number'] for e in ents.values() if e['corporate_number']]
    if len(nums) != len(set(nums)):
        fail('duplicate corporate numbers in entities.tsv')
    sites = {}
    with open(os.path.join(HERE, 'sites.tsv'), encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f, delimiter='\t'):
            if r['entity_id'] not in ents:
                fail('site of unknown entity %s' % r['entity_id'])
            sites[(r['entity_id'], r['site'])] = r
    phones = {}
    for e in ents.values():
        phones.setdefault(e['phone'], []).append(e['entity_id'])
    for (eid, s), r in sites.items():
        phones.setdefault(r['phone'], []).append('%s@%s' % (eid, s))
    for p, who in phones.items():
        if len(who) > 1:
            fail('phone %s shared by %s' % (p, who))
    with open(os.path.join(HERE, 'confusable_pairs.tsv'), encoding='utf-8', newline='') as f:
        pairs = list(csv.DictReader(f, delimiter='\t'))
    for p in pairs:
        if p['entity_a'] not in ents or p['entity_b'] not in ents or p['entity_a'] == p['entity_b']:
            fail('bad confusable pair %s' % p)
        if not p['reason'].strip():
            fail('pair without reason %s' % p)

    # ---- truth
    truth = {}
    with open(os.path.join(HERE, 'truth.csv'), encoding='utf-8', newline='') as f:
        rd = csv.DictReader(f)
        if rd.fieldnames != ['file', 'row', 'entity_id', 'site']:
            fail('truth.csv header %s' % rd.fieldnames)
        for r in rd:
            key = (r['file'], int(r['row']))
            if key in truth:
                fail('truth row twice: %s' % (key,))
            truth[key] = (r['entity_id'], r['site'])
            if r['entity_id'] not in ents:
                fail('truth names unknown entity %s' % r['entity_id'])
            if r['site'] and (r['entity_id'], r['site']) not in sites:
                fail('truth names unknown site %s %s' % (r['entity_id'], r['site']))
            if r['file'] not in FILES:
                fail('truth names unknown file %s' % r['file'])
    nonmember = {}
    with open(os.path.join(HERE, 'nonmember_rows.tsv'), encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f, delimiter='\t'):
            nonmember[(r['file'], int(r['row']))] = r['kind']

    # ---- lists
    print('%-48s %-9s %-5s %6s %6s %6s' % ('file', 'encoding', 'nl', 'header', 'member', 'other'))
    lists_of = {}
    total = 0
    for name in FILES:
        path = os.path.join(DELIVERED, name)
        if not os.path.exists(path):
            fail('missing delivered file %s' % name)
            continue
        try:
            header, recs, info = parse_file(name)
        except csv.Error as ex:
            fail('%s does not parse: %s' % (name, ex))
            continue
        nmem = 0
        for i, rec in enumerate(recs, 1):
            key = (name, i)
            is_header_copy = rec == header
            empty = all(c.strip() == '' for c in rec)
            if key in truth:
                nmem += 1
                if empty or is_header_copy:
                    fail('%s row %d is blank/header but has truth' % (name, i))
                eid = truth[key][0]
                lists_of.setdefault(eid, set()).add(name)
            else:
                if key not in nonmember:
                    fail('%s row %d has neither truth nor a non-member note: %s' % (name, i, rec))
        for key in truth:
            if key[0] == name and key[1] > len(recs):
                fail('truth row beyond end of %s: %d' % key)
        for key in nonmember:
            if key[0] == name and key in truth:
                fail('row both member and non-member: %s' % (key,))
        total += nmem
        spec = FILES[name]
        enc = 'xlsx' if spec.get('xlsx') else spec['enc'] + ('+BOM' if spec['bom'] else '')
        print('%-48s %-9s %-5s %6d %6d %6d' % (name, enc, spec.get('nl', '-'), spec['header'], nmem, len(recs) - nmem))
        if spec.get('xlsx'):
            print('    sheets=%s merged=%s' % (info['sheets'], info['merges']))
    # xlsx specifics
    rows, merges, names = read_xlsx(os.path.join(DELIVERED, '花泉企業連絡協議会_会員名簿_R8.xlsx'), 0)
    if not merges:
        fail('HNZ: no merged title cell')
    z = zipfile.ZipFile(os.path.join(DELIVERED, '花泉企業連絡協議会_会員名簿_R8.xlsx'))
    sheet_xml = z.read('xl/worksheets/sheet1.xml').decode('utf-8')
    numbers = re.findall(r'<c r="C\d+" s="\d+"><v>(\d{13})</v></c>', sheet_xml)
    if not numbers:
        fail('HNZ: 法人番号 not stored as numbers')
    rows2, _, names2 = read_xlsx(os.path.join(DELIVERED, '一関高専教育研究振興会_会員名簿_R8.xlsx'), 1)
    if len(names2) < 2 or not rows2:
        fail('KSN: no second sheet of notes')
    # 法人番号 cells: a valid number of ANOTHER entity must be a documented class-c row, an invalid
    # 13-digit number a documented damage row.
    cases = {}
    with open(os.path.join(HERE, 'failure_cases.tsv'), encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f, delimiter='\t'):
            cases.setdefault((r['file'], int(r['row'])), set()).add(r['class'])
    by_num = {e['corporate_number']: eid for eid, e in ents.items() if e['corporate_number']}
    corp_col = {'花泉企業連絡協議会_会員名簿_R8.xlsx': 2, '一関高専教育研究振興会_会員名簿_R8.xlsx': 6,
                '県南技研_賛助会員名簿_R8.csv': 1, 'jidosha_kyogikai_members_20260401.csv': 1}
    n_other = n_bad = n_sci = 0
    for name, col in corp_col.items():
        header, recs, _ = parse_file(name)
        for i, rec in enumerate(recs, 1):
            if (name, i) not in truth or len(rec) <= col:
                continue
            v = rec[col]
            if re.fullmatch(r'\d\.\d*E\+12', v):
                n_sci += 1
                continue
            if not v:
                continue
            eid = truth[(name, i)][0]
            if corp_valid(v):
                if by_num.get(v) != eid:
                    n_other += 1
                    if 'c' not in cases.get((name, i), set()):
                        fail('%s row %d carries %s (entity %s) undocumented' % (name, i, v, by_num.get(v)))
            else:
                n_bad += 1
                if 'damage' not in cases.get((name, i), set()):
                    fail('%s row %d has invalid 法人番号 %s undocumented' % (name, i, v))
    print('法人番号 cells: of another entity %d, invalid %d, scientific notation %d' % (n_other, n_bad, n_sci))
    if len(truth) != total:
        fail('truth lines %d != member rows found %d' % (len(truth), total))
    multi = sum(1 for e in lists_of if len(lists_of[e]) >= 2)
    print()
    print('entities: %d (with 法人番号 %d), sites: %d, confusable pairs: %d' % (
        len(ents), len(nums), len(sites), len(pairs)))
    print('member rows (truth lines): %d; entities in lists: %d; in >=2 lists: %d; site rows: %d' % (
        total, len(lists_of), multi, sum(1 for v in truth.values() if v[1])))
    print('HNZ numeric 法人番号 cells: %d' % len(numbers))
    print('OK' if not errors else '%d FAILURES' % len(errors))
    return 0 if not errors else 1


if __name__ == '__main__':
    sys.exit(main())
