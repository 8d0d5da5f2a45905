#!/bin/sh
# Output identity check for speed work: claims and --mentions (stdout, stderr,
# exit status) of a NEW build against a reference build on every comparison
# input, plus -j 2 and --stream.
#   bench/cmp.sh NEW REF        (e.g. build/release/alaqat build/ref/alaqat)
# Reference outputs are cached in build/cmp/ (REBASE=1 to redo them).
# Extra inputs (stress documents, ...) may be listed in $ALQ_CMP_EXTRA as
# name:path pairs separated by spaces.
set -u
cd "$(dirname "$0")/.."
W=$(pwd)
NEW=${1:?NEW binary}; BASE=${2:?REF binary}
SHARED=${ALQ_SHARED:-$W/../shared}
D=$W/data; B=$W/build/bench
O=$W/build/cmp; mkdir -p "$O"
fail=0; n=0
set -- "seeds:$SHARED/seeds" "dev2:$SHARED/gold/dev2/articles.jsonl" \
  "anag:$SHARED/data/arabic-news-armed-groups/articles.jsonl" "news:$W/examples/news" \
  "c40:$B/corpus-40M.jsonl" "txt40:$B/txt-40M" "tdata:$W/tests/data/read" \
  "html:$W/tests/data/html-templates" "fzc:$W/fuzz/corpus/charset" "fzi:$W/fuzz/corpus/inputs" \
  "fzt:$W/fuzz/corpus/text" "fzx:$W/fuzz/corpus/extract" "fzh:$W/fuzz/corpus/html" \
  "s1:$B/slice-1M.jsonl" ${ALQ_CMP_EXTRA:-}
for spec; do
  name=${spec%%:*}; in=${spec#*:}
  [ -e "$in" ] || { echo "missing: $in"; fail=1; continue; }
  for mode in "" "--mentions"; do
    tag=$name$mode
    if [ ! -f "$O/base.$tag" ] || [ -n "${REBASE:-}" ]; then
      "$BASE" extract -q --data "$D" $mode "$in" > "$O/base.$tag" 2>"$O/base.$tag.err"; echo $? > "$O/base.$tag.rc"
    fi
    "$NEW" extract -q --data "$D" $mode "$in" > "$O/new.$tag" 2>"$O/new.$tag.err"; echo $? > "$O/new.$tag.rc"
    n=$((n+1))
    if cmp -s "$O/base.$tag" "$O/new.$tag" && cmp -s "$O/base.$tag.rc" "$O/new.$tag.rc" \
       && cmp -s "$O/base.$tag.err" "$O/new.$tag.err"; then :; else echo "DIFF: $tag"; fail=1; fi
  done
done
for spec in "c40:$B/corpus-40M.jsonl" "txt40:$B/txt-40M" "anag:$SHARED/data/arabic-news-armed-groups/articles.jsonl"; do
  name=${spec%%:*}; in=${spec#*:}
  for mode in "" "--mentions"; do
    "$NEW" extract -q --data "$D" -j 2 $mode "$in" > "$O/new.j2" 2>/dev/null
    n=$((n+1))
    cmp -s "$O/base.$name$mode" "$O/new.j2" || { echo "DIFF: -j 2 $name$mode"; fail=1; }
  done
done
"$NEW" extract -q --data "$D" --stream < "$SHARED/gold/dev2/articles.jsonl" > "$O/new.stream"
n=$((n+1))
cmp -s "$O/base.dev2" "$O/new.stream" || { echo "DIFF: --stream dev2"; fail=1; }
echo "compared $n outputs: $( [ $fail = 0 ] && echo ALL IDENTICAL || echo DIFFERENCES)"
exit $fail
