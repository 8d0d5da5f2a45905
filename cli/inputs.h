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
  /* During a callback for an HTML page or a non-UTF-8 text: the reader's
   * document, whose map turns the derived text's offsets into offsets of the
   * raw bytes (raw, rawlen); NULL for plain UTF-8 input. */
  const struct alq_read_doc *read;
  const char *raw;
  size_t rawlen;
} cli_inputs;

/* Reads `path` (a file, a directory, or "-" for stdin) and calls in->fn for
 * each document. Plain text files are one document (id = file name without
 * extension); *.jsonl files one per line (id, text, date, title fields);
 * *.html / *.htm files (or any input starting with <html) are HTML pages
 * whose main text is extracted; text in UTF-16 or Windows-1256 is decoded;
 * directories are walked recursively in sorted order, reading only *.txt,
 * *.jsonl, *.html and *.htm files. */
void cli_inputs_run(cli_inputs *in, const char *path);
#endif
