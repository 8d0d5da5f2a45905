#!/bin/sh
# CLI tests of the corpus store commands (add, timeline, graph,
# contradictions, actors, search): exit codes, incremental add, the seeds'
# isis–nusra timeline. Needs ALAQAT (binary) and ALQ_SHARED; run once per
# backend (ALQ_STORE_BACKEND=sqlite|postgres, see store_lib.sh).
set -u
: "${ALAQAT:?}" "${ALQ_SHARED:?}"
T=$(mktemp -d)
. "$(dirname "$0")/store_lib.sh"
trap store_cleanup EXIT
echo "# backend: $ALQ_STORE_BACKEND"
fails=0
check() { # description, condition (shell expression)
  if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi
}
DB=$(new_db s) || exit 1
claims() { sql "$DB" "SELECT count(*) FROM claims"; }

# usage errors: exit 2
for c in add timeline graph search; do
  "$ALAQAT" $c >/dev/null 2>&1; check "$c without arguments exits 2" '[ $? -eq 2 ]'
done
"$ALAQAT" add --bogus x >/dev/null 2>&1; check "add: unknown option exits 2" '[ $? -eq 2 ]'
"$ALAQAT" timeline isis >/dev/null 2>&1; check "timeline with one actor exits 2" '[ $? -eq 2 ]'
"$ALAQAT" graph --at 27/6/2015 --db "$DB" >/dev/null 2>"$T/err"; rc=$?
check "graph: malformed date exits 2 and says so" '[ $rc -eq 2 ] && grep -q "bad date" "$T/err"'
"$ALAQAT" contradictions extra >/dev/null 2>&1; check "contradictions: extra argument exits 2" '[ $? -eq 2 ]'
"$ALAQAT" actors --old >/dev/null 2>&1; check "actors: unknown option exits 2" '[ $? -eq 2 ]'

# queries on a missing (or, in PostgreSQL, empty) store: exit 1 with a hint
NONE=$(new_db none) || exit 1
"$ALAQAT" timeline isis nusra --db "$NONE" >/dev/null 2>"$T/err"; rc=$?
check "timeline on a missing store exits 1 with a hint" '[ $rc -eq 1 ] && grep -q "alaqat add" "$T/err"'
if [ "$ALQ_STORE_BACKEND" = sqlite ]; then
  check "... and does not create it" '[ ! -e "$NONE" ]'
else
  check "... and does not create tables" '[ "$(sql "$NONE" "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")" -eq 0 ]'
  "$ALAQAT" timeline isis nusra --db "postgresql:///alq_no_such_db?host=/nonexistent" >/dev/null 2>"$T/err"; rc=$?
  check "unreachable server: exit 1, names the database" '[ $rc -eq 1 ] && grep -q "alq_no_such_db.*cannot connect" "$T/err"'
  "$ALAQAT" timeline isis nusra --db "postgresql://u:secret@/alq_no_such_db?host=/nonexistent" >/dev/null 2>"$T/err"
  check "the password is not printed" '! grep -q secret "$T/err" && grep -q "u:\*\*\*@" "$T/err"'
fi

# add the seeds; add again: nothing changes
"$ALAQAT" add --db "$DB" "$ALQ_SHARED/seeds" >"$T/out" 2>"$T/err"; rc=$?
check "add seeds exits 0, prints nothing on stdout" '[ $rc -eq 0 ] && [ ! -s "$T/out" ]'
check "add reports 5 documents added" 'grep -q "5 added" "$T/err"'
n1=$(claims)
check "claims stored" '[ "$n1" -gt 0 ]'
"$ALAQAT" add --db "$DB" "$ALQ_SHARED/seeds" 2>"$T/err"; rc=$?
check "re-adding skips the 5 unchanged documents" '[ $rc -eq 0 ] && grep -q "5 unchanged (skipped)" "$T/err"'
check "re-adding keeps the claim count" '[ "$(claims)" -eq "$n1" ]'
"$ALAQAT" add -q --db "$DB" "$ALQ_SHARED/seeds" 2>"$T/err"
check "add -q is silent" '[ ! -s "$T/err" ]'

# a changed document replaces its rows; a bad input fails the batch (exit 1)
cp "$ALQ_SHARED/seeds/001_a7b79aa071d541fa.txt" "$T/001_a7b79aa071d541fa.txt"
printf 'اشتباكات بين "داعش" و"النصرة" في ريف حلب.\n' >> "$T/001_a7b79aa071d541fa.txt"
"$ALAQAT" add --db "$DB" "$T/001_a7b79aa071d541fa.txt" "$T/missing.txt" 2>"$T/err"; rc=$?
check "changed document replaced; missing input: exit 1" '[ $rc -eq 1 ] && grep -q "1 replaced" "$T/err" && grep -q "missing.txt" "$T/err"'
check "documents still 5" '[ "$(sql "$DB" "SELECT count(*) FROM documents")" -eq 5 ]'
n001=$("$ALAQAT" extract "$T/001_a7b79aa071d541fa.txt" | wc -l)
check "the replaced document has exactly its new claims ($n001)" \
  '[ "$(sql "$DB" "SELECT count(*) FROM claims c JOIN documents d ON d.key = c.doc WHERE d.id = '"'"'001_a7b79aa071d541fa'"'"'")" -eq "$n001" ]'

