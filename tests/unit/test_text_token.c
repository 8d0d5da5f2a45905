/* Tokens: kinds, byte offsets, normalized forms and flags (joiners, quote
 * direction, space and line breaks before). Each case renders the tokens as
 * "kind start-end:norm:flags" so offsets are checked exactly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "alaqat.h"
#include "text/text.h"

/* Kinds: A Arabic, L Latin, N number, Q quote, P punct, X invalid.
 * Flags: J joiner, S space before, N newline before, O open, C close. */
static void render(const alq_text *t, char *buf, size_t cap) {
  static const char kinds[] = "?ALNQPX";
  size_t w = 0;
  buf[0] = 0;
  for (size_t i = 0; i < t->ntoks && w < cap; i++) {
    const alq_token *k = &t->toks[i];
    char fl[8];
    size_t f = 0;
    if (k->flags & ALQ_TF_JOINER) fl[f++] = 'J';
    if (k->flags & ALQ_TF_SPACE_BEFORE) fl[f++] = 'S';
    if (k->flags & ALQ_TF_NEWLINE_BEFORE) fl[f++] = 'N';
    if (k->flags & ALQ_TF_OPEN_QUOTE) fl[f++] = 'O';
    if (k->flags & ALQ_TF_CLOSE_QUOTE) fl[f++] = 'C';
    fl[f] = 0;
    int n = snprintf(buf + w, cap - w, "%s%c%u-%u:%s:%s", i ? " " : "", kinds[k->kind], k->start, k->end,
                     alq_tok_norm(t, i), fl);
    if (n < 0) break;
    w += (size_t)n;
  }
}

static void check(const char *in, const char *want) {
  alq_arena a;
  alq_arena_init(&a, 0, 0);
  alq_text t;
  assert_int_equal(alq_text_analyze(&a, (const uint8_t *)in, strlen(in), &t), 0);
  char buf[4096];
  render(&t, buf, sizeof buf);
  if (strcmp(buf, want) != 0) fail_msg("input  %s\ngot    %s\nwanted %s", in, buf, want);
  /* Tokens are ordered, disjoint, non-empty, with non-empty forms. */
  for (size_t i = 0; i < t.ntoks; i++) {
    assert_true(t.toks[i].start < t.toks[i].end);
    assert_true(t.toks[i].nlen > 0);
    assert_int_equal(t.norm[t.toks[i].nstart + t.toks[i].nlen], 0);
    if (i) assert_true(t.toks[i - 1].end <= t.toks[i].start);
  }
  alq_arena_free(&a);
}

static void test_words(void **state) {
  (void)state;
  check("", "");
  check("   \n ", "");
  check("قال الناطق", "A0-6:قال:S A7-19:الناطق:S");
  check("أَحْمَد", "A0-14:احمد:S");                      /* diacritics inside */
  check("اللـه كـــبير", "A0-10:الله:S A11-25:كبير:S"); /* tatweel inside */
  check("ISIS Al-Qaeda", "L0-4:isis:S L5-7:al:S P7-8:-: L8-13:qaeda:");
  check("داعشISIS", "A0-8:داعش:S L8-12:isis:");
  check("Émile", "L0-6:émile:S");
  check("\xEF\xBB\xBB", "A0-3:لا:S");                    /* presentation form */
  /* ﺍﻟﻠﻪ in presentation forms, then a lone fathatan isolated form */
  check("\xEF\xBA\x8D\xEF\xBB\x9F\xEF\xBB\xA0\xEF\xBB\xAA \xEF\xB9\xB0", "A0-12:الله:S P13-16:\xEF\xB9\xB0:S");
  /* Invisible marks: kept inside a word, never at its edges. */
  check("دا\xE2\x80\x8C" "عش\xE2\x80\x8F ب", "A0-11:داعش:S A15-17:ب:S");
  check("ـ", "P0-2:ـ:S"); /* a lone tatweel keeps its form */
}

