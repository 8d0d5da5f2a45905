/* The store's queries: fixed SQL with bound parameters, rows streamed to a
 * callback; only the network at a date is aggregated here in C, because its
 * "most recent class wins" rule is clearer in code than in SQL. */
#include "analyze/analyze.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/util.h"

#define MAXCOLS 32

static int db_err(sqlite3 *db, alq_error *err, int code) {
  return alq_error_set(err, code, sqlite3_db_filename(db, "main"), -1, "%s", sqlite3_errmsg(db));
}

/* Runs `sql` with text parameters binds[0..nb) (NULL binds NULL) and hands
 * every row to fn. */
static int run_query(alq_store *s, const char *sql, const char *const *binds, int nb,
                     alq_row_fn fn, void *payload, alq_error *err, int bad_input_code) {
  sqlite3 *db = alq_store_db(s);
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) return db_err(db, err, ALQ_EIO);
  for (int i = 0; i < nb; i++) {
    if (binds[i]) sqlite3_bind_text(q, i + 1, binds[i], -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i + 1);
  }
  int n = sqlite3_column_count(q);
  if (n > MAXCOLS) n = MAXCOLS;
  const char *names[MAXCOLS], *vals[MAXCOLS];
  int kinds[MAXCOLS];
  for (int i = 0; i < n; i++) names[i] = sqlite3_column_name(q, i);
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    for (int i = 0; i < n; i++) {
      int t = sqlite3_column_type(q, i);
      kinds[i] = t == SQLITE_INTEGER ? ALQ_V_INT : t == SQLITE_FLOAT ? ALQ_V_REAL
               : t == SQLITE_NULL ? ALQ_V_NULL : ALQ_V_TEXT;
      vals[i] = (const char *)sqlite3_column_text(q, i);
      if (!vals[i]) kinds[i] = ALQ_V_NULL;
    }
    alq_row row = {(size_t)n, names, vals, kinds};
    if (fn(&row, payload)) { rc = SQLITE_DONE; break; }
  }
  int out = 0;
  if (rc != SQLITE_DONE) out = db_err(db, err, rc == SQLITE_ERROR ? bad_input_code : ALQ_EIO);
  sqlite3_finalize(q);
  return out;
}

int alq_timeline(alq_store *s, const char *a, const char *b, alq_row_fn fn, void *payload,
                 alq_error *err) {
  static const char sql[] =
    "SELECT c.time AS \"when\", c.doc_date AS doc_date, c.type AS type, c.class AS class,"
    " c.polarity AS polarity, c.modality AS modality, c.source AS source,"
    " c.source_kind AS source_kind, c.place AS \"where\", c.via AS via, c.a AS a, c.b AS b,"
    " d.id AS doc, c.span_start AS span_start, c.span_end AS span_end, c.evidence AS evidence"
    " FROM claims c JOIN documents d ON d.key = c.doc"
    " WHERE c.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)"
    " ORDER BY c.t_lo IS NULL, c.t_lo, c.t_hi, d.date, d.id, c.span_start, c.key";
  const char *binds[] = {a, b};
  return run_query(s, sql, binds, 2, fn, payload, err, ALQ_EIO);
}

int alq_contradictions(alq_store *s, alq_row_fn fn, void *payload, alq_error *err) {
  static const char sql[] =
    "SELECT c1.pair_lo AS a, c1.pair_hi AS b,"
    " CASE WHEN c1.type = c2.type AND c1.polarity <> c2.polarity THEN 'polarity' ELSE 'class' END"
    "   AS reason,"
    " c1.type AS type1, c1.polarity AS polarity1, c1.source AS source1, d1.id AS doc1,"
    " coalesce(c1.time, c1.doc_date) AS time1, c1.evidence AS evidence1,"
    " c2.type AS type2, c2.polarity AS polarity2, c2.source AS source2, d2.id AS doc2,"
    " coalesce(c2.time, c2.doc_date) AS time2, c2.evidence AS evidence2"
    " FROM claims c1"
    " JOIN claims c2 ON c2.pair_lo = c1.pair_lo AND c2.pair_hi = c1.pair_hi AND c2.key > c1.key"
    " JOIN documents d1 ON d1.key = c1.doc JOIN documents d2 ON d2.key = c2.doc"
    " WHERE c1.doc <> c2.doc AND c1.modality = 'asserted' AND c2.modality = 'asserted'"
    " AND NOT (c1.source IS NOT NULL AND c1.source = c2.source)"
    " AND ((c1.t_lo IS NULL AND c2.t_lo IS NULL) OR (c1.t_lo <= c2.t_hi AND c2.t_lo <= c1.t_hi))"
    " AND ((c1.type = c2.type AND c1.polarity <> c2.polarity)"
    "  OR (c1.polarity = 'affirmed' AND c2.polarity = 'affirmed' AND"
    "      ((c1.class = 'cooperative' AND c2.class = 'hostile') OR"
    "       (c1.class = 'hostile' AND c2.class = 'cooperative'))))"
    " ORDER BY a, b, time1 IS NULL, time1, doc1, doc2, c1.span_start, c2.span_start";
  return run_query(s, sql, NULL, 0, fn, payload, err, ALQ_EIO);
}

