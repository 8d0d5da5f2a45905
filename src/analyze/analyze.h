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
 * `when` when it has one, else its document's date; undated claims last. */
int alq_timeline(alq_store *s, const char *a, const char *b, alq_row_fn fn, void *payload,
                 alq_error *err);

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
