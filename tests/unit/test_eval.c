/* Unit tests of src/eval/: span rule, `when` compatibility, source
 * normalization, maximum matching, a small made-up case with hand-computed
 * figures (claims and mentions), malformed lines, and gold scored against itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "eval/eval.h"

#define DATA ALQ_TEST_SRCDIR "/tests/data/eval/"
#define EPS 1e-9
#define NOMATCH ((size_t)-1)

static void load_ok(alq_eval_set *s, const char *path, alq_eval_kind expect) {
  alq_error err;
  memset(s, 0, sizeof *s);
  memset(&err, 0, sizeof err);
  int rc = alq_eval_load_file(s, path, expect, &err);
  if (rc) fprintf(stderr, "%s: %s\n", path, err.msg);
  assert_int_equal(rc, 0);
  for (size_t i = 0; i < s->nissues; i++)
    fprintf(stderr, "%s:%ld: %s\n", path, s->issues[i].line, s->issues[i].msg);
  assert_int_equal(s->nissues, 0);
}

static void assert_prf(const alq_eval_prf *r, size_t tp, size_t fp, size_t fn, double p,
                       double rc, double f1) {
  assert_int_equal(r->tp, tp);
  assert_int_equal(r->fp, fp);
  assert_int_equal(r->fn, fn);
  assert_float_equal(r->p, p, 1e-6);
  assert_float_equal(r->r, rc, 1e-6);
  assert_float_equal(r->f1, f1, 1e-6);
}

/* ---- building blocks ---------------------------------------------------- */

static void test_spans_match(void **state) {
  (void)state;
  /* longer span 100: a quarter is 25 bytes */
  assert_false(alq_eval_spans_match(400, 500, 476, 576));  /* overlap 24 */
  assert_true(alq_eval_spans_match(600, 700, 675, 775));   /* overlap 25 */
  assert_true(alq_eval_spans_match(600, 700, 674, 774));   /* overlap 26 */
  /* the quarter is of the LONGER span: 100 of 401 is below, 100 of 400 is not */
  assert_false(alq_eval_spans_match(800, 900, 800, 1201));
  assert_true(alq_eval_spans_match(800, 900, 800, 1200));
  /* a clause inside the gold sentence still matches */
  assert_true(alq_eval_spans_match(0, 100, 30, 60));
  /* touching spans do not overlap */
  assert_false(alq_eval_spans_match(0, 4, 4, 8));
  assert_true(alq_eval_spans_match(0, 1, 0, 1));
}

static void test_when_compatible(void **state) {
  (void)state;
  assert_true(alq_eval_when_compatible(NULL, NULL));
  assert_false(alq_eval_when_compatible(NULL, "2015"));
  assert_false(alq_eval_when_compatible("2015", NULL));
  assert_true(alq_eval_when_compatible("2015-06", "2015-06"));
  assert_true(alq_eval_when_compatible("2015-06", "2015-06-27"));
  assert_true(alq_eval_when_compatible("2015-06-27", "2015-06"));
  assert_true(alq_eval_when_compatible("2015", "2015-06-27"));
  assert_false(alq_eval_when_compatible("2015-06", "2015-07-01"));
  assert_false(alq_eval_when_compatible("2015-06-26", "2015-06-27"));
  /* intervals: bounds at their own grains */
  assert_true(alq_eval_when_compatible("2013-12/2014-01", "2014-01-15"));
  assert_true(alq_eval_when_compatible("2013-12/2014-01", "2013-12"));
  assert_true(alq_eval_when_compatible("2013-12/2014-01", "2013-12-31/2014-01-31"));
  assert_true(alq_eval_when_compatible("2014-09-24", "2014-09-24/2014-09-26"));
  assert_true(alq_eval_when_compatible("2014", "2014-09-24/2014-09-26"));
  assert_false(alq_eval_when_compatible("2013-12/2014-01", "2014"));
  assert_false(alq_eval_when_compatible("2013-12/2014-01", "2014-02-01"));
  assert_true(alq_eval_when_compatible("2015-02", "2015-02-28"));
  assert_false(alq_eval_when_compatible("2015-02", "2015-02-29")); /* not a date */
  /* unparsable values are compatible only when equal */
  assert_true(alq_eval_when_compatible("soon", "soon"));
  assert_false(alq_eval_when_compatible("soon", "2015"));
  assert_false(alq_eval_when_compatible("2015-13", "2015"));
}

