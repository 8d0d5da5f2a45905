#define _DEFAULT_SOURCE 1
/* Walking the inputs of a command: files, directories (recursive, sorted),
 * lists of paths, JSON Lines records (streamed), compressed files and WARC
 * records (libarchive) and stdin, each turned into an alq_doc handed to a
 * callback. Bad inputs are reported (file, line or record, byte offset) and
 * skipped; memory stays bounded by ALQ_READ_MAX_INPUT per document. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "alaqat.h"
#include "cli.h"
#include "inputs.h"
#include "read/read.h"
#include "util/util.h"

/* The directories being walked, to report symlink loops instead of
 * walking them until the depth limit (which would read every file of the
 * loop dozens of times). */
#define MAX_DEPTH 64
typedef struct walk { dev_t dev[MAX_DEPTH]; ino_t ino[MAX_DEPTH]; int n; } walk;

static void do_path(cli_inputs *r, const char *path, int depth, walk *w);
static void do_file(cli_inputs *r, const char *path, int fd, const struct stat *st);

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* Length of a compression suffix of the name (".gz", ...), 0 when none. */
static size_t compress_suffix(const char *nm) {
  static const char *const sfx[] = {".gz", ".bz2", ".xz", ".zst", ".lz4", NULL};
  for (int i = 0; sfx[i]; i++) if (ends_with(nm, sfx[i])) return strlen(sfx[i]);
  return 0;
}

/* Files read when walking a directory (also compressed). */
static int is_doc_name(const char *nm) {
  char b[1024];
  snprintf(b, sizeof b, "%s", nm);
  b[strlen(b) - compress_suffix(b)] = 0;
  return ends_with(b, ".txt") || ends_with(b, ".jsonl") || ends_with(b, ".html") || ends_with(b, ".htm") ||
         ends_with(b, ".warc");
}

static void warn_at(cli_inputs *r, const char *name, long long off, const char *what) {
  if (r->quiet) return;
  if (off >= 0) fprintf(stderr, "alaqat: %s: byte %lld: %s\n", name, off, what);
  else fprintf(stderr, "alaqat: %s: %s\n", name, what);
}

static void fail_at(cli_inputs *r, const char *name, long long off, const char *what) {
  warn_at(r, name, off, what);
  r->failed = 1;
}

static const char *base_id(const char *path, char *buf, size_t cap) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  snprintf(buf, cap, "%s", b);
  buf[strlen(buf) - compress_suffix(buf)] = 0;
  char *dot = strrchr(buf, '.');
  if (dot && dot != buf) *dot = 0;
  return buf;
}

/* ---- options ------------------------------------------------------------ */

int cli_inputs_option(cli_inputs *in, int argc, char **argv, int *i) {
  static const char *const names[] = {"--id-field", "--text-field", "--title-field", "--date-field",
                                      "--url-field", NULL};
  const char **slots[] = {&in->id_field, &in->text_field, &in->title_field, &in->date_field, &in->url_field};
  const char *a = argv[*i];
  for (int k = 0; names[k]; k++) {
    size_t n = strlen(names[k]);
    if (strncmp(a, names[k], n)) continue;
    if (a[n] == '=') { *slots[k] = a + n + 1; }
    else if (a[n] == 0) {
      if (*i + 1 >= argc || !argv[*i + 1][0]) { cli_warn("%s needs a field name", names[k]); return -1; }
      *slots[k] = argv[++*i];
    } else continue;
    if (!**slots[k]) { cli_warn("%s needs a field name", names[k]); return -1; }
    return 1;
  }
  return 0;
}

/* ---- documents ------------------------------------------------------------ */

/* Hands one document to the callback with its reader state. */
static void emit(cli_inputs *r, const alq_doc *d, const char *where, const alq_read_doc *rd, const char *raw,
                 size_t rawlen, const char *url) {
  r->read = rd; r->raw = raw; r->rawlen = rawlen; r->url = url;
  r->failed |= r->fn(d, where, r->payload) != 0;
  r->read = NULL; r->raw = NULL; r->rawlen = 0; r->url = NULL;
}

