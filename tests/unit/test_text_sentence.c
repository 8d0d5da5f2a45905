/* Sentences (CLAIMS.md rule 8): terminators, closing quotes and brackets,
 * line breaks; the seed headline; and every gold claim span of the seeds
 * must be exactly one of our sentences. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include "alaqat.h"
#include "text/text.h"

/* Every token belongs to exactly one sentence; sentences are in order and
 * their spans run from their first token's start to their last's end. */
static void check_partition(const alq_text *t) {
  size_t next = 0;
  for (size_t s = 0; s < t->nsents; s++) {
    const alq_sentence *se = &t->sents[s];
    assert_int_equal(se->tok_first, next);
    assert_true(se->tok_count > 0);
    for (size_t i = se->tok_first; i < se->tok_first + se->tok_count; i++)
      assert_int_equal(t->toks[i].sent, s);
    assert_int_equal(se->start, t->toks[se->tok_first].start);
    assert_int_equal(se->end, t->toks[se->tok_first + se->tok_count - 1].end);
    next += se->tok_count;
  }
  assert_int_equal(next, t->ntoks);
}

/* Renders the sentences as "start-end|start-end|...". */
static void check(const char *in, const char *want) {
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)in, strlen(in), &t), 0);
  check_partition(&t);
  char buf[1024];
  size_t w = 0;
  buf[0] = 0;
  for (size_t s = 0; s < t.nsents && w < sizeof buf; s++)
    w += (size_t)snprintf(buf + w, sizeof buf - w, "%s%u-%u", s ? "|" : "", t.sents[s].start, t.sents[s].end);
  if (strcmp(buf, want) != 0) fail_msg("input  %s\ngot    %s\nwanted %s", in, buf, want);
  alq_arena_free(&a);
}

static void test_terminators(void **state) {
  (void)state;
  check("", "");
  check(" \n \xC2\xA0\n", "");
  check("نعم. لا", "0-7|8-12");
  check("نعم! لا? ربما؟ حسنا… تمام", "0-7|8-13|14-24|25-36|37-45");
  check("  نعم.  ", "2-9");               /* spaces excluded, terminator in */
  check("الأخيرة.. معركة", "0-16|17-27"); /* ".." ends a sentence */
  check("الأخيرة..معركة", "0-26");        /* not without a space after it */
  check("x.y", "0-3");
  check("نعم... لا", "0-9|10-14");
  /* ، ؛ : do not end a sentence; numbers keep their dots. */
  check("قال: نعم، لا؛ ربما", "0-32");
  check("بلغ 2.5 مليون في 27/6/2015 ثم", "0-41");
  check("عام 2015. ثم", "0-12|13-17");
}

static void test_closers(void **state) {
  (void)state;
  check("قال \"انتهى.\" ثم", "0-20|21-25");
  check("(انتهى.) ثم", "0-13|14-18");
  check("«انتهى؟»، ثم", "0-23");         /* comma after the closers: no end */
  check("قال: \"انتهى\". ثم", "0-21|22-26");
  check("انتهى.\"ثم", "0-16");            /* a closer glued to a word */
}

static void test_line_breaks(void **state) {
  (void)state;
  check("أ\nب", "0-2|3-5");
  check("أ\r\nب", "0-2|4-6");
  check("أ\rب", "0-2|3-5");
  check("أ\xE2\x80\xA8" "ب", "0-2|5-7");
  check("أ\n\n   \n\xC2\xA0\nب ج", "0-2|11-16");
  check("عنوان\nنعم، لا", "0-10|11-24");
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)n + 1);
  if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
    free(p);
    p = NULL;
  }
  fclose(f);
  if (p) p[n] = 0;
  *len = (size_t)n;
  return p;
}

