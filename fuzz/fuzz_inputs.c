/* Fuzz target: the input walker of the CLI (cli/inputs.c): JSON Lines
 * (field names, dates, escapes), compressed files and WARC records
 * (libarchive, the record framing of src/read/archive.c, HTTP headers),
 * all through a temporary file as the CLI reads them. The first byte picks
 * the name: .jsonl, .txt (sniffed: compressed, WARC, HTML or text), .warc
 * or .html. Also the HTTP splitter on the raw bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "alaqat.h"
#include "fuzz.h"
#include "inputs.h"
#include "read/read.h"

/* cli/main.c's warning printer, which cli/inputs.c calls */
void cli_warn(const char *fmt, ...) { (void)fmt; }

static int on_doc(const alq_doc *doc, const char *where, void *payload) {
  (void)where;
  size_t *n = payload;
  if (!doc->id || (doc->len && !doc->text)) abort();
  volatile unsigned char s = 0;
  for (size_t i = 0; i < doc->len; i++) s ^= (unsigned char)doc->text[i];
  (void)s;
  (*n)++;
  return 0;
}

static char dir[64];
static void cleanup(void) { rmdir(dir); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const names[] = {"in.jsonl", "in.txt", "in.warc", "in.html"};
  if (!dir[0]) {
    snprintf(dir, sizeof dir, "/tmp/alq-fuzz-XXXXXX");
    if (!mkdtemp(dir)) abort();
    atexit(cleanup);
  }
  if (!size) return 0;
  {
    size_t b; int st; char ct[64]; int ch, en;
    (void)alq_http_split((const char *)data, size, &b, &st, ct, sizeof ct, &ch, &en);
  }
  char path[128];
  snprintf(path, sizeof path, "%s/%s", dir, names[data[0] % 4]);
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  if (size > 1) fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  size_t n = 0;
  cli_inputs in;
  memset(&in, 0, sizeof in);
  in.quiet = 1;
  in.fn = on_doc;
  in.payload = &n;
  cli_inputs_run(&in, path);
  unlink(path);
  return 0;
}
