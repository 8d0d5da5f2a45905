/* SQLite corpus store: opening with schema checks, the schema itself, and
 * the prepared statements `add` runs per document; a `postgresql://` store
 * is handed to store_pg.c. Every value goes through a bound parameter; no
 * SQL is built from data. */
#include "store/store.h"
#include "store/store_pg.h"
#include "store/fts_tok.h"
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "read/read.h"
#include "util/util.h"

/* Schema version 4 (3 + the signatures table, and documents_fts filled by
 * the writer instead of an insert trigger; 3 = 2 + claims.doc_id and the
 * timeline and one-actor indexes; 2 = 1 + documents.copy_of). Keep docs/SCHEMA.md in step with every
 * change here, and bump ALQ_STORE_SCHEMA (with a migration) when a table
 * changes. */
/* The timeline's order (alq_timeline, /api/timeline) is this index's, so a
 * page of a pair is an index walk that stops after LIMIT rows (the claim key,
 * the rowid, ends every index). One actor's claims in time order
 * (/api/claims?a=, alq_claims_sql) merge walks of claims_lo and claims_hi,
 * which also carry the common filters (type, polarity, modality, a date
 * range) so that skipping and counting read no table rows. */
#define CLAIMS_INDEXES \
  "CREATE INDEX claims_timeline ON claims(pair_lo, pair_hi, t_lo IS NULL, t_lo, t_hi, doc_date,\n" \
  "  doc_id, span_start);\n" \
  "CREATE INDEX claims_lo ON claims(pair_lo, t_lo IS NULL, t_lo, key, type, polarity, modality,\n" \
  "  t_hi);\n" \
  "CREATE INDEX claims_hi ON claims(pair_hi, t_lo IS NULL, t_lo, key, type, polarity, modality,\n" \
  "  t_hi, pair_lo);\n"

/* One MinHash signature per document (src/read/dedup.c), so that the
 * near-duplicate index of a store is built without reading its texts:
 * ALQ_DEDUP_SIG_BYTES bytes, or none (a zero-length blob) for a text too
 * short to have one. */
#define SIGNATURES_TABLE \
  "CREATE TABLE signatures(\n" \
  "  doc INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,\n" \
  "  minhash BLOB NOT NULL);\n"

/* FTS5 keeps up to this much of a transaction's terms in memory before it
 * writes them out as a segment (default 1 MB): a chunk of 500 articles is
 * one segment instead of ~7, with less merging (docs/PERFORMANCE.md). The
 * same postings, so the same answers; a setting of the table (stored in
 * documents_fts_config), so every writer uses it. */
#define FTS_HASHSIZE "INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', 8388608);\n"

/* The syndicated copies (few), so that building the near-duplicate index
 * reads copy_of without reading the rows (it is the last column, after the
 * text's overflow pages). */
#define COPIES_INDEX "CREATE INDEX IF NOT EXISTS documents_copies ON documents(copy_of) WHERE copy_of IS NOT NULL;\n"

/* No insert trigger on documents: alq_store_put inserts the document's
 * documents_fts row itself. A trigger makes every document INSERT a
 * statement with a statement journal, which makes FTS5 write its pending
 * terms out as a new segment (xSavepoint) once per document; without it they
 * are written once per transaction (docs/PERFORMANCE.md). The delete and
 * update triggers stay. */
static const char schema_sql[] =
  "CREATE TABLE documents(\n"
  "  key INTEGER PRIMARY KEY,\n"
  "  id TEXT NOT NULL UNIQUE,\n"
  "  hash TEXT NOT NULL,\n"
  "  url TEXT, title TEXT, date TEXT, outlet TEXT,\n"
  "  text TEXT NOT NULL,\n"
  "  bytes INTEGER NOT NULL,\n"
  "  extractor TEXT NOT NULL,\n"
  "  added TEXT NOT NULL,\n"
  "  copy_of TEXT);\n"
  COPIES_INDEX
  "CREATE TABLE mentions(\n"
  "  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,\n"
  "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,\n"
  "  text TEXT NOT NULL, actor TEXT, type TEXT NOT NULL);\n"
  "CREATE INDEX mentions_doc ON mentions(doc);\n"
  "CREATE INDEX mentions_actor ON mentions(actor);\n"
  "CREATE TABLE claims(\n"
  "  key INTEGER PRIMARY KEY,\n"
  "  doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,\n"
  "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,\n"
  "  a TEXT NOT NULL, b TEXT NOT NULL,\n"
  "  pair_lo TEXT NOT NULL, pair_hi TEXT NOT NULL,\n"
  "  type TEXT NOT NULL, class TEXT,\n"
  "  polarity TEXT NOT NULL, modality TEXT NOT NULL,\n"
  "  source TEXT, source_kind TEXT,\n"
  "  time TEXT, place TEXT, via TEXT,\n"
  "  trigger_start INTEGER, trigger_end INTEGER, rule TEXT,\n"
  "  doc_date TEXT, t_lo TEXT, t_hi TEXT,\n"
  "  evidence TEXT, doc_id TEXT);\n"
  "CREATE INDEX claims_doc ON claims(doc);\n"
  CLAIMS_INDEXES
  "CREATE INDEX claims_t ON claims(t_lo);\n"
  SIGNATURES_TABLE
  "CREATE TABLE actors(\n"
  "  id TEXT PRIMARY KEY, type TEXT, english TEXT, arabic TEXT,\n"
  "  founded TEXT, ended TEXT, successor TEXT);\n"
  "CREATE TABLE runs(\n"
  "  key INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT NOT NULL,\n"
  "  version TEXT NOT NULL, docs_seen INTEGER, docs_added INTEGER,\n"
  "  docs_replaced INTEGER, docs_skipped INTEGER, docs_failed INTEGER,\n"
  "  claims INTEGER, mentions INTEGER, bytes INTEGER);\n"
  "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text,\n"
  "  content='documents', content_rowid='key',\n"
  "  tokenize='unicode61 remove_diacritics 2');\n"
  FTS_HASHSIZE
  "CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN\n"
  "  INSERT INTO documents_fts(documents_fts, rowid, title, text)\n"
  "    VALUES ('delete', old.key, old.title, old.text);\n"
  "END;\n"
  "CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN\n"
  "  INSERT INTO documents_fts(documents_fts, rowid, title, text)\n"
  "    VALUES ('delete', old.key, old.title, old.text);\n"
  "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);\n"
  "END;\n";

enum { Q_STATE, Q_DEL_CLAIMS, Q_DEL_MENTIONS, Q_DEL_SIG, Q_DEL_DOC, Q_INS_DOC, Q_INS_FTS, Q_INS_SIG,
       Q_INS_MENTION, Q_INS_MENTIONS, Q_INS_MENTIONS4, Q_INS_CLAIM, Q_INS_ACTOR, Q_INS_RUN, Q_RESOLVE, Q_RESOLVE_MENTION, Q__COUNT };

