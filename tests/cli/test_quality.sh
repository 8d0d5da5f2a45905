#!/bin/sh
# Quality gate: extract the seeds, score them with `alaqat eval` against the
# adjudicated gold, and require lenient F1 >= 0.60 with precision >= 0.70
# (the foundation issue's target). dev2 is scored and printed, not gated.
set -u
: "${ALAQAT:?}" "${ALQ_SHARED:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$ALAQAT" extract "$ALQ_SHARED/seeds" > "$T/seeds.jsonl" || { echo "extract failed"; exit 1; }
"$ALAQAT" eval "$ALQ_SHARED/gold/seeds.claims.jsonl" "$T/seeds.jsonl"
"$ALAQAT" eval --json "$ALQ_SHARED/gold/seeds.claims.jsonl" "$T/seeds.jsonl" > "$T/score.json" || exit 1
if [ -f "$ALQ_SHARED/gold/dev2/articles.jsonl" ]; then
  "$ALAQAT" extract "$ALQ_SHARED/gold/dev2/articles.jsonl" > "$T/dev2.jsonl"
  echo "== dev2 (not gated)"
  "$ALAQAT" eval "$ALQ_SHARED/gold/dev2/claims.jsonl" "$T/dev2.jsonl"
  "$ALAQAT" extract --mentions "$ALQ_SHARED/gold/dev2/articles.jsonl" > "$T/dev2.m.jsonl"
  "$ALAQAT" eval "$ALQ_SHARED/gold/dev2/mentions.jsonl" "$T/dev2.m.jsonl"
  if [ -f "$ALQ_SHARED/gold/dev2/new-actors.tsv" ]; then
    echo "== dev2 mentions, new: ids aligned by name with the gold's table (not gated)"
    "$ALAQAT" eval "$ALQ_SHARED/gold/dev2/mentions.jsonl" "$T/dev2.m.jsonl" \
      --new-actors "$ALQ_SHARED/gold/dev2/new-actors.tsv" | grep -E "aligned|overall|^  id"
  fi
fi
if [ -f "$ALQ_SHARED/gold/seeds.mentions.jsonl" ]; then
  echo "== seeds mentions (not gated)"
  "$ALAQAT" extract --mentions "$ALQ_SHARED/seeds" > "$T/seeds.m.jsonl"
  "$ALAQAT" eval "$ALQ_SHARED/gold/seeds.mentions.jsonl" "$T/seeds.m.jsonl"
fi
python3 - "$T/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
f1, p = s["lenient"]["f1"], s["lenient"]["p"]
print("seeds lenient F1 %.3f P %.3f" % (f1, p))
sys.exit(0 if f1 >= 0.60 and p >= 0.70 else 1)
PY
