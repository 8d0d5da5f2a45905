/* Mentions: actors from lexicon matches with ambiguous names decided by
 * context (a base vs al-Qaeda, a coalition vs an alliance, a country as an
 * actor vs as a place), forces and states named by a nationality adjective,
 * places (the gazetteer, and names after a naming head), dates, persons
 * (from their words: data/names.tsv given names, link words, kunyas, known
 * figures; after titles, roles and verbs of saying; later surnames; nested
 * in actor names), outlets (by name, after their type word); and
 * coordination groups (X و Y). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/extract.h"
#if defined(__SSE2__) && !defined(ALQ_EXTRACT_NO_FAST)
#include <emmintrin.h>
#endif

/* Are there at least `need` (1 or 2) Arabic marks U+064B..U+06hi (bytes
 * d9 8b .. d9 hi: from the tanween, 8b-8d, to the sukun, 92) starting in
 * src[b, e-1), their second byte before e? The byte-pair test of the
 * tanween and vocalization rules. */
static int marks_in(const alq_text *t, uint32_t b, uint32_t e, uint8_t hi, unsigned need) {
  unsigned n = 0;
#if defined(__SSE2__) && !defined(ALQ_EXTRACT_NO_FAST)
  /* (speed) sixteen pairs at a time while 17 bytes from b are in the text */
  while (b + 1 < e && (size_t)b + 17 <= t->len) {
    __m128i v0 = _mm_loadu_si128((const __m128i *)(t->src + b));
    __m128i v1 = _mm_loadu_si128((const __m128i *)(t->src + b + 1));
    /* second byte - 8b (mod 256) at most hi - 8b: in range */
    __m128i r = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v1, _mm_set1_epi8((char)0x8b)),
                                             _mm_set1_epi8((char)(hi - 0x8b))),
                               _mm_setzero_si128());
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xd9)), r));
    uint32_t pairs = e - 1 - b;   /* pairs left: positions b .. e-2 */
    if (pairs < 16) mask &= (1u << pairs) - 1;
    n += (mask != 0) + ((mask & (mask - 1)) != 0);   /* (up to two) */
    if (n >= need) return 1;
    b += 16;
  }
#endif
  for (; b + 1 < e; b++)
    if (t->src[b] == 0xd9 && t->src[b + 1] >= 0x8b && t->src[b + 1] <= hi && ++n >= need) return 1;
  return 0;
}

static int add_ment(struct alq_extractor *x, const ment *m) {
  if (x->nments == x->capments) {
    size_t cap = x->capments ? x->capments * 2 : 64;
    ment *nm = alq_arena_alloc(&x->arena, cap * sizeof *nm);
    if (!nm) return ALQ_ENOMEM;
    if (x->nments) memcpy(nm, x->ments, x->nments * sizeof *nm);
    x->ments = nm; x->capments = cap;
  }
  x->ments[x->nments] = *m;
  for (uint32_t i = m->tf; i <= m->tl; i++) x->tok_ment[i] = (int32_t)x->nments;
  x->nments++;
  return 0;
}

/* Sorts a[0..n) by start, stably (equal starts keep their order), with
 * tmp[0..n) as scratch: insertion sort of runs of 16, then merges. (An
 * insertion sort of the whole array was quadratic in a long document: its
 * dates and surname references come after all its matches.) */
static void sort_ments(ment *a, ment *tmp, size_t n) {
  enum { RUN = 16 };
  for (size_t lo = 0; lo < n; lo += RUN) {
    size_t hi = lo + RUN < n ? lo + RUN : n;
    for (size_t i = lo + 1; i < hi; i++) {
      ment v = a[i];
      size_t j = i;
      while (j > lo && a[j - 1].start > v.start) { a[j] = a[j - 1]; j--; }
      a[j] = v;
    }
  }
  ment *src = a, *dst = tmp;
  for (size_t w = RUN; w < n; w *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * w) {
      size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) dst[k++] = src[j].start < src[i].start ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    ment *sw = src; src = dst; dst = sw;
  }
  if (src != a) memcpy(a, src, n * sizeof *a);
}

#ifndef ALQ_EXTRACT_NO_FAST
/* (speed) sort_ments when its two streams are each sorted already (the
 * usual case: the matches' mentions with the dates, a[0..na), come in
 * order, and so do the surname references after them): the second stream
 * merged into the first from the back, ties after the first's (the stable
 * order). *moved gets the first index that changed; the mentions before it
 * are where they were (add_ment's marks of their tokens stand), those from
 * it on were moved. Returns 0, nothing changed, if a stream is out of order. */
static int merge_sorted_streams(ment *a, ment *tmp, size_t na, size_t n, size_t *moved) {
  for (size_t i = 1; i < n; i++)
    if (i != na && a[i].start < a[i - 1].start) return 0;
  size_t nb = n - na;
  if (!nb) { *moved = n; return 1; }
  memcpy(tmp, a + na, nb * sizeof *tmp);
  size_t i = na, j = nb, k = n;   /* (one past the next to take) */
  while (j > 0) {
    if (i > 0 && a[i - 1].start > tmp[j - 1].start) a[--k] = a[--i];
    else a[--k] = tmp[--j];
  }
  *moved = i;
  return 1;
}
#endif

/* The word token before i (skipping quotes), or SIZE_MAX. */
static size_t prev_word(const alq_text *t, size_t i) {
  while (i > 0) {
    i--;
    if (t->toks[i].kind == ALQ_TOK_QUOTE) continue;
    if (t->toks[i].sent != t->toks[i + 1].sent && t->toks[i + 1].kind != ALQ_TOK_QUOTE) return SIZE_MAX;
    return x_is_word(t, i) ? i : SIZE_MAX;
  }
  return SIZE_MAX;
}
static size_t next_word(const alq_text *t, size_t i) {
  size_t s = t->toks[i].sent;
  for (i++; i < t->ntoks && t->toks[i].sent == s; i++) {
    if (t->toks[i].kind == ALQ_TOK_QUOTE) continue;
    return x_is_word(t, i) ? i : SIZE_MAX;
  }
  return SIZE_MAX;
}

static int prev_has(const struct alq_extractor *x, size_t tok, int cls) {
  size_t p = prev_word(&x->text, tok);
  return p != SIZE_MAX && x_tok_ent(x, p, ALQ_LK_CUE, cls) != NULL;
}

/* The first proclitic letters stripped from a match (normalized bytes). */
static int stripped_starts(const struct alq_extractor *x, const alq_match *m, const char *letter) {
  if (!m->strip) return 0;
  const alq_token *tk = &x->text.toks[m->tok_first];
  const char *s = x->text.norm + tk->nstart;
  return memcmp(s, letter, 2) == 0;
}

static int has_clitic(const struct alq_extractor *x, const alq_match *m, const char *letter);

#define L_WAW "\xd9\x88"
#define L_FA "\xd9\x81"
#define L_BA "\xd8\xa8"

int x_ment_has_clitic(const struct alq_extractor *x, const ment *mt, const char *letter) {
  return mt->match >= 0 && has_clitic(x, &x->m[mt->match], letter);
}

/* Has the match a و/ف/ب/ل proclitic (attached or as a joiner token before)? */
static int has_clitic(const struct alq_extractor *x, const alq_match *m, const char *letter) {
  if (stripped_starts(x, m, letter)) return 1;
  if (stripped_starts(x, m, L_WAW) || stripped_starts(x, m, L_FA)) {
    const alq_token *tk = &x->text.toks[m->tok_first];
    if (m->strip >= 4 && memcmp(x->text.norm + tk->nstart + 2, letter, 2) == 0) return 1;
  }
  size_t i = m->tok_first;
  while (i > 0 && x->text.toks[i - 1].kind == ALQ_TOK_QUOTE) i--;
  if (i > 0 && (x->text.toks[i - 1].flags & ALQ_TF_JOINER)) {
    const alq_token *j = &x->text.toks[i - 1];
    const char *s = x->text.norm + j->nstart;
    for (uint32_t k = 0; k + 2 <= j->nlen; k += 2)
      if (!memcmp(s + k, letter, 2)) return 1;
  }
  return 0;
}

static int locative(const struct alq_extractor *x, const alq_match *m) {
  if (has_clitic(x, m, L_BA)) return 1;
  const alq_text *t = &x->text;
  /* a dateline: the line opens with the place and a comma (واشنطن، ...) */
  if ((m->tok_first == 0 || (t->toks[m->tok_first].flags & ALQ_TF_NEWLINE_BEFORE)) && m->tok_last + 1 < t->ntoks) {
    const alq_token *nt = &t->toks[m->tok_last + 1];
    if (nt->kind == ALQ_TOK_PUNCT && ((nt->nlen == 2 && !memcmp(t->norm + nt->nstart, "\xd8\x8c", 2)) ||
                                      (nt->nlen == 1 && t->norm[nt->nstart] == ',')))
      return 1;
  }
  /* (the word before, asked once: prev_word(t, m->tok_first)) */
  size_t pw = prev_word(t, m->tok_first);
  /* ما بين سوريا والعراق: a stretch of land */
  {
    size_t p = pw;
    if (p != SIZE_MAX && x->tok_match[p] >= 0) {
      const alq_match *pm = &x->m[x->tok_match[p]];
      if (pm->tok_last > pm->tok_first && x_ent(x, x->tok_match[p], ALQ_LK_CUE, ALQ_CUE_BETWEEN)) return 1;
    }
  }
  /* (a preposition of value 1, على, is the target's, not a place's: عقوبات على إيران) */
  const alq_lexent *pp = pw != SIZE_MAX ? x_tok_ent(x, pw, ALQ_LK_CUE, ALQ_CUE_PLACE_PREP) : NULL;
  if ((pp && pp->value != 1) || (pw != SIZE_MAX && x_tok_ent(x, pw, ALQ_LK_CUE, ALQ_CUE_PLACE_HEAD))) return 1;
  /* من الصين إلى سوريا: the start of a route */
  if (pw != SIZE_MAX && x_tok_ent(x, pw, ALQ_LK_CUE, ALQ_CUE_FROM)) {
    size_t nw = next_word(t, m->tok_last);
    const alq_lexent *np = nw != SIZE_MAX && nw == m->tok_last + 1 ? x_tok_ent(x, nw, ALQ_LK_CUE, ALQ_CUE_PLACE_PREP) : NULL;
    if (np && np->value == 2 && x->m[x->tok_match[nw]].tok_first == nw) return 1;
  }
  /* في كل العراق، في مختلف أنحاء سوريا: quantifiers in between */
  size_t p = pw;
  for (int k = 0; k < 2 && p != SIZE_MAX && x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_QUANTIFIER); k++) {
    size_t first = x->m[x->tok_match[p]].tok_first;
    if (prev_has(x, first, ALQ_CUE_PLACE_PREP)) return 1;
    const alq_match *qm = &x->m[x->tok_match[p]];
    if (has_clitic(x, qm, L_BA)) return 1;
    p = prev_word(&x->text, first);
  }
  return 0;
}

/* x_word_entries of token j's normalized form less its first `strip` bytes.
 * (speed) The whole form's answer is read from the scan's candidates of
 * the token (alq_lex_tok_word_entries: no hash, no cache probe). */
static inline uint32_t tok_entries(const struct alq_extractor *x, size_t j, size_t strip, const alq_lexent **e) {
  const alq_token *tk = &x->text.toks[j];
#ifndef ALQ_EXTRACT_NO_FAST
  uint32_t n;
  if (!strip && alq_lex_tok_word_entries(x->lex, &x->scan, &x->text, j, &n, e)) return n;
#endif
  return x_word_entries(x, x->text.norm + tk->nstart + strip, tk->nlen - strip, e);
}

/* Does a state's name hold a force word (الجيش التركي، القوات الروسية،
 * رئاسة أركان الجيش التركي، للبنتاغون)? */
