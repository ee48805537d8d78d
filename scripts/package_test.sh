#!/usr/bin/env bash
# Builds the Debian package, installs it with apt, and checks that the
# service answers health. Changes the machine (a package, the user renkei,
# /var/lib/renkei): run it as root on a fresh Debian 12, e.g. CI, or
#   ../shared/tools/fresh-debian.sh 'scripts/setup.sh && scripts/build.sh && scripts/package_test.sh'
# systemd does not run in a chroot or container, so the unit's ExecStart
# line is run as the unit's user with the unit's environment file, and the
# unit is checked with `systemd-analyze verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
[ "$(id -u)" -eq 0 ] || { echo "package_test: run as root (it installs a package)" >&2; exit 1; }

# DEB=FILE checks a package built before instead of building one.
deb=${DEB:-}
if [ -z "$deb" ]; then
  (cd "$BUILD_DIR" && cpack >/dev/null)
  version=$(sed -n 's/^project(renkei VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
  deb=$BUILD_DIR/renkei_${version}_amd64.deb
fi
[ -f "$deb" ] || { echo "package_test: $deb was not built" >&2; exit 1; }
echo "package_test: $deb ($(du -h "$deb" | cut -f1)); Depends: $(dpkg-deb -f "$deb" Depends)"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$(realpath "$deb")" >/dev/null

unit=/usr/lib/systemd/system/renkei-server.service
getent passwd renkei >/dev/null || { echo "package_test: no user renkei" >&2; exit 1; }
[ "$(stat -c %U /var/lib/renkei)" = renkei ] || { echo "package_test: /var/lib/renkei not renkei's" >&2; exit 1; }
[ -f /etc/renkei/renkei.conf ] || { echo "package_test: no /etc/renkei/renkei.conf" >&2; exit 1; }
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit"
fi

log=$(mktemp)
# The unit's ExecStart, as systemd would run it: its user, its environment
# file, $RENKEI_FLAGS split into words. Ports 0: this machine may serve others.
execstart=$(sed -n 's/^ExecStart=//p' "$unit")
set -a; . /etc/renkei/renkei.conf; set +a

runuser -u renkei -- env RENKEI_LISTEN=127.0.0.1:0 RENKEI_HTTP=127.0.0.1:0 $execstart 2>"$log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  grep -q "listening on" "$log" && break
  kill -0 $server 2>/dev/null || { cat "$log" >&2; echo "package_test: the server exited" >&2; exit 1; }
  sleep 0.1
done
address=$(grep -o 'listening on [0-9.]*:[0-9]*' "$log" | cut -d' ' -f3)
RENKEI_SERVER=$address renkei health
grep -q "thesaurus /usr/share/renkei/thesaurus:" "$log" ||
  { cat "$log" >&2; echo "package_test: the thesaurus was not found" >&2; exit 1; }
[ -f /var/lib/renkei/admin.token ] && [ "$(stat -c %U /var/lib/renkei/admin.token)" = renkei ]
# runuser passes SIGTERM on (and reports itself killed): the server's own
# last line says how it stopped.
kill -TERM $server
wait $server || true
grep -q "closed cleanly" "$log" ||
  { cat "$log" >&2; echo "package_test: the server did not stop cleanly" >&2; exit 1; }
trap 'rm -f "$log"' EXIT
echo "package_test: OK"
