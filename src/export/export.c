/* The store's exports. One claims query (optionally bounded in time; SQLite
 * or PostgreSQL text, same rows) feeds every format; the graphs add a nodes
 * query first. XML is produced only by xmlTextWriter, with text made valid
 * for XML (bad UTF-8, control bytes) before it reaches the writer. */
#include "export/export.h"
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util/util.h"

int alq_export_format_parse(const char *name) {
  static const char *const names[] = {"jsonl", "csv", "graphml", "gexf"};
  for (int i = 0; i < 4; i++)
    if (name && !strcmp(name, names[i])) return i;
  return -1;
}

/* Columns of the claims query, in order. */
enum { C_DOC, C_SS, C_SE, C_A, C_B, C_TYPE, C_CLASS, C_POL, C_MOD, C_SRC, C_SRCK, C_WHEN,
       C_WHERE, C_VIA, C_TS, C_TE, C_RULE, C_DDATE, C_TLO, C_THI, C_EVID, C_KEY, C__N };

static const char claims_sql[] =
  "SELECT d.id, c.span_start, c.span_end, c.a, c.b, c.type, c.class, c.polarity, c.modality,"
  " c.source, c.source_kind, c.time, c.place, c.via, c.trigger_start, c.trigger_end, c.rule,"
  " c.doc_date, c.t_lo, c.t_hi, c.evidence, c.key"
  " FROM claims c JOIN documents d ON d.key = c.doc"
  " WHERE (?1 IS NULL OR c.t_hi >= ?1) AND (?2 IS NULL OR c.t_lo <= ?2)"
  " ORDER BY d.id, c.span_start, c.key";

static const char nodes_sql[] =
  "SELECT p.id, a.type, a.english, a.arabic FROM"
  " (SELECT c.a AS id FROM claims c WHERE (?1 IS NULL OR c.t_hi >= ?1) AND (?2 IS NULL OR c.t_lo <= ?2)"
  "  UNION SELECT c.b FROM claims c WHERE (?1 IS NULL OR c.t_hi >= ?1) AND (?2 IS NULL OR c.t_lo <= ?2)) p"
  " LEFT JOIN actors a ON a.id = p.id ORDER BY p.id";

/* The same two queries for PostgreSQL (every text column is COLLATE "C",
 * so the order is the same bytewise order as SQLite's). */
static const char claims_pg[] =
  "SELECT d.id, c.span_start, c.span_end, c.a, c.b, c.type, c.class, c.polarity, c.modality,"
  " c.source, c.source_kind, c.time, c.place, c.via, c.trigger_start, c.trigger_end, c.rule,"
  " c.doc_date, c.t_lo, c.t_hi, c.evidence, c.key"
  " FROM claims c JOIN documents d ON d.key = c.doc"
  " WHERE ($1::text IS NULL OR c.t_hi >= $1::text) AND ($2::text IS NULL OR c.t_lo <= $2::text)"
  " ORDER BY d.id, c.span_start, c.key";

static const char nodes_pg[] =
  "SELECT p.id, a.type, a.english, a.arabic FROM"
  " (SELECT c.a AS id FROM claims c WHERE ($1::text IS NULL OR c.t_hi >= $1::text)"
  "   AND ($2::text IS NULL OR c.t_lo <= $2::text)"
  "  UNION SELECT c.b FROM claims c WHERE ($1::text IS NULL OR c.t_hi >= $1::text)"
  "   AND ($2::text IS NULL OR c.t_lo <= $2::text)) p"
  " LEFT JOIN actors a ON a.id = p.id ORDER BY p.id";

typedef struct xctx {
  alq_store *s;
  const char *lo, *hi;   /* time bounds or NULL */
  FILE *out;
  alq_error *err;
  xmlTextWriterPtr w;
  alq_buf b;
  int werr;              /* a write failed (the query was stopped) */
} xctx;

/* Streams the claims (nodes = 0) or nodes (1) query to fn; -2 on a store
 * error (err set), -1 on a write error, else 0. */
static int each(xctx *x, int nodes, alq_row_fn fn) {
  const char *binds[2] = {x->lo, x->hi};
  x->werr = 0;
  if (alq_store_query(x->s, nodes ? nodes_sql : claims_sql, nodes ? nodes_pg : claims_pg, binds, 2,
                      fn, x, x->err, ALQ_EIO))
    return -2;
  return x->werr ? -1 : 0;
}

static const char *col(const alq_row *r, int i) { return (size_t)i < r->n ? r->vals[i] : NULL; }
/* an integer column (NULL reads 0, as sqlite3_column_int64 did) */
static const char *num(const alq_row *r, int i) { const char *v = col(r, i); return v ? v : "0"; }

