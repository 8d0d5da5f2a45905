/* alaqat add: extracts every input document and stores it with its mentions
 * and claims in the corpus store, skipping documents already stored
 * unchanged; one transaction per chunk so a kill loses at most one chunk. */
#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "alaqat.h"
#include "cli.h"
#include "inputs.h"
#include "store/store.h"

const char cmd_add_usage[] =
  "usage: alaqat add [options] INPUT...\n"
  "\n"
  "Extracts claims and mentions from the inputs (as for alaqat extract) and\n"
  "stores documents, mentions, claims and the lexicon's actors in the store:\n"
  "an SQLite file, or a PostgreSQL database given as a postgresql:// URI\n"
  "(docs/SCHEMA.md). A document already stored with the same id, the\n"
  "same content (text, date, title) and the same extractor version is skipped;\n"
  "a changed one replaces its old rows. Documents are committed in chunks.\n"
  "\n"
  "options:\n"
  "  --db PATH|URI   the store (default alaqat.db; created when missing), or\n"
  "                  postgresql://[user@]host/db (tables created when missing)\n"
  "  --data DIR      lexicon directory (as for extract)\n"
  "  --jsonl         read every input (and stdin) as JSON Lines\n"
  "  --chunk N       documents per transaction (default 500)\n"
  "  -q, --quiet     no progress, no summary, no per-input warnings\n"
  CLI_INPUTS_HELP
  "\n"
  "Progress (documents, MB/s, ETA) is shown on standard error when it is a\n"
  "terminal; a summary line follows unless -q.\n"
  "exit status: 0 ok, 1 some inputs failed or the store failed, 2 usage.\n";

typedef struct add_run {
  alq_store *store;
  alq_extractor *ex;
  int quiet, progress;
  int dead;               /* the store failed: stop writing, fail the rest */
  size_t chunk, in_chunk;
  size_t committed;       /* documents added or replaced in committed chunks */
  alq_store_run st;
  struct timespec t0, last;
  double total_mb;        /* size of the named input files (0: unknown, e.g. stdin) */
} add_run;

/* Sums the sizes of the regular files under path (for the ETA). */
static double input_mb(const char *path, int depth) {
  struct stat st;
  if (depth > 32 || !strcmp(path, "-") || path[0] == '@' || stat(path, &st) != 0) return 0;
  if (S_ISREG(st.st_mode)) return (double)st.st_size / 1e6;
  if (!S_ISDIR(st.st_mode)) return 0;
  double sum = 0;
  DIR *d = opendir(path);
  if (!d) return 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    size_t n = strlen(path) + strlen(e->d_name) + 2;
    char *c = malloc(n);
    if (!c) break;
    snprintf(c, n, "%s/%s", path, e->d_name);
    sum += input_mb(c, depth + 1);
    free(c);
  }
  closedir(d);
  return sum;
}

static double secs(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void show_progress(add_run *r, int final) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (!final && secs(&r->last, &now) < 0.25) return;
  r->last = now;
  double t = secs(&r->t0, &now), mb = (double)r->st.bytes / 1e6;
  double rate = t > 0 ? mb / t : 0.0;
  char eta[48] = "";
  /* the ETA compares document text with the input files' sizes: markup and
     JSON make it an upper bound */
  if (!final && r->total_mb > mb && rate > 0)
    snprintf(eta, sizeof eta, ", ETA %.0f s", (r->total_mb - mb) / rate);
  fprintf(stderr, "\ralaqat add: %zu documents, %.1f MB, %.1f MB/s, %zu skipped%s   %s",
          r->st.seen, mb, rate, r->st.skipped, eta, final ? "\n" : "");
}

/* The store failed (`where` = the input being stored, or NULL): says so,
 * rolls the chunk back and stops writing. */
static int store_failed(add_run *r, const alq_error *err, const char *where) {
  if (where) cli_warn("%s: %s (while storing %s)", err->file, err->msg, where);
  else cli_warn("%s: %s", err->file, err->msg);
  alq_store_rollback(r->store);
  r->dead = 1;
  return 1;
}

static int do_doc(const alq_doc *d, const char *where, void *payload) {
  add_run *r = payload;
  if (r->dead) { r->st.failed++; return 1; }
  r->st.seen++;
  r->st.bytes += d->len;
  alq_error err = {0};
  char hash[33];
  alq_store_doc_hash(d, hash);
  int state = alq_store_doc_state(r->store, d->id, hash, alq_version(), &err);
  if (state < 0) return store_failed(r, &err, where);
  int bad = 0;
  if (state == ALQ_DOC_SAME) {
    r->st.skipped++;
  } else {
    const alq_result *res;
    if (alq_extract(r->ex, d, &res, &err)) {
      if (!r->quiet) cli_warn("%s: %s", where, err.msg);
      r->st.failed++;
      return 1;
    }
    /* invalid bytes are reported as by extract; the document is still stored */
    for (size_t i = 0; i < res->nissues && i < 10; i++)
      if (!r->quiet) fprintf(stderr, "alaqat: %s: byte %lld: %s (stored anyway)\n", where,
                             res->issues[i].offset, res->issues[i].msg);
    bad = res->nissues > 0;
    if (alq_store_put(r->store, d, hash, res, &err)) return store_failed(r, &err, where);
    if (state == ALQ_DOC_NEW) r->st.added++; else r->st.replaced++;
    r->st.claims += res->nclaims;
    r->st.mentions += res->nmentions;
  }
  if (++r->in_chunk >= r->chunk) {
    if (alq_store_commit(r->store, &err)) return store_failed(r, &err, where);
    r->committed = r->st.added + r->st.replaced;
    if (alq_store_begin(r->store, &err)) return store_failed(r, &err, where);
    r->in_chunk = 0;
  }
  if (r->progress) show_progress(r, 0);
  return bad;
}

