/* The HTTP side of alaqat serve: a libmicrohttpd daemon (internal polling
 * threads, connection limit, timeouts, bounded request memory), request
 * checks (method, Host, URL and parameter limits, UTF-8), a pool of
 * read-only store handles with a time limit per query, and static files. */
#define _XOPEN_SOURCE 700  /* realpath */
#include "serve/serve.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* One store handle of the pool, with the deadline of its running query. */
typedef struct hnd {
  alq_store *s;
  struct timespec deadline;
  int timed_out;
} hnd;

typedef struct srv {
  const alq_serve_opts *o;
  char root[PATH_MAX];     /* realpath of the web directory, "" = none */
  int loopback;            /* bound to a loopback address: check Host */
  hnd *h;
  hnd **free_h;
  size_t nfree, nh;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  alq_store *gstore;       /* the graph index's own connection */
  srv_graph *graph;        /* current index (NULL until built) */
  pthread_mutex_t gmu;     /* guards graph, its reference counts, gstore */
} srv;

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* SQLite progress handler: stops a query past its deadline. */
static int on_progress(void *p) {
  hnd *h = p;
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  if (t.tv_sec > h->deadline.tv_sec ||
      (t.tv_sec == h->deadline.tv_sec && t.tv_nsec > h->deadline.tv_nsec)) {
    h->timed_out = 1;
    return 1;
  }
  return 0;
}

static hnd *pool_get(srv *S) {
  pthread_mutex_lock(&S->mu);
  while (!S->nfree) pthread_cond_wait(&S->cv, &S->mu);
  hnd *h = S->free_h[--S->nfree];
  pthread_mutex_unlock(&S->mu);
  return h;
}

static void pool_put(srv *S, hnd *h) {
  pthread_mutex_lock(&S->mu);
  S->free_h[S->nfree++] = h;
  pthread_cond_signal(&S->cv);
  pthread_mutex_unlock(&S->mu);
}

/* The graph index, rebuilt when the store changed since it was built (an
 * `add` running beside the server); NULL if it cannot be built (the API
 * then computes the network with alq_graph_at). Caller releases. */
static srv_graph *graph_get(srv *S) {
  pthread_mutex_lock(&S->gmu);
  srv_graph *g = NULL;
  if (S->gstore) {
    sqlite3 *db = alq_store_db(S->gstore);
    sqlite3_stmt *q;
    long long v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (!S->graph || v != srv_graph_version(S->graph)) {
      char why[256] = "";
      srv_graph *n = srv_graph_build(db, why, sizeof why);
      if (n) {
        srv_graph_release(S->graph);
        S->graph = n;
      } else if (!S->o->quiet) {
        fprintf(stderr, "alaqat serve: graph index: %s\n", why);
      }
    }
    g = S->graph;
    if (g) srv_graph_retain(g);
  }
  pthread_mutex_unlock(&S->gmu);
  return g;
}

static void graph_put(srv *S, srv_graph *g) {
  pthread_mutex_lock(&S->gmu);
  srv_graph_release(g);
  pthread_mutex_unlock(&S->gmu);
}

/* ---- responses ------------------------------------------------------------- */

static void common_headers(struct MHD_Response *r) {
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
}

static enum MHD_Result send_text(struct MHD_Connection *c, int status, char *text);

static enum MHD_Result send_json(struct MHD_Connection *c, int status, json_t *body) {
  char *text = json_dumps(body, JSON_COMPACT);
  json_decref(body);
  return send_text(c, status, text);
}

/* Sends a malloc'd JSON text (freed here; NULL = out of memory). */
static enum MHD_Result send_text(struct MHD_Connection *c, int status, char *text) {
  if (!text) {
    static const char oom[] = "{\"error\":\"out of memory\"}";
    text = strdup(oom);
    status = 500;
    if (!text) return MHD_NO;
  }
  struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), text, MHD_RESPMEM_MUST_FREE);
  if (!r) { free(text); return MHD_NO; }
  MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
  MHD_add_response_header(r, "Cache-Control", "no-store");
  common_headers(r);
  if (status == 405) MHD_add_response_header(r, "Allow", "GET, HEAD");
  enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
  MHD_destroy_response(r);
  return ret;
}

/* ---- parameters ------------------------------------------------------------ */

typedef struct param_ctx {
  srv_params p;
  size_t bytes;
  int status;          /* 0, or the error status */
  char why[160];
} param_ctx;

