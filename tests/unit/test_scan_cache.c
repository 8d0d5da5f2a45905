/* The lexicon scan through the per-extractor cache (alq_lex_scan_c: cached
 * candidates, one-token matches copied from the cache, slots refilled in
 * the middle of a scan) must give exactly the matches of the plain scan
 * (alq_lex_scan, no cache), on the bundled news and on long generated texts
 * of their words with proclitics added (suffixes too in the last round:
 * many more forms than cache slots, some gone from it by the end).
 * Also each match's start against alq_text_norm_src (the scanner's shortcut
 * for proclitics written as they normalize), alq_lex_actor_find's hash
 * index against a linear search, and alq_lex_word_entries likewise. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "lex/lex.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/util.h"

static alq_lexicon *lex;
static uint32_t rng = 777;
static uint32_t next_rand(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

static int setup(void **state) {
  (void)state;
  alq_error err = {0};
  int rc = alq_lexicon_open(&lex, ALQ_TEST_DATADIR, &err);
  if (rc) fprintf(stderr, "%s: %s\n", err.file, err.msg);
  return rc;
}
static int teardown(void **state) {
  (void)state;
  alq_lexicon_free(lex);
  return 0;
}

static void same_matches(const alq_match *a, long na, const alq_match *b, long nb) {
  assert_int_equal(na, nb);
  for (long i = 0; i < na; i++) {
    assert_int_equal(a[i].tok_first, b[i].tok_first);
    assert_int_equal(a[i].tok_last, b[i].tok_last);
    assert_int_equal(a[i].start, b[i].start);
    assert_int_equal(a[i].end, b[i].end);
    assert_int_equal(a[i].strip, b[i].strip);
    assert_int_equal(a[i].flags, b[i].flags);
    assert_int_equal(a[i].kinds, b[i].kinds);
    assert_int_equal(a[i].rels, b[i].rels);
    assert_true(a[i].cues == b[i].cues);
    assert_int_equal(a[i].nents, b[i].nents);
    for (uint32_t k = 0; k < a[i].nents; k++) assert_int_equal(a[i].ents[k], b[i].ents[k]);
  }
}

/* Each match's start against the slow rule: the original bytes of its
 * first token's normalized byte `strip` (alq_text_norm_src), or the token
 * after a quote inside a name. */
static void starts_by_norm_src(const alq_text *t, const alq_match *m, long n) {
  for (long i = 0; i < n; i++) {
    const alq_token *tf = &t->toks[m[i].tok_first];
    uint32_t start = tf->start, e;
    if (m[i].strip && m[i].strip < tf->nlen)
      alq_text_norm_src(t, m[i].tok_first, tf->nstart + m[i].strip, &start, &e);
    for (uint32_t k = m[i].tok_first + 1; k < m[i].tok_last; k++)
      if (t->toks[k].kind == ALQ_TOK_QUOTE && (m[i].flags & ALQ_MT_NAME)) { start = t->toks[k + 1].start; break; }
    assert_int_equal(m[i].start, start);
  }
}

/* Matches come in token order and never overlap: a phrase's inner tokens
 * start no match of their own (the scan's second pass skips them; it walks
 * a list of the tokens with candidates), and at most one starts at a token. */
static void in_order_apart(const alq_match *m, long n) {
  for (long i = 0; i < n; i++) {
    assert_true(m[i].tok_first <= m[i].tok_last);
    if (i) assert_true(m[i].tok_first > m[i - 1].tok_last);
  }
}

/* Scans s without a cache and through c (twice: filling, then hitting). */
static long check_text(alq_lex_cache *c, const char *s, size_t len) {
  alq_arena a;
  alq_arena_init(&a, 1 << 20, 0);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)s, len, &t), 0);
  alq_match *ref, *m1, *m2;
  long nr = alq_lex_scan(lex, &t, 0, t.ntoks, &a, &ref);
  long n1 = alq_lex_scan_c(lex, c, &t, 0, t.ntoks, &a, &m1);
  long n2 = alq_lex_scan_c(lex, c, &t, 0, t.ntoks, &a, &m2);
  assert_true(nr >= 0);
  same_matches(ref, nr, m1, n1);
  same_matches(ref, nr, m2, n2);
  starts_by_norm_src(&t, ref, nr);
  in_order_apart(ref, nr);
  /* a window in the middle, as a caller may scan part of a text */
  if (t.ntoks > 10) {
    long w0 = alq_lex_scan(lex, &t, 3, t.ntoks - 5, &a, &ref);
    long w1 = alq_lex_scan_c(lex, c, &t, 3, t.ntoks - 5, &a, &m1);
    same_matches(ref, w0, m1, w1);
  }
  alq_arena_free(&a);
  return nr;
}

