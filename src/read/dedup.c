/* Syndicated copies: MinHash over 5-word shingles of normalized words, with
 * LSH bands so each new document is compared only with the earlier ones
 * that share a band; a copy is linked to the earliest similar document. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "read/read.h"
#include "text/text.h"
#include "util/util.h"

#define SHINGLE 5
#define BANDS 32
#define ROWS (ALQ_DEDUP_HASHES / BANDS)
/* Lines with fewer words than this are page chrome (mastheads, buttons,
 * captions, "read also" links) that differs between outlets; they are left
 * out of the shingles when the document has enough longer lines. */
#define SHORT_LINE 6
#define MIN_LONG_WORDS 40

typedef struct bucket { uint64_t key; uint32_t doc; uint32_t next; } bucket;

struct alq_dedup {
  double threshold;
  uint32_t *sig;     /* ALQ_DEDUP_HASHES minima per document */
  unsigned char *ok; /* document has a signature (enough words) */
  size_t n, cap;
  bucket *b;         /* band entries, chained per slot */
  size_t nb, bcap;
  uint32_t *head;    /* slot -> 1 + first entry, 0 = empty */
  size_t nslots;
};

static uint64_t mix64(uint64_t x) {   /* splitmix64 finalizer */
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27; x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

int alq_dedup_new(alq_dedup **out, double threshold) {
  *out = calloc(1, sizeof **out);
  if (!*out) return ALQ_ENOMEM;
  (*out)->threshold = threshold;
  return 0;
}

void alq_dedup_free(alq_dedup *d) {
  if (!d) return;
  free(d->sig); free(d->ok); free(d->b); free(d->head);
  free(d);
}

size_t alq_dedup_count(const alq_dedup *d) { return d->n; }

double alq_dedup_similarity(const alq_dedup *d, size_t i, size_t j) {
  if (i >= d->n || j >= d->n || !d->ok[i] || !d->ok[j]) return 0;
  const uint32_t *a = d->sig + i * ALQ_DEDUP_HASHES, *b = d->sig + j * ALQ_DEDUP_HASHES;
  int eq = 0;
  for (int k = 0; k < ALQ_DEDUP_HASHES; k++) eq += a[k] == b[k];
  return (double)eq / ALQ_DEDUP_HASHES;
}

/* Word hashes of one document: normalized letters and digits (matching
 * normalization: hamza forms, ta marbuta, diacritics, digits), anything
 * else separates words. lines[i] = the line number of word i. */
typedef struct words { uint64_t *h; uint32_t *line; size_t n, cap; } words;

static int push_word(words *w, uint64_t h, uint32_t line) {
  if (w->n == w->cap) {
    size_t nc = w->cap ? w->cap * 2 : 256;
    uint64_t *nh = realloc(w->h, nc * sizeof *nh);
    if (!nh) return ALQ_ENOMEM;
    w->h = nh;
    uint32_t *nl = realloc(w->line, nc * sizeof *nl);
    if (!nl) return ALQ_ENOMEM;
    w->line = nl;
    w->cap = nc;
  }
  w->h[w->n] = h; w->line[w->n] = line; w->n++;
  return 0;
}

static int is_word_cp(int32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* What split_words does with a code point: skip it (tatweel, diacritics:
 * inside words), add its normalized form to the word, or end the word (a
 * line break also counts the line). */
enum { CP_SKIP, CP_WORD, CP_SEP, CP_NL };

static int cp_action(int32_t cp, int32_t out[8], int *k) {
  *k = alq_norm_cp(cp, out);
  if (cp == 0x640 || (*k == 0 && cp != '\n')) return CP_SKIP;
  if (is_word_cp(cp)) return CP_WORD;
  return cp == '\n' ? CP_NL : CP_SEP;
}

/* The same for every code point below 0x800 (ASCII, Latin, Greek, Cyrillic,
 * Hebrew, Arabic), made once: no normalization or Unicode lookup per
 * character of such a text. */
enum { CP_TAB = 0x800 };
static unsigned char cp_act[CP_TAB], cp_k[CP_TAB];
static int32_t cp_out[CP_TAB][8];
static pthread_once_t cp_once = PTHREAD_ONCE_INIT;

static void cp_table(void) {
  for (int32_t cp = 0; cp < CP_TAB; cp++) {
    int k;
    cp_act[cp] = (unsigned char)cp_action(cp, cp_out[cp], &k);
    cp_k[cp] = (unsigned char)k;
  }
}

static int split_words(const char *text, size_t len, words *w) {
  const uint8_t *s = (const uint8_t *)text;
  size_t pos = 0;
  uint32_t line = 0;
  uint64_t h = 1469598103934665603ULL;
  int in = 0;
  pthread_once(&cp_once, cp_table);
  while (pos < len) {
    int32_t cp, slow[8];
    const int32_t *outcp;
    int act, k;
    uint8_t b = s[pos];
    /* ASCII and two-byte characters decoded here (as alq_utf8_next does) */
    if (b < 0x80) cp = b, pos++;
    else if (b >= 0xC2 && b <= 0xDF && len - pos >= 2 && (s[pos + 1] & 0xC0) == 0x80)
      cp = (int32_t)(b & 0x1F) << 6 | (s[pos + 1] & 0x3F), pos += 2;
    else alq_utf8_next(s, len, &pos, &cp);
    if (cp >= 0 && cp < CP_TAB) act = cp_act[cp], k = cp_k[cp], outcp = cp_out[cp];
    else act = cp_action(cp, slow, &k), outcp = slow;
    if (act == CP_SKIP) continue;
    if (act == CP_WORD) {
      for (int i = 0; i < k; i++) {
        uint32_t c = (uint32_t)outcp[i];
        for (int j = 0; j < 4; j++) { h ^= (c >> (8 * j)) & 0xff; h *= 1099511628211ULL; }
      }
      in = 1;
      continue;
    }
    if (in && push_word(w, h, line)) return ALQ_ENOMEM;
    in = 0;
    h = 1469598103934665603ULL;
    if (cp == '\n') line++;
  }
  if (in && push_word(w, h, line)) return ALQ_ENOMEM;
  return 0;
}

/* Keeps the words of lines with at least SHORT_LINE words, when they are
 * enough to describe the document. */
static void drop_short_lines(words *w) {
  size_t keep = 0;
  for (size_t i = 0, j; i < w->n; i = j) {
    for (j = i; j < w->n && w->line[j] == w->line[i]; j++) {}
    if (j - i >= SHORT_LINE) keep += j - i;
  }
  if (keep < MIN_LONG_WORDS) return;
  size_t o = 0;
  for (size_t i = 0, j; i < w->n; i = j) {
    for (j = i; j < w->n && w->line[j] == w->line[i]; j++) {}
    if (j - i < SHORT_LINE) continue;
    for (size_t k = i; k < j; k++) w->h[o++] = w->h[k];
  }
  w->n = o;
}

static int grow(alq_dedup *d) {
  size_t nc = d->cap ? d->cap * 2 : 64;
  uint32_t *ns = realloc(d->sig, nc * ALQ_DEDUP_HASHES * sizeof *ns);
  if (!ns) return ALQ_ENOMEM;
  d->sig = ns;
  unsigned char *no = realloc(d->ok, nc);
  if (!no) return ALQ_ENOMEM;
  d->ok = no;
  d->cap = nc;
  return 0;
}

static int rehash(alq_dedup *d, size_t nslots) {
  uint32_t *h = calloc(nslots, sizeof *h);
  if (!h) return ALQ_ENOMEM;
  for (size_t i = 0; i < d->nb; i++) {
    size_t s = d->b[i].key & (nslots - 1);
    d->b[i].next = h[s];
    h[s] = (uint32_t)i + 1;
  }
  free(d->head);
  d->head = h;
  d->nslots = nslots;
  return 0;
}

static int add_bucket(alq_dedup *d, uint64_t key, uint32_t doc) {
  if (d->nb >= UINT32_MAX - 1) return ALQ_ENOMEM;
  if (d->nb == d->bcap) {
    size_t nc = d->bcap ? d->bcap * 2 : 1024;
    bucket *nb = realloc(d->b, nc * sizeof *nb);
    if (!nb) return ALQ_ENOMEM;
    d->b = nb;
    d->bcap = nc;
  }
  if (d->nb * 2 >= d->nslots && rehash(d, d->nslots ? d->nslots * 2 : 2048)) return ALQ_ENOMEM;
  size_t s = key & (d->nslots - 1);
  d->b[d->nb] = (bucket){key, doc, d->head[s]};
  d->head[s] = (uint32_t)d->nb + 1;
  d->nb++;
  return 0;
}

static uint64_t band_key(const uint32_t *sig, int band) {
  uint64_t h = mix64((uint64_t)band + 0x9e3779b97f4a7c15ULL);
  for (int r = 0; r < ROWS; r++) h = mix64(h ^ sig[band * ROWS + r]);
  return h;
}

/* The minima over shingle hashes sh[0..n) of the ALQ_DEDUP_HASHES hash
 * functions mix64(sh + 0x9e3779b97f4a7c15 * (k + 1)) >> 32 (k = 0..127),
 * into sig. Most of the signature's time: the loop over k is written so that
 * it vectorizes, and on x86-64 with GCC it is built for AVX-512 and AVX2 as
 * well, chosen at run time (the same minima on every path). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11 && defined(__ELF__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
static void min_hashes(const uint64_t *sh, size_t n, uint32_t *restrict sig) {
  for (size_t i = 0; i < n; i++) {
    uint64_t h = sh[i];
    for (int k = 0; k < ALQ_DEDUP_HASHES; k++) {
      uint64_t x = h + 0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1);   /* mix64, inlined */
      x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
      x ^= x >> 27; x *= 0x94d049bb133111ebULL;
      x ^= x >> 31;
      uint32_t v = (uint32_t)(x >> 32);
      sig[k] = v < sig[k] ? v : sig[k];
    }
  }
}

