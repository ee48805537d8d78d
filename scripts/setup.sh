#!/usr/bin/env bash
# Installs every Debian 12 package renkei needs to build, test and run.
# Safe to run again: apt-get skips what is installed.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  librocksdb-dev libabsl-dev libicu-dev
  libmecab-dev mecab-ipadic-utf8
  libjemalloc-dev
  libsodium-dev openssl
  libgtest-dev libgmock-dev
  libcli11-dev
  libzip-dev libexpat1-dev python3-xlsxwriter
  golang-github-gogo-googleapis-dev
  libboost-dev libjs-bootstrap5 libjs-chart.js
  prometheus-cpp-dev
  nginx
  python3 python3-grpcio python3-protobuf
  chromium chromium-driver python3-selenium fonts-noto-cjk
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages are installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  SUDO=sudo
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${PACKAGES[@]}"
