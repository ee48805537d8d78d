#!/usr/bin/env bash
# install_test: `cmake --install` into a fresh prefix gives a server that runs
# from there without flags or environment for its files: it lists its flags
# on --help, finds the installed thesaurus and pages, answers health; the
# unit written for that prefix passes `systemd-analyze verify`.
#   tests/deploy/install_test.sh BUILD_DIR
set -euo pipefail
build=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/install-test.XXXXXX")
server=
cleanup() {
  [ -n "$server" ] && kill -KILL "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$tmp/log" ] && cat "$tmp/log" >&2; exit 1; }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
for path in bin/renkei-server bin/renkei bin/renkei-import share/renkei/thesaurus \
    share/renkei/web/index.html share/renkei/demo/organizations.jsonl \
    share/renkei/resolve/place_readings.tsv share/renkei/renkei.conf \
    share/doc/renkei/operations.md lib/systemd/system/renkei-server.service; do
  [ -e "$prefix/$path" ] || fail "not installed: $path"
done

help=$("$prefix/bin/renkei-server" --help 2>&1 || true)
for flag in --data_dir --listen --http --thesaurus_dir --web_dir --sync_writes; do
  grep -q -- "$flag" <<<"$help" || fail "--help does not list $flag: $help"
done

# Started from elsewhere, with no variable naming its files.
cd "$tmp"
env -u RENKEI_THESAURUS_DIR -u RENKEI_WEB_DIR -u RENKEI_DATA_DIR \
  "$prefix/bin/renkei-server" --data_dir "$tmp/data" --listen 127.0.0.1:0 \
  --http 127.0.0.1:0 --min_free_disk_mb 0 2>"$tmp/log" &
server=$!
for _ in $(seq 1 300); do
  grep -q "HTTP on" "$tmp/log" && break
  kill -0 "$server" 2>/dev/null || fail "the installed server exited"
  sleep 0.1
done
grep -q "thesaurus $prefix/share/renkei/thesaurus:" "$tmp/log" ||
  fail "the installed server did not load the installed thesaurus"
grpc=$(grep -o 'listening on [0-9.]*:[0-9]*' "$tmp/log" | cut -d' ' -f3)
http=$(grep -o 'HTTP on http://[0-9.]*:[0-9]*' "$tmp/log" | cut -d/ -f3)
RENKEI_SERVER=$grpc "$prefix/bin/renkei" health >"$tmp/health" 2>&1 ||
  fail "health: $(cat "$tmp/health")"
python3 - "$http" "$prefix/share/renkei/web/index.html" <<'PY' || fail "the pages are not the installed ones"
import sys, urllib.request
page = urllib.request.urlopen(f"http://{sys.argv[1]}/index.html", timeout=10).read()
sys.exit(0 if page == open(sys.argv[2], "rb").read() else 1)
PY
kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly"
server=

unit=$prefix/lib/systemd/system/renkei-server.service
grep -q "^ExecStart=$prefix/bin/renkei-server " "$unit" || fail "the unit names another binary"
if command -v systemd-analyze >/dev/null; then
  # Checks the unit's syntax, its directives and that ExecStart exists.
  systemd-analyze verify "$unit" >"$tmp/verify" 2>&1 || fail "systemd-analyze: $(cat "$tmp/verify")"
fi
echo "install_test: OK"
