#!/bin/sh
# fuzz.sh - build every fuzz/fuzz_*.c target with clang + libFuzzer (and
# ASan + UBSan) and run each for SECONDS (default 20).  Seeds come from
# fuzz/corpus/<target>/ when present, plus the sample pages for the
# cleaner's targets (samples/html for fuzz_html, whole and cut at 3000
# bytes, the text pages for
# fuzz_text, the JSON Lines feed for fuzz_jsonl); new findings stay in
# build-fuzz/.
# Prints one "ok"/"FAIL" line per target and exits non-zero on a crash,
# leak or sanitizer report.
set -u
seconds=${1:-20}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
CC=clang cmake -S . -B build-fuzz -DWARTA_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
  >/dev/null && cmake --build build-fuzz -j "$(nproc)" >build-fuzz.log 2>&1 ||
  { cat build-fuzz.log >&2; exit 1; }
fail=0
for src in fuzz/fuzz_*.c; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .c)
  corpus="build-fuzz/corpus/$name"
  mkdir -p "$corpus"
  [ -d "fuzz/corpus/$name" ] && cp -r "fuzz/corpus/$name/." "$corpus/"
  case "$name" in
    fuzz_html) cp samples/html/*.html "$corpus/"
      for f in samples/html/*.html; do # truncated pages, cut mid-markup
        head -c 3000 "$f" >"$corpus/truncated-$(basename "$f")"
      done ;;
    fuzz_text) cp samples/detik/*.txt samples/reuters/*.txt "$corpus/" ;;
    fuzz_jsonl) cp samples/*.jsonl "$corpus/" ;;
  esac
  if ./build-fuzz/"$name" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=0 "$corpus" \
       >"build-fuzz/$name.log" 2>&1; then
    echo "ok   $name (${seconds}s)"
  else
    echo "FAIL $name (see build-fuzz/$name.log)"
    tail -n 30 "build-fuzz/$name.log" >&2
    fail=1
  fi
done
exit $fail
