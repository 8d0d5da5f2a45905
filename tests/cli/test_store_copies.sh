#!/bin/sh
# CLI tests of the store's reliability edges: syndicated copies counted once
# (documents.copy_of; graph weight, contradictions), the migration of a
# schema-1 store, and (SQLite) a read-only store and a full file system
# giving a clear error, exit 1 and an intact store. Needs ALAQAT; run once
# per backend (ALQ_STORE_BACKEND=sqlite|postgres, see store_lib.sh); the
# SQLite run runs the PostgreSQL one too when ALQ_TEST_PG is set.
set -u
: "${ALAQAT:?}"
T=$(mktemp -d)
. "$(dirname "$0")/store_lib.sh"
trap store_cleanup EXIT
echo "# backend: $ALQ_STORE_BACKEND"
fails=0
check() { # description, condition (shell expression)
  if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fails=$((fails + 1)); fi
}

# A made-up article (isis and al-qaeda announce an alliance, 2015-06-27) and
# two syndicated copies of it: the same text under different page chrome.
cat > "$T/body" <<'TXT'
دمشق 27 حزيران 2015 أعلن تنظيم "داعش" وتنظيم "القاعدة" اليوم إقامة تحالف بينهما لشن هجمات مشتركة في المنطقة.
وقالت مصادر ميدانية إن الاتفاق جاء بعد مفاوضات طويلة استمرت عدة أشهر بين قادة التنظيمين في مناطق متفرقة من البلاد.
وأضافت المصادر أن الطرفين اتفقا على تنسيق العمليات العسكرية وتبادل المعلومات والخبرات في مجال التدريب والتسليح خلال الفترة المقبلة.
ويرى مراقبون أن هذه الخطوة قد تغير موازين القوى على الأرض وتزيد من تعقيد المشهد الأمني في المنطقة بأسرها خلال الأشهر القادمة.
TXT
{ echo "الرئيسية | أخبار | اتصل بنا"; cat "$T/body"; echo "اقرأ أيضا: الطقس غدا"; } > "$T/wire_a.txt"
{ echo "موقع الخبر - آخر الأخبار"; echo "شارك على فيسبوك"; cat "$T/body"; echo "جميع الحقوق محفوظة 2015"; } > "$T/wire_b.txt"
# another outlet, another source: al-qaeda denies the alliance the same day
cat > "$T/denial.txt" <<'TXT'
بيروت 27 حزيران 2015 نفى تنظيم "القاعدة" اليوم وجود أي تحالف مع تنظيم "داعش" في المنطقة، مؤكدا أن الأنباء عن ذلك عارية عن الصحة تماما.
وقال بيان صادر عن التنظيم إن الخلافات بين الطرفين ما زالت قائمة ولا يمكن تجاوزها في الوقت الراهن بسبب الخلاف على القيادة والزعامة.
TXT
edge() { # DB: the al-qaeda–isis row of graph --at 2015-12-31 (weight and docs_total)
  "$ALAQAT" graph --db "$1" --at 2015-12-31 | awk -F'\t' '$1 == "al-qaeda" && $2 == "isis" {print $5 "/" $9}'
}

DB=$(new_db copies) || exit 1
"$ALAQAT" add -q --db "$DB" "$T/wire_a.txt"
check "one article: edge weight 1" '[ "$(edge "$DB")" = 1/1 ]'
"$ALAQAT" add -q --db "$DB" "$T/wire_b.txt"; rc=$?
check "its copy is stored as a second document" '[ $rc -eq 0 ] && [ "$(sql "$DB" "SELECT count(*) FROM documents")" -eq 2 ]'
check "... with copy_of = the first" '[ "$(sql "$DB" "SELECT copy_of FROM documents WHERE id = '"'"'wire_b'"'"'")" = wire_a ]'
check "... and the original has no copy_of" '[ -z "$(sql "$DB" "SELECT copy_of FROM documents WHERE id = '"'"'wire_a'"'"'")" ]'
check "graph: the copy does not raise the weight (1, docs_total 1)" '[ "$(edge "$DB")" = 1/1 ]'
"$ALAQAT" add -q --db "$DB" "$T/wire_b.txt"
check "re-adding the copy changes nothing" '[ "$(edge "$DB")" = 1/1 ] && [ "$(sql "$DB" "SELECT copy_of FROM documents WHERE id = '"'"'wire_b'"'"'")" = wire_a ]'
"$ALAQAT" add -q --db "$DB" "$T/denial.txt"
"$ALAQAT" contradictions --db "$DB" --json > "$T/c"
check "contradictions: the denial contradicts the article once, not once per copy" \
  '[ "$(grep -c "\"reason\":\"polarity\"" "$T/c")" -eq 1 ] && ! grep -q wire_b "$T/c"'
