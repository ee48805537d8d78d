#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Checks of the held-out set resolve_unseen3 (standard library only). Exit status 1 on any failure.

- 法人番号 check digits in entities.tsv; unique phones and numbers in the universe
- every delivered list parses (csv strict; xlsx through zipfile + XML) and its encoding round-trips
- truth.csv: exact header, LF line ends, covers every member row exactly once, existing entities/sites
- every record after the header is a member row (truth.csv) or a listed non-member row, never both
- failure_cases.tsv points at member rows of truth.csv
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
DELIV = os.path.join(HERE, "delivered")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}
errors = []


def err(msg):
    errors.append(msg)


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    assert lines[-1] == "", name + " must end with a newline"
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"))) for ln in lines[1:-1]]


def check_digit_ok(num):
    if not re.fullmatch(r"[1-9]\d{12}", num):
        return False
    s = sum(int(ch) * (1 if n % 2 else 2) for n, ch in enumerate(reversed(num[1:]), start=1))
    return int(num[0]) == 9 - s % 9


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_xlsx(path):
    """first sheet -> list of records (index 0 = spreadsheet row 1), cells as text"""
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    first = wb.find("m:sheets/m:sheet", NS)
    rid = first.get("{%s}id" % NS["r"])
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = [x.get("Target") for x in rels.findall("pr:Relationship", NS) if x.get("Id") == rid][0]
    target = target.lstrip("/")
    if not target.startswith("xl/"):
        target = "xl/" + target
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in sst.findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    sheet = ET.fromstring(z.read(target))
    rows = {}
    for row in sheet.findall("m:sheetData/m:row", NS):
        rn = int(row.get("r"))
        cells = {}
        for c in row.findall("m:c", NS):
            t = c.get("t")
            v = c.find("m:v", NS)
            if t == "s":
                val = shared[int(v.text)]
            elif t == "inlineStr":
                val = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            else:
                val = v.text if v is not None else ""
            cells[col_index(c.get("r"))] = val
        if any(v != "" for v in cells.values()):
            rows[rn] = [cells.get(i, "") for i in range(max(cells) + 1)]
    last = max(rows) if rows else 0
    return [rows.get(i, []) for i in range(1, last + 1)]


def read_text(path, enc, nl, delim):
    data = open(path, "rb").read()
    if enc == "utf-16":
        if not data.startswith(b"\xff\xfe"):
            err(path + ": UTF-16 file without little-endian BOM")
        text = data[2:].decode("utf-16-le")
        back = b"\xff\xfe" + text.encode("utf-16-le")
    elif enc == "utf-8-sig":
        if not data.startswith(b"\xef\xbb\xbf"):
            err(path + ": expected a BOM")
        text = data.decode("utf-8-sig")
        back = text.encode("utf-8-sig")
    elif enc == "utf-8":
        if data.startswith(b"\xef\xbb\xbf"):
            err(path + ": unexpected BOM")
        text = data.decode("utf-8")
        back = text.encode("utf-8")
    else:
        text = data.decode(enc)
        back = text.encode(enc)
    if back != data:
        err(path + ": encoding does not round-trip")
    recs = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True))
    terminators = text.count("\r\n") if nl == "CRLF" else text.count("\n")
    if nl == "LF" and "\r" in text:
        err(path + ": CR in an LF file")
    if terminators != len(recs):
        err("%s: %d records but %d %s terminators" % (path, len(recs), terminators, nl))
    return [[c for c in r] for r in recs]