/* ---- JSON Lines ---------------------------------------------------------- */

static void json_field(alq_buf *b, const char *name, const char *v, int first) {
  if (!first) alq_buf_append(b, ",", 1);
  alq_buf_json_str(b, name, strlen(name));
  alq_buf_append(b, ":", 1);
  if (v) alq_buf_json_str(b, v, strlen(v));
  else alq_buf_append(b, "null", 4);
}

static int jsonl_row(const alq_row *q, void *payload) {
  xctx *x = payload;
  alq_buf *b = &x->b;
  b->len = 0;
  alq_buf_append(b, "{", 1);
  json_field(b, "doc", col(q, C_DOC), 1);
  alq_buf_printf(b, ",\"span\":[%s,%s]", num(q, C_SS), num(q, C_SE));
  static const struct { const char *name; int c; } f[] = {
    {"a", C_A}, {"b", C_B}, {"type", C_TYPE}, {"polarity", C_POL}, {"modality", C_MOD},
    {"source", C_SRC}, {"source_kind", C_SRCK}, {"when", C_WHEN}, {"where", C_WHERE}, {"via", C_VIA}};
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) json_field(b, f[i].name, col(q, f[i].c), 0);
  alq_buf_printf(b, ",\"trigger\":[%s,%s]", num(q, C_TS), num(q, C_TE));
  json_field(b, "rule", col(q, C_RULE), 0);
  json_field(b, "class", col(q, C_CLASS), 0);
  json_field(b, "doc_date", col(q, C_DDATE), 0);
  json_field(b, "evidence", col(q, C_EVID), 0);
  alq_buf_append(b, "}\n", 2);
  if (!b->p || fwrite(b->p, 1, b->len, x->out) != b->len) { x->werr = 1; return 1; }
  return 0;
}

static int export_jsonl(xctx *x) {
  int rc = each(x, 0, jsonl_row);
  alq_buf_free(&x->b);
  if (rc == -1) return alq_error_set(x->err, ALQ_EIO, "", -1, "write error");
  return rc ? x->err->code : 0;
}

/* ---- CSV (RFC 4180) ---------------------------------------------------------- */

static void csv_cell(FILE *f, const char *v) {
  if (!v) return;  /* NULL is an empty cell (pandas reads NaN) */
  if (!strpbrk(v, ",\"\r\n")) { fputs(v, f); return; }
  fputc('"', f);
  for (const char *p = v; *p; p++) {
    if (*p == '"') fputc('"', f);
    fputc(*p, f);
  }
  fputc('"', f);
}

static int csv_row(const alq_row *q, void *payload) {
  xctx *x = payload;
  for (int i = 0; i < C__N - 1; i++) {
    if (i) fputc(',', x->out);
    csv_cell(x->out, col(q, i));
  }
  fputs("\r\n", x->out);
  if (ferror(x->out)) { x->werr = 1; return 1; }
  return 0;
}

static int export_csv(xctx *x) {
  static const char *const head[C__N - 1] = {
    "doc", "span_start", "span_end", "a", "b", "type", "class", "polarity", "modality", "source",
    "source_kind", "when", "where", "via", "trigger_start", "trigger_end", "rule", "doc_date",
    "time_start", "time_end", "evidence"};
  for (int i = 0; i < C__N - 1; i++) fprintf(x->out, "%s%s", i ? "," : "", head[i]);
  fputs("\r\n", x->out);
  int rc = each(x, 0, csv_row);
  if (rc == -1 || ferror(x->out)) return alq_error_set(x->err, ALQ_EIO, "", -1, "write error");
  return rc ? x->err->code : 0;
}

/* ---- XML ------------------------------------------------------------------ */

/* Copies s into a new string that XML 1.0 accepts: invalid UTF-8 bytes and
 * control characters other than tab and line breaks become U+FFFD. */
static char *xml_clean(const char *s) {
  size_t n = strlen(s);
  char *o = malloc(n * 3 + 1), *p = o;
  if (!o) return NULL;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    unsigned char c = u[i];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    int ok = len && i + len <= n;
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; ok && k < len; k++) {
      if ((u[i + k] & 0xC0) != 0x80) ok = 0;
      else cp = (cp << 6) | (u[i + k] & 0x3F);
    }
    if (ok) {  /* overlongs, surrogates, out of range and XML-forbidden characters */
      static const uint32_t minv[] = {0, 0, 0x80, 0x800, 0x10000};
      if (cp < minv[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || cp == 0xFFFE ||
          cp == 0xFFFF || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'))
        ok = 0;
    }
    if (ok) { memcpy(p, u + i, len); p += len; i += len; }
    else { memcpy(p, "\xEF\xBF\xBD", 3); p += 3; i++; }
  }
  *p = 0;
  return o;
}

