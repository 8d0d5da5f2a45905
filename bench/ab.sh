#!/bin/sh
# Interleaved A/B timing of two alaqat builds (and Snowball) on a shared,
# noisy machine: each round runs every command once, N rounds, and the best
# wall and best CPU (user + system) time of each command counts.
#   bench/ab.sh BASE_ALAQAT NEW_ALAQAT [N] [SIZE_MB]
# Inputs: build/bench/corpus-<SIZE>M.{d,jsonl,txt} (bench/make_inputs.py
# SHARED build/bench SIZE --dir); default N = 5, SIZE = 40.
set -eu
cd "$(dirname "$0")/.."
A=$1; N_=$2; N=${3:-5}; SIZE=${4:-40}
B=build/bench; C=$B/corpus-${SIZE}M
[ -d $C.d ] && [ -f $C.jsonl ] || python3 bench/make_inputs.py "${ALQ_SHARED:-../shared}" $B "$SIZE" --dir >/dev/null
[ -x $B/stem_snowball ] || cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -o $B/stem_snowball bench/stem_snowball.c -lstemmer
RAW=$B/ab.raw
: > $RAW
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
one() { name=$1; shift; bench/timed.sh "$name" $RAW "$@"; }
k=0
while [ $k -lt "$N" ]; do
  one base-txt "$A" extract -q $C.d;           one new-txt "$N_" extract -q $C.d
  one base-jsonl "$A" extract -q $C.jsonl;     one new-jsonl "$N_" extract -q $C.jsonl
  one base-txt-j2 "$A" extract -q -j 2 $C.d;   one new-txt-j2 "$N_" extract -q -j 2 $C.d
  one base-jsonl-j2 "$A" extract -q -j 2 $C.jsonl; one new-jsonl-j2 "$N_" extract -q -j 2 $C.jsonl
  one snowball $B/stem_snowball $C.txt
  k=$((k + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$RAW" "$(wc -c < $C.txt)" <<'PY'
import collections, sys
d = collections.defaultdict(list)
for l in open(sys.argv[1]):
    n, w, c = l.split(); d[n].append((float(w), float(c)))
mb = int(sys.argv[2]) / 1e6
res = {}
print("%-14s %9s %9s %9s %9s" % ("run", "best wall", "best CPU", "MB/s wall", "MB/s CPU"))
for n, v in d.items():
    w, c = min(x[0] for x in v), min(x[1] for x in v)
    res[n] = (mb / w, mb / c)
    print("%-14s %9.2f %9.2f %9.1f %9.1f" % (n, w, c, mb / w, mb / c))
s = res["snowball"]
for n in ("base-txt", "new-txt", "base-jsonl", "new-jsonl"):
    print("%-10s / snowball: %.2f wall, %.2f CPU" % (n, res[n][0] / s[0], res[n][1] / s[1]))
for n in ("base-txt", "new-txt", "base-jsonl", "new-jsonl"):
    print("%-10s -j 2 / -j 1 (wall): %.2f" % (n, res[n + "-j2"][0] / res[n][0]))
PY
