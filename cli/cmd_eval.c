/* `alaqat eval GOLD PRED [--json] [--new-actors TSV]`: scores predicted claims or mentions
 * against gold with the library's src/eval/ and prints a table or JSON.
 * Malformed lines are reported (file, line, byte offset), skipped, exit 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "eval/eval.h"
#include "util/util.h"

const char cmd_eval_usage[] =
  "usage: alaqat eval GOLD PRED [--json] [--new-actors TSV]\n"
  "\n"
  "Scores PRED against GOLD, two JSON Lines files of relation claims (lines\n"
  "with \"a\" and \"b\") or of entity mentions (lines with \"id\" and \"type\"),\n"
  "as spec CLAIMS.md \"Scoring\" defines. A pair can match when the doc is equal\n"
  "and the spans overlap by at least a quarter of the longer span; claims also\n"
  "need the same actors (ordered when both types are directed). Each gold line\n"
  "and each prediction is used at most once, maximizing the number of matches.\n"
  "\n"
  "claims:   strict (type, polarity, modality) and lenient (coarse class,\n"
  "          polarity) P/R/F1, a per-type table (strict), the accuracy of\n"
  "          source, source_kind, when and when-compatible over the lenient\n"
  "          pairs, and of polarity over pairs matched on class alone.\n"
  "mentions: P/R/F1 overall and per type (type must be equal), and the\n"
  "          accuracy of id over the matched pairs.\n"
  "\n"
  "options:\n"
  "  --json     print one JSON object instead of the table:\n"
  "             {\"kind\":\"claims\",\"gold\",\"pred\",\"strict\":{\"tp\",\"fp\",\"fn\",\"p\",\"r\",\"f1\"},\n"
  "              \"lenient\":{...},\"per_type\":{TYPE:{\"gold\",\"pred\",\"tp\",\"fp\",\"fn\",\"p\",\"r\",\"f1\"}},\n"
  "              \"attributes\":{\"pairs\",\"source\",\"source_kind\",\"when\",\"when_compatible\",\n"
  "              \"polarity\",\"polarity_pairs\"}}   (accuracies are null without pairs)\n"
  "             {\"kind\":\"mentions\",\"gold\",\"pred\",\"overall\":{...},\"per_type\":{...},\n"
  "              \"id_accuracy\"}\n"
  "  --new-actors TSV\n"
  "             the gold's table of its own new: ids (id, type, english, Arabic\n"
  "             names separated by |, as gold/dev2/new-actors.tsv): a predicted\n"
  "             new: id that alaqat made from one of those names is counted as\n"
  "             that gold id (alaqat's ids are \"new:\" + the normalized words,\n"
  "             a hand-coded gold spells its own)\n"
  "  -h, --help show this help\n"
  "\n"
  "exit status: 0 ok; 1 a file could not be read or had malformed lines (each\n"
  "reported on stderr with its line and byte offset, skipped; scores are still\n"
  "printed); 2 usage error.\n";

static int usage_error(const char *what, const char *arg) {
  if (arg) cli_warn("eval: %s '%s'", what, arg);
  else cli_warn("eval: %s", what);
  fputs("usage: alaqat eval GOLD PRED [--json] [--new-actors TSV]  (see alaqat help eval)\n", stderr);
  return ALQ_EXIT_USAGE;
}

/* Loads one file; returns 0 if it was read without malformed lines. */
static int load(alq_eval_set *s, const char *path, alq_eval_kind expect, int *unreadable) {
  alq_error err;
  memset(&err, 0, sizeof err);
  int rc = alq_eval_load_file(s, path, expect, &err);
  if (rc) {
    cli_warn("%s: %s", path, err.msg);
    *unreadable = 1;
    return 1;
  }
  for (size_t i = 0; i < s->nissues; i++)
    cli_warn("%s: line %ld, byte offset %lld: %s", path, s->issues[i].line,
             s->issues[i].offset, s->issues[i].msg);
  return s->nissues ? 1 : 0;
}

int cmd_eval(int argc, char **argv) {
  const char *files[2] = {NULL, NULL};
  int nfiles = 0, json = 0, opts = 1;
  const char *new_actors = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (opts && !strcmp(a, "--")) { opts = 0; continue; }
    if (opts && !strcmp(a, "--json")) { json = 1; continue; }
    if (opts && !strcmp(a, "--new-actors")) {
      if (i + 1 >= argc) return usage_error("--new-actors needs a file", NULL);
      new_actors = argv[++i];
      continue;
    }
    if (opts && a[0] == '-' && a[1]) return usage_error("unknown option", a);
    if (nfiles == 2) return usage_error("too many arguments:", a);
    files[nfiles++] = a;
  }
  if (nfiles < 2) return usage_error(nfiles ? "missing PRED" : "missing GOLD and PRED", NULL);

  alq_eval_set gold, pred;
  memset(&gold, 0, sizeof gold);
  memset(&pred, 0, sizeof pred);
  int unreadable = 0, status = ALQ_EXIT_OK;
  if (load(&gold, files[0], ALQ_EVAL_NONE, &unreadable)) status = ALQ_EXIT_SOMEFAIL;
  if (load(&pred, files[1], gold.kind, &unreadable)) status = ALQ_EXIT_SOMEFAIL;
  if (unreadable) goto done;
  if (new_actors) {
    char *buf = NULL;
    size_t len = 0;
    alq_error err;
    memset(&err, 0, sizeof err);
    if (alq_read_file(new_actors, &buf, &len, 64u << 20, &err)) {
      cli_warn("%s: %s", new_actors, err.msg);
      status = ALQ_EXIT_SOMEFAIL;
      goto done;
    }
    long n = alq_eval_align_new_ids(&pred, buf, len);
    free(buf);
    if (n < 0) { cli_warn("eval: out of memory"); status = ALQ_EXIT_SOMEFAIL; goto done; }
    if (!json) printf("(%ld predicted new: ids aligned by name with %s)\n\n", n, new_actors);
  }

  alq_eval_result res;
  int rc = alq_eval_score(&gold, &pred, &res);
  if (rc) {
    cli_warn("eval: %s", rc == ALQ_EINVAL ? "gold and predictions are not of the same kind"
                                          : "out of memory");
    status = ALQ_EXIT_SOMEFAIL;
    goto done;
  }
  if (json) {
    json_t *o = alq_eval_to_json(&res);
    char *s = o ? json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(o);
    if (!s) { cli_warn("eval: out of memory"); status = ALQ_EXIT_SOMEFAIL; goto done; }
    fputs(s, stdout);
    fputc('\n', stdout);
    free(s);
  } else {
    alq_eval_write_text(stdout, &res);
  }
  if (fflush(stdout) || ferror(stdout)) {
    cli_warn("eval: cannot write the output");
    status = ALQ_EXIT_SOMEFAIL;
  }
done:
  alq_eval_set_free(&gold);
  alq_eval_set_free(&pred);
  return status;
}
