/* alaqat text: prints the clean main text of each input (plain text decoded
 * to UTF-8; HTML: headline and article body), with --json one object per
 * document with its metadata and the map back to the raw bytes, or with
 * --dups the syndicated copies among the inputs. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alaqat.h"
#include "cli.h"
#include "inputs.h"
#include "read/read.h"
#include "util/util.h"

const char cmd_text_usage[] =
  "usage: alaqat text [--json | --dups] [options] INPUT...\n"
  "\n"
  "Prints the text alaqat extracts from, for every document of the inputs\n"
  "(read as by alaqat extract: text files, JSON Lines, HTML pages, .gz/.bz2/\n"
  ".xz files, WARC files, directories, - and @LIST): plain text decoded to\n"
  "UTF-8 (UTF-8, UTF-16 with BOM, Windows-1256 detected), HTML pages as their\n"
  "headline and article body.\n"
  "\n"
  "options:\n"
  "  --json          one JSON object per document: id, title, date, outlet,\n"
  "                  url, encoding, format, text and map, a list of\n"
  "                  [text_start, raw_start, length] runs (text byte\n"
  "                  text_start+k came from raw byte raw_start+k)\n"
  "  --dups          print the syndicated copies instead: one line\n"
  "                  doc_id TAB copy_of_doc_id TAB similarity per document\n"
  "                  whose text is a near-duplicate (MinHash estimate of the\n"
  "                  Jaccard similarity of 5-word shingles >= --min-sim) of\n"
  "                  an earlier input's; copy_of is the earliest such input\n"
  "  --min-sim X     threshold for --dups (default 0.8)\n"
  "  --jsonl         read every input (and stdin) as JSON Lines\n"
  CLI_INPUTS_HELP
  "  -q, --quiet     no per-input warnings\n"
  "\n"
  "exit status: 0 ok, 1 some inputs failed or had undecodable bytes, 2 usage.\n";

typedef struct text_run {
  int as_json, dups;
  cli_inputs *in;
  alq_dedup *dd;
  char **ids;          /* --dups: id of every document added */
  size_t nids, cap;
  int oom;
} text_run;

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* Runs of the map where raw offsets advance with the text's; without a
 * reader (plain UTF-8) the map is the identity. */
static json_t *map_runs(const alq_read_doc *d, size_t len) {
  json_t *a = json_array();
  if (!d) {
    if (len) json_array_append_new(a, json_pack("[III]", (json_int_t)0, (json_int_t)0, (json_int_t)len));
    return a;
  }
  size_t i = 0;
  while (i < d->len) {
    size_t k = 1;
    while (i + k < d->len && d->ms[i + k] == d->ms[i] + k) k++;
    json_array_append_new(a, json_pack("[III]", (json_int_t)i, (json_int_t)d->ms[i], (json_int_t)k));
    i += k;
  }
  return a;
}

static int add_dup(text_run *t, const alq_doc *d) {
  long long copy;
  double sim;
  if (t->nids == t->cap) {
    size_t nc = t->cap ? t->cap * 2 : 256;
    char **n = realloc(t->ids, nc * sizeof *n);
    if (!n) return 1;
    t->ids = n;
    t->cap = nc;
  }
  char *id = strdup(d->id);
  if (!id || alq_dedup_add(t->dd, d->text, d->len, &copy, &sim)) { free(id); return 1; }
  t->ids[t->nids++] = id;
  if (copy >= 0) printf("%s\t%s\t%.3f\n", id, t->ids[copy], sim);
  return 0;
}

