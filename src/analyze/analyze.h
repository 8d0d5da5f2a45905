/* Questions asked of the corpus store: a pair's timeline, the network at a
 * date, contradictions, actors seen, full-text search. Each hands its result
 * rows to a callback, so callers stream them (the CLI prints text or JSON). */
#ifndef ALQ_ANALYZE_H
#define ALQ_ANALYZE_H
#include <stddef.h>
#include "alaqat.h"
#include "store/store.h"

/* alq_row and alq_row_fn are declared in store/store.h. */

/* Claims of the pair {a, b} in either order, in time order: the claim's own
 * `when` when it has one, else its document's date; undated claims last.
 * Ties by document date, document id, span, key. The ORDER BY of claims `c`
 * is the store's claims_timeline index (schema 3), so a LIMIT stops the walk;
 * keep them in step (store.c, store_pg.c). */
#define ALQ_TIMELINE_ORDER \
  "c.t_lo IS NULL, c.t_lo, c.t_hi, c.doc_date, c.doc_id, c.span_start, c.key"
#define ALQ_TIMELINE_ORDER_DESC \
  "c.t_lo IS NULL DESC, c.t_lo DESC, c.t_hi DESC, c.doc_date DESC, c.doc_id DESC, c.span_start DESC," \
  " c.key DESC"
#define ALQ_TIMELINE_ORDER_PG \
  "(c.t_lo IS NULL), c.t_lo, c.t_hi, c.doc_date NULLS FIRST, c.doc_id, c.span_start, c.key"
int alq_timeline(alq_store *s, const char *a, const char *b, alq_row_fn fn, void *payload,
                 alq_error *err);

/* SQL of a timeline page: the columns of alq_timeline for the pair
 * {?1, ?2}, LIMIT ?3 OFFSET ?4, in its order. The keys come from a walk of
 * the claims_timeline index that skips OFFSET entries without reading their
 * rows and stops after LIMIT (alaqat serve; SQLite stores). */
extern const char alq_timeline_page_sql[];
/* The same page counted from the end: OFFSET ?4 rows before the last, walking
 * the index backwards (rows still in timeline order), for pages past the
 * middle of a long timeline. */
extern const char alq_timeline_page_sql_from_end[];

/* Which filters a claims query has (alq_claims_sql). */
enum {
  ALQ_CF_A = 1, ALQ_CF_B = 2, ALQ_CF_TYPE = 4, ALQ_CF_POLARITY = 8, ALQ_CF_MODALITY = 16,
  ALQ_CF_SOURCE = 32, ALQ_CF_KIND = 64, ALQ_CF_FROM = 128, ALQ_CF_TO = 256, ALQ_CF_DOC = 512
};

/* SQLite text of a page of claims (`cols` of claims c JOIN documents d, in
 * the order t_lo IS NULL, t_lo, key) and of the count of all matches, for
 * the filters in `flags`, every value a bound parameter: ?1 actor a, ?2
 * actor b (one of them: either side of the pair; both: the pair), ?3 type,
 * ?4 polarity, ?5 modality, ?6 source, ?7 source_kind, ?8 from (claims whose
 * t_hi >= it), ?9 to (t_lo <= it), ?10 document id, ?11 limit, ?12 offset.
 * One actor = a merge of two index walks (claims_lo, claims_hi) in that
 * order, stopped after the page. Returns 0, or -1 when a buffer is short. */
int alq_claims_sql(unsigned flags, const char *cols, char *sql, size_t cap, char *count_sql,
                   size_t count_cap);

/* The network at `at` (YYYY, YYYY-MM or YYYY-MM-DD; a period means its last
 * day). One edge per actor pair, from the affirmed, asserted claims whose time
 * (when, else document date) begins at or before `at`: the class of the most
 * recent such claim wins (a tie at the same date goes to the class with more
 * claims at that date, then more documents, then hostile > structural >
 * cooperative); weight = number of distinct documents supporting the
 * winning class. Returns ALQ_EINVAL for a
 * bad date. */
int alq_graph_at(alq_store *s, const char *at, alq_row_fn fn, void *payload, alq_error *err);

/* Pairs of asserted claims about the same pair, from different documents and
 * not from the same named source, whose times overlap (or both undated), that
 * disagree: the same type with opposite polarity, or both affirmed with
 * opposite coarse classes (cooperative vs hostile). */
int alq_contradictions(alq_store *s, alq_row_fn fn, void *payload, alq_error *err);

/* Actors mentioned (ORG, FORCE, STATE, COALITION): mention and document counts,
 * first and last document dates, the surface forms seen. only_new: ids
 * starting with "new:" (organizations discovered by the extractor). */
int alq_actors(alq_store *s, int only_new, alq_row_fn fn, void *payload, alq_error *err);

/* Full-text search over titles and texts, best first, at most `limit`
 * documents; the snippet marks matches with `open` ... `close`. SQLite: FTS5
 * query syntax, bm25 score; PostgreSQL: websearch_to_tsquery('simple', ...)
 * syntax, score = -ts_rank (lower is better on both), ts_headline snippet.
 * A malformed query gives ALQ_EINVAL with the database's message. */
int alq_search(alq_store *s, const char *query, const char *open, const char *close, int limit,
               alq_row_fn fn, void *payload, alq_error *err);
#endif
