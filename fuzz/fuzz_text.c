/* Fuzz target: the text layer (tokenizer, normalizer, sentence splitter). */
#include <stdlib.h>
#include "fuzz.h"
#include "text/text.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static alq_arena a;
  static int init;
  if (!init) { alq_arena_init(&a, 1 << 16, (size_t)1 << 30); init = 1; }
  alq_text t;
  if (alq_text_analyze(&a, data, size, &t) == 0) {
    /* every token and sentence lies inside the input */
    for (size_t i = 0; i < t.ntoks; i++)
      if (t.toks[i].start > t.toks[i].end || t.toks[i].end > size) abort();
    for (size_t i = 0; i < t.nissues; i++)
      if (t.issues[i].offset >= size) abort();
  }
  alq_arena_reset(&a);
  return 0;
}
