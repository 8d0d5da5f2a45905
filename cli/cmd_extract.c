/* alaqat extract: writes the claims (or mentions) of every input document
 * as JSON Lines on stdout; inputs are walked by inputs.c. With -j N the
 * documents of a batch are extracted by N threads and written in input
 * order, so the output is byte-identical to -j 1. --stream is the filter
 * contract of Hadoop Streaming / Spark's pipe: JSONL in, one flush per
 * document out. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alaqat.h"
#include "cli.h"
#include "inputs.h"
#include "read/read.h"
#include "util/util.h"

const char cmd_extract_usage[] =
  "usage: alaqat extract [options] [FILE|DIR|-]...\n"
  "       alaqat extract --stream [options] < docs.jsonl\n"
  "\n"
  "Extracts relation claims from Arabic text and writes them as JSON Lines\n"
  "(one claim per line, fields of spec CLAIMS.md) on standard output.\n"
  "Inputs: plain text files (UTF-8, or UTF-16 / Windows-1256, detected; doc\n"
  "id = file name without extension), HTML pages (*.html, *.htm: main text,\n"
  "spans point at the raw page bytes), *.jsonl files (one record per line:\n"
  "id, text, and optional date, title), directories (recursively, in sorted\n"
  "order) and - for standard input.\n"
  "\n"
  "options:\n"
  "  --mentions      write entity mentions instead of claims\n"
  "  --data DIR      lexicon directory (default: $ALAQAT_DATA, the build\n"
  "                  tree's data/, or the installed share/alaqat)\n"
  "  --jsonl         read every input (and stdin) as JSON Lines\n"
  "  -j, --jobs N    extract with N threads (output identical to -j 1)\n"
  "  --stream        read JSON Lines documents on stdin, write each one's\n"
  "                  lines and flush before reading the next (for Hadoop\n"
  "                  Streaming and Spark's pipe)\n"
  "  -q, --quiet     do not report per-input warnings\n"
  CLI_INPUTS_HELP
  "\n"
  "exit status: 0 ok, 1 some inputs failed or had invalid bytes, 2 usage.\n";

#define BATCH 256   /* documents per parallel batch: bounds memory */

/* One document to extract, with everything it borrows copied (its reader
 * map too), and what it produced. */
typedef struct job {
  char *id, *text, *date, *title, *name;
  size_t len;
  alq_read_doc rd;       /* map of a page / decoded text; rd.text NULL if none */
  char *raw;             /* raw bytes of a UTF-8 page (mention texts), or NULL */
  char *line;            /* a JSON Lines record not parsed yet (the worker
                            parses it: jansson is most of a JSONL run), or NULL */
  size_t linelen;
  long long line_off;    /* byte offset of the record's line */
  alq_buf out, err;      /* JSON lines and warning lines */
  int bad;
} job;

/* Documents extracted together and written in order. With -j N two
 * batches form a pipeline: the reader fills one while the workers extract
 * the other. */
typedef struct batch {
  job jobs[BATCH];
  size_t njobs;
  size_t next, done;     /* -j N: next job to take, jobs finished (under lock) */
} batch;

typedef struct run {
  alq_lexicon *lex;
  alq_extractor **ex;    /* one per thread */
  int nthreads;
  int mentions, jsonl, quiet, stream;
  long long explain_at;  /* alaqat explain: byte offset, -1 when not explaining */
  const char *explain_doc; /* alaqat explain --doc ID, or NULL */
  size_t nexplained;
  int failed;
  cli_inputs *in;
  batch b[2];
  batch *fill;           /* the batch the reader is filling */
  batch *cur;            /* -j N: the batch the workers extract, or NULL */
  pthread_mutex_t lock;  /* guards cur, its next/done, stop */
  pthread_cond_t work;   /* a batch to extract, or stop */
  pthread_cond_t fin;    /* the current batch is done */
  int stop;
  pthread_t th[64];
  int started[64];
} run;

/* A mention of a document decoded from another encoding: the span is raw,
 * the text is the decoded (UTF-8) name. */
