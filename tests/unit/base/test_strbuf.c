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

/* sb_reserve makes the room once: appends that fit it leave the buffer
 * where it is; an empty reserved buffer is an empty string; a size that
 * cannot be is refused without failing the buffer */
static void test_reserve_makes_room_once(void **state)
{
	strbuf b;
	(void)state;
	sb_init(&b);
	assert_true(sb_reserve(&b, 1000));
	assert_string_equal(b.s, "");
	assert_int_equal(b.len, 0);
	char *at = b.s;
	for (int i = 0; i < 100; i++)
		sb_lit(&b, "0123456789");
	assert_ptr_equal(b.s, at);
	assert_int_equal(b.len, 1000);
	assert_true(sb_reserve(&b, 0));
	assert_false(sb_reserve(&b, SIZE_MAX));
	assert_false(b.failed);
	sb_putc(&b, '!');
	assert_int_equal(strlen(b.s), 1001);
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

/* The escaping of a JSON string, a byte at a time: what sb_json must give. */
static void reference_json(strbuf *b, const char *s, size_t n)
{
	sb_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			sb_printf(b, "\\%c", c);
		else if (c == '\n')
			sb_puts(b, "\\n");
		else if (c == '\t')
			sb_puts(b, "\\t");
		else if (c == '\r')
			sb_puts(b, "\\r");
		else if (c < 0x20 || c == 0x7F)
			sb_printf(b, "\\u%04x", c);
		else
			sb_putc(b, (char)c);
	}
	sb_putc(b, '"');
}

/* sb_json looks at eight bytes at a time: every byte that needs escaping,
 * at every place in a word and across words, among bytes that do not
 * (UTF-8 sequences included), in strings of every length up to 40. */
static void test_json_escapes_at_every_offset(void **state)
{
	static const char special[] = { '"', '\\', '\n', '\t', '\r', 0x01, 0x1F, 0x7F };
	static const char plain[] = "ab c\xC3\xA9" "d\xE2\x80\x9C~ \xF0\x9F\x98\x80xyz0123456789ABCDEFGHIJKLMNOP";
	(void)state;
	char s[48];
	strbuf got, want;
	sb_init(&got);
	sb_init(&want);
	for (size_t n = 0; n <= 40; n++)
		for (size_t at = 0; at <= n; at++)
			for (size_t k = 0; k < sizeof special; k++) {
				memcpy(s, plain, n);
				if (at < n)
					s[at] = special[k];
				got.len = want.len = 0;
				sb_json(&got, s, n);
				reference_json(&want, s, n);
				assert_int_equal(got.len, want.len);
				assert_memory_equal(got.s, want.s, want.len);
			}
	sb_free(&got);
	sb_free(&want);
}

static void test_lit_appends_a_literal(void **state)
{
	strbuf b;
	(void)state;
	sb_init(&b);
	sb_lit(&b, "ab");
	sb_lit(&b, "");
	sb_lit(&b, "c\0d");   /* a literal's length is its size: an inner NUL is kept */
	assert_int_equal(b.len, 5);
	assert_memory_equal(b.s, "abc\0d", 6);
	sb_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_appends_stay_terminated),
		cmocka_unit_test(test_extend_gives_room_in_place),
		cmocka_unit_test(test_reserve_makes_room_once),
		cmocka_unit_test(test_json_and_tsv_escapes),
		cmocka_unit_test(test_json_escapes_at_every_offset),
		cmocka_unit_test(test_lit_appends_a_literal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
