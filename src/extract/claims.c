/* Claims: for every relation trigger of a (non-chrome) sentence, find its
 * pair of actors (a coordinated pair or بين X و Y after it, a pair anaphor,
 * agent before and patient after, X ... ضد/مع Y), then polarity, modality,
 * source, time and place from cues in the trigger's clause; one claim per
 * (sentence, pair, type, polarity). */
#include <stdio.h>
#include <string.h>
#include "extract/extract.h"

#define MAXG 8

typedef struct side { int actor[MAXG]; uint32_t span[MAXG][2]; int n; } side;

static void side_add(side *s, int a, uint32_t st, uint32_t en) {
  for (int i = 0; i < s->n; i++) if (s->actor[i] == a) return;
  if (s->n < MAXG) { s->actor[s->n] = a; s->span[s->n][0] = st; s->span[s->n][1] = en; s->n++; }
}

/* All actor mentions of the coordination group of mention mi. */
static void group_of(const struct alq_extractor *x, int mi, side *out) {
  const ment *m = &x->ments[mi];
  if (m->group < 0) { side_add(out, m->actor, m->start, m->end); return; }
  /* a group's members are neighbours (only dates may sit between them) */
  size_t lo = (size_t)mi, hi = (size_t)mi;
  while (lo > 0 && (x->ments[lo - 1].group == m->group || x->ments[lo - 1].kind == MK_DATE)) lo--;
  while (hi + 1 < x->nments && (x->ments[hi + 1].group == m->group || x->ments[hi + 1].kind == MK_DATE)) hi++;
  for (size_t i = lo; i <= hi; i++)
    if (x->ments[i].group == m->group && x->ments[i].kind == MK_ACTOR)
      side_add(out, x->ments[i].actor, x->ments[i].start, x->ments[i].end);
}

static int is_comma(const alq_text *t, size_t i) {
  const alq_token *tk = &t->toks[i];
  if (tk->kind != ALQ_TOK_PUNCT) return 0;
  const char *s = t->norm + tk->nstart;
  return (tk->nlen == 2 && !memcmp(s, "\xd8\x8c", 2)) || (tk->nlen == 1 && *s == ',');
}

static int is_stop_punct_at(const alq_text *t, size_t i);
static inline int is_stop_punct(const alq_text *t, size_t i) {
  if (t->toks[i].kind != ALQ_TOK_PUNCT) return 0;   /* (the usual answer, inline) */
  return is_stop_punct_at(t, i);
}
static int is_stop_punct_at(const alq_text *t, size_t i) {
  const alq_token *tk = &t->toks[i];
  if (tk->kind != ALQ_TOK_PUNCT || is_comma(t, i)) return 0;
  const char *s = t->norm + tk->nstart;
  /* ، and , do not stop (lists), nor brackets and dashes; ؛ : . do */
  if (tk->nlen == 1 && (*s == '(' || *s == ')' || *s == '-')) return 0;
  return 1;
}

typedef struct ctx {
  struct alq_extractor *x;
  size_t s_first, s_end;         /* sentence tokens */
  uint32_t sent;
  const char *when;              /* list items: the item's own date (or NULL) */
  int when_set;                  /* use `when` instead of looking for a date */
  side role_member;              /* the member of the sentence's last role noun */
  size_t role_at;                /* that role noun's token, 0 if none */
  side owner;                    /* the owner of the sentence's last possessed relation noun */
  int cur_type;                  /* the relation type of the trigger being resolved */
  int src_looked;                /* find_source ran for this sentence */
} ctx;

static int tok_cue_at(const ctx *c, size_t i, int cls) {
  return i < c->s_end && x_tok_ent(c->x, i, ALQ_LK_CUE, cls) != NULL;
}
static inline int tok_cue(const ctx *c, size_t i, int cls) {
#ifndef ALQ_EXTRACT_NO_FAST
  /* the usual "no" from the token's cue bits, inline (speed) */
  if (i >= c->s_end || !((c->x->tok_cues[i] >> cls) & 1)) return 0;
#endif
  return tok_cue_at(c, i, cls);
}

/* The pair a pair anaphor (التنظيمين، بينهما) points to: the last pair named
 * together with بين or a dual head if that was in the last sentences, else
 * the last coordinated pair (CLAIMS.md rule 9). Returns 0 if none. */
static int anaphor_pair_at(const ctx *c, size_t i, int out[2]);
/* A copula pronoun (هي، هو، هم، هما), not one of the verbs of being. */
static int copula_pronoun(const ctx *c, size_t i) {
  const alq_lexent *e = tok_cue(c, i, ALQ_CUE_COPULA) ? x_tok_ent(c->x, i, ALQ_LK_CUE, ALQ_CUE_COPULA) : NULL;
  return e && e->value == 0;
}
/* Do actors a and b fit a pair anaphor of kind `want` (pair_anaphor's
 * value: 2 "the two countries", both states; 3 "the two organizations",
 * neither a state; else any)? */
static int pair_fits(const struct alq_extractor *x, int a, int b, int want) {
  int sa = (x->lex->actors[a].tbits & ALQ_AT_STATE) != 0, sb = (x->lex->actors[b].tbits & ALQ_AT_STATE) != 0;
  if (want == 2) return sa && sb;
  if (want == 3) return !sa && !sb;
  return 1;
}

static int anaphor_pair_of(const ctx *c, int out[2], int want) {
  const struct alq_extractor *x = c->x;
  if (x->strong[0] >= 0 && c->sent - x->strong_sent <= 3 && pair_fits(x, x->strong[0], x->strong[1], want)) {
    out[0] = x->strong[0]; out[1] = x->strong[1];
    return 1;
  }
  if (x->focus[0] >= 0 && pair_fits(x, x->focus[0], x->focus[1], want)) { out[0] = x->focus[0]; out[1] = x->focus[1]; return 1; }
  return 0;
}
static int anaphor_pair(const ctx *c, int out[2]) { return anaphor_pair_of(c, out, 0); }

/* The pair the pair anaphor at token i points to: "the two sides" (value 1)
 * right after two coordinated names fought a third together (X و Y هاجموا
 * Z ... بين الطرفين) are the first of them and the third; "the two
 * countries" (2) and "the two organizations" (3) only a pair of their kind. */
static int anaphor_pair_at(const ctx *c, size_t i, int out[2]) {
  const struct alq_extractor *x = c->x;
  const alq_lexent *e = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_PAIR_ANAPHOR);
  if (e && e->value == 1 && x->sides[0] >= 0 && c->sent - x->sides_sent <= 2 && x->focus[0] >= 0 &&
      ((x->focus[0] == x->sides[0]) || (x->focus[1] == x->sides[0]))) {
    out[0] = x->sides[0]; out[1] = x->sides[1];
    return 1;
  }
  if (!anaphor_pair_of(c, out, e ? e->value : 0)) return 0;
  /* "the two sides" after a third actor named in the sentence (قتل تسعة من
     X و Y واثنان من Z في مواجهات بين الطرفين): the pair in memory (X, Y)
     may be one of the sides; no pair */
  if (e && e->value == 1)
    for (size_t k = c->s_first; k < i; k++) {
      int mi = x->tok_ment[k];
      if (mi < 0 || x->ments[mi].kind != MK_ACTOR) continue;
      if (x->ments[mi].actor != out[0] && x->ments[mi].actor != out[1]) return 0;
      k = x->ments[mi].tl;
    }
  return 1;
}

/* Was the coordinated pair ending at mention mi introduced by بين or a dual
 * head (بين X و Y، تنظيمي X و Y)? */
static int named_together(const ctx *c, int mi, const side *g) {
  const struct alq_extractor *x = c->x;
  (void)g;
  size_t first = (size_t)mi;
  while (first > 0 && x->ments[first - 1].group == x->ments[mi].group) first--;
  size_t k = x->ments[first].tf;
  for (int back = 0; back < 3 && k > c->s_first; back++) {
    k--;
    if (x->text.toks[k].kind == ALQ_TOK_QUOTE) { back--; continue; }
    if (tok_cue(c, k, ALQ_CUE_BETWEEN) || tok_cue(c, k, ALQ_CUE_DUAL_HEAD)) return 1;
    if (x->text.toks[k].kind != ALQ_TOK_ARABIC) return 0;
  }
  return 0;
}


/* Is the word at token i (after at most one one-letter proclitic) a
 * militia head (ميليشيات، ميليشيا: org_head value 2)? */
static int militia_head(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  if (tk->kind != ALQ_TOK_ARABIC) return 0;
  for (size_t strip = 0; strip <= 2 && strip < tk->nlen; strip += 2) {
    const alq_lexent *e;
    uint32_t n = x_word_entries(x, x->text.norm + tk->nstart + strip, tk->nlen - strip, &e);
    for (uint32_t k = 0; k < n; k++)
      if (e[k].kind == ALQ_LK_CUE && e[k].cls == ALQ_CUE_ORG_HEAD && e[k].value == 2) return 1;
  }
  return 0;
}

/* x->last_org_militia, found on the first question after last_org was set
 * (speed: x_claims leaves it -1) */
static int org_militia(struct alq_extractor *x) {
  if (x->last_org_militia < 0)
    x->last_org_militia = militia_head(x, x->last_org_tf) ||
                          (x->last_org_after_first && militia_head(x, x->last_org_tf - 1));
  return x->last_org_militia;
}

/* The actor a single anaphor at token i (التنظيم، الأخير، الحركة) stands for:
 * the last actor named that fits its kind (an organization, a state, any);
 * -1 when i is no anaphor, or a head followed by a name (التنظيم "داعش"). */
/* Is the actor mention named by a coalition word (ائتلاف، تحالف, with or
 * without the article: الائتلاف الوطني السوري)? */
static int coalition_named(const struct alq_extractor *x, const ment *m) {
  const alq_text *t = &x->text;
  const alq_token *tk = &t->toks[m->tf];
  size_t strip = m->match >= 0 ? x->m[m->match].strip : 0;
  if (tk->nlen < strip + 10) return 0;
  const char *w = t->norm + tk->nstart + strip;
  size_t n = tk->nlen - strip;
  if (n >= 14 && !memcmp(w, "\xd8\xa7\xd9\x84", 4)) { w += 4; n -= 4; }   /* ال */
  return (n == 12 && !memcmp(w, "\xd8\xa7\xd9\x8a\xd8\xaa\xd9\x84\xd8\xa7\xd9\x81", 12)) ||   /* ايتلاف */
         (n == 10 && !memcmp(w, "\xd8\xaa\xd8\xad\xd8\xa7\xd9\x84\xd9\x81", 10));              /* تحالف */
}

static int single_anaphor_at(const ctx *c, size_t i);
static inline int single_anaphor(const ctx *c, size_t i) {
#ifndef ALQ_EXTRACT_NO_FAST
  /* the usual "no anaphor here" from the token's cue bits, inline (speed) */
  if (i >= c->x->text.ntoks || !((c->x->tok_cues[i] >> ALQ_CUE_SINGLE_ANAPHOR) & 1)) return -1;
#endif
  return single_anaphor_at(c, i);
}
static int single_anaphor_at(const ctx *c, size_t i) {
  const struct alq_extractor *x = c->x;
  const alq_lexent *e = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_SINGLE_ANAPHOR);
  if (!e || x->m[x->tok_match[i]].tok_first != i) return -1;
  /* "the latest" after a definite noun is its adjective (التفاهم الأخير،
     الهجوم الأخيرة), not "the latter" */
  if (e->value == 2 && i > c->s_first && x->tok_ment[i - 1] < 0 && x_definite(&x->text, i - 1)) return -1;
  size_t nx = x->m[x->tok_match[i]].tok_last + 1;
  /* a state named by its adjective (الدولة الإيرانية): the state of the
     nationality */
  if ((e->value == 1 || e->value == 3) && nx < c->s_end) {
    const alq_lexent *na = x_tok_ent(x, nx, ALQ_LK_CUE, ALQ_CUE_NATIONALITY);
    if (na && na->value >= 0) return na->value;
  }
  /* a head that a name follows, after up to two unknown words (adjectives:
     المجموعة العلمانية "حركة الحزم"), describes that name */
  for (int adj = 0; nx < c->s_end && adj <= 2; nx++) {
    if (x->text.toks[nx].kind == ALQ_TOK_QUOTE) continue;
    /* (a date after an organization or the army is an adverb: قوات الجيش
       أمس، الكتائب سنة 2013; البلاد منذ سنوات stays a place) */
    if (x->tok_ment[nx] >= 0) {
      if (x->ments[x->tok_ment[nx]].kind == MK_DATE && (e->value == 0 || tok_cue(c, i, ALQ_CUE_FORCE_HEAD))) break;
      return -1;
    }
    if (x->text.toks[nx].kind != ALQ_TOK_ARABIC || x->tok_match[nx] >= 0) break;
    adj++;
  }
  /* "in the country" is a place (في البلاد، داخل البلد، بالبلاد) */
  if (e->value == 3) {
    const alq_match *m = &x->m[x->tok_match[i]];
    if (m->strip && !memcmp(x->text.norm + x->text.toks[i].nstart, X_BA, 2)) return -1;
    if (i > c->s_first) {
      const alq_lexent *pp = x_tok_ent(x, i - 1, ALQ_LK_CUE, ALQ_CUE_PLACE_PREP);
      if (pp && pp->value != 1) return -1;
    }
  }
  /* (in a story about Yemen, "the militias" of the Gulf and Yemeni press are
     the organization last named, whatever its head) */
  if (e->value == 4 && !x->yemen_story && !org_militia(c->x)) return -1;
  /* "the army" of the state last named is its armed force (forces.tsv) */
  if (e->value == 1 && x->last_state >= 0 && tok_cue(c, i, ALQ_CUE_FORCE_HEAD) &&
      x->lex->state_force[x->last_state] >= 0)
    return x->lex->state_force[x->last_state];
  if (e->value == 5) return x->last_coalition;   /* الائتلاف: the coalition last named */
  return e->value == 1 || e->value == 3 ? x->last_state : e->value == 2 ? x->last_actor : x->last_org;
}

/* Is the relation word at token i a descriptor of the name that follows it
 * (التحالف المعتدل "جبهة ثوار سوريا": the alliance that is that group)? A
 * definite one-word match, up to two unknown words, then an actor. */
static int descriptor_head(const ctx *c, size_t i) {
  const struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  int k = x->tok_match[i];
  if (k < 0 || x->m[k].tok_first != i || x->m[k].tok_last != i) return 0;
  const char *w = t->norm + t->toks[i].nstart + x->m[k].strip;
  if (t->toks[i].nlen < (uint32_t)x->m[k].strip + 4 || memcmp(w, "\xd8\xa7\xd9\x84", 4)) return 0;
  int adj = 0;
  for (size_t j = i + 1; j < c->s_end; j++) {
    if (t->toks[j].kind == ALQ_TOK_QUOTE) continue;
    int mj = x->tok_ment[j];
    if (mj >= 0) return x->ments[mj].kind == MK_ACTOR && adj >= 1;
    if (t->toks[j].kind != ALQ_TOK_ARABIC || x->tok_match[j] >= 0 || ++adj > 2) return 0;
  }
  return 0;
}

/* A soldier noun and a nationality adjective (عسكري تركي، جنود أمريكيون)
 * starting at token i: the force of that state (or the state), else -1. Not
 * after a source or office word (مسؤول عسكري أمريكي is a speaker). */
static int soldier_force_at(const ctx *c, size_t i, size_t *last);
static inline int soldier_force(const ctx *c, size_t i, size_t *last) {
#ifndef ALQ_EXTRACT_NO_FAST
  /* the usual "no soldier noun here" from the token's cue bits, inline (speed) */
  if (i >= c->s_end || !((c->x->tok_cues[i] >> ALQ_CUE_SOLDIER) & 1)) return -1;
#endif
  return soldier_force_at(c, i, last);
}
static int soldier_force_at(const ctx *c, size_t i, size_t *last) {
  const struct alq_extractor *x = c->x;
  if (!tok_cue(c, i, ALQ_CUE_SOLDIER) || x->tok_ment[i] >= 0) return -1;
  int k = x->tok_match[i];
  if (x->m[k].tok_first != i || x->m[k].tok_last != i || i + 1 >= c->s_end) return -1;
  if (i > c->s_first && (tok_cue(c, i - 1, ALQ_CUE_ANON_SOURCE) || tok_cue(c, i - 1, ALQ_CUE_OFFICIAL_ROLE) ||
                         tok_cue(c, i - 1, ALQ_CUE_SOLDIER)))
    return -1;
  const alq_lexent *ne = x_tok_ent(x, i + 1, ALQ_LK_CUE, ALQ_CUE_NATIONALITY);
  if (!ne || ne->value < 0 || x->tok_ment[i + 1] >= 0) return -1;
  if (last) *last = i + 1;
  int f = x->lex->state_force[ne->value];
  return f >= 0 ? f : ne->value;
}

/* A hostile trigger with the proclitic lam of purpose (التعاون لطرد Y،
 * تحالف للقضاء على Y) after a cooperative one: the name after it is the
 * common target, not a party of the relation before it. */
static int purpose_trigger(const ctx *c, size_t i) {
  const struct alq_extractor *x = c->x;
  int k = x->tok_match[i];
  if (k < 0 || x->m[k].tok_first != i || !x->m[k].strip) return 0;
  if (c->cur_type != ALQ_REL_ALLIANCE && c->cur_type != ALQ_REL_MERGER && c->cur_type != ALQ_REL_COOPERATION &&
      c->cur_type != ALQ_REL_SUPPORT)
    return 0;
  if (!x_tok_ent(x, i, ALQ_LK_REL, ALQ_REL_CONFLICT)) return 0;
  return !memcmp(x->text.norm + x->text.toks[i].nstart, X_LAM, 2);
}

/* The actor side starting at the first actor mention (or pair anaphor) in
 * (from, from+win]; stops at triggers of another relation, clause words and
 * hard punctuation. Returns the token after it, 0 if none. */
static int adjective_like(const struct alq_extractor *x, size_t i);

static size_t scan_right(ctx *c, size_t from, size_t win, side *out, int *via_between) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  size_t words = 0;
  int noun = 0;   /* a word that is no adjective seen since `from` */
  int plain = 0;  /* ... and one no lexicon knows (a common noun: استقرار) */
#ifndef ALQ_EXTRACT_NO_FAST
  /* (speed) noun is read only for a relation of class 0, plain only for
     support: adjective_like is asked only while its answer can still
     change one that is read (ADJ_ASK, given whether the word would make
     plain) */
  const int need_noun = alq_reltype_class(c->cur_type) == 0, need_plain = c->cur_type == ALQ_REL_SUPPORT;
#define ADJ_ASK(plain_ok) ((need_noun && !noun) || (need_plain && !plain && (plain_ok)))
  const uint64_t sr_stop = (1ull << ALQ_CUE_SOLDIER) | (1ull << ALQ_CUE_PAIR_ANAPHOR) |
                           (1ull << ALQ_CUE_SINGLE_ANAPHOR) | (1ull << ALQ_CUE_AGAINST) | (1ull << ALQ_CUE_BETWEEN) |
                           (1ull << ALQ_CUE_CLAUSE) | (1ull << ALQ_CUE_SAY_VERB) | (1ull << ALQ_CUE_RELATIVE);
#else
#define ADJ_ASK(plain_ok) 1
#endif
  for (size_t i = from; i < c->s_end && words <= win; i++) {
#ifndef ALQ_EXTRACT_NO_FAST
    /* (speed) a word with no match and no mention (no cue either): of the
       steps below only the noun test and the word count act on it */
    if (t->toks[i].kind != ALQ_TOK_PUNCT && x->tok_match[i] < 0 && x->tok_ment[i] < 0) {
      if (t->toks[i].kind == ALQ_TOK_ARABIC && ADJ_ASK(t->toks[i].nlen >= 6) && !adjective_like(x, i)) {
        noun = 1;
        if (t->toks[i].nlen >= 6) plain = 1;
      }
      if (x_is_word(t, i)) words++;
      continue;
    }
    /* (speed) a matched word (the test above took the others) that is no
       mention, has no relation entry and none of the cues sr_stop the
       steps below ask about: of them only the noun test (a match never
       makes plain) and the word count act on it */
    if (t->toks[i].kind != ALQ_TOK_PUNCT && x->tok_ment[i] < 0 && !(x->tok_cues[i] & sr_stop) &&
        !(x->m[x->tok_match[i]].kinds & (1u << ALQ_LK_REL))) {
      if (t->toks[i].kind == ALQ_TOK_ARABIC && ADJ_ASK(0) && !adjective_like(x, i)) noun = 1;
      if (x_is_word(t, i)) words++;
      continue;
    }
#endif
    if (is_stop_punct(t, i)) return 0;
    int mi = x->tok_ment[i];
    /* help for a thing of its own (دعم استقرار المناطق المحررة من Y): a
       name behind من after that noun phrase (a definite word right before
       من; بدعم مباشر من Y is the giver), unless the help is received
       (تتلقى دعما بملايين الدولارات من Y) */
    if (mi >= 0 && x->ments[mi].kind == MK_ACTOR && plain && c->cur_type == ALQ_REL_SUPPORT && i > from + 1 &&
        x->ments[mi].tf == i && tok_cue(c, i - 1, ALQ_CUE_FROM) && x_definite(t, i - 2) &&
        !(from > c->s_first && tok_cue(c, from - 1, ALQ_CUE_FROM)) && !(from >= c->s_first + 2 && tok_cue(c, from - 2, ALQ_CUE_RECEIVE)))
      return 0;
    if (mi >= 0 && x->ments[mi].kind == MK_ACTOR) {
      group_of(x, mi, out);
      size_t end = x->ments[mi].tl + 1;
      /* walk to the end of the group */
      for (size_t k = (size_t)mi + 1; k < x->nments && x->ments[mi].group >= 0; k++)
        if (x->ments[k].group == x->ments[mi].group) end = x->ments[k].tl + 1;
      return end;
    }
    /* a person in an office of an actor stands for it (الموالية للرئيس
       اليمني X: loyal to Yemen), rule 11 */
    if (mi >= 0 && x->ments[mi].kind == MK_PERSON) {
      /* (the office right before the name: للرئيس اليمني X، لزعيم حزب الله X) */
      int office = 0;
      for (size_t b = x->ments[mi].tf, nb = 0; b-- > c->s_first && nb < 3 && !office; nb++)
        office = tok_cue(c, b, ALQ_CUE_OFFICIAL_ROLE);
      int po = office ? x_person_org(x, &x->ments[mi]) : -1;
      if (po >= 0) {
        side_add(out, po, x->ments[mi].start, x->ments[mi].end);
        return x->ments[mi].tl + 1;
      }
    }
    if (mi >= 0) { i = x->ments[mi].tl; words++; continue; }
    size_t sl;
    int sf = soldier_force(c, i, &sl);
    if (sf >= 0) {
      side_add(out, sf, t->toks[i].start, t->toks[sl].end);
      return sl + 1;
    }
    int ap[2];
    if (tok_cue(c, i, ALQ_CUE_PAIR_ANAPHOR)) {
      if (anaphor_pair_at(c, i, ap)) {
        side_add(out, ap[0], t->toks[i].start, t->toks[i].end);
        side_add(out, ap[1], t->toks[i].start, t->toks[i].end);
        /* 1: the pair is introduced by بين (بينهما، بين التنظيمين); 2: it
           may be the object (تقاتل التنظيمين) */
        if (via_between && *via_between != 1) *via_between = tok_cue(c, i, ALQ_CUE_BETWEEN) ? 1 : 2;
        return x->m[x->tok_match[i]].tok_last + 1;
      }
      return 0;
    }
    int ant = single_anaphor(c, i);
    if (ant >= 0) {
      side_add(out, ant, t->toks[i].start, t->toks[i].end);
      return x->m[x->tok_match[i]].tok_last + 1;
    }
    /* a cooperative relation "against Y" (جبهة مشتركة ضد Y، دعم ضد Y): Y is
       the common target, not a party */
    if (i > from || c->cur_type != ALQ_REL_CONFLICT) {
      const alq_lexent *ag = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_AGAINST);
      if (ag && ag->value == 1 && alq_reltype_class(c->cur_type) == 0) return 0;
    }
    if (tok_cue(c, i, ALQ_CUE_BETWEEN)) {
      const alq_lexent *bw = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_BETWEEN);
      /* between us (بيننا وبين X): one party is the speaker, unnamed */
      if (bw->value == 1) return 0;
      /* "among them" before a count (قتل 28 شخصا، بينهم 17 من X و 5 من Y):
         a list of the dead, not the parties */
      if (bw->value == 2 && i + 1 < c->s_end &&
          (t->toks[i + 1].kind == ALQ_TOK_NUMBER || tok_cue(c, i + 1, ALQ_CUE_NUMBER_WORD)))
        return 0;
      /* ... or before names without وبين (حلفاء بينهم X و Y): members of a
         group, not the parties */
      if (bw->value == 2 && i + 1 < c->s_end && x->tok_ment[i + 1] >= 0 && x->ments[x->tok_ment[i + 1]].kind == MK_ACTOR)
        return 0;
      if (via_between) *via_between = 1;
    }
    if (x->tok_match[i] >= 0 && x_tok_ent(x, i, ALQ_LK_REL, -1) && (i > from || purpose_trigger(c, i)) &&
        !descriptor_head(c, i))
      return 0;
    if (tok_cue(c, i, ALQ_CUE_CLAUSE) || tok_cue(c, i, ALQ_CUE_SAY_VERB)) return 0;
    /* help for a thing described by a relative clause (تأييدها للخطوات التي
       أعلنها X): the actor in the clause is not the one helped */
    if (noun && alq_reltype_class(c->cur_type) == 0 && tok_cue(c, i, ALQ_CUE_RELATIVE) &&
        x->tok_ment[i - 1] < 0 && t->toks[i - 1].kind == ALQ_TOK_ARABIC)
      return 0;
    /* (a noun of its own, not an adjective of the trigger: الدعم العسكري
       الذي تقدمه X لـ Y is the trigger's own relative clause) */
    if (t->toks[i].kind == ALQ_TOK_ARABIC &&
        ADJ_ASK(x->tok_match[i] < 0 && x->tok_ment[i] < 0 && t->toks[i].nlen >= 6) && !adjective_like(x, i)) {
      noun = 1;
      if (x->tok_match[i] < 0 && x->tok_ment[i] < 0 && t->toks[i].nlen >= 6) plain = 1;
    }
