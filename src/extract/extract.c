/* The extractor's entry point: runs text analysis and the lexicon scan once,
 * then the passes (chrome and dateline, dates, mentions, claims), and turns
 * the result into the public alq_result; also the JSON line writers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/extract.h"
#include "util/util.h"

int x_tok_is(const alq_text *t, size_t i, const char *s) {
  size_t n = strlen(s);
  return t->toks[i].nlen == n && memcmp(t->norm + t->toks[i].nstart, s, n) == 0;
}

int x_definite(const alq_text *t, size_t i) {
  if (t->toks[i].kind != ALQ_TOK_ARABIC || t->toks[i].nlen < 6) return 0;
  const char *w = t->norm + t->toks[i].nstart;
  if (!memcmp(w, "\xd9\x84\xd9\x84", 4) || !memcmp(w, "\xd8\xa7\xd9\x84", 4)) return 1;   /* لل ال */
  int clitic = !memcmp(w, X_WAW, 2) || !memcmp(w, X_BA, 2) || !memcmp(w, "\xd9\x81", 2) || !memcmp(w, "\xd9\x83", 2);
  return clitic && t->toks[i].nlen >= 8 && !memcmp(w + 2, "\xd8\xa7\xd9\x84", 4);
}

/* @x_ent-begin */
/* The match's kind/class masks (computed once by the scanner) answer most
 * lookups without touching the entries. */
/* @x_ent-end */

int alq_extractor_new(alq_extractor **out, const alq_lexicon *lex) {
  return alq_extractor_new_sharing(out, lex, NULL);
}

int alq_extractor_new_sharing(alq_extractor **out, const alq_lexicon *lex, alq_extractor *with) {
  *out = NULL;
  if (!lex || (with && with->lex != lex)) return ALQ_EINVAL;
  alq_extractor *x = calloc(1, sizeof *x);
  if (!x) return ALQ_ENOMEM;
  x->lex = lex;
  /* hard cap per document keeps memory bounded on hostile input */
  alq_arena_init(&x->arena, 1 << 20, (size_t)4 << 30);
  /* (the cache is optional: NULL scans without it) */
  x->lcache = with && with->lcache ? alq_lex_cache_ref(with->lcache) : alq_lex_cache_new();
  *out = x;
  return 0;
}

void alq_extractor_free(alq_extractor *x) {
  if (!x) return;
  alq_arena_free(&x->arena);
  alq_lex_cache_free(x->lcache);
  free(x);
}

static int build_outputs(alq_extractor *x) {
  /* mentions: sorted by start (they are produced in order) */
  x->outm = alq_arena_calloc(&x->arena, x->nments + x->nnested + 1, sizeof *x->outm);
  if (!x->outm) return ALQ_ENOMEM;
  x->noutm = 0;
  /* both lists are sorted by start: merge them (a nested person goes
     after the actor that holds it) */
  for (size_t i = 0, j = 0; i < x->nments || j < x->nnested;) {
    const ment *mt = (j >= x->nnested || (i < x->nments && x->ments[i].start <= x->nested[j].start))
                         ? &x->ments[i++] : &x->nested[j++];
    if (x->si[mt->sent].chrome == 1) continue;
    alq_mention *o = &x->outm[x->noutm++];
    o->span[0] = mt->start; o->span[1] = mt->end;
    o->id = mt->id; o->type = mt->type;
  }
  x->issues = alq_arena_calloc(&x->arena, x->text.nissues + 1, sizeof *x->issues);
  if (!x->issues) return ALQ_ENOMEM;
  x->nissues = 0;
  for (size_t i = 0; i < x->text.nissues; i++) {
    alq_issue *o = &x->issues[x->nissues++];
    o->code = x->text.issues[i].code;
    o->offset = x->text.issues[i].offset;
    o->msg = o->code == ALQ_EBINARY ? "NUL byte (binary data?)" : "invalid UTF-8 byte";
  }
  return 0;
}

/* The per-document state before the passes: a fresh extractor state (the
 * lexicon, arena and cache kept), the text analyzed, the lexicon scanned and
 * the per-token indexes. Used by alq_extract and by the fast-path tests. */
