/* The claims pass's shortcuts (src/extract/claims.c) against the same pass
 * built without them (compiled here with ALQ_EXTRACT_NO_FAST, x_claims
 * renamed): on the bundled news, the seeds and the dev2 articles, every
 * document is analyzed, scanned and its mentions found once, and then both
 * passes run from that same state; their claims (as JSON lines) and the
 * state they leave for later sentences must be identical. */
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

/* the reference: claims.c without its shortcuts */
#define ALQ_EXTRACT_NO_FAST 1
#define x_claims ref_x_claims
#include "../../src/extract/claims.c"
#undef x_claims
int x_claims(struct alq_extractor *x);

#include "extract_fixture.h"   /* lex, ex, setup, teardown */
#define ALQ_TEST_CORPUS_MAX 100000   /* every article of the corpus */
#include "corpus_walk.h"
static size_t ndocs, nclaims_seen;

/* alq_extract's steps before the claims pass (src/extract/extract.c) */
static void before_claims(alq_extractor *x, const alq_doc *doc) {
  assert_int_equal(x_begin(x, doc), 0);
  assert_int_equal(x_chrome(x), 0);
  assert_int_equal(x_mentions(x), 0);
}

static char *claims_json(const alq_extractor *x) {
  alq_buf b = {0};
  for (size_t i = 0; i < x->nclaims; i++) alq_claim_json_append(&b, x->doc->id, &x->claims[i]);
  assert_int_equal(alq_buf_reserve(&b, 1), 0);
  b.p[b.len] = 0;
  return b.p;
}

/* last_org_militia, found as org_militia would find it when the fast pass
   left it -1 (not asked) */
static int militia_known(const alq_extractor *x) {
  if (x->last_org_militia >= 0) return x->last_org_militia;
  return militia_head(x, x->last_org_tf) || (x->last_org_after_first && militia_head(x, x->last_org_tf - 1));
}

/* the state x_claims leaves (read by nothing after it today, compared so
   that a shortcut cannot change it unseen) */
static void same_state(const alq_extractor *a, const alq_extractor *b) {
  assert_memory_equal(a->focus, b->focus, sizeof a->focus);
  assert_memory_equal(a->strong, b->strong, sizeof a->strong);
  assert_memory_equal(a->head_pair, b->head_pair, sizeof a->head_pair);
  assert_int_equal(a->last_actor, b->last_actor);
  assert_int_equal(a->last_org, b->last_org);
  assert_int_equal(a->last_state, b->last_state);
  assert_int_equal(militia_known(a), militia_known(b));
  assert_true(a->last_src == b->last_src || (a->last_src && b->last_src && !strcmp(a->last_src, b->last_src)));
  assert_true(a->last_anon == b->last_anon || (a->last_anon && b->last_anon && !strcmp(a->last_anon, b->last_anon)));
}

/* received's shortcut: where no_relative_near says so, relative_after
   finds nothing (after every token of every sentence, not only triggers) */
static size_t nrel_checked, nrel_found;
static void relative_checks(alq_extractor *x) {
  for (size_t s = 0; s < x->text.nsents; s++) {
    const alq_sentence *se = &x->text.sents[s];
    ctx c = {x, se->tok_first, (size_t)se->tok_first + se->tok_count, (uint32_t)s, NULL, 0, {{0}, {{0}}, 0}, 0,
             {{0}, {{0}}, 0}, 0, 0};
    for (size_t tl = c.s_first; tl < c.s_end; tl++) {
      size_t k = relative_after(&c, tl);
      if (no_relative_near(&c, tl)) assert_int_equal(k, 0);
      nrel_checked++;
      nrel_found += k != 0;
    }
  }
}

static void check_doc(const char *id, const char *text, size_t len, const char *date) {
  alq_doc d = {id, text, len, date, NULL};
  before_claims(ex, &d);
  struct alq_extractor snap = *ex;
  relative_checks(ex);
  assert_int_equal(x_claims(ex), 0);
  struct alq_extractor fast = *ex;
  char *fj = claims_json(ex);
  snap.arena = ex->arena;   /* (it only grows until the next reset: the fast run's claims stay) */
  *ex = snap;
  assert_int_equal(ref_x_claims(ex), 0);
  char *rj = claims_json(ex);
  if (strcmp(fj, rj)) fprintf(stderr, "claims differ in %s:\n--- fast\n%s--- reference\n%s", id, fj, rj);
  assert_string_equal(fj, rj);
  same_state(&fast, ex);
  nclaims_seen += ex->nclaims;
  ndocs++;
  free(fj);
  free(rj);
}

static void test_claims_same(void **state) {
  (void)state;
  walk_corpora(check_doc);
  fprintf(stderr, "%zu documents, %zu claims compared\n", ndocs, nclaims_seen);
  fprintf(stderr, "relative_after: %zu tokens, %zu found\n", nrel_checked, nrel_found);
  assert_true(ndocs >= 12 && nclaims_seen > 20);
  assert_true(nrel_found > 100);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_claims_same),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
