/* Unit tests of the schema-3 indexes (SQLite): on a store with a busy pair
 * (ties on dates, undated claims, document ids out of key order, a missing
 * document date), alq_timeline and every page of alq_timeline_page_sql equal
 * the schema-2 query (a full sort joined with the documents), and their
 * query plans walk claims_timeline without sorting the pair; one actor's
 * claims (alq_claims_sql) page by page equal an OR filter sorted in full,
 * with a merge of the claims_lo/claims_hi walks; a schema-2 store is
 * migrated on open (doc_id filled, indexes made, same answers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "analyze/analyze.h"
#include "store/store.h"
#include "util/util.h"

typedef struct fx {
  char dir[64], db[96];
} fx;

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  if (!f) return -1;
  snprintf(f->dir, sizeof f->dir, "/tmp/alq_index_XXXXXX");
  if (!mkdtemp(f->dir)) return -1;
  snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  char p[160];
  static const char *const sfx[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s%s", f->db, sfx[i]); unlink(p); }
  rmdir(f->dir);
  free(f);
  return 0;
}

static void exec_ok(sqlite3 *h, const char *sql) {
  char *msg = NULL;
  int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK) fprintf(stderr, "%s: %s\n", sql, msg ? msg : "?");
  sqlite3_free(msg);
  assert_int_equal(rc, SQLITE_OK);
}

enum { NDOCS = 400, BUSY = 3000, OTHER = 1500 };

/* A store (schema 3, made by alq_store_open) filled with made-up rows:
 * NDOCS documents whose ids are not in key order, BUSY claims of the pair
 * alpha-beta (both orders of a/b), OTHER claims of alpha or beta with
 * others. Dates repeat a lot; every 9th claim is undated; one document has
 * no date. */
static void fill(const char *db) {
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, db, ALQ_STORE_WRITE, &err), 0);
  sqlite3 *h = alq_store_db(s);
  exec_ok(h, "BEGIN");
  sqlite3_stmt *qd, *qc;
  assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO documents(key, id, hash, date, text, bytes, extractor,"
                                         " added) VALUES (?1, ?2, 'h', ?3, 'text', 4, 'test', 'now')",
                                      -1, &qd, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO claims(doc, span_start, span_end, a, b, pair_lo, pair_hi,"
                                         " type, class, polarity, modality, doc_date, t_lo, t_hi, evidence, doc_id)"
                                         " VALUES (?1, ?2, ?2 + 5, ?3, ?4, min(?3, ?4), max(?3, ?4), ?5, 'x',"
                                         " 'affirmed', 'asserted', ?6, ?7, ?8, 'ev', ?9)", -1, &qc, NULL),
                   SQLITE_OK);
  char ids[NDOCS][16], dates[NDOCS][11];
  unsigned r = 12345;
  for (int i = 0; i < NDOCS; i++) {
    r = r * 1103515245u + 12345u;
    snprintf(ids[i], sizeof ids[i], "d%04u", (r >> 8) % 9000);  /* not in key order */
    snprintf(ids[i] + 5, sizeof ids[i] - 5, "-%d", i);
    snprintf(dates[i], sizeof dates[i], "2015-0%d-1%d", 1 + (int)((r >> 4) % 3), (int)((r >> 12) % 3));
    sqlite3_reset(qd);
    sqlite3_bind_int(qd, 1, i + 1);
    sqlite3_bind_text(qd, 2, ids[i], -1, SQLITE_STATIC);
    if (i == 7) sqlite3_bind_null(qd, 3);
    else sqlite3_bind_text(qd, 3, dates[i], -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(qd), SQLITE_DONE);
  }
  static const char *const others[] = {"aardvark", "gamma", "zeta"};
  static const char *const types[] = {"conflict", "alliance", "support"};
  for (int i = 0; i < BUSY + OTHER; i++) {
    r = r * 1103515245u + 12345u;
    int d = (int)((r >> 8) % NDOCS);
    const char *x = "alpha", *y = "beta";
    if (i >= BUSY) {
      x = (r >> 3) & 1 ? "alpha" : "beta";
      y = others[(r >> 5) % 3];
    }
    if ((r >> 7) & 1) { const char *t = x; x = y; y = t; }
    char lo[11], hi[11];
    int undated = i % 9 == 4 || d == 7;
    snprintf(lo, sizeof lo, "2014-0%d-0%d", 1 + (int)((r >> 11) % 4), 1 + (int)((r >> 14) % 3));
    snprintf(hi, sizeof hi, "%.8s%02d", lo, 1 + (int)((r >> 17) % 2) * 20);
    sqlite3_reset(qc);
    sqlite3_bind_int(qc, 1, d + 1);
    sqlite3_bind_int(qc, 2, (int)((r >> 19) % 4) * 10);
    sqlite3_bind_text(qc, 3, x, -1, SQLITE_STATIC);
    sqlite3_bind_text(qc, 4, y, -1, SQLITE_STATIC);
    sqlite3_bind_text(qc, 5, types[(r >> 21) % 3], -1, SQLITE_STATIC);
    if (d == 7) sqlite3_bind_null(qc, 6);
    else sqlite3_bind_text(qc, 6, dates[d], -1, SQLITE_STATIC);
    if (undated) { sqlite3_bind_null(qc, 7); sqlite3_bind_null(qc, 8); }
    else { sqlite3_bind_text(qc, 7, lo, -1, SQLITE_TRANSIENT); sqlite3_bind_text(qc, 8, hi, -1, SQLITE_TRANSIENT); }
    sqlite3_bind_text(qc, 9, ids[d], -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(qc), SQLITE_DONE);
  }
  sqlite3_finalize(qd);
  sqlite3_finalize(qc);
  exec_ok(h, "COMMIT");
  alq_store_close(s);
}

