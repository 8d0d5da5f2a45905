/* Tokenizer: one pass over the bytes turns them into tokens with original
 * offsets and a normalized form (mapped back byte by byte), reporting bad
 * UTF-8 and NUL bytes as it goes; then quote and joiner flags on tokens. */
#include <pthread.h>
#include <string.h>
#include "alaqat.h"
#include "text/text_internal.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define S ALQ_CC_SPACE
#define N ALQ_CC_NEWLINE
#define C ALQ_CC_CTRL
#define L ALQ_CC_LETTER
#define D ALQ_CC_DIGIT
#define Q ALQ_CC_QUOTE
#define O ALQ_CC_OTHER
const uint8_t alq_ascii_class[128] = {
  ALQ_CC_NUL, C, C, C, C, C, C, C, C, S, N, S, S, N, C, C, /* \t \n \v \f \r */
  C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
  S, O, Q, O, O, O, O, Q, ALQ_CC_OPEN, ALQ_CC_CLOSE, O, O, O, O, ALQ_CC_DOT, O,
  D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O,
  O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
  L, L, L, L, L, L, L, L, L, L, L, ALQ_CC_OPEN, O, ALQ_CC_CLOSE, O, O,
  O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
  L, L, L, L, L, L, L, L, L, L, L, ALQ_CC_OPEN, O, ALQ_CC_CLOSE, O, C,
};
#undef S
#undef N
#undef C
#undef L
#undef D
#undef Q
#undef O

/* Arrays grow by doubling inside the arena (the old copy is left there until
 * the arena is reset), so the total stays under twice the final size. */
typedef struct scan {
  alq_arena *a;
  const uint8_t *s;
  size_t len;
  alq_token *toks;
  size_t ntoks, tcap;
  char *norm;
  size_t nn, ncap;
  alq_text_issue *iss;
  size_t niss, icap;
} scan;

static void *grow(alq_arena *a, void *old, size_t used, size_t *cap, size_t el, size_t need) {
  size_t nc = *cap ? *cap : 16;
  while (nc < need) {
    if (nc > SIZE_MAX / 2 / el) return NULL;
    nc *= 2;
  }
  if (nc > SIZE_MAX / el) return NULL;
  void *p = alq_arena_alloc(a, nc * el);
  if (!p) return NULL;
  if (used) memcpy(p, old, used * el);
  *cap = nc;
  return p;
}

/* Room for at least `extra` more normalized bytes. Offsets into the
 * normalized text are 32-bit, like the token fields that hold them. */
static int norm_reserve(scan *sc, size_t extra) {
  if (sc->ncap - sc->nn >= extra) return 0;
  size_t need = sc->nn + extra, cap = sc->ncap;
  if (need > UINT32_MAX) return ALQ_ENOMEM;
  char *n = grow(sc->a, sc->norm, sc->nn, &cap, 1, need);
  if (!n) return ALQ_ENOMEM;
  sc->norm = n;
  sc->ncap = cap;
  return 0;
}

/* Appends one normalized code point that came from original bytes [st, en)
 * (alq_text_norm_src finds them again when needed). */
static inline int put_cp(scan *sc, int32_t cp, size_t st, size_t en) {
  (void)st;
  (void)en;
  if (sc->ncap - sc->nn < 4 && norm_reserve(sc, 4 + sc->ncap / 2)) return ALQ_ENOMEM;
  uint8_t *o = (uint8_t *)sc->norm + sc->nn;
  int k;
  if (cp < 0x80) {
    o[0] = (uint8_t)cp;
    k = 1;
  } else if (cp < 0x800) { /* Arabic: the common case */
    o[0] = (uint8_t)(0xC0 | (cp >> 6));
    o[1] = (uint8_t)(0x80 | (cp & 0x3F));
    k = 2;
  } else {
    k = alq_utf8_encode(cp, o);
  }
  sc->nn += (size_t)k;
  return 0;
}

