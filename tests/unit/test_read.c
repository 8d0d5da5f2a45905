/* Readers: main text of a real news page against its expected text (token
 * F1 floor), offset maps back to raw bytes, charset detection and decoding,
 * and refusal of pages nested too deeply. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "read/read.h"
#include "util/util.h"

#define CNN ALQ_TEST_SHARED "/data/arabic-news-html/cnn-arabic-2013-08-03-syria-clashes"

static size_t split(char *s, char **tok, size_t max) {
  size_t n = 0;
  for (char *t = strtok(s, " \t\n\r"); t && n < max; t = strtok(NULL, " \t\n\r")) tok[n++] = t;
  return n;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Token-level multiset overlap of got against want. */
static void token_prf(char *got, char *want, double *p, double *r) {
  static char *g[20000], *w[20000];
  size_t ng = split(got, g, 20000), nw = split(want, w, 20000), i = 0, j = 0, c = 0;
  qsort(g, ng, sizeof *g, cmp);
  qsort(w, nw, sizeof *w, cmp);
  while (i < ng && j < nw) {
    int d = strcmp(g[i], w[j]);
    if (!d) { c++; i++; j++; } else if (d < 0) i++; else j++;
  }
  *p = ng ? (double)c / (double)ng : 0;
  *r = nw ? (double)c / (double)nw : 0;
}

/* Every derived byte comes from its raw byte, a character reference, or is
 * a synthetic space/line break. */
static void check_map(const alq_read_doc *d, const char *raw, size_t rlen) {
  for (size_t i = 0; i < d->len; i++) {
    assert_true(d->ms[i] <= d->me[i] && d->me[i] <= rlen);
    if (d->text[i] == ' ' || d->text[i] == '\n') continue;
    assert_true(raw[d->ms[i]] == d->text[i] || raw[d->ms[i]] == '&');
  }
}

static void cnn_page(void **state) {
  (void)state;
  char *raw, *want; size_t n, wn;
  alq_error err = {0};
  assert_int_equal(alq_read_file(CNN ".html", &raw, &n, 0, &err), 0);
  assert_int_equal(alq_read_file(CNN ".expected.txt", &want, &wn, 0, &err), 0);
  assert_true(alq_read_is_html("x.html", raw, n));
  alq_read_doc d;
  assert_int_equal(alq_read_html(&d, raw, n, "cnn", &err), 0);
  check_map(&d, raw, n);
  assert_string_equal(d.title, "معارضون يسيطرون على مخازن للصواريخ بريف دمشق");
  assert_string_equal(d.outlet, "CNNArabic");
  assert_non_null(strstr(d.url, "syria.clashes"));
  assert_null(strstr(d.text, "ترحب شبكة CNN"));   /* comment policy */
  char *got = strdup(d.text);
  double p, r;
  token_prf(got, want, &p, &r);
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("# cnn main text: token P %.4f R %.4f F1 %.4f\n", p, r, f);
  assert_true(f >= 0.95);
  free(got); free(raw); free(want);
  alq_read_doc_free(&d);
}

static void entities_and_chrome(void **state) {
  (void)state;
  char *raw; size_t n;
  alq_error err = {0};
  assert_int_equal(alq_read_file(ALQ_TEST_SRCDIR "/tests/data/read/entities.html", &raw, &n, 0, &err), 0);
  alq_read_doc d;
  assert_int_equal(alq_read_html(&d, raw, n, "entities", &err), 0);
  check_map(&d, raw, n);
  assert_string_equal(d.date, "2015-06-27");
  assert_string_equal(d.title, "عنوان & الخبر");
  assert_null(strstr(d.text, "القائمة"));
  assert_null(strstr(d.text, "شارك"));
  assert_null(strstr(d.text, "الحقوق"));
  /* &#1580; (ج) maps to the whole reference */
  const char *j = strstr(d.text, "جبهة");
  assert_non_null(j);
  uint32_t sp[2];
  alq_read_map_span(&d, (uint32_t)(j - d.text), (uint32_t)(j - d.text + 2), sp);
  assert_memory_equal(raw + sp[0], "&#1580;", 7);
  assert_int_equal(sp[1] - sp[0], 7);
  /* a span crossing &nbsp; ends at the raw end of its last character */
  const char *k = strstr(d.text, "إن الاتفاق");
  assert_non_null(k);
  alq_read_map_span(&d, (uint32_t)(k - d.text), (uint32_t)(k - d.text + strlen("إن الاتفاق")), sp);
  assert_memory_equal(raw + sp[0], "إن&nbsp;الاتفاق", sp[1] - sp[0]);
  free(raw);
  alq_read_doc_free(&d);
}

