/* Entity mentions on small made-up texts (not from the seeds or the gold):
 * persons (given names, kunyas, known figures, names after titles, roles
 * and verbs of saying, later references by surname, persons nested in an
 * actor's name) and outlets (known names, names that are also common
 * words). Each case states the expected mention. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "extract/extract.h"

#include "extract_fixture.h"

static const char *cur;

static const alq_result *run(const char *text) {
  cur = text;
  return extract_text(text, NULL);
}

/* How many mentions of `type` have exactly the text `s`? */
static int count(const alq_result *r, const char *type, const char *s) {
  int n = 0;
  for (size_t i = 0; i < r->nmentions; i++) {
    const alq_mention *m = &r->mentions[i];
    size_t len = m->span[1] - m->span[0];
    if (!strcmp(m->type, type) && len == strlen(s) && !memcmp(cur + m->span[0], s, len)) n++;
  }
  return n;
}
/* Does any mention of `type` cover the byte where `s` starts? */
static int any_at(const alq_result *r, const char *type, const char *s) {
  const char *p = strstr(cur, s);
  assert_non_null(p);
  uint32_t off = (uint32_t)(p - cur);
  for (size_t i = 0; i < r->nmentions; i++)
    if (!strcmp(r->mentions[i].type, type) && r->mentions[i].span[0] <= off && off < r->mentions[i].span[1]) return 1;
  return 0;
}

static void test_region_of_a_country(void **state) {
  (void)state;
  /* a direction and a country name one place, a region of it */
  const alq_result *r = run("وقصفت الطائرات مواقع في شمال سوريا وجنوب اليمن.");
  assert_int_equal(count(r, "PLACE", "شمال سوريا"), 1);
  assert_int_equal(count(r, "PLACE", "جنوب اليمن"), 1);
  assert_int_equal(count(r, "PLACE", "سوريا"), 0);
  /* north of a city is where, relative to it: the city alone */
  r = run("وصلت القوات إلى مواقع شمال عدن.");
  assert_int_equal(count(r, "PLACE", "عدن"), 1);
  assert_int_equal(count(r, "PLACE", "شمال عدن"), 0);
}

static void test_day_word_and_weekday(void **state) {
  (void)state;
  /* أمس الجمعة، اليوم (الثلاثاء): one DATE mention */
  const alq_result *r = run("وقال المتحدث أمس الجمعة إن القوات وصلت.");
  assert_int_equal(count(r, "DATE", "أمس الجمعة"), 1);
  assert_int_equal(count(r, "DATE", "الجمعة"), 0);
  r = run("وقال المتحدث اليوم (الثلاثاء) إن القوات وصلت.");
  assert_int_equal(count(r, "DATE", "اليوم (الثلاثاء)"), 1);
}

static void test_person_given_name(void **state) {
  (void)state;
  /* a given name opens the name; the surname with the article closes it */
  const alq_result *r = run("وصل خالد منصور العتيبي إلى المدينة أمس.");
  assert_int_equal(count(r, "PERSON", "خالد منصور العتيبي"), 1);
  /* a kunya and a nisba */
  r = run("أعلن أبو حمزة المصري انشقاقه عن الجماعة.");
  assert_int_equal(count(r, "PERSON", "أبو حمزة المصري"), 1);
  /* على (the preposition, normalized like the name علي) opens no name */
  r = run("سيطر المقاتلون على محمد الفاتح ثم على الطريق.");
  assert_int_equal(count(r, "PERSON", "على محمد الفاتح"), 0);
  /* an ambiguous given name alone (صالح "good") is no name */
  r = run("هذا عمل صالح للجميع.");
  assert_false(any_at(r, "PERSON", "صالح"));
  /* a verb with the shape of a name (أشرف "supervised") */
  r = run("وأشرف عليه فريق من الخبراء.");
  assert_false(any_at(r, "PERSON", "أشرف"));
}

static void test_person_known_and_surname(void **state) {
  (void)state;
  /* a known figure alone */
  const alq_result *r = run("انتقد ترامب الاتفاق النووي.");
  assert_int_equal(count(r, "PERSON", "ترامب"), 1);
  /* a name no list knows, after a role and a comma; later the surname
     alone, with a proclitic outside the span */
  r = run("قال المتحدث باسم المجلس المحلي، كريستان دوفالييه، إن الوضع هادئ. وأضاف دوفالييه أن "
          "الطريق مفتوح. ونقل عن لدوفالييه قوله إن المعبر مغلق.");
  assert_int_equal(count(r, "PERSON", "كريستان دوفالييه"), 1);
  assert_int_equal(count(r, "PERSON", "دوفالييه"), 2);
  /* a link word takes the next word, article and all, and the name goes on */
  r = run("وصل العميد عبد الكريم الزبيدي إلى المدينة.");
  assert_int_equal(count(r, "PERSON", "عبد الكريم الزبيدي"), 1);
  /* الله after عبد, although الله read without its article is له */
  r = run("التقى أحمد عبد الله المجيدي بالوفد.");
  assert_int_equal(count(r, "PERSON", "أحمد عبد الله المجيدي"), 1);
  /* a description in commas between the role and the name */
  r = run("وقال قائد اللواء، الذي يقاتل في الجنوب منذ سنوات، دوريان كاليستو، إن الهدنة صامدة.");
  assert_int_equal(count(r, "PERSON", "دوريان كاليستو"), 1);
  /* a role's complement is not a name: no comma, no closing */
  r = run("قتل ضابط صف وجنديان في الهجوم.");
  assert_false(any_at(r, "PERSON", "صف"));
}

