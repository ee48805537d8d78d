#!/usr/bin/python3
"""Checks resolve_unseen2 for internal consistency (standard library only). Exits non-zero on the first class of
failure it finds, after printing every problem of that kind. Prints counts when all is well.

It does not run or read anything of the project: it only checks that the set says what it claims to say.
"""
import collections
import csv
import io
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DELIVERED = os.path.join(HERE, "delivered")
problems = []


def bad(msg):
    problems.append(msg)


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        text = f.read()
    assert "\r" not in text, name + " has CR"
    lines = text.split("\n")
    assert lines[-1] == "", name + " does not end with a line break"
    head = lines[0].split("\t")
    rows = []
    for i, ln in enumerate(lines[1:-1], 2):
        parts = ln.split("\t")
        if len(parts) != len(head):
            bad("%s line %d: %d fields, header has %d" % (name, i, len(parts), len(head)))
        rows.append(dict(zip(head, parts)))
    return rows


def check_digit_ok(n):
    if not re.fullmatch(r"[0-9]{13}", n):
        return False
    base = n[1:]
    s = sum(int(base[12 - k]) * (1 if k % 2 else 2) for k in range(1, 13))
    return int(n[0]) == 9 - s % 9


def finish(stage):
    if problems:
        print("FAILED at %s:" % stage)
        for p in problems[:200]:
            print("  " + p)
        if len(problems) > 200:
            print("  ... and %d more" % (len(problems) - 200))
        sys.exit(1)


# ---- universe ------------------------------------------------------------------------------------------------
ents = read_tsv("entities.tsv")
sites = read_tsv("sites.tsv")
mems = read_tsv("memberships.tsv")
notes = read_tsv("notes.tsv")
conf = read_tsv("confusable_pairs.tsv")
E = {}
for e in ents:
    if e["entity_id"] in E:
        bad("duplicate entity " + e["entity_id"])
    E[e["entity_id"]] = e
numbers = collections.Counter(e["corporate_number"] for e in ents if e["corporate_number"])
for e in ents:
    n = e["corporate_number"]
    if n and not check_digit_ok(n):
        bad("check digit fails: %s %s" % (e["entity_id"], n))
    if not n and e["name"].startswith(("株式会社", "有限会社")):
        bad("company without 法人番号: " + e["entity_id"])
for n, c in numbers.items():
    if c > 1:
        bad("法人番号 used %d times: %s" % (c, n))
S = {}
for s in sites:
    k = (s["entity_id"], s["site"])
    if s["entity_id"] not in E:
        bad("site of unknown entity " + str(k))
    if k in S:
        bad("duplicate site " + str(k))
    S[k] = s
phones = collections.Counter([e["phone"] for e in ents if e["phone"]] + [s["phone"] for s in sites if s["phone"]])
for p, c in phones.items():
    if c > 1:
        bad("phone used %d times in the universe: %s" % (c, p))
    if not re.fullmatch(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}", p) or len(p.replace("-", "")) != 10:
        bad("phone not a 10-digit fixed-line number: " + p)
for m in mems:
    if m["entity_id"] not in E or (m["site"] and (m["entity_id"], m["site"]) not in S):
        bad("membership of unknown unit: %s" % m)
for c in conf:
    if c["entity_a"] not in E or c["entity_b"] not in E or c["entity_a"] == c["entity_b"]:
        bad("confusable pair not two known entities: %s" % c)
for n in notes:
    if n["entity_id"] not in E or (n["other_entity_id"] and n["other_entity_id"] not in E):
        bad("note about unknown entity: %s" % n)
finish("universe")