static int w_attr(xmlTextWriterPtr w, const char *name, const char *v) {
  char *c = xml_clean(v ? v : "");
  if (!c) return -1;
  int rc = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST c);
  free(c);
  return rc < 0 ? -1 : 0;
}

static int w_text_elem(xmlTextWriterPtr w, const char *name, const char *v) {
  char *c = xml_clean(v ? v : "");
  if (!c) return -1;
  int rc = xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST c);
  free(c);
  return rc < 0 ? -1 : 0;
}

/* An upper time bound may be day 31 of any month (it compares correctly as a
 * string); the XML formats need a real date. */
static void real_day(const char *hi, char out[11]) {
  snprintf(out, 11, "%s", hi);
  if (strlen(out) != 10) return;
  int y = atoi(out), m = atoi(out + 5), d = atoi(out + 8);
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return;
  int max = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
  if (d > max) { out[8] = (char)('0' + max / 10); out[9] = (char)('0' + max % 10); }
}

typedef struct attr { const char *id, *name, *type; int c; } attr;

/* Edge attributes shared by GraphML and GEXF; c = claims query column, or -1
 * for the computed directed flag. */
static const attr edge_attrs[] = {
  {"e_type", "type", "string", C_TYPE}, {"e_class", "class", "string", C_CLASS},
  {"e_polarity", "polarity", "string", C_POL}, {"e_modality", "modality", "string", C_MOD},
  {"e_source", "source", "string", C_SRC}, {"e_source_kind", "source_kind", "string", C_SRCK},
  {"e_when", "when", "string", C_WHEN}, {"e_where", "where", "string", C_WHERE},
  {"e_via", "via", "string", C_VIA}, {"e_doc", "doc", "string", C_DOC},
  {"e_doc_date", "doc_date", "string", C_DDATE}, {"e_span_start", "span_start", "int", C_SS},
  {"e_span_end", "span_end", "int", C_SE}, {"e_rule", "rule", "string", C_RULE},
  {"e_evidence", "evidence", "string", C_EVID}, {"e_directed", "directed", "boolean", -1}};
#define NEDGE_ATTRS (sizeof edge_attrs / sizeof edge_attrs[0])

static const attr node_attrs[] = {
  {"n_label", "label", "string", -1}, {"n_type", "type", "string", 1},
  {"n_english", "english", "string", 2}, {"n_arabic", "arabic", "string", 3}};
#define NNODE_ATTRS (sizeof node_attrs / sizeof node_attrs[0])

static const char *directed_flag(const alq_row *q) {
  const char *t = col(q, C_TYPE);
  return t && (!strcmp(t, "support") || !strcmp(t, "affiliation")) ? "true" : "false";
}

static const char *node_label(const alq_row *q) {
  const char *en = col(q, 2);
  return en && *en ? en : col(q, 0);
}