#define M6 "(?,?,?,?,?,?)"
enum { MROWS = 16 };
static const char *const stmt_sql[Q__COUNT] = {
  [Q_STATE] = "SELECT key, hash, extractor FROM documents WHERE id = ?1",
  [Q_DEL_CLAIMS] = "DELETE FROM claims WHERE doc = ?1",
  [Q_DEL_MENTIONS] = "DELETE FROM mentions WHERE doc = ?1",
  [Q_DEL_SIG] = "DELETE FROM signatures WHERE doc = ?1",
  [Q_DEL_DOC] = "DELETE FROM documents WHERE key = ?1",
  [Q_INS_DOC] = "INSERT INTO documents(id, hash, url, title, date, outlet, text, bytes, extractor, added,"
                " copy_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  [Q_INS_FTS] = "INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)",
  [Q_INS_SIG] = "INSERT INTO signatures(doc, minhash) VALUES (?1, ?2)",
  /* MROWS mentions in one statement (the table and its two indexes opened
     once, not MROWS times); the rows get the same rowids in the same order.
     OR FAIL: a failing row fails the statement without the statement
     journal that ABORT needs (the caller rolls the chunk back anyway) */
  [Q_INS_MENTIONS] = "INSERT OR FAIL INTO mentions(doc, span_start, span_end, text, actor, type) VALUES "
                     M6 "," M6 "," M6 "," M6 "," M6 "," M6 "," M6 "," M6 ","
                     M6 "," M6 "," M6 "," M6 "," M6 "," M6 "," M6 "," M6,
  [Q_INS_MENTIONS4] = "INSERT OR FAIL INTO mentions(doc, span_start, span_end, text, actor, type) VALUES "
                      M6 "," M6 "," M6 "," M6,
  [Q_INS_MENTION] = "INSERT INTO mentions(doc, span_start, span_end, text, actor, type)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [Q_INS_CLAIM] = "INSERT INTO claims(doc, span_start, span_end, a, b, pair_lo, pair_hi, type, class,"
                  " polarity, modality, source, source_kind, time, place, via, trigger_start,"
                  " trigger_end, rule, doc_date, t_lo, t_hi, evidence, doc_id) VALUES (?1, ?2, ?3, ?4,"
                  " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
                  " ?23, ?24)",
  [Q_INS_ACTOR] = "INSERT OR REPLACE INTO actors(id, type, english, arabic, founded, ended, successor)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  [Q_INS_RUN] = "INSERT INTO runs(started, finished, version, docs_seen, docs_added, docs_replaced,"
                " docs_skipped, docs_failed, claims, mentions, bytes)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  /* an id, an English name or an Arabic name ... */
  [Q_RESOLVE] = "SELECT id FROM actors WHERE id = ?1 OR lower(id) = lower(?1)"
                " OR lower(english) = lower(?1) OR arabic = ?1 ORDER BY id = ?1 DESC, id LIMIT 1",
  /* ... else the actor most often mentioned in this form (داعش, تنظيم الدولة);
     a scan of the mentions, so only tried when the first lookup fails */
  [Q_RESOLVE_MENTION] = "SELECT actor, count(*) AS n FROM mentions WHERE text = ?1"
                        " AND actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor LIMIT 1",
};

struct alq_store {
  int backend;          /* ALQ_BACKEND_* */
  sqlite3 *db;          /* SQLite, or ... */
  alq_pg *pg;           /* ... PostgreSQL */
  char path[512];       /* for messages (a URI without its password) */
  int in_tx;
  int migrated;         /* opening migrated the schema: MIG_* to backfill */
  sqlite3_stmt *st[Q__COUNT];   /* prepared lazily, finalized at close */
  /* syndicated copies: the MinHash index of the stored documents (seeded
     from their texts by the first put) and, per indexed document, the id of
     its original (itself when it is one) */
  alq_dedup *dd;
  int dd_seeded;
  char **dd_root;
  size_t dd_n, dd_cap;
};

void alq_store_tune_process(void) {
  /* only possible before SQLite initializes; harmless when it fails */
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

sqlite3 *alq_store_db(alq_store *s) { return s->db; }
int alq_store_backend(const alq_store *s) { return s->backend; }
const char *alq_store_name(const alq_store *s) { return s->path; }

int alq_store_is_pg_url(const char *db) {
  return db && (!strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11));
}

/* What a failed write means for the user: nothing was changed. */
static const char *hint(alq_store *s) {
  switch (sqlite3_errcode(s->db)) {
  case SQLITE_READONLY:
    return " (the store is read-only: file or directory permissions, or a read-only file system;"
           " the store was not changed)";
  case SQLITE_PERM: case SQLITE_CANTOPEN:
    return " (permission denied, or the file or its directory cannot be opened;"
           " the store was not changed)";
  case SQLITE_FULL:
    return " (the disk is full: the chunk in progress was rolled back, committed documents are intact)";
  case SQLITE_IOERR:
    return " (an I/O error: the chunk in progress was rolled back, committed documents are intact)";
  default: return "";
  }
}

static int db_fail(alq_store *s, alq_error *err, const char *what) {
  int code = sqlite3_errcode(s->db);
  int rc = (code == SQLITE_NOMEM) ? ALQ_ENOMEM : ALQ_EIO;
  return alq_error_set(err, rc, s->path, -1, "%s: %s%s", what, sqlite3_errmsg(s->db), hint(s));
}

static int exec(alq_store *s, const char *sql, alq_error *err) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
  int rc = alq_error_set(err, ALQ_EIO, s->path, -1, "%s%s", msg ? msg : sqlite3_errmsg(s->db), hint(s));
  sqlite3_free(msg);
  return rc;
}

static sqlite3_stmt *stmt(alq_store *s, int q, alq_error *err) {
  if (!s->st[q] && sqlite3_prepare_v2(s->db, stmt_sql[q], -1, &s->st[q], NULL) != SQLITE_OK) {
    db_fail(s, err, "preparing a statement");
    return NULL;
  }
  /* every caller binds every parameter: no sqlite3_clear_bindings */
  sqlite3_reset(s->st[q]);
  return s->st[q];
}

static int pragma_int(alq_store *s, const char *sql, int *out) {
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK) return -1;
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) *out = sqlite3_column_int(q, 0);
  sqlite3_finalize(q);
  return rc == SQLITE_ROW ? 0 : -1;
}

static void bind_str(sqlite3_stmt *q, int i, const char *v);
static int step_done(alq_store *s, sqlite3_stmt *q, alq_error *err, const char *what);

/* Schema 2 -> 3: the claim's document id beside its key, so that the
 * timeline order needs no join, and the indexes in that order (claims_pair
 * is claims_timeline's prefix). */
static const char migrate_2_3_sql[] =
  "ALTER TABLE claims ADD COLUMN doc_id TEXT;\n"
  "UPDATE claims SET doc_id = (SELECT d.id FROM documents d WHERE d.key = claims.doc);\n"
  "DROP INDEX IF EXISTS claims_pair;\n"
  CLAIMS_INDEXES
  "PRAGMA user_version = 3;\n";

