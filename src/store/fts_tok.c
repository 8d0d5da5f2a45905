/* A faster stand-in for FTS5's `unicode61 remove_diacritics 2` tokenizer on
 * the connection that `add` writes with (docs/PERFORMANCE.md, "alaqat add
 * throughput"): SQLite's tokenizer looks every non-ASCII character up in its
 * Unicode tables (a binary search for the category, another for the
 * folding), which was about 38% of the writing thread's instructions. This
 * one makes the same tokens from a table of the Basic Multilingual Plane
 * built by asking SQLite's own tokenizer about every code point, once per
 * connection; a text it cannot vouch for (a byte that is not strict UTF-8,
 * NUL, a code point outside the BMP, U+FFFE/U+FFFF), a tokenizer with other
 * arguments and every query go to SQLite's tokenizer. The index is the one
 * SQLite's tokenizer makes: `INSERT INTO documents_fts(documents_fts, rank)
 * VALUES ('integrity-check', 1)` from any other connection re-tokenizes the
 * stored texts with SQLite's tokenizer and compares (tests/unit/test_store.c).
 *
 * unicode61's rules, as the table encodes them: a token starts at a token
 * character (letters, numbers, Co) and continues over token characters and
 * diacritics; each character is folded (lower case, diacritics removed) to
 * at most one character, possibly none. */
#include "store/fts_tok.h"
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static atomic_size_t fast_texts;

size_t alq_fts_fast_texts(void) { return atomic_load(&fast_texts); }

/* A table entry: T_START (the character starts a token), T_CONT (it
 * continues one), and its fold as UTF-8: the length (0-3 bytes) at bit 24,
 * the bytes in bits 0-23, first byte lowest. */
#define T_START 0x80000000u
#define T_CONT 0x40000000u
#define T_LEN(e) ((e) >> 24 & 3u)

typedef struct mod {
  fts5_tokenizer real;   /* SQLite's unicode61 */
  void *real_ud;
  uint32_t *tab;         /* 65536 entries (see T_START) */
  unsigned char blk[256];  /* block of 256 code points: 1 = its entries are made */
  int built;             /* 1 = tab usable, -1 = could not make it */
} mod;

typedef struct tok {
  Fts5Tokenizer *real;
  mod *m;
  int fast;              /* the arguments are remove_diacritics 2 and tab is usable */
} tok;

static int put_utf8(unsigned char *o, uint32_t c) {
  if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
  if (c < 0x800) { o[0] = (unsigned char)(0xc0 | c >> 6); o[1] = (unsigned char)(0x80 | (c & 0x3f)); return 2; }
  if (c < 0x10000) {
    o[0] = (unsigned char)(0xe0 | c >> 12); o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
    o[2] = (unsigned char)(0x80 | (c & 0x3f));
    return 3;
  }
  o[0] = (unsigned char)(0xf0 | c >> 18); o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
  o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f)); o[3] = (unsigned char)(0x80 | (c & 0x3f));
  return 4;
}

/* Strict UTF-8 of a BMP code point other than NUL, surrogates, U+FFFE and
 * U+FFFF at s (n bytes left): its length and *c, or 0. */
static inline int get_utf8(const unsigned char *s, size_t n, uint32_t *c) {
  unsigned b = s[0];
  if (b < 0x80) { *c = b; return b ? 1 : 0; }
  if (b >= 0xc2 && b <= 0xdf) {
    if (n < 2 || (s[1] & 0xc0) != 0x80) return 0;
    *c = (b & 0x1fu) << 6 | (s[1] & 0x3fu);
    return 2;
  }
  if (b >= 0xe0 && b <= 0xef) {
    if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80) return 0;
    uint32_t v = (b & 0x0fu) << 12 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
    if (v < 0x800 || (v >= 0xd800 && v <= 0xdfff) || v >= 0xfffe) return 0;
    *c = v;
    return 3;
  }
  return 0;
}

/* What SQLite's tokenizer made of one probe text. */
typedef struct probe { int n; unsigned char tok[2][16]; int len[2]; } probe;

static int probe_cb(void *ctx, int flags, const char *t, int n, int is, int ie) {
  (void)flags; (void)is; (void)ie;
  probe *p = ctx;
  if (p->n < 2 && n >= 0 && n <= 16) { memcpy(p->tok[p->n], t, (size_t)n); p->len[p->n] = n; }
  p->n++;
  return SQLITE_OK;
}

/* Makes the entries of block b (code points 256 b .. 256 b + 255) of m->tab
 * by asking an instance of SQLite's tokenizer, per code point c, about
 * " c " (does c start a token?) and "aca" (does c continue one, and what
 * does it fold to?); the blocks are made when a text first has one of
 * their characters (an Arabic text: ASCII and two or three blocks). On any
 * surprise m->built = -1: every text goes to SQLite's tokenizer. */