#undef ADJ_ASK
    /* a comma and a new conjunct that is no name (الصراع في اليمن، ودور
       بلاده في قيادة Y) end the trigger's phrase */
    if (i > from && is_comma(t, i) && i + 1 < c->s_end && x->tok_ment[i + 1] < 0 &&
        t->toks[i + 1].kind == ALQ_TOK_ARABIC && t->toks[i + 1].nlen > 4 &&
        !memcmp(t->norm + t->toks[i + 1].nstart, X_WAW, 2) &&
        !(x->tok_match[i + 1] >= 0 && (x_tok_ent(x, i + 1, ALQ_LK_CUE, ALQ_CUE_PAIR_ANAPHOR) ||
                                       x_tok_ent(x, i + 1, ALQ_LK_CUE, ALQ_CUE_EXAMPLES) || single_anaphor(c, i + 1) >= 0)))
      return 0;
    if (x_is_word(t, i)) words++;
  }
  return 0;
}

/* Does the word at token i end with an object pronoun ـه / ـها / ـهم as
 * written (ـة, normalized like ـه, is not one)? */
static int object_pronoun(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  if (tk->kind != ALQ_TOK_ARABIC || tk->end - tk->start < 8) return 0;
  /* (a word with the article takes no pronoun: التفاهم، الفهم) */
  if (x_definite(&x->text, i)) return 0;
  const char *e = x->doc->text + tk->end;
  if (!memcmp(e - 2, "\xd9\x87", 2)) return 1;                                   /* ه */
  return !memcmp(e - 4, "\xd9\x87\xd8\xa7", 4) || !memcmp(e - 4, "\xd9\x87\xd9\x85", 4); /* ها هم */
}

/* Is token i the preposition لـ with a pronoun of the third person (له،
 * لها، لهم، لهما)? */
static int lam_pronoun(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  if (tk->kind != ALQ_TOK_ARABIC || tk->nlen < 4 || tk->nlen > 8) return 0;
  const char *w = x->text.norm + tk->nstart;
  if (memcmp(w, X_LAM "\xd9\x87", 4)) return 0;                    /* لـ + ه */
  return tk->nlen == 4 || (tk->nlen == 6 && (!memcmp(w + 4, "\xd8\xa7", 2) || !memcmp(w + 4, "\xd9\x85", 2))) ||
         (tk->nlen == 8 && !memcmp(w + 4, "\xd9\x85\xd8\xa7", 4));  /* ها هم هما */
}

/* Does token i start a phrase with the preposition لـ (للمتمردين، لعناصر)
 * that names no actor? (A word that begins with ل, لوجستيا, does not.) */
static int lam_phrase(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  if (tk->kind != ALQ_TOK_ARABIC || x->tok_ment[i] >= 0 || tk->nlen < 6) return 0;
  const char *w = x->text.norm + tk->nstart;
  if (!memcmp(w, X_LAM X_LAM, 4)) return 1;                      /* لل */
  int k = x->tok_match[i];
  return k >= 0 && x->m[k].strip && !memcmp(w, X_LAM, 2);
}

/* Does the word at token i end with the pronoun ـنا "our" (شركائنا)? */
static int first_plural(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  if (tk->kind != ALQ_TOK_ARABIC || tk->end - tk->start < 8) return 0;
  return !memcmp(x->doc->text + tk->end - 4, "\xd9\x86\xd8\xa7", 4);
}

/* Does the word at token i end with the dual pronoun ـهما as written
 * (خلافاتهما، تحالفهما: the relation of the two)? */
static int dual_pronoun(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  if (tk->kind != ALQ_TOK_ARABIC || tk->end - tk->start < 10) return 0;
  return !memcmp(x->doc->text + tk->end - 6, "\xd9\x87\xd9\x85\xd8\xa7", 6);
}

/* The nearest actor side before token `to` within the clause; *at (if not
 * NULL) gets the first token of the mention found. */
/* Is the name starting at token tf the giver of a help phrase (X بدعم من Y،
 * وبغطاء من Y، بمساندة Y)? Returns the help word's token, or SIZE_MAX. */
static size_t helper_of(ctx *c, size_t tf) {
  struct alq_extractor *x = c->x;
  size_t p = tf;
  if (p > c->s_first && tok_cue(c, p - 1, ALQ_CUE_FROM)) p--;
  if (p <= c->s_first) return SIZE_MAX;
  int k = x->tok_match[p - 1];
  if (k < 0) return SIZE_MAX;
  const alq_match *m = &x->m[k];
  if (!m->strip || m->tok_last != p - 1) return SIZE_MAX;
  const alq_lexent *e = x_ent(x, k, ALQ_LK_REL, ALQ_REL_SUPPORT);
  if (!e || !(e->rflags & ALQ_RF_HELP)) return SIZE_MAX;
  const char *w = x->text.norm + x->text.toks[m->tok_first].nstart;
  size_t sk = !memcmp(w, X_WAW, 2) && m->strip >= 4 ? 2 : 0;
  return memcmp(w + sk, X_BA, 2) ? SIZE_MAX : m->tok_first;
}

static int scan_left_at(ctx *c, size_t to, size_t win, side *out, size_t *at) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  size_t words = 0;
#ifndef ALQ_EXTRACT_NO_FAST
  const uint64_t sl_stop = (1ull << ALQ_CUE_SINGLE_ANAPHOR) | (1ull << ALQ_CUE_PAIR_ANAPHOR) |
                           (1ull << ALQ_CUE_RELATIVE) | (1ull << ALQ_CUE_CLAUSE);
#endif
  for (size_t i = to; i-- > c->s_first && words <= win;) {
#ifndef ALQ_EXTRACT_NO_FAST
    /* (speed) a token that is no punctuation and no mention, with no cue
       of an anaphor (single or pair), a relative or a clause, after no
       soldier word (a word with no match has no cue): of the steps below
       only the word count acts on it */
    if (t->toks[i].kind != ALQ_TOK_PUNCT && x->tok_ment[i] < 0 && !(x->tok_cues[i] & sl_stop) &&
        !(i > c->s_first && ((x->tok_cues[i - 1] >> ALQ_CUE_SOLDIER) & 1))) {
      if (x_is_word(t, i)) words++;
      continue;
    }
#endif
    if (is_stop_punct(t, i)) return 0;
    int mi = x->tok_ment[i];
    /* the helper of the agent is not the agent (X بالتعاون مع ... وبغطاء من
       طيران Y تمكنت من ...: X acts) */
    if (mi >= 0 && x->ments[mi].kind == MK_ACTOR && c->cur_type != ALQ_REL_SUPPORT) {
      size_t h = helper_of(c, x->ments[mi].tf);
      if (h != SIZE_MAX) { i = h; continue; }
    }
    if (mi >= 0 && x->ments[mi].kind == MK_ACTOR) {
      group_of(x, mi, out);
      if (at) *at = x->ments[mi].tf;
      return 1;
    }
    /* soldiers of a state (عسكري تركي) stand for its force */
    if (i > c->s_first) {
      size_t sl;
      int sf = soldier_force(c, i - 1, &sl);
      if (sf >= 0 && sl == i) {
        side_add(out, sf, t->toks[i - 1].start, t->toks[i].end);
        if (at) *at = i - 1;
        return 1;
      }
    }
    /* a person acting in an office of an actor stands for it (rule 11) */
    if (mi >= 0 && x->ments[mi].kind == MK_PERSON) {
      int po = x_person_org(x, &x->ments[mi]);
      if (po >= 0) {
        side_add(out, po, x->ments[mi].start, x->ments[mi].end);
        if (at) *at = x->ments[mi].tf;
        return 1;
      }
    }
    if (x->tok_match[i] >= 0 && x->m[x->tok_match[i]].tok_first == i) {
      int ant = single_anaphor(c, i);
      if (ant >= 0) {
        side_add(out, ant, x->text.toks[i].start, x->text.toks[i].end);
        if (at) *at = i;
        return 1;
      }
      /* a pair anaphor (التنظيمين، بين الطرفين) stands for the pair */
      int ap[2];
      if (tok_cue(c, i, ALQ_CUE_PAIR_ANAPHOR) && anaphor_pair_at(c, i, ap)) {
        side_add(out, ap[0], x->text.toks[i].start, x->text.toks[i].end);
        side_add(out, ap[1], x->text.toks[i].start, x->text.toks[i].end);
        if (at) *at = i;
        return 1;
      }
    }
    if (tok_cue(c, i, ALQ_CUE_RELATIVE)) {
      /* the head of a relative clause is its subject: X، التي أعلنت ولاءها لـ Y */
      size_t h = x->m[x->tok_match[i]].tok_first;
      while (h > c->s_first && (t->toks[h - 1].kind == ALQ_TOK_QUOTE || (t->toks[h - 1].kind == ALQ_TOK_PUNCT && !is_stop_punct(t, h - 1))))
        h--;
      /* a cleft: X هي التي ... */
      if (h > c->s_first + 1 && copula_pronoun(c, h - 1)) h--;
      if (h > c->s_first) {
        int hm = x->tok_ment[h - 1];
        if (hm >= 0 && x->ments[hm].kind == MK_ACTOR) {
          /* a singular relative (الذي، التي) describes the last conjunct */
          if (x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_RELATIVE)->value == 1)
            side_add(out, x->ments[hm].actor, x->ments[hm].start, x->ments[hm].end);
          else
            group_of(x, hm, out);
          if (at) *at = x->ments[hm].tf;
          return 1;
        }
      }
      /* a verb that takes the head as its object (الهجوم الذي شنّته: "it")
         has its subject further back: the scan goes on before the head */
      size_t rv = x->m[x->tok_match[i]].tok_last + 1;
      if (h > c->s_first && rv < to && object_pronoun(x, rv)) {
        i = h;
        continue;
      }
      return 0;
    }
    if (tok_cue(c, i, ALQ_CUE_CLAUSE)) return 0;
    if (x_is_word(t, i)) words++;
  }
  return 0;
}

static int scan_left(ctx *c, size_t to, size_t win, side *out) { return scan_left_at(c, to, win, out, NULL); }

/* Does the word at token i start with the proclitic و، لـ or بـ (a
 * conjunct, or a genitive or prepositional complement: تحالف لفصائل ...)?
 * For a word no lexicon knows, by its first letter (at least 4 letters). */
static int proclitic_word(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  int k = x->tok_match[i];
  if (k >= 0 ? !x->m[k].strip : tk->nlen < 8) return 0;
  const char *w = x->text.norm + tk->nstart;
  return !memcmp(w, X_WAW, 2) || !memcmp(w, X_LAM, 2) || !memcmp(w, X_BA, 2);
}

/* Is the word at token i definite by a possessive pronoun (بلاده، قواتها،
 * مقاتليهم: an indefinite participle after it is no adjective of it, as in
 * حققها الجيش في بلاده مدعوما من Y) or shaped like an elative (أفعل: أكبر
 * داعم لـ Y, where the participle is the elative's genitive)? By the source
 * letters: ـه (not ـة, which normalizes to it), ـها، ـهم، ـهما; an elative
 * is four letters starting with أ. */
static int possessed_or_elative(const struct alq_extractor *x, size_t i) {
  const alq_token *tk = &x->text.toks[i];
  const char *w = x->text.norm + tk->nstart;
  size_t n = tk->nlen;
  if (n == 8 && !memcmp(w, "\xd8\xa7", 2) && tk->end - tk->start >= 2 &&
      !memcmp(x->doc->text + tk->start, "\xd8\xa3", 2))
    return 1;
  if (n < 8) return 0;
  if (!memcmp(w + n - 4, "\xd9\x87\xd8\xa7", 4) || !memcmp(w + n - 4, "\xd9\x87\xd9\x85", 4)) return 1;
  const char *e = x->doc->text + tk->end;
  return tk->end - tk->start >= 2 && !memcmp(e - 2, "\xd9\x87", 2);
}

/* An examples cue (أبرزها، منها) after token i in the sentence: the members
 * are named there. */
static int examples_after(const ctx *c, size_t i) {
  for (size_t k = i + 1; k < c->s_end; k++)
    if (tok_cue(c, k, ALQ_CUE_EXAMPLES)) return 1;
  return 0;
}

/* A name found at token at that is the complement of a participle modifying
 * the name before it (X الموالية لـ Y، X المدعومة من Y ... حررت): X is the
 * agent of what follows, not Y. Replaces *out with X's group and returns 1. */
static int participle_head(ctx *c, size_t at, side *out, size_t *head_at) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  int mi = x->tok_ment[at];
  if (mi < 0 || x->ments[mi].tf != at || at <= c->s_first + 1) return 0;
  size_t p = at - 1;
  int lam = x_ment_has_clitic(x, &x->ments[mi], X_LAM);
  if (!lam && (tok_cue(c, p, ALQ_CUE_FROM) || tok_cue(c, p, ALQ_CUE_BY)) && p > c->s_first + 1) p--;
  else if (!lam) return 0;
  int k = x->tok_match[p];
  if (k < 0 || x->m[k].tok_first != p || x->m[k].tok_last != p || x->tok_ment[p] >= 0) return 0;
  int part = 0;
  for (uint32_t e = 0; e < x->m[k].nents && !part; e++) {
    const alq_lexent *re = &x->lex->ents[x->m[k].ents[e]];
    part = re->kind == ALQ_LK_REL && re->value == 'a' &&
           (re->cls == ALQ_REL_AFFILIATION || re->cls == ALQ_REL_SUPPORT);
  }
  if (!part || !x_definite(t, p)) return 0;
  int hm = x->tok_ment[p - 1];
  if (hm < 0 || x->ments[hm].kind != MK_ACTOR || x->ments[hm].tl != p - 1) return 0;
  memset(out, 0, sizeof *out);
  group_of(x, hm, out);
  if (head_at) *head_at = x->ments[hm].tf;
  return 1;
}

/* The subject of كان ... قد + verb across a relative clause on it (وكانت X
 * التي تدربت على يد Y قد داهمت Z: X raided, not Y): when the name found at
 * `at` is inside a relative clause whose head follows a verb of being, and
 * قد stands right before the verb at tf, the head is the agent. */
static void kana_subject(ctx *c, size_t tf, size_t at, side *out, size_t *head_at) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  if (tf <= c->s_first + 1) return;
  const alq_lexent *h = x_tok_ent(x, tf - 1, ALQ_LK_CUE, ALQ_CUE_HEDGE);
  if (!h || h->value != 1 || t->toks[tf - 1].nlen != 4) return;   /* قد */
  for (size_t k = at; k-- > c->s_first;) {
    if (is_stop_punct(t, k) || tok_cue(c, k, ALQ_CUE_CLAUSE)) return;
    if (!tok_cue(c, k, ALQ_CUE_RELATIVE) || x->m[x->tok_match[k]].tok_first != k) continue;
    size_t q = k;
    while (q > c->s_first && (t->toks[q - 1].kind == ALQ_TOK_QUOTE || is_comma(t, q - 1))) q--;
    if (q <= c->s_first + 1) return;
    int hm = x->tok_ment[q - 1];
    if (hm < 0 || x->ments[hm].kind != MK_ACTOR || x->ments[hm].tf <= c->s_first) return;
    size_t v = x->ments[hm].tf - 1;
    const alq_lexent *cv = tok_cue(c, v, ALQ_CUE_COPULA) ? x_tok_ent(x, v, ALQ_LK_CUE, ALQ_CUE_COPULA) : NULL;
    if (!cv || cv->value != 1) return;
    memset(out, 0, sizeof *out);
    if (x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_RELATIVE)->value == 1)
      side_add(out, x->ments[hm].actor, x->ments[hm].start, x->ments[hm].end);
    else
      group_of(x, hm, out);
    *head_at = x->ments[hm].tf;
    return;
  }
}

/* Cue of class cls within `win` words before token i in the same clause. */
static const alq_lexent *cue_before(ctx *c, size_t i, int cls, size_t win, size_t *where) {
  const alq_text *t = &c->x->text;
  size_t words = 0;
  const uint64_t mask = (1ull << cls) | (1ull << ALQ_CUE_CLAUSE);
  for (size_t k = i; k-- > c->s_first && words < win;) {
    if (t->toks[k].kind == ALQ_TOK_PUNCT && is_stop_punct(t, k)) return NULL;
    if (c->x->tok_cues[k] & mask) {   /* (one load for the usual "neither") */
      const alq_lexent *e = x_tok_ent(c->x, k, ALQ_LK_CUE, cls);
      if (e) { if (where) *where = k; return e; }
      if (tok_cue(c, k, ALQ_CUE_CLAUSE)) return NULL;
    }
    if (x_is_word(t, k)) words++;
  }
  return NULL;
}

/* (speed) cue_before for several classes from the same token in one walk:
 * out[j] and where[j] as cue_before(c, i, cls[j], win[j], &where[j]) would
 * give them (where[j] untouched when out[j] is NULL). The windows are given
 * as done[w]: the classes (bit j) with win[j] <= w, for w < ndone (all of
 * them from ndone on). The walk stops where every class has its answer. */
#ifndef ALQ_EXTRACT_NO_FAST
static void cues_before(ctx *c, size_t i, int n, const int *cls, const uint8_t *done, size_t ndone,
                        const alq_lexent **out, size_t *where, uint64_t absent) {
  const alq_text *t = &c->x->text;
  size_t words = 0;
  uint64_t want = 0;   /* the classes still looking, by bit j */
  uint64_t any = 1ull << ALQ_CUE_CLAUSE;
  for (int j = 0; j < n; j++) { out[j] = NULL; want |= 1ull << j; any |= 1ull << cls[j]; }
  /* (classes known to have no cue in the walk's reach, by bit j: their
     answer is NULL already; the walk serves the others, whose answers do
     not depend on what else is looked for) */
  want &= ~absent;
  for (size_t k = i; k-- > c->s_first;) {
    /* the classes whose window of words is used up */
    want &= words < ndone ? ~(uint64_t)done[words] : 0;
    if (!want) return;
    if (t->toks[k].kind == ALQ_TOK_PUNCT && is_stop_punct(t, k)) return;
    uint64_t tc = c->x->tok_cues[k];
    if (tc & any) {
      for (int j = 0; j < n; j++) {
        if (!((want >> j) & 1) || !((tc >> cls[j]) & 1)) continue;
        const alq_lexent *e = x_tok_ent(c->x, k, ALQ_LK_CUE, cls[j]);
        if (e) { out[j] = e; where[j] = k; want &= ~(1ull << j); }
      }
      if (want && tok_cue(c, k, ALQ_CUE_CLAUSE)) return;
    }
    if (x_is_word(t, k)) words++;
  }
}
#endif

/* Is the word after the cue at token k an imperfect verb? (قد + imperfect
 * hedges, قد + perfect asserts.) The imperfect takes one of the prefixes
 * ي ت ن; أ is left out because perfect verbs of form IV start with it too. */
static int imperfect_after(ctx *c, size_t k) {
  const alq_text *t = &c->x->text;
  size_t j = c->x->m[c->x->tok_match[k]].tok_last + 1;
  if (j >= c->s_end || t->toks[j].kind != ALQ_TOK_ARABIC || t->toks[j].nlen < 4) return 0;
  const char *s = t->norm + t->toks[j].nstart;
  return !memcmp(s, "\xd9\x8a", 2) || !memcmp(s, "\xd8\xaa", 2) || !memcmp(s, "\xd9\x86", 2);
}

/* ---- attribution ------------------------------------------------------ */

typedef struct source { const char *text; const char *kind; size_t tok; } source;

static const char *copy_span(struct alq_extractor *x, uint32_t s, uint32_t e) {
  return alq_arena_strndup(&x->arena, x->doc->text + s, e - s);
}