/* Rows of a query as one string per row ("doc|span_start|when|..."). */
typedef struct rows { char **v; size_t n, cap; } rows;

static void rows_add(rows *r, const char *line) {
  if (r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 256;
    r->v = realloc(r->v, r->cap * sizeof *r->v);
    assert_non_null(r->v);
  }
  r->v[r->n++] = strdup(line);
}

static void rows_free(rows *r) {
  for (size_t i = 0; i < r->n; i++) free(r->v[i]);
  free(r->v);
  memset(r, 0, sizeof *r);
}

static void line_of(sqlite3_stmt *q, char *out, size_t cap) {
  size_t n = 0;
  out[0] = 0;
  for (int i = 0; i < sqlite3_column_count(q) && n + 1 < cap; i++) {
    const char *v = (const char *)sqlite3_column_text(q, i);
    n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? "|" : "", v ? v : "NULL");
  }
}

/* Runs sql with text binds (NULL = unbound) and integer binds ?3/?4 or
 * ?11/?12 as given; appends its rows. */
static void run(sqlite3 *h, const char *sql, const char *const *binds, int nb, int li, long long limit,
                long long offset, rows *out) {
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) != SQLITE_OK) fprintf(stderr, "%s\n", sqlite3_errmsg(h));
  assert_non_null(q);
  for (int i = 0; i < nb; i++)
    if (binds[i]) sqlite3_bind_text(q, i + 1, binds[i], -1, SQLITE_STATIC);
  if (li) {
    sqlite3_bind_int64(q, li, limit);
    sqlite3_bind_int64(q, li + 1, offset);
  }
  char line[512];
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) { line_of(q, line, sizeof line); rows_add(out, line); }
  assert_int_equal(rc, SQLITE_DONE);
  sqlite3_finalize(q);
}

/* The query plan as one string, steps separated by ';'. */
static void plan(sqlite3 *h, const char *sql, char *out, size_t cap) {
  char e[4096];
  snprintf(e, sizeof e, "EXPLAIN QUERY PLAN %s", sql);
  sqlite3_stmt *q;
  assert_int_equal(sqlite3_prepare_v2(h, e, -1, &q, NULL), SQLITE_OK);
  size_t n = 0;
  out[0] = 0;
  while (sqlite3_step(q) == SQLITE_ROW && n + 1 < cap)
    n += (size_t)snprintf(out + n, cap - n, "%s;", (const char *)sqlite3_column_text(q, 3));
  sqlite3_finalize(q);
}

/* The page's keys are found without sorting: the only temporary b-tree
 * comes after the page is chosen ("SCAN pg" and later: ordering the page's
 * own rows). */
static void assert_walk(const char *p, const char *index) {
  const char *scan = strstr(p, "SCAN pg");
  assert_non_null(scan);
  const char *tmp = strstr(p, "TEMP B-TREE");
  if (tmp && tmp < scan) fail_msg("the page's keys are sorted: %s", p);
  if (!strstr(p, index)) fail_msg("%s not used: %s", index, p);
}

/* The schema-2 timeline: a full sort joined with the documents. */
static const char old_timeline[] =
  "SELECT c.time AS \"when\", c.doc_date AS doc_date, c.type AS type, c.class AS class,"
  " c.polarity AS polarity, c.modality AS modality, c.source AS source,"
  " c.source_kind AS source_kind, c.place AS \"where\", c.via AS via, c.a AS a, c.b AS b,"
  " d.id AS doc, c.span_start AS span_start, c.span_end AS span_end, c.evidence AS evidence"
  " FROM claims c JOIN documents d ON d.key = c.doc"
  " WHERE c.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)"
  " ORDER BY c.t_lo IS NULL, c.t_lo, c.t_hi, d.date, d.id, c.span_start, c.key";

