/* The PostgreSQL side of the corpus store (libpq): src/store/store.c hands
 * every operation on a `postgresql://` store to these functions. Same tables
 * as the SQLite store (docs/SCHEMA.md, "PostgreSQL"). Internal. */
#ifndef ALQ_STORE_PG_H
#define ALQ_STORE_PG_H
#include "store/store.h"

typedef struct alq_pg alq_pg;

/* Connects to `url` (`name` = the URL without its password, for messages),
 * checks or (mode ALQ_STORE_WRITE) creates the schema. */
int alq_pg_open(alq_pg **out, const char *url, const char *name, int mode, alq_error *err);
void alq_pg_close(alq_pg *p);
int alq_pg_begin(alq_pg *p, alq_error *err);
int alq_pg_commit(alq_pg *p, alq_error *err);
void alq_pg_rollback(alq_pg *p);
int alq_pg_sync_actors(alq_pg *p, const alq_lexicon *lex, alq_error *err);
int alq_pg_doc_state(alq_pg *p, const char *id, const char *hash, const char *version,
                     alq_error *err);
/* copy_of: the id of the document this one is a syndicated copy of, or NULL;
 * sig: its signature (ALQ_DEDUP_SIG_BYTES bytes) or NULL for none; is_new:
 * known not to be stored (no lookup of a row to replace). */
int alq_pg_put(alq_pg *p, const alq_doc *d, const char *hash, const alq_result *res,
               const char *copy_of, const unsigned char *sig, int is_new, alq_error *err);
/* Stores (or replaces) the signature of document `key` (NULL: none). */
int alq_pg_put_signature(alq_pg *p, long long key, const unsigned char *sig, alq_error *err);
/* What opening migrated (ALQ_MIG_*, 0 = nothing)? Then its transaction is
 * still open: the caller fills the signatures (alq_pg_put_signature) and,
 * with ALQ_MIG_COPY_OF, documents.copy_of of the stored documents
 * (alq_pg_set_copy_of) and commits (alq_pg_commit); a reader then calls
 * alq_pg_readonly (opening left the session writable for the migration). */
int alq_pg_migrated(const alq_pg *p);
int alq_pg_readonly(alq_pg *p, alq_error *err);
int alq_pg_set_copy_of(alq_pg *p, const char *id, const char *copy_of, alq_error *err);
int alq_pg_log_run(alq_pg *p, const alq_store_run *r, alq_error *err);
int alq_pg_query(alq_pg *p, const char *sql, const char *const *binds, int nb, alq_row_fn fn,
                 void *payload, alq_error *err, int bad_input_code);

/* Copies `name` to out, with the password of a URI (user:PASSWORD@ or
 * password=...) replaced by "***". */
void alq_pg_redact(const char *name, char *out, size_t cap);
#endif
