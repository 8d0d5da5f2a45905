#define _DEFAULT_SOURCE 1
/* Walking the inputs of a command: files, directories (recursive, sorted),
 * JSON Lines records and stdin, each turned into an alq_doc handed to a
 * callback. Bad inputs are reported (file, line, byte offset) and skipped. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "alaqat.h"
#include "cli.h"
#include "inputs.h"
#include "read/read.h"
#include "util/util.h"

static void do_path(cli_inputs *r, const char *path, int depth);
static int ends_with(const char *s, const char *suf);

/* Files read when walking a directory. */
static int is_doc_name(const char *nm) {
  return ends_with(nm, ".txt") || ends_with(nm, ".jsonl") || ends_with(nm, ".html") || ends_with(nm, ".htm");
}

static void warn_at(cli_inputs *r, const char *name, long long off, const char *what) {
  if (r->quiet) return;
  if (off >= 0) fprintf(stderr, "alaqat: %s: byte %lld: %s\n", name, off, what);
  else fprintf(stderr, "alaqat: %s: %s\n", name, what);
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

static void do_jsonl(cli_inputs *r, const char *name, const char *buf, size_t len) {
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
    r->failed |= r->fn(&d, where, r->payload) != 0;
    json_decref(o);
  }
}

static int has_nul(const char *buf, size_t len, size_t *at) {
  const char *z = memchr(buf, 0, len);
  if (!z) return 0;
  *at = (size_t)(z - buf);
  return 1;
}

static void do_buffer(cli_inputs *r, const char *name, const char *id, const char *buf, size_t len, int jsonl) {
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
  /* HTML pages and text in another encoding go through a reader: the
     extractor sees the derived UTF-8 text, r->read maps it back */
  int html = alq_read_is_html(name, buf, len);
  alq_enc enc = html ? ALQ_ENC_UTF8 : alq_read_detect_text(buf, len);
  if (html || (enc != ALQ_ENC_UTF8 && enc != ALQ_ENC_UTF8_BOM)) {
    alq_read_doc rd;
    memset(&rd, 0, sizeof rd);
    alq_error err = {0};
    int rc = html ? alq_read_html(&rd, buf, len, name, &err) : alq_read_text(&rd, buf, len, enc, name, &err);
    if (rc) {
      warn_at(r, name, err.offset, err.msg);
      r->failed = 1;
      alq_read_doc_free(&rd);
      return;
    }
    if (rd.nbad) {
      char msg[160];
      snprintf(msg, sizeof msg, "%zu undecodable byte(s) in %s input, replaced", rd.nbad, alq_enc_name(rd.enc));
      warn_at(r, name, rd.first_bad, msg);
      r->failed = 1;
    }
    d.text = rd.text; d.len = rd.len;
    d.date = rd.date; d.title = rd.title;
    r->read = &rd;
    r->raw = buf; r->rawlen = len;
    r->failed |= r->fn(&d, name, r->payload) != 0;
    r->read = NULL; r->raw = NULL; r->rawlen = 0;
    alq_read_doc_free(&rd);
    return;
  }
  r->failed |= r->fn(&d, name, r->payload) != 0;
}


static int name_cmp(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

static void do_dir(cli_inputs *r, const char *path, int depth) {
  if (depth > 32) { warn_at(r, path, -1, "directory nesting too deep (symlink loop?); skipped"); r->failed = 1; return; }
  struct dirent **list;
  int n = scandir(path, &list, NULL, name_cmp);
  if (n < 0) { warn_at(r, path, -1, strerror(errno)); r->failed = 1; return; }
  for (int i = 0; i < n; i++) {
    const char *nm = list[i]->d_name;
    /* in a directory only documents are read: .txt and .jsonl files
       (a file named on the command line is read whatever its name) */
    int doc = is_doc_name(nm) || list[i]->d_type == DT_DIR ||
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

void cli_inputs_run(cli_inputs *r, const char *path) { do_path(r, path, 0); }

static void do_path(cli_inputs *r, const char *path, int depth) {
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
  if (!named && !is_doc_name(path)) return;
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