static void test_source_equal(void **state) {
  (void)state;
  alq_arena a;
  alq_arena_init(&a, 4096, 0);
  assert_int_equal(alq_eval_source_equal(&a, NULL, NULL), 1);
  assert_int_equal(alq_eval_source_equal(&a, NULL, "x"), 0);
  assert_int_equal(alq_eval_source_equal(&a, "x", NULL), 0);
  /* quotes, diacritics, doubled spaces and hamza forms do not count */
  assert_int_equal(alq_eval_source_equal(&a, "خبراء أمريكيون", "\"خُبَراء  امريكيون\""), 1);
  assert_int_equal(alq_eval_source_equal(&a, "مصادر \"العربي الجديد\"", "مصادر العربي الجديد"), 1);
  assert_int_equal(alq_eval_source_equal(&a, "المصادر المقربة من تنظيم «داعش»",
                                         " المصادر المقربة من تنظيم داعش. "), 1);
  assert_int_equal(alq_eval_source_equal(&a, "صحيفة ديلي بيست", "ديلي بيست"), 0);
  assert_int_equal(alq_eval_source_equal(&a, "جيمس كلابر", "جيمس كلابر"), 1);
  alq_arena_free(&a);
}

/* ---- matching ------------------------------------------------------------ */

static void test_match_greedy_trap(void **state) {
  (void)state;
  /* pred 0 fits gold 0 and gold 1; pred 1 fits only gold 0. Greedy (pred 0
   * takes gold 0) finds 1 pair; the maximum is 2 (p0-g1, p1-g0). */
  alq_eval_edge e[3] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  size_t m[2];
  for (int weighted = 0; weighted <= 1; weighted++) {
    assert_int_equal(alq_eval_match(2, 2, e, 3, weighted, m), 2);
    assert_int_equal(m[0], 1);
    assert_int_equal(m[1], 0);
  }
  /* among maximum matchings the heavier one wins: g0-p0 (w 5) and g1-p1
   * (w 5) against g0-p1 (w 1) and g1-p0 (w 1) */
  alq_eval_edge f[4] = {{0, 1, 1}, {1, 0, 1}, {0, 0, 5}, {1, 1, 5}};
  assert_int_equal(alq_eval_match(2, 2, f, 4, 1, m), 2);
  assert_int_equal(m[0], 0);
  assert_int_equal(m[1], 1);
  /* but weight never beats cardinality: g0-p0 (w 100) alone < two light pairs */
  alq_eval_edge h[3] = {{0, 0, 100}, {0, 1, 0}, {1, 0, 0}};
  assert_int_equal(alq_eval_match(2, 2, h, 3, 1, m), 2);
  assert_int_equal(m[0], 1);
  assert_int_equal(m[1], 0);
  /* no edges */
  assert_int_equal(alq_eval_match(2, 2, NULL, 0, 1, m), 0);
  assert_int_equal(m[0], NOMATCH);
}

/* brute force: best (count, weight) lexicographically */
static void brute(int g, int ng, int np, long w[8][8], unsigned used, int cnt, long wt,
                  int *best_c, long *best_w) {
  if (g == ng) {
    if (cnt > *best_c || (cnt == *best_c && wt > *best_w)) { *best_c = cnt; *best_w = wt; }
    return;
  }
  brute(g + 1, ng, np, w, used, cnt, wt, best_c, best_w);
  for (int p = 0; p < np; p++)
    if (w[g][p] >= 0 && !(used & (1u << p)))
      brute(g + 1, ng, np, w, used | (1u << p), cnt + 1, wt + w[g][p], best_c, best_w);
}

