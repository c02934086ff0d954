#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "strbuf.h"

static void test_appends_stay_terminated(void **state)
{
	strbuf b;
	(void)state;
	sb_init(&b);
	sb_add(&b, "ab", 2);
	sb_putc(&b, 'c');
	sb_puts(&b, "de");
	sb_printf(&b, "-%d-", 42);
	assert_string_equal(b.s, "abcde-42-");
	assert_int_equal(b.len, 9);
	char *s = sb_take(&b);
	assert_string_equal(s, "abcde-42-");
	assert_null(b.s);
	free(s);
	s = sb_take(&b);   /* nothing added: an empty string, not NULL */
	assert_string_equal(s, "");
	free(s);
}

/* sb_extend hands out room to fill in place, through many regrowths */
static void test_extend_gives_room_in_place(void **state)
{
	strbuf b;
	(void)state;
	sb_init(&b);
	for (int i = 0; i < 10000; i++) {
		char *o = sb_extend(&b, 3);
		assert_non_null(o);
		o[0] = (char)('a' + i % 26);
		o[1] = 'x';
		o[2] = '\n';
	}
	assert_int_equal(b.len, 30000);
	assert_int_equal(strlen(b.s), 30000);
	assert_memory_equal(b.s + 3 * 27, "bx\n", 3);
	assert_non_null(sb_extend(&b, 0));
	assert_int_equal(b.len, 30000);
	sb_free(&b);
}

static void test_json_and_tsv_escapes(void **state)
{
	strbuf b;
	(void)state;
	sb_init(&b);
	sb_json(&b, "a\"b\\c\nd\te\x01", 10);
	assert_string_equal(b.s, "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
	b.len = 0;
	sb_tsv(&b, "a\tb\nc\rd\\e", 9);
	assert_string_equal(b.s, "a b c d\\e");
	sb_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appends_stay_terminated),
		cmocka_unit_test(test_extend_gives_room_in_place),
		cmocka_unit_test(test_json_and_tsv_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
