/* Readers: turn raw input bytes (plain text in UTF-8, UTF-16 or Windows-1256;
 * HTML pages) into UTF-8 text for the extractor, with a map from every byte
 * of that derived text back to the raw bytes, so spans can point at the page
 * as stored. Internal (not exported). */
#ifndef ALQ_READ_H
#define ALQ_READ_H
#include <stddef.h>
#include <stdint.h>
#include "alaqat.h"

/* Largest input a reader accepts: offsets are 32-bit and gumbo's tree costs
 * tens of bytes per input byte. */
#define ALQ_READ_MAX_INPUT ((size_t)64 << 20)
/* Deepest tag nesting accepted in HTML (estimated before parsing): gumbo's
 * tree construction is quadratic in the depth of open elements. */
#define ALQ_READ_MAX_DEPTH 4096

/* Encodings a reader can decode. */
typedef enum alq_enc {
  ALQ_ENC_UTF8 = 0, ALQ_ENC_UTF8_BOM, ALQ_ENC_UTF16LE, ALQ_ENC_UTF16BE,
  ALQ_ENC_CP1256, ALQ_ENC_ISO8859_6
} alq_enc;

/* Returns the encoding's name as reported to users ("UTF-8", ...). */
const char *alq_enc_name(alq_enc e);

/* One read document. Everything is owned by it; free with alq_read_doc_free. */
typedef struct alq_read_doc {
  char *text;          /* derived UTF-8 text, NUL-terminated */
  size_t len;          /* bytes of text */
  uint32_t *ms, *me;   /* len+1 entries: derived byte i came from raw bytes
                          [ms[i], me[i]) (a whole source character or
                          character reference); ms[len] = me[len] = end */
  char *title;         /* headline (h1, og:title or <title>), or NULL */
  char *date;          /* publication date "YYYY-MM-DD", or NULL */
  char *outlet;        /* og:site_name, or NULL */
  char *url;           /* og:url or canonical link, or NULL */
  alq_enc enc;         /* encoding the raw bytes were decoded from */
  int html;            /* 1 when read as HTML */
  size_t nbad;         /* undecodable raw bytes (replaced by U+FFFD) */
  long long first_bad; /* raw offset of the first one, -1 when none */
} alq_read_doc;

void alq_read_doc_free(alq_read_doc *d);

/* Guesses the encoding of plain text: a BOM, else UTF-8 when the bytes are
 * (mostly) valid UTF-8, else Windows-1256 when invalid as UTF-8 and the high
 * bytes are mostly Arabic letters of Windows-1256. */
alq_enc alq_read_detect_text(const char *raw, size_t len);

/* 1 when the input should be read as HTML: the name ends in .html/.htm or
 * the bytes start (after a BOM and spaces) with <!doctype html or <html. */
int alq_read_is_html(const char *name, const char *raw, size_t len);

/* Decodes plain text in encoding `enc` into out (text + map). Undecodable
 * bytes become U+FFFD and are counted in out->nbad. Returns 0, ALQ_ENOMEM
 * (too large or no memory) with err naming `name`. */
int alq_read_text(alq_read_doc *out, const char *raw, size_t len, alq_enc enc,
                  const char *name, alq_error *err);

/* Reads an HTML page: charset from a BOM, <meta charset> or http-equiv (or
 * guessed), the article's main text (headline first, then the body, block
 * elements as line breaks, page chrome dropped) and its metadata. Returns 0,
 * ALQ_ENOMEM, or ALQ_EFORMAT (nested too deeply; err has the byte offset). */
int alq_read_html(alq_read_doc *out, const char *raw, size_t len,
                  const char *name, alq_error *err);

/* Maps the derived span [s, e) to raw bytes: out = [ms[s], me[e-1]). */
void alq_read_map_span(const alq_read_doc *d, uint32_t s, uint32_t e, uint32_t out[2]);

/* Internal to the readers: appends a decoded buffer and its map. */
int alq_read_decode(alq_read_doc *out, const unsigned char *raw, size_t len, alq_enc enc);
#endif