static int graphml_data(xmlTextWriterPtr w, const char *key, const char *v) {
  if (!v) return 0;  /* absent value: no <data>, the reader sees no attribute */
  if (xmlTextWriterStartElement(w, BAD_CAST "data") < 0 || w_attr(w, "key", key)) return -1;
  char *c = xml_clean(v);
  if (!c) return -1;
  int rc = xmlTextWriterWriteString(w, BAD_CAST c);
  free(c);
  return rc < 0 || xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int graphml_node(const alq_row *q, void *payload) {
  xctx *x = payload;
  xmlTextWriterPtr w = x->w;
  if (xmlTextWriterStartElement(w, BAD_CAST "node") < 0 || w_attr(w, "id", col(q, 0)) ||
      graphml_data(w, "n_label", node_label(q)))
    { x->werr = 1; return 1; }
  for (size_t i = 1; i < NNODE_ATTRS; i++)
    if (graphml_data(w, node_attrs[i].id, col(q, node_attrs[i].c))) { x->werr = 1; return 1; }
  if (xmlTextWriterEndElement(w) < 0) { x->werr = 1; return 1; }
  return 0;
}

static int graphml_edge(const alq_row *q, void *payload) {
  xctx *x = payload;
  xmlTextWriterPtr w = x->w;
  char id[32];
  snprintf(id, sizeof id, "c%s", num(q, C_KEY));
  if (xmlTextWriterStartElement(w, BAD_CAST "edge") < 0 || w_attr(w, "id", id) ||
      w_attr(w, "source", col(q, C_A)) || w_attr(w, "target", col(q, C_B)))
    { x->werr = 1; return 1; }
  for (size_t i = 0; i < NEDGE_ATTRS; i++) {
    const attr *a = &edge_attrs[i];
    if (graphml_data(w, a->id, a->c < 0 ? directed_flag(q) : col(q, a->c))) { x->werr = 1; return 1; }
  }
  if (xmlTextWriterEndElement(w) < 0) { x->werr = 1; return 1; }
  return 0;
}

static int write_graphml(xctx *x, xmlTextWriterPtr w) {
  if (xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0 ||
      w_attr(w, "xmlns", "http://graphml.graphdrawing.org/xmlns") ||
      w_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance") ||
      w_attr(w, "xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns "
                                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"))
    return -1;
  for (size_t i = 0; i < NNODE_ATTRS + NEDGE_ATTRS; i++) {
    const attr *a = i < NNODE_ATTRS ? &node_attrs[i] : &edge_attrs[i - NNODE_ATTRS];
    if (xmlTextWriterStartElement(w, BAD_CAST "key") < 0 || w_attr(w, "id", a->id) ||
        w_attr(w, "for", i < NNODE_ATTRS ? "node" : "edge") || w_attr(w, "attr.name", a->name) ||
        w_attr(w, "attr.type", a->type) || xmlTextWriterEndElement(w) < 0)
      return -1;
  }
  if (xmlTextWriterStartElement(w, BAD_CAST "graph") < 0 || w_attr(w, "id", "alaqat") ||
      w_attr(w, "edgedefault", "undirected"))
    return -1;
  int rc = each(x, 1, graphml_node);
  if (!rc) rc = each(x, 0, graphml_edge);
  if (rc) return rc;
  return xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int gexf_attvalue(xmlTextWriterPtr w, const char *id, const char *v) {
  if (!v) return 0;
  if (xmlTextWriterStartElement(w, BAD_CAST "attvalue") < 0 || w_attr(w, "for", id) ||
      w_attr(w, "value", v) || xmlTextWriterEndElement(w) < 0)
    return -1;
  return 0;
}

static int gexf_attributes(xmlTextWriterPtr w, const char *cls, const attr *as, size_t n) {
  if (xmlTextWriterStartElement(w, BAD_CAST "attributes") < 0 || w_attr(w, "class", cls) ||
      w_attr(w, "mode", "static"))
    return -1;
  for (size_t i = 0; i < n; i++) {
    if (as[i].c < 0 && !strcmp(as[i].name, "label")) continue;  /* GEXF has its own label */
    const char *type = !strcmp(as[i].type, "int") ? "integer" : as[i].type;
    if (xmlTextWriterStartElement(w, BAD_CAST "attribute") < 0 || w_attr(w, "id", as[i].id) ||
        w_attr(w, "title", as[i].name) || w_attr(w, "type", type) || xmlTextWriterEndElement(w) < 0)
      return -1;
  }
  return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int gexf_node(const alq_row *q, void *payload) {
  xctx *x = payload;
  xmlTextWriterPtr w = x->w;
  if (xmlTextWriterStartElement(w, BAD_CAST "node") < 0 || w_attr(w, "id", col(q, 0)) ||
      w_attr(w, "label", node_label(q)) || xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0)
    { x->werr = 1; return 1; }
  for (size_t i = 1; i < NNODE_ATTRS; i++)
    if (gexf_attvalue(w, node_attrs[i].id, col(q, node_attrs[i].c))) { x->werr = 1; return 1; }
  if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0) { x->werr = 1; return 1; }
  return 0;
}

static int gexf_edge(const alq_row *q, void *payload) {
  xctx *x = payload;
  xmlTextWriterPtr w = x->w;
  char id[32], end[11];
  snprintf(id, sizeof id, "c%s", num(q, C_KEY));
  /* directed types are marked by the `directed` attribute, not the edge
     type: readers such as NetworkX reject mixed graphs */
  if (xmlTextWriterStartElement(w, BAD_CAST "edge") < 0 || w_attr(w, "id", id) ||
      w_attr(w, "source", col(q, C_A)) || w_attr(w, "target", col(q, C_B)) ||
      w_attr(w, "weight", "1"))
    { x->werr = 1; return 1; }
  /* dynamic edge: alive over the claim's time; undated claims always */
  if (col(q, C_TLO)) {
    real_day(col(q, C_THI) ? col(q, C_THI) : col(q, C_TLO), end);
    if (w_attr(w, "start", col(q, C_TLO)) || w_attr(w, "end", end)) { x->werr = 1; return 1; }
  }
  if (xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0) { x->werr = 1; return 1; }
  for (size_t i = 0; i < NEDGE_ATTRS; i++) {
    const attr *a = &edge_attrs[i];
    if (gexf_attvalue(w, a->id, a->c < 0 ? directed_flag(q) : col(q, a->c))) { x->werr = 1; return 1; }
  }
  if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0) { x->werr = 1; return 1; }
  return 0;
}

static int write_gexf(xctx *x, xmlTextWriterPtr w) {
  char today[11];
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(today, sizeof today, "%Y-%m-%d", &tm);
  char creator[64];
  snprintf(creator, sizeof creator, "alaqat %s", alq_version());
  if (xmlTextWriterStartElement(w, BAD_CAST "gexf") < 0 || w_attr(w, "xmlns", "http://gexf.net/1.3") ||
      w_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance") ||
      w_attr(w, "xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd") ||
      w_attr(w, "version", "1.3") || xmlTextWriterStartElement(w, BAD_CAST "meta") < 0 ||
      w_attr(w, "lastmodifieddate", today) || w_text_elem(w, "creator", creator) ||
      w_text_elem(w, "description", "relation claims between armed and political organizations; "
                                    "one edge per claim, dated by its time (when, else the document date)") ||
      xmlTextWriterEndElement(w) < 0 || xmlTextWriterStartElement(w, BAD_CAST "graph") < 0 ||
      w_attr(w, "mode", "dynamic") || w_attr(w, "defaultedgetype", "undirected") ||
      w_attr(w, "timeformat", "date") || gexf_attributes(w, "node", node_attrs, NNODE_ATTRS) ||
      gexf_attributes(w, "edge", edge_attrs, NEDGE_ATTRS) ||
      xmlTextWriterStartElement(w, BAD_CAST "nodes") < 0)
    return -1;
  int rc = each(x, 1, gexf_node);
  if (rc) return rc;
  if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterStartElement(w, BAD_CAST "edges") < 0) return -1;
  if ((rc = each(x, 0, gexf_edge))) return rc;
  /* </edges></graph></gexf> */
  for (int i = 0; i < 3; i++) if (xmlTextWriterEndElement(w) < 0) return -1;
  return 0;
}

static int export_xml(xctx *x, int gexf) {
  xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(x->out, NULL);
  xmlTextWriterPtr w = ob ? xmlNewTextWriter(ob) : NULL;
  if (!w) {
    if (ob) xmlOutputBufferClose(ob);
    return alq_error_set(x->err, ALQ_ENOMEM, "", -1, "cannot create the XML writer");
  }
  x->w = w;
  xmlTextWriterSetIndent(w, 1);
  xmlTextWriterSetIndentString(w, BAD_CAST " ");
  int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ? -1
         : gexf ? write_gexf(x, w) : write_graphml(x, w);
  if (rc == 0 && xmlTextWriterEndDocument(w) < 0) rc = -1;
  xmlFreeTextWriter(w);  /* flushes and closes ob (not the FILE) */
  fflush(x->out);
  if (rc == -1 || ferror(x->out)) return alq_error_set(x->err, ALQ_EIO, "", -1, "XML write error");
  return rc ? x->err->code : 0;
}

int alq_export(alq_store *s, alq_export_format format, const char *from, const char *to, FILE *out,
               alq_error *err) {
  char flo[11], fhi[11], tlo[11], thi[11];
  if (from && (alq_time_bounds(from, flo, fhi) || strchr(from, '/')))
    return alq_error_set(err, ALQ_EINVAL, "", -1, "bad --from date '%s' (want YYYY-MM-DD, YYYY-MM or YYYY)", from);
  if (to && (alq_time_bounds(to, tlo, thi) || strchr(to, '/')))
    return alq_error_set(err, ALQ_EINVAL, "", -1, "bad --to date '%s' (want YYYY-MM-DD, YYYY-MM or YYYY)", to);
  xctx x = {s, from ? flo : NULL, to ? thi : NULL, out, err, NULL, {0}, 0};
  switch (format) {
  case ALQ_EXPORT_JSONL: return export_jsonl(&x);
  case ALQ_EXPORT_CSV: return export_csv(&x);
  case ALQ_EXPORT_GRAPHML: return export_xml(&x, 0);
  case ALQ_EXPORT_GEXF: return export_xml(&x, 1);
  }
  return alq_error_set(err, ALQ_EINVAL, "", -1, "unknown export format");
}
