#!/bin/sh
# Builds the libFuzzer targets with clang (-fsanitize=fuzzer,address,undefined)
# into build/fuzz and fuzzes each for SECONDS (default 60), starting from the
# committed corpus fuzz/corpus/<target>/ (new inputs go to
# build/fuzz/corpus/<target>/, crashes to build/fuzz/crashes/<target>/).
# Prints executions per target. Needs Debian's clang (apt-get install clang).
#   fuzz/run.sh [SECONDS] [TARGET...]     targets: text html charset inputs extract
# Replay a crash in the gcc build: build/debug/tests/fuzz_replay_<target> FILE
set -eu
cd "$(dirname "$0")/.."
SECS=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-text html charset inputs extract}
CC=${CC:-clang}
command -v "$CC" >/dev/null || { echo "fuzz/run.sh: $CC not found (apt-get install clang)"; exit 2; }
B=build/fuzz
mkdir -p "$B/obj" "$B/gen"
sed -e "s|@PROJECT_VERSION@|fuzz|" -e "s|@CMAKE_SOURCE_DIR@|$(pwd)|" \
    -e "s|@ALQ_DATADIR_INSTALLED@|/usr/local/share/alaqat|" cmake/alq_config.h.in > "$B/gen/alq_config.h"
PKGS="libutf8proc jansson libcjson gumbo libarchive"
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
  -fno-sanitize-recover=all -D_POSIX_C_SOURCE=200809L -DALQ_BUILDING=1
  -Iinclude -Isrc -Icli -Ifuzz -I$B/gen $(pkg-config --cflags $PKGS)"
# the library sources the targets use (not the store, exports or server)
objs=""
for f in $(find src -name '*.c' ! -path 'src/serve/*' ! -path 'src/store/*' ! -path 'src/export/*' | sort) cli/inputs.c; do
  o="$B/obj/$(echo "$f" | tr / _).o"
  if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then
    # shellcheck disable=SC2086
    $CC $CFLAGS -c "$f" -o "$o"
  fi
  objs="$objs $o"
done
rm -f "$B/libalq_fuzz.a"
# shellcheck disable=SC2086
ar rcs "$B/libalq_fuzz.a" $objs
for t in $TARGETS; do
  # shellcheck disable=SC2086
  $CC $CFLAGS -fsanitize=fuzzer "fuzz/fuzz_$t.c" "$B/libalq_fuzz.a" $(pkg-config --libs $PKGS) -lm -lpthread -o "$B/fuzz_$t"
done
export ALAQAT_DATA="${ALAQAT_DATA:-$(pwd)/data}"
for t in $TARGETS; do
  mkdir -p "$B/corpus/$t" "$B/crashes/$t"
  echo "== $t: fuzzing for $SECS s"
  "$B/fuzz_$t" -max_total_time="$SECS" -max_len=65536 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$B/crashes/$t/" "$B/corpus/$t" "fuzz/corpus/$t" > "$B/$t.log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$B/$t.log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$B/$t.log" | tail -n 1 || true)
  crashes=$(ls "$B/crashes/$t" | wc -l)
  echo "$t: $execs executions in $SECS s, $cov, corpus $(ls "$B/corpus/$t" | wc -l) files, crash/timeout/oom artifacts: $crashes"
  [ "$crashes" -eq 0 ] || ls "$B/crashes/$t"
done