/* ---- JSON Lines records ----------------------------------------------------
 *
 * A record is parsed by cJSON (~10x faster than jansson's json_loadb, whose
 * lexer takes every byte through an indirect call and a one-byte copy:
 * docs/PERFORMANCE.md, session 5) when it is in the subset of JSON on which
 * cJSON and jansson (json_loadb, flags 0) give the same answer and the same
 * values; anything else goes to jansson, whose results and error messages
 * (text, byte offset) are therefore those of every earlier release. cJSON is
 * laxer than jansson: it treats any byte <= 0x20 as white space and takes
 * raw control characters, invalid UTF-8 and a \u0000 or \uXXXX with non-hex
 * digits (decoded as a NUL) inside strings, skips a byte-order mark, ignores
 * what follows the value, reads numbers with strtod (01, 1., -.5, integers
 * beyond 64 bits, 1e999; every number a double, so 5 and 5.0 look the same)
 * and keeps both members of a duplicated key (jansson keeps the last). The
 * fast path therefore takes only a line that starts with '{', ends with the
 * object (then jansson's white space), is valid UTF-8, has no byte below 0x20
 * and no \u escape other than four hex digits not all zero, and whose tree
 * holds no number; it reads the last member of each field name. Where cJSON
 * is stricter (nesting deeper than 1,000, numbers longer than 63 bytes) it
 * fails and jansson decides. cJSON is thread-safe as used here (no
 * cJSON_GetErrorPtr, no cJSON_InitHooks, no setlocale). */

/* A field of the record as the document needs it. */
typedef struct jsonl_val { const char *s; size_t len; int is_str, is_int; long long i; } jsonl_val;
enum { F_ID, F_TEXT, F_TITLE, F_DATE, F_URL, F_N };

static void field_names(const cli_inputs *r, const char *nm[F_N]) {
  nm[F_ID] = r->id_field ? r->id_field : "id";
  nm[F_TEXT] = r->text_field ? r->text_field : "text";
  nm[F_TITLE] = r->title_field ? r->title_field : "title";
  nm[F_DATE] = r->date_field ? r->date_field : "date";
  nm[F_URL] = r->url_field ? r->url_field : "url";
}

/* Fills rec's document from the fields, or 1 with the message. */
static int jsonl_doc(const cli_inputs *r, const jsonl_val f[F_N], const char *where, cli_jsonl_rec *rec, char *msg,
                     size_t msgcap, long long *msg_off) {
  if (!f[F_TEXT].is_str) {
    snprintf(msg, msgcap, "record has no \"%.100s\" string; skipped", r->text_field ? r->text_field : "text");
    *msg_off = 0;
    return 1;
  }
  alq_doc *d = &rec->doc;
  if (f[F_ID].is_str) d->id = f[F_ID].s;
  else if (f[F_ID].is_int) { snprintf(rec->numid, sizeof rec->numid, "%lld", f[F_ID].i); d->id = rec->numid; }
  else d->id = where;
  d->text = f[F_TEXT].s;
  d->len = f[F_TEXT].len;
  d->date = f[F_DATE].is_str && f[F_DATE].len >= 10 ? f[F_DATE].s : NULL;
  d->title = f[F_TITLE].is_str ? f[F_TITLE].s : NULL;
  rec->url = f[F_URL].is_str ? f[F_URL].s : NULL;
  return 0;
}

static int hex_digit(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

/* 1 when s[0..n) has no byte below 0x20 and every \u escape is four hex
 * digits, not 0000. Escapes pair from the start of the line: backslashes
 * outside strings make the line invalid for both parsers anyway. */
static int jsonl_plain_bytes(const unsigned char *s, size_t n) {
  size_t i = 0;
  for (;;) {
#ifdef __SSE2__
    const __m128i c1f = _mm_set1_epi8(0x1F), bs = _mm_set1_epi8('\\');
    while (i + 16 <= n) {
      __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
      __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v), _mm_cmpeq_epi8(v, bs));
      unsigned m = (unsigned)_mm_movemask_epi8(hit);
      if (m) { i += (size_t)__builtin_ctz(m); break; }
      i += 16;
    }
#endif
    if (i >= n) return 1;
    if (s[i] < 0x20) return 0;
    if (s[i] != '\\') { i++; continue; }
    if (i + 1 >= n || s[i + 1] < 0x20) return 0;
    if (s[i + 1] != 'u') { i += 2; continue; }
    if (n - i < 6 || !hex_digit(s[i + 2]) || !hex_digit(s[i + 3]) || !hex_digit(s[i + 4]) || !hex_digit(s[i + 5]))
      return 0;
    if (s[i + 2] == '0' && s[i + 3] == '0' && s[i + 4] == '0' && s[i + 5] == '0') return 0;
    i += 6;
  }
}