static void test_match_random(void **state) {
  (void)state;
  uint32_t seed = 12345;
#define RND() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
  for (int round = 0; round < 400; round++) {
    int ng = (int)(RND() % 8), np = (int)(RND() % 8);
    long w[8][8];
    alq_eval_edge e[64];
    size_t ne = 0;
    for (int g = 0; g < ng; g++)
      for (int p = 0; p < np; p++) {
        w[g][p] = -1;
        if (RND() % 100 < 35) {
          w[g][p] = (long)(RND() % 4);
          e[ne].g = (size_t)g; e[ne].p = (size_t)p; e[ne].w = w[g][p];
          ne++;
        }
      }
    int bc = 0;
    long bw = 0;
    brute(0, ng, np, w, 0, 0, 0, &bc, &bw);
    for (int weighted = 0; weighted <= 1; weighted++) {
      size_t m[8];
      size_t n = alq_eval_match((size_t)ng, (size_t)np, e, ne, weighted, m);
      assert_int_equal(n, (size_t)bc);
      unsigned used = 0;
      long wt = 0;
      size_t cnt = 0;
      for (int g = 0; g < ng; g++) {
        if (m[g] == NOMATCH) continue;
        assert_true(m[g] < (size_t)np);
        assert_true(w[g][m[g]] >= 0);          /* a real edge */
        assert_false(used & (1u << m[g]));     /* each prediction once */
        used |= 1u << m[g];
        wt += w[g][m[g]];
        cnt++;
      }
      assert_int_equal(cnt, n);
      if (weighted) assert_int_equal(wt, bw);
    }
  }
#undef RND
}

/* ---- the made-up case ------------------------------------------------------
 * tests/data/eval/made_up.{gold,pred}.claims.jsonl. Gold G1..G9, predictions
 * P1..P10 (file order). Symmetric pairs written a < b.
 *
 *  G1 d1 [100,200) isis-nusra cooperation aff asserted  src null  author  when null
 *  G2 d1 [200,300) isis-nusra cooperation aff asserted  "خبراء أمريكيون" anonymous 2015-06
 *  G3 d1 [300,400) isis->nusra support                  null author null
 *  G4 d1 [400,500) al-qaeda-isis rivalry
 *  G5 d1 [600,700) al-qaeda-isis rivalry                "صحيفة ديلي بيست" outlet 2014
 *  G6 d1 [800,900) isis-nusra conflict
 *  G7 d1 [1300,1400) isis-nusra alliance aff POSSIBLE   null author 2013-12/2014-01
 *  G8 d1 [1400,1500) al-qaeda-isis conflict aff asserted
 *  G9 d2 [0,100) nusra->isis support                    "جيمس كلابر" official null
 *
 *  P1 d1 [150,250) isis-nusra cooperation  overlaps G1 by 50 and G2 by 50: can
 *        match either; "\"خُبَراء  امريكيون\"" anonymous 2015-06-27
 *  P2 d1 [100,200) isis-nusra cooperation  matches G1 only; null author null.
 *        Greedy in file order gives P1-G1 and leaves P2 alone; the maximum is
 *        P1-G2 + P2-G1.
 *  P3 d1 [300,400) nusra->isis support     directed order reversed: no pair
 *  P4 d1 [476,576) rivalry                 overlap with G4 = 24 < 25: no pair
 *  P5 d1 [675,775) rivalry                 overlap with G5 = 25 = 100/4: pair;
 *        "ديلي بيست" outlet 2013-12/2014-01
 *  P6 d1 [800,1201) conflict               overlap with G6 = 100, longer span
 *        401, 400 < 401: no pair
 *  P7 d1 [1300,1400) nusra-isis cooperation possible: type differs within the
 *        cooperative class -> lenient only; "مصادر سورية" anonymous 2014-01-15
 *  P8 d1 [1400,1500) al-qaeda-isis conflict NEGATED: polarity-only mismatch
 *  P9 d2 [0,100) isis-nusra cooperation    vs G9 support nusra->isis: only one
 *        side directed -> unordered actors -> lenient only; "جيمس كلابر"
 *        official 2015
 *  P10 d2 [100,200) cooperation            no gold there
 *
 * strict pairs: P2-G1, P1-G2, P5-G5 -> tp 3, fp 10-3 = 7, fn 9-3 = 6;
 *   P = 3/10 = 0.3, R = 3/9 = 0.333333, F1 = 2*3/(9+10) = 6/19 = 0.315789
 * lenient pairs: those + P7-G7, P9-G9 -> tp 5, fp 5, fn 4;
 *   P = 0.5, R = 5/9 = 0.555556, F1 = 10/19 = 0.526316
 * per type (strict):
 *   alliance       gold 1 pred 0 tp 0 fp 0 fn 1  P 0   R 0   F1 0
 *   cooperation    gold 2 pred 5 tp 2 fp 3 fn 0  P 0.4 R 1   F1 0.8/1.4 = 4/7 = 0.571429
 *   support        gold 2 pred 1 tp 0 fp 1 fn 2  P 0   R 0   F1 0
 *   conflict       gold 2 pred 2 tp 0 fp 2 fn 2  P 0   R 0   F1 0
 *   rivalry        gold 2 pred 2 tp 1 fp 1 fn 1  P 0.5 R 0.5 F1 0.5
 *   (merger, reconciliation, split, affiliation: absent)
 * attributes over the 5 lenient pairs (G1, G2, G5, G7, G9):
 *   source       G1 null=null ok, G2 ok after normalization, G5 no, G7 null vs
 *                string no, G9 ok                     -> 3/5 = 0.6
 *   source_kind  G1 ok, G2 ok, G5 ok, G7 author/anonymous no, G9 ok -> 4/5 = 0.8
 *   when exact   G1 null=null ok, others differ      -> 1/5 = 0.2
 *   when compat  G1 ok, G2 2015-06 > 2015-06-27 ok, G5 2014 vs 2013-12/2014-01
 *                no, G7 interval > 2014-01-15 ok, G9 null vs 2015 no -> 3/5 = 0.6
 * polarity over the 6 pairs matched on doc, span, actors and class (the 5
 *   lenient pairs + P8-G8): 5 equal -> 5/6 = 0.833333 */