/* Appends the normalized form of cp (ASCII and Arabic from the tables). */
static inline int emit(scan *sc, int32_t cp, size_t st, size_t en) {
  if (cp < 0x80) return put_cp(sc, (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp, st, en);
  if (cp >= 0x600 && cp <= 0x6FF) {
    uint16_t m = alq_ar_norm[cp - 0x600];
    return m ? put_cp(sc, m, st, en) : 0;
  }
  int32_t out[8];
  int n = alq_norm_cp(cp, out);
  for (int i = 0; i < n; i++)
    if (put_cp(sc, out[i], st, en)) return ALQ_ENOMEM;
  return 0;
}

/* Appends the code points of [st, en) unnormalized: for tokens that
 * normalization would leave empty (a lone tatweel or diacritic), so that no
 * normalized form is empty. */
static int emit_raw(scan *sc, size_t st, size_t en) {
  for (size_t p = st; p < en;) {
    size_t q = p;
    int32_t cp;
    (void)alq_utf8_next(sc->s, en, &q, &cp);
    if (put_cp(sc, cp, p, q)) return ALQ_ENOMEM;
    p = q;
  }
  return 0;
}

static inline int tok_begin(scan *sc, size_t start, int kind, unsigned flags) {
  if (sc->ntoks == sc->tcap) {
    alq_token *t = grow(sc->a, sc->toks, sc->ntoks, &sc->tcap, sizeof *t, sc->ntoks + 1);
    if (!t) return ALQ_ENOMEM;
    sc->toks = t;
  }
  alq_token *t = &sc->toks[sc->ntoks];
  t->start = (uint32_t)start;
  t->end = (uint32_t)start;
  t->nstart = (uint32_t)sc->nn;
  t->nlen = 0;
  t->kind = (uint16_t)kind;
  t->flags = (uint16_t)flags;
  t->sent = 0;
  return 0;
}

/* Closes the current token at `end`, terminating its normalized form. */
static inline int tok_end(scan *sc, size_t end) {
  alq_token *t = &sc->toks[sc->ntoks];
  t->end = (uint32_t)end;
  if (sc->nn == t->nstart && emit_raw(sc, t->start, end)) return ALQ_ENOMEM;
  t->nlen = (uint32_t)(sc->nn - t->nstart);
  if (sc->ncap - sc->nn < 1 && norm_reserve(sc, 1 + sc->ncap / 2)) return ALQ_ENOMEM;
  sc->norm[sc->nn] = 0;
  sc->nn++;
  sc->ntoks++;
  return 0;
}

static int add_issue(scan *sc, size_t off, int code) {
  if (sc->niss == sc->icap) {
    alq_text_issue *i = grow(sc->a, sc->iss, sc->niss, &sc->icap, sizeof *i, sc->niss + 1);
    if (!i) return ALQ_ENOMEM;
    sc->iss = i;
  }
  sc->iss[sc->niss].offset = (uint32_t)off;
  sc->iss[sc->niss].code = code;
  sc->niss++;
  return 0;
}

/* Two-byte UTF-8 sequences D8..DB xx (U+0600-06FF) inside an Arabic word,
 * indexed by (lead - 0xD8) << 8 | second byte: 0 when the pair is not a
 * letter, diacritic or tatweel (or not a valid sequence); otherwise AR_WORD,
 * AR_LETTER for a letter, AR_TATWEEL, AR_OUT when it is not dropped, and in
 * the low 16 bits the two bytes of the normalized letter in memory order (a
 * uint16_t stored as it is). Every normalization in this range is again a
 * two-byte letter of the block. */
enum { AR_WORD = 1u << 16, AR_LETTER = 1u << 17, AR_TATWEEL = 1u << 18, AR_OUT = 1u << 20 };
static uint32_t ar_pair[4 << 8];
static pthread_once_t ar_pair_once = PTHREAD_ONCE_INIT;
/* the Arabic comma (U+060C): a punctuation token of its own whose
   normalized form is two bytes (comma_norm, in memory order) */
static int comma_ok;
static uint16_t comma_norm;

/* Quotation marks U+0080-00BF (« ») and U+2000-203F (“ ” ‘ ’ ‹ ›) that
   normalize to themselves: a quote token of their own bytes, made directly
   by the main loop. Indexed by the last byte - 0x80. */
static uint8_t quote_c2[64], quote_e280[64];

static void quote_build(uint8_t *tab, int32_t base) {
  for (int32_t k = 0; k < 64; k++) {
    int32_t out[8];
    tab[k] = alq_text_rare_class(base + k) == ALQ_CC_QUOTE && alq_norm_cp(base + k, out) == 1 &&
             out[0] == base + k;
  }
}

static void ar_pair_build(void) {
  quote_build(quote_c2, 0x80);
  quote_build(quote_e280, 0x2000);
  uint16_t cm = alq_ar_norm[0x0C];
  if (alq_ar_class[0x0C] == ALQ_CC_OTHER && cm >= 0x80 && cm < 0x800) {
    uint8_t b[2] = {(uint8_t)(0xC0 | (cm >> 6)), (uint8_t)(0x80 | (cm & 0x3F))};
    memcpy(&comma_norm, b, 2);
    comma_ok = 1;
  }
  for (unsigned h = 0; h < 4; h++)
    for (unsigned b1 = 0x80; b1 < 0xC0; b1++) {
      unsigned idx = ((0x18 + h) << 6 | (b1 & 0x3F)) - 0x600;
      alq_cc cc = (alq_cc)alq_ar_class[idx];
      if (cc != ALQ_CC_AR_LETTER && cc != ALQ_CC_AR_MARK && cc != ALQ_CC_TATWEEL) continue;
      uint32_t e = AR_WORD;
      if (cc == ALQ_CC_AR_LETTER) e |= AR_LETTER;
      if (cc == ALQ_CC_TATWEEL) e |= AR_TATWEEL;
      uint16_t m = alq_ar_norm[idx];
      if (m) {
        uint8_t b[2] = {(uint8_t)(0xC0 | (m >> 6)), (uint8_t)(0x80 | (m & 0x3F))};
        uint16_t v;
        memcpy(&v, b, 2);
        e |= v | AR_OUT;
      }
      ar_pair[h << 8 | b1] = e;
    }
}

/* The letters of an Arabic word from p, in locals: same-normalizing letters
 * 16 bytes at a time (SSE2; the store may write up to 16 bytes past them, so
 * only while nn + 16 <= ncap), the others by one ar_pair lookup (each pair
 * stored even when dropped, then not counted: 2 bytes of room needed),
 * stopping before a pair that starts at or past end, at anything that is not
 * such a pair, and after a pair followed by an ASCII byte (the usual end of a
 * word). Adds the pairs' classes to *any; returns the new position. ncap 0:
 * the caller guarantees the room (no bound checked). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t word_letters(const uint8_t *s, size_t p, size_t end, size_t len, uint8_t *o, size_t *nnp,
                                  size_t ncap, uint32_t *anyp) {
  size_t nn = *nnp;
  uint32_t any = *anyp;
  (void)ncap;
  for (;;) {
#if defined(__SSE2__) && !defined(ALQ_TEXT_NO_FAST)
    size_t p1 = p;
    while (p + 16 <= len && (!ncap || nn + 16 <= ncap)) {
      __m128i v = _mm_loadu_si128((const __m128i *)(s + p)), w;
      unsigned m = alq_text_norm_run(v, &w);
      _mm_storeu_si128((__m128i *)(o + nn), w);
      nn += m;
      p += m;
      if (m < 16) break;
    }
    if (p != p1) any |= AR_LETTER;
#endif
    if (p + 1 >= end) break;
    unsigned h = (unsigned)s[p] - 0xD8u;
    if (h > 3) break;
    uint32_t e = ar_pair[h << 8 | s[p + 1]];
    if (!e) break;
    uint16_t v = (uint16_t)e;
    memcpy(o + nn, &v, 2);
    nn += (e >> 19) & 2; /* AR_OUT: 2 bytes */
    any |= e;
    p += 2;
    if (p < len && s[p] < 0x80) break;
  }
  *nnp = nn;
  *anyp = any;
  return p;
}

