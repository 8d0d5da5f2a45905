/* Internal to src/text/: character classes shared by the normalizer and the
 * tokenizer, the generated U+0600-06FF table, and the inline fast paths that
 * keep ASCII and common Arabic away from utf8proc. */
#ifndef ALQ_TEXT_INTERNAL_H
#define ALQ_TEXT_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "text/text.h"

/* What a code point does to tokenization. */
typedef enum alq_cc {
  ALQ_CC_OTHER = 0,  /* punctuation or symbol: a token of its own */
  ALQ_CC_SPACE,      /* whitespace other than line breaks */
  ALQ_CC_NEWLINE,    /* \n \r U+0085 U+2028 U+2029: ends a sentence */
  ALQ_CC_FORMAT,     /* zero-width and bidi marks: transparent, dropped */
  ALQ_CC_CTRL,       /* other control characters: act as a space */
  ALQ_CC_NUL,        /* NUL: the input looks binary */
  ALQ_CC_AR_LETTER,  /* Arabic letter (any Arabic block, presentation forms) */
  ALQ_CC_AR_MARK,    /* Arabic diacritic: inside a word, dropped */
  ALQ_CC_TATWEEL,    /* U+0640: inside a word, dropped; trailing = joiner */
  ALQ_CC_LETTER,     /* Latin and other alphabetic scripts */
  ALQ_CC_MARK,       /* other combining mark: continues a word */
  ALQ_CC_DIGIT,      /* decimal digit of any script */
  ALQ_CC_QUOTE,      /* quotation mark */
  ALQ_CC_DOT,        /* . and U+2026: runs of them form one token */
  ALQ_CC_OPEN,       /* opening bracket */
  ALQ_CC_CLOSE,      /* closing bracket */
  ALQ_CC_INVALID     /* not a code point: an invalid UTF-8 byte */
} alq_cc;

/* Generated (gen_arabic_table.py): indexed by cp - 0x600. */
extern const uint8_t alq_ar_class[256];
extern const uint16_t alq_ar_norm[256]; /* 0 = dropped */

/* Class of a code point outside ASCII and U+0600-06FF (utf8proc; slow). */
alq_cc alq_text_rare_class(int32_t cp);

/* ASCII classes (token.c). */
extern const uint8_t alq_ascii_class[128];

/* Splits t's tokens into sentences (CLAIMS.md rule 8): fills t->sents and
 * every token's `sent`. Returns 0 or ALQ_ENOMEM. */
int alq_text_split_sentences(alq_arena *a, alq_text *t);

/* Decodes the code point at s[pos] (pos < len) with fast paths for ASCII and
 * U+0600-06FF, storing its class and byte length. An invalid byte gives
 * ALQ_CC_INVALID with length 1. */
static inline alq_cc alq_text_peek(const uint8_t *s, size_t len, size_t pos,
                                   int32_t *cp, size_t *clen) {
  uint8_t c = s[pos];
  if (c < 0x80) {
    *cp = c;
    *clen = 1;
    return (alq_cc)alq_ascii_class[c];
  }
  if (c >= 0xD8 && c <= 0xDB && pos + 1 < len && (s[pos + 1] & 0xC0) == 0x80) {
    int32_t v = ((int32_t)(c & 0x1F) << 6) | (s[pos + 1] & 0x3F);
    *cp = v;
    *clen = 2;
    return (alq_cc)alq_ar_class[v - 0x600];
  }
  size_t p = pos;
  if (alq_utf8_next(s, len, &p, cp) != 0) {
    *clen = 1;
    return ALQ_CC_INVALID;
  }
  *clen = p - pos;
  return alq_text_rare_class(*cp);
}
#ifdef __SSE2__
#include <emmintrin.h>
/* Bytes at the start of v (0-16, even) made of two-byte Arabic letters that
 * normalize to themselves, so that copying them is the same as normalizing
 * them: U+0627-0628 and U+062A-063F (ا ب ت..غ and the rarer letters after
 * them), U+0641-0648 and U+064A (ف..و ي). Others (hamza forms, ة ى,
 * diacritics, tatweel, punctuation, digits, anything else) end the run. */
