/* The tokenizer's fast paths (whole Arabic words in locals, same-normalizing
 * letters copied 16 bytes at a time) against the same tokenizer built
 * without them (src/text/token.c compiled here with ALQ_TEXT_NO_FAST, its
 * public names renamed): tokens, normalized bytes, sentences and issues must
 * be identical on the bundled news and on generated texts mixing its words
 * with diacritics, tatweel, format characters, presentation forms, hamza
 * forms, Latin, digits, quotes, invalid bytes and NULs, cut at every length
 * near the end, and on runs of words broken by quotes and line breaks.
 * Also alq_text_same_run and alq_text_norm_run against the letter tables, and
 * alq_normalize's one-pass path against its general one. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/util.h"

/* the reference: token.c without its fast paths */
#define ALQ_TEXT_NO_FAST 1
#define alq_text_analyze ref_text_analyze
#define alq_text_norm_src ref_text_norm_src
#define alq_ascii_class ref_ascii_class
#include "../../src/text/token.c"
#undef alq_text_analyze
#undef alq_text_norm_src
#undef alq_ascii_class
int alq_text_analyze(alq_arena *a, const uint8_t *src, size_t len, alq_text *out);

static uint32_t rng = 4242;
static uint32_t next_rand(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

static void same_text(const uint8_t *s, size_t len) {
  alq_arena a;
  alq_arena_init(&a, 1 << 16, 0);
  alq_text r, f;
  int rr = ref_text_analyze(&a, s, len, &r);
  int rf = alq_text_analyze(&a, s, len, &f);
  assert_int_equal(rr, rf);
  assert_int_equal(r.ntoks, f.ntoks);
  assert_int_equal(r.nnorm, f.nnorm);
  assert_int_equal(r.nsents, f.nsents);
  assert_int_equal(r.nissues, f.nissues);
  assert_memory_equal(r.norm, f.norm, r.nnorm);
  for (size_t i = 0; i < r.ntoks; i++) {
    assert_int_equal(r.toks[i].start, f.toks[i].start);
    assert_int_equal(r.toks[i].end, f.toks[i].end);
    assert_int_equal(r.toks[i].nstart, f.toks[i].nstart);
    assert_int_equal(r.toks[i].nlen, f.toks[i].nlen);
    assert_int_equal(r.toks[i].kind, f.toks[i].kind);
    assert_int_equal(r.toks[i].flags, f.toks[i].flags);
    assert_int_equal(r.toks[i].sent, f.toks[i].sent);
  }
  for (size_t i = 0; i < r.nsents; i++) {
    assert_int_equal(r.sents[i].start, f.sents[i].start);
    assert_int_equal(r.sents[i].end, f.sents[i].end);
    assert_int_equal(r.sents[i].tok_first, f.sents[i].tok_first);
    assert_int_equal(r.sents[i].tok_count, f.sents[i].tok_count);
  }
  for (size_t i = 0; i < r.nissues; i++) {
    assert_int_equal(r.issues[i].offset, f.issues[i].offset);
    assert_int_equal(r.issues[i].code, f.issues[i].code);
  }
  alq_arena_free(&a);
}

#include "news_fixture.h"

static void test_news(void **state) {
  (void)state;
  load_news();
  same_text((const uint8_t *)news, news_len);
  /* every cut near the end of a few prefixes (the 16-byte loads) */
  for (size_t end = 1; end < 400 && end < news_len; end++) same_text((const uint8_t *)news, end);
}

/* things to put inside and between words */
static const char *ins[] = {
  "\xd9\x8e", "\xd9\x8b", "\xd9\x91", "\xd9\x92", /* harakat, shadda, sukun */
  "\xd9\x80", "\xd9\x80\xd9\x80",                 /* tatweel */
  "\xe2\x80\x8c", "\xe2\x80\x8f",                 /* ZWNJ, RLM */
  "\xef\xbb\xb7", "\xef\xba\x8d",                 /* presentation forms */
  "\xd8\xa3", "\xd8\xa5", "\xd8\xa2", "\xd8\xa9", "\xd9\x89", "\xd8\xa6", "\xd8\xa4", "\xd9\xb1",
  "\xda\xa9", "\xdb\x8c",                         /* Persian kaf, yeh */
  "\xd9\xa3", "\xd9\xac", "\xd8\x8c", "\xd8\x9f", /* Arabic digit, separators, ، ؟ */
  "a", "Z", "7", "\"", "'", ".", "-", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9c",
  "\xff", "\xd8", "\xd9\x28", "\xe0\xa4", "\0", "\xcc\x81", "\xc3\xa9", "\xe4\xb8\xad",
  "\xf0\x9f\x98\x80", " ", "\n", "\t", "\xc2\xa0",
};

static void test_generated(void **state) {
  (void)state;
  load_news();
  for (int round = 0; round < 3000; round++) {
    alq_buf b = {0};
    size_t words = 1 + next_rand() % 40;
    for (size_t k = 0; k < words; k++) {
      /* a piece of the news, possibly cut inside a code point */
      size_t at = next_rand() % news_len, n = 1 + next_rand() % 30;
      if (at + n > news_len) n = news_len - at;
      assert_int_equal(alq_buf_reserve(&b, n + 16), 0);
      memcpy(b.p + b.len, news + at, n);
      b.len += n;
      if (next_rand() % 3 == 0) {
        const char *x = ins[next_rand() % (sizeof ins / sizeof *ins)];
        size_t xl = x[0] ? strlen(x) : 1;
        memcpy(b.p + b.len, x, xl);
        b.len += xl;
      }
    }
    same_text((const uint8_t *)b.p, b.len);
    alq_buf_free(&b);
  }
}

/* runs of short words (and Arabic commas): more tokens than the
 * tokenizer's first guess (one per six bytes), so the token array grows in
 * the middle of a run */
static void test_short_words(void **state) {
  (void)state;
  static const char *w[] = {"\xd9\x88", "\xd8\xa3", "\xd9\x81\xd9\x8a", "\xd8\xa9", "\xd9\x80",
                            "\xd9\x84\xd9\x80", "\xd9\x85\xd9\x86", "a", "\xd9\x8e"};
  for (int round = 0; round < 500; round++) {
    alq_buf b = {0};
    size_t n = 1 + next_rand() % 400;
    for (size_t k = 0; k < n; k++) {
      const char *x = w[next_rand() % (sizeof w / sizeof *w)];
      size_t xl = strlen(x);
      assert_int_equal(alq_buf_reserve(&b, xl + 3), 0);
      memcpy(b.p + b.len, x, xl);
      b.len += xl;
      unsigned r = next_rand() % 16;
      if (r < 12) b.p[b.len++] = ' ';
      else if (r < 14) { memcpy(b.p + b.len, "\xd8\x8c ", 3); b.len += 3; } /* comma inside a run */
      else if (r == 14) { b.p[b.len++] = ' '; b.p[b.len++] = ' '; }
    }
    same_text((const uint8_t *)b.p, b.len);
    alq_buf_free(&b);
  }
}

/* runs of Arabic words between single spaces (whose first token tells the
 * quote and sentence passes how many words follow it) broken by quotes,
 * glued or not, line breaks, terminators and closers; words that end at a
 * character other than ASCII (، “ ؟) or go on with one (ZWNJ, marks) */
static void test_runs_quotes(void **state) {
  (void)state;
  static const char *w[] = {"\xd9\x82\xd8\xa7\xd9\x84", "\xd8\xa7\xd9\x84\xd8\xac\xd9\x8a\xd8\xb4",
                            "\xd9\x88", "\xd9\x81\xd9\x8a", "\xd9\x85\xd9\x80", "\xd8\xa9\xd9\x89"};
  static const char *sep[] = {" ", " ", " ", " ", " ", " ", "\"", " \"", "\" ", "\n", " \n", "\r\n",
                              ". ", ".\" ", "? ", "\xd8\x9f", "\xd8\x8c ", "\xc2\xab", " \xc2\xbb ",
                              "\xe2\x80\x9c", "\xe2\x80\x9d ", "'", ") ", " (", "  ", "\xe2\x80\xa6",
                              /* after a word: what goes on with it, what ends it */
                              "\xe2\x80\x8c", "\xe2\x80\x8f ", "\xd9\xa3 ", "\xdd\x90", "\xcc\x81 ",
                              "\xd8", "\xd8\x28", "\xd8\x9b", "\xef\xbb\xb7", "\xd9\x80", "\xc2\xa0",
                              /* dots: alone, in runs, before U+2026 or another E2 character */
                              "..", "... ", ".\xe2\x80\xa6 ", ".\xe2\x80\x9d", ". .", "-", ":", "[", "}", "!"};
  for (int round = 0; round < 2000; round++) {
    alq_buf b = {0};
    size_t n = 1 + next_rand() % 120;
    for (size_t k = 0; k < n; k++) {
      const char *x = w[next_rand() % (sizeof w / sizeof *w)];
      const char *y = next_rand() % 3 ? " " : sep[next_rand() % (sizeof sep / sizeof *sep)];
      size_t xl = strlen(x), yl = strlen(y);
      assert_int_equal(alq_buf_reserve(&b, xl + yl), 0);
      memcpy(b.p + b.len, x, xl);
      b.len += xl;
      if (k + 1 < n || next_rand() % 2) {
        memcpy(b.p + b.len, y, yl);
        b.len += yl;
      }
    }
    same_text((const uint8_t *)b.p, b.len);
    alq_buf_free(&b);
  }
}

/* alq_normalize's one-pass path (no maps asked for: ASCII and U+0600-06FF
 * only) against its general two-pass path (maps asked for) */
static void test_normalize_fast(void **state) {
  (void)state;
  for (int i = 0; i < 256; i++) assert_true(alq_ar_norm[i] < 0x800);
  alq_arena a;
  alq_arena_init(&a, 1 << 16, 0);
  for (int round = 0; round < 100000; round++) {
    uint8_t b[64];
    size_t n = next_rand() % 40;
    for (size_t i = 0; i < n; i++) {
      uint32_t r = next_rand();
      switch (r % 6) {
      case 0: b[i] = (uint8_t)(r >> 8); break;                       /* any byte */
      case 1: b[i] = (uint8_t)(0x20 + (r >> 8) % 0x60); break;         /* ASCII */
      case 2: b[i] = (uint8_t)(r >> 8) % 2 ? 0 : 'A' + (r >> 9) % 26; break;
      default: /* a two-byte letter, mark or digit of the Arabic block */
        b[i] = (uint8_t)(0xD8 + (r >> 8) % 4);
        if (i + 1 < n) b[++i] = (uint8_t)(0x80 + (r >> 12) % 64);
      }
    }
    char *f, *g;
    size_t fl, gl;
    uint32_t *ms, *me;
    int rf = alq_normalize(&a, b, n, &f, &fl, NULL, NULL);
    int rg = alq_normalize(&a, b, n, &g, &gl, &ms, &me);
    assert_int_equal(rf, rg);
    assert_int_equal(fl, gl);
    assert_memory_equal(f, g, fl + 1);
    if (round % 1000 == 0) alq_arena_reset(&a);
  }
  alq_arena_free(&a);
}

#ifdef __SSE2__
static void test_same_run(void **state) {
  (void)state;
  for (int round = 0; round < 200000; round++) {
    uint8_t s[16];
    for (int i = 0; i < 16; i++) {
      uint32_t r = next_rand();
      if (i % 2 == 0) s[i] = (r & 3) ? (uint8_t)(0xD8 + (r >> 2) % 4) : (uint8_t)(r >> 4);
      else s[i] = (r & 3) ? (uint8_t)(0x80 + (r >> 2) % 64) : (uint8_t)(r >> 4);
    }
    unsigned m = alq_text_same_run(_mm_loadu_si128((const __m128i *)s));
    assert_true(m % 2 == 0 && m <= 16);
    /* every letter of the run is a letter of U+0600-06FF that normalizes to itself */
    for (unsigned i = 0; i < m; i += 2) {
      assert_true(s[i] >= 0xD8 && s[i] <= 0xDB && (s[i + 1] & 0xC0) == 0x80);
      int cp = ((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
      assert_int_equal(alq_ar_class[cp - 0x600], ALQ_CC_AR_LETTER);
      assert_int_equal(alq_ar_norm[cp - 0x600], cp);
    }
    /* and it stops only at something outside its set */
    if (m < 16) {
      int cp = ((s[m] & 0x1F) << 6) | (s[m + 1] & 0x3F);
      int in = (s[m] == 0xD8 && ((s[m + 1] >= 0xA7 && s[m + 1] <= 0xBF && s[m + 1] != 0xA9))) ||
               (s[m] == 0xD9 && s[m + 1] >= 0x81 && s[m + 1] <= 0x8A && s[m + 1] != 0x89);
      assert_false(in && (s[m + 1] & 0xC0) == 0x80 && cp >= 0x600);
    }
  }
}

/* alq_text_norm_run: the run of letters that normalize to a letter of two
 * bytes of U+0600-06FF (themselves, or: آ أ إ -> ا, ؤ -> و, ئ ى -> ي,
 * ة -> ه), their normalized bytes as the tables give them, and a stop only
 * at something else. */
static int norm_run_letter(const uint8_t *p) {
  if (p[0] < 0xD8 || p[0] > 0xDB || (p[1] & 0xC0) != 0x80) return 0;
  int cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  if (cp < 0x600 || cp > 0x6FF) return 0;
  if (cp == 0x622 || cp == 0x623 || cp == 0x625 || cp == 0x624 || cp == 0x626 || cp == 0x649 || cp == 0x629) return 1;
  return (cp >= 0x627 && cp <= 0x63F) || (cp >= 0x641 && cp <= 0x64A);
}
static void test_norm_run(void **state) {
  (void)state;
  static const uint8_t subs[][2] = {{0xD8, 0xA2}, {0xD8, 0xA3}, {0xD8, 0xA5}, {0xD8, 0xA4}, {0xD8, 0xA6},
                                    {0xD9, 0x89}, {0xD8, 0xA9}, {0xD8, 0xA7}, {0xD9, 0x8A}, {0xD9, 0x8B}};
  for (int round = 0; round < 400000; round++) {
    uint8_t s[16];
    for (int i = 0; i < 16; i += 2) {
      uint32_t r = next_rand();
      if (r % 3 == 0) { memcpy(s + i, subs[(r >> 2) % 10], 2); continue; }
      r = next_rand();
      s[i] = (r & 3) ? (uint8_t)(0xD8 + (r >> 2) % 4) : (uint8_t)(r >> 4);
      r = next_rand();
      s[i + 1] = (r & 3) ? (uint8_t)(0x80 + (r >> 2) % 64) : (uint8_t)(r >> 4);
    }
    __m128i w;
    unsigned m = alq_text_norm_run(_mm_loadu_si128((const __m128i *)s), &w);
    uint8_t o[16];
    _mm_storeu_si128((__m128i *)o, w);
    assert_true(m % 2 == 0 && m <= 16);
    for (unsigned i = 0; i < m; i += 2) {
      assert_true(norm_run_letter(s + i));
      int cp = ((s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
      assert_int_equal(alq_ar_class[cp - 0x600], ALQ_CC_AR_LETTER);
      int nc = alq_ar_norm[cp - 0x600];
      assert_true(nc >= 0x600 && nc <= 0x6FF);
      assert_int_equal(o[i], 0xC0 | (nc >> 6));
      assert_int_equal(o[i + 1], 0x80 | (nc & 0x3F));
    }
    if (m < 16) assert_false(norm_run_letter(s + m));
  }
}
#endif

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_news),
    cmocka_unit_test(test_generated),
    cmocka_unit_test(test_short_words),
    cmocka_unit_test(test_runs_quotes),
    cmocka_unit_test(test_normalize_fast),
#ifdef __SSE2__
    cmocka_unit_test(test_same_run),
    cmocka_unit_test(test_norm_run),
#endif
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  free(news);
  return rc;
}
