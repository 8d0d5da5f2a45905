/* The JSON API of alaqat serve (docs/API.md): validates parameters, runs the
 * store's queries (src/analyze where they exist, fixed SQL with bound
 * parameters otherwise) and builds paginated JSON bodies with jansson. */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analyze/analyze.h"
#include "serve/serve.h"
#include "text/text.h"

json_t *srv_error(const char *fmt, ...) {
  char msg[600];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* messages may quote user input: keep them valid UTF-8 */
  if (!srv_utf8_ok(msg, strlen(msg))) snprintf(msg, sizeof msg, "bad request");
  return json_pack("{s:s}", "error", msg);
}

int srv_utf8_ok(const char *s, size_t n) {
  size_t pos = 0;
  int32_t cp;
  while (pos < n) {
    if (alq_utf8_next((const uint8_t *)s, n, &pos, &cp) < 0 || cp == 0) return 0;
  }
  return 1;
}

/* A JSON string from stored text; bytes that are not UTF-8 become '?', one
 * byte each, so byte offsets into the text stay right. */
static json_t *jstr(const char *s) {
  if (!s) return json_null();
  size_t n = strlen(s);
  if (srv_utf8_ok(s, n)) return json_stringn(s, n);
  char *c = malloc(n + 1);
  if (!c) return json_null();
  size_t pos = 0;
  while (pos < n) {
    size_t at = pos;
    int32_t cp;
    if (alq_utf8_next((const uint8_t *)s, n, &pos, &cp) < 0 || cp == 0) c[at] = '?';
    else memcpy(c + at, s + at, pos - at);
  }
  json_t *j = json_stringn(c, n);
  free(c);
  return j ? j : json_null();
}

static json_t *row_json(const alq_row *row) {
  json_t *o = json_object();
  for (size_t i = 0; i < row->n; i++) {
    json_t *v;
    switch (row->kinds[i]) {
    case ALQ_V_INT: v = json_integer(strtoll(row->vals[i], NULL, 10)); break;
    case ALQ_V_REAL: v = json_real(strtod(row->vals[i], NULL)); break;
    case ALQ_V_TEXT: v = jstr(row->vals[i]); break;
    default: v = json_null();
    }
    json_object_set_new(o, row->names[i], v);
  }
  return o;
}

/* ---- parameters ------------------------------------------------------------ */

static const char *param(const srv_params *p, const char *key) {
  for (size_t i = 0; i < p->n; i++)
    if (!strcmp(p->key[i], key)) return p->val[i];
  return NULL;
}

/* NULL when every parameter is one of `allowed` (NULL-terminated), else
 * the first unknown name. */
static const char *unknown_param(const srv_params *p, const char *const *allowed) {
  for (size_t i = 0; i < p->n; i++) {
    int ok = 0;
    for (const char *const *a = allowed; *a && !ok; a++) ok = !strcmp(*a, p->key[i]);
    if (!ok) return p->key[i];
  }
  return NULL;
}

static int parse_count(const char *s, long long lo, long long hi, long long *out) {
  if (!s || !*s || strlen(s) > 12) return -1;
  long long v = 0;
  for (const char *c = s; *c; c++) {
    if (*c < '0' || *c > '9') return -1;
    v = v * 10 + (*c - '0');
  }
  if (v < lo || v > hi) return -1;
  *out = v;
  return 0;
}

typedef struct page {
  long long offset, limit, total;
  json_t *items;
} page;

/* Reads limit and offset; returns 0 or fills *body with a 400. */
static int page_init(page *pg, const srv_params *p, long long def, long long max, json_t **body) {
  pg->offset = 0; pg->limit = def; pg->total = 0;
  pg->items = NULL;
  const char *l = param(p, "limit"), *o = param(p, "offset");
  if (l && parse_count(l, 1, max, &pg->limit)) {
    *body = srv_error("limit must be an integer from 1 to %lld", max);
    return -1;
  }
  if (o && parse_count(o, 0, 1000000000LL, &pg->offset)) {
    *body = srv_error("offset must be an integer from 0 to 1000000000");
    return -1;
  }
  pg->items = json_array();
  return 0;
}

