#!/bin/sh
# Interleaved A/B timing of `alaqat add` for two builds on a shared, noisy
# machine (docs/PERFORMANCE.md, "alaqat add throughput"): each round runs
# every case once; the best wall and best CPU (user + system) time of each
# case count, with documents per second from the best wall time.
#   bench/add_ab.sh BASE_ALAQAT NEW_ALAQAT [N] [INPUT]
# Cases, for -j 1 and -j 2: `new` = into a new store; `full` = into a store
# that already holds the same input once under other ids (made once per
# build by adding a copy of INPUT whose ids carry a prefix; the timed run
# adds INPUT to a copy of that store). Default N = 5, INPUT =
# ../shared/data/arabic-news-armed-groups/articles.jsonl.
set -eu
cd "$(dirname "$0")/.."
A=$1; B_=$2; N=${3:-5}
IN=${4:-${ALQ_SHARED:-../shared}/data/arabic-news-armed-groups/articles.jsonl}
W=${TMPDIR:-/tmp}/alq_add_ab.$$
mkdir -p "$W"
trap 'rm -rf "$W"' EXIT
RAW=$W/raw
: > "$RAW"
NDOCS=$(grep -c . "$IN")
# the same documents under other ids (a JSONL line's "id" value prefixed)
sed 's/"id": *"/"id": "prev-/' "$IN" > "$W/prev.jsonl"
for b in base new; do
  bin=$A; [ $b = new ] && bin=$B_
  rm -f "$W/$b-full.db"*
  "$bin" add -q --db "$W/$b-full.db" "$W/prev.jsonl" > /dev/null 2>&1
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
one() { name=$1; db=$2; seed=$3; shift 3
        rm -f "$db" "$db-wal" "$db-shm"
        [ -n "$seed" ] && cp "$seed" "$db"
        bench/timed.sh "$name" "$RAW" "$@" --db "$db" "$IN"; }
k=0
while [ "$k" -lt "$N" ]; do
  for j in 1 2; do
    one base-j$j-new "$W/a.db" "" "$A" add -q -j $j
    one new-j$j-new "$W/a.db" "" "$B_" add -q -j $j
    one base-j$j-full "$W/a.db" "$W/base-full.db" "$A" add -q -j $j
    one new-j$j-full "$W/a.db" "$W/new-full.db" "$B_" add -q -j $j
  done
  k=$((k + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$RAW" "$NDOCS" <<'PY'
import collections, sys
d = collections.defaultdict(list)
for l in open(sys.argv[1]):
    n, w, c = l.split(); d[n].append((float(w), float(c)))
n = int(sys.argv[2])
print("%-14s %9s %9s %9s" % ("run", "best wall", "best CPU", "docs/s"))
for k in sorted(d):
    w, c = min(x[0] for x in d[k]), min(x[1] for x in d[k])
    print("%-14s %9.2f %9.2f %9.0f" % (k, w, c, n / w))
PY
