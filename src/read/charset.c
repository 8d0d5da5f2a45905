/* Encodings of plain text and pages: detection (BOM, UTF-8 validity, the
 * Windows-1256 byte profile) and decoding into UTF-8 with a map from every
 * decoded byte back to the raw bytes it came from. */
#include <iconv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>
#include "read/read.h"
#include "util/util.h"

const char *alq_enc_name(alq_enc e) {
  switch (e) {
  case ALQ_ENC_UTF8: return "UTF-8";
  case ALQ_ENC_UTF8_BOM: return "UTF-8 (BOM)";
  case ALQ_ENC_UTF16LE: return "UTF-16LE";
  case ALQ_ENC_UTF16BE: return "UTF-16BE";
  case ALQ_ENC_CP1256: return "windows-1256";
  case ALQ_ENC_ISO8859_6: return "ISO-8859-6";
  }
  return "?";
}

void alq_read_doc_free(alq_read_doc *d) {
  if (!d) return;
  free(d->text); free(d->ms); free(d->me);
  free(d->title); free(d->date); free(d->outlet); free(d->url);
  memset(d, 0, sizeof *d);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  size_t k; unsigned min, cp;
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

/* Arabic letters of Windows-1256 (0xC1-0xFE minus the Latin letters it
 * keeps for French), the bytes Arabic text written in it is made of. */
static int cp1256_arabic(unsigned c) {
  if (c >= 0xC1 && c <= 0xD6) return 1;
  if (c >= 0xD8 && c <= 0xDB) return 1;
  if (c >= 0xDC && c <= 0xDF) return 1;
  if (c == 0xE1 || (c >= 0xE3 && c <= 0xE6) || c == 0xEC || c == 0xED) return 1;
  if (c >= 0xF0 && c <= 0xF3) return 1;   /* harakat */
  if (c == 0xF5 || c == 0xF6 || c == 0xF8 || c == 0xFA) return 1;
  if (c == 0xA1 || c == 0xBA || c == 0xBF) return 1;   /* ، ؛ ؟ */
  return 0;
}

/* Whether s[0..len) is valid UTF-8 throughout: blocks of ASCII and
 * two-byte sequences (Arabic) 16 bytes at a time, anything else by utf8_seq
 * for at least 16 bytes, then blocks again. */
int alq_read_utf8_valid(const unsigned char *s, size_t len) {
  size_t i = 0;
  for (;;) {
#ifdef __SSE2__
    /* 16 bytes at a time while every byte is ASCII or part of a two-byte
     * sequence (lead C2..DF, then a continuation 80..BF): every byte is
     * ASCII, a lead or a continuation, and a byte is a continuation exactly
     * when the byte before it is a lead, which in such bytes means
     * (lead continuation)*. The bytes before come from the load at i - 1
     * (before the first byte: none); a lead at the end of a block has its
     * continuation checked with the next block, or by the loop below. i
     * starts at a sequence boundary; anything else (longer sequences,
     * errors, the tail) is left to the loop below, from a sequence
     * boundary. */
    {
      const __m128i m1 = _mm_set1_epi8(-1), cmask = _mm_set1_epi8((char)0xC0);
      const __m128i c80 = _mm_set1_epi8((char)0x80), cC2 = _mm_set1_epi8((char)0xC2);
      const __m128i c1D = _mm_set1_epi8(0x1D);
      size_t i0 = i;
      while (i + 16 <= len) {
        __m128i raw = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i rawp = i ? _mm_loadu_si128((const __m128i *)(s + i - 1)) : _mm_slli_si128(raw, 1);
        __m128i ascii = _mm_cmpgt_epi8(raw, m1);
        __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(raw, cmask), c80);
        __m128i d = _mm_sub_epi8(raw, cC2);
        __m128i lead = _mm_cmpeq_epi8(_mm_min_epu8(d, c1D), d);
        __m128i dp = _mm_sub_epi8(rawp, cC2);
        __m128i leadp = _mm_cmpeq_epi8(_mm_min_epu8(dp, c1D), dp);
        __m128i ok = _mm_and_si128(_mm_or_si128(ascii, _mm_or_si128(lead, cont)), _mm_cmpeq_epi8(cont, leadp));
        if (_mm_movemask_epi8(ok) != 0xFFFF) break;
        i += 16;
      }
      /* a lead at i - 1 still needs its continuation: start there */
      if (i > i0 && s[i - 1] >= 0xC2 && s[i - 1] <= 0xDF) i--;
    }
    size_t stop = len - i > 16 ? i + 16 : len;
#else
    size_t stop = len;
#endif
    if (i >= len) return 1;
    while (i < stop) {
      unsigned c = s[i];
      if (c >= 0xC2 && c <= 0xDF) {
        do {
          if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80) return 0;
          i += 2;
        } while (i < len && s[i] >= 0xC2 && s[i] <= 0xDF);
        continue;
      }
      if (c < 0x80) {
        i++;
        while (len - i >= 8) {
          uint64_t w;
          memcpy(&w, s + i, 8);
          if (w & 0x8080808080808080ULL) break;
          i += 8;
        }
        while (i < len && s[i] < 0x80) i++;
        continue;
      }
      size_t k = utf8_seq(s + i, len - i);
      if (!k) return 0;
      i += k;
    }
  }
}

