/* alaqat timeline A B: the claims about one actor pair from the store, in
 * the order of their time (the claim's `when`, else its document's date). */
#include <string.h>
#include "cli.h"
#include "store_out.h"

const char cmd_timeline_usage[] =
  "usage: alaqat timeline A B [--db PATH] [--json]\n"
  "\n"
  "Lists the stored claims between actors A and B (either order) in time\n"
  "order: the claim's own time (`when`) when it has one, else its document's\n"
  "date; undated claims come last. Each row: when, doc_date, type, class,\n"
  "polarity, modality, source, source_kind, where, via, a, b, doc, span and\n"
  "the evidence sentence. A and B are actor ids, English names or Arabic names.\n"
  "\n"
  "options:\n"
  "  --db PATH   the store (default alaqat.db), or a postgresql:// URI\n"
  "  --json      one JSON object per claim instead of tab-separated text\n"
  "\n"
  "exit status: 0 ok (also when there is no claim), 1 store error, 2 usage.\n";

int cmd_timeline(int argc, char **argv) {
  const char *db = "alaqat.db", *names[2] = {0};
  int json = 0, n = 0;
  for (int i = 1; i < argc; i++) {
    int o = cli_store_opt(argc, argv, &i, &db, &json);
    if (o < 0) return ALQ_EXIT_USAGE;
    if (o) continue;
    if (argv[i][0] == '-' && argv[i][1]) { cli_warn("timeline: unknown option '%s'", argv[i]); return ALQ_EXIT_USAGE; }
    if (n == 2) { cli_warn("timeline: give exactly two actors"); return ALQ_EXIT_USAGE; }
    names[n++] = argv[i];
  }
  if (n != 2) { fputs(cmd_timeline_usage, stderr); return ALQ_EXIT_USAGE; }
  alq_store *s;
  if (cli_store_open_read(&s, db)) return ALQ_EXIT_SOMEFAIL;
  char a[256], b[256];
  alq_store_actor_resolve(s, names[0], a, sizeof a);
  alq_store_actor_resolve(s, names[1], b, sizeof b);
  cli_table t = {stdout, json, 0, 0};
  alq_error err = {0};
  int rc = alq_timeline(s, a, b, cli_table_row, &t, &err);
  if (rc) cli_warn("%s: %s", err.file, err.msg);
  else if (!t.rows) cli_warn("no claims between %s and %s", a, b);
  alq_store_close(s);
  return rc ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