/* alq_row_fn: counts every row, keeps those of the page. */
static int page_row(const alq_row *row, void *payload) {
  page *pg = payload;
  long long i = pg->total++;
  if (i >= pg->offset && i < pg->offset + pg->limit) json_array_append_new(pg->items, row_json(row));
  return 0;
}

static json_t *page_body(page *pg) {
  return json_pack("{s:o,s:I,s:I,s:I}", "items", pg->items, "total", (json_int_t)pg->total,
                   "offset", (json_int_t)pg->offset, "limit", (json_int_t)pg->limit);
}

static int store_fail(const alq_error *err, json_t **body) {
  if (err->code == ALQ_EINVAL) { *body = srv_error("%s", err->msg); return 400; }
  *body = srv_error("store error: %s", err->msg);
  return 500;
}

/* Checks a date parameter (YYYY, YYYY-MM or YYYY-MM-DD); 0 = fine or absent. */
static int bad_date(const char *v, char lo[11], char hi[11]) {
  return v && (alq_time_bounds(v, lo, hi) || strchr(v, '/'));
}

static int bad_id(const char *v) {  /* actor / document ids: bounded length */
  return v && (!*v || strlen(v) > 256);
}

/* ---- endpoints ------------------------------------------------------------- */

static int rows_json(sqlite3_stmt *q, json_t *arr, long long max);

static long long count_sql(sqlite3 *db, const char *sql) {
  sqlite3_stmt *q;
  long long n = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
    n = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  return n;
}

static int api_stats(alq_store *s, const srv_params *p, json_t **body) {
  static const char *const ok[] = {NULL};
  const char *u = unknown_param(p, ok);
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  sqlite3 *db = alq_store_db(s);
  sqlite3_stmt *q;
  json_t *first = json_null(), *last = json_null();
  if (sqlite3_prepare_v2(db, "SELECT min(t_lo), max(t_lo) FROM claims", -1, &q, NULL) == SQLITE_OK) {
    if (sqlite3_step(q) == SQLITE_ROW) {
      json_decref(first); json_decref(last);
      first = jstr((const char *)sqlite3_column_text(q, 0));
      last = jstr((const char *)sqlite3_column_text(q, 1));
    }
    sqlite3_finalize(q);
  }
  long long docs = count_sql(db, "SELECT count(*) FROM documents");
  long long claims = count_sql(db, "SELECT count(*) FROM claims");
  long long actors = count_sql(db, "SELECT count(*) FROM actors");
  if (docs < 0 || claims < 0 || actors < 0) {
    json_decref(first); json_decref(last);
    *body = srv_error("store error: %s", sqlite3_errmsg(db));
    return 500;
  }
  *body = json_pack("{s:s,s:I,s:I,s:I,s:o,s:o}", "version", alq_version(),
                    "documents", (json_int_t)docs, "claims", (json_int_t)claims,
                    "actors", (json_int_t)actors, "first", first, "last", last);
  return 200;
}

static int api_actors(alq_store *s, const srv_params *p, json_t **body) {
  static const char *const ok[] = {"limit", "offset", "new", NULL};
  const char *u = unknown_param(p, ok), *nw = param(p, "new");
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  if (nw && strcmp(nw, "0") && strcmp(nw, "1")) { *body = srv_error("new must be 0 or 1"); return 400; }
  page pg;
  if (page_init(&pg, p, SRV_PAGE_DEFAULT, SRV_PAGE_MAX, body)) return 400;
  alq_error err = {0};
  if (alq_actors(s, nw && !strcmp(nw, "1"), page_row, &pg, &err)) {
    json_decref(pg.items);
    return store_fail(&err, body);
  }
  *body = page_body(&pg);
  return 200;
}