static int adjective_like(const struct alq_extractor *x, size_t i) {
  const alq_text *t = &x->text;
  if (t->toks[i].kind != ALQ_TOK_ARABIC) return 0;
  if (x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_NATIONALITY)) return 1;
  if (x->tok_match[i] >= 0) {
    /* a word known only as an adjective cue (العسكرية) may still describe */
    const alq_match *m = &x->m[x->tok_match[i]];
    if (m->tok_first != m->tok_last) return 0;
    for (uint32_t k = 0; k < m->nents; k++) {
      const alq_lexent *e = &x->lex->ents[m->ents[k]];
      /* (عسكري is also the soldier noun: مصدر عسكري describes) */
      if (e->kind != ALQ_LK_CUE || (e->cls != ALQ_CUE_AMBIG_BLOCK_AFTER && e->cls != ALQ_CUE_AMBIG_BLOCK_BEFORE &&
                                    e->cls != ALQ_CUE_NATIONALITY && e->cls != ALQ_CUE_SOLDIER))
        return 0;
    }
  }
  const char *s = t->norm + t->toks[i].nstart;
  size_t n = t->toks[i].nlen;
  /* nisba and feminine endings: ـي ـيه ـيون ـيين ـه (normalized) */
  if (n >= 6 && !memcmp(s + n - 2, "\xd9\x8a", 2)) return 1;
  if (n >= 6 && !memcmp(s + n - 2, "\xd9\x87", 2)) return 1;
  if (n >= 8 && (!memcmp(s + n - 4, "\xd9\x88\xd9\x86", 4) || !memcmp(s + n - 4, "\xd9\x8a\xd9\x86", 4))) return 1;
  return 0;
}

/* Is token i free of lexicon knowledge that would end a describing phrase?
 * (No match, or a one-word match known only as a cue of time, place or
 * organization words: مطلع "beginning" is also the participle "informed",
 * معارض "opposition" also "opposed".) */
static int weak_match(const struct alq_extractor *x, size_t i) {
  int k = x->tok_match[i];
  if (k < 0) return 1;
  const alq_match *m = &x->m[k];
  if (m->tok_first != m->tok_last) return 0;
  for (uint32_t j = 0; j < m->nents; j++) {
    const alq_lexent *e = &x->lex->ents[m->ents[j]];
    if (e->kind != ALQ_LK_CUE) return 0;
    if (e->cls != ALQ_CUE_TIME_PART && e->cls != ALQ_CUE_PERSON_ROLE && e->cls != ALQ_CUE_FORCE_HEAD && e->cls != ALQ_CUE_MEMBER_NOUN &&
        e->cls != ALQ_CUE_ORG_HEAD && e->cls != ALQ_CUE_AMBIG_BLOCK_AFTER && e->cls != ALQ_CUE_AMBIG_BLOCK_BEFORE)
      return 0;
  }
  return 1;
}

/* The describing phrase of an unnamed source starting at token i. */
static source anon_phrase(ctx *c, size_t i) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  size_t last = x->m[x->tok_match[i]].tok_last;
  size_t k = last + 1, added = 0;
  int quoted = 0;   /* a quoted name makes the source specific: no place after it */
  while (k < c->s_end && added < 3) {
    if (t->toks[k].kind == ALQ_TOK_QUOTE && (t->toks[k].flags & ALQ_TF_OPEN_QUOTE)) {
      size_t q = k + 1;
      while (q < c->s_end && t->toks[q].kind != ALQ_TOK_QUOTE && q - k < 5) q++;
      if (q < c->s_end && t->toks[q].kind == ALQ_TOK_QUOTE) { last = q; k = q + 1; added++; quoted = 1; continue; }
      break;
    }
    if (adjective_like(x, k)) { last = x->tok_match[k] >= 0 ? x->m[x->tok_match[k]].tok_last : k; k = last + 1; added++; continue; }
    /* a participle of the description (مطلع، معارض، مقرب): derived
       participles start with م; verbs and other nouns end the phrase */
    if (added < 3 && t->toks[k].kind == ALQ_TOK_ARABIC && weak_match(x, k) && x->tok_ment[k] < 0 &&
        t->toks[k].nlen >= 8 && !memcmp(t->norm + t->toks[k].nstart, "\xd9\x85", 2)) {
      last = k; k++; added++;
      continue;
    }
    /* a place the source is in or from: في سوريا، من ريف حلب */
    if (!quoted && (tok_cue(c, k, ALQ_CUE_PLACE_PREP) || tok_cue(c, k, ALQ_CUE_FROM) ||
                    x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_PLACE_HEAD))) {
      size_t q = x->tok_match[k] >= 0 ? x->m[x->tok_match[k]].tok_last + 1 : k + 1;
      if (q < c->s_end && x_tok_ent(x, q, ALQ_LK_CUE, ALQ_CUE_PLACE_HEAD)) q = x->m[x->tok_match[q]].tok_last + 1;
      int pm = q < c->s_end ? x->tok_ment[q] : -1;
      if (pm >= 0 && x->ments[pm].kind == MK_PLACE) { last = x->ments[pm].tl; k = last + 1; added++; continue; }
      /* ... or a body it belongs to (مصادر في البنتاغون، مسؤول في الخارجية الأميركية) */
      if (pm >= 0 && x->ments[pm].kind == MK_ACTOR && x->ments[pm].tf == q && q == k + 1 &&
          tok_cue(c, k, ALQ_CUE_PLACE_PREP)) {
        last = x->ments[pm].tl; k = last + 1; added++; continue;
      }
    }
    break;
  }
  /* the phrase starts at the noun, after any proclitic (لمسؤول -> مسؤول) */
  uint32_t st = x->m[x->tok_match[i]].start;
  source s = {copy_span(x, st, t->toks[last].end), "anonymous", i};
  return s;
}

/* Is outlet mention m the one told (لـ«الشرق الأوسط»، للصحيفة): a lam
 * proclitic on it or a joiner لـ before it? */
static int outlet_told(const struct alq_extractor *x, const ment *m) {
  if (x_ment_has_clitic(x, m, X_LAM)) return 1;
  size_t p = m->tf;
  while (p > 0 && x->text.toks[p - 1].kind == ALQ_TOK_QUOTE) p--;
  return p > 0 && (x->text.toks[p - 1].flags & ALQ_TF_JOINER) && x_tok_is(&x->text, p - 1, X_LAM);
}

/* Is the person id b (a later, shorter reference) the person a: the same
 * id, or new: slugs where b is a's last words (new:عادل-الجبير / new:الجبير)? */
static int same_person(const char *a, const char *b) {
  if (!strcmp(a, b)) return 1;
  if (strncmp(a, "new:", 4) || strncmp(b, "new:", 4)) return 0;
  size_t la = strlen(a), lb = strlen(b) - 4;
  return la > lb + 5 && a[la - lb - 1] == '-' && !strcmp(a + la - lb, b + 4);
}

/* The first mention that a later speaker's mention mi repeats (rule 19): for
 * an outlet, the first one whose id is longer by a word (المرصد -> المرصد
 * السوري لحقوق الإنسان); for a person, the first of the same person (a
 * surname -> the full name). Computed once per mention and document. */
static const ment *first_ref(struct alq_extractor *x, int mi) {
  if (!x->first_ref) {
    x->first_ref = alq_arena_alloc(&x->arena, (x->nments + 1) * sizeof *x->first_ref);
    if (!x->first_ref) return &x->ments[mi];
    for (size_t i = 0; i < x->nments; i++) x->first_ref[i] = -2;
  }
  if (x->first_ref[mi] == -2) {
    const ment *m = &x->ments[mi];
    int32_t f = mi;
    if (m->kind == MK_OUTLET) {
      size_t il = m->id ? strlen(m->id) : 0;
      for (size_t q = 0; il && q < (size_t)mi; q++) {
        const ment *o = &x->ments[q];
        if (o->kind == MK_OUTLET && o->id && !strncmp(o->id, m->id, il) && o->id[il] == '-') { f = (int32_t)q; break; }
      }
    } else if (m->kind == MK_PERSON && m->id) {
      for (size_t q = 0; q < (size_t)mi; q++)
        if (x->ments[q].kind == MK_PERSON && x->ments[q].id && same_person(x->ments[q].id, m->id)) { f = (int32_t)q; break; }
    }
    x->first_ref[mi] = f;
  }
  return &x->ments[x->first_ref[mi]];
}

/* A source phrase starting at or right after token i (the subject of a
 * verb of saying, or the object of بحسب). `bare`: a name no lexicon knows
 * may stand right at i (after the verb, not before it). */
static int source_at(ctx *c, size_t i, size_t lim, int bare, source *out) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  /* a bare name right after the verb (قال جيمس كلابر، مدير ...): two or
     three words no lexicon knows; official when an office follows (in
     quotes too: قال "خالد رفعت"، مدير ...) */
  size_t i0 = i;
  int quoted = 0;
  if (bare && i < c->s_end && i < lim && t->toks[i].kind == ALQ_TOK_QUOTE) { i++; quoted = 1; }
  size_t n = 0;
  while (bare && i + n < c->s_end && i + n < lim && n < 3 && t->toks[i + n].kind == ALQ_TOK_ARABIC &&
         x->tok_match[i + n] < 0 && x->tok_ment[i + n] < 0 && t->toks[i + n].nlen >= 4)
    n++;
  /* (a quotation right after the verb is what is said, unless it closes
     right after the name and a comma follows: "خالد رفعت"، مدير ...) */
  if (quoted && !(n >= 2 && i + n + 1 < c->s_end && t->toks[i + n].kind == ALQ_TOK_QUOTE && is_comma(t, i + n + 1))) {
    i = i0;
    n = 0;
  }
  /* a given name has three letters or more and no article; a first word
     with ة is a common noun (مؤكدا ثقة بلاده أن) */
  if (n >= 2 && (t->toks[i].nlen < 6 || !memcmp(t->norm + t->toks[i].nstart, "\xd8\xa7\xd9\x84", 4) ||
                 !memcmp(x->doc->text + t->toks[i].end - 2, "\xd8\xa9", 2)))
    n = 0;
  if (n >= 2) {
    int official = 0;
    for (size_t q = i + n; q < c->s_end && q < i + n + 4; q++)
      if (tok_cue(c, q, ALQ_CUE_OFFICIAL_ROLE)) { official = 1; break; }
    *out = (source){copy_span(x, t->toks[i].start, t->toks[i + n - 1].end), official ? "official" : "person", i};
    return 1;
  }
  for (size_t k = i, words = 0; k < c->s_end && k < lim && words < 6; k++) {
    if (t->toks[k].kind == ALQ_TOK_QUOTE) continue;
    if (is_stop_punct(t, k)) return 0;
    /* a description between commas after the speaker's office (المتحدث باسم
       X، الواقعة شمال Y، NAME): skipped, its words not counted */
    if (bare && k > i && is_comma(t, k) && k + 1 < c->s_end && x->tok_ment[k + 1] < 0 && x_definite(t, k + 1) &&
        !tok_cue(c, k + 1, ALQ_CUE_COMPLEMENTIZER)) {
      size_t q = k + 1;
      int ok = 0;
      for (; q < c->s_end && q < lim && q <= k + 8; q++) {
        if (is_stop_punct(t, q) || tok_cue(c, q, ALQ_CUE_COMPLEMENTIZER)) break;
        int qm = x->tok_ment[q];
        if (qm >= 0 && x->ments[qm].kind != MK_PLACE && x->ments[qm].kind != MK_DATE) break;
        if (is_comma(t, q)) { ok = 1; break; }
      }
      if (ok && q + 1 < c->s_end && x->tok_ment[q + 1] >= 0 && x->ments[x->tok_ment[q + 1]].kind == MK_PERSON) {
        k = q;
        continue;
      }
    }
    /* the subject comes before what is said (لافتا إلى أن X ...: X is not the speaker) */
    if (tok_cue(c, k, ALQ_CUE_COMPLEMENTIZER)) return 0;
    /* ... and before a relation word: a name after it is in what is said
       (تؤكد وجود تنسيق بين X و Y: X is not the speaker) */
    if (bare && x->tok_match[k] >= 0 && x->tok_ment[k] < 0 && x_tok_ent(x, k, ALQ_LK_REL, -1)) return 0;
    int mi = x->tok_ment[k];
    /* the outlet told (قال X لـ«الشرق الأوسط»): the addressee, not the source */
    if (mi >= 0 && x->ments[mi].kind == MK_OUTLET && outlet_told(x, &x->ments[mi])) {
      k = x->ments[mi].tl;
      continue;
    }
    if (mi >= 0 && (x->ments[mi].kind == MK_PERSON || x->ments[mi].kind == MK_OUTLET)) {
      const ment *m = &x->ments[mi];
      if (m->kind == MK_OUTLET) {
        /* a short later name (المرصد) repeats the first full mention (المرصد
           السوري لحقوق الإنسان), rule 19: its id is the longer slug */
        const ment *cur = m;
        m = first_ref(x, mi);
        /* keep the outlet's type word: صحيفة ديلي بيست */
        size_t h = m->tf;
        while (h > 0 && x->text.toks[h - 1].kind == ALQ_TOK_QUOTE) h--;
        uint32_t st = m->start;
        if (h > 0 && x_tok_ent(x, h - 1, ALQ_LK_CUE, ALQ_CUE_OUTLET_HEAD)) {
          const alq_match *hm = &x->m[x->tok_match[h - 1]];
          st = hm->start;
        }
        uint32_t en = m->end;
        if (m->tl + 1 < c->s_end && t->toks[m->tl + 1].kind == ALQ_TOK_QUOTE) en = t->toks[m->tl + 1].end;
        *out = (source){copy_span(x, st, en), "outlet", k};
        /* a chain: the outlet citing someone (عن مصادر ...) names the original */
        for (size_t q = cur->tl + 1; q + 1 < c->s_end && q < cur->tl + 5; q++)
          if (tok_cue(c, q, ALQ_CUE_CITING) && tok_cue(c, q + 1, ALQ_CUE_ANON_SOURCE)) {
            *out = anon_phrase(c, q + 1);
            break;
          }
        return 1;
      }
      /* a later reference by the surname (البرغثي) repeats the first
         mention of that person, with the office given there (rule 19) */
      const ment *first = first_ref(x, mi);
      int official = 0;
      for (size_t b = first->tf, nb = 0; b-- > 0 && nb < 10 && t->toks[b].sent == first->sent; nb++)
        if (x_tok_ent(x, b, ALQ_LK_CUE, ALQ_CUE_OFFICIAL_ROLE)) { official = 1; break; }
      /* or an office in apposition after the first mention (X، وزير الدفاع) */
      for (size_t b = first->tl + 1, nb = 0; !official && b < t->ntoks && nb < 3 && t->toks[b].sent == first->sent; b++, nb++)
        if (x_tok_ent(x, b, ALQ_LK_CUE, ALQ_CUE_OFFICIAL_ROLE)) official = 1;
      *out = (source){copy_span(x, first->start, first->end), official ? "official" : "person", k};
      return 1;
    }
    /* the body of an actor named after the verb (قال المركز الإعلامي للمقاومة،
       المتحدث الرسمي لـ X): the whole phrase, not the actor's name alone */
    if (bare && mi >= 0 && x->ments[mi].kind == MK_ACTOR && k > i && x->ments[mi].tf == k &&
        x_ment_has_clitic(x, &x->ments[mi], X_LAM) && x_definite(t, i)) {
      int plain = 1;
      for (size_t q = i; q < k && plain; q++)
        plain = t->toks[q].kind == ALQ_TOK_ARABIC && x->tok_ment[q] < 0;
      if (plain) {
        *out = (source){copy_span(x, t->toks[i].start, x->ments[mi].end), "official", i};
        return 1;
      }
    }
    if (mi >= 0 && x->ments[mi].kind == MK_ACTOR) {
      const ment *m = &x->ments[mi];
      /* an office in the actor with its holder named after a comma (وزير
         الدفاع بحكومة X، NAME،): the person speaks */
      if (bare && k > i && tok_cue(c, i, ALQ_CUE_OFFICIAL_ROLE)) {
        size_t q = m->tl + 1;
        if (q + 1 < c->s_end && is_comma(t, q) && x->tok_ment[q + 1] >= 0 && x->ments[x->tok_ment[q + 1]].kind == MK_PERSON) {
          const ment *pm = &x->ments[x->tok_ment[q + 1]];
          *out = (source){copy_span(x, pm->start, pm->end), "official", q + 1};
          return 1;
        }
      }
      /* a state named again (السعودية) repeats its first mention (المملكة
         العربية السعودية), rule 19 */
      if (x->lex->actors[m->actor].tbits & ALQ_AT_STATE)
        for (size_t q = 0; q < (size_t)mi; q++)
          if (x->ments[q].kind == MK_ACTOR && x->ments[q].actor == m->actor) {
            /* (only a shorter name repeats a longer one: رئاسة أركان الجيش
               التركي after الجيش التركي is a name of its own) */
            if (x->ments[q].end - x->ments[q].start > m->end - m->start) m = &x->ments[q];
            break;
          }
      *out = (source){copy_span(x, m->start, m->end), "official", k};
      return 1;
    }
    if (tok_cue(c, k, ALQ_CUE_ANON_SOURCE)) { *out = anon_phrase(c, k); return 1; }
    if (x_is_word(t, k)) words++;
  }
  return 0;
}

/* The nearest named speaker (a person or an outlet) or unnamed source
 * before token k in the sentence, for a subjectless participle of saying. */
static int speaker_before(ctx *c, size_t k, source *out) {
  struct alq_extractor *x = c->x;
  for (size_t i = k, n = 0; i-- > c->s_first && n < 40; n++) {
    int mi = x->tok_ment[i];
    /* (the outlet told, لـ«الشرق الأوسط», is not the speaker) */
    if (mi >= 0 && x->ments[mi].kind == MK_OUTLET && outlet_told(x, &x->ments[mi])) {
      i = x->ments[mi].tf;
      continue;
    }
    if (mi >= 0 && (x->ments[mi].kind == MK_PERSON || x->ments[mi].kind == MK_OUTLET)) {
      size_t f = x->ments[mi].tf;
      return source_at(c, f, f + 6, 1, out);
    }
    if (x->tok_match[i] >= 0 && x->m[x->tok_match[i]].tok_first == i && tok_cue(c, i, ALQ_CUE_ANON_SOURCE)) {
      *out = anon_phrase(c, i);
      return 1;
    }
  }
  return 0;
}

/* A definite unnamed source (وقال المسؤول) refers back to the last one
 * introduced with the same noun (أعلن مسؤول عسكري أمريكي ...): that phrase,
 * from an earlier sentence (rule 19); NULL if none. */
#ifndef ALQ_EXTRACT_NO_FAST
static void anon_index(struct alq_extractor *x);
#endif
static const char *earlier_anon(ctx *c, size_t tok, size_t skip) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  const char *w = t->norm + t->toks[tok].nstart + skip + 4;   /* after و/ف and ال */
  size_t wl = t->toks[tok].nlen - skip - 4;
#ifndef ALQ_EXTRACT_NO_FAST
  /* (speed) only the listed tokens (anon_index), from the last one before
     the sentence back to 3,000 tokens before it */
  if (!x->anon_ready) anon_index(x);
  size_t q = 0;
  for (size_t lo = 0, hi = x->anon_toks ? x->nanon : 0; lo < hi;) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->anon_toks[mid] < c->s_first) lo = mid + 1; else hi = mid;
    q = lo;
  }
#endif
  for (size_t j = c->s_first, n = 0; j-- > 0 && n < 3000; n++) {
#ifndef ALQ_EXTRACT_NO_FAST
    if (x->anon_toks) {
      if (!q || x->anon_toks[q - 1] + 3000 < c->s_first) break;
      j = x->anon_toks[--q];
      n = c->s_first - 1 - j;
    }
#endif
    if (!((x->tok_cues[j] >> ALQ_CUE_ANON_SOURCE) & 1)) continue;   /* (the common case, one load) */
    int k = x->tok_match[j];
    if (k < 0 || x->m[k].tok_first != j || !x_tok_ent(x, j, ALQ_LK_CUE, ALQ_CUE_ANON_SOURCE)) continue;
    const alq_token *tj = &t->toks[j];
    if (tj->nlen != x->m[k].strip + wl || memcmp(t->norm + tj->nstart + x->m[k].strip, w, wl)) continue;
    const alq_sentence *se = &t->sents[tj->sent];
    ctx e = *c;
    e.s_first = se->tok_first;
    e.s_end = (size_t)se->tok_first + se->tok_count;
    e.sent = tj->sent;
    return anon_phrase(&e, j).text;
  }
  return NULL;
}

#ifndef ALQ_EXTRACT_NO_FAST
/* (speed) The tokens of the matches ks[0..nk) in order (x->say_toks for
 * find_source: a verb of saying or بحسب; x->anon_toks for earlier_anon: the
 * unnamed-source cue); *out NULL (every token is read) when out of memory. */
static void tok_list(struct alq_extractor *x, const uint32_t *ks, size_t nk, uint32_t **out, size_t *nout) {
  size_t n = 0;
  *out = NULL;
  *nout = 0;
  if (!ks) return;
  for (size_t j = 0; j < nk; j++) n += (size_t)x->m[ks[j]].tok_last - x->m[ks[j]].tok_first + 1;
  uint32_t *v = alq_arena_alloc(&x->arena, (n + 1) * sizeof *v);
  if (!v) return;
  n = 0;
  for (size_t j = 0; j < nk; j++)
    for (uint32_t i = x->m[ks[j]].tok_first; i <= x->m[ks[j]].tok_last; i++) v[n++] = i;
  *out = v;
  *nout = n;
}

/* (speed) x->anon_toks (tok_list), made on earlier_anon's first call in a
 * document (few need it) from the matches x_claims listed. */
static void anon_index(struct alq_extractor *x) {
  x->anon_ready = 1;
  tok_list(x, x->anon_ms, x->nanon_ms, &x->anon_toks, &x->nanon);
}
#endif

/* Is source kind k the literal lit (non-empty)? strcmp's answer; the
 * first two letters tell the kinds apart (author anonymous, outlet
 * official, person), so strcmp runs only on a match (speed). */
static inline int kind_is(const char *k, const char *lit) {
#ifndef ALQ_EXTRACT_NO_FAST
  if (k[0] != lit[0] || k[1] != lit[1]) return 0;   /* (k[0] == lit[0] != 0: k[1] is there) */
#endif
  return !strcmp(k, lit);
}

/* The source of a trigger at token ti: the nearest attribution before it in
 * the sentence (a verb of saying with its subject, بحسب/نقلا عن + source),
 * else a post-posed بحسب anywhere in the sentence. */
