/* alaqat graph --at DATE: the network of actors at a date from the store,
 * one edge per pair with the class its most recent claims give it. */
#include <string.h>
#include "cli.h"
#include "store_out.h"

const char cmd_graph_usage[] =
  "usage: alaqat graph --at DATE [--db PATH] [--json]\n"
  "\n"
  "The network at DATE (YYYY-MM-DD, or YYYY-MM / YYYY meaning its last day):\n"
  "one edge per actor pair from the affirmed, asserted claims whose time (the\n"
  "claim's `when`, else its document's date) begins at or before DATE.\n"
  "The class (cooperative, hostile, structural) of the pair's most recent\n"
  "claim wins; at a tie the class with more claims at that date, then more\n"
  "documents, then hostile over structural over cooperative.\n"
  "weight = distinct documents supporting the winning class; docs_total =\n"
  "distinct documents of the pair.\n"
  "Columns: a, b, class, type (of the latest claim of that class), weight,\n"
  "claims, first, last, docs_total.\n"
  "\n"
  "options:\n"
  "  --at DATE   the date (required)\n"
  "  --db PATH   the store (default alaqat.db), or a postgresql:// URI\n"
  "  --json      one JSON object per edge\n"
  "\n"
  "exit status: 0 ok, 1 store error, 2 usage (also a malformed date).\n";

int cmd_graph(int argc, char **argv) {
  const char *db = "alaqat.db", *at = NULL;
  int json = 0;
  for (int i = 1; i < argc; i++) {
    int o = cli_store_opt(argc, argv, &i, &db, &json);
    if (o < 0) return ALQ_EXIT_USAGE;
    if (o) continue;
    if (!strcmp(argv[i], "--at")) {
      if (++i >= argc) { cli_warn("graph: --at needs a date"); return ALQ_EXIT_USAGE; }
      at = argv[i];
    } else { cli_warn("graph: unexpected argument '%s'", argv[i]); return ALQ_EXIT_USAGE; }
  }
  if (!at) { fputs(cmd_graph_usage, stderr); return ALQ_EXIT_USAGE; }
  char lo[11], hi[11];
  if (alq_time_bounds(at, lo, hi) || strchr(at, '/')) {
    cli_warn("graph: bad date '%s' (want YYYY-MM-DD, YYYY-MM or YYYY)", at);
    return ALQ_EXIT_USAGE;
  }
  alq_store *s;
  if (cli_store_open_read(&s, db)) return ALQ_EXIT_SOMEFAIL;
  cli_table t = {stdout, json, 0, 0};
  alq_error err = {0};
  int rc = alq_graph_at(s, at, cli_table_row, &t, &err);
  if (rc) cli_warn("%s", err.msg);
  alq_store_close(s);
  return rc ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
