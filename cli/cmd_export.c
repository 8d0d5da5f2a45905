/* alaqat export: the store's claims as JSON Lines or CSV, or its actor
 * network as GraphML or GEXF, on standard output. */
#include <string.h>
#include "cli.h"
#include "export/export.h"
#include "store_out.h"
#include "util/util.h"

const char cmd_export_usage[] =
  "usage: alaqat export --format jsonl|csv|graphml|gexf [--from DATE] [--to DATE] [--db PATH]\n"
  "\n"
  "Writes the stored claims to standard output:\n"
  "  jsonl    one claim per line (CLAIMS.md fields + trigger, rule, class,\n"
  "           doc_date, evidence)\n"
  "  csv      RFC 4180 with a header row, for pandas.read_csv / R\n"
  "  graphml  actors as nodes, one edge per claim, typed attributes (<key>)\n"
  "  gexf     GEXF 1.3, dynamic edges (start/end = the claim's time) for\n"
  "           Gephi's timeline\n"
  "A claim's time is its `when`, else its document's date. With --from/--to\n"
  "(YYYY, YYYY-MM or YYYY-MM-DD) only claims whose time overlaps the range\n"
  "are written (undated claims are left out).\n"
  "\n"
  "options:\n"
  "  --format F  output format (required)\n"
  "  --from D    earliest time\n"
  "  --to D      latest time\n"
  "  --db PATH   the store (default alaqat.db), or a postgresql:// URI\n"
  "\n"
  "exit status: 0 ok, 1 store or write error, 2 usage (also a bad date).\n";

int cmd_export(int argc, char **argv) {
  const char *db = "alaqat.db", *fmt = NULL, *from = NULL, *to = NULL;
  int json = 0;
  for (int i = 1; i < argc; i++) {
    int o = cli_store_opt(argc, argv, &i, &db, &json);
    if (o < 0) return ALQ_EXIT_USAGE;
    if (o && json) { cli_warn("export: use --format jsonl"); return ALQ_EXIT_USAGE; }
    if (o) continue;
    const char *a = argv[i];
    const char **dst = !strcmp(a, "--format") ? &fmt : !strcmp(a, "--from") ? &from : !strcmp(a, "--to") ? &to : NULL;
    if (!dst) { cli_warn("export: unexpected argument '%s'", a); return ALQ_EXIT_USAGE; }
    if (++i >= argc) { cli_warn("export: %s needs a value", a); return ALQ_EXIT_USAGE; }
    *dst = argv[i];
  }
  if (!fmt) { fputs(cmd_export_usage, stderr); return ALQ_EXIT_USAGE; }
  int f = alq_export_format_parse(fmt);
  if (f < 0) { cli_warn("export: unknown format '%s' (jsonl, csv, graphml, gexf)", fmt); return ALQ_EXIT_USAGE; }
  char lo[11], hi[11];
  if ((from && (alq_time_bounds(from, lo, hi) || strchr(from, '/'))) ||
      (to && (alq_time_bounds(to, lo, hi) || strchr(to, '/')))) {
    cli_warn("export: bad date '%s' (want YYYY-MM-DD, YYYY-MM or YYYY)", from && alq_time_bounds(from, lo, hi) ? from : to);
    return ALQ_EXIT_USAGE;
  }
  alq_store *s;
  if (cli_store_open_read(&s, db)) return ALQ_EXIT_SOMEFAIL;
  alq_error err = {0};
  int rc = alq_export(s, (alq_export_format)f, from, to, stdout, &err);
  if (!rc && fflush(stdout)) rc = alq_error_set(&err, ALQ_EIO, "", -1, "write error on standard output");
  if (rc) cli_warn("export: %s", err.msg);
  alq_store_close(s);
  return rc ? ALQ_EXIT_SOMEFAIL : ALQ_EXIT_OK;
}
