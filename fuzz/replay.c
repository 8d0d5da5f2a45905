/* Replays fuzz corpora without libFuzzer: runs every file of each directory
 * (or each file) named on the command line through the target's
 * LLVMFuzzerTestOneInput, in sorted order. Built with gcc (and the
 * sanitizers in the Debug build) by tests/CMakeLists.txt, so the committed
 * corpora in fuzz/corpus/<target>/ are replayed by `make check`. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "replay: cannot open %s\n", path); return 1; }
  size_t cap = 1 << 16, n = 0;
  unsigned char *buf = malloc(cap);
  size_t k;
  while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      unsigned char *b = realloc(buf, cap * 2);
      if (!b) { free(buf); buf = NULL; break; }
      buf = b; cap *= 2;
    }
  }
  fclose(f);
  if (!buf) { fprintf(stderr, "replay: out of memory on %s\n", path); return 1; }
  /* a copy of exactly n bytes, so the sanitizers see reads past the end */
  unsigned char *exact = malloc(n ? n : 1);
  if (!exact) { free(buf); return 1; }
  memcpy(exact, buf, n);
  free(buf);
  LLVMFuzzerTestOneInput(exact, n);
  free(exact);
  return 0;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  int bad = 0;
  size_t files = 0;
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st)) { fprintf(stderr, "replay: no such file %s\n", argv[i]); bad = 1; continue; }
    if (!S_ISDIR(st.st_mode)) { bad |= run_file(argv[i]); files++; continue; }
    DIR *d = opendir(argv[i]);
    if (!d) { fprintf(stderr, "replay: cannot open %s\n", argv[i]); bad = 1; continue; }
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      if (nn == cap) {
        cap = cap ? cap * 2 : 64;
        char **p = realloc(names, cap * sizeof *p);
        if (!p) { bad = 1; break; }
        names = p;
      }
      names[nn] = malloc(strlen(argv[i]) + strlen(e->d_name) + 2);
      if (!names[nn]) { bad = 1; break; }
      sprintf(names[nn], "%s/%s", argv[i], e->d_name);
      nn++;
    }
    closedir(d);
    if (nn) qsort(names, nn, sizeof *names, cmp);
    for (size_t j = 0; j < nn; j++) { bad |= run_file(names[j]); files++; free(names[j]); }
    free(names);
  }
  printf("replayed %zu inputs\n", files);
  if (!files) { fprintf(stderr, "replay: no inputs\n"); return 1; }
  return bad;
}
