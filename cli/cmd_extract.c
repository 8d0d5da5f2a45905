/* alaqat extract: writes the claims (or mentions) of every input document
 * as JSON Lines on stdout; inputs are walked by inputs.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alaqat.h"
#include "cli.h"
#include "inputs.h"
#include "util/util.h"

const char cmd_extract_usage[] =
  "usage: alaqat extract [options] [FILE|DIR|-]...\n"
  "\n"
  "Extracts relation claims from Arabic text and writes them as JSON Lines\n"
  "(one claim per line, fields of spec CLAIMS.md) on standard output.\n"
  "Inputs: plain UTF-8 text files (doc id = file name without extension),\n"
  "*.jsonl files (one record per line: id, text, and optional date, title),\n"
  "directories (recursively, in sorted order) and - for standard input.\n"
  "\n"
  "options:\n"
  "  --mentions      write entity mentions instead of claims\n"
  "  --data DIR      lexicon directory (default: $ALAQAT_DATA, the build\n"
  "                  tree's data/, or the installed share/alaqat)\n"
  "  --jsonl         read every input (and stdin) as JSON Lines\n"
  "  -q, --quiet     do not report per-input warnings\n"
  "\n"
  "exit status: 0 ok, 1 some inputs failed or had invalid bytes, 2 usage.\n";

typedef struct run {
  alq_lexicon *lex;
  alq_extractor *ex;
  int mentions, jsonl, quiet;
  int failed;
  alq_buf out;
  size_t ndocs, nclaims;
} run;

static void flush_out(run *r) {
  if (r->out.len) fwrite(r->out.p, 1, r->out.len, stdout);
  r->out.len = 0;
}

static void emit_line(run *r, const char *line, size_t n) {
  alq_buf_append(&r->out, line, n);
  if (r->out.len > (1 << 16)) flush_out(r);
}

static void warn_at(run *r, const char *name, long long off, const char *what) {
  if (r->quiet) return;
  if (off >= 0) fprintf(stderr, "alaqat: %s: byte %lld: %s\n", name, off, what);
  else fprintf(stderr, "alaqat: %s: %s\n", name, what);
}

/* Extracts one document and writes its lines; `name` is for messages.
 * Returns nonzero when the document failed or had invalid bytes. */
static int do_doc(const alq_doc *d, const char *name, void *payload) {
  run *r = payload;
  const alq_result *res;
  alq_error err = {0};
  if (alq_extract(r->ex, d, &res, &err)) {
    warn_at(r, name, err.offset, err.msg);
    return 1;
  }
  int bad = 0;
  for (size_t i = 0; i < res->nissues; i++) {
    char msg[160];
    snprintf(msg, sizeof msg, "%s (extraction continued)", res->issues[i].msg);
    warn_at(r, name, res->issues[i].offset, msg);
    bad = 1;
    if (i == 9 && res->nissues > 10) {
      fprintf(stderr, "alaqat: %s: %zu more invalid bytes not listed\n", name, res->nissues - 10);
      break;
    }
  }
  char line[8192];
  if (r->mentions) {
    for (size_t i = 0; i < res->nmentions; i++) {
      size_t n = alq_mention_json(line, sizeof line, d->id, d->text, &res->mentions[i]);
      if (n < sizeof line) emit_line(r, line, n);
      else {
        char *big = malloc(n + 1);
        if (big) { alq_mention_json(big, n + 1, d->id, d->text, &res->mentions[i]); emit_line(r, big, n); free(big); }
      }
    }
  } else {
    for (size_t i = 0; i < res->nclaims; i++) {
      size_t n = alq_claim_json(line, sizeof line, d->id, &res->claims[i]);
      if (n < sizeof line) emit_line(r, line, n);
      else {
        char *big = malloc(n + 1);
        if (big) { alq_claim_json(big, n + 1, d->id, &res->claims[i]); emit_line(r, big, n); free(big); }
      }
    }
  }
  r->ndocs++;
  r->nclaims += res->nclaims;
  return bad;
}

int cmd_extract(int argc, char **argv) {
  run r = {0};
  const char *data = NULL;
  int ninputs = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--mentions")) r.mentions = 1;
    else if (!strcmp(a, "--jsonl")) r.jsonl = 1;
    else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) r.quiet = 1;
    else if (!strcmp(a, "--data")) {
      if (++i >= argc) { cli_warn("--data needs a directory"); return ALQ_EXIT_USAGE; }
      data = argv[i];
    } else if (a[0] == '-' && a[1]) { cli_warn("extract: unknown option '%s' (see alaqat help extract)", a); return ALQ_EXIT_USAGE; }
    else ninputs++;
  }
  if (!ninputs) { fputs(cmd_extract_usage, stderr); return ALQ_EXIT_USAGE; }
  alq_error err = {0};
  if (alq_lexicon_open(&r.lex, data, &err)) {
    cli_warn("%s: %s", err.file, err.msg);
    return ALQ_EXIT_SOMEFAIL;
  }
  if (alq_extractor_new(&r.ex, r.lex)) { alq_lexicon_free(r.lex); cli_warn("out of memory"); return ALQ_EXIT_SOMEFAIL; }
  cli_inputs in = {r.jsonl, r.quiet, 0, do_doc, &r};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--data")) { i++; continue; }
    if (a[0] == '-' && a[1]) continue;
    cli_inputs_run(&in, a);
  }
  r.failed |= in.failed;
  flush_out(&r);
  fflush(stdout);
  alq_buf_free(&r.out);
  alq_extractor_free(r.ex);
  alq_lexicon_free(r.lex);
  return r.failed ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
