/* A faster stand-in for FTS5's unicode61 tokenizer, identical in its tokens,
 * for the connection `add` writes with (fts_tok.c). Internal. */
#ifndef ALQ_FTS_TOK_H
#define ALQ_FTS_TOK_H
#include <stddef.h>
#include <sqlite3.h>

/* Registers the stand-in as "unicode61" on db (before any FTS5 table of db is
 * used): FTS5 tables declared with tokenize='unicode61 remove_diacritics 2'
 * then index through it; queries and other arguments go to SQLite's
 * unicode61. Returns 0, or -1 when FTS5's API is not there (nothing
 * changed). */
int alq_fts_fast_tokenizer(sqlite3 *db);

/* How many texts the stand-in tokenized itself (all connections of the
 * process; for the tests). */
size_t alq_fts_fast_texts(void);
#endif
