/* Archives and compressed input through libarchive: a .gz/.bz2/.xz/.zst
 * file is one member (its decompressed bytes); a WARC file (plain or
 * compressed) yields its response/resource records. Sizes are capped by the
 * caller so a compression bomb or a huge record cannot exhaust memory. */
#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "read/read.h"
#include "util/util.h"

/* libarchive decompresses (every filter it has, format "raw"); WARC record
 * framing is read here rather than with archive_read_support_format_warc:
 * in libarchive 3.6 (Debian 12) that reader consumes a record's data twice
 * when it arrives in more than one block (any record crossing a 64 KiB
 * boundary of a .warc.gz), hides the host of WARC-Target-URI and the
 * WARC-Record-ID, and silently drops records whose URI ends in '/'. */
#define BLOCK 65536
#define MAX_WARC_HEADER 65536

struct alq_archive {
  struct archive *a;
  char *name;           /* for messages */
  long long recno;      /* WARC records seen so far (all types) */
  int dead;             /* a fatal error was reported: no more reading */
  int warc;             /* the stream is WARC */
  int raw_done;         /* not WARC: the one member was handed out */
  char *buf;            /* lookahead block of the decompressed stream */
  size_t pos, end;
  long long off;        /* stream offset of buf[pos] */
  long long left;       /* WARC: bytes left in the current record's block */
  alq_buf hdr;          /* the current record's header (NUL-terminated) */
  char uri[2048], rid[512], type[32];
};

int alq_archive_sniff(const char *h, size_t n) {
  const unsigned char *s = (const unsigned char *)h;
  if (n >= 2 && s[0] == 0x1f && s[1] == 0x8b) return 1;                       /* gzip */
  if (n >= 3 && s[0] == 'B' && s[1] == 'Z' && s[2] == 'h') return 1;          /* bzip2 */
  if (n >= 6 && !memcmp(s, "\xfd" "7zXZ\0", 6)) return 1;                    /* xz */
  if (n >= 4 && !memcmp(s, "\x28\xb5\x2f\xfd", 4)) return 1;                  /* zstd */
  if (n >= 4 && !memcmp(s, "\x04\x22\x4d\x18", 4)) return 1;                  /* lz4 */
  if (n >= 5 && !memcmp(s, "WARC/", 5)) return 1;
  return 0;
}

long long alq_archive_offset(const alq_archive *x) { return x ? x->off : -1; }

long long alq_archive_recno(const alq_archive *x) { return x ? (x->warc ? x->recno : 1) : 0; }

/* Fills err from libarchive's message (it says "truncated gzip input" and
 * the like); the archive is then dead: a decompressor cannot resynchronize. */
static int lib_err(alq_archive *x, alq_error *err, const char *what) {
  const char *why = archive_error_string(x->a);
  x->dead = 1;
  return alq_error_set(err, ALQ_EFORMAT, x->name, x->off, "%s: %s", what, why ? why : "unknown libarchive error");
}

/* Bytes available at buf[pos] (reading a block when empty); 0 at the end,
 * <0 on a decompression error. */
static long long avail(alq_archive *x, alq_error *err) {
  if (x->pos < x->end) return (long long)(x->end - x->pos);
  if (x->dead) return 0;
  la_ssize_t k = archive_read_data(x->a, x->buf, BLOCK);
  if (k < 0) return lib_err(x, err, "truncated or corrupt compressed data");
  x->pos = 0;
  x->end = (size_t)k;
  return (long long)k;
}