static void write_mention_decoded(alq_buf *b, const char *doc_id, const alq_mention *m, const char *txt,
                                  size_t n) {
  alq_buf_append(b, "{\"doc\":", 7);
  alq_buf_json_str(b, doc_id, strlen(doc_id));
  alq_buf_printf(b, ",\"span\":[%u,%u],\"text\":", m->span[0], m->span[1]);
  alq_buf_json_str(b, txt, n);
  alq_buf_append(b, ",\"id\":", 6);
  if (m->id) alq_buf_json_str(b, m->id, strlen(m->id)); else alq_buf_append(b, "null", 4);
  alq_buf_printf(b, ",\"type\":\"%s\"}\n", m->type);
}

static void warn_to(alq_buf *b, int quiet, const char *name, long long off, const char *what) {
  if (quiet) return;
  if (off >= 0) alq_buf_printf(b, "alaqat: %s: byte %lld: %s\n", name, off, what);
  else alq_buf_printf(b, "alaqat: %s: %s\n", name, what);
}

/* What each pairing rule of src/extract/claims.c means, for explain. */
static const struct { const char *rule, *what; } rule_text[] = {
  {"between", "the pair follows the trigger, introduced by بين or named by a pair anaphor"},
  {"group-after", "a coordinated pair (X و Y) right after the trigger is its pair"},
  {"group-before", "a coordinated subject before the trigger (X و Y يتحالفان)"},
  {"left-right", "agent before the trigger, patient after it"},
  {"left-right-group", "agent before the trigger, a coordinated object after it"},
  {"agent-patient-after", "both parties after the trigger: the first is the agent, the second follows a preposition (ضد، مع، على، لـ)"},
  {"passive", "passive support: the helper follows (بدعم من X، مدعومة من X)"},
  {"passive-right", "passive support with both parties after the trigger"},
  {"passive-group", "passive support with a coordinated group of helpers"},
  {"reciprocal", "a reciprocal expression (أحدهما الآخر): one claim in each direction for the pair named together"},
  {"sentence-pair", "the sentence names the pair in focus (or points at it with a pair anaphor) and the trigger has no parties of its own"},
  {"headline-pair", "a headline segment or sub-headline without actors: the headline's pair (CLAIMS.md rule 10)"},
  {"role", "a part of its owner (فرع، ذراع، جناح): the owner follows, the member is the phrase it describes"},
  {"possessor", "a relation noun with a possessive pronoun (ودعمها لـ Y): the owner is the name before it"},
  {"relative-object", "a relative verb whose object pronoun is the head (X، التي زودتها Y): the name after is its subject"},
  {"named-hostility", "a reconciliation that names the hostility it ends (وقف القتال بين X و Y): the hostility held (rule 13)"},
  {"examples", "groups linked to Y such as X (على غرار X): the named example is the member"},
  {"list-item", "an item of a list under a lead sentence: the lead's relation for the item's pair"},
  {"list-target", "an item of a list under a lead sentence: the lead's pair with the item's target"},
  {"carried-subject", "a verb without a subject of its own (after بعدما، or coordinated): the subject of the main clause"},
  {"sides", "two sides (بين X و Y من جهة، و Z من جهة أخرى): across the sides only"},
  {"apposition", "X وداعمته Y (X and its supporter Y): the name after the participle supports the name before"},
  {"received", "a blow or help received (X تلقى ضربات من Y، الضربات التي تلقتها X من Y): the giver after من / على يد acts on the receiver"},
  {"pronoun-object", "X's help for them (دعم تركيا لهم): the genitive gives, the pronoun after لـ is the nearest other name before"},
  {"between-pronoun", "between it and Y (اشتباكات بينها وبين Y): Y and the names right before"},
  {"nationalities", "a relation noun with two nationality adjectives (التقارب الروسي - السعودي): the two states"},
};

static void explain_span(alq_buf *b, const char *label, const uint32_t sp[2], const char *text, int decoded) {
  alq_buf_printf(b, "  %-9s [%u, %u)", label, sp[0], sp[1]);
  if (!decoded) {
    alq_buf_append(b, " \"", 2);
    alq_buf_append(b, text + sp[0], sp[1] - sp[0]);
    alq_buf_append(b, "\"", 1);
  }
  alq_buf_append(b, "\n", 1);
}

/* Why a claim was made: its trigger, the spans standing for its actors (a
 * name, an anaphor, or the headline's names), the rule, and the rest. */