/* The store's last claim date into last (11 bytes); 0 when none. */
static int last_date(alq_store *s, char *last) {
  sqlite3_stmt *q;
  last[0] = 0;
  if (sqlite3_prepare_v2(alq_store_db(s), "SELECT max(t_lo) FROM claims", -1, &q, NULL) == SQLITE_OK) {
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
      snprintf(last, 11, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
  }
  return last[0] != 0;
}

/* /api/graph: edges of the page plus the actors they touch. */
typedef struct graph_acc {
  page pg;
  json_t *nodes;      /* id -> node object */
} graph_acc;

static int graph_row(const alq_row *row, void *payload) {
  graph_acc *g = payload;
  long long i = g->pg.total++;
  if (i < g->pg.offset || i >= g->pg.offset + g->pg.limit) return 0;
  json_t *e = row_json(row);
  json_object_set_new(e, "id", json_integer(i));
  json_array_append_new(g->pg.items, e);
  for (size_t k = 0; k < 2; k++) {
    const char *id = row->vals[k];
    if (!id) continue;
    json_t *n = json_object_get(g->nodes, id);
    if (!n) {
      n = json_pack("{s:o,s:i}", "id", jstr(id), "degree", 0);
      json_object_set_new(g->nodes, id, n);
    }
    json_object_set_new(n, "degree", json_integer(json_integer_value(json_object_get(n, "degree")) + 1));
  }
  return 0;
}

static int api_graph(alq_store *s, const srv_params *p, json_t **body) {
  static const char *const ok[] = {"at", "limit", "offset", NULL};
  const char *u = unknown_param(p, ok), *at = param(p, "at");
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  char lo[11], hi[11], last[11] = "";
  if (!at) at = last_date(s, last) ? last : "9999-12-31";
  if (bad_date(at, lo, hi)) { *body = srv_error("at must be a date YYYY-MM-DD, YYYY-MM or YYYY"); return 400; }
  graph_acc g;
  if (page_init(&g.pg, p, SRV_GRAPH_MAX, SRV_GRAPH_MAX, body)) return 400;
  g.nodes = json_object();
  alq_error err = {0};
  if (alq_graph_at(s, at, graph_row, &g, &err)) {
    json_decref(g.pg.items); json_decref(g.nodes);
    return store_fail(&err, body);
  }
  /* names of the nodes from the actors table */
  json_t *nodes = json_array();
  sqlite3_stmt *q = NULL;
  sqlite3_prepare_v2(alq_store_db(s), "SELECT type, english, arabic FROM actors WHERE id = ?1", -1, &q, NULL);
  const char *id;
  json_t *n;
  json_object_foreach(g.nodes, id, n) {
    const char *type = NULL, *en = NULL, *ar = NULL;
    if (q) {
      sqlite3_reset(q);
      sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step(q) == SQLITE_ROW) {
        type = (const char *)sqlite3_column_text(q, 0);
        en = (const char *)sqlite3_column_text(q, 1);
        ar = (const char *)sqlite3_column_text(q, 2);
      }
    }
    json_object_set_new(n, "type", jstr(type));
    json_object_set_new(n, "english", jstr(en));
    json_object_set_new(n, "arabic", jstr(ar));
    json_array_append(nodes, n);
  }
  sqlite3_finalize(q);
  json_decref(g.nodes);
  *body = json_pack("{s:s,s:o,s:o,s:I,s:I,s:I}", "at", at, "nodes", nodes, "edges", g.pg.items,
                    "total", (json_int_t)g.pg.total, "offset", (json_int_t)g.pg.offset,
                    "limit", (json_int_t)g.pg.limit);
  return 200;
}

int srv_api_graph_index(alq_store *s, const srv_graph *g, const srv_params *p, char **text, json_t **body) {
  static const char *const ok[] = {"at", "limit", "offset", NULL};
  const char *u = unknown_param(p, ok), *at = param(p, "at");
  *text = NULL;
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  (void)s;
  char lo[11], hi[11];
  if (!at) at = srv_graph_last(g) ? srv_graph_last(g) : "9999-12-31";
  if (bad_date(at, lo, hi)) { *body = srv_error("at must be a date YYYY-MM-DD, YYYY-MM or YYYY"); return 400; }
  page pg;
  if (page_init(&pg, p, SRV_GRAPH_MAX, SRV_GRAPH_MAX, body)) return 400;
  json_decref(pg.items);
  *text = srv_graph_json(g, at, pg.limit, pg.offset);
  if (!*text) { *body = srv_error("out of memory"); return 500; }
  return 200;
}

/* A page of alq_timeline (alq_timeline_page_sql: a walk of the store's
 * claims_timeline index that skips OFFSET entries without reading their rows
 * and stops after LIMIT; past the middle, the same from the end). The total
 * comes from the graph index g (claims per pair), else from a count over the
 * pair's index range. test_serve.sh checks pages against alaqat timeline;
 * unit/test_store_index the query plans and the pages of a busy pair against
 * a full sort. */
