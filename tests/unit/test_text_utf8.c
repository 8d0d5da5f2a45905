/* UTF-8 layer: strict decoding (overlong, surrogate, out of range,
 * truncated), encoding, and how the analyzer reports bad bytes and NULs
 * with their offsets while going on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "text/text.h"

static void expect_ok(const char *s, size_t len, int32_t cp, size_t adv) {
  size_t pos = 0;
  int32_t got = -1;
  assert_int_equal(alq_utf8_next((const uint8_t *)s, len, &pos, &got), 0);
  assert_int_equal(got, cp);
  assert_int_equal(pos, adv);
}

static void expect_bad(const char *s, size_t len) {
  size_t pos = 0;
  int32_t got = -1;
  assert_int_equal(alq_utf8_next((const uint8_t *)s, len, &pos, &got), -1);
  assert_int_equal(got, 0xFFFD);
  assert_int_equal(pos, 1); /* one byte, so the caller can resynchronize */
}

static void test_decode_valid(void **state) {
  (void)state;
  expect_ok("a", 1, 'a', 1);
  expect_ok("\0", 1, 0, 1);
  expect_ok("\xD8\xA8", 2, 0x628, 2);          /* ب */
  expect_ok("\xDF\xBF", 2, 0x7FF, 2);
  expect_ok("\xE0\xA0\x80", 3, 0x800, 3);
  expect_ok("\xE2\x80\xA6", 3, 0x2026, 3);     /* … */
  expect_ok("\xED\x9F\xBF", 3, 0xD7FF, 3);     /* last before surrogates */
  expect_ok("\xEF\xBB\xBB", 3, 0xFEFB, 3);     /* lam-alef ligature */
  expect_ok("\xF0\x90\x80\x80", 4, 0x10000, 4);
  expect_ok("\xF0\x9F\x98\x80", 4, 0x1F600, 4);
  expect_ok("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4);
}

static void test_decode_invalid(void **state) {
  (void)state;
  expect_bad("\x80", 1);             /* lone continuation */
  expect_bad("\xBF", 1);
  expect_bad("\xC0\xAF", 2);         /* overlong '/' */
  expect_bad("\xC1\xBF", 2);         /* overlong */
  expect_bad("\xE0\x80\xAF", 3);     /* overlong 3-byte */
  expect_bad("\xE0\x9F\xBF", 3);
  expect_bad("\xF0\x80\x80\xAF", 4); /* overlong 4-byte */
  expect_bad("\xF0\x8F\xBF\xBF", 4);
  expect_bad("\xED\xA0\x80", 3);     /* surrogate U+D800 */
  expect_bad("\xED\xBF\xBF", 3);     /* surrogate U+DFFF */
  expect_bad("\xF4\x90\x80\x80", 4); /* U+110000 */
  expect_bad("\xF5\x80\x80\x80", 4);
  expect_bad("\xFF", 1);
  expect_bad("\xFE", 1);
  expect_bad("\xD8", 1);             /* truncated at the end */
  expect_bad("\xE2\x80", 2);
  expect_bad("\xF0\x9F\x98", 3);
  expect_bad("\xE2\x28\xA1", 3);     /* bad continuation */
  expect_bad("\xD8\x41", 2);
}

static void test_encode(void **state) {
  (void)state;
  const int32_t cps[] = {0x41, 0x7F, 0x80, 0x627, 0x7FF, 0x800, 0xFEFB, 0xFFFF, 0x10000, 0x10FFFF};
  for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
    uint8_t buf[4];
    int n = alq_utf8_encode(cps[i], buf);
    size_t pos = 0;
    int32_t back;
    assert_int_equal(alq_utf8_next(buf, (size_t)n, &pos, &back), 0);
    assert_int_equal(back, cps[i]);
    assert_int_equal(pos, (size_t)n);
  }
  uint8_t buf[4];
  assert_int_equal(alq_utf8_encode(0xD800, buf), 3); /* never invalid output */
  assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
  assert_int_equal(alq_utf8_encode(0x110000, buf), 3);
  assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
}

static alq_text analyze(alq_arena *a, const char *s, size_t len) {
  alq_text t;
  assert_int_equal(alq_text_analyze(a, (const uint8_t *)s, len, &t), 0);
  return t;
}

