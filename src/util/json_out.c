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

static size_t bound(const char *s) { return s ? 6 * strlen(s) + 2 : 4; }

int alq_claim_json_append(alq_buf *b, const char *doc_id, const alq_claim *c) {
  size_t need = 256 + bound(doc_id) + bound(c->a) + bound(c->b) + bound(c->type) + bound(c->polarity) +
                bound(c->modality) + bound(c->source) + bound(c->source_kind) + bound(c->when) +
                bound(c->where) + bound(c->via) + bound(c->rule);
  if (alq_buf_reserve(b, need)) return ALQ_ENOMEM;
  char *o = b->p + b->len;
  o = PUT(o, "{\"doc\":");
  o = alq_json_put_str(o, doc_id, strlen(doc_id));
  o = PUT(o, ",\"span\":[");
  o = put_u32(o, c->span[0]);
  *o++ = ',';
  o = put_u32(o, c->span[1]);
  *o++ = ']';
  o = FIELD(o, "a", c->a);
  o = FIELD(o, "b", c->b);
  o = FIELD(o, "type", c->type);
  o = FIELD(o, "polarity", c->polarity);
  o = FIELD(o, "modality", c->modality);
  o = FIELD(o, "source", c->source);
  o = FIELD(o, "source_kind", c->source_kind);
  o = FIELD(o, "when", c->when);
  o = FIELD(o, "where", c->where);
  o = FIELD(o, "via", c->via);
  o = PUT(o, ",\"trigger\":[");
  o = put_u32(o, c->trigger[0]);
  *o++ = ',';
  o = put_u32(o, c->trigger[1]);
  *o++ = ']';
  o = FIELD(o, "rule", c->rule);
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