int alq_archive_open(alq_archive **out, const char *path, const char *buf, size_t len, const char *name,
                     alq_error *err) {
  *out = NULL;
  alq_archive *x = calloc(1, sizeof *x);
  if (!x) return alq_error_set(err, ALQ_ENOMEM, name, -1, "out of memory");
  x->name = strdup(name ? name : "");
  x->buf = malloc(BLOCK);
  x->a = archive_read_new();
  x->hdr.max = MAX_WARC_HEADER;
  if (!x->name || !x->a || !x->buf) { alq_archive_free(x); return alq_error_set(err, ALQ_ENOMEM, name, -1, "out of memory"); }
  archive_read_support_filter_all(x->a);
  archive_read_support_format_raw(x->a);
  struct archive_entry *e;
  int r = buf ? archive_read_open_memory(x->a, buf, len) : archive_read_open_filename(x->a, path, BLOCK);
  if (r == ARCHIVE_OK) r = archive_read_next_header(x->a, &e);
  if (r < ARCHIVE_WARN) {
    /* libarchive reads a whole block ahead when opening: a short
       compressed file that is truncated fails here */
    const char *why = archive_error_string(x->a);
    /* the offset is where the input ends: libarchive stops there */
    struct stat st;
    long long at = buf ? (long long)len : stat(path, &st) == 0 ? (long long)st.st_size : -1;
    alq_error_set(err, ALQ_EFORMAT, name, at, "cannot read: %s", why ? why : "unknown error");
    alq_archive_free(x);
    return ALQ_EFORMAT;
  }
  long long k = avail(x, err);
  if (k < 0) { alq_archive_free(x); return ALQ_EFORMAT; }
  x->warc = k >= 5 && !memcmp(x->buf, "WARC/", 5);
  *out = x;
  return 0;
}

/* Consumes n bytes of the stream; returns 0, 1 at a premature end, <0. */
static int skip(alq_archive *x, long long n, alq_error *err) {
  while (n > 0) {
    long long k = avail(x, err);
    if (k < 0) return (int)k;
    if (k == 0) return 1;
    if (k > n) k = n;
    x->pos += (size_t)k; x->off += k; n -= k;
  }
  return 0;
}

/* The value of header field `key` in the NUL-terminated header h, copied
 * into out (trimmed); "" when absent. */
static void hdr_field(const char *h, const char *key, char *out, size_t cap) {
  size_t kn = strlen(key);
  out[0] = 0;
  for (const char *l = h; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
    if (strncasecmp(l, key, kn) || l[kn] != ':') continue;
    const char *v = l + kn + 1;
    while (*v == ' ' || *v == '\t') v++;
    size_t n = strcspn(v, "\r\n");
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    if (n >= cap) n = cap - 1;
    memcpy(out, v, n);
    out[n] = 0;
    return;
  }
}

/* Reads the next record header into x->hdr. Returns 1, 0 at a clean end,
 * or <0 with err set. */
static int read_header(alq_archive *x, alq_error *err) {
  x->hdr.len = 0;
  /* the blank lines that end the previous record (CRLF CRLF) */
  for (;;) {
    long long k = avail(x, err);
    if (k < 0) return (int)k;
    if (k == 0) return 0;
    char c = x->buf[x->pos];
    if (c != '\r' && c != '\n') break;
    x->pos++; x->off++;
  }
  long long start = x->off;
  x->recno++;   /* counted from its first byte, so errors name it */
  for (;;) {
    long long k = avail(x, err);
    if (k < 0) return (int)k;
    if (k == 0) {
      x->dead = 1;
      return alq_error_set(err, ALQ_EFORMAT, x->name, x->off,
                           "truncated WARC record header (started at byte %lld)", start);
    }
    const char *s = x->buf + x->pos;
    const char *nl = memchr(s, '\n', (size_t)k);
    size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)k;
    if (alq_buf_append(&x->hdr, s, n)) {
      x->dead = 1;
      return alq_error_set(err, ALQ_EFORMAT, x->name, start, "WARC record header longer than %d bytes",
                           MAX_WARC_HEADER);
    }
    x->pos += n; x->off += (long long)n;
    size_t L = x->hdr.len;
    const char *h = x->hdr.p;
    if (nl && ((L >= 4 && !memcmp(h + L - 4, "\r\n\r\n", 4)) || (L >= 2 && !memcmp(h + L - 2, "\n\n", 2)))) break;
  }
  if (alq_buf_append(&x->hdr, "", 1)) { x->dead = 1; return alq_error_set(err, ALQ_ENOMEM, x->name, start, "out of memory"); }
  if (strncmp(x->hdr.p, "WARC/", 5)) {
    x->dead = 1;
    return alq_error_set(err, ALQ_EFORMAT, x->name, start, "not a WARC record header (lost sync)");
  }
  return 1;
}

