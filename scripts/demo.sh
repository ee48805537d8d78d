#!/usr/bin/env bash
# The README's main command: installs what is needed, builds, and runs
# renkei-server on its default data directory with the demo data loaded,
# shows a few records through a client, then keeps serving until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BUILD_DIR=${BUILD_DIR:-build}
LISTEN=${RENKEI_LISTEN:-127.0.0.1:50051}

log=$(mktemp)
"$BUILD_DIR/server/renkei-server" --demo --listen "$LISTEN" 2> >(tee "$log" >&2) &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  grep -q "listening on" "$log" && break
  kill -0 $server 2>/dev/null || { echo "renkei-server did not start" >&2; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$log" || { echo "renkei-server did not start" >&2; exit 1; }

/usr/bin/python3 scripts/show_records.py --server "$LISTEN" --stubs "$BUILD_DIR/python"

echo
echo "renkei-server is serving on $LISTEN (Ctrl-C stops it)."
wait $server
