/* Unit tests of the PostgreSQL store (src/store/store_pg.c) against the
 * server in ALQ_TEST_PG (each test in a fresh schema, dropped after; skipped
 * without a server): incremental add, replacement inside one transaction
 * (rows still in the COPY buffers), bytes PostgreSQL refuses, schema checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include "export/export.h"
#include "store/store.h"
#include "store/store_pg.h"
#include "util/util.h"

#define SEED ALQ_TEST_SHARED "/seeds/001_a7b79aa071d541fa.txt"

typedef struct fx {
  char schema[64], url[1024];
  PGconn *c;          /* the test's own connection, for checks */
  alq_lexicon *lex;
  alq_extractor *ex;
  char *text;
  size_t len;
} fx;

static int setup(void **state) {
  const char *base = getenv("ALQ_TEST_PG");
  if (!base || !*base) { *state = NULL; return 0; }
  fx *f = calloc(1, sizeof *f);
  if (!f) return -1;
  f->c = PQconnectdb(base);
  if (PQstatus(f->c) != CONNECTION_OK) {  /* unreachable: the tests skip */
    PQfinish(f->c);
    free(f);
    *state = NULL;
    return 0;
  }
  snprintf(f->schema, sizeof f->schema, "alq_u_%ld", (long)getpid());
  char sql[256];
  snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s; SET search_path = %s",
           f->schema, f->schema, f->schema);
  PQclear(PQexec(f->c, "SET client_min_messages = warning"));
  PGresult *r = PQexec(f->c, sql);
  int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) return -1;
  snprintf(f->url, sizeof f->url, "%s%soptions=-csearch_path%%3D%s", base, strchr(base, '?') ? "&" : "?",
           f->schema);
  alq_error err = {0};
  if (alq_lexicon_open(&f->lex, ALQ_TEST_DATADIR, &err) || alq_extractor_new(&f->ex, f->lex)) return -1;
  if (alq_read_file(SEED, &f->text, &f->len, 0, &err)) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  if (!f) return 0;
  char sql[128];
  snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", f->schema);
  PQclear(PQexec(f->c, sql));
  PQfinish(f->c);
  alq_extractor_free(f->ex);
  alq_lexicon_free(f->lex);
  free(f->text);
  free(f);
  return 0;
}

#define NEED_SERVER(f) do { if (!(f)) { print_message("ALQ_TEST_PG unset or unreachable\n"); skip(); } } while (0)

static long long count(fx *f, const char *sql) {
  PGresult *r = PQexec(f->c, sql);
  assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
  long long n = PQntuples(r) ? atoll(PQgetvalue(r, 0, 0)) : -1;
  PQclear(r);
  return n;
}

static void exec_ok(fx *f, const char *sql) {
  PGresult *r = PQexec(f->c, sql);
  assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
  PQclear(r);
}

/* Stores d as `add` does (inside the caller's transaction). */
static int put_doc(fx *f, alq_store *s, const alq_doc *d) {
  alq_error err = {0};
  char hash[33];
  alq_store_doc_hash(d, hash);
  int state = alq_store_doc_state(s, d->id, hash, alq_version(), &err);
  assert_true(state >= 0);
  if (state == ALQ_DOC_SAME) return state;
  const alq_result *res;
  assert_int_equal(alq_extract(f->ex, d, &res, &err), 0);
  assert_int_equal(alq_store_put(s, d, hash, res, &err), 0);
  return state;
}

static int add_doc(fx *f, alq_store *s, const alq_doc *d) {
  alq_error err = {0};
  assert_int_equal(alq_store_begin(s, &err), 0);
  int state = put_doc(f, s, d);
  assert_int_equal(alq_store_commit(s, &err), 0);
  return state;
}