/* The bundled news (news_fixture.h), and words of it. */
#include "news_fixture.h"

static void test_news_same(void **state) {
  (void)state;
  load_news();
  alq_lex_cache *c = alq_lex_cache_new();
  assert_non_null(c);
  long n = check_text(c, news, news_len);
  assert_true(n > 100);
  alq_lex_cache_free(c);
}

static void test_generated_same(void **state) {
  (void)state;
  load_news();
  /* the words (space-separated runs) of the news */
  size_t nw = 0, capw = 1024;
  const char **w = malloc(capw * sizeof *w);
  size_t *wl = malloc(capw * sizeof *wl);
  assert_true(w && wl);
  for (size_t i = 0; i < news_len;) {
    while (i < news_len && (news[i] == ' ' || news[i] == '\n')) i++;
    size_t j = i;
    while (j < news_len && news[j] != ' ' && news[j] != '\n') j++;
    if (j > i) {
      if (nw == capw) {
        capw *= 2;
        w = realloc(w, capw * sizeof *w);
        wl = realloc(wl, capw * sizeof *wl);
        assert_true(w && wl);
      }
      w[nw] = news + i;
      wl[nw++] = j - i;
    }
    i = j;
  }
  static const char *pre[] = {"", "", "", "\xd9\x88", "\xd8\xa8", "\xd9\x84", "\xd9\x84\xd9\x84",
                              "\xd8\xa7\xd9\x84", "\xd9\x88\xd8\xa7\xd9\x84", "\xd9\x81", "\xd9\x83",
                              "\xd9\x88\xd9\x8e", "\xd8\xa8\xd9\x80", "\xd9\x88\xd9\x8e\xd8\xa7\xd9\x84",
                              "\xd9\x84\xd9\x84\xd9\x91", "\xd9\x88\xe2\x80\x8c", "\xd8\xa3\xd9\x84"};
  /* (suffixes: more forms, so that the last round has more than the slots) */
  static const char *suf[] = {"", "", "", "", "\xd9\x87\xd8\xa7", "\xd9\x87\xd9\x85", "\xd8\xa7\xd8\xaa",
                              "\xd9\x8a\xd9\x86", "\xd9\x8a\xd8\xa9", "\xd9\x86\xd8\xa7", "\xd9\x83\xd9\x85"};
  static const char *sep[] = {" ", " ", " ", " ", " ", "\n", " \"", "\" ", "\xd9\x80 ", ". ", "، "};
  alq_lex_cache *c = alq_lex_cache_new();
  assert_non_null(c);
  for (int round = 0; round < 6; round++) {
    alq_buf b = {0};
    size_t words = round < 5 ? 3000 : 60000; /* the last: more forms than slots */
    for (size_t k = 0; k < words; k++) {
      size_t i = next_rand() % nw;
      /* runs of consecutive words keep the phrases of the news */
      size_t run = 1 + next_rand() % 6;
      for (size_t r = 0; r < run && i + r < nw; r++) {
        const char *p = pre[next_rand() % (sizeof pre / sizeof *pre)];
        const char *s = sep[next_rand() % (sizeof sep / sizeof *sep)];
        const char *f = round == 5 ? suf[next_rand() % (sizeof suf / sizeof *suf)] : "";
        size_t pl = strlen(p), sl = strlen(s), fl = strlen(f);
        assert_int_equal(alq_buf_reserve(&b, pl + wl[i + r] + fl + sl), 0);
        memcpy(b.p + b.len, p, pl);
        b.len += pl;
        memcpy(b.p + b.len, w[i + r], wl[i + r]);
        b.len += wl[i + r];
        memcpy(b.p + b.len, f, fl);
        b.len += fl;
        memcpy(b.p + b.len, s, sl);
        b.len += sl;
      }
    }
    check_text(c, b.p, b.len);
    if (round == 5) {
      /* the words of this text that the cache no longer holds: slots were
         refilled while it was scanned (else the round tests too little) */
      alq_arena a;
      alq_arena_init(&a, 1 << 20, 0);
      alq_text t;
      assert_int_equal(alq_text_analyze(&a, (const uint8_t *)b.p, b.len, &t), 0);
      size_t nword = 0, gone = 0;
      for (size_t i = 0; i < t.ntoks; i++) {
        const alq_token *tk = &t.toks[i];
        if (tk->kind != ALQ_TOK_ARABIC) continue;
        nword++;
        gone += alq_lex_cache_find(c, t.norm + tk->nstart, tk->nlen) < 0;
      }
      assert_true(gone * 20 > nword);
      alq_arena_free(&a);
    }
    alq_buf_free(&b);
  }
  alq_lex_cache_free(c);
  free(w);
  free(wl);
}

