/* The XML exports checked against the GraphML and GEXF 1.3 schemas
 * (tests/data/xsd/: faithful subsets of the official XSDs, see their header
 * comments) with libxml2's xmlSchemaValidateDoc: a store of the five seeds
 * plus a document with invalid bytes, exported whole and over a date range;
 * and deliberately broken documents (a required attribute missing, an edge
 * to a node that does not exist, a value of the wrong type, an unknown
 * element) must fail validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include "export/export.h"
#include "store/store.h"
#include "util/util.h"

#define XSD_DIR ALQ_TEST_SRCDIR "/tests/data/xsd"

typedef struct fx {
  char dir[64], db[96], out[96];
  alq_store *s;
  xmlSchemaPtr graphml, gexf;
} fx;

static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static xmlSchemaPtr load_schema(const char *path) {
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
  if (!pc) return NULL;
  xmlSchemaPtr sc = xmlSchemaParse(pc);
  xmlSchemaFreeParserCtxt(pc);
  return sc;
}

/* 0 = valid; > 0 invalid; < 0 internal error */
static int validate(xmlSchemaPtr sc, xmlDocPtr doc) {
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(sc);
  assert_non_null(vc);
  if (getenv("ALQ_TEST_VERBOSE") == NULL) xmlSchemaSetValidErrors(vc, quiet, quiet, NULL);
  int rc = xmlSchemaValidateDoc(vc, doc);
  xmlSchemaFreeValidCtxt(vc);
  return rc;
}

static void add_doc(alq_store *s, alq_extractor *ex, const alq_doc *d) {
  alq_error err = {0};
  char hash[33];
  alq_store_doc_hash(d, hash);
  const alq_result *res;
  assert_int_equal(alq_extract(ex, d, &res, &err), 0);
  assert_int_equal(alq_store_put(s, d, hash, res, &err), 0);
}

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  if (!f) return -1;
  snprintf(f->dir, sizeof f->dir, "/tmp/alq_xsd_XXXXXX");
  if (!mkdtemp(f->dir)) return -1;
  snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
  snprintf(f->out, sizeof f->out, "%s/out.xml", f->dir);
  alq_error err = {0};
  alq_lexicon *lex = NULL;
  alq_extractor *ex = NULL;
  if (alq_lexicon_open(&lex, ALQ_TEST_DATADIR, &err) || alq_extractor_new(&ex, lex)) return -1;
  if (alq_store_open(&f->s, f->db, ALQ_STORE_WRITE, &err) || alq_store_begin(f->s, &err) ||
      alq_store_sync_actors(f->s, lex, &err))
    return -1;
  DIR *dir = opendir(ALQ_TEST_SHARED "/seeds");
  if (!dir) return -1;
  struct dirent *e;
  int n = 0;
  while ((e = readdir(dir))) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".txt")) continue;
    char path[512], id[256];
    snprintf(path, sizeof path, "%s/seeds/%s", ALQ_TEST_SHARED, e->d_name);
    snprintf(id, sizeof id, "%.*s", (int)(len - 4), e->d_name);
    char *text;
    size_t tl;
    if (alq_read_file(path, &text, &tl, 0, &err)) return -1;
    alq_doc d = {id, text, tl, NULL, NULL};
    add_doc(f->s, ex, &d);
    if (n++ == 0) {
      /* invalid bytes and control characters must not break the XML */
      char *t = malloc(tl + 4);
      if (!t) return -1;
      memcpy(t, "\x01\xff\x1b ", 4);
      memcpy(t + 4, text, tl);
      alq_doc d2 = {"odd bytes & <marks>", t, tl + 4, NULL, NULL};
      add_doc(f->s, ex, &d2);
      free(t);
    }
    free(text);
  }
  closedir(dir);
  if (n < 5 || alq_store_commit(f->s, &err)) return -1;
  alq_extractor_free(ex);
  alq_lexicon_free(lex);
  f->graphml = load_schema(XSD_DIR "/graphml.xsd");
  f->gexf = load_schema(XSD_DIR "/gexf.xsd");
  if (!f->graphml || !f->gexf) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  alq_store_close(f->s);
  char p[160];
  static const char *const sfx[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s%s", f->db, sfx[i]); unlink(p); }
  unlink(f->out);
  rmdir(f->dir);
  xmlSchemaFree(f->graphml);
  xmlSchemaFree(f->gexf);
  free(f);
  return 0;
}

static xmlDocPtr export_doc(fx *f, alq_export_format fmt, const char *from, const char *to) {
  FILE *out = fopen(f->out, "w");
  assert_non_null(out);
  alq_error err = {0};
  assert_int_equal(alq_export(f->s, fmt, from, to, out, &err), 0);
  fclose(out);
  xmlDocPtr doc = xmlReadFile(f->out, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  assert_non_null(doc);
  return doc;
}

/* The first element named `name` (depth first), or NULL. */
static xmlNodePtr find(xmlNodePtr n, const char *name) {
  for (; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name)) return n;
    xmlNodePtr c = find(n->children, name);
    if (c) return c;
  }
  return NULL;
}

static int count_elems(xmlNodePtr n, const char *name) {
  int k = 0;
  for (; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name)) k++;
    k += count_elems(n->children, name);
  }
  return k;
}