static void encodings(void **state) {
  (void)state;
  char *raw; size_t n;
  alq_error err = {0};
  alq_read_doc d;
  assert_int_equal(alq_read_file(ALQ_TEST_SRCDIR "/tests/data/read/cp1256.txt", &raw, &n, 0, &err), 0);
  assert_int_equal(alq_read_detect_text(raw, n), ALQ_ENC_CP1256);
  assert_int_equal(alq_read_text(&d, raw, n, ALQ_ENC_CP1256, "cp", &err), 0);
  assert_string_equal(d.text, "أما وترحل التنظيم الدولة هام\n");
  uint32_t sp[2];
  alq_read_map_span(&d, 0, 2, sp);   /* أ: one raw byte */
  assert_int_equal(sp[0], 0); assert_int_equal(sp[1], 1);
  alq_read_doc_free(&d); free(raw);
  assert_int_equal(alq_read_file(ALQ_TEST_SRCDIR "/tests/data/read/utf16le.txt", &raw, &n, 0, &err), 0);
  assert_int_equal(alq_read_detect_text(raw, n), ALQ_ENC_UTF16LE);
  assert_int_equal(alq_read_text(&d, raw, n, ALQ_ENC_UTF16LE, "u16", &err), 0);
  assert_string_equal(d.text, "تحالف بين داعش والقاعدة\n");
  alq_read_map_span(&d, 0, 2, sp);
  assert_int_equal(sp[0], 2); assert_int_equal(sp[1], 4);
  alq_read_doc_free(&d); free(raw);
  /* a few bad bytes in UTF-8 stay UTF-8 (the text layer reports them) */
  assert_int_equal(alq_read_detect_text("abc \377\376 def", 10), ALQ_ENC_UTF8);
  assert_int_equal(alq_read_detect_text("\xef\xbb\xbf" "abc", 6), ALQ_ENC_UTF8_BOM);
  assert_int_equal(alq_read_text(&d, "ab\xff", 3, ALQ_ENC_UTF8, "bad", &err), 0);
  assert_int_equal(d.nbad, 1); assert_int_equal(d.first_bad, 2);
  alq_read_doc_free(&d);
  /* a declared windows-1256 page is decoded before parsing */
  const char page[] = "<html><head><meta charset=windows-1256></head><body><p>\xc7\xe1\xca\xe4\xd9\xed\xe3</p></body></html>";
  assert_int_equal(alq_read_html(&d, page, sizeof page - 1, "p", &err), 0);
  assert_string_equal(d.text, "التنظيم");
  assert_int_equal(d.enc, ALQ_ENC_CP1256);
  alq_read_doc_free(&d);
}

static void too_deep(void **state) {
  (void)state;
  size_t n = 100000 * 5;
  char *p = malloc(n + 1);
  for (size_t i = 0; i < n; i += 5) memcpy(p + i, "<div>", 5);
  alq_read_doc d;
  alq_error err = {0};
  assert_int_equal(alq_read_html(&d, p, n, "deep", &err), ALQ_EFORMAT);
  assert_true(err.offset > 0);
  /* 100,000 unclosed <p> nest nothing: read normally */
  for (size_t i = 0; i < n; i += 5) memcpy(p + i, "<p>x ", 5);
  assert_int_equal(alq_read_html(&d, p, n, "ps", &err), 0);
  alq_read_doc_free(&d);
  assert_int_equal(alq_read_html(&d, "", 0, "empty", &err), 0);
  assert_int_equal(d.len, 0);
  alq_read_doc_free(&d);
  free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(cnn_page), cmocka_unit_test(entities_and_chrome),
    cmocka_unit_test(encodings), cmocka_unit_test(too_deep),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
