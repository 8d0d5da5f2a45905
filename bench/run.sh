#!/bin/sh
# One command for the scale benchmark (issue 8): builds >= 200 MB of input
# from the seeds and the articles corpus, then runs on the same bytes, one
# after the other in this run:
#   alaqat extract (Release) on the documents as plain .txt files (one per
#     document: exactly the bytes of the .txt the stemmers read) and as
#     JSON Lines (the same texts plus JSON syntax, parsed by cJSON, or
#     jansson for records outside their common subset), each
#     with one thread and with -j 2;
#   Snowball's Arabic stemmer (libstemmer, bench/stem_snowball.c) stemming
#     every Arabic token of the same texts, and its tokenizer alone;
#   wc -w on the same texts;
#   NLTK's ISRI stemmer (PyPI nltk, in a venv under build/bench) on a 2 MB
#     slice (it is ~100x slower), skipped with a message if unavailable;
# and reports MB/s of text, tokens/s, the alaqat/Snowball ratios (both input
# forms), the -j 2 speed-ups and peak RSS of alaqat at 10 MB and (with --big)
# at 1 GB of input.
#
#   bench/run.sh [--big] [--size MB] [--runs N] [--no-isri]
#   ALAQAT=path/to/alaqat bench/run.sh     # another build (default: make release)
#
# MB = 10^6 bytes of document text (the .txt file; the JSONL holds the same
# texts plus JSON syntax). Time is wall-clock (/usr/bin/time %e), inputs hot
# in the page cache; with --runs N each command runs N times and the fastest
# run counts (the machine is shared: the load average is printed before and
# after). CPU MB/s (user + system time) is printed too. Results: stdout and
# build/bench/results.txt.
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd)
BIG=0; SIZE=200; ISRI=1; RUNS=1
while [ $# -gt 0 ]; do
  case $1 in
    --big) BIG=1 ;;
    --size) SIZE=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --no-isri) ISRI=0 ;;
    *) echo "usage: bench/run.sh [--big] [--size MB] [--runs N] [--no-isri]" >&2; exit 2 ;;
  esac
  shift
done
SHARED=${ALQ_SHARED:-$SRC/../shared}
B=build/bench
mkdir -p $B
if [ -z "${ALAQAT:-}" ]; then
  make release >/dev/null
  ALAQAT=build/release/alaqat
fi
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# the Snowball baseline: strict C11, built directly (not part of make check)
if [ ! -x $B/stem_snowball ] || [ bench/stem_snowball.c -nt $B/stem_snowball ]; then
  cc -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror -D_POSIX_C_SOURCE=200809L \
     -o $B/stem_snowball bench/stem_snowball.c -lstemmer
fi

C=$B/corpus-${SIZE}M
[ -f $C.jsonl ] && [ -f $C.txt ] && [ -d $C.d ] && [ -f $B/slice-10M.jsonl ] && [ -f $B/slice-2M.txt ] ||
  python3 bench/make_inputs.py "$SHARED" $B "$SIZE" --dir 10 2
if [ $BIG = 1 ] && [ ! -f $B/corpus-1G.jsonl ]; then
  : > $B/corpus-1G.jsonl; : > $B/corpus-1G.txt
  for _ in 1 2 3 4 5; do cat $C.jsonl >> $B/corpus-1G.jsonl; cat $C.txt >> $B/corpus-1G.txt; done
fi

R=$B/results.txt
: > $R
tokens() { $B/stem_snowball -t "$1" | cut -d' ' -f2; }
# run NAME TEXT_FILE TOKENS CMD...: times CMD (stdout to $B/out.txt) $RUNS
# times, one result line for the fastest (wall) run
run() {
  name=$1; txt=$2; ntok=$3; shift 3
  best=""
  k=0
  while [ $k -lt "$RUNS" ]; do
    /usr/bin/time -f "%e %U %S %M" -o $B/time.txt "$@" > $B/out.txt
    read -r w u s m < $B/time.txt
    if [ -z "$best" ] || [ "$(echo "$w < $best" | bc)" = 1 ]; then best=$w; wall=$w; user=$u; sys=$s; rss=$m; fi
    k=$((k + 1))
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(wc -c < "$txt")" "$ntok" "$wall" "$user" "$rss" \
    "$(wc -l < $B/out.txt)" "$sys" >> $R
  echo "  done: $name ($wall s)" >&2
}