static int force_named(const struct alq_extractor *x, const alq_match *m) {
  for (uint32_t i = m->tok_first; i <= m->tok_last; i++) {
    const alq_token *tk = &x->text.toks[i];
    size_t off = i == m->tok_first ? m->strip : 0;
    if (off >= tk->nlen) continue;
    const char *w = x->text.norm + tk->nstart + off;
    size_t wl = tk->nlen - off;
    char buf[128];
    /* ل + الجيش is written للجيش: put the article back */
    if (off && wl + 2 < sizeof buf && wl > 2 && !memcmp(w - 2, "\xd9\x84", 2) && !memcmp(w, "\xd9\x84", 2)) {
      memcpy(buf, "\xd8\xa7", 2);
      memcpy(buf + 2, w, wl);
      w = buf; wl += 2;
    }
    const alq_lexent *ents;
    uint32_t n = w == buf ? x_word_entries(x, w, wl, &ents) : tok_entries(x, i, off, &ents);
    for (uint32_t k = 0; k < n; k++)
      if (ents[k].kind == ALQ_LK_CUE && ents[k].cls == ALQ_CUE_FORCE_HEAD) return 1;
  }
  return 0;
}

/* A state's armed force named by a force word and a nationality adjective,
 * with at most one other word between (مقاتلات تركية، طائرات حربية سورية):
 * returns the force's actor (the state's FORCE id, else the state) and the
 * adjective's token in *tl, or -1. */
static int nationality_force(const struct alq_extractor *x, const alq_match *m, size_t *tl) {
  /* (the force-head cue's bit first: most matches have none) */
  if (!alq_match_may_have(m, ALQ_LK_CUE, ALQ_CUE_FORCE_HEAD) || m->tok_first != m->tok_last ||
      x_ent(x, (int)(m - x->m), ALQ_LK_ACTOR, -1) || !x_ent(x, (int)(m - x->m), ALQ_LK_CUE, ALQ_CUE_FORCE_HEAD))
    return -1;
  size_t j = next_word(&x->text, m->tok_last);
  for (int hop = 0; hop < 2 && j != SIZE_MAX; hop++) {
    int k = x->tok_match[j];
    const alq_lexent *ne = x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_NATIONALITY);
    if (ne && ne->value >= 0 && x->m[k].tok_first == j && x->m[k].tok_last == j) {
      *tl = j;
      int f = x->lex->state_force[ne->value];
      return f >= 0 ? f : ne->value;
    }
    if (k >= 0) return -1;      /* another known word: not this phrase */
    j = next_word(&x->text, j);
  }
  return -1;
}

/* Is the match written with tanween (سوريًا، عراقيًا): the accusative
 * adjective "Syrian", not the country? */
static int has_tanween(const struct alq_extractor *x, const alq_match *m) {
  const alq_text *t = &x->text;
  return marks_in(t, t->toks[m->tok_last].start, t->toks[m->tok_last].end, 0x8d, 1);
}

/* A country that "witnessed" events (شهدت سوريا، ليبيا شهدت): the scene of
 * them, a place (names.tsv place_verb, right before or after the name). */
static int scene_of(const struct alq_extractor *x, const alq_match *m) {
  size_t n = next_word(&x->text, m->tok_last);
  return prev_has(x, m->tok_first, ALQ_CUE_PLACE_VERB) ||
         (n != SIZE_MAX && x_tok_ent(x, n, ALQ_LK_CUE, ALQ_CUE_PLACE_VERB));
}

/* A state named after a border (الحدود مع سوريا، للحدود بين العراق): a place. */
static int border_of(const struct alq_extractor *x, const alq_match *m) {
  size_t p = prev_word(&x->text, m->tok_first);
  if (p == SIZE_MAX || !(x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_WITH) || x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_BETWEEN)))
    return 0;
  size_t pf = x->tok_match[p] >= 0 ? x->m[x->tok_match[p]].tok_first : p;
  return prev_has(x, pf, ALQ_CUE_PLACE_HEAD) || prev_has(x, pf, ALQ_CUE_BORDER_WORD);
}

/* Is the match the next conjunct of a place (في سورية والعراق وليبيا)? */
static int joined_to_place(const struct alq_extractor *x, const alq_match *m) {
  if (!x->nments) return 0;
  const ment *p = &x->ments[x->nments - 1];
  if (p->kind != MK_PLACE || p->tl >= m->tok_first) return 0;
  int joiner = has_clitic(x, m, L_WAW);
  for (uint32_t k = p->tl + 1; k < m->tok_first; k++) {
    const alq_token *tk = &x->text.toks[k];
    if (tk->kind == ALQ_TOK_QUOTE) continue;
    if (tk->kind == ALQ_TOK_ARABIC && x_tok_is(&x->text, k, L_WAW)) { joiner = 1; continue; }
    if (tk->kind == ALQ_TOK_PUNCT && ((tk->nlen == 2 && !memcmp(x->text.norm + tk->nstart, "\xd8\x8c", 2)) ||
                                      (tk->nlen == 1 && x->text.norm[tk->nstart] == ','))) { joiner = 1; continue; }
    return 0;
  }
  return joiner;
}

/* A place name goes on over the compass adjectives after it (ريف حلب
 * الشمالي، الشمالي الشرقي): short place-head words read with the article. */
static uint32_t place_extend(const struct alq_extractor *x, uint32_t tl) {
  const alq_text *t = &x->text;
  for (size_t j = tl + 1; j < t->ntoks && t->toks[j].sent == t->toks[tl].sent; j++) {
    const alq_token *tk = &t->toks[j];
    int32_t k = x->tok_match[j];
    if (k < 0 || !(tk->flags & ALQ_TF_SPACE_BEFORE)) break;
    const alq_match *m = &x->m[k];
    if (m->tok_first != j || m->tok_last != j || !x_ent(x, k, ALQ_LK_CUE, ALQ_CUE_PLACE_HEAD)) break;
    const char *w = t->norm + tk->nstart;
    int art = (m->strip == 4 && !memcmp(w, "\xd8\xa7\xd9\x84", 4)) ||
              (m->strip == 6 && !memcmp(w, "\xd9\x88\xd8\xa7\xd9\x84", 6));
    if (!art || tk->nlen - m->strip > 10) break;
    tl = (uint32_t)j;
  }
  return tl;
}

/* prefix + the normalized words of tokens [tf, tl], without the first
 * token's `strip` proclitic bytes: a stable id (new:تنظيم-فتح-الاسلام). */
static const char *slug_from(struct alq_extractor *x, const char *prefix, size_t tf, size_t strip, size_t tl) {
  alq_text *t = &x->text;
  char buf[256];
  size_t np = strlen(prefix), n = np < sizeof buf - 1 ? np : sizeof buf - 1;   /* (snprintf "%s") */
  memcpy(buf, prefix, n);
  for (size_t i = tf; i <= tl && i < t->ntoks && n < sizeof buf - 8; i++) {
    const alq_token *tk = &t->toks[i];
    if (!x_is_word(t, i)) continue;
    size_t off = (i == tf && strip < tk->nlen) ? strip : 0;
    if (n > np && n < sizeof buf - 1) buf[n++] = '-';
    size_t c = tk->nlen - off < sizeof buf - 1 - n ? tk->nlen - off : sizeof buf - 1 - n;
    memcpy(buf + n, t->norm + tk->nstart + off, c);
    n += c;
  }
  buf[n] = 0;
  return alq_arena_strndup(&x->arena, buf, n);
}

/* A direction right before a country's name (شمال سوريا، جنوب اليمن،
 * بشمال سورية): the two name one place, a region of the country. Returns
 * the direction's match index, or -1. */
static int direction_before(const struct alq_extractor *x, const alq_match *m) {
  const alq_text *t = &x->text;
  size_t f = m->tok_first;
  if (f == 0 || t->toks[f - 1].sent != t->toks[f].sent || !(t->toks[f].flags & ALQ_TF_SPACE_BEFORE)) return -1;
  int32_t k = x->tok_match[f - 1];
  if (k < 0 || x->m[k].tok_last != f - 1 || x->tok_ment[x->m[k].tok_first] >= 0) return -1;
  const alq_lexent *e = x_ent(x, k, ALQ_LK_CUE, ALQ_CUE_PLACE_HEAD);
  return e && e->value == 1 ? (int)k : -1;
}

static const char *slug(struct alq_extractor *x, const char *prefix, size_t tf, size_t tl) {
  return slug_from(x, prefix, tf, 0, tl);
}

/* Bare التحالف after the story has named a coalition in full (التحالف
 * الدولي، التحالف العربي) is that coalition, unless the word is the
 * relation: a pair follows (بين / مع), or it is the alliance of two actors
 * named in its sentence. */
static int coalition_named_before(const struct alq_extractor *x, const alq_match *m) {
  int named = -1;
  for (size_t i = 0; i < x->nments; i++)
    if (x->ments[i].kind == MK_ACTOR && x->ments[i].tl < m->tok_first && x->ments[i].tl > x->ments[i].tf &&
        (x->lex->actors[x->ments[i].actor].tbits & ALQ_AT_COALITION))
      named = (int)i;
  if (named < 0) return 0;
  size_t nw = next_word(&x->text, m->tok_last);
  if (nw != SIZE_MAX && (x_tok_ent(x, nw, ALQ_LK_CUE, ALQ_CUE_BETWEEN) || x_tok_ent(x, nw, ALQ_LK_CUE, ALQ_CUE_WITH)))
    return 0;
  /* two other organizations in the sentence: the word may be their alliance
     (one, the coalition's enemy, leaves it the coalition: التحالف الدولي
     لهزيمة داعش ... شريك مؤسس للتحالف) */
  const alq_sentence *se = &x->text.sents[x->text.toks[m->tok_first].sent];
  int orgs[2] = {-1, -1};
  for (size_t i = 0; i < x->nments; i++)
    if (x->ments[i].sent == x->text.toks[m->tok_first].sent && x->ments[i].kind == MK_ACTOR &&
        (x->lex->actors[x->ments[i].actor].tbits & ALQ_AT_ORG)) {
      if (orgs[0] < 0) orgs[0] = x->ments[i].actor;
      else if (x->ments[i].actor != orgs[0]) return 0;
    }
  for (size_t k = 0; k < x->nm; k++) {
    const alq_match *o = &x->m[k];
    if (o->tok_first < se->tok_first || o->tok_first >= se->tok_first + se->tok_count) continue;
    const alq_lexent *e = x_ent(x, (int)k, ALQ_LK_ACTOR, -1);
    if (e && e->value >= 0 && !(e->flags & ALQ_EF_COALITION) && (x->lex->actors[e->value].tbits & ALQ_AT_ORG)) {
      if (orgs[0] < 0) orgs[0] = e->value;
      else if (e->value != orgs[0]) return 0;
    }
  }
  (void)orgs[1];
  return 1;
}

static void common_sense_add(struct alq_extractor *x, int actor) {
  for (int i = 0; i < x->ncommon; i++) if (x->common_sense[i] == actor) return;
  if (x->ncommon < 4) x->common_sense[x->ncommon++] = actor;
}

/* Has this story used the ambiguous definite name at m as a common noun: a
 * reading blocked before, or a place named with the word as its head (the
 * place's first word, clitics off, is the name without its article)? */
static int common_sense_named(const struct alq_extractor *x, const alq_match *m, int actor) {
  for (int i = 0; i < x->ncommon; i++) if (x->common_sense[i] == actor) return 1;
  const alq_token *tk = &x->text.toks[m->tok_first];
  if (tk->nlen < (uint32_t)m->strip + 6) return 0;
  const char *w = x->text.norm + tk->nstart + m->strip;
  size_t wl = tk->nlen - m->strip;
  if (memcmp(w, "\xd8\xa7\xd9\x84", 4)) return 0;   /* ال */
  w += 4; wl -= 4;
  for (size_t i = 0; i < x->nments; i++) {
    const ment *p = &x->ments[i];
    if (p->kind != MK_PLACE || p->tl == p->tf) continue;
    const alq_token *pt = &x->text.toks[p->tf];
    size_t ps = p->match >= 0 ? x->m[p->match].strip : 0;
    if (pt->nlen == ps + wl && !memcmp(x->text.norm + pt->nstart + ps, w, wl)) return 1;
  }
  return 0;
}

/* The DATE mention of date *di (vague words, مؤخرا، الآن, are none), and
 * *di past it. A day word and its weekday right after it (أمس الجمعة،
 * اليوم (الثلاثاء)) are one mention with the weekday's value; the dates
 * stay apart for the claims' time. */
