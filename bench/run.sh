#!/bin/sh
# run.sh - run every benchmark binary present in the build directory
# ($BUILD, default build/) and print their results.  Benchmarks are the
# executables named bench_* built from bench/*.c.  bench_ingest takes its
# page count from WARTA_BENCH_PAGES (default 10000).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$here/build}
cd "$here" # benchmarks find samples/ relative to the source tree
found=0
status=0
for b in "$build"/bench_*; do
  [ -x "$b" ] && [ -f "$b" ] || continue
  found=1
  echo "== $(basename "$b") =="
  "$b" || status=1
done
if [ "$found" -eq 0 ]; then
  echo "run.sh: no bench_* binaries in $build (build first: make)" >&2
  exit 1
fi
exit $status