/* Whether a member of the line has a number value, seen from the bytes: an
 * unescaped quote (the end of the name), white space, ':', white space, '-'
 * or a digit. Such a record (an integer id, a count) goes to jansson at
 * once instead of being parsed by cJSON first to find the number. Only a
 * shortcut, wrong either way without harm: a number in an array is left to
 * cj_has_number, and a string value starting with ':' and a digit matches
 * too (jansson then parses a record cJSON could have). */
static int jsonl_number_member(const char *s, size_t n) {
  const char *e = s + n;
  for (const char *c = memchr(s, ':', n); c; c = memchr(c + 1, ':', (size_t)(e - c - 1))) {
    const char *q = c, *v = c + 1;
    while (q > s && (q[-1] == ' ' || q[-1] == '\t')) q--;
    if (q == s || q[-1] != '"') continue;
    size_t bs = 0;
    for (const char *b = q - 1; b > s && b[-1] == '\\'; b--) bs++;
    if (bs % 2) continue;
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    if (v < e && (*v == '-' || (*v >= '0' && *v <= '9'))) return 1;
  }
  return 0;
}

static int cj_has_number(const cJSON *c) {
  for (; c; c = c->next)
    if (cJSON_IsNumber(c) || (c->child && cj_has_number(c->child))) return 1;
  return 0;
}

/* The cJSON path: 0 with *rec filled, 1 with a message (a record jansson
 * reads the same way: no "text" string), -1 when jansson must decide. */
static int parse_cjson(const cli_inputs *r, const char *s, size_t n, const char *where, cli_jsonl_rec *rec,
                       char *msg, size_t msgcap, long long *msg_off) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
  const unsigned char *u = (const unsigned char *)s;
  if (!n || s[0] != '{' || jsonl_number_member(s, n) || !jsonl_plain_bytes(u, n) || !alq_read_utf8_valid(u, n))
    return -1;
  const char *end = NULL;
  cJSON *o = cJSON_ParseWithLengthOpts(s, n, &end, 0);
  if (!o) return -1;
  if (end != s + n || !cJSON_IsObject(o) || cj_has_number(o->child)) { cJSON_Delete(o); return -1; }
  const char *nm[F_N];
  field_names(r, nm);
  jsonl_val f[F_N];
  memset(f, 0, sizeof f);
  for (const cJSON *c = o->child; c; c = c->next)
    for (int k = 0; k < F_N; k++)
      if (!strcmp(c->string, nm[k])) {
        /* the last member of a name counts, as in jansson */
        f[k].is_str = cJSON_IsString(c);
        f[k].s = f[k].is_str ? c->valuestring : NULL;
        f[k].len = f[k].is_str ? strlen(c->valuestring) : 0;
      }
  rec->cjson = o;
  int rc = jsonl_doc(r, f, where, rec, msg, msgcap, msg_off);
  if (rc) cli_jsonl_done(rec);
  return rc;
}

static void jansson_val(json_t *o, const char *name, jsonl_val *v) {
  json_t *j = json_object_get(o, name);
  memset(v, 0, sizeof *v);
  if (json_is_string(j)) { v->is_str = 1; v->s = json_string_value(j); v->len = json_string_length(j); }
  else if (json_is_integer(j)) { v->is_int = 1; v->i = (long long)json_integer_value(j); }
}

/* The jansson path (every record before cJSON was used): 0 or 1 as
 * cli_jsonl_parse. */
static int parse_jansson(const cli_inputs *r, const char *s, size_t n, const char *where, cli_jsonl_rec *rec,
                         char *msg, size_t msgcap, long long *msg_off) {
  json_error_t je;
  json_t *o = json_loadb(s, n, 0, &je);
  if (!o || !json_is_object(o)) {
    snprintf(msg, msgcap, "malformed JSON: %s", o ? "not an object" : je.text);
    *msg_off = o ? 0 : je.position;
    json_decref(o);
    return 1;
  }
  const char *nm[F_N];
  field_names(r, nm);
  jsonl_val f[F_N];
  for (int k = 0; k < F_N; k++) jansson_val(o, nm[k], &f[k]);
  rec->json = o;
  int rc = jsonl_doc(r, f, where, rec, msg, msgcap, msg_off);
  if (rc) cli_jsonl_done(rec);
  return rc;
}

int cli_jsonl_parse(const cli_inputs *r, const char *s, size_t n, const char *where, cli_jsonl_rec *rec,
                    char *msg, size_t msgcap, long long *msg_off) {
  memset(rec, 0, sizeof *rec);
  int rc = parse_cjson(r, s, n, where, rec, msg, msgcap, msg_off);
  return rc >= 0 ? rc : parse_jansson(r, s, n, where, rec, msg, msgcap, msg_off);
}

