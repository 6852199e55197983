#!/bin/sh
# browser-test.sh - the web page in headless Chromium (tests/browser/run.mjs).
#
#   scripts/browser-test.sh [BUILD_DIR]      (default: build)
#
# Installs what it needs (Chromium, Node.js and npm through
# scripts/setup.sh --browser when root; playwright-core from
# tests/browser/package-lock.json), builds warta when the binary is
# missing, and runs the test.  Exits 0 with a "skipped: ..." line when
# ../shared is absent or Chromium or Node cannot be had; otherwise the
# test's status.  Screenshots: tests/browser/artifacts/.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
case "$build" in /*) ;; *) build=$(pwd)/$build ;; esac
seeds=$root/../shared/seeds
chromium=${CHROMIUM:-/usr/bin/chromium}

skip() { echo "skipped: $*"; exit 0; }

[ -d "$seeds" ] || skip "../shared is absent (no seed pages)"
if [ ! -x "$chromium" ] || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  "$root/scripts/setup.sh" --browser >/dev/null 2>&1 || true
fi
[ -x "$chromium" ] || skip "chromium cannot be installed ($chromium missing)"
command -v node >/dev/null || skip "node.js cannot be installed"
command -v npm >/dev/null || skip "npm cannot be installed"

cd "$root/tests/browser" || exit 1
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 ||
    skip "playwright-core cannot be installed (npm ci failed)"
fi
if [ ! -x "$build/warta" ]; then
  cmake -S "$root" -B "$build" >/dev/null && cmake --build "$build" -j2 >/dev/null || exit 1
fi
WARTA_BIN="$build/warta" SEEDS="$seeds" CHROMIUM="$chromium" node run.mjs