static void test_numbers(void **state) {
  (void)state;
  check("2.5", "N0-3:2.5:S");
  check("27/6/2015", "N0-9:27/6/2015:S");
  check("26-6-2015", "N0-9:26-6-2015:S");
  check("03:01", "N0-5:03:01:S");
  check("3,000", "N0-5:3,000:S");
  check("٢٠١٥", "N0-8:2015:S");
  check("۲۰۱۶", "N0-8:2016:S");
  check("١٢٫٥", "N0-8:12.5:S");
  check("2015.", "N0-4:2015:S P4-5:.:");
  check("1- عدم", "N0-1:1:S P1-2:-: A3-9:عدم:S");
  check("2012, 2013", "N0-4:2012:S P4-5:,: N6-10:2013:S");
  check("27/يونيو/2015", "N0-2:27:S P2-3:/: A3-13:يونيو: P13-14:/: N14-18:2015:");
  check("2015م", "N0-4:2015:S A4-6:م:");
}

static void test_punct(void **state) {
  (void)state;
  check("نعم، لا؛ ربما؟", "A0-6:نعم:S P6-8:،: A9-13:لا:S P13-15:؛: A16-24:ربما:S P24-26:؟:");
  check("الأخيرة.. معركة", "A0-14:الاخيره:S P14-16:..: A17-27:معركه:S");
  check("قال…", "A0-6:قال:S P6-9:…:");
  check("!!", "P0-1:!:S P1-2:!:");
  check("(أ)", "P0-1:(:S A1-3:ا: P3-4:):");
}

static void test_joiners_and_quotes(void **state) {
  (void)state;
  check("و\"القاعدة\"", "A0-2:و:JS Q2-3:\":O A3-17:القاعده: Q17-18:\":C");
  check("لـ\"داعش\"", "A0-4:ل:JS Q4-5:\":O A5-13:داعش: Q13-14:\":C");
  check("بـ\"النصرة\" ", "A0-4:ب:JS Q4-5:\":O A5-17:النصره: Q17-18:\":C");
  check("لـ داعش", "A0-4:ل:JS A5-13:داعش:S");
  /* A short quoted word is not a joiner: its quote closes. */
  check("\"فتح\" و", "Q0-1:\":SO A1-7:فتح: Q7-8:\":C A9-11:و:S");
  check("\"فتح\"، ثم", "Q0-1:\":SO A1-7:فتح: Q7-8:\":C P8-10:،: A11-15:ثم:S");
  /* 004's typography: ” opens after a joiner. */
  check("“داعش” و”القاعدة”",
        "Q0-3:“:SO A3-11:داعش: Q11-14:”:C A15-17:و:JS Q17-20:”:O A20-34:القاعده: Q34-37:”:C");
  check("«حماس»", "Q0-2:«:SO A2-10:حماس: Q10-12:»:C");
  /* No spaces at all: the quotation depth settles the middle quotes. */
  check("\"قسد\"و\"داعش\"", "Q0-1:\":SO A1-7:قسد: Q7-8:\":C A8-10:و:J Q10-11:\":O A11-19:داعش: Q19-20:\":C");
  check("قال:\"إن", "A0-6:قال:S P6-7::: Q7-8:\":O A8-12:ان:");
  check("(\"داعش\")", "P0-1:(:S Q1-2:\":O A2-10:داعش: Q10-11:\":C P11-12:):");
  check("انتهى.\" ثم", "A0-10:انتهي:S P10-11:.: Q11-12:\":C A13-17:ثم:S");
}

static void test_line_flags(void **state) {
  (void)state;
  check("أ\nب\r\nج\xE2\x80\xA8" "د \n\n هـ",
        "A0-2:ا:S A3-5:ب:SN A7-9:ج:SN A12-14:د:SN A18-22:ه:JSN");
  check("\xC2\xA0" "أ\xC2\xA0" "ب", "A2-4:ا:S A6-8:ب:S"); /* NBSP is a space */
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_words),
    cmocka_unit_test(test_numbers),
    cmocka_unit_test(test_punct),
    cmocka_unit_test(test_joiners_and_quotes),
    cmocka_unit_test(test_line_flags),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
