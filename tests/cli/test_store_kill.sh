#!/bin/sh
# Reliability of alaqat add: SIGKILL in the middle of a run leaves a store
# that passes SQLite's integrity check, holds whole chunks only (no document
# without its claims, no orphan rows), can be read meanwhile (WAL), and a
# second run completes it, skipping what was committed. Needs ALAQAT, ALQ_SHARED;
# run once per backend (ALQ_STORE_BACKEND=sqlite|postgres, store_lib.sh).
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
IN="$ALQ_SHARED/data/arabic-news-armed-groups/articles.jsonl"
[ -f "$IN" ] || { echo "SKIP: $IN missing"; exit 0; }
DB=$(new_db k) || exit 1
q() { sql "$DB" "$1"; }
lite() { [ "$ALQ_STORE_BACKEND" = sqlite ]; }

"$ALAQAT" add -q --chunk 50 --db "$DB" "$IN" &
pid=$!
# wait for the first committed chunk, read while the writer runs, then kill
i=0
while [ $i -lt 100 ]; do
  { ! lite || [ -f "$DB" ]; } && n=$(q "SELECT count(*) FROM documents" 2>/dev/null) && [ "${n:-0}" -gt 0 ] && break
  sleep 0.1; i=$((i + 1))
done
check "a reader sees committed documents while add runs" '[ "${n:-0}" -gt 0 ]'
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
total=$(grep -c . "$IN")
docs=$(q "SELECT count(*) FROM documents")
echo "# killed after $docs of $total documents"
if lite; then
  check "integrity check passes after SIGKILL" '[ "$(q "PRAGMA integrity_check")" = ok ]'
else
  # the server notices the closed socket at once; allow it a few seconds
  i=0
  while [ $i -lt 50 ] && [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND datname = current_database() AND pid <> pg_backend_pid()")" -gt 0 ]; do
    sleep 0.1; i=$((i + 1))
  done
  check "the killed writer's session is gone (its transaction rolled back)" '[ $i -lt 50 ]'
fi
check "only whole chunks were committed ($docs)" '[ $((docs % 50)) -eq 0 ] || [ "$docs" -eq "$total" ]'
check "no orphan claims or mentions" \
  '[ "$(q "SELECT (SELECT count(*) FROM claims WHERE doc NOT IN (SELECT key FROM documents)) + (SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT key FROM documents))")" -eq 0 ]'
fts_ok() { # the documents the FTS index holds are exactly the stored ones
  python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, 'instance')")
indexed = {r[0] for r in c.execute("SELECT DISTINCT doc FROM temp.v")}
stored = {r[0] for r in c.execute("SELECT key FROM documents")}
sys.exit(0 if indexed == stored else 1)
PY
}
# (PostgreSQL: the tsvector is a generated column of the row itself)
lite && check "full-text index matches the documents" 'fts_ok'
"$ALAQAT" add --chunk 50 --db "$DB" "$IN" 2>"$T/err"; rc=$?
check "a second add completes the store, skipping the committed documents" \
  '[ $rc -eq 0 ] && grep -q "$docs unchanged (skipped)" "$T/err"'
uniq_ids=$(python3 -c "import json,sys; print(len({json.loads(l)['id'] for l in open(sys.argv[1]) if l.strip()}))" "$IN")
check "every document is stored once ($uniq_ids)" '[ "$(q "SELECT count(*) FROM documents")" -eq "$uniq_ids" ]'

[ $fails -eq 0 ] || { echo "$fails failures"; exit 1; }