"$ALAQAT" timeline --db "$DB" isis al-qaeda > "$T/tl"
check "timeline still shows the copy's claims (evidence is kept)" 'grep -q "wire_b" "$T/tl"'

# a schema-1 store (no copy_of, no claims.doc_id, no signatures) is migrated
# in place to 4, copies found, signatures made
if [ "$ALQ_STORE_BACKEND" = sqlite ]; then
  OLD="$T/old.db"
  "$ALAQAT" add -q --db "$OLD" "$T/wire_a.txt" "$T/wire_b.txt"
  python3 - "$OLD" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""DROP INDEX claims_timeline; DROP INDEX claims_lo; DROP INDEX claims_hi;
ALTER TABLE claims DROP COLUMN doc_id; CREATE INDEX claims_pair ON claims(pair_lo, pair_hi, t_lo);
DROP INDEX documents_copies; ALTER TABLE documents DROP COLUMN copy_of; DROP TABLE signatures;
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;
PRAGMA user_version = 1;""")
c.commit()
PY
  downgraded=$?
  version() { sql "$OLD" "PRAGMA user_version"; }
else
  OLD=$(new_db old) || exit 1
  "$ALAQAT" add -q --db "$OLD" "$T/wire_a.txt" "$T/wire_b.txt"
  psql "$OLD" -Atqc "DROP INDEX claims_timeline; ALTER TABLE claims DROP COLUMN doc_id; CREATE INDEX claims_pair ON claims(pair_lo, pair_hi, t_lo); ALTER TABLE documents DROP COLUMN copy_of; DROP TABLE signatures; UPDATE alaqat_meta SET value = '1' WHERE key = 'schema_version'" >/dev/null
  downgraded=$?
  version() { sql "$OLD" "SELECT value FROM alaqat_meta WHERE key = 'schema_version'"; }
fi
check "a schema-1 store made" '[ $downgraded -eq 0 ] && [ "$(version)" = 1 ]'
"$ALAQAT" graph --db "$OLD" --at 2015-12-31 > "$T/g" 2>"$T/err"; rc=$?
check "graph on it migrates it to version 4" '[ $rc -eq 0 ] && [ "$(version)" = 4 ]'
check "... a signature made for every stored document" '[ "$(sql "$OLD" "SELECT count(*) FROM signatures g JOIN documents d ON d.key = g.doc WHERE length(g.minhash) = 512")" = 2 ]'
check "... claims.doc_id filled with the documents' ids" '[ "$(sql "$OLD" "SELECT count(*) FROM claims c JOIN documents d ON d.key = c.doc WHERE c.doc_id = d.id")" = "$(sql "$OLD" "SELECT count(*) FROM claims")" ]'
check "... finding the copy among the stored documents" '[ "$(sql "$OLD" "SELECT copy_of FROM documents WHERE id = '"'"'wire_b'"'"'")" = wire_a ]'
check "... and the weight counts it once" '[ "$(edge "$OLD")" = 1/1 ]'
check "... documents and claims kept" '[ "$(sql "$OLD" "SELECT count(*) FROM documents")" -eq 2 ] && [ "$(sql "$OLD" "SELECT count(*) FROM claims")" -gt 0 ]'
"$ALAQAT" add -q --db "$OLD" "$T/denial.txt"; rc=$?
check "add works on the migrated store" '[ $rc -eq 0 ] && [ "$(sql "$OLD" "SELECT count(*) FROM documents")" -eq 3 ]'

# add -j 2 (extraction and copy detection on a second thread, the default)
# stores exactly what -j 1 stores: a JSON Lines input with a document
# repeated unchanged and changed close together (inside the ring of
# documents in flight) and far apart, and syndicated copies
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
body = open(t + "/body", encoding="utf-8").read()
den = open(t + "/denial.txt", encoding="utf-8").read()
docs = []
for i in range(30):
    docs.append({"id": "w%02d" % i, "text": "سطر %d من الموقع\n" % i + body + "جميع الحقوق محفوظة %d" % i, "date": "2015-06-27"})
    if i % 7 == 3:
        docs.append({"id": "den", "text": den + ("\nتحديث %d" % i if i % 2 else ""), "date": "2015-06-28"})
        docs.append({"id": "den", "text": den + ("\nتحديث %d" % i if i % 2 else ""), "date": "2015-06-28"})
    if i == 10:
        docs.append({"id": "w02", "text": "نص آخر تماما عن موضوع مختلف لا علاقة له بالتحالف المذكور في المنطقة", "date": "2015-07-01"})
docs.append({"id": "w05", "text": docs[5]["text"], "date": "2015-06-27"})
with open(t + "/many.jsonl", "w", encoding="utf-8") as o:
    for d in docs:
        o.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
docs_of() { sql "$1" "SELECT string_agg(id || ':' || coalesce(copy_of, '-') || ':' || hash, ',' ORDER BY id) FROM documents" 2>/dev/null ||
            sql "$1" "SELECT group_concat(x, ',') FROM (SELECT id || ':' || coalesce(copy_of, '-') || ':' || hash AS x FROM documents ORDER BY id)"; }
J1=$(new_db jobs1) && J2=$(new_db jobs2) || exit 1
"$ALAQAT" add -j 1 --db "$J1" "$T/many.jsonl" 2>"$T/j1.err"; rc1=$?
"$ALAQAT" add --db "$J2" "$T/many.jsonl" 2>"$T/j2.err"; rc2=$?
check "add -j 1 and add (-j 2): same status and summary" '[ $rc1 -eq $rc2 ] && [ "$(sed "s|$J1||" "$T/j1.err")" = "$(sed "s|$J2||" "$T/j2.err")" ] && grep -q "replaced" "$T/j1.err"'
# with -j 2 a third thread reads the inputs: a malformed record and a
# missing input give the same warnings, summary and status as with -j 1
{ head -n 5 "$T/many.jsonl"; echo '{"id": "broken", "text": '; tail -n +6 "$T/many.jsonl"; } > "$T/bad.jsonl"
B1=$(new_db bad1) && B2=$(new_db bad2) || exit 1
"$ALAQAT" add -j 1 --db "$B1" "$T/bad.jsonl" "$T/no-such-input.txt" "$T/wire_a.txt" 2>"$T/b1.err"; rc1=$?
"$ALAQAT" add -j 2 --db "$B2" "$T/bad.jsonl" "$T/no-such-input.txt" "$T/wire_a.txt" 2>"$T/b2.err"; rc2=$?
check "a bad record and a missing input: -j 1 and -j 2 exit 1 with the same warnings and summary" \
  '[ $rc1 -eq 1 ] && [ $rc2 -eq 1 ] && [ "$(sed "s|$B1||" "$T/b1.err")" = "$(sed "s|$B2||" "$T/b2.err")" ] && grep -q "bad.jsonl:6" "$T/b2.err" && grep -q "no-such-input" "$T/b2.err" && [ "$(docs_of "$B1")" = "$(docs_of "$B2")" ] && [ "$(sql "$B2" "SELECT count(*) FROM documents WHERE id = '"'"'wire_a'"'"'")" = 1 ]'
check "... the same documents and copy_of" '[ -n "$(docs_of "$J1")" ] && [ "$(docs_of "$J1")" = "$(docs_of "$J2")" ] && [ "$(sql "$J1" "SELECT count(*) FROM documents WHERE copy_of IS NOT NULL")" -ge 20 ]'
"$ALAQAT" export --db "$J1" --format jsonl > "$T/e1"; "$ALAQAT" export --db "$J2" --format jsonl > "$T/e2"
check "... and the same export" '[ -s "$T/e1" ] && cmp -s "$T/e1" "$T/e2"'
"$ALAQAT" graph --db "$J1" --at 2015-12-31 > "$T/g1"; "$ALAQAT" graph --db "$J2" --at 2015-12-31 > "$T/g2"
check "... and the same graph" '[ -s "$T/g1" ] && cmp -s "$T/g1" "$T/g2"'
"$ALAQAT" add -j 3 --db "$J2" "$T/many.jsonl" 2>/dev/null
check "add -j 3 is a usage error" '[ $? -eq 2 ]'

# stored signatures (schema 4): one per document; a run into a non-empty
# store finds copies by them, exactly as one run would
sigs_of() { sql "$1" "SELECT string_agg(d.id || ':' || encode(g.minhash, 'hex'), ',' ORDER BY d.id) FROM documents d JOIN signatures g ON g.doc = d.key" 2>/dev/null ||
            sql "$1" "SELECT group_concat(x, ',') FROM (SELECT d.id || ':' || lower(hex(g.minhash)) AS x FROM documents d JOIN signatures g ON g.doc = d.key ORDER BY d.id)"; }
check "a signature per stored document (512 bytes)" \
  '[ "$(sql "$J1" "SELECT count(*) FROM signatures g JOIN documents d ON d.key = g.doc WHERE length(g.minhash) = 512")" = "$(sql "$J1" "SELECT count(*) FROM documents")" ] && [ -n "$(sigs_of "$J1")" ] && [ "$(sigs_of "$J1")" = "$(sigs_of "$J2")" ]'
n=$(wc -l < "$T/many.jsonl")
head -n $((n / 2)) "$T/many.jsonl" > "$T/half1.jsonl"; tail -n +$((n / 2 + 1)) "$T/many.jsonl" > "$T/half2.jsonl"
for j in 1 2; do
  H=$(new_db halves$j) || exit 1
  "$ALAQAT" add -q -j $j --db "$H" "$T/half1.jsonl"; "$ALAQAT" add -q -j $j --db "$H" "$T/half2.jsonl"
  check "-j $j: two runs (the copies of the second found in the store) = one run: documents, copy_of, signatures" \
    '[ "$(docs_of "$H")" = "$(docs_of "$J1")" ] && [ "$(sigs_of "$H")" = "$(sigs_of "$J1")" ]'
  # the stored texts are not read again: the original's text blanked, its
  # signature kept, its copy is still found
  S=$(new_db sigs$j) || exit 1
  "$ALAQAT" add -q -j $j --db "$S" "$T/wire_a.txt"
  sql "$S" "UPDATE documents SET text = 'x' WHERE id = 'wire_a'" >/dev/null
  "$ALAQAT" add -q -j $j --db "$S" "$T/wire_b.txt"
  check "-j $j: a copy found by the stored signature, not the stored text" \
    '[ "$(sql "$S" "SELECT copy_of FROM documents WHERE id = '"'"'wire_b'"'"'")" = wire_a ]'
  # a missing or malformed signature: made from the stored text
  for bad in missing malformed; do
    M=$(new_db $bad$j) || exit 1
    "$ALAQAT" add -q -j $j --db "$M" "$T/wire_a.txt"
    if [ $bad = missing ]; then sql "$M" "DELETE FROM signatures" >/dev/null
    elif [ "$ALQ_STORE_BACKEND" = sqlite ]; then sql "$M" "UPDATE signatures SET minhash = zeroblob(7)" >/dev/null
    else sql "$M" "UPDATE signatures SET minhash = decode('00000000000000', 'hex')" >/dev/null; fi
    "$ALAQAT" add -q -j $j --db "$M" "$T/wire_b.txt"
    check "-j $j: a $bad signature is made from the stored text" \
      '[ "$(sql "$M" "SELECT copy_of FROM documents WHERE id = '"'"'wire_b'"'"'")" = wire_a ]'
  done
done

# a schema-2 store (no claims.doc_id, the old pair index, no signatures) is
# migrated to 4 by a reader; the timeline is the same before and after
"$ALAQAT" timeline --db "$DB" isis al-qaeda --json > "$T/tl3"
if [ "$ALQ_STORE_BACKEND" = sqlite ]; then
  python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""DROP INDEX claims_timeline; DROP INDEX claims_lo; DROP INDEX claims_hi;
ALTER TABLE claims DROP COLUMN doc_id; CREATE INDEX claims_pair ON claims(pair_lo, pair_hi, t_lo);
DROP TABLE signatures; DROP INDEX documents_copies;
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;
PRAGMA user_version = 2;""")
c.commit()
PY
  v2=$?
  version2() { sql "$DB" "PRAGMA user_version"; }
