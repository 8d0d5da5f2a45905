/* The matching engine: a word table (exact forms and `*` stems) and a phrase
 * trie over word ids, built once from the lexicon files (load.c) and shared
 * read-only by threads; the scanner finds longest matches with clitics. */
#define _DEFAULT_SOURCE 1 /* madvise, MADV_HUGEPAGE, MAP_ANONYMOUS */
#include "lex/lex.h"
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "util/util.h"

typedef struct alq_wslot { uint64_t h; uint32_t off, len, id; } alq_wslot;
typedef struct alq_eslot { uint64_t key; uint32_t child; } alq_eslot;

static const char *rel_names[ALQ_REL__COUNT] = {
  "none", "alliance", "merger", "cooperation", "reconciliation", "support",
  "conflict", "rivalry", "split", "affiliation", "block"};

const char *alq_reltype_name(int t) {
  return (t >= 0 && t < ALQ_REL__COUNT) ? rel_names[t] : "none";
}
int alq_reltype_directed(int t) { return t == ALQ_REL_SUPPORT || t == ALQ_REL_AFFILIATION; }
int alq_reltype_class(int t) {
  if (t == ALQ_REL_AFFILIATION) return 2;
  if (t == ALQ_REL_CONFLICT || t == ALQ_REL_RIVALRY || t == ALQ_REL_SPLIT) return 1;
  return 0;
}

int alq_lex_actor_find(const alq_lexicon *lex, const char *id) {
  if (!lex->actor_ix) { /* no index (a lexicon being built without one) */
    for (size_t i = 0; i < lex->nactors; i++)
      if (strcmp(lex->actors[i].id, id) == 0) return (int)i;
    return -1;
  }
  size_t m = lex->actor_ixcap - 1;
  for (size_t k = (size_t)alq_hash(id, strlen(id)) & m;; k = (k + 1) & m) {
    uint32_t v = lex->actor_ix[k];
    if (!v) return -1;
    if (strcmp(lex->actors[v - 1].id, id) == 0) return (int)(v - 1);
  }
}

/* Puts actor i in the open-addressing table unless an earlier actor has
 * its id (alq_lex_actor_find returns the first). */
static void actor_ix_put(alq_lexicon *lex, size_t i) {
  const char *id = lex->actors[i].id;
  size_t m = lex->actor_ixcap - 1;
  for (size_t k = (size_t)alq_hash(id, strlen(id)) & m;; k = (k + 1) & m) {
    uint32_t v = lex->actor_ix[k];
    if (!v) { lex->actor_ix[k] = (uint32_t)i + 1; return; }
    if (strcmp(lex->actors[v - 1].id, id) == 0) return;
  }
}

int alq_lex_actor_index_add(alq_lexicon *lex, size_t i) {
  if ((i + 1) * 2 > lex->actor_ixcap) { /* keep it at most half full: rebuild in actor order */
    size_t cap = lex->actor_ixcap ? lex->actor_ixcap * 2 : 512;
    while ((i + 1) * 2 > cap) cap *= 2;
    uint32_t *ix = calloc(cap, sizeof *ix);
    if (!ix) return ALQ_ENOMEM;
    free(lex->actor_ix);
    lex->actor_ix = ix;
    lex->actor_ixcap = cap;
    for (size_t k = 0; k < i; k++) actor_ix_put(lex, k);
  }
  actor_ix_put(lex, i);
  return 0;
}

/* ---- word tables ---------------------------------------------------- */

static inline uint64_t ld64(const char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint64_t ld32(const char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
#define form_hash alq_hash_words

/* memcpy(d, s, n) for short strings, by the same loads and no call */
static inline void copy_short(char *d, const char *s, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8) { uint64_t v = ld64(s + i); memcpy(d + i, &v, 8); }
    uint64_t v = ld64(s + n - 8);
    memcpy(d + n - 8, &v, 8);
  } else if (n >= 4) {
    uint32_t v0 = (uint32_t)ld32(s), v1 = (uint32_t)ld32(s + n - 4);
    memcpy(d, &v0, 4);
    memcpy(d + n - 4, &v1, 4);
  } else {
    for (size_t i = 0; i < n; i++) d[i] = s[i];
  }
}

/* a[0..n) == b[0..n) for short strings, by the loads of form_hash */
static inline int form_eq(const char *a, const char *b, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 <= n; i += 8) if (ld64(a + i) != ld64(b + i)) return 0;
    return ld64(a + n - 8) == ld64(b + n - 8);
  }
  if (n >= 4) return ld32(a) == ld32(b) && ld32(a + n - 4) == ld32(b + n - 4);
  for (size_t i = 0; i < n; i++) if (a[i] != b[i]) return 0;
  return 1;
}

static uint32_t wtab_get(const alq_lexicon *lex, const alq_wslot *tab, size_t cap,
                         const char *s, size_t n, uint64_t h) {
  if (!cap) return UINT32_MAX;
  size_t m = cap - 1, i = (size_t)h & m;
  for (;;) {
    const alq_wslot *w = &tab[i];
    if (!w->len) return UINT32_MAX;
    if (w->h == h && w->len == n && form_eq(lex->strings + w->off, s, n)) return w->id;
    i = (i + 1) & m;
  }
}

static uint32_t word_entries_h(const alq_lexicon *lex, const char *norm, size_t n, uint64_t h,
                               const alq_lexent **ents);
uint32_t alq_lex_word_entries(const alq_lexicon *lex, const char *norm, size_t n,
                              const alq_lexent **ents) {
  return word_entries_h(lex, norm, n, alq_hash_words(norm, n), ents);
}
static uint32_t word_entries_h(const alq_lexicon *lex, const char *norm, size_t n, uint64_t h,
                               const alq_lexent **ents) {
  uint32_t w = wtab_get(lex, lex->words, lex->wcap, norm, n, h);
  if (w == UINT32_MAX) return 0;
  uint64_t key = ((uint64_t)0 << 32) | w;
  size_t m = lex->ecap - 1, i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & m;
  for (;;) {
    const alq_eslot *e = &lex->edges[i];
    if (!e->child) return 0;
    if (e->key == key) {
      *ents = lex->ents + lex->node_ent_first[e->child];
      return lex->node_ent_count[e->child];
    }
    i = (i + 1) & m;
  }
}

