/* The store's queries: fixed SQL with bound parameters (one text for SQLite,
 * one for PostgreSQL, same rows), streamed to a callback; only the network
 * at a date is aggregated here in C, because its "most recent class wins"
 * rule is clearer in code than in SQL. */
#include "analyze/analyze.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

int alq_timeline(alq_store *s, const char *a, const char *b, alq_row_fn fn, void *payload,
                 alq_error *err) {
  static const char sql[] =
    "SELECT c.time AS \"when\", c.doc_date AS doc_date, c.type AS type, c.class AS class,"
    " c.polarity AS polarity, c.modality AS modality, c.source AS source,"
    " c.source_kind AS source_kind, c.place AS \"where\", c.via AS via, c.a AS a, c.b AS b,"
    " d.id AS doc, c.span_start AS span_start, c.span_end AS span_end, c.evidence AS evidence"
    " FROM claims c JOIN documents d ON d.key = c.doc"
    " WHERE c.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)"
    " ORDER BY " ALQ_TIMELINE_ORDER;
  static const char pg[] =
    "SELECT c.time AS \"when\", c.doc_date AS doc_date, c.type AS type, c.class AS class,"
    " c.polarity AS polarity, c.modality AS modality, c.source AS source,"
    " c.source_kind AS source_kind, c.place AS \"where\", c.via AS via, c.a AS a, c.b AS b,"
    " d.id AS doc, c.span_start AS span_start, c.span_end AS span_end, c.evidence AS evidence"
    " FROM claims c JOIN documents d ON d.key = c.doc"
    " WHERE c.pair_lo = least($1::text COLLATE \"C\", $2::text COLLATE \"C\")"
    " AND c.pair_hi = greatest($1::text COLLATE \"C\", $2::text COLLATE \"C\")"
    " ORDER BY " ALQ_TIMELINE_ORDER_PG;
  const char *binds[] = {a, b};
  return alq_store_query(s, sql, pg, binds, 2, fn, payload, err, ALQ_EIO);
}

const char alq_timeline_page_sql[] =
  "SELECT c.time AS \"when\", c.doc_date AS doc_date, c.type AS type, c.class AS class,"
  " c.polarity AS polarity, c.modality AS modality, c.source AS source,"
  " c.source_kind AS source_kind, c.place AS \"where\", c.via AS via, c.a AS a, c.b AS b,"
  " d.id AS doc, c.span_start AS span_start, c.span_end AS span_end, c.evidence AS evidence"
  " FROM (SELECT c.key AS key FROM claims c"
  "       WHERE c.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)"
  "       ORDER BY " ALQ_TIMELINE_ORDER " LIMIT ?3 OFFSET ?4) pg"
  " JOIN claims c ON c.key = pg.key JOIN documents d ON d.key = c.doc"
  " ORDER BY " ALQ_TIMELINE_ORDER;

const char alq_timeline_page_sql_from_end[] =
  "SELECT c.time AS \"when\", c.doc_date AS doc_date, c.type AS type, c.class AS class,"
  " c.polarity AS polarity, c.modality AS modality, c.source AS source,"
  " c.source_kind AS source_kind, c.place AS \"where\", c.via AS via, c.a AS a, c.b AS b,"
  " d.id AS doc, c.span_start AS span_start, c.span_end AS span_end, c.evidence AS evidence"
  " FROM (SELECT c.key AS key FROM claims c"
  "       WHERE c.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)"
  "       ORDER BY " ALQ_TIMELINE_ORDER_DESC " LIMIT ?3 OFFSET ?4) pg"
  " JOIN claims c ON c.key = pg.key JOIN documents d ON d.key = c.doc"
  " ORDER BY " ALQ_TIMELINE_ORDER;

