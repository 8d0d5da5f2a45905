/* The chrome pass's shortcut (src/extract/chrome.c: one walk over each
 * line's tokens for its word signature and the number tokens the date pass
 * reads, x->num_toks) against the same pass built without it (compiled
 * here with ALQ_EXTRACT_NO_FAST, x_chrome renamed: the signature by the
 * plain loop, and the date pass finding the numbers itself): from the same
 * analyzed and scanned document, on the bundled news, the seeds, the dev2
 * articles and corpus articles, both must mark the same sentences, find the
 * same title, document date and dates (resolved). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include "alaqat.h"
#include "extract/extract.h"
#include "util/util.h"

/* the reference: chrome.c without its shortcut */
#define ALQ_EXTRACT_NO_FAST 1
#define x_chrome ref_x_chrome
#include "../../src/extract/chrome.c"
#undef x_chrome
int x_chrome(struct alq_extractor *x);

#include "extract_fixture.h"   /* lex, ex, setup, teardown */
#include "corpus_walk.h"
#include "date_cmp.h"       /* same_date */
static size_t ndocs, ndates_seen, nchrome_seen;

static size_t nranges_seen;
static uint32_t rng = 4242;
static uint32_t next_rand(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

/* words_sig_nums against words_sig and a plain walk for the numbers, on
   tokens [a, b] */
static void check_range(const alq_text *t, uint32_t a, uint32_t b, uint32_t *num) {
  uint32_t n1, n2;
  size_t nn = 1;   /* (appends after what is there) */
  num[0] = 12345;
  uint64_t s1 = words_sig(t, a, b, &n1), s2 = words_sig_nums(t, a, b, &n2, num, &nn);
  assert_true(s1 == s2);
  assert_int_equal(n1, n2);
  assert_int_equal(num[0], 12345);
  size_t k = 1;
  for (uint32_t i = a; i <= b; i++)
    if (t->toks[i].kind == ALQ_TOK_NUMBER) assert_int_equal(num[k++], i);
  assert_int_equal(nn, k);
  nranges_seen++;
}

static void check_doc(const char *id, const char *text, size_t len, const char *date) {
  alq_doc d = {id, text, len, date, NULL};
  assert_int_equal(x_begin(ex, &d), 0);
  {
    const alq_text *t = &ex->text;
    uint32_t *num = malloc((t->ntoks + 2) * sizeof *num);
    assert_non_null(num);
    for (size_t s = 0; s < t->nsents; s++)
      if (t->sents[s].tok_count) check_range(t, t->sents[s].tok_first, t->sents[s].tok_first + t->sents[s].tok_count - 1, num);
    for (int r = 0; r < 20 && t->ntoks; r++) {
      uint32_t a = next_rand() % (uint32_t)t->ntoks, b = a + next_rand() % 40;
      check_range(t, a, b < t->ntoks ? b : (uint32_t)t->ntoks - 1, num);
    }
    free(num);
  }
  size_t ns = ex->text.nsents;
  /* x_chrome writes the sentence facts in place: keep them as they were */
  sent_info *si0 = malloc((ns + 1) * sizeof *si0);
  sent_info *si1 = malloc((ns + 1) * sizeof *si1);
  assert_true(si0 && si1);
  memcpy(si0, ex->si, (ns + 1) * sizeof *si0);
  struct alq_extractor snap = *ex;
  assert_int_equal(x_chrome(ex), 0);
  if (ns) assert_non_null(ex->num_toks);   /* (a text of no sentence takes the date pass's own walk) */
  struct alq_extractor fast = *ex;
  memcpy(si1, ex->si, (ns + 1) * sizeof *si1);
  snap.arena = ex->arena;   /* (it only grows until the next reset) */
  *ex = snap;
  memcpy(ex->si, si0, (ns + 1) * sizeof *si0);
  assert_int_equal(ref_x_chrome(ex), 0);
  assert_memory_equal(si1, ex->si, (ns + 1) * sizeof *si1);
  assert_memory_equal(fast.title, ex->title, sizeof ex->title);
  assert_int_equal(fast.doc_y, ex->doc_y);
  assert_int_equal(fast.doc_m, ex->doc_m);
  assert_int_equal(fast.doc_d, ex->doc_d);
  assert_string_equal(fast.doc_date, ex->doc_date);
  if (fast.ndates != ex->ndates) fprintf(stderr, "%s: %zu dates, reference %zu\n", id, fast.ndates, ex->ndates);
  assert_int_equal(fast.ndates, ex->ndates);
  for (size_t i = 0; i < ex->ndates; i++) same_date(&fast.dates[i], &ex->dates[i]);
  for (size_t s = 0; s < ns; s++) nchrome_seen += ex->si[s].chrome != 0;
  ndates_seen += ex->ndates;
  ndocs++;
  free(si0);
  free(si1);
}

static void test_chrome_same(void **state) {
  (void)state;
  walk_corpora(check_doc);
  static const char *const tiny[] = {"", " ", "\n\n", "2015", "1/2/2015", "قال", "«", "في 3 آذار 2015"};
  for (size_t i = 0; i < sizeof tiny / sizeof *tiny; i++) check_doc("tiny", tiny[i], strlen(tiny[i]), NULL);
  fprintf(stderr, "%zu documents, %zu dates, %zu chrome sentences, %zu signatures compared\n", ndocs, ndates_seen,
          nchrome_seen, nranges_seen);
  assert_true(ndocs >= 100 && ndates_seen > 1000 && nchrome_seen > 50 && nranges_seen > 10000);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_chrome_same),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