int x_begin(struct alq_extractor *x, const alq_doc *doc) {
  alq_arena_reset(&x->arena);
  struct alq_extractor keep = *x;
  memset(x, 0, sizeof *x);
  x->lex = keep.lex; x->arena = keep.arena; x->lcache = keep.lcache;
  x->doc = doc;
  x->focus[0] = x->focus[1] = -1;
  x->strong[0] = x->strong[1] = -1;
  x->sides[0] = x->sides[1] = -1;
  x->head_pair[0] = x->head_pair[1] = -1;
  x->last_actor = x->last_org = x->last_state = x->last_coalition = -1;
  x->last_org_militia = 0;
  int rc = alq_text_analyze(&x->arena, (const uint8_t *)doc->text, doc->len, &x->text);
  if (rc) return rc;
  long nm = alq_lex_scan_ci(x->lex, x->lcache, &x->text, 0, x->text.ntoks, &x->arena, &x->m, &x->scan);
  if (nm < 0) return (int)nm;
  x->nm = (size_t)nm;
  size_t nt = x->text.ntoks;
  x->tok_match = alq_arena_alloc(&x->arena, (nt + 1) * sizeof *x->tok_match);
  x->tok_ment = alq_arena_alloc(&x->arena, (nt + 1) * sizeof *x->tok_ment);
  x->tok_cues = alq_arena_alloc(&x->arena, (nt + 1) * sizeof *x->tok_cues);
  x->si = alq_arena_calloc(&x->arena, x->text.nsents + 1, sizeof *x->si);
  if (!x->tok_match || !x->tok_ment || !x->tok_cues || !x->si) return ALQ_ENOMEM;
  for (size_t i = 0; i < nt; i++) { x->tok_match[i] = -1; x->tok_ment[i] = -1; x->tok_cues[i] = 0; }
  /* (speed) and the lists of the matches the date and mention passes read
     (x->date_ms, x->ment_ms) */
  x->date_ms = alq_arena_alloc(&x->arena, (x->nm + 1) * sizeof *x->date_ms);
  x->ment_ms = alq_arena_alloc(&x->arena, (x->nm + 1) * sizeof *x->ment_ms);
  if (!x->date_ms || !x->ment_ms) return ALQ_ENOMEM;
  size_t nd = 0, nmt = 0;
  for (size_t k = 0; k < x->nm; k++) {
    const alq_match *mk = &x->m[k];
    uint64_t cues = mk->cues;
    uint32_t kinds = mk->kinds;
    if ((kinds & (1u << ALQ_LK_MONTH)) || (cues & DATE_START_CUES)) x->date_ms[nd++] = (uint32_t)k;   /* (few) */
    /* (a third of the matches, at random: without a branch) */
    x->ment_ms[nmt] = (uint32_t)k;
    nmt += ((kinds & ((1u << ALQ_LK_ACTOR) | (1u << ALQ_LK_PLACE))) != 0) | ((cues & MENTION_CUES) != 0);
    for (uint32_t i = mk->tok_first; i <= mk->tok_last; i++) {
      x->tok_match[i] = (int32_t)k;
      x->tok_cues[i] = cues;
    }
  }
  x->ndate_ms = nd;
  x->nment_ms = nmt;
  return 0;
}

int alq_extract(alq_extractor *x, const alq_doc *doc, const alq_result **out, alq_error *err) {
  *out = NULL;
  if (!x || !doc || (!doc->text && doc->len))
    return alq_error_set(err, ALQ_EINVAL, doc && doc->id ? doc->id : "", -1, "bad argument");
  if (doc->len > UINT32_MAX - 16)
    return alq_error_set(err, ALQ_EINVAL, doc->id, -1, "document larger than 4 GB");
  int rc = x_begin(x, doc);
  if (rc) goto fail;
  if ((rc = x_chrome(x))) goto fail;
  if ((rc = x_mentions(x))) goto fail;
  if ((rc = x_claims(x))) goto fail;
  if ((rc = build_outputs(x))) goto fail;
  x->res.claims = x->claims; x->res.nclaims = x->nclaims;
  x->res.mentions = x->outm; x->res.nmentions = x->noutm;
  x->res.issues = x->issues; x->res.nissues = x->nissues;
  x->res.date = x->doc_date[0] ? x->doc_date : NULL;
  x->res.title[0] = x->title[0]; x->res.title[1] = x->title[1];
  *out = &x->res;
  return 0;
fail:
  return alq_error_set(err, rc, doc->id ? doc->id : "", -1,
                       rc == ALQ_ENOMEM ? "out of memory (document too large?)" : "extraction failed");
}

/* ---- JSON lines (written by src/util/json_out.c) ---------------------- */

static size_t finish(alq_buf *b, char *buf, size_t cap) {
  size_t n = b->len;
  if (cap) {
    size_t c = n < cap - 1 ? n : cap - 1;
    if (c) memcpy(buf, b->p, c);
    buf[c] = 0;
  }
  alq_buf_free(b);
  return n;
}

size_t alq_claim_json(char *buf, size_t cap, const char *doc_id, const alq_claim *c) {
  alq_buf b = {0};
  alq_claim_json_append(&b, doc_id, c);
  return finish(&b, buf, cap);
}

size_t alq_mention_json(char *buf, size_t cap, const char *doc_id, const char *text,
                        const alq_mention *m) {
  alq_buf b = {0};
  alq_mention_json_append(&b, doc_id, text + m->span[0], m->span[1] - m->span[0], m);
  return finish(&b, buf, cap);
}