/* Schema 3 -> 4: the signatures table (filled from the stored texts by
 * store_backfill, in the same transaction) and no documents_ai trigger. */
static const char migrate_3_4_sql[] =
  "DROP TRIGGER IF EXISTS documents_ai;\n"
  COPIES_INDEX
  SIGNATURES_TABLE
  FTS_HASHSIZE
  "PRAGMA user_version = 4;\n";

/* check_schema: an older store opened for reading, to reopen for writing */
#define MIGRATE_NEEDED 1000

/* Checks the file is ours and of a schema we know; creates the schema in an
 * empty file when writing. */
static int check_schema(alq_store *s, int mode, alq_error *err) {
  int version = 0, appid = 0, ntables = 0;
  if (pragma_int(s, "PRAGMA user_version", &version) ||
      pragma_int(s, "PRAGMA application_id", &appid) ||
      pragma_int(s, "SELECT count(*) FROM sqlite_schema", &ntables)) {
    int code = sqlite3_errcode(s->db);
    if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
      return mode == ALQ_STORE_WRITE ? db_fail(s, err, "cannot write the store")
                                     : db_fail(s, err, "cannot read the store");
    return db_fail(s, err, "cannot read the store (not an SQLite database?)");
  }
  if (version == 0 && ntables == 0) {
    if (mode != ALQ_STORE_WRITE)
      return alq_error_set(err, ALQ_EFORMAT, s->path, -1, "empty store: add documents first (alaqat add)");
    char sql[sizeof schema_sql + 256];
    snprintf(sql, sizeof sql, "BEGIN;\n%sPRAGMA user_version = %d;\nPRAGMA application_id = %d;\nCOMMIT;",
             schema_sql, ALQ_STORE_SCHEMA, ALQ_STORE_APPID);
    int rc = exec(s, sql, err);
    if (rc) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
  }
  if (appid != ALQ_STORE_APPID)
    return alq_error_set(err, ALQ_EFORMAT, s->path, -1,
                         "not an alaqat store (an SQLite database of another application); refusing to touch it");
  if (version > ALQ_STORE_SCHEMA)
    return alq_error_set(err, ALQ_EFORMAT, s->path, -1,
                         "store has schema version %d, newer than this alaqat %s knows (%d); upgrade alaqat",
                         version, alq_version(), ALQ_STORE_SCHEMA);
  if (version >= 1 && version < ALQ_STORE_SCHEMA) {
    /* 1 -> 2: documents.copy_of; 2 -> 3: claims.doc_id and the indexes;
       3 -> 4: signatures. The transaction stays open: the caller fills the
       signatures (and from version 1 copy_of) of the stored documents and
       commits (store_backfill) */
    if (mode != ALQ_STORE_WRITE) return MIGRATE_NEEDED;
    int from = version;
    int rc = exec(s, "BEGIN IMMEDIATE", err);
    if (rc) return rc;
    s->in_tx = 1;
    /* another writer may have migrated it meanwhile */
    if (pragma_int(s, "PRAGMA user_version", &version)) {
      rc = db_fail(s, err, "migrating the store");
    } else {
      if (version == 1 && !(rc = exec(s, "ALTER TABLE documents ADD COLUMN copy_of TEXT; PRAGMA user_version = 2;", err)))
        version = 2, s->migrated |= ALQ_MIG_COPY_OF;
      if (!rc && version == 2 && !(rc = exec(s, migrate_2_3_sql, err))) version = 3;
      if (!rc && version == 3 && !(rc = exec(s, migrate_3_4_sql, err))) s->migrated |= ALQ_MIG_SIGS;
    }
    if (!rc && !s->migrated && !(rc = exec(s, "COMMIT", err))) s->in_tx = 0;
    if (rc) {
      char msg[sizeof err->msg];
      snprintf(msg, sizeof msg, "%s", err->msg);
      sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
      s->migrated = 0;
      s->in_tx = 0;
      return alq_error_set(err, rc, s->path, -1, "cannot migrate the store from schema version %d: %s", from, msg);
    }
    return 0;
  }
  if (version != ALQ_STORE_SCHEMA)
    return alq_error_set(err, ALQ_EFORMAT, s->path, -1,
                         "store has unknown schema version %d (this alaqat knows %d); refusing to use it",
                         version, ALQ_STORE_SCHEMA);
  return 0;
}

/* ---- syndicated copies ---------------------------------------------------- */

/* The least estimated Jaccard similarity of two documents' shingles for one
 * to count as a copy of the other (alq_dedup_new). */
#define COPY_THRESHOLD 0.8

typedef struct seed_ctx {
  alq_store *s;
  int flags;            /* ALQ_MIG_*: what to backfill */
  char **upd;           /* pairs (id, copy_of) to write */
  size_t nupd, capupd;
  long long *nosig;     /* pairs (document key, index entry) without a stored signature */
  size_t nnosig, capnosig;
  long long *ckey;      /* the documents with a copy_of, by key ... */
  char **cof;           /* ... and their copy_of */
  size_t ncof, capcof, icof;
  int oom;
} seed_ctx;

static int dd_push(alq_store *s, const char *root) {
  if (s->dd_n == s->dd_cap) {
    size_t cap = s->dd_cap ? s->dd_cap * 2 : 256;
    char **r = realloc(s->dd_root, cap * sizeof *r);
    if (!r) return -1;
    s->dd_root = r; s->dd_cap = cap;
  }
  if (!(s->dd_root[s->dd_n] = strdup(root))) return -1;
  s->dd_n++;
  return 0;
}

/* Adds one signature (NULL: none) to the index; *root = the id of the
 * original it copies (borrowed), or NULL. */
static int dd_add(alq_store *s, const char *id, const uint32_t *sig, const char **root) {
  long long copy = -1;
  double sim = 0;
  *root = NULL;
  if (alq_dedup_add_sig(s->dd, sig, &copy, &sim)) return -1;
  if (copy >= 0 && (size_t)copy < s->dd_n && strcmp(s->dd_root[copy], id)) *root = s->dd_root[copy];
  return 0;
}