static int add_date_ment(struct alq_extractor *x, size_t *di) {
  const alq_text *t = &x->text;
  const date_expr *d = &x->dates[(*di)++];
  if (d->vague) return 0;
  ment dm = {d->start, d->end, d->tf, d->tl, MK_DATE, -1, -1, NULL, "DATE", -1, t->toks[d->tf].sent};
  const date_expr *v = d;
  if (*di < x->ndates && d->form == 'd') {
    const date_expr *w = &x->dates[*di];
    uint32_t tl = w->tl;
    int paren = d->tl + 2 == w->tf && t->toks[d->tl + 1].kind == ALQ_TOK_PUNCT && t->norm[t->toks[d->tl + 1].nstart] == '(' &&
                tl + 1 < t->ntoks && t->toks[tl + 1].kind == ALQ_TOK_PUNCT && t->norm[t->toks[tl + 1].nstart] == ')';
    if (w->form == 'w' && (d->tl + 1 == w->tf || paren) && t->toks[w->tf].sent == t->toks[d->tl].sent) {
      dm.tl = paren ? tl + 1 : tl;
      dm.end = t->toks[dm.tl].end;
      v = w;
      (*di)++;
    }
  }
  dm.id = v->iso[0] ? alq_arena_strndup(&x->arena, v->iso, strlen(v->iso)) : NULL;
  if (x->tok_ment[d->tf] >= 0) return 0;
  return add_ment(x, &dm);
}

/* Decides whether an actor match names an actor here; returns the actor
 * index or -1. */
static int resolve_actor(struct alq_extractor *x, const alq_match *m, const alq_lexent *e) {
  size_t nw;   /* the next word, for the two ambiguous kinds (next_word) */
  if ((e->flags & ALQ_EF_YEMEN_STORY) && !x->yemen_story) return -1;
  if (e->flags & ALQ_EF_GOV_STATE) return x->focus_state;
  /* "the national army": the one of the story's country where forces.tsv
     names it (Yemen's government army, Libya's LNA), else the entry's own */
  if ((e->flags & ALQ_EF_NATIONAL_ARMY) && x->focus_state >= 0 && x->lex->state_national_army[x->focus_state] >= 0)
    return x->lex->state_national_army[x->focus_state];
  if (e->flags & ALQ_EF_GOV_FORCES) {
    if (x->focus_state < 0) return -1;
    int f = x->lex->state_force[x->focus_state];
    return f >= 0 ? f : x->focus_state;
  }
  if (e->flags & ALQ_EF_COALITION) {
    /* the coalition after ضربات/غارات/قوات, or followed by its leader
       (التحالف الذي تقوده الولايات المتحدة); else the word is the relation */
    int led = 0;
    for (size_t i = m->tok_last + 1; i < x->text.ntoks && i <= m->tok_last + 3; i++)
      if (x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_COALITION_LEADER)) led = 1;
    if (!led && !prev_has(x, m->tok_first, ALQ_CUE_COALITION_CTX) && !coalition_named_before(x, m)) return -1;
    /* who leads it, when the sentence says so */
    const alq_sentence *se = &x->text.sents[x->text.toks[m->tok_first].sent];
    for (size_t i = se->tok_first; i < se->tok_first + se->tok_count; i++) {
      const alq_lexent *c = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_COALITION_LEADER);
      if (c && c->value >= 0) return c->value;
    }
    /* else the coalition of the story (Yemen stories: the Saudi-led one) */
    return x->coalition_default >= 0 ? x->coalition_default : e->value;
  }
  if (e->flags & ALQ_EF_AMBIG_CONTEXT) {
    nw = next_word(&x->text, m->tok_last);
    if (nw != SIZE_MAX && x_tok_ent(x, nw, ALQ_LK_CUE, ALQ_CUE_AMBIG_BLOCK_AFTER)) {
      common_sense_add(x, e->value);
      return -1;
    }
    if (nw != SIZE_MAX && x_tok_ent(x, nw, ALQ_LK_PLACE, -1) && !x_tok_ent(x, nw, ALQ_LK_ACTOR, -1)) {
      /* "base" + place name (قاعدة حميميم) unless a preposition intervenes */
      if (nw == m->tok_last + 1) { common_sense_add(x, e->value); return -1; }
    }
    /* one sense per story: once the word has named a place or a thing here
       (قاعدة العند، القاعدة الجوية), the bare definite word is that again
       (القاعدة), unless a head makes it a group's name */
    if (m->tok_first == m->tok_last && !prev_has(x, m->tok_first, ALQ_CUE_ORG_HEAD) &&
        !prev_has(x, m->tok_first, ALQ_CUE_MEMBER_NOUN) && common_sense_named(x, m, e->value))
      return -1;
    if (prev_has(x, m->tok_first, ALQ_CUE_AMBIG_BLOCK_BEFORE)) return -1;
    /* a one-word definite name right after a definite common noun is a nisba
       adjective (الصناعة السعودية), not the state */
    if (m->tok_first == m->tok_last && !m->strip) {
      size_t p = prev_word(&x->text, m->tok_first);
      const alq_token *pt = p != SIZE_MAX ? &x->text.toks[p] : NULL;
      const char *n0 = x->text.norm + x->text.toks[m->tok_first].nstart;
      if (pt && p + 1 == m->tok_first && x->tok_match[p] < 0 && pt->nlen > 6 &&
          !memcmp(x->text.norm + pt->nstart, "\xd8\xa7\xd9\x84", 4) && !memcmp(n0, "\xd8\xa7\xd9\x84", 4))
        return -1;
    }
  }
  if (e->flags & ALQ_EF_AMBIG_HEAD) {
    /* or coordinated with another actor named just before (الحوثي وصالح) */
    int coord = 0;
    if (has_clitic(x, m, L_WAW) && m->tok_first > 0) {
      int pm = x->tok_ment[m->tok_first - 1];
      coord = pm >= 0 && x->ments[pm].kind == MK_ACTOR;
    }
    if (!coord && !prev_has(x, m->tok_first, ALQ_CUE_ORG_HEAD) && !prev_has(x, m->tok_first, ALQ_CUE_MEMBER_NOUN))
      return -1;
    /* a place right after it makes it a common word with its object (غرفة
       عمليات فتح حلب "the conquest of Aleppo") */
    nw = next_word(&x->text, m->tok_last);
    if (nw != SIZE_MAX && nw == m->tok_last + 1 && x_tok_ent(x, nw, ALQ_LK_PLACE, -1) &&
        !x->m[x->tok_match[nw]].strip)
      return -1;
  }
  return e->value;
}

/* A word with tanween (ردًا، كبيرةً) or a pronoun suffix (فيها، لفريقه
 * excepted: ه is also ة) is no part of a name. */
static int tanween_or_suffix(const alq_text *t, size_t j) {
  const alq_token *tk = &t->toks[j];
  if (marks_in(t, tk->start, tk->end, 0x8d, 1)) return 1;
  const char *w = t->norm + tk->nstart;
  size_t n = tk->nlen;
  return n >= 8 && (!memcmp(w + n - 4, "\xd9\x87\xd8\xa7", 4) || !memcmp(w + n - 4, "\xd9\x87\xd9\x85", 4));
}

/* An outlet's name after its type word (صحيفة، قناة، وكالة): a quoted
 * phrase, or two plain Arabic/Latin words that no lexicon entry claims
 * (صحيفة ديلي بيست); one unquoted word after شبكة / صحيفة is far more often
 * a common noun (شبكة الإنترنت). Persons are found by their words (below). */
static int outlet_name_after(const struct alq_extractor *x, size_t i, size_t *tf, size_t *tl) {
  const alq_text *t = &x->text;
  size_t s = t->toks[i].sent;
  size_t j = i + 1;
  /* skip nationality adjectives and titles */
  while (j < t->ntoks && t->toks[j].sent == s &&
         (x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_NATIONALITY) || x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_TITLE_WORD))) {
    if (x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_OUTLET_NAME)) return 0;   /* the name itself (صحيفة السفير) */
    j = x->m[x->tok_match[j]].tok_last + 1;
  }
  if (j < t->ntoks && t->toks[j].kind == ALQ_TOK_QUOTE && (t->toks[j].flags & ALQ_TF_OPEN_QUOTE)) {
    size_t k = j + 1;
    while (k < t->ntoks && t->toks[k].sent == s && t->toks[k].kind != ALQ_TOK_QUOTE && k - j <= 6) k++;
    if (k < t->ntoks && t->toks[k].kind == ALQ_TOK_QUOTE && k > j + 1) { *tf = j + 1; *tl = k - 1; return 1; }
    return 0;
  }
  size_t n = 0;
  while (j + n < t->ntoks && n < 2 && t->toks[j + n].sent == s &&
         (t->toks[j + n].kind == ALQ_TOK_ARABIC || t->toks[j + n].kind == ALQ_TOK_LATIN) &&
         x->tok_match[j + n] < 0 && !(n > 0 && !(t->toks[j + n].flags & ALQ_TF_SPACE_BEFORE)) &&
         !tanween_or_suffix(t, j + n))
    n++;
  if (n < 2) return 0;
  /* a word with ة agrees with the head: شبكة عمل مركزية, محطة القطار
     الحديثة are no names (foreign outlet names have none); nor does a name
     start with the conjunction و */
  for (size_t q = j; q < j + n; q++) {
    const alq_token *qt = &t->toks[q];
    if (qt->end - qt->start >= 2 && !memcmp(t->src + qt->end - 2, "\xd8\xa9", 2)) return 0;
    if (q == j && qt->nlen > 6 && (!memcmp(t->norm + qt->nstart, "\xd9\x88", 2))) return 0;
  }
  *tf = j; *tl = j + n - 1;
  return 1;
}

/* The name after an organization head at token h: a quoted phrase of 1-4
 * words that no lexicon entry claims (جبهة "أنصار الحق"). Unquoted names
 * were tried and rejected: head + noun is far more often a common phrase
 * (منظمة إرهابية، الحركة تنفذ) than a name. */

static int new_org_name(const struct alq_extractor *x, size_t h, size_t *tf, size_t *tl) {
  const alq_text *t = &x->text;
  size_t j = h + 1, s = t->toks[h].sent;
  if (j >= t->ntoks || t->toks[j].sent != s) return 0;
  if (t->toks[j].kind == ALQ_TOK_QUOTE && (t->toks[j].flags & ALQ_TF_OPEN_QUOTE)) {
    size_t k = j + 1;
    /* words of the name may be common words (الجبل), not a known actor */
    while (k < t->ntoks && t->toks[k].sent == s && t->toks[k].kind == ALQ_TOK_ARABIC &&
           !x_tok_ent(x, k, ALQ_LK_ACTOR, -1) && k - j <= 4)
      k++;
    if (k > j + 1 && k < t->ntoks && t->toks[k].kind == ALQ_TOK_QUOTE) {
      /* one quoted adjective is a label (تنظيم "إرهابي"), not a name */
      const char *w = t->norm + t->toks[j + 1].nstart;
      size_t wl = t->toks[j + 1].nlen;
      if (k == j + 2 && wl >= 4 && (!memcmp(w + wl - 2, "\xd9\x8a", 2) || !memcmp(w + wl - 2, "\xd9\x87", 2)))
        return 0;
      *tf = j + 1; *tl = k - 1;
      return 1;
    }
    return 0;
  }
  return 0;
}

/* Does the one-word lexicon entry of token j (proclitics not stripped)
 * carry cue class cls? */
static const alq_lexent *word_cue(const struct alq_extractor *x, size_t j, size_t strip, int cls) {
  const alq_token *tk = &x->text.toks[j];
  if (strip >= tk->nlen) return NULL;
  const alq_lexent *e;
  uint32_t n = tok_entries(x, j, strip, &e);
  for (uint32_t k = 0; k < n; k++)
    if (e[k].kind == ALQ_LK_CUE && e[k].cls == cls) return &e[k];
  return NULL;
}

/* The entries of the one-word lexicon entry of token j (nothing stripped),
 * and the one of them with cue class cls: word_cue(x, j, 0, cls) in two steps. */
static uint32_t word_ents(const struct alq_extractor *x, size_t j, const alq_lexent **e) {
  const alq_token *tk = &x->text.toks[j];
  *e = NULL;
  if (!tk->nlen) return 0;
  return tok_entries(x, j, 0, e);
}
static const alq_lexent *ents_cue(const alq_lexent *e, uint32_t n, int cls) {
  for (uint32_t k = 0; k < n; k++)
    if (e[k].kind == ALQ_LK_CUE && e[k].cls == cls) return &e[k];
  return NULL;
}