/* An invalid byte is reported with its offset, becomes its own token and
 * splits the word around it. */
static void test_invalid_byte_splits_word(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  const char s[] = "داعش\xFFو"; /* داعش = bytes 0..8, FF at 8, و at 9..11 */
  alq_text t = analyze(&a, s, sizeof s - 1);
  assert_int_equal(t.nissues, 1);
  assert_int_equal(t.issues[0].offset, 8);
  assert_int_equal(t.issues[0].code, ALQ_EUTF8);
  assert_int_equal(t.ntoks, 3);
  assert_int_equal(t.toks[0].kind, ALQ_TOK_ARABIC);
  assert_int_equal(t.toks[0].start, 0);
  assert_int_equal(t.toks[0].end, 8);
  assert_int_equal(t.toks[1].kind, ALQ_TOK_INVALID);
  assert_int_equal(t.toks[1].start, 8);
  assert_int_equal(t.toks[1].end, 9);
  assert_string_equal(alq_tok_norm(&t, 1), "\xEF\xBF\xBD");
  assert_int_equal(t.toks[2].kind, ALQ_TOK_ARABIC);
  assert_int_equal(t.toks[2].start, 9);
  assert_int_equal(t.toks[2].end, 11);
  assert_false(t.toks[2].flags & ALQ_TF_SPACE_BEFORE);
  alq_arena_free(&a);
}

/* Every bad byte of a broken sequence is its own issue and token. */
static void test_invalid_sequences_offsets(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  /* x C0 AF y  ED A0 80 z  E2 80 (truncated at the end) */
  const char s[] = "x\xC0\xAFy \xED\xA0\x80z \xE2\x80";
  alq_text t = analyze(&a, s, sizeof s - 1);
  const uint32_t want[] = {1, 2, 5, 6, 7, 10, 11};
  assert_int_equal(t.nissues, 7);
  for (size_t i = 0; i < 7; i++) {
    assert_int_equal(t.issues[i].offset, want[i]);
    assert_int_equal(t.issues[i].code, ALQ_EUTF8);
  }
  /* x, C0, AF, y, ED, A0, 80, z, E2, 80 */
  assert_int_equal(t.ntoks, 10);
  assert_int_equal(t.toks[0].kind, ALQ_TOK_LATIN);
  assert_int_equal(t.toks[1].kind, ALQ_TOK_INVALID);
  assert_int_equal(t.toks[1].start, 1);
  assert_int_equal(t.toks[2].kind, ALQ_TOK_INVALID);
  assert_int_equal(t.toks[2].start, 2);
  assert_int_equal(t.toks[3].kind, ALQ_TOK_LATIN);
  assert_int_equal(t.toks[3].start, 3);
  assert_int_equal(t.toks[7].kind, ALQ_TOK_LATIN);
  assert_int_equal(t.toks[7].start, 8);
  assert_int_equal(t.toks[9].kind, ALQ_TOK_INVALID);
  assert_int_equal(t.toks[9].start, 11);
  assert_int_equal(t.toks[9].end, 12);
  alq_arena_free(&a);
}

static void test_nul_is_binary(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  const char s[] = "ab\0cd\0";
  alq_text t = analyze(&a, s, sizeof s - 1);
  assert_int_equal(t.nissues, 2);
  assert_int_equal(t.issues[0].offset, 2);
  assert_int_equal(t.issues[0].code, ALQ_EBINARY);
  assert_int_equal(t.issues[1].offset, 5);
  assert_int_equal(t.issues[1].code, ALQ_EBINARY);
  assert_int_equal(t.ntoks, 4);
  assert_int_equal(t.toks[1].kind, ALQ_TOK_INVALID);
  assert_int_equal(t.toks[1].start, 2);
  assert_int_equal(t.toks[2].start, 3);
  assert_int_equal(t.toks[2].end, 5);
  assert_string_equal(alq_tok_norm(&t, 2), "cd");
  assert_int_equal(t.toks[3].kind, ALQ_TOK_INVALID);
  alq_arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_decode_valid),
    cmocka_unit_test(test_decode_invalid),
    cmocka_unit_test(test_encode),
    cmocka_unit_test(test_invalid_byte_splits_word),
    cmocka_unit_test(test_invalid_sequences_offsets),
    cmocka_unit_test(test_nul_is_binary),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
