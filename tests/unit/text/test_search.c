#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "search.h"

static size_t count(const char *text, const char *pat, search_hits *h)
{
	char *f = search_fold_pattern(pat, strlen(pat));
	assert_non_null(f);
	memset(h, 0, sizeof *h);
	assert_int_equal(search_all(text, 0, strlen(text), f, h), 0);
	free(f);
	return h->n;
}

static void test_unicode_case_folding(void **state)
{
	search_hits h;
	const char *t = "Øen Ærø ligger syd for Fyn. Auf der Straße. ΣΊΣΥΦΟΣ σίσυφος";
	assert_int_equal(count(t, "ÆRØ", &h), 1);
	assert_memory_equal(t + h.v[0].start, "Ærø", strlen("Ærø"));
	search_hits_free(&h);
	assert_int_equal(count(t, "STRASSE", &h), 1);
	assert_memory_equal(t + h.v[0].start, "Straße", strlen("Straße"));
	search_hits_free(&h);
	assert_int_equal(count(t, "σίσυφος", &h), 2);
	search_hits_free(&h);
	assert_int_equal(count(t, "fyn", &h), 1);
	search_hits_free(&h);
	assert_int_equal(count(t, "absent", &h), 0);
	search_hits_free(&h);
	/* characters outside ASCII that fold to ASCII letters start matches too */
	assert_int_equal(count("STRA\xE1\xBA\x9E" "E und \xE2\x84\xAA" "elvin, \xEF\xAC\x81" "ne", "strasse", &h), 1);
	search_hits_free(&h);
	assert_int_equal(count("\xE2\x84\xAA" "elvin", "kelvin", &h), 1);
	search_hits_free(&h);
	assert_int_equal(count("a \xEF\xAC\x81" "ne day", "fine", &h), 1);
	search_hits_free(&h);
}

static void test_white_space_and_joins(void **state)
{
	search_hits h;
	assert_int_equal(count("a well-\nplanned show", "well-planned", &h), 1);
	search_hits_free(&h);
	assert_int_equal(count("two   spaces\tand tab", "two spaces and", &h), 1);
	search_hits_free(&h);
}

static void test_next_wraps(void **state)
{
	search_hits h;
	assert_int_equal(count("x ab ab ab", "ab", &h), 3);
	bool wrapped;
	assert_int_equal(search_next(&h, 3, true, &wrapped), 1);
	assert_false(wrapped);
	assert_int_equal(search_next(&h, 9, true, &wrapped), 0);
	assert_true(wrapped);
	assert_int_equal(search_next(&h, 2, false, &wrapped), 2);
	assert_true(wrapped);
	search_hits_free(&h);
	assert_null(search_fold_pattern(" \t ", 3));
	assert_true(search_contains("Hello World", 11, "world"));
}

/* Found by fuzzing: a pattern starting with NUL folded to "", which
 * search_all matched everywhere with empty hits, without end. */
static void test_nul_and_empty_patterns(void **state)
{
	assert_null(search_fold_pattern("\0abc", 4));
	char *f = search_fold_pattern("ab\0cd", 5);
	assert_string_equal(f, "ab");
	free(f);
	search_hits h = { 0 };
	assert_int_equal(search_all("caf\xc3\xa9 abc", 0, 9, "", &h), 0);
	assert_int_equal(h.n, 0);
	search_hits_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unicode_case_folding),
		cmocka_unit_test(test_white_space_and_joins),
		cmocka_unit_test(test_next_wraps),
		cmocka_unit_test(test_nul_and_empty_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