int alq_claims_sql(unsigned flags, const char *cols, char *sql, size_t cap, char *count_sql,
                   size_t count_cap) {
  /* fixed fragments only; every value is a bound parameter */
  char f[512] = "";
  static const struct { unsigned flag; const char *sql; } filters[] = {
    {ALQ_CF_TYPE, " AND c.type = ?3"}, {ALQ_CF_POLARITY, " AND c.polarity = ?4"},
    {ALQ_CF_MODALITY, " AND c.modality = ?5"}, {ALQ_CF_SOURCE, " AND c.source = ?6"},
    {ALQ_CF_KIND, " AND c.source_kind = ?7"}, {ALQ_CF_FROM, " AND c.t_hi >= ?8"},
    {ALQ_CF_TO, " AND c.t_lo <= ?9"},
    {ALQ_CF_DOC, " AND c.doc = (SELECT dd.key FROM documents dd WHERE dd.id = ?10)"}};
  for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
    if (flags & filters[i].flag) strcat(f, filters[i].sql);
  static const char keys[] = "SELECT c.key AS k, c.t_lo IS NULL AS n, c.t_lo AS t FROM claims c WHERE ";
  const char *x = (flags & ALQ_CF_A) ? "?1" : "?2";
  char inner[1600];
  int n, m;
  if ((flags & (ALQ_CF_A | ALQ_CF_B)) == (ALQ_CF_A | ALQ_CF_B)) {
    n = snprintf(inner, sizeof inner, "%sc.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)%s", keys, f);
    m = snprintf(count_sql, count_cap, "SELECT count(*) FROM claims c"
                 " WHERE c.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)%s", f);
  } else if (flags & (ALQ_CF_A | ALQ_CF_B)) {
    /* either side of the pair: two index walks merged in order (a claim of
       an actor with itself is found by the first only) */
    n = snprintf(inner, sizeof inner, "%sc.pair_lo = %s%s UNION ALL %sc.pair_hi = %s AND c.pair_lo <> %s%s",
                 keys, x, f, keys, x, x, f);
    m = snprintf(count_sql, count_cap, "SELECT (SELECT count(*) FROM claims c WHERE c.pair_lo = %s%s)"
                 " + (SELECT count(*) FROM claims c WHERE c.pair_hi = %s AND c.pair_lo <> %s%s)",
                 x, f, x, x, f);
  } else {
    n = snprintf(inner, sizeof inner, "%s1%s", keys, f);
    m = snprintf(count_sql, count_cap, "SELECT count(*) FROM claims c WHERE 1%s", f);
  }
  if (n < 0 || (size_t)n >= sizeof inner || m < 0 || (size_t)m >= count_cap) return -1;
  n = snprintf(sql, cap, "SELECT %s FROM (%s ORDER BY 2, 3, 1 LIMIT ?11 OFFSET ?12) pg"
               " JOIN claims c ON c.key = pg.k JOIN documents d ON d.key = c.doc"
               " ORDER BY c.t_lo IS NULL, c.t_lo, c.key", cols, inner);
  return n < 0 || (size_t)n >= cap ? -1 : 0;
}

/* Both backends share the query; only the ORDER BY differs (PostgreSQL does
 * not accept output-column aliases inside expressions). */
#define CONTRADICTIONS_SQL \
    "SELECT c1.pair_lo AS a, c1.pair_hi AS b," \
    " CASE WHEN c1.type = c2.type AND c1.polarity <> c2.polarity THEN 'polarity' ELSE 'class' END" \
    "   AS reason," \
    " c1.type AS type1, c1.polarity AS polarity1, c1.source AS source1, d1.id AS doc1," \
    " coalesce(c1.time, c1.doc_date) AS time1, c1.evidence AS evidence1," \
    " c2.type AS type2, c2.polarity AS polarity2, c2.source AS source2, d2.id AS doc2," \
    " coalesce(c2.time, c2.doc_date) AS time2, c2.evidence AS evidence2" \
    " FROM claims c1" \
    " JOIN claims c2 ON c2.pair_lo = c1.pair_lo AND c2.pair_hi = c1.pair_hi AND c2.key > c1.key" \
    " JOIN documents d1 ON d1.key = c1.doc JOIN documents d2 ON d2.key = c2.doc" \
    " WHERE c1.doc <> c2.doc AND d1.copy_of IS NULL AND d2.copy_of IS NULL" \
    " AND c1.modality = 'asserted' AND c2.modality = 'asserted'" \
    " AND NOT (c1.source IS NOT NULL AND c1.source = c2.source)" \
    " AND ((c1.t_lo IS NULL AND c2.t_lo IS NULL) OR (c1.t_lo <= c2.t_hi AND c2.t_lo <= c1.t_hi))" \
    " AND ((c1.type = c2.type AND c1.polarity <> c2.polarity)" \
    "  OR (c1.polarity = 'affirmed' AND c2.polarity = 'affirmed' AND" \
    "      ((c1.class = 'cooperative' AND c2.class = 'hostile') OR" \
    "       (c1.class = 'hostile' AND c2.class = 'cooperative'))))"

