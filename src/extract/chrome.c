/* Page chrome, title and dateline in scraped text. Cleaning marks sentences
 * as non-text; it never copies or edits the text. Rules are about layout
 * (repeated lines, short lines echoing the headline, button words, date-only
 * lines before the headline), not about any particular site. */
#include <string.h>
#include "extract/extract.h"
#include "util/util.h"

typedef struct chrome_line {
  uint32_t s_first, s_count;   /* sentences */
  uint32_t t_first, t_last;    /* tokens (inclusive) */
  uint32_t nwords;
  uint64_t sig;                /* cheap: word count, bytes, first and last word */
  uint64_t hash;               /* of the normalized words (words_hash; 0 until needed) */
  int ends_stop;               /* ends with . ! ? ؟ */
  int date_only;               /* mostly a date (and a time) */
} chrome_line;

/* The hash of the normalized words of tokens [a, b] (never 0). */
static uint64_t words_hash(const alq_text *t, uint32_t a, uint32_t b) {
  uint64_t h = 1469598103934665603ULL;
  for (uint32_t i = a; i <= b; i++) {
    if (!x_is_word(t, i)) continue;
    h = (h ^ alq_hash_words(t->norm + t->toks[i].nstart, t->toks[i].nlen)) * 1099511628211ULL;
    h ^= h >> 29;
  }
  return h ? h : 1;
}

/* A signature of the words of tokens [a, b] that lines with the same words
 * share (their count, their bytes, the first and the last word), cheaper
 * than words_hash: the repeated-line test hashes a line's words only when
 * an earlier line has its signature. *nwords counts the words. */
static uint64_t words_sig_of(const alq_text *t, uint32_t n, uint64_t bytes, uint32_t first, uint32_t last);
/* (each of the two is used by one build, both by tests/unit/test_chrome_fast.c) */
#if defined(__GNUC__)
#define CHROME_MAYBE_UNUSED __attribute__((unused))
#else
#define CHROME_MAYBE_UNUSED
#endif
CHROME_MAYBE_UNUSED static uint64_t words_sig(const alq_text *t, uint32_t a, uint32_t b, uint32_t *nwords) {
  uint32_t n = 0, first = UINT32_MAX, last = 0;
  uint64_t bytes = 0;
  for (uint32_t i = a; i <= b; i++) {
    if (!x_is_word(t, i)) continue;
    if (!n) first = i;
    n++;
    last = i;
    bytes += t->toks[i].nlen;
  }
  *nwords = n;
  return words_sig_of(t, n, bytes, first, last);
}

/* (speed) words_sig of line l, and the number tokens of the line appended
 * to num[*nnum...] for the date pass (x->num_toks): the one pass over the
 * tokens of both, without a branch per token. */
CHROME_MAYBE_UNUSED static uint64_t words_sig_nums(const alq_text *t, uint32_t a, uint32_t b, uint32_t *nwords, uint32_t *num,
                               size_t *nnum) {
  /* all ones for a word's kind (x_is_word: Arabic, Latin, number) */
  static const uint32_t word_mask[8] = {0, ~0u, ~0u, ~0u, 0, 0, 0, 0};
  _Static_assert(ALQ_TOK_ARABIC == 1 && ALQ_TOK_LATIN == 2 && ALQ_TOK_NUMBER == 3 && ALQ_TOK_INVALID < 8,
                 "word_mask follows alq_tok_kind");
  uint32_t n = 0;
  uint64_t bytes = 0;
  size_t nn = *nnum;
  const alq_token *toks = t->toks;
  const alq_token *p = toks + a, *e = toks + b + 1;
  for (; p + 1 < e; p += 2) {   /* (two tokens a round) */
    uint32_t k0 = p[0].kind, k1 = p[1].kind, w0 = word_mask[k0 & 7], w1 = word_mask[k1 & 7];
    bytes += (p[0].nlen & w0) + (uint64_t)(p[1].nlen & w1);
    n -= w0 + w1;                                         /* (+1 for a word) */
    if (k0 == ALQ_TOK_NUMBER) num[nn++] = (uint32_t)(p - toks);   /* (numbers are few) */
    if (k1 == ALQ_TOK_NUMBER) num[nn++] = (uint32_t)(p + 1 - toks);
  }
  if (p < e) {
    uint32_t kind = p->kind, w = word_mask[kind & 7];
    bytes += p->nlen & w;
    n -= w;
    if (kind == ALQ_TOK_NUMBER) num[nn++] = (uint32_t)(p - toks);
  }
  *nnum = nn;
  *nwords = n;
  if (!n) return 1;
  uint32_t first = a, last = b;   /* (the first and the last word) */
  while (!x_is_word(t, first)) first++;
  while (!x_is_word(t, last)) last--;
  return words_sig_of(t, n, bytes, first, last);
}

