/* alaqat extract: reads files, directories (recursive, sorted), JSON Lines
 * records and stdin; writes claims (or mentions) as JSON Lines on stdout.
 * A bad input is reported with its name and byte offset; the batch goes on. */
#define _DEFAULT_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "alaqat.h"
#include "cli.h"
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

/* Extracts one document and writes its lines. `name` is for messages;
 * `base` is added to reported offsets (JSONL: the record's line offset). */
static void do_doc(run *r, const char *name, const alq_doc *d) {
  const alq_result *res;
  alq_error err = {0};
  if (alq_extract(r->ex, d, &res, &err)) {
    warn_at(r, name, err.offset, err.msg);
    r->failed = 1;
    return;
  }
  for (size_t i = 0; i < res->nissues; i++) {
    char msg[160];
    snprintf(msg, sizeof msg, "%s (extraction continued)", res->issues[i].msg);
    warn_at(r, name, res->issues[i].offset, msg);
    r->failed = 1;
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
}

static const char *base_id(const char *path, char *buf, size_t cap) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  snprintf(buf, cap, "%s", b);
  char *dot = strrchr(buf, '.');
  if (dot && dot != buf) *dot = 0;
  return buf;
}

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

static void do_jsonl(run *r, const char *name, const char *buf, size_t len) {
  size_t pos = 0;
  long lineno = 0;
  while (pos < len) {
    const char *s = buf + pos;
    const char *e = memchr(s, '\n', len - pos);
    size_t n = e ? (size_t)(e - s) : len - pos;
    size_t off = pos;
    pos += n + 1;
    lineno++;
    int blank = 1;
    for (size_t i = 0; i < n; i++) if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') { blank = 0; break; }
    if (blank) continue;
    json_error_t je;
    json_t *o = json_loadb(s, n, 0, &je);
    char where[600];
    if (!o || !json_is_object(o)) {
      snprintf(where, sizeof where, "%s:%ld", name, lineno);
      char msg[300];
      snprintf(msg, sizeof msg, "malformed JSON: %s", o ? "not an object" : je.text);
      warn_at(r, where, (long long)off + (o ? 0 : je.position), msg);
      r->failed = 1;
      json_decref(o);
      continue;
    }
    json_t *id = json_object_get(o, "id"), *text = json_object_get(o, "text");
    json_t *date = json_object_get(o, "date"), *title = json_object_get(o, "title");
    char idbuf[64];
    snprintf(idbuf, sizeof idbuf, "%s:%ld", name, lineno);
    snprintf(where, sizeof where, "%s:%ld", name, lineno);
    if (!json_is_string(text)) {
      warn_at(r, where, (long long)off, "record has no \"text\" string; skipped");
      r->failed = 1;
      json_decref(o);
      continue;
    }
    alq_doc d = {0};
    d.id = json_is_string(id) ? json_string_value(id) : idbuf;
    d.text = json_string_value(text);
    d.len = json_string_length(text);
    d.date = json_is_string(date) && json_string_length(date) >= 10 ? json_string_value(date) : NULL;
    d.title = json_is_string(title) ? json_string_value(title) : NULL;
    do_doc(r, where, &d);
    json_decref(o);
  }
}

static int has_nul(const char *buf, size_t len, size_t *at) {
  const char *z = memchr(buf, 0, len);
  if (!z) return 0;
  *at = (size_t)(z - buf);
  return 1;
}

static void do_buffer(run *r, const char *name, const char *id, const char *buf, size_t len, int jsonl) {
  if (len == 0) { warn_at(r, name, -1, "empty input, nothing to extract"); r->failed = 1; return; }
  size_t at;
  /* a NUL in the first 8 KiB means a binary file; later ones are reported per byte */
  if (has_nul(buf, len < 8192 ? len : 8192, &at)) {
    warn_at(r, name, (long long)at, "binary data (NUL byte); input skipped");
    r->failed = 1;
    return;
  }
  if (jsonl) { do_jsonl(r, name, buf, len); return; }
  alq_doc d = {0};
  d.id = id; d.text = buf; d.len = len;
  do_doc(r, name, &d);
}

static void do_path(run *r, const char *path, int depth);

static int name_cmp(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

static void do_dir(run *r, const char *path, int depth) {
  if (depth > 32) { warn_at(r, path, -1, "directory nesting too deep (symlink loop?); skipped"); r->failed = 1; return; }
  struct dirent **list;
  int n = scandir(path, &list, NULL, name_cmp);
  if (n < 0) { warn_at(r, path, -1, strerror(errno)); r->failed = 1; return; }
  for (int i = 0; i < n; i++) {
    const char *nm = list[i]->d_name;
    /* in a directory only documents are read: .txt and .jsonl files
       (a file named on the command line is read whatever its name) */
    int doc = ends_with(nm, ".txt") || ends_with(nm, ".jsonl") || list[i]->d_type == DT_DIR ||
              list[i]->d_type == DT_LNK || list[i]->d_type == DT_UNKNOWN;
    if (nm[0] != '.' && doc) {
      size_t len = strlen(path) + strlen(nm) + 2;
      char *child = malloc(len);
      if (child) {
        snprintf(child, len, "%s/%s", path, nm);
        do_path(r, child, depth + 1);
        free(child);
      }
    }
    free(list[i]);
  }
  free(list);
}

static void do_path(run *r, const char *path, int depth) {
  char idbuf[512];
  int named = depth == 0;
  if (!strcmp(path, "-")) {
    alq_buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, stdin)) > 0)
      if (alq_buf_append(&b, tmp, n)) { warn_at(r, "stdin", (long long)b.len, "out of memory"); r->failed = 1; alq_buf_free(&b); return; }
    do_buffer(r, "stdin", "stdin", b.p ? b.p : "", b.len, r->jsonl);
    alq_buf_free(&b);
    return;
  }
  struct stat st;
  if (stat(path, &st) != 0) {
    char msg[300];
    snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
    warn_at(r, path, -1, msg);
    r->failed = 1;
    return;
  }
  if (S_ISDIR(st.st_mode)) { do_dir(r, path, depth); return; }
  if (!named && !ends_with(path, ".txt") && !ends_with(path, ".jsonl")) return;
  char *buf; size_t len;
  alq_error err = {0};
  if (alq_read_file(path, &buf, &len, (size_t)2 << 30, &err)) {
    warn_at(r, path, err.offset, err.msg);
    r->failed = 1;
    return;
  }
  do_buffer(r, path, base_id(path, idbuf, sizeof idbuf), buf, len, r->jsonl || ends_with(path, ".jsonl"));
  free(buf);
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
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--data")) { i++; continue; }
    if (a[0] == '-' && a[1]) continue;
    do_path(&r, a, 0);
  }
  flush_out(&r);
  fflush(stdout);
  alq_buf_free(&r.out);
  alq_extractor_free(r.ex);
  alq_lexicon_free(r.lex);
  return r.failed ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