/* A word: Arabic (letters, diacritics, tatweel) or Latin/other script
 * (letters, combining marks). Invisible format characters inside are skipped
 * but never end up at the token's edge. Returns the position after the run. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int scan_word(scan *sc, size_t pos, int arabic, unsigned flags, size_t *next) {
  const uint8_t *s = sc->s;
  size_t len = sc->len, p = pos, last_end = pos;
  int letters = 0;
  alq_cc last = ALQ_CC_OTHER;
  if (tok_begin(sc, pos, arabic ? ALQ_TOK_ARABIC : ALQ_TOK_LATIN, flags)) return ALQ_ENOMEM;
  while (p < len) {
    int32_t cp;
    size_t cl;
    /* Fast path: letters, diacritics and tatweel of U+0600-06FF by one
     * lookup of the byte pair (ar_pair). Each pair writes at most two
     * normalized bytes, so stopping at p + room keeps the writes inside the
     * buffer. The output cursors live in locals (stores through the byte
     * pointer could alias *sc); anything else takes the general path. */
    if (arabic) {
      uint8_t *o = (uint8_t *)sc->norm;
      size_t nn = sc->nn, ncap = sc->ncap, room = ncap - sc->nn;
      size_t end = room < len - p ? p + room : len;
      size_t p0 = p;
      uint32_t any = 0;
      p = word_letters(s, p, end, len, o, &nn, ncap, &any);
      sc->nn = nn;
      if (p != p0) {
        last_end = p;
        if (any & AR_LETTER) letters = 1;
        /* only whether the last one was a tatweel matters (JOINER) */
        last = (ar_pair[(unsigned)(s[p - 2] - 0xD8u) << 8 | s[p - 1]] & AR_TATWEEL) ? ALQ_CC_TATWEEL
                                                                                  : ALQ_CC_AR_LETTER;
      }
      if (p >= len || s[p] < 0x80) break; /* no ASCII character continues an Arabic word */
    }
    alq_cc cc = alq_text_peek(s, len, p, &cp, &cl);
    if (arabic) {
      if (cc == ALQ_CC_AR_LETTER) letters++;
      else if (cc != ALQ_CC_AR_MARK && cc != ALQ_CC_TATWEEL && cc != ALQ_CC_MARK &&
               cc != ALQ_CC_FORMAT)
        break;
    } else {
      if (cc == ALQ_CC_LETTER) letters++;
      else if (cc != ALQ_CC_MARK && cc != ALQ_CC_FORMAT) break;
    }
    if (cc != ALQ_CC_FORMAT) {
      if (emit(sc, cp, p, p + cl)) return ALQ_ENOMEM;
      last = cc;
      last_end = p + cl;
    }
    p += cl;
  }
  alq_token *t = &sc->toks[sc->ntoks];
  if (!letters) t->kind = ALQ_TOK_PUNCT; /* only tatweel or marks */
  else if (last == ALQ_CC_TATWEEL) t->flags |= ALQ_TF_JOINER;
  *next = p;
  return tok_end(sc, last_end);
}