/* The entry of cue class cls on match k, read as a name: the article of
 * the text is never stripped to reach it (السفير is not سفير here). */
static const alq_lexent *name_cue_at(const struct alq_extractor *x, int k, int cls);
static inline const alq_lexent *name_cue(const struct alq_extractor *x, int k, int cls) {
  /* (the usual answer, no such cue on the match, inline) */
  if (!alq_match_may_have(&x->m[k], ALQ_LK_CUE, cls)) return NULL;
  return name_cue_at(x, k, cls);
}
static const alq_lexent *name_cue_at(const struct alq_extractor *x, int k, int cls) {
  const alq_match *m = &x->m[k];
  if (!x_ent(x, k, ALQ_LK_CUE, cls)) return NULL;
  if (m->tok_first == m->tok_last) {
    const alq_token *tk = &x->text.toks[m->tok_first];
    /* the scanner reached the entry by dropping the article (المهدي) */
    if (m->strip >= 4 && !memcmp(x->text.norm + tk->nstart + m->strip - 4, "\xd8\xa7\xd9\x84", 4)) return NULL;
    return word_cue(x, m->tok_first, m->strip, cls);
  }
  return (m->flags & ALQ_MT_ARTICLE) ? NULL : x_ent(x, k, ALQ_LK_CUE, cls);
}

/* ---- persons ------------------------------------------------------------
 * A person's name is found from its words: a given name (names.tsv
 * given_name), a kunya (أبو), a link word that takes the next word (عبد،
 * بن، آل), a known public figure (person_name), then further given names,
 * up to two words no lexicon knows (foreign and rare names: كلابر، نويرت),
 * ending at a surname with the article (البرغثي) or a known surname. */
/* (NAME_CUES, the cue classes that can make a match a name unit: extract.h) */
enum { NW_NONE, NW_GIVEN, NW_GIVEN_AMBIG, NW_LINK, NW_KUNYA, NW_KNOWN, NW_PLAIN, NW_SURNAME, NW_NISBA };

/* The name class of the unit (match or plain token) that starts at token j;
 * *last is its last token. `inner`: j continues a name (a proclitic then
 * starts a new conjunct, not a name word). */
static int name_unit(const struct alq_extractor *x, size_t j, int inner, size_t *last) {
  const alq_text *t = &x->text;
  if (j >= t->ntoks) return NW_NONE;
  const alq_token *tk = &t->toks[j];
  *last = j;
  if (tk->kind != ALQ_TOK_ARABIC && tk->kind != ALQ_TOK_LATIN) return NW_NONE;
  if (inner && !(tk->flags & ALQ_TF_SPACE_BEFORE)) return NW_NONE;
  int32_t k = x->tok_match[j];
  if (k < 0) {
    if (tk->nlen < 4) return NW_NONE;
    if (x->tok_ment[j] >= 0) return NW_NONE;
    /* a word with tanween (ردًا، أيضاً) is no name */
    if (marks_in(t, tk->start, tk->end, 0x8d, 1)) return NW_NONE;
    const char *w = t->norm + tk->nstart;
    /* a proclitic on the article (والعالم، بالمدينة، للحرب): no name word;
       ك and ف are left out, foreign names start so (كالفن، فالنتين) */
    if (tk->nlen > 8 && (!memcmp(w, "\xd9\x84\xd9\x84", 4) ||
                         ((!memcmp(w, "\xd9\x88", 2) || !memcmp(w, "\xd8\xa8", 2)) &&
                          !memcmp(w + 2, "\xd8\xa7\xd9\x84", 4))))
      return NW_NONE;
    if (tk->nlen > 6 && !memcmp(w, "\xd8\xa7\xd9\x84", 4)) return NW_SURNAME;
    return NW_PLAIN;
  }
  const alq_match *m = &x->m[k];
  if (m->tok_first != j) return NW_NONE;
  if (inner && m->strip) {
    /* only a stripped article is allowed inside a name (السوري), no و/ب/ل */
    int art = m->strip >= 4 && !memcmp(t->norm + tk->nstart + m->strip - 4, "\xd8\xa7\xd9\x84", 4);
    if (!art || m->strip > 4) return NW_NONE;
  }
  *last = m->tok_last;
  /* a match with no name cue and no actor is no name unit (every test
     below but not_name's, which only says no, needs one of them) */
  if (!(m->kinds & (1u << ALQ_LK_ACTOR)) && !(m->cues & NAME_CUES)) return NW_NONE;
  if (name_cue(x, k, ALQ_CUE_NOT_NAME)) return NW_NONE;
  if (name_cue(x, k, ALQ_CUE_PERSON_NAME)) return NW_KNOWN;
  const alq_lexent *g = name_cue(x, k, ALQ_CUE_GIVEN_NAME);
  if (g && g->value) {
    /* علي written على is the preposition */
    const alq_token *lt = &t->toks[m->tok_last];
    if (lt->end - lt->start >= 2 && !memcmp(t->src + lt->end - 2, "\xd9\x89", 2)) return NW_NONE;
    return NW_GIVEN_AMBIG;
  }
  if (g) return NW_GIVEN;
  /* a given name with the article is a family name (نديم الحسن) */
  if (m->tok_first == m->tok_last && x_ent(x, k, ALQ_LK_CUE, ALQ_CUE_GIVEN_NAME) && tk->nlen > 6 &&
      !memcmp(t->norm + tk->nstart + (m->strip >= 4 ? m->strip - 4 : 0), "\xd8\xa7\xd9\x84", 4))
    return NW_SURNAME;
  if (name_cue(x, k, ALQ_CUE_NAME_LINK)) return NW_LINK;
  if (name_cue(x, k, ALQ_CUE_KUNYA)) return NW_KUNYA;
  /* a family name that is also a group's name (الحوثي) */
  const alq_lexent *ae = x_ent(x, k, ALQ_LK_ACTOR, -1);
  if (ae && (ae->flags & ALQ_EF_AMBIG_HEAD) && !x_ent(x, k, ALQ_LK_PLACE, -1) && m->tok_first == m->tok_last)
    return NW_SURNAME;
  /* a nisba with the article ends a kunya name (أبو مصعب السوري) */
  if (x_ent(x, k, ALQ_LK_CUE, ALQ_CUE_NATIONALITY) && m->tok_first == m->tok_last && m->strip == 4 &&
      tk->nlen > 6 && !memcmp(t->norm + tk->nstart, "\xd8\xa7\xd9\x84", 4))
    return NW_NISBA;
  return NW_NONE;
}

static int pronoun_suffix(const alq_text *t, size_t j) {
  const char *w = t->norm + t->toks[j].nstart;
  size_t n = t->toks[j].nlen;
  if (n < 8) return 0;
  return !memcmp(w + n - 4, "\xd9\x87\xd8\xa7", 4) || !memcmp(w + n - 4, "\xd9\x87\xd9\x85", 4);
}

/* Extends a name from the unit at token s (of class c0); returns the number
 * of units taken and sets *tl. `plain_start`: s may be a word no lexicon
 * knows (after a title or a role). */
static int name_extend(const struct alq_extractor *x, size_t s, int c0, size_t last0, size_t *tl) {
  const alq_text *t = &x->text;
  size_t last = last0, j;   /* (name_unit(x, s, 0, &last0) gave c0: the callers' test) */
  int units = 1, plain = c0 == NW_PLAIN, kunya = c0 == NW_KUNYA, prev = c0;
  size_t j_last = SIZE_MAX;   /* the last unit looked at (inner), and its class */
  int c_last = NW_NONE;
  *tl = last;
  size_t sent = t->toks[s].sent;
  if (c0 == NW_KNOWN || c0 == NW_SURNAME) return 1;
  while (units < 6) {
    j = last + 1;
    if (j >= t->ntoks || t->toks[j].sent != sent) break;
    size_t l2;
    int c = name_unit(x, j, 1, &l2);
    j_last = j;
    c_last = c;
    if (prev == NW_LINK || prev == NW_KUNYA) {
      /* the word a link or kunya takes: any name word, with the article
         too (عبد الرحيم، عبد الله، أبو الوليد), and the name goes on */
      if (c == NW_NONE && t->toks[j].kind == ALQ_TOK_ARABIC && x->tok_match[j] >= 0 &&
          (t->toks[j].flags & ALQ_TF_SPACE_BEFORE) && t->toks[j].nlen >= 6 &&
          !memcmp(t->norm + t->toks[j].nstart, "\xd8\xa7\xd9\x84", 4) &&
          !x_tok_ent(x, j, ALQ_LK_ACTOR, -1) && !x_tok_ent(x, j, ALQ_LK_PLACE, -1) &&
          !x_tok_ent(x, j, ALQ_LK_REL, -1) && !name_cue(x, x->tok_match[j], ALQ_CUE_NOT_NAME)) {
        c = NW_SURNAME;
        l2 = x->m[x->tok_match[j]].tok_last;
      }
      if (c == NW_NONE || c == NW_NISBA) break;
      last = l2; units++;
      if (c == NW_KNOWN) break;
      if (c == NW_PLAIN) plain++;
      prev = c == NW_PLAIN ? NW_GIVEN : c;
      continue;
    }
    if (c == NW_GIVEN || c == NW_GIVEN_AMBIG || c == NW_LINK) { last = l2; units++; prev = c; continue; }
    if (c == NW_KNOWN || c == NW_SURNAME) { last = l2; units++; break; }
    if (c == NW_NISBA && kunya) { last = l2; units++; break; }
    /* a word with a pronoun suffix (تقدمها، قواتهم) is no name */
    if (c == NW_PLAIN && plain < 2 && !pronoun_suffix(t, j)) { last = l2; units++; plain++; prev = c; continue; }
    break;
  }
  /* a trailing link word belongs to no name */
  while (units > 1) {
    size_t l3;
    size_t f = last;
    while (f > s && x->tok_match[f] >= 0 && x->m[x->tok_match[f]].tok_first != f) f--;
    /* (the last unit's class once more: the loop's answer when it looked there) */
    int cf = f == j_last ? c_last : name_unit(x, f, f != s, &l3);
    if (cf != NW_LINK) break;
    last = f - 1; units--;
  }
  *tl = last;
  return units;
}

/* Does the name end where a name ends: punctuation, a quote, the sentence
 * end, a complementizer (إن، أن) or a verb of saying? */
static int name_closed(const struct alq_extractor *x, size_t tl) {
  const alq_text *t = &x->text;
  size_t j = tl + 1;
  if (j >= t->ntoks || t->toks[j].sent != t->toks[tl].sent) return 1;
  if (t->toks[j].kind == ALQ_TOK_PUNCT || t->toks[j].kind == ALQ_TOK_QUOTE) return 1;
  return x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_COMPLEMENTIZER) || x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_SAY_VERB);
}

/* Is token i preceded by a title, a role, a verb of saying or a kunya
 * context that announces a name? */
static int name_announced(const struct alq_extractor *x, size_t i) {
  const alq_text *t = &x->text;
  /* in apposition: after a comma (المتحدث باسم ...، قائد نصر،) */
  size_t q = i;
  while (q > 0 && t->toks[q - 1].kind == ALQ_TOK_QUOTE) q--;
  if (q > 0 && t->toks[q - 1].kind == ALQ_TOK_PUNCT && t->toks[q - 1].sent == t->toks[i].sent) {
    const alq_token *pt = &t->toks[q - 1];
    if ((pt->nlen == 2 && !memcmp(t->norm + pt->nstart, "\xd8\x8c", 2)) || (pt->nlen == 1 && t->norm[pt->nstart] == ','))
      return 1;
  }
  size_t p = prev_word(&x->text, i);
  if (p == SIZE_MAX) return 0;
  return x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_TITLE_WORD) || x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_OFFICIAL_ROLE) ||
         x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_PERSON_ROLE) || x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_SAY_VERB) ||
         x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_NATIONALITY);
}

/* A person's name starting at token s, or 0. */
static int vocalized(const alq_text *t, size_t tf, size_t tl) {
  return marks_in(t, t->toks[tf].start, t->toks[tl].end, 0x92, 2);
}

