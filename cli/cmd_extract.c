/* alaqat extract: writes the claims (or mentions) of every input document
 * as JSON Lines on stdout; inputs are walked by inputs.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alaqat.h"
#include "cli.h"
#include "inputs.h"
#include "read/read.h"
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
  cli_inputs *in;      /* for the reader's offset map of the current document */
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

/* A mention of a document decoded from another encoding: the span is raw,
 * the text is the decoded (UTF-8) name. */
static void write_mention_decoded(alq_buf *b, const char *doc_id, const alq_mention *m, const char *txt,
                                  size_t n) {
  alq_buf_append(b, "{\"doc\":", 7);
  alq_buf_json_str(b, doc_id, strlen(doc_id));
  alq_buf_printf(b, ",\"span\":[%u,%u],\"text\":", m->span[0], m->span[1]);
  alq_buf_json_str(b, txt, n);
  alq_buf_append(b, ",\"id\":", 6);
  if (m->id) alq_buf_json_str(b, m->id, strlen(m->id)); else alq_buf_append(b, "null", 4);
  alq_buf_printf(b, ",\"type\":\"%s\"}\n", m->type);
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
  /* spans of a page or a decoded text are mapped back to the raw bytes as
     stored; a mention's text is then the raw bytes when they are UTF-8 */
  const alq_read_doc *rd = r->in ? r->in->read : NULL;
  int raw_utf8 = rd && (rd->enc == ALQ_ENC_UTF8 || rd->enc == ALQ_ENC_UTF8_BOM);
  alq_buf line = {0};
  if (r->mentions) {
    for (size_t i = 0; i < res->nmentions; i++) {
      alq_mention m = res->mentions[i];
      const char *text = d->text;
      if (rd) {
        uint32_t ds[2] = {m.span[0], m.span[1]};
        alq_read_map_span(rd, ds[0], ds[1], m.span);
        if (raw_utf8) text = r->in->raw;
        else { write_mention_decoded(&line, d->id, &m, d->text + ds[0], ds[1] - ds[0]); continue; }
      }
      size_t n = alq_mention_json(NULL, 0, d->id, text, &m);
      if (alq_buf_reserve(&line, n + 1) == 0) {
        alq_mention_json(line.p + line.len, n + 1, d->id, text, &m);
        line.len += n;
      }
    }
  } else {
    for (size_t i = 0; i < res->nclaims; i++) {
      alq_claim c = res->claims[i];
      if (rd) {
        alq_read_map_span(rd, c.span[0], c.span[1], c.span);
        alq_read_map_span(rd, c.trigger[0], c.trigger[1], c.trigger);
        alq_read_map_span(rd, c.a_span[0], c.a_span[1], c.a_span);
        alq_read_map_span(rd, c.b_span[0], c.b_span[1], c.b_span);
      }
      size_t n = alq_claim_json(NULL, 0, d->id, &c);
      if (alq_buf_reserve(&line, n + 1) == 0) {
        alq_claim_json(line.p + line.len, n + 1, d->id, &c);
        line.len += n;
      }
    }
  }
  emit_line(r, line.p ? line.p : "", line.len);
  alq_buf_free(&line);
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
  cli_inputs in = {.jsonl = r.jsonl, .quiet = r.quiet, .fn = do_doc, .payload = &r};
  r.in = &in;
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
