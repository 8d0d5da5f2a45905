/* alaqat: reads Arabic news and extracts evidence-backed relation claims
 * between armed and political organizations (see docs/FORMATS.md).
 * This is the only public header; every other symbol is hidden. */
#ifndef ALAQAT_H
#define ALAQAT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ALQ_BUILDING) && defined(__GNUC__)
#define ALQ_EXPORT __attribute__((visibility("default")))
#else
#define ALQ_EXPORT
#endif

/* Error codes: functions that can fail return 0 or one of these. */
enum {
  ALQ_OK = 0,
  ALQ_ENOMEM = -1,   /* allocation failed or a hard size limit was hit */
  ALQ_EIO = -2,      /* a file could not be read */
  ALQ_EFORMAT = -3,  /* malformed input (lexicon line, JSON, ...) */
  ALQ_EUTF8 = -4,    /* invalid UTF-8 (reported, processing went on) */
  ALQ_EINVAL = -5,   /* bad argument */
  ALQ_EBINARY = -6   /* input looks binary (NUL bytes) */
};

/* A failure with context: which input, where, what. Filled by the callee,
 * owned by the caller (no allocation inside). */
typedef struct alq_error {
  int code;          /* one of ALQ_E*; 0 when nothing went wrong */
  char file[512];    /* input name, "" when none */
  long long offset;  /* byte offset into that input, -1 when none */
  char msg[512];     /* one line, no trailing newline */
} alq_error;

/* Returns the library version, e.g. "0.1.0". Static storage. */
ALQ_EXPORT const char *alq_version(void);

/* ---- lexicons -------------------------------------------------------- */

/* The compiled lexicons (actors, places, triggers, cues, months, ...).
 * Immutable once open: any number of threads may share one. */
typedef struct alq_lexicon alq_lexicon;

/* Loads every lexicon from the directory `datadir` (NULL: $ALAQAT_DATA, else
 * the build tree's data/, else the installed share/alaqat). On failure
 * returns ALQ_EIO or ALQ_EFORMAT with the file and line in `err`. The caller
 * frees *out with alq_lexicon_free. */
ALQ_EXPORT int alq_lexicon_open(alq_lexicon **out, const char *datadir, alq_error *err);
/* Frees a lexicon; NULL is allowed. */
ALQ_EXPORT void alq_lexicon_free(alq_lexicon *lex);

/* ---- documents and results -------------------------------------------- */

/* A document to read. Every pointer is borrowed for the duration of the call;
 * `text` need not be NUL-terminated. */
typedef struct alq_doc {
  const char *id;      /* document id (claims' "doc") */
  const char *text;    /* UTF-8 bytes; spans are offsets into them */
  size_t len;          /* length of text in bytes */
  const char *date;    /* dateline "YYYY-MM-DD" if known by the caller, or NULL
                          (then the extractor looks for one in the text) */
  const char *title;   /* optional headline known from metadata, or NULL */
} alq_doc;

/* One relation claim, fields as in spec CLAIMS.md. Strings are borrowed from
 * the extractor until its next call; optional fields are NULL when absent. */
typedef struct alq_claim {
  uint32_t span[2];         /* evidence: [start, end) bytes of the sentence */
  const char *a, *b;        /* canonical actor ids */
  const char *type;         /* alliance, merger, cooperation, ... */
  const char *polarity;     /* affirmed | negated */
  const char *modality;     /* asserted | possible */
  const char *source;       /* as written, or NULL (author's voice) */
  const char *source_kind;  /* author | person | outlet | official | anonymous */
  const char *when;         /* ISO date or interval, or NULL */
  const char *where;        /* place as written, or NULL */
  const char *via;          /* mediating actor id, or NULL */
  uint32_t trigger[2];      /* bytes of the trigger word(s) that produced it */
  uint32_t a_span[2];       /* bytes of the mention (or anaphor) standing for a */
  uint32_t b_span[2];       /* bytes of the mention (or anaphor) standing for b */
  const char *rule;         /* short name of the rule that made the claim */
} alq_claim;

/* One entity mention (CLAIMS.md "Entity mentions"). */
typedef struct alq_mention {
  uint32_t span[2];     /* [start, end) bytes of the name, clitics excluded */
  const char *id;       /* canonical id, "new:..." or an ISO date; may be NULL */
  const char *type;     /* ORG FORCE STATE COALITION PERSON PLACE DATE OUTLET */
} alq_mention;

/* A problem found in a document that did not stop its processing. */
typedef struct alq_issue {
  int code;             /* ALQ_EUTF8, ALQ_EBINARY, ... */
  long long offset;     /* byte offset into the document text */
  const char *msg;      /* static description */
} alq_issue;

/* What one call of alq_extract found. Borrowed until the next call on the
 * same extractor, or its free. */
typedef struct alq_result {
  const alq_claim *claims;
  size_t nclaims;
  const alq_mention *mentions;
  size_t nmentions;
  const alq_issue *issues;
  size_t nissues;
  const char *date;     /* the dateline found or given, or NULL */
  uint32_t title[2];    /* headline bytes found, or {0,0} */
} alq_result;

/* Per-thread extraction state over a shared lexicon (which must outlive it). */
typedef struct alq_extractor alq_extractor;

ALQ_EXPORT int alq_extractor_new(alq_extractor **out, const alq_lexicon *lex);
/* An extractor that shares `with`'s cache of word lookups (8 MB) instead of
 * mapping its own: for a caller that keeps several results alive at once
 * (each lives until its extractor's next document) while extracting on one
 * thread. The two must never extract at the same time; they may be freed in
 * any order. Output is the same as with a cache of its own. */
ALQ_EXPORT int alq_extractor_new_sharing(alq_extractor **out, const alq_lexicon *lex, alq_extractor *with);
ALQ_EXPORT void alq_extractor_free(alq_extractor *ex);

/* Extracts mentions and claims from one document. Invalid UTF-8 and NUL
 * bytes do not stop extraction: they are listed in (*out)->issues with their
 * offsets. Returns 0, or ALQ_ENOMEM / ALQ_EINVAL with `err` filled. */
ALQ_EXPORT int alq_extract(alq_extractor *ex, const alq_doc *doc,
                           const alq_result **out, alq_error *err);

/* Writes a claim / mention as one JSON line (with '\n') into buf. Returns the
 * length the line needs; writes nothing past cap (like snprintf). */
ALQ_EXPORT size_t alq_claim_json(char *buf, size_t cap, const char *doc_id,
                                 const alq_claim *c);
ALQ_EXPORT size_t alq_mention_json(char *buf, size_t cap, const char *doc_id,
                                   const char *text, const alq_mention *m);

#ifdef __cplusplus
}
#endif
#endif