int alq_actors(alq_store *s, int only_new, alq_row_fn fn, void *payload, alq_error *err) {
  static const char sql[] =
    "SELECT m.actor AS id, coalesce(a.type, max(m.type)) AS type, a.english AS english,"
    " a.arabic AS arabic, count(*) AS mentions, count(DISTINCT m.doc) AS docs,"
    " min(d.date) AS first_seen, max(d.date) AS last_seen, group_concat(DISTINCT m.text) AS aliases"
    " FROM mentions m JOIN documents d ON d.key = m.doc LEFT JOIN actors a ON a.id = m.actor"
    " WHERE m.actor IS NOT NULL AND m.type IN ('ORG', 'FORCE', 'STATE', 'COALITION')"
    " AND (?1 IS NULL OR substr(m.actor, 1, 4) = 'new:')"
    " GROUP BY m.actor ORDER BY mentions DESC, id";
  const char *binds[] = {only_new ? "1" : NULL};
  return run_query(s, sql, binds, 1, fn, payload, err, ALQ_EIO);
}

int alq_search(alq_store *s, const char *query, const char *open, const char *close, int limit,
               alq_row_fn fn, void *payload, alq_error *err) {
  static const char sql[] =
    "SELECT d.id AS doc, d.date AS date, d.title AS title,"
    " snippet(documents_fts, -1, ?2, ?3, '…', 24) AS snippet,"
    " bm25(documents_fts) AS score"
    " FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid"
    " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?4";
  char lim[24];
  snprintf(lim, sizeof lim, "%d", limit);
  const char *binds[] = {query, open, close, lim};
  return run_query(s, sql, binds, 4, fn, payload, err, ALQ_EINVAL);
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

static void copy(char *dst, size_t cap, const unsigned char *src) {
  snprintf(dst, cap, "%s", src ? (const char *)src : "");
}

int alq_graph_at(alq_store *s, const char *at, alq_row_fn fn, void *payload, alq_error *err) {
  char lo[11], hi[11];
  if (alq_time_bounds(at, lo, hi) || strchr(at, '/'))
    return alq_error_set(err, ALQ_EINVAL, "", -1, "bad date '%s' (want YYYY-MM-DD, YYYY-MM or YYYY)", at);
  /* ordered so that each (pair, class) group is contiguous and its documents
     come in order (distinct documents of a class are counted on the fly) */
  static const char sql[] =
    "SELECT pair_lo, pair_hi, class, doc, t_lo, type"
    " FROM claims c WHERE polarity = 'affirmed' AND modality = 'asserted' AND class IS NOT NULL"
    " AND t_lo IS NOT NULL AND t_lo <= ?1"
    " ORDER BY pair_lo, pair_hi, class, doc";
  sqlite3 *db = alq_store_db(s);
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) return db_err(db, err, ALQ_EIO);
  sqlite3_bind_text(q, 1, hi, -1, SQLITE_STATIC);
  pair_acc p = {0};
  int rc, out = 0, stop = 0;
  while (!stop && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    const char *x = (const char *)sqlite3_column_text(q, 0), *y = (const char *)sqlite3_column_text(q, 1);
    const char *cls = (const char *)sqlite3_column_text(q, 2);
    long long doc = sqlite3_column_int64(q, 3);
    const unsigned char *t = sqlite3_column_text(q, 4), *type = sqlite3_column_text(q, 5);
    if (!x || !y || !cls) continue;
    if (!p.lo || strcmp(p.lo, x) || strcmp(p.hi, y)) {
      if (p.lo) stop = emit_pair(&p, fn, payload);
      free(p.lo); free(p.hi);
      p.lo = strdup(x); p.hi = strdup(y);
      p.nc = 0; p.nd = 0;
      if (!p.lo || !p.hi) { out = alq_error_set(err, ALQ_ENOMEM, "", -1, "out of memory"); break; }
      if (stop) break;
    }
    if (p.nd == p.capd) {
      size_t cap = p.capd ? p.capd * 2 : 64;
      long long *nd = realloc(p.docs, cap * sizeof *nd);
      if (!nd) { out = alq_error_set(err, ALQ_ENOMEM, "", -1, "out of memory"); break; }
      p.docs = nd; p.capd = cap;
    }
    p.docs[p.nd++] = doc;
    cls_acc *c = p.nc ? &p.c[p.nc - 1] : NULL;
    if (!c || strcmp(c->cls, cls)) {
      if (p.nc == 3) continue;  /* only three classes exist */
      c = &p.c[p.nc++];
      memset(c, 0, sizeof *c);
      copy(c->cls, sizeof c->cls, (const unsigned char *)cls);
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
  }
  if (!out && !stop && rc != SQLITE_DONE) out = db_err(db, err, ALQ_EIO);
  if (!out && !stop && p.lo) emit_pair(&p, fn, payload);
  free(p.lo); free(p.hi); free(p.docs);
  sqlite3_finalize(q);
  return out;
}