static inline uint32_t edge_get(const alq_lexicon *lex, uint32_t node, uint32_t word) {
  uint64_t key = ((uint64_t)node << 32) | word;
  size_t m = lex->ecap - 1, i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & m;
  for (;;) {
    const alq_eslot *e = &lex->edges[i];
    if (!e->child) return 0;
    if (e->key == key) return e->child;
    i = (i + 1) & m;
  }
}

/* edge_get from a node other than the root, through the edge filter (built
 * with the other filters: the scan's only): most words after one that may
 * go on into a phrase do not go on, and the filter (16 KB) says so without
 * a probe of the edge table (256 KB, out of cache). */
static inline uint32_t edge_bit(uint64_t key) { return (uint32_t)((key * 0x9E3779B97F4A7C15ULL) >> 47); }
static inline uint32_t edge_get_inner(const alq_lexicon *lex, uint32_t node, uint32_t word) {
  uint64_t key = ((uint64_t)node << 32) | word;
  if (!((lex->edge_bits[edge_bit(key) >> 6] >> (edge_bit(key) & 63)) & 1)) return 0;
  return edge_get(lex, node, word);
}

/* ---- candidates for one token --------------------------------------- */

#define MAXCAND 12
enum { CF_CL = 1, CF_ART = 2, CF_PFX = ALQ_CAND_PFX };

/* UTF-8 bytes of the letters involved in proclitics (normalized text). */
#define L_WAW "\xd9\x88"
#define L_FA "\xd9\x81"
#define L_BA "\xd8\xa8"
#define L_KAF "\xd9\x83"
#define L_LAM "\xd9\x84"
#define L_ALEF "\xd8\xa7"

static int is2(const char *s, const char *l) { return s[0] == l[0] && s[1] == l[1]; }

/* ---- lookup filters ---------------------------------------------------- */

/* Hash of a word's head: its first min(n, k) bytes and that length. Every
 * stem is at least k bytes long (k <= pfx_min), so a token whose head is not
 * in head_bits has neither an exact entry nor a stem among its prefixes. */
static inline uint32_t head_key(const char *f, size_t n, size_t k) {
  size_t m = n < k ? n : k;
  uint64_t x = 0;
  if (m == 6) { /* the usual case: a fixed-size copy compiles to two loads */
    uint32_t lo4; uint16_t hi2;
    memcpy(&lo4, f, 4); memcpy(&hi2, f + 4, 2);
    x = lo4 | (uint64_t)hi2 << 32;
  } else {
    for (size_t i = 0; i < m; i++) x |= (uint64_t)(unsigned char)f[i] << (8 * i);
  }
  x ^= (uint64_t)m << 56; /* k <= 7: the length byte is clear */
  x *= 0x9E3779B97F4A7C15ULL;
  return (uint32_t)(x >> 48);
}
static inline int bit_test(const uint64_t *b, uint32_t i) { return (int)((b[i >> 6] >> (i & 63)) & 1); }
static inline void bit_set(uint64_t *b, uint32_t i) { b[i >> 6] |= (uint64_t)1 << (i & 63); }
static inline uint32_t exact_bit(uint64_t h) { return (uint32_t)(h >> 48); }   /* 65536 bits */
static inline uint32_t stem_bit(uint64_t h) { return (uint32_t)(h >> 51); }    /* 8192 bits */

static pthread_mutex_t filt_mu = PTHREAD_MUTEX_INITIALIZER;

static void filters_build(alq_lexicon *lex) {
  size_t k = 6;
  if (lex->pcap && lex->pfx_min < k) k = lex->pfx_min;
  if (k < 1) k = 1;
  lex->filt_k = (uint16_t)k;
  memset(lex->head_bits, 0, sizeof lex->head_bits);
  memset(lex->exact_bits, 0, sizeof lex->exact_bits);
  memset(lex->stem_bits, 0, sizeof lex->stem_bits);
  memset(lex->stem_head_bits, 0, sizeof lex->stem_head_bits);
  memset(lex->edge_bits, 0, sizeof lex->edge_bits);
  for (size_t i = 0; i < lex->wcap; i++) {
    const alq_wslot *w = &lex->words[i];
    if (!w->len) continue;
    bit_set(lex->head_bits, head_key(lex->strings + w->off, w->len, k));
    bit_set(lex->exact_bits, exact_bit(w->h));
  }
  /* trie nodes with children: a phrase can only go on from those */
  free(lex->node_inner);
  lex->node_inner = calloc(lex->nnodes / 64 + 1, sizeof *lex->node_inner);
  for (size_t i = 0; lex->node_inner && i < lex->ecap; i++)
    if (lex->edges[i].child) {
      uint64_t parent = lex->edges[i].key >> 32;
      if (parent <= lex->nnodes) bit_set(lex->node_inner, (uint32_t)parent);
    }
  for (size_t i = 0; i < lex->ecap; i++)
    if (lex->edges[i].child && lex->edges[i].key >> 32) bit_set(lex->edge_bits, edge_bit(lex->edges[i].key));
  /* nodes with entries, and with an entry that is no name (consider and
     node_accepts without the counts and the entries) */
  free(lex->node_acc);
  lex->node_acc = calloc((2 * (size_t)lex->nnodes + 2) / 64 + 1, sizeof *lex->node_acc);
  /* the root's child per word id (alq_lex_tok_word_entries) */
  free(lex->root_child);
  lex->root_child = calloc((size_t)lex->nwords + 2, sizeof *lex->root_child);
  for (size_t i = 0; lex->root_child && i < lex->ecap; i++)
    if (lex->edges[i].child && !(lex->edges[i].key >> 32) && lex->edges[i].key <= lex->nwords)
      lex->root_child[lex->edges[i].key] = lex->edges[i].child;
  for (uint32_t nd = 0; lex->node_acc && nd <= lex->nnodes; nd++) {
    if (lex->node_ent_count[nd]) bit_set(lex->node_acc, 2 * nd);
    for (uint32_t q = 0; q < lex->node_ent_count[nd]; q++)
      if (!(lex->ents[lex->node_ent_first[nd] + q].flags & ALQ_EF_NAME)) { bit_set(lex->node_acc, 2 * nd + 1); break; }
  }
  for (size_t i = 0; i < lex->pcap; i++) {
    const alq_wslot *w = &lex->pfx[i];
    if (!w->len) continue;
    uint32_t hk = head_key(lex->strings + w->off, w->len, k);
    bit_set(lex->head_bits, hk);
    bit_set(lex->stem_head_bits, hk);
    bit_set(lex->stem_bits, stem_bit(w->h));
  }
}

