#!/usr/bin/python3
"""Checks the demo data set (data/demo/*.jsonl) against the real protobuf schema.

Run with Debian's Python, which has google.protobuf:

    /usr/bin/python3 data/demo/check_demo.py            # checks the files next to this script
    /usr/bin/python3 data/demo/check_demo.py DIR        # checks DIR/*.jsonl

It compiles proto/renkei/v1/*.proto with protoc into a temporary directory,
replaces every "$key" reference with a valid resource name of the right
collection and parses every record with json_format.Parse (which rejects
unknown fields and bad enum names). It also checks keys, references (defined
earlier, right kind, consistent organizations), 法人番号 check digits and
uniqueness, the server's size limits, dates, and prints counts.
Exit status 0 when everything passes.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PROTO_DIR = os.path.join(ROOT, "proto")

FILES = [
    # file, collection, message module, message name
    ("organizations.jsonl", "organizations", "organization_pb2", "Organization"),
    ("people.jsonl", "people", "person_pb2", "Person"),
    ("networks.jsonl", "networks", "network_pb2", "Network"),
    ("seeds.jsonl", "seeds", "seed_pb2", "Seed"),
    ("needs.jsonl", "needs", "need_pb2", "Need"),
    ("collaborations.jsonl", "collaborations", "collaboration_pb2", "Collaboration"),
    ("memberships.jsonl", "memberships", "network_pb2", "Membership"),
]

# Where a reference may appear (path with [] for list items) and which collection it names.
REFERENCE_FIELDS = {
    "people": {"organization": "organizations"},
    "networks": {"secretariat": "organizations"},
    "seeds": {"institution": "organizations", "researchers[]": "people"},
    "needs": {"company": "organizations", "contactPerson": "people"},
    "collaborations": {"participants[].organization": "organizations",
                       "participants[].person": "people",
                       "seed": "seeds", "need": "needs"},
    "memberships": {"organization": "organizations"},
}
OUTPUT_ONLY = {"name", "etag", "createTime", "updateTime", "fiscalYear", "fiscalYears", "memberCount"}
KEY_RE = re.compile(r"^[a-z0-9_.-]+$")
SOURCE_RE = re.compile(r"^[a-z0-9][a-z0-9._/-]{0,63}$")
DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

errors = []


def error(where, what):
    errors.append("%s: %s" % (where, what))


def check_digit(base12):
    return 9 - sum(int(d) * (1 if i % 2 == 0 else 2)
                   for i, d in enumerate(reversed(base12))) % 9


def walk(value, path=""):
    """Yields (path, value) for every scalar, with list items as []."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, (path + "." if path else "") + k)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v, path + "[]")
    else:
        yield path, value


def date_ok(d, where, need_day=False):
    y, m, day = d.get("year", 0), d.get("month", 0), d.get("day", 0)
    if not 1800 <= y <= 2200:
        error(where, "year %r out of range" % y)
        return None
    if m == 0 and day != 0 or not 0 <= m <= 12:
        error(where, "bad month %r" % m)
        return None
    if m and day:
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        limit = 29 if (m == 2 and leap) else (28 if m == 2 else DAYS[m - 1])
        if not 1 <= day <= limit:
            error(where, "bad day %r" % day)
            return None
    if need_day and not (m and day):
        error(where, "a full date is required")
    return y * 10000 + m * 100 + day


def fiscal_year(d):
    return d["year"] if d.get("month", 4) >= 4 else d["year"] - 1