/* The seed headline of rule 8 gives four sentences. */
static void test_seed_headline(void **state) {
  (void)state;
  size_t len;
  char *doc = slurp(ALQ_TEST_SHARED "/seeds/003_e5d4fd7e6107c02a.txt", &len);
  assert_non_null(doc);
  const char *head = "تعاون مرتقب بين \"داعش\" و\"القاعدة\" بعد خسائرهم الأخيرة.. معركة \"تحرير الرقة\" قد "
                     "توحد الشتيتين.. \"خبراء أمريكيون\": سيتجاوزان التكفير المتبادل.. وليبيا شهدت بداية التقارب";
  const char *at = strstr(doc, head);
  assert_non_null(at);
  size_t off = (size_t)(at - doc);
  assert_int_equal(off, 224);
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)doc, len, &t), 0);
  check_partition(&t);
  size_t s0 = t.nsents;
  for (size_t s = 0; s < t.nsents; s++)
    if (t.sents[s].start == 224) s0 = s;
  assert_true(s0 + 4 <= t.nsents);
  const uint32_t want[4][2] = {{224, 321}, {322, 389}, {390, 473}, {474, 521}};
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(t.sents[s0 + i].start, want[i][0]);
    assert_int_equal(t.sents[s0 + i].end, want[i][1]);
  }
  assert_int_equal(off + strlen(head), 521);
  /* The quotes of the headline are paired and و is a joiner. */
  for (size_t i = t.sents[s0].tok_first; i < t.sents[s0 + 3].tok_first; i++) {
    const alq_token *k = &t.toks[i];
    if (k->kind == ALQ_TOK_QUOTE) assert_true(k->flags & (ALQ_TF_OPEN_QUOTE | ALQ_TF_CLOSE_QUOTE));
    if (k->end - k->start == 2 && memcmp(doc + k->start, "و", 2) == 0) assert_true(k->flags & ALQ_TF_JOINER);
  }
  alq_arena_free(&a);
  free(doc);
}

/* Each distinct gold claim span must be exactly one sentence. */
static void test_gold_spans(void **state) {
  (void)state;
  json_error_t jerr;
  FILE *f = fopen(ALQ_TEST_SHARED "/gold/seeds.claims.jsonl", "r");
  assert_non_null(f);
  char line[8192], cur[256] = "";
  char *doc = NULL;
  size_t len = 0, total = 0, matched = 0;
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  alq_text t;
  memset(&t, 0, sizeof t);
  uint32_t seen[512][2];
  size_t nseen = 0;
  while (fgets(line, sizeof line, f)) {
    json_t *o = json_loads(line, 0, &jerr);
    if (!o) continue;
    const char *id = json_string_value(json_object_get(o, "doc"));
    json_t *sp = json_object_get(o, "span");
    assert_non_null(id);
    uint32_t s = (uint32_t)json_integer_value(json_array_get(sp, 0));
    uint32_t e = (uint32_t)json_integer_value(json_array_get(sp, 1));
    if (strcmp(id, cur) != 0) {
      char path[512];
      snprintf(path, sizeof path, "%s/seeds/%s.txt", ALQ_TEST_SHARED, id);
      free(doc);
      alq_arena_reset(&a);
      doc = slurp(path, &len);
      assert_non_null(doc);
      assert_int_equal(alq_text_analyze(&a, (const uint8_t *)doc, len, &t), 0);
      check_partition(&t);
      snprintf(cur, sizeof cur, "%s", id);
      nseen = 0;
    }
    int dup = 0;
    for (size_t i = 0; i < nseen && !dup; i++) dup = seen[i][0] == s && seen[i][1] == e;
    if (!dup && nseen < 512) {
      seen[nseen][0] = s;
      seen[nseen][1] = e;
      nseen++;
      total++;
      int found = 0;
      for (size_t i = 0; i < t.nsents && !found; i++) found = t.sents[i].start == s && t.sents[i].end == e;
      if (found) matched++;
      else fprintf(stderr, "gold span %s [%u, %u) is not a sentence\n", id, s, e);
    }
    json_decref(o);
  }
  fclose(f);
  free(doc);
  alq_arena_free(&a);
  fprintf(stderr, "gold spans matched: %zu of %zu\n", matched, total);
  assert_true(total > 0);
  assert_int_equal(matched, total);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_terminators),
    cmocka_unit_test(test_closers),
    cmocka_unit_test(test_line_breaks),
    cmocka_unit_test(test_seed_headline),
    cmocka_unit_test(test_gold_spans),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
