/* JSON line writers for claims and mentions (the CLI's output, and the
 * public alq_claim_json / alq_mention_json): written by hand into a buffer
 * reserved once per line, without printf. The bytes are those of the
 * printf-based writers they replace. */
#include <string.h>
#include "util/util.h"

/* Bytes that a JSON string cannot hold as they are. */
static const unsigned char jesc[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* '"' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* '\\' */
};

/* Writes s[0..n) as a JSON string literal at o (room: 6n + 2); returns the
 * end. Escapes " \ \n \r \t and other control bytes as \u00XX; everything
 * else (UTF-8, invalid bytes too) is copied as it is. */
char *alq_json_put_str(char *o, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  *o++ = '"';
  size_t i = 0;
  for (;;) {
    size_t j = i;
    while (j < n && !jesc[(unsigned char)s[j]]) j++;
    if (j > i) { memcpy(o, s + i, j - i); o += j - i; }
    if (j >= n) break;
    unsigned char c = (unsigned char)s[j];
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    default:
      *o++ = 'u'; *o++ = '0'; *o++ = '0';
      *o++ = hex[c >> 4]; *o++ = hex[c & 15];
    }
    i = j + 1;
  }
  *o++ = '"';
  return o;
}

/* alq_json_put_str for the claim writer's short values (ids, kinds, dates,
 * a source's words): each byte tested and copied in one loop, no memcpy
 * call; at a byte to escape the general writer starts over (speed7). */
static inline char *put_str_short(char *o, const char *s, size_t n) {
  char *q = o + 1;
  for (size_t j = 0; j < n; j++) {
    unsigned char c = (unsigned char)s[j];
    if (jesc[c]) return alq_json_put_str(o, s, n);
    q[j] = (char)c;
  }
  *o = '"';
  q[n] = '"';
  return q + n + 1;
}

static char *put_lit(char *o, const char *s, size_t n) {
  memcpy(o, s, n);
  return o + n;
}
#define PUT(o, lit) put_lit(o, lit, sizeof lit - 1)

static char *put_u32(char *o, uint32_t v) {
  char t[10];
  int k = 0;
  do { t[k++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (k) *o++ = t[--k];
  return o;
}

/* ,"key":"value" or ,"key":null (key is a literal: no escaping) */
static char *put_field(char *o, const char *key, size_t klen, const char *v) {
  *o++ = ',';
  *o++ = '"';
  o = put_lit(o, key, klen);
  *o++ = '"';
  *o++ = ':';
  if (v) return alq_json_put_str(o, v, strlen(v));
  return PUT(o, "null");
}
#define FIELD(o, key, v) put_field(o, key, sizeof key - 1, v)

/* The same for the claim writer: ,"key": as one literal (a fixed-size copy
 * once inlined), the value's length vn known (speed7). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline char *put_field_n(char *o, const char *lit, size_t litlen, const char *v, size_t vn) {
  o = put_lit(o, lit, litlen);
  if (v) return put_str_short(o, v, vn);
  return PUT(o, "null");
}
#define FIELD_N(o, key, v, vn) put_field_n(o, ",\"" key "\":", sizeof(",\"" key "\":") - 1, v, vn)
static size_t slen(const char *s) { return s ? strlen(s) : 0; }
static size_t bound_n(const char *s, size_t n) { return s ? 6 * n + 2 : 4; }

static size_t bound(const char *s) { return s ? 6 * strlen(s) + 2 : 4; }

int alq_claim_json_append(alq_buf *b, const char *doc_id, const alq_claim *c) {
  /* (each string's length taken once, for the room and the writing) */
  size_t nd = strlen(doc_id), na = slen(c->a), nb = slen(c->b), nty = slen(c->type), npo = slen(c->polarity),
         nmo = slen(c->modality), nso = slen(c->source), nsk = slen(c->source_kind), nwh = slen(c->when),
         nwe = slen(c->where), nvi = slen(c->via), nru = slen(c->rule);
  size_t need = 256 + bound_n(doc_id, nd) + bound_n(c->a, na) + bound_n(c->b, nb) + bound_n(c->type, nty) +
                bound_n(c->polarity, npo) + bound_n(c->modality, nmo) + bound_n(c->source, nso) +
                bound_n(c->source_kind, nsk) + bound_n(c->when, nwh) + bound_n(c->where, nwe) +
                bound_n(c->via, nvi) + bound_n(c->rule, nru);
  if (alq_buf_reserve(b, need)) return ALQ_ENOMEM;
  char *o = b->p + b->len;
  o = PUT(o, "{\"doc\":");
  o = put_str_short(o, doc_id, nd);
  o = PUT(o, ",\"span\":[");
  o = put_u32(o, c->span[0]);
  *o++ = ',';
  o = put_u32(o, c->span[1]);
  *o++ = ']';
  o = FIELD_N(o, "a", c->a, na);
  o = FIELD_N(o, "b", c->b, nb);
  o = FIELD_N(o, "type", c->type, nty);
  o = FIELD_N(o, "polarity", c->polarity, npo);
  o = FIELD_N(o, "modality", c->modality, nmo);
  o = FIELD_N(o, "source", c->source, nso);
  o = FIELD_N(o, "source_kind", c->source_kind, nsk);
  o = FIELD_N(o, "when", c->when, nwh);
  o = FIELD_N(o, "where", c->where, nwe);
  o = FIELD_N(o, "via", c->via, nvi);
  o = PUT(o, ",\"trigger\":[");
  o = put_u32(o, c->trigger[0]);
  *o++ = ',';
  o = put_u32(o, c->trigger[1]);
  *o++ = ']';
  o = FIELD_N(o, "rule", c->rule, nru);
  o = PUT(o, "}\n");
  b->len = (size_t)(o - b->p);
  b->p[b->len] = 0;
  return 0;
}

int alq_mention_json_append(alq_buf *b, const char *doc_id, const char *text, size_t tlen,
                            const alq_mention *m) {
  size_t need = 128 + bound(doc_id) + 6 * tlen + 2 + bound(m->id) + bound(m->type);
  if (alq_buf_reserve(b, need)) return ALQ_ENOMEM;
  char *o = b->p + b->len;
  o = PUT(o, "{\"doc\":");
  o = alq_json_put_str(o, doc_id, strlen(doc_id));
  o = PUT(o, ",\"span\":[");
  o = put_u32(o, m->span[0]);
  *o++ = ',';
  o = put_u32(o, m->span[1]);
  o = PUT(o, "],\"text\":");
  o = alq_json_put_str(o, text, tlen);
  o = FIELD(o, "id", m->id);
  o = FIELD(o, "type", m->type);
  o = PUT(o, "}\n");
  b->len = (size_t)(o - b->p);
  b->p[b->len] = 0;
  return 0;
}
