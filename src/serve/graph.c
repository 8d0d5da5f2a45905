/* The network at a date for alaqat serve, from memory: the affirmed,
 * asserted claims are loaded once per store version, grouped by pair in time
 * order with running per-class totals, so /api/graph?at= costs one binary
 * search per pair instead of a scan of the claims table. Same rule and
 * output as alq_graph_at (src/analyze); tests compare the two. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "serve/serve.h"
#include "util/util.h"

static const char *const CLASSES[3] = {"cooperative", "hostile", "structural"};  /* sort order */
static const int CLASS_RANK[3] = {1, 3, 2};  /* tie-break: hostile > structural > cooperative */

/* Totals of one class over a prefix of a pair's claims. */
typedef struct gcls {
  int32_t claims, docs, first, last, last_n;
  int32_t type;  /* index into the type names */
} gcls;

typedef struct gsnap {   /* the pair's state after including one claim */
  gcls c[3];
  int32_t total;         /* distinct documents, any class */
} gsnap;

typedef struct gpair {
  int32_t a, b;          /* actor indexes */
  size_t start, n;       /* its claims: t[start..start+n), snaps likewise */
} gpair;

typedef struct gactor { char *id, *type, *english, *arabic; } gactor;

typedef struct gcount { int32_t a, b; long long n; } gcount;  /* all claims of a pair */

struct srv_graph {
  int refs;
  long long version;     /* PRAGMA data_version when built */
  int32_t *t;            /* claim dates as YYYYMMDD */
  gsnap *snap;
  gpair *pairs;
  size_t npairs, nclaims;
  gactor *actors;
  size_t nactors;
  char **types;
  size_t ntypes;
  long long documents, claims_all, actors_all;   /* for /api/stats */
  gcount *counts;        /* every pair's claims (any polarity), by (a, b) */
  size_t ncounts;
  char first[11], last[11];
};

static int32_t day_num(const char *s) {  /* "YYYY-MM-DD" -> YYYYMMDD, -1 if not */
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
  int32_t v = 0;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) continue;
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

static void day_str(int32_t v, char out[11]) {  /* YYYYMMDD -> "YYYY-MM-DD" */
  static const int pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 7; i >= 0; i--) { out[pos[i]] = (char)('0' + v % 10); v /= 10; }
  out[4] = out[7] = '-';
  out[10] = 0;
}

void srv_graph_release(srv_graph *g) {
  if (!g || --g->refs > 0) return;
  for (size_t i = 0; i < g->nactors; i++) {
    free(g->actors[i].id); free(g->actors[i].type); free(g->actors[i].english); free(g->actors[i].arabic);
  }
  for (size_t i = 0; i < g->ntypes; i++) free(g->types[i]);
  free(g->actors); free(g->types); free(g->t); free(g->snap); free(g->pairs); free(g->counts);
  free(g);
}

static char *dup_col(sqlite3_stmt *q, int i) {
  const char *s = (const char *)sqlite3_column_text(q, i);
  return s ? strdup(s) : NULL;
}

/* Index of `id` in the sorted actor table (binary search), or -1. */
static int32_t actor_find(const srv_graph *g, const char *id) {
  size_t lo = 0, hi = g->nactors;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(g->actors[mid].id, id);
    if (!c) return (int32_t)mid;
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  return -1;
}

static int grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap * 2 : 1024;
  while (c < need) c *= 2;
  void *n = realloc(*p, c * size);
  if (!n) return -1;
  *p = n; *cap = c;
  return 0;
}

/* A small open-addressing set of 64-bit keys, reset per pair. */
typedef struct kset { uint64_t *k; size_t cap, n; } kset;

static int kset_add(kset *s, uint64_t key) {  /* 1 if new, 0 if present, -1 oom */
  if ((s->n + 1) * 2 > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 256;
    uint64_t *k = calloc(cap, sizeof *k);
    if (!k) return -1;
    for (size_t i = 0; i < s->cap; i++)
      if (s->k[i]) {
        size_t j = (size_t)(s->k[i] * 0x9E3779B97F4A7C15ULL) & (cap - 1);
        while (k[j]) j = (j + 1) & (cap - 1);
        k[j] = s->k[i];
      }
    free(s->k);
    s->k = k; s->cap = cap;
  }
  key++;  /* 0 marks an empty slot */
  size_t j = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (s->cap - 1);
  while (s->k[j]) {
    if (s->k[j] == key) return 0;
    j = (j + 1) & (s->cap - 1);
  }
  s->k[j] = key;
  s->n++;
  return 1;
}