# ---- delivered files -------------------------------------------------------------------------------------------
def parse_csv(path, spec):
    with open(path, "rb") as f:
        data = f.read()
    enc = spec["encoding"]
    if spec["bom"] == "yes":
        if not data.startswith(b"\xef\xbb\xbf"):
            bad(path + ": BOM missing")
        body = data[3:]
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            bad(path + ": unexpected BOM")
        body = data
    text = body.decode(enc, errors="strict")
    if text.encode(enc, errors="strict") != body:
        bad(path + ": does not round-trip through " + enc)
    if "\ufffd" in text:
        bad(path + ": replacement character in text")
    delim = "\t" if spec["format"] == "tsv" else ","
    recs = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True))
    # line ends: every record ends with the declared line end; line breaks inside quoted fields are LF
    if spec["newline"] == "CRLF":
        if text.count("\r\n") != len(recs) or text.count("\r") != len(recs):
            bad("%s: %d CRLF for %d records" % (path, text.count("\r\n"), len(recs)))
    else:
        if "\r" in text:
            bad(path + ": CR in an LF file")
    if not text.endswith("\r\n" if spec["newline"] == "CRLF" else "\n"):
        bad(path + ": last record lacks its line end")
    width = len(recs[int(spec["header_at"]) - 1])
    for i, r in enumerate(recs, 1):
        if i > int(spec["header_at"]) and len(r) != width:
            bad("%s record %d: %d fields, header has %d" % (path, i, len(r), width))
    hdr = int(spec["header_at"])
    return recs[hdr - 1], [list(r) for r in recs[hdr:]]


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def parse_xlsx(path, spec):
    with zipfile.ZipFile(path) as z:
        if z.testzip() is not None:
            bad(path + ": corrupt member")
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = wb.find("m:sheets", NS).findall("m:sheet", NS)
        rid = sheets[0].get("{%s}id" % NS["r"])
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = [r.get("Target") for r in rels.findall("p:Relationship", NS) if r.get("Id") == rid][0]
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        sh = ET.fromstring(z.read(target))
    rows = {}
    for row in sh.find("m:sheetData", NS).findall("m:row", NS):
        rn = int(row.get("r"))
        vals = {}
        for c in row.findall("m:c", NS):
            t = c.get("t")
            v = c.find("m:v", NS)
            if t == "s":
                val = shared[int(v.text)]
            elif t == "inlineStr":
                val = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            else:
                val = v.text if v is not None else ""
            if val != "":
                vals[col_index(c.get("r"))] = val
        if vals:
            rows[rn] = vals
    hdr = int(spec["header_at"])
    last = max(rows)
    width = max(max(v) for v in rows.values()) + 1

    def as_list(rn):
        d = rows.get(rn, {})
        return [d.get(i, "") for i in range(width)]
    return as_list(hdr), [as_list(rn) for rn in range(hdr + 1, last + 1)]


layout = read_tsv("layout.tsv")
files_here = sorted(os.listdir(DELIVERED))
if sorted(l["file"] for l in layout) != files_here:
    bad("delivered/ and layout.tsv disagree: %s vs %s" % (files_here, sorted(l["file"] for l in layout)))
finish("file list")
bodies = {}
for spec in layout:
    path = os.path.join(DELIVERED, spec["file"])
    if spec["format"] == "xlsx":
        header, body = parse_xlsx(path, spec)
    else:
        header, body = parse_csv(path, spec)
    if not any(h.strip() for h in header):
        bad(spec["file"] + ": header row is empty")
    bodies[spec["file"]] = body
    if len(body) != int(spec["member_rows"]) + int(spec["other_rows"]):
        bad("%s: %d records after the header, layout says %s + %s" % (spec["file"], len(body), spec["member_rows"],
                                                                      spec["other_rows"]))
finish("parsing")

# ---- truth -------------------------------------------------------------------------------------------------------
with open(os.path.join(HERE, "truth.csv"), "rb") as f:
    raw = f.read()
if b"\r" in raw or raw.startswith(b"\xef\xbb\xbf") or not raw.endswith(b"\n"):
    bad("truth.csv must be UTF-8 without BOM, LF line ends")
lines = raw.decode("utf-8").split("\n")[:-1]
if lines[0] != "file,row,entity_id,site":
    bad("truth.csv header is %r" % lines[0])