static int api_timeline(alq_store *s, const srv_graph *g, const srv_params *p, json_t **body) {
  static const char *const ok[] = {"a", "b", "limit", "offset", NULL};
  const char *u = unknown_param(p, ok), *a = param(p, "a"), *b = param(p, "b");
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  if (!a || !b || bad_id(a) || bad_id(b)) { *body = srv_error("give two actors: a=ID&b=ID"); return 400; }
  char ra[300], rb[300];
  alq_store_actor_resolve(s, a, ra, sizeof ra);
  alq_store_actor_resolve(s, b, rb, sizeof rb);
  page pg;
  if (page_init(&pg, p, SRV_PAGE_DEFAULT, SRV_PAGE_MAX, body)) return 400;
  static const char *const sql[2] = {
    alq_timeline_page_sql,
    "SELECT count(*) FROM claims WHERE pair_lo = min(?1, ?2) AND pair_hi = max(?1, ?2)"};
  sqlite3 *db = alq_store_db(s);
  int status = 200;
  /* the total from the graph index when there is one (counted per pair
     when it was built, for this version of the store) */
  if (g) pg.total = srv_graph_pair_claims(g, ra, rb);
  /* a page past the middle is counted from the end (a backward walk of the
     index), so the last page costs what the first does */
  long long lim = pg.limit, off = pg.offset;
  int from_end = g && off < pg.total && off > pg.total / 2;
  if (from_end) {
    lim = pg.total - off < pg.limit ? pg.total - off : pg.limit;
    off = pg.total - off - lim;
  }
  for (int k = 0; k < (g ? 1 : 2) && status == 200; k++) {
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, k ? sql[1] : from_end ? alq_timeline_page_sql_from_end : sql[0], -1, &q,
                           NULL) != SQLITE_OK) { status = 500; break; }
    sqlite3_bind_text(q, 1, ra, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, rb, -1, SQLITE_STATIC);
    if (!k) {
      sqlite3_bind_int64(q, 3, lim);
      sqlite3_bind_int64(q, 4, off);
      if (rows_json(q, pg.items, pg.limit)) status = 500;
    } else if (sqlite3_step(q) == SQLITE_ROW) {
      pg.total = sqlite3_column_int64(q, 0);
    } else status = 500;
    sqlite3_finalize(q);
  }
  if (status != 200) {
    json_decref(pg.items);
    *body = srv_error("store error: %s", sqlite3_errmsg(db));
    return status;
  }
  json_t *o = page_body(&pg);
  json_object_set_new(o, "a", jstr(ra));
  json_object_set_new(o, "b", jstr(rb));
  *body = o;
  return 200;
}

static int api_contradictions(alq_store *s, const srv_params *p, json_t **body) {
  static const char *const ok[] = {"limit", "offset", NULL};
  const char *u = unknown_param(p, ok);
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  page pg;
  if (page_init(&pg, p, SRV_PAGE_DEFAULT, SRV_PAGE_MAX, body)) return 400;
  alq_error err = {0};
  if (alq_contradictions(s, page_row, &pg, &err)) {
    json_decref(pg.items);
    return store_fail(&err, body);
  }
  *body = page_body(&pg);
  return 200;
}

/* Snippet markers of /api/search: private-use characters, which never occur
 * in news text, so the UI can split on them without parsing HTML. */
#define MARK_OPEN "\xee\x80\x80"   /* U+E000 */
#define MARK_CLOSE "\xee\x80\x81"  /* U+E001 */

/* Ranking every match with bm25 costs about 1.5 us per match (0.15 s for a
 * word in all of 100,000 documents), so a query with more than
 * SRV_SEARCH_RANKED matches is listed in the order of the full-text index
 * instead, newest stored document first: an index walk that stops after the
 * page. "order" in the answer says which ("rank" or "recent"). Snippets are
 * made for the page's rows only (OFFSET skips rows before their columns are
 * computed). */
