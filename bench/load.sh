#!/bin/sh
# load.sh - HTTP load on `warta serve` with wrk: GET /api/events and
# GET /api/search over a store of >= 100,000 synthetic articles.
#
#   bench/load.sh                 (BUILD=build, 64 connections, 30 s each)
#   PAGES=100000 DURATION=60 CONNS=64 THREADS=4 LOAD_DB=bench/out/load.db bench/load.sh
#
# Reports requests/s, p99 latency, errors (non-2xx, socket) per endpoint
# and the server's resident set size sampled from /proc/PID/status every
# half second over the run.  The store is built once (bench/load_gen.py,
# ingested in 10,000-line files) and reused while it holds >= PAGES
# articles.  Needs wrk and python3 (scripts/setup.sh --bench).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$root/build}
PAGES=${PAGES:-100000}
DURATION=${DURATION:-30}
CONNS=${CONNS:-64}
THREADS=${THREADS:-4}
out=$root/bench/out
LOAD_DB=${LOAD_DB:-$out/load.db}
warta=$BUILD/warta
mkdir -p "$out"
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (scripts/setup.sh --bench)" >&2; exit 2; }
[ -x "$warta" ] || { echo "load.sh: no $warta (build first)" >&2; exit 2; }

have=0
if [ -f "$LOAD_DB" ]; then
  have=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$LOAD_DB" 2>/dev/null || echo 0)
fi
if [ "$have" -lt "$PAGES" ]; then
  echo "load: building a store of $PAGES articles in $LOAD_DB" >&2
  rm -f "$LOAD_DB" "$LOAD_DB-wal" "$LOAD_DB-shm"
  pages=$(mktemp -d)
  python3 "$root/bench/load_gen.py" "$PAGES" | (cd "$pages" && split -l 10000 -d -a 3 --additional-suffix=.jsonl - part-)
  t0=$(date +%s)
  "$warta" ingest --quiet --db "$LOAD_DB" "$pages"
  echo "load: ingested $PAGES articles in $(( $(date +%s) - t0 )) s" >&2
  rm -rf "$pages"
fi

log=$(mktemp)
"$warta" serve --db "$LOAD_DB" --listen 127.0.0.1:0 --threads "$THREADS" >"$log" 2>&1 &
pid=$!
rss=$(mktemp)
cleanup() { kill "$pid" 2>/dev/null || true; rm -f "$log" "$rss" "$out/search.lua"; }
trap cleanup EXIT INT TERM
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|^listening on http://[^ ]*:\([0-9]*\)/.*|\1|p' "$log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "load: server did not start: $(cat "$log")" >&2; exit 3; }
base=http://127.0.0.1:$port
( while kill -0 "$pid" 2>/dev/null; do
    awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null >>"$rss" || true
    sleep 0.5
  done ) &

# search: rotate over a fixed list of Indonesian queries
cat >"$out/search.lua" <<'LUA'
local qs = {"pertemuan", "kunjungan", "telepon", "perjanjian", "energi",
  "pangan", "perdagangan", "pertahanan", "kerja%20sama", "investasi",
  "iklim", "perikanan", "pariwisata", "kesehatan", "pendidikan",
  "Prabowo", "Albanese", "Jakarta", "Bogor", "Beijing", "menguntungkan",
  "kesepakatan", "wartawan", "presiden", "bertemu"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?q=" .. qs[(i % #qs) + 1] .. "&limit=10")
end
LUA

run() { # NAME URL [WRK ARGS]: a 5 s warm-up (fills the cache), then the run
  name=$1; url=$2; shift 2
  warm=$(wrk -t2 -c"$CONNS" -d5s --latency "$@" "$url" 2>&1)
  printf '%-28s warm-up: %s req/s, p99 %s (cold misses included)\n' "$name" \
    "$(echo "$warm" | awk '/Requests\/sec/ {print $2}')" "$(echo "$warm" | awk '$1 == "99%" {print $2}')"
  res=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@" "$url" 2>&1)
  rps=$(echo "$res" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$res" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$res" | awk '/Non-2xx/ {print $NF}')
  sock=$(echo "$res" | awk '/Socket errors/ {print}')
  printf '%-28s %10s req/s   p99 %-9s non-2xx %-6s %s\n' "$name" "$rps" "$p99" "${non2xx:-0}" "${sock:-socket errors 0}"
}

echo "load: $PAGES articles, $CONNS connections, ${DURATION}s per endpoint, $THREADS server threads, $(nproc) cores"
run "GET /api/events" "$base/api/events?limit=20"
run "GET /api/events (filtered)" "$base/api/events?limit=20&type=meeting&since=2023-01-01"
run "GET /api/search (rotating)" "$base/" -s "$out/search.lua"
sort -n "$rss" | awk 'NR == 1 {min = $1} {max = $1; sum += $1; n++}
  END {if (n) printf "server RSS over the run: min %.1f MB, mean %.1f MB, max %.1f MB (%d samples)\n", min/1024, sum/n/1024, max/1024, n}'
