/* Arabic orthographic normalization for matching. ASCII and U+0600-06FF go
 * through the generated table; only rare code points (presentation forms,
 * other scripts) reach utf8proc, for NFKC and lowercasing. */
#include <pthread.h>
#include <string.h>
#include <utf8proc.h>
#include "alaqat.h"
#include "text/text_internal.h"

/* Zero-width and bidi controls: invisible, so they must not change a match.
 * U+FEFF comes first because it also lies in the presentation-form range. */
static int is_invisible(int32_t cp) {
  return cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

/* Arabic presentation forms (and the Arabic mathematical letters), which only
 * NFKC maps back to the letters the lexicons are written in. */
static int is_presentation(int32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE) ||
         (cp >= 0x1EE00 && cp <= 0x1EEFF);
}

static int is_letter_cat(utf8proc_category_t c) {
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int norm_rare_uncached(int32_t cp, int32_t out[8], alq_cc *cls);

static int norm_cp_uncached(int32_t cp, int32_t out[8]) {
  if (cp < 0x80 || (cp >= 0x600 && cp <= 0x6FF)) return alq_norm_cp(cp, out);
  alq_cc cls;
  return norm_rare_uncached(cp, out, &cls);
}

/* NFKC of one presentation form, each resulting code point normalized again
 * (so the lam-alef-madda ligature gives ل ا). The isolated harakat forms
 * decompose to a space and a mark: they vanish like the mark. A ligature
 * whose NFKC is several words (U+FDFA, U+FDFB) or longer than 8 code points
 * stays as it is, since a token's normalized form must remain one word. */
static int nfkc_presentation(int32_t cp, int32_t out[8]) {
  utf8proc_int32_t buf[32];
  utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 32, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, NULL);
  if (n <= 0 || n > 32) goto keep;
  n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (n <= 0) goto keep;
  int k = 0, space = 0;
  for (utf8proc_ssize_t j = 0; j < n; j++) {
    if (buf[j] == 0x20) {
      space = 1;
      continue;
    }
    int32_t t[8];
    int m;
    if (buf[j] == cp) { /* no decomposition (U+FE73 tail fragment) */
      t[0] = cp;
      m = 1;
    } else {
      /* NFKC never yields a presentation form, so this recursion has depth
       * one; it must not go through the cache that is being filled. */
      m = norm_cp_uncached(buf[j], t);
    }
    if (k + m > 8) goto keep;
    for (int i = 0; i < m; i++) out[k++] = t[i];
  }
  if (space && k > 0) goto keep;
  return k;
keep:
  out[0] = cp;
  return 1;
}

/* Class and normalization of a code point outside ASCII and U+0600-06FF. */
static int norm_rare_uncached(int32_t cp, int32_t out[8], alq_cc *cls) {
  if (is_invisible(cp)) {
    *cls = ALQ_CC_FORMAT;
    return 0;
  }
  switch (cp) {
  case 0x0085: case 0x2028: case 0x2029:
    *cls = ALQ_CC_NEWLINE;
    out[0] = cp;
    return 1;
  case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A: case 0x201B:
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
  case 0x2E42: case 0xFF02: case 0xFF07:
    *cls = ALQ_CC_QUOTE; /* „ and ‚ are "open punctuation" in Unicode */
    out[0] = cp;
    return 1;
  case 0x2026:
    *cls = ALQ_CC_DOT;
    out[0] = cp;
    return 1;
  default:
    break;
  }
  utf8proc_category_t cat = utf8proc_category(cp);
  if (is_presentation(cp) && is_letter_cat(cat)) {
    int n = nfkc_presentation(cp, out);
    *cls = n ? ALQ_CC_AR_LETTER : ALQ_CC_AR_MARK;
    return n;
  }
  int arabic = (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x0870 && cp <= 0x08FF);
  switch (cat) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    *cls = arabic ? ALQ_CC_AR_LETTER : ALQ_CC_LETTER;
    out[0] = utf8proc_tolower(cp);
    return 1;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    if (arabic) {
      *cls = ALQ_CC_AR_MARK; /* Quranic and extended harakat, dropped like 064B-065F */
      return 0;
    }
    *cls = ALQ_CC_MARK;
    out[0] = cp;
    return 1;
  case UTF8PROC_CATEGORY_ND: *cls = ALQ_CC_DIGIT; break;
  case UTF8PROC_CATEGORY_ZS: *cls = ALQ_CC_SPACE; break;
  case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: *cls = ALQ_CC_NEWLINE; break;
  case UTF8PROC_CATEGORY_CC: *cls = ALQ_CC_CTRL; break;
  case UTF8PROC_CATEGORY_CF: *cls = ALQ_CC_FORMAT; return 0;
  case UTF8PROC_CATEGORY_PS: *cls = ALQ_CC_OPEN; break;
  case UTF8PROC_CATEGORY_PE: *cls = ALQ_CC_CLOSE; break;
  case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: *cls = ALQ_CC_QUOTE; break;
  default: *cls = ALQ_CC_OTHER; break;
  }
  out[0] = cp;
  return 1;
}

