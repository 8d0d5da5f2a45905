/* alaqat actors: who is mentioned in the store, how often and when; with
 * --new only the organizations the extractor discovered (ids "new:..."). */
#include <string.h>
#include "cli.h"
#include "store_out.h"

const char cmd_actors_usage[] =
  "usage: alaqat actors [--new] [--db PATH] [--json]\n"
  "\n"
  "Actors mentioned in the stored documents (organizations, forces, states,\n"
  "coalitions), most mentioned first: id, type, english, arabic, mentions,\n"
  "docs, first_seen and last_seen (document dates), aliases (the forms seen).\n"
  "\n"
  "options:\n"
  "  --new       only discovered organizations (ids starting with new:), for\n"
  "              curation into the lexicon\n"
  "  --db PATH   the store (default alaqat.db), or a postgresql:// URI\n"
  "  --json      one JSON object per actor\n"
  "\n"
  "exit status: 0 ok, 1 store error, 2 usage.\n";

int cmd_actors(int argc, char **argv) {
  const char *db = "alaqat.db";
  int json = 0, only_new = 0;
  for (int i = 1; i < argc; i++) {
    int o = cli_store_opt(argc, argv, &i, &db, &json);
    if (o < 0) return ALQ_EXIT_USAGE;
    if (o) continue;
    if (!strcmp(argv[i], "--new")) only_new = 1;
    else { cli_warn("actors: unexpected argument '%s'", argv[i]); return ALQ_EXIT_USAGE; }
  }
  alq_store *s;
  if (cli_store_open_read(&s, db)) return ALQ_EXIT_SOMEFAIL;
  cli_table t = {stdout, json, 0, 0};
  alq_error err = {0};
  int rc = alq_actors(s, only_new, cli_table_row, &t, &err);
  if (rc) cli_warn("%s: %s", err.file, err.msg);
  alq_store_close(s);
  return rc ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
