/* Small shared helpers: error filling, growable vectors, hashing, file
 * reading. Internal (not exported). */
#ifndef ALQ_UTIL_H
#define ALQ_UTIL_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "alaqat.h"

#if defined(__GNUC__)
#define ALQ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ALQ_PRINTF(a, b)
#endif

/* Fills err (if non-NULL) and returns code. */
int alq_error_set(alq_error *err, int code, const char *file, long long offset,
                  const char *fmt, ...) ALQ_PRINTF(5, 6);

/* FNV-1a over bytes. */
static inline uint64_t alq_hash(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ULL; }
  return h;
}

/* A 64-bit hash of a short string read 8 (or 4) bytes at a time, with
 * overlapping loads at the end (never past it): for hash sets and caches
 * keyed by words, where FNV's byte loop is too slow. */
static inline uint64_t alq_hash_words(const void *p, size_t n) {
  const char *f = p;
  uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL, w;
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      memcpy(&w, f + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 32;
    }
    if (i < n) {
      memcpy(&w, f + n - 8, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 32;
    }
    return h * 0xC4CEB9FE1A85EC53ULL;
  }
  if (n >= 4) {
    uint32_t lo, hi;
    memcpy(&lo, f, 4);
    memcpy(&hi, f + n - 4, 4);
    w = lo | (uint64_t)hi << 32;
  } else {
    w = 0;
    for (size_t i = 0; i < n; i++) w |= (uint64_t)(unsigned char)f[i] << (8 * i);
  }
  h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
  h ^= h >> 32;
  return h * 0xC4CEB9FE1A85EC53ULL;
}

/* Reads a whole file (max bytes `limit`, 0 = none). Caller frees *out. */
int alq_read_file(const char *path, char **out, size_t *len, size_t limit, alq_error *err);

/* Growable byte buffer with a hard maximum (0 = none). */
typedef struct alq_buf { char *p; size_t len, cap, max; } alq_buf;
int alq_buf_reserve(alq_buf *b, size_t extra);
int alq_buf_append(alq_buf *b, const void *s, size_t n);
int alq_buf_printf(alq_buf *b, const char *fmt, ...) ALQ_PRINTF(2, 3);
void alq_buf_free(alq_buf *b);

/* Appends s[0..n) as a JSON string literal (quotes included). */
int alq_buf_json_str(alq_buf *b, const char *s, size_t n);

/* json_out.c: s[0..n) as a JSON string literal at o (room for 6n + 2
 * bytes); returns the end. */
char *alq_json_put_str(char *o, const char *s, size_t n);
/* One claim / mention as a JSON line appended to b (the bytes of
 * alq_claim_json / alq_mention_json); 0 or ALQ_ENOMEM. The mention's name
 * is text[0..tlen). */
int alq_claim_json_append(alq_buf *b, const char *doc_id, const alq_claim *c);
int alq_mention_json_append(alq_buf *b, const char *doc_id, const char *text, size_t tlen,
                            const alq_mention *m);
#endif