/* Text extracted from PDFs can consist entirely of presentation forms, and
 * NFKC through utf8proc costs a decomposition and a composition per code
 * point, so both blocks are normalized once, on first use, into a table. */
#define PRES_A_LO 0xFB50
#define PRES_A_N (0xFE00 - PRES_A_LO)
#define PRES_B_LO 0xFE70
#define PRES_B_N (0xFF00 - PRES_B_LO)
#define PRES_UNCACHED 255
typedef struct pres_entry {
  uint8_t cls, n; /* n = PRES_UNCACHED: longer than cp[], ask utf8proc */
  int32_t cp[4];
} pres_entry;
static pres_entry pres_tab[PRES_A_N + PRES_B_N];
static pthread_once_t pres_once = PTHREAD_ONCE_INIT;

static void pres_fill(pres_entry *e, int32_t cp) {
  int32_t out[8];
  alq_cc cls;
  int n = norm_rare_uncached(cp, out, &cls);
  e->cls = (uint8_t)cls;
  e->n = n <= 4 ? (uint8_t)n : PRES_UNCACHED;
  for (int i = 0; i < n && i < 4; i++) e->cp[i] = out[i];
}

static void pres_init(void) {
  for (int32_t i = 0; i < PRES_A_N; i++) pres_fill(&pres_tab[i], PRES_A_LO + i);
  for (int32_t i = 0; i < PRES_B_N; i++) pres_fill(&pres_tab[PRES_A_N + i], PRES_B_LO + i);
}

static int norm_rare(int32_t cp, int32_t out[8], alq_cc *cls) {
  const pres_entry *e = NULL;
  if (cp >= PRES_A_LO && cp < PRES_A_LO + PRES_A_N) e = &pres_tab[cp - PRES_A_LO];
  else if (cp >= PRES_B_LO && cp < PRES_B_LO + PRES_B_N) e = &pres_tab[PRES_A_N + cp - PRES_B_LO];
  if (!e) return norm_rare_uncached(cp, out, cls);
  pthread_once(&pres_once, pres_init);
  if (e->n == PRES_UNCACHED) return norm_rare_uncached(cp, out, cls);
  *cls = (alq_cc)e->cls;
  for (int i = 0; i < e->n; i++) out[i] = e->cp[i];
  return e->n;
}

alq_cc alq_text_rare_class(int32_t cp) {
  int32_t tmp[8];
  alq_cc cls;
  (void)norm_rare(cp, tmp, &cls);
  return cls;
}