/* The scan hashes each word a few tokens ahead (into a ring, to prefetch
 * its cache slots) and passes the hash on when it reaches the word: every word of a text with far fewer
 * forms than slots must then be filed under its own hash, so that
 * alq_lex_cache_find finds it after the scan; a hash of another token
 * would file it elsewhere (the results stay right, as the key is
 * compared, so test_news_same cannot see it). Forms with more candidates
 * than a slot holds, or too long, are not cached: at most a few. */
static void test_words_filed_by_own_hash(void **state) {
  (void)state;
  load_news();
  alq_arena a;
  alq_arena_init(&a, 1 << 20, 0);
  alq_text t;
  size_t len = news_len < 6000 ? news_len : 6000;
  while (len < news_len && ((unsigned char)news[len] & 0xC0) == 0x80) len++;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)news, len, &t), 0);
  alq_lex_cache *c = alq_lex_cache_new();
  assert_non_null(c);
  alq_match *m;
  assert_true(alq_lex_scan_c(lex, c, &t, 0, t.ntoks, &a, &m) >= 0);
  size_t words = 0, found = 0, adjacent = 0;
  for (size_t i = 0; i < t.ntoks; i++) {
    const alq_token *tk = &t.toks[i];
    if (tk->kind != ALQ_TOK_ARABIC && tk->kind != ALQ_TOK_LATIN && tk->kind != ALQ_TOK_NUMBER) continue;
    words++;
    if (alq_lex_cache_find(c, t.norm + tk->nstart, tk->nlen) >= 0) found++;
    if (i > 0 && t.toks[i - 1].kind == tk->kind) adjacent++;
  }
  assert_true(words > 300);
  assert_true(adjacent > words / 2); /* runs of words: the ring holds several at once */
  assert_true(found * 100 >= words * 97);
  alq_lex_cache_free(c);
  alq_arena_free(&a);
}

/* alq_lex_word_entries (the word table compares forms a word at a time)
 * against a linear search of the table with memcmp, for every word of the
 * lexicon copied to a buffer of its exact size (reads past it show under
 * ASan) and for copies with one byte changed at each position. */
typedef struct t_wslot { uint64_t h; uint32_t off, len, id; } t_wslot;
typedef struct t_eslot { uint64_t key; uint32_t child; } t_eslot;
static uint32_t ref_word_entries(const char *s, size_t n) {
  const t_wslot *ws = (const t_wslot *)lex->words;
  uint32_t id = UINT32_MAX;
  for (size_t i = 0; i < lex->wcap && id == UINT32_MAX; i++)
    if (ws[i].len == n && n && !memcmp(lex->strings + ws[i].off, s, n)) id = ws[i].id;
  if (id == UINT32_MAX) return 0;
  const t_eslot *es = (const t_eslot *)lex->edges;
  for (size_t i = 0; i < lex->ecap; i++)
    if (es[i].child && es[i].key == (uint64_t)id) return lex->node_ent_count[es[i].child];
  return 0;
}

static void test_word_lookup(void **state) {
  (void)state;
  const t_wslot *ws = (const t_wslot *)lex->words;
  size_t words = 0, found = 0;
  for (size_t i = 0; i < lex->wcap; i++) {
    if (!ws[i].len || ws[i].len > 64) continue;
    size_t n = ws[i].len;
    char *buf = malloc(n);
    assert_non_null(buf);
    memcpy(buf, lex->strings + ws[i].off, n);
    const alq_lexent *e;
    uint32_t k = alq_lex_word_entries(lex, buf, n, &e);
    assert_int_equal(k, ref_word_entries(buf, n));
    found += k > 0;
    if (words++ % 7 == 0) /* a share of them: the reference is a linear search */
      for (size_t j = 0; j < n; j++) {
        buf[j] ^= 0x01;
        assert_int_equal(alq_lex_word_entries(lex, buf, n, &e), ref_word_entries(buf, n));
        buf[j] ^= 0x01;
      }
    free(buf);
  }
  assert_true(words > 1000 && found > 100);
}

/* The edge filter of the scan (alq_lex_edge filtered, for nodes other than
 * the root) against the plain edge table: every edge from an inner node is
 * found, with its child, and random (node, word) pairs give what the table
 * gives. */
