/* alaqat: git-style command dispatcher. The table below is the only place a
 * command is registered; help output is generated from it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "alaqat.h"
#include "cli.h"

static const alq_command commands[] = {
  {"extract", cmd_extract, "extract relation claims (or mentions) as JSON Lines", cmd_extract_usage},
  {"eval", cmd_eval, "score claims or mentions against a gold file", cmd_eval_usage},
  {"text", cmd_text, "print the clean main text of text files and HTML pages", cmd_text_usage},
  {"explain", cmd_explain, "why a claim was made: trigger, actors, rule", cmd_explain_usage},
  {"summary", cmd_summary, "digest a claims file: relations per actor pair", cmd_summary_usage},
  {"add", cmd_add, "extract inputs into the corpus store (SQLite)", cmd_add_usage},
  {"search", cmd_search, "full-text search of the stored documents", cmd_search_usage},
  {"timeline", cmd_timeline, "claims of an actor pair in time order (store)", cmd_timeline_usage},
  {"graph", cmd_graph, "the network of actors at a date (store)", cmd_graph_usage},
  {"contradictions", cmd_contradictions, "claims of a pair that disagree (store)", cmd_contradictions_usage},
  {"actors", cmd_actors, "actors mentioned in the store; --new for discovered ones", cmd_actors_usage},
  {"export", cmd_export, "store to JSONL, CSV, GraphML or GEXF", cmd_export_usage},
  {"serve", cmd_serve, "JSON API and web UI over the store (read-only HTTP)", cmd_serve_usage},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

void cli_warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("alaqat: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

static void usage(FILE *f) {
  fprintf(f, "usage: alaqat [--version] [--help] <command> [<args>]\n\ncommands:\n");
  for (size_t i = 0; i < NCOMMANDS; i++)
    fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\nalaqat help <command> shows a command's options.\n"
             "exit status: 0 ok, 1 some inputs failed, 2 usage error.\n");
}

static const alq_command *find(const char *name) {
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return &commands[i];
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 2) { usage(stderr); return ALQ_EXIT_USAGE; }
  const char *c = argv[1];
  if (!strcmp(c, "--help") || !strcmp(c, "-h")) { usage(stdout); return 0; }
  if (!strcmp(c, "--version") || !strcmp(c, "version")) { printf("alaqat %s\n", alq_version()); return 0; }
  if (!strcmp(c, "help")) {
    if (argc < 3) { usage(stdout); return 0; }
    const alq_command *cmd = find(argv[2]);
    if (!cmd) { cli_warn("unknown command '%s'", argv[2]); return ALQ_EXIT_USAGE; }
    fputs(cmd->usage, stdout);
    return 0;
  }
  const alq_command *cmd = find(c);
  if (!cmd) { cli_warn("unknown command '%s' (see alaqat --help)", c); return ALQ_EXIT_USAGE; }
  for (int i = 2; i < argc; i++)
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { fputs(cmd->usage, stdout); return 0; }
  return cmd->run(argc - 1, argv + 1);
}
