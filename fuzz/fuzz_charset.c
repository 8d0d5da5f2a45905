/* Fuzz target: the charset decoders. The first byte picks the encoding
 * (detected, or one of UTF-8, UTF-8 with BOM, UTF-16LE/BE, Windows-1256,
 * ISO-8859-6); the rest is the text. Also the charset label parser. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "read/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size) return 0;
  int sel = data[0] % 7;
  const char *raw = (const char *)data + 1;
  size_t len = size - 1;
  alq_enc enc = sel == 6 ? alq_read_detect_text(raw, len) : (alq_enc)sel;
  (void)alq_enc_name(enc);
  (void)alq_enc_from_label(raw, len < 40 ? len : 40);
  alq_read_doc d;
  memset(&d, 0, sizeof d);
  alq_error err = {0};
  if (alq_read_text(&d, raw, len, enc, "fuzz", &err) == 0) {
    for (size_t i = 0; i <= d.len; i++)
      if (d.ms[i] > d.me[i] || d.me[i] > len) abort();
    if (d.text[d.len] != 0) abort();
  }
  alq_read_doc_free(&d);
  return 0;
}
