#!/bin/sh
# examples/spark/extract.py in Spark local mode (local[2]) on the articles
# corpus (JSONL, 4 partitions) plus a gzipped WARC of two pages and a seed
# text file (binaryFiles inputs): the claims it writes as JSON Lines (sorted)
# and as Parquet (read back) must equal one plain `alaqat extract` run over
# the same inputs, and --db must store every document. CTest spark/pyspark.
# Skipped (exit 77) without java or pyspark: a python with pyspark is
# $ALQ_SPARK_PYTHON, else build/spark-venv/bin/python (.ci/run makes it:
# python3 -m venv build/spark-venv && build/spark-venv/bin/pip install pyspark),
# else python3.
set -u
A=${ALAQAT:?set ALAQAT to the alaqat binary}
SRC=${ALQ_SRC:?set ALQ_SRC to the source tree}
SHARED=${ALQ_SHARED:-$SRC/../shared}
ARTICLES=$SHARED/data/arabic-news-armed-groups/articles.jsonl
SEED=$SHARED/seeds/004_b9e23872a078d78b.txt
[ -f "$ARTICLES" ] || { echo "SKIPPED: no $ARTICLES"; exit 77; }
command -v java >/dev/null 2>&1 || [ -x "${JAVA_HOME:-/nonexistent}/bin/java" ] || {
  echo "SKIPPED: no java (apt-get install openjdk-17-jre-headless)"; exit 77; }
PY=""
for p in ${ALQ_SPARK_PYTHON:-} "$SRC/build/spark-venv/bin/python" python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c "import pyspark" >/dev/null 2>&1; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "SKIPPED: no python with pyspark (pip install pyspark)"; exit 77; }
echo "spark: $PY (pyspark $("$PY" -c 'import pyspark; print(pyspark.__version__)')), $(java -version 2>&1 | head -1)"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
ok() { echo "ok: $*"; }
export PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY" SPARK_LOCAL_IP=127.0.0.1
export LC_ALL=C
# one snapshot of the lexicons for every run below (and --data is how a
# cluster run finds shipped lexicons)
cp -r "${ALAQAT_DATA:-$SRC/data}" "$T/data"
export ALAQAT_DATA="$T/data"

# a WARC of two HTML pages (gzipped) and a plain text file
rec() {  # rec URI HTMLFILE: one response record
  { printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'; cat "$2"; } > "$T/payload"
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2015-06-28T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' \
    "$1" "$(echo "$1" | cksum | cut -d' ' -f1)" "$(wc -c < "$T/payload")"
  cat "$T/payload"
  printf '\r\n\r\n'
}
mkdir "$T/in"
{ rec http://example.com/a "$SRC/tests/data/html-templates/000_semantic.html"
  rec http://example.com/b "$SRC/tests/data/html-templates/004_semantic.html"; } | gzip > "$T/in/pages.warc.gz"
cp "$SEED" "$T/in/"
INPUTS="$ARTICLES $T/in/pages.warc.gz $T/in/$(basename "$SEED")"

# shellcheck disable=SC2086
"$A" extract -q $INPUTS > "$T/plain.jsonl"
rc=$?
[ $rc -le 1 ] || fail "plain alaqat extract exit $rc"
sort "$T/plain.jsonl" > "$T/plain.sorted"
n=$(wc -l < "$T/plain.sorted")
[ "$n" -gt 1000 ] && ok "plain run: $n claims" || fail "plain run: only $n claims"
grep -q '"doc":"http://example.com/' "$T/plain.sorted" && ok "the WARC pages give claims" \
  || fail "no claim from the WARC pages"

start=$(date +%s)
# shellcheck disable=SC2086
"$PY" "$SRC/examples/spark/extract.py" --master 'local[2]' --alaqat "$A" --data "$T/data" --partitions 4 \
  --out "$T/out" --db "$T/store.db" $INPUTS > "$T/spark.log" 2>&1
rc=$?
echo "spark run: exit $rc, $(( $(date +%s) - start )) s"
[ $rc = 0 ] || { fail "extract.py exit $rc"; tail -40 "$T/spark.log"; }
grep 'alaqat-spark:' "$T/spark.log"

cat "$T"/out/claims.jsonl/part-* 2>/dev/null | sort > "$T/spark.sorted"
if cmp -s "$T/plain.sorted" "$T/spark.sorted"; then
  ok "claims.jsonl: the same $n lines as plain alaqat extract"
else
  fail "claims.jsonl differs from plain alaqat extract ($(wc -l < "$T/spark.sorted") lines):"
  diff "$T/plain.sorted" "$T/spark.sorted" | head -10
fi
ls "$T"/out/claims.jsonl/part-* 2>/dev/null | wc -l | { read -r p; [ "$p" -ge 4 ] && ok "$p part files" || fail "$p part files"; }

"$PY" "$SRC/tests/spark/check_parquet.py" --canon < "$T/plain.jsonl" > "$T/plain.canon"
"$PY" "$SRC/tests/spark/check_parquet.py" "$T/out/claims.parquet" > "$T/parquet.canon" 2> "$T/parquet.log"
if cmp -s "$T/plain.canon" "$T/parquet.canon"; then
  ok "claims.parquet: the same $n claims, every field"
else
  fail "claims.parquet differs ($(wc -l < "$T/parquet.canon") rows):"
  diff "$T/plain.canon" "$T/parquet.canon" | head -10; tail -5 "$T/parquet.log"
fi

# --db: the store holds every document and the same claims
docs=$("$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from documents').fetchone()[0], c.execute('select count(*) from claims').fetchone()[0])" "$T/store.db" 2>&1)
"$A" add -q --db "$T/plain.db" $INPUTS 2>/dev/null
want=$("$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from documents').fetchone()[0], c.execute('select count(*) from claims').fetchone()[0])" "$T/plain.db" 2>&1)
[ "$docs" = "$want" ] && ok "--db store: documents and claims $docs as plain alaqat add" \
  || fail "--db store: $docs, plain add: $want"

[ "$FAILS" = 0 ] && { echo "all passed"; exit 0; }
echo "$FAILS failed"; exit 1