static inline unsigned alq_text_same_run(__m128i v) {
  /* each letter as a 16-bit lane lead << 8 | continuation, compared signed:
     the lanes wanted lie in [D8A7, D8BF] and [D981, D98A], less ة (D8A9) and
     ى (D989) */
  const __m128i x = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
  /* a range [lo, hi] in two operations: x - lo + 0x8000 (wrapping) is
     below 0x8000 + (hi - lo + 1), compared signed, exactly when x is in it */
  const __m128i r8 = _mm_cmplt_epi16(_mm_add_epi16(x, _mm_set1_epi16((short)(0x8000 - 0xD8A7 + 0x10000))),
                                     _mm_set1_epi16((short)(0x8000 + (0xD8BF - 0xD8A7 + 1))));
  const __m128i r9 = _mm_cmplt_epi16(_mm_add_epi16(x, _mm_set1_epi16((short)(0x8000 - 0xD981 + 0x10000))),
                                     _mm_set1_epi16((short)(0x8000 + (0xD98A - 0xD981 + 1))));
  const __m128i no = _mm_or_si128(_mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD8A9)),
                                  _mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD989)));
  const __m128i ok = _mm_andnot_si128(no, _mm_or_si128(r8, r9));
  unsigned mask = (unsigned)_mm_movemask_epi8(ok);
  return (unsigned)__builtin_ctz(~mask); /* ~mask has bit 16 set */
}

/* alq_text_same_run, the run going on through the letters that normalize
 * to another letter of two bytes, which *out gets in their place: أ إ آ ->
 * ا, ؤ -> و, ئ ى -> ي, ة -> ه (a third of the words of news have one).
 * *out is v with those lanes replaced (the bytes after the run included:
 * only the run's bytes are meant). */
static inline unsigned alq_text_norm_run(__m128i v, __m128i *out) {
  const __m128i x = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
  const __m128i r8 = _mm_cmplt_epi16(_mm_add_epi16(x, _mm_set1_epi16((short)(0x8000 - 0xD8A7 + 0x10000))),
                                     _mm_set1_epi16((short)(0x8000 + (0xD8BF - 0xD8A7 + 1))));
  const __m128i r9 = _mm_cmplt_epi16(_mm_add_epi16(x, _mm_set1_epi16((short)(0x8000 - 0xD981 + 0x10000))),
                                     _mm_set1_epi16((short)(0x8000 + (0xD98A - 0xD981 + 1))));
  const __m128i heh = _mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD8A9));     /* ة */
  const __m128i maq = _mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD989));     /* ى */
  const __m128i same = _mm_andnot_si128(_mm_or_si128(heh, maq), _mm_or_si128(r8, r9));
  const __m128i alef = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD8A2)),   /* آ */
                                                 _mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD8A3))),  /* أ */
                                    _mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD8A5)));               /* إ */
  const __m128i waw = _mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD8A4));                              /* ؤ */
  const __m128i yeh = _mm_or_si128(_mm_cmpeq_epi16(x, _mm_set1_epi16((short)0xD8A6)), maq);           /* ئ ى */
  const __m128i sub = _mm_or_si128(_mm_or_si128(alef, waw), _mm_or_si128(yeh, heh));
  /* the replacements in memory order (continuation byte high): ا D8 A7,
     و D9 88, ي D9 8A, ه D9 87 */
  __m128i rep = _mm_and_si128(alef, _mm_set1_epi16((short)0xA7D8));
  rep = _mm_or_si128(rep, _mm_and_si128(waw, _mm_set1_epi16((short)0x88D9)));
  rep = _mm_or_si128(rep, _mm_and_si128(yeh, _mm_set1_epi16((short)0x8AD9)));
  rep = _mm_or_si128(rep, _mm_and_si128(heh, _mm_set1_epi16((short)0x87D9)));
  *out = _mm_or_si128(_mm_andnot_si128(sub, v), rep);
  unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(same, sub));
  return (unsigned)__builtin_ctz(~mask); /* ~mask has bit 16 set */
}
#endif
#endif
