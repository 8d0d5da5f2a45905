/* alaqat summary: a readable digest of a claims file: for each actor pair,
 * the relation types with counts (negated, possible), dates and sources,
 * with Arabic names next to the canonical ids. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alaqat.h"
#include "cli.h"
#include "lex/lex.h"
#include "util/util.h"

const char cmd_summary_usage[] =
  "usage: alaqat summary [--data DIR] [CLAIMS.jsonl|-]...\n"
  "\n"
  "Prints, for each actor pair in the claims (most claims first), every\n"
  "relation type with its number of claims, how many are negated or only\n"
  "possible, the dates (when) and the sources that assert it.\n";

typedef struct row {
  char a[96], b[96], type[24];
  int n, neg, pos;
  char when[256], src[512];
  int pair_total;
} row;

static void add_uniq(char *list, size_t cap, const char *item) {
  if (!item || !*item) return;
  size_t il = strlen(item);
  for (const char *p = list; *p;) {
    const char *e = strstr(p, "; ");
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n == il && !memcmp(p, item, il)) return;
    p += n + (e ? 2 : 0);
  }
  size_t n = strlen(list);
  if (n + il + 3 >= cap) return;
  if (n) { memcpy(list + n, "; ", 2); n += 2; }
  memcpy(list + n, item, il + 1);
}

static int cmp_rows(const void *x, const void *y) {
  const row *a = x, *b = y;
  if (a->pair_total != b->pair_total) return b->pair_total - a->pair_total;
  int c = strcmp(a->a, b->a);
  if (c) return c;
  c = strcmp(a->b, b->b);
  if (c) return c;
  return b->n - a->n;
}

static const char *arabic_of(const alq_lexicon *lex, const char *id) {
  int k = lex ? alq_lex_actor_find(lex, id) : -1;
  return k >= 0 ? lex->actors[k].arabic : "";
}

int cmd_summary(int argc, char **argv) {
  const char *data = NULL;
  row *rows = NULL;
  size_t nrows = 0, cap = 0;
  int failed = 0, ninputs = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--data")) {
      if (++i >= argc) { cli_warn("--data needs a directory"); return ALQ_EXIT_USAGE; }
      data = argv[i];
      continue;
    }
    if (argv[i][0] == '-' && argv[i][1]) { cli_warn("summary: unknown option '%s'", argv[i]); return ALQ_EXIT_USAGE; }
    ninputs++;
  }
  if (!ninputs) { fputs(cmd_summary_usage, stderr); return ALQ_EXIT_USAGE; }
  alq_lexicon *lex = NULL;
  alq_error err = {0};
  if (alq_lexicon_open(&lex, data, &err)) cli_warn("%s: %s (names not shown)", err.file, err.msg);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--data")) { i++; continue; }
    const char *path = argv[i];
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) { cli_warn("%s: cannot open", path); failed = 1; continue; }
    char *line = NULL;
    size_t lcap = 0;
    ssize_t n;
    long lineno = 0;
    while ((n = getline(&line, &lcap, f)) > 0) {
      lineno++;
      json_error_t je;
      json_t *o = json_loadb(line, (size_t)n, 0, &je);
      const char *a = json_string_value(json_object_get(o, "a"));
      const char *b = json_string_value(json_object_get(o, "b"));
      const char *ty = json_string_value(json_object_get(o, "type"));
      if (!o || !a || !b || !ty) {
        if (n > 1) { cli_warn("%s:%ld: not a claim; skipped", path, lineno); failed = 1; }
        json_decref(o);
        continue;
      }
      row *r = NULL;
      for (size_t k = 0; k < nrows; k++)
        if (!strcmp(rows[k].a, a) && !strcmp(rows[k].b, b) && !strcmp(rows[k].type, ty)) { r = &rows[k]; break; }
      if (!r) {
        if (nrows == cap) {
          cap = cap ? cap * 2 : 64;
          row *nr = realloc(rows, cap * sizeof *nr);
          if (!nr) { json_decref(o); break; }
          rows = nr;
        }
        r = &rows[nrows++];
        memset(r, 0, sizeof *r);
        snprintf(r->a, sizeof r->a, "%s", a);
        snprintf(r->b, sizeof r->b, "%s", b);
        snprintf(r->type, sizeof r->type, "%s", ty);
      }
      r->n++;
      const char *pol = json_string_value(json_object_get(o, "polarity"));
      const char *mod = json_string_value(json_object_get(o, "modality"));
      if (pol && !strcmp(pol, "negated")) r->neg++;
      if (mod && !strcmp(mod, "possible")) r->pos++;
      add_uniq(r->when, sizeof r->when, json_string_value(json_object_get(o, "when")));
      const char *src = json_string_value(json_object_get(o, "source"));
      add_uniq(r->src, sizeof r->src, src ? src : "author");
      json_decref(o);
    }
    free(line);
    if (f != stdin) fclose(f);
  }
  /* order pairs by their total number of claims */
  for (size_t k = 0; k < nrows; k++) {
    int tot = 0;
    for (size_t j = 0; j < nrows; j++)
      if (!strcmp(rows[j].a, rows[k].a) && !strcmp(rows[j].b, rows[k].b)) tot += rows[j].n;
    rows[k].pair_total = tot;
  }
  if (nrows) qsort(rows, nrows, sizeof *rows, cmp_rows);
  for (size_t k = 0; k < nrows; k++) {
    const row *r = &rows[k];
    if (!k || strcmp(r->a, rows[k - 1].a) || strcmp(r->b, rows[k - 1].b))
      printf("%s%s (%s) — %s (%s): %d claims\n", k ? "\n" : "", r->a, arabic_of(lex, r->a), r->b,
             arabic_of(lex, r->b), r->pair_total);
    printf("  %-15s %3d", r->type, r->n);
    if (r->neg) printf("  negated %d", r->neg);
    if (r->pos) printf("  possible %d", r->pos);
    if (r->when[0]) printf("  when: %s", r->when);
    printf("  sources: %s\n", r->src);
  }
  if (!nrows) printf("no claims\n");
  free(rows);
  alq_lexicon_free(lex);
  return failed ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