static void test_claims_made_up(void **state) {
  (void)state;
  alq_eval_set g, p;
  load_ok(&g, DATA "made_up.gold.claims.jsonl", ALQ_EVAL_NONE);
  load_ok(&p, DATA "made_up.pred.claims.jsonl", g.kind);
  assert_int_equal(g.kind, ALQ_EVAL_CLAIMS);
  assert_int_equal(g.n, 9);
  assert_int_equal(p.n, 10);
  alq_eval_result r;
  assert_int_equal(alq_eval_score(&g, &p, &r), 0);
  assert_int_equal(r.kind, ALQ_EVAL_CLAIMS);
  assert_int_equal(r.gold, 9);
  assert_int_equal(r.pred, 10);
  assert_prf(&r.strict, 3, 7, 6, 0.3, 1.0 / 3, 6.0 / 19);
  assert_prf(&r.lenient, 5, 5, 4, 0.5, 5.0 / 9, 10.0 / 19);

  const alq_eval_prf *t = r.per_type;
  int al = alq_eval_claim_type("alliance"), co = alq_eval_claim_type("cooperation"),
      su = alq_eval_claim_type("support"), cf = alq_eval_claim_type("conflict"),
      ri = alq_eval_claim_type("rivalry");
  assert_int_equal(t[al].gold, 1); assert_int_equal(t[al].pred, 0);
  assert_prf(&t[al], 0, 0, 1, 0, 0, 0);
  assert_int_equal(t[co].gold, 2); assert_int_equal(t[co].pred, 5);
  assert_prf(&t[co], 2, 3, 0, 0.4, 1.0, 4.0 / 7);
  assert_int_equal(t[su].gold, 2); assert_int_equal(t[su].pred, 1);
  assert_prf(&t[su], 0, 1, 2, 0, 0, 0);
  assert_int_equal(t[cf].gold, 2); assert_int_equal(t[cf].pred, 2);
  assert_prf(&t[cf], 0, 2, 2, 0, 0, 0);
  assert_int_equal(t[ri].gold, 2); assert_int_equal(t[ri].pred, 2);
  assert_prf(&t[ri], 1, 1, 1, 0.5, 0.5, 0.5);
  assert_int_equal(t[alq_eval_claim_type("merger")].gold + t[alq_eval_claim_type("merger")].pred, 0);
  assert_int_equal(t[alq_eval_claim_type("split")].gold + t[alq_eval_claim_type("split")].pred, 0);

  assert_int_equal(r.pairs, 5);
  assert_int_equal(r.source.n, 5);      assert_int_equal(r.source.ok, 3);
  assert_int_equal(r.source_kind.n, 5); assert_int_equal(r.source_kind.ok, 4);
  assert_int_equal(r.when.n, 5);        assert_int_equal(r.when.ok, 1);
  assert_int_equal(r.when_compatible.n, 5); assert_int_equal(r.when_compatible.ok, 3);
  assert_int_equal(r.polarity.n, 6);    assert_int_equal(r.polarity.ok, 5);

  /* the JSON form carries the same figures */
  json_t *o = alq_eval_to_json(&r);
  assert_non_null(o);
  assert_string_equal(json_string_value(json_object_get(o, "kind")), "claims");
  assert_float_equal(json_real_value(json_object_get(json_object_get(o, "strict"), "f1")), 6.0 / 19, EPS);
  assert_float_equal(json_real_value(json_object_get(json_object_get(o, "lenient"), "r")), 5.0 / 9, EPS);
  json_t *pt = json_object_get(o, "per_type");
  assert_int_equal(json_object_size(pt), 5);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(pt, "cooperation"), "pred")), 5);
  assert_null(json_object_get(pt, "merger"));
  json_t *at = json_object_get(o, "attributes");
  assert_int_equal(json_integer_value(json_object_get(at, "pairs")), 5);
  assert_float_equal(json_real_value(json_object_get(at, "source")), 0.6, EPS);
  assert_float_equal(json_real_value(json_object_get(at, "source_kind")), 0.8, EPS);
  assert_float_equal(json_real_value(json_object_get(at, "when")), 0.2, EPS);
  assert_float_equal(json_real_value(json_object_get(at, "when_compatible")), 0.6, EPS);
  assert_float_equal(json_real_value(json_object_get(at, "polarity")), 5.0 / 6, EPS);
  json_decref(o);

  /* the text table prints */
  FILE *f = tmpfile();
  assert_non_null(f);
  assert_int_equal(alq_eval_write_text(f, &r), 0);
  assert_true(ftell(f) > 0);
  fclose(f);
  alq_eval_set_free(&g);
  alq_eval_set_free(&p);
}