static void test_graphml_valid(void **state) {
  fx *f = *state;
  xmlDocPtr doc = export_doc(f, ALQ_EXPORT_GRAPHML, NULL, NULL);
  assert_true(count_elems(xmlDocGetRootElement(doc), "edge") > 10);
  assert_int_equal(validate(f->graphml, doc), 0);
  xmlFreeDoc(doc);
  doc = export_doc(f, ALQ_EXPORT_GRAPHML, "2014", "2015-06");
  assert_int_equal(validate(f->graphml, doc), 0);
  xmlFreeDoc(doc);
}

static void test_gexf_valid(void **state) {
  fx *f = *state;
  xmlDocPtr doc = export_doc(f, ALQ_EXPORT_GEXF, NULL, NULL);
  assert_true(count_elems(xmlDocGetRootElement(doc), "edge") > 10);
  assert_int_equal(validate(f->gexf, doc), 0);
  xmlFreeDoc(doc);
  doc = export_doc(f, ALQ_EXPORT_GEXF, "2014", "2015-06");
  assert_int_equal(validate(f->gexf, doc), 0);
  xmlFreeDoc(doc);
}

static void test_graphml_broken_fails(void **state) {
  fx *f = *state;
  /* the graph's required edgedefault removed */
  xmlDocPtr doc = export_doc(f, ALQ_EXPORT_GRAPHML, NULL, NULL);
  xmlNodePtr g = find(xmlDocGetRootElement(doc), "graph");
  assert_non_null(g);
  assert_int_equal(xmlUnsetProp(g, BAD_CAST "edgedefault"), 0);
  assert_true(validate(f->graphml, doc) > 0);
  xmlFreeDoc(doc);
  /* an edge to a node that does not exist (keyref) */
  doc = export_doc(f, ALQ_EXPORT_GRAPHML, NULL, NULL);
  xmlNodePtr e = find(xmlDocGetRootElement(doc), "edge");
  assert_non_null(e);
  xmlSetProp(e, BAD_CAST "target", BAD_CAST "no-such-node");
  assert_true(validate(f->graphml, doc) > 0);
  xmlFreeDoc(doc);
  /* a data element naming an undeclared key */
  doc = export_doc(f, ALQ_EXPORT_GRAPHML, NULL, NULL);
  xmlNodePtr d = find(xmlDocGetRootElement(doc), "data");
  assert_non_null(d);
  xmlSetProp(d, BAD_CAST "key", BAD_CAST "e_nonesuch");
  assert_true(validate(f->graphml, doc) > 0);
  xmlFreeDoc(doc);
  /* a key of a type GraphML does not have */
  doc = export_doc(f, ALQ_EXPORT_GRAPHML, NULL, NULL);
  xmlNodePtr k = find(xmlDocGetRootElement(doc), "key");
  assert_non_null(k);
  xmlSetProp(k, BAD_CAST "attr.type", BAD_CAST "integer");
  assert_true(validate(f->graphml, doc) > 0);
  xmlFreeDoc(doc);
}

static void test_gexf_broken_fails(void **state) {
  fx *f = *state;
  /* a weight that is not a number */
  xmlDocPtr doc = export_doc(f, ALQ_EXPORT_GEXF, NULL, NULL);
  xmlNodePtr e = find(xmlDocGetRootElement(doc), "edge");
  assert_non_null(e);
  xmlSetProp(e, BAD_CAST "weight", BAD_CAST "heavy");
  assert_true(validate(f->gexf, doc) > 0);
  xmlFreeDoc(doc);
  /* a start that is not a date */
  doc = export_doc(f, ALQ_EXPORT_GEXF, NULL, NULL);
  e = find(xmlDocGetRootElement(doc), "edge");
  xmlSetProp(e, BAD_CAST "start", BAD_CAST "2015-06-31");
  assert_true(validate(f->gexf, doc) > 0);
  xmlFreeDoc(doc);
  /* an edge to a node that does not exist */
  doc = export_doc(f, ALQ_EXPORT_GEXF, NULL, NULL);
  e = find(xmlDocGetRootElement(doc), "edge");
  xmlSetProp(e, BAD_CAST "source", BAD_CAST "no-such-node");
  assert_true(validate(f->gexf, doc) > 0);
  xmlFreeDoc(doc);
  /* the required version missing; an element GEXF does not have */
  doc = export_doc(f, ALQ_EXPORT_GEXF, NULL, NULL);
  assert_int_equal(xmlUnsetProp(xmlDocGetRootElement(doc), BAD_CAST "version"), 0);
  assert_true(validate(f->gexf, doc) > 0);
  xmlFreeDoc(doc);
  doc = export_doc(f, ALQ_EXPORT_GEXF, NULL, NULL);
  xmlNodePtr n = find(xmlDocGetRootElement(doc), "node");
  xmlNewChild(n, n->ns, BAD_CAST "colour", NULL);
  assert_true(validate(f->gexf, doc) > 0);
  xmlFreeDoc(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_graphml_valid),
    cmocka_unit_test(test_gexf_valid),
    cmocka_unit_test(test_graphml_broken_fails),
    cmocka_unit_test(test_gexf_broken_fails),
  };
  int rc = cmocka_run_group_tests(tests, setup, teardown);
  xmlCleanupParser();
  return rc;
}
