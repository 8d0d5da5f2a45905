/* Scoring of claims and mentions against gold (see eval.h): loads JSON Lines
 * with jansson, builds candidate pairs per document, finds maximum matchings
 * (Hungarian / Hopcroft-Karp) and computes P/R/F1 and attribute accuracies. */
#include "eval/eval.h"
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "text/text.h"
#include "util/util.h"

#define NONE ((size_t)-1)

/* ---- vocabularies ------------------------------------------------------- */

const char *const alq_eval_claim_types[ALQ_EVAL_NCLAIM_TYPES] = {
  "alliance", "merger", "cooperation", "reconciliation", "support",
  "conflict", "rivalry", "split", "affiliation"};
static const int claim_coarse[ALQ_EVAL_NCLAIM_TYPES] = {
  ALQ_EVAL_COOPERATIVE, ALQ_EVAL_COOPERATIVE, ALQ_EVAL_COOPERATIVE, ALQ_EVAL_COOPERATIVE,
  ALQ_EVAL_COOPERATIVE, ALQ_EVAL_HOSTILE, ALQ_EVAL_HOSTILE, ALQ_EVAL_HOSTILE,
  ALQ_EVAL_STRUCTURAL};
const char *const alq_eval_mention_types[ALQ_EVAL_NMENTION_TYPES] = {
  "ORG", "FORCE", "STATE", "COALITION", "PERSON", "PLACE", "DATE", "OUTLET"};

static int lookup(const char *const *table, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (!strcmp(table[i], name)) return i;
  return -1;
}
int alq_eval_claim_type(const char *name) { return lookup(alq_eval_claim_types, ALQ_EVAL_NCLAIM_TYPES, name); }
int alq_eval_mention_type(const char *name) { return lookup(alq_eval_mention_types, ALQ_EVAL_NMENTION_TYPES, name); }
int alq_eval_coarse(int type) { return (type >= 0 && type < ALQ_EVAL_NCLAIM_TYPES) ? claim_coarse[type] : -1; }
int alq_eval_directed(int type) { return type == 4 /* support */ || type == 8 /* affiliation */; }

/* ---- loading ------------------------------------------------------------ */

static int add_issue(alq_eval_set *s, long line, long long offset, const char *fmt, ...)
  ALQ_PRINTF(4, 5);
static int add_issue(alq_eval_set *s, long line, long long offset, const char *fmt, ...) {
  if (s->nissues == s->issues_cap) {
    size_t cap = s->issues_cap ? s->issues_cap * 2 : 16;
    alq_eval_issue *p = realloc(s->issues, cap * sizeof *p);
    if (!p) return ALQ_ENOMEM;
    s->issues = p; s->issues_cap = cap;
  }
  alq_eval_issue *is = &s->issues[s->nissues++];
  is->line = line;
  is->offset = offset;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(is->msg, sizeof is->msg, fmt, ap);
  va_end(ap);
  return 0;
}

/* Field readers: return NULL on success, else a static description. Every
 * field the scorer reads must be present; `nullable` ones may be null. */
static const char *get_str(alq_eval_set *s, json_t *o, const char *key, int nullable,
                           const char **out) {
  json_t *v = json_object_get(o, key);
  *out = NULL;
  if (!v) return "missing";
  if (json_is_null(v)) return nullable ? NULL : "must be a string, not null";
  if (!json_is_string(v)) return nullable ? "must be a string or null" : "must be a string";
  *out = alq_arena_strndup(&s->arena, json_string_value(v), json_string_length(v));
  return *out ? NULL : "out of memory";
}

static const char *get_span(json_t *o, long long *start, long long *end) {
  json_t *v = json_object_get(o, "span");
  if (!v) return "missing";
  if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_integer(json_array_get(v, 0)) ||
      !json_is_integer(json_array_get(v, 1)))
    return "must be [start, end] (two integers)";
  *start = (long long)json_integer_value(json_array_get(v, 0));
  *end = (long long)json_integer_value(json_array_get(v, 1));
  if (*start < 0 || *end <= *start) return "must satisfy 0 <= start < end";
  if (*end > (long long)UINT32_MAX) return "is beyond 4294967295 bytes";
  return NULL;
}

static alq_eval_kind shape_of(json_t *o) {
  if (json_object_get(o, "a")) return ALQ_EVAL_CLAIMS;
  if (json_object_get(o, "id") && json_object_get(o, "type")) return ALQ_EVAL_MENTIONS;
  return ALQ_EVAL_NONE;
}

static const char *kind_name(alq_eval_kind k) {
  return k == ALQ_EVAL_CLAIMS ? "claim" : k == ALQ_EVAL_MENTIONS ? "mention" : "record";
}

#define BAD(field, why) do { bad_field = (field); bad_why = (why); goto bad; } while (0)

