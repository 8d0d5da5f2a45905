#!/bin/sh
# Decode-only MB/s of jansson, cJSON and json-c on a JSON Lines file
# (bench/json_decode.c, one program per library), each run RUNS times.
#   bench/json_decode.sh [FILE.jsonl]     (default build/bench/corpus-200M.jsonl)
set -eu
cd "$(dirname "$0")/.."
F=${1:-build/bench/corpus-200M.jsonl}
RUNS=${RUNS:-3}
O=build/json-decode; mkdir -p $O
CF="-std=c11 -O2 -Wall -Wextra -Wpedantic -Werror -D_POSIX_C_SOURCE=200809L"
# shellcheck disable=SC2086
cc $CF -DUSE_JANSSON -o $O/jansson bench/json_decode.c -ljansson
# shellcheck disable=SC2086
cc $CF -DUSE_CJSON -o $O/cjson bench/json_decode.c -lcjson
# shellcheck disable=SC2086
cc $CF -DUSE_JSONC -o $O/json-c bench/json_decode.c -ljson-c
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for lib in getline jansson cjson json-c json-c-strict; do
  bin=$O/${lib%-strict}; [ "$lib" = getline ] && bin=$O/cjson
  k=0; while [ $k -lt "$RUNS" ]; do "$bin" "$lib" "$F"; k=$((k + 1)); done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