int alq_contradictions(alq_store *s, alq_row_fn fn, void *payload, alq_error *err) {
  static const char sql[] = CONTRADICTIONS_SQL
    " ORDER BY a, b, time1 IS NULL, time1, doc1, doc2, c1.span_start, c2.span_start, c1.key, c2.key";
  static const char pg[] = CONTRADICTIONS_SQL
    " ORDER BY c1.pair_lo, c1.pair_hi, coalesce(c1.time, c1.doc_date) IS NULL,"
    " coalesce(c1.time, c1.doc_date), d1.id, d2.id, c1.span_start, c2.span_start, c1.key, c2.key";
  return alq_store_query(s, sql, pg, NULL, 0, fn, payload, err, ALQ_EIO);
}

int alq_actors(alq_store *s, int only_new, alq_row_fn fn, void *payload, alq_error *err) {
  static const char sql[] =
    "SELECT m.actor AS id, coalesce(a.type, max(m.type)) AS type, a.english AS english,"
    " a.arabic AS arabic, count(*) AS mentions, count(DISTINCT m.doc) AS docs,"
    " min(d.date) AS first_seen, max(d.date) AS last_seen,"
    /* the forms in byte order (as PostgreSQL's string_agg below) */
    " (SELECT group_concat(t) FROM (SELECT DISTINCT m2.text AS t FROM mentions m2"
    "   WHERE m2.actor = m.actor AND m2.type IN ('ORG', 'FORCE', 'STATE', 'COALITION')"
    "   ORDER BY t)) AS aliases"
    " FROM mentions m JOIN documents d ON d.key = m.doc LEFT JOIN actors a ON a.id = m.actor"
    " WHERE m.actor IS NOT NULL AND m.type IN ('ORG', 'FORCE', 'STATE', 'COALITION')"
    " AND (?1 IS NULL OR substr(m.actor, 1, 4) = 'new:')"
    " GROUP BY m.actor ORDER BY mentions DESC, id";
  static const char pg[] =
    "SELECT m.actor AS id, coalesce(min(a.type), max(m.type)) AS type, min(a.english) AS english,"
    " min(a.arabic) AS arabic, count(*) AS mentions, count(DISTINCT m.doc) AS docs,"
    " min(d.date) AS first_seen, max(d.date) AS last_seen,"
    " string_agg(DISTINCT m.text, ',' ORDER BY m.text) AS aliases"
    " FROM mentions m JOIN documents d ON d.key = m.doc LEFT JOIN actors a ON a.id = m.actor"
    " WHERE m.actor IS NOT NULL AND m.type IN ('ORG', 'FORCE', 'STATE', 'COALITION')"
    " AND ($1::text IS NULL OR substr(m.actor, 1, 4) = 'new:')"
    " GROUP BY m.actor ORDER BY mentions DESC, id";
  const char *binds[] = {only_new ? "1" : NULL};
  return alq_store_query(s, sql, pg, binds, 1, fn, payload, err, ALQ_EIO);
}