int alq_dedup_signature(const char *text, size_t len, uint32_t sig[ALQ_DEDUP_HASHES]) {
  words w = {0};
  int rc = split_words(text, len, &w);
  if (rc) goto cleanup;
  drop_short_lines(&w);
  if (w.n < SHINGLE) goto cleanup;   /* rc = 0: no signature */
  for (int k = 0; k < ALQ_DEDUP_HASHES; k++) sig[k] = UINT32_MAX;
  /* the shingles' hashes, in place of the word hashes (shingle i only reads
     words i.. i+4) */
  size_t nsh = w.n - SHINGLE + 1;
  for (size_t i = 0; i < nsh; i++) {
    uint64_t sh = 0;
    for (int j = 0; j < SHINGLE; j++) sh = mix64(sh ^ w.h[i + j]);
    w.h[i] = sh;
  }
  min_hashes(w.h, nsh, sig);
  rc = 1;
cleanup:
  free(w.h);
  free(w.line);
  return rc;
}

int alq_dedup_add_sig(alq_dedup *d, const uint32_t *sig_in, long long *copy_of, double *sim) {
  *copy_of = -1; *sim = 0;
  if (d->n >= UINT32_MAX - 1) return ALQ_ENOMEM;
  if (d->n == d->cap && grow(d)) return ALQ_ENOMEM;
  size_t me = d->n;
  uint32_t *sig = d->sig + me * ALQ_DEDUP_HASHES;
  d->ok[me] = sig_in != NULL;
  d->n++;
  if (!sig_in) return 0;
  memcpy(sig, sig_in, ALQ_DEDUP_HASHES * sizeof *sig);
  /* candidates: earlier documents sharing a band; the earliest with a
     similarity at or above the threshold is the original */
  for (int band = 0; band < BANDS; band++) {
    uint64_t key = band_key(sig, band);
    if (d->nslots)
      for (uint32_t e = d->head[key & (d->nslots - 1)]; e; e = d->b[e - 1].next) {
        const bucket *bk = &d->b[e - 1];
        if (bk->key != key || (*copy_of >= 0 && bk->doc >= *copy_of)) continue;
        double s = alq_dedup_similarity(d, bk->doc, me);
        if (s >= d->threshold) { *copy_of = bk->doc; *sim = s; }
      }
  }
  for (int band = 0; band < BANDS; band++) {
    int rc = add_bucket(d, band_key(sig, band), (uint32_t)me);
    if (rc) return rc;
  }
  return 0;
}