static const char search_sql[2][600] = {
  "SELECT d.id AS doc, d.date AS date, d.title AS title,"
  " snippet(documents_fts, -1, ?2, ?3, '\xe2\x80\xa6', 24) AS snippet, bm25(documents_fts) AS score"
  " FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid"
  " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?4 OFFSET ?5",
  "SELECT d.id AS doc, d.date AS date, d.title AS title,"
  " snippet(documents_fts, -1, ?2, ?3, '\xe2\x80\xa6', 24) AS snippet, bm25(documents_fts) AS score"
  " FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid"
  " WHERE documents_fts MATCH ?1 ORDER BY documents_fts.rowid DESC LIMIT ?4 OFFSET ?5"};

static int api_search(alq_store *s, const srv_params *p, json_t **body) {
  static const char *const ok[] = {"q", "limit", "offset", NULL};
  const char *u = unknown_param(p, ok), *q = param(p, "q");
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  if (!q || !*q) { *body = srv_error("give a query: q=..."); return 400; }
  if (strlen(q) > 512) { *body = srv_error("query longer than 512 bytes"); return 400; }
  page pg;
  if (page_init(&pg, p, 20, SRV_PAGE_MAX, body)) return 400;
  sqlite3 *db = alq_store_db(s);
  sqlite3_stmt *cq = NULL, *sq = NULL;
  int status = 200;
  /* the count first: it says whether to rank, and a bad query fails here */
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1", -1, &cq,
                         NULL) != SQLITE_OK) status = 500;
  else {
    sqlite3_bind_text(cq, 1, q, -1, SQLITE_STATIC);
    int rc = sqlite3_step(cq);
    if (rc == SQLITE_ROW) pg.total = sqlite3_column_int64(cq, 0);
    else status = rc == SQLITE_ERROR ? 400 : 500;
  }
  int recent = pg.total > SRV_SEARCH_RANKED;
  if (status == 200) {
    if (sqlite3_prepare_v2(db, search_sql[recent], -1, &sq, NULL) != SQLITE_OK) status = 500;
    else {
      sqlite3_bind_text(sq, 1, q, -1, SQLITE_STATIC);
      sqlite3_bind_text(sq, 2, MARK_OPEN, -1, SQLITE_STATIC);
      sqlite3_bind_text(sq, 3, MARK_CLOSE, -1, SQLITE_STATIC);
      sqlite3_bind_int64(sq, 4, pg.limit);
      sqlite3_bind_int64(sq, 5, pg.offset);
      if (rows_json(sq, pg.items, pg.limit)) status = sqlite3_errcode(db) == SQLITE_ERROR ? 400 : 500;
    }
  }
  if (status != 200) {
    *body = status == 400 ? srv_error("bad query: %s", sqlite3_errmsg(db))
                          : srv_error("store error: %s", sqlite3_errmsg(db));
    json_decref(pg.items);
  } else {
    json_t *o = page_body(&pg);
    json_object_set_new(o, "q", jstr(q));
    json_object_set_new(o, "order", json_string(recent ? "recent" : "rank"));
    *body = o;
  }
  sqlite3_finalize(cq);
  sqlite3_finalize(sq);
  return status;
}

/* Steps q, appending each row as an object to arr (at most max rows). */
static int rows_json(sqlite3_stmt *q, json_t *arr, long long max) {
  int rc, n = sqlite3_column_count(q);
  long long k = 0;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    if (k++ >= max) continue;
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
      json_t *v;
      switch (sqlite3_column_type(q, i)) {
      case SQLITE_INTEGER: v = json_integer(sqlite3_column_int64(q, i)); break;
      case SQLITE_FLOAT: v = json_real(sqlite3_column_double(q, i)); break;
      case SQLITE_NULL: v = json_null(); break;
      default: v = jstr((const char *)sqlite3_column_text(q, i));
      }
      json_object_set_new(o, sqlite3_column_name(q, i), v);
    }
    json_array_append_new(arr, o);
  }
  return rc == SQLITE_DONE ? 0 : -1;
}

#define CLAIM_COLS \
  "c.key AS id, d.id AS doc, c.span_start AS span_start, c.span_end AS span_end," \
  " c.a AS a, c.b AS b, c.type AS type, c.class AS class, c.polarity AS polarity," \
  " c.modality AS modality, c.source AS source, c.source_kind AS source_kind," \
  " c.time AS \"when\", c.place AS \"where\", c.via AS via, c.trigger_start AS trigger_start," \
  " c.trigger_end AS trigger_end, c.rule AS rule, c.doc_date AS doc_date, c.t_lo AS t_lo," \
  " c.t_hi AS t_hi"