static void explain_claim(run *r, alq_buf *b, const alq_claim *c, const char *text, int decoded) {
  r->nexplained++;
  alq_buf_printf(b, "claim %zu: %s %s %s (%s, %s)\n", r->nexplained, c->a, c->type, c->b, c->polarity, c->modality);
  explain_span(b, "sentence", c->span, text, decoded);
  explain_span(b, "trigger", c->trigger, text, decoded);
  char la[80], lb[80];
  snprintf(la, sizeof la, "a=%s", c->a);
  snprintf(lb, sizeof lb, "b=%s", c->b);
  explain_span(b, la, c->a_span, text, decoded);
  explain_span(b, lb, c->b_span, text, decoded);
  const char *what = "";
  for (size_t k = 0; k < sizeof rule_text / sizeof rule_text[0]; k++)
    if (!strcmp(rule_text[k].rule, c->rule)) what = rule_text[k].what;
  alq_buf_printf(b, "  rule      %s: %s\n", c->rule, what);
  alq_buf_printf(b, "  source    %s (%s)\n", c->source ? c->source : "the author", c->source_kind);
  alq_buf_printf(b, "  when      %s\n  where     %s\n\n", c->when ? c->when : "-", c->where ? c->where : "-");
}

static void run_doc(run *r, alq_extractor *ex, job *j, alq_doc d);

/* Extracts one job with extractor ex and formats its lines into j->out. */
static void run_job(run *r, alq_extractor *ex, job *j) {
  if (!j->line) {
    alq_doc d = {j->id, j->text, j->len, j->date, j->title};
    run_doc(r, ex, j, d);
    return;
  }
  cli_jsonl_rec rec;
  char msg[300];
  long long moff;
  if (cli_jsonl_parse(r->in, j->line, j->linelen, j->name, &rec, msg, sizeof msg, &moff)) {
    warn_to(&j->err, r->quiet, j->name, j->line_off + moff, msg);
    j->bad = 1;
    return;
  }
  run_doc(r, ex, j, rec.doc);
  cli_jsonl_done(&rec);
}

static void run_doc(run *r, alq_extractor *ex, job *j, alq_doc d) {
  const alq_result *res;
  alq_error err = {0};
  if (alq_extract(ex, &d, &res, &err)) {
    warn_to(&j->err, r->quiet, j->name, err.offset, err.msg);
    j->bad = 1;
    return;
  }
  for (size_t i = 0; i < res->nissues; i++) {
    char msg[160];
    snprintf(msg, sizeof msg, "%s (extraction continued)", res->issues[i].msg);
    warn_to(&j->err, r->quiet, j->name, res->issues[i].offset, msg);
    j->bad = 1;
    if (i == 9 && res->nissues > 10) {
      if (!r->quiet) alq_buf_printf(&j->err, "alaqat: %s: %zu more invalid bytes not listed\n", j->name, res->nissues - 10);
      break;
    }
  }
  /* spans of a page or a decoded text are mapped back to the raw bytes as
     stored; a mention's text is then the raw bytes when they are UTF-8 */
  const alq_read_doc *rd = j->rd.text ? &j->rd : NULL;
  if (r->mentions) {
    for (size_t i = 0; i < res->nmentions; i++) {
      alq_mention m = res->mentions[i];
      const char *text = d.text;
      if (rd) {
        uint32_t ds[2] = {m.span[0], m.span[1]};
        alq_read_map_span(rd, ds[0], ds[1], m.span);
        if (j->raw) text = j->raw;
        else { write_mention_decoded(&j->out, d.id, &m, d.text + ds[0], ds[1] - ds[0]); continue; }
      }
      alq_mention_json_append(&j->out, d.id, text + m.span[0], m.span[1] - m.span[0], &m);
    }
  } else {
    for (size_t i = 0; i < res->nclaims; i++) {
      alq_claim c = res->claims[i];
      if (rd) {
        alq_read_map_span(rd, c.span[0], c.span[1], c.span);
        alq_read_map_span(rd, c.trigger[0], c.trigger[1], c.trigger);
        alq_read_map_span(rd, c.a_span[0], c.a_span[1], c.a_span);
        alq_read_map_span(rd, c.b_span[0], c.b_span[1], c.b_span);
      }
      if (r->explain_at >= 0) {
        if (c.span[0] <= r->explain_at && r->explain_at < c.span[1] &&
            (!r->explain_doc || !strcmp(r->explain_doc, d.id)))
          explain_claim(r, &j->out, &c, rd && j->raw ? j->raw : d.text, rd && !j->raw);
        continue;
      }
      alq_claim_json_append(&j->out, d.id, &c);
    }
  }
}

