/* Loads the data/ TSV files (actors, aliases, ambiguous names, places, relation
 * triggers, cues, months) and compiles them into the tables of lex.c. Every
 * malformed line is an error naming the file and line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "alq_config.h"
#include "lex/lex.h"
#include "util/util.h"

typedef struct alq_wslot { uint64_t h; uint32_t off, len, id; } alq_wslot;
typedef struct alq_eslot { uint64_t key; uint32_t child; } alq_eslot;
typedef struct alq_pending { uint32_t node; alq_lexent e; } alq_pending;

const char *alq_version(void) { return ALQ_VERSION_STRING; }

static const char *cue_names[ALQ_CUE__COUNT] = {
  "neg", "hedge", "question", "say_verb", "according", "anon_source", "outlet_head",
  "official_role", "person_role", "pair_anaphor", "single_anaphor", "org_head",
  "member_noun", "ambig_block_after", "ambig_block_before", "coalition_ctx",
  "coalition_leader", "time_recent", "time_now", "time_day", "weekday", "time_since",
  "time_part", "time_unit", "time_last", "place_head", "place_prep", "chrome",
  "reciprocal", "title_word", "nationality",
  "between", "with", "against", "by", "clause", "relative", "receive", "self_deny", "force_head",
  "complementizer", "dual_head", "quantifier", "kunya", "operations", "citing", "from", "say_participle", "copula", "examples", "soldier", "not_trigger",
  "given_name", "name_link", "person_name", "outlet_name", "not_name",
  "place_name_head", "place_verb", "state_head", "border_word", "number_word", "side", "use"};

/* ---- string pool and hash tables ------------------------------------ */

static int pool_add(alq_lexicon *lex, const char *s, size_t n, uint32_t *off) {
  if (lex->nstrings + n + 1 > lex->capstrings) {
    size_t cap = lex->capstrings ? lex->capstrings * 2 : 65536;
    while (cap < lex->nstrings + n + 1) cap *= 2;
    char *p = realloc(lex->strings, cap);
    if (!p) return ALQ_ENOMEM;
    lex->strings = p; lex->capstrings = cap;
  }
  memcpy(lex->strings + lex->nstrings, s, n);
  lex->strings[lex->nstrings + n] = 0;
  *off = (uint32_t)lex->nstrings;
  lex->nstrings += n + 1;
  return 0;
}

static int wtab_grow(alq_wslot **tab, size_t *cap) {
  size_t ncap = *cap ? *cap * 2 : 1024;
  alq_wslot *nt = calloc(ncap, sizeof *nt);
  if (!nt) return ALQ_ENOMEM;
  for (size_t i = 0; i < *cap; i++) {
    alq_wslot *w = &(*tab)[i];
    if (!w->len) continue;
    size_t j = (size_t)w->h & (ncap - 1);
    while (nt[j].len) j = (j + 1) & (ncap - 1);
    nt[j] = *w;
  }
  free(*tab);
  *tab = nt; *cap = ncap;
  return 0;
}

/* Returns the id of word s (adding it), in the exact or the stem table. */
static int word_id(alq_lexicon *lex, const char *s, size_t n, int stem, uint32_t *id) {
  alq_wslot **tab = stem ? &lex->pfx : &lex->words;
  size_t *cap = stem ? &lex->pcap : &lex->wcap;
  uint32_t *count = stem ? &lex->nstem : &lex->nexact;
  if ((*count + 1) * 2 > *cap && wtab_grow(tab, cap)) return ALQ_ENOMEM;
  /* stems: FNV (the scanner hashes a token's prefixes incrementally);
     exact words: the word-at-a-time hash (lex.c, exact_hash) */
  uint64_t h = stem ? alq_hash(s, n) : alq_hash_words(s, n);
  size_t m = *cap - 1, i = (size_t)h & m;
  for (;;) {
    alq_wslot *w = &(*tab)[i];
    if (!w->len) break;
    if (w->h == h && w->len == n && memcmp(lex->strings + w->off, s, n) == 0) { *id = w->id; return 0; }
    i = (i + 1) & m;
  }
  uint32_t off;
  if (pool_add(lex, s, n, &off)) return ALQ_ENOMEM;
  alq_wslot *w = &(*tab)[i];
  w->h = h; w->off = off; w->len = (uint32_t)n; w->id = ++lex->nwords;
  (*count)++;
  if (stem) {
    if (!lex->pfx_min || n < lex->pfx_min) lex->pfx_min = (uint16_t)n;
    if (n > lex->pfx_max) lex->pfx_max = (uint16_t)n;
  }
  *id = w->id;
  return 0;
}

