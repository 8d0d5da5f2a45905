/* Exports of the corpus store for other tools: claims as JSON Lines or CSV
 * (pandas, R), the actor network as GraphML (typed attributes) or GEXF 1.3
 * (dynamic edges for Gephi's timeline). XML goes through libxml2's writer. */
#ifndef ALQ_EXPORT_H
#define ALQ_EXPORT_H
#include <stdio.h>
#include "alaqat.h"
#include "store/store.h"

typedef enum alq_export_format {
  ALQ_EXPORT_JSONL, ALQ_EXPORT_CSV, ALQ_EXPORT_GRAPHML, ALQ_EXPORT_GEXF
} alq_export_format;

/* Parses a format name (jsonl, csv, graphml, gexf); -1 when unknown. */
int alq_export_format_parse(const char *name);

/* Writes every stored claim whose time (its `when`, else its document's
 * date) overlaps [from, to] to `out` in `format`; from/to are ISO times
 * (YYYY, YYYY-MM, YYYY-MM-DD) or NULL for no bound; with a bound, undated
 * claims are left out. In the graphs each claim is one edge between its two
 * actors, and every actor of an exported claim is a node. Returns 0,
 * ALQ_EINVAL for a bad bound, ALQ_EIO for a store or write failure. */
int alq_export(alq_store *s, alq_export_format format, const char *from, const char *to,
               FILE *out, alq_error *err);
#endif
