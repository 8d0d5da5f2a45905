#!/bin/sh
# Extract throughput on the seeds concatenated N times (default 1000, about
# 40 MB) with the Release build; prints MB/s and peak RSS. Usage:
#   bench/throughput.sh [N] [path/to/alaqat]
set -eu
cd "$(dirname "$0")/.."
N=${1:-1000}
ALAQAT=${2:-build/release/alaqat}
[ -x "$ALAQAT" ] || make release >/dev/null
IN=build/bench/seeds-x$N.txt
mkdir -p build/bench
if [ ! -f "$IN" ]; then
  cat ../shared/seeds/*.txt > build/bench/seeds-x1.txt
  i=0; : > "$IN"
  while [ $i -lt "$N" ]; do cat build/bench/seeds-x1.txt >> "$IN"; i=$((i + 1)); done
fi
BYTES=$(wc -c < "$IN")
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o build/bench/time.txt "$ALAQAT" extract "$IN" > build/bench/out.jsonl
  read -r secs rss < build/bench/time.txt
  python3 -c "import sys; b,s,r=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print('run %s: %.1f MB in %.2f s = %.1f MB/s, peak RSS %.1f MB, %s claims' % (sys.argv[4], b/1e6, s, b/1e6/max(s,1e-9), r/1024, sys.argv[5]))" "$BYTES" "$secs" "$rss" "$run" "$(wc -l < build/bench/out.jsonl)"
done