static int person_at(const struct alq_extractor *x, size_t s, size_t *tl) {
  size_t last;
  int c = name_unit(x, s, 0, &last);
  if (c == NW_NONE || c == NW_PLAIN || c == NW_SURNAME || c == NW_NISBA) return 0;
  int units = name_extend(x, s, c, last, tl);
  /* fully vocalized text is scripture or verse (نَصْرُ اللهِ), not news names */
  if (vocalized(&x->text, s, *tl)) return 0;
  if (c == NW_KNOWN) return 1;
  if (units < 2) return 0;
  if (c == NW_GIVEN_AMBIG) {
    size_t l2;
    int c2 = name_unit(x, last + 1, 1, &l2);
    /* another word that is only a name must follow (علي عبد الله، علي
       محمد), two ambiguous words are not enough (يزيد علي) */
    if (!(c2 == NW_GIVEN || c2 == NW_LINK || c2 == NW_KNOWN) && !name_announced(x, s))
      return 0;
  }
  if (c == NW_LINK && units < 3 && !name_announced(x, s)) return 0;
  return 1;
}

/* Is the outlet name of match k an outlet here? Names that are also common
 * words or places (value 1) need an outlet head before them (صحيفة
 * "السفير") or quotes with لـ, عن, بحسب or a verb of saying before. */
static int outlet_here(const struct alq_extractor *x, int k, const alq_lexent *on) {
  if (!on->value) return 1;
  const alq_match *m = &x->m[k];
  const alq_text *t = &x->text;
  size_t p = prev_word(t, m->tok_first);
  /* after an indefinite head (صحيفة الحياة); a definite one takes an
     adjective (الصحف العربية) */
  if (p != SIZE_MAX && x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_OUTLET_HEAD)) {
    const alq_match *hm = &x->m[x->tok_match[p]];
    const alq_token *ht = &t->toks[hm->tok_first];
    size_t off = hm->strip;
    if (off >= 4 && !memcmp(t->norm + ht->nstart + off - 4, "\xd8\xa7\xd9\x84", 4)) return 0;
    return ht->nlen <= off + 4 || memcmp(t->norm + ht->nstart + off, "\xd8\xa7\xd9\x84", 4) != 0;
  }
  int quoted = m->tok_first > 0 && t->toks[m->tok_first - 1].kind == ALQ_TOK_QUOTE &&
               m->tok_last + 1 < t->ntoks && t->toks[m->tok_last + 1].kind == ALQ_TOK_QUOTE;
  if (!quoted) return 0;
  if (has_clitic(x, m, "\xd9\x84")) return 1;
  if (p != SIZE_MAX && (x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_ACCORDING) || x_tok_ent(x, p, ALQ_LK_CUE, ALQ_CUE_SAY_VERB) ||
                        x_tok_is(t, p, "\xd8\xb9\xd9\x86")))
    return 1;
  return 0;
}

static int add_person(struct alq_extractor *x, size_t tf, size_t strip, size_t tl, uint32_t start) {
  const alq_text *t = &x->text;
  ment pm = {start, t->toks[tl].end, (uint32_t)tf, (uint32_t)tl, MK_PERSON, -1, -1, NULL, "PERSON", -1,
             t->toks[tf].sent};
  pm.id = slug_from(x, "new:", tf, strip, tl);
  return add_ment(x, &pm);
}

/* A name of words no lexicon knows right after token i (a title, a role, a
 * verb of saying), after any nationality adjectives and titles; with
 * `closed`, the name must end where names end. */
static int plain_name_after(const struct alq_extractor *x, size_t i, int closed, size_t *tf, size_t *tl) {
  const alq_text *t = &x->text;
  size_t s = t->toks[i].sent, j = i + 1;
  while (j < t->ntoks && t->toks[j].sent == s && x->tok_match[j] >= 0 &&
         (x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_NATIONALITY) || x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_TITLE_WORD)))
    j = x->m[x->tok_match[j]].tok_last + 1;
  if (j >= t->ntoks || t->toks[j].sent != s) return 0;
  size_t last;
  if (name_unit(x, j, 0, &last) != NW_PLAIN || t->toks[j].nlen < 6) return 0;
  if (name_extend(x, j, NW_PLAIN, last, tl) < 2) return 0;
  if (closed && !name_closed(x, *tl)) return 0;
  *tf = j;
  return 1;
}

/* A role phrase and then, after a comma, the name in apposition (وزير
 * الدفاع بحكومة ...، مهدي البرغثي،): up to eight words to the comma; one
 * description in commas may come between (قائد X، وهي ...، الاسم،). */
static int appos_name_after(const struct alq_extractor *x, size_t i, size_t *tf, size_t *tl) {
  const alq_text *t = &x->text;
  size_t s = t->toks[i].sent;
  int skipped = 0;
  for (size_t j = i + 1, w = 0; j < t->ntoks && t->toks[j].sent == s && w < (skipped ? 24u : 8u); j++) {
    const alq_token *tk = &t->toks[j];
    if (tk->kind == ALQ_TOK_QUOTE) continue;
    if (tk->kind == ALQ_TOK_PUNCT) {
      int comma = (tk->nlen == 2 && !memcmp(t->norm + tk->nstart, "\xd8\x8c", 2)) ||
                  (tk->nlen == 1 && t->norm[tk->nstart] == ',');
      if (!comma) return 0;
      size_t n = j + 1, last;
      while (n < t->ntoks && t->toks[n].kind == ALQ_TOK_QUOTE) n++;
      if (n >= t->ntoks || t->toks[n].sent != s) return 0;
      /* a description (وهي، الذي ...) before the name: go on to its comma */
      if (!skipped && x->tok_match[n] >= 0 &&
          (name_cue(x, x->tok_match[n], ALQ_CUE_NOT_NAME) || x_tok_ent(x, n, ALQ_LK_CUE, ALQ_CUE_RELATIVE))) {
        skipped = 1;
        continue;
      }
      int c = name_unit(x, n, 0, &last);
      if (c != NW_PLAIN || t->toks[n].nlen < 6) return 0;
      if (name_extend(x, n, NW_PLAIN, last, tl) < 2 || !name_closed(x, *tl)) return 0;
      *tf = n;
      return 1;
    }
    if (x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_SAY_VERB) || x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_COMPLEMENTIZER)) return 0;
    w++;
  }
  return 0;
}


/* Number of proclitic letters before `sn` in the normalized token j (و ف
 * then ب ك ل; لل before a name with the article), or -1 if the token is not
 * the name. */
static int clitic_then(const alq_text *t, size_t j, const char *sn, size_t sln) {
  const char *w = t->norm + t->toks[j].nstart;
  size_t wl = t->toks[j].nlen;
  int art = sln > 4 && !memcmp(sn, "\xd8\xa7\xd9\x84", 4);
  for (int pre = 0; pre <= 2; pre++) {
    size_t pb = (size_t)pre * 2;
    if (wl < pb) break;
    int ok = 1;
    for (int q = 0; q < pre && ok; q++) {
      const char *c = w + q * 2;
      int wf = !memcmp(c, "\xd9\x88", 2) || !memcmp(c, "\xd9\x81", 2);
      int bkl = !memcmp(c, "\xd8\xa8", 2) || !memcmp(c, "\xd9\x83", 2) || !memcmp(c, "\xd9\x84", 2);
      ok = (q == 0 && (wf || bkl)) || (q == 1 && bkl && (!memcmp(w, "\xd9\x88", 2) || !memcmp(w, "\xd9\x81", 2)));
    }
    if (!ok) continue;
    /* ل + الاسم is written للاسم: the name's alef drops */
    if (pre && art && !memcmp(w + pb - 2, "\xd9\x84", 2)) {
      if (wl - pb == sln - 2 && !memcmp(w + pb, sn + 2, sln - 2)) return pre;
      continue;
    }
    if (wl - pb == sln && !memcmp(w + pb, sn, sln)) return pre;
  }
  return -1;
}

/* The byte after `letters` Arabic letters of token j's original text (with
 * their diacritics and tatweel). */
static uint32_t skip_letters(const alq_text *t, size_t j, int letters) {
  uint32_t b = t->toks[j].start, e = t->toks[j].end;
  for (int q = 0; q < letters && b + 1 < e; q++) {
    b += 2;
    while (b + 1 < e && t->src[b] == 0xd9 && ((t->src[b + 1] >= 0x8b && t->src[b + 1] <= 0x92) || t->src[b + 1] == 0x80 || t->src[b + 1] == 0xb0))
      b += 2;
  }
  return b;
}

/* surname_refs' first filter, in a small loop of its own: the first word
 * from j on that is Arabic, unknown, in no mention, at least four bytes
 * long (shorter than every surname less a letter) and ends in two letters
 * some lent surname ends in (the 64-bit filter), or n. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t next_surname_word(const alq_token *toks, const int32_t *tmatch, const int32_t *tment,
                                const char *norm, uint64_t tailbits, size_t j, size_t n) {
#ifndef ALQ_EXTRACT_NO_FAST
  /* (speed) the tail filter first, for every token: it rejects most of
     them, so its branch is predicted, where the tests on the indexes and
     the kind went either way at random. The four bytes before the form's
     end are read whatever its length (a shorter form's are the text's
     before it; the first bytes of the text are read as zeros) */
  static const char zero4[4];
  for (; j < n; j++) {
    const alq_token *wt = &toks[j];
    size_t e = (size_t)wt->nstart + wt->nlen;
    const char *p = e >= 4 ? norm + e - 4 : zero4;
    uint32_t wtail;
    memcpy(&wtail, p, 4);
    if (!((tailbits >> ((wtail * 0x9E3779B1u) >> 26)) & 1)) continue;
    if ((tmatch[j] & tment[j]) < 0 && wt->kind == ALQ_TOK_ARABIC && wt->nlen >= 4) return j;
  }
  return n;
#endif
  for (; j < n; j++) {
    const alq_token *wt = &toks[j];
    /* (both indexes -1 in one test: their AND has the sign bit) */
    if ((tmatch[j] & tment[j]) >= 0 || wt->kind != ALQ_TOK_ARABIC || wt->nlen < 4) continue;
    uint32_t wtail;
    memcpy(&wtail, norm + wt->nstart + wt->nlen - 4, 4);
    if ((tailbits >> ((wtail * 0x9E3779B1u) >> 26)) & 1) return j;
  }
  return n;
}

/* Later (and earlier) references to a person by the last word of a name
 * given in full in the document (البرغثي after مهدي البرغثي; CLAIMS.md rule
 * 19): that word alone, after a proclitic at most, where no lexicon entry
 * claims it. Known figures are matched by the lexicon everywhere already;
 * given names and group names (صالح، الحوثي) are not surnames here. */
typedef struct tail_lender { uint32_t tail, q; } tail_lender;
static int tail_lender_cmp(const void *a, const void *b) {
  const tail_lender *p = a, *r = b;
  if (p->tail != r->tail) return p->tail < r->tail ? -1 : 1;
  return p->q < r->q ? -1 : p->q > r->q;
}

