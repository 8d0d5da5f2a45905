/* Printing store query results: text is tab-separated with a header row
 * (long evidence cut at a character boundary so lines stay readable), JSON
 * is one object per row with numbers as numbers and NULL as null. */
#include "store_out.h"
#include <string.h>
#include "cli.h"
#include "util/util.h"

enum { TEXT_CUT = 200 };  /* bytes of evidence/snippet shown in text mode */

static int is_long_col(const char *name) {
  return !strncmp(name, "evidence", 8) || !strcmp(name, "snippet") || !strcmp(name, "aliases");
}

/* Writes s as one TSV cell: tabs and line breaks become spaces. */
static void put_cell(FILE *f, const char *s, size_t cut) {
  size_t n = strlen(s);
  int cutting = cut && n > cut;
  if (cutting) {
    n = cut;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;  /* UTF-8 boundary */
  }
  for (size_t i = 0; i < n; i++) fputc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], f);
  if (cutting) fputs("…", f);
}

int cli_table_row(const alq_row *row, void *payload) {
  cli_table *t = payload;
  t->rows++;
  if (t->json) {
    alq_buf b = {0};
    alq_buf_append(&b, "{", 1);
    for (size_t i = 0; i < row->n; i++) {
      if (i) alq_buf_append(&b, ",", 1);
      alq_buf_json_str(&b, row->names[i], strlen(row->names[i]));
      alq_buf_append(&b, ":", 1);
      if (row->kinds[i] == ALQ_V_NULL) alq_buf_append(&b, "null", 4);
      else if (row->kinds[i] == ALQ_V_TEXT) alq_buf_json_str(&b, row->vals[i], strlen(row->vals[i]));
      else alq_buf_append(&b, row->vals[i], strlen(row->vals[i]));
    }
    alq_buf_append(&b, "}\n", 2);
    if (b.p) fwrite(b.p, 1, b.len, t->f);
    alq_buf_free(&b);
    return 0;
  }
  if (!t->header_done) {
    for (size_t i = 0; i < row->n; i++) fprintf(t->f, "%s%s", i ? "\t" : "", row->names[i]);
    fputc('\n', t->f);
    t->header_done = 1;
  }
  for (size_t i = 0; i < row->n; i++) {
    if (i) fputc('\t', t->f);
    put_cell(t->f, row->vals[i] ? row->vals[i] : "-", is_long_col(row->names[i]) ? TEXT_CUT : 0);
  }
  fputc('\n', t->f);
  return 0;
}

int cli_store_open_read(alq_store **out, const char *db) {
  alq_error err = {0};
  if (alq_store_open(out, db, ALQ_STORE_READ, &err) == 0) return 0;
  cli_warn("%s: %s", err.file, err.msg);
  return 1;
}

int cli_store_opt(int argc, char **argv, int *i, const char **db, int *json) {
  const char *a = argv[*i];
  if (!strcmp(a, "--json")) { *json = 1; return 1; }
  if (!strcmp(a, "--db")) {
    if (*i + 1 >= argc) { cli_warn("--db needs a path"); return -1; }
    *db = argv[++*i];
    return 1;
  }
  return 0;
}
