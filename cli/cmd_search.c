/* alaqat search QUERY: full-text search (SQLite FTS5, PostgreSQL tsvector)
 * over the stored documents, best matches first, matching words marked. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "store_out.h"

const char cmd_search_usage[] =
  "usage: alaqat search QUERY [--limit N] [--db PATH] [--json]\n"
  "\n"
  "Searches titles and texts of the stored documents. SQLite: FTS5 query\n"
  "syntax (words, \"phrases\", prefix*, AND/OR/NOT, NEAR(...)); words match\n"
  "whole tokens, so add * for forms with suffixes. Rows: doc, date, title,\n"
  "snippet (matches between [ ] in text, <mark> </mark> in JSON, bold on a\n"
  "terminal), score (bm25, lower is better).\n"
  "PostgreSQL: web-search syntax (words, \"phrases\", OR, -word) over whole\n"
  "lowercased words ('simple' configuration, no prefix search); snippet from\n"
  "ts_headline; score = -ts_rank (lower is better). Ranking and snippets differ\n"
  "between the two backends.\n"
  "\n"
  "options:\n"
  "  --limit N   at most N documents (default 20)\n"
  "  --db PATH   the store (default alaqat.db), or a postgresql:// URI\n"
  "  --json      one JSON object per document\n"
  "\n"
  "exit status: 0 ok (also when nothing matches), 1 store error, 2 usage\n"
  "(also a malformed query).\n";

int cmd_search(int argc, char **argv) {
  const char *db = "alaqat.db", *query = NULL;
  int json = 0, limit = 20;
  for (int i = 1; i < argc; i++) {
    int o = cli_store_opt(argc, argv, &i, &db, &json);
    if (o < 0) return ALQ_EXIT_USAGE;
    if (o) continue;
    if (!strcmp(argv[i], "--limit")) {
      char *end;
      long n = i + 1 < argc ? strtol(argv[++i], &end, 10) : 0;
      if (n < 1 || n > 1000000 || *end) { cli_warn("search: --limit needs a number 1..1000000"); return ALQ_EXIT_USAGE; }
      limit = (int)n;
    } else if (argv[i][0] == '-' && argv[i][1]) { cli_warn("search: unknown option '%s'", argv[i]); return ALQ_EXIT_USAGE; }
    else if (query) { cli_warn("search: give one query (quote it)"); return ALQ_EXIT_USAGE; }
    else query = argv[i];
  }
  if (!query) { fputs(cmd_search_usage, stderr); return ALQ_EXIT_USAGE; }
  alq_store *s;
  if (cli_store_open_read(&s, db)) return ALQ_EXIT_SOMEFAIL;
  const char *open = "[", *close = "]";
  if (json) { open = "<mark>"; close = "</mark>"; }
  else if (isatty(1)) { open = "\033[1m"; close = "\033[0m"; }
  cli_table t = {stdout, json, 0, 0};
  alq_error err = {0};
  int rc = alq_search(s, query, open, close, limit, cli_table_row, &t, &err);
  if (rc) cli_warn("search: %s", err.msg);
  alq_store_close(s);
  return rc == ALQ_EINVAL ? ALQ_EXIT_USAGE : rc ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
