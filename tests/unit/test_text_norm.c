/* Normalization for matching: the character rules one by one, presentation
 * forms through NFKC, and the byte map from normalized back to original. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "text/text.h"

/* alq_norm_cp(cp) must give exactly want[0..n). */
static void expect_cp(int32_t cp, int n, int32_t w0, int32_t w1) {
  int32_t out[8];
  int got = alq_norm_cp(cp, out);
  if (got != n) fail_msg("U+%04X: %d code points, want %d", (unsigned)cp, got, n);
  if (n > 0 && out[0] != w0) fail_msg("U+%04X -> U+%04X, want U+%04X", (unsigned)cp, (unsigned)out[0], (unsigned)w0);
  if (n > 1 && out[1] != w1) fail_msg("U+%04X [1] -> U+%04X, want U+%04X", (unsigned)cp, (unsigned)out[1], (unsigned)w1);
}

static void test_hamza_alef_forms(void **state) {
  (void)state;
  expect_cp(0x0623, 1, 0x0627, 0); /* أ */
  expect_cp(0x0625, 1, 0x0627, 0); /* إ */
  expect_cp(0x0622, 1, 0x0627, 0); /* آ */
  expect_cp(0x0671, 1, 0x0627, 0); /* ٱ */
  expect_cp(0x0624, 1, 0x0648, 0); /* ؤ */
  expect_cp(0x0626, 1, 0x064A, 0); /* ئ */
  expect_cp(0x0649, 1, 0x064A, 0); /* ى */
  expect_cp(0x0629, 1, 0x0647, 0); /* ة */
  expect_cp(0x06A9, 1, 0x0643, 0); /* Persian kaf */
  expect_cp(0x06CC, 1, 0x064A, 0); /* Persian yeh */
  expect_cp(0x0621, 1, 0x0621, 0); /* bare hamza stays */
  expect_cp(0x0627, 1, 0x0627, 0);
  expect_cp(0x0628, 1, 0x0628, 0);
  expect_cp(0x060C, 1, 0x060C, 0); /* ، stays */
}

static void test_dropped(void **state) {
  (void)state;
  const int32_t gone[] = {0x0640, /* tatweel */
                          0x064B, 0x064E, 0x0650, 0x0651, 0x0652, 0x065F, /* harakat ... */
                          0x0670, 0x0610, 0x061A, 0x06D6, 0x06E5, 0x06ED,
                          0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202E,
                          0x2066, 0x2069, 0xFEFF, 0x061C};
  for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) expect_cp(gone[i], 0, 0, 0);
}

static void test_digits_and_latin(void **state) {
  (void)state;
  for (int d = 0; d < 10; d++) {
    expect_cp(0x0660 + d, 1, '0' + d, 0);
    expect_cp(0x06F0 + d, 1, '0' + d, 0);
    expect_cp('0' + d, 1, '0' + d, 0);
  }
  expect_cp('A', 1, 'a', 0);
  expect_cp('Z', 1, 'z', 0);
  expect_cp('q', 1, 'q', 0);
  expect_cp(0x00C9, 1, 0x00E9, 0); /* É */
  expect_cp(0x03A3, 1, 0x03C3, 0); /* Σ */
  expect_cp('"', 1, '"', 0);
  expect_cp(0x201C, 1, 0x201C, 0);
}

static void test_presentation_forms(void **state) {
  (void)state;
  expect_cp(0xFEFB, 2, 0x0644, 0x0627); /* ﻻ -> لا */
  expect_cp(0xFEFC, 2, 0x0644, 0x0627);
  expect_cp(0xFEF5, 2, 0x0644, 0x0627); /* lam with alef madda -> ل ا */
  expect_cp(0xFEF7, 2, 0x0644, 0x0627); /* lam with alef hamza above */
  expect_cp(0xFE8D, 1, 0x0627, 0);      /* alef isolated */
  expect_cp(0xFE83, 1, 0x0627, 0);      /* alef with hamza isolated -> ا */
  expect_cp(0xFE91, 1, 0x0628, 0);      /* beh initial */
  expect_cp(0xFE93, 1, 0x0647, 0);      /* ta marbuta isolated -> ه */
  expect_cp(0xFEEF, 1, 0x064A, 0);      /* alef maksura isolated -> ي */
  expect_cp(0xFB8E, 1, 0x0643, 0);      /* keheh isolated -> ك */
  expect_cp(0xFE70, 0, 0, 0);           /* fathatan isolated form: a mark */
  expect_cp(0xFE7C, 0, 0, 0);           /* shadda isolated form */
  expect_cp(0xFDFA, 1, 0xFDFA, 0);      /* several words: kept as it is */
  expect_cp(0xFE73, 1, 0xFE73, 0);      /* tail fragment: no decomposition */
  expect_cp(0xFD3E, 1, 0xFD3E, 0);      /* ornate parenthesis: not a letter */
  int32_t out[8];
  assert_int_equal(alq_norm_cp(0xFDF2, out), 4); /* Allah ligature */
  assert_int_equal(out[0], 0x0627);
  assert_int_equal(out[1], 0x0644);
  assert_int_equal(out[2], 0x0644);
  assert_int_equal(out[3], 0x0647);
}