else
  psql "$DB" -Atqc "DROP INDEX claims_timeline; ALTER TABLE claims DROP COLUMN doc_id; CREATE INDEX claims_pair ON claims(pair_lo, pair_hi, t_lo); DROP TABLE signatures; UPDATE alaqat_meta SET value = '2' WHERE key = 'schema_version'" >/dev/null
  v2=$?
  version2() { sql "$DB" "SELECT value FROM alaqat_meta WHERE key = 'schema_version'"; }
fi
check "a schema-2 store made" '[ $v2 -eq 0 ] && [ "$(version2)" = 2 ]'
"$ALAQAT" timeline --db "$DB" isis al-qaeda --json > "$T/tl2"; rc=$?
check "timeline on it migrates it to version 4, same output as before" '[ $rc -eq 0 ] && [ "$(version2)" = 4 ] && cmp -s "$T/tl2" "$T/tl3" && [ -s "$T/tl3" ]'
check "... every document's signature made" '[ "$(sql "$DB" "SELECT count(*) FROM signatures g JOIN documents d ON d.key = g.doc")" = "$(sql "$DB" "SELECT count(*) FROM documents")" ]'
check "... claims.doc_id filled, the pair index replaced by claims_timeline" \
  '[ "$(sql "$DB" "SELECT count(*) FROM claims c JOIN documents d ON d.key = c.doc WHERE c.doc_id = d.id")" = "$(sql "$DB" "SELECT count(*) FROM claims")" ] && [ "$(sql "$DB" "SELECT count(*) FROM claims WHERE doc_id IS NULL")" = 0 ]'
