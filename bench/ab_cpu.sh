#!/bin/sh
# Interleaved CPU-time comparison of alaqat builds on one input, N rounds;
# each round runs every build once, in an order rotated round by round.
# Prints min and median CPU (user + system) and wall seconds per build.
#   bench/ab_cpu.sh N INPUT ALAQAT_A ALAQAT_B [ALAQAT_C ...]
#   e.g. bench/ab_cpu.sh 11 build/bench/txt-40M build/ref/alaqat build/release/alaqat
set -eu
cd "$(dirname "$0")/.."
N=$1; IN=$2; shift 2
RAW=$(mktemp)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
k=0
while [ $k -lt "$N" ]; do
  i=0
  for b in "$@"; do i=$((i + 1)); done
  j=0
  while [ $j -lt $i ]; do
    idx=$(( (j + k) % i + 1 ))
    eval "b=\${$idx}"
    bench/timed.sh "$b" "$RAW" "$b" extract -q "$IN"
    j=$((j + 1))
  done
  k=$((k + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$RAW" "$@" <<'PY'
import statistics, sys
d = {}
for l in open(sys.argv[1]):
    n, w, c = l.split(); d.setdefault(n, []).append((float(w), float(c)))
base = statistics.median(x[1] for x in d[sys.argv[2]])
for n in sys.argv[2:]:
    c = [x[1] for x in d[n]]; w = [x[0] for x in d[n]]
    print("%-26s CPU min %.3f median %.3f (x%.3f)  wall min %.3f median %.3f  (%d runs)"
          % (n, min(c), statistics.median(c), statistics.median(c) / base, min(w), statistics.median(w), len(c)))
PY
rm -f "$RAW"