truth = collections.OrderedDict()
order = []
for ln in lines[1:]:
    parts = next(csv.reader([ln], strict=True))
    if len(parts) != 4:
        bad("truth line with %d fields: %s" % (len(parts), ln))
        continue
    fn, row, eid, site = parts
    if fn not in bodies:
        bad("truth names an unknown file " + fn)
        continue
    if not order or order[-1] != fn:
        if fn in order:
            bad("truth.csv: %s appears in two blocks" % fn)
        order.append(fn)
    r = int(row)
    if (fn, r) in truth:
        bad("truth.csv: %s row %d twice" % (fn, r))
    if eid not in E:
        bad("truth.csv: unknown entity %s" % eid)
    if site and (eid, site) not in S:
        bad("truth.csv: unknown site %s/%s" % (eid, site))
    truth[(fn, r)] = (eid, site)
if order != [l["file"] for l in layout]:
    bad("truth.csv list order %s differs from layout order" % order)
nonm = {}
for n in read_tsv("nonmember_rows.tsv"):
    k = (n["file"], int(n["row"]))
    if k in nonm or k in truth:
        bad("nonmember row given twice or also in truth: %s" % (k,))
    nonm[k] = n["kind"]
    if n["kind"] not in ("blank", "heading", "total", "note", "repeated_header"):
        bad("unknown non-member kind %s" % n["kind"])
kinds = collections.Counter()
for spec in layout:
    fn = spec["file"]
    body = bodies[fn]
    for i, rec in enumerate(body, 1):
        k = (fn, i)
        filled = [c for c in rec if str(c).strip()]
        if k in truth:
            if len(filled) < 2:
                bad("%s row %d is a member but has %d filled cells" % (fn, i, len(filled)))
        elif k in nonm:
            kinds[nonm[k]] += 1
            if (nonm[k] == "blank") != (not filled):
                bad("%s row %d: kind %s but %d filled cells" % (fn, i, nonm[k], len(filled)))
        else:
            bad("%s row %d is neither a member nor a listed non-member row" % (fn, i))
    for (f2, r2) in list(truth) + list(nonm):
        if f2 == fn and not 1 <= r2 <= len(body):
            bad("%s row %d is outside the %d records after the header" % (fn, r2, len(body)))
# memberships and truth agree, list by list (file NN ↔ list LNN)
by_list = collections.defaultdict(collections.Counter)
for m in mems:
    by_list[m["list_id"]][(m["entity_id"], m["site"])] += 1
for spec in layout:
    lid = "L" + spec["file"][:2]
    got = collections.Counter(v for (f, r), v in truth.items() if f == spec["file"])
    if got != by_list[lid]:
        bad("%s: truth and memberships.tsv (%s) disagree" % (spec["file"], lid))
for fc in read_tsv("failure_cases.tsv"):
    k = (fc["file"], int(fc["row"]))
    if truth.get(k) != (fc["entity_id"], fc["site"]):
        bad("failure case does not match truth: %s" % fc)
finish("truth")

# ---- counts ------------------------------------------------------------------------------------------------------
ent_lists = collections.defaultdict(set)
for (fn, r), (eid, site) in truth.items():
    ent_lists[eid].add(fn)
fc = collections.Counter(f["class"] for f in read_tsv("failure_cases.tsv"))
print("entities %d (%d sole proprietors without 法人番号), sites %d" % (len(E), sum(1 for e in ents if not
      e["corporate_number"]), len(S)))
print("lists %d, member rows %d, non-member rows %d %s" % (len(layout), len(truth), len(nonm),
      dict(sorted(kinds.items()))))
print("entities in a list %d, in 3+ lists %d, in 5+ lists %d" % (len(ent_lists), sum(1 for v in
      ent_lists.values() if len(v) >= 3), sum(1 for v in ent_lists.values() if len(v) >= 5)))
print("confusable pairs %d, notes %d" % (len(conf), len(notes)))
print("failure cases %d:" % sum(fc.values()))
for c, n in sorted(fc.items()):
    print("  %-28s %d" % (c, n))
print("OK")
