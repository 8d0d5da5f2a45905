/* Input walking shared by the commands that read documents (see inputs.c). */
#ifndef ALQ_CLI_INPUTS_H
#define ALQ_CLI_INPUTS_H
#include "alaqat.h"

/* Called for every document; `where` names it in messages (FILE,
 * FILE:LINE or FILE: record N). Returns nonzero if the document failed (the
 * batch goes on). */
typedef int (*cli_doc_fn)(const alq_doc *doc, const char *where, void *payload);

/* Optional: called instead of parsing for each non-blank JSON Lines record,
 * with its bytes s[0..n) (no newline), `where` (FILE:LINE) and the byte
 * offset of the line, so that the caller can parse it later (in a worker
 * thread) with cli_jsonl_parse. Returns nonzero if the record failed. */
typedef int (*cli_line_fn)(const char *s, size_t n, const char *where, long long off, void *payload);

/* One parsed JSON Lines record: doc borrows from the parsed tree, json
 * (jansson) or cjson (cJSON), whichever parsed it (release with
 * cli_jsonl_done). */
typedef struct cli_jsonl_rec {
  alq_doc doc;
  const char *url;
  void *json, *cjson;
  char numid[32];
} cli_jsonl_rec;

typedef struct cli_inputs {
  int jsonl;          /* read every input as JSON Lines */
  int quiet;          /* no per-input warnings */
  int failed;         /* set when any input failed */
  cli_doc_fn fn;
  cli_line_fn line_fn; /* NULL: records are parsed by the walker */
  void *payload;
  /* During a callback for an HTML page (also a WARC record's) or a
   * non-UTF-8 text: the reader's document, whose map turns the derived
   * text's offsets into offsets of the raw bytes (raw, rawlen: the page or
   * the record's HTTP body); NULL for plain UTF-8 input. */
  const struct alq_read_doc *read;
  const char *raw;
  size_t rawlen;
  /* JSON Lines field names (NULL: "id", "text", "title", "date", "url");
   * set by cli_inputs_option. */
  const char *id_field, *text_field, *title_field, *date_field, *url_field;
  /* During a callback: the document's URL (JSONL url field, a WARC
   * record's target, a page's og:url or canonical link), or NULL. */
  const char *url;
} cli_inputs;

/* Parses one JSON Lines record s[0..n) named `where` (FILE:LINE, also the
 * id of a record without one): 0 with *rec filled, or 1 with a message in
 * msg and the byte offset (relative to the line) in *msg_off, -1 when none. */
int cli_jsonl_parse(const cli_inputs *in, const char *s, size_t n, const char *where, cli_jsonl_rec *rec,
                    char *msg, size_t msgcap, long long *msg_off);
void cli_jsonl_done(cli_jsonl_rec *rec);

/* Help lines for the options cli_inputs_option understands. */
#define CLI_INPUTS_HELP \
  "  --id-field NAME, --text-field NAME, --title-field NAME,\n" \
  "  --date-field NAME, --url-field NAME\n" \
  "                  JSON Lines field names (defaults id, text, title,\n" \
  "                  date, url)\n"

/* Parses argv[*i] if it is an input option (--id-field NAME and the other
 * field names, or --id-field=NAME); advances *i past its value. Returns 1
 * when consumed, 0 when not an input option, -1 on a usage error (already
 * reported). Call it from both the option loop and the input loop. */
int cli_inputs_option(cli_inputs *in, int argc, char **argv, int *i);

/* Reads `path` and calls in->fn for each document:
 * - a plain text file is one document (id = file name without extension),
 *   decoded from UTF-16 or Windows-1256 when needed;
 * - *.jsonl (or any input with in->jsonl): one document per line, read as
 *   a stream;
 * - *.html / *.htm (or input starting with <html): the page's main text;
 * - a compressed file (.gz .bz2 .xz .zst, found by its first bytes): the
 *   file it holds, named without the compression suffix;
 * - a WARC file (plain or compressed): each response record holding HTML;
 * - a directory: walked recursively in sorted order, reading the names
 *   above (also compressed), symlink loops reported;
 * - "-": standard input; "@LIST": every path named in the file LIST, one
 *   per line. */
void cli_inputs_run(cli_inputs *in, const char *path);
#endif