static enum MHD_Result on_param(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                                const char *value, size_t value_size) {
  (void)kind;
  param_ctx *x = cls;
  if (!value) { value = ""; value_size = 0; }
  x->bytes += key_size + value_size + 2;
  if (x->bytes > SRV_MAX_QUERY) {
    x->status = 414; snprintf(x->why, sizeof x->why, "query string longer than %d bytes", SRV_MAX_QUERY);
    return MHD_NO;
  }
  if (value_size > SRV_MAX_PARAM) {
    x->status = 414; snprintf(x->why, sizeof x->why, "a parameter longer than %d bytes", SRV_MAX_PARAM);
    return MHD_NO;
  }
  if (!srv_utf8_ok(key, key_size) || !srv_utf8_ok(value, value_size) || strlen(key) != key_size ||
      strlen(value) != value_size) {
    x->status = 400; snprintf(x->why, sizeof x->why, "parameters must be UTF-8 text");
    return MHD_NO;
  }
  if (x->p.n == SRV_MAX_PARAMS) {
    x->status = 400; snprintf(x->why, sizeof x->why, "more than %d parameters", SRV_MAX_PARAMS);
    return MHD_NO;
  }
  for (size_t i = 0; i < x->p.n; i++)
    if (!strcmp(x->p.key[i], key)) {
      x->status = 400; snprintf(x->why, sizeof x->why, "a parameter is given twice");
      return MHD_NO;
    }
  x->p.key[x->p.n] = key;
  x->p.val[x->p.n++] = value;
  return MHD_YES;
}

/* Host header of a loopback server: localhost, 127.0.0.1 or [::1] (with any
 * port), so that a web page elsewhere cannot reach the API by DNS rebinding. */
static int host_ok(const char *host) {
  if (!host) return 1;  /* HTTP/1.0; MHD itself refuses HTTP/1.1 without Host */
  static const char *const names[] = {"localhost", "127.0.0.1", "[::1]"};
  for (size_t i = 0; i < 3; i++) {
    size_t n = strlen(names[i]);
    if (!strncmp(host, names[i], n) && (host[n] == 0 || host[n] == ':')) {
      for (const char *p = host + n + (host[n] == ':'); *p; p++)
        if (*p < '0' || *p > '9') return 0;
      return 1;
    }
  }
  return 0;
}

/* ---- static files ---------------------------------------------------------- */