static void test_redact(void **state) {
  (void)state;
  char out[256];
  alq_pg_redact("postgresql://me:s3cret@db.example:5432/alaqat?sslmode=require", out, sizeof out);
  assert_string_equal(out, "postgresql://me:***@db.example:5432/alaqat?sslmode=require");
  alq_pg_redact("postgres://db/alaqat?user=me&password=s3cret&sslmode=require", out, sizeof out);
  assert_string_equal(out, "postgres://db/alaqat?user=me&password=***&sslmode=require");
  alq_pg_redact("postgresql:///alaqat?host=/tmp/alqpg", out, sizeof out);
  assert_string_equal(out, "postgresql:///alaqat?host=/tmp/alqpg");
  assert_true(alq_store_is_pg_url("postgres://x/y"));
  assert_true(alq_store_is_pg_url("postgresql:///y"));
  assert_false(alq_store_is_pg_url("postgresql.db"));
  assert_false(alq_store_is_pg_url("/tmp/alaqat.db"));
}

static void test_add_twice_keeps_counts(void **state) {
  fx *f = *state;
  NEED_SERVER(f);
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_WRITE, &err), 0);
  assert_int_equal(alq_store_backend(s), ALQ_BACKEND_PG);
  assert_null(alq_store_db(s));
  alq_doc d = {"seed", f->text, f->len, NULL, NULL};
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_NEW);
  long long claims = count(f, "SELECT count(*) FROM claims");
  long long mentions = count(f, "SELECT count(*) FROM mentions");
  assert_true(claims > 0);
  assert_true(mentions > 0);
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_SAME);
  assert_int_equal(count(f, "SELECT count(*) FROM claims"), claims);
  assert_int_equal(count(f, "SELECT count(*) FROM mentions"), mentions);
  assert_int_equal(count(f, "SELECT count(*) FROM documents"), 1);
  assert_int_equal(count(f, "SELECT count(*) FROM documents WHERE fts @@ websearch_to_tsquery('simple', 'النصرة')"), 1);
  /* mention text = the bytes of its span */
  assert_int_equal(count(f, "SELECT count(*) FROM mentions m JOIN documents d ON d.key = m.doc"
                            " WHERE m.text <> convert_from(substring(convert_to(d.text, 'UTF8')"
                            " FROM m.span_start + 1 FOR m.span_end - m.span_start), 'UTF8')"), 0);
  alq_store_close(s);
}

static void test_replace_in_one_transaction(void **state) {
  fx *f = *state;
  NEED_SERVER(f);
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_WRITE, &err), 0);
  alq_doc d = {"seed", f->text, f->len, NULL, NULL};
  const char *nl = memchr(f->text, '\n', f->len);
  assert_non_null(nl);
  alq_doc d2 = {"seed", f->text, (size_t)(nl - f->text), "2014-09-26", NULL};
  /* the same id twice in one chunk: the first one's rows are still in the
     COPY buffers when the second replaces it */
  assert_int_equal(alq_store_begin(s, &err), 0);
  assert_int_equal(put_doc(f, s, &d), ALQ_DOC_NEW);
  alq_doc other = {"other", f->text, f->len, NULL, NULL};
  assert_int_equal(put_doc(f, s, &other), ALQ_DOC_NEW);
  assert_int_equal(put_doc(f, s, &d2), ALQ_DOC_CHANGED);
  assert_int_equal(alq_store_commit(s, &err), 0);
  assert_int_equal(count(f, "SELECT count(*) FROM documents"), 2);
  assert_int_equal(count(f, "SELECT count(*) FROM claims c JOIN documents d ON d.key = c.doc"
                            " WHERE d.id = 'seed' AND c.doc_date <> '2014-09-26'"), 0);
  long long full = count(f, "SELECT count(*) FROM claims c JOIN documents d ON d.key = c.doc WHERE d.id = 'other'");
  long long part = count(f, "SELECT count(*) FROM claims c JOIN documents d ON d.key = c.doc WHERE d.id = 'seed'");
  assert_true(part < full);
  /* a rolled-back chunk leaves nothing */
  alq_doc d3 = {"third", f->text, f->len, NULL, NULL};
  assert_int_equal(alq_store_begin(s, &err), 0);
  assert_int_equal(put_doc(f, s, &d3), ALQ_DOC_NEW);
  alq_store_rollback(s);
  assert_int_equal(count(f, "SELECT count(*) FROM documents WHERE id = 'third'"), 0);
  alq_store_run run = {.seen = 3, .added = 2, .replaced = 1};
  assert_int_equal(alq_store_begin(s, &err), 0);
  assert_int_equal(alq_store_log_run(s, &run, &err), 0);
  assert_int_equal(alq_store_commit(s, &err), 0);
  assert_int_equal(count(f, "SELECT docs_replaced FROM runs"), 1);
  alq_store_close(s);
}

