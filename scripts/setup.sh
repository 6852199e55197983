#!/bin/sh
# setup.sh - install the Debian packages warta needs, idempotently.
#
#   scripts/setup.sh            build and test dependencies
#   scripts/setup.sh --bench    also the peers the benchmarks compare with
#   scripts/setup.sh --browser  also Chromium and Node.js for the web tests
#
# As root it runs apt-get for whatever is missing; otherwise it prints the
# exact apt-get line and exits 1.  Nothing is downloaded at run time.
set -eu

pkgs="gcc make cmake pkg-config clang libclang-rt-14-dev
      libsqlite3-dev libutf8proc-dev libjansson-dev
      libmicrohttpd-dev libstemmer-dev libxxhash-dev libexttextcat-dev
      libmodest-dev libxml2-dev hunspell-id sqlite3"
# Node.js and npm only when the commands are missing: a machine may carry
# another packaging of them (NodeSource's nodejs bundles npm and conflicts
# with Debian's npm package).
node_pkgs=""
command -v node >/dev/null 2>&1 || node_pkgs="nodejs"
command -v npm >/dev/null 2>&1 || node_pkgs="$node_pkgs npm"
for arg in "$@"; do
  case "$arg" in
    --bench) pkgs="$pkgs python3-dateparser python3-readability python3-lxml
                   $node_pkgs hyperfine wrk valgrind" ;;
    --browser) pkgs="$pkgs chromium $node_pkgs" ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "warta needs these Debian packages:$missing" >&2
  echo "run: sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "setup: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
