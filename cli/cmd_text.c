/* alaqat text: prints the clean main text of each input (plain text decoded
 * to UTF-8; HTML: headline and article body), or with --json one object per
 * document with its metadata, encoding and the map back to the raw bytes. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alaqat.h"
#include "cli.h"
#include "read/read.h"
#include "util/util.h"

const char cmd_text_usage[] =
  "usage: alaqat text [--json] FILE...\n"
  "\n"
  "Prints the text alaqat extracts from: plain text decoded to UTF-8 (UTF-8,\n"
  "UTF-16 with BOM, Windows-1256 detected), HTML pages (.html/.htm or a page\n"
  "starting with <!doctype html or <html) as their headline and article body.\n"
  "\n"
  "options:\n"
  "  --json    one JSON object per document: id, title, date, outlet, url,\n"
  "            encoding, text and map, a list of [text_start, raw_start,\n"
  "            length] runs (text byte text_start+k came from raw byte\n"
  "            raw_start+k)\n"
  "\n"
  "exit status: 0 ok, 1 some inputs failed or had undecodable bytes, 2 usage.\n";

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *map_runs(const alq_read_doc *d) {
  json_t *a = json_array();
  size_t i = 0;
  while (i < d->len) {
    size_t k = 1;
    while (i + k < d->len && d->ms[i + k] == d->ms[i] + k) k++;
    json_array_append_new(a, json_pack("[III]", (json_int_t)i, (json_int_t)d->ms[i], (json_int_t)k));
    i += k;
  }
  return a;
}

static int one(const char *path, int as_json) {
  char *buf; size_t len;
  alq_error err = {0};
  if (alq_read_file(path, &buf, &len, ALQ_READ_MAX_INPUT, &err)) {
    cli_warn("%s: %s", path, err.msg);
    return 1;
  }
  int failed = 0;
  alq_read_doc d;
  int rc;
  if (len == 0) { cli_warn("%s: empty input, no text", path); free(buf); return 1; }
  const char *z = memchr(buf, 0, len < 8192 ? len : 8192);
  alq_enc enc = alq_read_detect_text(buf, len);
  if (z && enc != ALQ_ENC_UTF16LE && enc != ALQ_ENC_UTF16BE) {
    cli_warn("%s: byte %zu: binary data (NUL byte); input skipped", path, (size_t)(z - buf));
    free(buf);
    return 1;
  }
  if (alq_read_is_html(path, buf, len)) rc = alq_read_html(&d, buf, len, path, &err);
  else rc = alq_read_text(&d, buf, len, enc, path, &err);
  if (rc) {
    if (err.offset >= 0) cli_warn("%s: byte %lld: %s", path, err.offset, err.msg);
    else cli_warn("%s: %s", path, err.msg);
    free(buf);
    return 1;
  }
  if (d.nbad) {
    cli_warn("%s: byte %lld: %zu undecodable byte(s) as %s, replaced by U+FFFD", path,
             d.first_bad, d.nbad, alq_enc_name(d.enc));
    failed = 1;
  }
  if (as_json) {
    char id[512];
    const char *b = strrchr(path, '/');
    snprintf(id, sizeof id, "%s", b ? b + 1 : path);
    char *dot = strrchr(id, '.');
    if (dot && dot != id) *dot = 0;
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "title", str_or_null(d.title));
    json_object_set_new(o, "date", str_or_null(d.date));
    json_object_set_new(o, "outlet", str_or_null(d.outlet));
    json_object_set_new(o, "url", str_or_null(d.url));
    json_object_set_new(o, "encoding", json_string(alq_enc_name(d.enc)));
    json_object_set_new(o, "format", json_string(d.html ? "html" : "text"));
    json_object_set_new(o, "text", json_stringn(d.text, d.len));
    json_object_set_new(o, "map", map_runs(&d));
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (s) { fputs(s, stdout); fputc('\n', stdout); free(s); }
    else { cli_warn("%s: cannot write JSON (out of memory)", path); failed = 1; }
    json_decref(o);
  } else {
    fwrite(d.text, 1, d.len, stdout);
    if (d.len && d.text[d.len - 1] != '\n') fputc('\n', stdout);
  }
  alq_read_doc_free(&d);
  free(buf);
  return failed;
}

int cmd_text(int argc, char **argv) {
  int as_json = 0, n = 0, failed = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--json")) as_json = 1;
    else if (argv[i][0] == '-' && argv[i][1]) { cli_warn("text: unknown option '%s' (see alaqat help text)", argv[i]); return ALQ_EXIT_USAGE; }
    else n++;
  }
  if (!n) { fputs(cmd_text_usage, stderr); return ALQ_EXIT_USAGE; }
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-' || !argv[i][1]) failed |= one(argv[i], as_json);
  fflush(stdout);
  return failed ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