static void kset_clear(kset *s) {
  if (s->k) memset(s->k, 0, s->cap * sizeof *s->k);
  s->n = 0;
}

srv_graph *srv_graph_build(sqlite3 *db, char *why, size_t whycap) {
  srv_graph *g = calloc(1, sizeof *g);
  sqlite3_stmt *q = NULL;
  kset seen = {0};
  if (!g) goto oom;
  g->refs = 1;
  if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
    g->version = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  /* the store at a glance (/api/stats), counted once per version */
  if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims),"
                             " (SELECT count(*) FROM actors), (SELECT min(t_lo) FROM claims),"
                             " (SELECT max(t_lo) FROM claims)", -1, &q, NULL) != SQLITE_OK ||
      sqlite3_step(q) != SQLITE_ROW)
    goto dberr;
  g->documents = sqlite3_column_int64(q, 0);
  g->claims_all = sqlite3_column_int64(q, 1);
  g->actors_all = sqlite3_column_int64(q, 2);
  snprintf(g->first, sizeof g->first, "%s", sqlite3_column_text(q, 3) ? (const char *)sqlite3_column_text(q, 3) : "");
  snprintf(g->last, sizeof g->last, "%s", sqlite3_column_text(q, 4) ? (const char *)sqlite3_column_text(q, 4) : "");
  sqlite3_finalize(q);
  q = NULL;
  /* actors: every id of the lexicon and every id in a claim, sorted */
  if (sqlite3_prepare_v2(db,
        "SELECT x.id, a.type, a.english, a.arabic FROM"
        " (SELECT id FROM actors UNION SELECT pair_lo FROM claims UNION SELECT pair_hi FROM claims) x"
        " LEFT JOIN actors a ON a.id = x.id WHERE x.id IS NOT NULL ORDER BY x.id", -1, &q, NULL) != SQLITE_OK)
    goto dberr;
  size_t acap = 0;
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    if (grow((void **)&g->actors, &acap, g->nactors + 1, sizeof *g->actors)) goto oom;
    gactor *a = &g->actors[g->nactors++];
    a->id = dup_col(q, 0); a->type = dup_col(q, 1); a->english = dup_col(q, 2); a->arabic = dup_col(q, 3);
    if (!a->id) goto oom;
  }
  if (rc != SQLITE_DONE) goto dberr;
  sqlite3_finalize(q);
  /* the number of claims of each pair (the total of a timeline page): a
     walk of the claims_timeline index; rows in (pair_lo, pair_hi) order,
     which is the order of the actor indexes */
  if (sqlite3_prepare_v2(db, "SELECT pair_lo, pair_hi, count(*) FROM claims GROUP BY pair_lo, pair_hi", -1, &q,
                         NULL) != SQLITE_OK)
    goto dberr;
  size_t ccap = 0;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    int32_t ia = actor_find(g, (const char *)sqlite3_column_text(q, 0));
    int32_t ib = actor_find(g, (const char *)sqlite3_column_text(q, 1));
    if (ia < 0 || ib < 0) continue;
    if (grow((void **)&g->counts, &ccap, g->ncounts + 1, sizeof *g->counts)) goto oom;
    g->counts[g->ncounts++] = (gcount){ia, ib, sqlite3_column_int64(q, 2)};
  }
  if (rc != SQLITE_DONE) goto dberr;
  sqlite3_finalize(q);
  if (sqlite3_prepare_v2(db,
        "SELECT pair_lo, pair_hi, class, doc, t_lo, type FROM claims"
        " WHERE polarity = 'affirmed' AND modality = 'asserted' AND class IS NOT NULL AND t_lo IS NOT NULL"
        " ORDER BY pair_lo, pair_hi, t_lo, doc, key", -1, &q, NULL) != SQLITE_OK)
    goto dberr;
  size_t tcap = 0, scap = 0, pcap = 0, tycap = 0;
  gpair *cur = NULL;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    const char *lo = (const char *)sqlite3_column_text(q, 0), *hi = (const char *)sqlite3_column_text(q, 1);
    const char *cls = (const char *)sqlite3_column_text(q, 2), *type = (const char *)sqlite3_column_text(q, 5);
    int32_t t = day_num((const char *)sqlite3_column_text(q, 4));
    int c = -1;
    for (int i = 0; cls && i < 3; i++) if (!strcmp(cls, CLASSES[i])) c = i;
    if (!lo || !hi || c < 0 || t < 0) continue;
    int32_t ia = actor_find(g, lo), ib = actor_find(g, hi);
    if (ia < 0 || ib < 0) continue;
    if (!cur || cur->a != ia || cur->b != ib) {
      if (grow((void **)&g->pairs, &pcap, g->npairs + 1, sizeof *g->pairs)) goto oom;
      cur = &g->pairs[g->npairs++];
      cur->a = ia; cur->b = ib; cur->start = g->nclaims; cur->n = 0;
      kset_clear(&seen);
    }
    int32_t ty = -1;
    for (size_t i = 0; type && i < g->ntypes; i++) if (!strcmp(g->types[i], type)) ty = (int32_t)i;
    if (ty < 0 && type) {
      if (grow((void **)&g->types, &tycap, g->ntypes + 1, sizeof *g->types)) goto oom;
      if (!(g->types[g->ntypes] = strdup(type))) goto oom;
      ty = (int32_t)g->ntypes++;
    }
    if (grow((void **)&g->t, &tcap, g->nclaims + 1, sizeof *g->t) ||
        grow((void **)&g->snap, &scap, g->nclaims + 1, sizeof *g->snap)) goto oom;
    gsnap *s = &g->snap[g->nclaims];
    if (cur->n) *s = g->snap[g->nclaims - 1];
    else memset(s, 0, sizeof *s);
    long long doc = sqlite3_column_int64(q, 3);
    int new_any = kset_add(&seen, (uint64_t)doc * 4 + 3), new_cls = kset_add(&seen, (uint64_t)doc * 4 + (uint64_t)c);
    if (new_any < 0 || new_cls < 0) goto oom;
    gcls *k = &s->c[c];
    if (!k->claims) { k->first = t; k->last = t; k->last_n = 0; k->type = ty; }
    k->claims++;
    k->docs += new_cls;
    s->total += new_any;
    if (t > k->last) { k->last = t; k->last_n = 1; k->type = ty; }
    else k->last_n++;  /* claims come in time order: t == last here */
    g->t[g->nclaims++] = t;
    cur->n++;
  }
  if (rc != SQLITE_DONE) goto dberr;
  sqlite3_finalize(q);
  free(seen.k);
  return g;
