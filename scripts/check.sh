#!/bin/sh
# check.sh - the test command: build warning-free (-Werror), run the suite,
# then build with AddressSanitizer + UndefinedBehaviorSanitizer and run it
# again, then drive the web page in headless Chromium, then (when
# WARTA_FUZZ_SECONDS is set) run every fuzz target for that long.  Ends
# with one line "N passed, N failed, N skipped" over all of them.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=$(nproc 2>/dev/null || echo 2)

build() { # dir, cmake options...
  dir=$1; shift
  cmake -S . -B "$dir" -DWARTA_WERROR=ON "$@" >/dev/null &&
    cmake --build "$dir" -j "$jobs" >"$dir.log" 2>&1 ||
    { cat "$dir.log" >&2; echo "0 passed, 1 failed"; exit 1; }
}

total_p=0; total_f=0; total_s=0
run() { # label, dir
  echo "== $1 =="
  "$2/warta_tests" "${TESTS:-}" | tee "$2.tests" 
  line=$(tail -n 1 "$2.tests")
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  s=$(echo "$line" | sed -n 's/.* \([0-9]*\) skipped.*/\1/p')
  [ -n "$p" ] || { p=0; f=1; s=0; }
  total_p=$((total_p + p)); total_f=$((total_f + f)); total_s=$((total_s + ${s:-0}))
}

build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
run "tests (RelWithDebInfo, -Werror)" build
if [ "${WARTA_NO_ASAN:-}" = "" ]; then
  build build-asan -DCMAKE_BUILD_TYPE=Debug -DWARTA_SANITIZE=ON
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run "tests (ASan + UBSan)" build-asan
fi
echo "== web page in headless Chromium =="
if scripts/browser-test.sh build >build-browser.log 2>&1; then
  if grep -q '^skipped:' build-browser.log; then
    grep '^skipped:' build-browser.log
    if [ "${CI:-}" = true ] && [ -d ../shared ]; then
      echo "FAIL browser test: CI must run it"; total_f=$((total_f + 1))
    else
      total_s=$((total_s + 1))
    fi
  else
    tail -n 3 build-browser.log; total_p=$((total_p + 1))
  fi
else
  tail -n 30 build-browser.log; echo "FAIL browser test"; total_f=$((total_f + 1))
fi
if [ "${WARTA_FUZZ_SECONDS:-0}" -gt 0 ]; then
  echo "== fuzz (${WARTA_FUZZ_SECONDS}s per target) =="
  scripts/fuzz.sh "$WARTA_FUZZ_SECONDS" | tee build-fuzz.tests
  total_p=$((total_p + $(grep -c '^ok' build-fuzz.tests)))
  total_f=$((total_f + $(grep -c '^FAIL' build-fuzz.tests)))
fi
echo "$total_p passed, $total_f failed, $total_s skipped"
[ "$total_f" -eq 0 ]
