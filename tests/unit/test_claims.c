/* Claim rules added for the quality issue, on made-up sentences (none from
 * the seeds or the gold): X ضد Y, the target of a coalition staying a
 * mention, support "against" a third party, and an outlet's own report not
 * taken for a cited source. Each case states the expected claim. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"

static alq_lexicon *lex;
static alq_extractor *ex;

static int setup(void **state) {
  (void)state;
  alq_error err = {0};
  if (alq_lexicon_open(&lex, ALQ_TEST_DATADIR, &err)) return -1;
  return alq_extractor_new(&ex, lex);
}
static int teardown(void **state) {
  (void)state;
  alq_extractor_free(ex);
  alq_lexicon_free(lex);
  return 0;
}

static const char *cur_text;
static const alq_result *run(const char *text) {
  alq_doc d = {"t", text, strlen(text), "2016-05-01", NULL};
  const alq_result *res;
  alq_error err;
  cur_text = text;
  assert_int_equal(alq_extract(ex, &d, &res, &err), 0);
  return res;
}

/* The claim of `type` with a and b in this order (directed) or either
 * order, or NULL. */
static const alq_claim *find(const alq_result *r, const char *a, const char *b, const char *type) {
  for (size_t i = 0; i < r->nclaims; i++) {
    const alq_claim *c = &r->claims[i];
    if (strcmp(c->type, type)) continue;
    if ((!strcmp(c->a, a) && !strcmp(c->b, b)) || (!strcmp(c->a, b) && !strcmp(c->b, a))) return c;
  }
  return NULL;
}

/* The bytes of span s equal `want`. */
static void span_is(const uint32_t s[2], const char *want) {
  assert_true(s[1] > s[0]);
  assert_int_equal(s[1] - s[0], strlen(want));
  assert_memory_equal(cur_text + s[0], want, strlen(want));
}

static void test_against_adjacent(void **state) {
  (void)state;
  /* the coalition named by what it fights: a conflict with the target, and
     the target is a mention of its own */
  const alq_result *r = run("وصل وفد إلى بغداد للقاء قادة التحالف الدولي ضد داعش يوم الأحد.");
  const alq_claim *c = find(r, "international-coalition", "isis", "conflict");
  assert_non_null(c);
  span_is(c->trigger, "ضد");
  int isis = 0;
  for (size_t i = 0; i < r->nmentions; i++)
    if (!strcmp(r->mentions[i].id, "isis")) { isis = 1; span_is(r->mentions[i].span, "داعش"); }
  assert_true(isis);
  /* ضد with no actor right before it relates nothing */
  r = run("أعلنت حكومة إيران موقفها ضد قرار مجلس الأمن.");
  assert_int_equal(r->nclaims, 0);
}

static void test_support_against_third(void **state) {
  (void)state;
  /* help for X against Y is support for X and nothing supports Y */
  const alq_result *r = run("أعلنت السعودية دعمها للتحالف الدولي ضد تنظيم داعش.");
  assert_null(find(r, "international-coalition", "isis", "support"));
  assert_null(find(r, "saudi-arabia", "isis", "support"));
  const alq_claim *c = find(r, "saudi-arabia", "international-coalition", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "saudi-arabia");
}

static void test_outlet_report_is_the_outlet(void **state) {
  (void)state;
  /* "in a report of its own" keeps the outlet as the source */
  const alq_result *r = run("وكشفت صحيفة ديلي تلغراف في تقرير لها عن تعاون بين حركة طالبان وتنظيم القاعدة.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_non_null(c->source);
  assert_string_equal(c->source_kind, "outlet");
  assert_non_null(strstr(c->source, "تلغراف"));
  /* the outlet citing unnamed sources: the sources are the source */
  r = run("ونقلت صحيفة ديلي تلغراف عن مصادر أمنية أن تعاونا بين حركة طالبان وتنظيم القاعدة قائم.");
  c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->source_kind, "anonymous");
  assert_string_equal(c->source, "مصادر أمنية");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_against_adjacent),
    cmocka_unit_test(test_support_against_third),
    cmocka_unit_test(test_outlet_report_is_the_outlet),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