int alq_archive_next(alq_archive *x, alq_archive_member *m, alq_error *err) {
  memset(m, 0, sizeof *m);
  m->size = -1;
  if (x->dead) return 0;
  if (!x->warc) {
    if (x->raw_done) return 0;
    x->raw_done = 1;
    m->recno = 1;
    return 1;
  }
  for (;;) {
    if (x->left > 0) {
      int rc = skip(x, x->left, err);
      if (rc < 0) return rc;
      if (rc) {
        x->dead = 1;
        return alq_error_set(err, ALQ_EFORMAT, x->name, x->off, "truncated WARC record");
      }
      x->left = 0;
    }
    int rc = read_header(x, err);
    if (rc <= 0) return rc;
    char len[32];
    hdr_field(x->hdr.p, "Content-Length", len, sizeof len);
    char *end;
    long long n = strtoll(len, &end, 10);
    if (!len[0] || *end || n < 0) {
      x->dead = 1;
      return alq_error_set(err, ALQ_EFORMAT, x->name, x->off, "WARC record has no valid Content-Length");
    }
    x->left = n;
    hdr_field(x->hdr.p, "WARC-Type", x->type, sizeof x->type);
    if (strcasecmp(x->type, "response") && strcasecmp(x->type, "resource")) continue;
    hdr_field(x->hdr.p, "WARC-Target-URI", x->uri, sizeof x->uri);
    hdr_field(x->hdr.p, "WARC-Record-ID", x->rid, sizeof x->rid);
    /* WARC 1.1 puts the URI in angle brackets */
    size_t ul = strlen(x->uri);
    if (ul >= 2 && x->uri[0] == '<' && x->uri[ul - 1] == '>') { memmove(x->uri, x->uri + 1, ul - 2); x->uri[ul - 2] = 0; }
    char date[64];
    hdr_field(x->hdr.p, "WARC-Date", date, sizeof date);
    if (strlen(date) >= 10 && date[4] == '-' && date[7] == '-') { memcpy(m->date, date, 10); m->date[10] = 0; }
    m->warc = 1;
    m->recno = x->recno;
    m->size = n;
    m->name = x->uri[0] ? x->uri : NULL;
    m->record_id = x->rid[0] ? x->rid : NULL;
    return 1;
  }
}

long long alq_archive_read(alq_archive *x, char *buf, size_t n, alq_error *err) {
  if (x->dead) return 0;
  if (x->warc) {
    if (x->left <= 0) return 0;
    if ((long long)n > x->left) n = (size_t)x->left;
  }
  long long k = avail(x, err);
  if (k < 0) return k;
  if (k == 0) {
    if (!x->warc) return 0;
    x->dead = 1;
    return alq_error_set(err, ALQ_EFORMAT, x->name, x->off, "truncated WARC record (%lld bytes missing)",
                         x->left);
  }
  if ((size_t)k > n) k = (long long)n;
  memcpy(buf, x->buf + x->pos, (size_t)k);
  x->pos += (size_t)k; x->off += k;
  if (x->warc) x->left -= k;
  return k;
}

