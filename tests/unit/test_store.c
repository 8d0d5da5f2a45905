/* Unit tests of src/store/ (and the XML exports): a temporary store gets a
 * seed document; adding it again changes nothing; a changed document replaces
 * its rows; a newer or foreign schema is refused; GraphML and GEXF exports are
 * well-formed XML (parsed back with libxml2; test_store_xsd.c validates them
 * against the schemas); a read-only or full store fails cleanly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <sqlite3.h>
#include "export/export.h"
#include "store/store.h"
#include "util/util.h"

#define SEED ALQ_TEST_SHARED "/seeds/001_a7b79aa071d541fa.txt"

typedef struct fx {
  char dir[64], db[96];
  alq_lexicon *lex;
  alq_extractor *ex;
  char *text;
  size_t len;
} fx;

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  if (!f) return -1;
  snprintf(f->dir, sizeof f->dir, "/tmp/alq_store_XXXXXX");
  if (!mkdtemp(f->dir)) return -1;
  snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
  alq_error err = {0};
  if (alq_lexicon_open(&f->lex, ALQ_TEST_DATADIR, &err) || alq_extractor_new(&f->ex, f->lex)) return -1;
  if (alq_read_file(SEED, &f->text, &f->len, 0, &err)) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  char p[160];
  static const char *const sfx[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s%s", f->db, sfx[i]); unlink(p); }
  snprintf(p, sizeof p, "%s/out.xml", f->dir); unlink(p);
  rmdir(f->dir);
  alq_extractor_free(f->ex);
  alq_lexicon_free(f->lex);
  free(f->text);
  free(f);
  return 0;
}

static long long count(const char *db, const char *sql) {
  sqlite3 *h;
  sqlite3_stmt *q;
  long long n = -1;
  assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &q, NULL), SQLITE_OK);
  if (sqlite3_step(q) == SQLITE_ROW) n = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  sqlite3_close(h);
  return n;
}

/* Adds doc as `add` does: skip when unchanged, else extract and store. */
static int add_doc(fx *f, alq_store *s, const alq_doc *d) {
  alq_error err = {0};
  char hash[33];
  alq_store_doc_hash(d, hash);
  int state = alq_store_doc_state(s, d->id, hash, alq_version(), &err);
  assert_true(state >= 0);
  if (state == ALQ_DOC_SAME) return state;
  const alq_result *res;
  assert_int_equal(alq_extract(f->ex, d, &res, &err), 0);
  assert_int_equal(alq_store_begin(s, &err), 0);
  assert_int_equal(alq_store_put(s, d, hash, res, &err), 0);
  assert_int_equal(alq_store_commit(s, &err), 0);
  return state;
}

static void test_add_twice_keeps_counts(void **state) {
  fx *f = *state;
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  alq_doc d = {"seed", f->text, f->len, NULL, NULL};
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_NEW);
  long long claims = count(f->db, "SELECT count(*) FROM claims");
  long long mentions = count(f->db, "SELECT count(*) FROM mentions");
  assert_true(claims > 0);
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_SAME);
  assert_int_equal(count(f->db, "SELECT count(*) FROM claims"), claims);
  assert_int_equal(count(f->db, "SELECT count(*) FROM mentions"), mentions);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents"), 1);
  /* full-text index follows the table */
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'النصرة'"), 1);
  alq_store_close(s);
}

/* Many documents in one transaction: the full-text index takes them in one
 * segment (no statement savepoint per document makes FTS5 write its pending
 * terms out per document), finds each, and passes its integrity check; a
 * replaced document leaves no full-text entry behind. */
static void test_fts_one_segment_per_transaction(void **state) {
  fx *f = *state;
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  assert_int_equal(alq_store_begin(s, &err), 0);
  char id[16], text[160];
  for (int i = 0; i < 40; i++) {
    snprintf(id, sizeof id, "d%02d", i);
    snprintf(text, sizeof text, "اشتباكات بين جبهة النصرة وتنظيم الدولة في ريف حلب كلمة%d", i);
    alq_doc d = {id, text, strlen(text), NULL, i % 2 ? "عنوان الخبر" : NULL};
    char hash[33];
    alq_store_doc_hash(&d, hash);
    const alq_result *res;
    assert_int_equal(alq_extract(f->ex, &d, &res, &err), 0);
    assert_int_equal(alq_store_put(s, &d, hash, res, &err), 0);
  }
  assert_int_equal(alq_store_commit(s, &err), 0);
  assert_int_equal(count(f->db, "SELECT count(DISTINCT segid) FROM documents_fts_idx"), 1);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'النصرة'"), 40);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'كلمة17'"), 1);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'title:عنوان'"), 20);
  /* d17 replaced by another text */
  const char *t2 = "نص آخر تماما";
  alq_doc d = {"d17", t2, strlen(t2), NULL, NULL};
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_CHANGED);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'كلمة17'"), 0);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'تماما'"), 1);
  assert_int_equal(sqlite3_exec(alq_store_db(s), "INSERT INTO documents_fts(documents_fts, rank)"
                                " VALUES ('integrity-check', 1)", NULL, NULL, NULL), SQLITE_OK);
  alq_store_close(s);
}