#ifndef ALQ_TEXT_NO_FAST
/* Whether scan_word would go on with the character at p (not ASCII) after
 * an Arabic word: a letter, a mark, tatweel or a format character; anything
 * else (، ؛ ؟ “ ” « » … an invalid byte) ends the word there. */
static int word_goes_on(const uint8_t *s, size_t len, size_t p) {
  int32_t cp;
  size_t cl;
  alq_cc cc = alq_text_peek(s, len, p, &cp, &cl);
  return cc == ALQ_CC_AR_LETTER || cc == ALQ_CC_AR_MARK || cc == ALQ_CC_TATWEEL ||
         cc == ALQ_CC_MARK || cc == ALQ_CC_FORMAT;
}

/* Words toks[f, e) made in a row, one space between them: the first says
 * how many follow it (in its sent field, which alq_text_split_sentences
 * sets for every token later). No quote, no punctuation and no line break
 * among those that follow: the quote pass and the sentence pass skip them
 * at once. */
static inline void run_mark(alq_token *toks, size_t f, size_t e) {
  if (e - f > 1) toks[f].sent = (uint32_t)(e - f - 1);
}

/* The usual Arabic words, start to end in locals: two-byte letters,
 * diacritics and tatweel of U+0600-06FF (same-normalizing letters 16 bytes
 * at a time, the others by ar_pair) up to an ASCII byte, a character that
 * ends a word (، “ ...) or the end of the text; and while one space (or an
 * Arabic comma and one space) and another such word follow, that word too.
 * Returns how many words it made (0: none, nothing changed); *next and
 * *pend are where and with which pending flags the main loop goes on. A
 * word that is anything else (another character inside or after it, no
 * letter) ends the run before it: scan_word does it the general way. */
static inline size_t scan_arabic_run(scan *sc, size_t pos, unsigned flags, size_t *next, unsigned *pend) {
  const uint8_t *s = sc->s;
  size_t len = sc->len, nn = sc->nn, ntoks = sc->ntoks, tcap = sc->tcap, p = pos;
  /* every write below stays under sc->nn + (len - pos) + 17: a word writes
     no more bytes than it has, and its NUL takes the place of the space
     after it (or of the last word's end) */
  if (sc->ncap - nn < len - pos + 17) return 0;
  uint8_t *o = (uint8_t *)sc->norm;
  alq_token *toks = sc->toks;
  size_t made = 0, runf = ntoks; /* runf: the first word after the last comma */
  for (;;) {
    if (ntoks == tcap) break;
    size_t nn0 = nn, w = p;
    uint32_t any = 0;
    p = word_letters(s, p, len, len, o, &nn, 0, &any);
    if ((p < len && s[p] >= 0x80 && word_goes_on(s, len, p)) || !(any & AR_LETTER) || nn == nn0) {
      /* not this one */
      nn = nn0;
      p = w;
      break;
    }
    /* (a word with no tatweel at all, the usual one, cannot end with one) */
    if ((any & AR_TATWEEL) && (ar_pair[(unsigned)(s[p - 2] - 0xD8u) << 8 | s[p - 1]] & AR_TATWEEL))
      flags |= ALQ_TF_JOINER;
    toks[ntoks++] = (alq_token){(uint32_t)w, (uint32_t)p, (uint32_t)nn0, (uint32_t)(nn - nn0),
                                ALQ_TOK_ARABIC, (uint16_t)flags, 0};
    o[nn++] = 0;
    made++;
    flags = 0;
    /* one space, then the start of another Arabic word: go on */
    if (p + 2 < len && s[p] == ' ') {
      unsigned h = (unsigned)s[p + 1] - 0xD8u;
      if (h <= 3 && (ar_pair[h << 8 | s[p + 2]] & AR_WORD)) {
        p++;
        flags = ALQ_TF_SPACE_BEFORE;
        continue;
      }
    }
    /* an Arabic comma, one space and another such word: the comma a token
       as the general path makes it (glued, its normalized form, a NUL),
       then on. It writes one byte more than it has (with the NUL before
       it): the room for the rest is checked again. */
    if (comma_ok && p + 4 < len && s[p] == 0xD8 && s[p + 1] == 0x8C && s[p + 2] == ' ') {
      unsigned h = (unsigned)s[p + 3] - 0xD8u;
      if (h <= 3 && (ar_pair[h << 8 | s[p + 4]] & AR_WORD) && ntoks < tcap &&
          sc->ncap - nn >= len - p + 17) {
        run_mark(toks, runf, ntoks);
        alq_token *c = &toks[ntoks++];
        c->start = (uint32_t)p;
        c->end = (uint32_t)(p + 2);
        c->nstart = (uint32_t)nn;
        c->nlen = 2;
        c->kind = ALQ_TOK_PUNCT;
        c->flags = 0;
        c->sent = 0;
        memcpy(o + nn, &comma_norm, 2);
        o[nn + 2] = 0;
        nn += 3;
        made++;
        runf = ntoks;
        p += 3;
        flags = ALQ_TF_SPACE_BEFORE;
        continue;
      }
    }
    break;
  }
  if (!made) return 0;
  run_mark(toks, runf, ntoks);
  sc->nn = nn;
  sc->ntoks = ntoks;
  *next = p;
  *pend = flags;
  return made;
}