void cli_jsonl_done(cli_jsonl_rec *rec) {
  json_decref((json_t *)rec->json);
  cJSON_Delete((cJSON *)rec->cjson);
  rec->json = NULL;
  rec->cjson = NULL;
}

/* One JSON Lines record; `off` is the byte offset of the line. */
static void do_json_line(cli_inputs *r, const char *name, long long lineno, long long off, const char *s,
                         size_t n) {
  char where[1100];
  snprintf(where, sizeof where, "%s:%lld", name, lineno);
  int blank = 1;
  for (size_t i = 0; i < n; i++) if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') { blank = 0; break; }
  if (blank) return;
  if (r->line_fn) { r->failed |= r->line_fn(s, n, where, off, r->payload) != 0; return; }
  cli_jsonl_rec rec;
  char msg[300];
  long long moff;
  if (cli_jsonl_parse(r, s, n, where, &rec, msg, sizeof msg, &moff)) {
    fail_at(r, where, off + moff, msg);
    return;
  }
  emit(r, &rec.doc, where, NULL, NULL, 0, rec.url);
  cli_jsonl_done(&rec);
}

/* A byte source for streamed JSON Lines: a file descriptor (fd >= 0), an
 * archive member or a buffer. Returns bytes read, 0 at the end, <0 with
 * err set. A descriptor is read with read(2), which returns what a pipe
 * holds at once (fread would wait for the whole block): with --stream a
 * record is extracted as soon as its line has arrived, not when 64 KiB
 * more or the end of the input have. */
typedef struct source { int fd; alq_archive *ar; const char *p; size_t len, pos; } source;

static long long src_read(source *s, char *buf, size_t n, alq_error *err) {
  if (s->ar) return alq_archive_read(s->ar, buf, n, err);
  if (s->fd >= 0) {
    ssize_t k;
    do k = read(s->fd, buf, n); while (k < 0 && errno == EINTR);
    if (k < 0) return alq_error_set(err, ALQ_EIO, "", -1, "read error: %s", strerror(errno));
    return (long long)k;
  }
  size_t k = s->len - s->pos < n ? s->len - s->pos : n;
  memcpy(buf, s->p + s->pos, k);
  s->pos += k;
  return (long long)k;
}

/* JSON Lines read as a stream: memory is one line (at most
 * ALQ_READ_MAX_INPUT bytes; longer lines are reported and skipped). */
static void do_jsonl(cli_inputs *r, const char *name, source *src) {
  alq_buf line = {0};
  line.max = ALQ_READ_MAX_INPUT;
  char blk[1 << 16];
  long long off = 0, lineno = 1, total = 0, line_off = 0;
  int skipping = 0;
  alq_error err = {0};
  for (;;) {
    long long k = src_read(src, blk, sizeof blk, &err);
    if (k < 0) {
      char msg[700];
      snprintf(msg, sizeof msg, "line %lld: %s", lineno, err.msg);
      fail_at(r, name, err.offset >= 0 ? err.offset : off, msg);
      break;
    }
    if (k == 0) {
      if (line.len && !skipping) do_json_line(r, name, lineno, line_off, line.p, line.len);
      break;
    }
    /* a NUL in the first 8 KiB of the input means binary data (counted
       in bytes: a pipe may deliver them in several reads) */
    const char *z = total < 8192 ? memchr(blk, 0, (size_t)(k < 8192 - total ? k : 8192 - total)) : NULL;
    long long at = total + (z ? z - blk : 0);
    total += k;
    if (z) { fail_at(r, name, at, "binary data (NUL byte); input skipped"); break; }
    size_t i = 0;
    while (i < (size_t)k) {
      const char *nl = memchr(blk + i, '\n', (size_t)k - i);
      size_t seg = nl ? (size_t)(nl - (blk + i)) : (size_t)k - i;
      if (!skipping && alq_buf_append(&line, blk + i, seg)) {
        char msg[160];
        snprintf(msg, sizeof msg, "line longer than %zu bytes; skipped", ALQ_READ_MAX_INPUT);
        char where[1100];
        snprintf(where, sizeof where, "%s:%lld", name, lineno);
        fail_at(r, where, line_off, msg);
        skipping = 1;
        alq_buf_free(&line);   /* the memory goes back at once */
        line.max = ALQ_READ_MAX_INPUT;
      }
      off += (long long)seg;
      i += seg;
      if (nl) {
        if (!skipping) do_json_line(r, name, lineno, line_off, line.p ? line.p : "", line.len);
        line.len = 0;
        skipping = 0;
        off++; i++;
        lineno++;
        line_off = off;
      }
    }
  }
  if (total == 0 && !err.code) fail_at(r, name, -1, "empty input, nothing to extract");
  alq_buf_free(&line);
}