static void test_edge_filter(void **state) {
  (void)state;
  const t_eslot *es = (const t_eslot *)lex->edges;
  size_t inner = 0, found = 0;
  for (size_t i = 0; i < lex->ecap; i++) {
    if (!es[i].child || !(es[i].key >> 32)) continue;
    inner++;
    uint32_t node = (uint32_t)(es[i].key >> 32), word = (uint32_t)es[i].key;
    assert_int_equal(alq_lex_edge(lex, node, word, 1), es[i].child);
    assert_int_equal(alq_lex_edge(lex, node, word, 0), es[i].child);
  }
  assert_true(inner > 1000);
  uint32_t r = 99;
  for (int k = 0; k < 200000; k++) {
    r = r * 1103515245u + 12345u;
    uint32_t node = 1 + (r >> 8) % lex->nnodes;
    r = r * 1103515245u + 12345u;
    uint32_t word = 1 + (r >> 8) % (lex->nwords + 1);
    uint32_t want = alq_lex_edge(lex, node, word, 0);
    assert_int_equal(alq_lex_edge(lex, node, word, 1), want);
    found += want != 0;
  }
  (void)found;
}

/* alq_lex_word_entries_c (recent answers kept in the scan's cache) against
 * alq_lex_word_entries: every word of the lexicon, and copies with a byte
 * changed, asked three times over in a shuffled order (answers kept, then
 * pushed out by other forms of the same slot) through a cache bound to the
 * lexicon by a scan; also unbound and without a cache. */
static void test_word_lookup_cached(void **state) {
  (void)state;
  const t_wslot *ws = (const t_wslot *)lex->words;
  alq_lex_cache *c = alq_lex_cache_new();
  assert_non_null(c);
  const char *probe = "\xd9\x82\xd8\xa7\xd9\x84";
  const alq_lexent *e0 = NULL, *e1 = NULL;
  /* not bound to lex yet: the plain lookup */
  assert_int_equal(alq_lex_word_entries_c(lex, c, probe, 6, &e1), alq_lex_word_entries(lex, probe, 6, &e0));
  assert_int_equal(alq_lex_word_entries_c(lex, NULL, probe, 6, &e1), alq_lex_word_entries(lex, probe, 6, &e0));
  alq_arena a;
  alq_arena_init(&a, 1 << 16, 0);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)probe, 6, &t), 0);
  alq_match *m;
  assert_true(alq_lex_scan_c(lex, c, &t, 0, t.ntoks, &a, &m) >= 0);
  size_t asked = 0, found = 0;
  uint32_t r = 5;
  for (int round = 0; round < 3; round++)
    for (size_t k = 0; k < lex->wcap; k++) {
      r = r * 1103515245u + 12345u;
      size_t i = (k * 7 + (size_t)round * 1231 + (r >> 20)) % lex->wcap;
      if (!ws[i].len || ws[i].len > 40) continue;
      size_t n = ws[i].len;
      char *buf = malloc(n);
      assert_non_null(buf);
      memcpy(buf, lex->strings + ws[i].off, n);
      for (size_t j = 0; j <= n; j += (j % 3) + 1) {
        if (j < n) buf[j] ^= 0x01;
        const alq_lexent *pa = NULL, *pb = NULL;
        uint32_t na = alq_lex_word_entries_c(lex, c, buf, n, &pa);
        uint32_t nb = alq_lex_word_entries(lex, buf, n, &pb);
        assert_int_equal(na, nb);
        if (na) assert_ptr_equal(pa, pb);
        else assert_null(pa);
        found += na > 0;
        asked++;
        if (j < n) buf[j] ^= 0x01;
      }
      free(buf);
    }
  assert_true(asked > 10000 && found > 1000);
  alq_arena_free(&a);
  alq_lex_cache_free(c);
}

static void test_actor_find(void **state) {
  (void)state;
  assert_true(lex->nactors > 100);
  for (size_t i = 0; i < lex->nactors; i++) {
    int first = -1;
    for (size_t j = 0; j < lex->nactors && first < 0; j++)
      if (!strcmp(lex->actors[j].id, lex->actors[i].id)) first = (int)j;
    assert_int_equal(alq_lex_actor_find(lex, lex->actors[i].id), first);
    char buf[256];
    snprintf(buf, sizeof buf, "%s-x", lex->actors[i].id);
    int want = -1;
    for (size_t j = 0; j < lex->nactors && want < 0; j++)
      if (!strcmp(lex->actors[j].id, buf)) want = (int)j;
    assert_int_equal(alq_lex_actor_find(lex, buf), want);
  }
  assert_int_equal(alq_lex_actor_find(lex, ""), -1);
  assert_int_equal(alq_lex_actor_find(lex, "no-such-actor-anywhere"), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_actor_find),
    cmocka_unit_test(test_edge_filter),
    cmocka_unit_test(test_word_lookup_cached),
    cmocka_unit_test(test_word_lookup),
    cmocka_unit_test(test_news_same),
    cmocka_unit_test(test_words_filed_by_own_hash),
    cmocka_unit_test(test_generated_same),
  };
  int rc = cmocka_run_group_tests(tests, setup, teardown);
  free(news);
  return rc;
}