#endif

static int is_num_sep(int32_t cp) {
  return cp == '.' || cp == ',' || cp == '/' || cp == '-' || cp == ':' || cp == 0x066B ||
         cp == 0x066C;
}

/* A number: digits, with . , / - : (and the Arabic decimal and thousands
 * separators) inside when a digit follows, so dates, times and decimals stay
 * whole and their separators never end a sentence. */
static int scan_number(scan *sc, size_t pos, unsigned flags, size_t *next) {
  const uint8_t *s = sc->s;
  size_t len = sc->len, p = pos;
  if (tok_begin(sc, pos, ALQ_TOK_NUMBER, flags)) return ALQ_ENOMEM;
  while (p < len) {
    int32_t cp, cp2;
    size_t cl, cl2;
    alq_cc cc = alq_text_peek(s, len, p, &cp, &cl);
    if (cc == ALQ_CC_DIGIT) {
      if (emit(sc, cp, p, p + cl)) return ALQ_ENOMEM;
      p += cl;
      continue;
    }
    if (!is_num_sep(cp) || p + cl >= len ||
        alq_text_peek(s, len, p + cl, &cp2, &cl2) != ALQ_CC_DIGIT)
      break;
    if (emit(sc, cp, p, p + cl) || emit(sc, cp2, p + cl, p + cl + cl2)) return ALQ_ENOMEM;
    p += cl + cl2;
  }
  *next = p;
  return tok_end(sc, p);
}

/* A run of dots: "." ".." "..." and U+2026, one token (rule 8 treats ".."
 * like "."). */
static int scan_dots(scan *sc, size_t pos, unsigned flags, size_t *next) {
  size_t p = pos;
  if (tok_begin(sc, pos, ALQ_TOK_PUNCT, flags)) return ALQ_ENOMEM;
  while (p < sc->len) {
    int32_t cp;
    size_t cl;
    if (alq_text_peek(sc->s, sc->len, p, &cp, &cl) != ALQ_CC_DOT) break;
    if (emit(sc, cp, p, p + cl)) return ALQ_ENOMEM;
    p += cl;
  }
  *next = p;
  return tok_end(sc, p);
}

static int scan_single(scan *sc, size_t pos, size_t cl, int32_t cp, int kind, unsigned flags) {
  if (tok_begin(sc, pos, kind, flags)) return ALQ_ENOMEM;
  if (kind == ALQ_TOK_INVALID) {
    if (put_cp(sc, 0xFFFD, pos, pos + cl)) return ALQ_ENOMEM;
  } else if (emit(sc, cp, pos, pos + cl)) {
    return ALQ_ENOMEM;
  }
  return tok_end(sc, pos + cl);
}