def main():
    ents = read_tsv("entities.tsv")
    sites = read_tsv("sites.tsv")
    eids = {e["entity_id"] for e in ents}
    site_keys = {(s["entity_id"], s["site"]) for s in sites}
    nums = [e["corporate_number"] for e in ents if e["corporate_number"]]
    for e in ents:
        n = e["corporate_number"]
        if n and not check_digit_ok(n):
            err("bad check digit %s %s" % (e["entity_id"], n))
    if len(set(nums)) != len(nums):
        err("duplicate 法人番号 in the universe")
    phones = [e["phone"] for e in ents] + [s["phone"] for s in sites]
    dup = [p for p, c in collections.Counter(phones).items() if c > 1]
    if dup:
        err("duplicate phones: %s" % dup)
    if len(eids) != len(ents):
        err("duplicate entity ids")
    for p in read_tsv("confusable_pairs.tsv"):
        if p["entity_a"] not in eids or p["entity_b"] not in eids or p["entity_a"] == p["entity_b"]:
            err("confusable pair with unknown or equal ids: %s" % p)

    raw = open(os.path.join(HERE, "truth.csv"), "rb").read()
    if b"\r" in raw:
        err("truth.csv must have LF line ends")
    text = raw.decode("utf-8")
    if not text.startswith("file,row,entity_id,site\n"):
        err("truth.csv header")
    truth = list(csv.DictReader(io.StringIO(text, newline="")))
    nons = read_tsv("nonmember_rows.tsv")
    lists = read_tsv("lists.tsv")
    order = []
    for t in truth:
        if t["file"] not in order:
            order.append(t["file"])
    if order != [x["file"] for x in lists]:
        err("truth.csv is not grouped list by list in lists.tsv order")
    seen_files = []
    for t in truth:
        if not seen_files or seen_files[-1] != t["file"]:
            if t["file"] in seen_files:
                err("truth.csv: rows of %s are not contiguous" % t["file"])
            seen_files.append(t["file"])
    total_members = total_other = 0
    per_entity = collections.Counter()
    for L in lists:
        path = os.path.join(DELIV, L["file"])
        if L["encoding"] == "xlsx":
            recs = read_xlsx(path)
        else:
            recs = read_text(path, L["encoding"], L["line_ends"], "\t" if L["delimiter"] == "tab" else ",")
        h = int(L["header_record"]) - 1
        header = recs[h]
        if sum(1 for c in header if c.strip()) < 3:
            err("%s: header record %d looks empty" % (L["file"], h + 1))
        after = len(recs) - h - 1
        mem = [t for t in truth if t["file"] == L["file"]]
        non = [n for n in nons if n["file"] == L["file"]]
        mrows = [int(t["row"]) for t in mem]
        nrows = [int(n["row"]) for n in non]
        if len(set(mrows)) != len(mrows):
            err("%s: a member row appears twice in truth" % L["file"])
        if set(mrows) & set(nrows):
            err("%s: rows both member and non-member: %s" % (L["file"], sorted(set(mrows) & set(nrows))))
        if sorted(mrows + nrows) != list(range(1, after + 1)):
            err("%s: member + non-member rows do not cover the %d records after the header" % (L["file"], after))
        for t in mem:
            rec = recs[h + int(t["row"])]
            if not any(c.strip() for c in rec):
                err("%s row %s: member row is empty" % (L["file"], t["row"]))
            if t["entity_id"] not in eids:
                err("%s row %s: unknown entity %s" % (L["file"], t["row"], t["entity_id"]))
            if t["site"] and (t["entity_id"], t["site"]) not in site_keys:
                err("%s row %s: unknown site %s/%s" % (L["file"], t["row"], t["entity_id"], t["site"]))
            per_entity[t["entity_id"]] += 1
        for n in non:
            rec = recs[h + int(n["row"])]
            if n["kind"] == "blank" and any(c.strip() for c in rec):
                err("%s row %s: listed as blank but has text" % (L["file"], n["row"]))
        if len(mem) != int(L["member_rows"]) or len(non) != int(L["other_records"]):
            err("%s: counts differ from lists.tsv" % L["file"])
        total_members += len(mem)
        total_other += len(non)
        print("%-45s %-9s %-5s header=%-2d records_after_header=%-4d members=%-4d other=%d" % (
            L["file"], L["encoding"], L["line_ends"], h + 1, after, len(mem), len(non)))
    tkeys = {(t["file"], t["row"]): t for t in truth}
    fails = read_tsv("failure_cases.tsv")
    for f in fails:
        t = tkeys.get((f["file"], f["row"]))
        if not t or t["entity_id"] != f["entity_id"] or t["site"] != f["site"]:
            err("failure case not on a member row: %s %s" % (f["file"], f["row"]))
    missing = sorted(eids - set(per_entity))
    if missing:
        err("entities in no list: %s" % missing)
    print("entities %d (sole proprietors %d), sites %d, lists %d" % (
        len(ents), sum(1 for e in ents if not e["corporate_number"]), len(sites), len(lists)))
    print("member rows %d, non-member records %d, confusable pairs %d, failure cases %d" % (
        total_members, total_other, len(read_tsv("confusable_pairs.tsv")), len(fails)))
    lists_per = collections.Counter(len({t["file"] for t in truth if t["entity_id"] == e}) for e in eids)
    print("entities by number of lists:", dict(sorted(lists_per.items())),
          "in 3+ lists:", sum(c for k, c in lists_per.items() if k >= 3))
    print("failure cases by class:")
    for c, n in collections.Counter(f["class"] for f in fails).most_common():
        print("  %-28s %d" % (c, n))
    print("non-member records by kind:", dict(collections.Counter(n["kind"] for n in nons).most_common()))
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