static int hexval(int c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A stored signature as hex (SQLite hex(), PostgreSQL encode(, 'hex')):
 * 1 = sig filled, 0 = none (empty), -1 = malformed. */
static int sig_from_hex(const char *hex, uint32_t sig[ALQ_DEDUP_HASHES]) {
  size_t n = strlen(hex);
  if (!n) return 0;
  if (n != 2 * ALQ_DEDUP_SIG_BYTES) return -1;
  unsigned char b[ALQ_DEDUP_SIG_BYTES];
  for (size_t i = 0; i < ALQ_DEDUP_SIG_BYTES; i++) {
    int hi = hexval((unsigned char)hex[2 * i]), lo = hexval((unsigned char)hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return -1;
    b[i] = (unsigned char)(hi << 4 | lo);
  }
  alq_dedup_sig_unpack(b, sig);
  return 1;
}

/* One stored document: key, id, copy_of, its signature as hex (NULL when
 * none is stored) and its text (only when no valid signature is stored). */
static int copy_row(const alq_row *row, void *payload) {
  seed_ctx *c = payload;
  if (!row->vals[0] || !row->vals[1]) return 0;
  if (c->ncof == c->capcof) {
    size_t cap = c->capcof ? c->capcof * 2 : 64;
    long long *k = realloc(c->ckey, cap * sizeof *k);
    if (!k) { c->oom = 1; return 1; }
    c->ckey = k;
    char **v = realloc(c->cof, cap * sizeof *v);
    if (!v) { c->oom = 1; return 1; }
    c->cof = v;
    c->capcof = cap;
  }
  if (!(c->cof[c->ncof] = strdup(row->vals[1]))) { c->oom = 1; return 1; }
  c->ckey[c->ncof++] = atoll(row->vals[0]);
  return 0;
}

static int seed_row(const alq_row *row, void *payload) {
  seed_ctx *c = payload;
  const char *key = row->vals[0], *id = row->vals[1], *copy_of = NULL;
  const char *hex = row->vals[2], *text = row->vals[3];
  if (!id || !key) return 0;
  /* its copy_of, from the list in key order */
  long long k = atoll(key);
  while (c->icof < c->ncof && c->ckey[c->icof] < k) c->icof++;
  if (c->icof < c->ncof && c->ckey[c->icof] == k) copy_of = c->cof[c->icof];
  uint32_t sig[ALQ_DEDUP_HASHES];
  int has = 0;
  if (!text && hex) has = sig_from_hex(hex, sig);
  if (text || !hex || has < 0) {
    /* no (valid) stored signature: made from the text, and stored when the
       store is being migrated */
    has = alq_dedup_signature(text ? text : "", text ? strlen(text) : 0, sig);
    if (has < 0) { c->oom = 1; return 1; }
    if (c->flags & ALQ_MIG_SIGS) {
      if (c->nnosig + 2 > c->capnosig) {
        size_t cap = c->capnosig ? c->capnosig * 2 : 256;
        long long *u = realloc(c->nosig, cap * sizeof *u);
        if (!u) { c->oom = 1; return 1; }
        c->nosig = u; c->capnosig = cap;
      }
      c->nosig[c->nnosig++] = atoll(key);
      c->nosig[c->nnosig++] = (long long)alq_dedup_count(c->s->dd);
    }
  }
  const char *found = NULL;
  if (dd_add(c->s, id, has ? sig : NULL, &found)) { c->oom = 1; return 1; }
  if (!copy_of && found && (c->flags & ALQ_MIG_COPY_OF)) {
    if (c->nupd + 2 > c->capupd) {
      size_t cap = c->capupd ? c->capupd * 2 : 64;
      char **u = realloc(c->upd, cap * sizeof *u);
      if (!u) { c->oom = 1; return 1; }
      c->upd = u; c->capupd = cap;
    }
    c->upd[c->nupd++] = strdup(id);
    c->upd[c->nupd++] = strdup(found);
    if (!c->upd[c->nupd - 1] || !c->upd[c->nupd - 2]) { c->oom = 1; return 1; }
    copy_of = found;
  }
  if (dd_push(c->s, copy_of ? copy_of : id)) { c->oom = 1; return 1; }
  return 0;
}

/* Stores one signature (NULL: none) of document `key`. */
static int put_sig(alq_store *s, long long key, const uint32_t *sig, alq_error *err) {
  alq_store_sig g = {0};
  if (sig) { g.has = 1; alq_dedup_sig_pack(sig, g.bytes); }
  if (s->pg) return alq_pg_put_signature(s->pg, key, g.has ? g.bytes : NULL, err);
  sqlite3_stmt *q = stmt(s, Q_INS_SIG, err);
  if (!q) return ALQ_EIO;
  sqlite3_bind_int64(q, 1, key);
  if (g.has) sqlite3_bind_blob(q, 2, g.bytes, ALQ_DEDUP_SIG_BYTES, SQLITE_STATIC);
  else sqlite3_bind_zeroblob(q, 2, 0);
  return step_done(s, q, err, "storing a signature");
}

const char alq_store_copies_sql[] = "SELECT key, copy_of FROM documents WHERE copy_of IS NOT NULL";

/* copy_row's lists in key order (swapped together). */
static void sort_copies(seed_ctx *c) {
  /* insertion sort on the keys, usually in order already (shell gaps) */
  static const size_t gaps[] = {701, 301, 132, 57, 23, 10, 4, 1};
  for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++)
    for (size_t i = gaps[g]; i < c->ncof; i++) {
      long long k = c->ckey[i];
      char *v = c->cof[i];
      size_t j = i;
      for (; j >= gaps[g] && c->ckey[j - gaps[g]] > k; j -= gaps[g]) {
        c->ckey[j] = c->ckey[j - gaps[g]];
        c->cof[j] = c->cof[j - gaps[g]];
      }
      c->ckey[j] = k;
      c->cof[j] = v;
    }
}

/* Builds the index from the stored documents' signatures in the order they
 * were added (once per open store); a document without a stored signature
 * is read and shingled. flags (ALQ_MIG_*, after a migration, in its
 * transaction): also store the signatures made, and record the copies
 * found among documents stored before schema version 2. */
static int dd_seed(alq_store *s, int flags, alq_error *err) {
  if (s->dd_seeded) return 0;
  if (!s->dd && alq_dedup_new(&s->dd, COPY_THRESHOLD))
    return alq_error_set(err, ALQ_ENOMEM, s->path, -1, "out of memory");
  seed_ctx c = {.s = s, .flags = flags};
  /* no column after documents.text is read for all documents (SQLite would
     walk each text's overflow pages to reach it): copy_of comes from the
     partial index documents_copies, the text only where no signature is */
  static const char sql[] =
    "SELECT d.key, d.id, CASE WHEN g.doc IS NOT NULL THEN hex(g.minhash) END,"
    " CASE WHEN g.doc IS NULL OR length(g.minhash) NOT IN (0, 512) THEN d.text END"
    " FROM documents d LEFT JOIN signatures g ON g.doc = d.key ORDER BY d.key";
  static const char sql_pg[] =
    "SELECT d.key, d.id, encode(g.minhash, 'hex'),"
    " CASE WHEN g.doc IS NULL OR length(g.minhash) NOT IN (0, 512) THEN d.text END"
    " FROM documents d LEFT JOIN signatures g ON g.doc = d.key ORDER BY d.key";
  _Static_assert(ALQ_DEDUP_SIG_BYTES == 512, "the seeding queries' signature length");
  int rc = alq_store_query(s, alq_store_copies_sql, alq_store_copies_sql, NULL, 0, copy_row, &c, err, ALQ_EIO);
  if (!rc && !c.oom) {
    sort_copies(&c);
    rc = alq_store_query(s, sql, sql_pg, NULL, 0, seed_row, &c, err, ALQ_EIO);
  }
  if (!rc && c.oom) rc = alq_error_set(err, ALQ_ENOMEM, s->path, -1, "out of memory");
  for (size_t i = 0; !rc && i < c.nupd; i += 2) {
    if (s->pg) { rc = alq_pg_set_copy_of(s->pg, c.upd[i], c.upd[i + 1], err); continue; }
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "UPDATE documents SET copy_of = ?2 WHERE id = ?1", -1, &q, NULL) != SQLITE_OK)
      rc = db_fail(s, err, "recording a copy");
    else {
      bind_str(q, 1, c.upd[i]); bind_str(q, 2, c.upd[i + 1]);
      rc = step_done(s, q, err, "recording a copy");
      sqlite3_finalize(q);
    }
  }
  if (!rc && c.nnosig && !s->pg) {
    /* a malformed stored signature is replaced */
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "DELETE FROM signatures WHERE doc = ?1", -1, &q, NULL) != SQLITE_OK)
      rc = db_fail(s, err, "storing a signature");
    for (size_t i = 0; !rc && i < c.nnosig; i += 2) {
      sqlite3_bind_int64(q, 1, c.nosig[i]);
      rc = step_done(s, q, err, "storing a signature");
    }
    sqlite3_finalize(q);
  }
  for (size_t i = 0; !rc && i < c.nnosig; i += 2)
    rc = put_sig(s, c.nosig[i], alq_dedup_sig(s->dd, (size_t)c.nosig[i + 1]), err);
  for (size_t i = 0; i < c.nupd; i++) free(c.upd[i]);
  free(c.upd);
  free(c.nosig);
  for (size_t i = 0; i < c.ncof; i++) free(c.cof[i]);
  free(c.cof);
  free(c.ckey);
  if (!rc) s->dd_seeded = 1;
  return rc;
}

