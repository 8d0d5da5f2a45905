/* The fast paths of the scale work against simple references, on generated
 * inputs: charset detection (the SSE2/word-at-a-time validity pass must
 * decide exactly as the byte-by-byte counting it short-cuts) and
 * alq_text_norm_src (the map from normalized bytes back to the original,
 * replayed per token instead of stored per byte), and the claim JSON writer
 * (short values copied while tested) against a plain one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "read/read.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/util.h"

static uint32_t rng = 12345;
static uint32_t next_rand(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

/* ---- charset detection: the byte-by-byte rule of src/read/charset.c ---- */

static size_t ref_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  size_t k;
  unsigned min, cp;
  if (c >= 0xC2 && c <= 0xDF) { k = 2; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { k = 3; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { k = 4; cp = c & 0x07; min = 0x10000; }
  else return 0;
  if (n < k) return 0;
  for (size_t i = 1; i < k; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return k;
}

static int ref_cp1256_arabic(unsigned c) {
  if (c >= 0xC1 && c <= 0xD6) return 1;
  if (c >= 0xD8 && c <= 0xDF) return 1;
  if (c == 0xE1 || (c >= 0xE3 && c <= 0xE6) || c == 0xEC || c == 0xED) return 1;
  if (c >= 0xF0 && c <= 0xF3) return 1;
  if (c == 0xF5 || c == 0xF6 || c == 0xF8 || c == 0xFA) return 1;
  if (c == 0xA1 || c == 0xBA || c == 0xBF) return 1;
  return 0;
}

static alq_enc ref_detect(const unsigned char *s, size_t len) {
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return ALQ_ENC_UTF8_BOM;
  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) return ALQ_ENC_UTF16LE;
  if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) return ALQ_ENC_UTF16BE;
  size_t valid_multi = 0, invalid = 0, high = 0, arabic = 0;
  for (size_t i = 0; i < len;) {
    if (s[i] < 0x80) { i++; continue; }
    high++;
    if (ref_cp1256_arabic(s[i])) arabic++;
    size_t k = ref_seq(s + i, len - i);
    if (k) { valid_multi++; high += k - 1; i += k; }
    else { invalid++; i++; }
  }
  if (invalid >= 4 && invalid > 4 * valid_multi && arabic * 10 >= high * 7) return ALQ_ENC_CP1256;
  return ALQ_ENC_UTF8;
}

static const unsigned char junk[] = {'a', ' ', '\n', 0xD8, 0xA7, 0xD9, 0x84, 0xC2, 0xAB, 0xC0, 0xC1, 0xDF,
                                     0xBF, 0x80, 0xE2, 0x80, 0x9C, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0xED,
                                     0xA0, 0xE0, 0xF4, 0x90, 0xC7, 0xE1, 0xE3};

/* mode 0: any pool bytes; 1: Arabic pairs, spaces, quotes; 2: as 1 with a
 * few stray bytes; 3: Windows-1256-looking high bytes */
static size_t gen_bytes(unsigned char *b, size_t cap, int mode) {
  size_t len = next_rand() % cap, i = 0;
  while (i < len) {
    uint32_t r = next_rand();
    if (mode == 0) { b[i++] = junk[r % sizeof junk]; continue; }
    if (mode == 3) { b[i++] = (unsigned char)(r % 4 ? 0xC1 + r % 0x3D : ' '); continue; }
    unsigned k = r % 100;
    if (k < 60 && i + 2 <= len) { b[i++] = (unsigned char)(0xD8 + (r >> 8) % 2); b[i++] = (unsigned char)(0x80 + (r >> 10) % 64); }
    else if (k < 85) b[i++] = ' ';
    else if (k < 90 && i + 3 <= len) { b[i++] = 0xE2; b[i++] = 0x80; b[i++] = 0x9C; }
    else if (k < 92 && i + 4 <= len) { b[i++] = 0xF0; b[i++] = 0x9F; b[i++] = 0x98; b[i++] = 0x80; }
    else if (k < 94 && mode == 2) b[i++] = junk[r % sizeof junk];
    else b[i++] = 'x';
  }
  return len;
}