static const char *mime(const char *path) {
  static const char *const t[][2] = {
    {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
    {".png", "image/png"}, {".ico", "image/x-icon"}, {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"}};
  const char *dot = strrchr(path, '.');
  for (size_t i = 0; dot && i < sizeof t / sizeof t[0]; i++)
    if (!strcmp(dot, t[i][0])) return t[i][1];
  return "application/octet-stream";
}

/* A path is served only if every segment is made of [A-Za-z0-9._-] and does
 * not start with a dot: no "..", no hidden files, no "%" left over from a
 * double encoding, no backslashes. */
static int path_ok(const char *p) {
  if (p[0] != '/') return 0;
  for (const char *s = p; *s; s++) {
    if (*s == '/') {
      if (s[1] == '/' || s[1] == '.') return 0;
      continue;
    }
    char ch = *s;
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
          ch == '.' || ch == '_' || ch == '-'))
      return 0;
  }
  return 1;
}

static enum MHD_Result serve_file(srv *S, struct MHD_Connection *c, const char *url, int *status) {
  if (!path_ok(url)) { *status = 400; return send_json(c, 400, srv_error("bad path")); }
  if (!S->root[0]) { *status = 404; return send_json(c, 404, srv_error("no web UI installed (API only)")); }
  char full[PATH_MAX + 64];
  const char *rel = strcmp(url, "/") ? url : "/index.html";
  size_t len = strlen(rel);
  if (rel[len - 1] == '/' || strlen(S->root) + len + 12 >= sizeof full) {
    *status = 404; return send_json(c, 404, srv_error("not found"));
  }
  snprintf(full, sizeof full, "%s%s", S->root, rel);
  int fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  char real[PATH_MAX];
  size_t rl = strlen(S->root);
  if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode) || !realpath(full, real) ||
      strncmp(real, S->root, rl) || real[rl] != '/') {
    if (fd >= 0) close(fd);
    *status = 404;
    return send_json(c, 404, srv_error("not found"));
  }
  struct MHD_Response *r = MHD_create_response_from_fd64((uint64_t)st.st_size, fd);
  if (!r) { close(fd); return MHD_NO; }
  MHD_add_response_header(r, "Content-Type", mime(rel));
  MHD_add_response_header(r, "Cache-Control", "no-cache");
  MHD_add_response_header(r, "Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                          " object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  common_headers(r);
  enum MHD_Result ret = MHD_queue_response(c, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  *status = 200;
  return ret;
}

/* ---- requests -------------------------------------------------------------- */

/* Writes a path for the log: printable ASCII as is, other bytes as \xNN. */
static void log_path(const char *p, char *out, size_t cap) {
  size_t o = 0;
  for (; *p && o + 5 < cap; p++) {
    unsigned char ch = (unsigned char)*p;
    if (ch >= 0x20 && ch < 0x7f && ch != '\\') out[o++] = (char)ch;
    else o += (size_t)snprintf(out + o, cap - o, "\\x%02x", ch);
  }
  out[o] = 0;
}

static enum MHD_Result handle(srv *S, struct MHD_Connection *c, const char *url, const char *method,
                              int *status) {
  if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
    *status = 405;
    return send_json(c, 405, srv_error("only GET and HEAD are allowed"));
  }
  if (S->loopback && !host_ok(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host"))) {
    *status = 403;
    return send_json(c, 403, srv_error("forbidden Host header"));
  }
  size_t ulen = strlen(url);
  if (ulen > SRV_MAX_PATH) { *status = 414; return send_json(c, 414, srv_error("path too long")); }
  if (!srv_utf8_ok(url, ulen)) { *status = 400; return send_json(c, 400, srv_error("path must be UTF-8")); }
  param_ctx x;
  memset(&x, 0, sizeof x);
  MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, on_param, &x);
  if (x.status) { *status = x.status; return send_json(c, x.status, srv_error("%s", x.why)); }
  if (strncmp(url, "/api/", 5)) {
    if (x.p.n) { *status = 400; return send_json(c, 400, srv_error("static files take no parameters")); }
    return serve_file(S, c, url, status);
  }
  hnd *h = pool_get(S);
  clock_gettime(CLOCK_MONOTONIC, &h->deadline);
  h->deadline.tv_sec += SRV_QUERY_SECONDS;
  h->timed_out = 0;
  json_t *body = NULL;
  char *text = NULL;
  int is_graph = !strcmp(url, "/api/graph"), is_stats = !strcmp(url, "/api/stats") && !x.p.n;
  int is_timeline = !strcmp(url, "/api/timeline");
  srv_graph *g = is_graph || is_stats || is_timeline ? graph_get(S) : NULL;
  if (g && !is_timeline) {  /* from the in-memory index (rebuilt when the store changed) */
    if (is_graph) *status = srv_api_graph_index(h->s, g, &x.p, &text, &body);
    else { *status = 200; body = srv_graph_stats(g); }
    graph_put(S, g);
  } else {
    *status = srv_api(h->s, g, url, &x.p, &body);   /* a timeline's total from the index */
    if (g) graph_put(S, g);
  }
  if (h->timed_out) {
    json_decref(body);
    free(text);
    text = NULL;
    *status = 503;
    body = srv_error("the query took longer than %d s", SRV_QUERY_SECONDS);
  }
  pool_put(S, h);
  if (text) return send_text(c, *status, text);
  if (!body) { *status = 500; body = srv_error("internal error"); }
  return send_json(c, *status, body);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls) {
  (void)version; (void)upload_data; (void)con_cls;
  srv *S = cls;
  /* every answer is queued at the first call: a request body is never read */
  *upload_data_size = 0;
  double t0 = now_ms();
  int status = 0;
  enum MHD_Result ret = handle(S, c, url, method, &status);
  if (!S->o->quiet) {
    char p[256];
    log_path(url, p, sizeof p);
    fprintf(stderr, "alaqat serve: %.8s %s %d %.1f ms\n", method, p, status, now_ms() - t0);
  }
  return ret;
}

