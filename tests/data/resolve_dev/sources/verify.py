#!/usr/bin/env python3
"""Consistency checks for the renkei entity-resolution DEVELOPMENT set.

Run from anywhere:  python3 tests/data/resolve_dev/sources/verify.py [-v]
Exits non-zero on any failure. Prints the counts used in README.md.

This script checks the data set against itself (encodings, record counts,
truth references, check digits) and checks that it shares no company name,
phone number, corporate number or representative with the evaluation set in
tests/data/resolve (only those four columns of its entities.tsv are read, to
keep the two sets disjoint). It is not a resolver. The "reference baseline"
section reproduces the baseline named in README.md so that its numbers there
can be re-derived.
"""
import collections
import csv
import io
import itertools
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVAL = os.path.join(os.path.dirname(ROOT), "resolve")
fail = []


def err(msg):
    fail.append(msg)
    print("FAIL:", msg)


def check_digit(base12):
    # NTA: weights 1,2,1,2,... from the right; check = 9 - (sum mod 9)
    s = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(base12)))
    return 9 - (s % 9)


def valid_corp_no(s):
    return (len(s) == 13 and all(c in "0123456789" for c in s)
            and int(s[0]) == check_digit(s[1:]))


# name, encoding, BOM, record terminator, header record index (0-based), name column
LISTS = [
    ("konwakai_meibo.csv", "CP932", False, b"\r\n", 2, 1),
    ("iwaigawa_forum.csv", "UTF-8", True, b"\r\n", 0, 0),
    ("denshi_kenkyukai.csv", "CP932", False, b"\r\n", 0, 1),
    ("kondankai_h17.csv", "UTF-8", False, b"\n", 1, 1),
]
JSONL = "kennan_net.jsonl"
JSONL_KEYS = ["name", "address", "tel", "representative"]
SOURCES = {  # delivered file -> hand-written UTF-8 source (LF)
    "konwakai_meibo.csv": "konwakai_meibo.utf8.csv",
    "iwaigawa_forum.csv": "iwaigawa_forum.utf8.csv",
    "denshi_kenkyukai.csv": "denshi_kenkyukai.utf8.csv",
}
CORP_NO_FILE, CORP_NO_COL = "denshi_kenkyukai.csv", 3
ENT_COLS = ["entity_id", "name", "kana", "corporate_number", "prefecture", "city",
            "address", "phone", "representative", "industry"]


def iconv(data, frm, to):
    p = subprocess.run(["iconv", "-f", frm, "-t", to], input=data, capture_output=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.decode())
    return p.stdout


def decode(name, enc, bom):
    raw = open(os.path.join(ROOT, name), "rb").read()
    if enc == "CP932":
        text = iconv(raw, "CP932", "UTF-8").decode("utf-8")
        if iconv(text.encode("utf-8"), "UTF-8", "CP932") != raw:
            err(f"{name}: CP932 round trip through iconv changes bytes")
        try:
            raw.decode("utf-8")
            err(f"{name}: expected CP932 but the file is valid UTF-8")
        except UnicodeDecodeError:
            pass
    else:
        has_bom = raw.startswith(b"\xef\xbb\xbf")
        if has_bom != bom:
            err(f"{name}: BOM present={has_bom}, expected {bom}")
        text = raw.decode("utf-8-sig" if bom else "utf-8")
    return raw, text


def is_blank(rec):
    return all(c.strip() == "" for c in rec)


