/* Shared helpers (see util.h). */
#include "util/util.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int alq_error_set(alq_error *err, int code, const char *file, long long offset,
                  const char *fmt, ...) {
  if (err) {
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
  }
  return code;
}

int alq_read_file(const char *path, char **out, size_t *len, size_t limit, alq_error *err) {
  *out = NULL; *len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return alq_error_set(err, ALQ_EIO, path, -1, "cannot open: %s", strerror(errno));
  alq_buf b = {0};
  b.max = limit;
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
    if (alq_buf_append(&b, tmp, n)) {
      fclose(f); alq_buf_free(&b);
      return alq_error_set(err, ALQ_ENOMEM, path, (long long)b.len, "file too large (limit %zu bytes)", limit);
    }
  }
  int bad = ferror(f);
  int e = errno;
  fclose(f);
  if (bad) {
    alq_buf_free(&b);
    return alq_error_set(err, ALQ_EIO, path, -1, "read error: %s", strerror(e));
  }
  if (alq_buf_reserve(&b, 1)) { alq_buf_free(&b); return alq_error_set(err, ALQ_ENOMEM, path, -1, "out of memory"); }
  b.p[b.len] = 0;
  *out = b.p; *len = b.len;
  return 0;
}

int alq_buf_reserve(alq_buf *b, size_t extra) {
  if (b->len + extra < b->len) return ALQ_ENOMEM;
  size_t need = b->len + extra;
  if (b->max && need > b->max) return ALQ_ENOMEM;
  if (need <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) { if (cap > SIZE_MAX / 2) return ALQ_ENOMEM; cap *= 2; }
  if (b->max && cap > b->max + 1) cap = b->max + 1;
  char *p = realloc(b->p, cap);
  if (!p) return ALQ_ENOMEM;
  b->p = p; b->cap = cap;
  return 0;
}

int alq_buf_append(alq_buf *b, const void *s, size_t n) {
  if (alq_buf_reserve(b, n + 1)) return ALQ_ENOMEM;
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
  return 0;
}

int alq_buf_printf(alq_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || alq_buf_reserve(b, (size_t)n + 1)) return ALQ_ENOMEM;
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

void alq_buf_free(alq_buf *b) { free(b->p); b->p = NULL; b->len = b->cap = 0; }

int alq_buf_json_str(alq_buf *b, const char *s, size_t n) {
  if (alq_buf_reserve(b, n * 6 + 3)) return ALQ_ENOMEM;
  b->len = (size_t)(alq_json_put_str(b->p + b->len, s, n) - b->p);
  b->p[b->len] = 0;
  return 0;
}