/* Mentions, tests/data/eval/made_up.{gold,pred}.mentions.jsonl (doc m1):
 *  gold M1 [0,10) ORG isis; M2 [20,30) PLACE syria; M3 [40,50) DATE null;
 *       M4 [60,70) ORG nusra
 *  pred Q1 [0,10) ORG nusra      -> pairs with M1 (id wrong)
 *       Q2 [20,30) STATE syria   -> type differs from M2: no pair
 *       Q3 [42,50) DATE null     -> overlap 8 >= 10/4: pairs with M3 (id null = null)
 *       Q4 [67,80) ORG al-qaeda  -> overlap 3 with M4, longer 13, 12 < 13: no pair
 *       Q5 [100,110) ORG new:x   -> nothing there
 *  overall tp 2, fp 3, fn 2; P = 2/5 = 0.4, R = 2/4 = 0.5, F1 = 4/9 = 0.444444
 *  per type: ORG   gold 2 pred 3 tp 1 fp 2 fn 1  P 1/3 R 0.5 F1 2/5 = 0.4
 *            PLACE gold 1 pred 0 tp 0 fp 0 fn 1  P 0 R 0 F1 0
 *            STATE gold 0 pred 1 tp 0 fp 1 fn 0  P 0 R 0 F1 0
 *            DATE  gold 1 pred 1 tp 1 fp 0 fn 0  P 1 R 1 F1 1
 *  id accuracy 1/2 = 0.5 */
