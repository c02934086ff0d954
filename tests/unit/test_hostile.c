/* Regression tests for what the hostile-input suite (tests/hostile/) found,
 * at the level of the layer that was fixed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "text.h"

static char *line(const char *in, size_t n)
{
	char *out;
	size_t len;
	assert_int_equal(text_sanitize_line(in, n, &out, &len), 0);
	assert_int_equal(strlen(out), len);
	return out;
}

#define EXPECT_LINE(in, want) do { \
	char *got_ = line(in, sizeof(in) - 1); \
	assert_string_equal(got_, want); \
	free(got_); \
} while (0)

/* A file name with a line end split "quoth: NAME: why" over two lines. */
static void test_line_ends_and_tabs_become_pictures(void **state)
{
	EXPECT_LINE("new\nline.txt", "new\xE2\x90\x8Aline.txt");
	EXPECT_LINE("cr\rlf\r\n", "cr\xE2\x90\x8Dlf\xE2\x90\x8D\xE2\x90\x8A");
	EXPECT_LINE("tab\there", "tab\xE2\x90\x89here");
	EXPECT_LINE("ls\xE2\x80\xA8ps\xE2\x80\xA9", "ls\xE2\x90\xA4ps\xE2\x90\xA4");
	EXPECT_LINE("nel\xC2\x85", "nel\xE2\x90\xA6");
}

static void test_line_keeps_the_other_rules(void **state)
{
	EXPECT_LINE("esc\x1B]0;x\x07.txt", "esc\xE2\x90\x9B]0;x\xE2\x90\x87.txt");
	EXPECT_LINE("c1\x9B" "1m", "c1\xEF\xBF\xBD" "1m");
	EXPECT_LINE("bidi\xE2\x80\xAEtxt", "bidi\xE2\x90\xA6txt");
	EXPECT_LINE("plain name.txt", "plain name.txt");
	EXPECT_LINE("\xEF\xBB\xBF" "bom", "\xEF\xBB\xBF" "bom");   /* nothing dropped from a name */
	EXPECT_LINE("", "");
}

/* Every byte value in every position: no byte below 0x20, nor DEL, remains. */
static void test_line_output_has_no_control_byte(void **state)
{
	char in[3];
	for (int a = 0; a < 256; a++)
		for (int b = 0; b < 256; b += 3) {
			in[0] = (char)a;
			in[1] = (char)b;
			in[2] = '\n';
			char *out = line(in, 3);
			for (const unsigned char *p = (const unsigned char *)out; *p; p++)
				assert_true(*p >= 0x20 && *p != 0x7F);
			assert_true(text_is_safe(out, strlen(out)));
			free(out);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_ends_and_tabs_become_pictures),
		cmocka_unit_test(test_line_keeps_the_other_rules),
		cmocka_unit_test(test_line_output_has_no_control_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
