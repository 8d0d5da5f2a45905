#!/bin/sh
# Where `alaqat extract` spends its instructions, and how fast it runs, on
# plain-text documents (no JSON parsing on the input side, so this measures
# the core: tokenizer, matcher, extraction passes, output).
#   bench/profile.sh [N] [path/to/alaqat]
# N (default 300) articles of the corpus are written as separate .txt files
# under build/bench/prof-txt-N/; callgrind counts instructions on them
# (stable on a busy machine, unlike time) and prints the top functions; then
# the 40 MB corpus as .txt files (build/bench/txt-40M/) is timed, best of 3.
# Needs valgrind (apt-get install valgrind) for the first part.
set -eu
cd "$(dirname "$0")/.."
N=${1:-300}
ALAQAT=${2:-build/release/alaqat}
[ -x "$ALAQAT" ] || make release >/dev/null
SHARED=${ALQ_SHARED:-../shared}
mkdir -p build/bench
[ -f build/bench/corpus-40M.jsonl ] || python3 bench/make_inputs.py "$SHARED" build/bench 40 >/dev/null
python3 - "$N" <<'PY'
import json, os, sys
n = int(sys.argv[1])
def write(dirname, limit):
    if os.path.isdir(dirname):
        return
    os.makedirs(dirname + ".tmp", exist_ok=True)
    with open("build/bench/corpus-40M.jsonl", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit and i >= limit:
                break
            r = json.loads(line)
            sub = os.path.join(dirname + ".tmp", "%03d" % (i // 1000))
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, "%06d.txt" % i), "w", encoding="utf-8") as o:
                o.write(r["text"])
    os.rename(dirname + ".tmp", dirname)
write("build/bench/prof-txt-%d" % n, n)
write("build/bench/txt-40M", 0)
PY
PROF=build/bench/prof-txt-$N
if command -v valgrind >/dev/null 2>&1; then
  OUT=build/bench/callgrind.prof-txt
  valgrind --tool=callgrind --callgrind-out-file="$OUT" "$ALAQAT" extract -q "$PROF" \
    > /dev/null 2> build/bench/callgrind.log || true
  echo "== callgrind: $(du -sb "$PROF" | cut -f1) bytes of text in $N documents"
  grep "refs:" build/bench/callgrind.log | sed 's/^==[0-9]*== *//'
  callgrind_annotate "$OUT" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,27p'
else
  echo "valgrind not installed: no instruction profile"
fi
BYTES=$(cat $(find build/bench/txt-40M -name '*.txt') | wc -c)
best=""
for run in 1 2 3; do
  /usr/bin/time -f "%e %U %S %M" -o build/bench/time.txt "$ALAQAT" extract -q build/bench/txt-40M > /dev/null
  read -r wall user sys rss < build/bench/time.txt
  cpu=$(echo "$user + $sys" | bc)
  if [ -z "$best" ] || [ "$(echo "$cpu < $best" | bc)" = 1 ]; then best=$cpu; bestrss=$rss; fi
done
echo "== 40 MB corpus as .txt files: $BYTES bytes, best of 3: ${best} s CPU," \
  "$(echo "scale=1; $BYTES / $best / 1000000" | bc) MB/s, peak RSS ${bestrss} KB"
