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

/* Whether s[0..len) is valid UTF-8 throughout (RFC 3629: no overlong
 * forms, surrogates or values above U+10FFFF, nothing truncated). */
int alq_read_utf8_valid(const unsigned char *s, size_t len);

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
/* Like alq_read_html, with the charset of an HTTP Content-Type header
 * (`enc_hint`, an alq_enc, or -1 when none): it wins over <meta charset>,
 * as in browsers, but not over a BOM. */
int alq_read_html_enc(alq_read_doc *out, const char *raw, size_t len, int enc_hint,
                      const char *name, alq_error *err);

/* The encoding named by a charset label ("utf-8", "windows-1256", ...) of
 * n bytes, or -1 when unknown. */
int alq_enc_from_label(const char *s, size_t n);

/* ---- archives and compressed files (archive.c, libarchive) -------------- */

/* An open archive: a compressed single file (.gz, .bz2, .xz, .zst, ...,
 * read as one member) or a WARC file (possibly compressed; one member per
 * response or resource record; other record types are skipped). Memory:
 * one 64 KiB block plus one record header. */
typedef struct alq_archive alq_archive;

/* One member, borrowed until the next alq_archive_next call. */
typedef struct alq_archive_member {
  const char *name;   /* WARC: WARC-Target-URI (NULL when none); a
                         compressed file: NULL */
  int warc;           /* 1 when the member is a WARC record */
  long long recno;    /* 1-based member number, for messages */
  long long size;     /* the member's size when known (WARC), else -1 */
  char date[11];      /* WARC-Date as "YYYY-MM-DD", "" when none */
  const char *record_id; /* WARC-Record-ID, or NULL */
} alq_archive_member;

/* 1 when the first bytes are those of a compressed stream (gzip, bzip2, xz,
 * zstd, lz4) or a WARC file: such input goes through alq_archive. */
int alq_archive_sniff(const char *head, size_t n);

/* Opens a file (`path`) or, when buf is non-NULL, a buffer of len bytes
 * (borrowed while the archive is open); `name` is for messages. Returns 0
 * or ALQ_EIO/ALQ_EFORMAT/ALQ_ENOMEM with err set. Free with
 * alq_archive_free (NULL is safe). */
int alq_archive_open(alq_archive **out, const char *path, const char *buf, size_t len,
                     const char *name, alq_error *err);

/* Moves to the next member. Returns 1 (m filled), 0 at the end, or a
 * negative ALQ_E* with err naming file, record and byte offset (of the
 * decompressed stream): a truncated or corrupt archive; members read
 * before stay valid, but the archive cannot go on. */
int alq_archive_next(alq_archive *x, alq_archive_member *m, alq_error *err);

/* Reads up to n bytes of the current member. Returns the count (0 at its
 * end) or a negative ALQ_E* with err set (truncated data). */
long long alq_archive_read(alq_archive *x, char *buf, size_t n, alq_error *err);

/* Reads the rest of the current member into *out (NUL-terminated, caller
 * frees). A member larger than `max` bytes is skipped without keeping it:
 * returns ALQ_ENOMEM with err saying so, and the archive can go on. Other
 * failures as for alq_archive_read (the archive cannot go on). */
int alq_archive_slurp(alq_archive *x, char **out, size_t *len, size_t max, alq_error *err);

/* The number of the record being read (WARC: counting every record type
 * from 1; a compressed file: 1), for messages. */
long long alq_archive_recno(const alq_archive *x);

/* Bytes of the decompressed stream consumed so far (for messages). */
long long alq_archive_offset(const alq_archive *x);

void alq_archive_free(alq_archive *x);

/* Splits an HTTP response (a WARC response record's block) into headers
 * and body: *body_off = where the body starts (0 when `rec` does not start
 * with "HTTP/"), *status = the status code (0 when none), `ctype` gets the
 * Content-Type value (up to cap-1 bytes, "" when none), *chunked /
 * *encoded = a Transfer-Encoding: chunked / Content-Encoding other than
 * identity was declared. Returns 0, or ALQ_EFORMAT when the headers do not
 * end within the record. */
int alq_http_split(const char *rec, size_t len, size_t *body_off, int *status, char *ctype,
                   size_t cap, int *chunked, int *encoded);

/* ---- near-duplicates (dedup.c) ------------------------------------------ */

/* Syndicated copies: MinHash signatures (ALQ_DEDUP_HASHES minima over
 * 5-word shingles of the normalized words of a document's longer lines)
 * indexed by LSH bands. Documents are added in order; each is compared
 * with the earlier ones only. */
#define ALQ_DEDUP_HASHES 128
typedef struct alq_dedup alq_dedup;

/* threshold: the least estimated Jaccard similarity of two documents' shingle
 * sets to call one a copy of the other (0.8 is a good default). Returns 0 or
 * ALQ_ENOMEM. */
int alq_dedup_new(alq_dedup **out, double threshold);
void alq_dedup_free(alq_dedup *d);

/* Adds document number alq_dedup_count(d) (UTF-8 text, invalid bytes
 * tolerated). *copy_of = the earliest earlier document whose similarity is
 * at least the threshold (its number), or -1; *sim = that similarity (0 when
 * none). Returns 0 or ALQ_ENOMEM. Documents with fewer than 5 words are
 * never linked. */
int alq_dedup_add(alq_dedup *d, const char *text, size_t len, long long *copy_of, double *sim);

/* The two steps of alq_dedup_add, so that signatures can be made on any
 * thread and stored (the corpus store keeps them: docs/SCHEMA.md):
 * alq_dedup_signature fills sig with the text's MinHash signature and
 * returns 1, or returns 0 when the text has fewer than 5 words (no
 * signature: never linked), or ALQ_ENOMEM. It depends on the text only.
 * alq_dedup_add_sig adds document number alq_dedup_count(d) by its
 * signature (NULL: none) with alq_dedup_add's answer; adding a text's
 * signature gives exactly what adding the text gives. */
int alq_dedup_signature(const char *text, size_t len, uint32_t sig[ALQ_DEDUP_HASHES]);
int alq_dedup_add_sig(alq_dedup *d, const uint32_t *sig, long long *copy_of, double *sim);
/* The signature of document i, or NULL when it has none (or i is out of
 * range); valid until the next add. */
const uint32_t *alq_dedup_sig(const alq_dedup *d, size_t i);
/* A signature as ALQ_DEDUP_SIG_BYTES bytes (each minimum little-endian, in
 * order) and back: the stored form, the same on every machine. */
#define ALQ_DEDUP_SIG_BYTES (ALQ_DEDUP_HASHES * 4)
void alq_dedup_sig_pack(const uint32_t sig[ALQ_DEDUP_HASHES], unsigned char out[ALQ_DEDUP_SIG_BYTES]);
void alq_dedup_sig_unpack(const unsigned char in[ALQ_DEDUP_SIG_BYTES], uint32_t sig[ALQ_DEDUP_HASHES]);

/* Number of documents added. */
size_t alq_dedup_count(const alq_dedup *d);

/* Estimated Jaccard similarity of documents i and j (both added). */
double alq_dedup_similarity(const alq_dedup *d, size_t i, size_t j);
#endif