static source find_source(ctx *c, size_t ti) {
  struct alq_extractor *x = c->x;
  c->src_looked = 1;
  source best = {NULL, "author", 0};
  int have = 0;
  /* attribution is looked for within a bounded window (huge "sentences" of
     unpunctuated text stay linear) */
  size_t from = ti > c->s_first + 400 ? ti - 400 : c->s_first;
  size_t to = ti + 400 < c->s_end ? ti + 400 : c->s_end;
  const uint64_t say_mask = (1ull << ALQ_CUE_SAY_VERB) | (1ull << ALQ_CUE_ACCORDING);
  /* (speed) the loop visits only the tokens with those cues (x->say_toks):
     the others do nothing but continue */
  size_t sp = 0, sn = x->say_toks ? x->nsay : 0;
  /* sp: the first listed token >= from (x_claims finds it for the sentence's
     first token as it goes) */
  if (sn && from == x->say_sp_from) sp = x->say_sp;
  else
  for (size_t lo = 0, hi = sn; lo < hi;) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->say_toks[mid] < from) lo = mid + 1; else hi = mid;
    sp = lo;
  }
  for (size_t k = from; k < to; k++) {
    if (x->say_toks) {
      while (sp < sn && x->say_toks[sp] < k) sp++;
      if (sp == sn || x->say_toks[sp] >= to) break;
      k = x->say_toks[sp];
    }
    if (k >= ti && have) break;
    if (!(x->tok_cues[k] & say_mask)) continue;
    const alq_lexent *sv = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_SAY_VERB);
    const alq_lexent *ac = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_ACCORDING);
    if (!sv && !ac) continue;
    const alq_match *m = &x->m[x->tok_match[k]];
    source s;
    /* a verb whose object is the relation itself (أعلنت ولاءها لـ Y، أعلن
       الحرب على Y) is the act, not a report of it */
    if (k < ti && sv && sv->value != 1 && ti <= (size_t)m->tok_last + 1) { k = m->tok_last; continue; }
    if (k < ti && sv) {
      /* VSO: the subject follows; SVO: it precedes the verb closely; a verb
         without a subject (وتابعت، وأضاف) continues the last speaker */
      size_t sf = k > c->s_first + 3 ? k - 3 : c->s_first;
      int participle = tok_cue(c, k, ALQ_CUE_SAY_PARTICIPLE) != 0;
      if (source_at(c, m->tok_last + 1, ti, 1, &s) ||
          (!participle && k > c->s_first && source_at(c, sf, k, 0, &s))) {
        best = s; have = 1;
      } else if (participle && !have && speaker_before(c, k, &s)) {
        /* قائلة، موضحا: the speaker is the sentence's subject named before
           (not the nearest name: X، موضحا is not X speaking) */
        best = s; have = 1;
      } else if (!have && x->last_src && c->sent - x->last_src_sent <= 3) {
        /* a verb without a subject (وتابعت، وأضاف) continues a recent speaker
           (or the one this sentence named already) */
        best = (source){x->last_src, x->last_src_kind, k}; have = 1;
      }
    } else if (ac && (source_at(c, m->tok_last + 1, c->s_end, 1, &s))) {
      if (k < ti || !have) { best = s; have = 1; }
    }
    k = m->tok_last;
  }
  if (!have) {
    /* a sentence opening with an unnamed source as subject */
    for (size_t k = c->s_first; k < c->s_end && k < c->s_first + 2; k++)
      if (tok_cue(c, k, ALQ_CUE_ANON_SOURCE)) { best = anon_phrase(c, k); have = 1; break; }
  }
  if (!have) return best;
  /* a later reference (المصادر، المصادر نفسها، الصحيفة) repeats the first
     mention's words (CLAIMS.md rule 19) */
  const alq_token *ft = &x->text.toks[best.tok];
  const char *fn = x->text.norm + ft->nstart;
  size_t skip = (ft->nlen > 6 && (!memcmp(fn, "\xd9\x88", 2) || !memcmp(fn, "\xd9\x81", 2))) ? 2 : 0;
  int definite = ft->nlen > skip + 4 && !memcmp(fn + skip, "\xd8\xa7\xd9\x84", 4);
  const char *earlier = definite && kind_is(best.kind, "anonymous") ? earlier_anon(c, best.tok, skip) : NULL;
  if (earlier) best.text = earlier;
  else if (definite && kind_is(best.kind, "anonymous") && x->last_anon) best.text = x->last_anon;
  else if (definite && kind_is(best.kind, "outlet") && x->last_outlet) best.text = x->last_outlet;
  if (kind_is(best.kind, "anonymous") && !x->last_anon) x->last_anon = best.text;
  if (kind_is(best.kind, "outlet") && !x->last_outlet) x->last_outlet = best.text;
  x->last_src = best.text;
  x->last_src_kind = best.kind;
  x->last_src_sent = c->sent;
  return best;
}

/* ---- claims ----------------------------------------------------------- */

static int add_claim(struct alq_extractor *x, const alq_claim *cl) {
  /* claims come sentence by sentence: duplicates can only be at the end */
  for (size_t i = x->nclaims; i-- > 0 && x->claims[i].span[0] == cl->span[0];) {
    alq_claim *o = &x->claims[i];
    if (strcmp(o->a, cl->a) || strcmp(o->b, cl->b) ||
        strcmp(o->type, cl->type) || strcmp(o->polarity, cl->polarity))
      continue;
    if (!strcmp(cl->modality, "asserted")) o->modality = "asserted";
    if (!o->when) o->when = cl->when;
    if (!o->where) o->where = cl->where;
    if (!o->source && cl->source) { o->source = cl->source; o->source_kind = cl->source_kind; }
    return 0;
  }
  if (x->nclaims == x->capclaims) {
    size_t cap = x->capclaims ? x->capclaims * 2 : 32;
    alq_claim *nc = alq_arena_alloc(&x->arena, cap * sizeof *nc);
    if (!nc) return ALQ_ENOMEM;
    if (x->nclaims) memcpy(nc, x->claims, x->nclaims * sizeof *nc);
    x->claims = nc; x->capclaims = cap;
  }
  x->claims[x->nclaims++] = *cl;
  return 0;
}

/* Is date d the time of a saying rather than of what is said: right after a
 * verb of saying (قائلة، الأربعاء:) or its subject (تحدثت مصادر أمس عن ...),
 * or right before what is said (قال X، الأحد، إن ...)? */
static int speech_date(ctx *c, const date_expr *d) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  size_t p = d->tf;
  while (p > c->s_first && (is_comma(t, p - 1) || t->toks[p - 1].kind == ALQ_TOK_QUOTE)) p--;
  if (p > c->s_first && p < d->tf && tok_cue(c, p - 1, ALQ_CUE_SAY_VERB)) return 1;
  /* (or after the verb's subject: تحدثت مصادر إعلامية أمس عن ...) */
  for (size_t k = d->tf, w = 0; k-- > c->s_first && w < 4;) {
    if (is_stop_punct(t, k) || (x->tok_match[k] >= 0 && x_tok_ent(x, k, ALQ_LK_REL, -1))) break;
    if (tok_cue(c, k, ALQ_CUE_SAY_VERB)) {
      size_t n = d->tl + 1;
      while (n < c->s_end && is_comma(t, n)) n++;
      if (n < c->s_end && (tok_cue(c, n, ALQ_CUE_CITING) || tok_cue(c, n, ALQ_CUE_COMPLEMENTIZER))) return 1;
      break;
    }
    if (x_is_word(t, k)) w++;
  }
  size_t n = d->tl + 1;
  while (n < c->s_end && is_comma(t, n)) n++;
  if (n < c->s_end && tok_cue(c, n, ALQ_CUE_COMPLEMENTIZER)) return 1;
  return 0;
}

/* Does token i lie in a relative clause set off by commas (X، التي ...، Y)?
 * Then [*ps, *pe) is that clause, commas included. */
static int rel_paren(ctx *c, size_t i, size_t *ps, size_t *pe) {
  const alq_text *t = &c->x->text;
  size_t a = i;
  while (a > c->s_first && !is_comma(t, a - 1) && !is_stop_punct(t, a - 1)) a--;
  if (a == c->s_first || !is_comma(t, a - 1) || !tok_cue(c, a, ALQ_CUE_RELATIVE)) return 0;
  size_t b = i;
  while (b < c->s_end && !is_comma(t, b) && !is_stop_punct(t, b)) b++;
  if (b >= c->s_end || !is_comma(t, b)) return 0;
  *ps = a - 1;
  *pe = b + 1;
  return 1;
}

/* The tokens of relative clauses set off by commas lying wholly in [a, b). */
static size_t paren_between(ctx *c, size_t a, size_t b) {
  size_t n = 0, ps, pe;
  for (size_t k = a; k + 1 < b; k++)
    if (is_comma(&c->x->text, k) && rel_paren(c, k + 1, &ps, &pe) && ps >= a && pe <= b) {
      n += pe - ps;
      k = pe - 1;
    }
  return n;
}

static const char *when_for(ctx *c, size_t tf, size_t tl) {
  struct alq_extractor *x = c->x;
  const date_expr *best = NULL;
  size_t bd = 16;
  /* dates are in text order: binary search for the sentence's first */
  size_t lo = 0, hi = x->ndates;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (x->dates[mid].tf < c->s_first) lo = mid + 1; else hi = mid;
  }
  for (size_t k = lo; k < x->ndates && x->dates[k].tf < c->s_end; k++) {
    const date_expr *d = &x->dates[k];
    if (d->tl >= c->s_end || !d->iso[0]) continue;
    if (speech_date(c, d)) continue;
    /* a relative clause set off by commas has its own time: a trigger in it
       takes no date outside it, one outside takes none from inside it, and
       the clause does not count in the distance */
    size_t ps, pe, dps, dpe;
    int tin = rel_paren(c, tf, &ps, &pe), din = rel_paren(c, d->tf, &dps, &dpe);
    if (tin && !(d->tf >= ps && d->tf < pe)) continue;
    if (!tin && din) continue;
    size_t dist = d->tf > tl ? d->tf - tl : (tf > d->tl ? tf - d->tl : 0);
    if (!tin && d->tf > tl) dist -= paren_between(c, tl + 1, d->tf);
    else if (!tin && d->tl < tf) dist -= paren_between(c, d->tl + 1, tf);
    if (dist < bd) { bd = dist; best = d; }
  }
  /* a closing adverbial (وذلك في مايو الماضي) times the whole sentence */
  for (size_t k = lo; !best && k < x->ndates && x->dates[k].tf < c->s_end; k++) {
    const date_expr *d = &x->dates[k];
    if (d->tl >= c->s_end || !d->iso[0] || d->tf < c->s_first + 2 || speech_date(c, d)) continue;
    size_t p = d->tf - 1;
    if (x->text.toks[p].kind != ALQ_TOK_ARABIC || !tok_cue(c, p, ALQ_CUE_PLACE_PREP)) continue;
    size_t q = x->m[x->tok_match[p]].tok_first;
    while (q > c->s_first && is_comma(&x->text, q - 1)) q--;
    const alq_lexent *cl = q > c->s_first ? x_tok_ent(x, q - 1, ALQ_LK_CUE, ALQ_CUE_CLAUSE) : NULL;
    if (cl && x->m[x->tok_match[q - 1]].tok_last == q - 1 && cl->value == 2) best = d;
  }
  if (!best) return NULL;
  /* the second part of an interval stands for the whole interval */
  if (best->second && best > x->dates && best[-1].ival[0]) best--;
  const char *v = best->ival[0] ? best->ival : best->iso;
  return alq_arena_strndup(&x->arena, v, strlen(v));
}

static const char *where_for(ctx *c, size_t tl) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  for (size_t k = tl + 1, words = 0; k < c->s_end && words < 10; k++) {
    if (is_stop_punct(t, k)) break;
    int mi = x->tok_ment[k];
    if (mi >= 0 && x->ments[mi].kind == MK_PLACE) {
      const ment *m = &x->ments[mi];
      uint32_t st = m->start;
      /* a place head right before belongs to the phrase: ريف حلب */
      size_t h = m->tf;
      if (h > 0 && x_tok_ent(x, h - 1, ALQ_LK_CUE, ALQ_CUE_PLACE_HEAD)) st = x->m[x->tok_match[h - 1]].start;
      else if (x->tok_match[m->tf] >= 0 && x->m[x->tok_match[m->tf]].strip) {
        /* locative proclitic ب stays outside */
      }
      return copy_span(x, st, m->end);
    }
    if (x_is_word(t, k)) words++;
  }
  return NULL;
}

static const char *id_of(const struct alq_extractor *x, int a) { return x->lex->actors[a].id; }

static int emit(ctx *c, int a, const uint32_t *as, int b, const uint32_t *bs, int type, int negated,
                int possible, const source *src, size_t tf, size_t tl, const char *rule) {
  struct alq_extractor *x = c->x;
  if (a < 0 || b < 0 || a == b) return 0;
  /* a state and its own armed force (forces.tsv) are one side: a claim
     between them comes from a misread phrase (the rebels fighting "the
     government forces" read as the state against them) */
  if (x->lex->state_force[a] == b || x->lex->state_force[b] == a) return 0;
  const char *ia = id_of(x, a), *ib = id_of(x, b);
  if (!alq_reltype_directed(type) && strcmp(ia, ib) > 0) {
    const char *s = ia; ia = ib; ib = s;
    const uint32_t *sp = as; as = bs; bs = sp;
  }
  const alq_sentence *se = &x->text.sents[c->sent];
  alq_claim cl = {0};
  cl.span[0] = se->start; cl.span[1] = se->end;
  cl.a = ia; cl.b = ib;
  cl.type = alq_reltype_name(type);
  cl.polarity = negated ? "negated" : "affirmed";
  cl.modality = possible ? "possible" : "asserted";
  cl.source = src->text; cl.source_kind = src->kind;
  cl.when = c->when_set ? c->when : when_for(c, tf, tl);
  cl.where = where_for(c, tl);
  cl.trigger[0] = x->text.toks[tf].start; cl.trigger[1] = x->text.toks[tl].end;
  cl.a_span[0] = as[0]; cl.a_span[1] = as[1];
  cl.b_span[0] = bs[0]; cl.b_span[1] = bs[1];
  cl.rule = rule;
  return add_claim(x, &cl);
}

/* A claim whose trigger lies outside the sentence (list items: the lead's). */
static int emit_at(ctx *c, int a, const uint32_t *as, int b, const uint32_t *bs, int type, const source *src,
                   const uint32_t trig[2], const char *rule) {
  struct alq_extractor *x = c->x;
  size_t before = x->nclaims;
  int rc = emit(c, a, as, b, bs, type, 0, 0, src, c->s_first, c->s_first, rule);
  if (!rc && x->nclaims > before) {
    alq_claim *cl = &x->claims[x->nclaims - 1];
    cl->trigger[0] = trig[0]; cl->trigger[1] = trig[1];
    cl->where = NULL;
  }
  return rc;
}

/* Which members of group s after token tl are inside parentheses (بين
 * القوى العظمى (X و Y و Z) و W: an enumeration of one side)? Sets inside[]
 * and returns 1 when two or more are inside and some outside. */
static int paren_sides(const ctx *c, const side *s, size_t tl, int *inside) {
  const alq_text *t = &c->x->text;
  int depth = 0, nin = 0, seen = 0;
  for (int q = 0; q < s->n; q++) inside[q] = 0;
  for (size_t k = tl + 1; k < c->s_end && seen < s->n; k++) {
    const alq_token *tk = &t->toks[k];
    if (tk->kind == ALQ_TOK_PUNCT && tk->nlen == 1) {
      char ch = t->norm[tk->nstart];
      if (ch == '(') depth++;
      else if (ch == ')' && depth > 0) depth--;
    }
    for (int q = 0; q < s->n; q++)
      if (s->span[q][0] >= tk->start && s->span[q][0] < tk->end) { inside[q] = depth > 0; nin += depth > 0; seen++; }
  }
  return nin >= 2 && nin < s->n && seen == s->n;
}

/* Is the group member at byte `start` a bare name joined by و that is an
 * actor only by that coordination (ميليشيات الحوثي وصالح: Saleh's men under
 * the head of the name before, one side with it)? */
static int bare_conjunct(const ctx *c, uint32_t start) {
  const struct alq_extractor *x = c->x;
  for (size_t i = 0; i < x->nments; i++) {
    const ment *m = &x->ments[i];
    if (m->start != start) continue;
    if (m->kind != MK_ACTOR || m->tf != m->tl || m->match < 0 || !x_ment_has_clitic(x, m, X_WAW)) return 0;
    const alq_match *mm = &x->m[m->match];
    for (uint32_t k = 0; k < mm->nents; k++)
      if (x->lex->ents[mm->ents[k]].kind == ALQ_LK_ACTOR && (x->lex->ents[mm->ents[k]].flags & ALQ_EF_AMBIG_HEAD)) return 1;
    return 0;
  }
  return 0;
}

static int pairs_within(ctx *c, const side *s, int type, int neg, int pos, const source *src,
                        size_t tf, size_t tl, const char *rule) {
  int rc = 0;
  int inside[MAXG];
  int split = s->n >= 3 && paren_sides(c, s, tl, inside);
  for (int i = 0; i < s->n && !rc; i++)
    for (int j = i + 1; j < s->n && !rc; j++) {
      if (split && inside[i] && inside[j]) continue;
      /* hostility in a list of three or more (بين X و ميليشيات Y وZ): a bare
         conjunct that is a name only by its coordination is one side with
         the name right before it */
      if (s->n >= 3 && j == i + 1 && alq_reltype_class(type) == 1 && bare_conjunct(c, s->span[j][0])) continue;
      /* ... and of three or more, the first against each of the others
         (اشتباكات بين المقاومة والمسلحين الحوثيين وأنصار صالح): news names
         the side it reports from first, its enemies after */
      if (s->n >= 3 && i > 0 && alq_reltype_class(type) == 1) continue;
      rc = emit(c, s->actor[i], s->span[i], s->actor[j], s->span[j], type, neg, pos, src, tf, tl, rule);
      if (!rc && alq_reltype_directed(type))
        rc = emit(c, s->actor[j], s->span[j], s->actor[i], s->span[i], type, neg, pos, src, tf, tl, rule);
    }
  return rc;
}

static int pairs_across(ctx *c, const side *l, const side *r, int type, int neg, int pos,
                        const source *src, size_t tf, size_t tl, const char *rule) {
  int rc = 0;
  for (int i = 0; i < l->n && !rc; i++)
    for (int j = 0; j < r->n && !rc; j++)
      rc = emit(c, l->actor[i], l->span[i], r->actor[j], r->span[j], type, neg, pos, src, tf, tl, rule);
  return rc;
}

/* Is the definite relation noun at token i the genitive of an organization's
 * head word (هيئة التنسيق، قوات الدعم السريع، منظمة التحرير، جبهة القتال):
 * part of a name or a place, not a relation? */
static int in_org_name(const ctx *c, size_t i) {
  const struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  if (i <= c->s_first || x->tok_ment[i] >= 0 || x->tok_ment[i - 1] >= 0 || !x_definite(t, i)) return 0;
  int k = x->tok_match[i - 1];
  if (k < 0 || x->m[k].tok_last != i - 1 || x->m[k].strip > 2 || x_definite(t, x->m[k].tok_first)) return 0;
  if (!x_tok_ent(x, i - 1, ALQ_LK_CUE, ALQ_CUE_ORG_HEAD)) return 0;
  /* (a verbal noun's own reading: nouns only) */
  int mk = x->tok_match[i];
  for (uint32_t e = 0; e < x->m[mk].nents; e++) {
    const alq_lexent *re = &x->lex->ents[x->m[mk].ents[e]];
    if (re->kind == ALQ_LK_REL && re->value != 'n') return 0;
  }
  return 1;
}

/* A blocking word (a prisoner swap, a ransom: rule 18) near the trigger in
 * its clause means the words are not about a relation. */
static int blocked(ctx *c, size_t tf, size_t tl) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  size_t w = 0;
  for (size_t k = tf; k-- > c->s_first && w < 4;) {
    if (is_stop_punct(t, k) || tok_cue(c, k, ALQ_CUE_CLAUSE)) break;
    if (x_tok_ent(x, k, ALQ_LK_REL, ALQ_REL_BLOCK)) return 1;
    if (x_is_word(t, k)) w++;
  }
  w = 0;
  for (size_t k = tl + 1; k < c->s_end && w < 4; k++) {
    if (is_stop_punct(t, k) || tok_cue(c, k, ALQ_CUE_CLAUSE)) break;
    if (x_tok_ent(x, k, ALQ_LK_REL, ALQ_REL_BLOCK)) return 1;
    if (x_is_word(t, k)) w++;
  }
  return 0;
}

static int sentence_has_actor(ctx *c) {
  for (size_t i = c->s_first; i < c->s_end; i++) {
    int mi = c->x->tok_ment[i];
    if (mi >= 0 && c->x->ments[mi].kind == MK_ACTOR) return 1;
  }
  return 0;
}

/* Does the sentence name both actors of the pair in focus, or a pair
 * anaphor? Fills f with the pair and where the sentence names it. */
/* Is mention mi (or the group it is in) introduced by ضد: a target ("against
 * X و Y"), never the pair of a relation in focus? */
static int against_target(const ctx *c, int mi) {
  const struct alq_extractor *x = c->x;
  size_t first = (size_t)mi;
  while (x->ments[mi].group >= 0 && first > 0 &&
         (x->ments[first - 1].group == x->ments[mi].group || x->ments[first - 1].kind == MK_DATE))
    first--;
  while (x->ments[first].kind == MK_DATE) first++;
  size_t p = x->ments[first].tf;
  while (p > c->s_first && x->text.toks[p - 1].kind == ALQ_TOK_QUOTE) p--;
  const alq_lexent *ag = p > c->s_first ? x_tok_ent(x, p - 1, ALQ_LK_CUE, ALQ_CUE_AGAINST) : NULL;
  return ag && ag->value == 1;
}

/* Is the pair in f (two actors) the story's: named together (one
 * coordination group) in at least two sentences of the document, or in the
 * headline? */
static int story_pair(const ctx *c, const side *f) {
  const struct alq_extractor *x = c->x;
  if (f->n != 2) return 0;
  if (x->si[c->sent].headline) return 1;   /* (or the headline names it) */
  uint32_t last = UINT32_MAX;
  int n = 0;
  for (size_t i = 0; i < x->nments && n < 3; i++) {
    const ment *m = &x->ments[i];
    if (m->kind != MK_ACTOR || m->group < 0 || m->sent == last) continue;
    int want = m->actor == f->actor[0] ? f->actor[1] : m->actor == f->actor[1] ? f->actor[0] : -1;
    if (want < 0) continue;
    for (size_t j = i + 1; j < x->nments && x->ments[j].sent == m->sent; j++)
      if (x->ments[j].group == m->group && x->ments[j].actor == want) { n++; last = m->sent; break; }
  }
  return n >= 3;
}

static int sentence_names_focus(ctx *c, side *f) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  int seen[2] = {-1, -1};
  size_t s_end = c->s_end < c->s_first + 800 ? c->s_end : c->s_first + 800;
  int ap[2];
  for (size_t i = c->s_first; i < s_end; i++) {
    if (tok_cue(c, i, ALQ_CUE_PAIR_ANAPHOR) && anaphor_pair_at(c, i, ap)) {
      side_add(f, ap[0], t->toks[i].start, t->toks[i].end);
      side_add(f, ap[1], t->toks[i].start, t->toks[i].end);
      return 1;
    }
    int mi = x->tok_ment[i];
    if (mi < 0 || x->ments[mi].kind != MK_ACTOR || against_target(c, mi)) continue;
    for (int k = 0; k < 2; k++)
      if (x->ments[mi].actor == x->focus[k] && seen[k] < 0) seen[k] = mi;
  }
  if (seen[0] < 0 || seen[1] < 0) return 0;
  for (int k = 0; k < 2; k++) side_add(f, x->focus[k], x->ments[seen[k]].start, x->ments[seen[k]].end);
  return 1;
}