int alq_dedup_add(alq_dedup *d, const char *text, size_t len, long long *copy_of, double *sim) {
  uint32_t sig[ALQ_DEDUP_HASHES];
  *copy_of = -1; *sim = 0;
  int rc = alq_dedup_signature(text, len, sig);
  if (rc < 0) return rc;
  return alq_dedup_add_sig(d, rc ? sig : NULL, copy_of, sim);
}

const uint32_t *alq_dedup_sig(const alq_dedup *d, size_t i) {
  return i < d->n && d->ok[i] ? d->sig + i * ALQ_DEDUP_HASHES : NULL;
}

void alq_dedup_sig_pack(const uint32_t sig[ALQ_DEDUP_HASHES], unsigned char out[ALQ_DEDUP_SIG_BYTES]) {
  for (int k = 0; k < ALQ_DEDUP_HASHES; k++)
    for (int j = 0; j < 4; j++) out[4 * k + j] = (unsigned char)(sig[k] >> (8 * j));
}

void alq_dedup_sig_unpack(const unsigned char in[ALQ_DEDUP_SIG_BYTES], uint32_t sig[ALQ_DEDUP_HASHES]) {
  for (int k = 0; k < ALQ_DEDUP_HASHES; k++)
    sig[k] = (uint32_t)in[4 * k] | (uint32_t)in[4 * k + 1] << 8 | (uint32_t)in[4 * k + 2] << 16 |
             (uint32_t)in[4 * k + 3] << 24;
}
