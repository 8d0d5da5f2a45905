#!/bin/sh
# CLI test of `alaqat eval`: exit codes (usage 2, unreadable or malformed 1),
# error messages naming the file, and gold scored against itself = 1.0.
# Env: ALAQAT (binary), ALQ_SHARED (/work/shared), ALQ_SRC (source tree).
set -u
: "${ALAQAT:?set ALAQAT to the alaqat binary}"
: "${ALQ_SHARED:?set ALQ_SHARED}"
: "${ALQ_SRC:?set ALQ_SRC}"
GOLD="$ALQ_SHARED/gold"
DATA="$ALQ_SRC/tests/data/eval"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/alq_eval.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# expect_rc WANT CMD...: runs CMD, stdout -> $TMP/out, stderr -> $TMP/err
expect_rc() {
  want=$1; shift
  "$@" >"$TMP/out" 2>"$TMP/err"
  got=$?
  [ "$got" -eq "$want" ] || { fail "$* -> exit $got, want $want"; cat "$TMP/err" >&2; }
}

# usage errors -> 2
expect_rc 2 "$ALAQAT" eval
expect_rc 2 "$ALAQAT" eval "$GOLD/seeds.claims.jsonl"
expect_rc 2 "$ALAQAT" eval "$GOLD/seeds.claims.jsonl" "$GOLD/seeds.claims.jsonl" extra
expect_rc 2 "$ALAQAT" eval --bogus "$GOLD/seeds.claims.jsonl" "$GOLD/seeds.claims.jsonl"
grep -q "bogus" "$TMP/err" || fail "unknown option not named on stderr"
expect_rc 0 "$ALAQAT" eval --help
grep -q "usage: alaqat eval" "$TMP/out" || fail "eval --help prints no usage"

# an unreadable file -> 1, named on stderr
expect_rc 1 "$ALAQAT" eval "$TMP/missing.jsonl" "$GOLD/seeds.claims.jsonl"
grep -q "missing.jsonl" "$TMP/err" || fail "missing gold file not named on stderr"
expect_rc 1 "$ALAQAT" eval "$GOLD/seeds.claims.jsonl" "$TMP/nope.jsonl"
grep -q "nope.jsonl" "$TMP/err" || fail "missing prediction file not named on stderr"

# malformed lines -> 1, each reported with file, line, byte offset; scores still printed
expect_rc 1 "$ALAQAT" eval "$GOLD/seeds.claims.jsonl" "$DATA/malformed.claims.jsonl"
grep -q "malformed.claims.jsonl: line 2, byte offset" "$TMP/err" || fail "no line-2 diagnostic"
grep -q "line 4, byte offset 295" "$TMP/err" || fail "no line-4 diagnostic with its offset"
[ "$(grep -c 'malformed.claims.jsonl: line' "$TMP/err")" -eq 5 ] || fail "want 5 diagnostics"
grep -q "strict" "$TMP/out" || fail "scores not printed despite malformed lines"

# json_get FILE EXPR: prints a value of the JSON in FILE (python3, else jq)
json_get() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"o": o}))' "$1" "$2"
  elif command -v jq >/dev/null 2>&1; then
    jq -r "$3" "$1"
  else
    echo "?"
  fi
}

# gold against itself: 1.0 everywhere
expect_rc 0 "$ALAQAT" eval "$GOLD/seeds.claims.jsonl" "$GOLD/seeds.claims.jsonl" --json
grep -q '"f1": 1.0' "$TMP/out" || fail "claims gold vs gold: no \"f1\": 1.0"
if grep -q '"f1": 0' "$TMP/out"; then fail "claims gold vs gold: some f1 below 1"; fi
for k in strict lenient; do
  v=$(json_get "$TMP/out" "o['$k']['f1']" ".$k.f1")
  [ "$v" = "1.0" ] || [ "$v" = "1" ] || [ "$v" = "?" ] || fail "claims gold vs gold: $k f1 = $v"
done
v=$(json_get "$TMP/out" "min(v for v in o['attributes'].values() if isinstance(v, float))" \
  '[.attributes[] | numbers | select(. <= 1)] | min')
[ "$v" = "1.0" ] || [ "$v" = "1" ] || [ "$v" = "?" ] || fail "claims gold vs gold: attribute accuracy $v"

expect_rc 0 "$ALAQAT" eval "$GOLD/seeds.mentions.jsonl" "$GOLD/seeds.mentions.jsonl" --json
grep -q '"kind": "mentions"' "$TMP/out" || fail "mentions not detected"
grep -q '"f1": 1.0' "$TMP/out" || fail "mentions gold vs gold: no \"f1\": 1.0"
grep -q '"id_accuracy": 1.0' "$TMP/out" || fail "mentions gold vs gold: id accuracy not 1.0"

# the made-up case (figures computed by hand in tests/unit/test_eval.c)
expect_rc 0 "$ALAQAT" eval "$DATA/made_up.gold.claims.jsonl" "$DATA/made_up.pred.claims.jsonl" --json
v=$(json_get "$TMP/out" "(o['strict']['tp'], o['lenient']['tp'], o['attributes']['polarity_pairs'])" \
  '"(\(.strict.tp), \(.lenient.tp), \(.attributes.polarity_pairs))"')
[ "$v" = "(3, 5, 6)" ] || [ "$v" = "?" ] || fail "made-up claims: strict/lenient/polarity pairs = $v"
expect_rc 0 "$ALAQAT" eval "$DATA/made_up.gold.claims.jsonl" "$DATA/made_up.pred.claims.jsonl"
grep -q "strict" "$TMP/out" && grep -q "lenient" "$TMP/out" || fail "text table lacks strict/lenient rows"

if [ "$fails" -ne 0 ]; then echo "$fails failure(s)" >&2; exit 1; fi
echo "ok"