static void job_free(job *j) {
  free(j->id); free(j->text); free(j->date); free(j->title); free(j->name); free(j->raw); free(j->line);
  if (j->rd.text || j->rd.ms) alq_read_doc_free(&j->rd);
  alq_buf_free(&j->out); alq_buf_free(&j->err);
  memset(j, 0, sizeof *j);
}

static char *dup_or_null(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}
static char *dup_n(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) { if (n) memcpy(p, s, n); p[n] = 0; }
  return p;
}

/* Writes a finished batch's outputs and warnings in input order. */
static void write_batch(run *r, batch *b) {
  for (size_t k = 0; k < b->njobs; k++) {
    job *j = &b->jobs[k];
    if (j->err.len) fwrite(j->err.p, 1, j->err.len, stderr);
    if (j->out.len) fwrite(j->out.p, 1, j->out.len, stdout);
    r->failed |= j->bad;
    job_free(j);
  }
  b->njobs = b->next = b->done = 0;
  if (r->stream) fflush(stdout);
}

/* Takes jobs of the current batch until none is left (lock held on entry
 * and exit); returns when cur has no job to take. */
static void take_jobs(run *r, alq_extractor *ex) {
  batch *b;
  while ((b = r->cur) && b->next < b->njobs) {
    size_t k = b->next++;
    pthread_mutex_unlock(&r->lock);
    run_job(r, ex, &b->jobs[k]);
    pthread_mutex_lock(&r->lock);
    if (++b->done == b->njobs) pthread_cond_broadcast(&r->fin);
  }
}

/* -j N: a worker thread with its own extractor. */
static void *worker(void *arg) {
  void **a = arg;
  run *r = a[0];
  alq_extractor *ex = a[1];
  pthread_mutex_lock(&r->lock);
  for (;;) {
    take_jobs(r, ex);
    if (r->stop) break;
    pthread_cond_wait(&r->work, &r->lock);
  }
  pthread_mutex_unlock(&r->lock);
  return NULL;
}

/* -j N: finishes the batch being extracted (the reading thread helps with
 * extractor 0) and writes it. */
static void finish_cur(run *r) {
  pthread_mutex_lock(&r->lock);
  batch *b = r->cur;
  if (b) {
    for (;;) {
      take_jobs(r, r->ex[0]);
      if (b->done == b->njobs) break;
      pthread_cond_wait(&r->fin, &r->lock);
    }
    r->cur = NULL;
  }
  pthread_mutex_unlock(&r->lock);
  if (b) write_batch(r, b);
}

static int pipelined(const run *r) { return r->nthreads > 1 && !r->stream; }

/* The filled batch is complete (full, or the inputs ended): one thread
 * extracts and writes it; with -j N it goes to the workers once the batch
 * before it is written, and the reader goes on filling the other one. */
static void flush_batch(run *r) {
  batch *f = r->fill;
  if (!pipelined(r)) {
    for (size_t k = 0; k < f->njobs; k++) run_job(r, r->ex[0], &f->jobs[k]);
    write_batch(r, f);
    return;
  }
  finish_cur(r);
  if (!f->njobs) return;
  pthread_mutex_lock(&r->lock);
  f->next = f->done = 0;
  r->cur = f;
  pthread_cond_broadcast(&r->work);
  pthread_mutex_unlock(&r->lock);
  r->fill = f == &r->b[0] ? &r->b[1] : &r->b[0];
}