static void test_changed_doc_replaces(void **state) {
  fx *f = *state;
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  alq_doc d = {"seed", f->text, f->len, NULL, NULL};
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_NEW);
  long long claims = count(f->db, "SELECT count(*) FROM claims");
  /* the same id with only its first sentence (the headline) */
  const char *nl = memchr(f->text, '\n', f->len);
  assert_non_null(nl);
  alq_doc d2 = {"seed", f->text, (size_t)(nl - f->text), NULL, NULL};
  assert_int_equal(add_doc(f, s, &d2), ALQ_DOC_CHANGED);
  long long claims2 = count(f->db, "SELECT count(*) FROM claims");
  assert_true(claims2 < claims);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents"), 1);
  assert_int_equal(count(f->db, "SELECT count(*) FROM claims c LEFT JOIN documents d ON d.key = c.doc"
                                " WHERE d.key IS NULL"), 0);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'المصالحة'"),
                   count(f->db, "SELECT count(*) FROM documents WHERE instr(text, 'المصالحة') > 0"));
  /* a new date alone is a change too */
  alq_doc d3 = {"seed", f->text, (size_t)(nl - f->text), "2014-09-26", NULL};
  assert_int_equal(add_doc(f, s, &d3), ALQ_DOC_CHANGED);
  assert_int_equal(count(f->db, "SELECT count(*) FROM claims WHERE doc_date = '2014-09-26'"),
                   count(f->db, "SELECT count(*) FROM claims"));
  alq_store_close(s);
}

static void test_schema_refusal(void **state) {
  fx *f = *state;
  alq_store *s;
  alq_error err = {0};
  /* reading a missing store fails with a hint */
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_READ, &err), ALQ_EIO);
  assert_non_null(strstr(err.msg, "alaqat add"));
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  alq_store_close(s);
  sqlite3 *h;
  assert_int_equal(sqlite3_open(f->db, &h), SQLITE_OK);
  assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(h);
  memset(&err, 0, sizeof err);
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), ALQ_EFORMAT);
  assert_null(s);
  assert_non_null(strstr(err.msg, "schema version 99"));
  assert_non_null(strstr(err.msg, "upgrade alaqat"));
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_READ, &err), ALQ_EFORMAT);
  /* an SQLite file of another application is not touched */
  char other[128];
  snprintf(other, sizeof other, "%s/other.db", f->dir);
  assert_int_equal(sqlite3_open(other, &h), SQLITE_OK);
  assert_int_equal(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(h);
  assert_int_equal(alq_store_open(&s, other, ALQ_STORE_WRITE, &err), ALQ_EFORMAT);
  assert_non_null(strstr(err.msg, "not an alaqat store"));
  assert_int_equal(count(other, "SELECT count(*) FROM sqlite_schema"), 1);
  unlink(other);
}

static void test_time_bounds(void **state) {
  (void)state;
  char lo[11], hi[11];
  assert_int_equal(alq_time_bounds("2015", lo, hi), 0);
  assert_string_equal(lo, "2015-01-01"); assert_string_equal(hi, "2015-12-31");
  assert_int_equal(alq_time_bounds("2015-06", lo, hi), 0);
  assert_string_equal(lo, "2015-06-01"); assert_string_equal(hi, "2015-06-31");
  assert_int_equal(alq_time_bounds("2013-12/2014-01", lo, hi), 0);
  assert_string_equal(lo, "2013-12-01"); assert_string_equal(hi, "2014-01-31");
  assert_int_equal(alq_time_bounds("2015-06-27", lo, hi), 0);
  assert_string_equal(lo, "2015-06-27"); assert_string_equal(hi, "2015-06-27");
  assert_int_equal(alq_time_bounds("June", lo, hi), -1);
  assert_int_equal(alq_time_bounds("2015-6", lo, hi), -1);
  assert_int_equal(alq_time_bounds("2015-13", lo, hi), -1);
  assert_int_equal(alq_time_bounds("2015-02-00", lo, hi), -1);
  assert_int_equal(alq_time_bounds(NULL, lo, hi), -1);
  assert_string_equal(alq_type_class("rivalry"), "hostile");
  assert_string_equal(alq_type_class("support"), "cooperative");
  assert_string_equal(alq_type_class("affiliation"), "structural");
  assert_null(alq_type_class("friendship"));
}

