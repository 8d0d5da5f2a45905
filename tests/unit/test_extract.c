/* Extraction rules on small made-up texts (not from the seeds or the gold):
 * pairing, polarity, modality, attribution, time, ambiguous names, places,
 * government forces and chrome. Each case states the expected claim. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "util/util.h"
#include <dirent.h>

#include "extract_fixture.h"
#include "news_fixture.h"

static const alq_result *run(const char *text, const char *date) { return extract_text(text, date); }

static void test_between_pair(void **state) {
  (void)state;
  const alq_result *r = run("اندلعت اشتباكات عنيفة بين حركة أحرار الشام وجبهة النصرة في ريف إدلب.", NULL);
  const alq_claim *c = find(r, "ahrar-al-sham", "nusra", "conflict");
  assert_non_null(c);
  assert_string_equal(c->a, "ahrar-al-sham");   /* symmetric: a < b */
  assert_string_equal(c->polarity, "affirmed");
  assert_string_equal(c->modality, "asserted");
  assert_null(c->source);
  assert_string_equal(c->source_kind, "author");
}

static void test_negation_scope(void **state) {
  (void)state;
  const alq_result *r = run("لم يحدث أي تعاون بين حزب الله وحركة حماس خلال الحرب.", NULL);
  const alq_claim *c = find(r, "hezbollah", "hamas", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->polarity, "negated");
  /* a shield: لا سيما is not a negation */
  r = run("تصاعد التنسيق بين حزب الله وحركة حماس، لا سيما في الجنوب.", NULL);
  c = find(r, "hezbollah", "hamas", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->polarity, "affirmed");
}

static void test_modality(void **state) {
  (void)state;
  const alq_result *r = run("هل يتحالف تنظيم داعش وتنظيم القاعدة في الصحراء؟", NULL);
  const alq_claim *c = find(r, "isis", "al-qaeda", "alliance");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  r = run("تحالف مرتقب بين حركة طالبان وتنظيم القاعدة.", NULL);
  c = find(r, "taliban", "al-qaeda", "alliance");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
}

static void test_attribution(void **state) {
  (void)state;
  const alq_result *r = run("وقالت مصادر عسكرية مطلعة إن التنسيق بين حزب الله والجيش السوري مستمر.", NULL);
  const alq_claim *c = find(r, "hezbollah", "syrian-army", "cooperation");
  assert_non_null(c);
  assert_non_null(c->source);
  assert_string_equal(c->source, "مصادر عسكرية مطلعة");
  assert_string_equal(c->source_kind, "anonymous");
}