static void test_bytes_postgres_refuses(void **state) {
  fx *f = *state;
  NEED_SERVER(f);
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_WRITE, &err), 0);
  /* NUL, an invalid byte, a truncated sequence, tabs, backslashes and line
     breaks (COPY escapes) before the seed's text */
  static const char pre[] = "\x01\xff\0\\N\t\\\r\n\xd8 ";
  size_t np = sizeof pre - 1;
  char *t = malloc(f->len + np);
  assert_non_null(t);
  memcpy(t, pre, np);
  memcpy(t + np, f->text, f->len);
  alq_doc d = {"odd\\id\t1", t, f->len + np, NULL, "title\\with\ttab"};
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_NEW);
  assert_int_equal(count(f, "SELECT bytes - octet_length(text) FROM documents"), 0);
  assert_int_equal(count(f, "SELECT count(*) FROM documents WHERE id = E'odd\\\\id\\t1' AND title = E'title\\\\with\\ttab'"), 1);
  assert_true(count(f, "SELECT count(*) FROM claims") > 0);
  assert_int_equal(count(f, "SELECT count(*) FROM mentions m JOIN documents d ON d.key = m.doc"
                            " WHERE m.text <> convert_from(substring(convert_to(d.text, 'UTF8')"
                            " FROM m.span_start + 1 FOR m.span_end - m.span_start), 'UTF8')"), 0);
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_SAME);
  /* the XML exports read it back */
  FILE *out = tmpfile();
  assert_non_null(out);
  assert_int_equal(alq_export(s, ALQ_EXPORT_GEXF, NULL, NULL, out, &err), 0);
  assert_true(ftell(out) > 0);
  fclose(out);
  free(t);
  alq_store_close(s);
}

static void test_schema_refusal(void **state) {
  fx *f = *state;
  NEED_SERVER(f);
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_READ, &err), ALQ_EFORMAT);
  assert_non_null(strstr(err.msg, "alaqat add"));
  assert_int_equal(count(f, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), 0);
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_WRITE, &err), 0);
  alq_store_close(s);
  exec_ok(f, "UPDATE alaqat_meta SET value = '99' WHERE key = 'schema_version'");
  memset(&err, 0, sizeof err);
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_WRITE, &err), ALQ_EFORMAT);
  assert_null(s);
  assert_non_null(strstr(err.msg, "store has schema version 99, newer than this alaqat"));
  assert_non_null(strstr(err.msg, "upgrade alaqat"));
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_READ, &err), ALQ_EFORMAT);
  /* a documents table of another application is not touched */
  exec_ok(f, "DROP TABLE alaqat_meta, runs, actors, claims, mentions, signatures, documents");
  exec_ok(f, "CREATE TABLE documents(x int)");
  assert_int_equal(alq_store_open(&s, f->url, ALQ_STORE_WRITE, &err), ALQ_EFORMAT);
  assert_non_null(strstr(err.msg, "not an alaqat store"));
  assert_int_equal(count(f, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_redact),
    cmocka_unit_test_setup_teardown(test_add_twice_keeps_counts, setup, teardown),
    cmocka_unit_test_setup_teardown(test_replace_in_one_transaction, setup, teardown),
    cmocka_unit_test_setup_teardown(test_bytes_postgres_refuses, setup, teardown),
    cmocka_unit_test_setup_teardown(test_schema_refusal, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
