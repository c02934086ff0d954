#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "layout.h"

static layout_opts opts(int mode)
{
	layout_opts o = { 100, 25, 30, 40, false, mode, false };
	return o;
}

static void test_wide(void **state)
{
	layout l;
	layout_opts o = opts(LAYOUT_NARROW_HIDE);
	layout_compute(&l, 140, 40, &o, PANE_LIST);
	assert_false(l.narrow || l.too_small);
	assert_int_equal(l.pane[PANE_LIST].w, 35);
	assert_int_equal(l.pane[PANE_QUOTES].w, 42);
	assert_int_equal(l.pane[PANE_TEXT].x, 35);
	assert_int_equal(l.pane[PANE_TEXT].w, 140 - 35 - 42);
	assert_int_equal(l.status.y, 39);
	o.list_hidden = true;
	layout_compute(&l, 140, 40, &o, PANE_TEXT);
	assert_int_equal(l.pane[PANE_LIST].h, 0);
	assert_int_equal(l.pane[PANE_TEXT].x, 0);
}

static void test_narrow_hide(void **state)
{
	layout l;
	layout_opts o = opts(LAYOUT_NARROW_HIDE);
	layout_compute(&l, 80, 24, &o, PANE_TEXT);
	assert_true(l.narrow);
	assert_int_equal(l.pane[PANE_LIST].h, 0);
	assert_int_equal(l.pane[PANE_TEXT].w + l.pane[PANE_QUOTES].w, 80);
	layout_compute(&l, 80, 24, &o, PANE_LIST);
	assert_int_equal(l.pane[PANE_LIST].w, 80);
	assert_int_equal(l.pane[PANE_TEXT].h, 0);
	layout_compute(&l, 50, 20, &o, PANE_TEXT);
	assert_true(l.stacked);
	assert_int_equal(l.pane[PANE_QUOTES].y, l.pane[PANE_TEXT].h);
}

static void test_narrow_strip_and_stack(void **state)
{
	layout l;
	layout_opts o = opts(LAYOUT_NARROW_STRIP);
	layout_compute(&l, 80, 24, &o, PANE_TEXT);
	assert_int_equal(l.pane[PANE_LIST].w, LAYOUT_STRIP_COLS);
	assert_int_equal(l.pane[PANE_TEXT].x, LAYOUT_STRIP_COLS);
	assert_int_equal(l.pane[PANE_QUOTES].x + l.pane[PANE_QUOTES].w, 80);
	o = opts(LAYOUT_NARROW_STACK);
	layout_compute(&l, 80, 24, &o, PANE_TEXT);
	assert_int_equal(l.pane[PANE_LIST].h, LAYOUT_STACK_ROWS);
	assert_int_equal(l.pane[PANE_LIST].w, 80);
	assert_int_equal(l.pane[PANE_TEXT].y, LAYOUT_STACK_ROWS);
	assert_int_equal(l.pane[PANE_TEXT].h, 23 - LAYOUT_STACK_ROWS);
	/* hiding the list gives its room back */
	o.list_hidden = true;
	layout_compute(&l, 80, 24, &o, PANE_TEXT);
	assert_int_equal(l.pane[PANE_TEXT].y, 0);
}

static void test_too_small_and_hit_test(void **state)
{
	layout l;
	layout_opts o = opts(LAYOUT_NARROW_HIDE);
	layout_compute(&l, 30, 8, &o, PANE_TEXT);
	assert_true(l.too_small);
	layout_compute(&l, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, &o, PANE_TEXT);
	assert_false(l.too_small);
	layout_compute(&l, 140, 40, &o, PANE_LIST);
	assert_int_equal(layout_pane_at(&l, 5, 2), PANE_LIST);
	assert_int_equal(layout_pane_at(&l, 5, 60), PANE_TEXT);
	assert_int_equal(layout_pane_at(&l, 5, 130), PANE_QUOTES);
	assert_int_equal(layout_pane_at(&l, 39, 5), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_narrow_hide),
		cmocka_unit_test(test_narrow_strip_and_stack),
		cmocka_unit_test(test_too_small_and_hit_test),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