int alq_norm_cp(int32_t cp, int32_t out[8]) {
  if ((uint32_t)cp < 0x80) {
    if (cp == 0) return 0; /* keeps normalized strings NUL-free */
    out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  if (cp >= 0x600 && cp <= 0x6FF) {
    uint16_t m = alq_ar_norm[cp - 0x600];
    if (!m) return 0;
    out[0] = m;
    return 1;
  }
  if ((uint32_t)cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out[0] = 0xFFFD;
    return 1;
  }
  alq_cc cls;
  return norm_rare(cp, out, &cls);
}

/* Two passes (measure, then write): entries are short and this keeps the
 * output exactly sized without a bound on NFKC growth per input byte. */
int alq_normalize(alq_arena *a, const uint8_t *s, size_t len, char **out, size_t *out_len,
                  uint32_t **map_start, uint32_t **map_end) {
  if (len > UINT32_MAX) return ALQ_ENOMEM;
  if (!map_start && !map_end) {
    /* the usual lexicon entry: ASCII and two-byte U+0600-06FF only, each
       normalized by its table into at most as many bytes (alq_ar_norm maps
       the block to letters of it, ASCII digits and separators, or nothing;
       a test checks the table stays so): one pass */
    size_t i = 0;
    while (i < len) {
      if (s[i] < 0x80) { i++; continue; }
      if (s[i] >= 0xD8 && s[i] <= 0xDB && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) { i += 2; continue; }
      break;
    }
    if (i == len) {
      char *o = alq_arena_alloc(a, len + 1);
      if (!o) return ALQ_ENOMEM;
      size_t w = 0;
      for (i = 0; i < len;) {
        unsigned c = s[i];
        if (c < 0x80) {
          if (c) o[w++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c); /* NUL dropped */
          i++;
          continue;
        }
        uint16_t m = alq_ar_norm[(((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu)) - 0x600];
        if (m >= 0x80) { /* the block's normalizations: letters of it (< 0x800), or ASCII digits */
          o[w++] = (char)(0xC0 | (m >> 6));
          o[w++] = (char)(0x80 | (m & 0x3F));
        } else if (m) {
          o[w++] = (char)m;
        }
        i += 2;
      }
      o[w] = 0;
      *out = o;
      if (out_len) *out_len = w;
      return 0;
    }
  }
  int bad = 0;
  size_t total = 0;
  for (size_t pos = 0; pos < len;) {
    int32_t cp, t[8];
    if (alq_utf8_next(s, len, &pos, &cp) != 0) bad = 1;
    int n = alq_norm_cp(cp, t);
    for (int i = 0; i < n; i++) {
      uint8_t enc[4];
      total += (size_t)alq_utf8_encode(t[i], enc);
    }
  }
  char *o = alq_arena_alloc(a, total + 1);
  uint32_t *ms = NULL, *me = NULL;
  if (!o) return ALQ_ENOMEM;
  if (map_start || map_end) {
    ms = alq_arena_alloc(a, (total + 1) * sizeof *ms);
    me = alq_arena_alloc(a, (total + 1) * sizeof *me);
    if (!ms || !me) return ALQ_ENOMEM;
  }
  size_t w = 0;
  for (size_t pos = 0; pos < len;) {
    size_t st = pos;
    int32_t cp, t[8];
    (void)alq_utf8_next(s, len, &pos, &cp);
    int n = alq_norm_cp(cp, t);
    for (int i = 0; i < n; i++) {
      int k = alq_utf8_encode(t[i], (uint8_t *)o + w);
      if (ms) {
        for (int j = 0; j < k; j++) {
          ms[w + j] = (uint32_t)st;
          me[w + j] = (uint32_t)pos;
        }
      }
      w += (size_t)k;
    }
  }
  o[w] = 0;
  if (ms) {
    ms[w] = me[w] = (uint32_t)len; /* the terminator maps to the end */
  }
  *out = o;
  if (out_len) *out_len = w;
  if (map_start) *map_start = ms;
  if (map_end) *map_end = me;
  return bad ? ALQ_EUTF8 : 0;
}