/* inputs.c callback: copies the document into the batch. */
static int add_doc(const alq_doc *d, const char *name, void *payload) {
  run *r = payload;
  job *j = &r->fill->jobs[r->fill->njobs];
  memset(j, 0, sizeof *j);
  j->id = dup_or_null(d->id ? d->id : "");
  j->text = dup_n(d->text, d->len);
  j->len = d->len;
  j->date = dup_or_null(d->date);
  j->title = dup_or_null(d->title);
  j->name = dup_or_null(name);
  const alq_read_doc *rd = r->in ? r->in->read : NULL;
  if (rd) {
    /* the map is needed after the reader's document is gone */
    j->rd.text = j->text;
    j->rd.len = rd->len;
    j->rd.ms = malloc((rd->len + 1) * sizeof *j->rd.ms);
    j->rd.me = malloc((rd->len + 1) * sizeof *j->rd.me);
    if (j->rd.ms && j->rd.me) {
      memcpy(j->rd.ms, rd->ms, (rd->len + 1) * sizeof *j->rd.ms);
      memcpy(j->rd.me, rd->me, (rd->len + 1) * sizeof *j->rd.me);
    }
    j->rd.enc = rd->enc;
    if (rd->enc == ALQ_ENC_UTF8 || rd->enc == ALQ_ENC_UTF8_BOM) j->raw = dup_n(r->in->raw, r->in->rawlen);
    j->text = dup_n(d->text, d->len);   /* rd.text owns the first copy */
  }
  if (!j->id || !j->text || (rd && (!j->rd.ms || !j->rd.me))) {
    fprintf(stderr, "alaqat: %s: out of memory; skipped\n", name);
    job_free(j);
    return 1;
  }
  r->fill->njobs++;
  if (r->fill->njobs == BATCH || r->stream) flush_batch(r);
  return 0;
}

/* inputs.c callback for a JSON Lines record: queued unparsed, so that the
 * workers parse it. */
static int add_line(const char *s, size_t n, const char *where, long long off, void *payload) {
  run *r = payload;
  job *j = &r->fill->jobs[r->fill->njobs];
  memset(j, 0, sizeof *j);
  j->line = dup_n(s, n);
  j->linelen = n;
  j->line_off = off;
  j->name = dup_or_null(where);
  if (!j->line || !j->name) {
    fprintf(stderr, "alaqat: %s: out of memory; skipped\n", where);
    job_free(j);
    return 1;
  }
  r->fill->njobs++;
  if (r->fill->njobs == BATCH || r->stream) flush_batch(r);
  return 0;
}

/* Set by cmd_explain before it runs cmd_extract. */
static struct { long long at; const char *doc; } explain_request = {-1, NULL};

