#!/bin/sh
# Installs the Debian packages alaqat builds and tests with; only what is
# missing, so a second run is a no-op. Run as root (or with sudo available).
set -eu
PKGS="build-essential cmake ninja-build pkg-config python3
libutf8proc-dev libjansson-dev libcjson-dev libcmocka-dev libstemmer-dev libsqlite3-dev
libpq-dev libgumbo-dev libxml2-dev libarchive-dev libmicrohttpd-dev
python3-pytest python3-pip python3-venv python3-setuptools python3-wheel
python3-networkx python3-pandas curl postgresql"
# the web UI (web/) is built with node and npm: Debian's unless some node
# with npm is already installed (e.g. NodeSource's, which conflicts with them)
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && { echo "install-deps: all packages present"; exit 0; }
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