static int tokenize(scan *sc) {
  const uint8_t *s = sc->s;
  size_t len = sc->len, pos = 0;
  unsigned pend = ALQ_TF_SPACE_BEFORE; /* the start of text counts as a space */
  while (pos < len) {
    int32_t cp;
    size_t cl, next = pos;
    int rc = 0;
    if (s[pos] == ' ') { /* most frequent byte between words */
      pend |= ALQ_TF_SPACE_BEFORE;
      pos++;
      continue;
    }
#ifndef ALQ_TEXT_NO_FAST /* (tests/unit/test_tokenize_fast.c builds this file without) */
    {
      unsigned h = (unsigned)s[pos] - 0xD8u;
      if (h <= 3 && pos + 1 < len && (ar_pair[h << 8 | s[pos + 1]] & AR_WORD) &&
          scan_arabic_run(sc, pos, pend, &next, &pend)) {
        pos = next;
        continue;
      }
    }
    /* one ASCII punctuation mark or quote (a dot when no other dot follows
       it): the token scan_single or scan_dots would make, directly */
    if (s[pos] < 0x80 && sc->ntoks < sc->tcap && sc->ncap - sc->nn >= 2) {
      uint8_t c = s[pos];
      alq_cc ac = (alq_cc)alq_ascii_class[c];
      int kind = -1;
      if (ac == ALQ_CC_OTHER || ac == ALQ_CC_OPEN || ac == ALQ_CC_CLOSE) kind = ALQ_TOK_PUNCT;
      else if (ac == ALQ_CC_QUOTE) kind = ALQ_TOK_QUOTE;
      else if (ac == ALQ_CC_DOT && (pos + 1 >= len || (s[pos + 1] != '.' && s[pos + 1] != 0xE2)))
        kind = ALQ_TOK_PUNCT; /* (U+2026, the other dot, starts with E2) */
      if (kind >= 0) {
        sc->toks[sc->ntoks++] = (alq_token){(uint32_t)pos, (uint32_t)(pos + 1), (uint32_t)sc->nn, 1,
                                            (uint16_t)kind, (uint16_t)pend, 0};
        sc->norm[sc->nn] = (char)c;
        sc->norm[sc->nn + 1] = 0;
        sc->nn += 2;
        pend = 0;
        pos++;
        continue;
      }
    }
    /* a quotation mark such as « » “ ” (quote_c2, quote_e280) likewise */
    if (s[pos] >= 0xC2 && sc->ntoks < sc->tcap && sc->ncap - sc->nn >= 4) {
      size_t ql = 0;
      if (s[pos] == 0xC2 && pos + 1 < len && (s[pos + 1] & 0xC0) == 0x80 && quote_c2[s[pos + 1] - 0x80])
        ql = 2;
      else if (s[pos] == 0xE2 && pos + 2 < len && s[pos + 1] == 0x80 && (s[pos + 2] & 0xC0) == 0x80 &&
               quote_e280[s[pos + 2] - 0x80])
        ql = 3;
      if (ql) {
        sc->toks[sc->ntoks++] = (alq_token){(uint32_t)pos, (uint32_t)(pos + ql), (uint32_t)sc->nn,
                                            (uint32_t)ql, ALQ_TOK_QUOTE, (uint16_t)pend, 0};
        memcpy(sc->norm + sc->nn, s + pos, ql);
        sc->norm[sc->nn + ql] = 0;
        sc->nn += ql + 1;
        pend = 0;
        pos += ql;
        continue;
      }
    }
#endif
    alq_cc cc = alq_text_peek(s, len, pos, &cp, &cl);
    switch (cc) {
    case ALQ_CC_SPACE:
    case ALQ_CC_CTRL:
      pend |= ALQ_TF_SPACE_BEFORE;
      pos += cl;
      continue;
    case ALQ_CC_NEWLINE:
      pend |= ALQ_TF_SPACE_BEFORE | ALQ_TF_NEWLINE_BEFORE;
      pos += cl;
      continue;
    case ALQ_CC_FORMAT:
      pos += cl;
      continue;
    case ALQ_CC_INVALID:
    case ALQ_CC_NUL:
      rc = add_issue(sc, pos, cc == ALQ_CC_NUL ? ALQ_EBINARY : ALQ_EUTF8);
      if (!rc) rc = scan_single(sc, pos, 1, 0xFFFD, ALQ_TOK_INVALID, pend);
      next = pos + 1;
      break;
    case ALQ_CC_AR_LETTER:
    case ALQ_CC_AR_MARK:
    case ALQ_CC_TATWEEL:
      rc = scan_word(sc, pos, 1, pend, &next);
      break;
    case ALQ_CC_LETTER:
      rc = scan_word(sc, pos, 0, pend, &next);
      break;
    case ALQ_CC_DIGIT:
      rc = scan_number(sc, pos, pend, &next);
      break;
    case ALQ_CC_DOT:
      rc = scan_dots(sc, pos, pend, &next);
      break;
    case ALQ_CC_QUOTE:
      rc = scan_single(sc, pos, cl, cp, ALQ_TOK_QUOTE, pend);
      next = pos + cl;
      break;
    default: /* OTHER, OPEN, CLOSE, a lone combining MARK */
      rc = scan_single(sc, pos, cl, cp, ALQ_TOK_PUNCT, pend);
      next = pos + cl;
      break;
    }
    if (rc) return rc;
    pend = 0;
    pos = next;
  }
  return 0;
}