static int collect(const alq_row *row, void *payload) {
  char line[512];
  size_t n = 0;
  for (size_t i = 0; i < row->n && n + 1 < sizeof line; i++)
    n += (size_t)snprintf(line + n, sizeof line - n, "%s%s", i ? "|" : "", row->vals[i] ? row->vals[i] : "NULL");
  rows_add(payload, line);
  return 0;
}

static void assert_same(const rows *a, const rows *b, const char *what) {
  if (a->n != b->n) fail_msg("%s: %zu rows, want %zu", what, a->n, b->n);
  for (size_t i = 0; i < a->n; i++)
    if (strcmp(a->v[i], b->v[i])) fail_msg("%s: row %zu: %s, want %s", what, i, a->v[i], b->v[i]);
}

/* The timeline through the store (alq_timeline) and page by page
 * (alq_timeline_page_sql) equals the old full sort. */
static void check_timeline(const char *db) {
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, db, ALQ_STORE_READ, &err), 0);
  sqlite3 *h = alq_store_db(s);
  const char *binds[2] = {"beta", "alpha"};
  rows want = {0}, got = {0}, pages = {0};
  run(h, old_timeline, binds, 2, 0, 0, 0, &want);
  assert_int_equal(want.n, BUSY);
  assert_int_equal(alq_timeline(s, "beta", "alpha", collect, &got, &err), 0);
  assert_same(&got, &want, "alq_timeline");
  for (long long off = 0; off < BUSY; off += 37) run(h, alq_timeline_page_sql, binds, 2, 3, 37, off, &pages);
  assert_same(&pages, &want, "timeline pages of 37");
  rows deep = {0};
  run(h, alq_timeline_page_sql, binds, 2, 3, 100, BUSY - 5, &deep);
  assert_int_equal(deep.n, 5);
  for (int i = 0; i < 5; i++) assert_string_equal(deep.v[i], want.v[BUSY - 5 + i]);
  /* counted from the end: OFFSET rows before the last, in timeline order */
  for (long long off = 0; off < BUSY; off += 41) {
    rows back = {0};
    long long lim = off + 41 <= BUSY ? 41 : BUSY - off;
    run(h, alq_timeline_page_sql_from_end, binds, 2, 3, lim, off, &back);
    assert_int_equal((long long)back.n, lim);
    for (long long i = 0; i < lim; i++) assert_string_equal(back.v[i], want.v[BUSY - off - lim + i]);
    rows_free(&back);
  }
  char p[2048];
  plan(h, alq_timeline_page_sql, p, sizeof p);
  assert_walk(p, "COVERING INDEX claims_timeline");
  plan(h, alq_timeline_page_sql_from_end, p, sizeof p);
  assert_walk(p, "COVERING INDEX claims_timeline");
  /* the whole timeline's order is the index's: nothing sorted at all */
  static const char full[] = "SELECT c.key FROM claims c JOIN documents d ON d.key = c.doc"
                             " WHERE c.pair_lo = min(?1, ?2) AND c.pair_hi = max(?1, ?2)"
                             " ORDER BY " ALQ_TIMELINE_ORDER;
  plan(h, full, p, sizeof p);
  if (strstr(p, "TEMP B-TREE") || !strstr(p, "claims_timeline")) fail_msg("timeline plan: %s", p);
  rows_free(&want); rows_free(&got); rows_free(&pages); rows_free(&deep);
  alq_store_close(s);
}

static void test_timeline_pages_equal_full_sort(void **state) {
  fx *f = *state;
  fill(f->db);
  check_timeline(f->db);
}

/* One actor (and one actor + type), page by page, against an OR filter
 * sorted in full; the count; the plan merges two index walks. */