/* After a migration, in its transaction: the signatures of the documents
 * already stored (and from schema version 1 the copies among them);
 * commits. */
static int store_backfill(alq_store *s, int flags, alq_error *err) {
  int rc = dd_seed(s, flags, err);
  if (!rc) rc = alq_store_commit(s, err);
  if (rc) alq_store_rollback(s);
  return rc;
}

static int open_pg(alq_store **out, const char *url, int mode, alq_error *err) {
  alq_store *s = calloc(1, sizeof *s);
  char name[512];
  alq_pg_redact(url, name, sizeof name);
  if (!s) return alq_error_set(err, ALQ_ENOMEM, name, -1, "out of memory");
  s->backend = ALQ_BACKEND_PG;
  snprintf(s->path, sizeof s->path, "%s", name);
  int rc = alq_pg_open(&s->pg, url, name, mode, err);
  if (rc) { free(s); return rc; }
  *out = s;
  if (alq_pg_migrated(s->pg) &&
      ((rc = store_backfill(s, alq_pg_migrated(s->pg), err)) || (mode != ALQ_STORE_WRITE && (rc = alq_pg_readonly(s->pg, err))))) {
    alq_store_close(s);
    *out = NULL;
    return rc;
  }
  return 0;
}

static int readonly_code(int code) {
  return code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM;
}

/* file:PATH?immutable=1, with the bytes a URI path may not hold escaped. */
static void file_uri(const char *path, char *out, size_t cap) {
  size_t n = 0;
  n += (size_t)snprintf(out, cap, "file:");
  for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < cap; p++) {
    if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21) n += (size_t)snprintf(out + n, cap - n, "%%%02X", *p);
    else out[n++] = (char)*p;
  }
  out[n] = 0;
  snprintf(out + n, cap - n, "?immutable=1");
}

int alq_store_open(alq_store **out, const char *path, int mode, alq_error *err) {
  *out = NULL;
  if (alq_store_is_pg_url(path)) return open_pg(out, path, mode, err);
  struct stat st;
  if (mode != ALQ_STORE_WRITE && stat(path, &st) != 0)
    return alq_error_set(err, ALQ_EIO, path, -1, "no store here (create one with: alaqat add --db %s INPUT...)", path);
  alq_store *s = calloc(1, sizeof *s);
  if (!s) return alq_error_set(err, ALQ_ENOMEM, path, -1, "out of memory");
  snprintf(s->path, sizeof s->path, "%s", path);
  /* a writing handle is used by one thread at a time (add's writing
     thread): no per-call connection mutex */
  int flags = mode == ALQ_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
                                      : SQLITE_OPEN_READONLY;
  int rc;
  if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
    rc = alq_error_set(err, ALQ_EIO, path, -1, "cannot open store: %s",
                       s->db ? sqlite3_errmsg(s->db) : "out of memory");
    goto fail;
  }
  sqlite3_extended_result_codes(s->db, 0);
  /* a reader waits for a writer's checkpoint instead of failing at once */
  sqlite3_busy_timeout(s->db, 10000);
  /* the writer tokenizes for the full-text index with the faster stand-in
     (the same tokens; fts_tok.c); ALQ_FTS_SQLITE_TOKENIZER=1 keeps SQLite's
     own (for comparisons) */
  if (mode == ALQ_STORE_WRITE && !getenv("ALQ_FTS_SQLITE_TOKENIZER")) alq_fts_fast_tokenizer(s->db);
  rc = check_schema(s, mode, err);
  if (rc && rc != MIGRATE_NEEDED && mode != ALQ_STORE_WRITE && readonly_code(sqlite3_errcode(s->db))) {
    /* a WAL store in a directory this process may not write (its -shm
       cannot be made): read it as an immutable file; nobody can write it */
    char uri[3 * sizeof s->path + 32];
    sqlite3_close(s->db);
    s->db = NULL;
    file_uri(path, uri, sizeof uri);
    if (sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK) {
      sqlite3_extended_result_codes(s->db, 0);
      rc = check_schema(s, mode, err);
      if (rc == MIGRATE_NEEDED)
        rc = alq_error_set(err, ALQ_EFORMAT, path, -1,
                           "store has an older schema version (this alaqat knows %d) and is read-only"
                           " here; run alaqat add on it where it is writable", ALQ_STORE_SCHEMA);
    } else rc = db_fail(s, err, "cannot open store");
  }
  if (rc == MIGRATE_NEEDED) {
    /* a reader of an older store migrates it first, when it may write it */
    sqlite3_close(s->db);
    s->db = NULL;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
      rc = alq_error_set(err, ALQ_EFORMAT, path, -1,
                         "store has an older schema version (this alaqat knows %d) and cannot be migrated here: %s;"
                         " run alaqat add on it where it is writable", ALQ_STORE_SCHEMA,
                         s->db ? sqlite3_errmsg(s->db) : "out of memory");
      goto fail;
    }
    sqlite3_extended_result_codes(s->db, 0);
    sqlite3_busy_timeout(s->db, 10000);
    rc = check_schema(s, ALQ_STORE_WRITE, err);
  }
  if (rc) goto fail;
  if (s->migrated && (rc = store_backfill(s, s->migrated, err))) goto fail;
  if (mode == ALQ_STORE_WRITE) {
    /* WAL: readers keep working while `add` writes, and a killed writer
       leaves the last committed chunk intact; NORMAL sync is safe in WAL.
       Foreign keys are not enforced on this handle: it inserts mentions,
       claims and signatures only for the document it has just inserted and
       deletes them itself before their document (delete_doc), so the check
       (a lookup of the document per row) and ON DELETE CASCADE have nothing
       to do, and without them several mentions go in one statement with no
       statement journal (one with a journal would make FTS5 write its
       pending terms out: the note at schema_sql). */
    if ((rc = exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                      " PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536;", err)))
      goto fail;
  }
  *out = s;
  return 0;
