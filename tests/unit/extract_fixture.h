/* Shared by the cmocka tests that run the extractor on made-up texts
 * (test_extract.c, test_claims.c, test_mentions.c): one lexicon and one
 * extractor for the group, a call that extracts a text, and a claim lookup.
 * Include after <cmocka.h> and "alaqat.h". */
#ifndef ALQ_TEST_EXTRACT_FIXTURE_H
#define ALQ_TEST_EXTRACT_FIXTURE_H

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

/* Extracts text as document "t" with the given dateline (or NULL). */
static inline const alq_result *extract_text(const char *text, const char *date) {
  alq_doc d = {"t", text, strlen(text), date, NULL};
  const alq_result *res;
  alq_error err;
  assert_int_equal(alq_extract(ex, &d, &res, &err), 0);
  return res;
}

/* The claim of type `type` between a and b (either order), or NULL. */
static inline const alq_claim *find(const alq_result *r, const char *a, const char *b, const char *type) {
  for (size_t i = 0; i < r->nclaims; i++) {
    const alq_claim *c = &r->claims[i];
    if (strcmp(c->type, type)) continue;
    if ((!strcmp(c->a, a) && !strcmp(c->b, b)) || (!strcmp(c->a, b) && !strcmp(c->b, a))) return c;
  }
  return NULL;
}
#endif
