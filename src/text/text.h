/* Text layer: UTF-8 decoding with error offsets, Arabic normalization for
 * matching (every normalized byte mapped back to original bytes), tokens and
 * sentences. Everything is allocated in the caller's per-document arena. */
#ifndef ALQ_TEXT_H
#define ALQ_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "util/arena.h"

/* ---- UTF-8 ------------------------------------------------------------ */

/* Decodes one code point at s[*pos] (pos < len). On success stores it in
 * *cp, advances *pos and returns 0. On an invalid, overlong, surrogate or
 * truncated sequence returns -1, stores U+FFFD and advances *pos by one byte
 * (so the caller can report *pos-1 and go on). */
int alq_utf8_next(const uint8_t *s, size_t len, size_t *pos, int32_t *cp);

/* Encodes cp into out (>= 4 bytes); returns the number of bytes. */
int alq_utf8_encode(int32_t cp, uint8_t *out);

/* ---- normalization ---------------------------------------------------- */

/* Normalizes one code point for matching into out (up to 8 code points, for
 * presentation-form ligatures); returns how many (0 = dropped, e.g. a
 * diacritic or tatweel). Rules: hamza/alef forms أ إ آ ٱ -> ا, ؤ -> و,
 * ئ -> ي, alef maqsura ى -> ي, ta marbuta ة -> ه, tatweel and diacritics
 * (harakat, shadda, sukun, superscript alef, Quranic marks) dropped,
 * presentation forms through NFKC (utf8proc), Eastern Arabic and Persian
 * digits -> ASCII, Persian kaf/yeh -> Arabic, Latin lowercased, zero-width
 * and bidi marks dropped. */
int alq_norm_cp(int32_t cp, int32_t out[8]);

/* Normalizes a whole string (for lexicon entries and tests). Writes a
 * NUL-terminated UTF-8 string into the arena; *out_len gets its length. If
 * map_start/map_end are non-NULL they receive, for each normalized byte, the
 * [start, end) bytes of the original code point it came from (the
 * terminating NUL maps to [len, len)). Returns 0, ALQ_ENOMEM, or ALQ_EUTF8
 * when s held invalid UTF-8: the outputs are still filled, each bad byte
 * normalized to U+FFFD. NUL code points are dropped. */
int alq_normalize(alq_arena *a, const uint8_t *s, size_t len, char **out, size_t *out_len,
                  uint32_t **map_start, uint32_t **map_end);

/* ---- tokens ----------------------------------------------------------- */

typedef enum alq_tok_kind {
  ALQ_TOK_ARABIC = 1, /* Arabic letters (with diacritics/tatweel inside) */
  ALQ_TOK_LATIN,      /* Latin letters (and other alphabetic scripts) */
  ALQ_TOK_NUMBER,     /* digits, ASCII or Eastern; with inner . , / - : (2.5, 27/6/2015, 26-6-2015) */
  ALQ_TOK_QUOTE,      /* " ' “ ” ‘ ’ « » „ ‹ › and similar */
  ALQ_TOK_PUNCT,      /* everything else printable: . , ، ؛ ؟ ! : ( ) - ... */
  ALQ_TOK_INVALID     /* one invalid UTF-8 byte or NUL (also listed as an issue) */
} alq_tok_kind;

/* Token flags. */
enum {
  ALQ_TF_JOINER = 1,     /* Arabic token written with a trailing tatweel or
                            directly followed by a quote, e.g. لـ in لـ"داعش" or
                            و in و"القاعدة": a proclitic separated from its host
                            (the "followed by a quote" case needs 1-3 letters
                            and a quote glued to the next word, so the فتح of
                            "فتح" is not one) */
  ALQ_TF_SPACE_BEFORE = 2, /* preceded by whitespace (or start of text) */
  ALQ_TF_NEWLINE_BEFORE = 4, /* a line break lies between the previous token and this one */
  ALQ_TF_OPEN_QUOTE = 8,   /* a quote token judged to open a quotation */
  ALQ_TF_CLOSE_QUOTE = 16  /* a quote token judged to close a quotation
                              (by its neighbours first; when they leave it open,
                              “ « ‘ open and ” » ’ close, and " closes when a
                              quotation is open on the line; an apostrophe
                              between letters gets neither) */
};

typedef struct alq_token {
  uint32_t start, end;   /* [start, end) bytes in the original text */
  uint32_t nstart, nlen; /* its normalized form: norm[nstart .. nstart+nlen);
                            never empty (a lone tatweel or diacritic, which
                            normalization would erase, keeps its code points) */
  uint16_t kind;         /* alq_tok_kind */
  uint16_t flags;        /* ALQ_TF_* */
  uint32_t sent;         /* index of its sentence */
} alq_token;

typedef struct alq_sentence {
  uint32_t start, end;   /* [start, end) bytes: terminator and closing quotes
                            included, surrounding spaces excluded */
  uint32_t tok_first;    /* first token index */
  uint32_t tok_count;    /* number of tokens */
} alq_sentence;

typedef struct alq_text_issue {
  uint32_t offset;       /* byte offset of the bad byte */
  int code;              /* ALQ_EUTF8 (invalid sequence) or ALQ_EBINARY (NUL) */
} alq_text_issue;

/* A tokenized document. All arrays live in the arena given to alq_text_analyze. */
typedef struct alq_text {
  const uint8_t *src;    /* original text (borrowed) */
  size_t len;
  alq_token *toks;
  size_t ntoks;
  alq_sentence *sents;
  size_t nsents;
  char *norm;            /* normalized bytes of all tokens, concatenated
                            (each token's form NUL-terminated) */
  size_t nnorm;
  /* (the original bytes of a normalized byte: alq_text_norm_src) */
  alq_text_issue *issues;
  size_t nissues;
} alq_text;

/* Tokenizes and splits src[0..len) into sentences; never fails on bad input
 * (invalid bytes become ALQ_TOK_INVALID tokens and issues). Returns 0, or
 * ALQ_ENOMEM when the arena is exhausted. Sentence rules (spec CLAIMS.md
 * rule 8): a sentence ends at . ! ? ؟ or .. (and …) followed, after any
 * closing quotes/brackets, by whitespace or the end of text, and at every
 * line break; ، ؛ : do not end it; no split inside numbers (2.5, 27/6/2015). */
int alq_text_analyze(alq_arena *a, const uint8_t *src, size_t len, alq_text *out);

/* The original bytes [*st, *en) of the code point that normalized byte nb
 * (an offset into t->norm within token i's form) came from; for the form's
 * terminating NUL (or any nb outside the form), [tok end, tok end). */
void alq_text_norm_src(const alq_text *t, size_t i, size_t nb, uint32_t *st, uint32_t *en);

/* The normalized form of token i (NUL-terminated). */
static inline const char *alq_tok_norm(const alq_text *t, size_t i) {
  return t->norm + t->toks[i].nstart;
}
#endif
