#!/bin/sh
# CLI tests of alaqat export: every format on the seeds' store, exit codes,
# CSV and JSONL shapes, date bounds, and the GraphML/GEXF files loaded with
# NetworkX (tests/python/networkx_exports.py). Needs ALAQAT and ALQ_SHARED;
# run once per backend (ALQ_STORE_BACKEND=sqlite|postgres, store_lib.sh).
set -u
: "${ALAQAT:?}" "${ALQ_SHARED:?}" "${ALQ_SRC:?}"
T=$(mktemp -d)
. "$(dirname "$0")/store_lib.sh"
trap store_cleanup EXIT
echo "# backend: $ALQ_STORE_BACKEND"
fails=0
check() { # description, condition (shell expression)
  if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi
}
DB=$(new_db s) || exit 1
NONE=$(new_db none) || exit 1
"$ALAQAT" add -q --db "$DB" "$ALQ_SHARED/seeds" || { echo "FAIL - add"; exit 1; }

"$ALAQAT" export --db "$DB" >/dev/null 2>&1; check "export without --format exits 2" '[ $? -eq 2 ]'
"$ALAQAT" export --db "$DB" --format xlsx >/dev/null 2>&1; check "unknown format exits 2" '[ $? -eq 2 ]'
"$ALAQAT" export --db "$DB" --format csv --from 2015-13 >/dev/null 2>&1; check "bad --from exits 2" '[ $? -eq 2 ]'
"$ALAQAT" export --db "$NONE" --format csv >/dev/null 2>&1; check "missing store exits 1" '[ $? -eq 1 ]'

for f in jsonl csv graphml gexf; do
  "$ALAQAT" export --db "$DB" --format $f >"$T/e.$f" 2>"$T/err"; rc=$?
  check "export --format $f exits 0" '[ $rc -eq 0 ] && [ -s "$T/e.$f" ] && [ ! -s "$T/err" ]'
done
n=$(wc -l < "$T/e.jsonl")
check "jsonl: one line per claim, valid JSON with CLAIMS.md fields" \
  'python3 -c "
import json, sys
for l in open(sys.argv[1]):
    c = json.loads(l)
    assert {\"doc\", \"span\", \"a\", \"b\", \"type\", \"polarity\", \"modality\", \"source\", \"source_kind\", \"when\", \"where\", \"via\"} <= set(c)
" "$T/e.jsonl"'
check "csv: header + one record per claim, RFC 4180 (CRLF, quoted)" \
  'python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))
assert rows[0][:5] == [\"doc\", \"span_start\", \"span_end\", \"a\", \"b\"], rows[0]
assert len(rows) - 1 == int(sys.argv[2]) and all(len(r) == len(rows[0]) for r in rows)
assert open(sys.argv[1], \"rb\").read().count(b\"\\r\\n\") >= len(rows)
" "$T/e.csv" "$n"'
"$ALAQAT" export --db "$DB" --format jsonl --from 2015-01-01 --to 2015-12-31 >"$T/b.jsonl"
check "--from/--to keeps only claims of 2015" \
  '[ -s "$T/b.jsonl" ] && [ "$(wc -l < "$T/b.jsonl")" -lt "$n" ] && ! grep -q "\"doc_date\":\"2014" "$T/b.jsonl"'

PY=""
for p in python3 /usr/bin/python3; do
  if command -v $p >/dev/null 2>&1 && $p -c "import networkx" 2>/dev/null; then PY=$p; break; fi
done
if [ -n "$PY" ]; then
  $PY "$ALQ_SRC/tests/python/networkx_exports.py" "$T/e.graphml" "$T/e.gexf" "$n"
  check "NetworkX loads GraphML and GEXF: isis, nusra, al-qaeda nodes; edge attributes" '[ $? -eq 0 ]'
else
  echo "FAIL - no python3 with networkx (scripts/install-deps.sh installs python3-networkx)"
  fails=$((fails + 1))
fi

[ $fails -eq 0 ] || { echo "$fails failures"; exit 1; }
