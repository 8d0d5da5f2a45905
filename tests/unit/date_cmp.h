/* Two date expressions found by the date pass (src/extract/dates.c) are the
 * same: shared by the fast-path tests that compare a pass with its
 * reference (test_dates_fast.c, test_chrome_fast.c). Include after
 * <cmocka.h> and "extract/extract.h". */
#ifndef ALQ_TEST_DATE_CMP_H
#define ALQ_TEST_DATE_CMP_H

static void same_date(const date_expr *a, const date_expr *b) {
  assert_int_equal(a->start, b->start);
  assert_int_equal(a->end, b->end);
  assert_int_equal(a->tf, b->tf);
  assert_int_equal(a->tl, b->tl);
  assert_string_equal(a->iso, b->iso);
  assert_int_equal(a->relative, b->relative);
  assert_int_equal(a->vague, b->vague);
  assert_string_equal(a->ival, b->ival);
  assert_int_equal(a->second, b->second);
  assert_int_equal(a->form, b->form);
}

#endif