static uint64_t words_sig_of(const alq_text *t, uint32_t n, uint64_t bytes, uint32_t first, uint32_t last) {
  if (!n) return 1;
  uint64_t h = ((uint64_t)n << 32 | bytes) * 0x9E3779B97F4A7C15ULL;
  h ^= alq_hash_words(t->norm + t->toks[first].nstart, t->toks[first].nlen);
  h = (h ^ (h >> 31)) * 0xFF51AFD7ED558CCDULL;
  h ^= alq_hash_words(t->norm + t->toks[last].nstart, t->toks[last].nlen);
  h ^= h >> 29;
  return h ? h : 1;
}

/* Are the words of line l a contiguous run of the words of line ref? */
static int echoes(const alq_text *t, const chrome_line *l, const chrome_line *ref) {
  if (!l->nwords || l->nwords > ref->nwords) return 0;
  uint32_t lw[64], rw[256], nl = 0, nr = 0;
  for (uint32_t i = l->t_first; i <= l->t_last && nl < 64; i++) if (x_is_word(t, i)) lw[nl++] = i;
  for (uint32_t i = ref->t_first; i <= ref->t_last && nr < 256; i++) if (x_is_word(t, i)) rw[nr++] = i;
  for (uint32_t s = 0; s + nl <= nr; s++) {
    uint32_t k = 0;
    for (; k < nl; k++) {
      const alq_token *a = &t->toks[lw[k]], *b = &t->toks[rw[s + k]];
      if (a->nlen != b->nlen || memcmp(t->norm + a->nstart, t->norm + b->nstart, a->nlen)) break;
    }
    if (k == nl) return 1;
  }
  return 0;
}

/* Has an earlier line in the set the words of line k (the same words_hash)?
 * If not, line k joins the set. The set holds lines by signature (sig, and
 * the line index + 1 in idx); words_hash is computed, once per line, only
 * for lines whose signatures meet. */
static int seen_before(const alq_text *t, chrome_line *ls, uint64_t *sig, uint32_t *idx, size_t cap, size_t k) {
  chrome_line *l = &ls[k];
  size_t i = (size_t)l->sig & (cap - 1);
  while (idx[i]) {
    if (sig[i] == l->sig) {
      chrome_line *o = &ls[idx[i] - 1];
      if (!o->hash) o->hash = words_hash(t, o->t_first, o->t_last);
      if (!l->hash) l->hash = words_hash(t, l->t_first, l->t_last);
      if (o->hash == l->hash) return 1;
    }
    i = (i + 1) & (cap - 1);
  }
  sig[i] = l->sig;
  idx[i] = (uint32_t)k + 1;
  return 0;
}

/* A button or furniture word at token i (chrome value 0; value 1 is a lead
 * verb). */
static int button_word(const struct alq_extractor *x, size_t i) {
  const alq_lexent *e = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_CHROME);
  return e && e->value == 0;
}

/* Does line l open like a news lead: a perfect verb from the lead list as
 * its first word, without a proclitic (وقال continues the story), and a
 * sentence's length? */
static int lead_line(const struct alq_extractor *x, const chrome_line *l) {
  if (l->nwords < 8) return 0;
  const alq_lexent *e = x_tok_ent(x, l->t_first, ALQ_LK_CUE, ALQ_CUE_CHROME);
  return e && e->value == 1 && !x->m[x->tok_match[l->t_first]].strip;
}

static void parse_doc_date(struct alq_extractor *x, const char *iso) {
  int y = 0, m = 0, d = 0;
  if (strlen(iso) >= 10 && iso[4] == '-' && iso[7] == '-') {
    y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
    m = (iso[5] - '0') * 10 + (iso[6] - '0');
    d = (iso[8] - '0') * 10 + (iso[9] - '0');
  }
  if (y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    x->doc_y = y; x->doc_m = m; x->doc_d = d;
    memcpy(x->doc_date, iso, 10);
    x->doc_date[10] = 0;
  }
}