/* One whole document in memory (a file, stdin, a decompressed member). */
static void do_buffer(cli_inputs *r, const char *name, const char *id, const char *buf, size_t len, int jsonl) {
  if (len == 0) { fail_at(r, name, -1, "empty input, nothing to extract"); return; }
  if (jsonl) {
    source s = {.fd = -1, .p = buf, .len = len};
    do_jsonl(r, name, &s);
    return;
  }
  int html = alq_read_is_html(name, buf, len);
  alq_enc enc = html ? ALQ_ENC_UTF8 : alq_read_detect_text(buf, len);
  /* a NUL in the first 8 KiB means a binary file (UTF-16 has NULs by
     design); later ones are reported per byte by the extractor */
  const char *z = memchr(buf, 0, len < 8192 ? len : 8192);
  if (z && enc != ALQ_ENC_UTF16LE && enc != ALQ_ENC_UTF16BE) {
    fail_at(r, name, z - buf, "binary data (NUL byte); input skipped");
    return;
  }
  alq_doc d = {0};
  d.id = id; d.text = buf; d.len = len;
  if (!html && (enc == ALQ_ENC_UTF8 || enc == ALQ_ENC_UTF8_BOM)) { emit(r, &d, name, NULL, NULL, 0, NULL); return; }
  /* HTML pages and text in another encoding go through a reader: the
     callback sees the derived UTF-8 text, r->read maps it back */
  alq_read_doc rd;
  memset(&rd, 0, sizeof rd);
  alq_error err = {0};
  int rc = html ? alq_read_html(&rd, buf, len, name, &err) : alq_read_text(&rd, buf, len, enc, name, &err);
  if (rc) { fail_at(r, name, err.offset, err.msg); alq_read_doc_free(&rd); return; }
  if (rd.nbad) {
    char msg[160];
    snprintf(msg, sizeof msg, "%zu undecodable byte(s) in %s input, replaced", rd.nbad, alq_enc_name(rd.enc));
    fail_at(r, name, rd.first_bad, msg);
  }
  d.text = rd.text; d.len = rd.len;
  d.date = rd.date; d.title = rd.title;
  emit(r, &d, name, &rd, buf, len, rd.url);
  alq_read_doc_free(&rd);
}

/* ---- archives -------------------------------------------------------------- */

static int has_html_type(const char *ct) {
  for (const char *p = ct; *p; p++) if (!strncasecmp(p, "html", 4)) return 1;
  return 0;
}

static int charset_of(const char *ct) {
  for (const char *p = ct; *p; p++)
    if (!strncasecmp(p, "charset=", 8)) {
      p += 8;
      if (*p == '"' || *p == '\'') p++;
      return alq_enc_from_label(p, strlen(p));
    }
  return -1;
}

/* A WARC record: an HTTP response holding HTML (or a resource record that
 * is a page) becomes a document whose spans point into the HTTP body. */