alq_enc alq_read_detect_text(const char *raw, size_t len) {
  const unsigned char *s = (const unsigned char *)raw;
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return ALQ_ENC_UTF8_BOM;
  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) return ALQ_ENC_UTF16LE;
  if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) return ALQ_ENC_UTF16BE;
  /* valid UTF-8 (the usual case) has no invalid sequence: UTF-8 below */
  if (alq_read_utf8_valid(s, len)) return ALQ_ENC_UTF8;
  size_t valid_multi = 0, invalid = 0, high = 0, arabic = 0;
  for (size_t i = 0; i < len;) {
    if (s[i] < 0x80) { i++; continue; }
    high++;
    if (cp1256_arabic(s[i])) arabic++;
    size_t k = utf8_seq(s + i, len - i);
    if (k) { valid_multi++; high += k - 1; i += k; }
    else { invalid++; i++; }
  }
  /* a few bad bytes in UTF-8 text stay UTF-8 (reported by the text layer);
     Windows-1256 needs many invalid sequences made of Arabic letters */
  if (invalid >= 4 && invalid > 4 * valid_multi && arabic * 10 >= high * 7) return ALQ_ENC_CP1256;
  return ALQ_ENC_UTF8;
}

/* Builds the UTF-8 form of each high byte of a single-byte encoding through
 * iconv; undefined bytes get length 0. Returns -1 when iconv lacks it. */
static int single_byte_table(const char *name, unsigned char tab[128][4], unsigned char tlen[128]) {
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1) return -1;
  for (unsigned b = 0x80; b < 0x100; b++) {
    char in[1] = {(char)b}, out[8];
    char *ip = in, *op = out;
    size_t il = 1, ol = sizeof out;
    iconv(cd, NULL, NULL, NULL, NULL);
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    size_t n = (size_t)(op - out);
    if (r == (size_t)-1 || il != 0 || n == 0 || n > 4) tlen[b - 0x80] = 0;
    else { memcpy(tab[b - 0x80], out, n); tlen[b - 0x80] = (unsigned char)n; }
  }
  iconv_close(cd);
  return 0;
}

typedef struct dec { alq_read_doc *d; size_t cap; } dec;

static void put(dec *w, const unsigned char *u, size_t n, size_t rs, size_t re) {
  for (size_t k = 0; k < n; k++) {
    w->d->text[w->d->len] = (char)u[k];
    w->d->ms[w->d->len] = (uint32_t)rs;
    w->d->me[w->d->len] = (uint32_t)re;
    w->d->len++;
  }
}

static const unsigned char REPL[3] = {0xEF, 0xBF, 0xBD};

static void bad(dec *w, size_t at, size_t end) {
  put(w, REPL, 3, at, end);
  if (!w->d->nbad) w->d->first_bad = (long long)at;
  w->d->nbad++;
}

