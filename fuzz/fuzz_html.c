/* Fuzz target: the HTML reader (gumbo, charset, main-text selection, the
 * map back to raw bytes). */
#include <stdlib.h>
#include "fuzz.h"
#include "read/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  alq_read_doc d;
  alq_error err = {0};
  (void)alq_read_is_html("page.html", (const char *)data, size);
  if (alq_read_html(&d, (const char *)data, size, "fuzz", &err) == 0) {
    /* the map: every derived byte comes from raw bytes inside the page */
    for (size_t i = 0; i <= d.len; i++)
      if (d.ms[i] > d.me[i] || d.me[i] > size) abort();
    if (d.text[d.len] != 0) abort();
    if (d.len) {
      uint32_t sp[2];
      alq_read_map_span(&d, 0, (uint32_t)d.len, sp);
      if (sp[0] > sp[1] || sp[1] > size) abort();
    }
    alq_read_doc_free(&d);
  }
  return 0;
}
