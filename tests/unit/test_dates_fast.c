/* The date pass's shortcut (src/extract/dates.c: the tokens that may start a
 * date read from a list made once, instead of each token's match) against
 * the same pass built without it (compiled here with ALQ_EXTRACT_NO_FAST,
 * its public names renamed): from the same analyzed and scanned document,
 * both must find the same dates, on the bundled news, the seeds, the dev2
 * articles, corpus articles, and texts made of the news's words shuffled
 * with numbers of every shape (numbers next to and inside phrases). */
#define _DEFAULT_SOURCE 1 /* (mkdtemp) */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>
#include "alaqat.h"
#include "extract/extract.h"
#include "util/util.h"

/* the reference: dates.c without its shortcut */
#define ALQ_EXTRACT_NO_FAST 1
#define x_find_dates ref_x_find_dates
#define x_resolve_dates ref_x_resolve_dates
#include "../../src/extract/dates.c"
#undef x_find_dates
#undef x_resolve_dates
int x_find_dates(struct alq_extractor *x);

#include "news_fixture.h"
#include "corpus_walk.h"

static alq_lexicon *lex;
static alq_extractor *ex;
static size_t ndocs, ndates_seen;

#include "date_cmp.h"   /* same_date */

/* alq_extract's steps before the date pass (src/extract/extract.c) */
static void before_dates(alq_extractor *x, const alq_doc *doc) { assert_int_equal(x_begin(x, doc), 0); }


static void check_doc_with(alq_extractor *xx, const char *id, const char *text, size_t len);
static void check_doc(const char *id, const char *text, size_t len) { check_doc_with(ex, id, text, len); }
static void check_dated(const char *id, const char *text, size_t len, const char *date) {
  (void)date;   /* (dates are found the same with or without a dateline) */
  check_doc(id, text, len);
}
static void check_doc_with(alq_extractor *xx, const char *id, const char *text, size_t len) {
  alq_doc d = {id, text, len, NULL, NULL};
  before_dates(xx, &d);
  struct alq_extractor snap = *xx;
  assert_int_equal(x_find_dates(xx), 0);
  size_t nf = xx->ndates;
  date_expr *fast = malloc((nf + 1) * sizeof *fast);
  assert_non_null(fast);
  if (nf) memcpy(fast, xx->dates, nf * sizeof *fast);
  snap.arena = xx->arena;   /* (it only grows until the next reset) */
  *xx = snap;
  assert_int_equal(ref_x_find_dates(xx), 0);
  if (nf != xx->ndates) fprintf(stderr, "%s: %zu dates, reference %zu\n", id, nf, xx->ndates);
  assert_int_equal(nf, xx->ndates);
  for (size_t i = 0; i < nf; i++) same_date(&fast[i], &xx->dates[i]);
  free(fast);
  ndocs++;
  ndates_seen += nf;
}