/* Validates one parsed line and appends its record; issues go to s. */
static int load_object(alq_eval_set *s, json_t *o, long line, long long off) {
  if (!json_is_object(o)) return add_issue(s, line, off, "not a JSON object");
  alq_eval_kind shape = shape_of(o);
  if (s->kind == ALQ_EVAL_NONE) s->kind = shape;
  if (s->kind == ALQ_EVAL_NONE)
    return add_issue(s, line, off, "neither a claim (no \"a\") nor a mention (no \"id\" and \"type\")");
  if (shape != ALQ_EVAL_NONE && shape != s->kind)
    return add_issue(s, line, off, "a %s line among %ss", kind_name(shape), kind_name(s->kind));

  alq_eval_rec r;
  memset(&r, 0, sizeof r);
  r.line = line;
  const char *bad_field = NULL, *bad_why = NULL, *why, *t = NULL;
  if ((why = get_str(s, o, "doc", 0, &r.doc))) BAD("doc", why);
  if ((why = get_span(o, &r.start, &r.end))) BAD("span", why);
  if (s->kind == ALQ_EVAL_CLAIMS) {
    if ((why = get_str(s, o, "a", 0, &r.a))) BAD("a", why);
    if ((why = get_str(s, o, "b", 0, &r.b))) BAD("b", why);
    if ((why = get_str(s, o, "type", 0, &t))) BAD("type", why);
    if ((r.type = alq_eval_claim_type(t)) < 0) BAD("type", "is not a relation type of CLAIMS.md");
    if ((why = get_str(s, o, "polarity", 0, &t))) BAD("polarity", why);
    if (!strcmp(t, "affirmed")) r.negated = 0;
    else if (!strcmp(t, "negated")) r.negated = 1;
    else BAD("polarity", "must be \"affirmed\" or \"negated\"");
    if ((why = get_str(s, o, "modality", 0, &t))) BAD("modality", why);
    if (!strcmp(t, "asserted")) r.possible = 0;
    else if (!strcmp(t, "possible")) r.possible = 1;
    else BAD("modality", "must be \"asserted\" or \"possible\"");
    if ((why = get_str(s, o, "source", 1, &r.source))) BAD("source", why);
    if ((why = get_str(s, o, "source_kind", 1, &r.source_kind))) BAD("source_kind", why);
    if ((why = get_str(s, o, "when", 1, &r.when))) BAD("when", why);
  } else {
    if ((why = get_str(s, o, "type", 0, &t))) BAD("type", why);
    if ((r.type = alq_eval_mention_type(t)) < 0) BAD("type", "is not a mention type of CLAIMS.md");
    if ((why = get_str(s, o, "id", 1, &r.id))) BAD("id", why);
  }
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    alq_eval_rec *p = realloc(s->recs, cap * sizeof *p);
    if (!p) return ALQ_ENOMEM;
    s->recs = p; s->cap = cap;
  }
  s->recs[s->n++] = r;
  return 0;
bad:
  if (!strcmp(bad_why, "out of memory")) return ALQ_ENOMEM;
  return add_issue(s, line, off, "\"%s\" %s", bad_field, bad_why);
}

int alq_eval_load_buf(alq_eval_set *s, const char *buf, size_t len, alq_eval_kind expect) {
  if (!s->arena_ready) { alq_arena_init(&s->arena, 65536, 0); s->arena_ready = 1; }
  if (s->kind == ALQ_EVAL_NONE) s->kind = expect;
  size_t pos = 0;
  long line = 0;
  while (pos < len) {
    size_t start = pos;
    const char *nl = memchr(buf + pos, '\n', len - pos);
    size_t stop = nl ? (size_t)(nl - buf) : len;
    pos = nl ? stop + 1 : len;
    line++;
    if (line == 1 && stop - start >= 3 && !memcmp(buf + start, "\xEF\xBB\xBF", 3)) start += 3;
    size_t end = stop;
    if (end > start && buf[end - 1] == '\r') end--;
    size_t k = start;
    while (k < end && (buf[k] == ' ' || buf[k] == '\t')) k++;
    if (k == end) continue;  /* blank line */
    json_error_t jerr;
    json_t *o = json_loadb(buf + start, end - start, JSON_REJECT_DUPLICATES, &jerr);
    int rc;
    if (!o) {
      long long at = (long long)start + (jerr.position > 0 ? jerr.position : 0);
      if (at > (long long)end) at = (long long)end;
      rc = add_issue(s, line, at, "invalid JSON: %s", jerr.text);
    } else {
      rc = load_object(s, o, line, (long long)start);
      json_decref(o);
    }
    if (rc) return rc;
  }
  s->nlines += line;
  return 0;
}

int alq_eval_load_file(alq_eval_set *s, const char *path, alq_eval_kind expect, alq_error *err) {
  char *buf;
  size_t len;
  int rc = alq_read_file(path, &buf, &len, 0, err);
  if (rc) return rc;
  rc = alq_eval_load_buf(s, buf, len, expect);
  free(buf);
  if (rc) return alq_error_set(err, rc, path, -1, "out of memory");
  return 0;
}

void alq_eval_set_free(alq_eval_set *s) {
  if (!s) return;
  free(s->recs);
  free(s->issues);
  if (s->arena_ready) alq_arena_free(&s->arena);
  memset(s, 0, sizeof *s);
}

/* ---- building blocks ---------------------------------------------------- */

static long long overlap(long long s1, long long e1, long long s2, long long e2) {
  long long lo = s1 > s2 ? s1 : s2, hi = e1 < e2 ? e1 : e2;
  return hi > lo ? hi - lo : 0;
}

int alq_eval_spans_match(long long s1, long long e1, long long s2, long long e2) {
  long long ov = overlap(s1, e1, s2, e2);
  long long l1 = e1 - s1, l2 = e2 - s2, longer = l1 > l2 ? l1 : l2;
  return ov > 0 && 4 * ov >= longer;
}