static int surname_refs(struct alq_extractor *x) {
  const alq_text *t = &x->text;
  size_t n0 = x->nments;
  int rc;
  /* the persons that lend their surname */
  size_t *lend = alq_arena_alloc(&x->arena, (n0 + 1) * sizeof *lend), nlend = 0;
  if (!lend) return ALQ_ENOMEM;
  for (size_t i = 0; i < n0; i++) {
    const ment *pp = &x->ments[i];
    if (pp->kind != MK_PERSON || pp->tl == pp->tf) continue;
    const ment p = *pp;
    size_t sl = p.tl;
    if (x->tok_match[sl] >= 0 || t->toks[sl].kind != ALQ_TOK_ARABIC || t->toks[sl].nlen < 6) continue;
    /* only a name whose words are known but for the surname, or a closed
       name with two unknown words, lends its surname (أحمد بن طولون بناء
       does not lend بناء) */
    int unknown = 0;
    for (size_t q = p.tf; q <= p.tl; q++) unknown += x->tok_match[q] < 0 && x_is_word(t, q);
    if (unknown > 2 || (unknown == 2 && !name_closed(x, p.tl)) || pronoun_suffix(t, sl)) continue;
    /* and a name known as one: a name word of names.tsv in it, or a title
       or role or an apposition comma before it (not two words after a verb
       of saying alone) */
    int named = 0;
    for (size_t q = p.tf; q < p.tl && !named; q++) {
      size_t l2;
      int c = name_unit(x, q, q != p.tf, &l2);
      named = c == NW_GIVEN || c == NW_GIVEN_AMBIG || c == NW_LINK || c == NW_KUNYA || c == NW_KNOWN;
    }
    if (!named) {
      size_t pw = p.tf;
      while (pw > 0 && t->toks[pw - 1].kind == ALQ_TOK_QUOTE) pw--;
      const alq_token *pt = pw > 0 ? &t->toks[pw - 1] : NULL;
      int comma = pt && pt->kind == ALQ_TOK_PUNCT && ((pt->nlen == 2 && !memcmp(t->norm + pt->nstart, "\xd8\x8c", 2)) ||
                                                      (pt->nlen == 1 && t->norm[pt->nstart] == ','));
      size_t pv = prev_word(t, p.tf);
      int role = pv != SIZE_MAX && (x_tok_ent(x, pv, ALQ_LK_CUE, ALQ_CUE_TITLE_WORD) ||
                                    x_tok_ent(x, pv, ALQ_LK_CUE, ALQ_CUE_OFFICIAL_ROLE) ||
                                    x_tok_ent(x, pv, ALQ_LK_CUE, ALQ_CUE_PERSON_ROLE));
      if (!comma && !role) continue;
    }
    lend[nlend++] = i;
  }
  if (!nlend) return 0;
  /* a surname has at least three letters and a word that refers to it ends
     in its last two (four bytes): those bytes of every lent surname, and a
     64-bit filter of them, reject most words at once */
  uint32_t *ltail = alq_arena_alloc(&x->arena, nlend * sizeof *ltail);
  if (!ltail) return ALQ_ENOMEM;
  uint64_t tailbits = 0;
  for (size_t q = 0; q < nlend; q++) {
    const alq_token *st = &t->toks[x->ments[lend[q]].tl];
    memcpy(&ltail[q], t->norm + st->nstart + st->nlen - 4, 4);
    tailbits |= (uint64_t)1 << ((ltail[q] * 0x9E3779B1u) >> 26);
  }
  /* the lenders sorted by tail, and by their order within a tail: a word
     finds its candidates by a binary search instead of a pass over all
     lenders (a long document lends thousands of surnames) */
  tail_lender *bytail = alq_arena_alloc(&x->arena, nlend * sizeof *bytail);
  if (!bytail) return ALQ_ENOMEM;
  for (size_t q = 0; q < nlend; q++) bytail[q] = (tail_lender){ltail[q], (uint32_t)q};
  qsort(bytail, nlend, sizeof *bytail, tail_lender_cmp);
  /* one pass over the words: each unknown word that is a lent surname (with
     its proclitics) refers to the first person lending it */
  const alq_token *toks = t->toks;   /* none of these changes in the loop */
  const int32_t *tmatch = x->tok_match, *tment = x->tok_ment;
  const size_t ntoks = t->ntoks;
  for (size_t j = 0; j < ntoks; j++) {
    j = next_surname_word(toks, tmatch, tment, t->norm, tailbits, j, ntoks);
    if (j >= ntoks) break;
    const alq_token *wt = &toks[j];
    uint32_t wtail;
    memcpy(&wtail, t->norm + wt->nstart + wt->nlen - 4, 4);
    /* the lenders of this tail, in their order (first lender first) */
    size_t lo = 0, hi = nlend;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (bytail[mid].tail < wtail) lo = mid + 1; else hi = mid;
    }
    for (size_t b = lo; b < nlend && bytail[b].tail == wtail; b++) {
      size_t q = bytail[b].q;
      const ment *p = &x->ments[lend[q]];
      const alq_token *st = &t->toks[p->tl];
      /* a quick test first: the word ends like the surname (all but its
         first letter, which ل + ال may drop) and is at most two clitics longer */
      if (wt->nlen + 2 < st->nlen || wt->nlen > st->nlen + 4 ||
          memcmp(t->norm + wt->nstart + wt->nlen - (st->nlen - 2), t->norm + st->nstart + 2, st->nlen - 2))
        continue;
      int pre = clitic_then(t, j, t->norm + st->nstart, st->nlen);
      if (pre < 0) continue;
      /* a name word of its own: not glued to a following name */
      size_t l2;
      if (j + 1 < t->ntoks && t->toks[j + 1].sent == t->toks[j].sent && name_unit(x, j + 1, 1, &l2) == NW_SURNAME) break;
      ment pm = {skip_letters(t, j, pre), t->toks[j].end, (uint32_t)j, (uint32_t)j, MK_PERSON, -1, -1, p->id,
                 "PERSON", -1, t->toks[j].sent};
      if ((rc = add_ment(x, &pm))) return rc;
      break;
    }
  }
  return 0;
}

/* Persons named inside an actor's name (قوات الرئيس السوري بشار الأسد،
 * إدارة أوباما، قوات ... علي عبد الله صالح): nested PERSON mentions, kept
 * apart from the non-overlapping mentions the claims read. */
static int nested_persons(struct alq_extractor *x) {
  const alq_text *t = &x->text;
  x->nested = alq_arena_alloc(&x->arena, (x->nments + 1) * sizeof *x->nested);
  if (!x->nested) return ALQ_ENOMEM;
  x->nnested = 0;
  for (size_t i = 0; i < x->nments; i++) {
    const ment *a = &x->ments[i];
    if (a->kind != MK_ACTOR || a->tl == a->tf) continue;
    size_t f = SIZE_MAX, l = 0;
    /* word_cue(x, j, 0, ...) by one lookup per word: the entries of word j,
       and of j + 1 once looked up (`nj`: that is j + 1, or SIZE_MAX) */
    const alq_lexent *ej = NULL, *en = NULL;
    uint32_t cj = 0, cn = 0;
    size_t nj = SIZE_MAX;
    for (size_t j = a->tf + 1; j <= a->tl; j++) {
      if (!x_is_word(t, j)) continue;
      if (nj == j) { ej = en; cj = cn; } else cj = word_ents(x, j, &ej);
      nj = SIZE_MAX;
      if (ents_cue(ej, cj, ALQ_CUE_PERSON_NAME)) {
        f = j; l = j;
        while (f > a->tf + 1 && word_cue(x, f - 1, 0, ALQ_CUE_GIVEN_NAME)) f--;
        break;
      }
      /* a full name to the end of the actor's name: a given name, then a
         given name or a link word, then anything */
      const alq_lexent *g = ents_cue(ej, cj, ALQ_CUE_GIVEN_NAME);
      if (g && j < a->tl) {
        cn = word_ents(x, j + 1, &en);
        nj = j + 1;
        if (ents_cue(en, cn, ALQ_CUE_GIVEN_NAME) || ents_cue(en, cn, ALQ_CUE_NAME_LINK)) {
          f = j; l = a->tl;
          break;
        }
      }
    }
    if (f == SIZE_MAX) continue;
    ment pm = {t->toks[f].start, t->toks[l].end, (uint32_t)f, (uint32_t)l, MK_PERSON, -1, -1, NULL, "PERSON", -1,
               t->toks[f].sent};
    pm.id = slug(x, "new:", f, l);
    x->nested[x->nnested++] = pm;
  }
  return 0;
}

/* The name after a place head that names (names.tsv place_name_head): the
 * head indefinite (قرية، not القرية,
 * which takes an adjective); then a quoted phrase of 1-3 words no lexicon
 * knows, or one such word that is no indefinite nisba adjective (منطقة
 * عسكرية، حي سكني) and carries no tanween, pronoun suffix or proclitic. */
static int new_place_name(const struct alq_extractor *x, const alq_match *m, size_t *tf, size_t *tl) {
  const alq_text *t = &x->text;
  const alq_token *ht = &t->toks[m->tok_first];
  const char *hw = t->norm + ht->nstart;
  if (m->strip >= 4 && !memcmp(hw + m->strip - 4, "\xd8\xa7\xd9\x84", 4)) return 0;
  if (ht->nlen > (uint32_t)m->strip + 4 && !memcmp(hw + m->strip, "\xd8\xa7\xd9\x84", 4)) return 0;
  size_t j = m->tok_last + 1, s = ht->sent;
  if (j >= t->ntoks || t->toks[j].sent != s) return 0;
  if (t->toks[j].kind == ALQ_TOK_QUOTE && (t->toks[j].flags & ALQ_TF_OPEN_QUOTE)) {
    size_t k = j + 1;
    while (k < t->ntoks && t->toks[k].sent == s && t->toks[k].kind == ALQ_TOK_ARABIC && x->tok_match[k] < 0 &&
           x->tok_ment[k] < 0 && k - j <= 3)
      k++;
    if (k > j + 1 && k < t->ntoks && t->toks[k].kind == ALQ_TOK_QUOTE) { *tf = j + 1; *tl = k - 1; return 1; }
    return 0;
  }
  /* a word no lexicon knows, or only as an ambiguous name (الميادين is
     also a channel) */
  int known = x->tok_match[j] >= 0;
  if (known) {
    int k = x->tok_match[j];
    const alq_lexent *on = x_ent(x, k, ALQ_LK_CUE, ALQ_CUE_OUTLET_NAME);
    known = !(on && on->value && x->m[k].tok_first == j && x->m[k].tok_last == j && !x->m[k].strip &&
              !x_ent(x, k, ALQ_LK_ACTOR, -1) && !x_ent(x, k, ALQ_LK_PLACE, -1) && !x_ent(x, k, ALQ_LK_REL, -1));
  }
  if (t->toks[j].kind != ALQ_TOK_ARABIC || known || x->tok_ment[j] >= 0 || t->toks[j].nlen < 6) return 0;
  if (tanween_or_suffix(t, j)) return 0;
  size_t l;
  if (x->tok_match[j] < 0 && name_unit(x, j, 1, &l) == NW_NONE) return 0;   /* وال/بال/لل + word */
  const char *w = t->norm + t->toks[j].nstart;
  size_t n = t->toks[j].nlen;
  int def = !memcmp(w, "\xd8\xa7\xd9\x84", 4);
  /* an indefinite word ending in ي or ة agrees with the head: an
     adjective (منطقة عسكرية، منطقة واسعة، حي سكني) */
  const alq_token *nt = &t->toks[j];
  if (!def && (!memcmp(w + n - 2, "\xd9\x8a", 2) || (nt->end - nt->start >= 2 && !memcmp(t->src + nt->end - 2, "\xd8\xa9", 2))))
    return 0;
  *tf = *tl = j;
  return 1;
}

/* The actor mention of an office phrase starting at role token r: the
 * first actor mention within four words after the role word, before `lim`. */
static int office_actor(const struct alq_extractor *x, size_t r, size_t lim) {
  const alq_text *t = &x->text;
  size_t j = x->tok_match[r] >= 0 ? x->m[x->tok_match[r]].tok_last + 1 : r + 1;
  for (size_t w = 0; j < lim && j < t->ntoks && t->toks[j].sent == t->toks[r].sent && w < 4; j++) {
    int mi = x->tok_ment[j];
    if (mi >= 0 && x->ments[mi].kind == MK_ACTOR) return x->ments[mi].actor;
    if (mi >= 0 && x->ments[mi].kind == MK_PERSON) return -1;
    if (t->toks[j].kind == ALQ_TOK_PUNCT) return -1;
    /* an office of a state named by its nationality (الرئيس اليمني، وزير الخارجية السعودي) */
    const alq_lexent *ne = mi < 0 ? x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_NATIONALITY) : NULL;
    if (ne && ne->value >= 0 && (x->lex->actors[ne->value].tbits & ALQ_AT_STATE)) return ne->value;
    if (x_is_word(t, j)) w++;
  }
  return -1;
}

