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
#include "store/fts_tok.h"
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
  /* the mentions' rows in the extractor's order (they go in several to a
     statement) */
  const alq_result *res;
  assert_int_equal(alq_extract(f->ex, &d, &res, &err), 0);
  assert_true(res->nmentions > 40);
  assert_int_equal(mentions, (long long)res->nmentions);
  sqlite3 *h;
  sqlite3_stmt *q;
  assert_int_equal(sqlite3_open(f->db, &h), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(h, "SELECT span_start, span_end, type FROM mentions ORDER BY rowid", -1, &q, NULL),
                   SQLITE_OK);
  for (size_t i = 0; i < res->nmentions; i++) {
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(q, 0), res->mentions[i].span[0]);
    assert_int_equal(sqlite3_column_int64(q, 1), res->mentions[i].span[1]);
    assert_string_equal((const char *)sqlite3_column_text(q, 2), res->mentions[i].type);
  }
  assert_int_equal(sqlite3_step(q), SQLITE_DONE);
  sqlite3_finalize(q);
  sqlite3_close(h);
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
 * terms out per document, and its 'hashsize' of 8 MB holds the 40,000
 * distinct terms here, more than the default 1 MB), finds each, and passes
 * its integrity check; a replaced document leaves no full-text entry
 * behind. */