/* Does the lexicon match starting at token i carry the proclitic و? */
static int starts_with_waw(const struct alq_extractor *x, size_t i) {
  int k = x->tok_match[i];
  if (k < 0 || !x->m[k].strip) return 0;
  if (i > 0 && (x->text.toks[i - 1].flags & ALQ_TF_JOINER) && x_tok_is(&x->text, i - 1, X_WAW)) return 1;
  return !memcmp(x->text.norm + x->text.toks[i].nstart, X_WAW, 2);
}

/* Does the word at token i end with the masculine plural verb suffix
 * ـون / ـوا (normalized)? */
static int plural_verb(const alq_text *t, size_t i) {
  const char *s = t->norm + t->toks[i].nstart;
  size_t n = t->toks[i].nlen;
  if (t->toks[i].kind != ALQ_TOK_ARABIC || n < 8) return 0;
  return !memcmp(s + n - 4, "\xd9\x88\xd9\x86", 4) || !memcmp(s + n - 4, "\xd9\x88\xd8\xa7", 4);
}

/* Does the word at token i end with a plural or dual ending (ـون، ـين، ـان:
 * التابعين، التابعتين، مرتبطان)? */
static int plural_or_dual(const alq_text *t, size_t i) {
  const char *s = t->norm + t->toks[i].nstart;
  size_t n = t->toks[i].nlen;
  if (t->toks[i].kind != ALQ_TOK_ARABIC || n < 8 || memcmp(s + n - 2, "\xd9\x86", 2)) return 0;
  return !memcmp(s + n - 4, "\xd9\x88", 2) || !memcmp(s + n - 4, "\xd9\x8a", 2) || !memcmp(s + n - 4, "\xd8\xa7", 2);
}

/* The first coordinated pair (a group of exactly two actors) named in the
 * sentence. */
static int sentence_group_pair(ctx *c, side *f) {
  struct alq_extractor *x = c->x;
  size_t s_end = c->s_end < c->s_first + 800 ? c->s_end : c->s_first + 800;
  for (size_t i = c->s_first; i < s_end; i++) {
    int mi = x->tok_ment[i];
    if (mi < 0) continue;
    if (x->ments[mi].kind == MK_ACTOR && x->ments[mi].group >= 0) {
      side g = {0};
      group_of(x, mi, &g);
      /* (a group "against" which something is, ضد X و Y, is a target, not a pair) */
      if (g.n == 2 && !against_target(c, mi)) { *f = g; return 1; }
      while (i + 1 < s_end && x->tok_ment[i + 1] >= 0 && x->ments[x->tok_ment[i + 1]].group == x->ments[mi].group) i++;
    }
    i = x->ments[mi].tl;
  }
  return 0;
}

/* The subject of the sentence's main clause: its first actor, at the start
 * or after at most two words (a verb, a particle: واصلت X، وكانت X), with
 * no preposition or proclitic lam/ba making it an object. -1 if none. */
static int sentence_subject(ctx *c, size_t before) {
  const struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  size_t words = 0;
  for (size_t k = c->s_first; k < before && words <= 2; k++) {
    if (is_stop_punct(t, k)) return -1;
    int mi = x->tok_ment[k];
    if (mi >= 0) {
      const ment *m = &x->ments[mi];
      if (m->kind != MK_ACTOR || x_ment_has_clitic(x, m, X_LAM) || x_ment_has_clitic(x, m, X_BA)) return -1;
      return mi;
    }
    if (tok_cue(c, k, ALQ_CUE_AGAINST) || tok_cue(c, k, ALQ_CUE_WITH) || tok_cue(c, k, ALQ_CUE_BETWEEN) ||
        tok_cue(c, k, ALQ_CUE_BY) || tok_cue(c, k, ALQ_CUE_FROM) || tok_cue(c, k, ALQ_CUE_PLACE_PREP) ||
        tok_cue(c, k, ALQ_CUE_SAY_VERB) || tok_cue(c, k, ALQ_CUE_ACCORDING) || tok_cue(c, k, ALQ_CUE_CLAUSE) ||
        x_tok_ent(x, k, ALQ_LK_REL, -1))
      return -1;
    if (x_is_word(t, k)) words++;
  }
  return -1;
}

/* A verb trigger at tf right after a subordinating word of value 1 (بعدما،
 * بعد أن، عندما): the subordinate clause has no subject of its own (Arabic
 * drops it), so it is the main clause's subject. -1 if not so. */
static int carried_subject(ctx *c, size_t tf) {
  const struct alq_extractor *x = c->x;
  size_t words = 0;
  for (size_t k = tf; k-- > c->s_first && words <= 1;) {
    if (is_stop_punct(&x->text, k)) return -1;
    const alq_lexent *e = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_CLAUSE);
    if (e) {
      if (e->value != 1) return -1;
      return sentence_subject(c, x->m[x->tok_match[k]].tok_first);
    }
    if (x->tok_ment[k] >= 0) return -1;
    if (x_is_word(&x->text, k)) words++;
  }
  return -1;
}

/* A reciprocal word of value 1 (الآخر، الأخرى) right after a definite noun
 * is its adjective (الجماعات الأخرى "the other groups"), not "each other". */
static int reciprocal_adjective(const ctx *c, size_t k) {
  const struct alq_extractor *x = c->x;
  const alq_lexent *e = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_RECIPROCAL);
  if (!e || e->value != 1 || x->m[x->tok_match[k]].tok_first != k || k <= c->s_first) return 0;
  const alq_token *p = &x->text.toks[k - 1];
  return p->kind == ALQ_TOK_ARABIC && p->nlen > 4 && !memcmp(x->text.norm + p->nstart, "\xd8\xa7\xd9\x84", 4) &&
         x->tok_ment[k - 1] < 0 && !x_tok_ent(x, k - 1, ALQ_LK_CUE, ALQ_CUE_RECIPROCAL);
}

/* Are the words between the actor mention ending before token `to` (found
 * by a left scan) and `to` adjectives of it (X المسلحة التابعة لـ Y), not a
 * noun of their own (X والجماعات المرتبطة بـ Y)? */
static int adjectives_only_before(const ctx *c, size_t to) {
  const struct alq_extractor *x = c->x;
  for (size_t k = to; k-- > c->s_first;) {
    int mi = x->tok_ment[k];
    if (mi >= 0 && x->ments[mi].kind == MK_ACTOR) return 1;
    if (x->text.toks[k].kind == ALQ_TOK_ARABIC && !adjective_like(x, k) && !tok_cue(c, k, ALQ_CUE_RELATIVE) &&
        !tok_cue(c, k, ALQ_CUE_COPULA))
      return 0;
  }
  return 1;
}

/* A partner noun (شريك، شركاء) followed, past its adjectives, by في and a
 * coalition (شريكا رائدا في التحالف الدولي): membership of the coalition. */
static int partner_in_coalition(const ctx *c, size_t tl) {
  const struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  /* (an accusative partner takes accusative adjectives: شريكا رائدا) */
  int acc = t->toks[tl].nlen > 2 && t->norm[t->toks[tl].nstart + t->toks[tl].nlen - 1] == '\xa7' &&
            t->norm[t->toks[tl].nstart + t->toks[tl].nlen - 2] == '\xd8';
  size_t k = tl + 1;
  for (int adj = 0; k < c->s_end && adj < 2; adj++, k++) {
    const alq_token *a = &t->toks[k];
    int agrees = acc && a->kind == ALQ_TOK_ARABIC && x->tok_match[k] < 0 && a->nlen > 4 &&
                 !memcmp(t->norm + a->nstart + a->nlen - 2, "\xd8\xa7", 2);
    if (!agrees && !adjective_like(x, k)) break;
  }
  if (k + 1 >= c->s_end || t->toks[k].nlen != 4 || memcmp(t->norm + t->toks[k].nstart, X_FI, 4))
    return 0;
  int mi = x->tok_ment[k + 1];
  return mi >= 0 && x->ments[mi].kind == MK_ACTOR && x->ments[mi].tf == k + 1 &&
         (x->lex->actors[x->ments[mi].actor].tbits & ALQ_AT_COALITION);
}

/* Is token k the start of an agent phrase (من، على يد، من قبل) that is not
 * partitive (بقوات من X: من after a noun of its own)? Returns the token after
 * the preposition, or 0. */
static size_t agent_prep(ctx *c, size_t k, size_t tl) {
  struct alq_extractor *x = c->x;
  if (!tok_cue(c, k, ALQ_CUE_FROM) && !tok_cue(c, k, ALQ_CUE_BY)) return 0;
  const alq_match *m = &x->m[x->tok_match[k]];
  if (m->tok_first != k) return 0;
  if (k > c->s_first && tok_cue(c, k, ALQ_CUE_FROM) && !tok_cue(c, k, ALQ_CUE_BY)) {
    size_t p = k - 1;
    /* (a word right after the noun describes it: دعما مباشرا من Y) */
    int ok = is_comma(&x->text, p) || x->tok_ment[p] >= 0 || adjective_like(x, p) ||
             x_tok_ent(x, p, ALQ_LK_REL, -1) != NULL || p <= tl + 1;
    if (!ok) return 0;
  }
  return (size_t)m->tok_last + 1;
}

/* A relation noun received (X تلقى ضربات من Y، الضربات التي تلقتها X من Y،
 * الهزيمة التي تلقوها على يد Y): the receiver is the patient, the name after
 * من / على يد the agent. Fills both sides and returns 1; returns -1 when the
 * noun is received but its giver is not named (تلقوا تدريبات: the receiver is
 * no agent), 0 when it is not received. */
/* The relative pronoun after the trigger ending at tl, past up to two
 * adjectives (الضربات الجوية التي تلقتها X), with a token after it; else 0. */
static size_t relative_after(ctx *c, size_t tl) {
  const struct alq_extractor *x = c->x;
  size_t k = tl + 1;
  while (k < c->s_end && k <= tl + 2 && adjective_like(x, k) && x->tok_ment[k] < 0) k++;
  if (k + 1 >= c->s_end || !tok_cue(c, k, ALQ_CUE_RELATIVE)) return 0;
  return k;
}
/* (speed) None of the three tokens after tl has the relative cue: then
 * relative_after(c, tl) is 0 (tests/unit/test_claims_fast.c checks it on
 * every token of the corpora). */
static int no_relative_near(const ctx *c, size_t tl) {
  uint64_t cues = 0;
  for (size_t q = tl + 1; q < c->s_end && q <= tl + 3; q++) cues |= c->x->tok_cues[q];
  return !((cues >> ALQ_CUE_RELATIVE) & 1);
}

static int received(ctx *c, size_t tf, size_t tl, side *recv_out, side *agent) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  side recv0 = {0}, *recv = &recv0;
  size_t from = 0;   /* where to look for the agent phrase */
  int before = 0;    /* the verb stands before the noun */
  size_t p = tf;
  while (p > c->s_first && t->toks[p - 1].kind == ALQ_TOK_QUOTE) p--;
  int pm = p > c->s_first ? x->tok_ment[p - 1] : -1;
  if (p > c->s_first && tok_cue(c, p - 1, ALQ_CUE_RECEIVE)) {
    /* X تلقى ضربات من Y: the subject before the verb */
    size_t v = x->m[x->tok_match[p - 1]].tok_first;
    before = 1;
    if (!scan_left(c, v, 6, recv) || !recv->n) recv->n = 0;
    from = tl + 1;
  } else if (pm >= 0 && x->ments[pm].kind == MK_ACTOR && x->ments[pm].tf > c->s_first &&
             tok_cue(c, x->ments[pm].tf - 1, ALQ_CUE_RECEIVE)) {
    /* تلقى X ضربات من Y: the subject after the verb */
    before = 1;
    group_of(x, pm, recv);
    from = tl + 1;
  } else {
#ifndef ALQ_EXTRACT_NO_FAST
    /* (speed) relative_after's walk ends at one of the three tokens after
       the trigger, which must have the relative cue: with none of them
       having it (no_relative_near), no need to ask adjective_like */
    if (no_relative_near(c, tl)) return 0;
#endif
    size_t k = relative_after(c, tl);
    if (!k) return 0;
    k = x->m[x->tok_match[k]].tok_last + 1;
    if (k >= c->s_end || !tok_cue(c, k, ALQ_CUE_RECEIVE)) return 0;
    size_t after = scan_right(c, x->m[x->tok_match[k]].tok_last + 1, 1, recv, NULL);
    if (!after || !recv->n) return 0;
    from = after;
  }
  int none = before ? -1 : 0;
  /* the giver as the noun's genitive or nationality adjective (تحظى بدعم
     الولايات المتحدة، تلقت دعما أمريكيا) */
  if (before && tf == tl && from < c->s_end && recv->n) {
    side g = {0};
    int gm = x->tok_ment[from];
    const alq_lexent *na = gm < 0 ? x_tok_ent(x, from, ALQ_LK_CUE, ALQ_CUE_NATIONALITY) : NULL;
    if (gm >= 0 && x->ments[gm].kind == MK_ACTOR && x->ments[gm].tf == from &&
        !x_ment_has_clitic(x, &x->ments[gm], X_LAM))
      group_of(x, gm, &g);
    else if (na && na->value >= 0 && (x->lex->actors[na->value].tbits & ALQ_AT_STATE))
      side_add(&g, na->value, t->toks[from].start, t->toks[from].end);
    for (int i = 0; i < g.n; i++)
      for (int j = 0; j < recv->n; j++)
        if (g.actor[i] == recv->actor[j]) g.n = 0;
    if (g.n) {
      *agent = g;
      *recv_out = *recv;
      return 1;
    }
  }
  for (size_t k = from, w = 0; k < c->s_end && w < 12; k++) {
    if (is_stop_punct(t, k) || tok_cue(c, k, ALQ_CUE_SAY_VERB) || tok_cue(c, k, ALQ_CUE_CLAUSE)) return none;
    size_t a = agent_prep(c, k, tl);
    if (a) {
      side g = {0};
      if (!scan_right(c, a, 2, &g, NULL) || !g.n || !recv->n) return none;
      for (int i = 0; i < g.n; i++)
        for (int j = 0; j < recv->n; j++)
          if (g.actor[i] == recv->actor[j]) return none;
      *agent = g;
      *recv_out = *recv;
      return 1;
    }
    if (x_is_word(t, k)) w++;
  }
  return none;
}

/* Is token k a count of people (a number, a member or soldier noun, or an
 * accusative of counting: عنصرا، مسلحا، جنديا) before من? */
static int some_of(const ctx *c, size_t k) {
  const struct alq_extractor *x = c->x;
  const alq_token *tk = &x->text.toks[k];
  if (tk->kind == ALQ_TOK_NUMBER) return 1;
  if (tk->kind != ALQ_TOK_ARABIC || x->tok_ment[k] >= 0) return 0;
  if (tok_cue(c, k, ALQ_CUE_MEMBER_NOUN) || tok_cue(c, k, ALQ_CUE_SOLDIER) || tok_cue(c, k, ALQ_CUE_NUMBER_WORD)) return 1;
  /* (the accusative of a counted noun after a number: 14 عنصرا) */
  return k > c->s_first && x->text.toks[k - 1].kind == ALQ_TOK_NUMBER && tk->nlen > 4 &&
         !memcmp(x->text.norm + tk->nstart + tk->nlen - 2, "\xd8\xa7", 2);
}

/* Where a left scan for a trigger's agent starts: before بل right before
 * it (X لا يوحدان جهودهما، بل تعاونا: X's verb), else at the trigger. */
static size_t past_rather(const ctx *c, size_t tf, const alq_lexent *re) {
  (void)re;
  if (tf <= c->s_first) return tf;
  const alq_lexent *e = x_tok_ent(c->x, tf - 1, ALQ_LK_CUE, ALQ_CUE_CLAUSE);
  return e && e->value == 3 ? tf - 1 : tf;
}

/* A coordinated pair fighting a third together (X و Y هاجموا Z) in claims
 * [from, nclaims) of sentence s: "the two sides" from there on are X and Z. */
static void note_sides(struct alq_extractor *x, size_t from, uint32_t s) {
  if (x->focus[0] < 0) return;
  int z[2] = {-1, -1};
  for (size_t k = from; k < x->nclaims; k++) {
    const alq_claim *cl = &x->claims[k];
    if (strcmp(cl->type, "conflict") || strcmp(cl->polarity, "affirmed")) continue;
    int a = alq_lex_actor_find(x->lex, cl->a), b = alq_lex_actor_find(x->lex, cl->b);
    for (int q = 0; q < 2; q++) {
      int other = a == x->focus[q] ? b : b == x->focus[q] ? a : -1;
      if (other >= 0 && other != x->focus[1 - q]) z[q] = other;
    }
  }
  if (z[0] >= 0 && z[0] == z[1]) {
    x->sides[0] = x->focus[0]; x->sides[1] = z[0];
    x->sides_sent = s;
  }
}

/* The sentence's subject (a name before token lat, not the patient r) in
 * place of an agent found at lat; *l is emptied when there is none. Returns
 * whether one was found; *at (if not NULL) gets its first token. */
static int subject_instead(ctx *c, size_t lat, const side *r, side *l, size_t *at) {
  struct alq_extractor *x = c->x;
  int sm = sentence_subject(c, lat);
  memset(l, 0, sizeof *l);
  if (sm < 0 || x->ments[sm].actor == r->actor[0] || x->ments[sm].tl >= lat) return 0;
  group_of(x, sm, l);
  if (at) *at = x->ments[sm].tf;
  return 1;
}