/* ---- flags that need the neighbours ------------------------------------ */

static alq_cc first_class(const alq_text *t, const alq_token *k) {
  int32_t cp;
  size_t cl;
  return alq_text_peek(t->src, k->end, k->start, &cp, &cl);
}

static int32_t first_cp(const alq_text *t, const alq_token *k) {
  int32_t cp;
  size_t cl;
  (void)alq_text_peek(t->src, k->end, k->start, &cp, &cl);
  return cp;
}

static size_t arabic_letters(const alq_text *t, const alq_token *k, size_t stop) {
  size_t n = 0;
  for (size_t p = k->start; p < k->end && n < stop;) {
    int32_t cp;
    size_t cl;
    if (alq_text_peek(t->src, k->end, p, &cp, &cl) == ALQ_CC_AR_LETTER) n++;
    p += cl;
  }
  return n;
}

static int glued(const alq_token *k) { return !(k->flags & ALQ_TF_SPACE_BEFORE); }

static int is_wordish(const alq_token *k) {
  return k->kind == ALQ_TOK_ARABIC || k->kind == ALQ_TOK_LATIN || k->kind == ALQ_TOK_NUMBER;
}

#ifndef ALQ_TEXT_NO_FAST
/* Most tokens are neither a quote nor before one: nothing to do for them
 * but reset the line's quotation depth at a line break. Returns the first
 * token from i on that is, or the last token. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t skip_no_quote(const alq_token *k, size_t i, size_t n, unsigned *depth) {
  unsigned d = *depth;
  while (i + 1 < n && k[i].kind != ALQ_TOK_QUOTE && k[i + 1].kind != ALQ_TOK_QUOTE) {
    if (k[i].flags & ALQ_TF_NEWLINE_BEFORE) d = 0;
    /* the first of a run of Arabic words (scan_arabic_run): the words after
       it are no quote and have no line break before them, so the last one
       is the next that may stop the loop */
    uint32_t run = k[i].sent;
    i += run ? run : 1;
  }
  *depth = d;
  return i;
}
#endif

/* Joiners and quote direction, left to right; `depth` counts quotations
 * open on the current line and settles quotes the context leaves open. */
static void mark_flags(alq_text *t) {
  alq_token *k = t->toks;
  size_t n = t->ntoks;
  unsigned depth = 0;
  for (size_t i = 0; i < n; i++) {
#ifndef ALQ_TEXT_NO_FAST
    i = skip_no_quote(k, i, n, &depth);
#endif
    if (k[i].flags & ALQ_TF_NEWLINE_BEFORE) depth = 0;
    if (k[i].kind == ALQ_TOK_ARABIC && !(k[i].flags & ALQ_TF_JOINER)) {
      /* و"القاعدة": a short word glued to a quote that is glued to a word.
       * Not when the word itself is the first thing inside a quotation
       * ("فتح"و"حماس"): then that quote closes. */
      if (i + 2 < n && k[i + 1].kind == ALQ_TOK_QUOTE && glued(&k[i + 1]) && glued(&k[i + 2]) &&
          is_wordish(&k[i + 2]) &&
          !(i > 0 && glued(&k[i]) && k[i - 1].kind == ALQ_TOK_QUOTE &&
            (k[i - 1].flags & ALQ_TF_OPEN_QUOTE)) &&
          arabic_letters(t, &k[i], 4) <= 3)
        k[i].flags |= ALQ_TF_JOINER;
      continue;
    }
    if (k[i].kind != ALQ_TOK_QUOTE) continue;
    const alq_token *prev = i > 0 ? &k[i - 1] : NULL;
    const alq_token *next = i + 1 < n ? &k[i + 1] : NULL;
    int adj_prev = prev && glued(&k[i]);
    int adj_next = next && glued(next);
    int open_ctx = !adj_prev || (prev->flags & ALQ_TF_JOINER) ||
                   (prev->kind == ALQ_TOK_PUNCT && first_class(t, prev) == ALQ_CC_OPEN) ||
                   (prev->kind == ALQ_TOK_QUOTE && (prev->flags & ALQ_TF_OPEN_QUOTE));
    int next_punct = adj_next && (next->kind == ALQ_TOK_QUOTE ||
                                  (next->kind == ALQ_TOK_PUNCT && first_class(t, next) != ALQ_CC_OPEN));
    int opens = open_ctx && adj_next && !next_punct;
    int closes = adj_prev && (!adj_next || next_punct);
    unsigned f = 0;
    if (opens && !closes) {
      f = ALQ_TF_OPEN_QUOTE;
    } else if (closes && !opens) {
      f = ALQ_TF_CLOSE_QUOTE;
    } else {
      switch (first_cp(t, &k[i])) {
      case 0x201C: case 0x00AB: case 0x2018: case 0x2039: case 0x201E: case 0x201A:
        f = ALQ_TF_OPEN_QUOTE;
        break;
      case 0x201D: case 0x00BB: case 0x2019: case 0x203A:
        f = ALQ_TF_CLOSE_QUOTE;
        break;
      case '\'':
        break; /* between letters it is an apostrophe */
      default:
        f = depth ? ALQ_TF_CLOSE_QUOTE : ALQ_TF_OPEN_QUOTE;
        break;
      }
    }
    k[i].flags |= (uint16_t)f;
    if (f == ALQ_TF_OPEN_QUOTE) depth++;
    else if (f == ALQ_TF_CLOSE_QUOTE && depth) depth--;
  }
}