static void test_mentions_made_up(void **state) {
  (void)state;
  alq_eval_set g, p;
  load_ok(&g, DATA "made_up.gold.mentions.jsonl", ALQ_EVAL_NONE);
  load_ok(&p, DATA "made_up.pred.mentions.jsonl", g.kind);
  assert_int_equal(g.kind, ALQ_EVAL_MENTIONS);
  alq_eval_result r;
  assert_int_equal(alq_eval_score(&g, &p, &r), 0);
  assert_int_equal(r.kind, ALQ_EVAL_MENTIONS);
  assert_prf(&r.strict, 2, 3, 2, 0.4, 0.5, 4.0 / 9);
  const alq_eval_prf *t = r.per_type;
  assert_prf(&t[alq_eval_mention_type("ORG")], 1, 2, 1, 1.0 / 3, 0.5, 0.4);
  assert_prf(&t[alq_eval_mention_type("PLACE")], 0, 0, 1, 0, 0, 0);
  assert_prf(&t[alq_eval_mention_type("STATE")], 0, 1, 0, 0, 0, 0);
  assert_prf(&t[alq_eval_mention_type("DATE")], 1, 0, 0, 1, 1, 1);
  assert_int_equal(r.id.n, 2);
  assert_int_equal(r.id.ok, 1);
  json_t *o = alq_eval_to_json(&r);
  assert_non_null(o);
  assert_string_equal(json_string_value(json_object_get(o, "kind")), "mentions");
  assert_float_equal(json_real_value(json_object_get(o, "id_accuracy")), 0.5, EPS);
  assert_float_equal(json_real_value(json_object_get(json_object_get(o, "overall"), "f1")), 4.0 / 9, EPS);
  assert_int_equal(json_object_size(json_object_get(o, "per_type")), 4);
  json_decref(o);
  alq_eval_set_free(&g);
  alq_eval_set_free(&p);
}

/* A gold's own new: ids matched with alaqat's through the names in its table. */
static void test_align_new_ids(void **state) {
  (void)state;
  const char gold[] =
    "{\"doc\":\"d\",\"span\":[0,10],\"text\":\"السويد\",\"id\":\"new:sweden\",\"type\":\"STATE\"}\n"
    "{\"doc\":\"d\",\"span\":[20,40],\"text\":\"عادل الجبير\",\"id\":\"new:adel-al-jubeir\",\"type\":\"PERSON\"}\n";
  /* alaqat's ids: the normalized words (hamza and the article kept as
     written, إ -> ا) */
  const char pred[] =
    "{\"doc\":\"d\",\"span\":[0,10],\"text\":\"السويد\",\"id\":\"new:السويد\",\"type\":\"STATE\"}\n"
    "{\"doc\":\"d\",\"span\":[28,40],\"text\":\"الجبير\",\"id\":\"new:الجبير\",\"type\":\"PERSON\"}\n";
  const char tsv[] =
    "# comment\nid\ttype\tenglish\tarabic\n"
    "new:sweden\tSTATE\tSweden\tالسويد\n"
    "new:adel-al-jubeir\tPERSON\tAdel al-Jubeir\tعادل الجبير|الجبير\n";
  alq_eval_set g, p;
  memset(&g, 0, sizeof g);
  memset(&p, 0, sizeof p);
  assert_int_equal(alq_eval_load_buf(&g, gold, sizeof gold - 1, ALQ_EVAL_NONE), 0);
  assert_int_equal(alq_eval_load_buf(&p, pred, sizeof pred - 1, g.kind), 0);
  alq_eval_result r;
  assert_int_equal(alq_eval_score(&g, &p, &r), 0);
  assert_int_equal(r.id.n, 2);
  assert_int_equal(r.id.ok, 0);
  assert_int_equal(alq_eval_align_new_ids(&p, tsv, sizeof tsv - 1), 2);
  assert_string_equal(p.recs[0].id, "new:sweden");
  assert_string_equal(p.recs[1].id, "new:adel-al-jubeir");
  assert_int_equal(alq_eval_score(&g, &p, &r), 0);
  assert_int_equal(r.id.ok, 2);
  alq_eval_set_free(&g);
  alq_eval_set_free(&p);
}