/* Builds the filters once per lexicon (the first scan; later ones only read). */
static void filters_ready(const alq_lexicon *clex) {
  if (atomic_load_explicit(&clex->filt_ready, memory_order_acquire)) return;
  alq_lexicon *lex = (alq_lexicon *)clex; /* allocated writable by alq_lexicon_open */
  pthread_mutex_lock(&filt_mu);
  if (!atomic_load_explicit(&lex->filt_ready, memory_order_relaxed)) {
    filters_build(lex);
    atomic_store_explicit(&lex->filt_ready, 1, memory_order_release);
  }
  pthread_mutex_unlock(&filt_mu);
}

static int add_cands_for(const alq_lexicon *lex, const char *f, size_t n, uint16_t strip,
                         uint8_t flags, alq_cand *out, int nc) {
  uint32_t hk = head_key(f, n, lex->filt_k);
  if (!bit_test(lex->head_bits, hk)) return nc;
  /* incremental FNV over the bytes a stem may span: the hash of every
     prefix comes for free (the stem table is keyed by FNV) */
  uint64_t ph = 1469598103934665603ULL;
  uint32_t pw[16];
  int np = 0;
  /* prefixes are probed only when some stem starts like this form */
  size_t lim = (lex->pcap && n >= lex->pfx_min && bit_test(lex->stem_head_bits, hk))
                   ? (n < lex->pfx_max ? n : lex->pfx_max) : 0;
  size_t i = 0;
  if (lim) /* the bytes before the shortest stem need no probe */
    for (; i + 1 < lex->pfx_min; i++) {
      ph ^= (unsigned char)f[i];
      ph *= 1099511628211ULL;
    }
  for (; i < lim; i++) {
    ph ^= (unsigned char)f[i];
    ph *= 1099511628211ULL;
    size_t L = i + 1;
    if (L < n && ((unsigned char)f[L] & 0xC0) == 0x80) continue; /* mid code point */
    if (!bit_test(lex->stem_bits, stem_bit(ph))) continue;
    uint32_t p = wtab_get(lex, lex->pfx, lex->pcap, f, L, ph);
    if (p != UINT32_MAX && np < 16) pw[np++] = p;
  }
  /* the exact table is keyed by the word-at-a-time hash (load.c) */
  uint64_t eh = alq_hash_words(f, n);
  if (bit_test(lex->exact_bits, exact_bit(eh))) {
    uint32_t w = wtab_get(lex, lex->words, lex->wcap, f, n, eh);
    if (w != UINT32_MAX && nc < MAXCAND) out[nc++] = (alq_cand){w, strip, flags};
  }
  for (int j = 0; j < np && nc < MAXCAND; j++)
    out[nc++] = (alq_cand){pw[j], strip, (uint8_t)(flags | CF_PFX)};
  return nc;
}

/* Lookup forms of a normalized token: itself; without و/ف and ب/ك/ل; with
 * لل read as ل + ال; and without the article (flagged: names refuse it). A
 * clitic is stripped only when at least two letters remain. */
static int token_cands(const alq_lexicon *lex, const char *s, size_t n, alq_cand *out) {
  int nc = add_cands_for(lex, s, n, 0, 0, out, 0);
  if (n < 4 || ((unsigned char)s[0] != 0xD8 && (unsigned char)s[0] != 0xD9)) return nc;
  char tmp[256];
  size_t p = 0;
  /* article on the bare token */
  if (n >= 8 && is2(s, L_ALEF) && is2(s + 2, L_LAM))
    nc = add_cands_for(lex, s + 4, n - 4, 4, CF_ART, out, nc);
  if (is2(s, L_WAW) || is2(s, L_FA)) {
    p = 2;
    if (n - p >= 4) nc = add_cands_for(lex, s + p, n - p, (uint16_t)p, CF_CL, out, nc);
  }
  if (n - p >= 6 && (is2(s + p, L_BA) || is2(s + p, L_KAF) || is2(s + p, L_LAM))) {
    int lam = is2(s + p, L_LAM);
    size_t q = p + 2;
    if (lam && is2(s + q, L_LAM) && n - q >= 6 && n - q + 2 < sizeof tmp) {
      /* لل + X = ل + ال + X */
      memcpy(tmp, L_ALEF, 2);
      memcpy(tmp + 2, s + q, n - q);
      nc = add_cands_for(lex, tmp, n - q + 2, (uint16_t)q, CF_CL, out, nc);
      if (n - q >= 6) nc = add_cands_for(lex, s + q + 2, n - q - 2, (uint16_t)(q + 2), CF_CL | CF_ART, out, nc);
    } else {
      nc = add_cands_for(lex, s + q, n - q, (uint16_t)q, CF_CL, out, nc);
      if (n - q >= 8 && is2(s + q, L_ALEF) && is2(s + q + 2, L_LAM))
        nc = add_cands_for(lex, s + q + 4, n - q - 4, (uint16_t)(q + 4), CF_CL | CF_ART, out, nc);
    }
  } else if (p && n - p >= 8 && is2(s + p, L_ALEF) && is2(s + p + 2, L_LAM)) {
    nc = add_cands_for(lex, s + p + 4, n - p - 4, (uint16_t)(p + 4), CF_CL | CF_ART, out, nc);
  }
  return nc;
}