fail:
  alq_store_close(s);
  return rc;
}

static void dd_free(alq_store *s) {
  alq_dedup_free(s->dd);
  for (size_t i = 0; i < s->dd_n; i++) free(s->dd_root[i]);
  free(s->dd_root);
}

void alq_store_close(alq_store *s) {
  if (!s) return;
  if (s->pg) { alq_pg_close(s->pg); dd_free(s); free(s); return; }
  if (s->in_tx) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  for (int i = 0; i < Q__COUNT; i++) sqlite3_finalize(s->st[i]);
  dd_free(s);
  sqlite3_close(s->db);
  free(s);
}

int alq_store_begin(alq_store *s, alq_error *err) {
  if (s->pg) return alq_pg_begin(s->pg, err);
  int rc = exec(s, "BEGIN IMMEDIATE", err);
  if (!rc) s->in_tx = 1;
  return rc;
}

int alq_store_commit(alq_store *s, alq_error *err) {
  if (s->pg) return alq_pg_commit(s->pg, err);
  int rc = exec(s, "COMMIT", err);
  if (!rc) s->in_tx = 0;
  return rc;
}

void alq_store_rollback(alq_store *s) {
  if (s->pg) { alq_pg_rollback(s->pg); return; }
  if (s->in_tx) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  s->in_tx = 0;
}

static void bind_str(sqlite3_stmt *q, int i, const char *v) {
  if (v) sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
  else sqlite3_bind_null(q, i);
}

/* Binds text[lo, hi) when it lies inside the document, else NULL. */
static void bind_span(sqlite3_stmt *q, int i, const alq_doc *d, uint32_t lo, uint32_t hi) {
  if (lo <= hi && hi <= d->len) sqlite3_bind_text(q, i, d->text + lo, (int)(hi - lo), SQLITE_STATIC);
  else sqlite3_bind_null(q, i);
}

static int step_done(alq_store *s, sqlite3_stmt *q, alq_error *err, const char *what) {
  int rc = sqlite3_step(q);
  sqlite3_reset(q);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) return 0;
  return db_fail(s, err, what);
}

int alq_store_sync_actors(alq_store *s, const alq_lexicon *lex, alq_error *err) {
  if (s->pg) return alq_pg_sync_actors(s->pg, lex, err);
  for (size_t i = 0; i < lex->nactors; i++) {
    const alq_actor *a = &lex->actors[i];
    sqlite3_stmt *q = stmt(s, Q_INS_ACTOR, err);
    if (!q) return ALQ_EIO;
    bind_str(q, 1, a->id); bind_str(q, 2, a->type); bind_str(q, 3, a->english);
    bind_str(q, 4, a->arabic); bind_str(q, 5, a->founded); bind_str(q, 6, a->ended);
    bind_str(q, 7, a->successor);
    int rc = step_done(s, q, err, "storing actors");
    if (rc) return rc;
  }
  return 0;
}

/* Two independent 64-bit FNV-1a streams (different offset bases) give a 128-bit
 * change detector; it is not meant to resist a deliberate collision. */
static void hash_part(uint64_t h[2], const char *p, size_t n) {
  static const uint64_t prime = 1099511628211ULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    h[0] = (h[0] ^ c) * prime;
    h[1] = (h[1] ^ (unsigned char)(c + 0x5b)) * prime;
  }
  h[0] = (h[0] ^ 0xff) * prime;  /* a separator no UTF-8 text contains */
  h[1] = (h[1] ^ 0xfe) * prime;
}

void alq_store_doc_hash(const alq_doc *d, char out[33]) {
  uint64_t h[2] = {1469598103934665603ULL, 0x84222325cbf29ce4ULL};
  hash_part(h, d->text, d->len);
  hash_part(h, d->date ? d->date : "", d->date ? strlen(d->date) : 0);
  hash_part(h, d->title ? d->title : "", d->title ? strlen(d->title) : 0);
  snprintf(out, 33, "%016llx%016llx", (unsigned long long)h[0], (unsigned long long)h[1]);
}

int alq_store_doc_state(alq_store *s, const char *id, const char *hash, const char *version,
                        alq_error *err) {
  if (s->pg) return alq_pg_doc_state(s->pg, id, hash, version, err);
  sqlite3_stmt *q = stmt(s, Q_STATE, err);
  if (!q) return ALQ_EIO;
  bind_str(q, 1, id);
  int rc = sqlite3_step(q), state;
  if (rc == SQLITE_DONE) state = ALQ_DOC_NEW;
  else if (rc == SQLITE_ROW) {
    const char *h = (const char *)sqlite3_column_text(q, 1);
    const char *v = (const char *)sqlite3_column_text(q, 2);
    state = h && v && !strcmp(h, hash) && !strcmp(v, version) ? ALQ_DOC_SAME : ALQ_DOC_CHANGED;
  } else state = db_fail(s, err, "looking up a document");
  sqlite3_reset(q);
  return state;
}

static int delete_doc(alq_store *s, const char *id, alq_error *err) {
  sqlite3_stmt *q = stmt(s, Q_STATE, err);
  if (!q) return ALQ_EIO;
  bind_str(q, 1, id);
  int rc = sqlite3_step(q);
  if (rc == SQLITE_DONE) { sqlite3_reset(q); return 0; }
  if (rc != SQLITE_ROW) { sqlite3_reset(q); return db_fail(s, err, "looking up a document"); }
  sqlite3_int64 key = sqlite3_column_int64(q, 0);
  sqlite3_reset(q);
  static const int dels[] = {Q_DEL_CLAIMS, Q_DEL_MENTIONS, Q_DEL_SIG, Q_DEL_DOC};
  for (size_t i = 0; i < sizeof dels / sizeof dels[0]; i++) {
    if (!(q = stmt(s, dels[i], err))) return ALQ_EIO;
    sqlite3_bind_int64(q, 1, key);
    if ((rc = step_done(s, q, err, "replacing a document"))) return rc;
  }
  return 0;
}