/* ---- malformed input ------------------------------------------------------ */

static void test_malformed(void **state) {
  (void)state;
  /* malformed.claims.jsonl: line 1 ok; 2 truncated JSON (line starts at byte
   * 187, 106 bytes); 3 blank; 4 span [200,100] (byte 295); 5 unknown type
   * (427); 6 a mention line (558); 7 not an object (621); 8 ok. */
  alq_eval_set s;
  alq_error err;
  memset(&s, 0, sizeof s);
  assert_int_equal(alq_eval_load_file(&s, DATA "malformed.claims.jsonl", ALQ_EVAL_NONE, &err), 0);
  assert_int_equal(s.kind, ALQ_EVAL_CLAIMS);
  assert_int_equal(s.n, 2);
  assert_int_equal(s.recs[0].line, 1);
  assert_int_equal(s.recs[1].line, 8);
  assert_int_equal(s.nissues, 5);
  static const long lines[5] = {2, 4, 5, 6, 7};
  static const long long offs[5] = {-1, 295, 427, 558, 621};
  for (int i = 0; i < 5; i++) {
    assert_int_equal(s.issues[i].line, lines[i]);
    if (offs[i] >= 0) assert_int_equal(s.issues[i].offset, offs[i]);
  }
  /* the JSON error points inside line 2 */
  assert_true(s.issues[0].offset > 187 && s.issues[0].offset <= 187 + 106);
  assert_non_null(strstr(s.issues[0].msg, "invalid JSON"));
  assert_non_null(strstr(s.issues[1].msg, "span"));
  assert_non_null(strstr(s.issues[2].msg, "type"));
  alq_eval_set_free(&s);

  /* a missing file */
  memset(&s, 0, sizeof s);
  memset(&err, 0, sizeof err);
  assert_int_equal(alq_eval_load_file(&s, DATA "no-such-file.jsonl", ALQ_EVAL_NONE, &err), ALQ_EIO);
  assert_non_null(strstr(err.file, "no-such-file.jsonl"));
  alq_eval_set_free(&s);

  /* buffers: CRLF, BOM, a missing field, wrong field types, kind forced */
  const char buf[] =
    "\xEF\xBB\xBF{\"doc\":\"x\",\"span\":[0,5],\"id\":\"isis\",\"type\":\"ORG\"}\r\n"
    "{\"doc\":\"x\",\"span\":[0,5],\"type\":\"ORG\"}\r\n"
    "{\"doc\":\"x\",\"span\":[0,5.5],\"id\":null,\"type\":\"ORG\"}\n"
    "{\"doc\":\"x\",\"span\":[0,5],\"id\":7,\"type\":\"ORG\"}\n"
    "{\"doc\":\"x\",\"doc\":\"y\",\"span\":[0,5],\"id\":\"a\",\"type\":\"ORG\"}\n"
    "{\"doc\":\"x\",\"span\":[0,5],\"id\":\"a\",\"type\":\"LOC\"}\n"
    "   \n"
    "{\"doc\":\"x\",\"span\":[0,9223372036854775807],\"id\":\"a\",\"type\":\"ORG\"}\n";
  memset(&s, 0, sizeof s);
  assert_int_equal(alq_eval_load_buf(&s, buf, sizeof buf - 1, ALQ_EVAL_NONE), 0);
  assert_int_equal(s.kind, ALQ_EVAL_MENTIONS);
  assert_int_equal(s.n, 1);
  assert_string_equal(s.recs[0].doc, "x");
  /* line 2 has no "id" (nor "a"): read as a mention, "id" is missing; 3 a
   * real in the span; 4 a number as id; 5 a duplicate key; 6 an unknown
   * mention type; 7 blank; 8 a span end beyond 32 bits */
  assert_int_equal(s.nissues, 6);
  for (int i = 0; i < 5; i++) assert_int_equal(s.issues[i].line, i + 2);
  assert_int_equal(s.issues[5].line, 8);
  assert_non_null(strstr(s.issues[0].msg, "\"id\" missing"));
  assert_non_null(strstr(s.issues[3].msg, "invalid JSON"));
  alq_eval_set_free(&s);

  /* a claims file read where mentions are expected: every line is an issue */
  memset(&s, 0, sizeof s);
  assert_int_equal(alq_eval_load_file(&s, DATA "made_up.gold.claims.jsonl", ALQ_EVAL_MENTIONS, &err), 0);
  assert_int_equal(s.n, 0);
  assert_int_equal(s.nissues, 9);
  alq_eval_set_free(&s);

  /* sets of different kinds cannot be scored; an empty one takes the other's kind */
  alq_eval_set g, p, e;
  alq_eval_result r;
  load_ok(&g, DATA "made_up.gold.claims.jsonl", ALQ_EVAL_NONE);
  load_ok(&p, DATA "made_up.gold.mentions.jsonl", ALQ_EVAL_NONE);
  memset(&e, 0, sizeof e);
  assert_int_equal(alq_eval_score(&g, &p, &r), ALQ_EINVAL);
  assert_int_equal(alq_eval_score(&g, &e, &r), 0);
  assert_int_equal(r.kind, ALQ_EVAL_CLAIMS);
  assert_prf(&r.strict, 0, 0, 9, 0, 0, 0);
  assert_int_equal(r.pairs, 0);
  json_t *o = alq_eval_to_json(&r);
  assert_true(json_is_null(json_object_get(json_object_get(o, "attributes"), "source")));
  assert_true(json_is_null(json_object_get(json_object_get(o, "attributes"), "polarity")));
  json_decref(o);
  alq_eval_set_free(&g);
  alq_eval_set_free(&p);
}