static void test_agent_patient(void **state) {
  (void)state;
  /* a directed relation: the supporter, then لـ the supported */
  const alq_result *r = run("أكد التقرير استمرار دعم إيران لجماعة الحوثي في اليمن.", NULL);
  const alq_claim *c = find(r, "iran", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  assert_string_equal(c->b, "houthis");
}

static void test_time(void **state) {
  (void)state;
  const alq_result *r = run("اندلعت معارك بين حركة الشباب والقوات الصومالية في 12 مارس 2017.", NULL);
  const alq_claim *c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_non_null(c->when);
  assert_string_equal(c->when, "2017-03-12");
  /* a relative time resolves against the document date */
  r = run("اندلعت مؤخرا اشتباكات بين حركة الشباب والقوات الصومالية.", "2018-07-23");
  c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_string_equal(c->when, "2018-07");
  /* without a document date it stays unknown */
  r = run("اندلعت مؤخرا اشتباكات بين حركة الشباب والقوات الصومالية.", NULL);
  c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_null(c->when);
}

static void test_hijri_date(void **state) {
  (void)state;
  /* 1 Muharram 1437 AH = 14/15 October 2015 (tabular calendar: the 15th) */
  const alq_result *r = run("اندلعت اشتباكات بين حركة الشباب والقوات الصومالية في 1 محرم 1437 هـ.", NULL);
  const alq_claim *c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_non_null(c->when);
  assert_true(!strcmp(c->when, "2015-10-15") || !strcmp(c->when, "2015-10-14"));
  /* 27 Ramadan 1436 AH = 14 July 2015 */
  r = run("اندلعت اشتباكات بين حركة الشباب والقوات الصومالية يوم 27 رمضان 1436.", NULL);
  c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_non_null(c->when);
  assert_true(!strcmp(c->when, "2015-07-14") || !strcmp(c->when, "2015-07-13"));
}

static void test_list_of_operations(void **state) {
  (void)state;
  /* a lead naming the pair's joint operations, then numbered items: each
     dated item is a cooperation with its date; a force named in an item is
     the target of both (CLAIMS.md rules 6 and 16); a list of reasons is not */
  const char *t = "وشهدت الفترة الماضية تعاونا بين حركة أحرار الشام وجبهة النصرة، ومن العمليات المشتركة ما يلي:\n"
                  "1- الهجوم على مطار عسكري للجيش السوري في مارس 2013.\n"
                  "2- السيطرة على معبر حدودي.\n";
  const alq_result *r = run(t, NULL);
  size_t coop = 0, conflict = 0;
  for (size_t i = 0; i < r->nclaims; i++) {
    const alq_claim *c = &r->claims[i];
    if (strncmp(c->rule, "list-", 5)) continue;
    if (!strcmp(c->type, "cooperation")) { coop++; assert_string_equal(c->when, "2013-03"); }
    if (!strcmp(c->type, "conflict")) { conflict++; assert_string_equal(c->b, "syrian-army"); }
  }
  assert_int_equal(coop, 1);       /* the undated item gives none */
  assert_int_equal(conflict, 2);   /* ahrar-al-sham and nusra against the army */
  r = run("وتعود أسباب التعاون بين حركة أحرار الشام وجبهة النصرة إلى ما يلي:\n"
          "1- ضعف الجيش السوري في 2013.\n", NULL);
  for (size_t i = 0; i < r->nclaims; i++) assert_true(strncmp(r->claims[i].rule, "list-", 5) != 0);
}

static void test_base_is_not_al_qaeda(void **state) {
  (void)state;
  const alq_result *r = run("قصفت الطائرات القاعدة الجوية قرب حمص.", NULL);
  for (size_t i = 0; i < r->nmentions; i++)
    assert_true(r->mentions[i].id == NULL || strcmp(r->mentions[i].id, "al-qaeda") != 0);
  r = run("أعلن تنظيم القاعدة مسؤوليته عن الهجوم.", NULL);
  int found = 0;
  for (size_t i = 0; i < r->nmentions; i++)
    if (r->mentions[i].id && !strcmp(r->mentions[i].id, "al-qaeda")) found = 1;
  assert_true(found);
}

static void test_country_as_place(void **state) {
  (void)state;
  /* في + country and its conjuncts are places, not parties */
  const alq_result *r = run("تقاتل الجماعات في سوريا والعراق وليبيا منذ سنوات.", NULL);
  size_t places = 0;
  for (size_t i = 0; i < r->nmentions; i++) {
    if (!strcmp(r->mentions[i].type, "DATE")) continue;   /* منذ سنوات */
    assert_string_equal(r->mentions[i].type, "PLACE");
    places++;
  }
  assert_int_equal(places, 3);
  assert_int_equal(r->nclaims, 0);
}

static void test_gov_forces_and_force_type(void **state) {
  (void)state;
  const char *t = "سيطرت القوات الحكومية على بلدة قرب دمشق بعد معارك مع تنظيم داعش في سوريا. "
                  "وقال مسؤول إن الجيش التركي لم يتدخل.";
  const alq_result *r = run(t, NULL);
  int gov = 0, force = 0;
  for (size_t i = 0; i < r->nmentions; i++) {
    const alq_mention *m = &r->mentions[i];
    if (m->id && !strcmp(m->id, "syrian-army")) gov = 1;
    if (m->id && !strcmp(m->id, "turkey") && !strcmp(m->type, "FORCE")) force = 1;
  }
  assert_true(gov);     /* "government forces" in a Syria story */
  assert_true(force);   /* a state's army: the state id, typed FORCE */
}

static void test_chrome_and_title(void **state) {
  (void)state;
  const char *t = "الأحد 3 مايو 2020\n"
                  "تحالف جديد بين حركة أحرار الشام وجيش الإسلام في الشمال\n"
                  "الاثنين 4 مايو 2020\n"
                  "طباعة\n"
                  "تحالف جديد بين حركة أحرار الشام وجيش الإسلام في الشمال\n"
                  "أعلنت الحركتان تشكيل غرفة عمليات مشتركة.\n";
  const alq_result *r = run(t, NULL);
  /* the date below the headline is the dateline; the one above a masthead */
  assert_non_null(r->date);
  assert_string_equal(r->date, "2020-05-04");
  /* the headline gives one claim; its repetition gives none */
  size_t n = 0;
  for (size_t i = 0; i < r->nclaims; i++)
    if (!strcmp(r->claims[i].type, "alliance")) n++;
  assert_int_equal(n, 1);
  const char *title = t + r->title[0];
  assert_true(r->title[1] > r->title[0]);
  assert_int_equal(strncmp(title, "تحالف جديد", strlen("تحالف جديد")), 0);
}

static void test_new_organization(void **state) {
  (void)state;
  const alq_result *r = run("أعلن لواء \"صقور الجبل\" انضمامه إلى المعارك.", NULL);
  int found = 0;
  for (size_t i = 0; i < r->nmentions; i++) {
    const alq_mention *m = &r->mentions[i];
    if (m->id && !strcmp(m->id, "new:لواء-صقور-الجبل")) { found = 1; assert_string_equal(m->type, "ORG"); }
  }
  assert_true(found);
  /* a quoted label is not a name */
  r = run("وصفت الحكومة الحركة بأنها تنظيم \"إرهابي\" خطير.", NULL);
  for (size_t i = 0; i < r->nmentions; i++)
    assert_true(r->mentions[i].id == NULL || strncmp(r->mentions[i].id, "new:تنظيم", strlen("new:تنظيم")) != 0);
}

/* Claims and mentions of two results, field by field (as JSON lines). */
static void same_result(const alq_result *a, const alq_result *b, const char *text) {
  char ja[8192], jb[8192];
  assert_int_equal(a->nclaims, b->nclaims);
  for (size_t i = 0; i < a->nclaims; i++) {
    alq_claim_json(ja, sizeof ja, "d", &a->claims[i]);
    alq_claim_json(jb, sizeof jb, "d", &b->claims[i]);
    assert_string_equal(ja, jb);
  }
  assert_int_equal(a->nmentions, b->nmentions);
  for (size_t i = 0; i < a->nmentions; i++) {
    alq_mention_json(ja, sizeof ja, "d", text, &a->mentions[i]);
    alq_mention_json(jb, sizeof jb, "d", text, &b->mentions[i]);
    assert_string_equal(ja, jb);
  }
}

/* Extractors sharing one cache of word lookups (alq_extractor_new_sharing,
 * as `alaqat add` keeps eight documents' results alive): taking turns over
 * the lines of the bundled news, each gives exactly what an extractor of
 * its own gives, and they may be freed in any order (the cache lives until
 * the last: an unmapped cache would fault at the next extraction). One of
 * another lexicon is refused. */
static void test_shared_cache(void **state) {
  (void)state;
  load_news();
  alq_extractor *first, *share[2], *own;
  assert_int_equal(alq_extractor_new(&first, lex), 0);
  assert_int_equal(alq_extractor_new_sharing(&share[0], lex, first), 0);
  assert_int_equal(alq_extractor_new_sharing(&share[1], lex, share[0]), 0);
  assert_int_equal(alq_extractor_new(&own, lex), 0);
  size_t lines = 0;
  for (size_t i = 0; i < news_len;) {
    size_t j = i;
    while (j < news_len && news[j] != '\n') j++;
    if (j - i > 40) {
      alq_doc d = {"d", news + i, j - i, NULL, NULL};
      const alq_result *r1, *r2, *r3;
      alq_error err;
      /* the first is freed half way: the others keep the cache */
      if (first && lines == 20) { alq_extractor_free(first); first = NULL; }
      alq_extractor *x1 = first && lines % 3 == 0 ? first : share[lines % 2];
      assert_int_equal(alq_extract(x1, &d, &r1, &err), 0);
      assert_int_equal(alq_extract(own, &d, &r2, &err), 0);
      same_result(r1, r2, news + i);
      /* and the other result still holds while its sharer goes on */
      assert_int_equal(alq_extract(share[(lines + 1) % 2], &d, &r3, &err), 0);
      same_result(r1, r3, news + i);
      lines++;
    }
    i = j + 1;
  }
  assert_true(lines > 40);
  assert_null(first);
  alq_extractor_free(share[1]);
  alq_extractor_free(share[0]);
  alq_extractor_free(own);
  alq_lexicon *lex2;
  alq_error err = {0};
  assert_int_equal(alq_lexicon_open(&lex2, ALQ_TEST_DATADIR, &err), 0);
  alq_extractor *other;
  assert_int_equal(alq_extractor_new_sharing(&other, lex2, ex), ALQ_EINVAL);
  assert_null(other);
  alq_lexicon_free(lex2);
  free(news);
  news = NULL;
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_between_pair),
    cmocka_unit_test(test_negation_scope),
    cmocka_unit_test(test_modality),
    cmocka_unit_test(test_attribution),
    cmocka_unit_test(test_agent_patient),
    cmocka_unit_test(test_time),
    cmocka_unit_test(test_hijri_date),
    cmocka_unit_test(test_list_of_operations),
    cmocka_unit_test(test_base_is_not_al_qaeda),
    cmocka_unit_test(test_country_as_place),
    cmocka_unit_test(test_gov_forces_and_force_type),
    cmocka_unit_test(test_chrome_and_title),
    cmocka_unit_test(test_new_organization),
    cmocka_unit_test(test_shared_cache),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