static void build(mod *m, Fts5Tokenizer *t, unsigned b) {
  if (m->built < 0) return;
  if (!m->tab && !(m->tab = calloc(0x10000, sizeof *m->tab))) { m->built = -1; return; }
  m->built = -1;
  for (uint32_t c = b * 256; c < b * 256 + 256; c++) {
    if (c == 0 || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) continue;
    unsigned char u[4], s[8];
    int k = put_utf8(u, c);
    probe p1 = {0}, p2 = {0};
    s[0] = ' '; memcpy(s + 1, u, (size_t)k); s[k + 1] = ' ';
    if (m->real.xTokenize(t, &p1, FTS5_TOKENIZE_DOCUMENT, (const char *)s, k + 2, probe_cb) != SQLITE_OK) return;
    s[0] = 'a'; s[k + 1] = 'a';
    if (m->real.xTokenize(t, &p2, FTS5_TOKENIZE_DOCUMENT, (const char *)s, k + 2, probe_cb) != SQLITE_OK) return;
    uint32_t e = 0;
    int fn = 0;
    if (p1.n > 1) return;
    if (p1.n == 1) e |= T_START;
    if (p2.n == 1) {
      /* "a" + fold(c) + "a": fold(c) is empty or one code point of the BMP */
      fn = p2.len[0] - 2;
      if (fn < 0 || p2.tok[0][0] != 'a' || p2.tok[0][p2.len[0] - 1] != 'a') return;
      if (fn > 0) {
        uint32_t f;
        if (get_utf8(p2.tok[0] + 1, (size_t)fn, &f) != fn) return;
        for (int i = 0; i < fn; i++) e |= (uint32_t)p2.tok[0][1 + i] << (8 * i);
      }
      e |= T_CONT | (uint32_t)fn << 24;
    } else if (p2.n != 2 || p2.len[0] != 1 || p2.len[1] != 1) return;
    if ((e & T_START) && !(e & T_CONT)) return;
    /* a starting character's token is its fold alone */
    if ((e & T_START) && (p1.len[0] != fn || memcmp(p1.tok[0], p2.tok[0] + 1, (size_t)fn))) return;
    m->tab[c] = e;
  }
  m->blk[b] = 1;
  m->built = 1;
}

static int x_create(void *ud, const char **argv, int argc, Fts5Tokenizer **out) {
  mod *m = ud;
  tok *t = calloc(1, sizeof *t);
  if (!t) return SQLITE_NOMEM;
  t->m = m;
  int rc = m->real.xCreate(m->real_ud, argv, argc, &t->real);
  if (rc != SQLITE_OK) { free(t); return rc; }
  int ours = argc == 2 && !strcmp(argv[0], "remove_diacritics") && !strcmp(argv[1], "2");
  if (ours && !m->blk[0]) build(m, t->real, 0);
  t->fast = ours && m->built == 1;
  *out = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static void x_delete(Fts5Tokenizer *p) {
  tok *t = (tok *)p;
  if (!t) return;
  t->m->real.xDelete(t->real);
  free(t);
}

typedef int (*token_fn)(void *, int, const char *, int, int, int);

static int x_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int ntext, token_fn cb) {
  tok *t = (tok *)p;
  const unsigned char *s = (const unsigned char *)text;
  size_t n = ntext > 0 ? (size_t)ntext : 0;
  if (t->fast && flags == FTS5_TOKENIZE_DOCUMENT) {
    /* can the table vouch for every character? */
    size_t i = 0;
    uint32_t c;
    while (i < n) {
      if (s[i] >= 0x01 && s[i] < 0x80) { i++; continue; }
      int k = get_utf8(s + i, n - i, &c);
      if (!k) break;
      if (!t->m->blk[c >> 8]) {
        build(t->m, t->real, c >> 8);
        if (t->m->built != 1) break;
      }
      i += (size_t)k;
    }
    if (i == n && t->m->built == 1) {
      const uint32_t *tab = t->m->tab;
      unsigned char stackbuf[256], *buf = stackbuf;
      size_t cap = sizeof stackbuf;
      int rc = SQLITE_OK;
      i = 0;
      atomic_fetch_add(&fast_texts, 1);
      while (rc == SQLITE_OK) {
        /* separators */
        size_t is, k = 0;
        uint32_t e = 0;
        for (;;) {
          if (i >= n) goto done;
          k = (size_t)get_utf8(s + i, n - i, &c);
          e = tab[c];
          if (e & T_START) break;
          i += k;
        }
        is = i;
        size_t o = 0;
        while (i < n) {
          if (i != is) {
            k = (size_t)get_utf8(s + i, n - i, &c);
            e = tab[c];
            if (!(e & T_CONT)) break;
          }
          if (o + 4 > cap) {
            size_t nc = cap * 2;
            unsigned char *nb = buf == stackbuf ? malloc(nc) : realloc(buf, nc);
            if (!nb) { rc = SQLITE_NOMEM; goto done; }
            if (buf == stackbuf) memcpy(nb, stackbuf, o);
            buf = nb;
            cap = nc;
          }
          /* the fold's bytes (4 written, T_LEN kept) */
          unsigned char f4[4] = {(unsigned char)e, (unsigned char)(e >> 8), (unsigned char)(e >> 16), 0};
          memcpy(buf + o, f4, 4);
          o += T_LEN(e);
          i += k;
        }
        rc = cb(ctx, 0, (const char *)buf, (int)o, (int)is, (int)i);
      }
    done:
      if (buf != stackbuf) free(buf);
      return rc;
    }
  }
  return t->m->real.xTokenize(t->real, ctx, flags, text, ntext, cb);
}

static void destroy_mod(void *ud) {
  mod *m = ud;
  free(m->tab);
  free(m);
}

static fts5_api *fts5_api_of(sqlite3 *db) {
  fts5_api *api = NULL;
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &q, NULL) == SQLITE_OK) {
    sqlite3_bind_pointer(q, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(q);
  }
  sqlite3_finalize(q);
  return api;
}

int alq_fts_fast_tokenizer(sqlite3 *db) {
  fts5_api *api = fts5_api_of(db);
  if (!api || api->iVersion < 1) return -1;
  mod *m = calloc(1, sizeof *m);
  if (!m) return -1;
  if (api->xFindTokenizer(api, "unicode61", &m->real_ud, &m->real) != SQLITE_OK) { free(m); return -1; }
  static fts5_tokenizer methods = {x_create, x_delete, x_tokenize};
  if (api->xCreateTokenizer(api, "unicode61", m, &methods, destroy_mod) != SQLITE_OK) {
    free(m);
    return -1;
  }
  return 0;
}
