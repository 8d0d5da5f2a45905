#!/bin/sh
# Runs the Python binding's tests (tests/python) with pytest against the
# RELEASE library: the Debug one links AddressSanitizer, which cannot be
# dlopen'ed into an ordinary python3. Builds build/release (library and CLI
# only) when ALAQAT_LIB is not given; exits 77 (CTest: skipped) when no
# python3 with pytest is found. This is CTest's python/binding.
#   python/run-tests.sh [pytest args...]
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
PY=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c "import pytest" >/dev/null 2>&1; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  echo "python/binding: SKIPPED: no python3 with pytest (apt-get install python3-pytest)"
  exit 77
fi
if [ -z "${ALAQAT_LIB:-}" ]; then
  B=$SRC/build/release
  if [ ! -f "$B/CMakeCache.txt" ]; then
    GEN=""; command -v ninja >/dev/null 2>&1 && GEN="-G Ninja"
    # shellcheck disable=SC2086
    cmake -S "$SRC" -B "$B" $GEN -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  echo "python/binding: building the Release library in $B"
  cmake --build "$B" --target alaqat_shared alaqat -j "$(nproc 2>/dev/null || echo 2)" >/dev/null || {
    echo "python/binding: the Release build failed (cmake --build $B)"; exit 1; }
  ALAQAT_LIB=$B/libalaqat.so
  ALAQAT_CLI=${ALAQAT_CLI:-$B/alaqat}
fi
export ALAQAT_LIB ALAQAT_CLI="${ALAQAT_CLI:-}"
export PYTHONPATH="$SRC/python${PYTHONPATH:+:$PYTHONPATH}"
echo "python/binding: $PY, ALAQAT_LIB=$ALAQAT_LIB"
cd "$SRC"
exec "$PY" -m pytest -q -p no:cacheprovider -rs tests/python "$@"
