#!/bin/sh
# The main job on the bundled corpus: extract claims from examples/news and
# print a per-pair summary. Usage: scripts/demo.sh [path/to/alaqat]
set -eu
cd "$(dirname "$0")/.."
ALAQAT=${1:-build/release/alaqat}
out=build/demo
mkdir -p "$out"
"$ALAQAT" extract examples/news > "$out/claims.jsonl"
"$ALAQAT" extract --mentions examples/news > "$out/mentions.jsonl"
echo "== alaqat demo: $(wc -l < "$out/claims.jsonl") claims and $(wc -l < "$out/mentions.jsonl") mentions from examples/news"
echo "   (claims in $out/claims.jsonl, mentions in $out/mentions.jsonl)"
echo
"$ALAQAT" summary "$out/claims.jsonl"
if [ -f ../shared/gold/seeds.claims.jsonl ]; then
  echo
  echo "== scored against the seeds' gold (../shared/gold/seeds.claims.jsonl):"
  "$ALAQAT" extract ../shared/seeds > "$out/seeds.claims.jsonl"
  "$ALAQAT" eval ../shared/gold/seeds.claims.jsonl "$out/seeds.claims.jsonl" || true
fi

# the corpus store and the web UI over it
"$ALAQAT" add -q --db "$out/alaqat.db" examples/news
web=$(dirname "$ALAQAT")/web
if [ ! -f web/node_modules/cytoscape/dist/cytoscape.min.js ] && command -v npm >/dev/null 2>&1; then
  (cd web && npm ci --no-audit --no-fund --silent) && node web/build.mjs --out "$web" >/dev/null || true
fi
echo
echo "== the store is $out/alaqat.db; to explore it in the browser (network, timelines, evidence):"
echo "   $ALAQAT serve --db $out/alaqat.db     then open http://127.0.0.1:8080/"