if [ "$ALQ_STORE_BACKEND" = sqlite ]; then
  check "... (SQLite: claims_timeline, claims_lo, claims_hi; no claims_pair)" \
    '[ "$(sql "$DB" "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = '"'"'index'"'"' AND name LIKE '"'"'claims_%'"'"' ORDER BY name)")" = claims_doc,claims_hi,claims_lo,claims_t,claims_timeline ]'
else
  check "... (PostgreSQL: claims_timeline; no claims_pair)" \
    '[ "$(sql "$DB" "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '"'"'claims_timeline'"'"'")" = 1 ] && [ "$(sql "$DB" "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = '"'"'claims_pair'"'"'")" = 0 ]'
fi

[ "$ALQ_STORE_BACKEND" = sqlite ] || { [ $fails -eq 0 ] || { echo "$fails failures"; exit 1; }; exit 0; }

# SQLite: a read-only store. Root ignores permissions, so as root the
# commands run as nobody (setpriv); skipped when neither works.
RO=$(mktemp -d /tmp/alq-ro.XXXXXX)
chmod 0755 "$RO"
cp "$DB" "$RO/store.db"
asuser() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    asuser() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  else
    asuser() { return 99; }
  fi
fi
integrity() { sql "$1" "PRAGMA integrity_check"; }
before=$(sql "$RO/store.db" "SELECT group_concat(id) FROM documents")
chmod 0444 "$RO/store.db"
asuser "$ALAQAT" add --db "$RO/store.db" "$T/denial.txt" 2>"$T/err"; rc=$?
if [ $rc -eq 99 ]; then
  echo "ok - # SKIP read-only store: running as root without setpriv"