int alq_archive_slurp(alq_archive *x, char **out, size_t *len, size_t max, alq_error *err) {
  *out = NULL; *len = 0;
  if (x->warc && max && x->left > (long long)max) {
    /* known size: skip without reading it into memory */
    long long at = x->off, n = x->left;
    int rc = skip(x, x->left, err);
    x->left = 0;
    if (rc < 0) return rc;
    if (rc) {
      x->dead = 1;
      return alq_error_set(err, ALQ_EFORMAT, x->name, x->off, "truncated WARC record");
    }
    return alq_error_set(err, ALQ_ENOMEM, x->name, at, "%lld bytes, larger than %zu; skipped", n, max);
  }
  alq_buf b = {0};
  b.max = max ? max + 1 : 0;
  char tmp[BLOCK];
  for (;;) {
    long long k = alq_archive_read(x, tmp, sizeof tmp, err);
    if (k < 0) { alq_buf_free(&b); return (int)k; }
    if (k == 0) break;
    if (alq_buf_append(&b, tmp, (size_t)k)) {
      long long at = x->off;
      alq_buf_free(&b);
      /* the rest is skipped so the next member can be read */
      for (;;) {
        long long j = alq_archive_read(x, tmp, sizeof tmp, err);
        if (j < 0) return (int)j;
        if (j == 0) break;
      }
      return alq_error_set(err, ALQ_ENOMEM, x->name, at, "larger than %zu bytes; skipped", max);
    }
  }
  if (alq_buf_reserve(&b, 1)) { alq_buf_free(&b); return alq_error_set(err, ALQ_ENOMEM, x->name, -1, "out of memory"); }
  b.p[b.len] = 0;
  *out = b.p; *len = b.len;
  return 0;
}

void alq_archive_free(alq_archive *x) {
  if (!x) return;
  if (x->a) archive_read_free(x->a);
  alq_buf_free(&x->hdr);
  free(x->buf);
  free(x->name);
  free(x);
}

/* ---- HTTP responses inside WARC records ---------------------------------- */

static int hdr_is(const char *s, size_t n, const char *name) {
  size_t m = strlen(name);
  return n > m && s[m] == ':' && !strncasecmp(s, name, m);
}

int alq_http_split(const char *rec, size_t len, size_t *body_off, int *status, char *ctype, size_t cap,
                   int *chunked, int *encoded) {
  *body_off = 0; *status = 0; *chunked = 0; *encoded = 0;
  if (cap) ctype[0] = 0;
  if (len < 5 || memcmp(rec, "HTTP/", 5)) return 0;
  /* status line: HTTP/x.y NNN reason */
  const char *sp = memchr(rec, ' ', len < 64 ? len : 64);
  if (sp && (size_t)(sp - rec) + 4 <= len) {
    int code = 0;
    for (int i = 1; i <= 3; i++) {
      char c = sp[i];
      if (c < '0' || c > '9') { code = 0; break; }
      code = code * 10 + (c - '0');
    }
    *status = code;
  }
  size_t pos = 0;
  for (;;) {
    const char *nl = memchr(rec + pos, '\n', len - pos);
    if (!nl) return ALQ_EFORMAT;
    size_t end = (size_t)(nl - rec);
    size_t n = end - pos;
    if (n && rec[pos + n - 1] == '\r') n--;
    if (n == 0 && pos > 0) { *body_off = end + 1; return 0; }
    const char *l = rec + pos;
    if (hdr_is(l, n, "content-type") && cap) {
      size_t v = 13;
      while (v < n && (l[v] == ' ' || l[v] == '\t')) v++;
      size_t k = n - v < cap - 1 ? n - v : cap - 1;
      memcpy(ctype, l + v, k);
      ctype[k] = 0;
    } else if (hdr_is(l, n, "transfer-encoding")) {
      for (size_t i = 18; i + 7 <= n; i++) if (!strncasecmp(l + i, "chunked", 7)) *chunked = 1;
    } else if (hdr_is(l, n, "content-encoding")) {
      size_t v = 17;
      while (v < n && (l[v] == ' ' || l[v] == '\t')) v++;
      if (n - v > 0 && !(n - v == 8 && !strncasecmp(l + v, "identity", 8))) *encoded = 1;
    }
    pos = end + 1;
  }
}
