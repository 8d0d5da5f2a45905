/* Arena allocator: one per document, reset between documents, so extraction
 * does no malloc per token. ALQ_DEBUG_ARENA turns every allocation into a
 * real malloc so AddressSanitizer sees inside it. */
#ifndef ALQ_ARENA_H
#define ALQ_ARENA_H
#include <stddef.h>

typedef struct alq_arena_block alq_arena_block;
typedef struct alq_arena {
  alq_arena_block *head;   /* current block (newest first) */
  size_t block_size;       /* default size of a new block */
  size_t used_total;       /* bytes handed out since the last reset */
  size_t limit;            /* hard maximum of used_total; 0 = none */
} alq_arena;

void alq_arena_init(alq_arena *a, size_t block_size, size_t limit);
/* Returns n bytes aligned to 16, or NULL when out of memory or over limit. */
void *alq_arena_alloc(alq_arena *a, size_t n);
/* Same, zeroed; n = count * size checked for overflow. */
void *alq_arena_calloc(alq_arena *a, size_t count, size_t size);
/* Copies s[0..n) and appends a NUL. */
char *alq_arena_strndup(alq_arena *a, const char *s, size_t n);
/* Frees everything but keeps the first block for reuse. */
void alq_arena_reset(alq_arena *a);
void alq_arena_free(alq_arena *a);
#endif
