/* Shared by the store commands: opening the store with a clear message, and
 * printing result rows as tab-separated text (with a header) or JSON Lines. */
#ifndef ALQ_CLI_STORE_OUT_H
#define ALQ_CLI_STORE_OUT_H
#include <stdio.h>
#include "analyze/analyze.h"
#include "store/store.h"

typedef struct cli_table {
  FILE *f;
  int json;        /* JSON Lines instead of text */
  int header_done;
  size_t rows;
} cli_table;

/* alq_row_fn printing one row to t->f (payload = cli_table *). */
int cli_table_row(const alq_row *row, void *payload);

/* Opens the store for reading; on failure prints why and returns nonzero. */
int cli_store_open_read(alq_store **out, const char *db);

/* Parses the options common to the query commands: --db PATH, --json.
 * Returns 1 if argv[*i] was one of them (advancing *i past a value), 0 if
 * not, -1 on a missing value (message printed). */
int cli_store_opt(int argc, char **argv, int *i, const char **db, int *json);
#endif
