/* Unit tests of the matcher (src/lex): longest multi-word match, proclitics
 * stripped only when the rest is in the lexicon, split forms with a tatweel
 * or a quote, the article never stripped to reach a name, `*` stems, and the
 * lexicon loader's errors. Uses the project's data/ lexicons. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <pthread.h>
#include "alaqat.h"
#include "lex/lex.h"
#include "text/text.h"

static alq_lexicon *lex;

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

/* One scan result, flattened for assertions. */
typedef struct found {
  char text[256];   /* bytes of the match span */
  char actor[64];   /* actor id of its first ACTOR entry, "" if none */
  int place, rel;   /* has a PLACE entry; relation type of its REL entry */
  int cue;          /* cue class of its first CUE entry, -1 if none */
} found;

static int scan(const char *s, found *out, int max) {
  alq_arena a;
  alq_arena_init(&a, 1 << 16, 0);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)s, strlen(s), &t), 0);
  alq_match *m;
  long n = alq_lex_scan(lex, &t, 0, t.ntoks, &a, &m);
  assert_true(n >= 0);
  int k = 0;
  for (long i = 0; i < n && k < max; i++, k++) {
    found *f = &out[k];
    memset(f, 0, sizeof *f);
    f->cue = -1;
    snprintf(f->text, sizeof f->text, "%.*s", (int)(m[i].end - m[i].start), s + m[i].start);
    for (uint32_t e = 0; e < m[i].nents; e++) {
      const alq_lexent *le = &lex->ents[m[i].ents[e]];
      if (le->kind == ALQ_LK_ACTOR && !f->actor[0] && le->value >= 0)
        snprintf(f->actor, sizeof f->actor, "%s", lex->actors[le->value].id);
      if (le->kind == ALQ_LK_PLACE) f->place = 1;
      if (le->kind == ALQ_LK_REL && !f->rel) f->rel = le->cls;
      if (le->kind == ALQ_LK_CUE && f->cue < 0) f->cue = le->cls;
    }
  }
  alq_arena_free(&a);
  return k;
}

/* The actor found in s (its span text in *text), or "" */
static const char *actor_in(const char *s, char *text) {
  static found f[16];
  int n = scan(s, f, 16);
  for (int i = 0; i < n; i++)
    if (f[i].actor[0]) { if (text) strcpy(text, f[i].text); return f[i].actor; }
  return "";
}

static void test_longest_multiword(void **state) {
  (void)state;
  char span[256];
  /* the longer alias wins over the one it contains */
  assert_string_equal(actor_in("قاتل الجيش السوري الحر أمس", span), "fsa");
  assert_string_equal(span, "الجيش السوري الحر");
  assert_string_equal(actor_in("قاتل الجيش السوري أمس", span), "syrian-army");
  assert_string_equal(span, "الجيش السوري");
  assert_string_equal(actor_in("أعلن حزب الله اللبناني", span), "hezbollah");
  assert_string_equal(span, "حزب الله اللبناني");
  /* a head word before an ORG alias (heads.tsv) */
  assert_string_equal(actor_in("بيان تنظيم الدولة الإسلامية في العراق وبلاد الشام اليوم", span), "isis");
  assert_string_equal(span, "تنظيم الدولة الإسلامية في العراق وبلاد الشام");
}

static void test_proclitics(void **state) {
  (void)state;
  char span[256];
  assert_string_equal(actor_in("والنصرة", span), "nusra");
  assert_string_equal(span, "النصرة");          /* the clitic is outside the span */
  assert_string_equal(actor_in("فالقاعدة", span), "al-qaeda");
  assert_string_equal(span, "القاعدة");
  assert_string_equal(actor_in("وبداعش", span), "isis");
  assert_string_equal(span, "داعش");
  assert_string_equal(actor_in("لحزب الله", span), "hezbollah");
  assert_string_equal(span, "حزب الله");
  assert_string_equal(actor_in("وللجيش السوري", span), "syrian-army"); /* و + لل = ل + ال */
  assert_string_equal(actor_in("كداعش", span), "isis");
  /* no stripping when what remains is not in the lexicon */
  assert_string_equal(actor_in("وحدات", NULL), "");
}

static void test_split_forms(void **state) {
  (void)state;
  char span[256];
  assert_string_equal(actor_in("لـ\"داعش\"", span), "isis");
  assert_string_equal(span, "داعش");
  assert_string_equal(actor_in("بـ\"النصرة\"", span), "nusra");
  assert_string_equal(span, "النصرة");
  assert_string_equal(actor_in("و\"القاعدة\"", span), "al-qaeda");
  assert_string_equal(span, "القاعدة");
  assert_string_equal(actor_in("لـ«حزب الله»", span), "hezbollah");
  assert_string_equal(span, "حزب الله");
  /* quotes inside a name are transparent; the span is the quoted name */
  assert_string_equal(actor_in("تنظيم \"داعش\" الإرهابي", span), "isis");
  assert_string_equal(span, "داعش");
  /* tatweel and diacritics inside the name */
  assert_string_equal(actor_in("داعـــش", NULL), "isis");
  assert_string_equal(actor_in("حَمَاس", NULL), "hamas");
}

static void test_article_never_reaches_a_name(void **state) {
  (void)state;
  /* الحماس is "the enthusiasm", السورية "the Syrian (fem.)" */
  assert_string_equal(actor_in("استقبلوه بالحماس", NULL), "");
  assert_string_equal(actor_in("الحماس", NULL), "");
  assert_string_equal(actor_in("السورية", NULL), "");
  assert_string_equal(actor_in("وسورية", NULL), "syria");
  assert_string_equal(actor_in("لحماس", NULL), "hamas");
}