static int do_warc_record(cli_inputs *r, alq_archive *x, const alq_archive_member *m, const char *path) {
  char where[1100];
  snprintf(where, sizeof where, "%s: record %lld", path, m->recno);
  char *rec; size_t n;
  alq_error err = {0};
  int rc = alq_archive_slurp(x, &rec, &n, ALQ_READ_MAX_INPUT, &err);
  if (rc) { fail_at(r, where, err.offset, err.msg); return rc == ALQ_ENOMEM ? 0 : rc; }
  size_t body; int status, chunked, encoded;
  char ctype[256];
  if (alq_http_split(rec, n, &body, &status, ctype, sizeof ctype, &chunked, &encoded)) {
    fail_at(r, where, alq_archive_offset(x), "HTTP headers do not end within the record; skipped");
    free(rec);
    return 0;
  }
  int page = body ? (status >= 200 && status < 300 && has_html_type(ctype))
                  : alq_read_is_html(m->name, rec, n);
  /* requests, redirects, images, scripts: not documents, silently */
  if (!page || body >= n) { free(rec); return 0; }
  if (chunked || encoded) {
    fail_at(r, where, -1, chunked ? "HTTP body in chunked transfer coding (not supported); skipped"
                                  : "HTTP body content-encoded (gzip/br, not supported); skipped");
    free(rec);
    return 0;
  }
  alq_read_doc rd;
  memset(&rd, 0, sizeof rd);
  rc = alq_read_html_enc(&rd, rec + body, n - body, body ? charset_of(ctype) : -1, where, &err);
  if (rc) { fail_at(r, where, err.offset, err.msg); alq_read_doc_free(&rd); free(rec); return 0; }
  if (rd.nbad) {
    char msg[160];
    snprintf(msg, sizeof msg, "%zu undecodable byte(s) in %s input, replaced", rd.nbad, alq_enc_name(rd.enc));
    fail_at(r, where, rd.first_bad, msg);
  }
  char idbuf[64];
  snprintf(idbuf, sizeof idbuf, "record-%lld", m->recno);
  alq_doc d = {0};
  d.id = m->name ? m->name : m->record_id ? m->record_id : idbuf;
  d.text = rd.text; d.len = rd.len;
  /* the crawl date only when the page has no publication date */
  d.date = rd.date ? rd.date : (m->date[0] ? m->date : NULL);
  d.title = rd.title;
  emit(r, &d, where, &rd, rec + body, n - body, rd.url ? rd.url : m->name);
  alq_read_doc_free(&rd);
  free(rec);
  return 0;
}

/* A compressed file or a WARC file, from `path` or from buf (stdin). */
static void do_archive(cli_inputs *r, const char *path, const char *buf, size_t len) {
  alq_archive *x;
  alq_error err = {0};
  if (alq_archive_open(&x, buf ? NULL : path, buf, len, path, &err)) { fail_at(r, path, err.offset, err.msg); return; }
  char inner[1024], idbuf[1024];
  snprintf(inner, sizeof inner, "%s", path);
  inner[strlen(inner) - compress_suffix(inner)] = 0;
  alq_archive_member m;
  int rc;
  while ((rc = alq_archive_next(x, &m, &err)) > 0) {
    if (m.warc) {
      if (do_warc_record(r, x, &m, path)) break;
      continue;
    }
    if (r->jsonl || ends_with(inner, ".jsonl")) {
      source s = {.fd = -1, .ar = x};
      do_jsonl(r, path, &s);
      continue;
    }
    char *data; size_t n;
    if ((rc = alq_archive_slurp(x, &data, &n, ALQ_READ_MAX_INPUT, &err))) {
      /* a truncated single file is not kept: its end is missing */
      fail_at(r, path, err.offset, err.msg);
      if (rc != ALQ_ENOMEM) break;
      continue;
    }
    do_buffer(r, path, base_id(inner, idbuf, sizeof idbuf), data, n, 0);
    free(data);
  }
  if (rc < 0) {
    char where[1100];
    snprintf(where, sizeof where, "%s: record %lld", path, alq_archive_recno(x));
    fail_at(r, where, err.offset, err.msg);
  }
  alq_archive_free(x);
}

/* ---- files, directories, lists ----------------------------------------------- */