int x_person_org(const struct alq_extractor *x, const ment *p) {
  const alq_text *t = &x->text;
  if (p->kind != MK_PERSON) return -1;
  /* before the name: an office word and its actor, up to ten words back
     (زعيم تنظيم القاعدة، أيمن الظواهري) */
  for (size_t i = p->tf, w = 0; i > 0 && w < 10;) {
    i--;
    if (t->toks[i].sent != p->sent) break;
    int mi = x->tok_ment[i];
    if (mi >= 0 && x->ments[mi].kind == MK_PERSON) break;
    if (x_is_word(t, i)) w++;
    if (x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_OFFICIAL_ROLE) || x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_MEMBER_NOUN)) {
      size_t r = x->tok_match[i] >= 0 ? x->m[x->tok_match[i]].tok_first : i;
      int a = office_actor(x, r, p->tf);
      if (a >= 0) return a;
    }
  }
  /* after it, in apposition: الاسم، قائد ... */
  size_t j = p->tl + 1;
  if (j < t->ntoks && t->toks[j].sent == p->sent && t->toks[j].kind == ALQ_TOK_PUNCT) {
    size_t r = next_word(t, j);
    if (r != SIZE_MAX && (x_tok_ent(x, r, ALQ_LK_CUE, ALQ_CUE_OFFICIAL_ROLE) || x_tok_ent(x, r, ALQ_LK_CUE, ALQ_CUE_MEMBER_NOUN)))
      return office_actor(x, x->m[x->tok_match[r]].tok_first, t->ntoks);
  }
  return -1;
}

/* (MENTION_CUES, the cue classes x_mentions' rules read on a match: extract.h) */

/* The first match from k on that is an actor or a place or carries one of
 * the cues the mention rules read, or nm: the rest (most matches: function
 * words, triggers, time words) yield no mention, and skipping them here
 * only moves the dates before them to the next match kept (or to the loop
 * after the last), which adds them in the same order, as nothing else is
 * added in between. */
#ifdef ALQ_EXTRACT_NO_FAST
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t next_mention_match(const alq_match *ms, size_t k, size_t nm) {
  while (k < nm && !(ms[k].kinds & ((1u << ALQ_LK_ACTOR) | (1u << ALQ_LK_PLACE))) && !(ms[k].cues & MENTION_CUES)) k++;
  return k;
}
#endif

/* The mention of match k with its span, kind and ids still to set. */
static inline ment match_ment(const alq_text *t, const alq_match *m, size_t k) {
  ment mt = {m->start, m->end, m->tok_first, m->tok_last, 0, -1, (int)k, NULL, NULL, -1, t->toks[m->tok_first].sent};
  return mt;
}

int x_mentions(struct alq_extractor *x) {
  const alq_text *t = &x->text;
  int rc;
  /* the coalition of the story: Yemen stories mean the Saudi-led one; and
     the country the story is about: the state named most often (as an
     actor or a place); "government forces" are its forces. One pass over
     the matches; the states counted in a short list (first come, first
     kept on a tie, as a per-actor count array would) */
  int intl = x->lex->actor_intl_coalition;
  int arab = x->lex->actor_arab_coalition;
  int yem = 0, syr = 0;
  x->focus_state = -1;
  x->ncommon = 0;
#ifndef ALQ_EXTRACT_NO_FAST
  uint32_t *mcand;
  size_t nmc;
  const alq_lexent **cand_ae, **cand_pe;
#endif
  {
    int *st_id = alq_arena_alloc(&x->arena, (x->nm + 1) * sizeof *st_id);
    int *st_n = alq_arena_alloc(&x->arena, (x->nm + 1) * sizeof *st_n);
    if (!st_id || !st_n) return ALQ_ENOMEM;
    size_t nst = 0;
    int best = 0;
#ifndef ALQ_EXTRACT_NO_FAST
    /* (speed) the matches next_mention_match stops at, listed by x_begin:
       the actors and places are among them */
    mcand = x->ment_ms;
    nmc = x->nment_ms;
    /* (and each one's actor and place entries, for the loop below) */
    cand_ae = alq_arena_alloc(&x->arena, (nmc + 1) * sizeof *cand_ae);
    cand_pe = alq_arena_alloc(&x->arena, (nmc + 1) * sizeof *cand_pe);
    if (!cand_ae || !cand_pe) return ALQ_ENOMEM;
    for (size_t c = 0; c < nmc; c++) {
      size_t k = mcand[c];
      cand_ae[c] = cand_pe[c] = NULL;   /* (x_ent's answer without either kind) */
#else
    for (size_t k = 0; k < x->nm; k++) {
#endif
      if (!(x->m[k].kinds & ((1u << ALQ_LK_ACTOR) | (1u << ALQ_LK_PLACE)))) continue;
      const alq_lexent *ae = x_ent(x, (int)k, ALQ_LK_ACTOR, -1);
      const alq_lexent *pe = x_ent(x, (int)k, ALQ_LK_PLACE, -1);
#ifndef ALQ_EXTRACT_NO_FAST
      cand_ae[c] = ae;
      cand_pe[c] = pe;
#endif
      const alq_lexent *e = ae ? ae : pe;
      if (e && e->value >= 0) {
        int a = e->kind == ALQ_LK_ACTOR ? e->value : x->lex->places[e->value].state;
        if (a >= 0) {   /* a place of no state: id "" */
          yem += (x->lex->actors[a].tbits & ALQ_AT_YEMEN_STORY) != 0;
          syr += (x->lex->actors[a].tbits & ALQ_AT_SYRIA_STORY) != 0;
        }
      }
      int st = -1;
      if (pe && pe->value >= 0) st = x->lex->places[pe->value].state;
      if (st < 0 && ae && ae->value >= 0 && (x->lex->actors[ae->value].tbits & ALQ_AT_STATE)) st = ae->value;
      if (st < 0) continue;
      size_t q = 0;
      while (q < nst && st_id[q] != st) q++;
      if (q == nst) { st_id[nst] = st; st_n[nst++] = 0; }
      if (++st_n[q] > best) { best = st_n[q]; x->focus_state = st; }
    }
  }
  x->coalition_default = yem > syr ? arab : intl;
  x->yemen_story = yem >= 2 && yem > syr;

  size_t di = 0;
#ifndef ALQ_EXTRACT_NO_FAST
  uint32_t date_tf = x->ndates ? x->dates[0].tf : UINT32_MAX;
  for (size_t c = 0; c < nmc; c++) {
    size_t k = mcand[c];
#else
  for (size_t k = next_mention_match(x->m, 0, x->nm); k < x->nm; k = next_mention_match(x->m, k + 1, x->nm)) {
#endif
    const alq_match *m = &x->m[k];
    /* dates that start before this match */
#ifndef ALQ_EXTRACT_NO_FAST
    /* (the next date's first token kept at hand: add_ment's stores may
       alias x->dates for the compiler) */
    if (m->tok_first > date_tf) {
      while (di < x->ndates && x->dates[di].tf < m->tok_first)
        if ((rc = add_date_ment(x, &di))) return rc;
      date_tf = di < x->ndates ? x->dates[di].tf : UINT32_MAX;
    }
#else
    while (di < x->ndates && x->dates[di].tf < m->tok_first)
      if ((rc = add_date_ment(x, &di))) return rc;
#endif
    if (x->tok_ment[m->tok_first] >= 0) continue;
#ifdef ALQ_EXTRACT_NO_FAST
    /* a match that is no actor or place and carries none of the cues the
       rules below read yields no mention (most matches: function words,
       triggers, time words; the list holds no other) */
    if (!(m->kinds & ((1u << ALQ_LK_ACTOR) | (1u << ALQ_LK_PLACE))) && !(m->cues & MENTION_CUES)) continue;
#endif
    /* a news outlet by name (رويترز، صحيفة "السفير") */
    const alq_lexent *on = name_cue(x, (int)k, ALQ_CUE_OUTLET_NAME);
    if (on && outlet_here(x, (int)k, on)) {
      ment om = {m->start, m->end, m->tok_first, m->tok_last, MK_OUTLET, -1, (int)k, NULL, "OUTLET", -1,
                 t->toks[m->tok_first].sent};
      om.id = slug_from(x, "new:", m->tok_first, m->strip, m->tok_last);
      if ((rc = add_ment(x, &om))) return rc;
      continue;
    }
    {
      size_t ftl;
      int fa = nationality_force(x, m, &ftl);
      if (fa >= 0) {
        ment fm = {m->start, t->toks[ftl].end, m->tok_first, (uint32_t)ftl, MK_ACTOR, fa, (int)k,
                   x->lex->actors[fa].id, "FORCE", -1, t->toks[m->tok_first].sent};
        if ((rc = add_ment(x, &fm))) return rc;
        continue;
      }
    }
#ifndef ALQ_EXTRACT_NO_FAST
    const alq_lexent *ae = cand_ae[c], *pe = cand_pe[c];   /* (found by the story-country pass) */
#else
    const alq_lexent *ae = x_ent(x, (int)k, ALQ_LK_ACTOR, -1);
    const alq_lexent *pe = x_ent(x, (int)k, ALQ_LK_PLACE, -1);
#endif
    ment mt;   /* (made where an actor or a place is found: match_ment) */
    /* a country's name with tanween is the adjective (جنديا سوريًا) */
    if ((ae || pe) && m->tok_first == m->tok_last && has_tanween(x, m)) continue;
    if (ae) {
      int a = resolve_actor(x, m, ae);
      if (a >= 0) {
        mt = match_ment(t, m, k);
        const alq_actor *ac = &x->lex->actors[a];
        /* a name of the gazetteer, or a one-word name (في المملكة), is a
           place after في; a force is not (مصادر في البنتاغون) */
        int fnamed = (ac->tbits & ALQ_AT_STATE) && force_named(x, m);
        int country_place = (ac->tbits & ALQ_AT_STATE) && (pe || (m->tok_first == m->tok_last && !fnamed)) &&
                            (locative(x, m) || joined_to_place(x, m) || border_of(x, m) || scene_of(x, m));
        mt.kind = country_place ? MK_PLACE : MK_ACTOR;
        mt.actor = a;
        mt.id = ac->id;
        mt.type = country_place ? "PLACE" : fnamed ? "FORCE" : ac->type;
        int dk = country_place ? direction_before(x, m) : -1;
        if (dk >= 0) {   /* (a region of the country: its own new: id) */
          mt.start = x->m[dk].start;
          mt.tf = x->m[dk].tok_first;
          mt.id = slug_from(x, "new:", mt.tf, x->m[dk].strip, mt.tl);
        }
        if ((rc = add_ment(x, &mt))) return rc;
        continue;
      }
    }
    /* a name read as an adjective after its noun (مصادر سورية) is no place */
    if (pe && ae && (ae->flags & ALQ_EF_AMBIG_CONTEXT) && prev_has(x, m->tok_first, ALQ_CUE_AMBIG_BLOCK_BEFORE) &&
        !prev_has(x, m->tok_first, ALQ_CUE_PLACE_HEAD) && x->lex->places[pe->value].country)
      continue;
    if (pe) {
      mt = match_ment(t, m, k);
      const alq_place *pl = &x->lex->places[pe->value];
      /* a country with no id of its own acting, as a state does (أعلنت
         النرويج، وفد من البرازيل): a STATE with a new: id; a place after
         في and in a list of places */
      if (pl->state < 0 && pl->country && !locative(x, m) && !joined_to_place(x, m) &&
          !border_of(x, m) && !scene_of(x, m)) {
        mt.kind = MK_PLACE;   /* no actor index: it takes no part in claims */
        mt.type = "STATE";
        mt.id = slug_from(x, "new:", m->tok_first, m->strip, m->tok_last);
        if ((rc = add_ment(x, &mt))) return rc;
        continue;
      }
      mt.kind = MK_PLACE;
      mt.actor = pl->state;
      mt.id = (pl->state >= 0 && pl->country) ? x->lex->actors[pl->state].id
                                                               : slug_from(x, "new:", m->tok_first, m->strip, m->tok_last);
      mt.type = "PLACE";
      mt.tl = place_extend(x, mt.tl);
      mt.end = t->toks[mt.tl].end;
      int dk = pl->country ? direction_before(x, m) : -1;
      if (dk >= 0) {
        mt.start = x->m[dk].start;
        mt.tf = x->m[dk].tok_first;
        mt.id = slug_from(x, "new:", mt.tf, x->m[dk].strip, mt.tl);
      }
      if ((rc = add_ment(x, &mt))) return rc;
      continue;
    }
    /* a state named by a head and its nationality adjective (الجانب
       التركي، السلطات الكينية is listed where the state has an id) */
    if (x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_STATE_HEAD) && !ae && !pe) {
      size_t j = next_word(t, m->tok_last);
      const alq_lexent *ne = j == m->tok_last + 1 ? x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_NATIONALITY) : NULL;
      if (ne && ne->value >= 0 && x->tok_ment[j] < 0 && (x->lex->actors[ne->value].tbits & ALQ_AT_STATE)) {
        size_t nl = x->m[x->tok_match[j]].tok_last;
        ment sm = {m->start, t->toks[nl].end, m->tok_first, (uint32_t)nl, MK_ACTOR, ne->value, (int)k,
                   x->lex->actors[ne->value].id, "STATE", -1, t->toks[m->tok_first].sent};
        if ((rc = add_ment(x, &sm))) return rc;
        continue;
      }
    }
    /* a place no gazetteer lists, named after its head word (قرية قاح،
       منطقة «الضباب»): the name is the place */
    if (x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_PLACE_NAME_HEAD) && m->tok_first == m->tok_last && !ae) {
      size_t nf, nl;
      if (new_place_name(x, m, &nf, &nl)) {
        ment pm = {t->toks[nf].start, t->toks[nl].end, (uint32_t)nf, (uint32_t)nl, MK_PLACE, -1, -1, NULL, "PLACE", -1,
                   t->toks[nf].sent};
        pm.id = slug(x, "new:", nf, nl);
        if ((rc = add_ment(x, &pm))) return rc;
        continue;
      }
    }
    /* a new organization: a head word (تنظيم، جبهة، لواء ...) and a quoted
       name; its id is new: + the normalized words */
    const alq_lexent *oh0 = x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_ORG_HEAD);
    if (oh0 && m->tok_first == m->tok_last) {
      size_t nf, nlst;
      if (new_org_name(x, m->tok_last, &nf, &nlst)) {
        /* the span is the quoted name (quotes outside, as for known names:
           تنظيم "داعش" -> داعش); the id keeps the head */
        ment om = {t->toks[nf].start, t->toks[nlst].end, m->tok_first, (uint32_t)nlst, MK_NEWORG, -1,
                   (int)k, NULL, "ORG", -1, t->toks[nf].sent};
        om.id = slug_from(x, "new:", m->tok_first, m->strip, nlst);
        if ((rc = add_ment(x, &om))) return rc;
        continue;
      }
    }
    /* a military unit named by its number (الفرقة 30، "اللواء 93"): the
       definite head and the number */
    if (oh0 && oh0->value == 1 && m->tok_first == m->tok_last && x_definite(t, m->tok_first)) {
      size_t j = m->tok_last + 1;
      if (j < t->ntoks && t->toks[j].sent == t->toks[m->tok_first].sent && t->toks[j].kind == ALQ_TOK_NUMBER &&
          t->toks[j].nlen <= 3 && x->tok_ment[j] < 0 && !(j + 1 < t->ntoks && t->toks[j + 1].kind == ALQ_TOK_NUMBER)) {
        /* (the article belongs to the name, as in known names: الفرقة 30) */
        size_t us = m->start;
        if (us >= t->toks[m->tok_first].start + 4 && !memcmp(x->doc->text + us - 4, "\xd8\xa7\xd9\x84", 4)) us -= 4;
        ment um = {us, t->toks[j].end, m->tok_first, (uint32_t)j, MK_NEWORG, -1, (int)k, NULL, "ORG", -1,
                   t->toks[m->tok_first].sent};
        /* (one id for all forms: the head without its article) */
        const alq_token *ht = &t->toks[m->tok_first];
        size_t hs = m->strip < ht->nlen ? m->strip : 0;
        if (ht->nlen >= hs + 6 && !memcmp(t->norm + ht->nstart + hs, "\xd8\xa7\xd9\x84", 4)) hs += 4;
        else if (hs && ht->nlen >= 6 && !memcmp(t->norm + ht->nstart, "\xd9\x84\xd9\x84", 4) &&
                 !memcmp(t->norm + ht->nstart + hs, "\xd9\x84", 2)) hs += 2;
        um.id = slug_from(x, "new:", m->tok_first, hs, j);
        if ((rc = add_ment(x, &um))) return rc;
        continue;
      }
    }
    /* persons after a role word, outlets after their type word */
    const alq_lexent *role = x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_OFFICIAL_ROLE);
    if (!role) role = x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_PERSON_ROLE);
    if (!role) role = x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_TITLE_WORD);
    /* a person's name from its words: a given name, a kunya, a known
       figure (محمد النص، أبو محمد الجولاني، أوباما) */
    {
      size_t tl;
#ifndef ALQ_EXTRACT_NO_FAST
      /* (speed) name_unit's first answer on a match with no actor and no
         name cue is NW_NONE, and person_at's then 0 */
      int may_name = (m->kinds & (1u << ALQ_LK_ACTOR)) || (m->cues & NAME_CUES);
#else
      int may_name = 1;
#endif
      if (may_name && person_at(x, m->tok_first, &tl)) {
        if ((rc = add_person(x, m->tok_first, m->strip, tl, m->start))) return rc;
        continue;
      }
    }
    /* a name no lexicon knows right after a verb of saying (قال جيمس
       كلابر، ...): two or three words, closed like a name */
    if (x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_SAY_VERB)) {
      size_t tf, tl;
      if (plain_name_after(x, m->tok_last, 1, &tf, &tl)) {
        if ((rc = add_person(x, tf, 0, tl, t->toks[tf].start))) return rc;
        continue;
      }
    }
    const alq_lexent *oh = x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_OUTLET_HEAD);
    if (oh) {
      size_t tf, tl;
      /* a news agency named by its country (وكالة الأنباء السورية): the
         whole phrase */
      size_t nw = next_word(t, m->tok_last);
      if (m->tok_last > m->tok_first && nw != SIZE_MAX && nw == m->tok_last + 1 &&
          x_tok_ent(x, nw, ALQ_LK_CUE, ALQ_CUE_NATIONALITY)) {
        size_t nl = x->m[x->tok_match[nw]].tok_last;
        ment om = {m->start, t->toks[nl].end, m->tok_first, (uint32_t)nl, MK_OUTLET, -1, (int)k, NULL, "OUTLET", -1,
                   t->toks[m->tok_first].sent};
        om.id = slug_from(x, "new:", m->tok_first, m->strip, nl);
        if ((rc = add_ment(x, &om))) return rc;
        continue;
      }
      if (outlet_name_after(x, m->tok_last, &tf, &tl) && x->tok_ment[tf] < 0) {
        ment pm = {t->toks[tf].start, t->toks[tl].end, (uint32_t)tf, (uint32_t)tl, MK_OUTLET, -1, -1, NULL,
                   "OUTLET", -1, t->toks[tf].sent};
        pm.id = slug(x, "new:", tf, tl);
        if ((rc = add_ment(x, &pm))) return rc;
        continue;
      }
    }
    if (role) {
      /* a title is followed by the name (الرئيس أوهورو كنياتا); a role
         by its complement, so its name must end like a name, or stand in
         apposition after a comma */
      size_t tf, tl;
      int title = x_ent(x, (int)k, ALQ_LK_CUE, ALQ_CUE_TITLE_WORD) != NULL;
      if (plain_name_after(x, m->tok_last, !title, &tf, &tl) || appos_name_after(x, m->tok_last, &tf, &tl)) {
        if (x->tok_ment[tf] < 0 && (rc = add_person(x, tf, 0, tl, t->toks[tf].start))) return rc;
      }
    }
  }
  while (di < x->ndates)
    if ((rc = add_date_ment(x, &di))) return rc;