int x_chrome(struct alq_extractor *x) {
  const alq_text *t = &x->text;
  size_t ns = t->nsents;
  int rc;
  if (!ns) {
    if ((rc = x_find_dates(x))) return rc;
    x_resolve_dates(x);
    return 0;
  }
  chrome_line *ls = alq_arena_calloc(&x->arena, ns, sizeof *ls);
  if (!ls) return ALQ_ENOMEM;
  size_t nl = 0;
  for (size_t s = 0; s < ns; s++) {
    const alq_sentence *se = &t->sents[s];
    if (!se->tok_count) continue;
    int newline = s == 0 || (t->toks[se->tok_first].flags & ALQ_TF_NEWLINE_BEFORE);
    if (newline || !nl) {
      chrome_line *l = &ls[nl++];
      l->s_first = (uint32_t)s; l->t_first = se->tok_first;
    }
    chrome_line *l = &ls[nl - 1];
    l->s_count = (uint32_t)s - l->s_first + 1;
    l->t_last = se->tok_first + se->tok_count - 1;
    x->si[s].line = (uint32_t)(nl - 1);
  }
#ifndef ALQ_EXTRACT_NO_FAST
  /* the number tokens for the date pass, from the lines' pass (tokens
     outside every line, if any, tested on their own) */
  uint32_t *num = alq_arena_alloc(&x->arena, (t->ntoks + 1) * sizeof *num);
  if (!num) return ALQ_ENOMEM;
  size_t nnum = 0, tnext = 0;
#endif
  for (size_t k = 0; k < nl; k++) {
    chrome_line *l = &ls[k];
#ifndef ALQ_EXTRACT_NO_FAST
    for (; tnext < l->t_first; tnext++) { num[nnum] = (uint32_t)tnext; nnum += t->toks[tnext].kind == ALQ_TOK_NUMBER; }
    l->sig = words_sig_nums(t, l->t_first, l->t_last, &l->nwords, num, &nnum);
    tnext = (size_t)l->t_last + 1;
#else
    l->sig = words_sig(t, l->t_first, l->t_last, &l->nwords);
#endif
    /* the stop may stand before closing quotes (قال: "... .") */
    uint32_t lt = l->t_last;
    while (lt > l->t_first && t->toks[lt].kind == ALQ_TOK_QUOTE) lt--;
    const alq_token *last = &t->toks[lt];
    const char *ls_ = t->norm + last->nstart;
    l->ends_stop = last->kind == ALQ_TOK_PUNCT && (*ls_ == '.' || *ls_ == '!' || *ls_ == '?' ||
                                                   (last->nlen == 2 && !memcmp(ls_, "\xd8\x9f", 2)));
  }
#ifndef ALQ_EXTRACT_NO_FAST
  for (; tnext < t->ntoks; tnext++) { num[nnum] = (uint32_t)tnext; nnum += t->toks[tnext].kind == ALQ_TOK_NUMBER; }
  x->num_toks = num;
  x->nnum = nnum;
#endif
  if ((rc = x_find_dates(x))) return rc;
  size_t di = 0;
  for (size_t k = 0; k < nl; k++) {
    chrome_line *l = &ls[k];
    /* date-only: a date expression covers most of the line's words */
    while (di < x->ndates && x->dates[di].tl < l->t_first) di++;
    uint32_t covered = 0;
    for (size_t d = di; d < x->ndates && x->dates[d].tf <= l->t_last; d++)
      for (uint32_t i = x->dates[d].tf; i <= x->dates[d].tl; i++) covered += x_is_word(t, i);
    l->date_only = covered > 0 && l->nwords <= covered + 3;
  }
  /* the title: the first headline-sized line (5 to 60 words, no date, no
     button word) before the body; masthead lines above it are short; else
     the longest short chrome_line */
  int title = -1, longest = -1;
  for (size_t k = 0, seen = 0; k < nl && seen < 8; k++) {
    chrome_line *l = &ls[k];
    if (l->nwords < 3 || l->date_only) continue;
    if (button_word(x, l->t_first)) continue;
    seen++;
    if (l->ends_stop && l->nwords >= 25) break;  /* body text reached */
    if (l->nwords > 60) break;
    if (l->nwords >= 5) { title = (int)k; break; }
    if (longest < 0 || l->nwords > ls[longest].nwords) longest = (int)k;
  }
  if (title < 0) title = longest;
  if (title >= 0) {
    x->title[0] = t->toks[ls[title].t_first].start;
    x->title[1] = t->toks[ls[title].t_last].end;
  }
  /* the dateline: a date-only line after the title, among the next lines;
     a date line above the headline is the masthead (often the visit date) */
  if (x->doc && x->doc->date) parse_doc_date(x, x->doc->date);
  if (!x->doc_y && title >= 0) {
    for (size_t k = (size_t)title + 1; k < nl && k <= (size_t)title + 4; k++) {
      if (!ls[k].date_only) continue;
      for (size_t d = 0; d < x->ndates; d++)
        if (x->dates[d].tf >= ls[k].t_first && x->dates[d].tl <= ls[k].t_last &&
            strlen(x->dates[d].iso) == 10) { parse_doc_date(x, x->dates[d].iso); break; }
      if (x->doc_y) break;
    }
  }
  x_resolve_dates(x);
  /* chrome lines; `seen` is a hash set of the lines met so far */
  size_t scap = 16;
  while (scap < nl * 2) scap *= 2;
  uint64_t *seen = alq_arena_alloc(&x->arena, scap * sizeof *seen);
  uint32_t *seen_idx = alq_arena_calloc(&x->arena, scap, sizeof *seen_idx);
  if (!seen || !seen_idx) return ALQ_ENOMEM;
  /* teasers: the last lines, two or more, each opening like the lead of a
     story (the site's "more stories"), after at least two lines of the
     article's own */
  size_t teasers = nl, body = 0;
  {
    size_t k = nl;
    while (k > 0 && (!ls[k - 1].nwords || lead_line(x, &ls[k - 1]))) k--;
    size_t run = 0;
    for (size_t j = k; j < nl; j++) run += ls[j].nwords > 0;
    for (size_t j = 0; j < k; j++) body += ls[j].nwords > 0 && (int)j != title;
    if (run >= 2 && body >= 2) teasers = k;
  }
  int prev = -1;                 /* the last line with words */
  for (size_t k = 0; k < nl; k++) {
    chrome_line *l = &ls[k];
    int chrome = k >= teasers;
    if (button_word(x, l->t_first) && !l->ends_stop) chrome = 1;
    /* a date line yields no claim; the dateline below the headline is still
       a DATE mention, a masthead date above it is not (chrome 2 = mentions kept) */
    if (l->date_only) chrome = (title >= 0 && (int)k > title) ? 2 : 1;
    if (l->nwords <= 6 && !l->ends_stop)
      for (size_t i = l->t_first; i <= l->t_last; i++)
        if (button_word(x, i)) chrome = 1;
    if (!chrome && l->nwords && seen_before(t, ls, seen, seen_idx, scap, k)) chrome = 1;  /* repeated chrome_line */
    if (!chrome && title >= 0 && (int)k != title && !l->ends_stop && l->nwords <= 8 &&
        echoes(t, l, &ls[title]))
      chrome = 1;                                            /* caption echoing the headline */
    if (!chrome && prev >= 0 && !l->ends_stop && l->nwords <= 8 && echoes(t, l, &ls[prev]))
      chrome = 1;                      /* a sub-headline repeated short (a teaser or caption) */
    if (l->nwords) prev = (int)k;
    if (!l->nwords) chrome = 1;
    /* a short line without final punctuation below the title: a sub-headline */
    int subhead = !chrome && (int)k > title && !l->ends_stop && l->nwords >= 3 && l->nwords <= 12;
    for (uint32_t s = l->s_first; s < l->s_first + l->s_count; s++) {
      x->si[s].chrome = (uint8_t)chrome;
      x->si[s].headline = (int)k == title;
      x->si[s].subhead = (uint8_t)subhead;
    }
  }
  for (size_t s = 0; s < ns; s++) {
    const alq_sentence *se = &t->sents[s];
    if (!se->tok_count) continue;
    const alq_token *last = &t->toks[se->tok_first + se->tok_count - 1];
    size_t li = se->tok_first + se->tok_count - 1;
    while (li > se->tok_first && t->toks[li].kind == ALQ_TOK_QUOTE) li--;
    last = &t->toks[li];
    const char *q = t->norm + last->nstart;
    if ((last->nlen == 1 && *q == '?') || (last->nlen == 2 && !memcmp(q, "\xd8\x9f", 2)))
      x->si[s].question = 1;
    for (size_t i = se->tok_first; i < se->tok_first + se->tok_count && i < se->tok_first + 2; i++)
      if (x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_QUESTION)) x->si[s].question = 1;
  }
  return 0;
}