static void check_xml(fx *f, alq_store *s, alq_export_format fmt, const char *root) {
  char path[128];
  snprintf(path, sizeof path, "%s/out.xml", f->dir);
  FILE *out = fopen(path, "w");
  assert_non_null(out);
  alq_error err = {0};
  assert_int_equal(alq_export(s, fmt, NULL, NULL, out, &err), 0);
  fclose(out);
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  assert_non_null(doc);
  xmlNodePtr r = xmlDocGetRootElement(doc);
  assert_string_equal((const char *)r->name, root);
  int edges = 0;
  /* count <edge> elements anywhere under the root */
  for (xmlNodePtr g = r->children; g; g = g->next)
    for (xmlNodePtr n = g->children; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "edge")) edges++;
      for (xmlNodePtr e = n->children; e; e = e->next)
        if (e->type == XML_ELEMENT_NODE && !strcmp((const char *)e->name, "edge")) edges++;
    }
  assert_int_equal(edges, count(f->db, "SELECT count(*) FROM claims"));
  xmlFreeDoc(doc);
}

static void test_xml_exports_well_formed(void **state) {
  fx *f = *state;
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  /* an invalid byte and a control character must not break the XML */
  char *t = malloc(f->len + 8);
  assert_non_null(t);
  memcpy(t, "\x01\xff ", 3);
  memcpy(t + 3, f->text, f->len);
  alq_doc d = {"seed", t, f->len + 3, NULL, NULL};
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_NEW);
  assert_true(count(f->db, "SELECT count(*) FROM claims") > 0);
  check_xml(f, s, ALQ_EXPORT_GRAPHML, "graphml");
  check_xml(f, s, ALQ_EXPORT_GEXF, "gexf");
  free(t);
  alq_store_close(s);
}

/* A write the database refuses (`PRAGMA query_only`, as a read-only file
 * would) or cannot fit (`PRAGMA max_page_count`: SQLITE_FULL, as a full
 * disk) fails with a message naming the store and the cause; after the
 * rollback the store is intact. */
static void put_fails(fx *f, const char *pragma, const char *cause) {
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  assert_int_equal(sqlite3_exec(alq_store_db(s), pragma, NULL, NULL, NULL), SQLITE_OK);
  /* a big new document: many pages */
  size_t n = f->len * 40;
  char *t = malloc(n);
  assert_non_null(t);
  for (size_t i = 0; i < 40; i++) memcpy(t + i * f->len, f->text, f->len);
  alq_doc d = {"big", t, n, NULL, NULL};
  char hash[33];
  alq_store_doc_hash(&d, hash);
  const alq_result *res;
  assert_int_equal(alq_extract(f->ex, &d, &res, &err), 0);
  int rc = alq_store_begin(s, &err);
  if (!rc) rc = alq_store_put(s, &d, hash, res, &err);
  if (!rc) rc = alq_store_commit(s, &err);
  assert_int_equal(rc, ALQ_EIO);
  assert_string_equal(err.file, f->db);
  if (!strstr(err.msg, cause)) fail_msg("message '%s' lacks '%s'", err.msg, cause);
  alq_store_rollback(s);
  alq_store_close(s);
  free(t);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents WHERE id = 'seed'"), 1);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents WHERE id = 'big'"), 0);
  assert_int_equal(count(f->db, "SELECT count(*) = (SELECT count(*) FROM claims c JOIN documents d"
                                " ON d.key = c.doc) FROM claims"), 1);
  sqlite3 *h;
  sqlite3_stmt *q;
  assert_int_equal(sqlite3_open(f->db, &h), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &q, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(q), SQLITE_ROW);
  assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
  sqlite3_finalize(q);
  sqlite3_close(h);
}

static void test_readonly_and_full(void **state) {
  fx *f = *state;
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  alq_doc d = {"seed", f->text, f->len, NULL, NULL};
  assert_int_equal(add_doc(f, s, &d), ALQ_DOC_NEW);
  alq_store_close(s);
  long long claims = count(f->db, "SELECT count(*) FROM claims");
  put_fails(f, "PRAGMA query_only = 1", "read-only");
  char pragma[64];
  snprintf(pragma, sizeof pragma, "PRAGMA max_page_count = %lld",
           count(f->db, "PRAGMA page_count") + 2);
  put_fails(f, pragma, "disk is full");
  assert_int_equal(count(f->db, "SELECT count(*) FROM claims"), claims);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_add_twice_keeps_counts, setup, teardown),
    cmocka_unit_test_setup_teardown(test_changed_doc_replaces, setup, teardown),
    cmocka_unit_test_setup_teardown(test_fts_one_segment_per_transaction, setup, teardown),
    cmocka_unit_test_setup_teardown(test_schema_refusal, setup, teardown),
    cmocka_unit_test(test_time_bounds),
    cmocka_unit_test_setup_teardown(test_xml_exports_well_formed, setup, teardown),
    cmocka_unit_test_setup_teardown(test_readonly_and_full, setup, teardown),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
