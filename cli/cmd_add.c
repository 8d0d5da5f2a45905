/* alaqat add: extracts every input document and stores it with its mentions
 * and claims in the corpus store, skipping documents already stored
 * unchanged; one transaction per chunk so a kill loses at most one chunk.
 * By default (-j 2) a reader thread reads and parses the inputs (and hashes
 * each document) into a queue of READQ documents, this thread looks each up
 * in the store and writes the store, and an extraction thread extracts and
 * finds syndicated copies: documents pass through a ring of RING slots in
 * input order, so the store ends up as with -j 1. */
#include <dirent.h>
#include <pthread.h>
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
#include "util/util.h"

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
  "  -j, --jobs N    1: read, extract and store in turn; 2 (default): read\n"
  "                  the inputs on one thread, extract and find syndicated\n"
  "                  copies on another, store on this one (same store)\n"
  "  -q, --quiet     no progress, no summary, no per-input warnings\n"
  CLI_INPUTS_HELP
  "\n"
  "Progress (documents, MB/s, ETA) is shown on standard error when it is a\n"
  "terminal; a summary line follows unless -q.\n"
  "exit status: 0 ok, 1 some inputs failed or the store failed, 2 usage.\n";

#define RING 8    /* documents between looking up/storing and extraction */
#define READQ 16  /* documents read (and parsed) ahead by the reader thread */

/* One document read by the reader thread: copies of its fields (the
 * reader's memory lives only during the callback) and its hash. */
typedef struct readdoc {
  char *id, *text, *date, *title, *where;
  size_t len;
  char hash[33];
} readdoc;

/* One document in flight: copied from the reader (its memory lives only
 * during the callback), its state in the store (known when read), and what
 * the extraction thread made of it. */
typedef struct slot {
  char *id, *text, *date, *title, *where;
  size_t len;
  char hash[33];
  int state;               /* ALQ_DOC_*, or < 0: the lookup failed (err) */
  alq_extractor *ex;       /* the slot's own: res lives until the next use */
  const alq_result *res;
  char *copy_of;           /* alq_store_find_copy's answer ... */
  alq_store_sig sig;       /* ... and the document's signature */
  alq_error err;
  int extract_failed, copy_failed;
  int done;                /* the extraction thread is through with it */
} slot;