static int name_cmp(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

/* (speed) A file of a directory that its entry calls regular, open as fd
 * and no JSON Lines: read by one read(2) into a buffer of SMALL_FILE bytes,
 * before and instead of its status. When that read comes short (the file's
 * end: a regular file's read stops short only there) and the bytes are no
 * archive, the document is handed on and 1 returned, as do_file would
 * (its whole read, of a buffer of the file's size, returns the same bytes).
 * Otherwise fd is put back at its start and 0 returned: the caller takes
 * the general way. One system call per file fewer (fstat). 32 KiB: news
 * articles are shorter, and freeing 64 KiB would make malloc consolidate
 * its fast bins every time. */
#define SMALL_FILE 32768
static int small_file(cli_inputs *r, const char *path, int fd) {
  alq_buf b = {0};
  b.max = ALQ_READ_MAX_INPUT;
  if (alq_buf_reserve(&b, SMALL_FILE)) return lseek(fd, 0, SEEK_SET) == 0 ? 0 : -1;
  ssize_t nh;
  do nh = read(fd, b.p, b.cap - 1); while (nh < 0 && errno == EINTR);
  if (nh < 0 || (size_t)nh >= b.cap - 1 || alq_archive_sniff(b.p, (size_t)nh < 8 ? (size_t)nh : 8)) {
    alq_buf_free(&b);
    return lseek(fd, 0, SEEK_SET) == 0 ? 0 : -1;
  }
  close(fd);
  b.len = (size_t)nh;
  b.p[b.len] = 0;
  char idbuf[1024];
  do_buffer(r, path, base_id(path, idbuf, sizeof idbuf), b.p, b.len, 0);
  alq_buf_free(&b);
  return 1;
}

static void do_dir(cli_inputs *r, const char *path, int depth, const struct stat *st, walk *w) {
  for (int i = 0; i < w->n; i++)
    if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino) {
      fail_at(r, path, -1, "directory already being read (symlink loop); skipped");
      return;
    }
  if (w->n >= MAX_DEPTH) { fail_at(r, path, -1, "directory nesting too deep; skipped"); return; }
  w->dev[w->n] = st->st_dev; w->ino[w->n] = st->st_ino; w->n++;
  struct dirent **list;
  int n = scandir(path, &list, NULL, name_cmp);
  if (n < 0) {
    char msg[300];
    snprintf(msg, sizeof msg, "cannot read directory: %s", strerror(errno));
    fail_at(r, path, -1, msg);
    w->n--;
    return;
  }
  int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC); /* (-1: every entry by its path) */
  for (int i = 0; i < n; i++) {
    const char *nm = list[i]->d_name;
    /* in a directory only documents are read (a file named on the command
       line is read whatever its name) */
    int doc = is_doc_name(nm) || list[i]->d_type == DT_DIR || list[i]->d_type == DT_LNK ||
              list[i]->d_type == DT_UNKNOWN;
    if (nm[0] != '.' && doc) {
      size_t len = strlen(path) + strlen(nm) + 2;
      char *child = malloc(len);
      if (child) {
        snprintf(child, len, "%s/%s", path, nm);
        /* (speed) a regular file is opened relative to the directory and
           its status read from the descriptor: stat and open by the whole
           path walked it twice. Anything unusual goes the general way,
           which reports errors as before. */
        int fd = -1, small = 0;
        struct stat cst;
        if (dfd >= 0 && list[i]->d_type == DT_REG && is_doc_name(child) &&
            (fd = openat(dfd, nm, O_RDONLY | O_CLOEXEC)) >= 0 && !r->jsonl && !ends_with(child, ".jsonl") &&
            (small = small_file(r, child, fd)) == 1) {
          /* (read and handed on) */
        } else if (fd >= 0 && small == 0 && fstat(fd, &cst) == 0 && S_ISREG(cst.st_mode)) {
          do_file(r, child, fd, &cst);
        } else {
          if (fd >= 0) close(fd);
          do_path(r, child, depth + 1, w);
        }
        free(child);
      }
    }
    free(list[i]);
  }
  free(list);
  if (dfd >= 0) close(dfd);
  w->n--;
}

/* "@LIST": one path per line (blank lines ignored; no nested lists). */
static void do_list(cli_inputs *r, const char *list) {
  FILE *f = fopen(list, "r");
  if (!f) {
    char msg[300];
    snprintf(msg, sizeof msg, "cannot open list of inputs: %s", strerror(errno));
    fail_at(r, list, -1, msg);
    return;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    if (n == 0) continue;
    walk w = {.n = 0};
    do_path(r, line, 0, &w);
  }
  free(line);
  fclose(f);
}

void cli_inputs_run(cli_inputs *r, const char *path) {
  if (path[0] == '@' && path[1]) { do_list(r, path + 1); return; }
  walk w = {.n = 0};
  do_path(r, path, 0, &w);
}

static void do_stdin(cli_inputs *r) {
  if (r->jsonl) {
    source s = {.fd = STDIN_FILENO};
    do_jsonl(r, "stdin", &s);
    return;
  }
  alq_buf b = {0};
  b.max = ALQ_READ_MAX_INPUT;
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, stdin)) > 0)
    if (alq_buf_append(&b, tmp, n)) {
      char msg[160];
      snprintf(msg, sizeof msg, "input larger than %zu bytes; skipped", ALQ_READ_MAX_INPUT);
      fail_at(r, "stdin", (long long)b.len, msg);
      alq_buf_free(&b);
      return;
    }
  if (alq_archive_sniff(b.p, b.len)) do_archive(r, "stdin", b.p, b.len);
  else do_buffer(r, "stdin", "stdin", b.p ? b.p : "", b.len, 0);
  alq_buf_free(&b);
}