dberr:
  snprintf(why, whycap, "store error: %s", sqlite3_errmsg(db));
  sqlite3_finalize(q);
  free(seen.k);
  srv_graph_release(g);
  return NULL;
oom:
  snprintf(why, whycap, "out of memory");
  sqlite3_finalize(q);
  free(seen.k);
  srv_graph_release(g);
  return NULL;
}

long long srv_graph_version(const srv_graph *g) { return g->version; }

long long srv_graph_pair_claims(const srv_graph *g, const char *x, const char *y) {
  if (strcmp(x, y) > 0) { const char *t = x; x = y; y = t; }
  int32_t a = actor_find(g, x), b = actor_find(g, y);
  if (a < 0 || b < 0) return 0;
  size_t lo = 0, hi = g->ncounts;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const gcount *c = &g->counts[mid];
    if (c->a < a || (c->a == a && c->b < b)) lo = mid + 1;
    else hi = mid;
  }
  return lo < g->ncounts && g->counts[lo].a == a && g->counts[lo].b == b ? g->counts[lo].n : 0;
}

void srv_graph_retain(srv_graph *g) { g->refs++; }

static void json_opt(alq_buf *b, const char *s) {
  if (s) alq_buf_json_str(b, s, strlen(s));
  else alq_buf_append(b, "null", 4);
}