static size_t put_cp(unsigned char *u, uint32_t cp) {
  if (cp < 0x80) { u[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) { u[0] = (unsigned char)(0xC0 | (cp >> 6)); u[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    u[0] = (unsigned char)(0xE0 | (cp >> 12)); u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (unsigned char)(0x80 | (cp & 0x3F)); return 3;
  }
  u[0] = (unsigned char)(0xF0 | (cp >> 18)); u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

int alq_read_decode(alq_read_doc *out, const unsigned char *s, size_t len, alq_enc enc) {
  if (len > ALQ_READ_MAX_INPUT) return ALQ_ENOMEM;
  /* every raw byte yields at most 3 UTF-8 bytes (U+FFFD, or a BMP char) */
  size_t cap = 3 * len + 4;
  out->text = malloc(cap + 1);
  out->ms = malloc((cap + 1) * sizeof *out->ms);
  out->me = malloc((cap + 1) * sizeof *out->me);
  if (!out->text || !out->ms || !out->me) return ALQ_ENOMEM;
  out->len = 0; out->enc = enc; out->nbad = 0; out->first_bad = -1;
  dec w = {out, cap};
  size_t i = 0;
  unsigned char u[4];
  switch (enc) {
  case ALQ_ENC_UTF8: case ALQ_ENC_UTF8_BOM:
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
    while (i < len) {
      size_t k = utf8_seq(s + i, len - i);
      if (!k) { bad(&w, i, i + 1); i++; continue; }
      for (size_t t = 0; t < k; t++) put(&w, s + i + t, 1, i + t, i + t + 1);
      i += k;
    }
    break;
  case ALQ_ENC_UTF16LE: case ALQ_ENC_UTF16BE: {
    int le = enc == ALQ_ENC_UTF16LE;
    if (len >= 2 && ((le && s[0] == 0xFF && s[1] == 0xFE) || (!le && s[0] == 0xFE && s[1] == 0xFF))) i = 2;
    while (i < len) {
      if (len - i < 2) { bad(&w, i, len); break; }
      uint32_t c = le ? (uint32_t)(s[i] | s[i + 1] << 8) : (uint32_t)(s[i] << 8 | s[i + 1]);
      size_t n = 2;
      if (c >= 0xD800 && c <= 0xDBFF && len - i >= 4) {
        uint32_t c2 = le ? (uint32_t)(s[i + 2] | s[i + 3] << 8) : (uint32_t)(s[i + 2] << 8 | s[i + 3]);
        if (c2 >= 0xDC00 && c2 <= 0xDFFF) { c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00); n = 4; }
      }
      if (c >= 0xD800 && c <= 0xDFFF) { bad(&w, i, i + 2); i += 2; continue; }
      put(&w, u, put_cp(u, c), i, i + n);
      i += n;
    }
    break;
  }
  case ALQ_ENC_CP1256: case ALQ_ENC_ISO8859_6: {
    unsigned char tab[128][4], tlen[128];
    if (single_byte_table(enc == ALQ_ENC_CP1256 ? "CP1256" : "ISO-8859-6", tab, tlen)) return ALQ_EINVAL;
    for (; i < len; i++) {
      if (s[i] < 0x80) put(&w, s + i, 1, i, i + 1);
      else if (tlen[s[i] - 0x80]) put(&w, tab[s[i] - 0x80], tlen[s[i] - 0x80], i, i + 1);
      else bad(&w, i, i + 1);
    }
    break;
  }
  }
  out->text[out->len] = 0;
  out->ms[out->len] = out->me[out->len] = (uint32_t)len;
  return 0;
}

int alq_read_text(alq_read_doc *out, const char *raw, size_t len, alq_enc enc,
                  const char *name, alq_error *err) {
  memset(out, 0, sizeof *out);
  if (len > ALQ_READ_MAX_INPUT)
    return alq_error_set(err, ALQ_ENOMEM, name, (long long)ALQ_READ_MAX_INPUT,
                         "input too large (limit %zu bytes)", ALQ_READ_MAX_INPUT);
  int rc = alq_read_decode(out, (const unsigned char *)raw, len, enc);
  if (rc) {
    alq_read_doc_free(out);
    return alq_error_set(err, rc, name, -1, rc == ALQ_EINVAL ? "iconv cannot decode %s"
                         : "out of memory decoding %s", alq_enc_name(enc));
  }
  return 0;
}

void alq_read_map_span(const alq_read_doc *d, uint32_t s, uint32_t e, uint32_t out[2]) {
  if (s > d->len) s = (uint32_t)d->len;
  if (e > d->len) e = (uint32_t)d->len;
  out[0] = d->ms[s];
  out[1] = e > s ? d->me[e - 1] : out[0];
  if (out[1] < out[0]) out[1] = out[0];
}