static size_t edge_slot(const alq_eslot *tab, size_t cap, uint64_t key) {
  size_t m = cap - 1, i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & m;
  while (tab[i].child && tab[i].key != key) i = (i + 1) & m;
  return i;
}

static int edge_add(alq_lexicon *lex, uint32_t node, uint32_t word, uint32_t *child) {
  if ((lex->nnodes + 1) * 2 > lex->ecap) {
    size_t ncap = lex->ecap ? lex->ecap * 2 : 4096;
    alq_eslot *nt = calloc(ncap, sizeof *nt);
    if (!nt) return ALQ_ENOMEM;
    for (size_t i = 0; i < lex->ecap; i++)
      if (lex->edges[i].child) nt[edge_slot(nt, ncap, lex->edges[i].key)] = lex->edges[i];
    free(lex->edges);
    lex->edges = nt; lex->ecap = ncap;
  }
  uint64_t key = ((uint64_t)node << 32) | word;
  size_t i = edge_slot(lex->edges, lex->ecap, key);
  if (!lex->edges[i].child) {
    lex->edges[i].key = key;
    lex->edges[i].child = ++lex->nnodes;
  }
  *child = lex->edges[i].child;
  return 0;
}

static int pend_add(alq_lexicon *lex, uint32_t node, const alq_lexent *e) {
  if (lex->npend == lex->cappend) {
    size_t cap = lex->cappend ? lex->cappend * 2 : 4096;
    alq_pending *p = realloc(lex->pend, cap * sizeof *p);
    if (!p) return ALQ_ENOMEM;
    lex->pend = p; lex->cappend = cap;
  }
  lex->pend[lex->npend].node = node;
  lex->pend[lex->npend].e = *e;
  lex->npend++;
  return 0;
}

/* Adds phrase `form` (space-separated words; a word ending in '*' is a stem)
 * with entry e. A trailing lone proclitic letter (وفقا ل) is dropped: in text
 * it is attached to the next word. */
static int phrase_add(alq_lexicon *lex, alq_arena *tmp, const char *form, alq_lexent e,
                      uint32_t *node_out) {
  uint32_t node = 0;
  const char *p = form;
  int nwords = 0;
  if (pool_add(lex, form, strlen(form), &e.form)) return ALQ_ENOMEM;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *q = p;
    while (*q && *q != ' ') q++;
    size_t wl = (size_t)(q - p);
    int stem = wl > 1 && p[wl - 1] == '*';
    if (stem) wl--;
    char *norm; size_t nl;
    if (alq_normalize(tmp, (const uint8_t *)p, wl, &norm, &nl, NULL, NULL)) return ALQ_ENOMEM;
    p = q;
    if (!nl) continue;
    /* a lone ل / ب at the end of a multi-word cue is a clitic of the next word */
    if (!*p || !strchr(p, ' ')) {
      int rest_empty = 1;
      for (const char *r = p; *r; r++) if (*r != ' ') rest_empty = 0;
      if (rest_empty && nwords > 0 && nl == 2 &&
          (memcmp(norm, "\xd9\x84", 2) == 0 || memcmp(norm, "\xd8\xa8", 2) == 0))
        break;
    }
    uint32_t w;
    if (word_id(lex, norm, nl, stem, &w)) return ALQ_ENOMEM;
    if (edge_add(lex, node, w, &node)) return ALQ_ENOMEM;
    nwords++;
  }
  if (!nwords) return ALQ_EFORMAT;
  if (node_out) *node_out = node;
  return pend_add(lex, node, &e);
}

/* ---- TSV reading ------------------------------------------------------ */

typedef struct tsv {
  char *buf; size_t len, pos;
  const char *path;
  char pathbuf[1024];   /* (per reader: lexicons are loaded by several threads at once) */
  int line;
  char *f[8]; int nf;
} tsv;

