/* Arena allocator (see arena.h). Blocks are chained; reset keeps one block so
 * a steady stream of similar documents allocates nothing after warm-up. */
#include "util/arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct alq_arena_block {
  alq_arena_block *next;
  size_t cap, used;
  _Alignas(16) unsigned char data[];
};

void alq_arena_init(alq_arena *a, size_t block_size, size_t limit) {
  a->head = NULL;
  a->block_size = block_size ? block_size : 65536;
  a->used_total = 0;
  a->limit = limit;
}

#ifdef ALQ_DEBUG_ARENA
/* Debug: each allocation is its own block. */
void *alq_arena_alloc(alq_arena *a, size_t n) {
  if (a->limit && (n > a->limit || a->used_total > a->limit - n)) return NULL;
  alq_arena_block *b = malloc(sizeof *b + (n ? n : 1));
  if (!b) return NULL;
  b->cap = n; b->used = n;
  b->next = a->head; a->head = b;
  a->used_total += n;
  return b->data;
}
void alq_arena_reset(alq_arena *a) { alq_arena_free(a); }
#else
void *alq_arena_alloc(alq_arena *a, size_t n) {
  size_t need = (n + 15) & ~(size_t)15;
  if (need < n) return NULL;
  if (a->limit && (need > a->limit || a->used_total > a->limit - need)) return NULL;
  alq_arena_block *b = a->head;
  if (!b || b->cap - b->used < need) {
    size_t cap = need > a->block_size ? need : a->block_size;
    alq_arena_block *nb = malloc(sizeof *nb + cap);
    if (!nb) return NULL;
    nb->cap = cap; nb->used = 0;
    nb->next = b; a->head = nb; b = nb;
  }
  void *p = b->data + b->used;
  b->used += need;
  a->used_total += need;
  return p;
}
void alq_arena_reset(alq_arena *a) {
  alq_arena_block *b = a->head, *keep = NULL;
  while (b) {
    alq_arena_block *next = b->next;
    /* keep the largest default-sized block, free the rest */
    if (!keep && b->cap == a->block_size) { keep = b; keep->used = 0; }
    else free(b);
    b = next;
  }
  if (keep) keep->next = NULL;
  a->head = keep;
  a->used_total = 0;
}
#endif

void *alq_arena_calloc(alq_arena *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  void *p = alq_arena_alloc(a, count * size);
  if (p) memset(p, 0, count * size);
  return p;
}

char *alq_arena_strndup(alq_arena *a, const char *s, size_t n) {
  char *p = alq_arena_alloc(a, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = 0;
  return p;
}

void alq_arena_free(alq_arena *a) {
  alq_arena_block *b = a->head;
  while (b) { alq_arena_block *n = b->next; free(b); b = n; }
  a->head = NULL;
  a->used_total = 0;
}