/* ---- per-thread cache of lookup candidates ------------------------------ */

/* token_cands is a pure function of the normalized form (and the lexicon),
 * and news text repeats its words: an extractor keeps the candidates of
 * recent forms in a direct-mapped table, replacing the clitic variants and
 * their probes by one hash and one compare. Forms longer than LC_KEY bytes
 * or with more than LC_NC candidates are not cached.
 *
 * A slot also keeps what the form matches on its own when no phrase of the
 * trie goes on from any of its candidates (every node it reaches is a leaf):
 * then the match at that token is a function of the form alone, and the
 * scanner copies it instead of exploring and collecting the entries again.
 * A slot refilled while a scan still refers to it bumps its epoch, which
 * sends that token back to the full path.
 *
 * 2^16 slots of 128 bytes: 8 MB per extractor, on huge pages (session 7:
 * 2^14 slots, 2 MB on 4 KB pages, before). On the 1,423 corpus articles
 * read once the larger table answers 89% of the lookups instead of 81%
 * (the misses are not only first sightings: the smaller table forgot words
 * before they came again); huge pages keep its random probes from paying
 * a page walk each. docs/PERFORMANCE.md, "Session 7". */
#define LC_BITS 16
#define LC_KEY 32
#define LC_NC 4
#define LC_NE 4
#define LC_NI 2
enum { SOLO_SCAN = 0, /* explore (too many entries or inner nodes) */
       SOLO_NONE,     /* no match starts here */
       SOLO_MATCH,    /* the one-token match below (has1) */
       SOLO_EXT };    /* phrases may go on from the inner nodes below: when
                         none has an edge for a candidate of the next token,
                         the one-token match (has1) or none */
typedef struct lc_slot {
  uint64_t h;
  uint32_t epoch;        /* bumped on every refill */
  uint8_t klen;          /* 0: empty */
  uint8_t nc;
  uint8_t solo;          /* SOLO_* */
  uint8_t ne;
  uint8_t has1;          /* SOLO_MATCH, SOLO_EXT: the one-token match exists */
  uint8_t ninner;        /* SOLO_EXT: inner[0..ninner) */
  uint8_t mru;           /* (first slot of a pair) the way used last */
  char key[LC_KEY];
  alq_cand c[LC_NC];
  uint32_t inner[LC_NI]; /* SOLO_EXT: the inner trie nodes its candidates reach */
  /* SOLO_MATCH: the alq_match fields of the one-token match */
  uint32_t ents[LC_NE];
  uint64_t cues;
  uint16_t kinds, rels, mflags, strip;
} lc_slot;
/* Recent answers of alq_lex_word_entries (the name rules ask about the
 * same words again and again, and the word table's probes miss the cache):
 * direct-mapped by the form's hash, forms of up to WM_KEY bytes. */
#define WM_BITS 10
#define WM_KEY 19
typedef struct wm_slot {
  uint64_t h;
  const alq_lexent *ents;
  uint32_t n;
  uint8_t klen;           /* 0: empty */
  char key[WM_KEY];
} wm_slot;
struct alq_lex_cache {
  const alq_lexicon *lex;
  void *mem;                           /* the mapping (mmap) and its size */
  size_t mem_size;
  int refs;                            /* alq_lex_cache_ref */
  wm_slot wm[1u << WM_BITS];
  _Alignas(64) lc_slot slot[1u << LC_BITS]; /* a slot in two cache lines, not three */
};

/* The table is probed at random, one slot per word: with 4 KB pages
 * nearly every probe would also need a page walk. It is mapped on its own
 * (zeroed by the kernel, pages touched only when used), placed on a 2 MB
 * boundary and the kernel asked for transparent huge pages (madvise;
 * ignored where THP is off). */