else
  check "read-only store file: add exits 1" '[ $rc -eq 1 ]'
  check "... naming the store and saying it is read-only" 'grep -q "$RO/store.db: .*read-only" "$T/err"'
  chmod 0555 "$RO"
  rm -f "$RO/store.db-wal" "$RO/store.db-shm" 2>/dev/null
  asuser "$ALAQAT" add --db "$RO/store.db" "$T/denial.txt" 2>"$T/err"; rc=$?
  check "read-only directory too: add exits 1, names the store, read-only" '[ $rc -eq 1 ] && grep -q "$RO/store.db: .*read-only" "$T/err"'
  asuser "$ALAQAT" graph --db "$RO/store.db" --at 2015-12-31 >"$T/g" 2>"$T/err"; rc=$?
  check "... queries still read it" '[ $rc -eq 0 ] && grep -q "^al-qaeda	isis	" "$T/g"'
  chmod 0755 "$RO"
  check "... the store is intact (integrity_check ok, same documents)" \
    '[ "$(integrity "$RO/store.db")" = ok ] && [ "$(sql "$RO/store.db" "SELECT group_concat(id) FROM documents")" = "$before" ]'
fi
chmod -R u+w "$RO"; rm -rf "$RO"

# SQLite: the file system full mid-add (RLIMIT_FSIZE: writes past the limit
# fail with EFBIG, as on a full disk; SIGXFSZ ignored so the write fails
# instead of killing the process)
FULL="$T/full.db"
"$ALAQAT" add -q --db "$FULL" "$T/wire_a.txt" "$T/denial.txt"
before=$(sql "$FULL" "SELECT group_concat(id) FROM documents")
size=$(( ($(wc -c < "$FULL") + 16384) / 512 ))   # a little room: the WAL grows past it
mkdir -p "$T/big"
for i in 1 2 3 4 5 6 7 8; do
  { cat "$T/body"; i2=0; while [ $i2 -lt 60 ]; do echo "فقرة $i $i2 من نص طويل يملأ القرص بكلمات كثيرة مختلفة في كل سطر جديد من هذا المقال"; i2=$((i2 + 1)); done; } > "$T/big/big$i.txt"