/* "أَحمد": every normalized byte maps to the original code point. */
static void test_normalize_map(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  const char *s = "أَحمد"; /* أ 0-2, fatha 2-4, ح 4-6, م 6-8, د 8-10 */
  char *out;
  size_t n;
  uint32_t *ms, *me;
  assert_int_equal(alq_normalize(&a, (const uint8_t *)s, strlen(s), &out, &n, &ms, &me), 0);
  assert_string_equal(out, "احمد");
  assert_int_equal(n, 8);
  const uint32_t ws[] = {0, 0, 4, 4, 6, 6, 8, 8}, we[] = {2, 2, 6, 6, 8, 8, 10, 10};
  for (size_t i = 0; i < 8; i++) {
    assert_int_equal(ms[i], ws[i]);
    assert_int_equal(me[i], we[i]);
  }
  assert_int_equal(ms[8], 10); /* terminator */
  alq_arena_free(&a);
}

static void check_norm(const char *in, const char *want) {
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  char *out;
  size_t n;
  assert_int_equal(alq_normalize(&a, (const uint8_t *)in, strlen(in), &out, &n, NULL, NULL), 0);
  assert_string_equal(out, want);
  assert_int_equal(n, strlen(want));
  alq_arena_free(&a);
}

static void test_normalize_strings(void **state) {
  (void)state;
  check_norm("", "");
  check_norm("الدولة الإسلامية", "الدوله الاسلاميه");
  check_norm("مُسْتَشْفَى", "مستشفي");
  check_norm("المـــؤتمر", "الموتمر");
  check_norm("Al-Qaeda ٢٠١٥ ۲۰۱۶", "al-qaeda 2015 2016");
  check_norm("\xE2\x80\x8F" "داعش" "\xE2\x80\x8E", "داعش"); /* RLM, LRM */
  check_norm("کتاب ایران", "كتاب ايران");
  check_norm("\xEF\xBB\xBB", "لا");                          /* U+FEFB */
  check_norm("\xEF\xBA\x8D\xEF\xBB\x9F\xEF\xBB\xA0\xEF\xBA\x8E", "اللا"); /* ﺍﻟﻠﺎ: alef, lam, lam, alef forms */
}

static void test_normalize_lam_alef_map(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  const char *s = "ب\xEF\xBB\xBB"; /* ب 0-2, ﻻ 2-5 */
  char *out;
  size_t n;
  uint32_t *ms, *me;
  assert_int_equal(alq_normalize(&a, (const uint8_t *)s, strlen(s), &out, &n, &ms, &me), 0);
  assert_string_equal(out, "بلا");
  assert_int_equal(n, 6);
  for (size_t i = 2; i < 6; i++) { /* both letters of the ligature */
    assert_int_equal(ms[i], 2);
    assert_int_equal(me[i], 5);
  }
  alq_arena_free(&a);
}

static void test_normalize_invalid(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  const char s[] = "a\xFF" "b";
  char *out;
  size_t n;
  uint32_t *ms, *me;
  assert_int_equal(alq_normalize(&a, (const uint8_t *)s, 3, &out, &n, &ms, &me), ALQ_EUTF8);
  assert_string_equal(out, "a\xEF\xBF\xBD" "b");
  assert_int_equal(ms[1], 1);
  assert_int_equal(me[3], 2);
  assert_int_equal(ms[4], 2);
  alq_arena_free(&a);
}

/* Token forms use the same rules and maps. */
static void test_token_norm_map(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  const char *s = "قال أَحمد"; /* قال 0-6, space, أ 7-9, fatha 9-11, ح 11-13 ... */
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)s, strlen(s), &t), 0);
  assert_int_equal(t.ntoks, 2);
  assert_string_equal(alq_tok_norm(&t, 1), "احمد");
  assert_int_equal(t.toks[1].nlen, 8);
  uint32_t ns = t.toks[1].nstart;
  uint32_t st, en;
  alq_text_norm_src(&t, 1, ns, &st, &en);
  assert_int_equal(st, 7);
  assert_int_equal(en, 9);
  alq_text_norm_src(&t, 1, ns + 2, &st, &en);
  assert_int_equal(st, 11);
  alq_text_norm_src(&t, 1, ns + 7, &st, &en);
  assert_int_equal(en, 17);
  alq_text_norm_src(&t, 1, ns + 8, &st, &en); /* the NUL */
  assert_int_equal(st, 17);
  assert_int_equal(en, 17);
  assert_int_equal(t.nnorm, 6 + 1 + 8 + 1);
  alq_arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_hamza_alef_forms),
    cmocka_unit_test(test_dropped),
    cmocka_unit_test(test_digits_and_latin),
    cmocka_unit_test(test_presentation_forms),
    cmocka_unit_test(test_normalize_map),
    cmocka_unit_test(test_normalize_strings),
    cmocka_unit_test(test_normalize_lam_alef_map),
    cmocka_unit_test(test_normalize_invalid),
    cmocka_unit_test(test_token_norm_map),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