def limits(coll, rec, where):
    def text(path, value, limit):
        if isinstance(value, str) and len(value) > limit:
            error(where, "%s is %d characters; at most %d" % (path, len(value), limit))

    for path, value in walk(rec):
        leaf = path.split(".")[-1].rstrip("[]")
        if not isinstance(value, str):
            continue
        if value == "" or value.strip() == "":
            error(where, "%s is empty or blank" % path)
        if leaf in ("displayName", "scope") or path in ("kana",):
            text(path, value, 200)
        elif leaf == "title" and not path.startswith("outcomes"):
            text(path, value, 300 if coll in ("seeds", "needs", "collaborations") else 100)
        elif leaf in ("summary", "description", "note", "ipNote"):
            text(path, value, 2000 if leaf != "description" or "[]" in path else 20000)
        elif leaf in ("keywords", "fields", "applications", "equipment", "department", "aliases",
                      "formerNames"):
            text(path, value, 200)
        elif leaf in ("representative", "representativeTitle", "manager", "roleLabel"):
            text(path, value, 100)
        elif leaf in ("phone", "fax"):
            digits = re.sub(r"[-()+]", "", value)
            if not digits.isdigit() or not 4 <= len(digits) <= 15:
                error(where, "%s %r is not a phone number" % (path, value))
        elif leaf == "url" or leaf == "url[]":
            if not value.startswith("https://"):
                error(where, "%s %r does not start with https://" % (path, value))
            if coll != "organizations" or rec.get("kind") in (
                    "ORGANIZATION_KIND_COMPANY", "ORGANIZATION_KIND_FINANCIAL"):
                if not re.match(r"^https://([a-z0-9-]+\.)*example\.jp/", value):
                    error(where, "%s %r is not an example.jp address" % (path, value))
        elif leaf == "email":
            if not re.match(r"^[^@\s]+@([a-z0-9-]+\.)*example\.jp$", value):
                error(where, "%s %r is not an @example.jp address" % (path, value))
        elif leaf == "postalCode":
            if not re.match(r"^\d{3}-?\d{4}$", value):
                error(where, "%s %r is not 7 digits" % (path, value))
        elif leaf == "source" and "externalIds" in path:
            if not SOURCE_RE.match(value):
                error(where, "%s %r is not a source key" % (path, value))
    # list lengths
    def lists(value, path=""):
        if isinstance(value, dict):
            for k, v in value.items():
                lists(v, (path + "." if path else "") + k)
        elif isinstance(value, list):
            cap = 20 if path.endswith("jsicCodes") else 50
            if path.endswith("researchers"):
                cap = 20
            if len(value) > cap:
                error(where, "%s has %d items; at most %d" % (path, len(value), cap))
            for v in value:
                lists(v, path + "[]")
    lists(rec)


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
    out = tempfile.mkdtemp(prefix="renkei_demo_py_")
    protos = sorted(os.path.join(PROTO_DIR, "renkei", "v1", f)
                    for f in os.listdir(os.path.join(PROTO_DIR, "renkei", "v1")) if f.endswith(".proto"))
    subprocess.run(["protoc", "--proto_path=" + PROTO_DIR, "--python_out=" + out] + protos, check=True)
    sys.path.insert(0, out)
    import importlib
    from google.protobuf import json_format

    defined = {}        # key -> (collection, record)
    dummy_id = {}       # key -> resource name
    counters = collections.Counter()
    rows = collections.defaultdict(list)
    corp_numbers = {}
    member_pairs = set()
    ext_ids = collections.defaultdict(set)

    for fname, coll, module, message in FILES:
        mod = importlib.import_module("renkei.v1." + module)
        cls = getattr(mod, message)
        path = os.path.join(data_dir, fname)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for n, line in enumerate(lines, 1):
            where = "%s:%d" % (fname, n)
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                error(where, "not JSON: %s" % e)
                continue
            expected = {"key", "record"} | ({"parent"} if coll == "memberships" else set())
            if set(row) != expected:
                error(where, "line has keys %s; expected %s" % (sorted(row), sorted(expected)))
                continue
            key, rec = row["key"], row["record"]
            where = "%s:%d (%s)" % (fname, n, key)
            if not KEY_RE.match(key):
                error(where, "bad key")
            # the loader creates each record with request_id "demo/<file>/<key>" (at most 128)
            if len("demo/%s/%s" % (fname, key)) > 128:
                error(where, "key too long for a request id")
            # field names in the lowerCamelCase JSON mapping (json_format also accepts
            # snake_case, so check it here)
            def names(value, path=""):
                if isinstance(value, dict):
                    for k, v in value.items():
                        if "_" in k:
                            error(where, "field %s%s is not lowerCamelCase" % (path, k))
                        names(v, path + k + ".")
                elif isinstance(value, list):
                    for v in value:
                        names(v, path)
            names(rec)
            for f_ in OUTPUT_ONLY & set(rec):
                error(where, "sets output-only field %s" % f_)

            # references
            ref_fields = REFERENCE_FIELDS.get(coll, {})
            refs = []
            if coll == "memberships":
                refs.append(("parent", row["parent"], "networks"))
            for p, v in walk(rec):
                if isinstance(v, str) and v.startswith("$"):
                    want = ref_fields.get(p)
                    if want is None:
                        error(where, "%s holds a reference %r where none is expected" % (p, v))
                        continue
                    refs.append((p, v, want))
            for p, v, want in refs:
                target = v[1:]
                if target not in defined:
                    error(where, "%s refers to %r, not defined earlier" % (p, v))
                elif defined[target][0] != want:
                    error(where, "%s refers to %r, a %s record; expected %s" % (p, v, defined[target][0], want))
            for p, v in walk(rec):
                if p in ref_fields and isinstance(v, str) and not v.startswith("$"):
                    error(where, "%s %r is not a $reference" % (p, v))

            # parse with the real schema
            def replace(value):
                if isinstance(value, dict):
                    return {k: replace(v) for k, v in value.items()}
                if isinstance(value, list):
                    return [replace(v) for v in value]
                if isinstance(value, str) and value.startswith("$") and value[1:] in dummy_id:
                    return dummy_id[value[1:]]
                return value
            try:
                msg = json_format.Parse(json.dumps(replace(rec)), cls())
            except json_format.ParseError as e:
                error(where, "schema: %s" % e)
                msg = None

            limits(coll, rec, where)

            # every date in the record must be a real date (year, year-month or full)
            def dates(value, path=""):
                if isinstance(value, dict):
                    if "year" in value and set(value) <= {"year", "month", "day"}:
                        date_ok(value, "%s %s" % (where, path))
                        return
                    for k, v in value.items():
                        dates(v, (path + "." if path else "") + k)
                elif isinstance(value, list):
                    for v in value:
                        dates(v, path + "[]")
            dates(rec)

            # record-specific checks
            if coll == "organizations":
                cn = rec.get("corporateNumber")
                if rec.get("kind") in ("ORGANIZATION_KIND_COMPANY", "ORGANIZATION_KIND_FINANCIAL") and not cn:
                    error(where, "company without corporateNumber")
                if cn:
                    if not (len(cn) == 13 and cn.isdigit() and int(cn[0]) == check_digit(cn[1:])):
                        error(where, "法人番号 %s has a bad check digit" % cn)
                    if cn in corp_numbers:
                        error(where, "法人番号 %s also used by %s" % (cn, corp_numbers[cn]))
                    corp_numbers[cn] = key
                codes = rec.get("jsicCodes", [])
                if len(set(codes)) != len(codes) or any(not (c.isdigit() and 2 <= len(c) <= 4) for c in codes):
                    error(where, "bad jsicCodes %r" % codes)
                for sec in ("products", "technologies"):
                    for o in rec.get(sec, []):
                        if "developedOn" in o:
                            date_ok(o["developedOn"], where + " " + sec)
                bcp = rec.get("bcp", {})
                if "establishedOn" in bcp and bcp.get("status") != "BCP_STATUS_ESTABLISHED":
                    error(where, "bcp.establishedOn without BCP_STATUS_ESTABLISHED")
                sd = rec.get("sdgs", {})
                if "declaredOn" in sd and not sd.get("declared"):
                    error(where, "sdgs.declaredOn without declared")
                if any(not 1 <= g <= 17 for g in sd.get("goals", [])):
                    error(where, "bad SDG goal")
            elif coll == "seeds":
                inst = rec["institution"][1:]
                for r in rec.get("researchers", []):
                    r = r[1:]
                    if r in defined and defined[r][1].get("organization") != "$" + inst:
                        error(where, "researcher %s does not belong to %s" % (r, inst))
                if len(set(rec.get("researchers", []))) != len(rec.get("researchers", [])):
                    error(where, "repeated researcher")
            elif coll == "needs":
                cp = rec.get("contactPerson")
                if cp and cp[1:] in defined and defined[cp[1:]][1].get("organization") != rec["company"]:
                    error(where, "contactPerson does not belong to the company")
            elif coll == "collaborations":
                seen = set()
                for part in rec["participants"]:
                    pair = (part["organization"], part.get("person", ""))
                    if pair in seen:
                        error(where, "repeated participant %r" % (pair,))
                    seen.add(pair)
                    person = part.get("person")
                    if person and person[1:] in defined and \
                            defined[person[1:]][1].get("organization") != part["organization"]:
                        error(where, "participant %s does not belong to %s" % (person, part["organization"]))
                s = date_ok(rec["startDate"], where + " startDate", need_day=True)
                e = date_ok(rec["endDate"], where + " endDate", need_day=True) if "endDate" in rec else None
                if s and e and e < s:
                    error(where, "endDate before startDate")
            elif coll == "memberships":
                pair = (row["parent"], rec["organization"])
                if pair in member_pairs:
                    error(where, "second membership of %s in %s" % (rec["organization"], row["parent"]))
                member_pairs.add(pair)
                s = date_ok(rec["since"], where + " since") if "since" in rec else None
                u = date_ok(rec["until"], where + " until") if "until" in rec else None
                if s and u and u < s:
                    error(where, "until before since")
            for e in rec.get("externalIds", []):
                pair = (e["source"], e["value"])
                if pair in ext_ids[coll]:
                    error(where, "external id %r used twice in %s" % (pair, coll))
                ext_ids[coll].add(pair)

            if key in defined and defined[key][0] == coll:
                error(where, "duplicate key")
            if key in defined and defined[key][0] != coll:
                error(where, "key also defined in %s (references would be ambiguous)" % defined[key][0])
            defined[key] = (coll, rec)
            counters[coll] += 1
            dummy_id[key] = ("networks/%d/memberships/%d" % (counters[coll], counters[coll])
                             if coll == "memberships" else "%s/%d" % (coll, counters[coll]))
            rows[coll].append((key, rec, row.get("parent")))

    # ------------------------------------------------------------ summary
    orgs = rows["organizations"]
    companies = [k for k, r, _ in orgs if r.get("kind") == "ORGANIZATION_KIND_COMPANY"]
    memberships_of = collections.Counter(r["organization"][1:] for _, r, _ in rows["memberships"])
    for c in companies:
        if not 1 <= memberships_of[c] <= 5:
            error("memberships", "%s is in %d networks (want 1–5)" % (c, memberships_of[c]))
    print("records:")
    for fname, coll, _, _ in FILES:
        print("  %-22s %4d" % (fname, counters[coll]))
    print("organizations by kind:", dict(collections.Counter(r["kind"] for _, r, _ in orgs)))
    print("companies by district:", dict(collections.Counter(
        (r["address"].get("district") or r["address"]["city"]) for k, r, _ in orgs if k in companies)))
    print("people by role:", dict(collections.Counter(r["role"] for _, r, _ in rows["people"])))
    print("seeds by institution:", dict(collections.Counter(r["institution"] for _, r, _ in rows["seeds"])))
    print("needs by status:", dict(collections.Counter(r["status"] for _, r, _ in rows["needs"])))
    print("collaborations by 年度:", dict(sorted(collections.Counter(
        fiscal_year(r["startDate"]) for _, r, _ in rows["collaborations"]).items())))
    print("collaborations by type:", dict(collections.Counter(r["type"] for _, r, _ in rows["collaborations"])))
    offers = collections.Counter()
    for k, r, _ in orgs:
        for sec in ("products", "technologies"):
            for o in r.get(sec, []):
                if "developedOn" in o:
                    offers[fiscal_year(o["developedOn"])] += 1
    print("new products/technologies by 年度:", dict(sorted(offers.items())))
    print("SDGs declared:", sum(1 for _, r, _ in orgs if r.get("sdgs", {}).get("declared")))
    print("BCP:", dict(collections.Counter(r.get("bcp", {}).get("status", "unset")
                                           for k, r, _ in orgs if k in companies)))
    print("members per network:", dict(collections.Counter(p[5:] for _, _, p in rows["memberships"])))
    if errors:
        print("\n%d problem(s):" % len(errors))
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: every record parses with the schema and every check passes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