int alq_search(alq_store *s, const char *query, const char *open, const char *close, int limit,
               alq_row_fn fn, void *payload, alq_error *err) {
  static const char sql[] =
    "SELECT d.id AS doc, d.date AS date, d.title AS title,"
    " snippet(documents_fts, -1, ?2, ?3, '…', 24) AS snippet,"
    " bm25(documents_fts) AS score"
    " FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid"
    " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?4";
  /* 'simple' configuration (no Arabic stemmer): whole words, lowercased;
     web-search syntax ("phrase", OR, -word); ts_rank negated so that, as
     with bm25, lower is better */
  static const char pg[] =
    "SELECT d.id AS doc, d.date AS date, d.title AS title,"
    " ts_headline('simple', coalesce(d.title, '') || ' ' || left(d.text, 300000), q, $3) AS snippet,"
    " -ts_rank(d.fts, q) AS score"
    " FROM documents d, websearch_to_tsquery('simple', $1) q"
    " WHERE d.fts @@ q ORDER BY score, d.id LIMIT $2::bigint";
  char lim[24], opts[256];
  snprintf(lim, sizeof lim, "%d", limit);
  /* the marks are ours (cmd_search, serve), never a user's: no quotes in them */
  if (strchr(open, '"') || strchr(close, '"') || strlen(open) + strlen(close) > 60)
    return alq_error_set(err, ALQ_EINVAL, "", -1, "bad match marks");
  snprintf(opts, sizeof opts, "StartSel=\"%s\", StopSel=\"%s\", MaxWords=35, MinWords=15, MaxFragments=2,"
           " FragmentDelimiter=\"…\"", open, close);
  const char *binds[] = {query, open, close, lim}, *pg_binds[] = {query, lim, opts};
  int is_pg = alq_store_backend(s) == ALQ_BACKEND_PG;
  return alq_store_query(s, sql, pg, is_pg ? pg_binds : binds, is_pg ? 3 : 4, fn, payload, err,
                         ALQ_EINVAL);
}

/* ---- the network at a date ------------------------------------------------ */

/* What is known of one (pair, class) group. */
typedef struct cls_acc {
  char cls[16], type[32], first[11], last[11];
  long long docs, claims, last_doc;
  long long last_n;   /* claims of this class at its latest date */
} cls_acc;

typedef struct pair_acc {
  char *lo, *hi;
  cls_acc c[3];
  int nc;
  long long *docs;        /* the pair's document keys (any class), for docs_total */
  size_t nd, capd;
} pair_acc;

static int cmp_ll(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return (x > y) - (x < y);
}

static long long distinct_docs(pair_acc *p) {
  if (!p->nd) return 0;
  qsort(p->docs, p->nd, sizeof *p->docs, cmp_ll);
  long long n = 1;
  for (size_t i = 1; i < p->nd; i++) n += p->docs[i] != p->docs[i - 1];
  return n;
}

static int cls_rank(const char *c) {  /* tie-break: hostile > structural > cooperative */
  return !strcmp(c, "hostile") ? 3 : !strcmp(c, "structural") ? 2 : 1;
}

static int emit_pair(pair_acc *p, alq_row_fn fn, void *payload) {
  if (!p->nc) return 0;
  const cls_acc *w = &p->c[0];
  for (int i = 1; i < p->nc; i++) {
    const cls_acc *c = &p->c[i];
    int d = strcmp(c->last, w->last);
    if (d > 0 || (d == 0 && (c->last_n > w->last_n || (c->last_n == w->last_n &&
        (c->docs > w->docs || (c->docs == w->docs && cls_rank(c->cls) > cls_rank(w->cls)))))))
      w = c;
  }
  static const char *const names[] = {"a", "b", "class", "type", "weight", "claims", "first", "last", "docs_total"};
  char weight[24], claims[24], total[24];
  snprintf(weight, sizeof weight, "%lld", w->docs);
  snprintf(claims, sizeof claims, "%lld", w->claims);
  snprintf(total, sizeof total, "%lld", distinct_docs(p));
  const char *vals[] = {p->lo, p->hi, w->cls, w->type, weight, claims, w->first, w->last, total};
  static const int kinds[] = {ALQ_V_TEXT, ALQ_V_TEXT, ALQ_V_TEXT, ALQ_V_TEXT, ALQ_V_INT, ALQ_V_INT,
                              ALQ_V_TEXT, ALQ_V_TEXT, ALQ_V_INT};
  alq_row row = {9, names, vals, kinds};
  return fn(&row, payload);
}

static void copy(char *dst, size_t cap, const char *src) {
  snprintf(dst, cap, "%s", src ? src : "");
}

typedef struct graph_ctx {
  pair_acc p;
  alq_row_fn fn;
  void *payload;
  int stop, oom;
} graph_ctx;

/* One claim row (pair_lo, pair_hi, class, doc, t_lo, type) into the pair
 * being accumulated; a new pair emits the previous one. */