echo "bench: $(uname -m), $(nproc) cores, alaqat = $ALAQAT ($("$ALAQAT" --version 2>/dev/null || echo '?')), best of $RUNS" >&2
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
NT=$(tokens $C.txt); N10=$(tokens $B/slice-10M.txt); N2=$(tokens $B/slice-2M.txt)
run "alaqat extract .txt files" $C.txt "$NT" "$ALAQAT" extract -q $C.d
run "alaqat extract JSONL" $C.txt "$NT" "$ALAQAT" extract -q $C.jsonl
# -j N (worker threads) once the CLI has it: exit status 2 = usage error
if printf 'x\n' | "$ALAQAT" extract -q -j 2 - >/dev/null 2>&1 || [ $? -ne 2 ]; then
  run "alaqat extract .txt files -j 2" $C.txt "$NT" "$ALAQAT" extract -q -j 2 $C.d
  run "alaqat extract JSONL -j 2" $C.txt "$NT" "$ALAQAT" extract -q -j 2 $C.jsonl
fi
run "snowball stem" $C.txt "$NT" $B/stem_snowball $C.txt
run "snowball tokenize only" $C.txt "$NT" $B/stem_snowball -t $C.txt
run "wc -w (C.UTF-8)" $C.txt "$NT" env LC_ALL=C.UTF-8 wc -w $C.txt
run "alaqat extract 10 MB" $B/slice-10M.txt "$N10" "$ALAQAT" extract -q $B/slice-10M.jsonl
if [ $BIG = 1 ]; then
  N1G=$((NT * 5))
  R0=$RUNS; RUNS=1   # once: it takes a minute
  run "alaqat extract 1 GB" $B/corpus-1G.txt "$N1G" "$ALAQAT" extract -q $B/corpus-1G.jsonl
  RUNS=$R0
fi
if [ $ISRI = 1 ]; then
  V=$B/venv
  if [ ! -x $V/bin/python ] || ! $V/bin/python -c "import nltk" 2>/dev/null; then
    { python3 -m venv $V && $V/bin/pip install -q nltk; } >/dev/null 2>&1 ||
      echo "bench: NLTK ISRI skipped: could not create a venv with nltk (python3-venv, PyPI)" >&2
  fi
  if $V/bin/python -c "import nltk" 2>/dev/null; then
    run "snowball stem 2 MB" $B/slice-2M.txt "$N2" $B/stem_snowball $B/slice-2M.txt
    run "nltk isri stem 2 MB" $B/slice-2M.txt "$N2" $V/bin/python bench/isri.py $B/slice-2M.txt
  fi
fi

LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$R" "$LOAD0" "$LOAD1" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
res = {}
print("%-30s %8s %7s %8s %8s %11s %8s %9s" % ("run", "MB text", "wall s", "MB/s", "CPU MB/s", "tokens/s", "RSS MB", "out lines"))
for name, size, ntok, wall, user, rss, lines, sys_ in rows:
    mb, w = int(size) / 1e6, max(float(wall), 1e-3)
    cpu = max(float(user) + float(sys_), 1e-3)
    res[name] = (mb / w, int(rss) / 1024, int(ntok) / w, mb / cpu)
    print("%-30s %8.1f %7.2f %8.1f %8.1f %11.0f %8.1f %9s" % (name, mb, w, mb / w, mb / cpu, int(ntok) / w, int(rss) / 1024, lines))
s = res.get("snowball stem")
for form in (".txt files", "JSONL"):
    a = res.get("alaqat extract " + form)
    if a and s:
        print("ratio alaqat (%s) / snowball, MB/s: %.2f wall, %.2f CPU  (target >= 3.0)" % (form, a[0] / s[0], a[3] / s[3]))
for form in (".txt files", "JSONL"):
    a, j = res.get("alaqat extract " + form), res.get("alaqat extract %s -j 2" % form)
    if a and j:
        print("speed-up -j 2 / -j 1 (%s): %.2f  (target >= 1.7)" % (form, j[0] / a[0]))
print("load average before / after: %s / %s (2 cores; > 0.5 before means the runs shared the CPUs)" % (sys.argv[2], sys.argv[3]))
m10, m1g = res.get("alaqat extract 10 MB"), res.get("alaqat extract 1 GB")
if m10:
    print("peak RSS alaqat: %.1f MB at 10 MB" % m10[1] + (", %.1f MB at 1 GB (%+.1f%%; target within 10%%)" % (m1g[1], 100 * (m1g[1] / m10[1] - 1)) if m1g else " (1 GB: run with --big)"))
i, s2 = res.get("nltk isri stem 2 MB"), res.get("snowball stem 2 MB")
if i and s2:
    print("nltk isri: %.2f MB/s, snowball / isri = %.0fx" % (i[0], s2[0] / i[0]))
PY