/* mode 4: valid Arabic-like text with one doubtful sequence put in */
static size_t gen_one_bad(unsigned char *b, size_t cap) {
  static const char *const bad[] = {"\xc0\x80", "\xc1\xbf", "\x80", "\xbf\xbf", "\xd8", "\xd8 ", "\xe0\x80\x80",
                                    "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xf4\x90\x80\x80",
                                    "\xf4\x8f\xbf\xbf", "\xf0\x80\x80\x80", "\xf5\x80\x80\x80", "\xff",
                                    "\xc2\x80", "\xdf\xbf", "\xe2\x80", "\xd9\x84\x84"};
  size_t len = gen_bytes(b, cap, 1);
  const char *x = bad[next_rand() % (sizeof bad / sizeof bad[0])];
  size_t m = strlen(x), at = len ? next_rand() % (len + 1) : 0;
  if (len + m > cap) return len;
  /* at a sequence boundary of the valid text */
  while (at > 0 && at < len && (b[at] & 0xC0) == 0x80) at--;
  memmove(b + at + m, b + at, len - at);
  memcpy(b + at, x, m);
  return len + m;
}

static void test_detect_matches_reference(void **state) {
  (void)state;
  unsigned char *buf = malloc(420);
  assert_non_null(buf);
  for (int it = 0; it < 200000; it++) {
    size_t len = it % 5 == 4 ? gen_one_bad(buf, 120) : gen_bytes(buf, it % 7 == 0 ? 400 : 80, it % 5);
    unsigned char *b = malloc(len ? len : 1); /* exact size: reads past the end show under ASan */
    assert_non_null(b);
    memcpy(b, buf, len);
    int valid = 1;
    for (size_t i = 0; i < len && valid;) {
      size_t k = ref_seq(b + i, len - i);
      if (!k) valid = 0;
      i += k;
    }
    if (alq_read_utf8_valid(b, len) != valid)
      fail_msg("iteration %d, %zu bytes: valid %d, reference %d", it, len, !valid, valid);
    alq_enc want = ref_detect(b, len), got = alq_read_detect_text((const char *)b, len);
    if (want != got) fail_msg("iteration %d, %zu bytes: detected %d, reference %d", it, len, got, want);
    free(b);
  }
  free(buf);
}

/* ---- alq_text_norm_src: properties of the replayed map ---------------- */

static const char *const pieces[] = {
  "قال", " ", "الفصائل", "\xd9\x8e", "\xd9\x80", "\xe2\x80\x8c", "\xe2\x80\x8f", "\xef\xbb\xb7",
  "\xef\xb7\xb2", "Caf\xc3\xa9", "e\xcc\x81", "\xc2\xab", "\xc2\xbb", "\"", "2015/6/27", "\xd9\xa2\xd9\xa0",
  ".", "\xe2\x80\xa6", "\n", "\xff", "\xc0", "\xd8", "\xf0\x9f\x98\x80", "\xef\xbc\xa1", "\xef\xac\x81",
  "و\"القاعدة\"", "لـ", "أَحمد",
};

static void test_norm_src_properties(void **state) {
  (void)state;
  char text[2048];
  for (int it = 0; it < 3000; it++) {
    size_t n = 0;
    int np = 1 + (int)(next_rand() % 40);
    for (int k = 0; k < np; k++) {
      const char *p = pieces[next_rand() % (sizeof pieces / sizeof pieces[0])];
      size_t m = strlen(p);
      if (n + m >= sizeof text) break;
      memcpy(text + n, p, m);
      n += m;
    }
    alq_arena a;
    alq_arena_init(&a, 0, 0);
    alq_text t;
    assert_int_equal(alq_text_analyze(&a, (const uint8_t *)text, n, &t), 0);
    for (size_t i = 0; i < t.ntoks; i++) {
      const alq_token *k = &t.toks[i];
      uint32_t prev = k->start;
      for (size_t b = k->nstart; b < k->nstart + k->nlen; b++) {
        uint32_t st, en;
        alq_text_norm_src(&t, i, b, &st, &en);
        /* inside the token, non-empty, in order */
        if (!(st >= k->start && en <= k->end && st < en && st >= prev))
          fail_msg("iteration %d token %zu byte %zu: [%u, %u) outside [%u, %u) or before %u", it, i,
                   b - k->nstart, st, en, k->start, k->end, prev);
        prev = st;
      }
      uint32_t st, en;
      alq_text_norm_src(&t, i, k->nstart + k->nlen, &st, &en); /* the NUL */
      assert_int_equal(st, k->end);
      assert_int_equal(en, k->end);
    }
    alq_arena_free(&a);
  }
}