static int tsv_open(tsv *t, const char *dir, const char *name, int required, alq_error *err) {
  memset(t, 0, sizeof *t);
  snprintf(t->pathbuf, sizeof t->pathbuf, "%s/%s", dir, name);
  t->path = t->pathbuf;
  struct stat st;
  if (!required && stat(t->path, &st) != 0) return 1;
  return alq_read_file(t->path, &t->buf, &t->len, 64u << 20, err);
}

/* Next non-comment, non-blank line split on tabs; returns 0 at the end. */
static int tsv_next(tsv *t) {
  while (t->pos < t->len) {
    char *s = t->buf + t->pos;
    char *e = memchr(s, '\n', t->len - t->pos);
    if (!e) e = t->buf + t->len;
    t->pos = (size_t)(e - t->buf) + 1;
    t->line++;
    *e = 0;
    if (e > s && e[-1] == '\r') e[-1] = 0;
    if (t->line == 1 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) s += 3;
    if (*s == '#' || *s == 0) continue;
    int blank = 1;
    for (char *c = s; *c; c++) if (*c != ' ' && *c != '\t') { blank = 0; break; }
    if (blank) continue;
    t->nf = 0;
    for (;;) {
      if (t->nf < 8) t->f[t->nf++] = s;
      char *tab = strchr(s, '\t');
      if (!tab) break;
      *tab = 0;
      s = tab + 1;
    }
    for (int i = t->nf; i < 8; i++) t->f[i] = "";
    return 1;
  }
  return 0;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

/* ---- ambiguous names --------------------------------------------------- */

typedef struct ambig { char *norm; int flags; char *id; int used; } ambig;
typedef struct ambig_set {
  ambig *v; size_t n, cap;
  /* heads.tsv: head words that may precede aliases of the given types */
  char *head[16]; char *head_types[16]; int nheads;
} ambig_set;

static int ambig_lookup(const ambig_set *as, const char *norm) {
  for (size_t i = 0; i < as->n; i++)
    if (strcmp(as->v[i].norm, norm) == 0) return (int)i;
  return -1;
}

/* ---- the loaders ------------------------------------------------------ */

static int fail_line(alq_error *err, tsv *t, const char *what) {
  return alq_error_set(err, ALQ_EFORMAT, t->path, -1, "line %d: %s", t->line, what);
}

/* Normalized form of an alias (for ambiguity lookups). */
static char *norm_phrase(alq_arena *tmp, const char *s) {
  char *n; size_t nl;
  if (alq_normalize(tmp, (const uint8_t *)s, strlen(s), &n, &nl, NULL, NULL)) return NULL;
  return n;
}

static int add_actor_alias(alq_lexicon *lex, alq_arena *tmp, ambig_set *as, int actor,
                           const char *alias) {
  alq_lexent e = {0};
  e.kind = ALQ_LK_ACTOR;
  e.flags = ALQ_EF_NAME;
  e.value = actor;
  char *n = norm_phrase(tmp, alias);
  if (!n) return ALQ_ENOMEM;
  int k = ambig_lookup(as, n);
  if (k >= 0) { e.flags |= (uint16_t)as->v[k].flags; as->v[k].used = 1; }
  int rc = phrase_add(lex, tmp, alias, e, NULL);
  /* the alias with a head word before it (تنظيم + name), unless it has one */
  const char *type = lex->actors[actor].type;
  for (int h = 0; h < as->nheads && !rc; h++) {
    if (!strstr(as->head_types[h], type)) continue;
    int has_head = 0;
    for (int g = 0; g < as->nheads; g++) {
      size_t hl = strlen(as->head[g]);
      if (!strncmp(alias, as->head[g], hl) && alias[hl] == ' ') has_head = 1;
    }
    if (has_head || k >= 0) continue;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s %s", as->head[h], alias);
    rc = phrase_add(lex, tmp, buf, e, NULL);
  }
  return rc;
}

static int load_heads(alq_arena *tmp, const char *dir, ambig_set *as, alq_error *err) {
  (void)tmp;
  tsv t;
  int rc = tsv_open(&t, dir, "heads.tsv", 0, err);
  if (rc == 1) return 0;
  if (rc) return rc;
  while (tsv_next(&t) && as->nheads < 16) {
    as->head[as->nheads] = xstrdup(t.f[0]);
    as->head_types[as->nheads] = xstrdup(t.f[1]);
    as->nheads++;
  }
  free(t.buf);
  return 0;
}

static int load_actors(alq_lexicon *lex, alq_arena *tmp, const char *dir, ambig_set *as,
                       alq_error *err) {
  tsv t;
  int rc = tsv_open(&t, dir, "actors.tsv", 1, err);
  if (rc) return rc;
  size_t cap = 0;
  int header = 1;
  while (tsv_next(&t)) {
    if (header) { header = 0; if (!strcmp(t.f[0], "id")) continue; }
    if (t.nf < 4) { rc = fail_line(err, &t, "expected at least 4 tab-separated fields"); break; }
    if (lex->nactors == cap) {
      cap = cap ? cap * 2 : 256;
      alq_actor *na = realloc(lex->actors, cap * sizeof *na);
      if (!na) { rc = ALQ_ENOMEM; break; }
      lex->actors = na;
    }
    alq_actor *a = &lex->actors[lex->nactors];
    a->id = xstrdup(t.f[0]); a->type = xstrdup(t.f[1]); a->english = xstrdup(t.f[2]);
    a->founded = xstrdup(t.f[4]); a->ended = xstrdup(t.f[5]); a->successor = xstrdup(t.f[6]);
    char *bar0 = strchr(t.f[3], '|');
    a->arabic = bar0 ? strndup(t.f[3], (size_t)(bar0 - t.f[3])) : xstrdup(t.f[3]);
    lex->nactors++;
    if (!a->id || !a->type || !a->english || !a->founded || !a->ended || !a->successor || !a->arabic) { rc = ALQ_ENOMEM; break; }
    if ((rc = alq_lex_actor_index_add(lex, lex->nactors - 1))) break;
    char *s = t.f[3];
    while (s && *s) {
      char *bar = strchr(s, '|');
      if (bar) *bar = 0;
      if (*s && (rc = add_actor_alias(lex, tmp, as, (int)lex->nactors - 1, s))) {
        if (rc == ALQ_EFORMAT) rc = fail_line(err, &t, "empty alias");
        goto done;
      }
      s = bar ? bar + 1 : NULL;
    }
  }
done:
  free(t.buf);
  return rc;
}

static int load_extra(alq_lexicon *lex, alq_arena *tmp, const char *dir, ambig_set *as,
                      alq_error *err) {
  tsv t;
  int rc = tsv_open(&t, dir, "actors-extra.tsv", 0, err);
  if (rc == 1) return 0;
  if (rc) return rc;
  while (tsv_next(&t)) {
    int a = alq_lex_actor_find(lex, t.f[0]);
    if (a < 0) { rc = fail_line(err, &t, "unknown actor id"); break; }
    char *s = t.f[1];
    while (s && *s) {
      char *bar = strchr(s, '|');
      if (bar) *bar = 0;
      if (*s && (rc = add_actor_alias(lex, tmp, as, a, s))) goto done;
      s = bar ? bar + 1 : NULL;
    }
  }
done:
  free(t.buf);
  return rc;
}

static int load_ambiguous(alq_lexicon *lex, alq_arena *tmp, const char *dir, ambig_set *as,
                          alq_error *err) {
  (void)lex;
  tsv t;
  int rc = tsv_open(&t, dir, "ambiguous.tsv", 0, err);
  if (rc == 1) return 0;
  if (rc) return rc;
  while (tsv_next(&t)) {
    int fl;
    if (!strcmp(t.f[2], "context")) fl = ALQ_EF_AMBIG_CONTEXT;
    else if (!strcmp(t.f[2], "head_only")) fl = ALQ_EF_AMBIG_HEAD;
    else if (!strcmp(t.f[2], "coalition")) fl = ALQ_EF_COALITION;
    else if (!strcmp(t.f[2], "gov_forces")) fl = ALQ_EF_GOV_FORCES;
    else if (!strcmp(t.f[2], "gov_state")) fl = ALQ_EF_GOV_STATE;
    else if (!strcmp(t.f[2], "national_army")) fl = ALQ_EF_NATIONAL_ARMY;
    else if (!strcmp(t.f[2], "yemen_story")) fl = ALQ_EF_YEMEN_STORY;
    else { rc = fail_line(err, &t, "rule must be context, head_only, coalition, gov_forces, gov_state, national_army or yemen_story"); break; }
    if (as->n == as->cap) {
      size_t cap = as->cap ? as->cap * 2 : 64;
      ambig *nv = realloc(as->v, cap * sizeof *nv);
      if (!nv) { rc = ALQ_ENOMEM; break; }
      as->v = nv; as->cap = cap;
    }
    char *n = norm_phrase(tmp, t.f[0]);
    if (!n) { rc = ALQ_ENOMEM; break; }
    as->v[as->n].norm = xstrdup(n);
    as->v[as->n].id = xstrdup(t.f[1]);
    as->v[as->n].flags = fl;
    as->v[as->n].used = 0;
    as->n++;
  }
  free(t.buf);
  return rc;
}

/* Ambiguous forms that are not aliases of their id elsewhere (no actors.tsv
 * row lists them) are added here, once all actors are known. */
static int add_ambiguous(alq_lexicon *lex, alq_arena *tmp, ambig_set *as, alq_error *err) {
  for (size_t i = 0; i < as->n; i++) {
    if (as->v[i].used) continue;
    int a = alq_lex_actor_find(lex, as->v[i].id);
    if (a < 0 && strcmp(as->v[i].id, "-") != 0)
      return alq_error_set(err, ALQ_EFORMAT, "ambiguous.tsv", -1, "unknown actor id '%s'", as->v[i].id);
    alq_lexent e = {0};
    e.kind = ALQ_LK_ACTOR;
    e.flags = (uint16_t)(ALQ_EF_NAME | as->v[i].flags);
    e.value = a;
    int rc = phrase_add(lex, tmp, as->v[i].norm, e, NULL);
    if (rc) return rc;
  }
  return 0;
}

static int load_places(alq_lexicon *lex, alq_arena *tmp, const char *dir, alq_error *err) {
  tsv t;
  int rc = tsv_open(&t, dir, "places.tsv", 0, err);
  if (rc == 1) return 0;
  if (rc) return rc;
  size_t cap = 0;
  while (tsv_next(&t)) {
    if (t.nf < 2) { rc = fail_line(err, &t, "expected name, kind, state"); break; }
    if (lex->nplaces == cap) {
      cap = cap ? cap * 2 : 512;
      alq_place *np = realloc(lex->places, cap * sizeof *np);
      if (!np) { rc = ALQ_ENOMEM; break; }
      lex->places = np;
    }
    alq_place *pl = &lex->places[lex->nplaces];
    pl->name = xstrdup(t.f[0]);
    pl->kind = xstrdup(t.f[1]);
    pl->state = (t.f[2][0] && strcmp(t.f[2], "-")) ? alq_lex_actor_find(lex, t.f[2]) : -1;
    lex->nplaces++;
    if (!pl->name || !pl->kind) { rc = ALQ_ENOMEM; break; }
    alq_lexent e = {0};
    e.kind = ALQ_LK_PLACE; e.flags = ALQ_EF_NAME; e.value = (int32_t)lex->nplaces - 1;
    if ((rc = phrase_add(lex, tmp, t.f[0], e, NULL))) { if (rc == ALQ_EFORMAT) rc = fail_line(err, &t, "empty name"); break; }
  }
  free(t.buf);
  return rc;
}

static int rel_from_name(const char *s) {
  for (int i = 1; i < ALQ_REL__COUNT; i++)
    if (!strcmp(alq_reltype_name(i), s)) return i;
  return -1;
}

static int load_relations(alq_lexicon *lex, alq_arena *tmp, const char *dir, alq_error *err) {
  tsv t;
  int rc = tsv_open(&t, dir, "relations.tsv", 1, err);
  if (rc) return rc;
  while (tsv_next(&t)) {
    int ty = rel_from_name(t.f[1]);
    if (ty < 0) { rc = fail_line(err, &t, "unknown relation type"); break; }
    alq_lexent e = {0};
    e.kind = ALQ_LK_REL; e.cls = (uint8_t)ty;
    e.value = t.f[2][0];
    const char *fl = t.f[3];
    if (strstr(fl, "figurative")) e.rflags |= ALQ_RF_FIGURATIVE;
    if (strstr(fl, "mutual")) e.rflags |= ALQ_RF_MUTUAL;
    if (strstr(fl, "needs_between")) e.rflags |= ALQ_RF_NEEDS_BETWEEN;
    if (strstr(fl, "directed")) e.rflags |= ALQ_RF_DIRECTED;
    if (strstr(fl, "passive")) e.rflags |= ALQ_RF_PASSIVE;
    if (strstr(fl, "role")) e.rflags |= ALQ_RF_ROLE;
    if (strstr(fl, "ends_conflict")) e.rflags |= ALQ_RF_ENDS_CONFLICT;
    if (strstr(fl, "ends_rivalry")) e.rflags |= ALQ_RF_ENDS_RIVALRY;
    if (strstr(fl, "permission")) e.rflags |= ALQ_RF_PERMISSION;
    if (strstr(fl, "help")) e.rflags |= ALQ_RF_HELP;
    if (strstr(fl, "member_in")) e.rflags |= ALQ_RF_MEMBER_IN;
    if (strstr(fl, "one_sided")) e.rflags |= ALQ_RF_ONE_SIDED;
    if (strstr(fl, "joiner")) e.rflags |= ALQ_RF_JOINER;
    if (strstr(fl, "partner")) e.rflags |= ALQ_RF_PARTNER;
    if ((rc = phrase_add(lex, tmp, t.f[0], e, NULL))) { if (rc == ALQ_EFORMAT) rc = fail_line(err, &t, "empty form"); break; }
  }
  free(t.buf);
  return rc;
}

static int load_cues(alq_lexicon *lex, alq_arena *tmp, const char *dir, const char *name,
                     alq_error *err) {
  tsv t;
  int rc = tsv_open(&t, dir, name, 1, err);
  if (rc) return rc;
  while (tsv_next(&t)) {
    int c = -1;
    for (int i = 0; i < ALQ_CUE__COUNT; i++) if (!strcmp(cue_names[i], t.f[1])) c = i;
    if (c < 0) { rc = fail_line(err, &t, "unknown cue class"); break; }
    alq_lexent e = {0};
    e.kind = ALQ_LK_CUE; e.cls = (uint8_t)c;
    const char *v = t.f[2];
    if (c == ALQ_CUE_COALITION_LEADER) e.value = alq_lex_actor_find(lex, v);
    else if (c == ALQ_CUE_NATIONALITY) e.value = strcmp(v, "-") ? alq_lex_actor_find(lex, v) : -1;
    else if (c == ALQ_CUE_ORG_HEAD) e.value = !strcmp(v, "unit") ? 1 : !strcmp(v, "militia") ? 2 : 0;
    else if (c == ALQ_CUE_SINGLE_ANAPHOR)
      e.value = !strcmp(v, "state") ? 1 : !strcmp(v, "any") ? 2 : !strcmp(v, "country") ? 3 : !strcmp(v, "militia") ? 4 : !strcmp(v, "coalition") ? 5 : 0;
    else if (c == ALQ_CUE_TIME_PART) e.value = !strcmp(v, "start") ? 1 : !strcmp(v, "mid") ? 2 : !strcmp(v, "end") ? 3 : 0;
    else if (c == ALQ_CUE_TIME_UNIT) e.value = !strcmp(v, "day") ? 1 : !strcmp(v, "week") ? 2 : !strcmp(v, "month") ? 3 : !strcmp(v, "year") ? 4 : 0;
    else if (c == ALQ_CUE_SAY_VERB) e.value = !strcmp(v, "deny") ? 1 : !strcmp(v, "report") ? 2 : 0;
    else if (c == ALQ_CUE_NEG)
      e.value = !strcmp(v, "verb") ? 1 : !strcmp(v, "noun") ? 2 : !strcmp(v, "none") ? 3 : !strcmp(v, "adj") ? 4 : 0;
    else if (c == ALQ_CUE_HEDGE) e.value = !strcmp(v, "impf") ? 1 : !strcmp(v, "adj") ? 2 : !strcmp(v, "attempt") ? 3 : 0;
    else if (c == ALQ_CUE_CHROME) e.value = !strcmp(v, "lead") ? 1 : 0;
    else if (c == ALQ_CUE_COPULA) e.value = !strcmp(v, "verb") ? 1 : 0;
    else e.value = atoi(v);
    if ((rc = phrase_add(lex, tmp, t.f[0], e, NULL))) { if (rc == ALQ_EFORMAT) rc = fail_line(err, &t, "empty form"); break; }
  }
  free(t.buf);
  return rc;
}

static int load_months(alq_lexicon *lex, alq_arena *tmp, const char *dir, alq_error *err) {
  tsv t;
  int rc = tsv_open(&t, dir, "months.tsv", 0, err);
  if (rc == 1) return 0;
  if (rc) return rc;
  while (tsv_next(&t)) {
    int m = atoi(t.f[1]);
    if (m < 1 || m > 12) { rc = fail_line(err, &t, "month must be 1..12"); break; }
    alq_lexent e = {0};
    e.kind = ALQ_LK_MONTH; e.value = m;
    if (!strcmp(t.f[2], "hijri")) e.flags |= ALQ_MF_HIJRI;
    if ((rc = phrase_add(lex, tmp, t.f[0], e, NULL))) break;
  }
  free(t.buf);
  return rc;
}

/* forces.tsv: state id -> the actor id of its armed forces. */
static int load_forces(alq_lexicon *lex, const char *dir, alq_error *err) {
  lex->state_force = malloc((lex->nactors + 1) * sizeof *lex->state_force);
  if (!lex->state_force) return ALQ_ENOMEM;
  lex->state_national_army = malloc((lex->nactors + 1) * sizeof *lex->state_national_army);
  if (!lex->state_national_army) return ALQ_ENOMEM;
  for (size_t i = 0; i < lex->nactors; i++) lex->state_force[i] = lex->state_national_army[i] = -1;
  tsv t;
  int rc = tsv_open(&t, dir, "forces.tsv", 0, err);
  if (rc == 1) return 0;
  if (rc) return rc;
  while (tsv_next(&t)) {
    int s = alq_lex_actor_find(lex, t.f[0]);
    int f = strcmp(t.f[1], "-") ? alq_lex_actor_find(lex, t.f[1]) : -1;
    int n = t.f[2][0] ? alq_lex_actor_find(lex, t.f[2]) : -1;
    if (s < 0 || (f < 0 && strcmp(t.f[1], "-")) || (t.f[2][0] && n < 0)) { rc = fail_line(err, &t, "unknown actor id"); break; }
    lex->state_force[s] = f;
    lex->state_national_army[s] = n;
  }
  free(t.buf);
  return rc;
}

static int cmp_pend(const void *x, const void *y) {
  const alq_pending *a = x, *b = y;
  if (a->node != b->node) return a->node < b->node ? -1 : 1;
  /* pool offsets grow with insertion: file order within a node */
  return a->e.form < b->e.form ? -1 : a->e.form > b->e.form;
}

static int finalize(alq_lexicon *lex) {
  alq_pending *p = lex->pend;
  size_t n = lex->npend;
  qsort(p, n, sizeof *p, cmp_pend);
  lex->ents = malloc((n + 1) * sizeof *lex->ents);
  lex->node_ent_first = calloc(lex->nnodes + 1, sizeof(uint32_t));
  lex->node_ent_count = calloc(lex->nnodes + 1, sizeof(uint32_t));
  if (!lex->ents || !lex->node_ent_first || !lex->node_ent_count) return ALQ_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    lex->ents[i] = p[i].e;
    if (!lex->node_ent_count[p[i].node]) lex->node_ent_first[p[i].node] = (uint32_t)i;
    lex->node_ent_count[p[i].node]++;
  }
  lex->nents = n;
  free(lex->pend); lex->pend = NULL; lex->npend = lex->cappend = 0;
  return 0;
}

