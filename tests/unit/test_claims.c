/* Claim, date and attribution rules added for the quality issue, on made-up
 * sentences (none from the seeds or the gold): each case states the
 * expected claim, its polarity/modality/source or the date it resolves to,
 * and, where it matters, the exact bytes of a span. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"

#include "extract_fixture.h"

static const char *cur_text;
static const alq_result *run_dated(const char *text, const char *date) {
  cur_text = text;
  return extract_text(text, date);
}
static const alq_result *run(const char *text) { return run_dated(text, "2016-05-01"); }

/* The bytes of span s equal `want`. */
static void span_is(const uint32_t s[2], const char *want) {
  assert_true(s[1] > s[0]);
  assert_int_equal(s[1] - s[0], strlen(want));
  assert_memory_equal(cur_text + s[0], want, strlen(want));
}

/* The claim exists and has this source and source kind. */
static void source_is(const alq_claim *c, const char *src, const char *kind) {
  assert_non_null(c);
  assert_non_null(c->source);
  assert_string_equal(c->source, src);
  assert_string_equal(c->source_kind, kind);
}

static void test_against_adjacent(void **state) {
  (void)state;
  /* the coalition named by what it fights: a conflict with the target, and
     the target is a mention of its own */
  const alq_result *r = run("وصل وفد إلى بغداد للقاء قادة التحالف الدولي ضد داعش يوم الأحد.");
  const alq_claim *c = find(r, "international-coalition", "isis", "conflict");
  assert_non_null(c);
  span_is(c->trigger, "ضد");
  int isis = 0;
  for (size_t i = 0; i < r->nmentions; i++)
    if (!strcmp(r->mentions[i].id, "isis")) { isis = 1; span_is(r->mentions[i].span, "داعش"); }
  assert_true(isis);
  /* ضد with no actor right before it relates nothing */
  r = run("أعلنت حكومة إيران موقفها ضد قرار مجلس الأمن.");
  assert_int_equal(r->nclaims, 0);
}

static void test_support_against_third(void **state) {
  (void)state;
  /* help for X against Y is support for X and nothing supports Y */
  const alq_result *r = run("أعلنت السعودية دعمها للتحالف الدولي ضد تنظيم داعش.");
  assert_null(find(r, "international-coalition", "isis", "support"));
  assert_null(find(r, "saudi-arabia", "isis", "support"));
  const alq_claim *c = find(r, "saudi-arabia", "international-coalition", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "saudi-arabia");
}

static void test_outlet_report_is_the_outlet(void **state) {
  (void)state;
  /* "in a report of its own" keeps the outlet as the source */
  const alq_result *r = run("وكشفت صحيفة ديلي تلغراف في تقرير لها عن تعاون بين حركة طالبان وتنظيم القاعدة.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_non_null(c->source);
  assert_string_equal(c->source_kind, "outlet");
  assert_non_null(strstr(c->source, "تلغراف"));
  /* the outlet citing unnamed sources: the sources are the source */
  r = run("ونقلت صحيفة ديلي تلغراف عن مصادر أمنية أن تعاونا بين حركة طالبان وتنظيم القاعدة قائم.");
  c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->source_kind, "anonymous");
  assert_string_equal(c->source, "مصادر أمنية");
}

/* The DATE mention of a text (the only one expected) and the claim's when. */
static void date_is(const char *text, const char *span_text, const char *iso) {
  const alq_result *r = run_dated(text, "2017-04-10");
  const alq_mention *d = NULL;
  for (size_t i = 0; i < r->nmentions; i++)
    if (!strcmp(r->mentions[i].type, "DATE")) { assert_null(d); d = &r->mentions[i]; }
  assert_non_null(d);
  span_is(d->span, span_text);
  assert_string_equal(d->id, iso);
  const alq_claim *c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_string_equal(c->when, iso);
}

/* A date phrase after a fixed clause of conflict, its span and its value. */
typedef struct date_case { const char *tail, *span, *iso; } date_case;
static void date_cases(const date_case *cases, size_t n) {
  const char *pre = "اندلعت اشتباكات بين حركة الشباب والجيش الصومالي ";
  char buf[512];
  for (size_t i = 0; i < n; i++) {
    snprintf(buf, sizeof buf, "%s%s", pre, cases[i].tail);
    date_is(buf, cases[i].span, cases[i].iso);
  }
}

static void test_month_forms(void **state) {
  (void)state;
  static const date_case cases[] = {
    /* a month of the year before the dateline's */
    {"في شهر أغسطس (آب) من العام الماضي.", "شهر أغسطس (آب) من العام الماضي", "2016-08"},
    {"في أكتوبر من العام 2014.", "أكتوبر من العام 2014", "2014-10"},
    /* both naming systems with a slash, then the year */
    {"في نوفمبر/ تشرين الثاني 2015.", "نوفمبر/ تشرين الثاني 2015", "2015-11"},
    {"في مايو/ أيار الماضي.", "مايو/ أيار الماضي", "2016-05"},
    /* no year: the latest such month up to the dateline */
    {"في نهاية يوليو (تموز).", "نهاية يوليو (تموز)", "2016-07"},
    {"مطلع فبراير (شباط).", "مطلع فبراير (شباط)", "2017-02"},
  };
  date_cases(cases, sizeof cases / sizeof cases[0]);
  /* آب is also a word: alone it dates nothing */
  const alq_result *r = run_dated("وقال آب لثلاثة أطفال إن الاشتباكات بين حركة الشباب والجيش الصومالي مستمرة.", "2017-04-10");
  for (size_t i = 0; i < r->nmentions; i++) assert_string_not_equal(r->mentions[i].type, "DATE");
}