static int api_claims(alq_store *s, const srv_params *p, json_t **body) {
  static const char *const ok[] = {"a", "b", "type", "polarity", "modality", "source", "source_kind",
                                   "from", "to", "doc", "limit", "offset", NULL};
  const char *u = unknown_param(p, ok);
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  const char *a = param(p, "a"), *b = param(p, "b"), *type = param(p, "type");
  const char *pol = param(p, "polarity"), *mod = param(p, "modality"), *src = param(p, "source");
  const char *kind = param(p, "source_kind"), *from = param(p, "from"), *to = param(p, "to");
  const char *doc = param(p, "doc");
  char flo[11], fhi[11], tlo[11], thi[11];
  if (bad_id(a) || bad_id(b) || bad_id(src) || bad_id(doc)) {
    *body = srv_error("a, b, source and doc must be 1 to 256 bytes"); return 400;
  }
  if (type && !alq_type_class(type)) { *body = srv_error("unknown relation type"); return 400; }
  if (pol && strcmp(pol, "affirmed") && strcmp(pol, "negated")) {
    *body = srv_error("polarity must be affirmed or negated"); return 400;
  }
  if (mod && strcmp(mod, "asserted") && strcmp(mod, "possible")) {
    *body = srv_error("modality must be asserted or possible"); return 400;
  }
  static const char *const kinds[] = {"author", "person", "outlet", "official", "anonymous"};
  if (kind) {
    int ok2 = 0;
    for (size_t i = 0; i < 5; i++) ok2 |= !strcmp(kind, kinds[i]);
    if (!ok2) { *body = srv_error("source_kind must be author, person, outlet, official or anonymous"); return 400; }
  }
  if (bad_date(from, flo, fhi) || bad_date(to, tlo, thi)) {
    *body = srv_error("from and to must be dates YYYY-MM-DD, YYYY-MM or YYYY"); return 400;
  }
  page pg;
  if (page_init(&pg, p, SRV_PAGE_DEFAULT, SRV_PAGE_MAX, body)) return 400;
  char ra[300], rb[300];
  if (a) alq_store_actor_resolve(s, a, ra, sizeof ra);
  if (b) alq_store_actor_resolve(s, b, rb, sizeof rb);
  /* fixed fragments, every value bound: ?1 a, ?2 b, ?3 type, ... */
  unsigned flags = (a ? ALQ_CF_A : 0) | (b ? ALQ_CF_B : 0) | (type ? ALQ_CF_TYPE : 0) |
                   (pol ? ALQ_CF_POLARITY : 0) | (mod ? ALQ_CF_MODALITY : 0) |
                   (src ? ALQ_CF_SOURCE : 0) | (kind ? ALQ_CF_KIND : 0) | (from ? ALQ_CF_FROM : 0) |
                   (to ? ALQ_CF_TO : 0) | (doc ? ALQ_CF_DOC : 0);
  char sql[4096], csql[2048];
  if (alq_claims_sql(flags, CLAIM_COLS ", c.evidence AS evidence", sql, sizeof sql, csql, sizeof csql)) {
    json_decref(pg.items);
    *body = srv_error("query too long");
    return 500;
  }
  sqlite3 *db = alq_store_db(s);
  sqlite3_stmt *q[2] = {NULL, NULL};
  int status = 200;
  long long total = 0;
  for (int k = 0; k < 2; k++) {
    if (sqlite3_prepare_v2(db, k ? csql : sql, -1, &q[k], NULL) != SQLITE_OK) { status = 500; break; }
    const char *vals[10] = {a ? ra : NULL, b ? rb : NULL, type, pol, mod, src, kind,
                            from ? flo : NULL, to ? thi : NULL, doc};
    for (int i = 0; i < 10; i++) {
      char name[16];
      snprintf(name, sizeof name, "?%d", i + 1);
      int idx = sqlite3_bind_parameter_index(q[k], name);
      if (idx && vals[i]) sqlite3_bind_text(q[k], idx, vals[i], -1, SQLITE_STATIC);
    }
    int il = sqlite3_bind_parameter_index(q[k], "?11"), io = sqlite3_bind_parameter_index(q[k], "?12");
    if (il) sqlite3_bind_int64(q[k], il, pg.limit);
    if (io) sqlite3_bind_int64(q[k], io, pg.offset);
  }
  if (status == 200 && rows_json(q[0], pg.items, pg.limit)) status = 500;
  if (status == 200) {
    if (sqlite3_step(q[1]) == SQLITE_ROW) total = sqlite3_column_int64(q[1], 0);
    else status = 500;
  }
  if (status != 200) {
    *body = srv_error("store error: %s", sqlite3_errmsg(db));
    json_decref(pg.items);
  } else {
    pg.total = total;
    *body = page_body(&pg);
  }
  sqlite3_finalize(q[0]);
  sqlite3_finalize(q[1]);
  return status;
}

