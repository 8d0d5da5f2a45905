/* alaqat contradictions: pairs of stored claims about the same actor pair
 * and period that disagree, from different documents and sources. */
#include <string.h>
#include "cli.h"
#include "store_out.h"

const char cmd_contradictions_usage[] =
  "usage: alaqat contradictions [--db PATH] [--json]\n"
  "\n"
  "Lists pairs of asserted claims about the same actor pair, from different\n"
  "documents and not from the same named source, whose times overlap (the\n"
  "claim's `when`, else its document's date; or both undated) and that\n"
  "disagree: reason \"polarity\" = same type, one affirmed and one negated;\n"
  "reason \"class\" = both affirmed, one cooperative and one hostile.\n"
  "\n"
  "options:\n"
  "  --db PATH   the store (default alaqat.db), or a postgresql:// URI\n"
  "  --json      one JSON object per contradiction\n"
  "\n"
  "exit status: 0 ok, 1 store error, 2 usage.\n";

int cmd_contradictions(int argc, char **argv) {
  const char *db = "alaqat.db";
  int json = 0;
  for (int i = 1; i < argc; i++) {
    int o = cli_store_opt(argc, argv, &i, &db, &json);
    if (o < 0) return ALQ_EXIT_USAGE;
    if (!o) { cli_warn("contradictions: unexpected argument '%s'", argv[i]); return ALQ_EXIT_USAGE; }
  }
  alq_store *s;
  if (cli_store_open_read(&s, db)) return ALQ_EXIT_SOMEFAIL;
  cli_table t = {stdout, json, 0, 0};
  alq_error err = {0};
  int rc = alq_contradictions(s, cli_table_row, &t, &err);
  if (rc) cli_warn("%s: %s", err.file, err.msg);
  alq_store_close(s);
  return rc ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