static void test_person_after_say_verb(void **state) {
  (void)state;
  const alq_result *r = run("وقال بيرند كوخلر إن المفاوضات تأجلت.");
  assert_int_equal(count(r, "PERSON", "بيرند كوخلر"), 1);
  /* a noun phrase after the verb that does not end like a name */
  r = run("وقال بيان صادر عن الوزارة إن المفاوضات تأجلت.");
  assert_false(any_at(r, "PERSON", "بيان"));
}

static void test_person_nested_in_actor(void **state) {
  (void)state;
  const alq_result *r = run("تقدمت قوات الأسد نحو البلدة.");
  assert_int_equal(count(r, "FORCE", "قوات الأسد"), 1);
  assert_int_equal(count(r, "PERSON", "الأسد"), 1);
  /* mentions stay sorted by start */
  for (size_t i = 1; i < r->nmentions; i++) assert_true(r->mentions[i].span[0] >= r->mentions[i - 1].span[0]);
}

static void test_outlets(void **state) {
  (void)state;
  const alq_result *r = run("ذكرت رويترز أن الاشتباكات توقفت.");
  assert_int_equal(count(r, "OUTLET", "رويترز"), 1);
  /* a name that is also a place is an outlet after its head word or
     quoted after لـ, and a place elsewhere */
  r = run("وقال مصدر لـ\"الشرق الأوسط\" إن القصف استمر.");
  assert_int_equal(count(r, "OUTLET", "الشرق الأوسط"), 1);
  r = run("تشهد منطقة الشرق الأوسط توترا كبيرا.");
  assert_int_equal(count(r, "OUTLET", "الشرق الأوسط"), 0);
  r = run("نشرت صحيفة السفير تقريرا عن المعارك.");
  assert_int_equal(count(r, "OUTLET", "السفير"), 1);
  r = run("استدعت الوزارة السفير الفرنسي.");
  assert_int_equal(count(r, "OUTLET", "السفير"), 0);
  /* a definite head takes an adjective, not a name */
  r = run("اهتمت الصحف العربية بالهجوم.");
  assert_int_equal(count(r, "OUTLET", "العربية"), 0);
  /* an agency named by its country */
  r = run("ونقلت وكالة الأنباء العراقية عن مصدر أمني أن الهجوم فشل.");
  assert_int_equal(count(r, "OUTLET", "وكالة الأنباء العراقية"), 1);
  /* a common noun after شبكة is no outlet */
  r = run("تأثروا بشبكة الإنترنت ووسائل أخرى.");
  assert_false(any_at(r, "OUTLET", "الإنترنت"));
}

