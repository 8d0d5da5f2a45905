/* x_tok_ent's cue-class shortcut (the per-token copy of the covering
 * match's cue mask, alq_extractor.tok_cues) against the plain lookup through
 * tok_match and x_ent, for every token and cue class of the bundled news
 * after alq_extract; and the per-token mention index (tok_ment, re-indexed
 * after the mentions are sorted without being reset first) against one
 * built from scratch. */
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
#include "extract/extract.h"
#include "util/util.h"

static void test_tok_cues(void **state) {
  (void)state;
  alq_error err = {0};
  alq_lexicon *lex;
  assert_int_equal(alq_lexicon_open(&lex, ALQ_TEST_DATADIR, &err), 0);
  alq_extractor *x;
  assert_int_equal(alq_extractor_new(&x, lex), 0);
  DIR *d = opendir(ALQ_TEST_SRCDIR "/examples/news");
  assert_non_null(d);
  struct dirent *de;
  size_t checked = 0, found = 0;
  while ((de = readdir(d))) {
    if (!strstr(de->d_name, ".txt")) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/news/%s", ALQ_TEST_SRCDIR, de->d_name);
    char *s;
    size_t n;
    assert_int_equal(alq_read_file(path, &s, &n, 0, &err), 0);
    alq_doc doc = {de->d_name, s, n, NULL, NULL};
    const alq_result *res;
    assert_int_equal(alq_extract(x, &doc, &res, &err), 0);
    for (size_t i = 0; i <= x->text.ntoks; i++) /* one past the end too */
      for (int cls = -1; cls < ALQ_CUE__COUNT; cls++) {
        int32_t k = i < x->text.ntoks ? x->tok_match[i] : -1;
        const alq_lexent *want = k >= 0 ? x_ent(x, k, ALQ_LK_CUE, cls) : NULL;
        assert_ptr_equal(x_tok_ent(x, i, ALQ_LK_CUE, cls), want);
        checked++;
        found += want != NULL;
      }
    free(s);
  }
  closedir(d);
  assert_true(checked > 10000 && found > 100);
  alq_extractor_free(x);
  alq_lexicon_free(lex);
}

static void test_tok_ment(void **state) {
  (void)state;
  alq_error err = {0};
  alq_lexicon *lex;
  assert_int_equal(alq_lexicon_open(&lex, ALQ_TEST_DATADIR, &err), 0);
  alq_extractor *x;
  assert_int_equal(alq_extractor_new(&x, lex), 0);
  DIR *d = opendir(ALQ_TEST_SRCDIR "/examples/news");
  assert_non_null(d);
  struct dirent *de;
  size_t covered = 0;
  while ((de = readdir(d))) {
    if (!strstr(de->d_name, ".txt")) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/news/%s", ALQ_TEST_SRCDIR, de->d_name);
    char *s;
    size_t n;
    assert_int_equal(alq_read_file(path, &s, &n, 0, &err), 0);
    alq_doc doc = {de->d_name, s, n, NULL, NULL};
    const alq_result *res;
    assert_int_equal(alq_extract(x, &doc, &res, &err), 0);
    size_t nt = x->text.ntoks;
    int32_t *want = malloc((nt + 1) * sizeof *want);
    assert_non_null(want);
    for (size_t i = 0; i < nt; i++) want[i] = -1;
    for (size_t i = 0; i < x->nments; i++)
      for (uint32_t k = x->ments[i].tf; k <= x->ments[i].tl; k++) want[k] = (int32_t)i;
    for (size_t i = 0; i < nt; i++) {
      assert_int_equal(x->tok_ment[i], want[i]);
      covered += want[i] >= 0;
    }
    free(want);
    free(s);
  }
  closedir(d);
  assert_true(covered > 100);
  alq_extractor_free(x);
  alq_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_tok_cues), cmocka_unit_test(test_tok_ment)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