static int do_trigger(ctx *c, size_t tf, size_t tl, const alq_lexent *re) {
  struct alq_extractor *x = c->x;
  int type = re->cls;
  static const alq_lexent member = {.kind = ALQ_LK_REL, .cls = ALQ_REL_AFFILIATION, .value = 'n',
                                    .rflags = ALQ_RF_DIRECTED};
  if ((re->rflags & ALQ_RF_MEMBER_IN) && partner_in_coalition(c, tl)) { re = &member; type = re->cls; }
  c->cur_type = type;
  if (blocked(c, tf, tl)) return 0;
  /* joining (انضمام X إلى Y، انضم X إلى Y): a genitive or subject right
     after that names no actor (انضمام التوانسة لـ Y، انضمام بعض المقاتلين)
     is a person or people joining */
  if ((re->rflags & ALQ_RF_JOINER) && tl + 1 < c->s_end) {
    size_t g = tl + 1;
    int gm = x->tok_ment[g];
    if (x->text.toks[g].kind == ALQ_TOK_ARABIC && gm < 0 && !tok_cue(c, g, ALQ_CUE_PLACE_PREP) &&
        !(x->tok_match[g] >= 0 && (single_anaphor(c, g) >= 0 || tok_cue(c, g, ALQ_CUE_PAIR_ANAPHOR))) &&
        x->text.toks[g].nlen >= 6 && !proclitic_word(x, g))
      return 0;
  }
  /* hostility that is someone's help (بمساعدة غارات Y، بدعم من ضربات Y،
     المدعومة بغارات Y): the help word relates the names; the raids' own
     target is not the one helped. The help word: a noun with the proclitic
     ب (بدعم، بمساعدة) or a passive participle (مدعومة، مسنودة) */
  if (alq_reltype_class(type) == 1 && re->value == 'n' && tf > c->s_first &&
      memcmp(x->text.norm + x->text.toks[tf].nstart, X_LAM, 2)) {
    size_t p = tf - 1;
    if (p > c->s_first && (tok_cue(c, p, ALQ_CUE_FROM) || tok_cue(c, p, ALQ_CUE_BY))) p--;
    int hm = x->tok_match[p];
    const alq_lexent *he = hm >= 0 && x->m[hm].tok_last == p ? x_tok_ent(x, p, ALQ_LK_REL, ALQ_REL_SUPPORT) : NULL;
    if (he && ((he->rflags & ALQ_RF_PASSIVE) ||
               ((he->rflags & ALQ_RF_HELP) && x->m[hm].strip &&
                !memcmp(x->text.norm + x->text.toks[x->m[hm].tok_first].nstart + (x->m[hm].strip >= 4 ? x->m[hm].strip - 2 : 0), X_BA, 2))))
      return 0;
  }
  /* a coordinated definite plural participle (والموالين لـ Y، والمساندين لـ Y)
     names people, "and those loyal to Y": no party of its own before it */
  if (re->value == 'a' && tf == tl && x->text.toks[tf].nlen >= 10 &&
      !memcmp(x->text.norm + x->text.toks[tf].nstart, X_WAW "\xd8\xa7\xd9\x84", 6) && plural_or_dual(&x->text, tf))
    return 0;
  /* a permission is a cooperation only with the use it grants after it */
  if (re->rflags & ALQ_RF_PERMISSION) {
    int use = 0;
    for (size_t k = tl + 1; k < c->s_end && k <= tl + 8 && !use; k++) {
      if (is_stop_punct(&x->text, k)) break;
      use = tok_cue(c, k, ALQ_CUE_USE);
    }
    if (!use) return 0;
  }
  int needs_between = (re->rflags & ALQ_RF_NEEDS_BETWEEN) != 0;
  /* polarity: a negation in the few words before, or a denial verb */
  size_t negpos = 0;
#ifndef ALQ_EXTRACT_NO_FAST
  /* (speed) the four walks back from the trigger in one */
  static const int cb_cls[4] = {ALQ_CUE_NEG, ALQ_CUE_SAY_VERB, ALQ_CUE_SELF_DENY, ALQ_CUE_HEDGE};
  /* their windows in words, 3, 12, 3 and 6, as the classes (bit j) whose
     window is used up after w words: cb_done[w], all from 12 on */
  static const uint8_t cb_done[13] = {0, 0, 0, 5, 5, 5, 13, 13, 13, 13, 13, 13, 15};
  const alq_lexent *cb[4];
  size_t cbw[4] = {0, 0, 0, 0};
  /* a verb of saying (class 1, the longest window) before the trigger in
     the sentence: none if the sentence's first listed token of saying
     (say_toks) is not before it */
  uint64_t cb_absent = 0;
  if (x->say_toks && x->say_sp_from == c->s_first && !(x->say_sp < x->nsay && x->say_toks[x->say_sp] < tf))
    cb_absent |= 1u << 1;
  cues_before(c, tf, 4, cb_cls, cb_done, sizeof cb_done, cb, cbw, cb_absent);
  const alq_lexent *ne = cb[0];
  if (ne) negpos = cbw[0];
#define CB(j, slow) cb[j]
#else
  const alq_lexent *ne = cue_before(c, tf, ALQ_CUE_NEG, 3, &negpos);
#define CB(j, slow) (slow)
#endif
  int neg = ne && ne->value != 3;   /* 3: a shield (لا سيما، لا يزال) */
  /* 4: غير before an adjective of its own (خبراء غير يمنيين "non-Yemeni")
     negates that adjective, not the relation */
  if (neg && ne->value == 4) {
    size_t a = x->m[x->tok_match[negpos]].tok_last + 1;
    if (a < tf && adjective_like(x, a) && !x_tok_ent(x, a, ALQ_LK_REL, -1)) neg = 0;
  }
  if (!neg) {
    const alq_lexent *sv = CB(1, cue_before(c, tf, ALQ_CUE_SAY_VERB, 12, NULL));
    if (sv && sv->value == 1) neg = 1;
  }
  if (CB(2, cue_before(c, tf, ALQ_CUE_SELF_DENY, 3, NULL))) neg = 1;
  /* hostility named by a reconciliation (لوضع حد للخلافات، طي صفحة الخلافات)
     held, whatever the reconciliation's own polarity and modality (rule 13) */
  int named_in_recon = alq_reltype_class(type) == 1 && tf > c->s_first &&
                       x_tok_ent(x, tf - 1, ALQ_LK_REL, ALQ_REL_RECONCILIATION);
  if (named_in_recon) neg = 0;
  /* modality: a question, a hedge in the clause before, or right after */
  int pos = c->x->si[c->sent].question;
  size_t hpos = 0;
  const alq_lexent *he = pos ? NULL : CB(3, cue_before(c, tf, ALQ_CUE_HEDGE, 6, &hpos));
#undef CB
#ifndef ALQ_EXTRACT_NO_FAST
  if (he) hpos = cbw[3];
#endif
  /* (value 3, an attempt: trying to attack is already hostile, يحاول مقاتلو
     X استعادة ... من Y; it hedges the other relations; a hedge before the
     attempt still counts: قد يحاول الهجوم) */
  if (he && he->value == 3 && alq_reltype_class(type) == 1 && hpos > c->s_first) {
    size_t h2 = 0;
    const alq_lexent *he2 = cue_before(c, x->m[x->tok_match[hpos]].tok_first, ALQ_CUE_HEDGE, 2, &h2);
    if (he2 && he2->value != 3) { he = he2; hpos = h2; }
  }
  if (he && ((he->value == 0) || (he->value == 3 && alq_reltype_class(type) != 1) ||
             (he->value == 1 && imperfect_after(c, hpos)) ||
             (he->value == 2 && x->m[x->tok_match[hpos]].tok_last + 1 == tf)))
    pos = 1;
  /* a hedging adjective right after (تحالف مرتقب); قد there starts the next
     predicate (خلافات قد تعرقل ...): the relation itself is asserted */
  for (size_t k = tl + 1; !pos && k < c->s_end && k <= tl + 1; k++) {
    const alq_lexent *ha = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_HEDGE);
    if (ha && ha->value == 0) pos = 1;
  }
  if (named_in_recon) pos = 0;
  source src = find_source(c, tf);
  side l = {0}, r = {0};
  /* X joining Y (انضمام X إلى Y، انضمت X إلى Y، انضمام X لـ Y): the name
     right after is the joiner, the name after إلى / لـ the one joined */
  if ((re->rflags & ALQ_RF_JOINER) && tl + 1 < c->s_end && x->tok_ment[tl + 1] >= 0 &&
      x->ments[x->tok_ment[tl + 1]].kind == MK_ACTOR && x->ments[x->tok_ment[tl + 1]].tf == tl + 1) {
    side j = {0}, y = {0};
    group_of(x, x->tok_ment[tl + 1], &j);
    size_t k = x->ments[x->tok_ment[tl + 1]].tl + 1;
    for (int gi = 0; k < c->s_end && x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].group >= 0 &&
                     x->ments[x->tok_ment[k]].group == x->ments[x->tok_ment[tl + 1]].group && gi < 8; gi++)
      k = x->ments[x->tok_ment[k]].tl + 1;
    int to = 0;
    if (k < c->s_end) {
      const alq_lexent *pp = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_PLACE_PREP);
      if (pp && pp->value == 2 && x->m[x->tok_match[k]].tok_first == k) { to = 1; k = x->m[x->tok_match[k]].tok_last + 1; }
      else if (x->tok_ment[k] >= 0 && x_ment_has_clitic(x, &x->ments[x->tok_ment[k]], X_LAM)) to = 1;
    }
    while (to && k < c->s_end && x->text.toks[k].kind == ALQ_TOK_QUOTE) k++;
    if (to && k < c->s_end && x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].kind == MK_ACTOR &&
        x->ments[x->tok_ment[k]].tf == k) {
      group_of(x, x->tok_ment[k], &y);
      int same = 0;
      for (int a = 0; a < j.n; a++)
        for (int b = 0; b < y.n; b++) same |= j.actor[a] == y.actor[b];
      if (!same) return pairs_across(c, &j, &y, type, neg, pos, &src, tf, tl, "joiner");
    }
  }
  /* between us (الخلافات العميقة بيننا): the speaker's own relation */
  for (size_t k = tl + 1; k < c->s_end && k <= tl + 3; k++) {
    const alq_lexent *bw = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_BETWEEN);
    if (bw && bw->value == 1) return 0;
    if (is_stop_punct(&x->text, k) || x->tok_ment[k] >= 0) break;
  }
  /* a relation noun with two nationality adjectives (التقارب الروسي -
     السعودي، التحالف الروسي الإيراني): the two states */
  if (re->value == 'n' && tf == tl && !alq_reltype_directed(type) && !needs_between && tl + 2 < c->s_end &&
      !(re->rflags & ALQ_RF_ONE_SIDED) && !object_pronoun(x, tl)) {
    const alq_lexent *n1 = x_tok_ent(x, tl + 1, ALQ_LK_CUE, ALQ_CUE_NATIONALITY);
    size_t k2 = tl + 2;
    if (k2 < c->s_end && x->text.toks[k2].kind == ALQ_TOK_PUNCT && x->text.toks[k2].nlen <= 3 &&
        !is_comma(&x->text, k2) && !is_stop_punct(&x->text, k2))
      k2++;   /* (a dash between them) */
    const alq_lexent *n2 = k2 < c->s_end ? x_tok_ent(x, k2, ALQ_LK_CUE, ALQ_CUE_NATIONALITY) : NULL;
    if (n1 && n2 && n1->value >= 0 && n2->value >= 0 && n1->value != n2->value && x->tok_ment[tl + 1] < 0 &&
        x->tok_ment[k2] < 0) {
      side nat = {0};
      side_add(&nat, n1->value, x->text.toks[tl + 1].start, x->text.toks[tl + 1].end);
      side_add(&nat, n2->value, x->text.toks[k2].start, x->text.toks[k2].end);
      return pairs_within(c, &nat, type, neg, pos, &src, tf, tl, "nationalities");
    }
  }
  /* a blow or help received: X تلقى ضربات من Y، الضربات التي تلقتها X من Y */
  if (re->value == 'n' && (alq_reltype_class(type) == 1 || type == ALQ_REL_SUPPORT)) {
    int rv = received(c, tf, tl, &r, &l);
    if (rv < 0) return 0;
    if (rv > 0) return pairs_across(c, &l, &r, type, neg, pos, &src, tf, tl, "received");
  }
  int between = 0;
  /* membership names its organization right after it (جزء من، فرع، التابعة
     لـ); other relations may have an apposition before their patient */
  size_t after = scan_right(c, tl + 1, type == ALQ_REL_AFFILIATION ? 6 : 8, &r, &between);
  /* a hedging predicate right after the pair (التعاون بين X و Y وارد) */
  if (!pos && after && after < c->s_end) {
    const alq_lexent *ha = x_tok_ent(x, after, ALQ_LK_CUE, ALQ_CUE_HEDGE);
    if (ha && ha->value == 0) pos = 1;
  }
  /* a one-sided fighting word before a pair anaphor: the pair is its object
     (القوى التي تقاتل التنظيمين), not two parties fighting each other (a
     disagreement of the two, خلاف التنظيمين, is between them) */
  if (between == 2) between = (type == ALQ_REL_CONFLICT && !(re->rflags & ALQ_RF_MUTUAL)) ? 0 : 1;
  /* its support (ودعمها لـ Y، دعمه لـ Y): a directed noun with a possessive
     pronoun has the nearest actor before it as agent; its patient follows
     in the same phrase (a comma only before named examples: للجماعات، خاصة Y) */
  if (alq_reltype_directed(type) && re->value == 'n' && tf == tl && r.n && object_pronoun(x, tl) &&
      !(re->rflags & (ALQ_RF_PASSIVE | ALQ_RF_ROLE))) {
    int comma = 0, examples = 0;
    for (size_t k = tl + 1; k < after; k++) {
      if (is_comma(&x->text, k)) comma = 1;
      if (tok_cue(c, k, ALQ_CUE_EXAMPLES)) examples = 1;
    }
    side owner = {0};
    /* a second one in the sentence (ودعمها لـ ... ودعمها لـ ...) has the same owner */
    if (c->owner.n && !(comma && !examples)) {
      int dup = 0;
      for (int q = 0; q < r.n; q++) dup |= r.actor[q] == c->owner.actor[0];
      if (!dup) owner = c->owner;
    }
    for (size_t k = tf; !owner.n && k-- > c->s_first && !(comma && !examples);) {
      int mi = x->tok_ment[k];
      /* a relative clause's pronoun is its head's (المجموعة التي أعلنت ولاءها):
         the owner is the head when it is a name, else none */
      if (mi < 0 && tok_cue(c, k, ALQ_CUE_RELATIVE)) {
        size_t h = x->m[x->tok_match[k]].tok_first;
        int hm = h > c->s_first ? x->tok_ment[h - 1] : -1;
        if (hm >= 0 && x->ments[hm].kind == MK_ACTOR) {
          int dup = 0;
          for (int q = 0; q < r.n; q++) dup |= r.actor[q] == x->ments[hm].actor;
          if (!dup) side_add(&owner, x->ments[hm].actor, x->ments[hm].start, x->ments[hm].end);
        }
        break;
      }
      if (mi < 0 || x->ments[mi].kind != MK_ACTOR) continue;
      int dup = 0;
      for (int q = 0; q < r.n; q++) dup |= r.actor[q] == x->ments[mi].actor;
      if (!dup) { side_add(&owner, x->ments[mi].actor, x->ments[mi].start, x->ments[mi].end); break; }
      k = x->ments[mi].tf;
    }
    if (owner.n) {
      c->owner = owner;
      return pairs_across(c, &owner, &r, type, neg, pos, &src, tf, tl, "possessor");
    }
  }
  /* X وحلفاؤها: "its allies" with the possessor right before names no
     relation unless the allies follow at once */
  if (type == ALQ_REL_ALLIANCE && tf == tl && object_pronoun(x, tl) && tf > c->s_first) {
    size_t p = tf;
    int pm = x->tok_ment[p - 1];
    if (pm >= 0 && (x->ments[pm].kind == MK_ACTOR || x->ments[pm].actor >= 0)) {   /* a country as place too */
      size_t gap = 0;
      for (size_t k = tl + 1; k < after && !(x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].kind == MK_ACTOR); k++)
        if (x_is_word(&x->text, k) && !tok_cue(c, k, ALQ_CUE_FROM)) gap++;   /* وحلفاؤهم من Y */
      if (!r.n || gap > 0) return 0;
    }
  }
  /* a reciprocal relation (من دون أن يتبع أحدهما الآخر، هاجما بعضهما):
     the pair last named together; a directed one holds both ways */
  if (!r.n || alq_reltype_directed(type)) {
    int rp[2];
    for (size_t k = tl + 1; k < c->s_end && k <= tl + (alq_reltype_directed(type) ? 4 : 1); k++)
      if (tok_cue(c, k, ALQ_CUE_RECIPROCAL) && !reciprocal_adjective(c, k) && anaphor_pair(c, rp)) {
        side f = {0};
        const alq_token *rt = &x->text.toks[k];
        side_add(&f, rp[0], rt->start, rt->end);
        side_add(&f, rp[1], rt->start, rt->end);
        return pairs_within(c, &f, type, neg, pos, &src, tf, tl, "reciprocal");
      }
  }
  /* X وداعمته Y ("X and its supporter Y"): a support participle with a
     pronoun right after a name relates the name after it, the supporter, to
     the name before it */
  if (type == ALQ_REL_SUPPORT && re->value == 'a' && tf == tl && object_pronoun(x, tl) && r.n == 1 &&
      after && x->tok_ment[tl + 1] >= 0 && tf > c->s_first) {
    size_t p = tf - 1;
    int pm = x->tok_ment[p];
    if (pm >= 0 && x->ments[pm].kind == MK_ACTOR && x->ments[pm].actor != r.actor[0]) {
      side own = {0};
      side_add(&own, x->ments[pm].actor, x->ments[pm].start, x->ments[pm].end);
      return pairs_across(c, &r, &own, type, neg, pos, &src, tf, tl, "apposition");
    }
  }
  /* a part of its owner (X، وهي الذراع العسكري لـ Y): the owner follows,
     the member is the phrase before; a coordinated second role noun
     (... والمكون الرئيسي لـ Z) has the same member */
  if ((re->rflags & ALQ_RF_ROLE) && r.n) {
    if (c->role_at && tf > c->role_at && tf - c->role_at < 30 && starts_with_waw(x, tf)) {
      l = c->role_member;
    } else if (!scan_left(c, tf, 3, &l)) {
      return 0;
    }
    /* an apposition describes the last conjunct: X و Y (الذراع الرسمية لـ Z) */
    if (l.n > 1) {
      int best = 0;
      for (int q = 1; q < l.n; q++) if (l.span[q][0] > l.span[best][0]) best = q;
      side one = {0};
      side_add(&one, l.actor[best], l.span[best][0], l.span[best][1]);
      l = one;
    }
    c->role_member = l;
    c->role_at = tf;
    return pairs_across(c, &l, &r, type, neg, pos, &src, tf, tl, "role");
  }
  /* between it and Y (اشتباكات بينها وبين Y): the pronoun is the name before */
  if (r.n && between && !alq_reltype_directed(type)) {
    for (size_t k = tl + 1; k + 1 < c->s_end && k <= tl + 4; k++) {
      const alq_lexent *bp = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_BETWEEN);
      if (!bp || bp->value != 2) continue;
      const alq_lexent *b2 = x_tok_ent(x, k + 1, ALQ_LK_CUE, ALQ_CUE_BETWEEN);
      if (!b2 || !starts_with_waw(x, k + 1)) break;
      side pl = {0};
      /* (the nearest names before, across a clause: حزب الله وقوات النظام،
         حيث تدور اشتباكات بينهم وبين Y) */
      for (size_t q = tf; q-- > c->s_first && !pl.n;) {
        int qm = x->tok_ment[q];
        if (qm >= 0 && x->ments[qm].kind == MK_ACTOR) group_of(x, qm, &pl);
        else if (qm < 0 && x->tok_match[q] >= 0 && x->m[x->tok_match[q]].tok_first == q) {
          int ant = single_anaphor(c, q);
          if (ant >= 0) side_add(&pl, ant, x->text.toks[q].start, x->text.toks[q].end);
        }
      }
      if (pl.n) {
        int dup = 0;
        for (int i = 0; i < pl.n; i++)
          for (int j = 0; j < r.n; j++) dup |= pl.actor[i] == r.actor[j];
        if (!dup) return pairs_across(c, &pl, &r, type, neg, pos, &src, tf, tl, "between-pronoun");
      }
      break;
    }
  }
  /* the first side's marker before the names found (بين مسلحي التنظيم من
     جهة، و X و Y من جهة أخرى): they are the other side, the first is no
     name known here; nothing within them */
  if (r.n && after && !alq_reltype_directed(type)) {
    for (size_t k = tl + 1; k < after && k < c->s_end; k++) {
      if (x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].kind == MK_ACTOR) break;
      const alq_lexent *sd = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_SIDE);
      if (sd && sd->value == 1) {
        /* (only with the other side's marker after them: من جانب alone is
           also "on the part of", من طرف واحد "unilateral") */
        for (size_t q = after; q < c->s_end; q++) {
          const alq_lexent *s2 = x_tok_ent(x, q, ALQ_LK_CUE, ALQ_CUE_SIDE);
          if (s2 && s2->value == 2) return 0;
        }
        break;
      }
    }
  }
  /* two sides (بين X و Y من جهة، و Z من جهة أخرى): across them only (a help
     word inside one side, X مدعمة بـ Y من جهة, relates within it) */
  if (r.n && after && after < c->s_end && !alq_reltype_directed(type)) {
    /* (the first side may go on with names no lexicon knows: بين X و Y وجيش
       التحرير الفلسطيني من جهة) */
    size_t sp = after;
    for (size_t w = 0; sp < c->s_end && w < 6 && !is_stop_punct(&x->text, sp) && !is_comma(&x->text, sp) &&
                       !tok_cue(c, sp, ALQ_CUE_SIDE);
         sp++)
      if (x_is_word(&x->text, sp)) w++;
    const alq_lexent *s1 = sp < c->s_end ? x_tok_ent(x, sp, ALQ_LK_CUE, ALQ_CUE_SIDE) : NULL;
    if (s1 && s1->value == 1) {
      side other = {0};
      size_t nx = x->m[x->tok_match[sp]].tok_last + 1;
      size_t end2 = scan_right(c, nx, 6, &other, NULL);
      /* (the other side's name may have its description before the marker:
         وقوات النظام والمسلحين الموالين لها من طرف آخر) */
      for (size_t w = 0; end2 && other.n && end2 < c->s_end && w < 4 && !x_tok_ent(x, end2, ALQ_LK_CUE, ALQ_CUE_SIDE) &&
                         !is_stop_punct(&x->text, end2) && !is_comma(&x->text, end2) && x->tok_ment[end2] < 0;
           end2++)
        if (x_is_word(&x->text, end2)) w++;
      if (end2 && other.n && end2 < c->s_end) {
        const alq_lexent *s2 = x_tok_ent(x, end2, ALQ_LK_CUE, ALQ_CUE_SIDE);
        if (s2 && s2->value == 2) return pairs_across(c, &r, &other, type, neg, pos, &src, tf, tl, "sides");
      }
      /* the other side named by no known name: nothing within the first */
      if (r.n >= 2 && !alq_reltype_directed(type)) return 0;
    }
  }
  if (r.n >= 2) {
    /* a group after a directed or hostile trigger is its object when the
       clause names an agent before it: X ... لصد تقدم Y و Z */
    int across = alq_reltype_directed(type) || (!between && alq_reltype_class(type) == 1);
    int carried = 0;
    /* (membership attaches to the phrase right before: والجماعات المرتبطة بهما
       is not the pair's own membership) */
    size_t gwin = type == ALQ_REL_AFFILIATION ? 1 : 10;
    size_t gat = tf;
    if (across && scan_left_at(c, tf, gwin, &l, &gat) && type == ALQ_REL_AFFILIATION && !adjectives_only_before(c, tf))
      memset(&l, 0, sizeof l);
    else if (l.n && type != ALQ_REL_AFFILIATION)
      participle_head(c, gat, &l, NULL);
    else if (across && !l.n && re->value == 'v' && !(re->rflags & ALQ_RF_PASSIVE)) {
      /* (a subordinate verb without its own subject: the main clause's) */
      int sm = carried_subject(c, tf);
      int dup = 0;
      for (int q = 0; sm >= 0 && q < r.n; q++) dup |= r.actor[q] == x->ments[sm].actor;
      if (sm >= 0 && !dup) { group_of(x, sm, &l); carried = 1; }
    }
    if (carried) return pairs_across(c, &l, &r, type, neg, pos, &src, tf, tl, "carried-subject");
    if (across && l.n) {
      /* (an agent that is also one of the group, ... بعد مواجهات خسرت فيها
         X و Y after X was named: the group is one side, the other unnamed) */
      for (int i = 0; i < l.n; i++)
        for (int j = 0; j < r.n; j++)
          if (l.actor[i] == r.actor[j]) return 0;
      if (re->rflags & ALQ_RF_PASSIVE) return pairs_across(c, &r, &l, type, neg, pos, &src, tf, tl, "passive-group");
      return pairs_across(c, &l, &r, type, neg, pos, &src, tf, tl, "left-right-group");
    }
    if (alq_reltype_directed(type)) return 0;
    if (needs_between && !between) return 0;
    if (!between) {
      /* a group right after the trigger is its pair (تحالف X و Y), unless a
         preposition makes it an object (متعاونين مع X و Y، عمليات لـ X و Y);
         fighting within a group needs بين or a reciprocal word */
      if (alq_reltype_class(type) == 1 && !(re->rflags & ALQ_RF_MUTUAL)) return 0;
      /* a verb inflected for a plural subject (يلتحقون، التحقوا) has its
         subject already: the group after it is its object */
      if (re->value == 'v' && plural_verb(&x->text, tl)) return 0;
      /* a possessed partner noun (شركاؤنا X و Y، حليفتاها X و Y) lists its
         owner's partners, not partners of each other (a verbal noun's
         pronoun is its object: بتنسيقها X و Y) */
      if (re->value == 'n' && (type == ALQ_REL_ALLIANCE || (re->rflags & ALQ_RF_MEMBER_IN)) &&
          (object_pronoun(x, tl) || first_plural(x, tl)))
        return 0;
      for (size_t k = tl + 1; k < c->s_end && x->tok_ment[k] < 0; k++)
        if (tok_cue(c, k, ALQ_CUE_WITH) || tok_cue(c, k, ALQ_CUE_AGAINST) || tok_cue(c, k, ALQ_CUE_BY)) return 0;
      for (size_t k = tl + 1; k < c->s_end; k++) {
        int mk = x->tok_ment[k];
        if (mk < 0) continue;
        if (x_ment_has_clitic(x, &x->ments[mk], X_LAM)) return 0;
        break;
      }
    }
    /* the partners of X in apposition (حليفتا دمشق، روسيا وإيران): X and
       each of them, not them with each other */
    if (!between && re->value == 'n' && (re->rflags & ALQ_RF_PARTNER) && tl + 1 < c->s_end) {
      int g0 = x->tok_ment[tl + 1];
      if (g0 >= 0 && x->ments[g0].kind == MK_ACTOR && x->ments[g0].tf == tl + 1 && x->ments[g0].tl + 1 < c->s_end &&
          is_comma(&x->text, x->ments[g0].tl + 1)) {
        side own = {0}, rest = {0};
        side_add(&own, x->ments[g0].actor, x->ments[g0].start, x->ments[g0].end);
        /* (itself in apposition to the name before it, روسيا، حليفة دمشق،
           وتركيا: that name is the partner, the names after go on a list) */
        if (tf >= c->s_first + 2 && is_comma(&x->text, tf - 1) && x->tok_ment[tf - 2] >= 0 &&
            x->ments[x->tok_ment[tf - 2]].kind == MK_ACTOR) {
          const ment *pm = &x->ments[x->tok_ment[tf - 2]];
          if (pm->actor == own.actor[0]) return 0;
          side_add(&rest, pm->actor, pm->start, pm->end);
          return pairs_across(c, &own, &rest, type, neg, pos, &src, tf, tl, "partners-of");
        }
        for (int i = 0; i < r.n; i++)
          if (r.actor[i] != own.actor[0]) side_add(&rest, r.actor[i], r.span[i][0], r.span[i][1]);
        if (rest.n) return pairs_across(c, &own, &rest, type, neg, pos, &src, tf, tl, "partners-of");
      }
    }
    return pairs_within(c, &r, type, neg, pos, &src, tf, tl, between ? "between" : "group-after");
  }
  if (r.n == 1) {
    /* X ... ضد/مع/لـ Y after the trigger: the first is the agent */
    side r2 = {0};
    int with = 0;
    /* a hostile verb (or its verbal noun) right before its subject (VSO:
       قصفت X مواقع Y) takes an object named by its members or positions */
    int vso = alq_reltype_class(type) == 1 && after && x->tok_ment[tl + 1] >= 0 &&
              x->ments[x->tok_ment[tl + 1]].kind == MK_ACTOR;
    /* the second party needs a preposition: ضد / على / مع / بين, or the
       proclitic لـ (دعم X لـ Y); two names in a row are an apposition */
    size_t obj_at = after;   /* where a VSO object would start (past a date: قصفت X أمس مواقع Y) */
    while (vso && obj_at && obj_at < c->s_end && x->tok_ment[obj_at] >= 0 && x->ments[x->tok_ment[obj_at]].kind == MK_DATE)
      obj_at = x->ments[x->tok_ment[obj_at]].tl + 1;
    for (size_t k = after, w = 0; after && k < c->s_end && w < 4; k++) {
      if (k < obj_at) continue;
      /* VSO: a relative clause on the subject (X، التي ...، Y) is skipped */
      if (vso && is_comma(&x->text, k) && tok_cue(c, k + 1, ALQ_CUE_RELATIVE)) {
        size_t q = k + 1;
        while (q < c->s_end && q < k + 30 && !is_comma(&x->text, q) && !is_stop_punct(&x->text, q)) q++;
        if (q < c->s_end && is_comma(&x->text, q)) { k = q; continue; }
        break;
      }
      /* VSO: a time adverbial between commas after the subject (X، الجمعة، Y) */
      if (vso && is_comma(&x->text, k)) {
        size_t q = k + 1;
        while (q < c->s_end && q < k + 6 && x->tok_ment[q] >= 0 && x->ments[x->tok_ment[q]].kind == MK_DATE) q++;
        if (q > k + 1 && q < c->s_end && is_comma(&x->text, q)) { k = q; obj_at = q + 1; continue; }
      }
      if (is_stop_punct(&x->text, k)) break;
      if (x->text.toks[k].kind == ALQ_TOK_PUNCT) break;
      /* VSO: an object that belongs to Y (قصفت X مواقع تابعة لـ Y) is Y's */
      if (vso && k == obj_at + 1 && k + 1 < c->s_end && x->tok_ment[obj_at] < 0 && x->tok_match[k] >= 0 &&
          x_tok_ent(x, k, ALQ_LK_REL, ALQ_REL_AFFILIATION) && x->tok_ment[k + 1] >= 0 &&
          x->ments[x->tok_ment[k + 1]].kind == MK_ACTOR && x->ments[x->tok_ment[k + 1]].tf == k + 1 &&
          x_ment_has_clitic(x, &x->ments[x->tok_ment[k + 1]], X_LAM)) {
        group_of(x, x->tok_ment[k + 1], &r2);
        break;
      }
      /* another relation's word (X التابعة لـ Y) starts its own phrase */
      if (x->tok_match[k] >= 0 && x_tok_ent(x, k, ALQ_LK_REL, -1)) break;
      /* VSO: an actor right after the subject of a verb is its direct object
         (تقاتل X Y); after a verbal noun it would be the subject's genitive */
      if (vso && re->value == 'v' && x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].kind == MK_ACTOR) {
        group_of(x, x->tok_ment[k], &r2);
        break;
      }
      /* ... or the genitive of a noun right after the subject (انتقدت X،
         الجمعة، تقديم Y): the object is Y's act */
      if (vso && re->value == 'v' && k == obj_at && x->tok_ment[k] < 0 && x->tok_match[k] < 0 &&
          x->text.toks[k].kind == ALQ_TOK_ARABIC && k + 1 < c->s_end && x->tok_ment[k + 1] >= 0 &&
          x->ments[x->tok_ment[k + 1]].kind == MK_ACTOR && !x_ment_has_clitic(x, &x->ments[x->tok_ment[k + 1]], X_LAM)) {
        group_of(x, x->tok_ment[k + 1], &r2);
        break;
      }
      /* ... or some of the members of Y (قتل X 14 عنصرا من Y، خمسة جنود من Y) */
      if (vso && k > obj_at && tok_cue(c, k, ALQ_CUE_FROM) && k + 1 < c->s_end && x->tok_ment[k + 1] >= 0 &&
          x->ments[x->tok_ment[k + 1]].kind == MK_ACTOR && some_of(c, k - 1)) {
        group_of(x, x->tok_ment[k + 1], &r2);
        break;
      }
      /* ضد names the target of hostility only: support X ضد Y is help for X */
      /* (a passive participle's helped one is the name before it: X
         المسنود بـ Y مع Z fights Z with Y's help) */
      int passive_adj = (re->rflags & ALQ_RF_PASSIVE) && re->value == 'a';
      int prep = (tok_cue(c, k, ALQ_CUE_AGAINST) && alq_reltype_class(type) == 1) ||
                 (tok_cue(c, k, ALQ_CUE_WITH) && !passive_adj) || tok_cue(c, k, ALQ_CUE_BETWEEN);
      int lam = x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].kind == MK_ACTOR &&
                x_ment_has_clitic(x, &x->ments[x->tok_ment[k]], X_LAM);
      if (x->text.toks[k].flags & ALQ_TF_JOINER) lam = 1;
      const alq_lexent *mn = x_tok_ent(x, k, ALQ_LK_CUE, ALQ_CUE_MEMBER_NOUN);
      if (mn && mn->value != 1 && vso) lam = 1;
      /* (the members of Y with لـ: دعم X لمقاتلي Y) */
      if (mn && !vso && x->m[x->tok_match[k]].strip && !memcmp(x->text.norm + x->text.toks[k].nstart, X_LAM, 2) &&
          k + 1 < c->s_end && x->tok_ment[k + 1] >= 0 && x->ments[x->tok_ment[k + 1]].kind == MK_ACTOR) {
        group_of(x, x->tok_ment[k + 1], &r2);
        break;
      }
      if (prep || lam) {
        if (scan_right(c, k, 3, &r2, NULL) && r2.n) { with = prep; break; }
      }
      if (x->tok_ment[k] >= 0 && !lam) break;
      if (x_is_word(&x->text, k)) w++;
    }
    if (needs_between && !with) return 0;
    /* X's help for them (دعم تركيا لهم، دعمها المالي له): the genitive gives;
       the pronoun after the preposition is the one helped, the nearest other
       actor named before */
    if (!r2.n && type == ALQ_REL_SUPPORT && re->value == 'n' && tf == tl && !object_pronoun(x, tl) && after &&
        after < c->s_end && x->tok_ment[tl + 1] >= 0 && x->ments[x->tok_ment[tl + 1]].tf == tl + 1 &&
        lam_pronoun(x, after)) {
      side rec = {0};
      for (size_t k = tf; k-- > c->s_first && !rec.n;) {
        int mi = x->tok_ment[k];
        if (mi >= 0 && x->ments[mi].kind == MK_ACTOR) {
          if (x->ments[mi].actor != r.actor[0]) side_add(&rec, x->ments[mi].actor, x->ments[mi].start, x->ments[mi].end);
          k = x->ments[mi].tf;
          continue;
        }
        int ant = mi < 0 ? single_anaphor(c, k) : -1;
        if (ant >= 0 && ant != r.actor[0]) side_add(&rec, ant, x->text.toks[k].start, x->text.toks[k].end);
      }
      if (rec.n) return pairs_across(c, &r, &rec, type, neg, pos, &src, tf, tl, "pronoun-object");
    }
    /* a person's help (تمويل النعيمي لجماعات، منها Y): the person gives, no
       name before is the giver (a person in an office of an actor stands
       for it: see scan_right) */
    if (!r2.n && type == ALQ_REL_SUPPORT && re->value == 'n' && tf == tl && tl + 1 < c->s_end &&
        x->tok_ment[tl + 1] >= 0 && x->ments[x->tok_ment[tl + 1]].kind == MK_PERSON &&
        x_person_org(x, &x->ments[x->tok_ment[tl + 1]]) < 0)
      return 0;
    /* X's help for someone unnamed (مساندة طائرات Y لعناصر الفرقة 30، دعم Y
       للمتمردين): Y gives, to no known actor; a name before is not involved */
    if (!r2.n && type == ALQ_REL_SUPPORT && re->value != 'v' && tf == tl && !object_pronoun(x, tl) && after &&
        after < c->s_end && x->tok_ment[tl + 1] >= 0 && x->ments[x->tok_ment[tl + 1]].tf == tl + 1 &&
        lam_phrase(x, after) && !lam_pronoun(x, after))
      return 0;
    if (r2.n) {
      if (re->rflags & ALQ_RF_PASSIVE) return pairs_across(c, &r2, &r, type, neg, pos, &src, tf, tl, "passive-right");
      return pairs_across(c, &r, &r2, type, neg, pos, &src, tf, tl, "agent-patient-after");
    }
    /* membership attaches to the noun phrase right before (X التابعة لـ Y،
       X، ذراع Y); other relations reach back through the clause */
    /* membership attaches to the noun phrase right before (X التابعة لـ Y) */
    size_t lwin = type == ALQ_REL_AFFILIATION ? 1 : 12;
    int with_partner = 0;
    for (size_t k = tl + 1; k < after && type != ALQ_REL_AFFILIATION; k++) {
      if (x->tok_ment[k] >= 0) break;
      if (tok_cue(c, k, ALQ_CUE_WITH)) { with_partner = 1; break; }
    }
    /* a definite participle describes the definite noun right before it
       (past its adjectives): a noun that names no actor (للجماعات الإرهابية
       المدعومة من Y) leaves the relation to no name further back */
    if (re->value == 'a' && tf == tl && x_definite(&x->text, tf) && !starts_with_waw(x, tf)) {
      size_t p = tf;
      for (int adj = 0; p > c->s_first && adj < 3 && adjective_like(x, p - 1) && x->tok_ment[p - 1] < 0; adj++) p--;
      if (p > c->s_first) {
        size_t q = p - 1;
        /* (a coordinated noun, X والميليشيات المرتبطة بـ Y, is left to the
           rules of coordination) */
        if (x->text.toks[q].kind == ALQ_TOK_ARABIC && x->tok_ment[q] < 0 && x_definite(&x->text, q) &&
            !starts_with_waw(x, q) &&
            (x->tok_match[q] < 0 || (x->m[x->tok_match[q]].tok_last == q && single_anaphor(c, x->m[x->tok_match[q]].tok_first) < 0 &&
                                     !tok_cue(c, q, ALQ_CUE_PAIR_ANAPHOR) && !x_tok_ent(x, q, ALQ_LK_REL, -1) &&
                                     !tok_cue(c, q, ALQ_CUE_RELATIVE))))
          return 0;
      }
    }
    /* so does an indefinite one the indefinite noun before it (ميليشيات
       كردية متحالفة مع Y), unless that noun is a predicate, after a copula
       pronoun or a comma (X، وهي جماعة مرتبطة بـ Y), or the members are
       named after (كتائب منضوية تحت راية Y، أبرزها X) */
    if (re->value == 'a' && tf == tl && !x_definite(&x->text, tf) && !starts_with_waw(x, tf)) {
      size_t p = tf;
      for (int adj = 0; p > c->s_first && adj < 3 && adjective_like(x, p - 1) && x->tok_ment[p - 1] < 0 &&
                        !possessed_or_elative(x, p - 1); adj++)
        p--;
      if (p > c->s_first + 1) {
        size_t q = p - 1;
        /* (a noun of three letters or more, not the genitive of a relation
           noun: تحالف مقاتلين عرب وأكراد متحالف مع Y describes the alliance) */
        if (x->text.toks[q].kind == ALQ_TOK_ARABIC && x->text.toks[q].nlen >= 6 && x->tok_ment[q] < 0 &&
            !x_definite(&x->text, q) && !x_tok_ent(x, q - 1, ALQ_LK_REL, -1) &&
            !proclitic_word(x, q) && !possessed_or_elative(x, q) &&
            (x->tok_match[q] < 0 || (x->m[x->tok_match[q]].tok_first == q && x->m[x->tok_match[q]].tok_last == q &&
                                     single_anaphor(c, q) < 0 && !x_tok_ent(x, q, ALQ_LK_REL, -1) &&
                                     !tok_cue(c, q, ALQ_CUE_RELATIVE) && !tok_cue(c, q, ALQ_CUE_COPULA))) &&
            !tok_cue(c, q, ALQ_CUE_NEG) && !tok_cue(c, q - 1, ALQ_CUE_COPULA) && !is_comma(&x->text, q - 1) &&
            x->text.toks[q - 1].kind != ALQ_TOK_QUOTE && !tok_cue(c, q - 1, ALQ_CUE_RELATIVE) &&
            !examples_after(c, tl))
          return 0;
      }
    }
    size_t lat = tf;
    int found = scan_left_at(c, past_rather(c, tf, re), lwin, &l, &lat);
    if (found && type != ALQ_REL_AFFILIATION) participle_head(c, lat, &l, &lat);
    if (found && re->value == 'v') kana_subject(c, tf, lat, &l, &lat);
    /* the target of another relation word right before (الانقلاب على X، ...
       عبر تدريب Y) is not this one's agent: the sentence's subject is */
    if (found && l.n == 1 && re->value != 'a' && type != ALQ_REL_AFFILIATION && lat >= c->s_first + 2 &&
        tok_cue(c, lat - 1, ALQ_CUE_AGAINST) &&
        x->tok_match[lat - 2] >= 0 && x_tok_ent(x, lat - 2, ALQ_LK_REL, -1) && lat - 2 != tf) {
      found = subject_instead(c, lat, &r, &l, &lat);
    }
    /* a coordinated verb (وهاجم) shares the subject of the verb before it:
       a name in a prepositional phrase, directly or as a genitive (الآلاف من
       أطفال X), is no subject; look further back */
    for (int hop = 0; found && hop < 3 && (re->value == 'v' || re->value == 'n') && starts_with_waw(x, tf) && l.n == 1 &&
                      lat > c->s_first; hop++) {
      size_t p = lat - 1;
      while (p > c->s_first && x->text.toks[p].kind == ALQ_TOK_QUOTE) p--;
      int prep = tok_cue(c, p, ALQ_CUE_PLACE_PREP) || tok_cue(c, p, ALQ_CUE_FROM) || tok_cue(c, p, ALQ_CUE_AGAINST) ||
                 tok_cue(c, p, ALQ_CUE_WITH);
      int ment_lam = x->tok_ment[lat] >= 0 && (x_ment_has_clitic(x, &x->ments[x->tok_ment[lat]], X_LAM) ||
                                               x_ment_has_clitic(x, &x->ments[x->tok_ment[lat]], X_BA));
      /* (a genitive inside a prepositional phrase: من أطفال X) */
      int genitive = x->text.toks[p].kind == ALQ_TOK_ARABIC && x->tok_match[p] < 0 && x->tok_ment[p] < 0 &&
                     p > c->s_first && (tok_cue(c, p - 1, ALQ_CUE_PLACE_PREP) || tok_cue(c, p - 1, ALQ_CUE_FROM));
      if (!prep && !ment_lam && !genitive) break;
      /* (a coordinated verbal noun: only a name governed by a preposition is
         the object of the noun before it: والتحريض على X، ومهاجمة Y) */
      if (re->value == 'n' && ((!tok_cue(c, p, ALQ_CUE_AGAINST) && !ment_lam) || object_pronoun(x, tl))) break;
      /* (the head of a relative clause is its subject: للقوات التي تدربها وتدعمها Y) */
      int rel = 0;
      for (size_t q = lat; q < tf && !rel; q++) rel = tok_cue(c, q, ALQ_CUE_RELATIVE);
      if (rel) break;
      side l2 = {0};
      size_t lat2 = lat;
      if (!scan_left_at(c, lat, lwin, &l2, &lat2) || l2.actor[0] == r.actor[0]) {
        /* nothing further back in reach: the sentence's subject, as for a
           coordinated verb or noun of the main clause (وكانت X ... والتحريض
           على Z، ومهاجمة Y) */
        found = subject_instead(c, lat, &r, &l, NULL);
        break;
      }
      l = l2;
      lat = lat2;
    }
    /* membership in an apposition with a copula (X، وهي جماعة مرتبطة بـ Y;
       X وهو تجمع لفصائل ... المرتبطين بـ Y): the name before the copula */
    if (!found && type == ALQ_REL_AFFILIATION) {
      size_t words = 0;
      for (size_t k = tf; k-- > c->s_first && words <= 10;) {
        if (is_stop_punct(&x->text, k) || is_comma(&x->text, k) || tok_cue(c, k, ALQ_CUE_CLAUSE) ||
            tok_cue(c, k, ALQ_CUE_RELATIVE))
          break;
        if (x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].kind == MK_ACTOR) break;
        if (copula_pronoun(c, k) && x->m[x->tok_match[k]].tok_first == k) {
          /* an apposition (، وهي / وهو), not a predicate (X هو الأخطر) */
          int waw = !memcmp(x->text.norm + x->text.toks[k].nstart, X_WAW, 2);   /* no copula starts with و */
          if (!waw && !(k > c->s_first && is_comma(&x->text, k - 1))) break;
          size_t h = k;
          while (h > c->s_first && (is_comma(&x->text, h - 1) || x->text.toks[h - 1].kind == ALQ_TOK_QUOTE)) h--;
          int hm = h > c->s_first ? x->tok_ment[h - 1] : -1;
          if (hm >= 0 && x->ments[hm].kind == MK_ACTOR && x->ments[hm].actor != r.actor[0]) {
            side_add(&l, x->ments[hm].actor, x->ments[hm].start, x->ments[hm].end);
            found = 1;
            lat = x->ments[hm].tf;
          }
          break;
        }
        if (x_is_word(&x->text, k)) words++;
      }
    }
    /* the patient, right after the trigger, named again right before it
       (X، فرع Y، أعلن انفكاكه عن Y): the agent is further left */
    size_t gap = 0;
    for (size_t k = tl + 1; k < after && !(x->tok_ment[k] >= 0 && x->ments[x->tok_ment[k]].kind == MK_ACTOR); k++)
      if (x_is_word(&x->text, k)) gap++;
    if (found && gap <= 1 && l.n == 1 && l.actor[0] == r.actor[0] && type != ALQ_REL_AFFILIATION) {
      memset(&l, 0, sizeof l);
      found = scan_left_at(c, lat, lwin, &l, NULL);
    }
    /* a partner introduced by مع (تحالف مع Y) whose agent is not near: the
       sentence's first actor, its topic (X ...، على خلفية اتفاق ... لتحالف مع Y) */
    if (!found && with_partner) {
      for (size_t k = c->s_first; k < tf; k++) {
        int mi = x->tok_ment[k];
        if (mi < 0 || x->ments[mi].kind != MK_ACTOR) continue;
        if (x->ments[mi].actor == r.actor[0]) { k = x->ments[mi].tl; continue; }
        group_of(x, mi, &l);
        found = 1;
        break;
      }
    }
    /* a coordinated verb or verbal noun with no agent in reach (وكانت X،
       ...، والتحريض على Y): the sentence's subject */
    if (!found && (re->value == 'v' || re->value == 'n') && starts_with_waw(x, tf) && !(re->rflags & ALQ_RF_PASSIVE) &&
        !object_pronoun(x, tl)) {
      int sm = sentence_subject(c, tf);
      if (sm >= 0 && x->ments[sm].actor != r.actor[0]) {
        group_of(x, sm, &l);
        found = 1;
      }
    }
    /* a verb in a subordinate clause without its own subject (واصلت X
       تقدمها بعدما حررت عدن من Y): the main clause's subject acts */
    const char *how = "left-right";
    if (!found && re->value == 'v' && !(re->rflags & ALQ_RF_PASSIVE)) {
      int sm = carried_subject(c, tf);
      if (sm >= 0 && x->ments[sm].actor != r.actor[0]) {
        group_of(x, sm, &l);
        found = 1;
        how = "carried-subject";
      }
    }
    /* X's A and Y's B (صمود X وضربات Y): a coordinated noun trigger
       between two genitives relates neither to the other (with a pronoun,
       X وحلفاؤها Y, it points back at X) */
    if (found && re->value == 'n' && starts_with_waw(x, tf) && gap <= 1 && tf > c->s_first && !object_pronoun(x, tl) &&
        x->tok_ment[tf - 1] >= 0 && x->ments[x->tok_ment[tf - 1]].kind == MK_ACTOR && lat < tf &&
        x->tok_ment[lat] == x->tok_ment[tf - 1])
      return 0;
    /* a singular participle after a group describes its last conjunct
       (X و Y التابعة لـ Z: Y is Z's) */
    if (found && type == ALQ_REL_AFFILIATION && re->value == 'a' && l.n >= 2 && tf == tl &&
        !plural_or_dual(&x->text, tl)) {
      int best = 0;
      for (int q = 1; q < l.n; q++) if (l.span[q][0] > l.span[best][0]) best = q;
      side one = {0};
      side_add(&one, l.actor[best], l.span[best][0], l.span[best][1]);
      l = one;
    }
    /* help named with its giver after من (غطاء جوي من طائرات Y، دعم من Y): the
       giver follows, as after بدعم من */
    int from_giver = 0;
    /* "with the help of Y" (بمساندة Y، بدعم Y، وبغطاء جوي من Y): a support noun
       with the proclitic ب has its giver after it */
    if (found && type == ALQ_REL_SUPPORT && re->value == 'n' && (re->rflags & ALQ_RF_HELP) &&
        !(re->rflags & ALQ_RF_PASSIVE) && x->m[x->tok_match[tf]].strip && x_tok_ent(x, tf, ALQ_LK_REL, ALQ_REL_SUPPORT)) {
      const char *w = x->text.norm + x->text.toks[tf].nstart;
      size_t sk = !memcmp(w, X_WAW, 2) && x->m[x->tok_match[tf]].strip >= 4 ? 2 : 0;
      /* right after the helped (قوات X بمساندة Y) or a comma, or coordinated
         (وبدعم): not the complement of a verb (اتهم X بدعم Y، ملتزم بدعم Y) */
      size_t p = tf;
      while (p > c->s_first && x->text.toks[p - 1].kind == ALQ_TOK_QUOTE) p--;
      int after_name = p > c->s_first && (is_comma(&x->text, p - 1) ||
                                          (x->tok_ment[p - 1] >= 0 && x->ments[x->tok_ment[p - 1]].kind == MK_ACTOR));
      /* (the accused of an accusation supports: اتهمت تركيا بمساعدة Y) */
      if (after_name && !is_comma(&x->text, p - 1)) {
        size_t q = x->ments[x->tok_ment[p - 1]].tf;
        for (size_t k = q, n = 0; k-- > c->s_first && n < 3; n++)
          if (x->tok_match[k] >= 0 && x_tok_ent(x, k, ALQ_LK_REL, ALQ_REL_RIVALRY)) { after_name = 0; break; }
      }
      if (!memcmp(w + sk, X_BA, 2) && (after_name || sk)) from_giver = 1;
    }
    if (!from_giver && found && type == ALQ_REL_SUPPORT && re->value != 'v' && !(re->rflags & ALQ_RF_PASSIVE)) {
      size_t g = tl + 1;   /* (past one adjective: تدريباً عسكرياً على يد Y) */
      if (g < c->s_end && adjective_like(x, g) && x->tok_ment[g] < 0) g++;
      from_giver = g < c->s_end && (tok_cue(c, g, ALQ_CUE_FROM) || tok_cue(c, g, ALQ_CUE_BY));
    }
    /* a relation noun of the two (روسيا والسعودية ... خلافاتهما بشأن Y): the
       pair before it are its parties, the name after is what it is about */
    if (found && re->value == 'n' && !alq_reltype_directed(type) && l.n == 2 && dual_pronoun(x, tl))
      return pairs_within(c, &l, type, neg, pos, &src, tf, tl, "group-before");
    if (found) {
      /* بدعم من X: the helper follows */
      if ((re->rflags & ALQ_RF_PASSIVE) || from_giver) return pairs_across(c, &r, &l, type, neg, pos, &src, tf, tl, "passive");
      /* X، التي زودتها Y: a relative verb whose object pronoun is the head
         X has the name after it as subject */
      if (tf > c->s_first && tok_cue(c, tf - 1, ALQ_CUE_RELATIVE) && object_pronoun(x, tl))
        return pairs_across(c, &r, &l, type, neg, pos, &src, tf, tl, "relative-object");
      /* ... also without the relative pronoun after an indefinite head
         (وجماعات أخرى تدعمها طهران): the verb with the pronoun right before
         its subject */
      if (re->value == 'v' && alq_reltype_directed(type) && tf == tl && object_pronoun(x, tl) && tl + 1 < c->s_end &&
          x->tok_ment[tl + 1] >= 0 && x->ments[x->tok_ment[tl + 1]].tf == tl + 1 && r.n == 1 &&
          x->ments[x->tok_ment[tl + 1]].actor == r.actor[0] && !x_ment_has_clitic(x, &x->ments[x->tok_ment[tl + 1]], X_LAM))
        return pairs_across(c, &r, &l, type, neg, pos, &src, tf, tl, "relative-object");
      return pairs_across(c, &l, &r, type, neg, pos, &src, tf, tl, how);
    }
    /* groups linked to Y such as X (مجموعات مرتبطة بـ Y على غرار X): the
       named example is the member */
    if (type == ALQ_REL_AFFILIATION && after) {
      for (size_t k = after, w = 0; k < c->s_end && w < 2; k++) {
        if (is_stop_punct(&x->text, k)) break;
        if (tok_cue(c, k, ALQ_CUE_EXAMPLES)) {
          side ex = {0};
          if (scan_right(c, x->m[x->tok_match[k]].tok_last + 1, 2, &ex, NULL) && ex.n)
            return pairs_across(c, &ex, &r, type, neg, pos, &src, tf, tl, "examples");
          break;
        }
        if (x_is_word(&x->text, k)) w++;
      }
    }
    return 0;
  }
  if (needs_between) return 0;
  /* nothing after: a coordinated subject before (X و Y يتحالفان) */
  if (scan_left(c, past_rather(c, tf, re), 12, &l)) {
    /* fighting needs a reciprocal word to hold within the subject group */
    int ok = !alq_reltype_directed(type) && (type != ALQ_REL_CONFLICT || (re->rflags & ALQ_RF_MUTUAL));
    /* (hostility within a list of three or more is a list of one side's
       members, not of the rivals: تضم سورية ومصر والمملكة وقطر ... الغرماء) */
    if (l.n >= 2 && ok && !(alq_reltype_class(type) == 1 && l.n > 2))
      return pairs_within(c, &l, type, neg, pos, &src, tf, tl, "group-before");
    /* a mutual word needs two parties: one name before it (a place-like
       state: وليبيا شهدت التقارب) leaves it to the pair in focus below */
    if (!(l.n == 1 && (re->rflags & ALQ_RF_MUTUAL) && !alq_reltype_directed(type))) return 0;
  }
  /* a headline segment without actors is about the headline's pair; a body
     sentence that names the pair in focus (or points at it) is about it */
  side f = {0};
  /* only for relations that hold between the pair as such: an attack, help
     or membership needs its parties named around it */
  int pairwise = !alq_reltype_directed(type) && type != ALQ_REL_CONFLICT;
  /* the sentence's own coordinated pair, even when named after the trigger
     (خلافات تعرقل اندماج X و Y): it is the pair in focus from here on; a
     verb has a subject of its own */
  /* Only for a pair the story is about: named together in three sentences
     or more (the seeds' ISIS and al-Nusra), not two names that meet once or
     twice in a news item */
  if (pairwise && re->value != 'v' && sentence_group_pair(c, &f) && story_pair(c, &f))
    return pairs_within(c, &f, type, neg, pos, &src, tf, tl, "sentence-pair");
  /* (a verb has a subject of its own: انضمتا للأسطول is not the pair's merger) */
  memset(&f, 0, sizeof f);
  if (pairwise && re->value != 'v' && x->focus[0] >= 0 && sentence_names_focus(c, &f) && story_pair(c, &f))
    return pairs_within(c, &f, type, neg, pos, &src, tf, tl, "sentence-pair");
  if (!pairwise) return 0;   /* a battle named in a headline is an event, not the pair's relation */
  if (x->focus[0] >= 0 && x->si[c->sent].headline) {
    side_add(&f, x->focus[0], x->focus_span[0][0], x->focus_span[0][1]);
    side_add(&f, x->focus[1], x->focus_span[1][0], x->focus_span[1][1]);
    return pairs_within(c, &f, type, neg, pos, &src, tf, tl, "headline-pair");
  }
  /* a sub-headline without actors is about the headline's pair too */
  if (x->head_pair[0] >= 0 && x->si[c->sent].subhead && !sentence_has_actor(c)) {
    side_add(&f, x->head_pair[0], x->head_span[0][0], x->head_span[0][1]);
    side_add(&f, x->head_pair[1], x->head_span[1][0], x->head_span[1][1]);
    return pairs_within(c, &f, type, neg, pos, &src, tf, tl, "headline-pair");
  }
  return 0;
}