static int dir_has_actors(const char *dir) {
  char path[1024];
  struct stat st;
  snprintf(path, sizeof path, "%s/actors.tsv", dir);
  return stat(path, &st) == 0;
}

int alq_lexicon_open(alq_lexicon **out, const char *datadir, alq_error *err) {
  *out = NULL;
  if (!datadir) datadir = getenv("ALAQAT_DATA");
  if (!datadir || !*datadir)
    datadir = dir_has_actors(ALQ_DATADIR_SOURCE) ? ALQ_DATADIR_SOURCE : ALQ_DATADIR_INSTALLED;
  alq_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex) return alq_error_set(err, ALQ_ENOMEM, datadir, -1, "out of memory");
  alq_arena tmp;
  alq_arena_init(&tmp, 1 << 16, 0);
  ambig_set as = {0};
  int rc;
  if ((rc = load_heads(&tmp, datadir, &as, err))) goto out;
  if ((rc = load_ambiguous(lex, &tmp, datadir, &as, err))) goto out;
  if ((rc = load_actors(lex, &tmp, datadir, &as, err))) goto out;
  if ((rc = load_extra(lex, &tmp, datadir, &as, err))) goto out;
  if ((rc = add_ambiguous(lex, &tmp, &as, err))) goto out;
  if ((rc = load_places(lex, &tmp, datadir, err))) goto out;
  if ((rc = load_relations(lex, &tmp, datadir, err))) goto out;
  if ((rc = load_cues(lex, &tmp, datadir, "cues.tsv", err))) goto out;
  if ((rc = load_cues(lex, &tmp, datadir, "grammar.tsv", err))) goto out;
  if ((rc = load_cues(lex, &tmp, datadir, "names.tsv", err))) goto out;
  if ((rc = load_months(lex, &tmp, datadir, err))) goto out;
  if ((rc = load_forces(lex, datadir, err))) goto out;
  if ((rc = finalize(lex))) goto out;
  lex->actor_isis = alq_lex_actor_find(lex, "isis");
  lex->actor_al_qaeda = alq_lex_actor_find(lex, "al-qaeda");
  lex->actor_intl_coalition = alq_lex_actor_find(lex, "international-coalition");
  lex->actor_arab_coalition = alq_lex_actor_find(lex, "arab-coalition");
  for (size_t i = 0; i < lex->nactors; i++) {
    alq_actor *a = &lex->actors[i];
    a->tbits = (uint8_t)((!strcmp(a->type, "STATE") ? ALQ_AT_STATE : 0) | (!strcmp(a->type, "ORG") ? ALQ_AT_ORG : 0) |
                         (!strcmp(a->type, "COALITION") ? ALQ_AT_COALITION : 0) |
                         (!strcmp(a->id, "yemen") || !strcmp(a->id, "houthis") || !strcmp(a->id, "aqap")
                              ? ALQ_AT_YEMEN_STORY : 0) |
                         (!strcmp(a->id, "syria") || !strcmp(a->id, "iraq") || !strcmp(a->id, "isis")
                              ? ALQ_AT_SYRIA_STORY : 0));
  }
  for (size_t i = 0; i < lex->nplaces; i++) lex->places[i].country = !strcmp(lex->places[i].kind, "country");