static int hexval(char ch) {
  return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
       : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* Percent-decoding of the path and the parameters, in place. %00 becomes
 * the byte 0xFF (never valid UTF-8), so that an encoded NUL is refused by
 * the UTF-8 check (400) instead of silently cutting the string. */
static size_t on_unescape(void *cls, struct MHD_Connection *c, char *s) {
  (void)cls; (void)c;
  char *w = s;
  for (const char *r = s; *r;) {
    int hi, lo;
    if (r[0] == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
      int v = hi * 16 + lo;
      *w++ = (char)(v ? v : 0xFF);
      r += 3;
    } else *w++ = *r++;
  }
  *w = 0;
  return (size_t)(w - s);
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap) {
  const srv *S = cls;
  if (S->o->quiet) return;
  fputs("alaqat serve: mhd: ", stderr);
  vfprintf(stderr, fmt, ap);
}

/* ---- start and stop -------------------------------------------------------- */

int alq_serve_run(const alq_serve_opts *o) {
  srv S;
  memset(&S, 0, sizeof S);
  S.o = o;
  int rc = 1;
  struct MHD_Daemon *d = NULL;
  pthread_mutex_init(&S.mu, NULL);
  pthread_cond_init(&S.cv, NULL);
  pthread_mutex_init(&S.gmu, NULL);
  union { struct sockaddr sa; struct sockaddr_in v4; struct sockaddr_in6 v6; } addr;
  memset(&addr, 0, sizeof addr);
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
  const char *bind = o->bind ? o->bind : "127.0.0.1";
  if (inet_pton(AF_INET, bind, &addr.v4.sin_addr) == 1) {
    addr.v4.sin_family = AF_INET;
    addr.v4.sin_port = htons((uint16_t)o->port);
    S.loopback = (ntohl(addr.v4.sin_addr.s_addr) >> 24) == 127;
  } else if (inet_pton(AF_INET6, bind, &addr.v6.sin6_addr) == 1) {
    addr.v6.sin6_family = AF_INET6;
    addr.v6.sin6_port = htons((uint16_t)o->port);
    flags |= MHD_USE_IPv6;
    S.loopback = IN6_IS_ADDR_LOOPBACK(&addr.v6.sin6_addr);
  } else {
    fprintf(stderr, "alaqat: serve: bad address '%s' (want an IPv4 or IPv6 address)\n", bind);
    goto out;
  }
  if (o->webdir && !realpath(o->webdir, S.root)) {
    fprintf(stderr, "alaqat: serve: web directory %s: %s\n", o->webdir, strerror(errno));
    goto out;
  }
  S.nh = o->threads ? o->threads : 4;
  S.h = calloc(S.nh, sizeof *S.h);
  S.free_h = calloc(S.nh, sizeof *S.free_h);
  if (!S.h || !S.free_h) { fprintf(stderr, "alaqat: serve: out of memory\n"); goto out; }
  for (size_t i = 0; i < S.nh; i++) {
    alq_error err = {0};
    if (alq_store_open(&S.h[i].s, o->db, ALQ_STORE_READ, &err)) {
      fprintf(stderr, "alaqat: %s: %s\n", err.file, err.msg);
      goto out;
    }
    sqlite3 *db = alq_store_db(S.h[i].s);
    if (!db) {
      fprintf(stderr, "alaqat: serve: %s: only SQLite stores can be served\n", o->db);
      alq_store_close(S.h[i].s);
      S.h[i].s = NULL;
      goto out;
    }
    sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
    sqlite3_progress_handler(db, 10000, on_progress, &S.h[i]);
    S.free_h[S.nfree++] = &S.h[i];
  }
  {  /* the graph index: built now, so the first /api/graph is fast */
    alq_error err = {0};
    if (alq_store_open(&S.gstore, o->db, ALQ_STORE_READ, &err) == 0) {
      sqlite3_exec(alq_store_db(S.gstore), "PRAGMA query_only = 1", NULL, NULL, NULL);
      srv_graph *g = graph_get(&S);
      if (g) graph_put(&S, g);
    }
  }
  d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, &S,
                       MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, &S,
                       MHD_OPTION_UNESCAPE_CALLBACK, on_unescape, NULL,
                       MHD_OPTION_SOCK_ADDR, &addr.sa,
                       MHD_OPTION_THREAD_POOL_SIZE, (unsigned)S.nh,
                       MHD_OPTION_CONNECTION_LIMIT, o->max_conns ? o->max_conns : 256u,
                       MHD_OPTION_CONNECTION_TIMEOUT, o->timeout ? o->timeout : 15u,
                       MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
                       MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "alaqat: serve: cannot listen on %s port %u (in use, or not allowed)\n", bind, o->port);
    goto out;
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  unsigned port = info ? info->port : o->port;
  int v6 = addr.sa.sa_family == AF_INET6;
  printf("alaqat serve: %s on http://%s%s%s:%u/%s\n", o->db, v6 ? "[" : "", bind, v6 ? "]" : "", port,
         S.root[0] ? "" : " (API only, no web UI)");
  fflush(stdout);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig;
  sigwait(&set, &sig);
  if (!o->quiet) fprintf(stderr, "alaqat serve: stopping (signal %d)\n", sig);
  rc = 0;
out:
  if (d) MHD_stop_daemon(d);
  for (size_t i = 0; S.h && i < S.nh; i++) alq_store_close(S.h[i].s);
  srv_graph_release(S.graph);
  alq_store_close(S.gstore);
  pthread_mutex_destroy(&S.gmu);
  free(S.h);
  free(S.free_h);
  pthread_mutex_destroy(&S.mu);
  pthread_cond_destroy(&S.cv);
  return rc;
}
