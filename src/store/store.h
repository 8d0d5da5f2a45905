/* The corpus store: documents, mentions, claims, actors and runs in one
 * SQLite file (WAL, schema version in PRAGMA user_version, FTS5 over the
 * text) or a PostgreSQL database (libpq; `--db postgresql://...`, schema
 * version in a meta table, tsvector + GIN). docs/SCHEMA.md describes the
 * tables. Internal (not exported). */
#ifndef ALQ_STORE_H
#define ALQ_STORE_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "alaqat.h"
#include "lex/lex.h"
#include "read/read.h"

/* The schema this build writes and reads; docs/SCHEMA.md has its history. */
#define ALQ_STORE_SCHEMA 4
/* What opening an older store migrated, for the backfill in its transaction:
 * documents.copy_of of the stored documents (from version 1), their
 * signatures (from versions 1-3). */
enum { ALQ_MIG_COPY_OF = 1, ALQ_MIG_SIGS = 2 };
/* PRAGMA application_id of an alaqat store ("alq1"). */
#define ALQ_STORE_APPID 0x616c7131

typedef struct alq_store alq_store;
struct sqlite3;

/* The database behind a store. */
enum { ALQ_BACKEND_SQLITE = 0, ALQ_BACKEND_PG = 1 };

/* Is `db` a PostgreSQL connection URI (postgresql:// or postgres://)?
 * Anything else is an SQLite file path. */
int alq_store_is_pg_url(const char *db);

enum {
  ALQ_STORE_READ = 0,   /* the file must exist and be a store of this schema */
  ALQ_STORE_WRITE = 1   /* created (with the schema) when missing or empty */
};

/* Opens the store at `path` (a file, or a PostgreSQL URI). Refuses a file that is not an alaqat store or
 * has a newer/unknown schema version (ALQ_EFORMAT, message says which); a
 * store of schema version 1 is migrated (in either mode, when writable). On
 * failure returns ALQ_EIO / ALQ_EFORMAT with `err` filled. Caller closes. */
int alq_store_open(alq_store **out, const char *path, int mode, alq_error *err);
/* For a process that writes a store (alaqat add), before it opens one:
 * SQLite keeps no memory statistics (a global mutex taken on every
 * allocation otherwise). */
void alq_store_tune_process(void);
/* Closes (NULL allowed); an open transaction is rolled back. */
void alq_store_close(alq_store *s);
/* The SQLite handle, for the query modules (borrowed); NULL when the store
 * is a PostgreSQL database (see alq_store_backend). */
struct sqlite3 *alq_store_db(alq_store *s);
/* ALQ_BACKEND_SQLITE or ALQ_BACKEND_PG. */
int alq_store_backend(const alq_store *s);
/* The store's name for messages: the path, or the URI without a password. */
const char *alq_store_name(const alq_store *s);

/* The kind of one value of a row. */
enum { ALQ_V_NULL = 0, ALQ_V_INT, ALQ_V_REAL, ALQ_V_TEXT };

/* One result row: n named values, as text (NULL for ALQ_V_NULL). Everything
 * is borrowed for the duration of the callback. */
typedef struct alq_row {
  size_t n;
  const char *const *names;
  const char *const *vals;
  const int *kinds;
} alq_row;

/* Return nonzero from the callback to stop early (the query returns 0). */
typedef int (*alq_row_fn)(const alq_row *row, void *payload);

/* Runs a read query on either backend: `sql_sqlite` (parameters ?1..) or
 * `sql_pg` ($1..), with text parameters binds[0..nb) (NULL binds NULL), and
 * streams every row to fn. A failing query gives `bad_input_code` when the
 * database blamed the statement's input (e.g. a malformed FTS query), else
 * ALQ_EIO; err names the store. */
int alq_store_query(alq_store *s, const char *sql_sqlite, const char *sql_pg,
                    const char *const *binds, int nb, alq_row_fn fn, void *payload,
                    alq_error *err, int bad_input_code);

int alq_store_begin(alq_store *s, alq_error *err);
int alq_store_commit(alq_store *s, alq_error *err);
void alq_store_rollback(alq_store *s);

/* Copies the lexicon's actors into the actors table (insert or replace). */
int alq_store_sync_actors(alq_store *s, const alq_lexicon *lex, alq_error *err);

/* Content hash of a document (text, date, title): 32 hex digits + NUL. */
void alq_store_doc_hash(const alq_doc *d, char out[33]);

enum { ALQ_DOC_NEW = 0, ALQ_DOC_SAME = 1, ALQ_DOC_CHANGED = 2 };
/* Is document `id` absent, stored with this hash and extractor version, or
 * stored otherwise? Returns ALQ_DOC_* or a negative error. */
int alq_store_doc_state(alq_store *s, const char *id, const char *hash,
                        const char *version, alq_error *err);

/* Stores a document with what was extracted from it, replacing any earlier
 * rows of the same id, and records whether it is a syndicated copy of an
 * earlier document (documents.copy_of; the first put of an open store
 * indexes the stored documents' texts). Must run inside a transaction. */
int alq_store_put(alq_store *s, const alq_doc *d, const char *hash,
                  const alq_result *res, alq_error *err);

/* A document's MinHash signature in its stored form (signatures.minhash):
 * has = 0 for a text too short to have one. */
typedef struct alq_store_sig {
  int has;
  unsigned char bytes[ALQ_DEDUP_SIG_BYTES];
} alq_store_sig;

/* alq_store_put in two steps, so that `add` can find copies on another
 * thread (with its own handle on the same store, opened for reading):
 * alq_store_find_copy makes d's signature (*sig), runs it through s's
 * near-duplicate index (built from the stored documents' signatures on its
 * first call) and sets *copy_of to the id of the original (malloc'd; NULL
 * when d is no copy); call it for each document that will be stored, in the
 * order they will be stored. alq_store_put_as stores with that copy_of and
 * signature, without the index. */
int alq_store_find_copy(alq_store *s, const alq_doc *d, char **copy_of, alq_store_sig *sig,
                        alq_error *err);
/* is_new: the caller's alq_store_doc_state said ALQ_DOC_NEW and nothing with
 * this id was stored since (no lookup of old rows to replace). */
int alq_store_put_as(alq_store *s, const alq_doc *d, const char *hash, const alq_result *res,
                     const char *copy_of, const alq_store_sig *sig, int is_new, alq_error *err);

/* The query that gives the stored copies' copy_of when the near-duplicate
 * index is built (SQLite: a walk of the partial index documents_copies). */
extern const char alq_store_copies_sql[];

/* One `add` run, logged in the runs table. */
typedef struct alq_store_run {
  time_t started, finished;
  size_t seen, added, replaced, skipped, failed, claims, mentions;
  uint64_t bytes;
} alq_store_run;
int alq_store_log_run(alq_store *s, const alq_store_run *r, alq_error *err);

/* Resolves a name typed by a user (id, English name case-insensitively, or
 * Arabic name) to an actor id in `out` (size cap); unknown names are copied
 * as given. */
void alq_store_actor_resolve(alq_store *s, const char *name, char *out, size_t cap);

/* The bounds of an ISO time (YYYY, YYYY-MM, YYYY-MM-DD or A/B) as two day
 * strings; an upper bound may be a day 31 that does not exist, which still
 * compares correctly as a string. Returns 0, or -1 when `iso` is not a time. */
int alq_time_bounds(const char *iso, char lo[11], char hi[11]);

/* Coarse class of a relation type name: cooperative, hostile, structural
 * (CLAIMS.md), or NULL. */
const char *alq_type_class(const char *type);
#endif