/* ---- claim JSON lines: the writer of src/util/json_out.c, plainly ---- */

static void ref_str(alq_buf *b, const char *s) {
  if (!s) { alq_buf_append(b, "null", 4); return; }
  alq_buf_append(b, "\"", 1);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    char e[8];
    if (*p == '"') alq_buf_append(b, "\\\"", 2);
    else if (*p == '\\') alq_buf_append(b, "\\\\", 2);
    else if (*p == '\n') alq_buf_append(b, "\\n", 2);
    else if (*p == '\r') alq_buf_append(b, "\\r", 2);
    else if (*p == '\t') alq_buf_append(b, "\\t", 2);
    else if (*p < 0x20) { snprintf(e, sizeof e, "\\u%04x", *p); alq_buf_append(b, e, 6); }
    else alq_buf_append(b, (const char *)p, 1);
  }
  alq_buf_append(b, "\"", 1);
}
static void ref_claim(alq_buf *b, const char *doc, const alq_claim *c) {
  char t[64];
  alq_buf_append(b, "{\"doc\":", 7); ref_str(b, doc);
  snprintf(t, sizeof t, ",\"span\":[%u,%u]", c->span[0], c->span[1]); alq_buf_append(b, t, strlen(t));
  const char *k[] = {"a", "b", "type", "polarity", "modality", "source", "source_kind", "when", "where", "via"};
  const char *v[] = {c->a, c->b, c->type, c->polarity, c->modality, c->source, c->source_kind, c->when, c->where, c->via};
  for (int i = 0; i < 10; i++) {
    snprintf(t, sizeof t, ",\"%s\":", k[i]); alq_buf_append(b, t, strlen(t)); ref_str(b, v[i]);
  }
  snprintf(t, sizeof t, ",\"trigger\":[%u,%u]", c->trigger[0], c->trigger[1]); alq_buf_append(b, t, strlen(t));
  alq_buf_append(b, ",\"rule\":", 8); ref_str(b, c->rule);
  alq_buf_append(b, "}\n", 2);
}

static void test_claim_json_reference(void **state) {
  (void)state;
  static const char *const pool[] = {NULL, "", "isis", "new:\xd8\xac\xd9\x8a\xd8\xb4", "a\"b", "back\\slash",
                                     "line\nbreak\r\ttab", "\x01\x1f ctl", "\"", "\\", "\x7f\xff\xfe invalid",
                                     "\xd9\x85\xd8\xb5\xd8\xa7\xd8\xaf\xd8\xb1 \xd8\xb9\xd8\xb3\xd9\x83\xd8\xb1\xd9\x8a\xd8\xa9 "
                                     "\xd9\x84\xd9\x80\"\xd8\xa7\xd9\x84\xd8\xb4\xd8\xb1\xd9\x82\"",
                                     "2015-06-27/2015-07-01", "x\"", "\"x", "0123456789abcdefghijklmnopqrstuvwxyz\t"};
  const size_t np = sizeof pool / sizeof pool[0];
  for (int it = 0; it < 20000; it++) {
    alq_claim c;
    memset(&c, 0, sizeof c);
    const char **f[] = {&c.a, &c.b, &c.type, &c.polarity, &c.modality, &c.source, &c.source_kind, &c.when,
                        &c.where, &c.via, &c.rule};
    for (int i = 0; i < 11; i++) *f[i] = pool[next_rand() % np];
    c.span[0] = next_rand(); c.span[1] = next_rand() % 10;
    c.trigger[0] = next_rand() % 100000; c.trigger[1] = it ? next_rand() : UINT32_MAX;
    const char *doc = pool[1 + next_rand() % (np - 1)];
    alq_buf got = {0}, want = {0};
    assert_int_equal(alq_buf_append(&got, "prefix", 6), 0);
    assert_int_equal(alq_buf_append(&want, "prefix", 6), 0);
    assert_int_equal(alq_claim_json_append(&got, doc, &c), 0);
    ref_claim(&want, doc, &c);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.p, want.p, want.len);
    assert_int_equal(got.p[got.len], 0);
    alq_buf_free(&got);
    alq_buf_free(&want);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_detect_matches_reference),
    cmocka_unit_test(test_norm_src_properties),
    cmocka_unit_test(test_claim_json_reference),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