static void now_iso(char out[21]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *alq_type_class(const char *type) {
  static const char *const cls[][2] = {
    {"alliance", "cooperative"}, {"merger", "cooperative"}, {"cooperation", "cooperative"},
    {"reconciliation", "cooperative"}, {"support", "cooperative"}, {"conflict", "hostile"},
    {"rivalry", "hostile"}, {"split", "hostile"}, {"affiliation", "structural"}};
  for (size_t i = 0; type && i < sizeof cls / sizeof cls[0]; i++)
    if (!strcmp(type, cls[i][0])) return cls[i][1];
  return NULL;
}

static int all_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)s[i])) return 0;
  return 1;
}

static int two(const char *s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

/* Bounds of one ISO point (no '/'), n bytes; months 01-12, days 01-31. */
static int point_bounds(const char *s, size_t n, char lo[11], char hi[11]) {
  if (n >= 7 && all_digits(s + 5, 2) && (two(s + 5) < 1 || two(s + 5) > 12)) return -1;
  if (n == 10 && all_digits(s + 8, 2) && (two(s + 8) < 1 || two(s + 8) > 31)) return -1;
  if (n == 4 && all_digits(s, 4)) {
    snprintf(lo, 11, "%.4s-01-01", s); snprintf(hi, 11, "%.4s-12-31", s); return 0;
  }
  if (n == 7 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2)) {
    snprintf(lo, 11, "%.7s-01", s); snprintf(hi, 11, "%.7s-31", s); return 0;
  }
  if (n == 10 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2) && s[7] == '-' &&
      all_digits(s + 8, 2)) {
    snprintf(lo, 11, "%.10s", s); snprintf(hi, 11, "%.10s", s); return 0;
  }
  return -1;
}

int alq_time_bounds(const char *iso, char lo[11], char hi[11]) {
  if (!iso) return -1;
  const char *slash = strchr(iso, '/');
  if (!slash) return point_bounds(iso, strlen(iso), lo, hi);
  char l2[11], h2[11];
  if (point_bounds(iso, (size_t)(slash - iso), lo, h2) ||
      point_bounds(slash + 1, strlen(slash + 1), l2, hi))
    return -1;
  return 0;
}

static int put_doc(alq_store *s, const alq_doc *d, const char *hash, const alq_result *res,
                   const char *copy_of, const alq_store_sig *sig, int is_new, alq_error *err);

int alq_store_find_copy(alq_store *s, const alq_doc *d, char **copy_of, alq_store_sig *sig,
                        alq_error *err) {
  /* a syndicated copy of an earlier document (copy_of = its original) */
  int rc;
  const char *root = NULL;
  uint32_t h[ALQ_DEDUP_HASHES];
  *copy_of = NULL;
  sig->has = 0;
  if ((rc = dd_seed(s, 0, err))) return rc;
  int has = alq_dedup_signature(d->text, d->len, h);
  if (has < 0 || dd_add(s, d->id, has ? h : NULL, &root))
    return alq_error_set(err, ALQ_ENOMEM, s->path, -1, "out of memory");
  if ((sig->has = has)) alq_dedup_sig_pack(h, sig->bytes);
  char *orig = root ? strdup(root) : NULL;
  if ((root && !orig) || dd_push(s, root ? root : d->id)) {
    free(orig);
    return alq_error_set(err, ALQ_ENOMEM, s->path, -1, "out of memory");
  }
  *copy_of = orig;
  return 0;
}

int alq_store_put_as(alq_store *s, const alq_doc *d, const char *hash, const alq_result *res,
                     const char *copy_of, const alq_store_sig *sig, int is_new, alq_error *err) {
  return put_doc(s, d, hash, res, copy_of, sig, is_new, err);
}

int alq_store_put(alq_store *s, const alq_doc *d, const char *hash, const alq_result *res,
                  alq_error *err) {
  char *orig = NULL;
  alq_store_sig sig;
  int rc = alq_store_find_copy(s, d, &orig, &sig, err);
  if (!rc) rc = put_doc(s, d, hash, res, orig, &sig, 0, err);
  free(orig);
  return rc;
}

static int put_doc(alq_store *s, const alq_doc *d, const char *hash, const alq_result *res,
                   const char *copy_of, const alq_store_sig *sig, int is_new, alq_error *err) {
  if (s->pg) return alq_pg_put(s->pg, d, hash, res, copy_of, sig->has ? sig->bytes : NULL, is_new, err);
  int rc;
  if (!is_new && (rc = delete_doc(s, d->id, err))) return rc;
  char added[21];
  now_iso(added);
  sqlite3_stmt *q = stmt(s, Q_INS_DOC, err);
  if (!q) return ALQ_EIO;
  const char *date = res->date ? res->date : d->date;
  bind_str(q, 1, d->id);
  bind_str(q, 2, hash);
  sqlite3_bind_null(q, 3);   /* url and outlet: not yet carried by alq_doc */
  if (d->title) bind_str(q, 4, d->title);
  else if (res->title[1] > res->title[0]) bind_span(q, 4, d, res->title[0], res->title[1]);
  else sqlite3_bind_null(q, 4);
  bind_str(q, 5, date);
  sqlite3_bind_null(q, 6);
  sqlite3_bind_text64(q, 7, d->text, d->len, SQLITE_STATIC, SQLITE_UTF8);
  sqlite3_bind_int64(q, 8, (sqlite3_int64)d->len);
  bind_str(q, 9, alq_version());
  bind_str(q, 10, added);
  bind_str(q, 11, copy_of);
  if ((rc = step_done(s, q, err, "storing a document"))) return rc;
  sqlite3_int64 key = sqlite3_last_insert_rowid(s->db);
  if (!(q = stmt(s, Q_INS_FTS, err))) return ALQ_EIO;
  sqlite3_bind_int64(q, 1, key);
  if (d->title) bind_str(q, 2, d->title);
  else if (res->title[1] > res->title[0]) bind_span(q, 2, d, res->title[0], res->title[1]);
  else sqlite3_bind_null(q, 2);
  sqlite3_bind_text64(q, 3, d->text, d->len, SQLITE_STATIC, SQLITE_UTF8);
  if ((rc = step_done(s, q, err, "indexing a document"))) return rc;
  if (!(q = stmt(s, Q_INS_SIG, err))) return ALQ_EIO;
  sqlite3_bind_int64(q, 1, key);
  if (sig->has) sqlite3_bind_blob(q, 2, sig->bytes, ALQ_DEDUP_SIG_BYTES, SQLITE_STATIC);
  else sqlite3_bind_zeroblob(q, 2, 0);
  if ((rc = step_done(s, q, err, "storing a signature"))) return rc;

  for (size_t i = 0; i < res->nmentions;) {
    size_t left = res->nmentions - i;
    int rows = left >= MROWS ? MROWS : left >= 4 ? 4 : 1;
    if (!(q = stmt(s, rows == MROWS ? Q_INS_MENTIONS : rows == 4 ? Q_INS_MENTIONS4 : Q_INS_MENTION, err)))
      return ALQ_EIO;
    for (int r = 0; r < rows; r++, i++) {
      const alq_mention *m = &res->mentions[i];
      int b = 6 * r;
      sqlite3_bind_int64(q, b + 1, key);
      sqlite3_bind_int64(q, b + 2, m->span[0]);
      sqlite3_bind_int64(q, b + 3, m->span[1]);
      bind_span(q, b + 4, d, m->span[0], m->span[1]);
      bind_str(q, b + 5, m->id);
      bind_str(q, b + 6, m->type);
    }
    if ((rc = step_done(s, q, err, "storing a mention"))) return rc;
  }
  char ddlo[11] = "", ddhi[11] = "";
  int dd = alq_time_bounds(date, ddlo, ddhi) == 0;
  for (size_t i = 0; i < res->nclaims; i++) {
    const alq_claim *c = &res->claims[i];
    if (!(q = stmt(s, Q_INS_CLAIM, err))) return ALQ_EIO;
    int ab = strcmp(c->a, c->b) <= 0;
    char lo[11], hi[11];
    int timed = alq_time_bounds(c->when, lo, hi) == 0;
    sqlite3_bind_int64(q, 1, key);
    sqlite3_bind_int64(q, 2, c->span[0]);
    sqlite3_bind_int64(q, 3, c->span[1]);
    bind_str(q, 4, c->a); bind_str(q, 5, c->b);
    bind_str(q, 6, ab ? c->a : c->b); bind_str(q, 7, ab ? c->b : c->a);
    bind_str(q, 8, c->type); bind_str(q, 9, alq_type_class(c->type));
    bind_str(q, 10, c->polarity); bind_str(q, 11, c->modality);
    bind_str(q, 12, c->source); bind_str(q, 13, c->source_kind);
    bind_str(q, 14, c->when); bind_str(q, 15, c->where); bind_str(q, 16, c->via);
    sqlite3_bind_int64(q, 17, c->trigger[0]);
    sqlite3_bind_int64(q, 18, c->trigger[1]);
    bind_str(q, 19, c->rule);
    bind_str(q, 20, date);
    /* the claim's time: its own `when`, else the document's date */
    bind_str(q, 21, timed ? lo : dd ? ddlo : NULL);
    bind_str(q, 22, timed ? hi : dd ? ddhi : NULL);
    bind_span(q, 23, d, c->span[0], c->span[1]);
    bind_str(q, 24, d->id);
    if ((rc = step_done(s, q, err, "storing a claim"))) return rc;
  }
  return 0;
}