char *srv_graph_json(const srv_graph *g, const char *at, long long limit, long long offset) {
  char lo[11], hi[11];
  if (alq_time_bounds(at, lo, hi)) return NULL;
  int32_t d = day_num(hi);
  alq_buf b = {0};
  unsigned char *used = calloc(g->nactors ? g->nactors : 1, 1);
  int32_t *deg = calloc(g->nactors ? g->nactors : 1, sizeof *deg);
  if (!used || !deg) { free(used); free(deg); return NULL; }
  alq_buf_append(&b, "{\"at\":", 6);
  alq_buf_json_str(&b, at, strlen(at));
  alq_buf_append(&b, ",\"edges\":[", 10);
  long long total = 0, shown = 0;
  for (size_t p = 0; p < g->npairs; p++) {
    const gpair *pr = &g->pairs[p];
    /* claims of the pair dated at or before d: binary search */
    size_t l = 0, h = pr->n;
    while (l < h) {
      size_t m = (l + h) / 2;
      if (g->t[pr->start + m] <= d) l = m + 1; else h = m;
    }
    if (!l) continue;
    long long i = total++;
    if (i < offset || i >= offset + limit) continue;
    const gsnap *s = &g->snap[pr->start + l - 1];
    int w = -1;
    for (int c = 0; c < 3; c++) {
      const gcls *k = &s->c[c];
      if (!k->claims) continue;
      if (w < 0) { w = c; continue; }
      const gcls *x = &s->c[w];
      if (k->last > x->last || (k->last == x->last && (k->last_n > x->last_n || (k->last_n == x->last_n &&
          (k->docs > x->docs || (k->docs == x->docs && CLASS_RANK[c] > CLASS_RANK[w]))))))
        w = c;
    }
    const gcls *k = &s->c[w];
    char first[11], last[11];
    day_str(k->first, first);
    day_str(k->last, last);
    if (shown++) alq_buf_append(&b, ",", 1);
    const char *an = g->actors[pr->a].id, *bn = g->actors[pr->b].id;
    alq_buf_printf(&b, "{\"id\":%lld,\"a\":", i);
    alq_buf_json_str(&b, an, strlen(an));
    alq_buf_append(&b, ",\"b\":", 5);
    alq_buf_json_str(&b, bn, strlen(bn));
    alq_buf_printf(&b, ",\"class\":\"%s\",\"type\":", CLASSES[w]);
    json_opt(&b, k->type >= 0 ? g->types[k->type] : NULL);
    alq_buf_printf(&b, ",\"weight\":%d,\"claims\":%d,\"first\":\"%s\",\"last\":\"%s\",\"docs_total\":%d}",
                   (int)k->docs, (int)k->claims, first, last, (int)s->total);
    deg[pr->a]++; deg[pr->b]++;
    used[pr->a] = used[pr->b] = 1;
  }
  alq_buf_append(&b, "],\"nodes\":[", 11);
  int first_node = 1;
  for (size_t i = 0; i < g->nactors; i++) {
    if (!used[i]) continue;
    const gactor *a = &g->actors[i];
    if (!first_node) alq_buf_append(&b, ",", 1);
    first_node = 0;
    alq_buf_append(&b, "{\"id\":", 6);
    alq_buf_json_str(&b, a->id, strlen(a->id));
    alq_buf_printf(&b, ",\"degree\":%d,\"type\":", (int)deg[i]);
    json_opt(&b, a->type);
    alq_buf_append(&b, ",\"english\":", 11);
    json_opt(&b, a->english);
    alq_buf_append(&b, ",\"arabic\":", 10);
    json_opt(&b, a->arabic);
    alq_buf_append(&b, "}", 1);
  }
  alq_buf_printf(&b, "],\"total\":%lld,\"offset\":%lld,\"limit\":%lld}", total, offset, limit);
  free(used); free(deg);
  if (!b.p) return NULL;
  char *out = malloc(b.len + 1);
  if (out) { memcpy(out, b.p, b.len); out[b.len] = 0; }
  alq_buf_free(&b);
  return out;
}

json_t *srv_graph_stats(const srv_graph *g) {
  return json_pack("{s:s,s:I,s:I,s:I,s:o,s:o}", "version", alq_version(),
                   "documents", (json_int_t)g->documents, "claims", (json_int_t)g->claims_all,
                   "actors", (json_int_t)g->actors_all,
                   "first", g->first[0] ? json_string(g->first) : json_null(),
                   "last", g->last[0] ? json_string(g->last) : json_null());
}

const char *srv_graph_last(const srv_graph *g) { return g->last[0] ? g->last : NULL; }
