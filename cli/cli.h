/* The CLI's command table and shared helpers. Each command lives in
 * cli/cmd_<name>.c and returns an exit status: 0 ok, 1 some inputs failed,
 * 2 usage error. */
#ifndef ALQ_CLI_H
#define ALQ_CLI_H
#include <stdio.h>

enum { ALQ_EXIT_OK = 0, ALQ_EXIT_SOMEFAIL = 1, ALQ_EXIT_USAGE = 2 };

typedef struct alq_command {
  const char *name;
  int (*run)(int argc, char **argv);   /* argv[0] is the command name */
  const char *summary;                 /* one line for `alaqat --help` */
  const char *usage;                   /* full help text for `alaqat help CMD` */
} alq_command;

int cmd_extract(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_explain(int argc, char **argv);
extern const char cmd_explain_usage[];
int cmd_text(int argc, char **argv);
extern const char cmd_text_usage[];
extern const char cmd_summary_usage[];
extern const char cmd_extract_usage[];
extern const char cmd_eval_usage[];
/* corpus store commands (cmd_add.c, cmd_search.c, ...) */
int cmd_add(int argc, char **argv);
extern const char cmd_add_usage[];
int cmd_search(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_contradictions(int argc, char **argv);
int cmd_actors(int argc, char **argv);
extern const char cmd_search_usage[], cmd_timeline_usage[], cmd_graph_usage[],
    cmd_contradictions_usage[], cmd_actors_usage[];
int cmd_export(int argc, char **argv);
extern const char cmd_export_usage[];
int cmd_serve(int argc, char **argv);
extern const char cmd_serve_usage[];

/* Prints "alaqat: " + message to stderr. */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 1, 2)))
#endif
  ;
#endif