static void test_fts_one_segment_per_transaction(void **state) {
  fx *f = *state;
  alq_store *s;
  alq_error err = {0};
  assert_int_equal(alq_store_open(&s, f->db, ALQ_STORE_WRITE, &err), 0);
  assert_int_equal(alq_store_begin(s, &err), 0);
  char id[16];
  static char text[16000];
  for (int i = 0; i < 40; i++) {
    snprintf(id, sizeof id, "d%02d", i);
    int n = snprintf(text, sizeof text, "اشتباكات بين جبهة النصرة وتنظيم الدولة في ريف حلب كلمة%d", i);
    for (int w = 0; w < 1000; w++) n += snprintf(text + n, sizeof text - (size_t)n, " t%dw%d", i, w);
    alq_doc d = {id, text, strlen(text), NULL, i % 2 ? "عنوان الخبر" : NULL};
    char hash[33];
    alq_store_doc_hash(&d, hash);
    const alq_result *res;
    assert_int_equal(alq_extract(f->ex, &d, &res, &err), 0);
    assert_int_equal(alq_store_put(s, &d, hash, res, &err), 0);
  }
  assert_int_equal(alq_store_commit(s, &err), 0);
  assert_int_equal(count(f->db, "SELECT count(DISTINCT segid) FROM documents_fts_idx"), 1);
  assert_int_equal(count(f->db, "SELECT v FROM documents_fts_config WHERE k = 'hashsize'"), 8388608);
  assert_int_equal(count(f->db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 't17w999'"), 1);
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

/* The writer's stand-in for unicode61 (fts_tok.c) makes exactly SQLite's
 * index: two in-memory databases, one with the stand-in, index the same
 * texts (every code point of the BMP between letters and spaces, Arabic
 * with diacritics and tatweel, Latin with combining marks, digits, and texts
 * the stand-in leaves to SQLite: invalid UTF-8, a code point outside the
 * BMP); their FTS5 shadow tables are byte-identical, and the stand-in did
 * tokenize the texts it can. */
static void fts_fill(sqlite3 *h, const char *const *texts, const size_t *lens, size_t n) {
  assert_int_equal(sqlite3_exec(h, "CREATE VIRTUAL TABLE f USING fts5(title, text,"
                                   " tokenize='unicode61 remove_diacritics 2');"
                                   " CREATE VIRTUAL TABLE q USING fts5(text, tokenize='unicode61');"
                                   " BEGIN", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_stmt *q, *q2;
  assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO f(rowid, title, text) VALUES (?1, ?2, ?3)", -1, &q, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO q(rowid, text) VALUES (?1, ?2)", -1, &q2, NULL), SQLITE_OK);
  for (size_t i = 0; i < n; i++) {
    sqlite3_bind_int64(q, 1, (sqlite3_int64)i + 1);
    sqlite3_bind_text(q, 2, texts[(i + 1) % n], (int)lens[(i + 1) % n], SQLITE_STATIC);
    sqlite3_bind_text(q, 3, texts[i], (int)lens[i], SQLITE_STATIC);
    assert_int_equal(sqlite3_step(q), SQLITE_DONE);
    sqlite3_reset(q);
    sqlite3_bind_int64(q2, 1, (sqlite3_int64)i + 1);
    sqlite3_bind_text(q2, 2, texts[i], (int)lens[i], SQLITE_STATIC);
    assert_int_equal(sqlite3_step(q2), SQLITE_DONE);
    sqlite3_reset(q2);
  }
  sqlite3_finalize(q);
  sqlite3_finalize(q2);
  assert_int_equal(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
}

static void shadow(sqlite3 *h, const char *sql, char **out, size_t *n) {
  sqlite3_stmt *q;
  assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &q, NULL), SQLITE_OK);
  size_t cap = 1 << 16, len = 0;
  char *b = malloc(cap);
  assert_non_null(b);
  while (sqlite3_step(q) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count(q); c++) {
      const void *v = sqlite3_column_blob(q, c);
      size_t k = (size_t)sqlite3_column_bytes(q, c);
      while (len + k + 8 > cap) { cap *= 2; b = realloc(b, cap); assert_non_null(b); }
      memcpy(b + len, &k, sizeof k); len += sizeof k;
      if (k) memcpy(b + len, v, k);
      len += k;
    }
  sqlite3_finalize(q);
  *out = b;
  *n = len;
}

static void test_fast_tokenizer_same_index(void **state) {
  (void)state;
  enum { NT = 12 };
  char *texts[NT];
  size_t lens[NT];
  /* every BMP code point but NUL, surrogates, U+FFFE/F: "a<c> <c>b <c>," in
     four texts */
  for (int part = 0; part < 4; part++) {
    size_t cap = 0x4000 * 16, n = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (uint32_t c = 1 + (uint32_t)part * 0x4000; c < (uint32_t)(part + 1) * 0x4000 && c < 0xfffe; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      char u[4];
      int k = c < 0x80 ? (u[0] = (char)c, 1)
            : c < 0x800 ? (u[0] = (char)(0xc0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3f)), 2)
            : (u[0] = (char)(0xe0 | c >> 12), u[1] = (char)(0x80 | (c >> 6 & 0x3f)), u[2] = (char)(0x80 | (c & 0x3f)), 3);
      t[n++] = 'a'; memcpy(t + n, u, (size_t)k); n += (size_t)k; t[n++] = ' ';
      memcpy(t + n, u, (size_t)k); n += (size_t)k; t[n++] = 'b'; t[n++] = ' ';
      memcpy(t + n, u, (size_t)k); n += (size_t)k; t[n++] = ',';
    }
    texts[part] = t;
    lens[part] = n;
  }
  static const char *const fixed[NT - 4] = {
    "قَالَ المُتَحَدِّثُ باسْمِ جَبْهَةِ النُّصْرَةِ إنَّ الاشتباكاتِ مستمرةٌ مع تنظيم الدولـــة في 2015",
    "Cafe\xcc\x81 CAFÉ café naïve Ω Straße İstanbul ǅ ﬁ ① ٣٤٥ ۱۲ x\xcc\xa7y",
    "\xd9\x80\xd9\x8b\xd9\x8c word\xd9\x8bword \xcc\x81start, mid\xcc\x81" "dle",
    "   ", "",
    "invalid \xff\xfe bytes \xc3 here \xed\xa0\x80 surrogate",
    "outside the BMP: \xf0\x9f\x98\x80" " emoji \xf0\x90\x8c\xb0" " gothic",
    "a\xef\xbf\xbe b\xef\xbf\xbf c"};
  for (int i = 4; i < NT; i++) { texts[i] = strdup(fixed[i - 4]); lens[i] = strlen(fixed[i - 4]); }
  sqlite3 *plain, *fast;
  assert_int_equal(sqlite3_open(":memory:", &plain), SQLITE_OK);
  assert_int_equal(sqlite3_open(":memory:", &fast), SQLITE_OK);
  assert_int_equal(alq_fts_fast_tokenizer(fast), 0);
  size_t before = alq_fts_fast_texts();
  fts_fill(plain, (const char *const *)texts, lens, NT);
  assert_int_equal(alq_fts_fast_texts(), before);
  fts_fill(fast, (const char *const *)texts, lens, NT);
  /* texts and titles it can vouch for: all but the three with invalid
     UTF-8, a code point outside the BMP or U+FFFE/F (as text and as the
     next one's title); the unicode61 table without arguments is SQLite's */
  assert_int_equal(alq_fts_fast_texts() - before, 2 * (NT - 3));
  static const char *const tables[] = {"SELECT id, block FROM f_data ORDER BY id",
                                       "SELECT * FROM f_idx ORDER BY segid, term, pgno",
                                       "SELECT * FROM f_docsize ORDER BY id",
                                       "SELECT id, block FROM q_data ORDER BY id"};
  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
    char *a, *b;
    size_t na, nb;
    shadow(plain, tables[t], &a, &na);
    shadow(fast, tables[t], &b, &nb);
    assert_true(na > 16);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    free(a);
    free(b);
  }
  /* queries on the stand-in's connection are SQLite's */
  sqlite3_stmt *q;
  assert_int_equal(sqlite3_prepare_v2(fast, "SELECT count(*) FROM f WHERE f MATCH 'تنظيم'", -1, &q, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(q), SQLITE_ROW);
  assert_int_equal(sqlite3_column_int(q, 0), 2);   /* a text and the next row's title */
  sqlite3_finalize(q);
  sqlite3_close(plain);
  sqlite3_close(fast);
  for (int i = 0; i < NT; i++) free(texts[i]);
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
  /* nothing of the old rows is left (the writer deletes them itself, it does
     not rely on foreign keys) */
  assert_int_equal(count(f->db, "SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.key = m.doc"
                                " WHERE d.key IS NULL"), 0);
  assert_int_equal(count(f->db, "SELECT count(*) FROM signatures g LEFT JOIN documents d ON d.key = g.doc"
                                " WHERE d.key IS NULL"), 0);
  assert_int_equal(count(f->db, "SELECT count(*) FROM signatures"), 1);
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
    cmocka_unit_test(test_fast_tokenizer_same_index),
    cmocka_unit_test_setup_teardown(test_schema_refusal, setup, teardown),
    cmocka_unit_test(test_time_bounds),
    cmocka_unit_test_setup_teardown(test_xml_exports_well_formed, setup, teardown),
    cmocka_unit_test_setup_teardown(test_readonly_and_full, setup, teardown),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return rc;
}