static void do_path(cli_inputs *r, const char *path, int depth, walk *w) {
  char msg[300];
  if (!strcmp(path, "-")) { do_stdin(r); return; }
  struct stat st;
  if (stat(path, &st) != 0) {
    snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
    fail_at(r, path, -1, msg);
    return;
  }
  if (S_ISDIR(st.st_mode)) { do_dir(r, path, depth, &st, w); return; }
  if (depth > 0 && !is_doc_name(path)) return;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
    fail_at(r, path, -1, msg);
    return;
  }
  do_file(r, path, fd, &st);
}

/* A file that is not a directory, open as fd (closed here), with its status
 * st. One open and two reads for an ordinary file: the first bytes (is it
 * compressed or a WARC?), then the rest; a directory of many small
 * documents spends much of its time in system calls. */
static void do_file(cli_inputs *r, const char *path, int fd, const struct stat *stp) {
  char idbuf[1024], msg[300];
  const struct stat st = *stp;
  char head[8];
  ssize_t nh = -1;
  alq_buf b = {0};
  b.max = ALQ_READ_MAX_INPUT;
  /* (speed) an ordinary file that is no JSON Lines is read whole by one
     read(2) into a buffer of its size and more, its first bytes sniffed
     there: a short read is its end (the general way below reads its first
     bytes, then the rest) */
  int whole = S_ISREG(st.st_mode) && !r->jsonl && !ends_with(path, ".jsonl") &&
              (unsigned long long)st.st_size <= ALQ_READ_MAX_INPUT && !alq_buf_reserve(&b, (size_t)st.st_size + 2);
  if (whole) {
    do nh = read(fd, b.p, b.cap - 1); while (nh < 0 && errno == EINTR);
    if (nh >= 0) {
      b.len = (size_t)nh;
      memcpy(head, b.p, b.len < sizeof head ? b.len : sizeof head);
    } else {
      whole = 0; /* the general way reads again and reports the error */
    }
  }
  if (!whole) {
    alq_buf_free(&b);
    b = (alq_buf){0};
    b.max = ALQ_READ_MAX_INPUT;
    do nh = read(fd, head, sizeof head); while (nh < 0 && errno == EINTR);
    if (nh < 0) nh = 0; /* a read error shows again below */
  }
  size_t hn = (size_t)nh < sizeof head ? (size_t)nh : sizeof head;
  if (alq_archive_sniff(head, hn)) { close(fd); alq_buf_free(&b); do_archive(r, path, NULL, 0); return; }
  if (r->jsonl || ends_with(path, ".jsonl")) {
    if (lseek(fd, 0, SEEK_SET) != 0) {
      snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
      fail_at(r, path, -1, msg);
      close(fd);
      return;
    }
    source s = {.fd = fd};
    do_jsonl(r, path, &s);
    close(fd);
    return;
  }
  if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > ALQ_READ_MAX_INPUT) {
    close(fd);
    snprintf(msg, sizeof msg, "file of %lld bytes is larger than the %zu-byte limit for one document; skipped",
             (long long)st.st_size, ALQ_READ_MAX_INPUT);
    fail_at(r, path, (long long)ALQ_READ_MAX_INPUT, msg);
    return;
  }
  int bad = !whole && (alq_buf_reserve(&b, (S_ISREG(st.st_mode) ? (size_t)st.st_size : 65536) + 1) ||
                       alq_buf_append(&b, head, (size_t)nh));
  while (!bad && !(whole && b.len < b.cap - 1)) {
    if (b.cap - b.len < 2 && alq_buf_reserve(&b, b.cap)) { bad = 1; break; }
    size_t want = b.cap - b.len - 1;
    ssize_t k = read(fd, b.p + b.len, want);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      snprintf(msg, sizeof msg, "read error: %s", strerror(errno));
      close(fd);
      alq_buf_free(&b);
      fail_at(r, path, -1, msg);
      return;
    }
    if (k == 0) break;
    b.len += (size_t)k;
    if (S_ISREG(st.st_mode) && (size_t)k < want) break; /* a short read of a file: its end */
  }
  close(fd);
  if (bad) {
    snprintf(msg, sizeof msg, "file too large (limit %zu bytes)", ALQ_READ_MAX_INPUT);
    fail_at(r, path, (long long)b.len, msg);
    alq_buf_free(&b);
    return;
  }
  b.p[b.len] = 0;
  do_buffer(r, path, base_id(path, idbuf, sizeof idbuf), b.p, b.len, 0);
  alq_buf_free(&b);
}