# timeline: isis–nusra on the seeds has more than one type, in time order
"$ALAQAT" timeline --db "$DB" isis nusra >"$T/tl" 2>"$T/err"; rc=$?
check "timeline isis nusra exits 0" '[ $rc -eq 0 ] && [ -s "$T/tl" ]'
ntypes=$(tail -n +2 "$T/tl" | cut -f3 | sort -u | wc -l)
check "timeline isis nusra shows more than one type ($ntypes)" '[ "$ntypes" -gt 1 ]'
check "timeline is sorted by time (when, else doc date)" \
  '[ "$(tail -n +2 "$T/tl" | awk -F"\t" "{t=\$1; if (t==\"-\") t=\$2; print t}" | grep -v "^-$" | sort -c 2>&1)" = "" ]'
check "timeline dates change over time (2014 and 2015)" 'grep -q "2014-09-26" "$T/tl" && grep -q "2015-06" "$T/tl"'
"$ALAQAT" timeline --db "$DB" --json ISIS النصرة >"$T/tlj"
check "timeline --json resolves names; one JSON object per claim" \
  '[ "$(wc -l < "$T/tlj")" -eq "$(($(wc -l < "$T/tl") - 1))" ] && python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$T/tlj"'

# graph, contradictions, actors, search
"$ALAQAT" graph --db "$DB" --at 2015-06-30 >"$T/g"; rc=$?
check "graph --at 2015-06-30: isis–nusra edge" '[ $rc -eq 0 ] && grep -q "^isis	nusra	" "$T/g"'
# (the seeds date isis–nusra joint operations back to 2012: CLAIMS.md rule 16)
"$ALAQAT" graph --db "$DB" --at 2011-06-01 --json >"$T/g2"; rc=$?
check "graph before the first date has no isis–nusra edge" '[ $rc -eq 0 ] && ! grep -q "\"a\":\"isis\",\"b\":\"nusra\"" "$T/g2"'
"$ALAQAT" contradictions --db "$DB" --json >"$T/c"; rc=$?
check "contradictions exits 0 with JSON lines" '[ $rc -eq 0 ] && { [ ! -s "$T/c" ] || grep -q "\"reason\"" "$T/c"; }'
"$ALAQAT" actors --db "$DB" >"$T/a"; rc=$?
check "actors lists isis, nusra and al-qaeda" '[ $rc -eq 0 ] && grep -q "^isis	" "$T/a" && grep -q "^nusra	" "$T/a" && grep -q "^al-qaeda	" "$T/a"'
"$ALAQAT" actors --new --db "$DB" >"$T/an"; rc=$?
check "actors --new lists only new: ids" '[ $rc -eq 0 ] && [ "$(tail -n +2 "$T/an" | grep -vc "^new:")" -eq 0 ]'
"$ALAQAT" search --db "$DB" "النصرة" >"$T/s"; rc=$?
check "search finds documents and marks the match" '[ $rc -eq 0 ] && grep -q "\[النصرة\]" "$T/s"'
"$ALAQAT" search --db "$DB" '"unbalanced' >/dev/null 2>"$T/err"; rc=$?
if [ "$ALQ_STORE_BACKEND" = sqlite ]; then
  check "search: malformed query exits 2" '[ $rc -eq 2 ] && [ -s "$T/err" ]'
else  # websearch_to_tsquery accepts any text
  check "search: unbalanced quote is still a query" '[ $rc -eq 0 ]'
  "$ALAQAT" search --db "$DB" --json '"جبهة النصرة"' >"$T/s"; rc=$?
  check "search: a phrase, marked with <mark>" '[ $rc -eq 0 ] && grep -q "<mark>جبهة</mark> <mark>النصرة</mark>" "$T/s"'
fi

# a store of a newer schema is refused
if [ "$ALQ_STORE_BACKEND" = sqlite ]; then
  NEW="$T/new.db"
  cp "$DB" "$NEW"
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 7'); c.commit()" "$NEW" 2>/dev/null
  bumped=$?
else
  NEW=$DB   # the last test on this store
  psql "$NEW" -Atqc "UPDATE alaqat_meta SET value = '7' WHERE key = 'schema_version'" >/dev/null 2>&1
  bumped=$?
fi
if [ $bumped -eq 0 ]; then
  "$ALAQAT" timeline --db "$NEW" isis nusra >/dev/null 2>"$T/err"; rc=$?
  check "newer schema refused with a clear message" '[ $rc -eq 1 ] && grep -q "store has schema version 7, newer than this alaqat .* knows (4); upgrade alaqat" "$T/err"'
  "$ALAQAT" add --db "$NEW" "$ALQ_SHARED/seeds" >/dev/null 2>&1
  check "add refuses it too" '[ $? -eq 1 ]'
fi

[ $fails -eq 0 ] || { echo "$fails failures"; exit 1; }
