#!/bin/sh
# cmake --install into a temporary prefix, then build a program against the
# installed header and shared library through pkg-config and run it on a
# seed: the installed pieces (header, .so, alaqat.pc, lexicons) work together.
set -u
: "${ALAQAT:?}" "${ALQ_SHARED:?}"
command -v pkg-config >/dev/null 2>&1 || { echo "SKIP: no pkg-config"; exit 77; }
B=$(dirname "$ALAQAT")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cmake --install "$B" --prefix "$T/p" >/dev/null || { echo "FAIL - cmake --install"; exit 1; }
for f in bin/alaqat include/alaqat.h share/alaqat/actors.tsv share/man/man1/alaqat.1; do
  [ -e "$T/p/$f" ] || { echo "FAIL - $f not installed"; exit 1; }
done
PC=$(find "$T/p" -name alaqat.pc | head -1)
[ -n "$PC" ] || { echo "FAIL - alaqat.pc not installed"; exit 1; }
cat > "$T/use.c" <<'C'
#include <alaqat.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  alq_lexicon *lex; alq_extractor *ex; alq_error err;
  if (argc < 3 || alq_lexicon_open(&lex, argv[1], &err)) { fprintf(stderr, "lexicon: %s\n", err.msg); return 1; }
  if (alq_extractor_new(&ex, lex)) return 1;
  FILE *f = fopen(argv[2], "rb");
  if (!f) return 1;
  static char buf[1 << 20];
  size_t n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  alq_doc d = {"doc", buf, n, NULL, NULL};
  const alq_result *r;
  if (alq_extract(ex, &d, &r, &err)) return 1;
  printf("%zu\n", r->nclaims);
  alq_extractor_free(ex);
  alq_lexicon_free(lex);
  return 0;
}
C
FLAGS=$(PKG_CONFIG_PATH=$(dirname "$PC") pkg-config --define-prefix --cflags --libs alaqat 2>/dev/null) ||
  FLAGS="-I$T/p/include -L$(dirname "$(find "$T/p" -name 'libalaqat.so' | head -1)") -lalaqat"
# shellcheck disable=SC2086
cc -std=c11 ${ALQ_TEST_CFLAGS:-} -o "$T/use" "$T/use.c" $FLAGS || { echo "FAIL - compile against the installed library ($FLAGS)"; exit 1; }
LIBDIR=$(dirname "$(find "$T/p" -name 'libalaqat.so*' | head -1)")
N=$(LD_LIBRARY_PATH="$LIBDIR" "$T/use" "$T/p/share/alaqat" "$ALQ_SHARED/seeds/004_b9e23872a078d78b.txt") || { echo "FAIL - run"; exit 1; }
M=$("$ALAQAT" extract "$ALQ_SHARED/seeds/004_b9e23872a078d78b.txt" | wc -l)
[ "$N" -eq "$M" ] || { echo "FAIL - installed library gives $N claims, the CLI $M"; exit 1; }
echo "ok - installed header, library and lexicons give the CLI's $N claims"
