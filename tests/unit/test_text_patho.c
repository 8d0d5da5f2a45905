/* Pathological inputs (1 MB versions of STYLE.md's list): a line without
 * spaces, endless tatweel, invalid UTF-8 at every position, empty input.
 * Each must finish quickly (linear time) with consistent output. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "alaqat.h"
#include "text/text.h"

#define MB (1u << 20)

/* Tokens ordered and disjoint, sentences partition them, issue offsets
 * increasing and each the start of an invalid token. */
static void check_consistent(const uint8_t *s, size_t len, const alq_text *t) {
  (void)s;
  size_t next = 0, iss = 0;
  for (size_t i = 0; i < t->ntoks; i++) {
    const alq_token *k = &t->toks[i];
    assert_true(k->start < k->end && k->end <= len);
    if (i) assert_true(t->toks[i - 1].end <= k->start);
    assert_true(k->nlen > 0);
    assert_true((size_t)k->nstart + k->nlen < t->nnorm);
    if (k->kind == ALQ_TOK_INVALID) {
      assert_true(iss < t->nissues);
      assert_int_equal(t->issues[iss].offset, k->start);
      iss++;
    }
  }
  assert_int_equal(iss, t->nissues);
  for (size_t j = 0; j < t->nsents; j++) {
    assert_int_equal(t->sents[j].tok_first, next);
    next += t->sents[j].tok_count;
  }
  assert_int_equal(next, t->ntoks);
}

static double run(const uint8_t *s, size_t len, alq_arena *a, alq_text *t) {
  clock_t c0 = clock();
  assert_int_equal(alq_text_analyze(a, s, len, t), 0);
  double sec = (double)(clock() - c0) / CLOCKS_PER_SEC;
  check_consistent(s, len, t);
  /* Generous even under ASan: quadratic behaviour on 1 MB takes minutes. */
  assert_true(sec < 5.0);
  return sec;
}

static uint8_t *repeat(const char *unit, size_t total, size_t *len) {
  size_t u = strlen(unit), n = total / u * u;
  uint8_t *p = malloc(n ? n : 1);
  assert_non_null(p);
  for (size_t i = 0; i < n; i += u) memcpy(p + i, unit, u);
  *len = n;
  return p;
}

static void test_empty(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)"", 0, &t), 0);
  assert_int_equal(t.ntoks, 0);
  assert_int_equal(t.nsents, 0);
  assert_int_equal(t.nissues, 0);
  assert_int_equal(alq_text_analyze(&a, NULL, 0, &t), 0);
  assert_int_equal(t.ntoks, 0);
  alq_arena_free(&a);
}

static void test_long_line_without_spaces(void **state) {
  (void)state;
  size_t len;
  uint8_t *s = repeat("داعش", MB, &len);
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  alq_text t;
  run(s, len, &a, &t);
  assert_int_equal(t.ntoks, 1);
  assert_int_equal(t.toks[0].end, len);
  assert_int_equal(t.toks[0].nlen, len);
  assert_int_equal(t.nsents, 1);
  alq_arena_free(&a);
  free(s);
  /* Punctuation and numbers without spaces: one token each, still linear. */
  s = repeat("1.", MB, &len);
  alq_arena_init(&a, 0, 0);
  run(s, len, &a, &t);
  assert_int_equal(t.ntoks, 2); /* 1.1.1...1 and the final dot */
  alq_arena_free(&a);
  free(s);
  s = repeat("\"و", MB, &len);
  alq_arena_init(&a, 0, 0);
  run(s, len, &a, &t);
  assert_int_equal(t.ntoks, len / 3 * 2);
  alq_arena_free(&a);
  free(s);
}

static void test_endless_tatweel(void **state) {
  (void)state;
  size_t len;
  uint8_t *s = repeat("ـ", MB, &len);
  memcpy(s, "ل", 2); /* لـــــ...: one joiner token whose form is ل */
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  alq_text t;
  run(s, len, &a, &t);
  assert_int_equal(t.ntoks, 1);
  assert_true(t.toks[0].flags & ALQ_TF_JOINER);
  assert_string_equal(alq_tok_norm(&t, 0), "ل");
  alq_arena_free(&a);
  memcpy(s, "ـ", 2); /* tatweel only */
  alq_arena_init(&a, 0, 0);
  run(s, len, &a, &t);
  assert_int_equal(t.ntoks, 1);
  assert_int_equal(t.toks[0].kind, ALQ_TOK_PUNCT);
  alq_arena_free(&a);
  free(s);
}

static void test_invalid_everywhere(void **state) {
  (void)state;
  /* A bad byte inserted at every position of a short text. */
  const char *base = "قال \"داعش\" 2.5… نعم؟\n«لا»";
  size_t bl = strlen(base);
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  for (size_t i = 0; i <= bl; i++) {
    uint8_t buf[128];
    memcpy(buf, base, i);
    buf[i] = 0xFF;
    memcpy(buf + i + 1, base + i, bl - i);
    alq_text t;
    assert_int_equal(alq_text_analyze(&a, buf, bl + 1, &t), 0);
    check_consistent(buf, bl + 1, &t);
    int found = 0;
    for (size_t j = 0; j < t.nissues; j++) found |= t.issues[j].offset == i;
    assert_true(found);
    alq_arena_reset(&a);
  }
  alq_arena_free(&a);
  /* 1 MB of 0xFF, and 1 MB of pseudo-random bytes. */
  size_t len = MB;
  uint8_t *s = malloc(len);
  assert_non_null(s);
  memset(s, 0xFF, len);
  alq_arena_init(&a, 0, 0);
  alq_text t;
  run(s, len, &a, &t);
  assert_int_equal(t.ntoks, len);
  assert_int_equal(t.nissues, len);
  assert_int_equal(t.nsents, 1);
  alq_arena_free(&a);
  uint32_t x = 12345;
  for (size_t i = 0; i < len; i++) {
    x = x * 1103515245u + 12345u;
    s[i] = (uint8_t)(x >> 16);
  }
  alq_arena_init(&a, 0, 0);
  run(s, len, &a, &t);
  assert_true(t.nissues > 0);
  alq_arena_free(&a);
  free(s);
}

/* A hard arena limit turns into ALQ_ENOMEM, not a crash. */
static void test_arena_limit(void **state) {
  (void)state;
  size_t len;
  uint8_t *s = repeat("داعش و", 64 * 1024, &len);
  alq_arena a;
  alq_arena_init(&a, 0, 4096);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, s, len, &t), ALQ_ENOMEM);
  alq_arena_free(&a);
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_long_line_without_spaces),
    cmocka_unit_test(test_endless_tatweel),
    cmocka_unit_test(test_invalid_everywhere),
    cmocka_unit_test(test_arena_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