int cmd_extract(int argc, char **argv) {
  static run r;
  memset(&r, 0, sizeof r);
  r.explain_at = explain_request.at;
  r.explain_doc = explain_request.doc;
  const char *data = NULL;
  int ninputs = 0;
  r.nthreads = 1;
  cli_inputs in = {.fn = add_doc, .line_fn = add_line, .payload = &r};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int k = cli_inputs_option(&in, argc, argv, &i);
    if (k < 0) return ALQ_EXIT_USAGE;
    if (k) continue;
    if (!strcmp(a, "--mentions")) r.mentions = 1;
    else if (!strcmp(a, "--jsonl")) r.jsonl = 1;
    else if (!strcmp(a, "--stream")) r.stream = 1;
    else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) r.quiet = 1;
    else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
      char *end;
      long n = ++i < argc ? strtol(argv[i], &end, 10) : 0;
      if (i >= argc || *end || n < 1 || n > 64) { cli_warn("-j needs a number of threads from 1 to 64"); return ALQ_EXIT_USAGE; }
      r.nthreads = (int)n;
    } else if (!strcmp(a, "--data")) {
      if (++i >= argc) { cli_warn("--data needs a directory"); return ALQ_EXIT_USAGE; }
      data = argv[i];
    } else if (a[0] == '-' && a[1]) { cli_warn("extract: unknown option '%s' (see alaqat help extract)", a); return ALQ_EXIT_USAGE; }
    else ninputs++;
  }
  if (!ninputs && !r.stream) { fputs(cmd_extract_usage, stderr); return ALQ_EXIT_USAGE; }
  if (r.explain_at >= 0) r.mentions = 0;
  if (ninputs && r.stream) { cli_warn("--stream reads standard input only"); return ALQ_EXIT_USAGE; }
  alq_error err = {0};
  if (alq_lexicon_open(&r.lex, data, &err)) {
    cli_warn("%s: %s", err.file, err.msg);
    return ALQ_EXIT_SOMEFAIL;
  }
  r.ex = calloc((size_t)r.nthreads, sizeof *r.ex);
  int ok = r.ex != NULL;
  for (int t = 0; ok && t < r.nthreads; t++) ok = alq_extractor_new(&r.ex[t], r.lex) == 0;
  pthread_mutex_init(&r.lock, NULL);
  pthread_cond_init(&r.work, NULL);
  pthread_cond_init(&r.fin, NULL);
  r.fill = &r.b[0];
  /* -j N: threads 1..N-1 start now and wait for batches; the reading
     thread is worker 0 when it waits for a batch to finish. If a thread
     cannot start, the others take its share. */
  static void *args[64][2];
  if (ok && pipelined(&r))
    for (int t = 1; t < r.nthreads; t++) {
      args[t][0] = &r; args[t][1] = r.ex[t];
      r.started[t] = pthread_create(&r.th[t], NULL, worker, args[t]) == 0;
    }
  if (!ok) cli_warn("out of memory");
  else if (r.stream) {
    /* the inputs layer streams JSON Lines from stdin; add_doc flushes each
       document's lines before the next record is read */
    in.jsonl = 1;
    in.quiet = r.quiet;
    r.in = &in;
    cli_inputs_run(&in, "-");
    r.failed |= in.failed;
  } else {
    in.jsonl = r.jsonl;
    in.quiet = r.quiet;
    r.in = &in;
    for (int i = 1; i < argc; i++) {
      const char *a = argv[i];
      if (cli_inputs_option(&in, argc, argv, &i)) continue;
      if (!strcmp(a, "--data") || !strcmp(a, "-j") || !strcmp(a, "--jobs")) { i++; continue; }
      if (a[0] == '-' && a[1]) continue;
      cli_inputs_run(&in, a);
    }
    r.failed |= in.failed;
  }
  flush_batch(&r);
  if (pipelined(&r)) {
    finish_cur(&r);
    pthread_mutex_lock(&r.lock);
    r.stop = 1;
    pthread_cond_broadcast(&r.work);
    pthread_mutex_unlock(&r.lock);
    for (int t = 1; t < r.nthreads; t++)
      if (r.started[t]) pthread_join(r.th[t], NULL);
  }
  if (r.explain_at >= 0 && !r.nexplained)
    printf("no claim covers byte %lld%s%s\n", r.explain_at, r.explain_doc ? " of " : "", r.explain_doc ? r.explain_doc : "");
  fflush(stdout);
  pthread_mutex_destroy(&r.lock);
  pthread_cond_destroy(&r.work);
  pthread_cond_destroy(&r.fin);
  for (int t = 0; r.ex && t < r.nthreads; t++) alq_extractor_free(r.ex[t]);
  free(r.ex);
  alq_lexicon_free(r.lex);
  return (r.failed || !ok) ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}

const char cmd_explain_usage[] =
  "usage: alaqat explain [--doc ID] [--data DIR] INPUT START\n"
  "\n"
  "Explains the claims whose evidence sentence covers byte START of INPUT (any\n"
  "input extract reads; with several documents, --doc ID picks one): the\n"
  "trigger, the bytes standing for each actor (a name, an anaphor, or the\n"
  "headline's names) with their offsets, the pairing rule and what it means,\n"
  "the source, time and place.\n"
  "\n"
  "exit status: 0 ok (also when no claim covers START), 1 input failed, 2 usage.\n";

/* alaqat explain: extract with a filter that prints explanations. */
int cmd_explain(int argc, char **argv) {
  const char *doc = NULL, *input = NULL, *start = NULL, *data = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--doc") && i + 1 < argc) doc = argv[++i];
    else if (!strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
    else if (argv[i][0] == '-' && argv[i][1]) { cli_warn("explain: unknown option '%s'", argv[i]); return ALQ_EXIT_USAGE; }
    else if (!input) input = argv[i];
    else if (!start) start = argv[i];
    else { fputs(cmd_explain_usage, stderr); return ALQ_EXIT_USAGE; }
  }
  char *end = NULL;
  long long at = start ? strtoll(start, &end, 10) : -1;
  if (!input || !start || *end || at < 0) { fputs(cmd_explain_usage, stderr); return ALQ_EXIT_USAGE; }
  char *args[6];
  int n = 0;
  args[n++] = "extract";
  if (data) { args[n++] = "--data"; args[n++] = (char *)data; }
  args[n++] = (char *)input;
  args[n] = NULL;
  explain_request.at = at;
  explain_request.doc = doc;
  return cmd_extract(n, args);
}