static void test_states_and_places(void **state) {
  (void)state;
  /* a country named after a border is a place */
  const alq_result *r = run("فر المسلحون نحو الحدود مع العراق.");
  assert_int_equal(count(r, "PLACE", "العراق"), 1);
  assert_int_equal(count(r, "STATE", "العراق"), 0);
  /* with tanween it is the adjective "Syrian": no mention */
  r = run("قتل جنديا سوريًا في الهجوم.");
  assert_false(any_at(r, "STATE", "سوريًا"));
  assert_false(any_at(r, "PLACE", "سوريًا"));
  /* a state's force word makes a FORCE, also written with لل */
  r = run("وقال متحدث باسم للبنتاغون إن الغارات مستمرة.");
  assert_int_equal(count(r, "FORCE", "لبنتاغون"), 1);
  r = run("ونقلت الصحيفة عن مصادر في البنتاغون أن الغارات مستمرة.");
  assert_int_equal(count(r, "FORCE", "البنتاغون"), 1);
  assert_int_equal(count(r, "PLACE", "البنتاغون"), 0);
  /* a place no gazetteer lists, after a head that names */
  r = run("قصفت الطائرات قرية كفرزيتون وحي «الورود» أمس.");
  assert_int_equal(count(r, "PLACE", "كفرزيتون"), 1);
  assert_int_equal(count(r, "PLACE", "الورود"), 1);
  /* an adjective after the head is no name */
  r = run("أعلن الجيش منطقة عسكرية مغلقة.");
  assert_false(any_at(r, "PLACE", "عسكرية"));
  /* a country that witnessed events is their scene */
  r = run("وشهدت تونس احتجاجات واسعة.");
  assert_int_equal(count(r, "PLACE", "تونس"), 1);
  /* a country with no id of its own acting is a state */
  r = run("وسعت السويد إلى تجنب التصويت.");
  assert_int_equal(count(r, "STATE", "السويد"), 1);
  /* a dateline: the line opens with the place and a comma */
  r = run("واشنطن، الولايات المتحدة (CNN)-- قالت وزارة الدفاع الأمريكية إن الغارات مستمرة.");
  assert_int_equal(count(r, "PLACE", "واشنطن"), 1);
  assert_int_equal(count(r, "PLACE", "الولايات المتحدة"), 1);
  assert_int_equal(count(r, "FORCE", "وزارة الدفاع الأمريكية"), 1);
  /* bare التحالف after the story named the coalition in full is that
     coalition, unless organizations of its sentence make it their alliance */
  r = run("قصفت طائرات التحالف الدولي مواقع في الرقة. وقال بيان إن التحالف نفذ عشرين غارة.");
  assert_int_equal(count(r, "COALITION", "التحالف"), 1);
  r = run("قصفت طائرات التحالف الدولي مواقع في الرقة. ويرى خبراء أن التحالف بين حركة حماس وحزب الله قوي.");
  assert_int_equal(count(r, "COALITION", "التحالف"), 0);
  /* a force named by a nationality adjective is the state's force */
  r = run("وقصفت مقاتلات تركية مواقع للمسلحين، كما شنت طائرات حربية سورية غارات.");
  assert_int_equal(count(r, "FORCE", "مقاتلات تركية"), 1);
  assert_int_equal(count(r, "FORCE", "طائرات حربية سورية"), 1);
  /* a state named by a head and its nationality adjective */
  r = run("وأكد الجانب التركي أن المعبر مغلق.");
  assert_int_equal(count(r, "STATE", "الجانب التركي"), 1);
  r = run("وقعت اشتباكات في المناطق الحدودية مع العراق.");
  assert_int_equal(count(r, "PLACE", "العراق"), 1);
  /* a place named like a channel (الميادين) after a naming head */
  r = run("انسحب المقاتلون إلى مدينة الميادين أمس.");
  assert_int_equal(count(r, "PLACE", "الميادين"), 1);
  /* a capital after قرب (also a block word for ambiguous names) is a place;
     a seat of government after إلى too */
  r = run("قتل مدنيون في قصف قرب دمشق، بعد وصول الرئيس إلى البيت الأبيض.");
  assert_int_equal(count(r, "PLACE", "دمشق"), 1);
  assert_int_equal(count(r, "PLACE", "البيت الأبيض"), 1);
  /* a place goes on over its compass adjectives */
  r = run("تقدمت الفصائل في ريف حلب الشمالي الشرقي أمس.");
  assert_int_equal(count(r, "PLACE", "ريف حلب الشمالي الشرقي"), 1);
}

static void test_quoted_line_is_text(void **state) {
  (void)state;
  /* a line that opens with وتابع (also "follow us" chrome) and ends with a
     stop inside closing quotes is text, not chrome */
  const alq_result *r = run("العنوان الرئيسي للخبر هنا\nوتابع قائلا: \"هاجمت قوات سوريا الديمقراطية مواقع تنظيم داعش.\"\n");
  assert_int_equal(count(r, "ORG", "قوات سوريا الديمقراطية"), 1);
}

/* The actor the person named `name` stands for (x_person_org), as an id,
 * or NULL. */
static const char *stands_for(const char *name) {
  for (size_t i = 0; i < ex->nments; i++) {
    const ment *p = &ex->ments[i];
    if (p->kind != MK_PERSON || p->end - p->start != strlen(name) || memcmp(cur + p->start, name, strlen(name))) continue;
    int a = x_person_org(ex, p);
    return a >= 0 ? lex->actors[a].id : NULL;
  }
  fail_msg("no person %s", name);
  return NULL;
}

static void test_person_stands_for(void **state) {
  (void)state;
  run("وحضر زعيم جبهة النصرة أبو محمد الجولاني الاجتماع.");
  assert_string_equal(stands_for("أبو محمد الجولاني"), "nusra");
  run("وقال أيمن الظواهري، زعيم تنظيم القاعدة، إن الحرب طويلة.");
  assert_string_equal(stands_for("أيمن الظواهري"), "al-qaeda");
  /* a bare name stands for nobody */
  run("وقال خالد منصور العتيبي إن حركة حماس ضعيفة.");
  assert_null(stands_for("خالد منصور العتيبي"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_region_of_a_country),
    cmocka_unit_test(test_day_word_and_weekday),
    cmocka_unit_test(test_person_given_name),
    cmocka_unit_test(test_person_known_and_surname),
    cmocka_unit_test(test_person_after_say_verb),
    cmocka_unit_test(test_person_nested_in_actor),
    cmocka_unit_test(test_outlets),
    cmocka_unit_test(test_states_and_places),
    cmocka_unit_test(test_quoted_line_is_text),
    cmocka_unit_test(test_person_stands_for),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