static uint32_t rng = 777;
static uint32_t next_rand(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

static void test_dates_same(void **state) {
  (void)state;
  walk_corpora(check_dated);
  /* the news's words (runs of 1-4 of them, so phrases and dates stay
     whole now and then) shuffled with numbers */
  load_news();
  /* (and lexicon phrases with a number inside: a number in a match of no
     date is stepped over with it) */
  static const char *const nums[] = {"3", "15", "31", "2014", "1436", "27/6/2015", "26-6-2015", "6/2015", "2.5", "٢٠١٥",
                                     "قوى 14 آذار", "وتحالف 8 آذار", "فريق 14 آذار 2005", "14 آذار"};
  alq_buf b = {0};
  for (int doc = 0; doc < 1500; doc++) {
    b.len = 0;
    for (int w = 0; w < 80; w++) {
      if (next_rand() % 4 == 0) {
        const char *nm = nums[next_rand() % (sizeof nums / sizeof *nums)];
        assert_int_equal(alq_buf_append(&b, nm, strlen(nm)), 0);
      } else {
        size_t p = next_rand() % news_len, run = 1 + next_rand() % 4;
        while (p > 0 && news[p - 1] != ' ' && news[p - 1] != '\n') p--;
        size_t q = p;
        for (size_t k = 0; k < run && q < news_len; k++) {
          while (q < news_len && news[q] != ' ' && news[q] != '\n') q++;
          if (k + 1 < run && q < news_len && news[q] == ' ') q++;
        }
        assert_int_equal(alq_buf_append(&b, news + p, q - p), 0);
      }
      const char *sep = next_rand() % 20 ? " " : ".\n";
      assert_int_equal(alq_buf_append(&b, sep, strlen(sep)), 0);
    }
    check_doc("generated", b.p, b.len);
  }
  alq_buf_free(&b);
  fprintf(stderr, "%zu documents, %zu dates compared\n", ndocs, ndates_seen);
  assert_true(ndocs >= 1500 && ndates_seen > 1000);
}

/* A number inside a phrase of no date (قوى 14 آذار) is stepped over with
 * its phrase; the lexicon has no such number that would make a date on its
 * own, so this runs with a copy of data/ where an actor has aliases that
 * hold a year and a numeric date. */
static void test_number_inside_phrase(void **state) {
  (void)state;
  char dir[] = "/tmp/alq_dates_fast_XXXXXX";
  assert_non_null(mkdtemp(dir));
  DIR *dd = opendir(ALQ_TEST_DATADIR);
  assert_non_null(dd);
  struct dirent *de;
  char from[1200], to[1200];
  while ((de = readdir(dd))) {
    if (!strstr(de->d_name, ".tsv")) continue;
    snprintf(from, sizeof from, "%s/%s", ALQ_TEST_DATADIR, de->d_name);
    snprintf(to, sizeof to, "%s/%s", dir, de->d_name);
    char *s;
    size_t n;
    alq_error err = {0};
    assert_int_equal(alq_read_file(from, &s, &n, 0, &err), 0);
    FILE *f = fopen(to, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    if (!strcmp(de->d_name, "actors-extra.tsv"))
      fputs("\nisis\tجبهة 2014 الكبرى|كتائب 27/6/2015 الحمراء\n", f);
    fclose(f);
    free(s);
  }
  closedir(dd);
  alq_lexicon *lex2;
  alq_extractor *ex2;
  alq_error err = {0};
  assert_int_equal(alq_lexicon_open(&lex2, dir, &err), 0);
  assert_int_equal(alq_extractor_new(&ex2, lex2), 0);
  static const char *const texts[] = {
      "قالت جبهة 2014 الكبرى في بيان إن كتائب 27/6/2015 الحمراء هاجمت مواقع في حلب يوم 3 آذار 2015.",
      "جبهة 2014 الكبرى 2014 و2015 وكتائب 27/6/2015 الحمراء 27/6/2015",
      "2014 جبهة 2014 الكبرى",
  };
  size_t before = ndates_seen;
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) check_doc_with(ex2, "inside", texts[i], strlen(texts[i]));
  assert_true(ndates_seen - before >= 5);
  alq_extractor_free(ex2);
  alq_lexicon_free(lex2);
  dd = opendir(dir);
  assert_non_null(dd);
  while ((de = readdir(dd))) {
    if (de->d_name[0] == '.') continue;
    snprintf(to, sizeof to, "%s/%s", dir, de->d_name);
    unlink(to);
  }
  closedir(dd);
  rmdir(dir);
}

/* date_fmt, the pass's snprintf (compiled in from dates.c above), writes
 * what snprintf writes for every format the pass uses, at the extremes of
 * int, with room and cut short. */
static void test_date_fmt(void **state) {
  (void)state;
  static const char *const f1[] = {"@wdp%d", "@wd%d", "%04d-01", "%04d-12", "@m%02d-1", "@day%+d", "@unit%d:+0", "%d",
                                   "%+d", "%02d", "%04d", "x%%d"};
  static const char *const f2[] = {"@dm%02d-%02d", "@my%02d%+d", "@m%02d%+d", "@ago%d:%d", "@unit%d:%+d"};
  static const int vals[] = {0, 1, -1, 5, -5, 9, 10, -10, 12, 31, 99, 100, -100, 999, 1000, -1000, 1436, 2015,
                             9999, 10000, -99999, 123456789, 2147483647, -2147483647 - 1};
  const size_t nv = sizeof vals / sizeof *vals;
  static const size_t caps[] = {32, 1, 2, 3, 5, 8};
  size_t checked = 0;
  for (size_t c = 0; c < sizeof caps / sizeof *caps; c++) {
    for (size_t f = 0; f < sizeof f1 / sizeof *f1; f++)
      for (size_t a = 0; a < nv; a++) {
        char want[64], got[64];
        memset(want, 'Z', sizeof want);
        memset(got, 'Z', sizeof got);
        int rw = snprintf(want, caps[c], f1[f], vals[a]);
        int rg = date_fmt(got, caps[c], f1[f], vals[a]);
        assert_int_equal(rg, rw);
        assert_memory_equal(got, want, sizeof want);
        checked++;
      }
    for (size_t f = 0; f < sizeof f2 / sizeof *f2; f++)
      for (size_t a = 0; a < nv; a++)
        for (size_t b = 0; b < nv; b++) {
          char want[64], got[64];
          memset(want, 'Z', sizeof want);
          memset(got, 'Z', sizeof got);
          int rw = snprintf(want, caps[c], f2[f], vals[a], vals[b]);
          int rg = date_fmt(got, caps[c], f2[f], vals[a], vals[b]);
          assert_int_equal(rg, rw);
          assert_memory_equal(got, want, sizeof want);
          checked++;
        }
  }
  fprintf(stderr, "%zu formatted strings compared\n", checked);
}

static int setup(void **state) {
  (void)state;
  alq_error err = {0};
  if (alq_lexicon_open(&lex, ALQ_TEST_DATADIR, &err)) return -1;
  return alq_extractor_new(&ex, lex);
}
static int teardown(void **state) {
  (void)state;
  alq_extractor_free(ex);
  alq_lexicon_free(lex);
  free(news);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dates_same),
      cmocka_unit_test(test_number_inside_phrase),
      cmocka_unit_test(test_date_fmt),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