done
( trap '' XFSZ; ulimit -f "$size"; exec "$ALAQAT" add --chunk 2 --db "$FULL" "$T/big" ) 2>"$T/err"; rc=$?
check "full file system: add exits 1" '[ $rc -eq 1 ]'
check "... naming the store with an I/O or full-disk error" 'grep -q "$FULL: .*\(disk is full\|I/O error\)" "$T/err"'
check "... and saying what is stored" 'grep -q "stopped by the store error" "$T/err"'
check "... the store is intact (integrity_check ok)" '[ "$(integrity "$FULL")" = ok ]'
check "... the earlier documents are still there" \
  '[ "$(sql "$FULL" "SELECT count(*) FROM documents WHERE id IN ('"'"'wire_a'"'"', '"'"'denial'"'"')")" -eq 2 ]'
"$ALAQAT" add -q --db "$FULL" "$T/big"; rc=$?
check "... and add completes once there is room" '[ $rc -eq 0 ] && [ "$(sql "$FULL" "SELECT count(*) FROM documents")" -eq 10 ]'

[ $fails -eq 0 ] || { echo "$fails failures"; exit 1; }
if [ -n "${ALQ_TEST_PG:-}" ]; then
  ALQ_STORE_BACKEND=postgres sh "$0"; rc=$?
  [ $rc -eq 0 ] || [ $rc -eq 77 ] || exit 1
fi
exit 0