#define LC_HUGE ((size_t)2 << 20)
alq_lex_cache *alq_lex_cache_new(void) {
  size_t sz = ((sizeof(alq_lex_cache) + LC_HUGE - 1) & ~(LC_HUGE - 1)) + LC_HUGE;
  void *m = mmap(NULL, sz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return NULL;
  alq_lex_cache *c = (alq_lex_cache *)(((uintptr_t)m + LC_HUGE - 1) & ~(uintptr_t)(LC_HUGE - 1));
#ifdef MADV_HUGEPAGE
  (void)madvise(c, sizeof *c, MADV_HUGEPAGE);
#endif
  c->mem = m;
  c->mem_size = sz;
  c->refs = 1;
  return c;
}
alq_lex_cache *alq_lex_cache_ref(alq_lex_cache *c) {
  if (c) c->refs++;
  return c;
}
void alq_lex_cache_free(alq_lex_cache *c) {
  if (c && --c->refs == 0) munmap(c->mem, c->mem_size);
}


static int token_cands(const alq_lexicon *lex, const char *s, size_t n, alq_cand *out);

/* ---- scanning --------------------------------------------------------- */

typedef struct scan_state {
  const alq_lexicon *lex;
  const alq_text *t;
  size_t hi;
  alq_cand *cands;       /* all tokens' candidates, in token order */
  uint32_t *cfirst;      /* token i - lo: cands[cfirst[i-lo] .. cfirst[i-lo+1]) */
  size_t lo;
  /* best so far for the current start token */
  uint32_t best_j;
  int nbest;
  uint32_t best_node[4];
  uint8_t best_fl[4];
  uint16_t best_strip[4];
} scan_state;

enum { PF_ART = 1, PF_INNER_CL = 2, PF_PFX = 4, PF_CL = 8 };

static int node_accepts_ents(const alq_lexicon *lex, uint32_t node, uint8_t pf) {
  uint32_t f = lex->node_ent_first[node], c = lex->node_ent_count[node];
  for (uint32_t k = 0; k < c; k++) {
    const alq_lexent *e = &lex->ents[f + k];
    if (!(e->flags & ALQ_EF_NAME) || !(pf & (PF_ART | PF_INNER_CL))) return 1;
  }
  return 0;
}
/* Whether node has entries and accepts a match reached with flags pf:
 * some entry is no name, or no article or inner clitic came before. By
 * the node's two node_acc bits when built (speed7: the counts and the
 * entries, 130 KB out of cache, are not read), else by the entries. */
static inline int node_accepts(const alq_lexicon *lex, uint32_t node, uint8_t pf) {
  if (!lex->node_acc) return lex->node_ent_count[node] && node_accepts_ents(lex, node, pf);
  uint32_t b = (uint32_t)(lex->node_acc[node >> 5] >> (2 * (node & 31))) & 3u;
  int r = (b & 1u) && (!(pf & (PF_ART | PF_INNER_CL)) || (b >> 1));
  assert(r == (lex->node_ent_count[node] && node_accepts_ents(lex, node, pf)));
  return r;
}

/* Node `node`, reached at token j, as a candidate for the longest match. */
static inline void consider(scan_state *st, uint32_t node, uint32_t j, uint8_t pf, uint16_t strip) {
  const alq_lexicon *lex = st->lex;
  if (node_accepts(lex, node, pf)) {
    if (st->nbest == 0 || j > st->best_j) {
      st->best_j = j; st->nbest = 0;
    }
    if (j == st->best_j && st->nbest < 4) {
      st->best_node[st->nbest] = node; st->best_fl[st->nbest] = pf;
      st->best_strip[st->nbest] = strip; st->nbest++;
    }
  }
}

static void explore(scan_state *st, uint32_t node, uint32_t j, uint8_t pf, uint16_t strip, int depth) {
  const alq_lexicon *lex = st->lex;
  consider(st, node, j, pf, strip);
  if (depth >= 24) return;
  if (lex->node_inner && !bit_test(lex->node_inner, node)) return; /* a leaf: no longer phrase */
  const alq_text *t = st->t;
  size_t k = j + 1;
  while (k < st->hi && t->toks[k].kind == ALQ_TOK_QUOTE) k++;
  if (k >= st->hi || t->toks[k].sent != t->toks[j].sent) return;
  const alq_cand *cs = st->cands + st->cfirst[k - st->lo];
  int nk = (int)(st->cfirst[k - st->lo + 1] - st->cfirst[k - st->lo]);
  for (int c = 0; c < nk; c++) {
    uint32_t child = edge_get_inner(lex, node, cs[c].word);
    if (!child) continue;
    uint8_t npf = pf;
    if (cs[c].flags & CF_ART) npf |= PF_ART;
    if (cs[c].flags & CF_CL) npf |= PF_INNER_CL;
    if (cs[c].flags & CF_PFX) npf |= PF_PFX;
    explore(st, child, (uint32_t)k, npf, strip, depth + 1);
  }
}

/* What a match holds: the accepted entries of the best nodes (deduplicated,
 * written to idx, which has room for the sum of their entry counts) and
 * their masks. Returns the number of entries. */
typedef struct match_sum { uint16_t mflags, strip, kinds, rels; uint64_t cues; } match_sum;
static uint32_t collect(const alq_lexicon *lex, const scan_state *st, uint32_t *idx, match_sum *o) {
  uint32_t ne = 0;
  uint16_t mflags = 0, strip = st->best_strip[0], kinds = 0, rels = 0;
  uint64_t cues = 0;
  for (int b = 0; b < st->nbest; b++) {
    uint32_t f = lex->node_ent_first[st->best_node[b]], c = lex->node_ent_count[st->best_node[b]];
    uint8_t pf = st->best_fl[b];
    for (uint32_t k = 0; k < c; k++) {
      const alq_lexent *e = &lex->ents[f + k];
      if ((e->flags & ALQ_EF_NAME) && (pf & (PF_ART | PF_INNER_CL))) continue;
      if (b) { /* a node's own entries are distinct; another node may share them */
        int dup = 0;
        for (uint32_t d = 0; d < ne; d++) if (idx[d] == f + k) dup = 1;
        if (dup) continue;
      }
      idx[ne++] = f + k;
      kinds |= (uint16_t)(1u << (e->kind & 15));
      if (e->kind == ALQ_LK_CUE) cues |= (uint64_t)1 << (e->cls & 63);
      else if (e->kind == ALQ_LK_REL) rels |= (uint16_t)(1u << (e->cls & 15));
      mflags |= (e->flags & ALQ_EF_NAME) ? ALQ_MT_NAME : ALQ_MT_WORD;
      if (e->flags & ALQ_EF_NAME) strip = st->best_strip[b];
    }
    if (pf & PF_ART) mflags |= ALQ_MT_ARTICLE;
    if (pf & (PF_CL | PF_INNER_CL)) mflags |= ALQ_MT_CLITIC;
    if (pf & PF_PFX) mflags |= ALQ_MT_PREFIX;
  }
  o->mflags = mflags; o->strip = strip; o->kinds = kinds; o->rels = rels; o->cues = cues;
  return ne;
}

static inline uint8_t root_pf(uint8_t cf) {
  uint8_t pf = 0;
  if (cf & CF_ART) pf |= PF_ART;
  if (cf & CF_CL) pf |= PF_CL;
  if (cf & CF_PFX) pf |= PF_PFX;
  return pf;
}

/* The one-token match of a form with candidates c[0..nc), as the scanner
 * would find it when no phrase goes on (explore's calls at depth 1, in the
 * same order), and the inner nodes from which one might. */
static void solo_fill(const alq_lexicon *lex, lc_slot *e) {
  e->solo = SOLO_SCAN;
  if (!lex->node_inner) return;
  scan_state st; /* (what consider and collect read: not all of it zeroed, on every refill) */
  st.lex = lex;
  st.nbest = 0;
  st.best_j = 0;
  int ni = 0;
  for (int c = 0; c < e->nc; c++) {
    uint32_t child = edge_get(lex, 0, e->c[c].word);
    if (!child) continue;
    if (bit_test(lex->node_inner, child)) { /* a phrase may go on */
      if (ni == LC_NI) return;
      e->inner[ni++] = child;
    }
    consider(&st, child, 0, root_pf(e->c[c].flags), e->c[c].strip);
  }
  e->ninner = (uint8_t)ni;
  e->has1 = 0;
  if (!st.nbest) { e->solo = ni ? SOLO_EXT : SOLO_NONE; return; }
  uint32_t total = 0;
  for (int b = 0; b < st.nbest; b++) total += lex->node_ent_count[st.best_node[b]];
  if (total > 64) return;
  uint32_t idx[64];
  match_sum ms;
  uint32_t ne = collect(lex, &st, idx, &ms);
  if (ne > LC_NE) return;
  memcpy(e->ents, idx, ne * sizeof *idx);
  e->ne = (uint8_t)ne;
  e->cues = ms.cues; e->kinds = ms.kinds; e->rels = ms.rels; e->mflags = ms.mflags; e->strip = ms.strip;
  e->has1 = 1;
  e->solo = ni ? SOLO_EXT : SOLO_MATCH;
}

/* Whether explore would go beyond token i from one of the slot's inner
 * nodes: the next token (past quotes, in the same sentence) has a
 * candidate with an edge from it. */
static int may_extend(const scan_state *st, const lc_slot *e, size_t i) {
  const alq_text *t = st->t;
  size_t k = i + 1;
  while (k < st->hi && t->toks[k].kind == ALQ_TOK_QUOTE) k++;
  if (k >= st->hi || t->toks[k].sent != t->toks[i].sent) return 0;
  const alq_cand *cs = st->cands + st->cfirst[k - st->lo];
  int nk = (int)(st->cfirst[k - st->lo + 1] - st->cfirst[k - st->lo]);
  for (int c = 0; c < e->ninner; c++)
    for (int q = 0; q < nk; q++)
      if (edge_get_inner(st->lex, e->inner[c], cs[q].word)) return 1;
  return 0;
}

/* Whether a form of n bytes is looked up in the cache. */
static inline int lc_cacheable(size_t n) { return n && n <= LC_KEY; }

/* token_cands through the cache; *slot gets the slot's index and epoch
 * (epoch << 32 | index), or UINT64_MAX when the form is not cached. h is
 * form_hash(s, n) when lc and lc_cacheable(n). */
static inline int token_cands_c(const alq_lexicon *lex, alq_lex_cache *lc, const char *s, size_t n,
                                uint64_t h, alq_cand *out, uint64_t *slot) {
  *slot = UINT64_MAX;
  if (!lc || !lc_cacheable(n)) return token_cands(lex, s, n, out);
  assert(h == form_hash(s, n)); /* the scan computes it one token ahead */
  /* two-way: slots 2k and 2k + 1; the first slot's mru says which was hit
     or filled last, the other is refilled on a miss */
  uint32_t si = (uint32_t)(h >> (64 - LC_BITS)) & ~1u;
  lc_slot *e0 = &lc->slot[si];
  /* the way whose hash matches is tried first (chosen without a branch: a
     hit in either way is then one predictable test) */
  uint32_t hw = e0->h != h;
  for (int k = 0; k < 2; k++, hw ^= 1u) {
    lc_slot *e = e0 + hw;
    if (e->h == h && e->klen == n && form_eq(e->key, s, n)) {
      memcpy(out, e->c, sizeof e->c); /* all LC_NC (out has MAXCAND): no call */
      *slot = (uint64_t)e->epoch << 32 | (si + hw);
      e0->mru = (uint8_t)hw;
      return e->nc;
    }
  }
  int nc = token_cands(lex, s, n, out);
  if (nc <= LC_NC) {
    uint32_t w = e0->mru ^ 1u;
    lc_slot *e = e0 + w;
    e0->mru = (uint8_t)w;
    si += w;
    e->h = h;
    e->epoch++;
    e->klen = (uint8_t)n;
    e->nc = (uint8_t)nc;
    copy_short(e->key, s, n);
    for (int k = 0; k < nc; k++) e->c[k] = out[k];
    solo_fill(lex, e);
    *slot = (uint64_t)e->epoch << 32 | si;
  }
  return nc;
}

uint32_t alq_lex_edge(const alq_lexicon *lex, uint32_t node, uint32_t word, int filtered) {
  if (!filtered || !node) return edge_get(lex, node, word);
  filters_ready(lex);
  return edge_get_inner(lex, node, word);
}

uint32_t alq_lex_word_entries_c(const alq_lexicon *lex, alq_lex_cache *lc, const char *norm, size_t n,
                                const alq_lexent **ents) {
  if (!lc || lc->lex != lex || !n || n > WM_KEY) return alq_lex_word_entries(lex, norm, n, ents);
  uint64_t h = alq_hash_words(norm, n);
  wm_slot *w = &lc->wm[h >> (64 - WM_BITS)];
  if (w->h == h && w->klen == n && form_eq(w->key, norm, n)) {
    if (w->n) *ents = w->ents;   /* (as the table: *ents untouched when there is none) */
    return w->n;
  }
  const alq_lexent *e = NULL;
  uint32_t r = word_entries_h(lex, norm, n, h, &e);
  w->h = h;
  w->klen = (uint8_t)n;
  copy_short(w->key, norm, n);
  w->ents = e;
  w->n = r;
  if (r) *ents = e;
  return r;
}

int alq_lex_cache_find(const alq_lex_cache *lc, const char *s, size_t n) {
  if (!lc_cacheable(n)) return -1;
  uint64_t h = form_hash(s, n);
  uint32_t si = (uint32_t)(h >> (64 - LC_BITS)) & ~1u;
  for (uint32_t w = 0; w < 2; w++) {
    const lc_slot *e = &lc->slot[si + w];
    if (e->h == h && e->klen == n && form_eq(e->key, s, n)) return e->nc;
  }
  return -1;
}

long alq_lex_scan(const alq_lexicon *lex, const alq_text *t, size_t lo, size_t hi,
                  alq_arena *a, alq_match **out) {
  return alq_lex_scan_c(lex, NULL, t, lo, hi, a, out);
}

/* Byte start of a match at token i whose first token loses `strip`
 * normalized bytes of proclitics. */
static inline uint32_t match_start(const alq_text *t, size_t i, uint16_t strip) {
  const alq_token *tf = &t->toks[i];
  uint32_t start = tf->start;
  if (strip && strip < tf->nlen) {
    /* the usual case: the token's bytes up to and including the letter
       after the proclitics are their own normalized form, so every code
       point there normalized to itself, one for one (a dropped one, never
       written, or a changed one would show as a difference): the letter
       starts strip bytes in */
    if ((size_t)strip + 2 <= tf->nlen && (size_t)tf->start + strip + 2 <= tf->end &&
        form_eq((const char *)t->src + tf->start, t->norm + tf->nstart, (size_t)strip + 2))
      return tf->start + strip;
    uint32_t e;
    alq_text_norm_src(t, i, tf->nstart + strip, &start, &e);
  }
  return start;
}

#define LC_AHEAD 8
/* The cache hash of token j when it is a word the cache may hold (else 0),
 * its slots prefetched: both ways' first lines (hash, key) and the first
 * way's second line (its candidates straddle into it). */
static inline uint64_t hash_ahead(const alq_lex_cache *lc, const alq_token *toks, const char *norm, size_t j) {
  const alq_token *tn = &toks[j];
  if ((unsigned)tn->kind - ALQ_TOK_ARABIC > ALQ_TOK_NUMBER - ALQ_TOK_ARABIC || !lc_cacheable(tn->nlen)) return 0;
  uint64_t h = form_hash(norm + tn->nstart, tn->nlen);
#if defined(__GNUC__)
  const char *p = (const char *)&lc->slot[(uint32_t)(h >> (64 - LC_BITS)) & ~1u];
  __builtin_prefetch(p);
  __builtin_prefetch(p + 64);
  __builtin_prefetch(p + 128);
#endif
  return h;
}

/* The first pass: every token's candidates (through the cache: its slot
 * in sref) into *cands (grown in the arena), their offsets in cfirst. A
 * function of its own, so that its loop keeps its cursors in registers.
 * Returns the number of candidates or ALQ_ENOMEM. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static long scan_cands(const alq_lexicon *lex, alq_lex_cache *lc, const alq_text *t, size_t lo, size_t hi,
                       alq_arena *a, alq_cand **cands, size_t *ccapp, uint32_t *cfirst, uint64_t *sref,
                       uint32_t *with, size_t *nwith) {
  alq_cand *cs = *cands;
  size_t ccap = *ccapp, ncs = 0, nw = 0;
  const alq_token *toks = t->toks;
  const char *norm = t->norm;
  /* Each word's hash is computed LC_AHEAD - 1 tokens ahead, into a ring,
     and its cache slots prefetched then: the probes wait on memory (a
     random slot of the 8 MB table per word), and one token ahead was too
     little lead. */
  uint64_t ring[LC_AHEAD];
  if (lc)
    for (size_t j = lo; j < hi && j < lo + LC_AHEAD - 1; j++) ring[j % LC_AHEAD] = hash_ahead(lc, toks, norm, j);
  for (size_t i = lo; i < hi; i++) {
    const alq_token *tk = &toks[i];
    cfirst[i - lo] = (uint32_t)ncs;
    uint64_t h = 0;
    if (lc) {
      size_t j = i + LC_AHEAD - 1;
      if (j < hi) ring[j % LC_AHEAD] = hash_ahead(lc, toks, norm, j);
      h = ring[i % LC_AHEAD];
    }
    if ((unsigned)tk->kind - ALQ_TOK_ARABIC > ALQ_TOK_NUMBER - ALQ_TOK_ARABIC) continue; /* not a word */
    alq_cand tmp[MAXCAND];
    uint64_t sr;
    int nc = token_cands_c(lex, lc, norm + tk->nstart, tk->nlen, h, tmp, &sr);
    /* (no branch on nc: about half the words have no candidate, at random;
       what is written for them is not read) */
    with[nw] = (uint32_t)i;
    nw += nc != 0;
    if (sref) sref[i - lo] = sr;
    if (ncs + MAXCAND > ccap) {
      if (ccap > (SIZE_MAX / sizeof *cs) / 2 || ncs + MAXCAND > UINT32_MAX) return ALQ_ENOMEM;
      alq_cand *nb = alq_arena_alloc(a, ccap * 2 * sizeof *nb);
      if (!nb) return ALQ_ENOMEM;
      memcpy(nb, cs, ncs * sizeof *nb);
      cs = nb; ccap *= 2;
      *cands = cs; *ccapp = ccap;
    }
    if (nc <= LC_NC) memcpy(cs + ncs, tmp, LC_NC * sizeof *tmp); /* fixed size: no call */
    else memcpy(cs + ncs, tmp, (size_t)nc * sizeof *tmp);
    ncs += (size_t)nc;
  }
  *nwith = nw;
  return (long)ncs;
}

