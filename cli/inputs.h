/* Input walking shared by the commands that read documents (see inputs.c). */
#ifndef ALQ_CLI_INPUTS_H
#define ALQ_CLI_INPUTS_H
#include "alaqat.h"

/* Called for every document; `where` names it in messages (FILE or
 * FILE:LINE). Returns nonzero if the document failed (the batch goes on). */
typedef int (*cli_doc_fn)(const alq_doc *doc, const char *where, void *payload);

typedef struct cli_inputs {
  int jsonl;          /* read every input as JSON Lines */
  int quiet;          /* no per-input warnings */
  int failed;         /* set when any input failed */
  cli_doc_fn fn;
  void *payload;
} cli_inputs;

/* Reads `path` (a file, a directory, or "-" for stdin) and calls in->fn for
 * each document. Plain text files are one document (id = file name without
 * extension); *.jsonl files one per line (id, text, date, title fields);
 * directories are walked recursively in sorted order, reading only *.txt and
 * *.jsonl files. */
void cli_inputs_run(cli_inputs *in, const char *path);
#endif