/* X ضد Y: an "against" word with value 1 between an actor that ends right
 * before it and an actor (or single anaphor) that starts right after it is
 * itself a conflict trigger; the claim's fields come from do_trigger. */
static int against_pair(ctx *c, size_t i) {
  struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  const alq_lexent *ag = x_tok_ent(x, i, ALQ_LK_CUE, ALQ_CUE_AGAINST);
  if (!ag || ag->value != 1) return 0;
  size_t p = i;
  while (p > c->s_first && t->toks[p - 1].kind == ALQ_TOK_QUOTE) p--;
  if (p == c->s_first) return 0;
  /* the coalition with its leader between (التحالف الذي تقوده الولايات المتحدة ضد Y) */
  const alq_lexent *cl = x_tok_ent(x, p - 1, ALQ_LK_CUE, ALQ_CUE_COALITION_LEADER);
  if (cl && x->m[x->tok_match[p - 1]].tok_first > c->s_first) {
    p = x->m[x->tok_match[p - 1]].tok_first;
    /* one adjective of the coalition's name may sit before it (التحالف العسكري) */
    if (p - 1 > c->s_first && x->tok_ment[p - 1] < 0 && !x_tok_ent(x, p - 1, ALQ_LK_REL, -1) &&
        t->toks[p - 1].kind == ALQ_TOK_ARABIC)
      p--;
  }
  int lm = x->tok_ment[p - 1];
  if (lm < 0 || x->ments[lm].kind != MK_ACTOR) return 0;
  size_t n = i + 1;
  while (n < c->s_end && t->toks[n].kind == ALQ_TOK_QUOTE) n++;
  if (n >= c->s_end) return 0;
  int rm = x->tok_ment[n];
  if (!((rm >= 0 && x->ments[rm].kind == MK_ACTOR) || single_anaphor(c, n) >= 0)) return 0;
  static const alq_lexent against = {.kind = ALQ_LK_REL, .cls = ALQ_REL_CONFLICT};
  return do_trigger(c, i, i, &against);
}