typedef struct add_run {
  alq_store *store;
  alq_extractor *ex;
  /* -j 2: the ring, the extraction thread and its own store handle (for
     the near-duplicate index) */
  int jobs;
  const alq_lexicon *lex;
  alq_store *dstore;
  slot ring[RING];
  alq_extractor *cache_of; /* a slot's extractor whose lookup cache the others share */
  size_t head, tail;       /* next to store, next to fill (counters) */
  int stop;
  pthread_t th;
  int th_started, sync_init;
  pthread_mutex_t lock;
  pthread_cond_t filled, emptied;
  /* -j 2: the reader thread and its queue (under lock) */
  readdoc rq[READQ];
  size_t rq_head, rq_tail;  /* next to take, next to fill (counters) */
  int rq_done;              /* the reader has read every input */
  pthread_t rd;
  int rd_started;
  pthread_cond_t rq_space;  /* the queue has room (the reader waits) */
  cli_inputs *in;
  int argc;
  char **argv;
  int any_failed;          /* a document failed or had invalid bytes */
  int quiet, progress;
  int dead;               /* the store failed: stop writing, fail the rest */
  size_t oom_failed;      /* -j 2: documents the reader could not copy */
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

/* ---- -j 2: the ring ------------------------------------------------------ */

static void *extract_thread(void *arg) {
  add_run *r = arg;
  for (size_t i = 0;; i++) {
    pthread_mutex_lock(&r->lock);
    while (i == r->tail && !r->stop) pthread_cond_wait(&r->filled, &r->lock);
    int quit = i == r->tail;
    pthread_mutex_unlock(&r->lock);
    if (quit) return NULL;
    slot *sl = &r->ring[i % RING];
    if (sl->state == ALQ_DOC_NEW || sl->state == ALQ_DOC_CHANGED) {
      alq_doc d = {sl->id, sl->text, sl->len, sl->date, sl->title};
      /* the slot's extractor is made on first use (each costs about 20 ms):
         a run that only skips unchanged documents makes none. They all
         extract on this thread: they share one cache of word lookups (8 MB,
         and warm for every document). As alq_store_put: only a document
         that will be stored enters the near-duplicate index, in the order
         of storing */
      if (!sl->ex && alq_extractor_new_sharing(&sl->ex, r->lex, r->cache_of)) {
        alq_error_set(&sl->err, ALQ_ENOMEM, sl->where, -1, "out of memory");
        sl->extract_failed = 1;
      } else {
        r->cache_of = sl->ex;
        if (alq_extract(sl->ex, &d, &sl->res, &sl->err)) sl->extract_failed = 1;
        else if (alq_store_find_copy(r->dstore, &d, &sl->copy_of, &sl->sig, &sl->err)) sl->copy_failed = 1;
      }
    }
    pthread_mutex_lock(&r->lock);
    sl->done = 1;
    pthread_cond_broadcast(&r->emptied);
    pthread_mutex_unlock(&r->lock);
  }
}

static void slot_clear(slot *sl) {
  free(sl->id); free(sl->text); free(sl->date); free(sl->title); free(sl->where); free(sl->copy_of);
  sl->id = sl->text = sl->date = sl->title = sl->where = sl->copy_of = NULL;
  sl->res = NULL;
  sl->extract_failed = sl->copy_failed = sl->done = 0;
  memset(&sl->err, 0, sizeof sl->err);
}

/* After a document: the chunk's commit, the progress line. */
static int chunk_step(add_run *r, const char *where) {
  alq_error err = {0};
  if (++r->in_chunk >= r->chunk) {
    if (alq_store_commit(r->store, &err)) return store_failed(r, &err, where);
    r->committed = r->st.added + r->st.replaced;
    if (alq_store_begin(r->store, &err)) return store_failed(r, &err, where);
    r->in_chunk = 0;
  }
  if (r->progress) show_progress(r, 0);
  return 0;
}

/* Stores the oldest document of the ring (waiting for its extraction),
 * exactly as do_doc_seq would have. */
static void store_one(add_run *r) {
  slot *sl = &r->ring[r->head % RING];
  pthread_mutex_lock(&r->lock);
  while (!sl->done) pthread_cond_wait(&r->emptied, &r->lock);
  pthread_mutex_unlock(&r->lock);
  alq_error err = {0};
  if (r->dead) { r->st.failed++; r->any_failed = 1; goto out; }
  r->st.seen++;
  r->st.bytes += sl->len;
  if (sl->state < 0) { store_failed(r, &sl->err, sl->where); r->any_failed = 1; goto out; }
  if (sl->state == ALQ_DOC_SAME) {
    r->st.skipped++;
  } else {
    if (sl->extract_failed) {
      if (!r->quiet) cli_warn("%s: %s", sl->where, sl->err.msg);
      r->st.failed++;
      r->any_failed = 1;
      goto out;
    }
    const alq_result *res = sl->res;
    for (size_t i = 0; i < res->nissues && i < 10; i++)
      if (!r->quiet) fprintf(stderr, "alaqat: %s: byte %lld: %s (stored anyway)\n", sl->where,
                             res->issues[i].offset, res->issues[i].msg);
    if (res->nissues) r->any_failed = 1;
    if (sl->copy_failed) { store_failed(r, &sl->err, sl->where); r->any_failed = 1; goto out; }
    alq_doc d = {sl->id, sl->text, sl->len, sl->date, sl->title};
    if (alq_store_put_as(r->store, &d, sl->hash, res, sl->copy_of, &sl->sig,
                         sl->state == ALQ_DOC_NEW, &err)) {
      store_failed(r, &err, sl->where);
      r->any_failed = 1;
      goto out;
    }
    if (sl->state == ALQ_DOC_NEW) r->st.added++; else r->st.replaced++;
    r->st.claims += res->nclaims;
    r->st.mentions += res->nmentions;
  }
  if (chunk_step(r, sl->where)) r->any_failed = 1;
out:
  slot_clear(sl);
  r->head++;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* Stores what is left in the ring and ends the extraction thread. */
static void ring_stop(add_run *r) {
  if (!r->th_started) return;
  while (r->head < r->tail) store_one(r);
  pthread_mutex_lock(&r->lock);
  r->stop = 1;
  pthread_cond_signal(&r->filled);
  pthread_mutex_unlock(&r->lock);
  pthread_join(r->th, NULL);
  r->th_started = 0;
}

/* -j 2: a document taken from the reader's queue (its fields move into the
 * ring): its state in the store, the extraction thread woken. When the same
 * id is still in the ring, the ring is stored up to it first, so the state
 * is what -j 1 would see. */
static void do_doc_ring(add_run *r, readdoc *rd) {
  for (size_t k = r->tail; k-- > r->head;)
    if (!strcmp(r->ring[k % RING].id, rd->id)) {
      while (r->head <= k) store_one(r);
      break;
    }
  if (r->dead) {
    r->st.failed++;
    r->any_failed = 1;
    free(rd->id); free(rd->text); free(rd->date); free(rd->title); free(rd->where);
    return;
  }
  if (r->tail - r->head == RING) store_one(r);
  slot *sl = &r->ring[r->tail % RING];
  memcpy(sl->hash, rd->hash, sizeof sl->hash);
  sl->state = alq_store_doc_state(r->store, rd->id, sl->hash, alq_version(), &sl->err);
  sl->id = rd->id; sl->text = rd->text; sl->date = rd->date; sl->title = rd->title;
  sl->where = rd->where; sl->len = rd->len;
  pthread_mutex_lock(&r->lock);
  r->tail++;
  pthread_cond_signal(&r->filled);
  pthread_mutex_unlock(&r->lock);
}

/* The reader thread's callback: a copy of the document and its hash into
 * the queue (waiting for room). */
static int do_doc_read(const alq_doc *d, const char *where, void *payload) {
  add_run *r = payload;
  readdoc rd = {0};
  alq_store_doc_hash(d, rd.hash);
  rd.id = strdup(d->id);
  rd.text = malloc(d->len + 1);
  rd.date = dup_or_null(d->date);
  rd.title = dup_or_null(d->title);
  rd.where = strdup(where);
  if (!rd.id || !rd.text || !rd.where || (d->date && !rd.date) || (d->title && !rd.title)) {
    free(rd.id); free(rd.text); free(rd.date); free(rd.title); free(rd.where);
    cli_warn("%s: out of memory", where);
    pthread_mutex_lock(&r->lock);
    r->oom_failed++;
    pthread_mutex_unlock(&r->lock);
    return 1;
  }
  memcpy(rd.text, d->text, d->len);
  rd.text[d->len] = 0;
  rd.len = d->len;
  pthread_mutex_lock(&r->lock);
  while (r->rq_tail - r->rq_head == READQ) pthread_cond_wait(&r->rq_space, &r->lock);
  r->rq[r->rq_tail % READQ] = rd;
  r->rq_tail++;
  pthread_cond_broadcast(&r->emptied);
  pthread_mutex_unlock(&r->lock);
  return 0;
}

static int is_input_arg(add_run *r, int *i) {
  const char *a = r->argv[*i];
  if (!strcmp(a, "--db") || !strcmp(a, "--data") || !strcmp(a, "--chunk") || !strcmp(a, "-j") ||
      !strcmp(a, "--jobs")) { (*i)++; return 0; }
  if (cli_inputs_option(r->in, r->argc, r->argv, i)) return 0;
  return !(a[0] == '-' && a[1]);
}

static void *read_thread(void *arg) {
  add_run *r = arg;
  for (int i = 1; i < r->argc; i++)
    if (is_input_arg(r, &i)) cli_inputs_run(r->in, r->argv[i]);
  pthread_mutex_lock(&r->lock);
  r->rq_done = 1;
  pthread_cond_broadcast(&r->emptied);
  pthread_mutex_unlock(&r->lock);
  return NULL;
}

/* -j 2, this thread: takes the read documents in order, looks them up and
 * hands them to extraction, and stores the extracted ones, until the reader
 * is through and everything is stored. */
static void ring_run(add_run *r) {
  pthread_mutex_lock(&r->lock);
  for (;;) {
    if (r->rq_head < r->rq_tail) {
      readdoc rd = r->rq[r->rq_head % READQ];
      r->rq_head++;
      pthread_cond_signal(&r->rq_space);
      pthread_mutex_unlock(&r->lock);
      do_doc_ring(r, &rd);
      pthread_mutex_lock(&r->lock);
    } else if (r->head < r->tail && r->ring[r->head % RING].done) {
      pthread_mutex_unlock(&r->lock);
      store_one(r);
      pthread_mutex_lock(&r->lock);
    } else if (r->rq_done) break;
    else pthread_cond_wait(&r->emptied, &r->lock);
  }
  pthread_mutex_unlock(&r->lock);
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
  r.jobs = 2;
  cli_inputs in = {.fn = do_doc, .payload = &r};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int k = cli_inputs_option(&in, argc, argv, &i);
    if (k < 0) return ALQ_EXIT_USAGE;
    if (k) continue;
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) r.quiet = 1;
    else if (!strcmp(a, "--jsonl")) jsonl = 1;
    else if (!strcmp(a, "-j") || !strcmp(a, "--jobs") || !strncmp(a, "-j", 2)) {
      const char *v = a[2] && a[1] == 'j' ? a + 2 : (++i < argc ? argv[i] : NULL);
      if (!v || (strcmp(v, "1") && strcmp(v, "2"))) { cli_warn("add: -j needs 1 or 2"); return ALQ_EXIT_USAGE; }
      r.jobs = atoi(v);
    }
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
      if (!strcmp(argv[i], "--db") || !strcmp(argv[i], "--data") || !strcmp(argv[i], "--chunk") ||
          !strcmp(argv[i], "-j") || !strcmp(argv[i], "--jobs")) { i++; continue; }
      if (cli_inputs_option(&in, argc, argv, &i)) continue;
      if (argv[i][0] != '-') r.total_mb += input_mb(argv[i], 0);
    }
  alq_error err = {0};
  alq_lexicon *lex = NULL;
  int status = ALQ_EXIT_SOMEFAIL;
  if (alq_lexicon_open(&lex, data, &err)) { cli_warn("%s: %s", err.file, err.msg); return status; }
  if (r.jobs == 1 && alq_extractor_new(&r.ex, lex)) { cli_warn("out of memory"); goto done; }
  r.lex = lex;
  alq_store_tune_process();
  if (alq_store_open(&r.store, db, ALQ_STORE_WRITE, &err)) { cli_warn("%s: %s", err.file, err.msg); goto done; }
  r.st.started = time(NULL);
  clock_gettime(CLOCK_MONOTONIC, &r.t0);
  r.last = r.t0;
  if (alq_store_begin(r.store, &err) || alq_store_sync_actors(r.store, lex, &err)) {
    store_failed(&r, &err, NULL);
    goto done;
  }
  if (r.jobs == 2) {
    /* the extraction thread's own handle: the near-duplicate index is built
       from the committed documents, as the first alq_store_put would */
    if (alq_store_open(&r.dstore, db, ALQ_STORE_READ, &err)) { cli_warn("%s: %s", err.file, err.msg); goto done; }
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.filled, NULL);
    pthread_cond_init(&r.emptied, NULL);
    pthread_cond_init(&r.rq_space, NULL);
    r.sync_init = 1;
    if (pthread_create(&r.th, NULL, extract_thread, &r)) { cli_warn("cannot start a thread"); goto done; }
    r.th_started = 1;
  }
  in.jsonl = jsonl;
  in.quiet = r.quiet;
  r.in = &in;
  r.argc = argc;
  r.argv = argv;
  if (r.jobs == 2) {
    in.fn = do_doc_read;
    if (pthread_create(&r.rd, NULL, read_thread, &r)) { cli_warn("cannot start a thread"); goto done; }
    r.rd_started = 1;
    ring_run(&r);
    pthread_join(r.rd, NULL);
    r.rd_started = 0;
    r.st.failed += r.oom_failed;
    if (r.oom_failed) r.any_failed = 1;
  } else
    for (int i = 1; i < argc; i++)
      if (is_input_arg(&r, &i)) cli_inputs_run(&in, argv[i]);
  ring_stop(&r);
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
  status = (in.failed || r.dead || r.any_failed) ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
done:
  ring_stop(&r);
  for (int k = 0; k < RING; k++) { slot_clear(&r.ring[k]); alq_extractor_free(r.ring[k].ex); }
  if (r.sync_init) {
    pthread_mutex_destroy(&r.lock);
    pthread_cond_destroy(&r.filled);
    pthread_cond_destroy(&r.emptied);
    pthread_cond_destroy(&r.rq_space);
  }
  alq_store_close(r.dstore);
  alq_store_close(r.store);
  alq_extractor_free(r.ex);
  alq_lexicon_free(lex);
  return status;
}