/* ---- normalized bytes back to the original ---------------------------- */

/* Bytes put_cp writes for cp. */
static size_t cp_bytes(int32_t cp) {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  uint8_t tmp[4];
  return (size_t)alq_utf8_encode(cp, tmp);
}

/* Normalized bytes emit() writes for cp. */
static size_t emit_bytes(int32_t cp) {
  if (cp < 0x80) return 1;
  if (cp >= 0x600 && cp <= 0x6FF) {
    uint16_t m = alq_ar_norm[cp - 0x600];
    return m ? cp_bytes(m) : 0;
  }
  int32_t out[8];
  int n = alq_norm_cp(cp, out);
  size_t k = 0;
  for (int i = 0; i < n; i++) k += cp_bytes(out[i]);
  return k;
}

/* Replays the tokenizer over token i's original bytes: the code points it
 * normalized (format characters inside a word are skipped), or, when those
 * left nothing, every code point as it is (emit_raw); an invalid byte is
 * one U+FFFD. */
void alq_text_norm_src(const alq_text *t, size_t i, size_t nb, uint32_t *st, uint32_t *en) {
  const alq_token *k = &t->toks[i];
  *st = *en = k->end;
  if (nb < k->nstart || nb - k->nstart >= k->nlen) return;
  size_t want = nb - k->nstart;
  if (k->kind == ALQ_TOK_INVALID) { *st = k->start; *en = k->end; return; }
  size_t acc = 0;
  pthread_once(&ar_pair_once, ar_pair_build);
  for (size_t p = k->start; p < k->end;) {
    /* a letter, mark or tatweel of the Arabic block: two bytes that write
       two normalized bytes (AR_OUT) or none (what emit_bytes says of it) */
    unsigned h = (unsigned)t->src[p] - 0xD8u;
    if (h <= 3 && p + 1 < k->end) {
      uint32_t e = ar_pair[h << 8 | t->src[p + 1]];
      if (e & AR_WORD) {
        acc += (e >> 19) & 2;
        if (want < acc) { *st = (uint32_t)p; *en = (uint32_t)(p + 2); return; }
        p += 2;
        continue;
      }
    }
    int32_t cp;
    size_t cl;
    alq_cc cc = alq_text_peek(t->src, k->end, p, &cp, &cl);
    if (cc != ALQ_CC_FORMAT) {
      acc += emit_bytes(cp);
      if (want < acc) { *st = (uint32_t)p; *en = (uint32_t)(p + cl); return; }
    }
    p += cl;
  }
  acc = 0;
  for (size_t p = k->start; p < k->end;) {
    size_t q = p;
    int32_t cp;
    (void)alq_utf8_next(t->src, k->end, &q, &cp);
    acc += cp_bytes(cp);
    if (want < acc) { *st = (uint32_t)p; *en = (uint32_t)q; return; }
    p = q;
  }
}

int alq_text_analyze(alq_arena *a, const uint8_t *src, size_t len, alq_text *out) {
  memset(out, 0, sizeof *out);
  out->src = src;
  out->len = len;
  if (len >= UINT32_MAX) return ALQ_ENOMEM; /* offsets are 32-bit */
  scan sc;
  memset(&sc, 0, sizeof sc);
  pthread_once(&ar_pair_once, ar_pair_build);
  sc.a = a;
  sc.s = src;
  sc.len = len;
  /* Pre-size for typical Arabic prose (about one token per 6 bytes, a
   * normalized form no longer than the original) so most documents never
   * grow an array. */
  sc.toks = grow(a, NULL, 0, &sc.tcap, sizeof *sc.toks, len / 6 + 16);
  if (!sc.toks || norm_reserve(&sc, len + 64)) return ALQ_ENOMEM;
  int rc = tokenize(&sc);
  out->toks = sc.toks;
  out->ntoks = sc.ntoks;
  out->norm = sc.norm;
  out->nnorm = sc.nn;
  out->issues = sc.iss;
  out->nissues = sc.niss;
  if (rc) return rc;
  mark_flags(out);
  return alq_text_split_sentences(a, out);
}