def read_entities(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    return lines


# ---- entities
lines = read_entities(os.path.join(ROOT, "entities.tsv"))
if lines[-1] != "":
    err("entities.tsv: no final newline")
if lines[0].split("\t") != ENT_COLS:
    err(f"entities.tsv header {lines[0]}")
ents, seen_no = {}, {}
for ln in lines[1:-1]:
    f = ln.split("\t")
    if len(f) != len(ENT_COLS):
        err(f"entities.tsv: {len(f)} fields: {ln}")
        continue
    e = dict(zip(ENT_COLS, f))
    if e["entity_id"] in ents:
        err(f"duplicate id {e['entity_id']}")
    ents[e["entity_id"]] = e
    n = e["corporate_number"]
    if n:
        if not valid_corp_no(n):
            err(f"{e['entity_id']}: invalid corporate number {n}")
        if n in seen_no:
            err(f"corporate number {n} used by {seen_no[n]} and {e['entity_id']}")
        seen_no[n] = e["entity_id"]
phones = collections.Counter(e["phone"] for e in ents.values())
for p, c in phones.items():
    if c > 1:
        err(f"phone {p} used by {c} entities")
print(f"entities: {len(ents)} ({len(seen_no)} with a valid 13-digit corporate number, "
      f"{len(ents) - len(seen_no)} without)")

# ---- parse lists
records, headers = {}, {}
for name, enc, bom, eol, hidx, _ in LISTS:
    raw, text = decode(name, enc, bom)
    body = raw[3:] if bom else raw
    if not body.endswith(eol):
        err(f"{name}: does not end with its record terminator")
    if eol == b"\n" and b"\r" in body:
        err(f"{name}: contains CR but should be LF only")
    if eol == b"\r\n":
        # every LF outside quotes must be preceded by CR; inside quotes bare LF is allowed
        q = False
        for i, ch in enumerate(text):
            if ch == '"':
                q = not q
            elif ch == "\n" and not q and (i == 0 or text[i - 1] != "\r"):
                err(f"{name}: bare LF outside a quoted field at char {i}")
                break
    recs = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    headers[name] = recs[hidx]
    data = recs[hidx + 1:]
    while data and (is_blank(data[-1]) or data[-1][0].strip() in ("合計", "計")):
        data.pop()
    widths = collections.Counter(len(r) for r in recs)
    if len(widths) != 1:
        err(f"{name}: ragged records {dict(widths)}")
    for i, r in enumerate(data, 1):
        if is_blank(r):
            err(f"{name}: blank record {i} inside the data")
    records[name] = data
    eol_name = "CRLF" if eol == b"\r\n" else "LF"
    print(f"{name}: {enc}{' BOM' if bom else ''}, {eol_name}, "
          f"{len(recs)} records, header at record {hidx + 1}, {len(data)} data rows, "
          f"{widths.most_common(1)[0][0]} fields")

raw = open(os.path.join(ROOT, JSONL), "rb").read()
if b"\r" in raw or raw.startswith(b"\xef\xbb\xbf") or not raw.endswith(b"\n"):
    err(f"{JSONL}: CR, BOM or missing final LF")
objs = []
for i, ln in enumerate(raw.decode("utf-8").split("\n")[:-1], 1):
    o = json.loads(ln)
    if list(o) != JSONL_KEYS:
        err(f"{JSONL}:{i} keys {list(o)}")
    if "\\u" in ln:
        err(f"{JSONL}:{i} escaped non-ASCII")
    objs.append(o)
records[JSONL] = objs
print(f"{JSONL}: UTF-8, LF, {len(objs)} objects")

# ---- sources vs delivered
for deliv, src in SOURCES.items():
    s = open(os.path.join(HERE, src), "rb").read()
    if b"\r" in s or s.startswith(b"\xef\xbb\xbf"):
        err(f"{src}: source should be LF without BOM")
    enc, bom = [(e, b) for n, e, b, *_ in LISTS if n == deliv][0]
    _, text = decode(deliv, enc, bom)
    if text.replace("\r\n", "\n") != s.decode("utf-8"):
        err(f"{deliv}: differs from sources/{src} beyond line endings, BOM and encoding")

# ---- truth
truth = list(csv.DictReader(open(os.path.join(ROOT, "truth.csv"), encoding="utf-8", newline="")))
by_file = collections.defaultdict(list)
for t in truth:
    by_file[t["file"]].append(t)
    if t["entity_id"] not in ents:
        err(f"truth: unknown entity {t['entity_id']}")
for fname, data in records.items():
    rows = [int(t["row"]) for t in by_file.get(fname, [])]
    if rows != list(range(1, len(data) + 1)):
        err(f"truth rows for {fname} are not exactly 1..{len(data)}")
for fname in by_file:
    if fname not in records:
        err(f"truth refers to unknown file {fname}")
unused = set(ents) - {t["entity_id"] for t in truth}
if unused:
    err(f"entities never referenced by truth: {sorted(unused)}")


def record(fname, i):
    r = records[fname][i - 1]
    return list(r.values()) if isinstance(r, dict) else r


def rec_text(fname, i):
    return " | ".join("" if v is None else str(v) for v in record(fname, i))


def digits(s):
    return "".join(ch for ch in unicodedata.normalize("NFKC", s or "") if ch.isdigit())


# plant rows must carry their site label; head-office rows should carry the
# entity's phone (last 6 digits, since some lists drop the area code)
notes = []
for t in truth:
    txt = rec_text(t["file"], int(t["row"]))
    e = ents[t["entity_id"]]
    if t["site"]:
        if t["site"] not in unicodedata.normalize("NFKC", txt):
            err(f"{t['file']}:{t['row']} site {t['site']} not in record: {txt}")
    elif digits(e["phone"])[-6:] not in digits(txt):
        notes.append(f"{t['file']}:{t['row']} {t['entity_id']}: phone differs: {txt}")

# corporate numbers in the one list that has them
sci, bad, empty = [], [], []
for i, r in enumerate(records[CORP_NO_FILE], 1):
    v = r[CORP_NO_COL]
    eid = by_file[CORP_NO_FILE][i - 1]["entity_id"]
    if v == "":
        empty.append(i)
    elif "E+" in v:
        sci.append((i, v))
    elif valid_corp_no(v):
        if ents[eid]["corporate_number"] != v:
            err(f"{CORP_NO_FILE}:{i} valid number {v} but {eid} has {ents[eid]['corporate_number']}")
    else:
        bad.append((i, v, ents[eid]["corporate_number"]))
print(f"{CORP_NO_FILE} 法人番号: {len(sci)} in scientific notation {sci}; "
      f"{len(bad)} invalid {bad}; {len(empty)} empty {empty}")

# ---- disjoint from the evaluation set
LEGAL = ["株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人",
         "協同組合", "(株)", "(有)", "(同)", "カブシキガイシャ", "ユウゲンガイシャ"]


def base_key(s):
    s = unicodedata.normalize("NFKC", s)
    for w in LEGAL:
        s = s.replace(w, "")
    return "".join(s.split())


ev_path = os.path.join(EVAL, "entities.tsv")
if os.path.exists(ev_path):
    ev = [dict(zip(ENT_COLS, ln.split("\t"))) for ln in read_entities(ev_path)[1:-1]]
    for col, key in (("name", base_key), ("corporate_number", str), ("phone", digits),
                     ("representative", str)):
        theirs = {key(e[col]) for e in ev if e[col]}
        for d in ents.values():
            if d[col] and key(d[col]) in theirs:
                err(f"{d['entity_id']} {col} {d[col]} also occurs in the evaluation set")
    print("disjoint from the evaluation set (name, corporate number, phone, representative): "
          + ("no" if any("evaluation set" in m for m in fail) else "yes"))
else:
    print("evaluation set not found; disjointness not checked")

# ---- counts
rows_per_entity = collections.Counter(t["entity_id"] for t in truth)
lists_per_entity = collections.defaultdict(set)
for t in truth:
    lists_per_entity[t["entity_id"]].add(t["file"])
dist = collections.Counter(len(v) for v in lists_per_entity.values())
pairs = sum(n * (n - 1) // 2 for n in rows_per_entity.values())
within = sum(c * (c - 1) // 2 for c in collections.Counter((t["entity_id"], t["file"]) for t in truth).values())
print(f"data rows: {len(truth)}; entities in 1/2/3/4/5 lists: "
      f"{dist[1]}/{dist[2]}/{dist[3]}/{dist[4]}/{dist[5]}")
single = collections.Counter(next(iter(v)) for v in lists_per_entity.values() if len(v) == 1)
print(f"entities in one list only, by list: {dict(single)}")
print(f"true pairwise links: {pairs} ({within} of them within one list); "
      f"plant rows: {sum(1 for t in truth if t['site'])}")
print("rows per file:", {f: len(v) for f, v in records.items()})

# ---- reference baseline (exact match on NFKC name with legal-form words removed)
NAME_COL = {n: c for n, *_, c in LISTS}


def name_of(fname, i):
    r = records[fname][i - 1]
    return r["name"] if fname == JSONL else r[NAME_COL[fname]]


keys = [(t, base_key(name_of(t["file"], int(t["row"])))) for t in truth]
tp = fp = fn = 0
for (a, ka), (b, kb) in itertools.combinations(keys, 2):
    same, pred = a["entity_id"] == b["entity_id"], ka == kb
    tp += same and pred
    fp += (not same) and pred
    fn += same and not pred
p = tp / (tp + fp) if tp + fp else 0.0
r = tp / (tp + fn) if tp + fn else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print(f"reference baseline: TP={tp} FP={fp} FN={fn} P={p:.3f} R={r:.3f} F1={f1:.3f}; "
      f"clusters {len(set(k for _, k in keys))} vs true {len(rows_per_entity)}")

if "-v" in sys.argv:
    print("\nhead-office rows whose phone differs from entities.tsv (expected for some):")
    for n in notes:
        print("  ", n)
print(f"\n{len(notes)} phone notes; {len(fail)} failures")
sys.exit(1 if fail else 0)