#ifndef ALQ_EXTRACT_NO_FAST
  size_t nmatch = x->nments;   /* the mentions of the matches and the dates */
#endif
  if ((rc = surname_refs(x))) return rc;
  if ((rc = nested_persons(x))) return rc;
  /* mentions were appended in streams (matches, dates, surnames): sort by start */
  ment *tmp = alq_arena_alloc(&x->arena, (x->nments + 1) * sizeof *tmp);
  if (!tmp) return ALQ_ENOMEM;
  size_t moved = 0;   /* the mentions before this one kept their index */
#ifndef ALQ_EXTRACT_NO_FAST
  if (!merge_sorted_streams(x->ments, tmp, nmatch, x->nments, &moved))
#endif
    sort_ments(x->ments, tmp, x->nments);
  /* the sort changed the indices, not the tokens covered (add_ment marked
     every mention's tokens and no mention is dropped or moved): tokens of
     no mention are still -1, the others get their new index */
  for (size_t i = moved; i < x->nments; i++)
    for (uint32_t k = x->ments[i].tf; k <= x->ments[i].tl; k++) x->tok_ment[k] = (int32_t)i;
  /* coordination groups: actors joined by و / ، with nothing else between */
  int g = 0;
  uint8_t *waw = alq_arena_calloc(&x->arena, x->nments + 1, 1);   /* per group: joined by و (or one actor) */
  if (!waw) return ALQ_ENOMEM;
  for (size_t i = 0; i < x->nments; i++) {
    ment *b = &x->ments[i];
    if (b->kind != MK_ACTOR) continue;
    size_t j = i;
    while (j > 0 && x->ments[j - 1].kind == MK_DATE) j--;
    if (j == 0) continue;
    ment *a = &x->ments[j - 1];
    if (a->kind != MK_ACTOR || a->sent != b->sent) continue;
    if (a->actor == b->actor) {
      /* an apposition (X (Y) naming one actor twice): one member, so a
         conjunct after it (و Z) joins the same group */
      int appos = 1;
      for (uint32_t k = a->tl + 1; k < b->tf; k++) {
        const alq_token *tk = &t->toks[k];
        if (tk->kind == ALQ_TOK_QUOTE) continue;
        if (tk->kind == ALQ_TOK_PUNCT && tk->nlen == 1 && (t->norm[tk->nstart] == '(' || t->norm[tk->nstart] == ')')) continue;
        appos = 0;
      }
      if (appos) {
        if (a->group < 0) a->group = g++;
        b->group = a->group;
        waw[b->group] = 1;
      }
      continue;
    }
    int ok = 1, joiner = 0, by_waw = 0;
    for (uint32_t k = a->tl + 1; k < b->tf && ok; k++) {
      const alq_token *tk = &t->toks[k];
      if (tk->kind == ALQ_TOK_QUOTE) continue;
      if (tk->flags & ALQ_TF_JOINER) { joiner = 1; continue; }
      if (tk->kind == ALQ_TOK_PUNCT && tk->nlen == 2 && !memcmp(t->norm + tk->nstart, "\xd8\x8c", 2)) { joiner = 1; continue; }
      if (tk->kind == ALQ_TOK_PUNCT && tk->nlen == 1 && (t->norm[tk->nstart] == ',' || t->norm[tk->nstart] == '(' || t->norm[tk->nstart] == ')')) { joiner = 1; continue; }
      if (tk->kind == ALQ_TOK_ARABIC && x_tok_is(t, k, L_WAW)) { joiner = 1; by_waw = 1; continue; }
      /* a conjunct named by its members: X وعناصر من Y، X ومقاتلي Y */
      if (tk->kind == ALQ_TOK_ARABIC && x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_MEMBER_NOUN)) {
        const alq_match *mm = &x->m[x->tok_match[k]];
        if (mm->tok_first == k && mm->strip && !memcmp(t->norm + tk->nstart, L_WAW, 2)) { joiner = 1; by_waw = 1; }
        continue;
      }
      if (tk->kind == ALQ_TOK_ARABIC && joiner && x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_FROM)) continue;
      ok = 0;
    }
    if (!ok) continue;
    if (b->match >= 0 && has_clitic(x, &x->m[b->match], L_WAW)) joiner = by_waw = 1;
    if (!joiner) continue;
    if (a->group < 0) a->group = g++;
    b->group = a->group;
    if (by_waw) waw[b->group] = 1;
  }
  /* a list ends with و (X، Y و Z); names joined by commas or brackets alone
     are an apposition or the edges of two clauses (X، التي ...، Y): no group */
  for (size_t i = 0; i < x->nments; i++)
    if (x->ments[i].group >= 0 && !waw[x->ments[i].group]) x->ments[i].group = -1;
  return 0;
}