int cmd_add(int argc, char **argv) {
  add_run r = {0};
  const char *db = "alaqat.db", *data = NULL;
  int jsonl = 0, ninputs = 0;
  r.chunk = 500;
  cli_inputs in = {.fn = do_doc, .payload = &r};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int k = cli_inputs_option(&in, argc, argv, &i);
    if (k < 0) return ALQ_EXIT_USAGE;
    if (k) continue;
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) r.quiet = 1;
    else if (!strcmp(a, "--jsonl")) jsonl = 1;
    else if (!strcmp(a, "--db") || !strcmp(a, "--data") || !strcmp(a, "--chunk")) {
      if (++i >= argc) { cli_warn("add: %s needs a value", a); return ALQ_EXIT_USAGE; }
      if (!strcmp(a, "--db")) db = argv[i];
      else if (!strcmp(a, "--data")) data = argv[i];
      else {
        char *end;
        long n = strtol(argv[i], &end, 10);
        if (*end || n < 1 || n > 1000000) { cli_warn("add: --chunk needs a number 1..1000000"); return ALQ_EXIT_USAGE; }
        r.chunk = (size_t)n;
      }
    } else if (a[0] == '-' && a[1]) { cli_warn("add: unknown option '%s' (see alaqat help add)", a); return ALQ_EXIT_USAGE; }
    else ninputs++;
  }
  if (!ninputs) { fputs(cmd_add_usage, stderr); return ALQ_EXIT_USAGE; }
  r.progress = !r.quiet && isatty(2);
  if (r.progress)
    for (int i = 1; i < argc; i++) {
      if (!strcmp(argv[i], "--db") || !strcmp(argv[i], "--data") || !strcmp(argv[i], "--chunk")) { i++; continue; }
      if (cli_inputs_option(&in, argc, argv, &i)) continue;
      if (argv[i][0] != '-') r.total_mb += input_mb(argv[i], 0);
    }
  alq_error err = {0};
  alq_lexicon *lex = NULL;
  int status = ALQ_EXIT_SOMEFAIL;
  if (alq_lexicon_open(&lex, data, &err)) { cli_warn("%s: %s", err.file, err.msg); return status; }
  if (alq_extractor_new(&r.ex, lex)) { cli_warn("out of memory"); goto done; }
  if (alq_store_open(&r.store, db, ALQ_STORE_WRITE, &err)) { cli_warn("%s: %s", err.file, err.msg); goto done; }
  r.st.started = time(NULL);
  clock_gettime(CLOCK_MONOTONIC, &r.t0);
  r.last = r.t0;
  if (alq_store_begin(r.store, &err) || alq_store_sync_actors(r.store, lex, &err)) {
    store_failed(&r, &err, NULL);
    goto done;
  }
  in.jsonl = jsonl;
  in.quiet = r.quiet;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--db") || !strcmp(a, "--data") || !strcmp(a, "--chunk")) { i++; continue; }
    if (cli_inputs_option(&in, argc, argv, &i)) continue;
    if (a[0] == '-' && a[1]) continue;
    cli_inputs_run(&in, a);
  }
  if (!r.dead) {
    r.st.finished = time(NULL);
    if (alq_store_log_run(r.store, &r.st, &err) || alq_store_commit(r.store, &err)) store_failed(&r, &err, NULL);
  }
  if (r.progress) show_progress(&r, 1);
  if (!r.quiet && r.dead && r.store)
    fprintf(stderr, "alaqat add: %s: stopped by the store error above after %zu documents read;"
            " %zu documents added or replaced in committed chunks are stored, the rest is not\n",
            alq_store_name(r.store), r.st.seen, r.committed);
  else if (!r.quiet)
    fprintf(stderr, "alaqat add: %s: %zu documents read: %zu added, %zu replaced, %zu unchanged (skipped), "
            "%zu failed; %zu claims, %zu mentions stored\n", alq_store_name(r.store), r.st.seen, r.st.added, r.st.replaced,
            r.st.skipped, r.st.failed, r.st.claims, r.st.mentions);
  status = (in.failed || r.dead) ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
done:
  alq_store_close(r.store);
  alq_extractor_free(r.ex);
  alq_lexicon_free(lex);
  return status;
}
