#!/bin/sh
# Load test of alaqat serve on loopback (not in CI): a store of synthetic
# claims (bench/make_claims_store.py), then wrk per endpoint; prints
# requests/s and p50/p99 latency as a Markdown table for docs/PERFORMANCE.md.
# Usage: bench/serve_load.sh [ALAQAT] [CLAIMS]   (env: DUR=10s CONNS=8 THREADS=2)
set -eu
cd "$(dirname "$0")/.."
ALAQAT=${1:-build/release/alaqat}
N=${2:-1000000}
DUR=${DUR:-10s}; CONNS=${CONNS:-8}; THREADS=${THREADS:-2}
command -v wrk >/dev/null 2>&1 || { echo "wrk missing (apt-get install wrk)"; exit 1; }
DB=${DB:-build/bench/serve_${N}.db}
mkdir -p "$(dirname "$DB")"
[ -f "$DB" ] || python3 bench/make_claims_store.py "$ALAQAT" "$DB" "$N"
OUT=$(mktemp)
"$ALAQAT" serve -q --db "$DB" --port 0 > "$OUT" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -f "$OUT"' EXIT
i=0
until grep -q http "$OUT" 2>/dev/null; do
  sleep 0.2; i=$((i + 1)); [ $i -lt 600 ] || { echo "server did not start"; exit 1; }
done
B=$(sed -n 's|.* on \(http://[^/]*\)/.*|\1|p' "$OUT")
# a busy pair, a typical pair (the 300th by claims)
pairs=$(python3 - "$DB" <<'PY'
import sqlite3, sys
d = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
r = d.execute("SELECT pair_lo, pair_hi, count(*) n FROM claims GROUP BY 1, 2 ORDER BY n DESC").fetchall()
t = r[min(300, len(r) - 1)]
print(r[0][0], r[0][1], r[0][2], t[0], t[1], t[2])
PY
)
set -- $pairs
echo "store: $DB ($N claims); busy pair $1–$2 ($3 claims), typical pair $4–$5 ($6 claims)"
echo "wrk -t$THREADS -c$CONNS -d$DUR on $(nproc) CPUs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| endpoint | requests/s | p50 | p99 | bytes |"
echo "|---|---:|---:|---:|---:|"
for u in "/api/stats" "/api/graph?at=2012-06-30" "/api/graph?at=2016-06-30" "/api/graph?at=2020-12-31" \
         "/api/graph?at=2016-06-30&limit=500" \
         "/api/timeline?a=$4&b=$5&limit=100" "/api/timeline?a=$1&b=$2&limit=100" \
         "/api/timeline?a=$1&b=$2&limit=100&offset=$(($3 - 100))" \
         "/api/claims?a=$4&b=$5&limit=100" "/api/claims?a=$1&type=conflict&limit=100" \
         "/api/claims?a=$1&type=conflict&limit=100&offset=10000" \
         "/api/doc/syn0004242" "/api/actors?limit=100" "/api/search?q=%D9%87%D8%AF%D9%86%D8%A9&limit=20"; do
  size=$(curl -s -o /dev/null -w '%{size_download}' "$B$u")
  wrk -t"$THREADS" -c"$CONNS" -d"$DUR" --latency --timeout 30s "$B$u" > "$OUT.w" 2>&1 || true
  rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$OUT.w")
  p50=$(awk '/Latency Distribution/{on=1} on && $1=="50%"{print $2; exit}' "$OUT.w")
  p99=$(awk '/Latency Distribution/{on=1} on && $1=="99%"{print $2; exit}' "$OUT.w")
  echo "| \`$u\` | $rps | $p50 | $p99 | $size |"
done
rm -f "$OUT.w"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