static int api_doc(alq_store *s, const char *id, const srv_params *p, json_t **body) {
  static const char *const ok[] = {NULL};
  const char *u = unknown_param(p, ok);
  if (u) { *body = srv_error("unknown parameter '%s'", u); return 400; }
  if (!*id || strlen(id) > 256) { *body = srv_error("bad document id"); return 400; }
  sqlite3 *db = alq_store_db(s);
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(db, "SELECT key, id, title, date, url, outlet, bytes, text FROM documents"
                             " WHERE id = ?1", -1, &q, NULL) != SQLITE_OK) {
    *body = srv_error("store error: %s", sqlite3_errmsg(db));
    return 500;
  }
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(q);
  if (rc != SQLITE_ROW) {
    sqlite3_finalize(q);
    if (rc == SQLITE_DONE) { *body = srv_error("no document '%s'", id); return 404; }
    *body = srv_error("store error: %s", sqlite3_errmsg(db));
    return 500;
  }
  long long key = sqlite3_column_int64(q, 0);
  json_t *o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:I,s:o}",
                        "id", jstr((const char *)sqlite3_column_text(q, 1)),
                        "title", jstr((const char *)sqlite3_column_text(q, 2)),
                        "date", jstr((const char *)sqlite3_column_text(q, 3)),
                        "url", jstr((const char *)sqlite3_column_text(q, 4)),
                        "outlet", jstr((const char *)sqlite3_column_text(q, 5)),
                        "bytes", (json_int_t)sqlite3_column_int64(q, 6),
                        "text", jstr((const char *)sqlite3_column_text(q, 7)));
  sqlite3_finalize(q);
  static const char *const sub[2] = {
    "SELECT " CLAIM_COLS " FROM claims c JOIN documents d ON d.key = c.doc WHERE c.doc = ?1"
    " ORDER BY c.span_start, c.key",
    "SELECT span_start, span_end, text, actor, type FROM mentions WHERE doc = ?1"
    " ORDER BY span_start, span_end"};
  static const char *const names[2] = {"claims", "mentions"};
  int status = 200;
  for (int k = 0; k < 2 && status == 200; k++) {
    json_t *arr = json_array();
    json_object_set_new(o, names[k], arr);
    if (sqlite3_prepare_v2(db, sub[k], -1, &q, NULL) != SQLITE_OK) { status = 500; break; }
    sqlite3_bind_int64(q, 1, key);
    if (rows_json(q, arr, 10000)) status = 500;
    sqlite3_finalize(q);
  }
  if (status != 200) {
    json_decref(o);
    *body = srv_error("store error: %s", sqlite3_errmsg(db));
    return status;
  }
  *body = o;
  return 200;
}

int srv_api(alq_store *s, const srv_graph *g, const char *path, const srv_params *p, json_t **body) {
  if (!strcmp(path, "/api/timeline")) return api_timeline(s, g, p, body);
  static const struct { const char *name; int (*fn)(alq_store *, const srv_params *, json_t **); } routes[] = {
    {"/api/stats", api_stats}, {"/api/actors", api_actors}, {"/api/graph", api_graph},
{"/api/claims", api_claims}, {"/api/search", api_search},
    {"/api/contradictions", api_contradictions}};
  for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
    if (!strcmp(path, routes[i].name)) return routes[i].fn(s, p, body);
  if (!strncmp(path, "/api/doc/", 9)) return api_doc(s, path + 9, p, body);
  *body = srv_error("no such endpoint (see docs/API.md)");
  return 404;
}
