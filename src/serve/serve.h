/* alaqat serve: a read-only HTTP server (libmicrohttpd) over a corpus store,
 * answering the JSON API of docs/API.md and serving the web UI's static
 * files. Built into the CLI only (not libalaqat), so the library does not
 * depend on libmicrohttpd. */
#ifndef ALQ_SERVE_H
#define ALQ_SERVE_H
#include <stddef.h>
#include <jansson.h>
#include "store/store.h"

/* Limits of one request (docs/API.md "Limits"). */
enum {
  SRV_MAX_PATH = 1024,        /* bytes of the decoded path */
  SRV_MAX_QUERY = 4096,       /* bytes of all parameter names and values */
  SRV_MAX_PARAM = 1024,       /* bytes of one parameter value */
  SRV_MAX_PARAMS = 16,        /* parameters per request */
  SRV_PAGE_DEFAULT = 100,     /* rows per page when limit is not given */
  SRV_PAGE_MAX = 1000,        /* largest limit for lists */
  SRV_GRAPH_MAX = 20000,      /* largest limit (edges) for /api/graph */
  SRV_SEARCH_RANKED = 5000,   /* /api/search ranks (bm25) up to this many matches;
                                 more are listed newest stored first */
  SRV_QUERY_SECONDS = 10      /* a query running longer is stopped (503) */
};

typedef struct alq_serve_opts {
  const char *db;        /* store path (opened read-only) */
  const char *bind;      /* address, "127.0.0.1" by default */
  unsigned port;         /* 0 = any free port (printed on start) */
  const char *webdir;    /* static files; NULL = API only */
  unsigned threads;      /* worker threads (= store handles), 1..64 */
  unsigned max_conns;    /* connection limit */
  unsigned timeout;      /* idle connection timeout, seconds */
  int quiet;             /* no request log on stderr */
} alq_serve_opts;

/* Runs the server until SIGINT or SIGTERM; prints "listening on URL" to
 * stdout once it accepts connections. Returns 0 on a clean stop, nonzero
 * (message on stderr) when the store or the socket cannot be opened. The
 * caller must have blocked SIGINT and SIGTERM in every thread. */
int alq_serve_run(const alq_serve_opts *o);

/* ---- the API (api.c), independent of HTTP -------------------------------- */

/* The parameters of one request, decoded and validated as UTF-8. */
typedef struct srv_params {
  size_t n;
  const char *key[SRV_MAX_PARAMS];
  const char *val[SRV_MAX_PARAMS];
} srv_params;

/* Answers GET `path` (starting "/api/") from store `s`: returns the HTTP
 * status and sets *body (never NULL; {"error": "..."} when status >= 400).
 * g, when not NULL, is the graph index of the same store version (a
 * timeline's total comes from it). */
struct srv_graph;
int srv_api(alq_store *s, const struct srv_graph *g, const char *path, const srv_params *p, json_t **body);

/* ---- the network at a date from memory (graph.c) --------------------------- */

/* The affirmed, asserted claims of a store grouped by pair with running
 * per-class totals; immutable once built, shared by reference count (the
 * caller serializes retain/release). */
typedef struct srv_graph srv_graph;
struct sqlite3;
/* Builds the index from `db`; NULL (why filled) on failure. */
srv_graph *srv_graph_build(struct sqlite3 *db, char *why, size_t whycap);
/* PRAGMA data_version of the building connection when it was built. */
long long srv_graph_version(const srv_graph *g);
/* The number of claims (any polarity, modality, date) of the pair {x, y}. */
long long srv_graph_pair_claims(const srv_graph *g, const char *x, const char *y);
void srv_graph_retain(srv_graph *g);
void srv_graph_release(srv_graph *g);
/* The body of /api/graph at `at` (a valid date), as alq_graph_at computes
 * it; malloc'd, NULL when out of memory. */
char *srv_graph_json(const srv_graph *g, const char *at, long long limit, long long offset);
/* The body of /api/stats, and the store's last claim date (NULL if none). */
json_t *srv_graph_stats(const srv_graph *g);
const char *srv_graph_last(const srv_graph *g);
/* /api/graph from the index: 200 with *text set, or an error status with
 * *body set. */
int srv_api_graph_index(alq_store *s, const srv_graph *g, const srv_params *p, char **text, json_t **body);

/* A JSON error body. */
json_t *srv_error(const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 1, 2)))
#endif
  ;
/* Is s[0..n) valid UTF-8 with no NUL? */
int srv_utf8_ok(const char *s, size_t n);
#endif