static int graph_row(const alq_row *row, void *payload) {
  graph_ctx *g = payload;
  pair_acc *p = &g->p;
  const char *x = row->vals[0], *y = row->vals[1], *cls = row->vals[2];
  long long doc = row->vals[3] ? atoll(row->vals[3]) : 0;
  const char *t = row->vals[4], *type = row->vals[5];
  if (!x || !y || !cls) return 0;
  if (!p->lo || strcmp(p->lo, x) || strcmp(p->hi, y)) {
    if (p->lo && (g->stop = emit_pair(p, g->fn, g->payload))) return 1;
    free(p->lo); free(p->hi);
    p->lo = strdup(x); p->hi = strdup(y);
    p->nc = 0; p->nd = 0;
    if (!p->lo || !p->hi) { g->oom = 1; return 1; }
  }
  if (p->nd == p->capd) {
    size_t cap = p->capd ? p->capd * 2 : 64;
    long long *nd = realloc(p->docs, cap * sizeof *nd);
    if (!nd) { g->oom = 1; return 1; }
    p->docs = nd; p->capd = cap;
  }
  p->docs[p->nd++] = doc;
  cls_acc *c = p->nc ? &p->c[p->nc - 1] : NULL;
  if (!c || strcmp(c->cls, cls)) {
    if (p->nc == 3) return 0;  /* only three classes exist */
    c = &p->c[p->nc++];
    memset(c, 0, sizeof *c);
    copy(c->cls, sizeof c->cls, cls);
    copy(c->first, sizeof c->first, t);
    c->last_doc = -1;
  }
  c->claims++;
  if (doc != c->last_doc) { c->docs++; c->last_doc = doc; }
  char tb[11];
  copy(tb, sizeof tb, t);
  if (strcmp(tb, c->first) < 0) copy(c->first, sizeof c->first, t);
  int d = strcmp(tb, c->last);
  if (d > 0 || !c->type[0]) {
    copy(c->last, sizeof c->last, t);
    copy(c->type, sizeof c->type, type);
    c->last_n = 1;
  } else if (d == 0) c->last_n++;
  return 0;
}

int alq_graph_at(alq_store *s, const char *at, alq_row_fn fn, void *payload, alq_error *err) {
  char lo[11], hi[11];
  if (alq_time_bounds(at, lo, hi) || strchr(at, '/'))
    return alq_error_set(err, ALQ_EINVAL, "", -1, "bad date '%s' (want YYYY-MM-DD, YYYY-MM or YYYY)", at);
  /* a syndicated copy counts as its original (documents.copy_of);
     ordered so that each (pair, class) group is contiguous and its documents
     come in order (distinct documents of a class are counted on the fly);
     the claim key makes the order total, so both backends agree */
  static const char sql[] =
    "SELECT c.pair_lo, c.pair_hi, c.class, coalesce(o.key, d.key) AS orig, c.t_lo, c.type"
    " FROM claims c JOIN documents d ON d.key = c.doc LEFT JOIN documents o ON o.id = d.copy_of"
    " WHERE c.polarity = 'affirmed' AND c.modality = 'asserted' AND c.class IS NOT NULL"
    " AND c.t_lo IS NOT NULL AND c.t_lo <= ?1"
    " ORDER BY c.pair_lo, c.pair_hi, c.class, orig, c.key";
  static const char pg[] =
    "SELECT c.pair_lo, c.pair_hi, c.class, coalesce(o.key, d.key) AS orig, c.t_lo, c.type"
    " FROM claims c JOIN documents d ON d.key = c.doc LEFT JOIN documents o ON o.id = d.copy_of"
    " WHERE c.polarity = 'affirmed' AND c.modality = 'asserted' AND c.class IS NOT NULL"
    " AND c.t_lo IS NOT NULL AND c.t_lo <= $1::text"
    " ORDER BY c.pair_lo, c.pair_hi, c.class, orig, c.key";
  graph_ctx g = {.fn = fn, .payload = payload};
  const char *binds[] = {hi};
  int out = alq_store_query(s, sql, pg, binds, 1, graph_row, &g, err, ALQ_EIO);
  if (!out && g.oom) out = alq_error_set(err, ALQ_ENOMEM, "", -1, "out of memory");
  if (!out && !g.stop && g.p.lo) emit_pair(&g.p, fn, payload);
  free(g.p.lo); free(g.p.hi); free(g.p.docs);
  return out;
}
