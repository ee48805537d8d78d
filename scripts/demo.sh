#!/usr/bin/env bash
# The README's main command: installs what is needed, builds, and runs
# renkei-server on its default data directory with the demo data loaded,
# shows a few records through the `renkei` client, then keeps serving until
# Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BUILD_DIR=${BUILD_DIR:-build}
export RENKEI_SERVER=${RENKEI_LISTEN:-127.0.0.1:50051}
http=${RENKEI_HTTP-127.0.0.1:8080}

log=$(mktemp)
# The demo signs in as the demo coordinator, keeping its session here rather
# than in your own ~/.config/renkei.
export XDG_CONFIG_HOME=$(mktemp -d)
"$BUILD_DIR/server/renkei-server" --demo --listen "$RENKEI_SERVER" --http "$http" 2> >(tee "$log" >&2) &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$log" "$XDG_CONFIG_HOME"' EXIT
for _ in $(seq 1 600); do
  grep -q "listening on" "$log" && break
  kill -0 $server 2>/dev/null || { echo "renkei-server did not start" >&2; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$log" || { echo "renkei-server did not start" >&2; exit 1; }

renkei() { "$BUILD_DIR/cli/renkei" "$@"; }
show() { printf '\n$ renkei %s\n' "$*"; renkei "$@"; }
show health -o table
# Demo users and their passwords are in docs/access.md (demo only).
printf '\n$ renkei login --username coordinator   (password: coordinator-demo)\n'
echo coordinator-demo | renkei login --username coordinator --password-stdin
show whoami -o table
show org list --district 千厩 --kind company -o table
show seed list --institution 1 --page-size 5 -o table
show need list --status open --page-size 5 -o table
show network list --page-size 6 -o table
show stats --year 2024 -o table
show search seed 'めっき 排水' --page-size 3 -o table
show match need 5 --limit 3 -o table
show match text '洗浄に水をたくさん使っているので減らしたい' --limit 3 -o table
# A member list as an association sends it (CP932, a title row, (株), a plant's
# row, a 法人番号 Excel broke): resolved against the demo data, not written.
show import members data/demo/import/ryoban_plaza_2026.csv --network 2 --dry-run --verbose

echo
echo "renkei-server is serving on $RENKEI_SERVER (Ctrl-C stops it). Try: $BUILD_DIR/cli/renkei --help"
web=$(grep -o 'HTTP on http://[^ ]*' "$log" | head -1 | cut -c9-)
if [ -n "$web" ]; then
  echo "In a browser: $web — sign in as coordinator / coordinator-demo (demo only; docs/access.md lists the"
  echo "other demo users). JSON API: ${web}v1/organizations"
fi
wait $server
