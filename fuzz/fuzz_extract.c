/* Fuzz target: the whole extractor (mentions, claims, dates, chrome) over
 * the lexicons of data/ ($ALAQAT_DATA, else the source tree's data/). */
#include <stdio.h>
#include <stdlib.h>
#include "alaqat.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static alq_lexicon *lex;
  static alq_extractor *ex;
  if (!lex) {
    alq_error err = {0};
    if (alq_lexicon_open(&lex, NULL, &err) || alq_extractor_new(&ex, lex)) {
      fprintf(stderr, "fuzz_extract: cannot load the lexicons: %s\n", err.msg);
      abort();
    }
  }
  alq_doc doc = {"fuzz", (const char *)data, size, NULL, NULL};
  const alq_result *r;
  alq_error err = {0};
  if (alq_extract(ex, &doc, &r, &err) == 0) {
    for (size_t i = 0; i < r->nclaims; i++) {
      const alq_claim *c = &r->claims[i];
      if (c->span[0] > c->span[1] || c->span[1] > size || c->trigger[1] > size || !c->a || !c->b) abort();
    }
    for (size_t i = 0; i < r->nmentions; i++)
      if (r->mentions[i].span[0] > r->mentions[i].span[1] || r->mentions[i].span[1] > size) abort();
  }
  return 0;
}