int alq_store_log_run(alq_store *s, const alq_store_run *r, alq_error *err) {
  if (s->pg) return alq_pg_log_run(s->pg, r, err);
  char a[21], b[21];
  struct tm tm;
  gmtime_r(&r->started, &tm); strftime(a, sizeof a, "%Y-%m-%dT%H:%M:%SZ", &tm);
  gmtime_r(&r->finished, &tm); strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
  sqlite3_stmt *q = stmt(s, Q_INS_RUN, err);
  if (!q) return ALQ_EIO;
  bind_str(q, 1, a); bind_str(q, 2, b); bind_str(q, 3, alq_version());
  sqlite3_bind_int64(q, 4, (sqlite3_int64)r->seen);
  sqlite3_bind_int64(q, 5, (sqlite3_int64)r->added);
  sqlite3_bind_int64(q, 6, (sqlite3_int64)r->replaced);
  sqlite3_bind_int64(q, 7, (sqlite3_int64)r->skipped);
  sqlite3_bind_int64(q, 8, (sqlite3_int64)r->failed);
  sqlite3_bind_int64(q, 9, (sqlite3_int64)r->claims);
  sqlite3_bind_int64(q, 10, (sqlite3_int64)r->mentions);
  sqlite3_bind_int64(q, 11, (sqlite3_int64)r->bytes);
  return step_done(s, q, err, "logging the run");
}

/* alq_row_fn keeping the first value of the first row. */
static int first_value(const alq_row *row, void *payload) {
  char **out = payload;
  if (row->n && row->vals[0] && !*out) *out = strdup(row->vals[0]);
  return 1;
}

void alq_store_actor_resolve(alq_store *s, const char *name, char *out, size_t cap) {
  /* an id, an English name or an Arabic name, else the actor most often
     mentioned in this form (a scan of the mentions, so only tried when the
     first lookup fails) */
  static const char *const pg[2] = {
    "SELECT id FROM actors WHERE id = $1 OR lower(id) = lower($1)"
    " OR lower(english) = lower($1) OR arabic = $1 ORDER BY id = $1 DESC, id LIMIT 1",
    "SELECT actor, count(*) AS n FROM mentions WHERE text = $1"
    " AND actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor LIMIT 1"};
  snprintf(out, cap, "%s", name);
  for (int k = 0; k < 2; k++) {
    alq_error err = {0};
    char *id = NULL;
    const char *binds[1] = {name};
    alq_store_query(s, stmt_sql[Q_RESOLVE + k], pg[k], binds, 1, first_value, &id, &err, ALQ_EIO);
    if (id) { snprintf(out, cap, "%s", id); free(id); return; }
  }
}

#define MAXCOLS 32

int alq_store_query(alq_store *s, const char *sql_sqlite, const char *sql_pg,
                    const char *const *binds, int nb, alq_row_fn fn, void *payload,
                    alq_error *err, int bad_input_code) {
  if (s->pg) return alq_pg_query(s->pg, sql_pg, binds, nb, fn, payload, err, bad_input_code);
  sqlite3_stmt *q;
  if (sqlite3_prepare_v2(s->db, sql_sqlite, -1, &q, NULL) != SQLITE_OK) return db_fail(s, err, "query");
  for (int i = 0; i < nb; i++) {
    if (binds[i]) sqlite3_bind_text(q, i + 1, binds[i], -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i + 1);
  }
  int n = sqlite3_column_count(q);
  if (n > MAXCOLS) n = MAXCOLS;
  const char *names[MAXCOLS], *vals[MAXCOLS];
  int kinds[MAXCOLS];
  for (int i = 0; i < n; i++) names[i] = sqlite3_column_name(q, i);
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    for (int i = 0; i < n; i++) {
      int t = sqlite3_column_type(q, i);
      kinds[i] = t == SQLITE_INTEGER ? ALQ_V_INT : t == SQLITE_FLOAT ? ALQ_V_REAL
               : t == SQLITE_NULL ? ALQ_V_NULL : ALQ_V_TEXT;
      vals[i] = (const char *)sqlite3_column_text(q, i);
      if (!vals[i]) kinds[i] = ALQ_V_NULL;
    }
    alq_row row = {(size_t)n, names, vals, kinds};
    if (fn(&row, payload)) { rc = SQLITE_DONE; break; }
  }
  int out = 0;
  if (rc != SQLITE_DONE) {
    out = alq_error_set(err, rc == SQLITE_ERROR ? bad_input_code : ALQ_EIO, s->path, -1, "%s",
                        sqlite3_errmsg(s->db));
  }
  sqlite3_finalize(q);
  return out;
}