static int days_in_month(int y, int m) {
  static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return d[m - 1];
}

static int digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* A date YYYY, YYYY-MM or YYYY-MM-DD as the day range [lo, hi] (yyyymmdd). */
static int parse_date(const char *s, size_t n, long *lo, long *hi) {
  if (n != 4 && n != 7 && n != 10) return -1;
  if (!digits(s, 4)) return -1;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m1 = 1, m2 = 12, d1 = 1, d2 = 31;
  if (n >= 7) {
    if (s[4] != '-' || !digits(s + 5, 2)) return -1;
    m1 = m2 = (s[5] - '0') * 10 + (s[6] - '0');
    if (m1 < 1 || m1 > 12) return -1;
    d2 = days_in_month(y, m1);
  }
  if (n == 10) {
    if (s[7] != '-' || !digits(s + 8, 2)) return -1;
    d1 = d2 = (s[8] - '0') * 10 + (s[9] - '0');
    if (d1 < 1 || d1 > days_in_month(y, m1)) return -1;
  }
  *lo = (long)y * 10000 + m1 * 100 + d1;
  *hi = (long)y * 10000 + m2 * 100 + d2;
  return 0;
}

/* A date or an interval X/Y as a day range. */
static int parse_when(const char *s, long *lo, long *hi) {
  size_t n = strlen(s);
  const char *slash = memchr(s, '/', n);
  if (!slash) return parse_date(s, n, lo, hi);
  long l1, h1, l2, h2;
  if (parse_date(s, (size_t)(slash - s), &l1, &h1) ||
      parse_date(slash + 1, n - (size_t)(slash - s) - 1, &l2, &h2))
    return -1;
  if (l1 > h2) return -1;
  *lo = l1; *hi = h2;
  return 0;
}

int alq_eval_when_compatible(const char *x, const char *y) {
  if (!x || !y) return !x && !y;
  if (!strcmp(x, y)) return 1;
  long lx, hx, ly, hy;
  if (parse_when(x, &lx, &hx) || parse_when(y, &ly, &hy)) return 0;
  return (lx <= ly && hy <= hx) || (ly <= lx && hx <= hy);
}

static int str_eq_null(const char *x, const char *y) {
  if (!x || !y) return !x && !y;
  return !strcmp(x, y);
}

/* The comparison key of a source: normalized, without marks, quotes and
 * punctuation, spaces collapsed and trimmed. */
