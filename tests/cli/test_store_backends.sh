#!/bin/sh
# SQLite and PostgreSQL stores built from the same inputs (the seeds, then
# the articles corpus) answer the same: timeline, graph --at, contradictions,
# actors and every export are byte-identical (search ranking and snippets may
# differ and are not compared). Skipped (77) without a PostgreSQL server in ALQ_TEST_PG.
set -u
: "${ALAQAT:?}" "${ALQ_SHARED:?}"
T=$(mktemp -d)
ALQ_STORE_BACKEND=postgres
. "$(dirname "$0")/store_lib.sh"
trap store_cleanup EXIT
fails=0
check() { # description, condition (shell expression)
  if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi
}
LITE="$T/s.db"
PG=$(new_db cmp) || exit 1
"$ALAQAT" add -q --db "$LITE" "$ALQ_SHARED/seeds"; check "add seeds to SQLite" '[ $? -eq 0 ]'
"$ALAQAT" add -q --db "$PG" "$ALQ_SHARED/seeds"; check "add seeds to PostgreSQL" '[ $? -eq 0 ]'

same() { # description, alaqat arguments (without --db)
  "$ALAQAT" "$@" --db "$LITE" >"$T/a" 2>&1; ra=$?
  "$ALAQAT" "$@" --db "$PG" >"$T/b" 2>&1; rb=$?
  if [ $ra -eq $rb ] && cmp -s "$T/a" "$T/b"; then
    echo "ok - same output: $* ($(wc -l < "$T/a") lines)"
  else
    echo "FAIL - outputs differ: $* (exit $ra vs $rb)"; diff "$T/a" "$T/b" | head -n 10
    fails=$((fails + 1))
  fi
}

compare_all() {
  same timeline isis nusra --json
  same timeline isis nusra
  same timeline ISIS النصرة --json
  same timeline al-qaeda isis --json
  for d in 2013 2014-06 2014-09-30 2015-06-27 2015-06-30 2016 2017-04-22 2030-01-01; do
    same graph --at "$d" --json
  done
  same graph --at 2015-06-30
  same contradictions --json
  same actors --json
  same actors --new --json
}
compare_all
"$ALAQAT" timeline isis nusra --json --db "$PG" >"$T/tl"
check "the PostgreSQL timeline isis–nusra is not empty" '[ -s "$T/tl" ]'
for f in jsonl csv graphml gexf; do same export --format $f; done
same export --format jsonl --from 2015 --to 2015-12-31
same export --format gexf --from 2014-09

# re-adding and replacing a changed document keep them in step
cp "$ALQ_SHARED/seeds/001_a7b79aa071d541fa.txt" "$T/001_a7b79aa071d541fa.txt"
printf 'اشتباكات بين "داعش" و"النصرة" في ريف حلب.\n' >> "$T/001_a7b79aa071d541fa.txt"
for db in "$LITE" "$PG"; do
  "$ALAQAT" add -q --db "$db" "$ALQ_SHARED/seeds" "$T/001_a7b79aa071d541fa.txt"
done
check "same claim count after a replacement" \
  '[ "$(sql "$LITE" "SELECT count(*) FROM claims")" -eq "$(sql "$PG" "SELECT count(*) FROM claims")" ]'
compare_all

# a larger corpus (1,423 articles): many ties in the orderings
IN="$ALQ_SHARED/data/arabic-news-armed-groups/articles.jsonl"
if [ -f "$IN" ]; then
  LITE="$T/a.db"
  PG=$(new_db articles) || exit 1
  "$ALAQAT" add -q --db "$LITE" "$IN"; "$ALAQAT" add -q --db "$PG" "$IN"
  same contradictions --json
  same actors --json
  same timeline isis nusra --json
  same timeline al-qaeda isis --json
  same graph --at 2015-06-30 --json
  same graph --at 2016 --json
  same export --format jsonl
  same export --format graphml
fi

[ $fails -eq 0 ] || { echo "$fails failures"; exit 1; }