static void test_one_actor_claims(void **state) {
  fx *f = *state;
  fill(f->db);
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_READ, &err), 0);
  sqlite3 *h = alq_store_db(s);
  static const char cols[] = "c.key AS id, d.id AS doc, c.a AS a, c.b AS b, c.type AS type, c.t_lo AS t_lo";
  for (int typed = 0; typed < 2; typed++) {
    for (int side = 0; side < 2; side++) {
      unsigned flags = (side ? ALQ_CF_B : ALQ_CF_A) | (typed ? ALQ_CF_TYPE : 0);
      char sql[4096], csql[2048], old[1024];
      assert_int_equal(alq_claims_sql(flags, cols, sql, sizeof sql, csql, sizeof csql), 0);
      snprintf(old, sizeof old, "SELECT %s FROM claims c JOIN documents d ON d.key = c.doc"
               " WHERE (c.pair_lo = %s OR c.pair_hi = %s)%s ORDER BY c.t_lo IS NULL, c.t_lo, c.key",
               cols, side ? "?2" : "?1", side ? "?2" : "?1", typed ? " AND c.type = ?3" : "");
      const char *binds[3] = {side ? NULL : "alpha", side ? "alpha" : NULL, typed ? "conflict" : NULL};
      rows want = {0}, pages = {0}, n = {0};
      run(h, old, binds, 3, 0, 0, 0, &want);
      assert_true(want.n > (typed ? 1000u : 3000u));
      for (long long off = 0; off < (long long)want.n; off += 101) run(h, sql, binds, 3, 11, 101, off, &pages);
      assert_same(&pages, &want, typed ? "one actor + type, pages of 101" : "one actor, pages of 101");
      run(h, csql, binds, 3, 0, 0, 0, &n);
      char total[24];
      snprintf(total, sizeof total, "%zu", want.n);
      assert_int_equal(n.n, 1);
      assert_string_equal(n.v[0], total);
      char p[2048];
      plan(h, sql, p, sizeof p);
      assert_walk(p, "MERGE");
      if (!strstr(p, "claims_lo") || !strstr(p, "claims_hi")) fail_msg("one-actor plan: %s", p);
      plan(h, csql, p, sizeof p);
      if (!strstr(p, "COVERING INDEX claims_lo") || !strstr(p, "COVERING INDEX claims_hi"))
        fail_msg("one-actor count reads table rows: %s", p);
      rows_free(&want); rows_free(&pages); rows_free(&n);
    }
  }
  /* both actors: the pair */
  char sql[4096], csql[2048];
  assert_int_equal(alq_claims_sql(ALQ_CF_A | ALQ_CF_B, cols, sql, sizeof sql, csql, sizeof csql), 0);
  const char *binds[2] = {"beta", "alpha"};
  rows n = {0};
  run(h, csql, binds, 2, 0, 0, 0, &n);
  assert_string_equal(n.v[0], "3000");
  rows_free(&n);
  alq_store_close(s);
}

/* A schema-2 store (no claims.doc_id, claims_pair; no signatures, the
 * documents_ai trigger) is migrated on open, even by a reader: version 4,
 * doc_id = the document's id, the new indexes, the same timeline, every
 * document's signature, no insert trigger, the full-text 'hashsize'. */
static void test_migration_2_4(void **state) {
  fx *f = *state;
  fill(f->db);
  sqlite3 *h;
  assert_int_equal(sqlite3_open(f->db, &h), SQLITE_OK);
  exec_ok(h, "DROP INDEX claims_timeline; DROP INDEX claims_lo; DROP INDEX claims_hi;"
             " ALTER TABLE claims DROP COLUMN doc_id;"
             " CREATE INDEX claims_pair ON claims(pair_lo, pair_hi, t_lo); DROP TABLE signatures;"
             " DROP INDEX documents_copies;"
             " CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN"
             " INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text); END;"
             " PRAGMA user_version = 2;");
  sqlite3_close(h);
  check_timeline(f->db);   /* opens it for reading: migrates */
  assert_int_equal(sqlite3_open(f->db, &h), SQLITE_OK);
  rows r = {0};
  run(h, "PRAGMA user_version", NULL, 0, 0, 0, 0, &r);
  run(h, "SELECT count(*) FROM claims c JOIN documents d ON d.key = c.doc WHERE c.doc_id IS d.id", NULL, 0, 0, 0, 0, &r);
  run(h, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'index'"
         " AND tbl_name = 'claims' ORDER BY name)", NULL, 0, 0, 0, 0, &r);
  run(h, "SELECT count(*) FROM signatures g JOIN documents d ON d.key = g.doc", NULL, 0, 0, 0, 0, &r);
  run(h, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'documents_ai'", NULL, 0, 0, 0, 0, &r);
  run(h, "SELECT v FROM documents_fts_config WHERE k = 'hashsize'", NULL, 0, 0, 0, 0, &r);
  /* the stored copies are read from their partial index, not the rows */
  char eqp[256];
  snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", alq_store_copies_sql);
  run(h, eqp, NULL, 0, 0, 0, 0, &r);
  assert_string_equal(r.v[0], "4");
  char all[24];
  snprintf(all, sizeof all, "%d", BUSY + OTHER);
  assert_string_equal(r.v[1], all);
  assert_string_equal(r.v[2], "claims_doc,claims_hi,claims_lo,claims_t,claims_timeline");
  char nd[24];
  snprintf(nd, sizeof nd, "%d", NDOCS);
  assert_string_equal(r.v[3], nd);
  assert_string_equal(r.v[4], "0");
  assert_string_equal(r.v[5], "8388608");
  if (!strstr(r.v[6], "COVERING INDEX documents_copies")) fail_msg("copies plan: %s", r.v[6]);
  rows_free(&r);
  sqlite3_close(h);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_timeline_pages_equal_full_sort, setup, teardown),
    cmocka_unit_test_setup_teardown(test_one_actor_claims, setup, teardown),
    cmocka_unit_test_setup_teardown(test_migration_2_4, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