static int one_doc(const alq_doc *d, const char *where, void *payload) {
  text_run *t = payload;
  const alq_read_doc *rd = t->in->read;
  if (t->dups) {
    if (add_dup(t, d)) { cli_warn("%s: out of memory", where); t->oom = 1; return 1; }
    return 0;
  }
  /* plain UTF-8 with invalid bytes: decoded with U+FFFD (JSON strings and
     terminals need valid UTF-8), each bad byte counted */
  alq_read_doc fixed;
  memset(&fixed, 0, sizeof fixed);
  alq_doc dv = *d;
  if (!rd) {
    alq_error err = {0};
    alq_read_doc tmp;
    if (alq_read_text(&tmp, d->text, d->len, ALQ_ENC_UTF8, where, &err) == 0) {
      if (tmp.nbad) {
        cli_warn("%s: byte %lld: %zu invalid UTF-8 byte(s), replaced by U+FFFD", where, tmp.first_bad, tmp.nbad);
        fixed = tmp;
        rd = &fixed;
        dv.text = fixed.text; dv.len = fixed.len;
        d = &dv;
      } else alq_read_doc_free(&tmp);
    }
  }
  int failed = rd == &fixed;
  if (!t->as_json) {
    fwrite(d->text, 1, d->len, stdout);
    if (d->len && d->text[d->len - 1] != '\n') fputc('\n', stdout);
    alq_read_doc_free(&fixed);
    return failed;
  }
  json_t *o = json_object();
  json_object_set_new(o, "id", json_string(d->id));
  json_object_set_new(o, "title", str_or_null(d->title));
  json_object_set_new(o, "date", str_or_null(d->date));
  json_object_set_new(o, "outlet", str_or_null(rd ? rd->outlet : NULL));
  json_object_set_new(o, "url", str_or_null(t->in->url));
  json_object_set_new(o, "encoding", json_string(rd ? alq_enc_name(rd->enc) : "UTF-8"));
  json_object_set_new(o, "format", json_string(rd && rd->html ? "html" : "text"));
  json_object_set_new(o, "text", json_stringn(d->text, d->len));
  json_object_set_new(o, "map", map_runs(rd, d->len));
  char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
  if (s) { fputs(s, stdout); fputc('\n', stdout); free(s); }
  else { cli_warn("%s: cannot write JSON (out of memory)", where); failed = 1; }
  json_decref(o);
  alq_read_doc_free(&fixed);
  return failed;
}

int cmd_text(int argc, char **argv) {
  text_run t = {0};
  cli_inputs in = {.fn = one_doc, .payload = &t};
  t.in = &in;
  double min_sim = 0.8;
  int n = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int k = cli_inputs_option(&in, argc, argv, &i);
    if (k < 0) return ALQ_EXIT_USAGE;
    if (k) continue;
    if (!strcmp(a, "--json")) t.as_json = 1;
    else if (!strcmp(a, "--dups")) t.dups = 1;
    else if (!strcmp(a, "--jsonl")) in.jsonl = 1;
    else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) in.quiet = 1;
    else if (!strcmp(a, "--min-sim")) {
      char *end;
      if (++i >= argc || (min_sim = strtod(argv[i], &end), *end) || min_sim <= 0 || min_sim > 1) {
        cli_warn("--min-sim needs a number in (0, 1]");
        return ALQ_EXIT_USAGE;
      }
    } else if (a[0] == '-' && a[1]) { cli_warn("text: unknown option '%s' (see alaqat help text)", a); return ALQ_EXIT_USAGE; }
    else n++;
  }
  if (!n) { fputs(cmd_text_usage, stderr); return ALQ_EXIT_USAGE; }
  if (t.as_json && t.dups) { cli_warn("text: --json and --dups exclude each other"); return ALQ_EXIT_USAGE; }
  if (t.dups && alq_dedup_new(&t.dd, min_sim)) { cli_warn("out of memory"); return ALQ_EXIT_SOMEFAIL; }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (cli_inputs_option(&in, argc, argv, &i)) continue;
    if (!strcmp(a, "--min-sim")) { i++; continue; }
    if (a[0] == '-' && a[1]) continue;
    cli_inputs_run(&in, a);
  }
  fflush(stdout);
  for (size_t i = 0; i < t.nids; i++) free(t.ids[i]);
  free(t.ids);
  alq_dedup_free(t.dd);
  return in.failed || t.oom ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
