/* Sentence boundaries over the token array (CLAIMS.md rule 8): a terminator
 * followed, after closing quotes and brackets, by whitespace or the end of
 * text ends a sentence; so does every line break. */
#include <string.h>
#include "alaqat.h"
#include "text/text_internal.h"

/* . .. ... … ! ? ؟ (a dot run starts with . or …). Numbers hold their own
 * dots, so "2.5" never gets here. */
static int is_terminator(const alq_text *t, const alq_token *k) {
  if (k->kind != ALQ_TOK_PUNCT) return 0;
  const uint8_t *s = t->src + k->start;
  size_t n = k->end - k->start;
  if (s[0] == '.' || s[0] == '!' || s[0] == '?') return 1;
  if (n >= 2 && s[0] == 0xD8 && s[1] == 0x9F) return 1;                 /* ؟ */
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6) return 1; /* … */
  return 0;
}

static int is_closer(const alq_text *t, const alq_token *k) {
  if (k->kind == ALQ_TOK_QUOTE) return 1;
  if (k->kind != ALQ_TOK_PUNCT) return 0;
  int32_t cp;
  size_t cl;
  return alq_text_peek(t->src, k->end, k->start, &cp, &cl) == ALQ_CC_CLOSE;
}

int alq_text_split_sentences(alq_arena *a, alq_text *t) {
  size_t n = t->ntoks, cap = 0, ns = 0;
  alq_sentence *sents = NULL;
  alq_token *k = t->toks;
  size_t first = 0;
  for (size_t i = 0; i < n; i++) {
    /* most tokens end nothing: not the last, no line break after, no
       punctuation (a terminator is punctuation) */
    /* (a token's sent field, still unset, holds the number of words after
       it in a run of Arabic words separated by single spaces: none of them
       is punctuation or has a line break before it, the last one may end
       the sentence) */
    while (i + 1 < n && !(k[i + 1].flags & ALQ_TF_NEWLINE_BEFORE) && k[i].kind != ALQ_TOK_PUNCT) {
      uint32_t run = k[i].sent;
      i += run ? run : 1;
    }
    size_t last = i; /* the sentence, if it ends here, ends with token `last` */
    int ends = (i + 1 == n) || (k[i + 1].flags & ALQ_TF_NEWLINE_BEFORE);
    if (!ends && is_terminator(t, &k[i])) {
      size_t j = i + 1;
      while (j < n && !(k[j].flags & ALQ_TF_SPACE_BEFORE) && is_closer(t, &k[j])) j++;
      if (j == n || (k[j].flags & ALQ_TF_SPACE_BEFORE)) {
        ends = 1;
        last = j - 1;
      }
    }
    if (!ends) continue;
    if (ns == cap) {
      size_t nc = cap ? cap * 2 : 16;
      if (nc > SIZE_MAX / sizeof *sents) return ALQ_ENOMEM;
      alq_sentence *p = alq_arena_alloc(a, nc * sizeof *p);
      if (!p) return ALQ_ENOMEM;
      if (ns) memcpy(p, sents, ns * sizeof *p);
      sents = p;
      cap = nc;
    }
    alq_sentence *se = &sents[ns];
    se->start = k[first].start;
    se->end = k[last].end;
    se->tok_first = (uint32_t)first;
    se->tok_count = (uint32_t)(last + 1 - first);
    for (size_t j = first; j <= last; j++) k[j].sent = (uint32_t)ns;
    ns++;
    first = last + 1;
    i = last;
  }
  t->sents = sents;
  t->nsents = ns;
  return 0;
}
