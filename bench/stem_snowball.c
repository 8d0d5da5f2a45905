/* Baseline for bench/run.sh: Snowball's Arabic stemmer (Debian libstemmer)
 * applied to every Arabic token of a UTF-8 text.
 *
 * Tokenizer: a byte-level splitter, independent of libalaqat: a token is a
 * maximal run of two-byte UTF-8 characters in the Arabic block that are
 * letters (U+0621-063A, U+0641-064A, U+066E-06D3, U+06D5), marks
 * (U+064B-065F, U+0670) or tatweel (U+0640); everything else separates.
 * Input is streamed in 1 MiB blocks (a token cut by a block end is carried).
 *
 *   stem_snowball [-t] [FILE|-]     -t: tokenize only, do not stem
 * prints: bytes tokens stemmed_bytes seconds (CPU time of the loop) */
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BLOCK = 1 << 20, MAXTOK = 256 };

/* 1 when the two bytes b0 b1 (b0 in D8..DB) are an Arabic letter or mark. */
static int arabic_word_char(unsigned b0, unsigned b1) {
  unsigned cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
  return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0640 && cp <= 0x065F) ||
         cp == 0x0670 || (cp >= 0x066E && cp <= 0x06D3) || cp == 0x06D5;
}

int main(int argc, char **argv) {
  int stem = 1;
  const char *path = "-";
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-t")) stem = 0;
    else path = argv[i];
  }
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) { perror(path); return 1; }
  struct sb_stemmer *st = sb_stemmer_new("arabic", NULL);
  if (!st) { fprintf(stderr, "stem_snowball: no arabic stemmer in libstemmer\n"); return 1; }
  unsigned char *buf = malloc(BLOCK + MAXTOK);
  if (!buf) return 1;
  unsigned long long bytes = 0, tokens = 0, stemmed = 0;
  size_t carry = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (;;) {
    size_t n = fread(buf + carry, 1, BLOCK, f);
    int eof = n == 0;
    bytes += n;
    size_t len = carry + n, i = 0, start = 0;
    int in = 0;
    carry = 0;
    while (i < len) {
      unsigned b = buf[i];
      int word = 0;
      if (b >= 0xD8 && b <= 0xDB) {
        if (i + 1 >= len) {
          if (!eof) break; /* the character continues in the next block */
        } else {
          word = arabic_word_char(b, buf[i + 1]);
        }
      }
      if (word) {
        if (!in) { in = 1; start = i; }
        i += 2;
        if (i - start >= MAXTOK - 1) goto emit; /* absurdly long run: cut */
        continue;
      }
      if (in) {
      emit:
        tokens++;
        if (stem) {
          const sb_symbol *s = sb_stemmer_stem(st, buf + start, (int)(i - start));
          if (s) stemmed += (unsigned long long)sb_stemmer_length(st);
        }
        in = 0;
        continue;
      }
      i++;
    }
    /* keep an open token (and a split character) for the next block */
    size_t keep = in ? start : i;
    if (!eof && keep < len) {
      carry = len - keep;
      memmove(buf, buf + keep, carry);
    } else if (in) {
      tokens++;
      if (stem && sb_stemmer_stem(st, buf + start, (int)(len - start)))
        stemmed += (unsigned long long)sb_stemmer_length(st);
    }
    if (eof) break;
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("%llu %llu %llu %.3f\n", bytes, tokens, stemmed, secs);
  sb_stemmer_delete(st);
  free(buf);
  if (f != stdin) fclose(f);
  return 0;
}