static void test_triggers_and_stems(void **state) {
  (void)state;
  found f[8];
  /* the article and clitics are stripped for common words (triggers) */
  int n = scan("والتعاون", f, 8);
  assert_int_equal(n, 1);
  assert_int_equal(f[0].rel, ALQ_REL_COOPERATION);
  n = scan("بالتحالف", f, 8);
  assert_int_equal(n, 1);
  assert_int_equal(f[0].rel, ALQ_REL_ALLIANCE);
  /* a stem (تحالف*) covers inflected forms */
  n = scan("يتحالفان", f, 8);
  assert_int_equal(n, 1);
  assert_int_equal(f[0].rel, ALQ_REL_ALLIANCE);
  n = scan("اشتباكات", f, 8);
  assert_int_equal(n, 1);
  assert_int_equal(f[0].rel, ALQ_REL_CONFLICT);
  /* cue words */
  n = scan("بينهما", f, 8);
  assert_int_equal(n, 1);
  assert_int_equal(f[0].cue, ALQ_CUE_PAIR_ANAPHOR);
}

static void test_ambiguous_flags(void **state) {
  (void)state;
  /* القاعدة is listed with a context rule; التحالف is not an actor alias by
     itself but carries the coalition rule and the alliance trigger */
  alq_arena a;
  alq_arena_init(&a, 1 << 16, 0);
  const char *s = "التحالف";
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)s, strlen(s), &t), 0);
  alq_match *m;
  long n = alq_lex_scan(lex, &t, 0, t.ntoks, &a, &m);
  assert_int_equal(n, 1);
  int coalition = 0, rel = 0;
  for (uint32_t e = 0; e < m[0].nents; e++) {
    const alq_lexent *le = &lex->ents[m[0].ents[e]];
    if (le->kind == ALQ_LK_ACTOR && (le->flags & ALQ_EF_COALITION)) coalition = 1;
    if (le->kind == ALQ_LK_REL && le->cls == ALQ_REL_ALLIANCE) rel = 1;
  }
  assert_true(coalition);
  assert_true(rel);
  alq_arena_free(&a);
}

static void test_places_and_months(void **state) {
  (void)state;
  found f[8];
  int n = scan("في ريف حلب", f, 8);
  int place = 0;
  for (int i = 0; i < n; i++) place |= f[i].place;
  assert_true(place);
}

/* Aliases sharing long prefixes, 50 stacked proclitics: linear, no crash. */
static void test_pathological(void **state) {
  (void)state;
  size_t n = 200000;
  char *s = malloc(n * 10 + 1);
  assert_non_null(s);
  size_t o = 0;
  for (size_t i = 0; i < n; i++) { memcpy(s + o, "الدولة ", 12); o += 12; if (o > n * 10 - 20) break; }
  s[o] = 0;
  found f[4];
  scan(s, f, 4);
  o = 0;
  for (int i = 0; i < 50; i++) { memcpy(s + o, "وب", 4); o += 4; }
  memcpy(s + o, "داعش", 8);
  s[o + 8] = 0;
  assert_string_equal(actor_in(s, NULL), "");
  free(s);
}

static void test_loader_errors(void **state) {
  (void)state;
  alq_lexicon *l2 = NULL;
  alq_error err = {0};
  assert_int_equal(alq_lexicon_open(&l2, "/nonexistent/dir", &err), ALQ_EIO);
  assert_null(l2);
  assert_non_null(strstr(err.file, "/nonexistent/dir"));
  /* a malformed relations.tsv: the error names the file and the line */
  char dir[] = "/tmp/alq_lex_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char cmd[1024];
  snprintf(cmd, sizeof cmd,
           "cp %s/*.tsv %s/ && printf '# c\\nتحالف\\tfriendship\\tn\\t-\\n' > %s/relations.tsv", ALQ_TEST_DATADIR,
           dir, dir);
  assert_int_equal(system(cmd), 0);
  assert_int_equal(alq_lexicon_open(&l2, dir, &err), ALQ_EFORMAT);
  assert_non_null(strstr(err.file, "relations.tsv"));
  assert_non_null(strstr(err.msg, "line 2"));
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  assert_int_equal(system(cmd), 0);
}

/* Lexicons opened by several threads at once (one extractor per thread, as
 * the Python binding does): each load reads its own files. */
static void *open_many(void *arg) {
  int *fails = arg;
  for (int k = 0; k < 8; k++) {
    alq_lexicon *l = NULL;
    alq_error err = {0};
    if (alq_lexicon_open(&l, ALQ_TEST_DATADIR, &err) != 0 || !l) (*fails)++;
    else if (alq_lex_actor_find(l, "isis") != alq_lex_actor_find(lex, "isis") || l->nents != lex->nents) (*fails)++;
    alq_lexicon_free(l);
  }
  return NULL;
}

static void test_concurrent_loads(void **state) {
  (void)state;
  pthread_t th[4];
  int fails[4] = {0};
  for (int i = 0; i < 4; i++) assert_int_equal(pthread_create(&th[i], NULL, open_many, &fails[i]), 0);
  for (int i = 0; i < 4; i++) assert_int_equal(pthread_join(th[i], NULL), 0);
  for (int i = 0; i < 4; i++) assert_int_equal(fails[i], 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_longest_multiword),
    cmocka_unit_test(test_proclitics),
    cmocka_unit_test(test_split_forms),
    cmocka_unit_test(test_article_never_reaches_a_name),
    cmocka_unit_test(test_triggers_and_stems),
    cmocka_unit_test(test_ambiguous_flags),
    cmocka_unit_test(test_places_and_months),
    cmocka_unit_test(test_pathological),
    cmocka_unit_test(test_loader_errors),
    cmocka_unit_test(test_concurrent_loads),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