static void test_pair_named_after_noun_trigger(void **state) {
  (void)state;
  /* a relation noun with no party around it: the sentence's coordinated pair */
  const alq_result *r = run("خلافات عميقة تهدد مشروع الوحدة، كما يقول قادة حركة طالبان وتنظيم القاعدة.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "rivalry");
  assert_non_null(c);
  span_is(c->trigger, "خلافات");
  /* a verb has its own subject: persons joining two groups relate nothing */
  r = run("يلتحق مئات الشبان كل شهر بصفوف حركة طالبان وتنظيم القاعدة.");
  assert_null(find(r, "taliban", "al-qaeda", "alliance"));
  assert_null(find(r, "taliban", "al-qaeda", "cooperation"));
}

static void test_double_negation_and_doubt(void **state) {
  (void)state;
  /* "did not prevent" affirms */
  const alq_result *r = run("لكن الخلاف لم يمنع تعاون حركة طالبان مع تنظيم القاعدة في الجبال.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->polarity, "affirmed");
  /* doubting a relation denies it */
  r = run("ويشكك محللون في وجود تعاون بين حركة طالبان وتنظيم القاعدة.");
  c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->polarity, "negated");
  /* "it is unacceptable that X supports Y" and "X did not content itself with
     supporting Y" affirm the support */
  r = run("وشدد على أنه من غير المقبول دعم قطر لجبهة النصرة بالمال.");
  c = find(r, "qatar", "nusra", "support");
  assert_non_null(c);
  assert_string_equal(c->polarity, "affirmed");
  r = run("وقال إن إيران لم تكتف بتقديم الدعم العسكري لجماعة الحوثي بل أرسلت خبراء.");
  c = find(r, "iran", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->polarity, "affirmed");
}

static void test_split_from_parent_named_twice(void **state) {
  (void)state;
  /* the parent named in an apposition before the verb is not the agent */
  const alq_result *r = run("كانت جبهة النصرة، فرع تنظيم القاعدة في سوريا، أعلنت انفكاكها عن تنظيم القاعدة.");
  const alq_claim *c = find(r, "nusra", "al-qaeda", "split");
  assert_non_null(c);
  span_is(c->trigger, "انفكاكها");
}

static void test_plural_verb_has_its_subject(void **state) {
  (void)state;
  /* fighters joining two groups (plural verb): the groups are its object */
  const alq_result *r = run("ويلتحقون بعد ذلك بحركة أحرار الشام وجبهة النصرة في الشمال.");
  assert_null(find(r, "ahrar-al-sham", "nusra", "merger"));
  /* a singular verb before its coordinated subject (VSO) relates them */
  r = run("واندمجت حركة أحرار الشام وجبهة النصرة في تشكيل واحد.");
  const alq_claim *c = find(r, "ahrar-al-sham", "nusra", "merger");
  assert_non_null(c);
}

static void test_hedge_after_belongs_to_next_predicate(void **state) {
  (void)state;
  /* قد after the relation noun hedges what follows, not the relation */
  const alq_result *r = run("وتصاعدت بين حركة طالبان وتنظيم القاعدة خلافات قد تؤدي إلى مواجهة.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "rivalry");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
  /* an adjective of expectation after it hedges the relation */
  r = run("وهناك تحالف مرتقب بين حركة طالبان وتنظيم القاعدة.");
  c = find(r, "taliban", "al-qaeda", "alliance");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
}

static void test_source_phrases(void **state) {
  (void)state;
  /* an unnamed source with its participle and where it is from */
  const alq_result *r = run("وكشف مصدر مطلع من ريف إدلب أن التعاون بين حركة طالبان وتنظيم القاعدة قائم.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->source, "مصدر مطلع من ريف إدلب");
  assert_string_equal(c->source_kind, "anonymous");
  /* نقل as a noun (transport) introduces no speech */
  r = run("وقال مسؤول أمني إن الطرق مقطوعة. وتوقفت شاحنات نقل الوقود بعد اشتباكات بين حركة طالبان وتنظيم القاعدة.");
  c = find(r, "taliban", "al-qaeda", "conflict");
  assert_non_null(c);
  assert_null(c->source);
  assert_string_equal(c->source_kind, "author");
}

/* The mention of `id` whose text is `want`, or fail. */
static void mention_is(const alq_result *r, const char *id, const char *type, const char *want) {
  for (size_t i = 0; i < r->nmentions; i++) {
    const alq_mention *m = &r->mentions[i];
    if (m->id && !strcmp(m->id, id) && !strcmp(m->type, type) && m->span[1] - m->span[0] == strlen(want) &&
        !memcmp(cur_text + m->span[0], want, strlen(want)))
      return;
  }
  fail_msg("no %s mention %s '%s'", type, id, want);
}

static void test_nationality_force_and_government(void **state) {
  (void)state;
  /* a force word and a nationality adjective name the state's force */
  const alq_result *r = run("وقصفت مقاتلات تركية مواقع تنظيم داعش قرب الحدود.");
  mention_is(r, "turkey", "FORCE", "مقاتلات تركية");
  assert_non_null(find(r, "turkey", "isis", "conflict"));
  /* one adjective may sit between; a state with a FORCE id uses it */
  r = run("وشنت طائرات حربية سورية غارات على مواقع جبهة النصرة.");
  mention_is(r, "syrian-army", "FORCE", "طائرات حربية سورية");
  assert_non_null(find(r, "syrian-army", "nusra", "conflict"));
  /* "the government" is the state the story is about */
  r = run("قال مسؤول في الصومال إن حركة الشباب تقاتل الحكومة منذ سنوات، وإن الصومال يطلب الدعم.");
  mention_is(r, "somalia", "STATE", "الحكومة");
  assert_non_null(find(r, "al-shabaab", "somalia", "conflict"));
  /* and nothing when the story names no state */
  r = run("وقال المتحدث إن الحكومة لم ترد بعد.");
  for (size_t i = 0; i < r->nmentions; i++) assert_string_not_equal(r->mentions[i].type, "STATE");
}

static void test_vso_object_and_comma_groups(void **state) {
  (void)state;
  /* verb, subject with a relative clause, direct object */
  const alq_result *r = run("وتقاتل حركة الشباب، التي بايعت تنظيم القاعدة، الحكومة الصومالية منذ سنوات.");
  assert_non_null(find(r, "al-shabaab", "somalia", "conflict"));
  /* names joined by commas alone are no coordinated pair: the member of
     the relative clause is not allied with the object */
  assert_null(find(r, "al-qaeda", "somalia", "affiliation"));
  assert_null(find(r, "al-shabaab", "somalia", "affiliation"));
  /* a verbal noun's following actor is its object: the actors coordinated
     after it are not its subject */
  r = run("وركزت الحملة على مهاجمة السعودية وتمجيد إيران وحزب الله.");
  assert_null(find(r, "saudi-arabia", "iran", "conflict"));
  assert_null(find(r, "saudi-arabia", "hezbollah", "conflict"));
}

static void test_partner_with_distant_agent(void **state) {
  (void)state;
  /* "an alliance with Y" whose agent is the sentence's topic, far before */
  const alq_result *r = run("وفي خطوة من حركة طالبان لإثبات حسن نيتها أمام الوسطاء، وعلى خلفية المفاوضات السرية "
                            "الجارية منذ أشهر طويلة في الدوحة الممهدة لتحالف منتظر مع تنظيم القاعدة، أفرجت الحركة عن أسرى.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "alliance");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  span_is(c->trigger, "لتحالف");
}

static void test_adjacent_hedges(void **state) {
  (void)state;
  /* building or heading towards a relation: it is not there yet */
  const alq_result *r = run("وتعمل حركة طالبان وتنظيم القاعدة على بناء تحالف بينهما.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "alliance");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  r = run("ويدفع الحصار حركة طالبان وتنظيم القاعدة نحو الاندماج.");
  c = find(r, "taliban", "al-qaeda", "merger");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  /* only right before the relation word: reached, it is asserted */
  r = run("وتوصلت حركة طالبان وتنظيم القاعدة إلى إقامة تحالف بينهما.");
  c = find(r, "taliban", "al-qaeda", "alliance");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
  /* and not after it: the rapprochement is there, new alliances are sought */
  r = run("ويتجه الطرفان إلى التقارب بين حركة طالبان وتنظيم القاعدة وإيجاد تحالفات جديدة.");
  c = find(r, "taliban", "al-qaeda", "reconciliation");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
  /* an alternative (أو) right before the relation word: not asserted */
  r = run("وناقشت حركة الشباب وتنظيم القاعدة القطيعة أو التنسيق بينهما.");
  c = find(r, "al-qaeda", "al-shabaab", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
}

static void test_truncated_repeat_is_chrome(void **state) {
  (void)state;
  const char *text = "حركة طالبان وتنظيم القاعدة في الجبال الشرقية للبلاد\n\n"
                     "وقال محللون إن الوضع في الجبال معقد جدا هذه الأيام.\n\n"
                     "خلافات عميقة تعرقل الاندماج\n\n"
                     "خلافات عميقة تعرقل\n\n"
                     "وقال محللون إن الوضع معقد.\n";
  const alq_result *r = run(text);
  uint32_t rep = (uint32_t)(strstr(text, "خلافات عميقة تعرقل\n") - text);
  int first = 0;
  for (size_t i = 0; i < r->nclaims; i++) {
    /* the short repeat of the sub-headline gives nothing */
    assert_true(r->claims[i].span[0] != rep);
    if (!strcmp(r->claims[i].type, "rivalry")) first = 1;
  }
  assert_true(first);   /* the sub-headline itself does */
}

/* count the claims whose span starts at or after byte `from` */
static size_t claims_from(const alq_result *r, uint32_t from) {
  size_t n = 0;
  for (size_t i = 0; i < r->nclaims; i++) n += r->claims[i].span[0] >= from;
  return n;
}

static void test_trailing_leads_are_teasers(void **state) {
  (void)state;
  /* the article, then two lines opening bare with a lead verb: the leads of
     other stories the site appends; they give no claims (nor mentions) */
  const char *body = "دبي (وكالات)- أعلنت حركة طالبان رفضها للمحادثات مع الحكومة الأفغانية، الأحد.\n"
                     "وقال متحدث باسم الحركة إن المحادثات لن تبدأ قبل انسحاب القوات الأجنبية.\n"
                     "وأضاف أن الحركة ستواصل عملياتها في الولايات الجنوبية خلال الأسابيع المقبلة.\n";
  const char *teasers = "أعلن الجيش العراقي، السبت، أنه شن غارات على مواقع لتنظيم داعش قرب الحدود السورية.\n"
                        "قالت وزارة الخارجية التركية، الجمعة، إن تركيا قدمت الدعم لقطر خلال الأزمة الخليجية الأخيرة.\n";
  char text[2048];
  snprintf(text, sizeof text, "%s%s", body, teasers);
  const alq_result *r = run(text);
  assert_int_equal(claims_from(r, (uint32_t)strlen(body)), 0);
  for (size_t i = 0; i < r->nmentions; i++) assert_true(r->mentions[i].span[0] < strlen(body));
  /* the same lines continuing the story (opening with و) are its text */
  const char *cont = "وأعلن الجيش العراقي، السبت، أنه شن غارات على مواقع لتنظيم داعش قرب الحدود السورية.\n"
                     "وقالت وزارة الخارجية التركية، الجمعة، إن تركيا قدمت الدعم لقطر خلال الأزمة الخليجية الأخيرة.\n";
  snprintf(text, sizeof text, "%s%s", body, cont);
  r = run(text);
  assert_non_null(find(r, "iraqi-army", "isis", "conflict"));
  assert_non_null(find(r, "turkey", "qatar", "support"));
  /* one such line alone may be the story's last paragraph */
  snprintf(text, sizeof text, "%s%s", body, strchr(teasers, '\n') + 1);
  r = run(text);
  assert_non_null(find(r, "turkey", "qatar", "support"));
}

static void test_partner_in_coalition(void **state) {
  (void)state;
  /* a partner in a coalition, past its adjectives, is its member */
  const alq_result *r = run("وقال الوزير إن تركيا كانت شريكا فاعلا في التحالف الدولي منذ تأسيسه.");
  assert_non_null(find(r, "turkey", "international-coalition", "affiliation"));
  assert_null(find(r, "turkey", "international-coalition", "cooperation"));
  r = run("وقال الوزير إن قطر شريك أساسي في التحالف الدولي.");
  assert_non_null(find(r, "qatar", "international-coalition", "affiliation"));
  /* a partner of a state, or in a war, is a cooperation */
  r = run("وقال الوزير إن تركيا شريك للولايات المتحدة في الحرب على الإرهاب.");
  assert_non_null(find(r, "turkey", "usa", "cooperation"));
  assert_null(find(r, "turkey", "usa", "affiliation"));
}

static void test_support_for_a_thing(void **state) {
  (void)state;
  /* support for a thing that a relative clause describes: the actor in the
     clause is not the one supported */
  const alq_result *r = run("وأعلنت قطر تأييدها للقرارات التي اتخذتها الحكومة التركية بشأن اللاجئين.");
  assert_null(find(r, "qatar", "turkey", "support"));
  r = run("وأعلنت قطر تأييدها للحكومة التركية.");
  assert_non_null(find(r, "qatar", "turkey", "support"));
  /* the trigger's own relative clause (past its adjective) names the parties */
  r = run("وقال التقرير إن الدعم العسكري الذي تقدمه إيران لحزب الله تضاعف خلال العام الماضي.");
  assert_non_null(find(r, "iran", "hezbollah", "support"));
}

static void test_unlike_is_no_dispute(void **state) {
  (void)state;
  /* ، بخلاف Y "unlike Y" compares; governed by the word before, it is a dispute */
  const alq_result *r = run("وقال المصدر إن تدخل تركيا مطلوب، بخلاف تدخل قوات التحالف الدولي.");
  assert_null(find(r, "turkey", "international-coalition", "rivalry"));
  r = run("ويبقى التحدي أمام حركة طالبان وتنظيم القاعدة هو العوائق المتصلة بخلاف التنظيمين منذ سنوات.");
  assert_non_null(find(r, "taliban", "al-qaeda", "rivalry"));
}

static void test_legitimacy_in_yemen(void **state) {
  (void)state;
  /* the coalition "supporting the legitimacy" supports Yemen's government;
     a bare التحالف so described is the Arab coalition */
  const alq_result *r = run("وتتقدم قوى التحالف العربي المؤيد للشرعية في محافظة مأرب.");
  assert_non_null(find(r, "arab-coalition", "yemen", "support"));
  mention_is(r, "yemen", "STATE", "لشرعية");
  r = run("وأعلن التحالف الداعم للشرعية تدمير مخازن أسلحة للحوثيين في صعدة.");
  assert_non_null(find(r, "arab-coalition", "yemen", "support"));
  mention_is(r, "arab-coalition", "COALITION", "التحالف");
  /* its authority and forces, in a story about Yemen */
  r = run("وقالت مصادر في السلطة الشرعية إن القوات الشرعية تقدمت نحو مواقع الحوثيين في اليمن.");
  mention_is(r, "yemen", "STATE", "السلطة الشرعية");
  mention_is(r, "yemeni-army", "FORCE", "القوات الشرعية");
}

static void test_support_for_them(void **state) {
  (void)state;
  /* X's support for them: the genitive gives, the pronoun is the actor
     named before */
  const alq_result *r = run("وقال قادة حركة حماس إن دعم إيران لهم مستمر منذ سنوات.");
  const alq_claim *c = find(r, "iran", "hamas", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  r = run("وتدرك السعودية الآن أن دعم الولايات المتحدة لها لن يستمر.");
  c = find(r, "usa", "saudi-arabia", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "usa");
}

static void test_received_blows_and_help(void **state) {
  (void)state;
  /* X تلقى ضربات من Y: Y strikes X */
  const alq_result *r = run("وتلقى تنظيم داعش ضربات موجعة من قوات سوريا الديمقراطية في الرقة.");
  assert_non_null(find(r, "isis", "sdf", "conflict"));
  /* the relative form, past a partitive من in the receiver's description */
  r = run("وقال إن الضربات التي تلقتها ميليشيات الحوثي المدعومة بعناصر من حزب الله، من طيران التحالف "
          "ورجال المقاومة أدت إلى انهيارها.");
  assert_non_null(find(r, "arab-coalition", "houthis", "conflict"));
  assert_non_null(find(r, "houthis", "yemen-popular-resistance", "conflict"));
  assert_null(find(r, "hezbollah", "houthis", "conflict"));
  /* help received: the giver after من gives (past an adjective) */
  r = run("وقال التقرير إن حركة حماس تتلقى دعما كبيرا من إيران منذ سنوات.");
  const alq_claim *c = find(r, "iran", "hamas", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  /* the receiver after the verb (VSO): تلقت X دعما من Y */
  r = run("وتلقت حركة حماس دعما كبيرا من إيران.");
  c = find(r, "iran", "hamas", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  /* received with no giver named: the receiver is no agent */
  r = run("وكان مقاتلو حركة حماس تلقوا تدريبات في إيران.");
  assert_null(find(r, "hamas", "iran", "support"));
}

static void test_state_by_its_adjective(void **state) {
  (void)state;
  /* "the Iranian state" is Iran, not the state last named */
  const alq_result *r = run("وقال وزير الخارجية العراقي إن جماعة الحوثي تتلقى الدعم العسكري من الدولة الإيرانية.");
  const alq_claim *c = find(r, "iran", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  assert_null(find(r, "iraq", "houthis", "support"));
}

static void test_helper_is_not_the_agent(void **state) {
  (void)state;
  /* X ... وبغطاء من Y تمكنت ... بعد اشتباكات مع Z: X fights Z, Y helps X */
  const alq_result *r = run("وأفاد مصدر بأن وحدات حماية الشعب بالتعاون مع فصائل محلية وبغطاء من طيران التحالف الدولي "
                            "سيطرت على القرية بعد اشتباكات مع مقاتلي تنظيم داعش.");
  assert_non_null(find(r, "ypg", "isis", "conflict"));
  assert_null(find(r, "international-coalition", "isis", "conflict"));
  const alq_claim *c = find(r, "international-coalition", "ypg", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "international-coalition");
  /* "under the pretext of" is no help */
  r = run("واستقبلت صعدة وفدا من قطر تحت غطاء الوساطة مع الحكومة اليمنية.");
  assert_null(find(r, "qatar", "yemen", "support"));
}

static void test_headquarters_is_a_place(void **state) {
  (void)state;
  const alq_result *r = run("وقال المرصد السوري لحقوق الإنسان ومقره بريطانيا إن تنظيم داعش هاجم مواقع قوات النظام.");
  mention_is(r, "uk", "PLACE", "بريطانيا");
  assert_null(find(r, "isis", "uk", "conflict"));
  assert_non_null(find(r, "isis", "syrian-army", "conflict"));
  /* a capital after "suburb" is a place */
  r = run("ونقلت الجثث إلى مستشفى في ضاحية بيروت الجنوبية التابعة لحزب الله.");
  assert_null(find(r, "lebanon", "hezbollah", "affiliation"));
}

static void test_possessed_partners(void **state) {
  (void)state;
  /* "our partners X, Y and Z" are the speaker's partners, not each other's */
  const alq_result *r = run("وقال البيان إننا سنعمل مع شركائنا الأردن والعراق ولبنان من أجل تأمين الحدود.");
  assert_null(find(r, "jordan", "iraq", "cooperation"));
  assert_null(find(r, "iraq", "lebanon", "cooperation"));
  /* a verbal noun's pronoun is its object: the group after it coordinated */
  r = run("وقال إن الضربات التي قامت بتنسيقها بريطانيا والولايات المتحدة وفرنسا كانت محدودة.");
  assert_non_null(find(r, "uk", "usa", "cooperation"));
}

static void test_the_army_of_the_state(void **state) {
  (void)state;
  /* "the army" after a state with a force of its own (forces.tsv) is that force */
  const alq_result *r = run("وأعلنت الحكومة اليمنية أن المعارك تتواصل منذ أشهر.\n"
                            "وتمكنت المقاومة وقوات الجيش أمس من تحرير مدينة زنجبار من ميليشيات الحوثي.");
  assert_non_null(find(r, "houthis", "yemeni-army", "conflict"));
  assert_null(find(r, "houthis", "yemen", "conflict"));
  /* (a date right after it is an adverb) */
  r = run("وأعلنت الحكومة اليمنية أن المعارك تتواصل منذ أشهر.\n"
          "وتمكنت قوات الجيش أمس من تحرير مدينة زنجبار من ميليشيات الحوثي.");
  assert_non_null(find(r, "houthis", "yemeni-army", "conflict"));
}

static void test_between_us(void **state) {
  (void)state;
  /* "between us": the speaker's own relation, not one of the names before */
  const alq_result *r = run("وقال الوزير إن النظام معاد للولايات المتحدة ولإسرائيل، وهناك خلافات عميقة بيننا.");
  assert_null(find(r, "usa", "israel", "rivalry"));
  r = run("وقال الوزير إن الخصوم عملوا على إشعال الفتنة بيننا وبين قطر.");
  assert_int_equal(r->nclaims, 0);
}

static void test_help_for_someone_unnamed(void **state) {
  (void)state;
  /* X's help for someone unnamed (لعناصر ...): no name before is involved */
  const alq_result *r = run("وقتل مقاتلون من جبهة النصرة خلال مساندة طائرات التحالف الدولي لعناصر من الفصائل في ريف حلب.");
  assert_null(find(r, "nusra", "international-coalition", "support"));
  /* a word that only begins with ل is no recipient: the genitive is helped */
  r = run("ويشارك حزب الله في دعم جماعة الحوثي لوجستيا وعسكريا منذ سنوات.");
  const alq_claim *c = find(r, "hezbollah", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "hezbollah");
  /* ... and the members of a named actor are that actor (لمقاتلي Y) */
  r = run("وأشار إلى عدم مساندة جبهة النصرة لمقاتلي داعش في تلك المعركة.");
  c = find(r, "nusra", "isis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "nusra");
  assert_string_equal(c->polarity, "negated");
}

static void test_participle_of_a_common_noun(void **state) {
  (void)state;
  /* a definite participle describes the definite noun before it: a noun of
     no actor leaves the relation to no name further back */
  const alq_result *r = run("وتتهم السعودية قطر بدعمها للجماعات الإرهابية المدعومة من إيران.");
  assert_null(find(r, "iran", "qatar", "support"));
  /* after a name, the participle relates it */
  r = run("وتتهم السعودية قطر بدعم جماعة الحوثي المدعومة من إيران.");
  const alq_claim *c = find(r, "iran", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
}

static void test_indefinite_participle(void **state) {
  (void)state;
  /* an indefinite participle describes the indefinite noun before it
     (past a nationality adjective): no name further back is the ally */
  const alq_result *r = run("وتهاجم القوات الإيرانية جماعات مسلحة كردية متحالفة مع روسيا في الشمال.");
  assert_null(find(r, "iran", "russia", "alliance"));
  r = run("وقصفت روسيا أمس مواقع تابعة لتنظيم القاعدة قرب الحدود.");
  assert_null(find(r, "russia", "al-qaeda", "affiliation"));
  assert_non_null(find(r, "al-qaeda", "russia", "conflict"));
  /* a predicate noun after a copula pronoun or a comma relates the name */
  r = run("وتبنت حركة الشباب، وهي جماعة مرتبطة بتنظيم القاعدة، الهجوم.");
  assert_non_null(find(r, "al-shabaab", "al-qaeda", "affiliation"));
  r = run("وقاتلت قوات سوريا الديمقراطية، وهي تحالف مقاتلين عرب وأكراد متحالف مع الولايات المتحدة، في الرقة.");
  assert_non_null(find(r, "sdf", "usa", "alliance"));
  /* a noun with a possessive pronoun is definite: the participle is a
     circumstantial of the name (X في بلاده مدعوما من Y) */
  r = run("وتقدم الجيش اليمني في بلاده مدعوما بقوات التحالف العربي.");
  assert_non_null(find(r, "arab-coalition", "yemeni-army", "support"));
  /* an elative's genitive (أكبر داعم لـ Y) */
  r = run("وأصبحت قطر أكبر داعم لإيران في المنطقة.");
  assert_non_null(find(r, "qatar", "iran", "support"));
}

static void test_kana_qad_subject(void **state) {
  (void)state;
  /* كان X الذي ... Y قد + verb: X is the verb's subject, not the name inside
     the relative clause */
  const alq_result *r = run("وكانت حركة حزم التي تلقت دعما من الولايات المتحدة قد قاتلت جبهة النصرة في إدلب.");
  assert_non_null(find(r, "hazm", "nusra", "conflict"));
  assert_null(find(r, "nusra", "usa", "conflict"));
  assert_non_null(find(r, "usa", "hazm", "support"));
  r = run("وكان الجيش السوري الذي يدعمه حزب الله قد هاجم مواقع داعش.");
  assert_non_null(find(r, "isis", "syrian-army", "conflict"));
  assert_null(find(r, "hezbollah", "isis", "conflict"));
  /* without قد the verb may belong to the clause: left as it was */
  r = run("وكان الجيش السوري الذي يدعمه حزب الله هاجم مواقع داعش.");
  assert_null(find(r, "isis", "syrian-army", "conflict"));
}

static void test_help_for_a_thing_from(void **state) {
  (void)state;
  /* help for a thing (the stability of areas freed from Y): the name behind
     من after that noun phrase is not the one helped */
  const alq_result *r = run("تواصل الولايات المتحدة دعم استقرار المناطق المحررة من تنظيم الدولة.");
  assert_null(find(r, "usa", "isis", "support"));
  /* a giver after an adjective or a received help is still the giver */
  r = run("وتقدمت القوات الحكومية السورية بدعم مباشر من روسيا.");
  assert_non_null(find(r, "russia", "syrian-army", "support"));
  r = run("وقال التقرير إن جبهة النصرة تتلقى دعما بعشرات الملايين من الدولارات من قطر.");
  assert_non_null(find(r, "qatar", "nusra", "support"));
}

static void test_deescalation_not_escalation(void **state) {
  (void)state;
  /* خفض التصعيد is an agreement, not escalation between the names */
  const alq_result *r = run("وتم التوصل إلى اتفاق خفض التصعيد بين روسيا وإيران وتركيا في أستانا.");
  assert_null(find(r, "iran", "russia", "conflict"));
  assert_non_null(find(r, "iran", "russia", "reconciliation"));
  /* breaking a truce is no truce between those who break it */
  r = run("وقال الوزير إن روسيا وإيران تتحملان المسؤولية عن انتهاك وقف إطلاق النار في درعا.");
  assert_null(find(r, "iran", "russia", "reconciliation"));
  assert_null(find(r, "iran", "russia", "conflict"));
  /* zones of conflict are places */
  r = run("ويستغل حزب الله نفوذه لتسهيل سفر المقاتلين من مناطق الصراع مثل سوريا.");
  assert_null(find(r, "hezbollah", "syria", "conflict"));
}

static void test_pair_anaphor_of_a_kind(void **state) {
  (void)state;
  /* "the two countries" is a pair of states, never two organizations */
  const alq_result *r = run("واندلعت اشتباكات بين جبهة النصرة وتنظيم داعش في ريف حلب.\n"
                            "وتعيش الجالية السورية في مصر بموجب اتفاقية سابقة موقعة بين البلدين.");
  assert_null(find(r, "isis", "nusra", "reconciliation"));
  r = run("وزار وزير الخارجية التركي موسكو حيث التقى نظيره الروسي.\n"
          "ووقعت روسيا وتركيا اتفاقا.\nوقال إن الاتفاق بين البلدين يشمل التعاون العسكري.");
  assert_non_null(find(r, "russia", "turkey", "reconciliation"));
  /* "the two organizations" is no pair of states */
  r = run("وتتفاوض روسيا وتركيا حول إدلب.\nوقال المصدر إن التنسيق بين التنظيمين مستمر.");
  assert_null(find(r, "russia", "turkey", "cooperation"));
}

static void test_agent_inside_the_group(void **state) {
  (void)state;
  /* an agent that is one of the group after the trigger: the group is one
     side, not X against its own allies */
  const alq_result *r = run("وحملت الحكومة اليمنية ميليشيات الحوثي مسؤولية الهجوم، ووصفت سقوط المدينة بأنه هزيمة للحوثيين وقوات صالح.");
  assert_null(find(r, "houthis", "saleh-forces", "conflict"));
  /* a group after a hostile verb with another agent is still its object */
  r = run("وقصفت طائرات التحالف العربي مواقع للحوثيين وقوات صالح في تعز.");
  assert_non_null(find(r, "arab-coalition", "houthis", "conflict"));
  assert_non_null(find(r, "arab-coalition", "saleh-forces", "conflict"));
}

static void test_people_of_a_country(void **state) {
  (void)state;
  /* the Kurds of Syria are not the Syrian state */
  const alq_result *r = run("ويعارض المسؤولون الأتراك دعم واشنطن لأكراد سوريا.");
  assert_null(find(r, "syria", "usa", "support"));
  const alq_result *r2 = run("واتهمت تركيا أكراد العراق بدعم المتمردين.");
  assert_null(find(r2, "iraq", "turkey", "rivalry"));
}

static void test_opposed_participle(void **state) {
  (void)state;
  /* coordinated participles describe the same name: loyal to X and opposed
     to Y (المناهضة لـ Y), not X related to Y */
  const alq_result *r = run("وقالت حركة حماس الموالية لإيران والمناهضة لإسرائيل إنها سترد.");
  assert_null(find(r, "iran", "israel", "alliance"));
  assert_null(find(r, "iran", "israel", "affiliation"));
  assert_non_null(find(r, "hamas", "israel", "rivalry"));
}

static void test_passive_participle_with(void **state) {
  (void)state;
  /* X المسنود بـ Y مع Z: Y helps X; Z after مع is whom they fight */
  const alq_result *r = run("ودارت معارك بين الجيش الوطني المسنود بمقاتلي المقاومة الشعبية مع ميليشيات الحوثي في تعز.");
  assert_null(find(r, "houthis", "yemen-popular-resistance", "support"));
  const alq_claim *c = find(r, "yemen-popular-resistance", "yemeni-army", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "yemen-popular-resistance");
}

static void test_other_side_only(void **state) {
  (void)state;
  /* the first side is no name known here: the names of the other side are
     not each other's enemies */
  const alq_result *r = run("وتواصلت الاشتباكات بين مسلحين مجهولين من جهة، وقوات التحالف الدولي وقوات سوريا الديمقراطية من جهة أخرى.");
  assert_null(find(r, "international-coalition", "sdf", "conflict"));
  /* with both sides named, across them */
  r = run("وتواصلت الاشتباكات بين تنظيم داعش من جهة، وقوات التحالف الدولي وقوات سوريا الديمقراطية من جهة أخرى.");
  assert_non_null(find(r, "isis", "sdf", "conflict"));
  assert_null(find(r, "international-coalition", "sdf", "conflict"));
}

static void test_enjoys_support(void **state) {
  (void)state;
  /* تحظى بدعم X: X gives, the subject receives */
  const alq_result *r = run("وكانت حركة حزم وجبهة ثوار سوريا تحظيان بدعم الولايات المتحدة.");
  const alq_claim *c = find(r, "hazm", "usa", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "usa");
  r = run("واستهدفت جبهة النصرة حركة حزم التي كانت تحظى بدعم أميركي.");
  c = find(r, "hazm", "usa", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "usa");
}

static void test_coalition_anaphor(void **state) {
  (void)state;
  /* الائتلاف is the coalition last named, not the last organization */
  const alq_result *r = run("وقال الائتلاف الوطني السوري إن تنظيم داعش يهدد المدنيين.\n"
                            "وأكدت السعودية دعمها الكامل للائتلاف في مواجهة النظام.");
  assert_non_null(find(r, "saudi-arabia", "soc", "support"));
  assert_null(find(r, "isis", "saudi-arabia", "support"));
  /* with no coalition named, it is no one */
  r = run("وقال تنظيم داعش إنه سيهاجم المدينة.\nوأكدت السعودية دعمها الكامل للائتلاف.");
  assert_null(find(r, "isis", "saudi-arabia", "support"));
}

static void test_two_sides_after_a_third(void **state) {
  (void)state;
  /* "the two sides" after a third actor in the sentence: the pair in memory
     (named together) may be one side */
  const alq_result *r = run("وتقدمت ميليشيات الحوثي وقوات صالح نحو المدينة.\n"
                            "وقتل تسعة من ميليشيات الحوثي وقوات صالح واثنان من المقاومة الشعبية في مواجهات بين الطرفين.");
  assert_null(find(r, "houthis", "saleh-forces", "conflict"));
  /* with no third actor, the pair named before */
  r = run("واتفقت روسيا وتركيا على إنشاء المنطقة.\nوقال المسؤول إن التنسيق بين الطرفين مستمر.");
  assert_non_null(find(r, "russia", "turkey", "cooperation"));
}

static void test_raids_as_help(void **state) {
  (void)state;
  /* raids that are someone's help: no hostility between helper and helped */
  const alq_result *r = run("وتقدمت قوات المقاومة الشعبية بدعم من غارات التحالف العربي نحو المدينة.");
  assert_null(find(r, "arab-coalition", "yemen-popular-resistance", "conflict"));
  r = run("وبدأت قوات الجيش اليمني المدعومة بغارات التحالف العربي التوسع شمالا.");
  assert_null(find(r, "arab-coalition", "yemeni-army", "conflict"));
  /* help for a fight is still a fight: دعما للتصدي لـ Y */
  r = run("ونشرت الولايات المتحدة ست مقاتلات في تركيا دعما للتصدي لتنظيم داعش.");
  assert_non_null(find(r, "isis", "usa", "conflict"));
}

static void test_people_joining(void **state) {
  (void)state;
  /* people joining a group are no merger of the names around */
  const alq_result *r = run("وتخشى الولايات المتحدة انضمام بعض المقاتلين إلى جبهة النصرة.");
  assert_null(find(r, "nusra", "usa", "merger"));
  /* a group joining another is */
  r = run("وأعلنت الفصائل انضمام حركة أحرار الشام إلى هيئة تحرير الشام.");
  assert_non_null(find(r, "ahrar-al-sham", "hts", "merger"));
}

static void test_partners_of(void **state) {
  (void)state;
  /* the allies of X in apposition: X with each of them, not each other */
  const alq_result *r = run("وتدعم حليفتا النظام السوري، روسيا وإيران، الهجوم.");
  assert_non_null(find(r, "russia", "syria", "alliance"));
  assert_non_null(find(r, "iran", "syria", "alliance"));
  assert_null(find(r, "iran", "russia", "alliance"));
  /* the ally noun itself in apposition to the name before it */
  r = run("ويقضي الاتفاق بين روسيا، حليفة دمشق، وتركيا الداعمة للمعارضة بإطلاق المعتقلين.");
  assert_non_null(find(r, "russia", "syria", "alliance"));
  assert_null(find(r, "syria", "turkey", "alliance"));
}

static void test_fight_among_three(void **state) {
  (void)state;
  /* hostility between three: the first against each of the others */
  const alq_result *r = run("واندلعت اشتباكات بين المقاومة الشعبية وميليشيات الحوثي وقوات صالح في مأرب.");
  assert_non_null(find(r, "houthis", "yemen-popular-resistance", "conflict"));
  assert_non_null(find(r, "saleh-forces", "yemen-popular-resistance", "conflict"));
  assert_null(find(r, "houthis", "saleh-forces", "conflict"));
  /* cooperation among three is among all */
  r = run("وتعزز التعاون بين روسيا وإيران وتركيا.");
  assert_non_null(find(r, "iran", "turkey", "cooperation"));
}

static void test_speaker_carried_over(void **state) {
  (void)state;
  /* a speaker named in a sentence without a claim is the one "he added"
     continues */
  const alq_result *r = run("وتجد القوات صعوبة في التقدم، كما ذكرت مصادر عسكرية.\n"
                            "وأكد المتحدث باسم الجبهة، قائد نصر، أن الرجال حققوا انتصارات مهمة.\n"
                            "وأضاف أن ميليشيات الحوثي قاتلت المقاومة الشعبية في لحج.");
  const alq_claim *c = find(r, "houthis", "yemen-popular-resistance", "conflict");
  assert_non_null(c);
  source_is(c, "قائد نصر", "official");
  /* a later participle of saying in the speaker's sentence (مضيفا) does not
     replace him with an older source */
  r = run("وتجد القوات صعوبة في التقدم، كما ذكرت مصادر عسكرية.\n"
          "وأكد الجيش اليمني أن الوضع جيد، مضيفا أن ميليشيات الحوثي قاتلت المقاومة الشعبية في لحج.");
  c = find(r, "houthis", "yemen-popular-resistance", "conflict");
  assert_non_null(c);
  source_is(c, "الجيش اليمني", "official");
}

static void test_bare_conjunct_is_one_side(void **state) {
  (void)state;
  /* بين X و ميليشيات Y وZ: Z (a name only by its coordination) is one side with Y */
  const alq_result *r = run("وشهدت المحافظة اشتباكات عنيفة بين المقاومة الشعبية وميليشيات الحوثي وصالح.");
  assert_non_null(find(r, "yemen-popular-resistance", "houthis", "conflict"));
  assert_non_null(find(r, "yemen-popular-resistance", "saleh-forces", "conflict"));
  assert_null(find(r, "houthis", "saleh-forces", "conflict"));
}

static void test_but_rather(void **state) {
  (void)state;
  /* بل opens a new clause: a name before it is not the agent of a relation
     word further in it ... */
  const alq_result *r = run("وقالت واشنطن إنها لن تحمي القوات من هجمات النظام السوري، بل أصدرت أوامر بمقاتلة تنظيم داعش فقط.");
  assert_null(find(r, "syria", "isis", "conflict"));
  /* ... but a relation word right after it has the subject before it */
  r = run("وقال المسؤول إن حركة طالبان وتنظيم القاعدة لا يوحدان جهودهما، بل تعاونا في ظرف محدد.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->rule, "group-before");
}

static void test_sides_with_descriptions(void **state) {
  (void)state;
  /* the other side's name may have its description before its marker */
  const alq_result *r = run("وتشهد المدينة اشتباكات عنيفة بين تنظيم داعش من طرف، وقوات النظام والمسلحين الموالين لها من طرف آخر.");
  assert_non_null(find(r, "isis", "syrian-army", "conflict"));
  /* a help word inside one side relates within it, not across */
  r = run("ودارت اشتباكات بين قوات النظام مدعمة بقوات الدفاع الوطني من طرف، وجبهة النصرة من طرف آخر.");
  assert_null(find(r, "ndf", "nusra", "support"));
  assert_non_null(find(r, "ndf", "syrian-army", "support"));
}

static void test_name_with_a_place_object(void **state) {
  (void)state;
  /* a name that is an actor only by coordination, followed by a place, is a
     common word with its object (غرفة عمليات فتح حلب: "the conquest of Aleppo") */
  const alq_result *r = run("ودارت اشتباكات بين غرفتي أنصار الدين وفتح حلب من طرف، وقوات النظام من طرف آخر.");
  assert_null(find(r, "fatah", "syrian-army", "conflict"));
  for (size_t i = 0; i < r->nmentions; i++) assert_true(!r->mentions[i].id || strcmp(r->mentions[i].id, "fatah"));
}

static void test_between_it_and(void **state) {
  (void)state;
  /* بينها وبين Y: the pronoun is the name before, across a clause too */
  const alq_result *r = run("وتتعرض المنطقة لهجمات حزب الله، حيث تدور اشتباكات بينه وبين مقاتلي جبهة النصرة.");
  const alq_claim *c = find(r, "hezbollah", "nusra", "conflict");
  assert_non_null(c);
  assert_string_equal(c->rule, "between-pronoun");
  /* without وبين after it, بينهم is "among them" */
  r = run("وتدور خلافات بينهم حول قيادة تنظيم داعش.");
  assert_int_equal(r->nclaims, 0);
}

static void test_killed_some_of(void **state) {
  (void)state;
  /* a hostile verb before its subject, then some members of Y (14 عنصرا من Y) */
  const alq_result *r = run("وقتل تنظيم داعش 14 عنصرا من قوات النظام في ريف حمص.");
  assert_non_null(find(r, "isis", "syrian-army", "conflict"));
}

static void test_office_holder_speaks(void **state) {
  (void)state;
  /* an office in an actor with its holder named after a comma: the person */
  const alq_result *r = run("وصرح وزير الدفاع بحكومة الوفاق الوطني، مهدي البرغثي، بأن تنظيم داعش يقاتل قوات الحكومة.");
  const alq_claim *c = find(r, "isis", "gna", "conflict");
  if (!c) c = r->nclaims ? &r->claims[0] : NULL;
  assert_non_null(c);
  source_is(c, "مهدي البرغثي", "official");
  /* a name in quotes right after the verb, then its office */
  r = run("وقال \"خالد رفعت\"، مدير مركز للدراسات، إن التعاون بين تنظيم القاعدة وتنظيم داعش وارد.");
  c = find(r, "al-qaeda", "isis", "cooperation");
  assert_non_null(c);
  source_is(c, "خالد رفعت", "official");
  /* a first word with ة is a common noun, not a name (مؤكدا أهمية الحيلولة) */
  r = run("وأكد أهمية الحيلولة دون تعاون تنظيم القاعدة مع تنظيم داعش.");
  c = find(r, "al-qaeda", "isis", "cooperation");
  assert_non_null(c);
  assert_null(c->source);
  /* a quotation right after the verb is what is said */
  r = run("وقال \"نحن نعيش مرحلة صعبة جدا\"، مضيفا أن تنظيم القاعدة يتعاون مع تنظيم داعش.");
  c = find(r, "al-qaeda", "isis", "cooperation");
  assert_non_null(c);
  assert_null(c->source);
}

static void test_two_sides_after_a_joint_attack(void **state) {
  (void)state;
  /* X و Y attacked Z; then "between the two sides": X and Z, not X and Y */
  const alq_result *r = run("وقالت مصادر إن الحوثيين وقوات صالح شنوا هجوما مسلحا على مواقع المقاومة الشعبية في مأرب.\n"
                            "واندلعت بعد تلك الهجمات مواجهات عنيفة بين الطرفين خلفت قتلى.");
  int own = 0;
  for (size_t i = 0; i < r->nclaims; i++) {
    const alq_claim *c = &r->claims[i];
    own |= (!strcmp(c->a, "houthis") && !strcmp(c->b, "saleh-forces")) || (!strcmp(c->a, "saleh-forces") && !strcmp(c->b, "houthis"));
  }
  assert_false(own);
  /* "among them" before a count lists the dead, not the parties */
  r = run("وقتل خلال المواجهات في منطقة التواهي 28 شخصا، بينهم 17 من الحوثيين وقوات صالح.");
  assert_null(find(r, "houthis", "saleh-forces", "conflict"));
  /* "the two organizations" still names the pair itself */
  r = run("وقالت مصادر إن تنظيم داعش وجبهة النصرة هاجما مواقع الجيش السوري في حلب.\n"
          "واندلعت بعد ذلك خلافات حادة بين التنظيمين على تقاسم الغنائم.");
  assert_non_null(find(r, "isis", "nusra", "rivalry"));
}

static void test_separatist_is_no_split(void **state) {
  (void)state;
  /* "separatist" describes a movement's aim; انفصال X عن Y is a split */
  const alq_result *r = run("وقال سكان إن قوات المقاومة الشعبية وهي قوات الحركة الانفصالية المؤيدة للتحالف العربي استولت على الحي.");
  assert_null(find(r, "arab-coalition", "yemen-popular-resistance", "split"));
  r = run("وأعلنت جبهة النصرة انفصالها عن تنظيم القاعدة.");
  assert_non_null(find(r, "nusra", "al-qaeda", "split"));
}

static void test_relation_of_two_nationalities(void **state) {
  (void)state;
  /* a relation noun with two nationality adjectives relates the two states */
  const alq_result *r = run("وتحدث المحلل عن التقارب الروسي - السعودي الأخير.");
  assert_non_null(find(r, "russia", "saudi-arabia", "reconciliation"));
  r = run("وقعت الحرب العراقية الإيرانية في الثمانينات.");
  assert_non_null(find(r, "iraq", "iran", "conflict"));
  /* an attack word names its agents together; a possessed ally its owner's */
  r = run("وندد البيان بالعدوان السعودي الأمريكي على اليمن.");
  assert_null(find(r, "saudi-arabia", "usa", "conflict"));
  r = run("وحذر ترامب الحكومة السورية وحلفاءها الروس والإيرانيين من الهجوم.");
  assert_null(find(r, "russia", "iran", "alliance"));
  /* (a word with the article has no pronoun: التفاهم) */
  r = run("وتقول المعلومات التي تسربت عن التفاهم الأميركي - التركي إن واشنطن وافقت.");
  assert_non_null(find(r, "usa", "turkey", "reconciliation"));
}

static void test_target_of_another_relation(void **state) {
  (void)state;
  /* the target of a relation word right before (الانقلاب على X) is not the
     agent of the next one: the sentence's subject is */
  const alq_result *r = run("ويشارك حزب الله في دعم جماعة الحوثي منذ بدء الانقلاب على الحكومة اليمنية، عبر تدريب عناصر الحوثي.");
  assert_null(find(r, "yemen", "houthis", "support"));
  /* a participle still describes the name right before it */
  r = run("وتواصل القوات معاركها في حربها ضد ميليشيات الحوثي التابعة لإيران.");
  assert_non_null(find(r, "houthis", "iran", "affiliation"));
}

static void test_a_persons_help(void **state) {
  (void)state;
  /* a person's help (تمويل NAME لجماعات، منها Y): the person gives, not a name before */
  const alq_result *r = run("وكانت وزارة الخزانة الأميركية كشفت عن تمويل عبد الرحمن النعيمي لجماعات إرهابية، منها تنظيم القاعدة.");
  assert_null(find(r, "usa", "al-qaeda", "support"));
}

static void test_non_and_among(void **state) {
  (void)state;
  /* غير before an adjective of its own ("non-Yemeni") negates the adjective */
  const alq_result *r = run("وقتل عنصر من حزب الله مع خبراء غير يمنيين بغارة لطائرات التحالف العربي في صعدة.");
  const alq_claim *c = find(r, "arab-coalition", "hezbollah", "conflict");
  assert_non_null(c);
  assert_string_equal(c->polarity, "affirmed");
  /* before the relation word it negates the relation */
  r = run("وقالت الحكومة إن حركة حماس غير متحالفة مع إيران.");
  c = find(r, "hamas", "iran", "alliance");
  assert_non_null(c);
  assert_string_equal(c->polarity, "negated");
  /* "among them" before names: members of a group, not the parties */
  r = run("وأيد حلفاء غربيون بينهم حلف شمال الأطلسي والولايات المتحدة الإجراءات التركية.");
  c = find(r, "nato", "usa", "alliance");
  assert_true(!c || strcmp(c->rule, "between"));
}

static void test_dual_past_is_a_date(void **state) {
  (void)state;
  /* a dual unit with the dual of الماضي (اليومين الماضيين) is a date */
  const alq_result *r = run("وقال المتحدث إن المقاومة قاتلت الحوثيين خلال اليومين الماضيين في لحج.");
  const char *want = "اليومين الماضيين";
  int found = 0;
  for (size_t i = 0; i < r->nmentions; i++) {
    const alq_mention *m = &r->mentions[i];
    found |= !strcmp(m->type, "DATE") && m->span[1] - m->span[0] == strlen(want) &&
             !memcmp(cur_text + m->span[0], want, strlen(want));
  }
  assert_true(found);
  /* a verb of naming after a place head is no place name (قرية يقال لها X) */
  r = run("وخرج المقاتلون من قرية يقال لها كرعة في اليمن.");
  for (size_t i = 0; i < r->nmentions; i++)
    assert_false(r->mentions[i].span[1] - r->mentions[i].span[0] == strlen("يقال") &&
                 !memcmp(cur_text + r->mentions[i].span[0], "يقال", strlen("يقال")));
  /* "the day when" is no date */
  r = run("وأخشى من أن يأتي اليوم الذي نسمع فيه عن تحالف حركة طالبان وتنظيم القاعدة.");
  for (size_t i = 0; i < r->nmentions; i++) assert_string_not_equal(r->mentions[i].type, "DATE");
}

static void test_story_pair_needs_three(void **state) {
  (void)state;
  /* a relation word without parties of its own takes the pair the story is
     about: named together in three sentences, not two */
  const alq_result *r = run("وتقاتل تنظيم داعش وتنظيم القاعدة في سوريا منذ سنوات.\n"
                            "وتقاتل تنظيم داعش وتنظيم القاعدة في العراق منذ سنوات.\n"
                            "وقال إن المصالحة ضرورية كما أن تنظيم داعش وتنظيم القاعدة خطر.");
  assert_null(find(r, "isis", "al-qaeda", "reconciliation"));
  r = run("وتقاتل تنظيم داعش وتنظيم القاعدة في سوريا منذ سنوات.\n"
          "وتقاتل تنظيم داعش وتنظيم القاعدة في العراق منذ سنوات.\n"
          "وتقاتل تنظيم داعش وتنظيم القاعدة في ليبيا منذ سنوات.\n"
          "وقال إن المصالحة ضرورية كما أن تنظيم داعش وتنظيم القاعدة خطر.");
  const alq_claim *c = find(r, "isis", "al-qaeda", "reconciliation");
  assert_non_null(c);
  assert_string_equal(c->rule, "sentence-pair");
}

static void test_verb_with_pronoun_before_its_subject(void **state) {
  (void)state;
  /* X ... تدعمه Y: the verb with an object pronoun right before its subject */
  const alq_result *r = run("ويذكر أن التحالف العربي الذي تقوده السعودية وتدعمه الولايات المتحدة يواصل عملياته.");
  const alq_claim *c = find(r, "usa", "arab-coalition", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "usa");
  r = run("وهاجمت ميليشيات الحوثي وجماعات أخرى تدعمها طهران مواقع في المنطقة.");
  c = find(r, "iran", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
}

static void test_started_is_no_hedge(void **state) {
  (void)state;
  /* بدأ "started" normalizes like بدا "seemed": it hedges nothing */
  const alq_result *r = run("وبدأ الجيش الباكستاني هجوما واسعا ضد حركة طالبان في شمال وزيرستان.");
  const alq_claim *c = find(r, "pakistan", "taliban", "conflict");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
  /* بدا أن "it seemed that" does */
  r = run("وبدا أن حركة طالبان تتعاون مع تنظيم القاعدة في المنطقة.");
  c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  /* trying to attack is already hostile; trying to ally is not an alliance yet */
  r = run("وأفاد نشطاء بأن تنظيم داعش يحاول استعادة السيطرة على البلدة من القوات الحكومية السورية.");
  c = find(r, "isis", "syrian-army", "conflict");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
  r = run("وقال المصدر إن حركة طالبان تحاول التحالف مع تنظيم القاعدة.");
  c = find(r, "taliban", "al-qaeda", "alliance");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  r = run("وأكد أن تنظيم داعش قد يحاول الهجوم على إسرائيل.");
  c = find(r, "isis", "israel", "conflict");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  /* readiness with its pronoun (استعداده) hedges */
  r = run("وأعرب الجيش السوري الحر عن استعداده للانخراط في المعركة ضد تنظيم داعش.");
  c = find(r, "fsa", "isis", "conflict");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
}

static void test_role_nouns(void **state) {
  (void)state;
  /* X، وهي الذراع العسكري لـ Y والمكون الرئيسي لـ Z: X belongs to both */
  const alq_result *r = run("وقال قائد وحدات حماية الشعب، وهي الذراع العسكري لحزب الاتحاد الديمقراطي "
                            "والمكون الرئيسي لقوات سوريا الديمقراطية، إن المعركة بدأت.");
  const alq_claim *c = find(r, "ypg", "pyd", "affiliation");
  assert_non_null(c);
  assert_string_equal(c->a, "ypg");
  c = find(r, "ypg", "sdf", "affiliation");
  assert_non_null(c);
  assert_string_equal(c->a, "ypg");
  /* the owner of the first role noun is no member of the second's */
  assert_null(find(r, "pyd", "sdf", "affiliation"));
}

static void test_reciprocal_symmetric(void **state) {
  (void)state;
  /* "they never attacked each other": the pair named before, negated */
  const alq_result *r = run("ويرى محللون أن العلاقة بين حركة طالبان وتنظيم القاعدة قديمة، إذ لم يسبق لهما أن هاجما بعضهما.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "conflict");
  assert_non_null(c);
  assert_string_equal(c->polarity, "negated");
  span_is(c->a_span, "بعضهما");
}

static void test_hostility_named_by_reconciliation(void **state) {
  (void)state;
  /* a possible ceasefire: the fighting it would end held (rule 13) */
  const alq_result *r = run("وقد يتفق الطرفان قريبا على وقف القتال بين حركة طالبان وتنظيم القاعدة.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "reconciliation");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  c = find(r, "taliban", "al-qaeda", "conflict");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
  assert_string_equal(c->polarity, "affirmed");
  /* the disagreements a sought reconciliation would end held too */
  r = run("وتسعى وساطة قبلية لوضع حد للخلافات بين حركة طالبان وتنظيم القاعدة.");
  c = find(r, "taliban", "al-qaeda", "rivalry");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
}

static void test_plausible_and_pushed(void **state) {
  (void)state;
  const alq_result *r = run("ويرى محللون أن الخسائر ستدفع حركة طالبان وتنظيم القاعدة إلى التعاون.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
  /* the past: it happened */
  r = run("ويرى محللون أن الخسائر دفعت حركة طالبان وتنظيم القاعدة إلى التعاون.");
  c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
  r = run("وأكد الباحث أن التعاون بين حركة طالبان وتنظيم القاعدة وارد.");
  c = find(r, "taliban", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_string_equal(c->modality, "possible");
}

static void test_pair_anaphor_as_object(void **state) {
  (void)state;
  /* forces fighting both groups: no fight between the two */
  const alq_result *r = run("تحالفت حركة طالبان وتنظيم القاعدة. وتتعرض القوى التي تستهدف التنظيمين لضغوط كبيرة.");
  assert_null(find(r, "taliban", "al-qaeda", "conflict"));
  /* but a disagreement of the two is between them */
  r = run("تحالفت حركة طالبان وتنظيم القاعدة. وتستمر خلافات التنظيمين.");
  assert_non_null(find(r, "taliban", "al-qaeda", "rivalry"));
}

static void test_mutual_word_with_one_name(void **state) {
  (void)state;
  /* a headline segment: one (place-like) name before a mutual word */
  const char *text = "تعاون متزايد بين حركة طالبان وتنظيم القاعدة.. وباكستان شهدت بداية التقارب\n\n"
                     "وقال محللون إن الوضع معقد.\n";
  const alq_result *r = run(text);
  int seg = 0;
  for (size_t i = 0; i < r->nclaims; i++)
    if (!strcmp(r->claims[i].type, "reconciliation") && r->claims[i].span[0] > 0) {
      seg = 1;
      assert_true((!strcmp(r->claims[i].a, "al-qaeda") && !strcmp(r->claims[i].b, "taliban")));
    }
  assert_true(seg);
}

static void test_descriptors_and_object_relatives(void **state) {
  (void)state;
  /* the attack "it launched" (object pronoun): the attacker is before the
     head; the alliance noun before a name describes that name */
  const alq_result *r = run("وأرسلت حركة طالبان مقاتلين لمساعدة حركة الشباب، في الهجوم الذي شنته "
                            "ضد التحالف المعتدل \"جبهة ثوار سوريا\" في الشمال.");
  assert_non_null(find(r, "al-shabaab", "srf", "conflict"));
  assert_null(find(r, "al-shabaab", "srf", "alliance"));
  assert_null(find(r, "taliban", "srf", "alliance"));
  /* a head with an adjective before a name is no anaphor of an earlier group */
  r = run("هاجمت حركة الشباب مواقع جبهة النصرة، ثم استهدفت حركة طالبان المجموعة المعتدلة \"حركة الحزم\".");
  assert_non_null(find(r, "taliban", "hazm", "conflict"));
  assert_null(find(r, "taliban", "nusra", "conflict"));
}

static void test_relative_object_pronoun_direction(void **state) {
  (void)state;
  /* X، التي زودتها Y بأسلحة: Y supplies X */
  const alq_result *r = run("وتتعرض حركة أحرار الشام، التي زودتها تركيا بأسلحة، لضغوط كبيرة.");
  const alq_claim *c = find(r, "turkey", "ahrar-al-sham", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "turkey");
  assert_string_equal(c->b, "ahrar-al-sham");
}

static void test_member_conjuncts_and_unify(void **state) {
  (void)state;
  /* supported by X and by members of Y and Z: all three support */
  const alq_result *r = run("وتقدمت قوات النظام مدعومة بقوات الدفاع الوطني وعناصر من حزب الله ولواء القدس.");
  assert_non_null(find(r, "ndf", "syrian-army", "support"));
  assert_non_null(find(r, "hezbollah", "syrian-army", "support"));
  assert_non_null(find(r, "quds-brigade", "syrian-army", "support"));
  /* unifying its forces with Y */
  r = run("قررت حركة طالبان توحيد قواها مع تنظيم القاعدة.");
  assert_non_null(find(r, "taliban", "al-qaeda", "alliance"));
}

static void test_role_apposition_last_conjunct(void **state) {
  (void)state;
  /* the bracketed role describes the last conjunct only */
  const alq_result *r = run("وتنسق حركة طالبان وجبهة النصرة (الذراع الرسمية لتنظيم القاعدة) في الميدان.");
  assert_non_null(find(r, "nusra", "al-qaeda", "affiliation"));
  assert_null(find(r, "taliban", "al-qaeda", "affiliation"));
}

static void test_cleft_subject(void **state) {
  (void)state;
  /* X هي التي ...: the name before the pronoun is the relative's subject */
  const alq_result *r = run("وكانت حركة طالبان هي التي شنت الهجمات على مواقع تنظيم القاعدة.");
  assert_non_null(find(r, "taliban", "al-qaeda", "conflict"));
}

static void test_pair_anaphor_before_and_next_clause_hedge(void **state) {
  (void)state;
  /* a mutual word after a pair anaphor: the pair; a hedge of the next
     clause (بات احتمال ...) does not reach back */
  const alq_result *r = run("تحالفت حركة طالبان وتنظيم القاعدة. وبعد فترة من التلاسن بين التنظيمين والاقتتال "
                            "بات احتمال المواجهة ضعيفا.");
  const alq_claim *c = find(r, "taliban", "al-qaeda", "conflict");
  assert_non_null(c);
  assert_string_equal(c->modality, "asserted");
}

static void test_possessive_allies_and_ranks(void **state) {
  (void)state;
  /* "the US and its allies" names no alliance with a later group */
  const alq_result *r = run("وتركز القاعدة على قتال الولايات المتحدة وحلفائها، أما حركة طالبان فتقاتل في الداخل.");
  assert_null(find(r, "usa", "taliban", "alliance"));
  /* the possessor as a place (after على) and a pair in focus elsewhere */
  r = run("وتعاونت إسرائيل والولايات المتحدة. ويشكل ذلك خطرا على الولايات المتحدة وحلفائها في المنطقة.");
  for (size_t i = 0; i < r->nclaims; i++) assert_string_not_equal(r->claims[i].type, "alliance");
  /* "its allies of Y" does */
  r = run("وهاجم مسلحو جماعة الحوثي وحلفاؤهم من قوات صالح مواقع في المدينة.");
  assert_non_null(find(r, "houthis", "saleh-forces", "alliance"));
  /* fighting in the ranks of a group is not fighting it */
  r = run("وأبدى عناصر من الجيش الحر استعدادهم للقتال في صفوف تنظيم داعش.");
  assert_null(find(r, "fsa", "isis", "conflict"));
}

static void test_possessed_support(void **state) {
  (void)state;
  /* its support for groups, notably X and Y; then its support for Z */
  const alq_result *r = run("وانتقد البيان سياسات إيران وأنشطتها في المنطقة، ودعمها للجماعات المسلحة، خاصة حزب الله "
                            "وجماعة الحوثي، ودعمها لنظام الأسد.");
  const alq_claim *c = find(r, "iran", "hezbollah", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  c = find(r, "iran", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  c = find(r, "iran", "syria", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  assert_null(find(r, "houthis", "syria", "support"));
}

static void test_led_coalition_against_org_anaphor(void **state) {
  (void)state;
  /* the coalition with its leader, against "the organization" = the last
     organization named (a coalition is no antecedent of التنظيم) */
  const alq_result *r = run("وهاجم تنظيم داعش المدينة. وقال المسؤول إن ذلك يعزز قدرات التحالف العسكري "
                            "الذي تقوده الولايات المتحدة ضد التنظيم.");
  assert_non_null(find(r, "international-coalition", "isis", "conflict"));
}

static void test_phrase_boundaries(void **state) {
  (void)state;
  /* membership attaches to the phrase right before it */
  const alq_result *r = run("ويحتجز آلاف من عناصر تنظيم داعش في سجون تابعة لقوات سوريا الديمقراطية.");
  assert_null(find(r, "isis", "sdf", "affiliation"));
  /* attacks by X, the branch of Y: no fight between X and Y */
  r = run("شهدت كينيا هجمات نفذتها حركة الشباب التابعة لتنظيم القاعدة.");
  assert_null(find(r, "al-shabaab", "al-qaeda", "conflict"));
  assert_non_null(find(r, "al-shabaab", "al-qaeda", "affiliation"));
}

static void test_person_for_org(void **state) {
  (void)state;
  /* a leader named with his office acts for the organization (rule 11) */
  const char *text = "زعيم جبهة النصرة: أبو محمد الجولاني يعلن الحرب على حركة أحرار الشام.";
  const alq_result *r = run(text);
  const alq_claim *c = find(r, "nusra", "ahrar-al-sham", "conflict");
  assert_non_null(c);
  /* the party's span is the person's name */
  const uint32_t *ps = !strcmp(c->a, "nusra") ? c->a_span : c->b_span;
  span_is(ps, "أبو محمد الجولاني");
  /* a bare name stands for nothing */
  r = run("وقال الباحث أبو محمد الشامي إن الحرب على حركة أحرار الشام مستمرة.");
  assert_null(find(r, "nusra", "ahrar-al-sham", "conflict"));
}

static void test_soldiers_of_a_state(void **state) {
  (void)state;
  /* a Turkish soldier killed in a clash with a group: Turkey's side */
  const alq_result *r = run("وقتل عسكري تركي قرب الحدود في صدام مسلح مع تنظيم داعش.");
  const alq_claim *c = find(r, "turkey", "isis", "conflict");
  assert_non_null(c);
  const uint32_t *ts = !strcmp(c->a, "turkey") ? c->a_span : c->b_span;
  span_is(ts, "عسكري تركي");
  /* a military official is a speaker, not a party */
  r = run("وقال مسؤول عسكري أمريكي إن الاشتباكات مع تنظيم داعش مستمرة.");
  assert_null(find(r, "usa", "isis", "conflict"));
}

static void test_affiliation_examples(void **state) {
  (void)state;
  /* groups linked to Y, such as X: X is linked to Y */
  const alq_result *r = run("وتنشط في المنطقة مجموعات أخرى مرتبطة بتنظيم القاعدة على غرار جماعة أنصار الدين.");
  const alq_claim *c = find(r, "ansar-dine", "al-qaeda", "affiliation");
  assert_non_null(c);
  assert_string_equal(c->a, "ansar-dine");
}

static void test_participle_not_trigger(void **state) {
  (void)state;
  /* "the fighting factions" is no fight */
  const alq_result *r = run("وسمحت حركة طالبان بمرور الشاحنات إلى مناطق الفصائل الإسلامية والمقاتلة وتنظيم القاعدة.");
  assert_null(find(r, "taliban", "al-qaeda", "conflict"));
  /* the verbal noun without the article is */
  r = run("وأعلنت حركة طالبان مقاتلة تنظيم القاعدة في الولاية.");
  assert_non_null(find(r, "taliban", "al-qaeda", "conflict"));
  /* talks under the auspices of the UN: a venue, not support */
  r = run("بانتظار وصول وفد الحوثيين إلى المفاوضات المقرر عقدها تحت رعاية الأمم المتحدة.");
  assert_null(find(r, "houthis", "un", "support"));
}

static void test_singular_relative_head(void **state) {
  (void)state;
  /* X و Y الذي تدعمه Z: Z supports Y only */
  const alq_result *r = run("وهاجم المتحدث الولايات المتحدة وحزب الله الذي تدعمه إيران منذ نشوئه.");
  assert_non_null(find(r, "iran", "hezbollah", "support"));
  assert_null(find(r, "iran", "usa", "support"));
}

static void test_verb_without_parties_not_focus(void **state) {
  (void)state;
  /* a verb with its own (non-actor) subject is not about the pair in focus */
  const alq_result *r = run("تقرير عن الأوضاع الأمنية في المنطقة الجبلية\n\n"
                            "تعاونت حركة طالبان وتنظيم القاعدة في الجبال. حركة طالبان وتنظيم القاعدة: سفينتان "
                            "انضمتا للأسطول قرب الساحل.\n");
  assert_null(find(r, "taliban", "al-qaeda", "merger"));
}

static void test_later_person_reference(void **state) {
  (void)state;
  /* the surname alone later repeats the first mention, with its office */
  const char *text = "وقال وزير الدفاع في الحكومة الصومالية، عبد القادر نور، إن الوضع هادئ. "
                     "ولفت نور إلى أن هناك تعاونا بين حركة الشباب وتنظيم القاعدة، موضحا أن حركة طالبان "
                     "ليست طرفا.";
  const alq_result *r = run(text);
  const alq_claim *c = find(r, "al-shabaab", "al-qaeda", "cooperation");
  assert_non_null(c);
  assert_non_null(c->source);
  assert_string_equal(c->source, "عبد القادر نور");
  assert_string_equal(c->source_kind, "official");
}

static void test_subordinate_clause_subject(void **state) {
  (void)state;
  /* a verb right after بعدما without a subject of its own: the main
     clause's subject acts */
  static const char text[] = "واصلت حركة أحرار الشام تقدمها في ريف حلب بعدما حررت البلدة من قبضة تنظيم داعش.";
  const alq_result *r = run(text);
  const alq_claim *c = find(r, "ahrar-al-sham", "isis", "conflict");
  assert_non_null(c);
  const char *verb = strstr(text, "حررت");
  assert_int_equal(c->trigger[0], verb - text);
  assert_int_equal(c->trigger[1], verb - text + strlen("حررت"));
  assert_string_equal(c->rule, "carried-subject");
  /* ... also against a coordinated group; forces named by their loyalty to
     Saleh are his forces */
  r = run("واصلت المقاومة الشعبية تقدمها في لحج بعدما حررت المدينة من الحوثيين والموالين لصالح.");
  assert_non_null(find(r, "houthis", "yemen-popular-resistance", "conflict"));
  assert_non_null(find(r, "saleh-forces", "yemen-popular-resistance", "conflict"));
  mention_is(r, "saleh-forces", "FORCE", "الموالين لصالح");
  /* a subject introduced by a speaker verb is no main-clause subject */
  r = run("قال مسؤول في حركة أحرار الشام إن المقاتلين انسحبوا بعدما حاصرت البلدة من جهة تنظيم داعش.");
  assert_null(find(r, "ahrar-al-sham", "isis", "conflict"));
  /* the verb after عندما belongs to its own clause: the actor named before
     it in the main clause is not its agent */
  r = run("وحذرت قيادات محلية من عودة حركة الشباب عندما هاجمت القوات الصومالية البلدة.");
  assert_null(find(r, "al-shabaab", "somalia", "conflict"));
}

static void test_state_and_own_force_one_side(void **state) {
  (void)state;
  /* a state and its own army (forces.tsv) are one side: no claim between
     them, while each keeps its claims with the third party */
  const alq_result *r = run("وناقش الاجتماع التعاون بين الحكومة العراقية والجيش العراقي وقوات البيشمركة.");
  assert_null(find(r, "iraq", "iraqi-army", "cooperation"));
  assert_non_null(find(r, "iraqi-army", "peshmerga", "cooperation"));
  assert_non_null(find(r, "iraq", "peshmerga", "cooperation"));
}

static void test_coordinated_genitives(void **state) {
  (void)state;
  /* X's A and Y's B: a coordinated noun trigger between two genitives does
     not relate them */
  const alq_result *r = run("وأشاد البيان بصمود حركة أحرار الشام وضربات التحالف الدولي في ريف حلب.");
  assert_null(find(r, "ahrar-al-sham", "international-coalition", "conflict"));
  /* with a pronoun it points back at the name before it */
  r = run("وانسحبت الحكومة السورية وحليفتها روسيا من المفاوضات.");
  assert_non_null(find(r, "russia", "syria", "alliance"));
}

static void test_national_army_of_the_story(void **state) {
  (void)state;
  /* "the national army" is the army of the country the story is about */
  const alq_result *r = run("وقالت مصادر في اليمن إن الجيش الوطني خاض معارك مع الحوثيين قرب مأرب شرقي اليمن.");
  mention_is(r, "yemeni-army", "FORCE", "الجيش الوطني");
  assert_non_null(find(r, "houthis", "yemeni-army", "conflict"));
  assert_null(find(r, "houthis", "lna", "conflict"));
  /* in Libya that is Haftar's LNA, and with no country in focus too */
  r = run("وقالت مصادر في ليبيا إن الجيش الوطني سيطر على مواقع في درنة الليبية.");
  mention_is(r, "lna", "FORCE", "الجيش الوطني");
  r = run("وقال المتحدث إن الجيش الوطني سيطر على المدينة.");
  mention_is(r, "lna", "FORCE", "الجيش الوطني");
}

static void test_purpose_target_and_both_places(void **state) {
  (void)state;
  /* cooperation "to eliminate Y": Y is the common target, not a partner;
     "in both X and Y" names places */
  const alq_result *r = run("وقررت روسيا وإيران تعزيز تعاونهما العسكري للقضاء على تنظيم داعش في كل من العراق وسوريا.");
  assert_non_null(find(r, "iran", "russia", "cooperation"));
  assert_null(find(r, "iran", "isis", "cooperation"));
  assert_null(find(r, "isis", "russia", "cooperation"));
  assert_non_null(find(r, "iran", "isis", "conflict"));
  assert_null(find(r, "iraq", "isis", "conflict"));
  assert_null(find(r, "isis", "syria", "conflict"));
  mention_is(r, "iraq", "PLACE", "العراق");
}

static void test_one_sense_per_story(void **state) {
  (void)state;
  /* once a base is named with the word as its head, the bare definite word
     is that base again, not al-Qaeda */
  const alq_result *r = run("وقصفت طائرات التحالف العربي قاعدة العند أمس. وقالت المقاومة الشعبية إنها تحاصر القاعدة منذ أسابيع.");
  for (size_t i = 0; i < r->nmentions; i++) assert_string_not_equal(r->mentions[i].id, "al-qaeda");
  assert_null(find(r, "al-qaeda", "yemen-popular-resistance", "conflict"));
  /* at the grassroots (على مستوى القاعدة) */
  r = run("وعقدت الحركة اجتماعا على مستوى القاعدة في المدينة.");
  for (size_t i = 0; i < r->nmentions; i++) assert_string_not_equal(r->mentions[i].id, "al-qaeda");
  /* a member noun still makes it the group */
  r = run("وقصفت طائرات التحالف العربي قاعدة العند أمس. وقال مسؤول إن عناصر القاعدة هاجموا البلدة.");
  mention_is(r, "al-qaeda", "ORG", "القاعدة");
  /* and without a base in the story the bare name is the group */
  r = run("وقالت المقاومة الشعبية إنها تقاتل القاعدة منذ أسابيع.");
  mention_is(r, "al-qaeda", "ORG", "القاعدة");
}

static void test_vso_time_adverbial_and_genitive_object(void **state) {
  (void)state;
  /* VSO: a time adverbial between commas after the subject, then the object
     as the genitive of a noun (its act) */
  const alq_result *r = run("انتقدت وزارة الخارجية الإيرانية، الأحد، قرار المملكة العربية السعودية قطع العلاقات.");
  const alq_claim *c = find(r, "iran", "saudi-arabia", "rivalry");
  assert_non_null(c);
  /* a place after the noun is no object */
  r = run("انتقدت وزارة الخارجية الإيرانية، الأحد، زيارة الوفد إلى بغداد.");
  assert_int_equal(r->nclaims, 0);
}

static void test_membership_in_copula_apposition(void **state) {
  (void)state;
  /* X، وهي جماعة ... مرتبطة بـ Y: X is the member */
  const alq_result *r = run("وتبنت الهجوم حركة الشباب، وهي جماعة صومالية مسلحة مرتبطة بتنظيم القاعدة.");
  assert_non_null(find(r, "al-shabaab", "al-qaeda", "affiliation"));
  /* the apposition ends at its comma */
  r = run("وقالت حركة الشباب، وهي الأقوى في البلاد، إن المقاتلين المرتبطين بتنظيم القاعدة غادروا.");
  assert_null(find(r, "al-shabaab", "al-qaeda", "affiliation"));
  /* a predicate (X هي الأخطر) is no apposition */
  r = run("وقال إن حركة الشباب هي الأخطر من الجماعات المرتبطة بتنظيم القاعدة.");
  assert_null(find(r, "al-shabaab", "al-qaeda", "affiliation"));
}

static void test_later_source_references(void **state) {
  (void)state;
  /* the complement of a participle of saying holds what is said, not its
     speaker; a surname alone repeats the full name given before */
  const alq_result *r = run("وقال وزير الخارجية الأردني أيمن الصفدي إن الوضع صعب. وأضاف الصفدي، لافتا إلى أن \"إيران تدعم حزب الله\".");
  source_is(find(r, "iran", "hezbollah", "support"), "أيمن الصفدي", "official");
  /* a short later name of an outlet repeats its first full name */
  r = run("وذكر المرصد السوري لحقوق الإنسان أن القتال مستمر. واندلعت اشتباكات بين جبهة النصرة وتنظيم داعش، بحسب المرصد.");
  source_is(find(r, "isis", "nusra", "conflict"), "المرصد السوري لحقوق الإنسان", "outlet");
  /* "the official" refers back to the last official introduced so */
  r = run("وأعلن مسؤول عسكري أمريكي أن الطائرات عادت. وقال المسؤول إن التحالف الدولي يقاتل تنظيم داعش.");
  source_is(find(r, "international-coalition", "isis", "conflict"), "مسؤول عسكري أمريكي", "anonymous");
  /* the outlet a speaker told (لـ«الشرق الأوسط») is not the source */
  r = run("وأكد قائد الجبهة، في تصريح لـ«الشرق الأوسط»، أن حزب الله يقاتل تنظيم داعش.");
  const alq_claim *c = find(r, "hezbollah", "isis", "conflict");
  assert_non_null(c);
  assert_string_not_equal(c->source_kind, "outlet");
  /* a state named again as a source repeats its first mention */
  r = run("ودعت المملكة العربية السعودية إلى الحوار. وقالت السعودية إن إيران تدعم حزب الله.");
  source_is(find(r, "iran", "hezbollah", "support"), "المملكة العربية السعودية", "official");
  /* announcing the relation itself (أعلنت ولاءها) is the act, not a report */
  r = run("وتقاتل حركة الشباب، التي أعلنت ولاءها لتنظيم القاعدة، الحكومة الصومالية.");
  c = find(r, "al-shabaab", "al-qaeda", "affiliation");
  assert_non_null(c);
  assert_string_equal(c->source_kind, "author");
}

static void test_time_of_saying_and_relative_clause(void **state) {
  (void)state;
  /* the day of a statement is not the time of what it says */
  const alq_result *r = run_dated("أعلنت وزارة الخارجية الأردنية، الخميس، أن إيران تدعم حزب الله.", "2017-04-10");
  const alq_claim *c = find(r, "iran", "hezbollah", "support");
  assert_non_null(c);
  assert_null(c->when);
  /* a list item's own date is its time */
  r = run_dated("وقال التقرير إن الهجمات تكررت.\n- 5 مايو 2013: قصفت إسرائيل مواقع حزب الله.", "2017-04-10");
  c = find(r, "hezbollah", "israel", "conflict");
  assert_non_null(c);
  assert_non_null(c->when);
  assert_string_equal(c->when, "2013-05-05");
  /* a relative clause set off by commas has its own time */
  r = run_dated("وتقاتل حركة الشباب، التي بايعت تنظيم القاعدة، الحكومة الصومالية منذ العام 2008 في مقديشو.", "2017-04-10");
  c = find(r, "al-shabaab", "al-qaeda", "affiliation");
  assert_non_null(c);
  assert_null(c->when);
  c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_non_null(c->when);
  assert_string_equal(c->when, "2008");
}

static void test_closing_time_adverbial(void **state) {
  (void)state;
  /* وذلك في + date at the end of a long sentence times all of it */
  const alq_result *r = run_dated("وصعدت حركة الشباب هجماتها على القوات الحكومية الصومالية في العاصمة وفي المدن الكبرى "
                                  "منذ أن خسرت آخر معاقلها في الجنوب بموجب اتفاق مع العشائر المحلية، وذلك في مايو الماضي.",
                                  "2017-04-10");
  const alq_claim *c = find(r, "al-shabaab", "somalia", "conflict");
  assert_non_null(c);
  assert_non_null(c->when);
  assert_string_equal(c->when, "2016-05");
}

static void test_counted_and_demonstrative_dates(void **state) {
  (void)state;
  /* dateline Monday 2017-04-10 */
  static const date_case cases[] = {
    /* a count in words, a dual unit */
    {"منذ ثلاثة أيام في مقديشو.", "منذ ثلاثة أيام", "2017-04-07"},
    {"منذ يومين في مقديشو.", "منذ يومين", "2017-04-08"},
    {"منذ أربعة أشهر في مقديشو.", "منذ أربعة أشهر", "2016-12"},
    /* a weekday with الماضي is that day of the week before */
    {"الثلاثاء الماضي في مقديشو.", "الثلاثاء الماضي", "2017-03-28"},
    {"الثلاثاء في مقديشو.", "الثلاثاء", "2017-04-04"},
    /* a demonstrative before the unit: the current one */
    {"هذا العام في مقديشو.", "هذا العام", "2017"},
    {"خلال هذا الشهر في مقديشو.", "هذا الشهر", "2017-04"},
  };
  date_cases(cases, sizeof cases / sizeof cases[0]);
}

static void test_new_conjunct_ends_phrase(void **state) {
  (void)state;
  /* a comma and a new conjunct that is no name end the trigger's phrase */
  const alq_result *r = run("وحذر حزب الله من الصراع الدائر في المنطقة، ودور الولايات المتحدة في قيادة التحالف الدولي.");
  assert_null(find(r, "hezbollah", "international-coalition", "conflict"));
  assert_null(find(r, "hezbollah", "usa", "conflict"));
  /* an examples word after the comma still names the party */
  r = run("وأعلنت الإمارات الحرب على التنظيمات الإرهابية، وعلى رأسها تنظيم القاعدة.");
  assert_non_null(find(r, "al-qaeda", "uae", "conflict"));
}

static void test_coordinated_verb_shares_subject(void **state) {
  (void)state;
  /* a coordinated verb shares the subject of the verb before it; a name in
     a prepositional phrase (المئات من أطفال X) is not its subject */
  const alq_result *r = run("وقتلت إسرائيل المئات من أطفال لبنان وهاجمت مواقع حزب الله.");
  assert_non_null(find(r, "hezbollah", "israel", "conflict"));
  assert_null(find(r, "hezbollah", "lebanon", "conflict"));
  /* a coordinated verbal noun: the object of the noun before it is no agent */
  r = run("وركزت حركة الشباب على التحريض على الحكومة الصومالية، ومهاجمة القوات الأمريكية.");
  assert_null(find(r, "somalia", "usa", "conflict"));
  /* ... its agent is the sentence's subject, however far */
  r = run("وكانت حركة الشباب، نشرت كتيبا جديدا أطلقت عليه اسم المعركة الكبرى، وأدخلت تغييرات على مناهج المدارس في "
          "المناطق الخاضعة لها، ركزت فيها على التحريض على الحكومة الصومالية، ومهاجمة القوات الأمريكية.");
  assert_non_null(find(r, "al-shabaab", "usa", "conflict"));
  assert_null(find(r, "somalia", "usa", "conflict"));
  r = run("وكانت حركة الشباب، نشرت كتيبا جديدا أطلقت عليه اسم المعركة الكبرى، وأدخلت تغييرات على مناهج المدارس في "
          "المناطق الخاضعة لها، ركزت فيها على الحرب في الصومال، والتحريض على القوات الأمريكية.");
  assert_non_null(find(r, "al-shabaab", "usa", "rivalry"));
  /* the head of a relative clause stays its subject */
  r = run("وقتل جنديان من القوات اليمنية التي تدربها وتدعمها الإمارات.");
  assert_non_null(find(r, "uae", "yemeni-army", "support"));
}

static void test_rebels_in_a_yemen_story(void **state) {
  (void)state;
  /* "the rebels" are the Houthis in a story about Yemen */
  const alq_result *r = run("وقالت مصادر في اليمن إن المقاومة الشعبية اشتبكت مع المتمردين في عدن جنوب اليمن.");
  assert_non_null(find(r, "houthis", "yemen-popular-resistance", "conflict"));
  /* and nobody in particular elsewhere */
  r = run("وقالت مصادر في سوريا إن حركة أحرار الشام اشتبكت مع المتمردين في ريف حلب شمال سوريا.");
  for (size_t i = 0; i < r->nmentions; i++) assert_string_not_equal(r->mentions[i].id, "houthis");
  /* fighters loyal to the government are the state's forces; إخراج expels */
  r = run("وقالت مصادر في اليمن إن المقاتلين الموالين للحكومة حاولوا إخراج الحوثيين من عدن.");
  mention_is(r, "yemeni-army", "FORCE", "المقاتلين الموالين للحكومة");
  assert_non_null(find(r, "houthis", "yemeni-army", "conflict"));
}

static void test_office_named_by_nationality(void **state) {
  (void)state;
  /* a person in an office of a state named by its nationality stands for
     the state (rule 11), before and after the trigger */
  const alq_result *r = run("وشن الرئيس الأفغاني أشرف غني حملة عسكرية على حركة طالبان.");
  assert_non_null(find(r, "afghanistan", "taliban", "conflict"));
  /* a country after على is the target, a state, not a place */
  r = run("وشن الحوثيون هجوما صاروخيا على السعودية أمس.");
  mention_is(r, "saudi-arabia", "STATE", "السعودية");
  assert_non_null(find(r, "houthis", "saudi-arabia", "conflict"));
  r = run("وتقدمت المقاومة الشعبية الموالية للرئيس اليمني عبد ربه منصور هادي نحو عدن.");
  assert_non_null(find(r, "yemen-popular-resistance", "yemen", "affiliation"));
}

static void test_two_sides(void **state) {
  (void)state;
  /* بين X و Y من جهة، و Z من جهة أخرى: across the sides, not within one */
  const alq_result *r = run("واندلعت اشتباكات عنيفة بين الحوثيين وقوات صالح من جهة، والمقاومة الشعبية من جهة أخرى في تعز.");
  assert_non_null(find(r, "houthis", "yemen-popular-resistance", "conflict"));
  assert_non_null(find(r, "saleh-forces", "yemen-popular-resistance", "conflict"));
  assert_null(find(r, "houthis", "saleh-forces", "conflict"));
  /* the first side may go on with names no lexicon knows; an unknown other
     side gives nothing within the first */
  r = run("ودارت اشتباكات بين قوات النظام السوري وحزب الله اللبناني وجيش التحرير من جهة، والفصائل المقاتلة من جهة أخرى.");
  assert_null(find(r, "hezbollah", "syrian-army", "conflict"));
}

static void test_cooperation_against_a_target(void **state) {
  (void)state;
  /* a cooperative relation "against Y": Y is the common target */
  const alq_result *r = run("وأعلنت روسيا استعدادها لتعاون ضد تنظيم داعش.");
  assert_null(find(r, "isis", "russia", "cooperation"));
  r = run("وتسعى الولايات المتحدة إلى كسب حلفاء ضد تنظيم داعش في المنطقة.");
  assert_null(find(r, "isis", "usa", "alliance"));
  /* nor is a coordinated target the pair a ceasefire is about */
  r = run("وهناك استثناءات من وقف إطلاق النار للمعارك ضد تنظيم داعش وجبهة النصرة.");
  assert_null(find(r, "isis", "nusra", "reconciliation"));
  assert_null(find(r, "isis", "nusra", "conflict"));
}

static void test_groups_linked_to_a_pair(void **state) {
  (void)state;
  /* "X و Y والجماعات المرتبطة بهما": the groups are the members, not the
     pair itself; "الجماعات الأخرى" is "the other groups", no reciprocal */
  const alq_result *r = run("ولا يشمل الاتفاق العمليات ضد تنظيمي داعش والقاعدة والجماعات المرتبطة بهما أو الجماعات الأخرى.");
  assert_null(find(r, "isis", "al-qaeda", "affiliation"));
  assert_null(find(r, "al-qaeda", "isis", "affiliation"));
  /* a singular participle after a group describes the last conjunct only;
     a dual one both */
  r = run("وتحدث التقرير عن العلاقة بين قطر وجبهة النصرة التابعة لتنظيم القاعدة.");
  assert_non_null(find(r, "nusra", "al-qaeda", "affiliation"));
  assert_null(find(r, "qatar", "al-qaeda", "affiliation"));
  r = run("وتحدث التقرير عن حركة أحرار الشام وجبهة النصرة التابعتين لتنظيم القاعدة.");
  assert_non_null(find(r, "nusra", "al-qaeda", "affiliation"));
  assert_non_null(find(r, "ahrar-al-sham", "al-qaeda", "affiliation"));
}

static void test_help_from_a_giver(void **state) {
  (void)state;
  /* help with its giver after من: the giver supports the one before */
  const alq_result *r = run("وتقدمت المقاومة الشعبية نحو عدن وسط غطاء جوي من طائرات التحالف العربي.");
  const alq_claim *c = find(r, "arab-coalition", "yemen-popular-resistance", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "arab-coalition");
  /* ... also past one adjective of the help */
  r = run("وأكد المتحدث أن حزب الله يتلقى الدعم المادي من إيران منذ سنوات.");
  c = find(r, "iran", "hezbollah", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  /* "with the help of Y" after the helped: Y supports */
  r = run("وتمكنت القوات الحكومية اليمنية بمساندة القوات الإماراتية من تحرير المدينة.");
  c = find(r, "uae", "yemeni-army", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "uae");
  /* ... but an action noun after ب is the act of the name before it (قيام
     X بتدريب Y: X trains Y) */
  r = run("وتثبت المقاطع قيام حزب الله بتدريب ميليشيا الحوثي على تهريب المقاتلين.");
  c = find(r, "hezbollah", "houthis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "hezbollah");
  /* ... but the accused of an accusation is the supporter */
  r = run("واتهمت الولايات المتحدة تركيا بمساعدة تنظيم داعش.");
  c = find(r, "turkey", "isis", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "turkey");
  /* X وداعمته Y: Y is X's supporter */
  r = run("وتتهم السعودية حركة حماس وداعمتها إيران بالتصعيد.");
  c = find(r, "iran", "hamas", "support");
  assert_non_null(c);
  assert_string_equal(c->a, "iran");
  /* cutting X's supply lines is no support for X */
  r = run("وأعلن الجيش اليمني أنه قطع خطوط إمداد الحوثيين قرب الحديدة.");
  assert_null(find(r, "yemeni-army", "houthis", "support"));
}

static void test_permission_to_use(void **state) {
  (void)state;
  /* allowing another the use of one's bases is cooperation */
  const alq_result *r = run("وأعلن مسؤول أن الأردن سمح للولايات المتحدة باستخدام قاعدة جوية في الشمال.");
  assert_non_null(find(r, "jordan", "usa", "cooperation"));
  /* "will not allow X to ..." is none */
  r = run("وقال المتحدث إن الأردن لن يسمح لإيران بإقامة قواعد على حدوده.");
  assert_null(find(r, "iran", "jordan", "cooperation"));
}

static void test_ambiguous_name_coordinated(void **state) {
  (void)state;
  /* a name that is also a common word is the actor after a member noun or
     coordinated right after another actor */
  const alq_result *r = run("وقصفت ميليشيات الحوثي وصالح أحياء المدينة. وقال مسؤول إن متمردي الشباب هاجموا قاعدة عسكرية.");
  mention_is(r, "saleh-forces", "FORCE", "صالح");
  mention_is(r, "al-shabaab", "ORG", "الشباب");
  /* and a word alone */
  r = run("وقال مسؤول إن القرار صالح لمدة عام وإن الشباب يشاركون في الانتخابات.");
  for (size_t i = 0; i < r->nmentions; i++) {
    assert_string_not_equal(r->mentions[i].id, "saleh-forces");
    assert_string_not_equal(r->mentions[i].id, "al-shabaab");
  }
}

static void test_unit_named_by_number(void **state) {
  (void)state;
  /* a definite unit head and a number name a new organization, one id for
     all its forms */
  const alq_result *r = run("وخطفت جبهة النصرة ثمانية عناصر من \"الفرقة 30\" قرب اعزاز، وقصف الطيران معسكر اللواء ٣٥ ثم مقرا للفرقة 30.");
  mention_is(r, "new:فرقه-30", "ORG", "الفرقة 30");
  mention_is(r, "new:لواء-35", "ORG", "اللواء ٣٥");
  mention_is(r, "new:فرقه-30", "ORG", "فرقة 30");
  /* a general's title, an indefinite unit with a count, a year: none */
  r = run("وقال اللواء الركن أحمد إن فرقة 5 آلاف مقاتل وصلت، وإن الكتيبة 2015 لم تكن.");
  for (size_t i = 0; i < r->nmentions; i++)
    if (r->mentions[i].id) assert_false(!strncmp(r->mentions[i].id, "new:لواء", strlen("new:لواء")) ||
                                        !strncmp(r->mentions[i].id, "new:فرقه", strlen("new:فرقه")) ||
                                        !strncmp(r->mentions[i].id, "new:كتيبه", strlen("new:كتيبه")));
}

static void test_relation_noun_in_a_name(void **state) {
  (void)state;
  /* a relation noun as the genitive of an organization's head word is part
     of a name (هيئة التنسيق), not a relation */
  const alq_result *r = run("وأعرب الائتلاف الوطني السوري وهيئة التنسيق عن إدانتهما أعمال تنظيم داعش وحزب الله.");
  assert_null(find(r, "hezbollah", "isis", "cooperation"));
  assert_null(find(r, "isis", "soc", "cooperation"));
  /* fighting on behalf of (لصالح) an actor is fighting on its side */
  r = run("وتتواجد قوات حزب الله في سوريا للقتال لصالح نظام بشار الأسد.");
  assert_non_null(find(r, "hezbollah", "syria", "cooperation"));
  assert_null(find(r, "hezbollah", "syria", "conflict"));
  /* "and those loyal to Y" names people: the name before is no party */
  r = run("وتعقبت وحدات حماية الشعب المتورطين في الانتهاكات والمساندين لتنظيم داعش.");
  assert_null(find(r, "ypg", "isis", "support"));
  r = run("وتدور المعارك في اليمن بين المتمردين الحوثيين والموالين للحكومة.");
  assert_null(find(r, "houthis", "yemen", "affiliation"));
  /* a singular one after a name describes it */
  r = run("وقاتلت القوات النيجيرية جماعة بوكو حرام والموالية لتنظيم داعش.");
  assert_non_null(find(r, "boko-haram", "isis", "affiliation"));
  /* the complement of a participle modifying a name (X الموالية لـ Y) is not
     the agent of what follows: X is */
  r = run("وأعلنت قوات المقاومة الشعبية الموالية للحكومة اليمنية أنها استعادت مواقع من الحوثيين.");
  assert_non_null(find(r, "houthis", "yemen-popular-resistance", "conflict"));
  assert_null(find(r, "houthis", "yemen", "conflict"));
  r = run("وتسيطر ميليشيا حزب الله الموالية لإيران، والتي تدعم ميليشيا الحوثي بالسلاح، على المعابر.");
  assert_non_null(find(r, "hezbollah", "houthis", "support"));
  assert_null(find(r, "iran", "houthis", "support"));
  /* "in the country" is a place, not the state as a party */
  r = run("وأعلنت سوريا موقفها. وقرر القادة قبول مقترحات الأمم المتحدة والتركيز على مكافحة الإرهاب في البلاد.");
  assert_null(find(r, "syria", "un", "conflict"));
  r = run("وأعلنت الحكومة السورية أنها ستواصل القتال. وقال مسؤول إن البلاد تقاتل تنظيم داعش.");
  assert_non_null(find(r, "isis", "syria", "conflict"));
  /* "the militias" refer back to an organization named as a militia, not to
     any organization */
  r = run("وقاتل الجيش السوري الحر تنظيم داعش في ريف حلب. وتصدت القوات لمحاولات قوات الأسد المدعومة بعناصر من الميليشيات التقدم.");
  assert_null(find(r, "isis", "syrian-army", "support"));
  r = run("وقالت مصادر إن ميليشيات حزب الله انتشرت في القصير. وأكدت أن إيران تواصل تسليح الميليشيات.");
  assert_non_null(find(r, "hezbollah", "iran", "support"));
  /* a name after a relation word is in what is said, not the speaker of a
     verb of saying before it */
  r = run("وكشفت مصادر معارضة أن التطورات الميدانية تؤكد وجود تنسيق بين تنظيم داعش وجبهة النصرة التابعة لتنظيم القاعدة.");
  source_is(find(r, "nusra", "al-qaeda", "affiliation"), "مصادر معارضة", "anonymous");
  /* a later longer name of a state's body is a source of its own; a later
     short name repeats the first full one */
  r = run("وقصف الجيش التركي مواقع في سوريا. وقتل جندي تركي في صدام مع تنظيم داعش بحسب رئاسة أركان الجيش التركي.");
  source_is(find(r, "isis", "turkey", "conflict"), "رئاسة أركان الجيش التركي", "official");
  /* ... and its describing participle (معارض) */
  r = run("وقال مصدر سياسي معارض إن تركيا تدعم الجيش السوري الحر.");
  source_is(find(r, "turkey", "fsa", "support"), "مصدر سياسي معارض", "anonymous");
  /* an unnamed source keeps the body it belongs to */
  r = run("وقال مسؤول في وزارة الخارجية التركية إن أنقرة ستواصل دعم الجيش السوري الحر.");
  source_is(find(r, "turkey", "fsa", "support"), "مسؤول في وزارة الخارجية التركية", "anonymous");
  /* the body of an actor speaking after the verb is the whole phrase */
  r = run("وقال المركز الإعلامي للمقاومة الشعبية إن الهجوم أسفر عن مقتل اثنين من المسلحين الحوثيين.");
  source_is(find(r, "houthis", "yemen-popular-resistance", "conflict"), "المركز الإعلامي للمقاومة الشعبية", "official");
  /* "as X said" closing a sentence names its source */
  r = run("وتواصلت المواجهات في عدن بين الجيش اليمني والمتمردين الحوثيين، كما ذكرت مصادر عسكرية.");
  source_is(find(r, "houthis", "yemeni-army", "conflict"), "مصادر عسكرية", "anonymous");
  /* an enumeration in parentheses is one side of a between-pair */
  r = run("وانسحبت واشنطن من الاتفاق المبرم بين القوى العظمى (روسيا والصين وفرنسا) وإيران.");
  assert_non_null(find(r, "china", "iran", "reconciliation"));
  assert_non_null(find(r, "iran", "russia", "reconciliation"));
  assert_null(find(r, "china", "russia", "reconciliation"));
  assert_null(find(r, "china", "france", "reconciliation"));
  /* ... but one name in parentheses is an apposition */
  r = run("وتم التوصل إلى وقف إطلاق النار بين فيلق الرحمن (الجيش الحر) والقوات الروسية.");
  assert_non_null(find(r, "faylaq-al-rahman", "russia", "reconciliation"));
  /* a country starting a route (من الصين إلى سوريا) is a place */
  r = run("وقدم آلاف المقاتلين من الصين إلى سوريا حيث شكلوا فصيلا بالتحالف مع جبهة النصرة.");
  mention_is(r, "china", "PLACE", "الصين");
  assert_null(find(r, "china", "nusra", "alliance"));
  /* bare التحالف after the coalition was named, in a sentence naming its one
     enemy, is the coalition */
  r = run("وانضمت السعودية إلى التحالف الدولي لهزيمة داعش منذ البداية. وحييت واشنطن السعودية على دعمها للتحالف في الحرب على داعش.");
  mention_is(r, "international-coalition", "COALITION", "لتحالف");   /* (للتحالف: after the first ل) */
  /* "the Arab-international coalition" of 2014 is the international one */
  r = run("وشنت طائرات التحالف العربي الدولي غارات على مواقع تنظيم داعش في الرقة.");
  mention_is(r, "international-coalition", "COALITION", "طائرات التحالف العربي الدولي");
  assert_non_null(find(r, "international-coalition", "isis", "conflict"));
  /* fire opened on a target with its opener between verb and object */
  r = run("وقال الجيش إن الاشتباك بدأ حين فتح عناصر من حزب العمال الكردستاني النار على قافلة للجيش التركي.");
  assert_non_null(find(r, "pkk", "turkey", "conflict"));
  /* "the attackers" stand for the organization last named */
  r = run("وأعلنت حركة طالبان مسؤوليتها عن الهجوم على نقطة التفتيش. وقال مسؤول إن الجيش الأفغاني صد المهاجمين بعد ساعتين.");
  assert_non_null(find(r, "afghanistan", "taliban", "conflict"));
  /* the same noun alone relates its pair */
  r = run("وأعلن الائتلاف الوطني السوري التنسيق مع الحكومة التركية.");
  assert_non_null(find(r, "soc", "turkey", "cooperation"));
}

static void test_pair_of_the_story(void **state) {
  (void)state;
  /* a relation word without parties takes a pair the story is about (named
     together twice), not two names that meet once */
  const alq_result *r = run("قمة اقتصادية في الرياض اليوم\nافتتح الوزير القمة صباح اليوم بكلمة عن الاقتصاد.\n"
                            "وقال إن المصالحة ضرورية كما أن تنظيم داعش وتنظيم القاعدة خطر.");
  assert_null(find(r, "al-qaeda", "isis", "reconciliation"));
  r = run("وتقاتل تنظيم داعش وتنظيم القاعدة في سوريا منذ سنوات. ويرى خبراء أن تنظيم داعش وتنظيم القاعدة "
          "قد يتجهان إلى المصالحة في ظل الضغوط.");
  assert_non_null(find(r, "al-qaeda", "isis", "reconciliation"));
  /* hostility within a list of three or more names is no rivalry among them */
  r = run("وتضم الجبهة سوريا ومصر والسعودية وقطر، وتحمل رسالة إلى مختلف الغرماء.");
  assert_null(find(r, "egypt", "syria", "rivalry"));
  /* "a political solution" relates a pair only with بين: two states calling
     for one to another's crisis are not reconciling */
  r = run("وأكدت السعودية وبريطانيا أهمية التوصل إلى حل سياسي للأزمة في اليمن.");
  assert_null(find(r, "saudi-arabia", "uk", "reconciliation"));
  /* restoring relations is reconciliation, not the hostility of a cut */
  r = run("وقررت السعودية استعادة علاقاتها مع تركيا بعد سنوات من القطيعة.");
  assert_non_null(find(r, "saudi-arabia", "turkey", "reconciliation"));
  assert_null(find(r, "saudi-arabia", "turkey", "conflict"));
  /* a relation noun with the dual pronoun is the relation of the pair
     before it; the name after is its subject matter */
  r = run("وفشلت مصر وتركيا في تجاوز خلافاتهما حول مستقبل ليبيا.");
  assert_non_null(find(r, "egypt", "turkey", "rivalry"));
  assert_null(find(r, "egypt", "libya", "rivalry"));
  assert_null(find(r, "libya", "turkey", "rivalry"));
  /* الأخير after a definite noun is "the latest", no anaphor; alone it is
     "the latter" */
  r = run("وقاتل الجيش العراقي تنظيم داعش في الموصل. ورحب مسؤولون بالتفاهم الأخير بين تركيا والولايات المتحدة. "
          "وقال الأخير إن التعاون مع روسيا مستمر.");
  assert_non_null(find(r, "turkey", "usa", "reconciliation"));
  assert_null(find(r, "isis", "turkey", "reconciliation"));
  assert_null(find(r, "isis", "usa", "reconciliation"));
  assert_non_null(find(r, "russia", "usa", "cooperation"));
}

static void test_possessor_in_relative_clause(void **state) {
  (void)state;
  /* a possessive pronoun in a relative clause is the head's: an unnamed
     head gives no claim to a name further back */
  const alq_result *r = run("وتنتشر قوات من نيجيريا وتشاد لقتال المجموعة التي أعلنت ولاءها لتنظيم داعش.");
  assert_null(find(r, "chad", "isis", "affiliation"));
  assert_null(find(r, "nigeria", "isis", "affiliation"));
  /* a named head is the owner */
  r = run("وتقاتل القوات النيجيرية جماعة بوكو حرام التي أعلنت ولاءها لتنظيم داعش.");
  assert_non_null(find(r, "boko-haram", "isis", "affiliation"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_against_adjacent),
    cmocka_unit_test(test_support_against_third),
    cmocka_unit_test(test_outlet_report_is_the_outlet),
    cmocka_unit_test(test_month_forms),
    cmocka_unit_test(test_pair_named_after_noun_trigger),
    cmocka_unit_test(test_double_negation_and_doubt),
    cmocka_unit_test(test_split_from_parent_named_twice),
    cmocka_unit_test(test_plural_verb_has_its_subject),
    cmocka_unit_test(test_hedge_after_belongs_to_next_predicate),
    cmocka_unit_test(test_source_phrases),
    cmocka_unit_test(test_nationality_force_and_government),
    cmocka_unit_test(test_vso_object_and_comma_groups),
    cmocka_unit_test(test_partner_with_distant_agent),
    cmocka_unit_test(test_adjacent_hedges),
    cmocka_unit_test(test_truncated_repeat_is_chrome),
    cmocka_unit_test(test_trailing_leads_are_teasers),
    cmocka_unit_test(test_partner_in_coalition),
    cmocka_unit_test(test_support_for_a_thing),
    cmocka_unit_test(test_unlike_is_no_dispute),
    cmocka_unit_test(test_legitimacy_in_yemen),
    cmocka_unit_test(test_support_for_them),
    cmocka_unit_test(test_received_blows_and_help),
    cmocka_unit_test(test_state_by_its_adjective),
    cmocka_unit_test(test_helper_is_not_the_agent),
    cmocka_unit_test(test_headquarters_is_a_place),
    cmocka_unit_test(test_possessed_partners),
    cmocka_unit_test(test_the_army_of_the_state),
    cmocka_unit_test(test_between_us),
    cmocka_unit_test(test_help_for_someone_unnamed),
    cmocka_unit_test(test_participle_of_a_common_noun),
    cmocka_unit_test(test_speaker_carried_over),
    cmocka_unit_test(test_bare_conjunct_is_one_side),
    cmocka_unit_test(test_but_rather),
    cmocka_unit_test(test_sides_with_descriptions),
    cmocka_unit_test(test_name_with_a_place_object),
    cmocka_unit_test(test_between_it_and),
    cmocka_unit_test(test_killed_some_of),
    cmocka_unit_test(test_office_holder_speaks),
    cmocka_unit_test(test_two_sides_after_a_joint_attack),
    cmocka_unit_test(test_separatist_is_no_split),
    cmocka_unit_test(test_relation_of_two_nationalities),
    cmocka_unit_test(test_target_of_another_relation),
    cmocka_unit_test(test_a_persons_help),
    cmocka_unit_test(test_non_and_among),
    cmocka_unit_test(test_dual_past_is_a_date),
    cmocka_unit_test(test_story_pair_needs_three),
    cmocka_unit_test(test_verb_with_pronoun_before_its_subject),
    cmocka_unit_test(test_started_is_no_hedge),
    cmocka_unit_test(test_role_nouns),
    cmocka_unit_test(test_reciprocal_symmetric),
    cmocka_unit_test(test_hostility_named_by_reconciliation),
    cmocka_unit_test(test_plausible_and_pushed),
    cmocka_unit_test(test_pair_anaphor_as_object),
    cmocka_unit_test(test_mutual_word_with_one_name),
    cmocka_unit_test(test_descriptors_and_object_relatives),
    cmocka_unit_test(test_relative_object_pronoun_direction),
    cmocka_unit_test(test_member_conjuncts_and_unify),
    cmocka_unit_test(test_role_apposition_last_conjunct),
    cmocka_unit_test(test_cleft_subject),
    cmocka_unit_test(test_pair_anaphor_before_and_next_clause_hedge),
    cmocka_unit_test(test_possessive_allies_and_ranks),
    cmocka_unit_test(test_possessed_support),
    cmocka_unit_test(test_led_coalition_against_org_anaphor),
    cmocka_unit_test(test_phrase_boundaries),
    cmocka_unit_test(test_person_for_org),
    cmocka_unit_test(test_soldiers_of_a_state),
    cmocka_unit_test(test_affiliation_examples),
    cmocka_unit_test(test_participle_not_trigger),
    cmocka_unit_test(test_singular_relative_head),
    cmocka_unit_test(test_verb_without_parties_not_focus),
    cmocka_unit_test(test_later_person_reference),
    cmocka_unit_test(test_subordinate_clause_subject),
    cmocka_unit_test(test_state_and_own_force_one_side),
    cmocka_unit_test(test_coordinated_genitives),
    cmocka_unit_test(test_national_army_of_the_story),
    cmocka_unit_test(test_purpose_target_and_both_places),
    cmocka_unit_test(test_one_sense_per_story),
    cmocka_unit_test(test_vso_time_adverbial_and_genitive_object),
    cmocka_unit_test(test_membership_in_copula_apposition),
    cmocka_unit_test(test_later_source_references),
    cmocka_unit_test(test_time_of_saying_and_relative_clause),
    cmocka_unit_test(test_counted_and_demonstrative_dates),
    cmocka_unit_test(test_closing_time_adverbial),
    cmocka_unit_test(test_new_conjunct_ends_phrase),
    cmocka_unit_test(test_coordinated_verb_shares_subject),
    cmocka_unit_test(test_rebels_in_a_yemen_story),
    cmocka_unit_test(test_office_named_by_nationality),
    cmocka_unit_test(test_two_sides),
    cmocka_unit_test(test_cooperation_against_a_target),
    cmocka_unit_test(test_groups_linked_to_a_pair),
    cmocka_unit_test(test_help_from_a_giver),
    cmocka_unit_test(test_permission_to_use),
    cmocka_unit_test(test_ambiguous_name_coordinated),
    cmocka_unit_test(test_unit_named_by_number),
    cmocka_unit_test(test_relation_noun_in_a_name),
    cmocka_unit_test(test_pair_of_the_story),
    cmocka_unit_test(test_possessor_in_relative_clause),
    cmocka_unit_test(test_indefinite_participle),
    cmocka_unit_test(test_kana_qad_subject),
    cmocka_unit_test(test_help_for_a_thing_from),
    cmocka_unit_test(test_deescalation_not_escalation),
    cmocka_unit_test(test_pair_anaphor_of_a_kind),
    cmocka_unit_test(test_agent_inside_the_group),
    cmocka_unit_test(test_people_of_a_country),
    cmocka_unit_test(test_opposed_participle),
    cmocka_unit_test(test_passive_participle_with),
    cmocka_unit_test(test_other_side_only),
    cmocka_unit_test(test_enjoys_support),
    cmocka_unit_test(test_coalition_anaphor),
    cmocka_unit_test(test_two_sides_after_a_third),
    cmocka_unit_test(test_raids_as_help),
    cmocka_unit_test(test_people_joining),
    cmocka_unit_test(test_partners_of),
    cmocka_unit_test(test_fight_among_three),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
