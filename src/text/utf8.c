/* Strict UTF-8 decoding and encoding. Rejects what RFC 3629 rejects
 * (overlong forms, surrogates, values above U+10FFFF, truncated sequences)
 * one byte at a time, so a caller can report the offset and resynchronize. */
#include "text/text.h"

int alq_utf8_next(const uint8_t *s, size_t len, size_t *pos, int32_t *cp) {
  size_t i = *pos;
  uint8_t c = s[i];
  if (c < 0x80) {
    *cp = c;
    *pos = i + 1;
    return 0;
  }
  size_t n;
  int32_t v;
  uint8_t lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2; v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3; v = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;      /* overlong */
    else if (c == 0xED) hi = 0x9F; /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4; v = c & 0x07;
    if (c == 0xF0) lo = 0x90;      /* overlong */
    else if (c == 0xF4) hi = 0x8F; /* above U+10FFFF */
  } else {
    goto bad; /* continuation byte, C0/C1 overlong lead, F5..FF */
  }
  if (len - i < n) goto bad; /* truncated at the end of the input */
  if (s[i + 1] < lo || s[i + 1] > hi) goto bad;
  v = (v << 6) | (s[i + 1] & 0x3F);
  for (size_t k = 2; k < n; k++) {
    if ((s[i + k] & 0xC0) != 0x80) goto bad;
    v = (v << 6) | (s[i + k] & 0x3F);
  }
  *cp = v;
  *pos = i + n;
  return 0;
bad:
  *cp = 0xFFFD;
  *pos = i + 1;
  return -1;
}

int alq_utf8_encode(int32_t cp, uint8_t *out) {
  uint32_t u = (uint32_t)cp;
  /* Never produce invalid UTF-8: surrogates and out-of-range values become
   * U+FFFD. */
  if ((u >= 0xD800 && u <= 0xDFFF) || u > 0x10FFFF) u = 0xFFFD;
  if (u < 0x80) {
    out[0] = (uint8_t)u;
    return 1;
  }
  if (u < 0x800) {
    out[0] = (uint8_t)(0xC0 | (u >> 6));
    out[1] = (uint8_t)(0x80 | (u & 0x3F));
    return 2;
  }
  if (u < 0x10000) {
    out[0] = (uint8_t)(0xE0 | (u >> 12));
    out[1] = (uint8_t)(0x80 | ((u >> 6) & 0x3F));
    out[2] = (uint8_t)(0x80 | (u & 0x3F));
    return 3;
  }
  out[0] = (uint8_t)(0xF0 | (u >> 18));
  out[1] = (uint8_t)(0x80 | ((u >> 12) & 0x3F));
  out[2] = (uint8_t)(0x80 | ((u >> 6) & 0x3F));
  out[3] = (uint8_t)(0x80 | (u & 0x3F));
  return 4;
}
