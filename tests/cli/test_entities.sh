#!/bin/sh
# bench/entities.py (entity diagnostics, docs/ENTITIES.md) on a tiny
# synthetic corpus: runs end to end against alaqat, decodes gold BIO the
# conlleval way and prints the tables. Checks structure and gold counts
# only, never extraction quality (that is a diagnostic, not a gate).
# Env: ALAQAT (binary), ALQ_SRC (source tree).
set -u
: "${ALAQAT:?set ALAQAT to the alaqat binary}"
: "${ALQ_SRC:?set ALQ_SRC}"
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 0; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/alq_ent.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

mkdir -p "$TMP/data/anercorp-camellab" "$TMP/data/aqmar-wikipedia-ner"
# 2 sentences; gold: PERS, LOC, ORG, LOC (I- without B- starts a chunk), LOC
cat >"$TMP/data/anercorp-camellab/ANERCorp_CamelLab_test.txt" <<'X'
قال O
الرئيس O
بشار B-PERS
الأسد I-PERS
في O
دمشق B-LOC
إن O
جبهة B-ORG
النصرة I-ORG
تقاتل O
في O
سوريا I-LOC
. O

وزار O
العراق B-LOC
. O
X
cat >"$TMP/data/aqmar-wikipedia-ner/AQMAR_Arabic_NER_corpus-1.0.txt" <<'X'
وكانت O
القاعدة O
في O
الأندلس B-LOC
. O
X
out="$TMP/out"
python3 "$ALQ_SRC/bench/entities.py" --alaqat "$ALAQAT" --data "$TMP/data" \
  --no-wojood >"$out" 2>"$TMP/err" || { fail "entities.py exit $?"; cat "$TMP/err" >&2; }
grep -q "^=== ANERcorp test: 16 tokens, 1 records" "$out" || fail "ANERcorp header"
grep -q "^=== AQMAR: 5 tokens" "$out" || fail "AQMAR header"
# gold column of the ALL rows: 5 ANERcorp entities, 1 AQMAR
[ "$(grep -c '^ALL ' "$out")" -eq 2 ] || fail "two ALL rows expected"
awk '/^ALL /{print $2}' "$out" | tr '\n' ' ' | grep -q "^5 1 $" || fail "gold counts (want 5 then 1)"
awk '/^LOC /{print $2; exit}' "$out" | grep -qx 3 || fail "ANERcorp LOC gold count (want 3)"
grep -q "per 1,000 tokens" "$out" || fail "AQMAR false-hit line"

# the conlleval chunker itself
PYTHONDONTWRITEBYTECODE=1 python3 - "$ALQ_SRC/bench" <<'X' || fail "decode_bio"
import sys
sys.path.insert(0, sys.argv[1])
import entities as E
n = E.norm_conll
assert E.decode_bio(["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG"], n) == \
    [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
assert E.decode_bio(["B-MISC", "I-MISC", "B-ORG"], n) == [(2, 3, "ORG")]
assert E.decode_bio(["OO", "B-PER", "I-ORG"], n) == [(1, 2, "PERS"), (2, 3, "ORG")]
X

[ "$fails" -eq 0 ] || { echo "$fails failure(s)" >&2; cat "$out" >&2; exit 1; }
echo "ok"
