/* Near-duplicate detection: made-up syndicated copies that differ in page
 * chrome (mastheads, buttons, "read also" lines) and small edits are linked
 * to the first publication; a different article on the same topic is not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "read/read.h"
#include "text/text.h"

static const char *const P1 =
  "قالت مصادر ميدانية إن اشتباكات عنيفة اندلعت صباح اليوم بين مقاتلين من جبهة النصرة وعناصر من تنظيم الدولة الإسلامية في ريف حلب الشمالي\n"
  "وأضافت المصادر أن الاشتباكات تركزت حول بلدة مارع وأسفرت عن سقوط عدد من القتلى والجرحى من الطرفين في حصيلة غير نهائية\n"
  "وأشار ناشطون إلى أن التنظيم استقدم تعزيزات من مدينة الباب بعد أن فقد السيطرة على عدة نقاط في محيط البلدة خلال الليل\n"
  "ويأتي هذا التصعيد بعد أسابيع من الهدوء النسبي بين الفصيلين اللذين تبادلا الاتهامات بخرق اتفاق سابق لوقف القتال في المنطقة\n"
  "من جهته قال قيادي في الجبهة إن مقاتليه صدوا هجوما واسعا وإن المعارك ما زالت مستمرة حتى ساعة إعداد هذا التقرير\n"
  "ولم يصدر عن تنظيم الدولة أي تعليق رسمي على هذه المعارك غير أن حسابات مقربة منه على مواقع التواصل تحدثت عن تقدم لعناصره\n"
  "وكانت فصائل معارضة أخرى قد دعت الطرفين في وقت سابق إلى وقف الاقتتال وتوجيه السلاح نحو قوات النظام التي تحاصر أحياء حلب الشرقية\n"
  "ويرى محللون أن الصراع على طرق الإمداد القادمة من الحدود التركية هو السبب الرئيسي لتجدد المواجهات بين الجانبين في هذه المنطقة\n"
  "وتعد بلدة مارع من أبرز معاقل المعارضة في الريف الشمالي وقد تعرضت خلال العامين الماضيين لهجمات متكررة من التنظيم دون أن يتمكن من دخولها\n"
  "وتشير تقديرات منظمات حقوقية إلى أن المعارك بين الفصائل أودت بحياة آلاف المقاتلين والمدنيين منذ مطلع عام ألفين وأربعة عشر\n";

static const char *const P2 =
  "أعلنت وزارة الدفاع التركية أن طائراتها قصفت مواقع لحزب العمال الكردستاني في جبال قنديل شمال العراق مساء أمس\n"
  "وذكر بيان الوزارة أن الغارات دمرت مخازن للأسلحة وملاجئ يستخدمها المسلحون في التخطيط لهجمات داخل الأراضي التركية\n"
  "في المقابل قال متحدث باسم الحزب إن القصف أصاب قرى مدنية وأوقع إصابات بين السكان ونفى وجود مخازن في المنطقة المستهدفة\n"
  "وتشن أنقرة منذ سنوات عمليات عسكرية متكررة ضد الحزب الذي تصنفه منظمة إرهابية هي والولايات المتحدة والاتحاد الأوروبي\n";

static char *cat3(const char *a, const char *b, const char *c) {
  size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
  char *s = malloc(n);
  snprintf(s, n, "%s%s%s", a, b, c);
  return s;
}

/* Replaces the first occurrence of `from` in s by `to` (a small edit). */
static char *edit(const char *s, const char *from, const char *to) {
  const char *p = strstr(s, from);
  assert_non_null(p);
  size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
  char *o = malloc(n);
  snprintf(o, n, "%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
  return o;
}

static void copies_linked(void **state) {
  (void)state;
  alq_dedup *d;
  assert_int_equal(alq_dedup_new(&d, 0.8), 0);
  long long of; double sim;
  /* 0: the original, with its outlet's chrome */
  char *orig = cat3("عنب بلدي\nالرئيسية | أخبار | تقارير\n", P1, "شارك\nطباعة\n");
  assert_int_equal(alq_dedup_add(d, orig, strlen(orig), &of, &sim), 0);
  assert_int_equal(of, -1);
  /* 1: a different article under the same chrome: not a copy */
  char *other = cat3("عنب بلدي\nالرئيسية | أخبار | تقارير\n", P2, "شارك\nطباعة\n");
  assert_int_equal(alq_dedup_add(d, other, strlen(other), &of, &sim), 0);
  assert_int_equal(of, -1);
  /* 2: republished elsewhere: other masthead, "read also", two word edits */
  char *e1 = edit(P1, "صباح اليوم", "صباح الاثنين");
  char *e2 = edit(e1, "في حصيلة غير نهائية", "وفق حصيلة أولية");
  char *copy = cat3("السورية نت | آخر الأخبار\n14 مارس 2015\n", e2, "اقرأ أيضا: معارك في ريف إدلب\nتابعونا على تويتر\n");
  assert_int_equal(alq_dedup_add(d, copy, strlen(copy), &of, &sim), 0);
  printf("copy with edits and other chrome: similarity %.3f\n", sim);
  assert_int_equal(of, 0);
  assert_true(sim >= 0.8);
  /* 3: diacritics, hamza and ta marbuta variants, tatweel: still a copy */
  char *e3 = edit(P1, "إن اشتباكات عنيفة", "ان اشتبـاكات عَنيفه");
  char *var = cat3("", e3, "");
  assert_int_equal(alq_dedup_add(d, var, strlen(var), &of, &sim), 0);
  assert_int_equal(of, 0);
  /* 4: a copy of the other article links to 1, not 0 */
  char *copy2 = cat3("وكالة الأنباء\n", P2, "");
  assert_int_equal(alq_dedup_add(d, copy2, strlen(copy2), &of, &sim), 0);
  assert_int_equal(of, 1);
  /* 5: too short to judge, invalid bytes tolerated */
  assert_int_equal(alq_dedup_add(d, "\xff\xfe قصير", 9, &of, &sim), 0);
  assert_int_equal(of, -1);
  assert_int_equal(alq_dedup_count(d), 6);
  assert_true(alq_dedup_similarity(d, 0, 1) < 0.2);
  free(orig); free(other); free(e1); free(e2); free(copy); free(e3); free(var); free(copy2);
  alq_dedup_free(d);
}

/* Half of the article kept: similar, but under the threshold. */
static void partial_not_linked(void **state) {
  (void)state;
  alq_dedup *d;
  assert_int_equal(alq_dedup_new(&d, 0.8), 0);
  long long of; double sim;
  assert_int_equal(alq_dedup_add(d, P1, strlen(P1), &of, &sim), 0);
  const char *half = strstr(P1, "ويأتي");
  assert_int_equal(alq_dedup_add(d, half, strlen(half), &of, &sim), 0);
  assert_int_equal(of, -1);
  alq_dedup_free(d);
}

/* Signatures exported and imported (as the store keeps them): an index fed
 * with the packed and unpacked signatures of texts answers exactly as one
 * fed with the texts, and a text too short has no signature. */
static void signatures_round_trip(void **state) {
  (void)state;
  char *copy = cat3("الرئيسية | أخبار | اتصل بنا\n", P1, "اقرأ أيضا\n");
  char *var = edit(P1, "صباح اليوم", "فجر اليوم");
  const char *texts[] = {P1, P2, "\xff\xfe قصير", copy, var, strstr(P1, "ويأتي")};
  enum { N = sizeof texts / sizeof texts[0] };
  alq_dedup *a, *b;
  assert_int_equal(alq_dedup_new(&a, 0.8), 0);
  assert_int_equal(alq_dedup_new(&b, 0.8), 0);
  for (size_t i = 0; i < N; i++) {
    long long of1, of2;
    double s1, s2;
    assert_int_equal(alq_dedup_add(a, texts[i], strlen(texts[i]), &of1, &s1), 0);
    uint32_t sig[ALQ_DEDUP_HASHES], back[ALQ_DEDUP_HASHES];
    unsigned char bytes[ALQ_DEDUP_SIG_BYTES];
    int has = alq_dedup_signature(texts[i], strlen(texts[i]), sig);
    assert_int_equal(has, i == 2 ? 0 : 1);
    if (has) {
      alq_dedup_sig_pack(sig, bytes);
      /* little-endian, whatever the machine */
      assert_int_equal(bytes[0] | bytes[1] << 8 | bytes[2] << 16 | (uint32_t)bytes[3] << 24, sig[0]);
      alq_dedup_sig_unpack(bytes, back);
      assert_memory_equal(back, sig, sizeof sig);
      assert_memory_equal(alq_dedup_sig(a, i), sig, sizeof sig);
    } else assert_null(alq_dedup_sig(a, i));
    assert_int_equal(alq_dedup_add_sig(b, has ? back : NULL, &of2, &s2), 0);
    assert_int_equal(of1, of2);
    assert_true(s1 == s2);
  }
  assert_null(alq_dedup_sig(a, N));
  assert_int_equal(alq_dedup_count(b), N);
  long long of; double sim;
  /* the copy and the variant are linked to P1 (document 0) */
  assert_int_equal(alq_dedup_add_sig(b, alq_dedup_sig(a, 3), &of, &sim), 0);
  assert_int_equal(of, 0);
  alq_dedup_free(a);
  alq_dedup_free(b);
  free(copy);
  free(var);
}

/* The signature function is part of the stored data (schema 4): the minima
 * of one 5-word text, computed here from the definition (FNV-1a over each
 * normalized code point's 4 bytes per word; a shingle = mix64 chained over
 * its words; hash k = mix64(shingle + 0x9e3779b97f4a7c15 * (k + 1)) >> 32),
 * must come out of every build (the vectorized paths included). */
static uint64_t ref_mix64(uint64_t x) {
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27; x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

static void signature_is_stable(void **state) {
  (void)state;
  static const char *const w[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"};
  for (int n = 5; n <= 6; n++) {
    char text[64] = "";
    uint64_t wh[6];
    for (int i = 0; i < n; i++) {
      strcat(text, w[i]);
      strcat(text, i + 1 < n ? " " : "\n");
      uint64_t h = 1469598103934665603ULL;
      for (const char *c = w[i]; *c; c++)
        for (int j = 0; j < 4; j++) { h ^= ((uint32_t)(unsigned char)*c >> (8 * j)) & 0xff; h *= 1099511628211ULL; }
      wh[i] = h;
    }
    uint32_t want[ALQ_DEDUP_HASHES], got[ALQ_DEDUP_HASHES];
    for (int k = 0; k < ALQ_DEDUP_HASHES; k++) want[k] = UINT32_MAX;
    for (int i = 0; i + 5 <= n; i++) {
      uint64_t sh = 0;
      for (int j = 0; j < 5; j++) sh = ref_mix64(sh ^ wh[i + j]);
      for (int k = 0; k < ALQ_DEDUP_HASHES; k++) {
        uint32_t v = (uint32_t)(ref_mix64(sh + 0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1)) >> 32);
        if (v < want[k]) want[k] = v;
      }
    }
    assert_int_equal(alq_dedup_signature(text, strlen(text), got), 1);
    assert_memory_equal(got, want, sizeof want);
  }
  uint32_t none[ALQ_DEDUP_HASHES];
  assert_int_equal(alq_dedup_signature("alpha beta gamma delta", 22, none), 0);
}

/* The words of a text as the signature's definition makes them (each code
 * point through alq_utf8_next and alq_norm_cp, letters, marks and numbers
 * by their Unicode category), against alq_dedup_signature's table of the
 * code points below 0x800: texts with Arabic diacritics and tatweel, Latin
 * accents, Hebrew, Cyrillic, digits, invalid and truncated bytes. */
static int ref_word_cp(int32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static void ref_signature(const char *text, size_t len, uint32_t sig[ALQ_DEDUP_HASHES]) {
  uint64_t wh[256];
  size_t n = 0, pos = 0;
  uint64_t h = 1469598103934665603ULL;
  int in = 0;
  while (pos < len) {
    int32_t cp, out[8];
    alq_utf8_next((const uint8_t *)text, len, &pos, &cp);
    int k = alq_norm_cp(cp, out);
    if (cp == 0x640 || (k == 0 && cp != '\n')) continue;
    if (ref_word_cp(cp)) {
      for (int i = 0; i < k; i++)
        for (int j = 0; j < 4; j++) { h ^= ((uint32_t)out[i] >> (8 * j)) & 0xff; h *= 1099511628211ULL; }
      in = 1;
      continue;
    }
    if (in) wh[n++] = h;
    in = 0;
    h = 1469598103934665603ULL;
  }
  if (in) wh[n++] = h;
  assert_true(n >= 5 && n < 40);   /* one line, fewer than 40 words: all kept */
  for (int k = 0; k < ALQ_DEDUP_HASHES; k++) sig[k] = UINT32_MAX;
  for (size_t i = 0; i + 5 <= n; i++) {
    uint64_t sh = 0;
    for (int j = 0; j < 5; j++) sh = ref_mix64(sh ^ wh[i + j]);
    for (int k = 0; k < ALQ_DEDUP_HASHES; k++) {
      uint32_t v = (uint32_t)(ref_mix64(sh + 0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1)) >> 32);
      if (v < sig[k]) sig[k] = v;
    }
  }
}

static void signature_words_as_defined(void **state) {
  (void)state;
  static const char *const texts[] = {
    "قَالَ المُتَحَدِّثُ باسْمِ جَبْهَةِ النُّصْرَةِ إنَّ الاشتباكـــات مستمرةٌ مع تنظيم الدولة ٢٠١٥ أو 2015",
    "Café naïve ÉCOLE Straße Ωmega кириллица שלום עולם x\xcc\xa7" "y ﻻ ۱۲۳ done",
    "bad \xff bytes \xc3 in \xd9 the \xe2\x82 middle of words an\xd8" "d more words here \xd9",
    "emoji \xf0\x9f\x98\x80 and CJK 中文 词 and dashes — – word\xe2\x80\x8cjoin and more words \xc2"};
  for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
    uint32_t want[ALQ_DEDUP_HASHES], got[ALQ_DEDUP_HASHES];
    ref_signature(texts[t], strlen(texts[t]), want);
    assert_int_equal(alq_dedup_signature(texts[t], strlen(texts[t]), got), 1);
    assert_memory_equal(got, want, sizeof want);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(copies_linked),
    cmocka_unit_test(partial_not_linked),
    cmocka_unit_test(signatures_round_trip),
    cmocka_unit_test(signature_is_stable),
    cmocka_unit_test(signature_words_as_defined),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
