/* The mention pass's shortcuts (src/extract/mentions.c: the list of the
 * matches the loop stops at, the mentions made where they are found, the
 * cue tests inline, the tanween tests sixteen byte pairs at a time, the
 * merge of the sorted streams) against the same pass built without them
 * (compiled here with ALQ_EXTRACT_NO_FAST, its public names renamed): on
 * the bundled news, the seeds, the dev2 articles and corpus articles, each
 * document is analyzed, scanned and its chrome and dates found once, and
 * both passes run from that same state; their mentions (with groups),
 * nested persons, per-token mention indexes and story facts must be equal. */
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

/* the reference: mentions.c without its shortcuts */
#define ALQ_EXTRACT_NO_FAST 1
#define x_mentions ref_x_mentions
#define x_person_org ref_x_person_org
#define x_ment_has_clitic ref_x_ment_has_clitic
#include "../../src/extract/mentions.c"
#undef x_mentions
#undef x_person_org
#undef x_ment_has_clitic
int x_mentions(struct alq_extractor *x);
int x_person_org(const struct alq_extractor *x, const ment *p);

#include "extract_fixture.h"   /* lex, ex, setup, teardown */
#include "corpus_walk.h"
static size_t ndocs, nments_seen, nsurnames_seen, ntokwords_seen, nexact_seen;

static void same_ment(const ment *a, const ment *b) {
  assert_int_equal(a->start, b->start);
  assert_int_equal(a->end, b->end);
  assert_int_equal(a->tf, b->tf);
  assert_int_equal(a->tl, b->tl);
  assert_int_equal(a->kind, b->kind);
  assert_int_equal(a->actor, b->actor);
  assert_int_equal(a->match, b->match);
  assert_true(a->id == b->id || (a->id && b->id && !strcmp(a->id, b->id)));
  assert_true(a->type == b->type || (a->type && b->type && !strcmp(a->type, b->type)));
  assert_int_equal(a->group, b->group);
  assert_int_equal(a->sent, b->sent);
}

static void check_doc(const char *id, const char *text, size_t len, const char *date) {
  alq_doc d = {id, text, len, date, NULL};
  assert_int_equal(x_begin(ex, &d), 0);
  assert_int_equal(x_chrome(ex), 0);
  size_t nt = ex->text.ntoks;
  /* x_mentions writes tok_ment in place: keep the state before */
  /* the scan's answer for every token's own form (alq_lex_tok_word_entries)
     against the word table's (alq_lex_word_entries), the same entries */
  for (size_t i = 0; i < nt; i++) {
    const alq_token *tk = &ex->text.toks[i];
    const alq_lexent *e1 = NULL, *e0 = NULL;
    uint32_t n1 = 0;
    int told = alq_lex_tok_word_entries(ex->lex, &ex->scan, &ex->text, i, &n1, &e1);
    int word = tk->kind == ALQ_TOK_ARABIC || tk->kind == ALQ_TOK_LATIN || tk->kind == ALQ_TOK_NUMBER;
    assert_int_equal(told, word);   /* every word token is answered */
    if (!told) continue;
    uint32_t n0 = alq_lex_word_entries(ex->lex, ex->text.norm + tk->nstart, tk->nlen, &e0);
    assert_int_equal(n1, n0);
    if (n0) assert_ptr_equal(e1, e0);
    ntokwords_seen++;
    nexact_seen += n0 != 0;
  }
  int32_t *tm0 = malloc((nt + 1) * sizeof *tm0);
  assert_non_null(tm0);
  memcpy(tm0, ex->tok_ment, (nt + 1) * sizeof *tm0);
  struct alq_extractor snap = *ex;
  assert_int_equal(x_mentions(ex), 0);
  struct alq_extractor fast = *ex;
  int32_t *tm1 = malloc((nt + 1) * sizeof *tm1);
  assert_non_null(tm1);
  memcpy(tm1, ex->tok_ment, (nt + 1) * sizeof *tm1);
  int *org1 = malloc((fast.nments + 1) * sizeof *org1);
  assert_non_null(org1);
  for (size_t i = 0; i < fast.nments; i++) org1[i] = x_person_org(ex, &fast.ments[i]);
  /* (the fast run's mentions stay in the arena, which only grows until the next reset) */
  snap.arena = ex->arena;
  *ex = snap;
  memcpy(ex->tok_ment, tm0, (nt + 1) * sizeof *tm0);
  assert_int_equal(ref_x_mentions(ex), 0);
  if (fast.nments != ex->nments) fprintf(stderr, "%s: %zu mentions, reference %zu\n", id, fast.nments, ex->nments);
  assert_int_equal(fast.nments, ex->nments);
  for (size_t i = 0; i < ex->nments; i++) {
    same_ment(&fast.ments[i], &ex->ments[i]);
    assert_int_equal(org1[i], ref_x_person_org(ex, &ex->ments[i]));
    nsurnames_seen += ex->ments[i].kind == MK_PERSON && ex->ments[i].tf == ex->ments[i].tl;
  }
  assert_int_equal(fast.nnested, ex->nnested);
  for (size_t i = 0; i < ex->nnested; i++) same_ment(&fast.nested[i], &ex->nested[i]);
  assert_memory_equal(tm1, ex->tok_ment, nt * sizeof *tm1);
  assert_int_equal(fast.focus_state, ex->focus_state);
  assert_int_equal(fast.yemen_story, ex->yemen_story);
  assert_int_equal(fast.coalition_default, ex->coalition_default);
  assert_int_equal(fast.ncommon, ex->ncommon);
  assert_memory_equal(fast.common_sense, ex->common_sense, sizeof ex->common_sense);
  nments_seen += ex->nments;
  ndocs++;
  free(tm0);
  free(tm1);
  free(org1);
}

static void test_mentions_same(void **state) {
  (void)state;
  walk_corpora(check_doc);
  static const char *const tiny[] = {"", " ", "\n", "قال", "الرئيس", "قال محمد", "ً", "سوريًا"};
  for (size_t i = 0; i < sizeof tiny / sizeof *tiny; i++) check_doc("tiny", tiny[i], strlen(tiny[i]), NULL);
  fprintf(stderr, "%zu documents, %zu mentions (%zu one-word persons) compared\n", ndocs, nments_seen,
          nsurnames_seen);
  fprintf(stderr, "%zu word tokens' own entries compared (%zu with entries)\n", ntokwords_seen, nexact_seen);
  assert_true(ndocs >= 100 && nments_seen > 10000 && nsurnames_seen > 100);
  assert_true(ntokwords_seen > 100000 && nexact_seen > 10000);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_mentions_same),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
