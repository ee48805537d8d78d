#!/bin/sh
# Rebuilds the delivered list files of the development set from the
# hand-written UTF-8 sources in this directory. Nothing here generates content:
# it only changes record terminators (LF -> CRLF outside quoted fields; a line
# break inside a quoted field stays a bare LF, as Excel writes Alt+Enter),
# adds a BOM, and encodes with iconv.
# kondankai_h17.csv and kennan_net.jsonl are delivered as written (UTF-8, LF)
# and have no source here.
set -eu
cd "$(dirname "$0")"
out=..

crlf() {  # CRLF record terminators, embedded LF inside "..." preserved
  python3 -c '
import sys
data = sys.stdin.buffer.read().decode("utf-8")
out, q = [], False
for ch in data:
    if ch == "\"":
        q = not q
    out.append("\r\n" if ch == "\n" and not q else ch)
sys.stdout.buffer.write("".join(out).encode("utf-8"))
'
}

for name in konwakai_meibo denshi_kenkyukai; do
  crlf < "$name.utf8.csv" | iconv -f UTF-8 -t CP932 > "$out/$name.csv"
done

{ printf '\357\273\277'; crlf < iwaigawa_forum.utf8.csv; } > "$out/iwaigawa_forum.csv"