long alq_lex_scan_c(const alq_lexicon *lex, alq_lex_cache *lc, const alq_text *t, size_t lo, size_t hi,
                    alq_arena *a, alq_match **out) {
  return alq_lex_scan_ci(lex, lc, t, lo, hi, a, out, NULL);
}

long alq_lex_scan_ci(const alq_lexicon *lex, alq_lex_cache *lc, const alq_text *t, size_t lo, size_t hi,
                     alq_arena *a, alq_match **out, alq_scan_info *info) {
  *out = NULL;
  if (info) memset(info, 0, sizeof *info);
  if (lc && lc->lex != lex) { /* a cache serves one lexicon (new: zeroed by calloc) */
    if (lc->lex) { memset(lc->slot, 0, sizeof lc->slot); memset(lc->wm, 0, sizeof lc->wm); }
    lc->lex = lex;
  }
  if (hi <= lo) return 0;
  size_t n = hi - lo;
  scan_state st = {0};
  st.lex = lex; st.t = t; st.lo = lo; st.hi = hi;
  filters_ready(lex);
  /* Most tokens have no candidate: the array grows by doubling in the arena
     (old copies stay there until the reset, under twice the final size). */
  size_t ccap = n / 2 + 16, ncs = 0;
  st.cands = alq_arena_alloc(a, ccap * sizeof *st.cands);
  st.cfirst = alq_arena_alloc(a, (n + 1) * sizeof *st.cfirst);
  uint64_t *sref = lc ? alq_arena_alloc(a, n * sizeof *sref) : NULL; /* cache slot per token */
  if (!st.cands || !st.cfirst || (lc && !sref)) return ALQ_ENOMEM;
  size_t nwith = 0; /* tokens with candidates: at most one match starts at each */
  uint32_t *with = alq_arena_alloc(a, (n + 1) * sizeof *with); /* they, in order */
  if (!with) return ALQ_ENOMEM;
  long r1 = scan_cands(lex, lc, t, lo, hi, a, &st.cands, &ccap, st.cfirst, sref, with, &nwith);
  if (r1 < 0) return r1;
  ncs = (size_t)r1;
  st.cfirst[n] = (uint32_t)ncs;
  if (info) { info->cands = st.cands; info->cfirst = st.cfirst; info->lo = lo; info->hi = hi; }
  size_t cap = nwith + 1, nm = 0; /* room for every match: the array never grows */
  alq_match *ms = alq_arena_alloc(a, cap * sizeof *ms);
  if (!ms) return ALQ_ENOMEM;
  /* the matches' entry lists, cut from chunks (one arena call per chunk,
     not per match) */
  uint32_t *pool = NULL;
  size_t pool_left = 0;
  /* the tokens with candidates from their list (whether a token has any
     comes at random: a branch on it was mispredicted), those inside a
     phrase matched before skipped */
  size_t next = lo;
  for (size_t q = 0; q < nwith; q++) {
    size_t i = with[q];
    if (i < next) continue;
    next = i + 1;
    int nc = (int)(st.cfirst[i - lo + 1] - st.cfirst[i - lo]);
    const lc_slot *sl = NULL;
    if (sref && sref[i - lo] != UINT64_MAX) {
      sl = &lc->slot[(uint32_t)sref[i - lo]];
      if (sl->epoch != (uint32_t)(sref[i - lo] >> 32) || sl->solo == SOLO_SCAN) sl = NULL;
      else if (sl->solo == SOLO_NONE) continue;
      else if (sl->solo == SOLO_EXT && may_extend(&st, sl, i)) sl = NULL;
      else if (!sl->has1) continue;
    }
    if (nm == cap) {
      alq_match *nms = alq_arena_alloc(a, cap * 2 * sizeof *nms);
      if (!nms) return ALQ_ENOMEM;
      memcpy(nms, ms, cap * sizeof *ms);
      ms = nms; cap *= 2;
    }
    if (sl) { /* the form's own match, as the slot keeps it */
      if (LC_NE > pool_left) {
        pool_left = 1024;
        pool = alq_arena_alloc(a, pool_left * sizeof *pool);
        if (!pool) return ALQ_ENOMEM;
      }
      alq_match *m = &ms[nm++];
      memcpy(pool, sl->ents, sizeof sl->ents);
      m->tok_first = m->tok_last = (uint32_t)i;
      m->strip = sl->strip;
      m->flags = sl->mflags;
      m->nents = sl->ne;
      m->ents = pool;
      pool += sl->ne; pool_left -= sl->ne;
      m->kinds = sl->kinds; m->rels = sl->rels; m->cues = sl->cues;
      m->start = match_start(t, i, sl->strip);
      m->end = t->toks[i].end;
      continue;
    }
    st.nbest = 0;
    const alq_cand *cs = st.cands + st.cfirst[i - lo];
    for (int c = 0; c < nc; c++) {
      uint32_t child = edge_get(lex, 0, cs[c].word);
      if (!child) continue;
      explore(&st, child, (uint32_t)i, root_pf(cs[c].flags), cs[c].strip, 1);
    }
    if (!st.nbest) continue;
    /* collect accepted entries of the best nodes (deduplicated) */
    uint32_t total = 0;
    for (int b = 0; b < st.nbest; b++) total += lex->node_ent_count[st.best_node[b]];
    if (total > pool_left) {
      pool_left = total > 1024 ? total : 1024;
      pool = alq_arena_alloc(a, pool_left * sizeof *pool);
      if (!pool) return ALQ_ENOMEM;
    }
    match_sum sum;
    uint32_t ne = collect(lex, &st, pool, &sum);
    alq_match *m = &ms[nm++];
    m->tok_first = (uint32_t)i;
    m->tok_last = st.best_j;
    m->strip = sum.strip;
    m->flags = sum.mflags;
    m->nents = ne;
    m->ents = pool;
    pool += ne; pool_left -= ne;   /* the unused rest of `total` serves the next match */
    m->kinds = sum.kinds; m->rels = sum.rels; m->cues = sum.cues;
    /* byte span: skip stripped proclitics; a head word before a quote is left
       out (تنظيم "داعش" -> داعش), as the name proper is the quoted part */
    uint32_t start = match_start(t, i, sum.strip);
    for (uint32_t k = (uint32_t)i + 1; k < st.best_j; k++)
      if (t->toks[k].kind == ALQ_TOK_QUOTE && (sum.mflags & ALQ_MT_NAME)) { start = t->toks[k + 1].start; break; }
    m->start = start;
    m->end = t->toks[st.best_j].end;
    next = (size_t)st.best_j + 1;
  }
  *out = ms;
  return (long)nm;
}

_Static_assert(ALQ_CUE__COUNT <= 64, "alq_match.cues holds one bit per cue class");
_Static_assert(ALQ_REL__COUNT <= 16, "alq_match.rels holds one bit per relation type");
_Static_assert(ALQ_LK_MONTH < 16, "alq_match.kinds holds one bit per entry kind");
_Static_assert(sizeof(lc_slot) == 128, "a cache slot fills two cache lines");