out:
  if (rc == ALQ_ENOMEM) alq_error_set(err, rc, datadir, -1, "out of memory while loading lexicons");
  for (size_t i = 0; i < as.n; i++) { free(as.v[i].norm); free(as.v[i].id); }
  for (int h = 0; h < as.nheads; h++) { free(as.head[h]); free(as.head_types[h]); }
  free(as.v);
  alq_arena_free(&tmp);
  if (rc) { alq_lexicon_free(lex); return rc; }
  *out = lex;
  return 0;
}

void alq_lexicon_free(alq_lexicon *lex) {
  if (!lex) return;
  for (size_t i = 0; i < lex->nactors; i++) {
    alq_actor *a = &lex->actors[i];
    free((char *)a->id); free((char *)a->type); free((char *)a->english);
    free((char *)a->founded); free((char *)a->ended); free((char *)a->successor);
    free((char *)a->arabic);
  }
  for (size_t i = 0; i < lex->nplaces; i++) { free((char *)lex->places[i].name); free((char *)lex->places[i].kind); }
  free(lex->actors); free(lex->places); free(lex->strings); free(lex->ents);
  free(lex->words); free(lex->pfx); free(lex->edges);
  free(lex->node_ent_first); free(lex->node_ent_count); free(lex->pend);
  free(lex->state_force);
  free(lex->state_national_army);
  free(lex->node_inner);
  free(lex->node_acc);
  free(lex->root_child);
  free(lex->actor_ix);
  free(lex);
}