/* Is sentence s an item of a numbered list (a line starting "1-", "2." or
 * "3)")? */
static int list_item(const struct alq_extractor *x, const alq_sentence *se) {
  const alq_text *t = &x->text;
  if (se->tok_count < 3) return 0;
  const alq_token *a = &t->toks[se->tok_first], *b = &t->toks[se->tok_first + 1];
  if (a->kind != ALQ_TOK_NUMBER || b->kind != ALQ_TOK_PUNCT || a->nlen > 2) return 0;
  if (se->tok_first > 0 && !(a->flags & ALQ_TF_NEWLINE_BEFORE)) return 0;
  char p = t->norm[b->nstart];
  return b->nlen == 1 && (p == '-' || p == '.' || p == ')');
}

/* Does the sentence end with a colon (it introduces a list)? */
static int ends_with_colon(const struct alq_extractor *x, const alq_sentence *se) {
  const alq_token *l = &x->text.toks[se->tok_first + se->tok_count - 1];
  return l->kind == ALQ_TOK_PUNCT && l->nlen == 1 && x->text.norm[l->nstart] == ':';
}

/* Does the sentence name (military) operations (عمليات، هجمات، معارك)?
 * The word may carry the article or clitics, and may be inside a trigger
 * phrase (العمليات المشتركة): looked up word by word. */
static int names_operations(const ctx *c) {
  const struct alq_extractor *x = c->x;
  const alq_text *t = &x->text;
  for (size_t i = c->s_first; i < c->s_end; i++) {
    if (t->toks[i].kind != ALQ_TOK_ARABIC) continue;
    const alq_lexent *e;
    const char *w = t->norm + t->toks[i].nstart;
    size_t n = t->toks[i].nlen;
    for (size_t off = 0; off + 4 < n && off <= 6; off += 2) {
      uint32_t k = x_word_entries(x, w + off, n - off, &e);
      for (uint32_t j = 0; j < k; j++)
        if (e[j].kind == ALQ_LK_CUE && e[j].cls == ALQ_CUE_OPERATIONS) return 1;
    }
  }
  return 0;
}

/* A list of joint operations (CLAIMS.md rules 6 and 16): each dated item is
 * a cooperation of the lead sentence's pair, with the item's date; an actor
 * named in an item is the target of both members (conflict). */
static int list_claims(ctx *c, const int pair[2], uint32_t pspan[2][2], const uint32_t ltrig[2]) {
  struct alq_extractor *x = c->x;
  const date_expr *d = NULL;
  for (size_t k = 0; k < x->ndates; k++)
    if (x->dates[k].tf >= c->s_first && x->dates[k].tl < c->s_end && x->dates[k].iso[0] && !x->dates[k].vague) {
      d = &x->dates[k];
      break;
    }
  c->when_set = 1;
  c->when = d ? alq_arena_strndup(&x->arena, d->ival[0] ? d->ival : d->iso, strlen(d->ival[0] ? d->ival : d->iso)) : NULL;
  /* the lead's trigger and names stand for the item's: spans point there */
  source src = {NULL, "author", 0};
  int rc = 0;
  if (d) rc = emit_at(c, pair[0], pspan[0], pair[1], pspan[1], ALQ_REL_COOPERATION, &src, ltrig, "list-item");
  for (size_t i = c->s_first; i < c->s_end && !rc; i++) {
    int mi = x->tok_ment[i];
    if (mi < 0 || x->ments[mi].kind != MK_ACTOR) continue;
    const ment *m = &x->ments[mi];
    if (m->actor == pair[0] || m->actor == pair[1]) continue;
    /* the target of an operation is a force or an armed group; a state or a
       body named in the item (a verdict of the UN) is not */
    const char *ty = x->lex->actors[m->actor].type;
    if (strcmp(ty, "FORCE") && strcmp(ty, "ORG")) continue;
    uint32_t ms[2] = {m->start, m->end};
    for (int k = 0; k < 2 && !rc; k++) rc = emit_at(c, pair[k], pspan[k], m->actor, ms, ALQ_REL_CONFLICT, &src, ltrig, "list-target");
    i = m->tl;
  }
  c->when_set = 0;
  return rc;
}

#ifndef ALQ_EXTRACT_NO_FAST
/* (speed) The first token j in [i, end) with ev[j] != 0, else end; ev has
 * 8 readable bytes after end. */
static size_t next_event(const uint8_t *ev, size_t i, size_t end) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; i < end; i += 8) {
    uint64_t w;
    memcpy(&w, ev + i, 8);
    if (w) {
      size_t j = i + ((unsigned)__builtin_ctzll(w) >> 3);
      return j < end ? j : end;
    }
  }
  return end;
#else
  while (i < end && !ev[i]) i++;
  return i;
#endif
}
#endif

int x_claims(struct alq_extractor *x) {
  const alq_text *t = &x->text;
  x->first_ref = NULL;   /* (per document, in its arena) */
  int rc;
  int lpair[2] = {-1, -1};       /* the pair of the list being read, if any */
  uint32_t lspan[2][2] = {{0, 0}, {0, 0}}, ltrig[2] = {0, 0};
#ifndef ALQ_EXTRACT_NO_FAST
  /* (speed) the matches with a verb of saying or بحسب (say) and with the
     unnamed-source cue (anon), listed in the pass over the matches below */
  const uint64_t say_mask = (1ull << ALQ_CUE_SAY_VERB) | (1ull << ALQ_CUE_ACCORDING);
  uint32_t *say_ms = alq_arena_alloc(&x->arena, (x->nm + 1) * sizeof *say_ms);
  x->anon_ms = alq_arena_alloc(&x->arena, (x->nm + 1) * sizeof *x->anon_ms);
  size_t nsay_ms = 0, nanon_ms = 0;
  /* (speed) ev[i]: token i starts a match the loop below acts on (one with
     a relation entry other than a blocking one, or a single word with the
     cue against), or a match with a mention after its first token (the
     loop steps over such a match whole). The loop passes other tokens
     that carry no mention at once: tested one by one, which test fails
     came at random and its branch was mispredicted. A rule that starts
     acting in the loop on another kind of match must extend the `act`
     test below (test_claims_fast shows the omission only if its corpora
     exercise the rule). */
  /* (8 bytes of zeros after the text's tokens: next_event reads 8 at a time) */
  uint8_t *ev = alq_arena_calloc(&x->arena, t->ntoks + 8, 1);
  if (!say_ms || !x->anon_ms) ev = NULL;
  /* (ev[i] may say yes for more tokens than those: the loop tests each
     token it stops at as it would without ev. So where several matches
     start at a token, one that is acted on is enough.) */
  const uint64_t rare = say_mask | (1ull << ALQ_CUE_ANON_SOURCE) | (1ull << ALQ_CUE_AGAINST);
  for (size_t k = 0; ev && k < x->nm; k++) {
    const alq_match *m = &x->m[k];
    uint64_t cues = m->cues;
    /* the usual match, one word with none of those cues and no relation
       entry, is passed with one test */
    if (!((cues & rare) | (m->rels & ~(1u << ALQ_REL_BLOCK)) | (m->tok_last - m->tok_first))) continue;
    if (cues & say_mask) say_ms[nsay_ms++] = (uint32_t)k;
    if ((cues >> ALQ_CUE_ANON_SOURCE) & 1) x->anon_ms[nanon_ms++] = (uint32_t)k;
    int act = (m->rels & ~(1u << ALQ_REL_BLOCK)) ||
              (m->tok_first == m->tok_last && ((cues >> ALQ_CUE_AGAINST) & 1));
    for (uint32_t q = m->tok_first + 1; !act && q <= m->tok_last; q++) act = x->tok_ment[q] >= 0;
    ev[m->tok_first] |= (uint8_t)act;
  }
  if (!ev) say_ms = x->anon_ms = NULL;
  x->nanon_ms = nanon_ms;
  tok_list(x, say_ms, nsay_ms, &x->say_toks, &x->nsay);
  size_t say_cur = 0;
  /* and every token of a mention (tok_ment >= 0: the tokens of the
     mentions' spans, mentions.c marks each), so that the loop below needs
     only ev and can step over 8 tokens of no event at once */
  for (size_t k = 0; ev && k < x->nments; k++) {
    /* (one to three tokens: no call to memset) */
    uint32_t q = x->ments[k].tf, e = x->ments[k].tl;
    ev[q] = 2;
    while (q < e) ev[++q] = 2;
  }
#endif
  for (size_t s = 0; s < t->nsents; s++) {
    const alq_sentence *se = &t->sents[s];
    if (x->si[s].chrome || !se->tok_count) continue;
    /* (speed) the two sides only as far as they are read before written:
       role_member only once role_at is set (together), owner once owner.n
       is (the whole side is written then) */
    ctx c;
    c.x = x;
    c.s_first = se->tok_first;
    c.s_end = (size_t)se->tok_first + se->tok_count;
    c.sent = (uint32_t)s;
    c.when = NULL;
    c.when_set = 0;
    c.role_member.n = 0;
    c.role_at = 0;
    c.owner.n = 0;
    c.cur_type = 0;
    c.src_looked = 0;
    if (lpair[0] >= 0 && list_item(x, se)) {
      if ((rc = list_claims(&c, lpair, lspan, ltrig))) return rc;
    } else if (!list_item(x, se)) {
      lpair[0] = lpair[1] = -1;
    }
    size_t nclaims_before = x->nclaims;
#ifndef ALQ_EXTRACT_NO_FAST
    /* (speed) for find_source: the first token with a cue of saying in or
       after the sentence */
    while (say_cur < x->nsay && x->say_toks[say_cur] < c.s_first) say_cur++;
    x->say_sp_from = c.s_first;
    x->say_sp = say_cur;
#endif
    for (size_t i = c.s_first; i < c.s_end; i++) {
#ifndef ALQ_EXTRACT_NO_FAST
      if (ev && !ev[i]) {
        i = next_event(ev, i, c.s_end);
        if (i >= c.s_end) break;
      }
#endif
      int mi = x->tok_ment[i];
      if (mi >= 0) {
        const ment *m = &x->ments[mi];
        if (m->kind == MK_ACTOR) {
          x->last_actor = m->actor;
          uint8_t tb = x->lex->actors[m->actor].tbits;
          if (coalition_named(x, m)) x->last_coalition = m->actor;
          if (tb & ALQ_AT_STATE) x->last_state = m->actor;
          else if (tb & ALQ_AT_ORG) {
            x->last_org = m->actor;   /* التنظيم، الجماعة: an organization, not a force or coalition */
            /* named with a militia head (ميليشيات X، ميليشيا X) */
#ifndef ALQ_EXTRACT_NO_FAST
            /* (speed) asked by few: found when asked (org_militia) */
            x->last_org_militia = -1;
            x->last_org_tf = m->tf;
            x->last_org_after_first = m->tf > c.s_first;
#else
            x->last_org_militia = militia_head(x, m->tf) || (m->tf > c.s_first && militia_head(x, m->tf - 1));
#endif
          }
          /* a coordinated pair becomes the pair in focus */
          if (m->group >= 0) {
            side g = {0};
            group_of(x, mi, &g);
            if (g.n == 2 && x->ments[mi].actor == g.actor[1]) {
              x->focus[0] = g.actor[0]; x->focus[1] = g.actor[1];
              memcpy(x->focus_span, g.span, sizeof x->focus_span);
              if (named_together(&c, mi, &g)) {
                x->strong[0] = g.actor[0]; x->strong[1] = g.actor[1];
                memcpy(x->strong_span, g.span, sizeof x->strong_span);
                x->strong_sent = (uint32_t)s;
              }
              if (x->si[s].headline && x->head_pair[0] < 0) {
                x->head_pair[0] = g.actor[0]; x->head_pair[1] = g.actor[1];
                memcpy(x->head_span, g.span, sizeof x->head_span);
              }
            }
          }
        }
        i = m->tl;
        continue;
      }
      int k = x->tok_match[i];
      if (k < 0 || x->m[k].tok_first != i) continue;
      const alq_match *m = &x->m[k];
      if (m->tok_first == m->tok_last && (rc = against_pair(&c, i))) return rc;
#ifndef ALQ_EXTRACT_NO_FAST /* (tests/unit/test_claims_fast.c builds this file without) */
      /* no relation entry (or only blocking ones): the steps below only read
         and skip to the match's end (speed) */
      if (!(m->rels & ~(1u << ALQ_REL_BLOCK))) { i = m->tok_last; continue; }
#endif
      if (descriptor_head(&c, i)) { i = m->tok_last; continue; }
      const alq_lexent *nt = x_ent(x, k, ALQ_LK_CUE, ALQ_CUE_NOT_TRIGGER);
      /* (value 1: only opening a phrase, after a comma or at the start) */
      if (nt && (nt->value != 1 || i == c.s_first || is_comma(&x->text, i - 1))) { i = m->tok_last; continue; }
      if (in_org_name(&c, i)) { i = m->tok_last; continue; }
      for (uint32_t e = 0; e < m->nents; e++) {
        const alq_lexent *re = &x->lex->ents[m->ents[e]];
        if (re->kind != ALQ_LK_REL || re->cls == ALQ_REL_BLOCK) continue;
        size_t before = x->nclaims;
        if ((rc = do_trigger(&c, m->tok_first, m->tok_last, re))) return rc;
        if (x->nclaims > before) note_sides(x, nclaims_before, (uint32_t)s);
        if (re->rflags & (ALQ_RF_ENDS_CONFLICT | ALQ_RF_ENDS_RIVALRY)) {
          /* the hostility a reconciliation ends held (rule 13) */
          const char *ht = alq_reltype_name((re->rflags & ALQ_RF_ENDS_CONFLICT) ? ALQ_REL_CONFLICT : ALQ_REL_RIVALRY);
          for (size_t q = before, n = x->nclaims; q < n && !rc; q++) {
            alq_claim h = x->claims[q];
            h.type = ht; h.polarity = "affirmed"; h.modality = "asserted"; h.rule = "named-hostility";
            rc = add_claim(x, &h);
          }
          if (rc) return rc;
        }
      }
      i = m->tok_last;
    }
    /* a sentence with no claim may still name the speaker that the next
       ones continue (وأكد المتحدث ...، X، أن ... / وأضاف أن ...) */
    if (!c.src_looked) (void)find_source(&c, c.s_end);
    /* a sentence ending with a colon after a cooperation claim leads a list */
    if (!list_item(x, se) && ends_with_colon(x, se) && names_operations(&c)) {
      for (size_t k = nclaims_before; k < x->nclaims; k++) {
        const alq_claim *cl = &x->claims[k];
        if (strcmp(cl->type, "cooperation") || strcmp(cl->polarity, "affirmed")) continue;
        lpair[0] = alq_lex_actor_find(x->lex, cl->a);
        lpair[1] = alq_lex_actor_find(x->lex, cl->b);
        memcpy(lspan[0], cl->a_span, sizeof lspan[0]);
        memcpy(lspan[1], cl->b_span, sizeof lspan[1]);
        memcpy(ltrig, cl->trigger, sizeof ltrig);
        break;
      }
    }
  }
  return 0;
}
