/* Scoring of predicted relation claims or entity mentions against gold
 * (spec CLAIMS.md "Scoring" and "Entity mentions"): JSON Lines loading with
 * per-line diagnostics, maximum bipartite matching, P/R/F1 and accuracies. */
#ifndef ALQ_EVAL_H
#define ALQ_EVAL_H
#include <stddef.h>
#include <stdio.h>
#include <jansson.h>
#include "alaqat.h"
#include "util/arena.h"

typedef enum alq_eval_kind {
  ALQ_EVAL_NONE = 0,     /* not known yet (empty file) */
  ALQ_EVAL_CLAIMS = 1,   /* lines have "a" and "b" */
  ALQ_EVAL_MENTIONS = 2  /* lines have "id" and "type" and no "a" */
} alq_eval_kind;

/* Closed vocabularies, in table order. */
enum { ALQ_EVAL_NCLAIM_TYPES = 9, ALQ_EVAL_NMENTION_TYPES = 8 };
extern const char *const alq_eval_claim_types[ALQ_EVAL_NCLAIM_TYPES];
extern const char *const alq_eval_mention_types[ALQ_EVAL_NMENTION_TYPES];

/* Coarse classes of claim types (lenient scoring). */
enum { ALQ_EVAL_COOPERATIVE = 0, ALQ_EVAL_HOSTILE = 1, ALQ_EVAL_STRUCTURAL = 2 };
/* Index of a claim type name in alq_eval_claim_types, or -1. */
int alq_eval_claim_type(const char *name);
/* Coarse class of a claim type index. */
int alq_eval_coarse(int type);
/* 1 for the directed types (support, affiliation). */
int alq_eval_directed(int type);
/* Index of a mention type name, or -1. */
int alq_eval_mention_type(const char *name);

/* One loaded line. Strings live in the set's arena; NULL stands for JSON null
 * (or an absent optional field). */
typedef struct alq_eval_rec {
  const char *doc;
  long long start, end;        /* span [start, end), 0 <= start < end */
  int type;                    /* index into the claim or mention type table */
  /* claims */
  const char *a, *b;
  int negated;                 /* polarity: 0 affirmed, 1 negated */
  int possible;                /* modality: 0 asserted, 1 possible */
  const char *source, *source_kind, *when;
  /* mentions */
  const char *id;
  long line;                   /* 1-based line number in its file */
} alq_eval_rec;

/* A malformed line: it was skipped. */
typedef struct alq_eval_issue {
  long line;                   /* 1-based */
  long long offset;            /* byte offset into the file */
  char msg[240];
} alq_eval_issue;

/* The records of one file. Zero-initialize, then load; free with
 * alq_eval_set_free. */
typedef struct alq_eval_set {
  alq_eval_kind kind;
  alq_eval_rec *recs;
  size_t n, cap;
  alq_eval_issue *issues;
  size_t nissues, issues_cap;
  long nlines;
  alq_arena arena;
  int arena_ready;
} alq_eval_set;

/* Parses buf[0..len) as JSON Lines into s (appending). `expect` is the kind
 * the lines must have (ALQ_EVAL_NONE: decided by the first line whose shape
 * tells). Blank lines are ignored; a malformed line is skipped and recorded
 * in s->issues with its line and byte offset. Returns 0, or ALQ_ENOMEM. */
int alq_eval_load_buf(alq_eval_set *s, const char *buf, size_t len, alq_eval_kind expect);
/* Aligns system-made new: ids of `pred` with a gold file's own new: ids by
 * name: tsv[0..len) is a gold new-actors table (id<TAB>type<TAB>english<TAB>
 * Arabic names separated by |; # comments and a header line "id..." are
 * skipped). Each Arabic name gives the id alaqat makes for it ("new:" and its
 * normalized words joined by '-'); a prediction's a, b or id equal to one is
 * replaced by the gold id. Returns the number of replaced ids (>= 0), or
 * ALQ_ENOMEM. */
long alq_eval_align_new_ids(alq_eval_set *pred, const char *tsv, size_t len);
/* Reads a file and loads it. Returns 0, ALQ_EIO (err filled) or ALQ_ENOMEM. */
int alq_eval_load_file(alq_eval_set *s, const char *path, alq_eval_kind expect, alq_error *err);
void alq_eval_set_free(alq_eval_set *s);

/* ---- building blocks (exposed for tests) -------------------------------- */

/* 1 when [s1,e1) and [s2,e2) overlap by at least a quarter of the longer
 * span (and by at least one byte). */
int alq_eval_spans_match(long long s1, long long e1, long long s2, long long e2);

/* `when` compatibility: both NULL, equal, or one contains the other (dates
 * YYYY, YYYY-MM, YYYY-MM-DD and intervals X/Y taken as day ranges). */
int alq_eval_when_compatible(const char *x, const char *y);

/* `source` equality after Arabic normalization (alq_normalize) with
 * diacritics, quotes and punctuation removed and spaces collapsed; NULL
 * equals only NULL. `scratch` is reset by the call. Returns 1, 0, or
 * ALQ_ENOMEM. */
int alq_eval_source_equal(alq_arena *scratch, const char *x, const char *y);

/* A candidate pair of the bipartite graph with its tie-break weight. */
typedef struct alq_eval_edge {
  size_t g, p;                 /* gold index, prediction index */
  long w;                      /* >= 0; preferred among maximum matchings */
} alq_eval_edge;

/* Maximum bipartite matching: the largest number of pairs, each gold and
 * each prediction used at most once; among those, the largest total weight
 * (Hungarian algorithm per connected component). `weighted` 0, or a
 * component too large for the O(n^3) method, uses Hopcroft-Karp (cardinality
 * only). match_g[g] receives the matched prediction or (size_t)-1. Returns
 * the number of pairs, or (size_t)-1 when out of memory. */
size_t alq_eval_match(size_t ng, size_t np, const alq_eval_edge *edges, size_t nedges,
                      int weighted, size_t *match_g);

/* ---- scores ------------------------------------------------------------- */

typedef struct alq_eval_prf {
  size_t gold, pred, tp, fp, fn;
  double p, r, f1;             /* 0 when the denominator is 0 */
} alq_eval_prf;

typedef struct alq_eval_acc {
  size_t n, ok;                /* accuracy = ok / n; undefined (null) when n == 0 */
} alq_eval_acc;

typedef struct alq_eval_result {
  alq_eval_kind kind;
  size_t gold, pred;
  alq_eval_prf strict;         /* claims: strict; mentions: overall */
  alq_eval_prf lenient;        /* claims only */
  alq_eval_prf per_type[ALQ_EVAL_NCLAIM_TYPES]; /* strict (claims) or overall
                                   (mentions), by type index */
  /* claims: over the lenient pairs */
  size_t pairs;
  alq_eval_acc source, source_kind, when, when_compatible;
  /* claims: over the pairs matched on doc, span, actors, coarse class */
  alq_eval_acc polarity;
  /* mentions: over the matched pairs */
  alq_eval_acc id;
} alq_eval_result;

/* Scores pred against gold (both of the same kind; a set of kind NONE is
 * empty and takes the other's kind). Returns 0, ALQ_EINVAL (kinds differ) or
 * ALQ_ENOMEM. */
int alq_eval_score(const alq_eval_set *gold, const alq_eval_set *pred, alq_eval_result *out);

/* The result as a JSON object (see cmd_eval's usage); NULL when out of
 * memory. The caller owns the reference. */
json_t *alq_eval_to_json(const alq_eval_result *r);

/* The result as a readable table. Returns 0 or -1 on a write error. */
int alq_eval_write_text(FILE *f, const alq_eval_result *r);
#endif
