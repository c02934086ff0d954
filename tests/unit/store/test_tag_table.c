#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tag_table.h"

/* Interned names: the table compares them by pointer. */
static const char claim[] = "claim", promise[] = "promise", zeta[] = "zeta";

static void test_add_find_and_fields(void **state)
{
	tag_table t = { 0 };
	(void)state;
	assert_null(tag_table_find(&t, 1, 2));
	tag_ent *e = tag_table_add(&t, 1, 2);
	assert_non_null(e);
	assert_ptr_equal(tag_table_add(&t, 1, 2), e);   /* the same entry again */
	assert_ptr_equal(tag_table_find(&t, 1, 2), e);
	assert_null(tag_table_find(&t, 2, 1));
	assert_string_equal(e->pub.text, "");
	assert_int_equal(tag_field_set(&e->pub.text, "We are ready", 12), 0);
	assert_string_equal(e->pub.text, "We are ready");
	assert_int_equal(tag_field_set(&e->pub.text, "", 0), 0);
	assert_ptr_equal(e->pub.text, tag_table_empty);
	tag_table_free(&t);
}

static void test_tags_sorted_and_counted_per_article(void **state)
{
	tag_table t = { 0 };
	(void)state;
	tag_ent *a = tag_table_add(&t, 7, 1), *b = tag_table_add(&t, 7, 2);
	a = tag_table_find(&t, 7, 1);   /* b's add may have moved the entries */
	assert_int_equal(tag_ent_on(&t, a, zeta), 0);
	assert_int_equal(tag_ent_on(&t, a, claim), 0);
	assert_int_equal(tag_ent_on(&t, a, claim), 0);   /* twice: once */
	assert_int_equal(tag_ent_on(&t, a, promise), 0);
	tag_table_settle(&t);
	assert_int_equal(a->pub.ntags, 3);
	assert_string_equal(a->pub.tags[0], "claim");
	assert_string_equal(a->pub.tags[1], "promise");
	assert_string_equal(a->pub.tags[2], "zeta");
	assert_int_equal(tag_table_article_count(&t, 7), 1);   /* one quote tagged */
	b = tag_table_find(&t, 7, 2);
	assert_int_equal(tag_ent_on(&t, b, claim), 0);
	assert_int_equal(tag_table_article_count(&t, 7), 2);
	tag_ent_off(&t, a, claim);
	tag_ent_off(&t, a, promise);
	assert_true(tag_ent_has(&t, a, zeta));
	assert_false(tag_ent_has(&t, a, claim));
	assert_int_equal(tag_table_article_count(&t, 7), 2);
	tag_ent_off(&t, a, zeta);
	assert_int_equal(tag_table_article_count(&t, 7), 1);   /* a has no tag left */
	assert_int_equal(tag_table_article_count(&t, 8), 0);
	tag_table_free(&t);
}

/* Past the first slot array and article table: every entry still found. */
static void test_grows(void **state)
{
	tag_table t = { 0 };
	(void)state;
	for (uint64_t i = 0; i < 5000; i++) {
		tag_ent *e = tag_table_add(&t, i % 700, i);
		assert_non_null(e);
		assert_int_equal(e->pub.seq, i);
		assert_int_equal(tag_ent_on(&t, e, claim), 0);
	}
	for (uint64_t i = 0; i < 5000; i++)
		assert_non_null(tag_table_find(&t, i % 700, i));
	assert_null(tag_table_find(&t, 1, 0));
	assert_int_equal(tag_table_article_count(&t, 3), 8);   /* 3, 703, ..., 4903 */
	tag_table_free(&t);
}

/* One quote with many tags, put on and taken off in an order unlike the
 * sorted one: membership stays exact through the swaps, and settling
 * sorts. (The old table shifted the array on every change: quadratic.) */
static void test_many_tags_on_one_quote(void **state)
{
	enum { N = 3000 };
	static char names[N][8];
	tag_table t = { 0 };
	(void)state;
	tag_ent *e = tag_table_add(&t, 1, 1);
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "t%05d", (i * 7919) % N);
		assert_int_equal(tag_ent_on(&t, e, names[i]), 0);
	}
	for (int i = 0; i < N; i += 3)
		tag_ent_off(&t, e, names[i]);
	for (int i = 0; i < N; i++)
		assert_int_equal(tag_ent_has(&t, e, names[i]), i % 3 != 0);
	tag_table_settle(&t);
	assert_int_equal(e->pub.ntags, N - (N + 2) / 3);
	for (size_t k = 1; k < e->pub.ntags; k++)
		assert_true(strcmp(e->pub.tags[k - 1], e->pub.tags[k]) < 0);
	for (int i = 0; i < N; i++)
		tag_ent_off(&t, e, names[i]);
	assert_int_equal(e->pub.ntags, 0);
	assert_int_equal(tag_table_article_count(&t, 1), 0);
	assert_int_equal(t.npairs, 0);
	tag_table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_find_and_fields),
		cmocka_unit_test(test_tags_sorted_and_counted_per_article),
		cmocka_unit_test(test_grows),
		cmocka_unit_test(test_many_tags_on_one_quote),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