/* ---- gold against itself ------------------------------------------------- */

static void self_score(const char *path, alq_eval_kind kind) {
  alq_eval_set g, p;
  load_ok(&g, path, ALQ_EVAL_NONE);
  load_ok(&p, path, ALQ_EVAL_NONE);
  assert_int_equal(g.kind, kind);
  assert_true(g.n > 0);
  alq_eval_result r;
  assert_int_equal(alq_eval_score(&g, &p, &r), 0);
  assert_prf(&r.strict, g.n, 0, 0, 1, 1, 1);
  size_t types = 0;
  for (int t = 0; t < ALQ_EVAL_NCLAIM_TYPES; t++) {
    if (!r.per_type[t].gold) continue;
    types++;
    assert_int_equal(r.per_type[t].pred, r.per_type[t].gold);
    assert_prf(&r.per_type[t], r.per_type[t].gold, 0, 0, 1, 1, 1);
  }
  assert_true(types > 1);
  if (kind == ALQ_EVAL_CLAIMS) {
    assert_prf(&r.lenient, g.n, 0, 0, 1, 1, 1);
    assert_int_equal(r.pairs, g.n);
    const alq_eval_acc *acc[] = {&r.source, &r.source_kind, &r.when, &r.when_compatible, &r.polarity};
    for (size_t i = 0; i < sizeof acc / sizeof *acc; i++) {
      assert_int_equal(acc[i]->n, g.n);
      assert_int_equal(acc[i]->ok, g.n);
    }
  } else {
    assert_int_equal(r.id.n, g.n);
    assert_int_equal(r.id.ok, g.n);
  }
  alq_eval_set_free(&g);
  alq_eval_set_free(&p);
}

static void test_gold_vs_gold(void **state) {
  (void)state;
  self_score(ALQ_TEST_SHARED "/gold/seeds.claims.jsonl", ALQ_EVAL_CLAIMS);
  self_score(ALQ_TEST_SHARED "/gold/seeds.mentions.jsonl", ALQ_EVAL_MENTIONS);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_spans_match),
    cmocka_unit_test(test_when_compatible),
    cmocka_unit_test(test_source_equal),
    cmocka_unit_test(test_match_greedy_trap),
    cmocka_unit_test(test_match_random),
    cmocka_unit_test(test_claims_made_up),
    cmocka_unit_test(test_mentions_made_up),
    cmocka_unit_test(test_align_new_ids),
    cmocka_unit_test(test_malformed),
    cmocka_unit_test(test_gold_vs_gold),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