static int source_key(alq_arena *a, const char *s, char **out, size_t *out_len) {
  char *norm;
  size_t nlen;
  int rc = alq_normalize(a, (const uint8_t *)s, strlen(s), &norm, &nlen, NULL, NULL);
  if (rc) return rc;
  char *key = alq_arena_alloc(a, nlen + 1);
  if (!key) return ALQ_ENOMEM;
  size_t pos = 0, k = 0;
  int space = 0;
  while (pos < nlen) {
    int32_t cp;
    alq_utf8_next((const uint8_t *)norm, nlen, &pos, &cp);
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
        cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f') {
      space = 1;
      continue;
    }
    if ((c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ||
        (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
        c == UTF8PROC_CATEGORY_SK || c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF)
      continue;
    uint8_t enc[4];
    int n = alq_utf8_encode(cp, enc);
    if (k + (space && k ? 1 : 0) + (size_t)n > nlen) break;  /* cannot happen */
    if (space && k) key[k++] = ' ';
    space = 0;
    memcpy(key + k, enc, (size_t)n);
    k += (size_t)n;
  }
  key[k] = 0;
  *out = key;
  *out_len = k;
  return 0;
}

int alq_eval_source_equal(alq_arena *scratch, const char *x, const char *y) {
  if (!x || !y) return !x && !y;
  alq_arena_reset(scratch);
  char *kx, *ky;
  size_t nx, ny;
  int rc = source_key(scratch, x, &kx, &nx);
  if (!rc) rc = source_key(scratch, y, &ky, &ny);
  if (rc) { alq_arena_reset(scratch); return ALQ_ENOMEM; }
  int eq = nx == ny && !memcmp(kx, ky, nx);
  alq_arena_reset(scratch);
  return eq;
}

/* ---- matching ----------------------------------------------------------- */

static size_t uf_find(size_t *parent, size_t x) {
  while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
  return x;
}

/* Hungarian algorithm (shortest augmenting paths with potentials) on an
 * n x m cost matrix, n <= m, 1-based inside; assigns every row a column.
 * colrow[j] (j = 1..m) receives the row of column j or 0. */
static int hungarian(size_t n, size_t m, const long long *cost, size_t *colrow) {
  const long long INF = LLONG_MAX / 4;
  long long *u = calloc(n + 1, sizeof *u), *v = calloc(m + 1, sizeof *v);
  long long *minv = malloc((m + 1) * sizeof *minv);
  size_t *way = calloc(m + 1, sizeof *way);
  char *used = malloc(m + 1);
  int rc = (u && v && minv && way && used) ? 0 : -1;
  for (size_t j = 0; j <= m && !rc; j++) colrow[j] = 0;
  for (size_t i = 1; i <= n && !rc; i++) {
    colrow[0] = i;
    size_t j0 = 0;
    for (size_t j = 0; j <= m; j++) { minv[j] = INF; used[j] = 0; }
    do {
      used[j0] = 1;
      size_t i0 = colrow[j0], j1 = 0;
      long long delta = INF;
      for (size_t j = 1; j <= m; j++) {
        if (used[j]) continue;
        long long cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (size_t j = 0; j <= m; j++) {
        if (used[j]) { u[colrow[j]] += delta; v[j] -= delta; }
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (colrow[j0] != 0);
    do {
      size_t j1 = way[j0];
      colrow[j0] = colrow[j1];
      j0 = j1;
    } while (j0);
  }
  free(u); free(v); free(minv); free(way); free(used);
  return rc;
}

/* Hopcroft-Karp over a CSR adjacency (left 0..nl-1, right 0..nr-1), with
 * an explicit stack instead of recursion. */
static int hopcroft_karp(size_t nl, size_t nr, const size_t *off, const size_t *adj,
                         size_t *matchl) {
  size_t *matchr = malloc((nr ? nr : 1) * sizeof *matchr);
  size_t *dist = malloc((nl ? nl : 1) * sizeof *dist);
  size_t *queue = malloc((nl ? nl : 1) * sizeof *queue);
  size_t *it = malloc((nl ? nl : 1) * sizeof *it);
  size_t *stack = malloc((nl ? nl : 1) * sizeof *stack);
  if (!matchr || !dist || !queue || !it || !stack) {
    free(matchr); free(dist); free(queue); free(it); free(stack);
    return -1;
  }
  for (size_t i = 0; i < nl; i++) matchl[i] = NONE;
  for (size_t j = 0; j < nr; j++) matchr[j] = NONE;
  for (;;) {
    /* BFS layers from the free left vertices */
    size_t qh = 0, qt = 0;
    int found = 0;
    for (size_t i = 0; i < nl; i++) {
      if (matchl[i] == NONE) { dist[i] = 0; queue[qt++] = i; }
      else dist[i] = NONE;
    }
    while (qh < qt) {
      size_t x = queue[qh++];
      for (size_t e = off[x]; e < off[x + 1]; e++) {
        size_t w = matchr[adj[e]];
        if (w == NONE) found = 1;
        else if (dist[w] == NONE) { dist[w] = dist[x] + 1; queue[qt++] = w; }
      }
    }
    if (!found) break;
    /* DFS along the layers */
    for (size_t i = 0; i < nl; i++) it[i] = off[i];
    for (size_t r = 0; r < nl; r++) {
      if (matchl[r] != NONE || dist[r] != 0) continue;
      size_t top = 0;
      stack[top++] = r;
      while (top) {
        size_t x = stack[top - 1];
        if (it[x] == off[x + 1]) {
          dist[x] = NONE;
          if (--top) it[stack[top - 1]]++;
          continue;
        }
        size_t y = adj[it[x]], w = matchr[y];
        if (w == NONE) {
          for (size_t k = 0; k < top; k++) {
            size_t xk = stack[k], yk = adj[it[xk]];
            matchl[xk] = yk; matchr[yk] = xk;
          }
          top = 0;
        } else if (dist[w] != NONE && dist[w] == dist[x] + 1 && top < nl) {
          stack[top++] = w;
        } else {
          it[x]++;
        }
      }
    }
  }
  free(matchr); free(dist); free(queue); free(it); free(stack);
  return 0;
}

/* One connected component: gold nodes gl[0..ng), pred nodes pl[0..np),
 * edges es[0..ne) with g/p already local indices. */
static int match_component(size_t ng, size_t np, const alq_eval_edge *es, size_t ne,
                           int weighted, size_t *local_match) {
  size_t rows = ng < np ? ng : np, cols = ng < np ? np : ng;
  int use_h = weighted && (double)rows * rows * cols <= 3e8 && (double)rows * cols <= 4e6;
  if (use_h) {
    long maxw = 0;
    for (size_t e = 0; e < ne; e++) if (es[e].w > maxw) maxw = es[e].w;
    long long big = ((long long)maxw + 1) * ((long long)rows + 1);
    long long *cost = calloc(rows * cols, sizeof *cost);
    size_t *colrow = malloc((cols + 1) * sizeof *colrow);
    if (!cost || !colrow) { free(cost); free(colrow); return -1; }
    int gold_rows = ng <= np;
    for (size_t e = 0; e < ne; e++) {
      size_t r = gold_rows ? es[e].g : es[e].p, c = gold_rows ? es[e].p : es[e].g;
      long long v = -(big + es[e].w);
      if (v < cost[r * cols + c]) cost[r * cols + c] = v;
    }
    if (hungarian(rows, cols, cost, colrow)) { free(cost); free(colrow); return -1; }
    for (size_t g = 0; g < ng; g++) local_match[g] = NONE;
    for (size_t j = 1; j <= cols; j++) {
      size_t i = colrow[j];
      if (!i) continue;
      size_t r = i - 1, c = j - 1;
      if (cost[r * cols + c] == 0) continue;  /* not an edge */
      if (gold_rows) local_match[r] = c; else local_match[c] = r;
    }
    free(cost); free(colrow);
    return 0;
  }
  size_t *off = calloc(ng + 1, sizeof *off), *adj = malloc((ne ? ne : 1) * sizeof *adj);
  if (!off || !adj) { free(off); free(adj); return -1; }
  for (size_t e = 0; e < ne; e++) off[es[e].g + 1]++;
  for (size_t g = 0; g < ng; g++) off[g + 1] += off[g];
  /* stable fill: edges keep their order within a gold node */
  size_t *fill = malloc((ng ? ng : 1) * sizeof *fill);
  if (!fill) { free(off); free(adj); return -1; }
  memcpy(fill, off, ng * sizeof *fill);
  for (size_t e = 0; e < ne; e++) adj[fill[es[e].g]++] = es[e].p;
  free(fill);
  int rc = hopcroft_karp(ng, np, off, adj, local_match);
  free(off); free(adj);
  return rc;
}

size_t alq_eval_match(size_t ng, size_t np, const alq_eval_edge *edges, size_t nedges,
                      int weighted, size_t *match_g) {
  for (size_t g = 0; g < ng; g++) match_g[g] = NONE;
  if (!nedges) return 0;
  size_t nn = ng + np, total = 0, failed = 0;
  size_t *parent = malloc(nn * sizeof *parent);
  size_t *local = malloc(nn * sizeof *local);     /* node -> local index */
  size_t *cstart = calloc(nn + 1, sizeof *cstart); /* edges bucketed by root */
  size_t *order = malloc(nedges * sizeof *order);
  size_t *gl = malloc(nn * sizeof *gl), *pl = malloc(nn * sizeof *pl);
  size_t *lm = malloc(nn * sizeof *lm);
  alq_eval_edge *les = malloc(nedges * sizeof *les);
  if (!parent || !local || !cstart || !order || !gl || !pl || !lm || !les) { failed = 1; goto out; }
  for (size_t i = 0; i < nn; i++) { parent[i] = i; local[i] = NONE; }
  for (size_t e = 0; e < nedges; e++) {
    size_t a = uf_find(parent, edges[e].g), b = uf_find(parent, ng + edges[e].p);
    if (a != b) parent[a < b ? b : a] = a < b ? a : b;
  }
  for (size_t e = 0; e < nedges; e++) cstart[uf_find(parent, edges[e].g) + 1]++;
  for (size_t i = 0; i < nn; i++) cstart[i + 1] += cstart[i];
  {
    size_t *fill = malloc(nn * sizeof *fill);
    if (!fill) { failed = 1; goto out; }
    memcpy(fill, cstart, nn * sizeof *fill);
    for (size_t e = 0; e < nedges; e++) order[fill[uf_find(parent, edges[e].g)]++] = e;
    free(fill);
  }
  for (size_t root = 0; root < nn; root++) {
    size_t e0 = cstart[root], e1 = cstart[root + 1];
    if (e0 == e1) continue;
    size_t lg = 0, lp = 0;
    for (size_t k = e0; k < e1; k++) {
      const alq_eval_edge *ed = &edges[order[k]];
      if (local[ed->g] == NONE) { local[ed->g] = lg; gl[lg++] = ed->g; }
      if (local[ng + ed->p] == NONE) { local[ng + ed->p] = lp; pl[lp++] = ed->p; }
      les[k - e0].g = local[ed->g];
      les[k - e0].p = local[ng + ed->p];
      les[k - e0].w = ed->w;
    }
    if (match_component(lg, lp, les, e1 - e0, weighted, lm)) { failed = 1; goto out; }
    for (size_t g = 0; g < lg; g++)
      if (lm[g] != NONE) { match_g[gl[g]] = pl[lm[g]]; total++; }
    for (size_t g = 0; g < lg; g++) local[gl[g]] = NONE;
    for (size_t p = 0; p < lp; p++) local[ng + pl[p]] = NONE;
  }
out:
  free(parent); free(local); free(cstart); free(order); free(gl); free(pl); free(lm); free(les);
  return failed ? NONE : total;
}

/* ---- scoring ------------------------------------------------------------ */

typedef struct edge_vec { alq_eval_edge *p; size_t n, cap; } edge_vec;

static int edge_push(edge_vec *v, size_t g, size_t p, long w) {
  if (v->n == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 64;
    alq_eval_edge *q = realloc(v->p, cap * sizeof *q);
    if (!q) return -1;
    v->p = q; v->cap = cap;
  }
  v->p[v->n].g = g; v->p[v->n].p = p; v->p[v->n].w = w;
  v->n++;
  return 0;
}

typedef struct doc_idx { const char *doc; size_t i; } doc_idx;

static int doc_idx_cmp(const void *x, const void *y) {
  const doc_idx *a = x, *b = y;
  int c = strcmp(a->doc, b->doc);
  if (c) return c;
  return a->i < b->i ? -1 : a->i > b->i;
}

static doc_idx *sorted_by_doc(const alq_eval_set *s) {
  doc_idx *d = malloc((s->n ? s->n : 1) * sizeof *d);
  if (!d) return NULL;
  for (size_t i = 0; i < s->n; i++) { d[i].doc = s->recs[i].doc; d[i].i = i; }
  qsort(d, s->n, sizeof *d, doc_idx_cmp);
  return d;
}

static int actors_match(const alq_eval_rec *g, const alq_eval_rec *p) {
  if (alq_eval_directed(g->type) && alq_eval_directed(p->type))
    return !strcmp(g->a, p->a) && !strcmp(g->b, p->b);
  return (!strcmp(g->a, p->a) && !strcmp(g->b, p->b)) ||
         (!strcmp(g->a, p->b) && !strcmp(g->b, p->a));
}

/* Tie-break among maximum matchings: same type, then same polarity, then
 * same modality, then the larger share of the longer span (0..999). */
static long pair_weight(const alq_eval_rec *g, const alq_eval_rec *p, int claims) {
  long long lg = g->end - g->start, lp = p->end - p->start, longer = lg > lp ? lg : lp;
  long w = (long)(999 * overlap(g->start, g->end, p->start, p->end) / longer);
  if (claims) {
    if (g->type == p->type) w += 4000;
    if (g->negated == p->negated) w += 2000;
    if (g->possible == p->possible) w += 1000;
  }
  return w;
}

static void prf_fill(alq_eval_prf *r, size_t gold, size_t pred, size_t tp) {
  r->gold = gold; r->pred = pred; r->tp = tp;
  r->fp = pred - tp; r->fn = gold - tp;
  r->p = pred ? (double)tp / (double)pred : 0.0;
  r->r = gold ? (double)tp / (double)gold : 0.0;
  r->f1 = (r->p + r->r) > 0 ? 2 * r->p * r->r / (r->p + r->r) : 0.0;
}

int alq_eval_score(const alq_eval_set *gold, const alq_eval_set *pred, alq_eval_result *out) {
  memset(out, 0, sizeof *out);
  alq_eval_kind kind = gold->kind != ALQ_EVAL_NONE ? gold->kind : pred->kind;
  if (kind == ALQ_EVAL_NONE) kind = ALQ_EVAL_CLAIMS;
  if ((gold->kind != ALQ_EVAL_NONE && gold->kind != kind) ||
      (pred->kind != ALQ_EVAL_NONE && pred->kind != kind))
    return ALQ_EINVAL;
  int claims = kind == ALQ_EVAL_CLAIMS;
  out->kind = kind;
  out->gold = gold->n;
  out->pred = pred->n;

  int rc = ALQ_ENOMEM;
  edge_vec ev[3] = {{0}, {0}, {0}};   /* strict, lenient, coarse class only */
  size_t *m[3] = {NULL, NULL, NULL};
  size_t tp[3] = {0, 0, 0};
  alq_arena scratch;
  alq_arena_init(&scratch, 4096, 0);
  doc_idx *gd = sorted_by_doc(gold), *pd = sorted_by_doc(pred);
  if (!gd || !pd) goto out;

  /* candidate pairs, document by document */
  for (size_t gi = 0, pi = 0; gi < gold->n && pi < pred->n;) {
    int c = strcmp(gd[gi].doc, pd[pi].doc);
    if (c < 0) { gi++; continue; }
    if (c > 0) { pi++; continue; }
    size_t g1 = gi, p1 = pi;
    while (g1 < gold->n && !strcmp(gd[g1].doc, gd[gi].doc)) g1++;
    while (p1 < pred->n && !strcmp(pd[p1].doc, gd[gi].doc)) p1++;
    for (size_t x = gi; x < g1; x++) {
      const alq_eval_rec *g = &gold->recs[gd[x].i];
      for (size_t y = pi; y < p1; y++) {
        const alq_eval_rec *p = &pred->recs[pd[y].i];
        if (!alq_eval_spans_match(g->start, g->end, p->start, p->end)) continue;
        if (g->type != p->type && !claims) continue;
        if (claims && !actors_match(g, p)) continue;
        long w = pair_weight(g, p, claims);
        if (!claims) {
          if (edge_push(&ev[0], gd[x].i, pd[y].i, w)) goto out;
          continue;
        }
        if (alq_eval_coarse(g->type) != alq_eval_coarse(p->type)) continue;
        if (edge_push(&ev[2], gd[x].i, pd[y].i, w)) goto out;
        if (g->negated != p->negated) continue;
        if (edge_push(&ev[1], gd[x].i, pd[y].i, w)) goto out;
        if (g->type == p->type && g->possible == p->possible &&
            edge_push(&ev[0], gd[x].i, pd[y].i, w))
          goto out;
      }
    }
    gi = g1; pi = p1;
  }

  for (int k = 0; k < (claims ? 3 : 1); k++) {
    m[k] = malloc((gold->n ? gold->n : 1) * sizeof *m[k]);
    if (!m[k]) goto out;
    tp[k] = alq_eval_match(gold->n, pred->n, ev[k].p, ev[k].n, 1, m[k]);
    if (tp[k] == NONE) goto out;
  }

  /* overall and per type (strict matching) */
  prf_fill(&out->strict, gold->n, pred->n, tp[0]);
  if (claims) prf_fill(&out->lenient, gold->n, pred->n, tp[1]);
  size_t tg[ALQ_EVAL_NCLAIM_TYPES] = {0}, tpd[ALQ_EVAL_NCLAIM_TYPES] = {0},
         ttp[ALQ_EVAL_NCLAIM_TYPES] = {0};
  for (size_t i = 0; i < gold->n; i++) {
    tg[gold->recs[i].type]++;
    if (m[0][i] != NONE) ttp[gold->recs[i].type]++;
  }
  for (size_t i = 0; i < pred->n; i++) tpd[pred->recs[i].type]++;
  for (int t = 0; t < ALQ_EVAL_NCLAIM_TYPES; t++) prf_fill(&out->per_type[t], tg[t], tpd[t], ttp[t]);

  if (claims) {
    out->pairs = tp[1];
    for (size_t i = 0; i < gold->n; i++) {
      if (m[1][i] == NONE) continue;
      const alq_eval_rec *g = &gold->recs[i], *p = &pred->recs[m[1][i]];
      int se = alq_eval_source_equal(&scratch, g->source, p->source);
      if (se < 0) goto out;
      out->source.n++; out->source.ok += (size_t)se;
      out->source_kind.n++; out->source_kind.ok += (size_t)str_eq_null(g->source_kind, p->source_kind);
      out->when.n++; out->when.ok += (size_t)str_eq_null(g->when, p->when);
      out->when_compatible.n++; out->when_compatible.ok += (size_t)alq_eval_when_compatible(g->when, p->when);
    }
    for (size_t i = 0; i < gold->n; i++) {
      if (m[2][i] == NONE) continue;
      out->polarity.n++;
      out->polarity.ok += gold->recs[i].negated == pred->recs[m[2][i]].negated;
    }
  } else {
    for (size_t i = 0; i < gold->n; i++) {
      if (m[0][i] == NONE) continue;
      out->id.n++;
      out->id.ok += (size_t)str_eq_null(gold->recs[i].id, pred->recs[m[0][i]].id);
    }
  }
  rc = 0;
out:
  for (int k = 0; k < 3; k++) { free(ev[k].p); free(m[k]); }
  free(gd); free(pd);
  alq_arena_free(&scratch);
  return rc;
}

/* ---- output ------------------------------------------------------------- */

static json_t *acc_json(alq_eval_acc a) {
  return a.n ? json_real((double)a.ok / (double)a.n) : json_null();
}

static json_t *prf_json(const alq_eval_prf *r, int counts) {
  json_t *o = json_object();
  if (!o) return NULL;
  int bad = 0;
  if (counts) {
    bad |= json_object_set_new(o, "gold", json_integer((json_int_t)r->gold));
    bad |= json_object_set_new(o, "pred", json_integer((json_int_t)r->pred));
  }
  bad |= json_object_set_new(o, "tp", json_integer((json_int_t)r->tp));
  bad |= json_object_set_new(o, "fp", json_integer((json_int_t)r->fp));
  bad |= json_object_set_new(o, "fn", json_integer((json_int_t)r->fn));
  bad |= json_object_set_new(o, "p", json_real(r->p));
  bad |= json_object_set_new(o, "r", json_real(r->r));
  bad |= json_object_set_new(o, "f1", json_real(r->f1));
  if (bad) { json_decref(o); return NULL; }
  return o;
}

json_t *alq_eval_to_json(const alq_eval_result *r) {
  int claims = r->kind != ALQ_EVAL_MENTIONS;
  const char *const *names = claims ? alq_eval_claim_types : alq_eval_mention_types;
  int ntypes = claims ? ALQ_EVAL_NCLAIM_TYPES : ALQ_EVAL_NMENTION_TYPES;
  json_t *o = json_object(), *pt = json_object();
  int bad = !o || !pt;
  if (bad) { json_decref(o); json_decref(pt); return NULL; }
  bad |= json_object_set_new(o, "kind", json_string(claims ? "claims" : "mentions"));
  bad |= json_object_set_new(o, "gold", json_integer((json_int_t)r->gold));
  bad |= json_object_set_new(o, "pred", json_integer((json_int_t)r->pred));
  if (claims) {
    bad |= json_object_set_new(o, "strict", prf_json(&r->strict, 0));
    bad |= json_object_set_new(o, "lenient", prf_json(&r->lenient, 0));
  } else {
    bad |= json_object_set_new(o, "overall", prf_json(&r->strict, 0));
  }
  for (int t = 0; t < ntypes; t++)
    if (r->per_type[t].gold || r->per_type[t].pred)
      bad |= json_object_set_new(pt, names[t], prf_json(&r->per_type[t], 1));
  bad |= json_object_set_new(o, "per_type", pt);
  if (claims) {
    json_t *at = json_object();
    if (!at) { json_decref(o); return NULL; }
    bad |= json_object_set_new(at, "pairs", json_integer((json_int_t)r->pairs));
    bad |= json_object_set_new(at, "source", acc_json(r->source));
    bad |= json_object_set_new(at, "source_kind", acc_json(r->source_kind));
    bad |= json_object_set_new(at, "when", acc_json(r->when));
    bad |= json_object_set_new(at, "when_compatible", acc_json(r->when_compatible));
    bad |= json_object_set_new(at, "polarity", acc_json(r->polarity));
    bad |= json_object_set_new(at, "polarity_pairs", json_integer((json_int_t)r->polarity.n));
    bad |= json_object_set_new(o, "attributes", at);
  } else {
    bad |= json_object_set_new(o, "id_accuracy", acc_json(r->id));
  }
  if (bad) { json_decref(o); return NULL; }
  return o;
}

static void text_prf(FILE *f, const char *label, const alq_eval_prf *r, int counts) {
  if (counts)
    fprintf(f, "  %-15s %5zu %5zu", label, r->gold, r->pred);
  else
    fprintf(f, "  %-15s", label);
  fprintf(f, " %5zu %5zu %5zu  %6.3f %6.3f %6.3f\n", r->tp, r->fp, r->fn, r->p, r->r, r->f1);
}

static void text_acc(FILE *f, const char *label, alq_eval_acc a) {
  if (a.n)
    fprintf(f, "  %-16s %6.3f  (%zu/%zu)\n", label, (double)a.ok / (double)a.n, a.ok, a.n);
  else
    fprintf(f, "  %-16s %6s  (no pairs)\n", label, "-");
}

int alq_eval_write_text(FILE *f, const alq_eval_result *r) {
  int claims = r->kind != ALQ_EVAL_MENTIONS;
  const char *const *names = claims ? alq_eval_claim_types : alq_eval_mention_types;
  int ntypes = claims ? ALQ_EVAL_NCLAIM_TYPES : ALQ_EVAL_NMENTION_TYPES;
  fprintf(f, "%s: %zu gold, %zu predicted\n\n", claims ? "claims" : "mentions", r->gold, r->pred);
  fprintf(f, "  %-15s %5s %5s %5s  %6s %6s %6s\n", "", "tp", "fp", "fn", "P", "R", "F1");
  if (claims) {
    text_prf(f, "strict", &r->strict, 0);
    text_prf(f, "lenient", &r->lenient, 0);
  } else {
    text_prf(f, "overall", &r->strict, 0);
  }
  fprintf(f, "\nper type%s:\n", claims ? " (strict)" : "");
  fprintf(f, "  %-15s %5s %5s %5s %5s %5s  %6s %6s %6s\n", "type", "gold", "pred", "tp", "fp",
          "fn", "P", "R", "F1");
  for (int t = 0; t < ntypes; t++)
    if (r->per_type[t].gold || r->per_type[t].pred) text_prf(f, names[t], &r->per_type[t], 1);
  if (claims) {
    fprintf(f, "\nattributes over the %zu lenient pairs:\n", r->pairs);
    text_acc(f, "source", r->source);
    text_acc(f, "source_kind", r->source_kind);
    text_acc(f, "when", r->when);
    text_acc(f, "when compatible", r->when_compatible);
    fprintf(f, "polarity over the %zu pairs matched on doc, span, actors and class:\n",
            r->polarity.n);
    text_acc(f, "polarity", r->polarity);
  } else {
    fprintf(f, "\nover the %zu matched pairs:\n", r->id.n);
    text_acc(f, "id", r->id);
  }
  return ferror(f) ? -1 : 0;
}

/* ---- new: ids made by alaqat, aligned with a gold table's -------------- */

/* The new: id alaqat makes for a name: "new:" + normalized words joined by
 * '-' (as the extractor's slugs). NULL on allocation failure or no word. */
static char *system_new_id(alq_arena *a, const char *name, size_t n) {
  alq_text t;
  if (alq_text_analyze(a, (const uint8_t *)name, n, &t)) return NULL;
  alq_buf b = {0};
  int ok = !alq_buf_append(&b, "new:", 4);
  size_t words = 0;
  for (size_t i = 0; ok && i < t.ntoks; i++) {
    int k = t.toks[i].kind;
    if (k != ALQ_TOK_ARABIC && k != ALQ_TOK_LATIN && k != ALQ_TOK_NUMBER) continue;
    if (words++) ok = !alq_buf_append(&b, "-", 1);
    if (ok) ok = !alq_buf_append(&b, t.norm + t.toks[i].nstart, t.toks[i].nlen);
  }
  char *out = ok && words ? alq_arena_strndup(a, b.p, b.len) : NULL;
  free(b.p);
  return out;
}

long alq_eval_align_new_ids(alq_eval_set *pred, const char *tsv, size_t len) {
  if (!pred->arena_ready) { alq_arena_init(&pred->arena, 65536, 0); pred->arena_ready = 1; }
  alq_arena scratch;
  alq_arena_init(&scratch, 65536, 0);
  long replaced = 0;
  int oom = 0;
  for (size_t pos = 0; pos < len && !oom;) {
    const char *line = tsv + pos;
    const char *nl = memchr(line, '\n', len - pos);
    size_t ll = nl ? (size_t)(nl - line) : len - pos;
    pos += ll + 1;
    if (ll && line[ll - 1] == '\r') ll--;
    if (ll < 5 || line[0] == '#' || strncmp(line, "new:", 4)) continue;
    /* id, type, english, arabic names */
    const char *f[4];
    size_t fl[4], nf = 0;
    for (size_t i = 0, st = 0; i <= ll && nf < 4; i++)
      if (i == ll || line[i] == '\t') { f[nf] = line + st; fl[nf++] = i - st; st = i + 1; }
    if (nf < 4) continue;
    char *gid = alq_arena_strndup(&pred->arena, f[0], fl[0]);
    if (!gid) { oom = 1; break; }
    for (size_t i = 0, st = 0; i <= fl[3] && !oom; i++) {
      if (i < fl[3] && f[3][i] != '|') continue;
      const char *sid = i > st ? system_new_id(&scratch, f[3] + st, i - st) : NULL;
      st = i + 1;
      if (!sid) continue;
      for (size_t r = 0; r < pred->n; r++) {
        alq_eval_rec *e = &pred->recs[r];
        if (e->a && !strcmp(e->a, sid)) { e->a = gid; replaced++; }
        if (e->b && !strcmp(e->b, sid)) { e->b = gid; replaced++; }
        if (e->id && !strcmp(e->id, sid)) { e->id = gid; replaced++; }
      }
    }
  }
  alq_arena_free(&scratch);
  return oom ? ALQ_ENOMEM : replaced;
}
