#!/usr/bin/env python3
"""Consistency checks for the renkei entity-resolution evaluation set.

Run from anywhere:  python3 tests/data/resolve/sources/verify.py
Exits non-zero on any hard failure. Prints counts used in README.md.

This script checks the data set against itself (encodings, record counts,
truth references, check digits). It is not a resolver and must not be used to
tune one. The "reference baseline" section only reproduces the baseline named
in README.md so that its numbers there can be re-derived.
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
fail = []


def err(msg):
    fail.append(msg)
    print("FAIL:", msg)


def check_digit(base12):
    s = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(base12)))
    return 9 - (s % 9)


def valid_corp_no(s):
    return len(s) == 13 and s.isdigit() and int(s[0]) == check_digit(s[1:])


# ---- list files: (file, encoding, bom, eol, index of header record, data filter)
LISTS = [
    # name, encoding, BOM, record terminator, header record index (0-based)
    ("cci_kogyo_bukai.csv", "CP932", False, b"\r\n", 2),
    ("ryoban_plaza.csv", "UTF-8", True, b"\r\n", 0),
    ("iwate_semicon.csv", "CP932", False, b"\r\n", 0),
    ("senmaya_kogyo_club.csv", "CP932", False, b"\r\n", 0),
    ("kennan_tech_sanjo.csv", "UTF-8", False, b"\n", 0),
    ("ryoban_shinko_h16.csv", "CP932", False, b"\r\n", 1),
]
JSONL = "kitakamigawa_monozukuri.jsonl"
SOURCES = {  # delivered file -> hand-written UTF-8 source (LF)
    "cci_kogyo_bukai.csv": "cci_kogyo_bukai.utf8.csv",
    "ryoban_plaza.csv": "ryoban_plaza.utf8.csv",
    "iwate_semicon.csv": "iwate_semicon.utf8.csv",
    "senmaya_kogyo_club.csv": "senmaya_kogyo_club.utf8.csv",
    "ryoban_shinko_h16.csv": "ryoban_shinko_h16.utf8.csv",
}


def iconv(data, frm, to):
    p = subprocess.run(["iconv", "-f", frm, "-t", to], input=data, capture_output=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.decode())
    return p.stdout


def decode(name, enc, bom):
    raw = open(os.path.join(ROOT, name), "rb").read()
    if enc == "CP932":
        text = iconv(raw, "CP932", "UTF-8").decode("utf-8")
        back = iconv(text.encode("utf-8"), "UTF-8", "CP932")
        if back != raw:
            err(f"{name}: CP932 round trip through iconv changes bytes")
        try:
            raw.decode("utf-8")
            err(f"{name}: expected CP932 but file is valid UTF-8")
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


# ---- entities
ents = {}
with open(os.path.join(ROOT, "entities.tsv"), encoding="utf-8", newline="") as f:
    lines = f.read().split("\n")
if lines[-1] != "":
    err("entities.tsv: no final newline")
hdr = lines[0].split("\t")
if hdr != ["entity_id", "name", "kana", "corporate_number", "prefecture", "city",
           "address", "phone", "representative", "industry"]:
    err(f"entities.tsv header {hdr}")
seen_no = {}
for ln in lines[1:-1]:
    f = ln.split("\t")
    if len(f) != 10:
        err(f"entities.tsv: {len(f)} fields: {ln}")
        continue
    e = dict(zip(hdr, f))
    if e["entity_id"] in ents:
        err(f"duplicate id {e['entity_id']}")
    ents[e["entity_id"]] = e
    n = e["corporate_number"]
    if n:
        if not valid_corp_no(n):
            err(f"{e['entity_id']}: invalid corporate number {n}")
        if n in seen_no:
            err(f"corporate number {n} reused by {seen_no[n]} and {e['entity_id']}")
        seen_no[n] = e["entity_id"]
print(f"entities: {len(ents)} ({len(seen_no)} with a valid 13-digit corporate number, "
      f"{len(ents) - len(seen_no)} without)")

# ---- parse lists
records = {}  # file -> list of data records (list of str, or dict for jsonl)
for name, enc, bom, eol, hidx in LISTS:
    raw, text = decode(name, enc, bom)
    # record terminators: every line break outside quotes must be eol
    body = raw[3:] if bom else raw
    if eol == b"\r\n":
        if not body.endswith(b"\r\n"):
            err(f"{name}: does not end with CRLF")
    else:
        if b"\r" in body:
            err(f"{name}: contains CR but should be LF only")
    recs = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header = recs[hidx]
    data = recs[hidx + 1:]
    # drop trailing blank and totals rows (not data rows by definition)
    while data and (is_blank(data[-1]) or data[-1][0].strip() in ("合計", "計")):
        data.pop()
    widths = collections.Counter(len(r) for r in recs)
    if len(widths) != 1:
        err(f"{name}: ragged records {dict(widths)}")
    for i, r in enumerate(data, 1):
        if is_blank(r):
            err(f"{name}: blank record {i} inside data")
    records[name] = data
    eol_name = "CRLF" if eol == b"\r\n" else "LF"
    print(f"{name}: {enc}{' BOM' if bom else ''}, {eol_name}, "
          f"{len(recs)} records in total, header at record {hidx + 1}, {len(data)} data rows, "
          f"{widths.most_common(1)[0][0]} fields")

with open(os.path.join(ROOT, JSONL), "rb") as f:
    raw = f.read()
if b"\r" in raw or raw.startswith(b"\xef\xbb\xbf"):
    err(f"{JSONL}: CR or BOM present")
objs = []
for i, ln in enumerate(raw.decode("utf-8").split("\n")[:-1], 1):
    o = json.loads(ln)
    if set(o) != {"name", "address", "tel", "representative"}:
        err(f"{JSONL}:{i} keys {sorted(o)}")
    objs.append(o)
records[JSONL] = objs
print(f"{JSONL}: UTF-8, LF, {len(objs)} objects")

# ---- sources vs delivered
for deliv, src in SOURCES.items():
    s = open(os.path.join(HERE, src), "rb").read()
    if b"\r" in s or s.startswith(b"\xef\xbb\xbf"):
        err(f"{src}: source should be LF, no BOM")
    enc = dict((n, e) for n, e, *_ in LISTS)[deliv]
    _, text = decode(deliv, enc, deliv == "ryoban_plaza.csv")
    # undo CRLF outside quotes
    if text.replace("\r\n", "\n") != s.decode("utf-8"):
        err(f"{deliv}: differs from sources/{src} beyond line endings/encoding")

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


def rec_text(fname, i):
    r = records[fname][i - 1]
    return " | ".join(str(v) for v in (r.values() if isinstance(r, dict) else r))


def digits(s):
    return "".join(ch for ch in unicodedata.normalize("NFKC", s or "") if ch.isdigit())


# plant rows must carry their site label in the record; head-office rows should
# carry the entity's phone (last 6 digits, since some lists drop the area code)
notes = []
for t in truth:
    txt = rec_text(t["file"], int(t["row"]))
    e = ents[t["entity_id"]]
    if t["site"]:
        if t["site"] not in unicodedata.normalize("NFKC", txt):
            err(f"{t['file']}:{t['row']} site {t['site']} not in record: {txt}")
    else:
        if digits(e["phone"])[-6:] not in digits(txt):
            notes.append(f"{t['file']}:{t['row']} {t['entity_id']}: phone differs: {txt}")

# corporate numbers in the semiconductor list
sem_hdr_idx = 3
bad_cd, sci, empty = [], [], []
for i, r in enumerate(records["iwate_semicon.csv"], 1):
    v = r[sem_hdr_idx]
    eid = by_file["iwate_semicon.csv"][i - 1]["entity_id"]
    if v == "":
        empty.append(i)
    elif "E+" in v:
        sci.append((i, v))
    elif valid_corp_no(v):
        if ents[eid]["corporate_number"] != v:
            err(f"iwate_semicon.csv:{i} valid number {v} but entity {eid} has {ents[eid]['corporate_number']}")
    else:
        bad_cd.append((i, v, ents[eid]["corporate_number"]))
print(f"iwate_semicon.csv 法人番号: {len(sci)} in scientific notation {sci}; "
      f"{len(bad_cd)} with wrong check digit {bad_cd}; {len(empty)} empty {empty}")

# ---- counts
rows_per_entity = collections.Counter(t["entity_id"] for t in truth)
lists_per_entity = collections.defaultdict(set)
for t in truth:
    lists_per_entity[t["entity_id"]].add(t["file"])
dist = collections.Counter(len(v) for v in lists_per_entity.values())
pairs = sum(n * (n - 1) // 2 for n in rows_per_entity.values())
within = sum(sum(c * (c - 1) // 2 for c in collections.Counter(t["file"] for t in truth if t["entity_id"] == e).values())
             for e in rows_per_entity)
print(f"data rows: {len(truth)}; entities in 1/2/3/4/5+ lists: "
      f"{dist[1]}/{dist[2]}/{dist[3]}/{dist[4]}/{sum(v for k, v in dist.items() if k >= 5)}")
print(f"true pairwise links: {pairs} ({within} of them within one list); "
      f"plant/branch rows: {sum(1 for t in truth if t['site'])}")
print("rows per file:", {f: len(v) for f, v in records.items()})

# ---- reference baseline (exact match on NFKC name with legal-form words removed)
LEGAL = ["株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人",
         "協同組合", "(株)", "(有)", "(同)", "カブシキガイシャ", "ユウゲンガイシャ"]


def name_of(fname, i):
    r = records[fname][i - 1]
    if fname == JSONL:
        return r["name"]
    col = {"cci_kogyo_bukai.csv": 1, "ryoban_plaza.csv": 0, "iwate_semicon.csv": 1,
           "senmaya_kogyo_club.csv": 1, "kennan_tech_sanjo.csv": 1,
           "ryoban_shinko_h16.csv": 1}[fname]
    return r[col]


def base_key(s):
    s = unicodedata.normalize("NFKC", s)
    for w in LEGAL:
        s = s.replace(w, "")
    return "".join(s.split())


keys = [(t, base_key(name_of(t["file"], int(t["row"])))) for t in truth]
tp = fp = fn = 0
for (a, ka), (b, kb) in itertools.combinations(keys, 2):
    same = a["entity_id"] == b["entity_id"]
    pred = ka == kb
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
